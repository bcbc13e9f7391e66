//! The graticule: meridians and parallels as one path. In a cylindrical
//! projection they are straight vertical and horizontal lines, so each is one
//! `M…V…` or `M…H…` command.

use super::projection::{
    x_of_lon, y_of_lat, CENTRAL_MERIDIAN, NORTH_LIMIT, SOUTH_LIMIT, WORLD_WIDTH,
};
use std::fmt::Write as _;

/// Degrees between graticule lines: 10° keeps several lines inside the
/// Northeast Asia frame (which spans about 60° by 35°).
pub const STEP_DEGREES: i32 = 10;

/// Meridians and parallels every `step` degrees between the world's latitude
/// limits, as one path `d` (absolute commands, one decimal). The meridian on
/// the seam is left out: it is the map's edge.
pub fn graticule_path(step: i32) -> String {
    let step = step.clamp(1, 90);
    let mut d = String::new();
    let (top, bottom) = (y_of_lat(NORTH_LIMIT.floor()), y_of_lat(SOUTH_LIMIT.ceil()));
    for lon in (-180..180).step_by(step as usize) {
        if (lon as f64 - CENTRAL_MERIDIAN + 180.0).rem_euclid(360.0) == 0.0 {
            continue;
        }
        let x = x_of_lon(lon as f64);
        let _ = write!(d, "M{:.1} {:.1}V{:.1}", x, top, bottom);
    }
    let first = (SOUTH_LIMIT / step as f64).ceil() as i32 * step;
    for lat in (first..=NORTH_LIMIT as i32).step_by(step as usize) {
        let y = y_of_lat(lat as f64);
        let _ = write!(d, "M0 {:.1}H{}", y, WORLD_WIDTH);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::svg_path::read_subpaths;

    #[test]
    fn one_line_per_meridian_and_parallel() {
        let lines = read_subpaths(&graticule_path(10)).expect("valid path");
        // 36 meridians less the seam, parallels from 50°S to 80°N.
        assert_eq!(lines.len(), 35 + 14);
        assert!(lines.iter().all(|l| l.len() == 2));
    }
}
