//! The places as a table: the same data as the map, for readers who do not
//! use a pointer or a screen, and for anyone who wants exact numbers. Each
//! name toggles the place filter, like a click on its marker.

use super::map_canvas::Marker;
use leptos::prelude::*;

/// Place × document mention counts under the current filters.
#[component]
pub fn PlaceTable(
    markers: Vec<Marker>,
    docs: Vec<String>,
    countries: Vec<Option<String>>,
) -> impl IntoView {
    let mut rows: Vec<(Marker, Option<String>)> = markers.into_iter().zip(countries).collect();
    rows.sort_by(|a, b| b.0.total.cmp(&a.0.total).then(a.0.name.cmp(&b.0.name)));
    let head = docs.clone();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="places-caption">
            <table class="place-table" data-testid="place-table">
                <caption id="places-caption">"Places mentioned, with mentions per document under the current filters"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Place"</th>
                        <th scope="col">"Kind"</th>
                        <th scope="col">"Country"</th>
                        {head.into_iter().map(|d| view! { <th scope="col" class="num">{d}</th> }).collect_view()}
                        <th scope="col" class="num">"Total"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|(m, country)| {
                            let cells = docs
                                .iter()
                                .map(|d| {
                                    let n = m.docs.iter().find(|(label, _)| label == d).map_or(0, |x| x.1);
                                    view! { <td class="num">{if n == 0 { String::new() } else { n.to_string() }}</td> }
                                })
                                .collect_view();
                            view! {
                                <tr data-testid="place-row" data-place-id=m.id.clone() data-mentions=m.total class:active=m.active>
                                    <th scope="row">
                                        <a href=m.href.clone() aria-current=m.active.then_some("true")>{m.name.clone()}</a>
                                    </th>
                                    <td>{m.kind}</td>
                                    <td>{country.unwrap_or_else(|| "—".to_string())}</td>
                                    {cells}
                                    <td class="num"><strong>{m.total}</strong></td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
