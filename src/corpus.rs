//! The corpus and its search index: the ones `build.rs` embedded, decoded
//! once on first use, or — once the reader has added documents of their
//! own — the extended ones the pipeline worker built (see `local.rs`).
//!
//! Everything the app shows comes from here: there are no data fetches.
//! Views read [`corpus`], [`searcher`] and [`selection`]; the routed page
//! tracks [`version`], so swapping in an extended corpus re-renders it.

use atlas_core::codec::DecodeError;
use atlas_core::filter::{Facts, Selection};
use atlas_core::geo::BaseMap;
use atlas_core::index::SearchIndex;
use atlas_core::model::Corpus;
use atlas_core::search::Searcher;
use leptos::prelude::*;
use std::cell::Cell;
use std::sync::OnceLock;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));
static INDEX_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));
static BASEMAP_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/basemap.bin"));
static BASEMAP: OnceLock<Result<BaseMap, DecodeError>> = OnceLock::new();
static FACTS: OnceLock<Facts> = OnceLock::new();
static CORPUS: OnceLock<Result<Corpus, DecodeError>> = OnceLock::new();
static INDEX: OnceLock<Result<SearchIndex, DecodeError>> = OnceLock::new();

/// A corpus built in the browser (embedded documents plus the reader's),
/// with its index and, built on first use, its facet table.
struct Extended {
    corpus: Corpus,
    index: SearchIndex,
    facts: OnceLock<Facts>,
}

thread_local! {
    // The page is single-threaded. Each extension is leaked on purpose: views
    // hold `&'static` borrows, and a reader adds documents a handful of times
    // per visit, so the memory of replaced corpora is the price of never
    // invalidating a borrow.
    static EXTENDED: Cell<Option<&'static Extended>> = const { Cell::new(None) };
    // Reference-counted, not arena-owned: no page's owner can dispose it.
    static VERSION: ArcRwSignal<u32> = ArcRwSignal::new(0);
}

/// The corpus in use, or why the embedded one could not be decoded.
pub fn corpus() -> Result<&'static Corpus, &'static DecodeError> {
    if let Some(extended) = EXTENDED.get() {
        return Ok(&extended.corpus);
    }
    CORPUS.get_or_init(|| Corpus::from_bytes(BYTES)).as_ref()
}

/// The search engine over the corpus and index in use.
pub fn searcher() -> Result<Searcher<'static>, &'static DecodeError> {
    if let Some(extended) = EXTENDED.get() {
        return Ok(Searcher::new(&extended.corpus, &extended.index));
    }
    let corpus = corpus()?;
    let index = INDEX
        .get_or_init(|| SearchIndex::from_bytes(INDEX_BYTES))
        .as_ref()?;
    Ok(Searcher::new(corpus, index))
}

/// The filter engine: corpus, index and per-passage facet values (built
/// once per corpus, on first use, from its annotations).
pub fn selection() -> Result<Selection<'static>, &'static DecodeError> {
    if let Some(extended) = EXTENDED.get() {
        let facts = extended
            .facts
            .get_or_init(|| Facts::build(&extended.corpus, &extended.index));
        return Ok(Selection::new(&extended.corpus, &extended.index, facts));
    }
    let searcher = searcher()?;
    let facts = FACTS.get_or_init(|| Facts::build(searcher.corpus, searcher.index));
    Ok(Selection::new(searcher.corpus, searcher.index, facts))
}

/// The embedded corpus as serialized: what the pipeline worker extends.
pub fn embedded_bytes() -> &'static [u8] {
    BYTES
}

/// Puts an extended corpus and its index in use and re-renders the page.
pub fn install(corpus: Corpus, index: SearchIndex) {
    let extended: &'static Extended = Box::leak(Box::new(Extended {
        corpus,
        index,
        facts: OnceLock::new(),
    }));
    EXTENDED.set(Some(extended));
    VERSION.with(|v| v.update(|n| *n += 1));
}

/// Goes back to the embedded corpus alone (the last local document was
/// removed).
pub fn reset() {
    if EXTENDED.get().is_some() {
        EXTENDED.set(None);
        VERSION.with(|v| v.update(|n| *n += 1));
    }
}

/// Changes whenever the corpus in use does; reading it in a reactive
/// context subscribes to that.
pub fn version() -> u32 {
    VERSION.with(|v| v.get())
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
