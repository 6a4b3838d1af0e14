//! The push-based validator: bytes in, in any chunking, one report out.

use super::chunk::ChunkScratch;
use super::merge::Merger;
use super::{Validator, build_report};
use crate::error::SourceError;
use crate::report::{Diagnostic, Report};
use crate::source::front::Front;

/// Validates input pushed in pieces of any size (a browser `File` read in slices, a Python
/// file object, a network stream). Pushing the same bytes split anywhere gives the same
/// report as [`Validator::validate_slice`].
///
/// ```
/// let schema = conforme::Schema::from_slice(br#"{"fields": [{"name": "n", "type": "integer"}]}"#).unwrap();
/// let validator = conforme::Validator::new(&schema);
/// let mut stream = validator.stream();
/// stream.push(b"n\n1\n").unwrap();
/// stream.push(b"2\nx").unwrap();
/// let report = stream.finish().unwrap();
/// assert_eq!(report, validator.validate_slice(b"n\n1\n2\nx").unwrap());
/// ```
pub struct StreamValidator {
    validator: Validator,
    front: Front,
    merger: Option<Merger>,
    scratch: ChunkScratch,
}

impl StreamValidator {
    pub(crate) fn new(validator: Validator) -> StreamValidator {
        let front = Front::new(validator.options.clone(), validator.table.clone());
        StreamValidator {
            validator,
            front,
            merger: None,
            scratch: ChunkScratch::default(),
        }
    }

    /// Bytes received so far.
    pub fn bytes(&self) -> u64 {
        self.front.bytes_in
    }

    /// Data rows validated so far (for progress reports; the final count is in the report).
    pub fn rows(&self) -> u64 {
        self.merger.as_ref().map_or(0, Merger::rows)
    }

    /// Whether the error limit is reached: further input is not needed.
    pub fn is_done(&self) -> bool {
        self.merger.as_ref().is_some_and(Merger::done)
    }

    /// Feeds the next piece of input.
    pub fn push(&mut self, data: &[u8]) -> Result<(), SourceError> {
        if self.is_done() {
            return Ok(());
        }
        self.front.push(data)?;
        self.run()
    }

    fn run(&mut self) -> Result<(), SourceError> {
        // The header read (and so its first chunk cut) is when the merge can start.
        let Some(setup) = self.front.setup.as_ref() else {
            return Ok(());
        };
        let merger = self.merger.get_or_insert_with(|| {
            Merger::new(
                self.validator.table.clone(),
                &setup.plan,
                setup.dialect.header_record_count(),
                &self.validator.options,
            )
        });
        super::merge_cut(&self.validator, &mut self.front, merger, &mut self.scratch);
        Ok(())
    }

    /// Takes the errors found so far whose place in file order is final (messages rendered,
    /// cells masked when asked), so that a consumer
    /// can handle them while the input is still arriving, in bounded memory. Taken errors
    /// still count in the final report's verdict and stats, but are not repeated in its
    /// `errors` list.
    ///
    /// ```
    /// let schema = conforme::Schema::from_slice(br#"{"fields": [{"name": "n", "type": "integer"}]}"#).unwrap();
    /// let mut stream = conforme::Validator::new(&schema).stream();
    /// stream.push(b"n\nx\n1\n").unwrap();
    /// let mut errors = stream.take_errors();
    /// stream.push(b"y\n").unwrap();
    /// let report = stream.finish().unwrap();
    /// errors.extend(report.errors);
    /// assert_eq!(errors.iter().map(|e| e.row).collect::<Vec<_>>(), [Some(2), Some(4)]);
    /// assert!(!report.valid);
    /// assert_eq!(report.stats.error_count, 2);
    /// ```
    pub fn take_errors(&mut self) -> Vec<Diagnostic> {
        super::take_prepared(&self.validator, self.merger.as_mut())
    }

    /// Ends the input and returns the report.
    pub fn finish(mut self) -> Result<Report, SourceError> {
        if !self.is_done() {
            match self.front.finish() {
                Err(SourceError::Empty) => return Ok(self.validator.empty_input_report()),
                other => other?,
            }
            self.run()?;
        }
        match self.merger.take() {
            Some(merger) => Ok(build_report(&self.validator, merger, &self.front, None)),
            None => Ok(self.validator.empty_input_report()),
        }
    }
}
