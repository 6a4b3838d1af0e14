//! Short constructors for the parsers' test tables.

use super::{Date, DateTime, Time};

pub(super) fn d(year: i32, month: u8, day: u8) -> Date {
    Date { year, month, day }
}

pub(super) fn t(hour: u8, minute: u8, second: u8, nanos: u32, offset_seconds: Option<i32>) -> Time {
    Time {
        hour,
        minute,
        second,
        nanos,
        offset_seconds,
    }
}

pub(super) fn dt(date: Date, time: Time) -> DateTime {
    DateTime { date, time }
}
