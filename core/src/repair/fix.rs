//! The repair run: an optional first pass for column-wide evidence, then the pass that
//! writes the corrected file and logs each change.

use super::cell;
use super::evidence::{self, FieldEvidence};
use super::header::{Layout, plan};
use super::write::{CsvStyle, record};
use super::{Change, RepairError, RepairOptions, RepairSummary, Rule};
use crate::engine::records::{Header, Input, Record, RecordVisitor};
use crate::table::CompiledTable;
use crate::{Schema, ValidationOptions, Validator};
use std::io::Write;

/// Repairs the table `input` against `schema` (read with `options`), writes the corrected
/// file to `output` and hands each change to `log`, in file order (header renames first).
/// See the [module documentation](super) for what is repaired.
pub fn fix(
    input: Input<'_>,
    schema: &Schema,
    options: &ValidationOptions,
    repair: &RepairOptions,
    output: &mut dyn Write,
    log: &mut dyn FnMut(&Change) -> std::io::Result<()>,
) -> Result<RepairSummary, RepairError> {
    let validator = Validator::with_options(schema, options.clone());
    let table = validator.table.clone();
    let names: Vec<&str> = table.fields.iter().map(|f| f.name.as_str()).collect();
    let mut evidence = vec![FieldEvidence::default(); table.fields.len()];
    if table.fields.iter().any(evidence::needed) {
        let mut first = Gather {
            table: &table,
            names: &names,
            layout: None,
            evidence: &mut evidence,
        };
        validator.read_records(input, &mut first)?;
    }
    let mut second = Repair {
        table: &table,
        names: &names,
        evidence: &evidence,
        options: repair,
        layout: None,
        output,
        log,
        summary: RepairSummary::default(),
        cells: Vec::new(),
    };
    validator.read_records(input, &mut second)?;
    second.output.flush().map_err(RepairError::output)?;
    Ok(second.summary)
}

/// First pass: counters per field.
struct Gather<'a> {
    table: &'a CompiledTable,
    names: &'a [&'a str],
    layout: Option<Layout>,
    evidence: &'a mut [FieldEvidence],
}

impl RecordVisitor for Gather<'_> {
    type Error = RepairError;

    fn header(&mut self, header: Header<'_>) -> Result<(), RepairError> {
        self.layout = Some(plan(self.names, header.labels.as_deref()));
        Ok(())
    }

    fn record(&mut self, found: Record<'_>) -> Result<(), RepairError> {
        let cells = found.cells;
        let layout = self.layout.as_ref().expect("the header comes first");
        for (&column, &field) in layout.source.iter().zip(&layout.field) {
            let (Some(f), Some(text)) = (field, cells.get(column)) else {
                continue;
            };
            let field = &self.table.fields[f];
            if evidence::needed(field) {
                self.evidence[f].observe(field, text, cell::is_valid(field, text));
            }
        }
        Ok(())
    }
}

/// Second pass: the corrected file and the log.
struct Repair<'a, 'o> {
    table: &'a CompiledTable,
    names: &'a [&'a str],
    evidence: &'a [FieldEvidence],
    options: &'a RepairOptions,
    layout: Option<Layout>,
    output: &'o mut dyn Write,
    log: &'o mut dyn FnMut(&Change) -> std::io::Result<()>,
    summary: RepairSummary,
    cells: Vec<String>,
}

impl Repair<'_, '_> {
    fn record(&mut self, change: Change) -> Result<(), RepairError> {
        self.summary.changes += 1;
        *self.summary.by_rule.entry(change.rule()).or_default() += 1;
        (self.log)(&change).map_err(|source| RepairError::Write {
            what: "the change log",
            source,
        })
    }
}

impl RecordVisitor for Repair<'_, '_> {
    type Error = RepairError;

    fn header(&mut self, header: Header<'_>) -> Result<(), RepairError> {
        let layout = plan(self.names, header.labels.as_deref());
        self.summary.reordered = !layout.is_identity();
        for (_, old, new) in &layout.renamed {
            self.record(Change {
                row: 1,
                column: new.clone(),
                old: old.clone(),
                new: new.clone(),
                rules: vec![Rule::Header],
            })?;
        }
        if let Some(labels) = &layout.labels {
            record(
                self.output,
                CsvStyle::default(),
                labels.iter().map(String::as_str),
            )
            .map_err(RepairError::output)?;
        }
        self.layout = Some(layout);
        Ok(())
    }

    fn record(&mut self, found: Record<'_>) -> Result<(), RepairError> {
        let (row, cells) = (found.row, found.cells);
        self.summary.rows += 1;
        if cells.is_empty() {
            // An empty line stays one (a blank row is for the user to judge).
            return self.output.write_all(b"\n").map_err(RepairError::output);
        }
        let layout = self.layout.take().expect("the header comes first");
        // Output cells: the layout's columns (a short row padded only when reordered),
        // then the cells past the header, as they are.
        self.cells.clear();
        let width = if layout.is_identity() {
            cells.len()
        } else {
            layout.source.len()
        };
        let mut changes = Vec::new();
        for i in 0..width {
            let (column, field) = if layout.is_identity() {
                (i, layout.field.get(i).copied().flatten())
            } else {
                (layout.source[i], layout.field[i])
            };
            let text = cells.get(column).copied().unwrap_or("");
            let fixed = field.and_then(|f| {
                cell::repair(&self.table.fields[f], &self.evidence[f], self.options, text)
                    .map(|(value, rules)| (f, value, rules))
            });
            match fixed {
                Some((f, value, rules)) if column < cells.len() => {
                    changes.push(Change {
                        row,
                        column: self.table.fields[f].name.clone(),
                        old: text.to_owned(),
                        new: value.clone(),
                        rules,
                    });
                    self.cells.push(value);
                }
                _ => self.cells.push(text.to_owned()),
            }
        }
        if !layout.is_identity() {
            let known = layout.labels.as_ref().map_or(0, Vec::len);
            self.cells
                .extend(cells.iter().skip(known).map(|c| (*c).to_owned()));
        }
        self.layout = Some(layout);
        for change in changes {
            self.record(change)?;
        }
        record(
            self.output,
            CsvStyle::default(),
            self.cells.iter().map(String::as_str),
        )
        .map_err(RepairError::output)
    }
}
