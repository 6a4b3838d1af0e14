//! Finding where a JSON pointer's value starts in the JSON text, to give line and column
//! for an error. Only run for errors, so the happy path never pays for positions.

/// Line and column (1-based, column in bytes) of byte `offset` in `text`.
pub(crate) fn line_column(text: &[u8], offset: usize) -> (u64, u64) {
    let before = &text[..offset.min(text.len())];
    let line = memchr::memchr_iter(b'\n', before).count() as u64 + 1;
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    (line, (before.len() - line_start) as u64 + 1)
}

/// Byte offset where the value at `pointer` starts, or the deepest value found on the way
/// (a missing property is reported at its parent object).
pub(crate) fn locate(text: &[u8], pointer: &str) -> usize {
    let mut pos = skip_ws(text, 0);
    if pointer.is_empty() {
        return pos;
    }
    for token in pointer.split('/').skip(1) {
        let token = token.replace("~1", "/").replace("~0", "~");
        match text.get(pos) {
            Some(b'{') => match find_member(text, pos, &token) {
                Some(p) => pos = p,
                None => return pos,
            },
            Some(b'[') => {
                let Ok(index) = token.parse::<usize>() else {
                    return pos;
                };
                match find_item(text, pos, index) {
                    Some(p) => pos = p,
                    None => return pos,
                }
            }
            _ => return pos,
        }
    }
    pos
}

fn skip_ws(text: &[u8], mut pos: usize) -> usize {
    while pos < text.len() && matches!(text[pos], b' ' | b'\t' | b'\n' | b'\r') {
        pos += 1;
    }
    pos
}

/// End (exclusive) of the string starting at `pos` (on its opening quote).
fn skip_string(text: &[u8], pos: usize) -> usize {
    let mut i = pos + 1;
    while i < text.len() {
        match text[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    text.len()
}

/// End (exclusive) of the value starting at `pos`.
fn skip_value(text: &[u8], pos: usize) -> usize {
    match text.get(pos) {
        Some(b'"') => skip_string(text, pos),
        Some(b'{') | Some(b'[') => {
            let mut depth = 0usize;
            let mut i = pos;
            while i < text.len() {
                match text[i] {
                    b'"' => {
                        i = skip_string(text, i);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return i + 1;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            text.len()
        }
        _ => {
            let mut i = pos;
            while i < text.len()
                && !matches!(text[i], b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')
            {
                i += 1;
            }
            i
        }
    }
}

fn find_member(text: &[u8], object: usize, name: &str) -> Option<usize> {
    let mut pos = skip_ws(text, object + 1);
    while text.get(pos) == Some(&b'"') {
        let end = skip_string(text, pos);
        let key: Option<String> = serde_json::from_slice(&text[pos..end]).ok();
        pos = skip_ws(text, end);
        if text.get(pos) != Some(&b':') {
            return None;
        }
        pos = skip_ws(text, pos + 1);
        if key.as_deref() == Some(name) {
            return Some(pos);
        }
        pos = skip_ws(text, skip_value(text, pos));
        if text.get(pos) != Some(&b',') {
            return None;
        }
        pos = skip_ws(text, pos + 1);
    }
    None
}

fn find_item(text: &[u8], array: usize, index: usize) -> Option<usize> {
    let mut pos = skip_ws(text, array + 1);
    if text.get(pos) == Some(&b']') {
        return None;
    }
    for _ in 0..index {
        pos = skip_ws(text, skip_value(text, pos));
        if text.get(pos) != Some(&b',') {
            return None;
        }
        pos = skip_ws(text, pos + 1);
    }
    Some(pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values() {
        let text = br#"{
  "a": {"b~c": [1, {"x": "y\"]"}, 3]},
  "d/e": true
}"#;
        let at = |p: &str| line_column(text, locate(text, p));
        assert_eq!(at(""), (1, 1));
        assert_eq!(at("/a"), (2, 8));
        assert_eq!(at("/a/b~0c/2"), (2, 35));
        assert_eq!(at("/a/b~0c/1/x"), (2, 26));
        assert_eq!(at("/d~1e"), (3, 10));
        // A missing member points at its parent.
        assert_eq!(at("/a/zz"), (2, 8));
    }
}
