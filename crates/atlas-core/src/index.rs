//! The search index: built once from a [`Corpus`] (at compile time, in
//! `build.rs`), shipped as postcard bytes next to the corpus, decoded at
//! start-up. It holds no text — snippets are cut from the corpus — only the
//! term dictionary (an FST), the phonetic-key dictionary (an FST), postings
//! and per-passage lengths.

pub mod build;
pub mod format;
pub mod passages;
pub mod postings;

use crate::codec::{DecodeError, EncodeError};
use crate::model::Corpus;
use format::{IndexData, IndexDataRef, PassageEntry};
use fst::Map;
use serde::{Deserialize, Serialize, Serializer};

/// A searchable index over one corpus. Serialize it with postcard
/// ([`SearchIndex::to_bytes`]) and load it with [`SearchIndex::from_bytes`];
/// search it with [`crate::search::Searcher`] together with the same corpus.
#[derive(Clone, Deserialize)]
#[serde(try_from = "IndexData")]
pub struct SearchIndex {
    terms: Map<Vec<u8>>,
    keys: Map<Vec<u8>>,
    key_terms: Vec<u8>,
    postings: Vec<u8>,
    passages: Vec<PassageEntry>,
    avg_len: [f32; 4],
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("terms", &self.terms.len())
            .field("keys", &self.keys.len())
            .field("passages", &self.passages.len())
            .finish()
    }
}

/// Why one of the index's FST dictionaries could not be written or loaded.
#[derive(Debug, thiserror::Error)]
#[error("{what}: {}", fst_reason(cause))]
pub struct DictionaryError {
    /// Which dictionary (`"term dictionary"`, `"key dictionary"`).
    pub what: &'static str,
    /// The FST's reason (keys out of order, bytes that are no FST).
    pub cause: fst::Error,
}

/// The reason inside an `fst::Error`, whose own message is only
/// `FST error` (the detail sits in its source).
fn fst_reason(cause: &fst::Error) -> String {
    match cause {
        fst::Error::Fst(raw) => raw.to_string(),
        fst::Error::Io(io) => io.to_string(),
    }
}

impl DictionaryError {
    /// `cause` about the dictionary `what`.
    pub fn new(what: &'static str, cause: fst::Error) -> Self {
        DictionaryError { what, cause }
    }
}

impl TryFrom<IndexData> for SearchIndex {
    type Error = DictionaryError;

    fn try_from(d: IndexData) -> Result<Self, DictionaryError> {
        let terms = Map::new(d.terms).map_err(|e| DictionaryError::new("term dictionary", e))?;
        let keys = Map::new(d.keys).map_err(|e| DictionaryError::new("key dictionary", e))?;
        let mut avg_len = [1.0f32; 4];
        for (slot, v) in avg_len.iter_mut().zip(d.avg_len) {
            if v.is_finite() && v > 0.0 {
                *slot = v;
            }
        }
        Ok(SearchIndex {
            terms,
            keys,
            key_terms: d.key_terms,
            postings: d.postings,
            passages: d.passages,
            avg_len,
        })
    }
}

impl Serialize for SearchIndex {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        IndexDataRef {
            terms: self.terms.as_fst().as_bytes(),
            keys: self.keys.as_fst().as_bytes(),
            key_terms: &self.key_terms,
            postings: &self.postings,
            passages: &self.passages,
            avg_len: &self.avg_len,
        }
        .serialize(s)
    }
}

impl SearchIndex {
    /// Indexes every passage of the corpus (blocks, notes, metadata).
    ///
    /// Fails only if an FST dictionary cannot be written or read back; the
    /// build then stops rather than embed an index that finds nothing.
    pub fn build(corpus: &Corpus) -> Result<SearchIndex, EncodeError> {
        Ok(SearchIndex::try_from(build::build(corpus)?)?)
    }

    /// An index that matches nothing.
    pub fn empty() -> SearchIndex {
        SearchIndex {
            terms: Map::default(),
            keys: Map::default(),
            key_terms: Vec::new(),
            postings: Vec::new(),
            passages: Vec::new(),
            avg_len: [1.0; 4],
        }
    }

    /// Encodes the index for embedding.
    pub fn to_bytes(&self) -> Result<Vec<u8>, EncodeError> {
        crate::codec::encode("search index", self)
    }

    /// Decodes bytes written by [`SearchIndex::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<SearchIndex, DecodeError> {
        crate::codec::decode("search index", bytes)
    }

    /// The term dictionary: term → postings offset.
    pub fn terms(&self) -> &Map<Vec<u8>> {
        &self.terms
    }

    /// The phonetic-key dictionary: key → offset of its term list.
    pub fn keys(&self) -> &Map<Vec<u8>> {
        &self.keys
    }

    /// The terms sharing a phonetic key: `(postings offset, mask of the
    /// term's forms that have the key)`.
    pub fn key_terms(&self, key_offset: u64) -> Vec<(u64, u64)> {
        postings::decode_key_terms(&self.key_terms, key_offset)
    }

    /// The `(passage, tf)` list of a term.
    pub fn postings(&self, term_offset: u64) -> Vec<(u32, u32)> {
        postings::decode(&self.postings, term_offset)
    }

    /// The `(passage, tf, forms mask)` list of a term: which of its exact
    /// forms ([`SearchIndex::forms`]) each passage holds, bit
    /// [`postings::form_bit`] of each.
    pub fn postings_with_forms(&self, term_offset: u64) -> Vec<(u32, u32, u64)> {
        postings::decode_with_forms(&self.postings, term_offset)
    }

    /// The exact forms of `term` (whose list is at `term_offset`), in id order.
    pub fn forms(&self, term_offset: u64, term: &str) -> Vec<String> {
        postings::forms(&self.postings, term_offset, term)
    }

    /// The `(passage, word positions)` list of a term.
    pub fn positions(&self, term_offset: u64) -> Vec<(u32, Vec<u32>)> {
        postings::decode_positions(&self.postings, term_offset)
    }

    /// [`SearchIndex::positions`] in flat vectors, for walking many lists.
    pub fn position_lists(&self, term_offset: u64) -> postings::PositionLists {
        postings::decode_position_lists(&self.postings, term_offset)
    }

    /// The term's word positions in each of the passages `wanted`
    /// (ascending), as `(index into wanted, forms mask, positions)`; see
    /// [`postings::positions_in`].
    pub fn positions_in(&self, term_offset: u64, wanted: &[u32]) -> Vec<(usize, u64, Vec<u32>)> {
        postings::positions_in(&self.postings, term_offset, wanted)
    }

    /// How many passages hold a term.
    pub fn doc_freq(&self, term_offset: u64) -> u32 {
        postings::doc_freq(&self.postings, term_offset)
    }

    /// Every passage, indexed by the passage numbers postings use.
    pub fn passages(&self) -> &[PassageEntry] {
        &self.passages
    }

    /// Average passage length of a field.
    pub fn avg_len(&self, field: passages::Field) -> f32 {
        self.avg_len[field.index()]
    }
}
