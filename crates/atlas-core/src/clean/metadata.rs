//! Metadata printed in the text, moved out of the body.
//!
//! Journal articles print their apparatus around the body: `003_…` has
//! `Abstract:`/`Keywords:` and the Spanish `Resumen:`/`Palabras clave:`, an
//! affiliation under the byline; `004_…` has DOI, EDN, article type, authors
//! with `<sup>` affiliation numbers, abstracts and keywords in English and
//! Russian, a copyright line, a licence, "Conflicts of interest", "For
//! citation", received/revised/accepted dates and "About the authors";
//! `001_…` has "About the Authors" and the club's address; `002_…` a
//! `Source:` line. Labelled fields are recognised anywhere by their label;
//! unlabelled ones (affiliations, bylines, e-mail, a title in another
//! language) only in the front matter, before the first body paragraph.

use super::markup::strip_inline_markup;
use super::{Audit, Para};
use crate::lang::detect;
use crate::model::{AuditAction, Keywords, LangText, Meta, MetaField};

const RULE: &str = "metadata";

/// Where a labelled value goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Abstract,
    Keywords,
    Citation,
    Doi,
    Received,
    Revised,
    Accepted,
    Extra,
}

/// Labels (lower case, as printed) and their fields.
const LABELS: &[(&str, Field)] = &[
    ("abstract", Field::Abstract),
    ("resumen", Field::Abstract),
    ("аннотация", Field::Abstract),
    ("keywords", Field::Keywords),
    ("key words", Field::Keywords),
    ("palabras clave", Field::Keywords),
    ("ключевые слова", Field::Keywords),
    ("for citation", Field::Citation),
    ("для цитирования", Field::Citation),
    ("doi", Field::Doi),
    ("received", Field::Received),
    ("revised", Field::Revised),
    ("accepted", Field::Accepted),
    ("edn", Field::Extra),
    ("conflicts of interest", Field::Extra),
    ("authors' contributions", Field::Extra),
    ("заявление о конфликте интересов", Field::Extra),
    ("вклад авторов", Field::Extra),
    ("source", Field::Extra),
    ("e-mail", Field::Extra),
    ("funding", Field::Extra),
];

/// Words that make a short line an affiliation.
const INSTITUTIONS: &[&str] = &[
    "University",
    "Institute",
    "Centre",
    "Center",
    "Academy",
    "School",
    "RAS",
    "Университет",
    "университет",
    "Институт",
    "РАН",
];

