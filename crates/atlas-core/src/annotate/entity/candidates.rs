//! The maintainers' to-do list for the entity lists (`atlas report
//! --entities`), in two parts ([`review`]):
//! - the **automatic entities** ([`super::auto`]) with every mention and
//!   its context: each is promoted by a row in `data/people.tsv` /
//!   `data/organisations.tsv` (its mentions then become curated) or
//!   rejected by its span in `data/entities-ignore.tsv`; a test keeps the
//!   seeds' list equal to a reviewed fixture
//!   (`tests/fixtures/entities_auto_per_seed.txt`);
//! - the **candidates**: spans that look like a person or an organisation
//!   but are neither an alias, nor an ignore span, nor an automatic
//!   mention. Each is resolved by a row in one of those files; a test
//!   keeps this part empty for the seeds.
//!
//! The candidate patterns, both deliberately narrow (a list to review, not a tagger):
//! - **title + name**: a title word (`President`, `Premier`, `Minister` —
//!   which also ends `Prime Minister`, `Deputy Prime Minister`, `Foreign
//!   Minister` —, `Governor`, `Ambassador`, `Professor`, …) followed by up
//!   to four capitalised words separated only by spaces (`Premier Wang
//!   Yang`, `Governor Sergey Darkin`); the name is the candidate;
//! - **acronym**: a word of 2–6 capital letters (Latin or Cyrillic) that is
//!   no gazetteer alias (`RFE`, `DPRK` are places) — `FESCO`, `ШОС`.
//!
//! A span overlapping a known alias or ignore span is not a candidate, nor
//! an acronym right after `EDN:` (the eLibrary document codes of seed 004's
//! references: random letters, not names).

use super::auto::{AutoEntity, Target};
use super::data::EntityData;
use super::matcher::EntityMatcher;
use crate::annotate::place::candidates::context;
use crate::annotate::{passages, Passage};
use crate::error::Error;
use crate::gazetteer::Gazetteer;
use crate::model::{Corpus, Document};
use std::collections::HashSet;

/// An automatic entity to review, with every mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutoReview {
    /// The entity (id, name, kind, role).
    pub entity: AutoEntity,
    /// Its mentions in corpus order.
    pub mentions: Vec<EntityCandidate>,
}

/// The whole review list.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Review {
    /// Automatic entities, most mentioned first (ties by id).
    pub automatic: Vec<AutoReview>,
    /// Spans nothing accounts for.
    pub candidates: Vec<EntityCandidate>,
}

/// The review list of a built corpus (its places are read: the automatic
/// patterns keep them out of names).
pub fn review(corpus: &Corpus, data: &EntityData, gazetteer: &Gazetteer) -> Result<Review, Error> {
    let finding = super::auto::find(data, &corpus.documents, &corpus.places)?;
    let mut automatic: Vec<AutoReview> = finding
        .entities
        .iter()
        .map(|e| AutoReview {
            entity: e.clone(),
            mentions: Vec::new(),
        })
        .collect();
    for m in &finding.mentions {
        let Target::Automatic(i) = m.target else {
            continue;
        };
        let Some(text) = corpus
            .documents
            .get(m.doc as usize)
            .and_then(|d| m.passage.text(d))
        else {
            continue;
        };
        if let Some(r) = automatic.get_mut(i as usize) {
            r.mentions.push(EntityCandidate {
                doc: m.doc,
                passage: m.passage,
                start: m.start,
                end: m.end,
                surface: text[m.start..m.end].to_string(),
                trigger: m.trigger.clone(),
                context: context(text, m.start, m.end, 40),
            });
        }
    }
    automatic.retain(|r| !r.mentions.is_empty());
    automatic.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then(a.entity.id.cmp(&b.entity.id))
    });
    let found = |c: &EntityCandidate| {
        finding
            .mentions
            .iter()
            .any(|m| m.doc == c.doc && m.passage == c.passage && m.start < c.end && c.start < m.end)
    };
    let mut candidates = entity_candidates(&corpus.documents, data, gazetteer)?;
    candidates.retain(|c| !found(c));
    Ok(Review {
        automatic,
        candidates,
    })
}

/// One span to review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityCandidate {
    /// Index into the documents.
    pub doc: u32,
    /// The block or note.
    pub passage: Passage,
    /// Byte offset in the passage's text.
    pub start: usize,
    /// Byte offset just past the span.
    pub end: usize,
    /// The span as written.
    pub surface: String,
    /// Why it looks like an entity (`after title "Premier"`, `acronym`).
    pub trigger: String,
    /// About 40 characters either side, for the report.
    pub context: String,
}

/// Title words that put a person's name right after them.
const TITLES: [&str; 14] = [
    "President",
    "Premier",
    "Vice-Premier",
    "Minister",
    "Governor",
    "Ambassador",
    "Professor",
    "Prof.",
    "Chairman",
    "Mayor",
    "Secretary",
    "Envoy",
    "Senator",
    "Dr.",
];

/// Longest name taken after a title.
const MAX_NAME_WORDS: usize = 4;

