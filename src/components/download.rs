//! Offers text as a file download (GeoJSON of places, the reader's own
//! documents), through a Blob URL: no server, works offline.

use gloo_file::{Blob, ObjectUrl};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `text` as a download named `file_name` with MIME type `mime`.
pub fn offer(file_name: &str, mime: &str, text: &str) {
    // Revoked when dropped, after the click has started the download.
    let url = ObjectUrl::from(Blob::new_with_options(text, Some(mime)));
    if let Ok(el) = document().create_element("a") {
        if let Ok(a) = el.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(file_name);
            a.click();
        }
    }
}
