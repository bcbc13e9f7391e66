//! The active filters as removable chips, plus "Clear all": what narrows
//! the current view, always in sight, each undone with one click.

use crate::route::{Facet, Filters, Route};
use leptos::prelude::*;

/// Chips for every active filter of `route` (the query is the search box's).
#[component]
pub fn FilterChips(route: Route) -> impl IntoView {
    let filters = route.filters();
    if filters.is_unfiltered() {
        return ().into_any();
    }
    let corpus = crate::corpus::corpus().ok();
    let link = |f: Filters| route.with_filters(f).to_hash();
    let mut chips: Vec<(String, String)> = Vec::new();
    for facet in Facet::ALL {
        for v in filters.values(facet) {
            let label = corpus.map_or_else(|| v.clone(), |c| value_label(c, facet, v));
            chips.push((
                format!("{}: {label}", facet_name(facet)),
                link(filters.toggled(facet, v)),
            ));
        }
    }
    for &y in &filters.years {
        chips.push((format!("Published: {y}"), link(filters.toggled_year(y))));
    }
    if let Some((from, to)) = filters.mentioned {
        let without = Filters {
            mentioned: None,
            ..filters.clone()
        };
        chips.push((format!("Years mentioned: {from}–{to}"), link(without)));
    }
    let clear = link(filters.cleared());
    view! {
        <div class="chips" role="group" aria-label="Active filters" data-testid="filter-chips">
            {chips
                .into_iter()
                .map(|(label, href)| {
                    let name = format!("Remove filter {label}");
                    view! {
                        <a class="chip" href=href aria-label=name data-testid="chip">
                            {label} <span aria-hidden="true">" ×"</span>
                        </a>
                    }
                })
                .collect_view()}
            <a class="chip-clear" href=clear data-testid="clear-filters">"Clear all"</a>
        </div>
    }
    .into_any()
}

/// The facet's name as a reader says it.
pub fn facet_name(facet: Facet) -> &'static str {
    match facet {
        Facet::Doc => "Document",
        Facet::Author => "Author",
        Facet::Topic => "Topic",
        Facet::Place => "Place",
        Facet::Person => "Person",
        Facet::Org => "Organisation",
        Facet::Lang => "Language",
    }
}

/// A readable label for a facet value (a place's name, not its id).
pub fn value_label(corpus: &atlas_core::Corpus, facet: Facet, v: &str) -> String {
    let found = match facet {
        Facet::Doc => corpus.document(v).map(super::facets::short_doc_label),
        Facet::Topic => corpus.annotations.topic(v).map(|(_, t)| t.label.clone()),
        Facet::Place => corpus
            .places
            .places
            .iter()
            .find(|p| p.id == v)
            .map(|p| p.name.clone()),
        Facet::Lang => Some(super::doc_meta::language_name(v).to_string()),
        Facet::Person | Facet::Org => corpus.annotations.entity(v).map(|(_, e)| {
            match e.origin {
                atlas_core::model::Origin::Curated => e.name.clone(),
                // The chip's accessible name says it too (it is its label).
                atlas_core::model::Origin::Automatic => format!("{} (auto)", e.name),
            }
        }),
        Facet::Author => None,
    };
    found.unwrap_or_else(|| v.to_string())
}
