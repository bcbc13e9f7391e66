//! The one filter model: what the reader has narrowed the corpus to. Every
//! view that lists passages (search results, map, topics, timeline,
//! figures, people and organisations) reads the same [`Filters`], and the
//! filters live in the URL fragment's query string, so a filtered view can
//! be linked, reloaded and stepped through with Back and Forward.
//!
//! Within one facet the values are a union (`topic=energy&topic=trade`:
//! either topic); across facets they intersect (a topic *and* a place).
//!
//! | parameter | facet |
//! | --- | --- |
//! | `q` | search query |
//! | `doc` | document id |
//! | `author` | author, as printed |
//! | `year` | publication year |
//! | `topic` | topic id (`data/topics.toml`) |
//! | `place` | place id (`data/gazetteer.tsv`) |
//! | `person`, `org` | entity id (`data/people.tsv`, `data/organisations.tsv`) |
//! | `lang` | language of the passage (ISO 639-1) |
//! | `mentioned` | years mentioned in the passage, `from-to` |
//!
//! Parsing never fails: unknown parameters are ignored, values are kept
//! sorted and unique so that equal filters always write the same URL.
//!
//! The model and its URL form live here, in the core, because the app, the
//! fuzz targets and the selection engine ([`select`]) all need the same
//! one; [`facts`] says, per passage, which facet values it has; [`view`]
//! turns a selection into what each view shows.

pub mod api;
pub mod facts;
pub mod select;
pub mod url;
pub mod view;

pub use facts::Facts;
pub use select::{FacetCounts, Selection};
use url::percent_encode;

/// The reader's filters. The empty value filters nothing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    /// Search query as typed (empty: no query).
    pub q: String,
    /// Document ids.
    pub docs: Vec<String>,
    /// Author names.
    pub authors: Vec<String>,
    /// Publication years.
    pub years: Vec<i32>,
    /// Topic ids.
    pub topics: Vec<String>,
    /// Place ids.
    pub places: Vec<String>,
    /// Person ids.
    pub people: Vec<String>,
    /// Organisation ids.
    pub orgs: Vec<String>,
    /// Passage languages.
    pub langs: Vec<String>,
    /// Years mentioned in the passage, inclusive range.
    pub mentioned: Option<(i32, i32)>,
}

/// One facet of [`Filters`] whose values are strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    /// `doc`
    Doc,
    /// `author`
    Author,
    /// `topic`
    Topic,
    /// `place`
    Place,
    /// `person`
    Person,
    /// `org`
    Org,
    /// `lang`
    Lang,
}

impl Facet {
    /// Every string facet, in URL order.
    pub const ALL: [Facet; 7] = [
        Facet::Doc,
        Facet::Author,
        Facet::Topic,
        Facet::Place,
        Facet::Person,
        Facet::Org,
        Facet::Lang,
    ];

    /// The URL parameter name.
    pub fn param(self) -> &'static str {
        match self {
            Facet::Doc => "doc",
            Facet::Author => "author",
            Facet::Topic => "topic",
            Facet::Place => "place",
            Facet::Person => "person",
            Facet::Org => "org",
            Facet::Lang => "lang",
        }
    }
}

/// Years outside this range are not years a paper on this field mentions;
/// clamping keeps hostile URLs from producing absurd ranges.
const YEAR_MIN: i32 = 1000;
const YEAR_MAX: i32 = 2999;

impl Filters {
    /// `true` when nothing is filtered (the query aside).
    pub fn is_unfiltered(&self) -> bool {
        Facet::ALL.iter().all(|f| self.values(*f).is_empty())
            && self.years.is_empty()
            && self.mentioned.is_none()
    }

    /// `true` when neither a query nor a filter is set.
    pub fn is_empty(&self) -> bool {
        self.q.trim().is_empty() && self.is_unfiltered()
    }

    /// The values of a string facet.
    pub fn values(&self, facet: Facet) -> &[String] {
        match facet {
            Facet::Doc => &self.docs,
            Facet::Author => &self.authors,
            Facet::Topic => &self.topics,
            Facet::Place => &self.places,
            Facet::Person => &self.people,
            Facet::Org => &self.orgs,
            Facet::Lang => &self.langs,
        }
    }

    fn values_mut(&mut self, facet: Facet) -> &mut Vec<String> {
        match facet {
            Facet::Doc => &mut self.docs,
            Facet::Author => &mut self.authors,
            Facet::Topic => &mut self.topics,
            Facet::Place => &mut self.places,
            Facet::Person => &mut self.people,
            Facet::Org => &mut self.orgs,
            Facet::Lang => &mut self.langs,
        }
    }

    /// A copy with `value` added to `facet` if absent, removed if present.
    pub fn toggled(&self, facet: Facet, value: &str) -> Filters {
        let mut next = self.clone();
        let values = next.values_mut(facet);
        match values.binary_search_by(|v| v.as_str().cmp(value)) {
            Ok(i) => {
                values.remove(i);
            }
            Err(i) => values.insert(i, value.to_string()),
        }
        next
    }

    /// A copy with publication year `year` toggled.
    pub fn toggled_year(&self, year: i32) -> Filters {
        let mut next = self.clone();
        match next.years.binary_search(&year) {
            Ok(i) => {
                next.years.remove(i);
            }
            Err(i) => next.years.insert(i, year),
        }
        next
    }

