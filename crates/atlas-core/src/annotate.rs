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
//! Everything points back into the corpus by [`Passage`] and byte ranges:
//! the annotations hold no copy of the text, which keeps the embedded bytes
//! small (the app cuts surfaces and sentences with the accessors here).

pub mod entity;
pub mod figure;
pub mod keyphrase;
pub mod lexicon;
pub mod place;
pub mod topic;
pub mod years;

use crate::error::Error;
use crate::model::Document;
use place::PlaceIndex;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

pub use entity::{Entity, EntityKind, EntityMention, Origin};
pub use figure::Figure;
pub use keyphrase::KeyPhrase;
pub use topic::{Topic, TopicShare};
pub use years::YearMention;

/// Where an annotation sits inside one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Passage {
    /// A body block, by its index in `Document::blocks` (the `n` of `<doc>:<n>`).
    Block(u32),
    /// A note, by its printed number (the `n` of `<doc>:note:<n>`).
    Note(u32),
    /// A piece of the document's metadata, numbered as the search numbers
    /// them (the `n` of `<doc>:meta:<n>`: title, abstracts, keyword lists,
    /// authors, affiliations; see [`crate::index::passages`]). Only places
    /// are looked for there.
    Meta(u32),
}

impl Passage {
    /// The passage id the search and the reader use: `<doc>:<n>` or `<doc>:note:<n>`.
    pub fn id(&self, doc_id: &str) -> String {
        match self {
            Passage::Block(n) => format!("{doc_id}:{n}"),
            Passage::Note(n) => format!("{doc_id}:note:{n}"),
            Passage::Meta(n) => format!("{doc_id}:meta:{n}"),
        }
    }

    /// The passage's plain text, or `None` when the document does not hold
    /// it. A keyword list is joined for search, so it has no borrowed text:
    /// use [`Passage::text_owned`] for metadata.
    pub fn text<'d>(&self, doc: &'d Document) -> Option<&'d str> {
        match *self {
            Passage::Block(n) => doc.blocks.get(n as usize).map(|b| b.text.as_str()),
            Passage::Note(n) => doc
                .notes
                .iter()
                .find(|x| x.n == n && !x.missing)
                .map(|x| x.text.as_str()),
            Passage::Meta(n) => match crate::index::passages::meta_texts(doc)
                .into_iter()
                .nth(n as usize)?
            {
                Cow::Borrowed(text) => Some(text),
                Cow::Owned(_) => None,
            },
        }
    }

    /// The passage's text, metadata included.
    pub fn text_owned<'d>(&self, doc: &'d Document) -> Option<Cow<'d, str>> {
        match *self {
            Passage::Meta(n) => crate::index::passages::meta_texts(doc)
                .into_iter()
                .nth(n as usize),
            _ => self.text(doc).map(Cow::Borrowed),
        }
    }
}

/// Every passage of a document with its text: body blocks, then the notes
/// that have text. The order every annotator walks.
pub fn passages(doc: &Document) -> impl Iterator<Item = (Passage, &str)> {
    let blocks = doc
        .blocks
        .iter()
        .enumerate()
        .map(|(n, b)| (Passage::Block(n as u32), b.text.as_str()));
    let notes = doc
        .notes
        .iter()
        .filter(|x| !x.missing && !x.text.is_empty())
        .map(|x| (Passage::Note(x.n), x.text.as_str()));
    blocks.chain(notes)
}

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
    for (n, text) in crate::index::passages::meta_texts(doc)
        .into_iter()
        .enumerate()
    {
        if n == authors || text.trim().is_empty() {
            continue;
        }
        let lower = keywords.contains(&n) || no_capitals(&text);
        out.push((Passage::Meta(n as u32), text, lower));
    }
    out
}

/// All annotations of a corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Annotations {
    /// The topic taxonomy (`data/topics.toml`), in file order; tags refer to
    /// topics by index into this list.
    pub topics: Vec<Topic>,
    /// One entry per document, in `Corpus::documents` order.
    pub documents: Vec<DocAnnotations>,
    /// People and organisations mentioned at least once: the curated ones
    /// (`data/people.tsv`, then `data/organisations.tsv`, in file order),
    /// then the automatic ones (people, then organisations, by id; see
    /// [`entity::auto`]); mentions refer to them by index into this list.
    pub entities: Vec<Entity>,
    /// Every entity mention, ordered by document, then body blocks before
    /// notes, then passage, then offset.
    pub entity_mentions: Vec<EntityMention>,
}

/// The annotations of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct DocAnnotations {
    /// The document's id (the same as `Corpus::documents[i].id`).
    pub doc: String,
    /// Passages with at least one topic tag, in passage order.
    pub tags: Vec<PassageTags>,
    /// Share of the document's topic score per topic, largest first; the
    /// shares sum to 1 (empty when no cue occurs at all).
    pub profile: Vec<TopicShare>,
    /// Amounts and percentages, in passage and text order.
    pub figures: Vec<Figure>,
    /// Years mentioned in the text, in passage and text order.
    pub years: Vec<YearMention>,
    /// The document's characteristic terms against the rest of the corpus,
    /// most distinctive first (see [`keyphrase`]).
    pub key_phrases: Vec<KeyPhrase>,
}

/// The topics one passage is tagged with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassageTags {
    /// The tagged passage.
    pub passage: Passage,
    /// Indices into [`Annotations::topics`], strongest first.
    pub topics: Vec<u16>,
}

impl Annotations {
    /// A topic and its index, by id.
    pub fn topic(&self, id: &str) -> Option<(usize, &Topic)> {
        self.topics.iter().enumerate().find(|(_, t)| t.id == id)
    }

    /// The annotations of a document, by id.
    pub fn document(&self, doc_id: &str) -> Option<&DocAnnotations> {
        self.documents.iter().find(|d| d.doc == doc_id)
    }

    /// Every passage tagged with a topic (by index), as `(document index, passage)`.
    pub fn passages_with_topic(&self, topic: usize) -> Vec<(usize, Passage)> {
        let mut out = Vec::new();
        for (d, doc) in self.documents.iter().enumerate() {
            for t in &doc.tags {
                if t.topics.iter().any(|&x| usize::from(x) == topic) {
                    out.push((d, t.passage));
                }
            }
        }
        out
    }
}

impl DocAnnotations {
    /// The topic indices of one passage, strongest first (empty when untagged).
    pub fn tags_of(&self, passage: Passage) -> &[u16] {
        self.tags
            .iter()
            .find(|t| t.passage == passage)
            .map_or(&[], |t| t.topics.as_slice())
    }
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
        entity_mentions,
    })
}

/// How often each key occurs: `(key, count)` in key order.
pub(crate) fn tally<K: Ord>(keys: impl Iterator<Item = K>) -> Vec<(K, u32)> {
    let mut counts: std::collections::BTreeMap<K, u32> = std::collections::BTreeMap::new();
    for k in keys {
        *counts.entry(k).or_default() += 1;
    }
    counts.into_iter().collect()
}

/// Counts most first; equal counts keep key order.
pub(crate) fn most_first<K: Ord>(mut counts: Vec<(K, u32)>) -> Vec<(K, u32)> {
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts
}
