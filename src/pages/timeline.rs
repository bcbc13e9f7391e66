//! The timeline: how often each year is mentioned in the text, stacked by
//! document, with each paper's publication year marked. Dragging across
//! the chart (or choosing a bar, or typing a range) sets the
//! `mentioned=from-to` filter that every other view then follows.

use crate::components::facets::short_doc_label;
use crate::components::filter_chips::FilterChips;
use crate::route::{Filters, Route};
use leptos::prelude::*;

/// Width of the chart in SVG units; bars are spread across it.
const WIDTH: f32 = 1000.0;
/// Height of the bars' area.
const HEIGHT: f32 = 220.0;
/// Room under the bars for the axis labels.
const AXIS: f32 = 36.0;

/// One colour class per document, by position (`doc-0` … `doc-7`, cycling).
fn doc_class(d: usize) -> String {
    format!("doc-{}", d % 8)
}

/// The timeline page for `filters`.
#[component]
pub fn Timeline(filters: Filters) -> impl IntoView {
    crate::components::set_title("Timeline");
    let Ok(selection) = crate::corpus::selection() else {
        return view! { <p role="alert">"The corpus could not be loaded."</p> }.into_any();
    };
    let corpus = selection.corpus;
    let route = Route::Timeline {
        filters: filters.clone(),
    };
    // Counted without the range itself, like every facet.
    let base = Filters {
        mentioned: None,
        ..filters.clone()
    };
    let counts = atlas_core::filter::view::year_histogram(&selection, &filters);
    let published: Vec<(usize, i32)> = corpus
        .documents
        .iter()
        .enumerate()
        .filter_map(|(d, doc)| Some((d, doc.meta.year?)))
        .collect();
    let years_seen = counts.keys().copied().chain(published.iter().map(|p| p.1));
    let (Some(first), Some(last)) = (years_seen.clone().min(), years_seen.max()) else {
        return view! {
            <section class="timeline-view">
                <h1>"Timeline"</h1>
                <p class="no-results" data-testid="timeline-empty">"No year is mentioned in the passages these filters leave."</p>
            </section>
        }
        .into_any();
    };
    // Whole decades, so the axis reads naturally.
    let first = first.div_euclid(10) * 10;
    let last = last.div_euclid(10) * 10 + 9;
    let span = (last - first + 1) as f32;
    let bar_w = WIDTH / span;
    let max = counts
        .values()
        .map(|m| m.values().sum::<usize>())
        .max()
        .unwrap_or(1)
        .max(1) as f32;
    let chosen = filters.mentioned;
    let link_for = move |from: i32, to: i32| {
        Route::Timeline {
            filters: Filters {
                mentioned: Some((from.min(to), from.max(to))),
                ..base.clone()
            },
        }
        .to_hash()
    };
    let bars = counts
        .iter()
        .map(|(&year, per_doc)| {
            let x = (year - first) as f32 * bar_w;
            let total: usize = per_doc.values().sum();
            let mut y = HEIGHT;
            let segments = per_doc
                .iter()
                .map(|(&d, &n)| {
                    let h = n as f32 / max * HEIGHT;
                    y -= h;
                    view! { <rect class=doc_class(d as usize) x=format!("{x:.2}") y=format!("{y:.2}") width=format!("{:.2}", (bar_w - 0.5).max(0.5)) height=format!("{h:.2}") /> }
                })
                .collect_view();
            let inside = chosen.is_some_and(|(a, b)| (a..=b).contains(&year));
            let label = format!("{year}: {total} passage{}", if total == 1 { "" } else { "s" });
            let href = link_for(year, year);
            view! {
                <g class="bar" class:chosen=inside data-testid="year-bar" data-year=year data-count=total>
                    <title>{label}</title>
                    {segments}
                    <rect class="bar-hit" x=format!("{x:.2}") y="0" width=format!("{bar_w:.2}") height=HEIGHT on:click=move |_| { let _ = window().location().set_hash(&href); } />
                </g>
            }
        })
        .collect_view();
    let ticks = (first..=last)
        .filter(|y| y % 10 == 0)
        .map(|y| {
            let x = (y - first) as f32 * bar_w;
            view! {
                <g class="tick">
                    <line x1=x x2=x y1=HEIGHT y2=HEIGHT + 6.0 />
                    <text x=x y=HEIGHT + 20.0>{y.to_string()}</text>
                </g>
            }
        })
        .collect_view();
    let pubs = published
        .iter()
        .map(|&(d, y)| {
            let x = (y - first) as f32 * bar_w + bar_w / 2.0;
            let doc = &corpus.documents[d];
            view! {
                <g class=format!("pub {}", doc_class(d)) data-testid="pub-mark">
                    <title>{format!("{} published {}", short_doc_label(doc), y)}</title>
                    <path d=format!("M{:.2} {:.2} l-6 -10 h12 z", x, HEIGHT + AXIS - 2.0) />
                </g>
            }
        })
        .collect_view();
    // Brushing: drag across the chart; the range becomes the filter.
    let svg: NodeRef<leptos::svg::Svg> = NodeRef::new();
    let (brush, set_brush) = signal(None::<(f32, f32)>);
    let year_at = move |client_x: f64| -> i32 {
        let Some(el) = svg.get_untracked() else {
            return first;
        };
        let r = el.get_bounding_client_rect();
        let f = if r.width() > 0.0 {
            ((client_x - r.left()) / r.width()) as f32
        } else {
            0.0
        };
        (first + (f.clamp(0.0, 0.9999) * span) as i32).clamp(first, last)
    };
    let fraction = move |client_x: f64| -> f32 {
        svg.get_untracked().map_or(0.0, |el| {
            let r = el.get_bounding_client_rect();
            if r.width() > 0.0 {
                (((client_x - r.left()) / r.width()) as f32).clamp(0.0, 1.0)
            } else {
                0.0
            }
        })
    };
    let start = StoredValue::new(None::<(f64, i32)>);
    let link_brush = link_for.clone();
    let on_down = move |ev: leptos::ev::PointerEvent| {
        start.set_value(Some((ev.client_x() as f64, year_at(ev.client_x() as f64))));
        let f = fraction(ev.client_x() as f64);
        set_brush.set(Some((f, f)));
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        if let Some((x0, _)) = start.get_value() {
            set_brush.set(Some((fraction(x0), fraction(ev.client_x() as f64))));
        }
    };
    let on_up = move |ev: leptos::ev::PointerEvent| {
        let Some((x0, y0)) = start.get_value() else {
            return;
        };
        start.set_value(None);
        set_brush.set(None);
        // A click (no drag) is left to the bar under it.
        if (ev.client_x() as f64 - x0).abs() < 4.0 {
            return;
        }
        let y1 = year_at(ev.client_x() as f64);
        let _ = window().location().set_hash(&link_brush(y0, y1));
    };
    let brush_rect = move || {
        brush.get().map(|(a, b)| {
            let (a, b) = (a.min(b) * WIDTH, a.max(b) * WIDTH);
            view! { <rect class="brush" x=format!("{a:.2}") y="0" width=format!("{:.2}", b - a) height=HEIGHT /> }
        })
    };
    let legend = corpus
        .documents
        .iter()
        .enumerate()
        .map(|(d, doc)| view! { <li><span class=format!("swatch {}", doc_class(d)) aria-hidden="true"></span>{short_doc_label(doc)}</li> })
        .collect_view();
    let total_mentions: usize = counts.values().flat_map(|m| m.values()).sum();
    let (from_default, to_default) = chosen.unwrap_or((first, last));
    let form_base = filters.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let read = |id: &str| -> Option<i32> {
            use wasm_bindgen::JsCast;
            document()
                .get_element_by_id(id)?
                .dyn_into::<web_sys::HtmlInputElement>()
                .ok()?
                .value()
                .trim()
                .parse()
                .ok()
        };
        if let (Some(a), Some(b)) = (read("year-from"), read("year-to")) {
            let f = Filters {
                mentioned: Some((a.min(b), a.max(b))),
                ..form_base.clone()
            };
            let _ = window()
                .location()
                .set_hash(&Route::Timeline { filters: f }.to_hash());
        }
    };
    view! {
        <section class="timeline-view" aria-labelledby="timeline-title">
            <h1 id="timeline-title">"Timeline"</h1>
            <p class="lede">
                {format!("Years mentioned in the text, {first}–{last}: {total_mentions} year mentions in passages under the current filters, stacked by document; triangles mark the papers' publication years. Drag across the chart, or choose a bar, to filter every view by the years a passage mentions.")}
            </p>
            <FilterChips route=route.clone() />
            <figure class="timeline">
                <svg node_ref=svg class="timeline-chart" viewBox=format!("0 0 {WIDTH} {}", HEIGHT + AXIS) preserveAspectRatio="xMidYMid meet"
                    role="img" aria-label=format!("Histogram of years mentioned, {first} to {last}") data-testid="timeline"
                    on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=move |_| { start.set_value(None); set_brush.set(None); }>
                    <line class="axis" x1="0" x2=WIDTH y1=HEIGHT y2=HEIGHT />
                    {ticks}
                    {bars}
                    {pubs}
                    {brush_rect}
                </svg>
                <figcaption><ul class="legend">{legend}</ul></figcaption>
            </figure>
            <form class="year-range" on:submit=on_submit data-testid="year-range">
                <label>"From " <input id="year-from" type="number" inputmode="numeric" min=first max=last value=from_default /></label>
                <label>" to " <input id="year-to" type="number" inputmode="numeric" min=first max=last value=to_default /></label>
                <button type="submit">"Filter by these years"</button>
            </form>
        </section>
    }
    .into_any()
}
