//! Saved web pages (`.html`, `.htm`) to the Markdown-flavoured text the
//! cleaner already reads.
//!
//! The Markdown seeds (`001_…`, `004_…`) give the cleaner paragraphs split by
//! blank lines, `#` headings, `- ` list items, `*em*` / `**strong**`,
//! `[text](url)` links, `<sup>n</sup>` note markers and note texts as
//! `<sup>n</sup> text` paragraphs (`clean/markup.rs`, `clean/footnotes.rs`).
//! A web page is written in exactly that shape, so it goes through the same
//! cleaning stages as every other seed and nothing downstream knows HTML.
//!
//! This is a tolerant single-pass scanner, not an HTML5 parser. Each byte is
//! looked at a bounded number of times and an end tag searches at most
//! [`SEARCH_DEPTH`] open elements, so a 5 MB page costs linear time; a tag,
//! comment or quoted attribute that runs to the end of the input just ends
//! there. What it decides:
//!
//! - **Dropped with their content**: `script`, `style`, `noscript`,
//!   `noembed`, `noframes`, `xmp`, `template`, `svg`, `math`, `iframe`,
//!   `object`, `textarea`, `video`,
//!   `audio`, `canvas`, `dialog`, `search`, `nav`, `aside`, `footer`, `button`,
//!   `select`, `head` (its `<title>` becomes a first `# Title` heading when
//!   the page has no `<h1>` with text), comments, doctype, CDATA and
//!   processing instructions; also any element with a `hidden` attribute or
//!   an ARIA landmark role for chrome (`navigation`, `contentinfo`, `search`,
//!   `complementary`).
//! - **Dropped unless they hold the page** (the output is rolled back when
//!   the element ends): a `form` is kept when it contains an `h1`, `main` or
//!   `article` (ASP.NET wraps whole pages in one form); a page-level
//!   `header` (or `role="banner"`, i.e. not inside `article`, `main` or
//!   `section`) is kept only when it holds an `h1`, so a site banner never
//!   becomes the document's first heading.
//! - **Blocks** (`p`, `div`, `section`, `article`, `blockquote`, `pre`,
//!   `table`, `dl`, `dt`, `dd`, `figure`, `figcaption`, `hr`, …) are
//!   paragraphs: a blank line before and after. `h1`–`h6` become `#`…`######`
//!   headings; `li` becomes `- item` (items on consecutive lines, in `ol` as
//!   in `ul`, since `1. Text` would read as a numbered heading); `br` is a
//!   line break, and a second `br` on an empty line a paragraph break; each
//!   table row is one line in the Markdown pipe form, `| 2010 | 5.1 | 4.0 |`
//!   (an empty cell between filled ones keeps its place). Only that
//!   form tells the cleaner a line is a row, which then keeps it a block of
//!   its own: a plain ` | `-joined line was reflowed into one paragraph with
//!   the rows around it. Inside a list item, block boundaries are line
//!   breaks (a tight list); inside a heading, a table cell or a footnote,
//!   they are spaces.
//! - **Inline** elements vanish and keep their text. `em`/`i` and
//!   `strong`/`b` become `*x*` and `**x**` (markup.rs renders them as
//!   emphasis and strong spans); a link to an `http(s)` address becomes
//!   `[text](url)` (markup.rs reads that as a link span) when its text is on
//!   one line and holds no bracket; any other link keeps only its text.
//! - **Footnotes**. `<sup>N</sup>` with N digits is written literally, for
//!   markup.rs to make a note reference; so is a link to a footnote id
//!   (`<a href="#fn3">3</a>`, `[3]`). An element is a *footnote item*, written
//!   as a `<sup>N</sup> text` line (the note shape `clean/footnotes.rs`
//!   lifts), when it is an `li`, `p` or `div` whose id names a note and ends
//!   in its number (`fn1`, `fn:1`, `footnote-1`, `user-content-fn-1`,
//!   `cite_note-1`, `ftn1`, `edn1`), or an `li` inside an element whose class
//!   or id ends in `footnote(s)`/`endnote(s)` (`<ol class="footnotes">`,
//!   `<section class="footnotes">`, `role="doc-endnotes"`), numbered by its
//!   position in the list (`start`, `value` honoured). In a footnote item
//!   the back-link (`href="#fnref1"`, `role="doc-backlink"`, class `…back…`)
//!   is dropped, and an opening `<sup>N</sup>` repeating the item's number is
//!   not written twice. An `aside` or `footer` that names footnotes this way
//!   is kept.
//! - **Text**: white space collapses to one space (in `pre` each source line
//!   stays a line); lines are trimmed; at most one blank line in a row; the
//!   result ends with one newline (or is empty). Character references are
//!   decoded: the five XML ones, `&nbsp;` (as a space), decimal and hex
//!   numbers (zero, surrogates and out-of-range → U+FFFD; 128–159 as
//!   Windows-1252, as browsers do), all Latin-1 names and the typographic
//!   ones policy papers use (`&mdash;`, `&hellip;`, `&laquo;`, `&euro;`,
//!   `&numero;`, …). Unknown names, and names without `;`, stay as written.
//! - **Decoded text stays text.** The scanner never rescans what it decoded,
//!   and characters the next stage would read as syntax are escaped the
//!   Markdown way, which markup.rs undoes: `\`, `*` and `[` always, `#` and
//!   `|` at the start of a line, and `<` when `sup>` or `http` follows it. So
//!   `&lt;script&gt;` reaches the reader as the characters `<script>`.

mod entities;
#[cfg(test)]
mod tests;

use entities::decode_entities;

/// How far down the stack of open elements an end tag (or a tag that implies
/// one, like a second `<li>`) looks for its element. Tag soup leaves many
/// elements open; a bounded search keeps every tag O(1).
const SEARCH_DEPTH: usize = 64;

/// Longest tag name the scanner knows (`blockquote`, `figcaption`).
const KEY_LEN: usize = 10;

/// Plain text (Markdown-flavoured, as the `.md` seeds are) of an HTML page.
pub fn html_to_text(html: &str) -> String {
    let mut scanner = Scanner::new(html);
    scanner.run();
    scanner.finish()
}

