//! What the words around a matched name say about it: whether the name is
//! part of something longer that is not the place (a company, a numbered
//! corridor, a currency), and whether a type or locative word vouches for it.
//!
//! These are rules of the class of text, stated on English and Russian
//! usage rather than on any one paper:
//!
//! - **part of an organisation's name**: the name is followed by a run of
//!   capitalised words holding an organisation head noun (`Sakhalin Energy`,
//!   `Amur Gas Processing Plant`, `Vladivostok Commercial Sea Port`,
//!   `Korea Herald`), or preceded by `Bank of`, `University of`,
//!   `Institute of`, `Academy of` (`Bank of China`);
//! - **a numbered thing named after the place**: `Primorye-1`,
//!   `Sakhalin-3` (a corridor, a project; a curated name such as
//!   `Sakhalin-2` is longer and wins before this rule is asked);
//! - **a pipeline or corridor named after it**: `the Altai pipeline`,
//!   `Primorye corridor`, `газопровод «Сила Сибири»` is curated;
//! - **a currency**: `Hong Kong dollar`, `US$`, `Singapore dollars`;
//! - **part of another feature's name**: a type word of another kind next
//!   to it (`Aniva Bay`, `Cape Kamenny`, `Khanka Lowland`, `Кроноцкий
//!   заповедник`, `мыс Каменный`);
//! - **the tail of a compound adjective**: `Байкало-Амурская`,
//!   `Severo-Kurilsk` (the word before ends in `-o-`);
//! - **a cue** for a name that is also a common word: a type word
//!   (`port`, `town`, `village`, `порт`, `город`, `посёлок`) or a locative
//!   preposition (`in`, `near`, `в`, `под`) right before it, or `port`,
//!   `town` right after; a capitalised word right after it makes it part
//!   of a longer name instead (`Vostochny Cosmodrome`);
//! - **water and town words** nearby (`hydropower`, `upstream`, `реки`;
//!   `residents`, `town`), which [`super::resolve`] weighs between a river
//!   and a town of one name.

use crate::model::PlaceKind;

/// Organisation head nouns: a capitalised run after a place name that
/// holds one of these is an organisation's name.
const ORG_HEADS: [&str; 64] = [
    "University",
    "Bank",
    "Energy",
    "Airlines",
    "Airways",
    "Avia",
    "Aviation",
    "Shipping",
    "Shipyard",
    "Company",
    "Corporation",
    "Corp",
    "Inc",
    "Ltd",
    "LLC",
    "JSC",
    "PJSC",
    "OJSC",
    "CJSC",
    "Group",
    "Holding",
    "Holdings",
    "Institute",
    "Club",
    "Times",
    "Daily",
    "Herald",
    "News",
    "Post",
    "Pravda",
    "Plant",
    "Factory",
    "Works",
    "Mining",
    "Resources",
    "Petroleum",
    "Neftegaz",
    "Gas",
    "Partners",
    "Fund",
    "Foundation",
    "Academy",
    "Agency",
    "Museum",
    "Theatre",
    "Theater",
    "Hotel",
    "FC",
    "Review",
    "Journal",
    "Press",
    "Publishing",
    "Telecom",
    "Trading",
    "Commercial",
    "Fishing",
    "Capital",
    "Invest",
    "Investment",
    "Studies",
    "Development Corporation",
    "Association",
    "Oil",
    "LNG",
];

/// Organisation heads that are also ordinary nouns of a headline (`Japan
/// and France Freeze Investment`): in a title they say nothing.
const HEADLINE_NOUNS: [&str; 24] = [
    "Energy",
    "Gas",
    "Oil",
    "LNG",
    "Investment",
    "Invest",
    "Capital",
    "Trading",
    "Commercial",
    "Fishing",
    "Resources",
    "Mining",
    "Petroleum",
    "Post",
    "Times",
    "Plant",
    "Factory",
    "Works",
    "Partners",
    "Aviation",
    "Telecom",
    "Group",
    "Holding",
    "Development Corporation",
];

/// Words that, followed by `of`, open an organisation's name.
const ORG_BEFORE_OF: [&str; 6] = [
    "Bank",
    "University",
    "Institute",
    "Academy",
    "College",
    "Museum",
];

/// Lower-case words right after a name that make it a currency.
const CURRENCY_AFTER: [&str; 11] = [
    "dollar", "dollars", "yuan", "won", "yen", "rouble", "roubles", "ruble", "rubles", "renminbi",
    "tugrik",
];

/// Words right after a name (possibly after `gas`/`oil`/`transport`) that
/// make it the name of a pipeline or corridor.
const LINE_AFTER: [&str; 7] = [
    "pipeline",
    "pipelines",
    "corridor",
    "corridors",
    "газопровод",
    "нефтепровод",
    "коридор",
];

