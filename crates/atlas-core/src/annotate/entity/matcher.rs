//! Finding entity aliases and ignore spans in one passage's text, with the
//! same rules as the place matcher (`annotate/place/matcher.rs`): one
//! Aho-Corasick automaton over every alias and ignore span, case-sensitive
//! (so `NEAR` the institute is never the word `near`, and `SCO` only as
//! written), whole words only (a possessive `Putin’s` still matches),
//! whitespace runs counted as one space, and of all whole-word matches the
//! non-overlapping set covering the most text (`Deputy Prime Minister Yury
//! Trutnev` beats `Trutnev`; an ignore span beats the aliases inside it).

use super::data::EntityData;
use crate::annotate::place::matcher::{
    collapse_whitespace, cover_most, empty_automaton, whole_word,
};
use aho_corasick::{AhoCorasick, MatchKind};

/// What a pattern of the automaton stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityTarget {
    /// An alias of `EntityData::entities[i]`.
    Entity(u16),
    /// `EntityData::ignore[i]`: the span is not an entity.
    Ignore(u32),
}

/// One accepted match, in byte offsets of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityHit {
    /// Byte offset where the match starts.
    pub start: usize,
    /// Byte offset just past the match.
    pub end: usize,
    /// What matched.
    pub target: EntityTarget,
}

/// The compiled aliases and ignore spans of the entity lists.
pub struct EntityMatcher {
    automaton: AhoCorasick,
    targets: Vec<EntityTarget>,
}

impl EntityMatcher {
    /// Compiles every alias and ignore span of `data`.
    pub fn new(data: &EntityData) -> EntityMatcher {
        let mut patterns = Vec::new();
        let mut targets = Vec::new();
        for (i, e) in data.entities.iter().enumerate() {
            for alias in &e.aliases {
                patterns.push(collapse_whitespace(alias).0);
                targets.push(EntityTarget::Entity(i as u16));
            }
        }
        for (i, row) in data.ignore.iter().enumerate() {
            patterns.push(collapse_whitespace(&row.surface).0);
            targets.push(EntityTarget::Ignore(i as u32));
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            // Only fails past size limits far beyond a few hundred patterns.
            .unwrap_or_else(|_| empty_automaton());
        EntityMatcher { automaton, targets }
    }

    /// The accepted matches in `text`, in order, non-overlapping.
    pub fn find(&self, text: &str) -> Vec<EntityHit> {
        let (norm, map) = collapse_whitespace(text);
        let found: Vec<(usize, usize, EntityTarget)> = self
            .automaton
            .find_overlapping_iter(norm.as_str())
            .filter(|m| whole_word(&norm, m.start(), m.end()))
            .map(|m| (m.start(), m.end(), self.targets[m.pattern().as_usize()]))
            .collect();
        cover_most(found)
            .into_iter()
            .map(|(start, end, target)| EntityHit {
                start: map[start],
                end: map[end],
                target,
            })
            .collect()
    }
}
