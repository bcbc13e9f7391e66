//! The one filter model over the seed corpus: intersection across facets,
//! union within one, counts under the other filters, and the map's place
//! mentions. Real seed passages, no fixtures.

use atlas_core::filter::{Facet, Facts, Filters, Selection};
use atlas_core::index::SearchIndex;
use atlas_core::Corpus;
use std::path::Path;
use std::sync::OnceLock;

fn data() -> &'static (Corpus, SearchIndex, Facts) {
    static DATA: OnceLock<(Corpus, SearchIndex, Facts)> = OnceLock::new();
    DATA.get_or_init(|| {
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        let corpus = atlas_core::build_corpus(&seeds).expect("seed corpus builds");
        let index = SearchIndex::build(&corpus).expect("the index builds");
        let facts = Facts::build(&corpus, &index);
        (corpus, index, facts)
    })
}

fn selection() -> Selection<'static> {
    let (c, i, f) = data();
    Selection::new(c, i, f)
}

fn has_topic(p: u32, id: &str) -> bool {
    let (c, _, f) = data();
    f.passages[p as usize]
        .topics
        .iter()
        .any(|&t| c.annotations.topics[t as usize].id == id)
}

fn has_place(p: u32, id: &str) -> bool {
    let (c, _, f) = data();
    f.passages[p as usize]
        .places
        .iter()
        .any(|&x| c.places.places[x as usize].id == id)
}

#[test]
fn facts_line_up_with_the_index() {
    let (_, index, facts) = data();
    assert_eq!(facts.passages.len(), index.passages().len());
    assert!(facts.passages.iter().any(|p| !p.places.is_empty()));
    assert!(facts.passages.iter().any(|p| !p.topics.is_empty()));
    assert!(facts.passages.iter().any(|p| !p.years.is_empty()));
    assert!(facts.langs.iter().any(|l| l == "ru"), "{:?}", facts.langs);
}

#[test]
fn no_filter_passes_everything() {
    let s = selection();
    assert_eq!(
        s.passages(&Filters::default()).len(),
        data().2.passages.len()
    );
}

#[test]
fn facets_intersect_across_and_unite_within() {
    let s = selection();
    let energy = Filters::default().toggled(Facet::Topic, "energy");
    let both = energy.toggled(Facet::Place, "sakhalin");
    let hits = s.passages(&both);
    assert!(!hits.is_empty(), "energy passages about Sakhalin exist");
    for &p in &hits {
        assert!(
            has_topic(p, "energy") && has_place(p, "sakhalin"),
            "passage {p}"
        );
    }
    let only_energy = s.passages(&energy);
    assert!(hits.len() < only_energy.len());
    let either = energy.toggled(Facet::Topic, "trade");
    let trade = s.passages(&Filters::default().toggled(Facet::Topic, "trade"));
    let union = s.passages(&either);
    assert!(union.len() >= only_energy.len().max(trade.len()));
    assert!(union.len() <= only_energy.len() + trade.len());
    for &p in &union {
        assert!(has_topic(p, "energy") || has_topic(p, "trade"));
    }
}

#[test]
fn counts_are_taken_under_the_other_filters() {
    let s = selection();
    let f = Filters::default().toggled(Facet::Place, "vladivostok");
    let counts = s.counts(&f);
    assert_eq!(counts.total, s.passages(&f).len());
    let (c, _, _) = data();
    let energy = c.annotations.topic("energy").expect("energy topic").0 as u16;
    let shown = counts
        .topics
        .iter()
        .find(|(t, _)| *t == energy)
        .map(|x| x.1);
    let actual = s.passages(&f.toggled(Facet::Topic, "energy")).len();
    assert_eq!(
        shown,
        Some(actual),
        "the energy count is what choosing it gives"
    );
    // The place facet itself is counted without the place filter.
    let vladivostok = c.places.position("vladivostok").expect("mentioned");
    let unfiltered = s.counts(&Filters::default());
    let place_count = |fc: &atlas_core::filter::FacetCounts| {
        fc.places
            .iter()
            .find(|(p, _)| *p == vladivostok)
            .map(|x| x.1)
    };
    assert_eq!(place_count(&counts), place_count(&unfiltered));
    assert!(
        counts.documents >= 2,
        "Vladivostok is in more than one paper"
    );
}

