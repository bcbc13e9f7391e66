//! Builds the [`BaseMap`] from the Natural Earth TopoJSON in
//! `data/basemap/` (at compile time, in `build.rs`, and in tests).
//!
//! Steps, in the order that keeps shapes right:
//!
//! 1. Project every *arc* (not every ring) with x unwrapped along it, and
//!    simplify it once in SVG units ([`super::super::simplify`]) — finely
//!    inside the Northeast Asia frame, coarsely elsewhere. Neighbouring
//!    countries share the arc, so they stay gap-free.
//! 2. Chain arcs into rings, shifting each arc by whole world widths so it
//!    continues where the previous one ended.
//! 3. Drop what cannot be seen: rings south of the map, the ring around the
//!    South Pole (Antarctica), and islands smaller than
//!    [`BuildSettings::min_island_area`] — except in the Northeast Asia frame,
//!    where every island that survives rounding is kept (the Kurils,
//!    Rebun, Moneron).
//! 4. Cut rings at the seam ([`super::super::seam`]), round to integer units
//!    and write relative path data ([`super::super::svg_path`]).

use super::{BaseMap, CountryShape};
use crate::error::{Error, ErrorKind};
use crate::geo::graticule::{graticule_path, STEP_DEGREES};
use crate::geo::projection::{
    y_of_lat, ViewBox, NORTHEAST_ASIA, SOUTH_LIMIT, WORLD_BOUNDS, WORLD_WIDTH,
};
use crate::geo::seam::{clip_line, clip_ring, unwrap_line};
use crate::geo::simplify::{simplify, Point};
use crate::geo::svg_path::{quantize, PathWriter};
use crate::geo::topojson::{decode, ArcRef, Topology};
use std::path::Path;

/// The folder under `data/` that holds the base-map source.
pub const BASEMAP_DIR: &str = "basemap";
/// The source file: Natural Earth 1:50m admin-0 countries, TopoJSON, from
/// world-atlas 2.0.2. 1:50m is the coarsest scale at which Sakhalin, the
/// Kurils, Korea and Japan's islands are recognisable; elsewhere the
/// simplifier thins it to what the world view can show.
pub const SOURCE_FILE: &str = "countries-50m.json";
/// The TopoJSON object with one geometry per country.
const COUNTRIES_OBJECT: &str = "countries";
/// Credit line for the data (public domain; credit is courtesy).
const ATTRIBUTION: &str = "Natural Earth (public domain), via world-atlas 2.0.2";

/// Tuning of the builder, in SVG units (0.1° of longitude).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BuildSettings {
    /// Simplification tolerance inside the detail box.
    pub fine_tolerance: f64,
    /// Simplification tolerance elsewhere.
    pub coarse_tolerance: f64,
    /// Islands (and holes) with a smaller area, in square units, are
    /// dropped outside the detail box.
    pub min_island_area: f64,
    /// How far beyond the Northeast Asia frame the detail reaches, so
    /// panning a little does not reveal coarse coasts.
    pub detail_margin: f32,
}

impl Default for BuildSettings {
    /// Chosen by looking at the preview (see the `basemap_preview` example)
    /// against the ~40 KB gzip budget.
    fn default() -> Self {
        BuildSettings {
            fine_tolerance: 0.45,
            coarse_tolerance: 1.6,
            min_island_area: 12.0,
            detail_margin: 40.0,
        }
    }
}

/// Reads `data_dir/basemap/countries-50m.json` and builds the map with the
/// default settings. Errors name the file.
pub fn build_from_dir(data_dir: &Path) -> Result<BaseMap, Error> {
    let path = data_dir.join(BASEMAP_DIR).join(SOURCE_FILE);
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    build_from_topojson(&path.display().to_string(), &text, BuildSettings::default())
}

