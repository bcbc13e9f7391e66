//! Running heads and feet: a short line that recurs at page breaks.
//!
//! What a head says cannot be known in advance (a journal name, a title
//! in capitals, "Ivanov and Chen", "Page 3 of 12", a download stamp), so
//! lines are grouped by their *shape* instead: the same words once a page
//! number at either end is set aside and a number standing alone is read
//! as any number (`14 Journal of X` and `Journal of X 15` are one head,
//! printed on even and odd pages; `Page 3 of 12` and `Page 4 of 12` too).
//! A group is furniture when the pages show it:
//!
//! - three or more lines, two thirds of them next to a page break (a form
//!   feed, a rule or a line of spaces, blank lines, furniture already
//!   found), or spaced as evenly as pages are; and on a third of the pages
//!   at least, as far as the breaks found and the most frequent head tell
//!   how many pages there are (a note's `(accessed: …)` line may end a
//!   few page feet, next to the foot, but not most of them);
//! - two lines only when both stand at a page break, one of them next to
//!   strong evidence of it (a form feed, a rule, a page number; the other
//!   may open or close the text, as the first page's head and the last
//!   page's foot do), and say something (three words or more): in a short
//!   document a line printed twice is weak evidence.
//!
//! A group's line that stands away from any break is kept, unless the
//! whole group is evenly spaced: the same words used as a table header or
//! a list label in the body are content. Finding a head makes its
//! neighbours evidence for the next group (a foot above a head), so the
//! groups are looked at again until nothing changes. A head printed once
//! (the odd head of a short text) is found by where it stands: in the
//! place the other head has on the pages around, or at a page break that
//! falls inside a sentence, where no heading can be.

use super::{Evidence, Layout};
use crate::clean::footnotes::starts_note_zone;
use crate::clean::text_shape::{ends_sentence, starts_lowercase};
use crate::clean::{Audit, Mark};
use std::collections::BTreeMap;

/// Longest line (in characters) that can be a head or foot.
const MAX_CHARS: usize = 110;

/// Most words a head or foot has.
const MAX_WORDS: usize = 16;

/// Fewest lines between two pages' heads.
const MIN_PAGE_LINES: usize = 20;

/// A head or foot is on one page in `COVERAGE` at least (odd and even
/// heads each on every other page, some pages without).
const COVERAGE: usize = 3;

/// Marks running heads and feet as furniture.
pub(super) fn mark(layout: &mut Layout, audit: &mut Audit) {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, line) in layout.lines.iter().enumerate() {
        if layout.marks[i] != Mark::Text {
            continue;
        }
        if starts_note_zone(layout.lines, &layout.marks, i) {
            // `22 Kulagin V. …` and `25 Kulagin V. …`: a note cited twice.
            continue;
        }
        if let Some(key) = shape_key(line) {
            groups.entry(key).or_default().push(i);
        }
    }
    groups.retain(|_, members| members.len() >= 2);
    // The most frequent lines first: a head on every page tells how many
    // pages there are, against which a rarer line is judged.
    let mut groups: Vec<(String, Vec<usize>)> = groups.into_iter().collect();
    groups.sort_by_key(|(_, members)| std::cmp::Reverse(members.len()));
    let breaks = super::page_breaks(layout.lines, &layout.marks, layout.page_start)
        .iter()
        .filter(|b| b.0.is_some() && b.1.is_some())
        .count();
    let mut pages = breaks + 1;
    let mut found: Vec<Vec<usize>> = Vec::new();
    loop {
        let mut changed = false;
        for (key, members) in &groups {
            if members.iter().all(|&i| layout.marks[i] != Mark::Text) {
                continue;
            }
            let evidence: Vec<Evidence> = members.iter().map(|&i| layout.break_near(i)).collect();
            let at_break = evidence.iter().filter(|&&e| e >= Evidence::Weak).count();
            let strong = evidence.iter().filter(|&&e| e == Evidence::Strong).count();
            let even = evenly_spaced(members);
            if !numbers_rise_with_pages(layout.lines, members) {
                // `18 Ibid.`, `23 Ibid.` at page feet: note numbers, not pages.
                continue;
            }
            // A head is on every page, or every other: a line at a third
            // of the pages or fewer (`(accessed: …)` ending a note at four
            // page feet of eighteen) is no head.
            let covers = members.len() * COVERAGE >= pages;
            let accepted = if members.len() >= 3 {
                covers && (even || at_break * 3 >= members.len() * 2)
            } else {
                at_break == 2
                    && strong >= 1
                    && key.split_whitespace().count() >= 3
                    && numbers_a_page_or_two_apart(layout.lines, members)
            };
            if !accepted {
                continue;
            }
            let reason = if even {
                format!(
                    "running head or foot: the same line recurs {} times, a page apart",
                    members.len()
                )
            } else {
                format!("running head or foot: the same line recurs at {at_break} page breaks")
            };
            let mut dropped = Vec::new();
            for (k, &i) in members.iter().enumerate() {
                if layout.marks[i] == Mark::Text && (even || evidence[k] >= Evidence::Weak) {
                    layout.drop_line(i, &reason, audit);
                    dropped.push(i);
                    changed = true;
                }
            }
            pages = pages.max(dropped.len());
            found.push(dropped);
        }
        if !changed {
            break;
        }
    }
    let heads: Vec<usize> = found.iter().flatten().copied().collect();
    for members in found.iter().filter(|m| m.len() >= 2) {
        mark_alternate(layout, members, &heads, audit);
    }
    mark_inside_sentences(layout, audit);
}

