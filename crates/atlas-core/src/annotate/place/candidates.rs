//! The maintainers' to-do list for the gazetteer: capitalised spans that
//! look like places but are neither an alias nor an ignore span
//! (`atlas report --places`). Each must be resolved by a row in
//! `data/gazetteer.tsv` or `data/gazetteer-ignore.tsv`; a test keeps the
//! list empty for the seeds.
//!
//! A *run* is a sequence of capitalised words separated only by spaces,
//! with the aliases and ignore spans found by the [`super::matcher`] cut out
//! (so `Vladivostok Commercial Sea Port` leaves `Commercial Sea Port`).
//! Function words that open a sentence (`In`, `The`) are dropped from its
//! front. A run is a candidate when
//! - it follows a locative or relational word (`in`, `of`, `to`, `from`,
//!   `near`, …: `in Zarubino`), or
//! - one of its words, or a lowercase word right after it, is a geographic
//!   noun (`Oblast`, `Krai`, `River`, `Sea`, `Island`, `port`, `region`, …:
//!   `Amur Oblast`, `Ussuri river`).
//!
//! A run found only by the first rule is dropped when every one of its words
//! also occurs written in lower case somewhere in the corpus: such runs are
//! title-cased common words (`Ministry of Transport`, `The Dilemmas of
//! Cooperation`), while place names (`Zarubino`, `Nakhodka`) are never
//! written in lower case. A place named only by common words (`Great Wall`)
//! is missed by that rule unless it holds a geographic noun.
//!
//! Deliberately not candidates: all-capital words of one to five letters
//! (acronyms like `APEC`, `SCO`: organisations far more often than places),
//! month names (`in March 2016`), and Cyrillic runs (no triggers are
//! defined for Russian grammar yet).

use super::matcher::PlaceMatcher;
use crate::annotate::{passages, Passage};
use crate::gazetteer::Gazetteer;
use crate::model::Corpus;
use std::collections::HashSet;

/// One capitalised span to review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceCandidate {
    /// Index into `Corpus::documents`.
    pub doc: u32,
    /// The block or note.
    pub passage: Passage,
    /// Byte offset in the passage's text.
    pub start: usize,
    /// Byte offset just past the span.
    pub end: usize,
    /// The span as written.
    pub surface: String,
    /// Why it looks like a place (`after "in"`, `geographic noun "Oblast"`).
    pub trigger: String,
    /// About 40 characters either side, for the report.
    pub context: String,
}

const TRIGGERS_BEFORE: [&str; 12] = [
    "in", "of", "to", "from", "near", "across", "via", "into", "around", "between", "through",
    "towards",
];

const GEO_NOUNS: [&str; 44] = [
    "oblast",
    "krai",
    "kray",
    "province",
    "river",
    "sea",
    "island",
    "islands",
    "port",
    "ports",
    "region",
    "bay",
    "strait",
    "lake",
    "peninsula",
    "territory",
    "okrug",
    "district",
    "republic",
    "gulf",
    "prefecture",
    "mountains",
    "range",
    "valley",
    "city",
    "ocean",
    "basin",
    "plain",
    "plateau",
    "harbour",
    "harbor",
    "railway",
    "railroad",
    "pipeline",
    "highway",
    "corridor",
    "zone",
    "field",
    "deposit",
    "bridge",
    "terminal",
    "county",
    "raion",
    "oblast’",
];

/// Words that open sentences; never the first word of a candidate.
const SENTENCE_WORDS: [&str; 40] = [
    "the", "in", "of", "a", "an", "and", "but", "for", "from", "to", "at", "on", "by", "this",
    "that", "these", "those", "its", "with", "as", "it", "since", "while", "however", "moreover",
    "thus", "if", "when", "after", "before", "during", "both", "such", "all", "many", "most",
    "some", "under", "between", "there",
];

