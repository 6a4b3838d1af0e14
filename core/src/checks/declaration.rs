//! Reading the checks a schema declares, in both forms (landscape.md §3.0):
//!
//! * top-level `"custom_checks": [{"name": "siret", "params": {"column": "siret"}}]`;
//! * field-level `"customCheck": "siret"` or `{"name": "…", <params>}`, where the field
//!   itself is the `column`.
//!
//! Deprecated names are accepted with a warning. An unknown check, a malformed
//! declaration or a bad parameter becomes one `check-error` (saying what to fix) and that
//! check is not run; the rest of the validation goes on.

use super::cohesive::Cohesive;
use super::compare::{Compare, Op};
use super::lookup::{ListFailure, ListProblem, Lookup, ReferenceLists};
use super::one_of_required::OneOfRequired;
use super::referential::{Referential, is_versioned};
use super::sum::Sum;
use super::year_interval::YearInterval;
use super::{CheckKind, CheckSet, CompiledCheck};
use crate::referentials::List;
use crate::report::Param;
use crate::report::{Diagnostic, ErrorCode};
use crate::schema::table::{FieldType, TableSchema};
use serde_json::{Map, Value};

/// Deprecated names and the names that replace them.
const DEPRECATED: &[(&str, &str)] = &[
    ("french-siret-value", "siret"),
    ("french-siren-value", "siren"),
    ("nomenclature-actes-value", "nomenclature-acte"),
];

/// Every Validata custom check this version runs, frformat's referential checks included
/// (current names; the deprecated
/// `french-siret-value`, `french-siren-value` and `nomenclature-actes-value` are accepted
/// too).
///
/// ```
/// assert!(conforme::KNOWN_CHECKS.contains(&"siret"));
/// ```
pub const KNOWN: &[&str] = &[
    "siret",
    "siren",
    "compare-columns-value",
    "cohesive-columns-value",
    "sum-columns-value",
    "one-of-required",
    "year-interval-value",
    "nomenclature-acte",
    "opening-hours-value",
    "phone-number-value",
    "french-gps-coordinates",
    "coordonnees-gps-francaises",
    super::lookup::NAME,
    // frformat's referential checks (`checks::referential`).
    "code-commune-insee",
    "numero-departement",
    "departement",
    "code-region",
    "region",
    "commune",
    "canton",
    "pays",
    "code-pays-iso2",
    "code-pays-iso3",
    "code-postal",
    "code-fantoir",
];

/// Checks compiled out of this build (the `phone` feature is off in the WebAssembly build,
/// where libphonenumber's metadata would cost a fifth of the module): a warning, so the
/// rest of the schema still applies.
fn not_in_this_build(name: &str) -> bool {
    (!cfg!(feature = "phone") && name == "phone-number-value")
        || (!crate::referentials::available() && REFERENTIAL_CHECKS.contains(&name))
}

/// frformat's referential checks, compiled out with the `referentials` feature: the end of
/// [`KNOWN`], from `code-commune-insee` on.
const REFERENTIAL_CHECKS: &[&str] = KNOWN.split_at(KNOWN.len() - 12).1;

/// A problem in one declaration: the `check-error` parameters.
struct Problem {
    problem: &'static str,
    params: Vec<(Param, Value)>,
}

impl Problem {
    fn new(problem: &'static str) -> Problem {
        Problem {
            problem,
            params: Vec::new(),
        }
    }

    fn with(mut self, key: Param, value: impl Into<Value>) -> Problem {
        self.params.push((key, value.into()));
        self
    }
}

/// The `check-error` of a reference list that cannot be used.
fn list_problem(list: &str, problem: &ListProblem) -> Problem {
    match problem {
        ListProblem::Failed(ListFailure::NoAccess) => {
            Problem::new("list-no-access").with(Param::Value, list)
        }
        ListProblem::Failed(ListFailure::Unreadable(reason)) => Problem::new("list-unreadable")
            .with(Param::Value, list)
            .with(Param::Reason, reason.as_str()),
        ListProblem::NotATable(reason) => Problem::new("list-unreadable")
            .with(Param::Value, list)
            .with(Param::Reason, reason.as_str()),
        ListProblem::NoColumn { column, labels } => Problem::new("list-column")
            .with(Param::Value, list)
            .with(Param::Column, column.as_str())
            .with(Param::Expected, labels.join(", ")),
    }
}

/// Parameters of one declaration, read against the schema.
struct Params<'a> {
    schema: &'a TableSchema,
    params: &'a Map<String, Value>,
    lists: &'a ReferenceLists,
}

