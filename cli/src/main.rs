//! `conforme`: check CSV and JSON files against the schemas of schema.data.gouv.fr.
//! Everything is in the library (`conforme_cli`); this is only the process's entry.

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(conforme_cli::main_with_args(std::env::args_os()))
}
