//! The Table Schema descriptor (v1 with the v2 additions), read from JSON with a pointer
//! for every problem. Unknown keys are kept (`extra`), never fatal.

use crate::error::SchemaError;
use serde_json::{Map, Value};

/// A Table Schema as written in its descriptor.
///
/// ```
/// use serde_json::json;
/// let s = conforme::schema::TableSchema::from_value(&json!({
///     "fields": [{"name": "id", "type": "integer"}],
///     "primaryKey": "id",
///     "missingValues": ["", "NA"]
/// })).unwrap();
/// assert_eq!(s.primary_key, vec!["id".to_string()]);
/// assert_eq!(s.missing_values.len(), 2);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct TableSchema {
    /// Fields, in order.
    pub fields: Vec<FieldDescriptor>,
    /// Schema-level missing values (default `[""]`).
    pub missing_values: Vec<MissingValue>,
    /// Primary key field names (empty when none).
    pub primary_key: Vec<String>,
    /// v2 unique keys.
    pub unique_keys: Vec<Vec<String>>,
    /// Foreign keys.
    pub foreign_keys: Vec<ForeignKey>,
    /// v2 `fieldsMatch`, when declared.
    pub fields_match: Option<FieldsMatch>,
    /// Validata `custom_checks`, kept as written (`{name, params}` objects).
    pub custom_checks: Vec<Value>,
    /// `true` when `$schema` names the v2 profile (default field type is then `any`).
    pub v2: bool,
    /// Keys this version does not interpret, kept as written.
    pub extra: Map<String, Value>,
}

/// A missing value marker, optionally labeled (v2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingValue {
    /// The raw text that means "no value".
    pub value: String,
    /// v2 label explaining why the value is missing.
    pub label: Option<String>,
}

/// v2 `fieldsMatch`: how header labels are matched to fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldsMatch {
    /// By position, same fields (the default).
    Exact,
    /// By name, same set of fields.
    Equal,
    /// By name, every schema field present, extra columns allowed.
    Subset,
    /// By name, only schema fields, some may be missing.
    Superset,
    /// By name, at least one schema field present.
    Partial,
}

/// A foreign key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForeignKey {
    /// Local fields.
    pub fields: Vec<String>,
    /// Referenced resource (`""` or `None`: the same table).
    pub resource: Option<String>,
    /// Referenced fields.
    pub reference_fields: Vec<String>,
}

/// Field types of Table Schema v1 and v2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldType {
    /// `string`
    String,
    /// `number`
    Number,
    /// `integer`
    Integer,
    /// `boolean`
    Boolean,
    /// `object`
    Object,
    /// `array`
    Array,
    /// `list` (v2)
    List,
    /// `date`
    Date,
    /// `time`
    Time,
    /// `datetime`
    DateTime,
    /// `year`
    Year,
    /// `yearmonth`
    YearMonth,
    /// `duration`
    Duration,
    /// `geopoint`
    GeoPoint,
    /// `geojson`
    GeoJson,
    /// `any`
    Any,
}

impl FieldType {
    /// Every type with its descriptor name.
    pub const ALL: &'static [(FieldType, &'static str)] = &[
        (FieldType::String, "string"),
        (FieldType::Number, "number"),
        (FieldType::Integer, "integer"),
        (FieldType::Boolean, "boolean"),
        (FieldType::Object, "object"),
        (FieldType::Array, "array"),
        (FieldType::List, "list"),
        (FieldType::Date, "date"),
        (FieldType::Time, "time"),
        (FieldType::DateTime, "datetime"),
        (FieldType::Year, "year"),
        (FieldType::YearMonth, "yearmonth"),
        (FieldType::Duration, "duration"),
        (FieldType::GeoPoint, "geopoint"),
        (FieldType::GeoJson, "geojson"),
        (FieldType::Any, "any"),
    ];

    /// Parses a descriptor type name.
    ///
    /// ```
    /// use conforme::schema::FieldType;
    /// assert_eq!(FieldType::from_name("datetime"), Some(FieldType::DateTime));
    /// assert_eq!(FieldType::from_name("texte"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<FieldType> {
        Self::ALL.iter().find(|(_, n)| *n == name).map(|(t, _)| *t)
    }

    /// The descriptor name of the type.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(t, _)| *t == self)
            .map(|(_, n)| *n)
            .unwrap_or("any")
    }
}

