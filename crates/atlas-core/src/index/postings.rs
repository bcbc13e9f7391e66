//! Postings: for each term, the passages holding it, how often, at which
//! word positions (for phrases and proximity) and in which exact forms
//! (`pipelines` or `pipeline` for the term `pipelin`, so an exact match can
//! outrank a stemmed one: issue 19). Stored as one byte blob of LEB128
//! varints (see [`encode`]), which is what keeps the index small enough to
//! ship in the page. The term dictionary maps each term to its list's
//! offset in the blob.

/// Appends `v` as an unsigned LEB128 varint.
pub fn push_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads a varint at `*pos`, advancing it; `None` past the end or on overflow.
pub fn read_varint(bytes: &[u8], pos: &mut usize) -> Option<u64> {
    let mut v: u64 = 0;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*pos)?;
        *pos += 1;
        v |= u64::from(b & 0x7F) << shift;
        if b < 0x80 {
            return Some(v);
        }
    }
    None
}

/// One passage of a term's postings list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posting {
    /// The passage number.
    pub passage: u32,
    /// Word positions of the term in the passage, ascending (stop words counted).
    pub positions: Vec<u32>,
    /// Which of the term's exact forms occur here: bit [`form_bit`] of each.
    pub forms: u64,
}

/// The bit of form `id` in a [`Posting::forms`] mask. Forms from 63 on
/// share the last bit, so a query can only call them exact when the
/// passage holds none of the others; a stem with 64 spellings is not a
/// case the seeds (or remixes of them) have.
pub fn form_bit(id: usize) -> u64 {
    1u64 << id.min(63)
}

/// Masks of terms with up to this many forms share a varint with the tf
/// (`tf << forms | mask`), one byte for most passages.
pub const PACKED_FORMS: usize = 6;

/// Appends one postings list: `term`'s exact forms ([`crate::analysis::exact_form`]
/// of every word that stems to it, in id order) and its passages, ascending.
///
/// Bytes: `count`; `forms << 1 | first_is_term`; each form not the term
/// as a varint tag and its suffix bytes (tag `suffix length << 1` when the
/// form starts with the term, else `shared prefix length << 1 | 1` and the
/// suffix length); then per passage `passage delta`, the tf (with several
/// forms, and the forms mask: `tf << forms | mask` up to [`PACKED_FORMS`]
/// forms, `tf, mask` beyond) and `tf` position deltas. Most terms have one
/// form, the term itself, which costs a single byte and no mask.
pub fn encode(out: &mut Vec<u8>, term: &str, forms: &[String], list: &[Posting]) {
    push_varint(out, list.len() as u64);
    let first_is_term = forms.first().is_some_and(|f| f == term);
    push_varint(out, ((forms.len() as u64) << 1) | u64::from(first_is_term));
    for form in forms.iter().skip(usize::from(first_is_term)) {
        let shared = form
            .bytes()
            .zip(term.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        let suffix = (form.len() - shared) as u64;
        if shared == term.len() {
            push_varint(out, suffix << 1);
        } else {
            push_varint(out, ((shared as u64) << 1) | 1);
            push_varint(out, suffix);
        }
        out.extend_from_slice(&form.as_bytes()[shared..]);
    }
    let mut prev = 0u32;
    for posting in list {
        push_varint(out, u64::from(posting.passage.saturating_sub(prev)));
        let tf = posting.positions.len() as u64;
        match forms.len() {
            0 | 1 => push_varint(out, tf),
            n if n <= PACKED_FORMS => push_varint(out, (tf << n) | posting.forms),
            _ => {
                push_varint(out, tf);
                push_varint(out, posting.forms);
            }
        }
        let mut last = 0u32;
        for &pos in &posting.positions {
            push_varint(out, u64::from(pos.saturating_sub(last)));
            last = pos;
        }
        prev = posting.passage;
    }
}

/// Reads one form's `(shared prefix length, suffix length)` at `*pos`
/// (see [`encode`]); `term_len` is the term's length in bytes.
fn read_form_tag(bytes: &[u8], pos: &mut usize, term_len: usize) -> Option<(usize, usize)> {
    let tag = read_varint(bytes, pos)?;
    if tag & 1 == 0 {
        Some((term_len, (tag >> 1) as usize))
    } else {
        Some(((tag >> 1) as usize, read_varint(bytes, pos)? as usize))
    }
}

/// The number of passages in the list at `offset` (document frequency).
pub fn doc_freq(bytes: &[u8], offset: u64) -> u32 {
    let mut pos = offset as usize;
    read_varint(bytes, &mut pos).unwrap_or(0) as u32
}

/// The exact forms of the term whose list is at `offset`, in id order
/// (`term` is needed to rebuild them: forms are stored as suffixes).
pub fn forms(bytes: &[u8], offset: u64, term: &str) -> Vec<String> {
    let mut pos = offset as usize;
    let _count = read_varint(bytes, &mut pos);
    let mut out = Vec::new();
    let Some(header) = read_varint(bytes, &mut pos) else {
        return out;
    };
    let n = (header >> 1) as usize;
    if header & 1 == 1 && n > 0 {
        out.push(term.to_string());
    }
    while out.len() < n {
        let Some((shared, len)) = read_form_tag(bytes, &mut pos, term.len()) else {
            return out;
        };
        let (Some(head), Some(tail)) = (
            term.as_bytes().get(..shared),
            bytes.get(pos..pos.saturating_add(len)),
        ) else {
            return out;
        };
        pos += len;
        out.push(String::from_utf8_lossy(&[head, tail].concat()).into_owned());
    }
    out
}

/// Decodes the list at `offset` as `(passage, tf)`. A damaged list yields
/// what could be read.
pub fn decode(bytes: &[u8], offset: u64) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    walk(bytes, offset, |p, tf, _, _| out.push((p, tf)), false);
    out
}

