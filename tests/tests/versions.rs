//! One version for every package, and the release metadata each registry needs.
//!
//! The crates (workspace version), the Python package (bindings-python/pyproject.toml), the
//! pre-commit installer (root pyproject.toml and its `conforme-data==` pin), the npm package
//! (package.json and its lock), the GitHub Action's default `version` input and the top
//! entry of CHANGELOG.md must all name the same version; a release bumps them together. The
//! installers also name the Python package by its PyPI project, `conforme-data`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, Item};

/// The crates published to crates.io, in the order `scripts/release/publish-crates.sh`
/// publishes them (checked below against the script and the dependency graph).
const PUBLISHED: [&str; 3] = ["conforme", "conforme-remote", "conforme-cli"];

/// The Python package's project on PyPI (the PyPI project `conforme` is an unrelated one); the
/// import name and the command stay `conforme`.
const PYPI_PROJECT: &str = "conforme-data";

/// Every folder that becomes a package somewhere, each shipping both licence texts.
const PACKAGE_DIRS: [&str; 5] = [
    "core",
    "remote",
    "cli",
    "bindings-python",
    "bindings-wasm/js",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn read(relative: &str) -> String {
    let path = root().join(relative);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn toml(relative: &str) -> DocumentMut {
    read(relative)
        .parse()
        .unwrap_or_else(|e| panic!("{relative} is not valid TOML: {e}"))
}

fn json(relative: &str) -> serde_json::Value {
    serde_json::from_str(&read(relative))
        .unwrap_or_else(|e| panic!("{relative} is not valid JSON: {e}"))
}

fn str_at<'a>(item: &'a Item, keys: &[&str]) -> Option<&'a str> {
    keys.iter()
        .try_fold(item, |item, key| item.get(key))?
        .as_str()
}

/// The workspace's version, the one every other place must repeat.
fn workspace_version() -> String {
    let manifest = toml("Cargo.toml");
    str_at(manifest.as_item(), &["workspace", "package", "version"])
        .expect("Cargo.toml has no [workspace.package] version")
        .to_owned()
}

/// Member folder → its manifest.
fn members() -> BTreeMap<String, DocumentMut> {
    let manifest = toml("Cargo.toml");
    let members = manifest["workspace"]["members"]
        .as_array()
        .expect("workspace.members is a list");
    members
        .iter()
        .map(|m| {
            let dir = m.as_str().unwrap().to_owned();
            let doc = toml(&format!("{dir}/Cargo.toml"));
            (dir, doc)
        })
        .collect()
}

fn crate_name(manifest: &DocumentMut) -> &str {
    str_at(manifest.as_item(), &["package", "name"]).expect("a [package] name")
}

fn is_published(manifest: &DocumentMut) -> bool {
    manifest["package"].get("publish").and_then(Item::as_bool) != Some(false)
}

#[test]
fn every_crate_has_the_workspace_version() {
    let version = workspace_version();
    for (dir, manifest) in members() {
        let package = &manifest["package"];
        let inherits = package["version"]
            .as_table_like()
            .and_then(|t| t.get("workspace"))
            .and_then(Item::as_bool)
            == Some(true);
        let own = package["version"].as_str();
        assert!(
            inherits || own == Some(version.as_str()),
            "{dir}/Cargo.toml: version must be `version.workspace = true` (or {version}), not {own:?}"
        );
    }
    let manifest = toml("Cargo.toml");
    for name in ["conforme", "conforme-remote"] {
        let requirement = str_at(
            manifest.as_item(),
            &["workspace", "dependencies", name, "version"],
        );
        assert_eq!(
            requirement,
            Some(version.as_str()),
            "Cargo.toml: [workspace.dependencies] {name} must require version {version}"
        );
    }
}

#[test]
fn python_packages_have_the_workspace_version() {
    let version = workspace_version();
    let package = toml("bindings-python/pyproject.toml");
    assert_eq!(
        str_at(package.as_item(), &["project", "name"]),
        Some(PYPI_PROJECT),
        "bindings-python/pyproject.toml: [project] name"
    );
    assert_eq!(
        str_at(package.as_item(), &["tool", "maturin", "module-name"]),
        Some("conforme._conforme"),
        "bindings-python/pyproject.toml: the import name stays `conforme`"
    );
    assert_eq!(
        str_at(package.as_item(), &["project", "version"]),
        Some(version.as_str()),
        "bindings-python/pyproject.toml: [project] version"
    );
    let installer = toml("pyproject.toml");
    assert_eq!(
        str_at(installer.as_item(), &["project", "version"]),
        Some(version.as_str()),
        "pyproject.toml (pre-commit installer): [project] version"
    );
    let pins: Vec<&str> = installer["project"]["dependencies"]
        .as_array()
        .expect("pyproject.toml: [project] dependencies")
        .iter()
        .filter_map(|d| d.as_str())
        .collect();
    assert_eq!(
        pins,
        [format!("{PYPI_PROJECT}=={version}")],
        "pyproject.toml (pre-commit installer) must pin the Python package of the same version"
    );
}

