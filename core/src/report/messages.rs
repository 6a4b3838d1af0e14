//! The message catalogue: one French and one English sentence per code, filled from the
//! diagnostic's structured parameters. Checks never build message text themselves.

mod cells;
mod header;
mod input;
mod keys;
mod schemas;

use super::catalogue::say;
use super::{Diagnostic, ErrorCode, Lang};
pub(super) use input::suffix;
use serde_json::Value;

fn text(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| format!("`{}`", text(Some(i))))
            .collect::<Vec<_>>()
            .join(", "),
        Some(other) => other.to_string(),
    }
}

/// A list quoted as [`text`] does, its first [`ENUM_VALUES_QUOTED`] items only and the rest
/// counted: a message must stay readable whatever the size of the list.
///
/// [`ENUM_VALUES_QUOTED`]: crate::limits::ENUM_VALUES_QUOTED
fn capped_list(v: Option<&Value>, lang: Lang) -> String {
    let limit = crate::limits::ENUM_VALUES_QUOTED;
    match v {
        Some(Value::Array(items)) if items.len() > limit => {
            let head = text(Some(&Value::Array(items[..limit].to_vec())));
            let rest = items.len() - limit;
            head + &say(lang, "list.more", &[("rest", &rest)])
        }
        other => text(other),
    }
}

/// Renders the message of `d` in `lang`.
pub(super) fn render(d: &Diagnostic, lang: Lang) -> String {
    match (d.code, lang) {
        (
            ErrorCode::BlankLabel
            | ErrorCode::DuplicateLabel
            | ErrorCode::IncorrectLabel
            | ErrorCode::MissingLabel
            | ErrorCode::ExtraLabel
            | ErrorCode::BlankRow
            | ErrorCode::ExtraCell
            | ErrorCode::MissingCell
            | ErrorCode::UnmatchedHeader
            | ErrorCode::MissingColumn
            | ErrorCode::ExtraColumn
            | ErrorCode::ColumnsReordered
            | ErrorCode::HeaderCase
            | ErrorCode::HeaderTrimmed,
            _,
        ) => header::render(d, lang),
        (ErrorCode::TypeError, _) => cells::type_error(d, lang),
        (ErrorCode::ConstraintError, _) => cells::constraint_error(d, lang),
        (ErrorCode::UniqueError | ErrorCode::PrimaryKey | ErrorCode::ForeignKey, _) => {
            keys::render(d, lang)
        }
        (ErrorCode::GeopointSwapped, _) => cells::geopoint_swapped(d, lang),
        (
            ErrorCode::UnclosedQuote
            | ErrorCode::StrayQuote
            | ErrorCode::SpaceAroundQuote
            | ErrorCode::MixedLineEndings
            | ErrorCode::TrailingEmptyColumns
            | ErrorCode::BlankRowsAtEnd
            | ErrorCode::NoDataRows
            | ErrorCode::DuplicateKey
            | ErrorCode::SpreadsheetConversion
            | ErrorCode::EncodingWarning
            | ErrorCode::DialectWarning
            | ErrorCode::SourceError,
            _,
        ) => input::render(d, lang),
        (ErrorCode::JsonSchema, _) => schemas::json_schema(d, lang),
        (ErrorCode::SchemaWarning | ErrorCode::SchemaError | ErrorCode::ResourceError, _) => {
            schemas::render(d, lang)
        }
        (code, lang) => check_and_header_message(code, d, lang),
    }
}

/// `names` as `a, b, c` (no backquotes).
fn plain_list(v: Option<&Value>) -> String {
    match v {
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| text(Some(i)))
            .collect::<Vec<_>>()
            .join(", "),
        other => text(other),
    }
}

/// A missing field's position in the schema: matched by name, the field number is the
/// position frictionless gives it (after the file's columns), so the schema's is a param.
fn schema_position(d: &Diagnostic) -> String {
    match d.params.get("schema_position") {
        Some(v) => text(Some(v)),
        None => d.field_number.unwrap_or(0).to_string(),
    }
}

