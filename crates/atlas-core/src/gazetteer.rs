//! The curated gazetteer (`data/gazetteer.tsv`) and its ignore list
//! (`data/gazetteer-ignore.tsv`) as typed rows.
//!
//! Both files are hand-edited, so every check a maintainer could get wrong
//! is made here and reported as `file:line: reason`: column count, id slug,
//! kind, country code, coordinate range and precision, source form, empty or
//! duplicated aliases, waypoints on a non-route, an alias claimed by two
//! places, an ignore span equal to an alias (it would silently hide the
//! place). The file headers (`#` lines) are the specification; read them
//! before changing a rule here.
//!
//! [`Gazetteer::bundled`] parses the committed files embedded by
//! [`crate::bundled`], so `build.rs`, the CLI and tests all see the same
//! data without paths.

pub mod base;
mod merge;

pub use merge::km;

use crate::bundled;
use crate::error::{Error, ErrorKind};
use crate::model::PlaceKind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where the bundled gazetteer lives, as reported in errors.
pub const GAZETTEER_FILE: &str = bundled::GAZETTEER.path;
/// Where the bundled ignore list lives, as reported in errors.
pub const IGNORE_FILE: &str = bundled::GAZETTEER_IGNORE.path;
/// Where the bundled regional features live, as reported in errors.
pub const FEATURES_FILE: &str = bundled::GAZETTEER_FEATURES.path;
/// Where the bundled extra names live, as reported in errors.
pub const NAMES_FILE: &str = bundled::GAZETTEER_NAMES.path;

const GAZETTEER_HEADER: [&str; 9] = [
    "id",
    "name",
    "kind",
    "country",
    "lat",
    "lon",
    "source",
    "aliases",
    "waypoints",
];
const IGNORE_HEADER: [&str; 2] = ["surface", "reason"];

/// Which file a place comes from: the generated base layer or the
/// curated layer over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Layer {
    /// `data/gazetteer.tsv`, reviewed by hand.
    #[default]
    Curated,
    /// `data/gazetteer-geonames.tsv`, generated from GeoNames and Natural Earth.
    Generated,
}

impl Layer {
    /// The name used in JSON (`curated`, `generated`).
    pub fn name(self) -> &'static str {
        match self {
            Layer::Curated => "curated",
            Layer::Generated => "generated",
        }
    }
}

/// One gazetteer row.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Unique lowercase ascii slug (`primorsky-krai`).
    pub id: String,
    /// Canonical English name.
    pub name: String,
    /// What kind of place.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code; `None` for `-` (several countries, disputed, historical).
    pub country: Option<String>,
    /// WGS84 latitude, decimal degrees.
    pub lat: f64,
    /// WGS84 longitude, decimal degrees.
    pub lon: f64,
    /// Where the coordinates come from (`geonames:2013348`, `representative:…`).
    pub source: String,
    /// Surface forms matched in the text (case-sensitive), canonical name included.
    pub aliases: Vec<String>,
    /// Routes only: `(lat, lon)` points in travel order, for drawing.
    pub waypoints: Vec<(f64, f64)>,
    /// 1-based line of the row in its file.
    pub line: usize,
    /// The aliases that are also common lower-case words (`Mir`, `Восточный`):
    /// the geoparser wants more evidence before it takes them for this place.
    pub common: Vec<String>,
    /// GeoNames population (0 when unknown or not a populated place).
    pub population: u32,
    /// GeoNames admin-1 key (`RU.59`) of a city, or a region's own key.
    pub admin1: Option<String>,
    /// GeoNames id, when the place has one.
    pub geonames: Option<u64>,
    /// Which file the row comes from.
    pub layer: Layer,
    /// How many of `aliases`, from the first, the curated file itself
    /// lists (the rest were added from the generated twin): only those
    /// decide what a bare name means.
    pub own_aliases: usize,
}

impl Place {
    /// The GeoNames id of the place (its own column, or a `geonames:<id>` source).
    pub fn geonames_id(&self) -> Option<u64> {
        self.geonames
            .or_else(|| self.source.strip_prefix("geonames:")?.parse().ok())
    }
}

