//! The map itself: the embedded base map, one marker per place sized by
//! its mentions, route lines, labels that do not pile up, and zoom and pan
//! by wheel, drag, pinch, buttons and keyboard. Nothing is fetched: the
//! country shapes were projected at build time (`atlas_core::geo`), and the
//! markers use the same projection.
//!
//! Markers are toggle buttons (`role="button"`, `aria-pressed`): Tab reaches
//! them, Enter or Space chooses the place, and hover or focus shows its
//! name, kind and mentions per document. The view box survives the page
//! re-rendering when a place is chosen (it is kept in `LAST_VIEW`), so a
//! click filters without throwing the reader's zoom away.

use atlas_core::geo::{BaseMap, ViewBox};
use leptos::prelude::*;
use std::cell::Cell;
use std::collections::HashMap;

/// How a place is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A located point: city, port, field, zone, island.
    Point,
    /// An area with a representative point: country, region, macro-region, sea.
    Area,
    /// A line through waypoints (railways, pipelines, sea routes).
    Route,
}

/// One place on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// Gazetteer id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Gazetteer kind (`city`, `region`, …).
    pub kind: &'static str,
    /// How to draw it.
    pub shape: Shape,
    /// Projected position.
    pub x: f32,
    /// Projected position.
    pub y: f32,
    /// Route path (`d`), for routes.
    pub line: Option<String>,
    /// Mentions under the current filters.
    pub total: u32,
    /// Mentions per document: `(short document label, mentions)`.
    pub docs: Vec<(String, u32)>,
    /// `true` when the place is among the chosen ones.
    pub active: bool,
    /// The view with this place toggled.
    pub href: String,
}

impl Marker {
    /// Radius on screen, in CSS pixels: area grows with mentions.
    pub fn radius_px(&self) -> f32 {
        (3.0 + 2.0 * (self.total as f32).sqrt()).min(24.0)
    }

    fn description(&self) -> String {
        let docs = self.docs.len();
        format!(
            "{}, {}: {} mention{} in {} document{}",
            self.name,
            self.kind,
            self.total,
            if self.total == 1 { "" } else { "s" },
            docs,
            if docs == 1 { "" } else { "s" }
        )
    }
}

/// Narrowest view, in map units (about 2° of longitude).
const MIN_WIDTH: f32 = 20.0;
/// Labels drawn at most.
const MAX_LABELS: usize = 40;

thread_local! {
    static LAST_VIEW: Cell<Option<ViewBox>> = const { Cell::new(None) };
}

/// `vb` zoomed by `factor` (> 1 zooms in) about the point at fractions
/// `(fx, fy)` of its width and height, kept within `world`.
pub fn zoom_at(vb: ViewBox, factor: f32, fx: f32, fy: f32, world: ViewBox) -> ViewBox {
    if !factor.is_finite() || factor <= 0.0 {
        return vb;
    }
    let width = (vb.width / factor).clamp(MIN_WIDTH, world.width);
    let height = width * vb.height / vb.width;
    let fx = if fx.is_finite() {
        fx.clamp(0.0, 1.0)
    } else {
        0.5
    };
    let fy = if fy.is_finite() {
        fy.clamp(0.0, 1.0)
    } else {
        0.5
    };
    let cx = vb.x + fx * vb.width;
    let cy = vb.y + fy * vb.height;
    clamp(
        ViewBox {
            x: cx - fx * width,
            y: cy - fy * height,
            width,
            height,
        },
        world,
    )
}

/// `vb` moved by `(dx, dy)` map units, kept within `world`.
pub fn pan(vb: ViewBox, dx: f32, dy: f32, world: ViewBox) -> ViewBox {
    if !dx.is_finite() || !dy.is_finite() {
        return vb;
    }
    clamp(
        ViewBox {
            x: vb.x + dx,
            y: vb.y + dy,
            ..vb
        },
        world,
    )
}

