//! People and organisations beyond the curated lists (issue 16, part 5):
//! names found by patterns a reader would accept, so a paper the lists
//! were never curated for still shows who and what it talks about. Every
//! entity found this way is marked [`Origin::Automatic`](super::Origin) in
//! the corpus, the CLI and the app, and `atlas report --entities` lists
//! them for a maintainer to promote (a row in `data/people.tsv` or
//! `data/organisations.tsv`) or reject (a span in
//! `data/entities-ignore.tsv`).
//!
//! **Precision before recall.** A name a reader would reject (`The
//! Ministry`, `Chapter One`, a place, a month) is worse than a miss, so
//! each pattern needs positive evidence and stops at the first word it
//! cannot place:
//! - [`person`]: a title or office before a name (`President Xi Jinping`,
//!   `Minister of Foreign Affairs Sergei Lavrov`, `губернатор Приморского
//!   края Олег Кожемяко`), or a name, a comma and an office (`Alexei
//!   Chekunkov, Minister for …`); titles in [`titles`];
//! - [`org_english`]: a capitalised run ending in a head noun (`…
//!   Corporation`, `… Bank`, `… University`) or a head noun with its `of …`
//!   (`Ministry of …`, `Bank of China`);
//! - [`org_russian`]: a head noun with the genitive run of its name
//!   (`Министерство по развитию Дальнего Востока и Арктики`) or after
//!   capitalised adjectives (`Российского фонда прямых инвестиций`), listed
//!   in the nominative ([`russian`]);
//! - [`legal_form`]: `PJSC Gazprom Neft`, `Mitsui & Co.`, `ПАО «Сбербанк»`,
//!   `компания «…»`;
//! - [`acronym`]: `Name (ACR)` after an organisation makes `ACR` that
//!   organisation everywhere in the document.
//!
//! What the patterns propose is then checked against what the project
//! already knows, in this order:
//! 1. a span of `data/entities-ignore.tsv` is never an entity;
//! 2. a curated alias wins over an automatic person or organisation on the
//!    same text; only an organisation's name that *contains* curated
//!    aliases, with its own evidence (head noun, legal form) outside them,
//!    beats them (`PJSC Gazprom Neft` is not Gazprom, `Institute … of the
//!    Russian Academy of Sciences` not the Academy: the longest name wins,
//!    as in every lexicon here; but `Russian Ministry of Economic
//!    Development` is the curated ministry, whose alias holds the head);
//! 3. an automatic name equal to a curated alias is that curated entity
//!    (`ПАО «Газпром»` is Gazprom);
//! 4. a span the geoparser took for a place (`corpus.places`) is no person
//!    and no organisation: a person's name may not start with a place
//!    (`Krai Kozhemyako`, `России Путин` are where an office ends), an
//!    organisation may not be one place (`West Bank`).
//!
//! **Same entity.** An automatic entity is one per kind and folded name
//! across the corpus, with a stable id `auto-<slug of the name>` (curated
//! ids may not start with `auto-`). Within one document, a bare surname
//! after the full name (`Chekunkov`, `Демешина`) and a title with the
//! surname alone (`President Xi` next to `Xi Jinping`) are that person,
//! when no other person of the document has that surname; a full name found
//! in one document is found written out in every other.

pub mod acronym;
pub mod identity;
pub mod legal_form;
pub mod org_english;
pub mod org_russian;
pub mod person;
pub mod russian;
pub mod titles;
pub mod vocabulary;
pub mod words;

use super::data::EntityData;
use super::matcher::{EntityMatcher, EntityTarget};
use crate::analysis::fold::fold;
use crate::analysis::stopwords::is_stop_word;
use crate::annotate::lexicon::{cover_most, Lexicon};
use crate::error::Error;
use crate::model::{passages, Document, EntityKind, Passage, PlaceIndex};
use std::collections::{BTreeMap, HashMap, HashSet};
use words::Word;

/// One passage as the patterns read it.
pub struct Scan<'a> {
    /// The passage's text.
    pub text: &'a str,
    /// Its words.
    pub words: Vec<Word>,
    /// Byte ranges the geoparser took for places.
    pub places: &'a [(usize, usize)],
    /// Every word of the corpus written in lower case somewhere: a
    /// capitalised word that is also a common word is no name.
    pub lower: &'a HashSet<String>,
}

