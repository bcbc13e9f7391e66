//! The footer: what the reader is looking at and where it came from,
//! including the attribution GeoNames' CC BY 4.0 licence asks for (the
//! gazetteer's names and points come from it).

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
            <p class="site-footer-credits">
                "Place names and coordinates: "
                <a href="https://www.geonames.org/">"GeoNames"</a>
                " ("
                <a href="https://creativecommons.org/licenses/by/4.0/">"CC BY 4.0"</a>
                ") and "
                <a href="https://www.naturalearthdata.com/">"Natural Earth"</a>
                " (public domain), which also draws the base map."
            </p>
        </footer>
    }
}
