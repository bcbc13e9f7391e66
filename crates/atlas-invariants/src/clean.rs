//! What the `clean` target checks: any bytes a seed file could hold, through
//! `decode_seed`, the whole per-document pipeline (clean, front matter
//! against a catalog entry, languages, stats), the annotators (topics,
//! figures, years, key phrases, entity and place matchers) and the search
//! index.
//!
//! Why: a seed is a raw PDF or web extraction dropped into `seeds/`, and the
//! app's `build.rs` runs this very path at compile time, so one odd byte
//! sequence that panics breaks the build. Beyond "no panic" it checks what
//! the app relies on when it slices text with the ranges the pipeline hands
//! out:
//! - every passage address (`Passage`) resolves to the very text the
//!   annotators read under it, so a range computed on one passage is never
//!   applied to another (two notes sharing a number once sent a year's
//!   range into the wrong note);
//! - every span, note marker, place, entity, figure and year range lies
//!   inside its passage's text, on char boundaries;
//! - every note a block refers to is in the document's notes, which are
//!   sorted by number;
//! - the corpus and the index survive their postcard encoding unchanged.
//!
//! Each input is built twice: without a catalog entry (a new seed) and with
//! one whose title and author are the text's first two lines (so the
//! front-matter rule that drops a repeated title has something to match).
//!
//! The place and entity matchers are compiled once and run over every
//! passage, instead of through `annotate_places` / `annotate_with`, which
//! compile them anew on each call (~50 ms, which would leave the fuzzer at
//! about 20 inputs a second). What those two add, numbering the mentioned
//! places and entities, runs over the real seeds in the `query` target's
//! fixture and in the test suite.

use atlas_core::annotate::entity::EntityFinder;
use atlas_core::annotate::place::Geoparser;
use atlas_core::annotate::topic::Tagger;
use atlas_core::annotate::{figure, keyphrase, years, AnnotationData};
use atlas_core::catalog::CatalogEntry;
use atlas_core::model::{passages, Annotations, DocAnnotations, Document, Passage, Span};
use atlas_core::pipeline::build_document;
use atlas_core::source::decode_seed;
use atlas_core::{Corpus, Gazetteer, SearchIndex};
use std::sync::OnceLock;

/// The bundled curated data and the matchers compiled from it, built once.
struct Annotators {
    data: &'static AnnotationData,
    tagger: Tagger<'static>,
    entities: EntityFinder,
    places: Geoparser<'static>,
}

fn annotators() -> &'static Annotators {
    static DATA: OnceLock<AnnotationData> = OnceLock::new();
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    static ANNOTATORS: OnceLock<Annotators> = OnceLock::new();
    ANNOTATORS.get_or_init(|| {
        let data = DATA.get_or_init(|| AnnotationData::builtin().expect("bundled data"));
        let gazetteer = GAZETTEER.get_or_init(|| Gazetteer::bundled().expect("bundled gazetteer"));
        Annotators {
            data,
            tagger: Tagger::new(&data.taxonomy),
            entities: EntityFinder::new(&data.entities).expect("bundled entity lists compile"),
            places: Geoparser::new(gazetteer).expect("bundled gazetteer compiles"),
        }
    })
}

/// Runs one input through the pipeline and checks it (see the module doc).
pub fn check(bytes: &[u8]) {
    let Ok(seed) = decode_seed("fuzz.txt", bytes) else {
        return;
    };
    let mut lines = seed.text.lines().map(str::trim).filter(|l| !l.is_empty());
    let entry = CatalogEntry {
        title: lines.next().unwrap_or_default().to_string(),
        authors: lines.next().map(str::to_string).into_iter().collect(),
        year: None,
        venue: None,
        doc_type: None,
        languages: Vec::new(),
        doi: None,
        url: None,
        line: 1,
    };
    let mut curated = seed.clone();
    curated.id = "fuzz-curated".to_string();
    curated.file = "fuzz-curated.txt".to_string();
    let documents = vec![
        build_document(&curated, Some(&entry)),
        build_document(&seed, None),
    ];
    let a = annotators();
    for doc in &documents {
        check_document(doc);
        check_matchers(a, doc);
    }
    let annotations = annotate(a, &documents);
    let corpus = Corpus {
        documents,
        annotations,
        ..Corpus::default()
    };
    check_annotations(&corpus);

    let bytes = corpus.to_bytes().expect("encodes");
    let back = Corpus::from_bytes(&bytes).expect("a corpus decodes what it encoded");
    assert!(back == corpus, "the corpus changed through postcard");
    let index = SearchIndex::build(&corpus).expect("the index builds");
    let index_bytes = index.to_bytes().expect("encodes");
    let back = SearchIndex::from_bytes(&index_bytes).expect("the index decodes");
    assert_eq!(back.to_bytes().expect("encodes"), index_bytes);
}

