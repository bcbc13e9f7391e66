//! `seeds/catalog.toml`: curated metadata per seed file.
//!
//! Extractions lose or garble title pages (the Valdai paper's title is under a
//! page number; the RUDN article's is below a dossier banner), so the catalog
//! is the source of truth for bibliographic fields. A seed without an entry
//! still builds: [`crate::pipeline`] infers what it can from the text.

use crate::error::{Error, ErrorKind};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The whole catalog file.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    #[serde(default)]
    document: Vec<RawEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    file: toml::Spanned<String>,
    title: String,
    #[serde(default)]
    authors: Vec<String>,
    year: Option<i32>,
    venue: Option<String>,
    #[serde(rename = "type")]
    doc_type: Option<String>,
    #[serde(default)]
    languages: Vec<String>,
    doi: Option<String>,
    url: Option<String>,
    /// Free text for reviewers (where a value came from); not shown.
    #[allow(dead_code)]
    note: Option<String>,
}

/// One curated entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogEntry {
    /// Title as printed.
    pub title: String,
    /// Authors in printed order.
    pub authors: Vec<String>,
    /// Year of publication.
    pub year: Option<i32>,
    /// Journal, series or publisher.
    pub venue: Option<String>,
    /// Kind of document.
    pub doc_type: Option<String>,
    /// Languages present, main first.
    pub languages: Vec<String>,
    /// DOI without resolver.
    pub doi: Option<String>,
    /// URL given by the text.
    pub url: Option<String>,
    /// 1-based line of the entry's `file =` key, for error messages.
    pub line: usize,
}

/// Curated entries keyed by seed file name.
pub type Catalog = BTreeMap<String, CatalogEntry>;

/// Parses catalog text. `path` is only used in error messages.
pub fn parse_catalog(path: &Path, text: &str) -> Result<Catalog, Error> {
    let raw: CatalogFile = toml::from_str(text).map_err(|e| Error {
        file: path.to_path_buf(),
        line: e.span().map(|s| line_at(text, s.start)),
        kind: ErrorKind::CatalogToml(Box::new(e)),
    })?;
    let mut catalog = Catalog::new();
    for entry in raw.document {
        let line = line_at(text, entry.file.span().start);
        let file = entry.file.into_inner();
        if entry.title.trim().is_empty() {
            return Err(Error::at_line(
                path,
                line,
                ErrorKind::Catalog(format!("entry for {file:?} has an empty title")),
            ));
        }
        let parsed = CatalogEntry {
            title: entry.title,
            authors: entry.authors,
            year: entry.year,
            venue: entry.venue,
            doc_type: entry.doc_type,
            languages: entry.languages,
            doi: entry.doi,
            url: entry.url,
            line,
        };
        if catalog.insert(file.clone(), parsed).is_some() {
            return Err(Error::at_line(
                path,
                line,
                ErrorKind::Catalog(format!("a second entry for {file:?}")),
            ));
        }
    }
    Ok(catalog)
}

/// Reads `catalog.toml` from a seed folder; a missing file is an empty catalog.
pub fn read_catalog(seed_dir: &Path) -> Result<Catalog, Error> {
    let path = seed_dir.join(crate::source::CATALOG_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => parse_catalog(&path, &text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Catalog::new()),
        Err(e) => Err(Error::io(&path, e)),
    }
}

fn line_at(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries_with_their_lines() {
        let text = "# c\n\n[[document]]\nfile = \"a.txt\"\ntitle = \"A\"\nyear = 2010\n";
        let cat = parse_catalog(Path::new("catalog.toml"), text).unwrap();
        assert_eq!(cat["a.txt"].title, "A");
        assert_eq!(cat["a.txt"].year, Some(2010));
        assert_eq!(cat["a.txt"].line, 4);
    }

    #[test]
    fn unknown_keys_are_errors_with_line() {
        let text = "[[document]]\nfile = \"a.txt\"\ntitle = \"A\"\nyaer = 2010\n";
        let err = parse_catalog(Path::new("catalog.toml"), text).unwrap_err();
        assert!(
            matches!(err.kind, ErrorKind::CatalogToml(ref e) if e.message().contains("yaer")),
            "{err}"
        );
        assert!(err.line.is_some());
    }

    #[test]
    fn wrong_types_name_the_line() {
        let text = "[[document]]\nfile = \"a.txt\"\ntitle = \"A\"\nyear = \"twenty\"\n";
        let err = parse_catalog(Path::new("catalog.toml"), text).unwrap_err();
        assert_eq!(err.line, Some(4), "{err}");
    }

    #[test]
    fn duplicate_entries_are_rejected() {
        let text = "[[document]]\nfile = \"a.txt\"\ntitle = \"A\"\n[[document]]\nfile = \"a.txt\"\ntitle = \"B\"\n";
        let err = parse_catalog(Path::new("catalog.toml"), text).unwrap_err();
        assert_eq!(err.line, Some(5));
    }
}
