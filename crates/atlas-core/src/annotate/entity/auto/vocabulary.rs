//! Word lists the patterns share: capitalised words that are never part of
//! a person's name (the words of offices, bodies and calendars), the
//! generic words that alone do not make a body's name (`the Central Bank`
//! is any country's), and the family names written first (Chinese and
//! Korean order), which decide which word of a name is the surname.
//!
//! The lists are about the *class* of text (English and Russian writing on
//! the Russian Far East and Northeast Asia), not about any seed: they hold
//! the vocabulary of government, business and the calendar.

/// Capitalised words that name an office, a body, a field of government or
/// science, a kind of place or a direction, never a person (lower case;
/// checked after folding case). `Minister of Foreign Affairs Lavrov` must
/// not give `Affairs Lavrov`; `Institute of History, Archaeology and
/// Ethnography` is one name because its list is made of them.
const NOT_NAME: [&str; 206] = [
    "academy",
    "administration",
    "affairs",
    "agency",
    "agriculture",
    "airport",
    "archaeology",
    "arctic",
    "assembly",
    "association",
    "atomic",
    "authority",
    "aviation",
    "award",
    "bank",
    "basin",
    "bay",
    "biology",
    "board",
    "branch",
    "budget",
    "building",
    "bureau",
    "business",
    "center",
    "central",
    "centre",
    "chamber",
    "chapter",
    "chemistry",
    "city",
    "club",
    "co",
    "commerce",
    "commission",
    "committee",
    "communications",
    "company",
    "conference",
    "congress",
    "construction",
    "cooperation",
    "corporation",
    "council",
    "counsellor",
    "counselor",
    "county",
    "court",
    "culture",
    "cup",
    "customs",
    "defence",
    "defense",
    "department",
    "development",
    "digital",
    "directors",
    "district",
    "division",
    "duma",
    "east",
    "eastern",
    "ecology",
    "economic",
    "economics",
    "economy",
    "education",
    "emergency",
    "emeritus",
    "energy",
    "engineering",
    "environment",
    "ethnography",
    "ethnology",
    "executive",
    "export",
    "extraordinary",
    "far",
    "federal",
    "federation",
    "finance",
    "fisheries",
    "fleet",
    "foreign",
    "forestry",
    "forum",
    "foundation",
    "fund",
    "gas",
    "general",
    "geography",
    "geology",
    "government",
    "group",
    "gulf",
    "health",
    "history",
    "holding",
    "hotel",
    "house",
    "housing",
    "import",
    "industry",
    "information",
    "innovation",
    "innovations",
    "institute",
    "interior",
    "international",
    "investment",
    "island",
    "islands",
    "justice",
    "krai",
    "kray",
    "labour",
    "lake",
    "law",
    "league",
    "management",
    "marine",
    "maritime",
    "mathematics",
    "media",
    "mining",
    "ministry",
    "mountains",
    "national",
    "natural",
    "north",
    "northern",
    "nuclear",
    "oblast",
    "ocean",
    "oceanology",
    "office",
    "oil",
    "okrug",
    "organisation",
    "organization",
    "palace",
    "parliament",
    "party",
    "peace",
    "peninsula",
    "philosophy",
    "physics",
    "pipeline",
    "planning",
    "plenipotentiary",
    "policy",
    "port",
    "power",
    "prefecture",
    "presidium",
    "prize",
    "program",
    "programme",
    "protection",
    "province",
    "railway",
    "raion",
    "reform",
    "region",
    "regional",
    "relations",
    "republic",
    "research",
    "resources",
    "river",
    "route",
    "science",
    "sea",
    "security",
    "senate",
    "service",
    "social",
    "sociology",
    "south",
    "southern",
    "space",
    "sport",
    "sports",
    "state",
    "statistics",
    "strait",
    "strategic",
    "street",
    "studies",
    "summit",
    "technologies",
    "technology",
    "territory",
    "tourism",
    "trade",
    "transport",
    "unification",
    "union",
    "university",
    "utilities",
    "valley",
    "water",
    "west",
    "western",
    "youth",
    "zone",
];

