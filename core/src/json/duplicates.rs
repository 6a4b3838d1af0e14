//! Keys given twice in one JSON object (`{"a": 1, "a": 2}`). The JSON reader, like every
//! JSON Schema validator, keeps the last value and drops the first without a word: what
//! was checked is then not what the file's author wrote. Each such key becomes a
//! `duplicate-key` warning with its line and column.
//!
//! The check is a byte scanner fed with what the validator reads ([`DuplicateCheck`]), so
//! it costs one more pass over bytes already in memory, and no tree: each open object keeps
//! the 128-bit hashes of its keys, dropped when the object closes.

use crate::report::Param;
use crate::report::{Diagnostic, ErrorCode};
use std::collections::HashSet;
use std::io::Read;
use xxhash_rust::xxh3::Xxh3;

/// Duplicate keys reported one by one; past them the last warning counts the rest.
pub(crate) const DUPLICATE_KEYS_LISTED: usize = 100;

enum Frame {
    Object {
        keys: HashSet<u128>,
        /// The next string is a key (after `{` or `,`).
        expect_key: bool,
    },
    Array,
}

/// One key seen twice.
#[derive(Debug, PartialEq)]
struct Duplicate {
    key: String,
    line: u64,
    column: u64,
}

/// The scanner: feed it bytes in order with [`DuplicateKeys::feed`].
#[derive(Default)]
pub(crate) struct DuplicateKeys {
    stack: Vec<Frame>,
    in_string: bool,
    escape: bool,
    /// The string being read is a key.
    in_key: bool,
    hasher: Option<Xxh3>,
    /// The key's first bytes, for the message.
    shown: Vec<u8>,
    key_at: (u64, u64),
    line: u64,
    line_start: u64,
    offset: u64,
    started: bool,
    found: Vec<Duplicate>,
    more: u64,
}

impl DuplicateKeys {
    /// Scans the next bytes of the document.
    pub(crate) fn feed(&mut self, mut bytes: &[u8]) {
        if !self.started {
            self.started = true;
            self.line = 1;
            if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
                bytes = rest;
            }
        }
        for &b in bytes {
            self.byte(b);
            self.offset += 1;
            if b == b'\n' {
                self.line += 1;
                self.line_start = self.offset;
            }
        }
    }

    fn byte(&mut self, b: u8) {
        if self.in_string {
            if self.in_key && (b != b'"' || self.escape) {
                if self.shown.len() < 4 * crate::limits::QUOTED_TEXT_CHARS {
                    self.shown.push(b);
                }
                if let Some(h) = &mut self.hasher {
                    h.update(&[b]);
                }
            }
            if self.escape {
                self.escape = false;
            } else if b == b'\\' {
                self.escape = true;
            } else if b == b'"' {
                self.in_string = false;
                if self.in_key {
                    self.end_key();
                }
            }
            return;
        }
        match b {
            b'"' => {
                self.in_string = true;
                self.in_key = matches!(
                    self.stack.last(),
                    Some(Frame::Object {
                        expect_key: true,
                        ..
                    })
                );
                if self.in_key {
                    self.hasher = Some(Xxh3::new());
                    self.shown.clear();
                    self.key_at = (self.line, self.offset - self.line_start + 1);
                }
            }
            b'{' => self.stack.push(Frame::Object {
                keys: HashSet::new(),
                expect_key: true,
            }),
            b'[' => self.stack.push(Frame::Array),
            b'}' | b']' => {
                self.stack.pop();
            }
            b',' => {
                if let Some(Frame::Object { expect_key, .. }) = self.stack.last_mut() {
                    *expect_key = true;
                }
            }
            _ => {}
        }
    }

    fn end_key(&mut self) {
        self.in_key = false;
        let hash = self.hasher.take().map_or(0, |h| h.digest128());
        let Some(Frame::Object { keys, expect_key }) = self.stack.last_mut() else {
            return;
        };
        *expect_key = false;
        if keys.insert(hash) {
            return;
        }
        if self.found.len() < DUPLICATE_KEYS_LISTED {
            let key = String::from_utf8_lossy(&self.shown);
            self.found.push(Duplicate {
                key: cut(&key),
                line: self.key_at.0,
                column: self.key_at.1,
            });
        } else {
            self.more += 1;
        }
    }

    /// The warnings: one per duplicate key, the last one counting those not listed.
    pub(crate) fn warnings(self) -> Vec<Diagnostic> {
        let last = self.found.len().saturating_sub(1);
        let more = self.more;
        self.found
            .into_iter()
            .enumerate()
            .map(|(i, dup)| {
                let mut d = Diagnostic::new(ErrorCode::DuplicateKey)
                    .with_param(Param::Key, dup.key)
                    .with_param(Param::Column, dup.column);
                d.line = Some(dup.line);
                if i == last && more > 0 {
                    d = d.with_param(Param::Count, more + 1);
                }
                d
            })
            .collect()
    }
}

/// `text` cut to [`QUOTED_TEXT_CHARS`](crate::limits::QUOTED_TEXT_CHARS) characters.
fn cut(text: &str) -> String {
    let limit = crate::limits::QUOTED_TEXT_CHARS;
    match text.char_indices().nth(limit) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// A reader that shows every byte it gives to a [`DuplicateKeys`] scanner.
pub(crate) struct DuplicateCheck<'s, R> {
    inner: R,
    scanner: &'s mut DuplicateKeys,
}

impl<'s, R> DuplicateCheck<'s, R> {
    pub(crate) fn new(inner: R, scanner: &'s mut DuplicateKeys) -> Self {
        DuplicateCheck { inner, scanner }
    }
}

impl<R: Read> Read for DuplicateCheck<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.scanner.feed(&buf[..n]);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, u64, u64)> {
        let mut s = DuplicateKeys::default();
        // Fed in small pieces: a key cut between two reads is still one key.
        for piece in text.as_bytes().chunks(3) {
            s.feed(piece);
        }
        s.found
            .into_iter()
            .map(|d| (d.key, d.line, d.column))
            .collect()
    }

    #[test]
    fn keys_twice_in_one_object() {
        assert_eq!(
            found("{\"a\": 1,\n \"b\": {\"a\": 2, \"c\": [\"a\", \"a\"]},\n \"a\": 3}"),
            vec![("a".to_owned(), 3, 2)]
        );
        assert_eq!(
            found(r#"[{"k": 1, "k": 2}, {"k": 1}]"#),
            vec![("k".to_owned(), 1, 11)]
        );
        // Values equal to keys, escaped quotes, and keys of sibling objects are not
        // duplicates.
        assert!(found(r#"{"a": "a", "b": "x\"a", "c": {"a": 1}, "d": {"a": 1}}"#).is_empty());
        assert_eq!(
            found(r#"{"a\"b": 1, "a\"b": 2}"#),
            vec![(r#"a\"b"#.to_owned(), 1, 13)]
        );
    }

    #[test]
    fn many_duplicates_are_counted_past_the_list() {
        let mut text = String::from("{\"k\": 0");
        for i in 0..150 {
            text.push_str(&format!(", \"k\": {i}"));
        }
        text.push('}');
        let mut s = DuplicateKeys::default();
        s.feed(text.as_bytes());
        let warnings = s.warnings();
        assert_eq!(warnings.len(), DUPLICATE_KEYS_LISTED);
        assert_eq!(warnings.last().unwrap().params[Param::Count], 51);
    }
}
