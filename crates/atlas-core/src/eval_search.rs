//! Measuring the search engine against a judged relevance set:
//! `atlas eval-search --judged eval/search/judgements.tsv` (issue 19).
//!
//! Ranking changes need a yardstick that was not made by the ranking: the
//! judgements were written by reading the seeds, before tuning (see
//! `eval/search/README.md` for the rules). A judgements file is TSV with
//! a header, one row per (query, passage):
//!
//! ```text
//! class  query  passage  grade  why
//! ```
//!
//! (`grade` is 2 = exactly about it or 1 = relevant; an unlisted passage
//! is 0; `passage` is an id as the search JSON reports it.)
//!
//! Every query runs as the app runs it ([`SearchOptions::default`], the
//! last word a prefix) and its first [`DEPTH`] hits are scored: nDCG@10
//! with gain `2^grade - 1` against the ideal order of the judged passages,
//! and the reciprocal rank of the first hit with grade ≥ 1 (0 if none is
//! in the top [`DEPTH`]). Both are averaged over all queries and per class.

use crate::error::{Error, ErrorKind};
use crate::index::passages;
use crate::search::{SearchOptions, Searcher};
use crate::Corpus;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// Hits scored per query (the "10" of nDCG@10).
pub const DEPTH: usize = 10;

/// Queries [`SearchReport::to_text`] lists as the worst.
pub const WORST_SHOWN: usize = 12;

const HEADER: [&str; 5] = ["class", "query", "passage", "grade", "why"];

/// One query of the set with its graded passages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JudgedQuery {
    /// Query class (`single`, `name`, `cyrillic`, `phrase`, `typo`, `topic`, `prefix`).
    pub class: String,
    /// The query as typed.
    pub query: String,
    /// Passage id → grade (1 or 2), with the line that judged it.
    pub grades: BTreeMap<String, (u8, usize)>,
}

/// Reads and checks a judgements file; `corpus` is what its passage ids
/// must name (an id the corpus does not hold is a typo or a stale
/// judgement, and an error at its line).
pub fn load(file: &Path, corpus: &Corpus) -> Result<Vec<JudgedQuery>, Error> {
    let text = std::fs::read_to_string(file).map_err(|e| Error::io(file, e))?;
    let name = file.display().to_string();
    let queries = parse(&text, &name)?;
    for q in &queries {
        for (id, &(_, line)) in &q.grades {
            if passages::by_block_id(corpus, id).is_none() {
                let m = format!("passage {id:?} is not in the corpus");
                return Err(Error::at_line(file, line, ErrorKind::Data(m)));
            }
        }
    }
    Ok(queries)
}

/// Parses a judgements file's text, queries in the order they first
/// appear; `file` is used in error messages.
pub fn parse(text: &str, file: &str) -> Result<Vec<JudgedQuery>, Error> {
    let bad = |line: usize, m: String| Error::at_line(file, line, ErrorKind::Data(m));
    let mut out: Vec<JudgedQuery> = Vec::new();
    let mut at: BTreeMap<String, usize> = BTreeMap::new();
    for (line, cols) in crate::gazetteer::tsv_rows(text, file, &HEADER, ErrorKind::Data)? {
        let (class, query, passage) = (cols[0].trim(), cols[1], cols[2].trim());
        if class.is_empty() || query.trim().is_empty() || passage.is_empty() {
            return Err(bad(
                line,
                "class, query and passage must not be empty".into(),
            ));
        }
        let grade = match cols[3].trim() {
            "1" => 1,
            "2" => 2,
            g => return Err(bad(line, format!("grade {g:?} is not 1 or 2"))),
        };
        let i = *at.entry(query.to_string()).or_insert_with(|| {
            out.push(JudgedQuery {
                class: class.to_string(),
                query: query.to_string(),
                grades: BTreeMap::new(),
            });
            out.len() - 1
        });
        let q = &mut out[i];
        if q.class != class {
            let m = format!(
                "query {query:?} is class {:?} above, {class:?} here",
                q.class
            );
            return Err(bad(line, m));
        }
        if let Some((_, first)) = q.grades.insert(passage.to_string(), (grade, line)) {
            let m = format!("{query:?} judges {passage} twice (also on line {first})");
            return Err(bad(line, m));
        }
    }
    if out.is_empty() {
        return Err(Error::file(file, ErrorKind::Data("no judgements".into())));
    }
    Ok(out)
}

