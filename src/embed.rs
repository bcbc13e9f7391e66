//! Embed mode: how the page knows it is framed by another site (`?embed=1`,
//! read from the query string so it survives every fragment change), and
//! the iframe snippet the Embed dialog offers. The message protocol itself
//! lives in `public/embed.js` and only changes the URL fragment, so embedded
//! and full pages share one URL model.

/// `true` when the query string asks for embed mode.
pub fn embed_requested(search: &str) -> bool {
    search
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair == "embed=1")
}

/// The page URL without query and fragment (`https://host/atlas/`).
pub fn base_url(href: &str) -> &str {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    &href[..end]
}

/// The `<iframe>` snippet that embeds view `hash` of the explorer at `base`.
pub fn iframe_snippet(base: &str, hash: &str) -> String {
    let src = format!("{base}?embed=1{hash}")
        .replace('&', "&amp;")
        .replace('"', "&quot;");
    format!(
        "<iframe src=\"{src}\" title=\"Far East Atlas\" loading=\"lazy\" \
         style=\"width:100%;height:640px;border:0\" \
         allow=\"clipboard-write\"></iframe>"
    )
}

/// `true` when this page runs in embed mode.
pub fn is_embed() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|s| embed_requested(&s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_flag_and_urls() {
        assert!(embed_requested("?embed=1"));
        assert!(embed_requested("?theme=dark&embed=1"));
        assert!(!embed_requested("?embed=0"));
        assert!(!embed_requested("?embedx=1"));
        assert_eq!(
            base_url("https://x.org/atlas/?embed=1#/doc/a"),
            "https://x.org/atlas/"
        );
        assert_eq!(
            base_url("http://127.0.0.1:8080/index.html#/"),
            "http://127.0.0.1:8080/index.html"
        );
    }

    #[test]
    fn snippet_escapes_the_url() {
        let s = iframe_snippet("https://x.org/a/", "#/search?q=gas&view=flat");
        assert!(
            s.starts_with("<iframe src=\"https://x.org/a/?embed=1#/search?q=gas&amp;view=flat\""),
            "{s}"
        );
        assert!(s.contains("title=\"Far East Atlas\""));
    }
}
