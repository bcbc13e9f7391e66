//! Figures: the amounts and percentages the papers state (`$80bn in 2017`,
//! `RUB 300bn`, `2%`), with unit, year when stated and the sentence, under
//! the current filters. Sortable by any column; each row opens the reader
//! at its paragraph.

use crate::components::facets::short_doc_label;
use crate::components::filter_chips::FilterChips;
use crate::components::show_more::{grow, ShowMore};
use crate::route::{Filters, Route};
use atlas_core::filter::view;
use leptos::prelude::*;

/// One figure, ready to show and sort.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    doc: String,
    doc_label: String,
    block: Option<u32>,
    surface: String,
    value: f64,
    unit: String,
    year: Option<i32>,
    sentence: String,
}

/// Columns the table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sort {
    Document,
    Value,
    Unit,
    Year,
}

/// Rows rendered at first, and added per "Show more".
const ROWS_SHOWN: usize = 200;

/// The figures page for `filters`.
#[component]
pub fn Figures(filters: Filters) -> impl IntoView {
    crate::components::set_title("Figures");
    let Ok(selection) = crate::corpus::selection() else {
        return view! { <p role="alert">"The corpus could not be loaded."</p> }.into_any();
    };
    let corpus = selection.corpus;
    let route = Route::Figures {
        filters: filters.clone(),
    };
    let rows: Vec<Row> = view::figure_rows(&selection, &filters)
        .into_iter()
        .filter_map(|r| {
            let doc = corpus.documents.get(r.doc as usize)?;
            let f = corpus
                .annotations
                .documents
                .get(r.doc as usize)?
                .figures
                .get(r.figure as usize)?;
            Some(Row {
                doc: doc.id.clone(),
                doc_label: short_doc_label(doc),
                block: view::block_of(f.passage),
                surface: f.text(doc).unwrap_or_default().to_string(),
                value: f.value,
                unit: f.unit.clone(),
                year: f.year,
                sentence: f.sentence_text(doc).unwrap_or_default().to_string(),
            })
        })
        .collect();
    let count = rows.len();
    let (sort, set_sort) = signal((Sort::Document, true));
    // A large corpus states tens of thousands of figures: rows are rendered
    // a page at a time, in the chosen order.
    let shown = RwSignal::new(ROWS_SHOWN);
    let sorted = move || {
        let (by, ascending) = sort.get();
        let mut rows = rows.clone();
        rows.sort_by(|a, b| {
            let o = match by {
                Sort::Document => a.doc.cmp(&b.doc),
                Sort::Value => a.value.total_cmp(&b.value),
                Sort::Unit => a.unit.cmp(&b.unit).then(a.value.total_cmp(&b.value)),
                Sort::Year => a.year.cmp(&b.year),
            };
            if ascending {
                o
            } else {
                o.reverse()
            }
        });
        rows
    };
    let header = move |label: &'static str, by: Sort| {
        let aria = move || {
            let (s, asc) = sort.get();
            if s != by {
                "none"
            } else if asc {
                "ascending"
            } else {
                "descending"
            }
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="sort" data-testid=format!("sort-{}", label.to_lowercase())
                    on:click=move |_| set_sort.update(|(s, asc)| { if *s == by { *asc = !*asc } else { *s = by; *asc = true } })>
                    {label}
                </button>
            </th>
        }
    };
    let body = move || {
        sorted()
            .into_iter()
            .take(shown.get())
            .map(|r| {
                let href = Route::Reader {
                    id: r.doc.clone(),
                    block: r.block,
                    note: None,
                    q: String::new(),
                    places: Vec::new(),
                }
                .to_hash();
                let unit = r.unit.clone();
                view! {
                    <tr data-testid="figure-row" data-value=r.value data-unit=unit>
                        <td><a href=href>{r.doc_label}</a></td>
                        <td class="num"><strong>{r.surface}</strong></td>
                        <td>{r.unit}</td>
                        <td class="num">{r.year.map(|y| y.to_string()).unwrap_or_default()}</td>
                        <td class="sentence">{r.sentence}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="figures-view" aria-labelledby="figures-title">
            <h1 id="figures-title">"Figures"</h1>
            <p class="lede" data-testid="figures-count">
                {format!("{count} amounts and percentages stated in the passages under the current filters. Choose a column heading to sort.")}
            </p>
            <FilterChips route=route.clone() />
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="figures-caption">
                <table class="place-table figures-table" data-testid="figures-table">
                    <caption id="figures-caption">"Figures, with the sentence that states each"</caption>
                    <thead>
                        <tr>
                            {header("Document", Sort::Document)}
                            <th scope="col">"As written"</th>
                            {header("Unit", Sort::Unit)}
                            {header("Year", Sort::Year)}
                            <th scope="col">"Sentence"</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <ShowMore shown total=count step=ROWS_SHOWN on_more=grow(shown, ROWS_SHOWN) />
            <p><button type="button" class="sort" on:click=move |_| set_sort.set((Sort::Value, false)) data-testid="sort-value">"Largest values first"</button></p>
        </section>
    }
    .into_any()
}
