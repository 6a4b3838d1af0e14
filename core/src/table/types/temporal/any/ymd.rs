//! The year, month and day numbers of a cell, and which is which: dateutil's rules with
//! its defaults (neither day first nor year first), so `01/02/2020` is January 2nd and
//! `13/02/2020` February 13th.

use super::super::calendar::days_in_month;
use super::super::{Result, TemporalError, err};

/// Which part a number was recognised as, when the text said so.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Label {
    Year,
    Month,
}

/// Up to three numbers in the order of the cell, with what is known of each.
#[derive(Default)]
pub(super) struct Ymd {
    values: Vec<i64>,
    year_at: Option<usize>,
    month_at: Option<usize>,
    /// A year written with more than two digits (`0099` is year 99, not 1999).
    pub century_specified: bool,
}

/// A Python `int(text)` of ASCII digits.
pub(super) fn int(text: &str) -> Result<i64> {
    if text.is_empty() || text.len() > 12 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return err("not a whole number");
    }
    text.parse().map_err(|_| TemporalError {
        what: "not a whole number",
    })
}

impl Ymd {
    pub(super) fn len(&self) -> usize {
        self.values.len()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Whether `value` may be the day (dateutil's `could_be_day`).
    pub(super) fn could_be_day(&self, value: f64) -> bool {
        let Some(m) = self.month_at else {
            return (1.0..=31.0).contains(&value);
        };
        let month = self.values[m] as u32;
        // Without a year, a leap year: 29 February may be a day.
        let year = self.year_at.map_or(2000, |y| self.values[y] as i32);
        (1.0..=f64::from(days_in_month(year, month))).contains(&value)
    }

    /// Adds a number written as `text` (its digits decide whether it is a year).
    pub(super) fn push_text(&mut self, text: &str, label: Option<Label>) -> Result<()> {
        let mut label = label;
        if text.len() > 2 && text.bytes().all(|b| b.is_ascii_digit()) {
            self.century_specified = true;
            if label.is_some_and(|l| l != Label::Year) {
                return err("a number of more than two digits can only be a year");
            }
            label = Some(Label::Year);
        }
        self.push(int(text)?, label)
    }

    /// Adds a number read as a value (above 100, it is a year).
    pub(super) fn push_value(&mut self, value: f64, label: Option<Label>) -> Result<()> {
        let mut label = label;
        if value > 100.0 {
            self.century_specified = true;
            if label.is_some_and(|l| l != Label::Year) {
                return err("a number above 100 can only be a year");
            }
            label = Some(Label::Year);
        }
        if !(0.0..1e12).contains(&value) {
            return err("number out of range");
        }
        self.push(value.trunc() as i64, label)
    }

    fn push(&mut self, value: i64, label: Option<Label>) -> Result<()> {
        self.values.push(value);
        let at = self.values.len() - 1;
        let slot = match label {
            None => return Ok(()),
            Some(Label::Year) => &mut self.year_at,
            Some(Label::Month) => &mut self.month_at,
        };
        if slot.is_some() {
            return err("the same date part is given twice");
        }
        *slot = Some(at);
        Ok(())
    }

    /// `(year, month, day)`, each `None` when absent (dateutil's `resolve_ymd` with
    /// `dayfirst=False, yearfirst=False`).
    pub(super) fn resolve(&self) -> Result<(Option<i64>, Option<i64>, Option<i64>)> {
        let v = &self.values;
        // dateutil labels years and months only; the day is what is left.
        let known = [self.year_at, self.month_at, None];
        let known_count = known.iter().flatten().count();
        if (known_count > 0 && known_count == v.len()) || (v.len() == 3 && known_count == 2) {
            let mut at = known;
            if v.len() == 3 && known_count == 2 {
                let missing = (0..3).find(|i| !known.contains(&Some(*i)));
                let slot = at.iter_mut().find(|a| a.is_none());
                if let (Some(slot), Some(missing)) = (slot, missing) {
                    *slot = Some(missing);
                }
            }
            let get = |a: Option<usize>| a.map(|i| v[i]);
            return Ok((get(at[0]), get(at[1]), get(at[2])));
        }
        let m = self.month_at;
        Ok(match v.len() {
            0 => (None, None, None),
            n if n > 3 => return err("more than three date numbers"),
            1 => {
                let other = v[0];
                if m.is_some() {
                    (None, Some(other), None)
                } else if other > 31 {
                    (Some(other), None, None)
                } else {
                    (None, None, Some(other))
                }
            }
            2 if m.is_some() => {
                let month_at = m.unwrap_or(0);
                let (month, other) = (v[month_at], v[1 - month_at]);
                if other > 31 {
                    (Some(other), Some(month), None)
                } else {
                    (None, Some(month), Some(other))
                }
            }
            2 => {
                if v[0] > 31 {
                    (Some(v[0]), Some(v[1]), None)
                } else if v[1] > 31 {
                    (Some(v[1]), Some(v[0]), None)
                } else {
                    (None, Some(v[0]), Some(v[1]))
                }
            }
            _ => match m {
                Some(0) => {
                    if v[1] > 31 {
                        (Some(v[1]), Some(v[0]), Some(v[2]))
                    } else {
                        (Some(v[2]), Some(v[0]), Some(v[1]))
                    }
                }
                Some(1) => {
                    if v[0] > 31 {
                        (Some(v[0]), Some(v[1]), Some(v[2]))
                    } else {
                        (Some(v[2]), Some(v[1]), Some(v[0]))
                    }
                }
                Some(_) => {
                    if v[1] > 31 {
                        (Some(v[1]), Some(v[2]), Some(v[0]))
                    } else {
                        (Some(v[0]), Some(v[2]), Some(v[1]))
                    }
                }
                None => {
                    if v[0] > 31 || self.year_at == Some(0) {
                        (Some(v[0]), Some(v[1]), Some(v[2]))
                    } else if v[0] > 12 {
                        (Some(v[2]), Some(v[1]), Some(v[0]))
                    } else {
                        (Some(v[2]), Some(v[0]), Some(v[1]))
                    }
                }
            },
        })
    }
}
