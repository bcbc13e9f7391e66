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
//!   table row is one line with its cells separated by ` | ` (not tabs: the
//!   cleaner folds tabs into spaces, and ` | ` survives its reflow). Inside a
//!   list item, block boundaries are line breaks (a tight list); inside a
//!   heading, a table cell or a footnote, they are spaces.
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
//!   Markdown way, which markup.rs undoes: `\`, `*` and `[` always, `#` at
//!   the start of a line, and `<` when `sup>` or `http` follows it. So
//!   `&lt;script&gt;` reaches the reader as the characters `<script>`.

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
            Kind::Row => self.w.brk(1, mode.inline_only),
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
            '#' if at_line_start => self.out.push('\\'),
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

// ---------------------------------------------------------------------------
// Character references
// ---------------------------------------------------------------------------

/// Latin-1 names, U+00A0 to U+00FF in order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// Other names: XML's five, and the punctuation and letters of policy papers.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("AMP", '&'),
    ("lt", '<'),
    ("LT", '<'),
    ("gt", '>'),
    ("GT", '>'),
    ("quot", '"'),
    ("QUOT", '"'),
    ("apos", '\''),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("fnof", 'ƒ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("bull", '•'),
    ("hellip", '…'),
    ("permil", '‰'),
    ("prime", '′'),
    ("Prime", '″'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("oline", '‾'),
    ("frasl", '⁄'),
    ("euro", '€'),
    ("trade", '™'),
    ("numero", '№'),
    ("minus", '−'),
    ("larr", '←'),
    ("uarr", '↑'),
    ("rarr", '→'),
    ("darr", '↓'),
    ("harr", '↔'),
];

/// Windows-1252 for the C1 range, as HTML decodes `&#150;` (→ `–`).
const WINDOWS_1252: [u32; 32] = [
    0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039,
    0x152, 0x8D, 0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC,
    0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178,
];

/// Appends `s` to `out` with character references decoded.
fn decode_entities(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        let tail = &rest[k..];
        match reference(tail) {
            Some((c, len)) => {
                out.push(c);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
}

/// The character of the reference `tail` starts with, and its length.
fn reference(tail: &str) -> Option<(char, usize)> {
    let b = tail.as_bytes();
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let digits_at = if hex { 3 } else { 2 };
        let radix = if hex { 16 } else { 10 };
        let digits = b[digits_at.min(b.len())..]
            .iter()
            .take_while(|c| char::from(**c).is_digit(radix))
            .count();
        if digits == 0 {
            return None;
        }
        let mut value: u32 = 0;
        for &c in &b[digits_at..digits_at + digits] {
            let d = char::from(c).to_digit(radix).unwrap_or(0);
            value = value.saturating_mul(radix).saturating_add(d).min(0x11_0000);
        }
        let mut len = digits_at + digits;
        if b.get(len) == Some(&b';') {
            len += 1;
        }
        return Some((code_point(value), len));
    }
    let name_len = b[1..]
        .iter()
        .take(32)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || b.get(1 + name_len) != Some(&b';') {
        return None;
    }
    let name = &tail[1..1 + name_len];
    let c = if name == "nbsp" {
        ' '
    } else if let Some(i) = LATIN1.iter().position(|n| *n == name) {
        char::from_u32(0xA0 + i as u32)?
    } else {
        NAMED.iter().find(|(n, _)| *n == name)?.1
    };
    Some((c, name_len + 2))
}

/// The character of a numeric reference, as HTML decodes it.
fn code_point(value: u32) -> char {
    let value = match value {
        0x80..=0x9F => WINDOWS_1252[(value - 0x80) as usize],
        v => v,
    };
    match value {
        0 => '\u{FFFD}',
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `(what, html, text)`: each rule on the smallest page that shows it.
    fn check(cases: &[(&str, &str, &str)]) {
        for (what, html, want) in cases {
            assert_eq!(html_to_text(html), *want, "{what}: {html}");
        }
    }

    #[test]
    fn chrome_and_code_are_dropped_with_their_content() {
        check(&[
            (
                "script and style",
                "<p>Gas<script>document.write('<p>x</p>')</script> flows.</p><style>p{color:red}</style>",
                "Gas flows.\n",
            ),
            (
                "end tag in any case, with attributes",
                "<SCRIPT type=module>if (a</b) {}</ScRiPt >After",
                "After\n",
            ),
            (
                "each dropped element",
                "<nav>Home</nav><aside>Cookies?</aside><footer>© Site</footer><form>Search</form>\
                 <button>OK</button><select><option>RU</select><template><p>T</template>\
                 <svg><title>icon</title><text>Chart</text></svg><iframe>frame</iframe>\
                 <object>plugin</object><noscript>Enable JS</noscript><p>Body.</p>",
                "Body.\n",
            ),
            (
                "comments, doctype, CDATA, processing instructions",
                "<!DOCTYPE html><?xml version=\"1.0\"?><!-- a <p>comment</p> --><![CDATA[data]]><p>Text<!---->.</p>",
                "Text.\n",
            ),
            (
                "a nested dropped element",
                "<nav><ul><li>Menu<nav>Sub</nav></li></ul>More menu</nav><p>Body.</p>",
                "Body.\n",
            ),
            (
                "an unclosed nav ends with its parent",
                "<div><nav>Menu</div><p>Body.</p>",
                "Body.\n",
            ),
            (
                "hidden and landmark roles",
                "<div hidden>Old</div><div role=\"navigation\">Menu</div><div role=contentinfo>©</div><p>Body.</p>",
                "Body.\n",
            ),
        ]);
    }

    #[test]
    fn the_title_heads_the_text_only_without_an_h1() {
        check(&[
            (
                "no h1",
                "<html><head><title>Pacific  Pipelines &amp; Ports</title><meta charset=utf-8></head><body><p>Text.</p></body></html>",
                "# Pacific Pipelines & Ports\n\nText.\n",
            ),
            (
                "an h1",
                "<head><title>Site | Paper</title></head><h1>The Paper</h1><p>Text.</p>",
                "# The Paper\n\nText.\n",
            ),
            (
                "an empty h1 (a logo) does not count",
                "<title>Paper</title><h1><img src=logo.png></h1><p>Text.</p>",
                "# Paper\n\nText.\n",
            ),
            (
                "a head without </head> ends at the first body tag",
                "<head><title>T</title><p>Text.",
                "# T\n\nText.\n",
            ),
            ("only a title", "<title>Alone</title>", "# Alone\n"),
            ("an svg title is not the page's", "<svg><title>icon</title></svg><p>Text.</p>", "Text.\n"),
        ]);
    }

    #[test]
    fn held_elements_stay_only_when_they_hold_the_page() {
        check(&[
            (
                "ASP.NET wraps the page in a form",
                "<form id=aspnetForm><div><h1>Paper</h1><p>Text.</p></div></form>",
                "# Paper\n\nText.\n",
            ),
            (
                "a search form is chrome",
                "<p>Before.</p><form><label>Search</label><input name=q></form><p>After.</p>",
                "Before.\n\nAfter.\n",
            ),
            (
                "a site banner is chrome",
                "<header><div class=logo>Valdai Club</div></header><article><h2>Paper</h2></article>",
                "## Paper\n",
            ),
            (
                "an article's header is content",
                "<article><header><p>By A. Author</p></header><p>Text.</p></article>",
                "By A. Author\n\nText.\n",
            ),
            (
                "a banner with the page's h1 is content",
                "<header><h1>Paper</h1></header><p>Text.</p>",
                "# Paper\n\nText.\n",
            ),
        ]);
    }

    #[test]
    fn blocks_become_lines_and_paragraphs() {
        check(&[
            (
                "paragraphs and divs",
                "<div><p>One.</p><p>Two.</p></div><div>Three.</div>Four.",
                "One.\n\nTwo.\n\nThree.\n\nFour.\n",
            ),
            (
                "an unclosed p ends at the next block",
                "<p>One.<p>Two.<blockquote>Quoted.</blockquote>",
                "One.\n\nTwo.\n\nQuoted.\n",
            ),
            (
                "headings",
                "<h1>Title</h1><h2>Section <em></em></h2><h3>Sub<br>title</h3><h6>Six</h6><h4></h4>",
                "# Title\n\n## Section\n\n### Sub title\n\n###### Six\n",
            ),
            (
                "lists",
                "<p>Vectors:</p><ul><li>trade;</li><li><p>a zone;</p></li><li>ports<ol><li>Vanino</li></ol></li></ul><p>Next.</p>",
                "Vectors:\n\n- trade;\n- a zone;\n- ports\n- Vanino\n\nNext.\n",
            ),
            (
                "list items without end tags",
                "<ol><li>one<li>two</ol>",
                "- one\n- two\n",
            ),
            (
                "br is a line break, two are a paragraph break",
                "<p>Line one<br>line two<br/><br />New paragraph</p>",
                "Line one\nline two\n\nNew paragraph\n",
            ),
            ("hr", "<p>A.</p><hr><p>B.</p>", "A.\n\nB.\n"),
            (
                "tables: a row per line, cells by |",
                "<table><caption>Trade</caption><tr><th>Year<th>Exports</tr><tr><td>2010</td><td></td><td>5</td></tr><tr><td><p>a</p><p>b</p></td></tr></table>",
                "Trade\n\nYear | Exports\n2010 | | 5\na b\n",
            ),
            (
                "definition lists, figures",
                "<dl><dt>ESPO<dd>a pipeline</dl><figure><img src=x><figcaption>Figure 1</figcaption></figure>",
                "ESPO\n\na pipeline\n\nFigure 1\n",
            ),
            (
                "pre keeps its lines",
                "<pre>\nline  one\n   indented\n\n\n\nafter gap\n</pre><p>x  y</p>",
                "line one\nindented\n\nafter gap\n\nx y\n",
            ),
        ]);
    }

    #[test]
    fn inline_elements_keep_their_text_and_their_meaning() {
        check(&[
            (
                "spans vanish",
                "<p>The <span class=x>Far</span> <abbr>East</abbr><small>ern</small> region</p>",
                "The Far Eastern region\n",
            ),
            (
                "emphasis and strong, spaces outside the markers",
                "<p><strong>Abstract. </strong>The <i>Vedomosti</i>, <b><em>both</em></b>.</p>",
                "**Abstract.** The *Vedomosti*, ***both***.\n",
            ),
            (
                "emphasis over a line break closes and reopens",
                "<p><em>one<br>two</em></p>",
                "*one*\n*two*\n",
            ),
            (
                "http(s) links",
                "<p>See <a title=\"a>b\" href=\"https://valdaiclub.com/a/(x) y\">the report</a>.</p>",
                "See [the report](https://valdaiclub.com/a/%28x%29%20y).\n",
            ),
            (
                "other links keep only their text",
                "<p><a href=\"javascript:alert(1)\">click</a> <a href=/local>local</a> <a href=#top>top</a> <a href='HTTP://X.ORG'>x</a></p>",
                "click local top [x](HTTP://X.ORG)\n",
            ),
            (
                "a link over two lines, or with brackets, stays text",
                "<a href=http://a.b>one<br>two</a> <a href=http://a.b>[1]</a>",
                "one\ntwo \\[1]\n",
            ),
            (
                "entities in href",
                "<a href=\"https://x.org/?a=1&amp;b=2\">q</a>",
                "[q](https://x.org/?a=1&b=2)\n",
            ),
        ]);
    }

    #[test]
    fn sup_digits_stay_note_markers() {
        check(&[
            (
                "a note marker",
                "<p>amounted to $2.1bn.<sup>4</sup> The</p>",
                "amounted to $2.1bn.<sup>4</sup> The\n",
            ),
            (
                "other sup keeps its text",
                "<p>the 5<sup>th</sup> plan, 10<sup>x</sup></p>",
                "the 5th plan, 10x\n",
            ),
            (
                "a marker inside a footnote-ref link",
                "<p>gas.<a href=\"#fn1\" class=footnote-ref id=fnref1><sup>1</sup></a></p>",
                "gas.<sup>1</sup>\n",
            ),
            (
                "a link to a footnote is a marker",
                "<p>gas.<a href=\"#footnote-2\">[2]</a></p>",
                "gas.<sup>2</sup>\n",
            ),
            (
                "a link to a note with words is text",
                "<p>see <a href=#note3>note 3</a></p>",
                "see note 3\n",
            ),
        ]);
    }

    #[test]
    fn footnote_lists_become_note_lines() {
        check(&[
            (
                "pandoc",
                "<section class=\"footnotes\" role=\"doc-endnotes\"><hr><ol><li id=\"fn1\"><p>Kulagin V. <em>Vedomosti</em>.<a href=\"#fnref1\" class=\"footnote-back\" role=\"doc-backlink\">↩︎</a></p></li><li id=\"fn2\"><p>Ibid.</p><p>Second paragraph.</p></li></ol></section>",
                "<sup>1</sup> Kulagin V. *Vedomosti*.\n<sup>2</sup> Ibid. Second paragraph.\n",
            ),
            (
                "ids name the notes",
                "<ol><li id=\"fn:3\">Three.</li><li id=\"user-content-fn-7\">Seven. <a href=\"#user-content-fnref-7\">↩</a></li></ol>",
                "<sup>3</sup> Three.\n<sup>7</sup> Seven.\n",
            ),
            (
                "an ol with a footnotes class counts from start",
                "<ol class=\"footnotes\" start=\"4\"><li>Four.</li><li><sup>5</sup> Five.</li><li value=9>Nine.</li></ol>",
                "<sup>4</sup> Four.\n<sup>5</sup> Five.\n<sup>9</sup> Nine.\n",
            ),
            (
                "Word-style paragraphs",
                "<div id=\"ftn1\"><p><a href=\"#_ftnref1\">[1]</a> Word note.</p></div>",
                "<sup>1</sup> Word note.\n",
            ),
            (
                "a footnotes aside is kept",
                "<aside class=\"footnotes\"><ol><li>Kept.</li></ol></aside><aside>Cookies</aside>",
                "<sup>1</sup> Kept.\n",
            ),
            (
                "an ordinary ol is a list",
                "<ol><li>First.</li></ol><ul class=\"footnotes-enabled\"><li>Not a note.</li></ul>",
                "- First.\n\n- Not a note.\n",
            ),
        ]);
    }

    #[test]
    fn whitespace_collapses_and_lines_are_trimmed() {
        check(&[
            (
                "runs of spaces, tabs and newlines",
                "\n\n  <p>\n  Russia's   Far\tEast\n  and  Asia \n</p>\n\n\n<p>  Next  </p>  \n",
                "Russia's Far East and Asia\n\nNext\n",
            ),
            ("nothing", "", ""),
            ("only markup", "<html><body><div> </div></body></html>", ""),
            (
                "no blank-line runs",
                "<p>a</p><div></div><p></p><br><br><br><p>b</p>",
                "a\n\nb\n",
            ),
        ]);
    }

    #[test]
    fn character_references_are_decoded() {
        check(&[
            (
                "the XML five and nbsp",
                "<p>&amp; &lt; &gt; &quot; &apos; &#39; a&nbsp;&nbsp;b</p>",
                "& < > \" ' ' a b\n",
            ),
            (
                "numbers",
                "<p>&#1052;&#x438;&#X43D; &#8212; &#150; &#0; &#xD800; &#x110000; &#99999999999999;</p>",
                "Мин — – \u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD}\n",
            ),
            (
                "typography of policy papers",
                "<p>&mdash;&ndash;&hellip;&lsquo;&rsquo;&ldquo;&rdquo;&laquo;&raquo;&copy;&deg;&times;&euro;&pound;&yen;&numero;&eacute;</p>",
                "—–…‘’“”«»©°×€£¥№é\n",
            ),
            (
                "unknown or unterminated names stay as written",
                "<p>&foo; &amp AT&T &#; &#x; & x</p>",
                "&foo; &amp AT&T &#; &#x; & x\n",
            ),
            ("soft hyphens vanish", "<p>Kha&shy;ba&shy;rovsk</p>", "Khabarovsk\n"),
        ]);
    }

    #[test]
    fn decoded_text_stays_text() {
        check(&[
            (
                "escaped tags are characters",
                "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;x&lt;/b&gt;</p>",
                "<script>alert(1)</script> <b>x</b>\n",
            ),
            (
                "markup syntax in text is escaped for markup.rs",
                "<p>5 * 3, a\\b, [x](http://y), &lt;sup&gt;1&lt;/sup&gt;, &lt;https://z&gt;</p><p># not a heading</p>",
                "5 \\* 3, a\\\\b, \\[x](http://y), \\<sup>1</sup>, \\<https://z>\n\n\\# not a heading\n",
            ),
            ("a literal < is text", "<p>a < b and 1 <3 and x<</p>", "a < b and 1 <3 and x<\n"),
            (
                "an escaped < next to a tag",
                "<p>&lt;<span>sup>1</span></p>",
                "\\<sup>1\n",
            ),
            (
                "other escaped tags need no backslash",
                "<p>&lt;s&gt; &lt;strong&gt; &lt;h1&gt; &lt; sup&gt;</p>",
                "<s> <strong> <h1> < sup>\n",
            ),
            (
                "title text is text",
                "<title>&lt;script&gt; <b>and</b></title>",
                "# <script> <b>and</b>\n",
            ),
        ]);
        // What the reader will see: markup.rs undoes the escapes.
        for (html, shown) in [
            (
                "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
                "<script>alert(1)</script>",
            ),
            ("<p>5 * 3 = 15, a\\b</p>", "5 * 3 = 15, a\\b"),
            (
                "<p>&lt;sup&gt;1&lt;/sup&gt; and [x](http://y)</p>",
                "<sup>1</sup> and [x](http://y)",
            ),
        ] {
            let doc = crate::clean::clean(&html_to_text(html));
            assert_eq!(doc.blocks[0].text, shown, "{html}");
            assert!(doc.blocks[0].notes.is_empty(), "{html}");
        }
    }

    #[test]
    fn broken_markup_never_panics_and_ends_where_it_must() {
        check(&[
            ("truncated tag", "<p>Text.</p><a href=\"http://x", "Text.\n"),
            ("truncated end tag", "<p>Text.</p></p", "Text.\n"),
            ("unclosed comment", "<p>Text.</p><!-- the rest", "Text.\n"),
            (
                "unclosed script",
                "<p>Text.</p><script>var a = '</p><p>x'",
                "Text.\n",
            ),
            ("stray < at the end", "<p>Text.</p><", "Text.\n\n<\n"),
            ("stray </ at the end", "Text </", "Text </\n"),
            (
                "quoted > in an attribute",
                "<p title='1 > 0'>Text.</p>",
                "Text.\n",
            ),
            // (`<` and a non-ASCII letter is text in HTML; `</` and one a bogus comment.)
            (
                "non-ASCII tag and attribute names",
                "<р>Текст</р><p дата=\"1\">Да</p>",
                "<р>Текст\n\nДа\n",
            ),
            (
                "misnested inline",
                "<p><b>bold <i>both</b> italic</i></p>",
                "**bold *both*** italic\n",
            ),
            ("empty end tag", "a</>b", "ab\n"),
            ("bogus end tag", "a</ b>c", "ac\n"),
        ]);
    }

    /// A saved page, as a reader would drop it into the app.
    const SAVED_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8"><title>Pipelines to the Pacific | Example Institute</title>
<link rel="stylesheet" href="site.css"><script>window.dataLayer = [];</script>
</head><body>
<header class="site-header"><a class="logo" href="/">Example Institute</a>
<nav><ul><li><a href="/">Home</a></li><li><a href="/papers">Papers</a></li></ul></nav></header>
<main><article>
<h1>Pipelines to the Pacific</h1>
<p class="byline">By <a href="/people/ivanov">I. Ivanov</a>, 12&nbsp;March&nbsp;2024</p>
<h2>Introduction</h2>
<p>Russia&rsquo;s Far East exports gas to <em>Japan</em> and
   China through the ESPO system.<sup>1</sup> Capacity grew by
   a third.<a href="#fn2" class="footnote-ref"><sup>2</sup></a></p>
<ul><li>Sakhalin&nbsp;LNG;</li><li>the Power of Siberia.</li></ul>
<h2>Conclusions</h2>
<p>The &laquo;pivot to the East&raquo; continues. See
   <a href="https://example.org/report">the full report</a>.</p>
</article>
<section class="footnotes"><ol>
<li id="fn1">Transneft annual report, 2023.</li>
<li id="fn2"><p>Ministry of Energy data. <a href="#fnref2">&#8617;</a></p></li>
</ol></section></main>
<aside class="cookie-banner"><p>We use cookies.</p><button>Accept</button></aside>
<footer><p>&copy; 2024 Example Institute</p></footer>
<script>trackPageView();</script>
</body></html>"##;

    #[test]
    fn a_saved_page_becomes_seed_text() {
        assert_eq!(
            html_to_text(SAVED_PAGE),
            "# Pipelines to the Pacific\n\n\
             By I. Ivanov, 12 March 2024\n\n\
             ## Introduction\n\n\
             Russia’s Far East exports gas to *Japan* and China through the ESPO system.<sup>1</sup> Capacity grew by a third.<sup>2</sup>\n\n\
             - Sakhalin LNG;\n\
             - the Power of Siberia.\n\n\
             ## Conclusions\n\n\
             The «pivot to the East» continues. See [the full report](https://example.org/report).\n\n\
             <sup>1</sup> Transneft annual report, 2023.\n\
             <sup>2</sup> Ministry of Energy data.\n"
        );
    }

    #[test]
    fn a_saved_page_cleans_like_a_markdown_seed() {
        use crate::model::{BlockKind, SpanKind};
        let doc = crate::clean::clean(&html_to_text(SAVED_PAGE));
        let blocks: Vec<(&str, &str)> = doc
            .blocks
            .iter()
            .map(|b| (b.kind.name(), b.text.as_str()))
            .collect();
        assert_eq!(
            blocks,
            vec![
                ("heading", "Pipelines to the Pacific"),
                ("paragraph", "By I. Ivanov, 12 March 2024"),
                ("heading", "Introduction"),
                ("paragraph", "Russia’s Far East exports gas to Japan and China through the ESPO system. Capacity grew by a third."),
                ("list-item", "Sakhalin LNG;"),
                ("list-item", "the Power of Siberia."),
                ("heading", "Conclusions"),
                ("paragraph", "The «pivot to the East» continues. See the full report."),
            ]
        );
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading { level: 1 });
        assert_eq!(doc.blocks[3].notes, vec![1, 2]);
        assert!(doc.blocks[3]
            .spans
            .iter()
            .any(|s| s.kind == SpanKind::Emphasis));
        assert!(doc.blocks[7].spans.iter().any(|s| s.kind
            == SpanKind::Link {
                url: "https://example.org/report".into()
            }));
        let notes: Vec<(u32, &str, bool)> = doc
            .notes
            .iter()
            .map(|n| (n.n, n.text.as_str(), n.missing))
            .collect();
        assert_eq!(
            notes,
            vec![
                (1, "Transneft annual report, 2023.", false),
                (2, "Ministry of Energy data.", false)
            ]
        );
    }

    #[test]
    fn megabytes_of_tag_soup_take_linear_time() {
        // Each shape once made a naive scanner rescan: deep unclosed nesting
        // with mismatched end tags, an unterminated attribute, an unclosed
        // comment, a script without end, many forms and links.
        let n = 100_000;
        let shapes = [
            "<div><span><b>x".repeat(n) + &"</i></p></td>".repeat(n),
            "<p>".to_string() + &"<a href=\"http://x.org/\">link</a> ".repeat(n),
            "<ol class=footnotes>".to_string() + &"<li>note<sup>1</sup>".repeat(n),
            "<form><h1>x</h1>".repeat(n),
            format!("<p>start<a title=\"{}", "x>".repeat(n)),
            format!("<p>start<!--{}", "<p>x</p>".repeat(n)),
            format!("<script>{}", "</scrip></p>".repeat(n)),
            "&#x41;&amp;&lt;".repeat(n),
            "<table><tr>".to_string() + &"<td>c".repeat(n),
        ];
        for html in &shapes {
            let out = html_to_text(html);
            assert!(out.len() <= 6 * html.len() + 8, "{}", &html[..40]);
        }
    }

    /// Pieces of markup that interact: quotes, comments, raw text, entities.
    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<div class=\"footnotes\">",
        "</div>",
        "<script>",
        "</script>",
        "<SCRIPT ",
        "<style>",
        "</style",
        "<!--",
        "-->",
        "<!",
        "<?",
        "</",
        "<",
        ">",
        "/>",
        "\"",
        "'",
        "=",
        " ",
        "\n",
        "<a href=",
        "http://x.org/",
        "javascript:x()",
        "</a>",
        "<sup>",
        "</sup>",
        "1",
        "<b>",
        "</b>",
        "<em>",
        "<li id=fn1>",
        "<ol>",
        "</ol>",
        "<h1>",
        "<h3>",
        "</h1>",
        "<br>",
        "<pre>",
        "</pre>",
        "<td>",
        "<tr>",
        "<form>",
        "</form>",
        "<header>",
        "<nav>",
        "</nav>",
        "<title>",
        "</title>",
        "<head>",
        "<textarea>",
        "&lt;",
        "&#x3c;",
        "&amp;",
        "&",
        "#",
        "*",
        "[",
        "\\",
        "script",
        "Текст",
        "é",
        "中",
        "\u{AD}",
        "\r",
        "\t",
    ];

    fn soup_of(pieces: Vec<&'static str>) -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(pieces), 0..60).prop_map(|v| v.concat())
    }

    fn soup() -> impl Strategy<Value = String> {
        soup_of(PIECES.to_vec())
    }

    /// The pieces in which every `<` starts markup and nothing is decoded.
    /// (Title text is RCDATA: `<title><script` is text, shown as text.)
    fn markup_soup() -> impl Strategy<Value = String> {
        let markup = |p: &&str| *p != "<" && !p.contains('&') && !p.contains("<title");
        soup_of(PIECES.iter().copied().filter(markup).collect())
    }

    /// Markup that closes everything it opens: no raw text, comment or
    /// attribute value left open, so what follows it is markup again.
    fn closed_soup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("<p>"),
            Just("</p>"),
            Just("<div class=footnotes>"),
            Just("</div>"),
            Just("<b>"),
            Just("</b>"),
            Just("<nav>"),
            Just("</nav>"),
            Just("<form>"),
            Just("</form>"),
            Just("<header>"),
            Just("<h1>"),
            Just("</h1>"),
            Just("<!-- c -->"),
            Just("<br/>"),
            Just("<a href=\"http://x.org/\">"),
            Just("</a>"),
            Just("<li id=fn1>"),
            Just("<sup>"),
            Just("</sup>"),
            Just("<pre>"),
            Just("<td>"),
            Just("<style>p{}</style>"),
            Just("text"),
            Just("&lt;"),
            Just("&amp;"),
            Just(" "),
            Just("<head>"),
            Just("<title>t</title>"),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    fn well_formed_output(out: &str) {
        assert!(out.is_empty() || (out.ends_with('\n') && !out.ends_with("\n\n")));
        assert!(!out.contains("\n\n\n"));
        for line in out.lines() {
            assert_eq!(line, line.trim(), "untrimmed line {line:?}");
        }
    }

    proptest! {
        #[test]
        fn any_text_converts_without_panic(html in any::<String>()) {
            let out = html_to_text(&html);
            prop_assert!(out.len() <= 6 * html.len() + 8);
            well_formed_output(&out);
        }

        #[test]
        fn tag_soup_converts_without_panic(html in soup()) {
            let out = html_to_text(&html);
            prop_assert!(out.len() <= 6 * html.len() + 8);
            well_formed_output(&out);
        }

        #[test]
        fn no_script_tag_comes_out_of_markup(html in markup_soup()) {
            // Without character references, and with every `<` starting
            // markup, no `<` in the output can be text: so no `<script`.
            let out = html_to_text(&html).to_ascii_lowercase();
            prop_assert!(!out.contains("<script"), "{out:?}");
        }

        #[test]
        fn script_content_never_shows(before in closed_soup(), after in soup()) {
            // After any markup that is closed, a script is code, whatever follows.
            let html = format!("{before}<script>SECRET('<p>')</script>{after}");
            let out = html_to_text(&html);
            prop_assert!(!out.contains("SECRET"), "{out:?}");
        }
    }
}
