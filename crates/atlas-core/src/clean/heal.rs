//! Healing: one paragraph cut in two by a page break, notes or furniture.
//!
//! In `003_…` a page foot full of notes falls between "…of its energy and
//! transport" and "infrastructure.19 Also in 2002…"; in `004_…` the
//! `<sup>` notes sit between "…have noticeably intensified their" and
//! "contacts with China."; `001_…` and `000_…` break pages mid-sentence.
//! Once notes and furniture are gone the two halves are neighbours again:
//! they are joined when the first does not end a sentence and the second
//! starts in lower case, or when the first stops on an open word and a
//! page break stood between them. Headings, table rows and title-like
//! lines are never joined, and a list item only takes a continuation
//! across a page break.
//!
//! In text wrapped to a fixed width the page break may also fall where a
//! sentence ends (`…signed in 2019.` / `The railway…`): then the length
//! of the page's last line decides. A line that the next word would not
//! have fitted on is full, so the paragraph goes on over the page; a line
//! that stops short of the width ended its paragraph, even on a comma
//! (`…wrote in 2006 that,` before a quotation). The width is the text's
//! own ([`wrap_width`]); text set in a proportional font (`003_…`: lines
//! of 60 to 107 characters) or not wrapped at all (one paragraph per
//! line) has none, and the rule does not apply. The next point of an enumerated argument
//! (`First,` / `Second,` / `Во-вторых,`) after a sentence's end opens a
//! paragraph of its own whatever the line length. A word cut at the page
//! break (`Kom-` / `somolsk`) is joined as [`hyphens`](super::hyphens)
//! decides.

use super::hyphens::Words;
use super::reflow::with_decisions;
use super::text_shape::{
    ends_sentence, looks_like_plain_heading, starts_lowercase, table_row_cells,
    without_trailing_markers,
};
use super::{Audit, Para};
use crate::model::AuditAction;

const RULE: &str = "heal";

/// Fewest wrapped lines from which a text's line width is read.
const MIN_WRAPPED_LINES: usize = 20;

/// How far short of the width a wrapped line may stop (a long word that
/// did not fit); nine wrapped lines in ten do not stop shorter when the
/// text is set to a fixed width.
const WRAP_SLACK: usize = 12;

/// Joins the halves of cut paragraphs.
pub(crate) fn heal(paras: Vec<Para>, words: &Words, audit: &mut Audit) -> Vec<Para> {
    let width = wrap_width(&paras);
    let mut out: Vec<Para> = Vec::with_capacity(paras.len());
    for p in paras {
        if let Some(prev) = out.last_mut() {
            if let Some(why) = should_join(prev, &p, width) {
                let (text, decision) = if prev.text.ends_with('-') {
                    words.join(&prev.text, &p.text)
                } else {
                    (format!("{} {}", prev.text, p.text), None)
                };
                let reason = if p.after_break {
                    format!("paragraph cut by a page break (or notes) joined again: {why}")
                } else {
                    format!("paragraph cut by a stray blank line joined again: {why}")
                };
                audit.push(
                    RULE,
                    AuditAction::Heal,
                    (prev.line_end, p.line),
                    with_decisions(reason, decision.as_slice()),
                    &format!("{} | {}", tail(&prev.text), head(&p.text)),
                );
                prev.text = text;
                prev.lines.extend(p.lines);
                prev.line_end = p.line_end;
                continue;
            }
        }
        out.push(p);
    }
    out
}

/// The width (in characters) a text is wrapped to: nearly the longest of
/// the lines that are not the last of their paragraph, when nine in ten of
/// those come within [`WRAP_SLACK`] of it. `None` for text that is not
/// wrapped to a fixed width.
pub(crate) fn wrap_width(paras: &[Para]) -> Option<usize> {
    let mut inner: Vec<usize> = paras
        .iter()
        .flat_map(|p| {
            let n = p.lines.len().saturating_sub(1);
            p.lines[..n].iter().map(|l| l.chars().count())
        })
        .collect();
    if inner.len() < MIN_WRAPPED_LINES {
        return None;
    }
    inner.sort_unstable();
    let width = inner[inner.len() * 95 / 100];
    let close = inner.iter().filter(|&&l| l + WRAP_SLACK >= width).count();
    (width <= 130 && close * 10 >= inner.len() * 9).then_some(width)
}

