//! The `conforme` command line as a library, so that other front ends run exactly the
//! same program: the Python package's `python -m conforme` calls [`main_with_args`].
//!
//! Exit status: 0 valid, 1 invalid, 2 usage error, unreadable input or unusable schema.
//!
//! Layout: `args` (what the command line accepts, mapped onto the engine's one options
//! type), `commands/` (one module per subcommand), `output` (writing, colours, language),
//! `remote/` (catalogue, downloads, `guess`, `@all` versions), `progress` (the bar on a
//! terminal).
//!
//! ```no_run
//! let status = conforme_cli::main_with_args(["conforme", "validate", "data.csv", "--schema", "schema.json"]);
//! assert!(status <= 2);
//! ```

pub(crate) mod args;
mod commands;
mod output;
mod progress;
mod remote;

pub(crate) use args::Format;
use clap::Parser;

/// A failure that ends the run with exit status 2 and a paragraph on stderr.
#[derive(Debug)]
pub(crate) struct Fatal(pub String);

/// Runs the command line `args` (program name first) exactly as the `conforme` binary does
/// and returns its exit status.
pub fn main_with_args<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match args::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match commands::run(cli) {
        Ok(code) => code,
        Err(Fatal(message)) => {
            eprintln!("conforme: {message}");
            2
        }
    }
}
