//! Chinese place names as Russian writes them: Hanyu Pinyin to the
//! Palladius system (`Suifenhe` → `Суйфэньхэ`, `Jiamusi` → `Цзямусы`).
//!
//! GeoNames gives most Chinese towns only Latin names, while a Russian text
//! on North-East China writes them in Cyrillic by this fixed,
//! syllable-by-syllable system. A name is converted only when every word
//! of it splits into Pinyin syllables (fewest syllables first), and only
//! when it has two syllables or more: a one-syllable name is also a surname
//! or a common word. Tone marks are not expected (GeoNames' ASCII names).

/// The Palladius spelling of a Pinyin name, or `None` when it is not
/// Pinyin throughout or is a single syllable.
pub fn palladius(name: &str) -> Option<String> {
    let mut out = String::new();
    let mut syllables = 0;
    for (i, word) in name.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for (j, part) in word.split('-').enumerate() {
            if j > 0 {
                out.push('-');
            }
            let (cyrillic, n) = convert_word(part)?;
            syllables += n;
            out.push_str(&capitalised(&cyrillic));
        }
    }
    (syllables >= 2).then_some(out)
}

/// One word: its syllables (an apostrophe marks a boundary), joined.
fn convert_word(word: &str) -> Option<(String, usize)> {
    let lower = word.to_lowercase();
    if lower.is_empty()
        || !lower
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '\'' || c == 'ü')
    {
        return None;
    }
    let mut out = String::new();
    let mut count = 0;
    for chunk in lower.split(['\'', '’']).filter(|c| !c.is_empty()) {
        for s in segment(chunk)? {
            let cyr = syllable(s)?;
            // A back `-ng` before an iotated vowel takes the hard sign
            // (`Shuangyashan` → `Шуанъяшань`).
            if out.ends_with('н') && cyr.starts_with(['я', 'е', 'ю', 'ё']) {
                out.push('ъ');
            }
            out.push_str(&cyr);
            count += 1;
        }
    }
    (count > 0).then_some((out, count))
}

/// The split of `chunk` into the fewest Pinyin syllables.
fn segment(chunk: &str) -> Option<Vec<&str>> {
    let n = chunk.len();
    // best[i]: fewest syllables covering chunk[..i], and where the last began.
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    for end in 1..=n {
        for start in end.saturating_sub(6)..end {
            let (Some((count, _)), Some(s)) = (best[start], chunk.get(start..end)) else {
                continue;
            };
            if syllable(s).is_some() && best[end].is_none_or(|(c, _)| count + 1 < c) {
                best[end] = Some((count + 1, start));
            }
        }
    }
    let mut parts = Vec::new();
    let mut end = n;
    while end > 0 {
        let (_, start) = best[end]?;
        parts.push(chunk.get(start..end)?);
        end = start;
    }
    parts.reverse();
    Some(parts)
}

