//! Far East Atlas: the app shell. Top-level layout, the router that maps the
//! URL fragment to a page, and the start-up that mounts it.
//!
//! The app is views only: every word it shows was cleaned at compile time
//! by `atlas-core` and embedded by `build.rs` (see `corpus.rs`).

pub mod api;
pub mod components;
pub mod corpus;
pub mod embed;
pub mod pages;
pub mod panic_panel;
pub mod route;

use leptos::prelude::*;
use route::Route;

/// Mounts the app into `<body>`, replacing the loading message.
pub fn start() {
    panic_panel::install();
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
}

/// The current route, read from `location.hash`.
fn current_route() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

/// The whole app: header, the routed page, footer.
#[component]
pub fn App() -> impl IntoView {
    let (route, set_route) = signal(current_route());
    let embed = embed::is_embed();
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(current_route())
    });
    on_cleanup(move || handle.remove());

    let page = move || match route.get() {
        Route::Library => pages::library::Library().into_any(),
        Route::Reader { id, block, q } => view! { <pages::reader::Reader id block q /> }.into_any(),
        Route::Search { q, flat } => view! { <pages::search::Search q flat /> }.into_any(),
        Route::NotFound(raw) => view! { <pages::not_found::NotFound raw /> }.into_any(),
    };

    view! {
        <a class="skip-link" href="#main" on:click=components::skip_to_main>"Skip to content"</a>
        <components::header::Header route embed />
        <main id="main" tabindex="-1">{page}</main>
        <components::footer::Footer />
    }
}
