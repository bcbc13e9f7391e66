//! People and organisations measured on papers the lists were never
//! curated for (issue 16, part 5): the made-up gold of
//! `tests/fixtures/entities_gold/` (ten texts, English and Russian, and the
//! names a reader marks in them; see its README). Curated and automatic
//! entities together, as the app shows them.
//!
//! Figures, per (document, entity) pair: precision (of the entities found,
//! how many a reader marked), recall (of the marked ones, how many were
//! found) and mention recall (of the marked mentions, how many were found,
//! `min(found, marked)` per matched pair). A predicted entity matches a
//! gold row of its document and kind when one of its mention surfaces is
//! one of the row's surfaces (case and spaces folded). The floors are the
//! figures measured when the patterns were written, rounded down: a change
//! that loses precision or recall on unseen text fails here.

use atlas_core::model::{EntityKind, Origin};
use atlas_core::Corpus;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// Floors (measured 0.96 precision, 0.82 recall, 0.78 mention recall).
const MIN_PRECISION: f64 = 0.95;
const MIN_RECALL: f64 = 0.80;
const MIN_MENTION_RECALL: f64 = 0.75;

fn gold_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/entities_gold")
}

/// One gold row.
struct Gold {
    doc: String,
    kind: EntityKind,
    name: String,
    mentions: usize,
    surfaces: BTreeSet<String>,
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn read_gold() -> Vec<Gold> {
    let file = gold_dir().join("gold.tsv");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 5, "gold.tsv:{}: 5 columns", n + 1);
        let kind = match cols[1] {
            "person" => EntityKind::Person,
            "org" => EntityKind::Org,
            other => panic!("gold.tsv:{}: kind {other:?}", n + 1),
        };
        out.push(Gold {
            doc: cols[0].to_string(),
            kind,
            name: cols[2].to_string(),
            mentions: cols[3].parse().unwrap(),
            surfaces: cols[4].split(" | ").map(fold).collect(),
        });
    }
    out
}

/// A predicted (document, entity): its origin and mention surfaces.
struct Predicted {
    id: String,
    name: String,
    kind: EntityKind,
    origin: Origin,
    surfaces: Vec<String>,
}

fn predicted(corpus: &Corpus) -> BTreeMap<String, Vec<Predicted>> {
    let a = &corpus.annotations;
    let mut out: BTreeMap<String, Vec<Predicted>> = BTreeMap::new();
    for m in &a.entity_mentions {
        let doc = corpus.documents[m.doc as usize].id.clone();
        let e = &a.entities[usize::from(m.target)];
        let list = out.entry(doc).or_default();
        let surface = fold(&m.surface(corpus).unwrap_or_default());
        match list.iter_mut().find(|p| p.id == e.id) {
            Some(p) => p.surfaces.push(surface),
            None => list.push(Predicted {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind,
                origin: e.origin,
                surfaces: vec![surface],
            }),
        }
    }
    out
}

#[test]
fn precision_and_recall_on_the_gold() {
    let corpus = atlas_core::build_corpus(&gold_dir().join("texts")).unwrap();
    let gold = read_gold();
    let docs: BTreeSet<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    for g in &gold {
        assert!(
            docs.contains(g.doc.as_str()),
            "gold doc {} has no text",
            g.doc
        );
    }
    let predicted = predicted(&corpus);
    let mut matched_gold = vec![false; gold.len()];
    let (mut right, mut wrong) = (Vec::new(), Vec::new());
    let (mut found_mentions, mut gold_mentions) = (0, 0);
    let mut automatic = (0, 0);
    for (doc, list) in &predicted {
        for p in list {
            let hit = gold.iter().enumerate().find(|(i, g)| {
                !matched_gold[*i]
                    && g.doc == *doc
                    && g.kind == p.kind
                    && p.surfaces.iter().any(|s| g.surfaces.contains(s))
            });
            if p.origin == Origin::Automatic {
                automatic.1 += 1;
            }
            match hit {
                Some((i, g)) => {
                    matched_gold[i] = true;
                    found_mentions += p.surfaces.len().min(g.mentions);
                    if p.origin == Origin::Automatic {
                        automatic.0 += 1;
                    }
                    right.push(format!("{doc} {} = {}", p.name, g.name));
                }
                None => wrong.push(format!("{doc} {:?} {} {:?}", p.origin, p.name, p.surfaces)),
            }
        }
    }
    gold_mentions += gold.iter().map(|g| g.mentions).sum::<usize>();
    let missed: Vec<String> = gold
        .iter()
        .zip(&matched_gold)
        .filter(|(_, m)| !**m)
        .map(|(g, _)| format!("{} {}", g.doc, g.name))
        .collect();
    let precision = right.len() as f64 / (right.len() + wrong.len()).max(1) as f64;
    let recall = right.len() as f64 / gold.len() as f64;
    let mention_recall = found_mentions as f64 / gold_mentions as f64;
    eprintln!(
        "entities gold: precision {precision:.3} ({} of {}), recall {recall:.3} ({} of {}), \
         mention recall {mention_recall:.3} ({found_mentions} of {gold_mentions}); \
         automatic {} of {} right",
        right.len(),
        right.len() + wrong.len(),
        right.len(),
        gold.len(),
        automatic.0,
        automatic.1,
    );
    eprintln!("wrong:\n  {}", wrong.join("\n  "));
    eprintln!("missed:\n  {}", missed.join("\n  "));
    assert!(precision >= MIN_PRECISION, "precision {precision:.3}");
    assert!(recall >= MIN_RECALL, "recall {recall:.3}");
    assert!(
        mention_recall >= MIN_MENTION_RECALL,
        "mention recall {mention_recall:.3}"
    );
}
