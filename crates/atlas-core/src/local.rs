//! The reader's own documents ("Add a document" in the app).
//!
//! A reader pastes text or drops files into the page. The browser keeps the
//! *sources* (name and text) and, whenever they change, runs this module in a
//! web worker over the embedded corpus plus those sources: each source goes
//! through the same pipeline as a seed ([`crate::pipeline::build_document`]),
//! then the whole collection is annotated again (key phrases and topic
//! profiles are relative to the other documents) and the app swaps in the
//! result and a fresh search index.
//!
//! Keeping sources rather than results means a stored document always
//! reflects the current pipeline, and nothing about the storage format has
//! to change when the model does.
//!
//! A source that cannot be used (empty, too large, binary) is reported by
//! name with its reason and left out; the others still join.

use crate::error::Error;
use crate::model::{Corpus, Document};
use crate::source::SeedText;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Largest accepted source, in bytes of UTF-8 text.
pub const MAX_SOURCE_BYTES: usize = 5 * 1024 * 1024;
/// Most local documents kept at once.
pub const MAX_SOURCES: usize = 200;
/// Prefix of every local document's id, so it can never collide with a seed.
pub const ID_PREFIX: &str = "local-";

/// One document as the reader gave it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalSource {
    /// Its storage key (stable across reloads; chosen by the app).
    pub key: String,
    /// File name as dropped (`notes.md`), or a name made from the pasted
    /// title; its extension chooses the reader (`.html` is parsed as HTML).
    pub name: String,
    /// Title typed by the reader, if any (wins over the inferred one).
    #[serde(default)]
    pub title: Option<String>,
    /// The text.
    pub text: String,
    /// When it was added (ISO 8601, from the browser's clock).
    #[serde(default)]
    pub added: Option<String>,
}

/// Format name in exported files, so an import can tell one apart.
pub const EXPORT_FORMAT: &str = "far-east-atlas-local-documents";

#[derive(Serialize, Deserialize)]
struct Export {
    format: String,
    version: u32,
    documents: Vec<LocalSource>,
}

/// The collection as a file a reader can keep and import elsewhere.
pub fn export_json(sources: &[LocalSource]) -> String {
    let export = Export {
        format: EXPORT_FORMAT.to_string(),
        version: 1,
        documents: sources.to_vec(),
    };
    serde_json::to_string_pretty(&export).unwrap_or_default()
}

/// Reads a file written by [`export_json`]; the error says what is wrong
/// with it, for the reader.
pub fn import_json(text: &str) -> Result<Vec<LocalSource>, String> {
    let export: Export = serde_json::from_str(text).map_err(|e| {
        format!(
            "this is not a Far East Atlas export (expected JSON with a \"documents\" list: {e})"
        )
    })?;
    if export.format != EXPORT_FORMAT {
        return Err(format!(
            "this JSON file is not a Far East Atlas export (its format is {:?})",
            export.format
        ));
    }
    if export.version != 1 {
        return Err(format!(
            "this export is version {}, newer than this app understands (1)",
            export.version
        ));
    }
    Ok(export.documents)
}

/// `[LocalSource, …]` as JSON (storage and the worker).
pub fn sources_to_json(sources: &[LocalSource]) -> String {
    serde_json::to_string(sources).unwrap_or_else(|_| "[]".to_string())
}

/// Reads `[LocalSource, …]` back.
pub fn sources_from_json(json: &str) -> Result<Vec<LocalSource>, String> {
    serde_json::from_str(json).map_err(|e| format!("stored documents could not be read ({e})"))
}

