//! Cutting shapes at the map's seam (70°W, x = 0 and x = `WORLD_WIDTH`).
//!
//! The builders keep x *unwrapped* along a line: each step moves by the short
//! way round (a step from 179.9°E to 179.9°W is 0.2°, not 359.8°), so a line
//! that crosses the seam simply runs past x = 0 or x = `WORLD_WIDTH`. Here it
//! is clipped to the strip `0 ≤ x ≤ WORLD_WIDTH` once for each copy of the
//! world it touches (shifted by a whole world width). That is what keeps
//! South America and Canada from being drawn as one polygon smeared across
//! the map in horizontal streaks.
//!
//! Polygons are clipped with Sutherland–Hodgman against the two half-planes
//! of the strip. A concave polygon can come out with zero-width spurs along
//! the strip edge; those lie on the map's border, where they fill nothing and
//! a stroke is hidden by the edge of the view.

use super::projection::WORLD_WIDTH;
use super::simplify::Point;

/// Unwraps a line given as `(lat, lon)` into projected points whose x moves
/// the short way round at every step, starting in `[0, WORLD_WIDTH)`.
pub fn unwrap_line(lat_lon: &[(f64, f64)]) -> Vec<Point> {
    use super::projection::{dx_of_dlon, wrap_degrees, x_of_lon, y_of_lat};
    let mut out: Vec<Point> = Vec::with_capacity(lat_lon.len());
    let mut prev_lon = 0.0;
    for &(lat, lon) in lat_lon {
        let x = match out.last() {
            None => x_of_lon(lon),
            Some(&(x, _)) => x + dx_of_dlon(wrap_degrees(lon - prev_lon)),
        };
        prev_lon = lon;
        out.push((x, y_of_lat(lat)));
    }
    out
}

/// The shifts (multiples of `WORLD_WIDTH`) that bring part of `[min, max]`
/// into the strip.
fn shifts(points: &[Point]) -> Vec<f64> {
    let (min, max) = points
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
            (lo.min(p.0), hi.max(p.0))
        });
    if !min.is_finite() || !max.is_finite() {
        return Vec::new();
    }
    // s = k·W brings part of the line in when min + s ≤ W and max + s ≥ 0.
    let first = (-max / WORLD_WIDTH).ceil() as i64;
    let last = ((WORLD_WIDTH - min) / WORLD_WIDTH).floor() as i64;
    let mut out: Vec<f64> = (first..=last).map(|k| k as f64 * WORLD_WIDTH).collect();
    // A line touching an edge exactly (k and k+1 both "hit" a single point)
    // must not be emitted twice as a degenerate copy.
    out.retain(|&s| {
        let inside = points
            .iter()
            .filter(|p| p.0 + s > 0.0 && p.0 + s < WORLD_WIDTH)
            .count();
        inside > 0
            || points
                .iter()
                .all(|p| (0.0..=WORLD_WIDTH).contains(&(p.0 + s)))
    });
    out
}

/// The point where segment a–b meets the vertical line `x = edge`.
fn cross(a: Point, b: Point, edge: f64) -> Point {
    let t = (edge - a.0) / (b.0 - a.0);
    (edge, a.1 + t * (b.1 - a.1))
}

/// Sutherland–Hodgman against one vertical half-plane.
fn clip_ring_half(ring: &[Point], edge: f64, keep_right: bool) -> Vec<Point> {
    let inside = |p: Point| if keep_right { p.0 >= edge } else { p.0 <= edge };
    let mut out = Vec::with_capacity(ring.len() + 4);
    for (i, &cur) in ring.iter().enumerate() {
        let prev = ring[(i + ring.len() - 1) % ring.len()];
        match (inside(prev), inside(cur)) {
            (true, true) => out.push(cur),
            (true, false) => out.push(cross(prev, cur, edge)),
            (false, true) => {
                out.push(cross(prev, cur, edge));
                out.push(cur);
            }
            (false, false) => {}
        }
    }
    out
}

