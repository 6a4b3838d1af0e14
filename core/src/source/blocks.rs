//! Reading a file in blocks, each block by the worker that validates it: positioned reads
//! (no shared cursor, no copy by a reading thread), record ends found in the block, the
//! UTF-8 check done there too. The thread that merges results then only chains blocks.
//!
//! A block is a byte range `[from, to)` of the file; its records are those that start in
//! it. The block guesses that it starts just after the first line ending at or past `from`
//! (that line ending might be inside a quoted cell) and ends at the first record end at or
//! past `to`, found by scanning from its start. Blocks are checked in file order: a block
//! whose start is where the block before it ended guessed right (the scan from a true
//! record start is the sequential scan), any other is read again from the right place.

use super::front::count_lines;
use super::{Dialect, SYNTAX_KINDS, Splitter, SyntaxKind};

/// Bytes read at a time past a block's end, looking for the end of its last record.
const TAIL_READ: usize = 16 * 1024;

/// Bytes read at a time looking for the first line ending of a block.
const LINE_READ: usize = 4 * 1024;

/// Input read at any offset: a file on disk, bytes in memory, a browser `Blob` read by a
/// Worker. Blocks are read through it, so that several readers share one input without a
/// shared cursor.
///
/// ```
/// use conforme::source::ReadAt;
/// let bytes: &[u8] = b"a,b\n1,2\n";
/// let mut buf = [0u8; 3];
/// assert_eq!(bytes.read_at(&mut buf, 4).unwrap(), 3);
/// assert_eq!(&buf, b"1,2");
/// ```
pub trait ReadAt {
    /// Reads up to `buf.len()` bytes at `offset`; fewer only at the end of the input
    /// (0 past it).
    fn read_at(&self, buf: &mut [u8], offset: u64) -> std::io::Result<usize>;
}

impl ReadAt for [u8] {
    fn read_at(&self, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
        let from = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.len());
        let n = buf.len().min(self.len() - from);
        buf[..n].copy_from_slice(&self[from..from + n]);
        Ok(n)
    }
}

/// Positioned reads (`pread`, `seek_read`): the file's own cursor, shared by every thread,
/// is left alone.
#[cfg(any(unix, windows))]
impl ReadAt for std::fs::File {
    fn read_at(&self, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
        loop {
            #[cfg(unix)]
            let outcome = std::os::unix::fs::FileExt::read_at(self, buf, offset);
            #[cfg(windows)]
            let outcome = std::os::windows::fs::FileExt::seek_read(self, buf, offset);
            match outcome {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                other => return other,
            }
        }
    }
}

/// How to read the blocks of one input.
pub(crate) struct BlockReader<'a, R: ReadAt + ?Sized> {
    pub input: &'a R,
    /// The file's length when reading started: a block never reads past it.
    pub len: u64,
    pub dialect: &'a Dialect,
    /// The byte that ends lines (`\n`, or `\r` in old Mac files).
    pub newline: u8,
    /// The file's first line ending, as the reader of its start saw it (mixed line endings
    /// are told against it).
    pub first_crlf: Option<bool>,
    pub max_record: usize,
}

/// The records of one block, read and found to be UTF-8.
pub(crate) struct Block {
    /// Offset of its first record in the file.
    pub start: u64,
    /// Offset just past its last record.
    pub end: u64,
    pub bytes: Vec<u8>,
    /// Line terminators in `bytes`.
    pub lines: u64,
    /// First occurrence in this block of each syntax problem found: kind, offset in the
    /// file, line terminators before it in the block.
    pub issues: Vec<(SyntaxKind, u64, u64)>,
    /// Occurrences of each syntax problem in the block.
    pub counts: [u64; SYNTAX_KINDS],
}

/// Why a block was not read: the last two are for the sequential reader, which reports a
/// record longer than the limit and decodes bytes that are not UTF-8 in file order.
#[derive(Debug)]
pub(crate) enum BlockError {
    Io(std::io::Error),
    /// A record longer than the limit starts in the block.
    TooLong,
    /// The block's records are not all UTF-8.
    NotUtf8,
}