/// ` Vouliez-vous dire `x` ?` when the diagnostic has a `hint`.
fn did_you_mean(d: &Diagnostic, lang: Lang) -> String {
    match d.param_str("hint") {
        Some(hint) => say(lang, "hint.did-you-mean", &[("hint", &hint)]),
        None => String::new(),
    }
}

fn check_error_message(d: &Diagnostic, lang: Lang) -> String {
    let check = d.param_str("check").unwrap_or("");
    let pointer = d.param_str("pointer").unwrap_or("");
    let param = d.param_str("param").unwrap_or("");
    let value = text(d.params.get("value"));
    let expected = text(d.params.get("expected"));
    let column = d.param_str("column").unwrap_or("");
    let hint = did_you_mean(d, lang);
    let detail = match (d.param_str("problem").unwrap_or(""), lang) {
        ("unknown", Lang::Fr) => format!("le custom check `{check}` n'existe pas.{hint}"),
        ("unknown", Lang::En) => format!("there is no custom check named `{check}`.{hint}"),
        ("declaration", Lang::Fr) => "la déclaration doit être un objet {\"name\": \"…\", \"params\": {…}} (ou, dans un champ, \"customCheck\": \"nom\").".to_owned(),
        ("declaration", Lang::En) => "a declaration must be an object {\"name\": \"…\", \"params\": {…}} (or, in a field, \"customCheck\": \"name\").".to_owned(),
        ("missing-param", Lang::Fr) => format!("le paramètre obligatoire `{param}` est absent ; ajoutez-le dans \"params\"."),
        ("missing-param", Lang::En) => format!("the required parameter `{param}` is missing; add it to \"params\"."),
        ("param-type", Lang::Fr) => format!("le paramètre `{param}` vaut {value}, or il doit être de type {expected}."),
        ("param-type", Lang::En) => format!("the parameter `{param}` is {value} but must be of type {expected}."),
        ("unknown-column", Lang::Fr) => format!("le paramètre `{param}` nomme la colonne `{value}`, qui n'est pas définie dans le schéma.{hint}"),
        ("unknown-column", Lang::En) => format!("the parameter `{param}` names the column `{value}`, which the schema does not define.{hint}"),
        ("bad-operator", Lang::Fr) => format!("l'opérateur `{value}` n'est pas géré ; utilisez >, >=, ==, <= ou <."),
        ("bad-operator", Lang::En) => format!("the operator `{value}` is not supported; use >, >=, ==, <= or <."),
        ("column-type", Lang::Fr) => format!("la colonne `{column}` est de type {value}, or ce check demande le type {expected}."),
        ("column-type", Lang::En) => format!("the column `{column}` has type {value} but this check needs type {expected}."),
        ("empty-list", Lang::Fr) => format!("la liste `{param}` est vide."),
        ("empty-list", Lang::En) => format!("the list `{param}` is empty."),
        ("bad-vintage", Lang::Fr) => format!("le millésime du COG `{value}` n'est pas disponible pour ce contrôle ; valeurs possibles : {expected}."),
        ("bad-vintage", Lang::En) => format!("the COG vintage `{value}` is not available for this check; possible values: {expected}."),
        ("list-no-access", Lang::Fr) => format!("la liste de référence `{value}` ne peut pas être lue ici (schéma chargé sans emplacement, adresse web sans accès au réseau, ou navigateur) ; chargez le schéma depuis son fichier ou son adresse avec la commande `conforme` ou le module Python."),
        ("list-no-access", Lang::En) => format!("the reference list `{value}` cannot be read here (a schema loaded without a location, a URL without network access, or a browser); load the schema from its file or address with the `conforme` command or the Python package."),
        ("list-unreadable", Lang::Fr) => format!("la liste de référence `{value}` n'a pas pu être lue : {}. Vérifiez son chemin (relatif au fichier du schéma) ou son adresse.", d.param_str("reason").unwrap_or("")),
        ("list-unreadable", Lang::En) => format!("the reference list `{value}` could not be read: {}. Check its path (relative to the schema file) or address.", d.param_str("reason").unwrap_or("")),
        ("list-column", Lang::Fr) => format!("la liste de référence `{value}` n'a pas de colonne `{column}` ; ses colonnes : {expected}."),
        ("list-column", Lang::En) => format!("the reference list `{value}` has no column `{column}`; its columns: {expected}."),
        (other, _) => other.to_owned(),
    };
    match lang {
        Lang::Fr => format!(
            "Le custom check `{check}` ({pointer}) n'a pas pu être initialisé et n'est pas appliqué : {detail}"
        ),
        Lang::En => format!(
            "The custom check `{check}` ({pointer}) could not be set up and is not applied: {detail}"
        ),
    }
}

