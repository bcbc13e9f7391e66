//! Finding the gazetteer's places in one passage's text.
//!
//! Every surface form of every place ([`super::forms`]) and every ignore
//! span is folded ([`super::folded`]) and compiled into one Aho-Corasick
//! automaton, which runs over the folded passage. A folded form may stand
//! for several places (GeoNames has many `Vostochny`; a river and a region
//! share `Amur`): a match keeps them all as candidates, and
//! [`super::resolve`] chooses one per document.
//!
//! A match is kept when
//! - it is a whole word in the folded text (no letter or digit glued on;
//!   an apostrophe is not a letter, so `Primorye's` matches), and in a
//!   script written without spaces (Han) needs no boundary;
//! - its **capitalisation** fits the form ([`case_fit`]): written as the
//!   form is, type words (`region`, `Oblast`, `река`) in any case; or all
//!   in capitals (a dateline `TIKSI —`, a heading), where a name of under
//!   four letters also needs a capitalised neighbour, so `UDA` the agency
//!   is not the river; or all in lower case, only in a passage with no
//!   capitals (a keyword line) and only for a prominent place whose name
//!   is not a common word. Acronyms (`US`, `ROK`, `ESPO`) match only as
//!   written. An ignore span matches only as written;
//! - a name that is also a common word (`Mir`, `Восточный`, marked in the
//!   data) is vouched for, unless the place is prominent: by a type word
//!   (`Vostochny port`, `порт Восточный`) or a locative word before it
//!   (`in Mirny`) ([`super::context::cue_before`]), or, for a town, by a
//!   list it stands in with a town that needs no vouching (`Хабаровск —
//!   Вяземский — Бикин`, `Охотск и Аян`). A three-letter Cyrillic town name
//!   (`Аян`) is vouched for the same way; a three-letter Latin one of a
//!   small place is dropped (`Uda`, `Yu`: a syllable or an acronym).
//!
//! Of the kept matches, the non-overlapping set covering the most text
//! wins ([`cover_most`]: `Sea of Japan` over `Japan`, an ignore span over
//! the names inside it), and then a match that is part of a longer name of
//! something else is dropped ([`super::context::blocked`]).

use super::context;
use super::folded::{fold_form, Folded};
use super::forms::{forms_of, is_type_word, FormKind};
use crate::annotate::lexicon::{automaton, cover_most, whole_word};
use crate::error::Error;
use crate::gazetteer::{Gazetteer, Layer, Place, GAZETTEER_FILE};
use crate::model::PlaceKind;
use aho_corasick::AhoCorasick;
use std::collections::HashMap;

/// How the capitalisation of a surface fits its form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CaseFit {
    /// As the form writes it (type words in any case).
    Exact,
    /// In capitals.
    Caps,
    /// In lower case.
    Lower,
}

/// One place a match may stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// Index into `Gazetteer::places`.
    pub place: u16,
    /// How the matched form was made.
    pub form: FormKind,
    /// How its capitalisation fits.
    pub fit: CaseFit,
    /// The form is also a common word.
    pub common: bool,
    /// The form comes from a name the curated file lists for this place.
    pub curated: bool,
}

/// One accepted match, in byte offsets of the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Byte offset where the match starts.
    pub start: usize,
    /// Byte offset just past the match.
    pub end: usize,
    /// The places it may stand for (at least one; the best form per place).
    pub candidates: Vec<Candidate>,
    /// Water words nearby (see [`context::nearby`]).
    pub water: bool,
    /// Town words nearby.
    pub town: bool,
}

#[derive(Debug, Clone, Copy)]
enum Target {
    Place(u16),
    Ignore,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    target: Target,
    /// Index into `PlaceMatcher::cased`.
    cased: u32,
    kind: FormKind,
    common: bool,
    curated: bool,
    /// Index into `PlaceMatcher::plurals` (0: none needed).
    plural: u32,
}

