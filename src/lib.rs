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
use route::Route;

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

    let page = move || {
        // Adding or removing a local document swaps the corpus: every view
        // reads it, so the page is rebuilt.
        let _ = corpus::version();
        routed(route.get())
    };

    view! {
        <a class="skip-link" href="#main" on:click=components::skip_to_main>"Skip to content"</a>
        <components::header::Header route embed />
        <main id="main" tabindex="-1">{page}</main>
        <components::footer::Footer />
    }
}

/// The page for `route`.
fn routed(route: Route) -> AnyView {
    match route {
        Route::Library => pages::library::Library().into_any(),
        Route::Reader {
            id,
            block,
            note,
            q,
            places,
        } => view! { <pages::reader::Reader id block note q places /> }.into_any(),
        Route::Search { filters, flat } => {
            view! { <pages::search::Search filters flat /> }.into_any()
        }
        Route::Map { filters } => view! { <pages::map::MapPage filters /> }.into_any(),
        Route::Topics { filters } => view! { <pages::topics::Topics filters /> }.into_any(),
        Route::Timeline { filters } => view! { <pages::timeline::Timeline filters /> }.into_any(),
        Route::Figures { filters } => view! { <pages::figures::Figures filters /> }.into_any(),
        Route::Entities { filters } => view! { <pages::entities::Entities filters /> }.into_any(),
        Route::Local => pages::local::Local().into_any(),
        Route::NotFound(raw) => view! { <pages::not_found::NotFound raw /> }.into_any(),
    }
}
