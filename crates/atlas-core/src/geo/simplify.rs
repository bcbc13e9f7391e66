//! Douglas–Peucker line simplification with a tolerance that may vary by
//! place, so the Northeast Asia frame keeps its detail (the Kurils, the
//! Tatar Strait) while the rest of the world is drawn coarser.
//!
//! Why not the `geo` crate's `Simplify`: it takes one tolerance for the whole
//! line and brings a large dependency tree (rstar, robust, i_overlay, ...)
//! for forty lines of code. This runs at build time only, on projected
//! coordinates (SVG units), once per TopoJSON arc — so borders shared by two
//! countries are simplified once and stay identical on both sides.

/// A projected point (x, y) in SVG units.
pub type Point = (f64, f64);

/// Distance from `p` to the segment `a`–`b` (to `a` when the segment is a
/// point, as for a closed ring's first and last point).
fn distance_to_segment(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    if len2 == 0.0 {
        return (p.0 - a.0).hypot(p.1 - a.1);
    }
    let t = (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0);
    (p.0 - (a.0 + t * dx)).hypot(p.1 - (a.1 + t * dy))
}

/// Keeps the end points and every point that lies farther than
/// `tolerance(point)` from the simplified line (classic Douglas–Peucker,
/// with an explicit stack instead of recursion so long coastlines cannot
/// overflow it).
pub fn simplify(points: &[Point], tolerance: impl Fn(Point) -> f64) -> Vec<Point> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((first, last)) = stack.pop() {
        if last <= first + 1 {
            continue;
        }
        let (mut far, mut far_excess) = (0, 0.0);
        for (i, &p) in points.iter().enumerate().take(last).skip(first + 1) {
            let excess = distance_to_segment(p, points[first], points[last]) - tolerance(p);
            if excess > far_excess {
                (far, far_excess) = (i, excess);
            }
        }
        if far != 0 {
            keep[far] = true;
            stack.push((first, far));
            stack.push((far, last));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(&p, k)| k.then_some(p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_straight_line_keeps_only_its_ends() {
        let line: Vec<Point> = (0..10).map(|i| (i as f64, 0.01 * (i % 2) as f64)).collect();
        assert_eq!(simplify(&line, |_| 0.5), vec![(0.0, 0.0), (9.0, 0.01)]);
    }

    #[test]
    fn a_corner_survives_and_the_tolerance_can_vary() {
        let line = vec![
            (0.0, 0.0),
            (5.0, 0.3),
            (10.0, 0.0),
            (15.0, 0.3),
            (20.0, 0.0),
        ];
        // With a fine tolerance everywhere both bumps stay; with a coarse
        // one right of x = 10 only the left bump does.
        assert_eq!(simplify(&line, |_| 0.1), line);
        let kept = simplify(&line, |p| if p.0 < 10.0 { 0.1 } else { 1.0 });
        assert_eq!(kept, vec![(0.0, 0.0), (5.0, 0.3), (20.0, 0.0)]);
    }

    #[test]
    fn a_closed_ring_keeps_its_shape() {
        let ring = vec![
            (0.0, 0.0),
            (10.0, 0.0),
            (10.0, 10.0),
            (0.0, 10.0),
            (0.0, 0.0),
        ];
        assert_eq!(simplify(&ring, |_| 0.5), ring);
    }
}
