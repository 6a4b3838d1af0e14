//! Dates and datetimes in a spreadsheet's layout (`01/03/2024`, `1-3-2024 10:00`,
//! `2024/03/01`) put back into ISO 8601. Which of the first two numbers is the day is
//! decided by the whole column ([`FieldEvidence`], gathered in a first pass): a value is
//! repaired only when the column shows one order (a first number above 12 somewhere, a
//! second never) or when day and month are equal.

use crate::repair::day_month::{date_parts, short_number, split_day_month, year};
use crate::repair::evidence::FieldEvidence;
use crate::schema::FieldType;
use crate::table::CompiledField;

/// `yyyy/m/d` (also `-`, `.`), with an optional time: year first is never ambiguous.
fn split_year_first(text: &str) -> Option<(u32, u32, u32, &str)> {
    let ([y, m, d], rest) = date_parts(text)?;
    if !year(y) || !short_number(m) || !short_number(d) {
        return None;
    }
    Some((y.parse().ok()?, m.parse().ok()?, d.parse().ok()?, rest))
}

/// `H:MM` or `HH:MM:SS` as `HH:MM:SS`.
fn time(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.split(':').collect();
    let num = |s: &str, max: u32| -> Option<u32> {
        ((1..=2).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
            .filter(|&n| n <= max)
    };
    let (h, m, s) = match parts.as_slice() {
        [h, m] => (num(h, 23)?, num(m, 59)?, 0),
        [h, m, s] => (num(h, 23)?, num(m, 59)?, num(s, 59)?),
        _ => return None,
    };
    Some(format!("{h:02}:{m:02}:{s:02}"))
}

/// Whether the field's values are ISO dates (the layout rules write ISO).
fn iso_date(field: &CompiledField) -> bool {
    field.field_type == FieldType::Date && matches!(field.format.as_str(), "default" | "%Y-%m-%d")
}

fn iso_datetime(field: &CompiledField) -> bool {
    field.field_type == FieldType::DateTime && field.format == "default"
}

/// The ISO form of `text`, when its day and month are certain.
pub(crate) fn layout(
    field: &CompiledField,
    evidence: &FieldEvidence,
    text: &str,
) -> Option<String> {
    if !iso_date(field) && !iso_datetime(field) {
        return None;
    }
    let (year, month, day, rest) = match split_day_month(text) {
        Some(d) => {
            let day_first = if d.a == d.b {
                true
            } else {
                evidence.day_first()?
            };
            let (day, month) = if day_first { (d.a, d.b) } else { (d.b, d.a) };
            (d.year, month, day, d.rest)
        }
        None => split_year_first(text)?,
    };
    let date = format!("{year:04}-{month:02}-{day:02}");
    if iso_date(field) {
        // A spreadsheet writes midnight after a date; any other time is information.
        return match rest {
            "" => Some(date),
            t if time(t).as_deref() == Some("00:00:00") => Some(date),
            _ => None,
        };
    }
    let time = time(rest)?;
    Some(format!("{date}T{time}{}", evidence.zone()?))
}