/// Keeps the box's centre on the world (the view may show margins when it
/// is larger than the world in one direction).
fn clamp(vb: ViewBox, world: ViewBox) -> ViewBox {
    let cx = (vb.x + vb.width / 2.0).clamp(world.x, world.x + world.width);
    let cy = (vb.y + vb.height / 2.0).clamp(world.y, world.y + world.height);
    ViewBox {
        x: cx - vb.width / 2.0,
        y: cy - vb.height / 2.0,
        ..vb
    }
}

/// One marker as the label placer sees it, in screen pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelItem {
    pub x: f32,
    pub y: f32,
    pub radius: f32,
    /// The label's estimated width.
    pub width: f32,
    /// A dot or route square: a label covering it would hide it, so
    /// labels avoid these (region rings are faint and may be crossed).
    pub solid: bool,
}

/// Which side of its marker a label is drawn on, in the order tried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Right,
    Left,
    Above,
    Below,
}

/// Gap between a marker and its label, in pixels.
const LABEL_GAP: f32 = 3.0;
/// A label's height, in pixels (12 px text with its halo).
const HEIGHT: f32 = 14.0;

/// Where labels go: the most mentioned marker first, its label right of
/// it, else left, above or below it: the first side that overlaps no label
/// already placed, stays in the view and covers no other solid marker, or
/// else the side that covers fewest. None if no side overlaps no label and
/// stays in the view. One answer per item.
pub fn place_labels(
    items: &[LabelItem],
    order: &[usize],
    view_px: (f32, f32),
) -> Vec<Option<Side>> {
    type Box4 = (f32, f32, f32, f32);
    let overlap = |a: &Box4, b: &Box4| a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
    let discs: Vec<(usize, Box4)> = items
        .iter()
        .enumerate()
        .filter(|(_, m)| m.solid)
        .map(|(i, m)| {
            (
                i,
                (
                    m.x - m.radius,
                    m.y - m.radius,
                    m.x + m.radius,
                    m.y + m.radius,
                ),
            )
        })
        .collect();
    let mut placed: Vec<Box4> = Vec::new();
    let mut out = vec![None; items.len()];
    for &i in order {
        if placed.len() >= MAX_LABELS {
            break;
        }
        let Some(m) = items.get(i) else {
            continue;
        };
        let (top, bottom) = (m.y - HEIGHT / 2.0, m.y + HEIGHT / 2.0);
        let right = m.x + m.radius + LABEL_GAP;
        let left = m.x - m.radius - LABEL_GAP;
        let (centre_l, centre_r) = (m.x - m.width / 2.0, m.x + m.width / 2.0);
        let above = m.y - m.radius - LABEL_GAP;
        let below = m.y + m.radius + LABEL_GAP;
        let candidates = [
            (Side::Right, (right, top, right + m.width, bottom)),
            (Side::Left, (left - m.width, top, left, bottom)),
            (Side::Above, (centre_l, above - HEIGHT, centre_r, above)),
            (Side::Below, (centre_l, below, centre_r, below + HEIGHT)),
        ];
        let open = |b: &Box4| {
            b.0 >= 0.0
                && b.1 >= 0.0
                && b.2 <= view_px.0
                && b.3 <= view_px.1
                && !placed.iter().any(|p| overlap(b, p))
        };
        let covered = |b: &Box4| {
            discs
                .iter()
                .filter(|(j, d)| *j != i && overlap(b, d))
                .count()
        };
        // The first side that covers no other dot; failing that (a city in
        // a cluster of small places), the side covering fewest, since the
        // labels are drawn above the markers and a well-mentioned place
        // should not go unnamed for a dot beside it.
        let best = candidates
            .into_iter()
            .filter(|(_, b)| open(b))
            .min_by_key(|(_, b)| covered(b));
        if let Some((side, b)) = best {
            placed.push(b);
            out[i] = Some(side);
        }
    }
    out
}

fn view_attr(vb: ViewBox) -> String {
    format!("{:.2} {:.2} {:.2} {:.2}", vb.x, vb.y, vb.width, vb.height)
}