/// Capitalised words that are never (part of) a place name here.
const NEVER_PLACE_WORDS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A word of a passage: its byte range and whether only spaces separate it
/// from the word before.
struct Word {
    start: usize,
    end: usize,
    spaced: bool,
    covered: bool,
}

/// Every unreviewed candidate in the corpus's blocks and notes.
pub fn place_candidates(
    corpus: &Corpus,
    gazetteer: &Gazetteer,
) -> Result<Vec<PlaceCandidate>, crate::error::Error> {
    let matcher = PlaceMatcher::new(gazetteer)?;
    let lower_words = lower_case_words(corpus);
    let mut out = Vec::new();
    for (d, doc) in corpus.documents.iter().enumerate() {
        for (passage, text) in passages(doc) {
            for (start, end, trigger) in candidates_in(&matcher, &lower_words, text) {
                out.push(PlaceCandidate {
                    doc: d as u32,
                    passage,
                    start,
                    end,
                    surface: text[start..end].to_string(),
                    trigger,
                    context: context(text, start, end, 40),
                });
            }
        }
    }
    Ok(out)
}

/// Every word of the corpus's blocks and notes that starts with a
/// lower-case letter: the common words.
pub fn lower_case_words(corpus: &Corpus) -> HashSet<String> {
    let mut out = HashSet::new();
    for doc in &corpus.documents {
        for (_, text) in passages(doc) {
            for w in words(text, &[]) {
                let word = &text[w.start..w.end];
                if word.chars().next().is_some_and(char::is_lowercase) {
                    out.insert(word.to_string());
                }
            }
        }
    }
    out
}