/// Decodes the list at `offset` as `(passage, tf, forms mask)`: which of
/// the term's exact forms each passage holds (see [`form_bit`]).
pub fn decode_with_forms(bytes: &[u8], offset: u64) -> Vec<(u32, u32, u64)> {
    let mut out = Vec::new();
    walk(
        bytes,
        offset,
        |p, tf, forms, _| out.push((p, tf, forms)),
        false,
    );
    out
}

/// Decodes the list at `offset` with positions, as `(passage, positions)`.
pub fn decode_positions(bytes: &[u8], offset: u64) -> Vec<(u32, Vec<u32>)> {
    let mut out = Vec::new();
    walk(
        bytes,
        offset,
        |p, _, _, positions| out.push((p, positions.to_vec())),
        true,
    );
    out
}

/// A postings list with positions, decoded into three flat vectors (no
/// allocation per passage): what phrase matching walks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PositionLists {
    /// The passages, ascending.
    pub passages: Vec<u32>,
    /// Where each passage's positions end in `positions`.
    ends: Vec<u32>,
    positions: Vec<u32>,
    /// Each passage's forms mask (see [`form_bit`]).
    forms: Vec<u64>,
}

impl PositionLists {
    /// The word positions in the `i`th passage of the list (empty past the end).
    pub fn positions(&self, i: usize) -> &[u32] {
        let start = match i.checked_sub(1) {
            Some(j) => self.ends.get(j).copied().unwrap_or(0),
            None => 0,
        } as usize;
        let end = self.ends.get(i).map_or(start, |&e| e as usize);
        self.positions.get(start..end).unwrap_or(&[])
    }

    /// The forms mask of the `i`th passage of the list (0 past the end).
    pub fn forms(&self, i: usize) -> u64 {
        self.forms.get(i).copied().unwrap_or(0)
    }
}

/// Decodes the list at `offset` with positions, flat.
pub fn decode_position_lists(bytes: &[u8], offset: u64) -> PositionLists {
    let mut out = PositionLists::default();
    walk(
        bytes,
        offset,
        |p, _, forms, positions| {
            out.passages.push(p);
            out.forms.push(forms);
            out.positions.extend_from_slice(positions);
            out.ends.push(out.positions.len() as u32);
        },
        true,
    );
    out
}

