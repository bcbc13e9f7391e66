//! Cleaning: from a raw extraction to body blocks, notes, metadata and an
//! audit trail.
//!
//! The seeds are PDF and web extractions with different faults (hard wraps
//! and blank-line noise in `000_…`, page feet full of footnotes in `003_…`,
//! Markdown and `<sup>` notes in `001_…`/`004_…`, web boilerplate in
//! `002_…`). Each fault has its own small rule in its own file; every rule
//! decides on evidence in the text, never on a file name, and reports what
//! it did to an [`Audit`]. The order of the stages is fixed here:
//!
//! 1. line level: [`page_furniture`] finds the page breaks and marks what
//!    they repeat (running heads and feet, page numbers alone or glued to a
//!    word, cut off the line); [`footnotes`] lifts the page feet of notes;
//! 2. [`reflow`] joins hard-wrapped lines into paragraphs, and a line-end
//!    hyphen is kept or dropped as [`hyphens`] reads the text's own words;
//! 3. paragraph level: [`boilerplate`], [`metadata`], `<sup>` notes
//!    ([`footnotes`]), page footers, then [`heal`] joins paragraphs cut by
//!    a page break;
//! 4. block level: [`markup`] turns inline syntax into spans, [`markers`]
//!    finds plain-number note markers, [`structure`] gives each block its kind.

mod audit;
mod boilerplate;
mod footnotes;
mod heal;
mod hyphens;
mod markers;
mod markup;
mod metadata;
mod page_furniture;
mod reflow;
mod structure;
mod text_shape;

pub use audit::{shorten, Audit};
pub use markup::{render, strip_inline_markup};
pub use reflow::reflow;

use crate::model::{AuditAction, AuditEntry, BlockKind, Meta, Note, Span};

/// A body block before ids and languages are assigned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanBlock {
    /// Heading, paragraph, quote or list item.
    pub kind: BlockKind,
    /// Plain text.
    pub text: String,
    /// Inline spans over `text`.
    pub spans: Vec<Span>,
    /// Numbers of the notes referenced, in order.
    pub notes: Vec<u32>,
    /// First source line (1-based).
    pub line: u32,
    /// Last source line (1-based).
    pub line_end: u32,
}

/// The cleaner's output for one document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CleanDoc {
    /// Body blocks in reading order.
    pub blocks: Vec<CleanBlock>,
    /// Notes, sorted by number; markers without a note text give `missing` notes.
    pub notes: Vec<Note>,
    /// Metadata found in the text (abstracts, keywords, DOI, dates, …).
    /// Bibliographic fields that the catalog curates are left empty here
    /// except `doi`.
    pub meta: Meta,
    /// Every decision taken, in order.
    pub audit: Vec<AuditEntry>,
}

/// How a source line was classified before paragraphs are built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// Body (or not yet classified) text.
    Text,
    /// An empty line.
    Blank,
    /// A line of a few spaces only (a paragraph separator in PDF text).
    Space,
    /// A page or section break: a long run of spaces or a `---` rule.
    Break,
    /// Page furniture already audited and dropped (running head, page number).
    Furniture,
    /// Part of a footnote moved out of the body.
    Note,
}

/// A paragraph of raw text (markup still in), with where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Para {
    /// The source lines, trimmed.
    pub lines: Vec<String>,
    /// The lines joined into one string.
    pub text: String,
    /// First source line (1-based).
    pub line: u32,
    /// Last source line (1-based).
    pub line_end: u32,
    /// A page break, footnotes or furniture stood between this paragraph and
    /// the previous one.
    pub after_break: bool,
}

impl Para {
    fn lines(&self) -> (u32, u32) {
        (self.line, self.line_end)
    }
}

/// A note while the rules run: raw text, markup still in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawNote {
    pub n: u32,
    pub text: String,
    pub line: u32,
    pub line_end: u32,
}

