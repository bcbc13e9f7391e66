//! Page furniture: what a printed page repeats around its text.
//!
//! A page of a PDF extraction carries more than its text: a running head
//! (a journal name, a short title, the authors' names; odd and even pages
//! may alternate two heads), a running foot (a copyright line, an
//! archive's download stamp), a page number — alone on a line, on the
//! head line, or glued to the last word of the page or the first word of
//! the next — and whatever the extraction put between pages: a form feed,
//! a `---` rule, a long run of spaces, a cluster of blank lines, or
//! nothing. None of it is body text, and none of it can be recognised by
//! what it says; the evidence is *where* it stands and that it *repeats*:
//!
//! - a short line that recurs at page breaks is a running head or foot,
//!   whatever it says and whatever page number it carries
//!   ([`running_heads`]); a line that recurs away from page breaks (a
//!   table's header row, a list label) is content;
//! - numbers that rise by one from page break to page break are page
//!   numbers, alone on a line or glued to a word ([`page_numbers`]); a
//!   number that rises with nothing (`in 2014`, `Article 15`, a note
//!   marker) stays.
//!
//! What marks a page break is decided here ([`Layout::break_near`]) and
//! shared by both rules. In the seeds: `003_…` repeats its running head
//! after three blank lines and prints page numbers twice (`64 64`);
//! `001_…` and `004_…` mark page breaks with `---` rules; `001_…` ends
//! with a footer of short repeated lines (` ValdaiClub` three times) and
//! heads its title page with the series number `# 107`.

mod page_numbers;
mod running_heads;

use super::footnotes::opens_note_zone;
use super::text_shape::{ends_sentence, is_table_separator};
use super::{Audit, Mark, Para};
use crate::model::AuditAction;

const RULE: &str = "page_furniture";

/// Blank lines in a row that read as a page break (`003_…` leaves three
/// between a page's notes and the next running head).
const BLANKS_AT_A_BREAK: usize = 3;

/// The source lines once page furniture is marked: the same lines (one per
/// source line, so line numbers hold), without form feeds and without the
/// page numbers that were glued to a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PageLines {
    /// The lines' text.
    pub lines: Vec<String>,
    /// How each line was classified.
    pub marks: Vec<Mark>,
    /// `true` where a form feed opened a page on this line.
    pub page_start: Vec<bool>,
}

impl PageLines {
    /// The lines as string slices, as the later stages read them.
    pub fn strs(&self) -> Vec<&str> {
        self.lines.iter().map(String::as_str).collect()
    }
}

/// Marks page furniture in `raw` (one entry per source line).
pub(crate) fn mark_pages(raw: &[&str], audit: &mut Audit) -> PageLines {
    let (mut lines, page_start) = strip_form_feeds(raw);
    let mut marks = {
        let strs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let mut layout = Layout {
            lines: &strs,
            marks: mark_lines(&strs, audit),
            page_start: &page_start,
        };
        page_numbers::mark_alone(&mut layout, audit);
        running_heads::mark(&mut layout, audit);
        page_numbers::mark_alone_at_breaks(&mut layout, audit);
        layout.marks
    };
    page_numbers::cut_glued(&mut lines, &mut marks, &page_start, audit);
    PageLines {
        lines,
        marks,
        page_start,
    }
}

/// Removes form feeds (`pdftotext` puts one before the first line of each
/// page) and says which lines opened a page.
fn strip_form_feeds(raw: &[&str]) -> (Vec<String>, Vec<bool>) {
    raw.iter()
        .map(|l| {
            if l.contains('\u{c}') {
                (l.replace('\u{c}', ""), true)
            } else {
                (l.to_string(), false)
            }
        })
        .unzip()
}

/// How strongly a line's surroundings say "a page break is here".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Evidence {
    /// Text on both sides.
    None,
    /// The start or end of the document, or a cluster of blank lines.
    Weak,
    /// A form feed, a rule or line of spaces, or furniture already found.
    Strong,
}

/// The lines being marked, and what the rules found so far.
pub(super) struct Layout<'a> {
    pub lines: &'a [&'a str],
    pub marks: Vec<Mark>,
    pub page_start: &'a [bool],
}

