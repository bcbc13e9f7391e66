//! The site header: name, what this is, and the main navigation.

use leptos::prelude::*;

/// Banner with the app name (a link home) and navigation.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="site-header">
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true">"◐"</span>
                " Far East Atlas"
            </a>
            <nav aria-label="Main">
                <a href="#/">"Library"</a>
            </nav>
        </header>
    }
}
