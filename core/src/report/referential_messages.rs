//! Messages of the referential checks (`custom-check-error`): what the list expects, the
//! list and vintage the value was looked up in, and what the value probably is.

use super::{Diagnostic, Lang};

fn param<'a>(d: &'a Diagnostic, key: &str) -> &'a str {
    d.param_str(key).unwrap_or("")
}

/// What the check expects, with an example (French, English).
fn expected(check: &str) -> (&'static str, &'static str) {
    match check {
        "code-commune-insee" => (
            "un code commune INSEE (5 caractères : `75056` pour Paris, `2A004` pour Ajaccio, `75101` pour Paris 1er arrondissement)",
            "an INSEE commune code (5 characters: `75056` for Paris, `2A004` for Ajaccio, `75101` for the 1st arrondissement of Paris)",
        ),
        "numero-departement" => (
            "un numéro de département (`01` à `95` avec le zéro initial, `2A`, `2B`, `971` à `976`, ou une collectivité d'outre-mer)",
            "a département number (`01` to `95` with the leading zero, `2A`, `2B`, `971` to `976`, or an overseas collectivity)",
        ),
        "departement" => (
            "un nom de département écrit comme l'INSEE (`Côte-d'Or`, `Corse-du-Sud`)",
            "a département name spelt as INSEE does (`Côte-d'Or`, `Corse-du-Sud`)",
        ),
        "code-region" => (
            "un code région sur deux chiffres (`11` pour l'Île-de-France, `94` pour la Corse)",
            "a two-digit région code (`11` for Île-de-France, `94` for Corsica)",
        ),
        "region" => (
            "un nom de région écrit comme l'INSEE (`Île-de-France`, `Provence-Alpes-Côte d'Azur`)",
            "a région name spelt as INSEE does (`Île-de-France`, `Provence-Alpes-Côte d'Azur`)",
        ),
        "commune" => (
            "un nom de commune écrit comme l'INSEE, majuscules, accents et tirets compris (`Saint-Étienne`)",
            "a commune name spelt as INSEE does, capitals, accents and hyphens included (`Saint-Étienne`)",
        ),
        "canton" => (
            "un nom de canton écrit comme l'INSEE (`Bourg-en-Bresse-1`)",
            "a canton name spelt as INSEE does (`Bourg-en-Bresse-1`)",
        ),
        "pays" => (
            "un nom de pays écrit comme l'INSEE (`Allemagne`, `Royaume-Uni`)",
            "a country name spelt as INSEE does, in French (`Allemagne`, `Royaume-Uni`)",
        ),
        "code-pays-iso2" => (
            "un code pays ISO 3166 de deux lettres majuscules (`FR`, `DE`)",
            "an ISO 3166 country code of two capital letters (`FR`, `DE`)",
        ),
        "code-pays-iso3" => (
            "un code pays ISO 3166 de trois lettres majuscules (`FRA`, `DEU`)",
            "an ISO 3166 country code of three capital letters (`FRA`, `DEU`)",
        ),
        "code-postal" => (
            "un code postal en service (5 chiffres, `75001`)",
            "a postcode in use (5 digits, `75001`)",
        ),
        "code-fantoir" => (
            "un code FANTOIR (quatre caractères connus puis une lettre majuscule, `0001A`)",
            "a FANTOIR code (four known characters then a capital letter, `0001A`)",
        ),
        _ => (
            "une valeur de la liste officielle",
            "a value of the official list",
        ),
    }
}

/// The list looked up (French, English).
fn source(check: &str, vintage: &str) -> (String, String) {
    match (check, vintage) {
        ("code-postal", _) => (
            "la base officielle des codes postaux de La Poste".to_owned(),
            "La Poste's official postcode base".to_owned(),
        ),
        ("code-fantoir", _) => (
            "le fichier FANTOIR de la DGFiP".to_owned(),
            "the DGFiP's FANTOIR file".to_owned(),
        ),
        (_, "") => (
            "le Code officiel géographique de l'INSEE".to_owned(),
            "INSEE's Code officiel géographique".to_owned(),
        ),
        (_, v) => (
            format!("le Code officiel géographique {v} de l'INSEE"),
            format!("INSEE's Code officiel géographique, {v} vintage"),
        ),
    }
}

