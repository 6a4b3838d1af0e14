//! `conforme.Schema`: a compiled schema, loaded once and shared by threads, from a file, a
//! dict, bytes, a URL or the schema catalogue.

use crate::convert::{from_py, type_name};
use crate::errors::{from_schema, schema_error};
use crate::remote::{Access, schema_failure};
use crate::report::PyReport;
use conforme::ValidationOptions;
use conforme::document::DocumentSchema;
use conforme_remote::catalog::Selector;
use conforme_remote::{is_url, reference_in};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A schema — a Table Schema for tables, or a JSON Schema for JSON documents — loaded and
/// compiled once; reuse it for many files and from many threads.
#[pyclass(module = "conforme", name = "Schema", frozen)]
pub(crate) struct PySchema {
    pub(crate) inner: DocumentSchema,
    /// The descriptor as written, for `check()`.
    descriptor: Arc<Value>,
    /// Where it was read (a path, a URL, `<dict>`, `<bytes>`), for messages.
    location: String,
}

/// The descriptor value of JSON or YAML bytes that `conforme::Schema::from_slice` accepted.
fn descriptor_of(bytes: &[u8]) -> Value {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice(bytes)
        .or_else(|_| serde_yaml::from_slice(bytes))
        .unwrap_or(Value::Null)
}

impl PySchema {
    /// Compiles schema bytes read from `location` (a file's path for what a JSON Schema
    /// references next to it), with the GIL released.
    fn compile(
        py: Python<'_>,
        bytes: &[u8],
        location: &str,
        path: Option<&Path>,
        options: &ValidationOptions,
    ) -> PyResult<PySchema> {
        let (schema, descriptor) = py
            .detach(|| {
                DocumentSchema::from_slice(bytes, path, options)
                    .map(|schema| (schema, descriptor_of(bytes)))
            })
            .map_err(|e| schema_error(py, format!("schema {location}: {e}")))?;
        Ok(PySchema {
            inner: schema,
            descriptor: Arc::new(descriptor),
            location: location.to_owned(),
        })
    }

    /// Downloads (or takes from the cache) the schema at `location` and compiles it.
    fn fetch(py: Python<'_>, access: &Access, location: &str) -> PyResult<PySchema> {
        let connection = access.connect()?;
        let bytes = py.detach(|| connection.remote.schema_bytes(location));
        connection.warn(py)?;
        let bytes = bytes.map_err(|e| schema_failure(py, &e))?;
        // Reference lists are read relative to the schema's URL, through the same cache.
        let options = ValidationOptions::default();
        let compiled = py.detach(|| {
            let mut read = connection.remote.list_reader(location);
            conforme::schema::parse_descriptor(&bytes).and_then(|value| {
                DocumentSchema::from_value_with_lists(&value, None, &options, &mut read)
            })
        });
        connection.warn(py)?;
        let schema = compiled.map_err(|e| schema_error(py, format!("schema {location}: {e}")))?;
        Ok(PySchema {
            inner: schema,
            descriptor: Arc::new(descriptor_of(&bytes)),
            location: location.to_owned(),
        })
    }

    /// Resolves a catalogue reference to one version's address, then fetches it.
    fn from_reference(py: Python<'_>, reference: &str, access: &Access) -> PyResult<PySchema> {
        let Some(parsed) = conforme_remote::catalog::Reference::parse(reference) else {
            return Err(schema_error(
                py,
                format!(
                    "{reference:?} is not a catalogue reference: write \"org/name\", \"org/name@version\" or \"org/name@latest\", e.g. \"etalab/schema-irve-statique@2.3.1\""
                ),
            ));
        };
        if parsed.selector == Selector::All {
            return Err(schema_error(
                py,
                format!(
                    "{reference}: @all names every version, and a Schema is one version; load each version with Schema.from_catalog(\"{}@VERSION\") (conforme.catalog.show(\"{}\") lists them)",
                    parsed.name, parsed.name
                ),
            ));
        }
        let connection = access.connect()?;
        let located = py.detach(|| connection.remote.locate(&parsed));
        connection.warn(py)?;
        let located = located.map_err(|e| schema_failure(py, &e))?;
        let (_, location) = located
            .versions
            .last()
            .expect("a resolved reference has a version");
        PySchema::fetch(py, access, location)
    }
}

