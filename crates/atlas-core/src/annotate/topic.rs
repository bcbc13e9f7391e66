//! Topic tags: the curated taxonomy of `data/topics.toml` and the tagger
//! that scores every passage against its weighted cues.
//!
//! Cues are analysed with the search engine's own analyzer
//! ([`crate::analysis::tokens`]: fold, Snowball stem for English and
//! Russian), so `pipelines`, `Pipeline` and `pipeline's` are one cue, and a
//! topic tag agrees with what a search for its cue words finds. A cue of
//! several words is a phrase: it matches only those stems in that order.
//! A cue written with a leading `=` matches folded words exactly, unstemmed:
//! Snowball makes `important` → `import`, `regions` → `region` (the stem of
//! `regionalism`) and `identify` → `ident` (of `identity`), so such cues
//! would fire on the wrong words.
//!
//! Scoring, per passage and topic: the weights of the cue occurrences are
//! summed (at one place a topic counts only its longest matching cue, so
//! `liquefied natural gas` is not also `natural gas` and `gas`), then
//! normalised to weight per 100 words with a length floor
//! ([`LENGTH_FLOOR_WORDS`]), so a heading with one cue word is not tagged more
//! strongly than a paragraph that keeps returning to the subject. A passage
//! carries a topic when its normalised score reaches [`TAG_THRESHOLD`] and
//! its raw weight reaches [`MIN_CUE_WEIGHT`] (one strong cue or two weak ones),
//! at most [`MAX_TAGS`] topics, strongest first.
//!
//! A document's profile is its score mass: the raw weights over its body
//! blocks per topic, divided by their total (notes are left out, they are
//! mostly bibliography).

use crate::analysis;
use crate::error::{Error, ErrorKind};
use crate::model::{passages, Document, Passage, PassageTags, Topic, TopicShare};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// Where the built-in taxonomy comes from, as error messages name it.
pub const TOPICS_FILE: &str = crate::bundled::TOPICS.path;

/// Passages shorter than this count as this long when normalising: one cue
/// word in a 5-word heading must not outweigh a paragraph about the subject.
pub const LENGTH_FLOOR_WORDS: f32 = 40.0;
/// Cue weight per 100 words a passage needs to carry a topic.
pub const TAG_THRESHOLD: f32 = 5.0;
/// Raw cue weight a passage needs to carry a topic, however short it is.
pub const MIN_CUE_WEIGHT: f32 = 3.0;
/// Most topics one passage is tagged with.
pub const MAX_TAGS: usize = 4;
/// Largest weight a cue may have.
pub const MAX_WEIGHT: f64 = 10.0;

/// A cue, analysed: the stems it must match, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// The cue as written in the taxonomy.
    pub text: String,
    /// Its index terms (folded words when `exact`).
    pub terms: Vec<String>,
    /// `true` for a `=cue`: matched against folded words, not stems.
    pub exact: bool,
    /// Its weight.
    pub weight: f32,
}

/// A topic with its cues.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicDef {
    /// What the app shows.
    pub topic: Topic,
    /// Weighted cues, English and Russian.
    pub cues: Vec<Cue>,
}

/// The parsed taxonomy.
#[derive(Debug, Clone, PartialEq)]
pub struct Taxonomy {
    /// Topics in file order.
    pub defs: Vec<TopicDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    topic: Vec<RawTopic>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    id: toml::Spanned<String>,
    label: String,
    description: String,
    cues: BTreeMap<String, toml::Spanned<f64>>,
}

impl Taxonomy {
    /// The reviewed taxonomy in `data/topics.toml`.
    pub fn builtin() -> Result<Taxonomy, Error> {
        Taxonomy::parse(TOPICS_FILE, crate::bundled::TOPICS.text)
    }

