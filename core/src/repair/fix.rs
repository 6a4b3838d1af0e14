//! The repair run: an optional first pass for column-wide evidence, then the pass that
//! writes the corrected file and logs each change.

use super::cell;
use super::evidence::{self, FieldEvidence};
use super::header::{Layout, plan};
use super::write::{CsvStyle, record};
use super::{Change, RepairError, RepairOptions, RepairSummary, Rule};
use crate::source::table_reader::{ChunkRecord, Input};
use crate::table::CompiledTable;
use crate::{Schema, ValidationOptions, Validator};
use std::borrow::Cow;
use std::cell::RefCell;
use std::io::Write;
use std::sync::OnceLock;

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
        // First pass, on the threads too: each chunk's counters, added up in order.
        let layout = OnceLock::new();
        validator.map_records(
            input,
            |header| {
                let _ = layout.set(plan(&names, header.labels.as_deref()));
                Ok::<(), RepairError>(())
            },
            || (),
            |_, counted: &mut Vec<FieldEvidence>, found| {
                let Some(layout) = layout.get() else {
                    unreachable!("the header is planned before any row")
                };
                gather_row(&table, layout, found.cells, counted);
                Ok(())
            },
            |_, counted| {
                for (total, part) in evidence.iter_mut().zip(counted) {
                    total.add(&part);
                }
                Ok(())
            },
        )?;
    }
    // Second pass, spread over the threads like validation: each chunk's rows are
    // repaired into bytes and changes by a worker, written and logged in file order.
    let layout = OnceLock::new();
    let out = RefCell::new(Written {
        output,
        log,
        summary: RepairSummary::default(),
    });
    validator.map_records(
        input,
        |header| {
            let found = plan(&names, header.labels.as_deref());
            out.borrow_mut().header(&found)?;
            let _ = layout.set(found);
            Ok(())
        },
        || (),
        |_, chunk: &mut RepairedChunk, found| {
            let Some(layout) = layout.get() else {
                unreachable!("the header is planned before any row")
            };
            repair_row(&table, &evidence, repair, layout, found, chunk)
        },
        |first_row, chunk| out.borrow_mut().chunk(first_row, chunk),
    )?;
    let Written {
        output, summary, ..
    } = out.into_inner();
    output.flush().map_err(RepairError::output)?;
    Ok(summary)
}

/// First pass: what one row tells about its columns, counted into `counted` (sized on
/// first use: a chunk's counters start empty).
fn gather_row(
    table: &CompiledTable,
    layout: &Layout,
    cells: &[&str],
    counted: &mut Vec<FieldEvidence>,
) {
    if counted.is_empty() {
        counted.resize(table.fields.len(), FieldEvidence::default());
    }
    for (&column, &field) in layout.source.iter().zip(&layout.field) {
        let (Some(f), Some(text)) = (field, cells.get(column)) else {
            continue;
        };
        let field = &table.fields[f];
        if evidence::needed(field) {
            counted[f].observe(field, text, cell::is_valid(field, text));
        }
    }
}

/// The corrected rows of one chunk, with their changes (rows counted from the chunk's
/// first row: 0, 1…).
#[derive(Default)]
struct RepairedChunk {
    bytes: Vec<u8>,
    changes: Vec<Change>,
    rows: u64,
}

/// Second pass, in file order: the corrected file and the log.
struct Written<'o> {
    output: &'o mut dyn Write,
    log: &'o mut dyn FnMut(&Change) -> std::io::Result<()>,
    summary: RepairSummary,
}

impl Written<'_> {
    fn change(&mut self, change: Change) -> Result<(), RepairError> {
        self.summary.changes += 1;
        *self.summary.by_rule.entry(change.rule()).or_default() += 1;
        (self.log)(&change).map_err(|source| RepairError::Write {
            what: "the change log",
            source,
        })
    }

    fn header(&mut self, layout: &Layout) -> Result<(), RepairError> {
        self.summary.reordered = !layout.is_identity();
        for (_, old, new) in &layout.renamed {
            self.change(Change {
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
        Ok(())
    }

    fn chunk(&mut self, first_row: u64, chunk: RepairedChunk) -> Result<(), RepairError> {
        self.summary.rows += chunk.rows;
        for mut change in chunk.changes {
            change.row += first_row;
            self.change(change)?;
        }
        self.output
            .write_all(&chunk.bytes)
            .map_err(RepairError::output)
    }
}

/// Repairs one row into `chunk`: the layout's columns (a short row padded only when
/// reordered), then the cells past the header, as they are (borrowed: only repairs
/// allocate).
fn repair_row(
    table: &CompiledTable,
    evidence: &[FieldEvidence],
    options: &RepairOptions,
    layout: &Layout,
    found: ChunkRecord<'_>,
    chunk: &mut RepairedChunk,
) -> Result<(), RepairError> {
    let cells = found.cells;
    chunk.rows += 1;
    if cells.is_empty() {
        // An empty line stays one (a blank row is for the user to judge).
        chunk.bytes.push(b'\n');
        return Ok(());
    }
    let mut out: Vec<Cow<'_, str>> = Vec::with_capacity(cells.len());
    let width = if layout.is_identity() {
        cells.len()
    } else {
        layout.source.len()
    };
    for i in 0..width {
        let (column, field) = if layout.is_identity() {
            (i, layout.field.get(i).copied().flatten())
        } else {
            (layout.source[i], layout.field[i])
        };
        let text = cells.get(column).copied().unwrap_or("");
        let fixed = field.and_then(|f| {
            cell::repair(&table.fields[f], &evidence[f], options, text)
                .map(|(value, rules)| (f, value, rules))
        });
        match fixed {
            Some((f, value, rules)) if column < cells.len() => {
                chunk.changes.push(Change {
                    row: found.rank,
                    column: table.fields[f].name.clone(),
                    old: text.to_owned(),
                    new: value.clone(),
                    rules,
                });
                out.push(Cow::Owned(value));
            }
            _ => out.push(Cow::Borrowed(text)),
        }
    }
    if !layout.is_identity() {
        let known = layout.labels.as_ref().map_or(0, Vec::len);
        out.extend(cells.iter().skip(known).map(|c| Cow::Borrowed(*c)));
    }
    record(
        &mut chunk.bytes,
        CsvStyle::default(),
        out.iter().map(|c| c.as_ref()),
    )
    .map_err(RepairError::output)
}
