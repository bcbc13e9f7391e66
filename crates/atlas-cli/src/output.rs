//! The CLI's output shapes. The JSON structs here *are* the documented
//! contract of `atlas … --json`; renaming a field breaks users.

use atlas_core::clean::shorten;
use atlas_core::model::{AuditAction, AuditEntry, Corpus, Document, PassageId};
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
    /// `true` when the body has a marker but the source has no note text.
    missing: bool,
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
                notes: b.notes.clone(),
            })
            .collect(),
        notes: d
            .notes
            .iter()
            .map(|n| TextNote {
                n: n.n,
                text: &n.text,
                missing: n.missing,
            })
            .collect(),
        meta: &d.meta,
    };
    to_json(&doc)
}

pub fn text_plain(d: &Document) -> String {
    let mut out = format!("{}\n\n", d.meta.title);
    for b in &d.blocks {
        let notes = if b.notes.is_empty() {
            String::new()
        } else {
            let ns: Vec<String> = b.notes.iter().map(u32::to_string).collect();
            format!(" notes {}", ns.join(","))
        };
        out.push_str(&format!(
            "[{} {} {}{notes}] {}\n\n",
            b.id,
            b.kind.name(),
            b.lang,
            b.text
        ));
    }
    for n in &d.notes {
        if n.missing {
            out.push_str(&format!("[note {}] (note text not in the source)\n", n.n));
        } else {
            out.push_str(&format!("[note {} {}] {}\n", n.n, n.lang, n.text));
        }
    }
    out.trim_end().to_string()
}

/// `atlas passages`: every passage the index holds, in index order; with
/// `json`, an array of `{"id", "doc", "field", "text"}`, else one tab-separated
/// line each (text shortened).
pub fn passages(corpus: &Corpus, json: bool) -> Result<String, String> {
    use atlas_core::index::passages::{enumerate, passage_id};
    #[derive(Serialize)]
    struct Row<'a> {
        id: String,
        doc: &'a str,
        field: &'static str,
        text: &'a str,
    }
    let all = enumerate(corpus);
    let rows: Vec<Row> = all
        .iter()
        .filter_map(|(at, text)| {
            Some(Row {
                id: passage_id(corpus, *at)?.to_string(),
                doc: corpus.documents.get(at.doc as usize)?.id.as_str(),
                field: at.field.name(),
                text,
            })
        })
        .collect();
    if json {
        return serde_json::to_string(&rows).map_err(|e| format!("passages as JSON: {e}"));
    }
    Ok(rows
        .iter()
        .map(|r| format!("{}\t{}\t{}\n", r.id, r.field, shorten(r.text, 100)))
        .collect())
}

/// `atlas search` without `--json`: one line per hit, matches in [brackets].
/// (`--json` prints [`atlas_core::SearchResponse::to_json`], the app's contract.)
pub fn search_plain(r: &atlas_core::SearchResponse) -> String {
    let mut out = format!("{} hits\n", r.total);
    if let Some(s) = &r.did_you_mean {
        out.push_str(&format!("did you mean: {s}\n"));
    }
    for h in &r.hits {
        let mut marked = String::new();
        let mut at = 0;
        for &[a, b] in &h.spans {
            marked.push_str(&h.snippet[at..a]);
            marked.push('[');
            marked.push_str(&h.snippet[a..b]);
            marked.push(']');
            at = b;
        }
        marked.push_str(&h.snippet[at..]);
        out.push_str(&format!("{:>7.3} {:<32} {}\n", h.score, h.block, marked));
    }
    out.trim_end().to_string()
}

pub fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// One document of `atlas report --json`.
#[derive(Serialize)]
struct ReportDoc<'a> {
    id: &'a str,
    blocks: usize,
    notes: usize,
    missing_notes: usize,
    dropped: usize,
    entries: &'a [AuditEntry],
}

