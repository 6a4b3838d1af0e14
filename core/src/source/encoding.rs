//! Byte-order marks, binary-file detection and whole-file-correct decoding.
//!
//! UTF-8 is checked on every chunk (not just a sample). At the first invalid sequence the
//! rest of the file is decoded with the legacy encoding chardetng guesses for French text
//! (Windows-1252 in practice); the rows before it were valid UTF-8 and stay as they were.

use encoding_rs::{Decoder, Encoding, ISO_8859_15, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// A byte-order mark at the start of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bom {
    None,
    Utf8,
    Utf16Le,
    Utf16Be,
}

/// Recognises a byte-order mark; returns it with its length in bytes.
pub(crate) fn detect_bom(head: &[u8]) -> (Bom, usize) {
    match head {
        [0xEF, 0xBB, 0xBF, ..] => (Bom::Utf8, 3),
        [0xFF, 0xFE, ..] => (Bom::Utf16Le, 2),
        [0xFE, 0xFF, ..] => (Bom::Utf16Be, 2),
        _ => (Bom::None, 0),
    }
}

/// The kinds of binary file recognised by their first bytes, with the name a message
/// gives them in English and in French.
const SIGNATURES: &[(&[u8], &str, &str)] = &[
    (b"%PDF", "a PDF document", "un document PDF"),
    (
        b"PK\x03\x04",
        "a ZIP archive (or an .xlsx/.ods spreadsheet)",
        "une archive ZIP (ou un classeur .xlsx/.ods)",
    ),
    (
        b"\xD0\xCF\x11\xE0",
        "an old Excel (.xls) or Office document",
        "un ancien classeur Excel (.xls) ou document Office",
    ),
    (b"\x89PNG", "a PNG image", "une image PNG"),
    (b"\xFF\xD8\xFF", "a JPEG image", "une image JPEG"),
    (b"GIF8", "a GIF image", "une image GIF"),
    (
        b"\x1F\x8B",
        "a gzip-compressed file",
        "un fichier compressé gzip",
    ),
    (
        b"\x7FELF",
        "an executable program",
        "un programme exécutable",
    ),
];

const UTF16: (&str, &str) = (
    "UTF-16 text without a byte-order mark; save it as UTF-8, or give --encoding utf-16le (or utf-16be)",
    "du texte UTF-16 sans marque d'ordre des octets (BOM) ; enregistrez-le en UTF-8, ou indiquez --encoding utf-16le (ou utf-16be)",
);
const NULS: (&str, &str) = ("NUL bytes", "des octets nuls");
const ONLY_NULS: (&str, &str) = (
    "only NUL bytes: the file holds no text (it is blank, or was damaged while copied)",
    "uniquement des octets nuls : le fichier ne contient aucun texte (il est vierge, ou a été abîmé lors d'une copie)",
);

/// Names the kind of binary file `head` starts with, if it is not text.
pub(crate) fn binary_signature(head: &[u8]) -> Option<(&'static str, u64)> {
    for (magic, what, _) in SIGNATURES {
        if head.starts_with(magic) {
            return Some((what, 0));
        }
    }
    let sample = &head[..head.len().min(8192)];
    let nul = memchr::memchr(0, sample)?;
    let nuls = memchr::memchr_iter(0, sample).count();
    if nuls == sample.len() {
        return Some((ONLY_NULS.0, 0));
    }
    // UTF-16 text of Latin letters has a NUL every other byte, on one side only; zeros
    // everywhere, or scattered, are not text at all.
    let odd = memchr::memchr_iter(0, sample)
        .filter(|i| i % 2 == 1)
        .count();
    let even = nuls - odd;
    let half = sample.len() / 2;
    if odd.max(even) * 10 >= half * 8 && odd.min(even) * 10 <= half {
        Some((UTF16.0, nul as u64))
    } else {
        Some((NULS.0, nul as u64))
    }
}

