//! The offline base map: what `build.rs` embeds and the map view draws.
//!
//! [`BaseMap`] is the serialization boundary of the map (postcard bytes,
//! like [`crate::model::Corpus`]): every shape is already projected
//! ([`super::projection`]), simplified and written as a compact SVG path
//! `d`, so the app only sets attributes — no geometry runs in the browser
//! except projecting markers with the same [`super::project`].
//!
//! How to draw it: one `<path>` per [`CountryShape`] (filled, no stroke: the
//! coast shows as the edge of the fill), then [`BaseMap::borders`] (stroked,
//! no fill), then [`BaseMap::graticule`] (stroked thin, no fill), inside an
//! `<svg viewBox>` set to [`BaseMap::frame_northeast_asia`] by default or
//! [`BaseMap::view_box_world`] zoomed out. Markers go at
//! [`super::project`]`(lat, lon)`, routes through [`super::route::route_path`].

mod build;

pub use build::{build_from_dir, build_from_topojson, BuildSettings, BASEMAP_DIR, SOURCE_FILE};

use super::projection::ViewBox;
use crate::codec::{DecodeError, EncodeError};
use serde::{Deserialize, Serialize};

/// The projected base map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BaseMap {
    /// The whole world (`viewBox` of the zoomed-out map).
    pub view_box_world: ViewBox,
    /// The default frame: Lake Baikal to Kamchatka, Chukotka to Kyushu.
    pub frame_northeast_asia: ViewBox,
    /// Land, one entry per country (Natural Earth admin-0 units), in source
    /// order. Fill these.
    pub countries: Vec<CountryShape>,
    /// Land borders between countries (arcs shared by two countries), as
    /// open lines. Stroke this; do not fill it.
    pub borders: String,
    /// Meridians and parallels every [`super::graticule::STEP_DEGREES`]°.
    /// Stroke this; do not fill it.
    pub graticule: String,
    /// The credit line for the map data, to show with the map.
    pub attribution: String,
}

/// One country's land.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountryShape {
    /// ISO 3166-1 numeric code as Natural Earth gives it (`"643"` Russia,
    /// `"392"` Japan); empty for the few units without one (Kosovo,
    /// Somaliland, N. Cyprus, ...).
    pub id: String,
    /// Natural Earth's short English name (`"Russia"`, `"South Korea"`).
    pub name: String,
    /// The SVG path `d`: closed rings, relative integer coordinates.
    pub d: String,
}

impl BaseMap {
    /// Encodes the map for embedding.
    pub fn to_bytes(&self) -> Result<Vec<u8>, EncodeError> {
        crate::codec::encode("base map", self)
    }

    /// Decodes bytes written by [`BaseMap::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<BaseMap, DecodeError> {
        crate::codec::decode("base map", bytes)
    }

    /// A country by its ISO numeric code.
    pub fn country(&self, id: &str) -> Option<&CountryShape> {
        self.countries.iter().find(|c| c.id == id)
    }
}