/// The interactive map.
#[component]
pub fn MapCanvas(basemap: &'static BaseMap, markers: Vec<Marker>) -> impl IntoView {
    let home = basemap.frame_northeast_asia;
    let world = basemap.view_box_world;
    let start = LAST_VIEW.with(Cell::get).unwrap_or(home);
    let (view, set_view) = signal(start);
    let (width_px, set_width_px) = signal(800.0_f32);
    let (tip, set_tip) = signal(None::<usize>);
    let svg: NodeRef<leptos::svg::Svg> = NodeRef::new();
    let set = move |vb: ViewBox| {
        LAST_VIEW.with(|c| c.set(Some(vb)));
        set_view.set(vb);
    };
    // Also run from a frame callback, which may come after the map has
    // left the page (a quick navigation away): `try_` reads, never a panic
    // on a disposed node ref.
    let measure = move || {
        if let Some(el) = svg.try_get_untracked().flatten() {
            let w = el.get_bounding_client_rect().width() as f32;
            if w > 0.0 {
                set_width_px.try_set(w);
            }
        }
    };
    request_animation_frame(measure);
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    // Map units per CSS pixel: marker radii and label sizes stay constant
    // on screen whatever the zoom.
    let unit = move || view.get().width / width_px.get().max(1.0);

    // Pointers down on the map, for drag and pinch.
    let pointers = StoredValue::new(HashMap::<i32, (f32, f32)>::new());
    let dragged = StoredValue::new(false);
    let on_down = move |ev: leptos::ev::PointerEvent| {
        pointers.update_value(|p| {
            p.insert(
                ev.pointer_id(),
                (ev.client_x() as f32, ev.client_y() as f32),
            );
        });
        if pointers.with_value(HashMap::len) == 1 {
            dragged.set_value(false);
        }
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let id = ev.pointer_id();
        let now = (ev.client_x() as f32, ev.client_y() as f32);
        let Some(before) = pointers.with_value(|p| p.get(&id).copied()) else {
            return;
        };
        let others: Vec<(f32, f32)> = pointers.with_value(|p| {
            p.iter()
                .filter(|(k, _)| **k != id)
                .map(|(_, v)| *v)
                .collect()
        });
        let moved = (now.0 - before.0).abs() + (now.1 - before.1).abs();
        if !dragged.get_value() && moved < 4.0 && others.is_empty() {
            return;
        }
        if !dragged.get_value() {
            dragged.set_value(true);
            if let Some(el) = svg.get_untracked() {
                let _ = el.set_pointer_capture(id);
            }
        }
        pointers.update_value(|p| {
            p.insert(id, now);
        });
        let u = unit();
        match others.as_slice() {
            [] => set(pan(
                view.get_untracked(),
                -(now.0 - before.0) * u,
                -(now.1 - before.1) * u,
                world,
            )),
            [other, ..] => {
                let d0 = ((before.0 - other.0).powi(2) + (before.1 - other.1).powi(2)).sqrt();
                let d1 = ((now.0 - other.0).powi(2) + (now.1 - other.1).powi(2)).sqrt();
                if d0 > 0.0 {
                    let (fx, fy) =
                        fractions(svg, ((now.0 + other.0) / 2.0, (now.1 + other.1) / 2.0));
                    set(zoom_at(view.get_untracked(), d1 / d0, fx, fy, world));
                }
            }
        }
    };
    let on_up = move |ev: leptos::ev::PointerEvent| {
        pointers.update_value(|p| {
            p.remove(&ev.pointer_id());
        });
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        let factor = (-ev.delta_y() as f32 * 0.002).exp();
        let (fx, fy) = fractions(svg, (ev.client_x() as f32, ev.client_y() as f32));
        set(zoom_at(view.get_untracked(), factor, fx, fy, world));
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let vb = view.get_untracked();
        let step = vb.width * 0.1;
        let next = match ev.key().as_str() {
            "ArrowLeft" => pan(vb, -step, 0.0, world),
            "ArrowRight" => pan(vb, step, 0.0, world),
            "ArrowUp" => pan(vb, 0.0, -step, world),
            "ArrowDown" => pan(vb, 0.0, step, world),
            "+" | "=" => zoom_at(vb, 1.5, 0.5, 0.5, world),
            "-" | "_" => zoom_at(vb, 1.0 / 1.5, 0.5, 0.5, world),
            "0" => home,
            _ => return,
        };
        ev.prevent_default();
        set(next);
    };
    let zoom_button =
        move |factor: f32| move |_| set(zoom_at(view.get_untracked(), factor, 0.5, 0.5, world));

    let markers = std::sync::Arc::new(markers);
    // Labels: the most mentioned first.
    let mut order: Vec<usize> = (0..markers.len()).collect();
    order.sort_by(|&a, &b| markers[b].total.cmp(&markers[a].total).then(a.cmp(&b)));
    // Drawing: areas under routes under points, and within each the biggest
    // first, so a city is never hidden under its region's ring.
    let rank = |s: Shape| match s {
        Shape::Area => 0,
        Shape::Route => 1,
        Shape::Point => 2,
    };
    let mut draw_order = order.clone();
    draw_order.sort_by_key(|&i| rank(markers[i].shape));
    let labels = {
        let markers = markers.clone();
        Memo::new(move |_| {
            let vb = view.get();
            let w = width_px.get().max(1.0);
            let scale = w / vb.width;
            let items: Vec<LabelItem> = markers
                .iter()
                .map(|m| LabelItem {
                    x: (m.x - vb.x) * scale,
                    y: (m.y - vb.y) * scale,
                    radius: m.radius_px(),
                    width: 7.0 * m.name.chars().count() as f32,
                    solid: m.shape != Shape::Area,
                })
                .collect();
            place_labels(&items, &order, (w, w * vb.height / vb.width))
        })
    };

    let countries = basemap
        .countries
        .iter()
        .map(|c| view! { <path class="country" d=c.d.clone()><title>{c.name.clone()}</title></path> })
        .collect_view();
    let routes = markers
        .iter()
        .filter_map(|m| m.line.clone().map(|d| (d, m.active)))
        .map(|(d, active)| view! { <path class="route-line" class:active=active d=d /> })
        .collect_view();
    let marker_views = draw_order
        .into_iter()
        .map(|i| marker_view(markers.clone(), i, unit, set_tip, dragged))
        .collect_view();
    let label_views = (0..markers.len())
        .map(|i| label_view(&markers, i, unit, labels))
        .collect_view();
    let tip_view = {
        let markers = markers.clone();
        move || {
            let i = tip.get()?;
            let m = markers.get(i)?;
            let vb = view.get();
            let scale = width_px.get() / vb.width;
            let left = (m.x - vb.x) * scale + m.radius_px() + 6.0;
            let top = (m.y - vb.y) * scale;
            // Set through the CSSOM (`style:`), which the CSP allows, not as
            // a style attribute, which it blocks.
            Some(view! {
                <div class="map-tip" style:left=format!("{left:.0}px") style:top=format!("{top:.0}px") aria-hidden="true" data-testid="map-tip">
                    <strong>{m.name.clone()}</strong>
                    <span class="muted">{format!(" {}", m.kind)}</span>
                    <ul>
                        {m.docs.iter().map(|(d, c)| view! { <li>{format!("{d}: {c}")}</li> }).collect_view()}
                    </ul>
                </div>
            })
        }
    };
    view! {
        <div class="map-frame">
            <div class="map-controls" role="group" aria-label="Zoom">
                <button type="button" on:click=zoom_button(1.5) aria-label="Zoom in" data-testid="zoom-in">"+"</button>
                <button type="button" on:click=zoom_button(1.0 / 1.5) aria-label="Zoom out" data-testid="zoom-out">"−"</button>
                <button type="button" on:click=move |_| set(home) data-testid="zoom-home">"Northeast Asia"</button>
                <button type="button" on:click=move |_| set(world) data-testid="zoom-world">"World"</button>
            </div>
            <svg
                node_ref=svg
                class="map"
                viewBox=move || view_attr(view.get())
                preserveAspectRatio="xMidYMid meet"
                tabindex="0"
                role="group"
                aria-label="Map of the places mentioned. Arrow keys pan, plus and minus zoom, 0 returns to Northeast Asia; Tab moves between places."
                data-testid="map"
                data-view=move || view_attr(view.get())
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_up
                on:wheel=on_wheel
                on:keydown=on_key
            >
                <path class="graticule" d=basemap.graticule.clone() />
                <g class="countries">{countries}</g>
                <path class="borders" d=basemap.borders.clone() />
                <g class="routes">{routes}</g>
                <g class="markers">{marker_views}</g>
                // Above every marker, so no dot is ever drawn over a word; the
                // markers' own accessible names already say each place's name.
                <g class="labels" aria-hidden="true">{label_views}</g>
            </svg>
            {tip_view}
            <p class="map-attribution muted">{basemap.attribution.clone()}</p>
        </div>
    }
}

