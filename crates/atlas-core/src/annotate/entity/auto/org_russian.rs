//! Organisations named the Russian way. A Russian body's name is a head
//! noun, the adjectives before it and a run of genitives after it, written
//! with one capital (two with a proper noun inside):
//! - **head first**, capitalised: `Министерство по развитию Дальнего
//!   Востока и Арктики`, `Фонд развития Дальнего Востока`, `Банк России`,
//!   `Института экономических исследований ДВО РАН`. A ministry always
//!   names a body; any other head needs a proper noun in the run (`Банк
//!   России`) or a capital that is not the sentence's first letter (`…
//!   и Совет директоров` is a name, `Совет директоров одобрил` may not be);
//! - **adjectives first**, the first one capitalised where a sentence does
//!   not start (`Российского фонда прямых инвестиций`, `Федеральной
//!   таможенной службы`): Russian writes the adjectives of nations and
//!   places in lower case (`китайский банк`), so a capital there marks a
//!   name. At a sentence's start that evidence is gone, and the pattern
//!   stays silent.
//!
//! The run after the head takes lower-case words that are no verb
//! (`развития`, `прямых инвестиций`), prepositions (`по развитию`, `и
//! Арктики`), capitalised words and acronyms (`ДВО РАН`); after a
//! capitalised word a bare lower-case word ends it (`… и Арктики готов`),
//! and so does a person's name (`… России Антон Силуанов`). The entity is
//! listed in the nominative ([`super::russian`]): only the head and its
//! adjectives decline.

use super::russian::{head_noun, nominative_adjective, nominative_given, verb_like};
use super::titles::is_title_word;
use super::words::{acronym, capitalised, cyrillic};
use super::{Proposal, Scan};
use crate::model::EntityKind;

/// Most words of the run after the head.
const MAX_RUN: usize = 8;

/// Prepositions inside a body's name (`Комитет по бюджету`, `Совет при
/// Президенте`); `в` and `на` are not among them, since they open a place
/// (`… ДВО РАН в Хабаровске`).
const RUN_PREPOSITIONS: [&str; 3] = ["по", "при", "для"];

/// Most adjectives before the head.
const MAX_ADJECTIVES: usize = 3;

/// Every Russian organisation of these shapes in one passage.
pub fn propose(scan: &Scan) -> Vec<Proposal> {
    let mut out = Vec::new();
    for i in 0..scan.words.len() {
        let w = scan.word(i);
        if !(cyrillic(w) && capitalised(w)) {
            continue;
        }
        out.extend(head_first(scan, i));
        if !scan.words[i].sentence_start {
            out.extend(adjectives_first(scan, i));
        }
    }
    out.retain(|p| !scan.place_covers(p.start, p.end));
    out
}

/// The last word of the genitive run starting at word `from`, and whether
/// it holds a capitalised word.
fn genitive_run(scan: &Scan, from: usize) -> Option<(usize, bool)> {
    let n = scan.words.len();
    let mut last = None;
    let mut caps = false;
    let mut after_caps = false;
    let mut k = from;
    while k < n && k < from + MAX_RUN && scan.words[k].spaced {
        let w = scan.word(k);
        let lower = w.to_lowercase();
        if w.chars().next().is_some_and(char::is_lowercase) {
            // `по развитию`, `при Президенте`: a new phrase of the name;
            // `и` joins two of the same shape (`Востока и Арктики`,
            // `ресурсов и экологии`, not `РАН и интервью`).
            if RUN_PREPOSITIONS.contains(&lower.as_str()) {
                after_caps = false;
                k += 1;
                continue;
            }
            if lower == "и" {
                k += 1;
                continue;
            }
            if after_caps || verb_like(&lower) || is_title_word(w) || !cyrillic(w) {
                break;
            }
            after_caps = false;
        } else if acronym(w) {
            after_caps = true;
            caps = true;
        } else if capitalised(w) && cyrillic(w) {
            let person = nominative_given(w)
                && scan.words.get(k + 1).is_some_and(|x| {
                    let t = x.text(scan.text);
                    x.spaced && capitalised(t) && cyrillic(t) && nominative_given(t)
                })
                && !scan.place_overlaps(scan.words[k].start, scan.words[k].end);
            if person {
                break;
            }
            after_caps = true;
            caps = true;
        } else {
            break;
        }
        last = Some(k);
        k += 1;
    }
    last.map(|l| (l, caps))
}

