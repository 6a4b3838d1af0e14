//! A block's result as bytes, for workers that share no memory with the merging side
//! (browser Workers): a compact binary form, written by the worker and read back by the
//! coordinator of the same engine build.
//!
//! Numbers are little-endian, texts are a length and UTF-8 bytes. A block of valid rows
//! mostly carries key values (about 60 bytes each), which a text format would multiply and
//! make slow to read on the one merging side; diagnostics are rarer, and their parameters
//! (any JSON value) travel as JSON text.

use super::blocks::{BlockDone, BlockFacts};
use super::chunk::ChunkResult;
use crate::report::{Diagnostic, ErrorCode, Param, Params, RowSample};
use crate::source::blocks::BlockError;
use crate::source::{SYNTAX_KINDS, SyntaxKind};
use crate::table::row::{KeyHit, RowOutput};

/// Bytes that are not a block result of this engine build.
#[derive(Debug, thiserror::Error)]
#[error(
    "a block result could not be read ({0}): it is damaged, or comes from another version of the engine"
)]
pub struct WireError(&'static str);

impl WireError {
    pub(crate) fn new(what: &'static str) -> WireError {
        WireError(what)
    }
}

/// Written first: a result from another build is refused rather than misread.
const MAGIC: &[u8; 8] = b"cfblk001";

const OK: u8 = 0;
const IO: u8 = 1;
const TOO_LONG: u8 = 2;
const NOT_UTF8: u8 = 3;

/// `done` as bytes.
pub(crate) fn encode(done: &BlockDone) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(256));
    w.0.extend_from_slice(MAGIC);
    w.u64(done.to);
    w.u64(done.start);
    match &done.outcome {
        Ok((facts, result)) => {
            w.u8(OK);
            w.u64(facts.end);
            w.u64(facts.lines);
            w.len(facts.issues.len());
            for &(kind, byte, before) in &facts.issues {
                w.u8(kind as u8);
                w.u64(byte);
                w.u64(before);
            }
            for &n in &facts.counts {
                w.u64(n);
            }
            w.u64(result.rows);
            output(&mut w, &result.output);
        }
        Err(BlockError::Io(e)) => {
            w.u8(IO);
            w.str(&e.to_string());
        }
        Err(BlockError::TooLong) => w.u8(TOO_LONG),
        Err(BlockError::NotUtf8) => w.u8(NOT_UTF8),
    }
    w.0
}

/// The block result `bytes` hold.
pub(crate) fn decode(bytes: &[u8]) -> Result<BlockDone, WireError> {
    let mut r = Reader(bytes);
    if r.take(MAGIC.len())? != MAGIC {
        return Err(WireError("unknown header"));
    }
    let to = r.u64()?;
    let start = r.u64()?;
    let outcome = match r.u8()? {
        OK => {
            let end = r.u64()?;
            let lines = r.u64()?;
            let n = r.len()?;
            let mut issues = Vec::with_capacity(n.min(SYNTAX_KINDS));
            for _ in 0..n {
                issues.push((syntax_kind(r.u8()?)?, r.u64()?, r.u64()?));
            }
            let mut counts = [0; SYNTAX_KINDS];
            for c in &mut counts {
                *c = r.u64()?;
            }
            let rows = r.u64()?;
            let result = ChunkResult {
                index: 0,
                line_base: 0,
                rows,
                output: read_output(&mut r)?,
            };
            Ok((
                BlockFacts {
                    end,
                    lines,
                    issues,
                    counts,
                },
                result,
            ))
        }
        IO => Err(BlockError::Io(std::io::Error::other(r.str()?))),
        TOO_LONG => Err(BlockError::TooLong),
        NOT_UTF8 => Err(BlockError::NotUtf8),
        _ => return Err(WireError("unknown outcome")),
    };
    if !r.0.is_empty() {
        return Err(WireError("bytes past the end"));
    }
    Ok(BlockDone { to, start, outcome })
}

fn syntax_kind(b: u8) -> Result<SyntaxKind, WireError> {
    Ok(match b {
        0 => SyntaxKind::UnclosedQuote,
        1 => SyntaxKind::StrayQuote,
        2 => SyntaxKind::SpaceAroundQuote,
        3 => SyntaxKind::MixedLineEndings,
        _ => return Err(WireError("unknown syntax problem")),
    })
}