/// One ignore-list row: a span that is never a mention (of a place, in
/// `gazetteer-ignore.tsv`; of a person or organisation, in
/// `entities-ignore.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnoreEntry {
    /// Exact, case-sensitive text.
    pub surface: String,
    /// Why it is not a mention (organisation, person, demonym, unit, …).
    pub reason: String,
    /// 1-based line of the row in its file.
    pub line: usize,
}

/// The places and the spans that hide them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Gazetteer {
    /// Rows in file order.
    pub places: Vec<Place>,
    /// Ignore-list rows in file order (empty until [`Gazetteer::with_ignore`]).
    pub ignore: Vec<IgnoreEntry>,
    /// Generated ids that now name another row: the curated twin that
    /// absorbed the generated row, or the generated row's new id.
    pub renamed: BTreeMap<String, String>,
}

impl Gazetteer {
    /// The committed layers: `data/gazetteer.tsv` (curated) with its
    /// ignore list `data/gazetteer-ignore.tsv`, over the generated
    /// `data/gazetteer-geonames.tsv` (see [`Gazetteer::over`]).
    pub fn bundled() -> Result<Gazetteer, Error> {
        Gazetteer::curated()?
            .over(base::parse_base(
                bundled::GAZETTEER_GEONAMES.text,
                base::BASE_FILE,
            )?)
            .with_names(bundled::GAZETTEER_NAMES.text, NAMES_FILE)
    }

    /// Adds the names of a names file (`id<TAB>names<TAB>note`: reviewed
    /// names the sources lack, such as the Russian names of seas and
    /// rivers, which Natural Earth's physical layers do not carry) to the
    /// places they name, generated or curated.
    pub fn with_names(mut self, text: &str, file: &str) -> Result<Gazetteer, Error> {
        for (line, cols) in tsv_rows(text, file, &["id", "names", "note"], ErrorKind::Gazetteer)? {
            let id = cols[0].trim();
            // The id as written, or what a generated id became in the merge.
            let id = if self.places.iter().any(|p| p.id == id) {
                id.to_string()
            } else {
                self.renamed.get(id).map_or(id, String::as_str).to_string()
            };
            let Some(place) = self.places.iter_mut().find(|p| p.id == id) else {
                return Err(bad(file, line, format!("no place has the id {id:?}")));
            };
            for name in cols[1].split(" | ") {
                let name = name.trim();
                if name.is_empty() {
                    return Err(bad(
                        file,
                        line,
                        "empty name (check the \" | \" separators)".to_string(),
                    ));
                }
                // Reviewed names: they count as the row's own (curated) names.
                if let Some(at) = place.aliases.iter().position(|a| a == name) {
                    if at >= place.own_aliases {
                        let a = place.aliases.remove(at);
                        place.aliases.insert(place.own_aliases, a);
                        place.own_aliases += 1;
                    }
                } else {
                    place.aliases.insert(place.own_aliases, name.to_string());
                    place.own_aliases += 1;
                }
            }
        }
        Ok(self)
    }

    /// The curated layer alone, with its ignore list: `data/gazetteer.tsv`
    /// and the regional features of `data/gazetteer-features.tsv` (bays,
    /// capes, volcanoes, reserves, deposits, zones: small named features
    /// neither GeoNames' cities nor Natural Earth's layers carry).
    pub fn curated() -> Result<Gazetteer, Error> {
        Gazetteer::parse(bundled::GAZETTEER.text, GAZETTEER_FILE)?
            .with_rows(
                Gazetteer::parse(bundled::GAZETTEER_FEATURES.text, FEATURES_FILE)?,
                FEATURES_FILE,
            )?
            .with_ignore(
                parse_ignore(bundled::GAZETTEER_IGNORE.text, IGNORE_FILE)?,
                IGNORE_FILE,
            )
    }

