//! Passages: the units the search ranks and reports. A passage is a body
//! block (heading or not), a note, or one piece of a document's metadata
//! (title, an abstract, a keyword list, the authors). Building the index and
//! answering a query both enumerate passages through this file, so the index
//! never stores text: it points back into the [`Corpus`].
//!
//! Ids as reported in hits: a block keeps its own id (`<doc>:<n>`); a note is
//! `<doc>:note:<n>` with `n` the note's printed number; metadata is
//! `<doc>:meta:<n>`, `n` counting title (0), abstracts, keyword lists,
//! authors, then affiliations.

use crate::model::{BlockKind, Corpus, Document};
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

/// Where a passage's text lives in the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassageRef {
    /// Index of the document in `Corpus::documents`.
    pub doc: u32,
    /// Which kind of text.
    pub field: Field,
    /// Index of the block, of the note in `Document::notes`, or of the
    /// metadata piece (see the module doc).
    pub n: u32,
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
        for (n, note) in doc.notes.iter().enumerate() {
            if !note.missing && !note.text.is_empty() {
                let r = PassageRef {
                    doc: d,
                    field: Field::Note,
                    n: n as u32,
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

/// The searchable metadata pieces of a document, in `meta:<n>` order:
/// title, abstracts, keyword lists (joined with `; `), authors (joined with
/// `, `), then affiliations.
pub fn meta_texts(doc: &Document) -> Vec<Cow<'_, str>> {
    let m = &doc.meta;
    let mut out = vec![Cow::Borrowed(m.title.as_str())];
    out.extend(m.abstracts.iter().map(|a| Cow::Borrowed(a.text.as_str())));
    out.extend(m.keywords.iter().map(|k| Cow::Owned(k.terms.join("; "))));
    out.push(Cow::Owned(m.authors.join(", ")));
    out.extend(m.affiliations.iter().map(|a| Cow::Borrowed(a.as_str())));
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
        Field::Note => doc.notes.get(n).map(|x| x.lang.clone()),
        Field::Meta => meta_langs(doc).into_iter().nth(n).flatten(),
    }
}

/// The text of a passage, or `None` when the corpus does not hold it (an
/// index built from another corpus).
pub fn text<'c>(corpus: &'c Corpus, r: PassageRef) -> Option<Cow<'c, str>> {
    let doc = corpus.documents.get(r.doc as usize)?;
    let n = r.n as usize;
    match r.field {
        Field::Heading | Field::Body => doc.blocks.get(n).map(|b| Cow::Borrowed(b.text.as_str())),
        Field::Note => doc.notes.get(n).map(|x| Cow::Borrowed(x.text.as_str())),
        Field::Meta => meta_texts(doc).into_iter().nth(n),
    }
}

/// The reported id of a passage (see the module doc).
pub fn block_id(corpus: &Corpus, r: PassageRef) -> Option<String> {
    let doc = corpus.documents.get(r.doc as usize)?;
    let n = r.n as usize;
    match r.field {
        Field::Heading | Field::Body => doc.blocks.get(n).map(|b| b.id.clone()),
        Field::Note => doc.notes.get(n).map(|x| format!("{}:note:{}", doc.id, x.n)),
        Field::Meta => Some(format!("{}:meta:{n}", doc.id)),
    }
}

/// Finds the passage a reported id names, and its text.
pub fn by_block_id<'c>(corpus: &'c Corpus, id: &str) -> Option<(PassageRef, Cow<'c, str>)> {
    let (doc_id, rest) = id.split_once(':')?;
    let d = corpus.documents.iter().position(|x| x.id == doc_id)?;
    let doc = &corpus.documents[d];
    let r = if let Some(n) = rest.strip_prefix("note:") {
        let printed: u32 = n.parse().ok()?;
        let n = doc.notes.iter().position(|x| x.n == printed)?;
        PassageRef {
            doc: d as u32,
            field: Field::Note,
            n: n as u32,
        }
    } else if let Some(n) = rest.strip_prefix("meta:") {
        PassageRef {
            doc: d as u32,
            field: Field::Meta,
            n: n.parse().ok()?,
        }
    } else {
        let n: u32 = rest.parse().ok()?;
        let block = doc.blocks.get(n as usize)?;
        let field = match block.kind {
            BlockKind::Heading { .. } => Field::Heading,
            _ => Field::Body,
        };
        PassageRef {
            doc: d as u32,
            field,
            n,
        }
    };
    Some((r, text(corpus, r)?))
}