fn compare_label(op: &str, lang: Lang) -> &'static str {
    match (op, lang) {
        (">", Lang::Fr) => "supérieure",
        (">=", Lang::Fr) => "supérieure ou égale",
        ("==", Lang::Fr) => "égale",
        ("<=", Lang::Fr) => "inférieure ou égale",
        ("<", Lang::Fr) => "inférieure",
        (">", Lang::En) => "greater than",
        (">=", Lang::En) => "greater than or equal to",
        ("==", Lang::En) => "equal to",
        ("<=", Lang::En) => "less than or equal to",
        ("<", Lang::En) => "less than",
        (_, _) => "",
    }
}

fn nomenclature_message(d: &Diagnostic, lang: Lang) -> String {
    let prefix = d.param_str("prefix").unwrap_or("");
    let reasons: Vec<String> = d
        .params
        .get("reasons")
        .and_then(Value::as_array)
        .map(|r| {
            r.iter()
                .map(|r| match (r.as_str().unwrap_or(""), lang) {
                    ("slash", Lang::Fr) => "le signe oblique « / » est manquant".to_owned(),
                    ("slash", Lang::En) => "the slash \"/\" is missing".to_owned(),
                    ("space", Lang::Fr) => {
                        "le signe oblique ne doit pas être précédé ni suivi d'espace".to_owned()
                    }
                    ("space", Lang::En) => {
                        "the slash must not be preceded or followed by a space".to_owned()
                    }
                    ("prefix", Lang::Fr) => {
                        format!("le préfixe de nomenclature Actes `{prefix}` n'est pas reconnu")
                    }
                    ("prefix", Lang::En) => {
                        format!("the Actes nomenclature prefix `{prefix}` is not recognised")
                    }
                    (other, _) => other.to_owned(),
                })
                .collect()
        })
        .unwrap_or_default();
    match lang {
        Lang::Fr => format!(
            "Nomenclature Actes invalide : {}. Forme attendue : `Urbanisme/Documents d'urbanisme`.",
            reasons.join(", ")
        ),
        Lang::En => format!(
            "Invalid Actes nomenclature: {}. Expected form: `Urbanisme/Documents d'urbanisme`.",
            reasons.join(", ")
        ),
    }
}

