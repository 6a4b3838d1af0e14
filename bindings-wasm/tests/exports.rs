//! The exported functions, run in Node by wasm-bindgen-test (`scripts/test.sh wasm`).
#![cfg(target_arch = "wasm32")]

use conforme_wasm::{StreamValidator, check_schema, error_codes, validate_bytes};
use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const SCHEMA: &str = include_str!("../../fixtures/tableschema/every-cell-error/schema.json");
const DATA: &[u8] = include_bytes!("../../fixtures/tableschema/every-cell-error/data.csv");
const EXPECTED: &str = include_str!("../../fixtures/tableschema/every-cell-error/expected.json");

fn triples(report: &Value) -> Value {
    report["errors"]
        .as_array()
        .expect("errors is a list")
        .iter()
        .map(|e| serde_json::json!([e["row"], e["field_number"], e["type"]]))
        .collect()
}

#[wasm_bindgen_test]
fn validate_bytes_gives_the_fixture_verdict_and_errors() {
    let report: Value = serde_json::from_str(&validate_bytes(SCHEMA, DATA, "{}").unwrap()).unwrap();
    let expected: Value = serde_json::from_str(EXPECTED).unwrap();
    assert_eq!(report["valid"], expected["valid"]);
    assert_eq!(triples(&report), expected["errors"]);
    assert!(
        report["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("motif"),
        "French by default: {}",
        report["errors"][0]["message"]
    );
}

#[wasm_bindgen_test]
fn the_stream_gives_the_same_report_one_byte_at_a_time() {
    let whole = validate_bytes(SCHEMA, DATA, r#"{"lang": "en"}"#).unwrap();
    let mut stream = StreamValidator::new(SCHEMA, r#"{"lang": "en", "chunkSize": 16}"#).unwrap();
    for byte in DATA.chunks(1) {
        stream.push(byte).unwrap();
    }
    assert_eq!(stream.bytes(), DATA.len() as f64);
    assert_eq!(stream.finish().unwrap(), whole);
}

/// The fixture's header and first (invalid) row, then `rows` copies of that row: big enough
/// for the engine to validate chunks while input still arrives.
fn many_invalid_rows(rows: usize) -> Vec<u8> {
    let text = std::str::from_utf8(DATA).unwrap();
    let mut lines = text.lines();
    let (header, row) = (lines.next().unwrap(), lines.next().unwrap());
    let mut data = format!("{header}\n").into_bytes();
    for _ in 0..rows {
        data.extend_from_slice(row.as_bytes());
        data.push(b'\n');
    }
    data
}

#[wasm_bindgen_test]
fn rows_are_counted_while_input_arrives() {
    let data = many_invalid_rows(20_000);
    let mut stream = StreamValidator::new(SCHEMA, r#"{"chunkSize": 4096}"#).unwrap();
    for piece in data.chunks(64 * 1024) {
        stream.push(piece).unwrap();
    }
    assert!(stream.rows() > 0.0, "no rows counted before finish");
    let report: Value = serde_json::from_str(&stream.finish().unwrap()).unwrap();
    assert_eq!(report["stats"]["rows"], 20_000);
}

#[wasm_bindgen_test]
fn max_errors_marks_the_stream_done() {
    let data = many_invalid_rows(20_000);
    let mut stream =
        StreamValidator::new(SCHEMA, r#"{"maxErrors": 2, "chunkSize": 4096}"#).unwrap();
    for piece in data.chunks(64 * 1024) {
        stream.push(piece).unwrap();
    }
    assert!(stream.done());
    let report: Value = serde_json::from_str(&stream.finish().unwrap()).unwrap();
    assert_eq!(report["errors"].as_array().unwrap().len(), 2);
    assert_eq!(report["stats"]["truncated"], true);
}

#[wasm_bindgen_test]
fn check_schema_reports_the_pointer_of_a_bad_type() {
    let check: Value = serde_json::from_str(
        &check_schema(r#"{"fields": [{"name": "a", "type": "texte"}]}"#, "en").unwrap(),
    )
    .unwrap();
    assert_eq!(check["valid"], false);
    assert!(
        check["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("/fields/0/type")
    );
    let ok: Value = serde_json::from_str(&check_schema(SCHEMA, "fr").unwrap()).unwrap();
    assert_eq!(ok["valid"], true);
    assert_eq!(ok["errors"], serde_json::json!([]));
    assert!(check_schema(SCHEMA, "de").is_err());
}

#[wasm_bindgen_test]
fn bad_options_empty_input_and_reuse_are_errors() {
    assert!(validate_bytes(SCHEMA, DATA, r#"{"lang": "de"}"#).is_err());
    assert!(validate_bytes(SCHEMA, DATA, "not json").is_err());
    // An empty file is bad data: a report with one source-error, as in every door.
    let empty: Value = serde_json::from_str(&validate_bytes(SCHEMA, b"", "{}").unwrap()).unwrap();
    assert_eq!(empty["valid"], false);
    assert_eq!(empty["errors"][0]["type"], "source-error");
    let mut stream = StreamValidator::new(SCHEMA, "").unwrap();
    stream.push(DATA).unwrap();
    stream.finish().unwrap();
    assert!(stream.push(DATA).is_err());
    assert!(stream.finish().is_err());
}

#[wasm_bindgen_test]
fn error_codes_lists_the_engine_codes() {
    let codes: Vec<String> = serde_json::from_str(&error_codes()).unwrap();
    assert!(codes.iter().any(|c| c == "type-error"));
    assert_eq!(codes.len(), conforme::ErrorCode::ALL.len());
}

#[wasm_bindgen_test]
fn the_phone_check_is_left_out_of_this_build_with_a_warning() {
    let schema = r#"{"fields": [{"name": "tel"}],
        "custom_checks": [{"name": "phone-number-value", "params": {"column": "tel"}}]}"#;
    let report: Value = serde_json::from_str(
        &validate_bytes(schema, b"tel\n12345\n", r#"{"lang": "en"}"#).unwrap(),
    )
    .unwrap();
    assert_eq!(report["valid"], true, "{report}");
    assert_eq!(
        report["warnings"][0]["type"], "unsupported-check",
        "{report}"
    );
}

/// `(offset, length) => Uint8Array` over `data`, as a Worker reads a Blob.
fn reader(data: &'static [u8]) -> js_sys::Function {
    let read = wasm_bindgen::closure::Closure::<dyn Fn(f64, f64) -> js_sys::Uint8Array>::new(
        move |offset: f64, length: f64| {
            let from = (offset as usize).min(data.len());
            let to = (from + length as usize).min(data.len());
            js_sys::Uint8Array::from(&data[from..to])
        },
    );
    read.into_js_value().into()
}

#[wasm_bindgen_test]
fn a_pool_of_workers_gives_the_report_of_one_validator() {
    use conforme_wasm::pool::{PoolCoordinator, PoolWorker};
    let data: &'static [u8] = Box::leak(many_invalid_rows(6000).into_boxed_slice());
    let options = r#"{"chunkSize": 4096, "maxErrors": 100000}"#;
    let whole = validate_bytes(SCHEMA, data, options).unwrap();
    let size = data.len() as f64;
    let mut coordinator = PoolCoordinator::new(SCHEMA, options, size, reader(data)).unwrap();
    let mut workers: Vec<PoolWorker> = (0..2)
        .map(|_| PoolWorker::new(SCHEMA, options, size, reader(data)).unwrap())
        .collect();
    let mut jobs = Vec::new();
    while let Some(job) = coordinator.next_job().unwrap() {
        jobs.push(job);
    }
    assert!(
        jobs.len() > 10,
        "the input is cut in blocks: {} jobs",
        jobs.len()
    );
    let refused = coordinator
        .accept(jobs[0][0], b"not a block result")
        .unwrap_err();
    assert!(JsValue::from(refused).as_string().is_none()); // an Error object, not a panic
    // Results arrive last job first: the coordinator merges them in file order anyway.
    for job in jobs.iter().rev() {
        let worker = &mut workers[job[0] as usize % 2];
        let result = worker.validate(job[0], job[1], job[2], job[3] == 1.0);
        coordinator.accept(job[0], &result).unwrap();
    }
    let mut state = coordinator.advance().unwrap();
    while state == "reading" {
        state = coordinator.advance().unwrap();
    }
    assert_eq!(state, "finished");
    assert_eq!(coordinator.finish().unwrap(), whole);
}
