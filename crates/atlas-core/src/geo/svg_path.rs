//! Compact SVG path data: integer coordinates written as relative moves and
//! implicit relative line-tos (`m12 -3 4 5-1 2z`), which is the smallest
//! text form of a polygon that every SVG renderer reads. A reader for the
//! same subset checks the syntax in tests and lets the app hit-test.
//!
//! Why integers: one SVG unit is 0.1° of longitude (about 11 km at the
//! equator, 8 km in Vladivostok's latitude), finer than a pixel of the world
//! view and about one pixel of the Northeast Asia frame at common widths;
//! a decimal digit more would cost ~20% of the bytes for no visible gain.

use super::simplify::Point;
use std::fmt::Write as _;

/// Builds one path `d` string from rings and lines in absolute units.
#[derive(Debug, Default)]
pub struct PathWriter {
    d: String,
    /// The current point, as SVG sees it after the last command.
    cursor: (i64, i64),
}

/// Rounds points to integer units and drops points that round onto the
/// previous one.
pub fn quantize(points: &[Point]) -> Vec<(i64, i64)> {
    let mut out: Vec<(i64, i64)> = Vec::with_capacity(points.len());
    for &(x, y) in points {
        let q = (x.round() as i64, y.round() as i64);
        if out.last() != Some(&q) {
            out.push(q);
        }
    }
    out
}

impl PathWriter {
    /// An empty path.
    pub fn new() -> Self {
        Self::default()
    }

    fn number(&mut self, n: i64) {
        // A minus sign separates numbers by itself; anything else after a
        // number or a command letter other than the first needs a space.
        if n >= 0 && self.d.ends_with(|c: char| c.is_ascii_digit()) {
            self.d.push(' ');
        }
        let _ = write!(self.d, "{n}");
    }

    fn points(&mut self, pts: &[(i64, i64)]) {
        self.d.push('m');
        for &(x, y) in pts {
            self.number(x - self.cursor.0);
            self.number(y - self.cursor.1);
            self.cursor = (x, y);
        }
    }

    /// Adds a closed ring; rings with fewer than three distinct points (after
    /// dropping a repeated closing point) are skipped. Returns whether the
    /// ring was written.
    pub fn ring(&mut self, pts: &[(i64, i64)]) -> bool {
        let pts = match pts {
            [first, .., last] if first == last => &pts[..pts.len() - 1],
            _ => pts,
        };
        if pts.len() < 3 {
            return false;
        }
        self.points(pts);
        self.d.push('z');
        // After `z` the current point is the start of the closed subpath.
        self.cursor = pts[0];
        true
    }

    /// Adds an open line; lines of fewer than two points are skipped.
    pub fn line(&mut self, pts: &[(i64, i64)]) -> bool {
        if pts.len() < 2 {
            return false;
        }
        self.points(pts);
        true
    }

    /// Whether nothing was written.
    pub fn is_empty(&self) -> bool {
        self.d.is_empty()
    }

    /// The `d` attribute value.
    pub fn finish(self) -> String {
        self.d
    }
}

