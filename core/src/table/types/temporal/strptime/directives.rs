//! The strptime directives: the field each one captures and the regex CPython matches it
//! with, as data.

/// A field captured by one strptime directive (one named group in CPython's regex).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Field {
    Year4,
    Year2,
    Month,
    MonthFull,
    MonthAbbr,
    Day,
    DayOfYear,
    Hour24,
    Hour12,
    AmPm,
    Minute,
    Second,
    Fraction,
    Offset,
    ZoneName,
    WeekdayFull,
    WeekdayAbbr,
}

pub(super) const FIELD_COUNT: usize = 17;

/// One character class `[lo-hi]` of a directive's regex.
pub(super) type Class = (u8, u8);
/// One alternative of a directive's regex: a fixed sequence of classes.
pub(super) type Alternative = &'static [Class];

pub(super) const DIGIT: Class = (b'0', b'9');

pub(super) const fn one(b: u8) -> Class {
    (b, b)
}

// The regexes of CPython's `_strptime.TimeRE`, alternatives in the same order (the order
// matters: Python takes the first alternative that lets the rest of the format match).
pub(super) const YEAR4: &[Alternative] = &[&[DIGIT; 4]];
pub(super) const YEAR2: &[Alternative] = &[&[DIGIT; 2]];
// 1[0-2]|0[1-9]|[1-9]  (%m and %I)
pub(super) const ONE_TO_TWELVE: &[Alternative] = &[
    &[one(b'1'), (b'0', b'2')],
    &[one(b'0'), (b'1', b'9')],
    &[(b'1', b'9')],
];
// 3[01]|[12]\d|0[1-9]|[1-9]| [1-9]
pub(super) const DAY: &[Alternative] = &[
    &[one(b'3'), (b'0', b'1')],
    &[(b'1', b'2'), DIGIT],
    &[one(b'0'), (b'1', b'9')],
    &[(b'1', b'9')],
    &[one(b' '), (b'1', b'9')],
];
// 36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9]
pub(super) const DAY_OF_YEAR: &[Alternative] = &[
    &[one(b'3'), one(b'6'), (b'0', b'6')],
    &[one(b'3'), (b'0', b'5'), DIGIT],
    &[(b'1', b'2'), DIGIT, DIGIT],
    &[one(b'0'), (b'1', b'9'), DIGIT],
    &[one(b'0'), one(b'0'), (b'1', b'9')],
    &[(b'1', b'9'), DIGIT],
    &[one(b'0'), (b'1', b'9')],
    &[(b'1', b'9')],
];
// 2[0-3]|[0-1]\d|\d
pub(super) const HOUR24: &[Alternative] =
    &[&[one(b'2'), (b'0', b'3')], &[(b'0', b'1'), DIGIT], &[DIGIT]];
// [0-5]\d|\d
pub(super) const MINUTE: &[Alternative] = &[&[(b'0', b'5'), DIGIT], &[DIGIT]];
// 6[0-1]|[0-5]\d|\d
pub(super) const SECOND: &[Alternative] =
    &[&[one(b'6'), (b'0', b'1')], &[(b'0', b'5'), DIGIT], &[DIGIT]];
// [0-9]{1,6}: greedy, so the longest run is tried first.
pub(super) const FRACTION: &[Alternative] = &[
    &[DIGIT; 6],
    &[DIGIT; 5],
    &[DIGIT; 4],
    &[DIGIT; 3],
    &[DIGIT; 2],
    &[DIGIT; 1],
];

// English (C locale) names, as Python's `LocaleTime` lowercases them.
pub(super) const MONTHS_FULL: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
pub(super) const MONTHS_ABBR: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
pub(super) const WEEKDAYS_FULL: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
pub(super) const WEEKDAYS_ABBR: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
pub(super) const AM_PM: &[&str] = &["am", "pm"];
// `%Z` only knows UTC/GMT (plus the local zone in Python, which is UTC on servers).
pub(super) const ZONE_NAMES: &[&str] = &["utc", "gmt"];

/// How a field is recognised in the input.
pub(super) enum Pattern {
    Alternatives(&'static [Alternative]),
    /// Case-insensitive names; none is a prefix of another, so at most one matches.
    Names(&'static [&'static str]),
    /// `%z`, whose regex has nested optional parts.
    Offset,
}

impl Field {
    pub(super) fn from_directive(directive: char) -> Option<Field> {
        Some(match directive {
            'Y' => Field::Year4,
            'y' => Field::Year2,
            'm' => Field::Month,
            'B' => Field::MonthFull,
            'b' | 'h' => Field::MonthAbbr,
            'd' => Field::Day,
            'j' => Field::DayOfYear,
            'H' => Field::Hour24,
            'I' => Field::Hour12,
            'p' => Field::AmPm,
            'M' => Field::Minute,
            'S' => Field::Second,
            'f' => Field::Fraction,
            'z' => Field::Offset,
            'Z' => Field::ZoneName,
            'A' => Field::WeekdayFull,
            'a' => Field::WeekdayAbbr,
            _ => return None,
        })
    }

    pub(super) fn bit(self) -> u32 {
        1 << self as u32
    }

    pub(super) fn pattern(self) -> Pattern {
        match self {
            Field::Year4 => Pattern::Alternatives(YEAR4),
            Field::Year2 => Pattern::Alternatives(YEAR2),
            Field::Month | Field::Hour12 => Pattern::Alternatives(ONE_TO_TWELVE),
            Field::Day => Pattern::Alternatives(DAY),
            Field::DayOfYear => Pattern::Alternatives(DAY_OF_YEAR),
            Field::Hour24 => Pattern::Alternatives(HOUR24),
            Field::Minute => Pattern::Alternatives(MINUTE),
            Field::Second => Pattern::Alternatives(SECOND),
            Field::Fraction => Pattern::Alternatives(FRACTION),
            Field::MonthFull => Pattern::Names(MONTHS_FULL),
            Field::MonthAbbr => Pattern::Names(MONTHS_ABBR),
            Field::WeekdayFull => Pattern::Names(WEEKDAYS_FULL),
            Field::WeekdayAbbr => Pattern::Names(WEEKDAYS_ABBR),
            Field::AmPm => Pattern::Names(AM_PM),
            Field::ZoneName => Pattern::Names(ZONE_NAMES),
            Field::Offset => Pattern::Offset,
        }
    }
}

pub(super) const DATE_FIELDS: u32 = (1 << Field::Year4 as u32)
    | (1 << Field::Year2 as u32)
    | (1 << Field::Month as u32)
    | (1 << Field::MonthFull as u32)
    | (1 << Field::MonthAbbr as u32)
    | (1 << Field::Day as u32)
    | (1 << Field::DayOfYear as u32)
    | (1 << Field::WeekdayFull as u32)
    | (1 << Field::WeekdayAbbr as u32);
pub(super) const TIME_FIELDS: u32 = (1 << Field::Hour24 as u32)
    | (1 << Field::Hour12 as u32)
    | (1 << Field::AmPm as u32)
    | (1 << Field::Minute as u32)
    | (1 << Field::Second as u32)
    | (1 << Field::Fraction as u32);
