//! The pipeline worker: `public/pipeline-worker.js` loads this wasm in a
//! dedicated web worker and calls [`build_local`] for each request, so
//! cleaning, annotating and indexing a reader's documents never blocks the
//! page (a long paper takes well over the 50 ms a frame can spare).
//!
//! Everything it does is [`atlas_core::local::run_worker`]: this file only
//! moves bytes and strings across the JavaScript boundary.

use wasm_bindgen::prelude::*;

/// `sources_json` (`[LocalSource, …]`) over the embedded corpus bytes
/// `base`; returns `[reports_json, corpus_bytes, index_bytes]`, or throws a
/// sentence for the reader.
#[wasm_bindgen]
pub fn build_local(sources_json: &str, base: &[u8]) -> Result<js_sys::Array, JsValue> {
    let out =
        atlas_core::local::run_worker(sources_json, base).map_err(|e| JsValue::from_str(&e))?;
    let answer = js_sys::Array::new();
    answer.push(&JsValue::from_str(&out.reports_json));
    answer.push(&js_sys::Uint8Array::from(out.corpus.as_slice()));
    answer.push(&js_sys::Uint8Array::from(out.index.as_slice()));
    Ok(answer)
}

fn main() {
    console_error_panic_hook::set_once();
}
