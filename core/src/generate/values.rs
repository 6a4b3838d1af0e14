//! Realistic French values per type and format, and SIRET/SIREN numbers with valid keys.

use super::rng::Rng;
use crate::table::types::temporal::Date;

pub(crate) const WORDS: &[&str] = &[
    "mairie",
    "école",
    "parc",
    "gare",
    "marché",
    "piscine",
    "bibliothèque",
    "stade",
    "musée",
    "place",
    "centre",
    "quartier",
    "jardin",
    "halle",
    "médiathèque",
    "crèche",
    "salle",
    "port",
    "église",
    "pont",
];
pub(crate) const FIRST_NAMES: &[&str] = &[
    "marie", "jean", "camille", "lucas", "léa", "hugo", "chloé", "louis", "emma", "nathan",
];
pub(crate) const LAST_NAMES: &[&str] = &[
    "martin", "bernard", "dubois", "thomas", "robert", "richard", "petit", "durand", "leroy",
    "moreau",
];
pub(crate) const TOWNS: &[(&str, &str, &str)] = &[
    ("Paris", "75056", "75001"),
    ("Lyon", "69123", "69001"),
    ("Marseille", "13055", "13001"),
    ("Toulouse", "31555", "31000"),
    ("Nantes", "44109", "44000"),
    ("Strasbourg", "67482", "67000"),
    ("Rennes", "35238", "35000"),
    ("Grenoble", "38185", "38000"),
    ("Ajaccio", "2A004", "20000"),
    ("Besançon", "25056", "25000"),
];

/// Digits with a valid Luhn key (SIREN: 9 digits, SIRET: 14).
pub(crate) fn luhn_number(rng: &mut Rng, len: usize) -> String {
    let mut digits: Vec<u32> = (0..len - 1).map(|_| rng.below(10) as u32).collect();
    digits[0] = 1 + rng.below(9) as u32;
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 0 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    digits.push((10 - sum % 10) % 10);
    digits.iter().map(|d| char::from(b'0' + *d as u8)).collect()
}

pub(crate) fn email(rng: &mut Rng) -> String {
    format!(
        "{}.{}@{}.fr",
        rng.pick(FIRST_NAMES),
        rng.pick(LAST_NAMES),
        ["mairie-exemple", "ville", "agglo", "departement"][rng.below(4) as usize]
    )
    .replace(['é', 'è'], "e")
}

pub(crate) fn uri(rng: &mut Rng) -> String {
    format!(
        "https://www.{}.fr/{}/{}",
        ["ville-exemple", "data-collectivite", "agglo"][rng.below(3) as usize],
        rng.pick(WORDS).replace(['é', 'è', 'ç'], "e"),
        rng.below(10_000)
    )
}