/// The compiled forms and ignore spans of a gazetteer.
pub struct PlaceMatcher {
    automaton: AhoCorasick,
    /// Per automaton pattern, what it stands for.
    entries: Vec<Vec<Entry>>,
    /// Forms as cased in the data, for the capitalisation check.
    cased: Vec<String>,
    /// Per place: prominent enough to need no cue (see [`prominent`]).
    prominent: Vec<bool>,
    /// Per place: a route, field, port or zone (its name may say `pipeline`).
    route: Vec<bool>,
    /// Per place: its kind.
    kinds: Vec<PlaceKind>,
    /// Plural nouns an elliptic form needs after it (index 0: none).
    plurals: Vec<Vec<&'static str>>,
}

/// A place whose names a text uses without ambiguity about *being* a place:
/// curated rows, countries, regions, physical features, routes and fields,
/// and cities of 100,000 people or more.
pub fn prominent(p: &Place) -> bool {
    p.layer == Layer::Curated || p.kind != PlaceKind::City || p.population >= 100_000
}

impl PlaceMatcher {
    /// Compiles every form of every place and every ignore span. An
    /// automaton that cannot be built is an error about the gazetteer (the
    /// curated file the other layers join), never a matcher that finds
    /// nothing.
    pub fn new(gazetteer: &Gazetteer) -> Result<PlaceMatcher, Error> {
        // A curated alias decides what its bare name means (`Irkutsk` is the
        // city, not the oblast): generated places keep only designated forms
        // of a name a curated place claims.
        let mut curated: HashMap<String, usize> = HashMap::new();
        for (i, p) in gazetteer.places.iter().enumerate() {
            if p.layer == Layer::Curated {
                for a in &p.aliases[..p.own_aliases.min(p.aliases.len())] {
                    curated.entry(fold_form(a)).or_insert(i);
                }
            }
        }
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut entries: Vec<Vec<Entry>> = Vec::new();
        let mut cased: Vec<String> = Vec::new();
        let mut plurals: Vec<Vec<&'static str>> = vec![Vec::new()];
        let mut add = |folded: String, cased_form: &str, entry: Entry| {
            let slot = *index.entry(folded.clone()).or_insert_with(|| {
                patterns.push(folded);
                entries.push(Vec::new());
                entries.len() - 1
            });
            cased.push(cased_form.to_string());
            entries[slot].push(Entry {
                cased: (cased.len() - 1) as u32,
                ..entry
            });
        };
        for (i, p) in gazetteer.places.iter().enumerate() {
            let claimed = |s: &str| curated.get(&fold_form(s)).is_some_and(|&j| j != i);
            for f in forms_of(p, &claimed) {
                let folded = fold_form(&f.text);
                if folded.chars().count() < 2 {
                    continue;
                }
                let plural = if f.needs_plural.is_empty() {
                    0
                } else {
                    plurals.push(f.needs_plural.clone());
                    (plurals.len() - 1) as u32
                };
                add(
                    folded,
                    &f.text,
                    Entry {
                        target: Target::Place(i as u16),
                        cased: 0,
                        kind: f.kind,
                        common: f.common,
                        curated: f.curated,
                        plural,
                    },
                );
            }
        }
        for e in &gazetteer.ignore {
            add(
                fold_form(&e.surface),
                &e.surface,
                Entry {
                    target: Target::Ignore,
                    cased: 0,
                    kind: FormKind::Name,
                    common: false,
                    curated: true,
                    plural: 0,
                },
            );
        }
        let automaton = automaton(GAZETTEER_FILE, &patterns)?;
        Ok(PlaceMatcher {
            automaton,
            entries,
            cased,
            plurals,
            prominent: gazetteer.places.iter().map(prominent).collect(),
            kinds: gazetteer.places.iter().map(|p| p.kind).collect(),
            route: gazetteer
                .places
                .iter()
                .map(|p| {
                    matches!(
                        p.kind,
                        PlaceKind::Route | PlaceKind::Field | PlaceKind::Port | PlaceKind::Zone
                    )
                })
                .collect(),
        })
    }

