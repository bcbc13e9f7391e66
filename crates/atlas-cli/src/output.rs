//! The CLI's output shapes. The JSON structs here *are* the documented
//! contract of `atlas … --json`; renaming a field breaks users.

use atlas_core::model::{Corpus, Document};
use serde::Serialize;

/// One row of `atlas docs --json`.
#[derive(Serialize)]
pub struct DocRow<'a> {
    id: &'a str,
    file: &'a str,
    title: &'a str,
    authors: &'a [String],
    year: Option<i32>,
    venue: Option<&'a str>,
    languages: &'a [String],
    words: u32,
    paragraphs: u32,
}

impl<'a> From<&'a Document> for DocRow<'a> {
    fn from(d: &'a Document) -> Self {
        DocRow {
            id: &d.id,
            file: &d.file,
            title: &d.meta.title,
            authors: &d.meta.authors,
            year: d.meta.year,
            venue: d.meta.venue.as_deref(),
            languages: &d.meta.languages,
            words: d.stats.words,
            paragraphs: d.stats.paragraphs,
        }
    }
}

pub fn docs_json(corpus: &Corpus) -> String {
    let rows: Vec<DocRow> = corpus.documents.iter().map(DocRow::from).collect();
    to_json(&rows)
}

pub fn docs_table(corpus: &Corpus) -> String {
    let mut out = String::new();
    for d in &corpus.documents {
        let year = d.meta.year.map_or("----".to_string(), |y| y.to_string());
        out.push_str(&format!(
            "{:<26} {year} {:>6} words {:>4} paras  [{}]  {}\n",
            d.id,
            d.stats.words,
            d.stats.paragraphs,
            d.meta.languages.join(","),
            d.meta.title
        ));
    }
    out.trim_end().to_string()
}

#[derive(Serialize)]
struct TextBlock<'a> {
    id: &'a str,
    kind: &'static str,
    lang: &'a str,
    text: &'a str,
    notes: Vec<u32>,
}

#[derive(Serialize)]
struct TextNote<'a> {
    n: u32,
    text: &'a str,
}

#[derive(Serialize)]
struct TextDoc<'a> {
    id: &'a str,
    blocks: Vec<TextBlock<'a>>,
    notes: Vec<TextNote<'a>>,
    meta: &'a atlas_core::model::Meta,
}

pub fn text_json(d: &Document) -> String {
    let doc = TextDoc {
        id: &d.id,
        blocks: d
            .blocks
            .iter()
            .map(|b| TextBlock {
                id: &b.id,
                kind: b.kind.name(),
                lang: &b.lang,
                text: &b.text,
                notes: Vec::new(),
            })
            .collect(),
        notes: d
            .notes
            .iter()
            .map(|n| TextNote {
                n: n.n,
                text: &n.text,
            })
            .collect(),
        meta: &d.meta,
    };
    to_json(&doc)
}

pub fn text_plain(d: &Document) -> String {
    let mut out = format!("{}\n\n", d.meta.title);
    for b in &d.blocks {
        out.push_str(&format!(
            "[{} {} {}] {}\n\n",
            b.id,
            b.kind.name(),
            b.lang,
            b.text
        ));
    }
    for n in &d.notes {
        out.push_str(&format!("[note {}] {}\n", n.n, n.text));
    }
    out.trim_end().to_string()
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
