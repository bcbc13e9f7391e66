//! A small TopoJSON decoder for the base-map source (Natural Earth via the
//! npm package `world-atlas`): quantized, delta-encoded arcs, and `Polygon` /
//! `MultiPolygon` geometries (inside `GeometryCollection`s) that refer to
//! arcs by index, `~i` (that is `-i - 1`) meaning arc `i` reversed.
//!
//! Why not the `topojson` crate: it converts to the `geojson` crate's types
//! (a second geometry model to convert out of, pinned to old `geojson`
//! versions), and the builder needs the arcs themselves — simplifying each
//! shared border once keeps neighbouring countries gap-free. The format
//! part needed here is one page, decoded with `serde_json`, which the crate
//! already has. Points, lines and other geometry types are skipped.

use crate::error::{Error, ErrorKind};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// A decoded topology: arcs in absolute `[lon, lat]` degrees, and the
/// polygonal features of each named object.
#[derive(Debug, Clone, PartialEq)]
pub struct Topology {
    /// Every arc as absolute positions `[lon, lat]`.
    pub arcs: Vec<Vec<[f64; 2]>>,
    /// The features of each top-level object (`countries`, `land`), with
    /// geometry collections flattened.
    pub objects: BTreeMap<String, Vec<Feature>>,
}

/// One polygonal feature.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// The feature's `id` (in world-atlas: the ISO 3166-1 numeric code, as a
    /// string), if it has one.
    pub id: Option<String>,
    /// `properties.name`, if present.
    pub name: Option<String>,
    /// Polygons; each is rings (exterior first, then holes); each ring is
    /// arc references.
    pub polygons: Vec<Vec<Vec<ArcRef>>>,
}

/// A reference to an arc as TopoJSON writes it: `i` forward, `!i` (= `-i-1`)
/// reversed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArcRef(pub i64);

impl ArcRef {
    /// The arc's index in [`Topology::arcs`].
    pub fn index(self) -> usize {
        (if self.0 < 0 { !self.0 } else { self.0 }) as usize
    }

    /// Whether the arc is walked backwards.
    pub fn reversed(self) -> bool {
        self.0 < 0
    }
}

#[derive(Deserialize)]
struct RawTopology {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    transform: Option<RawTransform>,
    arcs: Vec<Vec<Vec<f64>>>,
    objects: BTreeMap<String, RawGeometry>,
}

#[derive(Deserialize)]
struct RawTransform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct RawGeometry {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(default)]
    arcs: Value,
    #[serde(default)]
    geometries: Vec<RawGeometry>,
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    properties: Option<serde_json::Map<String, Value>>,
}

/// Decodes TopoJSON text. `file` names the source in errors.
pub fn decode(file: &str, text: &str) -> Result<Topology, Error> {
    let bad = |message: String| Error::file(file, ErrorKind::Basemap(message));
    let raw: RawTopology = serde_json::from_str(text).map_err(|e| {
        Error::at_line(
            file,
            e.line().max(1),
            ErrorKind::BasemapJson(crate::error::Cause::new(e)),
        )
    })?;
    if raw.kind != "Topology" {
        return Err(bad(format!(
            "type is {:?}, expected \"Topology\"",
            raw.kind
        )));
    }
    let mut arcs = Vec::with_capacity(raw.arcs.len());
    for (n, arc) in raw.arcs.iter().enumerate() {
        let mut out = Vec::with_capacity(arc.len());
        let (mut qx, mut qy) = (0.0, 0.0);
        for position in arc {
            let (Some(&x), Some(&y)) = (position.first(), position.get(1)) else {
                return Err(bad(format!(
                    "arc {n} has a position with fewer than two numbers"
                )));
            };
            out.push(match &raw.transform {
                // Quantized: integer deltas from the previous position.
                Some(t) => {
                    (qx, qy) = (qx + x, qy + y);
                    [
                        qx * t.scale[0] + t.translate[0],
                        qy * t.scale[1] + t.translate[1],
                    ]
                }
                None => [x, y],
            });
        }
        if out.len() < 2 {
            return Err(bad(format!("arc {n} has fewer than two positions")));
        }
        arcs.push(out);
    }
    let mut objects = BTreeMap::new();
    for (name, geometry) in raw.objects {
        let mut features = Vec::new();
        flatten(&geometry, arcs.len(), &mut features)
            .map_err(|m| bad(format!("object {name:?}: {m}")))?;
        objects.insert(name, features);
    }
    Ok(Topology { arcs, objects })
}

