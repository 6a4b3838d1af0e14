//! A table's records for the work that is not validation (foreign-key collection, repairs,
//! row splits): read by [`crate::source::table_reader`] with this validator's compiled
//! schema and options, so they are the rows its reports count.

use crate::SourceError;
use crate::Validator;
use crate::source::table_reader::{ChunkRecord, Header, Input, Reading, RecordVisitor};

impl From<&Validator> for Reading {
    fn from(v: &Validator) -> Reading {
        Reading {
            table: v.table.clone(),
            options: v.options.clone(),
        }
    }
}

impl Validator {
    /// Reads `input` exactly as validation would and hands its header and records to
    /// `visitor` (see [`crate::source::table_reader`] for an example).
    pub fn read_records<V: RecordVisitor>(
        &self,
        input: Input<'_>,
        visitor: &mut V,
    ) -> Result<(), V::Error> {
        Reading::from(self).read_records(input, visitor)
    }

    /// Spreads the records of `input` over the [pipeline](crate::pipeline)
    /// (see `Reading::map_records`).
    pub(crate) fn map_records<S, O, E>(
        &self,
        input: Input<'_>,
        header: impl FnOnce(Header<'_>) -> Result<(), E>,
        scratch: impl Fn() -> S + Sync,
        work: impl Fn(&mut S, &mut O, ChunkRecord<'_>) -> Result<(), E> + Sync,
        consume: impl FnMut(u64, O) -> Result<(), E>,
    ) -> Result<(), E>
    where
        O: Default + Send,
        E: From<SourceError> + Send,
    {
        Reading::from(self).map_records(input, header, scratch, work, consume)
    }
}