    /// Parses taxonomy text; `file` names it in errors (`data/topics.toml:12: …`).
    pub fn parse(file: &str, text: &str) -> Result<Taxonomy, Error> {
        let fail = |offset: Option<usize>, message: String| Error {
            file: file.into(),
            line: offset.map(|o| line_at(text, o)),
            kind: ErrorKind::Data(message),
        };
        let raw: RawFile = toml::from_str(text).map_err(|e| Error {
            file: file.into(),
            line: e.span().map(|s| line_at(text, s.start)),
            kind: ErrorKind::DataToml(Box::new(e)),
        })?;
        let mut defs: Vec<TopicDef> = Vec::new();
        for t in raw.topic {
            let at = Some(t.id.span().start);
            let id = t.id.into_inner();
            let slug = !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !slug {
                return Err(fail(
                    at,
                    format!("topic id {id:?} must be a lowercase ascii slug"),
                ));
            }
            if defs.iter().any(|d| d.topic.id == id) {
                return Err(fail(at, format!("a second topic with id {id:?}")));
            }
            if t.label.trim().is_empty() || t.description.trim().is_empty() {
                return Err(fail(
                    at,
                    format!("topic {id:?} needs a label and a description"),
                ));
            }
            if t.cues.len() < 3 {
                return Err(fail(at, format!("topic {id:?} needs at least 3 cues")));
            }
            let mut cues: Vec<Cue> = Vec::new();
            for (text_cue, weight) in t.cues {
                let cue_at = Some(weight.span().start);
                let w = *weight.get_ref();
                if !(w > 0.0 && w <= MAX_WEIGHT) {
                    return Err(fail(
                        cue_at,
                        format!(
                            "cue {text_cue:?} of {id:?}: weight {w} is not in (0, {MAX_WEIGHT}]"
                        ),
                    ));
                }
                let (exact, words) = match text_cue.strip_prefix('=') {
                    Some(rest) => (true, rest),
                    None => (false, text_cue.as_str()),
                };
                let tokens = analysis::tokens(words);
                if tokens.is_empty() || tokens.iter().all(|t| t.stop) {
                    return Err(fail(
                        cue_at,
                        format!("cue {text_cue:?} of {id:?} has no word that is not a stop word"),
                    ));
                }
                let terms: Vec<String> = tokens
                    .into_iter()
                    .map(|t| if exact { t.folded } else { t.term })
                    .collect();
                if let Some(same) = cues.iter().find(|c| c.terms == terms && c.exact == exact) {
                    return Err(fail(
                        cue_at,
                        format!(
                            "cue {text_cue:?} of {id:?} analyses to the same terms as {:?}",
                            same.text
                        ),
                    ));
                }
                cues.push(Cue {
                    text: text_cue,
                    terms,
                    exact,
                    weight: w as f32,
                });
            }
            defs.push(TopicDef {
                topic: Topic {
                    id,
                    label: t.label,
                    description: t.description,
                },
                cues,
            });
        }
        if defs.len() > usize::from(u16::MAX) {
            return Err(fail(None, "too many topics".to_string()));
        }
        Ok(Taxonomy { defs })
    }

    /// The topics as the app shows them, in file order.
    pub fn topics(&self) -> Vec<Topic> {
        self.defs.iter().map(|d| d.topic.clone()).collect()
    }
}

fn line_at(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// One topic's score in a passage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TopicScore {
    /// Index of the topic.
    pub topic: u16,
    /// Summed cue weight.
    pub raw: f32,
    /// Cue weight per 100 words (length floored).
    pub normalised: f32,
}

/// One cue found in a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CueHit<'t> {
    /// Index of the topic.
    pub topic: u16,
    /// The cue.
    pub cue: &'t Cue,
    /// Byte offset of its first word.
    pub start: usize,
    /// Byte offset just past its last word.
    pub end: usize,
}

/// Scores passages against a taxonomy.
#[derive(Debug)]
pub struct Tagger<'t> {
    taxonomy: &'t Taxonomy,
    /// First term of a cue → (topic, cue) pairs, longest cues first.
    by_first: HashMap<&'t str, Vec<(u16, &'t Cue)>>,
}