#[pymethods]
impl PySchema {
    /// from_path(path) -> Schema: loads a JSON or YAML schema file.
    #[staticmethod]
    fn from_path(py: Python<'_>, path: &Bound<'_, PyAny>) -> PyResult<PySchema> {
        PySchema::load_path(py, path, &ValidationOptions::default())
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
        PySchema::load_dict(py, descriptor, &ValidationOptions::default())
    }

    /// from_bytes(data) -> Schema: compiles a JSON or YAML descriptor given as bytes.
    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<PySchema> {
        PySchema::compile(py, data, "<bytes>", None, &ValidationOptions::default())
    }

    /// from_url(url, *, cache_dir=None, offline=False, timeout=30.0, cache_ttl=3600.0) -> Schema: downloads a
    /// schema (through the on-disk cache, revalidated with ETag / Last-Modified).
    #[staticmethod]
    #[pyo3(signature = (url, *, cache_dir = None, offline = false, timeout = None, cache_ttl = None))]
    fn from_url(
        py: Python<'_>,
        url: &str,
        cache_dir: Option<PathBuf>,
        offline: bool,
        timeout: Option<f64>,
        cache_ttl: Option<f64>,
    ) -> PyResult<PySchema> {
        if !is_url(url) {
            return Err(PyValueError::new_err(format!(
                "Schema.from_url expects an http:// or https:// address; got {url:?} (for a file use Schema.from_path)"
            )));
        }
        let access = Access {
            cache_dir,
            offline,
            timeout,
            cache_ttl,
            ..Access::default()
        };
        PySchema::fetch(py, &access, url)
    }

    /// from_catalog(reference, *, catalog=None, cache_dir=None, offline=False,
    /// timeout=30.0) -> Schema: loads `org/name`, `org/name@version` or `org/name@latest`
    /// from the schema.data.gouv.fr catalogue (or the `catalog` given: a schemas.json
    /// address, a site serving one, or a local file).
    #[staticmethod]
    #[pyo3(signature = (reference, *, catalog = None, cache_dir = None, offline = false, timeout = None, cache_ttl = None))]
    fn from_catalog(
        py: Python<'_>,
        reference: &str,
        catalog: Option<String>,
        cache_dir: Option<PathBuf>,
        offline: bool,
        timeout: Option<f64>,
        cache_ttl: Option<f64>,
    ) -> PyResult<PySchema> {
        let access = Access {
            catalog,
            cache_dir,
            offline,
            timeout,
            cache_ttl,
        };
        PySchema::from_reference(py, reference, &access)
    }

    /// check(*, lang="fr") -> Report: the schema's lint report (what `conforme schema
    /// check` prints): misspelt keys, constraints that do not apply, enum values that
    /// fail their field… `valid` is False when a finding is an error.
    #[pyo3(signature = (*, lang = "fr"))]
    fn check(&self, py: Python<'_>, lang: &str) -> PyResult<PyReport> {
        let lang = lang
            .parse::<conforme::Lang>()
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let descriptor = Arc::clone(&self.descriptor);
        let report = py.detach(move || {
            let findings = conforme::lint::lint_schema(
                &descriptor,
                &conforme::json::JsonSchemaOptions::default(),
            );
            let mut report = conforme::lint::report(findings);
            report.localize(lang);
            report
        });
        Ok(PyReport::new(report, self.location.clone(), 0.0, lang))
    }

    /// Names of the schema's fields, in order (empty for a JSON Schema).
    #[getter]
    fn field_names(&self) -> Vec<String> {
        match &self.inner {
            DocumentSchema::Table(t) => t.table().fields.iter().map(|f| f.name.clone()).collect(),
            DocumentSchema::Json(_) => Vec::new(),
        }
    }

