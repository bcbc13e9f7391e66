//! Evaluating a parsed query: a rank per matching passage from the postings
//! of the terms each atom reaches, clauses intersected, exclusions removed,
//! phrases matched on word positions, and how close together the clauses
//! stand. How the rank is made is `bm25.rs`'s to say; this file gathers
//! its inputs.
//!
//! Everything is sparse: each atom becomes a list of `(passage, match)`
//! sorted by passage (postings already are), clauses are unions of those
//! lists, and intersecting clauses or removing exclusions is a merge of
//! sorted lists. The work grows with the postings a query touches, not with
//! the corpus: at 100× the seeds (issue 8) a slot per passage for every
//! atom, and a scan of every passage, cost more than the matching itself.
//! Ranking is left to the caller ([`rank_prefix`]): a results page needs
//! only its window in order, while counts need every match.

use crate::index::format::PassageEntry;
use crate::index::postings::PositionLists;
use crate::index::SearchIndex;
use crate::search::bm25::{self, Proximity, Tier};
use crate::search::expand::{expand, Expanded, Reach};
use crate::search::query::Query;
use std::cmp::Ordering;

/// How one atom matches one passage: the best way it reached it, and its
/// share of the passage's BM25F sum (weighted by that way).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AtomMatch {
    /// How the atom reached the passage.
    pub tier: Tier,
    /// Weighted BM25F score of the atom in the passage.
    pub score: f32,
}

impl AtomMatch {
    /// `true` when `self` is a better way to reach the passage than
    /// `other`: a better tier, or the same tier and a higher score.
    pub fn beats(&self, other: &AtomMatch) -> bool {
        (self.tier, other.score) < (other.tier, self.score)
    }
}

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

/// The passages matching `query` with their ranks, in passage order;
/// `only_doc` restricts to one document. A passage matches when every
/// clause has an atom matching it and no exclusion does. Its rank is
/// [`bm25::rank`] of the worst tier over the clauses (each clause at its
/// best atom), how close together the clauses stand, and the sum of its
/// atoms' scores.
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
    let lists: Vec<Vec<(u32, AtomMatch)>> = atoms
        .iter()
        .map(|a| atom_hits(index, a, only_doc, query.lang))
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
        let excluded: Vec<Vec<(u32, AtomMatch)>> = query
            .exclude
            .iter()
            .map(|a| atom_hits(index, &expand(index, a, Reach::Strict), None, query.lang))
            .collect();
        let excluded = union(excluded.iter().map(Vec::as_slice));
        candidates = subtract(&candidates, &excluded);
    }
    // Sum in atom order, as a dense sum over every atom would (adding the
    // zero of an atom that does not match leaves a positive sum unchanged),
    // and keep each clause's best tier.
    let n_clauses = query.clauses.len();
    let mut sums = vec![0.0f32; candidates.len()];
    let mut best = vec![Tier::WORST; candidates.len() * n_clauses];
    for (list, &c) in lists.iter().zip(&clause_of) {
        let mut at = 0;
        for (i, p) in candidates.iter().enumerate() {
            while list.get(at).is_some_and(|&(q, _)| q < *p) {
                at += 1;
            }
            match list.get(at) {
                Some(&(q, m)) if q == *p => {
                    sums[i] += m.score;
                    let slot = &mut best[i * n_clauses + c];
                    *slot = (*slot).min(m.tier);
                }
                Some(_) => {}
                None => break,
            }
        }
    }
    let proximity = clause_proximity(index, &atoms, &clause_of, n_clauses, &candidates);
    let hits = candidates
        .iter()
        .enumerate()
        .map(|(i, &p)| {
            let tier = best[i * n_clauses..(i + 1) * n_clauses]
                .iter()
                .copied()
                .max()
                .unwrap_or(Tier::WORST);
            let near = proximity.get(i).copied().unwrap_or(Proximity::Together);
            (p, bm25::rank(tier, near, sums[i]))
        })
        .collect();
    Matches { hits, atoms }
}