#[test]
fn a_query_narrows_and_ranks() {
    let s = selection();
    let f = Filters {
        q: "Kovykta".into(),
        ..Filters::default()
    };
    let hits = s.passages(&f);
    assert!(!hits.is_empty());
    let lukin = s
        .corpus
        .documents
        .iter()
        .position(|d| d.meta.authors.iter().any(|a| a.contains("Lukin")))
        .expect("Lukin paper") as u32;
    assert!(hits
        .iter()
        .any(|&p| data().2.passages[p as usize].doc == lukin));
    assert!(hits.len() < 20);
    let nothing = Filters {
        q: "zzzqqqxx".into(),
        ..Filters::default()
    };
    assert!(s.passages(&nothing).is_empty());
    assert_eq!(s.counts(&nothing).total, 0);
}

#[test]
fn mentioned_years_and_languages_filter() {
    let s = selection();
    let f = Filters {
        mentioned: Some((2000, 2009)),
        ..Filters::default()
    };
    let hits = s.passages(&f);
    assert!(!hits.is_empty());
    for &p in &hits {
        assert!(data().2.passages[p as usize]
            .years
            .iter()
            .any(|y| (2000..=2009).contains(y)));
    }
    let ru = s.passages(&Filters::default().toggled(Facet::Lang, "ru"));
    assert!(!ru.is_empty());
    assert!(ru.len() < data().2.passages.len() / 2);
}

#[test]
fn the_map_keeps_other_places_when_one_is_chosen() {
    let s = selection();
    let f = Filters::default().toggled(Facet::Place, "vladivostok");
    let with = s.place_mentions(&f);
    let without = s.place_mentions(&Filters::default());
    assert_eq!(
        with, without,
        "the place facet does not narrow the map itself"
    );
    let energy = s.place_mentions(&Filters::default().toggled(Facet::Topic, "energy"));
    let total = |v: &[(u16, u32, u32)]| v.iter().map(|x| x.2).sum::<u32>();
    assert!(total(&energy) < total(&without));
    assert_eq!(total(&without) as usize, data().0.places.mentions.len());
}

