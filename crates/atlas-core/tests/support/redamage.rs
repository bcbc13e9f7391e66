//! Re-damage: a clean document laid out again the way PDF extraction
//! damages text, so the cleaner is measured on the *class* of damage
//! (issue 16) and not on the five files it was first fitted to.
//!
//! The body is set in pages of 40–50 hard-wrapped lines of about 80
//! columns; some words are hyphenated at line ends; paragraphs run on
//! across page breaks; every page gets a running head and/or foot (a
//! journal name, a short title in capitals, the authors' names, odd and
//! even heads that alternate) and a page number — alone on a line, glued
//! to the last word of the page or to the first word of the next, or set
//! on the head line itself. Each note is printed at the foot of the page
//! where its marker falls (`12 Note text…` after a short rule or a blank
//! line) and the marker becomes a bare number after its word (`…in
//! 2019.12`). Pages are separated by a form feed, a `---` rule, a line of
//! spaces, a cluster of blank lines, or nothing at all.
//!
//! Everything is decided by a seed number ([`Damage::variant`]), so a
//! failing case can be printed and replayed. [`compare`] says what came
//! back: paragraphs whole, notes with the same number and text, and any
//! block that is furniture (a head, a foot or a page number).

use atlas_core::model::{Block, BlockKind, Document, Note, SpanKind};

/// SplitMix64: small, deterministic, good enough to vary a layout.
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x9E37_79B9_7F4A_7C15)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// `true` with probability `per_mille / 1000`.
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// What the running head says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Header {
    /// No running head.
    None,
    /// An (invented) journal name, on every page.
    Journal,
    /// The first words of the title, in capitals.
    ShortTitle,
    /// The authors' names.
    Authors,
    /// Authors on even pages, the short title on odd ones.
    Alternating,
}

/// What the running foot says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Footer {
    /// No running foot.
    None,
    /// A copyright line.
    Copyright,
    /// An archive's download stamp (a sentence, with digits in it).
    Downloaded,
}

/// Where the page number is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageNumber {
    /// Alone on the last line of the page.
    AloneBottom,
    /// Alone on the first line of the page.
    AloneTop,
    /// Glued to the last word of the page (`…of Vanino 14`).
    GluedLast,
    /// Glued to the first word of the page (`15 and the railway…`).
    GluedFirst,
    /// On the head line, on the outer side (`14 Journal…`, `Journal… 15`).
    WithHeader,
    /// A foot line `Page 3 of 12`.
    PageOfPages,
}

/// What stands between two pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Boundary {
    /// A form feed before the first line of the page.
    FormFeed,
    /// A `---` rule line.
    Rule,
    /// A long line of spaces.
    Spaces,
    /// Three blank lines.
    Blanks,
    /// Nothing: only the furniture shows the break.
    Nothing,
}

/// What separates the notes from the body at a page foot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteRule {
    /// A short rule of underscores after a blank line.
    Short,
    /// A blank line only.
    Blank,
}

/// One way of damaging a document.
#[derive(Debug, Clone)]
pub struct Damage {
    /// The seed number everything below came from.
    pub seed: u64,
    /// Lines on a page (body, notes and furniture).
    pub lines_per_page: usize,
    /// Columns of a line.
    pub width: usize,
    /// Running head.
    pub header: Header,
    /// Running foot.
    pub footer: Footer,
    /// Page-number placement.
    pub number: PageNumber,
    /// Page separator.
    pub boundary: Boundary,
    /// Note-zone separator.
    pub note_rule: NoteRule,
    /// Chance (in ‰) that a word which does not fit is hyphenated.
    pub hyphen_per_mille: u64,
    /// The number printed on the first page.
    pub first_page: u32,
    /// The first page carries no running head (a title page).
    pub bare_first_page: bool,
}

const HEADERS: &[Header] = &[
    Header::Journal,
    Header::ShortTitle,
    Header::Authors,
    Header::Alternating,
    Header::None,
];
const FOOTERS: &[Footer] = &[Footer::None, Footer::Copyright, Footer::Downloaded];
const NUMBERS: &[PageNumber] = &[
    PageNumber::GluedLast,
    PageNumber::WithHeader,
    PageNumber::GluedFirst,
    PageNumber::AloneBottom,
    PageNumber::PageOfPages,
    PageNumber::AloneTop,
];
const BOUNDARIES: &[Boundary] = &[
    Boundary::FormFeed,
    Boundary::Nothing,
    Boundary::Spaces,
    Boundary::Blanks,
    Boundary::Rule,
];

