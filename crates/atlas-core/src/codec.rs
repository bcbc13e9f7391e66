//! The bytes `build.rs` embeds and the app decodes: the corpus, the search
//! index and the base map, each as `postcard` (compact, no schema in the
//! bytes). The app and `build.rs` are always built from the same source,
//! because the app embeds the bytes at compile time, so field order may
//! change freely; the bytes are never stored anywhere else.
//!
//! Kept apart from [`crate::model`] so that the model depends on nothing:
//! encoding the index needs the index's error type.

use crate::model::Corpus;
use serde::{Deserialize, Serialize};

/// Why a value could not become the bytes `build.rs` embeds. It stops the
/// build: an empty `corpus.bin` would surface only in the browser.
///
/// The cause is part of the message (one line, as `cargo::error=` needs)
/// and kept as a value for callers that match on it; `source()` stays empty
/// so that a chain printer does not say it twice.
#[derive(Debug, thiserror::Error)]
pub enum EncodeError {
    /// Postcard refused the value.
    #[error("cannot encode the {what} as postcard: {cause}")]
    Postcard {
        /// What was being encoded (`"corpus"`, `"search index"`, `"base map"`).
        what: &'static str,
        /// Postcard's reason.
        cause: postcard::Error,
    },
    /// A dictionary of the search index could not be written.
    #[error("cannot build the search index: {0}")]
    Dictionary(#[from] crate::index::DictionaryError),
}

/// Why embedded bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("embedded {what} could not be decoded: {cause}")]
pub struct DecodeError {
    /// What was being decoded (`"corpus"`, `"search index"`, `"base map"`).
    pub what: &'static str,
    /// Postcard's reason (which includes a dictionary that does not load).
    pub cause: postcard::Error,
}

/// Postcard bytes of `value`; `what` names it in the error.
pub(crate) fn encode<T: Serialize + ?Sized>(
    what: &'static str,
    value: &T,
) -> Result<Vec<u8>, EncodeError> {
    postcard::to_allocvec(value).map_err(|cause| EncodeError::Postcard { what, cause })
}

/// Decodes postcard bytes; `what` names them in the error.
pub(crate) fn decode<'a, T: Deserialize<'a>>(
    what: &'static str,
    bytes: &'a [u8],
) -> Result<T, DecodeError> {
    postcard::from_bytes(bytes).map_err(|cause| DecodeError { what, cause })
}

impl Corpus {
    /// Encodes the corpus for embedding.
    pub fn to_bytes(&self) -> Result<Vec<u8>, EncodeError> {
        encode("corpus", self)
    }

    /// Decodes bytes written by [`Corpus::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Corpus, DecodeError> {
        decode("corpus", bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A value postcard cannot write: a sequence that does not say its
    /// length, as an iterator adapter serialised with `collect_seq` would be.
    struct UnsizedSeq;

    impl Serialize for UnsizedSeq {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeSeq;
            let seq = s.serialize_seq(None)?;
            seq.end()
        }
    }

    /// Regression (issue 17): an encoding failure used to become empty
    /// bytes, and a broken build surfaced only in the browser as an
    /// undecodable corpus. Now it is an error naming what and why.
    #[test]
    fn an_encoding_failure_names_what_could_not_be_encoded_and_why() {
        let err = encode("corpus", &UnsizedSeq).unwrap_err();
        assert!(
            matches!(
                err,
                EncodeError::Postcard {
                    what: "corpus",
                    cause: postcard::Error::SerializeSeqLengthUnknown
                }
            ),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            "cannot encode the corpus as postcard: The length of a sequence must be known"
        );
    }

    #[test]
    fn a_decoding_failure_names_what_could_not_be_decoded() {
        let err = BaseMap::from_bytes(&[0xff; 3]).unwrap_err();
        assert_eq!(err.what, "base map");
        assert!(
            err.to_string()
                .starts_with("embedded base map could not be decoded: "),
            "{err}"
        );
        let err = crate::index::SearchIndex::from_bytes(&[]).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("embedded search index could not be decoded: "),
            "{err}"
        );
    }

    #[test]
    fn a_corpus_encodes_and_decodes() {
        let corpus = Corpus::default();
        let bytes = corpus.to_bytes().expect("encodes");
        assert_eq!(Corpus::from_bytes(&bytes).expect("decodes"), corpus);
    }

    use crate::geo::basemap::BaseMap;
}
