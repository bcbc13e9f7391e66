//! The generated base layer, `data/gazetteer-geonames.tsv`: every country,
//! the first-level divisions of the region's states, its populated places
//! and its physical features, as `tools/gazetteer/build.py` writes them from
//! GeoNames and Natural Earth (the file header names the scope and sources).
//!
//! Unlike the curated file, names here may repeat across rows: GeoNames
//! holds many places called `Vostochny` or `Komsomolsky`, and a river shares
//! its name with the region named after it. Choosing between them is the
//! geoparser's job ([`crate::annotate::place::resolve`]), not the file's.
//! The file is generated, so a malformed row is a bug in the generator, but
//! it is still reported as `file:line: reason` like any data file.

use super::{coordinate, tsv_rows, Layer, Place};
use crate::error::{Error, ErrorKind};
use crate::model::PlaceKind;
use std::collections::BTreeMap;

/// Where the bundled base layer lives, as reported in errors.
pub const BASE_FILE: &str = crate::bundled::GAZETTEER_GEONAMES.path;

const BASE_HEADER: [&str; 11] = [
    "id",
    "name",
    "kind",
    "country",
    "lat",
    "lon",
    "source",
    "geonames",
    "population",
    "admin1",
    "names",
];

/// Parses the base layer; `file` is only used in error messages.
pub fn parse_base(text: &str, file: &str) -> Result<Vec<Place>, Error> {
    let bad = |line: usize, m: String| Error::at_line(file, line, ErrorKind::Gazetteer(m));
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    let mut places = Vec::new();
    for (line, cols) in tsv_rows(text, file, &BASE_HEADER, ErrorKind::Gazetteer)? {
        let place = parse_row(&cols, line).map_err(|m| bad(line, m))?;
        if let Some(first) = ids.insert(cols[0], line) {
            return Err(bad(
                line,
                format!("duplicate id {:?} (first on line {first})", cols[0]),
            ));
        }
        places.push(place);
    }
    Ok(places)
}

fn parse_row(cols: &[&str], line: usize) -> Result<Place, String> {
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
    let kind = PlaceKind::from_name(cols[2].trim())
        .ok_or_else(|| format!("unknown kind {:?}", cols[2]))?;
    let country = match cols[3].trim() {
        "-" => None,
        c if c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()) => Some(c.to_string()),
        c => return Err(format!("country {c:?} is not an ISO alpha-2 code or -")),
    };
    let lat = coordinate(cols[4], "latitude", 90.0)?;
    let lon = coordinate(cols[5], "longitude", 180.0)?;
    let source = cols[6].trim();
    if !(source.starts_with("geonames:") || source.starts_with("naturalearth:")) {
        return Err(format!(
            "source {source:?} is neither geonames:<id> nor naturalearth:<layer>"
        ));
    }
    let geonames = match cols[7].trim() {
        "-" => None,
        n => Some(
            n.parse::<u64>()
                .map_err(|_| format!("geonames id {n:?} is not a number"))?,
        ),
    };
    let population = cols[8]
        .trim()
        .parse::<u32>()
        .map_err(|_| format!("population {:?} is not a whole number", cols[8]))?;
    let admin1 = match cols[9].trim() {
        "-" | "" => None,
        a => Some(a.to_string()),
    };
    let mut aliases: Vec<String> = Vec::new();
    let mut common = Vec::new();
    for raw in cols[10].split(" | ") {
        let (is_common, alias) = match raw.trim().strip_prefix('~') {
            Some(rest) => (true, rest.trim()),
            None => (false, raw.trim()),
        };
        if alias.is_empty() {
            return Err("empty name in names (check the \" | \" separators)".to_string());
        }
        if aliases.iter().any(|a| a == alias) {
            continue;
        }
        if is_common {
            common.push(alias.to_string());
        }
        aliases.push(alias.to_string());
    }
    if aliases.first().map(String::as_str) != Some(name) {
        return Err(format!("names must start with the name {name:?}"));
    }
    Ok(Place {
        id: id.to_string(),
        name: name.to_string(),
        kind,
        country,
        lat,
        lon,
        source: source.to_string(),
        aliases,
        waypoints: Vec::new(),
        line,
        common,
        population,
        admin1,
        geonames,
        layer: Layer::Generated,
        own_aliases: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str =
        "# generated\nid\tname\tkind\tcountry\tlat\tlon\tsource\tgeonames\tpopulation\tadmin1\tnames\n";

    #[test]
    fn rows_parse_with_common_word_marks() {
        let text = format!(
            "{HEAD}vostochnyy-ru\tVostochnyy\tcity\tRU\t42.9\t133.0\tgeonames:1\t1\t900\tRU.59\tVostochnyy | ~Восточный | Vostochny\n"
        );
        let places = parse_base(&text, "b.tsv").unwrap();
        let p = &places[0];
        assert_eq!(p.aliases, ["Vostochnyy", "Восточный", "Vostochny"]);
        assert_eq!(p.common, ["Восточный"]);
        assert_eq!((p.population, p.admin1.as_deref()), (900, Some("RU.59")));
        assert_eq!((p.geonames_id(), p.layer), (Some(1), Layer::Generated));
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let cases = [
            (
                "x\tX\tcity\tRU\t1\t2\twiki:1\t1\t0\t-\tX",
                "b.tsv:3: source",
            ),
            (
                "x\tX\tcity\tRU\t1\t2\tgeonames:1\tone\t0\t-\tX",
                "geonames id \"one\"",
            ),
            (
                "x\tX\tcity\tRU\t1\t2\tgeonames:1\t1\t-5\t-\tX",
                "population \"-5\"",
            ),
            (
                "x\tX\tcity\tRU\t1\t2\tgeonames:1\t1\t5\t-\tY | X",
                "names must start",
            ),
            (
                "x\tX\tcity\tRU\t91\t2\tgeonames:1\t1\t5\t-\tX",
                "latitude 91 out of range",
            ),
        ];
        for (row, expected) in cases {
            let err = parse_base(&format!("{HEAD}{row}\n"), "b.tsv")
                .unwrap_err()
                .to_string();
            assert!(err.contains(expected), "{row}: {err}");
        }
    }
}