/// A head printed once (a short text's only even page) is no repetition,
/// but it may stand where no heading can: at a page break inside a
/// sentence, the text before the break stopping mid-sentence and the text
/// after the line going on in lower case. A short line there, set apart by
/// a blank line, is page furniture.
fn mark_inside_sentences(layout: &mut Layout, audit: &mut Audit) {
    let breaks = super::page_breaks(layout.lines, &layout.marks, layout.page_start);
    for (_, after) in breaks {
        let Some(i) = after else {
            continue;
        };
        // The text before the break, past any page number not yet found.
        let Some(b) = (0..i).rev().find(|&j| {
            layout.marks[j] == Mark::Text && super::page_numbers::alone(layout.lines[j]).is_none()
        }) else {
            continue;
        };
        let words = layout.lines[i].split_whitespace().count();
        let set_apart = layout.marks.get(i + 1) == Some(&Mark::Blank);
        let next = (i + 2..layout.lines.len()).find(|&j| layout.marks[j] == Mark::Text);
        let inside = !ends_sentence(layout.lines[b], true)
            && next.is_some_and(|j| starts_lowercase(layout.lines[j]));
        let strong = layout.look_above(i) == Evidence::Strong;
        if (2..=12).contains(&words)
            && set_apart
            && inside
            && strong
            && shape_key(layout.lines[i]).is_some()
        {
            layout.drop_line(
                i,
                "running head: a short line at a page break inside a sentence, which no heading interrupts",
                audit,
            );
        }
    }
}

/// Odd and even pages may carry different heads, and a short text prints
/// the odd one once only. A head found on every other page shows where
/// the other one stands: at the one page break between two of its lines
/// (or after the last, or before the first), in the same place — first
/// text after the break for a head, last text before it for a foot. A
/// short line of two words or more standing there is the other head.
fn mark_alternate(layout: &mut Layout, members: &[usize], heads: &[usize], audit: &mut Audit) {
    let breaks = super::page_breaks(layout.lines, &layout.marks, layout.page_start);
    let real: Vec<(Option<usize>, Option<usize>)> = breaks
        .into_iter()
        .filter(|b| b.0.is_some() && b.1.is_some())
        .collect();
    // A head is followed by text; a foot by more furniture.
    let is_head = |layout: &Layout, i: usize| {
        (i + 1..layout.lines.len())
            .find(|&j| !matches!(layout.marks[j], Mark::Blank | Mark::Space))
            .is_some_and(|j| layout.marks[j] == Mark::Text)
    };
    let above_text = members.iter().filter(|&&i| is_head(layout, i)).count();
    let head = above_text * 2 > members.len();
    let mut bounds: Vec<usize> = Vec::with_capacity(members.len() + 2);
    bounds.push(0);
    bounds.extend(members);
    bounds.push(layout.lines.len());
    for span in bounds.windows(2) {
        let inside: Vec<&(Option<usize>, Option<usize>)> = real
            .iter()
            .filter(|(before, after)| {
                before.is_some_and(|b| b > span[0]) && after.is_some_and(|a| a < span[1])
            })
            .collect();
        let [(before, after)] = inside[..] else {
            continue;
        };
        let (Some(b), Some(a)) = (*before, *after) else {
            continue;
        };
        if heads
            .iter()
            .any(|&h| h > b && h < a && is_head(layout, h) == head)
        {
            // The other head (or foot) is there already.
            continue;
        }
        let Some(i) = (if head { *after } else { *before }) else {
            continue;
        };
        let words = layout.lines[i].split_whitespace().count();
        if layout.marks[i] == Mark::Text && words >= 2 && shape_key(layout.lines[i]).is_some() {
            layout.drop_line(
                i,
                "running head of the other pages: it stands where the head of every other page does",
                audit,
            );
        }
    }
}

