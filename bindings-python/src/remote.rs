//! Network access for the package: the keyword arguments `catalog=`, `cache_dir=`,
//! `offline=` and `timeout=` turned into a `conforme_remote::Remote` (the HTTP client, cache
//! and catalogue the command line uses), and its errors and warnings turned into Python's.

use crate::errors::{schema_error, source_error};
use conforme_remote::{CacheWarning, Remote, RemoteConfig, RemoteError, WarningSink};
use pyo3::exceptions::{PyRuntimeWarning, PyValueError};
use pyo3::prelude::*;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Default network timeout, in seconds (the command line's too).
pub(crate) const DEFAULT_TIMEOUT: f64 = 30.0;

/// Default seconds a cached document is trusted without revalidation (the command line's too).
pub(crate) const DEFAULT_CACHE_TTL: f64 = 3600.0;

/// The network settings of one call.
#[derive(Clone, Default)]
pub(crate) struct Access {
    /// Catalogue address or file (`None`: `$CONFORME_CATALOG`, else schema.data.gouv.fr).
    pub catalog: Option<String>,
    /// Cache directory (`None`: `$CONFORME_CACHE_DIR`, else the platform's).
    pub cache_dir: Option<PathBuf>,
    /// Only the cache, never the network.
    pub offline: bool,
    /// Seconds allowed to connect, for the first byte, and for each read.
    pub timeout: Option<f64>,
    /// Seconds during which a cached document is used without asking the server again
    /// (then it is revalidated with ETag / Last-Modified).
    pub cache_ttl: Option<f64>,
}

/// A [`Remote`] whose cache warnings are kept, to be raised as Python warnings once the
/// GIL is held again (they arise while it is released).
pub(crate) struct Connection {
    pub remote: Remote,
    warnings: Arc<Mutex<Vec<String>>>,
}

impl Access {
    /// Opens the connection these settings describe (no network traffic yet).
    pub(crate) fn connect(&self) -> PyResult<Connection> {
        let seconds = self.timeout.unwrap_or(DEFAULT_TIMEOUT);
        if !(seconds.is_finite() && seconds > 0.0) {
            return Err(PyValueError::new_err(format!(
                "timeout={seconds} must be a positive number of seconds"
            )));
        }
        let ttl = self.cache_ttl.unwrap_or(DEFAULT_CACHE_TTL);
        if !(ttl.is_finite() && ttl >= 0.0) {
            return Err(PyValueError::new_err(format!(
                "cache_ttl={ttl} must be a number of seconds, 0 or more"
            )));
        }
        let warnings = Arc::new(Mutex::new(Vec::new()));
        let collected = Arc::clone(&warnings);
        let sink: WarningSink = Arc::new(move |w: &CacheWarning| {
            if let Ok(mut list) = collected.lock() {
                list.push(pythonize(&w.to_string()));
            }
        });
        let remote = Remote::new(RemoteConfig {
            catalog: self.catalog.clone(),
            cache_dir: self.cache_dir.clone(),
            offline: self.offline,
            timeout: Duration::from_secs_f64(seconds),
            cache_ttl: Duration::from_secs_f64(ttl),
            on_warning: Some(sink),
        });
        Ok(Connection { remote, warnings })
    }
}

impl Connection {
    /// Raises the collected cache warnings as `RuntimeWarning`s.
    pub(crate) fn warn(&self, py: Python<'_>) -> PyResult<()> {
        let list = std::mem::take(&mut *self.warnings.lock().unwrap_or_else(|e| e.into_inner()));
        for message in list {
            let category = py.get_type::<PyRuntimeWarning>();
            let text = std::ffi::CString::new(message.replace('\0', " "))
                .map_err(|e| PyValueError::new_err(e.to_string()))?;
            PyErr::warn(py, &category, &text, 1)?;
        }
        Ok(())
    }
}

/// The shared crate's messages name the command line's options; a Python user sets
/// keyword arguments instead.
pub(crate) fn pythonize(message: &str) -> String {
    message
        .replace(
            "Run the command once without --offline to fill the cache",
            "Call it once with offline=False to fill the cache",
        )
        .replace("--offline", "offline=True")
        .replace("--timeout", "timeout=")
        .replace(
            "`conforme catalog search WORDS` or `conforme catalog list`",
            "conforme.catalog.search(\"words\") or conforme.catalog.list()",
        )
        .replace("by this command", "by conforme")
}

/// A failure while getting a schema (or the catalogue): always a `SchemaError`, whatever
/// the cause (network, cache, catalogue, descriptor), as `Schema.from_path` does for files.
pub(crate) fn schema_failure(py: Python<'_>, error: &RemoteError) -> PyErr {
    schema_error(py, pythonize(&error.to_string()))
}

/// A failure while reading data: a `SourceError`.
pub(crate) fn source_failure(py: Python<'_>, message: &str) -> PyErr {
    source_error(py, pythonize(message), None)
}
