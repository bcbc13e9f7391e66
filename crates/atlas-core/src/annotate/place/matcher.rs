//! Finding gazetteer aliases and ignore-list spans in one passage's text.
//!
//! One Aho-Corasick automaton holds every alias *and* every ignore span, so
//! an ignore span competes with the aliases inside it and, being longer,
//! wins (`East China Normal University` hides `China`). The automaton
//! reports all overlapping matches; we then drop those that are not whole
//! words and keep the non-overlapping set that covers the most text
//! ([`cover_most`], "prefer the longest match" over the whole passage).
//! Choosing *after* the word-boundary check (rather than with the
//! automaton's own leftmost-longest mode) matters: a longer pattern that
//! fails the boundary must not hide a shorter one that passes.
//!
//! Rules (from the header of `data/gazetteer.tsv`):
//! - case-sensitive, so `us` is never `US` and the capital-only short
//!   aliases (`US`, `EU`, `RF`, …) only match as written;
//! - no letter or digit right before or after the match, so `Korea` does not
//!   fire in `Korean`, `Russia` in `Russian`, `US` in `USD`; an apostrophe is
//!   not a letter, so the possessive `Primorye's` / `Sakhalin’s` matches.
//!   Plural and adjectival forms match only when listed as aliases (`Koreas`);
//! - an alias edge in a script written without spaces (Han, kana, Hangul)
//!   needs no boundary on that side: `中国` matches inside `中国的`;
//! - whitespace runs (line breaks, non-breaking spaces) count as one space.

use crate::gazetteer::Gazetteer;
use aho_corasick::{AhoCorasick, MatchKind};

/// What a pattern of the automaton stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// An alias of `Gazetteer::places[i]`.
    Place(u16),
    /// `Gazetteer::ignore[i]`: the span is not a place.
    Ignore(u32),
}

/// One accepted match, in byte offsets of the original (not normalised) text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Byte offset where the match starts.
    pub start: usize,
    /// Byte offset just past the match.
    pub end: usize,
    /// What matched.
    pub target: Target,
}

/// The compiled aliases and ignore spans of a gazetteer.
pub struct PlaceMatcher {
    lexicon: Lexicon<Target>,
}

impl PlaceMatcher {
    /// Compiles every alias and ignore span of `gazetteer`.
    pub fn new(gazetteer: &Gazetteer) -> PlaceMatcher {
        let aliases = gazetteer.places.iter().enumerate().flat_map(|(i, place)| {
            place
                .aliases
                .iter()
                .map(move |a| (a.as_str(), Target::Place(i as u16)))
        });
        let ignored = gazetteer
            .ignore
            .iter()
            .enumerate()
            .map(|(i, e)| (e.surface.as_str(), Target::Ignore(i as u32)));
        PlaceMatcher {
            lexicon: Lexicon::new(aliases.chain(ignored)),
        }
    }

    /// The accepted matches in `text`, in order, non-overlapping: of all
    /// whole-word matches, the set that covers the most text (see
    /// [`cover_most`]).
    pub fn find(&self, text: &str) -> Vec<Hit> {
        self.lexicon
            .find(text)
            .into_iter()
            .map(|(start, end, target)| Hit { start, end, target })
            .collect()
    }
}

/// Surface forms compiled into one automaton, each standing for a `T`, and
/// found by this module's rules (case-sensitive, whole words, whitespace
/// runs as one space, most text covered). The place and the entity
/// matchers are both one of these over their own lists.
pub struct Lexicon<T> {
    automaton: AhoCorasick,
    targets: Vec<T>,
}

