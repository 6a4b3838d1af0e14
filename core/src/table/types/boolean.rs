//! `boolean`: exact, case-sensitive match against `trueValues` / `falseValues`
//! (frictionless does not trim: `"True "` is an error).

/// Compiled boolean values.
#[derive(Clone, Debug)]
pub(crate) struct BooleanTable {
    pub true_values: Vec<String>,
    pub false_values: Vec<String>,
    /// Values of at most 8 bytes packed into integers (with their length), so that a cell
    /// is looked up by a few integer comparisons instead of string comparisons. A scan, not
    /// a hash: the lists have a handful of entries and 14 boolean columns a row (IRVE) made
    /// hashing a tenth of the casting time.
    packed: Vec<(u64, usize, bool)>,
}

/// Packs up to 8 bytes into an integer, as if copied into 8 zeroed little-endian bytes
/// (`None` for longer texts). Two overlapping fixed-size reads instead of a copy of
/// variable length: that copy was a `memcpy` call per boolean cell.
#[inline]
fn pack(text: &str) -> Option<u64> {
    let b = text.as_bytes();
    let n = b.len();
    let word = |at: usize| u64::from(u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]));
    Some(match n {
        0 => 0,
        1..=3 => {
            u64::from(b[0])
                | u64::from(b[n / 2]) << (8 * (n / 2))
                | u64::from(b[n - 1]) << (8 * (n - 1))
        }
        4..=8 => word(0) | word(n - 4) << (8 * (n - 4)),
        _ => return None,
    })
}

impl BooleanTable {
    pub(crate) const DEFAULT_TRUE: [&'static str; 4] = ["true", "True", "TRUE", "1"];
    pub(crate) const DEFAULT_FALSE: [&'static str; 4] = ["false", "False", "FALSE", "0"];

    pub(crate) fn new(true_values: Option<&[String]>, false_values: Option<&[String]>) -> Self {
        let or_default = |v: Option<&[String]>, d: &[&str]| {
            v.map(<[String]>::to_vec)
                .unwrap_or_else(|| d.iter().map(|s| (*s).to_owned()).collect())
        };
        let true_values = or_default(true_values, &Self::DEFAULT_TRUE);
        let false_values = or_default(false_values, &Self::DEFAULT_FALSE);
        let mut packed = Vec::new();
        // True values first: they win over false ones listed too, as in the slow path below.
        for (values, meaning) in [(&true_values, true), (&false_values, false)] {
            for v in values.iter() {
                if let Some(p) = pack(v) {
                    packed.push((p, v.len(), meaning));
                }
            }
        }
        BooleanTable {
            true_values,
            false_values,
            packed,
        }
    }

    pub(crate) fn parse(&self, cell: &str) -> Option<bool> {
        if let Some(key) = pack(cell) {
            // Every value of at most 8 bytes is in `packed`.
            let len = cell.len();
            return self
                .packed
                .iter()
                .find(|&&(k, l, _)| k == key && l == len)
                .map(|&(_, _, meaning)| meaning);
        }
        if self.true_values.iter().any(|v| v == cell) {
            Some(true)
        } else if self.false_values.iter().any(|v| v == cell) {
            Some(false)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same integer as copying the bytes into 8 zeroed little-endian bytes.
    #[test]
    fn packing_is_a_little_endian_copy() {
        for text in [
            "", "1", "no", "oui", "true", "False", "FALSE1", "enabled", "disabled", "été",
        ] {
            let mut buf = [0u8; 8];
            buf[..text.len()].copy_from_slice(text.as_bytes());
            assert_eq!(pack(text), Some(u64::from_le_bytes(buf)), "{text:?}");
        }
        assert_eq!(pack("123456789"), None);
    }

    #[test]
    fn defaults_and_custom_values() {
        let d = BooleanTable::new(None, None);
        assert_eq!(d.parse("TRUE"), Some(true));
        assert_eq!(d.parse("0"), Some(false));
        assert_eq!(d.parse("True "), None);
        assert_eq!(d.parse("vrai"), None);
        let both = BooleanTable::new(
            Some(&["x".into()]),
            Some(&["x".into(), "long false value".into()]),
        );
        assert_eq!(both.parse("x"), Some(true));
        assert_eq!(both.parse("long false value"), Some(false));
        let fr = BooleanTable::new(Some(&["oui".into()]), Some(&["non".into()]));
        assert_eq!(fr.parse("oui"), Some(true));
        assert_eq!(fr.parse("true"), None);
    }
}