/// The words of a possible head or foot, with a page number at either end
/// set aside, lower-cased, numbers that stand alone as `#`; `None` for
/// lines that cannot be one (long, block syntax, no letters).
pub(super) fn shape_key(line: &str) -> Option<String> {
    let t = line.trim();
    let block_syntax = ["#", "|", "- ", "• ", "<sup>", ">"]
        .iter()
        .any(|p| t.starts_with(p));
    if t.is_empty() || block_syntax || t.chars().count() > MAX_CHARS {
        return None;
    }
    let mut words: Vec<&str> = t.split_whitespace().collect();
    if words.len() > MAX_WORDS {
        return None;
    }
    if words.len() > 1 && is_number(words[0]) {
        words.remove(0);
    }
    if words.len() > 1 && words.last().is_some_and(|w| is_number(w)) {
        words.pop();
    }
    if !words.iter().any(|w| w.chars().any(char::is_alphabetic)) {
        return None;
    }
    // A number standing alone (`Page 3 of 12`, `Vol. 12`) may change from
    // page to page; digits inside a word (an address, `10.17.1.2`) do not.
    let key: Vec<String> = words
        .iter()
        .map(|w| {
            let start = w.len() - w.trim_start_matches('(').len();
            let end = w
                .trim_end_matches([',', '.', ';', ':', ')'])
                .len()
                .max(start);
            if is_number(&w[start..end]) {
                format!("{}#{}", &w[..start], &w[end..])
            } else {
                w.to_lowercase()
            }
        })
        .collect();
    Some(key.join(" "))
}

/// The page numbers a group's lines carry (at either end) rise with the
/// pages, by one to three from each line to the next.
fn numbers_rise_with_pages(lines: &[&str], members: &[usize]) -> bool {
    let numbered: Vec<(usize, u32)> = members
        .iter()
        .filter_map(|&i| edge_number(lines[i]).map(|v| (i, v)))
        .collect();
    // None, one, or the same number on every line (a year): no page numbers.
    if numbered.windows(2).all(|w| w[0].1 == w[1].1) {
        return true;
    }
    // The lines' own spacing is judged apart; only their order counts here.
    super::page_numbers::chained(&numbered, numbered.len(), 1)
        .iter()
        .all(|&c| c)
}

/// Two lines' page numbers, if they carry any, are those of the next page
/// or the one after (odd and even heads): a note cited twice is further.
fn numbers_a_page_or_two_apart(lines: &[&str], members: &[usize]) -> bool {
    match members {
        [a, b] => match (edge_number(lines[*a]), edge_number(lines[*b])) {
            (Some(x), Some(y)) => y == x + 1 || y == x + 2,
            _ => true,
        },
        _ => true,
    }
}

/// The page number at the start or end of a line, if it has one.
fn edge_number(line: &str) -> Option<u32> {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    [words[0], words[words.len() - 1]]
        .into_iter()
        .find(|w| is_number(w))
        .and_then(|w| w.parse().ok())
}

fn is_number(w: &str) -> bool {
    (1..=4).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit())
}

