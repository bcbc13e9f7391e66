//! The annotations of the five seeds, checked against what a reader of each
//! paper says it is about (the seeds were read in full for these lists).

use atlas_core::Corpus;
use std::path::Path;
use std::sync::OnceLock;

fn corpus() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(|| {
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        atlas_core::build_corpus(&seeds).expect("seeds build")
    })
}

/// The document's topic ids, largest share first.
fn profile(doc: &str) -> Vec<&'static str> {
    let a = &corpus().annotations;
    let d = a.document(doc).expect("annotated");
    d.profile
        .iter()
        .map(|s| a.topics[usize::from(s.topic)].id.as_str())
        .collect()
}

fn assert_in_top(doc: &str, n: usize, topics: &[&str]) {
    let p = profile(doc);
    let top = &p[..n.min(p.len())];
    for t in topics {
        assert!(top.contains(t), "{doc}: {t} not in top {n}: {top:?}");
    }
}

#[test]
fn every_seed_has_a_profile_that_sums_to_one() {
    let a = &corpus().annotations;
    assert_eq!(a.documents.len(), 5);
    for d in &a.documents {
        assert!(d.profile.len() >= 5, "{}: {:?}", d.doc, d.profile);
        let sum: f32 = d.profile.iter().map(|s| s.share).sum();
        assert!((sum - 1.0).abs() < 1e-3, "{}: {sum}", d.doc);
        assert!(!d.tags.is_empty(), "{}", d.doc);
    }
}

#[test]
fn seed_profiles_match_what_the_papers_are_about() {
    // CAG proposal: a "go-east" strategy, North Korean labour, the northern route.
    assert_in_top(
        "000_daa7ecd4110d9dc4",
        3,
        &["pivot-to-the-east", "korean-peninsula"],
    );
    assert_in_top("000_daa7ecd4110d9dc4", 5, &["labour-migration-demography"]);
    // Feng & Cui: Chinese-Russian cooperation in the Far East, border trade, migrants.
    assert_eq!(profile("001_6225201a47dae885")[0], "china-russia");
    assert_in_top("001_6225201a47dae885", 3, &["trade"]);
    assert_in_top("001_6225201a47dae885", 5, &["labour-migration-demography"]);
    // Lukin: multilateral cooperation in NEA through energy (Kovykta, Sakhalin)
    // and transport (TSR) projects, North Korea, the Far Eastern governors.
    assert_in_top(
        "002_e63e79a699b4910e",
        5,
        &[
            "korean-peninsula",
            "transport-logistics",
            "multilateralism-organisations",
            "energy",
            "regional-governance",
        ],
    );
    // Blank: energy as Russia's card in Asia, Japan and the Kuriles, Korea.
    assert_eq!(profile("003_e16917e1f304fc4f")[0], "energy");
    assert_in_top(
        "003_e16917e1f304fc4f",
        5,
        &["japan-russia", "korean-peninsula"],
    );
    assert_in_top("003_e16917e1f304fc4f", 8, &["territorial-disputes"]);
    // Mosyakov et al.: the pivot to the East, trade with Asia, China, the West.
    assert_eq!(profile("004_e430e81422721e95")[0], "pivot-to-the-east");
    assert_in_top("004_e430e81422721e95", 5, &["trade", "china-russia"]);
}

#[test]
fn passages_checked_by_reading_carry_their_topics() {
    let c = corpus();
    let a = &c.annotations;
    let cases = [
        ("002_e63e79a699b4910e", 21, "energy"),
        ("002_e63e79a699b4910e", 18, "transport-logistics"),
        ("002_e63e79a699b4910e", 37, "regional-governance"),
        ("003_e16917e1f304fc4f", 45, "territorial-disputes"),
        ("003_e16917e1f304fc4f", 62, "korean-peninsula"),
        ("004_e430e81422721e95", 34, "sanctions"),
        ("004_e430e81422721e95", 22, "trade"),
        ("000_daa7ecd4110d9dc4", 4, "arctic-nsr"),
        ("001_6225201a47dae885", 35, "development-institutions"),
    ];
    for (doc, n, topic) in cases {
        let d = a.document(doc).expect("doc");
        let (t, _) = a.topic(topic).expect("topic");
        let tags = d.tags_of(atlas_core::model::Passage::Block(n));
        assert!(
            tags.contains(&(t as u16)),
            "{doc}:{n} lacks {topic}: {:?}",
            tags.iter()
                .map(|&x| a.topics[usize::from(x)].id.as_str())
                .collect::<Vec<_>>()
        );
    }
    // Headings without a subject carry nothing.
    let d = a.document("004_e430e81422721e95").expect("doc");
    assert!(d.tags_of(atlas_core::model::Passage::Block(0)).is_empty());
}

#[test]
fn annotations_survive_the_embedding_round_trip() {
    let c = corpus();
    let back = Corpus::from_bytes(&c.to_bytes().expect("encodes")).expect("decodes");
    assert_eq!(back.annotations, c.annotations);
}

/// Prints what the annotations add to the embedded corpus (run with --nocapture).
#[test]
fn annotation_bytes_are_reported() {
    let c = corpus();
    let all = c.to_bytes().expect("encodes").len();
    let mut without = c.clone();
    without.annotations = Default::default();
    let rest = without.to_bytes().expect("encodes").len();
    println!("annotations: {} bytes of {all} (postcard)", all - rest);
    assert!(all > rest);
}
