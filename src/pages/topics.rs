//! Topics: the curated taxonomy with how many passages each topic tags
//! under the current filters, and the documents compared by topic — a
//! document × topic grid whose every cell links to its passages.

use crate::components::facets::short_doc_label;
use crate::components::filter_chips::FilterChips;
use crate::route::{Facet, Filters, Route};
use atlas_core::filter::view::{self, TopicGrid};
use leptos::prelude::*;

/// The topics page for `filters`.
#[component]
pub fn Topics(filters: Filters) -> impl IntoView {
    crate::components::set_title("Topics");
    let Ok(selection) = crate::corpus::selection() else {
        return view! { <p role="alert">"The corpus could not be loaded."</p> }.into_any();
    };
    let corpus = selection.corpus;
    let route = Route::Topics {
        filters: filters.clone(),
    };
    // Topic counts are taken without the topic filter, like every facet.
    let TopicGrid { per_topic, cells } = view::topic_grid(&selection, &filters);
    let passages_of = |doc: Option<&str>, topic: &str| {
        let mut f = Filters {
            topics: vec![topic.to_string()],
            ..filters.clone()
        };
        if let Some(d) = doc {
            f.docs = vec![d.to_string()];
        }
        Route::Search {
            filters: f,
            flat: true,
        }
        .to_hash()
    };
    let topics = &corpus.annotations.topics;
    let list = topics
        .iter()
        .enumerate()
        .map(|(t, topic)| {
            let n = per_topic.get(t).copied().unwrap_or(0);
            let active = filters.topics.contains(&topic.id);
            let toggle = route.with_filters(filters.toggled(Facet::Topic, &topic.id)).to_hash();
            view! {
                <li class="topic" data-testid="topic" data-topic-id=topic.id.clone() data-count=n class:active=active>
                    <h3>
                        <a href=passages_of(None, &topic.id)>{topic.label.clone()}</a>
                        <span class="facet-count">{format!("{n} passage{}", if n == 1 { "" } else { "s" })}</span>
                    </h3>
                    <p>{topic.description.clone()}</p>
                    <a class="chip-toggle" href=toggle aria-current=active.then_some("true")>
                        {if active { "Remove from filters" } else { "Filter every view by this topic" }}
                    </a>
                </li>
            }
        })
        .collect_view();
    let max = cells.values().copied().max().unwrap_or(1).max(1);
    let grid_head = topics
        .iter()
        .map(|t| view! { <th scope="col" class="rot"><span>{t.label.clone()}</span></th> })
        .collect_view();
    let grid_rows = corpus
        .documents
        .iter()
        .enumerate()
        .map(|(d, doc)| {
            let row = topics
                .iter()
                .enumerate()
                .map(|(t, topic)| {
                    let n = cells.get(&(d as u32, t as u16)).copied().unwrap_or(0);
                    let level = if n == 0 { 0 } else { 1 + (n * 4 - 1) / max };
                    let label = format!("{}: {} passage{} on {}", short_doc_label(doc), n, if n == 1 { "" } else { "s" }, topic.label);
                    if n == 0 {
                        view! { <td class="heat heat-0"><span class="visually-hidden">{label}</span></td> }.into_any()
                    } else {
                        view! {
                            <td class=format!("heat heat-{level}")>
                                <a href=passages_of(Some(&doc.id), &topic.id) aria-label=label data-testid="heat-cell">{n}</a>
                            </td>
                        }
                        .into_any()
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row"><a href=crate::route::reader(&doc.id, None).to_hash()>{short_doc_label(doc)}</a></th>
                    {row}
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="topics-view" aria-labelledby="topics-title">
            <h1 id="topics-title">"Topics"</h1>
            <p class="lede">
                "A curated taxonomy of the field; a passage gets a topic when its cue words weigh enough. Counts follow the current filters."
            </p>
            <FilterChips route=route.clone() />
            <h2>"Compare documents"</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="heat-caption">
                <table class="heatmap" data-testid="heatmap">
                    <caption id="heat-caption">"Passages per document and topic; each number opens those passages"</caption>
                    <thead><tr><th scope="col">"Document"</th>{grid_head}</tr></thead>
                    <tbody>{grid_rows}</tbody>
                </table>
            </div>
            <h2>"All topics"</h2>
            <ul class="topic-list" data-testid="topic-list">{list}</ul>
        </section>
    }
    .into_any()
}