/// Candidates in one text: `(start, end, trigger)`. `lower_words` holds the
/// corpus's common words (see [`lower_case_words`]).
pub fn candidates_in(
    matcher: &PlaceMatcher,
    lower_words: &HashSet<String>,
    text: &str,
) -> Vec<(usize, usize, String)> {
    let hits = matcher.covered(text);
    let words = words(text, &hits);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !is_capitalised(text, &words[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < words.len() && words[j].spaced && is_capitalised(text, &words[j]) {
            j += 1;
        }
        let mut first = i;
        while first < j && SENTENCE_WORDS.contains(&lower(text, &words[first]).as_str()) {
            first += 1;
        }
        if first < j {
            if let Some(found) = judge(text, &words, first, j, lower_words) {
                out.push(found);
            }
        }
        i = j;
    }
    out
}

fn judge(
    text: &str,
    words: &[Word],
    first: usize,
    end: usize,
    lower_words: &HashSet<String>,
) -> Option<(usize, usize, String)> {
    let start = words[first].start;
    let mut stop = words[end - 1].end;
    // Geographic nouns alone name nothing: their name stands before them,
    // matched or cut off by a bracket (`the Tongjiang (Amur River) Bridge`).
    if (first..end).all(|k| GEO_NOUNS.contains(&lower(text, &words[k]).as_str())) {
        return None;
    }
    if let Some(noun) = (first..end)
        .map(|k| lower(text, &words[k]))
        .find(|w| GEO_NOUNS.contains(&w.as_str()))
    {
        return Some((start, stop, format!("geographic noun {noun:?}")));
    }
    if let Some(next) = words.get(end).filter(|w| w.spaced && !w.covered) {
        let noun = lower(text, next);
        if GEO_NOUNS.contains(&noun.as_str()) {
            stop = next.end;
            return Some((start, stop, format!("geographic noun {noun:?}")));
        }
    }
    if first > 0 && words[first].spaced && !words[first - 1].covered {
        let before = &text[words[first - 1].start..words[first - 1].end];
        let common = (first..end).all(|k| lower_words.contains(&lower(text, &words[k])));
        if TRIGGERS_BEFORE.contains(&before) && !common {
            return Some((start, stop, format!("after {before:?}")));
        }
    }
    None
}

fn lower(text: &str, w: &Word) -> String {
    text[w.start..w.end].to_lowercase()
}

/// A capitalised Latin word not covered by a match and not a short acronym.
fn is_capitalised(text: &str, w: &Word) -> bool {
    if w.covered {
        return false;
    }
    let word = &text[w.start..w.end];
    if NEVER_PLACE_WORDS.contains(&word.to_lowercase().as_str()) {
        return false;
    }
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !(first.is_uppercase() && is_latin(first)) {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = word.chars().all(|c| !c.is_lowercase());
    !(all_caps && letters <= 5)
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c)
}

/// Words: runs of letters and digits, with `-`, `'` and `’` inside them.
/// A word overlapping a match is `covered`.
fn words(text: &str, hits: &[(usize, usize)]) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut gap_is_space = true;
    let mut saw_gap = true;
    while let Some((i, c)) = chars.next() {
        if !c.is_alphanumeric() {
            if !c.is_whitespace() {
                gap_is_space = false;
            }
            saw_gap = true;
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        while let Some(&(k, c)) = chars.peek() {
            let joiner = matches!(c, '-' | '\'' | '’');
            let next_is_word = text[k + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            if c.is_alphanumeric() || (joiner && next_is_word) {
                end = k + c.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let covered = hits.iter().any(|h| h.0 < end && start < h.1);
        out.push(Word {
            start,
            end,
            spaced: saw_gap && gap_is_space && !out.is_empty(),
            covered,
        });
        gap_is_space = true;
        saw_gap = false;
    }
    out
}

/// `text[start..end]` with up to `chars` characters either side.
pub fn context(text: &str, start: usize, end: usize, chars: usize) -> String {
    let before: String = {
        let mut v: Vec<char> = text[..start].chars().rev().take(chars).collect();
        v.reverse();
        v.into_iter().collect()
    };
    let after: String = text[end..].chars().take(chars).collect();
    format!("{before}[{}]{after}", &text[start..end]).replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{parse_ignore, Gazetteer};

    fn found(text: &str) -> Vec<String> {
        let g = Gazetteer::parse(
            "id\tname\tkind\tcountry\tlat\tlon\tsource\taliases\twaypoints\n\
             vladivostok\tVladivostok\tcity\tRU\t43\t131\tgeonames:1\tVladivostok\t\n",
            "g.tsv",
        )
        .unwrap()
        .with_ignore(
            parse_ignore("surface\treason\nForeign Affairs\ttitle\n", "i.tsv").unwrap(),
            "i.tsv",
        )
        .unwrap();
        let m = PlaceMatcher::new(&g).expect("compiles");
        let lower: HashSet<String> = ["ministry", "transport", "harvest"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        candidates_in(&m, &lower, text)
            .into_iter()
            .map(|(s, e, _)| text[s..e].to_string())
            .collect()
    }

    #[test]
    fn runs_after_locatives_and_with_geographic_nouns() {
        assert_eq!(found("a new port in Zarubino was built"), ["Zarubino"]);
        assert_eq!(found("In Amur Oblast the harvest"), ["Amur Oblast"]);
        assert_eq!(found("along the Ussuri river banks"), ["Ussuri river"]);
        assert_eq!(
            found("the Vladivostok Commercial Sea Port"),
            ["Commercial Sea Port"]
        );
    }

    #[test]
    fn known_spans_acronyms_and_sentence_openers_are_not() {
        assert!(found("a journal of Foreign Affairs").is_empty());
        assert!(found("members of APEC and in Vladivostok").is_empty());
        assert!(found("The report. However, it").is_empty());
        assert!(found("Vladivostok is a city").is_empty());
        assert!(found("the Ministry of Transport").is_empty());
        assert!(found("in March 2016").is_empty());
        // A geographic noun alone belongs to the name before it.
        assert!(found("the Vladivostok (Golden Horn) Bridge").is_empty());
        assert_eq!(found("the Zolotoy Bridge"), ["Zolotoy Bridge"]);
    }
}