/// How one query fared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueryResult {
    /// Its class.
    pub class: String,
    /// The query.
    pub query: String,
    /// nDCG@[`DEPTH`].
    pub ndcg: f64,
    /// Reciprocal rank of the first relevant hit (0 when none is in the top [`DEPTH`]).
    pub rr: f64,
    /// The top hits as `(passage, grade)`.
    pub top: Vec<(String, u8)>,
    /// Judged passages not in the top [`DEPTH`], grade 2 first.
    pub missed: Vec<(String, u8)>,
}

/// Averages over a group of queries.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    /// Queries in the group.
    pub queries: usize,
    /// Mean nDCG@[`DEPTH`].
    pub ndcg: f64,
    /// Mean reciprocal rank.
    pub mrr: f64,
}

/// What [`evaluate`] found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchReport {
    /// Over every query.
    pub overall: Figures,
    /// Per class, by class name.
    pub classes: BTreeMap<String, Figures>,
    /// Every query, worst nDCG first (then worst reciprocal rank, then set order).
    pub worst: Vec<QueryResult>,
}

/// Runs every judged query and scores its top [`DEPTH`] hits.
pub fn evaluate(searcher: &Searcher<'_>, judged: &[JudgedQuery]) -> SearchReport {
    let options = SearchOptions {
        limit: DEPTH,
        ..SearchOptions::default()
    };
    let mut results: Vec<QueryResult> = judged
        .iter()
        .map(|q| {
            let hits: Vec<String> = searcher
                .search(&q.query, &options)
                .hits
                .into_iter()
                .map(|h| h.block.to_string())
                .collect();
            score_query(q, &hits)
        })
        .collect();
    let overall = figures(results.iter());
    let mut classes = BTreeMap::new();
    for class in judged.iter().map(|q| q.class.as_str()) {
        classes
            .entry(class.to_string())
            .or_insert_with(|| figures(results.iter().filter(|r| r.class == class)));
    }
    // Stable: ties keep the set's order.
    results.sort_by(|a, b| a.ndcg.total_cmp(&b.ndcg).then(a.rr.total_cmp(&b.rr)));
    SearchReport {
        overall,
        classes,
        worst: results,
    }
}

/// nDCG and reciprocal rank of one ranked list of passage ids.
pub fn score_query(q: &JudgedQuery, ranked: &[String]) -> QueryResult {
    let grade = |id: &str| q.grades.get(id).map_or(0, |&(g, _)| g);
    let top: Vec<(String, u8)> = ranked
        .iter()
        .take(DEPTH)
        .map(|id| (id.clone(), grade(id)))
        .collect();
    let got = dcg(top.iter().map(|&(_, g)| g));
    let mut ideal: Vec<u8> = q.grades.values().map(|&(g, _)| g).collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg = dcg(ideal.into_iter().take(DEPTH));
    let rr = top
        .iter()
        .position(|&(_, g)| g > 0)
        .map_or(0.0, |i| 1.0 / (i as f64 + 1.0));
    let mut missed: Vec<(String, u8)> = q
        .grades
        .iter()
        .filter(|(id, _)| !top.iter().any(|(t, _)| t == *id))
        .map(|(id, &(g, _))| (id.clone(), g))
        .collect();
    missed.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    QueryResult {
        class: q.class.clone(),
        query: q.query.clone(),
        ndcg: if idcg > 0.0 { got / idcg } else { 0.0 },
        rr,
        top,
        missed,
    }
}

/// Discounted cumulative gain of grades in rank order.
fn dcg(grades: impl Iterator<Item = u8>) -> f64 {
    grades
        .enumerate()
        .map(|(i, g)| (f64::from(2u32.pow(u32::from(g))) - 1.0) / (i as f64 + 2.0).log2())
        // A fold from +0.0: an empty `sum()` of floats is -0.0, printed "-0.000".
        .fold(0.0, |a, x| a + x)
}

fn figures<'r>(results: impl Iterator<Item = &'r QueryResult>) -> Figures {
    let (mut n, mut ndcg, mut rr) = (0usize, 0.0, 0.0);
    for r in results {
        n += 1;
        ndcg += r.ndcg;
        rr += r.rr;
    }
    let mean = |x: f64| if n > 0 { x / n as f64 } else { 0.0 };
    Figures {
        queries: n,
        ndcg: mean(ndcg),
        mrr: mean(rr),
    }
}

