//! Data Packages: every resource against its schema, then `foreignKeys` across resources.
//!
//! Resources are validated one after the other, each with the ordinary table or JSON
//! validator and the whole thread budget (`threads` is the total number of workers: no pool
//! runs inside another); foreign keys are checked afterwards, each referenced key set being
//! read once and kept as 128-bit hashes of the typed values.
//!
//! ```no_run
//! let report = conforme::package::validate_package(
//!     "datapackage.json",
//!     &conforme::ValidationOptions::default(),
//! ).unwrap();
//! for r in &report.resources {
//!     println!("{}: {}", r.name, r.report.valid);
//! }
//! ```

use crate::ListFailure;
use crate::json::{JsonSchema, JsonSchemaOptions, JsonValidator};
use crate::report::Param;
use crate::report::{Diagnostic, ErrorCode, Lang, Report, Stats};
use crate::{Schema, ValidationOptions, Validator};
use hashbrown::{HashMap, HashSet};
use serde::Serialize;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A package descriptor that cannot be used at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PackageError {
    /// The descriptor file cannot be read.
    #[error("cannot read the package descriptor {path}: {source}")]
    Io {
        /// The path given.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The descriptor does not follow the Data Package profile (outside its resources,
    /// whose violations fail only the resource).
    #[error("{path}: {source}")]
    Profile {
        /// The path given.
        path: PathBuf,
        /// Every violation, with its pointer.
        source: crate::error::SchemaError,
    },
    /// The descriptor is not a Data Package.
    #[error("{path} is not a usable Data Package: {reason}")]
    Invalid {
        /// The path given.
        path: PathBuf,
        /// What is wrong and how to fix it.
        reason: String,
    },
}

impl PackageError {
    /// The message in `lang` (English is the `Display` text).
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (PackageError::Io { path, source }, _) => format!(
                "impossible de lire le descripteur du package {} : {}",
                path.display(),
                crate::report::fatal_messages::io(source, lang)
            ),
            (PackageError::Profile { path, source }, _) => {
                format!("{} : {}", path.display(), source.message(lang))
            }
            (PackageError::Invalid { path, reason }, _) => format!(
                "{} n'est pas un Data Package utilisable : {reason}",
                path.display()
            ),
        }
    }
}

/// The outcome for one resource.
#[derive(Clone, Debug, Serialize)]
pub struct ResourceReport {
    /// The resource `name`.
    pub name: String,
    /// The resource `path`, as written in the descriptor.
    pub path: String,
    /// Its validation report (foreign-key errors included).
    pub report: Report,
}

/// The outcome for a whole package: one section per resource and a verdict.
#[derive(Clone, Debug, Serialize)]
pub struct PackageReport {
    /// `true` when every resource is valid.
    pub valid: bool,
    /// One report per resource, in descriptor order.
    pub resources: Vec<ResourceReport>,
}

impl PackageReport {
    /// Renders every message in `lang`.
    pub fn localize(&mut self, lang: Lang) {
        for r in &mut self.resources {
            r.report.localize(lang);
        }
    }
}

/// The options of a package run, with the JSON Schema settings derived from them once.
struct Settings {
    table: ValidationOptions,
    json: JsonSchemaOptions,
}

/// A resource as read from the descriptor.
struct Resource {
    name: String,
    path_text: String,
    kind: Result<Kind, Why>,
}

enum Kind {
    Table {
        path: PathBuf,
        schema: Schema,
        options: ValidationOptions,
        lint: Vec<Diagnostic>,
    },
    Json {
        path: PathBuf,
        schema: JsonSchema,
        options: ValidationOptions,
    },
}

/// Why a resource cannot be validated, in both languages (the report is rendered, and may be
/// localized again, after it is made).
#[derive(Clone, Debug)]
struct Why {
    en: String,
    fr: String,
}

impl Why {
    fn new(en: impl Into<String>, fr: impl Into<String>) -> Why {
        Why {
            en: en.into(),
            fr: fr.into(),
        }
    }