/// Invented journal names: page furniture no seed prints.
const JOURNALS: &[&str] = &[
    "Journal of Eurasian Borderland Studies",
    "Pacific Rim Policy Review, Vol. 12, No. 3 (2021)",
    "NORTH ASIAN AFFAIRS QUARTERLY",
];

impl Damage {
    /// The damage of seed number `seed`. Head, page number and page
    /// separator cycle with different periods, so consecutive seeds try
    /// different combinations; the rest is drawn at random.
    pub fn variant(seed: u64) -> Damage {
        let mut rng = Rng::new(seed);
        let mut header = HEADERS[(seed % HEADERS.len() as u64) as usize];
        let footer = *rng.pick(FOOTERS);
        let number = NUMBERS[(seed % NUMBERS.len() as u64) as usize];
        // Not `seed % 5` again: heads and separators would always pair alike.
        let boundary = BOUNDARIES[((seed + seed / 5) % BOUNDARIES.len() as u64) as usize];
        // A number on the head line needs a head; a page with nothing at
        // its break but a glued number shows no break at all.
        if header == Header::None
            && (number == PageNumber::WithHeader
                || (boundary == Boundary::Nothing && footer == Footer::None))
        {
            header = Header::Journal;
        }
        Damage {
            seed,
            lines_per_page: 40 + rng.below(11) as usize,
            width: 72 + rng.below(9) as usize,
            header,
            footer,
            number,
            boundary,
            note_rule: if rng.chance(500) {
                NoteRule::Short
            } else {
                NoteRule::Blank
            },
            hyphen_per_mille: 150 + rng.below(250),
            first_page: *rng.pick(&[1, 1, 3, 181, 57]),
            bare_first_page: rng.chance(400),
        }
    }
}

/// A damaged document.
#[derive(Debug, Clone)]
pub struct Damaged {
    /// The text as an extraction would give it.
    pub text: String,
    /// The running heads and feet printed, without their page numbers.
    pub furniture: Vec<String>,
    /// Pages laid out.
    pub pages: usize,
}

/// A line of the layout and the notes whose markers it holds.
#[derive(Debug, Clone, Default)]
struct Line {
    text: String,
    notes: Vec<u32>,
    /// A heading line: never the last line of a page.
    keep_with_next: bool,
}

