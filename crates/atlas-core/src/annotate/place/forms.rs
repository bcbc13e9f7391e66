//! The surface forms a place can take in a text, generated from its
//! gazetteer names by rules of English and Russian usage.
//!
//! A name in the gazetteer is one spelling (`Primorskiy Kray`, `Amur Oblast`,
//! `Sea of Okhotsk`, `Приморский край`); papers write many more:
//!
//! - **type words** bound to the kind of place: a region's *core* (`Amur`,
//!   `Primorsky`) with any of its designators (`Oblast`, `Region`, `Krai`,
//!   `Kray`, `Territory`, `Province`, `Prefecture`, `Republic of …`), a
//!   river's core with `River` (`Amur River`, `River Amur`, `река Амур`),
//!   an island's with `Island(s)`, a lake's with `Lake`, a range's with
//!   `Mountains`/`Range`. A designator form belongs to that one place, so
//!   `Amur Region` is the oblast and `Amur River` the river; the bare core
//!   (`Amur`) stays ambiguous and [`super::resolve`] chooses. A sea, strait,
//!   bay or gulf is only matched whole: the core of `Sea of Japan` is a
//!   country, of `Bering Sea` a person;
//! - **romanisation variants** of Russian names: apostrophes dropped
//!   (`Primor'ye` → `Primorye`), adjective endings `-skiy`/`-sky`/`-skii`/
//!   `-skij`, `-yy`/`-y`, hyphens or spaces (`Yuzhno-Sakhalinsk`);
//! - **Russian case forms** of every Cyrillic name ([`super::inflect`]);
//! - island groups' plural short form (`Kuril Islands` → `Kurils`).
//!
//! Case is not part of a form: the matcher folds case and then checks the
//! text's capitalisation against the form's ([`FormKind`] tells it which
//! words are type words, whose case is free).

use super::inflect::case_forms;
use crate::gazetteer::{Layer, Place};
use crate::model::PlaceKind;

/// How a form was made, which decides how much it says about the place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FormKind {
    /// A name as the gazetteer gives it (or a spelling or case of it).
    Name,
    /// A core with a type word of the place's kind: `Amur Region`.
    Designated,
    /// A bare core derived from a designated name: `Amur` of `Amur Oblast`.
    Core,
}

/// One surface form of one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// The form, with the capitalisation the name has.
    pub text: String,
    /// How it was made.
    pub kind: FormKind,
    /// The name it comes from is also a common lower-case word.
    pub common: bool,
    /// It comes from a name the curated file itself lists.
    pub curated: bool,
    /// The first conjunct of a coordinated Russian name (`Охотском` of `в
    /// Охотском и Беринговом морях`): valid only when one of these plural
    /// nouns follows a few words on. Empty for every other form.
    pub needs_plural: Vec<&'static str>,
}

/// Designators that follow a region's core (`Amur Oblast`).
const REGION_AFTER: [&str; 17] = [
    "Oblast",
    "Region",
    "Province",
    "Krai",
    "Kray",
    "Territory",
    "Prefecture",
    "Republic",
    "Autonomous Okrug",
    "Autonomous Oblast",
    "Autonomous Region",
    "Autonomous District",
    "Autonomous Area",
    "Okrug",
    "Aimag",
    "Aymag",
    "Sheng",
];
/// Designators that precede a region's core (`Republic of Buryatia`).
const REGION_BEFORE: [&str; 1] = ["Republic of"];
/// Russian designators after a region's core (`Амурская область`).
const REGION_AFTER_RU: [&str; 4] = ["область", "край", "автономный округ", "автономная область"];

const RIVER_AFTER: [&str; 1] = ["River"];
const RIVER_BEFORE: [&str; 2] = ["River", "река"];
const LAKE_BEFORE: [&str; 2] = ["Lake", "озеро"];
const LAKE_AFTER: [&str; 1] = ["Lake"];
const ISLAND_AFTER: [&str; 2] = ["Island", "Islands"];
const ISLAND_BEFORE: [&str; 3] = ["Island of", "остров", "острова"];
const PENINSULA_AFTER: [&str; 1] = ["Peninsula"];
const PENINSULA_BEFORE: [&str; 1] = ["полуостров"];
const MOUNTAINS_AFTER: [&str; 7] = [
    "Mountains",
    "Range",
    "Ridge",
    "Mts",
    "volcano",
    "вулкан",
    "сопка",
];
const CITY_AFTER: [&str; 1] = ["City"];
const CITY_BEFORE: [&str; 1] = ["City of"];
const MOUNTAINS_BEFORE: [&str; 3] = ["Mount", "хребет", "вулкан"];

