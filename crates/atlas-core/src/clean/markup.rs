//! Inline markup to plain text plus spans.
//!
//! Two seeds (`001_…`, `004_…`) came through a Markdown converter: `**bold**`,
//! `*italic*`, `<sup>n</sup>` note markers, `\$`, `<https://…>` autolinks and
//! `[text](url)` links; `003_…` has bare `http://` addresses in its notes.
//! The app shows text as text (never as HTML), so the syntax goes and what it
//! meant survives as [`Span`]s: byte ranges into the plain text.

use crate::model::{Span, SpanKind};

/// Removes Markdown/HTML inline markup, keeping the words.
pub fn strip_inline_markup(text: &str) -> String {
    render(text).0
}

/// Plain text and spans (emphasis, strong, links, note references) of `text`.
pub fn render(text: &str) -> (String, Vec<Span>) {
    let mut r = Renderer::default();
    r.run(text);
    r.finish()
}

#[derive(Default)]
struct Renderer {
    out: String,
    spans: Vec<Span>,
    strong: Option<usize>,
    emphasis: Option<usize>,
}

impl Renderer {
    fn run(&mut self, text: &str) {
        let mut rest = text;
        let mut prev: char = ' ';
        while let Some(c) = rest.chars().next() {
            if let Some((n, after)) = sup(rest) {
                match n.trim().parse::<u32>() {
                    Ok(n) => self.mark(SpanKind::NoteRef { n }),
                    Err(_) => self.run(n),
                }
                rest = after;
                prev = '>';
                continue;
            }
            if let Some((url, after)) = autolink(rest) {
                self.link(url, url);
                rest = after;
                prev = '>';
                continue;
            }
            if let Some((label, url, after)) = markdown_link(rest) {
                let start = self.out.len();
                self.run(label);
                self.close_link(start, url);
                rest = after;
                prev = ')';
                continue;
            }
            if !prev.is_alphanumeric() {
                if let Some((url, after)) = bare_url(rest) {
                    self.link(url, url);
                    rest = after;
                    prev = 'x';
                    continue;
                }
            }
            if c == '\\' {
                if let Some(next) = rest[1..].chars().next().filter(char::is_ascii_punctuation) {
                    self.push(next);
                    rest = &rest[1 + next.len_utf8()..];
                    prev = next;
                    continue;
                }
            }
            if let Some(after) = rest.strip_prefix("**") {
                self.toggle(true);
                rest = after;
                continue;
            }
            if c == '*' {
                let next = rest[1..].chars().next().unwrap_or(' ');
                if !(prev.is_whitespace() && next.is_whitespace()) {
                    self.toggle(false);
                    rest = &rest[1..];
                    continue;
                }
            }
            self.push(c);
            prev = c;
            rest = &rest[c.len_utf8()..];
        }
    }

    fn push(&mut self, c: char) {
        if c.is_whitespace() {
            if !self.out.is_empty() && !self.out.ends_with(' ') {
                self.out.push(' ');
            }
        } else {
            self.out.push(c);
        }
    }

    fn mark(&mut self, kind: SpanKind) {
        let at = self.out.trim_end().len() as u32;
        self.spans.push(Span {
            start: at,
            end: at,
            kind,
        });
    }

    fn link(&mut self, text: &str, url: &str) {
        let start = self.out.len();
        let mut escaped = false;
        for c in text.chars() {
            if c == '\\' && !escaped {
                escaped = true;
                continue;
            }
            escaped = false;
            self.push(c);
        }
        self.close_link(start, url);
    }

    fn close_link(&mut self, start: usize, url: &str) {
        let end = self.out.len();
        if end > start {
            self.spans.push(Span {
                start: start as u32,
                end: end as u32,
                kind: SpanKind::Link {
                    url: url.replace("\\_", "_"),
                },
            });
        }
    }

    fn toggle(&mut self, strong: bool) {
        let slot = if strong {
            &mut self.strong
        } else {
            &mut self.emphasis
        };
        match slot.take() {
            None => *slot = Some(self.out.len()),
            Some(start) => {
                let end = self.out.trim_end().len();
                if end > start {
                    self.spans.push(Span {
                        start: start as u32,
                        end: end as u32,
                        kind: if strong {
                            SpanKind::Strong
                        } else {
                            SpanKind::Emphasis
                        },
                    });
                }
            }
        }
    }

