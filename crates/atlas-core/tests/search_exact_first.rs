//! Issue 19's "done when": for every query term that occurs exactly in
//! English body text, the first hit contains it exactly. The terms are
//! drawn from the seeds themselves: every distinct word of every English
//! body paragraph (stop words, numbers and one-letter words aside),
//! searched as the app searches it (the word also a prefix), with the
//! first hit's text checked for the same word, folded.

use atlas_core::analysis::{exact_form, fold::fold, stopwords::is_stop_word, tokenize::words};
use atlas_core::index::passages;
use atlas_core::model::BlockKind;
use atlas_core::search::{SearchOptions, Searcher};
use std::collections::BTreeSet;

mod common;
use common::seed_index;

/// The exact forms of the words of `text`.
fn forms(text: &str) -> BTreeSet<String> {
    words(text).map(|(_, w)| exact_form(&fold(w))).collect()
}

#[test]
fn every_english_body_word_finds_itself_first() {
    let (corpus, index) = seed_index();
    let mut drawn: BTreeSet<&str> = BTreeSet::new();
    for doc in &corpus.documents {
        for block in &doc.blocks {
            if block.lang != "en" || matches!(block.kind, BlockKind::Heading { .. }) {
                continue;
            }
            for (_, w) in words(&block.text) {
                let folded = fold(w);
                if folded.chars().count() > 1
                    && folded.chars().all(char::is_alphabetic)
                    && !is_stop_word(&folded)
                {
                    drawn.insert(w);
                }
            }
        }
    }
    assert!(drawn.len() > 2000, "{} words drawn", drawn.len());
    let searcher = Searcher::new(corpus, index);
    let options = SearchOptions {
        limit: 1,
        ..SearchOptions::default()
    };
    let mut failed = Vec::new();
    for w in &drawn {
        let r = searcher.search(w, &options);
        let Some(hit) = r.hits.first() else {
            failed.push(format!("{w}: no hit"));
            continue;
        };
        let text = passages::find(corpus, &hit.block)
            .map(|(_, t)| t.into_owned())
            .unwrap_or_default();
        if !forms(&text).contains(&exact_form(&fold(w))) {
            failed.push(format!("{w}: first hit {} is {:?}", hit.block, hit.snippet));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} words:\n{}",
        failed.len(),
        drawn.len(),
        failed.join("\n")
    );
}
