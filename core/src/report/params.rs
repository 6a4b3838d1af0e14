//! A diagnostic's structured parameters: a small map in insertion order, light on memory.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;
use std::borrow::Cow;

/// Structured parameters of a diagnostic (which constraint, its value, the expected
/// format…), in the order they were set.
///
/// A diagnostic carries two to four parameters whose names are fixed strings. A JSON
/// object map spends a hash table and an owned name per parameter, about 600 bytes per
/// diagnostic; pairs in a vector with `'static` names cost a fraction of that, which
/// decides the memory of a report that keeps a million errors.
///
/// ```
/// let mut params = conforme::Params::new();
/// params.insert("constraint", "required");
/// params.insert("value", true);
/// assert_eq!(params.get("constraint").and_then(|v| v.as_str()), Some("required"));
/// assert_eq!(serde_json::to_string(&params).unwrap(), r#"{"constraint":"required","value":true}"#);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Params(Vec<(Cow<'static, str>, Value)>);

impl Params {
    /// No parameters (no allocation).
    pub const fn new() -> Self {
        Params(Vec::new())
    }

    /// Sets `key` to `value`: in place when it is already set, else last. Returns the value
    /// it replaces.
    pub fn insert(
        &mut self,
        key: impl Into<Cow<'static, str>>,
        value: impl Into<Value>,
    ) -> Option<Value> {
        let key = key.into();
        let value = value.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, old)) => Some(std::mem::replace(old, value)),
            None => {
                // Most diagnostics get their parameters one by one and keep them: grow by
                // one rather than by doubling.
                self.0.reserve_exact(1);
                self.0.push((key, value));
                None
            }
        }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The value of `key`, to change it.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.0.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Whether `key` is set.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Unsets `key`, keeping the order of the others; returns its value.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let at = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(at).1)
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
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v))
    }

    /// The parameters as a JSON object (an owned copy).
    pub fn to_json_object(&self) -> serde_json::Map<String, Value> {
        self.iter()
            .map(|(k, v)| (k.to_owned(), v.clone()))
            .collect()
    }
}

/// Equal when they hold the same parameters, whatever their order (as JSON objects).
impl PartialEq for Params {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

/// `params["key"]`, for tests and known keys.
///
/// # Panics
/// When `key` is not set, like indexing a JSON object map.
impl std::ops::Index<&str> for Params {
    type Output = Value;

    fn index(&self, key: &str) -> &Value {
        match self.get(key) {
            Some(v) => v,
            None => panic!("no diagnostic parameter `{key}`"),
        }
    }
}

impl<K: Into<Cow<'static, str>>, V: Into<Value>> FromIterator<(K, V)> for Params {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
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
        for (k, v) in &self.0 {
            map.serialize_entry(k.as_ref(), v)?;
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
        assert_eq!(p.insert("b", 1), None);
        p.insert("a", 2);
        assert_eq!(p.insert("b", 3), Some(json!(1)));
        assert_eq!(serde_json::to_value(&p).unwrap(), json!({"b": 3, "a": 2}));
        assert_eq!(
            p.iter().map(|(k, _)| k).collect::<Vec<_>>(),
            ["b", "a"],
            "order kept"
        );
    }

    #[test]
    fn remove_get_and_equality_ignore_order() {
        let mut p: Params = [("x", json!(1)), ("y", json!("z"))].into_iter().collect();
        let q: Params = [("y", json!("z")), ("x", json!(1))].into_iter().collect();
        assert_eq!(p, q);
        *p.get_mut("x").unwrap() = json!(2);
        assert_ne!(p, q);
        assert_eq!(p.remove("x"), Some(json!(2)));
        assert_eq!(p.remove("x"), None);
        assert!(!p.contains_key("x") && p.contains_key("y"));
        assert_eq!(p["y"], "z");
        assert_eq!(p.len(), 1);
        let owned_key: Params = [(String::from("k"), 1)].into_iter().collect();
        assert_eq!(
            owned_key.to_json_object(),
            *json!({"k": 1}).as_object().unwrap()
        );
    }

    #[test]
    #[should_panic(expected = "no diagnostic parameter `nope`")]
    fn indexing_a_missing_key_panics_with_its_name() {
        let _ = &Params::new()["nope"];
    }
}
