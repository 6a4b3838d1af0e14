//! `conforme.Report`, `conforme.Error` and `conforme.Stats`: read-only views of the core's
//! report, with conversions to dicts, JSON, frictionless' shape and DataFrames.

use crate::convert::{object_to_py, to_py};
use crate::errors::validation_failed;
use conforme::Diagnostic;
use conforme::document::DocumentReport;
use conforme::package::PackageReport;
use conforme::render::{RenderOptions, frictionless_value};
use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList};
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

/// One error or warning, as found by the validator (immutable).
#[pyclass(module = "conforme", name = "Error", frozen, eq)]
#[derive(PartialEq)]
pub(crate) struct PyError {
    pub(crate) inner: Diagnostic,
}

#[pymethods]
impl PyError {
    /// Stable code: the frictionless error type (`type-error`, `missing-label`…).
    #[getter(r#type)]
    fn type_(&self) -> &'static str {
        self.inner.code.as_str()
    }
    /// Row number as frictionless counts it (header = 1), or None for file-level problems.
    #[getter]
    fn row(&self) -> Option<u64> {
        self.inner.row
    }
    /// Physical line in the file (1-based); differs from `row` when quoted cells span lines.
    #[getter]
    fn line(&self) -> Option<u64> {
        self.inner.line
    }
    /// 1-based position of the column.
    #[getter]
    fn field_number(&self) -> Option<usize> {
        self.inner.field_number
    }
    /// Name of the schema field.
    #[getter]
    fn field_name(&self) -> Option<&str> {
        self.inner.field_name.as_deref()
    }
    /// The raw cell text.
    #[getter]
    fn cell(&self) -> Option<&str> {
        self.inner.cell.as_deref()
    }
    /// The message, in the language asked for.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }
    /// Structured parameters (`constraint`, `value`, `format`…), a new dict at each access.
    #[getter]
    fn params<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        object_to_py(py, self.inner.params.iter().map(|(k, v)| (k.as_str(), v)))
    }
    /// Byte offset in the input where the row (or the problem) starts.
    #[getter]
    fn byte(&self) -> Option<u64> {
        self.inner.byte
    }

    /// The error as a dict (the keys of the JSON report).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &serde_json::to_value(&self.inner).map_err(json_err)?)
    }

    fn __hash__(&self) -> u64 {
        let d = &self.inner;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (d.code, d.row, d.line, d.field_number, &d.cell, &d.message).hash(&mut h);
        h.finish()
    }

    fn __repr__(&self) -> String {
        let d = &self.inner;
        let mut parts = vec![format!("type={:?}", d.code.as_str())];
        if let Some(row) = d.row {
            parts.push(format!("row={row}"));
        }
        if let Some(name) = &d.field_name {
            parts.push(format!("field_name={name:?}"));
        }
        if let Some(cell) = &d.cell {
            parts.push(format!("cell={cell:?}"));
        }
        parts.push(format!("message={:?}", d.message));
        format!("Error({})", parts.join(", "))
    }

    fn __str__(&self) -> String {
        self.inner.message.clone()
    }
}

/// Counts and facts about the validated input (immutable).
#[pyclass(module = "conforme", name = "Stats", frozen, get_all)]
pub(crate) struct PyStats {
    /// Data rows read (the header excluded).
    rows: u64,
    /// Number of fields in the schema.
    fields: usize,
    /// Bytes read.
    bytes: u64,
    /// Encoding used to decode the input.
    encoding: String,
    /// Field delimiter used.
    delimiter: String,
    /// Errors found (a lower bound when `truncated`).
    error_count: u64,
    /// Warnings found.
    warning_count: usize,
    /// True when validation stopped at `max_errors`.
    truncated: bool,
    /// Errors by type.
    error_types: BTreeMap<String, u64>,
    /// Wall-clock time of the validation, in seconds.
    seconds: f64,
}

#[pymethods]
impl PyStats {
    fn __repr__(&self) -> String {
        format!(
            "Stats(rows={}, fields={}, bytes={}, encoding={:?}, delimiter={:?}, error_count={}, warning_count={}, truncated={}, seconds={:.3})",
            self.rows,
            self.fields,
            self.bytes,
            self.encoding,
            self.delimiter,
            self.error_count,
            self.warning_count,
            if self.truncated { "True" } else { "False" },
            self.seconds
        )
    }
}

/// The outcome of a validation (immutable).
#[pyclass(module = "conforme", name = "Report", frozen)]
pub(crate) struct PyReport {
    pub(crate) inner: conforme::Report,
    pub(crate) place: String,
    pub(crate) seconds: f64,
    /// The language of its messages (and of `raise_for_errors`' summary).
    lang: conforme::Lang,
    errors: PyOnceLock<Py<PyList>>,
    warnings: PyOnceLock<Py<PyList>>,
}

