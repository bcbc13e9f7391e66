//! People and organisations (issue 6): every mention of a curated person
//! (`data/people.tsv`) or organisation (`data/organisations.tsv`) in the
//! clean blocks and notes, so the app can list who and what a paper talks
//! about and jump to each mention without matching text itself.
//!
//! [`data`] parses the lists and their ignore list with `file:line` errors,
//! [`matcher`] finds aliases (one automaton, whole words, case-sensitive),
//! and [`candidates`] is the maintainers' review list (`atlas report
//! --entities`): title + name spans and acronyms nobody has decided on yet,
//! kept empty for the seeds by a test.
//!
//! Like places, mentions hold no text: an entity index, a document index,
//! a [`Passage`] and a byte range. Only entities mentioned at least once
//! are embedded, without their aliases.

pub mod auto;
pub mod candidates;
pub mod data;
pub mod matcher;

use super::{passages, Annotations, Passage};
use crate::model::{Corpus, Document};
use data::EntityData;
pub use data::EntityKind;
use matcher::{EntityMatcher, EntityTarget};
use serde::{Deserialize, Serialize};

/// A mentioned person or organisation, as embedded (no aliases, no note).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Curated id (`putin`, `sco`).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Person or organisation.
    pub kind: EntityKind,
    /// A person's role or an organisation's kind (`head of state`, `think tank`).
    pub role: String,
}

/// One occurrence of an entity in a block or note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityMention {
    /// Index into [`Annotations::entities`].
    pub entity: u16,
    /// Index into `Corpus::documents`.
    pub doc: u32,
    /// The block or note.
    pub passage: Passage,
    /// Byte offset of the surface in the passage's text.
    pub start: u32,
    /// Byte offset just past the surface.
    pub end: u32,
}

impl EntityMention {
    /// The text as written (`President Putin`, `ШОС`).
    pub fn surface<'c>(&self, corpus: &'c Corpus) -> Option<&'c str> {
        let doc = corpus.documents.get(self.doc as usize)?;
        self.passage
            .text(doc)?
            .get(self.start as usize..self.end as usize)
    }

    /// The passage id, as in search hits: `<doc>:<n>` or `<doc>:note:<n>`.
    pub fn block_id(&self, corpus: &Corpus) -> Option<String> {
        let doc = corpus.documents.get(self.doc as usize)?;
        Some(self.passage.id(&doc.id))
    }
}

/// The compiled entity lists: finds mentions in any text.
pub struct EntityFinder {
    matcher: EntityMatcher,
}

/// One mention found in a text, pointing into [`EntityData::entities`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextEntity {
    /// Index into `EntityData::entities`.
    pub entity: u16,
    /// Byte offset in the text.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
}

impl EntityFinder {
    /// Compiles the aliases and ignore spans of `data`.
    pub fn new(data: &EntityData) -> EntityFinder {
        EntityFinder {
            matcher: EntityMatcher::new(data),
        }
    }

    /// The entity mentions in `text`, in order.
    pub fn find(&self, text: &str) -> Vec<TextEntity> {
        self.matcher
            .find(text)
            .into_iter()
            .filter_map(|hit| match hit.target {
                EntityTarget::Entity(entity) => Some(TextEntity {
                    entity,
                    start: hit.start,
                    end: hit.end,
                }),
                EntityTarget::Ignore(_) => None,
            })
            .collect()
    }
}

/// Every entity mention in the documents' blocks and notes, and the
/// table of the entities mentioned (in list order: people, then
/// organisations), which the mentions index.
pub fn entities_in(data: &EntityData, documents: &[Document]) -> (Vec<Entity>, Vec<EntityMention>) {
    let finder = EntityFinder::new(data);
    let mut mentions = Vec::new();
    for (d, doc) in documents.iter().enumerate() {
        for (passage, text) in passages(doc) {
            for m in finder.find(text) {
                mentions.push(EntityMention {
                    entity: m.entity,
                    doc: d as u32,
                    passage,
                    start: m.start as u32,
                    end: m.end as u32,
                });
            }
        }
    }
    let mut used: Vec<u16> = mentions.iter().map(|m| m.entity).collect();
    used.sort_unstable();
    used.dedup();
    let table = used
        .iter()
        .map(|&i| {
            let e = &data.entities[usize::from(i)];
            Entity {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind,
                role: e.role.clone(),
            }
        })
        .collect();
    for m in &mut mentions {
        // `used` is sorted and holds every mentioned entity.
        m.entity = used.binary_search(&m.entity).unwrap_or_default() as u16;
    }
    (table, mentions)
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

    /// The mentions of one entity, in corpus order.
    pub fn mentions_of_entity(&self, entity: u16) -> impl Iterator<Item = &EntityMention> + '_ {
        self.entity_mentions
            .iter()
            .filter(move |m| m.entity == entity)
    }

    /// The entity mentions in one document (by index), in reading order.
    pub fn entity_mentions_in(&self, doc: u32) -> impl Iterator<Item = &EntityMention> + '_ {
        self.entity_mentions.iter().filter(move |m| m.doc == doc)
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

    /// How often each entity is mentioned in one document: `(entity,
    /// count)`, most mentioned first (ties in table order).
    pub fn entity_counts_in(&self, doc: u32) -> Vec<(u16, u32)> {
        crate::annotate::most_first(crate::annotate::tally(
            self.entity_mentions_in(doc).map(|m| m.entity),
        ))
    }

    /// How often one entity is mentioned per document: `(doc, count)`, in
    /// document order.
    pub fn entity_counts_of(&self, entity: u16) -> Vec<(u32, u32)> {
        crate::annotate::tally(self.mentions_of_entity(entity).map(|m| m.doc))
    }
}
