//! The footer: what the reader is looking at and where it came from.

use leptos::prelude::*;

/// Corpus provenance and the no-server promise.
#[component]
pub fn Footer() -> impl IntoView {
    let kib = crate::corpus::embedded_size().div_ceil(1024);
    view! {
        <footer class="site-footer">
            <p>
                "Far East Atlas runs entirely in your browser: the corpus and its search index ("
                {kib}
                " KiB) is built into the page, nothing is fetched. "
                <super::offline_status::OfflineStatus />
            </p>
        </footer>
    }
}