/// Every type word, in lower case: their case is free in a text
/// (`Amur region`, `Amur Region`), and a core never ends with one.
pub fn is_type_word(word: &str) -> bool {
    let w = word.to_lowercase();
    matches!(
        w.as_str(),
        "oblast"
            | "oblast'"
            | "region"
            | "province"
            | "krai"
            | "kray"
            | "territory"
            | "prefecture"
            | "republic"
            | "autonomous"
            | "okrug"
            | "district"
            | "area"
            | "aimag"
            | "aymag"
            | "sheng"
            | "river"
            | "lake"
            | "reservoir"
            | "island"
            | "islands"
            | "peninsula"
            | "mountains"
            | "range"
            | "ridge"
            | "mts"
            | "mount"
            | "volcano"
            | "volcanoes"
            | "city"
            | "sea"
            | "ocean"
            | "strait"
            | "bay"
            | "gulf"
            | "of"
            | "the"
            | "on"
            | "na"
            | "am"
    ) || is_russian_type_word(&w)
}

fn is_russian_type_word(w: &str) -> bool {
    const STEMS: [&str; 14] = [
        "област",
        "кра",
        "республик",
        "автономн",
        "округ",
        "рек",
        "озер",
        "остров",
        "полуостров",
        "хребт",
        "хребет",
        "мор",
        "вулкан",
        "сопк",
    ];
    STEMS.iter().any(|s| w.starts_with(s)) && w.chars().count() <= 12
}

/// Every surface form of `place`. `claimed` says whether a name is
/// claimed by a curated place other than this one (the curated layer
/// decides what a bare name means: another place then keeps only its
/// designated forms of that name).
pub fn forms_of(place: &Place, claimed: &dyn Fn(&str) -> bool) -> Vec<Form> {
    let mut out: Vec<Form> = Vec::new();
    let mut push = |text: String, kind: FormKind, common: bool, curated: bool| {
        if text.trim().is_empty() {
            return;
        }
        if let Some(f) = out.iter_mut().find(|f| f.text == text) {
            // The most telling kind wins (a designated form stays designated).
            if kind == FormKind::Designated {
                f.kind = kind;
            }
            f.curated |= curated;
            return;
        }
        out.push(Form {
            text,
            kind,
            common,
            curated,
            needs_plural: Vec::new(),
        });
    };
    let mut elliptic: Vec<Form> = Vec::new();
    let generated = place.layer == Layer::Generated;
    let names = place.aliases.iter().enumerate().flat_map(|(i, alias)| {
        let own = i < place.own_aliases;
        let common = place.common.contains(alias);
        let mut alternates = match place.kind {
            PlaceKind::Region => district_alternates(alias),
            PlaceKind::Mountains => volcano_alternates(alias),
            _ => Vec::new(),
        };
        // A Chinese name as a Russian text writes it (`Суйфэньхэ`).
        if place.country.as_deref() == Some("CN") {
            alternates.extend(super::palladius::palladius(alias));
        }
        std::iter::once((alias.clone(), own, common))
            .chain(alternates.into_iter().map(move |a| (a, own, false)))
    });
    for (alias, own, common) in names {
        let alias = &alias;
        if !own && (too_short(alias, place) || (generated && oblique_surname(alias, place))) {
            continue;
        }
        // A three-letter name of a small place is vouched for by the words
        // around it, as a common word is (`в Аяне`, `порт Аян`).
        let common = common || (!own && short_needs_cue(alias, place));
        let core = core_of(alias, place.kind);
        // A one-syllable Chinese name (`Zhang`, `Liu`) is also a surname:
        // only its designated forms (`Zhang River`) are kept.
        let bare_ok = (own || !claimed(alias)) && !(generated && pinyin_syllable(alias));
        for spelling in spellings(alias) {
            let kind = if core.is_some() {
                FormKind::Designated
            } else {
                FormKind::Name
            };
            if kind == FormKind::Name && !bare_ok {
                continue;
            }
            for f in cases(&spelling, place) {
                push(f, kind, common, own);
            }
        }
        // A Russian `adjective + type noun` name in coordination.
        let (last, first) = super::inflect::coordination(alias);
        for f in last {
            push(f, FormKind::Designated, false, own);
        }
        for (adjectives, plurals) in first {
            elliptic.push(Form {
                text: adjectives,
                kind: FormKind::Designated,
                common: false,
                curated: own,
                needs_plural: plurals,
            });
        }
        // An English `core + type word` name in coordination: `Khasansky
        // and Nadezhdinsky districts` (the first conjunct bare, the last
        // with the plural type word).
        if let Some((stem, plural)) = english_coordination(alias) {
            for spelling in spellings(stem) {
                push(
                    format!("{spelling} {plural}"),
                    FormKind::Designated,
                    false,
                    own,
                );
                elliptic.push(Form {
                    text: spelling,
                    kind: FormKind::Designated,
                    common: false,
                    curated: own,
                    needs_plural: vec![plural],
                });
            }
        }
        let base = match &core {
            Some(c) => Some(c.clone()),
            None if takes_designators(place.kind) => Some(alias.clone()),
            None => None,
        };
        let Some(base) = base else { continue };
        if !own && too_short(&base, place) {
            continue;
        }
        for spelling in spellings(&base) {
            for d in designated(&spelling, place.kind) {
                for f in case_forms(&d) {
                    push(f, FormKind::Designated, false, own);
                }
            }
        }
        if let Some(core) = core.filter(|c| bare_core_ok(place.kind, alias, c)) {
            if !(claimed(&core) || generated && pinyin_syllable(&core)) {
                for spelling in spellings(&core) {
                    for f in cases(&spelling, place) {
                        push(f, FormKind::Core, common, own);
                    }
                }
            }
        }
        if place.kind == PlaceKind::Island {
            if let Some(group) = alias.strip_suffix(" Islands") {
                push(format!("{group}s"), FormKind::Name, false, own);
            }
        }
    }
    // Elliptic forms last, and only where no full form has the same text.
    for e in elliptic {
        if !out.iter().any(|f| f.text == e.text) {
            out.push(e);
        }
    }
    out
}

