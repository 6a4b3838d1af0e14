//! One module per subcommand. Each returns the exit status: 0 valid (or done), 1 invalid,
//! and a [`Fatal`](crate::Fatal) error for status 2.

pub(crate) mod fix;
pub(crate) mod generate;
pub(crate) mod schema;
pub(crate) mod validate;

use crate::args::{Cli, Command};
use crate::output::{language, print};
use crate::{Fatal, remote};

/// Runs the parsed command line.
pub(crate) fn run(cli: Cli) -> Result<u8, Fatal> {
    let remote = cli.remote.connect();
    match cli.command {
        Command::Validate(args) => validate::run(&remote, &args),
        Command::Schema { action } => schema::run(action),
        Command::Catalog { action } => {
            let out = remote::commands::catalog(&remote, action, language(None)?)
                .map_err(|e| Fatal(e.to_string()))?;
            print(&out)?;
            Ok(0)
        }
        Command::Fix(args) => fix::run(&remote, &args),
        Command::Generate(args) => {
            generate::run(&remote, &args).map_err(Fatal)?;
            Ok(0)
        }
        Command::Guess { data, top, format } => {
            let (out, found) =
                remote::commands::guess(&remote, &data, top, format, language(None)?)
                    .map_err(|e| Fatal(e.to_string()))?;
            print(&out)?;
            Ok(u8::from(!found))
        }
    }
}

/// The exit status of a verdict.
pub(crate) fn status(valid: bool) -> u8 {
    u8::from(!valid)
}
