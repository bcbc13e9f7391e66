//! The Far East Atlas corpus pipeline.
//!
//! `atlas-core` turns a folder of seed files (raw PDF and web extractions of
//! policy papers) plus curated metadata into a [`model::Corpus`]: clean
//! blocks, notes, metadata and statistics. It runs in three places and must
//! behave the same in each:
//!
//! - in the app's `build.rs`, which serializes the corpus into the wasm binary;
//! - in the native `atlas` CLI, which prints what the pipeline decided;
//! - in the browser app, which only *decodes* the embedded bytes
//!   ([`model::Corpus::from_bytes`]).
//!
//! It therefore has no web dependencies and no I/O outside [`source`],
//! [`pipeline`], [`geo::basemap::build_from_dir`] and the two measuring
//! tools' loaders ([`eval::load`], [`eval_search::load`]), which are the only
//! places that touch the file system (the curated `data/` files the
//! annotators need are compiled in by [`bundled`]).
#![deny(missing_docs)]

pub mod analysis;
pub mod annotate;
pub mod bundled;
pub mod catalog;
pub mod clean;
pub mod codec;
pub mod error;
pub mod eval;
pub mod eval_search;
pub mod filter;
pub mod front_matter;
pub mod gazetteer;
pub mod geo;
pub mod index;
pub mod lang;
pub mod local;
pub mod model;
pub mod pipeline;
pub mod search;
pub mod segments;
pub mod source;
pub mod stats;

pub use error::{Error, ErrorKind};
pub use gazetteer::Gazetteer;
pub use index::SearchIndex;
pub use model::{Corpus, PlaceIndex};
pub use pipeline::{build_corpus, build_corpus_from_sources};
pub use search::{SearchOptions, SearchResponse, Searcher};