/// Cleans one document's text.
pub fn clean(text: &str) -> CleanDoc {
    let mut audit = Audit::default();
    let raw: Vec<&str> = text.lines().collect();
    let pages = page_furniture::mark_pages(&raw, &mut audit);
    let lines = pages.strs();
    let words = hyphens::Words::of(&lines);
    let mut marks = pages.marks.clone();
    let mut notes =
        footnotes::lift_note_zones(&lines, &mut marks, &pages.page_start, &words, &mut audit);
    let paras = reflow::paragraphs(&lines, &marks, &pages.page_start, &words, &mut audit);
    let paras = boilerplate::apply(paras, &mut audit);
    let mut meta = Meta::default();
    let paras = metadata::extract(paras, &mut meta, &mut audit);
    let paras = footnotes::lift_sup_notes(paras, &mut notes, &mut audit);
    let paras = page_furniture::drop_trailing_footer(paras, &mut audit);
    let paras = page_furniture::drop_number_headings(paras, &mut audit);
    let paras = heal::heal(paras, &words, &mut audit);
    let explicit_markers = paras.iter().any(|p| p.text.contains("<sup>"));
    let mut table_rows: Vec<bool> = Vec::with_capacity(paras.len());
    let mut blocks: Vec<CleanBlock> = paras
        .iter()
        .filter_map(|p| {
            let (kind_hint, body) = structure::strip_block_syntax(&p.text);
            let (text, spans) = markup::render(body);
            if text.is_empty() && spans.is_empty() {
                return None;
            }
            table_rows.push(text_shape::table_row_cells(&p.text).is_some());
            Some(CleanBlock {
                kind: kind_hint.unwrap_or(BlockKind::Paragraph),
                text,
                spans,
                notes: Vec::new(),
                line: p.line,
                line_end: p.line_end,
            })
        })
        .collect();
    if !explicit_markers {
        markers::find_plain_markers(&mut blocks, &mut table_rows, &mut audit);
    }
    for b in &mut blocks {
        b.notes = crate::model::note_numbers(&b.spans);
    }
    structure::classify(&mut blocks, &table_rows, &mut audit);
    let notes = finish_notes(&mut notes, &blocks, &mut audit);
    CleanDoc {
        blocks,
        notes,
        meta,
        audit: audit.entries,
    }
}

