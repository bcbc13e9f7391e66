//! Replays every input the fuzzers kept (`fuzz/corpus/<target>/`) and every
//! input that once failed (`fuzz/regressions/<target>/`) through the same
//! invariant functions the fuzz targets call, on stable, in every test run.
//! A failure names the target and the file; all failures are listed, not
//! just the first.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

fn inputs(target: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut out = Vec::new();
    for kind in ["corpus", "regressions"] {
        let Ok(dir) = std::fs::read_dir(root.join(kind).join(target)) else {
            continue;
        };
        for entry in dir.flatten() {
            let path = entry.path();
            if path.is_file() && path.file_name().is_some_and(|n| n != "README.md") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn replay(target: &str, check: fn(&[u8])) -> usize {
    let files = inputs(target);
    let mut failures = Vec::new();
    for path in &files {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => panic!("{}: {e}", path.display()),
        };
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| check(&bytes))) {
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failures.push(format!("{}: {msg}", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{target}: {} of {} inputs fail:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
    files.len()
}

#[test]
fn every_target_has_its_corpus_in_the_repository() {
    for (target, _) in atlas_invariants::TARGETS {
        assert!(
            inputs(target).len() >= 10,
            "fuzz/corpus/{target}/ holds fewer than 10 inputs"
        );
    }
}

#[test]
fn clean_corpus_and_regressions_replay() {
    replay("clean", atlas_invariants::clean::check);
}

#[test]
fn query_corpus_and_regressions_replay() {
    replay("query", atlas_invariants::query::check);
}

#[test]
fn url_filters_corpus_and_regressions_replay() {
    replay("url_filters", atlas_invariants::url_filters::check);
}

#[test]
fn filtered_search_corpus_and_regressions_replay() {
    replay("filtered_search", atlas_invariants::filtered_search::check);
}
