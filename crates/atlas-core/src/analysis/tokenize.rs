//! Cutting text into words by Unicode word boundaries (UAX #29), so every
//! script splits correctly: Latin and Cyrillic at spaces and punctuation,
//! CJK into single ideographs, `Russia’s` and `U.S.` kept whole.
//!
//! Most passages of this corpus are Latin and Cyrillic letters, digits,
//! ASCII punctuation and typographic quotes and dashes. For those, the
//! word rules of UAX #29 reduce to a few (letters join letters and digits;
//! `.` `:` `'` `’` join two letters; `.` `,` `;` `'` `’` join two digits;
//! `_` joins anything wordlike), and [`words`] applies them directly: the
//! general segmenter's per-character table lookup was the largest cost of
//! cutting snippets. Any other character sends the whole text to
//! `unicode-segmentation`. A test holds the two equal on the seeds, the
//! evaluation texts and random strings of every class involved.

use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

/// The words of `text` with their byte offsets: segments holding at least one
/// letter or digit. Punctuation, spaces and symbols are skipped.
pub fn words(text: &str) -> Words<'_> {
    if text.chars().all(|c| class(c).is_some()) {
        Words::Simple(Simple { text, at: 0 })
    } else {
        Words::Unicode(unicode_words(text))
    }
}

/// The words of `text` by `unicode-segmentation` alone (what [`words`]
/// must equal).
pub fn unicode_words(text: &str) -> std::iter::Filter<UWordBoundIndices<'_>, WordFilter> {
    text.split_word_bound_indices().filter(is_word)
}

/// The filter of [`unicode_words`].
pub type WordFilter = fn(&(usize, &str)) -> bool;

fn is_word(segment: &(usize, &str)) -> bool {
    segment.1.chars().any(char::is_alphanumeric)
}

/// The iterator [`words`] returns.
pub enum Words<'a> {
    /// The direct rules, for text of the classes below only.
    Simple(Simple<'a>),
    /// The general segmenter.
    Unicode(std::iter::Filter<UWordBoundIndices<'a>, WordFilter>),
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Words::Simple(s) => s.next(),
            Words::Unicode(u) => u.next(),
        }
    }
}

/// Word-break classes of UAX #29 that the direct rules know.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Numeric,
    /// `:` (MidLetter): joins two letters.
    MidLetter,
    /// `,` `;` (MidNum): joins two digits.
    MidNum,
    /// `.` `'` `‘` `’` (MidNumLet, Single_Quote): joins two letters or two digits.
    MidNumLet,
    /// `_` (ExtendNumLet).
    ExtendNumLet,
    /// Everything else known: breaks on both sides.
    Other,
}

/// The class of `c`, or `None` when the direct rules do not know it (then
/// the text goes to the general segmenter).
fn class(c: char) -> Option<Class> {
    Some(match c {
        'a'..='z' | 'A'..='Z' => Class::Letter,
        '0'..='9' => Class::Numeric,
        ':' => Class::MidLetter,
        ',' | ';' => Class::MidNum,
        '.' | '\'' | '\u{2018}' | '\u{2019}' => Class::MidNumLet,
        '_' => Class::ExtendNumLet,
        // The rest of ASCII: spaces, line breaks, punctuation, symbols.
        '\0'..='\u{7f}' => Class::Other,
        // Latin-1 letters (not × and ÷), Latin Extended-A.
        '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{f6}' | '\u{f8}'..='\u{17f}' => Class::Letter,
        // Cyrillic letters (not the combining marks U+0483–U+0489).
        '\u{400}'..='\u{482}' | '\u{48a}'..='\u{4ff}' => Class::Letter,
        // Typographic dashes, double quotes, ellipsis, guillemets, no-break space.
        '\u{2010}'..='\u{2015}'
        | '\u{201c}'
        | '\u{201d}'
        | '\u{2026}'
        | '\u{ab}'
        | '\u{bb}'
        | '\u{a0}' => Class::Other,
        _ => return None,
    })
}

/// The direct rules over a text whose every character has a [`class`].
pub struct Simple<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Simple<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (start, end, wordlike) = self.segment()?;
            self.at = end;
            // A run of `_` alone is no word.
            if wordlike {
                return Some((start, &self.text[start..end]));
            }
        }
    }
}

