//! The mark of a person or organisation found automatically (by the
//! patterns of `atlas_core::annotate::entity::auto`, not from the curated
//! lists): a small "auto" badge whose accessible text says what it means,
//! so a reader can tell reviewed names from unreviewed ones. The badge is
//! never a link; it sits after the name, so a row's first link stays the
//! name itself.

use leptos::prelude::*;

/// What screen readers hear for the badge (and what its tooltip says).
pub const FOUND_AUTOMATICALLY: &str = "found automatically, not reviewed";

/// The "auto" badge.
#[component]
pub fn AutoBadge() -> impl IntoView {
    view! {
        <span class="auto-badge" title=FOUND_AUTOMATICALLY data-testid="auto-badge">
            <span aria-hidden="true">"auto"</span>
            <span class="visually-hidden">{format!(" ({FOUND_AUTOMATICALLY})")}</span>
        </span>
    }
}
