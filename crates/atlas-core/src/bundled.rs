//! The project's curated `data/` files that are compiled into the crate,
//! each as its path (as errors name it) and its text.
//!
//! This is the one module that names them. The annotators and the gazetteer
//! parse these constants, so `build.rs`, the CLI, the pipeline worker and the
//! tests all see the same data without reading a file at run time. Paths are
//! built from `CARGO_MANIFEST_DIR` with `concat!`, so no module reaches out of
//! the crate by a relative path that breaks when the module moves.
//!
//! Cargo rebuilds the crate when any of these files changes: `include_str!`
//! records each in the crate's dep-info, so no `rerun-if-changed` is needed.
//! (`data/basemap/` is not here: `build.rs` reads it through
//! [`crate::geo::basemap::build_from_dir`].)

/// One embedded data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataFile {
    /// Where it lives, relative to the repository root, as errors name it
    /// (`data/topics.toml`).
    pub path: &'static str,
    /// Its text, as committed.
    pub text: &'static str,
}

/// `data/<name>` as a [`DataFile`].
macro_rules! data_file {
    ($name:literal) => {
        DataFile {
            path: concat!("data/", $name),
            text: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/", $name)),
        }
    };
}

/// The topic taxonomy: topics, cues and weights.
pub const TOPICS: DataFile = data_file!("topics.toml");
/// Generic words of policy prose that make no key phrase alone.
pub const KEYPHRASE_GENERIC: DataFile = data_file!("keyphrase-generic.txt");
/// The curated people list.
pub const PEOPLE: DataFile = data_file!("people.tsv");
/// The curated organisation list.
pub const ORGANISATIONS: DataFile = data_file!("organisations.tsv");
/// Spans that are no person or organisation.
pub const ENTITIES_IGNORE: DataFile = data_file!("entities-ignore.tsv");
/// The curated gazetteer: overrides, routes, fields, zones, macro-regions.
pub const GAZETTEER: DataFile = data_file!("gazetteer.tsv");
/// The generated gazetteer layer (GeoNames and Natural Earth).
pub const GAZETTEER_GEONAMES: DataFile = data_file!("gazetteer-geonames.tsv");
/// The region's small named features, joined to the curated gazetteer.
pub const GAZETTEER_FEATURES: DataFile = data_file!("gazetteer-features.tsv");
/// Reviewed names the gazetteer's sources lack.
pub const GAZETTEER_NAMES: DataFile = data_file!("gazetteer-names.tsv");
/// Spans that are no place.
pub const GAZETTEER_IGNORE: DataFile = data_file!("gazetteer-ignore.tsv");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_names_the_file_the_text_came_from() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
        for f in [
            TOPICS,
            KEYPHRASE_GENERIC,
            PEOPLE,
            ORGANISATIONS,
            ENTITIES_IGNORE,
            GAZETTEER,
            GAZETTEER_GEONAMES,
            GAZETTEER_FEATURES,
            GAZETTEER_NAMES,
            GAZETTEER_IGNORE,
        ] {
            let on_disk = std::fs::read_to_string(format!("{root}/{}", f.path)).expect(f.path);
            assert!(
                on_disk == f.text,
                "{} differs from its embedded text",
                f.path
            );
        }
    }
}
