//! People and organisations (issue 6, issue 16 part 5) and key phrases
//! against the real seeds: aliases on sentences taken from the seeds, each
//! seed keeps the curated entities it mentions (golden list) and the
//! automatic ones a maintainer has read (a second golden list), the rest of
//! the review list is empty, and each seed's key phrases hold a phrase
//! checked by reading the paper.

use atlas_core::annotate::entity::candidates::review;
use atlas_core::annotate::entity::data::EntityData;
use atlas_core::annotate::entity::EntityFinder;
use atlas_core::annotate::place::Geoparser;
use atlas_core::model::{EntityKind, Origin};
use atlas_core::{Corpus, Gazetteer};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::OnceLock;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn corpus() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(|| atlas_core::build_corpus(&root().join("seeds")).unwrap())
}

fn data() -> &'static EntityData {
    static D: OnceLock<EntityData> = OnceLock::new();
    D.get_or_init(|| EntityData::bundled().unwrap())
}

/// `(surface, entity id)` for every mention in `text`.
fn entities_in(text: &str) -> Vec<(String, String)> {
    let d = data();
    EntityFinder::new(d)
        .expect("the lists compile")
        .find(text)
        .into_iter()
        .map(|m| {
            (
                text[m.start..m.end].to_string(),
                d.entities[usize::from(m.entity)].id.clone(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn aliases_of_one_person_give_one_id() {
    // Seeds 001, 003 and 004.
    let got = entities_in(
        "at the EEF held in September 2017, President Putin stressed; \
         Putin’s proposal for Russian firms; Vladimir Putin visited",
    );
    assert_eq!(
        got,
        pairs(&[
            ("EEF", "eastern-economic-forum"),
            ("President Putin", "putin"),
            ("Putin", "putin"),
            ("Vladimir Putin", "putin"),
        ])
    );
    // Seed 003: the two Medvedevs.
    let got = entities_in(
        "the start of Dmitri Medvedev’s presidency; Medvedev warned in Kamchatka; \
         Gazprom’s Deputy Chairman, Alexander Medvedev (no relation to the president) also",
    );
    let ids: Vec<&str> = got.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "dmitry-medvedev",
            "dmitry-medvedev",
            "gazprom",
            "alexander-medvedev"
        ]
    );
    // Seed 001: the longest cover keeps a title and the name together.
    let got = entities_in(
        "Deputy Prime Minister and Presidential Plenipotentiary Envoy to the Far Eastern \
         Federal District Yury Trutnev during his meeting",
    );
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1, "trutnev");
}

#[test]
fn acronyms_and_full_names_of_organisations() {
    // Seed 001.
    let got = entities_in(
        "the Shanghai Spirit advocated by the Shanghai Cooperation Organization (SCO), \
         implying mutual trust; members of the SCO",
    );
    assert_eq!(
        got,
        pairs(&[
            ("Shanghai Cooperation Organization (SCO)", "sco"),
            ("SCO", "sco")
        ])
    );
    // Seed 002: NEAR is case-sensitive.
    let got = entities_in(
        "The Association of North East Asia Regional Governments (NEAR) is one of the most \
         prominent bodies; a port near Vladivostok; NEAR’s activities",
    );
    let ids: Vec<&str> = got.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(ids, ["near", "near", "near"]);
    assert!(entities_in("located near the border").is_empty());
}

#[test]
fn russian_railways_is_an_organisation_and_no_place() {
    // Seed 002.
    let text = "FESCO, teaming up with the Russian Railways, launched the implementation";
    assert_eq!(
        entities_in(text),
        pairs(&[("FESCO", "fesco"), ("Russian Railways", "russian-railways")])
    );
    let d = data();
    let row = d.entity("russian-railways").unwrap();
    assert_eq!(row.kind, EntityKind::Org);
    let gazetteer = Gazetteer::bundled().unwrap();
    assert!(Geoparser::new(&gazetteer)
        .expect("the gazetteer compiles")
        .find(text)
        .is_empty());
}

/// Per document, the ids of the entities of `origin` mentioned.
fn ids_per_doc(origin: Origin) -> BTreeMap<String, BTreeSet<String>> {
    let c = corpus();
    let a = &c.annotations;
    let mut got: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in &a.entity_mentions {
        let e = &a.entities[usize::from(m.target)];
        if e.origin == origin {
            got.entry(c.documents[m.doc as usize].id.clone())
                .or_default()
                .insert(e.id.clone());
        }
    }
    got
}

/// Compares `got` with a golden list (`doc: id id …` lines, `#` comments).
fn check_golden(got: &BTreeMap<String, BTreeSet<String>>, fixture: &str) {
    let golden = std::fs::read_to_string(
        root()
            .join("crates/atlas-core/tests/fixtures")
            .join(fixture),
    )
    .unwrap();
    let mut expected: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in golden.lines().filter(|l| !l.starts_with('#')) {
        let (doc, ids) = line.split_once(": ").unwrap();
        expected.insert(
            doc.to_string(),
            ids.split(' ').map(str::to_string).collect(),
        );
    }
    for (doc, ids) in &expected {
        let found = got.get(doc).cloned().unwrap_or_default();
        let lost: Vec<&String> = ids.difference(&found).collect();
        let new: Vec<&String> = found.difference(ids).collect();
        assert!(
            lost.is_empty() && new.is_empty(),
            "{doc}: lost {lost:?}, new {new:?} (update tests/fixtures/{fixture} after review)"
        );
    }
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>(),
        "documents of tests/fixtures/{fixture}"
    );
}

#[test]
fn each_seed_keeps_the_entities_it_mentions() {
    check_golden(&ids_per_doc(Origin::Curated), "entities_per_seed.txt");
}

#[test]
fn each_seed_keeps_the_automatic_entities_read_in_it() {
    check_golden(
        &ids_per_doc(Origin::Automatic),
        "entities_auto_per_seed.txt",
    );
    // Curated first (list order), then automatic, whose ids say so.
    let a = &corpus().annotations;
    let first_auto = a
        .entities
        .iter()
        .position(|e| e.origin == Origin::Automatic)
        .unwrap();
    assert!(a.entities[..first_auto]
        .iter()
        .all(|e| e.origin == Origin::Curated && !e.id.starts_with("auto-")));
    assert!(a.entities[first_auto..]
        .iter()
        .all(|e| e.origin == Origin::Automatic && e.id.starts_with("auto-") && !e.role.is_empty()));
}

#[test]
fn mentions_point_at_their_surface_and_counts_add_up() {
    let c = corpus();
    let a = &c.annotations;
    assert!(a.entity_mentions.len() > 200);
    for m in &a.entity_mentions {
        let doc = &c.documents[m.doc as usize];
        let surface = m.surface(c).unwrap();
        let (_, text) = atlas_core::index::passages::find(c, &m.passage_id(c).unwrap()).unwrap();
        assert_eq!(&text[m.start as usize..m.end as usize], surface);
        assert!(
            a.entity_mentions_at(m.doc, m.passage).any(|x| x == m),
            "{}",
            doc.id
        );
    }
    let (putin, _) = a.entity("putin").unwrap();
    let per_doc = a.entity_mentions.counts_of(putin);
    assert_eq!(per_doc.len(), 5, "Putin is in every seed: {per_doc:?}");
    let total: u32 = (0..c.documents.len() as u32)
        .flat_map(|d| a.entity_mentions.counts_in(d))
        .map(|(_, n)| n)
        .sum();
    assert_eq!(total as usize, a.entity_mentions.len());
    let back = Corpus::from_bytes(&c.to_bytes().expect("encodes")).unwrap();
    assert_eq!(back.annotations, c.annotations);
}

#[test]
fn the_candidate_report_is_empty_for_the_seeds() {
    let c = corpus();
    let gazetteer = Gazetteer::bundled().unwrap();
    let review = review(c, data(), &gazetteer).expect("the lists compile");
    let left: Vec<String> = review
        .candidates
        .iter()
        .map(|x| {
            format!(
                "{} {:?} {}",
                c.documents[x.doc as usize].id, x.surface, x.context
            )
        })
        .collect();
    assert!(
        left.is_empty(),
        "review in data/people.tsv, data/organisations.tsv or data/entities-ignore.tsv:\n{}",
        left.join("\n")
    );
    // The automatic part lists exactly the automatic entities embedded.
    let listed: BTreeSet<&str> = review
        .automatic
        .iter()
        .map(|r| r.entity.id.as_str())
        .collect();
    let embedded: BTreeSet<&str> = c
        .annotations
        .entities
        .iter()
        .filter(|e| e.origin == Origin::Automatic)
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(listed, embedded);
}

#[test]
fn key_phrases_hold_a_phrase_read_in_each_seed() {
    // Checked by reading each paper: what it is about, in its own words.
    let expected = [
        ("000_daa7ecd4110d9dc4", "international cooperation"),
        ("001_6225201a47dae885", "strategic conjunction"),
        ("002_e63e79a699b4910e", "multilateral cooperation"),
        ("003_e16917e1f304fc4f", "Kurile Islands"),
        ("004_e430e81422721e95", "Asia-Pacific region"),
    ];
    let a = &corpus().annotations;
    for (doc, phrase) in expected {
        let phrases: Vec<&str> = a
            .document(doc)
            .unwrap()
            .key_phrases
            .iter()
            .map(|k| k.text.as_str())
            .collect();
        assert!(phrases.len() >= 10, "{doc}: {phrases:?}");
        assert!(phrases.contains(&phrase), "{doc}: {phrases:?}");
        assert!(
            phrases
                .iter()
                .all(|p| !p.chars().any(|c| c.is_ascii_digit())),
            "{doc}: {phrases:?}"
        );
    }
}

#[test]
fn embedded_bytes_of_entities_and_key_phrases() {
    let a = &corpus().annotations;
    let table = postcard::to_allocvec(&a.entities).unwrap().len();
    let mentions = postcard::to_allocvec(&a.entity_mentions).unwrap().len();
    let phrases: usize = a
        .documents
        .iter()
        .map(|d| postcard::to_allocvec(&d.key_phrases).unwrap().len())
        .sum();
    eprintln!("entity table {table} B, mentions {mentions} B, key phrases {phrases} B");
    // A mention is a handful of varints: a few bytes each, never text.
    assert!(mentions < a.entity_mentions.len() * 12, "{mentions}");
}
