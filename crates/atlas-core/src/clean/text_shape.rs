//! Predicates on the shape of a line or paragraph (does it end a sentence,
//! does it read as a heading, does it start in lower case), shared by the
//! rules that must agree on them: reflow (`000_…`, `003_…` hard wraps), heal
//! (paragraphs cut by `003_…`/`004_…` page feet) and structure (headings),
//! and the table-row shape those three and page furniture must all respect.

/// Closing quotes and brackets that may follow a sentence's final stop.
const CLOSERS: &[char] = &['”', '’', '"', '\'', ')', ']', '»', '*'];

/// Removes trailing note markers (`<sup>4</sup>`, `.11`, ` 88`) and spaces.
pub fn without_trailing_markers(text: &str) -> &str {
    let mut t = text.trim_end();
    loop {
        let before = t;
        if let Some(rest) = t.strip_suffix("</sup>") {
            if let Some(open) = rest.rfind("<sup>") {
                t = rest[..open].trim_end();
            }
        }
        let stripped = t.trim_end_matches(|c: char| c.is_ascii_digit());
        if stripped.len() != t.len() {
            let prev = stripped.trim_end();
            // Only digits that follow a stop or a closing quote are markers.
            if prev.ends_with(['.', '!', '?', '”', '"', ',', ';'])
                && !stripped.ends_with(|c: char| c.is_ascii_digit())
            {
                t = prev;
            }
        }
        if t == before {
            return t;
        }
    }
}

/// `true` when `text` ends a sentence: `.`, `!`, `?` (or `:`/`;` when
/// `colon_too`), possibly followed by closing quotes and a note marker.
pub fn ends_sentence(text: &str, colon_too: bool) -> bool {
    let t = without_trailing_markers(text).trim_end_matches(CLOSERS);
    t.ends_with(['.', '!', '?', '…']) || (colon_too && t.ends_with([':', ';']))
}

/// `true` when the first letter-or-digit of `text` is a lower-case letter.
pub fn starts_lowercase(text: &str) -> bool {
    text.trim_start_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// A short single line without closing punctuation that starts with a
/// capital or a section number reads as a heading in plain-text extractions.
pub fn looks_like_plain_heading(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let first = text.chars().next().unwrap_or(' ');
    let last = text.chars().last().unwrap_or('.');
    (1..=14).contains(&words)
        && text.len() <= 120
        && (first.is_uppercase() || first.is_ascii_digit())
        && !matches!(
            last,
            '.' | ',' | ';' | ':' | '?' | '!' | '"' | '”' | '’' | ')' | '-'
        )
        && text.chars().any(char::is_alphabetic)
        && !text.contains(", ")
}

/// `1. Introduction`, `4. Conclusions`: a section number, a stop and a few
/// capitalised words, with no closing punctuation.
pub fn is_numbered_heading(line: &str) -> bool {
    let t = line.trim();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return false;
    }
    let Some(rest) = t[digits..].strip_prefix(". ") else {
        return false;
    };
    let rest = rest.trim();
    let words = rest.split_whitespace().count();
    rest.chars().next().is_some_and(char::is_uppercase)
        && (1..=6).contains(&words)
        && !ends_sentence(rest, true)
        && !rest.ends_with(',')
}

/// The cells of a Markdown pipe-table row, `| 2010 | 5.1 | 4.0 |` →
/// `2010 | 5.1 | 4.0`: what saved web pages' tables become
/// (`source/html.rs`) and what Markdown converters write. A row is a block
/// of its own, so readers see rows apart. Both outer pipes are required
/// (a stray `|` in PDF prose is not a table), and a first pipe escaped as
/// `\|` is text.
pub fn table_row_cells(line: &str) -> Option<&str> {
    let t = line.trim();
    let inner = t.strip_prefix('|')?.strip_suffix('|')?;
    (!inner.trim().is_empty()).then(|| inner.trim())
}

/// `|---|:---:|`: the line under a Markdown table's header row, which says
/// how to align the columns and holds no text.
pub fn is_table_separator(line: &str) -> bool {
    table_row_cells(line).is_some_and(|cells| {
        cells.contains('-') && cells.chars().all(|c| matches!(c, '-' | ':' | '|' | ' '))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows_and_separators() {
        // (text, cells, separator)
        let cases = [
            ("| Year | Exports |", Some("Year | Exports"), false),
            ("  | 2010 | | 5 |  ", Some("2010 | | 5"), false),
            ("|a|b|", Some("a|b"), false),
            ("| --- | :---: |", Some("--- | :---:"), true),
            ("|---|---|", Some("---|---"), true),
            ("| |", None, false),
            ("||", None, false),
            ("\\| not a row |", None, false),
            ("Vol. 3 | No. 2", None, false),
            ("| opens only", None, false),
        ];
        for (text, cells, separator) in cases {
            assert_eq!(table_row_cells(text), cells, "{text}");
            assert_eq!(is_table_separator(text), separator, "{text}");
        }
    }

    #[test]
    fn sentence_ends_and_markers() {
        // (seed, text, ends a sentence)
        let cases = [
            ("003", "her neighbors.11", true),
            ("003", "Far East.” 28", true),
            ("004", "by another 11.8%.<sup>7</sup>", true),
            ("003", "energy and transport", false),
            ("003", "recently stated that ,", false),
            ("000", "in 2013-2016", false),
            ("002", "Korea (both North and South)", false),
        ];
        for (seed, text, want) in cases {
            assert_eq!(ends_sentence(text, false), want, "{seed}: {text}");
        }
    }

    #[test]
    fn numbered_headings_and_legitimate_numbers() {
        let cases = [
            ("003", "1. Introduction", true),
            ("003", " 4. Conclusions ", true),
            (
                "003",
                "2030.  Supposedly this deal also stimulates cooperation as gas will go to",
                false,
            ),
            ("003", "2005.   Evidently federal", false),
            ("003", "14% increase over present projections.", false),
        ];
        for (seed, text, want) in cases {
            assert_eq!(is_numbered_heading(text), want, "{seed}: {text}");
        }
    }
}
