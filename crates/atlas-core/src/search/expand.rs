//! From query atoms to dictionary terms: which indexed terms an atom reaches
//! and how ([`Tier`]: exact or stemmed, completion of the unfinished last
//! word, phonetic key, typo), plus the matcher that finds the same words
//! again in a passage's text for phrases, snippets and highlighting.
//!
//! Whether a match is exact or only stemmed depends on the passage: the
//! index keeps each term's exact forms and which of them every passage
//! holds, so the query word's own stem carries the bit of its form as
//! typed ([`Reached::exact`]) and [`Reached::tier_in`] decides per passage.

use crate::analysis::translit::{key_initial, phonetic_key};
use crate::analysis::{exact_form, TextWord, Word};
use crate::index::postings::form_bit;
use crate::index::SearchIndex;
use crate::search::bm25::Tier;
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

/// One dictionary term an atom reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reached {
    /// Offset of the term's postings.
    pub offset: u64,
    /// The best way the term was reached that holds in every passage
    /// (stem, completion, typo); `None` when it was reached only through a
    /// phonetic key. The query word's own stem is [`Tier::Stemmed`] until a
    /// passage shows the exact form.
    pub tier: Option<Tier>,
    /// For the query word's own stem: the forms-mask bit of the word as
    /// typed, when the corpus holds that form (and it has one of the first
    /// 63 ids, see [`form_bit`]).
    pub exact: Option<u64>,
    /// Reached through a phonetic key: the best such way and the mask of
    /// the term's forms that have the key. It holds only in passages with
    /// one of those forms: `Путин` reaches the term `put` through the form
    /// `putting`, which a passage with only `put` does not hold.
    pub keyed: Option<(Tier, u64)>,
}

impl Reached {
    /// The tier in a passage whose forms mask is `forms`; `None` when no
    /// way of reaching the term holds there.
    pub fn tier_in(&self, forms: u64) -> Option<Tier> {
        let exact = matches!(self.exact, Some(bit) if forms & bit != 0).then_some(Tier::Exact);
        let keyed = self
            .keyed
            .filter(|&(_, mask)| forms & mask != 0)
            .map(|(t, _)| t);
        [exact, self.tier, keyed].into_iter().flatten().min()
    }
}

/// The forms-mask bit of `word` (folded) among the exact forms of the term
/// at `offset`, `term`.
fn exact_bit(index: &SearchIndex, offset: u64, term: &str, folded: &str) -> Option<u64> {
    let form = exact_form(folded);
    let id = index.forms(offset, term).iter().position(|f| *f == form)?;
    (id < 63).then(|| form_bit(id))
}

/// What one atom reaches.
#[derive(Debug, Clone, Default)]
pub struct Expanded {
    /// The terms reached, one per term, by postings offset.
    pub terms: Vec<Reached>,
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
    /// For a phrase: how many words it spans, stop words included (0 for a
    /// term atom).
    pub fn phrase_len(&self) -> usize {
        self.phrase.len()
    }

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
    let mut reached: HashMap<u64, Reached> = HashMap::new();
    // `forms`: the mask of forms a key reaches, or `None` for a way that
    // holds in every passage.
    let mut add = |offset: u64, tier: Tier, forms: Option<u64>| {
        let slot = reached.entry(offset).or_insert(Reached {
            offset,
            tier: None,
            exact: None,
            keyed: None,
        });
        match forms {
            None => slot.tier = Some(slot.tier.map_or(tier, |t| t.min(tier))),
            Some(mask) => {
                slot.keyed = Some(match slot.keyed {
                    Some((t, m)) => (t.min(tier), m | mask),
                    None => (tier, mask),
                })
            }
        }
    };
    let mut matcher = Matcher::default();
    let word = &atom.word;
    let own = index.terms().get(&word.term);
    if let Some(o) = own {
        add(o, Tier::Stemmed, None);
    }
    matcher.terms.insert(word.term.clone());
    let key = phonetic_key(&word.folded);
    if let Some(k) = &key {
        if let Some(ko) = index.keys().get(k) {
            for (o, forms) in index.key_terms(ko) {
                add(o, Tier::Translit, Some(forms));
            }
        }
        matcher.key = Some(k.clone());
    }
    if reach == Reach::Full {
        let chars = word.folded.chars().count();
        if atom.prefix && chars >= 2 {
            let stem: String = word
                .folded
                .chars()
                .filter(|c| !matches!(c, '\'' | '.'))
                .collect();
            for (term, o) in prefixed(index.terms(), &stem) {
                add(o, Tier::Prefix, None);
                matcher.terms.insert(term);
            }
            if let Some(k) = &key {
                for (_, ko) in prefixed(index.keys(), k) {
                    for (o, forms) in index.key_terms(ko) {
                        add(o, Tier::TranslitPrefix, Some(forms));
                    }
                }
                matcher.key_prefix = Some(k.clone());
            }
        }
        if chars <= MAX_FUZZY_CHARS {
            let max = fuzzy::allowed_edits(chars);
            for (term, o, d) in fuzzy::near(index.terms(), &word.term, max, fuzzy::MAX_EXPANSIONS) {
                add(o, if d <= 1 { Tier::Typo1 } else { Tier::Typo2 }, None);
                matcher.terms.insert(term);
            }
        }
    }
    if let Some(slot) = own.and_then(|o| reached.get_mut(&o)) {
        slot.exact = exact_bit(index, slot.offset, &word.term, &word.folded);
    }
    Expanded {
        terms: sorted(reached),
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
            Some(offset) => terms.push(Reached {
                offset,
                tier: Some(Tier::Stemmed),
                exact: exact_bit(index, offset, &w.term, &w.folded),
                keyed: None,
            }),
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

fn sorted(reached: HashMap<u64, Reached>) -> Vec<Reached> {
    let mut v: Vec<Reached> = reached.into_values().collect();
    v.sort_by_key(|r| r.offset);
    v
}
