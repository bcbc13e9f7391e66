//! Properties of the cleaner on generated text: it never panics, and it
//! never loses a body word (every word is in a block, a note, the metadata
//! or an audited drop).

use atlas_core::clean::{clean, CleanDoc};
use atlas_core::model::SpanKind;
use proptest::prelude::*;

/// Everything the cleaner kept or accounted for, as one string.
fn accounted(doc: &CleanDoc) -> String {
    let mut out = String::new();
    let mut add = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    for b in &doc.blocks {
        add(&b.text);
        for s in &b.spans {
            if let SpanKind::Link { url } = &s.kind {
                add(url);
            }
        }
    }
    for n in &doc.notes {
        add(&n.text);
    }
    for e in &doc.audit {
        add(&e.excerpt);
    }
    let m = &doc.meta;
    for t in m
        .abstracts
        .iter()
        .chain(&m.citations)
        .chain(&m.other_titles)
    {
        add(&t.text);
    }
    for k in &m.keywords {
        add(&k.terms.join(" "));
    }
    for f in &m.extra {
        add(&f.label);
        add(&f.value);
    }
    for a in &m.affiliations {
        add(a);
    }
    for s in [
        &m.copyright,
        &m.license,
        &m.doi,
        &m.received,
        &m.revised,
        &m.accepted,
    ]
    .into_iter()
    .flatten()
    {
        add(s);
    }
    out
}

/// Lines built from words, numbers, punctuation and the markup the seeds use.
fn seedish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        "[A-Za-zА-Яа-я]{1,9}",
        "[0-9]{1,4}",
        Just(".".to_string()),
        Just(",".to_string()),
        Just("-".to_string()),
        Just("*".to_string()),
        Just("#".to_string()),
        Just("---".to_string()),
        Just("  ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\n ".to_string()),
        Just(" ".repeat(30)),
    ];
    proptest::collection::vec(token, 0..80).prop_map(|t| t.join(" "))
}

proptest! {
    #[test]
    fn never_panics_on_any_string(text in ".*") {
        let _ = clean(&text);
    }

    #[test]
    fn never_panics_on_seed_like_text(text in seedish()) {
        let _ = clean(&text);
    }

    #[test]
    fn never_loses_a_body_word(text in seedish()) {
        let doc = clean(&text);
        let kept = accounted(&doc);
        for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
            prop_assert!(kept.contains(word), "lost {word:?} from {text:?}\nkept: {kept:?}");
        }
    }
}
