from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from media_analytics.corpus import DateParseError, numeric_date_order, parse_date

WIB = timezone(timedelta(hours=7))
WITA = timezone(timedelta(hours=8))
WIT = timezone(timedelta(hours=9))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-10-18", datetime(2024, 10, 18)),
        ("2024-10-18T09:15:00", datetime(2024, 10, 18, 9, 15)),
        ("2024-10-18T09:15:00+07:00", datetime(2024, 10, 18, 9, 15, tzinfo=WIB)),
        ("2024-10-18T02:15:00Z", datetime(2024, 10, 18, 2, 15, tzinfo=timezone.utc)),
        ("2024-10-18 09:15:30.250+0800", datetime(2024, 10, 18, 9, 15, 30, 250000, tzinfo=WITA)),
        ("2024/11/29", datetime(2024, 11, 29)),
        ("Jumat, 18 Oktober 2024", datetime(2024, 10, 18)),
        ("Jumat, 18 Okt 2024 17:46 WIB", datetime(2024, 10, 18, 17, 46, tzinfo=WIB)),
        ("Sabtu, 21 Des 2024 22:30 WIB", datetime(2024, 12, 21, 22, 30, tzinfo=WIB)),
        ("Rabu, 30 Okt 2024 20:58 WIB", datetime(2024, 10, 30, 20, 58, tzinfo=WIB)),
        ("Jumat, 31 Mei  2024 17:01 WIB", datetime(2024, 5, 31, 17, 1, tzinfo=WIB)),
        ("  31   Mei   2024  ", datetime(2024, 5, 31)),
        ("Jum'at, 1 Nop 2024 pukul 08.05 WITA", datetime(2024, 11, 1, 8, 5, tzinfo=WITA)),
        ("Minggu, 3 Agu 2025 06:00 WIT", datetime(2025, 8, 3, 6, 0, tzinfo=WIT)),
        ("18/10/2024", datetime(2024, 10, 18)),
        ("18/10/2024 09:15", datetime(2024, 10, 18, 9, 15)),
        ("18-10-2024", datetime(2024, 10, 18)),
        ("18.10.2024", datetime(2024, 10, 18)),
        ("18 Oktober 2024", datetime(2024, 10, 18)),
        ("8/14/2025 14:42", datetime(2025, 8, 14, 14, 42)),
        ("5/5/2025 9:01", datetime(2025, 5, 5, 9, 1)),
        ("October 18, 2024", datetime(2024, 10, 18)),
        ("Friday, October 18, 2024 9:15 PM", datetime(2024, 10, 18, 21, 15)),
        ("18 Oct 2024 12:00 AM", datetime(2024, 10, 18, 0, 0)),
        ("Sep 16, 2019", datetime(2019, 9, 16)),
        ("Juli 25, 2019", datetime(2019, 7, 25)),
        ("16-Sep-2019", datetime(2019, 9, 16)),
        ("18 Okt 2024 10:00 GMT+7", datetime(2024, 10, 18, 10, tzinfo=WIB)),
        ("18 Okt 2024 10:00 UTC", datetime(2024, 10, 18, 10, tzinfo=timezone.utc)),
        (
            "18 Okt 2024 10:00 -03:30",
            datetime(2024, 10, 18, 10, tzinfo=timezone(-timedelta(hours=3, minutes=30))),
        ),
    ],
)
def test_parses_known_forms(text: str, expected: datetime) -> None:
    parsed = parse_date(text)
    assert parsed == expected
    assert (parsed.tzinfo is None) == (expected.tzinfo is None)
    if expected.tzinfo is not None:
        assert parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    ("text", "offset_hours"),
    [("1 Jan 2025 10:00 WIB", 7), ("1 Jan 2025 10:00 WITA", 8), ("1 Jan 2025 10:00 WIT", 9)],
)
def test_indonesian_zones_have_the_right_offsets(text: str, offset_hours: int) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert parsed.utcoffset() == timedelta(hours=offset_hours)
    assert parsed.astimezone(timezone.utc).hour == 10 - offset_hours


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("05/06/2024", "ambiguous day/month"),
        ("10/7/2025 20:51", "ambiguous day/month"),
        ("Mei  2024", "no day"),
        ("16-Sep-19", "four digits"),
        ("kemarin sore", "unrecognised"),
        ("31/02/2024", "invalid date"),
        ("2024-13-01", "invalid date"),
        ("18/10/2024 25:00", "invalid time"),
        ("32 Okt 2024", "invalid date"),
        ("18 Brumaire 2024", "unknown month"),
        ("13/14/2024", "no month"),
        ("17:46 WIB", "no date"),
        ("18 Okt 2024 10:00 +15:00", "invalid zone offset"),
    ],
)
def test_unparseable_dates_are_reported_not_guessed(text: str, reason: str) -> None:
    with pytest.raises(DateParseError, match=reason):
        parse_date(text)


