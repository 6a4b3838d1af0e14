//! WebAssembly bindings of [`conforme`]: conversion only, no validation logic.
//!
//! Everything crosses the boundary as plain data: schemas and options as JSON text, input as
//! byte slices, reports as the JSON text of [`conforme::Report`] (the same shape as the CLI's
//! `--format json`). The JavaScript package in `bindings-wasm/js/` parses it and adds the
//! asynchronous API (`validate`, progress, abort, Worker).

pub mod check;
pub mod pool;
pub mod repair;

use conforme::document::{self, DocumentReport, DocumentSchema};
use conforme::{ValidationOptions, Validator};
use wasm_bindgen::prelude::*;

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

/// The names of the engine's options, as JSON (`["maxErrors", "threads", …]`): what the
/// `options` object of `validateBytes` and `StreamValidator` may hold.
#[wasm_bindgen(js_name = optionNames)]
pub fn option_names() -> String {
    serde_json::to_string(conforme::OPTION_NAMES).expect("a list of strings serialises")
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

/// Whether `schema` (JSON or YAML text) uses the official French lists (a referential
/// custom check, or a JSON Schema `format` backed by one) and they are not installed yet:
/// then the JavaScript package fetches `referentials.json` and calls `installReferentials`.
/// Text that is not a descriptor answers `false` (compiling it reports why).
#[wasm_bindgen(js_name = needsReferentials)]
pub fn needs_referentials(schema: &str) -> bool {
    !conforme::referentials::available()
        && conforme::schema::parse_descriptor(schema.as_bytes())
            .is_ok_and(|d| conforme::referentials::needed_by(&d))
}

/// Installs the official French lists from the text of `referentials.json` (built next to
/// this module from `core/data/referentials/`); schemas compiled afterwards run the
/// referential checks instead of warning `unsupported-check`.
#[wasm_bindgen(js_name = installReferentials)]
pub fn install_referentials(bundle: &str) -> Result<(), JsError> {
    conforme::referentials::install(bundle).map_err(|e| JsError::new(&e.to_string()))
}

fn language(tag: &str) -> Result<conforme::Lang, JsError> {
    tag.parse::<conforme::Lang>()
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Validates `data` in one call and returns the report as JSON.
///
/// `schema` is the text of a Table Schema (a table) or of a JSON Schema (a JSON document);
/// `options` is the JSON of the engine's options (`{"maxErrors": 100, "lang": "en"}`, or
/// `{}`; see `optionNames`). Throws an `Error` whose message says what is wrong when the
/// schema or the options cannot be used or the data cannot be read.
#[wasm_bindgen(js_name = validateBytes)]
pub fn validate_bytes(schema: &str, data: &[u8], options: &str) -> Result<String, JsError> {
    let (schema, options) = compile(schema, options)?;
    match document::validate_slice(data, &schema, &options)? {
        DocumentReport::Single(report) => Ok(report_json(&report)),
        DocumentReport::Package(_) => Err(JsError::new(
            "a Data Package cannot be validated from bytes",
        )),
    }
}

/// `"table"` for a Table Schema, `"json"` for a JSON Schema (the kind of document it checks).
#[wasm_bindgen(js_name = schemaKind)]
pub fn schema_kind(schema: &str) -> Result<String, JsError> {
    let (schema, _) = compile(schema, "")?;
    Ok(match schema {
        DocumentSchema::Table(_) => "table",
        DocumentSchema::Json(_) => "json",
    }
    .to_owned())
}

/// Push-based validation: feed the input in pieces of any size, then call `finish`.
/// For a table, memory stays bounded by the chunk size, whatever the input size; a JSON
/// document is kept until `finish` (its items are then validated in batches).
#[wasm_bindgen]
pub struct StreamValidator {
    inner: Option<Pending>,
}

/// What a stream holds until `finish`.
#[allow(clippy::large_enum_variant)] // One per stream, moved only when it ends.
enum Pending {
    Table(conforme::StreamValidator, DocumentSchema, ValidationOptions),
    Json {
        schema: DocumentSchema,
        options: ValidationOptions,
        bytes: Vec<u8>,
    },
}

#[wasm_bindgen]
impl StreamValidator {
    /// Compiles `schema` (JSON or YAML text of a Table Schema, or a JSON Schema) with
    /// `options` (JSON of the engine's options).
    #[wasm_bindgen(constructor)]
    pub fn new(schema: &str, options: &str) -> Result<StreamValidator, JsError> {
        let (schema, options) = compile(schema, options)?;
        let inner = match schema {
            DocumentSchema::Table(ref table) => {
                let stream = Validator::with_options(table, options.clone()).stream();
                Pending::Table(stream, schema, options)
            }
            DocumentSchema::Json(_) => {
                options.check_for_json_documents()?;
                Pending::Json {
                    schema,
                    options,
                    bytes: Vec::new(),
                }
            }
        };
        Ok(StreamValidator { inner: Some(inner) })
    }

    /// Feeds the next piece of input.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), JsError> {
        match self.live()? {
            Pending::Table(s, ..) => s.push(chunk)?,
            Pending::Json { bytes, .. } => bytes.extend_from_slice(chunk),
        }
        Ok(())
    }

    /// Bytes received so far.
    #[wasm_bindgen(getter)]
    pub fn bytes(&self) -> f64 {
        match &self.inner {
            Some(Pending::Table(s, ..)) => s.bytes() as f64,
            Some(Pending::Json { bytes, .. }) => bytes.len() as f64,
            None => 0.0,
        }
    }

    /// Data rows validated so far (0 for a JSON document until `finish`).
    #[wasm_bindgen(getter)]
    pub fn rows(&self) -> f64 {
        match &self.inner {
            Some(Pending::Table(s, ..)) => s.rows() as f64,
            _ => 0.0,
        }
    }

    /// `true` once the error limit is reached: the rest of the input need not be read.
    #[wasm_bindgen(getter)]
    pub fn done(&self) -> bool {
        match &self.inner {
            Some(Pending::Table(s, ..)) => s.is_done(),
            Some(Pending::Json { .. }) => false,
            None => true,
        }
    }

    /// Takes the errors found so far whose place in file order is final, as a JSON array
    /// (messages rendered, cells masked when asked): they still count in the final report,
    /// which no longer lists them. A JSON document's errors are only known at `finish`.
    #[wasm_bindgen(js_name = takeErrors)]
    pub fn take_errors(&mut self) -> Result<String, JsError> {
        Ok(match self.live()? {
            Pending::Table(s, ..) => {
                serde_json::to_string(&s.take_errors()).expect("errors always serialise")
            }
            Pending::Json { .. } => "[]".to_owned(),
        })
    }

    /// Ends the input and returns the report as JSON. The validator cannot be used afterwards.
    pub fn finish(&mut self) -> Result<String, JsError> {
        let report = match self.inner.take().ok_or_else(finished_error)? {
            Pending::Table(stream, schema, options) => {
                let mut report = stream.finish()?;
                document::add_lint(&mut report, &schema, &options);
                report
            }
            Pending::Json {
                schema,
                options,
                bytes,
            } => match document::validate_slice(&bytes, &schema, &options)? {
                DocumentReport::Single(report) => report,
                DocumentReport::Package(_) => {
                    return Err(JsError::new(
                        "a Data Package cannot be validated from bytes",
                    ));
                }
            },
        };
        Ok(report_json(&report))
    }

    fn live(&mut self) -> Result<&mut Pending, JsError> {
        self.inner.as_mut().ok_or_else(finished_error)
    }
}

fn finished_error() -> JsError {
    JsError::new("this StreamValidator is finished: create a new one to validate another file")
}

/// The schema (a JSON Schema when its text is one, else a Table Schema in JSON or YAML) and
/// the engine's options, read from their texts.
fn compile(schema: &str, options: &str) -> Result<(DocumentSchema, ValidationOptions), JsError> {
    let options = ValidationOptions::from_json_str(options)?;
    let schema = DocumentSchema::from_slice(schema.as_bytes(), None, &options)?;
    Ok((schema, options))
}

fn report_json(report: &conforme::Report) -> String {
    serde_json::to_string(report).expect("a report always serialises")
}
