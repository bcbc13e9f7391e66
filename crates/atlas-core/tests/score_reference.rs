//! The sparse scorer (`search/score.rs`, issue 8) against a dense one, kept
//! here as the reference: a score slot per passage for every atom, every
//! passage visited, everything sorted, ranked by the rules of `bm25.rs`
//! (issue 19: tier, proximity, BM25F). For any query over the
//! real seeds, with or without a document restriction, both must give the
//! same passages with bit-identical scores in the same order, and the
//! response's page and per-document grouping must be what the full
//! ranking gives.

use atlas_core::index::SearchIndex;
use atlas_core::search::bm25::{self, Proximity, Tier};
use atlas_core::search::expand::{expand, Expanded, Reach};
use atlas_core::search::query::{parse, Query};
use atlas_core::search::score::{self, AtomMatch};
use atlas_core::search::{SearchOptions, Searcher};
use proptest::prelude::*;
use std::collections::HashMap;

mod common;
use common::seed_index as fixture;

/// The dense evaluation: every atom scored into a slot per passage, every
/// passage visited, ranked with the rules of `bm25.rs` (issue 19): worst
/// clause tier, then proximity, then the BM25F sum.
fn dense_evaluate(index: &SearchIndex, query: &Query, only_doc: Option<u32>) -> Vec<(u32, f32)> {
    let n = index.passages().len();
    let mut atoms = Vec::new();
    let mut clause_of = Vec::new();
    for (c, clause) in query.clauses.iter().enumerate() {
        for atom in clause {
            atoms.push(expand(index, atom, Reach::Full));
            clause_of.push(c);
        }
    }
    let excluded: Vec<Expanded> = query
        .exclude
        .iter()
        .map(|a| expand(index, a, Reach::Strict))
        .collect();
    if query.is_empty() {
        return Vec::new();
    }
    let matches: Vec<Vec<Option<AtomMatch>>> = atoms
        .iter()
        .map(|a| atom_matches(index, a, n, query.lang))
        .collect();
    let ex: Vec<Vec<Option<AtomMatch>>> = excluded
        .iter()
        .map(|a| atom_matches(index, a, n, query.lang))
        .collect();
    let clauses = query.clauses.len();
    let mut ranked = Vec::new();
    for p in 0..n {
        if only_doc.is_some_and(|d| index.passages()[p].at.doc != d) {
            continue;
        }
        let clause_tier = |c: usize| {
            clause_of
                .iter()
                .zip(&matches)
                .filter(|(&ac, _)| ac == c)
                .filter_map(|(_, m)| m[p].map(|m| m.tier))
                .min()
        };
        let tiers: Option<Vec<Tier>> = (0..clauses).map(clause_tier).collect();
        let Some(tiers) = tiers else {
            continue;
        };
        if ex.iter().any(|e| e[p].is_some()) {
            continue;
        }
        let sum = matches
            .iter()
            .map(|m| m[p].map_or(0.0, |m| m.score))
            .sum::<f32>();
        let tier = tiers.into_iter().max().unwrap_or(Tier::WORST);
        let near = if clauses < 2 {
            Proximity::Together
        } else {
            dense_proximity(index, &atoms, &clause_of, clauses, p as u32)
        };
        ranked.push((p as u32, bm25::rank(tier, near, sum)));
    }
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
}

/// How close the clauses stand in passage `p`: every start position tried,
/// each clause's first position from there looked up.
fn dense_proximity(
    index: &SearchIndex,
    atoms: &[Expanded],
    clause_of: &[usize],
    clauses: usize,
    p: u32,
) -> Proximity {
    let mut per_clause: Vec<Vec<u32>> = vec![Vec::new(); clauses];
    for (atom, &c) in atoms.iter().zip(clause_of) {
        let terms = if atom.phrase {
            &atom.terms[..atom.terms.len().min(1)]
        } else {
            &atom.terms[..]
        };
        for r in terms {
            for (q, positions) in index.positions(r.offset) {
                if q == p {
                    per_clause[c].extend(positions);
                }
            }
        }
    }
    for l in per_clause.iter_mut() {
        l.sort_unstable();
        l.dedup();
    }
    let starts: Vec<u32> = per_clause.iter().flatten().copied().collect();
    let span = starts
        .iter()
        .filter_map(|&s| {
            let ends: Option<Vec<u32>> = per_clause
                .iter()
                .map(|l| l.iter().copied().find(|&x| x >= s))
                .collect();
            let ends = ends?;
            // The window must start at one of the clauses' positions.
            ends.contains(&s)
                .then(|| ends.iter().max().map_or(0, |&m| m - s + 1))
        })
        .min();
    match span {
        Some(span) => Proximity::of_span(span, clauses as u32),
        None => Proximity::Apart,
    }
}

