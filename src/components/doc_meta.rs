//! A document's bibliographic line: authors, year, venue, type, languages.

use atlas_core::model::Meta;
use leptos::prelude::*;

/// Authors joined for display ("A, B and C").
pub fn authors_line(authors: &[String]) -> String {
    match authors {
        [] => "Unknown author".to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// English name of an ISO 639-1 code, for badges and accessible labels.
pub fn language_name(code: &str) -> &str {
    match code {
        "en" => "English",
        "ru" => "Russian",
        "zh" => "Chinese",
        "es" => "Spanish",
        "ja" => "Japanese",
        "ko" => "Korean",
        "fr" => "French",
        "de" => "German",
        other => other,
    }
}

/// Authors, year and venue as one line of text elements.
#[component]
pub fn DocMeta(meta: &'static Meta) -> impl IntoView {
    let year = meta
        .year
        .map(|y| y.to_string())
        .unwrap_or_else(|| "n.d.".to_string());
    view! {
        <p class="doc-meta">
            <span class="authors" data-testid="doc-authors">{authors_line(&meta.authors)}</span>
            " · "
            <span class="year" data-testid="doc-year">{year}</span>
            {meta.venue.as_ref().map(|v| view! { " · " <span class="venue">{v.clone()}</span> })}
            <LocalBadge meta />
        </p>
    }
}

/// " · Local" for a reader's own document (a link to where it is managed);
/// nothing for the seeds.
#[component]
pub fn LocalBadge(meta: &'static Meta) -> impl IntoView {
    meta.local.then(|| {
        view! {
            " · "
            <a class="badge local-badge" href="#/local" title="Added by you; kept in this browser only" data-testid="local-badge">"Local"</a>
        }
    })
}

/// Small language badges ("EN", "ZH") with full names for screen readers.
#[component]
pub fn LanguageBadges(languages: &'static [String]) -> impl IntoView {
    view! {
        <ul class="badges" aria-label="Languages">
            {languages
                .iter()
                .map(|l| {
                    view! {
                        <li class="badge" title=language_name(l)>
                            <abbr title=language_name(l)>{l.to_uppercase()}</abbr>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
