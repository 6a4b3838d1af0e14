//! JSON values ↔ Python objects (schema dicts in, reports and parameters out).

use crate::errors::schema_error;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

/// A JSON value as plain Python objects (`dict`, `list`, `str`, `int`, `float`, `bool`, `None`).
pub(crate) fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => number_to_py(py, n)?,
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            object_to_py(py, map.iter().map(|(k, v)| (k.as_str(), v)))?.into_any()
        }
    })
}

/// A JSON object (or a diagnostic's parameters) as a Python `dict`.
pub(crate) fn object_to_py<'py, 'a>(
    py: Python<'py>,
    pairs: impl IntoIterator<Item = (&'a str, &'a Value)>,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (k, v) in pairs {
        dict.set_item(k, to_py(py, v)?)?;
    }
    Ok(dict)
}

fn number_to_py<'py>(py: Python<'py>, n: &Number) -> PyResult<Bound<'py, PyAny>> {
    Ok(if let Some(i) = n.as_i64() {
        i.into_pyobject(py)?.into_any()
    } else if let Some(u) = n.as_u64() {
        u.into_pyobject(py)?.into_any()
    } else {
        PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any()
    })
}

/// A Python object made of JSON-compatible values as a JSON value. `pointer` locates the
/// value in the schema for the error message when something cannot be represented.
pub(crate) fn from_py(obj: &Bound<'_, PyAny>, pointer: &str) -> PyResult<Value> {
    let py = obj.py();
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Err(schema_error(
            py,
            format!(
                "the schema value at {} is an integer too large for JSON",
                at(pointer)
            ),
        ));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Number::from_f64(f.value()).map(Value::Number).ok_or_else(|| {
            schema_error(
                py,
                format!(
                    "the schema value at {} is {}, which JSON cannot represent; use a finite number",
                    at(pointer),
                    f.value()
                ),
            )
        });
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        for (k, v) in dict.iter() {
            let Ok(key) = k.cast::<PyString>() else {
                return Err(schema_error(
                    py,
                    format!(
                        "the schema object at {} has a key of type {}; JSON keys are strings",
                        at(pointer),
                        type_name(&k)
                    ),
                ));
            };
            let key = key.to_cow()?.into_owned();
            let child = format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"));
            map.insert(key, from_py(&v, &child)?);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for (i, item) in obj.try_iter()?.enumerate() {
            items.push(from_py(&item?, &format!("{pointer}/{i}"))?);
        }
        return Ok(Value::Array(items));
    }
    Err(schema_error(
        py,
        format!(
            "the schema value at {} has type {}, which JSON cannot represent; use dict, list, str, int, float, bool or None",
            at(pointer),
            type_name(obj)
        ),
    ))
}

fn at(pointer: &str) -> &str {
    if pointer.is_empty() {
        "the top level"
    } else {
        pointer
    }
}

/// The Python type name of `obj`, for messages.
pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_owned())
}
