//! The curated entity lists (`data/people.tsv`, `data/organisations.tsv`)
//! and their ignore list (`data/entities-ignore.tsv`) as typed rows.
//!
//! The files are hand-edited, so every mistake a maintainer can make is
//! reported as `file:line: reason`: column count, id slug, empty name or
//! role, an id used twice (across both files: mentions name an entity by
//! one id space), an id starting with `auto-` (the automatic entities'
//! prefix, so the two never collide), an alias claimed by two entities (the matcher reads no
//! context, so the file must choose; see the `Medvedev` note in
//! `people.tsv`), and an ignore span equal to an alias (it would hide the
//! entity for ever).

use crate::bundled;
use crate::error::{Error, ErrorKind};
use crate::gazetteer::tsv_rows;
use crate::model::EntityKind;
use std::collections::BTreeMap;

/// Where the bundled people list lives, as reported in errors.
pub const PEOPLE_FILE: &str = bundled::PEOPLE.path;
/// Where the bundled organisation list lives, as reported in errors.
pub const ORGANISATIONS_FILE: &str = bundled::ORGANISATIONS.path;
/// Where the bundled ignore list lives, as reported in errors.
pub const IGNORE_FILE: &str = bundled::ENTITIES_IGNORE.path;

const PEOPLE_HEADER: [&str; 5] = ["id", "name", "role", "aliases", "note"];
const ORGANISATIONS_HEADER: [&str; 5] = ["id", "name", "kind", "aliases", "note"];

/// One curated person or organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRow {
    /// Unique lowercase ascii slug (`putin`, `sco`).
    pub id: String,
    /// Canonical name (`Vladimir Putin`, `Shanghai Cooperation Organisation`).
    pub name: String,
    /// Person or organisation.
    pub kind: EntityKind,
    /// A person's role (`head of state`) or an organisation's kind (`think tank`).
    pub role: String,
    /// Surface forms matched in the text (case-sensitive); the canonical
    /// name only where the seeds write it so.
    pub aliases: Vec<String>,
    /// The curator's note (why an alias is here, ambiguities); may be empty.
    pub note: String,
    /// The file the row is in.
    pub file: &'static str,
    /// 1-based line of the row in its file.
    pub line: usize,
}

/// One ignore-list row: a span that is never an entity mention (the same
/// row shape as the gazetteer's ignore list, parsed by the same code).
pub type EntityIgnore = crate::gazetteer::IgnoreEntry;

/// People, organisations and the spans that are neither.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EntityData {
    /// People rows, then organisation rows, each in file order.
    pub entities: Vec<EntityRow>,
    /// Ignore-list rows in file order.
    pub ignore: Vec<EntityIgnore>,
}

impl EntityData {
    /// The committed `data/people.tsv`, `data/organisations.tsv` and
    /// `data/entities-ignore.tsv`.
    pub fn bundled() -> Result<EntityData, Error> {
        EntityData::parse(
            (bundled::PEOPLE.text, PEOPLE_FILE),
            (bundled::ORGANISATIONS.text, ORGANISATIONS_FILE),
            (bundled::ENTITIES_IGNORE.text, IGNORE_FILE),
        )
    }

