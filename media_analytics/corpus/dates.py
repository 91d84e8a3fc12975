"""Parse the date strings found in Indonesian news exports.

Handles ISO 8601, Indonesian and English month names (full or abbreviated, with or
without a leading weekday), numeric day/month/year forms, an optional time
(``14:42``, ``14.42``, ``9:15 PM``) and a zone (``WIB`` = UTC+7, ``WITA`` = UTC+8,
``WIT`` = UTC+9, ``UTC``/``GMT``/``Z``, ``+07:00``, ``+0700``, ``GMT+7``).

Also read: a separator between the date and the time (``Senin, 02 Desember 2024 - 14:05
WIB``, ``... | 14:05 WIB``), Unix times (10 digits: seconds, 13: milliseconds, as numbers or
strings; read as UTC), compact ``YYYYMMDD`` dates and Excel serial dates (a bare number of
days since 1899-12-30 from 32874 to 73050, 1990 to 2099, a fraction giving the time of day:
``45583.74`` is 18 October 2024 17:45:36, without a zone), which a sheet saved as CSV or pasted
as values holds.

Nothing is guessed: a numeric date whose day and month could be swapped
(``05/06/2024``) is rejected unless ``dayfirst`` says which comes first, a two-digit
year is rejected, and a month without a day (``Mei 2024``) is rejected.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

__all__ = ["WIB", "DateParseError", "indonesian_time", "numeric_date_order", "parse_date"]


class DateParseError(ValueError):
    """A date string that cannot be read without guessing.

    The message is the reason, e.g. ``ambiguous day/month in '05/06/2024'``.
    """


_MONTHS = {
    **dict.fromkeys(["januari", "january", "jan"], 1),
    **dict.fromkeys(["februari", "pebruari", "february", "feb", "peb"], 2),
    **dict.fromkeys(["maret", "march", "mar"], 3),
    **dict.fromkeys(["april", "apr"], 4),
    **dict.fromkeys(["mei", "may"], 5),
    **dict.fromkeys(["juni", "june", "jun"], 6),
    **dict.fromkeys(["juli", "july", "jul"], 7),
    **dict.fromkeys(["agustus", "august", "agu", "agt", "ags", "aug"], 8),
    **dict.fromkeys(["september", "sept", "sep"], 9),
    **dict.fromkeys(["oktober", "october", "okt", "oct"], 10),
    **dict.fromkeys(["november", "nov", "nop"], 11),
    **dict.fromkeys(["desember", "december", "des", "dec"], 12),
}

_WEEKDAYS = (
    # Jum'at with any apostrophe: Word and Excel turn ' into ’ (and some keyboards give ‘ ` ʼ)
    "senin|selasa|rabu|kamis|jum['’‘`ʼ]?at|sabtu|minggu|ahad|"
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    "mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|sen|sel|rab|kam|jum|sab|min"
)
_WEEKDAY_RE = re.compile(rf"^(?:{_WEEKDAYS})\.?\s*(?:,\s*|\s+)", re.IGNORECASE)
# what may stand between the date and the time: "02 Desember 2024 - 14:05", "... | 14:05"
_SEPARATORS = " ,-|"
#: Unix times read from 2000-01-01 to 2100-01-01 (seconds); outside, a digit string is no time
_EPOCH_RANGE = (946_684_800, 4_102_444_800)
#: Excel serial dates read, 1990-01-01 to 2100-01-01 (days since _EXCEL_EPOCH): five digits,
#: far from Unix times (10 or 13) and YYYYMMDD (8)
_EXCEL_RANGE = (32_874, 73_051)
_EXCEL_EPOCH = datetime(1899, 12, 30)  # day 0 as Excel counts, its 1900 leap-day bug included
_EXCEL_SERIAL_RE = re.compile(r"^\d{5}\.\d+$")  # "45583.74"; "45583" is a digit string

_ZONE_HOURS = {"wib": 7, "wita": 8, "wit": 9, "utc": 0, "gmt": 0, "z": 0}
# A named zone at the end, with an optional offset (``GMT+7``). Bare offsets such as
# ``+07:00`` are only read right after a time (see _TIME_RE): ``18-10-2024`` ends in
# something that looks like an offset too.
_ZONE_RE = re.compile(
    r"(?:^|(?<=[\s\d]))(?P<name>wita|wib|wit|utc|gmt|z)"
    r"(?:\s*(?P<sign>[+-])(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?)?$",
    re.IGNORECASE,
)
_TIME_RE = re.compile(
    r"(?:^|[\sT,])(?:pukul\s+|pkl\.?\s*|jam\s+)?"
    r"(?P<h>\d{1,2})[:.](?P<m>\d{2})(?:[:.](?P<s>\d{2})(?:[.,](?P<f>\d{1,6})\d*)?)?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?(?P<offset>\s*[+-]\d{2}(?::?\d{2})?)?$",
    re.IGNORECASE,
)
_ISO_DATE_RE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_NUMERIC_DATE_RE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$")
#: a numeric date anywhere in a string (``Selasa, 05/06/2024 10:00``), whatever its order
NUMERIC_DAY = re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b")
_DAY_MONTH_YEAR_RE = re.compile(r"^(\d{1,2})[\s-]+([a-z']+)\.?[\s,-]+(\d+)$", re.IGNORECASE)
_MONTH_DAY_YEAR_RE = re.compile(
    r"^([a-z']+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d+)$", re.IGNORECASE
)
_MONTH_YEAR_RE = re.compile(r"^([a-z']+)\.?\s+(\d{4})$", re.IGNORECASE)


#: Western Indonesian Time (UTC+7), Jakarta's clock.
WIB = timezone(timedelta(hours=7), "WIB")
_INDONESIAN_OFFSETS = frozenset(timedelta(hours=h) for h in (7, 8, 9))


def indonesian_time(moment: datetime) -> datetime:
    """``moment`` on the clock an Indonesian reader counts its day by.

    A time in WIB, WITA or WIT (UTC+7, +8, +9) and a time without a zone are kept as written
    (an evening article from Makassar stays on its own day); any other zone (UTC, as crawlers
    and Unix times give it, or a foreign offset) is converted to WIB, so that the same moment
    falls on the same day however the feed wrote it.

    >>> indonesian_time(parse_date("2024-11-30T17:00:00Z")).isoformat()
    '2024-12-01T00:00:00+07:00'
    >>> indonesian_time(parse_date("30 Nov 2024 23:30 WITA")).isoformat()
    '2024-11-30T23:30:00+08:00'
    """
    offset = moment.utcoffset()
    if offset is None or offset in _INDONESIAN_OFFSETS:
        return moment
    return moment.astimezone(WIB)


def parse_date(
    value: str | int | float | datetime | date | None, *, dayfirst: bool | None = None
) -> datetime | None:
    """Parse a publication date.

    Parameters
    ----------
    value : str, int, float, datetime, date or None
        The raw value. ``None`` and blank strings mean "no date" and give ``None``;
        a ``datetime`` is returned as is and a ``date`` becomes midnight of that day.
        A number (or a string of digits) of 10 digits is a Unix time in seconds, of 13 in
        milliseconds (both UTC); 8 digits are ``YYYYMMDD``; from 32874 to 73050 (with a
        fraction or not) an Excel serial date, 1990 to 2099.
    dayfirst : bool or None, default None
        Order of a numeric ``a/b/YYYY`` date. ``True``: day first (Indonesian habit);
        ``False``: month first (the detik 2025 export, ``8/14/2025 14:42``); ``None``:
        accept only dates that cannot be read both ways (a part above 12, or equal parts).

    Returns
    -------
    datetime or None
        Timezone-aware when the string names a zone or an offset, naive otherwise.

    Raises
    ------
    DateParseError
        When the string cannot be read without guessing; the message says why.

    Examples
    --------
    >>> parse_date("Sabtu, 21 Des 2024 22:30 WIB").isoformat()
    '2024-12-21T22:30:00+07:00'
    >>> parse_date("8/14/2025 14:42").isoformat()
    '2025-08-14T14:42:00'
    >>> parse_date("Senin, 02 Desember 2024 - 14:05 WIB").isoformat()
    '2024-12-02T14:05:00+07:00'
    >>> parse_date(1733123100).isoformat()
    '2024-12-02T07:05:00+00:00'
    >>> parse_date("05/06/2024")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    media_analytics.corpus.dates.DateParseError: ambiguous day/month in '05/06/2024': ...
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_number(value, repr(value))
    if not isinstance(value, str):
        raise DateParseError(f"expected a date string, got {type(value).__name__}")
    text = " ".join(value.split())
    if not text:
        return None
    if text.isascii() and text.isdigit():  # "²" is a digit to isdigit, not to int
        return _from_number(int(text), repr(value))
    if _EXCEL_SERIAL_RE.match(text):
        return _from_number(float(text), repr(value))
    try:
        return _parse(text, value, dayfirst)
    except DateParseError:
        raise
    except ValueError as exc:  # out-of-range parts reported by datetime()
        raise DateParseError(f"invalid date {value!r}: {exc}") from None