fn output(w: &mut Writer, out: &RowOutput) {
    w.len(out.errors.len());
    out.errors.iter().for_each(|d| diagnostic(w, d));
    w.len(out.warnings.len());
    out.warnings.iter().for_each(|d| diagnostic(w, d));
    w.u64(out.warning_count);
    w.len(out.samples.len());
    for s in &out.samples {
        w.u64(s.row);
        w.u64(s.line);
        w.len(s.cells.len());
        s.cells.iter().for_each(|c| w.str(c));
    }
    w.len(out.keys.len());
    for k in &out.keys {
        w.u64(k.local_row);
        w.u64(k.line);
        w.u64(k.byte);
        w.0.extend_from_slice(&k.spec.to_le_bytes());
        w.0.extend_from_slice(&k.hash.to_le_bytes());
        w.u8(k.null as u8);
        w.0.extend_from_slice(&k.text.0.to_le_bytes());
        w.0.extend_from_slice(&k.text.1.to_le_bytes());
    }
    w.str(&out.arena);
}

fn read_output(r: &mut Reader) -> Result<RowOutput, WireError> {
    let mut out = RowOutput::default();
    let n = r.len()?;
    out.errors = (0..n)
        .map(|_| read_diagnostic(r))
        .collect::<Result<_, _>>()?;
    let n = r.len()?;
    out.warnings = (0..n)
        .map(|_| read_diagnostic(r))
        .collect::<Result<_, _>>()?;
    out.warning_count = r.u64()?;
    let n = r.len()?;
    for _ in 0..n {
        let row = r.u64()?;
        let line = r.u64()?;
        let cells = (0..r.len()?)
            .map(|_| r.str().map(str::to_owned))
            .collect::<Result<_, _>>()?;
        out.samples.push(RowSample { row, line, cells });
    }
    let n = r.len()?;
    out.keys.reserve_exact(n);
    for _ in 0..n {
        out.keys.push(KeyHit {
            local_row: r.u64()?,
            line: r.u64()?,
            byte: r.u64()?,
            spec: u16::from_le_bytes(r.array()?),
            hash: u128::from_le_bytes(r.array()?),
            null: r.u8()? != 0,
            text: (
                u32::from_le_bytes(r.array()?),
                u32::from_le_bytes(r.array()?),
            ),
        });
    }
    out.arena = r.str()?.to_owned();
    // The merge slices the arena with these.
    if out.keys.iter().any(|k| {
        let (start, len) = (k.text.0 as usize, k.text.1 as usize);
        out.arena.get(start..start.saturating_add(len)).is_none()
    }) {
        return Err(WireError("a key text outside its arena"));
    }
    Ok(out)
}

fn diagnostic(w: &mut Writer, d: &Diagnostic) {
    w.str(d.code.as_str());
    for n in [d.row, d.line, d.byte, d.field_number.map(|n| n as u64)] {
        w.opt_u64(n);
    }
    for s in [&d.field_name, &d.cell] {
        w.opt_str(s.as_deref());
    }
    w.str(&d.message);
    w.len(d.params.len());
    for (name, value) in d.params.iter() {
        w.str(name.as_str());
        w.str(&value.to_string());
    }
}

