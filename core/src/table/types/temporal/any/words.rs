//! The English words dateutil's default `parserinfo` knows.

/// Words skipped between the parts of a date (`10th of January, 1969 at 9 am`).
const JUMP: &[&str] = &[
    " ", ".", ",", ";", "-", "/", "'", "at", "on", "and", "ad", "m", "t", "of", "st", "nd", "rd",
    "th",
];
const WEEKDAYS: &[&[&str]] = &[
    &["mon", "monday"],
    &["tue", "tuesday"],
    &["wed", "wednesday"],
    &["thu", "thursday"],
    &["fri", "friday"],
    &["sat", "saturday"],
    &["sun", "sunday"],
];
const MONTHS: &[&[&str]] = &[
    &["jan", "january"],
    &["feb", "february"],
    &["mar", "march"],
    &["apr", "april"],
    &["may"],
    &["jun", "june"],
    &["jul", "july"],
    &["aug", "august"],
    &["sep", "sept", "september"],
    &["oct", "october"],
    &["nov", "november"],
    &["dec", "december"],
];
const HMS: &[&[&str]] = &[
    &["h", "hour", "hours"],
    &["m", "minute", "minutes"],
    &["s", "second", "seconds"],
];
const AMPM: &[&[&str]] = &[&["am", "a"], &["pm", "p"]];
/// Zone names that mean UTC, compared as written.
pub(super) const UTC_ZONES: &[&str] = &["UTC", "GMT", "Z", "z"];

/// Index of the group holding `word` (case-insensitive).
fn find(groups: &[&[&str]], word: &str) -> Option<usize> {
    let lower = word.to_lowercase();
    groups.iter().position(|g| g.contains(&lower.as_str()))
}

pub(super) fn is_jump(word: &str) -> bool {
    JUMP.contains(&word.to_lowercase().as_str())
}

pub(super) fn weekday(word: &str) -> Option<usize> {
    find(WEEKDAYS, word)
}

/// Month number, 1-12.
pub(super) fn month(word: &str) -> Option<i64> {
    find(MONTHS, word).map(|i| i as i64 + 1)
}

/// 0 hours, 1 minutes, 2 seconds.
pub(super) fn hms(word: &str) -> Option<usize> {
    find(HMS, word)
}

/// 0 AM, 1 PM.
pub(super) fn ampm(word: &str) -> Option<usize> {
    find(AMPM, word)
}

pub(super) fn is_pertain(word: &str) -> bool {
    word.eq_ignore_ascii_case("of")
}