/// Where a client point falls in the map, as fractions of its box.
fn fractions(svg: NodeRef<leptos::svg::Svg>, (x, y): (f32, f32)) -> (f32, f32) {
    let Some(el) = svg.get_untracked() else {
        return (0.5, 0.5);
    };
    let r = el.get_bounding_client_rect();
    let w = r.width() as f32;
    let h = r.height() as f32;
    if w <= 0.0 || h <= 0.0 {
        return (0.5, 0.5);
    }
    ((x - r.left() as f32) / w, (y - r.top() as f32) / h)
}

/// Marker `i`'s label, on the side `labels` chose (hidden if none).
fn label_view(
    markers: &[Marker],
    i: usize,
    unit: impl Fn() -> f32 + Copy + Send + Sync + 'static,
    labels: Memo<Vec<Option<Side>>>,
) -> impl IntoView {
    let m = &markers[i];
    let r_px = m.radius_px();
    let (x, y) = (m.x, m.y);
    let side = move || labels.with(|l| l.get(i).copied().flatten());
    let offset = move || (r_px + LABEL_GAP) * unit();
    let label_x = move || match side() {
        Some(Side::Left) => format!("{:.2}", x - offset()),
        Some(Side::Above | Side::Below) => format!("{x:.2}"),
        _ => format!("{:.2}", x + offset()),
    };
    // `dy="0.35em"` centres the text on `y`: above and below move that
    // centre half a label's height beyond the gap.
    let label_y = move || match side() {
        Some(Side::Above) => format!("{:.2}", y - offset() - HEIGHT / 2.0 * unit()),
        Some(Side::Below) => format!("{:.2}", y + offset() + HEIGHT / 2.0 * unit()),
        _ => format!("{y:.2}"),
    };
    let font = move || format!("{:.2}", 12.0 * unit());
    let label = m.name.clone();
    view! {
        <text class="label" data-place-id=m.id.clone() x=label_x y=label_y dy="0.35em" font-size=font
            text-anchor=move || match side() {
                Some(Side::Left) => "end",
                Some(Side::Above | Side::Below) => "middle",
                _ => "start",
            }
            style:display=move || if side().is_some() { "inline" } else { "none" }
        >{label}</text>
    }
}

