//! The reader: one document's metadata, contents, clean text and notes.
//!
//! Paragraph permalinks (`#/doc/<id>?block=<n>`), a table of contents, note
//! pop-overs with a way back, and a switch that hides passages not in
//! English. Everything is rendered from the embedded corpus.

use crate::components::doc_meta::language_name;
use crate::components::nav::{absolute_url, replace_hash};
use crate::components::notes::Notes;
use crate::components::reader_head::ReaderHead;
use crate::components::rich_text::{rich_text, RenderState};
use crate::components::toc::Toc;
use atlas_core::model::{Block, BlockKind, Document};
use leptos::prelude::*;

/// Shows document `id`, scrolled to `block` if given.
#[component]
pub fn Reader(
    id: String,
    block: Option<u32>,
    note: Option<u32>,
    q: String,
    places: Vec<String>,
) -> impl IntoView {
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
    // A paragraph permalink, or a note a search hit was found in.
    let target = block
        .map(|n| format!("b-{n}"))
        .or_else(|| note.map(|n| format!("note-{n}")));
    if let Some(target) = target {
        request_animation_frame(move || {
            crate::components::nav::jump_to(&target);
            if let Some(el) = document().get_element_by_id(&target) {
                let _ = el.class_list().add_1("target");
            }
        });
    }
    let (show_other, set_show_other) = signal(true);
    let (status, set_status) = signal(String::new());
    let state = RenderState::default();
    let body = render_blocks(doc, &q, &places, &state, set_status);
    let matches = state.marks.get();
    // What the stepper steps through: the query's matches, the chosen
    // places' mentions, or both.
    let place_names: Vec<String> = places
        .iter()
        .filter_map(|id| {
            corpus
                .places
                .places
                .iter()
                .find(|p| &p.id == id)
                .map(|p| p.name.clone())
        })
        .collect();
    let what = match (q.trim().is_empty(), place_names.is_empty()) {
        (false, true) => Some(format!("for “{q}”")),
        (true, false) => Some(format!("of {}", place_names.join(" or "))),
        (false, false) => Some(format!("for “{q}” and {}", place_names.join(" or "))),
        (true, true) => None,
    };
    view! {
        <article class="reader" class:hide-other-langs=move || !show_other.get() data-testid="reader" data-doc-id=doc.id.clone() lang="en">
            <ReaderHead doc />
            <div class="reader-tools">
                <LanguageSwitch doc show_other set_show_other />
                {what.map(|what| view! { <MatchStepper what matches /> })}
                <p class="status" role="status" aria-live="polite" data-testid="status">{status}</p>
            </div>
            <Toc doc />
            <div class="reader-body" data-testid="reader-body">
                {body}
            </div>
            {(!doc.notes.is_empty()).then(|| view! { <Notes doc /> })}
        </article>
    }
    .into_any()
}

/// "3 of 12 matches ◀ ▶": steps through the highlighted matches of the
/// query the reader arrived with.
#[component]
fn MatchStepper(what: String, matches: usize) -> impl IntoView {
    let (current, set_current) = signal(None::<usize>);
    let go = move |delta: isize| {
        if matches == 0 {
            return;
        }
        let next = match current.get_untracked() {
            None if delta > 0 => 0,
            None => matches - 1,
            Some(k) => (k as isize + delta).rem_euclid(matches as isize) as usize,
        };
        if let Some(old) = current
            .get_untracked()
            .and_then(|k| document().get_element_by_id(&format!("m-{k}")))
        {
            let _ = old.class_list().remove_1("current");
        }
        if let Some(el) = document().get_element_by_id(&format!("m-{next}")) {
            let _ = el.class_list().add_1("current");
            crate::components::nav::jump_to(&format!("m-{next}"));
        }
        set_current.set(Some(next));
    };
    let label = move || match (matches, current.get()) {
        (0, _) => format!("No matches {what} in this document"),
        (n, None) => format!("{n} match{} {what}", if n == 1 { "" } else { "es" }),
        (n, Some(k)) => format!("Match {} of {n} {what}", k + 1),
    };
    view! {
        <div class="stepper" data-testid="match-stepper">
            <span data-testid="match-count">{label}</span>
            <button type="button" class="header-button" aria-label="Previous match" disabled=matches == 0 on:click=move |_| go(-1)>"◀"</button>
            <button type="button" class="header-button" aria-label="Next match" disabled=matches == 0 on:click=move |_| go(1)>"▶"</button>
        </div>
    }
}

