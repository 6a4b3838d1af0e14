//! ZIP archives: raw bytes, and archives built from the input (members named and filled
//! from it, nested to a depth it chooses). Never a panic; nesting past the limit is an error.

use conforme::{ValidationOptions, Validator};

pub fn run(data: &[u8]) {
    let validator = Validator::with_options(
        &super::table_schema(),
        ValidationOptions::default().threads(Some(1)),
    );
    let _ = validator.validate_slice(data);
    let (head, body) = super::halves(data);
    let depth = head.first().map_or(1, |d| usize::from(d % 5) + 1);
    let name = match head.get(1).map(|b| b % 4) {
        Some(0) => "data.csv.gz",
        Some(1) => "data.xlsx",
        Some(2) => "../../data.csv",
        _ => "data.csv",
    };
    let mut archive = super::zip_of(&[(name, body), ("__MACOSX/._x", head)], depth % 2 == 0);
    for level in 1..depth {
        archive = super::zip_of(&[("inner.zip", &archive)], level % 2 == 0);
    }
    let report = validator.validate_slice(&archive);
    if depth > conforme::limits::ZIP_NESTING as usize + 1 {
        assert!(report.is_err(), "nesting {depth} was read");
    }
}
