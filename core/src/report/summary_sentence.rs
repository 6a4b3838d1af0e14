//! A report in one sentence: how many errors on how many rows, and the first one. It is
//! what an exception or a log line says about an invalid file (Python's
//! `Report.raise_for_errors`).

use super::catalogue::say;
use super::{Lang, Report};

impl Report {
    /// `place : 7 erreurs sur 2 lignes ; la première : …` (`place: 7 errors in 2 rows;
    /// first: …`), where `place` names the data (a path, a URL). A `+` follows the count
    /// when the error list was cut. The first error's message is quoted as it is: localize
    /// the report in `lang` first.
    ///
    /// ```
    /// let schema = conforme::Schema::from_slice(br#"{"fields": [{"name": "n", "type": "integer"}]}"#).unwrap();
    /// let mut report = conforme::Validator::new(&schema).validate_slice(b"n\nx\n1\n").unwrap();
    /// report.localize(conforme::Lang::En);
    /// assert_eq!(
    ///     report.summary_sentence("n.csv", conforme::Lang::En),
    ///     "n.csv: 1 error in 2 rows; first: Wrong type: `x` is not an integer."
    /// );
    /// ```
    pub fn summary_sentence(&self, place: &str, lang: Lang) -> String {
        let stats = &self.stats;
        let more = if stats.truncated { "+" } else { "" };
        // Both languages put the plural from 2 on (`0 row` stays as the sentence always was).
        let plural = |n: u64| if n > 1 { "s" } else { "" };
        let first = self
            .errors
            .first()
            .map(|d| say(lang, "summary.first", &[("message", &d.message)]))
            .unwrap_or_default();
        say(
            lang,
            "summary",
            &[
                ("place", &place),
                ("errors", &format_args!("{}{more}", stats.error_count)),
                ("errors_plural", &plural(stats.error_count)),
                ("rows", &stats.rows),
                ("rows_plural", &plural(stats.rows)),
                ("first", &first),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::{Diagnostic, ErrorCode, Lang, Report};

    fn report(errors: u64, rows: u64, truncated: bool) -> Report {
        let mut report = Report {
            valid: errors == 0,
            ..Report::default()
        };
        report.stats.error_count = errors;
        report.stats.rows = rows;
        report.stats.truncated = truncated;
        if errors > 0 {
            let mut first = Diagnostic::new(ErrorCode::BlankRow).at_row(3, 3);
            first.message = "Ligne vide.".to_owned();
            report.errors.push(first);
        }
        report
    }

    #[test]
    fn french_counts_with_plurals_and_the_first_error() {
        assert_eq!(
            report(7, 2, false).summary_sentence("data.csv", Lang::Fr),
            "data.csv : 7 erreurs sur 2 lignes ; la première : Ligne vide."
        );
        assert_eq!(
            report(1, 1, false).summary_sentence("data.csv", Lang::Fr),
            "data.csv : 1 erreur sur 1 ligne ; la première : Ligne vide."
        );
    }

    #[test]
    fn english_counts_with_plurals_and_the_first_error() {
        assert_eq!(
            report(7, 2, false).summary_sentence("data.csv", Lang::En),
            "data.csv: 7 errors in 2 rows; first: Ligne vide."
        );
        assert_eq!(
            report(1, 1, false).summary_sentence("<bytes>", Lang::En),
            "<bytes>: 1 error in 1 row; first: Ligne vide."
        );
    }

    #[test]
    fn a_cut_list_marks_its_count_as_a_lower_bound() {
        assert_eq!(
            report(100, 500, true).summary_sentence("a.csv", Lang::Fr),
            "a.csv : 100+ erreurs sur 500 lignes ; la première : Ligne vide."
        );
        assert_eq!(
            report(100, 500, true).summary_sentence("a.csv", Lang::En),
            "a.csv: 100+ errors in 500 rows; first: Ligne vide."
        );
    }

    #[test]
    fn without_errors_there_is_no_first_one() {
        let sentence = report(0, 3, false).summary_sentence("a.csv", Lang::En);
        assert!(sentence.starts_with("a.csv: 0 error"), "{sentence}");
        assert!(!sentence.contains("first"), "{sentence}");
    }
}
