//! A byte scanner that cuts a large JSON document into its items without parsing it: the
//! elements of a top-level array, or the `features` of a GeoJSON `FeatureCollection`.
//! Everything else (the "envelope") is kept as text with the split array left empty, so the
//! items can be parsed and validated in parallel batches in bounded memory.

/// One element of the split array, as raw JSON text.
pub(crate) struct Item {
    pub bytes: Vec<u8>,
    /// Byte offset of the item's first byte in the document.
    pub offset: u64,
    /// 1-based line and column of that byte.
    pub line: u64,
    pub column: u64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The split array has not started.
    Before,
    /// Inside the split array.
    Splitting,
    /// The split array is closed.
    After,
}

/// Push-based splitter: feed bytes with [`Splitter::push`], collect finished items.
pub(crate) struct Splitter {
    mode: Mode,
    depth: u32,
    /// The split array's depth (inside it).
    array_depth: u32,
    top: u8,
    in_string: bool,
    escape: bool,
    capturing: bool,
    captured: Vec<u8>,
    key: Vec<u8>,
    item: Option<Item>,
    /// A `,` closed the last item: another item must follow before `]`.
    after_comma: bool,
    /// The document without the split array's items.
    pub envelope: Vec<u8>,
    /// Envelope length when the split array started (it ends with `[`).
    pub prefix_len: Option<usize>,
    /// Whether the top-level object has keys after the split array.
    pub keys_after: bool,
    offset: u64,
    line: u64,
    line_start: u64,
}

impl Splitter {
    pub(crate) fn new() -> Splitter {
        Splitter {
            mode: Mode::Before,
            depth: 0,
            array_depth: 0,
            top: 0,
            in_string: false,
            escape: false,
            capturing: false,
            captured: Vec::new(),
            key: Vec::new(),
            item: None,
            after_comma: false,
            envelope: Vec::new(),
            prefix_len: None,
            keys_after: false,
            offset: 0,
            line: 1,
            line_start: 0,
        }
    }

    /// Where the input seen so far ends: line (1-based) and column (1-based, in bytes).
    pub(crate) fn end_position(&self) -> (u64, u64) {
        (self.line, self.offset - self.line_start + 1)
    }

    /// Whether the whole input has been seen as one balanced JSON value.
    pub(crate) fn balanced(&self) -> bool {
        self.depth == 0 && !self.in_string && self.item.is_none()
    }

    /// Whether the document had an array to split.
    pub(crate) fn split(&self) -> bool {
        self.mode != Mode::Before
    }

    #[inline]
    fn between_items(&self) -> bool {
        self.mode == Mode::Splitting && self.depth == self.array_depth && self.item.is_none()
    }

    #[inline]
    fn route(&mut self, b: u8) {
        if let Some(item) = &mut self.item {
            item.bytes.push(b);
        } else if !self.between_items() {
            self.envelope.push(b);
        }
    }

    fn start_item(&mut self) {
        self.after_comma = false;
        self.item = Some(Item {
            bytes: Vec::with_capacity(256),
            offset: self.offset,
            line: self.line,
            column: self.offset - self.line_start + 1,
        });
    }

    /// An item standing for a missing value: its text is the separator found where the value
    /// should be, so parsing it fails with a syntax error at that very place, as parsing the
    /// whole document would (dropping it would let `[1,,2]` or `[1,]` pass as valid).
    fn empty_item(&self, separator: u8) -> Item {
        Item {
            bytes: vec![separator],
            offset: self.offset,
            line: self.line,
            column: self.offset - self.line_start + 1,
        }
    }

    /// Scans `data`, appending every finished item to `out`.
    pub(crate) fn push(&mut self, data: &[u8], out: &mut Vec<Item>) {
        for &b in data {
            self.byte(b, out);
            self.offset += 1;
            if b == b'\n' {
                self.line += 1;
                self.line_start = self.offset;
            }
        }
    }

