//! People and organisations (issue 6): every mention of a curated person
//! (`data/people.tsv`) or organisation (`data/organisations.tsv`) in the
//! clean blocks and notes, and of the people and organisations found
//! automatically by patterns (issue 16, part 5: [`auto`]), so the app can
//! list who and what a paper talks about and jump to each mention without
//! matching text itself. Each entity says where it comes from
//! ([`Origin`]): a reader can tell reviewed names from unreviewed ones.
//!
//! [`data`] parses the lists and their ignore list with `file:line` errors,
//! [`matcher`] finds aliases (one automaton, whole words, case-sensitive),
//! [`auto`] finds the rest and decides between the two, and [`candidates`]
//! is the rest of the maintainers' review list (`atlas report
//! --entities`): title + name spans and acronyms that neither a list nor a
//! pattern accounts for, kept empty for the seeds by a test.
//!
//! Like places, mentions hold no text: an entity index, a document index,
//! a [`Passage`] and a byte range. Only entities mentioned at least once
//! are embedded, without their aliases.

pub mod auto;
pub mod candidates;
pub mod data;
pub mod matcher;

use super::place::PlaceIndex;
use super::{Annotations, Passage};
use crate::error::Error;
use crate::model::{Corpus, Document};
use auto::Target;
use data::EntityData;
pub use data::EntityKind;
use matcher::{EntityMatcher, EntityTarget};
use serde::{Deserialize, Serialize};

/// Where an entity comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Origin {
    /// A row of `data/people.tsv` or `data/organisations.tsv`: reviewed.
    Curated,
    /// Found by a pattern ([`auto`]): nobody has reviewed it yet.
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
    pub fn new(data: &EntityData) -> Result<EntityFinder, Error> {
        Ok(EntityFinder {
            matcher: EntityMatcher::new(data)?,
        })
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

/// Every entity mention in the documents' blocks and notes, curated and
/// automatic, and the table of the entities mentioned (curated ones in list
/// order, people then organisations; then the automatic ones, people then
/// organisations by id), which the mentions index. `places` is the
/// corpus's place index: a place is no person or organisation.
///
/// Mentions store an entity as a `u16`: past that many entities the least
/// mentioned automatic ones are left out (curated lists are capped at
/// half of it by `data.rs`). Fails only when a list of names cannot be
/// compiled into a matcher ([`crate::error::ErrorKind::Matcher`]).
pub fn entities_in(
    data: &EntityData,
    documents: &[Document],
    places: &PlaceIndex,
) -> Result<(Vec<Entity>, Vec<EntityMention>), Error> {
    let finding = auto::find(data, documents, places)?;
    let mut curated: Vec<u16> = Vec::new();
    let mut automatic: Vec<(u32, usize)> = Vec::new();
    for m in &finding.mentions {
        match m.target {
            Target::Curated(i) => curated.push(i),
            Target::Automatic(i) => match automatic.iter_mut().find(|(x, _)| *x == i) {
                Some(slot) => slot.1 += 1,
                None => automatic.push((i, 1)),
            },
        }
    }
    curated.sort_unstable();
    curated.dedup();
    let room = usize::from(u16::MAX) - curated.len();
    if automatic.len() > room {
        automatic.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        automatic.truncate(room);
    }
    let mut automatic: Vec<u32> = automatic.into_iter().map(|(i, _)| i).collect();
    automatic.sort_unstable();
    let mut table: Vec<Entity> = curated
        .iter()
        .map(|&i| {
            let e = &data.entities[usize::from(i)];
            Entity {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind,
                role: e.role.clone(),
                origin: Origin::Curated,
            }
        })
        .collect();
    table.extend(automatic.iter().map(|&i| {
        let e = &finding.entities[i as usize];
        Entity {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind,
            role: e.role.clone(),
            origin: Origin::Automatic,
        }
    }));
    let mentions = finding
        .mentions
        .iter()
        .filter_map(|m| {
            // Both lists are sorted and hold every entity kept.
            let entity = match m.target {
                Target::Curated(i) => curated.binary_search(&i).ok()?,
                Target::Automatic(i) => curated.len() + automatic.binary_search(&i).ok()?,
            };
            Some(EntityMention {
                entity: entity as u16,
                doc: m.doc,
                passage: m.passage,
                start: m.start as u32,
                end: m.end as u32,
            })
        })
        .collect();
    Ok((table, mentions))
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
