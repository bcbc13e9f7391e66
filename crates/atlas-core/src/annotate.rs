//! Annotations: what the build adds on top of the clean text so the app can
//! browse the corpus by place, topic, person, organisation, figure and year without
//! ever analysing text itself (the app only renders what `build.rs` embedded).
//!
//! Each kind of annotation has its own file and its own curated data under
//! `data/` (embedded by [`crate::bundled`], so the CLI, `build.rs` and tests
//! always use the same reviewed lists). [`annotate`] runs them all over a
//! built list of documents and returns one [`Annotations`] value, the single
//! field [`crate::model::Corpus::annotations`].
//!
//! The values they write are model types ([`crate::model::annotations`],
//! [`crate::model::places`]): annotators depend on the model, never the
//! reverse. Everything points back into the corpus by
//! [`crate::model::Passage`] and byte ranges: the annotations hold no copy of
//! the text, which keeps the embedded bytes small.

pub mod entity;
pub mod figure;
pub mod keyphrase;
pub mod lexicon;
pub mod place;
pub mod topic;
pub mod years;

use crate::error::Error;
use crate::model::{
    meta_texts, passages, Annotations, DocAnnotations, Document, Passage, PlaceIndex,
};
use std::borrow::Cow;

/// What the geoparser reads of a document: every passage of [`passages`],
/// then the metadata pieces a reader sees as text (title, abstracts,
/// keyword lists, affiliations; not the authors' names), each with whether
/// it may write names in lower case (a keyword list, or a text with no
/// capital letter at all).
pub fn place_passages(doc: &Document) -> Vec<(Passage, Cow<'_, str>, bool)> {
    let no_capitals = |t: &str| !t.chars().any(char::is_uppercase);
    let mut out: Vec<(Passage, Cow<'_, str>, bool)> = passages(doc)
        .map(|(p, t)| (p, Cow::Borrowed(t), no_capitals(t)))
        .collect();
    let m = &doc.meta;
    let keywords = 1 + m.abstracts.len()..1 + m.abstracts.len() + m.keywords.len();
    let authors = keywords.end;
    for (n, text) in meta_texts(doc).into_iter().enumerate() {
        if n == authors || text.trim().is_empty() {
            continue;
        }
        let lower = keywords.contains(&n) || no_capitals(&text);
        out.push((Passage::Meta(n as u32), text, lower));
    }
    out
}

/// The curated data every annotator reads, parsed once.
#[derive(Debug, Clone)]
pub struct AnnotationData {
    /// Topics and their cues.
    pub taxonomy: topic::Taxonomy,
    /// People, organisations and their ignore list.
    pub entities: entity::data::EntityData,
    /// The generic words no key phrase is made of alone.
    pub generic_words: keyphrase::GenericWords,
}

impl AnnotationData {
    /// The project's reviewed data under `data/`, embedded at compile time.
    pub fn builtin() -> Result<AnnotationData, Error> {
        Ok(AnnotationData {
            taxonomy: topic::Taxonomy::builtin()?,
            entities: entity::data::EntityData::bundled()?,
            generic_words: keyphrase::GenericWords::bundled()?,
        })
    }
}

/// Annotates built documents with the project's curated data. `places` is
/// the documents' place index, already built: the entity patterns keep
/// places out of names.
pub fn annotate(documents: &[Document], places: &PlaceIndex) -> Result<Annotations, Error> {
    annotate_with(&AnnotationData::builtin()?, documents, places)
}

/// Annotates built documents with the given data (tests use small lists).
/// Fails only when the entity names cannot be compiled into a matcher.
pub fn annotate_with(
    data: &AnnotationData,
    documents: &[Document],
    places: &PlaceIndex,
) -> Result<Annotations, Error> {
    let tagger = topic::Tagger::new(&data.taxonomy);
    let key_phrases = keyphrase::key_phrases(documents, &data.generic_words);
    let docs = documents
        .iter()
        .zip(key_phrases)
        .map(|(doc, key_phrases)| {
            let (tags, profile) = tagger.tag_document(doc);
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
    let (entities, entity_mentions) = entity::entities_in(&data.entities, documents, places)?;
    Ok(Annotations {
        topics: data.taxonomy.topics(),
        documents: docs,
        entities,
        entity_mentions: crate::model::Mentions(entity_mentions),
    })
}
