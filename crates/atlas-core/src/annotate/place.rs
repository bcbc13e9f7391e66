//! The geoparser: every mention of a gazetteer place in the clean body
//! blocks, notes and metadata, as offsets, plus the places mentioned (with
//! what the map needs to draw them). The result, [`PlaceIndex`], is
//! embedded in the corpus (`Corpus::places`), so the app never matches
//! text itself.
//!
//! The stages: [`forms`] turns each gazetteer name into the forms a text
//! uses (type words, romanisations, Russian cases from [`inflect`]);
//! [`matcher`] finds them in a passage's [`folded`] text and checks
//! capitalisation and what the words around say ([`context`]);
//! [`resolve`] chooses one place per match per document and says how sure
//! it is and why; [`metonym`] flags a capital standing for its government.
//! [`candidates`] is the maintainers' report of capitalised spans the
//! gazetteer does not know.
//!
//! Mentions store no text: `start..end` are byte offsets into the block's
//! or note's `text`, and [`PlaceMention::surface`] reads the surface back.
//! Passages are addressed like every other annotation, by
//! [`crate::annotate::Passage`] (a note by its printed number).
//! That keeps the embedded index at a few bytes per mention.

pub mod candidates;
pub mod context;
pub mod folded;
pub mod forms;
pub mod inflect;
pub mod matcher;
pub mod metonym;
pub mod palladius;
pub mod resolve;

use crate::annotate::place_passages;
use crate::gazetteer::Gazetteer;
use crate::model::{
    Corpus, Mention, MentionedPlace, Mentions, Passage, PlaceIndex, PlaceReading, Reason,
};
use matcher::PlaceMatcher;

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
    /// 0–100.
    pub confidence: u8,
    /// Why this place.
    pub reason: Reason,
}

/// The compiled gazetteer: finds mentions in any text.
pub struct Geoparser<'g> {
    gazetteer: &'g Gazetteer,
    matcher: PlaceMatcher,
    capitals: Vec<bool>,
}

impl<'g> Geoparser<'g> {
    /// Compiles the forms and ignore spans of `gazetteer` (an error when
    /// they cannot be compiled: [`PlaceMatcher::new`]).
    pub fn new(gazetteer: &'g Gazetteer) -> Result<Geoparser<'g>, crate::error::Error> {
        Ok(Geoparser {
            gazetteer,
            matcher: PlaceMatcher::new(gazetteer)?,
            capitals: gazetteer
                .places
                .iter()
                .map(|p| metonym::GOVERNMENT_CAPITALS.contains(&p.id.as_str()))
                .collect(),
        })
    }

    /// The place mentions in `text`, in order, reading it as a document of
    /// its own.
    pub fn find(&self, text: &str) -> Vec<TextMention> {
        let lower = !text.chars().any(char::is_uppercase);
        self.find_in(&[(text, lower)])
            .into_iter()
            .map(|(_, m)| m)
            .collect()
    }

    /// The place mentions in the passages of one document (`(text,
    /// lowercase_ok)`), as `(passage index, mention)` in order.
    pub fn find_in(&self, passages: &[(&str, bool)]) -> Vec<(usize, TextMention)> {
        let hits: Vec<(usize, matcher::Hit)> = passages
            .iter()
            .enumerate()
            .flat_map(|(i, (text, lower))| {
                self.matcher
                    .find(text, *lower)
                    .into_iter()
                    .map(move |h| (i, h))
            })
            .collect();
        let refs: Vec<&matcher::Hit> = hits.iter().map(|(_, h)| h).collect();
        let choices = resolve::resolve_document(self.gazetteer, &refs);
        hits.iter()
            .zip(choices)
            .filter_map(|((i, h), choice)| {
                let c = choice?;
                let text = passages[*i].0;
                Some((
                    *i,
                    TextMention {
                        place: c.place,
                        start: h.start,
                        end: h.end,
                        metonym: self.capitals.get(c.place as usize) == Some(&true)
                            && metonym::is_metonym(text, h.start, h.end),
                        confidence: c.confidence,
                        reason: c.reason,
                    },
                ))
            })
            .collect()
    }
}

/// The bundled gazetteer's geoparser, compiled once per process (building
/// its automaton is the costliest step of annotating a small collection).
pub fn bundled_geoparser() -> Result<&'static Geoparser<'static>, crate::error::Error> {
    static GAZETTEER: std::sync::OnceLock<Result<Gazetteer, crate::error::Error>> =
        std::sync::OnceLock::new();
    static PARSER: std::sync::OnceLock<Result<Geoparser<'static>, crate::error::Error>> =
        std::sync::OnceLock::new();
    let gazetteer = GAZETTEER
        .get_or_init(Gazetteer::bundled)
        .as_ref()
        .map_err(Clone::clone)?;
    PARSER
        .get_or_init(|| Geoparser::new(gazetteer))
        .as_ref()
        .map_err(Clone::clone)
}

/// Finds every place mention in the corpus's blocks, notes and metadata.
pub fn annotate_places(
    corpus: &Corpus,
    gazetteer: &Gazetteer,
) -> Result<PlaceIndex, crate::error::Error> {
    Ok(annotate_places_with(corpus, &Geoparser::new(gazetteer)?))
}

/// [`annotate_places`] with an already compiled geoparser.
pub fn annotate_places_with(corpus: &Corpus, parser: &Geoparser<'_>) -> PlaceIndex {
    let gazetteer = parser.gazetteer;
    // Mentions first point into the gazetteer; renumbered below to the
    // places actually mentioned.
    let mut mentions = Vec::new();
    // A place inside a person's or an organisation's name is not a mention
    // of the place (`Kim Jong-un`, `Shanghai Cooperation Organisation`):
    // the entity annotator ran first, and its spans hide the places in them.
    let mut entity_spans: std::collections::HashMap<(u32, Passage), Vec<(u32, u32)>> =
        std::collections::HashMap::new();
    for m in &corpus.annotations.entity_mentions {
        entity_spans
            .entry((m.doc, m.passage))
            .or_default()
            .push((m.start, m.end));
    }
    for (d, doc) in corpus.documents.iter().enumerate() {
        let passages = place_passages(doc);
        let texts: Vec<(&str, bool)> = passages.iter().map(|(_, t, l)| (t.as_ref(), *l)).collect();
        let mut found = parser.find_in(&texts);
        found.retain(|(i, m)| {
            let inside = |&(s, e): &(u32, u32)| s as usize <= m.start && m.end <= e as usize;
            !entity_spans
                .get(&(d as u32, passages[*i].0))
                .is_some_and(|spans| spans.iter().any(inside))
        });
        // Body and notes first, then metadata (the index's order): a
        // metadata mention is not where a reader starts.
        found.sort_by_key(|(i, m)| (passages[*i].0, m.start));
        for (i, m) in found {
            mentions.push(Mention {
                target: m.place,
                doc: d as u32,
                passage: passages[i].0,
                start: m.start as u32,
                end: m.end as u32,
                reading: PlaceReading {
                    metonym: m.metonym,
                    confidence: m.confidence,
                    reason: m.reason,
                },
            });
        }
    }
    let mut used: Vec<u16> = mentions.iter().map(|m| m.target).collect();
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
        m.target = used.binary_search(&m.target).unwrap_or_default() as u16;
    }
    PlaceIndex {
        places,
        mentions: Mentions(mentions),
    }
}