impl Params<'_> {
    fn string(&self, key: &'static str) -> Result<&str, Problem> {
        match self.params.get(key) {
            None => Err(Problem::new("missing-param").with(Param::Param, key)),
            Some(Value::String(s)) => Ok(s),
            Some(other) => Err(Problem::new("param-type")
                .with(Param::Param, key)
                .with(Param::Expected, "string")
                .with(Param::Value, other.to_string())),
        }
    }

    fn field(&self, name: &str, key: &'static str) -> Result<usize, Problem> {
        self.schema.field_index(name).ok_or_else(|| {
            let names = self.schema.fields.iter().map(|f| f.name.as_str());
            let mut p = Problem::new("unknown-column")
                .with(Param::Param, key)
                .with(Param::Value, name);
            if let Some(best) = crate::table::closest_name(name, names) {
                p = p.with(Param::Hint, best);
            }
            p
        })
    }

    fn column(&self, key: &'static str) -> Result<(usize, String), Problem> {
        let name = self.string(key)?;
        Ok((self.field(name, key)?, name.to_owned()))
    }

    fn columns(&self, key: &'static str) -> Result<Vec<(usize, String)>, Problem> {
        let Some(Value::Array(items)) = self.params.get(key) else {
            return Err(match self.params.get(key) {
                None => Problem::new("missing-param").with(Param::Param, key),
                Some(other) => Problem::new("param-type")
                    .with(Param::Param, key)
                    .with(Param::Expected, "array")
                    .with(Param::Value, other.to_string()),
            });
        };
        items
            .iter()
            .map(|item| match item {
                Value::String(s) => Ok((self.field(s, key)?, s.clone())),
                other => Err(Problem::new("param-type")
                    .with(Param::Param, key)
                    .with(Param::Expected, "string")
                    .with(Param::Value, other.to_string())),
            })
            .collect()
    }

    fn require_type(
        &self,
        field: usize,
        types: &[FieldType],
        expected: &'static str,
    ) -> Result<(), Problem> {
        let f = &self.schema.fields[field];
        if types.contains(&f.field_type) {
            Ok(())
        } else {
            Err(Problem::new("column-type")
                .with(Param::Column, f.name.as_str())
                .with(Param::Expected, expected)
                .with(Param::Value, f.field_type.name()))
        }
    }
}

const NUMERIC: &[FieldType] = &[FieldType::Integer, FieldType::Number, FieldType::Year];

