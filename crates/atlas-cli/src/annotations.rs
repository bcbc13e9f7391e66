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
    /// Characteristic terms against the rest of the corpus, most distinctive first.
    key_phrases: Vec<KeyPhraseRow<'a>>,
}

/// One key phrase of `atlas tags --json`.
#[derive(Serialize)]
struct KeyPhraseRow<'a> {
    /// The most frequent surface form.
    text: &'a str,
    /// Occurrences in the document's body.
    count: u32,
    /// Log-likelihood score (G² × words), rounded.
    score: f32,
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
            key_phrases: d
                .key_phrases
                .iter()
                .map(|k| KeyPhraseRow {
                    text: &k.text,
                    count: k.count,
                    score: (k.score * 10.0).round() / 10.0,
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
        let phrases: Vec<String> = d
            .key_phrases
            .iter()
            .map(|k| format!("{} ({})", k.text, k.count))
            .collect();
        out.push_str(&format!("{:<24} key phrases: {}\n", "", phrases.join(", ")));
    }
    out.trim_end().to_string()
}

/// `atlas tags --explain <passage>`: why a passage carries its tags.
pub fn tags_explain(corpus: &Corpus, id: &str) -> Result<String, String> {
    let (_, text) = atlas_core::index::passages::by_block_id(corpus, id)
        .ok_or_else(|| format!("no passage {id:?} (ids look like <doc>:<n> or <doc>:note:<n>)"))?;
    let taxonomy = atlas_core::annotate::topic::Taxonomy::builtin()
        .map_err(|e| format!("reading the bundled topics: {e}"))?;
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

/// One entity of `atlas entities --json`: a person or organisation
/// mentioned at least once.
#[derive(Serialize)]
struct EntityRow<'a> {
    id: &'a str,
    name: &'a str,
    /// `person` or `org`.
    #[serde(rename = "type")]
    kind: &'static str,
    /// A person's role or an organisation's kind.
    role: &'a str,
    /// `curated` (a row of data/people.tsv or data/organisations.tsv) or
    /// `automatic` (found by a pattern, not reviewed).
    origin: &'static str,
    mentions: Vec<EntityMentionRow<'a>>,
}

/// One mention of an entity.
#[derive(Serialize)]
struct EntityMentionRow<'a> {
    /// Document id.
    doc: &'a str,
    /// Passage id as in search hits: `<doc>:<n>` or `<doc>:note:<n>`.
    block: String,
    /// The text as written.
    surface: std::borrow::Cow<'a, str>,
}

fn entity_rows(corpus: &Corpus) -> Vec<EntityRow<'_>> {
    let a = &corpus.annotations;
    a.entities
        .iter()
        .enumerate()
        .map(|(i, e)| EntityRow {
            id: &e.id,
            name: &e.name,
            kind: e.kind.name(),
            role: &e.role,
            origin: e.origin.name(),
            mentions: a
                .entity_mentions
                .of(i as u16)
                .map(|m| EntityMentionRow {
                    doc: corpus
                        .documents
                        .get(m.doc as usize)
                        .map_or("", |d| d.id.as_str()),
                    block: m
                        .passage_id(corpus)
                        .map(|id| id.to_string())
                        .unwrap_or_default(),
                    surface: m.surface(corpus).unwrap_or_default(),
                })
                .collect(),
        })
        .collect()
}

pub fn entities_json(corpus: &Corpus) -> String {
    crate::output::to_json(&entity_rows(corpus))
}

/// `atlas entities`: one line per entity, most mentioned first, with its
/// origin (`curated` or `auto`) and its mentions per document (in
/// document order).
pub fn entities_table(corpus: &Corpus) -> String {
    let mut rows = entity_rows(corpus);
    rows.sort_by(|a, b| b.mentions.len().cmp(&a.mentions.len()).then(a.id.cmp(b.id)));
    let automatic = rows.iter().filter(|r| r.origin == "automatic").count();
    let mut out = format!(
        "{} entities ({automatic} automatic), {} mentions\n",
        rows.len(),
        corpus.annotations.entity_mentions.len()
    );
    for r in &rows {
        let per_doc: Vec<String> = corpus
            .documents
            .iter()
            .map(|d| {
                r.mentions
                    .iter()
                    .filter(|m| m.doc == d.id)
                    .count()
                    .to_string()
            })
            .collect();
        let origin = if r.origin == "automatic" {
            "auto"
        } else {
            r.origin
        };
        out.push_str(&format!(
            "{:>4} {:<30} {:<6} {:<7} {:<24} per doc {}  {}\n",
            r.mentions.len(),
            r.id,
            r.kind,
            origin,
            r.role,
            per_doc.join("/"),
            r.name
        ));
    }
    out.trim_end().to_string()
}

