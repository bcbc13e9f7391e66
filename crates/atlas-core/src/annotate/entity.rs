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

use crate::error::Error;
use crate::model::{Document, Entity, EntityMention, Mention, Origin, PlaceIndex};
use auto::Target;
use data::EntityData;
use matcher::{EntityMatcher, EntityTarget};

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
            Some(Mention {
                target: entity as u16,
                doc: m.doc,
                passage: m.passage,
                start: m.start as u32,
                end: m.end as u32,
                reading: (),
            })
        })
        .collect();
    Ok((table, mentions))
}