impl Scan<'_> {
    /// The text of word `i`.
    pub fn word(&self, i: usize) -> &str {
        self.words[i].text(self.text)
    }

    /// The text between word `i` and word `i + 1` (empty past the end).
    pub fn gap_after(&self, i: usize) -> &str {
        match (self.words.get(i), self.words.get(i + 1)) {
            (Some(a), Some(b)) => &self.text[a.end..b.start],
            _ => "",
        }
    }

    /// Does one place mention cover `start..end`?
    pub fn place_covers(&self, start: usize, end: usize) -> bool {
        self.places.iter().any(|&(s, e)| s <= start && end <= e)
    }

    /// Does a place mention overlap `start..end`?
    pub fn place_overlaps(&self, start: usize, end: usize) -> bool {
        self.places.iter().any(|&(s, e)| s < end && start < e)
    }

    /// Is the capitalised word also written in lower case in the corpus?
    pub fn common_word(&self, word: &str) -> bool {
        self.lower.contains(&word.to_lowercase())
    }

    /// `text[start..end]` with whitespace runs as one space.
    pub fn collapsed(&self, start: usize, end: usize) -> String {
        self.text[start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// What a pattern proposes: a span, the entity it names and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// Byte offset of the mention.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// Person or organisation.
    pub kind: EntityKind,
    /// The name as a reader would list it (`Xi Jinping`, `Российский фонд
    /// прямых инвестиций`).
    pub name: String,
    /// The role or kind the pattern gives (`governor`, `bank`).
    pub role: String,
    /// Which pattern, for the review list (`after title "Governor"`).
    pub trigger: String,
    /// The acronym defined right after it (`AIIB` of `… Bank (AIIB)`).
    pub acronym: Option<String>,
    /// The words that made the pattern fire (an organisation's head noun
    /// or legal form): an automatic name beats the curated aliases inside
    /// it only when this lies outside them.
    pub evidence: (usize, usize),
}

/// An entity found by the patterns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutoEntity {
    /// `auto-<slug>`, unique among automatic entities.
    pub id: String,
    /// The name as a reader would list it.
    pub name: String,
    /// Person or organisation.
    pub kind: EntityKind,
    /// Role or kind from the pattern that first found it.
    pub role: String,
}

/// Which entity a found mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// `EntityData::entities[i]`.
    Curated(u16),
    /// `Finding::entities[i]`.
    Automatic(u32),
}

/// One mention, curated or automatic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Index into the documents.
    pub doc: u32,
    /// The block or note.
    pub passage: Passage,
    /// Byte offset in the passage's text.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
    /// The entity.
    pub target: Target,
    /// How it was found (`curated alias` or the pattern).
    pub trigger: String,
}

/// Every entity mention of a corpus: curated aliases and automatic names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Finding {
    /// The automatic entities, by kind then id.
    pub entities: Vec<AutoEntity>,
    /// The mentions, by document, passage (body before notes) and offset.
    pub mentions: Vec<Found>,
}

/// A mention before automatic entities have ids.
#[derive(Debug, Clone)]
struct Pending {
    ordinal: usize,
    passage: Passage,
    start: usize,
    end: usize,
    target: PendingTarget,
    trigger: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum PendingTarget {
    Curated(u16),
    /// (kind, folded name): the automatic entity's key.
    Automatic(EntityKind, String),
}

/// What the first pass learns about one document.
#[derive(Default)]
struct DocFinds {
    mentions: Vec<Pending>,
    /// Acronyms defined in brackets, with what they stand for.
    acronyms: Vec<(String, PendingTarget)>,
    /// Spans no later match may take: ignore spans, bracket definitions.
    blocked: Vec<(usize, usize, usize)>,
}

/// What the two passes read about the whole corpus.
struct Known<'a> {
    data: &'a EntityData,
    matcher: EntityMatcher,
    /// Folded curated aliases and names, per kind, with their entity.
    curated_names: HashMap<(EntityKind, String), u16>,
    /// The corpus's common words (see [`lower_case_words`]).
    lower: HashSet<String>,
    /// Place mentions per (document, passage).
    places: HashMap<(u32, Passage), Vec<(usize, usize)>>,
}