/// Every span of the documents' blocks and notes that the candidate
/// patterns flag and the lists do not account for (automatic mentions not
/// taken out: see [`review`]).
pub fn entity_candidates(
    documents: &[Document],
    data: &EntityData,
    gazetteer: &Gazetteer,
) -> Result<Vec<EntityCandidate>, Error> {
    let matcher = EntityMatcher::new(data)?;
    let places: HashSet<&str> = gazetteer
        .places
        .iter()
        .flat_map(|p| p.aliases.iter().map(String::as_str))
        .collect();
    let mut out = Vec::new();
    for (d, doc) in documents.iter().enumerate() {
        for (passage, text) in passages(doc) {
            for (start, end, trigger) in candidates_in(&matcher, &places, text) {
                out.push(EntityCandidate {
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

/// Candidates in one text: `(start, end, trigger)`, in text order.
/// `places` holds every gazetteer alias.
pub fn candidates_in(
    matcher: &EntityMatcher,
    places: &HashSet<&str>,
    text: &str,
) -> Vec<(usize, usize, String)> {
    let hits = matcher.find(text);
    let known = |start: usize, end: usize| hits.iter().any(|h| h.start < end && start < h.end);
    let mut out = Vec::new();
    let tokens = spaced_tokens(text);
    let mut i = 0;
    while i < tokens.len() {
        let (_, title, closed) = tokens[i];
        i += 1;
        if closed || !TITLES.contains(&title) {
            continue;
        }
        let mut name: Vec<(usize, &str)> = Vec::new();
        while let Some(&(at, word, closed)) = tokens.get(i) {
            if name.len() == MAX_NAME_WORDS || !name_like(word) {
                break;
            }
            name.push((at, word));
            i += 1;
            if closed {
                break;
            }
        }
        let (Some(&(start, _)), Some(&(last, word))) = (name.first(), name.last()) else {
            continue;
        };
        let end = last + word.len();
        if !known(start, end) && !places.contains(&text[start..end]) {
            out.push((start, end, format!("after title {title:?}")));
        }
    }
    for (start, word) in crate::analysis::tokenize::words(text) {
        let end = start + word.len();
        let letters = word.chars().count();
        let acronym = (2..=6).contains(&letters)
            && word
                .chars()
                .all(|c| c.is_uppercase() && (c.is_ascii_alphabetic() || is_cyrillic(c)));
        if acronym
            && !known(start, end)
            && !places.contains(word)
            && !text[..start].trim_end().ends_with("EDN:")
        {
            out.push((start, end, "acronym".to_string()));
        }
    }
    out.sort();
    out
}

/// Whitespace-separated tokens with surrounding punctuation removed:
/// `(offset, word, closed)`, `closed` when punctuation followed the word
/// (a name does not run on past `Ishaev.` or `Putin,`). A possessive
/// `’s` is cut off too, and closes the word.
fn spaced_tokens(text: &str) -> Vec<(usize, &str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for raw in text.split_inclusive(char::is_whitespace) {
        let start = at;
        at += raw.len();
        let t = raw.trim_end();
        let lead = t.len() - t.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let body = &t[lead..];
        // Keep the dot of initials and abbreviations (`V.V.`, `Dr.`).
        let core = if body.ends_with('.') && body.chars().filter(|&c| c == '.').count() > 1
            || matches!(body, "Dr." | "Prof.")
        {
            body
        } else {
            body.trim_end_matches(|c: char| !c.is_alphanumeric())
        };
        let (core, possessive) = match core.strip_suffix("’s").or_else(|| core.strip_suffix("'s"))
        {
            Some(c) => (c, true),
            None => (core, false),
        };
        if core.is_empty() {
            continue;
        }
        let closed = possessive || core.len() < body.len();
        out.push((start + lead, core, closed));
    }
    out
}

/// A capitalised name word: upper-case first letter followed by a
/// lower-case letter (`Darkin`, `Jong-un`), or initials (`V.V.`).
fn name_like(word: &str) -> bool {
    let mut chars = word.chars();
    let (Some(first), Some(second)) = (chars.next(), chars.next()) else {
        return false;
    };
    first.is_uppercase() && (second.is_lowercase() || second == '.')
}

fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4FF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let data = EntityData::parse(
            (
                "id\tname\trole\taliases\tnote\nputin\tVladimir Putin\thead of state\tVladimir Putin | Putin\t\n",
                "p.tsv",
            ),
            ("id\tname\tkind\taliases\tnote\n", "o.tsv"),
            ("surface\treason\nLNG\tproduct\nEDN\tlabel\n", "i.tsv"),
        )
        .unwrap();
        let m = EntityMatcher::new(&data).expect("compiles");
        let places: HashSet<&str> = ["RFE", "Vladivostok"].into_iter().collect();
        candidates_in(&m, &places, text)
            .into_iter()
            .map(|(s, e, _)| text[s..e].to_string())
            .collect()
    }

    #[test]
    fn names_after_titles() {
        assert_eq!(found("Premier Wang Yang met him"), ["Wang Yang"]);
        assert_eq!(found("and Governor Ishaev. On the"), ["Ishaev"]);
        assert_eq!(
            found("Deputy Foreign Minister Alexei Borodavkin’s visit"),
            ["Alexei Borodavkin"]
        );
        assert_eq!(
            found("President Putin and President Medvedev"),
            ["Medvedev"]
        );
        assert!(found("the President of Russia").is_empty());
    }

    #[test]
    fn unknown_acronyms_only() {
        assert_eq!(found("FESCO and LNG in the RFE"), ["FESCO"]);
        assert_eq!(found("members of the ШОС"), ["ШОС"]);
        assert!(found("EDN: KWBJKW").is_empty());
        assert!(found("U.S. and XXXXXXX").is_empty());
    }
}
