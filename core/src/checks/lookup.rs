//! `reference-list-value`: the values of a column must appear in a reference list too
//! large or too volatile for an `enum` (every SIRET of a network's operators, the codes of
//! a local nomenclature), kept in a CSV file beside the schema or at a URL.
//!
//! ```json
//! {"name": "reference-list-value",
//!  "params": {"column": "code_site", "list": "sites.csv", "list_column": "code"}}
//! ```
//!
//! `list` is resolved against the schema's own location (a path next to a schema file, or
//! an address relative to a schema's URL; `data.gouv.fr:RESOURCE-ID` is a file published
//! on data.gouv.fr, read through `conforme-remote`); `list_column` names the list's column (default:
//! its first). The list is read once when the schema is loaded, through the same reader as
//! the tables being validated (encoding, delimiter, header), and kept as foreign-key sets
//! are: one 128-bit hash per distinct value, about 23 bytes each whatever the values'
//! length. A cell is looked up by its text as written, like frformat's referential checks
//! (`01000` keeps its zero; a missing value is not looked up).

use super::{CellState, Finding};
use crate::report::ErrorCode;
use crate::report::Param;
use crate::table::key_set::KeySet;
use std::collections::HashMap;
use std::sync::Arc;

/// The check's name in schemas.
pub(crate) const NAME: &str = "reference-list-value";

/// Why a reference list could not be had, as the reader that fetches it says: the check is
/// then not applied, and every report says why (a `check-error`).
///
/// ```
/// use conforme::{ListFailure, Schema, Validator};
/// let descriptor = serde_json::json!({"fields": [{"name": "code",
///     "customCheck": {"name": "reference-list-value", "list": "gone.csv"}}]});
/// let schema = Schema::from_value_with_lists(&descriptor, &mut |_: &str| {
///     Err(ListFailure::Unreadable("gone.csv: no such file".into()))
/// }).unwrap();
/// let report = Validator::new(&schema).validate_slice(b"code\nA1\n").unwrap();
/// assert_eq!(report.errors[0].code.as_str(), "check-error");
/// assert!(report.errors[0].message.contains("gone.csv: no such file"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListFailure {
    /// The schema was loaded where lists cannot be read: from memory without a location,
    /// in the browser, or a URL without network access.
    NoAccess,
    /// Reading failed; the reason in the words of the reader (file system, HTTP, cache).
    Unreadable(String),
}

/// What reads a reference list's bytes: given the `list` parameter as written in the
/// schema, resolves it against the schema's location and returns the list's bytes.
///
/// ```
/// let mut lists = |list: &str| -> Result<Vec<u8>, conforme::ListFailure> {
///     std::fs::read(std::path::Path::new("schemas").join(list))
///         .map_err(|e| conforme::ListFailure::Unreadable(e.to_string()))
/// };
/// let reader: &mut conforme::ListReader<'_> = &mut lists;
/// assert!(reader("no-such-list.csv").is_err());
/// ```
pub type ListReader<'a> = dyn FnMut(&str) -> Result<Vec<u8>, ListFailure> + 'a;

/// The distinct values of one reference list.
pub(crate) struct ListValues {
    set: KeySet,
    /// Distinct values.
    pub count: u64,
}

impl std::fmt::Debug for ListValues {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ListValues")
            .field("count", &self.count)
            .finish()
    }
}

fn hash(text: &str) -> u128 {
    xxhash_rust::xxh3::xxh3_128(text.as_bytes())
}

impl ListValues {
    pub(crate) fn new() -> ListValues {
        ListValues {
            set: KeySet::default(),
            count: 0,
        }
    }

    /// Records `text`, first seen at `row`.
    pub(crate) fn insert(&mut self, text: &str, row: u64) {
        if self.set.insert(hash(text), row).is_none() {
            self.count += 1;
        }
    }

    fn contains(&self, text: &str) -> bool {
        self.set.contains(hash(text))
    }
}

/// Why a list declared by a check is not usable (becomes the check's `check-error`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ListProblem {
    Failed(ListFailure),
    /// The list was read but has no column of that name.
    NoColumn {
        column: String,
        labels: Vec<String>,
    },
    /// The list's text could not be read as a table.
    NotATable(String),
}

pub(crate) type Loaded = Result<Arc<ListValues>, ListProblem>;

/// The reference lists a schema's `reference-list-value` checks name, each read once
/// (keyed by the `list` parameter and column).
#[derive(Debug, Default)]
pub(crate) struct ReferenceLists {
    lists: HashMap<(String, Option<String>), Loaded>,
}

impl ReferenceLists {
    /// Reads every list the declarations `(list, list_column)` name, once each, and turns
    /// its bytes into values with `parse` (the table reader, see `source::lists`).
    pub(crate) fn load<'d>(
        wanted: impl IntoIterator<Item = (&'d str, Option<&'d str>)>,
        read: &mut ListReader<'_>,
        parse: impl Fn(&[u8], Option<&str>) -> Loaded,
    ) -> ReferenceLists {
        let mut lists = HashMap::new();
        for (list, column) in wanted {
            let key = (list.to_owned(), column.map(str::to_owned));
            if lists.contains_key(&key) {
                continue;
            }
            let loaded = read(list)
                .map_err(ListProblem::Failed)
                .and_then(|bytes| parse(&bytes, column));
            lists.insert(key, loaded);
        }
        ReferenceLists { lists }
    }

    /// The list read for `(list, column)`; `None` when it was never asked for.
    pub(crate) fn get(&self, list: &str, column: Option<&str>) -> Option<&Loaded> {
        self.lists
            .get(&(list.to_owned(), column.map(str::to_owned)))
    }
}

/// A compiled `reference-list-value` check.
#[derive(Debug)]
pub(crate) struct Lookup {
    pub list: String,
    pub list_column: Option<String>,
    pub values: Arc<ListValues>,
}

impl Lookup {
    pub(crate) fn check(&self, cell: &CellState<'_>) -> Option<Finding> {
        let CellState::Typed(_, text) = cell else {
            return None;
        };
        if self.values.contains(text) {
            return None;
        }
        let mut finding = Finding::new(ErrorCode::CustomCheckError)
            .with(Param::Check, NAME)
            .with(Param::List, self.list.as_str())
            .with(Param::Count, self.values.count);
        if let Some(c) = &self.list_column {
            finding = finding.with(Param::ListColumn, c.as_str());
        }
        Some(finding)
    }
}