    /// Appends the rows of another curated file, refusing an id or an
    /// alias the first already has (`file` names the second in errors):
    /// the two files are one layer, so each alias still names one place.
    pub fn with_rows(mut self, more: Gazetteer, file: &str) -> Result<Gazetteer, Error> {
        let mut owner: BTreeMap<&str, &str> = BTreeMap::new();
        for p in &self.places {
            for a in &p.aliases {
                owner.insert(a, &p.id);
            }
        }
        for p in &more.places {
            if self.places.iter().any(|q| q.id == p.id) {
                let m = format!("id {:?} is already used in the other curated file", p.id);
                return Err(bad(file, p.line, m));
            }
            if let Some((a, other)) = p
                .aliases
                .iter()
                .find_map(|a| Some((a, owner.get(a.as_str())?)))
            {
                let m = format!("alias {a:?} also belongs to {other:?}; an alias names one place");
                return Err(bad(file, p.line, m));
            }
        }
        if self.places.len() + more.places.len() > usize::from(u16::MAX) {
            let m = format!("more than {} curated places", u16::MAX);
            return Err(bad(file, 0, m));
        }
        self.places.extend(more.places);
        Ok(self)
    }

    /// Parses a gazetteer file; `file` is only used in error messages.
    pub fn parse(text: &str, file: &str) -> Result<Gazetteer, Error> {
        let mut places = Vec::new();
        let mut ids: BTreeMap<String, usize> = BTreeMap::new();
        let mut alias_owner: BTreeMap<String, (String, usize)> = BTreeMap::new();
        for (line, cols) in data_rows(text, file, &GAZETTEER_HEADER)? {
            let place = parse_place(&cols, line).map_err(|m| bad(file, line, m))?;
            if let Some(first) = ids.insert(place.id.clone(), line) {
                let m = format!("duplicate id {:?} (first on line {first})", place.id);
                return Err(bad(file, line, m));
            }
            for alias in &place.aliases {
                if let Some((other, at)) = alias_owner.get(alias) {
                    // An alias naming two places could only be resolved by
                    // context, which the geoparser does not read: the file
                    // must pick one (the header lists the ambiguous ones).
                    let m = format!(
                        "alias {alias:?} also belongs to {other:?} (line {at}); an alias names one place"
                    );
                    return Err(bad(file, line, m));
                }
                alias_owner.insert(alias.clone(), (place.id.clone(), line));
            }
            if places.len() == usize::from(u16::MAX) {
                // Mentions store a place as a u16 (compact in the embedded bytes).
                let m = format!("more than {} places", u16::MAX);
                return Err(bad(file, line, m));
            }
            places.push(place);
        }
        Ok(Gazetteer {
            places,
            ignore: Vec::new(),
            renamed: BTreeMap::new(),
        })
    }

    /// Adds an ignore list, refusing a surface that equals an alias: the
    /// ignore span would always win and the alias could never match.
    pub fn with_ignore(mut self, ignore: Vec<IgnoreEntry>, file: &str) -> Result<Gazetteer, Error> {
        for entry in &ignore {
            if let Some(p) = self
                .places
                .iter()
                .find(|p| p.aliases.contains(&entry.surface))
            {
                let m = format!(
                    "{:?} is an alias of {:?} (line {}); ignoring it would hide that place",
                    entry.surface, p.id, p.line
                );
                return Err(bad(file, entry.line, m));
            }
        }
        self.ignore = ignore;
        Ok(self)
    }

    /// The place with this id.
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }
}

/// Parses an ignore-list file; `file` is only used in error messages.
pub fn parse_ignore(text: &str, file: &str) -> Result<Vec<IgnoreEntry>, Error> {
    parse_ignore_list(text, file, ErrorKind::Gazetteer)
}

/// Any `surface<TAB>reason` ignore list under `data/` (places' and
/// entities'): both columns required, a surface listed once, errors of the
/// given kind at `file:line`.
pub(crate) fn parse_ignore_list(
    text: &str,
    file: &str,
    kind: fn(String) -> ErrorKind,
) -> Result<Vec<IgnoreEntry>, Error> {
    let bad = |line: usize, m: String| Error::at_line(file, line, kind(m));
    let mut out = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (line, cols) in tsv_rows(text, file, &IGNORE_HEADER, kind)? {
        let surface = cols[0].trim();
        let reason = cols[1].trim();
        if surface.is_empty() || reason.is_empty() {
            return Err(bad(line, "empty surface or reason".to_string()));
        }
        if let Some(first) = seen.insert(surface.to_string(), line) {
            return Err(bad(
                line,
                format!("duplicate surface {surface:?} (first on line {first})"),
            ));
        }
        out.push(IgnoreEntry {
            surface: surface.to_string(),
            reason: reason.to_string(),
            line,
        });
    }
    Ok(out)
}