def numeric_date_order(value: object) -> bool | None:
    """What one date string says about the order of a source's numeric dates.

    ``True`` when it can only be read day first (``21/10/2025``), ``False`` when only month
    first (``10/21/2025 20:43``), ``None`` when it says nothing: not a numeric date, both
    parts at most 12, or unreadable. Readers use it to settle one order per file
    (``dayfirst="auto"``).

    >>> numeric_date_order("10/21/2025 20:43"), numeric_date_order("Selasa, 21-10-2025 08.15 WIB")
    (False, True)
    >>> print(numeric_date_order("05/06/2024"), numeric_date_order("2024-06-05"))
    None None
    """
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    try:
        rest = _WEEKDAY_RE.sub("", text, count=1).strip(" ,")
        _, rest = _split_zone(rest)
        _, _, rest = _split_time(rest, value)
    except DateParseError:
        return None
    match = _NUMERIC_DATE_RE.match(rest.strip(_SEPARATORS))
    if match is None:
        return None
    first, second = int(match[1]), int(match[2])
    year = match[3]
    # a day that does not exist ("31/02/2019") says nothing about the order
    if 12 < first <= 31 and 1 <= second <= 12:
        return True if _exists(year, second, first) else None
    if 12 < second <= 31 and 1 <= first <= 12:
        return False if _exists(year, first, second) else None
    return None