    /// The accepted matches in `text`, in order, non-overlapping.
    /// `lowercase_ok` says the passage writes names in lower case (a
    /// keyword list, a passage without capitals).
    pub fn find(&self, text: &str, lowercase_ok: bool) -> Vec<Hit> {
        self.scan(text, lowercase_ok)
            .into_iter()
            .filter_map(|(start, end, candidates)| {
                let mut candidates = candidates?;
                if context::compound_tail(text, start) {
                    return None;
                }
                if let Some(kinds) = context::feature_word(text, start, end) {
                    candidates.retain(|c| {
                        self.kinds
                            .get(c.place as usize)
                            .is_some_and(|k| kinds.contains(k))
                    });
                } else if context::town_cue(text, start, end)
                    && candidates.iter().any(|c| self.settlement(c))
                    && !candidates.iter().all(|c| self.settlement(c))
                {
                    // `the town of Zeya`: the settlement's reading, as if
                    // the type word were part of the name.
                    candidates.retain(|c| self.settlement(c));
                    for c in &mut candidates {
                        c.form = FormKind::Designated;
                    }
                } else if let Some(kinds) = context::coordinated_plural(text, end) {
                    // The plural names the kind: the readings of that kind
                    // win as if the type word stood next to the name; with
                    // none of that kind, the match stays as it was.
                    let of_kind = |c: &Candidate| {
                        self.kinds
                            .get(c.place as usize)
                            .is_some_and(|k| kinds.contains(k))
                    };
                    if candidates.iter().any(of_kind) {
                        candidates.retain(of_kind);
                        for c in &mut candidates {
                            c.form = FormKind::Designated;
                        }
                    }
                }
                if candidates.is_empty() {
                    return None;
                }
                let route = candidates
                    .iter()
                    .all(|c| self.route.get(c.place as usize) == Some(&true));
                if context::blocked(text, start, end, route).is_some() {
                    return None;
                }
                let (water, town) = context::nearby(text, start, end);
                Some(Hit {
                    start,
                    end,
                    candidates,
                    water,
                    town,
                })
            })
            .collect()
    }

    /// Every span the gazetteer accounts for in `text`: places (blocked or
    /// not) and ignore spans, as `(start, end)`. What the candidate report
    /// leaves out.
    pub fn covered(&self, text: &str) -> Vec<(usize, usize)> {
        self.scan(text, false)
            .into_iter()
            .map(|(s, e, _)| (s, e))
            .collect()
    }

    /// The chosen matches as `(start, end, candidates)`, `None` for an
    /// ignore span.
    fn scan(&self, text: &str, lowercase_ok: bool) -> Vec<(usize, usize, Option<Vec<Candidate>>)> {
        let folded = Folded::new(text);
        // (folded start, folded end, slot); slot None for an ignore span.
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        let mut slots: Vec<(usize, usize, Option<Vec<Candidate>>)> = Vec::new();
        // Towns whose name needs a cue and has none: kept only when listed
        // with a town that stands on its own (`Охотск и Аян`).
        let mut pending: Vec<(usize, usize, Vec<Candidate>)> = Vec::new();
        for m in self.automaton.find_overlapping_iter(folded.text.as_str()) {
            if !whole_word(&folded.text, m.start(), m.end()) {
                continue;
            }
            let (start, end) = folded.original(text, m.start(), m.end());
            let surface = &text[start..end];
            let mut candidates: Vec<Candidate> = Vec::new();
            let mut listed: Vec<Candidate> = Vec::new();
            let mut ignore = false;
            for e in &self.entries[m.pattern().as_usize()] {
                let form = &self.cased[e.cased as usize];
                match e.target {
                    Target::Ignore => ignore |= case_fit(surface, form) == Some(CaseFit::Exact),
                    Target::Place(p) => {
                        let Some(fit) = case_fit(surface, form) else {
                            continue;
                        };
                        let into =
                            match self.accept(p, e, form, fit, text, start, end, lowercase_ok) {
                                Accept::Yes => &mut candidates,
                                Accept::InList => &mut listed,
                                Accept::No => continue,
                            };
                        let c = Candidate {
                            place: p,
                            form: e.kind,
                            fit,
                            common: e.common,
                            curated: e.curated,
                        };
                        match into.iter_mut().find(|x| x.place == p) {
                            Some(x) if better(&c, x) => *x = c,
                            Some(_) => {}
                            None => into.push(c),
                        }
                    }
                }
            }
            if ignore {
                slots.push((start, end, None));
            } else if !candidates.is_empty() {
                slots.push((start, end, Some(candidates)));
            } else {
                if !listed.is_empty() {
                    pending.push((start, end, listed));
                }
                continue;
            }
            found.push((m.start(), m.end(), slots.len() - 1));
        }
        let mut chosen: Vec<(usize, usize, Option<Vec<Candidate>>)> = cover_most(found)
            .into_iter()
            .map(|(_, _, slot)| std::mem::take(&mut slots[slot]))
            .collect();
        self.admit_listed(text, &mut chosen, pending);
        chosen
    }

