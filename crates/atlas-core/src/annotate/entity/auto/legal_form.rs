//! Companies by their legal form: a form before the name (`PJSC Gazprom
//! Neft`, `ПАО «Сбербанк»`, `АО «Корпорация развития Дальнего Востока и
//! Арктики»`), a form after it (`Mitsui & Co.`, `Acme Holdings Ltd`), or a
//! Russian word for a company before a name in quotes (`компания
//! «Новатэк»`, `госкорпорация «Росатом»`). The form is the evidence, so
//! the name itself may be anything capitalised; Russian names are written
//! in guillemets, which bound them exactly.
//!
//! The entity is listed by the name without the form (`Gazprom Neft`,
//! `Сбербанк`); the mention spans the form and the quotes, as a reader
//! would mark it.

use super::words::{acronym, capitalised, cyrillic};
use super::{Proposal, Scan};
use crate::model::EntityKind;

/// Legal forms written before the name.
const BEFORE: [&str; 22] = [
    "PJSC", "JSC", "OJSC", "CJSC", "OAO", "ZAO", "PAO", "LLC", "ПАО", "АО", "ОАО", "ЗАО", "ООО",
    "НАО", "ФГУП", "ГУП", "МУП", "АНО", "ГК", "НКО", "ФГБУ", "АК",
];

/// Legal forms written after the name (a dot may follow).
const AFTER: [&str; 8] = ["Ltd", "LLC", "Inc", "PLC", "Corp", "Co", "AG", "GmbH"];

/// Russian words for a company before a quoted name: stem and kind.
const NOUNS: [(&str, &str); 8] = [
    ("госкорпораци", "state corporation"),
    ("корпораци", "corporation"),
    ("компани", "company"),
    ("холдинг", "company"),
    ("концерн", "company"),
    ("банк", "bank"),
    ("агентств", "agency"),
    ("газет", "newspaper"),
];

/// Longest quoted name, in characters.
const MAX_QUOTED: usize = 80;

/// Most words of a name written without quotes.
const MAX_WORDS: usize = 3;

/// Every company of these shapes in one passage.
pub fn propose(scan: &Scan) -> Vec<Proposal> {
    let mut out = Vec::new();
    for i in 0..scan.words.len() {
        let word = scan.word(i);
        let lower = word.to_lowercase();
        let noun = NOUNS.iter().find(|(stem, _)| {
            lower.starts_with(stem) && lower.chars().count() <= stem.chars().count() + 3
        });
        if BEFORE.contains(&word) {
            if let Some(p) = quoted_after(scan, i, "company", format!("legal form {word:?}"))
                .or_else(|| words_after(scan, i, format!("legal form {word:?}")))
            {
                out.push(p);
            }
        } else if let Some((_, kind)) = noun {
            if let Some(p) = quoted_after(scan, i, kind, format!("{lower:?} and a quoted name")) {
                out.push(p);
            }
        } else if AFTER.contains(&word) {
            out.extend(words_before(scan, i));
        }
    }
    out
}

/// `FORM «Name»`: the quoted name after word `i`.
fn quoted_after(scan: &Scan, i: usize, kind: &str, trigger: String) -> Option<Proposal> {
    let w = scan.words[i];
    let rest = &scan.text[w.end..];
    let trimmed = rest.trim_start();
    let open = trimmed.chars().next()?;
    let close = match open {
        '«' => '»',
        '“' => '”',
        '„' => '“',
        '"' => '"',
        _ => return None,
    };
    let inner_start = w.end + (rest.len() - trimmed.len()) + open.len_utf8();
    let inner_len = scan.text[inner_start..].find(close)?;
    let inner = &scan.text[inner_start..inner_start + inner_len];
    let ok = inner.chars().next().is_some_and(char::is_uppercase)
        && inner.chars().count() <= MAX_QUOTED
        && !inner.contains('\n');
    if !ok {
        return None;
    }
    let end = inner_start + inner_len + close.len_utf8();
    Some(Proposal {
        start: w.start,
        end,
        kind: EntityKind::Org,
        name: inner.split_whitespace().collect::<Vec<_>>().join(" "),
        role: kind.to_string(),
        trigger,
        acronym: None,
        evidence: (w.start, w.end),
    })
}