def reads_both_ways(value: object) -> bool:
    """Whether a date reads as two different days, day first and month first: the dates whose
    order a reader must guess (``05/06/2024``; not ``05/05/2024``, ``21/10/2025``, nor
    ``32/13/2019 25:61``, which reads neither way).

    >>> reads_both_ways("05/06/2024 10:00"), reads_both_ways("32/13/2019 25:61")
    (True, False)
    """
    if not isinstance(value, str) or NUMERIC_DAY.search(value) is None:
        return False
    try:
        return parse_date(value, dayfirst=True) != parse_date(value, dayfirst=False)
    except ValueError:
        return False


def _exists(year: str, month: int, day: int) -> bool:
    """Whether the day exists (a two-digit year, which parsing refuses anyway, is not checked)."""
    if len(year) != 4:
        return True
    try:
        date(int(year), month, day)
    except ValueError:
        return False
    return True


def _from_number(value: float, original: str) -> datetime:
    """A Unix time (seconds or milliseconds, UTC), a compact ``YYYYMMDD`` date or an Excel
    serial date (naive, as Excel keeps no zone)."""
    if value != value or value in (float("inf"), float("-inf")):
        raise DateParseError(f"not a date: {original}")
    if _EXCEL_RANGE[0] <= value < _EXCEL_RANGE[1]:
        return _EXCEL_EPOCH + timedelta(seconds=round(value * 86_400))
    whole = int(value)
    digits = len(str(abs(whole)))
    if digits == 8 and whole == value:
        year, month, day = whole // 10_000, whole // 100 % 100, whole % 100
        try:
            return datetime(year, month, day)
        except ValueError:
            raise DateParseError(f"8 digits but not a YYYYMMDD date: {original}") from None
    seconds = value / 1000 if digits == 13 else value if digits == 10 else None
    if seconds is None or not _EPOCH_RANGE[0] <= seconds < _EPOCH_RANGE[1]:
        raise DateParseError(
            f"a number that is not a date: {original} (Unix times have 10 digits, or 13 in "
            "milliseconds; YYYYMMDD 8; Excel serial dates 32874-73050, 1990 to 2099)"
        )
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def _parse(text: str, original: str, dayfirst: bool | None) -> datetime:
    rest = _WEEKDAY_RE.sub("", text, count=1).strip(" ,")
    zone, rest = _split_zone(rest)
    try:
        (hour, minute, second, micro), offset, rest = _split_time(rest, original)
    except DateParseError:
        # a date that is wrong too ("32/13/2019 25:61") is named by what is wrong with it
        if (match := _TIME_RE.search(rest)) is not None:
            day, month, year = _parse_day(
                rest[: match.start()].strip(_SEPARATORS), original, dayfirst
            )
            datetime(year, month, day)
        raise
    if zone is not None and offset is not None and zone != offset:
        raise DateParseError(f"conflicting zones in {original!r}")
    day, month, year = _parse_day(rest.strip(_SEPARATORS), original, dayfirst)
    return datetime(year, month, day, hour, minute, second, micro, tzinfo=zone or offset)