/// For each of `candidates` (ascending), how close together it holds one
/// match of each clause; all [`Proximity::Together`] for a single clause.
/// A clause's matches are the positions of every term its atoms reach
/// (for a phrase, of its first word).
fn clause_proximity(
    index: &SearchIndex,
    atoms: &[Expanded],
    clause_of: &[usize],
    n_clauses: usize,
    candidates: &[u32],
) -> Vec<Proximity> {
    if n_clauses < 2 {
        return vec![Proximity::Together; candidates.len()];
    }
    let mut lists: Vec<(usize, PositionLists)> = Vec::new();
    let mut seen: Vec<(usize, u64)> = Vec::new();
    for (atom, &c) in atoms.iter().zip(clause_of) {
        let terms = if atom.phrase {
            &atom.terms[..atom.terms.len().min(1)]
        } else {
            &atom.terms[..]
        };
        for r in terms {
            if !seen.contains(&(c, r.offset)) {
                seen.push((c, r.offset));
                lists.push((c, index.position_lists(r.offset)));
            }
        }
    }
    let mut cursors = vec![0usize; lists.len()];
    let mut per_clause: Vec<Vec<u32>> = vec![Vec::new(); n_clauses];
    candidates
        .iter()
        .map(|&p| {
            per_clause.iter_mut().for_each(Vec::clear);
            for ((c, list), at) in lists.iter().zip(cursors.iter_mut()) {
                while list.passages.get(*at).is_some_and(|&q| q < p) {
                    *at += 1;
                }
                if list.passages.get(*at) == Some(&p) {
                    per_clause[*c].extend_from_slice(list.positions(*at));
                }
            }
            for positions in per_clause.iter_mut() {
                positions.sort_unstable();
            }
            match smallest_window(&per_clause) {
                Some(span) => Proximity::of_span(span, n_clauses as u32),
                None => Proximity::Apart,
            }
        })
        .collect()
}

/// The fewest word positions (first to last, inclusive) of a window that
/// holds one entry of every sorted list; `None` when a list is empty.
pub fn smallest_window(lists: &[Vec<u32>]) -> Option<u32> {
    if lists.is_empty() || lists.iter().any(Vec::is_empty) {
        return None;
    }
    let mut at = vec![0usize; lists.len()];
    let mut best = u32::MAX;
    loop {
        let (mut lo, mut lo_list, mut hi) = (u32::MAX, 0, 0);
        for (i, (list, &j)) in lists.iter().zip(&at).enumerate() {
            let v = list[j];
            if v < lo {
                lo = v;
                lo_list = i;
            }
            hi = hi.max(v);
        }
        best = best.min(hi - lo + 1);
        at[lo_list] += 1;
        if at[lo_list] == lists[lo_list].len() {
            return Some(best);
        }
    }
}

