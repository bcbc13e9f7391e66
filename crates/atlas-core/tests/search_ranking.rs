//! The ranking rules of `search/bm25.rs` (issue 19), one test each, on
//! made-up paragraphs (never seed lines) built through the whole pipeline.
//! In each, the passage that must win is the one plain BM25 would put
//! last: shorter, rarer, denser or in a heading is on the other side.

use atlas_core::search::{SearchOptions, SearchResponse, Searcher};
use atlas_core::source::seed_from_text;
use atlas_core::{Corpus, SearchIndex};
use std::collections::BTreeMap;

fn corpus(texts: &[(&str, &str)]) -> (Corpus, SearchIndex) {
    let sources = texts
        .iter()
        .map(|(file, text)| seed_from_text(file, text).unwrap())
        .collect();
    let corpus = atlas_core::build_corpus_from_sources(sources, &BTreeMap::new()).unwrap();
    let index = SearchIndex::build(&corpus).expect("the index builds");
    (corpus, index)
}

/// The query as finished (no prefix matching), every hit except the
/// inferred titles (`<doc>:meta:0`, each text's first line again).
fn search(c: &(Corpus, SearchIndex), q: &str) -> SearchResponse {
    let options = SearchOptions {
        limit: 100,
        prefix_last: false,
        ..SearchOptions::default()
    };
    let mut r = Searcher::new(&c.0, &c.1).search(q, &options);
    r.hits
        .retain(|h| h.block.passage != atlas_core::model::Passage::Meta(0));
    r.total = r.hits.len();
    r
}

/// The text of the first hit's passage.
fn first_text(c: &(Corpus, SearchIndex), q: &str) -> String {
    let r = search(c, q);
    let hit = r.hits.first().unwrap_or_else(|| panic!("{q}: no hit"));
    atlas_core::index::passages::find(&c.0, &hit.block)
        .map(|(_, t)| t.into_owned())
        .unwrap_or_default()
}

/// Filler that dilutes a paragraph (BM25 length normalisation).
const LONG: &str = "The regional administrations met the federal ministers several times \
     during the year to discuss budgets, roads, schools, hospitals, ports and the many other \
     questions that the northern territories have raised since the early nineties.";

#[test]
fn an_exact_match_outranks_a_stemmed_one_in_any_field() {
    let c = corpus(&[(
        "a.txt",
        &format!(
            "# Pipelines, pipelines, pipelines\n\nThe new pipeline was opened. {LONG} {LONG}\n\n\
             Three pipelines were built and the pipelines carry gas.\n"
        ),
    )]);
    assert!(first_text(&c, "pipeline").contains("pipeline was"));
    // The heading says `pipelines` three times in four words, and still
    // loses the exact `pipeline` to a long paragraph saying it once; for
    // `pipelines` it is the other way round.
    let r = search(&c, "pipeline");
    assert_eq!(r.total, 3);
    assert!(first_text(&c, "pipelines")
        .to_lowercase()
        .contains("pipelines"));
}

#[test]
fn a_stemmed_match_outranks_a_transliterated_one() {
    let c = corpus(&[(
        "a.txt",
        &format!(
            "# Khabarovskiy krai: Khabarovskiy governors\n\n\
             Both Khabarovsks grew after the war. {LONG} {LONG}\n"
        ),
    )]);
    let r = search(&c, "Khabarovsk");
    assert_eq!(r.total, 2, "{r:?}");
    assert!(first_text(&c, "Khabarovsk").contains("Both Khabarovsks"));
}

#[test]
fn a_transliterated_match_outranks_a_typo() {
    let c = corpus(&[(
        "a.txt",
        &format!(
            "# Kovykra, Kovykra and Kovykra\n\n\
             The Kovikta field lies north of Irkutsk. {LONG} {LONG}\n"
        ),
    )]);
    let r = search(&c, "Kovykta");
    assert_eq!(r.total, 2, "{r:?}");
    assert!(first_text(&c, "Kovykta").contains("Kovikta field"));
}

#[test]
fn a_short_keyword_line_does_not_outrank_paragraphs_on_length_alone() {
    let c = corpus(&[(
        "a.txt",
        &format!(
            "RUSSIA IN THE EAST\n\nAbstract:\n\nThe paper looks at regional policy in the north. {LONG}\n\n\
             Keywords: Russia, Far East, gas.\n\n\
             # Introduction\n\n\
             Russia built ports while Russia also built roads and Russia opened schools. {LONG}\n"
        ),
    )]);
    let doc = &c.0.documents[0];
    assert_eq!(doc.meta.keywords.len(), 1, "{:?}", doc.meta);
    let r = search(&c, "Russia");
    let first = &r.hits[0];
    assert_eq!(first.field, "body", "{r:?}");
}

#[test]
fn a_near_spelling_in_another_language_ranks_below_one_in_the_querys() {
    let c = corpus(&[
        (
            "es.txt",
            "Rusia quiere ser vista como una potencia asiática y entiende que necesita de \
             las inversiones extranjeras para lograr tal objetivo en la región.\n",
        ),
        (
            "en.txt",
            &format!("The Russian government met the envoys. {LONG} {LONG}\n"),
        ),
    ]);
    let spanish = &c.0.document("es").unwrap().blocks[0];
    assert_eq!(spanish.lang, "es");
    // `Rusia` is `Russia`'s phonetic key twin and one edit away; `Russian`
    // only one edit away. The English passage wins.
    let r = search(&c, "Russia");
    assert_eq!(r.total, 2, "{r:?}");
    assert_eq!(r.hits[0].doc, "en", "{r:?}");
    // Typed in Spanish, the Spanish passage is an exact match and wins.
    let r = search(&c, "Rusia");
    assert_eq!(r.hits[0].doc, "es", "{r:?}");
}

#[test]
fn words_standing_together_outrank_scattered_ones() {
    let c = corpus(&[(
        "a.txt",
        &format!(
            "The labour question and the old worries about migration were aired. {LONG}\n\n\
             The labour migration policies of the nineties were short-lived. {LONG} {LONG}\n\n\
             Labour, labour and labour again: wages, unions, strikes, shortages, hours, \
             contracts, pensions and training all came before migration, migration, migration.\n"
        ),
    )]);
    let r = search(&c, "labour migration");
    assert_eq!(r.total, 3, "{r:?}");
    assert!(first_text(&c, "labour migration").contains("labour migration policies"));
    // Near (a few words apart) beats apart, though the scattered passage
    // is short and says both words three times.
    let order: Vec<String> = r.hits.iter().map(|h| h.block.to_string()).collect();
    assert_eq!(order, ["a:1", "a:0", "a:2"], "{r:?}");
}