/// Heads of a facility's name after a place name (`Zeya hydropower
/// plant`, `Bratsk HPP`): the facility, named after the river or town, is
/// what the text talks about.
const FACILITY_AFTER: [&str; 12] = [
    "plant",
    "plants",
    "station",
    "stations",
    "refinery",
    "refineries",
    "hpp",
    "hpps",
    "гэс",
    "тэц",
    "грэс",
    "аэс",
];
/// Words that may stand between the name and a facility head.
const FACILITY_MODIFIERS: [&str; 10] = [
    "hydropower",
    "hydroelectric",
    "hydro",
    "power",
    "nuclear",
    "thermal",
    "coal",
    "gas",
    "storage",
    "processing",
];

/// Words before a name that vouch for it being a place.
const CUES_BEFORE: [&str; 26] = [
    "in",
    "near",
    "port",
    "town",
    "city",
    "village",
    "settlement",
    "outside",
    "в",
    "во",
    "под",
    "около",
    "порт",
    "порта",
    "порту",
    "город",
    "города",
    "городе",
    "посёлок",
    "поселок",
    "посёлке",
    "поселке",
    "посёлка",
    "поселка",
    "село",
    "селе",
];

/// Type words of *other* kinds of feature: after a name (`Aniva Bay`,
/// `Khanka Lowland`, `Vostochny Cosmodrome`, `Кроноцком заповеднике`) or
/// before it (`Cape Kamenny`, `мыса Каменный`, `острове Беринга`), they make
/// the name part of that feature's name. Each comes with the kinds it
/// names, so a matching candidate survives (a river's `basin`).
const FEATURE_AFTER: &[(&str, &[PlaceKind])] = &[
    ("bay", &[PlaceKind::Sea]),
    ("gulf", &[PlaceKind::Sea]),
    ("strait", &[PlaceKind::Sea]),
    ("sea", &[PlaceKind::Sea]),
    ("lagoon", &[PlaceKind::Sea]),
    ("estuary", &[PlaceKind::Sea, PlaceKind::River]),
    ("liman", &[PlaceKind::Sea, PlaceKind::River]),
    ("river", &[PlaceKind::River]),
    ("basin", &[PlaceKind::River, PlaceKind::Sea]),
    ("lake", &[PlaceKind::Sea]),
    ("island", &[PlaceKind::Island]),
    ("islands", &[PlaceKind::Island]),
    ("peninsula", &[PlaceKind::Peninsula]),
    ("mountains", &[PlaceKind::Mountains]),
    ("range", &[PlaceKind::Mountains]),
    ("ridge", &[PlaceKind::Mountains]),
    ("volcano", &[PlaceKind::Mountains]),
    ("district", &[PlaceKind::Region]),
    ("reserve", &[]),
    ("park", &[]),
    ("lowland", &[]),
    ("plain", &[]),
    ("plateau", &[]),
    ("valley", &[PlaceKind::River]),
    ("delta", &[PlaceKind::River]),
    ("airport", &[]),
    ("cosmodrome", &[]),
    ("spaceport", &[]),
    ("mine", &[]),
    ("deposit", &[]),
    ("field", &[PlaceKind::Field]),
    ("hydropower", &[PlaceKind::River]),
    ("dam", &[PlaceKind::River]),
    ("reservoir", &[PlaceKind::River, PlaceKind::Sea]),
    ("заповедник", &[]),
    ("лиман", &[PlaceKind::Sea, PlaceKind::River]),
    ("район", &[PlaceKind::Region]),
    ("месторожден", &[PlaceKind::Field]),
    ("космодром", &[]),
    ("залив", &[PlaceKind::Sea]),
    ("пролив", &[PlaceKind::Sea]),
    ("бухт", &[PlaceKind::Sea]),
    ("озер", &[PlaceKind::Sea]),
    ("хребт", &[PlaceKind::Mountains]),
    ("хребет", &[PlaceKind::Mountains]),
    ("вулкан", &[PlaceKind::Mountains]),
    ("остров", &[PlaceKind::Island]),
    ("полуостров", &[PlaceKind::Peninsula]),
    ("аэропорт", &[]),
    ("гэс", &[PlaceKind::River]),
];

/// Type words that come before a feature's name.
const FEATURE_BEFORE: &[(&str, &[PlaceKind])] = &[
    ("cape", &[PlaceKind::Peninsula]),
    ("mount", &[PlaceKind::Mountains]),
    ("lake", &[PlaceKind::Sea]),
    ("мыс", &[PlaceKind::Peninsula]),
    ("бухт", &[PlaceKind::Sea]),
    ("залив", &[PlaceKind::Sea]),
    ("пролив", &[PlaceKind::Sea]),
    ("остров", &[PlaceKind::Island]),
    ("полуостров", &[PlaceKind::Peninsula]),
    ("озер", &[PlaceKind::Sea]),
    ("хребт", &[PlaceKind::Mountains]),
    ("хребет", &[PlaceKind::Mountains]),
    ("месторожден", &[PlaceKind::Field]),
];

