//! Reflow: hard-wrapped lines back into paragraphs.
//!
//! PDF extractions wrap every line. `003_…` separates paragraphs by blank
//! lines, but also starts a new paragraph on a line indented by a space after
//! a finished sentence (` The upshot of all this…`). `000_…` is
//! "double-spaced": a blank line after *every* line, so blank lines mean
//! nothing there; its paragraphs end at lines of spaces (or at a full stop
//! followed by three or more trailing spaces). Which regime applies is
//! decided from the text's own statistics. Markdown headings, list items,
//! `<sup>` note lines, table rows (`| 2010 | 5.1 |`, from saved web pages'
//! tables) and numbered headings (`1. Introduction`, glued to the Spanish
//! keywords in `003_…`) always stand alone. A line that ends in a hyphen
//! joins the next without a space; whether the hyphen stays is
//! [`hyphens`](super::hyphens)' decision.

use super::hyphens::{Decision, Words};
use super::page_furniture::line_no;
use super::text_shape::{
    ends_sentence, is_numbered_heading, looks_like_plain_heading, table_row_cells,
};
use super::{Audit, Mark, Para};
use crate::model::AuditAction;

const RULE: &str = "reflow";

/// Joins hard-wrapped lines: a line ending in a hyphen joins the next without
/// a space, and the hyphen stays when the lines themselves show a compound
/// (`Asia-` + `Pacific` is printed `Asia-Pacific`; `Kom-` + `somolsk`, with
/// `Komsomolsk` elsewhere, is one word).
pub fn reflow(lines: &[&str]) -> String {
    join_lines(lines, &Words::of(lines)).0
}

/// Joins lines with single spaces (none after a trailing hyphen), collapsing
/// runs of white space; returns the decisions taken at line-end hyphens.
pub(crate) fn join_lines(lines: &[&str], words: &Words) -> (String, Vec<Decision>) {
    let mut out = String::new();
    let mut decisions = Vec::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if out.ends_with('-') {
            let (joined, decision) = words.join(&out, line);
            out = joined;
            decisions.extend(decision);
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
    }
    (
        out.split_whitespace().collect::<Vec<_>>().join(" "),
        decisions,
    )
}

/// The audit reason of a join: what it did, and each hyphen decided.
pub(crate) fn with_decisions(reason: String, decisions: &[Decision]) -> String {
    if decisions.is_empty() {
        return reason;
    }
    let each: Vec<String> = decisions.iter().map(Decision::describe).collect();
    format!("{reason}; {}", each.join("; "))
}

/// `true` when blank lines are noise: nearly every text line is followed by
/// one, and most lines stop mid-sentence (hard wraps), as in `000_…`.
///
/// Text with Markdown headings never is: it came through a converter
/// (`001_…`, `004_…`, saved web pages), which writes each paragraph on one
/// line, so its short open lines (a date, a byline, a caption) are whole
/// paragraphs, not hard wraps.
pub(crate) fn is_double_spaced(lines: &[&str], marks: &[Mark]) -> bool {
    let text: Vec<usize> = (0..lines.len())
        .filter(|&i| marks[i] == Mark::Text)
        .collect();
    if text.iter().any(|&i| is_markdown_heading(lines[i].trim())) {
        return false;
    }
    let followed_by_blank = text
        .iter()
        .filter(|&&i| marks.get(i + 1) == Some(&Mark::Blank))
        .count();
    let open = text
        .iter()
        .filter(|&&i| !ends_sentence(lines[i], true))
        .count();
    text.len() >= 6 && followed_by_blank * 10 >= text.len() * 8 && open * 2 >= text.len()
}

