//! Schema linting: what makes a Table Schema silently weaker or broken before any data is
//! validated with it (misspelt keys, constraints that do not apply, patterns frictionless
//! half-anchors, enum and example values that fail the field, unknown custom checks,
//! duplicate fields, and `profile`: what breaks the Table Schema or Data Package profile, see
//! [`crate::profile`]), and for JSON Schemas a missing `$schema` and unknown formats.
//!
//! ```
//! let findings = conforme::lint::lint_value(&serde_json::json!({
//!     "fields": [{"name": "code", "type": "string", "contraints": {"required": true}}]
//! }));
//! assert_eq!(findings[0].rule, "misspelt-key");
//! assert_eq!(findings[0].pointer, "/fields/0/contraints");
//! assert!(findings[0].detail.contains("constraints"));
//! ```

mod bounds;
mod rules;

use crate::report::Param;
use crate::report::{Diagnostic, ErrorCode, Report, Severity, Stats};
use serde_json::Value;

/// One lint finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Rule identifier (`misspelt-key`, `enum-not-castable`…).
    pub rule: &'static str,
    /// Error (the schema is broken: `schema check` exits 1) or warning.
    pub severity: Severity,
    /// JSON pointer into the descriptor.
    pub pointer: String,
    /// What is wrong and how to fix it, in English.
    pub detail: String,
    /// The same in French.
    pub detail_fr: String,
}

impl Finding {
    fn diagnostic(self, code: ErrorCode) -> Diagnostic {
        Diagnostic::new(code)
            .with_param(Param::Rule, self.rule)
            .with_param(Param::Pointer, self.pointer)
            .with_param(Param::Detail, self.detail)
            .with_param(Param::DetailFr, self.detail_fr)
            .with_param(
                Param::Severity,
                if self.severity == Severity::Error {
                    "error"
                } else {
                    "warning"
                },
            )
    }

    /// As a `schema-warning` (lint run before data validation never fails the data).
    pub fn into_warning(self) -> Diagnostic {
        self.diagnostic(ErrorCode::SchemaWarning)
    }

    /// As a `schema-error` or `schema-warning`, by severity.
    pub fn into_diagnostic(self) -> Diagnostic {
        let code = if self.severity == Severity::Error {
            ErrorCode::SchemaError
        } else {
            ErrorCode::SchemaWarning
        };
        self.diagnostic(code)
    }
}

/// Lints a Table Schema descriptor given as JSON.
pub fn lint_value(schema: &Value) -> Vec<Finding> {
    let mut out = Vec::new();
    rules::table_schema(schema, &mut out);
    out
}

/// Lints a Data Package descriptor: the Data Package profile, then each resource's inline
/// Table Schema ([`lint_value`]) and inline Table Dialect (profile), with pointers into the
/// package. Schemas given by path are linted when the package is validated.
///
/// ```
/// let findings = conforme::lint::lint_package(&serde_json::json!({"resources": [
///     {"name": "a", "path": "a.csv", "schema": {"fields": [{"name": "x", "type": "texte"}]},
///      "dialect": {"header": "oui"}}
/// ]}));
/// let pointers: Vec<&str> = findings.iter().map(|f| f.pointer.as_str()).collect();
/// assert_eq!(pointers, ["/resources/0/schema/fields/0/type", "/resources/0/dialect/header"]);
/// assert!(findings.iter().all(|f| f.rule == "profile"));
/// ```
pub fn lint_package(package: &Value) -> Vec<Finding> {
    use crate::profile::{Profile, check};
    let mut out: Vec<Finding> = check(Profile::DataPackage, package)
        .into_iter()
        .map(rules::profile_finding)
        .collect();
    let resources = package.get("resources").and_then(Value::as_array);
    for (i, r) in resources.into_iter().flatten().enumerate() {
        if let Some(schema @ Value::Object(_)) = r.get("schema")
            && !crate::json::is_json_schema(schema)
        {
            let prefix = format!("/resources/{i}/schema");
            out.extend(lint_value(schema).into_iter().map(|mut f| {
                f.pointer = format!("{prefix}{}", f.pointer);
                f
            }));
        }
        if let Some(dialect @ Value::Object(_)) = r.get("dialect") {
            let prefix = format!("/resources/{i}/dialect");
            out.extend(
                check(Profile::TableDialect, dialect)
                    .into_iter()
                    .map(|v| rules::profile_finding(v.nested(&prefix))),
            );
        }
    }
    out
}

