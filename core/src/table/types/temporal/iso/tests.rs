use super::super::MIDNIGHT;
use super::super::testing::{d, dt, t};
use super::*;

#[test]
fn iso_date_table() {
    let cases = [
        ("2020-01-05", Some(d(2020, 1, 5))),
        ("2020-1-5", Some(d(2020, 1, 5))),
        ("2020-02-29", Some(d(2020, 2, 29))),
        ("2021-02-29", None),
        ("2023-12-31", Some(d(2023, 12, 31))),
        ("2023-12-31T00:00:00", None),
        (" 2020-01-05", None),
        ("2020-01-05 ", None),
        ("20200105", None),
        ("2020-13-01", None),
        ("2020-00-01", None),
        ("0000-01-01", None),
        ("9999-12-31", Some(d(9999, 12, 31))),
        ("", None),
    ];
    for (input, expected) in cases {
        assert_eq!(parse_iso_date(input).ok(), expected, "{input:?}");
    }
}

#[test]
fn iso_time_table() {
    let cases = [
        ("00:00:00", Some(t(0, 0, 0, 0, None))),
        ("23:59:59", Some(t(23, 59, 59, 0, None))),
        ("23:59:59.123456789", Some(t(23, 59, 59, 123_456_789, None))),
        (
            "23:59:59.1234567891",
            Some(t(23, 59, 59, 123_456_789, None)),
        ),
        ("23:59:59,5", Some(t(23, 59, 59, 500_000_000, None))),
        ("12:00:00.", None),
        ("12:00:00Z", Some(t(12, 0, 0, 0, Some(0)))),
        ("12:00:00z", Some(t(12, 0, 0, 0, Some(0)))),
        ("12:00:00+01:00", Some(t(12, 0, 0, 0, Some(3600)))),
        ("12:00:00-0130", Some(t(12, 0, 0, 0, Some(-5400)))),
        ("12:00:00+05", Some(t(12, 0, 0, 0, Some(18_000)))),
        (
            "12:00:00.5-05",
            Some(t(12, 0, 0, 500_000_000, Some(-18_000))),
        ),
        ("12:00:00+24:00", None),
        ("12:00:00+1", None),
        ("24:00:00", Some(MIDNIGHT)),
        ("24:00:00+01:00", Some(t(0, 0, 0, 0, Some(3600)))),
        ("24:00:00.0000001", Some(MIDNIGHT)),
        ("24:00:00.000001", None),
        ("24:00:01", None),
        ("25:00:00", None),
        ("12:60:00", None),
        ("12:00:60", None),
        ("9:00:00", None),
        ("12:00", None),
        ("12:00Z", None),
        ("120000", None),
        ("12000000", None),
        ("12:0000:", None),
        (" 12:00:00", None),
        ("12:00:00 ", None),
        ("12:00:00é", None),
        ("", None),
    ];
    for (input, expected) in cases {
        assert_eq!(parse_iso_time(input).ok(), expected, "{input:?}");
    }
}

