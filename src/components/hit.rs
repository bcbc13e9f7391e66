//! One passage in a result list: its snippet with the matches marked,
//! linking to the reader at that paragraph (the query rides along so the
//! reader highlights it too). Used by search results and the map's list.

use crate::route::Route;
use atlas_core::model::Passage;
use atlas_core::search::Hit;
use atlas_core::segments::segments_with_marks;
use leptos::prelude::*;

/// The reader link for a hit: paragraph hits scroll to the paragraph, note
/// hits (`<doc>:note:<n>`) to the note; metadata hits open the document.
/// The query rides along to highlight.
pub fn hit_route(hit: &Hit, q: &str) -> Route {
    hit_route_marking(hit, q, &[])
}

/// [`hit_route`] that also highlights the mentions of `places` in the reader.
pub fn hit_route_marking(hit: &Hit, q: &str, places: &[String]) -> Route {
    let (block, note) = match hit.block.passage {
        Passage::Block(n) => (Some(n), None),
        Passage::Note(n) => (None, Some(n)),
        Passage::Meta(_) => (None, None),
    };
    Route::Reader {
        id: hit.doc.clone(),
        block,
        note,
        q: q.to_string(),
        places: places.to_vec(),
    }
}

/// One passage: highlighted snippet linking to the reader. `source` names
/// the document in flat lists; `places` ride along to be highlighted.
#[component]
pub fn HitItem(
    hit: Hit,
    q: String,
    #[prop(optional)] source: Option<String>,
    #[prop(optional)] places: Vec<String>,
) -> impl IntoView {
    let href = hit_route_marking(&hit, &q, &places).to_hash();
    let marks: Vec<(usize, usize)> = hit.spans.iter().map(|[s, e]| (*s, *e)).collect();
    let parts: Vec<(String, bool)> = segments_with_marks(&hit.snippet, &[], &marks)
        .into_iter()
        .map(|s| (s.text.to_string(), s.mark))
        .collect();
    let field = match hit.field {
        "note" => Some("in a note"),
        "meta" => Some("in the metadata"),
        "heading" => Some("heading"),
        _ => None,
    };
    view! {
        <li class="hit" data-testid="hit" data-block=hit.block.to_string()>
            <a href=href class="hit-link">
                {parts
                    .into_iter()
                    .map(|(text, mark)| if mark { view! { <mark>{text}</mark> }.into_any() } else { text.into_any() })
                    .collect_view()}
            </a>
            {source.map(|s| view! { <span class="hit-field">{s}</span> })}
            {field.map(|f| view! { <span class="hit-field">{f}</span> })}
        </li>
    }
}