/// Words near a name that speak of water (`the Zeya hydropower plant`,
/// `upstream of Zeya`, `бассейн реки`): a river reading gains.
const WATER_WORDS: [&str; 22] = [
    "river",
    "rivers",
    "basin",
    "tributary",
    "upstream",
    "downstream",
    "hydropower",
    "hpp",
    "dam",
    "flood",
    "floods",
    "flooding",
    "banks",
    "estuary",
    "navigation",
    "реки",
    "река",
    "бассейн",
    "приток",
    "гэс",
    "паводок",
    "берег",
];

/// Words near a name that speak of a town (`the town of`, `residents`).
const TOWN_WORDS: [&str; 14] = [
    "town",
    "city",
    "village",
    "settlement",
    "residents",
    "mayor",
    "port",
    "город",
    "города",
    "посёлок",
    "поселок",
    "села",
    "жители",
    "порт",
];

/// The kinds a type word next to the match names, if there is one: the
/// next word (`Aniva Bay`), or the word before (`Cape Kamenny`).
pub fn feature_word(text: &str, start: usize, end: usize) -> Option<&'static [PlaceKind]> {
    let after = &text[end..];
    let next = if after.starts_with(' ') || after.starts_with('\n') {
        words(after).next()
    } else {
        None
    };
    let matches = |list: &'static [(&str, &'static [PlaceKind])], w: &str| {
        let w = w.to_lowercase();
        list.iter()
            .find(|(t, _)| {
                if t.is_ascii() {
                    w == *t
                } else {
                    w.starts_with(t)
                }
            })
            .map(|(_, k)| *k)
    };
    if let Some(k) = next.and_then(|w| matches(FEATURE_AFTER, w)) {
        return Some(k);
    }
    let before = &text[..start];
    // The type word must stand right before the name, in its sentence:
    // `Берингов пролив. Москва` is no strait called Moscow.
    let adjacent = before.ends_with(' ')
        && before
            .trim_end()
            .chars()
            .last()
            .is_some_and(char::is_alphanumeric);
    if adjacent {
        if let Some(k) = words_back(before)
            .next()
            .and_then(|w| matches(FEATURE_BEFORE, w))
        {
            return Some(k);
        }
    }
    None
}

/// Plural type words that follow coordinated English names and give them
/// all one kind: `the Amur and Zeya rivers`, `Khabarovsk and Primorsky
/// krais`, `Heilongjiang and Jilin provinces`.
const PLURAL_AFTER: &[(&str, &[PlaceKind])] = &[
    ("rivers", &[PlaceKind::River]),
    ("seas", &[PlaceKind::Sea]),
    ("lakes", &[PlaceKind::Sea]),
    ("bays", &[PlaceKind::Sea]),
    ("straits", &[PlaceKind::Sea]),
    ("islands", &[PlaceKind::Island]),
    ("peninsulas", &[PlaceKind::Peninsula]),
    ("oblasts", &[PlaceKind::Region]),
    ("krais", &[PlaceKind::Region]),
    ("krays", &[PlaceKind::Region]),
    ("regions", &[PlaceKind::Region, PlaceKind::MacroRegion]),
    ("provinces", &[PlaceKind::Region]),
    ("prefectures", &[PlaceKind::Region]),
    ("republics", &[PlaceKind::Region]),
    ("territories", &[PlaceKind::Region]),
    ("districts", &[PlaceKind::Region]),
    ("okrugs", &[PlaceKind::Region]),
];

/// The kinds a plural type word gives the match: it is one of coordinated
/// English names (`Amur` of `the Amur and Zeya rivers`, up to four words
/// between) or the last of them (`Zeya`), and the plural follows. Only a
/// lower-case plural counts: `Kuril Islands` is a name, not a list.
pub fn coordinated_plural(text: &str, end: usize) -> Option<&'static [PlaceKind]> {
    let after = &text[end..];
    let plural = |w: &str| PLURAL_AFTER.iter().find(|(t, _)| w == *t).map(|(_, k)| *k);
    if after.starts_with(' ') {
        if let Some(k) = words(after).next().and_then(plural) {
            return Some(k);
        }
    }
    let rest = if let Some(r) = after.strip_prefix(',') {
        let r = r.trim_start();
        r.strip_prefix("and ").unwrap_or(r)
    } else {
        after.strip_prefix(" and ")?
    };
    // The words up to the plural must be names (capitalised) or further
    // conjunctions: `Amur, Zeya and Bureya rivers`.
    for w in words(rest).take(6) {
        if let Some(k) = plural(w) {
            return Some(k);
        }
        let named = w.chars().next().is_some_and(char::is_uppercase);
        if !(named || w == "and" || w == "the") {
            return None;
        }
    }
    None
}

