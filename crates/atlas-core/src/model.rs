//! The model: what a collection is once the pipeline has read it. A
//! [`Corpus`] holds its documents ([`document`]), the places they mention
//! ([`places`]) and every other annotation ([`annotations`]); passages are
//! addressed by [`Passage`] inside a document and by [`PassageId`] across
//! the corpus ([`passage`]); places and entities share one [`Mention`] type
//! ([`mention`]).
//!
//! These are the types that cross from build time (`build.rs`, the CLI) to
//! run time (the wasm app), as bytes written by [`crate::codec`].
//!
//! Invariant: the model depends on no other module of the crate. Annotators,
//! the index and the filters depend on it, never the reverse, so an
//! annotator's working structs never become the wire format by accident
//! (`cargo xtask test` checks this).

pub mod annotations;
pub mod document;
pub mod mention;
pub mod passage;
pub mod places;

pub use annotations::{
    Annotations, DocAnnotations, Entity, EntityKind, EntityMention, Figure, KeyPhrase, Origin,
    PassageTags, Topic, TopicShare, YearMention,
};
pub use document::{
    note_numbers, AuditAction, AuditEntry, Block, BlockKind, Corpus, Document, Keywords, LangText,
    Meta, MetaField, Note, Span, SpanKind, Stats,
};
pub use mention::{Mention, Mentions};
pub use passage::{meta_texts, passages, BadPassageId, Passage, PassageId};
pub use places::{
    MentionedPlace, PlaceIndex, PlaceKind, PlaceMention, PlaceReading, Reason, CONFIDENT,
};
