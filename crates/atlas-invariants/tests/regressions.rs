//! The inputs that once failed a fuzz target's invariants, each as a named
//! test (they are also replayed with the rest of `fuzz/regressions/`).

fn regression(target: &str, name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/regressions")
        .join(target)
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Two atoms matched overlapping words (`[36, 37]` and `[36, 39]`): the
/// snippet's spans, which embedders slice by, must be ascending and disjoint.
#[test]
fn query_overlapping_spans() {
    atlas_invariants::query::check(&regression("query", "overlapping-spans"));
}

/// A year's range was computed on one note and resolved on another with
/// the same number: every annotation range must cut its own passage's text.
#[test]
fn clean_year_range_outside_passage() {
    atlas_invariants::clean::check(&regression("clean", "year-range-outside-passage"));
}
