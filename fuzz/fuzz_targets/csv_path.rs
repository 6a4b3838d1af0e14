//! Any bytes through the CSV path: never a panic, and the same report (or the same error)
//! whether validated at once, in small chunks on two threads, or pushed in pieces.
#![no_main]

use conforme::{Schema, ValidationOptions, Validator};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&split, data)) = data.split_first() else {
        return;
    };
    let schema = Schema::from_slice(
        br#"{"fields": [{"name": "id", "type": "integer", "constraints": {"unique": true}},
                        {"name": "nom", "type": "string", "constraints": {"pattern": "[A-Z].*"}},
                        {"name": "date", "type": "date"}]}"#,
    )
    .expect("the fuzz schema is valid");
    let whole = Validator::with_options(&schema, ValidationOptions::default().threads(Some(1)))
        .validate_slice(data)
        .map_err(|e| e.to_string());
    let small = Validator::with_options(
        &schema,
        ValidationOptions::default().threads(Some(2)).chunk_size(7),
    );
    assert_eq!(small.validate_slice(data).map_err(|e| e.to_string()), whole);
    let piece = usize::from(split).max(1);
    let mut stream = small.stream();
    let mut pushed = Ok(());
    for part in data.chunks(piece) {
        pushed = pushed.and_then(|()| stream.push(part));
    }
    let streamed = pushed.and_then(|()| stream.finish()).map_err(|e| e.to_string());
    assert_eq!(streamed, whole);
});
