//! What the `filtered_search` target checks: [`Selection`] (the passages
//! passing a set of filters, ranked by the query, and the live counts of
//! every facet) and `select_json`, the page API built on them, over the real
//! `seeds/` corpus.
//!
//! Why: every filtered view (results, map, topics, timeline, figures) shows
//! a count next to each facet value and promises that choosing the value
//! shows that many passages. Random bytes would almost never spell a topic
//! or place id, so the input is structure-aware: [`arbitrary`] turns it into
//! picks *among the corpus's own* documents, authors, topics, places,
//! people, organisations, languages and years, raw strings, and a query
//! drawn from a passage's words or written freely. Then:
//! - the passages are unique, and exactly those the mask marks;
//! - `counts().total` and `.documents` count them;
//! - a query only narrows: with it, a subset of the passages without it;
//! - the faceted-search rule: a value's count equals the passages shown
//!   when that value alone is chosen in its facet, the other filters kept
//!   (checked for one counted value of every facet);
//! - the results view's search under the filters (options drawn too:
//!   limit, offset, per-document cap, one document) returns only passages
//!   the filters pass, at most `limit`, the cap kept, best first;
//! - map counts name places and documents that exist;
//! - `select_json` for the filters' URL reports the same total.

use crate::fixture::{seeds, Fixture};
use arbitrary::{Arbitrary, Unstructured};
use atlas_core::analysis::text_words;
use atlas_core::filter::api::select_json;
use atlas_core::filter::{Facet, FacetCounts, Filters, Selection};
use atlas_core::model::EntityKind;
use atlas_core::search::{SearchOptions, Searcher, MAX_LIMIT};
use std::collections::BTreeSet;

/// A value for a facet: one of the corpus's own (by index, wrapped) or a raw string.
#[derive(Debug, Arbitrary)]
enum Pick {
    Own(u16),
    Raw(String),
}

/// A year: one a document was published in (by index, wrapped) or any.
#[derive(Debug, Arbitrary)]
enum YearPick {
    Published(u8),
    Raw(u16),
}

/// The query: none, a word of some passage (by indices, wrapped), or free text.
#[derive(Debug, Arbitrary)]
enum QueryPick {
    None,
    Word { doc: u8, block: u16, word: u8 },
    Words(Vec<(u8, u16, u8)>),
    Raw(String),
}

/// The search options of the results view, by field (`doc` by index, wrapped).
#[derive(Debug, Arbitrary)]
struct Options {
    prefix_last: bool,
    limit: u16,
    offset: u16,
    per_doc: Option<u8>,
    doc: Option<u8>,
}

#[derive(Debug, Arbitrary)]
struct Input {
    query: QueryPick,
    facets: Vec<(u8, Pick)>,
    years: Vec<YearPick>,
    mentioned: Option<(u16, u16)>,
    /// Which counted value of each facet the count rule is checked on.
    probe: u8,
    options: Options,
}

/// Decodes one input and checks it (see the module doc).
pub fn check(data: &[u8]) {
    let Ok(input) = Input::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };
    let f = seeds();
    let filters = filters(f, &input);
    let sel = Selection::new(&f.corpus, &f.index, &f.facts);

    let shown = sel.passages(&filters);
    let unique: BTreeSet<u32> = shown.iter().copied().collect();
    assert_eq!(unique.len(), shown.len(), "a passage listed twice");
    assert!(shown.iter().all(|&p| (p as usize) < f.facts.passages.len()));
    let mask = sel.mask(&filters);
    let masked: BTreeSet<u32> = (0..mask.len() as u32)
        .filter(|&i| mask[i as usize])
        .collect();
    assert_eq!(masked, unique, "the mask and the passage list disagree");

    let counts = sel.counts(&filters);
    assert_eq!(counts.total, shown.len(), "counts.total for {filters:?}");
    let docs: BTreeSet<u32> = shown
        .iter()
        .map(|&p| f.facts.passages[p as usize].doc)
        .collect();
    assert_eq!(counts.documents, docs.len(), "counts.documents");

    if !filters.q.trim().is_empty() {
        let unqueried = Filters {
            q: String::new(),
            ..filters.clone()
        };
        let all: BTreeSet<u32> = sel.passages(&unqueried).into_iter().collect();
        assert!(unique.is_subset(&all), "a query widened {unqueried:?}");
    }

    for (facet_filters, expected, what) in probes(f, &filters, &counts, input.probe) {
        let n = sel.passages(&facet_filters).len();
        assert_eq!(n, expected, "{what}: counted {expected}, shown {n}");
    }

    for (place, doc, n) in sel.place_mentions(&filters) {
        assert!(n > 0 && (place as usize) < f.corpus.places.places.len());
        assert!((doc as usize) < f.corpus.documents.len());
    }

    check_filtered_hits(f, &filters, &mask, &input.options);

    let url = filters.to_params().join("&");
    let json = select_json(&sel, &url);
    let total = format!("\"total\":{}", shown.len());
    assert!(
        json.contains(&total),
        "select({url:?}) = {json}, not {total}"
    );
}

