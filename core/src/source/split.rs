//! Cutting a byte stream into chunks of whole records.
//!
//! A chunk always ends just after a record terminator that the CSV parser would also see
//! as one, so chunks can be parsed independently (in parallel) and give exactly the
//! records of a sequential parse. The scan only stops at quotes and line feeds (memchr),
//! and tracks the parser's quoting rules: a quote opens a quoted cell only at the start of
//! a cell, `""` inside a quoted cell is a literal quote, any other quote is literal.

use super::Dialect;

/// Incremental splitter: feed bytes, take chunks.
pub(crate) struct Splitter {
    buf: Vec<u8>,
    /// Bytes of `buf` already scanned.
    scanned: usize,
    /// Parser state at `scanned`: inside a quoted cell.
    in_quote: bool,
    /// End of the last complete record found in `buf` (0: none yet).
    last_boundary: usize,
    /// Byte before `buf[0]` (to tell whether a quote starts a cell).
    prev_byte: u8,
    quote: Option<u8>,
    escape: Option<u8>,
    delimiter: u8,
    skip_initial_space: bool,
    newline: u8,
    chunk_size: usize,
    max_record: usize,
}

/// A record longer than the limit: no terminator within `max_record` bytes.
#[derive(Debug)]
pub(crate) struct TooLong;

impl Splitter {
    pub(crate) fn new(
        dialect: &Dialect,
        newline: u8,
        chunk_size: usize,
        max_record: usize,
    ) -> Self {
        Splitter {
            buf: Vec::with_capacity(chunk_size + (chunk_size >> 2)),
            scanned: 0,
            in_quote: false,
            last_boundary: 0,
            prev_byte: b'\n',
            quote: dialect.quote_char,
            escape: dialect.escape_char,
            delimiter: dialect.delimiter,
            skip_initial_space: dialect.skip_initial_space,
            newline,
            chunk_size,
            max_record,
        }
    }

    /// Appends input bytes.
    pub(crate) fn push(&mut self, data: &[u8]) {
        self.buf.extend_from_slice(data);
    }

    /// Whether enough is buffered to try cutting a chunk.
    pub(crate) fn wants_cut(&self) -> bool {
        self.buf.len() >= self.chunk_size
    }

    /// Takes the next chunk. At end of input everything left is returned; otherwise a chunk
    /// is cut only once `chunk_size` bytes are buffered.
    pub(crate) fn take(&mut self, at_eof: bool) -> Result<Option<Vec<u8>>, TooLong> {
        if at_eof {
            if self.buf.is_empty() {
                return Ok(None);
            }
            self.reset_scan();
            return Ok(Some(std::mem::take(&mut self.buf)));
        }
        if self.buf.len() < self.chunk_size {
            return Ok(None);
        }
        self.scan(self.chunk_size);
        if self.last_boundary == 0 {
            if self.buf.len() > self.max_record {
                return Err(TooLong);
            }
            return Ok(None);
        }
        let cut = self.last_boundary;
        let rest = self.buf.split_off(cut);
        let chunk = std::mem::replace(&mut self.buf, rest);
        self.prev_byte = chunk[cut - 1];
        self.scanned -= cut;
        self.last_boundary = 0;
        Ok(Some(chunk))
    }

    fn reset_scan(&mut self) {
        self.scanned = 0;
        self.in_quote = false;
        self.last_boundary = 0;
        self.prev_byte = b'\n';
    }

    fn byte_before(&self, pos: usize) -> u8 {
        if pos == 0 {
            self.prev_byte
        } else {
            self.buf[pos - 1]
        }
    }

    /// Whether a quote at `pos` (outside a quoted cell) starts a quoted cell.
    fn opens_cell(&self, pos: usize) -> bool {
        let mut p = pos;
        loop {
            let before = self.byte_before(p);
            if before == self.delimiter || before == b'\n' || before == b'\r' {
                return true;
            }
            if self.skip_initial_space && before == b' ' && p > 0 {
                p -= 1;
                continue;
            }
            return false;
        }
    }

    /// Whether the quote at `pos` (inside a quoted cell) is escaped by `escapeChar`.
    fn escaped(&self, pos: usize) -> bool {
        let Some(esc) = self.escape else { return false };
        let run = self.buf[..pos]
            .iter()
            .rev()
            .take_while(|&&b| b == esc)
            .count();
        run % 2 == 1
    }

