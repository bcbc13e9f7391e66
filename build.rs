//! Runs the `atlas-core` pipeline over `seeds/` (and `data/`) at compile
//! time and writes the serialized corpus to `OUT_DIR/corpus.bin`, which
//! `src/corpus.rs` embeds with `include_bytes!`. The app therefore never
//! fetches or parses text at run time.
//!
//! A seed that cannot be used stops the build with its file and line.
//! `ATLAS_SEEDS=/some/dir` builds another collection (synthetic corpora,
//! bad-seed fixtures) without touching `seeds/`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(root) = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from) else {
        eprintln!("build.rs: CARGO_MANIFEST_DIR is not set (run through cargo)");
        return ExitCode::FAILURE;
    };
    let Some(out_dir) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        eprintln!("build.rs: OUT_DIR is not set (run through cargo)");
        return ExitCode::FAILURE;
    };
    let seeds = std::env::var_os("ATLAS_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("seeds"));
    println!("cargo:rerun-if-env-changed=ATLAS_SEEDS");
    // Fixture builds for the browser suite (never a release for readers)
    // get test-only hooks, such as a way to trigger the panic panel.
    println!("cargo::rustc-check-cfg=cfg(atlas_test_hooks)");
    println!("cargo:rerun-if-env-changed=ATLAS_TEST_HOOKS");
    if std::env::var_os("ATLAS_TEST_HOOKS").is_some_and(|v| v == "1") {
        println!("cargo:rustc-cfg=atlas_test_hooks");
    }
    // A directory here makes cargo rescan everything below it: new, changed
    // and deleted files all trigger a rebuild.
    println!("cargo:rerun-if-changed={}", seeds.display());
    println!("cargo:rerun-if-changed={}", root.join("data").display());

    match embed(&root, &seeds, &out_dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // `cargo::error=` is one line; the cause is already in it.
            println!("cargo::error={message}");
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Builds and writes the three embedded files; an error names the file (and
/// line) that could not be used, or the output that could not be made.
fn embed(root: &Path, seeds: &Path, out_dir: &Path) -> Result<(), String> {
    let corpus = atlas_core::build_corpus(seeds).map_err(|e| format!("seed corpus: {e}"))?;
    // The search index is built here, once, from the clean corpus; the app
    // only decodes it.
    let index_target = out_dir.join("index.bin");
    let index = atlas_core::index::SearchIndex::build(&corpus)
        .and_then(|index| index.to_bytes())
        .map_err(|e| format!("{}: {e}", index_target.display()))?;
    write(&index_target, &index)?;

    // The audit trail is for maintainers (`atlas report`); the reader never
    // sees it, so it stays out of the page.
    let mut corpus = corpus;
    for doc in &mut corpus.documents {
        doc.audit.clear();
    }
    let target = out_dir.join("corpus.bin");
    let bytes = corpus
        .to_bytes()
        .map_err(|e| format!("{}: {e}", target.display()))?;
    write(&target, &bytes)?;

    // The base map for the map view: projected, simplified SVG paths made
    // from data/basemap/ (Natural Earth), so the map needs no tile server.
    let basemap = atlas_core::geo::basemap::build_from_dir(&root.join("data"))
        .map_err(|e| format!("base map: {e}"))?;
    let basemap_target = out_dir.join("basemap.bin");
    let bytes = basemap
        .to_bytes()
        .map_err(|e| format!("{}: {e}", basemap_target.display()))?;
    write(&basemap_target, &bytes)
}

fn write(target: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(target, bytes).map_err(|e| format!("cannot write {}: {e}", target.display()))
}
