//! "Which versions does my file satisfy?": one read of the data, each piece pushed to one
//! [`StreamValidator`] per schema version, one report per version.

use super::SchemaSet;
use conforme::{Lang, SourceError, StreamValidator, ValidationOptions, Validator};
use serde::Serialize;
use std::io::Read;

/// Bytes read from the input at a time.
const PIECE: usize = 1 << 20;

/// The verdict for one version.
#[derive(Serialize)]
pub struct VersionVerdict {
    /// The version name.
    pub version: String,
    /// Where its schema was read.
    pub schema_url: String,
    /// Whether the data satisfies it.
    pub valid: bool,
    /// Errors found (all of them, unless `--max-errors` stopped the count).
    pub error_count: u64,
    /// Errors per type.
    pub error_types: std::collections::BTreeMap<String, u64>,
}

/// Validates `input` against every schema of `set`, reading it once.
///
/// Each validator is single-threaded; versions are validated side by side by the
/// [pipeline](conforme::pipeline) on `options.thread_count()` workers in all, each piece of
/// input going to every validator.
pub fn validate_all(
    set: &SchemaSet,
    options: &ValidationOptions,
    mut input: impl Read,
) -> Result<Vec<VersionVerdict>, SourceError> {
    let stream_options = options.clone().threads(Some(1));
    let mut streams: Vec<StreamValidator> = set
        .schemas
        .iter()
        .map(|s| Validator::with_options(&s.schema, stream_options.clone()).stream())
        .collect();
    let mut piece = vec![0u8; PIECE];
    loop {
        let n = match input.read(&mut piece) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(SourceError::Io(e)),
        };
        let bytes = &piece[..n];
        if streams.iter().all(StreamValidator::is_done) {
            break;
        }
        // Each version's validator gets the pieces in order: the pipeline's run ends with
        // the piece, before the next one is read.
        conforme::pipeline::map_mut(options.thread_count(), &mut streams, |stream| {
            stream.push(bytes)
        })
        .into_iter()
        .collect::<Result<(), _>>()?;
    }
    streams
        .into_iter()
        .zip(&set.schemas)
        .map(|(stream, loaded)| {
            let report = stream.finish()?;
            Ok(VersionVerdict {
                version: loaded.version.clone(),
                schema_url: loaded.location.clone(),
                valid: report.valid,
                error_count: report.stats.error_count,
                error_types: report.stats.error_types,
            })
        })
        .collect()
}

/// The verdicts as a table for people.
pub fn render_table(name: &str, data: &str, verdicts: &[VersionVerdict], lang: Lang) -> String {
    let (title, version, valid, errors, yes, no, kinds) = match lang {
        Lang::Fr => (
            format!(
                "{data} contre les {} versions de {name} (une seule lecture du fichier)",
                verdicts.len()
            ),
            "version",
            "valide",
            "erreurs",
            "oui",
            "non",
            "types d'erreur",
        ),
        Lang::En => (
            format!(
                "{data} against the {} versions of {name} (the file is read once)",
                verdicts.len()
            ),
            "version",
            "valid",
            "errors",
            "yes",
            "no",
            "error types",
        ),
    };
    let width = verdicts
        .iter()
        .map(|v| v.version.chars().count())
        .chain([version.len()])
        .max()
        .unwrap_or(7);
    let mut out = format!("{title}\n\n{version:<width$}  {valid:<6}  {errors:>7}  {kinds}\n");
    for v in verdicts {
        let types = v
            .error_types
            .iter()
            .map(|(k, n)| format!("{k} ×{n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let line = format!(
            "{:<width$}  {:<6}  {:>7}  {types}",
            v.version,
            if v.valid { yes } else { no },
            v.error_count,
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let passing: Vec<&str> = verdicts
        .iter()
        .filter(|v| v.valid)
        .map(|v| v.version.as_str())
        .collect();
    out.push('\n');
    out.push_str(&match (lang, passing.is_empty()) {
        (Lang::Fr, true) => "Aucune version n'est satisfaite.\n".to_owned(),
        (Lang::Fr, false) => format!("Versions satisfaites : {}\n", passing.join(", ")),
        (Lang::En, true) => "No version is satisfied.\n".to_owned(),
        (Lang::En, false) => format!("Versions satisfied: {}\n", passing.join(", ")),
    });
    out
}

/// The verdicts as one JSON object.
pub fn render_json(name: &str, data: &str, verdicts: &[VersionVerdict]) -> String {
    let value = serde_json::json!({
        "schema": name,
        "data": data,
        "versions": verdicts,
        "valid_versions": verdicts.iter().filter(|v| v.valid).map(|v| &v.version).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&value).expect("verdicts always serialize") + "\n"
}
