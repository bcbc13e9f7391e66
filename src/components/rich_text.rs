//! A block's or note's text with its inline formatting: emphasis, strong,
//! links, and note references as accessible pop-overs. Text is always
//! inserted as text nodes; the spans come from the cleaner.

use atlas_core::model::{Document, Span};
use atlas_core::segments::{segments, Segment};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashSet;

/// Note references already given an anchor id on this page (the first
/// reference to note n gets `ref-n`, the target of the note's way back).
pub type SeenRefs = RefCell<HashSet<u32>>;

/// Renders `text` with `spans`. `owner` is the block number, used to make
/// pop-over ids unique.
pub fn rich_text(
    doc: &'static Document,
    text: &'static str,
    spans: &'static [Span],
    owner: &str,
    seen: &SeenRefs,
) -> AnyView {
    segments(text, spans)
        .into_iter()
        .enumerate()
        .map(|(k, seg)| match seg.note {
            Some(n) => note_ref(doc, n, &format!("{owner}-{k}"), seen),
            None => formatted(seg),
        })
        .collect_view()
        .into_any()
}

fn formatted(seg: Segment<'static>) -> AnyView {
    let mut view = seg.text.into_any();
    if seg.emphasis {
        view = view! { <em>{view}</em> }.into_any();
    }
    if seg.strong {
        view = view! { <strong>{view}</strong> }.into_any();
    }
    match seg
        .link
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
    {
        Some(url) => {
            view! { <a href=url rel="noopener noreferrer" target="_blank">{view}</a> }.into_any()
        }
        None => view,
    }
}

/// A superscript button that opens the note in a pop-over (native
/// `popover`: Esc and outside clicks close it, focus returns to the button).
fn note_ref(doc: &'static Document, n: u32, key: &str, seen: &SeenRefs) -> AnyView {
    let pop_id = format!("pop-{key}");
    let anchor = seen.borrow_mut().insert(n).then(|| format!("ref-{n}"));
    let note = doc.notes.iter().find(|note| note.n == n);
    let body = match note {
        Some(note) if !note.missing && !note.text.is_empty() => note.text.clone(),
        _ => "Note text not in the source.".to_string(),
    };
    let lang = note
        .map(|note| note.lang.clone())
        .unwrap_or_else(|| "en".into());
    let go = move |_| super::nav::jump_to(&format!("note-{n}"));
    let (pop_a, pop_b) = (pop_id.clone(), pop_id.clone());
    view! {
        <sup class="noteref-wrap">
            <button type="button" class="noteref" id=anchor popovertarget=pop_a aria-label=format!("Note {n}") data-testid="noteref">
                {n}
            </button>
        </sup>
        <span id=pop_b popover="auto" class="note-pop" role="note" lang=lang>
            <span class="note-pop-n">{format!("Note {n}. ")}</span>
            {body}
            " "
            <button type="button" class="linkish" popovertarget=pop_id popovertargetaction="hide" on:click=go>"All notes"</button>
        </span>
    }
    .into_any()
}
