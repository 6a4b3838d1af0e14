//! Keyword arguments → the engine's one options type. The names, defaults and checks are
//! the engine's ([`conforme::ValidationOptions::from_json`]): this only converts the
//! Python values and maps the error to `ValueError`.

use crate::convert::from_py;
use conforme::ValidationOptions;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The options given as keyword arguments (snake_case names, `None` for the default).
pub(crate) fn from_kwargs(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<ValidationOptions> {
    let Some(kwargs) = kwargs else {
        return Ok(ValidationOptions::default());
    };
    let value = from_py(kwargs.as_any(), "")?;
    ValidationOptions::from_json(&value).map_err(|e| PyValueError::new_err(e.to_string()))
}
