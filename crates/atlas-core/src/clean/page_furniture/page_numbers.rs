//! Page numbers: numbers that rise by one from page break to page break.
//!
//! A page number may stand alone on a line (`14`, `- 14 -`, `Page 14 of
//! 30`), or the extraction may glue it to the text around the break: to
//! the last word of a page (`…the port of Vanino 14`) or to the first word
//! of the next (`15 and the railway…`). A number alone, or a number at the
//! edge of a page, is no page number by itself: `in 2014` may end a page,
//! a note marker may stand alone under its paragraph (`003_…`: `42`), a
//! note's number opens the page foot. The evidence is the sequence: page
//! numbers rise by one (or by two or three, when a page lost its number)
//! from one page to the next, a page's length apart. So
//!
//! - a number alone on a line is a page number when another one, a page
//!   or more below, continues it, or when it stands right at a page break
//!   (next to a form feed, a rule, a running head);
//! - a number glued to the first or last word of a page is one when the
//!   same place on the pages around holds the numbers before and after it:
//!   three in a row, or the only two a short text has, one apart;
//! - when every such number sits on a short line set apart at the top of
//!   its page, or under one, that line is the page's running head, even
//!   printed once (`4 THE NORTHERN SEA ROUTE`, `Ivanova and Chen 5`: the
//!   odd and even heads of a short text).
//!
//! Note markers glued to a word (`2019.12`) are never taken: a page number
//! is set apart by a space. The page feet that open with a note number
//! (`12 Note text…` after a short rule) are not page breaks, so a note's
//! number is never read as the page's.

use super::{line_no, Evidence, Layout, RULE};
use crate::clean::{Audit, Mark};
use crate::model::AuditAction;

/// Fewest lines a page has: two page numbers closer than this are not.
const MIN_PAGE_LINES: usize = 12;

/// Most lines a page has (a page of double-spaced text with its notes).
const MAX_PAGE_LINES: usize = 200;

/// How many pages a number may skip (a page without its number).
const MAX_STEP: u32 = 3;

/// Marks numbers alone on a line that continue one another a page apart.
pub(super) fn mark_alone(layout: &mut Layout, audit: &mut Audit) {
    let candidates: Vec<(usize, u32)> = (0..layout.lines.len())
        .filter(|&i| layout.marks[i] == Mark::Text)
        .filter_map(|i| alone(layout.lines[i]).map(|v| (i, v)))
        .collect();
    let mut chained = chained(&candidates, 2, MIN_PAGE_LINES);
    // The last page may be short: its number continues the chain from
    // closer than a page when nothing but furniture follows it.
    if let [.., (i0, v0), (i1, v1)] = candidates[..] {
        let at_end = (i1 + 1..layout.lines.len())
            .filter(|&j| layout.marks[j] == Mark::Text)
            .count()
            <= 2;
        let n = candidates.len();
        if chained[n - 2] && v1 == v0 + 1 && i1 > i0 && at_end {
            chained[n - 1] = true;
        }
    }
    for (k, &(i, v)) in candidates.iter().enumerate() {
        if chained[k] {
            layout.drop_line(
                i,
                &format!("page number {v}: alone on a line, in sequence with the pages around"),
                audit,
            );
        }
    }
}

/// Marks numbers alone on a line that stand at a page break already found
/// (a form feed, a rule, a running head), sequence or not.
pub(super) fn mark_alone_at_breaks(layout: &mut Layout, audit: &mut Audit) {
    for i in 0..layout.lines.len() {
        if layout.marks[i] != Mark::Text {
            continue;
        }
        if let Some(v) = alone(layout.lines[i]) {
            if layout.break_near(i) == Evidence::Strong {
                layout.drop_line(
                    i,
                    &format!("page number {v}: alone on a line at a page break"),
                    audit,
                );
            }
        }
    }
}

/// `14`, `- 14 -`, `– 14 –`, `[14]`, `Page 14`, `Page 14 of 30`, `p. 14`.
pub(super) fn alone(line: &str) -> Option<u32> {
    let t = line.trim();
    let t = t
        .strip_prefix("Page ")
        .or_else(|| t.strip_prefix("page "))
        .or_else(|| t.strip_prefix("p. "))
        .unwrap_or(t);
    let t = match t.split_once(" of ") {
        Some((n, total)) if number(total.trim()).is_some() => n,
        _ => t,
    };
    let t = t
        .trim_matches(|c: char| matches!(c, '-' | '–' | '—' | '[' | ']' | ' '))
        .trim();
    number(t)
}