impl<T: Copy> Lexicon<T> {
    /// Compiles `(surface, target)` pairs.
    pub fn new<'a>(entries: impl IntoIterator<Item = (&'a str, T)>) -> Lexicon<T> {
        let (patterns, targets): (Vec<String>, Vec<T>) = entries
            .into_iter()
            .map(|(surface, t)| (collapse_whitespace(surface).0, t))
            .unzip();
        // Standard semantics: overlapping search needs it, and the
        // leftmost-longest choice is made after the boundary check.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            // Only fails past size limits far beyond a few thousand short
            // patterns; an empty automaton then simply finds nothing.
            .unwrap_or_else(|_| empty_automaton());
        Lexicon { automaton, targets }
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
pub(crate) fn cover_most<T: Copy>(mut found: Vec<(usize, usize, T)>) -> Vec<(usize, usize, T)> {
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

pub(crate) fn empty_automaton() -> AhoCorasick {
    AhoCorasick::new(Vec::<&str>::new()).unwrap_or_else(|_| unreachable!("no patterns"))
}

/// `true` when `start..end` of `text` is not glued to a letter or digit.
pub(crate) fn whole_word(text: &str, start: usize, end: usize) -> bool {
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
    use crate::gazetteer::{parse_ignore, Gazetteer};

    fn matcher() -> (Gazetteer, PlaceMatcher) {
        let g = Gazetteer::parse(
            "id\tname\tkind\tcountry\tlat\tlon\tsource\taliases\twaypoints\n\
             china\tChina\tcountry\tCN\t35\t104\trepresentative:x\tChina | 中国\t\n\
             korea\tKorea\tmacro-region\t-\t38\t127\trepresentative:x\tKorea\t\n\
             us\tUnited States\tcountry\tUS\t39\t-98\trepresentative:x\tUnited States | US\t\n\
             skv\tSKV\troute\tRU\t48\t135\trepresentative:x\tSKV | Sakhalin, Khabarovsk, Vladivostok pipeline\t\n\
             sakhalin\tSakhalin\tisland\tRU\t50\t142\trepresentative:x\tSakhalin\t\n",
            "g.tsv",
        )
        .unwrap();
        let ignore = parse_ignore(
            "surface\treason\nEast China Normal University\torganisation\nUSD\tcurrency\n",
            "i.tsv",
        )
        .unwrap();
        let g = g.with_ignore(ignore, "i.tsv").unwrap();
        let m = PlaceMatcher::new(&g);
        (g, m)
    }

    fn places(text: &str) -> Vec<(String, String)> {
        let (g, m) = matcher();
        m.find(text)
            .iter()
            .filter_map(|h| match h.target {
                Target::Place(i) => Some((
                    text[h.start..h.end].to_string(),
                    g.places[i as usize].id.clone(),
                )),
                Target::Ignore(_) => None,
            })
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn whole_words_only_with_possessives() {
        assert_eq!(places("Korean and Koreans"), pairs(&[]));
        let korea = pairs(&[("Korea", "korea"), ("Korea", "korea")]);
        assert_eq!(places("Korea's and Korea’s"), korea);
        assert_eq!(places("USD 5, the US."), pairs(&[("US", "us")]));
        assert_eq!(places("Chinas"), pairs(&[]));
    }

    #[test]
    fn an_ignore_span_beats_the_alias_inside_it() {
        let got = places("at East China Normal University in China");
        assert_eq!(got, pairs(&[("China", "china")]));
    }

    #[test]
    fn the_longest_cover_wins_over_the_leftmost_match() {
        let g = Gazetteer::parse(
            "id\tname\tkind\tcountry\tlat\tlon\tsource\taliases\twaypoints\n\
             pacific\tPacific Ocean\tsea\t-\t35\t160\trepresentative:x\tPacific Ocean | the Pacific\t\n",
            "g.tsv",
        )
        .unwrap();
        let m = PlaceMatcher::new(&g);
        let text = "ports of the Pacific Ocean and the Pacific";
        let got: Vec<&str> = m.find(text).iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(got, ["Pacific Ocean", "the Pacific"]);
    }

    #[test]
    fn line_breaks_inside_a_name_still_match() {
        let text = "the Sakhalin, Khabarovsk,\nVladivostok pipeline";
        let got = places(text);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, "skv");
        assert!(got[0].0.ends_with("pipeline") && got[0].0.contains('\n'));
    }

    #[test]
    fn cjk_aliases_need_no_spaces() {
        assert_eq!(places("中国的"), pairs(&[("中国", "china")]));
    }

    #[test]
    fn collapse_maps_offsets_back() {
        let (norm, map) = collapse_whitespace("a \n b");
        assert_eq!(norm, "a b");
        assert_eq!(map, vec![0, 1, 4, 5]);
    }
}
