//! What a whole column says about how to read its cells, gathered in a first pass in
//! bounded memory (a few counters per field): which of day and month comes first in its
//! dates, whether its valid datetimes carry a `Z`, which boolean spellings it uses.

use super::day_month::split_day_month;
use crate::schema::FieldType;
use crate::table::CompiledField;

/// Counters for one field.
#[derive(Clone, Debug, Default)]
pub(crate) struct FieldEvidence {
    /// Dates `a/b/yyyy` with `a` above 12 (so day first).
    pub day_above_12_first: u64,
    /// Dates `a/b/yyyy` with `b` above 12 (so month first).
    pub day_above_12_second: u64,
    /// Valid datetimes ending in `Z`, with another offset, and without any.
    pub zulu: u64,
    pub offset: u64,
    pub naive: u64,
    /// Valid boolean cells per spelling (`trueValues` then `falseValues`).
    pub spellings: Vec<u64>,
}

impl FieldEvidence {
    /// Whether the column writes the day first: `None` when it does not say, or says both.
    pub fn day_first(&self) -> Option<bool> {
        match (self.day_above_12_first > 0, self.day_above_12_second > 0) {
            (true, false) => Some(true),
            (false, true) => Some(false),
            _ => None,
        }
    }

    /// The zone suffix the column's valid datetimes use: `Z`, or none; `None` when they mix
    /// or use offsets (which a repaired value cannot know).
    pub fn zone(&self) -> Option<&'static str> {
        match (self.zulu > 0, self.offset > 0, self.naive > 0) {
            (true, false, false) => Some("Z"),
            (false, false, _) => Some(""),
            _ => None,
        }
    }

    /// Adds the counters of `other` (another part of the same column).
    pub fn add(&mut self, other: &FieldEvidence) {
        self.day_above_12_first += other.day_above_12_first;
        self.day_above_12_second += other.day_above_12_second;
        self.zulu += other.zulu;
        self.offset += other.offset;
        self.naive += other.naive;
        if self.spellings.len() < other.spellings.len() {
            self.spellings.resize(other.spellings.len(), 0);
        }
        for (total, n) in self.spellings.iter_mut().zip(&other.spellings) {
            *total += n;
        }
    }

    /// Counts what `cell` tells (`valid`: it passes the field).
    pub fn observe(&mut self, field: &CompiledField, cell: &str, valid: bool) {
        match field.field_type {
            FieldType::Date | FieldType::DateTime => {
                if let Some(d) = split_day_month(cell.trim()) {
                    self.day_above_12_first += u64::from(d.a > 12);
                    self.day_above_12_second += u64::from(d.b > 12);
                }
                if valid && field.field_type == FieldType::DateTime && !cell.is_empty() {
                    let time = cell.rsplit(['T', ' ']).next().unwrap_or("");
                    if cell.ends_with('Z') {
                        self.zulu += 1;
                    } else if time.contains(['+', '-']) {
                        self.offset += 1;
                    } else {
                        self.naive += 1;
                    }
                }
            }
            FieldType::Boolean if valid => {
                if let Some((t, f)) = &field.boolean_values {
                    if self.spellings.len() != t.len() + f.len() {
                        self.spellings = vec![0; t.len() + f.len()];
                    }
                    if let Some(i) = t.iter().chain(f).position(|v| v == cell) {
                        self.spellings[i] += 1;
                    }
                }
            }
            _ => {}
        }
    }
}

/// Whether a field's repairs need the first pass.
pub(crate) fn needed(field: &CompiledField) -> bool {
    matches!(
        field.field_type,
        FieldType::Date | FieldType::DateTime | FieldType::Boolean
    )
}
