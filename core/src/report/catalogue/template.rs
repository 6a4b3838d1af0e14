//! Catalogue texts with named placeholders: `{cell}` is replaced by the value the renderer
//! gives for `cell`. Only `{name}` with a name of lowercase letters, digits and `_` (not
//! starting with a digit) is a placeholder: other braces (`{"name": …}`, `{…}`) are text, so
//! no text needs escaping.

use std::fmt::{Display, Write};

/// The placeholder names of `text`, in order (repeated when repeated): for the tests of the
/// catalogue.
#[cfg(test)]
pub(super) fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    pieces(text).filter_map(|piece| match piece {
        Piece::Placeholder(name) => Some(name),
        Piece::Text(_) => None,
    })
}

/// `text` with each placeholder replaced by its value in `args`; a placeholder without a
/// value stays as written (the catalogue's tests make sure none does).
pub(super) fn fill(text: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    for piece in pieces(text) {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Placeholder(name) => match args.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => {
                    let _ = write!(out, "{value}");
                }
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}

enum Piece<'t> {
    Text(&'t str),
    Placeholder(&'t str),
}

/// `text` cut into runs of text and placeholders.
fn pieces(text: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        // The next `{name}`, searched from each `{` in turn.
        let mut from = 0;
        while let Some(open) = rest[from..].find('{').map(|i| i + from) {
            let name_len = rest[open + 1..]
                .find(|c: char| !is_name_char(c))
                .unwrap_or(rest.len() - open - 1);
            let name = &rest[open + 1..open + 1 + name_len];
            let closed = rest[open + 1 + name_len..].starts_with('}');
            if closed && name.starts_with(|c: char| c.is_ascii_lowercase() || c == '_') {
                if open > 0 {
                    let text = &rest[..open];
                    rest = &rest[open..];
                    return Some(Piece::Text(text));
                }
                rest = &rest[name_len + 2..];
                return Some(Piece::Placeholder(name));
            }
            from = open + 1;
        }
        let text = rest;
        rest = "";
        Some(Piece::Text(text))
    })
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_by_name_and_other_braces_are_text() {
        let text = "`{cell}` ({n}) {\"name\": {…}} {5} {Big} {cell}";
        let names: Vec<&str> = placeholders(text).collect();
        assert_eq!(names, ["cell", "n", "cell"]);
        assert_eq!(
            fill(text, &[("cell", &"x{n}"), ("n", &3)]),
            "`x{n}` (3) {\"name\": {…}} {5} {Big} x{n}"
        );
    }

    #[test]
    fn a_placeholder_without_a_value_stays() {
        assert_eq!(fill("a {b} c", &[]), "a {b} c");
        assert_eq!(fill("{b}", &[("b", &"")]), "");
        assert_eq!(fill("", &[]), "");
        assert_eq!(fill("{", &[]), "{");
        assert_eq!(fill("é{b}é}", &[("b", &1)]), "é1é}");
    }
}
