//! Casting a cell's text to its field's type and format.
//!
//! Every caster is built once per schema; `cast` allocates nothing for the scalar types.

mod boolean;
mod geo;
mod json;
mod number;
mod strings;
pub mod temporal;

pub(crate) use boolean::BooleanTable;
pub(crate) use geo::GeoFormat;
pub(crate) use number::{IntegerFormat, NumberFormat};
pub(crate) use strings::StringFormat;

use super::value::Value;
use temporal::StrptimeFormat;

/// How dates, times and datetimes are written.
pub(crate) enum TemporalFormat {
    /// The ISO forms of the spec.
    Default,
    /// `any`: a documented heuristic.
    Any,
    /// A strptime pattern such as `%d/%m/%Y`.
    Pattern(StrptimeFormat),
}

/// Checks one item of a JSON array (`arrayItem`): implemented by the field compiler, which
/// owns constraints (a trait keeps the casts free of the field module).
pub(crate) trait CheckItem: Send + Sync {
    /// `Ok` when the item casts and meets its constraints.
    fn check_json_item(&self, item: &serde_json::Value) -> Result<(), ()>;
}

/// A compiled cast from text to one Table Schema type.
pub(crate) enum Caster {
    String(StringFormat),
    Number(NumberFormat),
    Integer(IntegerFormat),
    Boolean(BooleanTable),
    Date(TemporalFormat),
    Time(TemporalFormat),
    DateTime(TemporalFormat),
    Year,
    YearMonth,
    Duration,
    GeoPoint(GeoFormat),
    GeoJson {
        topojson: bool,
    },
    Object,
    Array(Option<Box<dyn CheckItem>>),
    List {
        delimiter: String,
        item: Box<Caster>,
    },
    Any,
}

impl Caster {
    /// Whether every text casts (plain `string`, `any`): such a cell can only be missing.
    pub(crate) fn accepts_any_text(&self) -> bool {
        matches!(self, Caster::String(StringFormat::Default) | Caster::Any)
    }

    /// Casts `cell`, or `Err(())` for a type error.
    #[inline]
    pub(crate) fn cast<'a>(&self, cell: &'a str) -> Result<Value<'a>, ()> {
        match self {
            Caster::String(StringFormat::Default) | Caster::Any => Ok(Value::String(cell)),
            Caster::String(f) => f.check(cell).then_some(Value::String(cell)).ok_or(()),
            Caster::Number(f) => f.parse(cell).map(Value::Number).ok_or(()),
            Caster::Integer(f) => f.parse(cell).ok_or(()),
            Caster::Boolean(t) => t.parse(cell).map(Value::Boolean).ok_or(()),
            Caster::Date(f) => cast_date(f, cell).map(Value::Date).ok_or(()),
            Caster::Time(f) => cast_time(f, cell).map(Value::Time).ok_or(()),
            Caster::DateTime(f) => cast_datetime(f, cell).map(Value::DateTime).ok_or(()),
            Caster::Year => temporal::parse_year(cell).map(Value::Year).map_err(drop),
            Caster::YearMonth => temporal::parse_yearmonth(cell)
                .map(|(y, m)| Value::YearMonth(y, m))
                .map_err(drop),
            Caster::Duration => temporal::parse_duration(cell)
                .map(Value::Duration)
                .map_err(drop),
            Caster::GeoPoint(f) => f
                .parse(cell)
                .map(|(lon, lat)| Value::GeoPoint(lon, lat))
                .ok_or(()),
            Caster::GeoJson { topojson } => json::parse_geojson(cell, *topojson)
                .map(Value::Json)
                .ok_or(()),
            Caster::Object => json::parse_object(cell).map(Value::Json).ok_or(()),
            Caster::Array(item) => {
                let array = json::parse_array(cell).ok_or(())?;
                if let (Some(item), serde_json::Value::Array(items)) = (item, &array) {
                    for v in items {
                        item.check_json_item(v)?;
                    }
                }
                Ok(Value::Json(array))
            }
            Caster::List { delimiter, item } => {
                if cell.is_empty() {
                    return Ok(Value::List(cell, 0));
                }
                let mut n = 0;
                for part in cell.split(delimiter.as_str()) {
                    item.cast(part)?;
                    n += 1;
                }
                Ok(Value::List(cell, n))
            }
        }
    }
}

fn cast_date(f: &TemporalFormat, cell: &str) -> Option<temporal::Date> {
    match f {
        TemporalFormat::Default => temporal::parse_iso_date(cell).ok(),
        TemporalFormat::Any => temporal::parse_any_date(cell).ok(),
        TemporalFormat::Pattern(p) => p.parse_date(cell).ok(),
    }
}

fn cast_time(f: &TemporalFormat, cell: &str) -> Option<temporal::Time> {
    match f {
        // frictionless guards its ISO parser: `hh:mm:ss` at least.
        TemporalFormat::Default => {
            let b = cell.as_bytes();
            if b.len() < 8 || b[2] != b':' || b[5] != b':' {
                return None;
            }
            temporal::parse_iso_time(cell).ok()
        }
        TemporalFormat::Any => temporal::parse_any_time(cell).ok(),
        TemporalFormat::Pattern(p) => p.parse_time(cell).ok(),
    }
}

fn cast_datetime(f: &TemporalFormat, cell: &str) -> Option<temporal::DateTime> {
    match f {
        // frictionless 5 requires at least `YYYY-MM-DDThh:mm:ss` before its ISO parser:
        // a date alone (`2023-12-31`) is a type error.
        TemporalFormat::Default => {
            let b = cell.as_bytes();
            if b.len() < 19 || b[16] != b':' {
                return None;
            }
            temporal::parse_iso_datetime(cell).ok()
        }
        TemporalFormat::Any => temporal::parse_any_datetime(cell).ok(),
        TemporalFormat::Pattern(p) => p.parse_datetime(cell).ok(),
    }
}
