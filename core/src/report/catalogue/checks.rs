//! Custom checks (Validata's): a check that could not be set up, deprecated or not run, and
//! the value each check refuses.

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
    Entry {
        key: "check-error",
        fr: "Le custom check `{check}` ({pointer}) n'a pas pu être initialisé et n'est pas appliqué : {detail}",
        en: "The custom check `{check}` ({pointer}) could not be set up and is not applied: {detail}",
    },
    Entry {
        key: "check-error.unknown",
        fr: "le custom check `{check}` n'existe pas.{did_you_mean}",
        en: "there is no custom check named `{check}`.{did_you_mean}",
    },
    Entry {
        key: "check-error.declaration",
        fr: "la déclaration doit être un objet {\"name\": \"…\", \"params\": {…}} (ou, dans un champ, \"customCheck\": \"nom\").",
        en: "a declaration must be an object {\"name\": \"…\", \"params\": {…}} (or, in a field, \"customCheck\": \"name\").",
    },
    Entry {
        key: "check-error.missing-param",
        fr: "le paramètre obligatoire `{param}` est absent ; ajoutez-le dans \"params\".",
        en: "the required parameter `{param}` is missing; add it to \"params\".",
    },
    Entry {
        key: "check-error.param-type",
        fr: "le paramètre `{param}` vaut {value}, or il doit être de type {expected}.",
        en: "the parameter `{param}` is {value} but must be of type {expected}.",
    },
    Entry {
        key: "check-error.unknown-column",
        fr: "le paramètre `{param}` nomme la colonne `{value}`, qui n'est pas définie dans le schéma.{did_you_mean}",
        en: "the parameter `{param}` names the column `{value}`, which the schema does not define.{did_you_mean}",
    },
    Entry {
        key: "check-error.bad-operator",
        fr: "l'opérateur `{value}` n'est pas géré ; utilisez >, >=, ==, <= ou <.",
        en: "the operator `{value}` is not supported; use >, >=, ==, <= or <.",
    },
    Entry {
        key: "check-error.column-type",
        fr: "la colonne `{column}` est de type {value}, or ce check demande le type {expected}.",
        en: "the column `{column}` has type {value} but this check needs type {expected}.",
    },
    Entry {
        key: "check-error.empty-list",
        fr: "la liste `{param}` est vide.",
        en: "the list `{param}` is empty.",
    },
    Entry {
        key: "check-error.bad-vintage",
        fr: "le millésime du COG `{value}` n'est pas disponible pour ce contrôle ; valeurs possibles : {expected}.",
        en: "the COG vintage `{value}` is not available for this check; possible values: {expected}.",
    },
    Entry {
        key: "check-error.list-no-access",
        fr: "la liste de référence `{value}` ne peut pas être lue ici (schéma chargé sans emplacement, adresse web sans accès au réseau, ou navigateur) ; chargez le schéma depuis son fichier ou son adresse avec la commande `conforme` ou le module Python.",
        en: "the reference list `{value}` cannot be read here (a schema loaded without a location, a URL without network access, or a browser); load the schema from its file or address with the `conforme` command or the Python package.",
    },
    Entry {
        key: "check-error.list-unreadable",
        fr: "la liste de référence `{value}` n'a pas pu être lue : {reason}. Vérifiez son chemin (relatif au fichier du schéma) ou son adresse.",
        en: "the reference list `{value}` could not be read: {reason}. Check its path (relative to the schema file) or address.",
    },
    Entry {
        key: "check-error.list-column",
        fr: "la liste de référence `{value}` n'a pas de colonne `{column}` ; ses colonnes : {expected}.",
        en: "the reference list `{value}` has no column `{column}`; its columns: {expected}.",
    },
    Entry {
        key: "deprecated-check",
        fr: "Le custom check `{check}` est déprécié, utilisez `{replacement}` à la place dans le schéma.",
        en: "The custom check `{check}` is deprecated; use `{replacement}` instead in the schema.",
    },
    Entry {
        key: "unsupported-check",
        fr: "Le custom check `{check}` ({pointer}) n'est pas encore appliqué par conforme : cette colonne n'est pas vérifiée par ce contrôle.",
        en: "The custom check `{check}` ({pointer}) is not applied by conforme yet: this column is not checked by it.",
    },
    Entry {
        key: "french-siret-value",
        fr: "Numéro SIRET invalide : `{cell}` n'est pas un numéro SIRET valide (14 chiffres dont le dernier est une clé de contrôle ; voir l'annuaire des entreprises).",
        en: "Invalid SIRET number: `{cell}` is not a valid SIRET (14 digits, the last one a check digit).",
    },
    Entry {
        key: "french-siren-value",
        fr: "Numéro SIREN invalide : `{cell}` n'est pas un numéro SIREN valide (9 chiffres dont le dernier est une clé de contrôle).",
        en: "Invalid SIREN number: `{cell}` is not a valid SIREN (9 digits, the last one a check digit).",
    },
    Entry {
        key: "compare-columns-value",
        fr: "Erreur de comparaison : la valeur de la colonne {column} `{value}` devrait être {op} à la valeur de la colonne {column2} `{value2}`.",
        en: "Comparison failed: the value of column {column} `{value}` should be {op} the value of column {column2} `{value2}`.",
    },
    Entry {
        key: "compare-columns-value.incomparable",
        fr: "Valeurs non comparables : la valeur de la colonne {column} `{value}` n'est pas comparable avec la valeur de la colonne {column2} `{value2}`.",
        en: "Values not comparable: the value of column {column} `{value}` cannot be compared with the value of column {column2} `{value2}`.",
    },
    Entry {
        key: "compare-columns-value.gt",
        fr: "supérieure",
        en: "greater than",
    },
    Entry {
        key: "compare-columns-value.ge",
        fr: "supérieure ou égale",
        en: "greater than or equal to",
    },
    Entry {
        key: "compare-columns-value.eq",
        fr: "égale",
        en: "equal to",
    },
    Entry {
        key: "compare-columns-value.le",
        fr: "inférieure ou égale",
        en: "less than or equal to",
    },
    Entry {
        key: "compare-columns-value.lt",
        fr: "inférieure",
        en: "less than",
    },
    Entry {
        key: "cohesive-columns-value",
        fr: "Colonnes non solidaires : les colonnes {columns} doivent toutes comporter une valeur ou toutes être vides.",
        en: "Columns not cohesive: the columns {columns} must all have a value or all be empty.",
    },
    Entry {
        key: "cohesive-columns-value.absent",
        fr: "Colonnes non solidaires : les colonnes {columns} doivent être soit toutes présentes, soit toutes absentes (absentes : {absent}).",
        en: "Columns not cohesive: the columns {columns} must be either all present or all absent (absent: {absent}).",
    },
    Entry {
        key: "sum-columns-value",
        fr: "Somme de colonnes incorrecte : la somme des valeurs des colonnes {columns} ({sum}) est différente de la valeur de la colonne {column} ({value}).",
        en: "Wrong sum: the sum of columns {columns} ({sum}) differs from the value of column {column} ({value}).",
    },
    Entry {
        key: "one-of-required",
        fr: "Un élément requis : au moins l'une des colonnes `{column1}` ou `{column2}` doit comporter une valeur.",
        en: "One value required: at least one of the columns `{column1}` or `{column2}` must have a value.",
    },
    Entry {
        key: "one-of-required.absent",
        fr: "Une des deux colonnes est requise : {absent} sont toutes deux absentes du fichier.",
        en: "One of two columns is required: {absent} are both missing from the file.",
    },
    Entry {
        key: "year-interval-value",
        fr: "Intervalle d'années incorrect : `{cell}` : {detail}.",
        en: "Wrong year interval: `{cell}`: {detail}.",
    },
    Entry {
        key: "year-interval-value.format",
        fr: "format attendu : AAAA/AAAA",
        en: "expected form: YYYY/YYYY",
    },
    Entry {
        key: "year-interval-value.format-or-year",
        fr: "format attendu : année (AAAA) ou intervalle (AAAA/AAAA)",
        en: "expected form: a year (YYYY) or an interval (YYYY/YYYY)",
    },
    Entry {
        key: "year-interval-value.same",
        fr: "les deux années doivent être différentes",
        en: "the two years must differ",
    },
    Entry {
        key: "year-interval-value.order",
        fr: "la deuxième année ({year2}) doit être postérieure à la première ({year1})",
        en: "the second year ({year2}) must come after the first one ({year1})",
    },
    Entry {
        key: "nomenclature-actes",
        fr: "Nomenclature Actes invalide : {reasons}. Forme attendue : `Urbanisme/Documents d'urbanisme`.",
        en: "Invalid Actes nomenclature: {reasons}. Expected form: `Urbanisme/Documents d'urbanisme`.",
    },
    Entry {
        key: "nomenclature-actes.slash",
        fr: "le signe oblique « / » est manquant",
        en: "the slash \"/\" is missing",
    },
    Entry {
        key: "nomenclature-actes.space",
        fr: "le signe oblique ne doit pas être précédé ni suivi d'espace",
        en: "the slash must not be preceded or followed by a space",
    },
    Entry {
        key: "nomenclature-actes.prefix",
        fr: "le préfixe de nomenclature Actes `{prefix}` n'est pas reconnu",
        en: "the Actes nomenclature prefix `{prefix}` is not recognised",
    },
    Entry {
        key: "opening-hours-value",
        fr: "Horaires d'ouverture incorrects : `{cell}` ne respecte pas la spécification OpenStreetMap (https://wiki.openstreetmap.org/wiki/Key:opening_hours), par exemple `Mo-Fr 08:00-12:00,14:00-18:00`.",
        en: "Wrong opening hours: `{cell}` does not follow the OpenStreetMap specification (https://wiki.openstreetmap.org/wiki/Key:opening_hours), e.g. `Mo-Fr 08:00-12:00,14:00-18:00`.",
    },
    Entry {
        key: "phone-number-value",
        fr: "Numéro de téléphone invalide : `{cell}`. Les numéros acceptés sont les numéros français à 10 chiffres (`01 99 00 27 37`) ou au format international avec le préfixe du pays (`+33 1 99 00 27 37`) ; les numéros courts (`115` ou `3949`) sont également acceptés.",
        en: "Invalid phone number: `{cell}`. Accepted numbers are 10-digit French numbers (`01 99 00 27 37`) or international numbers with their country prefix (`+33 1 99 00 27 37`); short numbers (`115` or `3949`) are accepted too.",
    },
    Entry {
        key: "french-gps-coordinates",
        fr: "Coordonnées GPS invalides : `{cell}` ne tombe pas en France (métropole, Corse, Guadeloupe, Martinique, Guyane, La Réunion, Mayotte).",
        en: "Invalid GPS coordinates: `{cell}` is not in France (mainland, Corsica, Guadeloupe, Martinique, French Guiana, Réunion, Mayotte).",
    },
    Entry {
        key: "reversed-french-gps-coordinates",
        fr: "Coordonnées GPS inversées : `{cell}` ne tombe pas en France, mais y tomberait en échangeant longitude et latitude ; la longitude s'écrit en premier.",
        en: "Swapped GPS coordinates: `{cell}` is not in France but would be with longitude and latitude swapped; longitude comes first.",
    },
];