    /// A reading error of `path`, in each language's words.
    fn source(path: &Path, e: &crate::SourceError) -> Why {
        Why::new(
            format!("{}: {}", path.display(), e.message(Lang::En)),
            format!("{} : {}", path.display(), e.message(Lang::Fr)),
        )
    }

    /// A resource whose key values cannot be read (for a foreign key).
    fn keys(e: &crate::SourceError) -> Why {
        Why::new(
            format!("its keys cannot be read: {}", e.message(Lang::En)),
            format!(
                "ses clés ne peuvent pas être lues : {}",
                e.message(Lang::Fr)
            ),
        )
    }

    /// The `resource-error` diagnostic of `resource` saying this.
    fn diagnostic(&self, resource: &str) -> Diagnostic {
        Diagnostic::new(ErrorCode::ResourceError)
            .with_param(Param::Resource, resource)
            .with_param(Param::Detail, self.en.as_str())
            .with_param(Param::DetailFr, self.fr.as_str())
    }
}

fn failed_report(resource: &str, why: &Why) -> Report {
    let d = why.diagnostic(resource);
    let stats = Stats {
        error_count: 1,
        error_types: [(d.code.as_str().to_owned(), 1)].into_iter().collect(),
        ..Stats::default()
    };
    Report {
        valid: false,
        stats,
        summary: crate::report::Summary::of(std::slice::from_ref(&d)),
        errors: vec![d],
        warnings: Vec::new(),
        ..Report::default()
    }
}

fn is_remote(text: &str) -> bool {
    text.starts_with("http://") || text.starts_with("https://")
}

/// What a path of the descriptor names, in both languages (`path`, `schema`…).
struct What {
    en: &'static str,
    fr: &'static str,
}

impl What {
    const fn new(en: &'static str, fr: &'static str) -> What {
        What { en, fr }
    }
}

const PATH: What = What::new("path", "chemin (`path`)");
const SCHEMA: What = What::new("schema", "schéma");
const DIALECT: What = What::new("dialect", "dialecte");
const TABLE_SCHEMA: What = What::new("Table Schema", "Table Schema");
const DESCRIPTOR: What = What::new("descriptor", "descripteur");
const LIST: What = What::new("reference list", "liste de référence");

fn local_path(base: &Path, text: &str, what: &What) -> Result<PathBuf, Why> {
    let What { en, fr } = what;
    if is_remote(text) {
        return Err(Why::new(
            format!(
                "its {en} is a URL ({text}); conforme does not download files: save it next to the descriptor and use a relative path"
            ),
            format!(
                "son {fr} est une adresse web ({text}) ; conforme ne télécharge pas de fichiers : enregistrez-le à côté du descripteur et donnez un chemin relatif"
            ),
        ));
    }
    if Path::new(text).is_absolute() || text.split(['/', '\\']).any(|p| p == "..") {
        return Err(Why::new(
            format!(
                "its {en} {text:?} leaves the package directory (absolute path or `..`), which Data Packages forbid"
            ),
            format!(
                "son {fr} {text:?} sort du dossier du paquet (chemin absolu ou `..`), ce que les Data Packages interdisent"
            ),
        ));
    }
    let path = base.join(text);
    if !crate::source::stays_inside(base, &path) {
        return Err(Why::new(
            format!(
                "its {en} {text:?} is a link to a file outside the package directory, which conforme does not read"
            ),
            format!(
                "son {fr} {text:?} est un lien vers un fichier hors du dossier du paquet, que conforme ne lit pas"
            ),
        ));
    }
    Ok(path)
}

fn read_json(path: &Path) -> Result<Value, Why> {
    let bytes = std::fs::read(path).map_err(|e| {
        Why::new(
            format!("cannot read {}: {e}", path.display()),
            format!("impossible de lire {} : {e}", path.display()),
        )
    })?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    serde_json::from_slice(bytes).map_err(|e| {
        Why::new(
            format!("{} is not valid JSON: {e}", path.display()),
            format!("{} n'est pas du JSON valide : {e}", path.display()),
        )
    })
}