impl PyReport {
    pub(crate) fn new(
        inner: conforme::Report,
        place: String,
        seconds: f64,
        lang: conforme::Lang,
    ) -> PyReport {
        PyReport {
            inner,
            place,
            seconds,
            lang,
            errors: PyOnceLock::new(),
            warnings: PyOnceLock::new(),
        }
    }

    fn to_value(&self) -> PyResult<serde_json::Value> {
        let mut value = serde_json::to_value(&self.inner).map_err(json_err)?;
        value["stats"]["seconds"] = serde_json::json!(self.seconds);
        value["stats"]["warning_count"] = serde_json::json!(self.inner.warnings.len());
        Ok(value)
    }

    /// One flat record per error, for DataFrames (params as JSON text).
    fn records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for d in &self.inner.errors {
            let row = PyDict::new(py);
            row.set_item("type", d.code.as_str())?;
            row.set_item("row", d.row)?;
            row.set_item("line", d.line)?;
            row.set_item("field_number", d.field_number)?;
            row.set_item("field_name", d.field_name.as_deref())?;
            row.set_item("cell", d.cell.as_deref())?;
            row.set_item("message", &d.message)?;
            row.set_item(
                "params",
                serde_json::to_string(&d.params).map_err(json_err)?,
            )?;
            list.append(row)?;
        }
        Ok(list)
    }
}

const DATAFRAME_COLUMNS: [&str; 8] = [
    "type",
    "row",
    "line",
    "field_number",
    "field_name",
    "cell",
    "message",
    "params",
];

fn diagnostics<'py>(py: Python<'py>, list: &[Diagnostic]) -> PyResult<Py<PyList>> {
    let items = list
        .iter()
        .map(|d| Py::new(py, PyError { inner: d.clone() }))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(PyList::new(py, items)?.unbind())
}

#[pymethods]
impl PyReport {
    /// True when no error was found (warnings do not make a file invalid).
    #[getter]
    fn valid(&self) -> bool {
        self.inner.valid
    }

    /// Counts and facts about the input.
    #[getter]
    fn stats(&self) -> PyStats {
        let s = &self.inner.stats;
        PyStats {
            rows: s.rows,
            fields: s.fields,
            bytes: s.bytes,
            encoding: s.encoding.clone(),
            delimiter: s.delimiter.clone(),
            error_count: s.error_count,
            warning_count: self.inner.warnings.len(),
            truncated: s.truncated,
            error_types: s.error_types.clone(),
            seconds: self.seconds,
        }
    }

    /// The errors, in file order (the same list object at each access).
    #[getter]
    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = self
            .errors
            .get_or_try_init(py, || diagnostics(py, &self.inner.errors))?;
        Ok(list.bind(py).clone())
    }

    /// The warnings (encoding, dialect, schema lint…).
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = self
            .warnings
            .get_or_try_init(py, || diagnostics(py, &self.inner.warnings))?;
        Ok(list.bind(py).clone())
    }

    /// The report as plain dicts and lists (the JSON report's shape).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.to_value()?)
    }

    /// to_json(indent=None) -> str: the report as JSON text.
    #[pyo3(signature = (indent = None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        let value = self.to_value()?;
        let Some(n) = indent else {
            return serde_json::to_string(&value).map_err(json_err);
        };
        let pad = " ".repeat(n);
        let mut out = Vec::new();
        let formatter = serde_json::ser::PrettyFormatter::with_indent(pad.as_bytes());
        let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
        serde::Serialize::serialize(&value, &mut ser).map_err(json_err)?;
        String::from_utf8(out).map_err(|e| json_err(e.to_string()))
    }

    /// The report in frictionless-py v5's shape (`Report.to_descriptor()`), for tools that
    /// already read frictionless reports.
    fn to_frictionless<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let options = RenderOptions::new(&self.place).seconds(self.seconds);
        to_py(py, &frictionless_value(&self.inner, &options))
    }

    /// Counts of errors by type and by column.
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let mut by_column: BTreeMap<&str, BTreeMap<&str, u64>> = BTreeMap::new();
        for d in &self.inner.errors {
            if let Some(name) = d.field_name.as_deref() {
                *by_column
                    .entry(name)
                    .or_default()
                    .entry(d.code.as_str())
                    .or_default() += 1;
            }
        }
        let s = &self.inner.stats;
        let out = PyDict::new(py);
        out.set_item("valid", self.inner.valid)?;
        out.set_item("rows", s.rows)?;
        out.set_item("error_count", s.error_count)?;
        out.set_item("warning_count", self.inner.warnings.len())?;
        out.set_item("truncated", s.truncated)?;
        out.set_item("by_type", s.error_types.clone())?;
        out.set_item("by_column", by_column)?;
        Ok(out)
    }

    /// Raises `conforme.ValidationFailed` (carrying this report) when the data is invalid.
    fn raise_for_errors(slf: &Bound<'_, Self>) -> PyResult<()> {
        let this = slf.get();
        if this.inner.valid {
            return Ok(());
        }
        let message = this.inner.summary_sentence(&this.place, this.lang);
        Err(validation_failed(
            slf.py(),
            message,
            slf.clone().into_any().unbind(),
        ))
    }

    /// The errors as a pandas DataFrame (needs `pip install 'conforme-data[pandas]'`).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pandas = import_extra(py, "pandas", "to_pandas")?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("columns", DATAFRAME_COLUMNS.to_vec())?;
        pandas
            .getattr("DataFrame")?
            .call((self.records(py)?,), Some(&kwargs))
    }

    /// The errors as a polars DataFrame (needs `pip install 'conforme-data[polars]'`).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let polars = import_extra(py, "polars", "to_polars")?;
        let int = polars.getattr("Int64")?;
        let text = polars.getattr("Utf8")?;
        let schema = PyDict::new(py);
        for column in DATAFRAME_COLUMNS {
            let dtype = match column {
                "row" | "line" | "field_number" => &int,
                _ => &text,
            };
            schema.set_item(column, dtype)?;
        }
        let kwargs = PyDict::new(py);
        kwargs.set_item("schema", schema)?;
        polars.call_method("from_dicts", (self.records(py)?,), Some(&kwargs))
    }

    fn __repr__(&self) -> String {
        let s = &self.inner.stats;
        format!(
            "Report(valid={}, rows={}, errors={}, warnings={}, place={:?})",
            if self.inner.valid { "True" } else { "False" },
            s.rows,
            s.error_count,
            self.inner.warnings.len(),
            self.place
        )
    }
}

