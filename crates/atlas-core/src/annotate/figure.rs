//! Figures: amounts and percentages stated in the text (`$80bn in 2017`,
//! `RUB 300bn`, `2%`, `7.7 million`, `30 bcm`, `300 млрд руб.`), with their
//! value normalised to one number, their unit, and the year the sentence
//! ties them to. The app lists and compares them; the text stays the source.
//!
//! What counts: a number with a currency (`$`, `US$`, `USD`, `RUB`, `руб.`),
//! a scale word (`bn`, `billion`, `million`, `thousand`, `млрд`, `млн`), a
//! unit (`%`, `km`, `bcm`, `tons`, `MW`) or thousands separators
//! (`30,000`). What does not: a bare number — a year, an enumeration `(1)`,
//! a page, an ordinal — since nothing says it is a quantity; note markers
//! are not in the text at all (the cleaner moved them into spans).
//! The seeds' typos of the scale words (`Billiion`, `bilion`) are read too.
//!
//! Two shapes the seeds print that a single number misreads:
//! - a range, `30–40 thousand` (`001_…`), `25-50 BCM`, `20-25%` (`003_…`):
//!   one figure whose surface is the whole range and whose value is its
//!   upper bound, the number the scale and unit are printed on (a figure
//!   has one value; the surface keeps the lower bound in sight);
//! - a currency code repeated between the number and its scale,
//!   `$100 US Billion` (`003_…`): the code belongs to the figure, which is
//!   a hundred billion, not `$100`.

use crate::model::{passages, Document, Figure, Passage};

/// Every figure of a document, in passage and text order.
pub fn figures_in(doc: &Document) -> Vec<Figure> {
    let mut out = Vec::new();
    for (passage, text) in passages(doc) {
        for f in figures_in_text(text) {
            out.push(Figure { passage, ..f });
        }
    }
    out
}

/// Every figure of one text (`passage` is left as block 0).
pub fn figures_in_text(text: &str) -> Vec<Figure> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts_number = bytes[i].is_ascii_digit() && (i == 0 || !is_word_byte(text, i));
        if !starts_number {
            i += 1;
            continue;
        }
        let (number, grouped, num_end) = read_number(text, i);
        let found = match range_upper_bound(text, num_end) {
            // `30–40 thousand`: the range's start, the upper bound's unit.
            Some((upper, upper_grouped, upper_end)) => {
                figure_at(text, i, upper_end, upper, grouped || upper_grouped)
            }
            None => None,
        }
        .or_else(|| figure_at(text, i, num_end, number, grouped));
        if let Some(f) = found {
            i = f.end as usize;
            out.push(f);
        } else {
            i = num_end;
        }
    }
    out
}

/// The second number of a range, `-40` or `–40` right after the first
/// (no spaces: `2008 - 2009` is prose); its value, grouping and end. Years
/// (`2013–2016`) and pages (`181-191`) are ranges too, but nothing after
/// them makes a figure, so [`figure_at`] turns them down.
fn range_upper_bound(text: &str, first_end: usize) -> Option<(f64, bool, usize)> {
    let rest = &text[first_end..];
    let dash = ['-', '–'].into_iter().find(|&d| rest.starts_with(d))?;
    let upper_start = first_end + dash.len_utf8();
    text.as_bytes()
        .get(upper_start)
        .filter(|b| b.is_ascii_digit())?;
    Some(read_number(text, upper_start))
}

/// `true` when the character just before byte `i` is a letter or digit (or
/// a decimal/group separator that belongs to a number, as in `1.5`).
fn is_word_byte(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        // `%`, `/`, `#`, `=`, `&`, `_`: inside a URL (`%23%2F`), not a figure.
        .is_some_and(|c| {
            c.is_alphanumeric() || matches!(c, '.' | ',' | '-' | '%' | '/' | '#' | '=' | '&' | '_')
        })
        && !text[..i].ends_with(", ")
}

/// Reads `1,000.5` from `start`; returns the value, whether it had
/// thousands separators, and the end offset.
fn read_number(text: &str, start: usize) -> (f64, bool, usize) {
    let b = text.as_bytes();
    let mut end = start;
    let mut grouped = false;
    let mut digits = String::new();
    while end < b.len() {
        let c = b[end];
        if c.is_ascii_digit() {
            digits.push(c as char);
            end += 1;
        } else if c == b','
            && end + 3 < b.len() + 1
            && b.get(end + 1..end + 4)
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            && !b.get(end + 4).is_some_and(u8::is_ascii_digit)
        {
            grouped = true;
            end += 1;
        } else if c == b'.'
            && b.get(end + 1).is_some_and(u8::is_ascii_digit)
            && !digits.contains('.')
        {
            digits.push('.');
            end += 1;
        } else {
            break;
        }
    }
    (digits.parse().unwrap_or(0.0), grouped, end)
}