impl Known<'_> {
    fn places_at(&self, doc: u32, passage: Passage) -> &[(usize, usize)] {
        self.places
            .get(&(doc, passage))
            .map_or(&[][..], Vec::as_slice)
    }
}

/// Finds every curated and automatic entity mention in the documents'
/// blocks and notes. `places` is the corpus's place index (what the
/// geoparser found), read to keep places out of names. Fails only when a
/// list of names cannot be compiled into a matcher
/// ([`crate::error::ErrorKind::Matcher`]).
pub fn find(
    data: &EntityData,
    documents: &[Document],
    places: &PlaceIndex,
) -> Result<Finding, Error> {
    let mut place_spans: HashMap<(u32, Passage), Vec<(usize, usize)>> = HashMap::new();
    for m in &places.mentions {
        place_spans
            .entry((m.doc, m.passage))
            .or_default()
            .push((m.start as usize, m.end as usize));
    }
    let known = Known {
        data,
        matcher: EntityMatcher::new(data)?,
        curated_names: curated_names(data),
        lower: lower_case_words(documents),
        places: place_spans,
    };
    let mut docs: Vec<DocFinds> = Vec::with_capacity(documents.len());
    // The automatic entities proposed, by key: (name, role) of the first.
    let mut proposed: BTreeMap<(EntityKind, String), (String, String)> = BTreeMap::new();
    for (d, doc) in documents.iter().enumerate() {
        let mut finds = DocFinds::default();
        for (ordinal, (passage, text)) in passages(doc).enumerate() {
            let scan = Scan {
                text,
                words: words::words(text),
                places: known.places_at(d as u32, passage),
                lower: &known.lower,
            };
            first_pass(&scan, &known, (ordinal, passage), &mut finds, &mut proposed);
        }
        merge_title_surnames(&mut finds);
        docs.push(finds);
    }
    let (entities, index) = number_entities(&docs, &proposed);
    let mut keys: Vec<(EntityKind, String)> =
        vec![(EntityKind::Person, String::new()); entities.len()];
    for (k, &i) in &index {
        keys[i as usize] = k.clone();
    }
    let full_names = full_name_lexicon(&entities)?;
    let mut mentions = Vec::new();
    for (d, (doc, mut finds)) in documents.iter().zip(docs).enumerate() {
        second_pass((d as u32, doc), &known, &full_names, &keys, &mut finds)?;
        finds.mentions.sort_by_key(|m| (m.ordinal, m.start));
        for p in finds.mentions {
            let target = match &p.target {
                PendingTarget::Curated(i) => Target::Curated(*i),
                PendingTarget::Automatic(kind, key) => match index.get(&(*kind, key.clone())) {
                    Some(&i) => Target::Automatic(i),
                    None => continue,
                },
            };
            mentions.push(Found {
                doc: d as u32,
                passage: p.passage,
                start: p.start,
                end: p.end,
                target,
                trigger: p.trigger,
            });
        }
    }
    Ok(Finding { entities, mentions })
}

/// Folded curated aliases and names, per kind, with their entity.
fn curated_names(data: &EntityData) -> HashMap<(EntityKind, String), u16> {
    let mut out = HashMap::new();
    for (i, e) in data.entities.iter().enumerate() {
        for name in e.aliases.iter().chain(std::iter::once(&e.name)) {
            out.entry((e.kind, identity::key(name))).or_insert(i as u16);
        }
    }
    out
}

