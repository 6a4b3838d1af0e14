//! Cells, rows and keys: casting, constraints, header matching and row checks. Knows
//! nothing about files or encodings.

pub(crate) mod field;
mod header;
mod hints;
pub(crate) mod pattern;
pub(crate) mod row;
pub mod types;
pub mod value;

pub(crate) use field::{CompiledField, MissingSet};
pub(crate) use header::HeaderPlan;

use crate::error::SchemaError;
use crate::schema::TableSchema;

/// What a key check is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum KeyKind {
    /// `constraints.unique` on one field.
    Unique,
    /// `primaryKey`.
    Primary,
    /// v2 `uniqueKeys` entry.
    UniqueKey,
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
    pub(crate) fn compile(schema: &TableSchema) -> Result<CompiledTable, SchemaError> {
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
        for (k, fk) in schema.foreign_keys.iter().enumerate() {
            resolve(&fk.fields, schema, &format!("/foreignKeys/{k}/fields"))?;
        }
        let mut in_key = vec![false; fields.len()];
        for key in &keys {
            for &f in &key.fields {
                in_key[f] = true;
            }
        }
        Ok(CompiledTable {
            fields,
            schema_missing: MissingSet::new(&schema.missing_values),
            keys,
            in_key,
        })
    }
}