    /// Adds each pending town that stands in a list (`,`, `and`, `и`, a
    /// dash) right next to a chosen town, over and over so a list of
    /// several is taken whole; a pending name overlapping a chosen span is
    /// dropped.
    fn admit_listed(
        &self,
        text: &str,
        chosen: &mut Vec<(usize, usize, Option<Vec<Candidate>>)>,
        mut pending: Vec<(usize, usize, Vec<Candidate>)>,
    ) {
        let town = |cands: &[Candidate]| cands.iter().any(|c| self.settlement(c));
        pending.retain(|(s, e, cands)| {
            town(cands) && !chosen.iter().any(|(cs, ce, _)| cs < e && s < ce)
        });
        loop {
            let next = pending.iter().position(|(s, e, _)| {
                chosen.iter().any(|(cs, ce, c)| {
                    c.as_deref().is_some_and(town)
                        && (listed_between(text, *ce, *s) || listed_between(text, *e, *cs))
                })
            });
            let Some(i) = next else { break };
            let (s, e, mut cands) = pending.swap_remove(i);
            cands.retain(|c| self.settlement(c));
            pending.retain(|(ps, pe, _)| !(*ps < e && s < *pe));
            let at = chosen.partition_point(|(cs, _, _)| *cs < s);
            chosen.insert(at, (s, e, Some(cands)));
        }
    }

    /// The candidate is a town or a port.
    fn settlement(&self, c: &Candidate) -> bool {
        self.kinds
            .get(c.place as usize)
            .is_some_and(|k| matches!(k, PlaceKind::City | PlaceKind::Port))
    }

    #[allow(clippy::too_many_arguments)]
    fn accept(
        &self,
        place: u16,
        e: &Entry,
        form: &str,
        fit: CaseFit,
        text: &str,
        start: usize,
        end: usize,
        lowercase_ok: bool,
    ) -> Accept {
        let prominent = self.prominent.get(place as usize) == Some(&true);
        if e.plural != 0 {
            let needs = self
                .plurals
                .get(e.plural as usize)
                .map_or(&[][..], Vec::as_slice);
            if !(context::coordinated_before(text, end, needs)
                || context::listed_after_plural(text, start, needs))
            {
                return Accept::No;
            }
        }
        match fit {
            CaseFit::Exact => {}
            CaseFit::Caps => {
                let letters = form.chars().filter(|c| c.is_alphabetic()).count();
                if letters < 4 && !context::caps_context(text, start, end) {
                    return Accept::No;
                }
            }
            CaseFit::Lower => {
                if !(lowercase_ok && prominent && !e.common) {
                    return Accept::No;
                }
            }
        }
        if e.common && !prominent && e.kind != FormKind::Designated {
            if context::dateline(text, start, end) {
                return Accept::Yes;
            }
            if context::capitalised_follower(text, end) {
                return Accept::No;
            }
            return if context::cue_before(text, start) || context::cue_after(text, end) {
                Accept::Yes
            } else {
                Accept::InList
            };
        }
        Accept::Yes
    }
}