/// Moves metadata paragraphs into `meta`; returns the body paragraphs.
pub(crate) fn extract(paras: Vec<Para>, meta: &mut Meta, audit: &mut Audit) -> Vec<Para> {
    let mut kept: Vec<Para> = Vec::with_capacity(paras.len());
    let mut front_matter = true;
    let mut pending: Option<(Field, String)> = None;
    let mut about_authors = false;
    let mut author_name: Option<String> = None;
    let mut title_lang: Option<&'static str> = None;
    let mut license_open = false;
    for mut p in paras {
        if p.after_break {
            // A rule or page break closes the "About the authors" section (`001_…`).
            about_authors = false;
            author_name = None;
        }
        let plain = strip_inline_markup(p.text.trim_start_matches('#'));
        let to_meta = |audit: &mut Audit, p: &Para, why: &str| {
            audit.push(RULE, AuditAction::ToMeta, p.lines(), why, &p.text);
        };
        if let Some((field, label)) = pending.take() {
            store(meta, field, &label, &plain);
            to_meta(audit, &p, &format!("value of the label {label:?}"));
            continue;
        }
        if license_open && plain.starts_with("http") && !plain.contains(' ') {
            if let Some(l) = meta.license.as_mut() {
                l.push(' ');
                l.push_str(&plain);
            }
            to_meta(audit, &p, "link of the licence statement");
            continue;
        }
        license_open = false;
        if let Some((field, label, value)) = labelled(&plain) {
            to_meta(audit, &p, &format!("labelled metadata {label:?}"));
            if value.is_empty() {
                pending = Some((field, label));
            } else {
                store(meta, field, &label, &value);
            }
            continue;
        }
        if plain.starts_with('©') {
            meta.copyright = Some(plain);
            to_meta(audit, &p, "copyright line");
            continue;
        }
        if plain.starts_with("This work is licensed under") {
            meta.license = Some(plain);
            license_open = true;
            to_meta(audit, &p, "licence statement");
            continue;
        }
        if is_postal_address(&plain) {
            push_extra(meta, "Address", &plain);
            to_meta(audit, &p, "postal address of the publisher");
            continue;
        }
        let heading = p.text.starts_with('#');
        if heading && is_about_authors(&plain) {
            about_authors = true;
            to_meta(
                audit,
                &p,
                "\"About the authors\" section: entries become affiliations",
            );
            continue;
        }
        if about_authors {
            if heading {
                author_name = Some(plain);
                to_meta(audit, &p, "author name in \"About the authors\"");
                continue;
            }
            if let Some(name) = author_name.take() {
                meta.affiliations.push(format!("{name} — {plain}"));
                to_meta(audit, &p, "affiliation in \"About the authors\"");
                continue;
            }
            if p.text.starts_with('*') && plain.contains(" — ") {
                meta.affiliations.push(plain);
                to_meta(audit, &p, "entry of \"About the authors\"");
                continue;
            }
            about_authors = false;
        }
        if front_matter {
            if let Some(rest) = front_matter_rule(&mut p, &plain, meta, audit, &mut title_lang) {
                if !rest {
                    continue;
                }
            }
            let words = plain.split_whitespace().count();
            let intro = heading && plain.to_lowercase().contains("introduction");
            if (!heading && words >= 30) || intro {
                front_matter = false;
            }
        }
        kept.push(p);
    }
    kept
}

/// Applies the front-matter rules to `p`. `Some(false)`: consumed;
/// `Some(true)`: part consumed, the rest stays; `None`: untouched.
fn front_matter_rule(
    p: &mut Para,
    plain: &str,
    meta: &mut Meta,
    audit: &mut Audit,
    title_lang: &mut Option<&'static str>,
) -> Option<bool> {
    let heading = p.text.starts_with('#');
    let to_meta = |audit: &mut Audit, p: &Para, why: &str| {
        audit.push(RULE, AuditAction::ToMeta, p.lines(), why, &p.text);
    };
    // `## THEMATIC DOSSIER: Russia's Pivot to the East`: a rubric.
    if let Some((label, value)) = plain.split_once(": ") {
        let caps = label.chars().filter(|c| c.is_alphabetic()).count() >= 4
            && label
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        if caps {
            push_extra(meta, label, value);
            to_meta(audit, p, "rubric printed above the title");
            return Some(false);
        }
    }
    if heading {
        let lang = detect(plain);
        match title_lang {
            None => *title_lang = Some(lang),
            Some(t) if *t != lang => {
                meta.other_titles.push(LangText {
                    lang: lang.to_string(),
                    text: plain.to_string(),
                });
                to_meta(audit, p, "title printed in another language");
                return Some(false);
            }
            Some(_) => {}
        }
        return None;
    }
    // `*Research article / Научная статья*`
    if p.text.starts_with('*') && p.text.ends_with('*') && plain.contains(" / ") {
        push_extra(meta, "Article type", plain);
        to_meta(audit, p, "article type");
        return Some(false);
    }
    if !plain.contains(' ') && plain.contains('@') {
        push_extra(meta, "E-mail", plain);
        to_meta(audit, p, "contact e-mail of the title page");
        return Some(false);
    }
    // `<sup>1</sup>Institute of Oriental Studies, RAS, …`
    if let Some(rest) = p.text.strip_prefix("<sup>") {
        if let Some((_, inst)) = rest.split_once("</sup>") {
            if is_institution(inst) {
                meta.affiliations.push(strip_inline_markup(inst));
                to_meta(audit, p, "numbered affiliation");
                return Some(false);
            }
        }
    }
    // `Dmitry V. Mosyakov<sup>1</sup>, Marina A. Shpakovskaya<sup>2</sup>, …`
    if p.text.matches("<sup>").count() >= 2 && !plain.ends_with('.') {
        push_extra(meta, "Authors", plain);
        to_meta(audit, p, "byline with affiliation numbers");
        return Some(false);
    }
    // `Stephen Blank2` / `Strategic Studies Institute`: lines of a byline block.
    let (inst, rest): (Vec<String>, Vec<String>) = p
        .lines
        .iter()
        .cloned()
        .partition(|l| is_institution(l) && l.split_whitespace().count() <= 12);
    if !inst.is_empty() {
        for line in &inst {
            meta.affiliations.push(strip_inline_markup(line));
        }
        audit.push(
            RULE,
            AuditAction::ToMeta,
            p.lines(),
            "affiliation line",
            &inst.join(" "),
        );
        if rest.is_empty() {
            return Some(false);
        }
        p.text = rest.join(" ");
        p.lines = rest;
        return Some(true);
    }
    None
}