/// Reads the records storage holds (a JSON array of each record's own JSON
/// text, public/local-docs.js) one by one: every record that is a source, and for every other one (a
/// damaged record, one from an older format, one the page could not
/// serialize) a sentence saying which and why. One bad record never costs
/// the others; it stays in storage untouched, since nothing rewrites the
/// store wholesale. `Err` only when the list itself is not JSON.
pub fn stored_sources_from_json(json: &str) -> Result<(Vec<LocalSource>, Vec<String>), String> {
    let texts: Vec<String> = serde_json::from_str(json)
        .map_err(|e| format!("stored documents could not be read ({e})"))?;
    let mut sources = Vec::new();
    let mut problems = Vec::new();
    for (n, text) in texts.iter().enumerate() {
        let record: serde_json::Value = match serde_json::from_str(text) {
            Ok(r) => r,
            Err(e) => {
                problems.push(format!(
                    "stored document {} could not be restored ({e}); it was left in storage as it was",
                    n + 1
                ));
                continue;
            }
        };
        let name = match record.get("key").and_then(serde_json::Value::as_str) {
            Some(key) => format!("stored document {key:?}"),
            None => format!("stored document {} (it has no key)", n + 1),
        };
        let why = match record.get("unreadable").and_then(serde_json::Value::as_str) {
            Some(why) => Err(why.to_string()),
            None => serde_json::from_value::<LocalSource>(record).map_err(|e| e.to_string()),
        };
        match why {
            Ok(source) => sources.push(source),
            Err(why) => problems.push(format!(
                "{name} could not be restored ({why}); it was left in storage as it was"
            )),
        }
    }
    Ok((sources, problems))
}

/// Why a dropped or chosen file of `bytes` bytes is not read, if it is
/// over [`MAX_SOURCE_BYTES`].
pub fn oversized(bytes: u64) -> Option<String> {
    const MB: f64 = 1024.0 * 1024.0;
    (bytes > MAX_SOURCE_BYTES as u64).then(|| {
        format!(
            "{:.1} MB is over the {} MB limit for one document",
            bytes as f64 / MB,
            MAX_SOURCE_BYTES / (1024 * 1024)
        )
    })
}

/// Reads the worker's `[LocalReport, …]`.
pub fn reports_from_json(json: &str) -> Result<Vec<LocalReport>, String> {
    serde_json::from_str(json).map_err(|e| format!("the pipeline's answer could not be read ({e})"))
}

/// What became of one source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalReport {
    /// The source's storage key.
    pub key: String,
    /// The source's name.
    pub name: String,
    /// Document id it got, when it joined.
    pub id: Option<String>,
    /// Title shown for it, when it joined.
    pub title: Option<String>,
    /// Words in its body, when it joined.
    pub words: usize,
    /// Places it mentions (distinct), when it joined.
    pub places: usize,
    /// Why it could not join.
    pub error: Option<String>,
}

/// The extended corpus and a report per source, in the order given.
#[derive(Debug)]
pub struct LocalBuild {
    /// Embedded documents plus the local ones, annotated together.
    pub corpus: Corpus,
    /// One per source.
    pub reports: Vec<LocalReport>,
}

/// Adds `sources` to `base` (the embedded corpus, whose annotations are
/// recomputed over the whole collection). Fails only if annotating fails
/// (bundled data broken); a bad source is reported, not fatal.
pub fn extend_corpus(base: Corpus, sources: &[LocalSource]) -> Result<LocalBuild, Error> {
    let mut documents: Vec<Document> = base
        .documents
        .into_iter()
        .filter(|d| !d.meta.local)
        .collect();
    let mut taken: BTreeSet<String> = documents.iter().map(|d| d.id.clone()).collect();
    let mut reports = Vec::with_capacity(sources.len());
    for (n, source) in sources.iter().enumerate() {
        let mut report = LocalReport {
            key: source.key.clone(),
            name: source.name.clone(),
            id: None,
            title: None,
            words: 0,
            places: 0,
            error: None,
        };
        match local_document(source, n, &mut taken) {
            Ok(doc) => {
                report.id = Some(doc.id.clone());
                report.title = Some(doc.meta.title.clone());
                report.words = doc.stats.words as usize;
                documents.push(doc);
            }
            Err(reason) => report.error = Some(reason),
        }
        reports.push(report);
    }
    let mut corpus = Corpus {
        documents,
        ..Corpus::default()
    };
    crate::pipeline::annotate(&mut corpus)?;
    for report in &mut reports {
        if let Some(id) = &report.id {
            report.places = places_of(&corpus, id).len();
        }
    }
    Ok(LocalBuild { corpus, reports })
}

