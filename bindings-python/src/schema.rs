//! `conforme.Schema`: a compiled schema, loaded once and shared by threads.

use crate::convert::{from_py, type_name};
use crate::errors::{from_schema, schema_error};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use std::path::PathBuf;

/// A Table Schema, loaded and compiled once; reuse it for many files and from many threads.
#[pyclass(module = "conforme", name = "Schema", frozen)]
pub(crate) struct PySchema {
    pub(crate) inner: conforme::Schema,
}

#[pymethods]
impl PySchema {
    /// from_path(path) -> Schema: loads a JSON or YAML schema file.
    #[staticmethod]
    fn from_path(py: Python<'_>, path: &Bound<'_, PyAny>) -> PyResult<PySchema> {
        if let Ok(text) = path.cast::<PyString>() {
            refuse_url(py, &text.to_cow()?)?;
        }
        let path: PathBuf = path.extract().map_err(|_| {
            PyTypeError::new_err(format!(
                "Schema.from_path expects a str or os.PathLike; got {}",
                type_name(path)
            ))
        })?;
        let schema = py
            .detach(|| conforme::Schema::from_path(&path))
            .map_err(|e| schema_error(py, format!("schema {}: {e}", path.display())))?;
        Ok(PySchema { inner: schema })
    }

    /// from_dict(descriptor) -> Schema: compiles a descriptor given as a dict.
    #[staticmethod]
    fn from_dict(py: Python<'_>, descriptor: &Bound<'_, PyAny>) -> PyResult<PySchema> {
        if !descriptor.is_instance_of::<PyDict>() {
            return Err(PyTypeError::new_err(format!(
                "Schema.from_dict expects a dict; got {}",
                type_name(descriptor)
            )));
        }
        let value = from_py(descriptor, "")?;
        let schema = py
            .detach(|| conforme::Schema::from_value(&value))
            .map_err(|e| from_schema(py, &e))?;
        Ok(PySchema { inner: schema })
    }

    /// from_bytes(data) -> Schema: compiles a JSON or YAML descriptor given as bytes.
    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<PySchema> {
        let schema = py
            .detach(|| conforme::Schema::from_slice(data))
            .map_err(|e| from_schema(py, &e))?;
        Ok(PySchema { inner: schema })
    }

    /// Names of the schema's fields, in order.
    #[getter]
    fn field_names(&self) -> Vec<String> {
        self.inner
            .table()
            .fields
            .iter()
            .map(|f| f.name.clone())
            .collect()
    }

    fn __repr__(&self) -> String {
        format!("Schema(fields={:?})", self.field_names())
    }
}

impl PySchema {
    /// Accepts what `validate(…, schema=…)` takes: a `Schema`, a dict, or a path.
    pub(crate) fn coerce(
        py: Python<'_>,
        schema: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<conforme::Schema> {
        let Some(schema) = schema else {
            return Err(schema_error(
                py,
                "no schema given: pass schema= a path to a schema file, a dict, or a conforme.Schema (inferring a schema from the data is not supported)",
            ));
        };
        if let Ok(s) = schema.cast::<PySchema>() {
            return Ok(s.get().inner.clone());
        }
        if schema.is_instance_of::<PyDict>() {
            return Ok(PySchema::from_dict(py, schema)?.inner);
        }
        if schema.is_instance_of::<PyString>() || schema.hasattr("__fspath__")? {
            return Ok(PySchema::from_path(py, schema)?.inner);
        }
        Err(PyTypeError::new_err(format!(
            "schema must be a path (str or os.PathLike), a dict, or a conforme.Schema; got {} (for schema bytes use conforme.Schema.from_bytes)",
            type_name(schema)
        )))
    }
}

fn refuse_url(py: Python<'_>, text: &str) -> PyResult<()> {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Err(schema_error(
            py,
            format!(
                "{text}: schema URLs are not supported yet; download the schema first and pass its path, or load it with json and pass the dict"
            ),
        ));
    }
    Ok(())
}
