//! `conforme fix`: a corrected copy of a table (the engine's `repair` module), the log of
//! its changes, then the report on the corrected file: what is left to fix by hand.

use super::validate::print_report;
use crate::Fatal;
use crate::args::FixArgs;
use crate::output::{io_text, language, say};
use crate::remote::Remote;
use conforme::Lang;
use conforme::document::{self, DocumentSchema};
use conforme::repair::{self, Change, ChangeLog, Input, RepairOptions};
use std::fs::File;
use std::io::{BufWriter, Read};
use std::path::Path;

/// Repairs, logs, re-validates; the status is that of the corrected file (0 valid, 1 not).
pub(crate) fn run(remote: &Remote, args: &FixArgs) -> Result<u8, Fatal> {
    let lang = language(args.lang.as_deref())?;
    let options = args.options(lang)?;
    let set = remote
        .load_schemas(&args.schema)
        .map_err(|e| Fatal(e.message(lang)))?;
    if set.all_versions {
        return Err(Fatal(say(
            lang,
            "fix a besoin d'une seule version du schéma : nommez-en une (org/nom@2.3.1) ou utilisez @latest.".into(),
            "fix needs one schema version: name one (org/name@2.3.1) or use @latest.".into(),
        )));
    }
    let schema = set.schemas[0].schema.clone();
    let name = args.data.display().to_string();
    if name.starts_with("http://") || name.starts_with("https://") {
        return Err(Fatal(say(
            lang,
            format!("{name} : fix lit des fichiers locaux ; téléchargez d'abord le fichier."),
            format!("{name}: fix reads local files; download the file first."),
        )));
    }
    let stdin;
    let input = if name == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| {
            let e = io_text(&e, lang);
            Fatal(say(
                lang,
                format!("impossible de lire l'entrée standard : {e}"),
                format!("cannot read standard input: {e}"),
            ))
        })?;
        stdin = bytes;
        Input::Bytes(&stdin)
    } else {
        Input::Path(&args.data)
    };
    if args.output == args.data {
        let out = args.output.display();
        return Err(Fatal(say(
            lang,
            format!("-o {out} : écrivez le fichier corrigé à côté de l'original, pas par-dessus."),
            format!("-o {out}: write the corrected file next to the original, not over it."),
        )));
    }
    let mut output = BufWriter::new(create(&args.output, lang)?);
    let mut log = match &args.log {
        Some(path) => Some(
            ChangeLog::new(BufWriter::new(create(path, lang)?))
                .map_err(|e| cannot_write(&path.display().to_string(), &e, lang))?,
        ),
        None => None,
    };
    let repair_options = RepairOptions {
        closest_enum: args.closest_enum,
        swap_coordinates: args.swap_coordinates,
    };
    let mut write_change = |c: &Change| -> std::io::Result<()> {
        match log.as_mut() {
            Some(w) => w.write(c),
            None => Ok(()),
        }
    };
    let summary = repair::fix(
        input,
        &schema,
        &options,
        &repair_options,
        &mut output,
        &mut write_change,
    )
    .map_err(|e| Fatal(format!("{name}: {}", e.message(lang))))?;
    if let Some(w) = log {
        w.finish()
            .map_err(|e| cannot_write(&path_of_log(&args.log), &e, lang))?;
    }
    drop(output);
    let rules: Vec<String> = summary
        .by_rule
        .iter()
        .map(|(rule, n)| format!("{rule} {n}"))
        .collect();
    let rules = if rules.is_empty() {
        String::new()
    } else {
        format!(" ({})", rules.join(", "))
    };
    let s = |n: u64| if n > 1 { "s" } else { "" };
    let (changes, rows, output) = (summary.changes, summary.rows, args.output.display());
    match lang {
        Lang::Fr => eprintln!(
            "conforme : {changes} correction{} dans {rows} ligne{}, écrites dans {output}{rules}",
            s(changes),
            s(rows)
        ),
        Lang::En => eprintln!(
            "conforme: {changes} change{} in {rows} row{} written to {output}{rules}",
            s(changes),
            s(rows)
        ),
    }
    let fixed_options = repair::fixed_file_options(&options);
    let columns: Vec<String> = schema
        .table()
        .fields
        .iter()
        .map(|f| f.name.clone())
        .collect();
    let table = DocumentSchema::Table(schema);
    let report = document::validate_path(&args.output, Some(&table), &fixed_options)
        .map_err(|e| Fatal(format!("{}: {}", args.output.display(), e.message(lang))))?;
    let shown = args.output.display().to_string();
    print_report(&report, &shown, &columns, &fixed_options, args.format)
}

fn create(path: &Path, lang: Lang) -> Result<File, Fatal> {
    File::create(path).map_err(|e| {
        let (path, e) = (path.display(), io_text(&e, lang));
        Fatal(say(
            lang,
            format!("impossible de créer {path} : {e}"),
            format!("cannot create {path}: {e}"),
        ))
    })
}

fn cannot_write(what: &str, e: &std::io::Error, lang: Lang) -> Fatal {
    let e = io_text(e, lang);
    let what_fr = match what {
        "the change log" => "le journal des modifications",
        other => other,
    };
    Fatal(say(
        lang,
        format!("impossible d'écrire {what_fr} : {e}"),
        format!("cannot write {what}: {e}"),
    ))
}

/// The change log's path, for a message about writing it.
fn path_of_log(log: &Option<std::path::PathBuf>) -> String {
    log.as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}
