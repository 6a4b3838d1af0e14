//! Dates written `a/b/yyyy`, whose day and month order is unknown from one value: read by
//! the evidence pass (which order does the column use?) and by the date rule (repair).

/// A date with two numbers whose order is unknown: `a/b/year`, and what follows it.
pub(crate) struct Ambiguous<'t> {
    pub a: u32,
    pub b: u32,
    pub year: u32,
    pub rest: &'t str,
}

/// Reads `a/b/yyyy` (also with `-` or `.`), with an optional time after a space or `T`.
pub(crate) fn split_day_month(text: &str) -> Option<Ambiguous<'_>> {
    let (date, rest) = match text.find([' ', 'T']) {
        Some(i) => (&text[..i], text[i + 1..].trim_start()),
        None => (text, ""),
    };
    let sep = date.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let parts: Vec<&str> = date.split(sep).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let short = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit());
    if !short(a) || !short(b) || y.len() != 4 || !y.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(Ambiguous {
        a: a.parse().ok()?,
        b: b.parse().ok()?,
        year: y.parse().ok()?,
        rest,
    })
}