/// Whether a form found in the text is a candidate.
enum Accept {
    Yes,
    No,
    /// Only as one of a list of towns ([`PlaceMatcher::admit_listed`]).
    InList,
}

/// The text between two names (`text[end..start]`) joins them in a list:
/// a comma, `and`/`or`, `и`/`или`, a spaced dash or a slash.
fn listed_between(text: &str, end: usize, start: usize) -> bool {
    let Some(gap) = text.get(end..start) else {
        return false;
    };
    let gap = gap.trim();
    let gap = gap.strip_prefix(',').map_or(gap, str::trim_start);
    let raw = &text[end..start];
    matches!(gap, "" | "and" | "or" | "и" | "или" | "—" | "–" | "/" | "&")
        && !raw.contains('\n')
        && start > end
        && (!gap.is_empty() || raw.contains(','))
}

/// `a` says more than `b` about the same place.
fn better(a: &Candidate, b: &Candidate) -> bool {
    let rank = |c: &Candidate| {
        (
            c.form == FormKind::Designated,
            c.fit == CaseFit::Exact,
            !c.common,
        )
    };
    rank(a) > rank(b)
}

/// How the capitalisation of `surface` fits `form` (which folds to the
/// same text), word by word; `None` when it does not fit.
pub fn case_fit(surface: &str, form: &str) -> Option<CaseFit> {
    let s: Vec<&str> = words(surface).collect();
    let f: Vec<&str> = words(form).collect();
    if s.len() != f.len() {
        return (canon(surface) == canon(form)).then_some(CaseFit::Exact);
    }
    let mut caps = false;
    let mut lower = false;
    let all_caps_form = f.iter().all(|w| is_acronym(w));
    // Russian writes only the proper name of a longer Cyrillic name with a
    // capital: `свободного порта Владивосток` for `Свободный порт
    // Владивосток`. Its first word may then be in lower case.
    let cyrillic_tail_exact = f.len() >= 2
        && f[0].chars().any(|c| matches!(c, 'а'..='я' | 'А'..='Я'))
        && s[1..]
            .iter()
            .zip(&f[1..])
            .any(|(a, b)| a.chars().next().is_some_and(char::is_uppercase) && canon(a) == canon(b));
    for (i, (sw, fw)) in s.iter().zip(&f).enumerate() {
        if i == 0 && cyrillic_tail_exact && sw.to_lowercase() == fw.to_lowercase() {
            continue;
        }
        if is_acronym(fw) || all_caps_form {
            if canon(sw) != canon(fw) {
                return None;
            }
            continue;
        }
        if is_type_word(fw) || canon(sw) == canon(fw) {
            continue;
        }
        let letters: Vec<char> = sw.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.iter().all(|c| c.is_uppercase()) {
            caps = true;
        } else if letters.iter().all(|c| c.is_lowercase()) {
            lower = true;
        } else {
            return None;
        }
    }
    match (caps, lower) {
        (true, true) => None,
        (true, false) => Some(CaseFit::Caps),
        (false, true) => Some(CaseFit::Lower),
        (false, false) => Some(CaseFit::Exact),
    }
}

/// A word of a form written all in capitals (`US`, `ESPO`, `RF`, `U.S.`):
/// it matches only as written.
fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    (2..=5).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase())
}

