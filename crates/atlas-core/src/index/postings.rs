//! Postings: for each term, the passages holding it, how often, and at which
//! word positions (for phrases). Stored as one byte blob of LEB128 varints
//! (`count`, then per passage `passage delta, tf, tf position deltas`),
//! which is what keeps the index small enough to ship in the page. The term
//! dictionary maps each term to its list's offset in the blob.

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

/// Appends one postings list: `(passage, positions)` with passages ascending
/// and positions ascending (word indexes in the passage, stop words counted).
pub fn encode(out: &mut Vec<u8>, list: &[(u32, Vec<u32>)]) {
    push_varint(out, list.len() as u64);
    let mut prev = 0u32;
    for (p, positions) in list {
        push_varint(out, u64::from(p.saturating_sub(prev)));
        push_varint(out, positions.len() as u64);
        let mut last = 0u32;
        for &pos in positions {
            push_varint(out, u64::from(pos.saturating_sub(last)));
            last = pos;
        }
        prev = *p;
    }
}

/// The number of passages in the list at `offset` (document frequency).
pub fn doc_freq(bytes: &[u8], offset: u64) -> u32 {
    let mut pos = offset as usize;
    read_varint(bytes, &mut pos).unwrap_or(0) as u32
}

/// Decodes the list at `offset` as `(passage, tf)`. A damaged list yields
/// what could be read.
pub fn decode(bytes: &[u8], offset: u64) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    walk(bytes, offset, |p, tf, _| out.push((p, tf)), false);
    out
}

/// Decodes the list at `offset` with positions, as `(passage, positions)`.
pub fn decode_positions(bytes: &[u8], offset: u64) -> Vec<(u32, Vec<u32>)> {
    let mut out = Vec::new();
    walk(
        bytes,
        offset,
        |p, _, positions| out.push((p, positions.to_vec())),
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
}

/// Decodes the list at `offset` with positions, flat.
pub fn decode_position_lists(bytes: &[u8], offset: u64) -> PositionLists {
    let mut out = PositionLists::default();
    walk(
        bytes,
        offset,
        |p, _, positions| {
            out.passages.push(p);
            out.positions.extend_from_slice(positions);
            out.ends.push(out.positions.len() as u32);
        },
        true,
    );
    out
}

fn walk(bytes: &[u8], offset: u64, mut f: impl FnMut(u32, u32, &[u32]), keep: bool) {
    let mut pos = offset as usize;
    let n = read_varint(bytes, &mut pos).unwrap_or(0) as usize;
    let mut p = 0u32;
    let mut positions = Vec::new();
    for _ in 0..n {
        let (Some(delta), Some(tf)) = (read_varint(bytes, &mut pos), read_varint(bytes, &mut pos))
        else {
            return;
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
        f(p, tf as u32, &positions);
    }
}

/// Appends a sorted list of offsets (a key's terms) as `count, deltas`.
pub fn encode_offsets(out: &mut Vec<u8>, list: &[u64]) {
    push_varint(out, list.len() as u64);
    let mut prev = 0;
    for &o in list {
        push_varint(out, o.saturating_sub(prev));
        prev = o;
    }
}

/// Decodes a list written by [`encode_offsets`].
pub fn decode_offsets(bytes: &[u8], offset: u64) -> Vec<u64> {
    let mut pos = offset as usize;
    let n = read_varint(bytes, &mut pos).unwrap_or(0) as usize;
    let mut out = Vec::with_capacity(n.min(bytes.len()));
    let mut o = 0u64;
    for _ in 0..n {
        let Some(delta) = read_varint(bytes, &mut pos) else {
            break;
        };
        o = o.saturating_add(delta);
        out.push(o);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_round_trip_and_damage_is_not_a_panic() {
        let mut blob = vec![7];
        encode(
            &mut blob,
            &[(3, vec![4]), (200, vec![0, 9]), (70000, vec![1, 300])],
        );
        assert_eq!(decode(&blob, 1), [(3, 1), (200, 2), (70000, 2)]);
        assert_eq!(decode_positions(&blob, 1)[1], (200, vec![0, 9]));
        let flat = decode_position_lists(&blob, 1);
        assert_eq!(flat.passages, [3, 200, 70000]);
        assert_eq!(flat.positions(1), [0, 9]);
        assert_eq!(flat.positions(2), [1, 300]);
        assert!(flat.positions(3).is_empty());
        assert_eq!(doc_freq(&blob, 1), 3);
        assert_eq!(decode(&blob[..5], 1), [(3, 1)]);
        assert!(decode(&blob, 999).is_empty());
        let mut offs = Vec::new();
        encode_offsets(&mut offs, &[5, 9, 400]);
        assert_eq!(decode_offsets(&offs, 0), [5, 9, 400]);
    }
}
