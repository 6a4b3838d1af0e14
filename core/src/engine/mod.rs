//! Drivers: the reusable [`Validator`] (with its [`ValidationOptions`]), the parallel file
//! driver and the push-based [`StreamValidator`]. All of them feed the same chunk
//! validation and ordered merge, so they produce the same report for the same bytes.

pub(crate) mod blocks;
mod chunk;
mod dispatch;
mod error_list;
#[cfg(any(unix, windows))]
mod file_blocks;
pub(crate) mod keys;
mod merge;
mod parallel;
pub mod pool;
mod records;
mod stream;
mod wire;

pub use stream::StreamValidator;

pub use crate::options::ValidationOptions;

use crate::report::{Report, Stats};
use crate::schema::Schema;
use crate::table::CompiledTable;
use std::sync::Arc;

impl ValidationOptions {
    pub(crate) fn chunk_limits(&self) -> chunk::ChunkLimits {
        chunk::ChunkLimits {
            errors: self.limit(),
            keep_rows: self.keep_rows,
            lang: self.lang,
            mask_cells: self.mask_cells,
        }
    }
}

/// A compiled schema with its options, reusable across files and threads.
///
/// ```
/// let schema = conforme::Schema::from_slice(br#"{"fields": [{"name": "ok", "type": "boolean"}]}"#).unwrap();
/// let validator = conforme::Validator::new(&schema);
/// assert!(validator.validate_slice(b"ok\ntrue\n").unwrap().valid);
/// ```
#[derive(Clone, Debug)]
pub struct Validator {
    pub(crate) table: Arc<CompiledTable>,
    pub(crate) options: Arc<ValidationOptions>,
}

impl Validator {
    /// A validator with default options.
    pub fn new(schema: &Schema) -> Validator {
        Validator::with_options(schema, ValidationOptions::default())
    }

    /// A validator with `options`.
    pub fn with_options(schema: &Schema, options: ValidationOptions) -> Validator {
        let table = match &options.dialect.null_sequence {
            Some(null) => with_null_sequence(schema, null),
            None => schema.compiled().clone(),
        };
        Validator {
            table,
            options: Arc::new(options),
        }
    }

    /// A push-based validator for input that arrives in pieces.
    pub fn stream(&self) -> StreamValidator {
        StreamValidator::new(self.clone())
    }
}

/// The schema compiled with the dialect's `nullSequence` as one more missing value
/// (for the whole schema and for fields with their own `missingValues`).
fn with_null_sequence(schema: &Schema, null: &str) -> Arc<CompiledTable> {
    let mut descriptor = schema.table().clone();
    let value = crate::schema::MissingValue {
        value: null.to_owned(),
        label: None,
    };
    descriptor.missing_values.push(value.clone());
    for field in &mut descriptor.fields {
        if let Some(own) = &mut field.missing_values {
            own.push(value.clone());
        }
    }
    // The descriptor compiled once already; adding a missing value cannot break it.
    CompiledTable::compile(&descriptor, schema.lists())
        .map(Arc::new)
        .unwrap_or_else(|_| schema.compiled().clone())
}

/// The most bytes the front reads at a time.
const READ_SIZE: usize = 1 << 20;

/// The buffer the front reads into: no larger than a chunk, so that each read gives about
/// one chunk, which keeps read-ahead (and an early stop at the error limit) within the
/// window of chunks in flight.
fn read_buffer(options: &ValidationOptions) -> Vec<u8> {
    vec![0u8; options.chunk_size.clamp(4096, READ_SIZE)]
}

/// Where a streaming run hands its errors (`None`: they are kept in the report).
pub(crate) type Sink<'a> = Option<&'a mut dyn FnMut(crate::report::Diagnostic)>;

impl Validator {
    /// An error as it leaves the engine: cell values masked when asked, message rendered.
    fn prepare(&self, d: &mut crate::report::Diagnostic) {
        if !d.message.is_empty() {
            return; // Masked and rendered by the worker that found it.
        }
        if self.options.mask_cells {
            d.mask();
        }
        d.localize(self.options.lang);
    }
}

/// Validates the chunks the front has cut and merges them in file order, until none is left
/// or the error limit is reached (what is left is then not needed).
fn merge_cut(
    v: &Validator,
    front: &mut crate::source::front::Front,
    merger: &mut merge::Merger,
    scratch: &mut chunk::ChunkScratch,
) {
    let limits = v.options.chunk_limits();
    while let Some(cut) = front.pop() {
        if merger.done() {
            break;
        }
        let setup = front
            .setup
            .as_ref()
            .expect("a chunk is only cut once the header is read");
        merger.accept(chunk::validate_chunk(
            &v.table,
            &setup.plan,
            &setup.dialect,
            &cut,
            limits,
            scratch,
        ));
        front.recycle(cut.bytes);
    }
}

/// Hands the errors whose place in file order is final to the sink, if there is one.
fn emit(v: &Validator, merger: &mut merge::Merger, sink: &mut Sink<'_>) {
    if let Some(sink) = sink {
        take_prepared(v, Some(merger)).into_iter().for_each(sink);
    }
}

/// Takes the errors whose place in file order is final, as they leave the engine (none
/// before the header is read, when there is no merger yet).
fn take_prepared(
    v: &Validator,
    merger: Option<&mut merge::Merger>,
) -> Vec<crate::report::Diagnostic> {
    let Some(merger) = merger else {
        return Vec::new();
    };
    let mut errors = merger.take_errors();
    for d in &mut errors {
        v.prepare(d);
    }
    errors
}

/// The report; with a sink, the errors left go to it too (the report keeps none).
fn build_report(
    v: &Validator,
    merger: merge::Merger,
    front: &crate::source::front::Front,
    sink: Sink<'_>,
) -> Report {
    let dialect = front
        .setup
        .as_ref()
        .map(|s| s.dialect.clone())
        .unwrap_or_default();
    let stats = Stats {
        bytes: front.bytes_in,
        encoding: front.encoding.name(),
        delimiter: (dialect.delimiter as char).to_string(),
        format: "csv".to_owned(),
        ..Stats::default()
    };
    let warnings = front
        .warnings()
        .into_iter()
        .filter(|w| v.options.keeps(w.code))
        .collect();
    let mut report = merger.finish(stats, warnings);
    report.warnings.retain(|w| v.options.keeps(w.code));
    report.stats.warning_count = report.warnings.len() as u64;
    report.rows.truncate(v.options.keep_rows);
    if v.options.mask_cells {
        report.mask_cells();
    }
    report.localize_missing(v.options.lang);
    if let Some(sink) = sink {
        report.errors.drain(..).for_each(sink);
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn validator_and_schema_are_shareable() {
        assert_send_sync::<Validator>();
        assert_send_sync::<Schema>();
    }
}