/// The French name of a binary kind that [`binary_signature`] gave in English (the text
/// itself when it is not one of them).
pub(crate) fn binary_kind_fr(what: &str) -> &str {
    SIGNATURES
        .iter()
        .map(|(_, en, fr)| (*en, *fr))
        .chain([UTF16, NULS, ONLY_NULS])
        .find(|(en, _)| *en == what)
        .map_or(what, |(_, fr)| fr)
}

/// A reader that turns UTF-16 text without a byte-order mark into UTF-8, for an encoding
/// forced by the caller (`--encoding utf-16le`). Text with a mark, or any other encoding,
/// passes unchanged (the mark is read where every input's is).
pub(crate) struct ForcedUtf16<R> {
    inner: R,
    /// Set once the first bytes said the text must be transcoded.
    decoder: Option<Decoder>,
    /// Bytes read and not yet given out: the first bytes (while deciding), then decoded
    /// text.
    pending: Vec<u8>,
    started: bool,
    forced: Option<&'static Encoding>,
    done: bool,
}

impl<R: std::io::Read> ForcedUtf16<R> {
    /// Wraps `inner`, whose text is in `forced` when the caller says so.
    pub(crate) fn new(inner: R, forced: Option<&'static Encoding>) -> Self {
        ForcedUtf16 {
            inner,
            decoder: None,
            pending: Vec::new(),
            started: false,
            forced: forced.filter(|e| *e == UTF_16LE || *e == UTF_16BE),
            done: false,
        }
    }

    /// Reads the first bytes and decides; returns the encoding's name when the text is
    /// transcoded (what is read is then UTF-8).
    pub(crate) fn start(&mut self) -> std::io::Result<Option<&'static str>> {
        if self.started {
            return Ok(self.decoder.as_ref().map(|d| d.encoding().name()));
        }
        self.started = true;
        let Some(encoding) = self.forced else {
            return Ok(None);
        };
        let mut head = [0u8; 2];
        let mut filled = 0;
        while filled < 2 {
            match self.inner.read(&mut head[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        self.pending.extend_from_slice(&head[..filled]);
        if detect_bom(&self.pending).0 == Bom::None {
            let raw = std::mem::take(&mut self.pending);
            let mut decoder = encoding.new_decoder_without_bom_handling();
            decode_into(&mut decoder, &raw, false, &mut self.pending);
            self.decoder = Some(decoder);
        }
        Ok(self.decoder.as_ref().map(|d| d.encoding().name()))
    }
}

fn decode_into(decoder: &mut Decoder, input: &[u8], last: bool, out: &mut Vec<u8>) {
    let needed = decoder
        .max_utf8_buffer_length(input.len())
        .unwrap_or(input.len() * 3 + 16);
    let start = out.len();
    out.resize(start + needed, 0);
    let (_, _, written, _) = decoder.decode_to_utf8(input, &mut out[start..], last);
    out.truncate(start + written);
}

impl<R: std::io::Read> std::io::Read for ForcedUtf16<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.start()?;
        loop {
            if !self.pending.is_empty() {
                let n = buf.len().min(self.pending.len());
                buf[..n].copy_from_slice(&self.pending[..n]);
                self.pending.drain(..n);
                return Ok(n);
            }
            let Some(decoder) = &mut self.decoder else {
                return self.inner.read(buf);
            };
            if self.done {
                return Ok(0);
            }
            let mut raw = vec![0u8; buf.len().max(4096)];
            let n = self.inner.read(&mut raw)?;
            self.done = n == 0;
            decode_into(decoder, &raw[..n], self.done, &mut self.pending);
        }
    }
}

/// Streaming UTF-16 → UTF-8 conversion (for files with a UTF-16 byte-order mark).
pub(crate) struct Utf16Transcoder {
    decoder: Decoder,
}

impl Utf16Transcoder {
    pub(crate) fn new(bom: Bom) -> Self {
        let encoding = if bom == Bom::Utf16Be {
            UTF_16BE
        } else {
            UTF_16LE
        };
        Utf16Transcoder {
            decoder: encoding.new_decoder_without_bom_handling(),
        }
    }

