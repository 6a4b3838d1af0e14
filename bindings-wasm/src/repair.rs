//! `fixBytes` and `splitBytes`: the engine's repairs and row splits on bytes in memory
//! (conversion only: [`conforme::repair`] does the work, as for the command and Python).

use conforme::document::DocumentSchema;
use conforme::repair::{self, Change, Input, RepairOptions};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// The judgement calls `fixBytes` may make (none by default), as the JS options object.
#[derive(Default, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
struct JudgementCalls {
    closest_enum: bool,
    swap_coordinates: bool,
}

/// A corrected copy of a table and what was changed.
#[wasm_bindgen]
pub struct Fixed {
    data: Vec<u8>,
    summary: String,
}

#[wasm_bindgen]
impl Fixed {
    /// The corrected file: UTF-8, comma-separated, the schema's labels and column order.
    #[wasm_bindgen(getter)]
    pub fn data(&self) -> Vec<u8> {
        self.data.clone()
    }

    /// JSON `{rows, changes, byRule, reordered, log}`, `log` listing every change
    /// (`{row, column, old, new, rule}`) in file order.
    #[wasm_bindgen(getter)]
    pub fn summary(&self) -> String {
        self.summary.clone()
    }
}

/// Repairs `data` (a table) against `schema` (a Table Schema's text) read with `options`
/// (the engine's options, JSON), making only the repairs with exactly one plausible result
/// and the judgement calls `repair` allows (`{"closestEnum": true, "swapCoordinates": true}`).
#[wasm_bindgen(js_name = fixBytes)]
pub fn fix_bytes(schema: &str, data: &[u8], options: &str, repair: &str) -> Result<Fixed, JsError> {
    let (schema, options) = table_schema(schema, options)?;
    let calls: JudgementCalls = if repair.trim().is_empty() {
        JudgementCalls::default()
    } else {
        serde_json::from_str(repair).map_err(|e| {
            JsError::new(&format!(
                "repair options: {e} (accepted: closestEnum, swapCoordinates)"
            ))
        })?
    };
    let calls = RepairOptions {
        closest_enum: calls.closest_enum,
        swap_coordinates: calls.swap_coordinates,
    };
    let mut out = Vec::new();
    let mut log: Vec<Change> = Vec::new();
    let summary = repair::fix(
        Input::Bytes(data),
        &schema,
        &options,
        &calls,
        &mut out,
        &mut |change| {
            log.push(change.clone());
            Ok(())
        },
    )
    .map_err(|e| JsError::new(&e.to_string()))?;
    let summary = serde_json::json!({
        "rows": summary.rows,
        "changes": summary.changes,
        "byRule": summary.by_rule,
        "reordered": summary.reordered,
        "log": log.iter().map(|c| serde_json::json!({
            "row": c.row, "column": c.column, "old": c.old, "new": c.new, "rule": c.rule(),
        })).collect::<Vec<_>>(),
    });
    Ok(Fixed {
        data: out,
        summary: summary.to_string(),
    })
}

/// The rows of a table split in two files.
#[wasm_bindgen]
pub struct Split {
    valid: Vec<u8>,
    invalid: Vec<u8>,
    valid_rows: u64,
    invalid_rows: u64,
}

#[wasm_bindgen]
impl Split {
    /// The header and the rows without errors, in the input's dialect.
    #[wasm_bindgen(getter)]
    pub fn valid(&self) -> Vec<u8> {
        self.valid.clone()
    }

    /// The header and the rows with errors, plus an `errors` column listing them.
    #[wasm_bindgen(getter)]
    pub fn invalid(&self) -> Vec<u8> {
        self.invalid.clone()
    }

    /// Rows in `valid`.
    #[wasm_bindgen(getter, js_name = validRows)]
    pub fn valid_rows(&self) -> f64 {
        self.valid_rows as f64
    }

    /// Rows in `invalid`.
    #[wasm_bindgen(getter, js_name = invalidRows)]
    pub fn invalid_rows(&self) -> f64 {
        self.invalid_rows as f64
    }
}

/// Splits `data` into its rows without errors and its rows with errors (as `conforme
/// validate --valid-rows --invalid-rows`).
#[wasm_bindgen(js_name = splitBytes)]
pub fn split_bytes(schema: &str, data: &[u8], options: &str) -> Result<Split, JsError> {
    let (schema, options) = table_schema(schema, options)?;
    let (mut valid, mut invalid) = (Vec::new(), Vec::new());
    let summary = repair::split(
        Input::Bytes(data),
        &schema,
        &options,
        &mut valid,
        &mut invalid,
    )
    .map_err(|e| JsError::new(&e.to_string()))?;
    Ok(Split {
        valid,
        invalid,
        valid_rows: summary.valid_rows,
        invalid_rows: summary.invalid_rows,
    })
}

fn table_schema(
    schema: &str,
    options: &str,
) -> Result<(conforme::Schema, conforme::ValidationOptions), JsError> {
    match crate::compile(schema, options)? {
        (DocumentSchema::Table(schema), options) => Ok((schema, options)),
        (DocumentSchema::Json(_), _) => Err(JsError::new(
            "repairs and row splits are for tables: give a Table Schema, not a JSON Schema",
        )),
    }
}
