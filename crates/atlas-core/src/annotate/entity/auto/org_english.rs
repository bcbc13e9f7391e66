//! Organisations named the English way: a capitalised run that ends in a
//! head noun (`Asian Infrastructure Investment Bank`, `Far East and
//! Baikal Region Development Fund`, `Hokkaido University`), or a head noun
//! with the `of`/`for` phrase of its name (`Ministry for the Development of
//! the Russian Far East and Arctic`, `Bank of China`, `Institute of
//! Economic Research of the Far Eastern Branch of the Russian Academy of
//! Sciences`).
//!
//! The head noun must be written with a capital, and something must make
//! the name specific: a word before the head that is not generic (`the
//! Central Bank`, `The Ministry`, `a Chinese Company` are any country's),
//! or the `of` phrase. The run before the head holds capitalised words and
//! acronyms separated by spaces (or `&`), and stops at another body's head
//! (`Open Source Center Foreign Broadcast Information Service` are two);
//! it takes an `and` only after a word of offices, directions or trades
//! (`Far East and Baikal Region …`, `Oil and Gas …`), since `Gazprom and
//! China Development Bank` are two bodies. The `of` phrase holds capitalised
//! words joined by `of`, `for`, `on`, `the`, an `and` before a last run
//! that ends in a field, an office or a place (`… and Environment`, `… and
//! Unification Studies`, `… and Arctic`), and a list of fields (`Institute
//! of History, Archaeology and Ethnography …`; a list the vocabulary cannot
//! follow leaves no name); it ends at a place that a common word follows
//! (`… of China Stated that`).
//! Sentence openers (`The`, `In`) and a common word opening a sentence
//! are not part of the name.

use super::vocabulary::{generic_modifier, not_name};
use super::words::{acronym, capitalised, cyrillic, possessive, without_possessive};
use super::{Proposal, Scan};
use crate::analysis::fold::fold;
use crate::analysis::stopwords::is_stop_word;
use crate::model::EntityKind;

/// Head nouns (as written) and the kind of body each names.
const HEADS: [(&str, &str); 24] = [
    ("Academy", "academy"),
    ("Administration", "administration"),
    ("Agency", "agency"),
    ("Association", "association"),
    ("Authority", "authority"),
    ("Bank", "bank"),
    ("Chamber", "chamber"),
    ("Commission", "commission"),
    ("Committee", "committee"),
    ("Company", "company"),
    ("Corporation", "corporation"),
    ("Council", "council"),
    ("Foundation", "foundation"),
    ("Fund", "fund"),
    ("Group", "company"),
    ("Holding", "company"),
    ("Holdings", "company"),
    ("Institute", "institute"),
    ("Institutes", "institute"),
    ("Ministry", "ministry"),
    ("Organisation", "organisation"),
    ("Organization", "organisation"),
    ("Service", "service"),
    ("University", "university"),
];

/// Words that end a body's name, so never stand before another head:
/// every head noun and the heads too loose to be patterns themselves.
const BOUNDARIES: [&str; 31] = [
    "Academy",
    "Administration",
    "Agency",
    "Association",
    "Authority",
    "Bank",
    "Center",
    "Centre",
    "Chamber",
    "Club",
    "Commission",
    "Committee",
    "Company",
    "Corporation",
    "Council",
    "Forum",
    "Foundation",
    "Fund",
    "Group",
    "Holding",
    "Holdings",
    "Institute",
    "Institutes",
    "Ministry",
    "Office",
    "Organisation",
    "Organization",
    "Party",
    "Service",
    "Union",
    "University",
];

/// Most words before the head noun.
const MAX_MODIFIERS: usize = 6;

/// Most words in the `of` phrase.
const MAX_COMPLEMENT: usize = 14;

/// Words that open the `of` phrase of a name.
const COMPLEMENT_OPENERS: [&str; 3] = ["of", "for", "on"];

/// Words that join the capitalised words of the `of` phrase.
const COMPLEMENT_JOINERS: [&str; 4] = ["of", "for", "on", "the"];

/// Every organisation of this shape in one passage.
pub fn propose(scan: &Scan) -> Vec<Proposal> {
    let mut out = Vec::new();
    for i in 0..scan.words.len() {
        let written = scan.word(i);
        let Some(&(head, kind)) = HEADS
            .iter()
            .find(|(h, _)| *h == without_possessive(written))
        else {
            continue;
        };
        let first = modifiers_start(scan, i);
        let end = if possessive(written) {
            Some(i)
        } else {
            complement_end(scan, i)
        };
        let Some(end) = end else {
            continue;
        };
        let specific = (first..i).any(|k| !generic_modifier(scan.word(k)));
        if !(specific || end > i) {
            continue;
        }
        let start = scan.words[first].start;
        let stop = scan.words[end].start + without_possessive(scan.word(end)).len();
        if scan.place_covers(start, stop) {
            continue;
        }
        let trigger = if end > i {
            format!("\"{head} of …\"")
        } else {
            format!("head noun {head:?}")
        };
        out.push(Proposal {
            start,
            end: stop,
            kind: EntityKind::Org,
            name: scan.collapsed(start, stop),
            role: kind.to_string(),
            trigger,
            acronym: None,
            evidence: (scan.words[i].start, scan.words[i].end),
        });
    }
    out
}

