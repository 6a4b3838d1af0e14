//! One file across a pool of Workers: the bindings of [`conforme::engine::pool`].
//!
//! Every instance reads the file itself through a JavaScript function
//! `(offset, length) => Uint8Array` (in a Worker, a `Blob` slice read with
//! `FileReaderSync`); block results travel between Workers as bytes.

use crate::{compile, finished_error, report_json};
use conforme::document::{self, DocumentSchema};
use conforme::engine::pool::{Advance, BlockJob, BlockWorker, Coordinator};
use conforme::source::ReadAt;
use conforme::{ValidationOptions, Validator};
use wasm_bindgen::prelude::*;

/// The input, read through a JavaScript function.
struct JsInput(js_sys::Function);

impl ReadAt for JsInput {
    fn read_at(&self, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
        let got = self
            .0
            .call2(
                &JsValue::NULL,
                &JsValue::from_f64(offset as f64),
                &JsValue::from_f64(buf.len() as f64),
            )
            .map_err(|e| std::io::Error::other(js_message(&e)))?;
        let bytes: js_sys::Uint8Array = got.dyn_into().map_err(|_| {
            std::io::Error::other("the input's read function did not return a Uint8Array")
        })?;
        let n = (bytes.length() as usize).min(buf.len());
        bytes.subarray(0, n as u32).copy_to(&mut buf[..n]);
        Ok(n)
    }
}

fn js_message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the input could not be read".to_owned())
}

/// The validator of a Table Schema (a JSON document is not read in blocks).
fn table_validator(
    schema: &str,
    options: &str,
) -> Result<(Validator, DocumentSchema, ValidationOptions), JsError> {
    let (schema, options) = compile(schema, options)?;
    let DocumentSchema::Table(table) = &schema else {
        return Err(JsError::new(
            "a JSON document is validated by one Worker: only tables are split across a pool",
        ));
    };
    let validator = Validator::with_options(table, options.clone());
    Ok((validator, schema, options))
}

/// Hands out the blocks of one file to the pool's Workers and merges their results into
/// the report (the same report as `StreamValidator` gives for the same bytes).
#[wasm_bindgen]
pub struct PoolCoordinator {
    inner: Option<Coordinator>,
    input: JsInput,
    schema: DocumentSchema,
    options: ValidationOptions,
}

#[wasm_bindgen]
impl PoolCoordinator {
    /// Compiles `schema` (Table Schema text) with `options` (JSON) and reads the start of the
    /// input: `size` bytes, read with `read(offset, length)`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        schema: &str,
        options: &str,
        size: f64,
        read: js_sys::Function,
    ) -> Result<PoolCoordinator, JsError> {
        let (validator, schema, options) = table_validator(schema, options)?;
        let input = JsInput(read);
        let inner = Coordinator::new(&validator, &input, size as u64)?;
        Ok(PoolCoordinator {
            inner: Some(inner),
            input,
            schema,
            options,
        })
    }

    /// The next block for a Worker, as `[id, from, to, exact (1 or 0)]`; `undefined` once
    /// every block is handed out, or when the file is read by the coordinator alone.
    #[wasm_bindgen(js_name = nextJob)]
    pub fn next_job(&mut self) -> Result<Option<Vec<f64>>, JsError> {
        Ok(self.live()?.next_job().map(|j| {
            vec![
                j.id as f64,
                j.from as f64,
                j.to as f64,
                f64::from(u8::from(j.exact)),
            ]
        }))
    }

    /// Takes the result a Worker sent for job `id`, in any order.
    pub fn accept(&mut self, id: f64, result: &[u8]) -> Result<(), JsError> {
        Ok(self.live()?.accept(id as u64, result)?)
    }

    /// Merges what is next in file order: `"waiting"` (for a result), `"reading"` (it reads
    /// alone: call again) or `"finished"`.
    pub fn advance(&mut self) -> Result<String, JsError> {
        let inner = self.inner.as_mut().ok_or_else(finished_error)?;
        Ok(match inner.advance(&self.input)? {
            Advance::Waiting => "waiting",
            Advance::Reading => "reading",
            Advance::Finished => "finished",
        }
        .to_owned())
    }

    /// Bytes merged so far.
    #[wasm_bindgen(getter)]
    pub fn bytes(&self) -> f64 {
        self.inner.as_ref().map_or(0.0, |c| c.bytes() as f64)
    }

    /// Data rows merged so far.
    #[wasm_bindgen(getter)]
    pub fn rows(&self) -> f64 {
        self.inner.as_ref().map_or(0.0, |c| c.rows() as f64)
    }

    /// Takes the errors whose place in file order is final, as a JSON array (see
    /// `StreamValidator.takeErrors`).
    #[wasm_bindgen(js_name = takeErrors)]
    pub fn take_errors(&mut self) -> Result<String, JsError> {
        let errors = self.live()?.take_errors();
        Ok(serde_json::to_string(&errors).expect("errors always serialise"))
    }

    /// The report as JSON, once `advance` said `"finished"`. The coordinator cannot be used
    /// afterwards.
    pub fn finish(&mut self) -> Result<String, JsError> {
        let mut report = self.inner.take().ok_or_else(finished_error)?.finish();
        document::add_lint(&mut report, &self.schema, &self.options);
        Ok(report_json(&report))
    }

    fn live(&mut self) -> Result<&mut Coordinator, JsError> {
        self.inner.as_mut().ok_or_else(finished_error)
    }
}

/// Validates blocks of one file for a `PoolCoordinator`, in a Worker of the pool.
#[wasm_bindgen]
pub struct PoolWorker {
    inner: BlockWorker,
    input: JsInput,
}

#[wasm_bindgen]
impl PoolWorker {
    /// Compiles `schema` with `options` and reads the start of the input as the coordinator
    /// does (`size` bytes, read with `read(offset, length)`).
    #[wasm_bindgen(constructor)]
    pub fn new(
        schema: &str,
        options: &str,
        size: f64,
        read: js_sys::Function,
    ) -> Result<PoolWorker, JsError> {
        let (validator, ..) = table_validator(schema, options)?;
        let input = JsInput(read);
        let inner = BlockWorker::new(&validator, &input, size as u64)?;
        Ok(PoolWorker { inner, input })
    }

    /// Validates the block `[from, to)` of job `id`; the result is for
    /// `PoolCoordinator.accept`.
    pub fn validate(&mut self, id: f64, from: f64, to: f64, exact: bool) -> Vec<u8> {
        let job = BlockJob {
            id: id as u64,
            from: from as u64,
            to: to as u64,
            exact,
        };
        self.inner.validate(job, &self.input)
    }
}
