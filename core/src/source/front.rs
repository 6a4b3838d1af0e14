//! The sequential front of the pipeline: bytes in, decoded chunks of whole records out.
//!
//! It recognises the byte-order mark, refuses binary files, detects the delimiter, cuts
//! chunks at record boundaries, takes the encoding decision in file order and reads the
//! header. Both the file driver and the push-based stream use it, so they produce the
//! same chunks' content and the same report.

use super::{
    Bom, Dialect, EncodingState, SYNTAX_KINDS, Splitter, SyntaxIssue, SyntaxKind, Utf16Transcoder,
    binary_signature, decode_legacy, decode_mixed_mapped, detect_bom, last_record_end,
    read_retrying, records_text, sniff_delimiter, sniff_skip_initial_space,
};
use crate::error::SourceError;
use crate::options::ValidationOptions;
use crate::report::Param;
use crate::report::{Diagnostic, ErrorCode};
use crate::table::{CompiledTable, HeaderPlan, join_header_rows};
use std::collections::VecDeque;
use std::sync::Arc;

/// Bytes looked at before deciding on the BOM, delimiter and line terminator.
const SNIFF_BYTES: usize = 64 * 1024;

/// A run of whole records, decoded to UTF-8.
pub(crate) struct Chunk {
    pub index: usize,
    pub bytes: Vec<u8>,
    /// Offset of the chunk in the input.
    pub start_byte: u64,
    /// Physical line the chunk starts on (1-based).
    pub start_line: u64,
    /// Header records at the start of the chunk, to skip.
    pub skip_records: usize,
    /// The bytes were decoded from a single-byte encoding: one input byte per character,
    /// so input offsets are character counts.
    pub single_byte: bool,
    /// Where decoded offsets stop matching input offsets, in a chunk that mixes UTF-8 kept
    /// as is with decoded bytes (empty otherwise; see [`super::decode_mixed_mapped`]).
    pub shifts: Vec<super::Shift>,
    /// Lines end with a lone CR (old Mac files): the record reader counts only line feeds.
    pub cr_only: bool,
}

/// What the front learnt from the start of the input.
pub(crate) struct Setup {
    pub dialect: Dialect,
    pub plan: Arc<HeaderPlan>,
}

#[allow(clippy::large_enum_variant)] // One per run, for its whole duration.
enum Phase {
    /// Collecting the first bytes.
    Sniffing(Vec<u8>),
    Running {
        splitter: Splitter,
        transcoder: Option<Utf16Transcoder>,
    },
}

pub(crate) struct Front {
    options: Arc<ValidationOptions>,
    table: Arc<CompiledTable>,
    field_names: Vec<String>,
    phase: Phase,
    dialect: Dialect,
    newline: u8,
    pub(crate) encoding: EncodingState,
    ready: VecDeque<Chunk>,
    next_index: usize,
    /// Input bytes consumed (before decoding).
    pub(crate) bytes_in: u64,
    /// Offset and line where the next chunk starts.
    next_byte: u64,
    next_line: u64,
    header_seen: bool,
    pub(crate) setup: Option<Setup>,
    transcoded: Vec<u8>,
    /// First occurrence of each CSV syntax problem: kind, byte offset, line.
    syntax: Vec<(SyntaxKind, u64, u64)>,
    /// Number of empty labels at the end of the header.
    trailing_empty_labels: usize,
    /// Decoded bytes held back until they contain every header row: bytes, input bytes
    /// and line breaks they stand for.
    header_pending: Option<(Vec<u8>, u64, u64, bool)>,
    at_eof: bool,
    /// Syntax problems counted by block readers (see [`Front::hand_over`]).
    block_counts: [u64; SYNTAX_KINDS],
}

/// What the front hands over to block readers (see [`Front::hand_over`]).
pub(crate) struct Handoff {
    /// The chunks cut so far, in order.
    pub chunks: Vec<Chunk>,
    /// Where the next record starts: offset and line.
    pub byte: u64,
    pub line: u64,
    /// The byte that ends lines, and whether the first line ended with CRLF.
    pub newline: u8,
    pub first_crlf: Option<bool>,
}

