use super::super::testing::{d, dt, t};
use super::super::{DateTime, MIDNIGHT};
use super::*;

/// (format, input, expected datetime or None for an error)
#[allow(clippy::type_complexity)]
fn strptime_cases() -> Vec<(&'static str, &'static str, Option<DateTime>)> {
    let midnight = MIDNIGHT;
    let day = |y, m, dd| Some(dt(d(y, m, dd), midnight));
    vec![
        // %Y: exactly 4 digits; alone gives January 1st.
        ("%Y", "2020", day(2020, 1, 1)),
        ("%Y", "202", None),
        ("%Y", "20201", None),
        ("%Y", "0000", None), // year 0 is out of range in Python
        // %y pivot.
        ("%y", "68", day(2068, 1, 1)),
        ("%y", "69", day(1969, 1, 1)),
        ("%y", "00", day(2000, 1, 1)),
        ("%y", "5", None),
        // %m, %d, one or two digits, leading space for %d.
        ("%d/%m/%Y", "5/1/2020", day(2020, 1, 5)),
        ("%d/%m/%Y", "05/01/2020", day(2020, 1, 5)),
        ("%d/%m/%Y", " 5/1/2020", day(2020, 1, 5)),
        ("%d/%m/%Y", "31/02/2023", None),
        ("%d/%m/%Y", "29/02/2020", day(2020, 2, 29)),
        ("%d/%m/%Y", "29/02/2021", None),
        ("%d/%m/%Y", "29/02/1900", None),
        ("%d/%m/%Y", "29/02/2000", day(2000, 2, 29)),
        ("%d/%m/%Y", "00/01/2020", None),
        ("%d/%m/%Y", "1/13/2020", None),
        ("%d/%m", "29/02", None), // year defaults to 1900, not a leap year
        ("%m", "12", day(1900, 12, 1)),
        // Backtracking and first-match semantics.
        ("%Y%m%d", "2020111", day(2020, 11, 1)),
        ("%Y%m%d", "20201231", day(2020, 12, 31)),
        ("%Y%m%d", "202011", day(2020, 1, 1)),
        ("%Y%m%d", "2020131", day(2020, 1, 31)),
        ("%m%d", "111", day(1900, 11, 1)),
        ("%d", "123", None), // first match "12" leaves "3" over
        ("%H%M", "123", Some(dt(d(1900, 1, 1), t(12, 3, 0, 0, None)))),
        // The date default format.
        ("%Y-%m-%d", "2023-12-31T00:00:00", None),
        ("%Y-%m-%d", " 2023-12-31", None),
        ("%Y-%m-%d", "2023-12-31 ", None),
        // Case-insensitive literals, whitespace runs.
        (
            "%Y-%m-%dT%H",
            "2023-12-31t05",
            Some(dt(d(2023, 12, 31), t(5, 0, 0, 0, None))),
        ),
        ("%Y %m", "2020 \t 3", day(2020, 3, 1)),
        ("%Y %m", "20203", None),
        (" %Y", "  2020", day(2020, 1, 1)),
        ("%Y\t%m", "2020 3", day(2020, 3, 1)),
        ("%%%Y", "%2020", day(2020, 1, 1)),
        // %j
        ("%Y %j", "2020 366", day(2020, 12, 31)),
        ("%Y %j", "2021 366", day(2022, 1, 1)), // CPython rolls over silently
        ("%Y %j", "2021 060", day(2021, 3, 1)),
        ("%Y %j", "2020 60", day(2020, 2, 29)),
        ("%Y %j", "2020 367", None),
        ("%Y %j", "2020 000", None),
        ("%Y %j %m", "2020 32 12", day(2020, 2, 1)), // %m ignored with %j
        ("%j", "1", day(1900, 1, 1)),
        // Names.
        ("%d %b %Y", "5 JAN 2020", day(2020, 1, 5)),
        ("%d %b %Y", "5 January 2020", None),
        ("%d %B %Y", "5 january 2020", day(2020, 1, 5)),
        ("%d %B %Y", "5 Jan 2020", None),
        ("%d %h %Y", "5 sep 2020", day(2020, 9, 5)),
        ("%a %d/%m/%Y", "Sun 05/01/2020", day(2020, 1, 5)),
        ("%a %d/%m/%Y", "Mon 05/01/2020", day(2020, 1, 5)), // weekday not checked
        ("%A %d/%m/%Y", "wednesday 05/01/2020", day(2020, 1, 5)),
        ("%A %d/%m/%Y", "wed 05/01/2020", None),
        // Time directives.
        (
            "%H:%M:%S",
            "23:59:59",
            Some(dt(d(1900, 1, 1), t(23, 59, 59, 0, None))),
        ),
        ("%H:%M:%S", "24:00:00", None),
        (
            "%H:%M:%S",
            "1:2:3",
            Some(dt(d(1900, 1, 1), t(1, 2, 3, 0, None))),
        ),
        ("%H:%M:%S", "12:60:00", None),
        ("%H:%M:%S", "12:00:60", None), // the regex allows 60, datetime does not
        ("%H:%M:%S", "12:00:61", None),
        (
            "%I:%M %p",
            "12:30 AM",
            Some(dt(d(1900, 1, 1), t(0, 30, 0, 0, None))),
        ),
        (
            "%I:%M %p",
            "12:30 pm",
            Some(dt(d(1900, 1, 1), t(12, 30, 0, 0, None))),
        ),
        (
            "%I:%M %p",
            "1:30 PM",
            Some(dt(d(1900, 1, 1), t(13, 30, 0, 0, None))),
        ),
        ("%I:%M %p", "13:30 PM", None),
        ("%I:%M %p", "0:30 AM", None),
        ("%I", "12", Some(dt(d(1900, 1, 1), t(0, 0, 0, 0, None)))),
        (
            "%p %I",
            "PM 3",
            Some(dt(d(1900, 1, 1), t(15, 0, 0, 0, None))),
        ),
        (
            "%H %p",
            "3 PM",
            Some(dt(d(1900, 1, 1), t(3, 0, 0, 0, None))),
        ), // %p needs %I
        (
            "%S.%f",
            "01.5",
            Some(dt(d(1900, 1, 1), t(0, 0, 1, 500_000_000, None))),
        ),
        (
            "%S.%f",
            "01.000123",
            Some(dt(d(1900, 1, 1), t(0, 0, 1, 123_000, None))),
        ),
        ("%S.%f", "01.1234567", None),
        (
            "%f%S",
            "1234567",
            Some(dt(d(1900, 1, 1), t(0, 0, 7, 123_456_000, None))),
        ),
        // %z and %Z.
        (
            "%H%z",
            "10+0100",
            Some(dt(d(1900, 1, 1), t(10, 0, 0, 0, Some(3600)))),
        ),
        (
            "%H%z",
            "10-01:30",
            Some(dt(d(1900, 1, 1), t(10, 0, 0, 0, Some(-5400)))),
        ),
        (
            "%H%z",
            "10Z",
            Some(dt(d(1900, 1, 1), t(10, 0, 0, 0, Some(0)))),
        ),
        ("%H%z", "10z", None),
        ("%H%z", "10+01", None),
        (
            "%H%z",
            "10+010203",
            Some(dt(d(1900, 1, 1), t(10, 0, 0, 0, Some(3723)))),
        ),
        (
            "%H%z",
            "10+01:02:03.5",
            Some(dt(d(1900, 1, 1), t(10, 0, 0, 0, Some(3723)))),
        ),
        ("%H%z", "10+01:0203", None),
        ("%H%z", "10+0102:03", None),
        ("%H%z", "10+2400", None),
        (
            "%H%z",
            "10+2359",
            Some(dt(d(1900, 1, 1), t(10, 0, 0, 0, Some(86_340)))),
        ),
        (
            "%H %Z",
            "10 UTC",
            Some(dt(d(1900, 1, 1), t(10, 0, 0, 0, None))),
        ),
        (
            "%H %Z",
            "10 gmt",
            Some(dt(d(1900, 1, 1), t(10, 0, 0, 0, None))),
        ),
        ("%H %Z", "10 CET", None),
        // Locale directives (C locale).
        ("%x", "01/05/20", day(2020, 1, 5)),
        (
            "%X",
            "10:11:12",
            Some(dt(d(1900, 1, 1), t(10, 11, 12, 0, None))),
        ),
        (
            "%c",
            "Sun Jan  5 10:11:12 2020",
            Some(dt(d(2020, 1, 5), t(10, 11, 12, 0, None))),
        ),
        // Later directive wins.
        ("%Y %y", "2020 99", day(1999, 1, 1)),
        (
            "%H %I",
            "15 3",
            Some(dt(d(1900, 1, 1), t(3, 0, 0, 0, None))),
        ),
        // Non-ASCII literal and empty format.
        ("%Yé", "2020É", day(2020, 1, 1)),
        ("", "", day(1900, 1, 1)),
        ("", "x", None),
    ]
}

