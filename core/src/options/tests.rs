//! The options type: every option accepted under both spellings, round trips, and the
//! messages of rejected values.

use super::*;
use serde_json::{Value, json};

/// A value for every option that differs from its default.
fn every_option() -> Value {
    json!({
        "maxErrors": 5,
        "threads": 3,
        "lang": "en",
        "encoding": "windows-1252",
        "dialect": {"quoteChar": "'", "commentChar": "#", "nullSequence": "NA", "headerRows": [1, 2]},
        "header": true,
        "delimiter": ";",
        "chunkSize": 4096,
        "maxRecordBytes": 1000,
        "profile": "strict",
        "ignoreHeaderCase": true,
        "skipChecks": ["french-siret-value"],
        "pickErrors": ["type-error"],
        "skipErrors": ["blank-row"],
        "keepRows": 7,
        "maskCells": true,
        "sheet": "Feuil2",
        "zipMember": "data.csv",
        "draft": "2020-12",
        "schemaDirs": ["schemas"],
        "assertFormats": false,
    })
}

fn snake(key: &str) -> String {
    let mut out = String::new();
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn the_names_list_is_the_options_objects_keys() {
    let all = every_option();
    let keys: Vec<&str> = all
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut names = OPTION_NAMES.to_vec();
    names.sort_unstable();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    assert_eq!(
        names, sorted,
        "OPTION_NAMES and the options object disagree"
    );
}

#[test]
fn every_option_is_accepted_in_camel_and_snake_case() {
    for (key, value) in every_option().as_object().unwrap() {
        let camel = ValidationOptions::from_json(&json!({ key: value }));
        assert!(camel.is_ok(), "{key}: {:?}", camel.err());
        let snake_key = snake(key);
        let snake = ValidationOptions::from_json(&json!({ snake_key.clone(): value }));
        assert!(snake.is_ok(), "{snake_key}: {:?}", snake.err());
        assert_eq!(camel.unwrap().to_json(), snake.unwrap().to_json(), "{key}");
    }
}

#[test]
fn options_round_trip_through_json() {
    let options = ValidationOptions::from_json(&every_option()).unwrap();
    let written = options.to_json();
    let again = ValidationOptions::from_json(&written).unwrap();
    assert_eq!(again.to_json(), written);
    // Every option shows in the written form (none is lost on the way).
    for key in OPTION_NAMES {
        let in_dialect = matches!(*key, "header" | "delimiter");
        assert!(
            written.get(*key).is_some() || (in_dialect && written["dialect"].is_object()),
            "{key} missing from {written}"
        );
    }
    assert_eq!(ValidationOptions::default().to_json(), json!({}));
}

#[test]
fn null_and_absent_mean_the_default() {
    let options = ValidationOptions::from_json(&json!({"maxErrors": null, "lang": null})).unwrap();
    assert_eq!(options.to_json(), json!({}));
    assert_eq!(
        ValidationOptions::from_json_str("  ").unwrap().to_json(),
        json!({})
    );
}

#[test]
fn rejected_values_say_what_is_accepted() {
    let err = |v: Value| ValidationOptions::from_json(&v).unwrap_err().to_string();
    assert_eq!(
        err(json!({"lang": "de"})),
        "unknown lang \"de\": use one of fr, en"
    );
    assert_eq!(
        err(json!({"profile": "validata"})),
        "unknown profile \"validata\": use one of schema.data.gouv.fr, strict"
    );
    assert!(
        err(json!({"pickErrors": ["type-eror"]}))
            .contains("unknown error type \"type-eror\": use one of")
    );
    assert!(
        err(json!({"skipChecks": ["sirett"]}))
            .contains("unknown custom check \"sirett\": use one of")
    );
    assert!(err(json!({"draft": "5"})).contains("2019-09, 2020-12"));
    assert_eq!(
        err(json!({"threads": 0})),
        "threads = 0: must be at least 1 (omit it for the default)"
    );
    assert_eq!(
        err(json!({"threads": 30000})),
        "threads = 30000: must be at most 256"
    );
    assert!(err(json!({"maxErrors": 0})).starts_with("maxErrors = 0"));
    assert!(err(json!({"keepRows": 201})).contains("at most 200"));
    assert!(err(json!({"encoding": "klingon"})).contains("\"klingon\""));
    assert!(err(json!({"delimiter": ";;"})).contains("\";;\""));
    assert!(err(json!({"dialect": {"headerRows": "2"}})).contains("headerRows"));
    assert!(err(json!({"sheet": 0})).starts_with("sheet = 0"));
    // An unknown key lists the known ones.
    let unknown = err(json!({"maxError": 3}));
    assert!(
        unknown.contains("maxError") && unknown.contains("maxErrors"),
        "{unknown}"
    );
    assert!(err(json!({"maxErrors": "ten"})).starts_with("maxErrors: invalid type"));
}

#[test]
fn header_false_refines_the_dialect_without_resetting_it() {
    // The fixed divergence: `header: false` after a dialect kept its delimiter and null
    // sequence in one door and reset them in another. Now one order for every door.
    let options = ValidationOptions::from_json(&json!({
        "dialect": {"delimiter": ";", "nullSequence": "NA"},
        "header": false,
    }))
    .unwrap();
    assert_eq!(options.dialect.delimiter, b';');
    assert_eq!(options.dialect.null_sequence.as_deref(), Some("NA"));
    assert!(!options.dialect.header);
    assert!(!options.sniff_delimiter);
    // Alone, `header: false` keeps the delimiter detection.
    let alone = ValidationOptions::from_json(&json!({"header": false})).unwrap();
    assert!(alone.sniff_delimiter && !alone.dialect.header);
}

#[test]
fn table_only_options_are_refused_for_json_documents() {
    for (key, value) in [
        ("encoding", json!("latin1")),
        ("delimiter", json!(";")),
        ("profile", json!("strict")),
        ("sheet", json!(2)),
        ("ignoreHeaderCase", json!(true)),
    ] {
        let options = ValidationOptions::from_json(&json!({ key: value })).unwrap();
        let err = options.check_for_json_documents().unwrap_err().to_string();
        assert!(
            err.contains("no meaning for a JSON document"),
            "{key}: {err}"
        );
    }
    let shared =
        json!({"maxErrors": 3, "maskCells": true, "pickErrors": ["json-schema"], "threads": 2});
    assert!(
        ValidationOptions::from_json(&shared)
            .unwrap()
            .check_for_json_documents()
            .is_ok()
    );
}
