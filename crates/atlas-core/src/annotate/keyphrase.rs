//! Key phrases: per document, the dozen 1–3-word terms that set it apart
//! from the rest of the corpus ("characteristic terms"), for the library
//! card and the reader's side panel.
//!
//! A candidate is a run of one to three words of the body blocks before a
//! `References` heading (notes and reference lists are titles, publishers
//! and links) that
//! - holds no stop word (`of the Far East` → `Far East`; inner stop words
//!   made fragments like `East and Siberia`),
//! - holds no number, no one-letter word and nothing of a web address,
//! - is not cut by punctuation (a hyphen or an apostrophe may join words),
//! - does not cut a hyphenated word (`technical know` of `know-how`),
//!   holds no number word (`billion`, `percent`),
//! - is not a fragment: no single phrase one word longer accounts for
//!   three quarters of its occurrences (`developing Russia’s Far` is always
//!   followed by `East`), and it is not continued on one side nine times
//!   in ten (`Far` of `Far East`, `Far Eastern`),
//! - occurs at least [`MIN_COUNT`] times in the document,
//! - is not made only of generic words (`data/keyphrase-generic.txt`:
//!   `development`, `issue`, `system`, `long-term` are no subject of a
//!   paper, though `energy cooperation` is). The list is curated from what
//!   the seeds ranked; the statistics cannot tell these apart, since one
//!   paper may simply use policy prose more than the others.
//!
//! Words are compared by their search terms ([`crate::analysis`]: folded
//! and stemmed, so `pipelines` counts as `pipeline`); the phrase is shown in
//! its most frequent surface form. Each candidate is scored by Dunning's
//! log-likelihood G² of its count in the document against its count in the
//! other documents (word counts as the sizes), times its number of words so
//! a two-word term can beat the single words inside it; only terms more
//! frequent in the document than elsewhere qualify. Going down the ranking,
//! a phrase that contains, or is contained in, one already chosen is
//! skipped, so `gas` does not follow `gas pipeline`.

use crate::analysis::{tokens, Token};
use crate::error::{Error, ErrorKind};
use crate::model::{Document, KeyPhrase};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Key phrases kept per document.
pub const PHRASES_PER_DOC: usize = 12;
/// Fewest occurrences in the document for a phrase to be a key phrase.
pub const MIN_COUNT: u32 = 2;
/// Longest phrase, in words.
pub const MAX_WORDS: usize = 3;
/// A phrase is a fragment when one longer phrase holds at least this share
/// (numerator / denominator) of its occurrences.
const FRAGMENT_NUMERATOR: u64 = 3;
const FRAGMENT_DENOMINATOR: u64 = 4;
/// A phrase is bound when longer phrases on one side hold at least this
/// share of its occurrences.
const BOUND_NUMERATOR: u64 = 9;
const BOUND_DENOMINATOR: u64 = 10;

/// Adverbs and connectives the search keeps (they are not stop words
/// there) but that never characterise a paper.
const FILLER_WORDS: [&str; 10] = [
    "also",
    "upon",
    "however",
    "thus",
    "therefore",
    "moreover",
    "well",
    "even",
    "yet",
    "still",
];

/// Number words: `billion USD` says how much, not what about.
const NUMBER_WORDS: [&str; 9] = [
    "billion", "bn", "million", "mln", "trillion", "thousand", "hundred", "percent", "per",
];

/// The file of generic words of policy prose (one a line, see its header),
/// as errors name it.
pub const GENERIC_FILE: &str = crate::bundled::KEYPHRASE_GENERIC.path;

/// The search terms of the generic words of policy prose: a phrase made
/// only of them is no key phrase.
#[derive(Debug, Clone, Default)]
pub struct GenericWords(HashSet<String>);

impl GenericWords {
    /// The reviewed list in `data/keyphrase-generic.txt`. A malformed line
    /// stops the build: unfiltered key phrases would go unnoticed.
    pub fn bundled() -> Result<GenericWords, Error> {
        GenericWords::parse(GENERIC_FILE, crate::bundled::KEYPHRASE_GENERIC.text)
    }

