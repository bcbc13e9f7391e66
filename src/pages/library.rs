//! The library: every document with its metadata and size, the way into the
//! reader.

use crate::components::doc_meta::{DocMeta, LanguageBadges};
use crate::components::show_more::{grow, ShowMore};
use atlas_core::model::Document;
use leptos::prelude::*;

/// Lists all documents of the embedded corpus.
#[component]
pub fn Library() -> impl IntoView {
    crate::components::set_title("Library");
    let corpus = match crate::corpus::corpus() {
        Ok(c) => c,
        Err(e) => return view! { <CorpusError message=e.to_string() /> }.into_any(),
    };
    let words: u32 = corpus.documents.iter().map(|d| d.stats.words).sum();
    // A collection of hundreds of papers would cost seconds of layout at
    // start-up: cards are rendered a page at a time.
    let total = corpus.documents.len();
    let shown = RwSignal::new(CARDS_SHOWN);
    view! {
        <section class="library" aria-labelledby="library-title">
            <h1 id="library-title">"Library"</h1>
            <p class="lede">
                "Policy papers on Russia’s Far East, Northeast Asia and China–Russia cooperation: "
                <span data-testid="library-count">{corpus.documents.len()}</span>
                " documents, "
                {format_thousands(words)}
                " words. Choose one to read it."
            </p>
            <p class="library-local">
                {move || {
                    let n = crate::local::state().entries.get().len();
                    if n == 0 {
                        "Have papers of your own? ".to_string()
                    } else {
                        format!("{n} of them {} yours, kept in this browser. ", if n == 1 { "is" } else { "are" })
                    }
                }}
                <a href="#/local" data-testid="nav-local">"Your documents"</a>
            </p>
            <ol class="doc-list" data-testid="doc-list">
                {move || corpus.documents.iter().take(shown.get()).map(|d| view! { <DocCard doc=d /> }).collect_view()}
            </ol>
            <ShowMore shown total step=CARDS_SHOWN on_more=grow(shown, CARDS_SHOWN) />
        </section>
    }
    .into_any()
}

/// Document cards rendered at first, and added per "Show more".
const CARDS_SHOWN: usize = 50;

/// Topics shown per card: the document's largest shares.
const PROFILE_SHOWN: usize = 3;
/// Characteristic terms shown per card.
const TERMS_SHOWN: usize = 8;

/// One document in the list.
#[component]
fn DocCard(doc: &'static Document) -> impl IntoView {
    let annotations = crate::corpus::corpus()
        .ok()
        .map(|c| (&c.annotations, c.annotations.document(&doc.id)));
    let profile = annotations.and_then(|(all, mine)| {
        let shares: Vec<_> = mine?
            .profile
            .iter()
            .take(PROFILE_SHOWN)
            .filter_map(|s| {
                let topic = all.topics.get(s.topic as usize)?;
                let href = crate::route::Route::Search {
                    filters: crate::route::Filters {
                        docs: vec![doc.id.clone()],
                        topics: vec![topic.id.clone()],
                        ..Default::default()
                    },
                    flat: true,
                }
                .to_hash();
                Some(view! { <li><a href=href>{topic.label.clone()}</a> <span class="muted">{format!("{:.0}%", s.share * 100.0)}</span></li> })
            })
            .collect();
        (!shares.is_empty()).then(|| view! {
            <div class="doc-profile" data-testid="doc-profile"><span class="muted">"Topics: "</span><ul class="inline-list">{shares}</ul></div>
        })
    });
    let terms = annotations.and_then(|(_, mine)| {
        let phrases: Vec<String> = mine?.key_phrases.iter().take(TERMS_SHOWN).map(|k| k.text.clone()).collect();
        (!phrases.is_empty()).then(|| view! {
            <p class="doc-terms" data-testid="doc-terms"><span class="muted">"Characteristic terms: "</span>{phrases.join(" · ")}</p>
        })
    });
    let href = crate::route::reader(&doc.id, None).to_hash();
    let doc_type = doc.meta.doc_type.clone().unwrap_or_default();
    view! {
        <li class="doc-card" data-testid="doc-card" data-doc-id=doc.id.clone()>
            <h2 class="doc-title">
                <a href=href data-testid="doc-link">{doc.meta.title.clone()}</a>
            </h2>
            <DocMeta meta=&doc.meta />
            <div class="doc-facts">
                <span class="doc-type">{doc_type}</span>
                <span data-testid="doc-words">{format_thousands(doc.stats.words)} " words"</span>
                <span data-testid="doc-paragraphs">{doc.stats.paragraphs} " paragraphs"</span>
                <LanguageBadges languages=&doc.meta.languages />
            </div>
            {profile}
            {terms}
        </li>
    }
}

/// Shown if the embedded bytes cannot be decoded (a build mismatch).
#[component]
pub fn CorpusError(message: String) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert">
            <h1>"The corpus could not be loaded"</h1>
            <p>{message}</p>
            <p>"Reloading the page may help; if not, the site needs to be rebuilt."</p>
        </div>
    }
}

/// `12345` → `12,345`.
pub fn format_thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands() {
        assert_eq!(super::format_thousands(0), "0");
        assert_eq!(super::format_thousands(999), "999");
        assert_eq!(super::format_thousands(11240), "11,240");
        assert_eq!(super::format_thousands(1234567), "1,234,567");
    }
}
