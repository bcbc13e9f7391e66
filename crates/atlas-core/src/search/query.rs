//! The query language, parsed into clauses of atoms:
//!
//! - plain words must all match (`gas pipeline`);
//! - `"quoted phrases"` match consecutive words (a lone `"` runs to the end);
//! - `-word` and `-"a phrase"` exclude passages;
//! - `OR` (upper case) between two items makes them alternatives;
//! - the last word, when the query does not end in a space, also matches as a
//!   prefix (search as you type), if the caller asks for it.
//!
//! Typographic quotes (`“ ” « » „`) and dashes (`– — −`) count as `"` and `-`.
//! Stop words are dropped outside phrases. Control characters count as
//! spaces; only the first [`MAX_QUERY_CHARS`] characters and
//! [`MAX_ATOMS`] items are read, which bounds the cost of any string.

use crate::analysis::fold::fold_query_punctuation;
use crate::analysis::tokenize::words;
use crate::analysis::{analyze_word, Word};

/// Characters of a query that are read; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Terms and phrases of a query that are used; the rest are ignored.
pub const MAX_ATOMS: usize = 32;

/// A parsed query: every clause must match, no exclusion may.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// Clauses; the atoms of one clause are alternatives (`OR`).
    pub clauses: Vec<Vec<Atom>>,
    /// Atoms that remove a passage when they match it.
    pub exclude: Vec<Atom>,
    /// The query's language ([`crate::lang::detect`] of its text): a
    /// near-spelling in a passage of another language ranks last.
    pub lang: &'static str,
}

/// One thing to look for.
#[derive(Debug, Clone, PartialEq)]
pub enum Atom {
    /// A single word.
    Term(TermAtom),
    /// Consecutive words (stop words included).
    Phrase(Vec<Word>),
}

/// A single query word.
#[derive(Debug, Clone, PartialEq)]
pub struct TermAtom {
    /// The word as typed.
    pub raw: String,
    /// The word analysed like the text.
    pub word: Word,
    /// Also match terms starting with the word.
    pub prefix: bool,
}

impl Query {
    /// `true` when nothing is asked for (no positive clause).
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// Every positive term atom, in query order.
    pub fn terms(&self) -> impl Iterator<Item = &TermAtom> {
        self.clauses.iter().flatten().filter_map(|a| match a {
            Atom::Term(t) => Some(t),
            Atom::Phrase(_) => None,
        })
    }

    fn atom_count(&self) -> usize {
        self.clauses.iter().map(Vec::len).sum::<usize>() + self.exclude.len()
    }

    fn push(&mut self, atom: Atom, negate: bool, join: bool) {
        if self.atom_count() >= MAX_ATOMS {
            return;
        }
        if negate {
            self.exclude.push(atom);
        } else if let (true, Some(last)) = (join, self.clauses.last_mut()) {
            last.push(atom);
        } else {
            self.clauses.push(vec![atom]);
        }
    }
}

/// Parses a query string. Never fails: what cannot be read is ignored.
pub fn parse(query: &str, prefix_last: bool) -> Query {
    let text: String = fold_query_punctuation(query)
        .chars()
        .take(MAX_QUERY_CHARS)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut q = Query::default();
    let mut rest = text.as_str();
    let mut join = false;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let mut negate = false;
        if let Some(r) = rest.strip_prefix('-') {
            if r.starts_with(|c: char| !c.is_whitespace()) {
                negate = true;
                rest = r;
            }
        }
        if let Some(r) = rest.strip_prefix('"') {
            let (inner, after) = match r.find('"') {
                Some(i) => (&r[..i], &r[i + 1..]),
                None => (r, ""),
            };
            rest = after;
            let phrase: Vec<Word> = words(inner).map(|(_, w)| analyze_word(w)).collect();
            if phrase.iter().any(|w| !w.stop) {
                q.push(Atom::Phrase(phrase), negate, join);
                join = false;
            }
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '"')
            .unwrap_or(rest.len());
        let chunk = &rest[..end];
        rest = &rest[end..];
        if chunk == "OR" && !negate {
            join = true;
            continue;
        }
        let at_end = rest.is_empty();
        let before = q.atom_count();
        for (_, w) in words(chunk) {
            let word = analyze_word(w);
            if word.stop {
                continue;
            }
            let atom = TermAtom {
                raw: w.to_string(),
                word,
                prefix: false,
            };
            q.push(Atom::Term(atom), negate, join);
            join = false;
        }
        if at_end && prefix_last && !negate && q.atom_count() > before {
            if let Some(Atom::Term(t)) = q.clauses.last_mut().and_then(|c| c.last_mut()) {
                t.prefix = true;
            }
        }
    }
    q.lang = crate::lang::detect(&text);
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(atoms: &[Atom]) -> Vec<String> {
        atoms
            .iter()
            .map(|a| match a {
                Atom::Term(t) => t.word.term.clone(),
                Atom::Phrase(p) => p
                    .iter()
                    .map(|w| w.term.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            })
            .collect()
    }

    #[test]
    fn parses_terms_phrases_exclusions_and_or() {
        let q = parse("gas “energy bridge” -LNG Japan OR Korea of", false);
        let clauses: Vec<Vec<String>> = q.clauses.iter().map(|c| terms(c)).collect();
        assert_eq!(
            clauses,
            [vec!["gas"], vec!["energi bridg"], vec!["japan", "korea"]]
        );
        assert_eq!(terms(&q.exclude), ["lng"]);
        assert_eq!(q.lang, "en");
        assert_eq!(parse("Приморье", true).lang, "ru");
    }

    #[test]
    fn only_the_last_word_is_a_prefix_and_only_while_typing() {
        let q = parse("gas Vladiv", true);
        let prefixes: Vec<bool> = q.terms().map(|t| t.prefix).collect();
        assert_eq!(prefixes, [false, true]);
        assert!(!parse("gas Vladiv ", true).terms().any(|t| t.prefix));
        assert!(!parse("gas Vladiv", false).terms().any(|t| t.prefix));
    }

    #[test]
    fn odd_input_parses_to_something_or_nothing() {
        assert!(parse("", true).is_empty());
        assert!(parse("the of and", true).is_empty());
        assert!(parse("\"", true).is_empty());
        assert!(parse("- -- OR OR", true).is_empty());
        assert_eq!(parse(&"word ".repeat(5000), true).clauses.len(), MAX_ATOMS);
    }
}
