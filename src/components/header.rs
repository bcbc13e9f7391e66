//! The site header: name, navigation and the Embed dialog; in embed mode a
//! compact bar with a way out to the full explorer.

use crate::route::Route;
use leptos::prelude::*;

/// Banner with the app name (a link home) and navigation.
#[component]
pub fn Header(route: ReadSignal<Route>, embed: bool) -> impl IntoView {
    if embed {
        let full = move || {
            let href = window().location().href().unwrap_or_default();
            format!("{}{}", crate::embed::base_url(&href), route.get().to_hash())
        };
        return view! {
            <header class="site-header">
                <a class="brand" href="#/"><span class="brand-mark" aria-hidden="true">"◐"</span>" Far East Atlas"</a>
                <a class="open-full" href=full target="_blank" rel="noopener" data-testid="open-full">"Open full explorer ↗"</a>
            </header>
        }
        .into_any();
    }
    view! {
        <header class="site-header">
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true">"◐"</span>
                " Far East Atlas"
            </a>
            <nav aria-label="Main">
                <a href="#/" aria-current=move || matches!(route.get(), Route::Library | Route::Reader { .. }).then_some("page")>"Library"</a>
                <a href=move || Route::Map { filters: route.get().filters() }.to_hash() aria-current=move || matches!(route.get(), Route::Map { .. }).then_some("page") data-testid="nav-map">"Map"</a>
                <a href=move || Route::Topics { filters: route.get().filters() }.to_hash() aria-current=move || matches!(route.get(), Route::Topics { .. }).then_some("page") data-testid="nav-topics">"Topics"</a>
                <a href=move || Route::Timeline { filters: route.get().filters() }.to_hash() aria-current=move || matches!(route.get(), Route::Timeline { .. }).then_some("page") data-testid="nav-timeline">"Timeline"</a>
                <a href=move || Route::Figures { filters: route.get().filters() }.to_hash() aria-current=move || matches!(route.get(), Route::Figures { .. }).then_some("page") data-testid="nav-figures">"Figures"</a>
                <a href=move || Route::Entities { filters: route.get().filters() }.to_hash() aria-current=move || matches!(route.get(), Route::Entities { .. }).then_some("page") data-testid="nav-people">"People"</a>
            </nav>
            <super::search_box::SearchBox route />
            <span class="header-end"><super::embed_dialog::EmbedDialog route /></span>
        </header>
    }
    .into_any()
}