/// Renders notes, sorts them, and adds a `missing` note for every marker
/// whose note text the source does not hold.
///
/// A document has one note per printed number: body markers, links
/// (`#note-n`) and annotations all address a note by it. A source that holds
/// two texts under one number (footnotes numbered per page, a note zone read
/// twice) gets them joined, in source order, into that number's note, with
/// an audit entry: nothing is lost, and no address is ambiguous.
fn finish_notes(raw: &mut Vec<RawNote>, blocks: &[CleanBlock], audit: &mut Audit) -> Vec<Note> {
    raw.sort_by_key(|n| n.n);
    raw.dedup_by(|later, first| {
        if later.n != first.n {
            return false;
        }
        audit.push(
            "footnotes",
            AuditAction::ContinueNote,
            (later.line, later.line_end),
            format!(
                "a second text numbered {n} (the first is at line {line}): joined to note {n}",
                n = first.n,
                line = first.line
            ),
            &later.text,
        );
        first.text.push(' ');
        first.text.push_str(&later.text);
        first.line_end = first.line_end.max(later.line_end);
        true
    });
    let mut notes: Vec<Note> = raw
        .iter()
        .map(|r| {
            let (text, spans) = markup::render(&r.text);
            Note {
                n: r.n,
                lang: crate::lang::detect(&text).to_string(),
                text,
                spans,
                missing: false,
            }
        })
        .collect();
    let mut referenced: Vec<(u32, u32)> = blocks
        .iter()
        .flat_map(|b| b.notes.iter().map(move |&n| (n, b.line)))
        .collect();
    referenced.sort();
    referenced.dedup_by_key(|r| r.0);
    for (n, line) in referenced {
        if !notes.iter().any(|note| note.n == n) {
            audit.push(
                "footnotes",
                AuditAction::MissingNote,
                (line, line),
                format!("marker {n} in the body, but the source holds no text for note {n}"),
                "note text not in the source",
            );
            notes.push(Note {
                n,
                text: String::new(),
                lang: String::new(),
                spans: Vec::new(),
                missing: true,
            });
        }
    }
    notes.sort_by_key(|n| n.n);
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(doc: &CleanDoc) -> Vec<(&'static str, &str)> {
        doc.blocks
            .iter()
            .map(|b| (b.kind.name(), b.text.as_str()))
            .collect()
    }

    #[test]
    fn a_markdown_pipe_table_keeps_a_block_per_row() {
        // No heading marks the text, so short lines are guessed as headings;
        // a header row must not be one, and the separator row goes.
        let doc = clean(
            "Trade with China grew in the decade.\n\n| Year | Exports |\n|---|---:|\n\
             | 2010 | 5.1 |\n| oil and gas | 3 |\n\nAfter the table.\n",
        );
        assert_eq!(
            kinds(&doc),
            vec![
                ("paragraph", "Trade with China grew in the decade."),
                ("paragraph", "Year | Exports"),
                ("paragraph", "2010 | 5.1"),
                ("paragraph", "oil and gas | 3"),
                ("paragraph", "After the table."),
            ]
        );
        assert!(doc.notes.is_empty());
    }

    #[test]
    fn markdown_headings_rules_lists_and_notes() {
        // 001_…: a series number as a heading, a title, a rule, a note in Chinese.
        let doc = clean("# 107\n\n# Developing the **Far East**\n\n---\n\n- first item\n- second\n\n<sup>2</sup> 米纳基尔\n");
        assert_eq!(
            kinds(&doc),
            vec![
                ("heading", "Developing the Far East"),
                ("list-item", "first item"),
                ("list-item", "second")
            ]
        );
        assert_eq!(doc.notes.len(), 1);
        assert_eq!(
            (doc.notes[0].n, doc.notes[0].text.as_str()),
            (2, "米纳基尔")
        );
        assert_eq!(doc.notes[0].lang, "zh");
    }

    #[test]
    fn two_note_texts_under_one_number_become_one_note() {
        // Invented: footnotes numbered per page, so two notes are `1`.
        let doc = clean(
            "The port grew.<sup>1</sup>\n\n<sup>1</sup> Ivanov, Ports, 1999.\n\n             The railway came later.<sup>1</sup>\n\n<sup>1</sup> Chen, Rails, 2004.\n",
        );
        let got: Vec<(u32, &str)> = doc.notes.iter().map(|n| (n.n, n.text.as_str())).collect();
        assert_eq!(got, vec![(1, "Ivanov, Ports, 1999. Chen, Rails, 2004.")]);
        let joined = doc
            .audit
            .iter()
            .filter(|e| e.reason.contains("a second text numbered 1"))
            .count();
        assert_eq!(joined, 1, "{:#?}", doc.audit);
    }

    #[test]
    fn a_sentence_is_not_a_heading_but_a_title_line_is() {
        // 002_…
        let doc = clean("Systemic factors in multilateral cooperation\n\nBefore analyzing issues of cooperation, it makes sense.\n");
        assert_eq!(kinds(&doc)[0].0, "heading");
        assert_eq!(kinds(&doc)[1].0, "paragraph");
    }

    #[test]
    fn a_legitimate_line_starting_with_a_number_is_kept() {
        // 003_…: "For Russia 2009 was…" shape, with the year first.
        let doc = clean("2009 was a difficult year as regards Korea for Russia and its partners in the region.\n");
        assert_eq!(kinds(&doc), vec![("paragraph", "2009 was a difficult year as regards Korea for Russia and its partners in the region.")]);
        assert!(doc.notes.is_empty());
    }

    #[test]
    fn a_paper_damaged_the_pdf_way_comes_back_whole() {
        // Invented pages (issue 16): running heads with the page number on
        // the outer side, a word cut by the page break with the head
        // between its halves, notes at the page feet with bare markers,
        // and numbers that are no page numbers (`In 2014`, `Article 15`).
        let text = "The port of Vanino was planned in the 1930s as the end of a railway\n\
            from Komsomolsk. The first pier was built by prisoners in 1945.1 The\n\
            railway itself came later, when the planners in Khabarovsk drew a\n\
            line from the port to Kom-\n\
            \n\
            1 Ivanov, P.: Rails to the Sea, Moscow 1999, p. 14.\n\
            \x0c14 JOURNAL OF EURASIAN BORDERLAND STUDIES\n\
            \n\
            somolsk across the hills, and the first trains ran in the spring of\n\
            1947.\n\
            \n\
            In 2014 the port handled more cargo than ever before, and Article 15\n\
            of the new law made it a free port.2 The railway was rebuilt in the\n\
            \n\
            2 Chen, L.: Ports of the Far East, 2004.\n\
            \x0cJOURNAL OF EURASIAN BORDERLAND STUDIES 15\n\
            \n\
            same years.\n";
        let doc = clean(text);
        assert_eq!(
            kinds(&doc),
            vec![
                ("paragraph", "The port of Vanino was planned in the 1930s as the end of a railway from Komsomolsk. The first pier was built by prisoners in 1945. The railway itself came later, when the planners in Khabarovsk drew a line from the port to Komsomolsk across the hills, and the first trains ran in the spring of 1947."),
                ("paragraph", "In 2014 the port handled more cargo than ever before, and Article 15 of the new law made it a free port. The railway was rebuilt in the same years."),
            ]
        );
        let notes: Vec<(u32, &str)> = doc.notes.iter().map(|n| (n.n, n.text.as_str())).collect();
        assert_eq!(
            notes,
            vec![
                (1, "Ivanov, P.: Rails to the Sea, Moscow 1999, p. 14."),
                (2, "Chen, L.: Ports of the Far East, 2004.")
            ]
        );
        assert_eq!(doc.blocks[0].notes, vec![1]);
        assert_eq!(doc.blocks[1].notes, vec![2]);
    }

    #[test]
    fn a_marker_without_note_text_becomes_a_missing_note() {
        // 003_…: markers run to ~139, the note texts stop at 80.
        let doc = clean("Asia and its security organizations like APEC (Asia Pacific Economic Cooperation).3 Toward this end it offers its oil.\n");
        assert_eq!(doc.blocks[0].notes, vec![3]);
        assert!(doc.blocks[0].text.contains("Cooperation). Toward"));
        assert!(doc.notes[0].missing);
    }
}
