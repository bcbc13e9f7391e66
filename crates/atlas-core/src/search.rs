//! Full-text search over the corpus: the one entry point the app (through
//! its wasm export) and the CLI share, so both return the same JSON.
//!
//! ```text
//! query string ─► query::parse ─► expand (exact, prefix, translit, typo)
//!              ─► score (tier, proximity, BM25F per passage; clauses ∩, exclusions, phrases)
//!              ─► snippet per hit, document grouping, "did you mean"
//! ```
//!
//! Hits are passages: body blocks (id `<doc>:<n>`), notes (`<doc>:note:<n>`,
//! `n` the printed note number) and metadata (`<doc>:meta:<n>`: title,
//! abstracts, keyword lists, authors). All `spans` are **byte offsets** into
//! the string they accompany (`snippet`, or the block text for
//! [`Searcher::highlight`]); `spans_utf16` gives the same ranges in UTF-16
//! code units for JavaScript.

pub mod bm25;
pub mod expand;
pub mod fuzzy;
pub mod query;
pub mod score;
pub mod snippet;
pub mod suggest;

use crate::analysis::{text_words, tokenize, TextWord};
use crate::index::passages::{self, PassageRef};
use crate::index::SearchIndex;
use crate::model::{Corpus, PassageId};
use serde::{Deserialize, Serialize};
use snippet::Occurrence;

/// How to search. Every field has a default, so `{}` is valid JSON options.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchOptions {
    /// Hits returned at most (default 20).
    pub limit: usize,
    /// Hits skipped first, for paging (default 0).
    pub offset: usize,
    /// The last word also matches as a prefix while the user types (default
    /// `true`); a query ending in a space is taken as finished.
    pub prefix_last: bool,
    /// Only passages of this document (default: all).
    pub doc: Option<String>,
    /// At most this many hits per document (default: no cap). Results
    /// grouped by document show only a few passages each; capping here
    /// saves cutting snippets nobody sees. `total` and `docs` still count
    /// every match.
    pub per_doc: Option<usize>,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 20,
            offset: 0,
            prefix_last: true,
            doc: None,
            per_doc: None,
        }
    }
}

/// Largest `limit` honoured, whatever the caller asks.
pub const MAX_LIMIT: usize = 1000;

/// The answer to a query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResponse {
    /// Matching passages in all (before `offset`/`limit`).
    pub total: usize,
    /// The requested page of hits, best first.
    pub hits: Vec<Hit>,
    /// A corrected query when nothing matched and a correction was found.
    pub did_you_mean: Option<String>,
    /// Matching documents, best first: hits grouped by document.
    pub docs: Vec<DocHits>,
}

/// One matching passage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Document id.
    pub doc: String,
    /// The passage, written in JSON as its id (`<doc>:<n>`,
    /// `<doc>:note:<n>` or `<doc>:meta:<n>`).
    pub block: PassageId,
    /// `heading`, `body`, `note` or `meta`.
    pub field: &'static str,
    /// Relevance: a band for how the query was reached and how close its
    /// words stand, plus BM25F squashed into `[0, 1)` (see `search/bm25.rs`);
    /// higher is better, only comparable within a query.
    pub score: f32,
    /// The best window of the passage's text.
    pub snippet: String,
    /// `[start, end)` byte offsets of the matches in `snippet`.
    pub spans: Vec<[usize; 2]>,
    /// The same ranges in UTF-16 code units (for JavaScript strings).
    pub spans_utf16: Vec<[usize; 2]>,
}

/// A query compiled for highlighting ([`Searcher::highlighter`]).
pub struct Highlighter<'a> {
    corpus: &'a Corpus,
    atoms: Vec<expand::Expanded>,
}

impl Highlighter<'_> {
    /// Where the query matches in `text`: ascending, disjoint byte ranges.
    pub fn ranges(&self, text: &str) -> Vec<(usize, usize)> {
        if self.atoms.is_empty() {
            return Vec::new();
        }
        let words = text_words(text);
        let mut ranges: Vec<(usize, usize)> = occurrences(&self.atoms, &words)
            .iter()
            .map(|o| (words[o.from].start, words[o.to - 1].end))
            .collect();
        snippet::merge_overlapping(&mut ranges);
        ranges
    }

    /// [`Highlighter::ranges`] in the passage a written id names; empty
    /// for an unknown id.
    pub fn in_passage(&self, block_id: &str) -> Vec<(usize, usize)> {
        match passages::by_block_id(self.corpus, block_id) {
            Some((_, text)) => self.ranges(&text),
            None => Vec::new(),
        }
    }
}