/// English type words and their plurals, as names coordinated under one
/// plural write them (`the Amur and Zeya rivers`, `Khasansky and
/// Nadezhdinsky districts`).
const ENGLISH_PLURALS: [(&str, &str); 13] = [
    ("District", "districts"),
    ("Region", "regions"),
    ("Oblast", "oblasts"),
    ("Krai", "krais"),
    ("Kray", "krays"),
    ("Province", "provinces"),
    ("Prefecture", "prefectures"),
    ("Territory", "territories"),
    ("Okrug", "okrugs"),
    ("Island", "islands"),
    ("River", "rivers"),
    ("Bay", "bays"),
    ("Strait", "straits"),
];

/// The other names of a Russian municipal district: since the municipal
/// reform of 2019–2023 many districts are `городской округ` or
/// `муниципальный округ` (`Курильский район` → `Курильский городской
/// округ`, `Kurilsky Urban Okrug`), and texts use the old and the new name.
fn district_alternates(alias: &str) -> Vec<String> {
    const RU: [&str; 4] = [
        "район",
        "городской округ",
        "муниципальный округ",
        "муниципальный район",
    ];
    let russian = RU.iter().find_map(|head| {
        let stem = alias.strip_suffix(head)?.strip_suffix(' ')?;
        // `Курильский городской округ`, not `Городской округ Анадырь`.
        let adjectival = ["ий", "ый", "ой"].iter().any(|e| stem.ends_with(e));
        adjectival.then(|| {
            RU.iter()
                .filter(|t| *t != head)
                .map(|t| format!("{stem} {t}"))
                .collect()
        })
    });
    if let Some(out) = russian {
        out
    } else if let Some(stem) = alias.strip_suffix(" District").filter(|s| {
        ["sky", "skiy", "skii", "ny", "nyy", "oy"]
            .iter()
            .any(|e| s.ends_with(e))
    }) {
        ["Urban Okrug", "Municipal Okrug", "Municipal District"]
            .iter()
            .map(|t| format!("{stem} {t}"))
            .collect()
    } else {
        Vec::new()
    }
}

/// The other ways Russian names a volcano named by an adjective: `сопка`
/// is feminine, `вулкан` masculine, and `вулкан` may stand first
/// (`Авачинская сопка` = `Авачинский вулкан` = `вулкан Авачинский`). A
/// feminine `-ская` gives both masculine endings (`Корякский`,
/// `Ключевской`: stress decides, the text will use one).
fn volcano_alternates(alias: &str) -> Vec<String> {
    let masculine_of = |fem: &str| -> Vec<String> {
        let Some(stem) = fem.strip_suffix("ая") else {
            return Vec::new();
        };
        let soft = ["к", "г", "х", "ж", "ш", "ч", "щ"]
            .iter()
            .any(|e| stem.ends_with(e));
        if soft {
            vec![format!("{stem}ий"), format!("{stem}ой")]
        } else {
            vec![format!("{stem}ый"), format!("{stem}ой")]
        }
    };
    let adjective = |w: &str| ["ий", "ый", "ой"].iter().any(|e| w.ends_with(e));
    // The type noun in any case (`Ключевская Сопка`).
    let lower = alias.to_lowercase();
    let noun_after = |noun: &str| {
        lower
            .ends_with(&format!(" {noun}"))
            .then(|| alias.len().checked_sub(noun.len() + 1))
            .flatten()
            .and_then(|n| alias.get(..n))
    };
    let noun_before = |noun: &str| {
        lower
            .starts_with(&format!("{noun} "))
            .then(|| alias.get(noun.len() + 1..))
            .flatten()
    };
    let masculine: Vec<String> = if let Some(stem) = noun_after("сопка") {
        masculine_of(stem)
    } else if let Some(stem) = noun_after("вулкан").filter(|s| adjective(s)) {
        vec![stem.to_string()]
    } else if let Some(stem) = noun_before("вулкан").filter(|s| adjective(s)) {
        vec![stem.to_string()]
    } else {
        return Vec::new();
    };
    masculine
        .into_iter()
        .filter(|m| !m.contains(' '))
        .flat_map(|m| [format!("{m} вулкан"), format!("вулкан {m}")])
        .filter(|a| a != alias)
        .collect()
}