fn is_institution(text: &str) -> bool {
    !text.trim_end().ends_with('.')
        && text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| INSTITUTIONS.contains(&w))
}

/// `42 Bolshaya Tatarskaya st., Moscow, 115184, Russia`: a short line with
/// a six-digit postal code between commas.
fn is_postal_address(plain: &str) -> bool {
    plain.split_whitespace().count() <= 12
        && plain
            .split(',')
            .filter(|part| {
                let t = part.trim();
                t.len() == 6 && t.chars().all(|c| c.is_ascii_digit())
            })
            .count()
            == 1
}

fn is_about_authors(plain: &str) -> bool {
    let t = plain.trim().trim_end_matches(':').to_lowercase();
    t == "about the authors" || t == "about the author" || t == "об авторах"
}

/// `Label: value` / `Label. value` with a known label.
fn labelled(plain: &str) -> Option<(Field, String, String)> {
    let cut = plain.find([':', '.'])?;
    let label = plain[..cut].trim();
    if label.chars().count() > 45 {
        return None;
    }
    let lower = label.to_lowercase();
    let field = LABELS
        .iter()
        .find(|(key, _)| lower == *key || lower.starts_with(&format!("{key} /")))
        .map(|&(_, f)| f)?;
    let value = plain[cut + 1..].trim().to_string();
    Some((field, label.to_string(), value))
}

fn store(meta: &mut Meta, field: Field, label: &str, value: &str) {
    // The label is evidence too: `Palabras clave` makes a list of names Spanish.
    let lang = detect(&format!("{label} {value}")).to_string();
    let value = value.trim().to_string();
    match field {
        Field::Abstract => meta.abstracts.push(LangText { lang, text: value }),
        Field::Keywords => meta.keywords.push(Keywords {
            lang,
            terms: value
                .split([',', ';'])
                .map(|t| t.trim().trim_end_matches('.').trim().to_string())
                .filter(|t| !t.is_empty())
                .collect(),
        }),
        Field::Citation => meta.citations.push(LangText { lang, text: value }),
        Field::Doi => {
            let doi = value.trim_start_matches("https://doi.org/").to_string();
            if meta.doi.is_none() {
                meta.doi = Some(doi);
            } else {
                push_extra(meta, label, &value);
            }
        }
        Field::Received => meta.received = Some(value),
        Field::Revised => meta.revised = Some(value),
        Field::Accepted => meta.accepted = Some(value),
        Field::Extra => push_extra(meta, label, &value),
    }
}

