//! Values of the messages about how the input was read (encoding, delimiter, CSV syntax,
//! spreadsheet leftovers and conversions), and the sentence added to any message whose
//! cell is a number a spreadsheet turned into scientific notation.

use super::text;
use crate::report::Param;
use crate::report::catalogue::{Lazy, say};
use crate::report::{Diagnostic, ErrorCode, Lang};

/// A parameter as text: a string as it is, anything else as JSON.
fn param(d: &Diagnostic, key: Param) -> String {
    match d.params.get(key) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => String::new(),
    }
}

/// " (and N other places)" when the problem occurs more than once.
fn others(d: &Diagnostic, lang: Lang) -> String {
    match d
        .params
        .get(Param::Count)
        .and_then(|v| v.as_u64())
        .unwrap_or(1)
    {
        0 | 1 => String::new(),
        n => say(lang, "input.other-places", &[("count", &(n - 1))]),
    }
}

pub(super) fn render(d: &Diagnostic, lang: Lang) -> String {
    let key = match d.code {
        ErrorCode::SpreadsheetConversion => match d.param_str(Param::Kind).unwrap_or("") {
            kind @ ("number-as-text" | "date-serial" | "date-as-text") => {
                format!("spreadsheet-conversion.{kind}")
            }
            _ => "spreadsheet-conversion".to_owned(),
        },
        code => code.as_str().to_owned(),
    };
    say(
        lang,
        &key,
        &[
            ("line", &d.line.unwrap_or(0)),
            ("byte", &d.byte.unwrap_or(0)),
            ("field", &d.field_name.as_deref().unwrap_or("")),
            ("others", &Lazy(|| others(d, lang))),
            ("count", &Lazy(|| param(d, Param::Count))),
            ("first", &Lazy(|| param(d, Param::First))),
            ("other", &Lazy(|| param(d, Param::Other))),
            ("first_row", &Lazy(|| param(d, Param::FirstRow))),
            ("key", &Lazy(|| param(d, Param::Key))),
            ("column", &Lazy(|| param(d, Param::Column))),
            ("from", &Lazy(|| param(d, Param::From))),
            ("to", &Lazy(|| param(d, Param::To))),
            ("encoding", &Lazy(|| text(d.params.get(Param::Encoding)))),
            ("delimiter", &Lazy(|| text(d.params.get(Param::Delimiter)))),
        ],
    )
}

/// Extra sentence appended to any diagnostic whose cell looks like a number a spreadsheet
/// showed in scientific notation (`2,10104E+13`): its digits are gone for good.
pub(crate) fn suffix(d: &Diagnostic, lang: Lang) -> String {
    if d.params.get(Param::Scientific).and_then(|v| v.as_bool()) != Some(true) {
        return String::new();
    }
    say(lang, "input.scientific-notation", &[])
}
