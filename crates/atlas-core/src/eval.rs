//! Measuring the geoparser against hand-made gold: `atlas eval --gold DIR`.
//!
//! A gold folder holds texts (as a seed folder does) and `gold.tsv`, one row
//! per place a text mentions:
//!
//! ```text
//! doc  name  kind  country  lat  lon  mentions  surfaces
//! ```
//!
//! (`doc` is the file stem; `mentions` counts every occurrence in title,
//! body, notes, abstract and keywords; `surfaces` lists the forms as
//! written, ` | `-separated; see `eval/places/README.md`.)
//!
//! A predicted place of a document is the gold place of that document when
//! they are the same place: the same name (folded), or a gold surface among
//! the predicted mentions' surfaces with a compatible kind; and, when both
//! are cities, at most [`CITY_KM`] apart (a farther namesake is another
//! town). Each gold place matches at most one predicted place.
//!
//! Figures: (document, place) precision, recall and F1 over those pairs;
//! mention recall, the share of gold mentions found (`min(found, gold)`
//! per matched pair, over all gold mentions); and every matched city's
//! distance. The confusion list names what was missed and what was wrong.

use crate::analysis::fold::fold;
use crate::error::{Error, ErrorKind};
use crate::gazetteer::km;
use crate::model::{Corpus, PlaceKind};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Where a matched city may lie from its gold point, in km.
pub const CITY_KM: f64 = 25.0;

const GOLD_HEADER: [&str; 8] = [
    "doc", "name", "kind", "country", "lat", "lon", "mentions", "surfaces",
];

/// One gold row: a place one document mentions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldPlace {
    /// Document id (file stem).
    pub doc: String,
    /// Canonical English name.
    pub name: String,
    /// Kind, as in the gazetteer.
    pub kind: PlaceKind,
    /// WGS84 latitude.
    pub lat: f64,
    /// WGS84 longitude.
    pub lon: f64,
    /// How many times the document mentions it.
    pub mentions: u32,
    /// The forms as written.
    pub surfaces: Vec<String>,
}

/// A gold folder read and built: the corpus of its texts (any other file,
/// `gold.tsv`, notes and a `README` among them, is skipped) and its gold rows, each
/// naming a document the folder holds.
pub fn load(dir: &std::path::Path) -> Result<(Corpus, Vec<GoldPlace>), Error> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    // An entry that cannot be listed is an error, not a text left out: the
    // scores would silently be over fewer documents.
    let mut paths: Vec<std::path::PathBuf> = entries
        .map(|e| e.map(|e| e.path()).map_err(|e| Error::io(dir, e)))
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .filter(|p| {
            let readme = p
                .file_stem()
                .and_then(|s| s.to_str())
                .is_some_and(|s| s.eq_ignore_ascii_case("readme"));
            !readme
                && p.extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| ["txt", "md", "html", "htm"].contains(&x))
        })
        .collect();
    paths.sort();
    let sources = paths
        .iter()
        .map(|p| crate::source::read_seed(p))
        .collect::<Result<Vec<_>, _>>()?;
    let catalog = crate::catalog::read_catalog(dir)?;
    let corpus = crate::pipeline::build_corpus_from_sources(sources, &catalog)?;
    let file = dir.join("gold.tsv");
    let text = std::fs::read_to_string(&file).map_err(|e| Error::io(&file, e))?;
    let name = file.display().to_string();
    let gold = parse_gold(&text, &name)?;
    if let Some(row) = gold.iter().find(|r| corpus.document(&r.doc).is_none()) {
        return Err(Error::file(
            &file,
            ErrorKind::Data(format!(
                "names document {:?}, which the folder does not hold",
                row.doc
            )),
        ));
    }
    Ok((corpus, gold))
}

/// Parses a `gold.tsv`; `file` is used in error messages.
pub fn parse_gold(text: &str, file: &str) -> Result<Vec<GoldPlace>, Error> {
    let bad = |line: usize, m: String| Error::at_line(file, line, ErrorKind::Data(m));
    let mut out = Vec::new();
    for (line, cols) in crate::gazetteer::tsv_rows(text, file, &GOLD_HEADER, ErrorKind::Data)? {
        let kind = PlaceKind::from_name(cols[2].trim())
            .ok_or_else(|| bad(line, format!("unknown kind {:?}", cols[2])))?;
        let number = |s: &str, what: &str| {
            s.trim()
                .parse::<f64>()
                .map_err(|_| bad(line, format!("{what} {s:?} is not a number")))
        };
        out.push(GoldPlace {
            doc: cols[0].trim().to_string(),
            name: cols[1].trim().to_string(),
            kind,
            lat: number(cols[4], "latitude")?,
            lon: number(cols[5], "longitude")?,
            mentions: cols[6]
                .trim()
                .parse()
                .map_err(|_| bad(line, format!("mentions {:?} is not a count", cols[6])))?,
            surfaces: cols[7]
                .split(" | ")
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
        });
    }
    Ok(out)
}

