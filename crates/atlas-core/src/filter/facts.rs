//! What each passage *has*, per facet: its document, language, topic tags,
//! places, people and organisations, and the years it mentions. Built once
//! from the corpus annotations, in the search index's passage order, so a
//! query's hits and a facet's values line up by passage number.
//!
//! Metadata passages (title, abstracts, keywords, authors, affiliations)
//! carry a document, a language and the places they name (the geoparser
//! reads them too), but no other annotations: a topic filter leaves them
//! out, a place filter keeps those that name the place.

use crate::index::SearchIndex;
use crate::model::{Corpus, Passage};
use std::collections::HashMap;

/// The facet values of one passage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PassageFacts {
    /// Index into `Corpus::documents`.
    pub doc: u32,
    /// The annotated passage (`None` only for a passage the corpus lacks).
    pub passage: Option<Passage>,
    /// Index into [`Facts::langs`].
    pub lang: u16,
    /// Topic indices (`Annotations::topics`), strongest first.
    pub topics: Vec<u16>,
    /// Place indices (`PlaceIndex::places`), each once, ascending.
    pub places: Vec<u16>,
    /// Entity indices, each once, ascending (people and organisations).
    pub entities: Vec<u16>,
    /// Years mentioned, each once, ascending.
    pub years: Vec<i32>,
}

/// Facet values for every passage of the index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// One entry per index passage, in index order.
    pub passages: Vec<PassageFacts>,
    /// Language codes, in order of first appearance.
    pub langs: Vec<String>,
    /// Passage number of each annotated `(document, passage)`: the map,
    /// the figures and the reader look passages up per mention.
    by_passage: HashMap<(u32, Passage), u32>,
}

impl Facts {
    /// Collects the facts of every passage of `index` (built from `corpus`).
    pub fn build(corpus: &Corpus, index: &SearchIndex) -> Facts {
        let mut langs: Vec<String> = Vec::new();
        let mut lang_id = |code: &str| -> u16 {
            match langs.iter().position(|l| l == code) {
                Some(i) => i as u16,
                None => {
                    langs.push(code.to_string());
                    (langs.len() - 1) as u16
                }
            }
        };
        let mut by_passage: HashMap<(u32, Passage), u32> = HashMap::new();
        let mut passages = Vec::with_capacity(index.passages().len());
        for (i, entry) in index.passages().iter().enumerate() {
            let at = entry.at;
            let Some(doc) = corpus.documents.get(at.doc as usize) else {
                passages.push(PassageFacts::default());
                continue;
            };
            let main_lang = doc.meta.languages.first().map_or("en", String::as_str);
            let passage = at.passage();
            let lang = match passage {
                Passage::Block(n) => doc.blocks.get(n as usize).map(|b| b.lang.as_str()),
                Passage::Note(n) => doc.note(n).map(|x| x.lang.as_str()),
                Passage::Meta(n) => meta_lang(doc, n as usize),
            }
            .unwrap_or(main_lang);
            let passage = Some(passage);
            if let Some(p) = passage {
                by_passage.insert((at.doc, p), i as u32);
            }
            passages.push(PassageFacts {
                doc: at.doc,
                passage,
                lang: lang_id(lang),
                ..PassageFacts::default()
            });
        }
        let at = |doc: u32, p: Passage| by_passage.get(&(doc, p)).map(|&i| i as usize);
        for (d, ann) in corpus.annotations.documents.iter().enumerate() {
            let d = d as u32;
            for tags in &ann.tags {
                if let Some(i) = at(d, tags.passage) {
                    passages[i].topics = tags.topics.clone();
                }
            }
            for y in &ann.years {
                if let Some(i) = at(d, y.passage) {
                    passages[i].years.push(y.year);
                }
            }
        }
        for m in &corpus.places.mentions {
            if let Some(i) = at(m.doc, m.passage) {
                passages[i].places.push(m.target);
            }
        }
        for m in &corpus.annotations.entity_mentions {
            if let Some(i) = at(m.doc, m.passage) {
                passages[i].entities.push(m.target);
            }
        }
        for p in &mut passages {
            p.places.sort_unstable();
            p.places.dedup();
            p.entities.sort_unstable();
            p.entities.dedup();
            p.years.sort_unstable();
            p.years.dedup();
        }
        Facts {
            passages,
            langs,
            by_passage,
        }
    }

    /// The passage number of `(doc, passage)`, if the index has it.
    pub fn find(&self, doc: u32, passage: Passage) -> Option<u32> {
        self.by_passage.get(&(doc, passage)).copied()
    }
}

/// The language of metadata piece `n` (the order of
/// `index::passages::meta_texts`: title, abstracts, keyword lists, authors).
fn meta_lang(doc: &crate::model::Document, n: usize) -> Option<&str> {
    let m = &doc.meta;
    let abstracts = m.abstracts.len();
    if (1..=abstracts).contains(&n) {
        return Some(m.abstracts[n - 1].lang.as_str());
    }
    m.keywords
        .get(n.checked_sub(abstracts + 1)?)
        .map(|k| k.lang.as_str())
}
