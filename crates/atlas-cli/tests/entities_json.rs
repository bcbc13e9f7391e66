//! `atlas entities --json`, `atlas report --entities` and the key phrases
//! of `atlas tags --json` are contracts for the app views.

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
        assert_eq!(keys(e), ["id", "mentions", "name", "role", "type"]);
        assert!(e["type"] == "person" || e["type"] == "org", "{e}");
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
    let sco = entities.iter().find(|e| e["id"] == "sco").expect("SCO");
    assert_eq!(sco["type"], "org");
    // Notes use the search passage ids too (FBIS is cited in seed 003's notes).
    let fbis = entities.iter().find(|e| e["id"] == "fbis").expect("FBIS");
    assert!(fbis["mentions"].as_array().is_some_and(|ms| ms
        .iter()
        .any(|m| m["block"].as_str().is_some_and(|b| b.contains(":note:")))));
}

#[test]
fn entity_table_and_an_empty_candidate_report() {
    let out = atlas(&["entities"]);
    assert!(out.status.success());
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.lines().next().unwrap_or("").ends_with("mentions"),
        "{table}"
    );
    assert_eq!(
        json(&["report", "--entities", "--json"]),
        serde_json::json!([])
    );
    let out = atlas(&["report", "--entities"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("0 entity candidates"));
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
