//! The text side of the model: a collection, its documents, their clean
//! blocks, notes, metadata and the cleaner's audit trail. Written by the
//! pipeline ([`crate::pipeline`]), read by every annotator, the index and
//! the app.

use serde::{Deserialize, Serialize};

/// Every document of a collection, in seed-file order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Corpus {
    /// Documents, sorted by file name.
    pub documents: Vec<Document>,
    /// Places mentioned in blocks and notes, and every mention (issue 5).
    pub places: super::PlaceIndex,
    /// Topic tags, entities, figures and years over the documents (issue 6).
    pub annotations: super::Annotations,
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
    /// Every decision the cleaner took (drops, joins, moved notes, heals).
    pub audit: Vec<AuditEntry>,
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
    /// `true` for a reader's own document, added in the browser and kept
    /// only there ([`crate::local`]); never set for seeds.
    pub local: bool,
    /// Abstracts found in the text, one per language.
    pub abstracts: Vec<LangText>,
    /// Keyword lists found in the text, one per language.
    pub keywords: Vec<Keywords>,
    /// Author affiliations (institution lines, "About the authors" entries).
    pub affiliations: Vec<String>,
    /// Date the manuscript was received, as printed (`30.10.2023`).
    pub received: Option<String>,
    /// Date the revised manuscript was received, as printed.
    pub revised: Option<String>,
    /// Date the paper was accepted, as printed.
    pub accepted: Option<String>,
    /// "For citation" blocks, one per language.
    pub citations: Vec<LangText>,
    /// Titles printed in other languages (the Russian title of a bilingual article).
    pub other_titles: Vec<LangText>,
    /// Copyright line, as printed.
    pub copyright: Option<String>,
    /// Licence statement (and its link), as printed.
    pub license: Option<String>,
    /// Other labelled front/back matter kept out of the body
    /// (`EDN`, `Conflicts of interest`, `Source`, e-mail, …).
    pub extra: Vec<MetaField>,
}

/// A text with its language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct LangText {
    /// ISO 639-1 code.
    pub lang: String,
    /// Plain text.
    pub text: String,
}

/// A keyword list in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Keywords {
    /// ISO 639-1 code.
    pub lang: String,
    /// The keywords, in printed order.
    pub terms: Vec<String>,
}

/// One labelled metadata value (`EDN: VKTZMO`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MetaField {
    /// The label as printed, without its colon (`EDN`, `Conflicts of interest`).
    pub label: String,
    /// ISO 639-1 code of the value.
    pub lang: String,
    /// Plain text of the value.
    pub value: String,
}

/// An inline span over a block's (or note's) plain text.
///
/// `start..end` are byte offsets into that plain text, always on `char`
/// boundaries; a note reference is an empty range at the place the marker stood.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset where the span starts.
    pub start: u32,
    /// Byte offset where the span ends (exclusive).
    pub end: u32,
    /// What the span means.
    pub kind: SpanKind,
}

/// The meaning of an inline span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SpanKind {
    /// `*italic*` in the source.
    Emphasis,
    /// `**bold**` in the source.
    Strong,
    /// A link (`<https://…>`, `[text](url)` or a bare URL).
    Link {
        /// The target.
        url: String,
    },
    /// A note marker (`<sup>25</sup>`, `(APEC).3`), removed from the text.
    NoteRef {
        /// The note's number.
        n: u32,
    },
}

/// What a cleaning rule did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditAction {
    /// Text removed from the body and not kept anywhere (boilerplate, furniture).
    Drop,
    /// Text moved from the body into the metadata.
    ToMeta,
    /// Hard-wrapped lines joined into one paragraph.
    Join,
    /// A note moved out of the body.
    MoveNote,
    /// A note continued after a page break, joined to its beginning.
    ContinueNote,
    /// Two halves of a paragraph cut by a page break (or notes) joined again.
    Heal,
    /// A number recognised as a note marker and removed from the text.
    Marker,
    /// A marker whose note text is not in the source.
    MissingNote,
    /// A block given a kind other than paragraph (heading, quote, list item).
    Classify,
}

/// One decision of the cleaner, for the audit trail (`atlas report`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// The rule that decided (`page_furniture`, `footnotes`, …).
    pub rule: String,
    /// What it did.
    pub action: AuditAction,
    /// First source line concerned (1-based; 0 when not tied to a line).
    pub line: u32,
    /// Last source line concerned (1-based, inclusive).
    pub line_end: u32,
    /// Why, in words.
    pub reason: String,
    /// The text concerned (shortened).
    pub excerpt: String,
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
    /// Inline formatting, links and note references over `text`.
    pub spans: Vec<Span>,
    /// Numbers of the notes referenced from this block, in order.
    pub notes: Vec<u32>,
}

/// A note moved out of the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// The note's number as printed.
    pub n: u32,
    /// Plain text of the note (empty when `missing`).
    pub text: String,
    /// ISO 639-1 code of the note's language.
    pub lang: String,
    /// Inline formatting and links over `text`.
    pub spans: Vec<Span>,
    /// `true` when the body has a marker for this note but the source
    /// does not hold its text (shown as "note text not in the source").
    pub missing: bool,
}

/// Counts over a document's body blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Stats {
    /// Words (Unicode word runs containing a letter or digit).
    pub words: u32,
    /// Blocks of kind paragraph, quote or list item.
    pub paragraphs: u32,
}

/// The note numbers referenced by `spans`, in order.
pub fn note_numbers(spans: &[Span]) -> Vec<u32> {
    spans
        .iter()
        .filter_map(|s| match s.kind {
            SpanKind::NoteRef { n } => Some(n),
            _ => None,
        })
        .collect()
}

impl Document {
    /// The note printed `n`, when the source holds its text: how every
    /// passage address finds a note. Notes are nearly always printed 1, 2,
    /// 3… in order, so note `n` is looked for at place `n - 1` first; the
    /// search, the index and the facts built at start-up then find a note
    /// without walking the list.
    pub fn note(&self, n: u32) -> Option<&Note> {
        let in_order = (n as usize)
            .checked_sub(1)
            .and_then(|i| self.notes.get(i))
            .filter(|x| x.n == n && !x.missing);
        in_order.or_else(|| self.notes.iter().find(|x| x.n == n && !x.missing))
    }
}

impl Corpus {
    /// Finds a document by id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(n: u32, text: &str) -> Note {
        Note {
            n,
            text: text.to_string(),
            lang: "en".to_string(),
            spans: Vec::new(),
            missing: text.is_empty(),
        }
    }

    fn doc(notes: Vec<Note>) -> Document {
        Document {
            id: "d".to_string(),
            file: "d.md".to_string(),
            meta: Meta::default(),
            blocks: Vec::new(),
            notes,
            stats: Stats::default(),
            audit: Vec::new(),
        }
    }

    #[test]
    fn a_note_is_found_by_its_printed_number_in_order_or_not() {
        let d = doc(vec![
            note(1, "one"),
            note(2, ""),
            note(5, "five"),
            note(3, "three"),
        ]);
        assert_eq!(d.note(1).map(|x| x.text.as_str()), Some("one"));
        assert_eq!(d.note(3).map(|x| x.text.as_str()), Some("three"));
        assert_eq!(d.note(5).map(|x| x.text.as_str()), Some("five"));
        assert!(d.note(2).is_none(), "a missing note has no text to address");
        assert!(d.note(0).is_none());
        assert!(d.note(4).is_none());
    }
}
