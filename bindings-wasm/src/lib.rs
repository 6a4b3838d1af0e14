//! WebAssembly bindings of [`conforme`]: conversion only, no validation logic.
//!
//! Everything crosses the boundary as plain data: schemas and options as JSON text, input as
//! byte slices, reports as the JSON text of [`conforme::Report`] (the same shape as the CLI's
//! `--format json`). The JavaScript package in `bindings-wasm/js/` parses it and adds the
//! asynchronous API (`validate`, progress, abort, Worker).

pub mod check;
mod options;

use conforme::{Schema, Validator};
use wasm_bindgen::prelude::*;

pub use options::{OptionsError, WasmOptions};

/// The version of the conforme engine compiled into this module.
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Every error and warning code the engine can report, as JSON (`["type-error", …]`).
#[wasm_bindgen(js_name = errorCodes)]
pub fn error_codes() -> String {
    let codes: Vec<&str> = conforme::ErrorCode::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    serde_json::to_string(&codes).expect("a list of strings serialises")
}

/// Lints `schema` (JSON or YAML text of a Table Schema or JSON Schema) and returns the report
/// of `conforme schema check --format json`, messages in `lang` (`fr` or `en`).
#[wasm_bindgen(js_name = checkSchema)]
pub fn check_schema(schema: &str, lang: &str) -> Result<String, JsError> {
    Ok(report_json(&check::schema_report(schema, language(lang)?)))
}

/// The `checkSchema` report of a schema that could not be fetched: invalid, with one
/// `schema-error` whose detail is `why`.
#[wasm_bindgen(js_name = unreadableSchemaReport)]
pub fn unreadable_schema_report(why: &str, lang: &str) -> Result<String, JsError> {
    Ok(report_json(&check::unreadable_report(why, language(lang)?)))
}

fn language(tag: &str) -> Result<conforme::Lang, JsError> {
    conforme::Lang::from_tag(tag)
        .ok_or_else(|| JsError::new(&format!("unknown language {tag:?}: use \"fr\" or \"en\"")))
}

/// Validates `data` in one call and returns the report as JSON.
///
/// `options` is the JSON of [`WasmOptions`] (`{"maxErrors": 100, "lang": "en"}`, or `{}`).
/// Throws an `Error` whose message says what is wrong when the schema or the options cannot
/// be used or the data is not a readable table.
#[wasm_bindgen(js_name = validateBytes)]
pub fn validate_bytes(schema: &str, data: &[u8], options: &str) -> Result<String, JsError> {
    let validator = build_validator(schema, options)?;
    let report = validator.validate_slice(data)?;
    Ok(report_json(&report))
}

/// Push-based validation: feed the input in pieces of any size, then call `finish`.
/// Memory stays bounded by the chunk size, whatever the input size.
#[wasm_bindgen]
pub struct StreamValidator {
    inner: Option<conforme::StreamValidator>,
}

#[wasm_bindgen]
impl StreamValidator {
    /// Compiles `schema` (JSON or YAML text) with `options` (JSON of [`WasmOptions`]).
    #[wasm_bindgen(constructor)]
    pub fn new(schema: &str, options: &str) -> Result<StreamValidator, JsError> {
        let validator = build_validator(schema, options)?;
        Ok(StreamValidator {
            inner: Some(validator.stream()),
        })
    }

    /// Feeds the next piece of input.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), JsError> {
        self.live()?.push(chunk)?;
        Ok(())
    }

    /// Bytes received so far.
    #[wasm_bindgen(getter)]
    pub fn bytes(&self) -> f64 {
        self.inner.as_ref().map_or(0, |s| s.bytes()) as f64
    }

    /// Data rows validated so far.
    #[wasm_bindgen(getter)]
    pub fn rows(&self) -> f64 {
        self.inner.as_ref().map_or(0, |s| s.rows()) as f64
    }

    /// `true` once the error limit is reached: the rest of the input need not be read.
    #[wasm_bindgen(getter)]
    pub fn done(&self) -> bool {
        self.inner
            .as_ref()
            .is_some_and(conforme::StreamValidator::is_done)
    }

    /// Ends the input and returns the report as JSON. The validator cannot be used afterwards.
    pub fn finish(&mut self) -> Result<String, JsError> {
        let stream = self.inner.take().ok_or_else(finished_error)?;
        Ok(report_json(&stream.finish()?))
    }

    fn live(&mut self) -> Result<&mut conforme::StreamValidator, JsError> {
        self.inner.as_mut().ok_or_else(finished_error)
    }
}

fn finished_error() -> JsError {
    JsError::new("this StreamValidator is finished: create a new one to validate another file")
}

fn build_validator(schema: &str, options: &str) -> Result<Validator, JsError> {
    let options = WasmOptions::parse(options)?.into_validation_options()?;
    let schema = Schema::from_slice(schema.as_bytes())?;
    Ok(Validator::with_options(&schema, options))
}

fn report_json(report: &conforme::Report) -> String {
    serde_json::to_string(report).expect("a report always serialises")
}
