//! Title and byline lines that merely repeat the curated metadata.
//!
//! Extractions keep the title page as body text: `003_…` opens with
//! "RUSSIA’S FAILURE IN ASIA" and "Stephen Blank", `001_…` with its title as a
//! `#` heading and "Feng Shaolei, Cui Heng". The reader already shows title
//! and authors from the catalog, so these opening blocks are moved out of the
//! body — but only when they say nothing more than the metadata (compared
//! ignoring case, punctuation and word order for bylines), and each move is
//! audited.

use crate::clean::CleanBlock;
use crate::model::{AuditAction, AuditEntry, BlockKind};

/// How many opening blocks are looked at: title pages are short.
const FRONT_BLOCKS: usize = 4;

/// Removes opening blocks equal to `title` or consisting only of `authors`.
pub fn drop_repeated_front_matter(
    blocks: &mut Vec<CleanBlock>,
    title: &str,
    authors: &[String],
    audit: &mut Vec<AuditEntry>,
) {
    let title_key = letters(title);
    let mut author_words: Vec<String> = authors.iter().flat_map(|a| words(a)).collect();
    author_words.sort();
    let mut n = 0;
    while n < blocks.len().min(FRONT_BLOCKS) {
        let block = &blocks[n];
        let is_title = !title_key.is_empty()
            && (letters(&block.text) == title_key
                || is_byline_colon_title(&block.text, &title_key));
        let is_byline = !author_words.is_empty() && block.kind != BlockKind::ListItem && {
            let mut w: Vec<String> = words(&block.text)
                .into_iter()
                .filter(|w| w != "and")
                .collect();
            w.sort();
            w == author_words
        };
        if is_title || is_byline {
            let what = if is_title { "title" } else { "byline" };
            audit.push(AuditEntry {
                rule: "front_matter".into(),
                action: AuditAction::ToMeta,
                line: block.line,
                line_end: block.line_end.max(block.line),
                reason: format!("the {what} repeats the curated metadata shown above the text"),
                excerpt: block.text.clone(),
            });
            blocks.remove(n);
        } else {
            n += 1;
        }
    }
}

/// "A. Lukin: Multilateral Cooperation in …" (`002_…`): a short name, a
/// colon, then exactly the title.
fn is_byline_colon_title(text: &str, title_key: &str) -> bool {
    text.split_once(':').is_some_and(|(who, rest)| {
        who.split_whitespace().count() <= 4 && letters(rest) == title_key
    })
}

/// Lower-case letters and digits only: "Russia’s Failure in Asia" and
/// "RUSSIA’S FAILURE IN ASIA" compare equal.
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(kind: BlockKind, text: &str) -> CleanBlock {
        CleanBlock {
            kind,
            text: text.into(),
            spans: vec![],
            notes: vec![],
            line: 1,
            line_end: 1,
        }
    }

    #[test]
    fn title_and_byline_repeats_leave_the_body() {
        let mut blocks = vec![
            block(BlockKind::Heading { level: 1 }, "RUSSIA’S FAILURE IN ASIA"),
            block(BlockKind::Paragraph, "Stephen Blank"),
            block(BlockKind::Heading { level: 2 }, "1. Introduction"),
        ];
        let mut audit = vec![];
        drop_repeated_front_matter(
            &mut blocks,
            "Russia’s Failure in Asia",
            &["Stephen Blank".into()],
            &mut audit,
        );
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].text, "1. Introduction");
        assert_eq!(audit.len(), 2);
        assert!(audit.iter().all(|a| a.action == AuditAction::ToMeta));
    }

    #[test]
    fn lines_that_say_more_than_the_metadata_stay() {
        let mut blocks = vec![
            block(
                BlockKind::Paragraph,
                "Feng Shaolei, Cui Heng and Ivan Petrov",
            ),
            block(
                BlockKind::Paragraph,
                "Russia’s Failure in Asia is the subject of this paper.",
            ),
        ];
        let mut audit = vec![];
        drop_repeated_front_matter(
            &mut blocks,
            "Russia’s Failure in Asia",
            &["Feng Shaolei".into(), "Cui Heng".into()],
            &mut audit,
        );
        assert_eq!(blocks.len(), 2);
        assert!(audit.is_empty());
    }

    #[test]
    fn byline_colon_title_is_a_title_line() {
        let title =
            "Multilateral Cooperation in Northeast Asia and Prospects for Regional Community";
        let mut blocks = vec![
            block(
                BlockKind::Heading { level: 2 },
                &format!("A. Lukin: {title}"),
            ),
            block(
                BlockKind::Heading { level: 2 },
                "Note: Multilateral Cooperation",
            ),
        ];
        let mut audit = vec![];
        drop_repeated_front_matter(&mut blocks, title, &["Alexander Lukin".into()], &mut audit);
        assert_eq!(blocks.len(), 1);
    }

    #[test]
    fn a_byline_in_any_order_with_commas_and_and() {
        let mut blocks = vec![block(BlockKind::Paragraph, "Feng Shaolei, Cui Heng")];
        let mut audit = vec![];
        drop_repeated_front_matter(
            &mut blocks,
            "X",
            &["Feng Shaolei".into(), "Cui Heng".into()],
            &mut audit,
        );
        assert!(blocks.is_empty());
    }
}
