//! The URL model: which view the reader is on, as one pure function pair
//! (`Route::parse` ⇄ `Route::to_hash`), tested natively. It uses nothing
//! but `atlas-core`, so the `url_filters` fuzz target (`fuzz/`) compiles
//! this file by path; keep it free of the app's other modules.
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
//! | `#/doc/<id>?note=<n>` | reader, scrolled to the note printed `<n>` |
//! | `#/doc/<id>?q=<query>` | reader with the query's matches highlighted |
//! | `#/search?q=<query>` | search results (`&view=flat` for an ungrouped list) |
//! | `#/map` | the map of places mentioned |
//! | `#/topics` | topics, and documents compared by topic |
//! | `#/timeline` | years mentioned, per document |
//! | `#/figures` | amounts and percentages stated |
//! | `#/people` | people and organisations |
//! | `#/local` | the reader's own documents (add, remove, export, import) |
//!
//! The search, map and topics views take the filter parameters of
//! [`Filters`] (`topic=energy&place=sakhalin&…`): one filter model, read by
//! every view, kept in the URL.
//! | anything else | "not found" with a way back |

use atlas_core::filter::url::query_param;
pub use atlas_core::filter::url::{percent_decode, percent_encode};
pub use atlas_core::filter::{Facet, Filters};

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
        /// Printed number of the note to scroll to (a hit found in a note).
        note: Option<u32>,
        /// Query whose matches are highlighted (empty: none).
        q: String,
        /// Places whose mentions are highlighted (`place=<id>`, from the map).
        places: Vec<String>,
    },
    /// Search results: passages under the query and filters.
    Search {
        /// The query (`filters.q`) and filters.
        filters: Filters,
        /// Show one flat ranked list instead of grouping by document.
        flat: bool,
    },
    /// The map of places, sized by mentions under the filters; a chosen
    /// place (`filters.places`) lists its passages beside the map.
    Map {
        /// The query and filters.
        filters: Filters,
    },
    /// Topics with counts, and documents compared by topic.
    Topics {
        /// The query and filters.
        filters: Filters,
    },
    /// Years mentioned in the text, per document.
    Timeline {
        /// The query and filters.
        filters: Filters,
    },
    /// Amounts and percentages stated in the text.
    Figures {
        /// The query and filters.
        filters: Filters,
    },
    /// People and organisations named in the text.
    Entities {
        /// The query and filters.
        filters: Filters,
    },
    /// The reader's own documents: add, remove, export, import.
    Local,
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
                let note = query_param(query, "note").and_then(|b| b.parse().ok());
                let q = query_param(query, "q").unwrap_or_default();
                Route::Reader {
                    id: id.clone(),
                    block,
                    note,
                    q,
                    places: Filters::from_query(query).places,
                }
            }
            [search] if search == "search" => Route::Search {
                filters: Filters::from_query(query),
                flat: query_param(query, "view").as_deref() == Some("flat"),
            },
            [map] if map == "map" => Route::Map {
                filters: Filters::from_query(query),
            },
            [topics] if topics == "topics" => Route::Topics {
                filters: Filters::from_query(query),
            },
            [v] if v == "timeline" => Route::Timeline {
                filters: Filters::from_query(query),
            },
            [v] if v == "figures" => Route::Figures {
                filters: Filters::from_query(query),
            },
            [v] if v == "people" => Route::Entities {
                filters: Filters::from_query(query),
            },
            [v] if v == "local" => Route::Local,
            // Kept as written: decoding first would turn `%2F` into a path
            // separator, and the echoed fragment would name another view.
            _ => Route::NotFound(fragment.to_string()),
        }
    }

    /// The fragment for this route, starting with `#`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Library => "#/".to_string(),
            Route::Reader {
                id,
                block,
                note,
                q,
                places,
            } => {
                let mut params = Vec::new();
                if let Some(n) = block {
                    params.push(format!("block={n}"));
                }
                if let Some(n) = note {
                    params.push(format!("note={n}"));
                }
                if !q.is_empty() {
                    params.push(format!("q={}", percent_encode(q)));
                }
                let mut places = places.clone();
                places.sort();
                places.dedup();
                params.extend(
                    places
                        .iter()
                        .map(|p| format!("place={}", percent_encode(p))),
                );
                with_params(format!("#/doc/{}", percent_encode(id)), &params)
            }
            Route::Search { filters, flat } => {
                let mut params = filters.to_params();
                if params.is_empty() {
                    // `#/search?q=` keeps the box's empty state linkable as before.
                    params.push("q=".to_string());
                }
                if *flat {
                    params.push("view=flat".to_string());
                }
                with_params("#/search".to_string(), &params)
            }
            Route::Map { filters } => with_params("#/map".to_string(), &filters.to_params()),
            Route::Topics { filters } => with_params("#/topics".to_string(), &filters.to_params()),
            Route::Timeline { filters } => {
                with_params("#/timeline".to_string(), &filters.to_params())
            }
            Route::Figures { filters } => {
                with_params("#/figures".to_string(), &filters.to_params())
            }
            Route::Entities { filters } => {
                with_params("#/people".to_string(), &filters.to_params())
            }
            Route::Local => "#/local".to_string(),
            Route::NotFound(raw) => format!("#{raw}"),
        }
    }
}

