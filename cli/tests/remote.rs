//! Schemas, catalogue and data over real HTTP: a server on 127.0.0.1 started by each test
//! serves a catalogue and schemas written here (plus public corpus schemas read in place
//! from ../shared/corpus when present). Nothing here reaches the internet: every command
//! gets `--catalog` on the loopback server, a fresh cache directory, and no proxy.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use support::{Route, Server};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// A directory of its own for each call (cache, data files).
fn temp_dir(tag: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "conforme-remote-{}-{tag}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `conforme` with no proxy and no catalogue from the environment.
fn conforme(args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_conforme"));
    for var in [
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
        "CONFORME_CATALOG",
        "CONFORME_CACHE_DIR",
    ] {
        command.env_remove(var);
    }
    command
        .args(args)
        .current_dir(root())
        .env("NO_PROXY", "127.0.0.1,localhost")
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .expect("conforme runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[track_caller]
fn assert_exit(out: &Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        stdout(out),
        stderr(out)
    );
}

const COMMUNES_V1: &str = r#"{"fields": [
    {"name": "code", "type": "integer", "constraints": {"required": true}},
    {"name": "nom", "type": "string"}
]}"#;

const COMMUNES_V2: &str = r#"{"fields": [
    {"name": "code", "type": "integer", "constraints": {"required": true}},
    {"name": "nom", "type": "string"},
    {"name": "population", "type": "integer", "constraints": {"required": true}}
]}"#;

const ECOLES: &str = r#"{"fields": [
    {"name": "identifiant_etablissement", "type": "string"},
    {"name": "nom_etablissement", "type": "string"},
    {"name": "date_de_mise_a_jour", "type": "date"},
    {"name": "code_postal", "type": "string"},
    {"name": "telephone", "type": "string"}
]}"#;

/// Valid for communes 1.0.0, missing a required column for 1.1.0.
const COMMUNES_DATA: &str = "code,nom\n75056,Paris\n69123,Lyon\n";

/// A catalogue in the schema.data.gouv.fr format, with absolute, relative and
/// redirected schema addresses.
fn catalogue(server: &Server) -> String {
    serde_json::json!({
        "$schema": "https://opendataschema.frama.io/catalog/schema-catalog.json",
        "version": 1,
        "schemas": [
            {
                "name": "test/communes",
                "title": "Communes de test",
                "description": "Liste des communes, avec leur population depuis la version 1.1.0",
                "schema_url": server.url("/schemas/test/communes/latest/schema.json"),
                "schema_type": "tableschema",
                "contact": "test@example.org",
                "examples": [{"title": "Exemple valide", "path": server.url("/exemples/communes.csv")}],
                "labels": ["Socle Commun des Données Locales"],
                "consolidation_dataset_id": null,
                "versions": [
                    {"version_name": "1.1.0", "schema_url": "schemas/test/communes/1.1.0/schema.json"},
                    {"version_name": "1.0.0", "schema_url": server.url("/schemas/test/communes/1.0.0/schema.json")}
                ],
                "external_doc": null, "external_tool": null, "homepage": "https://example.org/communes.git"
            },
            {
                "name": "test/etablissements-scolaires",
                "title": "Établissements scolaires",
                "description": "Annuaire des écoles et collèges",
                "schema_url": server.url("/schemas/test/ecoles/0.3.0/schema.json"),
                "schema_type": "tableschema",
                "examples": [], "labels": [],
                "versions": [{"version_name": "0.3.0", "schema_url": server.url("/moved/ecoles.json")}]
            },
            {
                "name": "test/marches",
                "title": "Marchés publics",
                "description": "Données essentielles des marchés publics (JSON)",
                "schema_url": server.url("/schemas/test/marches/2.0.0/marches.json"),
                "schema_type": "jsonschema",
                "examples": [], "labels": [],
                "versions": [{"version_name": "2.0.0", "schema_url": server.url("/schemas/test/marches/2.0.0/marches.json")}]
            },
            {
                "name": "test/paquet",
                "title": "Un paquet de données",
                "schema_type": "datapackage",
                "versions": [{"version_name": "1.0.0", "schema_url": server.url("/schemas/test/paquet/1.0.0/datapackage.json")}]
            }
        ]
    })
    .to_string()
}