impl<'a> From<&'a Document> for ReportDoc<'a> {
    fn from(d: &'a Document) -> Self {
        ReportDoc {
            id: &d.id,
            blocks: d.blocks.len(),
            notes: d.notes.iter().filter(|n| !n.missing).count(),
            missing_notes: d.notes.iter().filter(|n| n.missing).count(),
            dropped: d
                .audit
                .iter()
                .filter(|e| e.action == AuditAction::Drop)
                .count(),
            entries: &d.audit,
        }
    }
}

pub fn report_json(docs: &[&Document]) -> String {
    let rows: Vec<ReportDoc> = docs.iter().map(|d| ReportDoc::from(*d)).collect();
    to_json(&rows)
}

pub fn report_plain(docs: &[&Document]) -> String {
    let mut out = String::new();
    for d in docs {
        let r = ReportDoc::from(*d);
        out.push_str(&format!(
            "{}: {} blocks, {} notes, {} missing-note markers, {} dropped\n",
            r.id, r.blocks, r.notes, r.missing_notes, r.dropped
        ));
        for e in &d.audit {
            out.push_str(&format!(
                "  {}-{} {:<14} {:?}: {} | {}\n",
                e.line,
                e.line_end,
                e.rule,
                e.action,
                e.reason,
                shorten(&e.excerpt, 70)
            ));
        }
        out.push('\n');
    }
    out.trim_end().to_string()
}

/// One place of `atlas places --json`: a place mentioned at least once.
#[derive(Serialize)]
pub struct PlaceRow<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    country: Option<&'a str>,
    lat: f64,
    lon: f64,
    /// Where the point comes from (`geonames:<id>`, `naturalearth:<layer>`, `representative:<why>`).
    source: String,
    /// GeoNames id, when the place has one.
    geonames: Option<u64>,
    /// `curated` (data/gazetteer.tsv) or `generated` (data/gazetteer-geonames.tsv).
    layer: &'static str,
    mentions: Vec<MentionRow<'a>>,
}

/// One mention of a place: one occurrence in a body block or a note.
#[derive(Serialize)]
pub struct MentionRow<'a> {
    /// Document id.
    doc: &'a str,
    /// Passage id as in search hits: `<doc>:<n>`, `<doc>:note:<n>` or `<doc>:meta:<n>`.
    block: String,
    /// The text as written.
    surface: String,
    /// A capital standing for its government.
    metonym: bool,
    /// How sure the geoparser is, 0–100.
    confidence: u8,
    /// Why it chose this place (`only`, `type-word`, `one-sense`, `context`, …).
    reason: &'static str,
}