/// Hits of one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocHits {
    /// Document id.
    pub doc: String,
    /// Matching passages in the document.
    pub hits: usize,
    /// Score of its best passage.
    pub best: f32,
}

/// Why a JSON search request could not be served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionsError(pub String);

impl std::fmt::Display for OptionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "search options are not valid JSON: {}", self.0)
    }
}

impl std::error::Error for OptionsError {}

impl SearchOptions {
    /// Reads options from JSON (`{"limit": 10}`); missing fields take defaults,
    /// an empty string means all defaults.
    pub fn from_json(json: &str) -> Result<SearchOptions, OptionsError> {
        if json.trim().is_empty() {
            return Ok(SearchOptions::default());
        }
        serde_json::from_str(json).map_err(|e| OptionsError(e.to_string()))
    }
}

impl SearchResponse {
    /// The response as compact JSON: the contract shared by the app and the CLI.
    pub fn to_json(&self) -> String {
        // Plain data with finite floats: serializing cannot fail.
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{\"total\":0,\"hits\":[]}"))
    }
}

/// A corpus and its index, ready to answer queries.
#[derive(Debug, Clone, Copy)]
pub struct Searcher<'a> {
    /// The corpus the index was built from (snippets are cut from it).
    pub corpus: &'a Corpus,
    /// The index of that corpus.
    pub index: &'a SearchIndex,
}

impl<'a> Searcher<'a> {
    /// Pairs a corpus with its index.
    pub fn new(corpus: &'a Corpus, index: &'a SearchIndex) -> Self {
        Searcher { corpus, index }
    }

    /// Answers a query. Never panics, whatever the string.
    pub fn search(&self, query: &str, options: &SearchOptions) -> SearchResponse {
        self.search_where(query, options, |_| true)
    }

    /// [`Searcher::search`] over the passages `keep` accepts (by passage
    /// number, the index's order): the filters of the app's facets.
    pub fn search_where(
        &self,
        query: &str,
        options: &SearchOptions,
        keep: impl Fn(u32) -> bool,
    ) -> SearchResponse {
        let parsed = query::parse(query, options.prefix_last);
        let only_doc = match &options.doc {
            Some(id) => match self.corpus.documents.iter().position(|d| &d.id == id) {
                Some(d) => Some(d as u32),
                None => return empty_response(),
            },
            None => None,
        };
        let score::Matches { mut hits, atoms } = score::matches(self.index, &parsed, only_doc);
        hits.retain(|&(p, _)| keep(p));
        let total = hits.len();
        let docs = self.group_ranked(&hits);
        let page = self.page(&mut hits, options);
        let shown: Vec<u32> = page.iter().map(|&(p, _)| p).collect();
        let hits = page
            .into_iter()
            .zip(indexed_occurrences(self.index, &atoms, &shown))
            .filter_map(|((p, s), occ)| self.hit_with(p, s, Marks::Words(occ)))
            .collect();
        let did_you_mean = if total == 0 && !parsed.is_empty() {
            suggest::did_you_mean(self.corpus, self.index, query, &parsed)
        } else {
            None
        };
        SearchResponse {
            total,
            hits,
            did_you_mean,
            docs,
        }
    }

    /// The requested window of `matches` in rank order, after the per-document
    /// cap. Only as much of the ranking is sorted as the window needs: the
    /// best `offset + limit` first, and more (four times as many each round)
    /// only while the cap leaves the window short. The cap is a filter in
    /// rank order, so the capped head of a ranked prefix is the head of the
    /// capped full ranking.
    fn page(&self, matches: &mut [(u32, f32)], options: &SearchOptions) -> Vec<(u32, f32)> {
        let limit = options.limit.min(MAX_LIMIT);
        let mut k = options.offset.saturating_add(limit);
        loop {
            let k_now = k.min(matches.len());
            score::rank_prefix(matches, k_now);
            let mut within_cap = self.per_doc_cap(options);
            let window: Vec<(u32, f32)> = matches[..k_now]
                .iter()
                .filter(|&&(p, _)| within_cap(p))
                .skip(options.offset)
                .take(limit)
                .copied()
                .collect();
            if window.len() == limit || k_now == matches.len() {
                return window;
            }
            k = k.saturating_mul(4);
        }
    }

