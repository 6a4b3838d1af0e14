//! Values of the referential check messages (`custom-check-error`): which check, the list
//! and vintage the value was looked up in, and what the value probably is.

use crate::report::Param;
use crate::report::catalogue::{Lazy, say};
use crate::report::{Diagnostic, Lang};

fn param(d: &Diagnostic, key: Param) -> &str {
    d.param_str(key).unwrap_or("")
}

/// The checks with a sentence saying what they expect.
pub(in crate::report) const REFERENTIAL_CHECKS: &[&str] = &[
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

/// What the check expects, with an example.
fn expected(check: &str, lang: Lang) -> String {
    match REFERENTIAL_CHECKS.contains(&check) {
        true => say(lang, &format!("custom-check-error.expected.{check}"), &[]),
        false => say(lang, "custom-check-error.expected.other", &[]),
    }
}

/// The list looked up.
fn source(check: &str, vintage: &str, lang: Lang) -> String {
    let key = match (check, vintage) {
        ("code-postal" | "code-fantoir", _) => format!("custom-check-error.source.{check}"),
        (_, "") => "custom-check-error.source.cog".to_owned(),
        _ => "custom-check-error.source.cog-vintage".to_owned(),
    };
    say(lang, &key, &[("vintage", &vintage)])
}

/// What the value probably is (`hint_kind`), if the check could tell.
fn hint(d: &Diagnostic, lang: Lang) -> String {
    let vintages = param(d, Param::Vintages);
    let successor = param(d, Param::Successor);
    let key = match param(d, Param::HintKind) {
        "successor" => "custom-check-error.hint.successor",
        "other-vintage" if !successor.is_empty() => {
            "custom-check-error.hint.other-vintage.successor"
        }
        "postcode" => "custom-check-error.hint.postcode",
        "commune-code" => "custom-check-error.hint.commune-code",
        "other-vintage" if param(d, Param::Check) == "code-commune-insee" => {
            "custom-check-error.hint.other-vintage.commune"
        }
        "other-vintage" => "custom-check-error.hint.other-vintage",
        "spelling" => "custom-check-error.hint.spelling",
        _ => return String::new(),
    };
    say(
        lang,
        key,
        &[
            ("vintages", &vintages),
            ("newest", &vintages.rsplit(", ").next().unwrap_or("")),
            ("successor", &successor),
            ("successor_name", &param(d, Param::SuccessorName)),
            ("closest", &param(d, Param::Closest)),
        ],
    )
}

/// The message of `reference-list-value`: the list, its column and its size.
fn lookup_message(d: &Diagnostic, cell: &str, lang: Lang) -> String {
    let column = param(d, Param::ListColumn);
    let key = match column {
        "" => "custom-check-error.reference-list",
        _ => "custom-check-error.reference-list.column",
    };
    say(
        lang,
        key,
        &[
            ("cell", &cell),
            ("list", &param(d, Param::List)),
            ("column", &column),
            (
                "count",
                &d.params
                    .get(Param::Count)
                    .and_then(|c| c.as_u64())
                    .unwrap_or(0),
            ),
        ],
    )
}

pub(super) fn render(d: &Diagnostic, lang: Lang) -> String {
    let cell = d.cell.as_deref().unwrap_or("");
    let check = param(d, Param::Check);
    // `checks::lookup::NAME`, written out: the report layer does not depend on the checks.
    if check == "reference-list-value" {
        return lookup_message(d, cell, lang);
    }
    say(
        lang,
        "custom-check-error",
        &[
            ("cell", &cell),
            ("expected", &Lazy(|| expected(check, lang))),
            (
                "source",
                &Lazy(|| source(check, param(d, Param::Vintage), lang)),
            ),
            ("hint", &Lazy(|| hint(d, lang))),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::ErrorCode;

    fn diagnostic(params: &[(Param, &str)]) -> Diagnostic {
        let mut d = Diagnostic::new(ErrorCode::CustomCheckError).with_cell("75001");
        for (k, v) in params {
            d = d.with_param(*k, *v);
        }
        d
    }

    #[test]
    fn messages_say_what_was_expected_and_what_the_value_is() {
        let d = diagnostic(&[
            (Param::Check, "code-commune-insee"),
            (Param::Vintage, "2024"),
            (Param::HintKind, "postcode"),
        ]);
        let fr = render(&d, Lang::Fr);
        assert!(fr.contains("Code officiel géographique 2024"), "{fr}");
        assert!(fr.contains("C'est un code postal"), "{fr}");
        let en = render(&d, Lang::En);
        assert!(en.contains("This is a postcode"), "{en}");

        let d = diagnostic(&[
            (Param::Check, "code-commune-insee"),
            (Param::Vintage, "2024"),
            (Param::HintKind, "other-vintage"),
            (Param::Vintages, "2023"),
        ]);
        assert!(render(&d, Lang::Fr).contains("`\"cog\": \"2023\"`"));
        assert!(render(&d, Lang::En).contains("merged"));

        let d = diagnostic(&[
            (Param::Check, "code-postal"),
            (Param::HintKind, "commune-code"),
        ]);
        assert!(render(&d, Lang::Fr).contains("La Poste"));
        assert!(render(&d, Lang::En).contains("not a postcode"));
    }
}