impl Front {
    /// The next chunk for a parallel run: validated chunks' buffers (sent back on
    /// `recycled`) are taken back first, then a ready chunk is given or more input read;
    /// `None` once the input is finished (`more` turns `false` when it ends).
    pub(crate) fn next_chunk<R: std::io::Read>(
        &mut self,
        reader: &mut R,
        buf: &mut [u8],
        recycled: &std::sync::mpsc::Receiver<Vec<u8>>,
        more: &mut bool,
    ) -> Result<Option<Chunk>, SourceError> {
        loop {
            while let Ok(bytes) = recycled.try_recv() {
                self.recycle(bytes);
            }
            if let Some(chunk) = self.pop() {
                return Ok(Some(chunk));
            }
            if !*more {
                return Ok(None);
            }
            *more = self.fill(reader, buf)?;
        }
    }

    /// Reads from `reader` until the first chunk is cut (the dialect and the header are then
    /// known); with it, whether the input goes on.
    ///
    /// # Errors
    /// [`SourceError::Empty`] when the input ends before any chunk, and read errors.
    pub(crate) fn first_chunk<R: std::io::Read>(
        &mut self,
        reader: &mut R,
        buf: &mut [u8],
    ) -> Result<(Chunk, bool), SourceError> {
        let mut more = true;
        loop {
            if let Some(chunk) = self.pop() {
                return Ok((chunk, more));
            }
            if !more {
                return Err(SourceError::Empty);
            }
            more = self.fill(reader, buf)?;
        }
    }

    /// Reads until a chunk may be ready or the input ends; `false` at the end.
    pub(crate) fn fill<R: std::io::Read>(
        &mut self,
        reader: &mut R,
        buf: &mut [u8],
    ) -> Result<bool, SourceError> {
        if self.read_from(reader, buf)? == 0 {
            self.finish()?;
            return Ok(false);
        }
        Ok(true)
    }

    pub(crate) fn new(options: Arc<ValidationOptions>, table: Arc<CompiledTable>) -> Front {
        let field_names = table.fields.iter().map(|f| f.name.clone()).collect();
        Front {
            encoding: EncodingState::new(options.encoding),
            dialect: options.dialect.clone(),
            options,
            table,
            field_names,
            phase: Phase::Sniffing(Vec::new()),
            newline: b'\n',
            ready: VecDeque::new(),
            next_index: 0,
            bytes_in: 0,
            next_byte: 0,
            next_line: 1,
            header_seen: false,
            setup: None,
            transcoded: Vec::new(),
            syntax: Vec::new(),
            trailing_empty_labels: 0,
            header_pending: None,
            at_eof: false,
            block_counts: [0; SYNTAX_KINDS],
        }
    }

    /// Feeds input bytes.
    pub(crate) fn push(&mut self, data: &[u8]) -> Result<(), SourceError> {
        self.bytes_in += data.len() as u64;
        match &mut self.phase {
            Phase::Sniffing(head) => {
                head.extend_from_slice(data);
                if head.len() >= SNIFF_BYTES {
                    self.start()?;
                }
            }
            Phase::Running {
                splitter,
                transcoder,
            } => {
                match transcoder {
                    Some(t) => {
                        self.transcoded.clear();
                        t.transcode(data, false, &mut self.transcoded);
                        splitter.push(&self.transcoded);
                    }
                    None => splitter.push(data),
                }
                self.drain(false)?;
            }
        }
        Ok(())
    }

    /// Reads the next input bytes from `reader` (up to `buf.len()`), like [`push`](Self::push)
    /// but straight into the chunk buffer when no decoding stands in between; `buf` is the
    /// read buffer otherwise. Returns how many bytes were read (0 at the end of the input).
    pub(crate) fn read_from<R: std::io::Read>(
        &mut self,
        reader: &mut R,
        buf: &mut [u8],
    ) -> Result<usize, SourceError> {
        if let Phase::Running {
            splitter,
            transcoder: None,
        } = &mut self.phase
        {
            let n = splitter.read_from(reader, buf.len())?;
            self.bytes_in += n as u64;
            if n > 0 {
                self.drain(false)?;
            }
            return Ok(n);
        }
        let n = read_retrying(reader, buf)?;
        if n > 0 {
            self.push(&buf[..n])?;
        }
        Ok(n)
    }

