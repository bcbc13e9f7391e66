//! The views' data (`filter/view.rs`) on made-up papers built through the
//! whole pipeline: each view counts what a reader would count by hand, and
//! a facet-like count ignores its own filter.

use atlas_core::filter::{view, Facts, Filters, Selection};
use atlas_core::search::SearchOptions;
use atlas_core::source::seed_from_text;
use atlas_core::{Corpus, SearchIndex};
use std::collections::BTreeMap;

struct Built {
    corpus: Corpus,
    index: SearchIndex,
    facts: Facts,
}

fn built() -> Built {
    let texts = [
        (
            "a.md",
            "# Pipelines and ports\n\nThe gas pipeline from Yakutia reached Vladivostok in 2019.\n\nA new port opened in Vladivostok in 2021, handling 12 million tonnes.\n\nTourism grew slowly.\n",
        ),
        (
            "b.md",
            "# Border trade\n\nHarbin merchants traded oil and natural gas through a new gas pipeline across the border in 2019.\n\nTrade through Harbin doubled, to 40 percent of the region's exports.\n",
        ),
    ];
    let sources = texts
        .iter()
        .map(|(file, text)| seed_from_text(file, text).unwrap())
        .collect();
    let corpus = atlas_core::build_corpus_from_sources(sources, &BTreeMap::new()).unwrap();
    let index = SearchIndex::build(&corpus).unwrap();
    let facts = Facts::build(&corpus, &index);
    Built {
        corpus,
        index,
        facts,
    }
}

fn filters(query: &str) -> Filters {
    Filters::from_query(query)
}

fn doc(b: &Built, id: &str) -> u32 {
    b.corpus.documents.iter().position(|d| d.id == id).unwrap() as u32
}

#[test]
fn results_rank_a_query_and_list_a_filter_in_reading_order() {
    let b = built();
    let sel = Selection::new(&b.corpus, &b.index, &b.facts);
    let options = SearchOptions::default();
    let ranked = view::results(&sel, &filters("q=Vladivostok"), &options);
    assert_eq!(ranked.total, 2, "{ranked:?}");
    assert!(ranked.hits.iter().all(|h| h.doc == "a"));
    let listed = view::results(&sel, &filters("place=vladivostok"), &options);
    let order: Vec<String> = listed.hits.iter().map(|h| h.block.to_string()).collect();
    assert_eq!(order, ["a:1", "a:2"], "reading order");
    let both = view::results(&sel, &filters("q=2019&place=harbin"), &options);
    assert_eq!(both.total, 1, "{both:?}");
    assert_eq!(both.hits[0].block.to_string(), "b:1");
}

#[test]
fn the_topic_grid_ignores_the_topic_filter_but_not_the_others() {
    let b = built();
    let sel = Selection::new(&b.corpus, &b.index, &b.facts);
    let (energy, _) = b.corpus.annotations.topic("energy").unwrap();
    let energy = energy as u16;
    let all = view::topic_grid(&sel, &Filters::default());
    let (a, bd) = (doc(&b, "a"), doc(&b, "b"));
    assert!(
        all.cells.get(&(a, energy)).copied().unwrap_or(0) >= 1,
        "{all:?}"
    );
    assert!(
        all.cells.get(&(bd, energy)).copied().unwrap_or(0) >= 1,
        "{all:?}"
    );
    // Choosing the topic itself changes no count of the grid.
    assert_eq!(view::topic_grid(&sel, &filters("topic=energy")), all);
    // Another facet does.
    let only_b = view::topic_grid(&sel, &filters("doc=b"));
    assert_eq!(only_b.cells.get(&(a, energy)), None, "{only_b:?}");
    let per_topic: usize = only_b.per_topic.iter().sum();
    let per_cell: usize = only_b.cells.values().sum();
    assert_eq!(per_topic, per_cell);
}

#[test]
fn the_year_histogram_ignores_its_own_range() {
    let b = built();
    let sel = Selection::new(&b.corpus, &b.index, &b.facts);
    let all = view::year_histogram(&sel, &Filters::default());
    let (a, bd) = (doc(&b, "a"), doc(&b, "b"));
    assert_eq!(
        all.get(&2019),
        Some(&BTreeMap::from([(a, 1), (bd, 1)])),
        "{all:?}"
    );
    assert_eq!(all.get(&2021), Some(&BTreeMap::from([(a, 1)])));
    assert_eq!(
        view::year_histogram(&sel, &filters("mentioned=2021-2021")),
        all
    );
    let harbin = view::year_histogram(&sel, &filters("place=harbin"));
    assert_eq!(
        harbin.get(&2019),
        Some(&BTreeMap::from([(bd, 1)])),
        "{harbin:?}"
    );
    assert_eq!(harbin.get(&2021), None);
}

#[test]
fn figure_rows_follow_the_filters() {
    let b = built();
    let sel = Selection::new(&b.corpus, &b.index, &b.facts);
    let units = |f: &Filters| -> Vec<String> {
        view::figure_rows(&sel, f)
            .iter()
            .map(|r| {
                let ann = &b.corpus.annotations.documents[r.doc as usize];
                ann.figures[r.figure as usize].unit.clone()
            })
            .collect()
    };
    let all = units(&Filters::default());
    assert!(
        all.contains(&"tonnes".to_string()) && all.contains(&"%".to_string()),
        "{all:?}"
    );
    assert_eq!(units(&filters("place=harbin")), ["%"]);
    assert!(units(&filters("q=tourism")).is_empty());
}

#[test]
fn map_places_count_mentions_without_the_place_filter() {
    let b = built();
    let sel = Selection::new(&b.corpus, &b.index, &b.facts);
    let named = |f: &Filters| -> Vec<(String, u32)> {
        view::map_places(&sel, f)
            .iter()
            .map(|p| (b.corpus.places.places[p.place as usize].id.clone(), p.total))
            .collect()
    };
    let all = named(&Filters::default());
    assert!(all.contains(&("vladivostok".to_string(), 2)), "{all:?}");
    assert!(all.contains(&("harbin".to_string(), 2)), "{all:?}");
    // Choosing a place keeps the others on the map.
    assert_eq!(named(&filters("place=harbin")), all);
    // Another filter narrows them.
    let b_only = named(&filters("doc=b"));
    assert!(
        b_only.iter().all(|(id, _)| id != "vladivostok"),
        "{b_only:?}"
    );
    assert!(view::map_places(&sel, &Filters::default())
        .iter()
        .all(|p| p.confident));
}

#[test]
fn place_passages_mark_the_chosen_place_without_a_query() {
    let b = built();
    let sel = Selection::new(&b.corpus, &b.index, &b.facts);
    let (total, hits) = view::place_passages(&sel, &filters("place=vladivostok"), 1);
    assert_eq!(total, 2);
    assert_eq!(hits.len(), 1, "limited");
    let h = &hits[0];
    let marked: Vec<&str> = h.spans.iter().map(|[s, e]| &h.snippet[*s..*e]).collect();
    assert_eq!(marked, ["Vladivostok"], "{h:?}");
    let (total, hits) = view::place_passages(&sel, &filters("place=vladivostok&q=port"), 5);
    assert_eq!((total, hits.len()), (1, 1));
    let marked: Vec<&str> = hits[0]
        .spans
        .iter()
        .map(|[s, e]| &hits[0].snippet[*s..*e])
        .collect();
    assert_eq!(marked, ["port"]);
}
