//! The places a corpus mentions and every mention of them: what the
//! geoparser ([`crate::annotate::place`]) writes and the map, the filters
//! and the reader read.

use super::mention::{Mention, Mentions};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The places mentioned in the corpus and every mention, in corpus order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct PlaceIndex {
    /// Places mentioned at least once, in gazetteer order.
    pub places: Vec<MentionedPlace>,
    /// Every mention, ordered by document, then body blocks before notes,
    /// then passage, then offset.
    pub mentions: Mentions<PlaceReading>,
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

/// How the geoparser read one place mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PlaceReading {
    /// A capital standing for its government (`Moscow sees…`).
    pub metonym: bool,
    /// How sure the geoparser is that this is the place, 0–100.
    pub confidence: u8,
    /// Why it chose this place.
    pub reason: Reason,
}

/// One occurrence of a place: `target` indexes [`PlaceIndex::places`].
pub type PlaceMention = Mention<PlaceReading>;

/// Mentions at or above this confidence are shown by default; the map
/// hides the others behind a switch.
pub const CONFIDENT: u8 = 70;

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
    ) -> HashMap<u32, Vec<(usize, usize)>> {
        let wanted: Vec<u16> = place_ids
            .iter()
            .filter_map(|id| self.position(id))
            .collect();
        self.mentions.block_ranges(doc, &wanted)
    }
}

/// What kind of place a row is (the `kind` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PlaceKind {
    /// A sovereign (or historical) state.
    Country,
    /// A city or town.
    City,
    /// A federal subject, province, prefecture or federal district.
    Region,
    /// A region spanning several administrative units (Siberia, Northeast Asia).
    MacroRegion,
    /// A river.
    River,
    /// An ocean, sea or lake.
    Sea,
    /// An island or island chain.
    Island,
    /// A peninsula.
    Peninsula,
    /// A mountain range or a peak.
    Mountains,
    /// An oil/gas field, mine or LNG project.
    Field,
    /// A port.
    Port,
    /// A railway, pipeline, road or sea route (has waypoints).
    Route,
    /// A cross-border or special economic zone.
    Zone,
    /// Anything else (a supranational union, a bridge).
    Other,
}

impl PlaceKind {
    /// Every kind, in the order of the header's list.
    pub const ALL: [PlaceKind; 14] = [
        PlaceKind::Country,
        PlaceKind::City,
        PlaceKind::Region,
        PlaceKind::MacroRegion,
        PlaceKind::River,
        PlaceKind::Sea,
        PlaceKind::Island,
        PlaceKind::Peninsula,
        PlaceKind::Mountains,
        PlaceKind::Field,
        PlaceKind::Port,
        PlaceKind::Route,
        PlaceKind::Zone,
        PlaceKind::Other,
    ];

    /// The name used in the file and in JSON (`macro-region`, `city`, …).
    pub fn name(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::City => "city",
            PlaceKind::Region => "region",
            PlaceKind::MacroRegion => "macro-region",
            PlaceKind::River => "river",
            PlaceKind::Sea => "sea",
            PlaceKind::Island => "island",
            PlaceKind::Peninsula => "peninsula",
            PlaceKind::Mountains => "mountains",
            PlaceKind::Field => "field",
            PlaceKind::Port => "port",
            PlaceKind::Route => "route",
            PlaceKind::Zone => "zone",
            PlaceKind::Other => "other",
        }
    }

    /// The kind a file names, if any.
    pub fn from_name(name: &str) -> Option<PlaceKind> {
        PlaceKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// Why a mention was given to its place.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub enum Reason {
    /// The only place with that name.
    #[default]
    Only,
    /// A type word in the mention names the kind (`Amur River`).
    TypeWord,
    /// The document names this candidate unambiguously elsewhere.
    OneSense,
    /// Near, or in the region or country of, other places of the document.
    Context,
    /// In the region the corpus is about.
    RegionalPrior,
    /// The place's own name is the mention (or it is the curated reading).
    OwnName,
    /// The most populous candidate.
    Population,
}

impl Reason {
    /// The stable name used in JSON (`only`, `type-word`, `one-sense`, …).
    pub fn name(self) -> &'static str {
        match self {
            Reason::Only => "only",
            Reason::TypeWord => "type-word",
            Reason::OneSense => "one-sense",
            Reason::Context => "context",
            Reason::RegionalPrior => "regional-prior",
            Reason::OwnName => "own-name",
            Reason::Population => "population",
        }
    }
}
