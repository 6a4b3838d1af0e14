//! Keys: values that must be unique, primary keys, foreign keys.

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
    Entry {
        key: "unique-error",
        fr: "Valeur dupliquée : `{cell}` apparaît déjà à la ligne {first_row} alors que la colonne `{field}` doit être unique.",
        en: "Duplicate value: `{cell}` already appears in row {first_row} but column `{field}` must be unique.",
    },
    Entry {
        key: "unique-error.columns",
        fr: "Valeurs dupliquées : les valeurs ({values}) des colonnes ({fields}) apparaissent déjà ensemble à la ligne {first_row} alors que leur combinaison doit être unique.",
        en: "Duplicate values: the values ({values}) of columns ({fields}) already appear together in row {first_row} but their combination must be unique.",
    },
    Entry {
        key: "primary-key",
        fr: "Clé primaire dupliquée : la clé ({fields}) a la même valeur qu'à la ligne {first_row}.",
        en: "Duplicate primary key: the key ({fields}) has the same value as in row {first_row}.",
    },
    Entry {
        key: "primary-key.null",
        fr: "Clé primaire incomplète : la clé ({fields}) a une partie vide.",
        en: "Incomplete primary key: a part of the key ({fields}) is empty.",
    },
    Entry {
        key: "foreign-key",
        fr: "Référence introuvable : la valeur ({fields}) n'existe pas dans la table référencée.",
        en: "Reference not found: the value ({fields}) does not exist in the referenced table.",
    },
    Entry {
        key: "foreign-key.value",
        fr: "Référence introuvable : la valeur `{cell}` de ({fields}) n'existe pas dans la table référencée{table}.",
        en: "Reference not found: the value `{cell}` of ({fields}) does not exist in the referenced table{table}.",
    },
    Entry {
        key: "foreign-key.table",
        fr: " « {resource} »",
        en: " \"{resource}\"",
    },
    Entry {
        key: "foreign-key.same-table",
        fr: " (la même table)",
        en: " (this same table)",
    },
];