/// Month and weekday names (lower case), English and Russian stems: a
/// capitalised `March` or `Мая` (a dateline) is no name.
const CALENDAR_STEMS: [&str; 33] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "январ",
    "феврал",
    "март",
    "апрел",
    "мая",
    "май",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
    "воскресень",
];

/// Is `word` (any case) one that never belongs to a person's name?
pub fn not_name(word: &str) -> bool {
    let lower = word.to_lowercase();
    NOT_NAME.binary_search(&lower.as_str()).is_ok() || calendar(&lower)
}

/// Is the lower-case `word` a month or a weekday?
pub fn calendar(lower: &str) -> bool {
    CALENDAR_STEMS.iter().any(|s| {
        if s.is_ascii() {
            lower == *s
        } else {
            lower.starts_with(s) && lower.chars().count() <= s.chars().count() + 2
        }
    })
}

/// Words that alone, before a head noun, do not make a body's name:
/// `the Central Bank`, `a Chinese Company`, `Our Fund` (lower case).
const GENERIC_MODIFIERS: [&str; 52] = [
    "a",
    "american",
    "an",
    "another",
    "asian",
    "central",
    "chinese",
    "development",
    "domestic",
    "each",
    "every",
    "executive",
    "expert",
    "federal",
    "first",
    "foreign",
    "its",
    "japanese",
    "joint",
    "korean",
    "local",
    "main",
    "management",
    "national",
    "new",
    "one",
    "other",
    "our",
    "parent",
    "private",
    "public",
    "regional",
    "research",
    "russian",
    "second",
    "special",
    "standing",
    "state",
    "steering",
    "such",
    "that",
    "the",
    "their",
    "these",
    "third",
    "this",
    "those",
    "trading",
    "western",
    "which",
    "working",
    "your",
];

/// Is `word` a modifier that alone does not name a body?
pub fn generic_modifier(word: &str) -> bool {
    GENERIC_MODIFIERS
        .binary_search(&word.to_lowercase().as_str())
        .is_ok()
}

/// Family names that come first in Chinese and Korean order, as they are
/// romanised and as Russian writes them: `Xi Jinping` is Mr Xi, `Kim
/// Hyun-wook` Mr Kim, `Си Цзиньпин` господин Си.
const FAMILY_FIRST: [&str; 96] = [
    "ahn", "bae", "cai", "cao", "chen", "cheng", "cho", "choi", "cui", "deng", "ding", "dong",
    "du", "fan", "feng", "gao", "guo", "han", "he", "hong", "hu", "huang", "hwang", "jang", "jeon",
    "jia", "jiang", "jin", "jung", "kang", "kim", "kong", "kwon", "lee", "li", "liang", "lim",
    "lin", "liu", "lu", "luo", "ma", "mao", "moon", "nam", "pan", "park", "peng", "pu", "qian",
    "qin", "roh", "shen", "shi", "shin", "song", "su", "sun", "tang", "tian", "wan", "wang", "wei",
    "wen", "wu", "xi", "xiao", "xie", "xu", "yang", "yao", "ye", "yoon", "yu", "yuan", "zeng",
    "zhang", "zhao", "zheng", "zhou", "zhu", "ван", "ким", "ли", "лю", "ма", "пак", "пу", "си",
    "сунь", "ху", "чжан", "чжао", "чэнь", "ян", "мун",
];

/// Does this (folded) family name come first in its name?
pub fn family_name_first(folded: &str) -> bool {
    FAMILY_FIRST.contains(&folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        assert!(NOT_NAME.windows(2).all(|w| w[0] < w[1]), "NOT_NAME");
        assert!(
            GENERIC_MODIFIERS.windows(2).all(|w| w[0] < w[1]),
            "GENERIC_MODIFIERS"
        );
    }

    #[test]
    fn calendar_words_in_both_languages() {
        assert!(not_name("March") && not_name("мая") && not_name("сентябре"));
        assert!(!not_name("Мартынов") && !not_name("Maya"));
        assert!(not_name("Affairs") && !not_name("Lavrov"));
    }
}
