//! A progress bar on stderr (bytes, rows per second, ETA) for inputs that take more than a
//! second, on a terminal only. It wraps the input reader, so the core knows nothing of it.

use conforme::Lang;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Read};
use std::time::{Duration, Instant};

/// How long a run must last before the bar appears (short runs stay quiet).
const DELAY: Duration = Duration::from_secs(1);

/// A reader that advances a progress bar as bytes are read.
pub struct ProgressReader<R> {
    inner: R,
    bar: ProgressBar,
    started: Instant,
    shown: bool,
    lines: u64,
    rows_per_second: &'static str,
}

impl<R: Read> ProgressReader<R> {
    /// Wraps `inner` when stderr is a terminal; `total` is the input size when known.
    pub fn wrap(inner: R, total: Option<u64>, lang: Lang) -> Result<ProgressReader<R>, R> {
        if !std::io::stderr().is_terminal() {
            return Err(inner);
        }
        let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::hidden());
        let template = match (total.is_some(), lang) {
            (true, Lang::Fr) => "{bar:30} {bytes}/{total_bytes} · {msg} · reste {eta}",
            (true, Lang::En) => "{bar:30} {bytes}/{total_bytes} · {msg} · {eta} left",
            (false, _) => "{spinner} {bytes} · {msg}",
        };
        bar.set_style(
            ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Ok(ProgressReader {
            inner,
            bar,
            started: Instant::now(),
            shown: false,
            lines: 0,
            rows_per_second: match lang {
                Lang::Fr => "lignes/s",
                Lang::En => "rows/s",
            },
        })
    }
}

impl<R: Read> Read for ProgressReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.lines += memchr::memchr_iter(b'\n', &buf[..n]).count() as u64;
        self.bar.inc(n as u64);
        let elapsed = self.started.elapsed();
        if !self.shown && elapsed >= DELAY {
            self.shown = true;
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        if self.shown {
            let rate = self.lines as f64 / elapsed.as_secs_f64().max(1e-3);
            self.bar
                .set_message(format!("{rate:.0} {}", self.rows_per_second));
        }
        if n == 0 {
            self.bar.finish_and_clear();
        }
        Ok(n)
    }
}

impl<R> Drop for ProgressReader<R> {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
