//! Finding entity aliases and ignore spans in one passage's text, with the
//! same rules as every lexicon (`annotate/lexicon.rs`): one
//! Aho-Corasick automaton over every alias and ignore span, case-sensitive
//! (so `NEAR` the institute is never the word `near`, and `SCO` only as
//! written), whole words only (a possessive `Putin’s` still matches),
//! whitespace runs counted as one space, and of all whole-word matches the
//! non-overlapping set covering the most text (`Deputy Prime Minister Yury
//! Trutnev` beats `Trutnev`; an ignore span beats the aliases inside it).

use super::data::{EntityData, IGNORE_FILE, ORGANISATIONS_FILE, PEOPLE_FILE};
use crate::annotate::lexicon::Lexicon;
use crate::error::Error;

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
    lexicon: Lexicon<EntityTarget>,
}

impl EntityMatcher {
    /// Compiles every alias and ignore span of `data` (an error, naming the
    /// three lists, when they cannot be compiled).
    pub fn new(data: &EntityData) -> Result<EntityMatcher, Error> {
        let aliases = data.entities.iter().enumerate().flat_map(|(i, e)| {
            e.aliases
                .iter()
                .map(move |a| (a.as_str(), EntityTarget::Entity(i as u16)))
        });
        let ignored = data
            .ignore
            .iter()
            .enumerate()
            .map(|(i, row)| (row.surface.as_str(), EntityTarget::Ignore(i as u32)));
        let lists = format!("{PEOPLE_FILE}, {ORGANISATIONS_FILE}, {IGNORE_FILE}");
        Ok(EntityMatcher {
            lexicon: Lexicon::new(&lists, aliases.chain(ignored))?,
        })
    }

    /// The accepted matches in `text`, in order, non-overlapping.
    pub fn find(&self, text: &str) -> Vec<EntityHit> {
        self.lexicon
            .find(text)
            .into_iter()
            .map(|(start, end, target)| EntityHit { start, end, target })
            .collect()
    }
}