/// One passage (`(ordinal, passage)`): curated hits, proposals, and the
/// choice between them.
fn first_pass(
    scan: &Scan,
    known: &Known,
    (ordinal, passage): (usize, Passage),
    finds: &mut DocFinds,
    proposed: &mut BTreeMap<(EntityKind, String), (String, String)>,
) {
    let (data, curated_names) = (known.data, &known.curated_names);
    let hits = known.matcher.find(scan.text);
    let mut proposals: Vec<Proposal> = Vec::new();
    proposals.extend(person::propose(scan));
    proposals.extend(org_english::propose(scan));
    proposals.extend(org_russian::propose(scan));
    proposals.extend(legal_form::propose(scan));
    for p in &mut proposals {
        if p.kind == EntityKind::Org {
            if let Some((acr, close)) = acronym::defined_after(scan.text, p.end) {
                p.acronym = Some(acr);
                p.end = close;
            }
        }
    }
    // Proposals among themselves: the most text covered, as in a lexicon.
    let chosen: Vec<Proposal> = cover_most(
        proposals
            .iter()
            .enumerate()
            .map(|(i, p)| (p.start, p.end, i))
            .collect(),
    )
    .into_iter()
    .map(|(_, _, i)| proposals[i].clone())
    .collect();
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    let contains = |outer: (usize, usize), inner: (usize, usize)| {
        outer.0 <= inner.0 && inner.1 <= outer.1 && outer != inner
    };
    let mut kept: Vec<Proposal> = Vec::new();
    for p in chosen {
        let span = (p.start, p.end);
        let beaten = hits.iter().any(|h| {
            let hs = (h.start, h.end);
            match h.target {
                EntityTarget::Ignore(_) => overlaps(span, hs),
                EntityTarget::Entity(_) => {
                    let longer = p.kind == EntityKind::Org
                        && contains(span, hs)
                        && !overlaps(p.evidence, hs);
                    overlaps(span, hs) && !longer
                }
            }
        });
        if !beaten {
            kept.push(p);
        }
    }
    for h in &hits {
        let hs = (h.start, h.end);
        match h.target {
            EntityTarget::Ignore(_) => finds.blocked.push((ordinal, h.start, h.end)),
            EntityTarget::Entity(e) => {
                if kept.iter().any(|p| overlaps((p.start, p.end), hs)) {
                    continue;
                }
                finds.mentions.push(Pending {
                    ordinal,
                    passage,
                    start: h.start,
                    end: h.end,
                    target: PendingTarget::Curated(e),
                    trigger: "curated alias".to_string(),
                });
                let row = &data.entities[usize::from(e)];
                if row.kind == EntityKind::Org {
                    if let Some((acr, close)) = acronym::defined_after(scan.text, h.end) {
                        if !row.aliases.contains(&acr) {
                            finds.acronyms.push((acr, PendingTarget::Curated(e)));
                            finds.blocked.push((ordinal, h.end, close));
                        }
                    }
                }
            }
        }
    }
    for p in kept {
        let key = identity::key(&p.name);
        let target = match curated_names.get(&(p.kind, key.clone())) {
            Some(&e) => PendingTarget::Curated(e),
            None => {
                // The first pattern names the entity; a bare honorific
                // (`Mr.`) gives way to an office found later.
                let slot = proposed
                    .entry((p.kind, key.clone()))
                    .or_insert_with(|| (p.name.clone(), p.role.clone()));
                if slot.1 == "person" {
                    slot.1 = p.role.clone();
                }
                PendingTarget::Automatic(p.kind, key)
            }
        };
        if let Some(acr) = &p.acronym {
            finds.acronyms.push((acr.clone(), target.clone()));
        }
        finds.mentions.push(Pending {
            ordinal,
            passage,
            start: p.start,
            end: p.end,
            target,
            trigger: p.trigger,
        });
    }
}

/// `President Xi` next to `Xi Jinping` in one document: the title with the
/// surname alone is the full name's person, when only one person of the
/// document has that surname.
fn merge_title_surnames(finds: &mut DocFinds) {
    let full: HashSet<String> = finds
        .mentions
        .iter()
        .filter_map(|m| match &m.target {
            PendingTarget::Automatic(EntityKind::Person, key) if key.contains(' ') => {
                Some(key.clone())
            }
            _ => None,
        })
        .collect();
    for m in &mut finds.mentions {
        let PendingTarget::Automatic(EntityKind::Person, key) = &m.target else {
            continue;
        };
        if key.contains(' ') {
            continue;
        }
        let mut owners = full
            .iter()
            .filter(|k| identity::surname(k).as_deref() == Some(key.as_str()));
        if let (Some(only), None) = (owners.next(), owners.next()) {
            m.target = PendingTarget::Automatic(EntityKind::Person, only.clone());
        }
    }
}

