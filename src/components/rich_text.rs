//! A block's or note's text with its inline formatting: emphasis, strong,
//! links, and note references as accessible pop-overs. Text is always
//! inserted as text nodes; the spans come from the cleaner.

use atlas_core::model::{Document, Span};
use atlas_core::segments::{segments_with_marks, Segment};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::HashSet;

/// What rendering one page of text keeps track of.
#[derive(Default)]
pub struct RenderState {
    /// Note references already given an anchor id (the first reference to
    /// note n gets `ref-n`, the target of the note's way back).
    pub seen: RefCell<HashSet<u32>>,
    /// Search matches rendered so far; match k gets the id `m-k`.
    pub marks: Cell<usize>,
}

/// Renders `text` with `spans`, highlighting `marks` (byte ranges of search
/// matches). `owner` is the block number, used to make pop-over ids unique.
pub fn rich_text(
    doc: &'static Document,
    text: &'static str,
    spans: &'static [Span],
    marks: &[(usize, usize)],
    owner: &str,
    state: &RenderState,
) -> AnyView {
    let mut previous_mark = false;
    segments_with_marks(text, spans, marks)
        .into_iter()
        .enumerate()
        .map(|(k, seg)| match seg.note {
            Some(n) => note_ref(doc, n, &format!("{owner}-{k}"), &state.seen),
            None => {
                // Adjacent marked segments (a match across formatting) share one number.
                let mark_id = (seg.mark && !previous_mark).then(|| {
                    let id = state.marks.get();
                    state.marks.set(id + 1);
                    format!("m-{id}")
                });
                previous_mark = seg.mark;
                formatted(seg, mark_id)
            }
        })
        .collect_view()
        .into_any()
}

fn formatted(seg: Segment<'static>, mark_id: Option<String>) -> AnyView {
    let mut view = seg.text.into_any();
    if seg.mark {
        view = view! { <mark id=mark_id>{view}</mark> }.into_any();
    }
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
fn note_ref(doc: &'static Document, n: u32, key: &str, seen: &RefCell<HashSet<u32>>) -> AnyView {
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