/// The match is the second half of a compound adjective (`Байкало-Амурская`,
/// `Sino-Japanese`, `Severo-Kurilsk`): the word before ends in `-o-`/`-о-`.
pub fn compound_tail(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let Some(stem) = before.strip_suffix('-') else {
        return false;
    };
    let letters: Vec<char> = stem
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect();
    letters.len() >= 3 && matches!(letters[0], 'o' | 'о')
}

/// Water and town words within six words of the match, or the article a
/// river takes in English.
pub fn nearby(text: &str, start: usize, end: usize) -> (bool, bool) {
    let around: Vec<String> = words_back(&text[..start])
        .take(6)
        .chain(words(&text[end..]).take(6))
        .map(str::to_lowercase)
        .collect();
    let water =
        around.iter().any(|w| WATER_WORDS.contains(&w.as_str())) || river_article(text, start, end);
    let town = around.iter().any(|w| TOWN_WORDS.contains(&w.as_str()));
    (water, town)
}

/// Nouns a place name modifies in English (`the Amur region`, `the
/// Magadan airport`): an article before the name then belongs to them.
const ARTICLE_HEADS: [&str; 34] = [
    "region",
    "regions",
    "area",
    "areas",
    "government",
    "authorities",
    "administration",
    "governor",
    "airport",
    "port",
    "ports",
    "office",
    "plant",
    "project",
    "projects",
    "zone",
    "district",
    "economy",
    "market",
    "side",
    "delegation",
    "branch",
    "company",
    "city",
    "oblast",
    "krai",
    "province",
    "republic",
    "route",
    "highway",
    "railway",
    "line",
    "tiger",
    "leopard",
];

/// `the Amur`, `across the Zeya.`: English gives a river the definite
/// article and a town or a region none, so `the` right before a bare name
/// that no noun follows speaks of the river.
pub fn river_article(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    if before.len() == start || !(before.ends_with("the") || before.ends_with("The")) {
        return false;
    }
    if before[..before.len() - 3]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return false;
    }
    let after = text[end..].trim_start();
    match words(after).next() {
        Some(w) if after.starts_with(w) => {
            let lower = w.chars().next().is_some_and(char::is_lowercase);
            lower && !ARTICLE_HEADS.contains(&w)
        }
        _ => true,
    }
}

/// A capitalised word follows right after (`Vostochny Cosmodrome`,
/// `Северный Ледовитый`): a name that is also a common word is then part
/// of a longer proper name.
pub fn capitalised_follower(text: &str, end: usize) -> bool {
    let after = &text[end..];
    after.starts_with(' ')
        && after.trim_start().starts_with(char::is_alphabetic)
        && words(after)
            .next()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A settlement word names the match right before it (`the town of Zeya`,
/// `в городе Зея`, `посёлок Ванино`, `г. Зея`), or the match opens a news
/// dateline (`ZEYA, March 6 —`): a town's reading wins over a river's or a
/// region's of the same name.
pub fn town_cue(text: &str, start: usize, end: usize) -> bool {
    if dateline(text, start, end) {
        return true;
    }
    let before = &text[..start];
    if !before.ends_with(' ') {
        return false;
    }
    let mut back = words_back(before).map(str::to_lowercase);
    let Some(w) = back.next() else {
        return false;
    };
    if w == "of" {
        return back
            .next()
            .is_some_and(|w| matches!(w.as_str(), "town" | "city" | "village" | "settlement"));
    }
    const RU: [&str; 5] = ["город", "посёлк", "поселк", "посёлок", "поселок"];
    RU.iter()
        .any(|t| w.starts_with(t) && w.chars().count() <= t.chars().count() + 2)
        || (matches!(w.as_str(), "г" | "пос" | "пгт") && before.trim_end().ends_with('.'))
        || matches!(w.as_str(), "село" | "селе" | "села" | "пгт")
}

/// A news dateline: the name in capitals opens its line and a comma or a
/// dash follows (`SVOBODNY, March 3 —`, `ЮЖНО-САХАЛИНСК, 12 мая.`).
pub fn dateline(text: &str, start: usize, end: usize) -> bool {
    let surface = &text[start..end];
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    surface.chars().any(char::is_alphabetic)
        && !surface.chars().any(char::is_lowercase)
        && text[line_start..start].trim().is_empty()
        && text[end..]
            .trim_start_matches(' ')
            .starts_with([',', '—', '–', '-', '.'])
}

/// The match is one of names listed after their plural noun, in its case:
/// `с вулканами: Авачинским и Корякским`, `в районах Хабаровском, Ванинском`.
/// Going back from the match, only capitalised words, commas, `и`/`and`
/// and one colon stand between it and one of `plurals`, within five words.
pub fn listed_after_plural(text: &str, start: usize, plurals: &[&str]) -> bool {
    let head = &text[..start];
    let is_plural = |w: &str| {
        plurals
            .iter()
            .any(|p| w.to_lowercase().replace('ё', "е") == p.replace('ё', "е"))
    };
    let mut rest = head;
    for _ in 0..5 {
        let trimmed = rest.trim_end();
        let trimmed = trimmed
            .strip_suffix(',')
            .or_else(|| trimmed.strip_suffix(':'))
            .unwrap_or(trimmed)
            .trim_end();
        let Some(w) = words_back(trimmed).next() else {
            return false;
        };
        if !trimmed.ends_with(w) {
            return false;
        }
        if is_plural(w) {
            return true;
        }
        let joins = matches!(w, "и" | "and");
        let named = w.chars().next().is_some_and(char::is_uppercase);
        if !(joins || named) {
            return false;
        }
        rest = &trimmed[..trimmed.len() - w.len()];
    }
    false
}

/// The match is the first of coordinated names sharing one plural noun:
/// `и`/`and` or a comma right after it, then within four words one of
/// `plurals` (`Охотском | и Беринговом морях`, `Khasansky | and
/// Nadezhdinsky districts`).
pub fn coordinated_before(text: &str, end: usize, plurals: &[&str]) -> bool {
    let after = text[end..].trim_start();
    let conjunction = |r: &str| -> Option<usize> {
        ["и ", "and ", "or ", "или "]
            .iter()
            .find(|c| r.starts_with(*c))
            .map(|c| c.len())
    };
    let rest = if let Some(r) = after.strip_prefix(',') {
        let r = r.trim_start();
        conjunction(r).map_or(r, |n| &r[n..])
    } else if let Some(n) = conjunction(after) {
        &after[n..]
    } else {
        return false;
    };
    words(rest).take(4).any(|w| {
        plurals
            .iter()
            .any(|p| w.to_lowercase().replace('ё', "е") == p.replace('ё', "е"))
    })
}

/// A type word (`port`, `town`, `порт`) right after the match.
pub fn cue_after(text: &str, end: usize) -> bool {
    let after = &text[end..];
    after.starts_with(' ')
        && words(after).next().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "port" | "town" | "village" | "settlement" | "station" | "city"
            )
        })
}

