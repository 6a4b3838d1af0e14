//! CSV dialect (Table Dialect keys) and delimiter detection.

use serde::Serialize;

/// How the CSV text is written. `Dialect::default()` is RFC 4180 (comma, double quote).
///
/// ```
/// let d = conforme::Dialect { delimiter: b';', ..Default::default() };
/// assert_eq!(d.quote_char, Some(b'"'));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Dialect {
    /// Field separator (`delimiter`).
    pub delimiter: u8,
    /// Quote character (`quoteChar`); `None` disables quoting.
    pub quote_char: Option<u8>,
    /// Whether `""` inside a quoted cell is a literal quote (`doubleQuote`).
    pub double_quote: bool,
    /// Escape character (`escapeChar`).
    pub escape_char: Option<u8>,
    /// Whether spaces after a delimiter are ignored (`skipInitialSpace`).
    pub skip_initial_space: bool,
    /// Whether the first record is a header (`header`).
    pub header: bool,
    /// Lines starting with this byte are comments (`commentChar`).
    pub comment_char: Option<u8>,
    /// 1-based rows that make the header (`headerRows`, default `[1]`); several rows are
    /// joined cell by cell with `header_join`. Data starts after the last of them.
    pub header_rows: Vec<usize>,
    /// Separator of joined header rows (`headerJoin`, default a space).
    pub header_join: String,
    /// Text that stands for a missing value in this file (`nullSequence`).
    pub null_sequence: Option<String>,
}

impl Default for Dialect {
    fn default() -> Self {
        Dialect {
            delimiter: b',',
            quote_char: Some(b'"'),
            double_quote: true,
            escape_char: None,
            skip_initial_space: false,
            header: true,
            comment_char: None,
            header_rows: vec![1],
            header_join: " ".to_owned(),
            null_sequence: None,
        }
    }
}

/// A Table Dialect descriptor that cannot be used.
///
/// ```
/// let mut d = conforme::Dialect::default();
/// let err = d.apply_json(&serde_json::json!({"delimiter": ";;"})).unwrap_err();
/// assert!(err.to_string().contains("delimiter"));
/// ```
#[derive(Debug, thiserror::Error)]
#[error("invalid dialect: {key} {problem}")]
pub struct DialectError {
    /// The Table Dialect key.
    pub key: String,
    /// What is wrong with its value.
    pub problem: String,
}

fn dialect_error(key: &str, problem: &str) -> DialectError {
    DialectError {
        key: key.to_owned(),
        problem: problem.to_owned(),
    }
}

/// One ASCII character, or `None` for `null`/`""` where that means "none".
fn one_char(key: &str, v: &serde_json::Value) -> Result<Option<u8>, DialectError> {
    match v {
        serde_json::Value::Null => Ok(None),
        serde_json::Value::String(s) if s.is_empty() => Ok(None),
        serde_json::Value::String(s) if s == "\\t" => Ok(Some(b'\t')),
        serde_json::Value::String(s) if s.len() == 1 && s.is_ascii() => Ok(Some(s.as_bytes()[0])),
        _ => Err(dialect_error(key, "must be a single ASCII character")),
    }
}

fn flag(key: &str, v: &serde_json::Value) -> Result<bool, DialectError> {
    v.as_bool()
        .ok_or_else(|| dialect_error(key, "must be true or false"))
}

/// Table Dialect keys read but without effect here (CSV line ends are detected).
const IGNORED_KEYS: &[&str] = &[
    "$schema",
    "lineTerminator",
    "caseSensitiveHeader",
    "csvddfVersion",
    "name",
    "title",
    "description",
];