// ---------------------------------------------------------------------------
// Tags and attributes
// ---------------------------------------------------------------------------

/// A start or end tag as written.
struct Tag<'a> {
    name: &'a str,
    self_closing: bool,
    attrs: Attrs<'a>,
}

/// The attributes the scanner reads (first occurrence wins, as in HTML).
#[derive(Default, Clone, Copy)]
struct Attrs<'a> {
    href: Option<&'a str>,
    id: Option<&'a str>,
    class: Option<&'a str>,
    role: Option<&'a str>,
    start: Option<&'a str>,
    value: Option<&'a str>,
    hidden: Option<&'a str>,
    rev: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    fn set(&mut self, name: &str, value: &'a str) {
        let slot = match name.to_ascii_lowercase().as_str() {
            "href" => &mut self.href,
            "id" => &mut self.id,
            "class" => &mut self.class,
            "role" => &mut self.role,
            "start" => &mut self.start,
            "value" => &mut self.value,
            "hidden" => &mut self.hidden,
            "rev" => &mut self.rev,
            _ => return,
        };
        slot.get_or_insert(value);
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Parses the tag whose `<` is at `at`; `None` when the input ends inside it
/// (an unterminated tag is dropped, as browsers drop it).
///
/// Attribute values in quotes may hold `>` (`<a title="a>b" href=…>`). Every
/// slice taken starts and ends next to an ASCII delimiter, so it is always on
/// a character boundary.
fn parse_tag(src: &str, at: usize) -> Option<(Tag<'_>, usize)> {
    let b = src.as_bytes();
    let mut i = at + 1;
    if b.get(i) == Some(&b'/') {
        i += 1;
    }
    let name_start = i;
    while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let mut tag = Tag {
        name: &src[name_start..i],
        self_closing: false,
        attrs: Attrs::default(),
    };
    loop {
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        match *b.get(i)? {
            b'>' => return Some((tag, i + 1)),
            b'/' => {
                i += 1;
                tag.self_closing = b.get(i) == Some(&b'>');
                continue;
            }
            _ => {}
        }
        let attr_start = i;
        // The first character belongs to the name even when it is `=`.
        i += 1;
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let attr = &src[attr_start..i];
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        let mut value = "";
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            match *b.get(i)? {
                q @ (b'"' | b'\'') => {
                    let close = i + 1 + src[i + 1..].find(char::from(q))?;
                    value = &src[i + 1..close];
                    i = close + 1;
                }
                b'>' => {}
                _ => {
                    let value_start = i;
                    while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                        i += 1;
                    }
                    value = &src[value_start..i];
                }
            }
        }
        tag.attrs.set(attr, value);
        tag.self_closing = false;
    }
}

/// Position of the `<` of `</name` (any case, then a delimiter) at or after
/// `from`: where a raw-text element (`script`, `style`, `title`…) ends.
fn find_end_tag(src: &str, from: usize, name: &str) -> Option<usize> {
    let b = src.as_bytes();
    let mut i = from;
    while let Some(k) = src.get(i..)?.find("</") {
        let after = i + k + 2;
        let end = after + name.len();
        let named = b
            .get(after..end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        if named
            && b.get(end)
                .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
        {
            return Some(i + k);
        }
        i = after;
    }
    None
}

/// Position just after the next `>` at or after `from` (or the end).
fn skip_past_gt(src: &str, from: usize) -> usize {
    src.get(from..)
        .and_then(|rest| rest.find('>'))
        .map_or(src.len(), |k| from + k + 1)
}

/// `name` in ASCII lower case, or `""` for a name no rule knows.
fn lower_key<'b>(name: &str, buf: &'b mut [u8; KEY_LEN]) -> &'b str {
    let bytes = name.as_bytes();
    if bytes.len() > KEY_LEN || !bytes.is_ascii() {
        return "";
    }
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).unwrap_or("")
}

