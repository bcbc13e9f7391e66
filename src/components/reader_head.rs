//! The reader's metadata header: who wrote it, where and when it appeared,
//! how to cite and find it, and its abstract and keywords — everything the
//! cleaner moved out of the body as metadata.

use super::doc_meta::{authors_line, language_name, LanguageBadges};
use atlas_core::model::Document;
use leptos::prelude::*;

/// Title block and metadata of a document.
#[component]
pub fn ReaderHead(doc: &'static Document) -> impl IntoView {
    let meta = &doc.meta;
    let year = meta
        .year
        .map(|y| y.to_string())
        .unwrap_or_else(|| "n.d.".to_string());
    let doi = meta.doi.as_ref().map(|doi| {
        view! { <li>"DOI " <a href=format!("https://doi.org/{doi}") rel="noopener noreferrer" target="_blank">{doi.clone()}</a></li> }
    });
    let url = meta.url.as_ref().filter(|u| u.starts_with("http") && meta.doi.as_ref().is_none_or(|d| !u.contains(d.as_str()))).map(|url| {
        view! { <li><a href=url.clone() rel="noopener noreferrer" target="_blank">"Source online"</a></li> }
    });
    let dates: Vec<String> = [
        ("Received", &meta.received),
        ("Revised", &meta.revised),
        ("Accepted", &meta.accepted),
    ]
    .into_iter()
    .filter_map(|(label, value)| value.as_ref().map(|v| format!("{label} {v}")))
    .collect();
    // Long author notes (ORCID, e-mail, posts) are folded after the first few.
    let affiliation_list = |items: &'static [String]| {
        view! { <ul class="affiliations" aria-label="Affiliations">{items.iter().map(|a| view! { <li>{a.clone()}</li> }).collect_view()}</ul> }
    };
    let affiliations = match meta.affiliations.len() {
        0 => None,
        1..=3 => Some(affiliation_list(&meta.affiliations).into_any()),
        n => Some(
            view! {
                <details class="affiliations-more">
                    <summary>{format!("Affiliations and author notes ({n})")}</summary>
                    {affiliation_list(&meta.affiliations)}
                </details>
            }
            .into_any(),
        ),
    };
    view! {
        <header class="reader-head">
            <p class="crumbs"><a href="#/">"← Library"</a></p>
            <h1 data-testid="reader-title">{meta.title.clone()}</h1>
            {meta.other_titles.iter().map(|t| view! { <p class="other-title" class:other-lang=t.lang != "en" lang=t.lang.clone()>{t.text.clone()}</p> }).collect_view()}
            <p class="doc-meta">
                <span class="authors" data-testid="reader-authors">{authors_line(&meta.authors)}</span>
                " · " <span>{year}</span>
                {meta.venue.as_ref().map(|v| view! { " · " <cite class="venue">{v.clone()}</cite> })}
                {meta.doc_type.as_ref().map(|t| view! { " · " <span class="doc-type">{t.clone()}</span> })}
                <super::doc_meta::LocalBadge meta />
            </p>
            {affiliations}
            <ul class="reader-links">
                {doi}
                {url}
                {(!dates.is_empty()).then(|| view! { <li class="dates">{dates.join(" · ")}</li> })}
                <li><LanguageBadges languages=&meta.languages /></li>
            </ul>
            <Abstracts doc />
        </header>
    }
}

/// Abstracts and keyword lists, each in its own language; non-English ones
/// folded so an English reader is not slowed down.
#[component]
fn Abstracts(doc: &'static Document) -> impl IntoView {
    let meta = &doc.meta;
    let keywords_for = |lang: &str| {
        meta.keywords
            .iter()
            .find(|k| k.lang == lang)
            .map(|k| k.terms.clone())
            .unwrap_or_default()
    };
    let mut langs: Vec<&str> = meta
        .abstracts
        .iter()
        .map(|a| a.lang.as_str())
        .chain(meta.keywords.iter().map(|k| k.lang.as_str()))
        .collect();
    langs.dedup();
    let mut seen = Vec::new();
    langs.retain(|l| {
        if seen.contains(l) {
            false
        } else {
            seen.push(*l);
            true
        }
    });
    langs
        .into_iter()
        .map(|lang| {
            let text = meta.abstracts.iter().find(|a| a.lang == lang).map(|a| a.text.clone());
            let terms = keywords_for(lang);
            let label = if lang == "en" { "Abstract".to_string() } else { format!("Abstract in {}", language_name(lang)) };
            let body = view! {
                {text.map(|t| view! { <p>{t}</p> })}
                {(!terms.is_empty()).then(|| view! {
                    <ul class="keywords" aria-label="Keywords">{terms.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                })}
            };
            view! {
                <details class="abstract" class:other-lang=lang != "en" lang=lang.to_string() open=lang == "en" data-testid="abstract">
                    <summary>{label}</summary>
                    {body}
                </details>
            }
        })
        .collect_view()
}
