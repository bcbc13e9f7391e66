//! Stemming by script: Cyrillic words get the Russian Snowball stemmer, Latin
//! words the English one (the seeds' Latin text is English), anything else
//! (CJK, Arabic digits) is kept as folded. Deciding by script rather than by
//! the block's language means a query, which has no language, is stemmed
//! exactly like the text.

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

/// The writing system of a folded word, as far as stemming cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Has a Cyrillic letter.
    Cyrillic,
    /// Latin letters (and digits, apostrophes, dots) only.
    Latin,
    /// Anything else.
    Other,
}

/// The script of a folded word.
pub fn script(word: &str) -> Script {
    if word.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)) {
        Script::Cyrillic
    } else if word
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '\'' | '.' | '_'))
    {
        Script::Latin
    } else {
        Script::Other
    }
}

fn english() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::English))
}

fn russian() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::Russian))
}

/// The stem of a folded word; apostrophes and dots are dropped afterwards
/// (`russia's` → `russia`, `u.s` → `us`).
pub fn stem(folded: &str) -> String {
    let stemmed = match script(folded) {
        Script::Latin if folded.chars().any(|c| c.is_ascii_alphabetic()) => {
            english().stem(folded).into_owned()
        }
        Script::Cyrillic => russian().stem(folded).into_owned(),
        _ => folded.to_string(),
    };
    let cleaned: String = stemmed
        .chars()
        .filter(|c| !matches!(c, '\'' | '.'))
        .collect();
    if cleaned.is_empty() {
        folded.to_string()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_by_script() {
        assert_eq!(stem("pipelines"), "pipelin");
        assert_eq!(stem("pipeline"), "pipelin");
        assert_eq!(stem("приморского"), "приморск");
        assert_eq!(stem("приморский"), "приморск");
        assert_eq!(stem("russia's"), "russia");
        assert_eq!(stem("2023"), "2023");
        assert_eq!(stem("中"), "中");
    }
}
