//! Realistic rows for any Table Schema, valid by construction (every value is checked by the
//! validator's own compiled field before it is written), with optional injected errors and
//! a log of where they are. Producers use it for an example file or a template; the
//! benchmarks use it so that anyone can reproduce them.
//!
//! ```
//! use conforme::generate::{GenerateOptions, generate};
//! let schema = conforme::Schema::from_slice(br#"{"fields": [
//!     {"name": "siret", "type": "string", "constraints": {"required": true, "pattern": "\\d{14}"}},
//!     {"name": "montant", "type": "number", "constraints": {"minimum": 0, "maximum": 10}}
//! ]}"#).unwrap();
//! let mut csv = Vec::new();
//! let injected = generate(&schema, &GenerateOptions { rows: 50, ..Default::default() }, &mut csv).unwrap();
//! assert!(injected.is_empty());
//! assert!(conforme::Validator::new(&schema).validate_slice(&csv).unwrap().valid);
//! ```

mod regex_gen;
mod rng;
mod values;

use crate::schema::{FieldDescriptor, FieldType, Schema};
use crate::table::CompiledField;
use crate::table::types::temporal::{self, Date};
use regex_gen::RegexGen;
use rng::Rng;
use serde_json::Value as Json;
use std::collections::HashSet;
use std::io::Write;

/// What to generate.
#[derive(Clone, Debug)]
pub struct GenerateOptions {
    /// Data rows (the header excluded).
    pub rows: u64,
    /// Seed: the same seed gives the same file.
    pub seed: u64,
    /// Share of rows (0 to 1) that get one injected error.
    pub error_rate: f64,
    /// Share of optional cells left empty.
    pub missing_rate: f64,
    /// Field delimiter.
    pub delimiter: u8,
}

impl Default for GenerateOptions {
    fn default() -> Self {
        GenerateOptions {
            rows: 100,
            seed: 42,
            error_rate: 0.0,
            missing_rate: 0.1,
            delimiter: b',',
        }
    }
}

/// One error written on purpose.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct InjectedError {
    /// Row number as reports count it (the header is row 1).
    pub row: u64,
    /// Field name.
    pub field: String,
    /// What was broken: `type`, `required`, `enum`, `pattern`, `range`, `length`.
    pub kind: &'static str,
    /// The value written.
    pub value: String,
}

/// Candidates tried for a valid value before falling back to the field's example.
const VALID_VALUE_TRIES: usize = 200;

/// Per-field generation plan, built once.
struct FieldPlan<'s> {
    descriptor: &'s FieldDescriptor,
    compiled: &'s CompiledField,
    pattern: Option<RegexGen>,
    unique: bool,
    /// Text written for "no value" (`None` when the field has no missing value).
    missing: Option<String>,
    seen: HashSet<String>,
}

fn number(v: &Option<Json>) -> Option<f64> {
    v.as_ref().and_then(|j| {
        j.as_f64()
            .or_else(|| j.as_str().and_then(|s| s.parse().ok()))
    })
}

fn date_bound(v: &Option<Json>) -> Option<Date> {
    v.as_ref()
        .and_then(Json::as_str)
        .and_then(|s| temporal::parse_iso_date(s.get(..10).unwrap_or(s)).ok())
}

