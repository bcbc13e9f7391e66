//! What an unknown URL shows: what was asked for and the way back.

use leptos::prelude::*;

/// A friendly dead end.
#[component]
pub fn NotFound(raw: String) -> impl IntoView {
    crate::components::set_title("Not found");
    // The route keeps the fragment as written; the reader sees it decoded.
    let raw = crate::route::percent_decode(&raw);
    view! {
        <section class="not-found" data-testid="not-found">
            <h1>"Nothing here"</h1>
            <p>"This address does not name a view: " <code>{raw}</code></p>
            <p><a href="#/">"Back to the library"</a></p>
        </section>
    }
}
