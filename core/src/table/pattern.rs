//! `pattern` constraints: whole-value regular expressions.
//!
//! Patterns are matched against the whole cell (`^(?:pattern)$`). The linear-time `regex`
//! engine is used whenever it accepts the pattern; only patterns that need backreferences
//! or lookaround (7 in the catalogue) fall back to a backtracking engine, with a bound on
//! backtracking so that a hostile cell cannot stall validation.
//!
//! Patterns are also compiled, with ASCII semantics, into a fully built DFA that checks ASCII
//! cells (nearly all of them): one table lookup per byte, no per-call engine overhead, and a
//! DFA that stays tiny because `\d` or `\w` only span ASCII. On ASCII text every class means
//! the same with or without Unicode, so the verdict is unchanged; cells with other
//! characters go to a Unicode-aware DFA (or, when the pattern is too big for one, the lazy
//! `regex` engine), compiled the first time such a cell is met: most files never need it,
//! and start-up stays fast. French text is full of accents (`Non concerné`): a DFA walk
//! costs a tenth of a general engine's search on such short cells.
//!
//! Deliberate difference: frictionless anchors with `^` + pattern + `$` without a group, so
//! a top-level alternation `a|b` accepts `ax`; we match the whole value.

use super::pattern_shape::FixedShape;
use crate::error::SchemaError;
use std::sync::OnceLock;

/// A compiled, anchored pattern.
pub(crate) enum Pattern {
    Ascii {
        dfa: Box<regex_automata::dfa::dense::DFA<Vec<u32>>>,
        /// The anchored start state at the start of the text (where every search starts).
        start: regex_automata::util::primitives::StateID,
        /// Set when the pattern is a fixed run of ASCII classes (`\d{14}`): no DFA walk.
        shape: Option<FixedShape>,
        anchored: String,
        unicode: OnceLock<Unicode>,
    },
    Linear(regex::Regex),
    Backtracking(fancy_regex::Regex),
}

/// The matcher for cells with non-ASCII characters, built at the first one.
pub(crate) enum Unicode {
    Dfa(
        Box<regex_automata::dfa::dense::DFA<Vec<u32>>>,
        regex_automata::util::primitives::StateID,
    ),
    Regex(regex::Regex),
    /// Cannot happen (the pattern parsed with Unicode semantics at compile time); kept so
    /// that a surprise is a non-match, not a panic.
    Refused,
}

impl Unicode {
    fn build(anchored: &str) -> Unicode {
        if let Some((dfa, start)) = dense_dfa(anchored, true) {
            return Unicode::Dfa(Box::new(dfa), start);
        }
        match regex::Regex::new(anchored) {
            Ok(re) => Unicode::Regex(re),
            Err(_) => Unicode::Refused,
        }
    }

    fn is_match(&self, cell: &str) -> bool {
        match self {
            // Built without quit bytes and refused for Unicode word boundaries (the only
            // syntax that adds some): this DFA never gives up, `None` cannot come back.
            Unicode::Dfa(dfa, start) => walk(dfa, *start, cell.as_bytes()).unwrap_or(false),
            Unicode::Regex(re) => re.is_match(cell),
            Unicode::Refused => false,
        }
    }
}

/// Backtracking steps allowed per cell for patterns the linear engines refuse.
pub(crate) const BACKTRACK_LIMIT: usize = crate::limits::PATTERN_BACKTRACK_STEPS;
/// Largest DFA kept per pattern (bytes); above it the lazy `regex` engine is used.
const DFA_SIZE_LIMIT: usize = 512 * 1024;

/// A fully built DFA for `anchored`, with ASCII-only classes unless `unicode`; `None`
/// beyond [`DFA_SIZE_LIMIT`] or for syntax a DFA cannot do (Unicode word boundaries).
fn dense_dfa(
    anchored: &str,
    unicode: bool,
) -> Option<(
    regex_automata::dfa::dense::DFA<Vec<u32>>,
    regex_automata::util::primitives::StateID,
)> {
    use regex_automata::Anchored;
    use regex_automata::dfa::{Automaton, StartKind, dense};
    use regex_automata::util::{start, syntax};
    let dfa = dense::Builder::new()
        .syntax(syntax::Config::new().unicode(unicode).utf8(unicode))
        .configure(
            dense::DFA::config()
                .start_kind(StartKind::Anchored)
                .dfa_size_limit(Some(DFA_SIZE_LIMIT))
                .determinize_size_limit(Some(4 * DFA_SIZE_LIMIT)),
        )
        .build(anchored)
        .ok()?;
    let start = dfa
        .start_state(&start::Config::new().anchored(Anchored::Yes))
        .ok()?;
    Some((dfa, start))
}

/// Walks the DFA over `bytes`: the pattern is anchored at both ends, so they match when the
/// state after the end of input is a match state. `None` if the DFA gave up (a quit byte):
/// the caller then asks the general engine.
#[inline]
fn walk(
    dfa: &regex_automata::dfa::dense::DFA<Vec<u32>>,
    start: regex_automata::util::primitives::StateID,
    bytes: &[u8],
) -> Option<bool> {
    use regex_automata::dfa::Automaton;
    let mut state = start;
    for &b in bytes {
        state = dfa.next_state(state, b);
        if dfa.is_special_state(state) {
            if dfa.is_dead_state(state) {
                return Some(false);
            }
            if dfa.is_quit_state(state) {
                return None;
            }
        }
    }
    Some(dfa.is_match_state(dfa.next_eoi_state(state)))
}

