//! The ordered merge: chunk results in file order become one report, exactly as a
//! sequential run would build it. Cross-row checks (unique, primary key, unique keys,
//! foreign keys to the same table) happen here, on 128-bit hashes of the typed keys kept in
//! a compact [`KeySet`] (22 to 27 bytes per distinct key value), and so does the error limit.

use super::ValidationOptions;
use super::chunk::ChunkResult;
use super::error_list::ErrorList;
use crate::report::{CodeCounts, Diagnostic, ErrorCode, Report, RowSample, Stats, SummaryBuilder};
use crate::table::key_set::KeySet;
use crate::table::row::{KEY_TEXT_SEPARATOR, KeyHit};
use crate::table::{CompiledTable, HeaderPlan, KeyKind};
use std::collections::BTreeMap;
use std::sync::Arc;

/// A foreign key value not found among the referenced values seen so far.
struct PendingReference {
    row: u64,
    line: u64,
    byte: u64,
    spec: usize,
    hash: u128,
    text: String,
}
use crate::report::Param;
use crate::table::row::MAX_ROW_WARNINGS;

/// Rows with errors whose cells a report can keep (`ValidationOptions::keep_rows`).
pub(crate) const MAX_ROW_SAMPLES: usize = crate::options::MAX_KEPT_ROWS;

/// Consecutive blank rows: how many, the first one's row and line, the last one's row.
#[derive(Clone, Copy)]
struct BlankRun {
    count: u64,
    first_row: u64,
    line: Option<u64>,
    last_row: u64,
}

pub(crate) struct Merger {
    table: Arc<CompiledTable>,
    /// Frictionless row number of the next data row.
    next_row: u64,
    first_data_row: u64,
    errors: ErrorList,
    /// Errors already handed out by [`Merger::take_errors`] (they still count).
    taken: usize,
    /// Byte offset of the last error handed out that has one.
    last_taken_byte: Option<u64>,
    /// The errors handed out or kept, summarised in file order as they leave.
    summary: SummaryBuilder,
    /// The latest run of consecutive blank rows among the errors, if errors end with one.
    blank_run: Option<BlankRun>,
    /// Row-level warnings (kept up to [`MAX_ROW_WARNINGS`]) and how many there were.
    row_warnings: Vec<Diagnostic>,
    row_warning_count: u64,
    samples: Vec<RowSample>,
    error_types: CodeCounts,
    limit: usize,
    truncated: bool,
    /// Per key: hash → row of its first occurrence.
    seen: Vec<KeySet>,
    /// Foreign key values whose reference had not appeared yet (checked at the end).
    pending: Vec<PendingReference>,
    options: Arc<ValidationOptions>,
    /// Chunks that arrived before their turn.
    waiting: BTreeMap<usize, ChunkResult>,
    next_index: usize,
}

impl Merger {
    pub(crate) fn new(
        table: Arc<CompiledTable>,
        plan: &HeaderPlan,
        header_records: usize,
        options: &Arc<ValidationOptions>,
    ) -> Merger {
        let seen = table.keys.iter().map(|_| KeySet::default()).collect();
        let limit = options.limit();
        let first_data_row = header_records as u64 + 1;
        let mut m = Merger {
            table,
            next_row: first_data_row,
            first_data_row,
            errors: ErrorList::default(),
            taken: 0,
            last_taken_byte: None,
            summary: SummaryBuilder::default(),
            blank_run: None,
            row_warnings: Vec::new(),
            row_warning_count: 0,
            samples: Vec::new(),
            error_types: CodeCounts::default(),
            limit,
            truncated: false,
            seen,
            pending: Vec::new(),
            options: options.clone(),
            waiting: BTreeMap::new(),
            next_index: 0,
        };
        for d in &plan.errors {
            m.add(d.clone());
        }
        m
    }

    /// Data rows merged so far.
    pub(crate) fn rows(&self) -> u64 {
        self.next_row - self.first_data_row
    }

    /// Whether the error limit is reached (nothing more needs reading).
    pub(crate) fn done(&self) -> bool {
        self.truncated
    }

    /// The index the next chunk to merge must have.
    pub(crate) fn next_index(&self) -> usize {
        self.next_index
    }

    /// Errors found so far, including those already taken.
    fn count(&self) -> usize {
        self.taken + self.errors.len()
    }

    /// Hands out the errors whose place in file order is final; they stay counted in the
    /// stats, the verdict and the summary, but are no longer kept (bounded memory for
    /// streaming consumers). A foreign key to the same table is only known to be missing at
    /// the end: errors from the first unresolved reference on wait until then.
    pub(crate) fn take_errors(&mut self) -> Vec<Diagnostic> {
        let mut out = self.errors.take();
        let ready = match self.pending.first() {
            Some(p) => out.partition_point(|e| e.row.is_none_or(|r| r < p.row)),
            None => out.len(),
        };
        self.errors.append(out.split_off(ready));
        self.taken += out.len();
        for d in &out {
            self.summary.add(d);
        }
        if let Some(byte) = out.iter().rev().find_map(|e| e.byte) {
            self.last_taken_byte = Some(byte);
        }
        out
    }

