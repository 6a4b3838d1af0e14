//! A diagnostic's structured parameters: typed names, a small map in insertion order, light
//! on memory.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;
use std::sync::Arc;

/// Declares [`Param`] with the name each variant has in reports.
macro_rules! params {
    ($($variant:ident = $name:literal,)*) => {
        /// The name of a diagnostic parameter: what a report's `params` object may hold.
        ///
        /// Renderers and checks name parameters by variant, so a misspelt name does not
        /// compile; the JSON name is [`Param::as_str`].
        ///
        /// ```
        /// use conforme::Param;
        /// assert_eq!(Param::FirstRow.as_str(), "first_row");
        /// assert_eq!(Param::TrueValues.as_str(), "trueValues");
        /// assert_eq!("first_row".parse::<Param>(), Ok(Param::FirstRow));
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Param {
            $(
                #[doc = concat!("`", $name, "`")]
                $variant,
            )*
        }

        impl Param {
            /// Every parameter, in declaration order.
            pub const ALL: &[Param] = &[$(Param::$variant),*];

            /// The parameter's name in reports.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Param::$variant => $name,)*
                }
            }
        }
    };
}

params! {
    Absent = "absent",
    AllowYearOnly = "allow-year-only",
    Allowed = "allowed",
    Check = "check",
    Closest = "closest",
    Cog = "cog",
    Column = "column",
    Column1 = "column1",
    Column2 = "column2",
    Columns = "columns",
    Constraint = "constraint",
    Count = "count",
    Delimiter = "delimiter",
    Detail = "detail",
    DetailFr = "detail_fr",
    Encoding = "encoding",
    Example = "example",
    Expected = "expected",
    FalseValues = "falseValues",
    Fields = "fields",
    First = "first",
    FirstRow = "first_row",
    Format = "format",
    From = "from",
    Hint = "hint",
    HintKind = "hint_kind",
    Key = "key",
    Keyword = "keyword",
    Kind = "kind",
    Label = "label",
    Length = "length",
    Limit = "limit",
    Line = "line",
    List = "list",
    ListColumn = "list_column",
    Message = "message",
    Name = "name",
    NewName = "new_name",
    Op = "op",
    Other = "other",
    Param = "param",
    Pattern = "pattern",
    Pointer = "pointer",
    Prefix = "prefix",
    Present = "present",
    Problem = "problem",
    Property = "property",
    Reason = "reason",
    Reasons = "reasons",
    Reference = "reference",
    Replacement = "replacement",
    Resource = "resource",
    Rule = "rule",
    SchemaPath = "schema_path",
    SchemaPosition = "schema_position",
    Scientific = "scientific",
    Severity = "severity",
    Sheet = "sheet",
    Successor = "successor",
    SuccessorName = "successor_name",
    Suggestion = "suggestion",
    Sum = "sum",
    To = "to",
    Total = "total",
    TrueValues = "trueValues",
    Type = "type",
    Unexpected = "unexpected",
    Value = "value",
    Value2 = "value2",
    ValueCount = "value_count",
    Values = "values",
    Vintage = "vintage",
    Vintages = "vintages",
    Year1 = "year1",
    Year2 = "year2",
}

impl std::fmt::Display for Param {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is no diagnostic parameter.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown diagnostic parameter `{0}`")]
pub struct UnknownParam(pub String);

impl std::str::FromStr for Param {
    type Err = UnknownParam;