/// `Министерство …`, `Фонда развития …`: a capitalised head noun at `i`.
fn head_first(scan: &Scan, i: usize) -> Option<Proposal> {
    let (nominative, _, kind, _) = head_noun(scan.word(i))?;
    let (last, caps) = genitive_run(scan, i + 1)?;
    let specific = kind == "ministry" || caps || !scan.words[i].sentence_start;
    if !specific {
        return None;
    }
    let start = scan.words[i].start;
    let end = scan.words[last].end;
    let rest = scan.collapsed(scan.words[i + 1].start, end);
    Some(Proposal {
        start,
        end,
        kind: EntityKind::Org,
        name: format!("{nominative} {rest}"),
        role: kind.to_string(),
        trigger: format!("Russian head noun {nominative:?}"),
        acronym: None,
        evidence: (start, scan.words[i].end),
    })
}

/// `Российского фонда прямых инвестиций`: capitalised adjective at `i`,
/// lower-case adjectives, a lower-case head noun, an optional run.
fn adjectives_first(scan: &Scan, i: usize) -> Option<Proposal> {
    let n = scan.words.len();
    let mut k = i + 1;
    let head = loop {
        if k >= n || k > i + MAX_ADJECTIVES || !scan.words[k].spaced {
            return None;
        }
        let w = scan.word(k);
        if !(cyrillic(w) && w.chars().next().is_some_and(char::is_lowercase)) {
            return None;
        }
        if let Some(h) = head_noun(w) {
            break h;
        }
        k += 1;
    };
    let (head_nominative, gender, kind, head_was_nominative) = head;
    let mut parts = Vec::new();
    for a in i..k {
        let (adjective, was_nominative) = nominative_adjective(scan.word(a), gender)?;
        if was_nominative != head_was_nominative {
            return None;
        }
        parts.push(adjective);
    }
    parts.push(head_nominative);
    let mut end = scan.words[k].end;
    if let Some((last, _)) = genitive_run(scan, k + 1) {
        parts.push(scan.collapsed(scan.words[k + 1].start, scan.words[last].end));
        end = scan.words[last].end;
    }
    Some(Proposal {
        start: scan.words[i].start,
        end,
        kind: EntityKind::Org,
        name: parts.join(" "),
        role: kind.to_string(),
        trigger: "capitalised Russian adjective and head noun".to_string(),
        acronym: None,
        evidence: (scan.words[k].start, scan.words[k].end),
    })
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;
    use std::collections::HashSet;

    fn found(text: &str, places: &[&str]) -> Vec<(String, String)> {
        let spans: Vec<(usize, usize)> = places
            .iter()
            .filter_map(|p| text.find(p).map(|s| (s, s + p.len())))
            .collect();
        let lower = HashSet::new();
        let scan = Scan {
            text,
            words: words(text),
            places: &spans,
            lower: &lower,
        };
        propose(&scan)
            .into_iter()
            .map(|p| (text[p.start..p.end].to_string(), p.name))
            .collect()
    }

    fn names(text: &str) -> Vec<String> {
        found(text, &[]).into_iter().map(|p| p.1).collect()
    }

    #[test]
    fn head_first_with_the_genitive_run() {
        assert_eq!(
            names("Министерство по развитию Дальнего Востока и Арктики сообщает, что"),
            ["Министерство по развитию Дальнего Востока и Арктики"]
        );
        assert_eq!(
            names("материалы Института экономических исследований ДВО РАН и интервью с"),
            ["Институт экономических исследований ДВО РАН"]
        );
        assert_eq!(
            names("в Министерстве природных ресурсов и экологии сообщили"),
            ["Министерство природных ресурсов и экологии"]
        );
        assert_eq!(
            names("Кожемяко, Фонд развития Дальнего Востока и Арктики готов"),
            ["Фонд развития Дальнего Востока и Арктики"]
        );
        assert_eq!(
            names("и Министерства финансов России Антон Силуанов"),
            ["Министерство финансов России"]
        );
    }

    #[test]
    fn adjectives_first_in_the_nominative() {
        assert_eq!(
            found(
                "представители Российского фонда прямых инвестиций (РФПИ)",
                &[]
            ),
            [(
                "Российского фонда прямых инвестиций".to_string(),
                "Российский фонд прямых инвестиций".to_string()
            )]
        );
        assert_eq!(
            names("По данным Федеральной таможенной службы, грузооборот"),
            ["Федеральная таможенная служба"]
        );
        assert_eq!(
            names("соглашение с Харбинским политехническим университетом."),
            ["Харбинский политехнический университет"]
        );
    }

    #[test]
    fn no_evidence_no_name() {
        for text in [
            "Министерство сообщает",
            "Совет директоров одобрил сделку",
            "Китайский банк выдал кредит",
            "крупный китайский банк",
            "Первая глава посвящена",
        ] {
            assert!(names(text).is_empty(), "{text}: {:?}", names(text));
        }
    }
}
