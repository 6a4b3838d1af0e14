//! Typed cell values: what constraints, enums and keys compare.

use super::types::temporal::{Date, DateTime, Duration, Time};
use std::cmp::Ordering;

/// A cell after casting to its field's type. Strings borrow the cell text.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    /// `string`, `any`
    String(&'a str),
    /// `integer` (arbitrary-size integers beyond i128 become `Number`)
    Integer(i128),
    /// `number`
    Number(f64),
    /// `boolean`
    Boolean(bool),
    /// `date`
    Date(Date),
    /// `time`
    Time(Time),
    /// `datetime`
    DateTime(DateTime),
    /// `year`
    Year(i32),
    /// `yearmonth`
    YearMonth(i32, u8),
    /// `duration`
    Duration(Duration),
    /// `geopoint` (lon, lat)
    GeoPoint(f64, f64),
    /// `object`, `array`, `geojson`
    Json(serde_json::Value),
    /// v2 `list`: the raw text and the number of items (each already checked)
    List(&'a str, usize),
}

impl Value<'_> {
    /// Orders two values of the same field (`None` when they cannot be ordered, e.g. NaN).
    pub fn compare(&self, other: &Value<'_>) -> Option<Ordering> {
        use Value::*;
        match (self, other) {
            (Integer(a), Integer(b)) => Some(a.cmp(b)),
            (Integer(a), Number(b)) => (*a as f64).partial_cmp(b),
            (Number(a), Integer(b)) => a.partial_cmp(&(*b as f64)),
            (Number(a), Number(b)) => a.partial_cmp(b),
            (String(a), String(b)) => Some(a.cmp(b)),
            (Boolean(a), Boolean(b)) => Some(a.cmp(b)),
            (Date(a), Date(b)) => Some(a.cmp(b)),
            (Time(a), Time(b)) => Some(a.cmp_key().cmp(&b.cmp_key())),
            (DateTime(a), DateTime(b)) => Some(a.cmp_key().cmp(&b.cmp_key())),
            (Year(a), Year(b)) => Some(a.cmp(b)),
            (YearMonth(ay, am), YearMonth(by, bm)) => Some((ay, am).cmp(&(by, bm))),
            (Duration(a), Duration(b)) => a.cmp_key().partial_cmp(&b.cmp_key()),
            (GeoPoint(a1, a2), GeoPoint(b1, b2)) => match a1.partial_cmp(b1)? {
                Ordering::Equal => a2.partial_cmp(b2),
                o => Some(o),
            },
            (Json(a), Json(b)) => (a == b).then_some(Ordering::Equal),
            (List(a, _), List(b, _)) => Some(a.cmp(b)),
            _ => None,
        }
    }

    /// Equality as enums compare (`1.50` equals `1.5`).
    pub fn same_as(&self, other: &Value<'_>) -> bool {
        self.compare(other) == Some(Ordering::Equal)
    }

    /// Length for `minLength`/`maxLength`: characters of a string, items of an array,
    /// object or list.
    pub fn length(&self) -> Option<usize> {
        match self {
            Value::String(s) => Some(s.chars().count()),
            Value::Json(serde_json::Value::Array(a)) => Some(a.len()),
            Value::Json(serde_json::Value::Object(o)) => Some(o.len()),
            Value::List(_, n) => Some(*n),
            _ => None,
        }
    }

    /// Appends a canonical byte form of the value to `out`, for hashing keys: equal values
    /// (as the reference compares them: `1` and `1.0` are equal) give equal bytes.
    pub fn key_bytes(&self, out: &mut Vec<u8>) {
        match self {
            Value::String(s) => {
                out.push(1);
                out.extend_from_slice(&(s.len() as u64).to_le_bytes());
                out.extend_from_slice(s.as_bytes());
            }
            Value::Integer(i) => {
                out.push(2);
                out.extend_from_slice(&i.to_le_bytes());
            }
            Value::Number(f) => {
                if f.fract() == 0.0 && f.abs() < 1e30 {
                    Value::Integer(*f as i128).key_bytes(out);
                } else {
                    out.push(3);
                    out.extend_from_slice(&f.to_bits().to_le_bytes());
                }
            }
            Value::Boolean(b) => out.extend_from_slice(&[4, *b as u8]),
            Value::Date(d) => {
                out.push(5);
                out.extend_from_slice(&d.year.to_le_bytes());
                out.extend_from_slice(&[d.month, d.day]);
            }
            Value::Time(t) => {
                out.push(6);
                let (s, n) = t.cmp_key();
                out.extend_from_slice(&s.to_le_bytes());
                out.extend_from_slice(&n.to_le_bytes());
            }
            Value::DateTime(t) => {
                out.push(7);
                let (s, n) = t.cmp_key();
                out.extend_from_slice(&s.to_le_bytes());
                out.extend_from_slice(&n.to_le_bytes());
            }
            Value::Year(y) => {
                out.push(8);
                out.extend_from_slice(&y.to_le_bytes());
            }
            Value::YearMonth(y, m) => {
                out.push(9);
                out.extend_from_slice(&y.to_le_bytes());
                out.push(*m);
            }
            Value::Duration(d) => {
                out.push(10);
                let (m, s) = d.cmp_key();
                out.extend_from_slice(&m.to_bits().to_le_bytes());
                out.extend_from_slice(&s.to_bits().to_le_bytes());
            }
            Value::GeoPoint(a, b) => {
                out.push(11);
                out.extend_from_slice(&a.to_bits().to_le_bytes());
                out.extend_from_slice(&b.to_bits().to_le_bytes());
            }
            Value::Json(j) => {
                out.push(12);
                out.extend_from_slice(j.to_string().as_bytes());
                out.push(0);
            }
            Value::List(raw, _) => Value::String(raw).key_bytes(out),
        }
    }
}
