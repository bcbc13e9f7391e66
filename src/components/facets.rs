//! The facet panel: every filterable value with its live count under the
//! other active filters, as links that toggle the value in the URL. Links
//! (not buttons bound to state) keep each narrowed view linkable and make
//! Back undo a click, and they are reachable by keyboard as they are.
//! People and organisations found automatically carry the "auto" badge.

use super::auto_badge::AutoBadge;
use crate::route::{Facet, Filters, Route};
use atlas_core::filter::FacetCounts;
use atlas_core::model::Origin;
use atlas_core::model::{Corpus, Document};
use leptos::prelude::*;

/// Values shown before "more" in a long facet.
const SHOWN: usize = 8;

/// A short name for a document in lists and tables: first author's surname
/// and the year (`Lukin 2009`), or the start of the title.
pub fn short_doc_label(doc: &Document) -> String {
    // A corporate author with an acronym goes by the acronym (`CAG`).
    let who = doc.meta.authors.first().and_then(|a| {
        let last = a.split_whitespace().last()?;
        Some(last.trim_matches(|c| c == '(' || c == ')').to_string())
    });
    match (who, doc.meta.year) {
        (Some(w), Some(y)) => format!("{w} {y}"),
        (Some(w), None) => w,
        _ => doc.meta.title.chars().take(24).collect(),
    }
}

/// One value of a facet, ready to show.
#[derive(Clone)]
struct Value {
    label: String,
    count: usize,
    active: bool,
    href: String,
    /// A person or organisation found automatically (shows the badge).
    automatic: bool,
}

/// The facet lists for `route`'s filters.
#[component]
pub fn FacetPanel(route: Route, counts: FacetCounts) -> impl IntoView {
    let Ok(corpus) = crate::corpus::corpus() else {
        return ().into_any();
    };
    let filters = route.filters();
    let link = |f: Filters| route.with_filters(f).to_hash();
    let strings = |facet: Facet, pairs: Vec<(String, String, usize)>| -> Vec<Value> {
        pairs
            .into_iter()
            .map(|(id, label, count)| Value {
                active: filters.values(facet).contains(&id),
                href: link(filters.toggled(facet, &id)),
                automatic: matches!(facet, Facet::Person | Facet::Org)
                    && corpus
                        .annotations
                        .entity(&id)
                        .is_some_and(|(_, e)| e.origin == Origin::Automatic),
                label,
                count,
            })
            .collect()
    };
    let docs = strings(Facet::Doc, doc_values(corpus, &counts));
    let topics = strings(
        Facet::Topic,
        counts
            .topics
            .iter()
            .filter_map(|&(t, c)| {
                let topic = corpus.annotations.topics.get(t as usize)?;
                Some((topic.id.clone(), topic.label.clone(), c))
            })
            .collect(),
    );
    let mut place_pairs: Vec<(String, String, usize)> = counts
        .places
        .iter()
        .filter_map(|&(p, c)| {
            let place = corpus.places.places.get(p as usize)?;
            Some((place.id.clone(), place.name.clone(), c))
        })
        .collect();
    place_pairs.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)));
    let places = strings(Facet::Place, place_pairs);
    let authors = strings(
        Facet::Author,
        counts
            .authors
            .iter()
            .map(|(a, c)| (a.clone(), a.clone(), *c))
            .collect(),
    );
    let langs = strings(
        Facet::Lang,
        counts
            .langs
            .iter()
            .map(|(l, c)| (l.clone(), super::doc_meta::language_name(l).to_string(), *c))
            .collect(),
    );
    let entity_values = |kind: atlas_core::model::EntityKind| -> Vec<(String, String, usize)> {
        let mut v: Vec<(String, String, usize)> = counts
            .entities
            .iter()
            .filter_map(|&(e, c)| {
                let entity = corpus.annotations.entities.get(e as usize)?;
                (entity.kind == kind).then(|| (entity.id.clone(), entity.name.clone(), c))
            })
            .collect();
        v.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)));
        v
    };
    let people = strings(
        Facet::Person,
        entity_values(atlas_core::model::EntityKind::Person),
    );
    let orgs = strings(
        Facet::Org,
        entity_values(atlas_core::model::EntityKind::Org),
    );
    let years: Vec<Value> = counts
        .years
        .iter()
        .map(|&(y, c)| Value {
            label: y.to_string(),
            count: c,
            active: filters.years.contains(&y),
            href: link(filters.toggled_year(y)),
            automatic: false,
        })
        .collect();
    // No passage matches: there is nothing to narrow (the chips remove filters).
    let lists = [
        &docs, &topics, &places, &people, &orgs, &authors, &years, &langs,
    ];
    if lists.iter().all(|l| l.is_empty()) {
        return ().into_any();
    }
    view! {
        <aside class="facets" id="filters" aria-label="Filters" data-testid="facets">
            // The way back up from a stacked filter list (narrow screens only).
            <button type="button" class="button secondary narrow-only to-results" data-testid="to-results"
                on:click=|_| super::nav::jump_to("results")>"Back to the results"</button>
            <FacetList title="Documents" key="doc" values=docs />
            <FacetList title="Topics" key="topic" values=topics />
            <FacetList title="Places" key="place" values=places />
            <FacetList title="People" key="person" values=people />
            <FacetList title="Organisations" key="org" values=orgs />
            <FacetList title="Authors" key="author" values=authors />
            <FacetList title="Published" key="year" values=years />
            <FacetList title="Language" key="lang" values=langs />
        </aside>
    }
    .into_any()
}

