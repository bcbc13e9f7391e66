//! Applying [`Filters`] to the corpus: which passages pass, ranked by the
//! query when there is one, and the live counts of every facet.
//!
//! A facet's counts are taken *under the other filters* (the usual faceted
//! search rule): choosing `topic=energy` narrows the place counts to energy
//! passages, but the topic list still shows how many passages every other
//! topic would add. Within one facet the chosen values are a union, across
//! facets an intersection.

use super::facts::{Facts, PassageFacts};
use super::{Facet, Filters};
use crate::index::SearchIndex;
use crate::model::{Corpus, EntityKind};
use crate::search::{query, score};
use std::collections::BTreeMap;

/// The corpus, its index and the passage facts, ready to filter.
#[derive(Clone, Copy)]
pub struct Selection<'a> {
    /// The documents.
    pub corpus: &'a Corpus,
    /// The search index built from them.
    pub index: &'a SearchIndex,
    /// Per-passage facet values (see [`Facts::build`]).
    pub facts: &'a Facts,
}

/// A part of the filter that can be left out when counting its own facet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// One of the string facets.
    Facet(Facet),
    /// Publication years.
    Year,
    /// The mentioned-years range.
    Mentioned,
}

/// Live counts: for each facet value, the passages that have it among those
/// passing every *other* filter. Values with no passage are left out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FacetCounts {
    /// Passages passing every filter.
    pub total: usize,
    /// Documents with at least one passing passage.
    pub documents: usize,
    /// `(document index, passages)`, in corpus order.
    pub docs: Vec<(u32, usize)>,
    /// `(author, passages)`, by name.
    pub authors: Vec<(String, usize)>,
    /// `(publication year, passages)`, ascending.
    pub years: Vec<(i32, usize)>,
    /// `(topic index, passages)`, in taxonomy order.
    pub topics: Vec<(u16, usize)>,
    /// `(place index, passages)`, in gazetteer order.
    pub places: Vec<(u16, usize)>,
    /// `(entity index, passages)`.
    pub entities: Vec<(u16, usize)>,
    /// `(language code, passages)`, by code.
    pub langs: Vec<(String, usize)>,
    /// `(year mentioned, passages)`, ascending.
    pub mentioned: Vec<(i32, usize)>,
}

/// The query's matches, `(passage, score)` in passage order, or `None`
/// when there is no query.
type Scores = Option<Vec<(u32, f32)>>;

/// Bit of each part in a passage's failure mask ([`Compiled::fails`]).
fn bit(part: Part) -> u16 {
    1 << match part {
        Part::Facet(Facet::Doc) => 0,
        Part::Facet(Facet::Author) => 1,
        Part::Facet(Facet::Topic) => 2,
        Part::Facet(Facet::Place) => 3,
        Part::Facet(Facet::Person) => 4,
        Part::Facet(Facet::Org) => 5,
        Part::Facet(Facet::Lang) => 6,
        Part::Year => 7,
        Part::Mentioned => 8,
    }
}

/// The filters resolved once to yes/no tables over documents, topics,
/// places, entities and languages, so testing a passage compares no
/// strings: at 100× the seeds, matching ids per passage for each of nine
/// counts was most of the results page's time. `None`: the part is not
/// filtered.
struct Compiled {
    docs: Option<Vec<bool>>,
    authors: Option<Vec<bool>>,
    years: Option<Vec<bool>>,
    topics: Option<Vec<bool>>,
    places: Option<Vec<bool>>,
    people: Option<Vec<bool>>,
    orgs: Option<Vec<bool>>,
    langs: Option<Vec<bool>>,
    mentioned: Option<(i32, i32)>,
}

impl Compiled {
    fn new(sel: &Selection<'_>, f: &Filters) -> Compiled {
        fn table<T>(wanted: bool, items: &[T], has: impl Fn(&T) -> bool) -> Option<Vec<bool>> {
            wanted.then(|| items.iter().map(has).collect())
        }
        let wants = |facet: Facet, id: &str| f.values(facet).iter().any(|w| w == id);
        let on = |facet: Facet| !f.values(facet).is_empty();
        let docs = &sel.corpus.documents;
        let entities = &sel.corpus.annotations.entities;
        Compiled {
            docs: table(on(Facet::Doc), docs, |d| wants(Facet::Doc, &d.id)),
            authors: table(on(Facet::Author), docs, |d| {
                d.meta.authors.iter().any(|a| wants(Facet::Author, a))
            }),
            years: table(!f.years.is_empty(), docs, |d| {
                d.meta.year.is_some_and(|y| f.years.contains(&y))
            }),
            topics: table(on(Facet::Topic), &sel.corpus.annotations.topics, |t| {
                wants(Facet::Topic, &t.id)
            }),
            places: table(on(Facet::Place), &sel.corpus.places.places, |x| {
                wants(Facet::Place, &x.id)
            }),
            people: table(on(Facet::Person), entities, |e| {
                e.kind == EntityKind::Person && wants(Facet::Person, &e.id)
            }),
            orgs: table(on(Facet::Org), entities, |e| {
                e.kind == EntityKind::Org && wants(Facet::Org, &e.id)
            }),
            langs: table(on(Facet::Lang), &sel.facts.langs, |l| wants(Facet::Lang, l)),
            mentioned: f.mentioned,
        }
    }

