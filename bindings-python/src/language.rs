//! `conforme.language`: the command's rule for the language of messages, for the Python
//! entry points that print their own lines next to the command's (the pre-commit hook).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// language(tag=None) -> str
///
/// The language of the messages, "fr" or "en", by the `conforme` command's rule: `tag` as
/// `--lang` reads it ("en", "fr_FR.UTF-8"), else the locale (the first of LC_ALL,
/// LC_MESSAGES, LANG that is set: English when it names English), else French. An unknown
/// `tag` raises ValueError.
#[pyfunction]
#[pyo3(signature = (tag = None))]
pub(crate) fn language(tag: Option<&str>) -> PyResult<&'static str> {
    let lang = match tag {
        Some(tag) => tag
            .parse::<conforme::Lang>()
            .map_err(|e| PyValueError::new_err(e.to_string()))?,
        None => conforme::Lang::from_environment(),
    };
    Ok(lang.tag())
}
