//! The message catalogue: one French and one English sentence per code, filled from the
//! diagnostic's structured parameters. Checks never build message text themselves.

use super::{Diagnostic, ErrorCode};
use serde_json::Value;

/// Language of the report messages.
///
/// ```
/// assert_eq!(conforme::Lang::from_tag("en-GB"), Some(conforme::Lang::En));
/// assert_eq!(conforme::Lang::default(), conforme::Lang::Fr);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// French (the default: the people who fix the data read French).
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Reads a language tag such as `fr`, `en`, `fr_FR.UTF-8`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let lower = tag.to_ascii_lowercase();
        if lower.starts_with("fr") {
            Some(Lang::Fr)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

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

/// A French/English label for a Table Schema type, used inside sentences.
fn type_label(ty: &str, lang: Lang) -> &'static str {
    match (ty, lang) {
        ("string", Lang::Fr) => "une chaîne de caractères",
        ("number", Lang::Fr) => "un nombre",
        ("integer", Lang::Fr) => "un nombre entier",
        ("boolean", Lang::Fr) => "un booléen",
        ("date", Lang::Fr) => "une date",
        ("time", Lang::Fr) => "une heure",
        ("datetime", Lang::Fr) => "une date et heure",
        ("year", Lang::Fr) => "une année",
        ("yearmonth", Lang::Fr) => "une année et un mois",
        ("duration", Lang::Fr) => "une durée",
        ("geopoint", Lang::Fr) => "un point géographique",
        ("geojson", Lang::Fr) => "un objet GeoJSON",
        ("object", Lang::Fr) => "un objet JSON",
        ("array", Lang::Fr) => "un tableau JSON",
        ("list", Lang::Fr) => "une liste",
        ("string", Lang::En) => "a string",
        ("number", Lang::En) => "a number",
        ("integer", Lang::En) => "an integer",
        ("boolean", Lang::En) => "a boolean",
        ("date", Lang::En) => "a date",
        ("time", Lang::En) => "a time",
        ("datetime", Lang::En) => "a date and time",
        ("year", Lang::En) => "a year",
        ("yearmonth", Lang::En) => "a year and month",
        ("duration", Lang::En) => "a duration",
        ("geopoint", Lang::En) => "a geographic point",
        ("geojson", Lang::En) => "a GeoJSON object",
        ("object", Lang::En) => "a JSON object",
        ("array", Lang::En) => "a JSON array",
        ("list", Lang::En) => "a list",
        (_, Lang::Fr) => "une valeur du type attendu",
        (_, Lang::En) => "a value of the expected type",
    }
}

/// A strptime format as people read it: `%d/%m/%Y` → `JJ/MM/AAAA`.
fn strptime_human(format: &str, lang: Lang) -> String {
    let (year, day) = match lang {
        Lang::Fr => ("AAAA", "JJ"),
        Lang::En => ("YYYY", "DD"),
    };
    format
        .replace("%Y", year)
        .replace("%y", &year[2..])
        .replace("%m", "MM")
        .replace("%d", day)
        .replace("%H", "hh")
        .replace("%M", "mm")
        .replace("%S", "ss")
}

fn expected_form(d: &Diagnostic, lang: Lang) -> String {
    let ty = d.param_str("type").unwrap_or("");
    let format = d.param_str("format").unwrap_or("default");
    let described = match (ty, format) {
        ("date", "default") => Some("AAAA-MM-JJ (2024-03-31)"),
        ("datetime", "default") => Some("AAAA-MM-JJThh:mm:ss (2024-03-31T14:05:00)"),
        ("time", "default") => Some("hh:mm:ss (14:05:00)"),
        ("year", _) => Some("AAAA (2024)"),
        ("yearmonth", _) => Some("AAAA-MM (2024-03)"),
        ("duration", _) => Some("ISO 8601 (P1Y2M10DT2H30M)"),
        ("geopoint", "default") => Some("\"lon, lat\" (2.35, 48.85)"),
        ("geopoint", "array") => Some("[lon, lat] ([2.35, 48.85])"),
        ("geopoint", "object") => Some("{\"lon\": 2.35, \"lat\": 48.85}"),
        _ => None,
    };
    let described = described.map(|s| match lang {
        Lang::Fr => s.to_owned(),
        Lang::En => s.replace("AAAA", "YYYY").replace("JJ", "DD"),
    });
    if let Some(form) = described {
        return match lang {
            Lang::Fr => format!(" Forme attendue : {form}."),
            Lang::En => format!(" Expected form: {form}."),
        };
    }
    if matches!(ty, "date" | "datetime" | "time") && format != "default" && format != "any" {
        let human = strptime_human(format, lang);
        return match lang {
            Lang::Fr => format!(" Forme attendue : {human} (format `{format}`)."),
            Lang::En => format!(" Expected form: {human} (format `{format}`)."),
        };
    }
    if ty == "boolean" {
        let t = text(d.params.get("trueValues"));
        let f = text(d.params.get("falseValues"));
        return match lang {
            Lang::Fr => format!(" Valeurs acceptées : {t} (vrai) et {f} (faux)."),
            Lang::En => format!(" Accepted values: {t} (true) and {f} (false)."),
        };
    }
    String::new()
}