fn with_params(path: String, params: &[String]) -> String {
    if params.is_empty() {
        path
    } else {
        format!("{path}?{}", params.join("&"))
    }
}

/// Search results for a plain query, no filters.
pub fn search(q: &str) -> Route {
    Route::Search {
        filters: Filters {
            q: q.to_string(),
            ..Filters::default()
        },
        flat: false,
    }
}

impl Route {
    /// The filters this view reads (empty for views without filters).
    pub fn filters(&self) -> Filters {
        match self {
            Route::Search { filters, .. }
            | Route::Map { filters }
            | Route::Topics { filters }
            | Route::Timeline { filters }
            | Route::Figures { filters }
            | Route::Entities { filters } => filters.clone(),
            _ => Filters::default(),
        }
    }

    /// Which page shows this route: the route with its filters left out.
    /// Two routes with the same page differ only in their filters, and the
    /// page stays mounted from one to the other (typing in the search box
    /// updates the results in place).
    pub fn page(&self) -> Route {
        self.with_filters(Filters::default())
    }

    /// The same view with other filters.
    pub fn with_filters(&self, filters: Filters) -> Route {
        match self {
            Route::Search { flat, .. } => Route::Search {
                filters,
                flat: *flat,
            },
            Route::Map { .. } => Route::Map { filters },
            Route::Topics { .. } => Route::Topics { filters },
            Route::Timeline { .. } => Route::Timeline { filters },
            Route::Figures { .. } => Route::Figures { filters },
            Route::Entities { .. } => Route::Entities { filters },
            other => other.clone(),
        }
    }
}

