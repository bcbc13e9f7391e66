//! Cleaning: from a raw extraction to blocks of body text and notes.
//!
//! This is the first, conservative pass: it reflows hard-wrapped lines into
//! paragraphs, recognises Markdown-style headings, list items, rules and
//! `<sup>n</sup>` notes, drops page numbers, and strips inline markup to plain
//! text. Every rule decides on evidence in the text, never on a file name.

mod inline;

pub use inline::strip_inline_markup;

use crate::model::{BlockKind, Note};

/// A body block before ids and languages are assigned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanBlock {
    /// Heading, paragraph, quote or list item.
    pub kind: BlockKind,
    /// Plain text.
    pub text: String,
}

/// The cleaner's output for one document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CleanDoc {
    /// Body blocks in reading order.
    pub blocks: Vec<CleanBlock>,
    /// Notes found in the text.
    pub notes: Vec<Note>,
}

/// Cleans one document's text.
pub fn clean(text: &str) -> CleanDoc {
    let mut doc = CleanDoc::default();
    for group in paragraph_groups(text) {
        clean_group(&group, &mut doc);
    }
    doc
}

/// Splits text into groups of consecutive non-blank lines (right-trimmed).
fn paragraph_groups(text: &str) -> Vec<Vec<&str>> {
    let mut groups = Vec::new();
    let mut current = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            if !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
}

fn clean_group(lines: &[&str], doc: &mut CleanDoc) {
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, doc: &mut CleanDoc| {
        if paragraph.is_empty() {
            return;
        }
        let text = strip_inline_markup(&reflow(paragraph));
        paragraph.clear();
        if text.is_empty() {
            return;
        }
        let kind = if looks_like_plain_heading(&text) {
            BlockKind::Heading { level: 2 }
        } else {
            BlockKind::Paragraph
        };
        doc.blocks.push(CleanBlock { kind, text });
    };
    for &line in lines {
        let trimmed = line.trim();
        if is_rule(trimmed) {
            flush(&mut paragraph, doc);
        } else if let Some((level, title)) = markdown_heading(trimmed) {
            flush(&mut paragraph, doc);
            let text = strip_inline_markup(title);
            if !is_page_number(&text) {
                doc.blocks.push(CleanBlock {
                    kind: BlockKind::Heading { level },
                    text,
                });
            }
        } else if let Some(item) = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("• "))
        {
            flush(&mut paragraph, doc);
            doc.blocks.push(CleanBlock {
                kind: BlockKind::ListItem,
                text: strip_inline_markup(item),
            });
        } else if let Some((n, note)) = sup_note(trimmed) {
            flush(&mut paragraph, doc);
            doc.notes.push(Note {
                n,
                text: strip_inline_markup(note),
            });
        } else if paragraph.is_empty() && is_page_number(trimmed) {
            // A line holding only a number between blank lines is page furniture.
        } else {
            paragraph.push(line);
        }
    }
    flush(&mut paragraph, doc);
}

/// Joins hard-wrapped lines: a line ending in a hyphen joins the next without
/// a space (keeping the hyphen: `multi-` + `lateral` is printed `multi-lateral`).
pub fn reflow(lines: &[&str]) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() && !out.ends_with('-') {
            out.push(' ');
        }
        out.push_str(line);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_rule(line: &str) -> bool {
    line.len() >= 3
        && line.chars().all(|c| c == '-' || c == '*' || c == '_')
        && line
            .chars()
            .all(|c| c == line.chars().next().unwrap_or('-'))
}

fn markdown_heading(line: &str) -> Option<(u8, &str)> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
        Some((hashes as u8, line[hashes..].trim()))
    } else {
        None
    }
}

fn is_page_number(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())
}

/// `<sup>12</sup> Note text` at the start of a line.
fn sup_note(line: &str) -> Option<(u32, &str)> {
    let rest = line.strip_prefix("<sup>")?;
    let end = rest.find("</sup>")?;
    let n = rest[..end].trim().parse().ok()?;
    let text = rest[end + "</sup>".len()..].trim();
    (!text.is_empty()).then_some((n, text))
}

/// A short single line without closing punctuation that starts with a
/// capital or a section number reads as a heading in plain-text extractions.
fn looks_like_plain_heading(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let first = text.chars().next().unwrap_or(' ');
    let last = text.chars().last().unwrap_or('.');
    words <= 14
        && text.len() <= 120
        && (first.is_uppercase() || first.is_ascii_digit())
        && !matches!(
            last,
            '.' | ',' | ';' | ':' | '?' | '!' | '"' | '”' | '’' | ')'
        )
        && text.chars().any(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(doc: &CleanDoc) -> Vec<(&'static str, &str)> {
        doc.blocks
            .iter()
            .map(|b| (b.kind.name(), b.text.as_str()))
            .collect()
    }

    #[test]
    fn reflows_hard_wrapped_lines_into_one_paragraph() {
        let doc = clean(
            "Moscow has recently adopted a strategy aimed at developing \n\nRussia's Far East.\n",
        );
        // Blank lines split groups; the first pass keeps them apart.
        assert_eq!(doc.blocks.len(), 2);
        let doc =
            clean("Moscow has recently adopted a \nstrategy aimed at multi-\nlateral work.\n");
        assert_eq!(
            kinds(&doc),
            vec![(
                "paragraph",
                "Moscow has recently adopted a strategy aimed at multi-lateral work."
            )]
        );
    }

    #[test]
    fn markdown_headings_rules_lists_and_notes() {
        let doc = clean("# 107\n\n# Developing the **Far East**\n\n---\n\n- first item\n- second\n\n<sup>2</sup> 米纳基尔\n");
        assert_eq!(
            kinds(&doc),
            vec![
                ("heading", "Developing the Far East"),
                ("list-item", "first item"),
                ("list-item", "second")
            ]
        );
        assert_eq!(
            doc.notes,
            vec![Note {
                n: 2,
                text: "米纳基尔".into()
            }]
        );
    }

    #[test]
    fn a_sentence_is_not_a_heading_but_a_title_line_is() {
        let doc = clean("Systemic factors in multilateral cooperation\n\nBefore analyzing issues of cooperation, it makes sense.\n");
        assert_eq!(kinds(&doc)[0].0, "heading");
        assert_eq!(kinds(&doc)[1].0, "paragraph");
    }

    #[test]
    fn a_legitimate_line_starting_with_a_number_is_kept() {
        let doc = clean("2009 was a difficult year as regards Korea for Russia and its partners in the region.\n");
        assert_eq!(kinds(&doc), vec![("paragraph", "2009 was a difficult year as regards Korea for Russia and its partners in the region.")]);
    }
}
