//! Page furniture: what a printed page repeats around its text.
//!
//! `003_…` repeats the running head `UNISCI Discussion Papers, Nº 24
//! (October / Octubre 2010) ISSN 1696-2206` and prints page numbers twice
//! (`64 64`); its page feet start with a line of ~60 spaces. `001_…` and
//! `004_…` mark page breaks with `---` rules and end (`001_…`) with a footer
//! of short repeated lines (` ValdaiClub` three times); `001_…` heads its
//! title page with the series number `# 107`. None of it is body text.

use super::text_shape::{ends_sentence, is_table_separator};
use super::{Audit, Mark, Para};
use crate::model::AuditAction;

const RULE: &str = "page_furniture";

/// Classifies every line: blank, spaces, break, running head, page number or text.
pub(crate) fn mark_lines(lines: &[&str], audit: &mut Audit) -> Vec<Mark> {
    let mut marks = Vec::with_capacity(lines.len());
    for (i, raw) in lines.iter().enumerate() {
        let no = line_no(i);
        let t = raw.trim();
        let mark = if raw.is_empty() {
            Mark::Blank
        } else if t.is_empty() {
            if raw.chars().count() >= 10 {
                Mark::Break
            } else {
                Mark::Space
            }
        } else if is_rule(t) {
            Mark::Break
        } else if is_table_separator(t) {
            audit.push(
                RULE,
                AuditAction::Drop,
                (no, no),
                "Markdown table separator row (column alignment, no text)",
                t,
            );
            Mark::Furniture
        } else if is_double_page_number(t) {
            audit.push(
                RULE,
                AuditAction::Drop,
                (no, no),
                "page number printed twice",
                t,
            );
            Mark::Furniture
        } else if is_running_head(t, lines) {
            audit.push(
                RULE,
                AuditAction::Drop,
                (no, no),
                "running head: the same line repeats on several pages",
                t,
            );
            Mark::Furniture
        } else {
            Mark::Text
        };
        marks.push(mark);
    }
    marks
}

/// 1-based line number of index `i`.
pub(crate) fn line_no(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

/// `---`, `***`, `___` (three or more of one character).
fn is_rule(t: &str) -> bool {
    let mut chars = t.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    matches!(first, '-' | '*' | '_') && t.chars().count() >= 3 && t.chars().all(|c| c == first)
}

/// `64 64`: the same page number printed at both margins.
fn is_double_page_number(t: &str) -> bool {
    let mut parts = t.split_whitespace();
    match (parts.next(), parts.next(), parts.next()) {
        (Some(a), Some(b), None) => a == b && a.len() <= 4 && a.chars().all(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// A line of four or more words that is not a sentence and occurs more than
/// once, identically, in the document.
fn is_running_head(t: &str, lines: &[&str]) -> bool {
    t.split_whitespace().count() >= 4
        && !ends_sentence(t, true)
        && lines.iter().filter(|l| l.trim() == t).count() >= 2
}

/// Drops the run of short, unpunctuated paragraphs that ends a document when
/// one of them repeats (a web or print footer: ` ValdaiClub` ×3).
pub(crate) fn drop_trailing_footer(mut paras: Vec<Para>, audit: &mut Audit) -> Vec<Para> {
    let is_short = |p: &Para| {
        p.text.split_whitespace().count() <= 8
            && !ends_sentence(&p.text, true)
            && !p.text.starts_with('#')
            && !p.text.starts_with("- ")
    };
    let start = paras
        .iter()
        .rposition(|p| !is_short(p))
        .map_or(0, |i| i + 1);
    let tail = &paras[start..];
    let repeated = tail
        .iter()
        .any(|p| tail.iter().filter(|q| q.text == p.text).count() >= 2);
    if tail.is_empty() || !repeated {
        return paras;
    }
    for p in tail {
        audit.push(
            RULE,
            AuditAction::Drop,
            p.lines(),
            "footer: short repeated lines after the last paragraph",
            &p.text,
        );
    }
    paras.truncate(start);
    paras
}

/// Drops Markdown headings that hold only a number (`# 107`: a series or
/// page number set as a heading by the converter).
pub(crate) fn drop_number_headings(paras: Vec<Para>, audit: &mut Audit) -> Vec<Para> {
    paras
        .into_iter()
        .filter(|p| {
            let t = p.text.trim_start_matches('#').trim();
            let number_heading =
                p.text.starts_with('#') && !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
            if number_heading {
                audit.push(
                    RULE,
                    AuditAction::Drop,
                    p.lines(),
                    "a heading that is only a number (series or page number)",
                    &p.text,
                );
            }
            !number_heading
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(text: &str) -> Vec<Mark> {
        let lines: Vec<&str> = text.lines().collect();
        mark_lines(&lines, &mut Audit::default())
    }

    #[test]
    fn running_heads_and_double_page_numbers() {
        // 003_…: head and page number between two pages.
        let head = "UNISCI Discussion Papers, Nº 24 (October / Octubre 2010) ISSN 1696-2206 ";
        let text = format!("{head}\n\n64 64 \n\nbody\n{head}\n");
        assert_eq!(
            marks(&text),
            vec![
                Mark::Furniture,
                Mark::Blank,
                Mark::Furniture,
                Mark::Blank,
                Mark::Text,
                Mark::Furniture
            ]
        );
    }

    #[test]
    fn separators_rules_and_lines_that_stay() {
        // (seed, line, mark)
        let cases = [
            (
                "003",
                "                                                           ",
                Mark::Break,
            ),
            ("001", "---", Mark::Break),
            ("000", " ", Mark::Space),
            (
                "003 legit number",
                "2030.  Supposedly this deal also stimulates",
                Mark::Text,
            ),
            (
                "003 legit quote",
                "64 BCM in 2010 and 64 in 2020",
                Mark::Text,
            ),
            ("list", "- first item", Mark::Text),
            ("unique line", "Strategic Studies Institute", Mark::Text),
            (
                "Markdown table separator",
                "| --- | :---: |",
                Mark::Furniture,
            ),
            ("Markdown table row", "| Year | Exports |", Mark::Text),
        ];
        for (seed, line, want) in cases {
            assert_eq!(marks(line), vec![want], "{seed}");
        }
    }

    #[test]
    fn a_repeated_footer_is_dropped_but_a_final_paragraph_stays() {
        // 001_…: the last page.
        let para = |t: &str| Para {
            text: t.into(),
            ..Para::default()
        };
        let paras = vec![
            para("In sum, developing the Far East matters."),
            para("Council on Foreign and Defense Policy"),
            para("ValdaiClub"),
            para("ValdaiClub"),
        ];
        let kept = drop_trailing_footer(paras.clone(), &mut Audit::default());
        assert_eq!(kept.len(), 1);
        let kept = drop_trailing_footer(paras[..2].to_vec(), &mut Audit::default());
        assert_eq!(kept.len(), 2, "nothing repeats: not a footer");
    }
}
