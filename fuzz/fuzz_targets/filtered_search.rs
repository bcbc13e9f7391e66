//! Fuzzes filtered search and live facet counts (structure-aware: arbitrary picks among the corpus's own ids).
//! The checks live in `atlas_invariants::filtered_search`, so the stable test suite
//! replays this target's corpus and regressions through the same code
//! (`crates/atlas-invariants/tests/replay.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| atlas_invariants::filtered_search::check(data));