/// Builds paragraphs from the lines still marked [`Mark::Text`].
pub(crate) fn paragraphs(
    lines: &[&str],
    marks: &[Mark],
    page_start: &[bool],
    words: &Words,
    audit: &mut Audit,
) -> Vec<Para> {
    let mut b = Builder {
        double: is_double_spaced(lines, marks),
        words,
        audit,
        paras: Vec::new(),
        current: Vec::new(),
        pending_break: false,
    };
    let double = b.double;
    let mut blank_run = 0usize;
    for (i, raw) in lines.iter().enumerate() {
        if page_start.get(i).copied().unwrap_or(false) {
            // A form feed: the page ends here, whatever the next line says.
            b.flush();
            b.pending_break = true;
        }
        match marks[i] {
            Mark::Blank if double => continue,
            Mark::Blank | Mark::Space => {
                b.flush();
                blank_run += 1;
                if blank_run >= 3 {
                    // Several empty lines in a row: a page break in a web or
                    // Markdown extraction (`001_…`).
                    b.pending_break = true;
                }
                continue;
            }
            Mark::Break | Mark::Furniture | Mark::Note => {
                b.flush();
                b.pending_break = true;
                blank_run = 0;
                continue;
            }
            Mark::Text => blank_run = 0,
        }
        let trimmed = raw.trim();
        if let Some(&(_, prev)) = b.current.last() {
            if starts_paragraph(prev, raw) {
                b.flush();
            }
        }
        b.current.push((i, trimmed));
        // Double-spaced text has no blank line under a heading: a short
        // title-like line that opens a paragraph is a block of its own.
        let heading_line = double
            && b.current.len() == 1
            && looks_like_plain_heading(trimmed)
            && next_text_starts_upper(lines, marks, i);
        let ends_here = stands_alone(trimmed)
            || heading_line
            || (double && ends_sentence(raw, false) && raw.len() - raw.trim_end().len() >= 3);
        if ends_here {
            b.flush();
        }
    }
    b.flush();
    b.paras
}