/// Clips a closed ring (unwrapped x, last point need not repeat the first)
/// to the world strip: one ring per copy of the world it reaches.
pub fn clip_ring(ring: &[Point]) -> Vec<Vec<Point>> {
    let mut out = Vec::new();
    for s in shifts(ring) {
        let shifted: Vec<Point> = ring.iter().map(|p| (p.0 + s, p.1)).collect();
        let left = clip_ring_half(&shifted, 0.0, true);
        let both = clip_ring_half(&left, WORLD_WIDTH, false);
        if both.len() >= 3 {
            out.push(both);
        }
    }
    out
}

/// Cuts an open line (unwrapped x) into pieces inside the world strip.
pub fn clip_line(line: &[Point]) -> Vec<Vec<Point>> {
    let inside = |p: Point| (0.0..=WORLD_WIDTH).contains(&p.0);
    let edge_towards = |p: Point| if p.0 < 0.0 { 0.0 } else { WORLD_WIDTH };
    let mut out = Vec::new();
    for s in shifts(line) {
        let shifted: Vec<Point> = line.iter().map(|p| (p.0 + s, p.1)).collect();
        let mut piece: Vec<Point> = Vec::new();
        for (i, &p) in shifted.iter().enumerate() {
            if i > 0 {
                let prev = shifted[i - 1];
                match (inside(prev), inside(p)) {
                    (true, false) => {
                        piece.push(cross(prev, p, edge_towards(p)));
                        out.push(std::mem::take(&mut piece));
                    }
                    (false, true) => piece.push(cross(prev, p, edge_towards(prev))),
                    _ => {}
                }
            }
            if inside(p) {
                piece.push(p);
            }
        }
        out.push(piece);
    }
    // Drop empty pieces and zero-length ones (a line that only touches an edge).
    out.retain(|p| p.len() >= 2 && p.iter().any(|q| *q != p[0]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: f64 = WORLD_WIDTH;

    #[test]
    fn a_ring_across_the_seam_becomes_two_rings_that_touch_the_edges() {
        // A square from x = -10 to x = 10 (it straddles the left edge).
        let ring = vec![(-10.0, 0.0), (10.0, 0.0), (10.0, 10.0), (-10.0, 10.0)];
        let mut parts = clip_ring(&ring);
        parts.sort_by(|a, b| a[0].0.total_cmp(&b[0].0));
        assert_eq!(parts.len(), 2);
        for part in &parts {
            assert!(part.iter().all(|p| (0.0..=W).contains(&p.0)));
            // No part spans the map (the streak this module exists to avoid).
            let (lo, hi) = part
                .iter()
                .fold((W, 0.0f64), |(lo, hi), p| (lo.min(p.0), hi.max(p.0)));
            assert!(hi - lo <= 10.0 + 1e-9, "{part:?}");
        }
    }

    #[test]
    fn a_ring_inside_is_unchanged() {
        let ring = vec![(100.0, 0.0), (110.0, 0.0), (110.0, 10.0)];
        assert_eq!(clip_ring(&ring), vec![ring.clone()]);
        let far = vec![(W + 100.0, 0.0), (W + 110.0, 0.0), (W + 110.0, 10.0)];
        assert_eq!(clip_ring(&far), vec![ring]);
    }

    #[test]
    fn a_line_across_the_seam_is_cut_at_both_edges() {
        let line = vec![(W - 10.0, 5.0), (W + 10.0, 15.0)];
        let mut parts = clip_line(&line);
        parts.sort_by(|a, b| a[0].0.total_cmp(&b[0].0));
        assert_eq!(
            parts,
            vec![
                vec![(0.0, 10.0), (10.0, 15.0)],
                vec![(W - 10.0, 5.0), (W, 10.0)]
            ]
        );
    }

    #[test]
    fn unwrapping_takes_the_short_way_round_the_antimeridian() {
        let line = unwrap_line(&[(65.0, 179.0), (65.0, -179.0)]);
        assert!((line[1].0 - line[0].0 - 20.0).abs() < 1e-9);
        // And across the seam the line runs past the edge.
        let line = unwrap_line(&[(0.0, -69.0), (0.0, -71.0)]);
        assert!(line[1].0 < 0.0);
    }
}