const SCALES: &[(&str, f64)] = &[
    ("trillion", 1e12),
    ("billion", 1e9),
    ("billiion", 1e9),
    ("bilion", 1e9),
    ("bn", 1e9),
    ("million", 1e6),
    ("mn", 1e6),
    ("thousand", 1e3),
    ("трлн", 1e12),
    ("млрд", 1e9),
    ("млн", 1e6),
    ("тыс", 1e3),
];

/// Units after the number (and scale), lower-cased, longest first within a prefix.
const UNITS: &[(&str, &str)] = &[
    ("%", "%"),
    ("percent", "%"),
    ("per cent", "%"),
    ("usd", "USD"),
    ("us dollars", "USD"),
    ("dollars", "USD"),
    ("rubles", "RUB"),
    ("roubles", "RUB"),
    ("rub", "RUB"),
    ("руб", "RUB"),
    ("рублей", "RUB"),
    ("долл", "USD"),
    ("долларов", "USD"),
    ("yuan", "CNY"),
    ("euros", "EUR"),
    ("km", "km"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("км", "km"),
    ("bcm", "bcm"),
    ("billion cubic meters", "bcm"),
    ("cubic feet", "cubic feet"),
    ("tonnes", "tonnes"),
    ("tons", "tonnes"),
    ("megawatts", "MW"),
    ("mw", "MW"),
];

/// Currency codes that repeat a currency sign before the scale (`$100 US Billion`).
const CURRENCY_CODES: &[(&str, ())] = &[("us", ()), ("usd", ())];

/// Currencies before the number.
const CURRENCIES: &[(&str, &str)] = &[
    ("US$ ", "USD"),
    ("US $", "USD"),
    ("US$", "USD"),
    ("USD ", "USD"),
    ("RUB ", "RUB"),
    ("$", "USD"),
    ("€", "EUR"),
    ("¥", "CNY"),
];

fn figure_at(
    text: &str,
    start: usize,
    num_end: usize,
    number: f64,
    grouped: bool,
) -> Option<Figure> {
    let before = &text[..start];
    let mut fig_start = start;
    let mut unit: Option<&str> = None;
    for (prefix, code) in CURRENCIES {
        if let Some(rest) = before.strip_suffix(prefix) {
            let boundary = rest
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if boundary {
                fig_start = rest.len();
                unit = Some(code);
                break;
            }
        }
    }
    let mut end = num_end;
    let mut value = number;
    // `$100 US Billion`: after a currency sign, its code may stand between
    // the number and the scale; it is part of the figure only then.
    if unit.is_some() {
        let (code, after_code) = read_word_from(text, end, CURRENCY_CODES);
        if code.is_some() && read_word_from(text, after_code, SCALES).0.is_some() {
            end = after_code;
        }
    }
    // A scale word, attached (`80bn`, `28Bilion`) or after one space.
    let (scale, after_scale) = read_word_from(text, end, SCALES);
    if let Some(s) = scale {
        value *= s;
        end = after_scale;
    }
    // A unit after it: `%` attached, or a word after a space.
    let (found, after_unit) = read_word_from(text, end, UNITS);
    if let Some(u) = found {
        if unit.is_none() {
            unit = Some(u);
        }
        end = after_unit;
        // `руб.` keeps its abbreviation dot.
        if text[end..].starts_with('.') && text[..end].ends_with("руб") {
            end += 1;
        }
    }
    let unit = match unit {
        Some(u) => u,
        None if scale.is_some() || grouped => "count",
        None => return None,
    };
    let sentence = sentence_around(text, fig_start, end);
    let year = year_near(text, sentence, fig_start, end);
    Some(Figure {
        passage: Passage::Block(0),
        start: fig_start as u32,
        end: end as u32,
        sentence: [sentence.0 as u32, sentence.1 as u32],
        value,
        unit: unit.to_string(),
        year,
    })
}

/// A word from `table` at `at` (attached, or after one space), matched case
/// insensitively and ending at a word boundary; its value and end offset.
fn read_word_from<T: Copy>(text: &str, at: usize, table: &[(&str, T)]) -> (Option<T>, usize) {
    let rest = &text[at..];
    let (skip, rest) = match rest
        .strip_prefix(' ')
        .or_else(|| rest.strip_prefix('\u{a0}'))
    {
        Some(r) => (rest.len() - r.len(), r),
        None => (0, rest),
    };
    let lower = rest.chars().take(24).collect::<String>().to_lowercase();
    let mut best: Option<(usize, T)> = None;
    for &(word, value) in table {
        if lower.starts_with(word) {
            let len_lower = word.len();
            // Map the matched lower-case length back onto the original text
            // (both are the same characters, so char counts agree).
            let chars = word.chars().count();
            let len: usize = rest.chars().take(chars).map(char::len_utf8).sum();
            let next = rest[len..].chars().next();
            let boundary = word == "%" || next.is_none_or(|c| !c.is_alphanumeric());
            if boundary && best.is_none_or(|(l, _)| len_lower > l) {
                best = Some((len, value));
            }
        }
    }
    match best {
        Some((len, v)) => (Some(v), at + skip + len),
        None => (None, at),
    }
}

/// The sentence holding `start..end`: cut at `.`, `!`, `?` or `;` followed by
/// a space and a capital or digit, except after initials and `U.S.`-style
/// abbreviations.
pub fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let is_break = |i: usize| -> bool {
        let b = text.as_bytes();
        if !matches!(b[i], b'.' | b'!' | b'?') {
            return false;
        }
        let after = &text[i + 1..];
        let Some(rest) = after.strip_prefix(' ') else {
            return false;
        };
        let next_ok = rest
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '“' || c == '"');
        // The word before the dot: a single letter (`V.`) or a dotted abbreviation (`U.S.`).
        let word: String = text[..i]
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '.')
            .collect();
        let abbrev = word.chars().count() <= 1
            || word.contains('.')
            || matches!(word.as_str(), "rM" | "rD" | "oN" | "p" | "pp" | "sv");
        next_ok && !abbrev
    };
    let mut s = 0;
    for (i, _) in text[..start].char_indices().rev() {
        if is_break(i) {
            s = i + 2;
            break;
        }
    }
    let mut e = text.len();
    for (i, _) in text[end..].char_indices() {
        if is_break(end + i) {
            e = end + i + 1;
            break;
        }
    }
    (s, e)
}

