//! "Available offline" and "new version — reload": the service worker's
//! state as `public/sw-register.js` reports it through window events.

use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Offline {
    Unknown,
    Ready,
    UpdateWaiting,
}

/// A quiet status line in the footer; a prompt when an update waits.
#[component]
pub fn OfflineStatus() -> impl IntoView {
    let (state, set_state) = signal(Offline::Unknown);
    let ready = window_event_listener_untyped("atlas:offline-ready", move |_| {
        if state.get_untracked() == Offline::Unknown {
            set_state.set(Offline::Ready);
        }
    });
    let update = window_event_listener_untyped("atlas:update-ready", move |_| {
        set_state.set(Offline::UpdateWaiting)
    });
    on_cleanup(move || {
        ready.remove();
        update.remove();
    });
    let apply = move |_| {
        if let Ok(event) = web_sys::CustomEvent::new("atlas:apply-update") {
            let _ = window().dispatch_event(&event);
        }
    };
    view! {
        <span class="offline-status" role="status" aria-live="polite">
            {move || match state.get() {
                Offline::Unknown => ().into_any(),
                Offline::Ready => view! { <span data-testid="offline-ready">"✓ Available offline"</span> }.into_any(),
                Offline::UpdateWaiting => view! {
                    <span class="update-prompt" data-testid="update-prompt">
                        "A new version is available. "
                        <button type="button" class="linkish" on:click=apply>"Reload"</button>
                    </span>
                }
                .into_any(),
            }}
        </span>
    }
}
