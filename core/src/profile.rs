//! The structure of descriptors: Table Schema, Data Package and Table Dialect descriptors
//! checked against the project's own profile JSON Schemas (`core/data/profiles/`, written
//! from the specification text), with the project's JSON Schema validator.
//!
//! Each violation says where it is (a JSON pointer into the descriptor) and what was
//! expected, in English and French. Keys a specification does not define are allowed,
//! as frictionless allows them. A few deviations conforme reads the way frictionless does
//! (`"required": "true"`, numbers in `trueValues`…) are marked `x-lenient` in the
//! profile: they are warnings, not errors.
//!
//! ```
//! use conforme::profile::{Profile, check};
//! let violations = check(Profile::TableSchema, &serde_json::json!({
//!     "fields": [{"name": "id", "type": "integer"}, {"type": "string"}]
//! }));
//! assert_eq!(violations.len(), 1);
//! assert_eq!(violations[0].pointer, "/fields/1");
//! assert!(violations[0].message.contains("\"name\""));
//! assert!(!violations[0].lenient);
//! ```

use crate::json::{JsonSchema, JsonSchemaOptions};
use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;
use std::sync::OnceLock;

/// A descriptor kind with a profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    /// A Table Schema (`core/data/profiles/tableschema.json`).
    TableSchema,
    /// A Data Package (`core/data/profiles/datapackage.json`).
    DataPackage,
    /// A Table Dialect (`core/data/profiles/tabledialect.json`).
    TableDialect,
}

impl Profile {
    /// The profile's name, as in messages.
    pub fn name(self) -> &'static str {
        match self {
            Profile::TableSchema => "Table Schema",
            Profile::DataPackage => "Data Package",
            Profile::TableDialect => "Table Dialect",
        }
    }

    /// The profile JSON Schema text.
    pub fn text(self) -> &'static str {
        match self {
            Profile::TableSchema => include_str!("../data/profiles/tableschema.json"),
            Profile::DataPackage => include_str!("../data/profiles/datapackage.json"),
            Profile::TableDialect => include_str!("../data/profiles/tabledialect.json"),
        }
    }

    fn compiled(self) -> &'static (Value, JsonSchema) {
        static CELLS: [OnceLock<(Value, JsonSchema)>; 3] =
            [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        CELLS[self as usize].get_or_init(|| {
            // The profiles are part of the source tree and tested: they always compile.
            let value: Value = serde_json::from_str(self.text()).expect("profile is JSON");
            let schema = JsonSchema::compile(&value, &JsonSchemaOptions::default())
                .expect("profile compiles");
            (value, schema)
        })
    }
}

pub use crate::error::Violation;

impl Violation {
    /// The same violation for a descriptor nested at `prefix` (a resource's inline schema).
    pub fn nested(mut self, prefix: &str) -> Violation {
        self.pointer = format!("{prefix}{}", self.pointer);
        self
    }
}

/// Checks `descriptor` against `profile`; every violation, in document order.
pub fn check(profile: Profile, descriptor: &Value) -> Vec<Violation> {
    let (root, schema) = profile.compiled();
    let mut out: Vec<Violation> = schema
        .errors(descriptor)
        .map(|e| violation(root, &e))
        .collect();
    out.dedup();
    out
}

/// Only the violations that are errors (not lenient).
pub fn errors(profile: Profile, descriptor: &Value) -> Vec<Violation> {
    let mut all = check(profile, descriptor);
    all.retain(|v| !v.lenient);
    all
}

/// The profile nodes along a schema path, resolving local `$ref`s.
fn nodes<'a>(root: &'a Value, schema_path: &str) -> Vec<&'a Value> {
    let mut out = vec![root];
    let mut node = root;
    for segment in schema_path.split('/').skip(1) {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        let next = if segment == "$ref" {
            node.get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix('#'))
                .and_then(|p| root.pointer(p))
        } else {
            match node {
                Value::Object(o) => o.get(&segment),
                Value::Array(a) => segment.parse::<usize>().ok().and_then(|i| a.get(i)),
                _ => None,
            }
        };
        let Some(next) = next else { break };
        node = next;
        out.push(node);
    }
    out
}

fn hint<'a>(nodes: &[&'a Value], key: &str, deep: bool) -> Option<&'a str> {
    // The failing keyword is the last segment: its subschema is the node before it.
    let candidates = nodes.iter().rev().skip(1);
    let mut found = None;
    for (i, n) in candidates.enumerate() {
        if let Some(h) = n.get(key).and_then(Value::as_str) {
            found = Some(h);
            break;
        }
        if !deep && i > 0 {
            break;
        }
    }
    found
}

