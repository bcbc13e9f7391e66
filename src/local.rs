//! The reader's own documents, as the app sees them: a list in a signal,
//! kept in step with the browser's storage and the corpus in use.
//!
//! Storage (IndexedDB) and the pipeline worker sit behind
//! `window.atlasLocal` (public/local-docs.js); the pipeline itself is
//! `atlas_core::local`, run in the worker. This module only sequences them:
//!
//! - on start-up, stored sources are rebuilt and swapped in
//!   ([`restore`]), after the embedded corpus is already on screen;
//! - adding builds first (so bad files are reported and never stored),
//!   then stores the good ones, then swaps the corpus in: if the browser
//!   refuses to store, the page says so and nothing changes;
//! - removing deletes from storage, then rebuilds without it.
//!
//! Only one job runs at a time; the page shows which.

use atlas_core::index::SearchIndex;
use atlas_core::local::{self, LocalReport, LocalSource};
use atlas_core::model::Corpus;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// A stored source and what became of it in the last build.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// As stored.
    pub source: LocalSource,
    /// From the last build (`None` while it runs).
    pub report: Option<LocalReport>,
}

/// What the page shows about local documents. The signals are
/// reference-counted, not owned by a view: the page is rebuilt whenever the
/// corpus changes, and this state must outlive it.
#[derive(Clone)]
pub struct LocalState {
    /// Stored documents, oldest first.
    pub entries: ArcRwSignal<Vec<Entry>>,
    /// The job running now ("Adding 2 documents…"), if any.
    pub busy: ArcRwSignal<Option<String>>,
    /// Problems of the last job, one sentence each (shown as an alert).
    pub problems: ArcRwSignal<Vec<String>>,
    /// What the last job did ("Added “Port notes”."), for a status line.
    pub done: ArcRwSignal<Option<String>>,
    /// `false` until stored documents were read once.
    pub loaded: ArcRwSignal<bool>,
}

thread_local! {
    static STATE: LocalState = LocalState {
        entries: ArcRwSignal::new(Vec::new()),
        busy: ArcRwSignal::new(None),
        problems: ArcRwSignal::new(Vec::new()),
        done: ArcRwSignal::new(None),
        loaded: ArcRwSignal::new(false),
    };
}

/// The one state (cheap to clone: every field is shared).
pub fn state() -> LocalState {
    STATE.with(LocalState::clone)
}

/// A reader's input before it becomes a source: a name and text, or a
/// name and why it could not be read.
#[derive(Debug, Clone)]
pub struct Input {
    /// File name, or a name made from the typed title.
    pub name: String,
    /// Title typed by the reader.
    pub title: Option<String>,
    /// The text, or why there is none.
    pub text: Result<String, String>,
}

/// Reads stored documents and puts them in use. Called once at start-up.
pub fn restore() {
    leptos::task::spawn_local(async move {
        let s = state();
        let (stored, unreadable) = match list().await {
            Ok(stored) => stored,
            Err(e) => {
                s.loaded.set(true);
                // No storage at all is normal (private windows); say it only
                // on the page for local documents.
                s.problems.set(vec![e]);
                return;
            }
        };
        s.loaded.set(true);
        if !unreadable.is_empty() {
            leptos::logging::log!(
                "Far East Atlas: {} stored document(s) could not be restored: {}",
                unreadable.len(),
                unreadable.join("; ")
            );
        }
        s.problems.set(unreadable.clone());
        if stored.is_empty() {
            return;
        }
        s.busy.set(Some(format!(
            "Adding your {} stored document{}…",
            stored.len(),
            plural(stored.len())
        )));
        set_entries(&stored, None);
        match build(&stored).await {
            Ok((reports, corpus, index)) => {
                set_entries(&stored, Some(&reports));
                crate::corpus::install(corpus, index);
            }
            Err(e) => s.problems.set(unreadable.into_iter().chain([e]).collect()),
        }
        s.busy.set(None);
    });
}

/// Adds documents: builds them with the stored ones, stores the ones that
/// joined, and puts the result in use.
pub fn add(inputs: Vec<Input>) {
    add_reporting(inputs, Vec::new());
}