def test_dayfirst_resolves_numeric_dates_both_ways() -> None:
    assert parse_date("05/06/2024", dayfirst=True) == datetime(2024, 6, 5)
    assert parse_date("05/06/2024", dayfirst=False) == datetime(2024, 5, 6)
    assert parse_date("10/7/2025 20:51", dayfirst=False) == datetime(2025, 10, 7, 20, 51)
    with pytest.raises(DateParseError):  # told month-first, but 14 is no month
        parse_date("14/8/2025 14:42", dayfirst=False)


def test_empty_values_are_no_date_and_objects_pass_through() -> None:
    assert parse_date(None) is None
    assert parse_date("   ") is None
    moment = datetime(2024, 10, 18, 9, tzinfo=WIB)
    assert parse_date(moment) is moment
    assert parse_date(date(2024, 10, 18)) == datetime(2024, 10, 18)
    with pytest.raises(DateParseError, match="expected a date string"):
        parse_date([2024, 10, 18])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # a separator between the date and the time, as several portals write it
        ("Senin, 02 Desember 2024 - 14:05 WIB", "2024-12-02T14:05:00+07:00"),
        ("Senin, 02 Desember 2024 | 14:05 WIB", "2024-12-02T14:05:00+07:00"),
        ("Jum'at, 06 Des 2024 - 09.00 WIB", "2024-12-06T09:00:00+07:00"),
        ("Jum’at, 18 Oktober 2024 17:46 WIB", "2024-10-18T17:46:00+07:00"),  # autocorrected '
        ("Jum‘at, 18 Okt 2024", "2024-10-18T00:00:00"),
        ("JUM`AT, 18 Okt 2024", "2024-10-18T00:00:00"),
        # no space after the weekday's comma
        ("Senin,02 Des 2024 14:05 WIB", "2024-12-02T14:05:00+07:00"),
        # Unix times (UTC): seconds, milliseconds, as numbers or digit strings
        (1733123100, "2024-12-02T07:05:00+00:00"),
        ("1733123100", "2024-12-02T07:05:00+00:00"),
        (1733123100250, "2024-12-02T07:05:00.250000+00:00"),
        (1733123100.5, "2024-12-02T07:05:00.500000+00:00"),
        # compact dates
        ("20241202", "2024-12-02T00:00:00"),
        (20241202, "2024-12-02T00:00:00"),
        # Excel serial dates (a sheet saved as CSV, a cell in the General format): no zone
        ("45583", "2024-10-18T00:00:00"),
        ("45583.74", "2024-10-18T17:45:36"),
        (45583, "2024-10-18T00:00:00"),
        (45583.74, "2024-10-18T17:45:36"),
        (32874, "1990-01-01T00:00:00"),
    ],
)
def test_separators_unix_times_and_compact_dates(value: object, expected: str) -> None:
    parsed = parse_date(value)  # type: ignore[arg-type]
    assert parsed is not None
    assert parsed.isoformat() == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (12345, "a number that is not a date"),
        # Excel serials outside 1990-2099 are a count, an id or a price rather than a date
        ("32873", "Excel serial dates 32874-73050"),
        (73051.5, "a number that is not a date"),
        ("45583.74 WIB", "unrecognised"),
        ("123456789012", "a number that is not a date"),
        (20241232, "not a YYYYMMDD date"),
        (float("nan"), "not a date"),
        (99_999_999_999_999, "a number that is not a date"),
    ],
)
def test_numbers_that_are_no_date_are_refused(value: object, reason: str) -> None:
    with pytest.raises(DateParseError, match=reason):
        parse_date(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "order"),
    [
        ("10/21/2025 20:43", False),
        ("8/14/2025", False),
        ("21/10/2025", True),
        ("Selasa, 21-10-2025 08.15 WIB", True),
        ("31.01.2024 14:00 WITA", True),
        ("05/06/2024", None),
        ("07/07/2024", None),
        ("2024-10-21", None),
        ("21 Oktober 2024", None),
        ("21/13/2024", None),
        ("32/10/2024", None),
        ("", None),
        (None, None),
        (20241021, None),
    ],
)
def test_numeric_date_order_reads_what_one_value_proves(value: object, order: bool | None) -> None:
    assert numeric_date_order(value) is order
    if order is not None:  # the order it proves is the one that parses the value
        assert parse_date(value, dayfirst=order) is not None
        with pytest.raises(DateParseError):
            parse_date(value, dayfirst=not order)


def test_a_day_that_does_not_exist_settles_no_order() -> None:
    assert numeric_date_order("31/02/2019") is None
    assert numeric_date_order("02/31/2019") is None
    assert numeric_date_order("29/02/2024") is True  # a leap day exists
