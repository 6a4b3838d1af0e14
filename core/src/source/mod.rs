//! Bytes to records: byte-order marks and encodings, dialect detection, and cutting the
//! input into chunks of whole records so that chunks can be validated in parallel.

mod dialect;
mod encoding;
mod records;
mod split;

pub use dialect::Dialect;
pub(crate) use dialect::sniff_delimiter;
pub(crate) use encoding::{
    Bom, EncodingState, Utf16Transcoder, binary_signature, decode_legacy, detect_bom,
};
pub(crate) use records::RecordReader;
pub(crate) use split::{Splitter, last_record_end};
