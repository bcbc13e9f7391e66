//! Language of a block of text, by script and function words.
//!
//! The corpus mixes English with Russian (Cyrillic), Chinese (Han) and
//! Spanish (Latin, like English). Script decides the first three; among
//! Latin-script blocks, counts of very common function words separate
//! Spanish from English. Short or undecidable blocks fall back to English,
//! the corpus's main language.

/// ISO 639-1 code of the language `text` is most likely written in.
pub fn detect(text: &str) -> &'static str {
    let (mut latin, mut cyrillic, mut han) = (0usize, 0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        match c as u32 {
            0x0400..=0x052F => cyrillic += 1,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => han += 1,
            _ if c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c) => latin += 1,
            _ => {}
        }
    }
    let letters = latin + cyrillic + han;
    if letters == 0 {
        return "en";
    }
    // Han characters carry a syllable each: weigh them up against letters.
    if han * 3 >= letters.saturating_sub(han) && han > 0 {
        return "zh";
    }
    if cyrillic * 2 > letters {
        return "ru";
    }
    let (mut es, mut en) = (0usize, 0usize);
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let w = word.to_lowercase();
        if SPANISH.contains(&w.as_str()) {
            es += 1;
        }
        if ENGLISH.contains(&w.as_str()) {
            en += 1;
        }
        // Accented vowels and ñ do not occur in English words.
        if w.contains(['á', 'é', 'í', 'ó', 'ú', 'ñ']) {
            es += 1;
        }
    }
    if es >= 2 && es > en * 2 {
        "es"
    } else {
        "en"
    }
}

const SPANISH: &[&str] = &[
    "de", "la", "que", "el", "los", "del", "las", "una", "por", "con", "para", "sus", "como", "ha",
    "sido", "su", "lo", "se", "más", "y", "clave", "palabras", "resumen",
];
const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "that", "for", "with", "as", "by", "on", "are", "was",
    "it", "its", "this",
];

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn detects_the_corpus_languages() {
        assert_eq!(
            detect("Russia wants to be seen as a major Asian power and understands that it needs"),
            "en"
        );
        assert_eq!(detect("Rusia quiere ser vista como una potencia asiática y entiende que necesita de las inversiones"), "es");
        assert_eq!(
            detect("Palabras clave: Rusia, Extremo Oriente Ruso, potencia asiática, Japón"),
            "es"
        );
        assert_eq!(
            detect("ТЕМАТИЧЕСКОЕ ДОСЬЕ: Разворот России на Восток"),
            "ru"
        );
        assert_eq!(
            detect("米纳基尔: “俄罗斯与中国在远东: 臆造的恐惧与现实威胁”"),
            "zh"
        );
        assert_eq!(detect("2009–2018"), "en");
        // 003_…: Spanish keywords have no function words, only accents.
        assert_eq!(
            detect("Rusia, Extremo Oriente Ruso, potencia asiática, Japón"),
            "es"
        );
        // An English sentence with one Spanish name stays English.
        assert_eq!(
            detect("The Spanish firm Repsol and José Aznar met in Madrid on the matter."),
            "en"
        );
    }
}