    fn from_str(name: &str) -> Result<Param, UnknownParam> {
        Param::ALL
            .iter()
            .copied()
            .find(|p| p.as_str() == name)
            .ok_or_else(|| UnknownParam(name.to_owned()))
    }
}

/// Structured parameters of a diagnostic (which constraint, its value, the expected
/// format…), in the order they were set.
///
/// A diagnostic carries two to six parameters, and a report may keep a million
/// diagnostics. A JSON object map spends a hash table and an owned name per parameter;
/// a JSON value alone takes 80 bytes (its map keeps insertion order). So each parameter is
/// a typed name and a pointer-sized [`Slot`]: values the schema fixes (a field's type and
/// format, a boolean field's accepted values, a constraint's name and value) are built
/// once and shared by every error that quotes them, and only the rest is owned.
///
/// ```
/// use conforme::{Param, Params};
/// let mut params = Params::new();
/// params.insert(Param::Constraint, "required");
/// params.insert(Param::Value, true);
/// assert_eq!(params.get(Param::Constraint).and_then(|v| v.as_str()), Some("required"));
/// assert_eq!(serde_json::to_string(&params).unwrap(), r#"{"constraint":"required","value":true}"#);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Params(Vec<(Param, Slot)>);

/// Where one parameter's value lives (16 bytes, where a JSON value takes 80).
#[derive(Clone, Debug)]
enum Slot {
    /// A constant (`true`, `false`, `null`, a constraint's name): no allocation.
    Static(&'static Value),
    /// Built once with the schema and shared by every diagnostic that quotes it.
    Shared(Arc<Value>),
    /// This diagnostic's own value.
    Owned(Box<Value>),
}

static TRUE: Value = Value::Bool(true);
static FALSE: Value = Value::Bool(false);
static NULL: Value = Value::Null;

impl Slot {
    fn new(value: Value) -> Slot {
        match value {
            Value::Bool(true) => Slot::Static(&TRUE),
            Value::Bool(false) => Slot::Static(&FALSE),
            Value::Null => Slot::Static(&NULL),
            other => Slot::Owned(Box::new(other)),
        }
    }

    fn value(&self) -> &Value {
        match self {
            Slot::Static(v) => v,
            Slot::Shared(v) => v,
            Slot::Owned(v) => v,
        }
    }

    /// The value to change: a shared or constant one is copied first (it belongs to others).
    fn value_mut(&mut self) -> &mut Value {
        if !matches!(self, Slot::Owned(_)) {
            *self = Slot::Owned(Box::new(self.value().clone()));
        }
        match self {
            Slot::Owned(v) => v,
            Slot::Static(_) | Slot::Shared(_) => unreachable!("made owned above"),
        }
    }

    fn into_value(self) -> Value {
        match self {
            Slot::Static(v) => v.clone(),
            Slot::Shared(v) => Arc::unwrap_or_clone(v),
            Slot::Owned(v) => *v,
        }
    }
}

impl Params {
    /// No parameters (no allocation).
    pub const fn new() -> Self {
        Params(Vec::new())
    }

    /// Sets `key` to `value`: in place when it is already set, else last. Returns the value
    /// it replaces.
    pub fn insert(&mut self, key: Param, value: impl Into<Value>) -> Option<Value> {
        self.set(key, Slot::new(value.into()))
    }

    /// Sets `key` to a value shared with other diagnostics (see [`Params`]), as
    /// [`Params::insert`] would set a copy of it.
    pub(crate) fn insert_shared(&mut self, key: Param, value: &Arc<Value>) -> Option<Value> {
        self.set(key, Slot::Shared(Arc::clone(value)))
    }

    /// Sets `key` to a constant value, as [`Params::insert`] would set a copy of it.
    pub(crate) fn insert_static(&mut self, key: Param, value: &'static Value) -> Option<Value> {
        self.set(key, Slot::Static(value))
    }

    fn set(&mut self, key: Param, slot: Slot) -> Option<Value> {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, old)) => Some(std::mem::replace(old, slot).into_value()),
            None => {
                // Most diagnostics get their parameters one by one and keep them: grow by
                // one rather than by doubling.
                self.0.reserve_exact(1);
                self.0.push((key, slot));
                None
            }
        }
    }

    /// The value of `key`.
    pub fn get(&self, key: Param) -> Option<&Value> {
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.value())
    }

    /// The value of `key`, to change it.
    pub fn get_mut(&mut self, key: Param) -> Option<&mut Value> {
        self.0
            .iter_mut()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.value_mut())
    }

    /// Whether `key` is set.
    pub fn contains_key(&self, key: Param) -> bool {
        self.get(key).is_some()
    }

    /// Unsets `key`, keeping the order of the others; returns its value.
    pub fn remove(&mut self, key: Param) -> Option<Value> {
        let at = self.0.iter().position(|(k, _)| *k == key)?;
        Some(self.0.remove(at).1.into_value())
    }

    /// Number of parameters.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The parameters in order.
    pub fn iter(&self) -> impl Iterator<Item = (Param, &Value)> {
        self.0.iter().map(|(k, v)| (*k, v.value()))
    }

    /// The parameters as a JSON object (an owned copy).
    pub fn to_json_object(&self) -> serde_json::Map<String, Value> {
        self.iter()
            .map(|(k, v)| (k.as_str().to_owned(), v.clone()))
            .collect()
    }
}