impl Dialect {
    /// Applies the keys of a Table Dialect descriptor (`{"delimiter": ";", "header": false}`),
    /// leaving the others as they are. Returns whether the delimiter was given.
    ///
    /// ```
    /// let mut d = conforme::Dialect::default();
    /// let given = d.apply_json(&serde_json::json!({"delimiter": ";", "headerRows": [1, 2], "nullSequence": "NA"})).unwrap();
    /// assert!(given);
    /// assert_eq!(d.delimiter, b';');
    /// assert_eq!(d.header_rows, vec![1, 2]);
    /// assert_eq!(d.null_sequence.as_deref(), Some("NA"));
    /// ```
    pub fn apply_json(&mut self, descriptor: &serde_json::Value) -> Result<bool, DialectError> {
        let object = descriptor
            .as_object()
            .ok_or_else(|| dialect_error("descriptor", "must be a JSON object"))?;
        let mut delimiter_given = false;
        for (key, v) in object {
            match key.as_str() {
                "delimiter" => {
                    self.delimiter =
                        one_char(key, v)?.ok_or_else(|| dialect_error(key, "cannot be empty"))?;
                    delimiter_given = true;
                }
                "quoteChar" => self.quote_char = one_char(key, v)?,
                "doubleQuote" => self.double_quote = flag(key, v)?,
                "escapeChar" => self.escape_char = one_char(key, v)?,
                "skipInitialSpace" => self.skip_initial_space = flag(key, v)?,
                "header" => self.header = flag(key, v)?,
                "commentChar" => self.comment_char = one_char(key, v)?,
                "nullSequence" => {
                    self.null_sequence = Some(
                        v.as_str()
                            .ok_or_else(|| dialect_error(key, "must be a string"))?
                            .to_owned(),
                    )
                }
                "headerJoin" => {
                    self.header_join = v
                        .as_str()
                        .ok_or_else(|| dialect_error(key, "must be a string"))?
                        .to_owned()
                }
                "headerRows" => {
                    let rows: Option<Vec<usize>> = v.as_array().and_then(|a| {
                        a.iter()
                            .map(|n| n.as_u64().filter(|&n| n >= 1).map(|n| n as usize))
                            .collect()
                    });
                    match rows {
                        Some(rows) if !rows.is_empty() => self.header_rows = rows,
                        _ => {
                            return Err(dialect_error(
                                key,
                                "must be a non-empty list of row numbers from 1 (e.g. [1] or [1, 2])",
                            ));
                        }
                    }
                }
                k if IGNORED_KEYS.contains(&k) => {}
                other => {
                    return Err(dialect_error(
                        other,
                        "is not a Table Dialect key (known: delimiter, quoteChar, doubleQuote, escapeChar, skipInitialSpace, header, headerRows, headerJoin, commentChar, nullSequence)",
                    ));
                }
            }
        }
        Ok(delimiter_given)
    }

    /// Records before the first data row: the last header row (0 without a header).
    pub fn header_record_count(&self) -> usize {
        if self.header {
            self.header_rows.iter().copied().max().unwrap_or(1)
        } else {
            0
        }
    }
}

/// The bytes as the record reader must see them: without the spaces that follow a
/// delimiter when the dialect says `skipInitialSpace` (borrowed unchanged otherwise).
pub(crate) fn records_text<'d>(data: &'d [u8], dialect: &Dialect) -> std::borrow::Cow<'d, [u8]> {
    if dialect.skip_initial_space {
        std::borrow::Cow::Owned(strip_initial_spaces(data, dialect))
    } else {
        std::borrow::Cow::Borrowed(data)
    }
}

/// Removes the spaces that follow a delimiter outside quoted cells (`skipInitialSpace`),
/// so that `a, "b"` reads as the cells `a` and `b`.
fn strip_initial_spaces(data: &[u8], dialect: &Dialect) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut in_quote = false;
    let mut just_closed = false;
    let mut cell_start = true;
    for &b in data {
        if in_quote {
            if Some(b) == dialect.quote_char {
                in_quote = false;
                just_closed = true;
            }
            out.push(b);
            continue;
        }
        if std::mem::take(&mut just_closed) && Some(b) == dialect.quote_char {
            // A doubled quote inside a quoted cell.
            in_quote = true;
            out.push(b);
            continue;
        }
        if cell_start && b == b' ' {
            continue;
        }
        if cell_start && Some(b) == dialect.quote_char {
            in_quote = true;
        }
        cell_start = b == dialect.delimiter || b == b'\n' || b == b'\r';
        out.push(b);
    }
    out
}