/// The fix hint sentence, explained by `hint_kind` (`trim`, `excel-float`, …).
fn hint(d: &Diagnostic, lang: Lang) -> String {
    let Some(h) = d.param_str("hint") else {
        return String::new();
    };
    let why = match (d.param_str("hint_kind").unwrap_or(""), lang) {
        ("trim", Lang::Fr) => "retirez les espaces au début ou à la fin",
        ("trim", Lang::En) => "remove the spaces at the start or end",
        ("excel-float", Lang::Fr) => {
            "le « .0 » final vient sans doute d'un tableur qui a lu la valeur comme un nombre"
        }
        ("excel-float", Lang::En) => {
            "the trailing \".0\" probably comes from a spreadsheet that read the value as a number"
        }
        ("leading-zeros", Lang::Fr) => {
            "les zéros en tête ont sans doute été perdus par un tableur (mettez la colonne au format texte)"
        }
        ("leading-zeros", Lang::En) => {
            "the leading zeros were probably lost by a spreadsheet (format the column as text)"
        }
        ("decimal-comma", Lang::Fr) => {
            "utilisez le point comme séparateur décimal, sans espace entre les milliers"
        }
        ("decimal-comma", Lang::En) => {
            "use a point as the decimal separator, with no spaces between thousands"
        }
        ("date-layout", Lang::Fr) => "écrivez la date sous la forme AAAA-MM-JJ",
        ("date-layout", Lang::En) => "write the date as YYYY-MM-DD",
        ("boolean-case", Lang::Fr) => "respectez les majuscules et minuscules",
        ("boolean-case", Lang::En) => "mind upper and lower case",
        ("closest-value", Lang::Fr) => "valeur autorisée la plus proche",
        ("closest-value", Lang::En) => "closest allowed value",
        ("swapped-lon-lat", Lang::Fr) => {
            "la longitude et la latitude semblent inversées (l'ordre attendu est longitude, latitude)"
        }
        ("swapped-lon-lat", Lang::En) => {
            "longitude and latitude look swapped (the expected order is longitude, latitude)"
        }
        (_, Lang::Fr) => "valeur corrigée",
        (_, Lang::En) => "corrected value",
    };
    match lang {
        Lang::Fr => format!(" Suggestion : `{h}` — {why}."),
        Lang::En => format!(" Suggestion: `{h}` — {why}."),
    }
}

