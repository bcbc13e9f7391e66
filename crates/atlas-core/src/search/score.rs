//! Evaluating a parsed query: a score per matching passage from the postings
//! of the terms each atom reaches, clauses intersected, exclusions removed,
//! phrases matched on word positions.
//!
//! Everything is sparse: each atom becomes a list of `(passage, score)`
//! sorted by passage (postings already are), clauses are unions of those
//! lists, and intersecting clauses or removing exclusions is a merge of
//! sorted lists. The work grows with the postings a query touches, not with
//! the corpus: at 100× the seeds (issue 8) a slot per passage for every
//! atom, and a scan of every passage, cost more than the matching itself.
//! Ranking is left to the caller ([`rank_prefix`]): a results page needs
//! only its window in order, while counts need every match.

use crate::index::postings::PositionLists;
use crate::index::SearchIndex;
use crate::search::bm25;
use crate::search::expand::{expand, Expanded, Reach};
use crate::search::query::Query;
use std::cmp::Ordering;

/// A query evaluated and ranked: passages that match, best first, and the
/// expanded positive atoms (for snippets and highlighting).
#[derive(Debug, Default)]
pub struct Evaluation {
    /// `(passage, score)`, by descending score, then passage order.
    pub ranked: Vec<(u32, f32)>,
    /// Positive atoms, clause by clause, flattened.
    pub atoms: Vec<Expanded>,
}

/// A query evaluated, not ranked: what [`matches`] returns.
#[derive(Debug, Default)]
pub struct Matches {
    /// `(passage, score)` of every matching passage, in passage order.
    pub hits: Vec<(u32, f32)>,
    /// Positive atoms, clause by clause, flattened.
    pub atoms: Vec<Expanded>,
}

/// Ranking order: higher score first, then passage order. Passages are
/// unique in a list, so this is a total order and an unstable sort gives
/// the same answer as a stable one.
pub fn by_rank(a: &(u32, f32), b: &(u32, f32)) -> Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// Puts the best `k` hits first, in rank order; the rest stay unordered.
/// A page of 20 of 18,000 matches costs a selection, not a full sort.
pub fn rank_prefix(hits: &mut [(u32, f32)], k: usize) {
    let k = k.min(hits.len());
    if k == 0 {
        return;
    }
    if k < hits.len() {
        hits.select_nth_unstable_by(k - 1, by_rank);
    }
    hits[..k].sort_unstable_by(by_rank);
}

/// Scores every passage for `query` and ranks them all; `only_doc`
/// restricts to one document.
pub fn evaluate(index: &SearchIndex, query: &Query, only_doc: Option<u32>) -> Evaluation {
    let Matches { mut hits, atoms } = matches(index, query, only_doc);
    hits.sort_unstable_by(by_rank);
    Evaluation {
        ranked: hits,
        atoms,
    }
}

/// The passages matching `query` with their scores, in passage order;
/// `only_doc` restricts to one document. A passage matches when every
/// clause has an atom scoring in it and no exclusion does; its score is
/// the sum of its atoms' scores.
pub fn matches(index: &SearchIndex, query: &Query, only_doc: Option<u32>) -> Matches {
    let mut atoms = Vec::new();
    let mut clause_of = Vec::new();
    for (c, clause) in query.clauses.iter().enumerate() {
        for atom in clause {
            atoms.push(expand(index, atom, Reach::Full));
            clause_of.push(c);
        }
    }
    if query.is_empty() {
        return Matches {
            hits: Vec::new(),
            atoms,
        };
    }
    let lists: Vec<Vec<(u32, f32)>> = atoms
        .iter()
        .map(|a| atom_hits(index, a, only_doc))
        .collect();
    // Clauses smallest first, so the candidate list shrinks fastest.
    let mut clauses: Vec<Vec<u32>> = (0..query.clauses.len())
        .map(|c| {
            union(
                lists
                    .iter()
                    .zip(&clause_of)
                    .filter(|&(_, &ac)| ac == c)
                    .map(|(l, _)| l.as_slice()),
            )
        })
        .collect();
    clauses.sort_by_key(Vec::len);
    let mut clauses = clauses.into_iter();
    let mut candidates = clauses.next().unwrap_or_default();
    for clause in clauses {
        if candidates.is_empty() {
            break;
        }
        candidates = intersect(&candidates, &clause);
    }
    if !candidates.is_empty() && !query.exclude.is_empty() {
        let excluded: Vec<Vec<(u32, f32)>> = query
            .exclude
            .iter()
            .map(|a| atom_hits(index, &expand(index, a, Reach::Strict), None))
            .collect();
        let excluded = union(excluded.iter().map(Vec::as_slice));
        candidates = subtract(&candidates, &excluded);
    }
    // Sum in atom order, as a dense sum over every atom would (adding the
    // zero of an atom that does not match leaves a positive sum unchanged).
    let mut hits: Vec<(u32, f32)> = candidates.iter().map(|&p| (p, 0.0f32)).collect();
    for list in &lists {
        let mut at = 0;
        for (p, sum) in hits.iter_mut() {
            while list.get(at).is_some_and(|&(q, _)| q < *p) {
                at += 1;
            }
            match list.get(at) {
                Some(&(q, s)) if q == *p => *sum += s,
                Some(_) => {}
                None => break,
            }
        }
    }
    Matches { hits, atoms }
}