/// Words that make a name only with their noun.
const DIRECTION_WORDS: [&str; 16] = [
    "East", "West", "North", "South", "Eastern", "Western", "Northern", "Southern", "Central",
    "Upper", "Lower", "Great", "Greater", "New", "Big", "Little",
];

/// The core of an English name ending in a type word, and that word's
/// plural: `Khasansky District` → (`Khasansky`, `districts`). A core is a
/// capitalised Latin name of at least four letters that is not itself a
/// type word (`Autonomous District` has none) nor a word of direction or
/// size (`East Bay`, `Great Lake`: `East` alone is no name). Seas are left
/// out: their names (`East Sea`, `Yellow Sea`) are mostly such words.
fn english_coordination(alias: &str) -> Option<(&str, &'static str)> {
    let (stem, last) = alias.rsplit_once(' ')?;
    let (_, plural) = ENGLISH_PLURALS
        .iter()
        .find(|(t, _)| last.eq_ignore_ascii_case(t))?;
    let head = stem.rsplit(' ').next().unwrap_or(stem);
    let latin = stem
        .chars()
        .all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’'));
    (latin
        && stem.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && stem.chars().filter(char::is_ascii_alphabetic).count() >= 4
        && !is_type_word(head)
        && !DIRECTION_WORDS.contains(&head))
    .then_some((stem, *plural))
}

/// Case forms of a spelling, except for a generated place named like a
/// surname's genitive: `Сорокино`/`Ivanovo` keep their nominative only,
/// since `Сорокина`, `Иванова` are also the genitives of `Сорокин`, `Иванов`.
fn cases(spelling: &str, place: &Place) -> Vec<String> {
    let surname_like = ["ово", "ево", "ино", "ыно"]
        .iter()
        .any(|e| spelling.ends_with(e));
    if place.layer == Layer::Generated && surname_like {
        return vec![spelling.to_string()];
    }
    // A Chinese name ending in a vowel does not decline in Russian (`из
    // Хэйхэ`, `в Яньцзя`); one ending in a consonant does (`Хуньчуня`).
    let vowel_end = spelling
        .chars()
        .next_back()
        .is_some_and(|c| "аэоуыияеёю".contains(c));
    if place.country.as_deref() == Some("CN") && vowel_end {
        return vec![spelling.to_string()];
    }
    case_forms(spelling)
}

/// A Latin alternate of a generated `-ovo`/`-ino` place ending in
/// `-ova`/`-ina`: a surname (`Ivanova`) far more often than the town.
fn oblique_surname(alias: &str, place: &Place) -> bool {
    let name = place.name.to_lowercase();
    let alias = alias.to_lowercase();
    ["ovo", "evo", "ino", "yno"]
        .iter()
        .any(|e| name.ends_with(e))
        && ["ova", "eva", "ina", "yna"]
            .iter()
            .any(|e| alias.ends_with(e))
}

/// A single syllable of Hanyu Pinyin (`Zhang`, `Liu`, `Wei`, `Huang`).
pub fn pinyin_syllable(word: &str) -> bool {
    const INITIALS: [&str; 23] = [
        "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
        "r", "z", "c", "s", "y", "w",
    ];
    const FINALS: [&str; 35] = [
        "a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er", "i", "ia",
        "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong", "u", "ua", "uo", "uai", "ui", "uan",
        "un", "uang", "ueng", "ue", "v", "ve",
    ];
    let w = word.to_lowercase();
    if !w.chars().all(|c| c.is_ascii_lowercase()) || w.len() > 6 {
        return false;
    }
    let rest = INITIALS
        .iter()
        .find(|i| w.starts_with(*i))
        .map_or(w.as_str(), |i| &w[i.len()..]);
    FINALS.contains(&rest)
}

