//! Line-end hyphens: a word the typesetter broke, or a compound that fell
//! at the end of a line.
//!
//! In hard-wrapped text a line may end in a hyphen for two reasons. The
//! typesetter broke a word to fill the line (`Kom-` / `somolsk`,
//! `develop-` / `ment`): the hyphen goes. Or a hyphenated compound was
//! cut at its own hyphen (`Asia-` / `Pacific`, `Chinese-` / `related`,
//! `2013-` / `2016`): the hyphen stays. Which one it is, the text itself
//! says, by how it writes its words on lines where nothing cut them:
//!
//! 1. an address (`https://www.rzd-` / `partner.ru/…`) is never hyphenated
//!    by a typesetter: kept;
//! 2. the compound written with its hyphen inside a line: kept;
//! 3. the word written whole inside a line: dropped;
//! 4. a capital or a digit on either side of the cut (`Asia-` / `Pacific`,
//!    `Sakhalin-` / `2`, `2013-` / `2016`), or a compound of three parts or
//!    more (`year-on-` / `year`, `small-and-` / `medium-sized`): kept;
//! 5. kept when the text is never seen breaking a word — no line-end cut
//!    of it falls under rule 3, and at most one leaves two halves that are
//!    no words of it (`sophisti-` / `cated`): a text set ragged-right
//!    (`003_…`: `twenty-` / `first`, `sub-` / `region`) only cuts lines
//!    at the hyphens its compounds have;
//! 6. kept when both halves are words of the text — on their own (three
//!    letters or more) or as parts of its hyphenated compounds (`geo-` in
//!    `geo-economic` makes `geo-` / `political` a compound), and for the
//!    second half a form of one is enough (`fast-` / `growing` beside
//!    `growth`); dropped otherwise: a half the text never uses is a piece
//!    of a word (`tec-` / `hnology`).
//!    Before rule 6, a word of the text cut before a common second half of
//!    English compound adjectives (`energy-` / `based`, `state-` / `owned`)
//!    keeps its hyphen.
//!
//! The halves left by a break (a line's last word before its hyphen, the
//! next line's first word) are not counted as words of the text.

use std::collections::{BTreeSet, HashMap, HashSet};

/// The words a text writes on lines where no line end cut them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Words {
    counts: HashMap<String, u32>,
    /// The parts of the hyphenated compounds written inside lines.
    parts: HashSet<String>,
    /// The words written inside lines, in order (to find a word's forms).
    sorted: BTreeSet<String>,
    /// Some line-end hyphen of the text broke a word it writes whole
    /// elsewhere: the text is hyphenated by its typesetter.
    breaks_words: bool,
}

/// What was decided at one line-end hyphen, for the audit trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decision {
    /// The word as joined (`Komsomolsk`, `Asia-Pacific`).
    pub word: String,
    /// Whether the hyphen stayed.
    pub kept: bool,
    /// The evidence, in words.
    pub why: &'static str,
}

impl Decision {
    /// `Kom-|somolsk → Komsomolsk (written whole elsewhere)`.
    pub fn describe(&self) -> String {
        let what = if self.kept { "kept" } else { "dropped" };
        format!("hyphen {what} in {} ({})", self.word, self.why)
    }
}

impl Words {
    /// Counts the words of `lines`, leaving out the two halves around each
    /// line-end hyphen.
    pub fn of(lines: &[&str]) -> Words {
        let mut counts: HashMap<String, u32> = HashMap::new();
        let mut parts: HashSet<String> = HashSet::new();
        // Each line-end cut: the half before the hyphen and the one after.
        let mut cuts: Vec<(String, String)> = Vec::new();
        let mut after_hyphen = false;
        for line in lines {
            let tokens: Vec<&str> = line.split_whitespace().collect();
            let Some(&first) = tokens.first() else {
                continue;
            };
            if after_hyphen {
                if let Some(cut) = cuts.last_mut() {
                    cut.1 = first_piece(first).unwrap_or("").to_string();
                }
            }
            let cut_at_end = tokens.last().and_then(|t| cut_word(t));
            for (k, token) in tokens.iter().enumerate() {
                let broken_end = cut_at_end.is_some() && k + 1 == tokens.len();
                let broken_start = after_hyphen && k == 0;
                if broken_end || broken_start {
                    continue;
                }
                let w = word_of(token);
                if w.contains('-') && !is_address(token) {
                    parts.extend(w.split('-').filter(|p| !p.is_empty()).map(String::from));
                }
                if !w.is_empty() {
                    *counts.entry(w).or_default() += 1;
                }
            }
            if let Some(left) = cut_at_end.filter(|_| {
                tokens
                    .last()
                    .is_some_and(|t| !is_address(t) && !t[..t.len() - 1].contains('-'))
            }) {
                cuts.push((left.to_string(), String::new()));
            }
            after_hyphen = cut_at_end.is_some();
        }
        let sorted = counts.keys().cloned().collect();
        let mut words = Words {
            counts,
            parts,
            sorted,
            breaks_words: false,
        };
        let lower: Vec<&(String, String)> = cuts
            .iter()
            .filter(|(left, right)| {
                right.chars().next().is_some_and(char::is_lowercase)
                    && left.chars().last().is_some_and(char::is_alphabetic)
            })
            .collect();
        let proven = lower.iter().any(|(left, right)| {
            !words.seen(&format!("{left}-{right}")) && words.seen(&format!("{left}{right}"))
        });
        let pieces = lower
            .iter()
            .filter(|(left, right)| !words.known(left) && !words.known(right))
            .count();
        words.breaks_words = proven || (pieces >= 2 && pieces * 3 >= lower.len());
        words
    }

