//! Renderers of a [`Report`] as plain data (text, JSON, frictionless, JSON Lines, GitHub
//! annotations, JUnit, Markdown, HTML), one module per format, shared by the CLI, Python and
//! WASM. Terminal concerns (colours, TTY detection) belong to the caller: the text renderer
//! takes a [`Style`].
//!
//! ```
//! use conforme::render::{Format, RenderOptions};
//! let schema = conforme::Schema::from_slice(br#"{"fields": [{"name": "n", "type": "integer"}]}"#).unwrap();
//! let report = conforme::Validator::new(&schema).validate_slice(b"n\nx\n").unwrap();
//! let out = conforme::render::render(&report, Format::Markdown, &RenderOptions::new("data.csv"));
//! assert!(out.contains("| `n` |"));
//! ```

mod escape;
mod frictionless;
mod github;
mod html;
mod json;
mod jsonl;
pub(crate) mod junit;
mod markdown;
mod text;
mod ui;

pub use escape::{escape_controls, markdown_html, markdown_text};
pub use jsonl::write_diagnostic as jsonl_line;
pub use text::Style;

use super::{Diagnostic, Lang, Report};

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// For people on a terminal: grouped by column and type, with counts and examples.
    Text,
    /// The native versioned JSON report (`schemas/report.schema.json`).
    Json,
    /// The frictionless-py v5 report shape.
    Frictionless,
    /// One JSON object per error (then one summary line).
    Jsonl,
    /// GitHub Actions workflow annotations.
    Github,
    /// JUnit XML (one test case per column).
    Junit,
    /// Markdown for a pull request or a ticket.
    Markdown,
    /// A single self-contained HTML page.
    Html,
}

impl Format {
    /// Every format, in documentation order.
    pub const ALL: &'static [Format] = &[
        Format::Text,
        Format::Json,
        Format::Frictionless,
        Format::Jsonl,
        Format::Github,
        Format::Junit,
        Format::Markdown,
        Format::Html,
    ];

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Frictionless => "frictionless",
            Format::Jsonl => "jsonl",
            Format::Github => "github",
            Format::Junit => "junit",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = crate::OptionsError;

    /// A format by its name on the command line (`text`, `json`, `frictionless`…).
    ///
    /// ```
    /// assert_eq!("jsonl".parse::<conforme::render::Format>().unwrap(), conforme::render::Format::Jsonl);
    /// assert!("pdf".parse::<conforme::render::Format>().unwrap_err().to_string().contains("markdown"));
    /// ```
    fn from_str(name: &str) -> Result<Format, crate::OptionsError> {
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.name() == name)
            .ok_or_else(|| crate::OptionsError::UnknownValue {
                option: "format",
                value: name.to_owned(),
                accepted: Format::ALL
                    .iter()
                    .map(|f| f.name())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }
}

impl Format {
    /// Whether the format writes each error on its own line, so that errors can leave as
    /// they are found ([`render_error`], then [`render_end`]) instead of being kept.
    ///
    /// ```
    /// use conforme::render::Format;
    /// assert!(Format::Jsonl.streams() && Format::Github.streams());
    /// assert!(!Format::Json.streams());
    /// ```
    pub fn streams(self) -> bool {
        matches!(self, Format::Jsonl | Format::Github)
    }
}

/// One error as a streaming format writes it (`None` when the format does not stream).
///
/// ```
/// use conforme::render::{Format, RenderOptions, render_error};
/// use conforme::{Diagnostic, ErrorCode};
/// let d = Diagnostic::new(ErrorCode::BlankRow).at_row(3, 3);
/// let line = render_error(&d, Format::Github, &RenderOptions::new("data.csv")).unwrap();
/// assert!(line.starts_with("::error file=data.csv,line=3"));
/// ```
pub fn render_error(d: &Diagnostic, format: Format, options: &RenderOptions<'_>) -> Option<String> {
    match format {
        Format::Jsonl => Some(jsonl::write_diagnostic(d)),
        Format::Github => {
            let mut out = String::new();
            github::annotation(&mut out, d, options);
            Some(out)
        }
        _ => None,
    }
}

/// What a streaming format writes after the errors it streamed: the errors the report still
/// holds, its warnings and its closing line. For a report whose errors were all streamed,
/// the errors rendered one by one followed by this equal [`render`] of the whole report.
///
/// ```
/// use conforme::render::{Format, RenderOptions, render, render_end, render_error};
/// let schema = conforme::Schema::from_slice(br#"{"fields": [{"name": "n", "type": "integer"}]}"#).unwrap();
/// let validator = conforme::Validator::new(&schema);
/// let o = RenderOptions::new("data.csv");
/// let mut streamed = String::new();
/// let end = validator
///     .validate_reader_streaming(&b"n\nx\n"[..], &mut |e| {
///         streamed += &render_error(&e, Format::Jsonl, &o).unwrap()
///     })
///     .unwrap();
/// let whole = validator.validate_slice(b"n\nx\n").unwrap();
/// assert_eq!(streamed + &render_end(&end, Format::Jsonl, &o), render(&whole, Format::Jsonl, &o));
/// ```
pub fn render_end(report: &Report, format: Format, options: &RenderOptions<'_>) -> String {
    let held: String = report
        .errors
        .iter()
        .filter_map(|d| render_error(d, format, options))
        .collect();
    match format {
        Format::Jsonl => held + &jsonl::render_end(report),
        Format::Github => held + &github::render_end(report, options),
        _ => render(report, format, options),
    }
}

