//! Building the index from a corpus: analyse every passage with
//! [`crate::analysis`], count terms, write postings and the two FST
//! dictionaries (terms, phonetic keys). Runs at compile time in `build.rs`
//! and in the CLI; never in the page.

use crate::analysis::{exact_form, tokens, translit::phonetic_key};
use crate::index::format::{IndexData, PassageEntry};
use crate::index::passages::{self, enumerate, Field};
use crate::index::postings::{self, Posting};
use crate::index::DictionaryError;
use crate::model::Corpus;
use std::collections::{BTreeMap, BTreeSet};

/// A term in one passage: the passage, the term's word positions there and
/// the exact forms it takes there.
type TermInPassage = (u32, Vec<u32>, BTreeSet<String>);

/// The index data for a corpus.
pub fn build(corpus: &Corpus) -> Result<IndexData, DictionaryError> {
    let mut terms: BTreeMap<String, Vec<TermInPassage>> = BTreeMap::new();
    // key → term → the exact forms of that term that have the key.
    let mut keys: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    let mut passages = Vec::new();
    let mut len_sum = [0f64; 4];
    let mut len_count = [0f64; 4];
    for (p, (at, text)) in enumerate(corpus).into_iter().enumerate() {
        let p = p as u32;
        let mut positions: BTreeMap<String, (Vec<u32>, BTreeSet<String>)> = BTreeMap::new();
        let mut len = 0u32;
        for (i, t) in tokens(&text).into_iter().enumerate() {
            if t.stop {
                continue;
            }
            len += 1;
            if let Some(key) = phonetic_key(&t.folded) {
                keys.entry(key)
                    .or_default()
                    .entry(t.term.clone())
                    .or_default()
                    .insert(exact_form(&t.folded));
            }
            let slot = positions.entry(t.term).or_default();
            slot.0.push(i as u32);
            slot.1.insert(exact_form(&t.folded));
        }
        for (term, (at, forms)) in positions {
            terms.entry(term).or_default().push((p, at, forms));
        }
        len_sum[at.field.index()] += f64::from(len);
        len_count[at.field.index()] += 1.0;
        let lang = passages::lang(corpus, at);
        passages.push(PassageEntry {
            at,
            len,
            lang: PassageEntry::lang_bytes(lang.as_deref()),
        });
    }

    let mut blob = Vec::new();
    let mut term_offsets: BTreeMap<&str, u64> = BTreeMap::new();
    let mut term_forms: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (term, list) in &terms {
        term_offsets.insert(term, blob.len() as u64);
        let forms = form_ids(term, list.iter().map(|(_, _, f)| f));
        let list: Vec<Posting> = list
            .iter()
            .map(|(p, at, here)| Posting {
                passage: *p,
                positions: at.clone(),
                forms: forms
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| here.contains(*f))
                    .fold(0, |mask, (id, _)| mask | postings::form_bit(id)),
            })
            .collect();
        postings::encode(&mut blob, term, &forms, &list);
        term_forms.insert(term, forms);
    }
    let mut key_blob = Vec::new();
    let mut key_offsets: Vec<(&str, u64)> = Vec::with_capacity(keys.len());
    for (key, by_term) in &keys {
        let mut offs: Vec<(u64, Option<u64>)> = by_term
            .iter()
            .filter_map(|(t, sounding)| {
                let offset = term_offsets.get(t.as_str()).copied()?;
                let forms = term_forms.get(t.as_str())?;
                let mask = forms
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| sounding.contains(*f))
                    .fold(0, |mask, (id, _)| mask | postings::form_bit(id));
                let every = forms.iter().all(|f| sounding.contains(f));
                Some((offset, (!every).then_some(mask)))
            })
            .collect();
        offs.sort_unstable();
        key_offsets.push((key, key_blob.len() as u64));
        postings::encode_key_terms(&mut key_blob, &offs);
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
    Ok(IndexData {
        terms: fst_bytes(term_offsets.into_iter())
            .map_err(|e| DictionaryError::new("term dictionary", e))?,
        keys: fst_bytes(key_offsets.into_iter())
            .map_err(|e| DictionaryError::new("key dictionary", e))?,
        key_terms: key_blob,
        postings: blob,
        passages,
        avg_len,
    })
}

/// A term's exact forms in id order: the term itself first when it is one
/// of them (the usual case, which [`postings::encode`] stores in a bit),
/// then the others alphabetically.
fn form_ids<'f>(
    term: &str,
    per_passage: impl Iterator<Item = &'f BTreeSet<String>>,
) -> Vec<String> {
    let all: BTreeSet<&String> = per_passage.flatten().collect();
    let mut out: Vec<String> = all
        .iter()
        .filter(|f| f.as_str() == term)
        .map(|f| f.to_string())
        .collect();
    out.extend(all.into_iter().filter(|f| f.as_str() != term).cloned());
    out
}

/// FST bytes for sorted, unique keys. Both callers iterate a `BTreeMap`, so
/// the builder's only failure (keys out of order) should not occur; should
/// it, the build stops with the FST's reason rather than embed an empty
/// dictionary that finds nothing.
fn fst_bytes<'a>(entries: impl Iterator<Item = (&'a str, u64)>) -> Result<Vec<u8>, fst::Error> {
    let mut builder = fst::MapBuilder::memory();
    for (k, v) in entries {
        builder.insert(k, v)?;
    }
    builder.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression (issue 17): keys out of order used to give an empty
    /// dictionary, an index that silently finds nothing; now the FST's
    /// reason reaches the build.
    #[test]
    fn keys_out_of_order_are_an_error_not_an_empty_dictionary() {
        let err = fst_bytes([("b", 1), ("a", 2)].into_iter()).unwrap_err();
        let err = DictionaryError::new("term dictionary", err);
        let message = err.to_string();
        assert!(message.starts_with("term dictionary: "), "{message}");
        assert!(message.contains("out-of-order key"), "{message}");
        let fst = fst_bytes([("a", 1), ("b", 2)].into_iter()).expect("sorted keys");
        assert_eq!(fst::Map::new(fst).expect("loads").len(), 2);
    }
}
