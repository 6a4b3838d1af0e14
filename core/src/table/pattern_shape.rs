//! Patterns that are a fixed-length run of ASCII classes (`\d{14}`, `[A-Z]{2}\d{3}`,
//! `FR\d{11}`), checked without a regex engine: a length test, then one table lookup per
//! byte, none of them waiting for the previous one (a DFA walk is a chain of dependent
//! loads). SIRET, SIREN, postal and INSEE codes of the catalogue are written this way.

use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// Bytes allowed at one position.
type ByteSet = [bool; 256];

/// A whole-value pattern that is a fixed sequence of byte classes, valid for ASCII cells.
pub(crate) struct FixedShape {
    /// Classes in order, each with how many bytes it spans.
    pieces: Vec<(Box<ByteSet>, usize)>,
    /// Sum of the spans: the only length that can match.
    len: usize,
}

impl FixedShape {
    /// The shape of `anchored` (a pattern already wrapped in `^(?:…)$`), or `None` when it
    /// is not a fixed run of ASCII classes (alternation, variable repetition, inner anchor).
    pub(crate) fn of(anchored: &str) -> Option<FixedShape> {
        let hir = regex_syntax::ParserBuilder::new()
            .unicode(false)
            .utf8(false)
            .build()
            .parse(anchored)
            .ok()?;
        let mut atoms = Vec::new();
        flatten(&hir, &mut atoms);
        // Anchors at the edges are implied by a whole-value match; anywhere else they are not
        // a fixed shape.
        let first = atoms
            .iter()
            .position(|h| !matches!(h.kind(), HirKind::Look(Look::Start)))?;
        let last = atoms
            .iter()
            .rposition(|h| !matches!(h.kind(), HirKind::Look(Look::End)))?;
        let mut pieces = Vec::new();
        for atom in atoms.get(first..=last)? {
            piece(atom, &mut pieces)?;
        }
        let len = pieces.iter().map(|(_, n)| n).sum();
        Some(FixedShape { pieces, len })
    }

    /// Whether `bytes` match. `false` for a non-ASCII cell may be wrong under Unicode
    /// semantics (`\d` matches `٣`): callers ask a Unicode engine then.
    #[inline]
    pub(crate) fn is_match(&self, bytes: &[u8]) -> bool {
        if bytes.len() != self.len {
            return false;
        }
        let mut rest = bytes;
        for (set, n) in &self.pieces {
            let (here, after) = rest.split_at(*n);
            if !here.iter().fold(true, |ok, &b| ok & set[b as usize]) {
                return false;
            }
            rest = after;
        }
        true
    }
}

/// The items of nested concatenations and groups, in order.
fn flatten<'h>(hir: &'h Hir, out: &mut Vec<&'h Hir>) {
    match hir.kind() {
        HirKind::Concat(items) => items.iter().for_each(|h| flatten(h, out)),
        HirKind::Capture(c) => flatten(&c.sub, out),
        _ => out.push(hir),
    }
}

/// Appends the pieces of one atom; `None` if it has no fixed length or a non-ASCII class.
fn piece(atom: &Hir, pieces: &mut Vec<(Box<ByteSet>, usize)>) -> Option<()> {
    match atom.kind() {
        HirKind::Empty => {}
        HirKind::Literal(lit) => {
            for &b in lit.0.iter() {
                pieces.push((single_byte_set(b)?, 1));
            }
        }
        HirKind::Class(_) => pieces.push((class_set(atom)?, 1)),
        HirKind::Repetition(r) if r.max == Some(r.min) => {
            let set = match r.sub.kind() {
                HirKind::Literal(lit) if lit.0.len() == 1 => single_byte_set(lit.0[0])?,
                HirKind::Class(_) => class_set(&r.sub)?,
                HirKind::Capture(c) => match c.sub.kind() {
                    HirKind::Class(_) => class_set(&c.sub)?,
                    _ => return None,
                },
                _ => return None,
            };
            if r.min > 0 {
                pieces.push((set, r.min as usize));
            }
        }
        _ => return None,
    }
    Some(())
}

fn single_byte_set(b: u8) -> Option<Box<ByteSet>> {
    if !b.is_ascii() {
        return None;
    }
    let mut set = Box::new([false; 256]);
    set[b as usize] = true;
    Some(set)
}

/// The ASCII bytes of a class (`None` if it holds any other byte: the shape only ever
/// answers for ASCII cells, and such a class would need Unicode care).
fn class_set(atom: &Hir) -> Option<Box<ByteSet>> {
    let mut set = Box::new([false; 256]);
    let ranges: Vec<(u32, u32)> = match atom.kind() {
        HirKind::Class(Class::Bytes(c)) => c
            .ranges()
            .iter()
            .map(|r| (u32::from(r.start()), u32::from(r.end())))
            .collect(),
        HirKind::Class(Class::Unicode(c)) => c
            .ranges()
            .iter()
            .map(|r| (u32::from(r.start()), u32::from(r.end())))
            .collect(),
        _ => return None,
    };
    for (lo, hi) in ranges {
        if hi > 0x7f {
            return None;
        }
        for b in lo..=hi {
            set[b as usize] = true;
        }
    }
    Some(set)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn shape(pattern: &str) -> Option<FixedShape> {
        FixedShape::of(&format!("^(?:{pattern})$"))
    }

    #[test]
    fn fixed_runs_of_classes_have_a_shape() {
        for p in [
            r"\d{14}",
            r"^\d{9}$",
            r"[0-9]{5}",
            r"[A-Z]{2}\d{3}",
            r"FR\d{11}",
            r"(\d{2})-(\d{2})",
            r"(?i)ab\d",
            r"x{0}y",
        ] {
            assert!(shape(p).is_some(), "{p}");
        }
        for p in [
            r"\d+",
            r"\d{2,3}",
            r"ab|c",
            r"([013-9]\d|2[AB1-9])\d{3}",
            r"a^b",
            r"\bx",
            r"[a-zé]",
            r".",
            r"[^,]",
        ] {
            assert!(shape(p).is_none(), "{p}");
        }
    }

    #[test]
    fn matches_like_the_regex_engine_on_ascii() {
        let s = shape(r"[A-Z]{2}\d{3}").unwrap();
        assert!(s.is_match(b"AB123"));
        assert!(!s.is_match(b"AB12"));
        assert!(!s.is_match(b"ab123"));
        assert!(!s.is_match(b"AB1234"));
        assert!(!shape(r"\d{3}").unwrap().is_match("1٣3".as_bytes()));
    }

    proptest! {
        #[test]
        fn agrees_with_regex_on_ascii_cells(
            cell in "[0-9A-Za-z .-]{0,12}",
            pattern in prop_oneof![
                Just(r"\d{5}"), Just(r"[A-Z]{2}\d{3}"), Just(r"(?i)fr\d{3}"),
                Just(r"\d{2}\.\d{2}"), Just(r"[ -.]{3}"), Just(r"\w{4}"), Just(r"\s\w{2}"),
            ],
        ) {
            let anchored = format!("^(?:{pattern})$");
            let re = regex::Regex::new(&anchored).unwrap();
            let s = FixedShape::of(&anchored).unwrap();
            prop_assert_eq!(s.is_match(cell.as_bytes()), re.is_match(&cell), "{} on {:?}", pattern, cell);
        }
    }
}
