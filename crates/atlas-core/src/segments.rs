//! Cutting a block's plain text into runs by its inline spans, so a view can
//! render emphasis, links and note references without knowing how spans
//! overlap. Lives in the core (not the app) so it is tested natively and the
//! app stays free of text logic.
//!
//! Spans are byte ranges computed by the cleaner; a span that does not fall
//! on character boundaries or inside the text is ignored, never a panic.

use crate::model::{Span, SpanKind};

/// A run of text with the formatting active over all of it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Segment<'a> {
    /// The run's text (empty for a note reference).
    pub text: &'a str,
    /// Inside an emphasis span.
    pub emphasis: bool,
    /// Inside a strong span.
    pub strong: bool,
    /// Inside a link: its URL.
    pub link: Option<&'a str>,
    /// A note reference at this position (zero-width, `text` is empty).
    pub note: Option<u32>,
    /// Inside a search match (highlighted in the reader).
    pub mark: bool,
}

/// Splits `text` into segments by `spans`, in text order.
pub fn segments<'a>(text: &'a str, spans: &'a [Span]) -> Vec<Segment<'a>> {
    segments_with_marks(text, spans, &[])
}

/// Like [`segments`], also cutting at `marks` (byte ranges of search
/// matches), whose segments get `mark: true`.
pub fn segments_with_marks<'a>(
    text: &'a str,
    spans: &'a [Span],
    marks: &[(usize, usize)],
) -> Vec<Segment<'a>> {
    let valid = |s: &&Span| {
        let (start, end) = (s.start as usize, s.end as usize);
        start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
    };
    let spans: Vec<&Span> = spans.iter().filter(valid).collect();
    let marks: Vec<(usize, usize)> = marks
        .iter()
        .copied()
        .filter(|&(start, end)| {
            start < end
                && end <= text.len()
                && text.is_char_boundary(start)
                && text.is_char_boundary(end)
        })
        .collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for s in &spans {
        cuts.push(s.start as usize);
        cuts.push(s.end as usize);
    }
    for &(start, end) in &marks {
        cuts.push(start);
        cuts.push(end);
    }
    cuts.sort_unstable();
    cuts.dedup();

    let mut out = Vec::new();
    for window in cuts.windows(2) {
        let (start, end) = (window[0], window[1]);
        push_notes_at(&spans, start, &mut out);
        let mut seg = Segment {
            text: &text[start..end],
            mark: marks.iter().any(|&(m0, m1)| m0 <= start && end <= m1),
            ..Segment::default()
        };
        for s in spans
            .iter()
            .filter(|s| (s.start as usize) <= start && end <= s.end as usize && s.start < s.end)
        {
            match &s.kind {
                SpanKind::Emphasis => seg.emphasis = true,
                SpanKind::Strong => seg.strong = true,
                SpanKind::Link { url } => seg.link = Some(url.as_str()),
                SpanKind::NoteRef { .. } => {}
            }
        }
        if !seg.text.is_empty() {
            out.push(seg);
        }
    }
    push_notes_at(&spans, text.len(), &mut out);
    out
}

fn push_notes_at<'a>(spans: &[&'a Span], at: usize, out: &mut Vec<Segment<'a>>) {
    for s in spans.iter().filter(|s| s.start as usize == at) {
        if let SpanKind::NoteRef { n } = s.kind {
            out.push(Segment {
                note: Some(n),
                ..Segment::default()
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: u32, end: u32, kind: SpanKind) -> Span {
        Span { start, end, kind }
    }

    #[test]
    fn plain_text_is_one_segment() {
        assert_eq!(
            segments("abc", &[]),
            vec![Segment {
                text: "abc",
                ..Default::default()
            }]
        );
    }

    #[test]
    fn nested_marks_and_notes() {
        // "Vedomosti, September 4." with *Vedomosti* emphasised, a link over
        // "September" and note 3 after the full stop.
        let text = "Vedomosti, September 4.";
        let spans = vec![
            span(0, 9, SpanKind::Emphasis),
            span(
                11,
                20,
                SpanKind::Link {
                    url: "https://x".into(),
                },
            ),
            span(23, 23, SpanKind::NoteRef { n: 3 }),
        ];
        let segs = segments(text, &spans);
        let shape: Vec<(&str, bool, Option<&str>, Option<u32>)> = segs
            .iter()
            .map(|s| (s.text, s.emphasis, s.link, s.note))
            .collect();
        assert_eq!(
            shape,
            vec![
                ("Vedomosti", true, None, None),
                (", ", false, None, None),
                ("September", false, Some("https://x"), None),
                (" 4.", false, None, None),
                ("", false, None, Some(3)),
            ]
        );
    }

    #[test]
    fn marks_cut_across_formatting() {
        let text = "Kovykta gas field";
        let spans = vec![span(0, 11, SpanKind::Emphasis)];
        let segs = segments_with_marks(text, &spans, &[(0, 7), (12, 17), (3, 99)]);
        let shape: Vec<(&str, bool, bool)> =
            segs.iter().map(|s| (s.text, s.emphasis, s.mark)).collect();
        assert_eq!(
            shape,
            vec![
                ("Kovykta", true, true),
                (" gas", true, false),
                (" ", false, false),
                ("field", false, true)
            ]
        );
    }

    #[test]
    fn broken_spans_are_ignored() {
        let text = "Приморье";
        let spans = vec![
            span(1, 3, SpanKind::Strong),
            span(5, 99, SpanKind::Emphasis),
            span(4, 2, SpanKind::Strong),
        ];
        let joined: String = segments(text, &spans).iter().map(|s| s.text).collect();
        assert_eq!(joined, text);
    }
}
