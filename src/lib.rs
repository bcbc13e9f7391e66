//! Far East Atlas: the app shell. Top-level layout, the router that maps the
//! URL fragment to a page, and the start-up that mounts it.
//!
//! The app is views only: every word it shows was cleaned at compile time
//! by `atlas-core` and embedded by `build.rs` (see `corpus.rs`).

pub mod api;
pub mod components;
pub mod corpus;
pub mod embed;
pub mod local;
pub mod pages;
pub mod panic_panel;
pub mod route;

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use route::{Filters, Route};

/// Mounts the app into `<body>`, replacing the loading message.
pub fn start() {
    panic_panel::install();
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
    // The reader's own documents join after the embedded corpus is on screen.
    local::restore();
    // Decode the index, then build the facet table, once the first screen
    // is up, so the reader's first keystroke does not pay for them. Two
    // tasks, not one: the page can answer input between them.
    leptos::task::spawn_local(async {
        TimeoutFuture::new(250).await;
        let _ = corpus::searcher();
        TimeoutFuture::new(30).await;
        let _ = corpus::selection();
    });
}

/// The current route, read from `location.hash`.
fn current_route() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

/// The whole app: header, the routed page, footer.
#[component]
pub fn App() -> impl IntoView {
    let (route, set_route) = signal(current_route());
    provide_context(set_route);
    let embed = embed::is_embed();
    // Links and embed commands change the fragment (`hashchange`); Back and
    // Forward over entries the app pushed itself fire `popstate`. Either way
    // the URL is the truth; an unchanged route is not re-rendered.
    let sync = move || {
        let next = current_route();
        if route.with_untracked(|r| r != &next) {
            set_route.set(next);
        }
    };
    let hash = window_event_listener(leptos::ev::hashchange, move |_| sync());
    let pop = window_event_listener(leptos::ev::popstate, move |_| sync());
    on_cleanup(move || {
        hash.remove();
        pop.remove();
    });

    // The page is rebuilt only when the view changes; a filtered view gets
    // its filters as a signal and updates in place when only they change.
    let page_of = Memo::new(move |_| route.with(Route::page));
    let filters = Memo::new(move |_| route.with(Route::filters));
    let page = move || {
        // Adding or removing a local document swaps the corpus: every view
        // reads it, so the page is rebuilt.
        let _ = corpus::version();
        routed(page_of.get(), filters.into())
    };

    view! {
        <a class="skip-link" href="#main" on:click=components::skip_to_main>"Skip to content"</a>
        <components::header::Header route embed />
        <main id="main" tabindex="-1">{page}</main>
        <components::footer::Footer />
    }
}

/// The page for `route` (as [`Route::page`] gives it), its filters read
/// from `filters`.
fn routed(route: Route, filters: Signal<Filters>) -> AnyView {
    match route {
        Route::Library => pages::library::Library().into_any(),
        Route::Reader {
            id,
            block,
            note,
            q,
            places,
        } => view! { <pages::reader::Reader id block note q places /> }.into_any(),
        Route::Search { flat, .. } => mounted("search", filters, move |filters| {
            view! { <pages::search::Search filters flat /> }.into_any()
        }),
        Route::Map { .. } => mounted("map", filters, |filters| {
            view! { <pages::map::MapPage filters /> }.into_any()
        }),
        Route::Topics { .. } => mounted("topics", filters, |filters| {
            view! { <pages::topics::Topics filters /> }.into_any()
        }),
        Route::Timeline { .. } => mounted("timeline", filters, |filters| {
            view! { <pages::timeline::Timeline filters /> }.into_any()
        }),
        Route::Figures { .. } => mounted("figures", filters, |filters| {
            view! { <pages::figures::Figures filters /> }.into_any()
        }),
        Route::Entities { .. } => mounted("entities", filters, |filters| {
            view! { <pages::entities::Entities filters /> }.into_any()
        }),
        Route::Local => pages::local::Local().into_any(),
        Route::NotFound(raw) => view! { <pages::not_found::NotFound raw /> }.into_any(),
    }
}

/// Pages built since start-up: each page root says which build it is
/// (`data-build`), so a browser test can tell a page updated in place from
/// one built again (the DOM alone cannot: Leptos reuses elements of the
/// same shape).
static PAGE_BUILDS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// A filtered view that stays mounted while only its filters change: its
/// root (`.page`, laid out as if absent) is built once per view, and what
/// is inside follows `filters`.
fn mounted(
    name: &'static str,
    filters: Signal<Filters>,
    content: impl Fn(Filters) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    let build = PAGE_BUILDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
    view! {
        <div class="page" data-page=name data-build=build>
            {move || content(filters.get())}
        </div>
    }
    .into_any()
}
