//! Why a set of options cannot be used.

/// Options that cannot be used, with what to write instead. Every door (the command,
/// Python, the browser, the fixtures) reports these same messages.
///
/// ```
/// let err = conforme::ValidationOptions::from_json_str(r#"{"lang": "de"}"#).unwrap_err();
/// assert_eq!(err.to_string(), "unknown lang \"de\": use one of fr, en");
/// ```
#[derive(Debug, thiserror::Error)]
pub enum OptionsError {
    /// The options are not a JSON object of known keys with values of the right type.
    #[error("invalid options: {0}")]
    Json(#[from] serde_json::Error),
    /// One option's value has the wrong type (a text for a number…), or the key is unknown.
    #[error("{option}: {reason}")]
    Invalid {
        /// The key as written.
        option: String,
        /// What serde expected.
        reason: String,
    },
    /// An enumerated value (language, profile, error type, check, draft) is unknown.
    #[error("unknown {option} {value:?}: use one of {accepted}")]
    UnknownValue {
        /// What kind of value (`lang`, `profile`, `error type`…).
        option: &'static str,
        /// The value given.
        value: String,
        /// The accepted values, comma-separated.
        accepted: String,
    },
    /// A number outside its range.
    #[error("{option} = {value}: {rule}")]
    OutOfRange {
        /// The option.
        option: &'static str,
        /// The value given.
        value: usize,
        /// The accepted range, in words.
        rule: &'static str,
    },
    /// `encoding` is not a WHATWG label.
    #[error(
        "unknown encoding {0:?}: use utf-8, windows-1252, iso-8859-1, utf-16le… (or omit it to detect the encoding)"
    )]
    Encoding(String),
    /// `delimiter` is not a single ASCII character.
    #[error("the delimiter must be one ASCII character (got {0:?}), e.g. \";\" or \\t for a tab")]
    Delimiter(String),
    /// `dialect` is not a usable Table Dialect.
    #[error("dialect: {0}")]
    Dialect(#[from] crate::source::DialectError),
    /// An option was given for a kind of document where it has no meaning.
    #[error("{option} has no meaning for {kind}: remove it")]
    NotApplicable {
        /// The option (camelCase name).
        option: &'static str,
        /// The kind of document, in words.
        kind: &'static str,
    },
}
