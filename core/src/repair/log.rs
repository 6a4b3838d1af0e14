//! The change log of a repair as CSV (`row,column,old,new,rule`): what `conforme fix --log`
//! writes and what the Python `fix(log=…)` writes, one line per [`Change`].

use super::Change;
use std::io::Write;

/// Writes changes as CSV lines under a header line.
///
/// ```
/// use conforme::repair::{Change, ChangeLog, Rule};
/// let mut log = ChangeLog::new(Vec::new()).unwrap();
/// log.write(&Change { row: 2, column: "prix".into(), old: "2,5".into(), new: "2.5".into(),
///     rules: vec![Rule::DecimalComma] }).unwrap();
/// let text = String::from_utf8(log.finish().unwrap()).unwrap();
/// assert_eq!(text, "row,column,old,new,rule\n2,prix,\"2,5\",2.5,decimal-comma\n");
/// ```
pub struct ChangeLog<W: Write> {
    out: W,
}

impl<W: Write> ChangeLog<W> {
    /// A log writing to `out`, header line first.
    pub fn new(mut out: W) -> std::io::Result<ChangeLog<W>> {
        out.write_all(b"row,column,old,new,rule\n")?;
        Ok(ChangeLog { out })
    }

    /// Writes one change.
    pub fn write(&mut self, c: &Change) -> std::io::Result<()> {
        let row = c.row.to_string();
        let rule = c.rule();
        let cells = [row.as_str(), &c.column, &c.old, &c.new, &rule];
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.out.write_all(b",")?;
            }
            if cell.contains([',', '"', '\n', '\r']) {
                write!(self.out, "\"{}\"", cell.replace('"', "\"\""))?;
            } else {
                self.out.write_all(cell.as_bytes())?;
            }
        }
        self.out.write_all(b"\n")
    }

    /// Flushes and gives the writer back.
    pub fn finish(mut self) -> std::io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}