#[test]
fn iso_datetime_table() {
    let cases = [
        ("2023-12-31", Some(dt(d(2023, 12, 31), MIDNIGHT))),
        ("20231231", Some(dt(d(2023, 12, 31), MIDNIGHT))),
        (
            "2023-12-31 23:59:59",
            Some(dt(d(2023, 12, 31), t(23, 59, 59, 0, None))),
        ),
        (
            "2023-12-31T23:59:59",
            Some(dt(d(2023, 12, 31), t(23, 59, 59, 0, None))),
        ),
        (
            "2023-12-31T23:59:59+01:00",
            Some(dt(d(2023, 12, 31), t(23, 59, 59, 0, Some(3600)))),
        ),
        (
            "2023-12-31T23:59:59Z",
            Some(dt(d(2023, 12, 31), t(23, 59, 59, 0, Some(0)))),
        ),
        (
            "2023-12-31T23:59:59z",
            Some(dt(d(2023, 12, 31), t(23, 59, 59, 0, Some(0)))),
        ),
        // RFC 3339 allows a lowercase `t` (dateutil takes it too).
        (
            "2023-12-31t23:59:59z",
            Some(dt(d(2023, 12, 31), t(23, 59, 59, 0, Some(0)))),
        ),
        // dateutil takes any ASCII character there; not a datetime for anyone else.
        ("2023-12-31x23:59:59", None),
        ("2023-12-31_23:59:59", None),
        (
            "2023-12-31T23:59:59.5",
            Some(dt(d(2023, 12, 31), t(23, 59, 59, 500_000_000, None))),
        ),
        (
            "2023-12-31T23:59:59,25",
            Some(dt(d(2023, 12, 31), t(23, 59, 59, 250_000_000, None))),
        ),
        (
            "2023-12-31T23:59:59.1234567891",
            Some(dt(d(2023, 12, 31), t(23, 59, 59, 123_456_789, None))),
        ),
        (
            "2023-12-31T23",
            Some(dt(d(2023, 12, 31), t(23, 0, 0, 0, None))),
        ),
        (
            "2023-12-31T23:30",
            Some(dt(d(2023, 12, 31), t(23, 30, 0, 0, None))),
        ),
        (
            "2023-12-31T2330",
            Some(dt(d(2023, 12, 31), t(23, 30, 0, 0, None))),
        ),
        (
            "2023-12-31T233015",
            Some(dt(d(2023, 12, 31), t(23, 30, 15, 0, None))),
        ),
        (
            "20231231T233015-0500",
            Some(dt(d(2023, 12, 31), t(23, 30, 15, 0, Some(-18_000)))),
        ),
        (
            "2023-12-31T23Z",
            Some(dt(d(2023, 12, 31), t(23, 0, 0, 0, Some(0)))),
        ),
        (
            "2023-12-31T23:30+02",
            Some(dt(d(2023, 12, 31), t(23, 30, 0, 0, Some(7200)))),
        ),
        ("2023-12-31T24:00:00", Some(dt(d(2024, 1, 1), MIDNIGHT))),
        ("2023-12-31T24:00", Some(dt(d(2024, 1, 1), MIDNIGHT))),
        (
            "2023-02-28T24:00:00+01:00",
            Some(dt(d(2023, 3, 1), t(0, 0, 0, 0, Some(3600)))),
        ),
        ("9999-12-31T24:00:00", None),
        ("2023-12-31T24:00:01", None),
        ("2023-12-31T25:00:00", None),
        ("2023-12-31T23:5", None),
        ("2023-12-31T23:30:", None),
        ("2023-12-31T23:3015", None),
        ("2023-12-31T2330:15", None),
        ("2023-12-31T23:30.5", None),
        ("2023-12-31T", None),
        ("2023-12-31  23:00", None),
        ("2023-12-31X23:00", None),
        ("2023-1231", None),
        ("2023-12-31T23:59:60", None),
        ("2023-12-31T23:00+25:00", None),
        ("2021-02-29T00:00:00", None),
        ("0000-01-01T00:00:00", None),
        ("2023-12", None),
        ("", None),
    ];
    for (input, expected) in cases {
        assert_eq!(parse_iso_datetime(input).ok(), expected, "{input:?}");
    }
}

#[test]
fn year_and_yearmonth_tables() {
    let years = [
        ("2020", Some(2020)),
        ("0000", Some(0)),
        ("9999", Some(9999)),
        ("202", None),
        ("20201", None),
        ("+202", None),
        ("-202", None),
        (" 202", None),
        ("２０２０", None),
        ("", None),
    ];
    for (input, expected) in years {
        assert_eq!(parse_year(input).ok(), expected, "{input:?}");
    }
    let yearmonths = [
        ("2020-1", Some((2020, 1))),
        ("2020-01", Some((2020, 1))),
        ("2020-12", Some((2020, 12))),
        ("2020-13", None),
        ("2020-0", None),
        ("2020-00", None),
        ("2020-001", None),
        ("2020", None),
        ("2020-", None),
        ("20-01", None),
        ("2020/01", None),
        ("2020-01-01", None),
    ];
    for (input, expected) in yearmonths {
        assert_eq!(parse_yearmonth(input).ok(), expected, "{input:?}");
    }
}
