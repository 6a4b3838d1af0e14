//! frformat's referential checks (landscape.md §3.12): `code-commune-insee`,
//! `numero-departement`, `departement`, `code-region`, `region`, `commune`, `canton`,
//! `pays`, `code-pays-iso2`, `code-pays-iso3` (each with a `cog` vintage), `code-postal`
//! and `code-fantoir`.
//!
//! The verdict is frformat's: the text of the cell, exactly as written (no trimming, case
//! and accents significant), must be in the list of that vintage. The finding says more
//! than Validata's "not in the format": which vintage the value belongs to if it is in
//! another one, that a postcode is not a commune code (and the reverse), and the official
//! spelling of a name written with other case, accents or punctuation.

use super::{CellState, Finding};
use crate::referentials::{self, List, Vintage};
use crate::report::ErrorCode;
use crate::report::Param;

/// A compiled referential check: its list and, for the COG lists, the vintage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Referential {
    pub list: List,
    pub vintage: Option<Vintage>,
}

/// Check names whose list has vintages (a `cog` parameter is required).
pub(crate) fn is_versioned(list: List) -> bool {
    !matches!(list, List::CodePostal | List::CodeFantoir)
}

impl Referential {
    /// Whether `value` passes (frformat's verdict).
    pub(crate) fn is_valid(&self, value: &str) -> bool {
        match self.list {
            List::CodeFantoir => referentials::is_code_fantoir(value),
            list => list.contains(value, self.vintage),
        }
    }

    pub(crate) fn check(&self, cell: &CellState<'_>) -> Option<Finding> {
        // The text as written: an integer-typed column keeps its leading zeros here.
        let CellState::Typed(_, text) = cell else {
            return None;
        };
        if self.is_valid(text) {
            return None;
        }
        let mut finding =
            Finding::new(ErrorCode::CustomCheckError).with(Param::Check, self.list.name());
        if let Some(v) = self.vintage {
            finding = finding.with(Param::Vintage, self.list.vintage_name(v));
        }
        Some(self.explain(text, finding))
    }

    /// Adds what the value probably is.
    fn explain(&self, text: &str, mut finding: Finding) -> Finding {
        // A commune that merged: the code to use now, when the checked vintage has it.
        let successor = referentials::successor(text)
            .filter(|(code, _)| self.list == List::CodeCommuneInsee && self.is_valid(code));
        if let Some((code, name)) = successor {
            finding = finding
                .with(Param::Successor, code)
                .with(Param::SuccessorName, name);
        }
        let elsewhere = self.list.vintages_of(text);
        if !elsewhere.is_empty() && self.vintage.is_some() {
            return finding
                .with(Param::HintKind, "other-vintage")
                .with(Param::Vintages, elsewhere.join(", "));
        }
        match self.list {
            List::CodeCommuneInsee if successor.is_some() => {
                finding.with(Param::HintKind, "successor")
            }
            List::CodeCommuneInsee if List::CodePostal.contains(text, None) => {
                finding.with(Param::HintKind, "postcode")
            }
            List::CodePostal if List::CodeCommuneInsee.contains(text, None) => {
                finding.with(Param::HintKind, "commune-code")
            }
            List::Commune | List::Departement | List::Region | List::Canton | List::Pays => {
                match self.list.closest_spelling(text, self.vintage) {
                    Some(official) => finding
                        .with(Param::HintKind, "spelling")
                        .with(Param::Closest, official),
                    None => finding,
                }
            }
            _ => finding,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_support::text;

    fn referential(name: &str, cog: Option<&str>) -> Referential {
        let list = List::from_name(name).unwrap();
        Referential {
            list,
            vintage: cog.map(|c| list.vintage(c).unwrap()),
        }
    }

    fn hint(r: &Referential, value: &str) -> Option<(String, String)> {
        let f = r.check(&text(value))?;
        assert_eq!(f.code, ErrorCode::CustomCheckError);
        let kind = f
            .params
            .get(Param::HintKind)
            .and_then(|v| v.as_str())
            .unwrap_or("");
        let extra = f
            .params
            .get(Param::Vintages)
            .or(f.params.get(Param::Closest))
            .and_then(|v| v.as_str())
            .unwrap_or("");
        Some((kind.to_owned(), extra.to_owned()))
    }

    #[test]
    fn merged_communes_name_their_successor() {
        let communes = referential("code-commune-insee", Some("2024"));
        let f = communes.check(&text("01172")).unwrap();
        assert_eq!(f.params[Param::HintKind], "other-vintage");
        assert_eq!(f.params[Param::Successor], "01095");
        assert_eq!(f.params[Param::SuccessorName], "Nivigne et Suran");
        // Gone before 2023: the successor is the whole hint.
        let f = communes.check(&text("27647")).unwrap();
        assert_eq!(f.params[Param::HintKind], "successor");
        assert_eq!(f.params[Param::Successor], "27676");
        // In the 2023 vintage the old code is valid: nothing to say.
        assert!(
            referential("code-commune-insee", Some("2023"))
                .check(&text("01172"))
                .is_none()
        );
        // A successor is only proposed by the commune-code check.
        assert!(
            !referential("code-postal", None)
                .check(&text("01172"))
                .is_some_and(|f| f.params.contains_key(Param::Successor))
        );
    }

    #[test]
    fn verdicts_and_hints() {
        let communes = referential("code-commune-insee", Some("2024"));
        assert_eq!(hint(&communes, "75056"), None);
        assert_eq!(
            hint(&communes, "75001"),
            Some(("postcode".into(), "".into()))
        );
        assert_eq!(
            hint(&communes, "01172"),
            Some(("other-vintage".into(), "2023".into()))
        );
        assert_eq!(hint(&communes, "99999"), Some(("".into(), "".into())));

        let postcodes = referential("code-postal", None);
        assert_eq!(hint(&postcodes, "75001"), None);
        assert_eq!(
            hint(&postcodes, "75056"),
            Some(("commune-code".into(), "".into()))
        );
        assert_eq!(hint(&postcodes, "77777"), Some(("".into(), "".into())));

        let regions = referential("region", Some("latest"));
        assert_eq!(
            hint(&regions, "ile de france"),
            Some(("spelling".into(), "Île-de-France".into()))
        );
        let names = referential("commune", Some("2024"));
        assert_eq!(
            hint(&names, "SAINT-ETIENNE"),
            Some(("spelling".into(), "Saint-Étienne".into()))
        );
        let cantons = referential("canton", Some("2023"));
        assert_eq!(
            hint(&cantons, "Paris"),
            Some(("other-vintage".into(), "2024".into()))
        );
        let fantoir = referential("code-fantoir", None);
        assert_eq!(hint(&fantoir, "0001A"), None);
        assert!(hint(&fantoir, "0001a").is_some());
    }

    #[test]
    fn missing_and_uncastable_cells_are_skipped() {
        let r = referential("code-postal", None);
        assert_eq!(r.check(&CellState::Empty), None);
        assert_eq!(r.check(&CellState::Absent), None);
        assert_eq!(r.check(&CellState::Invalid("x")), None);
    }
}