    /// Scans for record ends, stopping at the first one past `limit` (so that one large
    /// read still gives chunks of about `chunk_size`, which bounds read-ahead).
    fn scan(&mut self, limit: usize) {
        let end = self.buf.len();
        let Some(quote) = self.quote else {
            let upto = limit.clamp(self.scanned, end);
            if let Some(p) = memchr::memrchr(self.newline, &self.buf[self.scanned..upto]) {
                self.last_boundary = self.scanned + p + 1;
                self.scanned = upto;
            } else if let Some(p) = memchr::memchr(self.newline, &self.buf[upto..]) {
                self.last_boundary = upto + p + 1;
                self.scanned = self.last_boundary;
            } else {
                self.scanned = end;
            }
            return;
        };
        let mut i = self.scanned;
        while i < end && (i < limit || self.last_boundary == 0) {
            if self.in_quote {
                let Some(p) = memchr::memchr(quote, &self.buf[i..end]) else {
                    i = end;
                    break;
                };
                let q = i + p;
                if self.escaped(q) {
                    i = q + 1;
                    continue;
                }
                if q + 1 >= end {
                    // Cannot tell a closing quote from a doubled one yet: wait for more input.
                    i = q;
                    break;
                }
                if self.buf[q + 1] == quote {
                    i = q + 2;
                } else {
                    self.in_quote = false;
                    i = q + 1;
                }
            } else {
                let Some(p) = memchr::memchr2(quote, self.newline, &self.buf[i..end]) else {
                    i = end;
                    break;
                };
                let at = i + p;
                if self.buf[at] == self.newline {
                    self.last_boundary = at + 1;
                } else if self.opens_cell(at) {
                    self.in_quote = true;
                }
                i = at + 1;
            }
        }
        self.scanned = i;
    }
}

/// End of the last complete record in `data` (0 when there is none), with the same
/// quoting rules as [`Splitter`].
pub(crate) fn last_record_end(dialect: &Dialect, newline: u8, data: &[u8]) -> usize {
    let mut s = Splitter::new(dialect, newline, 0, usize::MAX);
    s.push(data);
    s.scan(usize::MAX);
    s.last_boundary
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_all(data: &[u8], chunk: usize, feed: usize) -> Vec<Vec<u8>> {
        let mut s = Splitter::new(&Dialect::default(), b'\n', chunk, 1 << 20);
        let mut out = Vec::new();
        for piece in data.chunks(feed) {
            s.push(piece);
            while let Some(c) = s.take(false).unwrap() {
                out.push(c);
            }
        }
        if let Some(c) = s.take(true).unwrap() {
            out.push(c);
        }
        out
    }

    fn records(data: &[u8]) -> Vec<csv::ByteRecord> {
        Dialect::default()
            .reader_builder()
            .from_reader(data)
            .byte_records()
            .map(Result::unwrap)
            .collect()
    }

    #[test]
    fn chunks_hold_whole_records() {
        let data = b"a,b\n\"x\ny\",2\n\"q\"\"\n\",3\nst\"ray,\"4\n5\"\n6,7\n";
        let whole = records(data);
        for chunk in 1..data.len() {
            for feed in [1, 2, 3, 7] {
                let pieces = split_all(data, chunk, feed);
                assert_eq!(pieces.concat(), data.to_vec());
                let mut got = Vec::new();
                for p in &pieces {
                    got.extend(records(p));
                }
                assert_eq!(got, whole, "chunk {chunk} feed {feed}");
            }
        }
    }

    #[test]
    fn one_big_read_gives_chunks_of_about_chunk_size() {
        let data = b"a,\"b\nc\"\n".repeat(1000);
        for quote in [Some(b'"'), None] {
            let d = Dialect {
                quote_char: quote,
                ..Dialect::default()
            };
            let mut s = Splitter::new(&d, b'\n', 100, 1 << 20);
            s.push(&data);
            let mut sizes = Vec::new();
            while let Some(c) = s.take(false).unwrap() {
                sizes.push(c.len());
            }
            assert!(sizes.len() > 50, "{quote:?}: {sizes:?}");
            assert!(sizes.iter().all(|&n| n <= 110), "{quote:?}: {sizes:?}");
        }
    }

    #[test]
    fn too_long_record_is_refused() {
        let mut s = Splitter::new(&Dialect::default(), b'\n', 4, 16);
        s.push(b"\"never closed,and on and on and on");
        assert!(s.take(false).is_err());
    }
}
