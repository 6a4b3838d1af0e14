//! `python -m conforme`: the Rust command line itself, run inside the Python process.

use pyo3::prelude::*;
use std::ffi::OsString;

/// run_cli(argv) -> int: runs the `conforme` command line (argv[0] is the program name) and
/// returns its exit status. The GIL is released for the whole run.
#[pyfunction]
pub(crate) fn run_cli(py: Python<'_>, argv: Vec<OsString>) -> u8 {
    py.detach(|| conforme_cli::main_with_args(argv))
}
