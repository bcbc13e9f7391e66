//! The reader: one document's metadata and clean text.

use crate::components::doc_meta::{language_name, DocMeta, LanguageBadges};
use crate::route::Route;
use atlas_core::model::{Block, BlockKind, Document};
use leptos::prelude::*;

/// Shows document `id`, scrolled to `block` if given.
#[component]
pub fn Reader(id: String, block: Option<u32>) -> impl IntoView {
    let corpus = match crate::corpus::corpus() {
        Ok(c) => c,
        Err(e) => {
            return view! { <crate::pages::library::CorpusError message=e.to_string() /> }
                .into_any()
        }
    };
    let Some(doc) = corpus.document(&id) else {
        crate::components::set_title("Document not found");
        return view! {
            <section class="not-found" data-testid="doc-not-found">
                <h1>"Document not found"</h1>
                <p>"There is no document with the id " <code>{id}</code> " in this collection."</p>
                <p><a href="#/">"Back to the library"</a></p>
            </section>
        }
        .into_any();
    };
    crate::components::set_title(&doc.meta.title);
    if let Some(n) = block {
        let target = block_anchor(&doc.id, n);
        request_animation_frame(move || scroll_to(&target));
    }
    view! {
        <article class="reader" data-testid="reader" data-doc-id=doc.id.clone() lang="en">
            <header class="reader-head">
                <p class="crumbs"><a href="#/">"← Library"</a></p>
                <h1 data-testid="reader-title">{doc.meta.title.clone()}</h1>
                <DocMeta meta=&doc.meta />
                <ReaderLinks doc />
            </header>
            <div class="reader-body" data-testid="reader-body">{render_blocks(doc)}</div>
            {(!doc.notes.is_empty()).then(|| view! { <Notes doc /> })}
        </article>
    }
    .into_any()
}

/// DOI and URL as links, and the languages.
#[component]
fn ReaderLinks(doc: &'static Document) -> impl IntoView {
    let doi = doc.meta.doi.as_ref().map(|doi| {
        let href = format!("https://doi.org/{doi}");
        view! { <li>"DOI " <a href=href rel="noopener" target="_blank">{doi.clone()}</a></li> }
    });
    let url = doc
        .meta
        .url
        .as_ref()
        .filter(|u| u.starts_with("http"))
        .map(|url| {
            view! { <li><a href=url.clone() rel="noopener" target="_blank">"Source"</a></li> }
        });
    view! {
        <ul class="reader-links">
            {doi}
            {url}
            <li><LanguageBadges languages=&doc.meta.languages /></li>
        </ul>
    }
}

/// Blocks as HTML elements; consecutive list items share one list.
fn render_blocks(doc: &'static Document) -> impl IntoView {
    let mut out: Vec<AnyView> = Vec::new();
    let mut items: Vec<&'static Block> = Vec::new();
    let flush = |items: &mut Vec<&'static Block>, out: &mut Vec<AnyView>| {
        if !items.is_empty() {
            let list = std::mem::take(items);
            out.push(view! { <ul>{list.into_iter().map(|b| view! { <li id=anchor(b) lang=b.lang.clone()>{b.text.clone()}</li> }).collect_view()}</ul> }.into_any());
        }
    };
    for b in &doc.blocks {
        if b.kind == BlockKind::ListItem {
            items.push(b);
            continue;
        }
        flush(&mut items, &mut out);
        out.push(render_block(b));
    }
    flush(&mut items, &mut out);
    out
}

fn render_block(b: &'static Block) -> AnyView {
    let id = anchor(b);
    let lang = b.lang.clone();
    let text = b.text.clone();
    match b.kind {
        BlockKind::Heading { level } if level <= 2 => {
            view! { <h2 id=id lang=lang>{text}</h2> }.into_any()
        }
        BlockKind::Heading { .. } => view! { <h3 id=id lang=lang>{text}</h3> }.into_any(),
        BlockKind::Quote => {
            view! { <blockquote id=id lang=lang><p>{text}</p></blockquote> }.into_any()
        }
        BlockKind::Paragraph | BlockKind::ListItem => {
            let label = (b.lang != "en").then(|| format!("In {}", language_name(&b.lang)));
            view! { <p id=id lang=lang class="para" data-testid="para" aria-label=label>{text}</p> }
                .into_any()
        }
    }
}

/// The notes moved out of the body.
#[component]
fn Notes(doc: &'static Document) -> impl IntoView {
    view! {
        <section class="notes" aria-labelledby="notes-title">
            <h2 id="notes-title">"Notes"</h2>
            <ol class="note-list">
                {doc
                    .notes
                    .iter()
                    .map(|n| {
                        view! {
                            <li id=format!("note-{}", n.n) value=n.n>{n.text.clone()}</li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}

/// The element id of a block (`b-<n>`), the target of permalinks.
fn anchor(b: &Block) -> String {
    let n = b.id.rsplit(':').next().unwrap_or("0");
    format!("b-{n}")
}

fn block_anchor(_doc: &str, n: u32) -> String {
    format!("b-{n}")
}

fn scroll_to(element_id: &str) {
    if let Some(el) = document().get_element_by_id(element_id) {
        // Arriving by permalink: jump, don't animate (smooth scrolling would
        // leave the paragraph out of view for a moment).
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_behavior(web_sys::ScrollBehavior::Instant);
        options.set_block(web_sys::ScrollLogicalPosition::Start);
        el.scroll_into_view_with_scroll_into_view_options(&options);
        let _ = el.class_list().add_1("target");
    }
}

/// Permalink for block `n` of `doc`.
pub fn block_href(doc: &str, n: u32) -> String {
    Route::Reader {
        id: doc.to_string(),
        block: Some(n),
    }
    .to_hash()
}