/// What the worker sends back: reports as JSON, and the corpus and index
/// serialized as `build.rs` does for the embedded ones.
#[derive(Debug)]
pub struct WorkerOutput {
    /// `[LocalReport, …]` as JSON.
    pub reports_json: String,
    /// [`Corpus::to_bytes`] of the extended corpus.
    pub corpus: Vec<u8>,
    /// [`crate::index::SearchIndex::to_bytes`] over it.
    pub index: Vec<u8>,
}

/// The worker's one job: `sources_json` (`[LocalSource, …]`) over the
/// embedded corpus bytes `base`. Errors are sentences for the reader.
pub fn run_worker(sources_json: &str, base: &[u8]) -> Result<WorkerOutput, String> {
    let sources: Vec<LocalSource> = serde_json::from_str(sources_json)
        .map_err(|e| format!("the documents could not be read back from storage ({e})"))?;
    let base = Corpus::from_bytes(base).map_err(|e| format!("the built-in corpus: {e}"))?;
    let build = extend_corpus(base, &sources).map_err(|e| e.to_string())?;
    // Empty bytes would only fail later, in the page, as an undecodable
    // corpus: say here which part could not be made.
    let index = crate::index::SearchIndex::build(&build.corpus)
        .and_then(|index| index.to_bytes())
        .map_err(|e| e.to_string())?;
    let corpus = build.corpus.to_bytes().map_err(|e| e.to_string())?;
    let reports_json = serde_json::to_string(&build.reports).map_err(|e| e.to_string())?;
    Ok(WorkerOutput {
        reports_json,
        corpus,
        index,
    })
}

/// Ids of the distinct places document `id` mentions.
pub fn places_of<'c>(corpus: &'c Corpus, id: &str) -> BTreeSet<&'c str> {
    let Some(doc) = corpus.documents.iter().position(|d| d.id == id) else {
        return BTreeSet::new();
    };
    corpus
        .places
        .mentions
        .iter()
        .filter(|m| m.doc as usize == doc)
        .filter_map(|m| corpus.places.places.get(m.target as usize))
        .map(|p| p.id.as_str())
        .collect()
}

/// Builds one source into a document, or says why it cannot be.
fn local_document(
    source: &LocalSource,
    n: usize,
    taken: &mut BTreeSet<String>,
) -> Result<Document, String> {
    if n >= MAX_SOURCES {
        return Err(format!(
            "only {MAX_SOURCES} local documents can be kept; remove some first"
        ));
    }
    if source.text.len() > MAX_SOURCE_BYTES {
        return Err(format!(
            "{:.1} MB is over the {} MB limit for one document",
            source.text.len() as f64 / (1024.0 * 1024.0),
            MAX_SOURCE_BYTES / (1024 * 1024)
        ));
    }
    let name = if source.name.contains('.') {
        source.name.clone()
    } else {
        format!("{}.txt", source.name)
    };
    let seed = seed_of(&name, &source.text).map_err(|e| e.kind.to_string())?;
    let id = unique_id(&seed.id, taken);
    let seed = SeedText { id, ..seed };
    let mut doc = crate::pipeline::build_document(&seed, None);
    doc.meta.local = true;
    if let Some(title) = source
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        doc.meta.title = title.to_string();
    }
    doc.audit.clear();
    if doc.blocks.is_empty() && doc.notes.is_empty() {
        return Err("no readable text was found in it".to_string());
    }
    Ok(doc)
}

/// The source's text as a seed, checked and normalised like a seed file;
/// only the seeds' file types are read.
fn seed_of(name: &str, text: &str) -> Result<SeedText, Error> {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if !crate::source::SEED_EXTENSIONS.contains(&ext.as_str()) {
        return Err(Error::file(
            name,
            crate::error::ErrorKind::UnsupportedExtension(format!(".{ext}")),
        ));
    }
    crate::source::seed_from_text(name, text)
}

