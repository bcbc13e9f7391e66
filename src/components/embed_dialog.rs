//! "Embed": a pop-over with the iframe snippet for the current view, ready
//! to copy into another site.

use crate::embed::{base_url, iframe_snippet};
use crate::route::Route;
use leptos::prelude::*;

/// The Embed button and its dialog.
#[component]
pub fn EmbedDialog(route: ReadSignal<Route>) -> impl IntoView {
    let snippet = move || {
        let href = window().location().href().unwrap_or_default();
        iframe_snippet(base_url(&href), &route.get().to_hash())
    };
    let (copied, set_copied) = signal(false);
    let copy = move |_| {
        let promise = window().navigator().clipboard().write_text(&snippet());
        leptos::task::spawn_local(async move {
            set_copied.set(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
        });
    };
    view! {
        <button type="button" class="header-button" popovertarget="embed-dialog" data-testid="embed-button">"Embed"</button>
        <div id="embed-dialog" popover="auto" class="embed-dialog" role="dialog" aria-labelledby="embed-title" data-testid="embed-dialog">
            <h2 id="embed-title">"Embed this view"</h2>
            <p>
                "Paste this into your page. The frame shows the current view; it announces its height and what the reader selects with "
                <code>"postMessage"</code>
                " (see the README for the protocol)."
            </p>
            <label for="embed-snippet">"HTML snippet"</label>
            <textarea id="embed-snippet" readonly prop:value=snippet data-testid="embed-snippet"></textarea>
            <div class="row">
                <span role="status" aria-live="polite">{move || copied.get().then_some("Copied.")}</span>
                <button type="button" on:click=copy>"Copy"</button>
                <button type="button" class="secondary" popovertarget="embed-dialog" popovertargetaction="hide">"Close"</button>
            </div>
        </div>
    }
}
