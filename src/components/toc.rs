//! Table of contents built from the document's headings.

use super::nav::{jump_to, replace_hash};
use atlas_core::model::{BlockKind, Document};
use leptos::prelude::*;

/// Links to every heading; activating one jumps there without re-rendering
/// and leaves a permalink in the address bar.
#[component]
pub fn Toc(doc: &'static Document) -> impl IntoView {
    let entries: Vec<_> = doc
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(n, b)| match b.kind {
            BlockKind::Heading { level } => Some((n as u32, level, b.text.clone())),
            _ => None,
        })
        .collect();
    (entries.len() > 1).then(|| {
        view! {
            <nav class="toc" aria-label="Contents" data-testid="toc">
                <details open>
                    <summary>"Contents"</summary>
                    <ol>
                        {entries
                            .into_iter()
                            .map(|(n, level, text)| {
                                let hash = crate::route::reader(&doc.id, Some(n)).to_hash();
                                let target = hash.clone();
                                let go = move |ev: leptos::ev::MouseEvent| {
                                    ev.prevent_default();
                                    replace_hash(&target);
                                    jump_to(&format!("b-{n}"));
                                };
                                view! { <li class=format!("toc-l{}", level.min(4))><a href=hash on:click=go>{text}</a></li> }
                            })
                            .collect_view()}
                    </ol>
                </details>
            </nav>
        }
    })
}