pub(crate) fn uuid(rng: &mut Rng) -> String {
    let hex = format!("{:016x}{:016x}", rng.next_u64(), rng.next_u64());
    format!(
        "{}-{}-4{}-a{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

pub(crate) fn text(rng: &mut Rng, name: &str) -> String {
    let n = name.to_lowercase();
    if n.contains("mail") || n.contains("courriel") {
        email(rng)
    } else if n.contains("tel") || n.contains("phone") {
        format!(
            "0{} {:02} {:02} {:02} {:02}",
            1 + rng.below(5),
            rng.below(100),
            rng.below(100),
            rng.below(100),
            rng.below(100)
        )
    } else if n.contains("commune") || n.contains("ville") {
        rng.pick(TOWNS).0.to_owned()
    } else if n.contains("adresse") {
        format!(
            "{} rue de la {} {} {}",
            1 + rng.below(120),
            rng.pick(WORDS),
            rng.pick(TOWNS).2,
            rng.pick(TOWNS).0
        )
    } else if n.contains("nom") || n.contains("name") {
        let (place, person): (&&str, &&str) = (rng.pick(WORDS), rng.pick(LAST_NAMES));
        format!("{} {}", capitalize(place), capitalize(person))
    } else {
        let n = 1 + rng.below(4);
        (0..n)
            .map(|_| *rng.pick(WORDS))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A date between `lo` and `hi` (inclusive), as days since 0000-03-01 arithmetic.
pub(crate) fn date_between(rng: &mut Rng, lo: Date, hi: Date) -> Date {
    let (a, b) = (days(lo), days(hi));
    from_days(rng.range_i64(a, b.max(a)))
}

fn days(d: Date) -> i64 {
    let (y, m) = if d.month <= 2 {
        (i64::from(d.year) - 1, i64::from(d.month) + 9)
    } else {
        (i64::from(d.year), i64::from(d.month) - 3)
    };
    365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + i64::from(d.day) - 1
}

fn from_days(g: i64) -> Date {
    let mut y = (10000 * g + 14780) / 3652425;
    let mut ddd = g - (365 * y + y / 4 - y / 100 + y / 400);
    if ddd < 0 {
        y -= 1;
        ddd = g - (365 * y + y / 4 - y / 100 + y / 400);
    }
    let mi = (100 * ddd + 52) / 3060;
    let mm = (mi + 2) % 12 + 1;
    let y = y + (mi + 2) / 12;
    let dd = ddd - (mi * 306 + 5) / 10 + 1;
    Date {
        year: y as i32,
        month: mm as u8,
        day: dd as u8,
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Renders a date and time with a strptime format (the directives the parser knows).
pub(crate) fn strftime(format: &str, d: Date, h: u8, mi: u8, s: u8) -> String {
    let mut out = String::new();
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('Y') => out.push_str(&format!("{:04}", d.year)),
            Some('y') => out.push_str(&format!("{:02}", d.year % 100)),
            Some('m') => out.push_str(&format!("{:02}", d.month)),
            Some('d') => out.push_str(&format!("{:02}", d.day)),
            Some('H') => out.push_str(&format!("{h:02}")),
            Some('I') => out.push_str(&format!(
                "{:02}",
                if h.is_multiple_of(12) { 12 } else { h % 12 }
            )),
            Some('p') => out.push_str(if h < 12 { "AM" } else { "PM" }),
            Some('M') => out.push_str(&format!("{mi:02}")),
            Some('S') => out.push_str(&format!("{s:02}")),
            Some('f') => out.push_str("000000"),
            Some('z') => out.push_str("+0100"),
            Some('Z') => out.push_str("UTC"),
            Some('j') => out.push_str(&format!(
                "{:03}",
                days(d)
                    - days(Date {
                        year: d.year,
                        month: 1,
                        day: 1
                    })
                    + 1
            )),
            Some('b') | Some('h') => out.push_str(&MONTHS[usize::from(d.month) - 1][..3]),
            Some('B') => out.push_str(MONTHS[usize::from(d.month) - 1]),
            Some('%') => out.push('%'),
            Some(other) => {
                out.push('%');
                out.push(other);
            }
            None => out.push('%'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_keys_are_valid() {
        let mut rng = Rng::new(1);
        for len in [9, 14] {
            for _ in 0..100 {
                let n = luhn_number(&mut rng, len);
                let sum: u32 = n
                    .chars()
                    .rev()
                    .enumerate()
                    .map(|(i, c)| {
                        let d = c.to_digit(10).unwrap();
                        if i % 2 == 1 {
                            let x = d * 2;
                            if x > 9 { x - 9 } else { x }
                        } else {
                            d
                        }
                    })
                    .sum();
                assert_eq!(sum % 10, 0, "{n}");
                assert_eq!(n.len(), len);
            }
        }
    }

    #[test]
    fn day_arithmetic_round_trips() {
        for d in [
            Date {
                year: 2020,
                month: 2,
                day: 29,
            },
            Date {
                year: 1999,
                month: 12,
                day: 31,
            },
            Date {
                year: 2024,
                month: 3,
                day: 1,
            },
        ] {
            assert_eq!(from_days(days(d)), d);
        }
        assert_eq!(
            strftime(
                "%d/%m/%Y %H:%M",
                Date {
                    year: 2024,
                    month: 3,
                    day: 9
                },
                14,
                5,
                0
            ),
            "09/03/2024 14:05"
        );
    }
}