fn place_rows(corpus: &Corpus) -> Vec<PlaceRow<'_>> {
    let index = &corpus.places;
    // The embedded index carries no source strings; the gazetteer does.
    let gazetteer = atlas_core::Gazetteer::bundled().unwrap_or_default();
    let source_of = |id: &str| -> (String, Option<u64>, &'static str) {
        gazetteer.place(id).map_or((String::new(), None, ""), |p| {
            (p.source.clone(), p.geonames_id(), p.layer.name())
        })
    };
    index
        .places
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (source, geonames, layer) = source_of(&p.id);
            PlaceRow {
                id: &p.id,
                name: &p.name,
                kind: p.kind.name(),
                country: p.country.as_deref(),
                lat: p.lat,
                lon: p.lon,
                source,
                geonames,
                layer,
                mentions: index
                    .mentions
                    .of(i as u16)
                    .map(|m| MentionRow {
                        doc: corpus
                            .documents
                            .get(m.doc as usize)
                            .map_or("", |d| d.id.as_str()),
                        block: m
                            .passage_id(corpus)
                            .map(|id| id.to_string())
                            .unwrap_or_default(),
                        surface: m
                            .surface(corpus)
                            .map(|s| s.into_owned())
                            .unwrap_or_default(),
                        metonym: m.reading.metonym,
                        confidence: m.reading.confidence,
                        reason: m.reading.reason.name(),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// `atlas eval --doc ID`: one line per mention of one document, in
/// reading order: passage, surface, place, confidence, reason.
pub fn mentions_of_doc(corpus: &Corpus, doc: &atlas_core::model::Document) -> String {
    let index = &corpus.places;
    let Some(d) = corpus.documents.iter().position(|x| x.id == doc.id) else {
        return String::new();
    };
    let mut out = String::new();
    for m in index.mentions.in_doc(d as u32) {
        let p = &index.places[m.target as usize];
        out.push_str(&format!(
            "{:<12} {:<40} {:<34} {:>3} {}\n",
            m.passage_id(corpus)
                .map(|id| id.to_string())
                .unwrap_or_default()
                .rsplit_once(':')
                .map_or("", |x| x.1),
            m.surface(corpus).unwrap_or_default(),
            p.id,
            m.reading.confidence,
            m.reading.reason.name()
        ));
    }
    out.trim_end().to_string()
}

pub fn places_json(corpus: &Corpus) -> String {
    to_json(&place_rows(corpus))
}

/// `atlas places`: one line per place, most mentioned first, with its
/// mentions per document (in document order) and how many are metonyms.
pub fn places_table(corpus: &Corpus) -> String {
    let mut rows = place_rows(corpus);
    rows.sort_by(|a, b| b.mentions.len().cmp(&a.mentions.len()).then(a.id.cmp(b.id)));
    let mut out = format!(
        "{} places, {} mentions\n",
        rows.len(),
        corpus.places.mentions.len()
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
        let metonyms = r.mentions.iter().filter(|m| m.metonym).count();
        out.push_str(&format!(
            "{:>4} {:<34} {:<12} {:<2} {:>8.4} {:>9.4}  per doc {}{}\n",
            r.mentions.len(),
            r.id,
            r.kind,
            r.country.unwrap_or("-"),
            r.lat,
            r.lon,
            per_doc.join("/"),
            if metonyms > 0 {
                format!("  ({metonyms} metonym)")
            } else {
                String::new()
            }
        ));
    }
    out.trim_end().to_string()
}

/// One row of `atlas report --places --json`: a span to review.
#[derive(Serialize)]
struct CandidateRow<'a> {
    doc: &'a str,
    block: String,
    surface: &'a str,
    trigger: &'a str,
    context: &'a str,
}

fn candidate_rows<'a>(
    corpus: &'a Corpus,
    candidates: &'a [atlas_core::annotate::place::candidates::PlaceCandidate],
) -> Vec<CandidateRow<'a>> {
    candidates
        .iter()
        .map(|c| {
            let doc = corpus.documents.get(c.doc as usize);
            CandidateRow {
                doc: doc.map_or("", |d| d.id.as_str()),
                block: doc.map(|d| c.passage.id(&d.id)).unwrap_or_default(),
                surface: &c.surface,
                trigger: &c.trigger,
                context: &c.context,
            }
        })
        .collect()
}

pub fn candidates_json(
    corpus: &Corpus,
    candidates: &[atlas_core::annotate::place::candidates::PlaceCandidate],
) -> String {
    to_json(&candidate_rows(corpus, candidates))
}

pub fn candidates_plain(
    corpus: &Corpus,
    candidates: &[atlas_core::annotate::place::candidates::PlaceCandidate],
) -> String {
    let mut out = format!(
        "{} place candidates to review (add each to data/gazetteer.tsv or data/gazetteer-ignore.tsv)\n",
        candidates.len()
    );
    for r in candidate_rows(corpus, candidates) {
        out.push_str(&format!(
            "{:<32} {:<36} {:<28} {}\n",
            r.block, r.surface, r.trigger, r.context
        ));
    }
    out.trim_end().to_string()
}