/// Builds a reader route with no query.
pub fn reader(id: &str, block: Option<u32>) -> Route {
    Route::Reader {
        id: id.to_string(),
        block,
        note: None,
        q: String::new(),
        places: Vec::new(),
    }
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
            reader("003_e16917e1f304fc4f", None)
        );
        assert_eq!(Route::parse("#/doc/abc?block=12"), reader("abc", Some(12)));
        assert_eq!(Route::parse("#/doc/abc?block=x"), reader("abc", None));
        let with_q = Route::Reader {
            id: "abc".into(),
            block: Some(3),
            note: None,
            q: "Kovykta".into(),
            places: Vec::new(),
        };
        assert_eq!(Route::parse("#/doc/abc?q=Kovykta&block=3"), with_q);
        assert_eq!(
            Route::parse("#/doc/abc?note=7"),
            Route::Reader {
                id: "abc".into(),
                block: None,
                note: Some(7),
                q: String::new(),
                places: Vec::new(),
            }
        );
        assert_eq!(
            Route::parse("#/search?q=labour+migration"),
            search("labour migration")
        );
        let flat = Route::Search {
            filters: Filters::from_query("q=%D0%9F"),
            flat: true,
        };
        assert_eq!(Route::parse("#/search?q=%D0%9F&view=flat"), flat);
        assert_eq!(Route::parse("#/search"), search(""));
        let map = Route::Map {
            filters: Filters::default()
                .toggled(Facet::Topic, "energy")
                .toggled(Facet::Place, "sakhalin"),
        };
        assert_eq!(Route::parse("#/map?topic=energy&place=sakhalin"), map);
        assert_eq!(map.to_hash(), "#/map?topic=energy&place=sakhalin");
        assert_eq!(
            Route::parse("#/map"),
            Route::Map {
                filters: Filters::default()
            }
        );
        assert_eq!(
            Route::parse("#/nowhere"),
            Route::NotFound("/nowhere".into())
        );
        assert_eq!(Route::parse("#/doc/"), Route::NotFound("/doc/".into()));
    }

    #[test]
    fn an_unknown_fragment_is_echoed_as_written() {
        // `%2F` decodes to `/`: decoded, the echo would read as the library.
        let route = Route::parse("#/%2F");
        assert_eq!(route, Route::NotFound("/%2F".into()));
        assert_eq!(route.to_hash(), "#/%2F");
        assert_eq!(Route::parse(&route.to_hash()), route);
    }

    #[test]
    fn a_repeated_parameter_means_its_last_value_everywhere() {
        let Route::Reader { q, block, .. } = Route::parse("#/doc/a?q=first&block=1&q=last&block=2")
        else {
            panic!("not a reader route");
        };
        assert_eq!((q.as_str(), block), ("last", Some(2)));
        let Route::Search { filters, .. } = Route::parse("#/search?q=first&q=last") else {
            panic!("not a search route");
        };
        assert_eq!(filters.q, "last");
    }

    #[test]
    fn round_trips() {
        for route in [
            Route::Library,
            reader("001_6225201a47dae885", None),
            reader("my paper (draft)", Some(3)),
            reader("Приморье", Some(0)),
            Route::Reader {
                id: "x".into(),
                block: Some(2),
                note: Some(14),
                q: "\"energy bridge\" -LNG & a=+%".into(),
                places: vec!["sakhalin".into(), "vladivostok".into()],
            },
            Route::Search {
                filters: Filters::from_query("q=%D0%9F+OR+Primorye&topic=energy&lang=ru"),
                flat: true,
            },
            search(""),
            Route::Map {
                filters: Filters::from_query("place=vladivostok&mentioned=2000-2010"),
            },
            Route::Topics {
                filters: Filters::from_query("doc=a&doc=b&year=2019"),
            },
            Route::Timeline {
                filters: Filters::from_query("mentioned=1990-2010&topic=energy"),
            },
            Route::Figures {
                filters: Filters::from_query("org=sco"),
            },
            Route::Entities {
                filters: Filters::from_query("person=putin&q=gas"),
            },
            Route::Local,
        ] {
            assert_eq!(Route::parse(&route.to_hash()), route);
        }
    }

    proptest::proptest! {
        /// Any route → URL fragment → the same route.
        #[test]
        fn any_route_round_trips(id in "\\PC{1,20}", q in "\\PC{0,40}", block in proptest::option::of(0u32..100_000), flat: bool) {
            let id = id.replace('/', "");
            proptest::prop_assume!(!id.is_empty());
            let reader = Route::Reader { id, block, note: block.map(|b| b % 50), q: q.clone(), places: Vec::new() };
            proptest::prop_assert_eq!(Route::parse(&reader.to_hash()), reader);
            let search = Route::Search { filters: Filters { q, ..Filters::default() }, flat };
            proptest::prop_assert_eq!(Route::parse(&search.to_hash()), search);
        }

        /// Whatever is in the address bar, parsing never panics, and the
        /// fragment written back for it names the same route.
        #[test]
        fn any_fragment_parses(fragment in "\\PC{0,200}") {
            let route = Route::parse(&fragment);
            proptest::prop_assert_eq!(Route::parse(&route.to_hash()), route);
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
