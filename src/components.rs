//! Reusable views, one per file.

pub mod doc_meta;
pub mod footer;
pub mod header;

use leptos::prelude::*;

/// The skip link's target is `#main`, but the fragment holds the route: move
/// focus instead of navigating, so the route does not change.
pub fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        use wasm_bindgen::JsCast;
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
        }
    }
}

/// Sets the browser tab's title for the current view.
pub fn set_title(title: &str) {
    document().set_title(&format!("{title} · Far East Atlas"));
}
