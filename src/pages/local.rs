//! "Your documents": the reader adds papers of their own (paste, or drop
//! `.txt`, `.md`, `.html` files), sees what became of each, removes them,
//! and exports or imports the collection. The work is in `crate::local`.

use crate::local::{self, Input};
use atlas_core::local::{MAX_SOURCES, MAX_SOURCE_BYTES};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The page.
#[component]
pub fn Local() -> impl IntoView {
    crate::components::set_title("Your documents");
    let title = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let dragging = RwSignal::new(false);
    let busy = move || local::state().busy.get().is_some();

    let add_pasted = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = text.get_untracked();
        if body.trim().is_empty() {
            local::state()
                .problems
                .set(vec!["Paste some text first.".to_string()]);
            return;
        }
        let typed = title.get_untracked().trim().to_string();
        let name = if typed.is_empty() {
            "pasted.txt".to_string()
        } else {
            format!("{typed}.txt")
        };
        local::add(vec![Input {
            name,
            title: (!typed.is_empty()).then_some(typed),
            text: Ok(body),
        }]);
        text.set(String::new());
        title.set(String::new());
    };
    let take_files = move |files: gloo_file::FileList| {
        leptos::task::spawn_local(async move {
            // Exports (.json) expand into their documents; everything the
            // action brings is added in one build, and every refusal is
            // listed together.
            let mut docs: Vec<Input> = Vec::new();
            let mut problems: Vec<String> = Vec::new();
            for i in local::read_files(&files).await {
                if !i.name.to_lowercase().ends_with(".json") {
                    docs.push(i);
                    continue;
                }
                match i.text.and_then(|t| local::import_inputs(&t)) {
                    Ok(more) => docs.extend(more),
                    Err(e) => problems.push(format!("{}: {e}", i.name)),
                }
            }
            local::add_reporting(docs, problems);
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            if let Some(files) = input.files() {
                // Copied out first: clearing the input (so the same file can
                // be chosen again) empties its FileList.
                take_files(files.into());
            }
            input.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            take_files(files.into());
        }
    };
    let on_dragover = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(true);
    };
    let export = move |_| {
        crate::components::download::offer(
            "far-east-atlas-my-documents.json",
            "application/json",
            &local::export(),
        );
    };

    view! {
        <section class="local-page" data-testid="local-page">
            <h1>"Your documents"</h1>
            <p class="lede">
                "Add papers of your own. They are processed and kept in this browser only — never uploaded — and join search, the map, topics and the reader, marked "
                <span class="badge local-badge">"Local"</span>"."
            </p>
            <div class="local-add">
                <form class="paste-form" on:submit=add_pasted aria-labelledby="paste-h">
                    <h2 id="paste-h">"Paste text"</h2>
                    <label for="local-title">"Title (optional)"</label>
                    <input id="local-title" type="text" autocomplete="off" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev)) data-testid="local-title" />
                    <label for="local-text">"Text"</label>
                    <textarea id="local-text" rows="8" placeholder="Paste the text of a paper…" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) data-testid="local-text"></textarea>
                    <button type="submit" disabled=busy data-testid="local-add">"Add document"</button>
                </form>
                <div class="dropzone" class:dragging=move || dragging.get() on:dragover=on_dragover on:dragleave=move |_| dragging.set(false) on:drop=on_drop data-testid="dropzone">
                    <h2>"Or add files"</h2>
                    <p>"Drop " <code>".txt"</code>", " <code>".md"</code>" or " <code>".html"</code>" files here (or an export file to import it), or"</p>
                    <label class="button file-button">
                        "Choose files…"
                        <input type="file" multiple accept=".txt,.md,.html,.htm,.json" class="visually-hidden" on:change=on_pick disabled=busy data-testid="local-files" />
                    </label>
                    <p class="limits">{format!("Up to {MAX_SOURCES} documents, {} MB each.", MAX_SOURCE_BYTES / (1024 * 1024))}</p>
                </div>
            </div>
            <p class="local-status" role="status" aria-live="polite" data-testid="local-status">
                {move || local::state().busy.get().or_else(|| local::state().done.get()).unwrap_or_default()}
            </p>
            {move || {
                let problems = local::state().problems.get();
                (!problems.is_empty()).then(|| view! {
                    <div class="error-panel" role="alert" data-testid="local-problems">
                        <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            <h2>{move || format!("Kept in this browser ({})", local::state().entries.get().len())}</h2>
            {move || {
                let entries = local::state().entries.get();
                if entries.is_empty() {
                    return view! {
                        <p class="empty" data-testid="local-empty">
                            {move || if local::state().loaded.get() { "No documents of your own yet." } else { "Reading stored documents…" }}
                        </p>
                    }
                    .into_any();
                }
                view! {
                    <ul class="local-list" data-testid="local-list">
                        {entries.into_iter().map(|e| view! { <LocalRow entry=e /> }).collect_view()}
                    </ul>
                    <p class="local-actions">
                        <button type="button" on:click=export data-testid="local-export">"Export all (.json)"</button>
                    </p>
                }
                .into_any()
            }}
        </section>
    }
}

/// One stored document: title (a link to the reader once built), counts,
/// and a Remove button.
#[component]
fn LocalRow(entry: local::Entry) -> impl IntoView {
    let key = entry.source.key.clone();
    let report = entry.report.clone();
    let name = entry.source.name.clone();
    let shown = report
        .as_ref()
        .and_then(|r| r.title.clone())
        .or_else(|| entry.source.title.clone())
        .unwrap_or_else(|| name.clone());
    let title = match report.as_ref().and_then(|r| r.id.clone()) {
        Some(id) => view! { <a href=crate::route::reader(&id, None).to_hash() data-testid="local-open">{shown.clone()}</a> }.into_any(),
        None => view! { <span>{shown.clone()}</span> }.into_any(),
    };
    let facts = match &report {
        Some(r) if r.error.is_none() => format!(
            "{} · {} words · {} place{} mentioned",
            name,
            r.words,
            r.places,
            if r.places == 1 { "" } else { "s" }
        ),
        Some(r) => format!("{name} · {}", r.error.clone().unwrap_or_default()),
        None => format!("{name} · processing…"),
    };
    let label = format!("Remove “{shown}”");
    view! {
        <li class="local-row" data-testid="local-row">
            <span class="local-title">{title}" "<span class="badge local-badge">"Local"</span></span>
            <span class="local-facts">{facts}</span>
            <button type="button" class="remove" aria-label=label disabled=move || local::state().busy.get().is_some() on:click=move |_| local::remove(key.clone()) data-testid="local-remove">"Remove"</button>
        </li>
    }
}