/// A place the geoparser found in one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FoundPlace {
    /// Document id.
    pub doc: String,
    /// Gazetteer id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: PlaceKind,
    /// Point.
    pub lat: f64,
    /// Point.
    pub lon: f64,
    /// Mentions in the document.
    pub mentions: u32,
    /// The surfaces of those mentions.
    pub surfaces: Vec<String>,
}

/// What the evaluation found.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Report {
    /// Documents evaluated.
    pub documents: usize,
    /// Gold (document, place) pairs.
    pub gold_pairs: usize,
    /// Predicted (document, place) pairs.
    pub found_pairs: usize,
    /// Pairs in both.
    pub matched_pairs: usize,
    /// matched / found.
    pub precision: f64,
    /// matched / gold.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
    /// Gold mentions.
    pub gold_mentions: u32,
    /// Gold mentions found (per matched pair, at most the gold count).
    pub found_mentions: u32,
    /// found_mentions / gold_mentions.
    pub mention_recall: f64,
    /// Matched cities.
    pub cities: usize,
    /// Matched cities farther than [`CITY_KM`] from gold (should be none:
    /// they are not matched).
    pub cities_far: usize,
    /// Gold places not found: `doc: name (surfaces)`.
    pub missed: Vec<String>,
    /// Places found that the gold does not hold: `doc: id (surfaces)`.
    pub wrong: Vec<String>,
    /// Matched pairs with fewer mentions than gold: `doc: name found/gold`.
    pub undercounted: Vec<String>,
}

/// The geoparser's places per document, from a built corpus.
pub fn found_places(corpus: &Corpus) -> Vec<FoundPlace> {
    let index = &corpus.places;
    let mut by: BTreeMap<(u32, u16), FoundPlace> = BTreeMap::new();
    for m in &index.mentions {
        let (Some(doc), Some(p)) = (
            corpus.documents.get(m.doc as usize),
            index.places.get(m.target as usize),
        ) else {
            continue;
        };
        let entry = by.entry((m.doc, m.target)).or_insert_with(|| FoundPlace {
            doc: doc.id.clone(),
            id: p.id.clone(),
            name: p.name.clone(),
            kind: p.kind,
            lat: p.lat,
            lon: p.lon,
            mentions: 0,
            surfaces: Vec::new(),
        });
        entry.mentions += 1;
        if let Some(s) = m.surface(corpus) {
            let s = s.into_owned();
            if !entry.surfaces.contains(&s) {
                entry.surfaces.push(s);
            }
        }
    }
    by.into_values().collect()
}

