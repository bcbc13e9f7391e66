//! Titles and offices that put a person's name after them (`Governor Oleg
//! Kozhemyako`, `губернатор Приморского края Олег Кожемяко`) or after the
//! name and a comma (`Alexei Chekunkov, Minister for …`), and the role each
//! gives the person found.
//!
//! Occupations count as well (`economist`, `analyst`, `official`): in
//! `Artyom Lebedev, an economist at …` they introduce a person as an
//! office does.
//!
//! A title is recognised by its last word (`Minister` ends `Prime
//! Minister`, `Deputy Foreign Minister`); the words before it that qualify
//! the office (`Deputy`, `Prime`, `Vice`, `Foreign`, …) go into the role.
//! English titles are looked up by their lower-case form, so `former
//! governor Sergey Darkin` counts as well; whether the title was written
//! with a capital decides how short the name after it may be (see
//! [`super::person`]). Russian titles are nominative: in `встреча с
//! губернатором Олегом Кожемяко` the name is inflected too, and a name
//! is stored as a reader would list it, so those are left to the curated
//! lists.

use super::words::Word;

/// English title words and the role they give (a role is never empty).
const ENGLISH: [(&str, &str); 48] = [
    ("president", "president"),
    ("vice-president", "vice president"),
    ("premier", "premier"),
    ("vice-premier", "vice premier"),
    ("minister", "minister"),
    ("governor", "governor"),
    ("vice-governor", "vice governor"),
    ("ambassador", "ambassador"),
    ("chairman", "chairman"),
    ("chairwoman", "chairwoman"),
    ("chairperson", "chairperson"),
    ("ceo", "chief executive"),
    ("executive", "chief executive"),
    ("dr", "scholar"),
    ("professor", "scholar"),
    ("prof", "scholar"),
    ("academician", "scholar"),
    ("mayor", "mayor"),
    ("secretary", "secretary"),
    ("secretary-general", "secretary general"),
    ("envoy", "envoy"),
    ("senator", "senator"),
    ("director", "director"),
    ("director-general", "director general"),
    ("rector", "rector"),
    ("spokesman", "spokesperson"),
    ("spokeswoman", "spokesperson"),
    ("spokesperson", "spokesperson"),
    ("commissioner", "commissioner"),
    ("consul", "consul"),
    ("consul-general", "consul general"),
    ("chancellor", "chancellor"),
    ("head", "head"),
    ("economist", "scholar"),
    ("analyst", "scholar"),
    ("researcher", "scholar"),
    ("historian", "scholar"),
    ("expert", "scholar"),
    ("adviser", "adviser"),
    ("advisor", "adviser"),
    ("founder", "executive"),
    ("official", "official"),
    ("journalist", "journalist"),
    ("correspondent", "journalist"),
    ("editor", "journalist"),
    ("mr", "person"),
    ("mrs", "person"),
    ("ms", "person"),
];

/// Title words that are an abbreviation and may be followed by a dot.
const ABBREVIATED: [&str; 5] = ["dr", "prof", "mr", "mrs", "ms"];

/// Title words that are a title only after a word of [`QUALIFIERS`]
/// (`Chief Executive`): alone they are common words.
const QUALIFIED_ONLY: [&str; 1] = ["executive"];

/// Words that qualify an office right before its title word.
const QUALIFIERS: [&str; 18] = [
    "deputy",
    "first",
    "vice",
    "prime",
    "acting",
    "chief",
    "foreign",
    "finance",
    "economy",
    "energy",
    "defence",
    "defense",
    "trade",
    "transport",
    "industry",
    "presidential",
    "executive",
    "general",
];