/// The `constraints` of a field, as written (typed against the field at compile time).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Constraints {
    /// `required`
    pub required: bool,
    /// `unique`
    pub unique: bool,
    /// `minLength`
    pub min_length: Option<u64>,
    /// `maxLength`
    pub max_length: Option<u64>,
    /// `minimum`
    pub minimum: Option<Value>,
    /// `maximum`
    pub maximum: Option<Value>,
    /// `exclusiveMinimum` (v2)
    pub exclusive_minimum: Option<Value>,
    /// `exclusiveMaximum` (v2)
    pub exclusive_maximum: Option<Value>,
    /// `pattern`
    pub pattern: Option<String>,
    /// `enum`
    pub enum_values: Option<Vec<Value>>,
    /// `jsonSchema` (v2)
    pub json_schema: Option<Value>,
}

/// One field of a Table Schema.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldDescriptor {
    /// `name`
    pub name: String,
    /// `type`
    pub field_type: FieldType,
    /// `format` (legacy `fmt:` prefix removed), `default` when absent.
    pub format: String,
    /// `title`
    pub title: Option<String>,
    /// `description`
    pub description: Option<String>,
    /// `example`
    pub example: Option<Value>,
    /// `constraints`
    pub constraints: Constraints,
    /// `trueValues` (boolean)
    pub true_values: Option<Vec<String>>,
    /// `falseValues` (boolean)
    pub false_values: Option<Vec<String>>,
    /// `decimalChar` (number)
    pub decimal_char: Option<String>,
    /// `groupChar` (number, v2 integer)
    pub group_char: Option<String>,
    /// `bareNumber` (number, integer), default true
    pub bare_number: bool,
    /// frictionless `arrayItem` (array): a field descriptor for every item
    pub array_item: Option<Box<FieldDescriptor>>,
    /// v2 field-level `missingValues` (replaces the schema's for this field)
    pub missing_values: Option<Vec<MissingValue>>,
    /// v2 `categories` (values only; labels dropped)
    pub categories: Option<Vec<Value>>,
    /// v2 list `delimiter` (default `,`)
    pub delimiter: Option<String>,
    /// v2 list `itemType`
    pub item_type: Option<FieldType>,
    /// Validata field-level `customCheck`, as written
    pub custom_check: Option<Value>,
    /// JSON pointer of this field in the descriptor
    pub pointer: String,
    /// Keys this version does not interpret
    pub extra: Map<String, Value>,
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn expect_string(v: &Value, pointer: &str) -> Result<String, SchemaError> {
    v.as_str().map(str::to_owned).ok_or_else(|| {
        SchemaError::invalid(
            pointer,
            format!("expected a string, found {}", type_name(v)),
            "Write the value between double quotes.",
        )
    })
}

fn expect_bool(v: &Value, pointer: &str) -> Result<bool, SchemaError> {
    match v {
        Value::Bool(b) => Ok(*b),
        // Some published schemas write "true"; frictionless accepts it, so do we.
        Value::String(s) if s == "true" || s == "false" => Ok(s == "true"),
        _ => Err(SchemaError::invalid(
            pointer,
            format!("expected true or false, found {}", type_name(v)),
            "Write true or false without quotes.",
        )),
    }
}

fn expect_length(v: &Value, pointer: &str) -> Result<u64, SchemaError> {
    v.as_u64()
        .or_else(|| {
            v.as_f64()
                .filter(|f| f.fract() == 0.0 && *f >= 0.0)
                .map(|f| f as u64)
        })
        .ok_or_else(|| {
            SchemaError::invalid(
                pointer,
                format!("expected a non-negative integer, found {v}"),
                "A length is a whole number of characters, such as 14.",
            )
        })
}

/// Reads a string or an array of strings (`primaryKey`, `foreignKeys.fields`).
fn string_or_list(v: &Value, pointer: &str) -> Result<Vec<String>, SchemaError> {
    match v {
        Value::String(s) => Ok(vec![s.clone()]),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| expect_string(item, &format!("{pointer}/{i}")))
            .collect(),
        _ => Err(SchemaError::invalid(
            pointer,
            format!(
                "expected a field name or a list of field names, found {}",
                type_name(v)
            ),
            "Write [\"field_a\", \"field_b\"].",
        )),
    }
}

fn value_as_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn string_values(v: &Value, pointer: &str) -> Result<Vec<String>, SchemaError> {
    match v {
        // Numbers and booleans in trueValues (`[1, "oui"]`) are compared as their text.
        Value::Array(items) => Ok(items.iter().map(value_as_text).collect()),
        _ => Err(SchemaError::invalid(
            pointer,
            format!("expected an array, found {}", type_name(v)),
            "Write a list such as [\"oui\", \"Oui\"].",
        )),
    }
}

