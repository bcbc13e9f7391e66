//! Footnotes: moved out of the body, wherever the extraction left them.
//!
//! Two shapes occur. `003_…` (PDF text) prints notes at the page foot after a
//! separator line of spaces, each starting with its number (`3 Medvedev,
//! Dmitry: …`), continuation lines following; the body resumes on a line
//! that starts with a space (` when in fact it is…`), after the running head,
//! or after a bare number whose text is on the next line (`41` / ` Ibid.`).
//! `001_…` and `004_…` (Markdown) put each note in its own paragraph
//! (`<sup>25</sup> Kulagin V. …`), sometimes between the two halves of a body
//! paragraph, and a note cut by a page break continues later in a paragraph
//! of its own (`obshchnost-….html (accessed: 12.01.2024).`).
//!
//! Note numbers decide: a zone note must follow the previous note's number
//! closely, so a legitimate line that starts with a number (`2030.
//! Supposedly…`, `2009), FBIS SOV`) is never taken for a note.

use super::hyphens::{Decision, Words};
use super::page_furniture::line_no;
use super::reflow::{join_lines, with_decisions};
use super::{Audit, Mark, Para, RawNote};
use crate::model::AuditAction;

const RULE: &str = "footnotes";

/// Lifts page-foot note zones out of the body lines; their lines are
/// marked [`Mark::Note`].
pub(crate) fn lift_note_zones(
    lines: &[&str],
    marks: &mut [Mark],
    page_start: &[bool],
    words: &Words,
    audit: &mut Audit,
) -> Vec<RawNote> {
    let mut notes: Vec<RawNote> = Vec::new();
    let mut last = 0u32;
    let mut body_from = 0;
    let mut i = 0;
    while i < lines.len() {
        let Some(j) = zone_start(lines, marks, i, last + 1..=last + 100, body_from) else {
            i += 1;
            continue;
        };
        let zone = read_zone(lines, marks, page_start, j, last, words);
        if !zone.at_page_end && marks[i] != Mark::Break {
            // A blank line and a numbered paragraph that the page goes on
            // after: a list or a year, not a page foot.
            i += 1;
            continue;
        }
        for &k in &zone.lines {
            marks[k] = Mark::Note;
        }
        for (note, decisions) in zone.notes.iter().zip(&zone.hyphens) {
            audit.push(
                RULE,
                AuditAction::MoveNote,
                (note.line, note.line_end),
                with_decisions(
                    format!(
                        "note {} printed at the page foot, moved out of the body",
                        note.n
                    ),
                    decisions,
                ),
                &note.text,
            );
        }
        last = zone.notes.last().map_or(last, |n| n.n);
        notes.extend(zone.notes);
        i = zone.end;
        body_from = i;
    }
    notes
}

/// A page foot of notes opening after line `i`: the index of its first
/// note line. The separator is a line of spaces or a rule (`003_…`: ~60
/// spaces; a short rule of underscores), or a blank line; the first note's
/// number follows the last note's, and a marker for it stands in the body
/// above (since `body_from`).
fn zone_start(
    lines: &[&str],
    marks: &[Mark],
    i: usize,
    numbers: std::ops::RangeInclusive<u32>,
    body_from: usize,
) -> Option<usize> {
    let separator = match marks[i] {
        Mark::Break => true,
        // A blank line opens a foot only when text stands above it.
        Mark::Blank | Mark::Space => i > 0 && marks[i - 1] == Mark::Text,
        _ => false,
    };
    if !separator {
        return None;
    }
    let j = (i + 1..lines.len()).find(|&j| !matches!(marks[j], Mark::Blank | Mark::Space))?;
    let (n, _) = leading_number(lines[j])?;
    let fits = marks[j] == Mark::Text && numbers.contains(&n);
    (fits
        && marker_above(
            lines,
            marks,
            body_from.max(i.saturating_sub(MARKER_LOOKBACK)),
            i,
            n,
        ))
    .then_some(j)
}

/// Lines above a page foot searched for the marker of its first note.
const MARKER_LOOKBACK: usize = 150;

