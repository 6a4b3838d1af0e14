//! `checkSchema`: the lint report of `conforme schema check`, for descriptor text.

use conforme::json::JsonSchemaOptions;
use conforme::lint::{self, Finding};
use conforme::{Lang, Report, Severity};

/// Lints `text` (a Table Schema or a JSON Schema, as JSON or YAML) and returns the report
/// `conforme schema check --format json` prints: errors make it invalid, warnings do not.
///
/// ```
/// let report = conforme_wasm::check::schema_report(r#"{"fields": [{"name": "a", "type": "texte"}]}"#, conforme::Lang::En);
/// assert!(!report.valid);
/// assert!(conforme_wasm::check::schema_report(r#"{"fields": [{"name": "a"}]}"#, conforme::Lang::En).valid);
/// ```
pub fn schema_report(text: &str, lang: Lang) -> Report {
    let findings = match conforme::schema::parse_descriptor(text.as_bytes()) {
        Err(e) => vec![unusable(e.to_string())],
        Ok(value) => lint::lint_schema(&value, &JsonSchemaOptions::default()),
    };
    let mut report = lint::report(findings);
    report.localize(lang);
    report
}

/// The report of a schema that never reached the linter (it could not be fetched): one
/// `schema-error` saying why.
pub fn unreadable_report(why: &str, lang: Lang) -> Report {
    let mut report = lint::report(vec![Finding {
        rule: "unreadable-schema",
        severity: Severity::Error,
        pointer: String::new(),
        detail: why.to_owned(),
        detail_fr: why.to_owned(),
    }]);
    report.localize(lang);
    report
}

fn unusable(detail: String) -> Finding {
    Finding {
        rule: "invalid-descriptor",
        severity: Severity::Error,
        pointer: String::new(),
        detail_fr: format!("ce schéma est inutilisable : {detail}"),
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use conforme::Param;

    #[test]
    fn a_misspelt_key_is_an_error_with_its_pointer() {
        let report = schema_report(
            r#"{"fields": [{"name": "a", "type": "string", "contraints": {"required": true}}]}"#,
            Lang::En,
        );
        // As `conforme schema check`: the constraint is silently dropped, so the schema fails.
        assert!(!report.valid, "{report:?}");
        let w = &report.errors[0];
        assert_eq!(w.param_str(Param::Rule), Some("misspelt-key"));
        assert_eq!(w.param_str(Param::Pointer), Some("/fields/0/contraints"));
    }

    #[test]
    fn a_schema_the_compiler_rejects_is_an_error() {
        let report = schema_report(r#"{"fields": [{"name": "a", "type": "texte"}]}"#, Lang::En);
        assert!(!report.valid);
        assert!(
            report.errors[0].message.contains("/fields/0/type"),
            "{report:?}"
        );
    }

    #[test]
    fn broken_text_is_an_error_with_its_position() {
        let report = schema_report(r#"{"fields": [}"#, Lang::En);
        assert!(!report.valid);
        assert!(report.errors[0].message.contains("line 1"), "{report:?}");
    }
}
