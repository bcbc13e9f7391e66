//! Choosing one place per match, per document, with a confidence and the
//! reason for the choice.
//!
//! A name may stand for several gazetteer places: settlements called
//! `Vostochny` in five federal subjects, the Amur river and Amur Oblast,
//! Sakhalin island and Sakhalin Oblast. The evidence, strongest first:
//!
//! 1. **a type word** in the match (`Amur River`, `Amur region`): the form
//!    belongs to one place only, so the matcher leaves one candidate;
//! 2. **one sense per document**: a candidate named unambiguously elsewhere
//!    in the same document (`the Amur River … along the Amur`);
//! 3. **the other places of the document**: a candidate in an admin-1
//!    region, near a place or in a country that the document names
//!    unambiguously (`Vostochny` in a paper about Nakhodka and Primorye);
//!    and the words around the match (`the Zeya hydropower plant` is the
//!    river's; `the town of Zeya` the town's);
//! 4. **a regional prior**: the corpus is about the Russian Far East,
//!    Siberia, North-East China, Mongolia, the Koreas and Japan;
//! 5. **the name itself**: a place whose own name is the match (the river
//!    `Amur`) over one whose name only contains it (`Amur Oblast`); a
//!    curated row over a generated one;
//! 6. **population**.
//!
//! The same candidate set gets the same answer throughout a document.
//! Confidence is the margin of the winner's score over the runner-up's,
//! mapped to 0–100; a match whose best reading is too weak (a common word
//! without support) is left out.

use super::forms::FormKind;
use super::matcher::{Candidate, CaseFit, Hit};
use crate::gazetteer::{km, Gazetteer, Layer, Place};
use crate::model::{PlaceKind, Reason};
use std::collections::{BTreeMap, BTreeSet};

/// A match given to one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// Index into `Gazetteer::places`.
    pub place: u16,
    /// 0–100.
    pub confidence: u8,
    /// Why.
    pub reason: Reason,
}

/// The population from which a town is one a region may be named after
/// (every administrative centre of the region's federal subjects and
/// provinces is larger).
const CENTRE_POPULATION: u32 = 50_000;

/// Mentions below this confidence are not kept at all.
pub const KEEP_FROM: u8 = 40;

/// Chooses a place for every hit of one document (`None`: too weak).
pub fn resolve_document(gazetteer: &Gazetteer, hits: &[&Hit]) -> Vec<Option<Choice>> {
    let places = &gazetteer.places;
    // Anchors: places the document names without ambiguity.
    let mut anchors: BTreeMap<u16, u32> = BTreeMap::new();
    for h in hits {
        if let [c] = h.candidates.as_slice() {
            if !c.common || c.form == FormKind::Designated {
                *anchors.entry(c.place).or_default() += 1;
            }
        }
    }
    let context = Context::new(places, &anchors);
    let mut decided: BTreeMap<(Vec<u16>, bool, bool), Option<Choice>> = BTreeMap::new();
    hits.iter()
        .map(|h| {
            let key: Vec<u16> = {
                let mut k: Vec<u16> = h.candidates.iter().map(|c| c.place).collect();
                k.sort_unstable();
                k
            };
            if let [c] = h.candidates.as_slice() {
                return single(c);
            }
            *decided
                .entry((key, h.water, h.town))
                .or_insert_with(|| choose(places, h, &anchors, &context))
        })
        .collect()
}

/// The one candidate of an unambiguous match.
fn single(c: &Candidate) -> Option<Choice> {
    let mut confidence: f64 = match c.form {
        FormKind::Designated => 95.0,
        FormKind::Name => 90.0,
        FormKind::Core => 80.0,
    };
    confidence *= fit_factor(c.fit);
    if c.common && c.form != FormKind::Designated {
        confidence *= 0.7;
    }
    if c.curated {
        confidence = confidence.max(90.0 * fit_factor(c.fit));
    }
    let reason = if c.form == FormKind::Designated {
        Reason::TypeWord
    } else {
        Reason::Only
    };
    keep(c.place, confidence, reason)
}