/// Compiles one declaration of a known check.
fn compile_one(name: &'static str, p: &Params<'_>) -> Result<CompiledCheck, Problem> {
    let mut anchor = None;
    let mut column = |key| -> Result<(usize, String), Problem> {
        let c = p.column(key)?;
        anchor = Some(c.0);
        Ok(c)
    };
    let kind = match name {
        "siret" => {
            column("column")?;
            CheckKind::Siret
        }
        super::lookup::NAME => {
            column("column")?;
            let list = p.string("list")?;
            let list_column = match p.params.get("list_column") {
                None => None,
                Some(_) => Some(p.string("list_column")?),
            };
            let values = match p.lists.get(list, list_column) {
                Some(Ok(values)) => values.clone(),
                Some(Err(problem)) => return Err(list_problem(list, problem)),
                None => {
                    return Err(list_problem(
                        list,
                        &ListProblem::Failed(ListFailure::NoAccess),
                    ));
                }
            };
            CheckKind::Lookup(Lookup {
                list: list.to_owned(),
                list_column: list_column.map(str::to_owned),
                values,
            })
        }
        "siren" => {
            column("column")?;
            CheckKind::Siren
        }
        "compare-columns-value" => {
            let (_, first) = column("column")?;
            let (other, second) = p.column("column2")?;
            let op_text = p.string("op")?;
            let op = Op::parse(op_text)
                .ok_or_else(|| Problem::new("bad-operator").with(Param::Value, op_text))?;
            CheckKind::Compare(Compare {
                other,
                op,
                column: first,
                column2: second,
            })
        }
        "cohesive-columns-value" => {
            let (_, first) = column("column")?;
            let others = p.columns("othercolumns")?;
            let mut names = vec![first];
            names.extend(others.iter().map(|(_, n)| n.clone()));
            CheckKind::Cohesive(Cohesive {
                others: others.into_iter().map(|(f, _)| f).collect(),
                names,
            })
        }
        "sum-columns-value" => {
            let (total, name) = column("column")?;
            let addends = p.columns("columns")?;
            if addends.is_empty() {
                return Err(Problem::new("empty-list").with(Param::Param, "columns"));
            }
            p.require_type(total, NUMERIC, "integer, number")?;
            for (f, _) in &addends {
                p.require_type(*f, NUMERIC, "integer, number")?;
            }
            CheckKind::Sum(Sum {
                columns: addends.iter().map(|(_, n)| n.clone()).collect(),
                addends: addends.into_iter().map(|(f, _)| f).collect(),
                column: name,
            })
        }
        "one-of-required" => {
            let (first, column1) = p.column("column1")?;
            let (second, column2) = p.column("column2")?;
            CheckKind::OneOfRequired(OneOfRequired {
                first,
                second,
                column1,
                column2,
            })
        }
        "year-interval-value" => {
            column("column")?;
            let allow_year_only = match p.params.get("allow-year-only") {
                None => false,
                // Validata only takes the strings "true"/"yes"; a JSON boolean says the
                // same thing, so it is accepted too.
                Some(Value::Bool(b)) => *b,
                Some(Value::String(s)) => matches!(s.as_str(), "true" | "yes"),
                Some(other) => {
                    return Err(Problem::new("param-type")
                        .with(Param::Param, "allow-year-only")
                        .with(Param::Expected, "\"true\" / \"false\"")
                        .with(Param::Value, other.to_string()));
                }
            };
            CheckKind::YearInterval(YearInterval { allow_year_only })
        }
        "nomenclature-acte" => {
            column("column")?;
            CheckKind::Nomenclature
        }
        "opening-hours-value" => {
            column("column")?;
            CheckKind::OpeningHours
        }
        "phone-number-value" => {
            column("column")?;
            CheckKind::Phone
        }
        "french-gps-coordinates" | "coordonnees-gps-francaises" => {
            let (f, _) = column("column")?;
            p.require_type(f, &[FieldType::GeoPoint], "geopoint")?;
            CheckKind::FrenchGps
        }
        other => match List::from_name(other) {
            Some(list) => {
                column("column")?;
                CheckKind::Referential(referential(list, p)?)
            }
            None => unreachable!("compile_one is only called with KNOWN names"),
        },
    };
    Ok(CompiledCheck {
        name,
        declared_name: String::new(),
        anchor,
        kind,
    })
}

/// The `cog` parameter of a referential check: `"2024"`, `2024` or `"latest"` (Validata
/// takes strings only; a number says the same thing). Lists without vintages take none.
fn referential(list: List, p: &Params<'_>) -> Result<Referential, Problem> {
    if !is_versioned(list) {
        return Ok(Referential {
            list,
            vintage: None,
        });
    }
    let cog = match p.params.get("cog") {
        None => return Err(Problem::new("missing-param").with(Param::Param, "cog")),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) if n.is_u64() => n.to_string(),
        Some(other) => {
            return Err(Problem::new("param-type")
                .with(Param::Param, "cog")
                .with(Param::Expected, "\"2024\" / \"latest\"")
                .with(Param::Value, other.to_string()));
        }
    };
    match list.vintage(&cog) {
        Some(v) => Ok(Referential {
            list,
            vintage: Some(v),
        }),
        None => {
            let mut known: Vec<&str> = list.vintages().to_vec();
            known.push("latest");
            Err(Problem::new("bad-vintage")
                .with(Param::Value, cog)
                .with(Param::Expected, known.join(", ")))
        }
    }
}

fn check_error(name: &str, pointer: &str, problem: Problem) -> Diagnostic {
    let mut d = Diagnostic::new(ErrorCode::CheckError)
        .with_param(Param::Check, name)
        .with_param(Param::Pointer, pointer)
        .with_param(Param::Problem, problem.problem);
    for (k, v) in problem.params {
        d = d.with_param(k, v);
    }
    d
}

/// One declaration, however it was written.
struct Declaration {
    name: String,
    params: Map<String, Value>,
    pointer: String,
}

/// A declaration, or the `check-error` of a malformed one (with the name it gives).
type Read = Result<Declaration, (String, Diagnostic)>;