    /// Parses the list; `file` names it in errors. An entry that is not
    /// exactly one word, or is a stop word (never a phrase word anyway), is
    /// an error `FILE:LINE: reason`.
    pub fn parse(file: &str, text: &str) -> Result<GenericWords, Error> {
        let mut terms = HashSet::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fail = |reason: String| Error::at_line(file, i + 1, ErrorKind::Data(reason));
            match tokens(line).as_slice() {
                [t] if t.start == 0 && t.end == line.len() && !t.stop => {
                    terms.insert(t.term.clone());
                }
                [t] if t.stop => return Err(fail(format!("{line:?} is a stop word already"))),
                _ => return Err(fail(format!("{line:?} is not one word"))),
            }
        }
        Ok(GenericWords(terms))
    }

    /// `true` when every word of the phrase key is a generic word.
    fn covers(&self, key: &str) -> bool {
        key.split(' ').all(|term| self.0.contains(term))
    }

    /// Whether `term` (a search term) is on the list.
    pub fn contains(&self, term: &str) -> bool {
        self.0.contains(term)
    }
}

/// Counts of one document: phrase key (terms joined by spaces) → count and
/// surface forms, plus the number of words.
#[derive(Default)]
struct DocCounts {
    words: u64,
    phrases: HashMap<String, (u32, BTreeMap<String, u32>)>,
}

/// The key phrases of every document, in document order; none is made
/// only of `generic` words.
pub fn key_phrases(documents: &[Document], generic: &GenericWords) -> Vec<Vec<KeyPhrase>> {
    let counts: Vec<DocCounts> = documents.iter().map(count_document).collect();
    let mut corpus: HashMap<&str, u32> = HashMap::new();
    let mut corpus_words = 0;
    for c in &counts {
        corpus_words += c.words;
        for (key, (n, _)) in &c.phrases {
            *corpus.entry(key.as_str()).or_default() += n;
        }
    }
    counts
        .iter()
        .map(|c| choose(c, &corpus, corpus_words, generic))
        .collect()
}