fn json_type_en(name: &str) -> &'static str {
    match name {
        "string" => "a string",
        "array" => "an array",
        "object" => "an object",
        "boolean" => "true or false",
        "integer" => "a whole number",
        "number" => "a number",
        "null" => "null",
        _ => "a value",
    }
}

fn json_type_fr(name: &str) -> &'static str {
    match name {
        "string" => "une chaîne",
        "array" => "une liste",
        "object" => "un objet",
        "boolean" => "true ou false",
        "integer" => "un nombre entier",
        "number" => "un nombre",
        "null" => "null",
        _ => "une valeur",
    }
}

fn found_en(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string {}", short(&Value::String(s.clone()))),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

fn found_fr(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("le booléen {b}"),
        Value::Number(n) => format!("le nombre {n}"),
        Value::String(s) => format!("la chaîne {}", short(&Value::String(s.clone()))),
        Value::Array(_) => "une liste".into(),
        Value::Object(_) => "un objet".into(),
    }
}

fn short(v: &Value) -> String {
    let text = v.to_string();
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(60).collect::<String>())
    } else {
        text
    }
}

fn values_list(options: &Value) -> String {
    options
        .as_array()
        .map(|a| a.iter().map(short).collect::<Vec<_>>().join(", "))
        .unwrap_or_default()
}

fn violation(root: &Value, e: &jsonschema::ValidationError<'_>) -> Violation {
    let pointer = e.instance_path().as_str().to_owned();
    let schema_path = e.schema_path().as_str().to_owned();
    let path = nodes(root, &schema_path);
    let lenient = path.iter().any(|n| n.get("x-lenient").is_some());
    let instance: &Value = e.instance();
    let kind = e.kind();
    let (en, fr) = match kind {
        ValidationErrorKind::Type { kind } => {
            let names: Vec<String> = match kind {
                TypeKind::Single(t) => vec![t.to_string()],
                TypeKind::Multiple(set) => set.iter().map(|t| t.to_string()).collect(),
            };
            let en: Vec<&str> = names.iter().map(|n| json_type_en(n)).collect();
            let fr: Vec<&str> = names.iter().map(|n| json_type_fr(n)).collect();
            (
                format!("expected {}, found {}", en.join(" or "), found_en(instance)),
                format!(
                    "attendu : {}, trouvé : {}",
                    fr.join(" ou "),
                    found_fr(instance)
                ),
            )
        }
        ValidationErrorKind::Required { property } => {
            let key = property.as_str().unwrap_or_default();
            (
                format!("the required key \"{key}\" is missing"),
                format!("la clé obligatoire « {key} » manque"),
            )
        }
        // The node's hint, when there is one, names the allowed values in words.
        ValidationErrorKind::Enum { .. } if hint(&path, "x-hint", false).is_some() => (
            format!("{} is not allowed here", found_en(instance)),
            format!("{} n'est pas une valeur permise ici", found_fr(instance)),
        ),
        ValidationErrorKind::Enum { options } => (
            format!(
                "{} is not allowed here; expected one of: {}",
                found_en(instance),
                values_list(options)
            ),
            format!(
                "{} n'est pas une valeur permise ici ; valeurs attendues : {}",
                found_fr(instance),
                values_list(options)
            ),
        ),
        ValidationErrorKind::MinItems { limit } => (
            format!("expected at least {limit} item(s), found {}", len(instance)),
            format!(
                "attendu : au moins {limit} élément(s), trouvé : {}",
                len(instance)
            ),
        ),
        ValidationErrorKind::MinLength { limit } => (
            format!(
                "expected at least {limit} character(s), found {}",
                found_en(instance)
            ),
            format!(
                "attendu : au moins {limit} caractère(s), trouvé : {}",
                found_fr(instance)
            ),
        ),
        ValidationErrorKind::MaxLength { limit } => (
            format!(
                "expected at most {limit} character(s), found {}",
                found_en(instance)
            ),
            format!(
                "attendu : au plus {limit} caractère(s), trouvé : {}",
                found_fr(instance)
            ),
        ),
        ValidationErrorKind::Minimum { limit } => (
            format!(
                "expected a number from {limit}, found {}",
                found_en(instance)
            ),
            format!(
                "attendu : un nombre à partir de {limit}, trouvé : {}",
                found_fr(instance)
            ),
        ),
        ValidationErrorKind::Pattern { .. } => (
            format!("{} does not have the expected form", found_en(instance)),
            format!("{} n'a pas la forme attendue", found_fr(instance)),
        ),
        ValidationErrorKind::AnyOf { .. } | ValidationErrorKind::OneOfNotValid { .. } => (
            "none of the allowed shapes fits".into(),
            "aucune des formes permises ne convient".into(),
        ),
        ValidationErrorKind::Not { .. } => (
            format!("{} is not allowed here", found_en(instance)),
            format!("{} n'est pas une valeur permise ici", found_fr(instance)),
        ),
        _ => (e.to_string(), e.to_string()),
    };
    // Keywords whose own message says little take the nearest hint up the profile.
    let deep = matches!(
        kind,
        ValidationErrorKind::AnyOf { .. }
            | ValidationErrorKind::OneOfNotValid { .. }
            | ValidationErrorKind::Not { .. }
            | ValidationErrorKind::Pattern { .. }
    );
    let (message, message_fr) = match (hint(&path, "x-hint", deep), hint(&path, "x-hint-fr", deep))
    {
        (Some(h), Some(h_fr)) => (format!("{en}. {h}"), format!("{fr}. {h_fr}")),
        _ => (en, fr),
    };
    Violation {
        pointer,
        keyword: kind.keyword().to_owned(),
        message,
        message_fr,
        lenient,
    }
}

