//! Fuzzes the URL state: filters, the percent codec and the app's routes.
//! The checks live in `atlas_invariants::url_filters`, so the stable test suite
//! replays this target's corpus and regressions through the same code
//! (`crates/atlas-invariants/tests/replay.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| atlas_invariants::url_filters::check(data));