fn missing_values(v: &Value, pointer: &str) -> Result<Vec<MissingValue>, SchemaError> {
    let Value::Array(items) = v else {
        return Err(SchemaError::invalid(
            pointer,
            format!("missingValues must be an array, found {}", type_name(v)),
            "Write a list such as [\"\", \"NA\"].",
        ));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| match item {
            Value::Object(o) => Ok(MissingValue {
                value: o.get("value").map(value_as_text).ok_or_else(|| {
                    SchemaError::invalid(
                        format!("{pointer}/{i}"),
                        "a labeled missing value needs a \"value\"",
                        "Write {\"value\": \"NA\", \"label\": \"not available\"}.",
                    )
                })?,
                label: o.get("label").map(value_as_text),
            }),
            other => Ok(MissingValue {
                value: value_as_text(other),
                label: None,
            }),
        })
        .collect()
}

const FIELD_KEYS: &[&str] = &[
    "name",
    "type",
    "format",
    "title",
    "description",
    "example",
    "constraints",
    "trueValues",
    "falseValues",
    "decimalChar",
    "groupChar",
    "bareNumber",
    "arrayItem",
    "missingValues",
    "categories",
    "categoriesOrdered",
    "delimiter",
    "itemType",
    "customCheck",
];

impl FieldDescriptor {
    /// Reads one field descriptor located at `pointer`.
    pub fn from_value(v: &Value, pointer: &str, v2: bool) -> Result<FieldDescriptor, SchemaError> {
        let Value::Object(o) = v else {
            return Err(SchemaError::invalid(
                pointer,
                format!("a field must be an object, found {}", type_name(v)),
                "Write {\"name\": \"...\", \"type\": \"...\"}.",
            ));
        };
        let name = match o.get("name") {
            Some(n) => expect_string(n, &format!("{pointer}/name"))?,
            None => {
                return Err(SchemaError::invalid(
                    pointer,
                    "this field has no \"name\"",
                    "Every field needs a name matching the column header.",
                ));
            }
        };
        let field_type = match o.get("type") {
            None | Some(Value::Null) => {
                if v2 {
                    FieldType::Any
                } else {
                    FieldType::String
                }
            }
            Some(t) => {
                let t = expect_string(t, &format!("{pointer}/type"))?;
                FieldType::from_name(&t).ok_or_else(|| {
                    let known: Vec<&str> = FieldType::ALL.iter().map(|(_, n)| *n).collect();
                    SchemaError::invalid(
                        format!("{pointer}/type"),
                        format!("unknown field type \"{t}\""),
                        format!("Use one of: {}.", known.join(", ")),
                    )
                })?
            }
        };
        let format = match o.get("format") {
            None | Some(Value::Null) => "default".to_owned(),
            Some(f) => {
                let f = expect_string(f, &format!("{pointer}/format"))?;
                f.strip_prefix("fmt:").map(str::to_owned).unwrap_or(f)
            }
        };
        let constraints = match o.get("constraints") {
            None | Some(Value::Null) => Constraints::default(),
            Some(c) => Constraints::from_value(c, &format!("{pointer}/constraints"))?,
        };
        let opt_string = |key: &str| -> Result<Option<String>, SchemaError> {
            o.get(key)
                .filter(|v| !v.is_null())
                .map(|v| expect_string(v, &format!("{pointer}/{key}")))
                .transpose()
        };
        let opt_values = |key: &str| -> Result<Option<Vec<String>>, SchemaError> {
            o.get(key)
                .map(|v| string_values(v, &format!("{pointer}/{key}")))
                .transpose()
        };
        let array_item = o
            .get("arrayItem")
            .map(|item| {
                let mut item = item.clone();
                // frictionless lets arrayItem omit the name: it is the array's own.
                if let Value::Object(m) = &mut item {
                    m.entry("name")
                        .or_insert_with(|| Value::String(name.clone()));
                }
                FieldDescriptor::from_value(&item, &format!("{pointer}/arrayItem"), v2)
                    .map(Box::new)
            })
            .transpose()?;
        let item_type = match o.get("itemType") {
            None => None,
            Some(t) => {
                let t = expect_string(t, &format!("{pointer}/itemType"))?;
                Some(FieldType::from_name(&t).ok_or_else(|| {
                    SchemaError::invalid(
                        format!("{pointer}/itemType"),
                        format!("unknown item type \"{t}\""),
                        "Use one of: string, integer, boolean, number, datetime, date, time.",
                    )
                })?)
            }
        };
        let categories = match o.get("categories") {
            None => None,
            Some(Value::Array(items)) => Some(
                items
                    .iter()
                    .map(|c| match c {
                        Value::Object(m) => m.get("value").cloned().unwrap_or(Value::Null),
                        other => other.clone(),
                    })
                    .collect(),
            ),
            Some(other) => {
                return Err(SchemaError::invalid(
                    format!("{pointer}/categories"),
                    format!("categories must be an array, found {}", type_name(other)),
                    "Write a list of values or of {\"value\", \"label\"} objects.",
                ));
            }
        };
        Ok(FieldDescriptor {
            title: opt_string("title")?,
            description: opt_string("description")?,
            example: o.get("example").cloned(),
            true_values: opt_values("trueValues")?,
            false_values: opt_values("falseValues")?,
            decimal_char: opt_string("decimalChar")?,
            group_char: opt_string("groupChar")?,
            bare_number: o
                .get("bareNumber")
                .map(|b| expect_bool(b, &format!("{pointer}/bareNumber")))
                .transpose()?
                .unwrap_or(true),
            array_item,
            missing_values: o
                .get("missingValues")
                .map(|m| missing_values(m, &format!("{pointer}/missingValues")))
                .transpose()?,
            categories,
            delimiter: opt_string("delimiter")?,
            item_type,
            custom_check: o.get("customCheck").cloned(),
            extra: o
                .iter()
                .filter(|(k, _)| !FIELD_KEYS.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            pointer: pointer.to_owned(),
            name,
            field_type,
            format,
            constraints,
        })
    }
}

impl Constraints {
    fn from_value(v: &Value, pointer: &str) -> Result<Constraints, SchemaError> {
        let Value::Object(o) = v else {
            return Err(SchemaError::invalid(
                pointer,
                format!("constraints must be an object, found {}", type_name(v)),
                "Write {\"required\": true, ...}.",
            ));
        };
        let at = |key: &str| format!("{pointer}/{key}");
        let enum_values = match o.get("enum") {
            None => None,
            Some(Value::Array(items)) => Some(items.clone()),
            Some(other) => {
                return Err(SchemaError::invalid(
                    at("enum"),
                    format!("enum must be an array, found {}", type_name(other)),
                    "Write the allowed values as a list: [\"a\", \"b\"].",
                ));
            }
        };
        Ok(Constraints {
            required: o
                .get("required")
                .map(|b| expect_bool(b, &at("required")))
                .transpose()?
                .unwrap_or(false),
            unique: o
                .get("unique")
                .map(|b| expect_bool(b, &at("unique")))
                .transpose()?
                .unwrap_or(false),
            min_length: o
                .get("minLength")
                .map(|n| expect_length(n, &at("minLength")))
                .transpose()?,
            max_length: o
                .get("maxLength")
                .map(|n| expect_length(n, &at("maxLength")))
                .transpose()?,
            minimum: o.get("minimum").cloned(),
            maximum: o.get("maximum").cloned(),
            exclusive_minimum: o.get("exclusiveMinimum").cloned(),
            exclusive_maximum: o.get("exclusiveMaximum").cloned(),
            pattern: o
                .get("pattern")
                .map(|p| expect_string(p, &at("pattern")))
                .transpose()?,
            enum_values,
            json_schema: o.get("jsonSchema").cloned(),
        })
    }
}

const SCHEMA_KEYS: &[&str] = &[
    "fields",
    "missingValues",
    "primaryKey",
    "uniqueKeys",
    "foreignKeys",
    "fieldsMatch",
    "custom_checks",
];

impl TableSchema {
    /// Reads a Table Schema descriptor.
    pub fn from_value(v: &Value) -> Result<TableSchema, SchemaError> {
        let Value::Object(o) = v else {
            return Err(SchemaError::NotATableSchema {
                reason: format!(
                    "the document is {}, not an object with \"fields\"",
                    type_name(v)
                ),
            });
        };
        let v2 = o
            .get("$schema")
            .and_then(Value::as_str)
            .is_some_and(|s| s.contains("/2.0/") || s.contains("v2"));
        let fields = match o.get("fields") {
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, f)| FieldDescriptor::from_value(f, &format!("/fields/{i}"), v2))
                .collect::<Result<Vec<_>, _>>()?,
            Some(other) => {
                return Err(SchemaError::invalid(
                    "/fields",
                    format!("fields must be an array, found {}", type_name(other)),
                    "Write \"fields\": [{\"name\": ...}, ...].",
                ));
            }
            None => {
                let hint = if o.contains_key("resources") {
                    "this looks like a Data Package (it has \"resources\"); Data Packages are validated resource by resource"
                } else if o.contains_key("$schema") || o.contains_key("properties") {
                    "this looks like a JSON Schema, which validates JSON documents, not CSV tables"
                } else {
                    "a Table Schema must have a \"fields\" array"
                };
                return Err(SchemaError::NotATableSchema {
                    reason: hint.to_owned(),
                });
            }
        };
        let primary_key = o
            .get("primaryKey")
            .map(|p| string_or_list(p, "/primaryKey"))
            .transpose()?
            .unwrap_or_default();
        let unique_keys = match o.get("uniqueKeys") {
            None => Vec::new(),
            Some(Value::Array(keys)) => keys
                .iter()
                .enumerate()
                .map(|(i, k)| string_or_list(k, &format!("/uniqueKeys/{i}")))
                .collect::<Result<_, _>>()?,
            Some(other) => {
                return Err(SchemaError::invalid(
                    "/uniqueKeys",
                    format!(
                        "uniqueKeys must be an array of arrays, found {}",
                        type_name(other)
                    ),
                    "Write [[\"a\"], [\"b\", \"c\"]].",
                ));
            }
        };
        let foreign_keys = match o.get("foreignKeys") {
            None => Vec::new(),
            Some(Value::Array(keys)) => keys
                .iter()
                .enumerate()
                .map(|(i, k)| foreign_key(k, &format!("/foreignKeys/{i}")))
                .collect::<Result<_, _>>()?,
            Some(other) => {
                return Err(SchemaError::invalid(
                    "/foreignKeys",
                    format!("foreignKeys must be an array, found {}", type_name(other)),
                    "Write [{\"fields\": ..., \"reference\": {\"resource\": ..., \"fields\": ...}}].",
                ));
            }
        };
        let fields_match = match o.get("fieldsMatch") {
            None => None,
            Some(m) => Some(match m.as_str() {
                Some("exact") => FieldsMatch::Exact,
                Some("equal") => FieldsMatch::Equal,
                Some("subset") => FieldsMatch::Subset,
                Some("superset") => FieldsMatch::Superset,
                Some("partial") => FieldsMatch::Partial,
                _ => {
                    return Err(SchemaError::invalid(
                        "/fieldsMatch",
                        format!("unknown fieldsMatch {m}"),
                        "Use one of: exact, equal, subset, superset, partial.",
                    ));
                }
            }),
        };
        let custom_checks = match o.get("custom_checks") {
            None => Vec::new(),
            Some(Value::Array(items)) => items.clone(),
            Some(other) => {
                return Err(SchemaError::invalid(
                    "/custom_checks",
                    format!("custom_checks must be an array, found {}", type_name(other)),
                    "Write [{\"name\": \"siret\", \"params\": {...}}].",
                ));
            }
        };
        Ok(TableSchema {
            fields,
            missing_values: o
                .get("missingValues")
                .map(|m| missing_values(m, "/missingValues"))
                .transpose()?
                .unwrap_or_else(|| {
                    vec![MissingValue {
                        value: String::new(),
                        label: None,
                    }]
                }),
            primary_key,
            unique_keys,
            foreign_keys,
            fields_match,
            custom_checks,
            v2,
            extra: o
                .iter()
                .filter(|(k, _)| !SCHEMA_KEYS.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        })
    }