/// A paragraph's last line is full when the next text's first word would
/// not have fitted on it.
fn last_line_full(prev: &Para, next: &Para, width: Option<usize>) -> bool {
    let Some(width) = width else {
        return false;
    };
    let last = prev.lines.iter().rev().find(|l| !l.trim().is_empty());
    let next_word = next.text.split_whitespace().next().unwrap_or("");
    last.is_some_and(|l| l.trim().chars().count() + 1 + next_word.chars().count() > width)
}

fn is_block_syntax(text: &str) -> bool {
    text.starts_with('#')
        || is_list_item(text)
        // A row never ends a sentence and may start in lower case
        // (`| oil and gas | 3 |`), yet it is never half a paragraph.
        || table_row_cells(text).is_some()
}

fn is_list_item(text: &str) -> bool {
    text.starts_with("- ") || text.starts_with("• ")
}

/// Why `next` continues `prev`, if it does.
fn should_join(prev: &Para, next: &Para, width: Option<usize>) -> Option<&'static str> {
    let list_goes_on = is_list_item(&prev.text) && next.after_break;
    if (is_block_syntax(&prev.text) && !list_goes_on) || is_block_syntax(&next.text) {
        return None;
    }
    let full = next.after_break && last_line_full(prev, next, width);
    // `…input into it.1`: a stop before a note marker is no heading's.
    let next_heading =
        next.lines.len() <= 1 && looks_like_plain_heading(without_trailing_markers(&next.text));
    // A point of an enumerated argument (`First, …` / `Second, …`) opens
    // a paragraph of its own: after a sentence's end, a full last line
    // does not make it run on.
    let new_point = ends_sentence(&prev.text, true) && opens_enumerated_point(&next.text);
    if full && !next_heading && !new_point {
        return Some("the page's last line is full, the paragraph runs on");
    }
    if ends_sentence(&prev.text, true) {
        return None;
    }
    let title_like = prev.lines.len() <= 1 && looks_like_plain_heading(&prev.text);
    if starts_lowercase(&next.text) {
        return Some("it stops mid-sentence and the rest starts in lower case");
    }
    if prev.text.ends_with('-') {
        return Some("a word is cut at its hyphen");
    }
    if width.is_some() && next.after_break {
        // The page's last line stops short of the width: its paragraph ends.
        return None;
    }
    // Capitalised continuation (`…for the Far` / `East.” 28`): only across a break.
    let open_word = prev
        .text
        .chars()
        .last()
        .is_some_and(|c| c.is_alphanumeric() || c == ',');
    let next_title_like =
        looks_like_plain_heading(&next.text) && !next.text.contains(['.', '!', '?']);
    // A paragraph of long, unwrapped lines that stops on a comma (`004_…`:
    // "…East Asian countries — China, Japan," / "South Korea, etc. — are…"):
    // web extractions put one paragraph per line, so the blank line is the
    // extraction's, not the author's. Hard-wrapped text (`003_…`'s "stated
    // that ," before a block quote, lines under 100 characters) is left alone.
    let unwrapped = prev.lines.iter().any(|l| l.chars().count() > 200);
    let one_line_cut_at_comma = unwrapped && prev.text.ends_with(',');
    if one_line_cut_at_comma && !next_title_like {
        return Some("a one-line paragraph stops at a comma");
    }
    (next.after_break && open_word && !title_like && !next_title_like)
        .then_some("it stops on an open word at a page break")
}

/// Words that open the next point of an enumerated argument, English and
/// Russian, each followed by a comma or a space.
const ENUMERATION_OPENERS: [&str; 16] = [
    "First,",
    "Second,",
    "Third,",
    "Fourth,",
    "Fifth,",
    "Firstly,",
    "Secondly,",
    "Thirdly,",
    "Finally,",
    "Lastly,",
    "Во-первых,",
    "Во-вторых,",
    "В-третьих,",
    "В-четвертых,",
    "В-четвёртых,",
    "Наконец,",
];

/// `text` opens with the next point of an enumeration.
fn opens_enumerated_point(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    ENUMERATION_OPENERS.contains(&first)
}

fn tail(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars[chars.len().saturating_sub(40)..].iter().collect()
}

