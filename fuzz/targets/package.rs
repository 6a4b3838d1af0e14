//! Data Packages: the input as `datapackage.json` next to a small CSV, a schema file and a
//! link that leaves the folder. Never a panic; nothing outside the folder is read.

use conforme::package::validate_package;

pub fn run(data: &[u8]) {
    let root = super::scratch("package");
    let dir = root.join("pkg");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(root.join("outside.csv"), "id\nOUTSIDE-SECRET\n");
    let _ = std::fs::write(dir.join("data.csv"), "id,nom\n1,Alpha\n2,beta\n");
    let _ = std::fs::write(
        dir.join("schema.json"),
        r#"{"fields": [{"name": "id", "type": "integer"}, {"name": "nom", "type": "string"}], "primaryKey": "id"}"#,
    );
    #[cfg(unix)]
    let _ = std::os::unix::fs::symlink(root.join("outside.csv"), dir.join("link.csv"));
    let _ = std::fs::write(dir.join("datapackage.json"), data);
    if let Ok(report) = validate_package(
        dir.join("datapackage.json"),
        &conforme::ValidationOptions::default(),
    ) {
        let text = serde_json::to_string(
            &report
                .resources
                .iter()
                .map(|r| &r.report)
                .collect::<Vec<_>>(),
        )
        .unwrap_or_default();
        assert!(
            !text.contains("OUTSIDE-SECRET"),
            "a file outside the package was read"
        );
    }
    let _ = std::fs::remove_dir_all(root);
}