/// The passages in any of the sorted lists, sorted and once each.
fn union<'l, T: 'l>(lists: impl Iterator<Item = &'l [(u32, T)]>) -> Vec<u32> {
    let lists: Vec<&[(u32, T)]> = lists.collect();
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

/// One atom's `(passage, match)` where it scores above zero, in passage
/// order; passages of other documents than `only_doc` are left out. `lang`
/// is the query's language (a near-spelling in a passage of another
/// language ranks below all others: [`Tier::in_language`]).
fn atom_hits(
    index: &SearchIndex,
    atom: &Expanded,
    only_doc: Option<u32>,
    lang: &str,
) -> Vec<(u32, AtomMatch)> {
    let passages = index.passages();
    let in_scope = |p: u32| {
        passages
            .get(p as usize)
            .filter(|e| only_doc.is_none_or(|d| e.at.doc == d))
    };
    if atom.phrase {
        return phrase_hits(index, atom, in_scope, lang);
    }
    let n = passages.len();
    let reached: usize = atom
        .terms
        .iter()
        .map(|r| index.doc_freq(r.offset) as usize)
        .sum();
    let mut out: Vec<(u32, AtomMatch)> = Vec::with_capacity(reached.min(n));
    for r in &atom.terms {
        let idf = bm25::idf(index.doc_freq(r.offset), n);
        for (p, tf, forms) in index.postings_with_forms(r.offset) {
            let Some(entry) = in_scope(p) else {
                continue;
            };
            let Some(tier) = r.tier_in(forms) else {
                continue;
            };
            let tier = tier.in_language(entry.lang(), lang);
            out.push((
                p,
                AtomMatch {
                    tier,
                    score: tier.weight() * term_score(index, entry, tf, idf),
                },
            ));
        }
    }
    if atom.terms.len() > 1 {
        // Several terms reach the same passage: it keeps its best.
        out.sort_unstable_by_key(|&(p, _)| p);
        out.dedup_by(|next, kept| {
            let same = next.0 == kept.0;
            if same && next.1.beats(&kept.1) {
                kept.1 = next.1;
            }
            same
        });
    }
    out.retain(|&(_, m)| m.score > 0.0);
    out
}

/// BM25F of a term with frequency `tf` in the passage `entry`.
pub fn term_score(index: &SearchIndex, entry: &PassageEntry, tf: u32, idf: f32) -> f32 {
    let field = entry.at.field;
    let avg = index.avg_len(bm25::length_basis(field));
    bm25::score(tf, entry.len, avg, idf, field)
}

/// A phrase scores the sum of its terms' scores in passages where the terms
/// stand at the phrase's distances from each other (stop words counted);
/// it is exact where the passage holds every word's form as typed, and
/// stemmed elsewhere. The first term's passages are walked and the other
/// terms' lists merged alongside (all are sorted by passage).
fn phrase_hits<'i>(
    index: &'i SearchIndex,
    atom: &Expanded,
    in_scope: impl Fn(u32) -> Option<&'i PassageEntry>,
    lang: &str,
) -> Vec<(u32, AtomMatch)> {
    let mut out = Vec::new();
    let Some(first) = atom.terms.first() else {
        return out;
    };
    let n = index.passages().len();
    let rest: Vec<PositionLists> = atom.terms[1..]
        .iter()
        .map(|r| index.position_lists(r.offset))
        .collect();
    let idfs: Vec<f32> = atom
        .terms
        .iter()
        .map(|r| bm25::idf(index.doc_freq(r.offset), n))
        .collect();
    let at0 = atom.phrase_at.first().copied().unwrap_or(0);
    let mut cursors = vec![0usize; rest.len()];
    let mut lists: Vec<(&[u32], u64)> = Vec::with_capacity(rest.len());
    let firsts = index.position_lists(first.offset);
    'passages: for (i, &p) in firsts.passages.iter().enumerate() {
        let starts = firsts.positions(i);
        lists.clear();
        for (list, at) in rest.iter().zip(cursors.iter_mut()) {
            while list.passages.get(*at).is_some_and(|&q| q < p) {
                *at += 1;
            }
            match list.passages.get(*at) {
                Some(&q) if q == p => lists.push((list.positions(*at), list.forms(*at))),
                Some(_) => continue 'passages,
                None => break 'passages,
            }
        }
        let found = starts.iter().any(|&s| {
            s.checked_sub(at0).is_some_and(|base| {
                lists
                    .iter()
                    .zip(atom.phrase_at.get(1..).unwrap_or(&[]))
                    .all(|((l, _), &rel)| l.binary_search(&(base + rel)).is_ok())
            })
        });
        let Some(entry) = in_scope(p).filter(|_| found) else {
            continue;
        };
        let exact = first.tier_in(firsts.forms(i)) == Some(Tier::Exact)
            && atom.terms[1..]
                .iter()
                .zip(&lists)
                .all(|(r, &(_, forms))| r.tier_in(forms) == Some(Tier::Exact));
        let tier = if exact { Tier::Exact } else { Tier::Stemmed }.in_language(entry.lang(), lang);
        let mut sum = term_score(index, entry, starts.len() as u32, idfs[0]);
        for ((l, _), idf) in lists.iter().zip(&idfs[1..]) {
            sum += term_score(index, entry, l.len() as u32, *idf);
        }
        let score = tier.weight() * sum;
        if score > 0.0 {
            out.push((p, AtomMatch { tier, score }));
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
    fn the_smallest_window_holds_one_position_of_each_list() {
        let w = |ls: &[&[u32]]| smallest_window(&ls.iter().map(|l| l.to_vec()).collect::<Vec<_>>());
        assert_eq!(w(&[&[1, 20], &[22, 40]]), Some(3));
        assert_eq!(w(&[&[5], &[1, 9], &[7]]), Some(5));
        assert_eq!(w(&[&[3], &[3]]), Some(1));
        assert_eq!(w(&[&[3], &[]]), None);
        assert_eq!(w(&[]), None);
    }

    #[test]
    fn a_match_beats_another_by_tier_then_score() {
        let m = |tier, score| AtomMatch { tier, score };
        assert!(m(Tier::Exact, 0.1).beats(&m(Tier::Stemmed, 9.0)));
        assert!(m(Tier::Typo1, 2.0).beats(&m(Tier::Typo1, 1.0)));
        assert!(!m(Tier::Typo1, 1.0).beats(&m(Tier::Typo1, 1.0)));
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