fn json_text(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl FieldPlan<'_> {
    fn numeric_range(&self, default: (f64, f64)) -> (f64, f64) {
        let c = &self.descriptor.constraints;
        let lo = number(&c.minimum)
            .or(number(&c.exclusive_minimum).map(|x| x + 1.0))
            .unwrap_or(default.0);
        let hi = number(&c.maximum)
            .or(number(&c.exclusive_maximum).map(|x| x - 1.0))
            .unwrap_or(lo.max(default.1));
        (lo, hi.max(lo))
    }

    fn date_range(&self) -> (Date, Date) {
        let c = &self.descriptor.constraints;
        let lo = date_bound(&c.minimum)
            .or(date_bound(&c.exclusive_minimum))
            .unwrap_or(Date {
                year: 2015,
                month: 1,
                day: 1,
            });
        let hi = date_bound(&c.maximum)
            .or(date_bound(&c.exclusive_maximum))
            .unwrap_or(Date {
                year: 2025,
                month: 12,
                day: 31,
            });
        (lo, if hi < lo { lo } else { hi })
    }

    /// A candidate value (checked by the caller).
    fn candidate(&self, rng: &mut Rng, row: u64) -> String {
        let d = self.descriptor;
        let c = &d.constraints;
        if let Some(values) = c
            .enum_values
            .as_ref()
            .or(d.categories.as_ref())
            .filter(|v| !v.is_empty())
        {
            return json_text(rng.pick(values));
        }
        let name = d.name.to_lowercase();
        match d.field_type {
            FieldType::String => {
                if let Some(p) = &c.pattern {
                    let digits = |n: usize| {
                        p.contains(&format!("\\d{{{n}}}")) || p.contains(&format!("[0-9]{{{n}}}"))
                    };
                    if name.contains("siret") || (digits(14) && !digits(9)) {
                        return values::luhn_number(rng, 14);
                    }
                    if name.contains("siren") || digits(9) {
                        return values::luhn_number(rng, 9);
                    }
                    if let Some(g) = &self.pattern {
                        return g.generate(rng);
                    }
                }
                let mut text = match d.format.as_str() {
                    "email" => values::email(rng),
                    "uri" => values::uri(rng),
                    "uuid" => values::uuid(rng),
                    "binary" => "Y29uZm9ybWU=".to_owned(),
                    _ => values::text(rng, &name),
                };
                if self.unique {
                    text = format!("{text} {row}");
                }
                if let Some(max) = c.max_length {
                    text = text.chars().take(max as usize).collect();
                }
                if let Some(min) = c.min_length {
                    while (text.chars().count() as u64) < min {
                        text.push('x');
                    }
                }
                text
            }
            FieldType::Integer => {
                let (lo, hi) = self.numeric_range((0.0, 1000.0));
                let (lo, hi) = (lo.ceil() as i64, hi.floor() as i64);
                if self.unique {
                    (lo + row as i64).to_string()
                } else {
                    rng.range_i64(lo, hi).to_string()
                }
            }
            FieldType::Number => {
                let (lo, hi) = self.numeric_range((0.0, 1000.0));
                let v = ((lo + rng.unit() * (hi - lo)) * 100.0).round() / 100.0;
                let v = v.clamp(lo, hi);
                let text = format!("{v:.2}");
                match d.decimal_char.as_deref() {
                    Some(dc) if dc != "." => text.replace('.', dc),
                    _ => text,
                }
            }
            FieldType::Boolean => {
                let t = d.true_values.clone().unwrap_or_else(|| vec!["true".into()]);
                let f = d
                    .false_values
                    .clone()
                    .unwrap_or_else(|| vec!["false".into()]);
                if rng.chance(0.5) {
                    t[0].clone()
                } else {
                    f[0].clone()
                }
            }
            FieldType::Date => {
                let (lo, hi) = self.date_range();
                let date = values::date_between(rng, lo, hi);
                match d.format.as_str() {
                    "default" | "any" => date.to_string(),
                    f => values::strftime(f, date, 0, 0, 0),
                }
            }
            FieldType::DateTime => {
                let (lo, hi) = self.date_range();
                let date = values::date_between(rng, lo, hi);
                let (h, m, s) = (
                    rng.below(24) as u8,
                    rng.below(60) as u8,
                    rng.below(60) as u8,
                );
                match d.format.as_str() {
                    "default" | "any" => format!("{date}T{h:02}:{m:02}:{s:02}"),
                    f => values::strftime(f, date, h, m, s),
                }
            }
            FieldType::Time => {
                let (h, m, s) = (
                    rng.below(24) as u8,
                    rng.below(60) as u8,
                    rng.below(60) as u8,
                );
                match d.format.as_str() {
                    "default" | "any" => format!("{h:02}:{m:02}:{s:02}"),
                    f => values::strftime(
                        f,
                        Date {
                            year: 1900,
                            month: 1,
                            day: 1,
                        },
                        h,
                        m,
                        s,
                    ),
                }
            }
            FieldType::Year => {
                let (lo, hi) = self.numeric_range((1990.0, 2025.0));
                rng.range_i64(lo as i64, hi as i64).to_string()
            }
            FieldType::YearMonth => {
                format!("{}-{:02}", rng.range_i64(2000, 2025), 1 + rng.below(12))
            }
            FieldType::Duration => format!("P{}DT{}H", rng.below(30), rng.below(24)),
            FieldType::GeoPoint => {
                let (lon, lat) = (-1.5 + rng.unit() * 8.5, 43.0 + rng.unit() * 7.0);
                match d.format.as_str() {
                    "array" => format!("[{lon:.6}, {lat:.6}]"),
                    "object" => format!("{{\"lon\": {lon:.6}, \"lat\": {lat:.6}}}"),
                    _ => format!("{lon:.6}, {lat:.6}"),
                }
            }
            FieldType::GeoJson => format!(
                "{{\"type\": \"Point\", \"coordinates\": [{:.5}, {:.5}]}}",
                2.0 + rng.unit(),
                46.0 + rng.unit()
            ),
            FieldType::Object => format!("{{\"valeur\": {}}}", rng.below(100)),
            FieldType::Array => format!(
                "[\"{}\", \"{}\"]",
                rng.pick(values::WORDS),
                rng.pick(values::WORDS)
            ),
            FieldType::List => {
                let sep = d.delimiter.clone().unwrap_or_else(|| ",".into());
                let n = 1 + rng.below(3);
                (0..n)
                    .map(|_| match d.item_type {
                        Some(FieldType::Integer) | Some(FieldType::Number) => {
                            rng.below(100).to_string()
                        }
                        Some(FieldType::Boolean) => "true".into(),
                        Some(FieldType::Date) => values::date_between(
                            rng,
                            Date {
                                year: 2020,
                                month: 1,
                                day: 1,
                            },
                            Date {
                                year: 2024,
                                month: 12,
                                day: 31,
                            },
                        )
                        .to_string(),
                        _ => rng.pick(values::WORDS).to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(&sep)
            }
            FieldType::Any => values::text(rng, &name),
        }
    }

    /// A valid value: candidates are checked with the validator's own field.
    fn valid_value(&mut self, rng: &mut Rng, row: u64) -> String {
        let mut last = String::new();
        // Patterns with anchors inside repetitions (IRVE's `id_station`) make most walks
        // miss; failures are cheap to retry and a wrong "valid" row is not.
        for _ in 0..VALID_VALUE_TRIES {
            let v = self.candidate(rng, row);
            if self.compiled.accepts(&v) && !(self.unique && self.seen.contains(&v)) {
                if self.unique {
                    self.seen.insert(v.clone());
                }
                return v;
            }
            last = v;
        }
        if let Some(example) = self.descriptor.example.as_ref().map(json_text)
            && self.compiled.accepts(&example)
            && !self.unique
        {
            return example;
        }
        last
    }

    /// A value the field rejects, and what kind of error it is.
    fn broken_value(&self, rng: &mut Rng) -> Option<(&'static str, String)> {
        let c = &self.descriptor.constraints;
        let mut tries: Vec<(&'static str, String)> = Vec::new();
        if c.required
            && let Some(m) = &self.missing
        {
            tries.push(("required", m.clone()));
        }
        if c.enum_values.is_some() {
            tries.push(("enum", "valeur-inconnue".into()));
        }
        if c.pattern.is_some() {
            tries.push(("pattern", "###".into()));
        }
        if let Some(max) = c.max_length {
            tries.push(("length", "x".repeat(max as usize + 1)));
        }
        if let Some(min) = number(&c.minimum) {
            tries.push(("range", format!("{}", min - 1.0)));
        }
        if let Some(max) = number(&c.maximum) {
            tries.push(("range", format!("{}", max + 1.0)));
        }
        let bad_type = match self.descriptor.field_type {
            FieldType::Integer => "12,5",
            FieldType::Number => "1 234,5",
            FieldType::Boolean => "peut-être",
            FieldType::Date => "31/02/2023",
            FieldType::DateTime => "2023-02-31 25:00",
            FieldType::Time => "25h",
            FieldType::Year => "deux mille",
            FieldType::GeoPoint => "48.85 2.35",
            FieldType::String if self.descriptor.format == "email" => "contact@",
            FieldType::String if self.descriptor.format == "uri" => "www sans schéma",
            _ => "{",
        };
        tries.push(("type", bad_type.into()));
        // Start at a random kind so every kind appears in the log.
        let n = tries.len();
        let first = rng.below(n as u64) as usize;
        (0..n)
            .map(|i| &tries[(first + i) % n])
            .find(|(_, v)| !self.compiled.accepts(v))
            .cloned()
    }
}

/// Writes `options.rows` rows for `schema` as CSV to `out`; returns the injected errors.
pub fn generate<W: Write>(
    schema: &Schema,
    options: &GenerateOptions,
    out: W,
) -> std::io::Result<Vec<InjectedError>> {
    let table = schema.table();
    let compiled = schema.compiled();
    let key_fields: HashSet<&str> = table.primary_key.iter().map(String::as_str).collect();
    let mut plans: Vec<FieldPlan<'_>> = table
        .fields
        .iter()
        .zip(&compiled.fields)
        .map(|(d, c)| FieldPlan {
            pattern: d.constraints.pattern.as_deref().and_then(RegexGen::new),
            unique: d.constraints.unique
                || (key_fields.len() == 1 && key_fields.contains(d.name.as_str())),
            missing: d
                .missing_values
                .as_ref()
                .unwrap_or(&table.missing_values)
                .first()
                .map(|m| m.value.clone()),
            descriptor: d,
            compiled: c,
            seen: HashSet::new(),
        })
        .collect();
    let mut rng = Rng::new(options.seed);
    let mut writer = csv::WriterBuilder::new()
        .delimiter(options.delimiter)
        .from_writer(out);
    writer.write_record(table.fields.iter().map(|f| f.name.as_str()))?;
    let mut injected = Vec::new();
    let mut record: Vec<String> = Vec::with_capacity(plans.len());
    for i in 0..options.rows {
        record.clear();
        for plan in plans.iter_mut() {
            let optional = !plan.descriptor.constraints.required
                && !plan.unique
                && !key_fields.contains(plan.descriptor.name.as_str());
            match &plan.missing {
                Some(m) if optional && rng.chance(options.missing_rate) => record.push(m.clone()),
                _ => record.push(plan.valid_value(&mut rng, i)),
            }
        }
        if options.error_rate > 0.0 && !plans.is_empty() && rng.chance(options.error_rate) {
            let f = rng.below(plans.len() as u64) as usize;
            if let Some((kind, value)) = plans[f].broken_value(&mut rng) {
                injected.push(InjectedError {
                    row: i + 2,
                    field: plans[f].descriptor.name.clone(),
                    kind,
                    value: value.clone(),
                });
                record[f] = value;
            }
        }
        writer.write_record(&record)?;
    }
    writer.flush()?;
    Ok(injected)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Validator;

    fn schema() -> Schema {
        Schema::from_slice(br#"{"fields": [
            {"name": "id", "type": "integer", "constraints": {"required": true, "unique": true}},
            {"name": "siret", "type": "string", "constraints": {"required": true, "pattern": "\\d{14}"}},
            {"name": "code_insee", "type": "string", "constraints": {"pattern": "([013-9]\\d|2[AB1-9])\\d{3}"}},
            {"name": "etat", "type": "string", "constraints": {"enum": ["actif", "ferme"]}},
            {"name": "montant", "type": "number", "decimalChar": ",", "constraints": {"minimum": 0, "maximum": 5}},
            {"name": "ok", "type": "boolean", "trueValues": ["oui"], "falseValues": ["non"]},
            {"name": "date", "type": "date", "format": "%d/%m/%Y", "constraints": {"minimum": "2020-01-01"}},
            {"name": "horodatage", "type": "datetime"},
            {"name": "point", "type": "geopoint", "format": "array"},
            {"name": "contact", "type": "string", "format": "email", "constraints": {"maxLength": 60}}
        ], "primaryKey": ["id"]}"#).unwrap()
    }

    #[test]
    fn generated_rows_are_valid_and_deterministic() {
        let s = schema();
        let options = GenerateOptions {
            rows: 500,
            seed: 3,
            ..Default::default()
        };
        let (mut a, mut b) = (Vec::new(), Vec::new());
        generate(&s, &options, &mut a).unwrap();
        generate(&s, &options, &mut b).unwrap();
        assert_eq!(a, b);
        let report = Validator::new(&s).validate_slice(&a).unwrap();
        assert!(report.valid, "{:?}", report.errors.first());
        assert_eq!(report.stats.rows, 500);
    }

    #[test]
    fn injected_errors_are_found_where_the_log_says() {
        let s = schema();
        let options = GenerateOptions {
            rows: 2000,
            seed: 9,
            error_rate: 0.1,
            ..Default::default()
        };
        let mut csv = Vec::new();
        let injected = generate(&s, &options, &mut csv).unwrap();
        assert!(injected.len() > 100);
        let report = Validator::new(&s).validate_slice(&csv).unwrap();
        let rows: HashSet<(u64, &str)> = report
            .errors
            .iter()
            .map(|e| (e.row.unwrap(), e.field_name.as_deref().unwrap_or("")))
            .collect();
        for e in &injected {
            assert!(
                rows.contains(&(e.row, e.field.as_str())),
                "injected {e:?} not reported"
            );
        }
        let kinds: HashSet<&str> = injected.iter().map(|e| e.kind).collect();
        assert!(kinds.len() >= 5, "{kinds:?}");
    }
}
