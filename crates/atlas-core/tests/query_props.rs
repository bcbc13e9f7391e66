//! Properties of the query parser and of the response around it, for any
//! string and any options, over the real seeds. The same invariants the
//! `query` fuzz target checks (see `fuzz/`), so a plain `cargo test` keeps
//! them between fuzzing runs; `search_seeds.rs` already checks that no
//! string panics and that hits are sorted with sound snippet spans.

use atlas_core::index::passages;
use atlas_core::search::query::{parse, Atom, Query, MAX_ATOMS};
use atlas_core::search::{SearchOptions, SearchResponse, Searcher, MAX_LIMIT};
use proptest::prelude::*;

mod common;
use common::seed_index as fixture;

fn search(q: &str, options: &SearchOptions) -> SearchResponse {
    let (corpus, index) = fixture();
    Searcher::new(corpus, index).search(q, options)
}

/// Query strings made of the syntax and of words the seeds hold.
fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,60}",
        "(gas|pipeline|Sakhalin|Sakhlin|Влад|米纳|\"|“|-|–| OR | |the|of|Primor|ё){0,14}",
    ]
}

fn atoms(q: &Query) -> impl Iterator<Item = &Atom> {
    q.clauses.iter().flatten().chain(&q.exclude)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The parser's bounds: few atoms, no stop-word-only atom, no empty
    /// clause, and only the last positive term may be a prefix.
    #[test]
    fn parsed_queries_keep_their_bounds(q in query(), prefix_last in any::<bool>()) {
        let parsed = parse(&q, prefix_last);
        prop_assert!(atoms(&parsed).count() <= MAX_ATOMS);
        prop_assert!(parsed.clauses.iter().all(|c| !c.is_empty()));
        for atom in atoms(&parsed) {
            match atom {
                Atom::Term(t) => prop_assert!(!t.word.stop && !t.raw.is_empty()),
                Atom::Phrase(p) => prop_assert!(p.iter().any(|w| !w.stop)),
            }
        }
        let excluded_prefix = parsed.exclude.iter().any(|a| matches!(a, Atom::Term(t) if t.prefix));
        prop_assert!(!excluded_prefix);
        let prefixes = parsed.terms().filter(|t| t.prefix).count();
        prop_assert!(prefixes <= usize::from(prefix_last));
        if prefixes == 1 {
            let last = parsed.clauses.last().and_then(|c| c.last());
            prop_assert!(matches!(last, Some(Atom::Term(t)) if t.prefix));
        }
        prop_assert_eq!(parse(&q, prefix_last), parsed);
    }

    /// A page is the same slice of the full ranking, whatever the offset
    /// and limit, and never longer than the limit allows.
    #[test]
    fn pages_are_slices_of_the_ranking(q in query(), offset in 0usize..30, limit in 0usize..30) {
        let all = search(&q, &SearchOptions { limit: MAX_LIMIT, ..SearchOptions::default() });
        let page = search(&q, &SearchOptions { limit, offset, ..SearchOptions::default() });
        prop_assert_eq!(page.total, all.total);
        let expected: Vec<&atlas_core::model::PassageId> = all.hits.iter().skip(offset).take(limit).map(|h| &h.block).collect();
        let got: Vec<&atlas_core::model::PassageId> = page.hits.iter().map(|h| &h.block).collect();
        prop_assert_eq!(got, expected);
        prop_assert_eq!(all.docs.iter().map(|d| d.hits).sum::<usize>(), all.total);
        prop_assert!(all.did_you_mean.is_none() || all.total == 0);
    }

    /// The per-document cap and the one-document option hold, and every
    /// range handed to JavaScript agrees with its byte range.
    #[test]
    fn options_hold_and_ranges_agree(q in query(), cap in 1usize..4, doc in 0usize..6) {
        let (corpus, index) = fixture();
        let doc = corpus.documents.get(doc).map(|d| d.id.clone());
        let options = SearchOptions { limit: 200, per_doc: Some(cap), doc: doc.clone(), ..SearchOptions::default() };
        let r = search(&q, &options);
        for h in &r.hits {
            prop_assert!(r.hits.iter().filter(|o| o.doc == h.doc).count() <= cap);
            if let Some(d) = &doc {
                prop_assert_eq!(&h.doc, d);
            }
            prop_assert_eq!(h.spans.len(), h.spans_utf16.len());
            for (&[a, b], &[ua, ub]) in h.spans.iter().zip(&h.spans_utf16) {
                prop_assert_eq!(ua, h.snippet[..a].encode_utf16().count());
                prop_assert_eq!(ub, h.snippet[..b].encode_utf16().count());
            }
        }
        if let Some(h) = r.hits.first() {
            let (_, text) = passages::find(corpus, &h.block).unwrap();
            for (a, b) in Searcher::new(corpus, index).highlight(&q, &h.block.to_string()) {
                prop_assert!(a < b && text.get(a..b).is_some(), "highlight {}..{}", a, b);
            }
        }
    }
}
