//! `atlas places --json` and `atlas report --places` are documented
//! contracts: one entry per mentioned place with its mentions (same passage
//! ids as search hits), and no unreviewed place candidates in the seeds.

use std::process::Command;

fn atlas(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(args)
        .output()
        .expect("atlas runs")
}

#[test]
fn places_json_lists_each_mentioned_place_with_its_mentions() {
    let out = atlas(&["places", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let places: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let places = places.as_array().expect("an array");
    assert!(places.len() > 100, "{}", places.len());
    for p in places {
        let mut keys: Vec<&str> = p
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        // The issue-5 contract plus where the point comes from (issue 16).
        assert_eq!(
            keys,
            [
                "country", "geonames", "id", "kind", "lat", "layer", "lon", "mentions", "name",
                "source"
            ]
        );
        assert!(["curated", "generated"].contains(&p["layer"].as_str().unwrap_or("")));
        let mentions = p["mentions"].as_array().expect("mentions");
        assert!(!mentions.is_empty(), "{}", p["id"]);
        for m in mentions {
            let mut keys: Vec<&str> = m
                .as_object()
                .expect("object")
                .keys()
                .map(String::as_str)
                .collect();
            keys.sort_unstable();
            assert_eq!(
                keys,
                ["block", "confidence", "doc", "metonym", "reason", "surface"]
            );
            let confidence = m["confidence"].as_u64().unwrap_or(0);
            assert!((40..=100).contains(&confidence), "{m}");
            assert!(!m["reason"].as_str().unwrap_or("").is_empty());
            let doc = m["doc"].as_str().unwrap_or("?");
            let block = m["block"].as_str().unwrap_or("");
            assert!(block.starts_with(&format!("{doc}:")), "{block}");
        }
    }
    let vladivostok = places
        .iter()
        .find(|p| p["id"] == "vladivostok")
        .expect("Vladivostok is mentioned");
    assert_eq!(vladivostok["kind"], "city");
    assert_eq!(vladivostok["country"], "RU");
    assert_eq!(vladivostok["lat"], 43.1056);
    let moscow = places.iter().find(|p| p["id"] == "moscow").expect("Moscow");
    let mentions = moscow["mentions"].as_array().expect("mentions");
    assert!(mentions.iter().any(|m| m["metonym"] == true));
    assert!(mentions.iter().any(|m| m["metonym"] == false));
    // A place carries its GeoNames id where it has one.
    assert_eq!(vladivostok["geonames"], 2013348);
    assert_eq!(vladivostok["source"], "geonames:2013348");
    // Notes use the search passage ids too.
    assert!(places
        .iter()
        .any(|p| p["mentions"].as_array().is_some_and(|ms| ms
            .iter()
            .any(|m| m["block"].as_str().is_some_and(|b| b.contains(":note:"))))));
}

#[test]
fn places_table_and_the_candidate_report_run() {
    let out = atlas(&["places"]);
    assert!(out.status.success());
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.lines().next().unwrap_or("").ends_with("mentions"),
        "{table}"
    );
    assert!(table.contains("vladivostok"));

    let out = atlas(&["report", "--places", "--json"]);
    assert!(out.status.success());
    let candidates: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(candidates, serde_json::json!([]), "unreviewed candidates");
    let out = atlas(&["report", "--places"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("0 place candidates"));
}
