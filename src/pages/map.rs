//! The map view: every place the papers mention, sized by mentions under
//! the current filters; choosing a place lists its passages beside the map;
//! the same numbers as a table below; and a GeoJSON export.
//!
//! Marker sizes are counted under every filter *but* the place filter, so
//! choosing Vladivostok keeps the other places on the map while the passage
//! list narrows to Vladivostok.

use crate::components::facets::short_doc_label;
use crate::components::filter_chips::FilterChips;
use crate::components::hit::HitItem;
use crate::components::map_canvas::{restore_marker_focus, MapCanvas, Marker, Shape};
use crate::components::place_table::PlaceTable;
use crate::route::{Facet, Filters, Route};
use atlas_core::filter::{view, Selection};
use atlas_core::model::PlaceKind;

use leptos::prelude::*;

/// Passages listed beside the map at most.
const PASSAGES_SHOWN: usize = 40;

thread_local! {
    /// Whether the map shows the places the geoparser is unsure of (every
    /// mention below `atlas_core::model::CONFIDENT`). Kept for the
    /// session: the page is rebuilt whenever the filters change.
    static SHOW_UNCERTAIN: ArcRwSignal<bool> = ArcRwSignal::new(false);
}

/// The map page for `filters`.
#[component]
pub fn MapPage(filters: Filters) -> impl IntoView {
    crate::components::set_title("Map");
    let (Ok(selection), Ok(basemap)) = (crate::corpus::selection(), crate::corpus::basemap())
    else {
        return view! { <p role="alert">"The map data could not be loaded."</p> }.into_any();
    };
    let route = Route::Map {
        filters: filters.clone(),
    };
    let corpus = selection.corpus;
    let mut markers = Vec::new();
    let mut countries = Vec::new();
    let mut uncertain = Vec::new();
    // A place is uncertain when none of its mentions reaches the confidence
    // the map shows by default (a homonym chosen on weak evidence).
    let counted_places = view::map_places(&selection, &filters);
    // What the GeoJSON export writes: (place, document, mentions).
    let counts: Vec<(u16, u32, u32)> = counted_places
        .iter()
        .flat_map(|p| p.docs.iter().map(move |&(d, c)| (p.place, d, c)))
        .collect();
    for counted in &counted_places {
        let Some(place) = corpus.places.places.get(usize::from(counted.place)) else {
            continue;
        };
        let (x, y) = atlas_core::geo::project(place.lat, place.lon);
        let shape = match place.kind {
            PlaceKind::Route => Shape::Route,
            PlaceKind::Country
            | PlaceKind::Region
            | PlaceKind::MacroRegion
            | PlaceKind::Sea
            | PlaceKind::River
            | PlaceKind::Peninsula => Shape::Area,
            _ => Shape::Point,
        };
        let line = (place.waypoints.len() >= 2)
            .then(|| atlas_core::geo::route::route_path(&place.waypoints));
        markers.push(Marker {
            id: place.id.clone(),
            name: place.name.clone(),
            kind: place.kind.name(),
            shape,
            x,
            y,
            line,
            total: counted.total,
            docs: counted
                .docs
                .iter()
                .filter_map(|&(d, c)| Some((short_doc_label(corpus.documents.get(d as usize)?), c)))
                .collect(),
            active: filters.places.contains(&place.id),
            href: route
                .with_filters(filters.toggled(Facet::Place, &place.id))
                .to_hash(),
        });
        countries.push(place.country.clone());
        uncertain.push(!counted.confident);
    }
    let total_mentions: u32 = markers.iter().map(|m| m.total).sum();
    let place_ids: Vec<String> = markers.iter().map(|m| m.id.clone()).collect();
    let doc_labels: Vec<String> = corpus.documents.iter().map(short_doc_label).collect();
    let summary = format!(
        "{} places, {} mentions{}.",
        markers.len(),
        total_mentions,
        if filters.is_empty() {
            ""
        } else {
            " under the current filters"
        }
    );
    let empty = markers.is_empty().then(|| {
        view! {
            <p class="no-results" data-testid="map-empty">
                "No place is mentioned in the passages these filters leave. "
                <a href=route.with_filters(Filters::default()).to_hash()>"Show every place"</a>
            </p>
        }
    });
    let panel = view! { <PlacePanel selection filters=filters.clone() /> };
    let export = {
        let counts = counts.clone();
        move |_| {
            crate::components::download::offer(
                "far-east-atlas-places.geojson",
                "application/geo+json",
                &atlas_core::geo::geojson::places_geojson(corpus, &counts),
            )
        }
    };
    restore_marker_focus(&place_ids);
    let show = SHOW_UNCERTAIN.with(ArcRwSignal::clone);
    let hidden = uncertain.iter().filter(|u| **u).count();
    let switch = (hidden > 0).then(|| {
        let show = show.clone();
        let label = format!(
            "Show {hidden} uncertain place{} (a name several places share, chosen on weak evidence)",
            if hidden == 1 { "" } else { "s" }
        );
        view! {
            <label class="uncertain-switch">
                <input
                    type="checkbox"
                    data-testid="show-uncertain"
                    prop:checked={
                        let show = show.clone();
                        move || show.get()
                    }
                    on:change=move |ev| show.set(event_target_checked(&ev))
                />
                " " {label}
            </label>
        }
    });
    let shown = {
        let show = show.clone();
        move || {
            let all = show.get();
            let keep: Vec<bool> = uncertain.iter().map(|u| all || !u).collect();
            let visible: Vec<Marker> = markers
                .iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|(m, _)| m.clone())
                .collect();
            let visible_countries: Vec<Option<String>> = countries
                .iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|(c, _)| c.clone())
                .collect();
            (visible, visible_countries)
        }
    };
    let canvas = {
        let shown = shown.clone();
        move || view! { <MapCanvas basemap markers=shown().0 /> }
    };
    let table = {
        let doc_labels = doc_labels.clone();
        move || {
            let (visible, visible_countries) = shown();
            view! { <PlaceTable markers=visible docs=doc_labels.clone() countries=visible_countries /> }
        }
    };
    view! {
        <section class="map-view" aria-labelledby="map-title">
            <h1 id="map-title">"Places"</h1>
            <p class="lede" data-testid="map-summary">
                {summary}
                " Larger marks, more mentions; rings are regions and countries, squares routes. Choose a place to read its passages."
            </p>
            <FilterChips route=route.clone() />
            {empty}
            {switch}
            <div class="map-layout">
                {canvas}
                {panel}
            </div>
            <div class="map-actions">
                <button type="button" on:click=export data-testid="export-geojson">"Export GeoJSON"</button>
                <span class="muted">" the places under the current filters, with their mentions per document."</span>
            </div>
            {table}
        </section>
    }
    .into_any()
}

