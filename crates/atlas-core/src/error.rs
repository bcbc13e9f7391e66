//! Errors as values, always with the file (and line, where one applies) that
//! caused them, so a maintainer who adds a broken seed sees exactly where.
//!
//! A kind that wraps an underlying error (an I/O error, a TOML or JSON
//! parser's) keeps it as a value for callers that match on it and shows its
//! reason in the message, on one line as `cargo::error=` needs; `source()`
//! stays empty, so a chain printer does not say the reason twice. A kind
//! about a row of curated data holds a sentence: the row is its own cause.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// A pipeline failure, located in a file and, where it makes sense, a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The file that could not be used (as given to the pipeline).
    pub file: PathBuf,
    /// 1-based line number, when the problem sits on one line.
    pub line: Option<usize>,
    /// What went wrong.
    pub kind: ErrorKind,
}

/// What went wrong with a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErrorKind {
    /// The file (or folder) could not be read at all.
    #[error("cannot read: {0}")]
    Io(Cause<std::io::Error>),
    /// The file has no text (zero bytes or only white space).
    #[error("the file is empty; a seed needs some text")]
    Empty,
    /// The file holds NUL bytes: it is binary, not text.
    #[error("the file looks binary (it contains NUL bytes); seeds must be UTF-8 text")]
    Binary,
    /// The file starts with a UTF-16 byte-order mark.
    #[error("the file is UTF-16 encoded; save it as UTF-8")]
    Utf16,
    /// The bytes are not valid UTF-8.
    #[error("invalid UTF-8 at byte {byte} of the line; save the file as UTF-8")]
    InvalidUtf8 {
        /// Byte offset within the offending line.
        byte: usize,
    },
    /// The extension is not one the pipeline reads.
    #[error(
        "unsupported file type {0:?}: seeds must be .txt, .md, .html or .htm (catalog.toml holds metadata)"
    )]
    UnsupportedExtension(String),
    /// Two seeds would get the same document id.
    #[error("duplicate document id {0:?}: two seed files have the same stem")]
    DuplicateId(String),
    /// `catalog.toml` is not valid TOML or does not have the expected
    /// shape (unknown key, wrong type): the TOML parser's reason. (Boxed:
    /// it is large, and every `Result` of the pipeline carries this type.)
    #[error("catalog: {}", .0.message())]
    CatalogToml(Box<toml::de::Error>),
    /// An entry of `catalog.toml` is refused (an empty title, a second
    /// entry for one file, a file that is not there).
    #[error("catalog: {0}")]
    Catalog(String),
    /// A row of the gazetteer or its ignore list is malformed or contradicts
    /// another row (`data/gazetteer.tsv:42: latitude 95 out of range`).
    #[error("{0}")]
    Gazetteer(String),
    /// A curated TOML file under `data/` (`topics.toml`) is not valid TOML
    /// or does not have the expected shape: the TOML parser's reason.
    #[error("{}", .0.message())]
    DataToml(Box<toml::de::Error>),
    /// A row of a curated data file under `data/` is malformed.
    #[error("{0}")]
    Data(String),
    /// The seed folder holds no seed files at all.
    #[error("no .txt, .md, .html or .htm seed files found")]
    NoSeeds,
    /// A base-map source (`data/basemap/*.json`) is not valid JSON or not
    /// TopoJSON's shape: the JSON parser's reason (with its line and column).
    #[error("base map: not TopoJSON: {0}")]
    BasemapJson(Cause<serde_json::Error>),
    /// A base-map source is TopoJSON but not what the map builder needs.
    #[error("base map: {0}")]
    Basemap(String),
    /// The names of a list (the gazetteer's forms, the entity aliases)
    /// could not be compiled into one Aho-Corasick automaton: the builder's
    /// reason (it refuses only past its size limits). Never an empty
    /// matcher instead, which would find nothing without a word.
    #[error("cannot compile {names} names into one matcher: {cause}")]
    Matcher {
        /// How many names the list holds.
        names: usize,
        /// Why the builder refused them.
        cause: Cause<aho_corasick::BuildError>,
    },
}

/// An underlying error an [`ErrorKind`] carries: shared, because errors are
/// `Clone` and `io::Error` or `serde_json::Error` are not, and equal when
/// their messages are, since they have no equality of their own (tests
/// compare kinds).
#[derive(Debug)]
pub struct Cause<E>(Arc<E>);

impl<E> Cause<E> {
    /// Wraps `cause`.
    pub fn new(cause: E) -> Self {
        Cause(Arc::new(cause))
    }
}

impl<E> std::ops::Deref for Cause<E> {
    type Target = E;

    fn deref(&self) -> &E {
        &self.0
    }
}

impl<E> Clone for Cause<E> {
    fn clone(&self) -> Self {
        Cause(Arc::clone(&self.0))
    }
}

impl<E: fmt::Display> PartialEq for Cause<E> {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_string() == other.0.to_string()
    }
}

impl<E: fmt::Display> Eq for Cause<E> {}

impl<E: fmt::Display> fmt::Display for Cause<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Error {
    /// An error about a whole file.
    pub fn file(file: impl Into<PathBuf>, kind: ErrorKind) -> Self {
        Error {
            file: file.into(),
            line: None,
            kind,
        }
    }

    /// An I/O error about a file (or folder).
    pub fn io(file: impl Into<PathBuf>, cause: std::io::Error) -> Self {
        Error::file(file, ErrorKind::Io(Cause::new(cause)))
    }

    /// An error about one line of a file.
    pub fn at_line(file: impl Into<PathBuf>, line: usize, kind: ErrorKind) -> Self {
        Error {
            file: file.into(),
            line: Some(line),
            kind,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file.display(), line, self.kind),
            None => write!(f, "{}: {}", self.file.display(), self.kind),
        }
    }
}

impl std::error::Error for Error {}