/// [`add`], with `problems` already found in the same action (files that
/// could not be read, imports that are not exports), so one message lists
/// everything the reader's action refused. Inputs beyond the room
/// [`MAX_SOURCES`](local::MAX_SOURCES) leaves are refused in one sentence,
/// not one per document.
pub fn add_reporting(mut inputs: Vec<Input>, mut problems: Vec<String>) {
    let s = state();
    if s.busy.get_untracked().is_some() {
        return;
    }
    let room = local::MAX_SOURCES.saturating_sub(s.entries.get_untracked().len());
    if inputs.len() > room {
        let refused = inputs.len() - room;
        inputs.truncate(room);
        problems.push(format!(
            "{refused} document{} not added: only {} local documents can be kept{}",
            if refused == 1 { " was" } else { "s were" },
            local::MAX_SOURCES,
            if room == 0 { "; remove some first" } else { "" }
        ));
    }
    if inputs.is_empty() {
        s.done.set(None);
        s.problems.set(problems);
        return;
    }
    leptos::task::spawn_local(async move {
        s.problems.set(Vec::new());
        s.done.set(None);
        let stamp = js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .unwrap_or_default();
        let base_key = js_sys::Date::now() as u64;
        let mut fresh = Vec::new();
        for (n, input) in inputs.into_iter().enumerate() {
            match input.text {
                Ok(text) => fresh.push(LocalSource {
                    key: format!("{base_key}-{n}"),
                    name: input.name,
                    title: input.title,
                    text,
                    added: Some(stamp.clone()),
                }),
                Err(why) => problems.push(format!("{}: {why}", input.name)),
            }
        }
        if fresh.is_empty() {
            s.problems.set(problems);
            return;
        }
        s.busy.set(Some(format!(
            "Adding {} document{}…",
            fresh.len(),
            plural(fresh.len())
        )));
        let kept: Vec<LocalSource> = s
            .entries
            .get_untracked()
            .into_iter()
            .map(|e| e.source)
            .collect();
        let mut all = kept.clone();
        all.extend(fresh.iter().cloned());
        match build(&all).await {
            Ok((reports, corpus, index)) => {
                let joined: Vec<LocalSource> = fresh
                    .iter()
                    .filter(|f| reports.iter().any(|r| r.key == f.key && r.error.is_none()))
                    .cloned()
                    .collect();
                for r in reports.iter().filter(|r| r.error.is_some()) {
                    problems.push(format!(
                        "{}: {}",
                        r.name,
                        r.error.clone().unwrap_or_default()
                    ));
                }
                if !joined.is_empty() {
                    match put(&joined).await {
                        Ok(()) => {
                            let mut stored = kept;
                            stored.extend(joined.iter().cloned());
                            // The build included the refused sources too;
                            // they are left out of the list but stay out of
                            // storage, and vanish at the next rebuild.
                            set_entries(&stored, Some(&reports));
                            crate::corpus::install(corpus, index);
                            let titles: Vec<String> = joined
                                .iter()
                                .filter_map(|j| reports.iter().find(|r| r.key == j.key))
                                .filter_map(|r| r.title.clone())
                                .map(|t| format!("“{t}”"))
                                .collect();
                            s.done.set(Some(format!("Added {}.", titles.join(", "))));
                        }
                        Err(e) => problems.push(e),
                    }
                }
            }
            Err(e) => problems.push(e),
        }
        s.problems.set(problems);
        s.busy.set(None);
    });
}

/// Removes the stored document under `key`, then rebuilds without it.
pub fn remove(key: String) {
    let s = state();
    if s.busy.get_untracked().is_some() {
        return;
    }
    leptos::task::spawn_local(async move {
        s.problems.set(Vec::new());
        s.done.set(None);
        let title = s
            .entries
            .get_untracked()
            .iter()
            .find(|e| e.source.key == key)
            .and_then(|e| e.report.as_ref().and_then(|r| r.title.clone()))
            .unwrap_or_else(|| "the document".to_string());
        s.busy.set(Some(format!("Removing “{title}”…")));
        if let Err(e) = call("remove", &[JsValue::from_str(&key)]).await {
            s.problems.set(vec![e]);
            s.busy.set(None);
            return;
        }
        let rest: Vec<LocalSource> = s
            .entries
            .get_untracked()
            .into_iter()
            .map(|e| e.source)
            .filter(|src| src.key != key)
            .collect();
        if rest.is_empty() {
            set_entries(&rest, None);
            crate::corpus::reset();
        } else {
            match build(&rest).await {
                Ok((reports, corpus, index)) => {
                    set_entries(&rest, Some(&reports));
                    crate::corpus::install(corpus, index);
                }
                Err(e) => {
                    set_entries(&rest, None);
                    s.problems.set(vec![e]);
                }
            }
        }
        s.done.set(Some(format!("Removed “{title}”.")));
        s.busy.set(None);
    });
}

