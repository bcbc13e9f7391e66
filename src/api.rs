//! Functions exported to the page's JavaScript (`window.wasmBindings.*`),
//! for embedders and tests. Same JSON as `atlas search --json`.
//!
//! Arguments arrive as `JsValue`, not `&str`: wasm-bindgen's string glue
//! would convert whatever a caller passes (`null` becomes `"null"`, an
//! object with a throwing `toString` throws inside the glue). Here a
//! non-string is read without converting it and answered with
//! `{"error": …}` in words, so every function keeps its promise never to
//! throw.

use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// `search(query, options_json)` → `{"total", "hits": [{"doc", "block",
/// "score", "snippet", "spans"}], …}`; a bad options string gives
/// `{"error": "…"}`. Options may be left out. Never throws.
#[wasm_bindgen]
pub fn search(query: JsValue, options_json: JsValue) -> String {
    let result = string_arg("search", "query", &query, None).and_then(|query| {
        let options = string_arg("search", "options", &options_json, Some("{}"))?;
        let searcher = crate::corpus::searcher().map_err(|e| e.to_string())?;
        searcher
            .search_json(&query, &options)
            .map_err(|e| e.to_string())
    });
    result.unwrap_or_else(|message| error_json(&message))
}

/// `select(query_string)` → `{"total", "documents", "passages": [ids]}`:
/// the passages the filters of a URL query string (`topic=energy&place=…`)
/// leave, as the views show them. Never throws.
#[wasm_bindgen]
pub fn select(query_string: JsValue) -> String {
    let result = string_arg("select", "query string", &query_string, Some("")).and_then(|q| {
        let selection = crate::corpus::selection().map_err(|e| e.to_string())?;
        Ok(atlas_core::filter::api::select_json(&selection, &q))
    });
    result.unwrap_or_else(|message| error_json(&message))
}

/// `passage(block_id)` → `{"topics", "places", "people", "orgs"}`: the
/// annotations of one passage (`<doc>:<n>` or `<doc>:note:<n>`). Never
/// throws.
#[wasm_bindgen]
pub fn passage(block_id: JsValue) -> String {
    let result = string_arg("passage", "passage id", &block_id, None).and_then(|id| {
        let corpus = crate::corpus::corpus().map_err(|e| e.to_string())?;
        Ok(atlas_core::filter::api::passage_json(corpus, &id))
    });
    result.unwrap_or_else(|message| error_json(&message))
}

/// The string a caller passed, `default` when it passed nothing, or the
/// error message naming the function, the argument and what came instead.
fn string_arg(
    function: &str,
    name: &str,
    value: &JsValue,
    default: Option<&str>,
) -> Result<String, String> {
    if let Some(s) = value.as_string() {
        return Ok(s);
    }
    if value.is_undefined() {
        if let Some(d) = default {
            return Ok(d.to_string());
        }
    }
    Err(format!(
        "{function}: the {name} must be a string, not {}",
        js_type(value)
    ))
}

/// What a value is, in words, without converting it (no `toString`,
/// getters or proxy traps run; not even `Array.isArray`, which throws on a
/// revoked proxy).
fn js_type(value: &JsValue) -> &'static str {
    if value.is_undefined() {
        "nothing (undefined)"
    } else if value.is_null() {
        "null"
    } else if value.as_f64().is_some() {
        "a number"
    } else if value.as_bool().is_some() {
        "a boolean"
    } else if value.is_bigint() {
        "a bigint"
    } else if value.is_symbol() {
        "a symbol"
    } else if value.is_function() {
        "a function"
    } else {
        "an object"
    }
}

/// `{"error": message}`.
fn error_json(message: &str) -> String {
    #[derive(Serialize)]
    struct Error<'a> {
        error: &'a str,
    }
    serde_json::to_string(&Error { error: message })
        .unwrap_or_else(|_| String::from("{\"error\":\"\"}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn error_json_escapes() {
        assert_eq!(
            super::error_json("a\"b\\c\n"),
            "{\"error\":\"a\\\"b\\\\c\\n\"}"
        );
    }
}
