//! Whether spaces after a delimiter are part of the cells, when the dialect does not say:
//! frictionless (5 and the 4 under Validata) reads a CSV file with the `skipinitialspace`
//! that Python's `csv.Sniffer` guesses from the first 100 lines, so `a, b` with a space
//! after every delimiter reads as the cells `a` and `b`.

use fancy_regex::Regex;
use std::sync::OnceLock;

/// Lines of the sample frictionless gives the sniffer.
const SAMPLE_LINES: usize = 100;

/// Python's four quoted-cell patterns, tried in order until one matches (with its group
/// numbers for the delimiter, the space after it and the quote; 0 when absent).
fn quoted_patterns() -> &'static [(Regex, usize, usize)] {
    static PATTERNS: OnceLock<Vec<(Regex, usize, usize)>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        [
            // ,"…",
            (r#"(?s)([^\w\n"'])( ?)(["']).*?\3\1"#, 1, 2),
            // "…", at the start of a line
            (r#"(?sm)(?:^|\n)(["']).*?\1([^\w\n"'])( ?)"#, 2, 3),
            // ,"…" at the end of a line
            (r#"(?sm)([^\w\n"'])( ?)(["']).*?\3(?:$|\n)"#, 1, 2),
            // "…" alone on its line: no delimiter
            (r#"(?sm)(?:^|\n)(["']).*?\1(?:$|\n)"#, 0, 0),
        ]
        .into_iter()
        .map(|(p, delim, space)| (Regex::new(p).expect("a valid pattern"), delim, space))
        .collect()
    })
}

/// The `skipinitialspace` Python's sniffer guesses for `sample` read with `delimiter`
/// (`allowed`: the delimiters it may pick from). Around quoted cells, it holds when every
/// delimiter found next to a quoted cell is followed by a space; without quoted cells,
/// when every delimiter of the first non-empty line is (and there is one), provided the
/// lines agree enough on the delimiter for Python to find it.
pub(crate) fn sniff_skip_initial_space(sample: &[u8], delimiter: u8, allowed: &[u8]) -> bool {
    let text = String::from_utf8_lossy(sample);
    let end = text
        .match_indices('\n')
        .nth(SAMPLE_LINES - 1)
        .map_or(text.len(), |(i, _)| i + 1);
    let text = &text[..end];
    for (pattern, delim_group, space_group) in quoted_patterns() {
        let mut found = false;
        let mut delims: Vec<(char, usize)> = Vec::new();
        let mut spaces = 0usize;
        for caps in pattern.captures_iter(text) {
            // A pattern too costly to run is left for the next one.
            let Ok(caps) = caps else { break };
            found = true;
            if *delim_group == 0 {
                continue;
            }
            let delim = caps
                .get(*delim_group)
                .and_then(|m| m.as_str().chars().next());
            if let Some(d) = delim.filter(|d| d.is_ascii() && allowed.contains(&(*d as u8))) {
                match delims.iter_mut().find(|(c, _)| *c == d) {
                    Some((_, n)) => *n += 1,
                    None => delims.push((d, 1)),
                }
            }
            if caps
                .get(*space_group)
                .is_some_and(|m| !m.as_str().is_empty())
            {
                spaces += 1;
            }
        }
        if !found {
            continue;
        }
        // The most frequent delimiter, the first seen on a tie (Python's `max`).
        let best = delims
            .iter()
            .fold(None::<(char, usize)>, |best, &(c, n)| match best {
                Some((_, m)) if m >= n => best,
                _ => Some((c, n)),
            });
        if let Some((_, n)) = best {
            return n == spaces;
        }
        // Quoted cells but no delimiter next to them: the line-based guess decides.
        break;
    }
    let lines: Vec<&str> = text.split('\n').filter(|line| !line.is_empty()).collect();
    let delimiter = delimiter as char;
    if !consistent_delimiter(&lines, delimiter) {
        // Python's sniffer finds no delimiter: frictionless reads without the option.
        return false;
    }
    let first = lines[0];
    let count = first.matches(delimiter).count();
    count > 0 && count == first.matches(&format!("{delimiter} ")).count()
}

/// Whether Python's `_guess_delimiter` would take `delimiter`: lines are read by tens,
/// and after each ten the most common count of it per line, less the lines with another
/// count, must cover nearly all the lines read so far (its last tried consistency, a
/// little above 0.9).
fn consistent_delimiter(lines: &[&str], delimiter: char) -> bool {
    // Python lowers its consistency from 1.0 by 0.01 while it is at least 0.9.
    let mut threshold = 1.0f64;
    while threshold - 0.01 >= 0.9 {
        threshold -= 0.01;
    }
    let chunk = lines.len().min(10);
    // (count per line, lines with that count), in the order counts were first seen.
    let mut counts: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    let mut iteration = 0;
    while start < lines.len() {
        iteration += 1;
        let end = (start + chunk).min(lines.len());
        for line in &lines[start..end] {
            let n = line.matches(delimiter).count();
            match counts.iter_mut().find(|(c, _)| *c == n) {
                Some((_, lines)) => *lines += 1,
                None => counts.push((n, 1)),
            }
        }
        let mode = counts
            .iter()
            .copied()
            .fold(None::<(usize, usize)>, |best, c| match best {
                Some(b) if b.1 >= c.1 => Some(b),
                _ => Some(c),
            });
        if let Some((count, mode_lines)) = mode {
            let others: usize = counts.iter().map(|c| c.1).sum::<usize>() - mode_lines;
            let agreeing = mode_lines as f64 - others as f64;
            let total = (chunk * iteration).min(lines.len()) as f64;
            if count > 0 && agreeing > 0.0 && agreeing / total >= threshold {
                return true;
            }
        }
        start = end;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::sniff_skip_initial_space as sniff;

    const ALLOWED: &[u8] = b",\t;|";

    #[test]
    fn first_line_decides_without_quotes() {
        assert!(sniff(b"h1, h2\nv1, v2\n", b',', ALLOWED));
        assert!(sniff(b"\nh1; h2; h3\nv1;v2;v3\n", b';', ALLOWED));
        // One delimiter without its space is enough to keep the spaces.
        assert!(!sniff(b"h1, h2,h3\nv1, v2, v3\n", b',', ALLOWED));
        assert!(!sniff(b"h1,h2\nv1, v2\n", b',', ALLOWED));
        // No delimiter on the first line: nothing to go by.
        assert!(!sniff(b"h1\nv1, v2\n", b',', ALLOWED));
        // Too few lines agreeing on the delimiter: Python finds none, reads as is.
        assert!(!sniff(b"a, b, c\n1, x\n", b',', ALLOWED));
        let mut long = b"a, b, c\n1, x\n".to_vec();
        for _ in 0..40 {
            long.extend_from_slice(b"1, x, y\n");
        }
        assert!(sniff(&long, b',', ALLOWED));
    }

    #[test]
    fn quoted_cells_decide_when_there_are_some() {
        assert!(sniff(b"a, b\n1, \"x\"\n", b',', ALLOWED));
        assert!(!sniff(b"a, b\n1,\"x\"\n", b',', ALLOWED));
        assert!(sniff(b"a,b\n\"x\", \"y\"\n", b',', ALLOWED));
    }
}