/// One Pinyin syllable in Palladius, or `None` when it is not one.
fn syllable(s: &str) -> Option<String> {
    if let Some(z) = zero_initial(s) {
        return Some(z.to_string());
    }
    let (initial, rest) = ["zh", "ch", "sh"]
        .iter()
        .find_map(|i| s.strip_prefix(i).map(|r| (*i, r)))
        .or_else(|| {
            let first = s.get(..1)?;
            "bpmfdtnlgkhjqxrzcs"
                .contains(first)
                .then(|| (first, &s[1..]))
        })?;
    let cyr_initial = match initial {
        "b" => "б",
        "p" => "п",
        "m" => "м",
        "f" => "ф",
        "d" => "д",
        "t" => "т",
        "n" => "н",
        "l" => "л",
        "g" => "г",
        "k" => "к",
        "h" => "х",
        "j" | "z" => "цз",
        "q" | "c" => "ц",
        "x" | "s" => "с",
        "zh" => "чж",
        "ch" => "ч",
        "sh" => "ш",
        "r" => "ж",
        _ => return None,
    };
    let palatal = matches!(initial, "j" | "q" | "x");
    let sibilant = matches!(initial, "z" | "c" | "s");
    let retroflex = matches!(initial, "zh" | "ch" | "sh" | "r");
    let velar = matches!(initial, "g" | "k" | "h");
    let final_ = if palatal {
        // j, q, x take only front finals; their `u` is `ü`.
        match rest {
            "i" => "и",
            "ia" => "я",
            "ie" => "е",
            "iao" => "яо",
            "iu" => "ю",
            "ian" => "янь",
            "in" => "инь",
            "iang" => "ян",
            "ing" => "ин",
            "iong" => "юн",
            "u" => "юй",
            "ue" => "юэ",
            "uan" => "юань",
            "un" => "юнь",
            _ => return None,
        }
    } else {
        let front = rest.starts_with('i') && rest != "i";
        if front && (sibilant || retroflex || velar || initial == "f") {
            return None;
        }
        match rest {
            // The open finals are spelled as they are without an initial.
            "a" | "e" | "ai" | "ei" | "ao" | "ou" | "an" | "en" | "ang" | "eng" => {
                zero_initial(rest)?
            }
            "o" if matches!(initial, "b" | "p" | "m" | "f") => "о",
            "ong" if !matches!(initial, "b" | "p" | "m" | "f") => "ун",
            "i" if sibilant => "ы",
            "i" => "и",
            "ia" if initial == "l" => "я",
            "ie" => "е",
            "iao" => "яо",
            "iu" => "ю",
            "ian" => "янь",
            "in" => "инь",
            "iang" if matches!(initial, "l" | "n") => "ян",
            "ing" => "ин",
            "u" => "у",
            "ua" if velar || retroflex => "уа",
            "uo" if !matches!(initial, "b" | "p" | "m" | "f") => "о",
            "ui" if initial == "h" => "уэй",
            "ui" if !matches!(initial, "b" | "p" | "m" | "f" | "n" | "l") => "уй",
            "uai" if velar || retroflex => "уай",
            "uan" if !matches!(initial, "b" | "p" | "m" | "f") => "уань",
            "un" if !matches!(initial, "b" | "p" | "m" | "f") => "унь",
            "uang" if velar || retroflex => "уан",
            "v" | "ü" if matches!(initial, "n" | "l") => "юй",
            "ve" | "üe" | "ue" if matches!(initial, "n" | "l") => "юэ",
            _ => return None,
        }
    };
    Some(format!("{cyr_initial}{final_}"))
}

/// Syllables without an initial consonant (`y` and `w` spell glides).
fn zero_initial(s: &str) -> Option<&'static str> {
    Some(match s {
        "a" => "а",
        "o" => "о",
        "e" => "э",
        "ai" => "ай",
        "ei" => "эй",
        "ao" => "ао",
        "ou" => "оу",
        "an" => "ань",
        "en" => "энь",
        "ang" => "ан",
        "eng" => "эн",
        "er" => "эр",
        "yi" => "и",
        "ya" => "я",
        "yao" => "яо",
        "ye" => "е",
        "you" => "ю",
        "yan" => "янь",
        "yin" => "инь",
        "yang" => "ян",
        "ying" => "ин",
        "yong" => "юн",
        "yu" => "юй",
        "yue" => "юэ",
        "yuan" => "юань",
        "yun" => "юнь",
        "wu" => "у",
        "wa" => "ва",
        "wo" => "во",
        "wai" => "вай",
        "wei" => "вэй",
        "wan" => "вань",
        "wen" => "вэнь",
        "wang" => "ван",
        "weng" => "вэн",
        _ => return None,
    })
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_names_in_palladius() {
        for (pinyin, russian) in [
            ("Suifenhe", "Суйфэньхэ"),
            ("Jiamusi", "Цзямусы"),
            ("Heihe", "Хэйхэ"),
            ("Hunchun", "Хуньчунь"),
            ("Mudanjiang", "Муданьцзян"),
            ("Fuyuan", "Фуюань"),
            ("Tongjiang", "Тунцзян"),
            ("Dongning", "Дуннин"),
            ("Shuangyashan", "Шуанъяшань"),
            ("Xi'an", "Сиань"),
            ("Huichun", "Хуэйчунь"),
            ("Xuzhou", "Сюйчжоу"),
            ("Zhangjiakou", "Чжанцзякоу"),
            ("Qinhuangdao", "Циньхуандао"),
            ("Luoyang", "Лоян"),
            ("Wuhan", "Ухань"),
            ("Inner Mongolia", ""),
        ] {
            let got = palladius(pinyin);
            if russian.is_empty() {
                assert_eq!(got, None, "{pinyin}");
            } else {
                assert_eq!(got.as_deref(), Some(russian), "{pinyin}");
            }
        }
    }

    #[test]
    fn one_syllable_and_non_pinyin_names_are_left_alone() {
        for name in ["Xian", "Qiqihar", "Harbin", "Hailar", "Bong", "Jia", ""] {
            assert_eq!(palladius(name), None, "{name}");
        }
        assert_eq!(palladius("Ma-an").as_deref(), Some("Ма-Ань"));
    }
}
