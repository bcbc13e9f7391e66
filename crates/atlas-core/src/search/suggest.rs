//! "Did you mean": when a query matches nothing, each word the dictionary
//! does not hold is replaced by the most frequent dictionary term within two
//! edits (one for words of three letters), written as it appears in the text.

use crate::analysis::tokens;
use crate::index::{passages, SearchIndex};
use crate::model::Corpus;
use crate::search::fuzzy;
use crate::search::query::Query;

/// Candidates read per unknown word.
const CANDIDATES: usize = 256;

/// A corrected query, or `None` when no word could be corrected.
pub fn did_you_mean(
    corpus: &Corpus,
    index: &SearchIndex,
    raw: &str,
    query: &Query,
) -> Option<String> {
    let mut out = raw.to_string();
    let mut changed = false;
    for t in query.terms() {
        if index.terms().get(&t.word.term).is_some() {
            continue;
        }
        let max = match t.word.folded.chars().count() {
            0..=2 => continue,
            3 => 1,
            _ => 2,
        };
        let best = fuzzy::near(index.terms(), &t.word.term, max, CANDIDATES)
            .into_iter()
            .max_by_key(|(_, o, d)| (std::cmp::Reverse(*d), index.doc_freq(*o)));
        let Some((term, offset, _)) = best else {
            continue;
        };
        let surface = surface_form(corpus, index, offset, &term).unwrap_or(term);
        if let Some(at) = out.find(t.raw.as_str()) {
            out.replace_range(at..at + t.raw.len(), &surface);
            changed = true;
        }
    }
    changed.then_some(out)
}

/// The term as written in the first passage that holds it.
fn surface_form(corpus: &Corpus, index: &SearchIndex, offset: u64, term: &str) -> Option<String> {
    let (p, _) = *index.postings(offset).first()?;
    let at = index.passages().get(p as usize)?.at;
    let text = passages::text(corpus, at)?;
    let tok = tokens(&text).into_iter().find(|t| t.term == term)?;
    Some(text[tok.start..tok.end].to_string())
}