/// `local-<slug of the file stem>`, with `-2`, `-3`, … when taken.
fn unique_id(stem: &str, taken: &mut BTreeSet<String>) -> String {
    let slug: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() {
        "document".to_string()
    } else {
        slug
    };
    let base = format!("{ID_PREFIX}{slug}");
    let mut id = base.clone();
    let mut k = 2;
    while taken.contains(&id) {
        id = format!("{base}-{k}");
        k += 1;
    }
    taken.insert(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Corpus {
        let seed = crate::source::decode_seed(
            "seed.md",
            b"# A Seed Paper\n\nKhabarovsk trades with Harbin across the Amur.\n",
        )
        .expect("seed");
        crate::pipeline::build_corpus_from_sources(vec![seed], &Default::default()).expect("base")
    }

    fn source(key: &str, name: &str, text: &str) -> LocalSource {
        LocalSource {
            key: key.into(),
            name: name.into(),
            title: None,
            text: text.into(),
            added: None,
        }
    }

    #[test]
    fn only_files_over_the_limit_are_refused_with_their_size() {
        assert_eq!(oversized(MAX_SOURCE_BYTES as u64), None);
        assert_eq!(
            oversized(MAX_SOURCE_BYTES as u64 + 1).as_deref(),
            Some("5.0 MB is over the 5 MB limit for one document")
        );
    }

    #[test]
    fn exports_import_back_and_foreign_files_are_refused_with_a_reason() {
        let docs = vec![source("k", "a.md", "Text “quoted” 中文\n")];
        assert_eq!(import_json(&export_json(&docs)), Ok(docs.clone()));
        assert!(import_json("{}")
            .unwrap_err()
            .contains("not a Far East Atlas export"));
        assert!(import_json("[1,2]").is_err());
        let other = r#"{"format":"x","version":1,"documents":[]}"#;
        assert!(import_json(other).unwrap_err().contains("\"x\""));
        let newer = format!(r#"{{"format":"{EXPORT_FORMAT}","version":2,"documents":[]}}"#);
        assert!(import_json(&newer).unwrap_err().contains("version 2"));
        assert_eq!(sources_from_json(&sources_to_json(&docs)), Ok(docs));
    }

    #[test]
    fn a_damaged_or_old_stored_record_costs_only_itself() {
        let records = [
            r#"{"key": "k1", "name": "a.txt", "text": "The port grew.", "added": "2026-01-01"}"#,
            r#"{"key": "k2", "id": "old", "body": "an older format"}"#,
            r#"{"key": "k3", "unreadable": "it holds a value JSON cannot write"}"#,
            "42",
            r#"{"key": "k4", "name": "b.md", "text": "Second.", "title": null}"#,
            r#"{"key": "k5", "name": "c.txt", "text": "lone \ud800 surrogate"}"#,
        ];
        let json = serde_json::to_string(&records).unwrap();
        let (sources, problems) = stored_sources_from_json(&json).unwrap();
        let keys: Vec<&str> = sources.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["k1", "k4"]);
        assert_eq!(problems.len(), 4, "{problems:#?}");
        assert!(
            problems[3].starts_with("stored document 6 could not be restored ("),
            "{problems:#?}"
        );
        assert!(
            problems[0].starts_with("stored document \"k2\" could not be restored (missing field")
        );
        assert!(problems[1]
            .contains("\"k3\" could not be restored (it holds a value JSON cannot write)"));
        assert!(problems[2].starts_with("stored document 4 (it has no key)"));
        assert!(problems
            .iter()
            .all(|p| p.ends_with("left in storage as it was")));
        assert!(stored_sources_from_json("{not json").is_err());
        assert_eq!(stored_sources_from_json("[]"), Ok((Vec::new(), Vec::new())));
    }

    #[test]
    fn a_source_joins_marked_local_with_its_places_annotated() {
        let build = extend_corpus(
            base(),
            &[source(
                "k1",
                "my notes.md",
                "# Port Notes\n\nVladivostok and Nakhodka ship coal to Japan.\n",
            )],
        )
        .expect("builds");
        assert_eq!(build.corpus.documents.len(), 2);
        let doc = build
            .corpus
            .documents
            .iter()
            .find(|d| d.meta.local)
            .expect("a local document");
        assert_eq!(doc.id, "local-my-notes");
        assert_eq!(doc.meta.title, "Port Notes");
        let report = &build.reports[0];
        assert_eq!(report.id.as_deref(), Some("local-my-notes"));
        assert_eq!(report.error, None);
        assert!(report.places >= 2, "{report:?}");
        let places = places_of(&build.corpus, "local-my-notes");
        assert!(places.contains("vladivostok"), "{places:?}");
        assert!(
            !build.corpus.documents[0].meta.local,
            "seeds are never local"
        );
    }

    #[test]
    fn bad_sources_are_reported_by_name_and_the_rest_still_join() {
        let huge = "x".repeat(MAX_SOURCE_BYTES + 1);
        let build = extend_corpus(
            base(),
            &[
                source("a", "empty.txt", "   \n"),
                source("b", "big.txt", &huge),
                source("c", "ok.txt", "Sakhalin gas goes to Japan."),
                source("d", "ok.txt", "Sakhalin oil goes to Korea."),
            ],
        )
        .expect("builds");
        let errors: Vec<Option<&str>> = build.reports.iter().map(|r| r.error.as_deref()).collect();
        assert!(errors[0].is_some_and(|e| e.contains("empty")), "{errors:?}");
        assert!(
            errors[1].is_some_and(|e| e.contains("over the 5 MB limit")),
            "{errors:?}"
        );
        assert_eq!(errors[2], None);
        let ids: Vec<_> = build.reports.iter().filter_map(|r| r.id.clone()).collect();
        assert_eq!(ids, vec!["local-ok".to_string(), "local-ok-2".to_string()]);
        assert_eq!(build.corpus.documents.len(), 3);
    }

    #[test]
    fn the_worker_entry_point_round_trips_through_bytes_and_json() {
        let sources =
            serde_json::to_string(&[source("k", "a.md", "Harbin and Vladivostok.")]).expect("json");
        let out = run_worker(&sources, &base().to_bytes().expect("encodes")).expect("runs");
        let corpus = Corpus::from_bytes(&out.corpus).expect("corpus decodes");
        let index = crate::index::SearchIndex::from_bytes(&out.index).expect("index decodes");
        let hits = crate::search::Searcher::new(&corpus, &index)
            .search("vladivostok", &Default::default());
        assert!(hits.hits.iter().any(|h| h.doc == "local-a"), "{hits:?}");
        let reports: Vec<LocalReport> = serde_json::from_str(&out.reports_json).expect("reports");
        assert_eq!(reports[0].id.as_deref(), Some("local-a"));
        assert!(run_worker("not json", &base().to_bytes().expect("encodes")).is_err());
        assert!(run_worker("[]", b"garbage").is_err());
    }

    #[test]
    fn html_files_are_read_as_html_and_other_types_are_refused() {
        let build = extend_corpus(
            base(),
            &[
                source("h", "page.html", "<html><head><script>x()</script></head><body><h1>Harbin Links</h1><p>Harbin &amp; Suifenhe.</p></body></html>"),
                source("p", "scan.pdf", "%PDF-1.4"),
            ],
        )
        .expect("builds");
        assert_eq!(build.reports[0].title.as_deref(), Some("Harbin Links"));
        let doc = build
            .corpus
            .documents
            .iter()
            .find(|d| d.meta.local)
            .expect("html joined");
        assert!(
            doc.blocks.iter().any(|b| b.text == "Harbin & Suifenhe."),
            "{:?}",
            doc.blocks
        );
        assert!(doc.blocks.iter().all(|b| !b.text.contains("x()")));
        let pdf = build.reports[1].error.as_deref().unwrap_or_default();
        assert!(pdf.contains("unsupported file type \".pdf\""), "{pdf}");
    }

    #[test]
    fn a_typed_title_wins_and_rebuilding_replaces_earlier_local_documents() {
        let mut s = source("k", "pasted", "Some text about Primorye.");
        s.title = Some("  My Title ".into());
        let once = extend_corpus(base(), std::slice::from_ref(&s)).expect("once");
        assert_eq!(once.reports[0].title.as_deref(), Some("My Title"));
        let twice = extend_corpus(once.corpus, &[s]).expect("twice");
        assert_eq!(
            twice.corpus.documents.len(),
            2,
            "the old local copy is dropped"
        );
        let removed = extend_corpus(twice.corpus, &[]).expect("none");
        assert_eq!(removed.corpus.documents.len(), 1);
        assert!(removed.corpus.places.mentions.iter().all(|m| m.doc == 0));
    }
}
