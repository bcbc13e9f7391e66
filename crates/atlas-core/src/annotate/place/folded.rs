//! A passage's text folded for matching, with the way back to the
//! original bytes.
//!
//! Place names are matched case- and accent-insensitively (`VLADIVOSTOK`,
//! `Amur region`, `Pérouse`, `Приморье`/`ПРИМОРЬЕ`, typographic apostrophes
//! and hyphens), so the automaton runs over a folded copy: the search's
//! own folding ([`crate::analysis::fold::fold_char`]) with every whitespace
//! run as one space and soft hyphens removed. Capitalisation is then
//! judged on the original surface ([`super::matcher`]).

use crate::analysis::fold::fold_char;

/// A folded text and, for each of its bytes (plus its end), the byte of
/// the original text it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// `map[i]`: offset in the original of folded byte `i`; `map[len]` is
    /// the original's length.
    pub map: Vec<usize>,
}

impl Folded {
    /// Folds `text`.
    pub fn new(text: &str) -> Folded {
        let mut out = String::with_capacity(text.len());
        let mut map = Vec::with_capacity(text.len() + 1);
        let mut in_space = false;
        let mut buf = String::new();
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
            if c == '\u{00AD}' {
                continue;
            }
            buf.clear();
            fold_char(c, &mut buf);
            out.push_str(&buf);
            map.extend(std::iter::repeat_n(i, buf.len()));
        }
        map.push(text.len());
        Folded { text: out, map }
    }

    /// The original byte range of folded `start..end`: from the first
    /// original byte of `start` to the end of the character that produced
    /// the byte before `end`.
    pub fn original(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        let s = self.map[start];
        let e = if end == 0 {
            s
        } else if end >= self.map.len() - 1 {
            original.len()
        } else {
            // The next folded byte's source, unless it is the same character.
            let last = self.map[end - 1];
            let next = self.map[end];
            if next > last {
                next.min(end_of_char(original, last))
            } else {
                end_of_char(original, last)
            }
        };
        (s, e)
    }
}

/// A string folded as a text would be (for the automaton's patterns).
pub fn fold_form(form: &str) -> String {
    Folded::new(form).text
}

fn end_of_char(text: &str, at: usize) -> usize {
    text[at..]
        .chars()
        .next()
        .map_or(text.len(), |c| at + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_back_through_case_accents_and_spaces() {
        let text = "Ла-Перуз  and\nLa Pérouse’s";
        let f = Folded::new(text);
        assert_eq!(f.text, "ла-перуз and la perouse's");
        let at = f.text.find("perouse").unwrap();
        let (s, e) = f.original(text, at, at + "perouse".len());
        assert_eq!(&text[s..e], "Pérouse");
        let (s, e) = f.original(text, 0, "ла-перуз".len());
        assert_eq!(&text[s..e], "Ла-Перуз");
    }

    #[test]
    fn soft_hyphens_vanish() {
        let text = "Vladi\u{00AD}vostok";
        let f = Folded::new(text);
        assert_eq!(f.text, "vladivostok");
        assert_eq!(f.original(text, 0, f.text.len()), (0, text.len()));
    }
}