/// Reads the declarations of both forms, in order; malformed ones become `check-error`s.
fn declarations(schema: &TableSchema) -> Vec<Read> {
    let mut out = Vec::new();
    for (i, item) in schema.custom_checks.iter().enumerate() {
        let pointer = format!("/custom_checks/{i}");
        let name = item.get("name").and_then(Value::as_str);
        let params = item.get("params");
        match (name, params) {
            (Some(name), Some(Value::Object(params))) => out.push(Ok(Declaration {
                name: name.to_owned(),
                params: params.clone(),
                pointer,
            })),
            (Some(name), None) => out.push(Ok(Declaration {
                name: name.to_owned(),
                params: Map::new(),
                pointer,
            })),
            _ => {
                let name = name.unwrap_or("").to_owned();
                let d = check_error(&name, &pointer, Problem::new("declaration"));
                out.push(Err((name, d)));
            }
        }
    }
    for field in &schema.fields {
        let Some(decl) = &field.custom_check else {
            continue;
        };
        let pointer = format!("{}/customCheck", field.pointer);
        let (name, mut params) = match decl {
            Value::String(name) => (name.clone(), Map::new()),
            Value::Object(o) => match o.get("name").and_then(Value::as_str) {
                Some(name) => {
                    let mut params = o.clone();
                    params.remove("name");
                    (name.to_owned(), params)
                }
                None => {
                    let d = check_error("", &pointer, Problem::new("declaration"));
                    out.push(Err((String::new(), d)));
                    continue;
                }
            },
            _ => {
                let d = check_error("", &pointer, Problem::new("declaration"));
                out.push(Err((String::new(), d)));
                continue;
            }
        };
        params.insert("column".into(), Value::String(field.name.clone()));
        out.push(Ok(Declaration {
            name,
            params,
            pointer,
        }));
    }
    out
}

/// Compiles every check the schema declares.
/// The `(list, list_column)` of every `reference-list-value` declaration, to read before
/// compiling (declarations with malformed parameters are left to [`compile_checks`]).
pub(crate) fn wanted_lists(schema: &TableSchema) -> Vec<(String, Option<String>)> {
    declarations(schema)
        .into_iter()
        .flatten()
        .filter(|d| d.name == super::lookup::NAME)
        .filter_map(|d| {
            let list = d.params.get("list")?.as_str()?.to_owned();
            let column = d.params.get("list_column").and_then(Value::as_str);
            Some((list, column.map(str::to_owned)))
        })
        .collect()
}

pub(crate) fn compile_checks(schema: &TableSchema, lists: &ReferenceLists) -> CheckSet {
    let mut set = CheckSet::default();
    for read in declarations(schema) {
        let decl = match read {
            Ok(decl) => decl,
            Err(error) => {
                set.errors.push(error);
                continue;
            }
        };
        let declared = decl.name.as_str();
        let current = match DEPRECATED.iter().find(|(old, _)| *old == declared) {
            Some((old, new)) => {
                set.warnings.push((
                    declared.to_owned(),
                    Diagnostic::new(ErrorCode::DeprecatedCheck)
                        .with_param(Param::Check, *old)
                        .with_param(Param::Replacement, *new)
                        .with_param(Param::Pointer, decl.pointer.as_str()),
                ));
                *new
            }
            None => declared,
        };
        if not_in_this_build(current) {
            set.warnings.push((
                declared.to_owned(),
                Diagnostic::new(ErrorCode::UnsupportedCheck)
                    .with_param(Param::Check, current)
                    .with_param(Param::Pointer, decl.pointer.as_str()),
            ));
            continue;
        }
        let Some(&name) = KNOWN.iter().find(|k| **k == current) else {
            let mut problem = Problem::new("unknown");
            if let Some(best) = crate::table::closest_name(current, KNOWN.iter().copied()) {
                problem = problem.with(Param::Hint, best);
            }
            set.errors.push((
                declared.to_owned(),
                check_error(declared, &decl.pointer, problem),
            ));
            continue;
        };
        let params = Params {
            schema,
            params: &decl.params,
            lists,
        };
        match compile_one(name, &params) {
            Ok(mut check) => {
                check.declared_name = declared.to_owned();
                set.checks.push(check);
            }
            Err(problem) => set.errors.push((
                declared.to_owned(),
                check_error(declared, &decl.pointer, problem),
            )),
        }
    }
    set
}