/// Table Dialect keys that say how to read CSV text ([`crate::Dialect::apply_json`]).
const CSV_DIALECT_KEYS: &[&str] = &[
    "$schema",
    "delimiter",
    "quoteChar",
    "doubleQuote",
    "escapeChar",
    "skipInitialSpace",
    "header",
    "headerRows",
    "headerJoin",
    "commentChar",
    "nullSequence",
    "lineTerminator",
    "caseSensitiveHeader",
    "csvddfVersion",
    "name",
    "title",
    "description",
];

/// The sheet a resource's dialect names: v2 `sheetName`/`sheetNumber`, frictionless 4
/// `sheet`, frictionless 5 `excel.sheet`/`ods.sheet`.
fn dialect_sheet(dialect: &serde_json::Map<String, Value>) -> Option<String> {
    let text = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    ["sheetName", "sheet", "sheetNumber"]
        .iter()
        .find_map(|k| dialect.get(*k).and_then(text))
        .or_else(|| {
            ["excel", "ods"]
                .iter()
                .find_map(|k| dialect.get(*k)?.get("sheet").and_then(text))
        })
}

/// Profile violations as one resource error, with pointers into the package.
fn violations_text(what: &What, violations: &[crate::profile::Violation]) -> Why {
    let at = |v: &crate::profile::Violation| {
        if v.pointer.is_empty() {
            "/".to_owned()
        } else {
            v.pointer.clone()
        }
    };
    let en: Vec<String> = violations.iter().map(ToString::to_string).collect();
    let fr: Vec<String> = violations
        .iter()
        .map(|v| format!("{} : {}", at(v), v.message_fr))
        .collect();
    Why::new(
        format!(
            "its {} does not follow the specification: {}",
            what.en,
            en.join("; ")
        ),
        format!(
            "son {} ne suit pas la spécification : {}",
            what.fr,
            fr.join(" ; ")
        ),
    )
}

/// The resource's `dialect` (inline, or the path of a JSON file), checked against the
/// Table Dialect profile.
fn resource_dialect(
    base: &Path,
    i: usize,
    r: &serde_json::Map<String, Value>,
) -> Result<Option<serde_json::Map<String, Value>>, Why> {
    let (value, prefix) = match r.get("dialect") {
        None => return Ok(None),
        Some(Value::String(p)) => (read_json(&local_path(base, p, &DIALECT)?)?, p.clone()),
        Some(v) => (v.clone(), format!("/resources/{i}/dialect")),
    };
    let violations: Vec<_> = crate::profile::errors(crate::profile::Profile::TableDialect, &value)
        .into_iter()
        .map(|v| v.nested(&prefix))
        .collect();
    if !violations.is_empty() {
        return Err(violations_text(&DIALECT, &violations));
    }
    match value {
        Value::Object(o) => Ok(Some(o)),
        _ => Err(Why::new(
            "its dialect must be an object",
            "son dialecte doit être un objet",
        )),
    }
}

