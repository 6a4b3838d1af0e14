//! Dates written `a/b/yyyy`, whose day and month order is unknown from one value: read by
//! the evidence pass (which order does the column use?) and by the date rule (repair).

/// A date with two numbers whose order is unknown: `a/b/year`, and what follows it.
pub(crate) struct Ambiguous<'t> {
    pub a: u32,
    pub b: u32,
    pub year: u32,
    pub rest: &'t str,
}

/// The three numbers of a date written with `/`, `-` or `.` between them, and what follows
/// the date after a space or `T` (a time), if they are one or two digits but for the year.
pub(crate) fn date_parts(text: &str) -> Option<([&str; 3], &str)> {
    let (date, rest) = match text.find([' ', 'T']) {
        Some(i) => (&text[..i], text[i + 1..].trim_start()),
        None => (text, ""),
    };
    let sep = date.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let parts: Vec<&str> = date.split(sep).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    Some(([a, b, c], rest))
}

/// Whether `s` is one or two digits.
pub(crate) fn short_number(s: &str) -> bool {
    (1..=2).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit())
}

/// Whether `s` is a four-digit year.
pub(crate) fn year(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|c| c.is_ascii_digit())
}

/// Reads `a/b/yyyy` (also with `-` or `.`), with an optional time after a space or `T`.
pub(crate) fn split_day_month(text: &str) -> Option<Ambiguous<'_>> {
    let ([a, b, y], rest) = date_parts(text)?;
    if !short_number(a) || !short_number(b) || !year(y) {
        return None;
    }
    Some(Ambiguous {
        a: a.parse().ok()?,
        b: b.parse().ok()?,
        year: y.parse().ok()?,
        rest,
    })
}
