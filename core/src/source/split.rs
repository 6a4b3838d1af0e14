//! Cutting a byte stream into chunks of whole records.
//!
//! A chunk always ends just after a record terminator that the CSV parser would also see
//! as one, so chunks can be parsed independently (in parallel) and give exactly the
//! records of a sequential parse. The scan only stops at quotes and line feeds (memchr),
//! and tracks the parser's quoting rules: a quote opens a quoted cell only at the start of
//! a cell, `""` inside a quoted cell is a literal quote, any other quote is literal.

use super::Dialect;

/// A CSV syntax problem the splitter noticed while looking for record ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SyntaxKind {
    /// A quoted cell still open at the end of the input.
    UnclosedQuote = 0,
    /// A quote inside an unquoted cell, or text right after a closing quote.
    StrayQuote = 1,
    /// Spaces between a delimiter and a quote, or between a closing quote and a delimiter.
    SpaceAroundQuote = 2,
    /// A line ending (CRLF or LF) different from the first line's.
    MixedLineEndings = 3,
}

/// Number of [`SyntaxKind`]s.
pub(crate) const SYNTAX_KINDS: usize = 4;

/// The first occurrence of a syntax problem, at `pos` bytes from the start of its chunk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SyntaxIssue {
    pub kind: SyntaxKind,
    pub pos: usize,
}

/// Incremental splitter: feed bytes, take chunks.
///
/// The same scan that finds record ends notes CSV syntax problems (it already stops at every
/// quote and line feed), so the strict pass costs nothing more on clean files. Only the
/// first occurrence of each kind is located; the others are counted.
pub(crate) struct Splitter {
    /// Input bytes `buf[..end]`; past `end`, bytes written before (a reused buffer keeps
    /// its initialised length, so reading into it does not zero it again).
    buf: Vec<u8>,
    end: usize,
    /// Bytes of `buf` already scanned.
    scanned: usize,
    /// Parser state at `scanned`: inside a quoted cell.
    in_quote: bool,
    /// Position in `buf` of the quote that opened the current quoted cell.
    open_quote: usize,
    /// End of the last complete record found in `buf` (0: none yet).
    last_boundary: usize,
    /// Line terminators in `buf[..scanned]`, and in `buf[..last_boundary]`: counted by the
    /// scan that stops at them anyway, instead of by one more pass over every chunk.
    lines: u64,
    lines_at_boundary: u64,
    /// Byte before `buf[0]` (to tell whether a quote starts a cell).
    prev_byte: u8,
    quote: Option<u8>,
    escape: Option<u8>,
    comment: Option<u8>,
    delimiter: u8,
    skip_initial_space: bool,
    newline: u8,
    chunk_size: usize,
    max_record: usize,
    /// Whether the first line ended with CRLF (`None`: no line ended yet).
    first_crlf: Option<bool>,
    /// Occurrences of each [`SyntaxKind`], and of those up to `last_boundary` (what a cut
    /// there hands on; the scan may already have gone past it).
    counts: [u64; SYNTAX_KINDS],
    counts_at_boundary: [u64; SYNTAX_KINDS],
    /// Scanning stops at the first record end at or past this offset in `buf` (a block of
    /// a file ends there, see [`Splitter::take_block`]); `usize::MAX` otherwise.
    stop_at: usize,
    /// First occurrences not yet handed out with their chunk (positions in `buf`).
    pending: Vec<SyntaxIssue>,
    /// Start of a cell written ` "like this"`, already reported: its closing quote is not
    /// reported again as stray.
    spaced_cell: Option<usize>,
    /// Buffers of validated chunks, reused for the next ones (see [`Splitter::recycle`]).
    spare: Vec<Vec<u8>>,
}

/// Most buffers kept for reuse.
const MAX_SPARE: usize = 16;

/// A record longer than the limit: no terminator within `max_record` bytes.
#[derive(Debug)]
pub(crate) struct TooLong;

/// A chunk of whole records, the first occurrences of syntax problems found in it, and
/// how many line terminators it holds.
pub(crate) type Piece = (Vec<u8>, Vec<SyntaxIssue>, u64);

fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

