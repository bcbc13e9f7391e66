//! The JSON the page exports for embedders and tests
//! (`window.wasmBindings.select`, `.passage`): the filter engine's answer
//! for a URL query string, and one passage's annotations read straight from
//! the corpus (not from [`super::Facts`], so tests can check one against
//! the other).

use super::{Filters, Selection};
use crate::index::passages;
use crate::model::{Corpus, EntityKind, Passage, PassageId};
use serde::Serialize;
use serde_json::json;

/// `select(query_string)` → `{"total", "documents", "passages": [ids]}` for
/// filters written as in the URL (`topic=energy&place=sakhalin&q=gas`).
pub fn select_json(selection: &Selection<'_>, query_string: &str) -> String {
    /// Keys in the order `json!` wrote them (sorted), so the bytes stay as they were.
    #[derive(Serialize)]
    struct Selected {
        documents: usize,
        passages: Vec<PassageId>,
        total: usize,
    }
    let filters = Filters::from_query(query_string.trim_start_matches('?'));
    let mut seen = vec![false; selection.corpus.documents.len()];
    // Serialized straight from the ids: a `json!` value tree for 18,000
    // ids (100x the seeds) cost more than finding them.
    let passages: Vec<PassageId> = selection
        .passages(&filters)
        .into_iter()
        .filter_map(|p| {
            let at = selection.index.passages().get(p as usize)?.at;
            let id = passages::passage_id(selection.corpus, at)?;
            if let Some(s) = seen.get_mut(at.doc as usize) {
                *s = true;
            }
            Some(id)
        })
        .collect();
    let selected = Selected {
        documents: seen.iter().filter(|&&s| s).count(),
        total: passages.len(),
        passages,
    };
    serde_json::to_string(&selected).unwrap_or_else(|_| String::from("{\"total\":0}"))
}

/// `passage(block_id)` → `{"topics", "places", "people", "orgs"}` (ids), or
/// `{"error"}` for an id the corpus does not have.
pub fn passage_json(corpus: &Corpus, block_id: &str) -> String {
    let Some((d, passage)) = parse_block_id(corpus, block_id) else {
        return json!({"error": format!("no passage {block_id:?}")}).to_string();
    };
    let ann = &corpus.annotations;
    let topics: Vec<&str> = ann
        .documents
        .get(d)
        .map(|a| a.tags_of(passage))
        .unwrap_or_default()
        .iter()
        .filter_map(|&t| ann.topics.get(t as usize).map(|t| t.id.as_str()))
        .collect();
    let mut places: Vec<&str> = corpus
        .places
        .mentions
        .iter()
        .filter(|m| m.doc as usize == d && m.passage == passage)
        .filter_map(|m| {
            corpus
                .places
                .places
                .get(m.target as usize)
                .map(|p| p.id.as_str())
        })
        .collect();
    places.sort_unstable();
    places.dedup();
    let mut people = Vec::new();
    let mut orgs = Vec::new();
    for m in ann
        .entity_mentions
        .iter()
        .filter(|m| m.doc as usize == d && m.passage == passage)
    {
        if let Some(e) = ann.entities.get(m.target as usize) {
            match e.kind {
                EntityKind::Person => people.push(e.id.as_str()),
                EntityKind::Org => orgs.push(e.id.as_str()),
            }
        }
    }
    for v in [&mut people, &mut orgs] {
        v.sort_unstable();
        v.dedup();
    }
    json!({"topics": topics, "places": places, "people": people, "orgs": orgs}).to_string()
}

/// A written passage id → (document index, passage), for a document the
/// corpus holds.
fn parse_block_id(corpus: &Corpus, id: &str) -> Option<(usize, Passage)> {
    let id: PassageId = id.parse().ok()?;
    let d = corpus.documents.iter().position(|x| x.id == id.doc)?;
    Some((d, id.passage))
}