/// Why a matched name is not a mention of the place, if it is not. `route`
/// says the name is itself a route's (`ESPO pipeline`, `Power of Siberia
/// main gas pipeline`): the pipeline rule does not apply to it.
pub fn blocked(text: &str, start: usize, end: usize, route: bool) -> Option<&'static str> {
    let after = &text[end..];
    let mut chars = after.chars();
    match (chars.next(), chars.next()) {
        (Some('-' | '‑' | '–'), Some(d)) if d.is_ascii_digit() => return Some("numbered"),
        (Some('$'), _) => return Some("currency"),
        _ => {}
    }
    let next: Vec<&str> = words(after).take(6).collect();
    if let Some(w) = next.first() {
        if CURRENCY_AFTER.contains(w) {
            return Some("currency");
        }
    }
    let mut line_words = next.iter().skip_while(|w| {
        matches!(
            **w,
            "gas" | "oil" | "transport" | "international" | "economic" | "trunk" | "main"
        )
    });
    if !route
        && line_words
            .next()
            .is_some_and(|w| LINE_AFTER.contains(&w.to_lowercase().as_str()))
    {
        return Some("pipeline or corridor");
    }
    // A capitalised run right after the name holding an organisation head
    // (in a title, where every word is capitalised, only a head close by:
    // `Pacific Geographical Institute, Vladivostok`). Capitals
    // (`PACIFIC NORTH NEWS SERVICE`) read as title case.
    if !after.starts_with(['.', ',', ';', ':', ')', '(']) {
        // In a title only a head within two words that is no ordinary
        // headline noun: `France Freeze Investment` is a headline.
        let title = in_title(text, start, end);
        for w in next.iter().take(if title { 2 } else { 5 }) {
            let head = |w: &str| ORG_HEADS.contains(&w) && !(title && HEADLINE_NOUNS.contains(&w));
            if head(w) || title_case(w).is_some_and(|t| head(&t)) {
                return Some("organisation");
            }
            let capitalised = w.chars().next().is_some_and(char::is_uppercase);
            if !(capitalised || matches!(*w, "of" | "and" | "&" | "for")) {
                break;
            }
        }
    }
    let before: Vec<&str> = words_back(&text[..start]).take(2).collect();
    if before.first() == Some(&"of") && before.get(1).is_some_and(|w| ORG_BEFORE_OF.contains(w)) {
        return Some("organisation");
    }
    // Russian ministries and banks name their country in the genitive
    // (`Минвостокразвития России`, `МИД КНР`, `Банк России`).
    if text[..start].ends_with(' ') {
        if let Some(w) = before.first() {
            let ministry = w.starts_with("Мин") && w.chars().count() >= 5;
            if ministry || matches!(*w, "МИД" | "Банк" | "Банка" | "Банком" | "Почта" | "Почты")
            {
                return Some("organisation");
            }
        }
    }
    if facility_after(&next) {
        return Some("facility");
    }
    if vehicle_after(&next) {
        return Some("vehicle");
    }
    // A name in guillemets is the name of something else: a zone, a
    // company, a ship, a road (`ТОР «Свободный»`, `трассы «Уссури»`).
    if !route && text[..start].ends_with('«') && text[end..].starts_with('»') {
        return Some("quoted name");
    }
    None
}