impl Splitter {
    pub(crate) fn new(
        dialect: &Dialect,
        newline: u8,
        chunk_size: usize,
        max_record: usize,
    ) -> Self {
        Splitter {
            buf: Vec::with_capacity(chunk_size + (chunk_size >> 2)),
            end: 0,
            scanned: 0,
            in_quote: false,
            open_quote: 0,
            last_boundary: 0,
            lines: 0,
            lines_at_boundary: 0,
            prev_byte: b'\n',
            quote: dialect.quote_char,
            escape: dialect.escape_char,
            comment: dialect.comment_char,
            delimiter: dialect.delimiter,
            skip_initial_space: dialect.skip_initial_space,
            newline,
            chunk_size,
            max_record,
            first_crlf: None,
            counts: [0; SYNTAX_KINDS],
            counts_at_boundary: [0; SYNTAX_KINDS],
            stop_at: usize::MAX,
            pending: Vec::new(),
            spaced_cell: None,
            spare: Vec::new(),
        }
    }

    /// Takes back the buffer of a chunk that was validated, to cut a later chunk into.
    /// A chunk freed by another thread goes back to the allocator, which returns the pages
    /// to the system; the next chunk then faulted them in again: 100 MB of page faults for
    /// a 500 MB file on two threads.
    pub(crate) fn recycle(&mut self, buf: Vec<u8>) {
        if self.spare.len() < MAX_SPARE && buf.capacity() >= self.chunk_size {
            self.spare.push(buf);
        }
    }

    /// Reads up to `max` input bytes from `reader` straight into the buffer (no copy from a
    /// read buffer: on a 500 MB file that copy was 3 % of a one-thread run). Returns how
    /// many were read; 0 at the end of the input.
    pub(crate) fn read_from<R: std::io::Read>(
        &mut self,
        reader: &mut R,
        max: usize,
    ) -> std::io::Result<usize> {
        // Safe Rust reads into initialised bytes only: zero the space once per buffer, not
        // once per read (the zeroing was a third of the reading thread's time).
        if self.buf.len() < self.end + max {
            self.buf.resize(self.end + max, 0);
        }
        let n = read_retrying(reader, &mut self.buf[self.end..self.end + max])?;
        self.end += n;
        Ok(n)
    }

    /// Appends input bytes.
    pub(crate) fn push(&mut self, data: &[u8]) {
        self.buf.truncate(self.end);
        self.buf.extend_from_slice(data);
        self.end = self.buf.len();
    }

    /// Whether enough is buffered to try cutting a chunk.
    pub(crate) fn wants_cut(&self) -> bool {
        self.end >= self.chunk_size
    }

    /// Occurrences of each syntax problem seen so far, indexed by [`SyntaxKind`].
    pub(crate) fn counts(&self) -> [u64; SYNTAX_KINDS] {
        self.counts
    }

    /// Whether the first line ended with CRLF (`None`: no line ended yet).
    pub(crate) fn first_crlf(&self) -> Option<bool> {
        self.first_crlf
    }

    /// Takes the next chunk. At end of input everything left is returned; otherwise a chunk
    /// is cut only once `chunk_size` bytes are buffered.
    pub(crate) fn take(&mut self, at_eof: bool) -> Result<Option<Piece>, TooLong> {
        if at_eof {
            if self.end == 0 {
                return Ok(None);
            }
            self.scan(true);
            if self.in_quote {
                self.note(SyntaxKind::UnclosedQuote, self.open_quote);
            }
            let lines = self.lines;
            self.reset_scan();
            let issues = std::mem::take(&mut self.pending);
            self.buf.truncate(self.end);
            self.end = 0;
            return Ok(Some((std::mem::take(&mut self.buf), issues, lines)));
        }
        if self.end < self.chunk_size {
            return Ok(None);
        }
        self.scan(false);
        if self.last_boundary == 0 {
            if self.end > self.max_record {
                return Err(TooLong);
            }
            return Ok(None);
        }
        let cut = self.last_boundary;
        let mut rest = self.spare.pop().unwrap_or_else(|| {
            Vec::with_capacity((self.chunk_size + (self.chunk_size >> 2)).max(self.end))
        });
        // The bytes after the cut start the next buffer (over bytes it held before).
        let left = self.end - cut;
        if rest.len() < left {
            rest.resize(left, 0);
        }
        rest[..left].copy_from_slice(&self.buf[cut..self.end]);
        self.buf.truncate(cut);
        self.end = left;
        let chunk = std::mem::replace(&mut self.buf, rest);
        self.prev_byte = chunk[cut - 1];
        self.scanned -= cut;
        if self.in_quote {
            self.open_quote -= cut;
        }
        self.last_boundary = 0;
        let lines = self.lines_at_boundary;
        self.lines -= lines;
        self.lines_at_boundary = 0;
        self.spaced_cell = None;
        let (mine, later): (Vec<_>, Vec<_>) = self.pending.drain(..).partition(|i| i.pos < cut);
        self.pending = later
            .into_iter()
            .map(|i| SyntaxIssue {
                pos: i.pos - cut,
                ..i
            })
            .collect();
        Ok(Some((chunk, mine, lines)))
    }