fn constraint_message(d: &Diagnostic, lang: Lang) -> String {
    let cell = d.cell.as_deref().unwrap_or("");
    let value = text(d.params.get("value"));
    let constraint = d.param_str("constraint").unwrap_or("");
    let example = d
        .param_str("example")
        .map(|e| match lang {
            Lang::Fr => format!(" Exemple de valeur valide : `{e}`."),
            Lang::En => format!(" Example of a valid value: `{e}`."),
        })
        .unwrap_or_default();
    let base: String = match (constraint, lang) {
        ("required", Lang::Fr) => {
            "Valeur manquante : cette colonne est obligatoire, la cellule doit être renseignée."
                .into()
        }
        ("required", Lang::En) => {
            "Missing value: this column is required, the cell must be filled in.".into()
        }
        ("unique", Lang::Fr) => {
            format!("Valeur dupliquée : `{cell}` doit être unique dans la colonne.")
        }
        ("unique", Lang::En) => format!("Duplicate value: `{cell}` must be unique in the column."),
        ("minLength", Lang::Fr) => format!(
            "Valeur trop courte : `{cell}` a {} caractères, il en faut au moins {value}.",
            d.params
                .get("length")
                .map(|v| v.to_string())
                .unwrap_or_default()
        ),
        ("minLength", Lang::En) => format!(
            "Value too short: `{cell}` has {} characters, at least {value} are required.",
            d.params
                .get("length")
                .map(|v| v.to_string())
                .unwrap_or_default()
        ),
        ("maxLength", Lang::Fr) => format!(
            "Valeur trop longue : `{cell}` a {} caractères, {value} au plus sont permis.",
            d.params
                .get("length")
                .map(|v| v.to_string())
                .unwrap_or_default()
        ),
        ("maxLength", Lang::En) => format!(
            "Value too long: `{cell}` has {} characters, at most {value} are allowed.",
            d.params
                .get("length")
                .map(|v| v.to_string())
                .unwrap_or_default()
        ),
        ("minimum", Lang::Fr) => {
            format!("Valeur trop petite : `{cell}` doit être supérieure ou égale à {value}.")
        }
        ("minimum", Lang::En) => {
            format!("Value too small: `{cell}` must be greater than or equal to {value}.")
        }
        ("maximum", Lang::Fr) => {
            format!("Valeur trop grande : `{cell}` doit être inférieure ou égale à {value}.")
        }
        ("maximum", Lang::En) => {
            format!("Value too large: `{cell}` must be less than or equal to {value}.")
        }
        ("exclusiveMinimum", Lang::Fr) => {
            format!("Valeur trop petite : `{cell}` doit être strictement supérieure à {value}.")
        }
        ("exclusiveMinimum", Lang::En) => {
            format!("Value too small: `{cell}` must be strictly greater than {value}.")
        }
        ("exclusiveMaximum", Lang::Fr) => {
            format!("Valeur trop grande : `{cell}` doit être strictement inférieure à {value}.")
        }
        ("exclusiveMaximum", Lang::En) => {
            format!("Value too large: `{cell}` must be strictly less than {value}.")
        }
        ("pattern", Lang::Fr) => format!(
            "Format incorrect : `{cell}` ne respecte pas le motif imposé (expression régulière `{value}`).{example}"
        ),
        ("pattern", Lang::En) => format!(
            "Wrong format: `{cell}` does not match the required pattern (regular expression `{value}`).{example}"
        ),
        ("enum", Lang::Fr) => format!(
            "Valeur non autorisée : `{cell}` n'est pas dans la liste des valeurs possibles : {value}."
        ),
        ("enum", Lang::En) => {
            format!("Value not allowed: `{cell}` is not one of the allowed values: {value}.")
        }
        ("jsonSchema", Lang::Fr) => format!(
            "La valeur ne respecte pas le schéma JSON de la colonne : {}.",
            text(d.params.get("detail"))
        ),
        ("jsonSchema", Lang::En) => format!(
            "The value does not follow the column's JSON Schema: {}.",
            text(d.params.get("detail"))
        ),
        (other, Lang::Fr) => {
            format!("La valeur `{cell}` ne respecte pas la contrainte `{other}` ({value}).")
        }
        (other, Lang::En) => {
            format!("The value `{cell}` breaks the constraint `{other}` ({value}).")
        }
    };
    base + &hint(d, lang)
}