/// `NEWS` → `News`: a word in capitals, for a look-up in title case
/// (`None` for any other word, so ordinary text allocates nothing).
fn title_case(w: &str) -> Option<String> {
    if w.chars().count() < 3 || w.chars().any(char::is_lowercase) {
        return None;
    }
    let mut chars = w.chars();
    let first = chars.next()?;
    Some(first.to_string() + &chars.as_str().to_lowercase())
}

/// Rockets and missiles are named after rivers and regions (`Angara`,
/// `Soyuz`, `Bulava`): a vehicle head right after the name, perhaps past
/// a class word (`the Angara heavy rocket`, `Angara launch vehicle`).
fn vehicle_after(next: &[&str]) -> bool {
    const CLASS: [&str; 8] = [
        "heavy",
        "light",
        "medium",
        "space",
        "carrier",
        "launch",
        "ballistic",
        "cruise",
    ];
    const HEADS: [&str; 6] = [
        "rocket",
        "rockets",
        "missile",
        "missiles",
        "launcher",
        "launchers",
    ];
    let lower: Vec<String> = next.iter().take(3).map(|w| w.to_lowercase()).collect();
    let class = lower
        .iter()
        .take_while(|w| CLASS.contains(&w.as_str()))
        .count()
        .min(2);
    match lower.get(class).map(String::as_str) {
        Some(h) if HEADS.contains(&h) => true,
        Some("vehicle" | "vehicles") => class > 0 && lower[class - 1] == "launch",
        _ => false,
    }
}

/// The words after a name make it a facility's: a power-plant word then a
/// plant head (`hydropower plant`, `HPP`, `ГЭС`), or the same after more
/// coordinated names (`Bureya | and Zeya hydropower plants`). A bare
/// `plant`/`station` needs the modifier: `Khabarovsk station` is the town's.
fn facility_after(next: &[&str]) -> bool {
    let lower: Vec<String> = next.iter().map(|w| w.to_lowercase()).collect();
    let is_head = |w: &str| FACILITY_AFTER.contains(&w) || FACILITY_MODIFIERS.contains(&w);
    // Further coordinated names first: `, Bratsk and Ust-Ilimsk`.
    let mut i = 0;
    while i < next.len().min(4)
        && !is_head(&lower[i])
        && (lower[i] == "and" || next[i].chars().next().is_some_and(char::is_uppercase))
    {
        i += 1;
    }
    if i > 0 && !lower[..i].contains(&"and".to_string()) {
        return false;
    }
    let modifiers = lower[i..]
        .iter()
        .take_while(|w| FACILITY_MODIFIERS.contains(&w.as_str()))
        .count();
    let head = lower.get(i + modifiers).map(String::as_str);
    let abbreviation = matches!(head, Some("hpp" | "hpps" | "гэс" | "тэц" | "грэс" | "аэс"));
    head.is_some_and(|h| FACILITY_AFTER.contains(&h)) && (modifiers > 0 || abbreviation)
}

/// The words around the name are in title case (a headline, a
/// reference's title): capitals there say nothing about names.
fn in_title(text: &str, start: usize, end: usize) -> bool {
    const SMALL: [&str; 14] = [
        "of", "and", "in", "the", "for", "to", "on", "at", "a", "an", "with", "by", "as", "or",
    ];
    let around = words_back(&text[..start])
        .take(4)
        .chain(words(&text[end..]).take(7))
        .filter(|w| !SMALL.contains(w) && w.chars().any(char::is_alphabetic));
    let (mut caps, mut all) = (0, 0);
    for w in around {
        all += 1;
        if w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            caps += 1;
        }
    }
    all >= 4 && caps == all
}

/// A type word or locative preposition right before `start`, not across a
/// sentence end.
pub fn cue_before(text: &str, start: usize) -> bool {
    let head = text[..start].trim_end();
    if head.ends_with(['.', '!', '?', ':', ';']) || head.is_empty() {
        return false;
    }
    let mut back = words_back(head).map(str::to_lowercase);
    match back.next() {
        // `the port of Vostochny`, `the town of Mirny`.
        Some(w) if w == "of" => back.next().is_some_and(|w| {
            matches!(
                w.as_str(),
                "port" | "town" | "city" | "village" | "settlement"
            )
        }),
        Some(w) => CUES_BEFORE.contains(&w.as_str()),
        None => false,
    }
}

/// The word before or after the name is written in capitals too (a
/// heading, a dateline): a short name in capitals is then not an acronym.
pub fn caps_context(text: &str, start: usize, end: usize) -> bool {
    let upper = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_lowercase())
    };
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    words_back(&text[..start]).next().is_some_and(upper)
        || words(&text[end..]).next().is_some_and(upper)
        || text[line_start..start].trim().is_empty()
            && text[end..].starts_with([',', ' ', '—', '-'])
}