/// The input's filters, in the canonical form the URL would give them.
fn filters(f: &Fixture, input: &Input) -> Filters {
    let c = &f.corpus;
    let own = |facet: Facet| -> Vec<String> {
        let entities = |kind: EntityKind| {
            c.annotations
                .entities
                .iter()
                .filter(|e| e.kind == kind)
                .map(|e| e.id.clone())
                .collect()
        };
        match facet {
            Facet::Doc => c.documents.iter().map(|d| d.id.clone()).collect(),
            Facet::Author => c
                .documents
                .iter()
                .flat_map(|d| d.meta.authors.clone())
                .collect(),
            Facet::Topic => c.annotations.topics.iter().map(|t| t.id.clone()).collect(),
            Facet::Place => c.places.places.iter().map(|p| p.id.clone()).collect(),
            Facet::Person => entities(EntityKind::Person),
            Facet::Org => entities(EntityKind::Org),
            Facet::Lang => f.facts.langs.clone(),
        }
    };
    let mut out = Filters {
        q: query(f, &input.query),
        ..Filters::default()
    };
    for (facet, pick) in &input.facets {
        let facet = Facet::ALL[usize::from(*facet) % Facet::ALL.len()];
        let value = match pick {
            Pick::Own(i) => {
                let values = own(facet);
                match values.len() {
                    0 => continue,
                    n => values[usize::from(*i) % n].clone(),
                }
            }
            Pick::Raw(s) => s.clone(),
        };
        values_mut(&mut out, facet).push(value);
    }
    let published: Vec<i32> = c.documents.iter().filter_map(|d| d.meta.year).collect();
    for y in &input.years {
        out.years.push(match y {
            YearPick::Published(i) if !published.is_empty() => {
                published[usize::from(*i) % published.len()]
            }
            YearPick::Published(_) => continue,
            YearPick::Raw(y) => i32::from(*y),
        });
    }
    out.mentioned = input
        .mentioned
        .map(|(a, b)| (1850 + i32::from(a % 220), 1850 + i32::from(b % 220)));
    Filters::from_query(&out.to_params().join("&"))
}

fn values_mut(f: &mut Filters, facet: Facet) -> &mut Vec<String> {
    match facet {
        Facet::Doc => &mut f.docs,
        Facet::Author => &mut f.authors,
        Facet::Topic => &mut f.topics,
        Facet::Place => &mut f.places,
        Facet::Person => &mut f.people,
        Facet::Org => &mut f.orgs,
        Facet::Lang => &mut f.langs,
    }
}

/// The query text the input asks for.
fn query(f: &Fixture, q: &QueryPick) -> String {
    let word = |&(d, b, w): &(u8, u16, u8)| -> Option<String> {
        let docs = &f.corpus.documents;
        let doc = docs.get(usize::from(d) % docs.len().max(1))?;
        let block = doc.blocks.get(usize::from(b) % doc.blocks.len().max(1))?;
        let words = text_words(&block.text);
        let word = words.get(usize::from(w) % words.len().max(1))?;
        Some(block.text[word.start..word.end].to_string())
    };
    match q {
        QueryPick::None => String::new(),
        QueryPick::Word {
            doc,
            block,
            word: w,
        } => word(&(*doc, *block, *w)).unwrap_or_default(),
        QueryPick::Words(ws) => ws
            .iter()
            .take(6)
            .filter_map(word)
            .collect::<Vec<_>>()
            .join(" "),
        QueryPick::Raw(s) => s.clone(),
    }
}

