//! People and organisations: who the papers name and which bodies matter,
//! with how many passages mention each under the current filters. Choosing
//! one filters every view by it. Names found automatically (not from the
//! curated lists) carry an "auto" badge, so a reader can tell reviewed
//! names from unreviewed ones.

use crate::components::auto_badge::AutoBadge;
use crate::components::filter_chips::FilterChips;
use crate::route::{Facet, Filters, Route};
use atlas_core::model::{EntityKind, Origin};
use leptos::prelude::*;

/// The people and organisations page for `filters`.
#[component]
pub fn Entities(filters: Filters) -> impl IntoView {
    crate::components::set_title("People and organisations");
    let Ok(selection) = crate::corpus::selection() else {
        return view! { <p role="alert">"The corpus could not be loaded."</p> }.into_any();
    };
    let corpus = selection.corpus;
    let route = Route::Entities {
        filters: filters.clone(),
    };
    let counts = selection.counts(&filters);
    let list = |kind: EntityKind, facet: Facet| {
        let mut rows: Vec<(String, String, String, usize, Origin)> = counts
            .entities
            .iter()
            .filter_map(|&(e, n)| {
                let entity = corpus.annotations.entities.get(e as usize)?;
                (entity.kind == kind).then(|| {
                    (
                        entity.id.clone(),
                        entity.name.clone(),
                        entity.role.clone(),
                        n,
                        entity.origin,
                    )
                })
            })
            .collect();
        rows.sort_by(|a, b| b.3.cmp(&a.3).then(a.1.cmp(&b.1)));
        if rows.is_empty() {
            return view! { <p class="muted">"None under the current filters."</p> }.into_any();
        }
        rows.into_iter()
            .map(|(id, name, role, n, origin)| {
                let active = filters.values(facet).contains(&id);
                let href = route.with_filters(filters.toggled(facet, &id)).to_hash();
                let passages = Route::Search {
                    filters: Filters::default().toggled(facet, &id),
                    flat: true,
                }
                .to_hash();
                let automatic = origin == Origin::Automatic;
                view! {
                    <li class="entity" class:active=active data-testid="entity" data-entity-id=id.clone() data-count=n data-origin=origin.name()>
                        <a href=href aria-current=active.then_some("true")>{name}</a>
                        {automatic.then(|| view! { <AutoBadge /> })}
                        <span class="muted">{format!(" {role}")}</span>
                        <a class="facet-count" href=passages>{format!("{n} passage{}", if n == 1 { "" } else { "s" })}</a>
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="entities-view" aria-labelledby="entities-title">
            <h1 id="entities-title">"People and organisations"</h1>
            <p class="lede">"Named in the passages under the current filters, from curated lists; names marked "<AutoBadge />" were found automatically and nobody has reviewed them yet. Choose a name to filter every view by it; the count opens its passages."</p>
            <FilterChips route=route.clone() />
            <div class="two-columns">
                <section aria-labelledby="people-title">
                    <h2 id="people-title">"People"</h2>
                    <ul class="entity-list" data-testid="people">{list(EntityKind::Person, Facet::Person)}</ul>
                </section>
                <section aria-labelledby="orgs-title">
                    <h2 id="orgs-title">"Organisations"</h2>
                    <ul class="entity-list" data-testid="orgs">{list(EntityKind::Org, Facet::Org)}</ul>
                </section>
            </div>
        </section>
    }
    .into_any()
}
