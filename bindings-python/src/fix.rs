//! `conforme.fix`: a corrected copy of a table through the engine's `repair` module
//! (conversion and error mapping only).

use crate::errors::{from_source, source_error};
use crate::options;
use crate::remote::Access;
use crate::schema::PySchema;
use crate::source::Source;
use conforme::document::DocumentSchema;
use conforme::repair::{self, ChangeLog, Input, RepairError, RepairOptions};
use conforme::{Schema, ValidationOptions};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// fix(source, schema, output, *, log=None, closest_enum=False, swap_coordinates=False,
/// catalog=None, cache_dir=None, offline=False, timeout=30.0, cache_ttl=3600.0, **options)
/// -> dict
///
/// Writes to `output` a corrected copy of the table `source` (a path, bytes or a binary
/// file object): UTF-8, comma-separated, header labels and column order as `schema` expects,
/// each failing cell rewritten when exactly one safe repair makes it pass (as `conforme
/// fix`). `log`: a path receiving the CSV log of every change (row, column, old, new,
/// rule). `closest_enum` and `swap_coordinates` allow those two judgement calls. Returns
/// `{"rows", "changes", "by_rule", "reordered"}`; validate `output` to see what is left.
#[pyfunction]
#[pyo3(signature = (source, schema, output, *, log = None, closest_enum = false, swap_coordinates = false, catalog = None, cache_dir = None, offline = false, timeout = None, cache_ttl = None, **options))]
#[allow(clippy::too_many_arguments)] // Python keyword arguments.
pub(crate) fn fix(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    schema: &Bound<'_, PyAny>,
    output: PathBuf,
    log: Option<PathBuf>,
    closest_enum: bool,
    swap_coordinates: bool,
    catalog: Option<String>,
    cache_dir: Option<PathBuf>,
    offline: bool,
    timeout: Option<f64>,
    cache_ttl: Option<f64>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Py<PyDict>> {
    let access = Access {
        catalog,
        cache_dir,
        offline,
        timeout,
        cache_ttl,
    };
    let options = options::from_kwargs(options)?;
    let DocumentSchema::Table(schema) = PySchema::coerce(py, Some(schema), &access, &options)?
    else {
        return Err(pyo3::exceptions::PyValueError::new_err(
            "fix repairs a table: give a Table Schema, not a JSON Schema",
        ));
    };
    let source = Source::from_py(source, &access)?;
    let place = source.place(py);
    if let Source::Path(path) = &source
        && same_file(path, &output)
    {
        return Err(pyo3::exceptions::PyValueError::new_err(format!(
            "output {}: write the corrected file next to the original, not over it",
            output.display()
        )));
    }
    let read_whole;
    let input = table_input(py, &source, "fix")?;
    let input = match input {
        Some(i) => i,
        None => {
            read_whole = read_all(py, &source)?;
            Input::Bytes(&read_whole)
        }
    };
    let repair_options = RepairOptions {
        closest_enum,
        swap_coordinates,
    };
    let summary = py.detach(|| -> Result<_, RepairError> {
        let written = |what, source| RepairError::Write { what, source };
        let mut out =
            BufWriter::new(File::create(&output).map_err(|e| written("the output file", e))?);
        let mut log = match &log {
            Some(path) => Some(
                File::create(path)
                    .and_then(|f| ChangeLog::new(BufWriter::new(f)))
                    .map_err(|e| written("the change log", e))?,
            ),
            None => None,
        };
        let summary = repair::fix(
            input,
            &schema,
            &options,
            &repair_options,
            &mut out,
            &mut |c| log.as_mut().map_or(Ok(()), |l| l.write(c)),
        )?;
        if let Some(log) = log {
            log.finish().map_err(|e| written("the change log", e))?;
        }
        std::io::Write::flush(&mut out).map_err(|e| written("the output file", e))?;
        Ok(summary)
    });
    let summary = summary.map_err(|e| from_repair(py, &e, &place))?;
    let dict = PyDict::new(py);
    dict.set_item("rows", summary.rows)?;
    dict.set_item("changes", summary.changes)?;
    dict.set_item("by_rule", summary.by_rule)?;
    dict.set_item("reordered", summary.reordered)?;
    Ok(dict.unbind())
}

/// The table to read: a path or bytes as they are (`None` for a file object, to read whole
/// with [`read_all`]); an address is refused (`what` names the function).
fn table_input<'s>(py: Python<'s>, source: &'s Source, what: &str) -> PyResult<Option<Input<'s>>> {
    match source {
        Source::Path(path) => Ok(Some(Input::Path(path))),
        Source::Bytes(bytes) => Ok(Some(Input::Bytes(bytes.bind(py).as_bytes()))),
        Source::Reader(_) => Ok(None),
        Source::Url { .. } => Err(pyo3::exceptions::PyValueError::new_err(format!(
            "{what} reads local files or bytes: download the file first"
        ))),
    }
}

/// `validate(..., valid_rows=…, invalid_rows=…)`: the rows without errors to one file, the
/// rows with errors plus a column listing them to the other (as `conforme validate
/// --valid-rows/--invalid-rows`), before the validation itself.
pub(crate) fn split_rows(
    py: Python<'_>,
    source: &Source,
    schema: &Schema,
    options: &ValidationOptions,
    valid: Option<&Path>,
    invalid: Option<&Path>,
    place: &str,
) -> PyResult<()> {
    let read_whole;
    let input = match table_input(py, source, "valid_rows and invalid_rows")? {
        Some(i) => i,
        None => {
            read_whole = read_all(py, source)?;
            Input::Bytes(&read_whole)
        }
    };
    let written = |source| RepairError::Write {
        what: "the valid and invalid rows",
        source,
    };
    let result = py.detach(|| -> Result<(), RepairError> {
        let open = |path: Option<&Path>| -> Result<Box<dyn std::io::Write>, RepairError> {
            match path {
                Some(p) => Ok(Box::new(BufWriter::new(File::create(p).map_err(written)?))),
                None => Ok(Box::new(std::io::sink())),
            }
        };
        let (mut good, mut bad) = (open(valid)?, open(invalid)?);
        repair::split(input, schema, options, &mut good, &mut bad)?;
        good.flush().map_err(written)?;
        bad.flush().map_err(written)
    });
    result.map_err(|e| from_repair(py, &e, place))
}

/// A repair that failed: unreadable input as for validation, a write failure as a
/// `SourceError` (an `OSError`) saying what could not be written.
fn from_repair(py: Python<'_>, e: &RepairError, place: &str) -> PyErr {
    match e {
        RepairError::Source(s) => from_source(py, s, place),
        other => source_error(py, other.to_string(), None),
    }
}

/// Whether two paths name the same file (the output would overwrite the input).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The whole content of a Python binary file object.
fn read_all(py: Python<'_>, source: &Source) -> PyResult<Vec<u8>> {
    let Source::Reader(reader) = source else {
        return Ok(Vec::new());
    };
    reader.bind(py).call_method0("read")?.extract()
}