/// The word positions of the term at `offset` in each of the passages
/// `wanted` (ascending): `(index into wanted, forms mask, positions)` for
/// those that hold it. One walk of the list that stops past the last wanted passage,
/// keeping nothing of the others: how snippets find their matches without
/// re-reading the passages.
pub fn positions_in(bytes: &[u8], offset: u64, wanted: &[u32]) -> Vec<(usize, u64, Vec<u32>)> {
    let mut out = Vec::new();
    let Some(&last) = wanted.last() else {
        return out;
    };
    let mut at = 0usize;
    walk_while(bytes, offset, true, |p, _, forms, positions| {
        while wanted.get(at).is_some_and(|&w| w < p) {
            at += 1;
        }
        if wanted.get(at) == Some(&p) {
            out.push((at, forms, positions.to_vec()));
        }
        p < last
    });
    out
}

/// Calls `f(passage, tf, forms mask, positions)` for each passage of the
/// list at `offset`; positions are only collected when `keep`.
fn walk(bytes: &[u8], offset: u64, mut f: impl FnMut(u32, u32, u64, &[u32]), keep: bool) {
    walk_while(bytes, offset, keep, |p, tf, forms, positions| {
        f(p, tf, forms, positions);
        true
    });
}

/// [`walk`] that stops as soon as `f` returns `false`.
fn walk_while(
    bytes: &[u8],
    offset: u64,
    keep: bool,
    mut f: impl FnMut(u32, u32, u64, &[u32]) -> bool,
) {
    let mut pos = offset as usize;
    let n = read_varint(bytes, &mut pos).unwrap_or(0) as usize;
    let Some(header) = read_varint(bytes, &mut pos) else {
        return;
    };
    let forms = (header >> 1) as usize;
    for _ in usize::from(header & 1 == 1)..forms {
        // The term's length only matters for rebuilding a form, not for skipping it.
        let Some((_, len)) = read_form_tag(bytes, &mut pos, 0) else {
            return;
        };
        pos = pos.saturating_add(len);
    }
    let mut p = 0u32;
    let mut positions = Vec::new();
    for _ in 0..n {
        let (Some(delta), Some(packed)) =
            (read_varint(bytes, &mut pos), read_varint(bytes, &mut pos))
        else {
            return;
        };
        let (tf, mask) = match forms {
            0 | 1 => (packed, 1),
            f if f <= PACKED_FORMS => (packed >> f, packed & ((1 << f) - 1)),
            _ => {
                let Some(m) = read_varint(bytes, &mut pos) else {
                    return;
                };
                (packed, m)
            }
        };
        p = p.saturating_add(delta as u32);
        positions.clear();
        let mut at = 0u32;
        for _ in 0..tf {
            let Some(d) = read_varint(bytes, &mut pos) else {
                return;
            };
            at = at.saturating_add(d as u32);
            if keep {
                positions.push(at);
            }
        }
        if !f(p, tf as u32, mask, &positions) {
            return;
        }
    }
}

/// Appends a key's terms: `count`, then per term (by ascending postings
/// offset) `offset delta << 1 | has mask` and, when only some of the term's
/// exact forms have the key, the mask of those (see [`form_bit`]); `None`
/// stands for every form, the usual case, and costs no byte. The mask
/// matters because a key is computed per word and a term gathers several
/// words: `putting` sounds like `Путин` but stems to `put`, and only the
/// passages holding that form may match by the key.
pub fn encode_key_terms(out: &mut Vec<u8>, list: &[(u64, Option<u64>)]) {
    push_varint(out, list.len() as u64);
    let mut prev = 0;
    for &(o, forms) in list {
        let delta = o.saturating_sub(prev);
        push_varint(out, (delta << 1) | u64::from(forms.is_some()));
        if let Some(mask) = forms {
            push_varint(out, mask);
        }
        prev = o;
    }
}