/// Lays `doc` out as damaged PDF text.
pub fn redamage(doc: &Document, damage: &Damage) -> Damaged {
    let mut rng = Rng::new(damage.seed ^ 0x5EED);
    let with_text: Vec<&Note> = doc
        .notes
        .iter()
        .filter(|n| !n.missing && !n.text.is_empty())
        .collect();
    let body = body_lines(&doc.blocks, damage, &mut rng);
    let pages = paginate(body, &with_text, damage);
    let (heads, furniture) = furniture(doc, damage, &mut rng);
    let total = pages.len();
    let mut out: Vec<String> = Vec::new();
    for (k, page) in pages.iter().enumerate() {
        let no = damage.first_page + k as u32;
        let mut lines: Vec<String> = Vec::new();
        let head = if k == 0 && damage.bare_first_page {
            None
        } else {
            heads.get(k % heads.len().max(1)).cloned()
        };
        if damage.number == PageNumber::AloneTop {
            lines.push(no.to_string());
        }
        if let Some(head) = head.filter(|h| !h.is_empty()) {
            let line = if damage.number == PageNumber::WithHeader {
                if no.is_multiple_of(2) {
                    format!("{no} {head}")
                } else {
                    format!("{head} {no}")
                }
            } else {
                head
            };
            lines.push(line);
            lines.push(String::new());
        } else if damage.number == PageNumber::WithHeader {
            lines.push(no.to_string());
        }
        let first_body = lines.len();
        lines.extend(page.body.iter().map(|l| l.text.clone()));
        // Like every other placement, the first page has its number unless
        // it is a bare title page.
        if damage.number == PageNumber::GluedFirst && !(k == 0 && damage.bare_first_page) {
            if let Some(l) = lines.get_mut(first_body) {
                *l = format!("{no} {l}");
            }
        }
        if !page.notes.is_empty() {
            lines.push(String::new());
            if damage.note_rule == NoteRule::Short {
                lines.push("_".repeat(12 + rng.below(10) as usize));
            }
            for n in &page.notes {
                lines.extend(note_lines(n, damage.width));
            }
        }
        if let Some(foot) = &furniture.foot {
            lines.push(String::new());
            lines.push(foot.clone());
        }
        match damage.number {
            PageNumber::AloneBottom => {
                lines.push(String::new());
                lines.push(format!("{}{no}", " ".repeat(damage.width / 2)));
            }
            PageNumber::PageOfPages => {
                lines.push(String::new());
                lines.push(format!("Page {} of {}", k + 1, total));
            }
            PageNumber::GluedLast => {
                if let Some(l) = lines.iter_mut().rev().find(|l| !l.trim().is_empty()) {
                    l.push_str(&format!(" {no}"));
                }
            }
            _ => {}
        }
        if k > 0 {
            match damage.boundary {
                Boundary::FormFeed => {
                    if let Some(first) = lines.first_mut() {
                        first.insert(0, '\u{c}');
                    }
                }
                Boundary::Rule => out.extend(["", "---", ""].map(String::from)),
                Boundary::Spaces => out.push(" ".repeat(60)),
                Boundary::Blanks => out.extend(["", "", ""].map(String::from)),
                Boundary::Nothing => {}
            }
        }
        out.extend(lines);
    }
    let mut text = out.join("\n");
    text.push('\n');
    Damaged {
        text,
        furniture: furniture.texts,
        pages: total,
    }
}

struct Furniture {
    foot: Option<String>,
    texts: Vec<String>,
}

/// The heads (one per page parity) and the foot of `doc` under `damage`.
fn furniture(doc: &Document, damage: &Damage, rng: &mut Rng) -> (Vec<String>, Furniture) {
    let journal = rng.pick(JOURNALS).to_string();
    let short_title = short_title(&doc.meta.title);
    let authors = author_line(&doc.meta.authors);
    let heads = match damage.header {
        Header::None => vec![],
        Header::Journal => vec![journal.clone()],
        Header::ShortTitle => vec![short_title],
        Header::Authors => vec![authors],
        Header::Alternating => vec![authors, short_title],
    };
    let year = doc.meta.year.unwrap_or(2020);
    let foot = match damage.footer {
        Footer::None => None,
        Footer::Copyright => Some(format!("© {year} Eurasian Scholarly Press")),
        Footer::Downloaded => Some(format!(
            "This content downloaded from 10.{}.{}.{} on Tue, 14 Mar {} 09:12:44 UTC",
            rng.below(250),
            rng.below(250),
            rng.below(250),
            year + 2
        )),
    };
    let mut texts: Vec<String> = heads.clone();
    texts.extend(foot.clone());
    texts.retain(|t| !t.is_empty());
    (heads, Furniture { foot, texts })
}

