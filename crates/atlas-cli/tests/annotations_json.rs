//! `atlas tags --json` and `atlas figures --json` are contracts for the app
//! views: their field names, and a few values read off the seeds.

use std::process::Command;

fn json(args: &[&str]) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(args)
        .output()
        .expect("atlas runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn tags_json_lists_topics_with_blocks_and_document_profiles() {
    let v = json(&["tags", "--json"]);
    let topics = v["topics"].as_array().expect("topics");
    assert!((15..=25).contains(&topics.len()));
    let energy = topics.iter().find(|t| t["id"] == "energy").expect("energy");
    assert_eq!(energy["label"], "Energy");
    let blocks: Vec<&str> = energy["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .filter_map(|b| b.as_str())
        .collect();
    assert!(blocks.contains(&"002_e63e79a699b4910e:21"), "{blocks:?}");
    let docs = v["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 5);
    for d in docs {
        let profile = d["profile"].as_object().expect("profile");
        let sum: f64 = profile.values().filter_map(|x| x.as_f64()).sum();
        assert!((sum - 1.0).abs() < 0.02, "{d}");
    }
}

#[test]
fn figures_json_has_value_unit_year_and_sentence() {
    let v = json(&["figures", "--json"]);
    let rows = v.as_array().expect("rows");
    let trade = rows
        .iter()
        .find(|r| r["block"] == "001_6225201a47dae885:56")
        .expect("the $80bn of 001:56");
    assert_eq!(trade["doc"], "001_6225201a47dae885");
    assert_eq!(trade["value"].as_f64(), Some(80e9));
    assert_eq!(trade["unit"], "USD");
    assert_eq!(trade["year"], 2017);
    assert!(trade["text"]
        .as_str()
        .unwrap_or("")
        .contains("surpassing $80bn in 2017"));
}
