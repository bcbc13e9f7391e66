//! The two layers as one gazetteer: the curated rows of `data/gazetteer.tsv`
//! over the generated rows of `data/gazetteer-geonames.tsv`.
//!
//! A curated row *overrides* the generated row of the same place and keeps
//! everything that row knew: its own id, name, kind, point and aliases win,
//! the generated names are added to its aliases (so `Vladivostok` also
//! matches the spellings GeoNames lists), and population, admin-1 key and
//! GeoNames id come from the generated row. The same place is recognised by
//!
//! 1. the same GeoNames id, or
//! 2. the same id and kind, or
//! 3. the same kind and country and a shared name, within 30 km for a
//!    city and 1,200 km for anything else (a region's curated point is
//!    often its administrative centre, the generated one a label point).
//!
//! Curated rows with no generated twin (routes, fields, macro-regions) are
//! added as they are. A generated alias equal to an ignore-list span is
//! dropped: the ignore list is reviewed, the generated names are not.

use super::{Gazetteer, Layer, Place};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How far apart two points of one place may be for rule 3, in km: a
/// city's two points are close; a region's curated point (its centre
/// city) and its label point can be far apart in a large federal subject.
fn same_place_km(kind: super::PlaceKind) -> f64 {
    match kind {
        super::PlaceKind::City | super::PlaceKind::Port => 30.0,
        _ => 1200.0,
    }
}

impl Gazetteer {
    /// This (curated) gazetteer laid over a generated `base` layer.
    pub fn over(self, base: Vec<Place>) -> Gazetteer {
        let ignored: BTreeSet<&str> = self.ignore.iter().map(|e| e.surface.as_str()).collect();
        let mut base: Vec<Option<Place>> = base.into_iter().map(Some).collect();
        let mut by_geonames: HashMap<u64, usize> = HashMap::new();
        let mut by_id: HashMap<String, usize> = HashMap::new();
        let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, p) in base.iter().enumerate() {
            let Some(p) = p else { continue };
            if let Some(g) = p.geonames_id() {
                by_geonames.entry(g).or_insert(i);
            }
            by_id.insert(p.id.clone(), i);
            for a in &p.aliases {
                by_name.entry(a.clone()).or_default().push(i);
            }
        }
        // An alias of the curated file names one place: a generated name
        // absorbed into one curated row must not be another's alias.
        let claimed: BTreeSet<String> =
            self.places.iter().flat_map(|p| p.aliases.clone()).collect();
        let mut places = Vec::with_capacity(base.len() + self.places.len());
        let mut renamed = self.renamed;
        for mut curated in self.places {
            let twin = twin_of(&curated, &base, &by_geonames, &by_id, &by_name);
            if let Some(generated) = twin.and_then(|i| base[i].take()) {
                if generated.id != curated.id {
                    renamed.insert(generated.id.clone(), curated.id.clone());
                }
                absorb(&mut curated, generated, &ignored, &claimed);
            }
            places.push(curated);
        }
        // Ids are one namespace (URLs carry them): a generated row whose id
        // a curated row of another place holds is renamed by its kind
        // (`tokyo` the city is curated, the prefecture becomes `tokyo-region`).
        let mut ids: BTreeSet<String> = places.iter().map(|p| p.id.clone()).collect();
        for mut p in base.into_iter().flatten() {
            p.aliases.retain(|a| !ignored.contains(a.as_str()));
            p.common.retain(|a| !ignored.contains(a.as_str()));
            if p.aliases.is_empty() {
                continue;
            }
            if ids.contains(&p.id) {
                let by_kind = format!("{}-{}", p.id, p.kind.name());
                let new = if ids.contains(&by_kind) {
                    format!("{by_kind}-{}", p.line)
                } else {
                    by_kind
                };
                renamed.insert(std::mem::replace(&mut p.id, new.clone()), new);
            }
            ids.insert(p.id.clone());
            places.push(p);
        }
        Gazetteer {
            places,
            ignore: self.ignore,
            renamed,
        }
    }
}

/// The generated row that is the same place as `curated`, if any.
fn twin_of(
    curated: &Place,
    base: &[Option<Place>],
    by_geonames: &HashMap<u64, usize>,
    by_id: &HashMap<String, usize>,
    by_name: &BTreeMap<String, Vec<usize>>,
) -> Option<usize> {
    let live = |i: &usize| base[*i].is_some();
    if let Some(i) = curated
        .geonames_id()
        .and_then(|g| by_geonames.get(&g))
        .filter(|i| live(i))
    {
        return Some(*i);
    }
    if let Some(i) = by_id.get(&curated.id).filter(|i| live(i)) {
        if base[*i].as_ref().is_some_and(|b| b.kind == curated.kind) {
            return Some(*i);
        }
    }
    // Names compare whole, or by their core (`Amur River` and `Amur`).
    let cores: Vec<String> = curated
        .aliases
        .iter()
        .flat_map(|a| {
            let core = crate::annotate::place::forms::core_of(a, curated.kind);
            std::iter::once(a.clone()).chain(core)
        })
        .collect();
    cores
        .iter()
        .filter_map(|a| by_name.get(a))
        .flatten()
        .copied()
        .filter(|i| live(i))
        .find(|&i| {
            base[i].as_ref().is_some_and(|b| {
                b.kind == curated.kind
                    && b.country == curated.country
                    && km(b.lat, b.lon, curated.lat, curated.lon) <= same_place_km(b.kind)
            })
        })
}

