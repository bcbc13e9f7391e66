//! What the annotators say of a corpus beyond its places: topic tags and
//! profiles, people and organisations, figures, years and key phrases.
//! Written by [`crate::annotate`], read by the filters, the CLI and the app.

use super::document::Document;
use super::mention::{Mention, Mentions};
use super::passage::Passage;
use serde::{Deserialize, Serialize};

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
    /// `crate::annotate::entity::auto`); mentions refer to them by index into this list.
    pub entities: Vec<Entity>,
    /// Every entity mention, ordered by document, then body blocks before
    /// notes, then passage, then offset.
    pub entity_mentions: Mentions,
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
    /// most distinctive first (see `crate::annotate::keyphrase`).
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

/// A topic as the app shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    /// Stable id (`energy`, `korean-peninsula`).
    pub id: String,
    /// Short label (`Energy`).
    pub label: String,
    /// One line saying what the topic covers.
    pub description: String,
}

/// One topic's share of a document's profile.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TopicShare {
    /// Index into [`Annotations::topics`].
    pub topic: u16,
    /// Share of the document's topic score, 0..=1.
    pub share: f32,
}

/// Person or organisation: which file a row comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityKind {
    /// A row of `people.tsv`.
    Person,
    /// A row of `organisations.tsv`.
    Org,
}

impl EntityKind {
    /// The name used in JSON (`person`, `org`).
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Org => "org",
        }
    }
}

/// Where an entity comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Origin {
    /// A row of `data/people.tsv` or `data/organisations.tsv`: reviewed.
    Curated,
    /// Found by a pattern (`crate::annotate::entity::auto`): nobody has reviewed it yet.
    Automatic,
}

impl Origin {
    /// The name used in JSON (`curated`, `automatic`).
    pub fn name(self) -> &'static str {
        match self {
            Origin::Curated => "curated",
            Origin::Automatic => "automatic",
        }
    }
}

/// A mentioned person or organisation, as embedded (no aliases, no note).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Curated id (`putin`, `sco`), or `auto-<slug>` for an automatic one.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Person or organisation.
    pub kind: EntityKind,
    /// A person's role or an organisation's kind (`head of state`, `think
    /// tank`; for an automatic entity what its pattern says: `governor`,
    /// `bank`).
    pub role: String,
    /// Curated or found automatically.
    pub origin: Origin,
}

/// One occurrence of an entity: `target` indexes [`Annotations::entities`].
pub type EntityMention = Mention;
/// One amount or percentage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Where it is.
    pub passage: Passage,
    /// Byte range of the figure in the passage text (currency and unit included).
    pub start: u32,
    /// End of that range (exclusive).
    pub end: u32,
    /// Byte range of the sentence holding it.
    pub sentence: [u32; 2],
    /// The value, scale applied (`$80bn` → 8e10).
    pub value: f64,
    /// `USD`, `RUB`, `EUR`, `CNY`, `%`, `km`, `bcm`, `tonnes`, `MW`,
    /// `cubic feet` or `count`.
    pub unit: String,
    /// The year the sentence gives for it (`in 2017`), if any.
    pub year: Option<i32>,
}

impl Figure {
    /// The figure as printed.
    pub fn text<'d>(&self, doc: &'d Document) -> Option<&'d str> {
        self.passage
            .text(doc)?
            .get(self.start as usize..self.end as usize)
    }

    /// The sentence holding the figure.
    pub fn sentence_text<'d>(&self, doc: &'d Document) -> Option<&'d str> {
        self.passage
            .text(doc)?
            .get(self.sentence[0] as usize..self.sentence[1] as usize)
    }
}

/// One characteristic term of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyPhrase {
    /// The most frequent surface form (whitespace collapsed).
    pub text: String,
    /// Occurrences in the document (all surface forms).
    pub count: u32,
    /// G² × words: how much more the document uses it than the others.
    pub score: f32,
}

/// One year mentioned in a passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearMention {
    /// Where it is.
    pub passage: Passage,
    /// The year.
    pub year: i32,
    /// Byte offset of its digits in the passage text.
    pub start: u32,
    /// End of its digits (exclusive).
    pub end: u32,
}

impl Annotations {
    /// A mentioned entity and its index, by id.
    pub fn entity(&self, id: &str) -> Option<(u16, &Entity)> {
        self.entities
            .iter()
            .enumerate()
            .find(|(_, e)| e.id == id)
            .map(|(i, e)| (i as u16, e))
    }

    /// The entity mentions in one passage of one document, in text order.
    pub fn entity_mentions_at(
        &self,
        doc: u32,
        passage: Passage,
    ) -> impl Iterator<Item = &EntityMention> + '_ {
        self.entity_mentions
            .iter()
            .filter(move |m| m.doc == doc && m.passage == passage)
    }
}
