//! A lexicon: surface forms compiled into one Aho-Corasick automaton and
//! found in a text as whole words, case-sensitively, whitespace runs
//! counting as one space, and of all whole-word matches the
//! non-overlapping set that covers the most text ([`cover_most`]).
//!
//! The entity matcher is one of these over the people and organisation
//! lists; the place matcher uses its pieces ([`cover_most`],
//! [`whole_word`], [`collapse_whitespace`]) over case-folded text.
//!
//! Rules:
//! - case-sensitive, so the capital-only short aliases (`SCO`, `US`)
//!   only match as written;
//! - no letter or digit right before or after the match, so `Korea` does not
//!   fire in `Korean`; an apostrophe is not a letter, so a possessive
//!   (`Putin’s`) matches;
//! - an alias edge in a script written without spaces (Han, kana, Hangul)
//!   needs no boundary on that side: `中国` matches inside `中国的`;
//! - whitespace runs (line breaks, non-breaking spaces) count as one space;
//! - choosing *after* the word-boundary check (rather than with the
//!   automaton's own leftmost-longest mode) matters: a longer pattern that
//!   fails the boundary must not hide a shorter one that passes.

use crate::error::{Cause, Error, ErrorKind};
use aho_corasick::{AhoCorasick, MatchKind};

/// Surface forms compiled into one automaton, each standing for a `T`, and
/// found by this module's rules (case-sensitive, whole words, whitespace
/// runs as one space, most text covered). The place and the entity
/// matchers are both one of these over their own lists.
pub struct Lexicon<T> {
    automaton: AhoCorasick,
    targets: Vec<T>,
}

impl<T: Copy> Lexicon<T> {
    /// Compiles `(surface, target)` pairs; `file` names where the
    /// surfaces came from, for the error when they cannot be compiled.
    pub fn new<'a>(
        file: &str,
        entries: impl IntoIterator<Item = (&'a str, T)>,
    ) -> Result<Lexicon<T>, Error> {
        let (patterns, targets): (Vec<String>, Vec<T>) = entries
            .into_iter()
            .map(|(surface, t)| (collapse_whitespace(surface).0, t))
            .unzip();
        let automaton = automaton(file, &patterns)?;
        Ok(Lexicon { automaton, targets })
    }

    /// The accepted matches as `(start, end, target)` in byte offsets of
    /// the original text, in order, non-overlapping.
    pub fn find(&self, text: &str) -> Vec<(usize, usize, T)> {
        let (norm, map) = collapse_whitespace(text);
        let found: Vec<(usize, usize, T)> = self
            .automaton
            .find_overlapping_iter(norm.as_str())
            .filter(|m| whole_word(&norm, m.start(), m.end()))
            .map(|m| (m.start(), m.end(), self.targets[m.pattern().as_usize()]))
            .collect();
        cover_most(found)
            .into_iter()
            .map(|(start, end, target)| (map[start], map[end], target))
            .collect()
    }
}

/// Chooses non-overlapping matches covering the most bytes (ties: fewer
/// matches), in text order.
///
/// This is "prefer the longest match" applied to the whole passage, not
/// greedily from the left: a plain leftmost-longest scan lets `the Pacific`
/// (an alias starting earlier) win over `Pacific Ocean` in
/// `the Pacific Ocean`, or the ignore span `the North` hide
/// `North — South Transport Corridor`. Where only one match starts at a
/// place the result is the same as leftmost-longest, so an ignore span
/// still beats the shorter aliases inside it.
pub fn cover_most<T: Copy>(mut found: Vec<(usize, usize, T)>) -> Vec<(usize, usize, T)> {
    found.sort_by_key(|&(start, end, _)| (end, start));
    // best[i]: (covered bytes, -matches, previous choice) over found[..i].
    let mut best: Vec<(usize, isize, Option<usize>)> = vec![(0, 0, None); found.len() + 1];
    let mut take = vec![false; found.len()];
    for i in 0..found.len() {
        let (start, end, _) = found[i];
        // Matches ending at or before `start` form a prefix of `found`.
        let fits = found[..i].partition_point(|m| m.1 <= start);
        let with = (best[fits].0 + (end - start), best[fits].1 - 1);
        let without = (best[i].0, best[i].1);
        if with > without {
            best[i + 1] = (with.0, with.1, Some(fits));
            take[i] = true;
        } else {
            best[i + 1] = best[i];
        }
    }
    let mut chosen = Vec::new();
    let mut i = found.len();
    while i > 0 {
        if take[i - 1] {
            chosen.push(found[i - 1]);
            i = best[i].2.unwrap_or(0);
        } else {
            i -= 1;
        }
    }
    chosen.reverse();
    chosen
}

