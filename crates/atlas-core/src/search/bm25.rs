//! How a passage's rank is made (issue 19: "ranks like a reader expects").
//!
//! A passage's score sorts passages by three keys, in this order:
//!
//! 1. **How the query was reached** ([`Tier`]), the worst over the query's
//!    clauses: every word matched exactly (folded, possessive dropped:
//!    [`crate::analysis::exact_form`]) beats any word matched only through
//!    its stem, which beats a completion of the unfinished last word, which
//!    beats a phonetic key (another script or romanisation), which beats a
//!    typo; a key or typo match in a passage of another language than the
//!    query's (`Rusia` in a Spanish keyword line for `Russia`) comes after
//!    all of these, in the same order among themselves ([`Tier::is_foreign`]). The tiers are bands, not weights: no field
//!    boost, length or rarity lifts a stemmed match above an exact one in
//!    any field. (Rarity did: a misspelling in the seeds, `Rusisan`, has a
//!    far higher IDF than `Russia`.)
//! 2. **Whether the query's words stand together** ([`Proximity`]), for
//!    queries of several clauses: within [`TOGETHER_GAP`] extra words,
//!    within [`NEAR_GAP`], or scattered.
//! 3. **BM25F** ([`score`]) summed over the query's atoms, each weighted by
//!    its tier ([`Tier::weight`]). Each passage belongs to one field, so
//!    BM25F is BM25 with a per-field boost and length basis. Metadata
//!    pieces (title, abstracts, keyword lists, authors, affiliations) are
//!    measured against body paragraphs and get nothing for being short
//!    ([`min_norm`]): a ten-word keyword line used to outscore every
//!    paragraph on length normalisation alone.
//!
//! [`rank`] folds the three keys into the one `f32` the response carries:
//! a band per (tier, proximity) pair plus the BM25F sum squashed into
//! `[0, 1)`, so sorting by the number is sorting by the keys.

use crate::index::passages::Field;

/// Term-frequency saturation.
pub const K1: f32 = 1.2;
/// Length normalisation (0 = none, 1 = full).
pub const B: f32 = 0.75;

/// Boost of a word in a heading: it names what the section is about. (At
/// 2.0 a four-word heading outscored every paragraph for a common word:
/// `Russia` listed `Russia’s role in multilateral cooperation` first.)
pub const HEADING_BOOST: f32 = 1.5;
/// Boost of a word in a body paragraph, quote or list item.
pub const BODY_BOOST: f32 = 1.0;
/// Boost of a word in a note: mostly citations.
pub const NOTE_BOOST: f32 = 0.6;
/// Boost of a word in the title, an abstract, a keyword list, the authors or
/// an affiliation: a little above body text, never enough to lift a single
/// mention above a paragraph that uses the word throughout.
pub const META_BOOST: f32 = 1.2;

/// Field boosts: a word in a heading or the title says more than one in a note.
pub fn field_boost(field: Field) -> f32 {
    match field {
        Field::Heading => HEADING_BOOST,
        Field::Body => BODY_BOOST,
        Field::Note => NOTE_BOOST,
        Field::Meta => META_BOOST,
    }
}

/// The field whose average length a field's passages are normalised
/// against. Metadata mixes ten-word keyword lines with 300-word abstracts,
/// so its own average says nothing; body paragraphs are the yardstick.
pub fn length_basis(field: Field) -> Field {
    match field {
        Field::Meta => Field::Body,
        f => f,
    }
}

/// The smallest length normalisation a field's passage gets: 1 for
/// metadata (shorter than a paragraph earns nothing), none for the others.
pub fn min_norm(field: Field) -> f32 {
    match field {
        Field::Meta => 1.0,
        _ => 0.0,
    }
}

/// Inverse document frequency (the BM25 "plus one" form, never negative).
pub fn idf(df: u32, passages: usize) -> f32 {
    let n = passages as f32;
    let df = df as f32;
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// The BM25F score of a term with frequency `tf` in a passage of `len`
/// terms; `avg_len` is the average length of [`length_basis`]`(field)`.
pub fn score(tf: u32, len: u32, avg_len: f32, idf: f32, field: Field) -> f32 {
    let tf = tf as f32;
    let norm = (1.0 - B + B * (len as f32) / avg_len.max(1e-3)).max(min_norm(field));
    idf * tf * (K1 + 1.0) / (tf + K1 * norm) * field_boost(field)
}

/// How a query atom reached a passage, best first (the derived order is
/// the ranking order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// The word as typed (folded) is in the passage.
    Exact,
    /// Another word with the same stem is (`pipelines` for `pipeline`).
    Stemmed,
    /// A completion of the unfinished last word is (`Vladivostok` for `Vladiv`).
    Prefix,
    /// A word with the same phonetic key is (`Primorskiy` for `Приморье`).
    Translit,
    /// A word whose key completes the unfinished word's key.
    TranslitPrefix,
    /// A word one edit away.
    Typo1,
    /// A word two edits away.
    Typo2,
    /// [`Tier::Translit`] in a passage of another language than the query's.
    ForeignTranslit,
    /// [`Tier::TranslitPrefix`] in a passage of another language.
    ForeignTranslitPrefix,
    /// [`Tier::Typo1`] in a passage of another language.
    ForeignTypo1,
    /// [`Tier::Typo2`] in a passage of another language.
    ForeignTypo2,
}

