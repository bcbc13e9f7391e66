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
use crate::annotate::entity::EntityKind;
use crate::index::SearchIndex;
use crate::model::Corpus;
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

/// The query's scores, one per passage (`None`: no match), or `None` when
/// there is no query.
type Scores = Option<Vec<Option<f32>>>;

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
        let eval = score::evaluate(self.index, &parsed, None);
        let mut scores = vec![None; self.facts.passages.len()];
        for (p, s) in eval.ranked {
            if let Some(slot) = scores.get_mut(p as usize) {
                *slot = Some(s);
            }
        }
        Some(scores)
    }

    /// The passages passing `filters`: best first when there is a query,
    /// in corpus order otherwise.
    pub fn passages(&self, filters: &Filters) -> Vec<u32> {
        let scores = self.scores(&filters.q);
        let mut out: Vec<(u32, f32)> = (0..self.facts.passages.len())
            .filter(|&i| self.passes(i, filters, &scores, None))
            .map(|i| {
                let s = scores.as_ref().and_then(|v| v[i]).unwrap_or(0.0);
                (i as u32, s)
            })
            .collect();
        if scores.is_some() {
            out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        }
        out.into_iter().map(|(i, _)| i).collect()
    }

    /// For every passage, whether it passes `filters`.
    pub fn mask(&self, filters: &Filters) -> Vec<bool> {
        let scores = self.scores(&filters.q);
        (0..self.facts.passages.len())
            .map(|i| self.passes(i, filters, &scores, None))
            .collect()
    }

    /// `true` when passage `i` passes every filter but `skip`.
    fn passes(&self, i: usize, f: &Filters, scores: &Scores, skip: Option<Part>) -> bool {
        let Some(p) = self.facts.passages.get(i) else {
            return false;
        };
        if let Some(s) = scores {
            if s.get(i).copied().flatten().is_none() {
                return false;
            }
        }
        let doc = self.corpus.documents.get(p.doc as usize);
        for facet in Facet::ALL {
            let wanted = f.values(facet);
            if wanted.is_empty() || skip == Some(Part::Facet(facet)) {
                continue;
            }
            if !self.has(p, doc, facet, wanted) {
                return false;
            }
        }
        if !f.years.is_empty() && skip != Some(Part::Year) {
            let year = doc.and_then(|d| d.meta.year);
            if !year.is_some_and(|y| f.years.contains(&y)) {
                return false;
            }
        }
        if let Some((from, to)) = f.mentioned {
            if skip != Some(Part::Mentioned) && !p.years.iter().any(|y| (from..=to).contains(y)) {
                return false;
            }
        }
        true
    }

    fn has(
        &self,
        p: &PassageFacts,
        doc: Option<&crate::model::Document>,
        facet: Facet,
        wanted: &[String],
    ) -> bool {
        let wants = |id: &str| wanted.iter().any(|w| w == id);
        match facet {
            Facet::Doc => doc.is_some_and(|d| wanted.contains(&d.id)),
            Facet::Author => doc.is_some_and(|d| d.meta.authors.iter().any(|a| wanted.contains(a))),
            Facet::Lang => self
                .facts
                .langs
                .get(p.lang as usize)
                .is_some_and(|l| wanted.contains(l)),
            Facet::Topic => {
                let topics = &self.corpus.annotations.topics;
                p.topics
                    .iter()
                    .filter_map(|&t| topics.get(t as usize))
                    .any(|t| wants(&t.id))
            }
            Facet::Place => {
                let places = &self.corpus.places.places;
                p.places
                    .iter()
                    .filter_map(|&x| places.get(x as usize))
                    .any(|x| wants(&x.id))
            }
            Facet::Person | Facet::Org => {
                let kind = if facet == Facet::Person {
                    EntityKind::Person
                } else {
                    EntityKind::Org
                };
                let entities = &self.corpus.annotations.entities;
                p.entities
                    .iter()
                    .filter_map(|&e| entities.get(e as usize))
                    .any(|e| e.kind == kind && wants(&e.id))
            }
        }
    }

    /// Live counts for every facet under `filters`.
    pub fn counts(&self, filters: &Filters) -> FacetCounts {
        let scores = self.scores(&filters.q);
        let n = self.facts.passages.len();
        let passing = |skip: Option<Part>| -> Vec<usize> {
            (0..n)
                .filter(|&i| self.passes(i, filters, &scores, skip))
                .collect()
        };
        let all = passing(None);
        let mut out = FacetCounts {
            total: all.len(),
            ..FacetCounts::default()
        };
        let mut docs_seen = std::collections::BTreeSet::new();
        for &i in &all {
            docs_seen.insert(self.facts.passages[i].doc);
        }
        out.documents = docs_seen.len();

        let docs_of = |p: &PassageFacts| self.corpus.documents.get(p.doc as usize);
        out.docs = self.tally(filters, &scores, Part::Facet(Facet::Doc), |p, add| {
            add(p.doc)
        });
        out.authors = self.tally(filters, &scores, Part::Facet(Facet::Author), |p, add| {
            docs_of(p)
                .into_iter()
                .flat_map(|d| &d.meta.authors)
                .for_each(|a| add(a.clone()))
        });
        out.years = self.tally(filters, &scores, Part::Year, |p, add| {
            docs_of(p)
                .and_then(|d| d.meta.year)
                .into_iter()
                .for_each(&mut *add)
        });
        out.topics = self.tally(filters, &scores, Part::Facet(Facet::Topic), |p, add| {
            p.topics.iter().for_each(|&t| add(t))
        });
        out.places = self.tally(filters, &scores, Part::Facet(Facet::Place), |p, add| {
            p.places.iter().for_each(|&x| add(x))
        });
        // People and organisations share one list; each half is counted
        // without its own filter.
        let people = self.tally(filters, &scores, Part::Facet(Facet::Person), |p, add| {
            p.entities.iter().for_each(|&e| add(e))
        });
        let orgs = self.tally(filters, &scores, Part::Facet(Facet::Org), |p, add| {
            p.entities.iter().for_each(|&e| add(e))
        });
        let is_person = |e: u16| {
            self.corpus
                .annotations
                .entities
                .get(e as usize)
                .is_some_and(|x| x.kind == EntityKind::Person)
        };
        out.entities = people
            .into_iter()
            .filter(|(e, _)| is_person(*e))
            .chain(orgs.into_iter().filter(|(e, _)| !is_person(*e)))
            .collect();
        out.entities.sort_unstable();
        out.langs = self.tally(filters, &scores, Part::Facet(Facet::Lang), |p, add| {
            self.facts
                .langs
                .get(p.lang as usize)
                .into_iter()
                .for_each(|l| add(l.clone()))
        });
        out.mentioned = self.tally(filters, &scores, Part::Mentioned, |p, add| {
            p.years.iter().for_each(|&y| add(y))
        });
        out
    }

    /// Counts the keys `keys` gives each passage that passes every filter
    /// but `skip`, in key order.
    fn tally<K: Ord>(
        &self,
        filters: &Filters,
        scores: &Scores,
        skip: Part,
        keys: impl Fn(&PassageFacts, &mut dyn FnMut(K)),
    ) -> Vec<(K, usize)> {
        let mut m: BTreeMap<K, usize> = BTreeMap::new();
        for (i, p) in self.facts.passages.iter().enumerate() {
            if self.passes(i, filters, scores, Some(skip)) {
                keys(p, &mut |k| *m.entry(k).or_default() += 1);
            }
        }
        m.into_iter().collect()
    }

    /// Place mentions under every filter but the place facet, per place and
    /// document: `(place index, document index, mentions)`. The map sizes
    /// markers by these, so choosing a place keeps the others on the map.
    pub fn place_mentions(&self, filters: &Filters) -> Vec<(u16, u32, u32)> {
        let scores = self.scores(&filters.q);
        let keep: Vec<bool> = (0..self.facts.passages.len())
            .map(|i| self.passes(i, filters, &scores, Some(Part::Facet(Facet::Place))))
            .collect();
        let mut counts: BTreeMap<(u16, u32), u32> = BTreeMap::new();
        for m in &self.corpus.places.mentions {
            let Some(i) = self.facts.find(m.doc, m.passage) else {
                continue;
            };
            if keep[i as usize] {
                *counts.entry((m.place, m.doc)).or_default() += 1;
            }
        }
        counts.into_iter().map(|((p, d), c)| (p, d, c)).collect()
    }
}
