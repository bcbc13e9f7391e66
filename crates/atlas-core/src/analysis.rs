//! Text analysis shared by indexing and querying: the one place that decides
//! what a "term" is. The index and the query parser both call [`tokens`] and
//! [`analyze_word`], so a word is always reduced the same way on both sides.
//!
//! A word goes through: Unicode word boundaries ([`tokenize`]) → folding of
//! case, diacritics, `ё`, typographic quotes ([`fold`]) → a stop-word check
//! ([`stopwords`]) → a Snowball stem chosen by script ([`stem`]). Separately,
//! [`translit`] derives a script-neutral "phonetic key" so Cyrillic and the
//! common romanisations of it meet.

pub mod fold;
pub mod stem;
pub mod stopwords;
pub mod tokenize;
pub mod translit;

/// One word of a text, analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the word in the analysed text.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// The word folded (lower case, no diacritics, `ё` → `е`).
    pub folded: String,
    /// The index term: the folded word, stemmed.
    pub term: String,
    /// `true` for a stop word (kept for phrases and snippets, never indexed).
    pub stop: bool,
}

/// Every word of `text`, in order, analysed. Punctuation and spaces are skipped.
pub fn tokens(text: &str) -> Vec<Token> {
    tokenize::words(text)
        .map(|(start, word)| {
            let analysed = analyze_word(word);
            Token {
                start,
                end: start + word.len(),
                folded: analysed.folded,
                term: analysed.term,
                stop: analysed.stop,
            }
        })
        .collect()
}

/// A word of a text, folded, its stem computed only when first asked for.
/// Snippets and highlighting match a query against a passage's words; most
/// words cannot match, and stemming them all would be most of the cost.
#[derive(Debug, Clone)]
pub struct TextWord {
    /// Byte offset of the word in the text.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// The word folded.
    pub folded: String,
    term: std::cell::OnceCell<String>,
}

impl TextWord {
    /// The word's index term (as [`analyze_word`] gives it).
    pub fn term(&self) -> &str {
        self.term.get_or_init(|| stem::stem(&self.folded))
    }

    /// `true` when this word may stem to `term`: Snowball stemmers only
    /// rewrite the end of a word, so all but the stem's last character must
    /// begin the folded word. A cheap test before [`TextWord::term`].
    pub fn may_stem_to(&self, term: &str) -> bool {
        let mut cut = term.chars();
        cut.next_back();
        self.folded.starts_with(cut.as_str())
    }
}

/// Every word of `text`, folded, stems left for later.
pub fn text_words(text: &str) -> Vec<TextWord> {
    tokenize::words(text)
        .map(|(start, word)| TextWord {
            start,
            end: start + word.len(),
            folded: fold::fold(word),
            term: std::cell::OnceCell::new(),
        })
        .collect()
}

/// The form of a folded word that counts as "the same word" for exact
/// matching (issue 19: an exact match outranks a stemmed one): the folded
/// word without a possessive `'s` or final apostrophe and without the
/// apostrophes and dots inside it, so `Russia’s` and `Russia` are the same
/// word and `U.S.` is `us`, while `pipelines` and `pipeline` are not.
/// The index records these forms per term; a query word compares its own.
pub fn exact_form(folded: &str) -> String {
    let base = folded
        .strip_suffix("'s")
        .or_else(|| folded.strip_suffix('\''))
        .unwrap_or(folded);
    let cleaned: String = base.chars().filter(|c| !matches!(c, '\'' | '.')).collect();
    if cleaned.is_empty() {
        folded.to_string()
    } else {
        cleaned
    }
}

/// A single word, analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word folded.
    pub folded: String,
    /// The folded word, stemmed.
    pub term: String,
    /// `true` for a stop word.
    pub stop: bool,
}

/// Folds, checks and stems one word (a word as [`tokenize::words`] yields it).
pub fn analyze_word(word: &str) -> Word {
    let folded = fold::fold(word);
    let stop = stopwords::is_stop_word(&folded);
    let term = stem::stem(&folded);
    Word { folded, term, stop }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_carry_offsets_terms_and_stop_flags() {
        let text = "The Énergie “bridge” of Приморья";
        let t = tokens(text);
        let terms: Vec<&str> = t.iter().map(|t| t.term.as_str()).collect();
        assert_eq!(terms, ["the", "energi", "bridg", "of", "примор"]);
        assert!(t[0].stop && t[3].stop && !t[1].stop);
        assert_eq!(&text[t[2].start..t[2].end], "bridge");
    }

    #[test]
    fn exact_forms_drop_possessives_and_inner_dots_only() {
        assert_eq!(exact_form("russia's"), "russia");
        assert_eq!(exact_form("powers'"), "powers");
        assert_eq!(exact_form("u.s"), "us");
        assert_eq!(exact_form("pipelines"), "pipelines");
        assert_eq!(exact_form("'"), "'");
        assert_eq!(exact_form("приморья"), "приморья");
    }
}