/// Equal when they hold the same parameters, whatever their order (as JSON objects).
impl PartialEq for Params {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

/// `params[Param::Value]`, for tests and parameters known to be set.
///
/// # Panics
/// When `key` is not set, like indexing a JSON object map.
impl std::ops::Index<Param> for Params {
    type Output = Value;

    fn index(&self, key: Param) -> &Value {
        match self.get(key) {
            Some(v) => v,
            None => panic!("no diagnostic parameter `{key}`"),
        }
    }
}

impl<V: Into<Value>> FromIterator<(Param, V)> for Params {
    fn from_iter<I: IntoIterator<Item = (Param, V)>>(iter: I) -> Self {
        let mut params = Params::new();
        for (k, v) in iter {
            params.insert(k, v);
        }
        params
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.iter() {
            map.serialize_entry(k.as_str(), v)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn insert_replaces_in_place_and_keeps_the_order() {
        let mut p = Params::new();
        assert_eq!(p.insert(Param::Fields, 1), None);
        p.insert(Param::Absent, 2);
        assert_eq!(p.insert(Param::Fields, 3), Some(json!(1)));
        assert_eq!(
            serde_json::to_value(&p).unwrap(),
            json!({"fields": 3, "absent": 2})
        );
        assert_eq!(
            p.iter().map(|(k, _)| k).collect::<Vec<_>>(),
            [Param::Fields, Param::Absent],
            "order kept"
        );
    }

    #[test]
    fn remove_get_and_equality_ignore_order() {
        let mut p: Params = [(Param::Limit, json!(1)), (Param::Hint, json!("z"))]
            .into_iter()
            .collect();
        let q: Params = [(Param::Hint, json!("z")), (Param::Limit, json!(1))]
            .into_iter()
            .collect();
        assert_eq!(p, q);
        *p.get_mut(Param::Limit).unwrap() = json!(2);
        assert_ne!(p, q);
        assert_eq!(p.remove(Param::Limit), Some(json!(2)));
        assert_eq!(p.remove(Param::Limit), None);
        assert!(!p.contains_key(Param::Limit) && p.contains_key(Param::Hint));
        assert_eq!(p[Param::Hint], "z");
        assert_eq!(p.len(), 1);
        assert_eq!(
            p.to_json_object(),
            *json!({"hint": "z"}).as_object().unwrap()
        );
    }

    #[test]
    fn every_name_is_distinct_and_reads_back() {
        let mut names: Vec<&str> = Param::ALL.iter().map(|p| p.as_str()).collect();
        for p in Param::ALL {
            assert_eq!(p.as_str().parse::<Param>(), Ok(*p));
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Param::ALL.len());
        assert_eq!(
            "nope".parse::<Param>().unwrap_err().to_string(),
            "unknown diagnostic parameter `nope`"
        );
    }

    #[test]
    fn shared_and_constant_values_read_as_owned_ones() {
        let list = Arc::new(json!(["oui", "1"]));
        let mut p = Params::new();
        p.insert(Param::Scientific, true);
        p.insert_shared(Param::TrueValues, &list);
        p.insert_static(Param::Value, &FALSE);
        p.insert(Param::Count, 3);
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"scientific":true,"trueValues":["oui","1"],"value":false,"count":3}"#
        );
        assert_eq!(Arc::strong_count(&list), 2, "shared, not copied");
        // Changing a shared value changes this diagnostic's copy only.
        p.get_mut(Param::TrueValues).unwrap()[0] = json!("x");
        assert_eq!(list[0], "oui");
        assert_eq!(p[Param::TrueValues], json!(["x", "1"]));
        assert_eq!(Arc::strong_count(&list), 1);
        assert_eq!(p.insert(Param::Value, 1), Some(json!(false)));
        assert_eq!(p.remove(Param::Scientific), Some(json!(true)));
    }

    #[test]
    fn a_parameter_takes_24_bytes() {
        // What keeps a report of a million errors small (see `Params`).
        assert_eq!(std::mem::size_of::<Slot>(), 16);
        assert_eq!(std::mem::size_of::<(Param, Slot)>(), 24);
    }

    #[test]
    #[should_panic(expected = "no diagnostic parameter `cog`")]
    fn indexing_a_missing_key_panics_with_its_name() {
        let _ = &Params::new()[Param::Cog];
    }
}