fn fit_factor(fit: CaseFit) -> f64 {
    match fit {
        CaseFit::Exact => 1.0,
        CaseFit::Caps => 0.95,
        CaseFit::Lower => 0.85,
    }
}

fn keep(place: u16, confidence: f64, reason: Reason) -> Option<Choice> {
    let confidence = confidence.clamp(0.0, 100.0).round() as u8;
    (confidence >= KEEP_FROM).then_some(Choice {
        place,
        confidence,
        reason,
    })
}

/// The unambiguous places of a document, as the evidence rule 3 reads.
struct Context {
    admin1: BTreeSet<String>,
    countries: BTreeSet<String>,
    points: Vec<(f64, f64)>,
}

impl Context {
    fn new(places: &[Place], anchors: &BTreeMap<u16, u32>) -> Context {
        let mut admin1 = BTreeSet::new();
        let mut countries = BTreeSet::new();
        let mut points = Vec::new();
        for &i in anchors.keys() {
            let Some(p) = places.get(i as usize) else {
                continue;
            };
            if let Some(a) = &p.admin1 {
                admin1.insert(a.clone());
            }
            if let Some(c) = &p.country {
                countries.insert(c.clone());
            }
            if matches!(
                p.kind,
                PlaceKind::City | PlaceKind::Port | PlaceKind::Region | PlaceKind::Island
            ) {
                points.push((p.lat, p.lon));
            }
        }
        Context {
            admin1,
            countries,
            points,
        }
    }
}

