//! The ordered merge: chunk results in file order become one report, exactly as a
//! sequential run would build it. Cross-row checks (unique, primary key, unique keys)
//! happen here, on 128-bit hashes of the typed keys, and so does the error limit.

use super::chunk::ChunkResult;
use crate::report::{Diagnostic, ErrorCode, Report, Stats};
use crate::table::{CompiledTable, KeyKind, row::KeyHit};
use hashbrown::HashMap;
use std::collections::BTreeMap;
use std::sync::Arc;

pub(crate) struct Merger {
    table: Arc<CompiledTable>,
    /// Frictionless row number of the next data row.
    next_row: u64,
    first_data_row: u64,
    errors: Vec<Diagnostic>,
    /// Errors already handed out by [`Merger::take_errors`] (they still count).
    taken: usize,
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
            taken: 0,
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

    /// Errors found so far, including those already taken.
    fn count(&self) -> usize {
        self.taken + self.errors.len()
    }

    /// Hands out the errors merged so far, in file order; they stay counted in the stats
    /// and the verdict, but are no longer kept (bounded memory for streaming consumers).
    pub(crate) fn take_errors(&mut self) -> Vec<Diagnostic> {
        self.taken += self.errors.len();
        std::mem::take(&mut self.errors)
    }

    fn add(&mut self, d: Diagnostic) {
        if self.count() >= self.limit {
            self.truncated = true;
            return;
        }
        *self
            .error_types
            .entry(d.code.as_str().to_owned())
            .or_default() += 1;
        self.errors.push(d);
        if self.count() >= self.limit {
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
    pub(crate) fn finish(self, mut stats: Stats, warnings: Vec<Diagnostic>) -> Report {
        stats.rows = self.next_row - self.first_data_row;
        stats.fields = self.table.fields.len();
        let valid = self.count() == 0;
        stats.error_count = self.count() as u64;
        stats.truncated = self.truncated;
        stats.error_types = self.error_types;
        Report {
            valid,
            stats,
            errors: self.errors,
            warnings,
        }
    }
}
