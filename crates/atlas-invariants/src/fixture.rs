//! The seed corpus, its index and passage facts, built once per process
//! and shared by the targets that search or filter it.

use atlas_core::filter::Facts;
use atlas_core::{Corpus, SearchIndex};
use std::path::Path;
use std::sync::OnceLock;

/// The real `seeds/` corpus with its index and facts.
pub struct Fixture {
    pub corpus: Corpus,
    pub index: SearchIndex,
    pub facts: Facts,
}

/// Built on first use. The seeds are the project's own files: if they do
/// not build, no invariant can be checked, so that is a panic with the
/// pipeline's own error.
pub fn seeds() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        let corpus = match atlas_core::build_corpus(&seeds) {
            Ok(c) => c,
            Err(e) => panic!("the seeds do not build: {e}"),
        };
        let index = SearchIndex::build(&corpus).expect("the index builds");
        let facts = Facts::build(&corpus, &index);
        Fixture {
            corpus,
            index,
            facts,
        }
    })
}
