//! Functions exported to the page's JavaScript (`window.wasmBindings.*`),
//! for embedders and tests. Same JSON as `atlas search --json`.

use wasm_bindgen::prelude::wasm_bindgen;

/// `search(query, options_json)` → `{"total", "hits": [{"doc", "block",
/// "score", "snippet", "spans"}], …}`; a bad options string gives
/// `{"error": "…"}`. Never throws.
#[wasm_bindgen]
pub fn search(query: &str, options_json: &str) -> String {
    let result = crate::corpus::searcher()
        .map_err(|e| e.to_string())
        .and_then(|s| {
            s.search_json(query, options_json)
                .map_err(|e| e.to_string())
        });
    match result {
        Ok(json) => json,
        Err(message) => format!("{{\"error\":{}}}", json_string(&message)),
    }
}

/// `select(query_string)` → `{"total", "documents", "passages": [ids]}`:
/// the passages the filters of a URL query string (`topic=energy&place=…`)
/// leave, as the views show them. Never throws.
#[wasm_bindgen]
pub fn select(query_string: &str) -> String {
    match crate::corpus::selection() {
        Ok(s) => atlas_core::filter::api::select_json(&s, query_string),
        Err(e) => format!("{{\"error\":{}}}", json_string(&e.to_string())),
    }
}

/// `passage(block_id)` → `{"topics", "places", "people", "orgs"}`: the
/// annotations of one passage (`<doc>:<n>` or `<doc>:note:<n>`).
#[wasm_bindgen]
pub fn passage(block_id: &str) -> String {
    match crate::corpus::corpus() {
        Ok(c) => atlas_core::filter::api::passage_json(c, block_id),
        Err(e) => format!("{{\"error\":{}}}", json_string(&e.to_string())),
    }
}

/// A JSON string literal.
fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn json_string_escapes() {
        assert_eq!(super::json_string("a\"b\\c\n"), "\"a\\\"b\\\\c\\u000a\"");
    }
}