/// The note number of a page foot that opens after line `i`, if one does
/// (for page furniture: the rule above a page's notes is no page break).
pub(crate) fn opens_note_zone(lines: &[&str], marks: &[Mark], i: usize) -> Option<u32> {
    let j = zone_start(lines, marks, i, 1..=u32::MAX, 0)?;
    leading_number(lines[j]).map(|(n, _)| n)
}

/// Is line `j` the first note of a page foot (after a rule, a line of
/// spaces or a blank line, with its marker above)?
pub(crate) fn starts_note_zone(lines: &[&str], marks: &[Mark], j: usize) -> bool {
    let separator = (0..j)
        .rev()
        .find(|&s| !matches!(marks[s], Mark::Blank | Mark::Space));
    let candidates = [
        separator.filter(|&s| marks[s] == Mark::Break),
        j.checked_sub(1),
    ];
    candidates
        .into_iter()
        .flatten()
        .any(|s| zone_start(lines, marks, s, 1..=u32::MAX, 0) == Some(j))
}

/// Does a text line in `from..to` hold `n` as a note marker: glued to the
/// word or stop it follows (`(APEC).3`, `Blank2`, `2019.12`), or after a
/// space that follows a closing stop or quote (`Russia.” 8`)?
fn marker_above(lines: &[&str], marks: &[Mark], from: usize, to: usize, n: u32) -> bool {
    let digits = n.to_string();
    (from..to).filter(|&k| marks[k] == Mark::Text).any(|k| {
        let line = lines[k];
        line.match_indices(digits.as_str()).any(|(at, _)| {
            let before: Vec<char> = line[..at].chars().rev().take(2).collect();
            let after = line[at + digits.len()..].chars().next();
            let ends_number = after.is_none_or(|c| !c.is_ascii_digit());
            let glued = before.first().is_some_and(|&c| {
                c.is_alphabetic() || matches!(c, '.' | ',' | ';' | ':' | ')' | '”' | '’' | '"')
            });
            let spaced = before.first() == Some(&' ')
                && before
                    .get(1)
                    .is_some_and(|&c| matches!(c, '.' | '”' | '’' | '"'));
            ends_number && (glued || spaced)
        })
    })
}

/// The notes of one page foot.
struct Zone {
    notes: Vec<RawNote>,
    /// For each note, the decisions taken at its line-end hyphens.
    hyphens: Vec<Vec<Decision>>,
    /// Every line of the zone (note text and the blank lines among it).
    lines: Vec<usize>,
    /// The line after the zone.
    end: usize,
    /// The zone ends where the page does: at furniture, a break, a form
    /// feed, blank lines or the end of the text (not where body text resumes).
    at_page_end: bool,
}

/// Reads the notes of a page foot from line `j`. A note runs on until the
/// next number (just above the last), so a line of a note that starts with
/// a year (`2009), FBIS SOV`) stays in its note. The body resumes on a line
/// that starts with a space (`003_…`: ` when in fact it is…`), or after a
/// bare number whose text is on the next line (`41` / ` Ibid.`).
fn read_zone(
    lines: &[&str],
    marks: &[Mark],
    page_start: &[bool],
    j: usize,
    last: u32,
    words: &Words,
) -> Zone {
    let mut notes: Vec<RawNote> = Vec::new();
    let mut hyphens: Vec<Vec<Decision>> = Vec::new();
    let mut zone_lines = Vec::new();
    let mut current: Option<RawNote> = None;
    let mut blanks = 0;
    let mut k = j;
    let at_page_end = loop {
        if k >= lines.len() {
            break true;
        }
        if k > j && page_start[k] {
            break true;
        }
        match marks[k] {
            Mark::Blank | Mark::Space => {
                blanks += 1;
                if blanks >= 3 {
                    break true;
                }
                k += 1;
                continue;
            }
            Mark::Text => {}
            _ => break true,
        }
        let raw = lines[k];
        let awaiting_text = current.as_ref().is_some_and(|c| c.text.is_empty());
        if raw.starts_with(char::is_whitespace) && !awaiting_text {
            break false;
        }
        let floor = current.as_ref().map_or(last, |c| c.n);
        let ceiling = if current.is_some() {
            floor + 3
        } else {
            floor + 100
        };
        match leading_number(raw).filter(|&(n, _)| n > floor && n <= ceiling) {
            Some((n, rest)) => {
                if let Some(done) = current.take() {
                    notes.push(done);
                }
                hyphens.push(Vec::new());
                current = Some(RawNote {
                    n,
                    text: rest.trim().to_string(),
                    line: line_no(k),
                    line_end: line_no(k),
                });
            }
            None if blanks > 0 && !awaiting_text => {
                // A blank line, then text that is no note: the page's body
                // goes on here.
                break false;
            }
            None => {
                if let Some(c) = current.as_mut() {
                    let (text, decisions) = join_lines(&[c.text.as_str(), raw.trim()], words);
                    c.text = text;
                    c.line_end = line_no(k);
                    if let Some(h) = hyphens.last_mut() {
                        h.extend(decisions);
                    }
                }
            }
        }
        blanks = 0;
        // The blank lines inside the zone belong to it.
        zone_lines.extend(zone_lines.last().map_or(j, |&l: &usize| l + 1)..=k);
        k += 1;
    };
    if let Some(done) = current.take() {
        notes.push(done);
    }
    Zone {
        notes,
        hyphens,
        lines: zone_lines,
        end: k,
        at_page_end,
    }
}

