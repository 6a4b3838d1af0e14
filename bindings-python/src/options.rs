//! Keyword arguments → [`conforme::ValidationOptions`].

use conforme::{Dialect, Lang, ValidationOptions};
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
}

impl Settings<'_> {
    /// The core options, or a `ValueError` naming the bad argument and its accepted values.
    pub(crate) fn options(&self) -> PyResult<ValidationOptions> {
        if let Some(profile) = self.profile {
            return Err(PyValueError::new_err(format!(
                "profile={profile:?} is not supported by this version of conforme yet; leave profile=None"
            )));
        }
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