/// `atlas select`: each filtered view's data for `filters`.
pub fn select(
    sel: &atlas_core::filter::Selection<'_>,
    filters: &atlas_core::filter::Filters,
    limit: usize,
    json: bool,
) -> String {
    use atlas_core::filter::view;
    let corpus = sel.corpus;
    let options = atlas_core::SearchOptions {
        limit,
        ..atlas_core::SearchOptions::default()
    };
    let results = view::results(sel, filters, &options);
    let grid = view::topic_grid(sel, filters);
    let years = view::year_histogram(sel, filters);
    let figures = view::figure_rows(sel, filters);
    let places = view::map_places(sel, filters);
    let doc_id = |d: u32| {
        corpus
            .documents
            .get(d as usize)
            .map_or("", |x| x.id.as_str())
    };
    let topic_id = |t: usize| {
        corpus
            .annotations
            .topics
            .get(t)
            .map_or("", |x| x.id.as_str())
    };
    let place_id = |p: u16| {
        corpus
            .places
            .places
            .get(usize::from(p))
            .map_or("", |x| x.id.as_str())
    };
    let figure_text = |r: &view::FigureRow| -> (String, String) {
        let Some(doc) = corpus.documents.get(r.doc as usize) else {
            return Default::default();
        };
        let f = corpus
            .annotations
            .documents
            .get(r.doc as usize)
            .and_then(|a| a.figures.get(r.figure as usize));
        match f {
            Some(f) => (
                PassageId::new(doc.id.as_str(), f.passage).to_string(),
                f.text(doc).unwrap_or_default().to_string(),
            ),
            None => Default::default(),
        }
    };
    if json {
        let value = serde_json::json!({
            "filters": filters.to_params().join("&"),
            "results": {
                "total": results.total,
                "hits": results.hits.iter().map(|h| h.block.to_string()).collect::<Vec<_>>(),
            },
            "topics": grid.per_topic.iter().enumerate().filter(|(_, n)| **n > 0)
                .map(|(t, n)| serde_json::json!({"topic": topic_id(t), "passages": n}))
                .collect::<Vec<_>>(),
            "years": years.iter().map(|(y, per_doc)| serde_json::json!({
                "year": y,
                "passages": per_doc.values().sum::<usize>(),
            })).collect::<Vec<_>>(),
            "figures": figures.iter().map(|r| {
                let (at, text) = figure_text(r);
                serde_json::json!({"passage": at, "text": text})
            }).collect::<Vec<_>>(),
            "places": places.iter().map(|p| serde_json::json!({
                "place": place_id(p.place),
                "mentions": p.total,
                "documents": p.docs.iter().map(|&(d, c)| serde_json::json!({"doc": doc_id(d), "mentions": c})).collect::<Vec<_>>(),
                "confident": p.confident,
            })).collect::<Vec<_>>(),
        });
        return to_json(&value);
    }
    let mut out = format!(
        "filters: {}\n\nresults: {} passages\n",
        filters.to_params().join("&"),
        results.total
    );
    for h in &results.hits {
        out.push_str(&format!("  {}\n", h.block));
    }
    out.push_str("\ntopics (passages, without the topic filter):\n");
    for (t, n) in grid.per_topic.iter().enumerate().filter(|(_, n)| **n > 0) {
        out.push_str(&format!("  {:<28} {n}\n", topic_id(t)));
    }
    out.push_str("\nyears mentioned (passages, without the range):\n");
    for (y, per_doc) in &years {
        out.push_str(&format!("  {y} {}\n", per_doc.values().sum::<usize>()));
    }
    out.push_str(&format!("\nfigures: {}\n", figures.len()));
    for r in figures.iter().take(limit) {
        let (at, text) = figure_text(r);
        out.push_str(&format!("  {at:<32} {text}\n"));
    }
    out.push_str("\nmap places (mentions, without the place filter):\n");
    for p in &places {
        let unsure = if p.confident { "" } else { " (uncertain)" };
        out.push_str(&format!(
            "  {:<32} {}{unsure}\n",
            place_id(p.place),
            p.total
        ));
    }
    out.trim_end().to_string()
}