fn number(t: &str) -> Option<u32> {
    if !(1..=4).contains(&t.len()) || !t.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// For each candidate `(line, value)` in line order: does it belong to a
/// run of at least `min` candidates that rise by 1..=MAX_STEP, at least
/// `min_lines` (and at most a page's length) apart per step?
pub(super) fn chained(candidates: &[(usize, u32)], min: usize, min_lines: usize) -> Vec<bool> {
    let n = candidates.len();
    // next[k]: the candidate that continues candidate k, if any (the first
    // of the following three that fits, so one stray number is skipped).
    let next: Vec<Option<usize>> = (0..n)
        .map(|k| {
            let (line, value) = candidates[k];
            (k + 1..n.min(k + 4)).find(|&j| {
                let (l2, v2) = candidates[j];
                if v2 <= value || v2 - value > MAX_STEP || l2 <= line {
                    return false;
                }
                let per_page = (l2 - line) / (v2 - value) as usize;
                (min_lines..=MAX_PAGE_LINES).contains(&per_page)
            })
        })
        .collect();
    let mut has_prev = vec![false; n];
    for j in next.iter().flatten() {
        has_prev[*j] = true;
    }
    let mut in_chain = vec![false; n];
    for start in (0..n).filter(|&k| !has_prev[k]) {
        let mut run = vec![start];
        let mut k = start;
        while let Some(j) = next[k] {
            run.push(j);
            k = j;
        }
        if run.len() >= min {
            for k in run {
                in_chain[k] = true;
            }
        }
    }
    in_chain
}

/// Which end of a page a glued number sits at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edge {
    /// The last line before a page break: `…of Vanino 14`.
    Last,
    /// The first line after a page break: `15 and the railway…`.
    First,
}

/// A number at the edge of a page: the line that holds it and its value.
#[derive(Debug, Clone, Copy)]
struct AtEdge {
    line: usize,
    value: u32,
    /// The line is a short head carrying the number on its outer side
    /// (`4 THE NORTHERN SEA ROUTE`, `Ivanova and Chen 5`).
    numbered_head: bool,
    /// A short line stands above it, between the break and the number.
    head_above: Option<usize>,
}

/// Cuts page numbers glued to the first or last word of a page. A short
/// line that carries the number at the top of every page where one is
/// found is a running head, printed once per page (odd and even heads of
/// a short text), and so is a short line that stands between the break and
/// the numbered line on every such page.
pub(super) fn cut_glued(
    lines: &mut [String],
    marks: &mut [Mark],
    page_start: &[bool],
    audit: &mut Audit,
) {
    let breaks = {
        let strs: Vec<&str> = lines.iter().map(String::as_str).collect();
        super::page_breaks(&strs, marks, page_start)
    };
    for edge in [Edge::Last, Edge::First] {
        let candidates: Vec<AtEdge> = breaks
            .iter()
            .filter_map(|&(before, after)| match edge {
                Edge::Last => before,
                Edge::First => after,
            })
            .filter_map(|i| at_edge(lines, marks, i, edge))
            .collect();
        let values: Vec<(usize, u32)> = candidates.iter().map(|c| (c.line, c.value)).collect();
        // The breaks are known already, so a number's place is its
        // evidence; only the last page may be short.
        let mut keep = chained(&values, 3, 1);
        let pair = values.len() == 2 && values[1].1 == values[0].1 + 1 && values[1].1 < 1000;
        if pair {
            keep = chained(&values, 2, 1);
        }
        let kept: Vec<&AtEdge> = candidates
            .iter()
            .zip(&keep)
            .filter(|(_, &k)| k)
            .map(|(c, _)| c)
            .collect();
        let all_heads = kept.len() >= 2 && kept.iter().all(|c| c.numbered_head);
        let all_below_heads = kept.len() >= 2 && kept.iter().all(|c| c.head_above.is_some());
        for c in kept {
            let no = line_no(c.line);
            if all_heads {
                audit.push(
                    RULE,
                    AuditAction::Drop,
                    (no, no),
                    format!(
                        "running head with page number {}: the heads of the pages around carry the numbers before and after it",
                        c.value
                    ),
                    lines[c.line].trim(),
                );
                marks[c.line] = Mark::Furniture;
                continue;
            }
            if let Some(h) = c.head_above.filter(|_| all_below_heads) {
                let hn = line_no(h);
                audit.push(
                    RULE,
                    AuditAction::Drop,
                    (hn, hn),
                    "running head: it stands between the page break and the page number on every page that has one",
                    lines[h].trim(),
                );
                marks[h] = Mark::Furniture;
            }
            let Some(number) = cut_number(&mut lines[c.line], edge) else {
                continue;
            };
            let (place, evidence) = match edge {
                Edge::Last => ("the last word of a page", "at the foot of the pages around"),
                Edge::First => (
                    "the first word of a page",
                    "at the head of the pages around",
                ),
            };
            audit.push(
                RULE,
                AuditAction::Drop,
                (no, no),
                format!(
                    "page number {} glued to {place}: the numbers {evidence} rise with it",
                    c.value
                ),
                &number,
            );
        }
    }
}

