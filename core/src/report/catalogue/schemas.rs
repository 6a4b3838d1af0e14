//! Schemas and documents: a schema's own problems, a Data Package resource that could not
//! be validated, a JSON document that breaks its JSON Schema (by keyword).

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
    Entry {
        key: "schema-warning",
        fr: "Schéma ({pointer}) : {detail}",
        en: "Schema ({pointer}): {detail}",
    },
    Entry {
        key: "schema-error",
        fr: "Erreur de schéma ({pointer}) : {detail}",
        en: "Schema error ({pointer}): {detail}",
    },
    Entry {
        key: "resource-error",
        fr: "La ressource « {resource} » n'a pas pu être validée : {detail}",
        en: "The resource \"{resource}\" could not be validated: {detail}",
    },
    Entry {
        key: "json-schema.root",
        fr: "racine du document",
        en: "document root",
    },
    Entry {
        key: "json-schema.required",
        fr: "{at} : la propriété obligatoire {property} est absente.",
        en: "{at}: the required property {property} is missing.",
    },
    Entry {
        key: "json-schema.type",
        fr: "{at} : la valeur {value} n'est pas du type attendu ({expected}).",
        en: "{at}: the value {value} is not of the expected type ({expected}).",
    },
    Entry {
        key: "json-schema.enum",
        fr: "{at} : la valeur « {value} » ne fait pas partie des valeurs autorisées : {allowed}.",
        en: "{at}: the value \"{value}\" is not one of the allowed values: {allowed}.",
    },
    Entry {
        key: "json-schema.format",
        fr: "{at} : la valeur « {value} » ne respecte pas le format {format}.",
        en: "{at}: the value \"{value}\" does not match the format {format}.",
    },
    Entry {
        key: "json-schema.pattern",
        fr: "{at} : la valeur « {value} » ne respecte pas le motif {pattern}.",
        en: "{at}: the value \"{value}\" does not match the pattern {pattern}.",
    },
    Entry {
        key: "json-schema.additionalProperties",
        fr: "{at} : propriété(s) non prévue(s) par le schéma : {unexpected}.",
        en: "{at}: property(ies) not allowed by the schema: {unexpected}.",
    },
    Entry {
        key: "json-schema.minimum",
        fr: "{at} : la valeur {value} est trop petite (minimum {limit}).",
        en: "{at}: the value {value} is too small (minimum {limit}).",
    },
    Entry {
        key: "json-schema.maximum",
        fr: "{at} : la valeur {value} est trop grande (maximum {limit}).",
        en: "{at}: the value {value} is too large (maximum {limit}).",
    },
    Entry {
        key: "json-schema.anyOf",
        fr: "{at} : la valeur ne correspond à aucune des formes permises ({keyword}).",
        en: "{at}: the value matches none of the allowed shapes ({keyword}).",
    },
    Entry {
        key: "json-schema.other",
        fr: "{at} : la règle « {keyword} » du schéma n'est pas respectée ({detail}).",
        en: "{at}: the schema rule \"{keyword}\" is not met ({detail}).",
    },
];