fn push_extra(meta: &mut Meta, label: &str, value: &str) {
    meta.extra.push(MetaField {
        label: label.trim().to_string(),
        lang: detect(value).to_string(),
        value: value.trim().to_string(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(texts: &[&str]) -> Vec<Para> {
        texts
            .iter()
            .map(|t| Para {
                lines: t.lines().map(String::from).collect(),
                text: t.replace('\n', " "),
                ..Para::default()
            })
            .collect()
    }

    fn run(texts: &[&str]) -> (Vec<String>, Meta) {
        let mut meta = Meta::default();
        let kept = extract(paras(texts), &mut meta, &mut Audit::default());
        (kept.into_iter().map(|p| p.text).collect(), meta)
    }

    #[test]
    fn abstracts_and_keywords_in_two_languages() {
        // 003_…: label alone, then the value; keywords inline.
        let (kept, meta) = run(&[
            "RUSSIA’S FAILURE IN ASIA 1",
            "Stephen Blank2\nStrategic Studies Institute",
            "Abstract:",
            "Russia wants to be seen as a major Asian power.",
            "Keywords: Russia, Russian Far East, Asian Power.",
            "Resumen:",
            "Rusia quiere ser vista como una potencia asiática y entiende que necesita de las inversiones.",
            "Palabras clave: Rusia, Extremo Oriente Ruso, potencia asiática.",
        ]);
        assert_eq!(kept, vec!["RUSSIA’S FAILURE IN ASIA 1", "Stephen Blank2"]);
        assert_eq!(meta.affiliations, vec!["Strategic Studies Institute"]);
        assert_eq!(meta.abstracts.len(), 2);
        assert_eq!(meta.abstracts[1].lang, "es");
        assert_eq!(
            meta.keywords[0].terms,
            vec!["Russia", "Russian Far East", "Asian Power"]
        );
        assert_eq!(meta.keywords[1].lang, "es");
    }

    #[test]
    fn journal_apparatus_of_a_bilingual_article() {
        // 004_…
        let (kept, meta) = run(&[
            "## THEMATIC DOSSIER: Russia's Pivot to the East",
            "DOI: 10.22363/2313-0660-2024-24-2-181-191",
            "### Pivot to the East as a Factor",
            "Dmitry V. Mosyakov<sup>1</sup>, Marina A. Shpakovskaya<sup>2</sup>,",
            "<sup>1</sup>Institute of Oriental Studies, RAS, Moscow, Russian Federation",
            "mosyakov.d@gmail.com",
            "**For citation:** Mosyakov, D. V. (2024). Pivot to the East.",
            "## Разворот на Восток как фактор",
            "Received / Поступила в редакцию: 30.10.2023",
            "### Introduction",
            "Since the end of the 20th century, as the problems deepened, instability has engulfed the leading states.",
        ]);
        assert_eq!(kept[0], "### Pivot to the East as a Factor");
        assert_eq!(kept.len(), 3);
        assert_eq!(
            meta.doi.as_deref(),
            Some("10.22363/2313-0660-2024-24-2-181-191")
        );
        assert_eq!(meta.affiliations.len(), 1);
        assert_eq!(meta.other_titles[0].lang, "ru");
        assert_eq!(meta.received.as_deref(), Some("30.10.2023"));
        assert_eq!(meta.citations.len(), 1);
        assert!(meta.extra.iter().any(|f| f.label == "THEMATIC DOSSIER"));
    }

    #[test]
    fn body_paragraphs_that_resemble_metadata_stay() {
        // (seed, paragraph) that must stay in the body.
        let (kept, meta) = run(&[
            "# Developing the Far East",
            "Developing the Russian Far East and Siberia has been an important step in state-building for Russia, and the Centre of the debate for thirty years now, with many voices in it.",
            "Strategic Studies Institute",
            "In 2009, 2010 and 2011 the summit met in Moscow.",
        ]);
        assert_eq!(kept.len(), 4, "{kept:?}");
        assert!(meta.affiliations.is_empty());
    }
}
