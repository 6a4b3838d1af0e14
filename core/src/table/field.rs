//! A field compiled for validation: its caster, missing values and constraints, all built
//! once from the descriptor.

use super::pattern::Pattern;
use super::types::{
    BooleanTable, Caster, GeoFormat, IntegerFormat, NumberFormat, StringFormat, TemporalFormat,
    temporal::StrptimeFormat,
};
use super::value::Value;
use crate::error::SchemaError;
use crate::schema::table::{FieldDescriptor, FieldType, MissingValue};
use hashbrown::HashSet;
use serde_json::Value as Json;
use std::sync::Arc;

/// Which raw texts mean "no value".
#[derive(Clone, Debug)]
pub(crate) enum MissingSet {
    /// Only the empty string (the default).
    Empty,
    /// Nothing is missing (`missingValues: []`).
    Nothing,
    /// A list of texts.
    List(Vec<Box<str>>),
}

impl MissingSet {
    pub(crate) fn new(values: &[MissingValue]) -> MissingSet {
        match values {
            [] => MissingSet::Nothing,
            [only] if only.value.is_empty() => MissingSet::Empty,
            many => MissingSet::List(many.iter().map(|m| m.value.as_str().into()).collect()),
        }
    }

    #[inline]
    pub(crate) fn contains(&self, cell: &str) -> bool {
        match self {
            MissingSet::Empty => cell.is_empty(),
            MissingSet::Nothing => false,
            MissingSet::List(values) => values.iter().any(|v| &**v == cell),
        }
    }
}

