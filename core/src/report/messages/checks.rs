//! Values of the custom check messages: `check-error` (a check that could not be set up,
//! by problem), `deprecated-check`, `unsupported-check`, and the value each check refuses.

use super::{did_you_mean, plain_list, text};
use crate::report::Param;
use crate::report::catalogue::{Lazy, say};
use crate::report::{Diagnostic, ErrorCode, Lang};
use serde_json::Value;

/// The problems of `check-error` with a sentence (others are shown by name).
pub(in crate::report) const PROBLEMS: &[&str] = &[
    "unknown",
    "declaration",
    "missing-param",
    "param-type",
    "unknown-column",
    "bad-operator",
    "column-type",
    "empty-list",
    "bad-vintage",
    "list-no-access",
    "list-unreadable",
    "list-column",
];

/// `check-error`: which check, where, and what is wrong with its declaration.
pub(super) fn check_error(d: &Diagnostic, lang: Lang) -> String {
    let check = d.param_str(Param::Check).unwrap_or("");
    let problem = d.param_str(Param::Problem).unwrap_or("");
    let detail = match PROBLEMS.contains(&problem) {
        true => say(
            lang,
            &format!("check-error.{problem}"),
            &[
                ("check", &check),
                ("param", &d.param_str(Param::Param).unwrap_or("")),
                ("value", &Lazy(|| text(d.params.get(Param::Value)))),
                ("expected", &Lazy(|| text(d.params.get(Param::Expected)))),
                ("column", &d.param_str(Param::Column).unwrap_or("")),
                ("reason", &d.param_str(Param::Reason).unwrap_or("")),
                ("did_you_mean", &Lazy(|| did_you_mean(d, lang))),
            ],
        ),
        false => problem.to_owned(),
    };
    say(
        lang,
        "check-error",
        &[
            ("check", &check),
            ("pointer", &d.param_str(Param::Pointer).unwrap_or("")),
            ("detail", &detail),
        ],
    )
}

/// `compare-columns-value`'s operator in words (`>=`: `supérieure ou égale`).
fn compare_label(op: &str, lang: Lang) -> String {
    let name = match op {
        ">" => "gt",
        ">=" => "ge",
        "==" => "eq",
        "<=" => "le",
        "<" => "lt",
        _ => return String::new(),
    };
    say(lang, &format!("compare-columns-value.{name}"), &[])
}

/// `nomenclature-actes`: what is wrong, each reason in words (an unknown one by name).
fn nomenclature_reasons(d: &Diagnostic, lang: Lang) -> String {
    let prefix = d.param_str(Param::Prefix).unwrap_or("");
    let reasons = d.params.get(Param::Reasons).and_then(Value::as_array);
    let reasons = reasons
        .into_iter()
        .flatten()
        .map(|r| match r.as_str().unwrap_or("") {
            reason @ ("slash" | "space" | "prefix") => say(
                lang,
                &format!("nomenclature-actes.{reason}"),
                &[("prefix", &prefix)],
            ),
            other => other.to_owned(),
        });
    reasons.collect::<Vec<_>>().join(", ")
}

/// `year-interval-value`: why the interval is wrong (an unknown reason by name).
fn year_interval_detail(d: &Diagnostic, lang: Lang) -> String {
    match d.param_str(Param::Reason).unwrap_or("") {
        reason @ ("format" | "format-or-year" | "same" | "order") => say(
            lang,
            &format!("year-interval-value.{reason}"),
            &[
                ("year1", &Lazy(|| text(d.params.get(Param::Year1)))),
                ("year2", &Lazy(|| text(d.params.get(Param::Year2)))),
            ],
        ),
        other => other.to_owned(),
    }
}

/// The other check codes: the entry the diagnostic's parameters choose, and its values.
pub(super) fn render(d: &Diagnostic, lang: Lang) -> String {
    let p = |k: Param| text(d.params.get(k));
    let has = |k: Param| d.params.contains_key(k);
    let (key, columns) = match d.code {
        ErrorCode::CompareColumnsValue if d.param_str(Param::Reason) == Some("incomparable") => {
            ("compare-columns-value.incomparable", String::new())
        }
        ErrorCode::CohesiveColumnsValue if has(Param::Absent) => {
            ("cohesive-columns-value.absent", p(Param::Columns))
        }
        ErrorCode::CohesiveColumnsValue | ErrorCode::SumColumnsValue => {
            (d.code.as_str(), plain_list(d.params.get(Param::Columns)))
        }
        ErrorCode::OneOfRequired if has(Param::Absent) => ("one-of-required.absent", String::new()),
        code => (code.as_str(), String::new()),
    };
    say(
        lang,
        key,
        &[
            ("cell", &d.cell.as_deref().unwrap_or("")),
            ("check", &Lazy(|| p(Param::Check))),
            ("replacement", &Lazy(|| p(Param::Replacement))),
            ("pointer", &Lazy(|| p(Param::Pointer))),
            ("column", &Lazy(|| p(Param::Column))),
            ("value", &Lazy(|| p(Param::Value))),
            ("column1", &Lazy(|| p(Param::Column1))),
            ("column2", &Lazy(|| p(Param::Column2))),
            ("value2", &Lazy(|| p(Param::Value2))),
            ("op", &Lazy(|| compare_label(&p(Param::Op), lang))),
            ("columns", &columns),
            ("absent", &Lazy(|| p(Param::Absent))),
            ("sum", &Lazy(|| p(Param::Sum))),
            ("detail", &Lazy(|| year_interval_detail(d, lang))),
            ("reasons", &Lazy(|| nomenclature_reasons(d, lang))),
        ],
    )
}
