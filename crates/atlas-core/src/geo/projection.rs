//! The one projection of the app: Miller cylindrical, centred on 110°E.
//!
//! Why Miller: it is cylindrical (meridians are vertical lines, so a seam is
//! a straight cut and the graticule is a set of straight lines), it keeps
//! shapes close to Mercator's in the mid latitudes where Northeast Asia
//! lies, and unlike Mercator it stays finite at the poles, so the Russian
//! Arctic islands (Franz Josef Land, 81°N) are not blown up.
//!
//! Why 110°E: Russia, China and the Pacific must not be cut at the
//! antimeridian. With the centre at 110°E the seam falls on 70°W, which
//! leaves the contiguous United States whole on the right of the Pacific
//! (only easternmost Maine and Cape Cod cross to the left edge) and cuts the
//! Americas where Asia-centred maps usually cut them. The antimeridian
//! (Chukotka, the Bering Strait, the end of the Northern Sea Route) lies well
//! inside the map.
//!
//! The SVG space: the world is [`WORLD_WIDTH`] units wide, x grows eastward
//! from the seam, y grows southward from [`NORTH_LIMIT`]. One unit is 0.1° of
//! longitude.

use serde::{Deserialize, Serialize};
use std::f64::consts::{FRAC_PI_4, TAU};

/// Width of the whole world in SVG user units (360° of longitude).
pub const WORLD_WIDTH: f64 = 3600.0;
/// The meridian at the centre of the map (x = `WORLD_WIDTH / 2`).
pub const CENTRAL_MERIDIAN: f64 = 110.0;
/// The latitude at y = 0: just north of Greenland and Franz Josef Land.
pub const NORTH_LIMIT: f64 = 84.0;
/// The southern edge of the world view: Antarctica is left out, Tierra del
/// Fuego (55.9°S) is in.
pub const SOUTH_LIMIT: f64 = -58.0;

/// Units per radian of longitude.
const RADIUS: f64 = WORLD_WIDTH / TAU;

/// Miller's y for a latitude, in radians of the unit sphere (north positive).
fn miller(lat_deg: f64) -> f64 {
    let phi = lat_deg.clamp(-90.0, 90.0).to_radians();
    1.25 * (FRAC_PI_4 + 0.4 * phi).tan().ln()
}

/// Wraps an angle difference in degrees into `[-180, 180)`.
pub fn wrap_degrees(d: f64) -> f64 {
    d - 360.0 * ((d + 180.0) / 360.0).floor()
}

/// The x of a longitude, in `[0, WORLD_WIDTH)`.
pub fn x_of_lon(lon: f64) -> f64 {
    (wrap_degrees(lon - CENTRAL_MERIDIAN) + 180.0) / 360.0 * WORLD_WIDTH
}

/// The x distance that a step of `d_lon` degrees covers (no wrapping).
pub fn dx_of_dlon(d_lon: f64) -> f64 {
    d_lon / 360.0 * WORLD_WIDTH
}

/// The y of a latitude (0 at [`NORTH_LIMIT`], growing southward).
pub fn y_of_lat(lat: f64) -> f64 {
    (miller(NORTH_LIMIT) - miller(lat)) * RADIUS
}

/// Projects `(lat, lon)` in degrees to `(x, y)` in f64, for builders that
/// keep precision until they quantize.
pub fn project_f64(lat: f64, lon: f64) -> (f64, f64) {
    (x_of_lon(lon), y_of_lat(lat))
}

/// Projects `(lat, lon)` in degrees to SVG `(x, y)`: the function for
/// markers. Longitudes in any range are accepted (wrapped).
pub fn project(lat: f64, lon: f64) -> (f32, f32) {
    let (x, y) = project_f64(lat, lon);
    (x as f32, y as f32)
}

/// The inverse of [`project`]: SVG `(x, y)` back to `(lat, lon)`, with lon in
/// `[-180, 180)`. For pointer positions (what place is under the cursor).
pub fn unproject(x: f64, y: f64) -> (f64, f64) {
    let lon = wrap_degrees(x / WORLD_WIDTH * 360.0 - 180.0 + CENTRAL_MERIDIAN);
    let m = miller(NORTH_LIMIT) - y / RADIUS;
    let lat = (2.5 * (0.8 * m).exp().atan() - 2.5 * FRAC_PI_4).to_degrees();
    (lat, lon)
}

/// A rectangle of the SVG space, as in a `viewBox` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ViewBox {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

impl ViewBox {
    /// The `viewBox` attribute value, `"x y width height"`, rounded to units.
    pub fn to_attr(&self) -> String {
        format!(
            "{} {} {} {}",
            self.x.round(),
            self.y.round(),
            self.width.round(),
            self.height.round()
        )
    }

    /// Whether the point lies inside (edges included).
    pub fn contains(&self, x: f32, y: f32) -> bool {
        x >= self.x && x <= self.x + self.width && y >= self.y && y <= self.y + self.height
    }

