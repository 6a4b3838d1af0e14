//! Records of a chunk, parsed fast where the text is plain and by `csv-core` elsewhere.
//!
//! Most records of real files are plain: cells without quotes, or quoted cells without
//! doubled quotes. For those the cells are slices of the chunk, found from a bit mask of the
//! delimiters, quotes and line ends ([`Specials`]), with no copy. Any record that is not plain (a doubled quote,
//! text after a closing quote, an unclosed quote) is parsed again from its start by
//! `csv-core`, so the records are exactly those of the `csv` crate in every case.

use super::Dialect;
use super::specials::Specials;

/// One record's place in the chunk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RecordInfo {
    /// Offset of the record in the chunk.
    pub start: usize,
    /// Line breaks before the record in the chunk (0 for the chunk's first line).
    pub line: u64,
    /// Number of cells.
    pub len: usize,
}

/// Where the cells of the current record are.
enum Cells {
    /// Ranges into the chunk.
    Slices,
    /// `csv-core` output: ends into `out`.
    Parsed,
}

/// Reads the records of one chunk.
pub(crate) struct RecordReader<'c> {
    data: &'c [u8],
    pos: usize,
    line: u64,
    fast: bool,
    delimiter: u8,
    quote: u8,
    /// Lines starting with this byte are skipped, up to the byte that ends lines.
    comment: Option<u8>,
    /// The byte that ends lines: `\n`, or `\r` in a file whose lines end with CR only.
    newline: u8,
    /// Delimiters, quotes and line ends of the chunk, for the fast path.
    specials: Specials<'c>,
    ranges: Vec<(usize, usize)>,
    cells: Cells,
    /// Built at the first record that needs it (or handed over from the previous chunk):
    /// building its tables costs more than cutting a chunk of plain records.
    core: Option<csv_core::Reader>,
    core_builder: csv_core::ReaderBuilder,
    out: Vec<u8>,
    ends: Vec<usize>,
}

enum Fast {
    Done,
    Bail,
}

