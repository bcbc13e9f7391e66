//! Fuzzes the query language and the whole search behind it (first byte: options; rest: the query).
//! The checks live in `atlas_invariants::query`, so the stable test suite
//! replays this target's corpus and regressions through the same code
//! (`crates/atlas-invariants/tests/replay.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| atlas_invariants::query::check(data));