impl SearchReport {
    /// The report as text: overall, per class, then the worst queries with
    /// their top hits (`id=grade`) and what they missed.
    pub fn to_text(&self) -> String {
        let line = |name: &str, f: &Figures| {
            format!(
                "{name:<10} {:>4}  nDCG@{DEPTH} {:.3}  MRR {:.3}\n",
                f.queries, f.ndcg, f.mrr
            )
        };
        let mut out = line("all", &self.overall);
        for (class, f) in &self.classes {
            out.push_str(&line(class, f));
        }
        out.push_str(&format!("\nworst {WORST_SHOWN}:\n"));
        // `002_e63e79a699b4910e:21` → `002:21`: the seed number is enough to read by.
        let short = |id: &str, g: u8| match (id.split_once('_'), id.split_once(':')) {
            (Some((n, _)), Some((_, rest))) => format!("{n}:{rest}={g}"),
            _ => format!("{id}={g}"),
        };
        for r in self.worst.iter().take(WORST_SHOWN) {
            let top: Vec<String> = r.top.iter().take(5).map(|(id, g)| short(id, *g)).collect();
            let missed: Vec<String> = r
                .missed
                .iter()
                .take(4)
                .map(|(id, g)| short(id, *g))
                .collect();
            out.push_str(&format!(
                "  {:.3} rr {:.2} [{}] {}\n      top: {}\n      missed: {}\n",
                r.ndcg,
                r.rr,
                r.class,
                r.query,
                top.join(" "),
                missed.join(" ")
            ));
        }
        out.trim_end().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SET: &str = "class\tquery\tpassage\tgrade\twhy\n\
                       single\tgas\td:1\t2\tall about gas\n\
                       single\tgas\td:2\t1\tmentions it\n\
                       # a comment\n\
                       typo\tgsa\td:1\t2\tall about gas\n";

    #[test]
    fn parses_queries_in_order_with_their_grades() {
        let q = parse(SET, "j.tsv").unwrap();
        assert_eq!(q.len(), 2);
        assert_eq!(
            (q[0].class.as_str(), q[0].query.as_str()),
            ("single", "gas")
        );
        assert_eq!(q[0].grades["d:2"], (1, 3));
        assert_eq!(q[1].grades.len(), 1);
    }

    #[test]
    fn bad_rows_are_errors_with_their_line() {
        let with = |row: &str| format!("{SET}{row}\n");
        for (row, needle) in [
            ("single\tgas\td:3\t3\tx", "grade \"3\""),
            ("topic\tgas\td:3\t1\tx", "class"),
            ("single\tgas\td:1\t1\tx", "twice"),
            ("single\tgas\td:3\t1", "columns"),
        ] {
            let e = parse(&with(row), "j.tsv").unwrap_err();
            assert_eq!(e.line, Some(6), "{row}");
            assert!(e.to_string().contains(needle), "{row}: {e}");
        }
        assert!(parse("class\tquery\tpassage\tgrade\twhy\n", "j.tsv").is_err());
        assert!(parse("query\tpassage\n", "j.tsv").is_err());
    }

    #[test]
    fn ndcg_and_reciprocal_rank_follow_the_grades() {
        let q = &parse(SET, "j.tsv").unwrap()[0];
        let ids = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let best = score_query(q, &ids(&["d:1", "d:2", "d:9"]));
        assert!((best.ndcg - 1.0).abs() < 1e-12);
        assert_eq!(best.rr, 1.0);
        let swapped = score_query(q, &ids(&["d:2", "d:1"]));
        assert!(swapped.ndcg < 1.0 && swapped.ndcg > 0.5);
        let late = score_query(q, &ids(&["d:8", "d:9", "d:1"]));
        assert!((late.rr - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(late.missed, [("d:2".to_string(), 1)]);
        let none = score_query(q, &ids(&["d:8"]));
        assert_eq!((none.ndcg, none.rr), (0.0, 0.0));
        // Past the cut-off nothing counts.
        let mut deep = ids(&["x"; DEPTH]);
        deep.push("d:1".into());
        assert_eq!(score_query(q, &deep).rr, 0.0);
    }
}