/// Words (runs of letters, digits, apostrophes and `&`) from the start of `s`.
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '&'))
        .filter(|w| !w.is_empty())
}

/// Words from the end of `s` backwards.
fn words_back(s: &str) -> impl Iterator<Item = &str> {
    s.rsplit(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '&'))
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str, name: &str) -> Option<&'static str> {
        let start = text.find(name).unwrap();
        blocked(text, start, start + name.len(), false)
    }

    #[test]
    fn longer_names_of_other_things_block_the_place() {
        assert_eq!(
            block("Sakhalin Energy said", "Sakhalin"),
            Some("organisation")
        );
        assert_eq!(
            block("the Amur Gas Processing Plant", "Amur"),
            Some("organisation")
        );
        assert_eq!(
            block("the Bank of China lent", "China"),
            Some("organisation")
        );
        assert_eq!(
            block("the Primorye-1 corridor", "Primorye"),
            Some("numbered")
        );
        assert_eq!(
            block("the Altai gas pipeline", "Altai"),
            Some("pipeline or corridor")
        );
        assert_eq!(block("in Hong Kong dollars", "Hong Kong"), Some("currency"));
        assert_eq!(block("US$ 5 billion", "US"), Some("currency"));
        assert_eq!(
            block("по данным Минвостокразвития России", "России"),
            Some("organisation")
        );
        assert_eq!(
            block("в ТОР «Свободный» и", "Свободный"),
            Some("quoted name")
        );
    }

    #[test]
    fn a_facility_named_after_a_place_is_not_the_place() {
        // Invented excerpts of the class: plants named after their river
        // or town, alone or coordinated under one plural head.
        assert_eq!(
            block("at the Zeya hydropower plant", "Zeya"),
            Some("facility")
        );
        let t = "the Bureya and Zeya hydropower plants";
        assert_eq!(block(t, "Bureya"), Some("facility"));
        assert_eq!(block(t, "Zeya"), Some("facility"));
        let t = "the Irkutsk, Bratsk and Ust-Ilimsk hydropower plants";
        assert_eq!(block(t, "Irkutsk"), Some("facility"));
        assert_eq!(block("the Bratsk HPP", "Bratsk"), Some("facility"));
        assert_eq!(block("у Бурейской ГЭС", "Бурейской"), Some("facility"));
        assert_eq!(
            block("for the Angara heavy rocket", "Angara"),
            Some("vehicle")
        );
        assert_eq!(block("an Angara launch vehicle", "Angara"), Some("vehicle"));
        assert_eq!(block("Angara rockets fly", "Angara"), Some("vehicle"));
        assert_eq!(block("the Angara launch season", "Angara"), None);
        // A station or plant without a power word is the town's.
        assert_eq!(
            block("trains stop at Khabarovsk station", "Khabarovsk"),
            None
        );
        assert_eq!(block("Irkutsk and Bratsk, where plants", "Irkutsk"), None);
        assert_eq!(block("plants on the Zeya and Bureya rivers", "Zeya"), None);
    }

    #[test]
    fn settlement_words_and_datelines_cue_a_town() {
        let cue = |t: &str, name: &str| {
            let s = t.find(name).unwrap();
            town_cue(t, s, s + name.len())
        };
        assert!(cue("the town of Zeya has", "Zeya"));
        assert!(cue("в городе Зея", "Зея"));
        assert!(cue("в г. Зея", "Зея"));
        assert!(cue("посёлок Ванино", "Ванино"));
        assert!(cue("ZEYA, March 6 —", "ZEYA"));
        assert!(!cue("the Zeya town council", "Zeya"));
        assert!(!cue("the region of Amur", "Amur"));
        assert!(!cue("в городском округе Зея", "Зея"));
    }

    #[test]
    fn ordinary_mentions_pass() {
        assert_eq!(block("Sakhalin, Kamchatka and Primorye", "Sakhalin"), None);
        assert_eq!(block("Vladivostok. Energy exports", "Vladivostok"), None);
        assert_eq!(block("from Amur to Khabarovsk", "Amur"), None);
        assert_eq!(block("the Amur River Basin", "Amur"), None);
        // A headline capitalises every word.
        assert_eq!(
            block(
                "Japan and France Freeze Investment in Arctic LNG 2 // Interfax",
                "France"
            ),
            None
        );
        assert_eq!(
            block(
                "Japan and France Freeze Investment in Arctic LNG 2",
                "Japan"
            ),
            None
        );
        let t = "the ESPO pipeline";
        assert_eq!(blocked(t, 4, 8, true), None);
    }

    #[test]
    fn other_features_and_compounds() {
        let t = "the Aniva Bay coast";
        assert_eq!(feature_word(t, 4, 9), Some(&[PlaceKind::Sea][..]));
        let t = "at Cape Kamenny";
        assert_eq!(feature_word(t, 8, 15), Some(&[PlaceKind::Peninsula][..]));
        let t = "в Кроноцком заповеднике";
        let s = t.find("Кроноцком").unwrap();
        assert_eq!(feature_word(t, s, s + "Кроноцком".len()), Some(&[][..]));
        assert_eq!(feature_word("Vladivostok port", 0, 11), None);
        let t = "Байкало-Амурскую магистраль";
        assert!(compound_tail(t, t.find("Амурскую").unwrap()));
        assert!(!compound_tail("Russia-China trade", 7));
        assert!(capitalised_follower("Vostochny Cosmodrome", 9));
        assert!(cue_after("Vostochny port", 9));
        let t = "в Охотском и Беринговом морях";
        let e = t.find("Охотском").unwrap() + "Охотском".len();
        assert!(coordinated_before(t, e, &["морях"]));
        assert!(!coordinated_before("в Охотском районе", 17, &["морях"]));
    }

    #[test]
    fn a_type_word_of_the_sentence_before_is_not_the_names() {
        let t = "через Берингов пролив. Москва заинтересована";
        let start = t.find("Москва").unwrap();
        assert_eq!(feature_word(t, start, start + "Москва".len()), None);
        let t = "в проливе Лаперуза";
        let start = t.find("Лаперуза").unwrap();
        assert!(feature_word(t, start, t.len()).is_some());
    }

    #[test]
    fn english_names_before_a_plural_type_word_take_its_kind() {
        let t = "on the Amur, Zeya and Bureya rivers today";
        let end = |w: &str| t.find(w).unwrap() + w.len();
        assert_eq!(
            coordinated_plural(t, end("Amur")),
            Some(&[PlaceKind::River][..])
        );
        assert_eq!(
            coordinated_plural(t, end("Zeya")),
            Some(&[PlaceKind::River][..])
        );
        assert_eq!(
            coordinated_plural(t, end("Bureya")),
            Some(&[PlaceKind::River][..])
        );
        let t = "Khabarovsk and Primorsky krais";
        assert_eq!(coordinated_plural(t, 10), Some(&[PlaceKind::Region][..]));
        // A list that goes on with other words is no coordination.
        let t = "Khabarovsk and other cities of the two regions";
        assert_eq!(coordinated_plural(t, 10), None);
        assert_eq!(coordinated_plural("Kuril Islands", 5), None);
        assert!(dateline("SVOBODNY, March 3 — the", 0, 8));
        assert!(!dateline("in SVOBODNY, March", 3, 11));
        let t = "upstream of the Zeya dam";
        assert_eq!(nearby(t, 16, 20), (true, false));
    }

    #[test]
    fn the_article_before_a_bare_name_speaks_of_a_river() {
        let at = |t: &str, name: &str| {
            let s = t.find(name).unwrap();
            river_article(t, s, s + name.len())
        };
        assert!(at("exports across the Amur fell by a tenth", "Amur"));
        assert!(at("a bridge over the Zeya.", "Zeya"));
        assert!(at("The Bureya, a tributary", "Bureya"));
        // The article of a noun the name modifies, or no article at all.
        assert!(!at("the Magadan airport was closed", "Magadan"));
        assert!(!at("the Amur region grows soy", "Amur"));
        assert!(!at("flights to Magadan fell", "Magadan"));
        assert!(!at("breathe Zeya air", "Zeya"));
        // A capitalised word after it: a longer name, not a river.
        assert!(!at("the Amur Shipping Company", "Amur"));
    }

    #[test]
    fn cues_and_capital_contexts() {
        let t = "the port of Vostochny and в посёлке Восточный. Vostochny";
        assert!(cue_before(t, t.find("Vostochny").unwrap()));
        assert!(cue_before(t, t.find("Восточный").unwrap()));
        assert!(!cue_before(t, t.rfind("Vostochny").unwrap()));
        let d = "TIKSI, March 3 — ice";
        assert!(caps_context(d, 0, 5));
        let h = "PORTS OF THE AMUR BASIN";
        let a = h.find("AMUR").unwrap();
        assert!(caps_context(h, a, a + 4));
        let m = "the UDA said";
        assert!(!caps_context(m, 4, 7));
    }

    #[test]
    fn names_listed_after_their_plural_noun() {
        let text = "связаны с вулканами: Тепловским и Ручейным, а также";
        let at = |w: &str| text.find(w).unwrap();
        let plurals = ["вулканами"];
        assert!(listed_after_plural(text, at("Тепловским"), &plurals));
        assert!(listed_after_plural(text, at("Ручейным"), &plurals));
        // An ordinary word between them breaks the list.
        let text = "с вулканами связано Тепловским";
        assert!(!listed_after_plural(
            text,
            text.find("Тепловским").unwrap(),
            &plurals
        ));
        assert!(!listed_after_plural("Тепловским", 0, &plurals));
    }
}
