//! Typo tolerance: terms of the dictionary within a small edit distance of a
//! query term. The FST is walked with a char-level edit-distance automaton
//! whose state is the last two rows of the edit-distance table, so nothing
//! is built up front (fst's own Levenshtein DFA can take milliseconds to
//! construct for distance 2) and branches die as soon as every cell
//! exceeds the limit.
//!
//! The distance is optimal string alignment: insertions, deletions,
//! substitutions and swaps of two neighbouring letters each count one. A
//! swap is the commonest slip in typing (`Kovkyta` for `Kovykta`), and as
//! two substitutions it was out of reach of any word under nine letters.

use fst::{Automaton, IntoStreamer, Map, Streamer};

/// Edits allowed for a word of `chars` characters: 1 from 5, 2 from 9.
pub fn allowed_edits(chars: usize) -> u32 {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Most dictionary terms one query term may expand to by typo tolerance.
pub const MAX_EXPANSIONS: usize = 32;

/// Levenshtein automaton over UTF-8 bytes, counting edits in characters.
pub struct Levenshtein {
    query: Vec<char>,
    max: u32,
}

/// Longest query word (in characters) the automaton compares in full;
/// longer words are compared on their first this many characters.
pub const MAX_CHARS: usize = 47;

/// Automaton state: the edit-distance row and the one before it (cells
/// capped at 255, inline so a step allocates nothing), the last character
/// read (for swaps) and a partly read character.
#[derive(Clone, Copy, Debug)]
pub struct State {
    row: [u8; MAX_CHARS + 1],
    before: [u8; MAX_CHARS + 1],
    last: Option<char>,
    code: u32,
    pending: u8,
    /// Characters read.
    depth: u16,
}

impl Levenshtein {
    /// Matches words within `max` edits of `query`.
    pub fn new(query: &str, max: u32) -> Levenshtein {
        Levenshtein {
            query: query.chars().take(MAX_CHARS).collect(),
            max: max.min(254),
        }
    }

    /// The row after reading `c`, the `depth`th character, from the current
    /// `row`, the row `before` it and the character `last` read before `c`.
    ///
    /// Only the band of cells that can be within `max` is computed: cell `j`
    /// after `depth` characters is at least `|j - depth|` edits, and a cell
    /// within `max` is made only from cells within `max`. Cells outside the
    /// band stay at 255. A row costs `2·max + 1` cells, not the query's
    /// length, and this automaton runs for every term the dictionary walk
    /// visits: it was a third of a query's time.
    fn step(
        &self,
        row: &[u8; MAX_CHARS + 1],
        before: &[u8; MAX_CHARS + 1],
        last: Option<char>,
        c: char,
        depth: usize,
    ) -> [u8; MAX_CHARS + 1] {
        let mut next = [u8::MAX; MAX_CHARS + 1];
        next[0] = row[0].saturating_add(1);
        let band = self.max as usize;
        // Cell `i + 1` for `i` in this range: `depth - band ≤ i + 1 ≤ depth + band`.
        let from = (depth.saturating_sub(band)).saturating_sub(1);
        let to = depth.saturating_add(band).min(self.query.len());
        for (i, &q) in self.query.iter().enumerate().take(to).skip(from) {
            let cost = u8::from(q != c);
            let mut best = row[i + 1]
                .saturating_add(1)
                .min(next[i].saturating_add(1))
                .min(row[i].saturating_add(cost));
            // A swap: the query's `…q[i-1] q[i]` read as `…c last`.
            if i >= 1 && Some(q) == last && self.query[i - 1] == c && q != c {
                best = best.min(before[i - 1].saturating_add(1));
            }
            next[i + 1] = best;
        }
        next
    }

    fn cells<'s>(&self, row: &'s [u8; MAX_CHARS + 1]) -> &'s [u8] {
        &row[..=self.query.len()]
    }
}

impl Automaton for Levenshtein {
    type State = Option<State>;

    fn start(&self) -> Option<State> {
        let mut row = [u8::MAX; MAX_CHARS + 1];
        for (i, cell) in row.iter_mut().enumerate().take(self.query.len() + 1) {
            *cell = i as u8;
        }
        Some(State {
            row,
            before: [u8::MAX; MAX_CHARS + 1],
            last: None,
            code: 0,
            pending: 0,
            depth: 0,
        })
    }

    fn is_match(&self, state: &Option<State>) -> bool {
        state
            .as_ref()
            .is_some_and(|s| s.pending == 0 && u32::from(s.row[self.query.len()]) <= self.max)
    }

    // Only the current row is checked: a swap's cell `before[i-1] + 1` is
    // never below the substitution path's `row[i]`, which it bounds.
    fn can_match(&self, state: &Option<State>) -> bool {
        state
            .as_ref()
            .is_some_and(|s| self.cells(&s.row).iter().any(|&d| u32::from(d) <= self.max))
    }