/// Collects the polygonal features of a geometry (recursing into
/// collections), checking every arc index.
fn flatten(geometry: &RawGeometry, arc_count: usize, out: &mut Vec<Feature>) -> Result<(), String> {
    let polygons: Vec<Vec<Vec<i64>>> = match geometry.kind.as_deref() {
        Some("GeometryCollection") => {
            for g in &geometry.geometries {
                flatten(g, arc_count, out)?;
            }
            return Ok(());
        }
        Some("Polygon") => vec![rings(&geometry.arcs)?],
        Some("MultiPolygon") => {
            let Value::Array(polys) = &geometry.arcs else {
                return Err("a MultiPolygon without an arcs array".into());
            };
            polys.iter().map(rings).collect::<Result<_, _>>()?
        }
        // Points, lines and null geometries have no area to draw.
        _ => return Ok(()),
    };
    let id = match &geometry.id {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let name = geometry
        .properties
        .as_ref()
        .and_then(|p| p.get("name"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let label = name.clone().or(id.clone()).unwrap_or_default();
    let mut checked = Vec::with_capacity(polygons.len());
    for polygon in polygons {
        let mut rings = Vec::with_capacity(polygon.len());
        for ring in polygon {
            let refs: Vec<ArcRef> = ring.into_iter().map(ArcRef).collect();
            if let Some(r) = refs.iter().find(|r| r.index() >= arc_count) {
                return Err(format!(
                    "feature {label:?} refers to arc {} but there are only {arc_count} arcs",
                    r.0
                ));
            }
            if refs.is_empty() {
                return Err(format!("feature {label:?} has an empty ring"));
            }
            rings.push(refs);
        }
        checked.push(rings);
    }
    out.push(Feature {
        id,
        name,
        polygons: checked,
    });
    Ok(())
}

/// A polygon's rings from its `arcs` value.
fn rings(value: &Value) -> Result<Vec<Vec<i64>>, String> {
    serde_json::from_value(value.clone())
        .map_err(|e| format!("polygon arcs are not lists of arc indices: {e}"))
}

impl Topology {
    /// The positions of a ring (or any chain of arcs), `[lon, lat]`, arcs
    /// reversed where marked, the shared point between arcs kept once.
    pub fn chain(&self, refs: &[ArcRef]) -> Vec<[f64; 2]> {
        let mut out: Vec<[f64; 2]> = Vec::new();
        for &r in refs {
            let Some(arc) = self.arcs.get(r.index()) else {
                continue;
            };
            let skip = usize::from(!out.is_empty());
            if r.reversed() {
                out.extend(arc.iter().rev().skip(skip));
            } else {
                out.extend(arc.iter().skip(skip));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two unit squares side by side sharing one edge (arc 0), quantized with
    /// scale 1 and translate (100, 40): the left square walks the shared arc
    /// forward, the right one walks it reversed (`~0` = -1).
    const TWO_SQUARES: &str = r#"{
      "type": "Topology",
      "transform": {"scale": [1, 1], "translate": [100, 40]},
      "objects": {"countries": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "id": "001", "properties": {"name": "West"}, "arcs": [[0, 1]]},
        {"type": "MultiPolygon", "id": 2, "arcs": [[[-1, 2]]]},
        {"type": "Point", "coordinates": [0, 0]}
      ]}},
      "arcs": [
        [[1, 0], [0, 1]],
        [[1, 1], [-1, 0], [0, -1], [1, 0]],
        [[1, 0], [1, 0], [0, 1], [-1, 0]]
      ]
    }"#;

    #[test]
    fn quantized_delta_arcs_decode_to_degrees() {
        let topo = decode("fixture.json", TWO_SQUARES).expect("valid fixture");
        assert_eq!(topo.arcs[0], vec![[101.0, 40.0], [101.0, 41.0]]);
        assert_eq!(topo.arcs[2][3], [101.0, 41.0]);
        let countries = &topo.objects["countries"];
        assert_eq!(countries.len(), 2, "the point is skipped");
        assert_eq!(countries[0].name.as_deref(), Some("West"));
        assert_eq!(countries[1].id.as_deref(), Some("2"));
    }

    #[test]
    fn rings_follow_reversed_arcs() {
        let topo = decode("fixture.json", TWO_SQUARES).expect("valid fixture");
        let west = topo.chain(&topo.objects["countries"][0].polygons[0][0]);
        assert_eq!(
            west,
            vec![
                [101.0, 40.0],
                [101.0, 41.0],
                [100.0, 41.0],
                [100.0, 40.0],
                [101.0, 40.0]
            ]
        );
        let east_refs = &topo.objects["countries"][1].polygons[0][0];
        assert!(east_refs[0].reversed() && east_refs[0].index() == 0);
        let east = topo.chain(east_refs);
        assert_eq!(
            east,
            vec![
                [101.0, 41.0],
                [101.0, 40.0],
                [102.0, 40.0],
                [102.0, 41.0],
                [101.0, 41.0]
            ]
        );
    }

    #[test]
    fn errors_name_the_file_and_the_problem() {
        let err = decode("basemap/x.json", "{\"type\": \"Topology\",\n \"arcs\": [}").unwrap_err();
        assert_eq!(err.file.to_str(), Some("basemap/x.json"));
        assert_eq!(err.line, Some(2));
        let err = decode(
            "x.json",
            r#"{"type":"FeatureCollection","arcs":[],"objects":{}}"#,
        )
        .unwrap_err();
        assert!(
            err.to_string().starts_with("x.json: base map: type is"),
            "{err}"
        );
        let err = decode(
            "x.json",
            r#"{"type":"Topology","arcs":[[[0,0],[1,1]]],"objects":{"o":{"type":"Polygon","arcs":[[5]]}}}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("refers to arc 5"), "{err}");
    }
}
