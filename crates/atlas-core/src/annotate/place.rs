//! The geoparser: every mention of a gazetteer place in the clean body
//! blocks and notes, as offsets, plus the places mentioned (with what the
//! map needs to draw them). The result, [`PlaceIndex`], is embedded in the
//! corpus (`Corpus::places`), so the app never matches text itself.
//!
//! Matching rules live in [`matcher`] (aliases, ignore spans, word
//! boundaries, case), the government-metonym flag in [`metonym`], and the
//! maintainers' report of capitalised spans the gazetteer does not know in
//! [`candidates`].
//!
//! Mentions store no text: `start..end` are byte offsets into the block's
//! or note's `text`, and [`PlaceMention::surface`] reads the surface back.
//! Passages are addressed like every other annotation, by
//! [`crate::annotate::Passage`] (a note by its printed number).
//! That keeps the embedded index at a few bytes per mention.

pub mod candidates;
pub mod matcher;
pub mod metonym;

use crate::annotate::{passages, Passage};
use crate::gazetteer::{Gazetteer, PlaceKind};
use crate::model::Corpus;
use matcher::{PlaceMatcher, Target};
use serde::{Deserialize, Serialize};

/// The places mentioned in the corpus and every mention, in corpus order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct PlaceIndex {
    /// Places mentioned at least once, in gazetteer order.
    pub places: Vec<MentionedPlace>,
    /// Every mention, ordered by document, then body blocks before notes,
    /// then passage, then offset.
    pub mentions: Vec<PlaceMention>,
}

/// A mentioned place, with what a map needs (no aliases, no source).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionedPlace {
    /// Gazetteer id (`primorsky-krai`).
    pub id: String,
    /// Canonical English name.
    pub name: String,
    /// What kind of place.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code, `None` for several countries or disputed.
    pub country: Option<String>,
    /// WGS84 latitude.
    pub lat: f64,
    /// WGS84 longitude.
    pub lon: f64,
    /// Routes only: `(lat, lon)` points in travel order.
    pub waypoints: Vec<(f64, f64)>,
}

/// One occurrence of a place in a block or note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceMention {
    /// Index into [`PlaceIndex::places`].
    pub place: u16,
    /// Index into `Corpus::documents`.
    pub doc: u32,
    /// The block or note (notes by printed number, as everywhere).
    pub passage: Passage,
    /// Byte offset of the surface in the passage's text.
    pub start: u32,
    /// Byte offset just past the surface.
    pub end: u32,
    /// A capital standing for its government (`Moscow sees…`); see [`metonym`].
    pub metonym: bool,
}

impl PlaceMention {
    /// The text as written (`Russia’s Far East`, `Primorye`).
    pub fn surface<'c>(&self, corpus: &'c Corpus) -> Option<&'c str> {
        let doc = corpus.documents.get(self.doc as usize)?;
        self.passage
            .text(doc)?
            .get(self.start as usize..self.end as usize)
    }

    /// The passage id, as in search hits: `<doc>:<n>` or `<doc>:note:<n>`
    /// (see [`Passage::id`]).
    pub fn block_id(&self, corpus: &Corpus) -> Option<String> {
        let doc = corpus.documents.get(self.doc as usize)?;
        Some(self.passage.id(&doc.id))
    }
}

impl PlaceIndex {
    /// The index of the place with this gazetteer id, if it is mentioned.
    pub fn position(&self, id: &str) -> Option<u16> {
        self.places
            .iter()
            .position(|p| p.id == id)
            .map(|i| i as u16)
    }

    /// Byte ranges of the mentions of `place_ids` in document `doc` (its
    /// index), per body block number: what the reader highlights when it is
    /// opened from the map.
    pub fn mention_ranges(
        &self,
        doc: u32,
        place_ids: &[String],
    ) -> std::collections::HashMap<u32, Vec<(usize, usize)>> {
        let mut out: std::collections::HashMap<u32, Vec<(usize, usize)>> = Default::default();
        if place_ids.is_empty() {
            return out;
        }
        let wanted: Vec<u16> = place_ids
            .iter()
            .filter_map(|id| self.position(id))
            .collect();
        for m in self.mentions_in(doc).filter(|m| wanted.contains(&m.place)) {
            if let crate::annotate::Passage::Block(n) = m.passage {
                out.entry(n)
                    .or_default()
                    .push((m.start as usize, m.end as usize));
            }
        }
        out
    }

