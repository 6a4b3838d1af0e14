//! Cells, rows and keys: casting, constraints, header matching and row checks. Knows
//! nothing about files or encodings.

mod closest;
pub(crate) mod field;
mod header;
mod hints;
pub(crate) mod key_set;
pub(crate) mod pattern;
mod pattern_shape;
pub(crate) mod row;
pub mod types;
pub mod value;

pub(crate) use field::{CompiledField, MissingSet};
pub use header::HeaderProfile;
pub(crate) use header::{HeaderPlan, join_header_rows};
pub(crate) use hints::{closest_allowed, closest_name, geopoint_text, lon_lat_swapped};

use crate::checks::CheckSet;
use crate::error::SchemaError;
use crate::schema::table::{FieldsMatch, TableSchema};

/// What a key check is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum KeyKind {
    /// `constraints.unique` on one field.
    Unique,
    /// `primaryKey`.
    Primary,
    /// v2 `uniqueKeys` entry.
    UniqueKey,
    /// The referenced fields of a foreign key to the same table: every value is recorded.
    Reference,
    /// The local fields of a foreign key to the same table: each value must be among the
    /// values of the key spec `reference`.
    Foreign {
        /// Index of the `Reference` spec in `CompiledTable::keys`.
        reference: usize,
    },
}

/// What a field's cells need checking, decided once per schema so that the row loop skips
/// the cast of columns where no text can be wrong (a third of IRVE's columns).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CellWork {
    /// Any text is valid: a string without format or constraints, not required, in no key.
    Nothing,
    /// Only whether a value is there: the same, but required.
    Presence,
    /// Cast, constraints and keys.
    Full,
}

/// One cross-row uniqueness check.
#[derive(Clone, Debug)]
pub(crate) struct KeySpec {
    pub kind: KeyKind,
    /// Schema field indexes.
    pub fields: Vec<usize>,
}

/// A whole schema compiled for validation.
pub(crate) struct CompiledTable {
    pub fields: Vec<CompiledField>,
    pub schema_missing: MissingSet,
    pub keys: Vec<KeySpec>,
    /// For each field, whether some key uses it (its typed value must be kept per row).
    pub in_key: Vec<bool>,
    /// For each field, what its cells need checking (decided once, from the above).
    pub cell_work: Vec<CellWork>,
    /// Validata custom checks.
    pub checks: CheckSet,
    /// v2 `fieldsMatch`, when the schema declares it.
    pub fields_match: Option<FieldsMatch>,
}

impl std::fmt::Debug for CompiledTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CompiledTable")
            .field("fields", &self.fields.len())
            .finish()
    }
}

fn resolve(
    names: &[String],
    schema: &TableSchema,
    pointer: &str,
) -> Result<Vec<usize>, SchemaError> {
    names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            schema.field_index(n).ok_or_else(|| {
                SchemaError::invalid(
                    format!("{pointer}/{i}"),
                    format!("the key names the field {n:?}, which the schema does not define"),
                    "Use the name of one of the schema's fields.",
                )
            })
        })
        .collect()
}

impl CompiledTable {
    /// Compiles `schema`; its `reference-list-value` checks take their values from `lists`.
    pub(crate) fn compile(
        schema: &TableSchema,
        lists: &crate::checks::lookup::ReferenceLists,
    ) -> Result<CompiledTable, SchemaError> {
        let fields = schema
            .fields
            .iter()
            .map(|f| CompiledField::compile(f, &schema.missing_values, schema.v2))
            .collect::<Result<Vec<_>, _>>()?;
        let mut keys = Vec::new();
        for (i, f) in fields.iter().enumerate() {
            if f.unique {
                keys.push(KeySpec {
                    kind: KeyKind::Unique,
                    fields: vec![i],
                });
            }
        }
        if !schema.primary_key.is_empty() {
            keys.push(KeySpec {
                kind: KeyKind::Primary,
                fields: resolve(&schema.primary_key, schema, "/primaryKey")?,
            });
        }
        for (k, names) in schema.unique_keys.iter().enumerate() {
            keys.push(KeySpec {
                kind: KeyKind::UniqueKey,
                fields: resolve(names, schema, &format!("/uniqueKeys/{k}"))?,
            });
        }
        let mut foreign = Vec::new();
        for (k, fk) in schema.foreign_keys.iter().enumerate() {
            let local = resolve(&fk.fields, schema, &format!("/foreignKeys/{k}/fields"))?;
            // Other resources are resolved by the Data Package validation.
            if fk.resource.as_deref().unwrap_or("").is_empty() {
                let referenced = resolve(
                    &fk.reference_fields,
                    schema,
                    &format!("/foreignKeys/{k}/reference/fields"),
                )?;
                keys.push(KeySpec {
                    kind: KeyKind::Reference,
                    fields: referenced,
                });
                foreign.push((keys.len() - 1, local));
            }
        }
        // Foreign specs come after every reference spec: a row referring to itself finds
        // its own value.
        for (reference, fields) in foreign {
            keys.push(KeySpec {
                kind: KeyKind::Foreign { reference },
                fields,
            });
        }
        let mut in_key = vec![false; fields.len()];
        for key in &keys {
            for &f in &key.fields {
                in_key[f] = true;
            }
        }
        let cell_work = fields
            .iter()
            .zip(&in_key)
            .map(|(f, &keyed)| {
                let free = f.checker.caster.accepts_any_text() && f.checker.constraints.is_empty();
                match (free && !keyed, f.required) {
                    (false, _) => CellWork::Full,
                    (true, false) => CellWork::Nothing,
                    (true, true) => CellWork::Presence,
                }
            })
            .collect();
        Ok(CompiledTable {
            fields,
            schema_missing: MissingSet::new(&schema.missing_values),
            keys,
            in_key,
            cell_work,
            checks: crate::checks::compile_checks(schema, lists),
            fields_match: schema.fields_match,
        })
    }

    /// Whether field `f` must be in the file: `required`, or part of the primary key (as
    /// frictionless counts it when matching the header by name).
    pub(crate) fn is_required(&self, f: usize) -> bool {
        self.fields[f].required
            || self
                .keys
                .iter()
                .any(|k| k.kind == KeyKind::Primary && k.fields.contains(&f))
    }
}