/// Scores each candidate of an ambiguous match; the best one wins.
fn choose(
    places: &[Place],
    hit: &Hit,
    anchors: &BTreeMap<u16, u32>,
    context: &Context,
) -> Option<Choice> {
    let candidates = hit.candidates.as_slice();
    // A type word in the text names the kind: the one reading it fits
    // wins (`в Хабаровском и Приморском краях` is the krai, although
    // `Хабаровском` alone is also the city's instrumental case).
    let designated: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| c.form == FormKind::Designated)
        .collect();
    if let [c] = designated.as_slice() {
        return keep(c.place, 92.0 * fit_factor(c.fit), Reason::TypeWord);
    }
    // The curated layer overrides the generated one: a curated reading of
    // the name wins outright. Only a name the row gives, though: the bare
    // core of a curated `Magadan Oblast` is no override of the city whose
    // own name `Magadan` is (the scores below weigh the two).
    let curated: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| c.curated && c.form == FormKind::Name)
        .collect();
    if let [c] = curated.as_slice() {
        return keep(c.place, 90.0 * fit_factor(c.fit), Reason::OwnName);
    }
    // Rule 2: exactly one candidate is named unambiguously elsewhere,
    // unless the words around this match speak for another kind (`Amur
    // Oblast … across the Amur`), or the named one has the match only as
    // the core of its name while another's own name it is (`Magadan
    // Oblast … flights to Magadan`): the scores below weigh those.
    let named: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| anchors.contains_key(&c.place))
        .collect();
    if let [c] = named.as_slice() {
        let kind = |c: &Candidate| places.get(c.place as usize).map(|p| p.kind);
        let cued = |k: Option<PlaceKind>| match k {
            Some(PlaceKind::River) => hit.water,
            Some(PlaceKind::City | PlaceKind::Port) => hit.town,
            _ => false,
        };
        // An oblast takes its name from its administrative centre, a town
        // of this size; a village of the same name is not what the bare
        // name means (`Primorskiy governor` is the krai's).
        let centre = |o: &Candidate| {
            places.get(o.place as usize).is_some_and(|p| {
                matches!(p.kind, PlaceKind::City | PlaceKind::Port)
                    && p.population >= CENTRE_POPULATION
            })
        };
        let cued_others: Vec<&Candidate> = candidates
            .iter()
            .filter(|o| o.place != c.place && cued(kind(o)) && !cued(kind(c)))
            .collect();
        if let [o] = cued_others.as_slice() {
            return keep(o.place, 80.0 * fit_factor(o.fit), Reason::Context);
        }
        let overruled = !cued_others.is_empty()
            || candidates.iter().any(|o| {
                o.place != c.place
                    && c.form == FormKind::Core
                    && o.form == FormKind::Name
                    && centre(o)
            });
        if !overruled {
            return keep(c.place, 88.0 * fit_factor(c.fit), Reason::OneSense);
        }
    }
    let mut scored: Vec<(f64, Reason, &Candidate)> = candidates
        .iter()
        .filter_map(|c| {
            let p = places.get(c.place as usize)?;
            Some(score(p, c, context, hit))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (best, reason, c) = *scored.first()?;
    let second = scored.get(1).map_or(0.0, |s| s.0);
    let margin = best - second;
    let mut confidence = 45.0 + 30.0 * margin.min(1.5);
    confidence *= fit_factor(c.fit);
    if c.common && c.form != FormKind::Designated {
        confidence *= 0.8;
    }
    keep(c.place, confidence, reason)
}

fn score<'c>(
    p: &Place,
    c: &'c Candidate,
    context: &Context,
    hit: &Hit,
) -> (f64, Reason, &'c Candidate) {
    let mut parts: Vec<(f64, Reason)> = Vec::new();
    // Words around the match: water for a river, town words for a town.
    let near = match p.kind {
        PlaceKind::River if hit.water => 0.8,
        PlaceKind::City | PlaceKind::Port if hit.town => 0.5,
        _ => 0.0,
    };
    parts.push((near, Reason::Context));
    // Rule 3.
    let mut ctx = 0.0;
    if p.admin1
        .as_ref()
        .is_some_and(|a| context.admin1.contains(a))
    {
        ctx += 1.0;
    }
    if let Some(d) = context
        .points
        .iter()
        .map(|&(lat, lon)| km(lat, lon, p.lat, p.lon))
        .reduce(f64::min)
    {
        ctx += if d < 300.0 {
            0.7
        } else if d < 1000.0 {
            0.3
        } else {
            0.0
        };
    }
    if p.country
        .as_ref()
        .is_some_and(|k| context.countries.contains(k))
    {
        ctx += 0.3;
    }
    parts.push((ctx, Reason::Context));
    // Rule 4.
    parts.push((if in_focus(p) { 0.8 } else { 0.0 }, Reason::RegionalPrior));
    // Rule 5.
    let own = match c.form {
        FormKind::Designated => 1.5,
        FormKind::Name
            if p.aliases.first().is_some_and(|a| a == &p.name) && p.layer == Layer::Curated =>
        {
            1.2
        }
        FormKind::Name => 0.8,
        FormKind::Core => 0.3,
    } + if p.layer == Layer::Curated { 0.5 } else { 0.0 };
    parts.push((own, Reason::OwnName));
    // Rule 6.
    let pop = (f64::from(p.population) + 1.0).log10() / 7.0 * 0.6;
    parts.push((pop, Reason::Population));
    let total: f64 = parts.iter().map(|p| p.0).sum();
    let reason = parts
        .iter()
        .copied()
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map_or(Reason::OwnName, |p| p.1);
    (total, reason, c)
}

