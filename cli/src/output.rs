//! What the command writes: reports on standard output (a full disk is an error, a closed
//! pipe is not), colours only on a terminal, and the language of the messages.

use crate::Fatal;
use conforme::Lang;
use conforme::render::Style;
use std::io::{IsTerminal, Write};

/// Writes `out` to standard output. A reader that went away (`| head`) is not worth a
/// message; any other failure (a full disk, `/dev/full`) is, since the report is lost.
pub(crate) fn print(out: &str) -> Result<(), Fatal> {
    print_with(|stdout| stdout.write_all(out.as_bytes()))
}

/// Lets `write` write to standard output, with [`print`]'s handling of failures.
pub(crate) fn print_with(
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Fatal> {
    let mut stdout = std::io::stdout().lock();
    match write(&mut stdout).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Fatal(format!(
            "cannot write the report to standard output: {e}. Check the free space of the disk or file you redirect to"
        ))),
    }
}

/// Standard output written piece by piece (streamed reports). The first piece is written
/// at once, the next ones every 64 KiB or 100 ms, whichever comes first: a reader sees the
/// errors while the file is still being read, without one system call per error; a
/// failure is kept and reported once at the end, like [`print`]'s.
#[derive(Default)]
pub(crate) struct StreamOut {
    buffer: String,
    last_write: Option<std::time::Instant>,
    failure: Option<std::io::Error>,
}

impl StreamOut {
    const BUFFER: usize = 64 * 1024;
    const DELAY: std::time::Duration = std::time::Duration::from_millis(100);

    pub(crate) fn write(&mut self, piece: &str) {
        if self.failure.is_some() {
            return;
        }
        self.buffer.push_str(piece);
        let due = self.last_write.is_none_or(|t| t.elapsed() >= Self::DELAY);
        if due || self.buffer.len() >= Self::BUFFER {
            self.flush();
        }
    }

    fn flush(&mut self) {
        let mut stdout = std::io::stdout().lock();
        if let Err(e) = stdout
            .write_all(self.buffer.as_bytes())
            .and_then(|()| stdout.flush())
        {
            self.failure = Some(e);
        }
        self.buffer.clear();
        self.last_write = Some(std::time::Instant::now());
    }

    pub(crate) fn finish(mut self) -> Result<(), Fatal> {
        if self.failure.is_none() {
            self.flush();
        }
        match self.failure {
            None => Ok(()),
            Some(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            Some(e) => Err(Fatal(format!(
                "cannot write the report to standard output: {e}. Check the free space of the disk or file you redirect to"
            ))),
        }
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

/// `fr` or `en`, as `lang` asks.
pub(crate) fn say(lang: Lang, fr: String, en: String) -> String {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// An I/O failure in `lang`.
pub(crate) fn io_text(e: &std::io::Error, lang: Lang) -> String {
    conforme::report::io_message(e, lang)
}

/// The language asked for with `--lang`, else the environment's
/// ([`Lang::from_environment`]: `LC_ALL`, `LC_MESSAGES`, `LANG`, else French).
pub(crate) fn language(arg: Option<&str>) -> Result<Lang, Fatal> {
    match arg {
        Some(tag) => tag.parse::<Lang>().map_err(|e| Fatal(e.to_string())),
        None => Ok(Lang::from_environment()),
    }
}
