//! # conforme
//!
//! Validate tabular open data (CSV) against the [Table Schema] descriptors published on
//! [schema.data.gouv.fr], with the verdicts of frictionless-py 5, much faster, in bounded
//! memory, and with messages in French (default) or English.
//!
//! ```
//! use conforme::{Schema, Validator};
//!
//! let schema = Schema::from_slice(br#"{
//!     "fields": [
//!         {"name": "siret", "type": "string", "constraints": {"required": true, "pattern": "\\d{14}"}},
//!         {"name": "montant", "type": "number", "constraints": {"minimum": 0}}
//!     ]
//! }"#).unwrap();
//! let validator = Validator::new(&schema);
//! let report = validator.validate_slice(b"siret,montant\n12345678901234,10.5\n123,-1\n").unwrap();
//! assert!(!report.valid);
//! assert_eq!(report.errors.len(), 2);
//! assert_eq!(report.errors[0].code.as_str(), "constraint-error");
//! assert_eq!(report.errors[0].row, Some(3));
//! ```
//!
//! Invalid *data* is never a Rust error: it is an `Ok(Report)` whose `valid` is `false`.
//! Only a schema that cannot be used ([`SchemaError`]) or input that cannot be read
//! ([`SourceError`]) is an `Err`.
//!
//! [Table Schema]: https://datapackage.org/standard/table-schema/
//! [schema.data.gouv.fr]: https://schema.data.gouv.fr

pub(crate) mod checks;
pub mod detect;
pub mod document;
pub mod engine;
pub mod error;
pub mod generate;
pub mod json;
pub mod limits;
pub mod lint;
pub mod options;
pub mod package;
pub mod pipeline;
pub mod profile;
pub mod referentials;
pub mod repair;
pub mod report;
pub mod schema;
pub mod source;
pub mod table;

pub use checks::declaration::KNOWN as KNOWN_CHECKS;
pub use checks::{ListFailure, ListReader};
pub use engine::{StreamValidator, ValidationOptions, Validator};
pub use error::{JsonProblem, SchemaError, SourceError};
pub use options::{OPTION_NAMES, OptionsError};
pub use report::render;
pub use report::{
    ColumnCount, Diagnostic, ErrorCode, Example, GroupSummary, Lang, MASK, Param, Params,
    REPORT_VERSION, Report, RowSample, Severity, Stats, Summary,
};
pub use schema::Schema;
pub use source::Dialect;
pub use table::HeaderProfile;