fn marker_view(
    markers: std::sync::Arc<Vec<Marker>>,
    i: usize,
    unit: impl Fn() -> f32 + Copy + Send + Sync + 'static,
    set_tip: WriteSignal<Option<usize>>,
    dragged: StoredValue<bool>,
) -> impl IntoView {
    let m = markers[i].clone();
    let r_px = m.radius_px();
    let (x, y) = (m.x, m.y);
    let r = move || format!("{:.2}", r_px * unit());
    let href = m.href.clone();
    let go = move || {
        if !dragged.get_value() {
            let _ = window().location().set_hash(&href);
            FOCUS_AFTER.with(|f| f.set(Some(i)));
        }
    };
    let go_key = go.clone();
    let shape = match m.shape {
        Shape::Point => view! { <circle class="dot" cx=x cy=y r=r /> }.into_any(),
        Shape::Area => view! { <circle class="area" cx=x cy=y r=r /> }.into_any(),
        Shape::Route => view! {
            <rect class="route-mark" x=move || format!("{:.2}", x - r_px * 0.8 * unit()) y=move || format!("{:.2}", y - r_px * 0.8 * unit())
                width=move || format!("{:.2}", r_px * 1.6 * unit()) height=move || format!("{:.2}", r_px * 1.6 * unit()) />
        }
        .into_any(),
    };
    view! {
        <g
            class="marker"
            class:active=m.active
            role="button"
            tabindex="0"
            aria-pressed=if m.active { "true" } else { "false" }
            aria-label=m.description()
            data-testid="marker"
            data-place-id=m.id.clone()
            data-mentions=m.total
            on:click=move |_| go()
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    go_key();
                }
            }
            on:pointerenter=move |_| set_tip.set(Some(i))
            on:pointerleave=move |_| set_tip.set(None)
            on:focus=move |_| set_tip.set(Some(i))
            on:blur=move |_| set_tip.set(None)
        >
            {shape}
        </g>
    }
}

