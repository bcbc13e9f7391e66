//! People named with their office: the class of text is political and
//! economic writing, where a person is introduced by a title (`Governor
//! Oleg Kozhemyako`, `Minister of Foreign Affairs Sergei Lavrov`,
//! `губернатор Приморского края Олег Кожемяко`) or by the name, a comma and
//! the office (`Alexei Chekunkov, Minister for the Development of the Far
//! East`; `Kim Hyun-wook, a professor at …`).
//!
//! The mention is the name alone: the office often holds other names (a
//! body, a place: `Governor of Primorsky Krai …`), which keep their own
//! mentions. A name is
//! - one to three capitalised words separated by spaces, in one script,
//!   possibly after initials (`V. V. Putin`, `А. Чекунков`);
//! - none of them a word of offices, bodies or the calendar
//!   ([`super::vocabulary`]), a title, a stop word, or a word the corpus
//!   also writes in lower case (`Development`, `Summit`);
//! - not one place as a whole, and, where it is taken from the end of an
//!   office, not starting with a place (`President of Kazakhstan Tokayev`
//!   leaves no name). A given name may be a town's (`Vladimir`): that
//!   alone rejects nothing.
//!
//! After an English title the name follows directly (`President Xi
//! Jinping`); a single word only after a capitalised title (`President
//! Xi`, not `the president said`). Otherwise the office runs on with `of`,
//! `for`, `to`, `the`, `and` and capitalised words, and the name is the last
//! two words (three with a patronymic) of that run (`Deputy Prime Minister
//! and Presidential Plenipotentiary Envoy to the Far Eastern Federal
//! District Yury Trutnev`). After a Russian title the office is a run of
//! genitives, prepositions and capitalised words (`министр по развитию
//! Дальнего Востока и Арктики`, `председатель КНР`), never a verb, and the
//! name is the first two capitalised words in the nominative at its end; a
//! Russian name needs two words (`глава Сбербанка` is an organisation).

use super::russian::{nominative_given, verb_like};
use super::titles::{is_title_word, title_at, Title};
use super::vocabulary::{family_name_first, not_name};
use super::words::{acronym, capitalised, cyrillic, possessive, without_possessive};
use super::{Proposal, Scan};
use crate::analysis::fold::fold;
use crate::analysis::stopwords::is_stop_word;
use crate::model::EntityKind;

/// Most name words after the initials (`Vladimir Vladimirovich Putin`).
const MAX_NAME_WORDS: usize = 3;

/// Longest English office between a title and a name, in words.
const MAX_OFFICE_WORDS: usize = 16;

/// Longest Russian office, in words.
const MAX_OFFICE_WORDS_RU: usize = 12;

/// Small words an English office runs on with.
const CONNECTORS: [&str; 8] = ["of", "for", "to", "the", "and", "on", "at", "in"];

/// Words between a name's comma and the office (`, the governor of`).
const DETERMINERS: [&str; 10] = [
    "the",
    "a",
    "an",
    "former",
    "then",
    "acting",
    "now",
    "also",
    "currently",
    "бывший",
];

/// Every person the two patterns find in one passage.
pub fn propose(scan: &Scan) -> Vec<Proposal> {
    let mut out = after_titles(scan);
    out.extend(before_offices(scan));
    out.retain(|p| !scan.place_covers(p.start, p.end));
    out.sort_by_key(|p| (p.start, p.end));
    out.dedup_by_key(|p| (p.start, p.end));
    out
}

/// A word that may be part of a name.
fn name_word(scan: &Scan, i: usize) -> bool {
    let w = without_possessive(scan.word(i));
    capitalised(w)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        && !not_name(w)
        && !is_title_word(w)
        && !is_stop_word(&fold(w))
        && !scan.common_word(w)
}

/// A family name that is also a common or stop word (`He`, `Ma`), first in
/// its name: a name word only when a given name follows (`He Lifeng`).
fn family_name_opens(scan: &Scan, i: usize) -> bool {
    let w = scan.word(i);
    capitalised(w)
        && family_name_first(&fold(w))
        && scan.words.get(i + 1).is_some_and(|x| x.spaced)
        && name_word(scan, i + 1)
}

/// A capital letter and a dot: an initial.
fn initial(scan: &Scan, i: usize) -> bool {
    let w = scan.word(i);
    w.chars().count() == 1
        && w.chars().all(char::is_uppercase)
        && scan.text[scan.words[i].end..].starts_with('.')
}