/// The title cut to a few words, in capitals (`DEVELOPING THE FAR EAST`).
fn short_title(title: &str) -> String {
    let mut out = String::new();
    for word in title
        .split([':', '?'])
        .next()
        .unwrap_or(title)
        .split_whitespace()
    {
        if out.chars().count() + word.chars().count() > 40 && !out.is_empty() {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.trim_end_matches([',', '.', ';']).to_uppercase()
}

/// `F. Shaolei and C. Heng`: initials and surnames, as heads print them.
fn author_line(authors: &[String]) -> String {
    let names: Vec<String> = authors
        .iter()
        .map(|a| {
            let words: Vec<&str> = a.split_whitespace().collect();
            match words.as_slice() {
                [first, .., last] if words.len() <= 3 => {
                    let initial: String = first.chars().take(1).collect();
                    format!("{initial}. {last}")
                }
                _ => a.clone(),
            }
        })
        .collect();
    match names.as_slice() {
        [] => "Anonymous".into(),
        [one] => one.clone(),
        [one, two] => format!("{one} and {two}"),
        [one, ..] => format!("{one} et al."),
    }
}

/// A page: body lines and the notes printed at its foot.
struct Page<'a> {
    body: Vec<Line>,
    notes: Vec<&'a Note>,
}

/// Fills pages with body lines; a line's notes go to the foot of its page
/// and count against the page's room. Blank lines never open or close a page.
fn paginate<'a>(body: Vec<Line>, notes: &[&'a Note], damage: &Damage) -> Vec<Page<'a>> {
    let furniture_lines = 6;
    let room = damage
        .lines_per_page
        .saturating_sub(furniture_lines)
        .max(10);
    let note_height = |n: &Note| note_lines(n, damage.width).len();
    let mut pages: Vec<Page> = Vec::new();
    let mut page = Page {
        body: Vec::new(),
        notes: Vec::new(),
    };
    let mut used_notes = 0usize;
    for line in body {
        if line.text.is_empty() && page.body.is_empty() {
            continue;
        }
        let new_notes: Vec<&Note> = line
            .notes
            .iter()
            .filter_map(|n| notes.iter().find(|x| x.n == *n).copied())
            .collect();
        let extra: usize = new_notes.iter().map(|n| note_height(n)).sum::<usize>()
            + if page.notes.is_empty() && !new_notes.is_empty() {
                2
            } else {
                0
            };
        if !page.body.is_empty() && page.body.len() + used_notes + extra + 1 > room {
            // A heading goes over with the text it heads (its lines hold no markers).
            let mut carried: Vec<Line> = Vec::new();
            while page
                .body
                .last()
                .is_some_and(|l| l.keep_with_next || l.text.is_empty())
                && page.body.len() > 1
            {
                carried.extend(page.body.pop());
            }
            carried.reverse();
            let lead = carried.iter().take_while(|l| l.text.is_empty()).count();
            carried.drain(..lead);
            if carried.is_empty() {
                while page.body.last().is_some_and(|l| l.text.is_empty()) {
                    page.body.pop();
                }
            }
            pages.push(std::mem::replace(
                &mut page,
                Page {
                    body: carried,
                    notes: Vec::new(),
                },
            ));
            used_notes = 0;
            if line.text.is_empty() && page.body.is_empty() {
                continue;
            }
        }
        used_notes += new_notes.iter().map(|n| note_height(n)).sum::<usize>()
            + if page.notes.is_empty() && !new_notes.is_empty() {
                2
            } else {
                0
            };
        page.notes.extend(new_notes);
        page.body.push(line);
    }
    while page.body.last().is_some_and(|l| l.text.is_empty()) {
        page.body.pop();
    }
    // Notes whose marker no body block holds go to the last page.
    let placed: Vec<u32> = pages
        .iter()
        .chain(std::iter::once(&page))
        .flat_map(|p| p.notes.iter().map(|n| n.n))
        .collect();
    page.notes
        .extend(notes.iter().filter(|n| !placed.contains(&n.n)).copied());
    if !page.body.is_empty() || !page.notes.is_empty() {
        pages.push(page);
    }
    pages
}

/// `12 Note text…`, wrapped.
fn note_lines(n: &Note, width: usize) -> Vec<String> {
    let words: Vec<(String, Vec<u32>)> = std::iter::once(n.n.to_string())
        .chain(n.text.split_whitespace().map(|w| w.replace('\\', "\\\\")))
        .map(|w| (w, Vec::new()))
        .collect();
    wrap(&words, width, &mut Rng::new(0), 0)
        .into_iter()
        .map(|l| l.text)
        .collect()
}

/// The body blocks as wrapped lines, a blank line between blocks.
fn body_lines(blocks: &[Block], damage: &Damage, rng: &mut Rng) -> Vec<Line> {
    let mut out = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if i > 0 {
            out.push(Line::default());
        }
        let mut words = marked_words(b);
        let hyphens = match b.kind {
            BlockKind::Heading { .. } => 0,
            _ => damage.hyphen_per_mille,
        };
        if b.kind == BlockKind::ListItem {
            words.insert(0, ("•".to_string(), Vec::new()));
        }
        let heading = matches!(b.kind, BlockKind::Heading { .. });
        out.extend(
            wrap(&words, damage.width, rng, hyphens)
                .into_iter()
                .map(|l| Line {
                    keep_with_next: heading,
                    ..l
                }),
        );
    }
    out
}

