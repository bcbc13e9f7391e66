//! A seed folder with a broken file must stop the pipeline with a message
//! that names the file (and line, where there is one) and the reason —
//! never a panic, never a silently dropped document.

use atlas_core::{build_corpus, ErrorKind};
use std::path::PathBuf;

mod common;

/// A fresh scratch seed folder holding `files`.
fn seed_dir(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    common::scratch_seeds("bad-seeds", name, files)
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
        matches!(err.kind, ErrorKind::CatalogToml(_)) && err.line == Some(3),
        "{err}"
    );
    // File, line and the TOML parser's reason, on one line.
    let message = err.to_string();
    assert!(message.contains("catalog.toml:3: catalog: "), "{message}");
    assert!(message.contains("string"), "{message}");
    assert!(!message.contains('\n'), "{message}");
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
    let seeds = common::seeds_dir();
    let corpus = build_corpus(&seeds).expect("the seed corpus builds");
    assert_eq!(corpus.documents.len(), 5);
    let decoded =
        atlas_core::Corpus::from_bytes(&corpus.to_bytes().expect("encodes")).expect("decodes");
    assert_eq!(decoded, corpus);
    assert!(
        atlas_core::Corpus::from_bytes(b"\xff\xff\xff").is_err(),
        "garbage is an error, not a panic"
    );
}

/// The text of every block and note of the one document built from `file`.
fn texts_of(name: &str, file: &str, bytes: &[u8]) -> Vec<String> {
    let dir = seed_dir(name, &[(file, bytes)]);
    let corpus = build_corpus(&dir).unwrap_or_else(|e| panic!("{file} builds: {e}"));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(corpus.documents.len(), 1, "{file} is one document");
    let doc = &corpus.documents[0];
    let mut texts: Vec<String> = doc.blocks.iter().map(|b| b.text.clone()).collect();
    texts.extend(
        doc.notes
            .iter()
            .map(|n| format!("note {}: {}", n.n, n.text)),
    );
    texts
}

const PAPER: &str = "# Ports of Primorye\n\nVladivostok is a port. Its trade\nwith Japan grew.<sup>1</sup>\n\nNakhodka is another port.\n\n<sup>1</sup> Customs data, 2019.\n";

#[test]
fn crlf_cr_and_utf8_bom_seeds_read_exactly_like_lf() {
    let lf = texts_of("lf", "paper.md", PAPER.as_bytes());
    assert!(lf.len() >= 3, "{lf:?}");
    let crlf = PAPER.replace('\n', "\r\n");
    assert_eq!(texts_of("crlf", "paper.md", crlf.as_bytes()), lf);
    let cr = PAPER.replace('\n', "\r");
    assert_eq!(texts_of("cr", "paper.md", cr.as_bytes()), lf);
    let bom = format!("\u{FEFF}{crlf}");
    assert_eq!(texts_of("bom", "paper.md", bom.as_bytes()), lf);
}

#[test]
fn utf16_is_refused_in_either_byte_order_with_the_file_named() {
    for (file, bytes) in [
        ("le.txt", &b"\xff\xfeS\x00a\x00k\x00"[..]),
        ("be.txt", &b"\xfe\xff\x00S\x00a\x00k"[..]),
    ] {
        let dir = seed_dir(file, &[(file, bytes)]);
        let message = build_corpus(&dir).expect_err(file).to_string();
        assert!(
            message.contains(&format!("{file}: the file is UTF-16 encoded")),
            "{message}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn a_5_mb_single_line_seed_builds_whole() {
    let sentence = "Sakhalin gas flows to Japan through Prigorodnoye. ";
    let line = sentence.repeat(5 * 1024 * 1024 / sentence.len() + 1);
    let texts = texts_of("long-line", "long.txt", line.as_bytes());
    let kept: usize = texts
        .iter()
        .map(|t| t.matches("Prigorodnoye").count())
        .sum();
    assert_eq!(
        kept,
        line.matches("Prigorodnoye").count(),
        "no sentence is dropped"
    );
}

#[test]
fn a_seed_of_only_footnotes_keeps_every_note() {
    let notes = "<sup>1</sup> Ministry of the Russian Far East, 2018.\n\n<sup>2</sup> Rosstat, 2019.\n\n<sup>3</sup> Customs data for Primorye, 2020.\n";
    let texts = texts_of("only-notes", "notes.md", notes.as_bytes());
    let all = texts.join("\n");
    for needle in [
        "Ministry of the Russian Far East",
        "Rosstat",
        "Customs data for Primorye",
    ] {
        assert!(all.contains(needle), "{needle} kept: {texts:?}");
    }
}
