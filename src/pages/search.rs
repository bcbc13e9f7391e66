//! Search results: passages ranked by the engine, grouped by document (or a
//! flat list), with highlighted snippets that open the reader at the
//! paragraph. The query lives in the URL, so results can be shared and
//! Back/Forward work.

use crate::route::Route;
use atlas_core::search::{Hit, SearchOptions, SearchResponse};
use atlas_core::segments::segments_with_marks;
use leptos::prelude::*;

/// Hits shown per document in the grouped view.
const PER_DOC: usize = 3;
/// Hits computed for one page of results.
const LIMIT: usize = 60;

/// The reader link for a hit: paragraph hits scroll to the paragraph; note
/// and metadata hits open the document. The query rides along to highlight.
pub fn hit_route(hit: &Hit, q: &str) -> Route {
    let block = hit
        .block
        .rsplit_once(':')
        .filter(|(head, _)| head == &hit.doc)
        .and_then(|(_, n)| n.parse().ok());
    Route::Reader {
        id: hit.doc.clone(),
        block,
        q: q.to_string(),
    }
}

/// Runs a query for the results page.
pub fn run(q: &str) -> Option<SearchResponse> {
    let searcher = crate::corpus::searcher().ok()?;
    Some(searcher.search(
        q,
        &SearchOptions {
            limit: LIMIT,
            ..SearchOptions::default()
        },
    ))
}

/// The results page for `q`.
#[component]
pub fn Search(q: String, flat: bool) -> impl IntoView {
    crate::components::set_title(if q.trim().is_empty() { "Search" } else { &q });
    let Some(response) = run(&q) else {
        return view! { <p role="alert">"The search index could not be loaded."</p> }.into_any();
    };
    // `data-rendered-query` tells tests and the typing benchmark which query is on screen.
    let header =
        view! { <h1 class="visually-hidden" data-rendered-query=q.clone()>"Search results"</h1> };
    if q.trim().is_empty() {
        return view! { {header} <SearchTips /> }.into_any();
    }
    let docs = response.docs.len();
    let summary = format!(
        "{} passage{} in {} document{}",
        response.total,
        if response.total == 1 { "" } else { "s" },
        docs,
        if docs == 1 { "" } else { "s" }
    );
    if response.total == 0 {
        let suggestion = response.did_you_mean.clone().map(|s| {
            let href = Route::Search { q: s.clone(), flat }.to_hash();
            view! { <p>"Did you mean " <a href=href data-testid="did-you-mean">{s}</a> "?"</p> }
        });
        return view! {
            {header}
            <section class="no-results" data-testid="no-results">
                <p class="result-count" role="status">"No passages match " <q>{q.clone()}</q> "."</p>
                {suggestion}
                <SearchTips />
            </section>
        }
        .into_any();
    }
    let toggle = view! {
        <p class="view-toggle">
            <a href=Route::Search { q: q.clone(), flat: false }.to_hash() aria-current=(!flat).then_some("page")>"By document"</a>
            " · "
            <a href=Route::Search { q: q.clone(), flat: true }.to_hash() aria-current=flat.then_some("page") data-testid="flat-toggle">"All passages"</a>
        </p>
    };
    let list = if flat {
        view! { <ol class="hits" data-testid="hits">{response.hits.iter().map(|h| view! { <HitItem hit=h.clone() q=q.clone() /> }).collect_view()}</ol> }.into_any()
    } else {
        grouped(&response, &q).into_any()
    };
    view! {
        {header}
        <section class="results" aria-label="Search results">
            <div class="results-head">
                <p class="result-count" role="status" data-testid="result-count">{summary}</p>
                {toggle}
            </div>
            {list}
        </section>
    }
    .into_any()
}

fn grouped(response: &SearchResponse, q: &str) -> impl IntoView {
    let corpus = crate::corpus::corpus().ok();
    response
        .docs
        .iter()
        .map(|group| {
            let title = corpus.and_then(|c| c.document(&group.doc)).map(|d| d.meta.title.clone()).unwrap_or_else(|| group.doc.clone());
            let hits: Vec<Hit> = response.hits.iter().filter(|h| h.doc == group.doc).take(PER_DOC).cloned().collect();
            let more = group.hits.saturating_sub(hits.len());
            let doc_href = Route::Reader { id: group.doc.clone(), block: None, q: q.to_string() }.to_hash();
            view! {
                <section class="doc-group" data-testid="doc-group" data-doc-id=group.doc.clone()>
                    <h2><a href=doc_href.clone()>{title}</a></h2>
                    <p class="doc-group-count">{format!("{} matching passage{}", group.hits, if group.hits == 1 { "" } else { "s" })}</p>
                    <ol class="hits">{hits.into_iter().map(|h| view! { <HitItem hit=h q=q.to_string() /> }).collect_view()}</ol>
                    {(more > 0).then(|| view! { <p class="more"><a href=doc_href>{format!("{more} more in this document")}</a></p> })}
                </section>
            }
        })
        .collect_view()
}

/// One passage: highlighted snippet linking to the reader.
#[component]
fn HitItem(hit: Hit, q: String) -> impl IntoView {
    let href = hit_route(&hit, &q).to_hash();
    let marks: Vec<(usize, usize)> = hit.spans.iter().map(|[s, e]| (*s, *e)).collect();
    let snippet = hit.snippet.clone();
    let parts: Vec<(String, bool)> = segments_with_marks(&snippet, &[], &marks)
        .into_iter()
        .map(|s| (s.text.to_string(), s.mark))
        .collect();
    let field = match hit.field {
        "note" => Some("in a note"),
        "meta" => Some("in the metadata"),
        "heading" => Some("heading"),
        _ => None,
    };
    view! {
        <li class="hit" data-testid="hit" data-block=hit.block.clone()>
            <a href=href class="hit-link">
                {parts
                    .into_iter()
                    .map(|(text, mark)| if mark { view! { <mark>{text}</mark> }.into_any() } else { text.into_any() })
                    .collect_view()}
            </a>
            {field.map(|f| view! { <span class="hit-field">{f}</span> })}
        </li>
    }
}

/// What to try: shown for an empty query and when nothing matches.
#[component]
fn SearchTips() -> impl IntoView {
    let example = |q: &'static str| {
        let href = Route::Search {
            q: q.to_string(),
            flat: false,
        }
        .to_hash();
        view! { <li><a href=href><code>{q}</code></a></li> }
    };
    view! {
        <section class="tips" data-testid="search-tips">
            <h2>"Search the papers"</h2>
            <p>"Type in the box above (press " <kbd>"/"</kbd> " to get there). Results follow every keystroke. Try:"</p>
            <ul class="examples">
                {example("Kovykta")}
                {example("Primorskiy krai")}
                {example("Приморский")}
                {example("\"energy bridge\"")}
                {example("Sakhalin -LNG")}
                {example("Trutnev OR Darkin")}
            </ul>
            <p class="muted">
                "All words must match; the last one also matches as a prefix. Use quotes for a phrase, "
                <code>"-word"</code> " to exclude, " <code>"OR"</code>
                " for either. Latin and Cyrillic spellings find each other; small typos are forgiven."
            </p>
        </section>
    }
}