/// ASCII-case-insensitive substring test.
fn contains_ci(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The note number of an id that names a footnote: `fn1`, `fn:1`,
/// `footnote-1`, `user-content-fn-1`, `cite_note-1`, `ftn1` (Word),
/// `edn1` (Word endnotes) → 1.
fn footnote_number(id: &str) -> Option<u32> {
    const STEMS: &[&str] = &["fn", "note", "ftn", "edn"];
    let id = id.trim();
    let stem = id.trim_end_matches(|c: char| c.is_ascii_digit());
    let n = id[stem.len()..].parse().ok()?;
    let stem = stem
        .trim_end_matches([':', '-', '_', '.'])
        .to_ascii_lowercase();
    STEMS.iter().any(|s| stem.ends_with(s)).then_some(n)
}

/// A class token, id or role that says "the footnotes are in here".
fn names_footnotes(attrs: &Attrs) -> bool {
    let names = |t: &str| {
        let t = t.to_ascii_lowercase();
        ["footnote", "footnotes", "endnote", "endnotes"]
            .iter()
            .any(|k| t.ends_with(k))
    };
    attrs
        .class
        .is_some_and(|c| c.split_ascii_whitespace().any(names))
        || attrs.id.is_some_and(|i| names(i.trim()))
        || attrs.role.is_some_and(|r| {
            r.split_ascii_whitespace().any(|t| {
                t.eq_ignore_ascii_case("doc-endnotes") || t.eq_ignore_ascii_case("doc-footnote")
            })
        })
}

/// A footnote's link back to its marker (`↩`), not part of the note.
fn is_backlink(attrs: &Attrs) -> bool {
    let Some(href) = attrs.href.map(str::trim) else {
        return false;
    };
    href.starts_with('#')
        && (contains_ci(href, "ref")
            || attrs.rev.is_some()
            || attrs.role.is_some_and(|r| contains_ci(r, "backlink"))
            || attrs.class.is_some_and(|c| contains_ci(c, "back")))
}

/// A link to a footnote (`href="#fn3"`): the marker of note 3.
fn is_note_ref(attrs: &Attrs) -> bool {
    attrs
        .href
        .and_then(|h| h.trim().strip_prefix('#'))
        .and_then(footnote_number)
        .is_some()
}

/// An ARIA role that marks page chrome rather than content.
fn is_chrome_role(attrs: &Attrs) -> bool {
    attrs.role.is_some_and(|r| {
        r.split_ascii_whitespace().any(|t| {
            ["navigation", "contentinfo", "search", "complementary"]
                .iter()
                .any(|k| t.eq_ignore_ascii_case(k))
        })
    })
}

fn has_role(attrs: &Attrs, role: &str) -> bool {
    attrs.role.is_some_and(|r| {
        r.split_ascii_whitespace()
            .any(|t| t.eq_ignore_ascii_case(role))
    })
}

/// The `href` as a Markdown link target, for `http(s)` addresses only
/// (never `javascript:`, `data:`, relative or fragment links). Characters
/// that would end the `(url)` early are percent-encoded.
fn http_url(href: &str) -> Option<String> {
    let mut decoded = String::new();
    decode_entities(href, &mut decoded);
    let url = decoded.trim_matches(|c: char| c.is_whitespace() || c.is_control());
    let scheme = |s: &str| {
        url.get(..s.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(s))
    };
    if !(scheme("http://") || scheme("https://")) {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '\t' | '\n' | '\r' => {}
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c if c.is_whitespace() || c.is_control() => {
                let mut buf = [0u8; 4];
                for byte in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    Some(out)
}

// ---------------------------------------------------------------------------
// What each element is
// ---------------------------------------------------------------------------

/// What an open element does to the text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// Content dropped.
    Drop,
    /// `<head>`: dropped, except the `<title>` it holds.
    Head,
    /// Written, then rolled back at its end unless it held the page.
    Hold(Hold),
    /// A paragraph-like block.
    Block,
    /// `article`, `main`, `section`: a block inside which a `header` belongs
    /// to the content, not to the site.
    Section,
    Heading(u8),
    /// `ul`, `ol`, `menu`, `dir`.
    List,
    Item,
    /// A footnote (`li`, `p` or `div`), written as `<sup>N</sup> text`.
    NoteItem(u32),
    Table,
    Row,
    Cell,
    Pre,
    Emphasis,
    Strong,
    Link,
    /// `<sup>`, or a link to a footnote (`lenient`: `[3]` also counts).
    Sup {
        lenient: bool,
    },
    /// Any other element: its text is kept, it says nothing.
    Inline,
}

impl Kind {
    fn is_inline(self) -> bool {
        matches!(
            self,
            Kind::Emphasis | Kind::Strong | Kind::Link | Kind::Sup { .. } | Kind::Inline
        )
    }
}

/// Elements dropped unless they turn out to hold the page.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Hold {
    /// `form`: kept when it held an `h1`, `main` or `article`.
    Form,
    /// Page-level `header` / `role="banner"`: kept when it held an `h1`.
    Banner,
}

/// Elements without content.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Void {
    Br,
    Hr,
    Other,
}

/// How the scanner treats a tag name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// `html`, `body`: no effect of their own.
    Ignore,
    Void(Void),
    /// Raw text up to the end tag, never markup: dropped, or the title.
    Raw {
        title: bool,
    },
    Element(Kind),
}

/// The role of a (lower-case) tag name, and whether it starts a block (and
/// so closes an open `<p>`, as in HTML).
fn role_of(key: &str) -> (Role, bool) {
    use Kind as K;
    let element = |k| (Role::Element(k), true);
    match key {
        "html" | "body" => (Role::Ignore, false),
        "br" => (Role::Void(Void::Br), false),
        "hr" => (Role::Void(Void::Hr), true),
        "area" | "base" | "basefont" | "bgsound" | "col" | "embed" | "frame" | "img" | "input"
        | "keygen" | "link" | "meta" | "param" | "source" | "track" | "wbr" => {
            (Role::Void(Void::Other), false)
        }
        "title" => (Role::Raw { title: true }, false),
        "script" | "style" | "textarea" | "iframe" | "noscript" | "noembed" | "noframes"
        | "xmp" => (Role::Raw { title: false }, false),
        "head" => (Role::Element(K::Head), false),
        "nav" | "aside" | "footer" | "dialog" | "search" => element(K::Drop),
        "button" | "select" | "template" | "svg" | "math" | "object" | "video" | "audio"
        | "canvas" => (Role::Element(K::Drop), false),
        "form" => element(K::Hold(Hold::Form)),
        "header" => element(K::Hold(Hold::Banner)),
        "article" | "main" | "section" => element(K::Section),
        "p" | "div" | "blockquote" | "address" | "center" | "details" | "summary" | "fieldset"
        | "legend" | "figure" | "figcaption" | "caption" | "hgroup" | "dl" | "dt" | "dd" => {
            element(K::Block)
        }
        "h1" => element(K::Heading(1)),
        "h2" => element(K::Heading(2)),
        "h3" => element(K::Heading(3)),
        "h4" => element(K::Heading(4)),
        "h5" => element(K::Heading(5)),
        "h6" => element(K::Heading(6)),
        "ul" | "ol" | "menu" | "dir" => element(K::List),
        "li" => element(K::Item),
        "table" => element(K::Table),
        "tr" => (Role::Element(K::Row), false),
        "td" | "th" => (Role::Element(K::Cell), false),
        "pre" | "listing" => element(K::Pre),
        "em" | "i" => (Role::Element(K::Emphasis), false),
        "strong" | "b" => (Role::Element(K::Strong), false),
        "a" => (Role::Element(K::Link), false),
        "sup" => (Role::Element(K::Sup { lenient: false }), false),
        _ => (Role::Element(K::Inline), false),
    }
}

/// What may stand in `<head>`; anything else ends it, as in HTML.
fn allowed_in_head(key: &str) -> bool {
    matches!(
        key,
        "head"
            | "title"
            | "meta"
            | "link"
            | "style"
            | "script"
            | "base"
            | "noscript"
            | "template"
            | "basefont"
            | "bgsound"
            | "noframes"
    )
}

// ---------------------------------------------------------------------------
// The scanner
// ---------------------------------------------------------------------------

/// An element on the stack of open elements.
struct Open<'a> {
    name: &'a str,
    kind: Kind,
    /// It names the footnotes (`class="footnotes"`).
    scope: bool,
    /// A [`Kind::Hold`] that pushed a checkpoint.
    held: bool,
}