    /// A splitter for one block of a file that starts at a record boundary: it stops at
    /// the first record end at or past `stop_at` bytes (see [`Splitter::take_block`]).
    /// `first_crlf` is the file's first line ending, as the splitter of the file's start
    /// saw it; `buf` is a buffer to reuse.
    pub(crate) fn for_block(
        dialect: &Dialect,
        newline: u8,
        max_record: usize,
        first_crlf: Option<bool>,
        stop_at: usize,
        buf: Vec<u8>,
    ) -> Self {
        let mut s = Splitter::new(dialect, newline, 0, max_record);
        // Its bytes are kept (not cleared): they need not be zeroed again before reads.
        s.buf = buf;
        s.first_crlf = first_crlf;
        s.stop_at = stop_at;
        // The byte before a block is the line ending that starts it.
        s.prev_byte = newline;
        s
    }

    /// Bytes read so far.
    pub(crate) fn len(&self) -> usize {
        self.end
    }

    /// The block's records once its end is found: the records up to the first record end
    /// at or past `stop_at`, or at the end of the input (`at_eof`) every byte left. `None`
    /// while more bytes are needed; an error when a record is longer than the limit.
    pub(crate) fn take_block(&mut self, at_eof: bool) -> Result<Option<Piece>, TooLong> {
        self.scan(at_eof);
        if self.last_boundary > 0 && self.last_boundary >= self.stop_at {
            let cut = self.last_boundary;
            self.buf.truncate(cut);
            self.counts = self.counts_at_boundary;
            let issues = std::mem::take(&mut self.pending);
            return Ok(Some((
                std::mem::take(&mut self.buf),
                issues,
                self.lines_at_boundary,
            )));
        }
        if at_eof {
            return self.take(true);
        }
        if self.end - self.last_boundary > self.max_record {
            return Err(TooLong);
        }
        Ok(None)
    }

    /// Forgets every byte read since the last cut (someone else reads the input from
    /// there): buffered bytes, scan state, and the syntax problems seen in them. What was
    /// counted up to the cut stays, as does the first line ending.
    pub(crate) fn forget_past_cut(&mut self) {
        debug_assert_eq!(self.last_boundary, 0, "every record end found was cut");
        self.counts = self.counts_at_boundary;
        self.pending.clear();
        self.buf.truncate(self.end);
        self.buf.clear();
        self.end = 0;
        self.reset_scan();
        self.prev_byte = self.newline;
        self.spaced_cell = None;
    }

    fn reset_scan(&mut self) {
        self.scanned = 0;
        self.in_quote = false;
        self.last_boundary = 0;
        self.lines = 0;
        self.lines_at_boundary = 0;
        self.prev_byte = b'\n';
    }

    fn note(&mut self, kind: SyntaxKind, pos: usize) {
        let n = &mut self.counts[kind as usize];
        *n += 1;
        if *n == 1 {
            self.pending.push(SyntaxIssue { kind, pos });
        }
    }

    fn byte_before(&self, pos: usize) -> u8 {
        if pos == 0 {
            self.prev_byte
        } else {
            self.buf[pos - 1]
        }
    }

    fn ends_cell(&self, b: u8) -> bool {
        b == self.delimiter || b == b'\n' || b == b'\r'
    }