/// Messages of the custom checks and of the by-name header matching.
fn check_and_header_message(code: ErrorCode, d: &Diagnostic, lang: Lang) -> String {
    let cell = d.cell.as_deref().unwrap_or("");
    let p = |k: &str| text(d.params.get(k));
    match (code, lang) {
        (ErrorCode::CheckError, _) => check_error_message(d, lang),
        (ErrorCode::CustomCheckError, _) => super::referential_messages::render(d, lang),
        (ErrorCode::FrenchSiretValue, Lang::Fr) => format!(
            "Numéro SIRET invalide : `{cell}` n'est pas un numéro SIRET valide (14 chiffres dont le dernier est une clé de contrôle ; voir l'annuaire des entreprises)."
        ),
        (ErrorCode::FrenchSiretValue, Lang::En) => format!(
            "Invalid SIRET number: `{cell}` is not a valid SIRET (14 digits, the last one a check digit)."
        ),
        (ErrorCode::FrenchSirenValue, Lang::Fr) => format!(
            "Numéro SIREN invalide : `{cell}` n'est pas un numéro SIREN valide (9 chiffres dont le dernier est une clé de contrôle)."
        ),
        (ErrorCode::FrenchSirenValue, Lang::En) => format!(
            "Invalid SIREN number: `{cell}` is not a valid SIREN (9 digits, the last one a check digit)."
        ),
        (ErrorCode::CompareColumnsValue, Lang::Fr)
            if d.param_str("reason") == Some("incomparable") =>
        {
            format!(
                "Valeurs non comparables : la valeur de la colonne {} `{}` n'est pas comparable avec la valeur de la colonne {} `{}`.",
                p("column"),
                p("value"),
                p("column2"),
                p("value2")
            )
        }
        (ErrorCode::CompareColumnsValue, Lang::En)
            if d.param_str("reason") == Some("incomparable") =>
        {
            format!(
                "Values not comparable: the value of column {} `{}` cannot be compared with the value of column {} `{}`.",
                p("column"),
                p("value"),
                p("column2"),
                p("value2")
            )
        }
        (ErrorCode::CompareColumnsValue, Lang::Fr) => format!(
            "Erreur de comparaison : la valeur de la colonne {} `{}` devrait être {} à la valeur de la colonne {} `{}`.",
            p("column"),
            p("value"),
            compare_label(&p("op"), lang),
            p("column2"),
            p("value2")
        ),
        (ErrorCode::CompareColumnsValue, Lang::En) => format!(
            "Comparison failed: the value of column {} `{}` should be {} the value of column {} `{}`.",
            p("column"),
            p("value"),
            compare_label(&p("op"), lang),
            p("column2"),
            p("value2")
        ),
        (ErrorCode::CohesiveColumnsValue, Lang::Fr) if d.params.contains_key("absent") => format!(
            "Colonnes non solidaires : les colonnes {} doivent être soit toutes présentes, soit toutes absentes (absentes : {}).",
            text(d.params.get("columns")),
            text(d.params.get("absent"))
        ),
        (ErrorCode::CohesiveColumnsValue, Lang::En) if d.params.contains_key("absent") => format!(
            "Columns not cohesive: the columns {} must be either all present or all absent (absent: {}).",
            text(d.params.get("columns")),
            text(d.params.get("absent"))
        ),
        (ErrorCode::CohesiveColumnsValue, Lang::Fr) => format!(
            "Colonnes non solidaires : les colonnes {} doivent toutes comporter une valeur ou toutes être vides.",
            plain_list(d.params.get("columns"))
        ),
        (ErrorCode::CohesiveColumnsValue, Lang::En) => format!(
            "Columns not cohesive: the columns {} must all have a value or all be empty.",
            plain_list(d.params.get("columns"))
        ),
        (ErrorCode::SumColumnsValue, Lang::Fr) => format!(
            "Somme de colonnes incorrecte : la somme des valeurs des colonnes {} ({}) est différente de la valeur de la colonne {} ({}).",
            plain_list(d.params.get("columns")),
            p("sum"),
            p("column"),
            p("value")
        ),
        (ErrorCode::SumColumnsValue, Lang::En) => format!(
            "Wrong sum: the sum of columns {} ({}) differs from the value of column {} ({}).",
            plain_list(d.params.get("columns")),
            p("sum"),
            p("column"),
            p("value")
        ),
        (ErrorCode::OneOfRequired, Lang::Fr) if d.params.contains_key("absent") => format!(
            "Une des deux colonnes est requise : {} sont toutes deux absentes du fichier.",
            text(d.params.get("absent"))
        ),
        (ErrorCode::OneOfRequired, Lang::En) if d.params.contains_key("absent") => format!(
            "One of two columns is required: {} are both missing from the file.",
            text(d.params.get("absent"))
        ),
        (ErrorCode::OneOfRequired, Lang::Fr) => format!(
            "Un élément requis : au moins l'une des colonnes `{}` ou `{}` doit comporter une valeur.",
            p("column1"),
            p("column2")
        ),
        (ErrorCode::OneOfRequired, Lang::En) => format!(
            "One value required: at least one of the columns `{}` or `{}` must have a value.",
            p("column1"),
            p("column2")
        ),
        (ErrorCode::YearIntervalValue, _) => {
            let detail = match (d.param_str("reason").unwrap_or(""), lang) {
                ("format", Lang::Fr) => "format attendu : AAAA/AAAA".to_owned(),
                ("format", Lang::En) => "expected form: YYYY/YYYY".to_owned(),
                ("format-or-year", Lang::Fr) => {
                    "format attendu : année (AAAA) ou intervalle (AAAA/AAAA)".to_owned()
                }
                ("format-or-year", Lang::En) => {
                    "expected form: a year (YYYY) or an interval (YYYY/YYYY)".to_owned()
                }
                ("same", Lang::Fr) => "les deux années doivent être différentes".to_owned(),
                ("same", Lang::En) => "the two years must differ".to_owned(),
                ("order", Lang::Fr) => format!(
                    "la deuxième année ({}) doit être postérieure à la première ({})",
                    p("year2"),
                    p("year1")
                ),
                ("order", Lang::En) => format!(
                    "the second year ({}) must come after the first one ({})",
                    p("year2"),
                    p("year1")
                ),
                (other, _) => other.to_owned(),
            };
            match lang {
                Lang::Fr => format!("Intervalle d'années incorrect : `{cell}` : {detail}."),
                Lang::En => format!("Wrong year interval: `{cell}`: {detail}."),
            }
        }
        (ErrorCode::NomenclatureActes, _) => nomenclature_message(d, lang),
        (ErrorCode::OpeningHoursValue, Lang::Fr) => format!(
            "Horaires d'ouverture incorrects : `{cell}` ne respecte pas la spécification OpenStreetMap (https://wiki.openstreetmap.org/wiki/Key:opening_hours), par exemple `Mo-Fr 08:00-12:00,14:00-18:00`."
        ),
        (ErrorCode::OpeningHoursValue, Lang::En) => format!(
            "Wrong opening hours: `{cell}` does not follow the OpenStreetMap specification (https://wiki.openstreetmap.org/wiki/Key:opening_hours), e.g. `Mo-Fr 08:00-12:00,14:00-18:00`."
        ),
        (ErrorCode::PhoneNumberValue, Lang::Fr) => format!(
            "Numéro de téléphone invalide : `{cell}`. Les numéros acceptés sont les numéros français à 10 chiffres (`01 99 00 27 37`) ou au format international avec le préfixe du pays (`+33 1 99 00 27 37`) ; les numéros courts (`115` ou `3949`) sont également acceptés."
        ),
        (ErrorCode::PhoneNumberValue, Lang::En) => format!(
            "Invalid phone number: `{cell}`. Accepted numbers are 10-digit French numbers (`01 99 00 27 37`) or international numbers with their country prefix (`+33 1 99 00 27 37`); short numbers (`115` or `3949`) are accepted too."
        ),
        (ErrorCode::FrenchGpsCoordinates, Lang::Fr) => format!(
            "Coordonnées GPS invalides : `{cell}` ne tombe pas en France (métropole, Corse, Guadeloupe, Martinique, Guyane, La Réunion, Mayotte)."
        ),
        (ErrorCode::FrenchGpsCoordinates, Lang::En) => format!(
            "Invalid GPS coordinates: `{cell}` is not in France (mainland, Corsica, Guadeloupe, Martinique, French Guiana, Réunion, Mayotte)."
        ),
        (ErrorCode::ReversedFrenchGpsCoordinates, Lang::Fr) => format!(
            "Coordonnées GPS inversées : `{cell}` ne tombe pas en France, mais y tomberait en échangeant longitude et latitude ; la longitude s'écrit en premier."
        ),
        (ErrorCode::ReversedFrenchGpsCoordinates, Lang::En) => format!(
            "Swapped GPS coordinates: `{cell}` is not in France but would be with longitude and latitude swapped; longitude comes first."
        ),
        (ErrorCode::DeprecatedCheck, Lang::Fr) => format!(
            "Le custom check `{}` est déprécié, utilisez `{}` à la place dans le schéma.",
            p("check"),
            p("replacement")
        ),
        (ErrorCode::DeprecatedCheck, Lang::En) => format!(
            "The custom check `{}` is deprecated; use `{}` instead in the schema.",
            p("check"),
            p("replacement")
        ),
        (ErrorCode::UnsupportedCheck, Lang::Fr) => format!(
            "Le custom check `{}` ({}) n'est pas encore appliqué par conforme : cette colonne n'est pas vérifiée par ce contrôle.",
            p("check"),
            p("pointer")
        ),
        (ErrorCode::UnsupportedCheck, Lang::En) => format!(
            "The custom check `{}` ({}) is not applied by conforme yet: this column is not checked by it.",
            p("check"),
            p("pointer")
        ),
        (_, Lang::Fr) => format!("{code}"),
        (_, Lang::En) => format!("{code}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Marks of a placeholder left empty or unfilled in a rendered sentence.
    const UNFILLED: &[&str] = &[
        "``", "()", "( ", " )", "{", "}", " ,", " :.", "  ", "null", "..",
    ];

    /// A diagnostic with every parameter any message reads, each set to a visible value, so
    /// that an empty spot in a message can only be a placeholder the catalogue failed to fill.
    fn full(code: ErrorCode, ty: &str, constraint: &str, hint_kind: &str) -> Diagnostic {
        Diagnostic::new(code)
            .at_row(4, 5)
            .at_byte(120)
            .in_field(2, "code_postal")
            .with_cell("7501")
            .with_param("type", ty)
            .with_param("format", "default")
            .with_param("trueValues", vec!["oui"])
            .with_param("falseValues", vec!["non"])
            .with_param("constraint", constraint)
            .with_param("value", "^[0-9]{5}$")
            .with_param("length", 4)
            .with_param("example", "75001")
            .with_param("hint", "07501")
            .with_param("hint_kind", hint_kind)
            .with_param("label", "cp")
            .with_param("first_row", 2)
            .with_param("fields", vec!["id", "date"])
            .with_param("values", vec!["7", "2024-01-01"])
            .with_param("reason", "duplicate")
            .with_param("detail", "must be a string")
            .with_param("detail_fr", "doit être une chaîne")
            // Parameters of the custom checks and of by-name header matching.
            .with_param("check", "siret")
            .with_param("problem", "unknown")
            .with_param("param", "column")
            .with_param("column", "date_debut")
            .with_param("column2", "date_fin")
            .with_param("value2", "2024-01-01")
            .with_param("op", "<=")
            .with_param("prefix", "Urbanism")
            .with_param("reasons", vec!["slash"])
            .with_param("expected", vec!["id", "date"])
            .with_param("columns", vec!["a", "b"])
            .with_param("absent", vec!["b"])
            .with_param("present", vec!["a"])
            .with_param("total", "10")
            .with_param("sum", "9")
            .with_param("name", "siret")
            .with_param("new_name", "siret")
            .with_param("reference", vec!["id"])
            .with_param("keyword", "required")
            .with_param("schema_path", "/required")
            .with_param("rule", "misspelt-key")
            .with_param("key", "contraints")
            .with_param("suggestion", "constraints")
            .with_param("column1", "date_debut")
            .with_param("replacement", "siret")
            .with_param("year1", 2020)
            .with_param("year2", 2019)
            // Parameters of JSON Schema errors.
            .with_param("property", "\"id\"")
            .with_param("allowed", vec!["a", "b"])
            .with_param("message", "is not valid")
            .with_param("limit", 3)
            .with_param("pattern", "^[0-9]+$")
            .with_param("unexpected", vec!["x"])
            .with_param("resource", "stations")
            // Parameters of the input (CSV syntax, spreadsheet) warnings.
            .with_param("first", "CRLF")
            .with_param("other", "LF")
            .with_param("count", 3)
            .with_param("kind", "number-to-text")
            .with_param("scientific", "2,10104E+13")
            .with_param("sheet", "Feuil1")
            .with_param("from", "2.10104E+13")
            .with_param("to", "21010400000013")
            .with_param("pointer", "/fields/1")
            .with_param("encoding", "windows-1252")
            .with_param("delimiter", ";")
    }

    const TYPES: &[&str] = &[
        "string",
        "number",
        "integer",
        "boolean",
        "date",
        "time",
        "datetime",
        "year",
        "yearmonth",
        "duration",
        "geopoint",
        "geojson",
        "object",
        "array",
        "list",
    ];
    const CONSTRAINTS: &[&str] = &[
        "required",
        "unique",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "pattern",
        "enum",
        "jsonSchema",
    ];
    const HINT_KINDS: &[&str] = &[
        "trim",
        "excel-float",
        "leading-zeros",
        "decimal-comma",
        "date-layout",
        "boolean-case",
        "closest-value",
        "swapped-lon-lat",
    ];

    fn check(d: &Diagnostic) {
        let fr = render(d, Lang::Fr);
        let en = render(d, Lang::En);
        let what = format!("{} {:?}", d.code, d.params);
        assert!(!fr.trim().is_empty(), "no French message for {what}");
        assert!(!en.trim().is_empty(), "no English message for {what}");
        assert_ne!(fr, en, "French and English are the same for {what}");
        for (lang, m) in [("fr", &fr), ("en", &en)] {
            for mark in UNFILLED {
                // `{5}` is the pattern quoted from the schema, not a placeholder.
                let m = m.replace("{5}", "");
                assert!(
                    !m.contains(mark),
                    "{lang} message for {what} has an unfilled placeholder ({mark:?}): {m}"
                );
            }
        }
    }

    #[test]
    fn every_code_has_both_translations_with_every_placeholder_filled() {
        for &code in ErrorCode::ALL {
            check(&full(code, "integer", "pattern", "leading-zeros"));
        }
        for ty in TYPES {
            check(&full(ErrorCode::TypeError, ty, "", "trim"));
        }
        for c in CONSTRAINTS {
            check(&full(ErrorCode::ConstraintError, "string", c, "trim"));
        }
        for kind in HINT_KINDS {
            check(&full(ErrorCode::TypeError, "integer", "", kind));
            // Every kind has its own explanation in both languages.
            let d = full(ErrorCode::TypeError, "integer", "", kind);
            let generic = full(ErrorCode::TypeError, "integer", "", "unknown-kind");
            assert_ne!(
                render(&d, Lang::Fr),
                render(&generic, Lang::Fr),
                "{kind} (fr)"
            );
            assert_ne!(
                render(&d, Lang::En),
                render(&generic, Lang::En),
                "{kind} (en)"
            );
        }
    }

    #[test]
    fn a_hint_is_rendered_with_its_reason() {
        let d = full(
            ErrorCode::ConstraintError,
            "string",
            "pattern",
            "leading-zeros",
        );
        let fr = render(&d, Lang::Fr);
        assert!(fr.contains("Suggestion : `07501`"), "{fr}");
        assert!(fr.contains("zéros"), "{fr}");
        assert!(fr.contains("Exemple de valeur valide : `75001`"), "{fr}");
    }
}
