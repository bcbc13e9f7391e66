//! Folding: the differences a reader does not mean when searching. Case,
//! diacritics (`é` → `e`, by canonical decomposition), `ё` → `е`, `ß` → `ss`,
//! and typographic apostrophes and dashes become their ASCII forms. `й` is
//! kept: it is a letter of its own, not `и` with an accent.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folds a word (or a whole query) for matching.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    if text.is_ascii() {
        out.push_str(text);
        out.make_ascii_lowercase();
        return out;
    }
    for ch in text.chars() {
        fold_char(ch, &mut out);
    }
    out
}

/// Folds one character onto `out` (one character may fold to several:
/// `ß` → `ss`); what [`fold`] does to each character of a text, for
/// callers that keep an offset map (the place matcher).
pub fn fold_char(ch: char, out: &mut String) {
    match ch {
        'ё' | 'Ё' => out.push('е'),
        'й' | 'Й' => out.push('й'),
        'ß' => out.push_str("ss"),
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{02B9}' | '\u{2032}' => out.push('\''),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        _ if ch.is_ascii() => out.push(ch.to_ascii_lowercase()),
        _ => {
            for lower in ch.to_lowercase() {
                decompose_canonical(lower, |d| {
                    if !is_combining_mark(d) {
                        out.push(d);
                    }
                });
            }
        }
    }
}

/// Replaces typographic quotes and dashes in a query by the ASCII characters
/// the query language uses (`"` for phrases, `-` for exclusion), so
/// `«energy bridge»`, `“energy bridge”` and `—LNG` work as typed.
pub fn fold_query_punctuation(query: &str) -> String {
    query
        .chars()
        .map(|c| match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '«' | '»' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_yo_and_quotes() {
        assert_eq!(fold("Énergie"), "energie");
        assert_eq!(fold("Ёлка"), "елка");
        assert_eq!(fold("Приморский"), "приморский");
        assert_eq!(fold("Russia’s"), "russia's");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("São"), "sao");
    }

    #[test]
    fn query_punctuation_becomes_ascii() {
        assert_eq!(fold_query_punctuation("«a b» —c"), "\"a b\" -c");
    }
}
