//! The index as bytes: the plain-data shape that postcard writes at build
//! time and reads at start-up. The two term dictionaries are FST bytes that
//! [`crate::index::SearchIndex`] wraps without parsing; everything else is
//! flat vectors, so decoding is a handful of copies.

use crate::index::passages::PassageRef;
use serde::{Deserialize, Serialize};

/// One passage as the index knows it: where it is, its length in terms
/// and its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassageEntry {
    /// Where its text lives in the corpus.
    pub at: PassageRef,
    /// Number of indexed (non-stop) words, for BM25 length normalisation.
    pub len: u32,
    /// ISO 639-1 code of the passage's language as two ASCII bytes, or
    /// `[0, 0]` when it has none (an author list): a near-spelling in another
    /// language than the query's ranks last (`search/bm25.rs`).
    pub lang: [u8; 2],
}

impl PassageEntry {
    /// The language code, `None` when the passage has none.
    pub fn lang(&self) -> Option<&str> {
        std::str::from_utf8(&self.lang)
            .ok()
            .filter(|s| s.bytes().all(|b| b.is_ascii_lowercase()))
    }

    /// `code` as stored in [`PassageEntry::lang`]: two ASCII lower-case
    /// letters, anything else as none.
    pub fn lang_bytes(code: Option<&str>) -> [u8; 2] {
        match code.map(str::as_bytes) {
            Some(&[a, b]) if a.is_ascii_lowercase() && b.is_ascii_lowercase() => [a, b],
            _ => [0, 0],
        }
    }
}

/// Owned form, read by postcard. Field order is the byte layout.
#[derive(Debug, Clone, Deserialize)]
pub struct IndexData {
    /// FST map: term → offset of its postings list in `postings`.
    pub terms: Vec<u8>,
    /// FST map: phonetic key → offset of its term list in `key_terms`.
    pub keys: Vec<u8>,
    /// Term lists per key: sorted term offsets with the forms that have the
    /// key (see `postings::encode_key_terms`).
    pub key_terms: Vec<u8>,
    /// Postings lists (see `postings::encode`).
    pub postings: Vec<u8>,
    /// Every passage, in the order postings refer to them.
    pub passages: Vec<PassageEntry>,
    /// Average passage length per field (`Field::index`).
    pub avg_len: Vec<f32>,
}

/// Borrowed form, written by postcard; same fields in the same order.
#[derive(Serialize)]
pub struct IndexDataRef<'a> {
    /// See [`IndexData::terms`].
    pub terms: &'a [u8],
    /// See [`IndexData::keys`].
    pub keys: &'a [u8],
    /// See [`IndexData::key_terms`].
    pub key_terms: &'a [u8],
    /// See [`IndexData::postings`].
    pub postings: &'a [u8],
    /// See [`IndexData::passages`].
    pub passages: &'a [PassageEntry],
    /// See [`IndexData::avg_len`].
    pub avg_len: &'a [f32],
}