impl<'c> RecordReader<'c> {
    /// A reader of `data`; `parser` is a csv-core reader built for the same dialect by an
    /// earlier [`RecordReader`] ([`into_parser`](Self::into_parser)), if any.
    pub(crate) fn new(
        dialect: &Dialect,
        data: &'c [u8],
        parser: Option<csv_core::Reader>,
    ) -> RecordReader<'c> {
        let mut builder = csv_core::ReaderBuilder::new();
        builder
            .delimiter(dialect.delimiter)
            .double_quote(dialect.double_quote)
            .escape(dialect.escape_char);
        match dialect.quote_char {
            Some(q) => builder.quote(q).quoting(true),
            None => builder.quoting(false),
        };
        // The fast path knows RFC 4180 quoting only; other dialects always use csv-core.
        let quote = dialect.quote_char.unwrap_or(b'"');
        let fast = dialect.quote_char.is_some()
            && dialect.double_quote
            && dialect.escape_char.is_none()
            && dialect.comment_char.is_none()
            && ![quote, b'\n', b'\r'].contains(&dialect.delimiter);
        RecordReader {
            data,
            pos: 0,
            line: 0,
            fast,
            delimiter: dialect.delimiter,
            quote,
            comment: dialect.comment_char,
            newline: b'\n',
            specials: Specials::new(data, dialect.delimiter, quote),
            ranges: Vec::with_capacity(64),
            cells: Cells::Slices,
            core: parser,
            core_builder: builder,
            out: Vec::with_capacity(4096),
            ends: Vec::with_capacity(64),
        }
    }

    /// For a file whose lines end with CR only (comment lines end there too).
    pub(crate) fn cr_only(mut self, cr_only: bool) -> Self {
        self.newline = if cr_only { b'\r' } else { b'\n' };
        self
    }

    /// The csv-core reader, when one was built, for the next chunk of the same dialect.
    pub(crate) fn into_parser(self) -> Option<csv_core::Reader> {
        self.core
    }

    /// The text of cell `i` of the current record.
    #[inline(always)]
    pub(crate) fn cell(&self, i: usize) -> &[u8] {
        match self.cells {
            Cells::Slices => {
                let (s, e) = self.ranges[i];
                &self.data[s..e]
            }
            Cells::Parsed => {
                let start = if i == 0 { 0 } else { self.ends[i - 1] };
                &self.out[start..self.ends[i]]
            }
        }
    }

    /// Moves to the next record. An empty line is a record without cells (`len` 0), as
    /// Python's `csv` module reads it (frictionless then reports a `blank-row`); csv-core
    /// skips them.
    pub(crate) fn next_record(&mut self) -> Option<RecordInfo> {
        loop {
            // csv-core ends a record at the CR of a CRLF and leaves its LF: not an empty line.
            if self.pos > 0
                && self.data.get(self.pos) == Some(&b'\n')
                && self.data[self.pos - 1] == b'\r'
            {
                self.line += 1;
                self.pos += 1;
            }
            if self.pos >= self.data.len() {
                return None;
            }
            let line_start = self.pos == 0 || self.data[self.pos - 1] == self.newline;
            if !line_start || self.comment != Some(self.data[self.pos]) {
                break;
            }
            // A comment line, as the chunk splitter sees it (from the start of a line to the
            // byte that ends lines), so that records do not depend on where chunks end:
            // skipped here rather than by csv-core, which also skips the empty lines after
            // one (blank rows; a chunk may start at them) and ends it at a line feed only.
            match memchr::memchr(self.newline, &self.data[self.pos..]) {
                Some(p) => {
                    self.pos += p + 1;
                    if self.newline == b'\n' {
                        self.line += 1;
                    }
                }
                None => self.pos = self.data.len(),
            }
        }
        let (start, line) = (self.pos, self.line);
        if matches!(self.data[start], b'\n' | b'\r') {
            self.pos = self.end_of_line(start);
            return Some(RecordInfo {
                start,
                line,
                len: 0,
            });
        }
        if self.fast {
            if let Fast::Done = self.fast_record() {
                self.cells = Cells::Slices;
                return Some(RecordInfo {
                    start,
                    line,
                    len: self.ranges.len(),
                });
            }
            self.pos = start;
            self.line = line;
        }
        if !self.slow_record() {
            return None;
        }
        Some(RecordInfo {
            start,
            line,
            len: self.ends.len(),
        })
    }

    /// Parses a plain record at `pos`; `Bail` leaves the record to csv-core.
    fn fast_record(&mut self) -> Fast {
        let data = self.data;
        let (delimiter, quote) = (self.delimiter, self.quote);
        self.ranges.clear();
        let mut pos = self.pos;
        loop {
            if pos < data.len() && data[pos] == quote {
                let start = pos + 1;
                // The closing quote: the next special byte that is a quote.
                let mut at = start;
                let end = loop {
                    let s = self.specials.next_from(at);
                    if s >= data.len() {
                        return Fast::Bail;
                    }
                    match data[s] {
                        b if b == quote => break s,
                        b'\n' => self.line += 1,
                        _ => {}
                    }
                    at = s + 1;
                };
                let after = end + 1;
                if after < data.len() && data[after] == quote {
                    return Fast::Bail;
                }
                self.ranges.push((start, end));
                pos = after;
                if pos >= data.len() {
                    break;
                }
                match data[pos] {
                    b if b == delimiter => pos += 1,
                    b'\n' | b'\r' => {
                        pos = self.end_of_line(pos);
                        break;
                    }
                    _ => return Fast::Bail,
                }
            } else {
                let start = pos;
                // A quote inside an unquoted cell is text (as in csv-core): look past it.
                let mut at = pos;
                pos = loop {
                    let s = self.specials.next_from(at);
                    if s < data.len() && data[s] == quote {
                        at = s + 1;
                        continue;
                    }
                    break s;
                };
                self.ranges.push((start, pos));
                if pos >= data.len() {
                    break;
                }
                if data[pos] == delimiter {
                    pos += 1;
                } else {
                    pos = self.end_of_line(pos);
                    break;
                }
            }
        }
        self.pos = pos;
        Fast::Done
    }

    /// Consumes a line terminator at `pos` (`\n`, `\r` or `\r\n`).
    fn end_of_line(&mut self, pos: usize) -> usize {
        if self.data[pos] == b'\r' {
            if pos + 1 < self.data.len() && self.data[pos + 1] == b'\n' {
                self.line += 1;
                return pos + 2;
            }
            return pos + 1;
        }
        self.line += 1;
        pos + 1
    }

    /// Parses the record at `pos` with csv-core; `false` when it finds none.
    fn slow_record(&mut self) -> bool {
        use csv_core::ReadRecordResult::*;
        let core = self.core.get_or_insert_with(|| self.core_builder.build());
        core.reset();
        self.out.clear();
        self.ends.clear();
        let start = self.pos;
        let mut nin_total = 0;
        let (mut out_len, mut ends_len) = (0, 0);
        let mut ended = false;
        if self.out.len() < 4096 {
            self.out.resize(4096, 0);
        }
        if self.ends.len() < 64 {
            self.ends.resize(64, 0);
        }
        loop {
            let input = &self.data[start + nin_total..];
            let (result, nin, nout, nend) =
                core.read_record(input, &mut self.out[out_len..], &mut self.ends[ends_len..]);
            nin_total += nin;
            out_len += nout;
            ends_len += nend;
            match result {
                InputEmpty => {
                    if start + nin_total >= self.data.len() {
                        // End of chunk: csv-core needs an empty read to finish the record.
                        let (result, _, nout, nend) = core.read_record(
                            &[],
                            &mut self.out[out_len..],
                            &mut self.ends[ends_len..],
                        );
                        out_len += nout;
                        ends_len += nend;
                        match result {
                            OutputFull => {
                                let n = self.out.len();
                                self.out.resize(n * 2, 0);
                            }
                            OutputEndsFull => {
                                let n = self.ends.len();
                                self.ends.resize(n * 2, 0);
                            }
                            End => {
                                ended = true;
                                break;
                            }
                            _ => break,
                        }
                    }
                }
                OutputFull => {
                    let n = self.out.len();
                    self.out.resize(n * 2, 0);
                }
                OutputEndsFull => {
                    let n = self.ends.len();
                    self.ends.resize(n * 2, 0);
                }
                Record => break,
                End => {
                    ended = true;
                    break;
                }
            }
        }
        // Ends are relative to the start of the record's output.
        self.ends.truncate(ends_len);
        self.out.truncate(out_len);
        let end = (start + nin_total).min(self.data.len());
        self.line += memchr::memchr_iter(b'\n', &self.data[start..end]).count() as u64;
        self.pos = end;
        self.cells = Cells::Parsed;
        !(ended && ends_len == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Records as the `csv` crate reads them.
    fn with_csv(dialect: &Dialect, data: &[u8]) -> Vec<Vec<Vec<u8>>> {
        let mut reader = dialect.reader_builder().from_reader(data);
        let mut out = Vec::new();
        let mut record = csv::ByteRecord::new();
        while reader.read_byte_record(&mut record).unwrap() {
            out.push(record.iter().map(<[u8]>::to_vec).collect());
        }
        out
    }

    /// Records as `RecordReader` reads them. Positions are checked on the way: a record
    /// starts on its first byte (not on the line end before it, where the csv crate puts
    /// it), and its line is the number of line feeds before that byte.
    fn with_reader(dialect: &Dialect, data: &[u8]) -> Vec<Vec<Vec<u8>>> {
        let mut r = RecordReader::new(dialect, data, None);
        let mut out = Vec::new();
        while let Some(info) = r.next_record() {
            if info.len == 0 {
                // An empty line, which the csv crate skips.
                assert!(matches!(data[info.start], b'\n' | b'\r'));
                continue;
            }
            assert!(!matches!(data[info.start], b'\n' | b'\r'));
            assert_eq!(
                info.line,
                data[..info.start].iter().filter(|&&b| b == b'\n').count() as u64
            );
            out.push((0..info.len).map(|i| r.cell(i).to_vec()).collect());
        }
        out
    }

    #[test]
    fn plain_and_tricky_records() {
        let d = Dialect::default();
        for data in [
            &b"a,b\n1,2\n"[..],
            b"a,b\r\n\"x\ny\",2\r\n\r\n3,\"\"\n",
            b"a,\"b\"\"c\",d\n\"ab\"cd,e\n",
            b"a,\"unclosed\nb,c",
            b"st\"ray,4\n\r\r\n,\n",
            b"x",
            b"\n\n",
        ] {
            assert_eq!(
                with_reader(&d, data),
                with_csv(&d, data),
                "{:?}",
                String::from_utf8_lossy(data)
            );
        }
    }

    /// The cell counts of the records, empty lines included.
    fn lengths(data: &[u8]) -> Vec<usize> {
        let mut r = RecordReader::new(&Dialect::default(), data, None);
        std::iter::from_fn(|| r.next_record().map(|i| i.len)).collect()
    }

    #[test]
    fn empty_lines_are_records_without_cells() {
        assert_eq!(lengths(b"a,b\n1,2\n\n3,4\n"), [2, 2, 0, 2]);
        assert_eq!(lengths(b"a,b\r\n1,2\r\n\r\n3,4\r\n"), [2, 2, 0, 2]);
        assert_eq!(lengths(b"a\r\r1\r"), [1, 0, 1]);
        assert_eq!(lengths(b"a\n\n\n"), [1, 0, 0]);
        // A record csv-core parses (doubled quote) ending with CRLF: its LF is no line.
        assert_eq!(lengths(b"\"a\"\"b\",c\r\nd\r\n"), [2, 1]);
        assert_eq!(lengths(b"\"a\"\"b\",c\r\n\r\nd"), [2, 0, 1]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn same_records_as_the_csv_crate(bytes in proptest::collection::vec(prop_oneof![
            Just(b'a'), Just(b','), Just(b';'), Just(b'"'), Just(b'\n'), Just(b'\r'), Just(b' ')
        ], 0..300), semicolon in any::<bool>()) {
            let d = Dialect { delimiter: if semicolon { b';' } else { b',' }, ..Dialect::default() };
            prop_assert_eq!(with_reader(&d, &bytes), with_csv(&d, &bytes));
        }
    }
}
