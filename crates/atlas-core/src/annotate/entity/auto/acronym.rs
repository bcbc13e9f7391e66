//! Acronyms defined in brackets right after an organisation's name: `Asian
//! Infrastructure Investment Bank (AIIB)`, `Российского фонда прямых
//! инвестиций (РФПИ)`, `Far East Development Corporation (FEDC)`. The
//! bracket defines the acronym for the rest of that document; `(ACR)` and
//! the name are one mention, as a curated `Name (ACR)` alias is.
//!
//! Only after a name already taken for an organisation (a curated alias or
//! an automatic name): a bracket after anything else (`territories of
//! advanced development (ТОР)`, `Northern Sea Route (NSR)`, `gross domestic
//! product (GDP)`) defines a zone, a route or a statistic, not a body. The
//! letters need not be the name's initials: a Russian body is often
//! written in English with its Russian acronym (`(KRDV)`).

use super::words::acronym;

/// An acronym in brackets right after `end` in `text` (spaces allowed
/// before the bracket, none inside it): the acronym and the offset just
/// past the closing bracket.
pub fn defined_after(text: &str, end: usize) -> Option<(String, usize)> {
    let rest = text.get(end..)?;
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    let inner = trimmed.strip_prefix('(')?;
    let close = inner.find(')')?;
    let acr = &inner[..close];
    if !acronym(acr) {
        return None;
    }
    let past = end + (rest.len() - trimmed.len()) + 1 + close + 1;
    Some((acr.to_string(), past))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_right_after_a_name() {
        let text = "the Asian Infrastructure Investment Bank (AIIB) said";
        let end = text.find(" (").unwrap();
        let (acr, past) = defined_after(text, end).unwrap();
        assert_eq!(acr, "AIIB");
        assert_eq!(&text[past..], " said");
        let ru = "фонда прямых инвестиций (РФПИ).";
        let end = ru.find(" (").unwrap();
        assert_eq!(defined_after(ru, end).unwrap().0, "РФПИ");
        assert_eq!(defined_after("Bank (see below)", 4), None);
        assert_eq!(defined_after("Bank, (AIIB)", 4), None);
        assert_eq!(defined_after("Bank (A)", 4), None);
    }
}
