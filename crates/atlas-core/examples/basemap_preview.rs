//! Writes the base map as standalone SVG previews, with a few places and the
//! Northern Sea Route drawn over it, so a human can look at seams, islands
//! and aspect: `cargo run -p atlas-core --example basemap_preview [OUT_DIR]`
//! writes `basemap-preview.svg` (world) and `basemap-preview-nea.svg`
//! (Northeast Asia frame) plus `basemap.bin` (the embedded bytes) into
//! OUT_DIR (default `/tmp`).

use atlas_core::geo::route::{parse_waypoints, route_path};
use atlas_core::geo::{project, BaseMap, ViewBox};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Gazetteer-like points: (name, lat, lon).
const PLACES: &[(&str, f64, f64)] = &[
    ("Vladivostok", 43.1056, 131.8735),
    ("Khabarovsk", 48.4827, 135.0838),
    ("Beijing", 39.9075, 116.3972),
    ("Tokyo", 35.6895, 139.6917),
    ("Seoul", 37.5665, 126.978),
    ("Oslo", 59.9127, 10.7461),
    ("Singapore", 1.2897, 103.8501),
    ("Brasília", -15.7797, -47.9297),
];

/// The northern-sea-route waypoints of data/gazetteer.tsv.
const NSR: &str = "68.9792,33.0925;70.42,58;73.5082,80.5292;77.9,104.5;76,125;74.7,139;72,160;69.7029,170.2999;66,-169";

fn svg(map: &BaseMap, view: &ViewBox, scale: f32) -> String {
    let mut s = String::new();
    let width = 1400.0;
    let height = width * view.height / view.width;
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{}" width="{width}" height="{height}"><rect x="{}" y="{}" width="{}" height="{}" fill="#cfe3f0"/><path d="{}" fill="none" stroke="#9bbcd4" stroke-width="{}"/><g fill="#f2efe6">"##,
        view.to_attr(),
        view.x,
        view.y,
        view.width,
        view.height,
        map.graticule,
        0.6 * scale
    );
    for c in &map.countries {
        let fill = match c.id.as_str() {
            "643" => "#e8d9c4",
            "156" => "#efe3d0",
            _ => "#f2efe6",
        };
        let _ = write!(
            s,
            r#"<path d="{}" fill="{fill}"><title>{}</title></path>"#,
            c.d, c.name
        );
    }
    let _ = write!(
        s,
        r##"</g><path d="{}" fill="none" stroke="#8a7f70" stroke-width="{}"/>"##,
        map.borders,
        0.5 * scale
    );
    if let Some(nsr) = parse_waypoints(NSR) {
        let _ = write!(
            s,
            r##"<path d="{}" fill="none" stroke="#1f5fa8" stroke-width="{}" stroke-dasharray="{} {}"/>"##,
            route_path(&nsr),
            1.2 * scale,
            4.0 * scale,
            3.0 * scale
        );
    }
    for (name, lat, lon) in PLACES {
        let (x, y) = project(*lat, *lon);
        let _ = write!(
            s,
            r##"<circle cx="{x}" cy="{y}" r="{}" fill="#c0392b"/><text x="{}" y="{y}" font-size="{}" font-family="sans-serif">{name}</text>"##,
            3.0 * scale,
            x + 4.0 * scale,
            11.0 * scale
        );
    }
    s.push_str("</svg>\n");
    s
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn main() -> ExitCode {
    let out = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp"));
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let map = match atlas_core::geo::basemap::build_from_dir(&data) {
        Ok(map) => map,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let bytes = match map.to_bytes() {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let world = map.view_box_world;
    let nea = map.frame_northeast_asia;
    let result = write(&out.join("basemap.bin"), &bytes)
        .and_then(|()| {
            write(
                &out.join("basemap-preview.svg"),
                svg(&map, &world, world.width / 1400.0).as_bytes(),
            )
        })
        .and_then(|()| {
            write(
                &out.join("basemap-preview-nea.svg"),
                svg(&map, &nea, nea.width / 1400.0).as_bytes(),
            )
        });
    if let Err(e) = result {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    let path_bytes: usize = map.countries.iter().map(|c| c.d.len()).sum();
    println!(
        "{} countries; postcard {} bytes (countries {path_bytes}, borders {}, graticule {}); world viewBox {}, NE Asia viewBox {}",
        map.countries.len(),
        bytes.len(),
        map.borders.len(),
        map.graticule.len(),
        world.to_attr(),
        nea.to_attr()
    );
    ExitCode::SUCCESS
}
