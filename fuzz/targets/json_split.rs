//! JSON documents through both readers: whole, and cut into items validated in parallel
//! batches (the path of documents over 8 MB). They must agree on whether the document can
//! be read at all and, when it can, on the number of errors: a document the whole reader
//! refuses must never be valid when split.

use conforme::ValidationOptions;
use conforme::json::{JsonSchema, JsonSchemaOptions, JsonValidator};

pub fn run(data: &[u8]) {
    let schema = JsonSchema::compile(
        &serde_json::json!({"type": ["array", "object"],
            "items": {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer", "minimum": 0}}},
            "properties": {"features": {"items": {"type": "object", "required": ["type"]}}}}),
        &JsonSchemaOptions::default(),
    )
    .expect("the fuzz schema compiles");
    let whole = JsonValidator::new(&schema, ValidationOptions::default()).validate_slice(data);
    let split = JsonValidator::new(&schema, ValidationOptions::default().threads(Some(2)))
        .batching(1, 0)
        .validate_slice(data);
    match (&whole, &split) {
        (Ok(w), Ok(s)) => assert_eq!(
            w.errors.len(),
            s.errors.len(),
            "whole {:?} / split {:?}",
            w.errors,
            s.errors
        ),
        (Err(_), Err(_)) => {}
        (w, s) => panic!(
            "the readers disagree on {:?}: whole {:?}, split {:?}",
            String::from_utf8_lossy(data),
            w.as_ref().map(|r| r.valid),
            s.as_ref().map(|r| r.valid)
        ),
    }
}