/// The region the corpus is about: Russia east of the Urals, China's
/// north and north-east, Mongolia, the Koreas, Japan, and the seas around.
fn in_focus(p: &Place) -> bool {
    let (lat, lon) = (p.lat, p.lon);
    match p.country.as_deref() {
        Some("RU") => lon >= 60.0,
        Some("CN") => lat >= 38.0 && lon >= 105.0,
        Some("MN" | "KP" | "KR" | "JP") => true,
        Some(_) => false,
        None => lat >= 30.0 && (lon >= 60.0 || lon <= -160.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::base::parse_base;

    fn gazetteer() -> Gazetteer {
        let base = parse_base(
            "id\tname\tkind\tcountry\tlat\tlon\tsource\tgeonames\tpopulation\tadmin1\tnames\n\
             vostochny-primorye\tVostochnyy\tcity\tRU\t42.89\t132.73\tgeonames:1\t1\t900\tRU.59\tVostochnyy\n\
             vostochny-sakhalin\tVostochnyy\tcity\tRU\t48.27\t142.62\tgeonames:2\t2\t936\tRU.64\tVostochnyy\n\
             nakhodka\tNakhodka\tcity\tRU\t42.84\t132.9\tgeonames:3\t3\t146920\tRU.59\tNakhodka\n\
             amur-oblast\tAmur Oblast\tregion\tRU\t52.9\t128.3\tnaturalearth:b\t4\t0\tRU.05\tAmur Oblast\n\
             amur\tAmur\triver\t-\t50\t130\tnaturalearth:r\t-\t0\t-\tAmur\n\
             magadan-oblast\tMagadan Oblast\tregion\tRU\t62\t153\tnaturalearth:c\t5\t0\tRU.51\tMagadan Oblast\n\
             magadan\tMagadan\tcity\tRU\t59.56\t150.8\tgeonames:6\t6\t95982\tRU.51\tMagadan\n\
             primorsky\tPrimorsky\tcity\tRU\t43.1\t131.59\tgeonames:7\t7\t2000\tRU.59\tPrimorsky\n\
             primorsky-krai\tPrimorsky Krai\tregion\tRU\t45\t134.5\tnaturalearth:d\t8\t0\tRU.59\tPrimorsky Krai\n",
            "b.tsv",
        )
        .unwrap();
        Gazetteer::default().over(base)
    }

    fn hit(cands: &[(u16, FormKind)]) -> Hit {
        Hit {
            start: 0,
            end: 1,
            water: false,
            town: false,
            candidates: cands
                .iter()
                .map(|&(place, form)| Candidate {
                    place,
                    form,
                    fit: CaseFit::Exact,
                    common: false,
                    curated: false,
                })
                .collect(),
        }
    }

    #[test]
    fn other_places_of_the_document_choose_the_homonym() {
        let g = gazetteer();
        let ambiguous = hit(&[(0, FormKind::Name), (1, FormKind::Name)]);
        let nakhodka = hit(&[(2, FormKind::Name)]);
        let got = resolve_document(&g, &[&nakhodka, &ambiguous]);
        let c = got[1].unwrap();
        assert_eq!((c.place, c.reason), (0, Reason::Context));
    }

    #[test]
    fn one_sense_per_document() {
        let g = gazetteer();
        let river = hit(&[(4, FormKind::Designated)]);
        let bare = hit(&[(3, FormKind::Core), (4, FormKind::Name)]);
        let region = hit(&[(3, FormKind::Designated)]);
        let got = resolve_document(&g, &[&region, &bare]);
        assert_eq!(
            (got[1].unwrap().place, got[1].unwrap().reason),
            (3, Reason::OneSense)
        );
        let got = resolve_document(&g, &[&river, &bare]);
        assert_eq!(got[1].unwrap().place, 4);
        // Alone, the river's own name beats the region's core.
        let got = resolve_document(&g, &[&bare]);
        assert_eq!(got[0].unwrap().place, 4);
    }

    #[test]
    fn one_sense_yields_to_a_cue_or_to_the_town_the_region_is_named_after() {
        let g = gazetteer();
        let region = hit(&[(3, FormKind::Designated)]);
        // `Amur Oblast … across the Amur`: a water cue speaks for the river.
        let mut across = hit(&[(3, FormKind::Core), (4, FormKind::Name)]);
        across.water = true;
        let got = resolve_document(&g, &[&region, &across]);
        assert_eq!(got[1].unwrap().place, 4);
        // `Magadan Oblast … flights to Magadan`: the bare name is the
        // centre's own name, the oblast's only as a core.
        let oblast = hit(&[(5, FormKind::Designated)]);
        let bare = hit(&[(5, FormKind::Core), (6, FormKind::Name)]);
        let got = resolve_document(&g, &[&oblast, &bare]);
        assert_eq!(got[1].unwrap().place, 6);
        // A village named like a region does not overrule one sense.
        let krai = hit(&[(8, FormKind::Designated)]);
        let village = hit(&[(8, FormKind::Core), (7, FormKind::Name)]);
        let got = resolve_document(&g, &[&krai, &village]);
        assert_eq!(got[1].unwrap().place, 8);
    }
}