/// The page number at line `i`, the text line next to a page break on
/// `edge`. At the top of a page a short line followed by a blank one may
/// be a head: it may carry the number on either side, or stand above the
/// line that carries it.
fn at_edge(lines: &[String], marks: &[Mark], i: usize, edge: Edge) -> Option<AtEdge> {
    let plain = |line: usize, value: u32| AtEdge {
        line,
        value,
        numbered_head: false,
        head_above: None,
    };
    let head_like = edge == Edge::First && is_head_line(lines, marks, i);
    if head_like {
        if let Some(value) = glued(&lines[i], Edge::First).or_else(|| glued(&lines[i], Edge::Last))
        {
            return Some(AtEdge {
                numbered_head: true,
                ..plain(i, value)
            });
        }
        // The head, a blank line, then the page's first line of text.
        let j = i + 2;
        if marks.get(j) != Some(&Mark::Text) {
            return None;
        }
        let value = glued(&lines[j], Edge::First)?;
        return Some(AtEdge {
            head_above: Some(i),
            ..plain(j, value)
        });
    }
    glued(&lines[i], edge).map(|value| plain(i, value))
}

/// A short line followed by a blank one: how a running head stands.
fn is_head_line(lines: &[String], marks: &[Mark], i: usize) -> bool {
    let words = lines[i].split_whitespace().count();
    (2..=12).contains(&words)
        && marks.get(i + 1) == Some(&Mark::Blank)
        && super::running_heads::shape_key(&lines[i]).is_some()
}

/// Removes the number at the `edge` end of `line`; returns it.
fn cut_number(line: &mut String, edge: Edge) -> Option<String> {
    match edge {
        Edge::Last => line.trim_end().rfind(char::is_whitespace).map(|at| {
            let number = line[at..].trim().to_string();
            line.truncate(at);
            number
        }),
        Edge::First => {
            let start = line.len() - line.trim_start().len();
            line[start..].find(char::is_whitespace).map(|at| {
                let number = line[start..start + at].to_string();
                line.replace_range(..start + at, "");
                number
            })
        }
    }
}