#[test]
fn strptime_table() {
    for (fmt, input, expected) in strptime_cases() {
        let format = StrptimeFormat::compile(fmt).unwrap_or_else(|e| panic!("{fmt}: {e}"));
        let got = format.parse_datetime(input).ok();
        assert_eq!(got, expected, "format {fmt:?} on {input:?}");
    }
}

#[test]
fn strptime_date_and_time_views() {
    let format = StrptimeFormat::compile("%Y-%m-%d %H:%M%z").unwrap();
    assert_eq!(
        format.parse_date("2020-01-05 10:30+0200"),
        Ok(d(2020, 1, 5))
    );
    assert_eq!(
        format.parse_time("2020-01-05 10:30+0200"),
        Ok(t(10, 30, 0, 0, Some(7200)))
    );
    // Time parts are still validated by parse_date.
    assert!(format.parse_date("2020-01-05 10:30+2500").is_err());
    let date_only = StrptimeFormat::compile("%Y-%m-%d").unwrap();
    assert_eq!(date_only.parse_time("2020-01-05"), Ok(MIDNIGHT));
}

#[test]
fn strptime_compile_errors() {
    for fmt in [
        "%e", "%", "%Y%", "%Y %Y", "%b %h", "%c %d", "% Y", "%U", "%Q", "%-d",
    ] {
        assert!(
            StrptimeFormat::compile(fmt).is_err(),
            "{fmt:?} should not compile"
        );
    }
    assert!(StrptimeFormat::compile(&"a".repeat(2000)).is_err());
}

#[test]
fn strptime_has_date_has_time() {
    let cases = [
        ("%Y-%m-%d", true, false),
        ("%H:%M:%S", false, true),
        ("%d/%m/%Y %I %p", true, true),
        ("%z", false, false),
        ("%j", true, false),
        ("%c", true, true),
        ("%f", false, true),
    ];
    for (fmt, has_date, has_time) in cases {
        let format = StrptimeFormat::compile(fmt).unwrap();
        assert_eq!(
            (format.has_date(), format.has_time()),
            (has_date, has_time),
            "{fmt}"
        );
    }
}
