//! Regression tests for hostile input (issue 22): each crafted input is generated here, and
//! each must end in a clear verdict or a clear error, never a wrong verdict or an abort.

use conforme::json::{JsonSchema, JsonSchemaOptions, JsonValidator};
use conforme::{SourceError, ValidationOptions};

fn json_schema(text: &str) -> JsonSchema {
    JsonSchema::compile(&serde_json::from_str(text).unwrap(), &JsonSchemaOptions::default()).unwrap()
}

/// A split (large) document with an empty item is a syntax error at the empty item, as the
/// same document read whole is: `[1,]`, `[1,,2]`, `…},]}`.
#[test]
fn split_json_with_a_missing_item_is_a_syntax_error() {
    let schema = json_schema(r#"{"type": "array"}"#);
    for (doc, line, column) in [
        ("[{\"a\": 1},\n{\"a\": 2},]", 2, 10),
        ("[{\"a\": 1},,{\"a\": 2}]", 1, 11),
        (
            "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\"},\n]}",
            2,
            1,
        ),
    ] {
        for validator in [
            JsonValidator::new(&schema, ValidationOptions::default()),
            JsonValidator::new(&schema, ValidationOptions::default().threads(Some(2)))
                .batching(1, 0),
        ] {
            match validator.validate_slice(doc.as_bytes()) {
                Err(SourceError::Json {
                    line: l, column: c, ..
                }) => assert_eq!((l, c), (line, column), "{doc}"),
                other => panic!("{doc}: {other:?}"),
            }
        }
    }
}