    /// [`Searcher::search`] with options and result as JSON, for the wasm
    /// export and the CLI.
    pub fn search_json(&self, query: &str, options_json: &str) -> Result<String, OptionsError> {
        let options = SearchOptions::from_json(options_json)?;
        Ok(self.search(query, &options).to_json())
    }

    /// Byte ranges in a passage's text (a block's `text`, a note's `text`)
    /// where the query matches, for highlighting in the reader: ascending
    /// and disjoint (overlapping matches merged). Empty for an unknown id.
    /// Exclusions highlight nothing. For many passages, compile the query
    /// once with [`Searcher::highlighter`].
    pub fn highlight(&self, query: &str, block_id: &str) -> Vec<(usize, usize)> {
        self.highlighter(query).in_passage(block_id)
    }

    /// The query parsed and expanded once, to highlight any number of
    /// passages with (the reader marks every block of a document).
    pub fn highlighter(&self, query: &str) -> Highlighter<'a> {
        let parsed = query::parse(query, true);
        let atoms = parsed
            .clauses
            .iter()
            .flatten()
            .map(|a| expand::expand(self.index, a, expand::Reach::Full))
            .collect();
        Highlighter {
            corpus: self.corpus,
            atoms,
        }
    }

    /// A response listing `passages` (passage numbers, in the given order)
    /// without a query: the filtered views with an empty search box.
    pub fn listing(&self, passages: &[u32], options: &SearchOptions) -> SearchResponse {
        let mut per_doc: Vec<usize> = vec![0; self.corpus.documents.len()];
        let cap = options.per_doc.unwrap_or(usize::MAX);
        SearchResponse {
            total: passages.len(),
            hits: passages
                .iter()
                .filter(|&&p| {
                    let doc = self
                        .index
                        .passages()
                        .get(p as usize)
                        .map(|e| e.at.doc as usize);
                    match doc.and_then(|d| per_doc.get_mut(d)) {
                        Some(n) if *n < cap => {
                            *n += 1;
                            true
                        }
                        _ => false,
                    }
                })
                .skip(options.offset)
                .take(options.limit.min(MAX_LIMIT))
                .filter_map(|&p| self.passage_hit(p))
                .collect(),
            did_you_mean: None,
            docs: self.group_in_order(passages),
        }
    }

    /// A stateful test, for passages taken in rank order: `true` while the
    /// passage's document has had fewer than `options.per_doc` hits.
    fn per_doc_cap(&self, options: &SearchOptions) -> impl FnMut(u32) -> bool + '_ {
        let mut seen: Vec<usize> = vec![0; self.corpus.documents.len()];
        let cap = options.per_doc.unwrap_or(usize::MAX);
        move |p| {
            let doc = self
                .index
                .passages()
                .get(p as usize)
                .map(|e| e.at.doc as usize);
            match doc.and_then(|d| seen.get_mut(d)) {
                Some(n) if *n < cap => {
                    *n += 1;
                    true
                }
                _ => false,
            }
        }
    }

    /// The hit for passage `p` with no query: its opening as the snippet.
    pub fn passage_hit(&self, p: u32) -> Option<Hit> {
        self.hit_with(p, 0.0, Marks::Words(Vec::new()))
    }

    /// The hit for passage `p` with the byte ranges `marks` of its text
    /// marked (a place's mentions): the snippet is the window around them.
    pub fn passage_hit_marking(&self, p: u32, marks: &[(usize, usize)]) -> Option<Hit> {
        self.hit_with(p, 0.0, Marks::Bytes(marks))
    }

    /// The hit for passage `p`, its snippet cut around `marks`. Only word
    /// boundaries are found here, and for word runs (which the index gives,
    /// [`indexed_occurrences`]) only as far into the passage as the window
    /// can reach: a hit costs part of one pass of the word segmenter, not
    /// the analysis of every word.
    fn hit_with(&self, p: u32, score: f32, marks: Marks<'_>) -> Option<Hit> {
        let at: PassageRef = self.index.passages().get(p as usize)?.at;
        let doc = self.corpus.documents.get(at.doc as usize)?;
        let text = passages::text(self.corpus, at)?;
        let mut words = tokenize::words(&text).map(|(start, word)| (start, start + word.len()));
        let (bounds, mut occ, more) = match marks {
            Marks::Words(occ) => {
                let needed = if text.chars().count() <= snippet::WHOLE_UP_TO_CHARS {
                    usize::MAX
                } else {
                    snippet::words_needed(&occ)
                };
                let bounds: Vec<(usize, usize)> = words.by_ref().take(needed).collect();
                let more = words.next().is_some();
                (bounds, occ, more)
            }
            Marks::Bytes(marks) => {
                let bounds: Vec<(usize, usize)> = words.collect();
                let occ = marks
                    .iter()
                    .filter_map(|&(s, e)| {
                        let from = bounds.iter().position(|w| w.1 > s)?;
                        let to = bounds.iter().rposition(|w| w.0 < e)? + 1;
                        (from < to).then_some(Occurrence { from, to, atom: 0 })
                    })
                    .collect();
                (bounds, occ, false)
            }
        };
        // An index that does not fit the text (it cannot, built from the
        // same corpus) must cost highlights, never a panic.
        occ.retain(|o| o.from < o.to && o.to <= bounds.len());
        let snip = snippet::cut_known(&text, &bounds, more, &occ);
        let spans_utf16 = snip
            .spans
            .iter()
            .map(|&[a, b]| [utf16_len(&snip.text[..a]), utf16_len(&snip.text[..b])])
            .collect();
        Some(Hit {
            doc: doc.id.clone(),
            block: passages::passage_id(self.corpus, at)?,
            field: at.field.name(),
            score,
            snippet: snip.text,
            spans: snip.spans,
            spans_utf16,
        })
    }

    /// Hits per document for `hits` in any order, documents by their best
    /// passage in rank order (as the ranked list would first meet them).
    /// One pass with a slot per document: matching documents by id for
    /// each of 18,000 hits was most of a query's time at 100× the seeds.
    fn group_ranked(&self, hits: &[(u32, f32)]) -> Vec<DocHits> {
        let mut docs = self.tally_docs(hits.iter().copied(), |hit, best| {
            score::by_rank(hit, best).is_lt()
        });
        docs.sort_by(|a, b| score::by_rank(&a.2, &b.2));
        self.doc_hits(docs)
    }

    /// Hits per document, documents in the order `listed` first meets them.
    fn group_in_order(&self, listed: &[u32]) -> Vec<DocHits> {
        // Every score is 0, so a document's first passage stays its best;
        // documents are ordered by where that passage stands in the list.
        let mut first = vec![usize::MAX; self.corpus.documents.len()];
        for (i, &p) in listed.iter().enumerate() {
            let doc = self.index.passages().get(p as usize).map(|e| e.at.doc);
            if let Some(slot) = doc.and_then(|d| first.get_mut(d as usize)) {
                *slot = (*slot).min(i);
            }
        }
        let mut docs = self.tally_docs(listed.iter().map(|&p| (p, 0.0)), |_, _| false);
        docs.sort_by_key(|&(d, _, _)| first.get(d).copied());
        self.doc_hits(docs)
    }

    /// `(document, hits, best hit)` for every document with a hit, in
    /// document order; `better(hit, best)` says when a hit replaces the best.
    fn tally_docs(
        &self,
        hits: impl Iterator<Item = (u32, f32)>,
        better: impl Fn(&(u32, f32), &(u32, f32)) -> bool,
    ) -> Vec<(usize, usize, (u32, f32))> {
        let mut per_doc: Vec<Option<(usize, (u32, f32))>> = vec![None; self.corpus.documents.len()];
        for hit in hits {
            let Some(slot) = self
                .index
                .passages()
                .get(hit.0 as usize)
                .and_then(|e| per_doc.get_mut(e.at.doc as usize))
            else {
                continue;
            };
            match slot {
                Some((n, best)) => {
                    *n += 1;
                    if better(&hit, best) {
                        *best = hit;
                    }
                }
                None => *slot = Some((1, hit)),
            }
        }
        per_doc
            .into_iter()
            .enumerate()
            .filter_map(|(d, slot)| slot.map(|(n, best)| (d, n, best)))
            .collect()
    }

    fn doc_hits(&self, docs: Vec<(usize, usize, (u32, f32))>) -> Vec<DocHits> {
        docs.into_iter()
            .filter_map(|(d, hits, (_, best))| {
                Some(DocHits {
                    doc: self.corpus.documents.get(d)?.id.clone(),
                    hits,
                    best,
                })
            })
            .collect()
    }
}