    /// Signals the end of input.
    pub(crate) fn finish(&mut self) -> Result<(), SourceError> {
        if let Phase::Sniffing(head) = &self.phase {
            if head.is_empty() {
                return Err(SourceError::Empty);
            }
            self.start()?;
        }
        if let Phase::Running {
            splitter,
            transcoder: Some(t),
        } = &mut self.phase
        {
            self.transcoded.clear();
            t.transcode(&[], true, &mut self.transcoded);
            splitter.push(&self.transcoded);
        }
        self.at_eof = true;
        self.drain(true)?;
        self.release_header()?;
        if !self.header_seen {
            return Err(SourceError::Empty);
        }
        Ok(())
    }

    /// Hands the rest of a file over to block readers (which read it in parallel), once the
    /// start is read: the chunks cut so far and where the next record starts. The bytes read
    /// past the last cut are forgotten. `None` when the rest must be read here: the input
    /// ended, the header is not complete, or it is not plain UTF-8 so far (UTF-16, or a
    /// legacy encoding, is decoded in file order).
    pub(crate) fn hand_over(&mut self) -> Option<Handoff> {
        if self.at_eof || !self.header_seen || self.header_pending.is_some() {
            return None;
        }
        if self.encoding.utf16.is_some()
            || self.encoding.active_legacy().is_some()
            || self.encoding.first_invalid.is_some()
        {
            return None;
        }
        let Phase::Running {
            splitter,
            transcoder: None,
        } = &mut self.phase
        else {
            return None;
        };
        let first_crlf = splitter.first_crlf();
        if self.newline == b'\n' && first_crlf.is_none() {
            return None;
        }
        splitter.forget_past_cut();
        self.bytes_in = self.next_byte;
        Some(Handoff {
            chunks: self.ready.drain(..).collect(),
            byte: self.next_byte,
            line: self.next_line,
            newline: self.newline,
            first_crlf,
        })
    }

    /// Adds the syntax problems a block reader found in a block that starts on line `line`:
    /// first occurrences (kind, offset, lines before it in the block) and counts.
    pub(crate) fn add_block_syntax(
        &mut self,
        issues: &[(SyntaxKind, u64, u64)],
        counts: &[u64; SYNTAX_KINDS],
        line: u64,
    ) {
        for &(kind, byte, before) in issues {
            self.note_syntax(kind, byte, line + before);
        }
        for (total, n) in self.block_counts.iter_mut().zip(counts) {
            *total += n;
        }
    }

    /// Takes reading back at `byte`, the start of a record on line `line`, where block
    /// readers stopped (bytes that are not UTF-8, a record too long: both are dealt with
    /// in file order); `next_index` is the index of the next chunk.
    pub(crate) fn resume_at(&mut self, byte: u64, line: u64, next_index: usize) {
        self.next_byte = byte;
        self.next_line = line;
        self.bytes_in = byte;
        self.next_index = next_index;
        self.ready.clear();
    }

    /// Input bytes read: set when block readers read the rest of the input.
    pub(crate) fn set_bytes_in(&mut self, bytes: u64) {
        self.bytes_in = bytes;
    }

    /// Records the first occurrence of a syntax problem (later ones are only counted).
    fn note_syntax(&mut self, kind: SyntaxKind, byte: u64, line: u64) {
        if !self.syntax.iter().any(|&(k, ..)| k == kind) {
            self.syntax.push((kind, byte, line));
        }
    }

    /// Takes back the bytes of a validated chunk, for reuse.
    pub(crate) fn recycle(&mut self, bytes: Vec<u8>) {
        if let Phase::Running { splitter, .. } = &mut self.phase {
            splitter.recycle(bytes);
        }
    }

    /// The next decoded chunk, in file order.
    pub(crate) fn pop(&mut self) -> Option<Chunk> {
        self.ready.pop_front()
    }

