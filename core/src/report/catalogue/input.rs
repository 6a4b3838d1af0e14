//! The input as read: its encoding and delimiter, an empty file, CSV syntax problems,
//! spreadsheet leftovers and conversions, JSON keys given twice.

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
    Entry {
        key: "encoding",
        fr: "Le fichier n'est pas encodé en UTF-8 : il a été lu comme {encoding} (premier caractère non UTF-8 à la ligne {line}, octet {byte}). Réenregistrez-le en « CSV UTF-8 » pour éviter les erreurs d'accents (ou convertissez-le : `iconv -f {encoding} -t utf-8 fichier.csv > fichier-utf8.csv`).",
        en: "The file is not UTF-8: it was read as {encoding} (first non-UTF-8 character on line {line}, byte {byte}). Save it again as \"CSV UTF-8\" to avoid broken accents (or convert it: `iconv -f {encoding} -t utf-8 file.csv > file-utf8.csv`).",
    },
    Entry {
        key: "dialect",
        fr: "Séparateur détecté : `{delimiter}` (le séparateur standard est la virgule).",
        en: "Detected delimiter: `{delimiter}` (the standard delimiter is the comma).",
    },
    Entry {
        key: "source-error",
        fr: "Le fichier est vide : il n'a ni en-tête ni ligne à vérifier (0 octet, une marque d'ordre des octets (BOM) seule, ou des lignes vides seulement). Exportez de nouveau le tableau, avec sa ligne d'en-tête.",
        en: "The file is empty: it has no header and no row to check (0 bytes, a byte-order mark alone, or blank lines only). Export the table again, with its header row.",
    },
    Entry {
        key: "unclosed-quote",
        fr: "Guillemet jamais refermé : la cellule qui commence ligne {line} (octet {byte}) s'étend jusqu'à la fin du fichier. Ajoutez le guillemet fermant ou retirez le guillemet ouvrant.",
        en: "Unclosed quote: the cell starting on line {line} (byte {byte}) runs to the end of the file. Add the closing quote or remove the opening one.",
    },
    Entry {
        key: "stray-quote",
        fr: "Guillemet isolé ligne {line} (octet {byte}){others} : un guillemet au milieu d'une cellule non entre guillemets, ou du texte juste après un guillemet fermant, est lu tel quel. Mettez la cellule entière entre guillemets et doublez les guillemets intérieurs (`\"\"`).",
        en: "Stray quote on line {line} (byte {byte}){others}: a quote inside an unquoted cell, or text right after a closing quote, is read as is. Quote the whole cell and double the quotes inside it (`\"\"`).",
    },
    Entry {
        key: "space-around-quote",
        fr: "Espaces autour d'une cellule entre guillemets ligne {line} (octet {byte}){others} : les guillemets et les espaces font alors partie de la valeur. Supprimez les espaces entre le séparateur et le guillemet.",
        en: "Spaces around a quoted cell on line {line} (byte {byte}){others}: the quotes and spaces then become part of the value. Remove the spaces between the delimiter and the quote.",
    },
    Entry {
        key: "mixed-line-endings",
        fr: "Fins de ligne mélangées : le fichier commence par des fins de ligne {first}, mais la ligne {line} (octet {byte}) se termine par {other}{others}. Réenregistrez le fichier avec un seul type de fin de ligne.",
        en: "Mixed line endings: the file starts with {first} line endings, but line {line} (byte {byte}) ends with {other}{others}. Save the file again with one kind of line ending.",
    },
    Entry {
        key: "trailing-empty-columns",
        fr: "L'en-tête se termine par {count} colonne(s) vide(s) (`;;;;`), typique d'un export de tableur où des colonnes vides ont été sélectionnées. Supprimez ces colonnes dans le tableur avant d'exporter.",
        en: "The header ends with {count} empty column(s) (`;;;;`), typical of a spreadsheet export that included empty columns. Delete those columns in the spreadsheet before exporting.",
    },
    Entry {
        key: "blank-rows-at-end",
        fr: "Le fichier se termine par {count} ligne(s) vide(s) à partir de la ligne {first_row}, typique d'un export de tableur. Supprimez ces lignes.",
        en: "The file ends with {count} blank row(s) from row {first_row} on, typical of a spreadsheet export. Delete those rows.",
    },
    Entry {
        key: "no-data-rows",
        fr: "Le fichier ne contient que l'en-tête : aucune ligne de données n'a été vérifiée.",
        en: "The file holds only the header: no data row was checked.",
    },
    Entry {
        key: "duplicate-key",
        fr: "Clé « {key} » donnée deux fois dans le même objet JSON, ligne {line}, colonne {column}{others} : seule la dernière valeur est lue et vérifiée, la première est ignorée sans avertissement par les lecteurs JSON. Supprimez ou renommez l'une des deux.",
        en: "Key \"{key}\" given twice in the same JSON object, on line {line}, column {column}{others}: only the last value is read and checked, the first is dropped without a word by JSON readers. Remove or rename one of them.",
    },
    Entry {
        key: "input.other-places",
        fr: " (et {count} autre(s) endroit(s))",
        en: " (and {count} other place(s))",
    },
    Entry {
        key: "spreadsheet-conversion.number-as-text",
        fr: "Colonne `{field}` : {count} cellule(s) étaient des nombres dans le tableur et ont été converties en texte (ligne {line} : {from} → `{to}`). Un nombre perd ses zéros initiaux (code postal 01000 → 1000) et ses chiffres au-delà de 15 : mettez la colonne au format Texte dans le tableur.",
        en: "Column `{field}`: {count} cell(s) were numbers in the spreadsheet and were converted to text (line {line}: {from} → `{to}`). A number loses its leading zeros (postcode 01000 → 1000) and any digit past the 15th: format the column as Text in the spreadsheet.",
    },
    Entry {
        key: "spreadsheet-conversion.date-serial",
        fr: "Colonne `{field}` : {count} cellule(s) contenaient un numéro de série de date Excel, converti en date (ligne {line} : {from} → `{to}`). Appliquez un format de date à la colonne dans le tableur.",
        en: "Column `{field}`: {count} cell(s) held an Excel date serial number, converted to a date (line {line}: {from} → `{to}`). Give the column a date format in the spreadsheet.",
    },
    Entry {
        key: "spreadsheet-conversion.date-as-text",
        fr: "Colonne `{field}` : {count} cellule(s) étaient des dates dans le tableur et ont été écrites au format ISO (ligne {line} : `{to}`).",
        en: "Column `{field}`: {count} cell(s) were dates in the spreadsheet and were written in ISO form (line {line}: `{to}`).",
    },
    Entry {
        key: "spreadsheet-conversion",
        fr: "Colonne `{field}` : {count} cellule(s) converties depuis le tableur (ligne {line} : {from} → `{to}`).",
        en: "Column `{field}`: {count} cell(s) converted from the spreadsheet (line {line}: {from} → `{to}`).",
    },
    Entry {
        key: "input.scientific-notation",
        fr: " Cette valeur est un nombre affiché en notation scientifique par un tableur (un SIRET `21010400000013` devient `2,10104E+13`) : les chiffres perdus ne peuvent pas être retrouvés depuis ce fichier. Mettez la colonne au format Texte dans le tableur et ressaisissez ou réimportez les valeurs d'origine.",
        en: " This value is a number a spreadsheet displayed in scientific notation (a SIRET `21010400000013` becomes `2,10104E+13`): the lost digits cannot be recovered from this file. Format the column as Text in the spreadsheet and re-enter or re-import the original values.",
    },
];
