//! A saved web page dropped into the seed folder builds like any other seed:
//! its title, paragraphs, list and footnotes come out of the HTML, its
//! menus, banners and scripts do not.

use atlas_core::build_corpus;
use atlas_core::model::BlockKind;
use std::path::PathBuf;

mod common;

/// A fresh scratch seed folder holding `files` (as text).
fn seed_dir(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let bytes: Vec<(&str, &[u8])> = files.iter().map(|(f, t)| (*f, t.as_bytes())).collect();
    common::scratch_seeds("html-seeds", name, &bytes)
}

const PAGE: &str = r##"<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Ports of Primorye | Example Institute</title>
<script src="analytics.js"></script><style>body { margin: 0 }</style>
</head><body>
<header><a href="/">Example Institute</a><nav><a href="/about">About</a></nav></header>
<main><article>
<h1>Ports of Primorye</h1>
<p>Vladivostok handles container traffic for the whole
   region.<sup>1</sup></p>
<p>Nakhodka and Vostochny ship coal to <em>Japan</em>
   and Korea.</p>
<ol class="footnotes"><li>Port authority statistics, 2023.</li></ol>
</article></main>
<aside id="cookies">This site uses cookies. <button>OK</button></aside>
<footer>&copy; Example Institute</footer>
</body></html>"##;

#[test]
fn a_saved_web_page_builds_into_a_document() {
    let dir = seed_dir("page", &[("ports.html", PAGE)]);
    let corpus = build_corpus(&dir).expect("builds");
    let _ = std::fs::remove_dir_all(&dir);
    let doc = &corpus.documents[0];
    assert_eq!(
        (doc.id.as_str(), doc.file.as_str()),
        ("ports", "ports.html")
    );
    assert_eq!(doc.meta.title, "Ports of Primorye");
    let blocks: Vec<(&str, &str)> = doc
        .blocks
        .iter()
        .map(|b| (b.kind.name(), b.text.as_str()))
        .collect();
    assert_eq!(
        blocks,
        vec![
            ("heading", "Ports of Primorye"),
            (
                "paragraph",
                "Vladivostok handles container traffic for the whole region."
            ),
            (
                "paragraph",
                "Nakhodka and Vostochny ship coal to Japan and Korea."
            ),
        ]
    );
    assert_eq!(doc.blocks[0].kind, BlockKind::Heading { level: 1 });
    assert_eq!(doc.blocks[1].notes, vec![1]);
    assert_eq!(doc.notes.len(), 1);
    assert_eq!(doc.notes[0].text, "Port authority statistics, 2023.");
    assert_eq!(doc.stats.paragraphs, 2);
}

#[test]
fn htm_and_upper_case_extensions_are_pages_too() {
    let dir = seed_dir(
        "extensions",
        &[
            (
                "a.htm",
                "<title>Amur Bridge</title><p>The bridge opened in 2019.</p>",
            ),
            ("b.HTML", "<h1>Tumen River</h1><p>Three borders meet.</p>"),
        ],
    );
    let corpus = build_corpus(&dir).expect("builds");
    let _ = std::fs::remove_dir_all(&dir);
    let titles: Vec<&str> = corpus
        .documents
        .iter()
        .map(|d| d.meta.title.as_str())
        .collect();
    assert_eq!(titles, vec!["Amur Bridge", "Tumen River"]);
    assert_eq!(
        corpus.documents[0].blocks[1].text,
        "The bridge opened in 2019."
    );
}

#[test]
fn a_page_with_no_readable_text_is_named_as_empty() {
    let dir = seed_dir(
        "chrome-only",
        &[
            ("good.md", "# Sakhalin\n\nGas goes to Japan.\n"),
            (
                "menu.html",
                "<nav><a href=/>Home</a></nav><script>go()</script>",
            ),
        ],
    );
    let err = build_corpus(&dir).expect_err("a page without text");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        err.to_string().contains("menu.html: the file is empty"),
        "{err}"
    );
}

#[test]
fn text_added_in_the_browser_is_read_like_a_file() {
    let from_text = atlas_core::source::seed_from_text("ports.html", PAGE).expect("reads");
    let from_bytes = atlas_core::source::decode_seed("ports.html", PAGE.as_bytes()).expect("reads");
    assert_eq!(from_text, from_bytes);
    assert!(from_text
        .text
        .starts_with("# Ports of Primorye\n\nVladivostok"));
}