    /// A copy with every filter cleared; the query stays.
    pub fn cleared(&self) -> Filters {
        Filters {
            q: self.q.clone(),
            ..Filters::default()
        }
    }

    /// A copy without the query; the filters stay.
    pub fn cleared_query(&self) -> Filters {
        Filters {
            q: String::new(),
            ..self.clone()
        }
    }

    /// Reads the filters from a query string (`q=…&topic=energy&…`, without `?`).
    pub fn from_query(query: &str) -> Filters {
        let mut f = Filters::default();
        for (key, value) in url::query_pairs(query) {
            if key == "q" {
                f.q = value;
                continue;
            }
            if key == "year" {
                if let Some(y) = parse_year(&value) {
                    f.years.push(y);
                }
                continue;
            }
            if key == "mentioned" {
                f.mentioned = parse_range(&value);
                continue;
            }
            if value.is_empty() {
                continue;
            }
            if let Some(facet) = Facet::ALL.iter().find(|f| f.param() == key) {
                f.values_mut(*facet).push(value);
            }
        }
        for facet in Facet::ALL {
            let values = f.values_mut(facet);
            values.sort();
            values.dedup();
        }
        f.years.sort_unstable();
        f.years.dedup();
        f
    }

    /// The query-string parameters for these filters, in a fixed order
    /// (`q` first, empty `q` left out).
    pub fn to_params(&self) -> Vec<String> {
        let mut params = Vec::new();
        if !self.q.is_empty() {
            params.push(format!("q={}", percent_encode(&self.q)));
        }
        for facet in Facet::ALL {
            for v in self.values(facet) {
                params.push(format!("{}={}", facet.param(), percent_encode(v)));
            }
            if facet == Facet::Author {
                params.extend(self.years.iter().map(|y| format!("year={y}")));
            }
        }
        if let Some((from, to)) = self.mentioned {
            params.push(format!("mentioned={from}-{to}"));
        }
        params
    }
}

fn parse_year(s: &str) -> Option<i32> {
    let y: i32 = s.trim().parse().ok()?;
    (YEAR_MIN..=YEAR_MAX).contains(&y).then_some(y)
}

/// `1990-2020` (or a single year) → an ordered, clamped range.
fn parse_range(s: &str) -> Option<(i32, i32)> {
    let (a, b) = match s.split_once('-') {
        Some((a, b)) => (parse_year(a)?, parse_year(b)?),
        None => {
            let y = parse_year(s)?;
            (y, y)
        }
    };
    Some((a.min(b), a.max(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_facet() {
        let f = Filters::from_query(
            "q=Sakhalin+LNG&topic=energy&place=sakhalin&topic=arctic&doc=a&lang=en&year=2019&mentioned=2030-2010&person=putin&org=sco&author=A.+Lukin",
        );
        assert_eq!(f.q, "Sakhalin LNG");
        assert_eq!(f.topics, ["arctic", "energy"]);
        assert_eq!(f.places, ["sakhalin"]);
        assert_eq!(f.docs, ["a"]);
        assert_eq!(f.langs, ["en"]);
        assert_eq!(f.years, [2019]);
        assert_eq!(f.mentioned, Some((2010, 2030)));
        assert_eq!(f.people, ["putin"]);
        assert_eq!(f.orgs, ["sco"]);
        assert_eq!(f.authors, ["A. Lukin"]);
        assert!(!f.is_unfiltered());
    }

    #[test]
    fn ignores_what_it_does_not_know() {
        let f = Filters::from_query("view=flat&topic=&year=abc&year=99999&mentioned=x-y&&=&zzz=1");
        assert_eq!(f, Filters::default());
        assert!(f.is_empty());
    }

    #[test]
    fn toggling_twice_restores() {
        let f = Filters::from_query("topic=energy");
        let g = f.toggled(Facet::Topic, "trade");
        assert_eq!(g.topics, ["energy", "trade"]);
        assert_eq!(g.toggled(Facet::Topic, "trade"), f);
        assert_eq!(f.toggled_year(2020).toggled_year(2020), f);
        assert_eq!(g.cleared(), Filters::default());
    }

    fn strings() -> impl Strategy<Value = Vec<String>> {
        proptest::collection::btree_set("\\PC{1,12}", 0..3)
            .prop_map(|s| s.into_iter().collect::<Vec<_>>())
    }
    use proptest::prelude::*;

    proptest! {
        /// Any filter state → URL → the same state.
        #[test]
        fn any_state_round_trips(
            q in "\\PC{0,30}",
            docs in strings(), authors in strings(), topics in strings(), places in strings(),
            people in strings(), orgs in strings(), langs in strings(),
            years in proptest::collection::btree_set(YEAR_MIN..=YEAR_MAX, 0..3),
            mentioned in proptest::option::of((YEAR_MIN..=YEAR_MAX, YEAR_MIN..=YEAR_MAX)),
        ) {
            let f = Filters {
                q, docs, authors, topics, places, people, orgs, langs,
                years: years.into_iter().collect(),
                mentioned: mentioned.map(|(a, b)| (a.min(b), a.max(b))),
            };
            let query = f.to_params().join("&");
            prop_assert_eq!(Filters::from_query(&query), f);
        }

        /// Whatever the query string, parsing never panics and re-parses to itself.
        #[test]
        fn any_query_is_stable(query in "\\PC{0,200}") {
            let f = Filters::from_query(&query);
            prop_assert_eq!(Filters::from_query(&f.to_params().join("&")), f);
        }
    }
}
