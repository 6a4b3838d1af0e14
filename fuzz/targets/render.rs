//! Reports of cells and labels taken from the input, rendered in every format: never a
//! panic, no terminal control character in the text output, no tag or link from the file in
//! Markdown outside code spans.

use conforme::render::{Format, RenderOptions, render};
use conforme::{Schema, ValidationOptions, Validator};

pub fn run(data: &[u8]) {
    let (label, cells) = super::halves(data);
    let label = String::from_utf8_lossy(label).replace(['"', '\\'], "");
    let Ok(schema) = Schema::from_value(&serde_json::json!({"fields": [
        {"name": label, "type": "integer", "constraints": {"enum": [1, 2, 3]}}
    ]})) else {
        return;
    };
    let validator = Validator::with_options(&schema, ValidationOptions::default().threads(Some(1)));
    let mut csv = Vec::new();
    csv.extend_from_slice(b"\"");
    csv.extend_from_slice(label.replace('"', "").as_bytes());
    csv.extend_from_slice(b"\"\n");
    csv.extend_from_slice(cells);
    let Ok(report) = validator.validate_slice(&csv) else {
        return;
    };
    let name = String::from_utf8_lossy(cells);
    let columns = vec![label.clone()];
    let options = RenderOptions::new(&name).columns(&columns);
    for &format in Format::ALL {
        let out = render(&report, format, &options);
        match format {
            Format::Text => assert!(
                !out.chars()
                    .any(|c| c.is_control() && c != '\n' && c != '\t'),
                "control character in {out:?}"
            ),
            Format::Markdown => {
                let outside: String = out
                    .split('`')
                    .enumerate()
                    .filter(|(i, _)| i % 2 == 0)
                    .map(|(_, p)| p)
                    .collect::<String>()
                    .replace("<details>", "")
                    .replace("</details>", "")
                    .replace("<summary>", "")
                    .replace("</summary>", "")
                    .replace("<code>", "")
                    .replace("</code>", "");
                assert!(!outside.contains('<'), "markup in {out}");
            }
            _ => {}
        }
    }
}
