//! Header profiles and custom checks seen from the public API: the warnings (which the
//! fixtures' `[row, field, type]` triples do not show), the hints and the messages.

use conforme::{ErrorCode, HeaderProfile, Lang, Report, Schema, ValidationOptions, Validator};

const SCHEMA: &[u8] = br#"{
    "fields": [
        {"name": "code_insee", "type": "string", "constraints": {"required": true}},
        {"name": "nom", "type": "string"},
        {"name": "population", "type": "integer"},
        {"name": "siret", "type": "string"}
    ],
    "custom_checks": [{"name": "french-siret-value", "params": {"column": "siret"}}]
}"#;

fn validate(data: &[u8], options: ValidationOptions) -> Report {
    let schema = Schema::from_slice(SCHEMA).unwrap();
    Validator::with_options(&schema, options)
        .validate_slice(data)
        .unwrap()
}

fn codes(diagnostics: &[conforme::Diagnostic]) -> Vec<&str> {
    diagnostics.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn reordered_columns_are_one_warning_with_the_expected_order() {
    let report = validate(
        b"population,siret,nom,code_insee\n12,21740056300011,Annecy,74010\n",
        ValidationOptions::default(),
    );
    assert!(report.valid, "{:?}", report.errors);
    assert_eq!(
        codes(&report.warnings),
        ["columns-reordered", "deprecated-check"]
    );
    let message = &report.warnings[0].message;
    assert!(
        message.contains("`code_insee`, `nom`, `population`, `siret`"),
        "{message}"
    );
    assert!(report.warnings[1].message.contains("utilisez `siret`"));
}

#[test]
fn misspelt_header_gets_a_did_you_mean() {
    let report = validate(
        b"Code INSEE,nom,population,siret\n74010,Annecy,12,21740056300011\n",
        ValidationOptions::default(),
    );
    assert!(!report.valid);
    assert_eq!(codes(&report.errors), ["missing-label"]);
    assert!(
        report.errors[0]
            .message
            .contains("Vouliez-vous dire `Code INSEE` ?"),
        "{}",
        report.errors[0].message
    );
    let extra = report
        .warnings
        .iter()
        .find(|w| w.code == ErrorCode::ExtraColumn)
        .expect("the unknown column is reported");
    assert!(
        extra
            .message
            .contains("`Code INSEE` (position 1) n'est pas définie dans le schéma"),
        "{}",
        extra.message
    );
    assert!(
        extra.message.contains("Vouliez-vous dire `code_insee` ?"),
        "{}",
        extra.message
    );
}

#[test]
fn missing_optional_and_extra_columns_are_warnings() {
    let report = validate(
        b"code_insee,commentaire,siret\n74010,libre,21740056300011\n",
        ValidationOptions::default(),
    );
    assert!(report.valid);
    assert_eq!(
        codes(&report.warnings),
        [
            "extra-column",
            "missing-column",
            "missing-column",
            "deprecated-check"
        ]
    );
    assert_eq!(report.warnings[1].field_name.as_deref(), Some("nom"));
}

#[test]
fn case_and_spaces_in_labels_are_matched_with_warnings() {
    let data = b"CODE_INSEE, nom ,population,siret\n74010,Annecy,12,21740056300011\n";
    let plain = validate(data, ValidationOptions::default());
    assert!(!plain.valid, "case differs: code_insee is missing");
    let report = validate(data, ValidationOptions::default().ignore_header_case(true));
    assert!(report.valid, "{:?}", report.errors);
    assert_eq!(
        codes(&report.warnings),
        ["header-case", "header-trimmed", "deprecated-check"]
    );
}

#[test]
fn strict_profile_is_positional() {
    let report = validate(
        b"population,siret,nom,code_insee\n12,21740056300011,Annecy,74010\n",
        ValidationOptions::default().profile(HeaderProfile::Strict),
    );
    assert!(!report.valid);
    // frictionless' cascade: every label is wrong, and so are the cells under them.
    let codes = codes(&report.errors);
    assert_eq!(codes[..4], ["incorrect-label"; 4]);
    assert!(codes.contains(&"type-error"), "{codes:?}");
}

#[test]
fn custom_check_messages_in_french_and_english() {
    let data = b"code_insee,nom,population,siret\n74010,Annecy,12,12345678901234\n";
    let fr = validate(data, ValidationOptions::default());
    assert_eq!(codes(&fr.errors), ["french-siret-value"]);
    assert_eq!(fr.errors[0].row, Some(2));
    assert_eq!(fr.errors[0].field_number, Some(4));
    assert!(
        fr.errors[0]
            .message
            .starts_with("Numéro SIRET invalide : `12345678901234`")
    );
    let en = validate(data, ValidationOptions::default().lang(Lang::En));
    assert!(en.errors[0].message.starts_with("Invalid SIRET number"));
}

#[test]
fn skipped_checks_and_errors() {
    let data = b"code_insee,nom,population,siret\n74010,Annecy,x,12345678901234\n";
    let skipped = validate(data, ValidationOptions::default().skip_checks(["siret"]));
    assert_eq!(codes(&skipped.errors), ["type-error"]);
    // A deprecated name skips the check too (and its deprecation warning).
    let skipped = validate(
        data,
        ValidationOptions::default().skip_checks(["french-siret-value"]),
    );
    assert_eq!(codes(&skipped.errors), ["type-error"]);
    assert!(skipped.warnings.is_empty());
    let picked = validate(
        data,
        ValidationOptions::default().skip_errors([ErrorCode::TypeError]),
    );
    assert_eq!(codes(&picked.errors), ["french-siret-value"]);
    assert_eq!(picked.stats.error_count, 1);
}

#[test]
fn check_errors_say_what_to_fix() {
    let schema = Schema::from_slice(
        br#"{"fields": [{"name": "a", "type": "integer"}, {"name": "b", "type": "integer"}],
             "custom_checks": [
                {"name": "compare-columns-value", "params": {"column": "a", "op": "!=", "column2": "b"}},
                {"name": "sum-columns-value", "params": {"column": "a", "columns": ["bb"]}}
             ]}"#,
    )
    .unwrap();
    let report = Validator::new(&schema)
        .validate_slice(b"a,b\n1,2\n")
        .unwrap();
    assert_eq!(codes(&report.errors), ["check-error", "check-error"]);
    assert!(
        report.errors[0]
            .message
            .contains("l'opérateur `!=` n'est pas géré ; utilisez >, >=, ==, <= ou <"),
        "{}",
        report.errors[0].message
    );
    assert!(
        report.errors[1].message.contains("Vouliez-vous dire `b` ?"),
        "{}",
        report.errors[1].message
    );
}
