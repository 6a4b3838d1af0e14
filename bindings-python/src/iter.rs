//! `conforme.iter_errors`: errors handed out while the input is read, in bounded memory.

use crate::errors::from_source;
use crate::remote::source_failure;
use crate::report::PyError;
use crate::source::{READ_SIZE, Source, push, read_chunk};
use conforme::{Diagnostic, StreamValidator};
use pyo3::prelude::*;
use std::collections::VecDeque;
use std::io::Read;

/// Where the next bytes come from.
enum Input {
    /// A file or a URL's body, read with the GIL released.
    /// (In a mutex only so that the iterator is `Sync`; it is never contended.)
    Stream(std::sync::Mutex<Box<dyn Read + Send>>),
    Bytes {
        data: Py<pyo3::types::PyBytes>,
        offset: usize,
    },
    Reader(Py<PyAny>),
}

/// A lazy iterator over the errors of one input: it reads (and validates) only as far as
/// needed to produce the next error.
#[pyclass(module = "conforme", name = "ErrorIterator")]
pub(crate) struct ErrorIterator {
    input: Input,
    stream: Option<StreamValidator>,
    pending: VecDeque<Diagnostic>,
    place: String,
    buffer: Vec<u8>,
}

impl ErrorIterator {
    pub(crate) fn new(
        py: Python<'_>,
        source: Source,
        stream: StreamValidator,
        place: String,
    ) -> PyResult<ErrorIterator> {
        let input = match source {
            Source::Path(path) => {
                let file = py
                    .detach(|| open(&path))
                    .map_err(|e| from_source(py, &e, &place))?;
                Input::Stream(std::sync::Mutex::new(Box::new(file)))
            }
            Source::Url { url, connection } => {
                let body = py.detach(|| connection.remote.open_data(&url));
                connection.warn(py)?;
                let body = body.map_err(|e| source_failure(py, &e.to_string()))?;
                Input::Stream(std::sync::Mutex::new(body))
            }
            Source::Bytes(data) => Input::Bytes { data, offset: 0 },
            Source::Reader(reader) => Input::Reader(reader),
        };
        Ok(ErrorIterator {
            input,
            stream: Some(stream),
            pending: VecDeque::new(),
            place,
            buffer: Vec::new(),
        })
    }

    /// Feeds the next piece of input; returns false at the end of the input.
    fn feed(&mut self, py: Python<'_>) -> PyResult<bool> {
        let place = self.place.as_str();
        let Some(stream) = self.stream.as_mut() else {
            return Ok(false);
        };
        match &mut self.input {
            Input::Stream(file) => {
                let file = file.get_mut().unwrap_or_else(|e| e.into_inner());
                let buffer = &mut self.buffer;
                buffer.resize(READ_SIZE, 0);
                let result = py.detach(|| -> Result<bool, conforme::SourceError> {
                    let n = read_some(file, buffer)?;
                    if n > 0 {
                        stream.push(&buffer[..n])?;
                    }
                    Ok(n > 0)
                });
                let more = result.map_err(|e| from_source(py, &e, place))?;
                py.check_signals()?;
                Ok(more)
            }
            Input::Bytes { data, offset } => {
                let all = data.bind(py).as_bytes();
                let end = (*offset + READ_SIZE).min(all.len());
                if *offset >= end {
                    return Ok(false);
                }
                push(py, stream, &all[*offset..end], place)?;
                *offset = end;
                Ok(true)
            }
            Input::Reader(reader) => {
                let read = reader.bind(py).getattr("read")?;
                let chunk = read_chunk(&read, place)?;
                let data = chunk.as_bytes();
                if data.is_empty() {
                    return Ok(false);
                }
                push(py, stream, data, place)?;
                Ok(true)
            }
        }
    }
}

fn open(path: &std::path::Path) -> Result<std::fs::File, conforme::SourceError> {
    if path.is_dir() {
        return Err(conforme::SourceError::Io(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            format!("{} is a directory, not a file", path.display()),
        )));
    }
    Ok(std::fs::File::open(path)?)
}

fn read_some(file: &mut impl Read, buffer: &mut [u8]) -> std::io::Result<usize> {
    loop {
        match file.read(buffer) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

#[pymethods]
impl ErrorIterator {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<PyError>> {
        loop {
            if let Some(d) = self.pending.pop_front() {
                return Ok(Some(PyError { inner: d }));
            }
            let Some(stream) = self.stream.as_mut() else {
                return Ok(None);
            };
            let more = !stream.is_done() && self.feed(py)?;
            let stream = self.stream.as_mut().expect("still streaming");
            if more {
                self.pending.extend(stream.take_errors());
                continue;
            }
            let stream = self.stream.take().expect("still streaming");
            let report = py
                .detach(|| stream.finish())
                .map_err(|e| from_source(py, &e, &self.place))?;
            self.pending.extend(report.errors);
        }
    }
}