    /// A word of the text: on its own (three letters or more), or as a part
    /// of a hyphenated compound.
    fn known(&self, w: &str) -> bool {
        let w = w.to_lowercase();
        (w.chars().count() >= 3 && self.counts.contains_key(&w)) || self.parts.contains(&w)
    }

    /// A word of the text, or a form of one: a word the text uses shares
    /// all but its last three letters, four at least (`growing` for
    /// `growth`, `economic` for `economy`).
    fn known_form(&self, w: &str) -> bool {
        if self.known(w) {
            return true;
        }
        let w = w.to_lowercase();
        let letters: Vec<char> = w.chars().collect();
        let need = letters.len().saturating_sub(3).max(4);
        if letters.len() < need {
            return false;
        }
        let stem: String = letters[..need].iter().collect();
        self.sorted
            .range(stem.clone()..)
            .next()
            .is_some_and(|word| word.starts_with(&stem))
    }

    fn seen(&self, word: &str) -> bool {
        self.counts.contains_key(&word.to_lowercase())
    }

    /// Joins `line` (which ends in a hyphen) and `next`: the joined text and,
    /// when the hyphen cut a word (`left-` + `rest`), what was decided.
    pub fn join(&self, line: &str, next: &str) -> (String, Option<Decision>) {
        let line = line.trim_end();
        let next = next.trim_start();
        let left_token = line.rsplit(char::is_whitespace).next().unwrap_or(line);
        let right_token = next.split(char::is_whitespace).next().unwrap_or(next);
        let (Some(left), Some(right)) = (cut_word(left_token), first_piece(right_token)) else {
            // A dash or a rule (`---`) at the line end cuts no word.
            return (format!("{line} {next}"), None);
        };
        let multi_part = left_token[..left_token.len() - 1].contains('-')
            || right_token
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .contains('-');
        let (kept, why) = if is_address(left_token) {
            (true, "an address keeps its hyphens")
        } else if multi_part {
            (true, "a compound of three parts or more")
        } else {
            self.keeps_hyphen(left, right)
        };
        let joined = if kept {
            format!("{line}{next}")
        } else {
            format!("{}{next}", &line[..line.len() - 1])
        };
        let word = if kept {
            format!("{left}-{right}")
        } else {
            format!("{left}{right}")
        };
        (joined, Some(Decision { word, kept, why }))
    }

    /// Rules 2–6 of the module documentation for `left-` + `right`.
    fn keeps_hyphen(&self, left: &str, right: &str) -> (bool, &'static str) {
        if self.seen(&format!("{left}-{right}")) {
            return (true, "the text writes it with the hyphen elsewhere");
        }
        if self.seen(&format!("{left}{right}")) {
            return (false, "the text writes it whole elsewhere");
        }
        let capital_or_digit = right
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || left.chars().last().is_some_and(|c| c.is_ascii_digit());
        if capital_or_digit {
            return (true, "a capital or a digit on one side: a compound");
        }
        if !self.breaks_words {
            return (true, "the text never breaks a word at a line end");
        }
        if self.known(left) && COMPOUND_SECONDS.contains(&right.to_lowercase().as_str()) {
            return (true, "a word of the text before a compound's second half");
        }
        if self.known(left) && self.known_form(right) {
            return (true, "both halves are words of the text: a compound");
        }
        (false, "a half is no word of the text: a broken word")
    }
}

/// Second halves of English compound adjectives (`energy-based`,
/// `state-owned`, `export-oriented`): after a word of the text, a line-end
/// hyphen before one of them is the compound's, even where the text uses
/// the word nowhere else (rule 6 would need it).
const COMPOUND_SECONDS: [&str; 28] = [
    "based",
    "related",
    "oriented",
    "owned",
    "led",
    "run",
    "driven",
    "made",
    "scale",
    "level",
    "term",
    "wide",
    "friendly",
    "free",
    "specific",
    "sized",
    "bound",
    "rich",
    "intensive",
    "dependent",
    "controlled",
    "funded",
    "backed",
    "linked",
    "style",
    "type",
    "making",
    "building",
];

