//! Reusable views, one per file.

pub mod auto_badge;
pub mod doc_meta;
pub mod download;
pub mod embed_dialog;
pub mod facets;
pub mod filter_chips;
pub mod footer;
pub mod header;
pub mod hit;
pub mod map_canvas;
pub mod nav;
pub mod notes;
pub mod offline_status;
pub mod place_table;
pub mod reader_head;
pub mod rich_text;
pub mod search_box;
pub mod show_more;
pub mod toc;

use leptos::prelude::*;

/// The skip link's target is `#main`, but the fragment holds the route: move
/// focus instead of navigating, so the route does not change.
pub fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    nav::jump_to("main");
}

/// Sets the browser tab's title for the current view.
pub fn set_title(title: &str) {
    document().set_title(&format!("{title} · Far East Atlas"));
}