impl Pattern {
    pub(crate) fn compile(pattern: &str, pointer: &str) -> Result<Pattern, SchemaError> {
        let anchored = format!("^(?:{pattern})$");
        // Checked with Unicode semantics first, so a pattern the Unicode engine would refuse
        // is refused now rather than at the first non-ASCII cell.
        if regex_automata::util::syntax::parse(&anchored).is_ok()
            && let Some((dfa, start)) = dense_dfa(&anchored, false)
        {
            return Ok(Pattern::Ascii {
                dfa: Box::new(dfa),
                start,
                shape: FixedShape::of(&anchored),
                anchored,
                unicode: OnceLock::new(),
            });
        }
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
    /// not match; [`Pattern::evaluate`] tells it apart, for its own message.
    pub(crate) fn is_match(&self, cell: &str) -> bool {
        self.evaluate(cell) == Some(true)
    }

    /// Whether the whole `cell` matches, or `None` when the backtracking engine gave up on
    /// it ([`BACKTRACK_LIMIT`] steps): the verdict is unknown, never a silent mismatch
    /// (the same pattern would otherwise pass or fail with the length of the cell).
    pub(crate) fn evaluate(&self, cell: &str) -> Option<bool> {
        match self {
            Pattern::Ascii {
                dfa,
                start,
                shape,
                anchored,
                unicode,
            } => {
                if let Some(shape) = shape {
                    // A match uses ASCII bytes only, so it stands under Unicode semantics too.
                    if shape.is_match(cell.as_bytes()) {
                        return Some(true);
                    }
                    if cell.is_ascii() {
                        return Some(false);
                    }
                } else if cell.is_ascii()
                    && let Some(verdict) = walk(dfa, *start, cell.as_bytes())
                {
                    return Some(verdict);
                }
                Some(
                    unicode
                        .get_or_init(|| Unicode::build(anchored))
                        .is_match(cell),
                )
            }
            Pattern::Linear(re) => Some(re.is_match(cell)),
            Pattern::Backtracking(re) => re.is_match(cell).ok(),
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
    fn small_patterns_become_dfas_and_agree_with_regex() {
        let cases = [
            (
                r"\d{14}",
                vec![
                    "12345678901234",
                    "1234567890123",
                    "١٢٣٤٥٦٧٨٩٠١٢٣٤",
                    "",
                    "12345678901234\n",
                ],
            ),
            (
                r"([013-9]\d|2[AB1-9])\d{3}",
                vec!["75056", "2A004", "20000", "7505"],
            ),
            (
                r"(?:(?:^|,)(^[A-Z]{2}[A-Z0-9]{4,33}$|Non concerné))+$",
                vec![
                    "FRA01P0001",
                    "Non concerné",
                    "FRA01P0001,Non concerné",
                    "fr",
                ],
            ),
            (r"[a-z]+|\d", vec!["abc", "ab1", "7", "É", "٣"]),
            (r"\w+\s\w+", vec!["a b", "é b", "a\u{a0}b", "a  b"]),
            (r"(?i)kelvin", vec!["KELVIN", "\u{212a}elvin", "kelvın"]),
        ];
        for (pattern, cells) in cases {
            let p = Pattern::compile(pattern, "/p").unwrap();
            assert!(
                matches!(p, Pattern::Ascii { .. }),
                "{pattern} should compile to a DFA"
            );
            check_against_regex(&p, pattern, &cells);
        }
        // A non-ASCII character in a class needs the Unicode engine for every cell.
        let p = Pattern::compile("[a-zé]+", "/p").unwrap();
        assert!(matches!(p, Pattern::Linear(_)));
        check_against_regex(&p, "[a-zé]+", &["été", "abc", "É"]);
    }

    fn check_against_regex(p: &Pattern, pattern: &str, cells: &[&str]) {
        {
            let re = regex::Regex::new(&format!("^(?:{pattern})$")).unwrap();
            for &cell in cells {
                assert_eq!(p.is_match(cell), re.is_match(cell), "{pattern} on {cell:?}");
            }
        }
    }

    #[test]
    fn accented_cells_go_to_a_unicode_dfa() {
        let p = Pattern::compile(
            r"(?:(?:^|,)(^[A-Z]{2}[A-Z0-9]{4,33}$|Non concerné))+$",
            "/p",
        )
        .unwrap();
        let Pattern::Ascii { unicode, .. } = &p else {
            panic!("should compile to an ASCII DFA first");
        };
        assert!(unicode.get().is_none(), "built only when needed");
        assert!(p.is_match("Non concerné,Non concerné"));
        assert!(!p.is_match("Non concernée"));
        assert!(matches!(unicode.get(), Some(Unicode::Dfa(..))));

        // A Unicode word boundary has no DFA: the regex engine takes such cells.
        let p = Pattern::compile(r"\bnoël\b", "/p").unwrap();
        let Pattern::Ascii { unicode, .. } = &p else {
            panic!("should compile to an ASCII DFA first");
        };
        assert!(p.is_match("noël"));
        assert!(!p.is_match("noëlx"));
        assert!(matches!(unicode.get(), Some(Unicode::Regex(_))));
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

    #[test]
    fn a_cell_past_the_backtracking_budget_is_not_evaluated() {
        let p = Pattern::compile(r"((a|a)+)+\1b", "/p").unwrap();
        assert!(matches!(p, Pattern::Backtracking(_)));
        for n in [25, 40] {
            let cell = format!("{}b", "a".repeat(n));
            assert_eq!(p.evaluate(&cell), None, "{n}");
            assert!(!p.is_match(&cell));
        }
        assert_eq!(p.evaluate("aab"), Some(true));
        assert_eq!(p.evaluate("c"), Some(false));
    }
}