fn atom_matches(
    index: &SearchIndex,
    atom: &Expanded,
    n: usize,
    lang: &str,
) -> Vec<Option<AtomMatch>> {
    let mut acc: Vec<Option<AtomMatch>> = vec![None; n];
    if atom.phrase {
        phrase_matches(index, atom, lang, &mut acc);
        return acc;
    }
    for r in &atom.terms {
        let idf = bm25::idf(index.doc_freq(r.offset), n);
        for (p, tf, forms) in index.postings_with_forms(r.offset) {
            let entry = &index.passages()[p as usize];
            // A term reached only through a phonetic key holds only in
            // passages with a form that has the key.
            let Some(tier) = r.tier_in(forms) else {
                continue;
            };
            let tier = tier.in_language(entry.lang(), lang);
            let m = AtomMatch {
                tier,
                score: tier.weight() * score::term_score(index, entry, tf, idf),
            };
            let slot = &mut acc[p as usize];
            if slot.is_none_or(|old| m.beats(&old)) {
                *slot = Some(m);
            }
        }
    }
    for slot in acc.iter_mut() {
        if slot.is_some_and(|m| m.score <= 0.0) {
            *slot = None;
        }
    }
    acc
}

fn phrase_matches(index: &SearchIndex, atom: &Expanded, lang: &str, acc: &mut [Option<AtomMatch>]) {
    let n = acc.len();
    let Some(first) = atom.terms.first() else {
        return;
    };
    let rest: Vec<HashMap<u32, Vec<u32>>> = atom.terms[1..]
        .iter()
        .map(|r| index.positions(r.offset).into_iter().collect())
        .collect();
    let forms: Vec<HashMap<u32, u64>> = atom
        .terms
        .iter()
        .map(|r| {
            index
                .postings_with_forms(r.offset)
                .into_iter()
                .map(|(p, _, f)| (p, f))
                .collect()
        })
        .collect();
    let idfs: Vec<f32> = atom
        .terms
        .iter()
        .map(|r| bm25::idf(index.doc_freq(r.offset), n))
        .collect();
    let at0 = atom.phrase_at.first().copied().unwrap_or(0);
    for (p, starts) in index.positions(first.offset) {
        let Some(lists) = rest.iter().map(|m| m.get(&p)).collect::<Option<Vec<_>>>() else {
            continue;
        };
        let found = starts.iter().any(|&s| {
            s.checked_sub(at0).is_some_and(|base| {
                lists
                    .iter()
                    .zip(&atom.phrase_at[1..])
                    .all(|(l, &rel)| l.binary_search(&(base + rel)).is_ok())
            })
        });
        if found {
            let entry = &index.passages()[p as usize];
            let exact = atom
                .terms
                .iter()
                .zip(&forms)
                .all(|(r, f)| r.tier_in(f.get(&p).copied().unwrap_or(0)) == Some(Tier::Exact));
            let tier =
                if exact { Tier::Exact } else { Tier::Stemmed }.in_language(entry.lang(), lang);
            let mut s = score::term_score(index, entry, starts.len() as u32, idfs[0]);
            for (l, idf) in lists.iter().zip(&idfs[1..]) {
                s += score::term_score(index, entry, l.len() as u32, *idf);
            }
            let score = tier.weight() * s;
            if score > 0.0 {
                acc[p as usize] = Some(AtomMatch { tier, score });
            }
        }
    }
}

