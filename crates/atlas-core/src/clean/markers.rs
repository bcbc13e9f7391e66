//! Plain-number note markers in PDF text.
//!
//! `003_…` prints markers as bare numbers glued to the word or stop they
//! follow (`(APEC).3`, `potential.4`, `Sakhalin-3.77`, `Blank2`), sometimes
//! after a space (`Russia.” 8`, `issues. 88`) or alone on a line (`42`).
//! Its note texts stop at 80 while the markers run to about 139, so a
//! marker must be recognised without its note. The evidence is the
//! sequence: markers rise one by one through the text, so a number is a
//! marker only when it is just above the previous marker; years, prices and
//! section numbers (`2009`, `$11.5`, `1. Introduction`) never fit.
//!
//! Table rows (`| 2010 | 5.1 |` from a saved web page) are never searched:
//! a cell is a value, so the `.1` of `5.1` or a cell holding only `3` read
//! as the next marker would cut a figure or drop a row.

use super::{Audit, CleanBlock};
use crate::model::{AuditAction, Span, SpanKind};

const RULE: &str = "markers";

/// How far a marker may jump ahead of the previous one (lost markers).
const WINDOW: u32 = 5;

/// Finds plain-number markers in `blocks`, removes them from the text and
/// records them as [`SpanKind::NoteRef`] spans. `table_rows[i]` says block
/// `i` is a table row, which is left as it is; it stays in step with
/// `blocks` (a number alone on a line leaves both).
pub(crate) fn find_plain_markers(
    blocks: &mut Vec<CleanBlock>,
    table_rows: &mut Vec<bool>,
    audit: &mut Audit,
) {
    let mut last = 0u32;
    let mut out: Vec<CleanBlock> = Vec::with_capacity(blocks.len());
    let mut out_rows: Vec<bool> = Vec::with_capacity(blocks.len());
    for (i, mut b) in blocks.drain(..).enumerate() {
        if table_rows.get(i).copied().unwrap_or(false) {
            out.push(b);
            out_rows.push(true);
            continue;
        }
        let lone = b.text.len() <= 3 && b.text.chars().all(|c| c.is_ascii_digit());
        if lone {
            let n: u32 = b.text.parse().unwrap_or(0);
            if let Some(prev) = out.last_mut().filter(|_| fits(n, last)) {
                let at = prev.text.len() as u32;
                prev.spans.push(Span {
                    start: at,
                    end: at,
                    kind: SpanKind::NoteRef { n },
                });
                last = n;
                audit.push(
                    RULE,
                    AuditAction::Marker,
                    (b.line, b.line_end),
                    format!("number {n} alone on a line: the marker of the paragraph above"),
                    &b.text,
                );
            } else {
                audit.push(
                    "page_furniture",
                    AuditAction::Drop,
                    (b.line, b.line_end),
                    "a number alone on a line that is no note marker: a page number",
                    &b.text,
                );
            }
            continue;
        }
        let found = scan(&b.text, &mut last);
        if !found.is_empty() {
            let numbers: Vec<String> = found.iter().map(|m| m.n.to_string()).collect();
            audit.push(
                RULE,
                AuditAction::Marker,
                (b.line, b.line_end),
                format!("note markers {} taken out of the text", numbers.join(", ")),
                &b.text,
            );
            apply(&mut b, &found);
        }
        out.push(b);
        out_rows.push(false);
    }
    *blocks = out;
    *table_rows = out_rows;
}

fn fits(n: u32, last: u32) -> bool {
    n > last && n <= last + WINDOW
}

/// A marker found in a text: the byte range to remove and its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Found {
    remove_from: usize,
    digits_from: usize,
    end: usize,
    n: u32,
}

fn scan(text: &str, last: &mut u32) -> Vec<Found> {
    let mut found = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].1.is_ascii_digit() {
            i += 1;
        }
        let from = chars[start].0;
        let to = chars.get(i).map_or(text.len(), |c| c.0);
        let followed_ok = chars.get(i).is_none_or(|c| c.1.is_whitespace());
        let Ok(n) = text[from..to].parse::<u32>() else {
            continue;
        };
        if i - start > 3 || !followed_ok || !fits(n, *last) || start == 0 {
            continue;
        }
        let before = chars[start - 1].1;
        // After `3.` a number is a decimal unless it is exactly the next marker
        // and a sentence starts after it (`Sakhalin-3.77  Clearly` after
        // marker 76, `in 2022.11 Recall`; `$11.5 Billion` never, nor
        // `240.11 billion USD` when 11 is the next marker).
        let sentence_follows = chars[i..]
            .iter()
            .find(|c| !c.1.is_whitespace())
            .is_none_or(|c| c.1.is_uppercase() || matches!(c.1, '“' | '"' | '‘' | '(' | '['));
        let after_decimal_point = before == '.'
            && start >= 2
            && chars[start - 2].1.is_ascii_digit()
            && (n != *last + 1 || !sentence_follows);
        let glued =
            matches!(before, '.' | ',' | ';' | ':' | ')' | '”' | '’' | '"') && !after_decimal_point;
        let glued_to_name = before.is_lowercase()
            && n == *last + 1
            && chars[..start]
                .iter()
                .rev()
                .take_while(|c| c.1.is_alphabetic())
                .count()
                >= 3;
        let spaced = before == ' '
            && start >= 2
            && (matches!(chars[start - 2].1, '.' | '”' | '’' | '"')
                || (chars[start - 2].1.is_alphabetic() && n == *last + 1 && i == chars.len()));
        if glued || glued_to_name {
            found.push(Found {
                remove_from: from,
                digits_from: from,
                end: to,
                n,
            });
            *last = n;
        } else if spaced {
            found.push(Found {
                remove_from: chars[start - 1].0,
                digits_from: from,
                end: to,
                n,
            });
            *last = n;
        }
    }
    found
}

