//! Messages about how the input was read: CSV syntax problems, spreadsheet conversions,
//! and the hint for numbers a spreadsheet turned into scientific notation.

use super::{Diagnostic, ErrorCode, Lang};

fn param(d: &Diagnostic, key: &str) -> String {
    match d.params.get(key) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => String::new(),
    }
}

/// " (and N other places)" when the problem occurs more than once.
fn others(d: &Diagnostic, lang: Lang) -> String {
    let count = d.params.get("count").and_then(|v| v.as_u64()).unwrap_or(1);
    match (count, lang) {
        (0 | 1, _) => String::new(),
        (n, Lang::Fr) => format!(" (et {} autre(s) endroit(s))", n - 1),
        (n, Lang::En) => format!(" (and {} other place(s))", n - 1),
    }
}

pub(super) fn render(d: &Diagnostic, lang: Lang) -> String {
    let line = d.line.unwrap_or(0);
    let byte = d.byte.unwrap_or(0);
    let more = others(d, lang);
    let count = param(d, "count");
    match (d.code, lang) {
        (ErrorCode::UnclosedQuote, Lang::Fr) => format!(
            "Guillemet jamais refermé : la cellule qui commence ligne {line} (octet {byte}) s'étend jusqu'à la fin du fichier. Ajoutez le guillemet fermant ou retirez le guillemet ouvrant."
        ),
        (ErrorCode::UnclosedQuote, Lang::En) => format!(
            "Unclosed quote: the cell starting on line {line} (byte {byte}) runs to the end of the file. Add the closing quote or remove the opening one."
        ),
        (ErrorCode::StrayQuote, Lang::Fr) => format!(
            "Guillemet isolé ligne {line} (octet {byte}){more} : un guillemet au milieu d'une cellule non entre guillemets, ou du texte juste après un guillemet fermant, est lu tel quel. Mettez la cellule entière entre guillemets et doublez les guillemets intérieurs (`\"\"`)."
        ),
        (ErrorCode::StrayQuote, Lang::En) => format!(
            "Stray quote on line {line} (byte {byte}){more}: a quote inside an unquoted cell, or text right after a closing quote, is read as is. Quote the whole cell and double the quotes inside it (`\"\"`)."
        ),
        (ErrorCode::SpaceAroundQuote, Lang::Fr) => format!(
            "Espaces autour d'une cellule entre guillemets ligne {line} (octet {byte}){more} : les guillemets et les espaces font alors partie de la valeur. Supprimez les espaces entre le séparateur et le guillemet."
        ),
        (ErrorCode::SpaceAroundQuote, Lang::En) => format!(
            "Spaces around a quoted cell on line {line} (byte {byte}){more}: the quotes and spaces then become part of the value. Remove the spaces between the delimiter and the quote."
        ),
        (ErrorCode::MixedLineEndings, Lang::Fr) => format!(
            "Fins de ligne mélangées : le fichier commence par des fins de ligne {}, mais la ligne {line} (octet {byte}) se termine par {}{more}. Réenregistrez le fichier avec un seul type de fin de ligne.",
            param(d, "first"),
            param(d, "other")
        ),
        (ErrorCode::MixedLineEndings, Lang::En) => format!(
            "Mixed line endings: the file starts with {} line endings, but line {line} (byte {byte}) ends with {}{more}. Save the file again with one kind of line ending.",
            param(d, "first"),
            param(d, "other")
        ),
        (ErrorCode::TrailingEmptyColumns, Lang::Fr) => format!(
            "L'en-tête se termine par {count} colonne(s) vide(s) (`;;;;`), typique d'un export de tableur où des colonnes vides ont été sélectionnées. Supprimez ces colonnes dans le tableur avant d'exporter."
        ),
        (ErrorCode::TrailingEmptyColumns, Lang::En) => format!(
            "The header ends with {count} empty column(s) (`;;;;`), typical of a spreadsheet export that included empty columns. Delete those columns in the spreadsheet before exporting."
        ),
        (ErrorCode::BlankRowsAtEnd, Lang::Fr) => format!(
            "Le fichier se termine par {count} ligne(s) vide(s) à partir de la ligne {}, typique d'un export de tableur. Supprimez ces lignes.",
            param(d, "first_row")
        ),
        (ErrorCode::BlankRowsAtEnd, Lang::En) => format!(
            "The file ends with {count} blank row(s) from row {} on, typical of a spreadsheet export. Delete those rows.",
            param(d, "first_row")
        ),
        (ErrorCode::NoDataRows, Lang::Fr) => {
            "Le fichier ne contient que l'en-tête : aucune ligne de données n'a été vérifiée."
                .into()
        }
        (ErrorCode::NoDataRows, Lang::En) => {
            "The file holds only the header: no data row was checked.".into()
        }
        (ErrorCode::DuplicateKey, Lang::Fr) => format!(
            "Clé « {} » donnée deux fois dans le même objet JSON, ligne {line}, colonne {}{more} : seule la dernière valeur est lue et vérifiée, la première est ignorée sans avertissement par les lecteurs JSON. Supprimez ou renommez l'une des deux.",
            param(d, "key"),
            param(d, "column")
        ),
        (ErrorCode::DuplicateKey, Lang::En) => format!(
            "Key \"{}\" given twice in the same JSON object, on line {line}, column {}{more}: only the last value is read and checked, the first is dropped without a word by JSON readers. Remove or rename one of them.",
            param(d, "key"),
            param(d, "column")
        ),
        (ErrorCode::SpreadsheetConversion, lang) => conversion(d, lang),
        _ => String::new(),
    }
}

