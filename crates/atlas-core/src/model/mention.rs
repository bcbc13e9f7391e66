//! One mention type for places and entities alike, and the list that
//! answers "where is X mentioned" and "what does document D mention".
//!
//! A mention stores no text: `start..end` are byte offsets into its
//! passage's text, read back with [`Mention::surface`]. That keeps the
//! embedded lists at a few bytes per mention.

use super::document::Corpus;
use super::passage::{Passage, PassageId};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;

/// One occurrence of a place or an entity in a passage. `R` is what the
/// annotator adds to it: for a place, how it was read
/// ([`super::PlaceReading`]); nothing for an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention<R = ()> {
    /// Index of what is mentioned in its list: `PlaceIndex::places` or
    /// `Annotations::entities`.
    pub target: u16,
    /// Index into `Corpus::documents`.
    pub doc: u32,
    /// The block, note or metadata piece (notes by printed number).
    pub passage: Passage,
    /// Byte offset of the surface in the passage's text.
    pub start: u32,
    /// Byte offset just past the surface.
    pub end: u32,
    /// What the annotator says of this mention.
    pub reading: R,
}

impl<R> Mention<R> {
    /// The text as written (`Russia’s Far East`, `President Putin`).
    pub fn surface<'c>(&self, corpus: &'c Corpus) -> Option<Cow<'c, str>> {
        let doc = corpus.documents.get(self.doc as usize)?;
        let range = self.start as usize..self.end as usize;
        match self.passage.text_owned(doc)? {
            Cow::Borrowed(t) => t.get(range).map(Cow::Borrowed),
            Cow::Owned(t) => t.get(range).map(|s| Cow::Owned(s.to_string())),
        }
    }

    /// The passage's id, as in search hits.
    pub fn passage_id(&self, corpus: &Corpus) -> Option<PassageId> {
        let doc = corpus.documents.get(self.doc as usize)?;
        Some(PassageId::new(doc.id.as_str(), self.passage))
    }
}

/// Every mention of one kind, ordered by document, then body blocks before
/// notes before metadata, then passage, then offset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Mentions<R = ()>(pub Vec<Mention<R>>);

impl<R> Default for Mentions<R> {
    fn default() -> Self {
        Mentions(Vec::new())
    }
}

impl<R> std::ops::Deref for Mentions<R> {
    type Target = [Mention<R>];

    fn deref(&self) -> &[Mention<R>] {
        &self.0
    }
}

impl<'a, R> IntoIterator for &'a Mentions<R> {
    type Item = &'a Mention<R>;
    type IntoIter = std::slice::Iter<'a, Mention<R>>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<R> FromIterator<Mention<R>> for Mentions<R> {
    fn from_iter<I: IntoIterator<Item = Mention<R>>>(iter: I) -> Self {
        Mentions(iter.into_iter().collect())
    }
}

impl<R> Mentions<R> {
    /// The mentions of one target, in corpus order.
    pub fn of(&self, target: u16) -> impl Iterator<Item = &Mention<R>> + '_ {
        self.0.iter().filter(move |m| m.target == target)
    }

    /// The mentions in one document, in reading order.
    pub fn in_doc(&self, doc: u32) -> impl Iterator<Item = &Mention<R>> + '_ {
        self.0.iter().filter(move |m| m.doc == doc)
    }

    /// How often each target is mentioned in one document: `(target,
    /// count)`, most mentioned first (ties in list order).
    pub fn counts_in(&self, doc: u32) -> Vec<(u16, u32)> {
        most_first(tally(self.in_doc(doc).map(|m| m.target)))
    }

    /// How often one target is mentioned per document: `(doc, count)`, in
    /// document order.
    pub fn counts_of(&self, target: u16) -> Vec<(u32, u32)> {
        tally(self.of(target).map(|m| m.doc))
    }

    /// Byte ranges of the mentions of `targets` in document `doc`, per body
    /// block number: what the reader highlights.
    pub fn block_ranges(&self, doc: u32, targets: &[u16]) -> HashMap<u32, Vec<(usize, usize)>> {
        let mut out: HashMap<u32, Vec<(usize, usize)>> = HashMap::new();
        for m in self.in_doc(doc).filter(|m| targets.contains(&m.target)) {
            if let Passage::Block(n) = m.passage {
                out.entry(n)
                    .or_default()
                    .push((m.start as usize, m.end as usize));
            }
        }
        out
    }
}

/// How often each key occurs: `(key, count)` in key order.
pub fn tally<K: Ord>(keys: impl Iterator<Item = K>) -> Vec<(K, u32)> {
    let mut counts: std::collections::BTreeMap<K, u32> = std::collections::BTreeMap::new();
    for k in keys {
        *counts.entry(k).or_default() += 1;
    }
    counts.into_iter().collect()
}

/// Counts most first; equal counts keep key order.
pub fn most_first<K: Ord>(mut counts: Vec<(K, u32)>) -> Vec<(K, u32)> {
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(target: u16, doc: u32, block: u32) -> Mention {
        Mention {
            target,
            doc,
            passage: Passage::Block(block),
            start: block,
            end: block + 2,
            reading: (),
        }
    }

    #[test]
    fn counts_and_ranges_follow_the_mentions() {
        let list: Mentions = [at(1, 0, 0), at(2, 0, 1), at(2, 0, 4), at(2, 1, 0)]
            .into_iter()
            .collect();
        assert_eq!(list.counts_in(0), vec![(2, 2), (1, 1)]);
        assert_eq!(list.counts_of(2), vec![(0, 2), (1, 1)]);
        let ranges = list.block_ranges(0, &[2]);
        assert_eq!(ranges.get(&1), Some(&vec![(1, 3)]));
        assert_eq!(ranges.get(&4), Some(&vec![(4, 6)]));
        assert!(!ranges.contains_key(&0));
        assert!(list.block_ranges(0, &[]).is_empty());
    }
}