#[test]
fn npm_package_and_its_lock_have_the_workspace_version() {
    let version = workspace_version();
    let package = json("bindings-wasm/js/package.json");
    assert_eq!(
        package["version"],
        version.as_str(),
        "bindings-wasm/js/package.json"
    );
    let lock = json("bindings-wasm/js/package-lock.json");
    assert_eq!(
        lock["version"],
        version.as_str(),
        "package-lock.json: version"
    );
    assert_eq!(
        lock["packages"][""]["version"],
        version.as_str(),
        "package-lock.json: packages[\"\"].version (run npm install after a bump)"
    );
}

#[test]
fn action_installs_the_workspace_version() {
    let version = workspace_version();
    let action: serde_yaml::Value =
        serde_yaml::from_str(&read("action.yml")).expect("action.yml is valid YAML");
    assert_eq!(
        action["inputs"]["version"]["default"].as_str(),
        Some(version.as_str()),
        "action.yml: the default of the `version` input"
    );
    let requirement = format!("\"{PYPI_PROJECT}==$CONFORME_VERSION\"");
    let installs = action["runs"]["steps"]
        .as_sequence()
        .expect("action.yml: runs.steps")
        .iter()
        .filter_map(|step| step["run"].as_str())
        .any(|run| run.contains(&requirement));
    assert!(
        installs,
        "action.yml: a step must pip install {requirement} (the PyPI project)"
    );
}

#[test]
fn changelog_top_entry_is_the_workspace_version() {
    let version = workspace_version();
    let changelog = read("CHANGELOG.md");
    let top = changelog
        .lines()
        .find_map(|line| line.strip_prefix("## ["))
        .and_then(|rest| rest.split(']').next())
        .expect("CHANGELOG.md has no `## [version]` entry");
    assert_eq!(top, version, "CHANGELOG.md: the top entry");
}

#[test]
fn every_package_ships_both_licences() {
    for licence in ["LICENSE-MIT", "LICENSE-APACHE"] {
        let text = read(licence);
        for dir in PACKAGE_DIRS {
            let copy = format!("{dir}/{licence}");
            assert!(
                read(&copy) == text,
                "{copy} differs from {licence} at the root"
            );
        }
    }
    let package = json("bindings-wasm/js/package.json");
    let files = package["files"].as_array().expect("package.json: files");
    for licence in ["LICENSE-MIT", "LICENSE-APACHE"] {
        assert!(
            files.iter().any(|f| f == licence),
            "package.json: files must list {licence} (npm only adds a file named LICENSE itself)"
        );
    }
}

#[test]
fn published_crates_have_complete_metadata() {
    let workspace = toml("Cargo.toml");
    let shared = &workspace["workspace"]["package"];
    let mut published = Vec::new();
    for (dir, manifest) in members() {
        if !is_published(&manifest) {
            continue;
        }
        let package = &manifest["package"];
        published.push(crate_name(&manifest).to_owned());
        for key in [
            "description",
            "license",
            "repository",
            "homepage",
            "documentation",
            "readme",
        ] {
            let value = package.get(key).expect(key);
            let inherited = value.get("workspace").and_then(Item::as_bool) == Some(true);
            let text = if inherited {
                shared.get(key).and_then(Item::as_str)
            } else {
                value.as_str()
            };
            assert!(
                text.is_some_and(|t| !t.is_empty()),
                "{dir}/Cargo.toml: {key} is missing"
            );
        }
        let keywords = package["keywords"].as_array().expect("keywords");
        assert!(
            (1..=5).contains(&keywords.len())
                && keywords
                    .iter()
                    .all(|k| k.as_str().is_some_and(|k| k.len() <= 20)),
            "{dir}/Cargo.toml: crates.io takes 1 to 5 keywords of at most 20 characters"
        );
        assert!(
            package["categories"]
                .as_array()
                .is_some_and(|c| !c.is_empty()),
            "{dir}/Cargo.toml: categories"
        );
    }
    published.sort();
    let mut expected = PUBLISHED.map(String::from).to_vec();
    expected.sort();
    assert_eq!(published, expected, "the crates without `publish = false`");
}

#[test]
fn crates_are_published_in_dependency_order() {
    let script = read("scripts/release/publish-crates.sh");
    let order: Vec<&str> = script
        .lines()
        .find_map(|l| l.trim().strip_prefix("CRATES=("))
        .and_then(|l| l.strip_suffix(')'))
        .expect("scripts/release/publish-crates.sh: a CRATES=(…) line")
        .split_whitespace()
        .collect();
    assert_eq!(order, PUBLISHED, "the script's order");
    for (dir, manifest) in members() {
        let name = crate_name(&manifest);
        let Some(position) = PUBLISHED.iter().position(|p| *p == name) else {
            continue;
        };
        let dependencies = manifest["dependencies"]
            .as_table_like()
            .expect("[dependencies]");
        for (dependency, _) in dependencies.iter() {
            if let Some(before) = PUBLISHED.iter().position(|p| *p == dependency) {
                assert!(
                    before < position,
                    "{dir}: {name} depends on {dependency}, which must be published first"
                );
            }
        }
    }
}