/// Beside the map: the chosen places' passages, or how to choose one.
#[component]
fn PlacePanel(selection: Selection<'static>, filters: Filters) -> impl IntoView {
    let corpus = selection.corpus;
    if filters.places.is_empty() {
        return view! {
            <aside class="place-panel" aria-label="Passages" data-testid="place-panel">
                <h2>"Passages"</h2>
                <p class="muted">"Choose a place on the map or in the table to list the passages that mention it."</p>
            </aside>
        }
        .into_any();
    }
    let chosen: Vec<u16> = filters
        .places
        .iter()
        .filter_map(|id| corpus.places.position(id))
        .collect();
    let names: Vec<String> = chosen
        .iter()
        .filter_map(|&p| corpus.places.places.get(p as usize).map(|x| x.name.clone()))
        .collect();
    if names.is_empty() {
        return view! {
            <aside class="place-panel" aria-label="Passages" data-testid="place-panel">
                <h2 data-testid="place-panel-title">"Unknown place"</h2>
                <p class="muted">"This link names a place the papers do not mention. Choose one on the map or in the table."</p>
            </aside>
        }
        .into_any();
    }
    let (total, hits) = view::place_passages(&selection, &filters, PASSAGES_SHOWN);
    let heading = format!(
        "{} · {} passage{}",
        names.join(" or "),
        total,
        if total == 1 { "" } else { "s" }
    );
    let q = filters.q.clone();
    view! {
        <aside class="place-panel" aria-label="Passages" data-testid="place-panel">
            <h2 data-testid="place-panel-title">{heading}</h2>
            <ol class="hits" data-testid="place-passages">
                {hits
                    .into_iter()
                    .map(|h| {
                        let source = corpus.document(&h.doc).map(short_doc_label).unwrap_or_default();
                        view! { <HitItem hit=h q=q.clone() source places=filters.places.clone() /> }
                    })
                    .collect_view()}
            </ol>
            {(total > PASSAGES_SHOWN).then(|| view! { <p class="more">{format!("The first {PASSAGES_SHOWN} of {total}, in reading order.")}</p> })}
        </aside>
    }
    .into_any()
}