/// The words of a block, each note marker printed as a bare number right
/// after the word it follows (`2019.12`, `Blank2`).
fn marked_words(b: &Block) -> Vec<(String, Vec<u32>)> {
    let mut words: Vec<(usize, String, Vec<u32>)> = Vec::new();
    let mut at = 0;
    for w in b.text.split_whitespace() {
        let start = b.text[at..].find(w).map_or(at, |i| at + i);
        words.push((start, w.to_string(), Vec::new()));
        at = start + w.len();
    }
    let mut marks: Vec<(usize, u32)> = b
        .spans
        .iter()
        .filter_map(|s| match s.kind {
            SpanKind::NoteRef { n } => Some((s.start as usize, n)),
            _ => None,
        })
        .collect();
    // From the last marker back, so earlier offsets stay valid.
    marks.sort();
    for &(pos, n) in marks.iter().rev() {
        let Some(k) = words
            .iter()
            .rposition(|(start, _, _)| *start < pos)
            .or(if words.is_empty() { None } else { Some(0) })
        else {
            continue;
        };
        let (start, word, notes) = &mut words[k];
        let offset = pos.saturating_sub(*start).min(word.len());
        let offset = if word.is_char_boundary(offset) {
            offset
        } else {
            word.len()
        };
        word.insert_str(offset, &n.to_string());
        notes.insert(0, n);
    }
    // The cleaner reads `\` before punctuation as an escape (its Markdown
    // seeds need that), so a backslash the clean text holds is written
    // escaped, to be read back as itself.
    words
        .into_iter()
        .map(|(_, w, n)| (w.replace('\\', "\\\\"), n))
        .collect()
}

/// Greedy wrapping to `width` columns. A word that does not fit is broken
/// at its own hyphen when it has one, else hyphenated with probability
/// `hyphen_per_mille` (letters only, three or more on each side).
fn wrap(
    words: &[(String, Vec<u32>)],
    width: usize,
    rng: &mut Rng,
    hyphen_per_mille: u64,
) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut cur = Line::default();
    for (word, notes) in words {
        let len = cur.text.chars().count();
        let wlen = word.chars().count();
        if cur.text.is_empty() || len + 1 + wlen <= width {
            if !cur.text.is_empty() {
                cur.text.push(' ');
            }
            cur.text.push_str(word);
            cur.notes.extend(notes);
            continue;
        }
        let room = width.saturating_sub(len + 1);
        match hyphen_point(word, room, rng, hyphen_per_mille) {
            Some((left, right)) => {
                cur.text.push(' ');
                cur.text.push_str(&left);
                lines.push(std::mem::take(&mut cur));
                cur.text = right;
            }
            None => {
                lines.push(std::mem::take(&mut cur));
                cur.text = word.clone();
            }
        }
        cur.notes.extend(notes);
    }
    if !cur.text.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Where to break `word` so that its first part (hyphen included) fits in
/// `room` columns: at a hyphen it holds, or — by chance — between two of
/// its letters.
fn hyphen_point(
    word: &str,
    room: usize,
    rng: &mut Rng,
    per_mille: u64,
) -> Option<(String, String)> {
    let chars: Vec<char> = word.chars().collect();
    let own = (1..chars.len().saturating_sub(1))
        .rev()
        .find(|&i| chars[i] == '-' && i < room && chars[i - 1].is_alphabetic());
    if let Some(i) = own {
        let left: String = chars[..=i].iter().collect();
        let right: String = chars[i + 1..].iter().collect();
        return (!right.is_empty()).then_some((left, right));
    }
    let letters = chars.iter().take_while(|c| c.is_alphabetic()).count();
    let rest_ok = chars[letters..]
        .iter()
        .all(|c| !c.is_alphabetic() && *c != '-');
    if letters < 7 || !rest_ok || !rng.chance(per_mille) {
        return None;
    }
    let max_left = (letters - 3).min(room.saturating_sub(1));
    if max_left < 3 {
        return None;
    }
    let cut = 3 + rng.below((max_left - 2) as u64) as usize;
    let mut left: String = chars[..cut].iter().collect();
    left.push('-');
    Some((left, chars[cut..].iter().collect()))
}

