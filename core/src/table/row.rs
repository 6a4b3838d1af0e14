//! Checking one data row: structure (blank row, extra and missing cells), cells (missing
//! values, type, constraints) and the key values the ordered merge will compare.

use super::field::CompiledField;
use super::hints;
use super::value::Value;
use super::{CellWork, CompiledTable, HeaderPlan, KeyKind};
use crate::checks::CellState;
use crate::report::Param;
use crate::report::{Diagnostic, ErrorCode};
use crate::schema::table::FieldType;

/// A key value seen in a row, for the cross-row checks done in file order.
#[derive(Clone, Debug)]
pub(crate) struct KeyHit {
    /// Data row index within the chunk (0-based).
    pub local_row: u64,
    pub line: u64,
    pub byte: u64,
    /// Index into `CompiledTable::keys`.
    pub spec: u16,
    /// 128-bit hash of the normalised typed key.
    pub hash: u128,
    /// Primary key with a missing part.
    pub null: bool,
    /// The key cell's text, in the chunk's arena (`start`, `len`); for a composite key, the
    /// texts of its cells separated by [`KEY_TEXT_SEPARATOR`].
    pub text: (u32, u32),
}

/// Where a row is: chunk-local row index (fixed to a frictionless row number by the merge),
/// absolute physical line and byte offset.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RowLocation {
    pub local_row: u64,
    pub line: u64,
    pub byte: u64,
}

/// Per-worker buffers reused from row to row (no allocation on the happy path).
#[derive(Default)]
pub(crate) struct RowScratch {
    field_bytes: Vec<Vec<u8>>,
    field_null: Vec<bool>,
    field_text: Vec<(u32, u32)>,
    key_buf: Vec<u8>,
    /// The cell texts of a composite key, separated by [`KEY_TEXT_SEPARATOR`].
    key_text: String,
}

/// Separates the cell texts of a composite key in the arena (a control character no CSV
/// cell of a key is expected to hold; the merge splits on it to list the values).
pub(crate) const KEY_TEXT_SEPARATOR: char = '\u{1f}';

/// Row-level warnings kept per chunk and per report (they are counted beyond that).
pub(crate) const MAX_ROW_WARNINGS: usize = 100;

/// What checking rows produces.
#[derive(Default)]
pub(crate) struct RowOutput {
    pub errors: Vec<Diagnostic>,
    /// Row-level warnings (at most [`MAX_ROW_WARNINGS`]) and how many there were.
    pub warnings: Vec<Diagnostic>,
    pub warning_count: u64,
    /// Cells of the first rows with errors (rows chunk-local), when asked for.
    pub samples: Vec<crate::report::RowSample>,
    pub keys: Vec<KeyHit>,
    /// Texts of key cells, referenced by `KeyHit::text`.
    pub arena: String,
}

fn cell_diagnostic(
    code: ErrorCode,
    at: RowLocation,
    column: usize,
    name: &str,
    cell: &str,
) -> Diagnostic {
    let d = Diagnostic::new(code)
        .at_row(at.local_row, at.line)
        .at_byte(at.byte)
        .in_field(column + 1, name)
        .with_cell(cell);
    if hints::scientific_notation(cell) {
        d.with_param(Param::Scientific, true)
    } else {
        d
    }
}

fn type_error(field: &CompiledField, at: RowLocation, column: usize, cell: &str) -> Diagnostic {
    let shared = &field.type_params;
    let mut d = cell_diagnostic(ErrorCode::TypeError, at, column, &field.name, cell)
        .with_shared_param(Param::Type, &shared.type_name)
        .with_shared_param(Param::Format, &shared.format);
    if let Some((t, f)) = &shared.boolean_values {
        d = d
            .with_shared_param(Param::TrueValues, t)
            .with_shared_param(Param::FalseValues, f);
    }
    with_repair(d, field, cell)
}

/// `constraint: required, value: true`, the parameters of a missing required value.
fn required(d: Diagnostic) -> Diagnostic {
    with_constraint(d, "required").with_param(Param::Value, true)
}

/// Adds `constraint`: a constant for the constraints reports know (all those compiled).
fn with_constraint(d: Diagnostic, name: &'static str) -> Diagnostic {
    static NAMES: std::sync::LazyLock<Vec<serde_json::Value>> = std::sync::LazyLock::new(|| {
        crate::report::CONSTRAINTS
            .iter()
            .map(|&n| n.into())
            .collect()
    });
    match crate::report::CONSTRAINTS.iter().position(|&n| n == name) {
        Some(i) => d.with_static_param(Param::Constraint, &NAMES[i]),
        None => d.with_param(Param::Constraint, name),
    }
}

