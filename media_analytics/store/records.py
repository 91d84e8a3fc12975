"""Records as the store keeps them: JSON text, ids, and the content hash that detects edits."""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Protocol, runtime_checkable

__all__ = ["HASHED_FIELDS", "as_dict", "content_hash", "dumps", "iso", "loads", "record_id"]

_SURROGATE = re.compile("[\ud800-\udfff]")

# The fields a score depends on. Extra fields are left out on purpose: a crawler that adds
# its own fetch time to every record would otherwise make each re-read look like an edit.
HASHED_FIELDS = ("title", "text", "published_at", "source", "url")


@runtime_checkable
class _HasToDict(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


def _default(value: Any) -> Any:
    """JSON for what ``json`` does not know: every value of an input record must be storable,
    so anything else (a ``Decimal`` price column of a Parquet export, a ``UUID``) is kept as
    its number or its text."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "item"):  # NumPy scalars, as pandas hands them out
        return value.item()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode("utf-8", errors="replace")
    return str(value)


def _finite(value: Any) -> Any:
    """``value`` with NaN and infinities replaced by None, recursively (strict JSON has neither)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Mapping):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def dumps(value: Any) -> str:
    """Strict, compact JSON text; NaN and infinities (pandas' missing values) become null.

    Examples
    --------
    >>> dumps({"id": "a", "score": float("nan"), "at": date(2024, 10, 18)})
    '{"id":"a","score":null,"at":"2024-10-18"}'

    Half of a character (a lone surrogate such as ``"\\ud83d"``, from a crawler that cut an
    emoji in two) cannot be stored as UTF-8: it becomes U+FFFD.

    >>> dumps({"price": Decimal("15000.00"), "note": "a\\ud83d"})
    '{"price":15000,"note":"a\ufffd"}'
    """
    try:
        text = json.dumps(
            value, ensure_ascii=False, allow_nan=False, default=_default, separators=(",", ":")
        )
    except ValueError:
        text = json.dumps(
            _finite(value),
            ensure_ascii=False,
            allow_nan=False,
            default=_default,
            separators=(",", ":"),
        )
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            text = _SURROGATE.sub("\ufffd", text)
    return text


def loads(value: Any) -> Any:
    """Decode a JSON column: SQLite hands out text, PostgreSQL an already decoded value."""
    if value is None:
        return None
    if isinstance(value, str | bytes | bytearray):
        return json.loads(value)
    return value


def as_dict(record: Any) -> dict[str, Any]:
    """A record as a plain dict: a mapping, or an object with ``to_dict()`` (an ``Article``)."""
    if isinstance(record, Mapping):
        return dict(record)
    if isinstance(record, _HasToDict):
        return record.to_dict()
    raise TypeError(f"expected a mapping or an object with to_dict(), got {type(record).__name__}")


def record_id(record: Mapping[str, Any]) -> str:
    """The record's ``id`` as text; a clear error when it has none."""
    value = record.get("id")
    if isinstance(value, bool) or not isinstance(value, str | int) or value == "":
        raise ValueError(f"record has no usable id (got {value!r}): every record needs one")
    return str(value)


def iso(value: Any) -> str | None:
    """A date-like field as ISO 8601 text (``None`` stays ``None``)."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def content_hash(record: Mapping[str, Any]) -> str:
    """SHA-256 of the fields a score depends on (:data:`HASHED_FIELDS`).

    Examples
    --------
    >>> a = {"id": "x", "title": "Judul", "text": "Isi."}
    >>> content_hash(a) == content_hash({**a, "crawled_at": "today"})
    True
    >>> content_hash(a) == content_hash({**a, "text": "Isi yang diubah."})
    False
    """
    payload = dumps([record.get(name) for name in HASHED_FIELDS])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
