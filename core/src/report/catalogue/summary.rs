//! A report in one sentence (`Report::summary_sentence`): what an exception or a log line
//! says about an invalid file.

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
    Entry {
        key: "summary",
        fr: "{place} : {errors} erreur{errors_plural} sur {rows} ligne{rows_plural}{first}",
        en: "{place}: {errors} error{errors_plural} in {rows} row{rows_plural}{first}",
    },
    Entry {
        key: "summary.first",
        fr: " ; la première : {message}",
        en: "; first: {message}",
    },
];
