//! The `conforme` command line as a library, so that other front ends run exactly the
//! same program: the Python package's `python -m conforme` calls [`main_with_args`].
//!
//! ```no_run
//! let status = conforme_cli::main_with_args(["conforme", "validate", "data.csv", "--schema", "schema.json"]);
//! assert!(status <= 2);
//! ```

// The binary's source is compiled again as this library's root, so that the `crate::`
// paths of its modules resolve the same way; its `main` is only used by the binary.
#![allow(dead_code)]

include!("main.rs");
