//! Runs the `atlas-core` pipeline over `seeds/` (and `data/`) at compile
//! time and writes the serialized corpus to `OUT_DIR/corpus.bin`, which
//! `src/corpus.rs` embeds with `include_bytes!`. The app therefore never
//! fetches or parses text at run time.
//!
//! A seed that cannot be used stops the build with its file and line.
//! `ATLAS_SEEDS=/some/dir` builds another collection (synthetic corpora,
//! bad-seed fixtures) without touching `seeds/`.

use std::path::PathBuf;
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

    let corpus = match atlas_core::build_corpus(&seeds) {
        Ok(corpus) => corpus,
        Err(e) => {
            println!("cargo::error=seed corpus: {e}");
            eprintln!("error: seed corpus: {e}");
            return ExitCode::FAILURE;
        }
    };
    // The search index is built here, once, from the clean corpus; the app
    // only decodes it.
    let index = atlas_core::index::SearchIndex::build(&corpus).to_bytes();
    let index_target = out_dir.join("index.bin");
    if let Err(e) = std::fs::write(&index_target, &index) {
        println!("cargo::error=cannot write {}: {e}", index_target.display());
        return ExitCode::FAILURE;
    }

    // The audit trail is for maintainers (`atlas report`); the reader never
    // sees it, so it stays out of the page.
    let mut corpus = corpus;
    for doc in &mut corpus.documents {
        doc.audit.clear();
    }
    let bytes = corpus.to_bytes();
    let target = out_dir.join("corpus.bin");
    if let Err(e) = std::fs::write(&target, &bytes) {
        println!("cargo::error=cannot write {}: {e}", target.display());
        return ExitCode::FAILURE;
    }

    // The base map for the map view: projected, simplified SVG paths made
    // from data/basemap/ (Natural Earth), so the map needs no tile server.
    let basemap = match atlas_core::geo::basemap::build_from_dir(&root.join("data")) {
        Ok(map) => map,
        Err(e) => {
            println!("cargo::error=base map: {e}");
            eprintln!("error: base map: {e}");
            return ExitCode::FAILURE;
        }
    };
    let basemap_target = out_dir.join("basemap.bin");
    if let Err(e) = std::fs::write(&basemap_target, basemap.to_bytes()) {
        println!(
            "cargo::error=cannot write {}: {e}",
            basemap_target.display()
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