def _split_zone(text: str) -> tuple[timezone | None, str]:
    match = _ZONE_RE.search(text)
    if match is None:
        return None, text
    rest = text[: match.start()].rstrip()
    if match["sign"]:
        return _offset(match["sign"], match["h"], match["m"]), rest
    return timezone(timedelta(hours=_ZONE_HOURS[match["name"].lower()])), rest


def _offset(sign: str, hours: str, minutes: str | None) -> timezone:
    hh, mm = int(hours), int(minutes or 0)
    if hh > 14 or mm > 59:
        raise DateParseError(f"invalid zone offset {sign}{hours}:{minutes or '00'}")
    delta = timedelta(hours=hh, minutes=mm)
    return timezone(-delta if sign == "-" else delta)


def _split_time(text: str, original: str) -> tuple[tuple[int, int, int, int], timezone | None, str]:
    """Split a trailing time (and a numeric offset right after it) from ``text``."""
    match = _TIME_RE.search(text)
    if match is None:
        return (0, 0, 0, 0), None, text
    hour, minute = int(match["h"]), int(match["m"])
    second = int(match["s"] or 0)
    micro = int((match["f"] or "0").ljust(6, "0"))
    if match["ampm"]:
        if not 1 <= hour <= 12:
            raise DateParseError(f"invalid 12-hour time in {original!r}")
        hour = hour % 12 + (12 if match["ampm"].lower().startswith("p") else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise DateParseError(f"invalid time of day in {original!r}")
    offset = None
    if raw := (match["offset"] or "").strip():
        digits = raw[1:].replace(":", "")
        offset = _offset(raw[0], digits[:2], digits[2:] or None)
    return (hour, minute, second, micro), offset, text[: match.start()]


def _parse_day(text: str, original: str, dayfirst: bool | None) -> tuple[int, int, int]:
    """Return (day, month, year) from the date part left after zone and time."""
    if not text:
        raise DateParseError(f"no date in {original!r}")
    if match := _ISO_DATE_RE.match(text):
        return int(match[3]), int(match[2]), int(match[1])
    if match := _NUMERIC_DATE_RE.match(text):
        first, second = int(match[1]), int(match[2])
        year = _year(match[3], original)
        day, month = _order_day_month(first, second, original, dayfirst)
        return day, month, year
    if match := _DAY_MONTH_YEAR_RE.match(text):
        return int(match[1]), _month(match[2], original), _year(match[3], original)
    if match := _MONTH_DAY_YEAR_RE.match(text):
        return int(match[2]), _month(match[1], original), _year(match[3], original)
    if (match := _MONTH_YEAR_RE.match(text)) and match[1].lower() in _MONTHS:
        raise DateParseError(f"no day in {original!r} (month and year only)")
    raise DateParseError(f"unrecognised date format: {original!r}")


def _order_day_month(
    first: int, second: int, original: str, dayfirst: bool | None
) -> tuple[int, int]:
    if dayfirst is True:
        return first, second
    if dayfirst is False:
        return second, first
    if first == second or (first > 12 >= second):
        return first, second
    if second > 12 >= first:
        return second, first
    if first > 12 and second > 12:
        raise DateParseError(f"no month in {original!r}: both parts are above 12")
    raise DateParseError(
        f'ambiguous day/month in {original!r}: pass dayfirst="auto" (the order the '
        "file's own dates show), True or False"
    )


def _month(name: str, original: str) -> int:
    month = _MONTHS.get(name.lower().rstrip("."))
    if month is None:
        raise DateParseError(f"unknown month name {name!r} in {original!r}")
    return month


def _year(digits: str, original: str) -> int:
    if len(digits) != 4:
        raise DateParseError(f"year must have four digits in {original!r}")
    return int(digits)
