//! Healing: one paragraph cut in two by a page break, notes or furniture.
//!
//! In `003_…` a page foot full of notes falls between "…of its energy and
//! transport" and "infrastructure.19 Also in 2002…"; in `004_…` the
//! `<sup>` notes sit between "…have noticeably intensified their" and
//! "contacts with China."; `001_…` and `000_…` break pages mid-sentence.
//! Once notes and furniture are gone the two halves are neighbours again:
//! they are joined when the first does not end a sentence and the second
//! starts in lower case, or when the first stops on an open word and a
//! page break stood between them. Headings, list items, table rows and
//! title-like lines are never joined. A word cut at the page break
//! (`Kom-` / `somolsk`) is joined as [`hyphens`](super::hyphens) decides.

use super::hyphens::Words;
use super::reflow::with_decisions;
use super::text_shape::{
    ends_sentence, looks_like_plain_heading, starts_lowercase, table_row_cells,
};
use super::{Audit, Para};
use crate::model::AuditAction;

const RULE: &str = "heal";

/// Joins the halves of cut paragraphs.
pub(crate) fn heal(paras: Vec<Para>, words: &Words, audit: &mut Audit) -> Vec<Para> {
    let mut out: Vec<Para> = Vec::with_capacity(paras.len());
    for p in paras {
        if let Some(prev) = out.last_mut() {
            if should_join(prev, &p) {
                let (text, decision) = if prev.text.ends_with('-') {
                    words.join(&prev.text, &p.text)
                } else {
                    (format!("{} {}", prev.text, p.text), None)
                };
                let reason = if p.after_break {
                    "paragraph cut by a page break (or notes) joined again"
                } else {
                    "paragraph cut by a stray blank line joined again"
                };
                audit.push(
                    RULE,
                    AuditAction::Heal,
                    (prev.line_end, p.line),
                    with_decisions(reason.to_string(), decision.as_slice()),
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

fn is_block_syntax(text: &str) -> bool {
    text.starts_with('#')
        || text.starts_with("- ")
        || text.starts_with("• ")
        // A row never ends a sentence and may start in lower case
        // (`| oil and gas | 3 |`), yet it is never half a paragraph.
        || table_row_cells(text).is_some()
}

fn should_join(prev: &Para, next: &Para) -> bool {
    if is_block_syntax(&prev.text) || is_block_syntax(&next.text) {
        return false;
    }
    if ends_sentence(&prev.text, true) {
        return false;
    }
    let title_like = prev.lines.len() <= 1 && looks_like_plain_heading(&prev.text);
    if starts_lowercase(&next.text) || prev.text.ends_with('-') {
        return true;
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
    (one_line_cut_at_comma && !next_title_like)
        || (next.after_break && open_word && !title_like && !next_title_like)
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