    /// Decides on BOM, binary refusal, line terminator and dialect from the first bytes.
    fn start(&mut self) -> Result<(), SourceError> {
        let Phase::Sniffing(head) = std::mem::replace(&mut self.phase, Phase::Sniffing(Vec::new()))
        else {
            return Ok(());
        };
        let (bom, bom_len) = detect_bom(&head);
        let mut transcoder = None;
        let text: Vec<u8> = match bom {
            Bom::Utf16Le | Bom::Utf16Be => {
                self.encoding.utf16 = Some(bom);
                let mut t = Utf16Transcoder::new(bom);
                let mut out = Vec::new();
                t.transcode(&head[bom_len..], false, &mut out);
                transcoder = Some(t);
                out
            }
            Bom::Utf8 | Bom::None => head[bom_len..].to_vec(),
        };
        self.next_byte = bom_len as u64;
        if let Some((what, byte)) = binary_signature(&text) {
            return Err(SourceError::Binary {
                what: what.to_owned(),
                byte: byte + bom_len as u64,
            });
        }
        if memchr::memchr(b'\n', &text).is_none() && memchr::memchr(b'\r', &text).is_some() {
            self.newline = b'\r';
        }
        // A few hundred rows tell the delimiter; more only costs start-up time. Comment lines
        // are not records: their commas and semicolons must not sway the guess.
        let sample = &text[..text.len().min(16 * 1024)];
        let uncommented = self
            .dialect
            .comment_char
            .map(|c| without_comment_lines(sample, c));
        let sample = uncommented.as_deref().unwrap_or(sample);
        if self.options.sniff_delimiter {
            let names: Vec<&str> = self.field_names.iter().map(String::as_str).collect();
            self.dialect.delimiter = sniff_delimiter(sample, self.dialect.quote_char, &names);
        }
        if self.options.sniff_skip_initial_space && !self.dialect.skip_initial_space {
            let allowed: &[u8] = if self.options.sniff_delimiter {
                b",\t;|"
            } else {
                std::slice::from_ref(&self.dialect.delimiter)
            };
            self.dialect.skip_initial_space =
                sniff_skip_initial_space(sample, self.dialect.delimiter, allowed);
        }
        let mut splitter = Splitter::new(
            &self.dialect,
            self.newline,
            self.options.chunk_size,
            self.options.max_record_bytes,
        );
        splitter.push(&text);
        self.phase = Phase::Running {
            splitter,
            transcoder,
        };
        self.drain(false)
    }

    fn drain(&mut self, at_eof: bool) -> Result<(), SourceError> {
        loop {
            let Phase::Running { splitter, .. } = &mut self.phase else {
                return Ok(());
            };
            if !at_eof && !splitter.wants_cut() {
                return Ok(());
            }
            let (raw, issues, lines) = match splitter.take(at_eof) {
                Ok(Some(piece)) => piece,
                Ok(None) => return Ok(()),
                Err(_) => {
                    return Err(SourceError::RecordTooLong {
                        line: self.next_line,
                        byte: self.next_byte,
                        limit: self.options.max_record_bytes,
                    });
                }
            };
            self.locate(&raw, &issues);
            self.decode_and_queue(raw, lines)?;
        }
    }

    /// Records where the syntax problems first seen in `raw` (the next chunk) are.
    fn locate(&mut self, raw: &[u8], issues: &[SyntaxIssue]) {
        for issue in issues {
            let line = self.next_line + count_lines(&raw[..issue.pos], self.newline);
            self.note_syntax(issue.kind, self.next_byte + issue.pos as u64, line);
        }
    }

    /// Applies the encoding decision to one raw chunk of `lines` line terminators
    /// (splitting it at the record where the first non-UTF-8 byte appears) and queues the
    /// result.
    fn decode_and_queue(&mut self, raw: Vec<u8>, lines: u64) -> Result<(), SourceError> {
        if self.encoding.utf16.is_some() {
            return self.queue(raw, lines);
        }
        if let Some(legacy) = self.encoding.active_legacy() {
            let single = legacy.is_single_byte();
            let (text, shifts) = if self.options.encoding.is_some() {
                (decode_legacy(legacy, &raw), Vec::new())
            } else {
                decode_mixed_mapped(legacy, &raw)
            };
            let single = single && char_count(&text) == raw.len();
            return self.queue_decoded(text, raw.len() as u64, lines, single, shifts);
        }
        // The basic check is the faster one; only a chunk that fails it is checked again
        // for where the first invalid byte is.
        if simdutf8::basic::from_utf8(&raw).is_ok() {
            return self.queue(raw, lines);
        }
        match simdutf8::compat::from_utf8(&raw) {
            Ok(_) => self.queue(raw, lines),
            Err(e) => {
                let bad = e.valid_up_to();
                if self.options.encoding.is_some() {
                    // UTF-8 was forced: keep going with replacement characters, once warned.
                    if self.encoding.first_invalid.is_none() {
                        self.encoding.first_invalid = Some((
                            self.next_byte + bad as u64,
                            self.next_line + count_lines(&raw[..bad], self.newline),
                        ));
                    }
                    let text = String::from_utf8_lossy(&raw).into_owned().into_bytes();
                    return self.queue_decoded(text, raw.len() as u64, lines, false, Vec::new());
                }
                let cut = last_record_end(&self.dialect, self.newline, &raw[..bad]);
                let first_line = self.next_line + count_lines(&raw[..bad], self.newline);
                self.encoding.first_invalid = Some((self.next_byte + bad as u64, first_line));
                let legacy = EncodingState::choose_legacy(&raw[cut..]);
                self.encoding.legacy = Some(legacy);
                let (valid, rest) = raw.split_at(cut);
                let valid_lines = count_lines(valid, self.newline);
                if !valid.is_empty() {
                    self.queue(valid.to_vec(), valid_lines)?;
                }
                let lines = lines - valid_lines;
                let single = legacy.is_single_byte();
                let (text, shifts) = decode_mixed_mapped(legacy, rest);
                let single = single && char_count(&text) == rest.len();
                self.queue_decoded(text, rest.len() as u64, lines, single, shifts)
            }
        }
    }