/// How many open elements of each effect enclose the current position.
#[derive(Default)]
struct Depths {
    drop: u32,
    head: u32,
    pre: u32,
    heading: u32,
    cell: u32,
    item: u32,
    note_item: u32,
    scope: u32,
    sup: u32,
    section: u32,
}

/// Where a [`Kind::Hold`] started, to roll the output back to.
struct Checkpoint {
    out_len: usize,
    state: LineState,
    h1s: u64,
    wrappers: u64,
}

struct Scanner<'a> {
    src: &'a str,
    pos: usize,
    stack: Vec<Open<'a>>,
    /// The next item number of each open list.
    lists: Vec<u32>,
    depth: Depths,
    holds: Vec<Checkpoint>,
    /// `h1` elements opened so far (evidence for [`Hold::Banner`]).
    h1s: u64,
    /// `h1`, `main`, `article` opened so far (evidence for [`Hold::Form`]).
    wrappers: u64,
    title: Option<String>,
    scratch: String,
    w: Writer,
}

impl<'a> Scanner<'a> {
    fn new(src: &'a str) -> Self {
        Scanner {
            src,
            pos: 0,
            stack: Vec::new(),
            lists: Vec::new(),
            depth: Depths::default(),
            holds: Vec::new(),
            h1s: 0,
            wrappers: 0,
            title: None,
            scratch: String::new(),
            w: Writer::default(),
        }
    }

    fn emitting(&self) -> bool {
        self.depth.drop == 0 && self.depth.head == 0
    }

    fn mode(&self) -> Mode {
        Mode {
            pre: self.depth.pre > 0,
            inline_only: self.depth.heading > 0 || self.depth.cell > 0 || self.depth.note_item > 0,
            in_item: self.depth.item > 0,
        }
    }

    fn run(&mut self) {
        let src = self.src;
        while self.pos < src.len() {
            let rest = &src[self.pos..];
            match rest.find('<') {
                Some(0) => self.pos = self.markup(self.pos),
                Some(k) => {
                    self.text(&rest[..k]);
                    self.pos += k;
                }
                None => {
                    self.text(rest);
                    self.pos = src.len();
                }
            }
        }
    }

    /// Handles what starts with the `<` at `at`; returns where to go on.
    fn markup(&mut self, at: usize) -> usize {
        let src = self.src;
        let b = src.as_bytes();
        match b.get(at + 1).copied() {
            Some(b'!') => {
                let rest = &src[at..];
                if let Some(body) = rest.strip_prefix("<!--") {
                    // `<!-->` and `<!--->` are whole (empty) comments.
                    if body.starts_with('>') {
                        at + 5
                    } else if body.starts_with("->") {
                        at + 6
                    } else {
                        body.find("-->").map_or(src.len(), |k| at + 4 + k + 3)
                    }
                } else if let Some(body) = rest.strip_prefix("<![CDATA[") {
                    body.find("]]>").map_or(src.len(), |k| at + 9 + k + 3)
                } else {
                    skip_past_gt(src, at + 2)
                }
            }
            Some(b'?') => skip_past_gt(src, at + 2),
            Some(b'/') => match b.get(at + 2).copied() {
                Some(c) if c.is_ascii_alphabetic() => match parse_tag(src, at) {
                    Some((tag, next)) => {
                        self.end_tag(tag.name);
                        next
                    }
                    None => src.len(),
                },
                Some(b'>') => at + 3,
                Some(_) => skip_past_gt(src, at + 2),
                None => {
                    self.text(&src[at..]);
                    src.len()
                }
            },
            Some(c) if c.is_ascii_alphabetic() => match parse_tag(src, at) {
                Some((tag, next)) => self.start_tag(&tag, next),
                None => src.len(),
            },
            _ => {
                self.text(&src[at..at + 1]);
                at + 1
            }
        }
    }

    fn text(&mut self, raw: &str) {
        if self.depth.head > 0 && self.depth.drop == 0 && raw.bytes().any(|b| !is_space(b)) {
            // Text cannot stand in <head>: the page's body has begun.
            self.close_head();
        }
        if !self.emitting() {
            return;
        }
        let mode = self.mode();
        if raw.contains('&') {
            let mut decoded = std::mem::take(&mut self.scratch);
            decoded.clear();
            decode_entities(raw, &mut decoded);
            self.w.text(&decoded, mode);
            self.scratch = decoded;
        } else {
            self.w.text(raw, mode);
        }
    }

    fn start_tag(&mut self, tag: &Tag<'a>, next: usize) -> usize {
        let mut buf = [0u8; KEY_LEN];
        let key = lower_key(tag.name, &mut buf);
        let (role, block) = role_of(key);
        if self.depth.head > 0 && self.depth.drop == 0 && !allowed_in_head(key) {
            self.close_head();
        }
        let kind = match role {
            Role::Ignore => return next,
            Role::Raw { title } => {
                // Script and style never end at `/>` (nor do they in browsers),
                // so their code can never leak out as text.
                if tag.self_closing && !matches!(key, "script" | "style") {
                    return next;
                }
                return self.raw_text(key, title, next);
            }
            Role::Void(void) => {
                if block {
                    self.close_p();
                }
                if self.emitting() {
                    let mode = self.mode();
                    match void {
                        Void::Br => self.w.line_break(mode.inline_only),
                        Void::Hr => self.w.brk(mode.gap(2), mode.inline_only),
                        Void::Other => {}
                    }
                }
                return next;
            }
            Role::Element(kind) => self.refine(kind, key, &tag.attrs),
        };
        if block {
            self.close_p();
        }
        self.close_implied(key, kind);
        let scope =
            matches!(kind, Kind::Block | Kind::Section | Kind::List) && names_footnotes(&tag.attrs);
        self.push(tag.name, kind, scope, &tag.attrs);
        if tag.self_closing {
            // XHTML-style `<div/>`, `<a id="x"/>`: open and closed at once.
            self.pop_to(self.stack.len().saturating_sub(1));
        }
        next
    }