    #[inline]
    fn byte(&mut self, b: u8, out: &mut Vec<Item>) {
        if self.in_string {
            if self.escape {
                self.escape = false;
            } else if b == b'\\' {
                self.escape = true;
            } else if b == b'"' {
                self.in_string = false;
                self.capturing = false;
            } else if self.capturing && self.captured.len() < 64 {
                self.captured.push(b);
            }
            return self.route(b);
        }
        if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            return self.route(b);
        }
        if self.between_items() && !matches!(b, b',' | b']') {
            self.start_item();
        }
        match b {
            b'"' => {
                self.in_string = true;
                if self.depth == 1 && self.top == b'{' {
                    self.capturing = true;
                    self.captured.clear();
                }
                self.route(b);
            }
            b'{' | b'[' => {
                if self.depth == 0 {
                    self.top = b;
                }
                let starts_split = self.mode == Mode::Before
                    && b == b'['
                    && (self.depth == 0
                        || (self.depth == 1 && self.top == b'{' && self.key == b"features"));
                self.route(b);
                self.depth += 1;
                if starts_split {
                    self.mode = Mode::Splitting;
                    self.array_depth = self.depth;
                    self.prefix_len = Some(self.envelope.len());
                }
            }
            b'}' | b']' => {
                if self.mode == Mode::Splitting && self.depth == self.array_depth {
                    match self.item.take() {
                        Some(item) => out.push(item),
                        // `[1,]`: a trailing comma.
                        None if self.after_comma => out.push(self.empty_item(b)),
                        None => {}
                    }
                    self.mode = Mode::After;
                }
                self.route(b);
                self.depth = self.depth.saturating_sub(1);
            }
            b',' if self.mode == Mode::Splitting && self.depth == self.array_depth => {
                match self.item.take() {
                    Some(item) => out.push(item),
                    // `[,1]` or `[1,,2]`: a separator with no value before it.
                    None => out.push(self.empty_item(b)),
                }
                self.after_comma = true;
            }
            b':' if self.depth == 1 => {
                std::mem::swap(&mut self.key, &mut self.captured);
                if self.mode == Mode::After {
                    self.keys_after = true;
                }
                self.route(b);
            }
            _ => self.route(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str, piece: usize) -> (Vec<String>, String, Splitter) {
        let mut s = Splitter::new();
        let mut out = Vec::new();
        for chunk in text.as_bytes().chunks(piece) {
            s.push(chunk, &mut out);
        }
        let items = out
            .iter()
            .map(|i| {
                String::from_utf8(i.bytes.clone())
                    .unwrap()
                    .trim()
                    .to_owned()
            })
            .collect();
        let env = String::from_utf8(s.envelope.clone()).unwrap();
        (items, env, s)
    }

    #[test]
    fn splits_features_in_any_piece_size() {
        let text = "{\"type\": \"FeatureCollection\", \"features\": [\n {\"a\": [1, \"],\"]}, 2 ,\"x\"\n], \"name\": \"n\"}";
        for piece in [1, 3, 1000] {
            let (items, env, s) = split(text, piece);
            assert_eq!(items, vec!["{\"a\": [1, \"],\"]}", "2", "\"x\""]);
            assert_eq!(
                env,
                "{\"type\": \"FeatureCollection\", \"features\": [], \"name\": \"n\"}"
            );
            assert!(s.keys_after && s.balanced());
        }
    }

    #[test]
    fn splits_top_level_arrays_and_records_positions() {
        let mut s = Splitter::new();
        let mut out = Vec::new();
        s.push(b"[\n  {\"k\": 1},\n  {\"k\": 2}\n]", &mut out);
        assert_eq!(out.len(), 2);
        assert_eq!((out[1].line, out[1].column, out[1].offset), (3, 3, 16));
        assert_eq!(s.envelope, b"[]");
    }

    #[test]
    fn missing_values_between_separators_become_unparsable_items() {
        for (text, bad, column) in [
            ("[1,]", "]", 4),
            ("[1,,2]", ",", 4),
            ("[,1]", ",", 2),
            ("{\"features\": [{},\n ]}", "]", 2),
            ("{\"features\": [{},,{}]}", ",", 18),
        ] {
            let mut s = Splitter::new();
            let mut out = Vec::new();
            s.push(text.as_bytes(), &mut out);
            let bad_item = out
                .iter()
                .find(|i| serde_json::from_slice::<serde_json::Value>(&i.bytes).is_err())
                .unwrap_or_else(|| panic!("{text}: every item parses"));
            assert_eq!(bad_item.bytes, bad.as_bytes(), "{text}");
            assert_eq!(bad_item.column, column, "{text}");
        }
        for fine in ["[]", "[1]", "[1, 2]", "{\"features\": []}"] {
            let mut s = Splitter::new();
            let mut out = Vec::new();
            s.push(fine.as_bytes(), &mut out);
            assert!(
                out.iter()
                    .all(|i| serde_json::from_slice::<serde_json::Value>(&i.bytes).is_ok()),
                "{fine}"
            );
        }
    }

    #[test]
    fn other_documents_are_not_split() {
        let (items, env, s) = split("{\"features\": 3, \"list\": [1, 2]}", 4);
        assert!(items.is_empty() && !s.split());
        assert_eq!(env, "{\"features\": 3, \"list\": [1, 2]}");
    }
}