/// "Show passages in Spanish (3)": only when the document has any text
/// (body, notes, abstracts, titles) in a language other than English.
#[component]
fn LanguageSwitch(
    doc: &'static Document,
    show_other: ReadSignal<bool>,
    set_show_other: WriteSignal<bool>,
) -> impl IntoView {
    let meta = &doc.meta;
    let mut langs: Vec<&str> = doc
        .blocks
        .iter()
        .map(|b| b.lang.as_str())
        .chain(doc.notes.iter().map(|n| n.lang.as_str()))
        .chain(meta.abstracts.iter().map(|a| a.lang.as_str()))
        .chain(meta.other_titles.iter().map(|t| t.lang.as_str()))
        .filter(|l| *l != "en" && !l.is_empty())
        .collect();
    let count = langs.len();
    langs.sort_unstable();
    langs.dedup();
    (count > 0).then(|| {
        let names = langs
            .iter()
            .map(|l| language_name(l))
            .collect::<Vec<_>>()
            .join(", ");
        view! {
            <label class="switch" data-testid="lang-switch">
                <input
                    type="checkbox"
                    prop:checked=move || show_other.get()
                    on:change=move |ev| set_show_other.set(event_target_checked(&ev))
                />
                {format!(" Show passages in {names} ({count})")}
            </label>
        }
    })
}

/// Blocks as HTML elements; consecutive list items share one list.
fn render_blocks(
    doc: &'static Document,
    q: &str,
    places: &[String],
    state: &RenderState,
    set_status: WriteSignal<String>,
) -> Vec<AnyView> {
    // The query is parsed and expanded once for the whole document.
    let highlighter = crate::corpus::searcher()
        .ok()
        .filter(|_| !q.trim().is_empty())
        .map(|s| s.highlighter(q));
    let mentions = crate::corpus::corpus()
        .ok()
        .and_then(|c| {
            let d = c.documents.iter().position(|x| x.id == doc.id)?;
            Some(c.places.mention_ranges(d as u32, places))
        })
        .unwrap_or_default();
    let marks = |n: u32, b: &Block| {
        let mut m = highlighter
            .as_ref()
            .map(|h| h.ranges(&b.text))
            .unwrap_or_default();
        if let Some(ranges) = mentions.get(&n) {
            m.extend(ranges.iter().copied());
            atlas_core::search::snippet::merge_overlapping(&mut m);
        }
        m
    };
    let levels = heading_levels(&doc.blocks);
    let mut out: Vec<AnyView> = Vec::new();
    let mut items: Vec<AnyView> = Vec::new();
    for (n, b) in doc.blocks.iter().enumerate() {
        let n = n as u32;
        if b.kind == BlockKind::ListItem {
            let content = rich_text(doc, &b.text, &b.spans, &marks(n, b), &n.to_string(), state);
            items.push(view! { <li id=format!("b-{n}") lang=b.lang.clone() class:other-lang=b.lang != "en">{content}</li> }.into_any());
            continue;
        }
        if !items.is_empty() {
            out.push(view! { <ul>{std::mem::take(&mut items)}</ul> }.into_any());
        }
        out.push(render_block(
            doc,
            b,
            n,
            levels[n as usize],
            &marks(n, b),
            state,
            set_status,
        ));
    }
    if !items.is_empty() {
        out.push(view! { <ul>{items}</ul> }.into_any());
    }
    out
}

