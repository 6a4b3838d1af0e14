//! The native module `conforme._conforme` behind the `conforme` Python package.
//!
//! It converts (Python objects ↔ core types), maps core errors to the package's exceptions,
//! and releases the GIL around every piece of validation work. All validation logic lives
//! in the `conforme` core crate.

mod catalog;
mod cli;
mod convert;
mod errors;
mod fix;
mod iter;
mod language;
mod options;
mod remote;
mod report;
mod schema;
mod source;

use conforme::Validator;
use conforme::document::DocumentSchema;
use iter::ErrorIterator;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use remote::Access;
use schema::PySchema;
use source::Source;
use std::path::PathBuf;
use std::time::Instant;

/// validate(source, schema=None, *, catalog=None, cache_dir=None, offline=False,
/// timeout=30.0, cache_ttl=3600.0, **options) -> Report | PackageReport
///
/// Validates `source` (a path, an http(s) URL, bytes, or a binary file object) against
/// `schema` (a path, a URL, a catalogue reference such as "org/name@version", a dict, or a
/// Schema): a Table Schema checks a table, a JSON Schema a JSON document. Without a schema,
/// `source` must be a Data Package descriptor (datapackage.json), checked with the schemas it
/// names: the result is then a PackageReport. `options` are the engine's options in
/// snake_case (max_errors, threads, lang, encoding, dialect, header, delimiter, profile,
/// ignore_header_case, skip_checks, pick_errors, skip_errors, mask_cells, sheet, zip_member,
/// draft, schema_dirs, assert_formats…); an unknown name or value raises ValueError listing
/// the accepted ones. Invalid data gives a report with `valid == False`; an unusable schema
/// raises SchemaError, unreadable input SourceError. `catalog`, `cache_dir`, `offline` and
/// `timeout` configure the downloads (see Schema.from_catalog). `valid_rows` and
/// `invalid_rows` (paths) also receive a table's rows without errors and its rows with
/// errors plus an `errors` column listing them (as `conforme validate --valid-rows`).
#[pyfunction]
#[pyo3(signature = (source, schema = None, *, valid_rows = None, invalid_rows = None, catalog = None, cache_dir = None, offline = false, timeout = None, cache_ttl = None, **options))]
#[allow(clippy::too_many_arguments)] // Python keyword arguments.
fn validate(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    schema: Option<&Bound<'_, PyAny>>,
    valid_rows: Option<PathBuf>,
    invalid_rows: Option<PathBuf>,
    catalog: Option<String>,
    cache_dir: Option<PathBuf>,
    offline: bool,
    timeout: Option<f64>,
    cache_ttl: Option<f64>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Py<PyAny>> {
    let access = Access {
        catalog,
        cache_dir,
        offline,
        timeout,
        cache_ttl,
    };
    let options = options::from_kwargs(options)?;
    let source = Source::from_py(source, &access)?;
    let place = source.place(py);
    let start = Instant::now();
    if schema.is_none()
        && let Source::Path(path) = &source
    {
        // No schema: a Data Package descriptor carrying its own (or a clear error).
        let report = py
            .detach(|| conforme::document::validate_path(path, None, &options))
            .map_err(|e| errors::from_document(py, &e, &place))?;
        let seconds = start.elapsed().as_secs_f64();
        return report::into_py(py, report, place, seconds, options.language());
    }
    let schema = PySchema::coerce(py, schema, &access, &options)?;
    if valid_rows.is_some() || invalid_rows.is_some() {
        let DocumentSchema::Table(table) = &schema else {
            return Err(pyo3::exceptions::PyValueError::new_err(
                "valid_rows and invalid_rows split a table: give a Table Schema",
            ));
        };
        fix::split_rows(
            py,
            &source,
            table,
            &options,
            valid_rows.as_deref(),
            invalid_rows.as_deref(),
            &place,
        )?;
        if let Source::Reader(reader) = &source {
            // The split read the file object to its end: validate what it read, from the start.
            reader.bind(py).call_method1("seek", (0,))?;
        }
    }
    let report = source.validate(py, &schema, &options, &place)?;
    let seconds = start.elapsed().as_secs_f64();
    report::into_py(py, report, place, seconds, options.language())
}

/// iter_errors(source, schema=None, *, catalog=None, cache_dir=None, offline=False,
/// timeout=30.0, cache_ttl=3600.0, **options) -> Iterator[Error]
///
/// Yields a table's errors while reading `source` chunk by chunk, in bounded memory (one
/// thread). `options` are those of `validate`.
#[pyfunction]
#[pyo3(signature = (source, schema = None, *, catalog = None, cache_dir = None, offline = false, timeout = None, cache_ttl = None, **options))]
#[allow(clippy::too_many_arguments)] // Python keyword arguments.
fn iter_errors(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    schema: Option<&Bound<'_, PyAny>>,
    catalog: Option<String>,
    cache_dir: Option<PathBuf>,
    offline: bool,
    timeout: Option<f64>,
    cache_ttl: Option<f64>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<ErrorIterator> {
    let access = Access {
        catalog,
        cache_dir,
        offline,
        timeout,
        cache_ttl,
    };
    let options = options::from_kwargs(options)?.threads(Some(1));
    let source = Source::from_py(source, &access)?;
    let schema = PySchema::coerce(py, schema, &access, &options)?;
    let DocumentSchema::Table(schema) = schema else {
        return Err(pyo3::exceptions::PyValueError::new_err(
            "iter_errors streams the errors of a table; for a JSON document use validate()",
        ));
    };
    let place = source.place(py);
    let stream = Validator::with_options(&schema, options).stream();
    ErrorIterator::new(py, source, stream, place)
}

/// is_package_descriptor(path) -> bool: whether the file at `path` is a Data Package
/// descriptor (a JSON object with a `resources` list), as `validate` decides it. False for a
/// file that cannot be read.
#[pyfunction]
fn is_package_descriptor(py: Python<'_>, path: PathBuf) -> bool {
    py.detach(|| {
        use std::io::Read;
        // Descriptors are small: a big file is data, and is not read whole here.
        let mut head = Vec::new();
        std::fs::File::open(&path)
            .and_then(|f| f.take(16 << 20).read_to_end(&mut head))
            .is_ok()
            && conforme::document::is_package_descriptor(&head)
    })
}

/// The native part of the `conforme` package (use the package, not this module).
#[pymodule]
mod _conforme {
    #[pymodule_export]
    use super::catalog::{catalog_list, catalog_search, catalog_show};
    #[pymodule_export]
    use super::cli::run_cli;
    #[pymodule_export]
    use super::fix::fix;
    #[pymodule_export]
    use super::iter::ErrorIterator;
    #[pymodule_export]
    use super::iter_errors;
    #[pymodule_export]
    use super::language::language;
    #[pymodule_export]
    use super::report::{PyError, PyPackageReport, PyReport, PyStats};
    #[pymodule_export]
    use super::schema::PySchema;
    #[pymodule_export]
    use super::{is_package_descriptor, validate};

    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}