/// Removes the markers from the block's text and adds their spans.
fn apply(b: &mut CleanBlock, found: &[Found]) {
    let map = |pos: usize| -> usize {
        let mut removed = 0;
        for f in found {
            if pos >= f.end {
                removed += f.end - f.remove_from;
            } else if pos > f.remove_from {
                return f.remove_from - removed;
            }
        }
        pos - removed
    };
    let mut text = String::with_capacity(b.text.len());
    let mut at = 0;
    for f in found {
        text.push_str(&b.text[at..f.remove_from]);
        at = f.end;
    }
    text.push_str(&b.text[at..]);
    for s in &mut b.spans {
        s.start = map(s.start as usize) as u32;
        s.end = map(s.end as usize) as u32;
    }
    for f in found {
        let pos = map(f.digits_from) as u32;
        b.spans.push(Span {
            start: pos,
            end: pos,
            kind: SpanKind::NoteRef { n: f.n },
        });
    }
    b.spans.sort_by_key(|s| (s.start, s.end));
    b.text = text;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BlockKind;

    fn block(text: &str) -> CleanBlock {
        CleanBlock {
            kind: BlockKind::Paragraph,
            text: text.into(),
            spans: Vec::new(),
            notes: Vec::new(),
            line: 1,
            line_end: 1,
        }
    }

    fn run(texts: &[&str]) -> Vec<(String, Vec<u32>)> {
        let mut blocks: Vec<CleanBlock> = texts.iter().map(|t| block(t)).collect();
        find_plain_markers(&mut blocks, &mut Vec::new(), &mut Audit::default());
        blocks
            .into_iter()
            .map(|b| {
                let ns = crate::model::note_numbers(&b.spans);
                (b.text, ns)
            })
            .collect()
    }

    #[test]
    fn marker_cases() {
        // (seed, text, plain text, markers); each case starts a fresh sequence.
        let cases: Vec<(&str, &str, &str, Vec<u32>)> = vec![
            (
                "003 title",
                "RUSSIA’S FAILURE IN ASIA 1",
                "RUSSIA’S FAILURE IN ASIA",
                vec![1],
            ),
            (
                "003 glued",
                "Cooperation).1 Toward this end it offers potential.2 Indeed",
                "Cooperation). Toward this end it offers potential. Indeed",
                vec![1, 2],
            ),
            (
                "003 spaced",
                "the region perceives Russia.” 1 But",
                "the region perceives Russia.” But",
                vec![1],
            ),
            ("003 name", "Stephen Blank1", "Stephen Blank", vec![1]),
            (
                "003 decimal stays",
                "was then $11.5 Billion",
                "was then $11.5 Billion",
                vec![],
            ),
            (
                "a decimal that is the next marker's number stays",
                "a record 240.1 billion, up from 2022.1 Recall",
                "a record 240.1 billion, up from 2022. Recall",
                vec![1],
            ),
            (
                "003 year stays",
                "in 2008. 2009 was a difficult year",
                "in 2008. 2009 was a difficult year",
                vec![],
            ),
            (
                "003 section number stays",
                "1. Introduction",
                "1. Introduction",
                vec![],
            ),
            (
                "003 sums stay",
                "the ASEAN + 3 process and 1, 2 or 3 partners",
                "the ASEAN + 3 process and 1, 2 or 3 partners",
                vec![],
            ),
        ];
        for (seed, text, plain, markers) in cases {
            let got = run(&[text]);
            assert_eq!(got[0], (plain.to_string(), markers), "{seed}");
        }
    }

    #[test]
    fn table_rows_keep_their_numbers() {
        let mut blocks: Vec<CleanBlock> =
            ["Trade grew.", "2010 | 5.1 | 4.0", "3", "Exports rose.1"]
                .iter()
                .map(|t| block(t))
                .collect();
        let mut rows = vec![false, true, true, false];
        find_plain_markers(&mut blocks, &mut rows, &mut Audit::default());
        assert_eq!(rows.len(), blocks.len());
        let got: Vec<(&str, Vec<u32>)> = blocks
            .iter()
            .map(|b| (b.text.as_str(), crate::model::note_numbers(&b.spans)))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Trade grew.", vec![]),
                ("2010 | 5.1 | 4.0", vec![]),
                ("3", vec![]),
                ("Exports rose.", vec![1]),
            ]
        );
    }

    #[test]
    fn a_number_alone_marks_the_paragraph_above() {
        // 003_…: "orders of $25 Billion." then "42" on its own line.
        let got = run(&["potential.1", "orders of $25 Billion.", "2"]);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1], ("orders of $25 Billion.".to_string(), vec![2]));
    }

    #[test]
    fn spans_shift_when_markers_go() {
        let mut b = block("Cooperation).1 See www.x.org");
        b.spans.push(Span {
            start: 19,
            end: 28,
            kind: SpanKind::Link {
                url: "www.x.org".into(),
            },
        });
        let mut blocks = vec![b];
        find_plain_markers(&mut blocks, &mut Vec::new(), &mut Audit::default());
        let b = &blocks[0];
        let link = b
            .spans
            .iter()
            .find(|s| matches!(s.kind, SpanKind::Link { .. }));
        let link = link.map(|s| &b.text[s.start as usize..s.end as usize]);
        assert_eq!(link, Some("www.x.org"));
    }
}
