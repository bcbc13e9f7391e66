//! The serialization boundary: the only types that cross from build time
//! (`build.rs`, the CLI) to run time (the wasm app).
//!
//! They are encoded with `postcard` (compact, no schema in the bytes), so the
//! app and `build.rs` must be built from the same source: they always are,
//! because the app embeds the bytes at compile time. Field order matters for
//! postcard; add fields freely, the bytes are never stored anywhere else.

use serde::{Deserialize, Serialize};

/// Every document of a collection, in seed-file order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Corpus {
    /// Documents, sorted by file name.
    pub documents: Vec<Document>,
}

/// One paper: its metadata, its clean blocks and its notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: the seed file's stem (`003_e16917e1f304fc4f`).
    pub id: String,
    /// The seed file's name (`003_e16917e1f304fc4f.txt`).
    pub file: String,
    /// Curated metadata, completed by what the pipeline inferred.
    pub meta: Meta,
    /// Body blocks in reading order.
    pub blocks: Vec<Block>,
    /// Notes (footnotes/endnotes) moved out of the body.
    pub notes: Vec<Note>,
    /// Counts over the body blocks.
    pub stats: Stats,
}

/// Bibliographic metadata of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Meta {
    /// Title as printed.
    pub title: String,
    /// Personal or corporate authors, in printed order.
    pub authors: Vec<String>,
    /// Year of publication (or of presentation, for conference papers).
    pub year: Option<i32>,
    /// Journal, series, publisher or website.
    pub venue: Option<String>,
    /// Kind of document (`journal article`, `policy paper`, …).
    pub doc_type: Option<String>,
    /// ISO 639-1 codes of the languages present, main language first.
    pub languages: Vec<String>,
    /// DOI, without the resolver prefix.
    pub doi: Option<String>,
    /// Where the text can be found online.
    pub url: Option<String>,
    /// `true` when title/authors/year came from the catalog, `false` when
    /// they were inferred from the text.
    pub curated: bool,
}

/// The kind of a body block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlockKind {
    /// A section heading; `level` 1 is the highest.
    Heading {
        /// Nesting level, 1..=6.
        level: u8,
    },
    /// Running text.
    Paragraph,
    /// A block quotation.
    Quote,
    /// One item of a list.
    ListItem,
}

impl BlockKind {
    /// The stable name used in JSON output (`heading`, `paragraph`, …).
    pub fn name(&self) -> &'static str {
        match self {
            BlockKind::Heading { .. } => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Quote => "quote",
            BlockKind::ListItem => "list-item",
        }
    }
}

/// One block of body text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    /// Stable id: `<doc>:<n>`, n counting body blocks from 0.
    pub id: String,
    /// Heading, paragraph, quote or list item.
    pub kind: BlockKind,
    /// ISO 639-1 code of the block's language (`en`, `ru`, `zh`, `es`, …).
    pub lang: String,
    /// Plain text, markup removed.
    pub text: String,
}

/// A note moved out of the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// The note's number as printed.
    pub n: u32,
    /// Plain text of the note.
    pub text: String,
}

/// Counts over a document's body blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Stats {
    /// Words (Unicode word runs containing a letter or digit).
    pub words: u32,
    /// Blocks of kind paragraph, quote or list item.
    pub paragraphs: u32,
}

/// Why embedded bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "embedded corpus could not be decoded: {}", self.0)
    }
}

impl std::error::Error for DecodeError {}

impl Corpus {
    /// Encodes the corpus for embedding.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Serializing plain owned data into a Vec cannot fail.
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// Decodes bytes written by [`Corpus::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Corpus, DecodeError> {
        postcard::from_bytes(bytes).map_err(|e| DecodeError(e.to_string()))
    }

    /// Finds a document by id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
}
