//! Where a passage is, and its id.
//!
//! A passage is a body block, a note or one piece of a document's
//! metadata. Inside a document it is a [`Passage`]; across the corpus it is
//! a [`PassageId`], written `<doc>:<n>` for block `n`, `<doc>:note:<n>` for
//! the note printed `n`, `<doc>:meta:<n>` for metadata piece `n` (see
//! [`meta_texts`]). That string is what hits, links and the app's URLs
//! carry; this file is the only one that writes or reads it.

use super::document::Document;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// Where an annotation sits inside one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Passage {
    /// A body block, by its index in `Document::blocks` (the `n` of `<doc>:<n>`).
    Block(u32),
    /// A note, by its printed number (the `n` of `<doc>:note:<n>`).
    Note(u32),
    /// A piece of the document's metadata, numbered as the search numbers
    /// them (the `n` of `<doc>:meta:<n>`: title, abstracts, keyword lists,
    /// authors, affiliations; see [`meta_texts`]). Only places
    /// are looked for there.
    Meta(u32),
}

impl Passage {
    /// The passage id the search and the reader use (see [`PassageId`]).
    pub fn id(&self, doc_id: &str) -> String {
        Shown(doc_id, *self).to_string()
    }

    /// The passage's plain text, or `None` when the document does not hold
    /// it. A keyword list is joined for search, so it has no borrowed text:
    /// use [`Passage::text_owned`] for metadata.
    pub fn text<'d>(&self, doc: &'d Document) -> Option<&'d str> {
        match *self {
            Passage::Block(n) => doc.blocks.get(n as usize).map(|b| b.text.as_str()),
            Passage::Note(n) => doc.note(n).map(|x| x.text.as_str()),
            Passage::Meta(n) => match meta_texts(doc).into_iter().nth(n as usize)? {
                Cow::Borrowed(text) => Some(text),
                Cow::Owned(_) => None,
            },
        }
    }

    /// The passage's text, metadata included.
    pub fn text_owned<'d>(&self, doc: &'d Document) -> Option<Cow<'d, str>> {
        match *self {
            Passage::Meta(n) => meta_texts(doc).into_iter().nth(n as usize),
            _ => self.text(doc).map(Cow::Borrowed),
        }
    }
}

/// Every passage of a document with its text: body blocks, then the notes
/// that have text. The order every annotator walks.
pub fn passages(doc: &Document) -> impl Iterator<Item = (Passage, &str)> {
    let blocks = doc
        .blocks
        .iter()
        .enumerate()
        .map(|(n, b)| (Passage::Block(n as u32), b.text.as_str()));
    let notes = doc
        .notes
        .iter()
        .filter(|x| !x.missing && !x.text.is_empty())
        .map(|x| (Passage::Note(x.n), x.text.as_str()));
    blocks.chain(notes)
}

/// A passage of the corpus, by document id: the typed form of
/// `<doc>:<n>`, `<doc>:note:<n>` and `<doc>:meta:<n>`. It is written and
/// read as that string (also in JSON), so the wire shape is the string.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PassageId {
    /// The document's id.
    pub doc: String,
    /// The passage inside it.
    pub passage: Passage,
}

impl PassageId {
    /// The id of `passage` in document `doc`.
    pub fn new(doc: impl Into<String>, passage: Passage) -> PassageId {
        PassageId {
            doc: doc.into(),
            passage,
        }
    }
}

/// Formats a passage id without owning the document id.
struct Shown<'a>(&'a str, Passage);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let doc = self.0;
        match self.1 {
            Passage::Block(n) => write!(f, "{doc}:{n}"),
            Passage::Note(n) => write!(f, "{doc}:note:{n}"),
            Passage::Meta(n) => write!(f, "{doc}:meta:{n}"),
        }
    }
}

impl fmt::Display for PassageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Shown(&self.doc, self.passage).fmt(f)
    }
}

/// Why a string is not a passage id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a passage id (`<doc>:<n>`, `<doc>:note:<n>` or `<doc>:meta:<n>`): {0:?}")]
pub struct BadPassageId(pub String);

impl FromStr for PassageId {
    type Err = BadPassageId;

    fn from_str(s: &str) -> Result<PassageId, BadPassageId> {
        let bad = || BadPassageId(s.chars().take(80).collect());
        let (doc, rest) = s.split_once(':').ok_or_else(bad)?;
        let number = |n: &str| -> Result<u32, BadPassageId> {
            if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            n.parse().map_err(|_| bad())
        };
        let passage = if let Some(n) = rest.strip_prefix("note:") {
            Passage::Note(number(n)?)
        } else if let Some(n) = rest.strip_prefix("meta:") {
            Passage::Meta(number(n)?)
        } else {
            Passage::Block(number(rest)?)
        };
        if doc.is_empty() {
            return Err(bad());
        }
        Ok(PassageId::new(doc, passage))
    }
}

impl Serialize for PassageId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PassageId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<PassageId, D::Error> {
        let s = <Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The searchable metadata pieces of a document, in `meta:<n>` order:
/// title, abstracts, keyword lists (joined with `; `), authors (joined with
/// `, `), then affiliations.
pub fn meta_texts(doc: &Document) -> Vec<Cow<'_, str>> {
    let m = &doc.meta;
    let mut out = vec![Cow::Borrowed(m.title.as_str())];
    out.extend(m.abstracts.iter().map(|a| Cow::Borrowed(a.text.as_str())));
    out.extend(m.keywords.iter().map(|k| Cow::Owned(k.terms.join("; "))));
    out.push(Cow::Owned(m.authors.join(", ")));
    out.extend(m.affiliations.iter().map(|a| Cow::Borrowed(a.as_str())));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_reads_back_as_written() {
        for (text, passage) in [
            ("003_e16917e1f304fc4f:12", Passage::Block(12)),
            ("003_e16917e1f304fc4f:note:7", Passage::Note(7)),
            ("local-1:meta:0", Passage::Meta(0)),
        ] {
            let id: PassageId = text.parse().expect(text);
            assert_eq!(id, PassageId::new(text.split(':').next().unwrap(), passage));
            assert_eq!(id.to_string(), text);
            assert_eq!(passage.id(&id.doc), text);
        }
    }

    #[test]
    fn a_malformed_id_is_an_error_not_a_guess() {
        for text in [
            "",
            "doc",
            ":3",
            "doc:",
            "doc:x",
            "doc:note:",
            "doc:note:-1",
            "doc:+3",
            "doc:meta:1:2",
            "doc:99999999999",
            "doc: 3",
        ] {
            assert!(text.parse::<PassageId>().is_err(), "{text:?} parsed");
        }
    }

    #[test]
    fn json_carries_the_string() {
        let id = PassageId::new("d", Passage::Note(3));
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, "\"d:note:3\"");
        assert_eq!(serde_json::from_str::<PassageId>(&json).unwrap(), id);
    }
}