/// Renders the message of `d` in `lang`.
pub(super) fn render(d: &Diagnostic, lang: Lang) -> String {
    let cell = d.cell.as_deref().unwrap_or("");
    let field = d.field_name.as_deref().unwrap_or("");
    let label = text(d.params.get("label"));
    let position = d.field_number.unwrap_or(0);
    let first_row = text(d.params.get("first_row"));
    let fields = text(d.params.get("fields"));
    match (d.code, lang) {
        (ErrorCode::BlankLabel, Lang::Fr) => format!(
            "En-tête vide : la colonne {position} n'a pas de nom ; écrivez `{field}` dans la première ligne."
        ),
        (ErrorCode::BlankLabel, Lang::En) => format!(
            "Blank header: column {position} has no name; write `{field}` in the first line."
        ),
        (ErrorCode::DuplicateLabel, Lang::Fr) => format!(
            "En-tête en double : la colonne `{label}` (position {position}) apparaît déjà plus tôt dans l'en-tête ; renommez ou supprimez l'une des deux."
        ),
        (ErrorCode::DuplicateLabel, Lang::En) => format!(
            "Duplicate header: column `{label}` (position {position}) already appears earlier in the header; rename or remove one of them."
        ),
        (ErrorCode::IncorrectLabel, Lang::Fr) => format!(
            "En-tête incorrect : la colonne {position} s'appelle `{label}` alors que le schéma attend `{field}` à cette position."
        ),
        (ErrorCode::IncorrectLabel, Lang::En) => format!(
            "Incorrect header: column {position} is named `{label}` but the schema expects `{field}` at this position."
        ),
        (ErrorCode::MissingLabel, Lang::Fr) => format!(
            "Colonne manquante : la colonne `{field}` (position {position} dans le schéma) est absente du fichier ; ajoutez-la."
        ),
        (ErrorCode::MissingLabel, Lang::En) => format!(
            "Missing column: column `{field}` (position {position} in the schema) is not in the file; add it."
        ),
        (ErrorCode::ExtraLabel, Lang::Fr) => format!(
            "Colonne surnuméraire : la colonne `{label}` (position {position}) n'est pas définie dans le schéma ; retirez-la."
        ),
        (ErrorCode::ExtraLabel, Lang::En) => format!(
            "Extra column: column `{label}` (position {position}) is not defined in the schema; remove it."
        ),
        (ErrorCode::BlankRow, Lang::Fr) => {
            "Ligne vide : toutes les cellules de cette ligne sont vides ; retirez-la.".into()
        }
        (ErrorCode::BlankRow, Lang::En) => {
            "Blank row: every cell of this row is empty; remove it.".into()
        }
        (ErrorCode::ExtraCell, Lang::Fr) => format!(
            "Cellule surnuméraire : la ligne a plus de cellules que l'en-tête n'a de colonnes (cellule {position} : `{cell}`) ; vérifiez les séparateurs de cette ligne."
        ),
        (ErrorCode::ExtraCell, Lang::En) => format!(
            "Extra cell: the row has more cells than the header has columns (cell {position}: `{cell}`); check the delimiters on this line."
        ),
        (ErrorCode::MissingCell, Lang::Fr) => format!(
            "Cellule manquante : la ligne s'arrête avant la colonne `{field}` (position {position}) ; vérifiez les séparateurs de cette ligne."
        ),
        (ErrorCode::MissingCell, Lang::En) => format!(
            "Missing cell: the row ends before column `{field}` (position {position}); check the delimiters on this line."
        ),
        (ErrorCode::TypeError, _) if d.param_str("type") == Some("string") => {
            let what = match (d.param_str("format").unwrap_or(""), lang) {
                ("email", Lang::Fr) => {
                    "une adresse e-mail valide (forme attendue : nom@domaine.fr)"
                }
                ("email", Lang::En) => "a valid e-mail address (expected form: name@domain.org)",
                ("uri", Lang::Fr) => {
                    "une adresse web (URI) valide : elle doit commencer par https:// (ou un autre schéma comme mailto:) et ne pas contenir d'espace"
                }
                ("uri", Lang::En) => {
                    "a valid URI: it must start with https:// (or another scheme such as mailto:) and contain no space"
                }
                ("uuid", Lang::Fr) => {
                    "un identifiant UUID (forme attendue : 123e4567-e89b-12d3-a456-426614174000)"
                }
                ("uuid", Lang::En) => {
                    "a UUID (expected form: 123e4567-e89b-12d3-a456-426614174000)"
                }
                ("binary", Lang::Fr) => "du contenu binaire encodé en base64",
                ("binary", Lang::En) => "base64-encoded binary content",
                (_, Lang::Fr) => "une chaîne de caractères valide",
                (_, Lang::En) => "a valid string",
            };
            match lang {
                Lang::Fr => format!("Format incorrect : `{cell}` n'est pas {what}."),
                Lang::En => format!("Wrong format: `{cell}` is not {what}."),
            }
        }
        (ErrorCode::TypeError, _) => {
            let ty = d.param_str("type").unwrap_or("");
            let expected = type_label(ty, lang);
            let form = expected_form(d, lang);
            match lang {
                Lang::Fr => format!(
                    "Type incorrect : `{cell}` n'est pas {expected}.{form}{}",
                    hint(d, lang)
                ),
                Lang::En => format!(
                    "Wrong type: `{cell}` is not {expected}.{form}{}",
                    hint(d, lang)
                ),
            }
        }
        (ErrorCode::ConstraintError, _) => constraint_message(d, lang),
        (ErrorCode::UniqueError, Lang::Fr) => format!(
            "Valeur dupliquée : `{cell}` apparaît déjà à la ligne {first_row} alors que la colonne `{field}` doit être unique."
        ),
        (ErrorCode::UniqueError, Lang::En) => format!(
            "Duplicate value: `{cell}` already appears in row {first_row} but column `{field}` must be unique."
        ),
        (ErrorCode::PrimaryKey, Lang::Fr) => match d.param_str("reason") {
            Some("null") => {
                format!("Clé primaire incomplète : la clé ({fields}) a une partie vide.")
            }
            _ => format!(
                "Clé primaire dupliquée : la clé ({fields}) a la même valeur qu'à la ligne {first_row}."
            ),
        },
        (ErrorCode::PrimaryKey, Lang::En) => match d.param_str("reason") {
            Some("null") => {
                format!("Incomplete primary key: a part of the key ({fields}) is empty.")
            }
            _ => format!(
                "Duplicate primary key: the key ({fields}) has the same value as in row {first_row}."
            ),
        },
        (ErrorCode::ForeignKey, Lang::Fr) => format!(
            "Référence introuvable : la valeur ({fields}) n'existe pas dans la table référencée."
        ),
        (ErrorCode::ForeignKey, Lang::En) => format!(
            "Reference not found: the value ({fields}) does not exist in the referenced table."
        ),
        (ErrorCode::EncodingWarning, Lang::Fr) => format!(
            "Le fichier n'est pas encodé en UTF-8 : il a été lu comme {} (premier caractère non UTF-8 à la ligne {}, octet {}). Réenregistrez-le en « CSV UTF-8 » pour éviter les erreurs d'accents.",
            text(d.params.get("encoding")),
            d.line.unwrap_or(0),
            d.byte.unwrap_or(0)
        ),
        (ErrorCode::EncodingWarning, Lang::En) => format!(
            "The file is not UTF-8: it was read as {} (first non-UTF-8 character on line {}, byte {}). Save it again as \"CSV UTF-8\" to avoid broken accents.",
            text(d.params.get("encoding")),
            d.line.unwrap_or(0),
            d.byte.unwrap_or(0)
        ),
        (ErrorCode::DialectWarning, Lang::Fr) => format!(
            "Séparateur détecté : `{}` (le séparateur standard est la virgule).",
            text(d.params.get("delimiter"))
        ),
        (ErrorCode::DialectWarning, Lang::En) => format!(
            "Detected delimiter: `{}` (the standard delimiter is the comma).",
            text(d.params.get("delimiter"))
        ),
        (ErrorCode::SchemaWarning, Lang::Fr) => format!(
            "Schéma ({}) : {}",
            text(d.params.get("pointer")),
            text(d.params.get("detail_fr").or(d.params.get("detail")))
        ),
        (ErrorCode::SchemaWarning, Lang::En) => format!(
            "Schema ({}): {}",
            text(d.params.get("pointer")),
            text(d.params.get("detail"))
        ),
        (ErrorCode::GeopointSwapped, Lang::Fr) => format!(
            "Coordonnées à vérifier : le point `{cell}` tombe hors de France, mais en France si l'on inverse longitude et latitude.{}",
            hint(d, lang)
        ),
        (ErrorCode::GeopointSwapped, Lang::En) => format!(
            "Coordinates to check: the point `{cell}` falls outside France, but inside it with longitude and latitude swapped.{}",
            hint(d, lang)
        ),
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
            .with_param("reason", "duplicate")
            .with_param("detail", "must be a string")
            .with_param("detail_fr", "doit être une chaîne")
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
