"""The :class:`Article` record and the checks that turn a raw record into one."""

from __future__ import annotations

import numbers
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any, NamedTuple

from .dates import DateParseError, parse_date
from .ids import article_id, outlet_of
from .rejects import Severity

__all__ = ["CONTRACT_FIELDS", "Article"]

CONTRACT_FIELDS = ("id", "title", "text", "published_at", "source", "url")
_STRING_FIELDS = ("title", "source", "url")

# Tags that do not occur in running text; a few of them mean "this is a web page".
_HTML_TAG_RE = re.compile(
    r"<\s*/?\s*(?:!doctype|html|head|body|div|p|br|span|script|style|table|tr|td|a|img|meta|"
    r"link|ul|li|h[1-6]|iframe|figure|section|article|header|footer|nav)\b[^<>]{0,500}>",
    re.IGNORECASE,
)
_HTML_MIN_TAGS = 3


@dataclass(slots=True)
class Article:
    """One news article, as the rest of the library sees it.

    Attributes
    ----------
    id : str
        Stable id: the input's own ``id`` when it has one, else
        :func:`~media_analytics.corpus.article_id` of the URL or of the content.
    title : str
    text : str
        The body.
    published_at : datetime or None
        Timezone-aware when the source named a zone (``WIB``, ``+07:00``, ...).
    source : str
        The outlet; when the input has none, the domain of ``url``
        (:func:`~media_analytics.corpus.outlet_of`).
    url : str
    extra : dict
        Every other input field, carried through untouched.

    Examples
    --------
    >>> a = Article.from_dict({"title": "Judul", "text": "Isi berita.",
    ...                        "published_at": "Jumat, 18 Okt 2024 17:46 WIB", "kanal": "news"})
    >>> a.to_dict()["published_at"], a.extra
    ('2024-10-18T17:46:00+07:00', {'kanal': 'news'})
    """

    id: str
    title: str = ""
    text: str = ""
    published_at: datetime | None = None
    source: str = ""
    url: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the contract fields (``published_at`` as ISO 8601), then extras.

        An extra field with the name of a contract field is left out: the contract
        field wins.
        """
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "text": self.text,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "source": self.source,
            "url": self.url,
        }
        for key, value in self.extra.items():
            out.setdefault(key, value)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, dayfirst: bool | None = None) -> Article:
        """Build an article from a dict with the contract's field names.

        Fields other than the contract's go to ``extra``. A missing ``id`` is derived
        with :func:`~media_analytics.corpus.article_id`.

        Raises
        ------
        ValueError
            When ``text`` is missing, or empty (or nothing but markup) without a title, or
            beside a count or a total with neither a date nor a URL (a summary row, not an
            article), or a count or a total itself with neither (``Total: 4 artikel``), or
            a field has the wrong type.
        DateParseError
            When ``published_at`` cannot be parsed without guessing.
        """
        fields = {name: data.get(name) for name in CONTRACT_FIELDS}
        extra = {k: v for k, v in data.items() if k not in CONTRACT_FIELDS}
        article, issues = build_article(fields, extra, dayfirst=dayfirst)
        for issue in issues:
            if issue.severity != "warning":  # an error, or a row that is no article
                raise ValueError(issue.message)
            if issue.reason == "bad_date":
                raise DateParseError(issue.message)
        assert article is not None  # no error issue means an article was built
        return article


class Issue(NamedTuple):
    """A problem found while building an article (the reader adds file and line)."""

    reason: str
    message: str
    severity: Severity


def looks_like_html(text: str) -> int:
    """Number of HTML tags in ``text`` when it looks like a web page, else 0."""
    head = text.lstrip()[:15].lower()
    tags = len(_HTML_TAG_RE.findall(text, 0, 200_000))
    if tags >= _HTML_MIN_TAGS or head.startswith(("<!doctype", "<html")):
        return max(tags, 1)
    return 0


# Function words that nearly every text of one language uses and the other almost never does;
# no word is in both lists
_ENGLISH_WORDS = frozenset((
    "the", "of", "and", "to", "is", "are", "was", "were", "that", "this", "with", "for", "from",
    "by", "have", "has", "been", "which", "would", "will", "its", "their", "they", "it", "he",
    "she", "not", "but", "be", "at", "as", "an",
))  # fmt: skip
_INDONESIAN_WORDS = frozenset((
    "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "tidak", "pada", "akan",
    "dalam", "adalah", "juga", "oleh", "karena", "bahwa", "ada", "sudah", "telah", "atau", "kata",
    "para", "tersebut", "bisa", "saat",
))  # fmt: skip
_LANGUAGE_CHARS = 3_000
_MIN_ENGLISH = 5
_LOWER_WORD_RE = re.compile(r"[a-z]+")


def looks_english(text: str) -> tuple[int, int] | None:
    """``(english, indonesian)`` function-word counts of ``text`` (its first 3,000 characters)
    when it reads as English rather than Indonesian, else None.

    The models read Indonesian: an English article (the English editions of Indonesian outlets
    are common in merged feeds) gets no themes it should and tones and names read from the
    wrong words. A few English phrases or quotes in an Indonesian article do not count: English
    must make at least 5 function words and four times the Indonesian ones (5, not 8, since
    2026-12-08: a three-sentence English item had gone unflagged; on the 17,441 CLICK-ID
    articles and the detik Pilkada index the flagged stay the same 3).

    >>> looks_english("The police said the suspects were arrested in Jakarta on Monday and that "
    ...               "they will be charged with fraud, which has been denied by their lawyer.")
    (14, 0)
    >>> looks_english("Heavy rain caused severe flooding in Jakarta on Wednesday. The governor "
    ...               "said the city would deploy pumps. Residents were evacuated to shelters.")
    (5, 0)
    >>> looks_english("Polisi mengatakan para tersangka ditangkap di Jakarta pada Senin, kata "
    ...               "the Jakarta Post dalam laporan yang dikutip media ini.") is None
    True
    """
    words = _LOWER_WORD_RE.findall(text[:_LANGUAGE_CHARS].lower())
    en = sum(w in _ENGLISH_WORDS for w in words)
    if en < _MIN_ENGLISH:
        return None
    ind = sum(w in _INDONESIAN_WORDS for w in words)
    return (en, ind) if en >= 4 * ind else None


def _type_name(value: object) -> str:
    return "an object" if isinstance(value, dict) else type(value).__name__


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogate(value: Any) -> bool:
    if not isinstance(value, str) or value.isascii():
        return False
    try:
        value.encode("utf-8")  # in C: only a lone surrogate fails
    except UnicodeEncodeError:
        return True
    return False


def _holds_surrogate(value: Any) -> bool:
    """A lone surrogate anywhere in a JSON value (its strings, its keys)."""
    if isinstance(value, str):
        return _has_surrogate(value)
    if isinstance(value, dict):
        return any(_holds_surrogate(k) or _holds_surrogate(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_holds_surrogate(v) for v in value)
    return False


def _without_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate replaced by U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if _has_surrogate(value) else value
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_without_surrogates(v) for v in value)
    return value


def _missing(value: Any) -> bool:
    """``None``, a float NaN (``NaN`` in JSON written by Python, an empty cell of a numeric
    column in pandas), ``pandas.NA`` or ``pandas.NaT``: no value."""
    if value is None:
        return True
    if isinstance(value, float):
        return value != value
    return type(value).__name__ in ("NAType", "NaTType")


#: Id cells that mean "no id" (compared lower-cased, stripped): spreadsheets and pandas write
#: them for an empty cell. Such a record's id is derived as for a blank one.
PLACEHOLDER_IDS = frozenset({"n/a", "na", "-", "--", "null", "none", "nan", "#n/a"})

#: The extra field that keeps a date left empty (``bad_date``) as the input gave it.
RAW_DATE_FIELD = "published_at_raw"

#: Publication years taken as dates: outside them a date is a placeholder or a typo.
PLAUSIBLE_YEARS = (1950, 2100)
#: The days of Unix time 0, east and west of Greenwich: a placeholder, not a publication date.
_EPOCH_DAYS = frozenset({date(1970, 1, 1), date(1969, 12, 31)})


def _clean_date(value: Any, dayfirst: bool | None, issues: list[Issue]) -> datetime | None:
    if _missing(value):
        return None
    if hasattr(value, "to_pydatetime"):  # pandas.Timestamp, without importing pandas
        value = value.to_pydatetime()
    if isinstance(value, str | datetime | date | int | float) and not isinstance(value, bool):
        try:
            parsed = parse_date(value, dayfirst=dayfirst)
        except DateParseError as exc:
            issues.append(Issue("bad_date", f"published_at left empty: {exc}", "warning"))
            return None
        lo, hi = PLAUSIBLE_YEARS
        if parsed is not None and not lo <= parsed.year < hi:
            # a placeholder (1900-01-01, 9999-12-31) or a typo (2124): kept, it would stretch
            # every trend table over the years between
            message = (
                f"published_at left empty: {parsed.date().isoformat()} is outside the years "
                f"{lo}-{hi - 1} (a placeholder or a typo?)"
            )
            issues.append(Issue("bad_date", message, "warning"))
            return None
        if parsed is not None and parsed.date() in _EPOCH_DAYS:
            # Unix time 0, what an exporter writes for a date it does not have: kept, it would
            # stretch a weekly report over 2,600 empty weeks
            message = (
                f"published_at left empty: {parsed.date().isoformat()} is Unix time 0, a "
                "placeholder for a missing date"
            )
            issues.append(Issue("bad_date", message, "warning"))
            return None
        return parsed
    issues.append(
        Issue(
            "bad_date", f"published_at left empty: got {_type_name(value)}, not a date", "warning"
        )
    )
    return None


#: The clock of the article's own zone for a date without one (WIB, where most outlets are).
_WIB = timezone(timedelta(hours=7))


def _future_date(published_at: datetime, now: datetime | None) -> str:
    """What is wrong with a publication date more than a day after ``now`` (default: the current
    time), else ``""``. A date without a time zone is read in WIB.

    >>> now = datetime(2026, 12, 5, 3, 0, tzinfo=timezone.utc)
    >>> _future_date(datetime(2030, 11, 27, 9, 0), now)[:42]
    'published_at 2030-11-27 is after the clock'
    >>> _future_date(datetime(2026, 12, 6, 9, 0), now)  # 23 hours ahead: a clock running late
    ''
    """
    moment = published_at if published_at.tzinfo else published_at.replace(tzinfo=_WIB)
    clock = now or datetime.now(timezone.utc)
    if clock.tzinfo is None:
        clock = clock.replace(tzinfo=timezone.utc)
    if moment <= clock + timedelta(days=1):
        return ""
    return (
        f"published_at {published_at.date().isoformat()} is after the clock "
        f"({clock.astimezone(timezone.utc):%Y-%m-%d %H:%M} UTC): a typo in the date? (kept; a "
        "report leaves it out of its periods until that day)"
    )


#: Bodies up to this long are cleaned when the record is read, to find those that are nothing
#: but markup, links or portal boilerplate (a page the crawler failed to extract); a longer body
#: is assumed to hold an article. A record with no title is always checked.
_CHECK_CLEANED_CHARS = 1_000
_WORD_RE = re.compile(r"[^\W_]")


def _nothing_left(text: str, *, always: bool) -> str:
    """Why nothing of ``text`` is left to score after cleaning, or ``""`` when something is."""
    if not always and len(text) > _CHECK_CLEANED_CHARS:
        return ""
    from ..preprocessing.cleaning import clean_article  # the corpus readers need no stemmer

    if _WORD_RE.search(clean_article(text).text):
        return ""
    return "the text has no words once cleaned (only markup, links, portal boilerplate or symbols)"


def no_words(text: str) -> bool:
    """Whether a body holds nothing to score: blank, or no words once cleaned (only markup,
    links, portal boilerplate or symbols: ``&nbsp;``, ``SCROLL TO CONTINUE WITH CONTENT``). The
    test by which a record with a title is scored on the title alone (``no_content``), and by
    which the store keeps the body read before (a re-crawl that missed it).

    >>> no_words("&nbsp;"), no_words("ADVERTISEMENT\\nSCROLL TO CONTINUE WITH CONTENT")
    (True, True)
    >>> no_words("   "), no_words("Polisi menangkap dua tersangka.")
    (True, False)
    """
    return not text.strip() or bool(_nothing_left(text, always=False))


#: How much of a title the ``not_article`` error quotes.
_QUOTED_TITLE_CHARS = 60


#: A title that reads as a report's count or total, not a headline: ``67 artikel``, ``Total``,
#: ``Jumlah berita: 67``, ``Rekap``; a keyword only in a short cell (a headline may open with
#: "Total": ``Total Kerugian Banjir Capai Rp 5 Miliar``).
_COUNTED = r"(?:artikel|berita|data|items?|articles?|rows?|baris|records?|tautan|links?)"
_TOTAL_WORDS = (
    r"(?:(?:grand\s+|sub\s*-?\s*)?total|jumlah|rekap(?:itulasi)?|ringkasan|summary|count)"
)
_SUMMARY_TITLE = re.compile(
    rf"^\W*[\d.,]+\s*{_COUNTED}?\W*$|^\W*{_TOTAL_WORDS}\b(?!(?:\W+\w+){{4}})",
    re.IGNORECASE,
)
#: A body that is a count or a total and nothing else: ``4 artikel``, ``Total: 4 artikel``,
#: ``Jumlah berita: 67``, ``Total`` (not ``Jumlah korban banjir 12 orang``).
_COUNT_LINE = re.compile(
    rf"^\W*(?:{_TOTAL_WORDS}(?:\s+{_COUNTED})?\b\W*)?(?:[\d.,]+\s*{_COUNTED}?)?\W*$",
    re.IGNORECASE,
)


#: A date cell that holds a count or a total instead (``67 artikel``, ``Total``, ``Jumlah: 67``):
#: the footer row of an export whose header puts the date column second (``Judul;Tanggal;...``).
#: A number alone is no such cell (``12.11.2024``, ``2024``): a count needs its word.
_COUNT_DATE = re.compile(
    rf"^\W*(?:{_TOTAL_WORDS}\W*)?[\d.,]*\s*{_COUNTED}\W*$|^\W*{_TOTAL_WORDS}\W*[\d.,]*\W*$",
    re.IGNORECASE,
)


def _dated(raw_date: Any) -> bool:
    """Whether a record gives a date: a value that is not empty, nor a count or a total.

    >>> _dated("01/12/2024"), _dated("12.11.2024"), _dated("67 artikel"), _dated(" "), _dated(None)
    (True, True, False, False, False)
    """
    if _missing(raw_date):
        return False
    if isinstance(raw_date, str):
        return bool(raw_date.strip()) and not _COUNT_DATE.match(raw_date)
    return True


def _not_an_article(strings: Mapping[str, str], raw_date: Any) -> Issue | None:
    """The error for a record with a title and no body when nothing else tells an article
    either (no date, no URL) and the title reads as a count or a total: a report's summary or
    footer row (``Total;67 artikel`` below a vendor's export, ``Jumlah`` in a sheet). A
    headline whose body was missed keeps its link or its date, and a bare headline (a list of
    headlines, ``score([{"title": ...}])``) reads as no total; both are scored on the title.
    ``None`` for an article."""
    if strings["url"] or _dated(raw_date) or not _SUMMARY_TITLE.match(strings["title"]):
        return None
    title = strings["title"]
    if len(title) > _QUOTED_TITLE_CHARS:
        title = title[:_QUOTED_TITLE_CHARS].rstrip() + "..."
    message = f"{title!r}: no text, date or URL: not an article (a summary or footer row?)"
    return Issue("not_article", message, "skipped")


def _count_row(strings: Mapping[str, str], text: str, raw_date: Any) -> Issue | None:
    """The error for a record whose only content is a count or a total, in its body (``Total:
    4 artikel``, the title empty or itself a total: ``Total`` over ``4 artikel``) with neither a
    date nor a URL: a report's footer row whose cells stand under the body column. A headline
    over a short body, or a body that says more than a count, is an article. ``None`` for
    one."""
    body = text.strip()
    if strings["url"] or _dated(raw_date) or len(body) > _QUOTED_TITLE_CHARS:
        return None
    if not _WORD_RE.search(body) or not _COUNT_LINE.match(body):
        return None
    title = strings["title"]
    if title and not _SUMMARY_TITLE.match(title):
        return None
    shown = f"{title!r} / {body!r}" if title else repr(body)
    message = (
        f"{shown}: only a count or a total, no date or URL: not an article (a summary or "
        "footer row?)"
    )
    return Issue("not_article", message, "skipped")


def build_article(
    fields: Mapping[str, Any],
    extra: dict[str, Any],
    *,
    dayfirst: bool | None = None,
    max_text_chars: int | None = None,
    columns: Mapping[str, str] | None = None,
    now: datetime | None = None,
) -> tuple[Article | None, list[Issue]]:
    """Check raw contract fields and build an :class:`Article`.

    ``columns`` names the input column each field was read from, for messages: a field of
    the wrong type is often a column an alias picked up (``article`` holding a nested object).

    Returns the article (``None`` when an error makes it unusable) and every problem
    found. Errors: missing text, a field of the wrong type, an empty body or one with
    nothing left after cleaning (markup, links, portal boilerplate) and no title. Skipped (no
    article, and no error either: exports end so as a matter of course): such a body beside a
    title that reads as a count or a total with neither a date nor a URL (``not_article``: a
    summary or footer row, such as ``Total;67 artikel``), or a body that is only a count or a
    total (``4 artikel``, ``Total: 4 artikel``) under an empty title or one that reads as a
    total, with neither a date nor a URL (``not_article`` too). Warnings (the
    article is still built): unparseable date (its value kept in ``extra`` as
    ``published_at_raw``), body cut to
    ``max_text_chars``, body that looks like an HTML page, an empty body or one with nothing
    left after cleaning beside any other title (scored on the title alone), a date more than a
    day after ``now`` (``future_date``: a typo in the year, say; the date is kept, and a report
    made before that day leaves the record out of its periods). ``now`` is the run's clock
    (default: the current time).
    """
    issues: list[Issue] = []
    if not all(type(v) is str for v in fields.values()):  # most records: strings alone
        fields = {k: None if _missing(v) else v for k, v in fields.items()}
    text = fields.get("text")
    if text is None:
        return None, [Issue("missing_text", "no text", "error")]
    columns = columns or {}

    def wrong_type(name: str, value: object, expected: str) -> Issue:
        column = columns.get(name, name)
        where = f' in field "{column}"' if column != name else ""
        message = f"{name} must be {expected}, got {_type_name(value)}{where}"
        return Issue("wrong_type", message, "error")

    if not isinstance(text, str):
        return None, [wrong_type("text", text, "a string")]
    strings: dict[str, str] = {}
    for name in _STRING_FIELDS:
        value = fields.get(name)
        if name == "source" and isinstance(value, dict) and isinstance(value.get("name"), str):
            value = value["name"]  # {"id": ..., "name": "Kompas"}, as news APIs give it
        if name != "url" and isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)  # a headline or an outlet that is a number ("2024", "86")
        if value is not None and not isinstance(value, str):
            return None, [wrong_type(name, value, "a string")]
        strings[name] = (value or "").strip()
    halves = [name for name in ("text", *_STRING_FIELDS) if _has_surrogate(fields.get(name))]
    if _has_surrogate(fields.get("id")):
        fields = {**fields, "id": _without_surrogates(fields["id"])}
        halves.append("id")
    if extra and any(_holds_surrogate(k) or _holds_surrogate(v) for k, v in extra.items()):
        halves.extend(
            _without_surrogates(str(k))
            for k, v in extra.items()
            if _holds_surrogate(k) or _holds_surrogate(v)
        )
        extra = _without_surrogates(extra)
    if halves:
        # "\\ud83d" in JSON: half of an emoji a crawler cut in two; no UTF-8 file or database
        # can hold it
        text = _SURROGATE.sub("\ufffd", text)
        strings = {k: _SURROGATE.sub("\ufffd", v) for k, v in strings.items()}
        message = f"half a character (a lone surrogate) replaced in {', '.join(halves)}"
        issues.append(Issue("non_utf8", message, "warning"))
    if not strings["source"]:
        # exports often carry the link but not the outlet: its domain lets reports count outlets
        strings["source"] = outlet_of(strings["url"])
    raw_id = fields.get("id")
    if isinstance(raw_id, numbers.Integral) and not isinstance(raw_id, bool | int):
        raw_id = int(raw_id)  # numpy.int64, as values taken from a frame by hand are
    if isinstance(raw_id, float) and raw_id.is_integer():
        raw_id = int(raw_id)  # an id column pandas stored as float because a cell was empty
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int | None):
        return None, [wrong_type("id", raw_id, "a string or an integer")]
    if max_text_chars is not None and len(text) > max_text_chars:
        issues.append(
            Issue(
                "text_truncated",
                f"text cut from {len(text):,} to {max_text_chars:,} characters",
                "warning",
            )
        )
        text = text[:max_text_chars]
    raw_date = fields.get("published_at")
    if not text.strip():
        # a headline without its body (a headline feed, a crawler that missed the body) is
        # scored on the title, as a body that cleaning empties is
        if not strings["title"]:
            return None, [Issue("missing_text", "empty text, and no title", "error")]
        if not_article := _not_an_article(strings, raw_date):
            return None, [not_article]
        issues.append(Issue("no_content", "empty text; scored on the title alone", "warning"))
    elif empty := _nothing_left(text, always=not strings["title"]):
        if not strings["title"]:
            return None, [Issue("no_content", f"nothing to score: {empty}, and no title", "error")]
        if not_article := _not_an_article(strings, raw_date):
            return None, [not_article]
        issues.append(Issue("no_content", f"{empty}; scored on the title alone", "warning"))
    elif count := _count_row(strings, text, raw_date):
        return None, [count]
    if tags := looks_like_html(text):
        issues.append(
            Issue(
                "html_content",
                f"text looks like an HTML page ({tags} tags); scoring strips the markup, "
                "check that the text left is the article",
                "warning",
            )
        )
    if english := looks_english(text):
        issues.append(
            Issue(
                "not_indonesian",
                f"text reads as English ({english[0]} English and {english[1]} Indonesian "
                "function words in its start); the models read Indonesian, so its themes, "
                "tone and names are unreliable",
                "warning",
            )
        )
    published_at = _clean_date(raw_date, dayfirst, issues)
    if published_at is not None and (ahead := _future_date(published_at, now)):
        issues.append(Issue("future_date", ahead, "warning"))
    if published_at is None and issues and issues[-1].reason == "bad_date":
        # the value left empty stays with the record, to be read by hand or mapped again
        kept = raw_date if isinstance(raw_date, str | int | float) else str(raw_date)
        extra = {**extra}
        extra.setdefault(RAW_DATE_FIELD, kept)
    given_id = str(raw_id).strip() if raw_id is not None else ""
    if given_id.lower() in PLACEHOLDER_IDS:
        # a spreadsheet's "no value": taken as an id, every such row of every day would be one
        # article, tomorrow's silently replacing today's
        message = f"id {given_id!r} is a placeholder, not an id: derived as for a blank id"
        issues.append(Issue("placeholder_id", message, "warning"))
        given_id = ""
    if not given_id:
        body = text
        if not text.strip():
            # a headline alone ("Harga Emas Antam Hari Ini Naik") recurs across days and outlets:
            # its outlet and date tell one day's article from another's
            body = f"{strings['source']}\n{published_at.isoformat() if published_at else ''}"
        given_id = article_id(strings["url"], strings["title"], body)
    article = Article(
        id=given_id,
        title=strings["title"],
        text=text,
        published_at=published_at,
        source=strings["source"],
        url=strings["url"],
        extra=extra,
    )
    return article, issues
