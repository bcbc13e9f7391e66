//! Search results: passages ranked by the engine, grouped by document (or a
//! flat list), with highlighted snippets that open the reader at the
//! paragraph. The query lives in the URL, so results can be shared and
//! Back/Forward work.

use crate::components::facets::FacetPanel;
use crate::components::filter_chips::FilterChips;
use crate::components::hit::HitItem;
use crate::components::show_more::ShowMore;
use crate::route::{Filters, Route};
use atlas_core::search::{Hit, SearchOptions, SearchResponse};
use leptos::prelude::*;

/// Hits shown per document in the grouped view.
const PER_DOC: usize = 3;
/// Hits computed for one page of results.
const LIMIT: usize = 60;

pub use crate::components::hit::hit_route;

/// Runs the query and filters for the results page: ranked hits when there
/// is a query, the filtered passages in reading order when there is not.
pub fn run(filters: &Filters, flat: bool) -> Option<SearchResponse> {
    run_page(filters, flat, 0)
}

/// One page of results, `LIMIT` hits from `offset` (ranking is stable, so
/// pages join up).
fn run_page(filters: &Filters, flat: bool, offset: usize) -> Option<SearchResponse> {
    let selection = crate::corpus::selection().ok()?;
    let options = SearchOptions {
        limit: LIMIT,
        offset,
        per_doc: (!flat).then_some(PER_DOC),
        ..SearchOptions::default()
    };
    Some(atlas_core::filter::view::results(
        &selection, filters, &options,
    ))
}

/// The results page for the query and filters.
#[component]
pub fn Search(filters: Filters, flat: bool) -> impl IntoView {
    let q = filters.q.clone();
    crate::components::set_title(if q.trim().is_empty() { "Search" } else { &q });
    let route = Route::Search {
        filters: filters.clone(),
        flat,
    };
    let (Some(response), Ok(selection)) = (run(&filters, flat), crate::corpus::selection()) else {
        return view! { <p role="alert">"The search index could not be loaded."</p> }.into_any();
    };
    // `data-rendered-query` tells tests and the typing benchmark which query is on screen.
    let header =
        view! { <h1 class="visually-hidden" data-rendered-query=q.clone()>"Search results"</h1> };
    if filters.is_empty() {
        return view! { {header} <SearchTips /> }.into_any();
    }
    let counts = selection.counts(&filters);
    let facets = view! { <FacetPanel route=route.clone() counts /> };
    let chips = view! { <FilterChips route=route.clone() /> };
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
            let href = route
                .with_filters(Filters {
                    q: s.clone(),
                    ..filters.clone()
                })
                .to_hash();
            view! { <p>"Did you mean " <a href=href data-testid="did-you-mean">{s}</a> "?"</p> }
        });
        let what = if q.trim().is_empty() {
            view! { "No passages match these filters." }.into_any()
        } else {
            view! { "No passages match " <q>{q.clone()}</q> "." }.into_any()
        };
        return view! {
            {header}
            <div class="with-facets">
                <section class="no-results" data-testid="no-results">
                    {chips}
                    <p class="result-count" role="status">{what}</p>
                    {suggestion}
                    {(!filters.is_unfiltered()).then(|| view! { <p>"Try removing a filter."</p> })}
                    <SearchTips />
                </section>
                {facets}
            </div>
        }
        .into_any();
    }
    let toggle = view! {
        <p class="view-toggle">
            <a href=Route::Search { filters: filters.clone(), flat: false }.to_hash() aria-current=(!flat).then_some("page")>"By document"</a>
            " · "
            <a href=Route::Search { filters: filters.clone(), flat: true }.to_hash() aria-current=flat.then_some("page") data-testid="flat-toggle">"All passages"</a>
        </p>
    };
    let list = if flat {
        view! { <FlatHits first=response.hits.clone() total=response.total filters=filters.clone() /> }.into_any()
    } else {
        grouped(&response, &q).into_any()
    };
    view! {
        {header}
        <div class="with-facets">
            <section class="results" id="results" aria-label="Search results">
                {chips}
                <div class="results-head">
                    <p class="result-count" role="status" data-testid="result-count">{summary}</p>
                    {toggle}
                    <FiltersButton />
                </div>
                {list}
            </section>
            {facets}
        </div>
    }
    .into_any()
}

/// On a narrow screen the filters stack below every result: this takes the
/// reader (and the keyboard focus) there without scrolling past them all.
/// Hidden by CSS where the filters sit beside the results.
#[component]
fn FiltersButton() -> impl IntoView {
    view! {
        <button type="button" class="button secondary narrow-only" data-testid="to-filters"
            on:click=|_| crate::components::nav::jump_to("filters")>"Filters"</button>
    }
}

/// The flat list, rendered a page at a time: "Show more" appends the next
/// `LIMIT` hits without touching those already on screen, so a list of a
/// thousand passages costs one page's work per click, never a re-render.
#[component]
fn FlatHits(first: Vec<Hit>, total: usize, filters: Filters) -> impl IntoView {
    let q = filters.q.clone();
    let shown = RwSignal::new(first.len());
    let pages: RwSignal<Vec<Vec<Hit>>> = RwSignal::new(Vec::new());
    let page_view = move |hits: Vec<Hit>, q: String| {
        let corpus = crate::corpus::corpus().ok();
        hits.into_iter()
            .map(|h| {
                let source = corpus
                    .and_then(|c| c.document(&h.doc))
                    .map(crate::components::facets::short_doc_label)
                    .unwrap_or_default();
                view! { <HitItem hit=h q=q.clone() source /> }
            })
            .collect_view()
    };
    let more = {
        let filters = filters.clone();
        Callback::new(move |()| {
            let offset = shown.get_untracked();
            if let Some(next) = run_page(&filters, true, offset) {
                let n = next.hits.len();
                if n > 0 {
                    pages.update(|p| p.push(next.hits));
                    shown.set(offset + n);
                }
            }
        })
    };
    let q_pages = q.clone();
    view! {
        <ol class="hits" data-testid="hits">
            {page_view(first, q.clone())}
            <For each=move || pages.get().into_iter().enumerate() key=|(i, _)| *i let:((_, hits))>
                {page_view(hits, q_pages.clone())}
            </For>
        </ol>
        <ShowMore shown total step=LIMIT on_more=more />
    }
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
            let doc_href = Route::Reader { id: group.doc.clone(), block: None, note: None, q: q.to_string(), places: Vec::new() }.to_hash();
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

/// What to try: shown for an empty query and when nothing matches.
#[component]
fn SearchTips() -> impl IntoView {
    let example = |q: &'static str| {
        let href = crate::route::search(q).to_hash();
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