    /// The parts passage `p` fails, as [`bit`]s (0: it passes them all).
    fn fails(&self, p: &PassageFacts) -> u16 {
        let yes = |t: &Vec<bool>, i: usize| t.get(i).copied().unwrap_or(false);
        let any = |t: &Vec<bool>, ids: &[u16]| ids.iter().any(|&i| yes(t, i as usize));
        let mut out = 0;
        let mut check = |part: Part, ok: bool| {
            if !ok {
                out |= bit(part);
            }
        };
        let doc = p.doc as usize;
        if let Some(t) = &self.docs {
            check(Part::Facet(Facet::Doc), yes(t, doc));
        }
        if let Some(t) = &self.authors {
            check(Part::Facet(Facet::Author), yes(t, doc));
        }
        if let Some(t) = &self.years {
            check(Part::Year, yes(t, doc));
        }
        if let Some(t) = &self.topics {
            check(Part::Facet(Facet::Topic), any(t, &p.topics));
        }
        if let Some(t) = &self.places {
            check(Part::Facet(Facet::Place), any(t, &p.places));
        }
        if let Some(t) = &self.people {
            check(Part::Facet(Facet::Person), any(t, &p.entities));
        }
        if let Some(t) = &self.orgs {
            check(Part::Facet(Facet::Org), any(t, &p.entities));
        }
        if let Some(t) = &self.langs {
            check(Part::Facet(Facet::Lang), yes(t, p.lang as usize));
        }
        if let Some((from, to)) = self.mentioned {
            check(
                Part::Mentioned,
                p.years.iter().any(|y| (from..=to).contains(y)),
            );
        }
        out
    }
}

/// Adds `n` at `key` of a dense counter, growing it as needed.
fn bump(counts: &mut Vec<usize>, key: usize, n: usize) {
    if counts.len() <= key {
        counts.resize(key + 1, 0);
    }
    counts[key] += n;
}

/// The non-zero entries of a dense counter, in key order.
fn nonzero<K>(counts: &[usize], key: impl Fn(usize) -> K) -> Vec<(K, usize)> {
    counts
        .iter()
        .enumerate()
        .filter(|&(_, &n)| n > 0)
        .map(|(k, &n)| (key(k), n))
        .collect()
}

impl<'a> Selection<'a> {
    /// Pairs the data.
    pub fn new(corpus: &'a Corpus, index: &'a SearchIndex, facts: &'a Facts) -> Self {
        Selection {
            corpus,
            index,
            facts,
        }
    }

    fn scores(&self, q: &str) -> Scores {
        let parsed = query::parse(q, true);
        if parsed.is_empty() {
            return None;
        }
        Some(score::matches(self.index, &parsed, None).hits)
    }

    /// Calls `f(passage, facts, score, failed parts)` for every passage the
    /// query matches (every passage when there is none), in passage order:
    /// with a query only its matches are visited, never the whole corpus.
    fn each(
        &self,
        filters: &Filters,
        scores: &Scores,
        mut f: impl FnMut(usize, &PassageFacts, f32, u16),
    ) {
        let compiled = Compiled::new(self, filters);
        let passages = &self.facts.passages;
        match scores {
            Some(hits) => {
                for &(i, s) in hits {
                    if let Some(p) = passages.get(i as usize) {
                        f(i as usize, p, s, compiled.fails(p));
                    }
                }
            }
            None => {
                for (i, p) in passages.iter().enumerate() {
                    f(i, p, 0.0, compiled.fails(p));
                }
            }
        }
    }

    /// The passages passing `filters`: best first when there is a query,
    /// in corpus order otherwise.
    pub fn passages(&self, filters: &Filters) -> Vec<u32> {
        let scores = self.scores(&filters.q);
        let mut out: Vec<(u32, f32)> = Vec::new();
        self.each(filters, &scores, |i, _, s, fails| {
            if fails == 0 {
                out.push((i as u32, s));
            }
        });
        if scores.is_some() {
            out.sort_unstable_by(score::by_rank);
        }
        out.into_iter().map(|(i, _)| i).collect()
    }

    /// For every passage, whether it passes `filters`.
    pub fn mask(&self, filters: &Filters) -> Vec<bool> {
        self.mask_but(filters, 0)
    }

    /// For every passage, whether it passes every filter but the parts in
    /// `skip` (a [`bit`] mask).
    fn mask_but(&self, filters: &Filters, skip: u16) -> Vec<bool> {
        let scores = self.scores(&filters.q);
        let mut out = vec![false; self.facts.passages.len()];
        self.each(filters, &scores, |i, _, _, fails| {
            out[i] = fails & !skip == 0;
        });
        out
    }