fn conversion(d: &Diagnostic, lang: Lang) -> String {
    let field = d.field_name.as_deref().unwrap_or("");
    let count = param(d, "count");
    let from = param(d, "from");
    let to = param(d, "to");
    let line = d.line.unwrap_or(0);
    match (d.param_str("kind").unwrap_or(""), lang) {
        ("number-as-text", Lang::Fr) => format!(
            "Colonne `{field}` : {count} cellule(s) étaient des nombres dans le tableur et ont été converties en texte (ligne {line} : {from} → `{to}`). Un nombre perd ses zéros initiaux (code postal 01000 → 1000) et ses chiffres au-delà de 15 : mettez la colonne au format Texte dans le tableur."
        ),
        ("number-as-text", Lang::En) => format!(
            "Column `{field}`: {count} cell(s) were numbers in the spreadsheet and were converted to text (line {line}: {from} → `{to}`). A number loses its leading zeros (postcode 01000 → 1000) and any digit past the 15th: format the column as Text in the spreadsheet."
        ),
        ("date-serial", Lang::Fr) => format!(
            "Colonne `{field}` : {count} cellule(s) contenaient un numéro de série de date Excel, converti en date (ligne {line} : {from} → `{to}`). Appliquez un format de date à la colonne dans le tableur."
        ),
        ("date-serial", Lang::En) => format!(
            "Column `{field}`: {count} cell(s) held an Excel date serial number, converted to a date (line {line}: {from} → `{to}`). Give the column a date format in the spreadsheet."
        ),
        ("date-as-text", Lang::Fr) => format!(
            "Colonne `{field}` : {count} cellule(s) étaient des dates dans le tableur et ont été écrites au format ISO (ligne {line} : `{to}`)."
        ),
        ("date-as-text", Lang::En) => format!(
            "Column `{field}`: {count} cell(s) were dates in the spreadsheet and were written in ISO form (line {line}: `{to}`)."
        ),
        (_, Lang::Fr) => format!(
            "Colonne `{field}` : {count} cellule(s) converties depuis le tableur (ligne {line} : {from} → `{to}`)."
        ),
        (_, Lang::En) => format!(
            "Column `{field}`: {count} cell(s) converted from the spreadsheet (line {line}: {from} → `{to}`)."
        ),
    }
}

/// Extra sentence appended to any diagnostic whose cell looks like a number a spreadsheet
/// showed in scientific notation (`2,10104E+13`): its digits are gone for good.
pub(super) fn suffix(d: &Diagnostic, lang: Lang) -> String {
    if d.params.get("scientific").and_then(|v| v.as_bool()) != Some(true) {
        return String::new();
    }
    match lang {
        Lang::Fr => " Cette valeur est un nombre affiché en notation scientifique par un tableur (un SIRET `21010400000013` devient `2,10104E+13`) : les chiffres perdus ne peuvent pas être retrouvés depuis ce fichier. Mettez la colonne au format Texte dans le tableur et ressaisissez ou réimportez les valeurs d'origine.".into(),
        Lang::En => " This value is a number a spreadsheet displayed in scientific notation (a SIRET `21010400000013` becomes `2,10104E+13`): the lost digits cannot be recovered from this file. Format the column as Text in the spreadsheet and re-enter or re-import the original values.".into(),
    }
}