/// Whether `name` (current or deprecated) names the check `check`.
pub(crate) fn names_match(name: &str, check: &str) -> bool {
    name == check
        || DEPRECATED
            .iter()
            .any(|(old, new)| (*old == name && *new == check) || (*new == name && *old == check))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn referential_checks_are_the_end_of_the_known_list() {
        assert_eq!(REFERENTIAL_CHECKS.first(), Some(&"code-commune-insee"));
        assert_eq!(REFERENTIAL_CHECKS.last(), Some(&"code-fantoir"));
        assert!(!REFERENTIAL_CHECKS.contains(&"french-gps-coordinates"));
    }
    use serde_json::json;

    fn compile(schema: Value) -> CheckSet {
        compile_checks(
            &TableSchema::from_value(&schema).unwrap(),
            &ReferenceLists::default(),
        )
    }

    fn problems(set: &CheckSet) -> Vec<String> {
        set.errors
            .iter()
            .map(|(_, d)| d.param_str(Param::Problem).unwrap().to_owned())
            .collect()
    }

    fn fields() -> Value {
        json!([
            {"name": "siret", "type": "string"},
            {"name": "a", "type": "integer"},
            {"name": "b", "type": "integer"},
            {"name": "s", "type": "string"},
            {"name": "p", "type": "geopoint"}
        ])
    }

    #[test]
    fn both_forms_and_deprecated_names() {
        let mut f = fields();
        f[3]["customCheck"] = json!("phone-number-value");
        f[4]["customCheck"] = json!({"name": "french-gps-coordinates"});
        let set = compile(json!({
            "fields": f,
            "custom_checks": [
                {"name": "french-siret-value", "params": {"column": "siret"}},
                {"name": "compare-columns-value", "params": {"column": "a", "op": "<=", "column2": "b"}}
            ]
        }));
        let names: Vec<&str> = set.checks.iter().map(|c| c.name).collect();
        assert_eq!(
            names,
            [
                "siret",
                "compare-columns-value",
                "phone-number-value",
                "french-gps-coordinates"
            ]
        );
        assert!(set.errors.is_empty());
        assert_eq!(set.warnings.len(), 1);
        assert_eq!(set.warnings[0].1.code, ErrorCode::DeprecatedCheck);
        assert_eq!(set.checks[2].anchor, Some(3));
    }

    #[test]
    fn bad_declarations_are_reported_one_by_one() {
        let set = compile(json!({
            "fields": fields(),
            "custom_checks": [
                {"name": "sirett", "params": {"column": "siret"}},
                {"name": "compare-columns-value", "params": {"column": "a", "op": "!=", "column2": "b"}},
                {"name": "siret", "params": {}},
                {"name": "siret", "params": {"column": 3}},
                {"name": "siret", "params": {"column": "SIRET"}},
                {"name": "year-interval-value", "params": {"column": "s", "allow-year-only": 1}},
                {"name": "sum-columns-value", "params": {"column": "a", "columns": ["b", "s"]}},
                {"name": "french-gps-coordinates", "params": {"column": "s"}},
                {"params": {}},
                {"name": "code-postal", "params": {"column": "s"}},
                {"name": "siren", "params": {"column": "s"}},
                {"name": "code-commune-insee", "params": {"column": "s"}},
                {"name": "pays", "params": {"column": "s", "cog": "2023"}},
                {"name": "region", "params": {"column": "s", "cog": true}},
                {"name": "code-commune-insee", "params": {"column": "s", "cog": 2024}},
                {"name": "code-region", "params": {"column": "s", "cog": "latest"}}
            ]
        }));
        assert_eq!(
            problems(&set),
            [
                "unknown",
                "bad-operator",
                "missing-param",
                "param-type",
                "unknown-column",
                "param-type",
                "column-type",
                "column-type",
                "declaration",
                "missing-param",
                "bad-vintage",
                "param-type"
            ]
        );
        assert_eq!(
            set.errors[10].1.param_str(Param::Expected),
            Some("2024, latest")
        );
        assert_eq!(set.errors[0].1.param_str(Param::Hint), Some("siret"));
        assert_eq!(set.errors[4].1.param_str(Param::Hint), Some("siret"));
        // siren, code-postal, and the two referential checks with a usable `cog` (a
        // number is accepted).
        let names: Vec<&str> = set.checks.iter().map(|c| c.name).collect();
        assert_eq!(
            names,
            ["code-postal", "siren", "code-commune-insee", "code-region"]
        );
        assert!(set.warnings.is_empty());
    }

    #[test]
    fn allow_year_only_as_string_or_boolean() {
        for (v, want) in [
            (json!("true"), true),
            (json!("yes"), true),
            (json!("false"), false),
            (json!(true), true),
        ] {
            let set = compile(json!({
                "fields": fields(),
                "custom_checks": [{"name": "year-interval-value", "params": {"column": "s", "allow-year-only": v}}]
            }));
            match &set.checks[0].kind {
                CheckKind::YearInterval(y) => assert_eq!(y.allow_year_only, want),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn names_and_aliases() {
        assert!(names_match("french-siret-value", "siret"));
        assert!(names_match("siret", "siret"));
        assert!(!names_match("siren", "siret"));
    }
}
