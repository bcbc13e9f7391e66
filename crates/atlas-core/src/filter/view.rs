//! What each filtered view shows, as plain data: the app's pages render
//! these values and decide nothing. One function per view, each with
//! native tests, so the choice between a ranked search, a listing and a
//! filtered search is made once, and every facet-like count (a topic, a
//! year of the timeline) is taken without its own filter, as the facet
//! panel's counts are ([`Selection::counts`]).
//!
//! The CLI's `atlas select` prints the same values.

use super::select::Part;
use super::{Facet, Filters, Selection};
use crate::model::{Passage, CONFIDENT};
use crate::search::{Hit, SearchOptions, SearchResponse, Searcher};
use std::collections::BTreeMap;

/// The results of `filters`: ranked hits when there is a query, the
/// filtered passages in reading order when there is none, and the query's
/// hits among the filtered passages when there are both.
pub fn results(sel: &Selection<'_>, filters: &Filters, options: &SearchOptions) -> SearchResponse {
    let searcher = Searcher::new(sel.corpus, sel.index);
    if filters.is_unfiltered() {
        return searcher.search(&filters.q, options);
    }
    if filters.q.trim().is_empty() {
        return searcher.listing(&sel.passages(filters), options);
    }
    let keep = sel.mask(&filters.cleared_query());
    searcher.search_where(&filters.q, options, |p| {
        keep.get(p as usize).copied().unwrap_or(false)
    })
}

/// The passages beside the map for the chosen places: how many pass the
/// filters, and the first `limit` as hits. Without a query they come in
/// reading order with the chosen places' mentions marked; with one, ranked
/// with the query's matches marked.
pub fn place_passages(sel: &Selection<'_>, filters: &Filters, limit: usize) -> (usize, Vec<Hit>) {
    let passages = sel.passages(filters);
    let total = passages.len();
    let searcher = Searcher::new(sel.corpus, sel.index);
    if !filters.q.trim().is_empty() {
        let options = SearchOptions {
            limit,
            ..SearchOptions::default()
        };
        return (total, results(sel, filters, &options).hits);
    }
    let places = &sel.corpus.places;
    let chosen: Vec<u16> = filters
        .places
        .iter()
        .filter_map(|id| places.position(id))
        .collect();
    let hits = passages
        .iter()
        .take(limit)
        .filter_map(|&p| {
            let facts = sel.facts.passages.get(p as usize)?;
            let marks: Vec<(usize, usize)> = places
                .mentions
                .in_doc(facts.doc)
                .filter(|m| chosen.contains(&m.target) && Some(m.passage) == facts.passage)
                .map(|m| (m.start as usize, m.end as usize))
                .collect();
            searcher.passage_hit_marking(p, &marks)
        })
        .collect();
    (total, hits)
}

/// The topics view: passages per topic and per (document, topic), under
/// every filter but the topic facet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TopicGrid {
    /// Tagged passages per topic, by index into `Annotations::topics`.
    pub per_topic: Vec<usize>,
    /// Tagged passages per `(document index, topic index)`; absent is 0.
    pub cells: BTreeMap<(u32, u16), usize>,
}

/// The topic grid for `filters`.
pub fn topic_grid(sel: &Selection<'_>, filters: &Filters) -> TopicGrid {
    let keep = sel.mask_without(filters, Part::Facet(Facet::Topic));
    let mut grid = TopicGrid {
        per_topic: vec![0; sel.corpus.annotations.topics.len()],
        cells: BTreeMap::new(),
    };
    for (p, _) in passing(sel, &keep) {
        for &t in &p.topics {
            *grid.cells.entry((p.doc, t)).or_default() += 1;
            if let Some(n) = grid.per_topic.get_mut(usize::from(t)) {
                *n += 1;
            }
        }
    }
    grid
}

/// The timeline: for each year mentioned, the passages mentioning it per
/// document index, under every filter but the mentioned-years range.
pub fn year_histogram(
    sel: &Selection<'_>,
    filters: &Filters,
) -> BTreeMap<i32, BTreeMap<u32, usize>> {
    let keep = sel.mask_without(filters, Part::Mentioned);
    let mut counts: BTreeMap<i32, BTreeMap<u32, usize>> = BTreeMap::new();
    for (p, _) in passing(sel, &keep) {
        for &y in &p.years {
            *counts.entry(y).or_default().entry(p.doc).or_default() += 1;
        }
    }
    counts
}

/// One row of the figures view: a figure of a passage passing the filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FigureRow {
    /// Index into `Corpus::documents` (and `Annotations::documents`).
    pub doc: u32,
    /// Index into that document's `figures`.
    pub figure: u32,
}

/// The figures stated in the passages passing `filters`, in document and
/// text order.
pub fn figure_rows(sel: &Selection<'_>, filters: &Filters) -> Vec<FigureRow> {
    let keep = sel.mask(filters);
    let mut rows = Vec::new();
    for (d, ann) in sel.corpus.annotations.documents.iter().enumerate() {
        for (i, f) in ann.figures.iter().enumerate() {
            let passes = sel
                .facts
                .find(d as u32, f.passage)
                .is_some_and(|p| keep.get(p as usize).copied().unwrap_or(false));
            if passes {
                rows.push(FigureRow {
                    doc: d as u32,
                    figure: i as u32,
                });
            }
        }
    }
    rows
}

/// One place on the map, sized by its mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapPlace {
    /// Index into `PlaceIndex::places`.
    pub place: u16,
    /// Mentions per document index, in document order.
    pub docs: Vec<(u32, u32)>,
    /// All its mentions under the filters.
    pub total: u32,
    /// Whether some mention of it, anywhere in the corpus, reaches
    /// [`CONFIDENT`]: the map hides the others behind a switch.
    pub confident: bool,
}

/// The map's places under every filter but the place facet (choosing a
/// place keeps the others on the map), in place-index order.
pub fn map_places(sel: &Selection<'_>, filters: &Filters) -> Vec<MapPlace> {
    let places = &sel.corpus.places;
    let mut best = vec![0u8; places.places.len()];
    for m in &places.mentions {
        if let Some(b) = best.get_mut(usize::from(m.target)) {
            *b = (*b).max(m.reading.confidence);
        }
    }
    let mut out: Vec<MapPlace> = Vec::new();
    for (p, d, c) in sel.place_mentions(filters) {
        match out.last_mut() {
            Some(last) if last.place == p => {
                last.docs.push((d, c));
                last.total += c;
            }
            _ => out.push(MapPlace {
                place: p,
                docs: vec![(d, c)],
                total: c,
                confident: best.get(usize::from(p)).is_some_and(|&b| b >= CONFIDENT),
            }),
        }
    }
    out
}

/// The block number of a passage in its document's body, `None` for a
/// note or metadata (what the reader can scroll to).
pub fn block_of(passage: Passage) -> Option<u32> {
    match passage {
        Passage::Block(n) => Some(n),
        Passage::Note(_) | Passage::Meta(_) => None,
    }
}

/// The passages `keep` marks, with their facts.
fn passing<'s>(
    sel: &'s Selection<'_>,
    keep: &'s [bool],
) -> impl Iterator<Item = (&'s super::facts::PassageFacts, usize)> + 's {
    sel.facts
        .passages
        .iter()
        .enumerate()
        .filter(|(i, _)| keep.get(*i).copied().unwrap_or(false))
        .map(|(i, p)| (p, i))
}