/// Weight of an exact match.
pub const EXACT: f32 = 1.0;
/// Weight of a match through the stem.
pub const STEMMED: f32 = 0.9;
/// Weight of a completion of the last, unfinished word.
pub const PREFIX: f32 = 0.85;
/// Weight of a match through the phonetic key (another script or romanisation).
pub const TRANSLIT: f32 = 0.8;
/// Weight of a match through the phonetic key of an unfinished word.
pub const TRANSLIT_PREFIX: f32 = 0.6;
/// Weight of a word one edit away.
pub const TYPO_1: f32 = 0.45;
/// Weight of a word two edits away.
pub const TYPO_2: f32 = 0.3;
/// Factor on a near-spelling's weight in a passage of another language.
pub const FOREIGN: f32 = 0.5;

impl Tier {
    /// Every tier, best first.
    pub const ALL: [Tier; 11] = [
        Tier::Exact,
        Tier::Stemmed,
        Tier::Prefix,
        Tier::Translit,
        Tier::TranslitPrefix,
        Tier::Typo1,
        Tier::Typo2,
        Tier::ForeignTranslit,
        Tier::ForeignTranslitPrefix,
        Tier::ForeignTypo1,
        Tier::ForeignTypo2,
    ];

    /// The worst tier.
    pub const WORST: Tier = Tier::ForeignTypo2;

    /// How much an atom reached this way adds to the BM25F sum, which
    /// orders passages within a band.
    pub fn weight(self) -> f32 {
        match self {
            Tier::Exact => EXACT,
            Tier::Stemmed => STEMMED,
            Tier::Prefix => PREFIX,
            Tier::Translit => TRANSLIT,
            Tier::TranslitPrefix => TRANSLIT_PREFIX,
            Tier::Typo1 => TYPO_1,
            Tier::Typo2 => TYPO_2,
            Tier::ForeignTranslit => TRANSLIT * FOREIGN,
            Tier::ForeignTranslitPrefix => TRANSLIT_PREFIX * FOREIGN,
            Tier::ForeignTypo1 => TYPO_1 * FOREIGN,
            Tier::ForeignTypo2 => TYPO_2 * FOREIGN,
        }
    }

    /// `true` for a near-spelling in a passage of another language.
    pub fn is_foreign(self) -> bool {
        self >= Tier::ForeignTranslit
    }

    /// This tier in a passage of language `passage` for a query in
    /// `query`: a near-spelling (phonetic key or typo) across languages
    /// becomes its foreign twin. A passage without a language (an author
    /// list) is never foreign.
    pub fn in_language(self, passage: Option<&str>, query: &str) -> Tier {
        match passage {
            Some(lang) if lang != query => match self {
                Tier::Translit => Tier::ForeignTranslit,
                Tier::TranslitPrefix => Tier::ForeignTranslitPrefix,
                Tier::Typo1 => Tier::ForeignTypo1,
                Tier::Typo2 => Tier::ForeignTypo2,
                t => t,
            },
            _ => self,
        }
    }
}

/// How close together a passage holds one match of each clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Proximity {
    /// Side by side: at most [`TOGETHER_GAP`] other words among them
    /// (`North Korea’s nuclear`, `labour migration policies`). Also every
    /// passage of a one-clause query.
    Together,
    /// Within [`NEAR_GAP`] other words: the same sentence, roughly.
    Near,
    /// Farther apart.
    Apart,
}

/// Other words (stop words included) allowed among the clauses' matches
/// for [`Proximity::Together`].
pub const TOGETHER_GAP: u32 = 1;
/// Other words allowed for [`Proximity::Near`].
pub const NEAR_GAP: u32 = 8;

impl Proximity {
    /// Every class, best first.
    pub const ALL: [Proximity; 3] = [Proximity::Together, Proximity::Near, Proximity::Apart];

    /// The class of the smallest window (`span` word positions, first to
    /// last inclusive) holding one match of each of `clauses` clauses.
    pub fn of_span(span: u32, clauses: u32) -> Proximity {
        let gap = span.saturating_sub(clauses);
        if gap <= TOGETHER_GAP {
            Proximity::Together
        } else if gap <= NEAR_GAP {
            Proximity::Near
        } else {
            Proximity::Apart
        }
    }
}