fn hint(d: &Diagnostic, lang: Lang) -> String {
    let vintages = param(d, "vintages");
    let closest = param(d, "closest");
    let check = param(d, "check");
    let newest = vintages.rsplit(", ").next().unwrap_or("");
    let successor = param(d, "successor");
    let successor_name = param(d, "successor_name");
    match (param(d, "hint_kind"), lang) {
        ("successor", Lang::Fr) => format!(" Ce code désigne une commune qui n'existe plus : elle a fusionné dans `{successor}` ({successor_name}), utilisez ce code."),
        ("successor", Lang::En) => format!(" This code is a commune that no longer exists: it merged into `{successor}` ({successor_name}); use that code."),
        ("other-vintage", Lang::Fr) if !successor.is_empty() => format!(" Ce code figure dans le COG {vintages} : la commune a depuis fusionné dans `{successor}` ({successor_name}) ; utilisez ce code, ou déclarez `\"cog\": \"{newest}\"` si les données datent de ce millésime."),
        ("other-vintage", Lang::En) if !successor.is_empty() => format!(" This code is in the {vintages} COG: the commune has since merged into `{successor}` ({successor_name}); use that code, or declare `\"cog\": \"{newest}\"` if the data dates from that vintage."),
        ("postcode", Lang::Fr) => " C'est un code postal : le code commune INSEE est un autre code (Paris : code commune `75056`, codes postaux `75001` à `75020`) ; la correspondance est dans la base des codes postaux de La Poste.".to_owned(),
        ("postcode", Lang::En) => " This is a postcode: the INSEE commune code is another code (Paris: commune code `75056`, postcodes `75001` to `75020`); La Poste's postcode base maps one to the other.".to_owned(),
        ("commune-code", Lang::Fr) => " C'est un code commune INSEE, pas un code postal : les deux diffèrent en général (Paris : code commune `75056`, codes postaux `75001` à `75020`).".to_owned(),
        ("commune-code", Lang::En) => " This is an INSEE commune code, not a postcode: the two usually differ (Paris: commune code `75056`, postcodes `75001` to `75020`).".to_owned(),
        ("other-vintage", Lang::Fr) if check == "code-commune-insee" => format!(" Ce code figure dans le COG {vintages} : la commune a depuis fusionné, changé de code ou été créée (voir les évènements sur les communes publiés par l'INSEE) ; utilisez le code en vigueur, ou déclarez `\"cog\": \"{newest}\"` si les données datent de ce millésime."),
        ("other-vintage", Lang::En) if check == "code-commune-insee" => format!(" This code is in the {vintages} COG: the commune has since merged, changed code or been created (see INSEE's list of commune events); use the current code, or declare `\"cog\": \"{newest}\"` if the data dates from that vintage."),
        ("other-vintage", Lang::Fr) => format!(" Cette valeur figure dans le COG {vintages} ; déclarez `\"cog\": \"{newest}\"` si les données datent de ce millésime."),
        ("other-vintage", Lang::En) => format!(" This value is in the {vintages} COG; declare `\"cog\": \"{newest}\"` if the data dates from that vintage."),
        ("spelling", Lang::Fr) => format!(" Orthographe officielle : `{closest}`."),
        ("spelling", Lang::En) => format!(" Official spelling: `{closest}`."),
        _ => String::new(),
    }
}

/// The message of `reference-list-value`: the list, its column and its size.
fn lookup_message(d: &Diagnostic, cell: &str, lang: Lang) -> String {
    let list = param(d, "list");
    let count = d.params.get("count").and_then(|c| c.as_u64()).unwrap_or(0);
    let column = param(d, "list_column");
    match (lang, column) {
        (Lang::Fr, "") => format!(
            "Valeur absente de la liste de référence : `{cell}` n'est pas dans `{list}` (première colonne, {count} valeurs). Vérifiez l'orthographe, les espaces et les zéros initiaux, ou ajoutez la valeur à la liste si elle manque."
        ),
        (Lang::Fr, c) => format!(
            "Valeur absente de la liste de référence : `{cell}` n'est pas dans la colonne `{c}` de `{list}` ({count} valeurs). Vérifiez l'orthographe, les espaces et les zéros initiaux, ou ajoutez la valeur à la liste si elle manque."
        ),
        (Lang::En, "") => format!(
            "Value not in the reference list: `{cell}` is not in `{list}` (first column, {count} values). Check the spelling, spaces and leading zeros, or add the value to the list if it is missing."
        ),
        (Lang::En, c) => format!(
            "Value not in the reference list: `{cell}` is not in column `{c}` of `{list}` ({count} values). Check the spelling, spaces and leading zeros, or add the value to the list if it is missing."
        ),
    }
}

pub(super) fn render(d: &Diagnostic, lang: Lang) -> String {
    let cell = d.cell.as_deref().unwrap_or("");
    let check = param(d, "check");
    // `checks::lookup::NAME`, written out: the report layer does not depend on the checks.
    if check == "reference-list-value" {
        return lookup_message(d, cell, lang);
    }
    let (expected_fr, expected_en) = expected(check);
    let (source_fr, source_en) = source(check, param(d, "vintage"));
    let hint = hint(d, lang);
    match lang {
        Lang::Fr => format!(
            "Valeur absente du référentiel : `{cell}` n'est pas {expected_fr} d'après {source_fr}.{hint}"
        ),
        Lang::En => format!(
            "Value not in the official list: `{cell}` is not {expected_en} according to {source_en}.{hint}"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::ErrorCode;

    fn diagnostic(params: &[(&'static str, &str)]) -> Diagnostic {
        let mut d = Diagnostic::new(ErrorCode::CustomCheckError).with_cell("75001");
        for (k, v) in params {
            d = d.with_param(*k, *v);
        }
        d
    }

    #[test]
    fn messages_say_what_was_expected_and_what_the_value_is() {
        let d = diagnostic(&[
            ("check", "code-commune-insee"),
            ("vintage", "2024"),
            ("hint_kind", "postcode"),
        ]);
        let fr = render(&d, Lang::Fr);
        assert!(fr.contains("Code officiel géographique 2024"), "{fr}");
        assert!(fr.contains("C'est un code postal"), "{fr}");
        let en = render(&d, Lang::En);
        assert!(en.contains("This is a postcode"), "{en}");

        let d = diagnostic(&[
            ("check", "code-commune-insee"),
            ("vintage", "2024"),
            ("hint_kind", "other-vintage"),
            ("vintages", "2023"),
        ]);
        assert!(render(&d, Lang::Fr).contains("`\"cog\": \"2023\"`"));
        assert!(render(&d, Lang::En).contains("merged"));

        let d = diagnostic(&[("check", "code-postal"), ("hint_kind", "commune-code")]);
        assert!(render(&d, Lang::Fr).contains("La Poste"));
        assert!(render(&d, Lang::En).contains("not a postcode"));
    }
}