/// The year a figure is tied to: the nearest four-digit year (1850–2050) in
/// its sentence, one after the figure winning ties (`$80bn in 2017`).
fn year_near(text: &str, sentence: (usize, usize), start: usize, end: usize) -> Option<i32> {
    let mut best: Option<(usize, i32)> = None;
    for y in super::years::candidate_years(&text[sentence.0..sentence.1]) {
        let (ys, ye) = (sentence.0 + y.start, sentence.0 + y.end);
        if ys < end && ye > start {
            continue;
        }
        let distance = if ys >= end { ys - end } else { start - ye + 1 };
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, y.year));
        }
    }
    best.map(|(_, y)| y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (f64, String, Option<i32>, String) {
        let f = figures_in_text(text);
        assert_eq!(f.len(), 1, "{text:?}: {f:?}");
        let f = &f[0];
        (
            f.value,
            f.unit.clone(),
            f.year,
            text[f.start as usize..f.end as usize].to_string(),
        )
    }

    #[test]
    fn amounts_percentages_and_counts() {
        let cases: &[(&str, f64, &str, Option<i32>, &str)] = &[
            (
                "surpassing $80bn in 2017.",
                80e9,
                "USD",
                Some(2017),
                "$80bn",
            ),
            (
                "In 2011, the Far East attracted only 2% of all the Russian investment inflow.",
                2.0,
                "%",
                Some(2011),
                "2%",
            ),
            (
                "given its 7.7 million well-trained and disciplined military reserves",
                7.7e6,
                "count",
                None,
                "7.7 million",
            ),
            (
                "in the amount of more than RUB 300bn, which worsens",
                300e9,
                "RUB",
                None,
                "RUB 300bn",
            ),
            (
                "construction costs for the petrochemical industrial park (US$ 9 Billion)",
                9e9,
                "USD",
                None,
                "US$ 9 Billion",
            ),
            (
                "the purchasing price of natural gas (US $90 Billion)",
                90e9,
                "USD",
                None,
                "US $90 Billion",
            ),
            ("US$ 1.5 billion", 1.5e9, "USD", None, "US$ 1.5 billion"),
            (
                "will require 2,400 bilion rubles",
                2400e9,
                "RUB",
                None,
                "2,400 bilion rubles",
            ),
            ("spending $28Bilion to link", 28e9, "USD", None, "$28Bilion"),
            (
                "reaching 190.27 billion USD, which",
                190.27e9,
                "USD",
                None,
                "190.27 billion USD",
            ),
            (
                "LNG production would amount to 20BCM a year",
                20.0,
                "bcm",
                None,
                "20BCM",
            ),
            (
                "exports after 2020 will amount to 50 BCM annually",
                50.0,
                "bcm",
                Some(2020),
                "50 BCM",
            ),
            ("a pipeline of 1,000 km", 1000.0, "km", None, "1,000 km"),
            (
                "develop 41,000 megawatts of new generating capacity by 2011",
                41000.0,
                "MW",
                Some(2011),
                "41,000 megawatts",
            ),
            (
                "the majority of 30,000 North Korean workers",
                30000.0,
                "count",
                None,
                "30,000",
            ),
            (
                "субсидии составили 300 млрд руб. в 2015 году",
                300e9,
                "RUB",
                Some(2015),
                "300 млрд руб.",
            ),
            (
                "ship 7.5 million tons of gas",
                7.5e6,
                "tonnes",
                None,
                "7.5 million tons",
            ),
        ];
        for &(text, value, unit, year, surface) in cases {
            let got = one(text);
            assert!((got.0 - value).abs() < value * 1e-9, "{text:?}: {got:?}");
            assert_eq!(
                (got.1.as_str(), got.2, got.3.as_str()),
                (unit, year, surface),
                "{text:?}"
            );
        }
    }

    /// Regressions from `atlas figures` over the seeds: each surface was cut
    /// short (or the figure missed) before.
    #[test]
    fn ranges_and_currency_codes_before_the_scale() {
        let cases: &[(&str, f64, &str, &str)] = &[
            // 003_…: `$100` (value 100) for a hundred billion dollars.
            (
                "project worth over $100 US Billion, covering the purchasing price",
                100e9,
                "USD",
                "$100 US Billion",
            ),
            (
                "selling at $100 USD billion a year",
                100e9,
                "USD",
                "$100 USD billion",
            ),
            // A currency code with no scale after it is not part of the figure.
            ("oil at $100 US per barrel", 100.0, "USD", "$100"),
            // 001_…: `40 thousand`, the range's lower bound lost.
            (
                "the number of Chinese migrants stabilized at around 30–40 thousand workers.",
                40e3,
                "count",
                "30–40 thousand",
            ),
            // 003_…: hyphenated ranges were missed altogether.
            (
                "exports after 2020 will amount to 25-50 BCM (billion cubic meters) annually",
                50.0,
                "bcm",
                "25-50 BCM",
            ),
            (
                "aspires to control 20-25% of the global LNG market",
                25.0,
                "%",
                "20-25%",
            ),
            ("to 14-15% of its total production", 15.0, "%", "14-15%"),
            ("from $10–20 billion", 20e9, "USD", "$10–20 billion"),
            ("grew by 4.3–5.2% a year", 5.2, "%", "4.3–5.2%"),
        ];
        for &(text, value, unit, surface) in cases {
            let got = one(text);
            assert!((got.0 - value).abs() < value * 1e-9, "{text:?}: {got:?}");
            assert_eq!(
                (got.1.as_str(), got.3.as_str()),
                (unit, surface),
                "{text:?}"
            );
        }
    }

    #[test]
    fn years_enumerations_and_pages_are_not_figures() {
        for text in [
            "In 2015 and 2016, the projects began.",
            "(1) to expand investment and trade cooperation, (2) to promote",
            "Vestnik RUDN, 24(2), 181–191",
            "At the recent 16th ASEAN summit in Hanoi",
            "https://www.vedomosti.ru/partner/articles#!%23%2Fboxes%2F140737493523646",
            "The number reached 378 in 2013, 693 in 2015",
            "In 2008-09 alone, and again in 2013–2016,",
            "Vestnik RUDN, 2019, pp. 181-191.",
            "the Sakhalin-2 project and COVID-19",
        ] {
            assert!(
                figures_in_text(text).is_empty(),
                "{text:?}: {:?}",
                figures_in_text(text)
            );
        }
    }

    #[test]
    fn the_sentence_is_cut_around_the_figure() {
        let text = "It grew. The Chinese–Russian bilateral trade has increased dramatically, surpassing $80bn in 2017. However, it lags.";
        let f = &figures_in_text(text)[0];
        let s = &text[f.sentence[0] as usize..f.sentence[1] as usize];
        assert!(
            s.starts_with("The Chinese") && s.ends_with("2017."),
            "{s:?}"
        );
    }
}
