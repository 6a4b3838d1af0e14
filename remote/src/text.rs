//! Folding names for comparison: case, accents and punctuation do not count, so
//! `Date de mise à jour`, `date_de_mise_a_jour` and `DATE-DE-MISE-A-JOUR` are equal.

/// The base letter(s) of a Latin letter with diacritics, or `None` when `c` has none.
fn strip_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => "a",
        'ç' | 'ć' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'ñ' | 'ń' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => "u",
        'ý' | 'ÿ' => "y",
        'œ' => "oe",
        'æ' => "ae",
        'ß' => "ss",
        _ => return None,
    })
}

/// Lower case, without accents, every run of other characters turned into one `_`, no `_`
/// at either end: `fold("Date de mise à jour") == "date_de_mise_a_jour"`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if let Some(base) = strip_accent(c) {
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            out.push_str(base);
        } else if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn case_accents_and_punctuation_fold_away() {
        assert_eq!(fold("Date de mise à jour"), "date_de_mise_a_jour");
        assert_eq!(fold("DATE-DE-MISE-A-JOUR"), "date_de_mise_a_jour");
        assert_eq!(fold("  coordonnéesXY "), "coordonneesxy");
        assert_eq!(fold("Œuvre (n°)"), "oeuvre_n");
    }
}
