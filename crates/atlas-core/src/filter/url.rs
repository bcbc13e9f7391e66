//! Percent-encoding for the URL fragment's query string, and its one
//! reader: the codec and the `key=value` parser the app's routes and the
//! filter model share, so a value written by one is always read back the
//! same by the other, and a repeated key means the same in both.

/// The `key=value` pairs of a query string (without `?`), in order, values
/// decoded: `%XX` escapes, and `+` as a space (forms and other tools write
/// it). Keys are compared as written; a part without `=` is no pair.
pub fn query_pairs(query: &str) -> impl Iterator<Item = (&str, String)> {
    raw_pairs(query).map(|(key, raw)| (key, decode_value(raw)))
}

/// The decoded value of `key`: the last one when the key repeats, as
/// [`crate::filter::Filters::from_query`] reads a repeated `q`.
pub fn query_param(query: &str, key: &str) -> Option<String> {
    raw_pairs(query)
        .rfind(|(k, _)| *k == key)
        .map(|(_, raw)| decode_value(raw))
}

fn raw_pairs(query: &str) -> impl DoubleEndedIterator<Item = (&str, &str)> {
    query.split('&').filter_map(|pair| pair.split_once('='))
}

fn decode_value(raw: &str) -> String {
    percent_decode(&raw.replace('+', " "))
}

/// Decodes `%XX` escapes; invalid escapes and invalid UTF-8 are kept as text.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            // Two hex digits exactly: `from_str_radix` alone would also take
            // a sign, reading `%+1` as byte 1.
            if let (Some(hi), Some(lo)) = (hex_digit(bytes[i + 1]), hex_digit(bytes[i + 2])) {
                out.push(hi << 4 | lo);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_digit(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

/// Encodes everything but unreserved characters (RFC 3986).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_what_it_encodes_and_survives_garbage() {
        for s in ["", "a b&c=d", "Приморье", "100%", "\u{0}☃"] {
            assert_eq!(percent_decode(&percent_encode(s)), s);
        }
        assert_eq!(percent_decode("%E2%82"), "\u{FFFD}");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
    }

    #[test]
    fn pairs_are_decoded_and_the_last_of_a_repeated_key_wins() {
        let query = "q=first&flag&topic=energy+policy&q=%D0%9F%2B&=x&topic=";
        let pairs: Vec<(&str, String)> = query_pairs(query).collect();
        assert_eq!(
            pairs,
            [
                ("q", "first".to_string()),
                ("topic", "energy policy".to_string()),
                ("q", "П+".to_string()),
                ("", "x".to_string()),
                ("topic", String::new()),
            ]
        );
        assert_eq!(query_param(query, "q").as_deref(), Some("П+"));
        assert_eq!(query_param(query, "topic").as_deref(), Some(""));
        assert_eq!(query_param(query, "flag"), None);
        assert_eq!(query_param("", "q"), None);
    }

    #[test]
    fn a_sign_is_not_a_hex_digit() {
        assert_eq!(percent_decode("%+1%-1%+F"), "%+1%-1%+F");
        assert_eq!(percent_decode("%2b%2B"), "++");
    }
}
