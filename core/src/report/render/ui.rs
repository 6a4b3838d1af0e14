//! The few sentences renderers write around the messages, in French and English.

use crate::report::{Lang, Report};

/// The colon after a location: French sets a space before it, English does not.
pub(super) fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " :",
        Lang::En => ":",
    }
}

pub(super) fn header(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "en-tête",
        Lang::En => "header",
    }
}

/// `✔ Fichier valide` / `✘ Fichier invalide : 12 erreurs`.
pub(super) fn verdict(report: &Report, lang: Lang) -> String {
    let n = report.stats.error_count;
    let at_least = if report.stats.truncated {
        match lang {
            Lang::Fr => "au moins ",
            Lang::En => "at least ",
        }
    } else {
        ""
    };
    match (report.valid, lang) {
        (true, Lang::Fr) => "✔ Fichier valide".into(),
        (true, Lang::En) => "✔ Valid file".into(),
        (false, Lang::Fr) => format!("✘ Fichier invalide : {at_least}{n} erreur{}", plural(n)),
        (false, Lang::En) => format!("✘ Invalid file: {at_least}{n} error{}", plural(n)),
    }
}

fn plural(n: u64) -> &'static str {
    if n > 1 { "s" } else { "" }
}

/// ` (gzip)` / ` (zip)` when the CSV came compressed.
fn packed(format: &str) -> String {
    format
        .strip_prefix("csv+")
        .map(|p| format!(" ({p})"))
        .unwrap_or_default()
}

/// Whether the report read no data at all (a schema check, a resource that could not be
/// opened): then there are no facts to state about it.
fn nothing_read(report: &Report) -> bool {
    report.stats.format.is_empty() && report.stats.encoding.is_empty()
}

/// Whether the report is about a JSON document (items of a top-level array, or one document).
fn is_json(report: &Report) -> bool {
    matches!(report.stats.format.as_str(), "json" | "geojson")
}

/// `1 200 lignes, 7 colonnes dans le schéma, encodage utf-8, séparateur `;``; empty when
/// nothing was read. A JSON document has items and an encoding, no columns or separator.
pub(super) fn facts(report: &Report, lang: Lang) -> String {
    let s = &report.stats;
    if nothing_read(report) {
        return String::new();
    }
    if is_json(report) {
        let n = s.rows;
        return match (lang, n) {
            (Lang::Fr, 1) => format!("1 document JSON, encodage {}", s.encoding),
            (Lang::En, 1) => format!("1 JSON document, encoding {}", s.encoding),
            (Lang::Fr, _) => format!("{n} élément{} JSON, encodage {}", plural(n), s.encoding),
            (Lang::En, _) => format!("{n} JSON item{}, encoding {}", plural(n), s.encoding),
        };
    }
    if let Some(sheet) = &s.sheet {
        return match lang {
            Lang::Fr => format!(
                "{} ligne{}, {} colonne{} dans le schéma, feuille `{sheet}` ({})",
                s.rows,
                plural(s.rows),
                s.fields,
                plural(s.fields as u64),
                s.format
            ),
            Lang::En => format!(
                "{} row{}, {} field{} in the schema, sheet `{sheet}` ({})",
                s.rows,
                plural(s.rows),
                s.fields,
                plural(s.fields as u64),
                s.format
            ),
        };
    }
    let packed = packed(&s.format);
    match lang {
        Lang::Fr => format!(
            "{} ligne{}, {} colonne{} dans le schéma, encodage {}, séparateur `{}`{packed}",
            s.rows,
            plural(s.rows),
            s.fields,
            plural(s.fields as u64),
            s.encoding,
            s.delimiter
        ),
        Lang::En => format!(
            "{} row{}, {} field{} in the schema, encoding {}, delimiter `{}`{packed}",
            s.rows,
            plural(s.rows),
            s.fields,
            plural(s.fields as u64),
            s.encoding,
            s.delimiter
        ),
    }
}

/// `12 lignes contiennent au moins une erreur.`
///
/// Empty when nothing was read, and for JSON documents (their errors carry pointers, not
/// rows: the verdict's error count says it).
pub(super) fn invalid_rows(report: &Report, lang: Lang) -> String {
    let n = report.summary.invalid_rows;
    if nothing_read(report) || is_json(report) {
        return String::new();
    }
    match lang {
        Lang::Fr => format!(
            "{n} ligne{} avec au moins une erreur sur {} lue{}.",
            plural(n),
            report.stats.rows,
            plural(report.stats.rows)
        ),
        Lang::En => format!(
            "{n} row{} with at least one error out of {} read.",
            plural(n),
            report.stats.rows
        ),
    }
}

/// The statement that the error list was cut, if it was.
pub(super) fn truncation(report: &Report, lang: Lang) -> Option<String> {
    let s = &report.stats;
    s.truncated.then(|| match lang {
        Lang::Fr => format!(
            "Liste coupée : la vérification s'est arrêtée à la limite de {} erreurs (--max-errors) après {} ligne{} ; il existe peut-être d'autres erreurs plus loin dans le fichier. Relancez sans --max-errors pour toutes les voir.",
            s.error_count,
            s.rows,
            plural(s.rows)
        ),
        Lang::En => format!(
            "List cut: validation stopped at the limit of {} errors (--max-errors) after {} row{}; the rest of the file may hold more errors. Run again without --max-errors to see them all.",
            s.error_count,
            s.rows,
            plural(s.rows)
        ),
    })
}

/// `… et 3 autres` for a group shown partially.
pub(super) fn more(n: u64, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("… et {n} autre{} (--format json pour tout voir)", plural(n)),
        Lang::En => format!("… and {n} more (--format json shows them all)"),
    }
}

/// `(12 fois)`.
pub(super) fn times(n: u64, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{n} fois"),
        Lang::En => format!("{n} time{}", plural(n)),
    }
}

/// Words for tables: column, type, count, row, line, message.
pub(super) fn word(key: &str, lang: Lang) -> &'static str {
    match (key, lang) {
        ("column", Lang::Fr) => "Colonne",
        ("column", Lang::En) => "Column",
        ("type", _) => "Type",
        ("count", Lang::Fr) => "Nombre",
        ("count", Lang::En) => "Count",
        ("row", Lang::Fr) => "Ligne",
        ("row", Lang::En) => "Row",
        ("message", _) => "Message",
        ("summary", Lang::Fr) => "Résumé",
        ("summary", Lang::En) => "Summary",
        ("errors", Lang::Fr) => "Erreurs",
        ("errors", Lang::En) => "Errors",
        ("warnings", Lang::Fr) => "Avertissements",
        ("warnings", Lang::En) => "Warnings",
        ("by_column", Lang::Fr) => "Erreurs par colonne",
        ("by_column", Lang::En) => "Errors by column",
        ("rows", Lang::Fr) => "Premières lignes en erreur",
        ("rows", Lang::En) => "First rows with errors",
        ("masked", Lang::Fr) => "Les valeurs des cellules sont masquées (--mask-cells).",
        ("masked", Lang::En) => "Cell values are masked (--mask-cells).",
        ("none", Lang::Fr) => "(aucune colonne)",
        ("none", Lang::En) => "(no column)",
        (_, _) => "",
    }
}