/// BM25F sums are squashed as `s / (s + SQUASH)` into `[0, 1)` to fit
/// within a band; around this value they are told apart best.
pub const SQUASH: f32 = 8.0;

/// Bands: one per (tier, proximity) pair.
pub const BANDS: u32 = (Tier::ALL.len() * Proximity::ALL.len()) as u32;

/// The rank of a passage as one number: higher is better, and sorting by
/// it sorts by `tier`, then `proximity`, then the BM25F `sum` (see the
/// module doc). Always in `(0, BANDS + 1)` for a positive sum.
pub fn rank(tier: Tier, proximity: Proximity, sum: f32) -> f32 {
    let level = tier as u32 * Proximity::ALL.len() as u32 + proximity as u32;
    let band = (BANDS - level) as f32;
    let sum = sum.max(0.0);
    band + sum / (sum + SQUASH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rarer_terms_and_headings_score_higher() {
        assert!(idf(1, 100) > idf(50, 100));
        assert!(idf(100, 100) > 0.0);
        let body = score(1, 10, 10.0, 1.0, Field::Body);
        assert!(score(1, 10, 10.0, 1.0, Field::Heading) > body);
        assert!(score(2, 10, 10.0, 1.0, Field::Body) > body);
        assert!(score(1, 40, 10.0, 1.0, Field::Body) < body);
    }

    #[test]
    fn short_metadata_earns_nothing_for_being_short() {
        // A 3-word keyword line scores as an average-length one would,
        // while a 3-word body passage gains from its length.
        let avg = 100.0;
        assert_eq!(
            score(1, 3, avg, 1.0, Field::Meta),
            score(1, 100, avg, 1.0, Field::Meta)
        );
        assert!(score(1, 3, avg, 1.0, Field::Body) > score(1, 100, avg, 1.0, Field::Body));
        assert_eq!(length_basis(Field::Meta), Field::Body);
        // One mention in a keyword line stays below a paragraph of average
        // length that uses the word three times.
        assert!(score(1, 3, avg, 1.0, Field::Meta) < score(3, 100, avg, 1.0, Field::Body));
    }

    #[test]
    fn bands_order_tier_then_proximity_then_bm25() {
        let huge = 1e6;
        let tiny = 1e-3;
        for pair in Tier::ALL.windows(2) {
            assert!(
                rank(pair[0], Proximity::Apart, tiny) > rank(pair[1], Proximity::Together, huge)
            );
        }
        for pair in Proximity::ALL.windows(2) {
            assert!(rank(Tier::Stemmed, pair[0], tiny) > rank(Tier::Stemmed, pair[1], huge));
        }
        assert!(rank(Tier::Exact, Proximity::Near, 5.0) > rank(Tier::Exact, Proximity::Near, 4.0));
        let lowest = rank(Tier::WORST, Proximity::Apart, tiny);
        assert!(lowest > 0.0 && rank(Tier::Exact, Proximity::Together, huge) < BANDS as f32 + 1.0);
    }

    #[test]
    fn near_spellings_across_languages_are_foreign() {
        assert_eq!(
            Tier::Typo1.in_language(Some("es"), "en"),
            Tier::ForeignTypo1
        );
        assert_eq!(
            Tier::Translit.in_language(Some("en"), "ru"),
            Tier::ForeignTranslit
        );
        assert!(Tier::ForeignTranslit.is_foreign() && !Tier::Typo2.is_foreign());
        // A foreign near-spelling ranks below every same-language one.
        assert!(Tier::Typo2 < Tier::ForeignTranslit);
        assert_eq!(Tier::Typo1.in_language(Some("en"), "en"), Tier::Typo1);
        assert_eq!(Tier::Exact.in_language(Some("es"), "en"), Tier::Exact);
        assert_eq!(Tier::Stemmed.in_language(Some("es"), "en"), Tier::Stemmed);
        assert_eq!(Tier::Typo2.in_language(None, "en"), Tier::Typo2);
        assert!(Tier::ALL.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn proximity_counts_the_words_between_matches() {
        assert_eq!(Proximity::of_span(2, 2), Proximity::Together);
        assert_eq!(Proximity::of_span(3, 2), Proximity::Together);
        assert_eq!(Proximity::of_span(4, 2), Proximity::Near);
        assert_eq!(Proximity::of_span(10, 2), Proximity::Near);
        assert_eq!(Proximity::of_span(11, 2), Proximity::Apart);
        assert_eq!(Proximity::of_span(1, 1), Proximity::Together);
    }
}