impl Dialect {
    /// A `csv` reader configured for this dialect, reading records without headers.
    pub(crate) fn reader_builder(&self) -> csv::ReaderBuilder {
        let mut b = csv::ReaderBuilder::new();
        b.has_headers(false)
            .flexible(true)
            .delimiter(self.delimiter)
            .double_quote(self.double_quote)
            .escape(self.escape_char)
            .comment(self.comment_char);
        match self.quote_char {
            Some(q) => b.quote(q).quoting(true),
            None => b.quoting(false),
        };
        b
    }
}

const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Picks the delimiter of `sample` among `,` `;` tab `|`.
///
/// Each candidate parses the sample with quotes honoured; the header matching the schema's
/// field names wins outright, otherwise the candidate whose records most consistently have
/// the same number (≥ 2) of cells. Ties go to the comma.
pub(crate) fn sniff_delimiter(sample: &[u8], quote: Option<u8>, field_names: &[&str]) -> u8 {
    let mut best = (b',', 0.0f64);
    for &candidate in &CANDIDATES {
        let dialect = Dialect {
            delimiter: candidate,
            quote_char: quote,
            ..Dialect::default()
        };
        let mut reader = dialect.reader_builder().from_reader(sample);
        let mut counts: Vec<usize> = Vec::new();
        let mut header_hits = 0usize;
        let mut record = csv::ByteRecord::new();
        while counts.len() < 200 {
            match reader.read_byte_record(&mut record) {
                Ok(true) => {}
                _ => break,
            }
            if counts.is_empty() {
                header_hits = record
                    .iter()
                    .filter(|label| {
                        let label = String::from_utf8_lossy(label);
                        let label = label.trim();
                        field_names.iter().any(|n| n.eq_ignore_ascii_case(label))
                    })
                    .count();
            }
            counts.push(record.len());
        }
        // The last record of a sample may be cut short: leave it out when there are others.
        if counts.len() > 2 {
            counts.pop();
        }
        let Some(&first) = counts.first() else {
            continue;
        };
        let consistent =
            counts.iter().filter(|&&c| c == first).count() as f64 / counts.len() as f64;
        let mut score = if first >= 2 {
            consistent * (1.0 + (first as f64).ln())
        } else {
            0.0
        };
        if field_names.len() >= 2
            && header_hits * 2 >= field_names.len().min(first.max(1))
            && header_hits >= 2
        {
            score += 100.0 + header_hits as f64;
        }
        if score > best.1 {
            best = (candidate, score);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_semicolon_with_decimal_commas() {
        let sample = b"a;b;c\n1,5;2,5;x\n3,1;4;\"y;z\"\n";
        assert_eq!(sniff_delimiter(sample, Some(b'"'), &[]), b';');
    }

    #[test]
    fn quoted_commas_do_not_mislead() {
        let sample = b"nom,adresse\n\"Dupont\",\"1, rue; de la Paix\"\n\"Durand\",\"2, rue\"\n";
        assert_eq!(sniff_delimiter(sample, Some(b'"'), &[]), b',');
    }

    #[test]
    fn header_matching_schema_wins() {
        let sample = b"id|nom\n1|a,b,c\n";
        assert_eq!(sniff_delimiter(sample, Some(b'"'), &["id", "nom"]), b'|');
    }

    #[test]
    fn tab_and_single_column() {
        assert_eq!(sniff_delimiter(b"a\tb\n1\t2\n", Some(b'"'), &[]), b'\t');
        assert_eq!(sniff_delimiter(b"a\n1\n2\n", Some(b'"'), &[]), b',');
    }
}