/// `https://…`, `www.…`, `a/b`: an address, which keeps every character.
fn is_address(token: &str) -> bool {
    token.contains("://") || token.starts_with("www.") || token.contains('/')
}

/// `Kom-` → `Kom`: a token that ends in a hyphen after a letter or digit.
fn cut_word(token: &str) -> Option<&str> {
    let stem = token.strip_suffix('-')?;
    let start = stem
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map(|(i, _)| i)?;
    Some(&stem[start..])
}

/// `somolsk,` → `somolsk`: the letters and digits a token starts with.
fn first_piece(token: &str) -> Option<&str> {
    let end = token
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(token.len(), |(i, _)| i);
    (end > 0).then(|| &token[..end])
}

/// A token as a word of the vocabulary: outer punctuation trimmed, lower case.
fn word_of(token: &str) -> String {
    token
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Invented lines that show a typesetter at work: `develop-` / `ment`
    /// broken, `development` written whole.
    const BREAKS: [&str; 3] = ["the develop-", "ment of the port", "and its development"];

    #[test]
    fn hyphen_cases() {
        // Invented text: (lines, joined) — the vocabulary is the text's own.
        let cases = [
            (
                vec!["the railway from Kom-", "somolsk to the coast"],
                "the railway from Komsomolsk to the coast",
            ),
            (
                vec!["the Asia-", "Pacific ports and Asia-Pacific trade"],
                "the Asia-Pacific ports and Asia-Pacific trade",
            ),
            (
                vec!["energy-", "related trade is energy trade and related work"],
                "energy-related trade is energy trade and related work",
            ),
            (
                vec!["an energy-", "based economy of energy and oil"],
                "an energy-based economy of energy and oil",
            ),
            (
                vec!["the plan for 2013-", "2016 was short"],
                "the plan for 2013-2016 was short",
            ),
            (
                vec!["a well-known port, well-", "known for its fish"],
                "a well-known port, well-known for its fish",
            ),
        ];
        for (lines, want) in cases {
            let all: Vec<&str> = lines.iter().copied().chain(BREAKS).collect();
            let words = Words::of(&all);
            let (joined, decision) = words.join(lines[0], lines[1]);
            assert_eq!(joined, want, "{lines:?}");
            assert!(decision.is_some());
        }
    }

    #[test]
    fn the_halves_of_a_break_are_no_words() {
        // `somolsk` after the break does not make `Kom-somolsk` a compound.
        let lines = [
            "to Kom-",
            "somolsk and Kom",
            BREAKS[0],
            BREAKS[1],
            BREAKS[2],
        ];
        let words = Words::of(&lines);
        assert!(!words.seen("somolsk"));
        assert_eq!(words.join(lines[0], lines[1]).0, "to Komsomolsk and Kom");
    }

    #[test]
    fn a_second_half_that_is_a_form_of_a_word() {
        // Invented: `growing` is not written, `growth` and `fast` are.
        let lines = [
            "the fast-",
            "growing port; fast trains and the growth of trade",
        ];
        let all: Vec<&str> = lines.iter().copied().chain(BREAKS).collect();
        let words = Words::of(&all);
        assert_eq!(
            words.join(lines[0], lines[1]).0,
            "the fast-growing port; fast trains and the growth of trade"
        );
        // `hnology` shares no four letters with a word of the text.
        let lines = ["the tec-", "hnology of the port"];
        let all: Vec<&str> = lines.iter().copied().chain(BREAKS).collect();
        assert_eq!(
            Words::of(&all).join(lines[0], lines[1]).0,
            "the technology of the port"
        );
    }

    #[test]
    fn a_text_that_never_breaks_words_keeps_its_hyphens() {
        // Invented, ragged-right: the only line-end hyphens are compounds'.
        let lines = [
            "in the twenty-",
            "first century the sub-",
            "region grew, the first region to grow",
        ];
        let words = Words::of(&lines);
        assert_eq!(
            words.join(lines[0], lines[1]).0,
            "in the twenty-first century the sub-"
        );
        // Two cuts that leave no word on either side show a typesetter.
        let broken = ["a sophisti-", "cated plan to orga-", "nise the port"];
        let words = Words::of(&broken);
        assert_eq!(
            words.join(broken[0], broken[1]).0,
            "a sophisticated plan to orga-"
        );
        // Once the text is seen breaking words, a half that is no word of
        // its own (`twenty` here) reads as a piece of one: the limit of
        // what the text can tell.
        let with_breaks: Vec<&str> = lines.iter().copied().chain(BREAKS).collect();
        let words = Words::of(&with_breaks);
        assert_eq!(
            words.join(lines[0], lines[1]).0,
            "in the twentyfirst century the sub-"
        );
    }
}
