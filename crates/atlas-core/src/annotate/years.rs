//! Years mentioned in the text (1850–2050), per passage, for a timeline.
//!
//! A four-digit number in that range is a year unless its context says it is
//! something else: part of a larger number or amount (`2,400`, `1850 km`,
//! `$2000`), a page range (`pp. 1860–1870`, `4673–4688`), or an author–year
//! citation (`(Rozman, 2018; Miller, 2020)`, `Mosyakov, 2023, p. 70`), whose
//! year is when a paper was published, not what the text talks about.
//! Ranges like `2009–2018` give both ends.

use crate::model::{passages, Document, YearMention};

/// Earliest year taken as a year.
pub const FIRST_YEAR: i32 = 1850;
/// Latest year taken as a year.
pub const LAST_YEAR: i32 = 2050;

/// A year found in a text, before it is placed in a passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundYear {
    /// The year.
    pub year: i32,
    /// Byte offset of its digits.
    pub start: usize,
    /// End of its digits.
    pub end: usize,
}

/// Every year mentioned in a document, in passage and text order.
pub fn years_in(doc: &Document) -> Vec<YearMention> {
    let mut out = Vec::new();
    for (passage, text) in passages(doc) {
        for y in candidate_years(text) {
            if is_citation_year(text, y.start, y.end) {
                continue;
            }
            out.push(YearMention {
                passage,
                year: y.year,
                start: y.start as u32,
                end: y.end as u32,
            });
        }
    }
    out
}

/// Four-digit numbers in 1850–2050 standing alone (not inside a longer
/// number, not an amount or measure, not a page range).
pub fn candidate_years(text: &str) -> Vec<FoundYear> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= b.len() {
        let digits = b[i..i + 4].iter().all(u8::is_ascii_digit);
        if !digits {
            i += 1;
            continue;
        }
        let prev = text[..i].chars().next_back();
        let next = text[i + 4..].chars().next();
        let glued_before =
            prev.is_some_and(|c| c.is_alphanumeric() || matches!(c, '$' | '€' | '.' | ','));
        let glued_after = next.is_some_and(|c| c.is_alphanumeric() || c == '%')
            || text[i + 4..].starts_with(",0")
            || (text[i + 4..].starts_with('.') && b.get(i + 5).is_some_and(u8::is_ascii_digit));
        let year: i32 = text[i..i + 4].parse().unwrap_or(0);
        let in_range = (FIRST_YEAR..=LAST_YEAR).contains(&year);
        if !glued_before
            && !glued_after
            && in_range
            && !is_measure(&text[i + 4..])
            && !is_page(text, i)
        {
            out.push(FoundYear {
                year,
                start: i,
                end: i + 4,
            });
        }
        i += 4;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    out
}

/// `2000 km`, `1900 billion`: a quantity, not a year.
fn is_measure(after: &str) -> bool {
    let word: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    matches!(
        word.as_str(),
        "km" | "bn"
            | "billion"
            | "million"
            | "thousand"
            | "tons"
            | "tonnes"
            | "bcm"
            | "mw"
            | "usd"
            | "rub"
            | "percent"
            | "people"
            | "workers"
            | "projects"
    )
}

/// `pp. 4673–4688`, `p. 1860`: page numbers.
fn is_page(text: &str, i: usize) -> bool {
    let before = text[..i].trim_end_matches([
        '–', '-', ' ', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
    ]);
    before.ends_with("p.") || before.ends_with("pp.") || before.ends_with("P.")
}

/// `(Rozman, 2018; …)`, `Torkunov & Streltsov, 2023, p. 6`: the year of a
/// cited work, right after an author name and a comma inside parentheses,
/// or before `, p.`.
fn is_citation_year(text: &str, start: usize, end: usize) -> bool {
    let after = &text[end..];
    if after.starts_with(", p.") || after.starts_with(", pp.") {
        return true;
    }
    let Some(before) = text[..start].strip_suffix(", ") else {
        return false;
    };
    let open = before.rfind('(');
    let close = before.rfind(')');
    let inside_parens = match (open, close) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        _ => false,
    };
    let name_before = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .last()
        .is_some_and(|c| c.is_uppercase());
    inside_parens && name_before
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(text: &str) -> Vec<i32> {
        candidate_years(text)
            .into_iter()
            .filter(|y| !is_citation_year(text, y.start, y.end))
            .map(|y| y.year)
            .collect()
    }

    #[test]
    fn years_in_running_text_and_ranges() {
        assert_eq!(
            years("Between 1992 and 1993, the trade volume"),
            [1992, 1993]
        );
        assert_eq!(years("The Programme 2009–2018 reflects"), [2009, 2018]);
        assert_eq!(years("Convention of Beijing (1860) in effect"), [1860]);
        assert_eq!(years("surpassing $80bn in 2017."), [2017]);
    }

    #[test]
    fn amounts_pages_citations_and_out_of_range_numbers_are_not_years() {
        assert!(years("will require 2,400 bilion rubles").is_empty());
        assert!(years("a pipeline of 2000 km and $1900").is_empty());
        assert!(years("Journal, 13(11), 4673–4688.").is_empty());
        assert!(years("pp. 1860–1870").is_empty());
        assert!(years("(Rozman, 2018; Vinogradov, 2019; Miller, 2020)").is_empty());
        assert!(years("(Torkunov & Streltsov, 2023, p. 6)").is_empty());
        assert!(years("6134 foreigners had received e-visas; 2388 applications").is_empty());
        assert!(years("in 1700 and 2100").is_empty());
    }
}
