//! Cells: a value of the wrong type or breaking a constraint, and the pieces these messages
//! share (type labels, string formats, expected forms, fix hints).

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
    Entry {
        key: "type-error",
        fr: "Type incorrect : `{cell}` n'est pas {expected}.{form}{hint}",
        en: "Wrong type: `{cell}` is not {expected}.{form}{hint}",
    },
    Entry {
        key: "type-error.string",
        fr: "Format incorrect : `{cell}` n'est pas {what}.",
        en: "Wrong format: `{cell}` is not {what}.",
    },
    Entry {
        key: "constraint-error.required",
        fr: "Valeur manquante : cette colonne est obligatoire, la cellule doit être renseignée.{hint}",
        en: "Missing value: this column is required, the cell must be filled in.{hint}",
    },
    Entry {
        key: "constraint-error.unique",
        fr: "Valeur dupliquée : `{cell}` doit être unique dans la colonne.{hint}",
        en: "Duplicate value: `{cell}` must be unique in the column.{hint}",
    },
    Entry {
        key: "constraint-error.minLength",
        fr: "Valeur trop courte : `{cell}` a {length} caractères, il en faut au moins {value}.{hint}",
        en: "Value too short: `{cell}` has {length} characters, at least {value} are required.{hint}",
    },
    Entry {
        key: "constraint-error.maxLength",
        fr: "Valeur trop longue : `{cell}` a {length} caractères, {value} au plus sont permis.{hint}",
        en: "Value too long: `{cell}` has {length} characters, at most {value} are allowed.{hint}",
    },
    Entry {
        key: "constraint-error.minimum",
        fr: "Valeur trop petite : `{cell}` doit être supérieure ou égale à {value}.{hint}",
        en: "Value too small: `{cell}` must be greater than or equal to {value}.{hint}",
    },
    Entry {
        key: "constraint-error.maximum",
        fr: "Valeur trop grande : `{cell}` doit être inférieure ou égale à {value}.{hint}",
        en: "Value too large: `{cell}` must be less than or equal to {value}.{hint}",
    },
    Entry {
        key: "constraint-error.exclusiveMinimum",
        fr: "Valeur trop petite : `{cell}` doit être strictement supérieure à {value}.{hint}",
        en: "Value too small: `{cell}` must be strictly greater than {value}.{hint}",
    },
    Entry {
        key: "constraint-error.exclusiveMaximum",
        fr: "Valeur trop grande : `{cell}` doit être strictement inférieure à {value}.{hint}",
        en: "Value too large: `{cell}` must be strictly less than {value}.{hint}",
    },
    Entry {
        key: "constraint-error.pattern",
        fr: "Format incorrect : `{cell}` ne respecte pas le motif imposé (expression régulière `{value}`).{example}{hint}",
        en: "Wrong format: `{cell}` does not match the required pattern (regular expression `{value}`).{example}{hint}",
    },
    Entry {
        key: "constraint-error.pattern.backtrack-limit",
        fr: "Motif non évalué : la vérification de `{cell}` par l'expression régulière `{value}` demande trop de retours arrière ; la valeur n'a pas pu être contrôlée. Simplifiez le motif (sans référence arrière ni groupes répétés imbriqués) ou raccourcissez la valeur.{hint}",
        en: "Pattern not evaluated: checking `{cell}` against the regular expression `{value}` needs too much backtracking; the value could not be checked. Simplify the pattern (no backreference, no nested repeated groups) or shorten the value.{hint}",
    },
    Entry {
        key: "constraint-error.enum",
        fr: "Valeur non autorisée : `{cell}` n'est pas dans la liste des valeurs possibles : {value}{more}.{hint}",
        en: "Value not allowed: `{cell}` is not one of the allowed values: {value}{more}.{hint}",
    },
    Entry {
        key: "constraint-error.jsonSchema",
        fr: "Structure incorrecte : `{cell}` ne respecte pas le schéma JSON (`jsonSchema`) imposé à la colonne.{hint}",
        en: "Wrong structure: `{cell}` does not follow the JSON Schema (`jsonSchema`) required for the column.{hint}",
    },
    Entry {
        key: "constraint-error.other",
        fr: "La valeur `{cell}` ne respecte pas la contrainte `{constraint}` ({value}).{hint}",
        en: "The value `{cell}` breaks the constraint `{constraint}` ({value}).{hint}",
    },
    Entry {
        key: "geopoint-swapped",
        fr: "Coordonnées à vérifier : le point `{cell}` tombe hors de France, mais en France si l'on inverse longitude et latitude.{hint}",
        en: "Coordinates to check: the point `{cell}` falls outside France, but inside it with longitude and latitude swapped.{hint}",
    },
    // Table Schema types, as named inside a sentence (a string has `type-error.string`).
    Entry {
        key: "type.number",
        fr: "un nombre",
        en: "a number",
    },
    Entry {
        key: "type.integer",
        fr: "un nombre entier",
        en: "an integer",
    },
    Entry {
        key: "type.boolean",
        fr: "un booléen",
        en: "a boolean",
    },
    Entry {
        key: "type.date",
        fr: "une date",
        en: "a date",
    },
    Entry {
        key: "type.time",
        fr: "une heure",
        en: "a time",
    },
    Entry {
        key: "type.datetime",
        fr: "une date et heure",
        en: "a date and time",
    },
    Entry {
        key: "type.year",
        fr: "une année",
        en: "a year",
    },
    Entry {
        key: "type.yearmonth",
        fr: "une année et un mois",
        en: "a year and month",
    },
    Entry {
        key: "type.duration",
        fr: "une durée",
        en: "a duration",
    },
    Entry {
        key: "type.geopoint",
        fr: "un point géographique",
        en: "a geographic point",
    },
    Entry {
        key: "type.geojson",
        fr: "un objet GeoJSON",
        en: "a GeoJSON object",
    },
    Entry {
        key: "type.object",
        fr: "un objet JSON",
        en: "a JSON object",
    },
    Entry {
        key: "type.array",
        fr: "un tableau JSON",
        en: "a JSON array",
    },
    Entry {
        key: "type.list",
        fr: "une liste",
        en: "a list",
    },
    Entry {
        key: "type.other",
        fr: "une valeur du type attendu",
        en: "a value of the expected type",
    },
    // What a string of a `format` must be (`type-error.string`).
    Entry {
        key: "format.email",
        fr: "une adresse e-mail valide (forme attendue : nom@domaine.fr)",
        en: "a valid e-mail address (expected form: name@domain.org)",
    },
    Entry {
        key: "format.uri",
        fr: "une adresse web (URI) valide : elle doit commencer par https:// (ou un autre schéma comme mailto:) et ne pas contenir d'espace",
        en: "a valid URI: it must start with https:// (or another scheme such as mailto:) and contain no space",
    },
    Entry {
        key: "format.uuid",
        fr: "un identifiant UUID (forme attendue : 123e4567-e89b-12d3-a456-426614174000)",
        en: "a UUID (expected form: 123e4567-e89b-12d3-a456-426614174000)",
    },
    Entry {
        key: "format.binary",
        fr: "du contenu binaire encodé en base64",
        en: "base64-encoded binary content",
    },
    Entry {
        key: "format.other",
        fr: "une chaîne de caractères valide",
        en: "a valid string",
    },
    // The form a value of a type and format takes.
    Entry {
        key: "form.expected",
        fr: " Forme attendue : {form}.",
        en: " Expected form: {form}.",
    },
    Entry {
        key: "form.expected-strptime",
        fr: " Forme attendue : {form} (format `{format}`).",
        en: " Expected form: {form} (format `{format}`).",
    },
    Entry {
        key: "form.boolean",
        fr: " Valeurs acceptées : {true_values} (vrai) et {false_values} (faux).",
        en: " Accepted values: {true_values} (true) and {false_values} (false).",
    },
    // Fix hints: the corrected value, and why (`hint_kind`).
    Entry {
        key: "hint.suggestion",
        fr: " Suggestion : `{hint}` — {why}.",
        en: " Suggestion: `{hint}` — {why}.",
    },
    Entry {
        key: "hint.trim",
        fr: "retirez les espaces au début ou à la fin",
        en: "remove the spaces at the start or end",
    },
    Entry {
        key: "hint.excel-float",
        fr: "le « .0 » final vient sans doute d'un tableur qui a lu la valeur comme un nombre",
        en: "the trailing \".0\" probably comes from a spreadsheet that read the value as a number",
    },
    Entry {
        key: "hint.leading-zeros",
        fr: "les zéros en tête ont sans doute été perdus par un tableur (mettez la colonne au format texte)",
        en: "the leading zeros were probably lost by a spreadsheet (format the column as text)",
    },
    Entry {
        key: "hint.decimal-comma",
        fr: "utilisez le point comme séparateur décimal, sans espace entre les milliers",
        en: "use a point as the decimal separator, with no spaces between thousands",
    },
    Entry {
        key: "hint.date-layout",
        fr: "écrivez la date sous la forme AAAA-MM-JJ",
        en: "write the date as YYYY-MM-DD",
    },
    Entry {
        key: "hint.boolean-case",
        fr: "respectez les majuscules et minuscules",
        en: "mind upper and lower case",
    },
    Entry {
        key: "hint.closest-value",
        fr: "valeur autorisée la plus proche",
        en: "closest allowed value",
    },
    Entry {
        key: "hint.swapped-lon-lat",
        fr: "la longitude et la latitude semblent inversées (l'ordre attendu est longitude, latitude)",
        en: "longitude and latitude look swapped (the expected order is longitude, latitude)",
    },
    Entry {
        key: "hint.other",
        fr: "valeur corrigée",
        en: "corrected value",
    },
    Entry {
        key: "hint.example",
        fr: " Exemple de valeur valide : `{example}`.",
        en: " Example of a valid value: `{example}`.",
    },
    // The rest of a list quoted only in part.
    Entry {
        key: "list.more-in-schema",
        fr: ", … et {rest} autres (liste complète dans le schéma)",
        en: ", … and {rest} more (full list in the schema)",
    },
    Entry {
        key: "list.more",
        fr: ", … et {rest} autres",
        en: ", … and {rest} more",
    },
];
