//! People and organisations beyond the curated lists (issue 16, part 5):
//! names found by patterns a reader would accept, so a paper the lists
//! were never curated for still shows who and what it talks about.
//!
//! **Precision before recall.** A name a reader would reject (`The
//! Ministry`, `Chapter One`, a place, a month) is worse than a miss, so
//! each pattern needs positive evidence and stops at the first word it
//! cannot place:
//! - [`person`]: a title or office before a name (`President Xi Jinping`,
//!   `губернатор Приморского края Олег Кожемяко`), or a name, a comma and
//!   an office (`Alexei Chekunkov, Minister for …`);
//! - [`org_english`]: a capitalised run ending in a head noun (`… Bank`) or
//!   a head noun with its `of …` (`Ministry of …`, `Bank of China`);
//! - [`org_russian`]: a head noun with the genitive run of its name
//!   (`Министерство по развитию Дальнего Востока и Арктики`), or after
//!   capitalised adjectives, listed in the nominative;
//! - [`legal_form`]: `PJSC Gazprom Neft`, `Mitsui & Co.`, `ПАО «Сбербанк»`.
//!
//! This file holds what every pattern reads, one passage as
//! a [`Scan`], and what it proposes, a [`Proposal`]; the pieces they share
//! are [`words`] (words and the gaps between them), [`titles`] (offices
//! before a name), [`vocabulary`] (words that are never a name),
//! [`russian`] (what Russian endings say), [`acronym`] (`Name (ACR)`) and
//! [`identity`] (keys, ids and surnames).

pub mod acronym;
pub mod identity;
pub mod legal_form;
pub mod org_english;
pub mod org_russian;
pub mod person;
pub mod russian;
pub mod titles;
pub mod vocabulary;
pub mod words;

use super::EntityKind;
use std::collections::HashSet;
use words::Word;

/// One passage as the patterns read it.
pub struct Scan<'a> {
    /// The passage's text.
    pub text: &'a str,
    /// Its words.
    pub words: Vec<Word>,
    /// Byte ranges the geoparser took for places.
    pub places: &'a [(usize, usize)],
    /// Every word of the corpus written in lower case somewhere: a
    /// capitalised word that is also a common word is no name.
    pub lower: &'a HashSet<String>,
}

impl Scan<'_> {
    /// The text of word `i`.
    pub fn word(&self, i: usize) -> &str {
        self.words[i].text(self.text)
    }

    /// The text between word `i` and word `i + 1` (empty past the end).
    pub fn gap_after(&self, i: usize) -> &str {
        match (self.words.get(i), self.words.get(i + 1)) {
            (Some(a), Some(b)) => &self.text[a.end..b.start],
            _ => "",
        }
    }

    /// Does one place mention cover `start..end`?
    pub fn place_covers(&self, start: usize, end: usize) -> bool {
        self.places.iter().any(|&(s, e)| s <= start && end <= e)
    }

    /// Does a place mention overlap `start..end`?
    pub fn place_overlaps(&self, start: usize, end: usize) -> bool {
        self.places.iter().any(|&(s, e)| s < end && start < e)
    }

    /// Is the capitalised word also written in lower case in the corpus?
    pub fn common_word(&self, word: &str) -> bool {
        self.lower.contains(&word.to_lowercase())
    }

    /// `text[start..end]` with whitespace runs as one space.
    pub fn collapsed(&self, start: usize, end: usize) -> String {
        self.text[start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// What a pattern proposes: a span, the entity it names and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// Byte offset of the mention.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// Person or organisation.
    pub kind: EntityKind,
    /// The name as a reader would list it (`Xi Jinping`, `Российский фонд
    /// прямых инвестиций`).
    pub name: String,
    /// The role or kind the pattern gives (`governor`, `bank`).
    pub role: String,
    /// Which pattern, for the review list (`after title "Governor"`).
    pub trigger: String,
    /// The acronym defined right after it (`AIIB` of `… Bank (AIIB)`).
    pub acronym: Option<String>,
    /// The words that made the pattern fire (an organisation's head noun
    /// or legal form): an automatic name beats the curated aliases inside
    /// it only when this lies outside them.
    pub evidence: (usize, usize),
}