    /// Queues UTF-8 `bytes` holding `lines` line terminators.
    fn queue(&mut self, bytes: Vec<u8>, lines: u64) -> Result<(), SourceError> {
        let len = bytes.len() as u64;
        self.queue_decoded(bytes, len, lines, false, Vec::new())
    }

    /// Queues decoded `bytes` standing for `raw_len` input bytes and `lines` line breaks;
    /// `shifts` maps offsets back to the input when the text is not single-byte decoded.
    fn queue_decoded(
        &mut self,
        bytes: Vec<u8>,
        raw_len: u64,
        lines: u64,
        single_byte: bool,
        shifts: Vec<super::Shift>,
    ) -> Result<(), SourceError> {
        if !self.header_seen {
            if self.header_pending.is_none() && !bytes.iter().any(|b| !b.is_ascii_whitespace()) {
                // Leading blank lines: no header yet.
                self.next_byte += raw_len;
                self.next_line += lines;
                return Ok(());
            }
            let pending = self
                .header_pending
                .get_or_insert_with(|| (Vec::new(), 0, 0, single_byte));
            // Held bytes mixing UTF-8 and decoded text have no simple offset mapping (the
            // shifts of a piece before the header are not kept: offsets in the first
            // chunk are then those of the decoded text, off by the bytes decoding added).
            pending.3 = (pending.0.is_empty() || pending.3) && single_byte;
            pending.0.extend_from_slice(&bytes);
            pending.1 += raw_len;
            pending.2 += lines;
            return self.release_header();
        }
        self.push_chunk(bytes, raw_len, lines, 0, single_byte, shifts);
        Ok(())
    }

    /// Queues the bytes held for the header once they hold every header row (or the
    /// input ended).
    fn release_header(&mut self) -> Result<(), SourceError> {
        let Some((bytes, ..)) = &self.header_pending else {
            return Ok(());
        };
        let needed = self.dialect.header_record_count();
        if needed > 1 && !self.at_eof {
            let mut reader = self.dialect.reader_builder().from_reader(bytes.as_slice());
            let mut record = csv::ByteRecord::new();
            let mut complete = 0;
            // The last record of the held bytes is whole: they end at a record boundary.
            while complete < needed && matches!(reader.read_byte_record(&mut record), Ok(true)) {
                complete += 1;
            }
            if complete < needed {
                return Ok(());
            }
        }
        let (bytes, raw_len, lines, single_byte) =
            self.header_pending.take().expect("checked above");
        self.read_header(&bytes);
        self.push_chunk(bytes, raw_len, lines, needed, single_byte, Vec::new());
        Ok(())
    }

    fn push_chunk(
        &mut self,
        bytes: Vec<u8>,
        raw_len: u64,
        lines: u64,
        skip_records: usize,
        single_byte: bool,
        shifts: Vec<super::Shift>,
    ) {
        self.ready.push_back(Chunk {
            index: self.next_index,
            bytes,
            start_byte: self.next_byte,
            start_line: self.next_line,
            skip_records,
            single_byte,
            shifts,
            cr_only: self.newline == b'\r',
        });
        self.next_index += 1;
        self.next_byte += raw_len;
        self.next_line += lines;
    }