/// May the core of `alias` stand alone? For a region, only when its type
/// word is a transliterated or Russian one (`Amur Oblast` → `Amur`,
/// `Primorsky Krai` → `Primorsky`), not an English translation whose core
/// is an English word (`Maritime Territory`, `Jewish Autonomous Region`),
/// and never a Russian adjective (`Амурская`, which only ever stands with
/// its noun). A river's, lake's and peninsula's core stands alone
/// (`Amur`, `Baikal`, `Kamchatka`); an island's or range's does not
/// (`Bering` of `Bering Island`, `Koryak` of `Koryak Range` name other
/// things), its bare name is listed when the sources use one.
fn bare_core_ok(kind: PlaceKind, alias: &str, core: &str) -> bool {
    let cyrillic = core.chars().any(|c| matches!(c, 'а'..='я' | 'А'..='Я'));
    let adjective = ["ий", "ый", "ой", "ая", "яя", "ое", "ие", "ые"]
        .iter()
        .any(|e| core.ends_with(e));
    match kind {
        PlaceKind::Region => {
            let type_word = alias[core.len().min(alias.len())..].trim().to_lowercase();
            !(cyrillic && adjective)
                && [
                    "oblast",
                    "krai",
                    "kray",
                    "okrug",
                    "autonomous okrug",
                    "autonomous oblast",
                    "aimag",
                    "aymag",
                    "sheng",
                    "prefecture",
                    "область",
                    "край",
                ]
                .contains(&type_word.as_str())
        }
        PlaceKind::River | PlaceKind::Sea | PlaceKind::Peninsula => !(cyrillic && adjective),
        _ => false,
    }
}

/// A generated name too short to trust: under four letters (`Uda`, `Yu`,
/// `Ust'` are more often a syllable, a surname or an acronym), except a
/// country's, a three-letter town's of 20,000 (`Оха`) or a city's of a
/// million.
fn too_short(name: &str, place: &Place) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    place.kind != PlaceKind::Country
        && (letters < 3
            || (letters == 3 && place.population < 20_000 && !cyrillic_town(name, place)))
        && place.population < 1_000_000
}

