//! What the command writes: reports on standard output (a full disk is an error, a closed
//! pipe is not), colours only on a terminal, and the language of the messages.

use crate::Fatal;
use conforme::Lang;
use conforme::render::Style;
use std::io::{IsTerminal, Write};

/// Writes `out` to standard output. A reader that went away (`| head`) is not worth a
/// message; any other failure (a full disk, `/dev/full`) is, since the report is lost.
pub(crate) fn print(out: &str) -> Result<(), Fatal> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Fatal(format!(
            "cannot write the report to standard output: {e}. Check the free space of the disk or file you redirect to"
        ))),
    }
}

/// Colours when standard output is a terminal and `NO_COLOR` is not set.
pub(crate) fn style() -> Style {
    if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        Style::ansi()
    } else {
        Style::plain()
    }
}

/// The language asked for with `--lang`, else the one of the environment (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`), else French.
pub(crate) fn language(arg: Option<&str>) -> Result<Lang, Fatal> {
    if let Some(tag) = arg {
        return tag.parse::<Lang>().map_err(|e| Fatal(e.to_string()));
    }
    let env = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
    Ok(env.as_deref().and_then(Lang::from_tag).unwrap_or(Lang::Fr))
}
