//! The corpus that `build.rs` embedded, decoded once on first use.
//!
//! Everything the app shows comes from here: there are no data fetches.

use atlas_core::model::{Corpus, DecodeError};
use std::sync::OnceLock;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));
static CORPUS: OnceLock<Result<Corpus, DecodeError>> = OnceLock::new();

/// The embedded corpus, or why it could not be decoded.
pub fn corpus() -> Result<&'static Corpus, &'static DecodeError> {
    CORPUS.get_or_init(|| Corpus::from_bytes(BYTES)).as_ref()
}

/// Size of the embedded bytes (shown in the footer, tracked by the budgets).
pub fn embedded_size() -> usize {
    BYTES.len()
}
