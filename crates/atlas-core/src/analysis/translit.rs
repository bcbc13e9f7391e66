//! Transliteration-insensitive keys: `Приморский`, `Primorskiy`, `Primorsky`,
//! `Primorskii` and `Primorye` all reduce to the key `primor`, so a Latin query
//! finds Cyrillic text and the reverse, and romanisation variants meet.
//!
//! The key is derived by rules, never from a per-word list:
//!
//! 1. **Cyrillic → Latin** by a simplified BGN/PCGN scheme (`х` → `kh`,
//!    `ж` → `zh`, `ц` → `ts`, `ч` → `ch`, `ш` → `sh`, `щ` → `shch`, `ы`/`й` → `y`,
//!    `ю` → `yu`, `я` → `ya`, `ъ` dropped, `ь` → `y` before a vowel and dropped
//!    elsewhere: `Приморье` → `primorye`).
//! 2. **Latin normalisation**, so the variants of one romanisation collapse:
//!    `x` → `ks`; `kh` → `h`; `shch`/`sch` → `sh`; `j` after a vowel → `i`
//!    (`-ij`); every `y` → `i` (`kray`/`krai`, `ya`/`ia`, `yu`/`iu`, `-iy`/`-ii`/`-y`);
//!    runs of one letter collapse (`ii` → `i`).
//! 3. **One ending stripped** (the first of [`ENDINGS`] that leaves at least
//!    four letters): the Russian adjectival/region suffixes (`-skiy`, `-sky`,
//!    `-sk`, `-skogo`, …), `-ye`/`-ie`/`-ia`/`-iu` and a final vowel, so
//!    `Khabarovskiy` and `Khabarovsk` both give `habarov`, `Primorye` and
//!    `Primorsky` both give `primor`, `Сахалина` gives `sahalin`.
//!
//! The key is indexed as a second way to reach a term; exact term matches
//! are always weighted above key matches.

/// Endings removed in step 3, tried in this order (longest first).
pub const ENDINGS: &[&str] = &[
    "skogo", "skomu", "skaia", "skoie", "skoi", "skih", "skim", "skom", "skie", "ski", "sk", "ogo",
    "ie", "ia", "iu", "a", "e", "i", "o", "u",
];

/// Letters a key must keep after an ending is stripped.
const MIN_STEM: usize = 4;

/// The phonetic key of a folded Latin or Cyrillic word, or `None` for other
/// scripts, numbers and words shorter than three letters.
pub fn phonetic_key(folded: &str) -> Option<String> {
    let latin = to_latin(folded)?;
    let normal = normalise(&latin);
    if normal.len() < 3 || !normal.bytes().any(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    Some(strip_ending(normal))
}

/// The first letter [`phonetic_key`] would give, from the first two
/// characters only: a cheap test before computing a whole key.
pub fn key_initial(folded: &str) -> Option<char> {
    let b = folded.as_bytes();
    match b.first() {
        Some(b'k') if b.get(1) == Some(&b'h') => return Some('h'),
        Some(b'x') => return Some('k'),
        Some(b'y') => return Some('i'),
        Some(&c) if c.is_ascii_alphanumeric() => return Some(char::from(c)),
        _ => {}
    }
    let head: String = folded.chars().take(2).collect();
    normalise(&to_latin(&head)?).chars().next()
}

/// Step 1: Cyrillic to Latin; Latin letters pass, apostrophes and dots drop.
/// `None` when the word holds anything else. (Also the romanisation of
/// automatic entity ids, `annotate/entity/auto/identity.rs`.)
pub fn to_latin(folded: &str) -> Option<String> {
    let mut out = String::with_capacity(folded.len() + 4);
    let mut chars = folded.chars().peekable();
    while let Some(c) = chars.next() {
        let s = match c {
            'a'..='z' | '0'..='9' => {
                out.push(c);
                continue;
            }
            '\'' | '.' | '_' => "",
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' | 'ґ' => "g",
            'д' => "d",
            'е' | 'ё' | 'э' | 'є' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' | 'і' | 'ї' => "i",
            'й' | 'ы' => "y",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' | 'ў' => "u",
            'ф' => "f",
            'х' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            'ъ' => "",
            'ь' => match chars.peek() {
                Some('а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ю' | 'я') => "y",
                _ => "",
            },
            'ю' => "yu",
            'я' => "ya",
            _ => return None,
        };
        out.push_str(s);
    }
    Some(out)
}

/// Step 2: collapses romanisation variants.
fn normalise(latin: &str) -> String {
    let mut s = latin.to_string();
    if s.contains('x') {
        s = s.replace('x', "ks");
    }
    if s.contains('h') {
        s = s
            .replace("kh", "h")
            .replace("shch", "sh")
            .replace("sch", "sh");
    }
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    for c in s.chars() {
        let c = match c {
            'y' => 'i',
            'j' if prev.is_some_and(|p| "aeiou".contains(p)) => 'i',
            c => c,
        };
        if prev != Some(c) {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

/// Step 3: strips the first ending of [`ENDINGS`] that leaves a long enough stem.
fn strip_ending(mut key: String) -> String {
    for ending in ENDINGS {
        if key.ends_with(ending) && key.len() - ending.len() >= MIN_STEM {
            key.truncate(key.len() - ending.len());
            break;
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fold::fold;

    fn key(w: &str) -> String {
        phonetic_key(&fold(w)).unwrap_or_default()
    }

    #[test]
    fn romanisation_variants_and_cyrillic_meet() {
        for w in [
            "Приморский",
            "Primorskiy",
            "Primorsky",
            "Primorskii",
            "Primorskij",
            "Primorye",
            "Приморье",
            "Приморья",
            "Приморского",
        ] {
            assert_eq!(key(w), "primor", "{w}");
        }
        assert_eq!(key("kray"), key("krai"));
        assert_eq!(key("край"), key("krai"));
        assert_eq!(key("Khabarovskiy"), key("Khabarovsk"));
        assert_eq!(key("Хабаровск"), key("Khabarovsk"));
        assert_eq!(key("Сахалина"), key("Sakhalin"));
        assert_eq!(key("Владивосток"), key("Vladivostok"));
        assert_eq!(key("Ковыкта"), key("Kovykta"));
        assert_eq!(key("Якутия"), key("Yakutia"));
    }

    #[test]
    fn short_words_numbers_and_other_scripts_have_no_key() {
        assert_eq!(phonetic_key("2023"), None);
        assert_eq!(phonetic_key("of"), None);
        assert_eq!(phonetic_key("中国"), None);
        assert_eq!(key("Tomsk"), "tomsk");
        for w in [
            "хабаровск",
            "khabarovsk",
            "якутия",
            "yakutia",
            "xian",
            "primorye",
            "yuan",
        ] {
            assert_eq!(
                key_initial(w),
                phonetic_key(w).and_then(|k| k.chars().next()),
                "{w}"
            );
        }
    }
}
