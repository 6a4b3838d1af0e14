//! `conforme.catalog`: the schema catalogue (schema.data.gouv.fr's `schemas.json`, or a
//! mirror) listed, searched and shown, as plain dicts.

use crate::convert::to_py;
use crate::remote::{Access, schema_failure};
use conforme_remote::catalog::{Catalog, Entry, Reference, Selector};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyList;
use std::path::PathBuf;

const KINDS: [&str; 4] = ["tableschema", "jsonschema", "datapackage", "other"];

/// Reads the catalogue with the GIL released.
fn read(py: Python<'_>, access: &Access) -> PyResult<(Catalog, conforme_remote::Remote)> {
    let connection = access.connect()?;
    let catalog = py.detach(|| connection.remote.catalog());
    connection.warn(py)?;
    let catalog = catalog.map_err(|e| schema_failure(py, &e))?;
    Ok((catalog, connection.remote))
}

fn entries<'py>(py: Python<'py>, entries: &[&Entry]) -> PyResult<Bound<'py, PyList>> {
    let items = entries
        .iter()
        .map(|e| to_py(py, &serde_json::to_value(e).expect("entries serialize")))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

/// catalog_list(kind=None, *, catalog=None, cache_dir=None, offline=False, timeout=30.0, cache_ttl=3600.0)
/// -> list[dict]: every schema of the catalogue, or those of one kind.
#[pyfunction]
#[pyo3(signature = (kind = None, *, catalog = None, cache_dir = None, offline = false, timeout = None, cache_ttl = None))]
pub(crate) fn catalog_list<'py>(
    py: Python<'py>,
    kind: Option<&str>,
    catalog: Option<String>,
    cache_dir: Option<PathBuf>,
    offline: bool,
    timeout: Option<f64>,
    cache_ttl: Option<f64>,
) -> PyResult<Bound<'py, PyList>> {
    if let Some(kind) = kind
        && !KINDS.contains(&kind)
    {
        return Err(PyValueError::new_err(format!(
            "kind={kind:?} is unknown: use one of {}",
            KINDS.join(", ")
        )));
    }
    let access = Access {
        catalog,
        cache_dir,
        offline,
        timeout,
        cache_ttl,
    };
    let (list, _) = read(py, &access)?;
    let kept: Vec<&Entry> = list
        .schemas
        .iter()
        .filter(|e| kind.is_none_or(|k| e.schema_type == k))
        .collect();
    entries(py, &kept)
}

/// catalog_search(words, *, catalog=None, cache_dir=None, offline=False, timeout=30.0, cache_ttl=3600.0)
/// -> list[dict]: schemas whose name, title or description contain every word (accents
/// and case ignored), best first.
#[pyfunction]
#[pyo3(signature = (words, *, catalog = None, cache_dir = None, offline = false, timeout = None, cache_ttl = None))]
pub(crate) fn catalog_search<'py>(
    py: Python<'py>,
    words: &str,
    catalog: Option<String>,
    cache_dir: Option<PathBuf>,
    offline: bool,
    timeout: Option<f64>,
    cache_ttl: Option<f64>,
) -> PyResult<Bound<'py, PyList>> {
    let access = Access {
        catalog,
        cache_dir,
        offline,
        timeout,
        cache_ttl,
    };
    let (list, _) = read(py, &access)?;
    entries(py, &list.search(words))
}

/// catalog_show(name, *, catalog=None, cache_dir=None, offline=False, timeout=30.0, cache_ttl=3600.0)
/// -> dict: one schema's catalogue entry, its versions oldest first with their full
/// addresses, and `latest`.
#[pyfunction]
#[pyo3(signature = (name, *, catalog = None, cache_dir = None, offline = false, timeout = None, cache_ttl = None))]
pub(crate) fn catalog_show<'py>(
    py: Python<'py>,
    name: &str,
    catalog: Option<String>,
    cache_dir: Option<PathBuf>,
    offline: bool,
    timeout: Option<f64>,
    cache_ttl: Option<f64>,
) -> PyResult<Bound<'py, PyAny>> {
    let access = Access {
        catalog,
        cache_dir,
        offline,
        timeout,
        cache_ttl,
    };
    let (list, remote) = read(py, &access)?;
    let reference = Reference {
        name: name.to_owned(),
        selector: Selector::Latest,
    };
    let (entry, latest) = list
        .resolve(&reference)
        .map_err(|e| schema_failure(py, &e))?;
    let mut value = serde_json::to_value(entry).expect("an entry serializes");
    value["versions"] = entry
        .sorted_versions()
        .iter()
        .map(|v| {
            serde_json::json!({
                "version_name": v.version_name,
                "schema_url": remote.schema_location(&v.schema_url),
            })
        })
        .collect();
    value["latest"] = serde_json::json!(latest.last().map(|v| v.version_name.clone()));
    to_py(py, &value)
}
