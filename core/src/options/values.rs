//! The enumerated values of the options, each read from its name with [`FromStr`] and an
//! error that lists the accepted names.

use super::OptionsError;
use crate::report::{ErrorCode, Lang};
use crate::table::HeaderProfile;
use std::str::FromStr;

/// A JSON Schema draft.
///
/// ```
/// use conforme::json::Draft;
/// assert_eq!(Draft::from_name("2020-12"), Some(Draft::Draft202012));
/// assert_eq!(Draft::from_name("draft-07"), Some(Draft::Draft7));
/// assert_eq!(Draft::Draft7.name(), "draft-07");
/// assert_eq!("7".parse::<Draft>().unwrap(), Draft::Draft7);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Draft {
    /// Draft 4.
    Draft4,
    /// Draft 6.
    Draft6,
    /// Draft 7 (what the catalogue's schemas are written for).
    Draft7,
    /// 2019-09.
    Draft201909,
    /// 2020-12.
    Draft202012,
}

impl Draft {
    /// Parses `4`, `draft4`, `draft-04`, `7`, `2019-09`, `2020-12`…
    pub fn from_name(name: &str) -> Option<Draft> {
        let n = name.to_ascii_lowercase().replace(['-', '_'], "");
        let n = n
            .strip_prefix("draft")
            .unwrap_or(&n)
            .trim_start_matches('0');
        match n {
            "4" => Some(Draft::Draft4),
            "6" => Some(Draft::Draft6),
            "7" => Some(Draft::Draft7),
            "201909" => Some(Draft::Draft201909),
            "202012" => Some(Draft::Draft202012),
            _ => None,
        }
    }

    /// The draft as usually written.
    pub fn name(self) -> &'static str {
        match self {
            Draft::Draft4 => "draft-04",
            Draft::Draft6 => "draft-06",
            Draft::Draft7 => "draft-07",
            Draft::Draft201909 => "2019-09",
            Draft::Draft202012 => "2020-12",
        }
    }
}

fn unknown(option: &'static str, value: &str, accepted: &[&str]) -> OptionsError {
    OptionsError::UnknownValue {
        option,
        value: value.to_owned(),
        accepted: accepted.join(", "),
    }
}

impl FromStr for Draft {
    type Err = OptionsError;

    fn from_str(s: &str) -> Result<Draft, OptionsError> {
        Draft::from_name(s)
            .ok_or_else(|| unknown("draft", s, &["4", "6", "7", "2019-09", "2020-12"]))
    }
}

impl FromStr for Lang {
    type Err = OptionsError;

    /// `fr`, `en`, or a locale such as `fr_FR.UTF-8`.
    fn from_str(s: &str) -> Result<Lang, OptionsError> {
        Lang::from_tag(s).ok_or_else(|| unknown("lang", s, &["fr", "en"]))
    }
}

impl FromStr for HeaderProfile {
    type Err = OptionsError;

    fn from_str(s: &str) -> Result<HeaderProfile, OptionsError> {
        HeaderProfile::from_name(s).ok_or_else(|| {
            let names: Vec<&str> = HeaderProfile::ALL.iter().map(|(_, n)| *n).collect();
            unknown("profile", s, &names)
        })
    }
}

impl FromStr for ErrorCode {
    type Err = OptionsError;

    fn from_str(s: &str) -> Result<ErrorCode, OptionsError> {
        ErrorCode::from_name(s.trim()).ok_or_else(|| {
            let names: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
            unknown("error type", s, &names)
        })
    }
}

/// Custom check names refused by no version of the catalogue: the current ones and the
/// deprecated names older schemas still use.
pub(crate) fn check_name(name: &str) -> Result<String, OptionsError> {
    const DEPRECATED: &[&str] = &[
        "french-siret-value",
        "french-siren-value",
        "nomenclature-actes-value",
    ];
    let name = name.trim();
    if crate::KNOWN_CHECKS.contains(&name) || DEPRECATED.contains(&name) {
        Ok(name.to_owned())
    } else {
        Err(unknown("custom check", name, crate::KNOWN_CHECKS))
    }
}

/// One ASCII character; `\t` and `tab` stand for a tab.
pub(crate) fn delimiter_byte(text: &str) -> Result<u8, OptionsError> {
    match text {
        "\\t" | "tab" => Ok(b'\t'),
        t if t.len() == 1 && t.is_ascii() => Ok(t.as_bytes()[0]),
        _ => Err(OptionsError::Delimiter(text.to_owned())),
    }
}
