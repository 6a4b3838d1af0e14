//! Schemas from any bytes: Table Schema loading, the lint of `schema check`, and JSON
//! Schema compilation without any retrieval. Never a panic.

pub fn run(data: &[u8]) {
    let _ = conforme::Schema::from_slice(data);
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let _ = conforme::lint::lint_value(&value);
    let _ = conforme::lint::lint_package(&value);
    let options = conforme::json::JsonSchemaOptions::default();
    let _ = conforme::lint::lint_schema(&value, &options);
    if let Ok(schema) = conforme::json::JsonSchema::compile(&value, &options) {
        let _ = conforme::json::JsonValidator::new(&schema, conforme::ValidationOptions::default())
            .validate_slice(b"[{\"a\": 1}, 2, \"x\", null]");
    }
}
