//! `conforme generate`: realistic rows for a schema, with optional injected errors.

use crate::remote::Remote;
use conforme::generate::{GenerateOptions, generate};
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `conforme generate`.
#[derive(clap::Args)]
pub struct GenerateArgs {
    /// The Table Schema (file, URL or catalogue name).
    #[arg(long, short)]
    schema: String,
    /// Data rows to write.
    #[arg(long, default_value_t = 100)]
    rows: u64,
    /// Share of rows (0 to 1) given one error on purpose.
    #[arg(long, default_value_t = 0.0)]
    error_rate: f64,
    /// Share of optional cells left empty (0 to 1).
    #[arg(long, default_value_t = 0.1)]
    missing_rate: f64,
    /// Seed: the same seed writes the same file.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Field delimiter (one ASCII character).
    #[arg(long, default_value = ",")]
    delimiter: String,
    /// Where to write the CSV (default: standard output).
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Where to write the list of injected errors (CSV: row, field, kind, value).
    #[arg(long)]
    errors_log: Option<PathBuf>,
}

pub(crate) fn run(remote: &Remote, args: &GenerateArgs) -> Result<(), String> {
    if !(0.0..=1.0).contains(&args.error_rate) || !(0.0..=1.0).contains(&args.missing_rate) {
        return Err("--error-rate and --missing-rate are shares between 0 and 1.".into());
    }
    let delimiter = match args.delimiter.as_str() {
        "\\t" | "tab" => b'\t',
        d if d.len() == 1 && d.is_ascii() => d.as_bytes()[0],
        d => {
            return Err(format!(
                "the delimiter must be one ASCII character (got {d:?})."
            ));
        }
    };
    let set = remote
        .load_schemas(&args.schema)
        .map_err(|e| e.to_string())?;
    let schema = &set.schemas.last().ok_or("no schema found")?.schema;
    let options = GenerateOptions {
        rows: args.rows,
        seed: args.seed,
        error_rate: args.error_rate,
        missing_rate: args.missing_rate,
        delimiter,
    };
    let write_error = |e: std::io::Error| format!("cannot write the data: {e}");
    let injected = match &args.output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
            generate(
                schema,
                &options,
                std::io::BufWriter::with_capacity(1 << 20, file),
            )
            .map_err(write_error)?
        }
        None => generate(
            schema,
            &options,
            std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock()),
        )
        .map_err(write_error)?,
    };
    if let Some(path) = &args.errors_log {
        let mut log = csv::Writer::from_path(path)
            .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        let io = |e: csv::Error| format!("cannot write {}: {e}", path.display());
        log.write_record(["row", "field", "kind", "value"])
            .map_err(io)?;
        for e in &injected {
            log.write_record([e.row.to_string().as_str(), &e.field, e.kind, &e.value])
                .map_err(io)?;
        }
        log.flush()
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    let _ = std::io::stderr().flush();
    Ok(())
}