/// Builds a report from findings: errors make it invalid.
pub fn report(findings: Vec<Finding>) -> Report {
    let mut report = Report {
        valid: true,
        stats: Stats::default(),
        errors: Vec::new(),
        warnings: Vec::new(),
        ..Report::default()
    };
    for f in findings {
        let d = f.into_diagnostic();
        if d.code.severity() == Severity::Error {
            *report
                .stats
                .error_types
                .entry(d.code.as_str().to_owned())
                .or_default() += 1;
            report.errors.push(d);
        } else {
            report.warnings.push(d);
        }
    }
    report.stats.error_count = report.errors.len() as u64;
    report.stats.warning_count = report.warnings.len() as u64;
    report.valid = report.errors.is_empty();
    report.summary = crate::report::Summary::of(&report.errors);
    report
}

/// A finding for a JSON Schema compile warning (no `$schema`, unknown format).
pub fn from_json_schema_warning(d: &Diagnostic) -> Finding {
    let s = |k: Param| d.param_str(k).unwrap_or_default().to_owned();
    let rule = match d.param_str(Param::Rule) {
        Some("json-schema-no-draft") => "json-schema-no-draft",
        _ => "unknown-format",
    };
    Finding {
        rule,
        severity: Severity::Warning,
        pointer: s(Param::Pointer),
        detail: s(Param::Detail),
        detail_fr: s(Param::DetailFr),
    }
}

/// Lints any schema: a JSON Schema (compiled with `options`: no `$schema`, unknown formats,
/// a schema that cannot be compiled) or a Table Schema ([`lint_value`]).
///
/// ```
/// use conforme::json::JsonSchemaOptions;
/// let findings = conforme::lint::lint_schema(
///     &serde_json::json!({"type": "object"}),
///     &JsonSchemaOptions::default(),
/// );
/// assert_eq!(findings[0].rule, "json-schema-no-draft");
/// ```
pub fn lint_schema(schema: &Value, options: &crate::json::JsonSchemaOptions) -> Vec<Finding> {
    // A JSON Schema may have a "resources" property of its own: its `$schema` decides.
    let json_schema = crate::json::is_json_schema(schema);
    if !json_schema && crate::profile::is_package(schema) && schema.get("fields").is_none() {
        return lint_package(schema);
    }
    if !json_schema {
        let mut findings = lint_value(schema);
        // The rules look for weaknesses; the compiler judges usability (a pattern that does
        // not compile passes every rule), so what it rejects is an error unless a rule already
        // points at the same place. Not in `lint_value`: before validation the schema is
        // compiled anyway.
        if !findings.iter().any(|f| f.severity == Severity::Error)
            && let Err(e) = crate::Schema::from_value(schema)
        {
            let pointer = match &e {
                crate::SchemaError::Invalid { pointer, .. } => pointer.clone(),
                _ => String::new(),
            };
            if pointer.is_empty() || !findings.iter().any(|f| f.pointer == pointer) {
                findings.push(Finding {
                    rule: "invalid-descriptor",
                    severity: Severity::Error,
                    pointer,
                    detail_fr: format!("ce schéma est inutilisable : {e}"),
                    detail: e.to_string(),
                });
            }
        }
        return findings;
    }
    match crate::json::JsonSchema::compile(schema, options) {
        Ok(compiled) => compiled
            .warnings()
            .iter()
            .map(from_json_schema_warning)
            .collect(),
        Err(e) => vec![Finding {
            rule: "invalid-descriptor",
            severity: Severity::Error,
            pointer: String::new(),
            detail: e.to_string(),
            detail_fr: format!("ce JSON Schema est inutilisable : {e}"),
        }],
    }
}

/// A finding of `rule` at `pointer`, with its detail in English and French.
fn finding(
    rule: &'static str,
    severity: Severity,
    pointer: String,
    detail: String,
    detail_fr: String,
) -> Finding {
    Finding {
        rule,
        severity,
        pointer,
        detail,
        detail_fr,
    }
}

/// A JSON value as message text: strings without their quotes.
fn as_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod compile_tests {
    use super::*;

    #[test]
    fn a_pattern_that_does_not_compile_fails_the_check() {
        let schema = serde_json::json!({
            "fields": [{"name": "a", "type": "string", "constraints": {"pattern": "(["}}]
        });
        let findings = lint_schema(&schema, &crate::json::JsonSchemaOptions::default());
        let error = findings
            .iter()
            .find(|f| f.severity == Severity::Error)
            .expect("an error finding");
        assert_eq!(error.rule, "invalid-descriptor");
        assert!(
            error.detail.contains("/fields/0/constraints/pattern"),
            "{error:?}"
        );
    }
}
