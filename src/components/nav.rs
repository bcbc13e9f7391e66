//! In-page navigation that must not re-route: jumping to a heading, a note
//! or back to a note's reference changes the URL with `replaceState` (so the
//! address bar holds a permalink) without firing `hashchange`.

use leptos::prelude::*;

/// Scrolls element `id` to the top of the view and focuses it for keyboard
/// and screen-reader users.
pub fn jump_to(id: &str) {
    let Some(el) = document().get_element_by_id(id) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_behavior(web_sys::ScrollBehavior::Instant);
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    el.scroll_into_view_with_scroll_into_view_options(&options);
    use wasm_bindgen::JsCast;
    if let Ok(html) = el.dyn_into::<web_sys::HtmlElement>() {
        if html.get_attribute("tabindex").is_none() {
            let _ = html.set_attribute("tabindex", "-1");
        }
        let _ = html.focus();
    }
}

/// Replaces the current URL's fragment without re-routing.
pub fn replace_hash(hash: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
    }
}

/// The absolute URL of the page with fragment `hash`.
pub fn absolute_url(hash: &str) -> String {
    let location = window().location();
    let href = location.href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}{hash}")
}

/// Goes to `route` at once, without waiting for `hashchange`: the URL is
/// updated with the History API (a new entry when `push`, else in place)
/// and the app's route signal is set in the same task. The search box uses
/// this so a keystroke's results render before the next frame. `set_route`
/// is the app's route setter (`use_context` in the component body: event
/// handlers run outside the reactive owner).
pub fn go(
    set_route: Option<WriteSignal<crate::route::Route>>,
    route: crate::route::Route,
    push: bool,
) {
    let hash = route.to_hash();
    if let Ok(history) = window().history() {
        let url = Some(hash.as_str());
        let _ = if push {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", url)
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", url)
        };
    }
    match set_route {
        Some(set_route) => set_route.set(route),
        // Outside the app (never in practice): fall back to a real navigation.
        None => {
            let _ = window().location().set_hash(&hash);
        }
    }
}
