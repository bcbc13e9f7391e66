//! BM25F scoring of one term in one passage. Each passage belongs to one
//! field, so BM25F reduces to BM25 with a per-field average length and a
//! per-field boost; how a term was reached (exact, prefix, transliteration,
//! typo) scales the result, so exact hits rank first.

use crate::index::passages::Field;

/// Term-frequency saturation.
pub const K1: f32 = 1.2;
/// Length normalisation (0 = none, 1 = full).
pub const B: f32 = 0.75;

/// Field boosts: a word in a heading or the title says more than one in a note.
pub fn field_boost(field: Field) -> f32 {
    match field {
        Field::Heading => 2.0,
        Field::Body => 1.0,
        Field::Note => 0.6,
        Field::Meta => 1.5,
    }
}

/// Weight of a term reached exactly.
pub const EXACT: f32 = 1.0;
/// Weight of a term reached as a completion of the last, unfinished word.
pub const PREFIX: f32 = 0.85;
/// Weight of a term reached through its phonetic key (another script or romanisation).
pub const TRANSLIT: f32 = 0.8;
/// Weight of a term reached through the phonetic key of an unfinished word.
pub const TRANSLIT_PREFIX: f32 = 0.6;
/// Weight of a term one edit away.
pub const TYPO_1: f32 = 0.45;
/// Weight of a term two edits away.
pub const TYPO_2: f32 = 0.3;

/// Inverse document frequency (the BM25 "plus one" form, never negative).
pub fn idf(df: u32, passages: usize) -> f32 {
    let n = passages as f32;
    let df = df as f32;
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// The BM25F score of a term with frequency `tf` in a passage of `len` terms.
pub fn score(tf: u32, len: u32, avg_len: f32, idf: f32, field: Field) -> f32 {
    let tf = tf as f32;
    let norm = 1.0 - B + B * (len as f32) / avg_len.max(1e-3);
    idf * tf * (K1 + 1.0) / (tf + K1 * norm) * field_boost(field)
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
}