fn render_block(
    doc: &'static Document,
    b: &'static Block,
    n: u32,
    heading_level: u8,
    marks: &[(usize, usize)],
    state: &RenderState,
    set_status: WriteSignal<String>,
) -> AnyView {
    let id = format!("b-{n}");
    let lang = b.lang.clone();
    let other = b.lang != "en";
    let content = rich_text(doc, &b.text, &b.spans, marks, &n.to_string(), state);
    match b.kind {
        BlockKind::Heading { .. } => match heading_level {
            2 => view! { <h2 id=id lang=lang class:other-lang=other>{content}</h2> }.into_any(),
            3 => view! { <h3 id=id lang=lang class:other-lang=other>{content}</h3> }.into_any(),
            _ => view! { <h4 id=id lang=lang class:other-lang=other>{content}</h4> }.into_any(),
        },
        BlockKind::Quote => view! {
            <blockquote id=id lang=lang class:other-lang=other data-testid="para">
                <p>{content}</p>
                <Permalink doc n set_status />
            </blockquote>
        }
        .into_any(),
        BlockKind::Paragraph | BlockKind::ListItem => view! {
            <p id=id lang=lang class="para" class:other-lang=other data-testid="para">
                {content}
                <Permalink doc n set_status />
            </p>
        }
        .into_any(),
    }
}

/// A "¶" button: copies the paragraph's permanent link and puts it in the
/// address bar.
#[component]
fn Permalink(doc: &'static Document, n: u32, set_status: WriteSignal<String>) -> impl IntoView {
    let hash = crate::route::reader(&doc.id, Some(n)).to_hash();
    let copy = move |_| {
        replace_hash(&hash);
        let url = absolute_url(&hash);
        let promise = window().navigator().clipboard().write_text(&url);
        leptos::task::spawn_local(async move {
            let message = match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => format!("Link to paragraph {n} copied."),
                Err(_) => format!(
                    "Link to paragraph {n} is in the address bar (copying was not allowed)."
                ),
            };
            set_status.set(message);
        });
    };
    view! {
        " "
        <button type="button" class="permalink" aria-label=format!("Copy link to paragraph {n}") title="Copy link to this paragraph" on:click=copy>
            "¶"
        </button>
    }
}

/// HTML heading levels (2..=4) for each block (0 for non-headings): the
/// document's own levels ranked (its highest becomes `h2` under the page's
/// `h1`), never skipping a level on the way down, so the outline stays valid
/// whatever the extraction printed (`004_…` starts at `###`).
pub fn heading_levels(blocks: &[Block]) -> Vec<u8> {
    let mut distinct: Vec<u8> = blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Heading { level } => Some(level),
            _ => None,
        })
        .collect();
    distinct.sort_unstable();
    distinct.dedup();
    let mut previous = 1u8;
    blocks
        .iter()
        .map(|b| match b.kind {
            BlockKind::Heading { level } => {
                let rank = distinct.iter().position(|&l| l == level).unwrap_or(0) as u8;
                let html = (2 + rank).min(previous + 1).min(4);
                previous = html;
                html
            }
            _ => 0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::heading_levels;
    use atlas_core::model::{Block, BlockKind};

    fn block(kind: BlockKind) -> Block {
        Block {
            id: String::new(),
            kind,
            lang: "en".into(),
            text: String::new(),
            spans: vec![],
            notes: vec![],
        }
    }

    #[test]
    fn heading_levels_never_skip() {
        let h = |level| block(BlockKind::Heading { level });
        let p = block(BlockKind::Paragraph);
        // 004 prints ###, then ####, then ##.
        let blocks = vec![h(3), p.clone(), h(4), h(2), h(4), p];
        assert_eq!(heading_levels(&blocks), vec![2, 0, 3, 2, 3, 0]);
        assert_eq!(heading_levels(&[h(1), h(1), h(2)]), vec![2, 2, 3]);
    }
}
