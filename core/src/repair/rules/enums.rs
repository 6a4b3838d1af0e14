//! Enum values that differ from an allowed value only by case, accents or spaces
//! (`ile de france` → `Île de France`).

use crate::repair::fold::fold;
use crate::table::CompiledField;
use crate::table::field::{Check, EnumSet};

/// The allowed texts of `field`'s enum, when it compares texts.
pub(crate) fn allowed(field: &CompiledField) -> Option<Vec<&str>> {
    field
        .checker
        .constraints
        .iter()
        .find_map(|c| match &c.check {
            Check::Enum(EnumSet::Texts(v)) => Some(v.iter().map(|s| &**s).collect()),
            Check::Enum(EnumSet::TextHash(h)) => Some(h.iter().map(|s| &**s).collect()),
            _ => None,
        })
}

/// The one allowed value that `text` spells with another case, accents or spaces.
pub(crate) fn spelling(field: &CompiledField, text: &str) -> Option<String> {
    let allowed = allowed(field)?;
    let key = fold(text);
    if key.is_empty() {
        return None;
    }
    let mut same = allowed.iter().filter(|a| fold(a) == key);
    let one = same.next()?;
    same.next().is_none().then(|| (*one).to_owned())
}