/// One span of `atlas report --entities --json`: a mention of an
/// automatic entity, or a candidate nothing accounts for.
#[derive(Serialize)]
struct ReviewSpanRow<'a> {
    doc: &'a str,
    block: String,
    surface: &'a str,
    /// Which pattern found it (`after title "Governor"`, `acronym`).
    trigger: &'a str,
    context: &'a str,
}

/// One automatic entity of `atlas report --entities --json`.
#[derive(Serialize)]
struct ReviewEntityRow<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    role: &'a str,
    mentions: Vec<ReviewSpanRow<'a>>,
}

/// `atlas report --entities --json`: what a maintainer decides on.
#[derive(Serialize)]
struct ReviewRows<'a> {
    /// Entities found by the patterns: promote or ignore each.
    automatic: Vec<ReviewEntityRow<'a>>,
    /// Spans that look like entities and that nothing accounts for.
    candidates: Vec<ReviewSpanRow<'a>>,
}

fn span_row<'a>(
    corpus: &'a Corpus,
    c: &'a atlas_core::annotate::entity::candidates::EntityCandidate,
) -> ReviewSpanRow<'a> {
    let doc = corpus.documents.get(c.doc as usize);
    ReviewSpanRow {
        doc: doc.map_or("", |d| d.id.as_str()),
        block: doc.map(|d| c.passage.id(&d.id)).unwrap_or_default(),
        surface: &c.surface,
        trigger: &c.trigger,
        context: &c.context,
    }
}

/// `atlas report --entities`: the maintainers' review list. First the
/// automatic entities, each with every mention and its context (promote one
/// by a row in data/people.tsv or data/organisations.tsv, reject it by its
/// span in data/entities-ignore.tsv); then the candidates no list or
/// pattern accounts for.
pub fn entity_candidates(corpus: &Corpus, id: Option<&str>, json: bool) -> Result<String, String> {
    let data = atlas_core::annotate::entity::data::EntityData::bundled()
        .map_err(|e| format!("reading the bundled entity lists: {e}"))?;
    let gazetteer = atlas_core::Gazetteer::bundled()
        .map_err(|e| format!("reading the bundled gazetteer: {e}"))?;
    let mut review = atlas_core::annotate::entity::candidates::review(corpus, &data, &gazetteer)
        .map_err(|e| format!("compiling the entity lists: {e}"))?;
    if let Some(id) = id {
        let in_doc = |c: &atlas_core::annotate::entity::candidates::EntityCandidate| {
            corpus
                .documents
                .get(c.doc as usize)
                .is_some_and(|d| d.id == id)
        };
        review.candidates.retain(in_doc);
        for r in &mut review.automatic {
            r.mentions.retain(in_doc);
        }
        review.automatic.retain(|r| !r.mentions.is_empty());
    }
    let rows = ReviewRows {
        automatic: review
            .automatic
            .iter()
            .map(|r| ReviewEntityRow {
                id: &r.entity.id,
                name: &r.entity.name,
                kind: r.entity.kind.name(),
                role: &r.entity.role,
                mentions: r.mentions.iter().map(|c| span_row(corpus, c)).collect(),
            })
            .collect(),
        candidates: review
            .candidates
            .iter()
            .map(|c| span_row(corpus, c))
            .collect(),
    };
    if json {
        return Ok(crate::output::to_json(&rows));
    }
    let mut out = format!(
        "{} automatic entities to review (promote: a row in data/people.tsv or data/organisations.tsv; reject: the span in data/entities-ignore.tsv)\n",
        rows.automatic.len()
    );
    for e in &rows.automatic {
        out.push_str(&format!(
            "{:<40} {:<6} {:<24} {} mention{}  {}\n",
            e.id,
            e.kind,
            e.role,
            e.mentions.len(),
            if e.mentions.len() == 1 { "" } else { "s" },
            e.name
        ));
        for m in &e.mentions {
            out.push_str(&format!(
                "    {:<32} {:<40} {}\n",
                m.block, m.trigger, m.context
            ));
        }
    }
    out.push_str(&format!(
        "{} entity candidates to review (add each to data/people.tsv, data/organisations.tsv or data/entities-ignore.tsv)\n",
        rows.candidates.len()
    ));
    for r in &rows.candidates {
        out.push_str(&format!(
            "{:<32} {:<28} {:<24} {}\n",
            r.block, r.surface, r.trigger, r.context
        ));
    }
    Ok(out.trim_end().to_string())
}