    fn accept(&self, state: &Option<State>, byte: u8) -> Option<State> {
        let s = state.as_ref()?;
        let (code, pending) = if s.pending == 0 {
            match byte {
                0x00..=0x7F => (u32::from(byte), 0),
                0xC0..=0xDF => (u32::from(byte & 0x1F), 1),
                0xE0..=0xEF => (u32::from(byte & 0x0F), 2),
                0xF0..=0xF7 => (u32::from(byte & 0x07), 3),
                _ => return None,
            }
        } else {
            ((s.code << 6) | u32::from(byte & 0x3F), s.pending - 1)
        };
        if pending > 0 {
            return Some(State {
                code,
                pending,
                ..*s
            });
        }
        let c = char::from_u32(code)?;
        let depth = s.depth.saturating_add(1);
        Some(State {
            row: self.step(&s.row, &s.before, s.last, c, usize::from(depth)),
            before: s.row,
            last: Some(c),
            code: 0,
            pending: 0,
            depth,
        })
    }
}

/// Edit distance between two words, in characters (at most 255; words
/// compared on their first [`MAX_CHARS`] characters).
pub fn distance(a: &str, b: &str) -> u32 {
    let aut = Levenshtein::new(a, u32::MAX);
    let Some(mut s) = aut.start() else {
        return 0;
    };
    for (i, c) in b.chars().take(MAX_CHARS).enumerate() {
        let next = aut.step(&s.row, &s.before, s.last, c, i + 1);
        s.before = s.row;
        s.row = next;
        s.last = Some(c);
    }
    u32::from(s.row[aut.query.len()])
}

/// Terms of `map` within `max` edits of `term` (the term itself excluded),
/// as `(term, value, distance)`, at most `limit` of them.
pub fn near(map: &Map<Vec<u8>>, term: &str, max: u32, limit: usize) -> Vec<(String, u64, u32)> {
    let mut out = Vec::new();
    if max == 0 {
        return out;
    }
    let aut = Levenshtein::new(term, max);
    let mut stream = map.search(&aut).into_stream();
    while let Some((k, v)) = stream.next() {
        if out.len() >= limit {
            break;
        }
        let Ok(k) = std::str::from_utf8(k) else {
            continue;
        };
        if k != term {
            out.push((k.to_string(), v, distance(term, k)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The banded automaton walking the dictionary finds exactly the words
    /// the full edit-distance table puts within the limit.
    #[test]
    fn the_band_finds_what_the_full_table_finds() {
        let letters: Vec<char> = "abcdeая".chars().collect();
        let mut seed = 7u64;
        let mut word = |len: usize| -> String {
            (0..len)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    letters[(seed >> 33) as usize % letters.len()]
                })
                .collect()
        };
        let mut words: Vec<String> = (0..600).map(|i| word(3 + i % 7)).collect();
        words.sort();
        words.dedup();
        let map = Map::from_iter(words.iter().map(|w| (w.as_str(), 0u64))).unwrap();
        for i in 0..80 {
            let q = word(4 + i % 6);
            for max in 1..=2 {
                let mut found: Vec<String> = near(&map, &q, max, usize::MAX)
                    .into_iter()
                    .map(|x| x.0)
                    .collect();
                found.sort();
                let expected: Vec<String> = words
                    .iter()
                    .filter(|w| **w != q && distance(&q, w) <= max)
                    .cloned()
                    .collect();
                assert_eq!(found, expected, "{q} within {max}");
            }
        }
    }

    #[test]
    fn finds_words_within_the_limit_in_any_script() {
        let map = Map::from_iter([("kovykta", 1u64), ("pipelin", 2), ("приморск", 3)]).unwrap();
        let found: Vec<String> = near(&map, "piplin", 1, MAX_EXPANSIONS)
            .into_iter()
            .map(|x| x.0)
            .collect();
        assert_eq!(found, ["pipelin"]);
        assert!(near(&map, "kovkta", 1, MAX_EXPANSIONS)
            .iter()
            .any(|x| x.0 == "kovykta"));
        assert!(near(&map, "kvkta", 1, MAX_EXPANSIONS).is_empty());
        assert_eq!(near(&map, "приморк", 1, MAX_EXPANSIONS)[0].2, 1);
        assert_eq!(distance("kovyktaa", "kovykta"), 1);
        assert_eq!(distance("", "abc"), 3);
        // A swap of neighbours is one edit, in any script and through the FST.
        assert_eq!(distance("kovkyta", "kovykta"), 1);
        assert_eq!(distance("ab", "ba"), 1);
        assert_eq!(distance("abc", "ca"), 3);
        assert_eq!(distance("приморкс", "приморск"), 1);
        assert!(near(&map, "kovkyta", 1, MAX_EXPANSIONS)
            .iter()
            .any(|x| x.0 == "kovykta" && x.2 == 1));
        assert_eq!(allowed_edits(4), 0);
        assert_eq!(allowed_edits(5), 1);
        assert_eq!(allowed_edits(9), 2);
    }
}
