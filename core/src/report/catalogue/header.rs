//! The header and the shape of rows: columns missing, extra, misnamed or out of order,
//! blank rows, rows with too many or too few cells.

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
    Entry {
        key: "blank-label",
        fr: "En-tête vide : la colonne {position} n'a pas de nom ; écrivez `{field}` dans la première ligne.",
        en: "Blank header: column {position} has no name; write `{field}` in the first line.",
    },
    Entry {
        key: "duplicate-label",
        fr: "En-tête en double : la colonne `{label}` (position {position}) apparaît déjà plus tôt dans l'en-tête ; renommez ou supprimez l'une des deux.",
        en: "Duplicate header: column `{label}` (position {position}) already appears earlier in the header; rename or remove one of them.",
    },
    Entry {
        key: "incorrect-label",
        fr: "En-tête incorrect : la colonne {position} s'appelle `{label}` alors que le schéma attend `{field}` à cette position.",
        en: "Incorrect header: column {position} is named `{label}` but the schema expects `{field}` at this position.",
    },
    Entry {
        key: "missing-label",
        fr: "Colonne manquante : la colonne `{field}` (position {position} dans le schéma) est absente du fichier ; ajoutez-la.{did_you_mean}",
        en: "Missing column: column `{field}` (position {position} in the schema) is not in the file; add it.{did_you_mean}",
    },
    Entry {
        key: "extra-label",
        fr: "Colonne surnuméraire : la colonne `{label}` (position {position}) n'est pas définie dans le schéma ; retirez-la.",
        en: "Extra column: column `{label}` (position {position}) is not defined in the schema; remove it.",
    },
    Entry {
        key: "blank-row",
        fr: "Ligne vide : toutes les cellules de cette ligne sont vides ; retirez-la.",
        en: "Blank row: every cell of this row is empty; remove it.",
    },
    Entry {
        key: "extra-cell",
        fr: "Cellule surnuméraire : la ligne a plus de cellules que l'en-tête n'a de colonnes (cellule {position} : `{cell}`) ; vérifiez les séparateurs de cette ligne.",
        en: "Extra cell: the row has more cells than the header has columns (cell {position}: `{cell}`); check the delimiters on this line.",
    },
    Entry {
        key: "missing-cell",
        fr: "Cellule manquante : la ligne s'arrête avant la colonne `{field}` (position {position}) ; vérifiez les séparateurs de cette ligne.",
        en: "Missing cell: the row ends before column `{field}` (position {position}); check the delimiters on this line.",
    },
    Entry {
        key: "unmatched-header",
        fr: "Aucune colonne du fichier ne correspond à un champ du schéma ; vérifiez l'en-tête et le séparateur.",
        en: "No column of the file matches a field of the schema; check the header and the delimiter.",
    },
    Entry {
        key: "missing-column",
        fr: "Colonne manquante : ajoutez la colonne facultative `{field}`.{did_you_mean}",
        en: "Missing column: add the optional column `{field}`.{did_you_mean}",
    },
    Entry {
        key: "extra-column",
        fr: "Colonne surnuméraire : la colonne `{label}` (position {position}) n'est pas définie dans le schéma ; retirez-la ou renommez-la.{did_you_mean}",
        en: "Extra column: column `{label}` (position {position}) is not defined in the schema; remove or rename it.{did_you_mean}",
    },
    Entry {
        key: "columns-reordered",
        fr: "Colonnes désordonnées : réordonnez les colonnes du fichier pour respecter le schéma : {expected}.",
        en: "Columns out of order: reorder the file's columns as in the schema: {expected}.",
    },
    Entry {
        key: "header-case",
        fr: "En-tête `{label}` (position {position}) rapproché de la colonne `{field}` sans tenir compte des majuscules ; écrivez `{field}`.",
        en: "Header `{label}` (position {position}) matched to column `{field}` ignoring case; write `{field}`.",
    },
    Entry {
        key: "header-trimmed",
        fr: "En-tête `{label}` (position {position}) entouré d'espaces, ignorés pour le rapprocher de la colonne `{field}` ; retirez-les.",
        en: "Header `{label}` (position {position}) has spaces around it, ignored to match column `{field}`; remove them.",
    },
    Entry {
        key: "hint.did-you-mean",
        fr: " Vouliez-vous dire `{hint}` ?",
        en: " Did you mean `{hint}`?",
    },
];
