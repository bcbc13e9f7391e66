//! Building the index from a corpus: analyse every passage with
//! [`crate::analysis`], count terms, write postings and the two FST
//! dictionaries (terms, phonetic keys). Runs at compile time in `build.rs`
//! and in the CLI; never in the page.

use crate::analysis::{tokens, translit::phonetic_key};
use crate::index::format::{IndexData, PassageEntry};
use crate::index::passages::{enumerate, Field};
use crate::index::postings;
use crate::model::Corpus;
use std::collections::{BTreeMap, BTreeSet};

/// The index data for a corpus.
pub fn build(corpus: &Corpus) -> IndexData {
    let mut terms: BTreeMap<String, Vec<(u32, Vec<u32>)>> = BTreeMap::new();
    let mut keys: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut passages = Vec::new();
    let mut len_sum = [0f64; 4];
    let mut len_count = [0f64; 4];
    for (p, (at, text)) in enumerate(corpus).into_iter().enumerate() {
        let p = p as u32;
        let mut positions: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut len = 0u32;
        for (i, t) in tokens(&text).into_iter().enumerate() {
            if t.stop {
                continue;
            }
            len += 1;
            if let Some(key) = phonetic_key(&t.folded) {
                keys.entry(key).or_default().insert(t.term.clone());
            }
            positions.entry(t.term).or_default().push(i as u32);
        }
        for (term, at) in positions {
            terms.entry(term).or_default().push((p, at));
        }
        len_sum[at.field.index()] += f64::from(len);
        len_count[at.field.index()] += 1.0;
        passages.push(PassageEntry { at, len });
    }

    let mut blob = Vec::new();
    let mut term_offsets: BTreeMap<&str, u64> = BTreeMap::new();
    for (term, list) in &terms {
        term_offsets.insert(term, blob.len() as u64);
        postings::encode(&mut blob, list);
    }
    let mut key_blob = Vec::new();
    let mut key_offsets: Vec<(&str, u64)> = Vec::with_capacity(keys.len());
    for (key, set) in &keys {
        let mut offs: Vec<u64> = set
            .iter()
            .filter_map(|t| term_offsets.get(t.as_str()).copied())
            .collect();
        offs.sort_unstable();
        key_offsets.push((key, key_blob.len() as u64));
        postings::encode_offsets(&mut key_blob, &offs);
    }
    let avg_len = Field::ALL
        .iter()
        .map(|f| {
            let i = f.index();
            if len_count[i] > 0.0 {
                (len_sum[i] / len_count[i]) as f32
            } else {
                1.0
            }
        })
        .collect();
    IndexData {
        terms: fst_bytes(term_offsets.into_iter()),
        keys: fst_bytes(key_offsets.into_iter()),
        key_terms: key_blob,
        postings: blob,
        passages,
        avg_len,
    }
}

/// FST bytes for sorted, unique keys. Both callers iterate a `BTreeMap`, so
/// the builder's only failure (keys out of order) cannot occur; should it,
/// the dictionary is empty rather than the build aborted.
fn fst_bytes<'a>(entries: impl Iterator<Item = (&'a str, u64)>) -> Vec<u8> {
    let mut builder = fst::MapBuilder::memory();
    for (k, v) in entries {
        if builder.insert(k, v).is_err() {
            return empty_fst();
        }
    }
    builder.into_inner().unwrap_or_else(|_| empty_fst())
}

fn empty_fst() -> Vec<u8> {
    fst::Map::default().as_fst().as_bytes().to_vec()
}