    /// The kind of an element once its attributes and context are known.
    fn refine(&mut self, kind: Kind, key: &str, attrs: &Attrs) -> Kind {
        let hidden = attrs
            .hidden
            .is_some_and(|v| !v.trim().eq_ignore_ascii_case("until-found"));
        if kind != Kind::Head && (hidden || is_chrome_role(attrs)) {
            return Kind::Drop;
        }
        match kind {
            Kind::Drop if matches!(key, "aside" | "footer") && names_footnotes(attrs) => {
                Kind::Block
            }
            Kind::Hold(Hold::Banner) if self.depth.section > 0 => Kind::Block,
            _ if has_role(attrs, "banner") => {
                if self.depth.section > 0 {
                    Kind::Block
                } else {
                    Kind::Hold(Hold::Banner)
                }
            }
            _ if has_role(attrs, "main") => Kind::Section,
            Kind::Item => {
                let position = attrs.value.and_then(|v| v.trim().parse().ok());
                let n = match self.lists.last_mut() {
                    Some(next) => {
                        let n = position.unwrap_or(*next);
                        *next = n.saturating_add(1);
                        n
                    }
                    None => position.unwrap_or(1),
                };
                match attrs.id.and_then(footnote_number) {
                    Some(id_n) => Kind::NoteItem(id_n),
                    None if self.depth.scope > 0 => Kind::NoteItem(n),
                    None => Kind::Item,
                }
            }
            Kind::Block if matches!(key, "p" | "div") => match attrs.id.and_then(footnote_number) {
                Some(n) => Kind::NoteItem(n),
                None => Kind::Block,
            },
            Kind::Link if self.depth.note_item > 0 && is_backlink(attrs) => Kind::Drop,
            Kind::Link if self.depth.note_item == 0 && is_note_ref(attrs) => {
                Kind::Sup { lenient: true }
            }
            k => k,
        }
    }

    /// End tags HTML implies: a new `li` ends the open one, and so on.
    fn close_implied(&mut self, key: &str, kind: Kind) {
        let boundary = |e: &Open| {
            matches!(
                e.kind,
                Kind::List | Kind::Table | Kind::Drop | Kind::Hold(_)
            )
        };
        let found = match key {
            "li" => self.find_open(|e| e.name.eq_ignore_ascii_case("li"), boundary),
            "dt" | "dd" => self.find_open(
                |e| e.name.eq_ignore_ascii_case("dt") || e.name.eq_ignore_ascii_case("dd"),
                |e| boundary(e) || e.name.eq_ignore_ascii_case("dl"),
            ),
            "tr" => self.find_open(|e| e.kind == Kind::Row, boundary),
            "td" | "th" => self.find_open(
                |e| e.kind == Kind::Cell,
                |e| boundary(e) || e.kind == Kind::Row,
            ),
            "a" => self.find_open(
                |e| e.name.eq_ignore_ascii_case("a"),
                |e| !e.kind.is_inline(),
            ),
            _ if matches!(kind, Kind::Heading(_)) => self
                .stack
                .last()
                .is_some_and(|e| matches!(e.kind, Kind::Heading(_)))
                .then(|| self.stack.len() - 1),
            _ => None,
        };
        if let Some(i) = found {
            self.pop_to(i);
        }
    }

    /// A block start ends an open `<p>` (only inline elements in between).
    fn close_p(&mut self) {
        if let Some(i) = self.find_open(
            |e| e.name.eq_ignore_ascii_case("p"),
            |e| !e.kind.is_inline(),
        ) {
            self.pop_to(i);
        }
    }

    /// The nearest open element for which `hit` holds, looking down the stack
    /// no further than an element for which `stop` holds or [`SEARCH_DEPTH`].
    fn find_open(
        &self,
        hit: impl Fn(&Open) -> bool,
        stop: impl Fn(&Open) -> bool,
    ) -> Option<usize> {
        for (i, e) in self.stack.iter().enumerate().rev().take(SEARCH_DEPTH) {
            if hit(e) {
                return Some(i);
            }
            if stop(e) {
                return None;
            }
        }
        None
    }

    fn end_tag(&mut self, name: &'a str) {
        let mut buf = [0u8; KEY_LEN];
        let key = lower_key(name, &mut buf);
        let (role, _) = role_of(key);
        match role {
            Role::Ignore => return,
            Role::Void(Void::Br) => {
                // `</br>` is a `<br>` in every browser.
                if self.emitting() {
                    let mode = self.mode();
                    self.w.line_break(mode.inline_only);
                }
                return;
            }
            _ => {}
        }
        let inline = matches!(role, Role::Element(k) if k.is_inline());
        let found = self.find_open(
            |e| e.name.eq_ignore_ascii_case(name),
            |e| inline && !e.kind.is_inline(),
        );
        match found {
            Some(i) => self.pop_to(i),
            None if key == "p" && self.emitting() => {
                // `</p>` without a `<p>` is an empty paragraph.
                let mode = self.mode();
                self.w.brk(mode.gap(2), mode.inline_only);
            }
            None => {}
        }
    }

    /// Skips a raw-text element's content (keeping the first title) and its
    /// end tag; returns where to go on.
    fn raw_text(&mut self, key: &str, title: bool, from: usize) -> usize {
        let src = self.src;
        let end = find_end_tag(src, from, key);
        if title && self.title.is_none() && self.depth.drop == 0 {
            let mut decoded = String::new();
            decode_entities(&src[from..end.unwrap_or(src.len())], &mut decoded);
            let title = decoded.split_whitespace().collect::<Vec<_>>().join(" ");
            if !title.is_empty() {
                self.title = Some(title);
            }
        }
        match end.and_then(|p| parse_tag(src, p)) {
            Some((_, next)) => next,
            None => src.len(),
        }
    }

    fn close_head(&mut self) {
        while self.depth.head > 0 {
            match self.stack.iter().rposition(|e| e.kind == Kind::Head) {
                Some(i) => self.pop_to(i),
                None => self.depth.head = 0,
            }
        }
    }