/// Adds what the generated twin knows to the curated row.
fn absorb(
    curated: &mut Place,
    generated: Place,
    ignored: &BTreeSet<&str>,
    claimed: &BTreeSet<String>,
) {
    for a in generated.aliases {
        if ignored.contains(a.as_str()) || claimed.contains(&a) || curated.aliases.contains(&a) {
            continue;
        }
        if generated.common.contains(&a) {
            curated.common.push(a.clone());
        }
        curated.aliases.push(a);
    }
    curated.population = curated.population.max(generated.population);
    curated.admin1 = curated.admin1.take().or(generated.admin1);
    curated.geonames = curated.geonames.or(generated.geonames);
    debug_assert_eq!(curated.layer, Layer::Curated);
}

/// Great-circle distance in km (haversine, mean Earth radius).
pub fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::super::{base::parse_base, parse_ignore};
    use super::*;

    const CURATED: &str = "id\tname\tkind\tcountry\tlat\tlon\tsource\taliases\twaypoints\n\
        vladivostok\tVladivostok\tcity\tRU\t43.1\t131.9\tgeonames:2013348\tVladivostok\t\n\
        primorsky-krai\tPrimorsky Krai\tregion\tRU\t43.1\t131.9\trepresentative:centre\tPrimorsky Krai | Primorye\t\n\
        espo\tESPO pipeline\troute\tRU\t55\t125\trepresentative:midpoint\tESPO pipeline | ESPO\t\n";

    const BASE: &str = "id\tname\tkind\tcountry\tlat\tlon\tsource\tgeonames\tpopulation\tadmin1\tnames\n\
        vladivostok\tVladivostok\tcity\tRU\t43.1056\t131.8735\tgeonames:2013348\t2013348\t604901\tRU.59\tVladivostok | Владивосток | Kremlin\n\
        primorskiy\tPrimorskiy Kray\tregion\tRU\t44.86\t134.59\tnaturalearth:admin1\t2017623\t0\tRU.59\tPrimorskiy Kray | Primorye | Приморский край\n\
        nakhodka\tNakhodka\tcity\tRU\t42.84\t132.9\tgeonames:2019528\t2019528\t146920\tRU.59\tNakhodka | Находка | Kremlin\n";

    fn merged() -> Gazetteer {
        let ignore = parse_ignore("surface\treason\nKremlin\tgovernment\n", "i.tsv").unwrap();
        Gazetteer::parse(CURATED, "g.tsv")
            .unwrap()
            .with_ignore(ignore, "i.tsv")
            .unwrap()
            .over(parse_base(BASE, "b.tsv").unwrap())
    }

    #[test]
    fn curated_rows_override_their_generated_twins() {
        let g = merged();
        let ids: Vec<&str> = g.places.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["vladivostok", "primorsky-krai", "espo", "nakhodka"]);
        let v = g.place("vladivostok").unwrap();
        assert_eq!(v.aliases, ["Vladivostok", "Владивосток"]);
        assert_eq!((v.population, v.layer), (604901, Layer::Curated));
        // Rule 3: same kind and country, a shared name, 250 km apart.
        let p = g.place("primorsky-krai").unwrap();
        assert_eq!(
            p.aliases,
            [
                "Primorsky Krai",
                "Primorye",
                "Primorskiy Kray",
                "Приморский край"
            ]
        );
        assert_eq!((p.lat, p.geonames), (43.1, Some(2017623)));
    }

    #[test]
    fn the_ignore_list_hides_generated_names() {
        let g = merged();
        assert_eq!(
            g.place("nakhodka").unwrap().aliases,
            ["Nakhodka", "Находка"]
        );
    }

    #[test]
    fn ids_stay_unique_across_layers() {
        let curated = Gazetteer::parse(
            "id\tname\tkind\tcountry\tlat\tlon\tsource\taliases\twaypoints\n\
             tokyo\tTokyo\tcity\tJP\t35.69\t139.69\tgeonames:1850147\tTokyo\t\n",
            "g.tsv",
        )
        .unwrap();
        let base = parse_base(
            "id\tname\tkind\tcountry\tlat\tlon\tsource\tgeonames\tpopulation\tadmin1\tnames\n\
             tokyo\tTokyo\tregion\tJP\t35.7\t139.5\tnaturalearth:a\t1850144\t0\tJP.40\tTokyo\n",
            "b.tsv",
        )
        .unwrap();
        let g = curated.over(base);
        let ids: Vec<&str> = g.places.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["tokyo", "tokyo-region"]);
    }

    #[test]
    fn distances_are_great_circle() {
        let d = km(43.1056, 131.8735, 42.8436, 132.9183);
        assert!((d - 90.0).abs() < 3.0, "{d}");
    }
}
