//! Evaluating a parsed query: a score per passage from the postings of the
//! terms each atom reaches, clauses intersected, exclusions removed, phrases
//! matched on word positions. Scores are dense vectors over the
//! passages (a few thousand floats), which is faster than maps at this size.

use crate::index::SearchIndex;
use crate::search::bm25;
use crate::search::expand::{expand, Expanded, Reach};
use crate::search::query::Query;
use std::collections::HashMap;

/// A query evaluated: passages that match, best first, and the expanded
/// positive atoms (for snippets and highlighting).
#[derive(Debug, Default)]
pub struct Evaluation {
    /// `(passage, score)`, by descending score, then passage order.
    pub ranked: Vec<(u32, f32)>,
    /// Positive atoms, clause by clause, flattened.
    pub atoms: Vec<Expanded>,
}

/// Scores every passage for `query`; `only_doc` restricts to one document.
pub fn evaluate(index: &SearchIndex, query: &Query, only_doc: Option<u32>) -> Evaluation {
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
        return Evaluation {
            ranked: Vec::new(),
            atoms,
        };
    }
    let scores: Vec<Vec<f32>> = atoms.iter().map(|a| atom_scores(index, a, n)).collect();
    let ex_scores: Vec<Vec<f32>> = excluded.iter().map(|a| atom_scores(index, a, n)).collect();
    let clauses = query.clauses.len();
    let mut ranked: Vec<(u32, f32)> = Vec::new();
    for p in 0..n {
        if let Some(d) = only_doc {
            if index.passages()[p].at.doc != d {
                continue;
            }
        }
        if (0..clauses).any(|c| {
            !clause_of
                .iter()
                .zip(&scores)
                .any(|(&ac, s)| ac == c && s[p] > 0.0)
        }) {
            continue;
        }
        let mut out = false;
        for e in &ex_scores {
            if e[p] > 0.0 {
                out = true;
                break;
            }
        }
        if !out {
            let sum: f32 = scores.iter().map(|s| s[p]).sum();
            ranked.push((p as u32, sum));
        }
    }
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    Evaluation { ranked, atoms }
}

/// One atom's score in every passage (0 where it does not match).
fn atom_scores(index: &SearchIndex, atom: &Expanded, n: usize) -> Vec<f32> {
    let mut acc = vec![0f32; n];
    if atom.phrase {
        phrase_scores(index, atom, &mut acc);
        return acc;
    }
    for &(offset, weight) in &atom.terms {
        let idf = bm25::idf(index.doc_freq(offset), n);
        for (p, tf) in index.postings(offset) {
            let (Some(entry), Some(slot)) =
                (index.passages().get(p as usize), acc.get_mut(p as usize))
            else {
                continue;
            };
            let field = entry.at.field;
            let s = weight * bm25::score(tf, entry.len, index.avg_len(field), idf, field);
            *slot = slot.max(s);
        }
    }
    acc
}

/// A phrase scores the sum of its terms' scores in passages where the terms
/// stand at the phrase's distances from each other (stop words counted).
fn phrase_scores(index: &SearchIndex, atom: &Expanded, acc: &mut [f32]) {
    let n = acc.len();
    let Some(&(first, _)) = atom.terms.first() else {
        return;
    };
    let rest: Vec<HashMap<u32, Vec<u32>>> = atom.terms[1..]
        .iter()
        .map(|&(o, _)| index.positions(o).into_iter().collect())
        .collect();
    let idfs: Vec<f32> = atom
        .terms
        .iter()
        .map(|&(o, _)| bm25::idf(index.doc_freq(o), n))
        .collect();
    let at0 = atom.phrase_at.first().copied().unwrap_or(0);
    for (p, starts) in index.positions(first) {
        let lists: Option<Vec<&Vec<u32>>> = rest.iter().map(|m| m.get(&p)).collect();
        let Some(lists) = lists else {
            continue;
        };
        let found = starts.iter().any(|&s| {
            s.checked_sub(at0).is_some_and(|base| {
                lists
                    .iter()
                    .zip(atom.phrase_at.get(1..).unwrap_or(&[]))
                    .all(|(l, &rel)| l.binary_search(&(base + rel)).is_ok())
            })
        });
        let (Some(entry), Some(slot)) = (index.passages().get(p as usize), acc.get_mut(p as usize))
        else {
            continue;
        };
        if found {
            let field = entry.at.field;
            let avg = index.avg_len(field);
            let tf0 = starts.len() as u32;
            let mut score = bm25::score(tf0, entry.len, avg, idfs[0], field);
            for (l, idf) in lists.iter().zip(&idfs[1..]) {
                score += bm25::score(l.len() as u32, entry.len, avg, *idf, field);
            }
            *slot = score;
        }
    }
}
