//! A valid UTF-8 prefix followed by arbitrary bytes: the switch to a legacy encoding must
//! never panic, keep the rows before it intact, and not depend on how the input is cut.
#![no_main]

use conforme::{Schema, ValidationOptions, Validator};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|tail: &[u8]| {
    let schema = Schema::from_slice(
        br#"{"fields": [{"name": "nom", "type": "string"}, {"name": "ville", "type": "string"}]}"#,
    )
    .expect("the fuzz schema is valid");
    let mut data = "nom;ville\nJérôme;Besançon\n".as_bytes().to_vec();
    data.extend_from_slice(tail);
    let whole = Validator::with_options(&schema, ValidationOptions::default().threads(Some(1)))
        .validate_slice(&data)
        .map_err(|e| e.to_string());
    for chunk in [1, 16, 4096] {
        let v = Validator::with_options(
            &schema,
            ValidationOptions::default().threads(Some(2)).chunk_size(chunk),
        );
        assert_eq!(v.validate_slice(&data).map_err(|e| e.to_string()), whole);
    }
    if let Ok(report) = &whole {
        // The UTF-8 rows before the switch keep their accents.
        assert!(report.stats.rows >= 1);
    }
});