    /// Appends the UTF-8 form of `input` to `out`.
    pub(crate) fn transcode(&mut self, input: &[u8], last: bool, out: &mut Vec<u8>) {
        decode_into(&mut self.decoder, input, last, out);
    }
}

/// The decoding decision, taken sequentially over the chunks in file order.
#[derive(Debug)]
pub(crate) struct EncodingState {
    /// Forced by the caller (`--encoding`).
    pub forced: Option<&'static Encoding>,
    /// Set at the first non-UTF-8 sequence: the encoding used from there on.
    pub legacy: Option<&'static Encoding>,
    /// Byte offset and line of the first non-UTF-8 sequence.
    pub first_invalid: Option<(u64, u64)>,
    /// Whether the input had a UTF-16 byte-order mark (already transcoded).
    pub utf16: Option<Bom>,
}

impl EncodingState {
    pub(crate) fn new(forced: Option<&'static Encoding>) -> Self {
        EncodingState {
            forced,
            legacy: None,
            first_invalid: None,
            utf16: None,
        }
    }

    /// The name of the encoding the report should state.
    pub(crate) fn name(&self) -> String {
        match (self.utf16, self.forced, self.legacy) {
            (Some(Bom::Utf16Be), _, _) => "utf-16be",
            (Some(_), _, _) => "utf-16le",
            (_, Some(e), _) => e.name(),
            (_, _, Some(e)) => e.name(),
            _ => "utf-8",
        }
        .to_ascii_lowercase()
    }

    /// The encoding to decode non-UTF-8 bytes with, when one has been chosen.
    pub(crate) fn active_legacy(&self) -> Option<&'static Encoding> {
        self.forced.filter(|e| *e != UTF_8).or(self.legacy)
    }

    /// Chooses the legacy encoding for `bytes` (the part of the file from the first
    /// non-UTF-8 sequence on), guessing for French text.
    pub(crate) fn choose_legacy(bytes: &[u8]) -> &'static Encoding {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(&bytes[..bytes.len().min(1 << 20)], false);
        let guess = detector.guess(Some(b"fr"), chardetng::Utf8Detection::Deny);
        // French open data is Western Latin in practice. On a few stray bytes chardetng can
        // guess anything (a Hebrew windows-1255 for `àÉ`, an East Asian encoding): only
        // Latin-9 is kept as an alternative to Windows-1252 (`--encoding` forces others).
        if guess == ISO_8859_15 {
            guess
        } else {
            WINDOWS_1252
        }
    }
}

/// Decodes `bytes` with `encoding` into UTF-8.
pub(crate) fn decode_legacy(encoding: &'static Encoding, bytes: &[u8]) -> Vec<u8> {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    text.into_owned().into_bytes()
}

/// Decodes `bytes` after the switch: valid UTF-8 stays UTF-8, and only the bytes that are
/// not UTF-8 are read with `encoding`. A UTF-8 file with one stray Latin-1 byte keeps its
/// other accents; a Windows-1252 file (never valid UTF-8 around its accents) reads the same
/// as decoded whole. Depends only on the bytes, not on where the chunks were cut (a UTF-8
/// sequence never spans a record boundary).
pub(crate) fn decode_mixed(encoding: &'static Encoding, bytes: &[u8]) -> Vec<u8> {
    decode_mixed_mapped(encoding, bytes).0
}

