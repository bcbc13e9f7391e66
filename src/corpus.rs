//! The corpus and its search index that `build.rs` embedded, decoded once
//! on first use.
//!
//! Everything the app shows comes from here: there are no data fetches.

use atlas_core::filter::{Facts, Selection};
use atlas_core::geo::BaseMap;
use atlas_core::index::SearchIndex;
use atlas_core::model::{Corpus, DecodeError};
use atlas_core::search::Searcher;
use std::sync::OnceLock;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));
static INDEX_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));
static BASEMAP_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/basemap.bin"));
static BASEMAP: OnceLock<Result<BaseMap, DecodeError>> = OnceLock::new();
static FACTS: OnceLock<Facts> = OnceLock::new();
static CORPUS: OnceLock<Result<Corpus, DecodeError>> = OnceLock::new();
static INDEX: OnceLock<Result<SearchIndex, DecodeError>> = OnceLock::new();

/// The embedded corpus, or why it could not be decoded.
pub fn corpus() -> Result<&'static Corpus, &'static DecodeError> {
    CORPUS.get_or_init(|| Corpus::from_bytes(BYTES)).as_ref()
}

/// The search engine over the embedded corpus and index.
pub fn searcher() -> Result<Searcher<'static>, &'static DecodeError> {
    let corpus = corpus()?;
    let index = INDEX
        .get_or_init(|| SearchIndex::from_bytes(INDEX_BYTES))
        .as_ref()?;
    Ok(Searcher::new(corpus, index))
}

/// The filter engine: corpus, index and per-passage facet values (built
/// once, on first use, from the embedded annotations).
pub fn selection() -> Result<Selection<'static>, &'static DecodeError> {
    let searcher = searcher()?;
    let facts = FACTS.get_or_init(|| Facts::build(searcher.corpus, searcher.index));
    Ok(Selection::new(searcher.corpus, searcher.index, facts))
}

/// The base map (projected country shapes) for the map view.
pub fn basemap() -> Result<&'static BaseMap, &'static DecodeError> {
    BASEMAP
        .get_or_init(|| BaseMap::from_bytes(BASEMAP_BYTES))
        .as_ref()
}

/// Size of the embedded bytes (corpus and index), shown in the footer.
pub fn embedded_size() -> usize {
    BYTES.len() + INDEX_BYTES.len()
}