#[test]
fn geojson_export_has_a_feature_per_place_with_its_counts() {
    let s = selection();
    let f = Filters::default().toggled(Facet::Topic, "energy");
    let counts = s.place_mentions(&f);
    let json: serde_json::Value =
        serde_json::from_str(&atlas_core::geo::geojson::places_geojson(s.corpus, &counts))
            .expect("valid JSON");
    let features = json["features"].as_array().expect("features");
    let places: std::collections::BTreeSet<u16> = counts.iter().map(|x| x.0).collect();
    assert_eq!(features.len(), places.len());
    let total: u64 = features
        .iter()
        .map(|f| f["properties"]["mentions"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(total, counts.iter().map(|x| u64::from(x.2)).sum::<u64>());
    let tsr = features
        .iter()
        .find(|f| f["id"] == "trans-siberian-railway");
    if let Some(tsr) = tsr {
        assert_eq!(tsr["geometry"]["type"], "LineString");
    }
    let point = features
        .iter()
        .find(|f| f["geometry"]["type"] == "Point")
        .expect("a point");
    let lon = point["geometry"]["coordinates"][0].as_f64().expect("lon");
    assert!((-180.0..=180.0).contains(&lon));
}

#[test]
fn a_marked_passage_hit_marks_the_place() {
    let (c, i, f) = data();
    let searcher = atlas_core::Searcher::new(c, i);
    let m = c
        .places
        .mentions
        .iter()
        .find(|m| c.places.places[m.target as usize].id == "vladivostok")
        .expect("a mention");
    let p = f.find(m.doc, m.passage).expect("indexed");
    let hit = searcher
        .passage_hit_marking(p, &[(m.start as usize, m.end as usize)])
        .expect("hit");
    assert!(!hit.spans.is_empty());
    let [a, b] = hit.spans[0];
    assert!(
        hit.snippet[a..b].contains("Vladivostok"),
        "{}",
        &hit.snippet[a..b]
    );
}

#[test]
fn people_and_organisations_filter_like_any_facet() {
    let s = selection();
    let f = Filters::default().toggled(Facet::Person, "putin");
    let hits = s.passages(&f);
    assert!(!hits.is_empty(), "Putin is mentioned");
    let (c, _, facts) = data();
    let putin = c.annotations.entity("putin").expect("putin").0;
    for &p in &hits {
        assert!(facts.passages[p as usize].entities.contains(&putin));
    }
    // A person id in the organisation facet matches nothing.
    assert!(s
        .passages(&Filters::default().toggled(Facet::Org, "putin"))
        .is_empty());
    let counts = s.counts(&f);
    assert!(counts
        .entities
        .iter()
        .any(|(e, n)| *e == putin && *n == hits.len()));
}

#[test]
fn mention_ranges_give_the_reader_each_block_s_place_spans() {
    let (c, _, _) = data();
    let d = c
        .documents
        .iter()
        .position(|d| d.id == "002_e63e79a699b4910e")
        .expect("Lukin paper") as u32;
    let ranges = c.places.mention_ranges(d, &["vladivostok".to_string()]);
    assert!(!ranges.is_empty());
    for (n, spans) in &ranges {
        let text = &c.documents[d as usize].blocks[*n as usize].text;
        for &(a, b) in spans {
            assert_eq!(&text[a..b], "Vladivostok", "block {n}");
        }
    }
    assert!(c.places.mention_ranges(d, &[]).is_empty());
    assert!(c
        .places
        .mention_ranges(d, &["nowhere".to_string()])
        .is_empty());
}

/// Every count is, by definition, how many passages the filters leave when
/// that facet is set to that value alone (issue 8 rewrote `counts` as one
/// pass over index tables; this pins it to the definition), and every
/// value a passing passage has is listed.
#[test]
fn each_count_is_what_choosing_that_value_alone_leaves() {
    let s = selection();
    let (c, _, facts) = data();
    let base = [
        Filters::default(),
        Filters::default().toggled(Facet::Place, "vladivostok"),
        Filters::default()
            .toggled(Facet::Topic, "energy")
            .toggled(Facet::Lang, "en"),
        Filters {
            q: "gas OR China".into(),
            mentioned: Some((2000, 2015)),
            ..Filters::default()
        }
        .toggled(Facet::Doc, &c.documents[0].id),
    ];
    for f in base {
        let counts = s.counts(&f);
        let only = |facet: Facet, v: &str| {
            let mut g = f.clone();
            let values = match facet {
                Facet::Doc => &mut g.docs,
                Facet::Author => &mut g.authors,
                Facet::Topic => &mut g.topics,
                Facet::Place => &mut g.places,
                Facet::Person => &mut g.people,
                Facet::Org => &mut g.orgs,
                Facet::Lang => &mut g.langs,
            };
            *values = vec![v.to_string()];
            s.passages(&g).len()
        };
        assert_eq!(counts.total, s.passages(&f).len());
        for &(d, n) in &counts.docs {
            assert_eq!(n, only(Facet::Doc, &c.documents[d as usize].id), "{f:?}");
        }
        for (a, n) in &counts.authors {
            assert_eq!(*n, only(Facet::Author, a), "{f:?} {a}");
        }
        for &(y, n) in &counts.years {
            let g = Filters {
                years: vec![y],
                ..f.clone()
            };
            assert_eq!(n, s.passages(&g).len(), "{f:?} {y}");
        }
        for &(t, n) in &counts.topics {
            let id = &c.annotations.topics[t as usize].id;
            assert_eq!(n, only(Facet::Topic, id), "{f:?} {id}");
        }
        for &(x, n) in &counts.places {
            let id = &c.places.places[x as usize].id;
            assert_eq!(n, only(Facet::Place, id), "{f:?} {id}");
        }
        for &(e, n) in &counts.entities {
            let e = &c.annotations.entities[e as usize];
            let facet = match e.kind {
                atlas_core::model::EntityKind::Person => Facet::Person,
                _ => Facet::Org,
            };
            assert_eq!(n, only(facet, &e.id), "{f:?} {}", e.id);
        }
        for (l, n) in &counts.langs {
            assert_eq!(*n, only(Facet::Lang, l), "{f:?} {l}");
        }
        for &(y, n) in &counts.mentioned {
            let g = Filters {
                mentioned: Some((y, y)),
                ..f.clone()
            };
            assert_eq!(n, s.passages(&g).len(), "{f:?} mentioned {y}");
        }
        // Nothing a passing passage has is missing from the lists.
        for p in s.passages(&f) {
            let p = &facts.passages[p as usize];
            assert!(counts.docs.iter().any(|&(d, _)| d == p.doc));
            assert!(p
                .topics
                .iter()
                .all(|t| counts.topics.iter().any(|x| x.0 == *t)));
            assert!(p
                .places
                .iter()
                .all(|t| counts.places.iter().any(|x| x.0 == *t)));
            assert!(p
                .entities
                .iter()
                .all(|t| counts.entities.iter().any(|x| x.0 == *t)));
            assert!(p
                .years
                .iter()
                .all(|t| counts.mentioned.iter().any(|x| x.0 == *t)));
        }
    }
}
