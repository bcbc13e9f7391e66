//! If the app ever panics, the wasm instance is dead and the page would
//! freeze silently. This hook logs the panic (for bug reports) and replaces
//! the page body with a readable panel and a reload button, built with plain
//! DOM calls because Leptos can no longer run.

use std::panic::PanicHookInfo;

/// Installs the hook; call once at start-up.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panel(info);
    }));
}

/// Test hook, compiled only into fixture builds (`ATLAS_TEST_HOOKS=1`, see
/// build.rs): panics on request, so the browser suite can check that a
/// panic shows the panel rather than a dead page.
#[cfg(atlas_test_hooks)]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn test_panic() {
    panic!("test panic requested by the browser suite");
}

fn show_panel(info: &PanicHookInfo<'_>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let detail = info.to_string();
    // A link that changes the query string makes a real navigation (a
    // reload) and keeps the fragment, i.e. the view. No inline script, so a
    // strict Content-Security-Policy allows it.
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let reload = format!(
        "?reload={}{}",
        js_sys::Date::now() as u64,
        hash.replace('"', "%22")
    );
    let html_escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    body.set_inner_html(&format!(
        "<main id=\"main\"><div class=\"error-panel\" role=\"alert\" data-testid=\"panic-panel\">\
         <h1>Something went wrong</h1>\
         <p>Far East Atlas hit an internal error and stopped. Your address is kept: reloading usually helps.</p>\
         <p><a class=\"button\" href=\"{}\">Reload the page</a></p>\
         <details><summary>Technical details</summary><pre>{}</pre></details>\
         </div></main>",
        html_escape(&reload),
        html_escape(&detail)
    ));
}
