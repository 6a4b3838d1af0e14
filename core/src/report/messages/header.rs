//! Values of the header and row-shape messages (`blank-label` … `header-trimmed`).

use super::{did_you_mean, schema_position, text};
use crate::report::Param;
use crate::report::catalogue::{Lazy, say};
use crate::report::{Diagnostic, ErrorCode, Lang};

pub(super) fn render(d: &Diagnostic, lang: Lang) -> String {
    let position = || match d.code {
        ErrorCode::MissingLabel => schema_position(d),
        _ => d.field_number.unwrap_or(0).to_string(),
    };
    say(
        lang,
        d.code.as_str(),
        &[
            ("position", &Lazy(position)),
            ("field", &d.field_name.as_deref().unwrap_or("")),
            ("label", &Lazy(|| text(d.params.get(Param::Label)))),
            ("cell", &d.cell.as_deref().unwrap_or("")),
            ("expected", &Lazy(|| text(d.params.get(Param::Expected)))),
            ("did_you_mean", &Lazy(|| did_you_mean(d, lang))),
        ],
    )
}
