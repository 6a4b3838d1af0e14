//! A table's header read from the start of a file, the way validation reads it: byte-order
//! marks (UTF-16 included), UTF-8 or the legacy encoding chosen for French text, and the
//! delimiter detected by the same sniffer. For tools that only need the column names
//! (`conforme guess`).

use super::encoding::{Bom, EncodingState, decode_mixed, detect_bom};
use super::{Dialect, sniff_delimiter};

/// The column labels (trimmed) and the delimiter of the table whose first bytes are `head`;
/// `None` when no header line is there.
///
/// ```
/// let (labels, delimiter) = conforme::source::header_labels(b"nom;commune\n1;2\n").unwrap();
/// assert_eq!(labels, ["nom", "commune"]);
/// assert_eq!(delimiter, b';');
/// // Windows-1252 and UTF-16 headers read as validation reads them.
/// let (labels, _) = conforme::source::header_labels(b"ann\xe9e,code\n").unwrap();
/// assert_eq!(labels, ["année", "code"]);
/// let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("a,b\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
/// assert_eq!(conforme::source::header_labels(&utf16).unwrap().0, ["a", "b"]);
/// ```
pub fn header_labels(head: &[u8]) -> Option<(Vec<String>, u8)> {
    let (bom, skip) = detect_bom(head);
    let body = &head[skip..];
    let text: Vec<u8> = match bom {
        Bom::Utf16Le => encoding_rs::UTF_16LE
            .decode_without_bom_handling(body)
            .0
            .into_owned()
            .into_bytes(),
        Bom::Utf16Be => encoding_rs::UTF_16BE
            .decode_without_bom_handling(body)
            .0
            .into_owned()
            .into_bytes(),
        Bom::Utf8 | Bom::None => match std::str::from_utf8(body) {
            Ok(_) => body.to_vec(),
            // A multi-byte character cut by the end of the sample is still UTF-8.
            Err(e) if e.error_len().is_none() => body[..e.valid_up_to()].to_vec(),
            Err(e) => {
                let legacy = EncodingState::choose_legacy(&body[e.valid_up_to()..]);
                decode_mixed(legacy, body)
            }
        },
    };
    let delimiter = sniff_delimiter(&text, Some(b'"'), &[]);
    let dialect = Dialect {
        delimiter,
        header: false,
        ..Dialect::default()
    };
    let mut reader = dialect.reader_builder().from_reader(text.as_slice());
    let mut record = csv::ByteRecord::new();
    if !reader.read_byte_record(&mut record).unwrap_or(false) {
        return None;
    }
    let labels: Vec<String> = record
        .iter()
        .map(|cell| String::from_utf8_lossy(cell).trim().to_owned())
        .collect();
    (!labels.iter().all(String::is_empty)).then_some((labels, delimiter))
}