    /// The mentions of one place, in corpus order.
    pub fn mentions_of(&self, place: u16) -> impl Iterator<Item = &PlaceMention> + '_ {
        self.mentions.iter().filter(move |m| m.place == place)
    }

    /// The mentions in one document, in reading order.
    pub fn mentions_in(&self, doc: u32) -> impl Iterator<Item = &PlaceMention> + '_ {
        self.mentions.iter().filter(move |m| m.doc == doc)
    }

    /// How often each place is mentioned in one document: `(place, count)`,
    /// most mentioned first (ties in gazetteer order).
    pub fn counts_in(&self, doc: u32) -> Vec<(u16, u32)> {
        crate::annotate::most_first(crate::annotate::tally(
            self.mentions_in(doc).map(|m| m.place),
        ))
    }

    /// How often one place is mentioned per document: `(doc, count)`, in
    /// document order.
    pub fn counts_of(&self, place: u16) -> Vec<(u32, u32)> {
        crate::annotate::tally(self.mentions_of(place).map(|m| m.doc))
    }
}

/// One mention found in a text, pointing into the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextMention {
    /// Index into `Gazetteer::places`.
    pub place: u16,
    /// Byte offset in the text.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
    /// A capital standing for its government.
    pub metonym: bool,
}

/// The compiled gazetteer: finds mentions in any text.
pub struct Geoparser {
    matcher: PlaceMatcher,
    capitals: Vec<bool>,
}

impl Geoparser {
    /// Compiles the aliases and ignore spans of `gazetteer`.
    pub fn new(gazetteer: &Gazetteer) -> Geoparser {
        Geoparser {
            matcher: PlaceMatcher::new(gazetteer),
            capitals: gazetteer
                .places
                .iter()
                .map(|p| metonym::GOVERNMENT_CAPITALS.contains(&p.id.as_str()))
                .collect(),
        }
    }

    /// The place mentions in `text`, in order.
    pub fn find(&self, text: &str) -> Vec<TextMention> {
        self.matcher
            .find(text)
            .into_iter()
            .filter_map(|hit| match hit.target {
                Target::Place(place) => Some(TextMention {
                    place,
                    start: hit.start,
                    end: hit.end,
                    metonym: self.capitals.get(place as usize) == Some(&true)
                        && metonym::is_metonym(text, hit.start, hit.end),
                }),
                Target::Ignore(_) => None,
            })
            .collect()
    }
}

/// Finds every place mention in the corpus's blocks and notes.
pub fn annotate_places(corpus: &Corpus, gazetteer: &Gazetteer) -> PlaceIndex {
    let parser = Geoparser::new(gazetteer);
    // Mentions first point into the gazetteer; renumbered below to the
    // places actually mentioned.
    let mut mentions = Vec::new();
    for (d, doc) in corpus.documents.iter().enumerate() {
        for (passage, text) in passages(doc) {
            for m in parser.find(text) {
                mentions.push(PlaceMention {
                    place: m.place,
                    doc: d as u32,
                    passage,
                    start: m.start as u32,
                    end: m.end as u32,
                    metonym: m.metonym,
                });
            }
        }
    }
    let mut used: Vec<u16> = mentions.iter().map(|m| m.place).collect();
    used.sort_unstable();
    used.dedup();
    let places = used
        .iter()
        .map(|&i| {
            let p = &gazetteer.places[i as usize];
            MentionedPlace {
                id: p.id.clone(),
                name: p.name.clone(),
                kind: p.kind,
                country: p.country.clone(),
                lat: p.lat,
                lon: p.lon,
                waypoints: p.waypoints.clone(),
            }
        })
        .collect();
    for m in &mut mentions {
        // `used` is sorted and holds every mentioned place.
        m.place = used.binary_search(&m.place).unwrap_or_default() as u16;
    }
    PlaceIndex { places, mentions }
}
