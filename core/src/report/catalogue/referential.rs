//! The official French lists (`custom-check-error`): what each check expects, the list and
//! vintage the value was looked up in, what the value probably is; and the schema's own
//! reference lists (`reference-list-value`).

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
    Entry {
        key: "custom-check-error",
        fr: "Valeur absente du référentiel : `{cell}` n'est pas {expected} d'après {source}.{hint}",
        en: "Value not in the official list: `{cell}` is not {expected} according to {source}.{hint}",
    },
    // What each check expects, with an example.
    Entry {
        key: "custom-check-error.expected.code-commune-insee",
        fr: "un code commune INSEE (5 caractères : `75056` pour Paris, `2A004` pour Ajaccio, `75101` pour Paris 1er arrondissement)",
        en: "an INSEE commune code (5 characters: `75056` for Paris, `2A004` for Ajaccio, `75101` for the 1st arrondissement of Paris)",
    },
    Entry {
        key: "custom-check-error.expected.numero-departement",
        fr: "un numéro de département (`01` à `95` avec le zéro initial, `2A`, `2B`, `971` à `976`, ou une collectivité d'outre-mer)",
        en: "a département number (`01` to `95` with the leading zero, `2A`, `2B`, `971` to `976`, or an overseas collectivity)",
    },
    Entry {
        key: "custom-check-error.expected.departement",
        fr: "un nom de département écrit comme l'INSEE (`Côte-d'Or`, `Corse-du-Sud`)",
        en: "a département name spelt as INSEE does (`Côte-d'Or`, `Corse-du-Sud`)",
    },
    Entry {
        key: "custom-check-error.expected.code-region",
        fr: "un code région sur deux chiffres (`11` pour l'Île-de-France, `94` pour la Corse)",
        en: "a two-digit région code (`11` for Île-de-France, `94` for Corsica)",
    },
    Entry {
        key: "custom-check-error.expected.region",
        fr: "un nom de région écrit comme l'INSEE (`Île-de-France`, `Provence-Alpes-Côte d'Azur`)",
        en: "a région name spelt as INSEE does (`Île-de-France`, `Provence-Alpes-Côte d'Azur`)",
    },
    Entry {
        key: "custom-check-error.expected.commune",
        fr: "un nom de commune écrit comme l'INSEE, majuscules, accents et tirets compris (`Saint-Étienne`)",
        en: "a commune name spelt as INSEE does, capitals, accents and hyphens included (`Saint-Étienne`)",
    },
    Entry {
        key: "custom-check-error.expected.canton",
        fr: "un nom de canton écrit comme l'INSEE (`Bourg-en-Bresse-1`)",
        en: "a canton name spelt as INSEE does (`Bourg-en-Bresse-1`)",
    },
    Entry {
        key: "custom-check-error.expected.pays",
        fr: "un nom de pays écrit comme l'INSEE (`Allemagne`, `Royaume-Uni`)",
        en: "a country name spelt as INSEE does, in French (`Allemagne`, `Royaume-Uni`)",
    },
    Entry {
        key: "custom-check-error.expected.code-pays-iso2",
        fr: "un code pays ISO 3166 de deux lettres majuscules (`FR`, `DE`)",
        en: "an ISO 3166 country code of two capital letters (`FR`, `DE`)",
    },
    Entry {
        key: "custom-check-error.expected.code-pays-iso3",
        fr: "un code pays ISO 3166 de trois lettres majuscules (`FRA`, `DEU`)",
        en: "an ISO 3166 country code of three capital letters (`FRA`, `DEU`)",
    },
    Entry {
        key: "custom-check-error.expected.code-postal",
        fr: "un code postal en service (5 chiffres, `75001`)",
        en: "a postcode in use (5 digits, `75001`)",
    },
    Entry {
        key: "custom-check-error.expected.code-fantoir",
        fr: "un code FANTOIR (quatre caractères connus puis une lettre majuscule, `0001A`)",
        en: "a FANTOIR code (four known characters then a capital letter, `0001A`)",
    },
    Entry {
        key: "custom-check-error.expected.other",
        fr: "une valeur de la liste officielle",
        en: "a value of the official list",
    },
    // The list the value was looked up in.
    Entry {
        key: "custom-check-error.source.code-postal",
        fr: "la base officielle des codes postaux de La Poste",
        en: "La Poste's official postcode base",
    },
    Entry {
        key: "custom-check-error.source.code-fantoir",
        fr: "le fichier FANTOIR de la DGFiP",
        en: "the DGFiP's FANTOIR file",
    },
    Entry {
        key: "custom-check-error.source.cog",
        fr: "le Code officiel géographique de l'INSEE",
        en: "INSEE's Code officiel géographique",
    },
    Entry {
        key: "custom-check-error.source.cog-vintage",
        fr: "le Code officiel géographique {vintage} de l'INSEE",
        en: "INSEE's Code officiel géographique, {vintage} vintage",
    },
    // What the value probably is (`hint_kind`).
    Entry {
        key: "custom-check-error.hint.successor",
        fr: " Ce code désigne une commune qui n'existe plus : elle a fusionné dans `{successor}` ({successor_name}), utilisez ce code.",
        en: " This code is a commune that no longer exists: it merged into `{successor}` ({successor_name}); use that code.",
    },
    Entry {
        key: "custom-check-error.hint.other-vintage.successor",
        fr: " Ce code figure dans le COG {vintages} : la commune a depuis fusionné dans `{successor}` ({successor_name}) ; utilisez ce code, ou déclarez `\"cog\": \"{newest}\"` si les données datent de ce millésime.",
        en: " This code is in the {vintages} COG: the commune has since merged into `{successor}` ({successor_name}); use that code, or declare `\"cog\": \"{newest}\"` if the data dates from that vintage.",
    },
    Entry {
        key: "custom-check-error.hint.postcode",
        fr: " C'est un code postal : le code commune INSEE est un autre code (Paris : code commune `75056`, codes postaux `75001` à `75020`) ; la correspondance est dans la base des codes postaux de La Poste.",
        en: " This is a postcode: the INSEE commune code is another code (Paris: commune code `75056`, postcodes `75001` to `75020`); La Poste's postcode base maps one to the other.",
    },
    Entry {
        key: "custom-check-error.hint.commune-code",
        fr: " C'est un code commune INSEE, pas un code postal : les deux diffèrent en général (Paris : code commune `75056`, codes postaux `75001` à `75020`).",
        en: " This is an INSEE commune code, not a postcode: the two usually differ (Paris: commune code `75056`, postcodes `75001` to `75020`).",
    },
    Entry {
        key: "custom-check-error.hint.other-vintage.commune",
        fr: " Ce code figure dans le COG {vintages} : la commune a depuis fusionné, changé de code ou été créée (voir les évènements sur les communes publiés par l'INSEE) ; utilisez le code en vigueur, ou déclarez `\"cog\": \"{newest}\"` si les données datent de ce millésime.",
        en: " This code is in the {vintages} COG: the commune has since merged, changed code or been created (see INSEE's list of commune events); use the current code, or declare `\"cog\": \"{newest}\"` if the data dates from that vintage.",
    },
    Entry {
        key: "custom-check-error.hint.other-vintage",
        fr: " Cette valeur figure dans le COG {vintages} ; déclarez `\"cog\": \"{newest}\"` si les données datent de ce millésime.",
        en: " This value is in the {vintages} COG; declare `\"cog\": \"{newest}\"` if the data dates from that vintage.",
    },
    Entry {
        key: "custom-check-error.hint.spelling",
        fr: " Orthographe officielle : `{closest}`.",
        en: " Official spelling: `{closest}`.",
    },
    // `reference-list-value`: a value missing from the schema's own list.
    Entry {
        key: "custom-check-error.reference-list",
        fr: "Valeur absente de la liste de référence : `{cell}` n'est pas dans `{list}` (première colonne, {count} valeurs). Vérifiez l'orthographe, les espaces et les zéros initiaux, ou ajoutez la valeur à la liste si elle manque.",
        en: "Value not in the reference list: `{cell}` is not in `{list}` (first column, {count} values). Check the spelling, spaces and leading zeros, or add the value to the list if it is missing.",
    },
    Entry {
        key: "custom-check-error.reference-list.column",
        fr: "Valeur absente de la liste de référence : `{cell}` n'est pas dans la colonne `{column}` de `{list}` ({count} valeurs). Vérifiez l'orthographe, les espaces et les zéros initiaux, ou ajoutez la valeur à la liste si elle manque.",
        en: "Value not in the reference list: `{cell}` is not in column `{column}` of `{list}` ({count} values). Check the spelling, spaces and leading zeros, or add the value to the list if it is missing.",
    },
];