/// A word that may stand before a head noun: capitalised Latin, or an
/// acronym (`RDIF`, `JSC`).
fn modifier(word: &str) -> bool {
    !cyrillic(word) && (capitalised(word) || acronym(word))
}

/// The first word of the run before the head noun at `i`.
fn modifiers_start(scan: &Scan, i: usize) -> usize {
    let mut first = i;
    while first > 0 && i - first < MAX_MODIFIERS {
        let gap = &scan.text[scan.words[first - 1].end..scan.words[first].start];
        let joined = scan.words[first].spaced || gap.trim() == "&";
        let prev = scan.word(first - 1);
        if !joined || possessive(prev) {
            break;
        }
        // Another body's head ends this one's run: `Open Source Center
        // Foreign Broadcast Information Service` are two.
        if modifier(prev) && !BOUNDARIES.contains(&prev) {
            first -= 1;
            continue;
        }
        // `Far East and Baikal Region …`, `Defense and Security …`, `Oil
        // and Gas …`: `and` after a word of offices, directions or trades;
        // after a proper name (`Gazprom and China Development Bank`) it
        // joins two bodies.
        if prev == "and" && first >= 2 && scan.words[first - 1].spaced {
            let left = scan.word(first - 2);
            if modifier(left) && (not_name(left) || scan.common_word(left)) {
                first -= 2;
                continue;
            }
        }
        break;
    }
    while first < i {
        let w = scan.word(first);
        let opener =
            is_stop_word(&fold(w)) || (scan.words[first].sentence_start && scan.common_word(w));
        if !opener {
            break;
        }
        first += 1;
    }
    first
}

/// The last word of the `of` phrase after the head noun at `i` (`i` when
/// there is none), or `None` when the phrase goes on in a way the rules
/// cannot follow (a list of fields the vocabulary does not know), so the
/// name's end is unsure.
fn complement_end(scan: &Scan, i: usize) -> Option<usize> {
    let n = scan.words.len();
    let opens = scan
        .words
        .get(i + 1)
        .is_some_and(|w| w.spaced && COMPLEMENT_OPENERS.contains(&w.text(scan.text)));
    if !opens {
        return Some(i);
    }
    let mut end = i;
    let mut k = i + 2;
    while k < n && k < i + 2 + MAX_COMPLEMENT && scan.words[k].spaced {
        let w = scan.word(k);
        if COMPLEMENT_JOINERS.contains(&w) {
            k += 1;
            continue;
        }
        if w == "and" {
            match and_run(scan, k) {
                Some(last) if end > i => {
                    end = last;
                    k = last + 1;
                    continue;
                }
                _ => break,
            }
        }
        if !modifier(w) {
            break;
        }
        // `… of China Stated that`: after a place, a common word that
        // names no office is the sentence going on.
        let after_place = end > i && {
            let prev = scan.words[end];
            scan.place_overlaps(prev.start, prev.end)
        };
        if after_place && scan.common_word(w) && !not_name(w) {
            break;
        }
        // `People's Republic`: a possessive inside the phrase, not at its end.
        if possessive(w) {
            let more = scan
                .words
                .get(k + 1)
                .is_some_and(|x| x.spaced && modifier(x.text(scan.text)));
            if !more {
                break;
            }
        }
        end = k;
        k += 1;
        // `Institute of History, Archaeology and Ethnography of …`.
        let comma = scan
            .gap_after(end)
            .strip_prefix(',')
            .is_some_and(|rest| !rest.is_empty() && rest.chars().all(char::is_whitespace));
        if comma
            && scan
                .words
                .get(k)
                .is_some_and(|x| field(scan, x.text(scan.text)))
        {
            end = enumeration_end(scan, k)?;
            k = end + 1;
        }
    }
    Some(end)
}

/// A word of an institution's field or office (`Archaeology`,
/// `Environment`), which lists in a name are made of.
fn field(scan: &Scan, word: &str) -> bool {
    modifier(word) && (not_name(word) || scan.common_word(word)) && !BOUNDARIES.contains(&word)
}

/// After `and` at word `k`: the capitalised run that ends the name, when
/// its last word names a field, an office or a place (`… and Unification
/// Studies`, `… and Environment`, `… and Arctic`); `None` when it names
/// something else (`… and Russian Railways`, `… and China Development
/// Bank`).
fn and_run(scan: &Scan, k: usize) -> Option<usize> {
    let mut last = None;
    let mut j = k + 1;
    while j < scan.words.len() && j <= k + 4 && scan.words[j].spaced && modifier(scan.word(j)) {
        last = Some(j);
        if possessive(scan.word(j)) {
            break;
        }
        j += 1;
    }
    let last = last?;
    let word = scan.words[last];
    let text = word.text(scan.text);
    let ends_name = (not_name(text) || scan.place_overlaps(word.start, word.end))
        && !BOUNDARIES.contains(&text);
    ends_name.then_some(last)
}

