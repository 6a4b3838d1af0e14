//! The message catalogue as data: one entry per message and language, its text with named
//! placeholders (`{cell}`, `{field}`) that the renderers fill from the diagnostic's
//! parameters. An entry's key is the code it belongs to, then the variant when a code has
//! several sentences (`primary-key.null`); the pieces several messages share (type labels,
//! fix hints, expected forms) have keys of their own family (`hint.…`, `type.…`).
//!
//! The renderers (`messages.rs` and its neighbours) only choose the entry and compute the
//! values; the sentences are here, in one table per family of codes.

mod cells;
mod checks;
mod header;
mod input;
mod keys;
mod referential;
mod schemas;
mod summary;
mod template;

use super::Lang;
use std::collections::HashMap;
use std::fmt::Display;
use std::sync::OnceLock;

/// One message in both languages.
struct Entry {
    /// `code` or `code.variant` (`unique-error.columns`), or `family.name` for a shared
    /// piece (`hint.trim`).
    key: &'static str,
    /// The French text.
    fr: &'static str,
    /// The English text.
    en: &'static str,
}

impl Entry {
    fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }
}

/// The catalogue, one table per family of codes.
const TABLES: &[&[Entry]] = &[
    header::ENTRIES,
    cells::ENTRIES,
    keys::ENTRIES,
    schemas::ENTRIES,
    input::ENTRIES,
    checks::ENTRIES,
    referential::ENTRIES,
    summary::ENTRIES,
];

/// The entry of `key`, from an index built on first use.
fn entry(key: &str) -> Option<&'static Entry> {
    static INDEX: OnceLock<HashMap<&'static str, &'static Entry>> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            TABLES
                .iter()
                .flat_map(|table| table.iter())
                .map(|e| (e.key, e))
                .collect()
        })
        .get(key)
        .copied()
}

/// A value computed only if the text has its placeholder: a renderer offers every value
/// its entries may need and pays only for those of the entry it chose.
pub(super) struct Lazy<F>(pub(super) F);

impl<F: Fn() -> String> Display for Lazy<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&(self.0)())
    }
}

/// The text of `key` in `lang`, its placeholders filled from `args` (name, value). A key
/// missing from the catalogue comes out as itself (the tests make sure none is).
pub(super) fn say(lang: Lang, key: &str, args: &[(&str, &dyn Display)]) -> String {
    #[cfg(test)]
    tests::record(key, args);
    match entry(key) {
        Some(e) => template::fill(e.text(lang), args),
        None => key.to_owned(),
    }
}

#[cfg(test)]
pub(super) mod fixtures;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::ErrorCode;
    use std::cell::RefCell;
    use std::collections::{BTreeSet, HashSet};

    /// Key families of the pieces that are not a code's own sentence.
    const FRAGMENT_FAMILIES: &[&str] =
        &["type", "format", "form", "hint", "list", "input", "summary"];

    thread_local! {
        /// The keys asked for on this thread, with the placeholder names given each time.
        static CALLS: RefCell<Vec<(String, BTreeSet<String>)>> = const { RefCell::new(Vec::new()) };
    }

    pub(super) fn record(key: &str, args: &[(&str, &dyn Display)]) {
        let names = args.iter().map(|(n, _)| (*n).to_owned()).collect();
        CALLS.with(|calls| calls.borrow_mut().push((key.to_owned(), names)));
    }

    fn entries() -> impl Iterator<Item = &'static Entry> {
        TABLES.iter().flat_map(|table| table.iter())
    }

    fn names(text: &str) -> BTreeSet<&str> {
        template::placeholders(text).collect()
    }

    #[test]
    fn keys_are_unique() {
        let mut seen = HashSet::new();
        for e in entries() {
            assert!(seen.insert(e.key), "{} is in the catalogue twice", e.key);
        }
    }

    #[test]
    fn every_key_belongs_to_a_code_or_a_fragment_family() {
        for e in entries() {
            let family = e.key.split('.').next().unwrap_or("");
            assert!(
                ErrorCode::from_name(family).is_some() || FRAGMENT_FAMILIES.contains(&family),
                "{}: neither a code nor a fragment family",
                e.key
            );
        }
    }

    #[test]
    fn every_code_has_entries() {
        for code in ErrorCode::ALL {
            let name = code.as_str();
            let prefix = format!("{name}.");
            assert!(
                entries().any(|e| e.key == name || e.key.starts_with(&prefix)),
                "no entry for {name}"
            );
        }
    }

    #[test]
    fn every_entry_has_both_languages_with_the_same_placeholders() {
        for e in entries() {
            assert!(!e.fr.trim().is_empty(), "{}: no French text", e.key);
            assert!(!e.en.trim().is_empty(), "{}: no English text", e.key);
            assert_ne!(e.fr, e.en, "{}: French and English are the same", e.key);
            assert_eq!(
                names(e.fr),
                names(e.en),
                "{}: French and English placeholders differ",
                e.key
            );
        }
    }

    /// Renders the fixture set in both languages, with what the renderers asked for.
    fn render_fixtures() -> (Vec<String>, Vec<(String, BTreeSet<String>)>) {
        CALLS.with(|calls| calls.borrow_mut().clear());
        let mut messages = Vec::new();
        for d in fixtures::diagnostics() {
            for lang in [Lang::Fr, Lang::En] {
                let mut d = d.clone();
                d.localize(lang);
                messages.push(d.message);
            }
        }
        for report in fixtures::reports() {
            for lang in [Lang::Fr, Lang::En] {
                messages.push(report.summary_sentence("data.csv", lang));
            }
        }
        (messages, CALLS.with(|calls| calls.take()))
    }

    #[test]
    fn the_renderers_ask_for_entries_that_exist_and_fill_every_placeholder() {
        let (messages, calls) = render_fixtures();
        let mut used = HashSet::new();
        for (key, given) in &calls {
            let e = entry(key).unwrap_or_else(|| panic!("{key} is not in the catalogue"));
            for name in names(e.fr) {
                assert!(given.contains(name), "{key}: no value for {{{name}}}");
            }
            used.insert(e.key);
        }
        for e in entries() {
            assert!(used.contains(e.key), "{}: no fixture renders it", e.key);
        }
        for m in &messages {
            let left: Vec<&str> = template::placeholders(m).collect();
            assert!(left.is_empty(), "placeholders {left:?} left in: {m}");
        }
    }
}