/// `annotate_with` without the entity pass (see the module doc).
fn annotate(a: &Annotators, documents: &[Document]) -> Annotations {
    let key_phrases = keyphrase::key_phrases(documents, &a.data.generic_words);
    let docs = documents
        .iter()
        .zip(key_phrases)
        .map(|(doc, key_phrases)| {
            let (tags, profile) = a.tagger.tag_document(doc);
            DocAnnotations {
                doc: doc.id.clone(),
                tags,
                profile,
                figures: figure::figures_in(doc),
                years: years::years_in(doc),
                key_phrases,
            }
        })
        .collect();
    Annotations {
        topics: a.data.taxonomy.topics(),
        documents: docs,
        ..Annotations::default()
    }
}

/// Place and entity mentions cut their passage's text.
fn check_matchers(a: &Annotators, doc: &Document) {
    for (passage, text) in passages(doc) {
        for m in a.places.find(text) {
            let ok = m.start < m.end && text.get(m.start..m.end).is_some();
            assert!(ok, "place {}..{} in {passage:?} {text:?}", m.start, m.end);
        }
        for m in a.entities.find(text) {
            let ok = m.start < m.end && text.get(m.start..m.end).is_some();
            assert!(ok, "entity {}..{} in {passage:?} {text:?}", m.start, m.end);
        }
    }
}

fn check_spans(text: &str, spans: &[Span]) {
    for s in spans {
        let (a, b) = (s.start as usize, s.end as usize);
        assert!(
            a <= b && text.get(a..b).is_some(),
            "span {a}..{b} outside {text:?}"
        );
    }
}

fn check_document(doc: &Document) {
    for (passage, text) in passages(doc) {
        let resolved = passage.text(doc);
        assert!(
            resolved == Some(text),
            "{passage:?} resolves to {resolved:?}, not to the text annotated under it, {text:?}"
        );
    }
    for b in &doc.blocks {
        assert!(
            !b.text.is_empty() || !b.spans.is_empty(),
            "empty block {}",
            b.id
        );
        check_spans(&b.text, &b.spans);
        for n in &b.notes {
            assert!(
                doc.notes.iter().any(|note| note.n == *n),
                "block {} refers to note {n}, which the document lacks",
                b.id
            );
        }
    }
    for note in &doc.notes {
        check_spans(&note.text, &note.spans);
        assert!(!note.missing || note.text.is_empty());
    }
    assert!(doc.notes.windows(2).all(|w| w[0].n <= w[1].n));
    for e in &doc.audit {
        assert!(
            e.line <= e.line_end,
            "audit lines {}..{}",
            e.line,
            e.line_end
        );
    }
}

/// `start..end` of `passage` in document `doc` must cut its text.
fn check_range(corpus: &Corpus, doc: usize, passage: Passage, start: u32, end: u32, what: &str) {
    let text = corpus
        .documents
        .get(doc)
        .and_then(|d| passage.text(d))
        .unwrap_or_else(|| panic!("{what} in a passage that is not there: {passage:?}"));
    assert!(
        start <= end && text.get(start as usize..end as usize).is_some(),
        "{what} {start}..{end} outside {text:?}"
    );
}

fn check_annotations(corpus: &Corpus) {
    let a = &corpus.annotations;
    assert_eq!(a.documents.len(), corpus.documents.len());
    for (d, doc) in a.documents.iter().enumerate() {
        for f in &doc.figures {
            check_range(corpus, d, f.passage, f.start, f.end, "figure");
            let [s, e] = f.sentence;
            check_range(corpus, d, f.passage, s, e, "figure sentence");
            assert!(s <= f.start && f.end <= e, "figure outside its sentence");
        }
        for y in &doc.years {
            check_range(corpus, d, y.passage, y.start, y.end, "year");
        }
        for t in &doc.tags {
            assert!(t.topics.iter().all(|&i| usize::from(i) < a.topics.len()));
        }
    }
}