    fn read_header(&mut self, bytes: &[u8]) {
        self.header_seen = true;
        let plan = if self.dialect.header {
            let bytes = records_text(bytes, &self.dialect);
            let labels = header_labels(&self.dialect, &bytes);
            self.trailing_empty_labels = labels
                .iter()
                .rev()
                .take_while(|l| l.trim().is_empty())
                .count();
            let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
            HeaderPlan::build(&self.table, &labels, &self.options)
        } else {
            HeaderPlan::headerless(&self.table, &self.options)
        };
        self.setup = Some(Setup {
            dialect: self.dialect.clone(),
            plan: Arc::new(plan),
        });
    }

    /// Warnings about how the input was read.
    pub(crate) fn warnings(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        if let Some(setup) = &self.setup {
            out.extend(setup.plan.warnings.iter().cloned());
        }
        if let Some((byte, line)) = self.encoding.first_invalid {
            out.push(
                Diagnostic::new(ErrorCode::EncodingWarning)
                    .at_byte(byte)
                    .with_param(Param::Encoding, self.encoding.name())
                    .with_param(Param::Line, line),
            );
            if let Some(last) = out.last_mut() {
                last.line = Some(line);
            }
        }
        // Empty labels past the schema's fields: columns a spreadsheet export dragged along.
        let label_count = self.setup.as_ref().map_or(0, |s| s.plan.column_field.len());
        let extra = label_count.saturating_sub(self.table.fields.len());
        let trailing = self.trailing_empty_labels.min(extra);
        if trailing > 0 {
            let mut d = Diagnostic::new(ErrorCode::TrailingEmptyColumns)
                .with_param(Param::Count, trailing as u64);
            d.line = Some(1);
            out.push(d);
        }
        let (mut counts, first_crlf) = match &self.phase {
            Phase::Running { splitter, .. } => (splitter.counts(), splitter.first_crlf()),
            Phase::Sniffing(_) => (Default::default(), None),
        };
        for (total, n) in counts.iter_mut().zip(self.block_counts) {
            *total += n;
        }
        for &(kind, byte, line) in &self.syntax {
            let code = match kind {
                SyntaxKind::UnclosedQuote => ErrorCode::UnclosedQuote,
                SyntaxKind::StrayQuote => ErrorCode::StrayQuote,
                SyntaxKind::SpaceAroundQuote => ErrorCode::SpaceAroundQuote,
                SyntaxKind::MixedLineEndings => ErrorCode::MixedLineEndings,
            };
            let mut d = Diagnostic::new(code)
                .at_byte(byte)
                .with_param(Param::Count, counts[kind as usize]);
            if kind == SyntaxKind::MixedLineEndings {
                let (first, other) = if first_crlf == Some(true) {
                    ("CRLF", "LF")
                } else {
                    ("LF", "CRLF")
                };
                d = d
                    .with_param(Param::First, first)
                    .with_param(Param::Other, other);
            }
            d.line = Some(line);
            out.push(d);
        }
        out
    }
}

/// The header labels: the `headerRows` records, joined cell by cell.
fn header_labels(dialect: &Dialect, bytes: &[u8]) -> Vec<String> {
    let mut reader = dialect.reader_builder().from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for n in 1..=dialect.header_record_count() {
        if !matches!(reader.read_byte_record(&mut record), Ok(true)) {
            break;
        }
        if dialect.header_rows.contains(&n) {
            rows.push(
                record
                    .iter()
                    .map(|cell| String::from_utf8_lossy(cell).into_owned())
                    .collect(),
            );
        }
    }
    join_header_rows(&dialect.header_join, rows)
}

/// Characters in UTF-8 `text` (bytes that do not continue a sequence).
/// `sample` without the lines that start with the comment character `comment`.
fn without_comment_lines(sample: &[u8], comment: u8) -> Vec<u8> {
    sample
        .split_inclusive(|b| *b == b'\n')
        .filter(|line| line.first() != Some(&comment))
        .flatten()
        .copied()
        .collect()
}

fn char_count(text: &[u8]) -> usize {
    text.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// Line endings (`newline` bytes) in `bytes`.
pub(crate) fn count_lines(bytes: &[u8], newline: u8) -> u64 {
    memchr::memchr_iter(newline, bytes).count() as u64
}
