//! Keyword arguments → [`conforme::ValidationOptions`].

use conforme::{Dialect, ErrorCode, HeaderProfile, Lang, ValidationOptions};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// The validation keyword arguments shared by `validate` and `iter_errors`.
pub(crate) struct Settings<'a> {
    pub max_errors: Option<usize>,
    pub encoding: Option<&'a str>,
    pub lang: &'a str,
    pub threads: Option<usize>,
    pub profile: Option<&'a str>,
    pub delimiter: Option<&'a str>,
    pub header: bool,
    pub ignore_header_case: bool,
    pub skip_checks: Option<Vec<String>>,
    pub pick_errors: Option<Vec<String>>,
    pub skip_errors: Option<Vec<String>>,
}

/// Error type names → codes, or a `ValueError` naming the unknown one.
fn codes(argument: &str, names: &[String]) -> PyResult<Vec<ErrorCode>> {
    names
        .iter()
        .map(|n| {
            ErrorCode::from_name(n).ok_or_else(|| {
                PyValueError::new_err(format!(
                    "{argument}: {n:?} is not an error type (examples: \"type-error\", \"constraint-error\", \"missing-label\")"
                ))
            })
        })
        .collect()
}

impl Settings<'_> {
    /// The core options, or a `ValueError` naming the bad argument and its accepted values.
    pub(crate) fn options(&self) -> PyResult<ValidationOptions> {
        let lang = Lang::from_tag(self.lang).ok_or_else(|| {
            PyValueError::new_err(format!(
                "lang={:?} is unknown: use \"fr\" or \"en\"",
                self.lang
            ))
        })?;
        if self.max_errors == Some(0) {
            return Err(PyValueError::new_err(
                "max_errors=0 would stop before reading anything: use a positive number, or None for every error",
            ));
        }
        if self.threads == Some(0) {
            return Err(PyValueError::new_err(
                "threads=0 is not a thread count: use a positive number, or None for one per core",
            ));
        }
        let mut options = ValidationOptions::default()
            .max_errors(self.max_errors)
            .threads(self.threads)
            .lang(lang);
        if let Some(name) = self.profile {
            let profile = HeaderProfile::from_name(name).ok_or_else(|| {
                let known: Vec<&str> = HeaderProfile::ALL.iter().map(|(_, n)| *n).collect();
                PyValueError::new_err(format!(
                    "profile={name:?} is unknown: use one of {}",
                    known.join(", ")
                ))
            })?;
            options = options.profile(profile);
        }
        options = options.ignore_header_case(self.ignore_header_case);
        if let Some(names) = &self.skip_checks {
            options = options.skip_checks(names.iter().cloned());
        }
        if let Some(names) = &self.pick_errors {
            options = options.pick_errors(codes("pick_errors", names)?);
        }
        if let Some(names) = &self.skip_errors {
            options = options.skip_errors(codes("skip_errors", names)?);
        }
        match self.encoding {
            None | Some("detect") => {}
            Some(label) => {
                options = options.encoding(label).ok_or_else(|| {
                    PyValueError::new_err(format!(
                        "encoding={label:?} is unknown: use \"utf-8\", \"windows-1252\", \"latin1\", \"utf-16le\"…, or None to detect it"
                    ))
                })?;
            }
        }
        let delimiter = self.delimiter.map(delimiter_byte).transpose()?;
        if !self.header {
            options = options.dialect(Dialect {
                header: false,
                delimiter: delimiter.unwrap_or(Dialect::default().delimiter),
                ..Dialect::default()
            });
        } else if let Some(d) = delimiter {
            options = options.delimiter(d);
        }
        Ok(options)
    }
}

fn delimiter_byte(text: &str) -> PyResult<u8> {
    match text.as_bytes() {
        [b] if b.is_ascii() => Ok(*b),
        _ => Err(PyValueError::new_err(format!(
            "delimiter={text:?} must be one ASCII character, such as \",\", \";\" or \"\\t\""
        ))),
    }
}

/// Applies a Table Dialect given as a dict (`{"delimiter": ";", "headerRows": [1, 2]}`).
pub(crate) fn with_dialect(
    options: ValidationOptions,
    dialect: &Bound<'_, PyAny>,
) -> PyResult<ValidationOptions> {
    let value = crate::convert::from_py(dialect, "dialect")?;
    options
        .dialect_json(&value)
        .map_err(|e| PyValueError::new_err(format!("dialect: {e}")))
}
