//! The invariants of each fuzz target, one module per target, as functions
//! of the raw input bytes that panic with a message naming what broke.
//!
//! Why a crate of its own: the fuzz targets (`fuzz/`, nightly, libFuzzer)
//! and the stable test suite must check *the same* things. A target found
//! overlapping highlight spans once and a year range outside its passage
//! another time; those inputs, and every input the fuzzer kept, are worth
//! re-running on every change without a nightly toolchain. So each target
//! is a one-line call into this crate, and `tests/replay.rs` feeds every
//! file of `fuzz/corpus/<target>/` and `fuzz/regressions/<target>/` to the
//! same function.
//!
//! It depends on atlas-core only (and includes the app's `src/route.rs`,
//! which itself uses only atlas-core), so it builds natively on stable.

pub mod clean;
pub mod filtered_search;
mod fixture;
pub mod query;
pub mod url_filters;

/// A target's check: panics, naming the broken invariant, on a bad input.
pub type Check = fn(&[u8]);

/// Every target, by the name of its folder under `fuzz/corpus/`.
pub const TARGETS: [(&str, Check); 4] = [
    ("clean", clean::check),
    ("query", query::check),
    ("url_filters", url_filters::check),
    ("filtered_search", filtered_search::check),
];
