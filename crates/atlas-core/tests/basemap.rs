//! The base map built from the committed Natural Earth source
//! (`data/basemap/`): every path is valid SVG path data, nothing streaks
//! across the seam, the Northeast Asia frame holds the places it is for, and
//! a broken source file stops the build with its name.

use atlas_core::geo::basemap::{build_from_dir, BASEMAP_DIR, SOURCE_FILE};
use atlas_core::geo::projection::WORLD_WIDTH;
use atlas_core::geo::svg_path::read_subpaths;
use atlas_core::geo::{project, BaseMap};
use atlas_core::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

/// Built once per test binary: decoding and simplifying takes a moment.
fn map() -> &'static BaseMap {
    static MAP: OnceLock<BaseMap> = OnceLock::new();
    MAP.get_or_init(|| build_from_dir(&data_dir()).expect("the committed base map builds"))
}

fn country(map: &BaseMap, id: &str) -> Vec<Vec<(f64, f64)>> {
    let shape = map
        .country(id)
        .unwrap_or_else(|| panic!("country {id} is on the map"));
    read_subpaths(&shape.d).expect("valid path")
}

#[test]
fn the_map_has_the_countries_of_the_region() {
    let map = map();
    assert!(map.countries.len() > 200, "{}", map.countries.len());
    for (id, name) in [
        ("643", "Russia"),
        ("156", "China"),
        ("392", "Japan"),
        ("410", "South Korea"),
        ("408", "North Korea"),
        ("496", "Mongolia"),
        ("840", "United States of America"),
        ("702", "Singapore"),
    ] {
        let shape = map.country(id).unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(shape.name, name);
        assert!(!shape.d.is_empty());
    }
    assert!(!map.borders.is_empty() && !map.graticule.is_empty());
    assert!(map.attribution.contains("Natural Earth"));
}

#[test]
fn every_path_is_valid_and_inside_the_world() {
    let map = map();
    let world = map.view_box_world;
    let paths = map
        .countries
        .iter()
        .map(|c| (c.name.as_str(), c.d.as_str()))
        .chain([
            ("borders", map.borders.as_str()),
            ("graticule", map.graticule.as_str()),
        ]);
    for (name, d) in paths {
        let subpaths = read_subpaths(d).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!subpaths.is_empty(), "{name}");
        for sub in subpaths {
            for &(x, y) in &sub {
                assert!(
                    world.expanded(1.0).contains(x as f32, y as f32),
                    "{name}: ({x}, {y}) outside {world:?}"
                );
            }
            if name == "graticule" {
                continue; // parallels do span the map
            }
            // The seam bug this guards against: a ring that crosses 70°W
            // drawn as one shape spanning the whole map.
            let (lo, hi) = sub.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
                (lo.min(p.0), hi.max(p.0))
            });
            assert!(
                hi - lo < WORLD_WIDTH / 2.0,
                "{name}: a subpath spans {lo}..{hi}"
            );
        }
    }
}

#[test]
fn the_northeast_asia_frame_holds_its_cities_and_countries() {
    let map = map();
    let frame = map.frame_northeast_asia;
    assert!(map.view_box_world.contains(frame.x, frame.y));
    for (name, lat, lon) in [
        ("Vladivostok", 43.1056, 131.8735),
        ("Khabarovsk", 48.4827, 135.0838),
        ("Tokyo", 35.6895, 139.6917),
        ("Seoul", 37.5665, 126.978),
        ("Irkutsk (Baikal)", 52.2978, 104.2964),
        ("Petropavlovsk-Kamchatsky", 53.0452, 158.6483),
    ] {
        let (x, y) = project(lat, lon);
        assert!(
            frame.contains(x, y),
            "{name} at ({x}, {y}) outside {frame:?}"
        );
    }
    for (name, lat, lon) in [("Oslo", 59.9127, 10.7461), ("Singapore", 1.2897, 103.8501)] {
        let (x, y) = project(lat, lon);
        assert!(!frame.contains(x, y), "{name} should be outside the frame");
        assert!(map.view_box_world.contains(x, y), "{name} inside the world");
    }
    for id in ["643", "392", "410", "408", "156"] {
        let inside = country(map, id)
            .iter()
            .flatten()
            .filter(|p| frame.contains(p.0 as f32, p.1 as f32))
            .count();
        assert!(inside > 20, "country {id}: {inside} points in the frame");
    }
}

#[test]
fn the_small_islands_of_the_frame_survive() {
    // Japan at 1:50m: Honshu, Hokkaido, Kyushu, Shikoku and many small
    // islands; the Russian Kurils each are a separate ring.
    let japan = country(map(), "392");
    assert!(japan.len() >= 20, "{} rings", japan.len());
    let frame = map().frame_northeast_asia;
    let russia_in_frame = country(map(), "643")
        .iter()
        .filter(|ring| ring.iter().all(|p| frame.contains(p.0 as f32, p.1 as f32)))
        .count();
    assert!(
        russia_in_frame >= 10,
        "{russia_in_frame} Russian islands in the frame"
    );
}

#[test]
fn bytes_round_trip_and_stay_within_budget() {
    let map = map();
    let bytes = map.to_bytes().expect("encodes");
    assert_eq!(&BaseMap::from_bytes(&bytes).expect("decodes"), map);
    // The budget is ~40 KB gzip; these paths compress about 2.4:1, so raw
    // postcard bytes beyond 100 KB mean the budget is blown.
    assert!(bytes.len() < 100_000, "{} bytes", bytes.len());
}

/// A scratch `data/` folder whose base-map source holds `text`.
fn scratch_data(name: &str, text: Option<&str>) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-basemap-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join(BASEMAP_DIR)).expect("scratch dir");
    if let Some(text) = text {
        std::fs::write(dir.join(BASEMAP_DIR).join(SOURCE_FILE), text).expect("scratch file");
    }
    dir
}

#[test]
fn a_broken_source_names_the_file() {
    let dir = scratch_data(
        "truncated",
        Some("{\"type\": \"Topology\",\n\"arcs\": [[[0, 0],"),
    );
    let err = build_from_dir(&dir).unwrap_err();
    assert!(err.file.ends_with("basemap/countries-50m.json"), "{err}");
    assert!(matches!(err.kind, ErrorKind::BasemapJson(_)), "{err}");
    assert_eq!(err.line, Some(2));
    // File, line and serde_json's reason.
    let message = err.to_string();
    assert!(
        message.contains("basemap/countries-50m.json:2: base map: not TopoJSON: EOF while parsing"),
        "{message}"
    );

    let dir = scratch_data(
        "no-countries",
        Some(
            r#"{"type": "Topology", "arcs": [], "objects": {"land": {"type": "GeometryCollection", "geometries": []}}}"#,
        ),
    );
    let err = build_from_dir(&dir).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("basemap/countries-50m.json: base map: no \"countries\" object"),
        "{err}"
    );

    let dir = scratch_data("missing", None);
    let err = build_from_dir(&dir).unwrap_err();
    assert!(
        matches!(err.kind, ErrorKind::Io(_)) && err.file.ends_with(SOURCE_FILE),
        "{err}"
    );
}
