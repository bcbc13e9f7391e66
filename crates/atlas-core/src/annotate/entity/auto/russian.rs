//! What Russian endings tell the patterns, by rule and without a
//! dictionary: where an office or a body's name stops (`министр по
//! развитию Дальнего Востока и Арктики` runs on over genitives and
//! prepositions, stops at `заявил`), and how an inflected name is listed
//! (`Российского фонда прямых инвестиций` is the `Российский фонд прямых
//! инвестиций`: in a Russian body's name only the head noun and the
//! adjectives before it decline, the genitive after it never does).
//!
//! The rules are deliberately few: a word they cannot place stops a name
//! (a miss), it never lengthens one.

/// Grammatical gender of a head noun, which its adjectives agree with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// `фонд`, `банк`, `университет`.
    Masculine,
    /// `корпорация`, `служба`, `дума`.
    Feminine,
    /// `министерство`, `агентство`.
    Neuter,
}

/// Head nouns of bodies' names: the stem, the nominative ending, the
/// gender, the endings of the other cases (singular), and the English kind
/// the body is listed under.
const HEADS: [(&str, &str, Gender, &[&str], &str); 15] = [
    (
        "министерств",
        "о",
        Gender::Neuter,
        &["а", "у", "ом", "е"],
        "ministry",
    ),
    (
        "агентств",
        "о",
        Gender::Neuter,
        &["а", "у", "ом", "е"],
        "agency",
    ),
    (
        "корпораци",
        "я",
        Gender::Feminine,
        &["и", "ю", "ей"],
        "corporation",
    ),
    (
        "ассоциаци",
        "я",
        Gender::Feminine,
        &["и", "ю", "ей"],
        "association",
    ),
    (
        "академи",
        "я",
        Gender::Feminine,
        &["и", "ю", "ей"],
        "academy",
    ),
    (
        "комисси",
        "я",
        Gender::Feminine,
        &["и", "ю", "ей"],
        "commission",
    ),
    (
        "служб",
        "а",
        Gender::Feminine,
        &["ы", "е", "у", "ой"],
        "service",
    ),
    (
        "дум",
        "а",
        Gender::Feminine,
        &["ы", "е", "у", "ой"],
        "parliament",
    ),
    (
        "палат",
        "а",
        Gender::Feminine,
        &["ы", "е", "у", "ой"],
        "chamber",
    ),
    (
        "фонд",
        "",
        Gender::Masculine,
        &["а", "у", "ом", "е"],
        "fund",
    ),
    (
        "банк",
        "",
        Gender::Masculine,
        &["а", "у", "ом", "е"],
        "bank",
    ),
    (
        "комитет",
        "",
        Gender::Masculine,
        &["а", "у", "ом", "е"],
        "committee",
    ),
    (
        "совет",
        "",
        Gender::Masculine,
        &["а", "у", "ом", "е"],
        "council",
    ),
    (
        "университет",
        "",
        Gender::Masculine,
        &["а", "у", "ом", "е"],
        "university",
    ),
    (
        "институт",
        "",
        Gender::Masculine,
        &["а", "у", "ом", "е"],
        "institute",
    ),
];

/// A head noun in any case: `(nominative as written, gender, kind,
/// nominative?)`. The nominative keeps the word's first capital.
pub fn head_noun(word: &str) -> Option<(String, Gender, &'static str, bool)> {
    let lower = word.to_lowercase();
    for (stem, nom, gender, others, kind) in HEADS {
        let Some(ending) = lower.strip_prefix(stem) else {
            continue;
        };
        let nominative = ending == nom;
        if nominative || others.contains(&ending) {
            let prefix_chars = stem.chars().count();
            let written: String = word.chars().take(prefix_chars).collect();
            return Some((format!("{written}{nom}"), gender, kind, nominative));
        }
    }
    None
}

/// Adjective endings by gender, nominative first, then the other cases
/// (singular), longest first within each.
const ADJECTIVE_ENDINGS: [(Gender, &[&str], &[&str]); 3] = [
    (
        Gender::Masculine,
        &["ый", "ий", "ой"],
        &["ого", "его", "ому", "ему", "ым", "им", "ом", "ем"],
    ),
    (Gender::Feminine, &["ая", "яя"], &["ой", "ей", "ую", "юю"]),
    (
        Gender::Neuter,
        &["ое", "ее"],
        &["ого", "его", "ому", "ему", "ым", "им", "ом", "ем"],
    ),
];

/// An adjective agreeing with a head of `gender`, put in the nominative:
/// `(nominative, was nominative)`, or `None` when the word has no
/// adjective ending of that gender.
pub fn nominative_adjective(word: &str, gender: Gender) -> Option<(String, bool)> {
    let (_, nominatives, others) = ADJECTIVE_ENDINGS.iter().find(|(g, _, _)| *g == gender)?;
    let lower = word.to_lowercase();
    if nominatives.iter().any(|e| lower.ends_with(e)) && lower.chars().count() > 3 {
        return Some((word.to_string(), true));
    }
    let ending = others.iter().find(|e| lower.ends_with(*e))?;
    let keep = word.chars().count() - ending.chars().count();
    if keep < 2 {
        return None;
    }
    let stem: String = word.chars().take(keep).collect();
    let soft = ending.starts_with(['е', 'и', 'ю']);
    // After к, г, х and the hushing consonants Russian spells -ий/-ая/-ое.
    let velar = stem
        .chars()
        .next_back()
        .is_some_and(|c| "кгхжшщч".contains(c));
    let nominative = match (gender, soft || velar) {
        (Gender::Masculine, true) => "ий",
        (Gender::Masculine, false) => "ый",
        (Gender::Feminine, _) if soft && !velar => "яя",
        (Gender::Feminine, _) => "ая",
        (Gender::Neuter, _) if soft && !velar => "ее",
        (Gender::Neuter, _) => "ое",
    };
    Some((format!("{stem}{nominative}"), false))
}

