//! Fuzzes the cleaner and the annotators over any bytes a seed file could hold.
//! The checks live in `atlas_invariants::clean`, so the stable test suite
//! replays this target's corpus and regressions through the same code
//! (`crates/atlas-invariants/tests/replay.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| atlas_invariants::clean::check(data));
