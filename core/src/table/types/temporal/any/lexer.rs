//! Cutting a cell into the tokens dateutil's `parser.parse` reads: runs of letters, runs of
//! digits (with a decimal point or comma inside), one token per space and per other
//! character; a dotted run like `Sep.20.2009` or `2020.01.05` is cut at its dots.

#[derive(Clone, Copy, PartialEq)]
enum State {
    Letters,
    Digits,
    /// Letters then a dot (`Sep.`): may go on with letters, dots or digits.
    LettersDot,
    /// Digits then a dot or comma (`21.447`).
    DigitsDot,
}

/// The tokens of `s`, in order.
///
/// ```text
/// "10th Jan 1969" -> ["10", "th", " ", "Jan", " ", "1969"]
/// ```
pub(super) fn tokens(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().filter(|&c| c != '\0').collect();
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < chars.len() {
        let mut token = String::new();
        let mut state = None;
        let mut seen_letters = false;
        while pos < chars.len() {
            let c = chars[pos];
            match state {
                None => {
                    token.push(c);
                    pos += 1;
                    if c.is_alphabetic() {
                        state = Some(State::Letters);
                    } else if c.is_ascii_digit() {
                        state = Some(State::Digits);
                    } else {
                        if c.is_whitespace() {
                            token = " ".to_owned();
                        }
                        break;
                    }
                }
                Some(State::Letters) => {
                    seen_letters = true;
                    if c.is_alphabetic() {
                        token.push(c);
                    } else if c == '.' {
                        token.push(c);
                        state = Some(State::LettersDot);
                    } else {
                        break;
                    }
                    pos += 1;
                }
                Some(State::Digits) => {
                    if c.is_ascii_digit() {
                        token.push(c);
                    } else if c == '.' || (c == ',' && token.chars().count() >= 2) {
                        token.push(c);
                        state = Some(State::DigitsDot);
                    } else {
                        break;
                    }
                    pos += 1;
                }
                Some(State::LettersDot) => {
                    seen_letters = true;
                    if c == '.' || c.is_alphabetic() {
                        token.push(c);
                    } else if c.is_ascii_digit() && token.ends_with('.') {
                        token.push(c);
                        state = Some(State::DigitsDot);
                    } else {
                        break;
                    }
                    pos += 1;
                }
                Some(State::DigitsDot) => {
                    if c == '.' || c.is_ascii_digit() {
                        token.push(c);
                    } else if c.is_alphabetic() && token.ends_with('.') {
                        token.push(c);
                        state = Some(State::LettersDot);
                    } else {
                        break;
                    }
                    pos += 1;
                }
            }
        }
        let dotted = matches!(state, Some(State::LettersDot | State::DigitsDot));
        if dotted && (seen_letters || token.matches('.').count() > 1 || token.ends_with(['.', ',']))
        {
            // Cut at each `.` or `,`, keeping the separators as tokens.
            let mut part = String::new();
            for c in token.chars() {
                if c == '.' || c == ',' {
                    if !part.is_empty() {
                        out.push(std::mem::take(&mut part));
                    }
                    out.push(c.to_string());
                } else {
                    part.push(c);
                }
            }
            if !part.is_empty() {
                out.push(part);
            }
            continue;
        }
        if state == Some(State::DigitsDot) && !token.contains('.') {
            token = token.replace(',', ".");
        }
        out.push(token);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_like_dateutil() {
        let cases: &[(&str, &[&str])] = &[
            ("10th Jan 1969", &["10", "th", " ", "Jan", " ", "1969"]),
            (
                "2020-01-05T10:00",
                &["2020", "-", "01", "-", "05", "T", "10", ":", "00"],
            ),
            ("Sep.20.2009", &["Sep", ".", "20", ".", "2009"]),
            ("4:30:21.447", &["4", ":", "30", ":", "21.447"]),
            ("2020.01.05", &["2020", ".", "01", ".", "05"]),
            ("10,5", &["10.5"]),
            ("5.", &["5", "."]),
            ("a\tb", &["a", " ", "b"]),
        ];
        for (input, expected) in cases {
            assert_eq!(tokens(input), *expected, "{input:?}");
        }
    }
}
