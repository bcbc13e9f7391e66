//! The search box in the header: focused by `/`, results on every
//! keystroke. Typing changes the URL (`#/search?q=…`): the first keystroke
//! from another view adds a history entry, later ones replace it, so Back
//! returns to where the search started.

use crate::route::{Filters, Route};
use leptos::prelude::*;

/// Header search field bound to the route's query.
#[component]
pub fn SearchBox(route: ReadSignal<Route>) -> impl IntoView {
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let set_route = use_context::<WriteSignal<Route>>();
    let value = move || match route.get() {
        Route::Search { filters, .. } => filters.q,
        _ => String::new(),
    };
    let on_input = move |ev: leptos::ev::Event| {
        let q = event_target_value(&ev);
        // The filters of the view typed from (search, map, topics) carry over.
        let current = route.get_untracked();
        let flat = matches!(current, Route::Search { flat: true, .. });
        let searching = matches!(current, Route::Search { .. });
        let filters = Filters {
            q,
            ..current.filters()
        };
        super::nav::go(set_route, Route::Search { filters, flat }, !searching);
    };
    let slash = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = document().active_element().is_some_and(|el| {
            let tag = el.tag_name().to_ascii_lowercase();
            tag == "input" || tag == "textarea" || el.has_attribute("contenteditable")
        });
        if !typing {
            ev.prevent_default();
            if let Some(el) = input.get() {
                let _ = el.focus();
                el.select();
            }
        }
    });
    on_cleanup(move || slash.remove());
    // Enter opens the best passage in the reader.
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Route::Search { filters, .. } = route.get_untracked() {
            if let Some(hit) =
                crate::pages::search::run(&filters, true).and_then(|r| r.hits.into_iter().next())
            {
                let _ = window()
                    .location()
                    .set_hash(&crate::pages::search::hit_route(&hit, &filters.q).to_hash());
            }
        }
    };
    // The `/` shortcut means something only with a keyboard and a mouse;
    // on a touch screen the hint would be noise.
    let keyboard = window()
        .match_media("(hover: hover) and (pointer: fine)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let placeholder = if keyboard {
        "Search  ( / )"
    } else {
        "Search the papers"
    };
    view! {
        <form class="search-box" role="search" on:submit=on_submit>
            <label for="search-input" class="visually-hidden">"Search the papers"</label>
            <input
                id="search-input"
                node_ref=input
                type="search"
                placeholder=placeholder
                aria-keyshortcuts="/"
                autocomplete="off"
                spellcheck="false"
                prop:value=value
                on:input=on_input
                data-testid="search-input"
            />
        </form>
    }
}
