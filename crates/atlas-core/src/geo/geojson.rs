//! GeoJSON export of the places on the map: what a reader takes to QGIS or
//! a notebook. Points for places, LineStrings for routes (their documented
//! waypoints), with the mention counts under the reader's filters.

use crate::model::Corpus;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// A FeatureCollection of the places in `counts` (`(place index, document
/// index, mentions)`, as `filter::Selection::place_mentions` gives them).
/// Coordinates are `[lon, lat]` (RFC 7946).
pub fn places_geojson(corpus: &Corpus, counts: &[(u16, u32, u32)]) -> String {
    let mut per_place: BTreeMap<u16, Vec<(u32, u32)>> = BTreeMap::new();
    for &(p, d, c) in counts {
        per_place.entry(p).or_default().push((d, c));
    }
    let features: Vec<Value> = per_place
        .into_iter()
        .filter_map(|(p, docs)| {
            let place = corpus.places.places.get(p as usize)?;
            let mut by_doc = Map::new();
            for (d, c) in &docs {
                if let Some(doc) = corpus.documents.get(*d as usize) {
                    by_doc.insert(doc.id.clone(), json!(c));
                }
            }
            let geometry = if place.waypoints.len() >= 2 {
                let line: Vec<Value> = place
                    .waypoints
                    .iter()
                    .map(|(lat, lon)| json!([lon, lat]))
                    .collect();
                json!({"type": "LineString", "coordinates": line})
            } else {
                json!({"type": "Point", "coordinates": [place.lon, place.lat]})
            };
            Some(json!({
                "type": "Feature",
                "id": place.id,
                "geometry": geometry,
                "properties": {
                    "id": place.id,
                    "name": place.name,
                    "kind": place.kind.name(),
                    "country": place.country,
                    "mentions": docs.iter().map(|x| x.1).sum::<u32>(),
                    "mentions_by_document": by_doc,
                },
            }))
        })
        .collect();
    let collection = json!({"type": "FeatureCollection", "features": features});
    serde_json::to_string_pretty(&collection).unwrap_or_default()
}