/// A word with typographic variants folded but case kept.
fn canon(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'ё' => 'е',
            'Ё' => 'Е',
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{02B9}' | '\u{2032}' => '\'',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .filter(|c| *c != '\u{00AD}')
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs of letters and digits (so `Komsomolsk-on-Amur` is three words).
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric() && c != '.')
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{base::parse_base, parse_ignore};

    fn gazetteer() -> Gazetteer {
        let curated = Gazetteer::parse(
            "id\tname\tkind\tcountry\tlat\tlon\tsource\taliases\twaypoints\n\
             us\tUnited States\tcountry\tUS\t39\t-98\trepresentative:x\tUnited States | US\t\n\
             irkutsk\tIrkutsk\tcity\tRU\t52.3\t104.3\tgeonames:2023469\tIrkutsk | Иркутск\t\n",
            "g.tsv",
        )
        .unwrap();
        let ignore = parse_ignore(
            "surface\treason\nEast China Normal University\torganisation\n",
            "i.tsv",
        )
        .unwrap();
        let base = parse_base(
            "id\tname\tkind\tcountry\tlat\tlon\tsource\tgeonames\tpopulation\tadmin1\tnames\n\
             china\tChina\tcountry\tCN\t35\t104\tnaturalearth:a\t1\t1000000\t-\tChina | Китай\n\
             japan\tJapan\tcountry\tJP\t36\t138\tnaturalearth:a\t2\t1000000\t-\tJapan | Япония\n\
             sea-of-japan\tSea of Japan\tsea\t-\t40\t135\tnaturalearth:m\t-\t0\t-\tSea of Japan\n\
             amur-oblast\tAmur Oblast\tregion\tRU\t52.9\t128.3\tnaturalearth:b\t3\t0\tRU.05\tAmur Oblast | Amur | Амурская область\n\
             amur\tAmur\triver\t-\t50\t130\tnaturalearth:r\t-\t0\t-\tAmur\n\
             irkutsk-oblast\tIrkutsk Oblast\tregion\tRU\t56\t105\tnaturalearth:b\t4\t0\tRU.20\tIrkutsk Oblast | Irkutsk\n\
             vostochny\tVostochnyy\tcity\tRU\t42.9\t133\tgeonames:5\t5\t900\tRU.59\tVostochnyy | ~Восточный | Vostochny\n\
             tiksi\tTiksi\tcity\tRU\t71.7\t128.9\tgeonames:6\t6\t5700\tRU.63\tTiksi | Тикси\n\
             ayan\tAyan\tcity\tRU\t56.5\t138.2\tgeonames:8\t8\t1286\tRU.30\tAyan | Аян\n\
             uda\tUda\triver\t-\t54\t134\tnaturalearth:r\t-\t0\t-\tUda\n\
             russia\tRussia\tcountry\tRU\t61\t99\tnaturalearth:a\t7\t1000000\t-\tRussia | Россия\n",
            "b.tsv",
        )
        .unwrap();
        curated.with_ignore(ignore, "i.tsv").unwrap().over(base)
    }

    fn found(text: &str, lowercase_ok: bool) -> Vec<(String, Vec<String>)> {
        let g = gazetteer();
        let m = PlaceMatcher::new(&g).expect("compiles");
        m.find(text, lowercase_ok)
            .into_iter()
            .map(|h| {
                let mut ids: Vec<String> = h
                    .candidates
                    .iter()
                    .map(|c| g.places[c.place as usize].id.clone())
                    .collect();
                ids.sort();
                (text[h.start..h.end].to_string(), ids)
            })
            .collect()
    }

    fn one(surface: &str, id: &str) -> (String, Vec<String>) {
        (surface.to_string(), vec![id.to_string()])
    }

    #[test]
    fn type_words_bind_the_kind_in_any_case() {
        assert_eq!(
            found("the Amur region", false),
            [one("Amur region", "amur-oblast")]
        );
        assert_eq!(
            found("AMUR OBLAST", false),
            [one("AMUR OBLAST", "amur-oblast")]
        );
        assert_eq!(found("the Amur River", false), [one("Amur River", "amur")]);
        let bare = found("along the Amur.", false);
        assert_eq!(bare[0].1, ["amur", "amur-oblast"]);
    }

    #[test]
    fn russian_case_forms_match() {
        assert_eq!(
            found("с Китаем и Японией", false),
            [one("Китаем", "china"), one("Японией", "japan")]
        );
        assert_eq!(
            found("в Амурской области", false),
            [one("Амурской области", "amur-oblast")]
        );
        assert_eq!(found("из России", false), [one("России", "russia")]);
    }

    #[test]
    fn capitals_lower_case_and_acronyms() {
        assert_eq!(
            found("TIKSI, March 3 — ice", false),
            [one("TIKSI", "tiksi")]
        );
        assert!(found("the UDA said", false).is_empty());
        assert!(found("china and japan", false).is_empty());
        assert_eq!(
            found("russia; china", true),
            [one("russia", "russia"), one("china", "china")]
        );
        assert!(found("the us and them", true).is_empty());
        assert_eq!(found("the US and them", false), [one("US", "us")]);
    }

    #[test]
    fn longer_names_of_other_things_win() {
        assert_eq!(
            found("the Sea of Japan", false),
            [one("Sea of Japan", "sea-of-japan")]
        );
        assert!(found("at East China Normal University", false).is_empty());
    }

    #[test]
    fn a_curated_bare_name_decides() {
        assert_eq!(found("in Irkutsk", false), [one("Irkutsk", "irkutsk")]);
        assert_eq!(
            found("the Irkutsk region", false),
            [one("Irkutsk region", "irkutsk-oblast")]
        );
    }

    #[test]
    fn common_words_need_a_cue() {
        assert!(found("Восточный вектор", false).is_empty());
        assert_eq!(
            found("порт Восточный", false),
            [one("Восточный", "vostochny")]
        );
        assert_eq!(
            found("in Vostochny", false),
            [one("Vostochny", "vostochny")]
        );
    }

    #[test]
    fn a_town_that_needs_a_cue_is_vouched_for_by_a_list_of_towns() {
        // A three-letter Cyrillic town name is kept, but as a common word.
        assert!(found("Аян доставлено", false).is_empty());
        assert_eq!(found("в Аяне", false), [one("Аяне", "ayan")]);
        // Listed with a town that stands on its own, by `и`, a comma or a
        // spaced dash, and on along the list.
        assert_eq!(
            found("в Тикси и Аян", false),
            [one("Тикси", "tiksi"), one("Аян", "ayan")]
        );
        assert_eq!(
            found("Восточный, Аян, Тикси", false),
            [
                one("Восточный", "vostochny"),
                one("Аян", "ayan"),
                one("Тикси", "tiksi")
            ]
        );
        assert_eq!(
            found("Тикси — Восточный", false),
            [one("Тикси", "tiksi"), one("Восточный", "vostochny")]
        );
        // A country is no town to be listed with; a space is no list; a
        // capitalised word after the name makes it part of a longer name.
        assert!(found("Россия и Восточный", false)
            .iter()
            .all(|(s, _)| s != "Восточный"));
        assert!(found("Тикси Восточный", false)
            .iter()
            .all(|(s, _)| s != "Восточный"));
        assert!(found("Тикси и Восточный Альянс", false)
            .iter()
            .all(|(s, _)| s != "Восточный"));
    }

    #[test]
    fn case_fit_word_by_word() {
        assert_eq!(
            case_fit("Primorsky krai", "Primorsky Krai"),
            Some(CaseFit::Exact)
        );
        assert_eq!(
            case_fit("PRIMORSKY KRAI", "Primorsky Krai"),
            Some(CaseFit::Caps)
        );
        assert_eq!(
            case_fit("primorsky krai", "Primorsky Krai"),
            Some(CaseFit::Lower)
        );
        assert_eq!(case_fit("Primor’ye", "Primor'ye"), Some(CaseFit::Exact));
        assert_eq!(case_fit("us", "US"), None);
        assert_eq!(case_fit("VladivostoK", "Vladivostok"), None);
        assert_eq!(
            case_fit(
                "свободного порта Владивосток",
                "Свободного порта Владивосток"
            ),
            Some(CaseFit::Exact)
        );
        assert_eq!(
            case_fit("дальний восток", "Дальний Восток"),
            Some(CaseFit::Lower)
        );
    }
}
