//! Making report text safe to print: cells, labels and file names come from whoever wrote
//! the file, and reach a terminal (where `ESC ] 0 ;` sets the window title and `ESC [ 2 J`
//! clears the screen) or a Markdown page (where `<img onerror=…>` runs script).

use std::borrow::Cow;

/// Whether `c` must not reach a terminal raw: C0 controls other than tab and line feed,
/// DEL, C1 controls (U+009B is a one-character escape sequence on some terminals), and the
/// bidirectional overrides that make a text display differently from what it is.
fn is_hostile(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

/// `text` with every control character written as a visible escape (`\u{1b}`): tab and
/// line feed stay.
///
/// ```
/// # use conforme::render::escape_controls;
/// assert_eq!(escape_controls("a\x1b]0;PWNED\x07b"), "a\\u{1b}]0;PWNED\\u{7}b");
/// assert_eq!(escape_controls("déjà vu"), "déjà vu");
/// ```
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hostile) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hostile(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// HTML entities for the characters that start markup.
fn html(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// A message for Markdown text: its `` `code` `` spans stay code spans (their content is
/// shown literally, whatever it holds), everything else is escaped, so a cell or a label
/// never becomes markup, a link or an image. Line breaks become spaces (one list item, one
/// table cell).
///
/// ```
/// # use conforme::render::markdown_text;
/// assert_eq!(markdown_text("`<b>` is *not* allowed"), "`<b>` is \\*not\\* allowed");
/// assert_eq!(markdown_text("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;");
/// ```
pub fn markdown_text(message: &str) -> String {
    let message = escape_controls(message);
    let mut out = String::with_capacity(message.len() + 16);
    for (i, part) in message.split('`').enumerate() {
        let part = part.replace(['\n', '\r'], " ");
        if i % 2 == 1 {
            // A code span: the content is literal. Spaces around it keep a leading or
            // trailing space (or an empty span) from changing how it is read.
            out.push('`');
            if part.is_empty() || part.starts_with(' ') || part.ends_with(' ') {
                out.push(' ');
                out.push_str(&part);
                out.push(' ');
            } else {
                out.push_str(&part);
            }
            out.push('`');
            continue;
        }
        for c in part.chars() {
            match c {
                '<' | '>' | '&' => html(&c.to_string(), &mut out),
                // `!` and `(` only make an image or a link after a `[`, escaped here; line
                // breaks are gone, so nothing else can start a block.
                '\\' | '*' | '_' | '[' | ']' | '#' | '|' | '~' => {
                    out.push('\\');
                    out.push(c);
                }
                c => out.push(c),
            }
        }
    }
    out
}

/// A message inside raw HTML in a Markdown page (`<summary>`), where Markdown is not read:
/// entities, and `` `code` `` spans as `<code>`.
///
/// ```
/// # use conforme::render::markdown_html;
/// assert_eq!(markdown_html("column `<i>`"), "column <code>&lt;i&gt;</code>");
/// ```
pub fn markdown_html(message: &str) -> String {
    let message = escape_controls(message);
    let mut out = String::with_capacity(message.len() + 16);
    for (i, part) in message.split('`').enumerate() {
        let part = part.replace(['\n', '\r'], " ");
        if i % 2 == 1 {
            out.push_str("<code>");
            html(&part, &mut out);
            out.push_str("</code>");
        } else {
            html(&part, &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_sequences_are_shown_not_run() {
        let hostile = "\x1b]0;PWNED\x07\x1b[2J\u{9b}31m\r\u{202e}abc";
        let safe = escape_controls(hostile);
        assert!(!safe.chars().any(is_hostile), "{safe}");
        assert!(safe.contains("PWNED") && safe.contains("\\u{1b}"));
        assert_eq!(escape_controls("a\tb\nc"), "a\tb\nc");
    }

    #[test]
    fn markdown_never_opens_a_tag_or_a_link() {
        for hostile in [
            "<img src=x onerror=alert(1)>",
            "`a` <script>x</script> `b`",
            "[click](javascript:alert(1))",
            "![x](http://e.org/t.png)",
            "odd ` <b> backtick",
            "``<b>``",
            "a | b",
        ] {
            let text = markdown_text(hostile);
            let outside: String = text
                .split('`')
                .enumerate()
                .filter(|(i, _)| i % 2 == 0)
                .map(|(_, p)| p)
                .collect();
            assert!(!outside.contains('<'), "{hostile} → {text}");
            assert!(
                !outside.replace("\\]", "").contains("]("),
                "{hostile} → {text}"
            );
            assert!(
                !outside.replace("\\|", "").contains('|'),
                "{hostile} → {text}"
            );
            let html = markdown_html(hostile);
            assert!(
                !html
                    .replace("<code>", "")
                    .replace("</code>", "")
                    .contains('<')
            );
        }
    }
}