    /// The index of the field named `name`.
    pub fn field_index(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.name == name)
    }
}

fn foreign_key(v: &Value, pointer: &str) -> Result<ForeignKey, SchemaError> {
    let Value::Object(o) = v else {
        return Err(SchemaError::invalid(
            pointer,
            format!("a foreign key must be an object, found {}", type_name(v)),
            "Write {\"fields\": ..., \"reference\": {\"resource\": ..., \"fields\": ...}}.",
        ));
    };
    let fields = string_or_list(
        o.get("fields").unwrap_or(&Value::Null),
        &format!("{pointer}/fields"),
    )?;
    let Some(Value::Object(reference)) = o.get("reference") else {
        return Err(SchemaError::invalid(
            format!("{pointer}/reference"),
            "a foreign key needs a \"reference\" object",
            "Write \"reference\": {\"resource\": \"\", \"fields\": [...]}.",
        ));
    };
    let reference_fields = string_or_list(
        reference.get("fields").unwrap_or(&Value::Null),
        &format!("{pointer}/reference/fields"),
    )?;
    if reference_fields.len() != fields.len() {
        return Err(SchemaError::invalid(
            pointer,
            format!(
                "the key has {} field(s) but the reference has {}",
                fields.len(),
                reference_fields.len()
            ),
            "Give as many reference fields as local fields.",
        ));
    }
    Ok(ForeignKey {
        fields,
        resource: reference
            .get("resource")
            .and_then(Value::as_str)
            .map(str::to_owned),
        reference_fields,
    })
}