/// `…of Vanino 14` (last edge) or `15 and the railway` (first edge): the
/// number, set apart by a space, with text beside it.
fn glued(line: &str, edge: Edge) -> Option<u32> {
    let mut words = line.split_whitespace();
    let (word, rest) = match edge {
        Edge::Last => {
            let last = words.next_back()?;
            (last, words.next_back())
        }
        Edge::First => {
            let first = words.next()?;
            (first, words.next())
        }
    };
    rest?;
    number(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::page_furniture::text_lines as cleaned;

    /// Invented pages: `lines` lines per page, `page(p, lines)` lays one out.
    fn book(n: u32, page: impl Fn(u32, Vec<String>) -> Vec<String>) -> String {
        let mut out = Vec::new();
        for p in 1..=n {
            let body: Vec<String> = (0..14)
                .map(|l| format!("the railway line {l} on page {p} ran to the port"))
                .collect();
            out.extend(page(p, body));
        }
        out.join("\n")
    }

    #[test]
    fn numbers_alone_in_sequence_and_alone_numbers_that_stay() {
        // Invented: page numbers centred under each page.
        let text = book(3, |p, mut body| {
            body.push(String::new());
            body.push(format!("{}{}", " ".repeat(30), p + 40));
            body
        });
        assert!(cleaned(&text).iter().all(|l| l.starts_with("the railway")));
        // A marker alone under its paragraph, a few lines from the next: stays.
        let text = "The port grew.\n41\n\nThe railway came later.\nIt ran east.\n42\n";
        assert_eq!(cleaned(text).iter().filter(|l| l.len() == 2).count(), 2);
        // (line, value)
        let shapes = [
            ("- 14 -", Some(14)),
            ("Page 3 of 12", Some(3)),
            ("[7]", Some(7)),
            ("2014", Some(2014)),
            ("Article 15", None),
            ("64 64", None),
        ];
        for (line, want) in shapes {
            assert_eq!(alone(line), want, "{line}");
        }
    }

    #[test]
    fn numbers_glued_to_the_last_word_of_each_page() {
        // Invented: `…ran to the port 14` then a form feed.
        let text = book(4, |p, mut body| {
            if let Some(l) = body.last_mut() {
                l.push_str(&format!(" {}", p + 13));
            }
            if p > 1 {
                body[0].insert(0, '\u{c}');
            }
            body
        });
        let kept = cleaned(&text);
        assert!(kept.iter().all(|l| l.ends_with("the port")), "{kept:?}");
    }

    #[test]
    fn numbers_glued_to_the_first_word_after_a_rule() {
        // Invented: `15 the railway…` after a `---` between pages.
        let text = book(4, |p, mut body| {
            body[0] = format!("{} {}", p + 180, body[0]);
            if p > 1 {
                body.insert(0, "---".into());
            }
            body
        });
        let kept = cleaned(&text);
        assert!(
            kept.iter().all(|l| l.starts_with("the railway")),
            "{kept:?}"
        );
    }

    #[test]
    fn odd_and_even_heads_printed_once_with_their_page_numbers() {
        // Invented: a bare first page, then one head per page, each with
        // its number on the outer side, or above the numbered first line.
        let heads = ["4 THE NORTHERN SEA ROUTE", "Ivanova and Chen 5"];
        let text = book(3, |p, mut body| {
            if p > 1 {
                body.insert(0, String::new());
                body.insert(0, format!("\u{c}{}", heads[p as usize - 2]));
            }
            body
        });
        assert!(cleaned(&text).iter().all(|l| l.starts_with("the railway")));
        let text = book(3, |p, mut body| {
            if p > 1 {
                body[0] = format!("{} {}", p + 2, body[0]);
                body.insert(0, String::new());
                let head = ["THE NORTHERN SEA ROUTE", "Ivanova and Chen"][p as usize - 2];
                body.insert(0, format!("\u{c}{head}"));
            }
            body
        });
        assert!(
            cleaned(&text).iter().all(|l| l.starts_with("the railway")),
            "{:?}",
            cleaned(&text)
        );
    }

    #[test]
    fn real_numbers_at_page_edges_stay() {
        // Years, an article number and a marker at page ends, and a note
        // number opening the page foot: none rises with the pages.
        let ends = ["in 2014", "under Article 15", "in 2019.12", "of the 1990s"];
        let text = book(4, |p, mut body| {
            if let Some(l) = body.last_mut() {
                l.push_str(&format!(" {}", ends[p as usize - 1]));
            }
            body.push("\u{c}".into());
            body
        });
        let kept = cleaned(&text);
        for end in ends {
            assert!(
                kept.iter().any(|l| l.ends_with(end)),
                "{end} lost: {kept:?}"
            );
        }
        let foot = "body text with its marker.7\n\n__________\n7 A note on the port.\n\n\u{c}body again.8\n\n__________\n8 Another note.\n\n\u{c}more body.9\n\n__________\n9 A third note.\n";
        let kept = cleaned(foot);
        assert!(kept.iter().any(|l| l == "8 Another note."), "{kept:?}");
    }
}