/// A Data Package's outcome: one `Report` per resource (immutable).
#[pyclass(module = "conforme", name = "PackageReport", frozen)]
pub(crate) struct PyPackageReport {
    inner: PackageReport,
    place: String,
    seconds: f64,
    lang: conforme::Lang,
}

#[pymethods]
impl PyPackageReport {
    /// True when every resource is valid.
    #[getter]
    fn valid(&self) -> bool {
        self.inner.valid
    }

    /// (name, path, Report) for each resource, in descriptor order.
    #[getter]
    fn resources(&self, py: Python<'_>) -> PyResult<Vec<(String, String, Py<PyReport>)>> {
        self.inner
            .resources
            .iter()
            .map(|r| {
                let report = PyReport::new(r.report.clone(), r.path.clone(), 0.0, self.lang);
                Ok((r.name.clone(), r.path.clone(), Py::new(py, report)?))
            })
            .collect()
    }

    /// The package report as plain dicts and lists (what `conforme validate --format json`
    /// prints for a package).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &serde_json::to_value(&self.inner).map_err(json_err)?)
    }

    /// to_json(indent=None) -> str: the package report as JSON text.
    #[pyo3(signature = (indent = None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        match indent {
            None => serde_json::to_string(&self.inner).map_err(json_err),
            Some(_) => serde_json::to_string_pretty(&self.inner).map_err(json_err),
        }
    }

    /// Seconds the validation took.
    #[getter]
    fn seconds(&self) -> f64 {
        self.seconds
    }

    fn __repr__(&self) -> String {
        format!(
            "PackageReport(valid={}, resources={}, place={:?})",
            if self.inner.valid { "True" } else { "False" },
            self.inner.resources.len(),
            self.place
        )
    }
}

/// A door's outcome as the Python object for it: `Report` or `PackageReport`.
pub(crate) fn into_py(
    py: Python<'_>,
    report: DocumentReport,
    place: String,
    seconds: f64,
    lang: conforme::Lang,
) -> PyResult<Py<PyAny>> {
    Ok(match report {
        DocumentReport::Single(r) => {
            Py::new(py, PyReport::new(r, place, seconds, lang))?.into_any()
        }
        DocumentReport::Package(p) => Py::new(
            py,
            PyPackageReport {
                inner: p,
                place,
                seconds,
                lang,
            },
        )?
        .into_any(),
    })
}

fn import_extra<'py>(
    py: Python<'py>,
    module: &str,
    method: &str,
) -> PyResult<Bound<'py, PyModule>> {
    py.import(module).map_err(|e| {
        PyImportError::new_err(format!(
            "Report.{method}() needs {module}, which cannot be imported ({e}); install it with: pip install 'conforme-data[{module}]'"
        ))
    })
}

fn json_err(e: impl std::fmt::Display) -> PyErr {
    pyo3::exceptions::PyRuntimeError::new_err(format!("cannot serialize the report: {e}"))
}