/// A three-letter Cyrillic name of a small town (`Аян`): not a syllable or
/// an acronym the way a Latin one is (an acronym is in capitals), so it is
/// kept, but needs a cue like a common word does ([`short_needs_cue`]).
fn cyrillic_town(name: &str, place: &Place) -> bool {
    matches!(place.kind, PlaceKind::City | PlaceKind::Port)
        && name
            .chars()
            .all(|c| !c.is_alphabetic() || ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// A name [`too_short`] would drop but for [`cyrillic_town`].
fn short_needs_cue(name: &str, place: &Place) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    letters == 3 && place.population < 20_000 && cyrillic_town(name, place)
}

/// Kinds whose bare name is also a core for designators (`Heilongjiang`
/// → `Heilongjiang Province`; `Ussuri` → `Ussuri River`; `Jilin` →
/// `Jilin City`, which names the city and not the province).
fn takes_designators(kind: PlaceKind) -> bool {
    matches!(
        kind,
        PlaceKind::Region
            | PlaceKind::River
            | PlaceKind::Island
            | PlaceKind::Peninsula
            | PlaceKind::Mountains
            | PlaceKind::City
    )
}

/// The core of a name that carries a type word of its kind, if it does.
pub fn core_of(name: &str, kind: PlaceKind) -> Option<String> {
    let (after, before): (&[&str], &[&str]) = match kind {
        PlaceKind::Region => (&REGION_AFTER, &REGION_BEFORE),
        PlaceKind::River => (&RIVER_AFTER, &RIVER_BEFORE),
        PlaceKind::Sea => (&LAKE_AFTER, &LAKE_BEFORE),
        PlaceKind::Island => (&ISLAND_AFTER, &ISLAND_BEFORE),
        PlaceKind::Peninsula => (&PENINSULA_AFTER, &PENINSULA_BEFORE),
        PlaceKind::Mountains => (&MOUNTAINS_AFTER, &MOUNTAINS_BEFORE),
        _ => return None,
    };
    let lower = name.to_lowercase();
    for d in after
        .iter()
        .chain(REGION_AFTER_RU.iter().filter(|_| kind == PlaceKind::Region))
    {
        let d = d.to_lowercase();
        if let Some(stem) = lower.strip_suffix(&d) {
            if stem.ends_with(' ') && stem.trim().chars().count() >= 3 {
                let n = stem.trim_end().len();
                return Some(name[..n].to_string());
            }
        }
    }
    for d in before {
        let d = d.to_lowercase();
        if let Some(rest) = lower.strip_prefix(&d) {
            if rest.starts_with(' ') && rest.trim().chars().count() >= 3 {
                let n = name.len() - rest.trim_start().len();
                return Some(name[n..].to_string());
            }
        }
    }
    None
}

/// The core with each type word of `kind` (only Latin type words on a
/// Latin core, Russian on a Cyrillic one).
fn designated(core: &str, kind: PlaceKind) -> Vec<String> {
    let cyrillic = core
        .chars()
        .any(|c| matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё'));
    let mut out = Vec::new();
    let (after, before): (&[&str], &[&str]) = match kind {
        PlaceKind::Region if cyrillic => (&REGION_AFTER_RU, &[]),
        PlaceKind::Region => (&REGION_AFTER, &REGION_BEFORE),
        PlaceKind::River => (&RIVER_AFTER, &RIVER_BEFORE),
        PlaceKind::Sea => (&LAKE_AFTER, &LAKE_BEFORE),
        PlaceKind::Island => (&ISLAND_AFTER, &ISLAND_BEFORE),
        PlaceKind::Peninsula => (&PENINSULA_AFTER, &PENINSULA_BEFORE),
        PlaceKind::Mountains => (&MOUNTAINS_AFTER, &MOUNTAINS_BEFORE),
        PlaceKind::City => (&CITY_AFTER, &CITY_BEFORE),
        _ => return out,
    };
    let script_ok = |d: &str| d.chars().any(|c| c.is_ascii_alphabetic()) != cyrillic;
    if kind == PlaceKind::Region && cyrillic {
        // Only an adjective takes a Russian designator (`Амурская область`);
        // a noun core stands alone (`Приморье`).
        let adjective = ["ий", "ый", "ой", "ая", "яя"]
            .iter()
            .any(|e| core.ends_with(e));
        if !adjective {
            return out;
        }
        let feminine = core.ends_with("ая") || core.ends_with("яя");
        for d in after {
            let fits = if feminine {
                d.ends_with("область")
            } else {
                *d == "край" || *d == "автономный округ"
            };
            if fits {
                out.push(format!("{core} {d}"));
            }
        }
        return out;
    }
    for d in after.iter().filter(|d| script_ok(d)) {
        out.push(format!("{core} {d}"));
    }
    for d in before.iter().filter(|d| script_ok(d)) {
        out.push(format!("{d} {core}"));
    }
    out
}

/// Romanisation variants of a Latin name (the name itself first); a
/// Cyrillic or Han name is returned as it is.
pub fn spellings(name: &str) -> Vec<String> {
    let mut out = vec![name.to_string()];
    if !name.chars().any(|c| c.is_ascii_alphabetic()) {
        return out;
    }
    let mut add = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    let no_apostrophes: String = name
        .chars()
        .filter(|c| !matches!(c, '\'' | '’' | 'ʹ' | 'ʼ' | '`'))
        .collect();
    add(no_apostrophes.clone());
    let words: Vec<&str> = no_apostrophes.split(' ').collect();
    // One variant per ending family, applied to every word that has it.
    for (from, tos) in ENDING_VARIANTS {
        if words.iter().any(|w| w.ends_with(from)) {
            for to in *tos {
                let v: Vec<String> = words
                    .iter()
                    .map(|w| match w.strip_suffix(from) {
                        Some(stem) if stem.len() >= 3 => format!("{stem}{to}"),
                        _ => (*w).to_string(),
                    })
                    .collect();
                add(v.join(" "));
            }
        }
    }
    // `Yuzhno-Sakhalinsk` is also written `Yuzhno Sakhalinsk`; not a name
    // whose hyphen joins a suffix (`Tokyo-to`, `Hokkaido-do`), which would
    // become the words `Tokyo to`.
    let parts: Vec<&str> = name.split('-').collect();
    let joinable = parts.len() > 1
        && parts.len() <= 3
        && parts[1..]
            .iter()
            .all(|p| p.chars().next().is_some_and(char::is_uppercase) || matches!(*p, "na" | "on"));
    if joinable {
        add(name.replace('-', " "));
    }
    out
}

/// Romanised Russian adjective endings that papers spell several ways.
const ENDING_VARIANTS: &[(&str, &[&str])] = &[
    ("skiy", &["sky", "skii", "skij"]),
    ("sky", &["skiy", "skii"]),
    ("skii", &["sky", "skiy"]),
    ("yy", &["y", "yi"]),
    ("iy", &["y", "ii"]),
    ("oye", &["oe"]),
    ("skaya", &["skaia"]),
    ("iya", &["ia"]),
    ("oy", &["oi"]),
    ("oi", &["oy"]),
    ("ey", &["ei"]),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn place(kind: PlaceKind, aliases: &[&str]) -> Place {
        Place {
            id: "x".into(),
            name: aliases[0].into(),
            kind,
            country: Some("RU".into()),
            lat: 0.0,
            lon: 0.0,
            source: "geonames:1".into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            waypoints: Vec::new(),
            line: 1,
            common: Vec::new(),
            population: 0,
            admin1: None,
            geonames: None,
            layer: Layer::Generated,
            own_aliases: 0,
        }
    }

    fn texts(p: &Place, kind: FormKind) -> Vec<String> {
        forms_of(p, &|_| false)
            .into_iter()
            .filter(|f| f.kind == kind)
            .map(|f| f.text)
            .collect()
    }

    #[test]
    fn a_region_takes_every_designator_of_its_kind() {
        let p = place(PlaceKind::Region, &["Amur Oblast", "Амурская область"]);
        let d = texts(&p, FormKind::Designated);
        for f in [
            "Amur Oblast",
            "Amur Region",
            "Amur Province",
            "Amur Kray",
            "Амурской области",
        ] {
            assert!(d.contains(&f.to_string()), "{f}: {d:?}");
        }
        assert!(texts(&p, FormKind::Core).contains(&"Amur".to_string()));
        assert!(!d.contains(&"Amur River".to_string()));
        // Neither an English translation's core nor a Russian adjective stands alone.
        let p = place(
            PlaceKind::Region,
            &["Maritime Territory", "Амурская область"],
        );
        assert!(
            texts(&p, FormKind::Core).is_empty(),
            "{:?}",
            texts(&p, FormKind::Core)
        );
    }

    #[test]
    fn a_sea_is_only_matched_whole() {
        let p = place(PlaceKind::Sea, &["Sea of Japan", "East Sea"]);
        let all: Vec<String> = forms_of(&p, &|_| false)
            .into_iter()
            .map(|f| f.text)
            .collect();
        assert_eq!(all, ["Sea of Japan", "East Sea"]);
        let lake = place(PlaceKind::Sea, &["Lake Khanka"]);
        assert!(!texts(&lake, FormKind::Designated).contains(&"озеро Khanka".to_string()));
        assert!(texts(&lake, FormKind::Core).contains(&"Khanka".to_string()));
    }

    #[test]
    fn rivers_and_islands_take_their_type_words() {
        let river = place(PlaceKind::River, &["Ussuri"]);
        let d = texts(&river, FormKind::Designated);
        assert!(d.contains(&"Ussuri River".to_string()) && d.contains(&"River Ussuri".to_string()));
        assert!(texts(&river, FormKind::Name).contains(&"Ussuri".to_string()));
        let kurils = place(PlaceKind::Island, &["Kuril Islands"]);
        assert!(texts(&kurils, FormKind::Name).contains(&"Kurils".to_string()));
        let bering = place(PlaceKind::Island, &["Bering Island"]);
        assert!(texts(&bering, FormKind::Core).is_empty());
        let zhang = place(PlaceKind::River, &["Zhang"]);
        assert!(texts(&zhang, FormKind::Name).is_empty());
        assert!(texts(&zhang, FormKind::Designated).contains(&"Zhang River".to_string()));
    }

    #[test]
    fn romanisation_variants_meet() {
        let s = spellings("Primorskiy Kray");
        assert!(
            s.contains(&"Primorsky Kray".to_string()) && s.contains(&"Primorskii Kray".to_string())
        );
        assert!(spellings("Primor'ye").contains(&"Primorye".to_string()));
        assert!(spellings("Mirnyy").contains(&"Mirny".to_string()));
        assert!(spellings("Yuzhno-Sakhalinsk").contains(&"Yuzhno Sakhalinsk".to_string()));
        assert!(!spellings("Tokyo-to").contains(&"Tokyo to".to_string()));
    }

    #[test]
    fn a_bare_name_claimed_by_a_curated_place_keeps_only_designated_forms() {
        let p = place(PlaceKind::Region, &["Irkutsk Oblast", "Irkutsk"]);
        let forms = forms_of(&p, &|s| s == "Irkutsk");
        // Only the elliptic first conjunct (`Irkutsk and Amur oblasts`),
        // which needs the plural after it.
        assert!(
            forms
                .iter()
                .all(|f| f.text != "Irkutsk" || f.needs_plural == ["oblasts"]),
            "{forms:?}"
        );
        assert!(forms.iter().any(|f| f.text == "Irkutsk Region"));
    }

    #[test]
    fn a_district_is_also_named_as_the_okrug_it_became() {
        // Invented district names of the class.
        let p = place(PlaceKind::Region, &["Lesnoy District", "Лесной район"]);
        let all: Vec<String> = forms_of(&p, &|_| false)
            .into_iter()
            .map(|f| f.text)
            .collect();
        for f in [
            "Lesnoy Urban Okrug",
            "Лесного городского округа",
            "Лесном муниципальном округе",
        ] {
            assert!(all.contains(&f.to_string()), "{f} not in {all:?}");
        }
        let okrug = place(PlaceKind::Region, &["Лесной городской округ"]);
        let all: Vec<String> = forms_of(&okrug, &|_| false)
            .into_iter()
            .map(|f| f.text)
            .collect();
        assert!(all.contains(&"Лесного района".to_string()), "{all:?}");
        // A town's urban okrug is the town's, not a district's.
        assert!(district_alternates("Городской округ Анадырь").is_empty());
        assert!(district_alternates("Amur Region").is_empty());
    }

    #[test]
    fn a_chinese_name_gets_its_russian_spelling_declined_only_after_a_consonant() {
        let forms = |name: &str| -> Vec<String> {
            let mut p = place(PlaceKind::City, &[name]);
            p.country = Some("CN".into());
            p.population = 50_000;
            forms_of(&p, &|_| false)
                .into_iter()
                .map(|f| f.text)
                .collect()
        };
        let hunchun = forms("Hunchun");
        for f in ["Hunchun", "Хуньчунь", "Хуньчуня", "Хуньчуне"] {
            assert!(hunchun.contains(&f.to_string()), "{f} not in {hunchun:?}");
        }
        let yanjia = forms("Yanjia");
        assert!(yanjia.contains(&"Яньцзя".to_string()), "{yanjia:?}");
        assert!(!yanjia.contains(&"Яньцзи".to_string()), "{yanjia:?}");
        // A Russian town's Latin name gets no Chinese reading.
        let mut tynda = place(PlaceKind::City, &["Tynda"]);
        tynda.population = 30_000;
        let all: Vec<String> = forms_of(&tynda, &|_| false)
            .into_iter()
            .map(|f| f.text)
            .collect();
        assert!(all.iter().all(|f| !f.contains('Т')), "{all:?}");
    }

    #[test]
    fn a_volcano_named_by_an_adjective_has_its_other_russian_names() {
        let v = place(PlaceKind::Mountains, &["Тепловская Сопка"]);
        let all: Vec<String> = forms_of(&v, &|_| false)
            .into_iter()
            .map(|f| f.text)
            .collect();
        for f in [
            "Тепловская Сопка",
            "Тепловский вулкан",
            "Тепловского вулкана",
            "вулкана Тепловский",
            "Тепловским",
        ] {
            assert!(all.contains(&f.to_string()), "{f} not in {all:?}");
        }
        assert_eq!(volcano_alternates("вулкан Горелый"), ["Горелый вулкан"]);
        // A noun name has no adjective to agree: nothing to add.
        assert!(volcano_alternates("вулкан Ходутка").is_empty());
        assert!(volcano_alternates("Shiveluch volcano").is_empty());
    }

    #[test]
    fn coordinated_english_names_share_one_plural() {
        let p = place(PlaceKind::Region, &["Khasansky District"]);
        let forms = forms_of(&p, &|_| false);
        assert!(forms.iter().any(|f| f.text == "Khasansky districts"));
        assert!(forms
            .iter()
            .any(|f| f.text == "Khasansky" && f.needs_plural == ["districts"]));
        assert_eq!(english_coordination("East Bay"), None);
        assert_eq!(english_coordination("Autonomous District"), None);
        assert_eq!(english_coordination("Zeya River"), Some(("Zeya", "rivers")));
    }

    #[test]
    fn surname_like_names_keep_their_nominative() {
        let mut p = place(PlaceKind::City, &["Sorokino", "Сорокино", "Sorokina"]);
        p.name = "Sorokino".into();
        let all: Vec<String> = forms_of(&p, &|_| false)
            .into_iter()
            .filter(|f| f.kind == FormKind::Name)
            .map(|f| f.text)
            .collect();
        assert_eq!(all, ["Sorokino", "Сорокино"]);
        assert!(pinyin_syllable("Zhang") && pinyin_syllable("Liu") && !pinyin_syllable("Harbin"));
    }

    #[test]
    fn type_words_are_recognised_in_both_languages() {
        for w in [
            "Oblast",
            "region",
            "Krai",
            "области",
            "краем",
            "River",
            "острова",
        ] {
            assert!(is_type_word(w), "{w}");
        }
        for w in ["Amur", "Приморский", "Vladivostok"] {
            assert!(!is_type_word(w), "{w}");
        }
    }
}