/// Builds the map from TopoJSON text; `file` names the source in errors.
pub fn build_from_topojson(
    file: &str,
    text: &str,
    settings: BuildSettings,
) -> Result<BaseMap, Error> {
    let topo = decode(file, text)?;
    let Some(features) = topo.objects.get(COUNTRIES_OBJECT) else {
        return Err(Error::file(
            file,
            ErrorKind::Basemap(format!("no {COUNTRIES_OBJECT:?} object")),
        ));
    };
    let frame = NORTHEAST_ASIA.view_box();
    let detail = frame.expanded(settings.detail_margin);
    let raw_arcs = projected_arcs(&topo);
    let arcs = simplified_arcs(&raw_arcs, &detail, &settings);
    let south_edge = y_of_lat(SOUTH_LIMIT);

    let mut countries = Vec::new();
    // Which countries use each arc: an arc used by two is a land border.
    let mut users: Vec<Vec<usize>> = vec![Vec::new(); arcs.len()];
    for (n, feature) in features.iter().enumerate() {
        // Each polygon's rings, chained; `None` rings are dropped below.
        let polygons: Vec<Vec<Option<Vec<Point>>>> = feature
            .polygons
            .iter()
            .map(|polygon| polygon.iter().map(|refs| chain(&arcs, refs)).collect())
            .collect();
        // A country is never dropped whole: its largest polygon stays however
        // small it is (Singapore, Bahrain, the small island states).
        let largest = polygons
            .iter()
            .enumerate()
            .filter_map(|(i, rings)| Some((i, shoelace(rings.first()?.as_ref()?).abs())))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i);
        let mut path = PathWriter::new();
        for (p, (polygon, rings)) in feature.polygons.iter().zip(&polygons).enumerate() {
            for (r, (refs, ring)) in polygon.iter().zip(rings).enumerate() {
                let Some(ring) = ring else {
                    continue;
                };
                let (min, max) = bounds(ring);
                let keep_small = intersects(&detail, min, max) || (r == 0 && Some(p) == largest);
                let too_small = shoelace(ring).abs() < settings.min_island_area && !keep_small;
                if min.1 > south_edge || too_small {
                    if r == 0 {
                        // Without its exterior a polygon's holes mean nothing.
                        break;
                    }
                    continue;
                }
                for piece in clip_ring(ring) {
                    path.ring(&quantize(&piece));
                }
                for arc in refs {
                    if !users[arc.index()].contains(&n) {
                        users[arc.index()].push(n);
                    }
                }
            }
        }
        if path.is_empty() {
            // Everything rounded away: draw the largest polygon unsimplified,
            // or, if even that is below a unit, as a one-unit square, so
            // every country (Singapore, Bahrain, Malta) can be shown and hit.
            let exterior = largest
                .and_then(|p| feature.polygons[p].first())
                .and_then(|refs| chain(&raw_arcs, refs));
            if let Some(ring) = exterior.filter(|ring| bounds(ring).0 .1 <= south_edge) {
                for piece in clip_ring(&ring) {
                    path.ring(&quantize(&piece));
                }
                if path.is_empty() {
                    let n = ring.len() as f64;
                    let (sx, sy) = ring.iter().fold((0.0, 0.0), |a, p| (a.0 + p.0, a.1 + p.1));
                    let (x, y) = (((sx / n).rem_euclid(WORLD_WIDTH)).floor(), (sy / n).floor());
                    let x = x.min(WORLD_WIDTH - 1.0);
                    path.ring(&quantize(&[
                        (x, y),
                        (x + 1.0, y),
                        (x + 1.0, y + 1.0),
                        (x, y + 1.0),
                    ]));
                }
            }
        }
        if !path.is_empty() {
            countries.push(CountryShape {
                id: feature.id.clone().unwrap_or_default(),
                name: feature.name.clone().unwrap_or_default(),
                d: path.finish(),
            });
        }
    }

    let mut borders = PathWriter::new();
    for (arc, users) in arcs.iter().zip(&users) {
        if users.len() >= 2 {
            for piece in clip_line(arc) {
                borders.line(&quantize(&piece));
            }
        }
    }

    Ok(BaseMap {
        view_box_world: WORLD_BOUNDS.view_box(),
        frame_northeast_asia: frame,
        countries,
        borders: borders.finish(),
        graticule: graticule_path(STEP_DEGREES),
        attribution: ATTRIBUTION.to_string(),
    })
}

/// Every arc projected, x unwrapped along the arc.
fn projected_arcs(topo: &Topology) -> Vec<Vec<Point>> {
    topo.arcs
        .iter()
        .map(|arc| {
            let lat_lon: Vec<(f64, f64)> = arc.iter().map(|p| (p[1], p[0])).collect();
            unwrap_line(&lat_lon)
        })
        .collect()
}

/// Every arc simplified, finely inside the detail box.
fn simplified_arcs(
    arcs: &[Vec<Point>],
    detail: &ViewBox,
    settings: &BuildSettings,
) -> Vec<Vec<Point>> {
    let tolerance = |p: Point| {
        let x = p.0.rem_euclid(WORLD_WIDTH);
        if detail.contains(x as f32, p.1 as f32) {
            settings.fine_tolerance
        } else {
            settings.coarse_tolerance
        }
    };
    arcs.iter().map(|arc| simplify(arc, tolerance)).collect()
}

/// Chains simplified arcs into one ring with continuous x. `None` for a ring
/// that does not close in the plane: it winds round a pole (Antarctica).
fn chain(arcs: &[Vec<Point>], refs: &[ArcRef]) -> Option<Vec<Point>> {
    let mut ring: Vec<Point> = Vec::new();
    for r in refs {
        let arc = arcs.get(r.index())?;
        let mut oriented: Vec<Point> = arc.clone();
        if r.reversed() {
            oriented.reverse();
        }
        let (Some(first), Some(last)) = (oriented.first(), ring.last()) else {
            ring.extend(oriented);
            continue;
        };
        let shift = ((last.0 - first.0) / WORLD_WIDTH).round() * WORLD_WIDTH;
        ring.extend(oriented.iter().skip(1).map(|p| (p.0 + shift, p.1)));
    }
    let (first, last) = (ring.first()?, ring.last()?);
    if (first.0 - last.0).abs() > WORLD_WIDTH / 2.0 {
        return None;
    }
    Some(ring)
}

/// The bounding box of a ring: (min x, min y), (max x, max y).
fn bounds(ring: &[Point]) -> (Point, Point) {
    ring.iter().fold(
        (
            (f64::INFINITY, f64::INFINITY),
            (f64::NEG_INFINITY, f64::NEG_INFINITY),
        ),
        |(lo, hi), p| {
            (
                (lo.0.min(p.0), lo.1.min(p.1)),
                (hi.0.max(p.0), hi.1.max(p.1)),
            )
        },
    )
}

/// Whether a ring's bounding box (unwrapped x) touches the view box.
fn intersects(view: &ViewBox, min: Point, max: Point) -> bool {
    let (vx, vy) = (view.x as f64, view.y as f64);
    let (vw, vh) = (view.width as f64, view.height as f64);
    let y_overlaps = min.1 <= vy + vh && max.1 >= vy;
    y_overlaps
        && [-WORLD_WIDTH, 0.0, WORLD_WIDTH]
            .iter()
            .any(|s| min.0 + s <= vx + vw && max.0 + s >= vx)
}

/// Signed area of a ring (shoelace), in square units.
fn shoelace(ring: &[Point]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum::<f64>()
        / 2.0
}