/// Three or more lines a page apart: every gap at least 0.7 of the median
/// gap (longer gaps are pages without the line) and three in four within
/// 30 % of it. The last gap may be short (the last page may be) when two
/// gaps are left to judge by.
fn evenly_spaced(members: &[usize]) -> bool {
    if members.len() < 3 {
        return false;
    }
    let mut gaps: Vec<usize> = members.windows(2).map(|w| w[1] - w[0]).collect();
    if gaps.len() >= 3 && gaps[gaps.len() - 1] < gaps[gaps.len() - 2] {
        gaps.pop();
    }
    let mut sorted = gaps.clone();
    sorted.sort_unstable();
    let median = sorted[sorted.len() / 2];
    let near = gaps
        .iter()
        .filter(|&&g| g * 10 >= median * 7 && g * 10 <= median * 13)
        .count();
    median >= MIN_PAGE_LINES
        && gaps.iter().all(|&g| g * 10 >= median * 7)
        && near * 4 >= gaps.len() * 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::page_furniture::text_lines as kept;

    /// `n` pages of `body` lines each, `head(page)` on top of each.
    fn pages(n: u32, lines: usize, head: impl Fn(u32) -> String, between: &str) -> String {
        let mut out = String::new();
        for p in 1..=n {
            if p > 1 {
                out.push_str(between);
            }
            out.push_str(&head(p));
            out.push_str("\n\n");
            for l in 0..lines {
                out.push_str(&format!("body line {l} of page {p} runs on and on here\n"));
            }
        }
        out
    }

    #[test]
    fn shapes_of_heads() {
        // (line, key)
        let cases = [
            (
                "14 Journal of Eurasian Borderland Studies",
                Some("journal of eurasian borderland studies"),
            ),
            (
                "Journal of Eurasian Borderland Studies 15",
                Some("journal of eurasian borderland studies"),
            ),
            ("Page 3 of 12", Some("page # of")),
            (
                "Review, Vol. 12, No. 3 (2021)",
                Some("review, vol. #, no. # (#)"),
            ),
            (
                "https://example.org/doc/6426566 (accessed: 11.09.2023).",
                Some("https://example.org/doc/6426566 (accessed: 11.09.2023)."),
            ),
            ("42", None),
            ("## Conclusion", None),
            ("| Year | Exports |", None),
        ];
        for (line, key) in cases {
            assert_eq!(shape_key(line).as_deref(), key, "{line}");
        }
    }

    #[test]
    fn a_head_with_a_changing_page_number_on_alternating_sides() {
        // Invented journal; the number sits on the outer side of the page.
        let text = pages(
            4,
            30,
            |p| {
                if p % 2 == 0 {
                    format!("{p} PACIFIC RIM POLICY REVIEW")
                } else {
                    format!("PACIFIC RIM POLICY REVIEW {p}")
                }
            },
            "",
        );
        let kept = kept(&text);
        assert_eq!(kept.len(), 120);
        assert!(kept.iter().all(|l| l.starts_with("body line")));
    }

    #[test]
    fn heads_after_form_feeds_and_blank_clusters_even_twice_if_the_breaks_are_sure() {
        // Two pages only: the head stands after a form feed both times.
        let text = pages(2, 8, |_| "Ivanova and Chen".into(), "\u{c}");
        let text = format!("\u{c}{text}");
        assert!(kept(&text).iter().all(|l| l.starts_with("body line")));
        // Twice after blank lines only, in a short text: too weak.
        let text = pages(2, 8, |_| "Ivanova and Chen".into(), "\n\n\n");
        assert_eq!(kept(&text).len(), 18);
    }

    #[test]
    fn odd_and_even_heads_when_the_odd_one_is_printed_once() {
        // Invented: authors on pages 1 and 3, the short title on page 2
        // only, a page number centred under each page.
        let text = pages(
            3,
            30,
            |p| {
                let head = if p == 2 {
                    "THE NORTHERN SEA ROUTE"
                } else {
                    "Ivanova and Chen"
                };
                if p == 1 {
                    head.to_string()
                } else {
                    format!("\n{}{}\n\n\n\n{head}", " ".repeat(36), p + 12)
                }
            },
            "",
        );
        let kept = kept(&text);
        assert!(kept.iter().all(|l| l.starts_with("body line")), "{kept:?}");
    }

    #[test]
    fn a_head_printed_once_inside_a_sentence() {
        // Invented: two pages, the head on the second only, between the
        // halves of a sentence; and a real heading after a finished one.
        let text = "the railway ran east to the\n\n                    1\n\x0cNORTH ASIAN AFFAIRS QUARTERLY\n\ncoast of the sea.\n";
        assert_eq!(
            kept(text),
            vec!["the railway ran east to the", "coast of the sea."]
        );
        let text = "the railway ran east.\n\n                    1\n\x0cThe Northern Sea Route\n\nships came in summer.\n";
        assert!(kept(text).contains(&"The Northern Sea Route".to_string()));
    }

    #[test]
    fn a_repeated_label_away_from_page_breaks_is_content() {
        // A list label used three times in one page of text.
        let mut text = String::new();
        for part in 0..3 {
            text.push_str("Advantages of the northern route\n\n");
            for l in 0..(3 + part * 4) {
                text.push_str(&format!("point {l} of part {part} of the argument\n"));
            }
            text.push('\n');
        }
        let kept = kept(&text);
        assert_eq!(
            kept.iter()
                .filter(|l| *l == "Advantages of the northern route")
                .count(),
            3
        );
    }
}
