//! `string` formats: `default`, `email`, `uri`, `uuid`, `binary`.

use base64::Engine;

/// Compiled `string` format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StringFormat {
    Default,
    Email,
    Uri,
    Uuid,
    Binary,
}

impl StringFormat {
    /// The format for a descriptor's `format` (unknown formats check nothing; the schema
    /// linter reports them).
    pub(crate) fn from_name(name: &str) -> Option<StringFormat> {
        Some(match name {
            "default" => StringFormat::Default,
            "email" => StringFormat::Email,
            "uri" => StringFormat::Uri,
            "uuid" => StringFormat::Uuid,
            "binary" => StringFormat::Binary,
            _ => return None,
        })
    }

    #[inline]
    pub(crate) fn check(self, cell: &str) -> bool {
        match self {
            StringFormat::Default => true,
            StringFormat::Email => is_email(cell),
            StringFormat::Uri => is_uri(cell),
            StringFormat::Uuid => is_uuid(cell),
            StringFormat::Binary => base64::engine::general_purpose::STANDARD
                .decode(cell)
                .is_ok(),
        }
    }
}

/// `local@domain.tld`: a non-empty local part without spaces or a doubled/edge dot, a
/// domain of at least two labels (letters of any script, digits, inner hyphens) whose last
/// label has two letters or more.
fn is_email(s: &str) -> bool {
    if s.is_ascii() {
        return is_ascii_email(s.as_bytes());
    }
    is_unicode_email(s)
}

/// Bytes allowed in the local part of an address (before the `@`).
const LOCAL_PART: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0x21; // printable ASCII, space excluded
    while c < 0x7f {
        table[c] = !matches!(
            c as u8,
            b'@' | b'(' | b')' | b',' | b':' | b';' | b'<' | b'>' | b'[' | b']' | b'\\' | b'"'
        );
        c += 1;
    }
    table
};

/// The same rules as [`is_unicode_email`], in one pass over the bytes of an ASCII address
/// (the case of nearly every cell: this runs on every row of the file).
fn is_ascii_email(b: &[u8]) -> bool {
    let Some(at) = memchr::memrchr(b'@', b) else {
        return false;
    };
    let (local, domain) = (&b[..at], &b[at + 1..]);
    if local.is_empty() || local.len() > 64 || local[0] == b'.' || local[local.len() - 1] == b'.' {
        return false;
    }
    let mut previous_dot = false;
    for &c in local {
        let dot = c == b'.';
        if !LOCAL_PART[c as usize] || (dot && previous_dot) {
            return false;
        }
        previous_dot = dot;
    }
    let (mut labels, mut len, mut last, mut alphabetic) = (1, 0usize, b'.', true);
    for &c in domain {
        if c == b'.' {
            if len == 0 || len > 63 || last == b'-' {
                return false;
            }
            labels += 1;
            len = 0;
            alphabetic = true;
        } else if c.is_ascii_alphanumeric() || (c == b'-' && len > 0) {
            len += 1;
            alphabetic &= c.is_ascii_alphabetic();
        } else {
            return false;
        }
        last = c;
    }
    // The last label is the top-level domain: two letters or more.
    labels >= 2 && (2..=63).contains(&len) && last != b'-' && alphabetic
}

