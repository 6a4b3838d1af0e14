//! Bytes to records: byte-order marks and encodings, dialect detection, cutting the input
//! into chunks of whole records so that chunks can be validated in parallel (`front`), and
//! the one record reader that walks a table exactly as validation reads it
//! ([`table_reader`]).

pub(crate) mod blocks;
pub use blocks::ReadAt;
mod contain;
mod dialect;
mod encoding;
pub(crate) mod front;
mod header;
pub mod input;
pub(crate) mod lists;
mod records;
mod sniff;
mod specials;
mod split;
#[cfg(feature = "excel")]
pub(crate) mod spreadsheet;
pub mod table_reader;
#[cfg(feature = "excel")]
mod workbook_limits;
#[cfg(feature = "excel")]
mod xls_limits;

pub(crate) use contain::stays_inside;
pub(crate) use dialect::records_text;
pub(crate) use dialect::sniff_delimiter;
pub use dialect::{Dialect, DialectError};
pub(crate) use encoding::{
    Bom, EncodingState, ForcedUtf16, Shift, Utf16Transcoder, binary_kind_fr, binary_signature,
    decode_legacy, decode_mixed_mapped, detect_bom,
};
pub use header::header_labels;
pub use input::InputFormat;
pub(crate) use records::RecordReader;
pub(crate) use sniff::sniff_skip_initial_space;
pub(crate) use split::{
    SYNTAX_KINDS, Splitter, SyntaxIssue, SyntaxKind, last_record_end, read_retrying,
};
