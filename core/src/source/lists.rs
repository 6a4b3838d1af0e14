//! The lists of `reference-list-value` checks read as tables: each list's bytes go through
//! the same record reader as the data (encoding, delimiter, header), and one column's
//! distinct values are kept (see [`crate::checks::lookup`]).

use crate::SourceError;
use crate::checks::lookup::{ListProblem, ListReader, ListValues, Loaded, ReferenceLists};
use crate::options::ValidationOptions;
use crate::schema::table::TableSchema;
use crate::source::table_reader::{Header, Input, Reading, Record, RecordVisitor};
use crate::table::CompiledTable;
use std::sync::Arc;

/// Reads every list that the declarations `(list, list_column)` name, once each.
pub(crate) fn load_lists<'d>(
    wanted: impl IntoIterator<Item = (&'d str, Option<&'d str>)>,
    read: &mut ListReader<'_>,
) -> ReferenceLists {
    ReferenceLists::load(wanted, read, values_of)
}

/// Collects one column's distinct values.
struct Collector<'c> {
    column: Option<&'c str>,
    index: usize,
    values: ListValues,
}

impl RecordVisitor for Collector<'_> {
    type Error = ListProblem;

    fn header(&mut self, header: Header<'_>) -> Result<(), ListProblem> {
        let Some(wanted) = self.column else {
            return Ok(());
        };
        let labels = header.labels.unwrap_or_default();
        match labels.iter().position(|l| l == wanted) {
            Some(i) => {
                self.index = i;
                Ok(())
            }
            None => Err(ListProblem::NoColumn {
                column: wanted.to_owned(),
                labels,
            }),
        }
    }

    fn record(&mut self, record: Record<'_>) -> Result<(), ListProblem> {
        if let Some(value) = record.cells.get(self.index).filter(|v| !v.is_empty()) {
            self.values.insert(value, record.row);
        }
        Ok(())
    }
}

impl From<SourceError> for ListProblem {
    fn from(e: SourceError) -> ListProblem {
        ListProblem::NotATable(e.to_string())
    }
}

/// The distinct values of `column` (the first column when `None`) of a list's bytes, read
/// as validation reads a table.
fn values_of(bytes: &[u8], column: Option<&str>) -> Loaded {
    let no_fields = TableSchema::from_value(&serde_json::json!({"fields": []}))
        .expect("an empty Table Schema reads");
    let table = CompiledTable::compile(&no_fields, &ReferenceLists::default())
        .expect("an empty Table Schema compiles");
    let reading = Reading {
        table: Arc::new(table),
        options: Arc::new(ValidationOptions::default()),
    };
    let mut collector = Collector {
        column,
        index: 0,
        values: ListValues::new(),
    };
    reading.read_records(Input::Bytes(bytes), &mut collector)?;
    Ok(Arc::new(collector.values))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::CellState;
    use crate::checks::lookup::{ListFailure, Lookup};
    use crate::checks::test_support::text;
    use crate::report::Param;

    fn lookup(bytes: &[u8], column: Option<&str>) -> Lookup {
        Lookup {
            list: "l.csv".into(),
            list_column: column.map(str::to_owned),
            values: values_of(bytes, column).unwrap(),
        }
    }

    #[test]
    fn values_are_looked_up_as_written() {
        let l = lookup(
            b"code;nom\n01000;Bourg\n75056;Paris\n75056;Paris\n",
            Some("code"),
        );
        assert_eq!(l.values.count, 2, "distinct values");
        assert!(l.check(&text("01000")).is_none());
        assert!(l.check(&text("1000")).is_some());
        assert!(l.check(&text("Paris")).is_some(), "another column");
        assert!(l.check(&CellState::Empty).is_none());
        let f = l.check(&text("75001")).unwrap();
        assert_eq!(f.params[Param::List], "l.csv");
        assert_eq!(f.params[Param::Count], 2);
    }

    #[test]
    fn the_first_column_by_default_and_cp1252_lists() {
        let l = lookup(b"nom,code\nAr\xe8s,1\n", None);
        assert!(l.check(&text("Arès")).is_none());
    }

    #[test]
    fn a_missing_column_names_the_list_columns() {
        match values_of(b"a,b\n1,2\n", Some("c")) {
            Err(ListProblem::NoColumn { column, labels }) => {
                assert_eq!(column, "c");
                assert_eq!(labels, ["a", "b"]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn each_list_is_read_once() {
        let mut reads = Vec::new();
        let lists = load_lists(
            [("a.csv", None), ("a.csv", None), ("b.csv", None)],
            &mut |l: &str| {
                reads.push(l.to_owned());
                if l == "b.csv" {
                    Err(ListFailure::Unreadable("gone".into()))
                } else {
                    Ok(b"x\n1\n".to_vec())
                }
            },
        );
        assert_eq!(reads, ["a.csv", "b.csv"]);
        assert!(lists.get("a.csv", None).unwrap().is_ok());
        assert_eq!(
            lists.get("b.csv", None).unwrap().as_ref().unwrap_err(),
            &ListProblem::Failed(ListFailure::Unreadable("gone".into()))
        );
        assert!(lists.get("c.csv", None).is_none());
    }
}
