//! Vectors per list and vintage; every verdict here was also given by frformat 0.4.1 (the
//! differential script checks thousands more).

use super::*;

fn check(list: List, cog: &str, table: &[(&str, bool)]) {
    let vintage = list.vintage(cog);
    assert!(
        vintage.is_some() || list.vintages().is_empty(),
        "{list:?} {cog}"
    );
    for (value, want) in table {
        assert_eq!(
            list.contains(value, vintage),
            *want,
            "{} cog {cog}: {value:?}",
            list.name()
        );
    }
}

#[test]
fn every_list_parses_sorted_and_non_empty() {
    for &list in List::ALL {
        let entries = &list.parsed().entries;
        assert!(!entries.is_empty(), "{list:?}");
        assert!(
            entries.windows(2).all(|w| w[0].0 < w[1].0),
            "{list:?} is not strictly sorted: binary search would miss values"
        );
        assert!(entries.iter().all(|(_, mask)| *mask != 0), "{list:?}");
        assert_eq!(List::from_name(list.name()), Some(list));
    }
}

#[test]
fn vintages_and_latest() {
    for list in [List::CodeCommuneInsee, List::Commune, List::CodeRegion] {
        assert_eq!(list.vintages(), ["2023", "2024"]);
        let latest = list.vintage("latest").unwrap();
        assert_eq!(list.vintage_name(latest), "2024");
    }
    assert_eq!(List::Pays.vintages(), ["2024"]);
    assert!(List::Pays.vintage("2023").is_none());
    assert!(List::CodeCommuneInsee.vintage("2022").is_none());
    assert!(List::CodePostal.vintages().is_empty());
}

#[test]
fn commune_codes_per_vintage() {
    let common = [
        ("75056", true), // Paris
        ("75101", true), // Paris arrondissements (PLM)
        ("75120", true),
        ("75121", false),
        ("69381", true), // Lyon 1er
        ("69389", true),
        ("13201", true), // Marseille 1er
        ("13216", true),
        ("2A004", true), // Ajaccio: Corsica keeps its letters
        ("2B033", true),
        ("20004", false), // Corsica was 20 before 1976
        ("2a004", false),
        ("97101", true),   // Guadeloupe
        ("97411", true),   // La Réunion
        ("97608", true),   // Mayotte
        ("97501", false),  // Saint-Pierre-et-Miquelon: a COM, not in the commune list
        ("98735", false),  // Polynésie
        ("75001", false),  // a postcode
        (" 75056", false), // no trimming, as frformat
        ("75056 ", false),
        ("", false),
    ];
    for cog in ["2023", "2024", "latest"] {
        check(List::CodeCommuneInsee, cog, &common);
    }
    // Merged away on 1 January 2024 / created then.
    check(
        List::CodeCommuneInsee,
        "2023",
        &[("01172", true), ("24430", false)],
    );
    check(
        List::CodeCommuneInsee,
        "2024",
        &[("01172", false), ("24430", true)],
    );
    check(
        List::CodeCommuneInsee,
        "latest",
        &[("01172", false), ("24430", true)],
    );
    assert_eq!(List::CodeCommuneInsee.vintages_of("24430"), ["2024"]);
    assert!(List::CodeCommuneInsee.vintages_of("99999").is_empty());
}

#[test]
fn departements_regions_names() {
    let numbers = [
        ("01", true),
        ("1", false),
        ("2A", true),
        ("2a", false),
        ("20", false),
        ("95", true),
        ("96", false),
        ("971", true),
        ("976", true),
        ("975", true),
        ("984", true),
        ("985", false),
    ];
    for cog in ["2023", "2024"] {
        check(List::NumeroDepartement, cog, &numbers);
        check(
            List::CodeRegion,
            cog,
            &[("94", true), ("06", true), ("1", false), ("05", false)],
        );
        check(
            List::Region,
            cog,
            &[
                ("Corse", true),
                ("corse", false),
                ("Île-de-France", true),
                ("Ile-de-France", false),
                ("La Réunion", true),
            ],
        );
        check(
            List::Departement,
            cog,
            &[
                ("Corse-du-Sud", true),
                ("Haute-Corse", true),
                ("Mayotte", true),
            ],
        );
        check(
            List::Commune,
            cog,
            &[("Paris", true), ("paris", false), ("Ajaccio", true)],
        );
    }
    check(List::Canton, "2023", &[("Paris", false), ("Gex", true)]);
    check(List::Canton, "2024", &[("Paris", true), ("Gex", true)]);
}

#[test]
fn countries_postcodes_fantoir() {
    check(
        List::CodePaysIso2,
        "2023",
        &[("FR", true), ("AI", true), ("AQ", false), ("fr", false)],
    );
    check(
        List::CodePaysIso2,
        "2024",
        &[("FR", true), ("AI", false), ("AQ", true)],
    );
    check(
        List::CodePaysIso3,
        "latest",
        &[("FRA", true), ("DEU", true), ("fra", false)],
    );
    check(
        List::Pays,
        "latest",
        &[
            ("France", true),
            ("Royaume-Uni", true),
            ("allemagne", false),
        ],
    );
    check(
        List::CodePostal,
        "-",
        &[
            ("75001", true),
            ("20000", true),
            ("97400", true),
            ("77777", false),
            ("98000", false),
            ("75056", false),
        ],
    );
    for (value, want) in [
        ("0001A", true),
        ("ZB19Z", true),
        ("0001a", false),
        ("ZB20A", false),
        ("0001AB", false),
        ("000A", false),
        ("0001É", false),
        ("", false),
    ] {
        assert_eq!(is_code_fantoir(value), want, "{value:?}");
    }
}

#[test]
fn embedded_sizes_are_reported() {
    let total: usize = List::ALL.iter().map(|l| l.embedded_bytes()).sum();
    // The manifest's figures: about 900 kB of text in all, the names of communes first.
    assert!(total > 500_000 && total < 2_000_000, "{total}");
    assert!(List::Commune.embedded_bytes() > List::CodePostal.embedded_bytes());
}