/// Resource-level conforme settings (`"conforme": {"headerProfile": "strict", …}`), over
/// the package-wide options.
fn resource_settings(
    mut options: ValidationOptions,
    i: usize,
    r: &serde_json::Map<String, Value>,
) -> Result<ValidationOptions, Why> {
    let Some(settings) = r.get("conforme") else {
        return Ok(options);
    };
    let at = |k: &str| format!("/resources/{i}/conforme/{k}");
    if let Some(p) = settings.get("headerProfile") {
        let profile = p
            .as_str()
            .and_then(crate::HeaderProfile::from_name)
            .ok_or_else(|| {
                let known: Vec<&str> = crate::HeaderProfile::ALL.iter().map(|(_, n)| *n).collect();
                Why::new(
                    format!(
                        "{}: unknown header profile {p}; use one of {}",
                        at("headerProfile"),
                        known.join(", ")
                    ),
                    format!(
                        "{} : profil d'en-tête {p} inconnu ; utilisez {}",
                        at("headerProfile"),
                        known.join(", ")
                    ),
                )
            })?;
        options = options.profile(profile);
    }
    if let Some(b) = settings.get("ignoreHeaderCase") {
        let yes = b.as_bool().ok_or_else(|| {
            Why::new(
                format!(
                    "{}: expected true or false, found {b}",
                    at("ignoreHeaderCase")
                ),
                format!(
                    "{} : true ou false attendu, trouvé {b}",
                    at("ignoreHeaderCase")
                ),
            )
        })?;
        options = options.ignore_header_case(yes);
    }
    if let Some(list) = settings.get("skipChecks") {
        let names: Option<Vec<String>> = list
            .as_array()
            .and_then(|a| a.iter().map(|n| n.as_str().map(str::to_owned)).collect());
        let mut names = names.ok_or_else(|| {
            Why::new(
                format!(
                    "{}: expected a list of custom check names, found {list}",
                    at("skipChecks")
                ),
                format!(
                    "{} : liste de noms de custom checks attendue, trouvé {list}",
                    at("skipChecks")
                ),
            )
        })?;
        // The package-wide skipped checks stay skipped.
        names.extend(options.skip_checks.iter().cloned());
        options = options.skip_checks(names);
    }
    Ok(options)
}

