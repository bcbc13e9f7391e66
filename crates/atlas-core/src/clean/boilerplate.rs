//! Web and publisher boilerplate that is neither body nor metadata.
//!
//! `002_…` is a web page capture: it starts with the site's calendar widget
//! (`December 2023` and six rows of day numbers), ends with donation appeals,
//! and its source line carries a spam-protected e-mail placeholder ("This
//! email address is being protected from spambots…"). `001_…` repeats the
//! Valdai Club's availability notice and disclaimer on its title page.
//! Each is recognised by its own wording or shape and dropped with a reason.

use super::{Audit, Para};
use crate::model::AuditAction;

const RULE: &str = "boilerplate";

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const SPAM_PLACEHOLDER: &str =
    "This email address is being protected from spambots. You need JavaScript enabled to view it.";

/// Drops boilerplate paragraphs and sentences.
pub(crate) fn apply(paras: Vec<Para>, audit: &mut Audit) -> Vec<Para> {
    let mut kept = Vec::with_capacity(paras.len());
    for mut p in paras {
        if let Some(reason) = boilerplate_reason(&p) {
            audit.push(RULE, AuditAction::Drop, p.lines(), reason, &p.text);
            continue;
        }
        if let Some(at) = p.text.find(SPAM_PLACEHOLDER) {
            let before = p.text[..at].trim_end();
            let (before, label) = match before.strip_suffix("E-mail:") {
                Some(b) => (b.trim_end(), "E-mail: "),
                None => (before, ""),
            };
            let after = p.text[at + SPAM_PLACEHOLDER.len()..].trim_start();
            audit.push(
                RULE,
                AuditAction::Drop,
                p.lines(),
                "spam-protected e-mail placeholder of a web page",
                &format!("{label}{SPAM_PLACEHOLDER}"),
            );
            p.text = [before, after]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            if p.text.is_empty() {
                continue;
            }
        }
        kept.push(p);
    }
    kept
}

fn boilerplate_reason(p: &Para) -> Option<&'static str> {
    if is_calendar(p) {
        return Some("calendar widget of a web page (month and rows of day numbers)");
    }
    let lower = p.text.to_lowercase();
    let donation = lower.contains("donat")
        && (lower.contains("please consider")
            || lower.contains("your donation")
            || lower.contains("tax deductible")
            || lower.starts_with("donate"));
    if donation {
        return Some("donation appeal of a web page");
    }
    if lower.starts_with("the views and opinions expressed in this") {
        return Some("publisher's disclaimer");
    }
    if lower.starts_with("this publication and other papers are available") {
        return Some("publisher's availability notice");
    }
    None
}

/// `December 2023` followed by rows of up to seven day numbers.
fn is_calendar(p: &Para) -> bool {
    let Some((head, rows)) = p.lines.split_first() else {
        return false;
    };
    let mut words = head.split_whitespace();
    let month = words.next().is_some_and(|m| MONTHS.contains(&m));
    let year = words
        .next()
        .is_some_and(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()));
    let day_rows = rows.len() >= 3
        && rows.iter().all(|r| {
            let days: Vec<&str> = r.split_whitespace().collect();
            (1..=7).contains(&days.len())
                && days
                    .iter()
                    .all(|d| d.parse::<u8>().is_ok_and(|n| (1..=31).contains(&n)))
        });
    month && year && words.next().is_none() && day_rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(lines: &[&str]) -> Para {
        Para {
            lines: lines.iter().map(|l| l.to_string()).collect(),
            text: lines.join(" "),
            ..Para::default()
        }
    }

    #[test]
    fn boilerplate_cases() {
        // (seed, paragraph lines, dropped)
        let cases: Vec<(&str, Vec<&str>, bool)> = vec![
            ("002 calendar", vec!["December 2023", "26 27 28 29 30 1 2", "3 4 5 6 7 8 9", "10 11 12 13 14 15 16"], true),
            ("002 donation", vec!["Donate to UPF's Africa Projects: Your donation will be used for projects in Africa."], true),
            ("002 tax", vec!["UPF is a 501(c)(3) tax exempt organization and all donations are tax deductible in the United States."], true),
            ("001 disclaimer", vec!["The views and opinions expressed in this paper are those of the authors."], true),
            ("a date in the body stays", vec!["December 2023", "was a cold month in Moscow."], false),
            ("a list of years stays", vec!["In 2005 2006 2007 exports grew."], false),
            ("the word donation in the body stays", vec!["The donation of land to the Church in 1900 was large."], false),
        ];
        for (seed, lines, dropped) in cases {
            let kept = apply(vec![para(&lines)], &mut Audit::default());
            assert_eq!(kept.is_empty(), dropped, "{seed}");
        }
    }

    #[test]
    fn the_spam_placeholder_goes_the_source_line_stays() {
        // 002_…, last body line.
        let p = para(&["Source: From a paper presented in Moscow. E-mail: This email address is being protected from spambots. You need JavaScript enabled to view it."]);
        let kept = apply(vec![p], &mut Audit::default());
        assert_eq!(kept[0].text, "Source: From a paper presented in Moscow.");
    }
}