/// The passages in any of the sorted lists, sorted and once each.
fn union<'l>(lists: impl Iterator<Item = &'l [(u32, f32)]>) -> Vec<u32> {
    let lists: Vec<&[(u32, f32)]> = lists.collect();
    if let [one] = lists.as_slice() {
        return one.iter().map(|&(p, _)| p).collect();
    }
    let mut out: Vec<u32> = lists
        .iter()
        .flat_map(|l| l.iter().map(|&(p, _)| p))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Passages in both sorted lists.
fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        match x.cmp(&y) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                out.push(x);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Passages of sorted `a` not in sorted `b`.
fn subtract(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut j = 0;
    a.iter()
        .copied()
        .filter(|&x| {
            while b.get(j).is_some_and(|&y| y < x) {
                j += 1;
            }
            b.get(j) != Some(&x)
        })
        .collect()
}

/// One atom's `(passage, score)` where it scores above zero, in passage
/// order; passages of other documents than `only_doc` are left out.
fn atom_hits(index: &SearchIndex, atom: &Expanded, only_doc: Option<u32>) -> Vec<(u32, f32)> {
    let passages = index.passages();
    let in_scope = |p: u32| {
        passages
            .get(p as usize)
            .filter(|e| only_doc.is_none_or(|d| e.at.doc == d))
    };
    if atom.phrase {
        return phrase_hits(index, atom, in_scope);
    }
    let n = passages.len();
    let reached: usize = atom
        .terms
        .iter()
        .map(|&(o, _)| index.doc_freq(o) as usize)
        .sum();
    let mut out: Vec<(u32, f32)> = Vec::with_capacity(reached.min(n));
    for &(offset, weight) in &atom.terms {
        let idf = bm25::idf(index.doc_freq(offset), n);
        for (p, tf) in index.postings(offset) {
            let Some(entry) = in_scope(p) else {
                continue;
            };
            let field = entry.at.field;
            let s = weight * bm25::score(tf, entry.len, index.avg_len(field), idf, field);
            out.push((p, s));
        }
    }
    if atom.terms.len() > 1 {
        // Several terms reach the same passage: it scores its best one.
        out.sort_unstable_by_key(|&(p, _)| p);
        out.dedup_by(|next, kept| {
            let same = next.0 == kept.0;
            if same {
                kept.1 = kept.1.max(next.1);
            }
            same
        });
    }
    out.retain(|&(_, s)| s > 0.0);
    out
}

/// A phrase scores the sum of its terms' scores in passages where the terms
/// stand at the phrase's distances from each other (stop words counted).
/// The first term's passages are walked and the other terms' lists merged
/// alongside (all are sorted by passage).
fn phrase_hits<'i>(
    index: &'i SearchIndex,
    atom: &Expanded,
    in_scope: impl Fn(u32) -> Option<&'i crate::index::format::PassageEntry>,
) -> Vec<(u32, f32)> {
    let mut out = Vec::new();
    let Some(&(first, _)) = atom.terms.first() else {
        return out;
    };
    let n = index.passages().len();
    let rest: Vec<PositionLists> = atom.terms[1..]
        .iter()
        .map(|&(o, _)| index.position_lists(o))
        .collect();
    let idfs: Vec<f32> = atom
        .terms
        .iter()
        .map(|&(o, _)| bm25::idf(index.doc_freq(o), n))
        .collect();
    let at0 = atom.phrase_at.first().copied().unwrap_or(0);
    let mut cursors = vec![0usize; rest.len()];
    let mut lists: Vec<&[u32]> = Vec::with_capacity(rest.len());
    let firsts = index.position_lists(first);
    'passages: for (i, &p) in firsts.passages.iter().enumerate() {
        let starts = firsts.positions(i);
        lists.clear();
        for (list, at) in rest.iter().zip(cursors.iter_mut()) {
            while list.passages.get(*at).is_some_and(|&q| q < p) {
                *at += 1;
            }
            match list.passages.get(*at) {
                Some(&q) if q == p => lists.push(list.positions(*at)),
                Some(_) => continue 'passages,
                None => break 'passages,
            }
        }
        let found = starts.iter().any(|&s| {
            s.checked_sub(at0).is_some_and(|base| {
                lists
                    .iter()
                    .zip(atom.phrase_at.get(1..).unwrap_or(&[]))
                    .all(|(l, &rel)| l.binary_search(&(base + rel)).is_ok())
            })
        });
        let Some(entry) = in_scope(p).filter(|_| found) else {
            continue;
        };
        let field = entry.at.field;
        let avg = index.avg_len(field);
        let tf0 = starts.len() as u32;
        let mut score = bm25::score(tf0, entry.len, avg, idfs[0], field);
        for (l, idf) in lists.iter().zip(&idfs[1..]) {
            score += bm25::score(l.len() as u32, entry.len, avg, *idf, field);
        }
        if score > 0.0 {
            out.push((p, score));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_list_operations() {
        let l = |ps: &[u32]| ps.iter().map(|&p| (p, 1.0)).collect::<Vec<_>>();
        let (a, b) = (l(&[1, 4, 9]), l(&[2, 4, 10]));
        assert_eq!(
            union([a.as_slice(), b.as_slice()].into_iter()),
            [1, 2, 4, 9, 10]
        );
        assert_eq!(intersect(&[1, 4, 9], &[2, 4, 9, 10]), [4, 9]);
        assert_eq!(subtract(&[1, 4, 9, 12], &[0, 4, 10]), [1, 9, 12]);
        assert!(intersect(&[], &[1]).is_empty());
    }

    #[test]
    fn a_ranked_prefix_is_the_head_of_the_full_ranking() {
        let hits: Vec<(u32, f32)> = (0..200u32).map(|p| (p, ((p * 37) % 11) as f32)).collect();
        let mut full = hits.clone();
        full.sort_by(by_rank);
        for k in [0, 1, 5, 60, 199, 200, 500] {
            let mut part = hits.clone();
            rank_prefix(&mut part, k);
            let k = k.min(200);
            assert_eq!(part[..k], full[..k], "k = {k}");
        }
    }
}