    fn push(&mut self, name: &'a str, kind: Kind, scope: bool, attrs: &Attrs) {
        let emitting = self.emitting();
        let mode = self.mode();
        let mut held = false;
        match kind {
            Kind::Drop => self.depth.drop += 1,
            Kind::Head => self.depth.head += 1,
            Kind::Hold(_) => {
                if emitting {
                    self.w.brk(mode.gap(2), mode.inline_only);
                    self.w.end_link();
                    self.holds.push(Checkpoint {
                        out_len: self.w.out.len(),
                        state: self.w.st,
                        h1s: self.h1s,
                        wrappers: self.wrappers,
                    });
                    held = true;
                }
            }
            Kind::Block | Kind::Table | Kind::Section => {
                if kind == Kind::Section {
                    self.depth.section += 1;
                }
                if emitting {
                    self.w.brk(mode.gap(2), mode.inline_only);
                    let wrapper = matches!(name.to_ascii_lowercase().as_str(), "main" | "article")
                        || has_role(attrs, "main");
                    if kind == Kind::Section && wrapper {
                        self.wrappers += 1;
                    }
                }
            }
            Kind::Heading(level) => {
                if emitting {
                    self.w.brk(mode.gap(2), mode.inline_only);
                    if !mode.inline_only {
                        self.w.set_prefix(Prefix::Heading(level));
                    }
                    if level == 1 {
                        self.h1s += 1;
                        self.wrappers += 1;
                    }
                }
                self.depth.heading += 1;
            }
            Kind::List => {
                if emitting {
                    self.w.brk(mode.gap(2), mode.inline_only);
                }
                let start = attrs.start.and_then(|s| s.trim().parse().ok());
                self.lists.push(start.unwrap_or(1));
            }
            Kind::Item | Kind::NoteItem(_) => {
                if emitting {
                    self.w.brk(1, mode.inline_only);
                    if !mode.inline_only {
                        self.w.set_prefix(match kind {
                            Kind::NoteItem(n) => Prefix::Note(n),
                            _ => Prefix::Bullet,
                        });
                    }
                }
                match kind {
                    Kind::NoteItem(_) => self.depth.note_item += 1,
                    _ => self.depth.item += 1,
                }
            }
            Kind::Row => {
                if emitting {
                    self.w.brk(1, mode.inline_only);
                    if !mode.inline_only {
                        self.w.set_prefix(Prefix::Row);
                    }
                }
            }
            Kind::Cell => {
                if emitting {
                    self.w.cell();
                }
                self.depth.cell += 1;
            }
            Kind::Pre => {
                if emitting {
                    self.w.brk(mode.gap(2), mode.inline_only);
                }
                self.depth.pre += 1;
            }
            Kind::Emphasis => self.w.emphasis(false, true),
            Kind::Strong => self.w.emphasis(true, true),
            Kind::Link => {
                if emitting {
                    match attrs.href.and_then(http_url) {
                        Some(url) => self.w.link_open(url),
                        None => self.w.end_link(),
                    }
                }
            }
            Kind::Sup { lenient } => {
                if emitting && self.depth.sup == 0 {
                    self.w.sup_open();
                }
                if lenient {
                    self.w.sup_lenient();
                }
                self.depth.sup += 1;
            }
            Kind::Inline => {}
        }
        if scope {
            self.depth.scope += 1;
        }
        self.stack.push(Open {
            name,
            kind,
            scope,
            held,
        });
    }

    /// Pops every element above index `i`, and `i` itself, ending each.
    fn pop_to(&mut self, i: usize) {
        while self.stack.len() > i {
            match self.stack.pop() {
                Some(e) => self.close(e),
                None => break,
            }
        }
    }

    fn close(&mut self, e: Open<'a>) {
        let d = &mut self.depth;
        if e.scope {
            d.scope = d.scope.saturating_sub(1);
        }
        match e.kind {
            Kind::Drop => d.drop = d.drop.saturating_sub(1),
            Kind::Head => d.head = d.head.saturating_sub(1),
            Kind::Section => d.section = d.section.saturating_sub(1),
            Kind::Heading(_) => d.heading = d.heading.saturating_sub(1),
            Kind::NoteItem(_) => d.note_item = d.note_item.saturating_sub(1),
            Kind::Item => d.item = d.item.saturating_sub(1),
            Kind::Cell => d.cell = d.cell.saturating_sub(1),
            Kind::Pre => d.pre = d.pre.saturating_sub(1),
            Kind::Sup { .. } => d.sup = d.sup.saturating_sub(1),
            Kind::List => {
                self.lists.pop();
            }
            _ => {}
        }
        if let (Kind::Hold(hold), true) = (e.kind, e.held) {
            if let Some(cp) = self.holds.pop() {
                let keep = match hold {
                    Hold::Form => self.wrappers > cp.wrappers,
                    Hold::Banner => self.h1s > cp.h1s,
                };
                if !keep {
                    self.w.rollback(&cp);
                }
            }
        }
        let emitting = self.emitting();
        let mode = self.mode();
        match e.kind {
            Kind::Emphasis => self.w.emphasis(false, false),
            Kind::Strong => self.w.emphasis(true, false),
            Kind::Link => self.w.end_link(),
            Kind::Sup { .. } if self.depth.sup == 0 => self.w.flush_sup(),
            _ if !emitting => {}
            Kind::Hold(_) => self.w.brk(mode.gap(2), mode.inline_only),
            Kind::Block | Kind::Section | Kind::Table | Kind::List | Kind::Pre => {
                self.w.brk(mode.gap(2), mode.inline_only)
            }
            Kind::Heading(_) => {
                if !mode.inline_only {
                    self.w.clear_prefix();
                }
                self.w.brk(mode.gap(2), mode.inline_only);
            }
            Kind::Item | Kind::NoteItem(_) => {
                if !mode.inline_only {
                    self.w.clear_prefix();
                }
                self.w.brk(1, mode.inline_only);
            }
            Kind::Row => {
                if !mode.inline_only {
                    self.w.clear_prefix();
                }
                self.w.brk(1, mode.inline_only);
            }
            _ => {}
        }
    }

    fn finish(mut self) -> String {
        self.pop_to(0);
        let title = self.title.take();
        self.w.finish(title)
    }
}

// ---------------------------------------------------------------------------
// The writer: lines, paragraphs and inline syntax
// ---------------------------------------------------------------------------

