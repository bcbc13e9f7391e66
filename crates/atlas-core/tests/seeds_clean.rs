//! Corpus-level checks of the cleaning stage on the real seeds (`../../seeds`):
//! what issue 3 says must be true of each seed's clean output.

use atlas_core::model::{BlockKind, Corpus, Document};
use std::path::PathBuf;

fn corpus() -> Corpus {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    match atlas_core::build_corpus(&dir) {
        Ok(c) => c,
        Err(e) => panic!("seeds do not build: {e}"),
    }
}

fn doc<'a>(corpus: &'a Corpus, prefix: &str) -> &'a Document {
    match corpus.documents.iter().find(|d| d.id.starts_with(prefix)) {
        Some(d) => d,
        None => panic!("no document {prefix}_…"),
    }
}

fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(['”', '’', '"', ')', '*']);
    t.ends_with(['.', '!', '?', ':', ';', '…'])
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

#[test]
fn calendar_and_donations_are_not_body_in_002() {
    let c = corpus();
    let d = doc(&c, "002");
    for b in &d.blocks {
        assert!(!b.text.contains("Donate"), "{}: {}", b.id, b.text);
        assert!(!b.text.contains("26 27 28 29 30"), "{}: {}", b.id, b.text);
        assert!(!b.text.contains("December 2023"), "{}: {}", b.id, b.text);
        assert!(!b.text.contains("spambots"), "{}: {}", b.id, b.text);
    }
}

#[test]
fn footnotes_of_003_are_notes_and_markers_are_not_glued() {
    let c = corpus();
    let d = doc(&c, "003");
    // The extraction holds the texts of notes 3–41 and 73–80.
    for n in (3..=41).chain(73..=80) {
        let note = d.notes.iter().find(|x| x.n == n);
        assert!(
            note.is_some_and(|x| !x.missing && !x.text.is_empty()),
            "note {n}"
        );
    }
    // Every marker up to 139 is recognised, present or not.
    let referenced: Vec<u32> = d.blocks.iter().flat_map(|b| b.notes.clone()).collect();
    assert!(referenced.contains(&139) && referenced.contains(&42));
    assert!(d.notes.iter().filter(|n| n.missing).count() >= 80);
    for b in &d.blocks {
        assert!(
            !b.text.contains("Medvedev, Dmitry"),
            "note 3 left in {}",
            b.id
        );
        assert!(
            !b.text.contains("FBIS SOV"),
            "a note left in {}: {}",
            b.id,
            b.text
        );
        assert!(!b.text.contains("UNISCI"), "running head in {}", b.id);
        for word in b.text.split_whitespace() {
            let glued = word.char_indices().any(|(i, c)| {
                matches!(c, '.' | ')' | '”' | ',')
                    && i > 0
                    && word[..i]
                        .chars()
                        .last()
                        .is_some_and(|p| !p.is_ascii_digit())
                    && word[i + c.len_utf8()..].starts_with(|n: char| n.is_ascii_digit())
                    && word[i + c.len_utf8()..].chars().all(|n| n.is_ascii_digit())
            });
            assert!(!glued, "glued marker {word:?} in {}", b.id);
        }
    }
    assert!(d
        .blocks
        .iter()
        .any(|b| b.text.contains("Economic Cooperation). Toward")));
}

#[test]
fn no_body_block_of_003_or_004_ends_mid_sentence_before_its_continuation() {
    let c = corpus();
    for prefix in ["003", "004"] {
        let d = doc(&c, prefix);
        for pair in d.blocks.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let body = |k: BlockKind| matches!(k, BlockKind::Paragraph | BlockKind::Quote);
            if body(a.kind) && body(b.kind) {
                // A paragraph never ends on a comma when a paragraph follows
                // (004's "…China, Japan," / "South Korea, etc. —").
                assert!(
                    !(a.text.trim_end().ends_with(',') && b.kind == BlockKind::Paragraph),
                    "{} ends on a comma before a paragraph",
                    a.id
                );
                assert!(
                    ends_sentence(&a.text) || !starts_lowercase(&b.text),
                    "{} is cut: …{:?} | {:?}…",
                    a.id,
                    a.text.chars().rev().take(40).collect::<String>(),
                    b.text.chars().take(40).collect::<String>()
                );
            }
        }
    }
    let d = doc(&c, "004");
    assert!(d.blocks.iter().any(|b| b
        .text
        .contains("have noticeably intensified their contacts with China.")));
}

#[test]
fn paragraphs_of_000_are_reflowed() {
    let c = corpus();
    let d = doc(&c, "000");
    let paragraphs: Vec<_> = d
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .collect();
    assert!(
        (6..=12).contains(&paragraphs.len()),
        "{} paragraphs",
        paragraphs.len()
    );
    assert!(
        (10..=14).contains(&d.blocks.len()),
        "{} blocks",
        d.blocks.len()
    );
    for p in paragraphs {
        assert!(
            p.text.split_whitespace().count() >= 30,
            "{} is a fragment",
            p.id
        );
    }
}

#[test]
fn metadata_is_kept_out_of_the_body() {
    let c = corpus();
    let d3 = doc(&c, "003");
    assert!(d3.meta.abstracts.iter().any(|a| a.lang == "es"));
    assert!(d3.meta.keywords.iter().any(|k| k.lang == "es"));
    let d4 = doc(&c, "004");
    assert!(d4.meta.abstracts.iter().any(|a| a.lang == "ru"));
    assert!(d4.meta.keywords.iter().any(|k| k.lang == "ru"));
    assert_eq!(d4.meta.received.as_deref(), Some("30.10.2023"));
    assert!(d4.meta.accepted.is_some());
    assert!(!d4.meta.citations.is_empty());
    assert!(!d4.meta.affiliations.is_empty());
    for b in &d4.blocks {
        for label in [
            "Abstract.",
            "Key words",
            "For citation",
            "licensed under",
            "DOI:",
        ] {
            assert!(!b.text.starts_with(label), "{} in body: {}", label, b.id);
        }
    }
    let d1 = doc(&c, "001");
    assert!(d1.notes.iter().any(|n| n.lang == "zh"));
    assert!(d1.blocks.iter().all(|b| !b.text.contains("ValdaiClub")));
    for b in c.documents.iter().flat_map(|d| &d.blocks) {
        for raw in ["**", "<sup>", "\\$", "<http", "](http"] {
            assert!(!b.text.contains(raw), "raw markup {raw:?} in {}", b.id);
        }
    }
}

#[test]
fn every_document_has_an_audit_trail() {
    let c = corpus();
    for d in &c.documents {
        assert!(!d.audit.is_empty(), "{}", d.id);
    }
}