    /// The box grown by `margin` units on every side.
    pub fn expanded(&self, margin: f32) -> ViewBox {
        ViewBox {
            x: self.x - margin,
            y: self.y - margin,
            width: self.width + 2.0 * margin,
            height: self.height + 2.0 * margin,
        }
    }
}

/// A geographic rectangle, west to east (eastward, so it may cross the
/// antimeridian) and south to north, in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeoBounds {
    /// Western edge (longitude).
    pub west: f64,
    /// Eastern edge (longitude), reached from `west` going east.
    pub east: f64,
    /// Southern edge (latitude).
    pub south: f64,
    /// Northern edge (latitude).
    pub north: f64,
}

impl GeoBounds {
    /// The projected rectangle. The box must not cross the seam (70°W); both
    /// constants below do not.
    pub fn view_box(&self) -> ViewBox {
        let x = x_of_lon(self.west);
        let span = self.east - self.west;
        let span = if span <= 0.0 { span + 360.0 } else { span };
        let top = y_of_lat(self.north);
        ViewBox {
            x: x as f32,
            y: top as f32,
            width: dx_of_dlon(span) as f32,
            height: (y_of_lat(self.south) - top) as f32,
        }
    }
}

/// The whole map: every longitude, from [`SOUTH_LIMIT`] to [`NORTH_LIMIT`].
pub const WORLD_BOUNDS: GeoBounds = GeoBounds {
    west: CENTRAL_MERIDIAN - 180.0,
    east: CENTRAL_MERIDIAN + 180.0,
    south: SOUTH_LIMIT,
    north: NORTH_LIMIT,
};

/// The default frame of the map view: Lake Baikal (104°E) to Kamchatka and
/// the Commander Islands (166°E), southern Kyushu (30°N) to Chukotka's
/// Arctic coast (67°N). Korea, Japan, Sakhalin and the Kurils are inside.
pub const NORTHEAST_ASIA: GeoBounds = GeoBounds {
    west: 102.0,
    east: 166.0,
    south: 30.0,
    north: 67.0,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_central_meridian_is_the_middle_and_the_seam_the_edges() {
        let (x, _) = project(0.0, CENTRAL_MERIDIAN);
        assert!((x as f64 - WORLD_WIDTH / 2.0).abs() < 1e-3);
        // Just east of 70°W is the left edge, just west of it the right edge.
        assert!(project(0.0, -69.9).0 < 2.0);
        assert!(project(0.0, -70.1).0 > WORLD_WIDTH as f32 - 2.0);
        // The antimeridian is inside the map: both sides of it are neighbours.
        let (east, _) = project(65.0, 179.9);
        let (west, _) = project(65.0, -179.9);
        assert!((west - east - 2.0).abs() < 0.01, "{east} {west}");
    }

    #[test]
    fn x_grows_east_and_y_grows_south_monotonically() {
        let lons: Vec<f64> = (0..360).map(|i| -69.5 + i as f64).collect();
        for w in lons.windows(2) {
            assert!(project(0.0, w[0]).0 < project(0.0, w[1]).0, "{w:?}");
        }
        for lat in -89..89 {
            let (_, a) = project(lat as f64, 0.0);
            let (_, b) = project(lat as f64 + 1.0, 0.0);
            assert!(b < a, "{lat}");
        }
        assert!(y_of_lat(NORTH_LIMIT).abs() < 1e-9);
    }

    #[test]
    fn unproject_inverts_project() {
        for &(lat, lon) in &[
            (43.1056, 131.8735),
            (-15.7797, -47.9297),
            (59.9127, 10.7461),
            (66.0, -169.0),
            (-55.0, -68.0),
            (1.2897, 103.8501),
        ] {
            let (x, y) = project_f64(lat, lon);
            let (lat2, lon2) = unproject(x, y);
            assert!((lat - lat2).abs() < 1e-9 && wrap_degrees(lon - lon2).abs() < 1e-9);
        }
    }

    #[test]
    fn longitudes_out_of_range_wrap() {
        assert_eq!(project(10.0, 191.0), project(10.0, -169.0));
        assert_eq!(project(10.0, -250.0), project(10.0, 110.0));
    }

    #[test]
    fn the_world_box_starts_at_the_seam() {
        let world = WORLD_BOUNDS.view_box();
        assert_eq!((world.x, world.y), (0.0, 0.0));
        assert!((world.width as f64 - WORLD_WIDTH).abs() < 1e-3);
        let nea = NORTHEAST_ASIA.view_box();
        assert!(nea.x > 0.0 && nea.x + nea.width < world.width);
        // Landscape, roughly 4:3.
        let aspect = nea.width / nea.height;
        assert!((1.1..1.6).contains(&aspect), "{aspect}");
    }
}