/// What a hit's snippet marks.
enum Marks<'m> {
    /// Runs of words, by word number (the query's matches).
    Words(Vec<Occurrence>),
    /// Byte ranges of the passage's text (a place's mentions).
    Bytes(&'m [(usize, usize)]),
}

/// Convenience for [`Searcher::search`].
pub fn search(
    corpus: &Corpus,
    index: &SearchIndex,
    query: &str,
    options: &SearchOptions,
) -> SearchResponse {
    Searcher::new(corpus, index).search(query, options)
}

fn empty_response() -> SearchResponse {
    SearchResponse {
        total: 0,
        hits: Vec::new(),
        did_you_mean: None,
        docs: Vec::new(),
    }
}

/// Where the positive `atoms` match in each of `shown` (passage numbers,
/// unique, any order), read from the index's word positions: one walk of
/// each reached term's postings for the whole page, stopping past its last
/// passage. A term atom matches at each position of a term it reached; a
/// phrase where its words stand at their offsets in the phrase (stop words
/// hold their places but are not checked, as in ranking). The same word
/// runs [`occurrences`] finds by analysing the text, at a fraction of the
/// cost (a test holds the two equal over the seeds).
fn indexed_occurrences(
    index: &SearchIndex,
    atoms: &[expand::Expanded],
    shown: &[u32],
) -> Vec<Vec<Occurrence>> {
    let mut order: Vec<usize> = (0..shown.len()).collect();
    order.sort_by_key(|&i| shown[i]);
    let wanted: Vec<u32> = order.iter().map(|&i| shown[i]).collect();
    let mut out: Vec<Vec<Occurrence>> = vec![Vec::new(); shown.len()];
    for (a, atom) in atoms.iter().enumerate() {
        if !atom.phrase {
            for r in &atom.terms {
                for (j, forms, positions) in index.positions_in(r.offset, &wanted) {
                    if r.tier_in(forms).is_none() {
                        continue;
                    }
                    out[order[j]].extend(positions.iter().map(|&at| Occurrence {
                        from: at as usize,
                        to: at as usize + 1,
                        atom: a,
                    }));
                }
            }
            continue;
        }
        let len = atom.matcher.phrase_len();
        if atom.terms.is_empty() || len == 0 || atom.phrase_at.len() != atom.terms.len() {
            continue;
        }
        // Per term of the phrase, its positions in each wanted passage.
        let per_term: Vec<Vec<Vec<u32>>> = atom
            .terms
            .iter()
            .map(|r| {
                let mut lists = vec![Vec::new(); wanted.len()];
                for (j, _, positions) in index.positions_in(r.offset, &wanted) {
                    lists[j] = positions;
                }
                lists
            })
            .collect();
        for j in 0..wanted.len() {
            for &first in &per_term[0][j] {
                let Some(start) = first.checked_sub(atom.phrase_at[0]) else {
                    continue;
                };
                let whole = per_term
                    .iter()
                    .zip(&atom.phrase_at)
                    .all(|(lists, &k)| lists[j].binary_search(&(start + k)).is_ok());
                if whole {
                    out[order[j]].push(Occurrence {
                        from: start as usize,
                        to: start as usize + len,
                        atom: a,
                    });
                }
            }
        }
    }
    out
}

/// Where each positive atom matches among the tokens.
fn occurrences(atoms: &[expand::Expanded], toks: &[TextWord]) -> Vec<Occurrence> {
    let mut occ = Vec::new();
    for (i, a) in atoms.iter().enumerate() {
        for (from, to) in a.matcher.occurrences(toks) {
            occ.push(Occurrence { from, to, atom: i });
        }
    }
    occ
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}