    /// "table" for a Table Schema, "json" for a JSON Schema.
    #[getter]
    fn kind(&self) -> &'static str {
        match &self.inner {
            DocumentSchema::Table(_) => "table",
            DocumentSchema::Json(_) => "json",
        }
    }

    fn __repr__(&self) -> String {
        match &self.inner {
            DocumentSchema::Table(_) => format!("Schema(fields={:?})", self.field_names()),
            DocumentSchema::Json(j) => format!("Schema(json_schema, draft={:?})", j.draft().name()),
        }
    }
}

impl PySchema {
    /// Loads a schema file; a JSON Schema is compiled with `options` (its draft, its
    /// `schema_dirs`, whether `format` is asserted).
    fn load_path(
        py: Python<'_>,
        path: &Bound<'_, PyAny>,
        options: &ValidationOptions,
    ) -> PyResult<PySchema> {
        if let Ok(text) = path.cast::<PyString>() {
            refuse_url(py, &text.to_cow()?)?;
        }
        let path: PathBuf = path.extract().map_err(|_| {
            PyTypeError::new_err(format!(
                "Schema.from_path expects a str or os.PathLike; got {}",
                type_name(path)
            ))
        })?;
        let location = path.display().to_string();
        let bytes = py
            .detach(|| std::fs::read(&path))
            .map_err(|source| conforme::SchemaError::Io {
                path: path.clone(),
                source,
            })
            .map_err(|e| schema_error(py, format!("schema {location}: {e}")))?;
        PySchema::compile(py, &bytes, &location, Some(&path), options)
    }

    /// Compiles a descriptor dict with `options`.
    fn load_dict(
        py: Python<'_>,
        descriptor: &Bound<'_, PyAny>,
        options: &ValidationOptions,
    ) -> PyResult<PySchema> {
        let value = from_py(descriptor, "")?;
        let schema = py
            .detach(|| DocumentSchema::from_value(&value, None, options))
            .map_err(|e| from_schema(py, &e))?;
        Ok(PySchema {
            inner: schema,
            descriptor: Arc::new(value),
            location: "<dict>".to_owned(),
        })
    }

    /// Accepts what `validate(…, schema=…)` takes: a `Schema`, a dict, a path, a URL or a
    /// catalogue reference.
    pub(crate) fn coerce(
        py: Python<'_>,
        schema: Option<&Bound<'_, PyAny>>,
        access: &Access,
        options: &ValidationOptions,
    ) -> PyResult<DocumentSchema> {
        let Some(schema) = schema else {
            return Err(schema_error(
                py,
                "no schema given: pass schema= a path to a schema file, a URL, a catalogue reference (\"org/name@version\"), a dict, or a conforme.Schema (inferring a schema from the data is not supported)",
            ));
        };
        if let Ok(s) = schema.cast::<PySchema>() {
            return Ok(s.get().inner.clone());
        }
        if schema.is_instance_of::<PyDict>() {
            return Ok(PySchema::load_dict(py, schema, options)?.inner);
        }
        if let Ok(text) = schema.cast::<PyString>() {
            let text = text.to_cow()?;
            if is_url(&text) {
                return Ok(PySchema::fetch(py, access, &text)?.inner);
            }
            if reference_in(&text).is_some() {
                return Ok(PySchema::from_reference(py, &text, access)?.inner);
            }
        }
        if schema.is_instance_of::<PyString>() || schema.hasattr("__fspath__")? {
            return Ok(PySchema::load_path(py, schema, options)?.inner);
        }
        Err(PyTypeError::new_err(format!(
            "schema must be a path (str or os.PathLike), a URL, a catalogue reference, a dict, or a conforme.Schema; got {} (for schema bytes use conforme.Schema.from_bytes)",
            type_name(schema)
        )))
    }
}

fn refuse_url(py: Python<'_>, text: &str) -> PyResult<()> {
    if is_url(text) {
        return Err(schema_error(
            py,
            format!("{text}: this is a URL, not a path; load it with Schema.from_url"),
        ));
    }
    Ok(())
}