/// [`decode_mixed`], with where the decoded text's offsets stop matching the input's: each
/// `(at, extra)` says that from decoded offset `at` on, the text holds `extra` more bytes
/// than the input it came from (a stray `0xE9` is one byte in, two out). Offsets in a text
/// that mixes UTF-8 kept as is and decoded bytes map back to the input through it.
pub(crate) fn decode_mixed_mapped(
    encoding: &'static Encoding,
    mut bytes: &[u8],
) -> (Vec<u8>, Vec<Shift>) {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 8);
    let mut shifts = Vec::new();
    let mut extra = 0i64;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(text) => {
                out.extend_from_slice(text.as_bytes());
                return (out, shifts);
            }
            Err(e) => {
                let valid = e.valid_up_to();
                out.extend_from_slice(&bytes[..valid]);
                let bad = e.error_len().unwrap_or(bytes.len() - valid);
                let (text, _) = encoding.decode_without_bom_handling(&bytes[valid..valid + bad]);
                out.extend_from_slice(text.as_bytes());
                extra += text.len() as i64 - bad as i64;
                shifts.push(Shift {
                    at: out.len(),
                    extra,
                });
                bytes = &bytes[valid + bad..];
            }
        }
    }
}

/// From decoded offset `at` on, the decoded text holds `extra` bytes more than the input
/// it came from (see [`decode_mixed_mapped`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Shift {
    pub at: usize,
    pub extra: i64,
}

#[cfg(test)]
mod tests {
    #[test]
    fn stray_latin1_byte_keeps_utf8_accents() {
        let mixed = b"Besan\xe7on;S\xc3\xa8te\n";
        assert_eq!(
            super::decode_mixed(super::WINDOWS_1252, mixed),
            "Besançon;Sète\n".as_bytes()
        );
    }

    use super::*;

    #[test]
    fn boms() {
        assert_eq!(detect_bom(b"\xEF\xBB\xBFa"), (Bom::Utf8, 3));
        assert_eq!(detect_bom(b"\xFF\xFEa\0"), (Bom::Utf16Le, 2));
        assert_eq!(detect_bom(b"abc"), (Bom::None, 0));
    }

    #[test]
    fn binary_files_are_named() {
        assert!(binary_signature(b"%PDF-1.4").unwrap().0.contains("PDF"));
        assert!(binary_signature(b"a\0b\0c\0").unwrap().0.contains("UTF-16"));
        assert!(binary_signature(b"a,b\n1,2\n").is_none());
    }

    #[test]
    fn zeros_are_not_utf16() {
        let what = binary_signature(&[0u8; 4096]).unwrap().0;
        assert!(what.starts_with("only NUL bytes"), "{what}");
        assert!(binary_kind_fr(what).contains("octets nuls"));
        assert!(binary_signature(b"\0a\0,\0b").unwrap().0.contains("UTF-16"));
        assert_eq!(binary_signature(b"ab\0\0cd\0\0").unwrap().0, "NUL bytes");
    }

    #[test]
    fn forced_utf16_without_a_mark_is_read() {
        use std::io::Read;
        let le: Vec<u8> = "n\né\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let mut text = String::new();
        ForcedUtf16::new(&le[..], Some(UTF_16LE))
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "n\né\n");
        // With its mark, or not forced, the bytes pass as they are.
        let mut marked = vec![0xFF, 0xFE];
        marked.extend_from_slice(&le);
        let mut out = Vec::new();
        ForcedUtf16::new(&marked[..], Some(UTF_16LE))
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out, marked);
        let mut out = Vec::new();
        ForcedUtf16::new(&le[..], None)
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out, le);
    }

    #[test]
    fn short_accented_tail_is_not_hebrew() {
        assert_eq!(EncodingState::choose_legacy(b"\xe0\xc9,\n"), WINDOWS_1252);
    }

    #[test]
    fn french_latin1_is_windows_1252() {
        let text = b"nom;ville\nJ\xe9r\xf4me;Besan\xe7on\nFran\xe7oise;S\xe8te\n";
        let e = EncodingState::choose_legacy(text);
        assert_eq!(e, WINDOWS_1252);
        assert_eq!(decode_legacy(e, b"S\xe8te"), "Sète".as_bytes());
    }

    #[test]
    fn utf16_transcodes() {
        let mut t = Utf16Transcoder::new(Bom::Utf16Le);
        let mut out = Vec::new();
        t.transcode(b"a\0,\0\xe9\0", true, &mut out);
        assert_eq!(out, "a,é".as_bytes());
    }
}