impl From<std::io::Error> for BlockError {
    fn from(e: std::io::Error) -> Self {
        BlockError::Io(e)
    }
}

impl<R: ReadAt + ?Sized> BlockReader<'_, R> {
    /// Reads the block `[from, to)`; `exact` when `from` is known to start a record (else
    /// the block starts after the first line ending at or past `from`). `buf` is reused.
    pub(crate) fn read(
        &self,
        from: u64,
        to: u64,
        exact: bool,
        buf: Vec<u8>,
    ) -> Result<Block, BlockError> {
        let start = if exact { from } else { self.line_start(from)? };
        let to = to.min(self.len);
        if start >= to {
            // No record starts in the block: the next one starts at the same line ending.
            let mut bytes = buf;
            bytes.clear();
            return Ok(Block {
                start,
                end: start,
                bytes,
                lines: 0,
                issues: Vec::new(),
                counts: [0; SYNTAX_KINDS],
            });
        }
        let stop_at = (to - start) as usize;
        let mut splitter = Splitter::for_block(
            self.dialect,
            self.newline,
            self.max_record,
            self.first_crlf,
            stop_at,
            buf,
        );
        let mut want = stop_at;
        let (bytes, issues, lines) = loop {
            let at = start + splitter.len() as u64;
            let want_now = want.min((self.len - at) as usize);
            let mut reader = Positioned {
                input: self.input,
                at,
            };
            let mut got = 0;
            while got < want_now {
                let n = splitter.read_from(&mut reader, want_now - got)?;
                if n == 0 {
                    break;
                }
                reader.at += n as u64;
                got += n;
            }
            let at_eof = got < want || start + splitter.len() as u64 >= self.len;
            match splitter.take_block(at_eof) {
                Ok(Some(piece)) => break piece,
                Ok(None) => want = TAIL_READ,
                Err(_) => return Err(BlockError::TooLong),
            }
        };
        // The basic check is the faster one; the sequential reader finds where it fails.
        if simdutf8::basic::from_utf8(&bytes).is_err() {
            return Err(BlockError::NotUtf8);
        }
        let issues = issues
            .iter()
            .map(|i| {
                let before = count_lines(&bytes[..i.pos], self.newline);
                (i.kind, start + i.pos as u64, before)
            })
            .collect();
        Ok(Block {
            start,
            end: start + bytes.len() as u64,
            lines,
            issues,
            counts: splitter.counts(),
            bytes,
        })
    }

    /// The first offset at or past `from` (`from > 0`) just after a line ending; the file's
    /// length if there is none.
    fn line_start(&self, from: u64) -> std::io::Result<u64> {
        // The byte before `from` may itself end a line.
        let mut at = from.saturating_sub(1);
        let mut buf = [0u8; LINE_READ];
        while at < self.len {
            let want = LINE_READ.min((self.len - at) as usize);
            let n = self.input.read_at(&mut buf[..want], at)?;
            if n == 0 {
                break;
            }
            if let Some(p) = memchr::memchr(self.newline, &buf[..n]) {
                return Ok(at + p as u64 + 1);
            }
            at += n as u64;
        }
        Ok(self.len)
    }
}

/// A reader at an offset of an input, for readers that read with `Read` (the splitter,
/// the front). It does not move by itself: `at` is the caller's to advance.
pub(crate) struct Positioned<'a, R: ReadAt + ?Sized> {
    pub input: &'a R,
    pub at: u64,
}

impl<R: ReadAt + ?Sized> std::io::Read for Positioned<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.input.read_at(buf, self.at)
    }
}

/// A [`Positioned`] reader that moves on by what it reads, like a file's cursor.
pub(crate) struct Cursor<'a, R: ReadAt + ?Sized>(pub Positioned<'a, R>);

impl<R: ReadAt + ?Sized> std::io::Read for Cursor<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.0.input.read_at(buf, self.0.at)?;
        self.0.at += n as u64;
        Ok(n)
    }
}