/// `FORM Name Words`: up to three capitalised words after word `i`.
fn words_after(scan: &Scan, i: usize, trigger: String) -> Option<Proposal> {
    let script = cyrillic(scan.word(i));
    let mut last = None;
    let mut k = i + 1;
    while k < scan.words.len() && k <= i + MAX_WORDS && scan.words[k].spaced {
        let w = scan.word(k);
        if !(capitalised(w) || acronym(w)) || cyrillic(w) != script {
            break;
        }
        last = Some(k);
        k += 1;
    }
    let last = last?;
    let start = scan.words[i + 1].start;
    let end = scan.words[last].end;
    Some(Proposal {
        start: scan.words[i].start,
        end,
        kind: EntityKind::Org,
        name: scan.collapsed(start, end),
        role: "company".to_string(),
        trigger,
        acronym: None,
        evidence: (scan.words[i].start, scan.words[i].end),
    })
}

/// `Name & Co.`, `Name Holdings Ltd`: the capitalised words before the
/// form at word `i`.
fn words_before(scan: &Scan, i: usize) -> Option<Proposal> {
    let mut first = i;
    while first > 0 && i - first < MAX_WORDS + 1 {
        let gap = &scan.text[scan.words[first - 1].end..scan.words[first].start];
        let joined = scan.words[first].spaced || gap.trim() == "&";
        let prev = scan.word(first - 1);
        if !joined || !(capitalised(prev) || acronym(prev)) || cyrillic(prev) {
            break;
        }
        first -= 1;
    }
    if first == i {
        return None;
    }
    let start = scan.words[first].start;
    let mut end = scan.words[i].end;
    if scan.text[end..].starts_with('.') {
        end += 1;
    }
    let form = scan.word(i);
    Some(Proposal {
        start,
        end,
        kind: EntityKind::Org,
        name: scan.collapsed(start, end),
        role: "company".to_string(),
        trigger: format!("legal form {form:?}"),
        acronym: None,
        evidence: (scan.words[i].start, scan.words[i].end),
    })
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;
    use std::collections::HashSet;

    fn found(text: &str) -> Vec<(String, String)> {
        let lower = HashSet::new();
        let scan = Scan {
            text,
            words: words(text),
            places: &[],
            lower: &lower,
        };
        propose(&scan)
            .into_iter()
            .map(|p| (text[p.start..p.end].to_string(), p.name))
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn forms_before_and_after_names() {
        assert_eq!(
            found("PJSC Gazprom Neft and Sinopec signed"),
            pairs(&[("PJSC Gazprom Neft", "Gazprom Neft")])
        );
        assert_eq!(
            found("Mitsui & Co. and the bank"),
            pairs(&[("Mitsui & Co.", "Mitsui & Co.")])
        );
        assert_eq!(
            found("представители ПАО «Сбербанк» и"),
            pairs(&[("ПАО «Сбербанк»", "Сбербанк")])
        );
        assert_eq!(
            found("станет АО «Корпорация развития Дальнего Востока и Арктики»."),
            pairs(&[(
                "АО «Корпорация развития Дальнего Востока и Арктики»",
                "Корпорация развития Дальнего Востока и Арктики"
            )])
        );
        assert_eq!(
            found("с компанией «Новатэк»"),
            pairs(&[("компанией «Новатэк»", "Новатэк")])
        );
    }

    #[test]
    fn no_form_no_company() {
        assert!(found("газопровод «Сила Сибири»").is_empty());
        assert!(found("the JSC said").is_empty());
        assert!(found("АО «нечто»").is_empty());
        assert!(found("banking «Bank»").is_empty());
    }
}