    /// Adds an error found here (header, keys): masked as it enters, so that nothing built
    /// from it (summary, streamed errors) holds a cell value.
    fn add(&mut self, mut d: Diagnostic) {
        if self.options.mask_cells && self.options.keeps(d.code) {
            d.mask();
        }
        self.keep(d);
    }

    /// Adds an error, already masked when cells are (those of the chunks were, by the
    /// worker that found them), unless its code is left out or the limit is reached.
    fn keep(&mut self, d: Diagnostic) {
        if !self.options.keeps(d.code) {
            return;
        }
        if self.count() >= self.limit {
            self.truncated = true;
            return;
        }
        self.count_error(&d);
        self.errors.push(d);
        if self.count() >= self.limit {
            self.truncated = true;
        }
    }

    /// Counts a kept error by type and follows runs of blank rows.
    #[inline]
    fn count_error(&mut self, d: &Diagnostic) {
        self.error_types.add(d.code);
        self.blank_run = match (d.code, d.row, self.blank_run) {
            (ErrorCode::BlankRow, Some(row), Some(run)) if run.last_row + 1 == row => {
                Some(BlankRun {
                    count: run.count + 1,
                    last_row: row,
                    ..run
                })
            }
            (ErrorCode::BlankRow, Some(row), _) => Some(BlankRun {
                count: 1,
                first_row: row,
                line: d.line,
                last_row: row,
            }),
            _ => None,
        };
    }

    /// Adds the errors of a chunk at once: no key to check between them, and the limit
    /// out of reach. Numbers them in the file, counts them, and keeps their vector.
    fn append(&mut self, mut errors: Vec<Diagnostic>, base: u64, line_base: u64) {
        if !self.options.keeps_all() {
            errors.retain(|d| self.options.keeps(d.code));
        }
        for d in &mut errors {
            d.row = Some(base + d.row.unwrap_or(0));
            d.line = d.line.map(|l| l + line_base);
            self.count_error(d);
        }
        self.errors.append(errors);
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
        let ChunkResult {
            rows,
            output,
            line_base,
            ..
        } = result;
        // Warnings never make a file invalid nor count towards the error limit.
        self.row_warning_count += output.warning_count;
        for mut sample in output.samples {
            if self.samples.len() < MAX_ROW_SAMPLES {
                sample.row += base;
                sample.line += line_base;
                self.samples.push(sample);
            }
        }
        for mut w in output.warnings {
            if self.row_warnings.len() < MAX_ROW_WARNINGS {
                w.row = w.row.map(|local| base + local);
                w.line = w.line.map(|l| l + line_base);
                self.row_warnings.push(w);
            }
        }
        if output.keys.is_empty() && self.count() + output.errors.len() < self.limit {
            self.append(output.errors, base, line_base);
            self.next_row = base + rows;
            return;
        }
        let mut keys = output.keys.into_iter().peekable();
        for mut d in output.errors {
            let local = d.row.unwrap_or(0);
            while let Some(mut k) = keys.next_if(|k| k.local_row < local) {
                k.line += line_base;
                self.check_key(&k, base, &output.arena);
                if self.truncated {
                    return self.stop_at(base + local);
                }
            }
            d.row = Some(base + local);
            d.line = d.line.map(|l| l + line_base);
            self.keep(d);
            if self.truncated {
                return self.stop_at(base + local);
            }
        }
        for mut k in keys {
            k.line += line_base;
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
                .with_param(Param::Fields, names)
                .with_param(Param::Reason, "null");
            return self.add(d);
        }
        let (start, len) = (k.text.0 as usize, k.text.1 as usize);
        let text = arena.get(start..start + len).unwrap_or("");
        let values: Vec<&str> = text.split(KEY_TEXT_SEPARATOR).collect();
        let hash = k.hash;
        if let KeyKind::Foreign { reference } = spec.kind {
            if !self.seen[reference].contains(hash) {
                self.pending.push(PendingReference {
                    row,
                    line: k.line,
                    byte: k.byte,
                    spec: k.spec as usize,
                    hash,
                    text: text.to_owned(),
                });
            }
            return;
        }
        let Some(first) = self.seen[k.spec as usize].insert(hash, row) else {
            return;
        };
        if spec.kind == KeyKind::Reference {
            return;
        }
        let d = match spec.kind {
            KeyKind::Unique => Diagnostic::new(ErrorCode::UniqueError)
                .in_field(field + 1, &self.table.fields[field].name)
                .with_cell(text),
            KeyKind::Primary => Diagnostic::new(ErrorCode::PrimaryKey)
                .with_param(Param::Fields, names)
                .with_param(Param::Values, values),
            // Which columns and which values, as for a primary key (no field: the key may
            // span several).
            KeyKind::UniqueKey => Diagnostic::new(ErrorCode::UniqueError)
                .with_param(Param::Fields, names)
                .with_param(Param::Values, values),
            KeyKind::Reference | KeyKind::Foreign { .. } => return,
        };
        self.add(
            d.at_row(row, k.line)
                .at_byte(k.byte)
                .with_param(Param::FirstRow, first),
        );
    }

