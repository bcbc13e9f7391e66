//! The search engine against the judged relevance set `eval/search/`
//! (issue 19): 98 queries over the seeds, judged by reading before the
//! ranking was tuned. Each figure has a floor just under what the engine
//! reached when the floor was set; a change that ranks worse fails here. The same
//! figures print with `atlas eval-search --judged eval/search/judgements.tsv`.

use atlas_core::eval_search::{evaluate, load, SearchReport};
use atlas_core::search::Searcher;
use std::path::PathBuf;

mod common;
use common::seed_index;

fn report() -> SearchReport {
    let (corpus, index) = seed_index();
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../eval/search/judgements.tsv");
    let judged = load(&file, corpus).unwrap_or_else(|e| panic!("{e}"));
    assert!(judged.len() >= 60, "{} judged queries", judged.len());
    evaluate(&Searcher::new(corpus, index), &judged)
}

/// Floors: (class, nDCG@10, MRR). `all` is every query. Set from the
/// figures after the issue 19 ranking (before it: all 0.886 / 0.967).
/// `name` and `phrase` sit a little below their earlier figures (0.910,
/// 0.912): the query's own spelling now ranks above other romanisations
/// (`Khabarovsk` before `Khabarovskiy krai`) and a title no longer wins on
/// its shortness, where the judgements count both alike.
const FLOORS: &[(&str, f64, f64)] = &[
    ("all", 0.91, 0.99),
    ("cyrillic", 0.89, 0.99),
    ("name", 0.90, 0.99),
    ("phrase", 0.90, 0.99),
    ("prefix", 0.97, 0.99),
    ("single", 0.94, 0.99),
    ("topic", 0.90, 0.99),
    ("typo", 0.87, 0.99),
];

#[test]
fn the_judged_set_stays_above_its_floors() {
    let r = report();
    eprintln!("{}", r.to_text());
    for &(class, ndcg, mrr) in FLOORS {
        let got = if class == "all" {
            &r.overall
        } else {
            r.classes
                .get(class)
                .unwrap_or_else(|| panic!("no class {class}"))
        };
        assert!(
            got.ndcg >= ndcg,
            "{class}: nDCG@10 {:.3} < {ndcg}",
            got.ndcg
        );
        assert!(got.mrr >= mrr, "{class}: MRR {:.3} < {mrr}", got.mrr);
    }
}
