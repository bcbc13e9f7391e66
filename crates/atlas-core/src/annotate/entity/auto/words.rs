//! The words of one passage as the entity patterns read them: runs of
//! letters and digits (with `-`, `'`, `’` inside them, so `Jong-un`,
//! `Export-Import` and `O'Neill` are one word), each with what separates it
//! from the word before. The patterns need that gap more than the words:
//! a name runs on only across spaces (`Putin,` ends one), an initial is a
//! letter followed by a dot (`V. Putin`), and a capital right after a
//! full stop says nothing about a proper name.

/// One word of a passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// Byte offset of the word.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// Only whitespace (at least one character) separates it from the word
    /// before.
    pub spaced: bool,
    /// It opens a sentence: the first word, or the first after `.`, `!`,
    /// `?`, `:` or `;` (a dot after an initial or an abbreviation does not
    /// end a sentence).
    pub sentence_start: bool,
}

/// Abbreviations whose dot ends no sentence (`Dr. Kang`, `Co. and`).
const ABBREVIATIONS: [&str; 18] = [
    "Dr", "Mr", "Mrs", "Ms", "Prof", "St", "Co", "Inc", "Ltd", "Corp", "No", "vs", "г", "гг", "им",
    "ул", "т", "др",
];

/// The words of `text`, in order.
pub fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut gap_start = 0;
    while let Some((i, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        while let Some(&(k, c)) = chars.peek() {
            let joiner = matches!(c, '-' | '\'' | '’');
            let next_is_word = text[k + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            if c.is_alphanumeric() || (joiner && next_is_word) {
                end = k + c.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let gap = &text[gap_start..start];
        let spaced = !out.is_empty() && !gap.is_empty() && gap.chars().all(char::is_whitespace);
        let sentence_start = match out.last() {
            None => true,
            Some(prev) => ends_sentence(&text[prev.start..prev.end], gap),
        };
        out.push(Word {
            start,
            end,
            spaced,
            sentence_start,
        });
        gap_start = end;
    }
    out
}

/// Does `gap`, after the word `before`, end a sentence?
fn ends_sentence(before: &str, gap: &str) -> bool {
    let Some(stop) = gap.find(['.', '!', '?', ':', ';']) else {
        return false;
    };
    if gap[stop..].starts_with('.') && !gap[stop + 1..].contains(['.', '!', '?', ':', ';']) {
        let initial = before.chars().count() == 1 && before.chars().all(char::is_uppercase);
        return !(initial || ABBREVIATIONS.contains(&before));
    }
    true
}

impl Word {
    /// The word's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// An upper-case first letter followed by a lower-case one (`Putin`,
/// `Jong-un`, `Кожемяко`): how names and the words of titles are written.
pub fn capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase())
}

/// Two to eight letters, all upper case, digits and hyphens allowed after
/// the first (`AIIB`, `РФПИ`, `IMEMO-RAS`): an acronym.
pub fn acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8).contains(&letters)
        && word.chars().next().is_some_and(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
}

/// A letter of the Cyrillic block.
pub fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4FF}').contains(&c)
}

/// The word is written in Cyrillic (by its first letter).
pub fn cyrillic(word: &str) -> bool {
    word.chars().next().is_some_and(is_cyrillic)
}

/// The word ends with a possessive `’s` / `'s`: a name ends there.
pub fn possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s")
}

/// A possessive word without its `’s`.
pub fn without_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<(String, bool, bool)> {
        words(text)
            .iter()
            .map(|w| (w.text(text).to_string(), w.spaced, w.sentence_start))
            .collect()
    }

    #[test]
    fn gaps_and_sentences() {
        let got = shown("Dr. Kim Jong-un met V. Putin. Then, O'Neill");
        let want = [
            ("Dr", false, true),
            ("Kim", false, false),
            ("Jong-un", true, false),
            ("met", true, false),
            ("V", true, false),
            ("Putin", false, false),
            ("Then", false, true),
            ("O'Neill", false, false),
        ];
        let want: Vec<(String, bool, bool)> = want
            .iter()
            .map(|(w, s, b)| (w.to_string(), *s, *b))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn shapes() {
        assert!(capitalised("Putin") && capitalised("Кожемяко") && !capitalised("AIIB"));
        assert!(acronym("AIIB") && acronym("РФПИ") && acronym("AB-12") && !acronym("A"));
        assert!(!acronym("Putin"));
        assert_eq!(without_possessive("Xi’s"), "Xi");
    }
}
