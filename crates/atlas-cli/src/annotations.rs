//! Output shapes of the annotation subcommands (`tags`, `entities`,
//! `figures`, the entity candidate report). Like `output.rs`, the JSON
//! structs here are the documented contract of `atlas … --json`.

use atlas_core::Corpus;
use serde::Serialize;
use std::collections::BTreeMap;

/// One topic of `atlas tags --json`.
#[derive(Serialize)]
struct TagTopic<'a> {
    id: &'a str,
    label: &'a str,
    description: &'a str,
    /// Passage ids (`<doc>:<n>`, `<doc>:note:<n>`) tagged with the topic.
    blocks: Vec<String>,
}

/// One document of `atlas tags --json`.
#[derive(Serialize)]
struct TagDoc<'a> {
    doc: &'a str,
    /// Topic id → share of the document's topic score (shares sum to 1).
    profile: BTreeMap<&'a str, f32>,
}

#[derive(Serialize)]
struct Tags<'a> {
    topics: Vec<TagTopic<'a>>,
    documents: Vec<TagDoc<'a>>,
}

fn tags(corpus: &Corpus) -> Tags<'_> {
    let a = &corpus.annotations;
    let topics = a
        .topics
        .iter()
        .enumerate()
        .map(|(t, topic)| TagTopic {
            id: &topic.id,
            label: &topic.label,
            description: &topic.description,
            blocks: a
                .passages_with_topic(t)
                .into_iter()
                .map(|(d, p)| p.id(&a.documents[d].doc))
                .collect(),
        })
        .collect();
    let documents = a
        .documents
        .iter()
        .map(|d| TagDoc {
            doc: &d.doc,
            profile: d
                .profile
                .iter()
                .filter_map(|s| {
                    let topic = a.topics.get(usize::from(s.topic))?;
                    Some((topic.id.as_str(), round3(s.share)))
                })
                .collect(),
        })
        .collect();
    Tags { topics, documents }
}

fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

pub fn tags_json(corpus: &Corpus) -> String {
    crate::output::to_json(&tags(corpus))
}

pub fn tags_table(corpus: &Corpus) -> String {
    let a = &corpus.annotations;
    let mut out = String::from("topic                           passages\n");
    for (t, topic) in a.topics.iter().enumerate() {
        out.push_str(&format!(
            "{:<32}{:>8}\n",
            topic.id,
            a.passages_with_topic(t).len()
        ));
    }
    out.push('\n');
    for d in &a.documents {
        let top: Vec<String> = d
            .profile
            .iter()
            .take(5)
            .filter_map(|s| {
                let topic = a.topics.get(usize::from(s.topic))?;
                Some(format!("{} {:.0}%", topic.id, s.share * 100.0))
            })
            .collect();
        out.push_str(&format!("{:<24} {}\n", d.doc, top.join(", ")));
    }
    out.trim_end().to_string()
}

/// `atlas tags --explain <passage>`: why a passage carries its tags.
pub fn tags_explain(corpus: &Corpus, id: &str) -> Result<String, String> {
    let (_, text) = atlas_core::index::passages::by_block_id(corpus, id)
        .ok_or_else(|| format!("no passage {id:?} (ids look like <doc>:<n> or <doc>:note:<n>)"))?;
    let taxonomy = atlas_core::annotate::topic::Taxonomy::builtin().map_err(|e| e.to_string())?;
    let tagger = atlas_core::annotate::topic::Tagger::new(&taxonomy);
    let (hits, words) = tagger.hits(&text);
    let mut out = format!("{id}: {words} words\n");
    for h in &hits {
        out.push_str(&format!(
            "  {:<32} {:>4} {:?} at {}..{}\n",
            taxonomy.defs[usize::from(h.topic)].topic.id,
            h.cue.weight,
            &text[h.start..h.end],
            h.start,
            h.end
        ));
    }
    for s in tagger.score(&text) {
        out.push_str(&format!(
            "  = {:<30} raw {:>5.1}  per 100 words {:>5.1}\n",
            taxonomy.defs[usize::from(s.topic)].topic.id,
            s.raw,
            s.normalised
        ));
    }
    out.push_str(&format!("  tags: {:?}", tagger.tag_ids(&text)));
    Ok(out)
}

/// One row of `atlas figures --json`.
#[derive(Serialize)]
struct FigureRow<'a> {
    doc: &'a str,
    /// Passage id (`<doc>:<n>` or `<doc>:note:<n>`).
    block: String,
    value: f64,
    unit: &'a str,
    year: Option<i32>,
    /// The figure as printed.
    surface: &'a str,
    /// The sentence holding it.
    text: &'a str,
}

fn figure_rows(corpus: &Corpus) -> Vec<FigureRow<'_>> {
    let mut rows = Vec::new();
    for (doc, ann) in corpus.documents.iter().zip(&corpus.annotations.documents) {
        for f in &ann.figures {
            rows.push(FigureRow {
                doc: &doc.id,
                block: f.passage.id(&doc.id),
                value: f.value,
                unit: &f.unit,
                year: f.year,
                surface: f.text(doc).unwrap_or(""),
                text: f.sentence_text(doc).unwrap_or(""),
            });
        }
    }
    rows
}

pub fn figures_json(corpus: &Corpus) -> String {
    crate::output::to_json(&figure_rows(corpus))
}

pub fn figures_table(corpus: &Corpus) -> String {
    let mut out = String::new();
    for r in figure_rows(corpus) {
        let year = r.year.map_or("----".to_string(), |y| y.to_string());
        out.push_str(&format!(
            "{:<30} {:>14} {:<10} {year}  {}\n",
            r.block,
            format!("{:.6e}", r.value),
            r.unit,
            r.surface
        ));
    }
    out.trim_end().to_string()
}
