use super::*;
use crate::report::Param;
use serde_json::json;

fn validator(schema: Value) -> JsonValidator {
    let schema = JsonSchema::compile(&schema, &JsonSchemaOptions::default()).unwrap();
    JsonValidator::new(&schema, ValidationOptions::default().threads(Some(2)))
}

fn pointers(r: &Report) -> Vec<(String, String, Option<u64>)> {
    r.errors
        .iter()
        .map(|e| {
            (
                e.param_str(Param::Keyword).unwrap().to_owned(),
                e.param_str(Param::Pointer).unwrap().to_owned(),
                e.line,
            )
        })
        .collect()
}

fn collection(n: usize, bad: &[usize]) -> String {
    let features: Vec<String> = (0..n)
        .map(|i| {
            let v = if bad.contains(&i) {
                "\"x\"".to_owned()
            } else {
                i.to_string()
            };
            format!("{{\"type\": \"Feature\",\n \"properties\": {{\"n\": {v}}}}}")
        })
        .collect();
    format!(
        "{{\"type\": \"FeatureCollection\",\n\"features\": [\n{}\n]}}",
        features.join(",\n")
    )
}

fn feature_schema() -> Value {
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "type": "object",
        "required": ["type", "features"],
        "properties": {
            "type": {"const": "FeatureCollection"},
            "features": {"type": "array", "minItems": 1, "items": {
                "type": "object",
                "properties": {"properties": {"properties": {"n": {"type": "integer"}}}}
            }}
        }
    })
}

#[test]
fn split_and_whole_validation_agree() {
    let text = collection(50, &[3, 17, 49]);
    let whole = validator(feature_schema())
        .validate_slice(text.as_bytes())
        .unwrap();
    let split = validator(feature_schema())
        .batching(4, 0)
        .validate_slice(text.as_bytes())
        .unwrap();
    assert_eq!(pointers(&whole), pointers(&split));
    assert_eq!(
        pointers(&whole),
        vec![
            ("type".into(), "/features/3/properties/n".into(), Some(10)),
            ("type".into(), "/features/17/properties/n".into(), Some(38)),
            ("type".into(), "/features/49/properties/n".into(), Some(102)),
        ]
    );
    assert_eq!(whole.stats.rows, 50);
    assert_eq!(split.stats.rows, 50);
    assert_eq!(whole.errors[0].params[Param::Column], json!(22));
    assert_eq!(split.errors[0].params[Param::Column], json!(22));
}

#[test]
fn envelope_errors_are_reported_once_in_split_mode() {
    let text = collection(10, &[]).replace("FeatureCollection", "Collection");
    let split = validator(feature_schema())
        .batching(3, 0)
        .validate_slice(text.as_bytes())
        .unwrap();
    assert_eq!(
        pointers(&split),
        vec![("const".into(), "/type".into(), Some(1))]
    );
}

#[test]
fn missing_draft_is_a_warning_and_unknown_formats_too() {
    let schema = JsonSchema::compile(
        &json!({"properties": {"mail": {"type": "string", "format": "mail"}}}),
        &JsonSchemaOptions::default(),
    )
    .unwrap();
    assert_eq!(schema.draft(), Draft::Draft7);
    let rules: Vec<_> = schema
        .warnings()
        .iter()
        .map(|w| w.param_str(Param::Rule).unwrap())
        .collect();
    assert_eq!(rules, vec!["json-schema-no-draft", "unknown-format"]);
}

#[test]
fn french_formats_are_asserted() {
    let v = validator(
        json!({"$schema": "http://json-schema.org/draft-07/schema#", "items": {"format": "code-postal"}}),
    );
    let r = v.validate_slice(br#"["75001", "7500", "2A004"]"#).unwrap();
    assert_eq!(
        pointers(&r),
        vec![
            ("format".into(), "/1".into(), Some(1)),
            ("format".into(), "/2".into(), Some(1))
        ]
    );
}

#[test]
fn syntax_errors_are_located() {
    let v = validator(json!({"$schema": "http://json-schema.org/draft-07/schema#"}));
    let err = v.validate_slice(b"{\"a\": [1,\n 2,,]}").unwrap_err();
    assert!(matches!(err, SourceError::Json { line: 2, .. }), "{err}");
    let err = v
        .batching(1, 0)
        .validate_slice(b"[1,\n {\"a\": }]")
        .unwrap_err();
    assert!(matches!(err, SourceError::Json { line: 2, .. }), "{err}");
}

#[test]
fn remote_refs_come_from_the_retriever_only() {
    let schema = json!({"$schema": "http://json-schema.org/draft-07/schema#", "$ref": "https://example.org/never/fetched.json"});
    let err = JsonSchema::compile(&schema, &JsonSchemaOptions::default()).unwrap_err();
    assert!(err.to_string().contains("--schema-dir"), "{err}");
}

#[test]
fn split_reports_are_the_same_whatever_the_thread_count_and_limit() {
    let bad: Vec<usize> = (0..400).filter(|i| i % 7 == 3).collect();
    let text = collection(400, &bad);
    let schema = JsonSchema::compile(&feature_schema(), &JsonSchemaOptions::default()).unwrap();
    let run = |threads: usize, max_errors: usize| {
        let options = ValidationOptions::default()
            .threads(Some(threads))
            .max_errors(Some(max_errors));
        JsonValidator::new(&schema, options)
            .batching(5, 0)
            .validate_slice(text.as_bytes())
            .unwrap()
    };
    for max_errors in [1000, 10, 1] {
        let one = run(1, max_errors);
        assert_eq!(one.errors.len(), bad.len().min(max_errors));
        assert_eq!(one.stats.truncated, max_errors < bad.len());
        let first = format!("/features/{}/properties/n", bad[0]);
        assert_eq!(pointers(&one)[0].1, first);
        for threads in [2, 3, 8] {
            let many = run(threads, max_errors);
            assert_eq!(pointers(&one), pointers(&many), "{threads} threads");
            assert_eq!(one.stats.truncated, many.stats.truncated);
        }
    }
}

#[test]
fn a_syntax_error_in_a_late_batch_is_the_first_in_document_order() {
    // Two broken items: whatever the thread count, the error names the first one.
    let text = collection(300, &[]).replace(
        "\"properties\": {\"n\": 120}",
        "\"properties\": {\"n\": 12 0}",
    );
    let text = text.replace(
        "\"properties\": {\"n\": 250}",
        "\"properties\": {\"n\": 25 0}",
    );
    let schema = JsonSchema::compile(&feature_schema(), &JsonSchemaOptions::default()).unwrap();
    for threads in [1, 2, 4] {
        let options = ValidationOptions::default().threads(Some(threads));
        let e = JsonValidator::new(&schema, options)
            .batching(3, 0)
            .validate_slice(text.as_bytes())
            .unwrap_err();
        let SourceError::Json { line, .. } = e else {
            panic!("{e:?}")
        };
        assert_eq!(line, 244, "{threads} threads");
    }
}

#[test]
fn a_split_document_cut_short_says_where_it_ends() {
    let text = collection(30, &[]);
    let cut = &text[..text.len() - 40];
    let lines = cut.matches('\n').count() as u64 + 1;
    let e = validator(feature_schema())
        .batching(4, 0)
        .validate_slice(cut.as_bytes())
        .unwrap_err();
    let SourceError::Json { line, column, .. } = e else {
        panic!("{e:?}")
    };
    let last_line = cut.rsplit('\n').next().unwrap();
    assert_eq!((line, column), (lines, last_line.len() as u64 + 1));
}
