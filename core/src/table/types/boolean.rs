//! `boolean`: exact, case-sensitive match against `trueValues` / `falseValues`
//! (frictionless does not trim: `"True "` is an error).

/// Compiled boolean values.
#[derive(Clone, Debug)]
pub(crate) struct BooleanTable {
    pub true_values: Vec<String>,
    pub false_values: Vec<String>,
}

impl BooleanTable {
    pub(crate) const DEFAULT_TRUE: [&'static str; 4] = ["true", "True", "TRUE", "1"];
    pub(crate) const DEFAULT_FALSE: [&'static str; 4] = ["false", "False", "FALSE", "0"];

    pub(crate) fn new(true_values: Option<&[String]>, false_values: Option<&[String]>) -> Self {
        let or_default = |v: Option<&[String]>, d: &[&str]| {
            v.map(<[String]>::to_vec)
                .unwrap_or_else(|| d.iter().map(|s| (*s).to_owned()).collect())
        };
        BooleanTable {
            true_values: or_default(true_values, &Self::DEFAULT_TRUE),
            false_values: or_default(false_values, &Self::DEFAULT_FALSE),
        }
    }

    pub(crate) fn parse(&self, cell: &str) -> Option<bool> {
        if self.true_values.iter().any(|v| v == cell) {
            Some(true)
        } else if self.false_values.iter().any(|v| v == cell) {
            Some(false)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_custom_values() {
        let d = BooleanTable::new(None, None);
        assert_eq!(d.parse("TRUE"), Some(true));
        assert_eq!(d.parse("0"), Some(false));
        assert_eq!(d.parse("True "), None);
        assert_eq!(d.parse("vrai"), None);
        let fr = BooleanTable::new(Some(&["oui".into()]), Some(&["non".into()]));
        assert_eq!(fr.parse("oui"), Some(true));
        assert_eq!(fr.parse("true"), None);
    }
}
