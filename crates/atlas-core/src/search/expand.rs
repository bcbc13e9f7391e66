//! From query atoms to dictionary terms: which indexed terms an atom reaches
//! and with what weight (exact, completion of the unfinished last word,
//! phonetic key, typo), plus the matcher that finds the same words again in
//! a passage's text for phrases, snippets and highlighting.

use crate::analysis::translit::{key_initial, phonetic_key};
use crate::analysis::{TextWord, Word};
use crate::index::SearchIndex;
use crate::search::bm25;
use crate::search::fuzzy;
use crate::search::query::{Atom, TermAtom};
use fst::automaton::{Automaton, Str};
use fst::{IntoStreamer, Streamer};
use std::collections::{HashMap, HashSet};

/// Most terms a prefix may complete to (the most a one-letter prefix costs).
pub const MAX_PREFIX_EXPANSIONS: usize = 64;
/// Longest word (in characters) for which typo tolerance is tried.
pub const MAX_FUZZY_CHARS: usize = 40;

/// How far an atom may reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Exact, prefix, phonetic key and typos: for what the reader looks for.
    Full,
    /// Exact and phonetic key only: for exclusions, which must be predictable.
    Strict,
}

/// What one atom reaches.
#[derive(Debug, Clone, Default)]
pub struct Expanded {
    /// Postings offsets of the terms reached, with their weights, one per term.
    pub terms: Vec<(u64, f32)>,
    /// `true` for a phrase: every term is required, at the right distance.
    pub phrase: bool,
    /// For a phrase: the word position of each term of `terms` in the phrase
    /// (stop words counted).
    pub phrase_at: Vec<u32>,
    /// Finds the atom's words in analysed text.
    pub matcher: Matcher,
}

/// Recognises an atom's words among a passage's tokens.
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    /// Index terms that match (exact, completions, typos).
    terms: HashSet<String>,
    /// Phonetic key that matches.
    key: Option<String>,
    /// Phonetic key prefix that matches (an unfinished last word).
    key_prefix: Option<String>,
    /// For a phrase: the term of each word, stop words included.
    phrase: Vec<String>,
}

impl Matcher {
    /// `true` when a single word matches a term atom.
    pub fn word_matches(&self, w: &TextWord) -> bool {
        if self.terms.iter().any(|t| w.may_stem_to(t) && w.term() == t) {
            return true;
        }
        let initial = self
            .key
            .as_ref()
            .or(self.key_prefix.as_ref())
            .and_then(|k| k.chars().next());
        if initial.is_none() || key_initial(&w.folded) != initial {
            return false;
        }
        let Some(k) = phonetic_key(&w.folded) else {
            return false;
        };
        self.key.as_deref() == Some(k.as_str())
            || self.key_prefix.as_deref().is_some_and(|p| k.starts_with(p))
    }

    /// The word ranges `[i, i + n)` where the atom matches.
    pub fn occurrences(&self, words: &[TextWord]) -> Vec<(usize, usize)> {
        if self.phrase.is_empty() {
            return (0..words.len())
                .filter(|&i| self.word_matches(&words[i]))
                .map(|i| (i, i + 1))
                .collect();
        }
        let n = self.phrase.len();
        if words.len() < n {
            return Vec::new();
        }
        (0..=words.len() - n)
            .filter(|&i| {
                words[i..i + n]
                    .iter()
                    .zip(&self.phrase)
                    .all(|(w, p)| w.may_stem_to(p) && w.term() == p)
            })
            .map(|i| (i, i + n))
            .collect()
    }
}

/// Expands an atom against the index.
pub fn expand(index: &SearchIndex, atom: &Atom, reach: Reach) -> Expanded {
    match atom {
        Atom::Term(t) => expand_term(index, t, reach),
        Atom::Phrase(words) => expand_phrase(index, words),
    }
}

fn expand_term(index: &SearchIndex, atom: &TermAtom, reach: Reach) -> Expanded {
    let mut weights: HashMap<u64, f32> = HashMap::new();
    let mut add = |offset: u64, w: f32| {
        let slot = weights.entry(offset).or_insert(0.0);
        *slot = slot.max(w);
    };
    let mut matcher = Matcher::default();
    let word = &atom.word;
    if let Some(o) = index.terms().get(&word.term) {
        add(o, bm25::EXACT);
    }
    matcher.terms.insert(word.term.clone());
    let key = phonetic_key(&word.folded);
    if let Some(k) = &key {
        if let Some(ko) = index.keys().get(k) {
            for o in index.key_terms(ko) {
                add(o, bm25::TRANSLIT);
            }
        }
        matcher.key = Some(k.clone());
    }
    if reach == Reach::Strict {
        return Expanded {
            terms: sorted(weights),
            matcher,
            ..Expanded::default()
        };
    }
    let chars = word.folded.chars().count();
    if atom.prefix && chars >= 2 {
        let stem: String = word
            .folded
            .chars()
            .filter(|c| !matches!(c, '\'' | '.'))
            .collect();
        for (term, o) in prefixed(index.terms(), &stem) {
            add(o, bm25::PREFIX);
            matcher.terms.insert(term);
        }
        if let Some(k) = &key {
            for (_, ko) in prefixed(index.keys(), k) {
                for o in index.key_terms(ko) {
                    add(o, bm25::TRANSLIT_PREFIX);
                }
            }
            matcher.key_prefix = Some(k.clone());
        }
    }
    if chars <= MAX_FUZZY_CHARS {
        let max = fuzzy::allowed_edits(chars);
        for (term, o, d) in fuzzy::near(index.terms(), &word.term, max, fuzzy::MAX_EXPANSIONS) {
            add(o, if d <= 1 { bm25::TYPO_1 } else { bm25::TYPO_2 });
            matcher.terms.insert(term);
        }
    }
    Expanded {
        terms: sorted(weights),
        matcher,
        ..Expanded::default()
    }
}

fn expand_phrase(index: &SearchIndex, words: &[Word]) -> Expanded {
    let mut terms = Vec::new();
    let mut phrase_at = Vec::new();
    for (i, w) in words.iter().enumerate().filter(|(_, w)| !w.stop) {
        phrase_at.push(i as u32);
        match index.terms().get(&w.term) {
            Some(o) => terms.push((o, bm25::EXACT)),
            // A word the corpus never uses: the phrase cannot match.
            None => return Expanded::default_phrase(),
        }
    }
    Expanded {
        terms,
        phrase: true,
        phrase_at,
        matcher: Matcher {
            phrase: words.iter().map(|w| w.term.clone()).collect(),
            ..Matcher::default()
        },
    }
}

impl Expanded {
    fn default_phrase() -> Expanded {
        Expanded {
            phrase: true,
            ..Expanded::default()
        }
    }
}

/// Dictionary entries starting with `prefix`, at most [`MAX_PREFIX_EXPANSIONS`].
fn prefixed(map: &fst::Map<Vec<u8>>, prefix: &str) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    let mut stream = map.search(Str::new(prefix).starts_with()).into_stream();
    while let Some((k, v)) = stream.next() {
        if out.len() >= MAX_PREFIX_EXPANSIONS {
            break;
        }
        if let Ok(k) = std::str::from_utf8(k) {
            out.push((k.to_string(), v));
        }
    }
    out
}

fn sorted(weights: HashMap<u64, f32>) -> Vec<(u64, f32)> {
    let mut v: Vec<(u64, f32)> = weights.into_iter().collect();
    v.sort_by_key(|x| x.0);
    v
}
