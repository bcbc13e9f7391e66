//! Passages: the units the search ranks and reports. A passage is a body
//! block (heading or not), a note, or one piece of a document's metadata
//! (title, an abstract, a keyword list, the authors). Building the index and
//! answering a query both enumerate passages through this file, so the index
//! never stores text: it points back into the [`Corpus`].
//!
//! A passage is addressed as the model addresses it ([`Passage`], a note by
//! its printed number), plus the field it is weighted as; hits report it as
//! a [`PassageId`]. Metadata pieces are numbered as
//! [`crate::model::meta_texts`] lists them.

use crate::model::{meta_texts, BlockKind, Corpus, Document, Passage, PassageId};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The field a passage belongs to; fields are weighted differently (BM25F).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Field {
    /// A heading block.
    Heading,
    /// A paragraph, quote or list item.
    Body,
    /// A note's text.
    Note,
    /// Title, abstract, keywords or authors.
    Meta,
}

impl Field {
    /// Every field, in the order of [`Field::index`].
    pub const ALL: [Field; 4] = [Field::Heading, Field::Body, Field::Note, Field::Meta];

    /// A dense index for per-field tables.
    pub fn index(self) -> usize {
        match self {
            Field::Heading => 0,
            Field::Body => 1,
            Field::Note => 2,
            Field::Meta => 3,
        }
    }

    /// The stable name used in JSON (`heading`, `body`, `note`, `meta`).
    pub fn name(self) -> &'static str {
        match self {
            Field::Heading => "heading",
            Field::Body => "body",
            Field::Note => "note",
            Field::Meta => "meta",
        }
    }
}

/// Where a passage's text lives in the corpus: the document by index, the
/// passage as the model numbers it ([`Passage`]: a note by its printed
/// number), and the field it is weighted as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassageRef {
    /// Index of the document in `Corpus::documents`.
    pub doc: u32,
    /// Which kind of text.
    pub field: Field,
    /// The block's index, the note's printed number, or the metadata
    /// piece's number: the `n` of [`Passage`].
    pub n: u32,
}

impl PassageRef {
    /// The passage inside its document.
    pub fn passage(self) -> Passage {
        match self.field {
            Field::Heading | Field::Body => Passage::Block(self.n),
            Field::Note => Passage::Note(self.n),
            Field::Meta => Passage::Meta(self.n),
        }
    }

    /// The reference to `passage` of document `doc` (its index), or `None`
    /// when the document has no such block.
    fn of(doc_index: u32, doc: &Document, passage: Passage) -> Option<PassageRef> {
        let (field, n) = match passage {
            Passage::Block(n) => match doc.blocks.get(n as usize)?.kind {
                BlockKind::Heading { .. } => (Field::Heading, n),
                _ => (Field::Body, n),
            },
            Passage::Note(n) => (Field::Note, n),
            Passage::Meta(n) => (Field::Meta, n),
        };
        Some(PassageRef {
            doc: doc_index,
            field,
            n,
        })
    }
}

/// Every passage of the corpus with its text, in a fixed order.
pub fn enumerate(corpus: &Corpus) -> Vec<(PassageRef, Cow<'_, str>)> {
    let mut out = Vec::new();
    for (d, doc) in corpus.documents.iter().enumerate() {
        let d = d as u32;
        for (n, block) in doc.blocks.iter().enumerate() {
            let field = match block.kind {
                BlockKind::Heading { .. } => Field::Heading,
                _ => Field::Body,
            };
            let r = PassageRef {
                doc: d,
                field,
                n: n as u32,
            };
            out.push((r, Cow::Borrowed(block.text.as_str())));
        }
        for note in &doc.notes {
            if !note.missing && !note.text.is_empty() {
                let r = PassageRef {
                    doc: d,
                    field: Field::Note,
                    n: note.n,
                };
                out.push((r, Cow::Borrowed(note.text.as_str())));
            }
        }
        for (n, text) in meta_texts(doc).into_iter().enumerate() {
            if !text.is_empty() {
                let r = PassageRef {
                    doc: d,
                    field: Field::Meta,
                    n: n as u32,
                };
                out.push((r, text));
            }
        }
    }
    out
}

/// The language of each of [`meta_texts`], in the same order: the title's
/// and each affiliation's as detected, each abstract's and keyword list's
/// as the front matter gave it, and none for the authors (names have no
/// language).
pub fn meta_langs(doc: &Document) -> Vec<Option<String>> {
    let m = &doc.meta;
    let mut out = vec![Some(crate::lang::detect(&m.title).to_string())];
    out.extend(m.abstracts.iter().map(|a| Some(a.lang.clone())));
    out.extend(m.keywords.iter().map(|k| Some(k.lang.clone())));
    out.push(None);
    out.extend(
        m.affiliations
            .iter()
            .map(|a| Some(crate::lang::detect(a).to_string())),
    );
    out
}

/// The language of a passage (`None` for an author list, or a passage the
/// corpus does not hold).
pub fn lang(corpus: &Corpus, r: PassageRef) -> Option<String> {
    let doc = corpus.documents.get(r.doc as usize)?;
    let n = r.n as usize;
    match r.field {
        Field::Heading | Field::Body => doc.blocks.get(n).map(|b| b.lang.clone()),
        Field::Note => doc.note(r.n).map(|x| x.lang.clone()),
        Field::Meta => meta_langs(doc).into_iter().nth(n).flatten(),
    }
}

/// The text of a passage, or `None` when the corpus does not hold it (an
/// index built from another corpus).
pub fn text<'c>(corpus: &'c Corpus, r: PassageRef) -> Option<Cow<'c, str>> {
    let doc = corpus.documents.get(r.doc as usize)?;
    r.passage().text_owned(doc)
}

/// The id of a passage, as hits report it.
pub fn passage_id(corpus: &Corpus, r: PassageRef) -> Option<PassageId> {
    let doc = corpus.documents.get(r.doc as usize)?;
    Some(PassageId::new(doc.id.as_str(), r.passage()))
}

/// Finds the passage an id names, and its text.
pub fn find<'c>(corpus: &'c Corpus, id: &PassageId) -> Option<(PassageRef, Cow<'c, str>)> {
    let d = corpus.documents.iter().position(|x| x.id == id.doc)?;
    let r = PassageRef::of(d as u32, &corpus.documents[d], id.passage)?;
    Some((r, text(corpus, r)?))
}

/// Finds the passage a written id names (`<doc>:<n>`, …), and its text;
/// `None` for a malformed id or one the corpus does not hold.
pub fn by_block_id<'c>(corpus: &'c Corpus, id: &str) -> Option<(PassageRef, Cow<'c, str>)> {
    find(corpus, &id.parse().ok()?)
}