fn bad(file: &str, line: usize, message: String) -> Error {
    Error::at_line(file, line, ErrorKind::Gazetteer(message))
}

/// The non-comment rows after the column header, as `(line, columns)`;
/// checks the header and every row's column count.
fn data_rows<'t>(
    text: &'t str,
    file: &str,
    header: &[&str],
) -> Result<Vec<(usize, Vec<&'t str>)>, Error> {
    tsv_rows(text, file, header, ErrorKind::Gazetteer)
}

/// The non-comment rows after the column header of any curated TSV file
/// under `data/`, as `(line, columns)`; checks the header and every row's
/// column count, reporting `file:line` errors of the given kind.
pub(crate) fn tsv_rows<'t>(
    text: &'t str,
    file: &str,
    header: &[&str],
    kind: fn(String) -> ErrorKind,
) -> Result<Vec<(usize, Vec<&'t str>)>, Error> {
    let bad = |file: &str, line: usize, m: String| Error::at_line(file, line, kind(m));
    let mut rows = Vec::new();
    let mut header_seen = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let row = raw.strip_suffix('\r').unwrap_or(raw);
        if row.starts_with('#') || row.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = row.split('\t').collect();
        if !header_seen {
            if cols != header {
                let m = format!("expected the column header {:?}", header.join("\t"));
                return Err(bad(file, line, m));
            }
            header_seen = true;
            continue;
        }
        if cols.len() != header.len() {
            let m = format!(
                "{} tab-separated columns, expected {} ({})",
                cols.len(),
                header.len(),
                header.join(", ")
            );
            return Err(bad(file, line, m));
        }
        rows.push((line, cols));
    }
    if !header_seen {
        return Err(Error::file(file, kind("no column header line".to_string())));
    }
    Ok(rows)
}

fn parse_place(cols: &[&str], line: usize) -> Result<Place, String> {
    let id = cols[0].trim();
    if id.is_empty()
        || !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(format!("id {id:?} is not a lowercase ascii slug"));
    }
    let name = cols[1].trim();
    if name.is_empty() {
        return Err("empty name".to_string());
    }
    let kind = PlaceKind::from_name(cols[2].trim()).ok_or_else(|| {
        let kinds: Vec<&str> = PlaceKind::ALL.iter().map(|k| k.name()).collect();
        format!("unknown kind {:?} (one of {})", cols[2], kinds.join(", "))
    })?;
    let country = match cols[3].trim() {
        "-" => None,
        c if c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()) => Some(c.to_string()),
        c => return Err(format!("country {c:?} is not an ISO alpha-2 code or -")),
    };
    let lat = coordinate(cols[4], "latitude", 90.0)?;
    let lon = coordinate(cols[5], "longitude", 180.0)?;
    let source = cols[6].trim();
    let source_ok = match source.split_once(':') {
        Some(("geonames", n)) => !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()),
        Some(("representative", why)) => !why.trim().is_empty(),
        _ => false,
    };
    if !source_ok {
        return Err(format!(
            "source {source:?} is neither geonames:<id> nor representative:<reason>"
        ));
    }
    let mut aliases: Vec<String> = Vec::new();
    for alias in cols[7].split(" | ") {
        let alias = alias.trim();
        if alias.is_empty() {
            return Err("empty alias (check the \" | \" separators)".to_string());
        }
        if aliases.iter().any(|a| a == alias) {
            return Err(format!("alias {alias:?} listed twice"));
        }
        aliases.push(alias.to_string());
    }
    if !aliases.iter().any(|a| a == name) {
        return Err(format!("the aliases must include the name {name:?}"));
    }
    let waypoints = parse_waypoints(cols[8].trim())?;
    if !waypoints.is_empty() && kind != PlaceKind::Route {
        return Err(format!(
            "waypoints on a {}; only routes have them",
            kind.name()
        ));
    }
    let own = aliases.len();
    Ok(Place {
        own_aliases: own,
        id: id.to_string(),
        name: name.to_string(),
        kind,
        country,
        lat,
        lon,
        source: source.to_string(),
        aliases,
        waypoints,
        line,
        common: Vec::new(),
        population: 0,
        admin1: None,
        geonames: None,
        layer: Layer::Curated,
    })
}