fn read_diagnostic(r: &mut Reader) -> Result<Diagnostic, WireError> {
    let code = ErrorCode::from_name(r.str()?).ok_or(WireError("unknown error code"))?;
    let mut d = Diagnostic::new(code);
    d.row = r.opt_u64()?;
    d.line = r.opt_u64()?;
    d.byte = r.opt_u64()?;
    d.field_number = r
        .opt_u64()?
        .map(|n| usize::try_from(n).map_err(|_| WireError("a column number too large")))
        .transpose()?;
    d.field_name = r.opt_str()?.map(str::to_owned);
    d.cell = r.opt_str()?.map(str::to_owned);
    d.message = r.str()?.to_owned();
    let n = r.len()?;
    let mut params = Params::new();
    for _ in 0..n {
        let name: Param = r
            .str()?
            .parse()
            .map_err(|_| WireError("unknown parameter"))?;
        let value: serde_json::Value =
            serde_json::from_str(r.str()?).map_err(|_| WireError("a parameter is not JSON"))?;
        params.insert(name, value);
    }
    d.params = params;
    Ok(d)
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, b: u8) {
        self.0.push(b);
    }

    fn u64(&mut self, n: u64) {
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    fn len(&mut self, n: usize) {
        self.u64(n as u64);
    }

    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }

    fn opt_u64(&mut self, n: Option<u64>) {
        match n {
            Some(n) => {
                self.u8(1);
                self.u64(n);
            }
            None => self.u8(0),
        }
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
            None => self.u8(0),
        }
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], WireError> {
        if n > self.0.len() {
            return Err(WireError("cut short"));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], WireError> {
        Ok(self.take(N)?.try_into().expect("took N bytes"))
    }

    fn u8(&mut self) -> Result<u8, WireError> {
        Ok(self.take(1)?[0])
    }

    fn u64(&mut self) -> Result<u64, WireError> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    /// A count; never more than the bytes left (each item takes at least one), so a
    /// damaged count cannot make the reader reserve memory it does not need.
    fn len(&mut self) -> Result<usize, WireError> {
        let n = self.u64()?;
        usize::try_from(n)
            .ok()
            .filter(|&n| n <= self.0.len())
            .ok_or(WireError("a count larger than the bytes left"))
    }

    fn str(&mut self) -> Result<&'a str, WireError> {
        let n = self.len()?;
        std::str::from_utf8(self.take(n)?).map_err(|_| WireError("a text is not UTF-8"))
    }

    fn opt_u64(&mut self) -> Result<Option<u64>, WireError> {
        match self.u8()? {
            0 => Ok(None),
            1 => self.u64().map(Some),
            _ => Err(WireError("a bad option tag")),
        }
    }

    fn opt_str(&mut self) -> Result<Option<&'a str>, WireError> {
        match self.u8()? {
            0 => Ok(None),
            1 => self.str().map(Some),
            _ => Err(WireError("a bad option tag")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::row::KeyHit;

    fn sample() -> BlockDone {
        let mut d = Diagnostic::new(ErrorCode::ALL[0]).at_row(3, 4).at_byte(99);
        d.field_name = Some("prix".to_owned());
        d.cell = Some("1,5 €".to_owned());
        d.message = "pas un nombre".to_owned();
        d.params
            .insert(Param::TrueValues, serde_json::json!(["oui", "vrai"]));
        d.params.insert(Param::Constraint, "minimum");
        let mut output = RowOutput::default();
        output.errors.push(d.clone());
        output.warnings.push(d);
        output.warning_count = 7;
        output.samples.push(RowSample {
            row: 1,
            line: 2,
            cells: vec!["a".to_owned(), "é".to_owned()],
        });
        output.arena = "clé".to_owned();
        output.keys.push(KeyHit {
            local_row: 5,
            line: 6,
            byte: 7,
            spec: 1,
            hash: u128::MAX - 3,
            null: true,
            text: (0, 4),
        });
        BlockDone {
            to: 1000,
            start: 10,
            outcome: Ok((
                BlockFacts {
                    end: 1010,
                    lines: 12,
                    issues: vec![(SyntaxKind::StrayQuote, 20, 1)],
                    counts: [0, 2, 0, 1],
                },
                ChunkResult {
                    index: 0,
                    line_base: 0,
                    rows: 11,
                    output,
                },
            )),
        }
    }

    #[test]
    fn a_block_result_reads_back_as_written() {
        let done = sample();
        let back = decode(&encode(&done)).unwrap();
        assert_eq!((back.to, back.start), (1000, 10));
        let (Ok((facts, result)), Ok((want_facts, want))) = (back.outcome, done.outcome) else {
            panic!("outcomes differ");
        };
        assert_eq!(facts.end, want_facts.end);
        assert_eq!(facts.lines, want_facts.lines);
        assert_eq!(facts.issues, want_facts.issues);
        assert_eq!(facts.counts, want_facts.counts);
        assert_eq!(result.rows, want.rows);
        let (got, want) = (result.output, want.output);
        assert_eq!(got.errors, want.errors);
        assert_eq!(got.warnings, want.warnings);
        assert_eq!(got.warning_count, 7);
        assert_eq!(got.samples, want.samples);
        assert_eq!(got.arena, want.arena);
        let (k, w) = (&got.keys[0], &want.keys[0]);
        assert_eq!(
            (k.local_row, k.line, k.byte, k.spec, k.hash, k.null, k.text),
            (w.local_row, w.line, w.byte, w.spec, w.hash, w.null, w.text)
        );
    }

    #[test]
    fn failures_read_back_as_written() {
        for error in [
            BlockError::TooLong,
            BlockError::NotUtf8,
            BlockError::Io(std::io::Error::other("disque illisible")),
        ] {
            let text = format!("{error:?}");
            let done = BlockDone {
                to: 5,
                start: 1,
                outcome: Err(error),
            };
            let back = decode(&encode(&done)).unwrap();
            let Err(e) = back.outcome else {
                panic!("a failure reads back as a success")
            };
            match e {
                BlockError::Io(e) => assert_eq!(e.to_string(), "disque illisible"),
                other => assert_eq!(format!("{other:?}"), text),
            }
        }
    }

    /// Damaged bytes are refused with an error, never a panic nor a huge allocation.
    #[test]
    fn damaged_results_are_refused() {
        let bytes = encode(&sample());
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_err());
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..5000 {
            let mut damaged = bytes.clone();
            for _ in 0..3 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let at = (state % damaged.len() as u64) as usize;
                damaged[at] = (state >> 40) as u8;
            }
            let _ = decode(&damaged);
        }
    }
}
