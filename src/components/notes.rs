//! The notes the cleaner moved out of the body, each with a way back to
//! where it is referenced. Notes whose text the extraction lost are listed
//! as such, so a reader knows the gap is in the source.

use super::nav::jump_to;
use super::rich_text::{rich_text, RenderState};
use atlas_core::model::Document;
use leptos::prelude::*;

/// The list of notes.
#[component]
pub fn Notes(doc: &'static Document) -> impl IntoView {
    let state = RenderState::default();
    // Notes never create new reference anchors: mark every number as seen.
    state
        .seen
        .borrow_mut()
        .extend(doc.notes.iter().map(|n| n.n));
    let referenced: std::collections::HashSet<u32> = doc
        .blocks
        .iter()
        .flat_map(|b| b.notes.iter().copied())
        .collect();
    view! {
        <section class="notes" aria-labelledby="notes-title" data-testid="notes">
            <h2 id="notes-title">"Notes"</h2>
            <ol class="note-list">
                {doc
                    .notes
                    .iter()
                    .map(|note| {
                        let n = note.n;
                        let body = if note.missing || note.text.is_empty() {
                            view! { <em class="missing">"Note text not in the source."</em> }.into_any()
                        } else {
                            rich_text(doc, &note.text, &note.spans, &[], &format!("n{n}"), &state)
                        };
                        let back = referenced.contains(&n).then(|| {
                            view! {
                                " "
                                <button type="button" class="linkish back" aria-label=format!("Back to the text of note {n}") on:click=move |_| jump_to(&format!("ref-{n}"))>
                                    "↩"
                                </button>
                            }
                        });
                        view! {
                            <li id=format!("note-{n}") value=n lang=note.lang.clone() class:missing=note.missing class:other-lang=note.lang != "en" && !note.lang.is_empty() data-testid="note">
                                {body}
                                {back}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
