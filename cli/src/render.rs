//! Text output for people: the verdict first, then the errors grouped by column and type.

use conforme::{Diagnostic, Lang, Report};
use std::collections::BTreeMap;
use std::fmt::Write;

const EXAMPLES_PER_GROUP: usize = 5;

fn location(d: &Diagnostic, lang: Lang) -> String {
    match (d.row, d.line, lang) {
        (Some(1), _, Lang::Fr) => "en-tête".into(),
        (Some(1), _, Lang::En) => "header".into(),
        (Some(r), Some(l), Lang::Fr) if r != l => format!("ligne {r} (ligne {l} du fichier)"),
        (Some(r), Some(l), Lang::En) if r != l => format!("row {r} (line {l} of the file)"),
        (Some(r), _, Lang::Fr) => format!("ligne {r}"),
        (Some(r), _, Lang::En) => format!("row {r}"),
        (None, Some(l), Lang::Fr) => format!("ligne {l} du fichier"),
        (None, Some(l), Lang::En) => format!("line {l} of the file"),
        (None, _, Lang::Fr) => "fichier".into(),
        (None, _, Lang::En) => "file".into(),
    }
}

/// Renders `report` for a terminal (`color` adds ANSI colours).
pub fn text(report: &Report, name: &str, lang: Lang, color: bool) -> String {
    let (red, green, yellow, bold, reset) = if color {
        ("\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[1m", "\x1b[0m")
    } else {
        ("", "", "", "", "")
    };
    let s = &report.stats;
    let mut out = String::new();
    let verdict = match (report.valid, lang) {
        (true, Lang::Fr) => format!("{green}{bold}✔ Fichier valide{reset}"),
        (true, Lang::En) => format!("{green}{bold}✔ Valid file{reset}"),
        (false, Lang::Fr) => format!(
            "{red}{bold}✘ Fichier invalide : {} erreur(s){reset}",
            s.error_count
        ),
        (false, Lang::En) => format!(
            "{red}{bold}✘ Invalid file: {} error(s){reset}",
            s.error_count
        ),
    };
    let _ = writeln!(out, "{verdict} — {name}");
    // JSON documents have items, not rows and columns.
    let json = s.delimiter.is_empty() && s.fields == 0 && !s.encoding.is_empty();
    let _ = match lang {
        Lang::Fr if json => writeln!(
            out,
            "document JSON : {} élément(s), {} octets",
            s.rows, s.bytes
        ),
        Lang::En if json => writeln!(out, "JSON document: {} item(s), {} bytes", s.rows, s.bytes),
        Lang::Fr => writeln!(
            out,
            "{} lignes, {} colonnes dans le schéma, encodage {}, séparateur `{}`",
            s.rows, s.fields, s.encoding, s.delimiter
        ),
        Lang::En => writeln!(
            out,
            "{} rows, {} fields in the schema, encoding {}, delimiter `{}`",
            s.rows, s.fields, s.encoding, s.delimiter
        ),
    };
    for w in &report.warnings {
        let _ = writeln!(out, "{yellow}⚠ {}{reset}", w.message);
    }
    if !report.errors.is_empty() {
        let mut groups: BTreeMap<(Option<usize>, String, &str), Vec<&Diagnostic>> = BTreeMap::new();
        for d in &report.errors {
            let column = d.field_name.clone().unwrap_or_default();
            groups
                .entry((d.field_number, column, d.code.as_str()))
                .or_default()
                .push(d);
        }
        for ((_, column, code), items) in &groups {
            let title = match (column.is_empty(), lang) {
                (true, Lang::Fr) => format!("{code} ({} fois)", items.len()),
                (true, Lang::En) => format!("{code} ({} times)", items.len()),
                (false, Lang::Fr) => format!("colonne `{column}` — {code} ({} fois)", items.len()),
                (false, Lang::En) => format!("column `{column}` — {code} ({} times)", items.len()),
            };
            let _ = writeln!(out, "\n{bold}{title}{reset}");
            for d in items.iter().take(EXAMPLES_PER_GROUP) {
                let _ = writeln!(out, "  {} : {}", location(d, lang), d.message);
            }
            if items.len() > EXAMPLES_PER_GROUP {
                let more = items.len() - EXAMPLES_PER_GROUP;
                let _ = match lang {
                    Lang::Fr => {
                        writeln!(out, "  … et {more} autre(s) (--format json pour tout voir)")
                    }
                    Lang::En => writeln!(out, "  … and {more} more (--format json shows them all)"),
                };
            }
        }
    }
    if s.truncated {
        let _ = match lang {
            Lang::Fr => writeln!(
                out,
                "\nLa vérification s'est arrêtée après {} erreurs (--max-errors) : le fichier peut en contenir d'autres.",
                s.error_count
            ),
            Lang::En => writeln!(
                out,
                "\nValidation stopped after {} errors (--max-errors): the file may contain more.",
                s.error_count
            ),
        };
    }
    out
}