/// For one counted value of every facet (chosen by `probe`): the filters
/// with that value alone in its facet, and the count shown next to it.
fn probes(
    f: &Fixture,
    filters: &Filters,
    counts: &FacetCounts,
    probe: u8,
) -> Vec<(Filters, usize, String)> {
    let c = &f.corpus;
    let pick = |n: usize| usize::from(probe) % n.max(1);
    let mut out = Vec::new();
    let mut string_probe = |facet: Facet, values: Vec<(String, usize)>| {
        if values.is_empty() {
            return;
        }
        let (value, n) = values[pick(values.len())].clone();
        let mut chosen = filters.clone();
        *values_mut(&mut chosen, facet) = vec![value.clone()];
        out.push((chosen, n, format!("{facet:?} {value:?}")));
    };
    string_probe(
        Facet::Doc,
        counts
            .docs
            .iter()
            .filter_map(|&(d, n)| Some((c.documents.get(d as usize)?.id.clone(), n)))
            .collect(),
    );
    string_probe(Facet::Author, counts.authors.clone());
    string_probe(
        Facet::Topic,
        counts
            .topics
            .iter()
            .filter_map(|&(t, n)| Some((c.annotations.topics.get(usize::from(t))?.id.clone(), n)))
            .collect(),
    );
    string_probe(
        Facet::Place,
        counts
            .places
            .iter()
            .filter_map(|&(p, n)| Some((c.places.places.get(usize::from(p))?.id.clone(), n)))
            .collect(),
    );
    for (facet, kind) in [
        (Facet::Person, EntityKind::Person),
        (Facet::Org, EntityKind::Org),
    ] {
        string_probe(
            facet,
            counts
                .entities
                .iter()
                .filter_map(|&(e, n)| {
                    let e = c.annotations.entities.get(usize::from(e))?;
                    (e.kind == kind).then(|| (e.id.clone(), n))
                })
                .collect(),
        );
    }
    string_probe(Facet::Lang, counts.langs.clone());
    if !counts.years.is_empty() {
        let (year, n) = counts.years[pick(counts.years.len())];
        let chosen = Filters {
            years: vec![year],
            ..filters.clone()
        };
        out.push((chosen, n, format!("published {year}")));
    }
    if !counts.mentioned.is_empty() {
        let (year, n) = counts.mentioned[pick(counts.mentioned.len())];
        let chosen = Filters {
            mentioned: Some((year, year)),
            ..filters.clone()
        };
        out.push((chosen, n, format!("mentioned {year}")));
    }
    out
}

/// The results view: the query searched over the passages the filters
/// pass, with drawn options.
fn check_filtered_hits(f: &Fixture, filters: &Filters, mask: &[bool], o: &Options) {
    let docs = &f.corpus.documents;
    let options = SearchOptions {
        prefix_last: o.prefix_last,
        limit: usize::from(o.limit),
        offset: usize::from(o.offset),
        per_doc: o.per_doc.map(usize::from),
        doc: o
            .doc
            .and_then(|d| docs.get(usize::from(d) % docs.len().max(1)))
            .map(|d| d.id.clone()),
    };
    let searcher = Searcher::new(&f.corpus, &f.index);
    let r = searcher.search_where(&filters.q, &options, |p| {
        mask.get(p as usize).copied().unwrap_or(false)
    });
    assert!(r.hits.len() <= options.limit.min(MAX_LIMIT), "{options:?}");
    assert!(r.total <= mask.iter().filter(|&&m| m).count());
    assert!(r.hits.windows(2).all(|w| w[0].score >= w[1].score));
    let mut per_doc = std::collections::BTreeMap::<&str, usize>::new();
    for h in &r.hits {
        *per_doc.entry(h.doc.as_str()).or_default() += 1;
        if let Some(doc) = &options.doc {
            assert_eq!(&h.doc, doc);
        }
        let Some(&p) = passage_numbers(f).get(&h.block) else {
            panic!("hit {} is no passage", h.block);
        };
        assert!(mask[p], "hit {} fails the filters {filters:?}", h.block);
    }
    if let Some(cap) = options.per_doc {
        assert!(per_doc.values().all(|&n| n <= cap), "{per_doc:?}");
    }
}

/// Passage number of every block id, built once.
fn passage_numbers(
    f: &Fixture,
) -> &'static std::collections::HashMap<atlas_core::model::PassageId, usize> {
    static IDS: std::sync::OnceLock<
        std::collections::HashMap<atlas_core::model::PassageId, usize>,
    > = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        f.index
            .passages()
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                Some((atlas_core::index::passages::passage_id(&f.corpus, e.at)?, i))
            })
            .collect()
    })
}