fn is_unicode_email(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    if local.is_empty()
        || local.len() > 64
        || local.starts_with('.')
        || local.ends_with('.')
        || local.contains("..")
        || local.chars().any(|c| {
            c.is_whitespace()
                || c.is_control()
                || matches!(
                    c,
                    '@' | '(' | ')' | ',' | ':' | ';' | '<' | '>' | '[' | ']' | '\\' | '"'
                )
        })
    {
        return false;
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.chars().count() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let Some((_, tld)) = domain.rsplit_once('.') else {
        return false;
    };
    domain.split('.').all(label_ok)
        && tld.chars().count() >= 2
        && tld.chars().all(char::is_alphabetic)
}

/// RFC 3986 URI with a scheme (`https://…`, `mailto:…`, `ftp://…`); no spaces or
/// characters that must be percent-encoded.
fn is_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    let scheme_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    scheme_ok
        && !rest.is_empty()
        && !rest.chars().any(|c| {
            c.is_whitespace()
                || c.is_control()
                || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`')
        })
        && (!rest.starts_with("//") || rest.len() > 2)
}

/// A UUID as Python's `uuid.UUID` reads it: 32 hex digits, with the usual hyphens or
/// none, optionally in braces or after `urn:uuid:`.
fn is_uuid(s: &str) -> bool {
    let s = s.strip_prefix("urn:uuid:").unwrap_or(s);
    let s = s
        .strip_prefix('{')
        .and_then(|x| x.strip_suffix('}'))
        .unwrap_or(s);
    let b = s.as_bytes();
    match b.len() {
        32 => b.iter().all(u8::is_ascii_hexdigit),
        36 => b.iter().enumerate().all(|(i, c)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                *c == b'-'
            } else {
                c.is_ascii_hexdigit()
            }
        }),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        for ok in [
            "a@b.fr",
            "é@b.fr",
            "prenom.nom@mairie-x.fr",
            "x+y@sous.domaine.gouv.fr",
        ] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "a@b",
            "a b@c.fr",
            "@b.fr",
            "a@.fr",
            "a@b.f",
            "a..b@c.fr",
            "a@b.fr ",
            "mairie.fr",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn ascii_and_unicode_rules_agree() {
        for text in [
            "a@b.fr",
            "a.b@c-d.fr",
            "a@b",
            "a..b@c.fr",
            ".a@b.fr",
            "a.@b.fr",
            "a@-b.fr",
            "a@b-.fr",
            "a@b.f",
            "a@b.fr1",
            "a b@c.fr",
            "a@b..fr",
            "x@y.co.uk",
            "(a)@b.fr",
            "a@b@c.fr",
            "",
            "@",
        ] {
            assert_eq!(
                is_ascii_email(text.as_bytes()),
                is_unicode_email(text),
                "{text}"
            );
        }
        let long_local = format!("{}@b.fr", "a".repeat(65));
        assert!(!is_ascii_email(long_local.as_bytes()));
        assert!(!is_unicode_email(&long_local));
    }

    proptest::proptest! {
        /// The ASCII fast path decides as the Unicode rules do.
        #[test]
        fn fast_path_verdicts_are_the_unicode_ones(
            text in "[ab.@é -]{0,12}(fr|é|)",
        ) {
            proptest::prop_assert_eq!(is_email(&text), is_unicode_email(&text), "{:?}", text);
        }
    }

    #[test]
    fn uris() {
        for ok in [
            "https://www.data.gouv.fr/x?y=1",
            "mailto:a@b.fr",
            "ftp://h/x",
            "urn:isbn:1",
        ] {
            assert!(is_uri(ok), "{ok}");
        }
        for bad in [
            "x.fr",
            "www.data.gouv.fr",
            "http://a b",
            "",
            "1http://x",
            "https:",
        ] {
            assert!(!is_uri(bad), "{bad}");
        }
    }

    #[test]
    fn uuids() {
        assert!(is_uuid("123e4567-e89b-12d3-a456-426614174000"));
        assert!(is_uuid("123E4567E89B12D3A456426614174000"));
        assert!(is_uuid("{123e4567-e89b-12d3-a456-426614174000}"));
        assert!(!is_uuid("123e4567-e89b-12d3-a456-42661417400"));
        assert!(!is_uuid("123e4567-e89b-12d3-a456_426614174000"));
    }

    #[test]
    fn strict_base64() {
        assert!(StringFormat::Binary.check("aGVsbG8="));
        assert!(!StringFormat::Binary.check("!!"));
    }
}