    /// Live counts for every facet under `filters`, in one pass over the
    /// candidate passages: a passage failing no part counts everywhere, one
    /// failing exactly one part counts only for that part's facet (which
    /// is counted without its own filter), any other counts nowhere.
    pub fn counts(&self, filters: &Filters) -> FacetCounts {
        let scores = self.scores(&filters.q);
        let mut total = 0;
        let mut docs_seen: Vec<bool> = Vec::new();
        let (mut docs, mut authors, mut years) = (Vec::new(), Vec::new(), Vec::new());
        let (mut topics, mut places, mut people, mut orgs, mut langs) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut mentioned: BTreeMap<i32, usize> = BTreeMap::new();
        self.each(filters, &scores, |_, p, _, fails| {
            if fails & fails.wrapping_sub(1) != 0 {
                return;
            }
            let counts = |part: Part| fails == 0 || fails == bit(part);
            let doc = p.doc as usize;
            if fails == 0 {
                total += 1;
                if docs_seen.len() <= doc {
                    docs_seen.resize(doc + 1, false);
                }
                docs_seen[doc] = true;
            }
            if counts(Part::Facet(Facet::Doc)) {
                bump(&mut docs, doc, 1);
            }
            // Authors and publication years belong to the document: count
            // passages per document here, spread over its values below.
            if counts(Part::Facet(Facet::Author)) {
                bump(&mut authors, doc, 1);
            }
            if counts(Part::Year) {
                bump(&mut years, doc, 1);
            }
            for (part, counter, keys) in [
                (Part::Facet(Facet::Topic), &mut topics, &p.topics),
                (Part::Facet(Facet::Place), &mut places, &p.places),
                (Part::Facet(Facet::Person), &mut people, &p.entities),
                (Part::Facet(Facet::Org), &mut orgs, &p.entities),
            ] {
                if counts(part) {
                    keys.iter().for_each(|&k| bump(counter, k as usize, 1));
                }
            }
            if counts(Part::Facet(Facet::Lang)) {
                bump(&mut langs, p.lang as usize, 1);
            }
            if counts(Part::Mentioned) {
                p.years
                    .iter()
                    .for_each(|&y| *mentioned.entry(y).or_default() += 1);
            }
        });
        let documents = &self.corpus.documents;
        let mut by_author: BTreeMap<&str, usize> = BTreeMap::new();
        let mut by_year: BTreeMap<i32, usize> = BTreeMap::new();
        for (d, doc) in documents.iter().enumerate() {
            let (a, y) = (
                authors.get(d).copied().unwrap_or(0),
                years.get(d).copied().unwrap_or(0),
            );
            if a > 0 {
                for author in &doc.meta.authors {
                    *by_author.entry(author).or_default() += a;
                }
            }
            if let (true, Some(year)) = (y > 0, doc.meta.year) {
                *by_year.entry(year).or_default() += y;
            }
        }
        let mut by_lang: BTreeMap<&str, usize> = BTreeMap::new();
        for (l, n) in nonzero(&langs, |l| l) {
            if let Some(code) = self.facts.langs.get(l) {
                *by_lang.entry(code).or_default() += n;
            }
        }
        // People and organisations share one list; each half is counted
        // without its own filter.
        let is_person = |e: usize| {
            self.corpus
                .annotations
                .entities
                .get(e)
                .is_some_and(|x| x.kind == EntityKind::Person)
        };
        let mut entities: Vec<(u16, usize)> = nonzero(&people, |e| e)
            .into_iter()
            .filter(|&(e, _)| is_person(e))
            .chain(
                nonzero(&orgs, |e| e)
                    .into_iter()
                    .filter(|&(e, _)| !is_person(e)),
            )
            .map(|(e, n)| (e as u16, n))
            .collect();
        entities.sort_unstable();
        FacetCounts {
            total,
            documents: docs_seen.iter().filter(|&&seen| seen).count(),
            docs: nonzero(&docs, |d| d as u32),
            authors: by_author
                .into_iter()
                .map(|(a, n)| (a.to_string(), n))
                .collect(),
            years: by_year.into_iter().collect(),
            topics: nonzero(&topics, |t| t as u16),
            places: nonzero(&places, |x| x as u16),
            entities,
            langs: by_lang
                .into_iter()
                .map(|(l, n)| (l.to_string(), n))
                .collect(),
            mentioned: mentioned.into_iter().collect(),
        }
    }

    /// Place mentions under every filter but the place facet, per place and
    /// document: `(place index, document index, mentions)`. The map sizes
    /// markers by these, so choosing a place keeps the others on the map.
    pub fn place_mentions(&self, filters: &Filters) -> Vec<(u16, u32, u32)> {
        let keep = self.mask_but(filters, bit(Part::Facet(Facet::Place)));
        let mut counts: BTreeMap<(u16, u32), u32> = BTreeMap::new();
        for m in &self.corpus.places.mentions {
            let Some(i) = self.facts.find(m.doc, m.passage) else {
                continue;
            };
            if keep.get(i as usize).copied().unwrap_or(false) {
                *counts.entry((m.target, m.doc)).or_default() += 1;
            }
        }
        counts.into_iter().map(|((p, d), c)| (p, d, c)).collect()
    }
}
