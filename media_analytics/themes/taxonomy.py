"""The theme taxonomy: a TOML file an analyst can read and edit.

Each theme has an id, names, a definition (description, include and exclude criteria), a score
threshold, and seed evidence: ``phrases`` (strong: one is good evidence), ``terms`` (weak: need
company), ``negative`` cues (veto a false hit) and ``near`` rules (a word from ``a`` within
``window`` content words of one from ``b``, and of one from ``c`` when the rule has a ``c``
list; see :class:`NearRule`), and
``blockers``: words that, just before a phrase or the first word of a near rule, say that the act
did not or has not yet happened ("tidak menemui", "akan berdialog", "meminta agar ... mendengar"),
so the phrase or rule does not count there, and ``conditions``: words that make the rest of their
sentence hypothetical ("jika DPR dan Presiden mendengar aspirasi"), looked for further back in the
sentence than blockers. ``context``: words or phrases of which one at least must stand in the
article (headline or body) for the theme to be tagged, for a theme that only exists inside a
wider subject (vote buying, only around an election: a bribery case with no election is not
it); an article without one keeps the theme's score at half its threshold at most. Seed
evidence is written as news writes it; the tagger stems it, so ``pengamanan pilkada`` also
matches ``mengamankan Pilkada``. Seeds are plain words, not patterns: one holding ``( ) | * ? +
[ ] { } ^ $`` or a backslash, or no word at all, is refused when the file is read.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..preprocessing.tokens import tokenize

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = [
    "BUNDLED_SOURCE",
    "NearRule",
    "Taxonomy",
    "TaxonomyError",
    "Theme",
    "default_taxonomy_path",
    "portable_source",
]

#: What a saved model says its taxonomy came from when it was the bundled default.
BUNDLED_SOURCE = "bundled taxonomy"


class TaxonomyError(ValueError):
    """The taxonomy file is malformed; the message names the file, the theme and the field."""


@dataclass(frozen=True)
class NearRule:
    """Evidence when a word of ``a`` stands within ``window`` words of a word of ``b``.

    ``window`` counts content words, from the first word of one cue to the first word of the
    other: the function words that phrases skip (``di``, ``dan``, ``yang``, ``ini``, ...:
    :data:`~media_analytics.themes.rules.GAP_WORDS`) are not counted, so a pair may stand more
    than ``window`` words apart as written. Both cues stand in one sentence, and the evidence runs
    from the first word of the first cue to the last word of the last (a cue of two words is
    never cut). With ``c``, a word of each of the three lists must stand in one stretch of
    ``window`` words:
    "an exchange word, a member of the public and an official", for example. With ``ordered``, the
    word of ``a`` must come before the word of ``b`` ("mengadu ke DPRD", not "anggota DPRD
    mengadu"): for rules whose meaning depends on who does what to whom. With ``strong``, a match
    weighs as a strong phrase does, not as a proximity match: for a phrase that says the theme
    only beside a word of context ("debat publik" beside "Pilkada" or "paslon"; alone it is also a
    rector election's or a celebrity's).
    """

    a: tuple[str, ...]
    b: tuple[str, ...]
    window: int = 12
    c: tuple[str, ...] = ()
    ordered: bool = False
    strong: bool = False


@dataclass(frozen=True)
class Theme:
    """One theme of the taxonomy."""

    id: str
    name_id: str = ""
    name_en: str = ""
    description: str = ""
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    threshold: float = 0.5
    phrases: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    negative: tuple[str, ...] = ()
    near: tuple[NearRule, ...] = ()
    blockers: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    context: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain data (for saving with a model and for TOML output)."""
        out: dict[str, Any] = {
            "id": self.id,
            "name_id": self.name_id,
            "name_en": self.name_en,
            "description": self.description,
            "include": list(self.include),
            "exclude": list(self.exclude),
            "threshold": self.threshold,
            "phrases": list(self.phrases),
            "terms": list(self.terms),
            "negative": list(self.negative),
            "near": [_near_dict(r) for r in self.near],
        }
        if self.blockers:  # left out when empty: older taxonomies read and write unchanged
            out["blockers"] = list(self.blockers)
        if getattr(self, "conditions", ()):  # themes saved before ``conditions`` lack it
            out["conditions"] = list(self.conditions)
        if getattr(self, "context", ()):  # themes saved before ``context`` lack it
            out["context"] = list(self.context)
        return out


def _near_dict(rule: NearRule) -> dict[str, Any]:
    out: dict[str, Any] = {"a": list(rule.a), "b": list(rule.b), "window": rule.window}
    if getattr(rule, "c", ()):  # rules saved before ``c`` existed have no such attribute
        out["c"] = list(rule.c)
    if getattr(rule, "ordered", False):
        out["ordered"] = True
    if getattr(rule, "strong", False):  # rules saved before ``strong`` existed lack it
        out["strong"] = True
    return out


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise TaxonomyError(f"{where}: expected a list of non-empty strings")
    if not where.endswith(_EVIDENCE):
        return tuple(v.strip() for v in value)
    for v in value:
        _check_seed(v, where)
    return tuple(v.strip().lower() for v in value)


def _check_seed(seed: str, where: str) -> None:
    """Refuse a seed the tagger would read otherwise than its writer meant.

    The tagger matches words and drops every other character, so a pattern such as
    ``posko (banjir|pengungsian)`` would silently become the phrase "posko banjir pengungsian",
    and ``***`` would have no word to match at all.
    """
    pattern = [c for c in dict.fromkeys(seed) if c in _PATTERN_CHARS]
    if pattern:
        raise TaxonomyError(
            f"{where}: {seed!r}: {' '.join(map(repr, pattern))} not allowed; seeds are plain "
            "words as news writes them, not patterns (write each wording as a seed of its own)"
        )
    words = tokenize(seed)
    if not words:
        raise TaxonomyError(f"{where}: {seed!r} holds no word")
    if not where.endswith(("blockers", "conditions")):
        from .rules import GAP_WORDS  # (rules reads this module: imported when first needed)

        if all(w in GAP_WORDS for w in words):
            raise TaxonomyError(
                f"{where}: {seed!r} is made only of words the tagger skips between a seed's "
                "words (di, dan, yang, ...): it would match nothing"
            )


#: regular-expression characters: an analyst who writes one means a pattern, which seeds are not
_PATTERN_CHARS = frozenset("()|*?+[]{}\\^$")

_EVIDENCE = ("phrases", "terms", "negative", "blockers", "conditions", "context", ".a", ".b", ".c")
_KNOWN = {
    "id", "name_id", "name_en", "description", "include", "exclude", "threshold", "phrases",
    "terms", "negative", "near", "blockers", "conditions", "context",
}  # fmt: skip


def _meant(unknown: set[str], known: set[str] | frozenset[str]) -> str:
    """``" (did you mean 'phrases'?)"`` for the known fields spelt closest to the unknown ones,
    or nothing.

    >>> _meant({"phrase", "treshold"}, {"phrases", "threshold", "terms"})
    " (did you mean 'phrases', 'threshold'?)"
    """
    import difflib

    # (case aside: "Id" meant "id")
    close = [m for u in sorted(unknown) for m in difflib.get_close_matches(u.lower(), known, n=1)]
    return f" (did you mean {', '.join(map(repr, dict.fromkeys(close)))}?)" if close else ""


def _theme(raw: Any, where: str) -> Theme:
    if not isinstance(raw, dict):
        raise TaxonomyError(f"{where}: each [[themes]] entry must be a table")
    tid = raw.get("id")
    if not isinstance(tid, str) or not tid.isidentifier():
        taken = [
            rule["id"]
            for rule in raw.get("near") or []
            if isinstance(rule, dict) and isinstance(rule.get("id"), str)
        ]
        hint = (
            f" (its [[themes.near]] table holds id = {taken[0]!r}: a [[themes.near]] written "
            "between a [[themes]] header and that theme's own keys takes the keys that follow "
            "it; write a theme's near rules after its keys, before the next [[themes]])"
            if taken
            else ""
        )
        unknown = set(raw) - _KNOWN
        if tid is None and unknown:  # "Id = ...": the field misspelt, said as such
            hint = f"; unknown field(s) {sorted(unknown)}{_meant(unknown, _KNOWN)}"
        raise TaxonomyError(
            f"{where}: 'id' must be a word such as pilkada_security, got {tid!r}{hint}"
        )
    where = f"{where} ({tid})"
    unknown = set(raw) - _KNOWN
    if unknown:
        raise TaxonomyError(f"{where}: unknown field(s) {sorted(unknown)}{_meant(unknown, _KNOWN)}")
    threshold = raw.get("threshold", 0.5)
    if not isinstance(threshold, (int, float)) or not 0.0 < float(threshold) < 1.0:
        raise TaxonomyError(
            f"{where}: 'threshold' must be a number strictly between 0 and 1 (0 < t < 1), "
            f"got {threshold!r}"
        )
    rules = []
    raw_near = raw.get("near", []) or []
    if isinstance(raw_near, dict):
        raise TaxonomyError(
            f"{where}: write each proximity rule as its own [[themes.near]] table (double "
            "brackets), not [themes.near]"
        )
    for k, r in enumerate(raw_near):
        if not isinstance(r, dict) or "a" not in r or "b" not in r:
            raise TaxonomyError(f"{where}: near rule {k + 1} needs 'a' and 'b' lists")
        for side in ("a", "b", "c"):
            if side in r and not r[side]:
                raise TaxonomyError(f"{where}: near rule {k + 1}: '{side}' is empty")
        window = r.get("window", 12)
        # ``true`` is an int to Python: it would be a window of one word
        if isinstance(window, bool) or not isinstance(window, int) or not 1 <= window <= 100:
            raise TaxonomyError(f"{where}: near rule {k + 1}: 'window' must be 1..100 words")
        near_keys = {"a", "b", "c", "window", "ordered", "strong"}
        unknown_keys = set(r) - near_keys
        if unknown_keys:
            raise TaxonomyError(
                f"{where}: near rule {k + 1}: unknown field(s) {sorted(unknown_keys)}"
                f"{_meant(unknown_keys, near_keys)}"
            )
        ordered = r.get("ordered", False)
        if not isinstance(ordered, bool):
            raise TaxonomyError(f"{where}: near rule {k + 1}: 'ordered' must be true or false")
        strong = r.get("strong", False)
        if not isinstance(strong, bool):
            raise TaxonomyError(f"{where}: near rule {k + 1}: 'strong' must be true or false")
        rules.append(
            NearRule(
                _strings(r["a"], f"{where} near.a"),
                _strings(r["b"], f"{where} near.b"),
                window,
                _strings(r.get("c"), f"{where} near.c"),
                ordered,
                strong,
            )
        )
    for key in ("name_id", "name_en", "description"):
        # a list or a number would be stored as its Python text ("['Penanganan', 'Banjir']")
        if not isinstance(raw.get(key, ""), str):
            raise TaxonomyError(
                f"{where}: '{key}' must be text in quotes, got {type(raw[key]).__name__}"
            )
    theme = Theme(
        id=tid,
        name_id=raw.get("name_id", ""),
        name_en=raw.get("name_en", ""),
        description=raw.get("description", ""),
        include=_strings(raw.get("include"), f"{where} include"),
        exclude=_strings(raw.get("exclude"), f"{where} exclude"),
        threshold=float(threshold),
        phrases=_strings(raw.get("phrases"), f"{where} phrases"),
        terms=_strings(raw.get("terms"), f"{where} terms"),
        negative=_strings(raw.get("negative"), f"{where} negative"),
        near=tuple(rules),
        blockers=_strings(raw.get("blockers"), f"{where} blockers"),
        conditions=_strings(raw.get("conditions"), f"{where} conditions"),
        context=_strings(raw.get("context"), f"{where} context"),
    )
    if any(" " in w for w in theme.blockers):
        raise TaxonomyError(f"{where}: blockers are single words")
    if any(" " in w for w in theme.conditions):
        raise TaxonomyError(f"{where}: conditions are single words")
    if not (theme.phrases or theme.near):
        raise TaxonomyError(
            f"{where}: a theme needs strong evidence, phrases or near rules (terms only count "
            "beside them, so a theme of terms alone could never be tagged)"
        )
    return theme


@dataclass(frozen=True)
class Taxonomy:
    """An ordered set of themes.

    Examples
    --------
    >>> tax = Taxonomy.from_dict({"version": 1, "themes": [
    ...     {"id": "banjir", "phrases": ["banjir bandang"], "terms": ["banjir", "genangan"]}]})
    >>> tax.ids
    ['banjir']
    """

    themes: tuple[Theme, ...]
    version: int = 1
    language: str = "id"
    #: where the taxonomy was read from, for messages: the path as given while it is in memory,
    #: only the file name (or :data:`BUNDLED_SOURCE`) once saved or pickled
    source: str = field(default="", compare=False)

    def __getstate__(self) -> dict[str, Any]:
        # a saved model is shared: it keeps what tells a reader which taxonomy it learnt from,
        # not the folders of the machine that trained it (a user's home, a virtualenv)
        state = dict(self.__dict__)
        state["source"] = portable_source(self.source)
        return state

    @property
    def ids(self) -> list[str]:
        return [t.id for t in self.themes]

    def __getitem__(self, theme_id: str) -> Theme:
        for t in self.themes:
            if t.id == theme_id:
                return t
        raise KeyError(f"no theme {theme_id!r} in the taxonomy (themes: {', '.join(self.ids)})")

    def __len__(self) -> int:
        return len(self.themes)

    @classmethod
    def from_dict(cls, data: dict[str, Any], source: str = "<dict>") -> Taxonomy:
        """Build and validate a taxonomy from parsed TOML (or equivalent plain data)."""
        version = data.get("version", 1)
        if version != 1:
            raise TaxonomyError(f"{source}: taxonomy format version {version!r} is not supported")
        unknown = set(data) - {"version", "language", "themes"}
        if unknown:
            hint = " (each theme is a [[themes]] table)" if unknown & {"theme", "Themes"} else ""
            raise TaxonomyError(f"{source}: unknown top-level key(s) {sorted(unknown)}{hint}")
        raw_themes = data.get("themes")
        if not isinstance(raw_themes, list) or not raw_themes:
            raise TaxonomyError(f"{source}: needs at least one [[themes]] entry")
        themes = tuple(_theme(t, f"{source}: theme {i + 1}") for i, t in enumerate(raw_themes))
        for key in ("id", "name_id", "name_en"):
            # two themes of one name are most often a copied theme left unrenamed, which an
            # analyst reading the names could not tell apart
            seen: dict[str, int] = {}
            for i, t in enumerate(themes):
                value = getattr(t, key)
                if value in seen:
                    raise TaxonomyError(
                        f"{source}: theme {key} {value!r} appears twice (themes "
                        f"{seen[value] + 1} and {i + 1})"
                    )
                if value:
                    seen[value] = i
        language = data.get("language", "id")
        if not isinstance(language, str) or not language.strip():
            raise TaxonomyError(
                f'{source}: language must be a language code in quotes ("id"), got {language!r}'
            )
        return cls(themes, version=1, language=language.strip(), source=source)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Taxonomy:
        """Read a taxonomy TOML file (the bundled default when ``path`` is None)."""
        path = Path(path) if path is not None else default_taxonomy_path()
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise TaxonomyError(f"{path}: not valid TOML: {exc}") from None
        return cls.from_dict(data, source=str(path))

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "language": self.language,
            "themes": [t.to_dict() for t in self.themes],
        }

    def with_theme(self, theme: Theme) -> Taxonomy:
        """A copy with ``theme`` added (or replacing the theme with the same id)."""
        kept = tuple(t for t in self.themes if t.id != theme.id)
        return Taxonomy((*kept, theme), self.version, self.language, self.source)


def portable_source(source: str) -> str:
    """``source`` without the folders of this machine: :data:`BUNDLED_SOURCE` for the bundled
    default taxonomy, the file name for any other path, anything else (``"<dict>"``) as it is.

    Examples
    --------
    >>> portable_source("/home/ana/taxonomies/pilkada.toml")
    'pilkada.toml'
    >>> portable_source(str(default_taxonomy_path()))
    'bundled taxonomy'
    >>> portable_source("<dict>")
    '<dict>'
    """
    if "/" not in source and "\\" not in source:
        return source
    try:
        if Path(source).resolve() == default_taxonomy_path().resolve():
            return BUNDLED_SOURCE
    except (OSError, ValueError):  # a path this system cannot resolve is not the bundled one
        pass
    # split on both separators: a model trained on Windows may be saved again on Linux
    return re.split(r"[\\/]", source.rstrip("\\/"))[-1] or source


def default_taxonomy_path() -> Path:
    """The bundled default taxonomy (``corpora/taxonomy.toml``)."""
    from ..resources import corpora_dir

    return corpora_dir() / "taxonomy.toml"