/// Compares what was found with the gold, document by document.
pub fn evaluate(found: &[FoundPlace], gold: &[GoldPlace], documents: &[String]) -> Report {
    let mut r = Report {
        documents: documents.len(),
        ..Report::default()
    };
    let docs: BTreeSet<&str> = documents.iter().map(String::as_str).collect();
    for doc in &docs {
        let g: Vec<&GoldPlace> = gold.iter().filter(|x| x.doc == *doc).collect();
        let f: Vec<&FoundPlace> = found.iter().filter(|x| x.doc == *doc).collect();
        r.gold_pairs += g.len();
        r.found_pairs += f.len();
        r.gold_mentions += g.iter().map(|x| x.mentions).sum::<u32>();
        // Candidate pairs by strength, then matched greedily one to one.
        let mut pairs: Vec<(u8, usize, usize)> = Vec::new();
        for (gi, gp) in g.iter().enumerate() {
            for (fi, fp) in f.iter().enumerate() {
                if let Some(s) = same_place(gp, fp) {
                    pairs.push((s, gi, fi));
                }
            }
        }
        pairs.sort_by_key(|p| std::cmp::Reverse(p.0));
        let mut g_used = vec![false; g.len()];
        let mut f_used = vec![false; f.len()];
        for (_, gi, fi) in pairs {
            if g_used[gi] || f_used[fi] {
                continue;
            }
            g_used[gi] = true;
            f_used[fi] = true;
            let (gp, fp) = (g[gi], f[fi]);
            r.matched_pairs += 1;
            r.found_mentions += fp.mentions.min(gp.mentions);
            if fp.mentions < gp.mentions {
                r.undercounted.push(format!(
                    "{doc}: {} {}/{}",
                    gp.name, fp.mentions, gp.mentions
                ));
            }
            if gp.kind == PlaceKind::City && fp.kind == PlaceKind::City {
                r.cities += 1;
                if km(gp.lat, gp.lon, fp.lat, fp.lon) > CITY_KM {
                    r.cities_far += 1;
                }
            }
        }
        for (gi, gp) in g.iter().enumerate() {
            if !g_used[gi] {
                r.missed.push(format!(
                    "{doc}: {} [{}] ({})",
                    gp.name,
                    gp.kind.name(),
                    gp.surfaces.join(" | ")
                ));
            }
        }
        for (fi, fp) in f.iter().enumerate() {
            if !f_used[fi] {
                r.wrong.push(format!(
                    "{doc}: {} [{}] ({})",
                    fp.id,
                    fp.kind.name(),
                    fp.surfaces.join(" | ")
                ));
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    r.precision = ratio(r.matched_pairs, r.found_pairs);
    r.recall = ratio(r.matched_pairs, r.gold_pairs);
    r.f1 = if r.precision + r.recall == 0.0 {
        0.0
    } else {
        2.0 * r.precision * r.recall / (r.precision + r.recall)
    };
    r.mention_recall = if r.gold_mentions == 0 {
        1.0
    } else {
        f64::from(r.found_mentions) / f64::from(r.gold_mentions)
    };
    r
}

/// How surely `f` is the gold place `g` (higher is surer), or `None`.
fn same_place(g: &GoldPlace, f: &FoundPlace) -> Option<u8> {
    if g.kind == PlaceKind::City
        && f.kind == PlaceKind::City
        && km(g.lat, g.lon, f.lat, f.lon) > CITY_KM
    {
        return None;
    }
    let key = |s: &str| fold(s).replace(['’', '\''], "");
    // The same name: surest of the same kind, so `Sakhalin` the island
    // pairs with the island before `Sakhalin Oblast` can take it below.
    if key(&g.name) == key(&f.name) {
        return Some(if g.kind == f.kind {
            4
        } else if compatible(g.kind, f.kind) {
            3
        } else {
            1
        });
    }
    // The same name but for a type word (`Heilongjiang`, `Heilongjiang
    // Province`; `Amur River`, `Amur`).
    let loose = |s: &str| {
        key(s)
            .split([' ', '-'])
            .filter(|w| !w.is_empty() && !crate::annotate::place::forms::is_type_word(w))
            .collect::<Vec<_>>()
            .join(" ")
    };
    if compatible(g.kind, f.kind) && !loose(&g.name).is_empty() && loose(&g.name) == loose(&f.name)
    {
        return Some(3);
    }
    let gold_surfaces: BTreeSet<String> = g.surfaces.iter().map(|s| key(s)).collect();
    let shared = f.surfaces.iter().any(|s| gold_surfaces.contains(&key(s)));
    if shared && compatible(g.kind, f.kind) {
        return Some(2);
    }
    // Same kind, close together, a shared surface: a naming difference
    // (`Primorye` for `Primorsky Krai`).
    if shared && km(g.lat, g.lon, f.lat, f.lon) < 300.0 {
        return Some(1);
    }
    // A found surface inside a gold one (`Якутия` of `Республики Саха
    // (Якутия)`): the same mention, read shorter.
    let inside = f.surfaces.iter().any(|s| {
        let s = key(s);
        s.chars().count() >= 4 && gold_surfaces.iter().any(|g| g.contains(&s))
    });
    if inside && compatible(g.kind, f.kind) {
        return Some(1);
    }
    None
}

/// Kinds a reader would accept for one another (a port town and its port,
/// a region and the macro-region spelled the same, an island and its
/// island region).
fn compatible(a: PlaceKind, b: PlaceKind) -> bool {
    use PlaceKind::*;
    a == b
        || matches!(
            (a, b),
            (City, Port)
                | (Port, City)
                | (Region, MacroRegion)
                | (MacroRegion, Region)
                | (Island, Region)
                | (Region, Island)
                | (Peninsula, Region)
                | (Region, Peninsula)
        )
}

impl Report {
    /// The figures as a few lines of text, then the confusion list.
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "{} documents, {} gold places, {} found, {} matched\n\
             (document, place) P {:.3}  R {:.3}  F1 {:.3}\n\
             mention recall {:.3} ({}/{})\n\
             matched cities {} (farther than {CITY_KM} km: {})\n",
            self.documents,
            self.gold_pairs,
            self.found_pairs,
            self.matched_pairs,
            self.precision,
            self.recall,
            self.f1,
            self.mention_recall,
            self.found_mentions,
            self.gold_mentions,
            self.cities,
            self.cities_far,
        );
        for (title, list) in [
            ("missed", &self.missed),
            ("wrong", &self.wrong),
            ("undercounted", &self.undercounted),
        ] {
            out.push_str(&format!("\n{title} ({}):\n", list.len()));
            for line in list {
                out.push_str(&format!("  {line}\n"));
            }
        }
        out.trim_end().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(
        name: &str,
        kind: PlaceKind,
        lat: f64,
        lon: f64,
        n: u32,
        surfaces: &[&str],
    ) -> GoldPlace {
        GoldPlace {
            doc: "d".into(),
            name: name.into(),
            kind,
            lat,
            lon,
            mentions: n,
            surfaces: surfaces.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn found(
        id: &str,
        name: &str,
        kind: PlaceKind,
        lat: f64,
        lon: f64,
        n: u32,
        surfaces: &[&str],
    ) -> FoundPlace {
        FoundPlace {
            doc: "d".into(),
            id: id.into(),
            name: name.into(),
            kind,
            lat,
            lon,
            mentions: n,
            surfaces: surfaces.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn pairs_match_by_name_or_surface_and_cities_by_distance() {
        let g = [
            gold(
                "Primorsky Krai",
                PlaceKind::Region,
                44.8,
                134.6,
                3,
                &["Primorye", "Приморского края"],
            ),
            gold(
                "Zarubino",
                PlaceKind::City,
                42.6452,
                131.0667,
                2,
                &["Zarubino"],
            ),
            gold("Amur River", PlaceKind::River, 50.0, 130.0, 1, &["Amur"]),
        ];
        let f = [
            found(
                "primorsky-krai",
                "Primorsky Krai",
                PlaceKind::Region,
                43.1,
                131.9,
                2,
                &["Primorye"],
            ),
            // A namesake 1,300 km away is another town.
            found(
                "zarubino-ru",
                "Zarubino",
                PlaceKind::City,
                58.73,
                33.48,
                2,
                &["Zarubino"],
            ),
            found(
                "amur-oblast",
                "Amur Oblast",
                PlaceKind::Region,
                52.9,
                128.3,
                1,
                &["Amur"],
            ),
        ];
        let r = evaluate(&f, &g, &["d".to_string()]);
        // The river is not the oblast named after it.
        assert_eq!((r.matched_pairs, r.gold_pairs, r.found_pairs), (1, 3, 3));
        assert_eq!((r.found_mentions, r.gold_mentions), (2, 6));
        assert_eq!(r.missed.len(), 2);
        assert!(r.missed[0].contains("Zarubino") && r.missed[1].contains("Amur River"));
        assert!((r.precision - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn a_place_of_the_same_name_and_kind_pairs_first() {
        let g = [
            gold("Sakhalin", PlaceKind::Island, 50.5, 142.8, 3, &["Sakhalin"]),
            gold(
                "Sakhalin Oblast",
                PlaceKind::Region,
                50.0,
                143.0,
                1,
                &["Sakhalin Oblast"],
            ),
        ];
        // The oblast listed first: it must not take the island's gold row.
        let f = [
            found(
                "sakhalin-oblast",
                "Sakhalin Oblast",
                PlaceKind::Region,
                47.0,
                142.7,
                1,
                &["Sakhalin Oblast"],
            ),
            found(
                "sakhalin",
                "Sakhalin",
                PlaceKind::Island,
                50.5,
                142.8,
                3,
                &["Sakhalin"],
            ),
        ];
        let r = evaluate(&f, &g, &["d".to_string()]);
        assert_eq!(r.matched_pairs, 2);
        assert_eq!((r.found_mentions, r.gold_mentions), (4, 4));
        assert!(r.undercounted.is_empty(), "{:?}", r.undercounted);
    }

    #[test]
    fn gold_files_are_checked() {
        let text =
            "doc\tname\tkind\tcountry\tlat\tlon\tmentions\tsurfaces\nd\tX\ttown\tRU\t1\t2\t1\tX\n";
        let err = parse_gold(text, "gold.tsv").unwrap_err().to_string();
        assert!(err.starts_with("gold.tsv:2: unknown kind"), "{err}");
    }
}
