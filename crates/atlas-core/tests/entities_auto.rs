//! Automatic people and organisations (issue 16, part 5) through the whole
//! pipeline, on made-up paragraphs (never seed lines): what is one entity
//! within a document and across documents, and how curated data wins.
//! The patterns themselves are tested in their own files
//! (`annotate/entity/auto/*.rs`); the gold of `entities_gold.rs` measures
//! them on realistic texts.

use atlas_core::model::Origin;
use atlas_core::source::seed_from_text;
use atlas_core::Corpus;
use std::collections::BTreeMap;

fn corpus(texts: &[(&str, &str)]) -> Corpus {
    let sources = texts
        .iter()
        .map(|(file, text)| seed_from_text(file, text).unwrap())
        .collect();
    atlas_core::build_corpus_from_sources(sources, &BTreeMap::new()).unwrap()
}

/// `(document, surface, entity id, origin)` of every mention, in order.
fn mentions(c: &Corpus) -> Vec<(String, String, String, Origin)> {
    let a = &c.annotations;
    a.entity_mentions
        .iter()
        .map(|m| {
            let e = &a.entities[usize::from(m.target)];
            (
                c.documents[m.doc as usize].id.clone(),
                m.surface(c).unwrap_or_default().to_string(),
                e.id.clone(),
                e.origin,
            )
        })
        .collect()
}

fn surfaces_of(c: &Corpus, id: &str) -> Vec<String> {
    mentions(c)
        .into_iter()
        .filter(|m| m.2 == id)
        .map(|m| format!("{}:{}", m.0, m.1))
        .collect()
}

#[test]
fn surnames_titles_and_acronyms_within_a_document() {
    let c = corpus(&[(
        "a.txt",
        "Governor Pavel Sorokin opened the Harbor Logistics Company (HLC) depot. \
         Sorokin thanked HLC staff.\n\nLater Governor Sorokin left.",
    )]);
    assert_eq!(
        surfaces_of(&c, "auto-pavel-sorokin"),
        ["a:Pavel Sorokin", "a:Sorokin", "a:Sorokin"]
    );
    assert_eq!(
        surfaces_of(&c, "auto-harbor-logistics-company"),
        ["a:Harbor Logistics Company (HLC)", "a:HLC"]
    );
    let (_, e) = c.annotations.entity("auto-pavel-sorokin").unwrap();
    assert_eq!((e.role.as_str(), e.origin), ("governor", Origin::Automatic));
}

#[test]
fn a_surname_before_the_full_name_or_in_another_document_is_no_mention() {
    let c = corpus(&[
        (
            "a.txt",
            "Sorokin was absent. Governor Pavel Sorokin spoke later.",
        ),
        ("b.txt", "Sorokin is a common name; Pavel Sorokin is not."),
    ]);
    assert_eq!(
        surfaces_of(&c, "auto-pavel-sorokin"),
        ["a:Pavel Sorokin", "b:Pavel Sorokin"],
        "the full name is found written out in every document"
    );
}

#[test]
fn two_people_sharing_a_surname_keep_it_unresolved() {
    let c = corpus(&[(
        "a.txt",
        "Governor Pavel Sorokin met Professor Anna Sorokin. Sorokin said no.",
    )]);
    let found: Vec<String> = mentions(&c).into_iter().map(|m| m.1).collect();
    assert_eq!(found, ["Pavel Sorokin", "Anna Sorokin"]);
}

#[test]
fn a_surname_that_is_a_common_word_needs_the_full_name() {
    let c = corpus(&[(
        "a.txt",
        "Vice Premier He Lifeng arrived. He said little; He Lifeng left.",
    )]);
    assert_eq!(
        surfaces_of(&c, "auto-he-lifeng"),
        ["a:He Lifeng", "a:He Lifeng"]
    );
}

#[test]
fn a_title_with_the_surname_alone_is_the_full_name_of_the_document() {
    let c = corpus(&[(
        "a.txt",
        "Chairman Liu opened the talks. Later Chairman Liu Zhenmin and Governor \
         Pavel Sorokin signed.",
    )]);
    assert_eq!(
        surfaces_of(&c, "auto-liu-zhenmin"),
        ["a:Liu", "a:Liu Zhenmin"],
        "Chinese order: the surname comes first"
    );
}

#[test]
fn curated_data_wins() {
    let c = corpus(&[(
        "a.txt",
        "Deputy Prime Minister Yury Trutnev met the Far East Development \
         Corporation (FEDC) board; FEDC and PJSC Gazprom Neft agreed, as did \
         ПАО «Газпром». The Russian Ministry of Economic Development approved.",
    )]);
    let got: Vec<(String, String, Origin)> =
        mentions(&c).into_iter().map(|m| (m.1, m.2, m.3)).collect();
    let want = [
        ("Yury Trutnev", "trutnev", Origin::Curated),
        ("Far East Development Corporation", "krdv", Origin::Curated),
        ("FEDC", "krdv", Origin::Curated),
        ("PJSC Gazprom Neft", "auto-gazprom-neft", Origin::Automatic),
        ("ПАО «Газпром»", "gazprom", Origin::Curated),
        (
            "Ministry of Economic Development",
            "ministry-economic-development",
            Origin::Curated,
        ),
    ];
    let want: Vec<(String, String, Origin)> = want
        .iter()
        .map(|(s, id, o)| (s.to_string(), id.to_string(), *o))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn places_and_ignored_spans_are_no_entities() {
    let c = corpus(&[(
        "a.txt",
        "In March the Ministry said nothing. Chapter One covers Primorsky Krai; \
         Governor of Primorsky Krai Kozhemyako was away. RZD Partner reported it.",
    )]);
    assert!(mentions(&c).is_empty(), "{:?}", mentions(&c));
}