impl Layout<'_> {
    /// What stands between line `i` and the nearest text above or below
    /// it: the stronger of the two sides.
    pub fn break_near(&self, i: usize) -> Evidence {
        self.look(i, true).max(self.look(i, false))
    }

    /// What stands between line `i` and the text above it.
    pub fn look_above(&self, i: usize) -> Evidence {
        self.look(i, true)
    }

    fn look(&self, i: usize, up: bool) -> Evidence {
        if up && self.page_start[i] {
            return Evidence::Strong;
        }
        let mut empties = 0;
        let mut j = i;
        loop {
            let next = if up { j.checked_sub(1) } else { Some(j + 1) };
            let Some(n) = next.filter(|&n| n < self.lines.len()) else {
                return Evidence::Weak;
            };
            j = n;
            if !up && self.page_start[j] {
                return Evidence::Strong;
            }
            match self.marks[j] {
                Mark::Blank | Mark::Space => {
                    empties += 1;
                    if up && self.page_start[j] {
                        return Evidence::Strong;
                    }
                }
                Mark::Break => return Evidence::Strong,
                Mark::Furniture if !is_table_separator(self.lines[j]) => return Evidence::Strong,
                Mark::Text | Mark::Furniture | Mark::Note => {
                    return if empties >= BLANKS_AT_A_BREAK {
                        Evidence::Weak
                    } else {
                        Evidence::None
                    };
                }
            }
        }
    }

    /// Marks line `i` as furniture, with the reason in the audit trail.
    pub fn drop_line(&mut self, i: usize, reason: &str, audit: &mut Audit) {
        let no = line_no(i);
        audit.push(
            RULE,
            AuditAction::Drop,
            (no, no),
            reason,
            self.lines[i].trim(),
        );
        self.marks[i] = Mark::Furniture;
    }
}

/// The page breaks of the text, each as the last text line before it and
/// the first text line after it; the start and the end of the text count.
/// A break is a form feed, or a run of non-text lines holding a rule or a
/// line of spaces that does not open a page foot of notes, furniture, or
/// a cluster of blank lines.
pub(super) fn page_breaks(
    lines: &[&str],
    marks: &[Mark],
    page_start: &[bool],
) -> Vec<(Option<usize>, Option<usize>)> {
    let text = |i: usize| marks[i] == Mark::Text;
    let mut breaks = Vec::new();
    let first = (0..lines.len()).find(|&i| text(i));
    breaks.push((None, first));
    let mut i = 0;
    while i < lines.len() {
        if text(i) {
            // A form feed right after text (one after furniture belongs to
            // the break the furniture makes, below).
            if page_start[i] && i > 0 && text(i - 1) {
                breaks.push((Some(i - 1), Some(i)));
            }
            i += 1;
            continue;
        }
        let start = i;
        let mut evidence = false;
        let mut empties = 0;
        while i < lines.len() && !text(i) {
            match marks[i] {
                Mark::Blank | Mark::Space => empties += 1,
                Mark::Break => evidence |= opens_note_zone(lines, marks, i).is_none(),
                Mark::Furniture => evidence |= !is_table_separator(lines[i]),
                _ => {}
            }
            evidence |= page_start[i];
            i += 1;
        }
        evidence |= empties >= BLANKS_AT_A_BREAK || (i < lines.len() && page_start[i]);
        if evidence {
            let before = (0..start).rev().find(|&j| text(j));
            let after = (i < lines.len()).then_some(i);
            breaks.push((before, after));
        }
    }
    let last = (0..lines.len()).rev().find(|&i| text(i));
    breaks.push((last, None));
    breaks
}

/// Classifies every line by its own shape: blank, spaces, break, table
/// separator, double page number, or text.
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
pub(crate) fn is_rule(t: &str) -> bool {
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

/// The lines still text once page furniture is marked, trimmed: what the
/// submodules' fixtures compare.
#[cfg(test)]
fn text_lines(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let pages = mark_pages(&lines, &mut Audit::default());
    pages
        .lines
        .iter()
        .zip(&pages.marks)
        .filter(|(_, m)| **m == Mark::Text)
        .map(|(l, _)| l.trim().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(text: &str) -> Vec<Mark> {
        let lines: Vec<&str> = text.lines().collect();
        mark_pages(&lines, &mut Audit::default()).marks
    }

    #[test]
    fn running_heads_and_double_page_numbers() {
        // 003_…: after a page's notes, three blank lines, the head and the
        // page number printed twice; the head is printed twice in all.
        let head = "UNISCI Discussion Papers, Nº 24 (October / Octubre 2010) ISSN 1696-2206 ";
        let text = format!("{head}\n\n64 64 \n\nbody\n\n\n\n{head}\n\n74 74\n");
        use Mark::{Blank, Furniture, Text};
        assert_eq!(
            marks(&text),
            vec![
                Furniture, Blank, Furniture, Blank, Text, Blank, Blank, Blank, Furniture, Blank,
                Furniture
            ]
        );
        // Printed twice with text around it, it is no head.
        let text = format!("body\n{head}\nbody\n\nbody\n{head}\nbody\n");
        assert!(marks(&text).iter().all(|m| matches!(m, Text | Blank)));
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
