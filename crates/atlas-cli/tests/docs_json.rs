//! `atlas docs --json` is a documented contract: its field names and the
//! curated titles and years of the five seeds.

use std::process::Command;

fn atlas(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(args)
        .output()
        .expect("atlas runs")
}

#[test]
fn docs_json_lists_the_five_seeds_with_curated_titles_and_years() {
    let out = atlas(&["docs", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let docs = docs.as_array().expect("an array");
    let got: Vec<(String, String, Option<i64>)> = docs
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap_or("").to_string(),
                d["title"].as_str().unwrap_or("").to_string(),
                d["year"].as_i64(),
            )
        })
        .collect();
    let expected = [
        ("000_daa7ecd4110d9dc4", "Fostering International Cooperation in the Development of Russia’s Far-East", 2012),
        ("001_6225201a47dae885", "Developing the Far East and Chinese-Russian Relations: New Perceptions and New Practices", 2019),
        ("002_e63e79a699b4910e", "Multilateral Cooperation in Northeast Asia and Prospects for Regional Community", 2005),
        ("003_e16917e1f304fc4f", "Russia’s Failure in Asia", 2010),
        ("004_e430e81422721e95", "Pivot to the East as a Factor in Strengthening Russian Influence in Asia", 2024),
    ];
    let expected: Vec<(String, String, Option<i64>)> = expected
        .iter()
        .map(|(i, t, y)| (i.to_string(), t.to_string(), Some(*y)))
        .collect();
    assert_eq!(got, expected);
    for d in docs {
        let mut keys: Vec<&str> = d
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            vec![
                "authors",
                "file",
                "id",
                "languages",
                "paragraphs",
                "title",
                "venue",
                "words",
                "year"
            ]
        );
        assert!(
            d["words"].as_u64().unwrap_or(0) > 500 && d["paragraphs"].as_u64().unwrap_or(0) > 5
        );
        assert!(d["file"]
            .as_str()
            .unwrap_or("")
            .starts_with(d["id"].as_str().unwrap_or("?")));
    }
}

#[test]
fn seeds_flag_reads_another_folder_and_errors_name_the_file() {
    let dir = std::env::temp_dir().join(format!("atlas-cli-seeds-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch");
    std::fs::write(dir.join("one.md"), "# Khabarovsk notes\n\nA paragraph.\n").expect("write");
    let out = atlas(&[
        "docs",
        "--json",
        "--seeds",
        dir.to_str().expect("utf-8 path"),
    ]);
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(docs[0]["title"], "Khabarovsk notes");
    assert_eq!(docs[0]["year"], serde_json::Value::Null);

    std::fs::write(dir.join("bad.txt"), b"\xff").expect("write");
    let out = atlas(&[
        "docs",
        "--json",
        "--seeds",
        dir.to_str().expect("utf-8 path"),
    ]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("bad.txt:1: invalid UTF-8"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