fn choose(
    doc: &DocCounts,
    corpus: &HashMap<&str, u32>,
    corpus_words: u64,
    generic: &GenericWords,
) -> Vec<KeyPhrase> {
    let rest_words = corpus_words.saturating_sub(doc.words);
    let mut scored: Vec<(f64, &str, u32, &BTreeMap<String, u32>)> = doc
        .phrases
        .iter()
        .filter(|(key, (n, _))| *n >= MIN_COUNT && !generic.covers(key))
        .filter_map(|(key, (n, surfaces))| {
            let rest = corpus
                .get(key.as_str())
                .copied()
                .unwrap_or(0)
                .saturating_sub(*n);
            let g2 = log_likelihood(*n, doc.words, rest, rest_words)?;
            let words = key.split(' ').count() as f64;
            Some((g2 * words, key.as_str(), *n, surfaces))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let mut chosen: Vec<(&str, KeyPhrase)> = Vec::new();
    for (score, key, count, surfaces) in scored {
        if chosen.len() == PHRASES_PER_DOC {
            break;
        }
        if chosen.iter().any(|(k, _)| nested(k, key)) {
            continue;
        }
        let text = surfaces
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(s, _)| s.clone())
            .unwrap_or_default();
        chosen.push((
            key,
            KeyPhrase {
                text,
                count,
                score: score as f32,
            },
        ));
    }
    chosen.into_iter().map(|(_, k)| k).collect()
}

/// Dunning's G² for `a` occurrences in `n_a` words against `b` in `n_b`;
/// `None` unless the first text uses the phrase more (relatively).
fn log_likelihood(a: u32, n_a: u64, b: u32, n_b: u64) -> Option<f64> {
    let (a, b, n_a, n_b) = (f64::from(a), f64::from(b), n_a as f64, n_b as f64);
    if n_a == 0.0 || a / n_a <= b / n_b.max(1.0) {
        return None;
    }
    let expected_a = n_a * (a + b) / (n_a + n_b);
    let expected_b = n_b * (a + b) / (n_a + n_b);
    let term = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
    Some(2.0 * (term(a, expected_a) + term(b, expected_b)))
}

/// `true` when one key's words are a contiguous part of the other's.
fn nested(a: &str, b: &str) -> bool {
    let inside = |short: &str, long: &str| format!(" {long} ").contains(&format!(" {short} "));
    inside(a, b) || inside(b, a)
}

fn count_document(doc: &Document) -> DocCounts {
    let mut counts = DocCounts::default();
    // Phrase key → (longer phrase key → count), for the fragment rule.
    let mut extensions: HashMap<String, [HashMap<String, u32>; 2]> = HashMap::new();
    for block in doc.blocks.iter().take_while(|b| !is_references_heading(b)) {
        let text = block.text.as_str();
        let toks: Vec<Token> = tokens(text)
            .into_iter()
            .filter(|t| !in_web_address(text, t))
            .collect();
        counts.words += toks.len() as u64;
        for i in 0..toks.len() {
            for n in 1..=MAX_WORDS + 1 {
                let Some(run) = toks.get(i..i + n) else {
                    break;
                };
                if !joined(text, run) {
                    break;
                }
                let key = run_key(run);
                if n > 1 {
                    // A longer run extends its shorter parts by one
                    // content word on either side (0: right, 1: left).
                    for (side, extra, part) in [(0, n - 1, &run[..n - 1]), (1, 0, &run[1..])] {
                        if !run[extra].stop {
                            let slot = &mut extensions.entry(run_key(part)).or_default()[side];
                            *slot.entry(key.clone()).or_default() += 1;
                        }
                    }
                }
                let cuts_compound = hyphenated(text, i.checked_sub(1).map(|p| &toks[p]), &run[0])
                    || hyphenated(
                        text,
                        Some(&run[n - 1]),
                        toks.get(i + n).unwrap_or(&run[n - 1]),
                    );
                if n > MAX_WORDS
                    || cuts_compound
                    || run.iter().any(|t| {
                        let w = t.folded.as_str();
                        t.stop || NUMBER_WORDS.contains(&w) || FILLER_WORDS.contains(&w)
                    })
                {
                    continue;
                }
                let surface = text[run[0].start..run[n - 1].end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                let entry = counts.phrases.entry(key).or_default();
                entry.0 += 1;
                *entry.1.entry(surface).or_default() += 1;
            }
        }
    }
    // A fragment of a longer name (`developing Russia’s Far` of
    // `developing Russia’s Far East`) is not a phrase of its own: drop a
    // phrase when one extension accounts for most of its occurrences.
    // So is a word nearly always continued on one side, whatever the
    // continuation (`Far` of `Far East` and `Far Eastern`).
    counts.phrases.retain(|key, (n, _)| {
        let Some(sides) = extensions.get(key) else {
            return true;
        };
        let n = u64::from(*n);
        let longest = sides
            .iter()
            .flat_map(|s| s.values())
            .max()
            .copied()
            .unwrap_or(0);
        let bound = sides
            .iter()
            .map(|s| s.values().map(|&c| u64::from(c)).sum::<u64>())
            .max()
            .unwrap_or(0);
        u64::from(longest) * FRAGMENT_DENOMINATOR < n * FRAGMENT_NUMERATOR
            && bound * BOUND_DENOMINATOR < n * BOUND_NUMERATOR
    });
    counts
}

/// `true` when only a hyphen joins `before` and `after` (a phrase must not
/// cut `know-how` into `know`).
fn hyphenated(text: &str, before: Option<&Token>, after: &Token) -> bool {
    before.is_some_and(|b| {
        b.end < after.start && matches!(&text[b.end..after.start], "-" | "‐" | "–")
    })
}

fn run_key(run: &[Token]) -> String {
    run.iter()
        .map(|t| t.term.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The reference list ends the running text: its titles, publishers and
/// links would otherwise be the "characteristic" terms of a paper.
fn is_references_heading(block: &crate::model::Block) -> bool {
    matches!(block.kind, crate::model::BlockKind::Heading { .. })
        && REFERENCES_HEADINGS.contains(&block.text.trim().to_lowercase().as_str())
}

/// Headings that open a reference list.
const REFERENCES_HEADINGS: [&str; 6] = [
    "references",
    "bibliography",
    "literature",
    "sources",
    "список литературы",
    "литература",
];

/// A word inside a web address or DOI (`https`, `doi.org`, `www`).
fn in_web_address(text: &str, t: &Token) -> bool {
    let start = text[..t.start]
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + 1);
    let end = text[t.end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| t.end + i);
    let chunk = &text[start..end];
    chunk.contains("://") || chunk.contains("www.") || chunk.contains("doi.org")
}

/// The words of `run` follow each other with only spaces, a hyphen or an
/// apostrophe between them, and none is a number or a single letter.
fn joined(text: &str, run: &[Token]) -> bool {
    let gaps_ok = run.windows(2).all(|w| {
        text[w[0].end..w[1].start]
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '-' | '‐' | '\'' | '’'))
    });
    let words_ok = run
        .iter()
        .all(|t| t.folded.chars().count() > 1 && !t.folded.chars().any(|c| c.is_ascii_digit()));
    gaps_ok && words_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::decode_seed;

    #[test]
    fn the_generic_word_list_parses_and_every_entry_is_one_word() {
        let words = GenericWords::bundled().unwrap();
        assert!(
            words.contains("develop") && words.contains("issu"),
            "{words:?}"
        );
    }

    /// Made-up malformed lists: each names the file, the line and why.
    #[test]
    fn a_malformed_generic_word_list_is_an_error_with_file_line_and_reason() {
        for (text, line, reason) in [
            ("# source\nlong-term\n", 2, "\"long-term\" is not one word"),
            ("# source\n\nthe\n", 3, "\"the\" is a stop word already"),
            ("# source\nfar east\n", 2, "\"far east\" is not one word"),
        ] {
            let err = GenericWords::parse(GENERIC_FILE, text).unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("data/keyphrase-generic.txt:{line}: {reason}")
            );
        }
    }

    /// Regression (issue 17): a malformed list used to leave the filter
    /// empty; now the bundled data, which the pipeline needs, fails with it.
    #[test]
    fn the_pipeline_reads_the_generic_words_through_the_bundled_data() {
        let data = crate::annotate::AnnotationData::builtin().expect("bundled data");
        assert!(data.generic_words.contains("develop"));
    }

    /// Regression: `atlas tags` gave the seeds key phrases such as
    /// `development` (001_…), `system`, `power`, `North` (002_…), `issue`,
    /// `Minister` (003_…), `increase`, `events` and `long-term` (004_…).
    #[test]
    fn generic_words_are_no_key_phrases_alone_but_stay_in_names() {
        let a = doc(
            "a.txt",
            "The development of the gas pipeline. Development, development.\n\n\
             The long-term issue: energy cooperation, energy cooperation and the gas pipeline.\n\n\
             A long-term issue of development, and energy cooperation with the gas pipeline.",
        );
        let b = doc(
            "b.txt",
            "The trade of Russia with Japan.\n\nThe trade of Japan.",
        );
        let phrases = key_phrases(&[a, b], &GenericWords::bundled().unwrap());
        let texts: Vec<&str> = phrases[0].iter().map(|k| k.text.as_str()).collect();
        for generic in ["development", "Development", "long-term", "issue"] {
            assert!(!texts.contains(&generic), "{generic}: {texts:?}");
        }
        assert!(texts.contains(&"energy cooperation"), "{texts:?}");
        assert!(texts.contains(&"gas pipeline"), "{texts:?}");
    }

    fn doc(name: &str, text: &str) -> Document {
        let seed = decode_seed(name, text.as_bytes()).unwrap();
        crate::pipeline::build_document(&seed, None)
    }

    #[test]
    fn distinctive_phrases_win_and_nested_ones_are_skipped() {
        let a = doc(
            "a.txt",
            "The gas pipelines of Sakhalin. A gas pipeline to China.\n\n\
             The gas pipeline talks, the 2019 talks.\n\nThe trade of Russia and the trade of China.",
        );
        let b = doc(
            "b.txt",
            "The trade of Russia with Japan.\n\nThe trade of Japan and Korea, and more trade.",
        );
        let phrases = key_phrases(&[a, b], &GenericWords::bundled().unwrap());
        let texts: Vec<&str> = phrases[0].iter().map(|k| k.text.as_str()).collect();
        assert_eq!(texts.first(), Some(&"gas pipeline"), "{texts:?}");
        assert!(
            !texts.contains(&"gas") && !texts.contains(&"pipelines"),
            "{texts:?}"
        );
        assert!(
            !texts
                .iter()
                .any(|t| t.contains("2019") || t.starts_with("the ")),
            "{texts:?}"
        );
        assert_eq!(phrases[0][0].count, 3);
    }
}