    /// Whether a quote at `pos` (outside a quoted cell) starts a quoted cell.
    fn opens_cell(&self, pos: usize) -> bool {
        let mut p = pos;
        loop {
            let before = self.byte_before(p);
            if self.ends_cell(before) {
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

    /// Notes whether the line ending at `at` (a line feed) agrees with the first one.
    fn check_line_ending(&mut self, at: usize) {
        if self.newline != b'\n' {
            return;
        }
        let crlf = self.byte_before(at) == b'\r';
        match self.first_crlf {
            None => self.first_crlf = Some(crlf),
            Some(first) if first != crlf => self.note(SyntaxKind::MixedLineEndings, at),
            Some(_) => {}
        }
    }

    /// Classifies a quote at `at` (outside a quoted cell) that does not open a cell.
    fn stray_quote(&mut self, at: usize) {
        let mut p = at;
        while p > 0 && is_blank(self.buf[p - 1]) {
            p -= 1;
        }
        if p < at && self.ends_cell(self.byte_before(p)) {
            self.note(SyntaxKind::SpaceAroundQuote, p);
            self.spaced_cell = Some(at);
            return;
        }
        if let Some(start) = self.spaced_cell.take()
            && start < at
            && memchr::memchr3(self.delimiter, b'\n', b'\r', &self.buf[start..at]).is_none()
        {
            // The closing quote of the cell reported above.
            return;
        }
        self.note(SyntaxKind::StrayQuote, at);
    }

    /// Notes a record end at `at`; whether scanning stops there (a block's last record).
    fn boundary(&mut self, at: usize) -> bool {
        self.last_boundary = at;
        self.lines_at_boundary = self.lines;
        self.counts_at_boundary = self.counts;
        at >= self.stop_at
    }

    /// Scans from `scanned` to the end of the buffer (or a block's end, see `stop_at`).
    /// Without `at_eof`, stops before a quote whose meaning depends on bytes not received
    /// yet.
    fn scan(&mut self, at_eof: bool) {
        let end = self.end;
        let Some(quote) = self.quote else {
            let span = &self.buf[self.scanned..end];
            // A stream cuts at the last record end; a block at its first one past `stop_at`.
            let (found, upto) = if self.stop_at == usize::MAX {
                (memchr::memrchr(self.newline, span), span.len())
            } else {
                let from = (self.stop_at.saturating_sub(1).max(self.scanned) - self.scanned)
                    .min(span.len());
                match memchr::memchr(self.newline, &span[from..]) {
                    Some(p) => (Some(from + p), from + p + 1),
                    None => (None, span.len()),
                }
            };
            self.lines += memchr::memchr_iter(self.newline, &span[..upto]).count() as u64;
            if let Some(p) = found {
                self.boundary(self.scanned + p + 1);
            }
            self.scanned += upto;
            return;
        };
        let mut i = self.scanned;
        while i < end {
            if self.in_quote {
                // Line breaks inside a quoted cell are lines of the file too: stop at them
                // as well (they are rare) rather than count them in a second pass.
                let Some(p) = memchr::memchr2(quote, self.newline, &self.buf[i..end]) else {
                    i = end;
                    break;
                };
                let q = i + p;
                if self.buf[q] != quote {
                    self.lines += 1;
                    i = q + 1;
                    continue;
                }
                if self.escaped(q) {
                    i = q + 1;
                    continue;
                }
                if q + 1 >= end {
                    if at_eof {
                        self.in_quote = false;
                        i = end;
                        break;
                    }
                    // Cannot tell a closing quote from a doubled one yet: wait for more input.
                    i = q;
                    break;
                }
                if self.buf[q + 1] == quote {
                    i = q + 2;
                    continue;
                }
                // A closing quote: what follows should end the cell.
                if !self.ends_cell(self.buf[q + 1]) {
                    let mut j = q + 1;
                    while j < end && is_blank(self.buf[j]) {
                        j += 1;
                    }
                    if j >= end && !at_eof {
                        i = q;
                        break;
                    }
                    if j >= end || self.ends_cell(self.buf[j]) {
                        self.note(SyntaxKind::SpaceAroundQuote, q + 1);
                    } else {
                        self.note(SyntaxKind::StrayQuote, q + 1);
                    }
                }
                self.in_quote = false;
                i = q + 1;
            } else {
                if let Some(c) = self.comment
                    && self.buf[i] == c
                    && self.byte_before(i) == self.newline
                {
                    // A comment line: its quotes mean nothing.
                    match memchr::memchr(self.newline, &self.buf[i..end]) {
                        Some(p) => {
                            self.lines += 1;
                            i += p + 1;
                            if self.boundary(i) {
                                break;
                            }
                            continue;
                        }
                        None if at_eof => {
                            i = end;
                            break;
                        }
                        None => break,
                    }
                }
                let Some(p) = memchr::memchr2(quote, self.newline, &self.buf[i..end]) else {
                    i = end;
                    break;
                };
                let at = i + p;
                if self.buf[at] == self.newline {
                    self.lines += 1;
                    self.check_line_ending(at);
                    if self.boundary(at + 1) {
                        i = at + 1;
                        break;
                    }
                } else if self.opens_cell(at) {
                    self.in_quote = true;
                    self.open_quote = at;
                } else {
                    self.stray_quote(at);
                }
                i = at + 1;
            }
        }
        self.scanned = i;
    }
}

/// `reader.read(buf)`, again when a signal interrupted it.
pub(crate) fn read_retrying<R: std::io::Read>(
    reader: &mut R,
    buf: &mut [u8],
) -> std::io::Result<usize> {
    loop {
        match reader.read(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

/// End of the last complete record in `data` (0 when there is none), with the same
/// quoting rules as [`Splitter`].
pub(crate) fn last_record_end(dialect: &Dialect, newline: u8, data: &[u8]) -> usize {
    let mut s = Splitter::new(dialect, newline, 0, usize::MAX);
    s.push(data);
    s.scan(false);
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
            while let Some((c, _, lines)) = s.take(false).unwrap() {
                assert_eq!(lines, line_feeds(&c));
                out.push(c);
            }
        }
        if let Some((c, _, lines)) = s.take(true).unwrap() {
            assert_eq!(lines, line_feeds(&c));
            out.push(c);
        }
        out
    }

    /// Line feeds in `chunk`, counted the plain way (what the scan's count must equal).
    fn line_feeds(chunk: &[u8]) -> u64 {
        chunk.iter().filter(|&&b| b == b'\n').count() as u64
    }

    fn records(data: &[u8]) -> Vec<csv::ByteRecord> {
        Dialect::default()
            .reader_builder()
            .from_reader(data)
            .byte_records()
            .map(Result::unwrap)
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// Whatever the bytes (stray and unclosed quotes, line breaks inside quoted cells,
        /// CRLF), the chunk size and the pieces fed, the chunks put back together are the
        /// input and each chunk's line count is its line feeds (`split_all` checks it).
        #[test]
        fn chunks_cover_the_input_and_count_its_lines(
            bytes in proptest::collection::vec(proptest::prop_oneof![
                proptest::strategy::Just(b'a'), proptest::strategy::Just(b','),
                proptest::strategy::Just(b'"'), proptest::strategy::Just(b'\n'),
                proptest::strategy::Just(b'\r'), proptest::strategy::Just(b' ')
            ], 0..400),
            chunk in 1usize..64,
            feed in 1usize..50,
        ) {
            proptest::prop_assert_eq!(split_all(&bytes, chunk, feed).concat(), bytes);
        }
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

    /// A block ends at its first record end at or past `stop_at`, with or without quoting;
    /// one whose input ends first (a file that shrank) gives what there is.
    #[test]
    fn a_block_ends_at_its_first_record_end_past_its_end() {
        let unquoted = Dialect {
            quote_char: None,
            ..Dialect::default()
        };
        for dialect in [Dialect::default(), unquoted] {
            let mut s = Splitter::for_block(&dialect, b'\n', 1 << 20, Some(false), 6, Vec::new());
            s.push(b"ab,c\nde,f\ngh,i\n");
            let (block, _, lines) = s.take_block(false).unwrap().unwrap();
            assert_eq!((block.as_slice(), lines), (&b"ab,c\nde,f\n"[..], 2));
            let mut s = Splitter::for_block(&dialect, b'\n', 1 << 20, Some(false), 50, Vec::new());
            s.push(b"ab,c\nde");
            assert!(s.take_block(false).unwrap().is_none());
            let (block, _, lines) = s.take_block(true).unwrap().unwrap();
            assert_eq!((block.as_slice(), lines), (&b"ab,c\nde"[..], 1));
        }
    }

    #[test]
    fn too_long_record_is_refused() {
        let mut s = Splitter::new(&Dialect::default(), b'\n', 4, 16);
        s.push(b"\"never closed,and on and on and on");
        assert!(s.take(false).is_err());
    }
}
