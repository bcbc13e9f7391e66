//! "Showing 50 of 500. Show 50 more": the one control every long list
//! (results, library, figures) uses to grow a page at a time, so a large
//! corpus never costs its whole length in rendering at once.
//!
//! Only the counts change between clicks: the button stays the same
//! element, so keyboard focus stays on it.

use leptos::prelude::*;

/// Shown while `shown < total`; `on_more` adds the next page (and updates
/// `shown`). `step` is how many a click adds, for the button's label.
#[component]
pub fn ShowMore(
    shown: RwSignal<usize>,
    total: usize,
    step: usize,
    on_more: Callback<()>,
) -> impl IntoView {
    view! {
        <Show when=move || { total > shown.get() }>
            <p class="more">
                {move || format!("Showing {} of {total}. ", shown.get())}
                <button type="button" class="button show-more" on:click=move |_| on_more.run(()) data-testid="show-more">
                    {move || format!("Show {} more", step.min(total.saturating_sub(shown.get())))}
                </button>
            </p>
        </Show>
    }
}

/// The usual `on_more` for a list that renders its first `shown` items:
/// one more page of `step`.
pub fn grow(shown: RwSignal<usize>, step: usize) -> Callback<()> {
    Callback::new(move |()| shown.update(|n| *n += step))
}
