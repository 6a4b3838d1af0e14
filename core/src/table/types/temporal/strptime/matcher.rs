//! The backtracking matcher: finds the fields of a cell in the order CPython's regex
//! engine would, and stops at the first match.

use super::directives::{FIELD_COUNT, Field, Pattern};
use super::is_py_space;
use crate::table::types::temporal::cursor::two_digits;

#[derive(Clone, Copy, Debug)]
pub(super) enum Item {
    /// A literal character, matched case-insensitively (CPython compiles with IGNORECASE).
    Literal(char),
    /// A run of whitespace in the format, matching `\s+`.
    Whitespace,
    Field(Field),
}

/// Byte span of each field in the input, indexed by `Field as usize`.
pub(super) type Spans = [(usize, usize); FIELD_COUNT];

/// Possible lengths of a field at some position, in the order Python's regex tries them.
pub(super) struct Candidates {
    lengths: [usize; 12],
    count: usize,
}

impl Candidates {
    fn push(&mut self, length: usize) {
        // Saturating: no pattern produces more than 12 candidates, but never panic.
        if self.count < self.lengths.len() {
            self.lengths[self.count] = length;
            self.count += 1;
        }
    }

    fn as_slice(&self) -> &[usize] {
        &self.lengths[..self.count]
    }
}

/// Backtracking matcher: returns the end of the FIRST match found in Python's regex order.
/// Like `re.match` followed by CPython's "unconverted data remains" check, it does not look for
/// a longer match when the first one leaves characters over.
pub(super) fn match_items(
    items: &[Item],
    s: &str,
    mut pos: usize,
    spans: &mut Spans,
) -> Option<usize> {
    let mut items = items;
    // Literals never branch: consume them iteratively (keeps recursion shallow).
    while let Some((Item::Literal(expected), rest)) = items.split_first() {
        let actual = s[pos..].chars().next()?;
        if !chars_eq_ignore_case(*expected, actual) {
            return None;
        }
        pos += actual.len_utf8();
        items = rest;
    }
    let Some((item, rest)) = items.split_first() else {
        return Some(pos);
    };
    match *item {
        Item::Literal(_) => None, // consumed by the loop above
        Item::Whitespace => match_whitespace(rest, s, pos, spans),
        Item::Field(field) => {
            let candidates = field_candidates(field, &s.as_bytes()[pos..]);
            for &length in candidates.as_slice() {
                spans[field as usize] = (pos, pos + length);
                // Field matches are ASCII, so `pos + length` is a char boundary.
                if let Some(end) = match_items(rest, s, pos + length, spans) {
                    return Some(end);
                }
            }
            None
        }
    }
}

/// `\s+` is greedy: try the whole whitespace run first, then give characters back.
fn match_whitespace(rest: &[Item], s: &str, pos: usize, spans: &mut Spans) -> Option<usize> {
    let tail = &s[pos..];
    let run = tail.find(|c| !is_py_space(c)).unwrap_or(tail.len());
    for (start, c) in tail[..run].char_indices().rev() {
        if let Some(end) = match_items(rest, s, pos + start + c.len_utf8(), spans) {
            return Some(end);
        }
    }
    None
}

/// Case-insensitive character comparison (approximates Python's `re.IGNORECASE`).
fn chars_eq_ignore_case(a: char, b: char) -> bool {
    a == b || a.to_lowercase().eq(b.to_lowercase())
}

fn field_candidates(field: Field, input: &[u8]) -> Candidates {
    let mut candidates = Candidates {
        lengths: [0; 12],
        count: 0,
    };
    match field.pattern() {
        Pattern::Alternatives(alternatives) => {
            for alternative in alternatives {
                let fits = alternative.len() <= input.len()
                    && alternative
                        .iter()
                        .zip(input)
                        .all(|(&(lo, hi), &b)| (lo..=hi).contains(&b));
                if fits {
                    candidates.push(alternative.len());
                }
            }
        }
        Pattern::Names(names) => {
            for name in names {
                if input
                    .get(..name.len())
                    .is_some_and(|prefix| prefix.eq_ignore_ascii_case(name.as_bytes()))
                {
                    candidates.push(name.len());
                }
            }
        }
        Pattern::Offset => offset_candidates(input, &mut candidates),
    }
    candidates
}

/// Candidates of `%z`: `[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z)`, in regex order.
/// Each `:?` is deterministic here (a colon can never start `[0-5]\d`).
fn offset_candidates(input: &[u8], candidates: &mut Candidates) {
    if input.first() == Some(&b'Z') {
        candidates.push(1);
        return;
    }
    let minute_at = |i: usize| matches!(input.get(i..i + 2), Some([b'0'..=b'5', b'0'..=b'9']));
    if !matches!(input.first(), Some(b'+' | b'-')) || two_digits(&input[1..]).is_none() {
        return;
    }
    let mut pos = 3;
    if input.get(pos) == Some(&b':') && minute_at(pos + 1) {
        pos += 1;
    }
    if !minute_at(pos) {
        return;
    }
    pos += 2;
    let mut seconds_at = pos;
    if input.get(seconds_at) == Some(&b':') && minute_at(seconds_at + 1) {
        seconds_at += 1;
    }
    if minute_at(seconds_at) {
        let after_seconds = seconds_at + 2;
        if input.get(after_seconds) == Some(&b'.') {
            let digits = input[after_seconds + 1..]
                .iter()
                .take(6)
                .take_while(|b| b.is_ascii_digit())
                .count();
            for n in (1..=digits).rev() {
                candidates.push(after_seconds + 1 + n);
            }
        }
        candidates.push(after_seconds);
    }
    candidates.push(pos);
}