fn doc_values(corpus: &Corpus, counts: &FacetCounts) -> Vec<(String, String, usize)> {
    counts
        .docs
        .iter()
        .filter_map(|&(d, c)| {
            let doc = corpus.documents.get(d as usize)?;
            Some((doc.id.clone(), short_doc_label(doc), c))
        })
        .collect()
}

/// One facet: its values with counts; long lists fold after [`SHOWN`].
#[component]
fn FacetList(title: &'static str, key: &'static str, values: Vec<Value>) -> impl IntoView {
    if values.is_empty() {
        return ().into_any();
    }
    let item = move |v: Value| {
        view! {
            <li>
                <a href=v.href class="facet-value" class:active=v.active aria-current=v.active.then_some("true") data-testid="facet-value" data-facet=key>
                    <span class="facet-label">{v.label}</span>
                    {v.automatic.then(|| view! { <AutoBadge /> })}
                    <span class="facet-count">{v.count}</span>
                </a>
            </li>
        }
    };
    let mut values = values;
    // Chosen values stay visible even when they rank low.
    values.sort_by_key(|v| !v.active);
    let rest: Vec<Value> = if values.len() > SHOWN + 2 {
        values.split_off(SHOWN)
    } else {
        Vec::new()
    };
    // The folded values are built only when the reader opens the list:
    // most keystrokes never show them, and building them is most of a
    // results page's DOM.
    let more = (!rest.is_empty()).then(|| {
        let n = rest.len();
        let (open, set_open) = signal(false);
        let rest = StoredValue::new(rest);
        view! {
            <details class="facet-more" on:toggle=move |ev| {
                use wasm_bindgen::JsCast;
                let now = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                    .is_some_and(|d| d.open());
                set_open.set(now);
            }>
                <summary>{format!("{n} more")}</summary>
                {move || open.get().then(|| view! { <ul>{rest.with_value(|r| r.clone()).into_iter().map(item).collect_view()}</ul> })}
            </details>
        }
    });
    view! {
        <section class="facet" data-testid=format!("facet-{key}")>
            <h2 class="facet-title">{title}</h2>
            <ul>{values.into_iter().map(item).collect_view()}</ul>
            {more}
        </section>
    }
    .into_any()
}