/// Queries mixing the syntax (phrases, exclusions, OR, prefixes) with
/// words the seeds hold often, rarely, in several forms and in both scripts.
fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        "(gas|pipeline|pipelines|Sakhalin|Sakhlin|Russia|Rusia|China|Far|East|energy|Влад|Дальн|Приморье|\"|-| OR | |the|of|Primor|coop|dev){0,10}",
    ]
}

fn assert_same(q: &str, prefix_last: bool, only_doc: Option<u32>) -> Result<(), TestCaseError> {
    let (_, index) = fixture();
    let parsed = parse(q, prefix_last);
    let sparse = score::evaluate(index, &parsed, only_doc).ranked;
    let dense = dense_evaluate(index, &parsed, only_doc);
    prop_assert_eq!(sparse.len(), dense.len(), "{:?}", q);
    for (s, d) in sparse.iter().zip(&dense) {
        prop_assert_eq!(s.0, d.0, "{:?}", q);
        prop_assert_eq!(s.1.to_bits(), d.1.to_bits(), "{:?}", q);
    }
    Ok(())
}

#[test]
fn queries_that_reach_many_terms_score_as_before() {
    for q in [
        "Russia",
        "\"Far East\"",
        "\"Russian Far East\" -China",
        "gas OR oil pipeline",
        "Sakhlin",
        "coop",
        "de",
        "Дальний Восток",
        "energy -\"natural gas\" -Japan",
        "\"the of\"",
        "pipelines",
        "Rusia",
        "Приморье Kovkyta",
        "labour migration",
        "\"Kurile Islands\" Japan",
        "Chinese investment OR capital",
    ] {
        assert_same(q, true, None).unwrap();
        assert_same(q, false, Some(1)).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn sparse_scores_equal_dense_scores(q in query(), prefix_last in any::<bool>(), doc in 0u32..7) {
        assert_same(&q, prefix_last, None)?;
        // 5 and 6 are past the seeds' documents: nothing may match.
        assert_same(&q, prefix_last, Some(doc))?;
    }

    /// The window after the per-document cap, and the documents with their
    /// counts and best scores, are what the full ranking gives.
    #[test]
    fn pages_and_groups_follow_the_full_ranking(q in query(), offset in 0usize..40, limit in 0usize..40, cap in prop::option::of(1usize..4)) {
        let (corpus, index) = fixture();
        let ranked = dense_evaluate(index, &parse(&q, true), None);
        let options = SearchOptions { limit, offset, per_doc: cap, ..SearchOptions::default() };
        let r = Searcher::new(corpus, index).search(&q, &options);
        prop_assert_eq!(r.total, ranked.len());
        let doc_of = |p: u32| index.passages()[p as usize].at.doc as usize;
        let mut seen = vec![0usize; corpus.documents.len()];
        let expected: Vec<u32> = ranked
            .iter()
            .map(|&(p, _)| p)
            .filter(|&p| {
                seen[doc_of(p)] += 1;
                seen[doc_of(p)] <= cap.unwrap_or(usize::MAX)
            })
            .skip(offset)
            .take(limit)
            .collect();
        let got: Vec<(String, f32)> = r.hits.iter().map(|h| (h.block.to_string(), h.score)).collect();
        let want: Vec<(String, f32)> = expected
            .iter()
            .map(|&p| {
                let id = atlas_core::index::passages::passage_id(corpus, index.passages()[p as usize].at).unwrap().to_string();
                (id, ranked.iter().find(|x| x.0 == p).unwrap().1)
            })
            .collect();
        prop_assert_eq!(got, want);
        let mut docs: Vec<(String, usize, f32)> = Vec::new();
        for &(p, s) in &ranked {
            let id = &corpus.documents[doc_of(p)].id;
            match docs.iter_mut().find(|d| &d.0 == id) {
                Some(d) => d.1 += 1,
                None => docs.push((id.clone(), 1, s)),
            }
        }
        let got: Vec<(String, usize, f32)> = r.docs.iter().map(|d| (d.doc.clone(), d.hits, d.best)).collect();
        prop_assert_eq!(got, docs);
    }
}