impl<'t> Tagger<'t> {
    /// Prepares the cue lookup.
    pub fn new(taxonomy: &'t Taxonomy) -> Tagger<'t> {
        let mut by_first: HashMap<&str, Vec<(u16, &Cue)>> = HashMap::new();
        for (t, def) in taxonomy.defs.iter().enumerate() {
            for cue in &def.cues {
                if let Some(first) = cue.terms.first() {
                    by_first
                        .entry(first.as_str())
                        .or_default()
                        .push((t as u16, cue));
                }
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|c| std::cmp::Reverse(c.1.terms.len()));
        }
        Tagger { taxonomy, by_first }
    }

    /// Every cue occurrence in `text`, in text order (at one place a topic
    /// counts only its longest cue), and the number of words.
    pub fn hits(&self, text: &str) -> (Vec<CueHit<'t>>, usize) {
        let tokens = analysis::tokens(text);
        let mut hits = Vec::new();
        // Per topic, the token index up to which a match already covers the text.
        let mut covered = vec![0usize; self.taxonomy.defs.len()];
        for i in 0..tokens.len() {
            let stemmed = self.by_first.get(tokens[i].term.as_str());
            let folded = if tokens[i].folded == tokens[i].term {
                None
            } else {
                self.by_first.get(tokens[i].folded.as_str())
            };
            let mut cues: Vec<(u16, &Cue)> = stemmed
                .into_iter()
                .chain(folded)
                .flatten()
                .copied()
                .collect();
            if cues.is_empty() {
                continue;
            }
            cues.sort_by_key(|c| std::cmp::Reverse(c.1.terms.len()));
            for (t, cue) in cues {
                if covered[usize::from(t)] > i {
                    continue;
                }
                let end = i + cue.terms.len();
                let hit = end <= tokens.len()
                    && cue.terms.iter().zip(&tokens[i..end]).all(|(c, tok)| {
                        let word = if cue.exact { &tok.folded } else { &tok.term };
                        c == word
                    });
                if hit {
                    covered[usize::from(t)] = end;
                    hits.push(CueHit {
                        topic: t,
                        cue,
                        start: tokens[i].start,
                        end: tokens[end - 1].end,
                    });
                }
            }
        }
        (hits, tokens.len())
    }

    /// Every topic with a cue in `text`, strongest (normalised) first.
    pub fn score(&self, text: &str) -> Vec<TopicScore> {
        let (hits, words) = self.hits(text);
        let mut raw = vec![0f32; self.taxonomy.defs.len()];
        for h in &hits {
            raw[usize::from(h.topic)] += h.cue.weight;
        }
        let length = (words as f32).max(LENGTH_FLOOR_WORDS);
        let mut scores: Vec<TopicScore> = raw
            .iter()
            .enumerate()
            .filter(|(_, &r)| r > 0.0)
            .map(|(t, &r)| TopicScore {
                topic: t as u16,
                raw: r,
                normalised: r * 100.0 / length,
            })
            .collect();
        scores.sort_by(|a, b| {
            b.normalised
                .total_cmp(&a.normalised)
                .then(a.topic.cmp(&b.topic))
        });
        scores
    }

    /// The topics `text` is tagged with, strongest first.
    pub fn tags(&self, text: &str) -> Vec<u16> {
        tags_from(&self.score(text))
    }

    /// The topic ids `text` is tagged with (tests and the CLI).
    pub fn tag_ids(&self, text: &str) -> Vec<&str> {
        self.tags(text)
            .into_iter()
            .map(|t| self.taxonomy.defs[usize::from(t)].topic.id.as_str())
            .collect()
    }

    /// A document's tagged passages and its profile.
    pub fn tag_document(&self, doc: &Document) -> (Vec<PassageTags>, Vec<TopicShare>) {
        let mut tags = Vec::new();
        let mut mass = vec![0f32; self.taxonomy.defs.len()];
        for (passage, text) in passages(doc) {
            let scores = self.score(text);
            if matches!(passage, Passage::Block(_)) {
                for s in &scores {
                    mass[usize::from(s.topic)] += s.raw;
                }
            }
            let topics = tags_from(&scores);
            if !topics.is_empty() {
                tags.push(PassageTags { passage, topics });
            }
        }
        let total: f32 = mass.iter().sum();
        let mut profile: Vec<TopicShare> = if total > 0.0 {
            mass.iter()
                .enumerate()
                .filter(|(_, &m)| m > 0.0)
                .map(|(t, &m)| TopicShare {
                    topic: t as u16,
                    share: m / total,
                })
                .collect()
        } else {
            Vec::new()
        };
        profile.sort_by(|a, b| b.share.total_cmp(&a.share).then(a.topic.cmp(&b.topic)));
        (tags, profile)
    }
}

fn tags_from(scores: &[TopicScore]) -> Vec<u16> {
    scores
        .iter()
        .filter(|s| s.normalised >= TAG_THRESHOLD && s.raw >= MIN_CUE_WEIGHT)
        .take(MAX_TAGS)
        .map(|s| s.topic)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagger_ids(text: &str) -> Vec<String> {
        let tax = Taxonomy::builtin().expect("data/topics.toml parses");
        let tagger = Tagger::new(&tax);
        tagger.tag_ids(text).into_iter().map(String::from).collect()
    }

    fn has(text: &str, topic: &str) -> bool {
        tagger_ids(text).iter().any(|t| t == topic)
    }

    #[test]
    fn the_builtin_taxonomy_parses_with_15_to_25_topics() {
        let tax = Taxonomy::builtin().expect("parses");
        assert!((15..=25).contains(&tax.defs.len()), "{}", tax.defs.len());
        for d in &tax.defs {
            let russian = d
                .cues
                .iter()
                .any(|c| analysis::stem::script(&c.terms[0]) == analysis::stem::Script::Cyrillic);
            assert!(russian, "topic {} has no Russian cue", d.topic.id);
        }
    }

    /// Sentences from the seeds, with the topic a reader gives them.
    #[test]
    fn seed_sentences_get_the_topics_a_reader_gives_them() {
        let cases = [
            // 002, Lukin: Kovykta and Sakhalin.
            ("development of the Kovykta gas field in Irkutskaya oblast’ – there are plans to build a pipeline from Kovykta to China and South Korea; development of Sakhalin oil and gas fields (those projects are already under active implementation)", "energy"),
            // 002: the Trans-Siberian as a land bridge.
            ("The biggest among transportation projects is to enhance capacity of Trans-Siberian Railway (TSR) as the pivotal Eurasian “East – West” transport bridge as well as to connect TSR with the planned Inter – Korean Railroad after its reconstruction.", "transport-logistics"),
            // 003, Blank: the Kuriles.
            ("Likewise, Japan has been equally intransigeant insiting that all four islands be returned as a condition of major economic deals. This mutual stubborness naturally produces a standoff. Clearly despite the Sakhalin-2 deal, prospects for political resolution of the Kuriles issue and a subsequent breakthrough on bilateral economic relations are not good.", "territorial-disputes"),
            // 003: six-party talks.
            ("Russia has primarily sought to ensure its inclusion in the six-party talks on North Korean proliferation and to establish itself as a reliable partner for both Koreas.", "korean-peninsula"),
            // 004, Mosyakov: Arctic LNG 2 and US sanctions.
            ("However, after the U.S. imposed sanctions on Novatek, which owned Arctic LNG 2, French and Japanese investors froze their investments.", "sanctions"),
            // 001, Feng & Cui: labour migration.
            ("Since the Russian Far East is still in a severe demographic crisis facing labour shortage, Chinese migrant workers also fill the labour shortage gap for the contemporary Far East.", "labour-migration-demography"),
            // 001: bilateral trade.
            ("The Chinese–Russian bilateral trade has increased dramatically, surpassing $80bn in 2017. However, it still lags way behind US–China and EU–China trade volumes.", "trade"),
            // 001: SCO, BRI, Greater Eurasia.
            ("Under such circumstances, the Shanghai Spirit advocated by the Shanghai Cooperation Organization (SCO) takes on the key task of facilitating the 'conjunction' between the China-initiated Belt and Road Initiative (BRI) and the Greater Eurasia Partnership, advocated by Russia.", "multilateralism-organisations"),
            // 001: TORs, FPV, KRDV.
            ("The Russian state has also set up the Corporation for the Development of the Far East (KRDV) to be in charge of the construction of ports, roads, telecommunication, airports and local airlines. In addition, the Russian state is promoting TORs and the FPV to improve the investment climate.", "development-institutions"),
            // 002: Primorye and Khabarovsk governors.
            ("The governments of Khabarovskiy krai and Primorskiy krai has competing ambitions, both promoting their territories as Russia’s and its Far East’s main gates to the Asia-Pacific and NEA.", "regional-governance"),
            // Russian cues: the same analyzer stems them.
            ("Строительство газопровода «Сила Сибири» и поставки сжиженного природного газа в Китай.", "energy"),
            ("Санкции против России и замороженные активы.", "sanctions"),
        ];
        for (text, topic) in cases {
            assert!(
                has(text, topic),
                "{topic} expected for {text:?}, got {:?}",
                tagger_ids(text)
            );
        }
    }

    #[test]
    fn passages_without_a_subject_get_no_topic() {
        for text in [
            "Introduction",
            "Conclusion",
            "In sum, developing the Russian Far East and Siberia is an important step of high relevance.",
            "But we have heard this siren song for almost 40 years.",
            "Ibid.",
            "It should be noted that the author of this paper presumes the following.",
        ] {
            assert!(tagger_ids(text).is_empty(), "{text:?} got {:?}", tagger_ids(text));
        }
    }

    #[test]
    fn one_cue_in_a_short_heading_is_not_enough_but_a_strong_one_is() {
        // "Economic Dimension" names no subject the taxonomy holds.
        assert!(tagger_ids("Economic Dimension").is_empty());
        assert_eq!(
            tagger_ids("Cooperation Between Russia and North Korea"),
            ["korean-peninsula"]
        );
    }

    #[test]
    fn a_longer_cue_counts_once_for_its_topic() {
        let tax = Taxonomy::parse(
            "t.toml",
            "[[topic]]\nid = \"energy\"\nlabel = \"E\"\ndescription = \"d\"\ncues = { \"liquefied natural gas\" = 5, \"natural gas\" = 3, \"gas\" = 2 }\n",
        )
        .expect("parses");
        let scores = Tagger::new(&tax).score("liquefied natural gas and gas");
        assert_eq!(scores[0].raw, 7.0);
    }

    #[test]
    fn taxonomy_errors_name_the_file_and_line() {
        let bad_toml =
            "[[topic]]\nid = \"a\"\nlabel = \"A\"\ndescription = \"d\"\ncues = { \"x\" = }\n";
        let err = Taxonomy::parse(TOPICS_FILE, bad_toml).unwrap_err();
        assert_eq!(err.line, Some(5), "{err}");
        assert!(matches!(err.kind, ErrorKind::DataToml(_)), "{err:?}");
        // The parser's reason, on the one line of the location.
        assert_eq!(
            err.to_string(),
            "data/topics.toml:5: invalid literal string, expected `'`"
        );

        let bad_weight = "[[topic]]\nid = \"a\"\nlabel = \"A\"\ndescription = \"d\"\n[topic.cues]\n\"oil\" = 2\n\"gas\" = 0\n\"coal\" = 1\n";
        let err = Taxonomy::parse(TOPICS_FILE, bad_weight).unwrap_err();
        assert_eq!(err.line, Some(7), "{err}");

        let dup = "[[topic]]\nid = \"a\"\nlabel = \"A\"\ndescription = \"d\"\ncues = { oil = 1, gas = 1, coal = 1 }\n[[topic]]\nid = \"a\"\nlabel = \"B\"\ndescription = \"d\"\ncues = { oil = 1, gas = 1, coal = 1 }\n";
        let err = Taxonomy::parse(TOPICS_FILE, dup).unwrap_err();
        assert_eq!(err.line, Some(7), "{err}");
        assert!(err.to_string().contains("second topic"), "{err}");

        let same_stem = "[[topic]]\nid = \"a\"\nlabel = \"A\"\ndescription = \"d\"\n[topic.cues]\npipeline = 1\npipelines = 1\ncoal = 1\n";
        let err = Taxonomy::parse(TOPICS_FILE, same_stem).unwrap_err();
        assert!(err.to_string().contains("same terms"), "{err}");

        let unknown = "[[topic]]\nid = \"a\"\nlabel = \"A\"\ndescription = \"d\"\nkeywords = []\ncues = { oil = 1, gas = 1, coal = 1 }\n";
        let err = Taxonomy::parse(TOPICS_FILE, unknown).unwrap_err();
        assert!(err.line.is_some(), "{err}");
    }
}