/// How text is written where it stands.
#[derive(Clone, Copy, Default)]
struct Mode {
    /// Inside `pre`: a newline ends the line.
    pre: bool,
    /// Inside a heading, table cell or footnote: block boundaries are spaces.
    inline_only: bool,
    /// Inside a list item: block boundaries are line breaks, so the item and
    /// its nested lists stay one tight list.
    in_item: bool,
}

impl Mode {
    /// The break a block boundary makes here (see [`Writer::brk`]).
    fn gap(self, level: u8) -> u8 {
        if self.in_item {
            1
        } else {
            level
        }
    }
}

/// What a line starts with once it gets content.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Prefix {
    Heading(u8),
    Bullet,
    Note(u32),
    /// `| `: a table row, closed by ` |` when its line ends.
    Row,
}

/// An inline style (`*`, `**`) open around the current position.
#[derive(Clone, Copy, Default)]
struct Marker {
    /// Open elements of this style.
    depth: u32,
    /// The opening token is written on the current line.
    written: bool,
}

/// The writer's state apart from the text (cheap to copy for a checkpoint).
#[derive(Clone, Copy, Default)]
struct LineState {
    /// Where the current line starts in the output.
    line_start: usize,
    /// The current line has content.
    line_open: bool,
    /// Newlines (1) or a blank line (2) due before the next content.
    pending_break: u8,
    /// A space due before the next content on this line.
    pending_space: bool,
    prefix: Option<Prefix>,
    /// Table cells started since the last content on this row.
    cell_gaps: u32,
    /// The current line is a table row (`| …`): it ends with ` |`.
    row_line: bool,
    em: Marker,
    strong: Marker,
    /// A `# ` heading has been written.
    h1_written: bool,
}

/// A link whose text is being written.
struct LinkState {
    url: String,
    /// Where its text starts in the output (once it has any).
    start: Option<usize>,
    /// Its text ran over a line break: it stays plain text.
    broken: bool,
}

/// A `<sup>` whose text is held back until its end tag.
#[derive(Default)]
struct SupState {
    text: String,
    lenient: bool,
}

#[derive(Default)]
struct Writer {
    out: String,
    st: LineState,
    link: Option<LinkState>,
    sup: Option<SupState>,
    /// A text `<` followed so far by the start of `sup>` or `http`.
    lt: Option<LtWatch>,
}

/// A text `<` in the output, and how much of the syntax markup.rs would see
/// in it (`<sup>`, `<http…>`) has followed: when all of it has, a `\` goes in
/// before the `<`.
#[derive(Clone, Copy)]
struct LtWatch {
    /// Output position of the `<`.
    at: usize,
    /// The syntax being matched, once the first character chose it.
    syntax: Option<&'static str>,
    /// Characters of it matched right after the `<`.
    matched: usize,
}

impl Writer {
    /// Starts content at the current position: the line (with its break and
    /// prefix), the pending space or cell separator, open styles, a link.
    fn begin(&mut self) {
        let st = &mut self.st;
        if !st.line_open {
            if !self.out.is_empty() {
                self.out.push('\n');
                if st.pending_break >= 2 {
                    self.out.push('\n');
                }
            }
            st.line_start = self.out.len();
            st.line_open = true;
            st.pending_break = 0;
            st.pending_space = false;
            st.cell_gaps = 0;
            match st.prefix.take() {
                Some(Prefix::Heading(level)) => {
                    for _ in 0..level {
                        self.out.push('#');
                    }
                    self.out.push(' ');
                    st.h1_written |= level == 1;
                }
                Some(Prefix::Bullet) => self.out.push_str("- "),
                Some(Prefix::Note(n)) => {
                    self.out.push_str(&format!("<sup>{n}</sup> "));
                }
                Some(Prefix::Row) => {
                    self.out.push_str("| ");
                    st.row_line = true;
                }
                None => {}
            }
        }
        if st.cell_gaps > 0 {
            for _ in 0..st.cell_gaps {
                self.out.push_str(" |");
            }
            st.cell_gaps = 0;
            st.pending_space = true;
        }
        if st.pending_space {
            self.out.push(' ');
            st.pending_space = false;
        }
        if st.strong.depth > 0 && !st.strong.written {
            self.out.push_str("**");
            st.strong.written = true;
        }
        if st.em.depth > 0 && !st.em.written {
            self.out.push('*');
            st.em.written = true;
        }
        if let Some(link) = &mut self.link {
            if link.start.is_none() && !link.broken {
                link.start = Some(self.out.len());
            }
        }
    }

    fn text(&mut self, s: &str, mode: Mode) {
        for c in s.chars() {
            if let Some(sup) = &mut self.sup {
                sup.text.push(c);
            } else if c == '\n' && mode.pre {
                self.line_break(mode.inline_only);
            } else if c.is_whitespace() {
                if self.st.line_open {
                    self.st.pending_space = true;
                }
            } else if c != '\u{AD}' {
                // (A soft hyphen is invisible: it only allows a break.)
                self.put(c);
            }
        }
    }

    /// Writes one visible character of text, escaped for markup.rs.
    fn put(&mut self, c: char) {
        self.begin();
        self.watch_lt(c);
        let at_line_start = self.out.len() == self.st.line_start;
        match c {
            '\\' | '*' | '[' => self.out.push('\\'),
            '#' | '|' if at_line_start => self.out.push('\\'),
            _ => {}
        }
        self.out.push(c);
        if c == '<' {
            self.lt = Some(LtWatch {
                at: self.out.len() - 1,
                syntax: None,
                matched: 0,
            });
        }
    }

