//! The native module `conforme._conforme` behind the `conforme` Python package.
//!
//! It converts (Python objects ↔ core types), maps core errors to the package's exceptions,
//! and releases the GIL around every piece of validation work. All validation logic lives
//! in the `conforme` core crate.

mod catalog;
mod cli;
mod convert;
mod errors;
mod frictionless;
mod iter;
mod options;
mod remote;
mod report;
mod schema;
mod source;

use conforme::Validator;
use iter::ErrorIterator;
use options::Settings;
use pyo3::prelude::*;
use remote::Access;
use report::PyReport;
use schema::PySchema;
use source::Source;
use std::path::PathBuf;
use std::time::Instant;

/// validate(source, schema=None, *, max_errors=None, encoding=None, lang="fr", threads=None,
/// profile=None, delimiter=None, header=True, ignore_header_case=False, skip_checks=None,
/// pick_errors=None, skip_errors=None, dialect=None, catalog=None, cache_dir=None,
/// offline=False, timeout=30.0, cache_ttl=3600.0) -> Report
///
/// Validates `source` (a path, an http(s) URL, bytes, or a binary file object) against
/// `schema` (a path, a URL, a catalogue reference such as "org/name@version", a dict, or a
/// Schema). Invalid data gives a report with `valid == False`; an unusable schema raises
/// SchemaError, unreadable input SourceError. `catalog`, `cache_dir`, `offline` and
/// `timeout` configure the downloads (see Schema.from_catalog).
#[pyfunction]
#[pyo3(signature = (source, schema = None, *, max_errors = None, encoding = None, lang = "fr", threads = None, profile = None, delimiter = None, header = true, ignore_header_case = false, skip_checks = None, pick_errors = None, skip_errors = None, dialect = None, catalog = None, cache_dir = None, offline = false, timeout = None, cache_ttl = None))]
#[allow(clippy::too_many_arguments)] // Python keyword arguments.
fn validate(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    schema: Option<&Bound<'_, PyAny>>,
    max_errors: Option<usize>,
    encoding: Option<&str>,
    lang: &str,
    threads: Option<usize>,
    profile: Option<&str>,
    delimiter: Option<&str>,
    header: bool,
    ignore_header_case: bool,
    skip_checks: Option<Vec<String>>,
    pick_errors: Option<Vec<String>>,
    skip_errors: Option<Vec<String>>,
    dialect: Option<&Bound<'_, PyAny>>,
    catalog: Option<String>,
    cache_dir: Option<PathBuf>,
    offline: bool,
    timeout: Option<f64>,
    cache_ttl: Option<f64>,
) -> PyResult<PyReport> {
    let access = Access {
        catalog,
        cache_dir,
        offline,
        timeout,
        cache_ttl,
    };
    let settings = Settings {
        max_errors,
        encoding,
        lang,
        threads,
        profile,
        delimiter,
        header,
        ignore_header_case,
        skip_checks,
        pick_errors,
        skip_errors,
    };
    let mut options = settings.options()?;
    if let Some(dialect) = dialect {
        options = options::with_dialect(options, dialect)?;
    }
    let source = Source::from_py(source, &access)?;
    let schema = PySchema::coerce(py, schema, &access)?;
    let validator = Validator::with_options(&schema, options);
    let place = source.place(py);
    let start = Instant::now();
    let report = source.validate(py, &validator, &place)?;
    Ok(PyReport::new(report, place, start.elapsed().as_secs_f64()))
}

/// iter_errors(source, schema=None, *, max_errors=None, encoding=None, lang="fr",
/// profile=None, delimiter=None, header=True, ignore_header_case=False, skip_checks=None,
/// pick_errors=None, skip_errors=None, dialect=None, catalog=None, cache_dir=None,
/// offline=False, timeout=30.0, cache_ttl=3600.0) -> Iterator[Error]
///
/// Yields errors while reading `source` chunk by chunk, in bounded memory.
#[pyfunction]
#[pyo3(signature = (source, schema = None, *, max_errors = None, encoding = None, lang = "fr", profile = None, delimiter = None, header = true, ignore_header_case = false, skip_checks = None, pick_errors = None, skip_errors = None, dialect = None, catalog = None, cache_dir = None, offline = false, timeout = None, cache_ttl = None))]
#[allow(clippy::too_many_arguments)] // Python keyword arguments.
fn iter_errors(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    schema: Option<&Bound<'_, PyAny>>,
    max_errors: Option<usize>,
    encoding: Option<&str>,
    lang: &str,
    profile: Option<&str>,
    delimiter: Option<&str>,
    header: bool,
    ignore_header_case: bool,
    skip_checks: Option<Vec<String>>,
    pick_errors: Option<Vec<String>>,
    skip_errors: Option<Vec<String>>,
    dialect: Option<&Bound<'_, PyAny>>,
    catalog: Option<String>,
    cache_dir: Option<PathBuf>,
    offline: bool,
    timeout: Option<f64>,
    cache_ttl: Option<f64>,
) -> PyResult<ErrorIterator> {
    let access = Access {
        catalog,
        cache_dir,
        offline,
        timeout,
        cache_ttl,
    };
    let settings = Settings {
        max_errors,
        encoding,
        lang,
        threads: Some(1),
        profile,
        delimiter,
        header,
        ignore_header_case,
        skip_checks,
        pick_errors,
        skip_errors,
    };
    let mut options = settings.options()?;
    if let Some(dialect) = dialect {
        options = options::with_dialect(options, dialect)?;
    }
    let source = Source::from_py(source, &access)?;
    let schema = PySchema::coerce(py, schema, &access)?;
    let place = source.place(py);
    let stream = Validator::with_options(&schema, options).stream();
    ErrorIterator::new(py, source, stream, place)
}

/// The native part of the `conforme` package (use the package, not this module).
#[pymodule]
mod _conforme {
    #[pymodule_export]
    use super::catalog::{catalog_list, catalog_search, catalog_show};
    #[pymodule_export]
    use super::cli::run_cli;
    #[pymodule_export]
    use super::iter::ErrorIterator;
    #[pymodule_export]
    use super::iter_errors;
    #[pymodule_export]
    use super::report::{PyError, PyReport, PyStats};
    #[pymodule_export]
    use super::schema::PySchema;
    #[pymodule_export]
    use super::validate;

    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}