pub(crate) fn coordinate(text: &str, what: &str, limit: f64) -> Result<f64, String> {
    let text = text.trim();
    let value: f64 = text
        .parse()
        .map_err(|_| format!("{what} {text:?} is not a decimal number"))?;
    if !value.is_finite() || value.abs() > limit {
        return Err(format!("{what} {text} out of range (±{limit})"));
    }
    let decimals = text.split_once('.').map_or(0, |(_, d)| d.len());
    if decimals > 4 {
        return Err(format!("{what} {text} has more than 4 decimals"));
    }
    Ok(value)
}

fn parse_waypoints(text: &str) -> Result<Vec<(f64, f64)>, String> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    text.split(';')
        .map(|pair| {
            let (lat, lon) = pair
                .split_once(',')
                .ok_or_else(|| format!("waypoint {pair:?} is not lat,lon"))?;
            Ok((
                coordinate(lat, "waypoint latitude", 90.0)?,
                coordinate(lon, "waypoint longitude", 180.0)?,
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str =
        "# a comment\nid\tname\tkind\tcountry\tlat\tlon\tsource\taliases\twaypoints\n";

    fn parse_row(row: &str) -> Result<Gazetteer, Error> {
        Gazetteer::parse(&format!("{HEAD}{row}\n"), "fixture.tsv")
    }

    #[test]
    fn the_bundled_files_parse() {
        let g = Gazetteer::bundled().unwrap();
        assert!(g.places.len() > 100);
        assert!(g.ignore.len() > 500);
        let v = g.place("vladivostok").unwrap();
        assert_eq!((v.kind, v.geonames_id()), (PlaceKind::City, Some(2013348)));
        assert!(g.place("trans-siberian-railway").unwrap().waypoints.len() > 3);
    }

    #[test]
    fn a_good_row_parses() {
        let g = parse_row(
            "amur-highway\tAmur highway\troute\tRU\t51.3753\t128.141\trepresentative:midpoint\tAmur highway | R297\t52,113.5;48.48,135.08",
        )
        .unwrap();
        let p = &g.places[0];
        assert_eq!(p.line, 3);
        assert_eq!(p.aliases, vec!["Amur highway", "R297"]);
        assert_eq!(p.waypoints, vec![(52.0, 113.5), (48.48, 135.08)]);
    }

    fn error_of(row: &str) -> String {
        parse_row(row).unwrap_err().to_string()
    }

    #[test]
    fn bad_rows_are_reported_with_file_and_line() {
        let cases = [
            ("x\tX\tcity\tRU\t1\t2\tgeonames:1\tX", "fixture.tsv:3: 8 tab-separated columns"),
            ("x\tX\ttown\tRU\t1\t2\tgeonames:1\tX\t", "fixture.tsv:3: unknown kind \"town\""),
            ("x\tX\tcity\tRU\t95\t2\tgeonames:1\tX\t", "fixture.tsv:3: latitude 95 out of range"),
            ("x\tX\tcity\tRU\t5\t-181\tgeonames:1\tX\t", "fixture.tsv:3: longitude -181 out of range"),
            ("x\tX\tcity\tRU\t5\t1.23456\tgeonames:1\tX\t", "more than 4 decimals"),
            ("x\tX\tcity\tRU\tnorth\t1\tgeonames:1\tX\t", "latitude \"north\" is not a decimal"),
            ("x\tX\tcity\tRUS\t5\t1\tgeonames:1\tX\t", "country \"RUS\""),
            ("X\tX\tcity\tRU\t5\t1\tgeonames:1\tX\t", "not a lowercase ascii slug"),
            ("x\tX\tcity\tRU\t5\t1\twikipedia\tX\t", "source \"wikipedia\""),
            ("x\tX\tcity\tRU\t5\t1\tgeonames:1\tX |  | Y\t", "fixture.tsv:3: empty alias"),
            ("x\tX\tcity\tRU\t5\t1\tgeonames:1\t\t", "empty alias"),
            ("x\tX\tcity\tRU\t5\t1\tgeonames:1\tY\t", "must include the name \"X\""),
            ("x\tX\tcity\tRU\t5\t1\tgeonames:1\tX | X\t", "listed twice"),
            ("x\tX\tcity\tRU\t5\t1\tgeonames:1\tX\t1,2", "waypoints on a city"),
            ("x\tX\troute\tRU\t5\t1\tgeonames:1\tX\t1;2", "waypoint \"1\" is not lat,lon"),
            (
                "x\tX\tcity\tRU\t5\t1\tgeonames:1\tX\t\nx\tY\tcity\tRU\t5\t1\tgeonames:1\tY\t",
                "fixture.tsv:4: duplicate id \"x\" (first on line 3)",
            ),
            (
                "x\tX\tcity\tRU\t5\t1\tgeonames:1\tX | Z\t\ny\tY\tcity\tRU\t5\t1\tgeonames:1\tY | Z\t",
                "fixture.tsv:4: alias \"Z\" also belongs to \"x\" (line 3)",
            ),
        ];
        for (row, expected) in cases {
            let got = error_of(row);
            assert!(
                got.contains(expected),
                "{row:?}: got {got:?}, expected {expected:?}"
            );
        }
    }

    #[test]
    fn a_second_curated_file_joins_the_layer_without_sharing_ids_or_aliases() {
        let first = parse_row("x\tX\tcity\tRU\t5\t1\tgeonames:1\tX | Z\t").unwrap();
        let g = |row: &str| Gazetteer::parse(&format!("{HEAD}{row}\n"), "more.tsv").unwrap();
        let joined = first
            .clone()
            .with_rows(
                g("y\tY\tsea\tRU\t5\t1\trepresentative:bay\tY Bay | Y\t"),
                "more.tsv",
            )
            .unwrap();
        assert_eq!(joined.places.len(), 2);
        assert!(joined.place("y").is_some());
        let err = first
            .clone()
            .with_rows(
                g("x\tW\tsea\tRU\t5\t1\trepresentative:bay\tW\t"),
                "more.tsv",
            )
            .unwrap_err();
        assert!(err.to_string().starts_with("more.tsv:3: id \"x\""), "{err}");
        let err = first
            .with_rows(
                g("y\tY\tsea\tRU\t5\t1\trepresentative:bay\tY | Z\t"),
                "more.tsv",
            )
            .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("more.tsv:3: alias \"Z\" also belongs to \"x\""),
            "{err}"
        );
    }

    #[test]
    fn a_missing_or_wrong_header_is_an_error() {
        let err = Gazetteer::parse("# only comments\n", "g.tsv").unwrap_err();
        assert_eq!(err.to_string(), "g.tsv: no column header line");
        let err = Gazetteer::parse("id\tname\n", "g.tsv").unwrap_err();
        assert!(err
            .to_string()
            .starts_with("g.tsv:1: expected the column header"));
    }

    #[test]
    fn ignore_rows_are_checked() {
        let err = parse_ignore("surface\treason\nA\tperson\nA\tperson\n", "i.tsv").unwrap_err();
        assert_eq!(
            err.to_string(),
            "i.tsv:3: duplicate surface \"A\" (first on line 2)"
        );
        let err = parse_ignore("surface\treason\nA\t\n", "i.tsv").unwrap_err();
        assert_eq!(err.to_string(), "i.tsv:2: empty surface or reason");
        let err = parse_ignore("surface\treason\nA\n", "i.tsv").unwrap_err();
        assert!(err
            .to_string()
            .starts_with("i.tsv:2: 1 tab-separated columns"));
    }

    #[test]
    fn an_ignore_span_equal_to_an_alias_is_refused() {
        let g = parse_row("x\tX\tcity\tRU\t5\t1\tgeonames:1\tX | Xville\t").unwrap();
        let ignore = parse_ignore("surface\treason\nXville\tperson\n", "i.tsv").unwrap();
        let err = g.with_ignore(ignore, "i.tsv").unwrap_err();
        assert!(err
            .to_string()
            .starts_with("i.tsv:2: \"Xville\" is an alias of \"x\" (line 3)"));
    }
}
