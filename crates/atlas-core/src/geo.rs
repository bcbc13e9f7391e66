//! Geography for the map view: one projection shared by the base map and
//! every marker, so a place drawn over the map always lands on its coast.
//!
//! What runs where:
//!
//! - [`projection`], [`route`], [`graticule`] and the [`basemap::BaseMap`]
//!   type are small and pure; the app uses them at run time to place markers
//!   and draw routes over the embedded base map.
//! - [`topojson`], [`simplify`], [`seam`] and [`basemap::build_from_dir`]
//!   turn the Natural Earth source in `data/basemap/` into that base map.
//!   They run at compile time (in `build.rs`) and in tests. They need no
//!   dependency beyond `serde_json`, which the crate already has, so they
//!   sit behind no feature: the wasm linker drops them from the app.
//!
//! Coordinates: geographic input is always `(lat, lon)` in WGS84 degrees;
//! projected output is `(x, y)` in SVG user units (x to the east, y down),
//! see [`projection`].

pub mod basemap;
pub mod geojson;
pub mod graticule;
pub mod projection;
pub mod route;
pub mod seam;
pub mod simplify;
pub mod svg_path;
pub mod topojson;

pub use basemap::{BaseMap, CountryShape};
pub use projection::{project, unproject, GeoBounds, ViewBox, NORTHEAST_ASIA, WORLD_BOUNDS};