/// Compiles `patterns` into one automaton with standard semantics:
/// overlapping search needs it, and the leftmost-longest choice is made
/// after the boundary check ([`cover_most`]). The builder refuses only past
/// size limits far beyond the lists' size; that is an error about `file`
/// (where the patterns came from), never an automaton that finds nothing.
pub fn automaton(file: &str, patterns: &[String]) -> Result<AhoCorasick, Error> {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(patterns)
        .map_err(|cause| {
            Error::file(
                file,
                ErrorKind::Matcher {
                    names: patterns.len(),
                    cause: Cause::new(cause),
                },
            )
        })
}

/// `true` when `start..end` of `text` is not glued to a letter or digit.
pub fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let inner = &text[start..end];
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = inner.chars().next();
    let last = inner.chars().next_back();
    free_edge(first, before) && free_edge(last, after)
}

/// An alias edge `edge` may touch `neighbour` when the neighbour is not a
/// letter or digit, or the edge is in a script written without spaces.
fn free_edge(edge: Option<char>, neighbour: Option<char>) -> bool {
    match (edge, neighbour) {
        (_, None) => true,
        (Some(e), _) if unspaced_script(e) => true,
        (_, Some(n)) => !n.is_alphanumeric(),
    }
}

/// Han ideographs, kana and Hangul: scripts with no spaces between words.
fn unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK Extension A
        | 0x4E00..=0x9FFF    // CJK Unified Ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF) // CJK Compatibility Ideographs
}

/// `text` with every whitespace run replaced by one space, and for each byte
/// offset of the result (plus its end) the matching offset in `text`.
pub fn collapse_whitespace(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
                map.push(i);
            }
            in_space = true;
            continue;
        }
        in_space = false;
        out.push(c);
        map.extend((0..c.len_utf8()).map(|k| i + k));
    }
    map.push(text.len());
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only_with_possessives() {
        let l = Lexicon::new("test", [("Korea", 1u8), ("US", 2), ("USD", 3)]).expect("compiles");
        let got: Vec<u8> = l
            .find("Korean, Korea's and Korea’s; USD 5, the US.")
            .iter()
            .map(|h| h.2)
            .collect();
        assert_eq!(got, [1, 1, 3, 2]);
    }

    #[test]
    fn the_longest_cover_wins_over_the_leftmost_match() {
        let l =
            Lexicon::new("test", [("Pacific Ocean", 1u8), ("the Pacific", 2)]).expect("compiles");
        let text = "ports of the Pacific Ocean and the Pacific";
        let got: Vec<&str> = l.find(text).iter().map(|h| &text[h.0..h.1]).collect();
        assert_eq!(got, ["Pacific Ocean", "the Pacific"]);
    }

    #[test]
    fn line_breaks_inside_a_name_still_match() {
        let l =
            Lexicon::new("test", [("Khabarovsk, Vladivostok pipeline", 1u8)]).expect("compiles");
        let text = "the Khabarovsk,\nVladivostok pipeline";
        assert_eq!(l.find(text), [(4, text.len(), 1)]);
    }

    #[test]
    fn cjk_aliases_need_no_spaces() {
        let l = Lexicon::new("test", [("中国", 1u8)]).expect("compiles");
        assert_eq!(l.find("中国的").len(), 1);
    }

    #[test]
    fn collapse_maps_offsets_back() {
        let (norm, map) = collapse_whitespace("a \n b");
        assert_eq!(norm, "a b");
        assert_eq!(map, vec![0, 1, 4, 5]);
    }
}