/// Adds `hint` and `hint_kind` when a rewritten value would pass.
fn with_repair(d: Diagnostic, field: &CompiledField, cell: &str) -> Diagnostic {
    match hints::repair(field, cell) {
        Some((kind, value)) => d
            .with_param(Param::Hint, value)
            .with_param(Param::HintKind, kind.name()),
        None => d,
    }
}

impl CompiledTable {
    /// Checks one record. `cell(i)` returns the text of cell `i` (`count` cells).
    /// Returns `false` once `out.errors` holds `limit` errors: the caller stops there.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn check_row<'c>(
        &self,
        plan: &HeaderPlan,
        count: usize,
        cell: impl Fn(usize) -> &'c str,
        at: RowLocation,
        scratch: &mut RowScratch,
        out: &mut RowOutput,
        limit: usize,
    ) -> bool {
        let has_keys = !self.keys.is_empty();
        if has_keys && scratch.field_null.len() != self.fields.len() {
            scratch.field_bytes = vec![Vec::new(); self.fields.len()];
            scratch.field_null = vec![true; self.fields.len()];
            scratch.field_text = vec![(0, 0); self.fields.len()];
        }
        if has_keys {
            scratch.field_null.iter_mut().for_each(|n| *n = true);
        }

        // A row whose every cell is a missing value is only a blank row.
        let blank = (0..count).all(|i| {
            let text = cell(i);
            match plan.column_field.get(i).copied().flatten() {
                Some(f) => self.fields[f].missing.contains(text),
                None => self.schema_missing.contains(text),
            }
        });
        if blank {
            out.errors.push(
                Diagnostic::new(ErrorCode::BlankRow)
                    .at_row(at.local_row, at.line)
                    .at_byte(at.byte),
            );
        } else {
            let labelled = &plan.column_field[..count.min(plan.label_count)];
            for (column, &f) in labelled.iter().enumerate() {
                let Some(f) = f else {
                    continue;
                };
                let work = self.cell_work[f];
                if work == CellWork::Nothing {
                    continue;
                }
                let text = cell(column);
                let field = &self.fields[f];
                if field.missing.contains(text) {
                    if field.required {
                        out.errors.push(required(cell_diagnostic(
                            ErrorCode::ConstraintError,
                            at,
                            column,
                            &field.name,
                            text,
                        )));
                    }
                    continue;
                }
                if work == CellWork::Presence {
                    continue;
                }
                // Matched by reference: moving the (large) value out of the result costs a
                // copy that stalls on the stores the cast just made (a tenth of the run).
                let cast = field.checker.caster.cast(text);
                match &cast {
                    Err(()) => out.errors.push(type_error(field, at, column, text)),
                    Ok(value) => {
                        if let Value::GeoPoint(lon, lat) = *value
                            && hints::lon_lat_swapped(lon, lat)
                        {
                            out.warning_count += 1;
                            if out.warnings.len() < MAX_ROW_WARNINGS {
                                out.warnings.push(
                                    cell_diagnostic(
                                        ErrorCode::GeopointSwapped,
                                        at,
                                        column,
                                        &field.name,
                                        text,
                                    )
                                    .with_param(
                                        Param::Hint,
                                        hints::geopoint_text(&field.format, lat, lon),
                                    )
                                    .with_param(Param::HintKind, "swapped-lon-lat"),
                                );
                            }
                        }
                        for c in &field.checker.constraints {
                            if !c.holds(text, value) {
                                out.errors
                                    .push(self.constraint_error(field, c, at, column, text, value));
                            }
                        }
                        // As in frictionless, a value that breaks a constraint still takes part
                        // in key checks; only a type error leaves the cell without a value.
                        if has_keys && self.in_key[f] {
                            let bytes = &mut scratch.field_bytes[f];
                            bytes.clear();
                            value.key_bytes(bytes);
                            scratch.field_null[f] = false;
                            let start = out.arena.len() as u32;
                            out.arena.push_str(text);
                            scratch.field_text[f] = (start, text.len() as u32);
                        }
                    }
                }
            }
            // Cells beyond the header: after the row's other cell errors, in column order.
            for column in plan.label_count..count {
                out.errors.push(cell_diagnostic(
                    ErrorCode::ExtraCell,
                    at,
                    column,
                    "",
                    cell(column),
                ));
            }
            // A required field's absent cell also breaks `required` (frictionless reads it
            // as null, then lists the missing cells): the constraint errors first.
            for column in count..plan.label_count {
                if let Some(f) = plan.column_field[column]
                    && self.fields[f].required
                {
                    let field = &self.fields[f];
                    out.errors.push(required(cell_diagnostic(
                        ErrorCode::ConstraintError,
                        at,
                        column,
                        &field.name,
                        "",
                    )));
                }
            }
            for column in count..plan.label_count {
                let name = match plan.column_field[column] {
                    Some(f) => Some(self.fields[f].name.as_str()),
                    // A column without a field, named by its label (frictionless' modes).
                    None => plan
                        .extra_column_labels
                        .get(column)
                        .and_then(Option::as_deref),
                };
                if let Some(name) = name {
                    out.errors.push(cell_diagnostic(
                        ErrorCode::MissingCell,
                        at,
                        column,
                        name,
                        "",
                    ));
                }
            }
            if !self.checks.checks.is_empty() {
                self.run_checks(plan, count, &cell, at, out);
            }
        }
        if has_keys {
            self.collect_keys(plan, at, scratch, out);
        }
        out.errors.len() < limit
    }

    /// The state of field `f` in this row, as the custom checks see it.
    fn cell_state<'c>(
        &self,
        plan: &HeaderPlan,
        count: usize,
        cell: &impl Fn(usize) -> &'c str,
        f: usize,
    ) -> CellState<'c> {
        let Some(column) = plan.field_column.get(f).copied().flatten() else {
            return CellState::Absent;
        };
        if column >= count {
            return CellState::Empty;
        }
        let text = cell(column);
        let field = &self.fields[f];
        if field.missing.contains(text) {
            return CellState::Empty;
        }
        match field.checker.caster.cast(text) {
            Ok(v) => CellState::Typed(v, text),
            Err(()) => CellState::Invalid(text),
        }
    }

    /// Runs the custom checks on a row, after its cell checks, in declaration order.
    fn run_checks<'c>(
        &self,
        plan: &HeaderPlan,
        count: usize,
        cell: &impl Fn(usize) -> &'c str,
        at: RowLocation,
        out: &mut RowOutput,
    ) {
        let state = |f: usize| self.cell_state(plan, count, cell, f);
        for (i, check) in self.checks.checks.iter().enumerate() {
            if !plan.checks_enabled.get(i).copied().unwrap_or(false) {
                continue;
            }
            let Some(finding) = check.run(&state) else {
                continue;
            };
            let mut d = Diagnostic::new(finding.code)
                .at_row(at.local_row, at.line)
                .at_byte(at.byte);
            if let Some((f, column)) = check.anchor.and_then(|f| Some((f, plan.field_column[f]?))) {
                let text = if column < count { cell(column) } else { "" };
                d = d.in_field(column + 1, &self.fields[f].name).with_cell(text);
            }
            d.params = finding.params;
            d = d.with_param(Param::Check, check.name);
            out.errors.push(d);
        }
    }

    fn collect_keys(
        &self,
        plan: &HeaderPlan,
        at: RowLocation,
        scratch: &mut RowScratch,
        out: &mut RowOutput,
    ) {
        for (spec_index, spec) in self.keys.iter().enumerate() {
            if !plan.keys_enabled.get(spec_index).copied().unwrap_or(true) {
                continue;
            }
            let any_null = spec.fields.iter().any(|&f| scratch.field_null[f]);
            let all_null = spec.fields.iter().all(|&f| scratch.field_null[f]);
            if any_null && spec.kind != KeyKind::Primary {
                // Missing values are never duplicates of each other (unique, uniqueKeys).
                continue;
            }
            let hash = if any_null {
                0
            } else {
                scratch.key_buf.clear();
                for &f in &spec.fields {
                    scratch.key_buf.extend_from_slice(&scratch.field_bytes[f]);
                }
                xxhash_rust::xxh3::xxh3_128(&scratch.key_buf)
            };
            let text_of = |f: usize| {
                let (start, len) = scratch.field_text[f];
                if scratch.field_null[f] {
                    ""
                } else {
                    &out.arena[start as usize..(start + len) as usize]
                }
            };
            let text = if let [only] = spec.fields[..] {
                if scratch.field_null[only] {
                    (0, 0)
                } else {
                    scratch.field_text[only]
                }
            } else {
                // Composite keys are rare: their texts are copied once more, together.
                scratch.key_text.clear();
                for (i, &f) in spec.fields.iter().enumerate() {
                    if i > 0 {
                        scratch.key_text.push(KEY_TEXT_SEPARATOR);
                    }
                    scratch.key_text.push_str(text_of(f));
                }
                let start = out.arena.len() as u32;
                out.arena.push_str(&scratch.key_text);
                (start, scratch.key_text.len() as u32)
            };
            out.keys.push(KeyHit {
                local_row: at.local_row,
                line: at.line,
                byte: at.byte,
                spec: spec_index as u16,
                hash,
                null: any_null && (all_null || spec.kind == KeyKind::Primary),
                text,
            });
        }
    }

    fn constraint_error(
        &self,
        field: &CompiledField,
        c: &super::field::Constraint,
        at: RowLocation,
        column: usize,
        text: &str,
        value: &super::value::Value<'_>,
    ) -> Diagnostic {
        let d = cell_diagnostic(ErrorCode::ConstraintError, at, column, &field.name, text);
        let mut d = with_constraint(d, c.name).with_shared_param(Param::Value, &c.value);
        if let Some(allowed) = &c.allowed
            && allowed.count > crate::limits::ENUM_VALUES_QUOTED
        {
            // `value` quotes the first values only: the whole list is in the schema.
            d = d.with_param(Param::ValueCount, allowed.count);
        }
        match (c.name, &c.check) {
            ("pattern", super::field::Check::Pattern(p)) => {
                if p.evaluate(text).is_none() {
                    // Not a mismatch: the backtracking engine gave up on this cell.
                    d = d.with_param(Param::Reason, "backtrack-limit");
                }
                if let Some(example) = &field.example {
                    d = d.with_param(Param::Example, example.as_str());
                }
            }
            ("enum", _)
                if hints::is_text(&field.checker.caster)
                    || field.field_type == FieldType::String =>
            {
                if let Some(best) = c.allowed.as_ref().and_then(|a| a.closest(text)) {
                    d = d
                        .with_param(Param::Hint, best)
                        .with_param(Param::HintKind, "closest-value");
                }
            }
            ("minLength" | "maxLength", _) => {
                if let Some(n) = value.length() {
                    d = d.with_param(Param::Length, n);
                }
            }
            _ => {}
        }
        if c.name != "enum" {
            d = with_repair(d, field, text);
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use crate::report::Param;

    /// Type errors point to their field's parameters rather than copying them: the report
    /// still lists them, and every error of the field shares one copy.
    #[test]
    fn boolean_type_errors_list_the_shared_accepted_values() {
        let schema = crate::Schema::from_slice(
            br#"{"fields": [{"name": "b", "type": "boolean", "trueValues": ["oui"], "falseValues": ["non"]}]}"#,
        )
        .unwrap();
        let report = crate::Validator::new(&schema)
            .validate_slice(b"b\nx\noui\ny\n")
            .unwrap();
        let [first, second] = &report.errors[..] else {
            panic!("two type errors: {report:?}");
        };
        assert_eq!(
            serde_json::to_value(&first.params).unwrap(),
            serde_json::json!({"type": "boolean", "format": "default", "trueValues": ["oui"], "falseValues": ["non"]})
        );
        for p in [
            Param::Type,
            Param::Format,
            Param::TrueValues,
            Param::FalseValues,
        ] {
            let (a, b) = (first.params.get(p).unwrap(), second.params.get(p).unwrap());
            assert!(std::ptr::eq(a, b), "{p} shared");
        }
        assert!(first.message.contains("`oui`"), "{}", first.message);
    }

    /// So do constraint errors, with their constraint's name and value.
    #[test]
    fn constraint_errors_share_the_constraint_name_and_value() {
        let schema = crate::Schema::from_slice(
            br#"{"fields": [{"name": "s", "constraints": {"required": true, "pattern": "[a-z]+"}}, {"name": "t"}]}"#,
        )
        .unwrap();
        let report = crate::Validator::new(&schema)
            .validate_slice(b"s,t\n1,a\n,a\n2,a\n")
            .unwrap();
        let params: Vec<String> = report
            .errors
            .iter()
            .map(|e| serde_json::to_string(&e.params).unwrap())
            .collect();
        assert_eq!(
            params,
            [
                r#"{"constraint":"pattern","value":"[a-z]+"}"#,
                r#"{"constraint":"required","value":true}"#,
                r#"{"constraint":"pattern","value":"[a-z]+"}"#,
            ]
        );
        let param = |i: usize, p| report.errors[i].params.get(p).unwrap();
        assert!(std::ptr::eq(param(0, Param::Value), param(2, Param::Value)));
        assert!(std::ptr::eq(
            param(0, Param::Constraint),
            param(2, Param::Constraint)
        ));
    }
}