fn head(text: &str) -> String {
    text.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str, after_break: bool) -> Para {
        Para {
            lines: vec![text.to_string(), String::new()],
            text: text.into(),
            after_break,
            ..Para::default()
        }
    }

    #[test]
    fn heal_cases() {
        // (seed, first, second, second follows a break, joined)
        let cases = [
            (
                "004",
                "have noticeably intensified their",
                "contacts with China.",
                true,
                true,
            ),
            (
                "003",
                "of its energy and transport",
                "infrastructure.19 Also in 2002",
                true,
                true,
            ),
            (
                "003",
                "could be a ministry for the Far",
                "East.” 28 Concurrently",
                true,
                true,
            ),
            ("003", "other Asia-", "Pacific countries.40", false, true),
            (
                "001",
                "the progression of East",
                "Asian affairs.",
                true,
                true,
            ),
            (
                "003 no break",
                "Thus, if the project goes through",
                "If the project is successful, Korea gains.",
                false,
                false,
            ),
            (
                "finished sentence",
                "the dead ends.",
                "then nothing.",
                true,
                false,
            ),
            (
                "list",
                "- increasing trade turnover;",
                "formation of a zone",
                false,
                false,
            ),
            (
                "heading",
                "## Conclusion",
                "country's isolation from the West.",
                true,
                false,
            ),
        ];
        for (seed, a, b, brk, joined) in cases {
            let out = heal(
                vec![para(a, false), para(b, brk)],
                &Words::default(),
                &mut Audit::default(),
            );
            assert_eq!(out.len() == 1, joined, "{seed}");
        }
    }

    /// Invented text wrapped to 60 columns, as a paragraph of its lines.
    fn wrapped(text: &str, after_break: bool) -> Para {
        let mut lines: Vec<String> = vec![String::new()];
        for word in text.split_whitespace() {
            let last = lines.last_mut().map_or(0, |l| l.len());
            if last > 0 && last + 1 + word.len() > 60 {
                lines.push(String::new());
            }
            if let Some(l) = lines.last_mut() {
                if !l.is_empty() {
                    l.push(' ');
                }
                l.push_str(word);
            }
        }
        Para {
            text: lines.join(" "),
            lines,
            after_break,
            ..Para::default()
        }
    }

    #[test]
    fn a_page_break_after_a_full_line_that_ends_a_sentence() {
        // Invented, wrapped to 60 columns: the page's last line is full
        // (`The` would not have fitted), so the paragraph runs on; a short
        // last line, even on a comma, ended its paragraph.
        let body = "The railway from the coast reached the port in the spring and the first trains carried timber and coal to the ships that waited in the bay for the ice to break. ".repeat(8);
        let first = wrapped(
            &format!("{body}The port of Vanino had grown by then to a large town of some size."),
            false,
        );
        assert!(
            first.lines.last().is_some_and(|l| l.len() + 4 > 60),
            "{:?}",
            first.lines
        );
        let next = wrapped("The new pier opened in the autumn of that year.", true);
        let out = heal(
            vec![first.clone(), next.clone()],
            &Words::default(),
            &mut Audit::default(),
        );
        assert_eq!(out.len(), 1);
        // The next point of an enumeration opens its own paragraph.
        let point = wrapped("Second, the new pier opened in the autumn.", true);
        let out = heal(
            vec![first.clone(), point],
            &Words::default(),
            &mut Audit::default(),
        );
        assert_eq!(out.len(), 2);
        let short = wrapped(&format!("{body}The mayor wrote that,"), false);
        let quote = wrapped("Nothing will stop the port now.", true);
        let out = heal(vec![short, quote], &Words::default(), &mut Audit::default());
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn a_word_cut_at_the_page_break() {
        // Invented: `Kom-` at the foot of a page, `somolsk` on the next.
        let lines = [
            "the line to Kom-",
            "somolsk was built; Komsomolsk grew",
            "the develop-",
            "ment of the development",
        ];
        let words = Words::of(&lines);
        let out = heal(
            vec![
                para("the line to Kom-", false),
                para("somolsk was built.", true),
            ],
            &words,
            &mut Audit::default(),
        );
        assert_eq!(out[0].text, "the line to Komsomolsk was built.");
    }

    #[test]
    fn a_long_one_line_paragraph_cut_at_a_comma_is_joined() {
        // 004: a whole paragraph per line, cut after "China, Japan,".
        let long = format!(
            "{} the East Asian countries — China, Japan,",
            "At present, the trend of weakening is evident ".repeat(5)
        );
        let out = heal(
            vec![
                para(&long, false),
                para("South Korea, etc. — are achieving growth.", false),
            ],
            &Words::default(),
            &mut Audit::default(),
        );
        assert_eq!(out.len(), 1);
        // 003: a short, hard-wrapped lead-in to a block quote stays apart.
        let out = heal(
            vec![
                para("Borodavkin recently stated that ,", false),
                para("At present some countries do not wish to see us.", false),
            ],
            &Words::default(),
            &mut Audit::default(),
        );
        assert_eq!(out.len(), 2);
    }
}
