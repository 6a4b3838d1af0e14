//! What `source` may be: a path, bytes, a binary file object, or an http(s) URL.

use crate::convert::type_name;
use crate::errors::{from_document, from_source, source_error};
use crate::remote::{Access, Connection, source_failure};
use conforme::document::{self, DocumentError, DocumentReport, DocumentSchema};
use conforme::{StreamValidator, ValidationOptions, Validator};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyMemoryView, PyString};
use std::path::PathBuf;

/// Bytes read from a file object per call to its `read` method.
pub(crate) const READ_SIZE: usize = 1 << 20;

/// An input, classified once.
pub(crate) enum Source {
    /// A file on disk, validated by the parallel driver.
    Path(PathBuf),
    /// Bytes in memory (zero copy for `bytes`).
    Bytes(Py<PyBytes>),
    /// An object with a `read(n)` method returning `bytes`.
    Reader(Py<PyAny>),
    /// An http(s) address, streamed (never downloaded whole first).
    Url {
        /// The address.
        url: String,
        /// The HTTP client to fetch it with.
        connection: Connection,
    },
}

impl Source {
    /// Classifies `obj` (URLs are fetched with `access`), refusing unknown types.
    pub(crate) fn from_py(obj: &Bound<'_, PyAny>, access: &Access) -> PyResult<Source> {
        let py = obj.py();
        if let Ok(bytes) = obj.cast::<PyBytes>() {
            return Ok(Source::Bytes(bytes.clone().unbind()));
        }
        if obj.is_instance_of::<PyByteArray>() || obj.is_instance_of::<PyMemoryView>() {
            let copy = py.import("builtins")?.getattr("bytes")?.call1((obj,))?;
            return Ok(Source::Bytes(copy.cast_into::<PyBytes>()?.unbind()));
        }
        if let Ok(text) = obj.cast::<PyString>() {
            let text = text.to_cow()?;
            if conforme_remote::is_url(&text) {
                return Ok(Source::Url {
                    url: text.into_owned(),
                    connection: access.connect()?,
                });
            }
        }
        if obj.is_instance_of::<PyString>() || obj.hasattr("__fspath__")? {
            return Ok(Source::Path(obj.extract::<PathBuf>()?));
        }
        if obj.hasattr("read")? {
            return Ok(Source::Reader(obj.clone().unbind()));
        }
        Err(PyTypeError::new_err(format!(
            "source must be a path (str or os.PathLike), an http(s) URL, bytes, or a binary file object (open(path, \"rb\")); got {}",
            type_name(obj)
        )))
    }

    /// How the input is named in reports and messages.
    pub(crate) fn place(&self, py: Python<'_>) -> String {
        match self {
            Source::Path(p) => p.display().to_string(),
            Source::Url { url, .. } => url.clone(),
            Source::Bytes(_) => "<bytes>".to_owned(),
            Source::Reader(r) => r
                .bind(py)
                .getattr("name")
                .ok()
                .and_then(|n| n.extract::<PathBuf>().ok())
                .map_or_else(|| "<stream>".to_owned(), |p| p.display().to_string()),
        }
    }

    /// Validates the whole input through the engine's door, with the GIL released during
    /// validation.
    pub(crate) fn validate(
        &self,
        py: Python<'_>,
        schema: &DocumentSchema,
        options: &ValidationOptions,
        place: &str,
    ) -> PyResult<DocumentReport> {
        let fail = |e: DocumentError| from_document(py, &e, place);
        match self {
            Source::Path(path) => py
                .detach(|| document::validate_path(path, Some(schema), options))
                .map_err(fail),
            Source::Bytes(bytes) => {
                let data = bytes.bind(py).as_bytes();
                py.detach(|| document::validate_slice(data, schema, options))
                    .map_err(fail)
            }
            Source::Reader(reader) => {
                let read = reader.bind(py).getattr("read")?;
                let DocumentSchema::Table(table) = schema else {
                    // A JSON document is parsed whole (or split by the engine): read it first.
                    let mut all = Vec::new();
                    loop {
                        let chunk = read_chunk(&read, place)?;
                        if chunk.as_bytes().is_empty() {
                            break;
                        }
                        all.extend_from_slice(chunk.as_bytes());
                    }
                    return py
                        .detach(|| document::validate_slice(&all, schema, options))
                        .map_err(fail);
                };
                let mut stream = Validator::with_options(table, options.clone()).stream();
                loop {
                    let chunk = read_chunk(&read, place)?;
                    let data = chunk.as_bytes();
                    if data.is_empty() {
                        break;
                    }
                    push(py, &mut stream, data, place)?;
                    if stream.is_done() {
                        break;
                    }
                }
                let mut report = py
                    .detach(|| stream.finish())
                    .map_err(|e| from_source(py, &e, place))?;
                document::add_lint(&mut report, schema, options);
                Ok(DocumentReport::Single(report))
            }
            Source::Url { url, connection } => {
                let result = py.detach(|| -> Result<DocumentReport, String> {
                    let body = connection
                        .remote
                        .open_data(url)
                        .map_err(|e| e.to_string())?;
                    document::validate_reader(body, schema, options)
                        .map_err(|e| format!("{url}: {e}"))
                });
                connection.warn(py)?;
                result.map_err(|message| source_failure(py, &message))
            }
        }
    }
}

/// Pushes a chunk with the GIL released, then lets Python handle pending signals (Ctrl-C).
pub(crate) fn push(
    py: Python<'_>,
    stream: &mut StreamValidator,
    data: &[u8],
    place: &str,
) -> PyResult<()> {
    py.detach(|| stream.push(data))
        .map_err(|e| from_source(py, &e, place))?;
    py.check_signals()
}

/// Calls `read(READ_SIZE)` and checks that it returned bytes.
pub(crate) fn read_chunk<'py>(
    read: &Bound<'py, PyAny>,
    place: &str,
) -> PyResult<Bound<'py, PyBytes>> {
    let py = read.py();
    let chunk = read.call1((READ_SIZE,))?;
    if chunk.is_instance_of::<PyBytes>() {
        return Ok(chunk.cast_into::<PyBytes>()?);
    }
    if chunk.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{place}: the file object is in text mode (read() returned str); open it in binary mode, open(path, \"rb\"), so conforme can detect the encoding itself"
        )));
    }
    Err(source_error(
        py,
        format!(
            "{place}: read() returned {} instead of bytes; pass a binary file object (open(path, \"rb\"), io.BytesIO…)",
            type_name(&chunk)
        ),
        None,
    ))
}
