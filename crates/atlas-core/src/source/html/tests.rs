//! The HTML stage, rule by rule on the smallest page that shows each,
//! a saved page through the cleaner, and properties for any input.

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
            "tables: a row per line, as a Markdown pipe row",
            "<table><caption>Trade</caption><tr><th>Year<th>Exports</tr><tr><td>2010</td><td></td><td>5</td></tr><tr><td><p>a</p><p>b</p></td></tr></table>",
            "Trade\n\n| Year | Exports |\n| 2010 | | 5 |\n| a b |\n",
        ),
        (
            "an empty row writes nothing",
            "<table><tr><td>x</td></tr><tr></tr><tr><td></td></tr></table>",
            "| x |\n",
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
        (
            "a paragraph shaped like a table row is escaped",
            "<p>| not a row |</p>",
            "\\| not a row |\n",
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

/// A cleaned document as `(block kind, block text)` pairs, to compare whole.
fn kinds_and_texts(doc: &crate::clean::CleanDoc) -> Vec<(&'static str, &str)> {
    doc.blocks
        .iter()
        .map(|b| (b.kind.name(), b.text.as_str()))
        .collect()
}

#[test]
fn a_saved_page_cleans_like_a_markdown_seed() {
    use crate::model::{BlockKind, SpanKind};
    let doc = crate::clean::clean(&html_to_text(SAVED_PAGE));
    let blocks = kinds_and_texts(&doc);
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

/// Regression: a table's rows were written as ` | `-joined lines, which
/// the cleaner's reflow joined into one paragraph (and then read the `.1`
/// of `5.1` in the next row as a note marker). Each row must stay a block.
#[test]
fn a_table_keeps_a_block_per_row() {
    let html = "<h1>Trade with China</h1><p>Trade grew fast.</p>\
        <table><caption>Table 1. Trade by year</caption>\
        <tr><th>Year</th><th>Exports</th><th>Imports</th></tr>\
        <tr><td>2010</td><td>5.1</td><td>4.0</td></tr>\
        <tr><td>2011</td><td>6.2</td><td></td></tr>\
        <tr><td>oil and gas</td><td>3</td><td>1</td></tr></table>\
        <p>After the table.</p>";
    let doc = crate::clean::clean(&html_to_text(html));
    let blocks = kinds_and_texts(&doc);
    assert_eq!(
        blocks,
        vec![
            ("heading", "Trade with China"),
            ("paragraph", "Trade grew fast."),
            ("paragraph", "Table 1. Trade by year"),
            ("paragraph", "Year | Exports | Imports"),
            ("paragraph", "2010 | 5.1 | 4.0"),
            ("paragraph", "2011 | 6.2"),
            ("paragraph", "oil and gas | 3 | 1"),
            ("paragraph", "After the table."),
        ]
    );
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
    // What the escape keeps apart: a paragraph that only looks like a row.
    let doc = crate::clean::clean(&html_to_text("<p>| not a row |</p>"));
    assert_eq!(doc.blocks[0].text, "| not a row |");
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