/// A server with the test catalogue and its schemas.
fn catalogue_server() -> Server {
    let server = Server::start();
    server.route(
        "/schemas.json",
        Route::json(catalogue(&server)).with_etag("\"cat-1\""),
    );
    server.route(
        "/schemas/test/communes/1.0.0/schema.json",
        Route::json(COMMUNES_V1).with_etag("\"v1\""),
    );
    server.route(
        "/schemas/test/communes/1.1.0/schema.json",
        Route::json(COMMUNES_V2).with_etag("\"v2\""),
    );
    server.route(
        "/moved/ecoles.json",
        Route::redirect("/schemas/test/ecoles/0.3.0/schema.json"),
    );
    server.route(
        "/schemas/test/ecoles/0.3.0/schema.json",
        Route::json(ECOLES),
    );
    server
}

/// Common options: the loopback catalogue and a private cache.
fn with_remote<'a>(args: &[&'a str], catalog: &'a str, cache: &'a Path) -> Vec<&'a str> {
    let mut all = args.to_vec();
    all.extend(["--catalog", catalog, "--cache-dir", cache.to_str().unwrap()]);
    all
}

fn write(dir: &Path, name: &str, bytes: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

#[test]
fn catalogue_names_resolve_to_latest_and_pinned_versions() {
    let server = catalogue_server();
    let dir = temp_dir("resolve");
    let data = write(&dir, "communes.csv", COMMUNES_DATA);
    let catalog = server.url("/schemas.json");
    let cache = dir.join("cache");

    // Latest is 1.1.0 (versions are sorted, whatever their order in the catalogue),
    // read at a relative address, and it requires a column the file lacks.
    let out = conforme(&with_remote(
        &[
            "validate",
            &data,
            "--schema",
            "test/communes",
            "--format",
            "json",
        ],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 1);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["errors"][0]["type"], "missing-label", "{report}");
    assert_eq!(
        server
            .seen("/schemas/test/communes/1.1.0/schema.json")
            .len(),
        1
    );

    let out = conforme(&with_remote(
        &["validate", &data, "--schema", "test/communes@latest"],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 1);

    let out = conforme(&with_remote(
        &["validate", &data, "--schema", "test/communes@1.0.0"],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 0);
    assert!(stdout(&out).contains("Fichier valide"), "{}", stdout(&out));

    let out = conforme(&with_remote(
        &["validate", &data, "--schema", "test/communes@3.0.0"],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 2);
    assert!(
        stderr(&out)
            .contains("test/communes n'a pas de version 3.0.0 ; versions publiées : 1.0.0, 1.1.0"),
        "{}",
        stderr(&out)
    );

    let out = conforme(&with_remote(
        &["validate", &data, "--schema", "other/communes"],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 2);
    let err = stderr(&out);
    assert!(
        err.contains("other/communes n'est ni un fichier ni un schéma du catalogue"),
        "{err}"
    );
    assert!(err.contains("vouliez-vous dire test/communes ?"), "{err}");
}

#[test]
fn a_schema_url_and_the_catalogue_environment_variable_work() {
    let server = catalogue_server();
    let dir = temp_dir("url");
    let data = write(&dir, "communes.csv", COMMUNES_DATA);
    let cache = dir.join("cache");
    let url = server.url("/schemas/test/communes/1.0.0/schema.json");
    let out = conforme(&[
        "validate",
        &data,
        "--schema",
        &url,
        "--cache-dir",
        cache.to_str().unwrap(),
    ]);
    assert_exit(&out, 0);

    let mut command = Command::new(env!("CARGO_BIN_EXE_conforme"));
    let out = command
        .args(["catalog", "list", "--cache-dir", cache.to_str().unwrap()])
        .env("CONFORME_CATALOG", server.url("/"))
        .env("NO_PROXY", "127.0.0.1")
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .output()
        .unwrap();
    assert_exit(&out, 0);
    assert!(stdout(&out).contains("test/communes"), "{}", stdout(&out));
}

#[test]
fn all_versions_are_checked_in_one_pass_over_the_data() {
    let server = catalogue_server();
    server.route("/data/communes.csv", Route::ok("text/csv", COMMUNES_DATA));
    let dir = temp_dir("all");
    let catalog = server.url("/schemas.json");
    let cache = dir.join("cache");
    let data_url = server.url("/data/communes.csv");

    let out = conforme(&with_remote(
        &["validate", &data_url, "--schema", "test/communes@all"],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 0);
    let text = stdout(&out);
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("1.")).collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(
        rows[0].starts_with("1.0.0") && rows[0].contains("oui"),
        "{text}"
    );
    assert!(
        rows[1].starts_with("1.1.0") && rows[1].contains("non"),
        "{text}"
    );
    assert!(text.contains("Versions satisfaites : 1.0.0"), "{text}");
    // One pass: the data was requested once for both versions.
    assert_eq!(server.seen("/data/communes.csv").len(), 1);

    let out = conforme(&with_remote(
        &[
            "validate",
            &data_url,
            "--schema",
            "test/communes@all",
            "--format",
            "json",
        ],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 0);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let versions = json["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0]["version"], "1.0.0");
    assert_eq!(versions[0]["valid"], true);
    assert_eq!(versions[0]["error_count"], 0);
    assert_eq!(versions[1]["valid"], false);
    assert_eq!(versions[1]["error_types"]["missing-label"], 1, "{json}");
    assert_eq!(json["valid_versions"], serde_json::json!(["1.0.0"]));

    // No version satisfied: exit 1.
    let bad = write(&dir, "bad.csv", "code,nom\nabc,Paris\n");
    let out = conforme(&with_remote(
        &["validate", &bad, "--schema", "test/communes@all"],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 1);
    assert!(
        stdout(&out).contains("Aucune version n'est satisfaite"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn the_cache_revalidates_with_etags_after_the_ttl_and_not_before() {
    let server = catalogue_server();
    let dir = temp_dir("etag");
    let catalog = server.url("/schemas.json");
    let cache = dir.join("cache");

    let first = conforme(&with_remote(&["catalog", "list"], &catalog, &cache));
    assert_exit(&first, 0);
    assert_eq!(server.seen("/schemas.json").len(), 1);
    assert!(
        !server.seen("/schemas.json")[0]
            .headers
            .contains_key("if-none-match")
    );

    // Within the TTL (default one hour): no request at all.
    let second = conforme(&with_remote(&["catalog", "list"], &catalog, &cache));
    assert_exit(&second, 0);
    assert_eq!(server.seen("/schemas.json").len(), 1);

    // TTL 0: a conditional request, answered 304, and the cached copy is used.
    let third = conforme(&with_remote(
        &["catalog", "list", "--cache-ttl", "0"],
        &catalog,
        &cache,
    ));
    assert_exit(&third, 0);
    let seen = server.seen("/schemas.json");
    assert_eq!(seen.len(), 2);
    assert_eq!(
        seen[1].headers.get("if-none-match").map(String::as_str),
        Some("\"cat-1\"")
    );
    assert!(seen[1].not_modified);
    assert_eq!(stdout(&first), stdout(&third));

    // Changed on the server (new tag): downloaded again.
    server.route(
        "/schemas.json",
        Route::json(catalogue(&server).replace("Communes de test", "Communes (v2)"))
            .with_etag("\"cat-2\""),
    );
    let fourth = conforme(&with_remote(
        &["catalog", "list", "--cache-ttl", "0"],
        &catalog,
        &cache,
    ));
    assert_exit(&fourth, 0);
    assert!(
        stdout(&fourth).contains("Communes (v2)"),
        "{}",
        stdout(&fourth)
    );
    assert!(!server.seen("/schemas.json")[2].not_modified);
}

#[test]
fn offline_mode_uses_only_the_cache_and_names_what_is_missing() {
    let server = catalogue_server();
    let dir = temp_dir("offline");
    let data = write(&dir, "communes.csv", COMMUNES_DATA);
    let catalog = server.url("/schemas.json");
    let cache = dir.join("cache");

    // Nothing cached yet.
    let out = conforme(&with_remote(
        &[
            "validate",
            &data,
            "--schema",
            "test/communes@1.0.0",
            "--offline",
        ],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 2);
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{catalog} n'est pas dans le cache")),
        "{err}"
    );
    assert!(err.contains("--offline"), "{err}");
    assert_eq!(server.total(), 0);

    // Fill the cache, then go offline: no request, same verdict, even with TTL 0.
    assert_exit(
        &conforme(&with_remote(
            &["validate", &data, "--schema", "test/communes@1.0.0"],
            &catalog,
            &cache,
        )),
        0,
    );
    let before = server.total();
    let out = conforme(&with_remote(
        &[
            "validate",
            &data,
            "--schema",
            "test/communes@1.0.0",
            "--offline",
            "--cache-ttl",
            "0",
        ],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 0);
    assert_eq!(server.total(), before);

    // Data at a URL is streamed, never cached: offline, it is refused before any request.
    let out = conforme(&with_remote(
        &[
            "validate",
            &server.url("/data/communes.csv"),
            "--schema",
            "test/communes@1.0.0",
            "--offline",
        ],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 2);
    assert!(
        stderr(&out).contains("--offline forbids downloading data"),
        "{}",
        stderr(&out)
    );
    assert_eq!(server.total(), before);

    // A version never downloaded: the message names its address.
    let out = conforme(&with_remote(
        &[
            "validate",
            &data,
            "--schema",
            "test/communes@1.1.0",
            "--offline",
        ],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 2);
    assert!(
        stderr(&out).contains("/schemas/test/communes/1.1.0/schema.json n'est pas dans le cache"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn redirects_are_followed_for_the_catalogue_and_schemas() {
    let server = catalogue_server();
    server.route("/old/schemas.json", Route::redirect("/schemas.json"));
    server.route("/loop", Route::redirect("/loop"));
    let dir = temp_dir("redirect");
    let cache = dir.join("cache");
    let data = write(
        &dir,
        "ecoles.csv",
        "identifiant_etablissement,nom_etablissement,date_de_mise_a_jour,code_postal,telephone\n0750001A,École A,2024-01-31,75001,0102030405\n",
    );
    let catalog = server.url("/old/schemas.json");
    // The 0.3.0 schema is listed at /moved/ecoles.json, which redirects.
    let out = conforme(&with_remote(
        &[
            "validate",
            &data,
            "--schema",
            "test/etablissements-scolaires@0.3.0",
        ],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 0);
    assert_eq!(server.seen("/old/schemas.json").len(), 1);
    assert_eq!(server.seen("/moved/ecoles.json").len(), 1);
    assert_eq!(
        server.seen("/schemas/test/ecoles/0.3.0/schema.json").len(),
        1
    );

    let out = conforme(&with_remote(
        &["validate", &data, "--schema", &server.url("/loop")],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 2);
    assert!(stderr(&out).contains("redirects"), "{}", stderr(&out));
}

#[test]
fn a_slow_server_times_out_with_a_clear_message() {
    let server = Server::start();
    server.route(
        "/schemas.json",
        Route::json("{\"schemas\": []}").slow(Duration::from_secs(4)),
    );
    let dir = temp_dir("slow");
    let out = conforme(&with_remote(
        &["catalog", "list", "--timeout", "1"],
        &server.url("/schemas.json"),
        &dir.join("cache"),
    ));
    assert_exit(&out, 2);
    let err = stderr(&out);
    assert!(err.contains("timeout"), "{err}");
    assert!(err.contains("--timeout"), "{err}");
}

#[test]
fn failing_servers_and_wrong_documents_give_specific_errors() {
    let server = catalogue_server();
    server.route(
        "/broken/schemas.json",
        Route::status(500, "text/plain", "internal error"),
    );
    server.route(
        "/page.json",
        Route::ok(
            "text/html; charset=utf-8",
            "<!DOCTYPE html><html><body>Schéma</body></html>",
        ),
    );
    server.route(
        "/untyped-page",
        Route::ok("application/octet-stream", "\n<html><head></head></html>"),
    );
    let dir = temp_dir("failing");
    let cache = dir.join("cache");
    let data = write(&dir, "communes.csv", COMMUNES_DATA);
    let good_catalog = server.url("/schemas.json");

    let out = conforme(&with_remote(
        &["catalog", "list"],
        &server.url("/broken/schemas.json"),
        &cache,
    ));
    assert_exit(&out, 2);
    assert!(stderr(&out).contains("HTTP 500"), "{}", stderr(&out));

    for page in ["/page.json", "/untyped-page"] {
        let out = conforme(&with_remote(
            &["validate", &data, "--schema", &server.url(page)],
            &good_catalog,
            &cache,
        ));
        assert_exit(&out, 2);
        assert!(
            stderr(&out).contains("a renvoyé une page HTML"),
            "{}",
            stderr(&out)
        );
    }

    let out = conforme(&with_remote(
        &[
            "validate",
            &data,
            "--schema",
            &server.url("/nowhere/schema.json"),
        ],
        &good_catalog,
        &cache,
    ));
    assert_exit(&out, 2);
    assert!(
        stderr(&out).contains("not found (HTTP 404)"),
        "{}",
        stderr(&out)
    );

    // A "schema" larger than the 32 MiB document limit is refused, not loaded.
    server.route("/huge.json", Route::json(vec![b' '; 33 << 20]));
    let out = conforme(&with_remote(
        &["validate", &data, "--schema", &server.url("/huge.json")],
        &good_catalog,
        &cache,
    ));
    assert_exit(&out, 2);
    assert!(
        stderr(&out).contains("is larger than 33554432 bytes"),
        "{}",
        stderr(&out)
    );

    // Plain HTTP on an https address: the TLS handshake fails.
    let out = conforme(&with_remote(
        &[
            "validate",
            &data,
            "--schema",
            &server.https_url("/schemas/test/communes/1.0.0/schema.json"),
        ],
        &good_catalog,
        &cache,
    ));
    assert_exit(&out, 2);
    assert!(stderr(&out).contains("TLS"), "{}", stderr(&out));

    // Another kind of schema: said plainly.
    for name in ["test/marches", "test/paquet"] {
        let out = conforme(&with_remote(
            &["validate", &data, "--schema", name],
            &good_catalog,
            &cache,
        ));
        assert_exit(&out, 2);
        assert!(
            stderr(&out).contains("ne le prend pas encore en charge"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn a_failing_server_falls_back_to_a_stale_cached_copy_with_a_warning() {
    let server = catalogue_server();
    let dir = temp_dir("stale");
    let catalog = server.url("/schemas.json");
    let cache = dir.join("cache");
    assert_exit(
        &conforme(&with_remote(&["catalog", "list"], &catalog, &cache)),
        0,
    );
    server.route(
        "/schemas.json",
        Route::status(503, "text/plain", "maintenance"),
    );
    let out = conforme(&with_remote(
        &["catalog", "list", "--cache-ttl", "0"],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 0);
    assert!(stdout(&out).contains("test/communes"));
    assert!(stderr(&out).contains("HTTP 503"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("using the cached copy"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn data_urls_without_an_extension_are_recognised() {
    let server = catalogue_server();
    // No extension, a content type that says nothing: sniffed as CSV.
    server.route(
        "/api/export?id=3",
        Route::ok("application/octet-stream", COMMUNES_DATA),
    );
    // No extension, the file name in Content-Disposition.
    server.route(
        "/download/42",
        Route::ok("application/octet-stream", "code,nom\nx,Paris\n").with_header(
            "Content-Disposition",
            "attachment; filename=\"communes.csv\"",
        ),
    );
    server.route(
        "/api/json",
        Route::ok("application/json", "[{\"code\": 1}]"),
    );
    server.route(
        "/portal/dataset",
        Route::ok(
            "text/html",
            "<!doctype html><html><body>Téléchargez</body></html>",
        ),
    );
    let dir = temp_dir("data-url");
    let catalog = server.url("/schemas.json");
    let cache = dir.join("cache");

    let out = conforme(&with_remote(
        &[
            "validate",
            &server.url("/api/export?id=3"),
            "--schema",
            "test/communes@1.0.0",
        ],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 0);

    let out = conforme(&with_remote(
        &[
            "validate",
            &server.url("/download/42"),
            "--schema",
            "test/communes@1.0.0",
            "--format",
            "json",
        ],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 1);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["errors"][0]["type"], "type-error", "{report}");

    let out = conforme(&with_remote(
        &[
            "validate",
            &server.url("/api/json"),
            "--schema",
            "test/communes@1.0.0",
        ],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 2);
    assert!(stderr(&out).contains("JSON data"), "{}", stderr(&out));

    let out = conforme(&with_remote(
        &[
            "validate",
            &server.url("/portal/dataset"),
            "--schema",
            "test/communes@1.0.0",
        ],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 2);
    assert!(
        stderr(&out).contains("HTML page, not a data file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn catalog_list_show_and_search() {
    let server = catalogue_server();
    let dir = temp_dir("catalog");
    let catalog = server.url("/schemas.json");
    let cache = dir.join("cache");

    let out = conforme(&with_remote(&["catalog", "list"], &catalog, &cache));
    assert_exit(&out, 0);
    assert_eq!(stdout(&out).lines().count(), 4, "{}", stdout(&out));

    let out = conforme(&with_remote(
        &["catalog", "list", "--type", "jsonschema"],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 0);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.starts_with("test/marches"), "{text}");

    let out = conforme(&with_remote(
        &["catalog", "show", "test/communes"],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 0);
    let text = stdout(&out);
    assert!(text.contains("test/communes — Communes de test"), "{text}");
    assert!(text.contains("Versions (dernière : 1.1.0)"), "{text}");
    assert!(
        text.contains(&server.url("/schemas/test/communes/1.1.0/schema.json")),
        "{text}"
    );
    assert!(text.contains("Exemple valide: "), "{text}");

    // Accents and case do not matter.
    let out = conforme(&with_remote(
        &["catalog", "search", "ETABLISSEMENTS", "ecoles"],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 0);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.starts_with("test/etablissements-scolaires"), "{text}");

    let out = conforme(&with_remote(
        &["catalog", "search", "population", "--format", "json"],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 0);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["name"], "test/communes");
}

#[test]
fn guess_ranks_table_schemas_by_header_and_fetches_them_through_the_cache() {
    let server = catalogue_server();
    let dir = temp_dir("guess");
    let catalog = server.url("/schemas.json");
    let cache = dir.join("cache");
    // Case, accents and punctuation differ from the schema's field names.
    let data = write(
        &dir,
        "ecoles.csv",
        "Identifiant établissement;Nom Établissement;Date de mise à jour;Code postal\n\
         0750001A;École;2024-01-01;75001\n0690001B;École;2024-01-01;69001\n\
         0130001C;École;2024-01-01;13001\n0330001D;École;2024-01-01;33000\n\
         0440001E;École;2024-01-01;44100\n0440002F;École;2024-01-01;44000\n",
    );
    let out = conforme(&with_remote(
        &["guess", &data, "--format", "json"],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 0);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &json["candidates"][0];
    assert_eq!(first["name"], "test/etablissements-scolaires", "{json}");
    assert_eq!(first["matched"], 4);
    assert_eq!(first["missing"], serde_json::json!(["telephone"]));
    // Its first rows say which column holds postcodes ("École" is a commune's name too, but
    // one value repeated says nothing).
    assert_eq!(
        json["checks"],
        serde_json::json!([{"column": "Code postal", "check": "code-postal", "values": 6,
            "matched": 6, "declaration": {"name": "code-postal"}}]),
        "{json}"
    );
    // Only table schemas are candidates; communes shares no column.
    assert_eq!(json["candidates"].as_array().unwrap().len(), 1, "{json}");
    // Every table schema was fetched, once.
    assert_eq!(
        server
            .seen("/schemas/test/communes/1.1.0/schema.json")
            .len(),
        1
    );
    assert_eq!(server.seen("/moved/ecoles.json").len(), 1);
    assert!(
        server
            .seen("/schemas/test/marches/2.0.0/marches.json")
            .is_empty()
    );

    // Second run: everything from the cache.
    let before = server.total();
    let out = conforme(&with_remote(&["guess", &data], &catalog, &cache));
    assert_exit(&out, 0);
    assert_eq!(server.total(), before);
    let text = stdout(&out);
    assert!(text.contains("test/etablissements-scolaires"), "{text}");
    assert!(
        text.contains("champs absents du fichier : telephone"),
        "{text}"
    );
    assert!(
        text.contains("  Code postal  6/6 valeurs  \"customCheck\": {\"name\":\"code-postal\"}"),
        "{text}"
    );

    // A schema that cannot be fetched is skipped with a warning; the ranking still comes.
    let mut with_broken: serde_json::Value = serde_json::from_str(&catalogue(&server)).unwrap();
    with_broken["schemas"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "name": "test/disparu", "schema_type": "tableschema",
            "versions": [{"version_name": "1.0.0", "schema_url": server.url("/gone/schema.json")}]
        }));
    server.route(
        "/with-broken/schemas.json",
        Route::json(with_broken.to_string()),
    );
    let out = conforme(&with_remote(
        &["guess", &data],
        &server.url("/with-broken/schemas.json"),
        &cache,
    ));
    assert_exit(&out, 0);
    assert!(stdout(&out).contains("test/etablissements-scolaires"));
    assert!(
        stderr(&out).contains("warning: skipped test/disparu:")
            && stderr(&out).contains("HTTP 404"),
        "{}",
        stderr(&out)
    );

    // A header that matches nothing.
    let other = write(&dir, "other.csv", "a,b\n1,2\n");
    let out = conforme(&with_remote(&["guess", &other], &catalog, &cache));
    assert_exit(&out, 1);
}

/// The public corpus, read in place, served over HTTP: a real multi-version schema.
fn corpus() -> Option<PathBuf> {
    let dir = root().join("../shared/corpus");
    dir.join("index.json").is_file().then_some(dir)
}

#[test]
fn corpus_schemas_served_over_http_all_versions_and_guess() {
    let Some(corpus) = corpus() else {
        eprintln!("../shared/corpus absent: corpus-backed remote test has nothing to check");
        return;
    };
    let case = |id: &str| corpus.join(id);
    let read = |id: &str, file: &str| std::fs::read(case(id).join(file)).unwrap();
    let v010 = "etalab__schema-lieux-covoiturage__0.1.0__exemple-valide";
    let v020 = "etalab__schema-lieux-covoiturage__0.2.0__exemple-valide";
    let irve = "etalab__schema-irve-statique__2.3.1__exemple-valide-statique";
    let server = Server::start();
    server.route(
        "/covoit/0.1.0/schema.json",
        Route::json(read(v010, "schema.json")),
    );
    server.route(
        "/covoit/0.2.0/schema.json",
        Route::json(read(v020, "schema.json")),
    );
    server.route(
        "/irve/2.3.1/schema.json",
        Route::json(read(irve, "schema.json")),
    );
    server.route(
        "/schemas.json",
        Route::json(
            serde_json::json!({"schemas": [
                {"name": "etalab/schema-lieux-covoiturage", "title": "Lieux de covoiturage",
                 "description": "Spécification des lieux permettant le covoiturage",
                 "schema_type": "tableschema", "versions": [
                    {"version_name": "0.1.0", "schema_url": "covoit/0.1.0/schema.json"},
                    {"version_name": "0.2.0", "schema_url": "covoit/0.2.0/schema.json"}]},
                {"name": "etalab/schema-irve-statique", "title": "IRVE statique",
                 "schema_type": "tableschema", "versions": [
                    {"version_name": "2.3.1", "schema_url": "irve/2.3.1/schema.json"}]}
            ]})
            .to_string(),
        ),
    );
    let dir = temp_dir("corpus");
    let catalog = server.url("/schemas.json");
    let cache = dir.join("cache");
    let expected = |id: &str| -> bool {
        let v: serde_json::Value = serde_json::from_slice(&read(id, "expected.json")).unwrap();
        v["valid"].as_bool().unwrap()
    };

    for id in [v010, v020] {
        let data = case(id).join("data.csv");
        let out = conforme(&with_remote(
            &[
                "validate",
                data.to_str().unwrap(),
                "--schema",
                "etalab/schema-lieux-covoiturage@all",
                "--format",
                "json",
            ],
            &catalog,
            &cache,
        ));
        let json: serde_json::Value =
            serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
        let versions = json["versions"].as_array().unwrap();
        assert_eq!(versions.len(), 2);
        // The version the example was published for gets the oracle's verdict.
        let own = if id == v010 { 0 } else { 1 };
        assert_eq!(
            versions[own]["valid"].as_bool(),
            Some(expected(id)),
            "{id}: {json}"
        );
        // And each verdict equals a separate single-version run.
        for (i, version) in ["0.1.0", "0.2.0"].iter().enumerate() {
            let single = conforme(&with_remote(
                &[
                    "validate",
                    data.to_str().unwrap(),
                    "--schema",
                    &format!("etalab/schema-lieux-covoiturage@{version}"),
                    "--format",
                    "json",
                ],
                &catalog,
                &cache,
            ));
            let report: serde_json::Value = serde_json::from_slice(&single.stdout).unwrap();
            assert_eq!(report["valid"], versions[i]["valid"], "{id} {version}");
            assert_eq!(
                report["stats"]["error_count"], versions[i]["error_count"],
                "{id} {version}"
            );
        }
    }

    let irve_data = case(irve).join("data.csv");
    let out = conforme(&with_remote(
        &["guess", irve_data.to_str().unwrap(), "--format", "json"],
        &catalog,
        &cache,
    ));
    assert_exit(&out, 0);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["candidates"][0]["name"], "etalab/schema-irve-statique",
        "{json}"
    );
    assert_eq!(json["candidates"][0]["score"], 1.0, "{json}");
}

#[test]
fn a_304_answer_to_an_unconditional_request_is_an_error_not_a_crash() {
    let server = Server::start();
    server.route("/schema.json", Route::status(304, "application/json", ""));
    let dir = temp_dir("bogus-304");
    let data = write(&dir, "data.csv", "a\n1\n");
    let cache = dir.join("cache");
    let url = server.url("/schema.json");
    let out = conforme(&[
        "validate",
        &data,
        "--schema",
        &url,
        "--cache-dir",
        cache.to_str().unwrap(),
    ]);
    assert_exit(&out, 2);
    let err = stderr(&out);
    assert!(
        err.contains("304 Not Modified") && err.contains(&url),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

/// A schema whose `code` column must be in a reference list, relative to the schema.
const LOOKUP_SCHEMA: &str = r#"{"fields": [
    {"name": "code", "type": "string"},
    {"name": "nom", "type": "string"}
], "custom_checks": [{"name": "reference-list-value",
    "params": {"column": "code", "list": "sites.csv", "list_column": "code_site"}}]}"#;

const LOOKUP_LIST: &str = "code_site;libelle\nS001;Nord\nS002;Sud\n";

#[test]
fn reference_lists_are_read_beside_the_schema_and_through_the_cache() {
    let server = Server::start();
    server.route("/schemas/sites/schema.json", Route::json(LOOKUP_SCHEMA));
    server.route(
        "/schemas/sites/sites.csv",
        Route::ok("text/csv", LOOKUP_LIST),
    );
    let dir = temp_dir("lookup");
    let data = write(&dir, "data.csv", "code,nom\nS001,a\nS003,b\n,c\n");
    let cache = dir.join("cache");
    let cache = cache.to_str().unwrap();
    let url = server.url("/schemas/sites/schema.json");

    // Over HTTP: the list is fetched relative to the schema's URL, once.
    let run = |extra: &[&str]| {
        let mut args = vec![
            "validate",
            data.as_str(),
            "--schema",
            url.as_str(),
            "--cache-dir",
            cache,
            "--lang",
            "en",
        ];
        args.extend_from_slice(extra);
        conforme(&args)
    };
    let out = run(&[]);
    assert_exit(&out, 1);
    let text = stdout(&out);
    assert!(
        text.contains("`S003` is not in column `code_site` of `sites.csv` (2 values)"),
        "{text}"
    );
    assert!(!text.contains("S001"), "{text}");
    assert_eq!(server.seen("/schemas/sites/sites.csv").len(), 1);

    // Offline, from the cache: the same verdict without a request.
    let before = server.total();
    let out = run(&["--offline"]);
    assert_exit(&out, 1);
    assert!(stdout(&out).contains("`S003`"), "{}", stdout(&out));
    assert_eq!(server.total(), before);

    // A local schema reads its list from its own folder, whatever the working directory.
    let schema = write(&dir, "schema.json", LOOKUP_SCHEMA);
    write(&dir, "sites.csv", "code_site\nS001\nS003\n");
    let out = conforme(&["validate", &data, "--schema", &schema, "--lang", "en"]);
    assert_exit(&out, 0);

    // A list without the named column: the check is not applied, and the report says why.
    write(&dir, "sites.csv", "code\nS001\n");
    let out = conforme(&["validate", &data, "--schema", &schema]);
    assert_exit(&out, 1);
    let text = stdout(&out);
    assert!(
        text.contains("la liste de référence `sites.csv` n'a pas de colonne `code_site` ; ses colonnes : code."),
        "{text}"
    );

    // A missing list names the file and the reason.
    std::fs::remove_file(dir.join("sites.csv")).unwrap();
    let out = conforme(&["validate", &data, "--schema", &schema, "--lang", "en"]);
    assert_exit(&out, 1);
    let text = stdout(&out);
    assert!(
        text.contains("the reference list `sites.csv` could not be read"),
        "{text}"
    );
}
