//! The library: every document with its metadata and size, the way into the
//! reader.

use crate::components::doc_meta::{DocMeta, LanguageBadges};
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
            <ol class="doc-list" data-testid="doc-list">
                {corpus.documents.iter().map(|d| view! { <DocCard doc=d /> }).collect_view()}
            </ol>
        </section>
    }
    .into_any()
}

/// One document in the list.
#[component]
fn DocCard(doc: &'static Document) -> impl IntoView {
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
