//! The URL model: which view the reader is on, as one pure function pair
//! (`Route::parse` ⇄ `Route::to_hash`), tested natively.
//!
//! Routes live in the URL *fragment* (`#/doc/<id>`) so that `dist/` works on
//! any static host, under any sub-path, with no server rewrite rules, and so
//! that an embedding page can link straight to a view.
//!
//! | fragment | view |
//! | --- | --- |
//! | `` or `#/` | library |
//! | `#/doc/<id>` | reader for document `<id>` |
//! | `#/doc/<id>?block=<n>` | reader, scrolled to block `<id>:<n>` |
//! | anything else | "not found" with a way back |

/// A view and its parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The list of documents.
    Library,
    /// One document in the reader.
    Reader {
        /// Document id (seed file stem).
        id: String,
        /// Block number to scroll to.
        block: Option<u32>,
    },
    /// A fragment that names no view; kept to show it back to the reader.
    NotFound(String),
}

impl Route {
    /// Parses a location fragment (with or without the leading `#`).
    /// Never fails: unknown input becomes [`Route::NotFound`].
    pub fn parse(fragment: &str) -> Route {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let (path, query) = fragment.split_once('?').unwrap_or((fragment, ""));
        let segments: Vec<String> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(percent_decode)
            .collect();
        match segments.as_slice() {
            [] => Route::Library,
            [doc, id] if doc == "doc" && !id.is_empty() => {
                let block = query_param(query, "block").and_then(|b| b.parse().ok());
                Route::Reader {
                    id: id.clone(),
                    block,
                }
            }
            _ => Route::NotFound(percent_decode(fragment)),
        }
    }

    /// The fragment for this route, starting with `#`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Library => "#/".to_string(),
            Route::Reader { id, block: None } => format!("#/doc/{}", percent_encode(id)),
            Route::Reader { id, block: Some(n) } => {
                format!("#/doc/{}?block={n}", percent_encode(id))
            }
            Route::NotFound(raw) => format!("#{}", percent_encode_fragment(raw)),
        }
    }
}

fn query_param(query: &str, key: &str) -> Option<String> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| percent_decode(v))
}

/// Decodes `%XX` escapes; invalid escapes and invalid UTF-8 are kept as text.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(b) = hex {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes everything but unreserved characters (RFC 3986).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Like [`percent_encode`] but keeps `/ ? = &`, for echoing a whole fragment.
fn percent_encode_fragment(s: &str) -> String {
    s.split('/')
        .map(|seg| {
            seg.split('?')
                .map(percent_encode)
                .collect::<Vec<_>>()
                .join("?")
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_routes() {
        assert_eq!(Route::parse(""), Route::Library);
        assert_eq!(Route::parse("#/"), Route::Library);
        assert_eq!(
            Route::parse("#/doc/003_e16917e1f304fc4f"),
            Route::Reader {
                id: "003_e16917e1f304fc4f".into(),
                block: None
            }
        );
        assert_eq!(
            Route::parse("#/doc/abc?block=12"),
            Route::Reader {
                id: "abc".into(),
                block: Some(12)
            }
        );
        assert_eq!(
            Route::parse("#/doc/abc?block=x"),
            Route::Reader {
                id: "abc".into(),
                block: None
            }
        );
        assert_eq!(
            Route::parse("#/nowhere"),
            Route::NotFound("/nowhere".into())
        );
        assert_eq!(Route::parse("#/doc/"), Route::NotFound("/doc/".into()));
    }

    #[test]
    fn round_trips() {
        for route in [
            Route::Library,
            Route::Reader {
                id: "001_6225201a47dae885".into(),
                block: None,
            },
            Route::Reader {
                id: "my paper (draft)".into(),
                block: Some(3),
            },
            Route::Reader {
                id: "Приморье".into(),
                block: Some(0),
            },
        ] {
            assert_eq!(Route::parse(&route.to_hash()), route);
        }
    }

    #[test]
    fn hostile_fragments_do_not_panic() {
        for s in [
            "%",
            "%%",
            "%E2%82",
            "#/doc/%ZZ",
            "#/doc/a?block=99999999999999999999",
            "#/doc/a?",
            "#?&=&",
            "#/doc/\u{0}",
        ] {
            let _ = Route::parse(s).to_hash();
        }
        assert_eq!(percent_decode("%E2%82"), "\u{FFFD}");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