/// `12 Lavrov: …` → (12, "Lavrov: …"); a bare `41` → (41, "").
pub(crate) fn leading_number(raw: &str) -> Option<(u32, &str)> {
    let digits = raw.chars().take_while(char::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let rest = &raw[digits..];
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    Some((raw[..digits].parse().ok()?, rest))
}

/// Moves `<sup>n</sup> text` paragraphs to the notes, and joins note
/// continuations (cut by a page break) to the note they continue.
pub(crate) fn lift_sup_notes(
    paras: Vec<Para>,
    notes: &mut Vec<RawNote>,
    audit: &mut Audit,
) -> Vec<Para> {
    let mut kept: Vec<Para> = Vec::with_capacity(paras.len());
    let mut last_sup: Option<usize> = None;
    let mut removed_before = false;
    for mut p in paras {
        if let Some((n, text)) = sup_note(&p.text) {
            audit.push(
                RULE,
                AuditAction::MoveNote,
                p.lines(),
                format!("note {n} (a <sup>{n}</sup> paragraph) moved out of the body"),
                text,
            );
            notes.push(RawNote {
                n,
                text: text.to_string(),
                line: p.line,
                line_end: p.line_end,
            });
            last_sup = Some(notes.len() - 1);
            removed_before = true;
            continue;
        }
        let open_note = last_sup
            .and_then(|i| notes.get_mut(i))
            .filter(|note| note_is_open(&note.text));
        if let Some(note) = open_note.filter(|_| is_note_continuation(&p.text)) {
            audit.push(
                RULE,
                AuditAction::ContinueNote,
                p.lines(),
                format!("note {} continues after a page break", note.n),
                &p.text,
            );
            // A URL cut at the page foot (`…/sovместnye-pro` + `obshchnost-…`) has no space.
            let sep = if note.text.ends_with(['/', '-']) || unclosed_autolink(&note.text) {
                ""
            } else {
                " "
            };
            note.text = match closed_cut_autolink(&note.text, &p.text) {
                Some(joined) => joined,
                None => format!("{}{sep}{}", note.text, p.text),
            };
            note.line_end = p.line_end;
            removed_before = true;
            continue;
        }
        if removed_before {
            p.after_break = true;
            removed_before = false;
        }
        kept.push(p);
    }
    kept
}

/// `<sup>12</sup> Note text` (a space or text right after the marker).
fn sup_note(text: &str) -> Option<(u32, &str)> {
    let rest = text.strip_prefix("<sup>")?;
    let end = rest.find("</sup>")?;
    let n = rest[..end].trim().parse().ok()?;
    let body = rest[end + "</sup>".len()..].trim();
    (!body.is_empty()).then_some((n, body))
}

/// A note that does not end with a full stop (or ends on `URL:`) is
/// waiting for its continuation.
fn note_is_open(text: &str) -> bool {
    let t = text.trim_end();
    !t.ends_with('.') || t.ends_with("URL:")
}

/// `…<https://rg.ru/…-proekty-i->` + `obshchnost-….html (accessed…)`: the
/// converter closed an address the page foot cut after a hyphen or slash;
/// its rest is the continuation's first word, so the address is closed
/// after that instead.
fn closed_cut_autolink(note: &str, rest: &str) -> Option<String> {
    let open = note.trim_end().strip_suffix('>')?;
    let url_start = open.rfind('<')?;
    let cut = open.ends_with(['-', '/']) && open[url_start..].starts_with("<http");
    let (first, after) = rest
        .trim_start()
        .split_once(char::is_whitespace)
        .unwrap_or((rest.trim(), ""));
    let address_like = !first.is_empty() && !first.starts_with(['(', '<']);
    (cut && address_like).then(|| format!("{open}{first}> {after}").trim_end().to_string())
}

fn unclosed_autolink(text: &str) -> bool {
    text.rfind('<')
        .is_some_and(|open| !text[open..].contains('>'))
}

/// The rest of a bibliographic note: an address or an access date, or a
/// `Title // Journal` reference with a URL.
fn is_note_continuation(text: &str) -> bool {
    let t = text.trim();
    let bibliographic = t.contains("(accessed") || t.contains("URL:");
    let starts_like_rest = t.starts_with('<')
        || t.starts_with("http")
        || t.chars().next().is_some_and(char::is_lowercase);
    bibliographic && (starts_like_rest || t.contains(" // "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::page_furniture::mark_pages;

    fn zones(text: &str) -> (Vec<RawNote>, Vec<Mark>) {
        let raw: Vec<&str> = text.lines().collect();
        let mut audit = Audit::default();
        let pages = mark_pages(&raw, &mut audit);
        let mut marks = pages.marks.clone();
        let lines = pages.strs();
        let words = Words::of(&lines);
        let notes = lift_note_zones(&lines, &mut marks, &pages.page_start, &words, &mut audit);
        (notes, marks)
    }

    #[test]
    fn a_page_foot_zone_becomes_notes_and_the_body_resumes() {
        // 003_…, first page foot; its notes' markers stand in the body above.
        let sep = " ".repeat(59);
        let text = format!(
            "Economic Cooperation).3 Toward this end it offers potential.4 \nthe issue of the Kurile Islands \n\n{sep}\n3 Medvedev, Dmitry: “APEC”, Presidential Speech 13th \nNovember, 2009).  \n4 Ibid. \n when in fact it is probably equally due \n"
        );
        let (notes, marks) = zones(&text);
        let got: Vec<(u32, &str)> = notes.iter().map(|n| (n.n, n.text.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (
                    3,
                    "Medvedev, Dmitry: “APEC”, Presidential Speech 13th November, 2009)."
                ),
                (4, "Ibid.")
            ]
        );
        assert_eq!(marks[7], Mark::Text, "the body resumes after the zone");
    }

    #[test]
    fn a_bare_number_takes_the_next_line_as_its_text() {
        // 003_…: `41` then ` Ibid.` then the body.
        let sep = " ".repeat(59);
        let text = format!("for its oil.40 Ibid.41 \n{sep}\n40 RIA Novosti, 2006. \n41\n\n Ibid. \n vigorously pushing \n");
        let (notes, marks) = zones(&text);
        assert_eq!(notes[1].n, 41);
        assert_eq!(notes[1].text, "Ibid.");
        assert_eq!(marks[6], Mark::Text);
    }

    #[test]
    fn page_feet_after_a_short_rule_or_a_blank_line() {
        // Invented pages: the notes of each page at its foot, then the
        // running head of the next page (a form feed before it).
        for separator in ["\n_____________\n", "\n"] {
            let text = format!(
                "The railway reached the port of Vanino in 1945.1 It was built\nby prisoners.2\n{separator}1 Ivanov, P.: Rails to the Sea, Moscow 1999.\n2 Ibid., p. 14.\n\n\x0cPACIFIC RIM POLICY REVIEW\n\nThe second page goes on.3\n{separator}3 Chen, L.: Ports, 2004.\n\n\x0cPACIFIC RIM POLICY REVIEW\n\nThe third page.\n"
            );
            let (notes, _) = zones(&text);
            let got: Vec<(u32, &str)> = notes.iter().map(|n| (n.n, n.text.as_str())).collect();
            assert_eq!(
                got,
                vec![
                    (1, "Ivanov, P.: Rails to the Sea, Moscow 1999."),
                    (2, "Ibid., p. 14."),
                    (3, "Chen, L.: Ports, 2004.")
                ],
                "{separator:?}"
            );
        }
    }

    #[test]
    fn a_numbered_paragraph_the_page_goes_on_after_is_no_foot() {
        // Invented: a blank line, `2 ships…` with a marker 2 above, and
        // the body goes on after it on the same page.
        let text = "The port had a pier.1 Then came 2 more.2\n\n2 ships were built there in 1950\nand two more in 1951.\n\nThe yard closed in 1960.\n";
        let (notes, _) = zones(text);
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn lines_starting_with_numbers_are_not_notes() {
        // (seed, text after a separator): no zone opens, or the number is out of sequence.
        let sep = " ".repeat(57);
        let cases = [
            (
                "000",
                format!("{sep}\narrangements in the top leadership\n"),
            ),
            ("003 year", format!("{sep}\n2030.  Supposedly this deal\n")),
            (
                "003 year in a list",
                format!("{sep}\n2009 was a difficult year\n"),
            ),
        ];
        for (seed, text) in cases {
            let (notes, _) = zones(&text);
            assert!(notes.is_empty(), "{seed}");
        }
        // Inside a zone, a continuation line that starts with a year stays in its note.
        let text = format!("the Security Council.17 \n{sep}\n17 Strategiia, Security Council (12 May, \n2009), FBIS SOV. \n");
        let (notes, _) = zones(&text);
        assert_eq!(notes.len(), 1);
        assert!(notes[0].text.ends_with("2009), FBIS SOV."));
    }

    #[test]
    fn an_address_cut_at_the_page_foot_is_whole_again() {
        // Invented, as `004_…` shows it: the converter closed the address
        // right where the page foot cut it, after a hyphen.
        let para = |t: &str| Para {
            text: t.into(),
            ..Para::default()
        };
        let paras = vec![
            para("<sup>4</sup> Ivanova L. Ports of the North // Morskoy Vestnik. URL: <https://example.org/2021/05/porty-severa-i->"),
            para("razvitie-poberezhya.html (accessed: 03.02.2022)."),
        ];
        let mut notes = Vec::new();
        lift_sup_notes(paras, &mut notes, &mut Audit::default());
        assert_eq!(
            notes[0].text,
            "Ivanova L. Ports of the North // Morskoy Vestnik. URL: <https://example.org/2021/05/porty-severa-i-razvitie-poberezhya.html> (accessed: 03.02.2022)."
        );
    }

    #[test]
    fn sup_notes_move_and_their_continuations_follow() {
        // 004_…: note 22 ends on "URL:", its address comes after a page break.
        let para = |t: &str| Para {
            text: t.into(),
            ..Para::default()
        };
        let paras = vec![
            para("Recently, other regions have noticeably intensified their"),
            para("<sup>22</sup> Kulagin V. How the Regions Unfold // Vedomosti. URL:"),
            para("<https://www.vedomosti.ru/x> (accessed: 15.01.2024)."),
            para("contacts with China."),
        ];
        let mut notes = Vec::new();
        let kept = lift_sup_notes(paras, &mut notes, &mut Audit::default());
        assert_eq!(kept.len(), 2);
        assert!(kept[1].after_break);
        assert_eq!(
            notes[0].text,
            "Kulagin V. How the Regions Unfold // Vedomosti. URL: <https://www.vedomosti.ru/x> (accessed: 15.01.2024)."
        );
    }
}
