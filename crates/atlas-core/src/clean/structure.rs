//! Block kinds: heading, paragraph, quote or list item.
//!
//! Markdown seeds (`001_…`, `004_…`) say it with `#` and `- `; PDF text
//! (`000_…`, `002_…`, `003_…`) only shows it: a short capitalised line
//! without a stop is a heading, `1. Introduction` is a numbered heading, and
//! in `003_…` a block quotation is a paragraph that ends on a note marker
//! right after a paragraph that introduces it ("…recently stated that ,").

use super::text_shape::{
    ends_sentence, is_numbered_heading, looks_like_plain_heading, table_row_cells,
};
use super::{Audit, CleanBlock};
use crate::model::{AuditAction, BlockKind, SpanKind};

const RULE: &str = "structure";

/// Removes block syntax (`## `, `- `, a table row's outer `|`) and says
/// what it meant.
pub(crate) fn strip_block_syntax(text: &str) -> (Option<BlockKind>, &str) {
    let t = text.trim();
    let hashes = t.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
        let level = u8::try_from(hashes).unwrap_or(6);
        return (Some(BlockKind::Heading { level }), t[hashes..].trim());
    }
    if let Some(item) = t.strip_prefix("- ").or_else(|| t.strip_prefix("• ")) {
        return (Some(BlockKind::ListItem), item.trim());
    }
    if let Some(cells) = table_row_cells(t) {
        // The reader sees `2010 | 5.1 | 4.0`: the cells stay apart, the
        // row's frame goes.
        return (Some(BlockKind::Paragraph), cells);
    }
    (None, t)
}

/// Gives plain-text blocks their kind, from the evidence in the text.
///
/// Headings are only guessed from a line's shape when the text marks none:
/// text with Markdown headings came through a converter (`001_…`, `004_…`,
/// saved web pages), which marks every heading, so its short lines (a date,
/// a byline, a figure caption) are paragraphs. A table row (`table_rows[i]`)
/// is never a heading: `Year | Exports` is short, capitalised and has no
/// stop, but it is the first row of a table.
pub(crate) fn classify(blocks: &mut [CleanBlock], table_rows: &[bool], audit: &mut Audit) {
    let guess_headings = !blocks
        .iter()
        .any(|b| matches!(b.kind, BlockKind::Heading { .. }));
    for i in 0..blocks.len() {
        if blocks[i].kind != BlockKind::Paragraph || table_rows.get(i).copied().unwrap_or(false) {
            continue;
        }
        let b = &blocks[i];
        let single_line = b.line == b.line_end;
        let has_marker = b
            .spans
            .iter()
            .any(|s| matches!(s.kind, SpanKind::NoteRef { .. }));
        let words = b.text.split_whitespace().count();
        let byline = (b.text.contains(',') || (has_marker && words <= 3))
            && b.text
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        let (kind, why) = if guess_headings && is_numbered_heading(&b.text) {
            (BlockKind::Heading { level: 2 }, "numbered section heading")
        } else if guess_headings && single_line && looks_like_plain_heading(&b.text) && !byline {
            let level = if i == 0 { 1 } else { 2 };
            (
                BlockKind::Heading { level },
                "short capitalised line without a stop",
            )
        } else if i > 0 && is_quote(&blocks[i - 1], b) {
            (
                BlockKind::Quote,
                "quotation: introduced by the paragraph above and ending on a note marker",
            )
        } else {
            continue;
        };
        audit.push(
            RULE,
            AuditAction::Classify,
            (b.line, b.line_end),
            format!("{}: {why}", kind.name()),
            &b.text,
        );
        blocks[i].kind = kind;
    }
}

fn is_quote(prev: &CleanBlock, b: &CleanBlock) -> bool {
    let ends_on_marker = b.spans.iter().any(|s| {
        matches!(s.kind, SpanKind::NoteRef { .. }) && s.start as usize >= b.text.trim_end().len()
    });
    let introduced = matches!(prev.kind, BlockKind::Paragraph | BlockKind::Quote)
        && (prev.text.ends_with(',')
            || prev.text.ends_with(':')
            || !ends_sentence(&prev.text, true));
    ends_on_marker && introduced && b.text.split_whitespace().count() >= 12
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn block(text: &str, marker_at_end: bool, lines: u32) -> CleanBlock {
        let spans = if marker_at_end {
            vec![Span {
                start: text.len() as u32,
                end: text.len() as u32,
                kind: SpanKind::NoteRef { n: 7 },
            }]
        } else {
            Vec::new()
        };
        CleanBlock {
            kind: BlockKind::Paragraph,
            text: text.into(),
            spans,
            notes: Vec::new(),
            line: 1,
            line_end: lines,
        }
    }

    #[test]
    fn kinds_from_evidence() {
        // 003_…: intro paragraph, quotation with marker, then a paragraph.
        let mut blocks = vec![
            block("2. Japan", false, 1),
            block("This Deputy Foreign Minister Alexei Borodavkin recently stated that ,", false, 2),
            block("At present some countries do not wish to see us as a strong competitor. Then we shall stop being seen as a second-rate participant.", true, 3),
            block("Of course, Borodavkin’s remarks indicate that Russia is not yet part of it.", false, 2),
            block("Feng Shaolei, Cui Heng", false, 1),
            block("Systemic factors in multilateral cooperation", false, 1),
            block("- a list item stays as its kind says", false, 1),
        ];
        blocks[6].kind = BlockKind::ListItem;
        classify(&mut blocks, &[], &mut Audit::default());
        let kinds: Vec<&str> = blocks.iter().map(|b| b.kind.name()).collect();
        assert_eq!(
            kinds,
            vec![
                "heading",
                "paragraph",
                "quote",
                "paragraph",
                "paragraph",
                "heading",
                "list-item"
            ]
        );
    }

    #[test]
    fn with_marked_headings_short_lines_stay_paragraphs() {
        // A saved web page: `# Title`, then a date and a caption line.
        let mut blocks = vec![
            block("Russia in Asia", false, 1),
            block("March 2024", false, 1),
            block("Figure 1 Exports by year", false, 1),
        ];
        blocks[0].kind = BlockKind::Heading { level: 1 };
        classify(&mut blocks, &[], &mut Audit::default());
        let kinds: Vec<&str> = blocks.iter().map(|b| b.kind.name()).collect();
        assert_eq!(kinds, vec!["heading", "paragraph", "paragraph"]);
    }

    #[test]
    fn block_syntax() {
        assert_eq!(
            strip_block_syntax("### **Introduction**"),
            (Some(BlockKind::Heading { level: 3 }), "**Introduction**")
        );
        assert_eq!(
            strip_block_syntax("- item;"),
            (Some(BlockKind::ListItem), "item;")
        );
        assert_eq!(strip_block_syntax("#hashtag"), (None, "#hashtag"));
        assert_eq!(
            strip_block_syntax("| 2010 | | 5 |"),
            (Some(BlockKind::Paragraph), "2010 | | 5")
        );
    }
}