/// A patronymic (`Vladimirovich`, `Петрович`, `Ивановна`).
fn patronymic(word: &str) -> bool {
    let lower = word.to_lowercase();
    ["ovich", "evich", "ovna", "evna", "вич", "вна", "ична"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// `true` for a gap of spaces only.
fn spaces(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(char::is_whitespace)
}

/// A name starting at word `j`: up to three initials, then one to three
/// name words of one script separated by spaces. `(last word, words in
/// all, initials)`.
fn name_from(scan: &Scan, j: usize) -> Option<(usize, usize, usize)> {
    let n = scan.words.len();
    let mut k = j;
    let mut initials = 0;
    while k < n && initials < 3 && initial(scan, k) {
        let gap = scan.gap_after(k);
        let after_dot = gap.strip_prefix('.')?;
        if !(after_dot.is_empty() || spaces(after_dot)) {
            return None;
        }
        initials += 1;
        k += 1;
    }
    let script = cyrillic(scan.words.get(k).map(|w| w.text(scan.text))?);
    let mut count = 0;
    let mut last = k;
    while k < scan.words.len() && count < MAX_NAME_WORDS {
        // A middle initial: `Gleb A. Ivashentsov`.
        if count > 0 && initials < 3 && scan.words[k].spaced && initial(scan, k) {
            let after_dot = scan.gap_after(k).strip_prefix('.').unwrap_or("-");
            if spaces(after_dot) && k + 1 < scan.words.len() && name_word(scan, k + 1) {
                initials += 1;
                k += 1;
                continue;
            }
            return None;
        }
        let word_ok = name_word(scan, k) || (count == 0 && family_name_opens(scan, k));
        if !word_ok || cyrillic(scan.word(k)) != script {
            break;
        }
        if count > 0 && !scan.words[k].spaced && !initial(scan, k - 1) {
            break;
        }
        last = k;
        count += 1;
        if possessive(scan.word(k)) {
            break;
        }
        k += 1;
    }
    (count > 0).then_some((last, count + initials, initials))
}

/// Does a name ending at `last` run on into another name word?
fn continues(scan: &Scan, last: usize) -> bool {
    !possessive(scan.word(last))
        && scan.words.get(last + 1).is_some_and(|w| w.spaced)
        && name_word(scan, last + 1)
}

/// The proposal for the name `first..=last`.
fn proposal(scan: &Scan, first: usize, last: usize, role: &str, trigger: String) -> Proposal {
    let start = scan.words[first].start;
    let end = scan.words[last].start + without_possessive(scan.word(last)).len();
    Proposal {
        start,
        end,
        kind: EntityKind::Person,
        name: scan.collapsed(start, end),
        role: role.to_string(),
        trigger,
        acronym: None,
        evidence: (start, end),
    }
}

/// `Title Name`, `Title of … Name`, `титул … Имя Фамилия`.
fn after_titles(scan: &Scan) -> Vec<Proposal> {
    let mut out = Vec::new();
    for i in 0..scan.words.len() {
        let Some(title) = title_at(scan.text, &scan.words, i) else {
            continue;
        };
        let j = i + 1;
        if j >= scan.words.len() {
            continue;
        }
        let gap = scan.gap_after(i);
        let abbreviation_dot = title.abbreviated
            && gap
                .strip_prefix('.')
                .is_some_and(|rest| rest.is_empty() || spaces(rest));
        if !(spaces(gap) || abbreviation_dot) {
            continue;
        }
        let word = scan.word(i).to_string();
        let found = if title.russian {
            after_russian_title(scan, &title, j, &word)
        } else {
            after_english_title(scan, &title, j, &word)
        };
        out.extend(found);
    }
    out
}

fn after_english_title(scan: &Scan, title: &Title, j: usize, word: &str) -> Option<Proposal> {
    if let Some((last, total, _)) = name_from(scan, j) {
        if cyrillic(scan.word(j)) || continues(scan, last) {
            return None;
        }
        if total == 1 && !title.capitalised {
            return None;
        }
        return Some(proposal(
            scan,
            j,
            last,
            &title.role,
            format!("after title {word:?}"),
        ));
    }
    // The office runs on: `Minister of Foreign Affairs Sergei Lavrov`.
    let mut k = j;
    let mut end = None;
    while k < scan.words.len() && k < j + MAX_OFFICE_WORDS {
        if k > j && !scan.words[k].spaced {
            break;
        }
        let w = scan.word(k);
        if CONNECTORS.contains(&w) {
            k += 1;
            continue;
        }
        if !(capitalised(w) || acronym(w)) || cyrillic(w) {
            break;
        }
        end = Some(k);
        if possessive(w) {
            break;
        }
        k += 1;
    }
    let r = end?;
    let mut count = 0;
    while count < r - j && name_word(scan, r - count) && count <= MAX_NAME_WORDS {
        count += 1;
    }
    let take = match count {
        0 | 1 => return None,
        2 => 2,
        _ if patronymic(scan.word(r - 1)) => 3,
        _ => 2,
    };
    // The office may end in a place the word lists do not know: `President
    // of Kazakhstan Tokayev` leaves no name.
    let first = scan.words[r + 1 - take];
    if scan.place_overlaps(first.start, first.end) {
        return None;
    }
    Some(proposal(
        scan,
        r + 1 - take,
        r,
        &title.role,
        format!("after title {word:?} and the office"),
    ))
}

fn after_russian_title(scan: &Scan, title: &Title, j: usize, word: &str) -> Option<Proposal> {
    let mut k = j;
    while k < scan.words.len() && k < j + MAX_OFFICE_WORDS_RU {
        if k > j {
            let gap = scan.gap_after(k - 1);
            let quoted = gap
                .chars()
                .all(|c| c.is_whitespace() || matches!(c, '«' | '»' | '"' | '“' | '”'));
            if gap.is_empty() || !quoted {
                break;
            }
        }
        if let Some((last, total, initials)) = name_from(scan, k) {
            let first_ok = initials > 0 || nominative_given(scan.word(k));
            let whole = total == 2 || initials > 0 || (total == 3 && patronymic(scan.word(k + 1)));
            if cyrillic(scan.word(k)) && total >= 2 && first_ok && whole && !continues(scan, last) {
                return Some(proposal(
                    scan,
                    k,
                    last,
                    &title.role,
                    format!("after title {word:?}"),
                ));
            }
        }
        let w = scan.word(k);
        let lower = w.to_lowercase();
        let office_word = if w.chars().next().is_some_and(char::is_lowercase) {
            cyrillic(w) && !verb_like(&lower) && !is_title_word(w)
        } else {
            cyrillic(w) || acronym(w)
        };
        if !office_word {
            break;
        }
        k += 1;
    }
    None
}

/// `Name, [the] office`: the name right before a comma that a title
/// follows.
fn before_offices(scan: &Scan) -> Vec<Proposal> {
    let mut out = Vec::new();
    let n = scan.words.len();
    for last in 0..n.saturating_sub(1) {
        let gap = scan.gap_after(last);
        let Some(rest) = gap.strip_prefix(',') else {
            continue;
        };
        if !spaces(rest) || !name_word(scan, last) {
            continue;
        }
        // The maximal run of name words ending here, initials before it.
        let script = cyrillic(scan.word(last));
        let mut first = last;
        while first > 0
            && scan.words[first].spaced
            && name_word(scan, first - 1)
            && cyrillic(scan.word(first - 1)) == script
            && last - first < 4
        {
            first -= 1;
        }
        let mut words = last + 1 - first;
        if words == 3 && scan.words[first].sentence_start && !patronymic(scan.word(first + 1)) {
            // `Yesterday Ivan Petrov, …`: the sentence's first word.
            first += 1;
            words = 2;
        }
        if !(2..=MAX_NAME_WORDS).contains(&words) {
            continue;
        }
        if script && !nominative_given(scan.word(first)) {
            continue;
        }
        // After the comma: determiners, then a title starting right there.
        let mut k = last + 1;
        while k < n && DETERMINERS.contains(&scan.word(k)) {
            k += 1;
        }
        let title = (k..(k + 4).min(n)).find_map(|t| {
            title_at(scan.text, &scan.words, t)
                .filter(|x| x.first == k)
                .map(|x| (t, x))
        });
        let Some((t, title)) = title else {
            continue;
        };
        let word = scan.word(t).to_string();
        out.push(proposal(
            scan,
            first,
            last,
            &title.role,
            format!("before \", {word}\""),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;
    use std::collections::HashSet;

    fn people(text: &str, places: &[&str]) -> Vec<(String, String)> {
        let spans: Vec<(usize, usize)> = places
            .iter()
            .filter_map(|p| text.find(p).map(|s| (s, s + p.len())))
            .collect();
        let lower: HashSet<String> = ["said", "development", "visits"]
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
        people(text, &[]).into_iter().map(|p| p.0).collect()
    }

    #[test]
    fn english_titles_before_names() {
        assert_eq!(
            people("as President Xi Jinping's envoy said", &[]),
            [("Xi Jinping".to_string(), "president".to_string())]
        );
        assert_eq!(
            people("Deputy Prime Minister Anna Petrova arrived", &[]),
            [(
                "Anna Petrova".to_string(),
                "deputy prime minister".to_string()
            )]
        );
        assert_eq!(
            names("met Governor Ivan Sidorov of Amur Oblast"),
            ["Ivan Sidorov"]
        );
        assert_eq!(names("and Chairman Mao in 1950"), ["Mao"]);
        assert_eq!(
            names("Dr. Kang Min-ho and Prof. L. Wu"),
            ["Kang Min-ho", "L. Wu"]
        );
        assert_eq!(names("former governor Pavel Orlov"), ["Pavel Orlov"]);
        assert_eq!(
            names("Address by H.E. Mr. Ivan A. Petrov, Ambassador"),
            ["Ivan A. Petrov"]
        );
    }

    #[test]
    fn offices_between_title_and_name() {
        assert_eq!(
            names("the Minister of Foreign Affairs Sergei Lavrov said"),
            ["Sergei Lavrov"]
        );
        assert_eq!(
            names(
                "Deputy Prime Minister and Presidential Plenipotentiary Envoy to the Far \
                 Eastern Federal District Yury Trutnev"
            ),
            ["Yury Trutnev"]
        );
        assert_eq!(
            people(
                "Governor of Primorsky Krai Oleg Kozhemyako",
                &["Primorsky Krai"]
            ),
            [("Oleg Kozhemyako".to_string(), "governor".to_string())]
        );
        // The office ends in a place: no name is left.
        assert!(people("Governor of Primorsky Krai Kozhemyako", &["Primorsky Krai"]).is_empty());
        assert!(people("President of Kazakhstan Tokayev", &["Kazakhstan"]).is_empty());
        assert_eq!(
            people("president Vladimir Petrov", &["Vladimir"]),
            [("Vladimir Petrov".to_string(), "president".to_string())]
        );
    }

    #[test]
    fn what_is_not_a_name() {
        for text in [
            "the President of Russia said",
            "the president said",
            "President Visits Moscow",
            "Professor Emeritus",
            "Minister of Foreign Affairs Lavrov",
            "Governor in March",
            "the governor Kozhemyako",
            "Chapter One: the Ministry",
        ] {
            assert!(names(text).is_empty(), "{text}: {:?}", names(text));
        }
        assert!(people("President Vladivostok Sea", &["Vladivostok"]).is_empty());
    }

    #[test]
    fn russian_titles_and_offices() {
        assert_eq!(
            people(
                "губернатор Приморского края Олег Кожемяко провел",
                &["Приморского края"]
            ),
            [("Олег Кожемяко".to_string(), "governor".to_string())]
        );
        assert_eq!(
            people(
                "подписали министр по развитию Дальнего Востока и Арктики Алексей Чекунков и",
                &["Дальнего Востока", "Арктики"]
            ),
            [("Алексей Чекунков".to_string(), "minister".to_string())]
        );
        assert_eq!(names("председатель КНР Си Цзиньпин и"), ["Си Цзиньпин"]);
        assert_eq!(
            names("Глава Минэкономразвития Максим Решетников в 2023 году"),
            ["Максим Решетников"]
        );
        assert_eq!(names("президент В. В. Путин"), ["В. В. Путин"]);
        for text in [
            "глава Сбербанка заявил",
            "губернатор встретился с Олегом Кожемяко",
            "Первая глава Книги",
            "президент России",
        ] {
            assert!(names(text).is_empty(), "{text}: {:?}", names(text));
        }
    }

    #[test]
    fn names_before_a_comma_and_an_office() {
        assert_eq!(
            people(
                "Ivan Sidorov, Minister for the Development of the Far East, said",
                &[]
            ),
            [("Ivan Sidorov".to_string(), "minister".to_string())]
        );
        assert_eq!(
            names("Kim Hyun-wook, a professor at the academy"),
            ["Kim Hyun-wook"]
        );
        assert_eq!(
            names("Алексей Чекунков, министр по развитию"),
            ["Алексей Чекунков"]
        );
        assert!(names("In Harbin Oblast, Governor").is_empty());
        assert!(people("Amur Oblast, governor", &["Amur Oblast"]).is_empty());
        assert!(names("Sergei Ivanov, the company").is_empty());
    }
}
