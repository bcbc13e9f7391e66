//! Counts shown in the library view and printed by `atlas docs`.

use crate::model::{Block, BlockKind, Stats};

/// Number of words in `text`: maximal runs of letters, digits and
/// apostrophes that contain at least one letter or digit.
pub fn word_count(text: &str) -> usize {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Words and paragraphs over body blocks (headings count words, not paragraphs).
pub fn document_stats(blocks: &[Block]) -> Stats {
    let words = blocks.iter().map(|b| word_count(&b.text)).sum::<usize>();
    let paragraphs = blocks
        .iter()
        .filter(|b| !matches!(b.kind, BlockKind::Heading { .. }))
        .count();
    Stats {
        words: u32::try_from(words).unwrap_or(u32::MAX),
        paragraphs: u32::try_from(paragraphs).unwrap_or(u32::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::word_count;

    #[test]
    fn counts_words_not_punctuation() {
        assert_eq!(word_count("Russia’s Far East — in 2013-2016, $2.1bn!"), 8);
        assert_eq!(word_count("  — … "), 0);
    }
}
