//! The language of the messages, and how a run picks it: asked for, else the locale's.

/// Language of the report messages.
///
/// ```
/// assert_eq!(conforme::Lang::from_tag("en-GB"), Some(conforme::Lang::En));
/// assert_eq!(conforme::Lang::default(), conforme::Lang::Fr);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// French (the default: the people who fix the data read French).
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The locale variables that name the language of messages, the one that wins first.
    ///
    /// ```
    /// assert_eq!(conforme::Lang::LOCALE_VARIABLES[0], "LC_ALL");
    /// ```
    pub const LOCALE_VARIABLES: [&'static str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

    /// Reads a language tag such as `fr`, `en`, `fr_FR.UTF-8`.
    ///
    /// ```
    /// use conforme::Lang;
    /// assert_eq!(Lang::from_tag("fr_FR.UTF-8"), Some(Lang::Fr));
    /// assert_eq!(Lang::from_tag("de"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let lower = tag.to_ascii_lowercase();
        if lower.starts_with("fr") {
            Some(Lang::Fr)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language's tag, as `--lang` and the reports write it: `fr` or `en`.
    ///
    /// ```
    /// assert_eq!(conforme::Lang::En.tag(), "en");
    /// ```
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The language a locale asks for, given how to read its variables: the first of
    /// [`LOCALE_VARIABLES`](Lang::LOCALE_VARIABLES) that is set and not empty decides, and
    /// French is the answer when it names another language (`de_DE`, `C`) or none is set.
    /// POSIX's precedence: `LC_ALL` overrides `LC_MESSAGES`, which overrides `LANG`.
    ///
    /// ```
    /// use conforme::Lang;
    /// let locale = |name: &str| (name == "LANG").then(|| "en_GB.UTF-8".to_owned());
    /// assert_eq!(Lang::from_locale(locale), Lang::En);
    /// assert_eq!(Lang::from_locale(|_| None), Lang::Fr);
    /// ```
    pub fn from_locale(variable: impl Fn(&str) -> Option<String>) -> Lang {
        Self::LOCALE_VARIABLES
            .iter()
            .find_map(|name| variable(name).filter(|value| !value.is_empty()))
            .as_deref()
            .and_then(Lang::from_tag)
            .unwrap_or(Lang::Fr)
    }

    /// The language of this process's locale ([`Lang::from_locale`] over its environment):
    /// what the command and the pre-commit hook speak when no language is asked for.
    ///
    /// ```
    /// let lang = conforme::Lang::from_environment();
    /// assert!(matches!(lang, conforme::Lang::Fr | conforme::Lang::En));
    /// ```
    pub fn from_environment() -> Lang {
        Lang::from_locale(|name| std::env::var(name).ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A locale made of `set` (name, value) pairs, the other variables unset.
    fn locale(set: &[(&str, &str)]) -> Lang {
        Lang::from_locale(|name| {
            set.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn no_locale_is_french() {
        assert_eq!(locale(&[]), Lang::Fr);
    }

    #[test]
    fn lc_all_wins_over_lc_messages_which_wins_over_lang() {
        let all = [
            ("LC_ALL", "en_US.UTF-8"),
            ("LC_MESSAGES", "fr_FR"),
            ("LANG", "fr_FR"),
        ];
        assert_eq!(locale(&all), Lang::En);
        let messages = [("LC_MESSAGES", "en_US"), ("LANG", "fr_FR.UTF-8")];
        assert_eq!(locale(&messages), Lang::En);
        assert_eq!(
            locale(&[("LC_MESSAGES", "fr_FR"), ("LANG", "en_GB")]),
            Lang::Fr
        );
        assert_eq!(locale(&[("LANG", "en_GB.UTF-8")]), Lang::En);
    }

    #[test]
    fn an_empty_variable_is_unset() {
        assert_eq!(locale(&[("LC_ALL", ""), ("LANG", "en_GB")]), Lang::En);
    }

    #[test]
    fn the_first_variable_set_decides_even_for_another_language() {
        // `C` or German is not "no locale": French, without reading the next variable.
        assert_eq!(
            locale(&[("LC_ALL", "C.UTF-8"), ("LANG", "en_US")]),
            Lang::Fr
        );
        assert_eq!(
            locale(&[("LC_MESSAGES", "de_DE"), ("LANG", "en_US")]),
            Lang::Fr
        );
    }

    #[test]
    fn case_does_not_matter() {
        assert_eq!(locale(&[("LANG", "EN_us")]), Lang::En);
    }
}
