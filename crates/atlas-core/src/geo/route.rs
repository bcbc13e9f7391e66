//! Routes (railways, pipelines, sea routes) as polylines over the base map.
//!
//! A route's waypoints are unwrapped before projecting: the Northern Sea
//! Route ends at the Bering Strait at 169°W, and from 170°E to 169°W it must
//! step 21° east, not 339° west. If a route crossed the map's seam (70°W) it
//! is cut there into two pieces instead of streaking across the map.

use super::seam::{clip_line, unwrap_line};
use super::svg_path::{quantize, PathWriter};

/// The path `d` of a route through `(lat, lon)` waypoints, in travel order.
/// Empty when there are fewer than two distinct points.
pub fn route_path(waypoints: &[(f64, f64)]) -> String {
    let mut path = PathWriter::new();
    for piece in clip_line(&unwrap_line(waypoints)) {
        path.line(&quantize(&piece));
    }
    path.finish()
}

/// Parses the gazetteer's `waypoints` column (`"lat,lon;lat,lon;..."`) into
/// `(lat, lon)` pairs, or `None` if any pair is malformed or out of range.
pub fn parse_waypoints(column: &str) -> Option<Vec<(f64, f64)>> {
    column
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (lat, lon) = pair.split_once(',')?;
            let (lat, lon): (f64, f64) = (lat.trim().parse().ok()?, lon.trim().parse().ok()?);
            ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lat, lon))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::projection::project;
    use crate::geo::svg_path::read_subpaths;

    #[test]
    fn the_northern_sea_route_crosses_the_antimeridian_in_one_piece() {
        // The waypoints column of northern-sea-route in data/gazetteer.tsv.
        let nsr = parse_waypoints(
            "68.9792,33.0925;70.42,58;73.5082,80.5292;77.9,104.5;76,125;74.7,139;72,160;69.7029,170.2999;66,-169",
        )
        .expect("valid waypoints");
        let d = route_path(&nsr);
        let pieces = read_subpaths(&d).expect("valid path");
        assert_eq!(pieces.len(), 1, "{d}");
        let xs: Vec<f64> = pieces[0].iter().map(|p| p.0).collect();
        assert!(
            xs.windows(2).all(|w| w[1] > w[0]),
            "eastward all the way: {xs:?}"
        );
        let (end_x, _) = project(66.0, -169.0);
        assert!((xs[xs.len() - 1] - end_x as f64).abs() <= 0.5);
    }

    #[test]
    fn a_route_across_the_seam_is_cut() {
        // New York (74°W) to Halifax (63.6°W) crosses the seam at 70°W.
        let d = route_path(&[(40.7, -74.0), (44.6, -63.6)]);
        assert_eq!(read_subpaths(&d).expect("valid").len(), 2, "{d}");
    }

    #[test]
    fn malformed_waypoints_are_refused() {
        assert_eq!(parse_waypoints(""), Some(vec![]));
        assert!(parse_waypoints("1,2;3").is_none());
        assert!(parse_waypoints("95,2").is_none());
        assert!(parse_waypoints("a,b").is_none());
    }
}
