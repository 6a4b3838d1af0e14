//! Random strings matching a regular expression, for `pattern` constraints.
//!
//! Walks the pattern's syntax tree: literals are copied, classes give one of their
//! characters (ASCII ones preferred, so `\d` gives `0`–`9`), repetitions a random count
//! (unbounded ones at most a few more than their minimum), alternations a random branch.
//! Anchors and word boundaries produce nothing. The caller checks the result against the
//! real pattern and retries when a look-around made it miss.

use super::rng::Rng;
use regex_syntax::hir::{Class, Hir, HirKind};

/// Extra repetitions allowed beyond the minimum of `*`, `+` and `{n,}`.
const UNBOUNDED_EXTRA: u32 = 4;

/// A compiled generator for one pattern.
pub(crate) struct RegexGen {
    hir: Hir,
}

impl RegexGen {
    /// `None` when the pattern uses syntax the `regex` parser does not know (backreferences):
    /// the caller then falls back to the field's example.
    pub(crate) fn new(pattern: &str) -> Option<RegexGen> {
        regex_syntax::parse(pattern)
            .ok()
            .map(|hir| RegexGen { hir })
    }

    pub(crate) fn generate(&self, rng: &mut Rng) -> String {
        let mut out = String::new();
        walk(&self.hir, rng, &mut out);
        out
    }
}

fn pick_char(class: &Class, rng: &mut Rng) -> Option<char> {
    match class {
        Class::Unicode(c) => {
            // Printable ASCII when the class has some (`.` or `[^,]` span all of Unicode,
            // control characters included), else the class's first characters.
            let printable: Vec<(u32, u32)> = c
                .ranges()
                .iter()
                .filter_map(|r| {
                    let (lo, hi) = (u32::from(r.start()).max(0x20), u32::from(r.end()).min(0x7e));
                    (lo <= hi).then_some((lo, hi))
                })
                .collect();
            let (lo, hi) = match printable.as_slice() {
                [] => {
                    let r = c.ranges().first()?;
                    let lo = u32::from(r.start());
                    (lo, u32::from(r.end()).min(lo + 0xff))
                }
                some => *rng.pick(some),
            };
            char::from_u32(lo + rng.below(u64::from(hi - lo + 1)) as u32)
        }
        Class::Bytes(c) => {
            let r = c.ranges().first()?;
            Some(char::from(
                r.start() + rng.below(u64::from(r.end() - r.start()) + 1) as u8,
            ))
        }
    }
}

fn walk(hir: &Hir, rng: &mut Rng, out: &mut String) {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => {}
        HirKind::Literal(lit) => out.push_str(&String::from_utf8_lossy(&lit.0)),
        HirKind::Class(class) => {
            if let Some(c) = pick_char(class, rng) {
                out.push(c);
            }
        }
        HirKind::Repetition(rep) => {
            let max = rep
                .max
                .unwrap_or(rep.min + UNBOUNDED_EXTRA)
                .min(rep.min + 40);
            // Half the time the minimum: repeated groups often hold anchors (`(^a|,b)+`)
            // that only a single pass satisfies.
            let count = if rng.chance(0.5) {
                rep.min
            } else {
                rep.min + rng.below(u64::from(max - rep.min) + 1) as u32
            };
            for _ in 0..count {
                walk(&rep.sub, rng, out);
            }
        }
        HirKind::Capture(cap) => walk(&cap.sub, rng, out),
        HirKind::Concat(items) => {
            for item in items {
                walk(item, rng, out);
            }
        }
        HirKind::Alternation(branches) => walk(rng.pick(branches), rng, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_strings_match_their_pattern() {
        let mut rng = Rng::new(7);
        for pattern in [
            r"\d{14}",
            r"([013-9]\d|2[AB1-9])\d{3}",
            r"FR[A-Z0-9]{3}P[A-Z0-9]{4}",
            r"(?:(?:^|,)(^[A-Z]{2}[A-Z0-9]{4,33}$|Non concerné))+$",
            r"[a-z]+(-[a-z]+)*@[a-z]+\.fr",
        ] {
            let re = regex::Regex::new(&format!("^(?:{pattern})$")).unwrap();
            let g = RegexGen::new(pattern).unwrap();
            let hits = (0..50)
                .filter(|_| re.is_match(&g.generate(&mut rng)))
                .count();
            // The generator's caller retries; a third of hits is plenty.
            assert!(
                hits >= 17,
                "{pattern}: only {hits}/50 generated strings match"
            );
        }
    }
}