fn len(v: &Value) -> usize {
    v.as_array().map_or(0, Vec::len)
}

/// `true` when `value` is a Data Package descriptor (an object with a `resources` list).
///
/// ```
/// assert!(conforme::profile::is_package(&serde_json::json!({"resources": []})));
/// ```
pub fn is_package(value: &serde_json::Value) -> bool {
    value
        .get("resources")
        .is_some_and(serde_json::Value::is_array)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn profiles_compile() {
        for p in [
            Profile::TableSchema,
            Profile::DataPackage,
            Profile::TableDialect,
        ] {
            let _ = p.compiled();
        }
    }

    #[test]
    fn table_schema_violations_say_where_and_what() {
        let v = check(
            Profile::TableSchema,
            &json!({
                "fields": [
                    {"name": 3, "type": "texte"},
                    {"name": "b", "constraints": {"enum": "a", "minLength": -1}},
                    {"name": "c", "constraints": {"required": "true"}}
                ],
                "primaryKey": 5,
                "foreignKeys": [{"fields": "b"}],
                "extension": {"anything": true}
            }),
        );
        let found: Vec<(&str, &str, bool)> = v
            .iter()
            .map(|v| (v.pointer.as_str(), v.keyword.as_str(), v.lenient))
            .collect();
        assert!(found.contains(&("/fields/0/name", "type", false)), "{v:#?}");
        assert!(found.contains(&("/fields/0/type", "enum", false)), "{v:#?}");
        assert!(found.contains(&("/fields/1/constraints/enum", "type", false)));
        assert!(found.contains(&("/fields/1/constraints/minLength", "minimum", false)));
        assert!(found.contains(&("/fields/2/constraints/required", "type", true)));
        assert!(found.contains(&("/primaryKey", "type", false)));
        assert!(found.contains(&("/foreignKeys/0", "required", false)));
        assert!(!found.iter().any(|(p, _, _)| p.starts_with("/extension")));
        let name = v.iter().find(|v| v.pointer == "/fields/0/name").unwrap();
        assert!(
            name.message
                .contains("expected a string, found the number 3")
        );
        assert!(name.message_fr.contains("attendu : une chaîne"));
        let ty = v.iter().find(|v| v.pointer == "/fields/0/type").unwrap();
        assert!(ty.message.contains("\"texte\"") && ty.message.contains("yearmonth"));
    }

    #[test]
    fn package_and_dialect_violations() {
        let v = check(Profile::DataPackage, &json!({"name": "p"}));
        assert_eq!(v[0].keyword, "required");
        assert!(v[0].message.contains("\"resources\""));
        let v = check(
            Profile::DataPackage,
            &json!({"resources": [
                {"name": "a", "path": "../secret.csv"},
                {"name": "b", "path": "/etc/passwd"},
                {"name": "c"},
                {"path": 4}
            ]}),
        );
        let pointers: Vec<&str> = v.iter().map(|v| v.pointer.as_str()).collect();
        assert!(pointers.contains(&"/resources/0/path"), "{v:#?}");
        assert!(pointers.contains(&"/resources/1/path"));
        assert!(pointers.contains(&"/resources/2"));
        assert!(pointers.contains(&"/resources/3/path"));
        let up = v.iter().find(|v| v.pointer == "/resources/0/path").unwrap();
        assert!(up.message.contains(".."), "{up:?}");
        let v = check(
            Profile::TableDialect,
            &json!({"delimiter": ";;", "header": "yes", "headerRows": [0], "sheetNumber": 0}),
        );
        let pointers: Vec<&str> = v.iter().map(|v| v.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            ["/delimiter", "/header", "/headerRows/0", "/sheetNumber"],
            "{v:#?}"
        );
        assert!(v[0].lenient && !v[1].lenient);
    }
}
