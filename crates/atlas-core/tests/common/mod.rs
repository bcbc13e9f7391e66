//! What the integration tests share: the real seeds (built once per test
//! binary) and scratch seed folders. Each test file uses part of it.
#![allow(dead_code)]

use atlas_core::{Corpus, SearchIndex};
use std::path::PathBuf;
use std::sync::OnceLock;

/// The project's `seeds/`.
pub fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// The seed corpus and its search index, built once.
pub fn seed_index() -> &'static (Corpus, SearchIndex) {
    static F: OnceLock<(Corpus, SearchIndex)> = OnceLock::new();
    F.get_or_init(|| {
        let corpus = atlas_core::build_corpus(&seeds_dir()).expect("the seed corpus builds");
        let index = SearchIndex::build(&corpus).expect("the index builds");
        (corpus, index)
    })
}

/// A fresh scratch seed folder `atlas-<suite>-<pid>-<name>` holding `files`.
pub fn scratch_seeds(suite: &str, name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-{suite}-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    for (file, bytes) in files {
        std::fs::write(dir.join(file), bytes).expect("scratch file");
    }
    dir
}
