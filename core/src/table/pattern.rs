//! `pattern` constraints: whole-value regular expressions.
//!
//! Patterns are matched against the whole cell (`^(?:pattern)$`). The linear-time `regex`
//! engine is used whenever it accepts the pattern; only patterns that need backreferences
//! or lookaround (7 in the catalogue) fall back to a backtracking engine, with a bound on
//! backtracking so that a hostile cell cannot stall validation.
//!
//! Deliberate difference: frictionless anchors with `^` + pattern + `$` without a group, so
//! a top-level alternation `a|b` accepts `ax`; we match the whole value.

use crate::error::SchemaError;

/// A compiled, anchored pattern.
pub(crate) enum Pattern {
    Linear(regex::Regex),
    Backtracking(fancy_regex::Regex),
}

const BACKTRACK_LIMIT: usize = 1_000_000;

impl Pattern {
    pub(crate) fn compile(pattern: &str, pointer: &str) -> Result<Pattern, SchemaError> {
        let anchored = format!("^(?:{pattern})$");
        match regex::Regex::new(&anchored) {
            Ok(re) => Ok(Pattern::Linear(re)),
            Err(linear_err) => fancy_regex::RegexBuilder::new(&anchored)
                .backtrack_limit(BACKTRACK_LIMIT)
                .build()
                .map(Pattern::Backtracking)
                .map_err(|err| {
                    SchemaError::invalid(
                        pointer,
                        format!("the regular expression {pattern:?} cannot be compiled ({err}; {linear_err})"),
                        "Fix the expression; test it on regex101.com with the Python flavour.",
                    )
                }),
        }
    }

    /// Whether the whole `cell` matches. A cell that exhausts the backtracking budget does
    /// not match (and is reported as a pattern error, never a hang).
    pub(crate) fn is_match(&self, cell: &str) -> bool {
        match self {
            Pattern::Linear(re) => re.is_match(cell),
            Pattern::Backtracking(re) => re.is_match(cell).unwrap_or(false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_value_match() {
        let p = Pattern::compile(r"\d{14}", "/p").unwrap();
        assert!(p.is_match("12345678901234"));
        assert!(!p.is_match("123456789012345"));
        assert!(!p.is_match("x12345678901234"));
        let alt = Pattern::compile("a|b", "/p").unwrap();
        assert!(alt.is_match("a"));
        assert!(!alt.is_match("ax"));
    }

    #[test]
    fn backreferences_fall_back() {
        let p = Pattern::compile(r"(\w)\1", "/p").unwrap();
        assert!(matches!(p, Pattern::Backtracking(_)));
        assert!(p.is_match("aa"));
        assert!(!p.is_match("ab"));
        let look = Pattern::compile(r"(?!x)\w+", "/p").unwrap();
        assert!(look.is_match("abc"));
        assert!(!look.is_match("xbc"));
    }

    #[test]
    fn broken_pattern_is_a_schema_error() {
        let err = Pattern::compile("([a-z]", "/fields/0/constraints/pattern")
            .err()
            .unwrap();
        assert!(err.to_string().contains("/fields/0/constraints/pattern"));
    }
}