/// Paragraphs being built: the lines of the open one, and whether a page
/// break stood before it.
struct Builder<'a, 'w> {
    double: bool,
    words: &'w Words,
    audit: &'a mut Audit,
    paras: Vec<Para>,
    current: Vec<(usize, &'w str)>,
    pending_break: bool,
}

impl Builder<'_, '_> {
    fn flush(&mut self) {
        if self.current.is_empty() {
            return;
        }
        let lines: Vec<&str> = self.current.iter().map(|&(_, l)| l).collect();
        let first = self.current.first().map_or(0, |c| c.0);
        let last = self.current.last().map_or(0, |c| c.0);
        let (text, decisions) = join_lines(&lines, self.words);
        let para = Para {
            lines: lines.iter().map(|l| l.to_string()).collect(),
            text,
            line: line_no(first),
            line_end: line_no(last),
            after_break: self.pending_break,
        };
        if lines.len() > 1 {
            let reason = if self.double {
                format!(
                    "{} hard-wrapped lines joined (blank lines between them are noise)",
                    lines.len()
                )
            } else {
                format!("{} hard-wrapped lines joined", lines.len())
            };
            let reason = with_decisions(reason, &decisions);
            self.audit
                .push(RULE, AuditAction::Join, para.lines(), reason, &para.text);
        }
        self.paras.push(para);
        self.current.clear();
        self.pending_break = false;
    }
}

/// The next text line after `i` starts with a capital (a heading is followed
/// by a new sentence, a wrapped line by its continuation).
fn next_text_starts_upper(lines: &[&str], marks: &[Mark], i: usize) -> bool {
    (i + 1..lines.len())
        .find(|&j| marks[j] == Mark::Text)
        .and_then(|j| lines[j].trim().chars().next())
        .is_some_and(char::is_uppercase)
}

/// Lines that are a block on their own.
fn stands_alone(t: &str) -> bool {
    is_numbered_heading(t) || is_markdown_heading(t) || table_row_cells(t).is_some()
}

/// `# Title`, `## Section`.
fn is_markdown_heading(t: &str) -> bool {
    t.starts_with('#') && t.trim_start_matches('#').starts_with(' ')
}

/// Does `raw` start a new paragraph after the line `prev`?
fn starts_paragraph(prev: &str, raw: &str) -> bool {
    let t = raw.trim();
    let markdown_start =
        t.starts_with("- ") || t.starts_with("• ") || t.starts_with("<sup>") || stands_alone(t);
    let indented_new = raw.starts_with(char::is_whitespace)
        && t.chars().next().is_some_and(char::is_uppercase)
        && (ends_sentence(prev, true) || prev.trim_end().ends_with(','));
    markdown_start || indented_new
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::page_furniture::mark_pages;

    fn texts(text: &str) -> Vec<String> {
        let raw: Vec<&str> = text.lines().collect();
        let mut audit = Audit::default();
        let pages = mark_pages(&raw, &mut audit);
        let lines = pages.strs();
        paragraphs(
            &lines,
            &pages.marks,
            &pages.page_start,
            &Words::of(&lines),
            &mut audit,
        )
        .into_iter()
        .map(|p| p.text)
        .collect()
    }

    #[test]
    fn reflow_cases() {
        // (seed, input, paragraphs)
        let cases: Vec<(&str, &str, Vec<&str>)> = vec![
            (
                "000 double-spaced",
                "Moscow has recently adopted a \n\nstrategy aimed at developing \n\nRussia's Far East and, ultimately, \n\nto build up Russia as a power. \n\n \n\nIndeed, with its rich natural \n\nresources, the region is the last \n\nfrontier of all. \n",
                vec![
                    "Moscow has recently adopted a strategy aimed at developing Russia's Far East and, ultimately, to build up Russia as a power.",
                    "Indeed, with its rich natural resources, the region is the last frontier of all.",
                ],
            ),
            (
                "003 wrapped, hyphen kept",
                "related to Chinese-\nrelated dangers in the Asia-\nPacific.\n\nNext paragraph.\n",
                vec![
                    "related to Chinese-related dangers in the Asia-Pacific.",
                    "Next paragraph.",
                ],
            ),
            (
                "003 indented new paragraph",
                "incompetence. \n The upshot of all this failure was \nthat ESPO was not ready.\n",
                vec!["incompetence.", "The upshot of all this failure was that ESPO was not ready."],
            ),
            (
                "003 indented continuation stays",
                "This deal supplies \n Osaka gas with LNG.\n",
                vec!["This deal supplies Osaka gas with LNG."],
            ),
            (
                "003 heading glued to keywords",
                "Palabras clave: Rusia, China. \n 1. Introduction \n\nRussia considers itself\n",
                vec!["Palabras clave: Rusia, China.", "1. Introduction", "Russia considers itself"],
            ),
            (
                "web page: short lines under a heading are paragraphs, not hard wraps",
                "# Russia in Asia\n\nMarch 2024\n\nBy Ivan Ivanov\n\n## Background\n\nThe first paragraph.\n\nThe second paragraph.\n\nFigure 1 Exports by year\n",
                vec![
                    "# Russia in Asia",
                    "March 2024",
                    "By Ivan Ivanov",
                    "## Background",
                    "The first paragraph.",
                    "The second paragraph.",
                    "Figure 1 Exports by year",
                ],
            ),
            (
                "web page table: a row per paragraph, between two paragraphs",
                "Trade grew.\n| Year | Exports |\n| 2010 | 5.1 |\n| oil and gas | 3 |\nAfter the table\nit goes on.\n",
                vec![
                    "Trade grew.",
                    "| Year | Exports |",
                    "| 2010 | 5.1 |",
                    "| oil and gas | 3 |",
                    "After the table it goes on.",
                ],
            ),
            (
                "004 list stays a list",
                "vectors:\n\n- increasing trade;\n- formation of a zone;\n",
                vec!["vectors:", "- increasing trade;", "- formation of a zone;"],
            ),
        ];
        for (seed, input, want) in cases {
            assert_eq!(texts(input), want, "{seed}");
        }
    }
}