/// Russian title words (nominative, lower case) and their roles.
const RUSSIAN: [(&str, &str); 29] = [
    ("президент", "president"),
    ("премьер-министр", "prime minister"),
    ("премьер", "premier"),
    ("вице-премьер", "deputy prime minister"),
    ("министр", "minister"),
    ("замминистра", "deputy minister"),
    ("губернатор", "governor"),
    ("вице-губернатор", "vice governor"),
    ("врио", "acting head"),
    ("глава", "head"),
    ("председатель", "chairman"),
    ("зампред", "deputy chairman"),
    ("заместитель", "deputy"),
    ("посол", "ambassador"),
    ("мэр", "mayor"),
    ("директор", "director"),
    ("гендиректор", "director general"),
    ("ректор", "rector"),
    ("профессор", "scholar"),
    ("академик", "scholar"),
    ("полпред", "presidential envoy"),
    ("сенатор", "senator"),
    ("спикер", "speaker"),
    ("пресс-секретарь", "spokesperson"),
    ("руководитель", "head"),
    ("консул", "consul"),
    ("генконсул", "consul general"),
    ("генсек", "secretary general"),
    ("депутат", "deputy"),
];

/// A title ending at one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// The role of the person it names (`deputy prime minister`).
    pub role: String,
    /// The title word was written with a capital (`Governor`, not `governor`).
    pub capitalised: bool,
    /// A Russian title.
    pub russian: bool,
    /// Index of the first word of the title (its qualifiers included).
    pub first: usize,
    /// The title word is an abbreviation (`Dr`), which may take a dot.
    pub abbreviated: bool,
}

/// The title whose last word is `words[i]`, if it is one.
pub fn title_at(text: &str, words: &[Word], i: usize) -> Option<Title> {
    let word = words[i].text(text);
    let lower = word.to_lowercase();
    if let Some((_, role)) = RUSSIAN.iter().find(|(w, _)| *w == lower) {
        // `Глава 2` / `Первая глава` is a chapter: a title only as a word
        // of its own, never after an ordinal adjective.
        if lower == "глава" && i > 0 && words[i].spaced {
            let before = words[i - 1].text(text).to_lowercase();
            if before.ends_with("ая") {
                return None;
            }
        }
        return Some(Title {
            role: role.to_string(),
            capitalised: word.chars().next().is_some_and(char::is_uppercase),
            russian: true,
            first: i,
            abbreviated: false,
        });
    }
    let (_, role) = ENGLISH.iter().find(|(w, _)| *w == lower)?;
    // Qualifiers: `Deputy Prime Minister`, `Chief Executive`.
    let mut first = i;
    while first > 0 && words[first].spaced && first + 3 > i {
        let q = words[first - 1].text(text).to_lowercase();
        if !QUALIFIERS.contains(&q.as_str()) {
            break;
        }
        first -= 1;
    }
    if QUALIFIED_ONLY.contains(&lower.as_str()) && first == i {
        return None;
    }
    // The qualifiers name the office (`deputy prime minister`); alone,
    // the table's role (`CEO` → `chief executive`).
    let role = if first == i {
        role.to_string()
    } else {
        let mut r: Vec<String> = (first..=i)
            .map(|k| words[k].text(text).to_lowercase())
            .collect();
        r.dedup();
        r.join(" ")
    };
    Some(Title {
        role,
        capitalised: word.chars().next().is_some_and(char::is_uppercase),
        russian: false,
        first,
        abbreviated: ABBREVIATED.contains(&lower.as_str()),
    })
}

/// Is `word` (any case) a title word of either language? Such a word is
/// never part of a name.
pub fn is_title_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    ENGLISH.iter().any(|(w, _)| *w == lower) || RUSSIAN.iter().any(|(w, _)| *w == lower)
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    fn title(text: &str) -> Option<(String, bool)> {
        let w = words(text);
        title_at(text, &w, w.len() - 1).map(|t| (t.role, t.capitalised))
    }

    #[test]
    fn roles_from_the_title_and_its_qualifiers() {
        assert_eq!(
            title("Deputy Prime Minister"),
            Some(("deputy prime minister".into(), true))
        );
        assert_eq!(title("the Governor"), Some(("governor".into(), true)));
        assert_eq!(title("former governor"), Some(("governor".into(), false)));
        assert_eq!(title("Novatek CEO"), Some(("chief executive".into(), true)));
        assert_eq!(
            title("chief executive"),
            Some(("chief executive".into(), false))
        );
        assert_eq!(title("губернатор"), Some(("governor".into(), false)));
        assert_eq!(title("the executive"), None);
        assert_eq!(title("Первая глава"), None);
        assert_eq!(title("the Chapter"), None);
    }
}