    fn finish(mut self) -> (String, Vec<Span>) {
        let trimmed_start = self.out.len() - self.out.trim_start().len();
        let text = self.out.trim().to_string();
        let len = text.len() as u32;
        for s in &mut self.spans {
            s.start = s.start.saturating_sub(trimmed_start as u32).min(len);
            s.end = s.end.saturating_sub(trimmed_start as u32).min(len);
        }
        self.spans.sort_by_key(|s| (s.start, s.end));
        (text, self.spans)
    }
}

/// `<sup>…</sup>` at the start of `text`: the inside and what follows.
fn sup(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("<sup>")?;
    let end = rest.find("</sup>")?;
    Some((&rest[..end], &rest[end + "</sup>".len()..]))
}

/// `<https://…>` at the start of `text`.
fn autolink(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix('<')?;
    if !(rest.starts_with("http://") || rest.starts_with("https://")) {
        return None;
    }
    let end = rest.find('>')?;
    let url = &rest[..end];
    (!url.contains(char::is_whitespace)).then(|| (url, &rest[end + 1..]))
}

/// `[label](url)` at the start of `text`: label, url and what follows.
fn markdown_link(text: &str) -> Option<(&str, &str, &str)> {
    let inner = text.strip_prefix('[')?;
    let close = inner.find("](")?;
    let label = &inner[..close];
    if label.contains('[') {
        return None;
    }
    let after = &inner[close + 2..];
    let end = after.find(')')?;
    let url = &after[..end];
    (!url.contains(char::is_whitespace)).then(|| (label, url, &after[end + 1..]))
}

/// A bare `http(s)://…` or `www.…` address, without trailing punctuation.
fn bare_url(text: &str) -> Option<(&str, &str)> {
    if !(text.starts_with("http://") || text.starts_with("https://") || text.starts_with("www.")) {
        return None;
    }
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    let url = text[..end].trim_end_matches(['.', ',', ';', ':', ')', '”', '"']);
    (url.len() > 4).then(|| (url, &text[url.len()..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_the_markup_the_seeds_use() {
        // (seed, source, plain text)
        let cases = [
            ("004", "**Abstract.** The object", "Abstract. The object"),
            ("004", "*Vedomosti*, September 4", "Vedomosti, September 4"),
            (
                "001",
                "amounted to \\$2.1bn.<sup>4</sup> The",
                "amounted to $2.1bn. The",
            ),
            (
                "001",
                "available on  \n<http://valdaiclub.com/a/valdai-papers/>",
                "available on http://valdaiclub.com/a/valdai-papers/",
            ),
            (
                "004",
                "[https://doi.org/x\\_2](https://doi.org/x_2)",
                "https://doi.org/x_2",
            ),
            ("unchanged", "a < b and c > d", "a < b and c > d"),
            ("unchanged", "5 * 3 = 15", "5 * 3 = 15"),
        ];
        for (seed, source, plain) in cases {
            assert_eq!(strip_inline_markup(source), plain, "{seed}");
        }
    }

    #[test]
    fn spans_point_into_the_plain_text() {
        // 004_…: "**Key words:** US, *Gazprom*" and a <sup> marker.
        let (text, spans) =
            render("**Key words:** US, *Gazprom*.<sup>8</sup> See <https://a.b/c>.");
        assert_eq!(text, "Key words: US, Gazprom. See https://a.b/c.");
        let slice = |s: &Span| &text[s.start as usize..s.end as usize];
        assert_eq!(spans.len(), 4);
        assert_eq!(
            (slice(&spans[0]), &spans[0].kind),
            ("Key words:", &SpanKind::Strong)
        );
        assert_eq!(
            (slice(&spans[1]), &spans[1].kind),
            ("Gazprom", &SpanKind::Emphasis)
        );
        assert_eq!(spans[2].kind, SpanKind::NoteRef { n: 8 });
        assert_eq!(spans[2].start as usize, "Key words: US, Gazprom.".len());
        assert_eq!(slice(&spans[3]), "https://a.b/c");
    }

    #[test]
    fn bare_urls_in_plain_notes_become_links() {
        // 003_…: note 3 ends "at  http://en.rian.ru/analysis/20091113/156810697.html."
        let (text, spans) = render("at  http://en.rian.ru/a.html.");
        assert_eq!(text, "at http://en.rian.ru/a.html.");
        assert_eq!(
            spans[0].kind,
            SpanKind::Link {
                url: "http://en.rian.ru/a.html".into()
            }
        );
    }
}