/// The subpaths of a `d` string, as absolute points, for the subset this
/// module (and [`super::graticule`]) writes: `M`/`m` (with implicit line-tos),
/// `L`/`l`, `H`/`h`, `V`/`v`, `Z`/`z`. Anything else is an error that says
/// where, so a test can check every emitted path.
pub fn read_subpaths(d: &str) -> Result<Vec<Vec<(f64, f64)>>, String> {
    let bytes = d.as_bytes();
    let mut i = 0;
    let mut command = None::<u8>;
    let mut cursor = (0.0, 0.0);
    let mut start = (0.0, 0.0);
    let mut subpaths: Vec<Vec<(f64, f64)>> = Vec::new();
    let number = |i: &mut usize| -> Option<f64> {
        while *i < bytes.len() && (bytes[*i] == b' ' || bytes[*i] == b',') {
            *i += 1;
        }
        let from = *i;
        if *i < bytes.len() && (bytes[*i] == b'-' || bytes[*i] == b'+') {
            *i += 1;
        }
        while *i < bytes.len() && (bytes[*i].is_ascii_digit() || bytes[*i] == b'.') {
            *i += 1;
        }
        d.get(from..*i)?.parse().ok()
    };
    while i < bytes.len() {
        let c = bytes[i];
        if c == b' ' || c == b',' {
            i += 1;
            continue;
        }
        if c.is_ascii_alphabetic() {
            if !b"MmLlHhVvZz".contains(&c) {
                return Err(format!("unsupported command {:?} at byte {i}", c as char));
            }
            if command.is_none() && c != b'M' && c != b'm' {
                return Err(format!(
                    "path must start with a move, found {:?}",
                    c as char
                ));
            }
            i += 1;
            if c == b'Z' || c == b'z' {
                cursor = start;
                command = Some(c);
                continue;
            }
            command = Some(c);
            // A command letter must be followed by at least one number.
            let at = i;
            let probe = number(&mut i.clone());
            if probe.is_none() {
                return Err(format!(
                    "command {:?} without numbers at byte {at}",
                    c as char
                ));
            }
        }
        let Some(cmd) = command else {
            return Err(format!("number before any command at byte {i}"));
        };
        let at = i;
        let relative = cmd.is_ascii_lowercase();
        let base = if relative { cursor } else { (0.0, 0.0) };
        match cmd.to_ascii_lowercase() {
            b'm' | b'l' => {
                let (Some(x), Some(y)) = (number(&mut i), number(&mut i)) else {
                    return Err(format!("expected a coordinate pair at byte {at}"));
                };
                cursor = (base.0 + x, base.1 + y);
                if cmd.eq_ignore_ascii_case(&b'm') {
                    start = cursor;
                    subpaths.push(vec![cursor]);
                    // Further pairs after a move are line-tos.
                    command = Some(if relative { b'l' } else { b'L' });
                } else if let Some(last) = subpaths.last_mut() {
                    last.push(cursor);
                }
            }
            b'h' | b'v' => {
                let Some(n) = number(&mut i) else {
                    return Err(format!("expected a number at byte {at}"));
                };
                if cmd.eq_ignore_ascii_case(&b'h') {
                    cursor.0 = base.0 + n;
                } else {
                    cursor.1 = base.1 + n;
                }
                if let Some(last) = subpaths.last_mut() {
                    last.push(cursor);
                }
            }
            _ => return Err(format!("number after close at byte {at}")),
        }
        if i == at {
            return Err(format!("unexpected {:?} at byte {at}", bytes[at] as char));
        }
    }
    Ok(subpaths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rings_are_relative_and_compact() {
        let mut w = PathWriter::new();
        assert!(w.ring(&[(10, 20), (13, 20), (13, 25), (10, 20)]));
        assert!(w.ring(&[(0, 0), (1, 0), (0, 1)]));
        assert!(!w.ring(&[(5, 5), (6, 6)]));
        let d = w.finish();
        assert_eq!(d, "m10 20 3 0 0 5zm-10-20 1 0-1 1z");
        let back = read_subpaths(&d).expect("valid");
        assert_eq!(
            back,
            vec![
                vec![(10.0, 20.0), (13.0, 20.0), (13.0, 25.0)],
                vec![(0.0, 0.0), (1.0, 0.0), (0.0, 1.0)]
            ]
        );
    }

    #[test]
    fn lines_continue_from_the_last_point() {
        let mut w = PathWriter::new();
        w.line(&[(5, 5), (7, 5)]);
        w.line(&[(7, 9), (7, 12)]);
        let d = w.finish();
        assert_eq!(d, "m5 5 2 0m0 4 0 3");
        assert_eq!(
            read_subpaths(&d).expect("valid"),
            vec![vec![(5.0, 5.0), (7.0, 5.0)], vec![(7.0, 9.0), (7.0, 12.0)]]
        );
    }

    #[test]
    fn the_reader_rejects_what_renderers_would_reject() {
        for bad in ["l1 2", "m1", "m1 2q3 4", "m1 2z3", "m", "m1 2 x"] {
            assert!(read_subpaths(bad).is_err(), "{bad}");
        }
        assert!(read_subpaths("M0 0H10V5h-3v2Z").is_ok());
    }

    #[test]
    fn quantize_drops_points_that_round_together() {
        assert_eq!(
            quantize(&[(0.2, 0.2), (0.4, -0.3), (1.6, 0.0)]),
            vec![(0, 0), (2, 0)]
        );
    }
}
