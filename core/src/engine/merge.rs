//! The ordered merge: chunk results in file order become one report, exactly as a
//! sequential run would build it. Cross-row checks (unique, primary key, unique keys)
//! happen here, on 128-bit hashes of the typed keys, and so does the error limit.

use super::chunk::ChunkResult;
use crate::report::{Diagnostic, ErrorCode, Report, RowSample, Stats, Summary};
use crate::table::{CompiledTable, KeyKind, row::KeyHit};
use hashbrown::HashMap;
use std::collections::BTreeMap;
use std::sync::Arc;

use crate::table::row::MAX_ROW_WARNINGS;

/// Rows with errors whose cells a report can keep (`ValidationOptions::keep_rows`).
pub(crate) const MAX_ROW_SAMPLES: usize = 200;

pub(crate) struct Merger {
    table: Arc<CompiledTable>,
    /// Frictionless row number of the next data row.
    next_row: u64,
    first_data_row: u64,
    errors: Vec<Diagnostic>,
    /// Row-level warnings (kept up to [`MAX_ROW_WARNINGS`]) and how many there were.
    row_warnings: Vec<Diagnostic>,
    row_warning_count: u64,
    samples: Vec<RowSample>,
    error_types: BTreeMap<String, u64>,
    limit: usize,
    truncated: bool,
    /// Per key: hash → row of its first occurrence.
    seen: Vec<HashMap<u128, u64>>,
    /// Chunks that arrived before their turn.
    waiting: BTreeMap<usize, ChunkResult>,
    next_index: usize,
}

impl Merger {
    pub(crate) fn new(
        table: Arc<CompiledTable>,
        header_errors: &[Diagnostic],
        has_header: bool,
        limit: usize,
    ) -> Merger {
        let seen = table.keys.iter().map(|_| HashMap::new()).collect();
        let first_data_row = if has_header { 2 } else { 1 };
        let mut m = Merger {
            table,
            next_row: first_data_row,
            first_data_row,
            errors: Vec::new(),
            row_warnings: Vec::new(),
            row_warning_count: 0,
            samples: Vec::new(),
            error_types: BTreeMap::new(),
            limit,
            truncated: false,
            seen,
            waiting: BTreeMap::new(),
            next_index: 0,
        };
        for d in header_errors {
            m.add(d.clone());
        }
        m
    }

    /// Whether the error limit is reached (nothing more needs reading).
    pub(crate) fn done(&self) -> bool {
        self.truncated
    }

    fn add(&mut self, d: Diagnostic) {
        if self.errors.len() >= self.limit {
            self.truncated = true;
            return;
        }
        *self
            .error_types
            .entry(d.code.as_str().to_owned())
            .or_default() += 1;
        self.errors.push(d);
        if self.errors.len() >= self.limit {
            self.truncated = true;
        }
    }

    /// Accepts a chunk result in any order; merges every chunk whose turn has come.
    pub(crate) fn accept(&mut self, result: ChunkResult) {
        self.waiting.insert(result.index, result);
        while let Some(next) = self.waiting.remove(&self.next_index) {
            self.next_index += 1;
            if !self.truncated {
                self.merge(next);
            }
        }
    }

    fn merge(&mut self, result: ChunkResult) {
        let base = self.next_row;
        let ChunkResult { rows, output, .. } = result;
        // Warnings never make a file invalid nor count towards the error limit.
        self.row_warning_count += output.warning_count;
        for mut sample in output.samples {
            if self.samples.len() < MAX_ROW_SAMPLES {
                sample.row += base;
                self.samples.push(sample);
            }
        }
        for mut w in output.warnings {
            if self.row_warnings.len() < MAX_ROW_WARNINGS {
                w.row = w.row.map(|local| base + local);
                self.row_warnings.push(w);
            }
        }
        let mut keys = output.keys.into_iter().peekable();
        for mut d in output.errors {
            let local = d.row.unwrap_or(0);
            while let Some(k) = keys.next_if(|k| k.local_row < local) {
                self.check_key(&k, base, &output.arena);
                if self.truncated {
                    return self.stop_at(base + local);
                }
            }
            d.row = Some(base + local);
            self.add(d);
            if self.truncated {
                return self.stop_at(base + local);
            }
        }
        for k in keys {
            self.check_key(&k, base, &output.arena);
            if self.truncated {
                return self.stop_at(base + k.local_row);
            }
        }
        self.next_row = base + rows;
    }

    fn stop_at(&mut self, row: u64) {
        self.next_row = row + 1;
    }

    fn check_key(&mut self, k: &KeyHit, base: u64, arena: &str) {
        let row = base + k.local_row;
        let spec = &self.table.keys[k.spec as usize];
        let field = spec.fields[0];
        let names: Vec<&str> = spec
            .fields
            .iter()
            .map(|&f| self.table.fields[f].name.as_str())
            .collect();
        if k.null {
            let d = Diagnostic::new(ErrorCode::PrimaryKey)
                .at_row(row, k.line)
                .at_byte(k.byte)
                .with_param("fields", names)
                .with_param("reason", "null");
            return self.add(d);
        }
        let first = *self.seen[k.spec as usize].entry(k.hash).or_insert(row);
        if first == row {
            return;
        }
        let (start, len) = (k.text.0 as usize, k.text.1 as usize);
        let text = arena.get(start..start + len).unwrap_or("");
        let d = match spec.kind {
            KeyKind::Unique => Diagnostic::new(ErrorCode::UniqueError)
                .in_field(field + 1, &self.table.fields[field].name)
                .with_cell(text),
            KeyKind::Primary => Diagnostic::new(ErrorCode::PrimaryKey).with_param("fields", names),
            KeyKind::UniqueKey => {
                Diagnostic::new(ErrorCode::UniqueError).with_param("fields", names)
            }
        };
        self.add(
            d.at_row(row, k.line)
                .at_byte(k.byte)
                .with_param("first_row", first),
        );
    }

    /// The report (messages not yet localized).
    pub(crate) fn finish(self, mut stats: Stats, mut warnings: Vec<Diagnostic>) -> Report {
        // File-level warnings, plus every row warning (kept or not).
        stats.warning_count = warnings.len() as u64 + self.row_warning_count;
        warnings.extend(self.row_warnings);
        stats.rows = self.next_row - self.first_data_row;
        stats.fields = self.table.fields.len();
        stats.error_count = self.errors.len() as u64;
        stats.truncated = self.truncated;
        stats.error_types = self.error_types;
        Report {
            version: crate::report::REPORT_VERSION,
            valid: self.errors.is_empty(),
            stats,
            summary: Summary::of(&self.errors),
            errors: self.errors,
            warnings,
            rows: self.samples,
            masked: false,
        }
    }
}
