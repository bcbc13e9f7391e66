//! Is a capital named for its government? (`Moscow sees…`, `Beijing’s
//! position`, `between Tokyo and Seoul`.)
//!
//! The seeds use the capitals of the governments they discuss (Moscow,
//! Beijing, Tokyo, Seoul, Pyongyang, Washington, and Brasilia once) far more
//! often for the state than for the city. The rule is deliberately simple
//! and reads only the words next to the mention:
//!
//! A mention of one of [`GOVERNMENT_CAPITALS`] is a metonym **unless**
//! 1. the word before it is locative (`in`, `at`, `near`, `from`, `to`,
//!    `into`, `via`, `visit(ed/ing/s)`, Russian `в`/`во`/`из`) — the city as
//!    a place (`a summit in Moscow`, `flights to Beijing`);
//! 2. the word after it is a place or institution noun (`region`, `oblast`,
//!    `city`, `port`, `University`, `Institute`, `State`, …) — the city;
//! 3. it is followed by `:`, `, <digit>` or `(<digit>` — a publisher's
//!    town or a dateline in a reference (`Moscow: Nauka`, `Moscow, 2010`,
//!    `Moscow (24 July, 2009)`);
//! 4. it follows `mayor of`, `city of`, `suburbs of` … — the city.
//!
//! Known errors: `important to Moscow` and `signals from Beijing` are the
//! government but count as places (rule 1); `Beijing’s air`, a bare
//! `Moscow` in a list of cities (`conferences in Singapore, Oslo, Moscow and
//! Shanghai`) and Moscow the federal subject (`Moscow, as a separate
//! region`, seed 004) are flagged although they are the city.

/// Gazetteer ids of the capitals whose name stands for a government.
pub const GOVERNMENT_CAPITALS: [&str; 7] = [
    "moscow",
    "beijing",
    "tokyo",
    "seoul",
    "pyongyang",
    "washington-dc",
    "brasilia",
];

const LOCATIVE_BEFORE: [&str; 14] = [
    "in", "at", "near", "from", "to", "into", "via", "visit", "visited", "visiting", "visits", "в",
    "во", "из",
];

const PLACE_NOUNS_AFTER: [&str; 22] = [
    "city",
    "region",
    "oblast",
    "province",
    "port",
    "airport",
    "university",
    "institute",
    "state",
    "centre",
    "center",
    "school",
    "street",
    "suburbs",
    "metro",
    "area",
    "office",
    "mayor",
    "vice-mayor",
    "branch",
    "time",
    "conference",
];

/// `<noun> of <capital>` names the city.
const CITY_NOUNS_BEFORE_OF: [&str; 8] = [
    "mayor",
    "vice-mayor",
    "city",
    "suburbs",
    "outskirts",
    "streets",
    "centre",
    "center",
];

/// `true` when the capital named at `start..end` of `text` stands for its
/// government (see the module doc for the rule).
pub fn is_metonym(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    let previous = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    // Only a word directly before counts: `in (Moscow)` yes, `in. Moscow` no.
    let touching = before.ends_with(|c: char| c.is_alphanumeric());
    if touching && LOCATIVE_BEFORE.contains(&previous.as_str()) {
        return false;
    }
    if touching && previous == "of" {
        let head = before[..before.len() - 2].trim_end();
        let noun = head
            .rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
            .next()
            .unwrap_or("")
            .to_lowercase();
        if CITY_NOUNS_BEFORE_OF.contains(&noun.as_str()) {
            return false;
        }
    }
    let after = skip_possessive(&text[end..]);
    if after.starts_with(':') {
        return false;
    }
    for open in [",", " ("] {
        if let Some(rest) = after.strip_prefix(open) {
            if rest.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
                return false;
            }
        }
    }
    let next: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    !(after.starts_with(char::is_whitespace) && PLACE_NOUNS_AFTER.contains(&next.as_str()))
}

fn skip_possessive(after: &str) -> &str {
    after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s"))
        .unwrap_or(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flag(text: &str, name: &str) -> bool {
        let start = text.find(name).unwrap();
        is_metonym(text, start, start + name.len())
    }

    #[test]
    fn the_government_reading_is_flagged() {
        assert!(flag("Moscow has recently adopted a strategy", "Moscow"));
        assert!(flag("Moscow’s impulse to go east", "Moscow"));
        assert!(flag("relations between Moscow and Beijing", "Beijing"));
        assert!(flag(
            "Pyongyang has dispatched two delegations",
            "Pyongyang"
        ));
    }

    #[test]
    fn the_city_reading_is_not() {
        assert!(!flag("a conference in Moscow last year", "Moscow"));
        assert!(!flag("flights to Beijing", "Beijing"));
        assert!(!flag("Moscow State University", "Moscow"));
        assert!(!flag("the Moscow region", "Moscow"));
        assert!(!flag("(Moscow: Nauka, 2001)", "Moscow"));
        assert!(!flag("Moscow, 2010.", "Moscow"));
        assert!(!flag("встреча в Москве", "Москве"));
        assert!(!flag("FBIS SOV, Moscow (24 July, 2009)", "Moscow"));
        assert!(!flag("Vice-Mayor of Moscow V.V. Efimov said", "Moscow"));
        assert!(!flag("Dmitri Trenin of the Moscow branch", "Moscow"));
        assert!(flag("The position of Moscow in Asia", "Moscow"));
    }
}
