//! Properties of the path from a seed's bytes to a built document, the one
//! the `clean` fuzz target walks (see `fuzz/`): decoding never panics and
//! says where it failed, and every byte range a built document hands out
//! cuts its own text. `clean_props.rs` covers "no panic, no word lost" for
//! the cleaner alone.

use atlas_core::catalog::CatalogEntry;
use atlas_core::model::{Document, Span};
use atlas_core::pipeline::build_document;
use atlas_core::source::decode_seed;
use proptest::prelude::*;

/// Text in the shapes the seeds have, markup and note markers included.
fn marked_up() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        "[A-Za-zА-Яа-яё]{1,9}",
        "[0-9]{1,3}",
        "[米纳基尔東]{1,3}",
        Just(".".to_string()),
        Just(").3".to_string()),
        Just("**".to_string()),
        Just("*".to_string()),
        Just("# ".to_string()),
        Just("- ".to_string()),
        Just("> ".to_string()),
        Just("<sup>".to_string()),
        Just("</sup>".to_string()),
        Just("[a](https://x.org/é)".to_string()),
        Just("<https://y.ru>".to_string()),
        Just("---".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(" ".repeat(30)),
        Just("\u{FEFF}".to_string()),
        Just("\r\n".to_string()),
    ];
    proptest::collection::vec(token, 0..60).prop_map(|t| t.join(" "))
}

fn cuts(text: &str, spans: &[Span]) -> bool {
    spans
        .iter()
        .all(|s| s.start <= s.end && text.get(s.start as usize..s.end as usize).is_some())
}

fn check(doc: &Document) -> Result<(), TestCaseError> {
    for b in &doc.blocks {
        prop_assert!(cuts(&b.text, &b.spans), "{:?}", b);
        for n in &b.notes {
            prop_assert!(doc.notes.iter().any(|x| x.n == *n), "note {} missing", n);
        }
    }
    for n in &doc.notes {
        prop_assert!(cuts(&n.text, &n.spans), "{:?}", n);
    }
    prop_assert!(doc.notes.windows(2).all(|w| w[0].n <= w[1].n));
    Ok(())
}

proptest! {
    /// Any bytes decode or fail with a line inside the file; decoded text
    /// has no BOM and no carriage return.
    #[test]
    fn decoding_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        match decode_seed("p.txt", &bytes) {
            Ok(seed) => {
                let clean = !seed.text.starts_with('\u{FEFF}') && !seed.text.contains('\r');
                prop_assert!(clean, "{:?}", seed.text);
                prop_assert_eq!(seed.id, "p");
            }
            Err(e) => {
                let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
                prop_assert!(e.line.is_none_or(|l| (1..=lines).contains(&l)), "{}", e);
            }
        }
    }

    /// A built document's spans and note references are sound, with or
    /// without a catalog entry naming its first line as the title.
    #[test]
    fn built_documents_hand_out_sound_ranges(text in marked_up()) {
        let Ok(seed) = decode_seed("p.md", text.as_bytes()) else {
            return Ok(());
        };
        check(&build_document(&seed, None))?;
        let entry = CatalogEntry {
            title: seed.text.lines().next().unwrap_or_default().trim().to_string(),
            authors: Vec::new(),
            year: None,
            venue: None,
            doc_type: None,
            languages: Vec::new(),
            doi: None,
            url: None,
            line: 1,
        };
        check(&build_document(&seed, Some(&entry)))?;
    }
}
