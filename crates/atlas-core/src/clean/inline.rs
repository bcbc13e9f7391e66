//! Inline markup to plain text.
//!
//! Two seeds (`001_…`, `004_…`) came through a Markdown converter: `**bold**`,
//! `*italic*`, `<sup>n</sup>`, `\$`, `<https://…>` autolinks and
//! `[text](url)` links. The app shows text as text (never as HTML), so the
//! markup must go; note markers are removed from the running text here.

/// Removes Markdown/HTML inline markup, keeping the words.
pub fn strip_inline_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("<sup>") {
            // A note marker: drop the number.
            rest = after
                .find("</sup>")
                .map_or(after, |end| &after[end + "</sup>".len()..]);
        } else if let Some(after) = rest.strip_prefix('<').filter(|a| a.starts_with("http")) {
            let end = after.find('>').unwrap_or(after.len());
            out.push_str(&after[..end]);
            rest = after.get(end + 1..).unwrap_or("");
        } else if c == '\\' && rest[1..].starts_with(|n: char| n.is_ascii_punctuation()) {
            let next = rest[1..].chars().next().unwrap_or('\\');
            out.push(next);
            rest = &rest[1 + next.len_utf8()..];
        } else if c == '*' {
            rest = &rest[1..];
        } else if let Some((label, after)) = markdown_link(rest) {
            out.push_str(&strip_inline_markup(label));
            rest = after;
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `[label](url)` at the start of `text`: returns the label and what follows.
fn markdown_link(text: &str) -> Option<(&str, &str)> {
    let inner = text.strip_prefix('[')?;
    let close = inner.find("](")?;
    let after = &inner[close + 2..];
    let end = after.find(')')?;
    Some((&inner[..close], &after[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::strip_inline_markup as s;

    #[test]
    fn strips_the_markup_the_seeds_use() {
        assert_eq!(s("**Abstract.** The object"), "Abstract. The object");
        assert_eq!(s("*Vedomosti*, September 4"), "Vedomosti, September 4");
        assert_eq!(
            s("amounted to \\$2.1bn.<sup>4</sup> The"),
            "amounted to $2.1bn. The"
        );
        assert_eq!(
            s("available on  \n<http://valdaiclub.com/a/valdai-papers/>"),
            "available on http://valdaiclub.com/a/valdai-papers/"
        );
        assert_eq!(
            s("[https://doi.org/x\\_2](https://doi.org/x_2)"),
            "https://doi.org/x_2"
        );
        assert_eq!(s("a < b and c > d"), "a < b and c > d");
    }
}