/// The stored sources as an export file's text.
pub fn export() -> String {
    let sources: Vec<LocalSource> = state()
        .entries
        .get_untracked()
        .into_iter()
        .map(|e| e.source)
        .collect();
    local::export_json(&sources)
}

/// An export file's documents as inputs (added under new keys), or what is
/// wrong with the file.
pub fn import_inputs(text: &str) -> Result<Vec<Input>, String> {
    Ok(local::import_json(text)?
        .into_iter()
        .map(|src| Input {
            name: src.name,
            title: src.title,
            text: Ok(src.text),
        })
        .collect())
}

/// Reads dropped or chosen files into inputs: each one's text, or why it
/// has none (too big, unreadable). The browser decodes: UTF-8, or UTF-16
/// when a byte-order mark says so (what some editors save as "Unicode"),
/// the mark dropped.
pub async fn read_files(files: &[gloo_file::File]) -> Vec<Input> {
    let mut inputs = Vec::new();
    for file in files {
        let text = match local::oversized(file.size()) {
            Some(why) => Err(why),
            None => gloo_file::futures::read_as_text(file)
                .await
                .map_err(|e| format!("it could not be read ({e})")),
        };
        inputs.push(Input {
            name: file.name(),
            title: None,
            text,
        });
    }
    inputs
}

fn set_entries(sources: &[LocalSource], reports: Option<&[LocalReport]>) {
    let entries = sources
        .iter()
        .map(|src| Entry {
            source: src.clone(),
            report: reports.and_then(|rs| rs.iter().find(|r| r.key == src.key).cloned()),
        })
        .collect();
    state().entries.set(entries);
}

/// The stored sources, and why each stored record that is not one could
/// not be restored.
async fn list() -> Result<(Vec<LocalSource>, Vec<String>), String> {
    let json = call("list", &[]).await?;
    local::stored_sources_from_json(&json.as_string().unwrap_or_default())
}

async fn put(sources: &[LocalSource]) -> Result<(), String> {
    call(
        "put",
        &[JsValue::from_str(&local::sources_to_json(sources))],
    )
    .await
    .map(|_| ())
}

/// Runs the pipeline worker over `sources` (with the embedded corpus).
async fn build(sources: &[LocalSource]) -> Result<(Vec<LocalReport>, Corpus, SearchIndex), String> {
    let json = JsValue::from_str(&local::sources_to_json(sources));
    let base = js_sys::Uint8Array::from(crate::corpus::embedded_bytes());
    let answer = js_sys::Array::from(&call("build", &[json, base.into()]).await?);
    let reports = local::reports_from_json(&answer.get(0).as_string().unwrap_or_default())?;
    let corpus = Corpus::from_bytes(&js_sys::Uint8Array::new(&answer.get(1)).to_vec())
        .map_err(|e| format!("the built documents could not be read ({e})"))?;
    let index = SearchIndex::from_bytes(&js_sys::Uint8Array::new(&answer.get(2)).to_vec())
        .map_err(|e| format!("the built index could not be read ({e})"))?;
    Ok((reports, corpus, index))
}

/// Calls `window.atlasLocal[name](...args)` and awaits its promise; a
/// rejection becomes its message.
async fn call(name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let api = js_sys::Reflect::get(&window(), &JsValue::from_str("atlasLocal"))
        .ok()
        .filter(|v| v.is_object())
        .ok_or("local documents are unavailable (public/local-docs.js did not load)")?;
    let function = js_sys::Reflect::get(&api, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| format!("local documents: no {name}()"))?;
    let promise = function
        .apply(&api, &args.iter().collect::<js_sys::Array>())
        .map_err(message)?;
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise))
        .await
        .map_err(message)
}

fn message(error: JsValue) -> String {
    js_sys::Reflect::get(&error, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "something went wrong".to_string())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