/// Allowed values, compared on typed values.
pub(crate) enum EnumSet {
    /// String-like fields: compared as text; a short list is scanned, a long one hashed.
    Texts(Vec<Box<str>>),
    TextHash(HashSet<Box<str>>),
    /// Other types: compared after casting (`1.50` equals `1.5`).
    Typed(Vec<Value<'static>>),
}

impl EnumSet {
    fn contains(&self, cell: &str, value: &Value<'_>) -> bool {
        match self {
            EnumSet::Texts(v) => v.iter().any(|t| &**t == cell),
            EnumSet::TextHash(h) => h.contains(cell),
            EnumSet::Typed(v) => v.iter().any(|t| t.same_as(value)),
        }
    }
}

/// One compiled constraint (other than `required` and `unique`, handled by the row and
/// key checks).
pub(crate) enum Check {
    MinLength(usize),
    MaxLength(usize),
    Minimum(Value<'static>),
    Maximum(Value<'static>),
    ExclusiveMinimum(Value<'static>),
    ExclusiveMaximum(Value<'static>),
    Pattern(Box<Pattern>),
    Enum(EnumSet),
    /// v2 `jsonSchema` on `object` and `array` fields.
    JsonSchema(Box<jsonschema::Validator>),
}

/// A compiled constraint with the name and value to report when it fails.
pub(crate) struct Constraint {
    pub check: Check,
    pub name: &'static str,
    /// What an error quotes as `params.value` (for a long `enum`, its first values only),
    /// shared by every error of the constraint.
    pub value: Arc<Json>,
    /// For `enum`: the list's size and its closest-value index.
    pub allowed: Option<Box<AllowedValues>>,
}

/// What an `enum` error needs beyond the quoted values, built once per field: every error
/// of a 35 000-value list would otherwise copy the list and scan it whole.
pub(crate) struct AllowedValues {
    /// How many values the list has (`params.value_count` when not all are quoted).
    pub count: usize,
    /// The text values, for the closest-value hint.
    texts: Vec<Box<str>>,
    index: std::sync::OnceLock<super::closest::ClosestIndex>,
}

impl AllowedValues {
    fn new(values: &[Json]) -> AllowedValues {
        AllowedValues {
            count: values.len(),
            texts: values
                .iter()
                .filter_map(|v| v.as_str().map(Into::into))
                .collect(),
            index: std::sync::OnceLock::new(),
        }
    }

    /// The allowed text value closest to `cell`, if one is close enough to suggest. The
    /// index is built at the first wrong cell (most files never need it).
    pub(crate) fn closest(&self, cell: &str) -> Option<&str> {
        let index = self
            .index
            .get_or_init(|| super::closest::ClosestIndex::new(self.texts.iter().map(|t| &**t)));
        index.closest(cell).map(|i| &*self.texts[i])
    }
}

impl Constraint {
    /// Whether `value` (cast from `cell`) satisfies the constraint.
    #[inline]
    pub(crate) fn holds(&self, cell: &str, value: &Value<'_>) -> bool {
        use std::cmp::Ordering::*;
        match &self.check {
            Check::MinLength(n) => value.length().is_none_or(|l| l >= *n),
            Check::MaxLength(n) => value.length().is_none_or(|l| l <= *n),
            // NaN compares with nothing, so it fails every bound (as in frictionless).
            Check::Minimum(b) => matches!(value.compare(b), Some(Greater | Equal)),
            Check::Maximum(b) => matches!(value.compare(b), Some(Less | Equal)),
            Check::ExclusiveMinimum(b) => matches!(value.compare(b), Some(Greater)),
            Check::ExclusiveMaximum(b) => matches!(value.compare(b), Some(Less)),
            Check::Pattern(p) => p.is_match(cell),
            Check::Enum(set) => set.contains(cell, value),
            Check::JsonSchema(validator) => match value {
                Value::Json(json) => validator.is_valid(json),
                _ => true,
            },
        }
    }
}

/// What casts and checks one value (a field, or the items of an `arrayItem`).
pub(crate) struct ItemChecker {
    pub caster: Caster,
    pub constraints: Vec<Constraint>,
}

impl super::types::CheckItem for ItemChecker {
    /// Strings are cast as cells, other JSON values through their JSON text.
    fn check_json_item(&self, item: &Json) -> Result<(), ()> {
        let text;
        let cell = match item {
            Json::String(s) => s.as_str(),
            other => {
                text = other.to_string();
                text.as_str()
            }
        };
        let value = self.caster.cast(cell)?;
        if self.constraints.iter().all(|c| c.holds(cell, &value)) {
            Ok(())
        } else {
            Err(())
        }
    }
}

/// A field ready for validation.
pub(crate) struct CompiledField {
    pub name: String,
    pub field_type: FieldType,
    pub format: String,
    pub checker: ItemChecker,
    pub missing: MissingSet,
    pub required: bool,
    pub unique: bool,
    pub example: Option<String>,
    /// Boolean accepted values, for messages.
    pub boolean_values: Option<(Vec<String>, Vec<String>)>,
    /// The parameters of this field's type errors, shared by all of them.
    pub type_params: TypeParams,
}

/// What a field's type errors quote (`type`, `format`, a boolean's `trueValues` and
/// `falseValues`), built once: each error points to these rather than copying them (the
/// two lists alone took 550 bytes per boolean error).
pub(crate) struct TypeParams {
    pub type_name: Arc<Json>,
    pub format: Arc<Json>,
    pub boolean_values: Option<(Arc<Json>, Arc<Json>)>,
}

impl TypeParams {
    fn new(f: &FieldDescriptor, boolean_values: Option<&(Vec<String>, Vec<String>)>) -> Self {
        TypeParams {
            type_name: Arc::new(f.field_type.name().into()),
            format: Arc::new(f.format.as_str().into()),
            boolean_values: boolean_values
                .map(|(t, f)| (Arc::new(t.clone().into()), Arc::new(f.clone().into()))),
        }
    }
}

fn single_char(
    value: &Option<String>,
    default: Option<char>,
    pointer: &str,
) -> Result<Option<char>, SchemaError> {
    match value {
        None => Ok(default),
        Some(s) if s.is_empty() => Ok(None),
        Some(s) => {
            let mut chars = s.chars();
            let c = chars.next();
            if chars.next().is_some() {
                return Err(SchemaError::invalid(
                    pointer,
                    format!("{s:?} must be a single character"),
                    "Write one character, such as \",\" or \" \".",
                ));
            }
            Ok(c)
        }
    }
}

fn temporal_format(format: &str, pointer: &str) -> Result<TemporalFormat, SchemaError> {
    match format {
        "default" => Ok(TemporalFormat::Default),
        "any" => Ok(TemporalFormat::Any),
        pattern => StrptimeFormat::compile(pattern)
            .map(TemporalFormat::Pattern)
            .map_err(|e| {
                SchemaError::invalid(
                    format!("{pointer}/format"),
                    format!("the date format {pattern:?} cannot be used ({})", e.what),
                    "Use strptime directives such as %Y-%m-%d or %d/%m/%Y.",
                )
            }),
    }
}

fn caster_for(f: &FieldDescriptor, v2: bool) -> Result<Caster, SchemaError> {
    let p = &f.pointer;
    let bad_format = || {
        SchemaError::invalid(
            format!("{p}/format"),
            format!(
                "format {:?} is not defined for type {}",
                f.format,
                f.field_type.name()
            ),
            "Remove the format, or use one the type defines (see the Table Schema specification).",
        )
    };
    Ok(match f.field_type {
        FieldType::String => {
            Caster::String(StringFormat::from_name(&f.format).unwrap_or(StringFormat::Default))
        }
        FieldType::Number => Caster::Number(NumberFormat {
            decimal: single_char(&f.decimal_char, Some('.'), &format!("{p}/decimalChar"))?
                .unwrap_or('.'),
            group: single_char(&f.group_char, None, &format!("{p}/groupChar"))?,
            bare: f.bare_number,
        }),
        FieldType::Integer => Caster::Integer(IntegerFormat {
            group: single_char(&f.group_char, None, &format!("{p}/groupChar"))?,
            bare: f.bare_number,
        }),
        FieldType::Boolean => Caster::Boolean(BooleanTable::new(
            f.true_values.as_deref(),
            f.false_values.as_deref(),
        )),
        FieldType::Date => Caster::Date(temporal_format(&f.format, p)?),
        FieldType::Time => Caster::Time(temporal_format(&f.format, p)?),
        FieldType::DateTime => Caster::DateTime(temporal_format(&f.format, p)?),
        FieldType::Year => Caster::Year,
        FieldType::YearMonth => Caster::YearMonth,
        FieldType::Duration => Caster::Duration,
        FieldType::GeoPoint => Caster::GeoPoint(match f.format.as_str() {
            "default" => GeoFormat::Default,
            "array" => GeoFormat::Array,
            "object" => GeoFormat::Object,
            _ => return Err(bad_format()),
        }),
        FieldType::GeoJson => Caster::GeoJson {
            topojson: match f.format.as_str() {
                "default" => false,
                "topojson" => true,
                _ => return Err(bad_format()),
            },
        },
        FieldType::Object => Caster::Object,
        FieldType::Array => Caster::Array(
            f.array_item
                .as_ref()
                .map(|item| {
                    compile_checker(item, v2)
                        .map(|c| Box::new(c) as Box<dyn super::types::CheckItem>)
                })
                .transpose()?,
        ),
        FieldType::List => {
            let item_type = f.item_type.unwrap_or(FieldType::String);
            if !matches!(
                item_type,
                FieldType::String
                    | FieldType::Integer
                    | FieldType::Boolean
                    | FieldType::Number
                    | FieldType::DateTime
                    | FieldType::Date
                    | FieldType::Time
            ) {
                return Err(SchemaError::invalid(
                    format!("{p}/itemType"),
                    format!("list items cannot be of type {}", item_type.name()),
                    "Use string, integer, boolean, number, datetime, date or time.",
                ));
            }
            let item = FieldDescriptor {
                field_type: item_type,
                format: "default".into(),
                ..f.clone()
            };
            Caster::List {
                delimiter: f.delimiter.clone().unwrap_or_else(|| ",".into()),
                item: Box::new(caster_for(&item, v2)?),
            }
        }
        FieldType::Any => Caster::Any,
    })
}

fn json_text(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        // An integral JSON number reads as an integer (`0.0` is a fine `minimum` for an
        // integer field).
        Json::Number(n)
            if n.as_f64()
                .is_some_and(|f| f.fract() == 0.0 && f.abs() < 1e15)
                && !n.is_i64()
                && !n.is_u64() =>
        {
            format!("{}", n.as_f64().unwrap_or(0.0) as i64)
        }
        other => other.to_string(),
    }
}

fn owned(v: Value<'_>) -> Option<Value<'static>> {
    Some(match v {
        Value::String(_) | Value::List(..) => return None,
        Value::Integer(i) => Value::Integer(i),
        Value::Number(n) => Value::Number(n),
        Value::Boolean(b) => Value::Boolean(b),
        Value::Date(d) => Value::Date(d),
        Value::Time(t) => Value::Time(t),
        Value::DateTime(t) => Value::DateTime(t),
        Value::Year(y) => Value::Year(y),
        Value::YearMonth(y, m) => Value::YearMonth(y, m),
        Value::Duration(d) => Value::Duration(d),
        Value::GeoPoint(a, b) => Value::GeoPoint(a, b),
        Value::Json(j) => Value::Json(j),
    })
}

fn is_textual(t: FieldType) -> bool {
    matches!(t, FieldType::String | FieldType::Any | FieldType::List)
}

fn bound(
    caster: &Caster,
    f: &FieldDescriptor,
    name: &str,
    raw: &Json,
) -> Result<Value<'static>, SchemaError> {
    let pointer = format!("{}/constraints/{name}", f.pointer);
    if !matches!(
        f.field_type,
        FieldType::Integer
            | FieldType::Number
            | FieldType::Date
            | FieldType::Time
            | FieldType::DateTime
            | FieldType::Year
            | FieldType::YearMonth
            | FieldType::Duration
    ) {
        return Err(SchemaError::invalid(
            pointer,
            format!("{name} does not apply to type {}", f.field_type.name()),
            "Bounds apply to numbers, dates, times, years and durations; remove it or change the type.",
        ));
    }
    let text = json_text(raw);
    // Bounds of dates and times are usually written in ISO form even when the cells use
    // another format (`%d/%m/%Y`): accept both.
    let iso = match f.field_type {
        FieldType::Date => Some(Caster::Date(TemporalFormat::Default)),
        FieldType::Time => Some(Caster::Time(TemporalFormat::Default)),
        FieldType::DateTime => Some(Caster::DateTime(TemporalFormat::Default)),
        _ => None,
    };
    let typed = caster
        .cast(&text)
        .ok()
        .or_else(|| iso.as_ref().and_then(|c| c.cast(&text).ok()));
    typed.and_then(owned).ok_or_else(|| {
        SchemaError::invalid(
            pointer,
            format!("{raw} is not a valid {} value", f.field_type.name()),
            format!(
                "Write the bound as the field's own values are written (format {:?}).",
                f.format
            ),
        )
    })
}

fn enum_set(caster: &Caster, f: &FieldDescriptor, values: &[Json]) -> EnumSet {
    if is_textual(f.field_type) {
        let texts: Vec<Box<str>> = values
            .iter()
            .map(|v| json_text(v).into_boxed_str())
            .collect();
        // Scanning beats hashing for the short enums the catalogue mostly has (median 5).
        if texts.len() <= 12 {
            EnumSet::Texts(texts)
        } else {
            EnumSet::TextHash(texts.into_iter().collect())
        }
    } else {
        // Values that do not cast can never match a valid cell: they are dropped here and
        // reported by the schema linter.
        EnumSet::Typed(
            values
                .iter()
                .filter_map(|v| caster.cast(&json_text(v)).ok().and_then(owned))
                .collect(),
        )
    }
}

/// Builds a bound check from its typed value.
type MakeBound = fn(Value<'static>) -> Check;

fn compile_constraints(
    caster: &Caster,
    f: &FieldDescriptor,
) -> Result<Vec<Constraint>, SchemaError> {
    let c = &f.constraints;
    let mut out = Vec::new();
    let lengthy = matches!(
        f.field_type,
        FieldType::String | FieldType::Array | FieldType::Object | FieldType::List | FieldType::Any
    );
    let length_check = |name: &str| -> Result<(), SchemaError> {
        if lengthy {
            Ok(())
        } else {
            Err(SchemaError::invalid(
                format!("{}/constraints/{name}", f.pointer),
                format!("{name} does not apply to type {}", f.field_type.name()),
                "Lengths apply to strings, arrays, objects and lists; use minimum/maximum for numbers.",
            ))
        }
    };
    if let Some(n) = c.min_length {
        length_check("minLength")?;
        out.push(Constraint {
            check: Check::MinLength(n as usize),
            name: "minLength",
            value: Arc::new(n.into()),
            allowed: None,
        });
    }
    if let Some(n) = c.max_length {
        length_check("maxLength")?;
        out.push(Constraint {
            check: Check::MaxLength(n as usize),
            name: "maxLength",
            value: Arc::new(n.into()),
            allowed: None,
        });
    }
    let bounds: [(&'static str, &Option<Json>, MakeBound); 4] = [
        ("minimum", &c.minimum, Check::Minimum),
        ("maximum", &c.maximum, Check::Maximum),
        (
            "exclusiveMinimum",
            &c.exclusive_minimum,
            Check::ExclusiveMinimum,
        ),
        (
            "exclusiveMaximum",
            &c.exclusive_maximum,
            Check::ExclusiveMaximum,
        ),
    ];
    for (name, raw, make) in bounds {
        if let Some(raw) = raw {
            out.push(Constraint {
                check: make(bound(caster, f, name, raw)?),
                name,
                value: Arc::new(raw.clone()),
                allowed: None,
            });
        }
    }
    if let Some(p) = &c.pattern {
        let pointer = format!("{}/constraints/pattern", f.pointer);
        if !matches!(f.field_type, FieldType::String | FieldType::Any) {
            return Err(SchemaError::invalid(
                pointer,
                format!("pattern does not apply to type {}", f.field_type.name()),
                "Patterns apply to strings; change the type to string or remove the pattern.",
            ));
        }
        out.push(Constraint {
            check: Check::Pattern(Box::new(Pattern::compile(p, &pointer)?)),
            name: "pattern",
            value: Arc::new(p.clone().into()),
            allowed: None,
        });
    }
    if let Some(schema) = &c.json_schema {
        let pointer = format!("{}/constraints/jsonSchema", f.pointer);
        if !matches!(f.field_type, FieldType::Object | FieldType::Array) {
            return Err(SchemaError::invalid(
                pointer,
                format!("jsonSchema does not apply to type {}", f.field_type.name()),
                "A jsonSchema constraint checks object and array fields; change the type or remove it.",
            ));
        }
        let validator = jsonschema::options()
            .should_validate_formats(true)
            .build(schema)
            .map_err(|e| {
                SchemaError::invalid(
                    pointer.clone(),
                    format!("the JSON Schema cannot be compiled: {e}"),
                    "Fix the embedded JSON Schema (or check it with a JSON Schema validator).",
                )
            })?;
        out.push(Constraint {
            check: Check::JsonSchema(Box::new(validator)),
            name: "jsonSchema",
            value: Arc::new(schema.clone()),
            allowed: None,
        });
    }
    let allowed = match (&c.enum_values, &f.categories) {
        (Some(e), _) => Some(e.as_slice()),
        (None, Some(cats)) => Some(cats.as_slice()),
        (None, None) => None,
    };
    if let Some(values) = allowed {
        let quoted = values.len().min(crate::limits::ENUM_VALUES_QUOTED);
        out.push(Constraint {
            check: Check::Enum(enum_set(caster, f, values)),
            name: "enum",
            value: Arc::new(Json::Array(values[..quoted].to_vec())),
            allowed: Some(Box::new(AllowedValues::new(values))),
        });
    }
    Ok(out)
}

fn compile_checker(f: &FieldDescriptor, v2: bool) -> Result<ItemChecker, SchemaError> {
    let caster = caster_for(f, v2)?;
    let constraints = compile_constraints(&caster, f)?;
    Ok(ItemChecker {
        caster,
        constraints,
    })
}

impl CompiledField {
    /// Whether `text` is a valid cell for this field (missing values, type, constraints).
    pub(crate) fn accepts(&self, text: &str) -> bool {
        if self.missing.contains(text) {
            return !self.required;
        }
        match self.checker.caster.cast(text) {
            Ok(value) => self
                .checker
                .constraints
                .iter()
                .all(|c| c.holds(text, &value)),
            Err(()) => false,
        }
    }

    pub(crate) fn compile(
        f: &FieldDescriptor,
        schema_missing: &[MissingValue],
        v2: bool,
    ) -> Result<CompiledField, SchemaError> {
        let checker = compile_checker(f, v2)?;
        let boolean_values = match &checker.caster {
            Caster::Boolean(t) => Some((t.true_values.clone(), t.false_values.clone())),
            _ => None,
        };
        let type_params = TypeParams::new(f, boolean_values.as_ref());
        Ok(CompiledField {
            name: f.name.clone(),
            field_type: f.field_type,
            format: f.format.clone(),
            missing: MissingSet::new(f.missing_values.as_deref().unwrap_or(schema_missing)),
            required: f.constraints.required,
            unique: f.constraints.unique,
            example: f.example.as_ref().map(json_text),
            boolean_values,
            type_params,
            checker,
        })
    }
}