/// Gives the automatic entities still named by a mention their ids: the
/// table (by kind, then id) and each key's index in it.
fn number_entities(
    docs: &[DocFinds],
    proposed: &BTreeMap<(EntityKind, String), (String, String)>,
) -> (Vec<AutoEntity>, HashMap<(EntityKind, String), u32>) {
    let used: HashSet<(EntityKind, String)> = docs
        .iter()
        .flat_map(|d| d.mentions.iter())
        .filter_map(|m| match &m.target {
            PendingTarget::Automatic(kind, key) => Some((*kind, key.clone())),
            PendingTarget::Curated(_) => None,
        })
        .collect();
    let mut rows: Vec<(EntityKind, String, &(String, String), String)> = proposed
        .iter()
        .filter(|(k, _)| used.contains(*k))
        .map(|((kind, key), v)| (*kind, key.clone(), v, identity::slug(&v.0)))
        .collect();
    rows.sort_by(|a, b| (a.0, &a.3, &a.1).cmp(&(b.0, &b.3, &b.1)));
    let mut taken: HashSet<String> = HashSet::new();
    let mut entities = Vec::with_capacity(rows.len());
    let mut index = HashMap::new();
    for (kind, key, (name, role), slug) in rows {
        let base = format!("{}{slug}", identity::ID_PREFIX);
        let mut id = base.clone();
        let mut n = 2;
        while !taken.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        index.insert((kind, key), entities.len() as u32);
        entities.push(AutoEntity {
            id,
            name: name.clone(),
            kind,
            role: role.clone(),
        });
    }
    (entities, index)
}

/// The full names of the automatic entities (two words or more), to find
/// written out in every document. They come from the whole collection, so
/// an error names no one file.
fn full_name_lexicon(entities: &[AutoEntity]) -> Result<Lexicon<u32>, Error> {
    Lexicon::new(
        "automatic entity names (of every document)",
        entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.name.split_whitespace().count() >= 2)
            .map(|(i, e)| (e.name.as_str(), i as u32)),
    )
}

/// What the second pass looks for in a document besides full names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Extra {
    /// An acronym defined in this document.
    Acronym,
    /// A person's surname (or its case form), after the full name.
    Surname,
}