thread_local! {
    /// The marker that was activated, to focus again once the map re-renders.
    static FOCUS_AFTER: Cell<Option<usize>> = const { Cell::new(None) };
}

/// Returns focus to the marker the reader activated (the page re-rendered
/// under the new filters), so keyboard users keep their place.
pub fn restore_marker_focus(place_ids: &[String]) {
    let Some(i) = FOCUS_AFTER.with(Cell::take) else {
        return;
    };
    let Some(id) = place_ids.get(i).cloned() else {
        return;
    };
    request_animation_frame(move || {
        let selector = format!(
            "[data-testid=marker][data-place-id=\"{}\"]",
            id.replace('"', "")
        );
        if let Ok(Some(el)) = document().query_selector(&selector) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
                let _ = el.focus();
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORLD: ViewBox = ViewBox {
        x: 0.0,
        y: 0.0,
        width: 3600.0,
        height: 1800.0,
    };
    const HOME: ViewBox = ViewBox {
        x: 1720.0,
        y: 350.0,
        width: 640.0,
        height: 487.0,
    };

    #[test]
    fn zoom_keeps_the_point_under_the_cursor_and_the_aspect() {
        let z = zoom_at(HOME, 2.0, 0.25, 0.5, WORLD);
        assert!((z.width - 320.0).abs() < 1e-3);
        assert!((z.height / z.width - HOME.height / HOME.width).abs() < 1e-4);
        let before = HOME.x + 0.25 * HOME.width;
        let after = z.x + 0.25 * z.width;
        assert!((before - after).abs() < 1e-3);
    }

    #[test]
    fn zoom_and_pan_stay_within_limits_whatever_the_input() {
        let z = zoom_at(HOME, 1e9, 0.5, 0.5, WORLD);
        assert!(z.width >= MIN_WIDTH);
        let out = zoom_at(HOME, 1e-9, 0.5, 0.5, WORLD);
        assert!(out.width <= WORLD.width);
        assert_eq!(zoom_at(HOME, f32::NAN, 0.5, 0.5, WORLD), HOME);
        assert_eq!(zoom_at(HOME, -1.0, 0.5, 0.5, WORLD), HOME);
        let far = pan(HOME, 1e7, -1e7, WORLD);
        let cx = far.x + far.width / 2.0;
        let cy = far.y + far.height / 2.0;
        assert!(WORLD.contains(cx, cy));
        assert_eq!(pan(HOME, f32::INFINITY, 0.0, WORLD), HOME);
    }

    fn item(x: f32, y: f32, radius: f32, width: f32, solid: bool) -> LabelItem {
        LabelItem {
            x,
            y,
            radius,
            width,
            solid,
        }
    }

    #[test]
    fn labels_do_not_overlap_and_the_biggest_wins() {
        // Two markers side by side: the more mentioned takes the right;
        // the other's label would cross it there, so it goes left.
        let items = [
            item(100.0, 100.0, 5.0, 80.0, true),
            item(110.0, 102.0, 9.0, 80.0, true),
            item(400.0, 300.0, 4.0, 50.0, true),
        ];
        let shown = place_labels(&items, &[1, 0, 2], (800.0, 600.0));
        assert_eq!(
            shown,
            [Some(Side::Left), Some(Side::Right), Some(Side::Right)]
        );
        // Near the left edge there is no room on that side: only the more
        // mentioned keeps a label.
        let mut crowded = items;
        crowded[0].x = 20.0;
        crowded[1].x = 30.0;
        let shown = place_labels(&crowded, &[1, 0, 2], (800.0, 600.0));
        assert_eq!(shown, [None, Some(Side::Right), Some(Side::Right)]);
        // A label that would leave the view on the right goes left instead.
        let edge = place_labels(&[item(790.0, 10.0, 4.0, 60.0, true)], &[0], (800.0, 600.0));
        assert_eq!(edge, [Some(Side::Left)]);
        // Too wide for any side: not drawn.
        let wide = place_labels(&[item(50.0, 10.0, 4.0, 760.0, true)], &[0], (800.0, 600.0));
        assert_eq!(wide, [None]);
    }

    #[test]
    fn no_label_runs_under_another_dot_but_region_rings_do_not_block() {
        // A big region with a city just right of its centre: the region's
        // label goes left rather than under the city's dot.
        let region = item(300.0, 300.0, 20.0, 90.0, false);
        let city = item(340.0, 300.0, 5.0, 40.0, true);
        let shown = place_labels(&[region, city], &[0, 1], (800.0, 600.0));
        assert_eq!(shown, [Some(Side::Left), Some(Side::Right)]);
        // The city's label may cross the ring (drawn beneath it).
        let inside = item(300.0, 300.0, 5.0, 40.0, true);
        let ring = item(310.0, 300.0, 40.0, 60.0, false);
        assert_eq!(
            place_labels(&[inside, ring], &[0], (800.0, 600.0))[0],
            Some(Side::Right)
        );
        // Dots on both sides: the label goes above, else below, else on the
        // side that covers fewest dots (it is drawn above them).
        let mut hemmed = vec![
            item(300.0, 300.0, 4.0, 40.0, true),
            item(330.0, 300.0, 4.0, 10.0, true),
            item(270.0, 300.0, 4.0, 10.0, true),
        ];
        assert_eq!(
            place_labels(&hemmed, &[0], (800.0, 600.0))[0],
            Some(Side::Above)
        );
        hemmed.push(item(300.0, 285.0, 4.0, 10.0, true));
        assert_eq!(
            place_labels(&hemmed, &[0], (800.0, 600.0))[0],
            Some(Side::Below)
        );
        hemmed.push(item(300.0, 315.0, 4.0, 10.0, true));
        assert_eq!(
            place_labels(&hemmed, &[0], (800.0, 600.0))[0],
            Some(Side::Right)
        );
        hemmed.push(item(340.0, 300.0, 4.0, 10.0, true));
        assert_eq!(
            place_labels(&hemmed, &[0], (800.0, 600.0))[0],
            Some(Side::Left)
        );
        // Labels never cover labels: ringed by placed labels, none.
        let mut ringed = hemmed.clone();
        ringed.truncate(1);
        // Three long labels, placed first, across all four of its sides.
        ringed.push(item(100.0, 286.0, 2.0, 600.0, false));
        ringed.push(item(100.0, 300.0, 2.0, 600.0, false));
        ringed.push(item(100.0, 314.0, 2.0, 600.0, false));
        let labels = place_labels(&ringed, &[1, 2, 3, 0], (800.0, 600.0));
        assert_eq!(
            labels,
            [
                None,
                Some(Side::Right),
                Some(Side::Right),
                Some(Side::Right)
            ]
        );
    }
}
