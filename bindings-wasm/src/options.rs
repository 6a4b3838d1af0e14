//! The options object JavaScript passes, read from JSON into [`conforme::ValidationOptions`].

use conforme::{Dialect, ErrorCode, HeaderProfile, Lang, ValidationOptions};
use serde::Deserialize;

/// Validation options as JavaScript writes them (camelCase keys, all optional).
///
/// ```
/// let options = conforme_wasm::WasmOptions::parse(r#"{"maxErrors": 10, "lang": "en"}"#).unwrap();
/// assert_eq!(options.max_errors, Some(10));
/// assert!(options.into_validation_options().is_ok());
/// ```
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WasmOptions {
    /// Stop after this many errors (absent or `null`: report them all).
    pub max_errors: Option<usize>,
    /// Message language tag (`fr`, default, or `en`).
    pub lang: Option<String>,
    /// Force the input encoding (WHATWG label: `utf-8`, `windows-1252`…).
    pub encoding: Option<String>,
    /// Force the delimiter (one ASCII character).
    pub delimiter: Option<String>,
    /// Longest record accepted, in bytes.
    pub max_record_bytes: Option<usize>,
    /// `false` when the first line is data, not a header (turns off dialect detection).
    pub header: Option<bool>,
    /// Size of the chunks the engine validates at once, in bytes (default 1 MiB).
    pub chunk_size: Option<usize>,
    /// Header matching profile by name (see `conforme::HeaderProfile::from_name`).
    pub profile: Option<String>,
    /// Match header labels to field names ignoring case.
    pub ignore_header_case: Option<bool>,
    /// Custom checks not to run.
    pub skip_checks: Option<Vec<String>>,
    /// Report only these codes.
    pub pick_errors: Option<Vec<String>>,
    /// Never report these codes.
    pub skip_errors: Option<Vec<String>>,
    /// A Table Dialect descriptor (`{"delimiter": ";", "headerRows": [1, 2], "nullSequence": "NA"}`).
    pub dialect: Option<serde_json::Value>,
}

/// Options that cannot be used, with what to write instead.
#[derive(Debug, thiserror::Error)]
pub enum OptionsError {
    /// The options text is not the expected JSON object.
    #[error(
        "invalid options: {0}. Known options: maxErrors (number), lang (\"fr\" or \"en\"), encoding (\"utf-8\", \"windows-1252\"…), delimiter (one character), maxRecordBytes (number), header (boolean), chunkSize (number), profile (\"schema.data.gouv.fr\" or \"strict\"), ignoreHeaderCase (boolean), skipChecks, pickErrors, skipErrors (lists of names), dialect (Table Dialect object)"
    )]
    Json(#[from] serde_json::Error),
    /// `lang` is neither French nor English.
    #[error("unknown language {0:?}: use \"fr\" or \"en\"")]
    Lang(String),
    /// `encoding` is not a WHATWG label.
    #[error(
        "unknown encoding {0:?}: use \"utf-8\", \"windows-1252\", \"iso-8859-1\", \"utf-16le\"…"
    )]
    Encoding(String),
    /// `profile` names no header profile.
    #[error("unknown header profile {0:?}")]
    Profile(String),
    /// An error code in `pickErrors` / `skipErrors` does not exist.
    #[error("unknown error type {0:?} (codes look like \"type-error\")")]
    Code(String),
    /// `dialect` is not a usable Table Dialect.
    #[error("{0}")]
    Dialect(#[from] conforme::source::DialectError),
    /// `delimiter` is not a single ASCII character.
    #[error("the delimiter must be one ASCII character (got {0:?}), e.g. \";\" or \"\\t\"")]
    Delimiter(String),
}

impl WasmOptions {
    /// Reads the options JSON; an empty string means defaults.
    pub fn parse(json: &str) -> Result<WasmOptions, OptionsError> {
        if json.trim().is_empty() {
            return Ok(WasmOptions::default());
        }
        Ok(serde_json::from_str(json)?)
    }

    /// The engine's options.
    pub fn into_validation_options(self) -> Result<ValidationOptions, OptionsError> {
        let mut options = ValidationOptions::default().max_errors(self.max_errors);
        if let Some(descriptor) = &self.dialect {
            options = options.dialect_json(descriptor)?;
        }
        // Before `delimiter`: setting the dialect resets it.
        if self.header == Some(false) {
            options = options.dialect(Dialect {
                header: false,
                ..Dialect::default()
            });
        }
        if let Some(tag) = self.lang {
            let lang = Lang::from_tag(&tag).ok_or(OptionsError::Lang(tag))?;
            options = options.lang(lang);
        }
        if let Some(label) = self.encoding {
            options = options
                .encoding(&label)
                .ok_or(OptionsError::Encoding(label))?;
        }
        if let Some(text) = self.delimiter {
            match text.as_bytes() {
                [byte] if byte.is_ascii() => options = options.delimiter(*byte),
                _ => return Err(OptionsError::Delimiter(text)),
            }
        }
        if let Some(bytes) = self.chunk_size {
            options = options.chunk_size(bytes);
        }
        if let Some(name) = self.profile {
            let profile = HeaderProfile::from_name(&name).ok_or(OptionsError::Profile(name))?;
            options = options.profile(profile);
        }
        if let Some(yes) = self.ignore_header_case {
            options = options.ignore_header_case(yes);
        }
        if let Some(names) = self.skip_checks {
            options = options.skip_checks(names);
        }
        if let Some(names) = self.pick_errors {
            options = options.pick_errors(codes(names)?);
        }
        if let Some(names) = self.skip_errors {
            options = options.skip_errors(codes(names)?);
        }
        if let Some(bytes) = self.max_record_bytes {
            options = options.max_record_bytes(bytes);
        }
        Ok(options)
    }
}

fn codes(names: Vec<String>) -> Result<Vec<ErrorCode>, OptionsError> {
    names
        .into_iter()
        .map(|n| ErrorCode::from_name(&n).ok_or(OptionsError::Code(n)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_means_defaults() {
        assert!(WasmOptions::parse("").unwrap().max_errors.is_none());
    }

    #[test]
    fn unknown_keys_are_rejected_with_the_known_ones_listed() {
        let err = WasmOptions::parse(r#"{"maxError": 3}"#).unwrap_err();
        assert!(err.to_string().contains("maxErrors (number)"), "{err}");
    }

    #[test]
    fn bad_values_name_the_value() {
        let bad = |json: &str| {
            WasmOptions::parse(json)
                .unwrap()
                .into_validation_options()
                .unwrap_err()
                .to_string()
        };
        assert!(bad(r#"{"lang": "de"}"#).contains("\"de\""));
        assert!(bad(r#"{"encoding": "klingon"}"#).contains("\"klingon\""));
        assert!(bad(r#"{"delimiter": ";;"}"#).contains("\";;\""));
        assert!(bad(r#"{"dialect": {"headerRows": "2"}}"#).contains("headerRows"));
    }
}
