//! A seed folder with a broken file must stop the pipeline with a message
//! that names the file (and line, where there is one) and the reason —
//! never a panic, never a silently dropped document.

use atlas_core::{build_corpus, ErrorKind};
use std::path::PathBuf;

/// A fresh scratch seed folder holding `files`.
fn seed_dir(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-bad-seeds-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    for (file, bytes) in files {
        std::fs::write(dir.join(file), bytes).expect("scratch file");
    }
    dir
}

const GOOD: &[u8] = b"# A Paper on Sakhalin\n\nSakhalin gas goes to Japan.\n";

#[test]
fn each_bad_file_is_named_with_its_reason() {
    let cases: &[(&str, &[u8], &str)] = &[
        ("empty.txt", b"", "empty.txt: the file is empty"),
        ("blank.md", b"  \n\n\t\n", "blank.md: the file is empty"),
        (
            "binary.txt",
            b"PK\x03\x04\x00\x00junk",
            "binary.txt:1: the file looks binary",
        ),
        (
            "latin1.txt",
            b"line one\nKr\xe4snoyarsk\n",
            "latin1.txt:2: invalid UTF-8 at byte 2",
        ),
        (
            "utf16.txt",
            b"\xff\xfeS\x00a\x00",
            "utf16.txt: the file is UTF-16 encoded",
        ),
        (
            "paper.pdf",
            b"%PDF-1.4",
            "paper.pdf: unsupported file type \".pdf\"",
        ),
    ];
    for (file, bytes, expected) in cases {
        let dir = seed_dir(file, &[("good.txt", GOOD), (file, bytes)]);
        let err = build_corpus(&dir).expect_err(file);
        let message = err.to_string();
        assert!(message.contains(expected), "{file}: got {message:?}");
        assert!(
            message.contains(&dir.display().to_string()),
            "{file}: the path is given: {message:?}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn catalog_mistakes_name_the_catalog_line() {
    let dir = seed_dir("catalog-missing-file", &[("good.txt", GOOD), ("catalog.toml", b"[[document]]\nfile = \"good.txt\"\ntitle = \"Good\"\n\n[[document]]\nfile = \"gone.txt\"\ntitle = \"Gone\"\n")]);
    let err = build_corpus(&dir).expect_err("entry for a missing file");
    assert_eq!(err.line, Some(6), "{err}");
    assert!(
        err.to_string()
            .contains("catalog.toml:6: catalog: entry for \"gone.txt\""),
        "{err}"
    );

    let dir = seed_dir(
        "catalog-syntax",
        &[
            ("good.txt", GOOD),
            (
                "catalog.toml",
                b"[[document]]\nfile = \"good.txt\"\ntitle = \"unterminated\n",
            ),
        ],
    );
    let err = build_corpus(&dir).expect_err("syntax error");
    assert!(
        matches!(err.kind, ErrorKind::Catalog(_)) && err.line == Some(3),
        "{err}"
    );
}

#[test]
fn a_new_seed_without_catalog_entry_just_works() {
    let dir = seed_dir(
        "new-seed",
        &[
            ("good.txt", GOOD),
            (
                "notes.md",
                "Primorye and the ports\n\nVladivostok is a port.\n".as_bytes(),
            ),
        ],
    );
    let corpus = build_corpus(&dir).expect("builds");
    let titles: Vec<&str> = corpus
        .documents
        .iter()
        .map(|d| d.meta.title.as_str())
        .collect();
    assert_eq!(
        titles,
        vec!["A Paper on Sakhalin", "Primorye and the ports"]
    );
    assert!(corpus.documents.iter().all(|d| !d.meta.curated));
}

#[test]
fn the_real_seeds_round_trip_through_the_embedded_format() {
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let corpus = build_corpus(&seeds).expect("the seed corpus builds");
    assert_eq!(corpus.documents.len(), 5);
    let decoded = atlas_core::Corpus::from_bytes(&corpus.to_bytes()).expect("decodes");
    assert_eq!(decoded, corpus);
    assert!(
        atlas_core::Corpus::from_bytes(b"\xff\xff\xff").is_err(),
        "garbage is an error, not a panic"
    );
}
