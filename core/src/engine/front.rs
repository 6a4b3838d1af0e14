//! The sequential front of the pipeline: bytes in, decoded chunks of whole records out.
//!
//! It recognises the byte-order mark, refuses binary files, detects the delimiter, cuts
//! chunks at record boundaries, takes the encoding decision in file order and reads the
//! header. Both the file driver and the push-based stream use it, so they produce the
//! same chunks' content and the same report.

use super::ValidationOptions;
use crate::error::SourceError;
use crate::report::{Diagnostic, ErrorCode};
use crate::source::{
    Bom, Dialect, EncodingState, Splitter, Utf16Transcoder, binary_signature, decode_legacy,
    detect_bom, last_record_end, sniff_delimiter,
};
use crate::table::{CompiledTable, HeaderPlan};
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
    /// The chunk starts with the header record.
    pub has_header: bool,
}

/// What the front learnt from the start of the input.
pub(crate) struct Setup {
    pub dialect: Dialect,
    pub plan: Arc<HeaderPlan>,
}

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
}

impl Front {
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
        self.drain(true)?;
        if !self.header_seen {
            return Err(SourceError::Empty);
        }
        Ok(())
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
        if self.options.sniff_delimiter {
            let names: Vec<&str> = self.field_names.iter().map(String::as_str).collect();
            // A few hundred rows tell the delimiter; more only costs start-up time.
            let sample = &text[..text.len().min(16 * 1024)];
            self.dialect.delimiter = sniff_delimiter(sample, self.dialect.quote_char, &names);
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
            let raw = match splitter.take(at_eof) {
                Ok(Some(raw)) => raw,
                Ok(None) => return Ok(()),
                Err(_) => {
                    return Err(SourceError::RecordTooLong {
                        line: self.next_line,
                        byte: self.next_byte,
                        limit: self.options.max_record_bytes,
                    });
                }
            };
            self.decode_and_queue(raw)?;
        }
    }

    /// Applies the encoding decision to one raw chunk (splitting it at the record where
    /// the first non-UTF-8 byte appears) and queues the result.
    fn decode_and_queue(&mut self, raw: Vec<u8>) -> Result<(), SourceError> {
        if self.encoding.utf16.is_some() {
            return self.queue(raw);
        }
        if let Some(legacy) = self.encoding.active_legacy() {
            let lines = count_lines(&raw, self.newline);
            return self.queue_decoded(decode_legacy(legacy, &raw), raw.len() as u64, lines);
        }
        match simdutf8::compat::from_utf8(&raw) {
            Ok(_) => self.queue(raw),
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
                    let lines = count_lines(&raw, self.newline);
                    let text = String::from_utf8_lossy(&raw).into_owned().into_bytes();
                    return self.queue_decoded(text, raw.len() as u64, lines);
                }
                let cut = last_record_end(&self.dialect, self.newline, &raw[..bad]);
                let first_line = self.next_line + count_lines(&raw[..bad], self.newline);
                self.encoding.first_invalid = Some((self.next_byte + bad as u64, first_line));
                let legacy = EncodingState::choose_legacy(&raw[cut..]);
                self.encoding.legacy = Some(legacy);
                let (valid, rest) = raw.split_at(cut);
                if !valid.is_empty() {
                    self.queue(valid.to_vec())?;
                }
                let lines = count_lines(rest, self.newline);
                self.queue_decoded(decode_legacy(legacy, rest), rest.len() as u64, lines)
            }
        }
    }

    fn queue(&mut self, bytes: Vec<u8>) -> Result<(), SourceError> {
        let len = bytes.len() as u64;
        let lines = count_lines(&bytes, self.newline);
        self.queue_decoded(bytes, len, lines)
    }

    /// Queues decoded `bytes` standing for `raw_len` input bytes and `lines` line breaks.
    fn queue_decoded(
        &mut self,
        bytes: Vec<u8>,
        raw_len: u64,
        lines: u64,
    ) -> Result<(), SourceError> {
        let has_header = !self.header_seen;
        if has_header {
            if !bytes.iter().any(|b| !b.is_ascii_whitespace()) {
                // Leading blank lines: no header yet.
                self.next_byte += raw_len;
                self.next_line += lines;
                return Ok(());
            }
            self.read_header(&bytes);
        }
        self.ready.push_back(Chunk {
            index: self.next_index,
            bytes,
            start_byte: self.next_byte,
            start_line: self.next_line,
            has_header: has_header && self.dialect.header,
        });
        self.next_index += 1;
        self.next_byte += raw_len;
        self.next_line += lines;
        Ok(())
    }

    fn read_header(&mut self, bytes: &[u8]) {
        self.header_seen = true;
        let plan = if self.dialect.header {
            let mut reader = self.dialect.reader_builder().from_reader(bytes);
            let mut record = csv::ByteRecord::new();
            let _ = reader.read_byte_record(&mut record);
            let labels: Vec<String> = record
                .iter()
                .map(|l| String::from_utf8_lossy(l).into_owned())
                .collect();
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
                    .with_param("encoding", self.encoding.name())
                    .with_param("line", line),
            );
            if let Some(last) = out.last_mut() {
                last.line = Some(line);
            }
        }
        out
    }
}

fn count_lines(bytes: &[u8], newline: u8) -> u64 {
    memchr::memchr_iter(newline, bytes).count() as u64
}