/// Words that end a name whatever follows: conjunctions, relative and
/// question words, particles.
const CLAUSE_WORDS: [&str; 24] = [
    "а",
    "будет",
    "был",
    "была",
    "было",
    "были",
    "как",
    "когда",
    "который",
    "которая",
    "которое",
    "которые",
    "ли",
    "не",
    "но",
    "однако",
    "также",
    "тоже",
    "уже",
    "что",
    "чтобы",
    "это",
    "его",
    "ее",
];

/// Does the lower-case word look like a verb form (`заявил`, `сообщила`,
/// `подписали`, `сообщает`, `получат`, `провести`, `встретился`)? A name
/// never holds one, so it stops there.
pub fn verb_like(lower: &str) -> bool {
    if CLAUSE_WORDS.contains(&lower) {
        return true;
    }
    const PAST: [&str; 12] = [
        "ил", "ел", "ал", "ял", "ыл", "ул", "ила", "ела", "ала", "яла", "ыла", "ула",
    ];
    const OTHER: [&str; 14] = [
        "ло", "или", "ели", "али", "яли", "ыли", "ся", "сь", "ет", "ит", "ют", "ут", "ат", "ят",
    ];
    let long = lower.chars().count() > 3;
    long && (PAST.iter().any(|e| lower.ends_with(e)) || OTHER.iter().any(|e| lower.ends_with(e)))
}

/// Endings of a noun or adjective in an oblique case that a person's first
/// name (nominative) never has: `Олегом`, `Приморского`, `России`.
const NOT_NOMINATIVE: [&str; 10] = [
    "ого", "его", "ому", "ему", "ых", "их", "ии", "ым", "ом", "ой",
];

/// May this Cyrillic word be the nominative first word of a name?
pub fn nominative_given(word: &str) -> bool {
    let lower = word.to_lowercase();
    // `Толстой`, `Лев` are fine as surnames; here only the first word.
    !NOT_NOMINATIVE.iter().any(|e| lower.ends_with(e))
}

/// The case forms of a Russian surname a text uses after the full name:
/// `Демешин` → `Демешина`, `Демешину`, …; `Кожемяко` does not decline.
pub fn surname_forms(surname: &str) -> Vec<String> {
    let lower = surname.to_lowercase();
    let replace = |cut: usize, endings: &[&str]| -> Vec<String> {
        let stem: String = surname
            .chars()
            .take(surname.chars().count() - cut)
            .collect();
        endings.iter().map(|e| format!("{stem}{e}")).collect()
    };
    if lower.ends_with("ский") || lower.ends_with("цкий") {
        replace(2, &["ого", "ому", "им", "ом"])
    } else if ["ова", "ева", "ина", "ына"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        replace(1, &["ой", "у"])
    } else if lower
        .chars()
        .next_back()
        .is_some_and(|c| super::words::is_cyrillic(c) && !"аеёиоуыэюяйь".contains(c))
    {
        replace(0, &["а", "у", "ым", "ом", "е"])
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_nouns_in_any_case() {
        assert_eq!(
            head_noun("Министерства"),
            Some(("Министерство".into(), Gender::Neuter, "ministry", false))
        );
        assert_eq!(head_noun("фонда").map(|h| h.0), Some("фонд".to_string()));
        assert_eq!(head_noun("Корпорация").map(|h| h.3), Some(true));
        assert_eq!(head_noun("фондовый"), None);
        assert_eq!(head_noun("Советом").map(|h| h.0), Some("Совет".into()));
    }

    #[test]
    fn adjectives_to_the_nominative() {
        let nom = |w: &str, g: Gender| nominative_adjective(w, g).map(|x| x.0);
        assert_eq!(
            nom("Российского", Gender::Masculine),
            Some("Российский".into())
        );
        assert_eq!(
            nom("Федеральной", Gender::Feminine),
            Some("Федеральная".into())
        );
        assert_eq!(
            nom("таможенной", Gender::Feminine),
            Some("таможенная".into())
        );
        assert_eq!(
            nom("Харбинским", Gender::Masculine),
            Some("Харбинский".into())
        );
        assert_eq!(
            nom("Дальневосточного", Gender::Masculine),
            Some("Дальневосточный".into())
        );
        assert_eq!(nom("Дальнего", Gender::Masculine), Some("Дальний".into()));
        assert_eq!(
            nom("Азиатский", Gender::Masculine),
            Some("Азиатский".into())
        );
        assert_eq!(nom("банк", Gender::Masculine), None);
    }

    #[test]
    fn verbs_stop_names() {
        for w in [
            "заявил",
            "сообщила",
            "подписали",
            "сообщает",
            "получат",
            "встретился",
            "что",
        ] {
            assert!(verb_like(w), "{w}");
        }
        for w in [
            "развития",
            "Востока",
            "Арктики",
            "края",
            "инвестиций",
            "правительства",
        ] {
            assert!(!verb_like(&w.to_lowercase()), "{w}");
        }
    }

    #[test]
    fn surnames_decline_by_their_ending() {
        assert!(surname_forms("Демешин").contains(&"Демешина".to_string()));
        assert!(surname_forms("Кожемяко").is_empty());
        assert!(surname_forms("Иванова").contains(&"Ивановой".to_string()));
        assert!(nominative_given("Алексей") && !nominative_given("Олегом"));
    }
}
