//! `atlas entities --json`, `atlas report --entities` and the key phrases
//! of `atlas tags --json` are contracts for the app views and for the
//! maintainers' review.

use std::process::Command;

fn atlas(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(args)
        .output()
        .expect("atlas runs")
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = atlas(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn keys(v: &serde_json::Value) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    k.sort_unstable();
    k
}

#[test]
fn entities_json_lists_each_mentioned_entity_with_its_mentions() {
    let v = json(&["entities", "--json"]);
    let entities = v.as_array().expect("an array");
    assert!(entities.len() > 50, "{}", entities.len());
    for e in entities {
        assert_eq!(
            keys(e),
            ["id", "mentions", "name", "origin", "role", "type"]
        );
        assert!(e["type"] == "person" || e["type"] == "org", "{e}");
        let automatic = e["id"].as_str().unwrap_or("").starts_with("auto-");
        let origin = if automatic { "automatic" } else { "curated" };
        assert_eq!(e["origin"], origin, "{}", e["id"]);
        let mentions = e["mentions"].as_array().expect("mentions");
        assert!(!mentions.is_empty(), "{}", e["id"]);
        for m in mentions {
            assert_eq!(keys(m), ["block", "doc", "surface"]);
            let doc = m["doc"].as_str().unwrap_or("?");
            assert!(m["block"]
                .as_str()
                .unwrap_or("")
                .starts_with(&format!("{doc}:")));
        }
    }
    let putin = entities.iter().find(|e| e["id"] == "putin").expect("Putin");
    assert_eq!(putin["name"], "Vladimir Putin");
    assert_eq!(putin["type"], "person");
    assert_eq!(putin["origin"], "curated");
    // Seed 003: `Seiji Maehara, the Minister for Okinawa …` is in no list.
    let maehara = entities
        .iter()
        .find(|e| e["id"] == "auto-seiji-maehara")
        .expect("an automatic person");
    assert_eq!(maehara["origin"], "automatic");
    assert_eq!(maehara["role"], "minister");
    let sco = entities.iter().find(|e| e["id"] == "sco").expect("SCO");
    assert_eq!(sco["type"], "org");
    // Notes use the search passage ids too (FBIS is cited in seed 003's notes).
    let fbis = entities.iter().find(|e| e["id"] == "fbis").expect("FBIS");
    assert!(fbis["mentions"].as_array().is_some_and(|ms| ms
        .iter()
        .any(|m| m["block"].as_str().is_some_and(|b| b.contains(":note:")))));
}

#[test]
fn entity_table_and_the_review_list() {
    let out = atlas(&["entities"]);
    assert!(out.status.success());
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.lines().next().unwrap_or("").ends_with("mentions"),
        "{table}"
    );
    assert!(
        table
            .lines()
            .any(|l| l.contains("auto-seiji-maehara") && l.contains(" auto ")),
        "{table}"
    );
    // The review list: automatic entities with their mentions in context,
    // and no candidate left for the seeds.
    let v = json(&["report", "--entities", "--json"]);
    assert_eq!(keys(&v), ["automatic", "candidates"]);
    assert_eq!(v["candidates"], serde_json::json!([]));
    let automatic = v["automatic"].as_array().expect("automatic");
    assert!(!automatic.is_empty());
    for e in automatic {
        assert_eq!(keys(e), ["id", "mentions", "name", "role", "type"]);
        for m in e["mentions"].as_array().expect("mentions") {
            assert_eq!(keys(m), ["block", "context", "doc", "surface", "trigger"]);
            let surface = m["surface"].as_str().unwrap_or("?");
            assert!(m["context"]
                .as_str()
                .is_some_and(|c| c.contains(&format!("[{surface}]"))));
        }
    }
    let out = atlas(&["report", "--entities"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with(&format!("{} automatic entities to review", automatic.len())),
        "{text}"
    );
    assert!(text.contains("\n0 entity candidates to review"), "{text}");
}

#[test]
fn tags_json_has_key_phrases_per_document() {
    let v = json(&["tags", "--json"]);
    for d in v["documents"].as_array().expect("documents") {
        assert_eq!(keys(d), ["doc", "key_phrases", "profile"]);
        let phrases = d["key_phrases"].as_array().expect("key_phrases");
        assert!(!phrases.is_empty(), "{d}");
        for k in phrases {
            assert_eq!(keys(k), ["count", "score", "text"]);
            assert!(k["count"].as_u64().unwrap_or(0) >= 2);
        }
    }
}
