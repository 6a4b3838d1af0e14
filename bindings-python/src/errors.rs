//! Core errors → the exception classes of `conforme._exceptions`.
//!
//! The classes are written in Python (`SchemaError` is also a `ValueError`, `SourceError` also
//! an `OSError`: multiple inheritance that `create_exception!` cannot express) and imported
//! here once, as jsonschema-rs does.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

static SCHEMA_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static SOURCE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static VALIDATION_FAILED: PyOnceLock<Py<PyType>> = PyOnceLock::new();

const MODULE: &str = "conforme._exceptions";

fn class<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyType>>,
    name: &str,
) -> PyResult<&'py Bound<'py, PyType>> {
    cell.import(py, MODULE, name)
}

/// A `conforme.SchemaError` (also a `ValueError`) with `message`.
pub(crate) fn schema_error(py: Python<'_>, message: impl Into<String>) -> PyErr {
    match class(py, &SCHEMA_ERROR, "SchemaError") {
        Ok(cls) => PyErr::from_type(cls.clone(), message.into()),
        Err(e) => e,
    }
}

/// A `conforme.SourceError` (also an `OSError`) with `message`, and `errno` when the
/// operating system gave one.
pub(crate) fn source_error(
    py: Python<'_>,
    message: impl Into<String>,
    errno: Option<i32>,
) -> PyErr {
    match class(py, &SOURCE_ERROR, "SourceError") {
        Ok(cls) => match errno {
            Some(code) => PyErr::from_type(cls.clone(), (code, message.into())),
            None => PyErr::from_type(cls.clone(), message.into()),
        },
        Err(e) => e,
    }
}

/// A `conforme.ValidationFailed` carrying the report.
pub(crate) fn validation_failed(py: Python<'_>, message: String, report: Py<PyAny>) -> PyErr {
    match class(py, &VALIDATION_FAILED, "ValidationFailed") {
        Ok(cls) => PyErr::from_type(cls.clone(), (message, report)),
        Err(e) => e,
    }
}

/// Maps a core schema error.
pub(crate) fn from_schema(py: Python<'_>, err: &conforme::SchemaError) -> PyErr {
    schema_error(py, err.to_string())
}

/// Maps a core source error, keeping the OS error number of I/O failures.
pub(crate) fn from_source(py: Python<'_>, err: &conforme::SourceError, place: &str) -> PyErr {
    let errno = match err {
        conforme::SourceError::Io(io) => io.raw_os_error(),
        _ => None,
    };
    source_error(py, format!("{place}: {err}"), errno)
}

/// Maps an error of the engine's door: options → `ValueError`, schema and package →
/// `SchemaError`, input → `SourceError`.
pub(crate) fn from_document(
    py: Python<'_>,
    err: &conforme::document::DocumentError,
    place: &str,
) -> PyErr {
    use conforme::document::DocumentError;
    match err {
        DocumentError::Options(e) => pyo3::exceptions::PyValueError::new_err(e.to_string()),
        DocumentError::Source(e) => from_source(py, e, place),
        DocumentError::Schema(e) => from_schema(py, e),
        DocumentError::NoSchema => schema_error(
            py,
            format!(
                "{place}: no schema given: pass schema= a path to a schema file, a URL, a catalogue reference (\"org/name@version\"), a dict, or a conforme.Schema; only a Data Package descriptor (datapackage.json) is validated without one"
            ),
        ),
        other => schema_error(py, format!("{place}: {other}")),
    }
}