fn table_options(
    base: &Path,
    i: usize,
    options: &ValidationOptions,
    r: &serde_json::Map<String, Value>,
    format: &str,
) -> Result<ValidationOptions, Why> {
    let mut options = resource_settings(options.clone(), i, r)?;
    if let Some(label) = r.get("encoding").and_then(Value::as_str) {
        options = options.clone().encoding(label).ok_or_else(|| {
            Why::new(
                format!("its encoding {label:?} is unknown"),
                format!("son encodage {label:?} est inconnu"),
            )
        })?;
    }
    let dialect = resource_dialect(base, i, r)?;
    if let Some(d) = &dialect {
        let csv: serde_json::Map<String, Value> = d
            .iter()
            .filter(|(k, _)| CSV_DIALECT_KEYS.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        options = options.dialect_json(&Value::Object(csv)).map_err(|e| {
            Why::new(
                format!("its dialect cannot be used: {e}"),
                format!("son dialecte est inutilisable : {e}"),
            )
        })?;
        if let Some(sheet) = dialect_sheet(d) {
            options = options.sheet(Some(sheet));
        }
    }
    if format == "tsv"
        && !dialect
            .as_ref()
            .is_some_and(|d| d.contains_key("delimiter"))
    {
        options = options.delimiter(b'\t');
    }
    Ok(options)
}

/// The resource's format: `format`, else what its `mediatype` says, else its extension.
fn resource_format(r: &serde_json::Map<String, Value>, path: &Path) -> String {
    const MEDIATYPES: &[(&str, &str)] = &[
        ("text/csv", "csv"),
        ("text/tab-separated-values", "tsv"),
        ("application/json", "json"),
        ("application/geo+json", "geojson"),
        (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
        ("application/vnd.ms-excel", "xls"),
        (
            "application/vnd.ms-excel.sheet.binary.macroenabled.12",
            "xlsb",
        ),
        ("application/vnd.ms-excel.sheet.macroenabled.12", "xlsm"),
        ("application/vnd.oasis.opendocument.spreadsheet", "ods"),
    ];
    if let Some(f) = r.get("format").and_then(Value::as_str) {
        return f.trim_start_matches('.').to_ascii_lowercase();
    }
    if let Some(m) = r.get("mediatype").and_then(Value::as_str) {
        let m = m
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        if let Some((_, f)) = MEDIATYPES.iter().find(|(t, _)| *t == m) {
            return (*f).to_owned();
        }
    }
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// The resource's Table Schema, with profile violations pointed into the package; the
/// lists of its `reference-list-value` checks are files of the package, like resources.
fn table_schema(value: &Value, pointer: &str, base: &Path) -> Result<Schema, Why> {
    let mut read = |list: &str| {
        let path = local_path(base, list, &LIST).map_err(|why| ListFailure::Unreadable(why.en))?;
        std::fs::read(&path)
            .map_err(|e| ListFailure::Unreadable(format!("{}: {e}", path.display())))
    };
    Schema::from_value_with_lists(value, &mut read).map_err(|e| match e {
        crate::error::SchemaError::Profile { violations, .. } => {
            let nested: Vec<_> = violations.into_iter().map(|v| v.nested(pointer)).collect();
            violations_text(&TABLE_SCHEMA, &nested)
        }
        other => Why::new(
            format!("its Table Schema cannot be used: {other}"),
            format!(
                "son Table Schema est inutilisable : {}",
                other.message(Lang::Fr)
            ),
        ),
    })
}

fn load_resource(base: &Path, i: usize, r: &Value, options: &Settings) -> Resource {
    let Value::Object(r) = r else {
        return Resource {
            name: format!("#{i}"),
            path_text: String::new(),
            kind: Err(Why::new(
                format!("resources/{i} is not an object"),
                format!("resources/{i} n'est pas un objet"),
            )),
        };
    };
    let name = r
        .get("name")
        .and_then(Value::as_str)
        .map_or_else(|| format!("#{i}"), str::to_owned);
    let path_text = match r.get("path") {
        Some(Value::String(p)) => p.clone(),
        Some(Value::Array(parts)) if parts.len() == 1 => {
            parts[0].as_str().unwrap_or_default().to_owned()
        }
        Some(Value::Array(_)) => {
            return Resource {
                name,
                path_text: String::new(),
                kind: Err(Why::new(
                    "multi-part resources (several paths) are not supported yet: join the parts into one file",
                    "les ressources en plusieurs parties (plusieurs chemins) ne sont pas encore prises en charge : réunissez les parties en un seul fichier",
                )),
            };
        }
        _ => {
            let why = if r.contains_key("data") {
                Why::new(
                    "inline `data` resources are not supported yet: put the rows in a CSV file and give its `path`",
                    "les ressources aux données en ligne (`data`) ne sont pas encore prises en charge : mettez les lignes dans un fichier CSV et donnez son chemin (`path`)",
                )
            } else {
                Why::new("it has no `path`", "elle n'a pas de chemin (`path`)")
            };
            return Resource {
                name,
                path_text: String::new(),
                kind: Err(why),
            };
        }
    };
    let kind = (|| -> Result<Kind, Why> {
        let path = local_path(base, &path_text, &PATH)?;
        let (schema_value, schema_pointer) = match r.get("schema") {
            Some(Value::String(s)) => (read_json(&local_path(base, s, &SCHEMA)?)?, s.clone()),
            Some(v @ Value::Object(_)) => (v.clone(), format!("/resources/{i}/schema")),
            Some(_) => {
                return Err(Why::new(
                    "its `schema` must be an object or a path",
                    "son `schema` doit être un objet ou un chemin",
                ));
            }
            None => {
                return Err(Why::new(
                    "it has no `schema`: nothing to validate it against",
                    "elle n'a pas de `schema` : rien contre quoi la valider",
                ));
            }
        };
        let format = resource_format(r, &path);
        match format.as_str() {
            "json" | "geojson" if crate::json::is_json_schema(&schema_value) => {
                let schema = JsonSchema::compile(&schema_value, &options.json).map_err(|e| {
                    Why::new(
                        format!("its JSON Schema cannot be used: {e}"),
                        format!("son JSON Schema est inutilisable : {}", e.message(Lang::Fr)),
                    )
                })?;
                Ok(Kind::Json {
                    path,
                    schema,
                    options: options.table.clone(),
                })
            }
            "csv" | "tsv" | "txt" | "" | "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => {
                let schema = table_schema(&schema_value, &schema_pointer, base)?;
                let topts = table_options(base, i, &options.table, r, &format)?;
                let lint = crate::lint::lint_value(&schema_value)
                    .into_iter()
                    .map(crate::lint::Finding::into_warning)
                    .collect();
                Ok(Kind::Table {
                    path,
                    schema,
                    options: topts,
                    lint,
                })
            }
            other => Err(Why::new(
                format!(
                    "its format {other:?} is not supported yet (CSV, Excel, OpenDocument and JSON resources are)"
                ),
                format!(
                    "son format {other:?} n'est pas encore pris en charge (les ressources CSV, Excel, OpenDocument et JSON le sont)"
                ),
            )),
        }
    })();
    Resource {
        name,
        path_text,
        kind,
    }
}

fn validate_resource(r: &Resource) -> Report {
    match &r.kind {
        Err(why) => failed_report(&r.name, why),
        Ok(Kind::Table {
            path,
            schema,
            options,
            lint,
        }) => match Validator::with_options(schema, options.clone()).validate_path(path) {
            Ok(mut report) => {
                report.warnings.extend(lint.iter().cloned());
                report
            }
            Err(e) => failed_report(&r.name, &Why::source(path, &e)),
        },
        Ok(Kind::Json {
            path,
            schema,
            options,
        }) => match JsonValidator::new(schema, options.clone()).validate_path(path) {
            Ok(report) => report,
            Err(e) => failed_report(&r.name, &Why::source(path, &e)),
        },
    }
}

fn push_error(report: &mut Report, d: Diagnostic) {
    report.valid = false;
    report.stats.error_count += 1;
    *report
        .stats
        .error_types
        .entry(d.code.as_str().to_owned())
        .or_default() += 1;
    report.errors.push(d);
}

type KeySets = HashMap<(usize, Vec<usize>), Result<Arc<HashSet<u128>>, Why>>;

/// Checks the foreign keys of resource `index`, adding errors to `report`.
fn check_foreign_keys(
    resources: &[Resource],
    index: usize,
    report: &mut Report,
    sets: &mut KeySets,
) {
    let Ok(Kind::Table {
        path,
        schema,
        options,
        ..
    }) = &resources[index].kind
    else {
        return;
    };
    let table = schema.table();
    for fk in &table.foreign_keys {
        let target = match fk.resource.as_deref() {
            // Same-table keys are checked by the table validator itself.
            None | Some("") => continue,
            Some(name) => resources.iter().position(|r| r.name == name),
        };
        let resource_name = fk.resource.clone().unwrap_or_default();
        let Some(target) = target else {
            let why = Why::new(
                format!(
                    "a foreign key references the resource {resource_name:?}, which the package does not have"
                ),
                format!(
                    "une clé étrangère désigne la ressource {resource_name:?}, que le paquet n'a pas"
                ),
            );
            push_error(report, why.diagnostic(&resources[index].name));
            continue;
        };
        let Ok(Kind::Table {
            path: target_path,
            schema: target_schema,
            options: target_options,
            ..
        }) = &resources[target].kind
        else {
            // The referenced resource already has its own resource error.
            continue;
        };
        let target_fields: Option<Vec<usize>> = fk
            .reference_fields
            .iter()
            .map(|n| target_schema.table().field_index(n))
            .collect();
        let Some(target_fields) = target_fields else {
            let (fields, target_name) = (&fk.reference_fields, &resources[target].name);
            let why = Why::new(
                format!(
                    "a foreign key references the fields {fields:?} of {target_name:?}, which its schema does not define all"
                ),
                format!(
                    "une clé étrangère désigne les champs {fields:?} de {target_name:?}, que son schéma ne définit pas tous"
                ),
            );
            push_error(report, why.diagnostic(&resources[index].name));
            continue;
        };
        let set = sets
            .entry((target, target_fields.clone()))
            .or_insert_with(|| {
                let mut set = HashSet::new();
                let v = Validator::with_options(target_schema, target_options.clone());
                v.collect_keys_path(target_path, &target_fields, |k| {
                    if let Some(h) = k.hash {
                        set.insert(h);
                    }
                })
                .map_err(|e| Why::keys(&e))
                .map(|()| Arc::new(set))
            })
            .clone();
        let set = match set {
            Ok(s) => s,
            Err(why) => {
                push_error(report, why.diagnostic(&resources[target].name));
                continue;
            }
        };
        let local_fields: Vec<usize> = fk
            .fields
            .iter()
            .filter_map(|n| table.field_index(n))
            .collect();
        let v = Validator::with_options(schema, options.clone());
        let mut found = Vec::new();
        let result = v
            .collect_keys_path(path, &local_fields, |k| {
                if k.hash.is_some_and(|h| !set.contains(&h)) {
                    found.push(
                        Diagnostic::new(ErrorCode::ForeignKey)
                            .at_row(k.row, k.line)
                            .with_cell(&k.text)
                            .with_param(Param::Fields, fk.fields.clone())
                            .with_param(Param::Values, k.values.clone())
                            // Named as for a foreign key to the same table.
                            .with_param(Param::Reference, fk.reference_fields.clone())
                            .with_param(Param::Resource, resource_name.as_str()),
                    );
                }
            })
            .map_err(|e| Why::keys(&e));
        if let Err(why) = result {
            push_error(report, why.diagnostic(&resources[index].name));
        }
        for d in found {
            push_error(report, d);
        }
    }
    report.errors.sort_by_key(|d| d.row.unwrap_or(0));
}

/// Validates the Data Package described by `descriptor` (a `datapackage.json`).
pub fn validate_package(
    descriptor: impl AsRef<Path>,
    options: &ValidationOptions,
) -> Result<PackageReport, PackageError> {
    let descriptor = descriptor.as_ref();
    // `$ref`s of the resources' JSON Schemas resolve next to the descriptor.
    let json = JsonSchemaOptions::from_options(options, Some(descriptor));
    let options = &Settings {
        table: options.clone(),
        json,
    };
    let bytes = std::fs::read(descriptor).map_err(|source| PackageError::Io {
        path: descriptor.to_owned(),
        source,
    })?;
    let invalid = |reason: String| PackageError::Invalid {
        path: descriptor.to_owned(),
        reason,
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        invalid(format!(
            "not valid JSON (line {}, column {}): {e}",
            e.line(),
            e.column()
        ))
    })?;
    // Violations inside a resource fail that resource; the others, the whole package.
    let mut in_resources: HashMap<usize, Vec<crate::profile::Violation>> = HashMap::new();
    let mut package_level = Vec::new();
    for v in crate::profile::errors(crate::profile::Profile::DataPackage, &value) {
        let index = v
            .pointer
            .strip_prefix("/resources/")
            .and_then(|rest| rest.split('/').next())
            .and_then(|n| n.parse::<usize>().ok());
        match index {
            Some(i) => in_resources.entry(i).or_default().push(v),
            None => package_level.push(v),
        }
    }
    if !package_level.is_empty() {
        return Err(PackageError::Profile {
            path: descriptor.to_owned(),
            source: crate::error::SchemaError::Profile {
                profile: crate::profile::Profile::DataPackage.name(),
                violations: package_level,
            },
        });
    }
    let Some(Value::Array(list)) = value.get("resources") else {
        return Err(invalid(
            "it has no `resources` array: a Data Package lists its files in `resources`".into(),
        ));
    };
    let base = descriptor.parent().unwrap_or(Path::new("."));
    let resources: Vec<Resource> = list
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut resource = load_resource(base, i, r, options);
            if let Some(violations) = in_resources.get(&i) {
                resource.kind = Err(violations_text(&DESCRIPTOR, violations));
            }
            resource
        })
        .collect();
    let mut reports: Vec<Report> = resources.iter().map(validate_resource).collect();
    let mut sets = KeySets::new();
    for (i, report) in reports.iter_mut().enumerate() {
        check_foreign_keys(&resources, i, report, &mut sets);
        // Foreign-key errors come after the summary was made: count them in it.
        report.summary = crate::report::Summary::of(&report.errors);
    }
    let mut package = PackageReport {
        valid: reports.iter().all(|r| r.valid),
        resources: resources
            .into_iter()
            .zip(reports)
            .map(|(r, report)| ResourceReport {
                name: r.name,
                path: r.path_text,
                report,
            })
            .collect(),
    };
    package.localize(options.table.lang);
    Ok(package)
}

pub use crate::profile::is_package;