impl Simple<'_> {
    /// The next segment that starts with a letter, digit or `_`: its start,
    /// end and whether it holds a letter or digit.
    fn segment(&self) -> Option<(usize, usize, bool)> {
        let rest = self.text.get(self.at..)?;
        let (skip, first) = rest.char_indices().find(|&(_, c)| {
            matches!(
                class(c),
                Some(Class::Letter | Class::Numeric | Class::ExtendNumLet)
            )
        })?;
        let start = self.at + skip;
        let mut end = start + first.len_utf8();
        let mut prev = class(first).unwrap_or(Class::Other);
        let mut wordlike = prev != Class::ExtendNumLet;
        let mut chars = self.text[end..].chars().peekable();
        while let Some(&c) = chars.peek() {
            let k = class(c).unwrap_or(Class::Other);
            match (prev, k) {
                // WB5, WB8, WB9, WB10, WB13a, WB13b: wordlike joins wordlike.
                (
                    Class::Letter | Class::Numeric | Class::ExtendNumLet,
                    Class::Letter | Class::Numeric | Class::ExtendNumLet,
                ) => {
                    wordlike |= k != Class::ExtendNumLet;
                    end += c.len_utf8();
                    prev = k;
                    chars.next();
                }
                // WB6/7 (letters) and WB11/12 (digits): a middle character
                // joins when the same kind stands on both sides of it.
                (Class::Letter, Class::MidLetter | Class::MidNumLet)
                | (Class::Numeric, Class::MidNum | Class::MidNumLet) => {
                    let mut ahead = chars.clone();
                    ahead.next();
                    match ahead.next() {
                        Some(next) if class(next) == Some(prev) => {
                            end += c.len_utf8() + next.len_utf8();
                            chars.next();
                            chars.next();
                        }
                        _ => break,
                    }
                }
                _ => break,
            }
        }
        Some((start, end, wordlike))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    type Cut<'t> = Vec<(usize, &'t str)>;

    fn both(text: &str) -> (Cut<'_>, Cut<'_>) {
        (words(text).collect(), unicode_words(text).collect())
    }

    #[test]
    fn the_direct_rules_cut_the_project_texts_as_the_general_segmenter_does() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
        let mut files = 0;
        let mut simple = 0;
        for dir in [
            "seeds",
            "eval/places/tune",
            "eval/places/heldout",
            "eval/places/seeds",
            "crates/atlas-core/tests/fixtures",
        ] {
            let Ok(entries) = std::fs::read_dir(format!("{root}/{dir}")) else {
                continue;
            };
            for entry in entries.flatten() {
                let Ok(text) = std::fs::read_to_string(entry.path()) else {
                    continue;
                };
                files += 1;
                for line in text.split_inclusive('\n') {
                    simple += usize::from(matches!(words(line), Words::Simple(_)));
                    let (ours, general) = both(line);
                    assert_eq!(ours, general, "{}: {line:?}", entry.path().display());
                }
            }
        }
        assert!(
            files >= 30 && simple > 1000,
            "{files} files, {simple} simple lines"
        );
    }

    #[test]
    fn the_direct_rules_know_the_join_cases() {
        for text in [
            "U.S. and U.K.",
            "Russia’s",
            "3.5 bn, 1,000; 2:30",
            "a:b a'b a.b 1.a a.1 1'2",
            "snake_case __ _x x_ 1_000",
            "a..b",
            "Приморский-край ё",
            "“quoted” — dash… «ёлка»",
            "end.",
            ".start",
            "'a'",
            "a'",
            "x\r\ny",
            "naïve Ōkhotsk",
        ] {
            let (ours, general) = both(text);
            assert_eq!(ours, general, "{text:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn the_direct_rules_equal_the_general_segmenter(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', 'Z', 'é', 'ž', 'я', 'Ё', '0', '7', ':', ',', ';', '.', '\'', '‘', '’', '_',
                ' ', '\n', '-', '“', '—', '…', '«', '\u{a0}', '!', '中', '\u{301}', '\u{ad}', '·',
            ]), 0..24)
        ) {
            let text: String = chars.into_iter().collect();
            let (ours, general) = both(&text);
            prop_assert_eq!(ours, general, "{:?}", text);
        }

        /// Only characters the direct rules know, so they always run.
        #[test]
        fn the_direct_rules_alone_equal_the_general_segmenter(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', 'Z', 'é', 'ž', 'я', 'Ё', '0', '7', ':', ',', ';', '.', '\'', '‘', '’', '_',
                ' ', '\n', '\r', '-', '“', '—', '…', '«', '\u{a0}', '!',
            ]), 0..24)
        ) {
            let text: String = chars.into_iter().collect();
            prop_assert!(matches!(words(&text), Words::Simple(_)));
            let (ours, general) = both(&text);
            prop_assert_eq!(ours, general, "{:?}", text);
        }
    }

    #[test]
    fn splits_on_word_boundaries_in_every_script() {
        let w: Vec<&str> = words("Russia’s gas—to 中国, Приморский-край 2023!")
            .map(|(_, w)| w)
            .collect();
        assert_eq!(
            w,
            [
                "Russia’s",
                "gas",
                "to",
                "中",
                "国",
                "Приморский",
                "край",
                "2023"
            ]
        );
    }
}
