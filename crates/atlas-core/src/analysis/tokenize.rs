//! Cutting text into words by Unicode word boundaries (UAX #29), so every
//! script splits correctly: Latin and Cyrillic at spaces and punctuation,
//! CJK into single ideographs, `Russia’s` and `U.S.` kept whole.

use unicode_segmentation::UnicodeSegmentation;

/// The words of `text` with their byte offsets: segments holding at least one
/// letter or digit. Punctuation, spaces and symbols are skipped.
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_word_boundaries_in_every_script() {
        let w: Vec<&str> = words("Russia’s gas—to 中国, Приморский-край 2023!")
            .map(|(_, w)| w)
            .collect();
        assert_eq!(
            w,
            [
                "Russia’s",
                "gas",
                "to",
                "中",
                "国",
                "Приморский",
                "край",
                "2023"
            ]
        );
    }
}