    /// Parses the three files, each given as `(text, file name for errors)`.
    pub fn parse(
        people: (&str, &'static str),
        organisations: (&str, &'static str),
        ignore: (&str, &'static str),
    ) -> Result<EntityData, Error> {
        let mut entities = parse_rows(people.0, people.1, EntityKind::Person)?;
        entities.extend(parse_rows(
            organisations.0,
            organisations.1,
            EntityKind::Org,
        )?);
        let mut ids: BTreeMap<&str, &EntityRow> = BTreeMap::new();
        let mut owners: BTreeMap<&str, &EntityRow> = BTreeMap::new();
        for e in &entities {
            if let Some(first) = ids.insert(&e.id, e) {
                let m = format!(
                    "duplicate id {:?} (first at {}:{})",
                    e.id, first.file, first.line
                );
                return Err(bad(e.file, e.line, m));
            }
            for alias in &e.aliases {
                if let Some(other) = owners.insert(alias, e) {
                    let m = format!(
                        "alias {alias:?} also belongs to {:?} ({}:{}); an alias names one entity",
                        other.id, other.file, other.line
                    );
                    return Err(bad(e.file, e.line, m));
                }
            }
        }
        let (ignore_text, ignore_file) = ignore;
        let ignore = parse_ignore(ignore_text, ignore_file)?;
        for row in &ignore {
            if let Some(e) = owners.get(row.surface.as_str()) {
                let m = format!(
                    "{:?} is an alias of {:?} ({}:{}); ignoring it would hide that entity",
                    row.surface, e.id, e.file, e.line
                );
                return Err(bad(ignore_file, row.line, m));
            }
        }
        Ok(EntityData { entities, ignore })
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&EntityRow> {
        self.entities.iter().find(|e| e.id == id)
    }
}

fn parse_rows(text: &str, file: &'static str, kind: EntityKind) -> Result<Vec<EntityRow>, Error> {
    let header: &[&str] = match kind {
        EntityKind::Person => &PEOPLE_HEADER,
        EntityKind::Org => &ORGANISATIONS_HEADER,
    };
    let mut out = Vec::new();
    for (line, cols) in tsv_rows(text, file, header, ErrorKind::Data)? {
        let id = cols[0].trim();
        if id.is_empty()
            || !id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            let m = format!("id {id:?} is not a lowercase ascii slug");
            return Err(bad(file, line, m));
        }
        if id.starts_with(super::auto::identity::ID_PREFIX) {
            let m = format!(
                "id {id:?} starts with {:?}, which marks automatic entities",
                super::auto::identity::ID_PREFIX
            );
            return Err(bad(file, line, m));
        }
        let name = cols[1].trim();
        let role = cols[2].trim();
        if name.is_empty() || role.is_empty() {
            return Err(bad(file, line, format!("empty name or {}", header[2])));
        }
        let aliases: Vec<String> = cols[3].split(" | ").map(|a| a.trim().to_string()).collect();
        if aliases.iter().any(String::is_empty) {
            return Err(bad(file, line, "empty alias".to_string()));
        }
        for (i, a) in aliases.iter().enumerate() {
            if aliases[..i].contains(a) {
                return Err(bad(file, line, format!("alias {a:?} listed twice")));
            }
        }
        out.push(EntityRow {
            id: id.to_string(),
            name: name.to_string(),
            kind,
            role: role.to_string(),
            aliases,
            note: cols[4].trim().to_string(),
            file,
            line,
        });
    }
    if out.len() > usize::from(u16::MAX) / 2 {
        // Mentions store an entity as a u16 (compact in the embedded bytes).
        let m = format!("more than {} rows", u16::MAX / 2);
        return Err(Error::file(file, ErrorKind::Data(m)));
    }
    Ok(out)
}

fn parse_ignore(text: &str, file: &str) -> Result<Vec<EntityIgnore>, Error> {
    crate::gazetteer::parse_ignore_list(text, file, ErrorKind::Data)
}

fn bad(file: &str, line: usize, message: String) -> Error {
    Error::at_line(file, line, ErrorKind::Data(message))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PEOPLE: &str = "# people\nid\tname\trole\taliases\tnote\n\
        putin\tVladimir Putin\thead of state\tVladimir Putin | Putin\t\n";
    const ORGS: &str = "# orgs\nid\tname\tkind\taliases\tnote\n\
        sco\tShanghai Cooperation Organisation\tintergovernmental organisation\tShanghai Cooperation Organisation | SCO\t\n";
    const IGNORE: &str = "surface\treason\nLNG\tproduct\n";

    fn parse(people: &str, orgs: &str, ignore: &str) -> Result<EntityData, String> {
        EntityData::parse((people, "p.tsv"), (orgs, "o.tsv"), (ignore, "i.tsv"))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn good_rows_parse() {
        let d = parse(PEOPLE, ORGS, IGNORE).unwrap();
        assert_eq!(d.entities.len(), 2);
        assert_eq!(d.entity("sco").unwrap().kind, EntityKind::Org);
        assert_eq!(
            d.entity("putin").unwrap().aliases,
            ["Vladimir Putin", "Putin"]
        );
        assert_eq!(d.ignore[0].surface, "LNG");
    }

    #[test]
    fn bad_rows_are_reported_with_file_and_line() {
        let row = |r: &str| format!("id\tname\trole\taliases\tnote\n{r}\n");
        let cases = [
            (
                row("Putin\tP\thead\tP\t"),
                "p.tsv:2: id \"Putin\" is not a lowercase ascii slug",
            ),
            (row("putin\tP\thead\tP"), "p.tsv:2: 4 tab-separated columns"),
            (row("putin\tP\t\tP\t"), "p.tsv:2: empty name or role"),
            (
                row("auto-putin\tP\thead\tP\t"),
                "p.tsv:2: id \"auto-putin\" starts with \"auto-\"",
            ),
            (row("putin\tP\thead\tP | \t"), "p.tsv:2: empty alias"),
            (
                row("putin\tP\thead\tP\t\nputin\tQ\thead\tQ\t"),
                "p.tsv:3: duplicate id \"putin\" (first at p.tsv:2)",
            ),
            (
                row("sco-person\tS\thead\tS | SCO\t"),
                "o.tsv:3: alias \"SCO\" also belongs to \"sco-person\" (p.tsv:2)",
            ),
        ];
        for (people, want) in cases {
            let got = parse(&people, ORGS, IGNORE).unwrap_err();
            assert!(got.starts_with(want), "{got}\n  wanted {want}");
        }
        let got = parse(PEOPLE, ORGS, "surface\treason\nPutin\tname\n").unwrap_err();
        assert!(got.starts_with("i.tsv:2: \"Putin\" is an alias"), "{got}");
        let got = parse("id\tname\n", ORGS, IGNORE).unwrap_err();
        assert!(
            got.starts_with("p.tsv:1: expected the column header"),
            "{got}"
        );
    }
}
