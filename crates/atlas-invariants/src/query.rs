//! What the `query` target checks: the query language and the whole search behind it: the parser,
//! expansion (prefix, transliteration, typos), scoring, snippet cutting,
//! "did you mean" and the reader's highlighting, over the real `seeds/`
//! corpus built once.
//!
//! Why: the search box sends every keystroke to [`Searcher::search`], which
//! promises never to panic whatever the string, and the app slices snippets
//! and block texts with the byte ranges it returns. So beyond "no panic" it
//! checks the parser's bounds and the response's shape:
//! - at most `MAX_ATOMS` atoms; only the last positive term may be a
//!   prefix, and only when the caller asked; no stop-word-only atom;
//! - at most `limit` (capped at `MAX_LIMIT`) hits, best first, finite
//!   positive scores, `docs` counting every match, the `per_doc` cap kept;
//! - every highlight range lies in its string on char boundaries, snippet
//!   spans and the reader's highlights ascending and disjoint (an embedder
//!   slices by them), and the UTF-16 ranges are the byte ranges converted.
//!
//! Input: the first byte chooses the options (prefix on/off, limit, offset,
//! per-document cap, one document or all), the rest is the query as UTF-8.

use atlas_core::index::passages;
use atlas_core::search::query::{self, Atom, MAX_ATOMS};
use atlas_core::search::{SearchOptions, Searcher, MAX_LIMIT};
use std::collections::BTreeMap;

/// Checks one input (see the module doc).
pub fn check(data: &[u8]) {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let Ok(q) = std::str::from_utf8(rest) else {
        return;
    };
    let f = crate::fixture::seeds();
    let (corpus, index) = (&f.corpus, &f.index);
    let options = SearchOptions {
        prefix_last: flags & 1 == 0,
        limit: [20, 3, 0, 5000][usize::from(flags >> 1 & 3)],
        offset: [0, 0, 2, 1000][usize::from(flags >> 3 & 3)],
        per_doc: (flags & 0x20 != 0).then_some(2),
        doc: (flags & 0x40 != 0).then(|| corpus.documents[2].id.clone()),
    };
    check_parse(q, options.prefix_last);

    let searcher = Searcher::new(corpus, index);
    let r = searcher.search(q, &options);
    assert!(r.hits.len() <= options.limit.min(MAX_LIMIT));
    assert!(r.hits.len() <= r.total.saturating_sub(options.offset));
    assert_eq!(r.docs.iter().map(|d| d.hits).sum::<usize>(), r.total);
    assert!(r.did_you_mean.is_none() || r.total == 0);
    assert!(r.hits.windows(2).all(|w| w[0].score >= w[1].score));
    let mut per_doc: BTreeMap<&str, usize> = BTreeMap::new();
    for h in &r.hits {
        *per_doc.entry(h.doc.as_str()).or_default() += 1;
    }
    if let Some(cap) = options.per_doc {
        assert!(per_doc.values().all(|&n| n <= cap), "{per_doc:?}");
    }
    for (i, h) in r.hits.iter().enumerate() {
        assert!(h.score.is_finite() && h.score > 0.0, "score {}", h.score);
        if let Some(doc) = &options.doc {
            assert_eq!(&h.doc, doc);
        }
        assert_eq!(h.spans.len(), h.spans_utf16.len());
        let mut last_end = 0;
        for (&[a, b], &[ua, ub]) in h.spans.iter().zip(&h.spans_utf16) {
            assert!(a < b && h.snippet.get(a..b).is_some(), "span {a}..{b}");
            assert!(last_end <= a, "spans not ascending in {:?}", h.spans);
            last_end = b;
            assert_eq!(ua, h.snippet[..a].encode_utf16().count());
            assert_eq!(ub, h.snippet[..b].encode_utf16().count());
        }
        let (_, text) = passages::find(corpus, &h.block).expect("a hit names a passage");
        if i >= 5 {
            continue;
        }
        let marks = searcher.highlight(q, &h.block.to_string());
        for &(a, b) in &marks {
            assert!(a < b && text.get(a..b).is_some(), "highlight {a}..{b}");
        }
        assert!(
            marks.windows(2).all(|w| w[0].1 < w[1].0),
            "highlights not ascending and disjoint in {marks:?}"
        );
    }
}

/// The parser's own promises, independent of any corpus.
fn check_parse(q: &str, prefix_last: bool) {
    let parsed = query::parse(q, prefix_last);
    let atoms = parsed.clauses.iter().map(Vec::len).sum::<usize>() + parsed.exclude.len();
    assert!(atoms <= MAX_ATOMS, "{atoms} atoms");
    assert!(parsed.clauses.iter().all(|c| !c.is_empty()));
    let all = parsed.clauses.iter().flatten().chain(&parsed.exclude);
    for atom in all {
        match atom {
            Atom::Term(t) => assert!(!t.word.stop && !t.raw.is_empty()),
            Atom::Phrase(p) => assert!(p.iter().any(|w| !w.stop)),
        }
    }
    assert!(parsed.exclude.iter().all(|a| match a {
        Atom::Term(t) => !t.prefix,
        Atom::Phrase(_) => true,
    }));
    let prefixes: Vec<bool> = parsed.terms().map(|t| t.prefix).collect();
    let n = prefixes.iter().filter(|&&p| p).count();
    assert!(n <= usize::from(prefix_last), "{n} prefix terms");
    if n == 1 {
        let last = parsed.clauses.last().and_then(|c| c.last());
        assert!(matches!(last, Some(Atom::Term(t)) if t.prefix));
    }
}