/// What came back from a damaged document.
#[derive(Debug, Clone, Default)]
pub struct Recovery {
    /// Body blocks other than headings in the original.
    pub paragraphs: usize,
    /// Of those, how many came back with the same text.
    pub whole: usize,
    /// The first few paragraphs that did not (start of the original).
    pub broken: Vec<String>,
    /// Notes with text in the original.
    pub notes: usize,
    /// Of those, how many came back with the same number and text.
    pub notes_back: usize,
    /// The numbers of the notes that did not.
    pub notes_lost: Vec<u32>,
    /// Blocks that are page furniture: a head or foot, or only a number.
    pub furniture_blocks: Vec<String>,
}

impl Recovery {
    /// Share of paragraphs that came back whole, in percent.
    pub fn whole_percent(&self) -> f64 {
        if self.paragraphs == 0 {
            return 100.0;
        }
        100.0 * self.whole as f64 / self.paragraphs as f64
    }
}

/// Where `want` and the block that shares the longest start with it part:
/// `…common text ⟨want⟩ ≠ ⟨got⟩`.
fn first_difference(want: &str, blocks: &[String]) -> String {
    let common = |b: &String| {
        want.chars()
            .zip(b.chars())
            .take_while(|(a, b)| a == b)
            .count()
    };
    let best = blocks.iter().max_by_key(|b| common(b));
    let n = best.map_or(0, common);
    let before: String = want.chars().take(n).collect::<Vec<_>>()[n.saturating_sub(30)..]
        .iter()
        .collect();
    let w: String = want.chars().skip(n).take(25).collect();
    let g: String = best.map_or(String::new(), |b| b.chars().skip(n).take(25).collect());
    format!("…{before}⟨{w}⟩ ≠ ⟨{g}⟩")
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Compares the document built from the damaged text (`back`) with the
/// clean `original`.
pub fn compare(original: &Document, damaged: &Damaged, back: &Document) -> Recovery {
    let mut out_texts: Vec<String> = back.blocks.iter().map(|b| normalise(&b.text)).collect();
    let mut r = Recovery::default();
    for b in &original.blocks {
        if matches!(b.kind, BlockKind::Heading { .. }) {
            continue;
        }
        r.paragraphs += 1;
        let want = normalise(&b.text);
        match out_texts.iter().position(|t| *t == want) {
            Some(i) => {
                out_texts.swap_remove(i);
                r.whole += 1;
            }
            None => r.broken.push(first_difference(&want, &out_texts)),
        }
    }
    for n in original.notes.iter().filter(|n| !n.missing) {
        r.notes += 1;
        let back_note = back.notes.iter().find(|x| x.n == n.n && !x.missing);
        if back_note.is_some_and(|x| normalise(&x.text) == normalise(&n.text)) {
            r.notes_back += 1;
        } else {
            r.notes_lost.push(n.n);
        }
    }
    let original_texts: Vec<String> = original.blocks.iter().map(|b| normalise(&b.text)).collect();
    for b in &back.blocks {
        let t = normalise(&b.text);
        let only_number = !t.is_empty()
            && t.split_whitespace()
                .all(|w| w.chars().all(|c| c.is_ascii_digit()) || w == "Page" || w == "of");
        let holds_furniture = damaged.furniture.iter().any(|f| {
            t.contains(f.as_str()) && !original_texts.iter().any(|o| o.contains(f.as_str()))
        });
        if only_number || holds_furniture {
            r.furniture_blocks.push(t.chars().take(70).collect());
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphenation_keeps_letters_and_marks_the_cut() {
        let mut rng = Rng::new(1);
        let (left, right) = hyphen_point("Komsomolsk,", 6, &mut rng, 1000).unwrap_or_default();
        assert!(left.ends_with('-') && left.len() >= 4, "{left}");
        assert_eq!(
            format!("{}{right}", left.trim_end_matches('-')),
            "Komsomolsk,"
        );
        assert_eq!(
            hyphen_point("Asia-Pacific", 8, &mut rng, 0),
            Some(("Asia-".into(), "Pacific".into()))
        );
        assert_eq!(hyphen_point("2019.12", 5, &mut rng, 1000), None);
    }
}
