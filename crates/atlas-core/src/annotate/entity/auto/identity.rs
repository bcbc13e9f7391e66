//! When two automatic names are one entity, and what the entity is called:
//! the key (a name folded: case, diacritics, typographic quotes, runs of
//! spaces), the stable id (`auto-` and a Latin slug of the name, Cyrillic
//! romanised by the search analyzer's rules, so ids are plain URL words
//! like every other id), and which word of a person's name is the surname
//! (the last one, except in Chinese and Korean order: `Xi Jinping`, `Kim
//! Hyun-wook`, `Си Цзиньпин`).

use super::vocabulary::family_name_first;
use crate::analysis::fold::fold;

/// Prefix of every automatic id; `data/people.tsv` and
/// `data/organisations.tsv` may not use it, so the two never collide.
pub const ID_PREFIX: &str = "auto-";

/// The folded name that identifies an automatic entity of one kind.
pub fn key(name: &str) -> String {
    fold(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['«', '»', '“', '”', '"'], "")
}

/// A Latin slug of a name: lower-case ASCII words joined by `-`, at most
/// eight of them (`Xi Jinping` → `xi-jinping`, `Российский фонд прямых
/// инвестиций` → `rossiyskiy-fond-pryamykh-investitsiy`).
pub fn slug(name: &str) -> String {
    let latin: String = fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| crate::analysis::translit::to_latin(w).unwrap_or_default())
        .collect::<Vec<_>>()
        .join(" ");
    let slug = latin
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "entity".to_string()
    } else {
        slug
    }
}

/// The name words of a person's name, initials left out.
fn name_words(name: &str) -> Vec<&str> {
    name.split_whitespace()
        .filter(|w| !w.ends_with('.'))
        .collect()
}

/// Which word of a name is the surname: of two or more words, or one
/// after initials (`V. V. Putin`).
fn surname_index(name: &str, words: &[&str]) -> Option<usize> {
    match words {
        [] => None,
        [_] if name.split_whitespace().count() > 1 => Some(0),
        [_] => None,
        [first, ..] if family_name_first(&fold(first)) && words.len() <= 3 => Some(0),
        _ => Some(words.len() - 1),
    }
}

/// The surname of a person's folded key (`xi jinping` → `xi`), for a name
/// of two or more words.
pub fn surname(key: &str) -> Option<String> {
    let words = name_words(key);
    surname_index(key, &words).map(|i| words[i].to_string())
}

/// The surname as `written` (a full-name mention of the person whose key
/// is `key`): `Alexei Chekunkov` → `Chekunkov`.
pub fn written_surname(written: &str, key_of: &str) -> Option<String> {
    let words = name_words(written);
    if words.len() != name_words(key_of).len() {
        return None;
    }
    surname_index(written, &words).map(|i| words[i].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_latin_url_words() {
        assert_eq!(slug("Xi Jinping"), "xi-jinping");
        assert_eq!(slug("Kim Hyun-wook"), "kim-hyun-wook");
        assert_eq!(slug("Олег Кожемяко"), "oleg-kozhemyako");
        assert_eq!(slug("Mitsui & Co."), "mitsui-co");
        assert_eq!(slug("中国"), "entity");
    }

    #[test]
    fn surnames_by_name_order() {
        assert_eq!(surname(&key("Xi Jinping")).as_deref(), Some("xi"));
        assert_eq!(surname(&key("Kim Hyun-wook")).as_deref(), Some("kim"));
        assert_eq!(
            surname(&key("Oleg Kozhemyako")).as_deref(),
            Some("kozhemyako")
        );
        assert_eq!(surname(&key("V. V. Putin")).as_deref(), Some("putin"));
        assert_eq!(surname(&key("Xi")), None);
        assert_eq!(surname(&key("Си Цзиньпин")).as_deref(), Some("си"));
        assert_eq!(
            written_surname("Алексей Чекунков", &key("Алексей Чекунков")).as_deref(),
            Some("Чекунков")
        );
        assert_eq!(key("АО «Корпорация»"), "ао корпорация");
    }
}