/// Decodes a list written by [`encode_key_terms`] as `(term offset, forms
/// mask)`, the mask all ones for every form; a damaged list yields what
/// could be read.
pub fn decode_key_terms(bytes: &[u8], offset: u64) -> Vec<(u64, u64)> {
    let mut pos = offset as usize;
    let n = read_varint(bytes, &mut pos).unwrap_or(0) as usize;
    let mut out = Vec::with_capacity(n.min(bytes.len()));
    let mut o = 0u64;
    for _ in 0..n {
        let Some(tag) = read_varint(bytes, &mut pos) else {
            break;
        };
        let forms = if tag & 1 == 1 {
            match read_varint(bytes, &mut pos) {
                Some(mask) => mask,
                None => break,
            }
        } else {
            u64::MAX
        };
        o = o.saturating_add(tag >> 1);
        out.push((o, forms));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_round_trip_and_damage_is_not_a_panic() {
        let post = |passage, positions: &[u32], forms| Posting {
            passage,
            positions: positions.to_vec(),
            forms,
        };
        let list = [
            post(3, &[4], 1),
            post(200, &[0, 9], 3),
            post(70000, &[1, 300], 2),
        ];
        let forms_of = ["pipeline".to_string(), "pipelines".to_string()];
        let mut blob = vec![7];
        encode(&mut blob, "pipelin", &forms_of, &list);
        assert_eq!(decode(&blob, 1), [(3, 1), (200, 2), (70000, 2)]);
        assert_eq!(
            decode_with_forms(&blob, 1),
            [(3, 1, 1), (200, 2, 3), (70000, 2, 2)]
        );
        assert_eq!(forms(&blob, 1, "pipelin"), forms_of);
        assert_eq!(decode_positions(&blob, 1)[1], (200, vec![0, 9]));
        let flat = decode_position_lists(&blob, 1);
        assert_eq!(flat.passages, [3, 200, 70000]);
        assert_eq!(flat.positions(1), [0, 9]);
        assert_eq!(flat.positions(2), [1, 300]);
        assert!(flat.positions(3).is_empty());
        assert_eq!((flat.forms(1), flat.forms(2), flat.forms(3)), (3, 2, 0));
        assert_eq!(doc_freq(&blob, 1), 3);
        assert_eq!(decode(&blob[..11], 1), [(3, 1)]);
        assert!(decode(&blob, 999).is_empty());
        assert!(forms(&blob, 999, "x").is_empty());
        let mut offs = Vec::new();
        encode_key_terms(&mut offs, &[(5, Some(1)), (9, Some(6)), (400, None)]);
        assert_eq!(
            decode_key_terms(&offs, 0),
            [(5, 1), (9, 6), (400, u64::MAX)]
        );
        assert_eq!(offs.len(), 1 + 2 + 2 + 2, "no mask byte for every form");
        assert_eq!(decode_key_terms(&offs[..5], 0), [(5, 1), (9, 6)]);
        assert_eq!(decode_key_terms(&offs[..4], 0), [(5, 1)]);
    }

    #[test]
    fn a_term_with_one_form_itself_costs_one_byte_and_no_masks() {
        let mut blob = Vec::new();
        let list = [Posting {
            passage: 2,
            positions: vec![5],
            forms: 1,
        }];
        encode(&mut blob, "gas", &["gas".to_string()], &list);
        assert_eq!(blob, [1, 0b11, 2, 1, 5]);
        assert_eq!(decode_with_forms(&blob, 0), [(2, 1, 1)]);
        assert_eq!(forms(&blob, 0, "gas"), ["gas"]);
        assert_eq!(form_bit(0), 1);
        assert_eq!(form_bit(70), 1 << 63);
    }

    #[test]
    fn many_forms_and_forms_not_starting_with_the_term_round_trip() {
        let forms_of: Vec<String> = [
            "happy",
            "happiest",
            "happier",
            "happily",
            "happiness",
            "happi's",
            "happis",
            "happix",
        ]
        .iter()
        .map(|f| f.to_string())
        .collect();
        let list = [Posting {
            passage: 9,
            positions: vec![1, 2, 3],
            forms: 0b1000_0001,
        }];
        let mut blob = Vec::new();
        encode(&mut blob, "happi", &forms_of, &list);
        assert_eq!(forms(&blob, 0, "happi"), forms_of);
        assert_eq!(decode_with_forms(&blob, 0), [(9, 3, 0b1000_0001)]);
        let two = ["iss".to_string(), "is".to_string()];
        let both = [Posting {
            forms: 0b11,
            ..list[0].clone()
        }];
        let mut blob = Vec::new();
        encode(&mut blob, "is", &two, &both);
        assert_eq!(forms(&blob, 0, "is"), two);
        assert_eq!(decode_with_forms(&blob, 0), [(9, 3, 0b11)]);
        assert_eq!(decode_positions(&blob, 0), [(9, vec![1, 2, 3])]);
    }
}
