//! The index as bytes: the plain-data shape that postcard writes at build
//! time and reads at start-up. The two term dictionaries are FST bytes that
//! [`crate::index::SearchIndex`] wraps without parsing; everything else is
//! flat vectors, so decoding is a handful of copies.

use crate::index::passages::PassageRef;
use serde::{Deserialize, Serialize};

/// One passage as the index knows it: where it is and its length in terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassageEntry {
    /// Where its text lives in the corpus.
    pub at: PassageRef,
    /// Number of indexed (non-stop) words, for BM25 length normalisation.
    pub len: u32,
}

/// Owned form, read by postcard. Field order is the byte layout.
#[derive(Debug, Clone, Deserialize)]
pub struct IndexData {
    /// FST map: term → offset of its postings list in `postings`.
    pub terms: Vec<u8>,
    /// FST map: phonetic key → offset of its term list in `key_terms`.
    pub keys: Vec<u8>,
    /// Term lists per key: sorted term offsets (see `postings::encode_offsets`).
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