/// Full names, acronyms and surnames in one document, where the first
/// pass left the text free.
fn second_pass(
    (d, doc): (u32, &Document),
    known: &Known,
    full_names: &Lexicon<u32>,
    keys: &[(EntityKind, String)],
    finds: &mut DocFinds,
) -> Result<(), Error> {
    let lower = &known.lower;
    // The document's people with a full name, their surnames and where each
    // is first named in full.
    let mut first_full: BTreeMap<PendingTarget, (usize, usize)> = BTreeMap::new();
    for m in &finds.mentions {
        if let PendingTarget::Automatic(EntityKind::Person, key) = &m.target {
            if key.contains(' ') {
                let at = (m.ordinal, m.start);
                first_full
                    .entry(m.target.clone())
                    .and_modify(|x| *x = (*x).min(at))
                    .or_insert(at);
            }
        }
    }
    // (form as written, its surname, the person). A surname that is also a
    // stop word or a common word (`He` of `He Lifeng`, `Gold`) would turn
    // every `He said` into a mention: only the full name counts for it.
    let mut surnames: Vec<(String, String, PendingTarget)> = Vec::new();
    for t in first_full.keys() {
        let PendingTarget::Automatic(_, key) = t else {
            continue;
        };
        // The surname as written: take it from the first full mention.
        let Some(written) = finds
            .mentions
            .iter()
            .find(|m| &m.target == t)
            .and_then(|m| {
                passages(doc)
                    .nth(m.ordinal)
                    .map(|(_, text)| text[m.start..m.end].to_string())
            })
        else {
            continue;
        };
        let Some(surname) = identity::written_surname(&written, key) else {
            continue;
        };
        if is_stop_word(&fold(&surname)) || lower.contains(&surname.to_lowercase()) {
            continue;
        }
        let mut forms = vec![surname.clone()];
        if surname.chars().next().is_some_and(words::is_cyrillic) {
            forms.extend(russian::surname_forms(&surname));
        }
        for f in forms {
            surnames.push((f, surname.clone(), t.clone()));
        }
    }
    let mut owners: HashMap<&str, HashSet<&PendingTarget>> = HashMap::new();
    for (_, base, t) in &surnames {
        owners.entry(base.as_str()).or_default().insert(t);
    }
    let mut extras: Vec<(String, PendingTarget, Extra)> = Vec::new();
    for (acr, t) in &finds.acronyms {
        extras.push((acr.clone(), t.clone(), Extra::Acronym));
    }
    for (form, base, t) in &surnames {
        if owners.get(base.as_str()).is_some_and(|o| o.len() == 1) {
            extras.push((form.clone(), t.clone(), Extra::Surname));
        }
    }
    let doc_lexicon = Lexicon::new(
        &doc.file,
        extras
            .iter()
            .enumerate()
            .map(|(i, (surface, _, _))| (surface.as_str(), i)),
    )?;
    let mut added = Vec::new();
    for (ordinal, (passage, text)) in passages(doc).enumerate() {
        let taken: Vec<(usize, usize)> = finds
            .mentions
            .iter()
            .filter(|m| m.ordinal == ordinal)
            .map(|m| (m.start, m.end))
            .chain(
                finds
                    .blocked
                    .iter()
                    .filter(|b| b.0 == ordinal)
                    .map(|b| (b.1, b.2)),
            )
            .collect();
        let places = known.places_at(d, passage);
        let free = |s: usize, e: usize| {
            !taken.iter().any(|&(a, b)| a < e && s < b)
                && !places.iter().any(|&(a, b)| a < e && s < b)
        };
        // Candidates of both lexicons, the most text covered winning.
        let mut found: Vec<(usize, usize, Option<usize>, Option<u32>)> = Vec::new();
        for (s, e, i) in full_names.find(text) {
            found.push((s, e, None, Some(i)));
        }
        for (s, e, i) in doc_lexicon.find(text) {
            found.push((s, e, Some(i), None));
        }
        let indexed: Vec<(usize, usize, usize)> = found
            .iter()
            .enumerate()
            .filter(|(_, f)| free(f.0, f.1))
            .map(|(k, f)| (f.0, f.1, k))
            .collect();
        for (s, e, k) in cover_most(indexed) {
            let (_, _, extra, full) = found[k];
            let (target, trigger) = match (extra, full) {
                (_, Some(i)) => {
                    let Some((kind, key)) = keys.get(i as usize) else {
                        continue;
                    };
                    (
                        PendingTarget::Automatic(*kind, key.clone()),
                        "full name found elsewhere".to_string(),
                    )
                }
                (Some(x), None) => {
                    let (surface, target, kind) = &extras[x];
                    match kind {
                        Extra::Acronym => (
                            target.clone(),
                            format!("acronym {surface:?} defined in this document"),
                        ),
                        Extra::Surname => {
                            let Some(&first) = first_full.get(target) else {
                                continue;
                            };
                            if (ordinal, s) <= first {
                                continue;
                            }
                            (target.clone(), "surname after the full name".to_string())
                        }
                    }
                }
                (None, None) => continue,
            };
            added.push(Pending {
                ordinal,
                passage,
                start: s,
                end: e,
                target,
                trigger,
            });
        }
    }
    finds.mentions.extend(added);
    Ok(())
}

/// Every word of the documents' blocks and notes that starts with a
/// lower-case letter, lower-cased: the common words.
pub fn lower_case_words(documents: &[Document]) -> HashSet<String> {
    let mut out = HashSet::new();
    for doc in documents {
        for (_, text) in passages(doc) {
            for w in words::words(text) {
                let word = w.text(text);
                if word.chars().next().is_some_and(char::is_lowercase) {
                    out.insert(word.to_lowercase());
                }
            }
        }
    }
    out
}