    /// Follows a text `<` with the character `c` about to be written right
    /// after what follows it; escapes the `<` once `sup>` or `http` is
    /// complete. Anything else written in between (a space, a marker, a
    /// newline) breaks the syntax, and the watch.
    fn watch_lt(&mut self, c: char) {
        let Some(watch) = self.lt.take() else {
            return;
        };
        if watch.at + 1 + watch.matched != self.out.len() {
            return;
        }
        let syntax = watch.syntax.or(match c {
            's' => Some("sup>"),
            'h' => Some("http"),
            _ => None,
        });
        let Some(syntax) = syntax else {
            return;
        };
        if !syntax
            .get(watch.matched..)
            .is_some_and(|rest| rest.starts_with(c))
        {
            return;
        }
        if watch.matched + 1 < syntax.len() {
            self.lt = Some(LtWatch {
                syntax: Some(syntax),
                matched: watch.matched + 1,
                ..watch
            });
            return;
        }
        if self.out.as_bytes().get(watch.at) == Some(&b'<') {
            self.out.insert(watch.at, '\\');
            if let Some(start) = self.link.as_mut().and_then(|l| l.start.as_mut()) {
                if *start > watch.at {
                    *start += 1;
                }
            }
        }
    }

    /// Writes markup of our own (`<sup>3</sup>`), unescaped.
    fn token(&mut self, token: &str) {
        self.begin();
        self.out.push_str(token);
        self.lt = None;
    }

    /// Ends the current line: open styles are closed on it (and reopened on
    /// the next line with content), an open link stays plain text.
    fn end_line(&mut self) {
        let st = &mut self.st;
        if st.em.written {
            self.out.push('*');
            st.em.written = false;
        }
        if st.strong.written {
            self.out.push_str("**");
            st.strong.written = false;
        }
        if st.row_line {
            self.out.push_str(" |");
            st.row_line = false;
        }
        if let Some(link) = &mut self.link {
            if link.start.is_some() {
                link.broken = true;
            }
        }
        st.line_open = false;
        st.pending_space = false;
        st.cell_gaps = 0;
    }

    /// A block boundary: a line break (1) or a blank line (2) before the
    /// next content, or a space where blocks are inline.
    fn brk(&mut self, level: u8, inline_only: bool) {
        self.flush_sup();
        if inline_only {
            self.st.pending_space |= self.st.line_open;
            return;
        }
        if self.st.line_open {
            self.end_line();
            self.st.pending_break = level;
        } else if self.st.prefix.is_none() {
            // (A block opening a list item, `<li><p>`, keeps the item's line.)
            self.st.pending_break = self.st.pending_break.max(level);
        }
    }

    /// `<br>`: ends the line; on an empty line it makes a paragraph break.
    fn line_break(&mut self, inline_only: bool) {
        self.flush_sup();
        if inline_only {
            self.st.pending_space |= self.st.line_open;
        } else if self.st.line_open {
            self.end_line();
            self.st.pending_break = 1;
        } else if self.st.prefix.is_none() && !self.out.is_empty() {
            self.st.pending_break = 2;
        }
    }

    fn set_prefix(&mut self, prefix: Prefix) {
        if !self.st.line_open {
            self.st.prefix = Some(prefix);
        }
    }

    /// An element that set a prefix ended without content.
    fn clear_prefix(&mut self) {
        if !self.st.line_open {
            self.st.prefix = None;
        }
    }

    /// A table cell starts: a ` | ` before its content, if the row has some.
    fn cell(&mut self) {
        self.flush_sup();
        if self.st.line_open {
            self.st.cell_gaps = self.st.cell_gaps.saturating_add(1);
        }
    }

    fn emphasis(&mut self, strong: bool, open: bool) {
        let (marker, token) = if strong {
            (&mut self.st.strong, "**")
        } else {
            (&mut self.st.em, "*")
        };
        if open {
            marker.depth = marker.depth.saturating_add(1);
        } else {
            marker.depth = marker.depth.saturating_sub(1);
            if marker.depth == 0 && marker.written {
                self.out.push_str(token);
                marker.written = false;
            }
        }
    }

    fn link_open(&mut self, url: String) {
        self.end_link();
        self.link = Some(LinkState {
            url,
            start: None,
            broken: false,
        });
    }

    /// Ends the open link: `[text](url)` when its text is one line without
    /// brackets, else the text alone.
    fn end_link(&mut self) {
        let Some(link) = self.link.take() else {
            return;
        };
        let Some(start) = link.start else {
            return;
        };
        let Some(label) = self.out.get(start..) else {
            return;
        };
        if link.broken || label.is_empty() || label.contains(['[', ']']) {
            return;
        }
        self.out.insert(start, '[');
        self.out.push_str("](");
        self.out.push_str(&link.url);
        self.out.push(')');
        self.lt = None;
    }

    fn sup_open(&mut self) {
        if self.sup.is_none() {
            self.sup = Some(SupState::default());
        }
    }

    fn sup_lenient(&mut self) {
        if let Some(sup) = &mut self.sup {
            sup.lenient = true;
        }
    }

    /// Ends a held-back `<sup>`: digits become a `<sup>N</sup>` marker,
    /// anything else is written as text.
    fn flush_sup(&mut self) {
        let Some(sup) = self.sup.take() else {
            return;
        };
        let t = sup.text.trim();
        let t = match t.strip_prefix('[').and_then(|x| x.strip_suffix(']')) {
            Some(inner) if sup.lenient => inner.trim(),
            _ => t,
        };
        if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
            let repeats_item = !self.st.line_open
                && matches!(self.st.prefix, Some(Prefix::Note(n)) if t.parse() == Ok(n));
            if !repeats_item {
                self.token(&format!("<sup>{t}</sup>"));
            }
        } else {
            self.text(&sup.text, Mode::default());
        }
    }

    fn rollback(&mut self, cp: &Checkpoint) {
        if self.out.is_char_boundary(cp.out_len) {
            self.out.truncate(cp.out_len);
        }
        self.st = cp.state;
        self.link = None;
        self.sup = None;
        self.lt = None;
    }

    fn finish(mut self, title: Option<String>) -> String {
        self.flush_sup();
        self.end_link();
        if self.st.line_open {
            self.end_line();
        }
        let mut heading = Writer::default();
        if let Some(title) = title.filter(|_| !self.st.h1_written) {
            heading.set_prefix(Prefix::Heading(1));
            heading.text(&title, Mode::default());
            heading.end_line();
        }
        let mut text = match (heading.out.is_empty(), self.out.is_empty()) {
            (true, _) => self.out,
            (false, true) => heading.out,
            (false, false) => format!("{}\n\n{}", heading.out, self.out),
        };
        if !text.is_empty() {
            text.push('\n');
        }
        text
    }
}
