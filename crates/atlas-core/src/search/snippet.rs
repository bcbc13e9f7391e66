//! Snippets: the best window of a matching passage, with the byte ranges of
//! the matches inside it, so a hit list can show *why* a passage matched.
//! Short passages are shown whole; long ones are cut at word boundaries
//! around the densest cluster of matches, with `…` where text was left out.

/// Passages up to this many characters are shown whole.
pub const WHOLE_UP_TO_CHARS: usize = 240;
/// Words in a cut snippet.
pub const WINDOW_WORDS: usize = 32;
/// Words of context kept before the first match of the window.
pub const CONTEXT_WORDS: usize = 5;

/// A matched run of tokens: `tokens[from..to]` matched atom `atom`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    /// First token.
    pub from: usize,
    /// One past the last token.
    pub to: usize,
    /// Which atom matched.
    pub atom: usize,
}

/// A snippet and its highlighted ranges (byte offsets into `text`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The snippet text.
    pub text: String,
    /// `[start, end)` byte ranges of the matches, ascending.
    pub spans: Vec<[usize; 2]>,
}

/// Cuts the best window of `text`, given the byte ranges of its words and
/// which runs of words matched.
pub fn cut(text: &str, tokens: &[(usize, usize)], occ: &[Occurrence]) -> Snippet {
    cut_known(text, tokens, false, occ)
}

/// How many of a long passage's first words [`cut_known`] must be given
/// for the matches `occ`: one past the window it will choose. The choice
/// does not depend on how many words follow the window, so it is made
/// here without them.
pub fn words_needed(occ: &[Occurrence]) -> usize {
    best_window(occ, usize::MAX).1.saturating_add(1)
}

/// [`cut`] from the first words of the text only: `tokens` are the first
/// [`words_needed`] words, or all of them (always all for a text short
/// enough to be shown whole), and `more` says that the text has words
/// after them. Finding word boundaries is most of a snippet's cost,
/// and a window near the start need not know where the 300th word is.
pub fn cut_known(text: &str, tokens: &[(usize, usize)], more: bool, occ: &[Occurrence]) -> Snippet {
    let n = tokens.len();
    let whole = text.chars().count() <= WHOLE_UP_TO_CHARS || n == 0;
    let (a, b) = if whole { (0, n) } else { best_window(occ, n) };
    let start = if a == 0 { 0 } else { tokens[a].0 };
    let end = if whole || (b >= n && !more) {
        text.len()
    } else {
        tokens[b - 1].1
    };
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let shift = out.len();
    out.push_str(&text[start..end]);
    if end < text.len() {
        out.push('…');
    }
    let mut spans: Vec<[usize; 2]> = occ
        .iter()
        .filter(|o| o.from >= a && o.to <= b && o.to > o.from)
        .map(|o| {
            [
                tokens[o.from].0 - start + shift,
                tokens[o.to - 1].1 - start + shift,
            ]
        })
        .collect();
    merge_overlapping(&mut spans);
    Snippet { text: out, spans }
}

/// Sorts `ranges` (`[a, b]` or `(a, b)`) and merges those that overlap or touch, so the result is
/// strictly ascending and disjoint: what a reader slicing a text by them
/// needs. Two atoms (or two expansions of one) may match overlapping runs of
/// words, e.g. a phrase and a term inside it; unmerged, `[36, 37]` and
/// `[36, 39]` would make a second slice start before the first one ended.
pub fn merge_overlapping<R>(ranges: &mut Vec<R>)
where
    R: Copy + Ord + Into<[usize; 2]> + From<[usize; 2]>,
{
    ranges.sort_unstable();
    let mut out: Vec<[usize; 2]> = Vec::with_capacity(ranges.len());
    for &r in ranges.iter() {
        let [a, b] = r.into();
        match out.last_mut() {
            Some(last) if a <= last[1] => last[1] = last[1].max(b),
            _ => out.push([a, b]),
        }
    }
    *ranges = out.into_iter().map(R::from).collect();
}

/// Token range `[a, b)` of the window holding the most distinct atoms, then
/// the most matches; earliest on ties.
fn best_window(occ: &[Occurrence], n: usize) -> (usize, usize) {
    let mut best = (0usize, 0usize, 0usize);
    let mut best_range = (0, WINDOW_WORDS.min(n));
    for o in occ {
        let a = o.from.saturating_sub(CONTEXT_WORDS);
        let b = (a + WINDOW_WORDS).min(n);
        let inside: Vec<&Occurrence> = occ.iter().filter(|x| x.from >= a && x.to <= b).collect();
        let mut atoms: Vec<usize> = inside.iter().map(|x| x.atom).collect();
        atoms.sort_unstable();
        atoms.dedup();
        let key = (atoms.len(), inside.len(), usize::MAX - a);
        if key > best {
            best = key;
            best_range = (a, b);
        }
    }
    best_range
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens;

    fn bounds(text: &str) -> Vec<(usize, usize)> {
        tokens(text).iter().map(|t| (t.start, t.end)).collect()
    }

    #[test]
    fn overlapping_and_touching_ranges_merge_into_ascending_disjoint_ones() {
        let mut r = vec![[36, 39], [8, 9], [36, 37], [39, 42], [50, 51], [8, 9]];
        merge_overlapping(&mut r);
        assert_eq!(r, [[8, 9], [36, 42], [50, 51]]);
        let mut empty: Vec<[usize; 2]> = Vec::new();
        merge_overlapping(&mut empty);
        assert!(empty.is_empty());
    }

    #[test]
    fn the_first_words_needed_cut_the_same_snippet_as_all_words() {
        let long = (0..400)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let short = "A short passage of many small words: a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p.";
        for text in [long.as_str(), short] {
            let all = bounds(text);
            let n = all.len();
            for at in [
                vec![],
                vec![0],
                vec![3, 9],
                vec![n / 2],
                vec![n - 1],
                vec![40, n - 2],
            ] {
                let occ: Vec<Occurrence> = at
                    .iter()
                    .map(|&i| Occurrence {
                        from: i,
                        to: i + 1,
                        atom: i % 2,
                    })
                    .collect();
                let k = if text.chars().count() <= WHOLE_UP_TO_CHARS {
                    n
                } else {
                    words_needed(&occ).min(n)
                };
                let known = cut_known(text, &all[..k], k < n, &occ);
                assert_eq!(known, cut(text, &all, &occ), "matches at {at:?}");
            }
        }
    }

    #[test]
    fn short_text_is_whole_and_long_text_is_cut_around_matches() {
        let text = "Gas flows east.";
        let s = cut(
            text,
            &bounds(text),
            &[Occurrence {
                from: 0,
                to: 1,
                atom: 0,
            }],
        );
        assert_eq!(s.text, text);
        assert_eq!(s.spans, [[0, 3]]);

        let long = format!(
            "{} Kovykta field {}",
            "word ".repeat(100),
            "tail ".repeat(100)
        );
        let t = tokens(&long);
        let i = t.iter().position(|x| x.term == "kovykta").unwrap();
        let s = cut(
            &long,
            &bounds(&long),
            &[Occurrence {
                from: i,
                to: i + 1,
                atom: 0,
            }],
        );
        assert!(s.text.starts_with('…') && s.text.ends_with('…'));
        let [a, b] = s.spans[0];
        assert_eq!(&s.text[a..b], "Kovykta");
    }
}