/// The last word of a list of fields starting at word `k` (`Archaeology
/// and Ethnography`, `Housing, Utilities and Construction`), or `None`
/// when the list is not made of fields to its `and`.
fn enumeration_end(scan: &Scan, mut k: usize) -> Option<usize> {
    loop {
        let w = scan.words.get(k)?;
        if !field(scan, w.text(scan.text)) {
            return None;
        }
        let gap = scan.gap_after(k);
        let next = scan.words.get(k + 1)?;
        if next.spaced && next.text(scan.text) == "and" {
            let last = k + 2;
            let end = scan.words.get(last)?;
            return (end.spaced && field(scan, end.text(scan.text))).then_some(last);
        }
        let comma = gap
            .strip_prefix(',')
            .is_some_and(|rest| !rest.is_empty() && rest.chars().all(char::is_whitespace));
        if !comma {
            return None;
        }
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;
    use std::collections::HashSet;

    fn orgs(text: &str, places: &[&str]) -> Vec<(String, String)> {
        let spans: Vec<(usize, usize)> = places
            .iter()
            .filter_map(|p| text.find(p).map(|s| (s, s + p.len())))
            .collect();
        let lower: HashSet<String> = ["analysts", "according", "stated"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let scan = Scan {
            text,
            words: words(text),
            places: &spans,
            lower: &lower,
        };
        propose(&scan)
            .into_iter()
            .map(|p| (p.name, p.role))
            .collect()
    }

    fn names(text: &str) -> Vec<String> {
        orgs(text, &[]).into_iter().map(|p| p.0).collect()
    }

    #[test]
    fn runs_ending_in_a_head_noun() {
        assert_eq!(
            orgs("with the Asian Infrastructure Investment Bank (AIIB)", &[]),
            [(
                "Asian Infrastructure Investment Bank".to_string(),
                "bank".to_string()
            )]
        );
        assert_eq!(
            names("Analysts at Harbin Polytechnic University say"),
            ["Harbin Polytechnic University"]
        );
        assert_eq!(
            names("while the Far East and Baikal Region Development Fund pays"),
            ["Far East and Baikal Region Development Fund"]
        );
        assert_eq!(
            names("Mitsui & Co and the Export-Import Bank"),
            ["Export-Import Bank"]
        );
    }

    #[test]
    fn head_nouns_with_their_of_phrase() {
        assert_eq!(
            names("The Ministry for the Development of the Russian Far East and Arctic, headed"),
            ["Ministry for the Development of the Russian Far East and Arctic"]
        );
        assert_eq!(
            names("the Ministry of Foreign Affairs of the People's Republic of China said"),
            ["Ministry of Foreign Affairs of the People's Republic of China"]
        );
        assert_eq!(
            names("lent by the Bank of China and Russian Railways"),
            ["Bank of China"]
        );
        assert_eq!(
            names("the Ministry of Natural Resources and Environment"),
            ["Ministry of Natural Resources and Environment"]
        );
        assert_eq!(
            names("(Institute for Peace and Unification Studies, Seoul)"),
            ["Institute for Peace and Unification Studies"]
        );
        assert_eq!(
            names("(Institute of History, Archaeology and Ethnography of the Peoples of the Far East)"),
            ["Institute of History, Archaeology and Ethnography of the Peoples of the Far East"]
        );
        assert_eq!(
            names("the Ministry of Energy, Gazprom and Rosneft"),
            ["Ministry of Energy"]
        );
    }

    #[test]
    fn runs_stop_at_other_bodies_and_sentences() {
        assert_eq!(
            names("from the Open Source Center Foreign Broadcast Information Service"),
            ["Foreign Broadcast Information Service"]
        );
        assert_eq!(
            names("the Federation Council’s Defense and Security Committee"),
            ["Federation Council", "Defense and Security Committee"]
        );
        assert_eq!(
            names("the Bank of China and Export-Import Bank"),
            ["Bank of China", "Export-Import Bank"]
        );
        assert_eq!(
            names("Gazprom and China Development Bank"),
            ["China Development Bank"]
        );
        assert_eq!(
            orgs(
                "The Ministry of Foreign Affairs of China Stated that",
                &["China"]
            )[0]
            .0,
            "Ministry of Foreign Affairs of China"
        );
    }

    #[test]
    fn generic_or_bare_heads_are_no_name() {
        for text in [
            "The Ministry has also",
            "The Fund did not comment",
            "the Central Bank raised rates",
            "several Russian banks",
            "Chapter One of the Ministry",
            "a Chinese Company",
        ] {
            assert!(names(text).is_empty(), "{text}: {:?}", names(text));
        }
        assert!(orgs("the West Bank", &["West Bank"]).is_empty());
    }
}