/// What a renderer needs besides the report.
#[derive(Clone, Debug)]
pub struct RenderOptions<'a> {
    /// The input's name as shown to people (a path or an address).
    pub name: &'a str,
    /// Language of the surrounding text (messages are localized in the report).
    pub lang: Lang,
    /// Column names, in file order (headers of sampled rows, frictionless `labels`).
    pub columns: &'a [String],
    /// Terminal styling for `text`.
    pub style: Style,
    /// How long the validation took, in seconds (frictionless `stats.seconds`).
    pub seconds: f64,
}

impl<'a> RenderOptions<'a> {
    /// Options for `name`, in French, without columns or colours.
    pub fn new(name: &'a str) -> Self {
        RenderOptions {
            name,
            lang: Lang::Fr,
            columns: &[],
            style: Style::plain(),
            seconds: 0.0,
        }
    }

    /// Sets the validation time shown by the formats that carry one.
    pub fn seconds(mut self, seconds: f64) -> Self {
        self.seconds = seconds;
        self
    }

    /// Sets the language.
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// Sets the column names.
    pub fn columns(mut self, columns: &'a [String]) -> Self {
        self.columns = columns;
        self
    }

    /// Sets the terminal style.
    pub fn style(mut self, style: Style) -> Self {
        self.style = style;
        self
    }
}

/// The report in frictionless-py v5's shape, as a JSON value (for front ends that hand
/// out objects rather than text, like Python's `Report.to_frictionless()`).
///
/// ```
/// use conforme::render::{RenderOptions, frictionless_value};
/// let schema = conforme::Schema::from_slice(br#"{"fields": [{"name": "n", "type": "integer"}]}"#).unwrap();
/// let report = conforme::Validator::new(&schema).validate_slice(b"n\nx\n").unwrap();
/// let value = frictionless_value(&report, &RenderOptions::new("data.csv"));
/// assert_eq!(value["tasks"][0]["errors"][0]["title"], "Type Error");
/// ```
pub fn frictionless_value(report: &Report, options: &RenderOptions<'_>) -> serde_json::Value {
    frictionless::value(report, options)
}

/// Renders `report` in `format`.
pub fn render(report: &Report, format: Format, options: &RenderOptions<'_>) -> String {
    match format {
        Format::Text => text::render(report, options),
        Format::Json => json::render(report),
        Format::Frictionless => frictionless::render(report, options),
        Format::Jsonl => jsonl::render(report),
        Format::Github => github::render(report, options),
        Format::Junit => junit::render(report, options),
        Format::Markdown => markdown::render(report, options),
        Format::Html => html::render(report, options),
    }
}

/// Writes `report` in `format` to `out`, as [`render`] would return it; the JSON report is
/// written as it is serialised, without holding its text in memory.
///
/// ```
/// use conforme::render::{Format, RenderOptions, render, write};
/// let schema = conforme::Schema::from_slice(br#"{"fields": [{"name": "n", "type": "integer"}]}"#).unwrap();
/// let report = conforme::Validator::new(&schema).validate_slice(b"n\nx\n").unwrap();
/// let o = RenderOptions::new("data.csv");
/// let mut out = Vec::new();
/// write(&report, Format::Json, &o, &mut out).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), render(&report, Format::Json, &o));
/// ```
pub fn write(
    report: &Report,
    format: Format,
    options: &RenderOptions<'_>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => json::write(report, out),
        _ => out.write_all(render(report, format, options).as_bytes()),
    }
}

/// Where a diagnostic is, in words (`ligne 3 (ligne 4 du fichier)`).
pub(crate) fn location(d: &Diagnostic, lang: Lang) -> String {
    match (d.row, d.line, lang) {
        (Some(1), _, _) if d.code.as_str().ends_with("-label") => ui::header(lang).into(),
        (Some(r), Some(l), Lang::Fr) if r != l => format!("ligne {r} (ligne {l} du fichier)"),
        (Some(r), Some(l), Lang::En) if r != l => format!("row {r} (line {l} of the file)"),
        (Some(r), _, Lang::Fr) => format!("ligne {r}"),
        (Some(r), _, Lang::En) => format!("row {r}"),
        (None, _, Lang::Fr) => "fichier".into(),
        (None, _, Lang::En) => "file".into(),
    }
}

/// The group title: `colonne `code` — type-error`.
pub(crate) fn group_title(field: Option<&str>, code: &str, lang: Lang) -> String {
    match (field, lang) {
        (Some(f), Lang::Fr) if !f.is_empty() => format!("colonne `{f}` — {code}"),
        (Some(f), Lang::En) if !f.is_empty() => format!("column `{f}` — {code}"),
        _ => code.to_owned(),
    }
}

/// Column name of 1-based position `n`.
pub(crate) fn column_name(options: &RenderOptions<'_>, n: usize) -> String {
    options
        .columns
        .get(n.wrapping_sub(1))
        .cloned()
        .unwrap_or_else(|| n.to_string())
}