    /// Foreign key values never found among the referenced values become errors, placed
    /// in row order after the other errors of their row; the error limit then applies.
    fn resolve_references(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        if pending.is_empty() || self.truncated {
            // Stopped early: later rows might have held the references.
            return;
        }
        let mut missing = Vec::new();
        for p in pending {
            let KeyKind::Foreign { reference } = self.table.keys[p.spec].kind else {
                continue;
            };
            if self.seen[reference].contains(p.hash) {
                continue;
            }
            let spec = &self.table.keys[p.spec];
            let names: Vec<&str> = spec
                .fields
                .iter()
                .map(|&f| self.table.fields[f].name.as_str())
                .collect();
            let referenced: Vec<&str> = self.table.keys[reference]
                .fields
                .iter()
                .map(|&f| self.table.fields[f].name.as_str())
                .collect();
            // No field number, as in frictionless: the key may span several fields.
            let values: Vec<&str> = p.text.split(KEY_TEXT_SEPARATOR).collect();
            let d = Diagnostic::new(ErrorCode::ForeignKey)
                .at_row(p.row, p.line)
                .at_byte(p.byte)
                .with_cell(&values.join(", "))
                .with_param(Param::Fields, names)
                .with_param(Param::Values, values)
                .with_param(Param::Reference, referenced)
                .with_param(Param::Resource, "");
            if self.options.keeps(d.code) {
                let mut d = d;
                if self.options.mask_cells {
                    d.mask();
                }
                missing.push(d);
            }
        }
        if missing.is_empty() {
            return;
        }
        let existing = self.errors.take();
        // Errors already handed out stay counted: recount only the ones kept here.
        for e in &existing {
            self.error_types.remove(e.code);
        }
        let mut merged = Vec::with_capacity(existing.len() + missing.len());
        let mut missing = missing.into_iter().peekable();
        for e in existing {
            let row = e.row.unwrap_or(0);
            while let Some(m) = missing.next_if(|m| m.row.unwrap_or(0) < row) {
                merged.push(m);
            }
            merged.push(e);
        }
        merged.extend(missing);
        if merged.len() > self.limit {
            merged.truncate(self.limit);
            self.truncated = true;
        }
        for e in &merged {
            self.error_types.add(e.code);
        }
        self.errors.append(merged);
    }

    /// The report (messages not yet localized), with the warnings read off the merge: no
    /// data row, blank rows at the end.
    pub(crate) fn finish(mut self, mut stats: Stats, mut warnings: Vec<Diagnostic>) -> Report {
        self.resolve_references();
        let count = self.count();
        // File-level warnings, plus every row warning (kept or not).
        stats.warning_count = warnings.len() as u64 + self.row_warning_count;
        warnings.extend(std::mem::take(&mut self.row_warnings));
        stats.rows = self.next_row - self.first_data_row;
        stats.fields = self.table.fields.len();
        stats.error_count = count as u64;
        stats.truncated = self.truncated;
        if self.truncated {
            // How far reading went past the limit depends on threads and chunking; the
            // report must not. Count the bytes up to the row of the last error instead.
            let last = self.errors.iter().rev().find_map(|e| e.byte);
            if let Some(byte) = last.or(self.last_taken_byte) {
                stats.bytes = byte;
            }
        }
        stats.error_types = self.error_types.to_map();
        self.add_table_warnings(&stats, &mut warnings);
        for d in self.errors.iter() {
            self.summary.add(d);
        }
        Report {
            version: crate::report::REPORT_VERSION,
            valid: count == 0,
            stats,
            summary: self.summary.finish(),
            errors: self.errors.take(),
            warnings,
            rows: self.samples,
            masked: false,
        }
    }

    fn add_table_warnings(&self, stats: &Stats, warnings: &mut Vec<Diagnostic>) {
        let header_records = self.first_data_row - 1;
        // Stopped at the error limit before the first row: rows were not read, not absent.
        if stats.rows == 0 && header_records > 0 && !stats.truncated {
            warnings.push(Diagnostic::new(ErrorCode::NoDataRows));
        }
        if stats.truncated {
            return;
        }
        // One blank row at the end is common enough to say only when it is a run.
        let last_row = stats.rows + header_records;
        if let Some(run) = self.blank_run.filter(|r| r.last_row == last_row) {
            let mut d = Diagnostic::new(ErrorCode::BlankRowsAtEnd)
                .with_param(Param::Count, run.count)
                .with_param(Param::FirstRow, run.first_row);
            d.line = run.line;
            warnings.push(d);
        }
    }
}
