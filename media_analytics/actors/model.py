"""Records produced by actor and quote extraction, and the cross-article key of an actor."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

__all__ = ["Actor", "ActorType", "Quote", "canonical_key", "normalize_name", "org_key"]

ActorType = Literal["person", "organization", "place"]

_NON_WORD = re.compile(r"[^\w\s/&-]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)  # names recur within and across articles
def normalize_name(name: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces.

    >>> normalize_name("  PT. Jatim  Propertindo Jaya ")
    'pt jatim propertindo jaya'
    >>> normalize_name("Ma’ruf Amin")
    'maruf amin'
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _NON_WORD.sub(" ", plain.replace("’", "").replace("'", "")).lower()
    return _SPACES.sub(" ", plain).strip()


@dataclass
class Actor:
    """A person, organisation or place named in one article.

    Attributes
    ----------
    name : str
        The fullest name seen, without rank or honorifics (``"Anra Nosa"``,
        ``"PT. Jatim Propertindo Jaya"``, ``"Kota Dumai"``).
    type : str
        ``"person"``, ``"organization"`` or ``"place"``.
    title : str or None
        Police or military rank (``"IPTU"``, ``"AKBP"``).
    role : str or None
        Office as written (``"Kapolsek Bukit Kapur"``, ``"Menteri Keuangan"``).
    honorifics : list of str
        Academic degrees and honorifics (``["S.H.", "M.H."]``, ``["Dr."]``).
    mentions : list of (int, int)
        Character offsets; ``text[start:end]`` is the mention (a name, or a role phrase the
        article bound to this person, or an alias).
    region : dict or None
        For places: ``{"province": ..., "regency": ...}`` when known; for an organisation whose
        name ends in a region (a local branch: ``KPU Brebes``, ``Bawaslu Jateng``), that region.
    aliases : list of str
        Other names seen for the actor (short forms, acronyms).
    official : str or None
        For places mapped to one region: its official name (``"Kota Dumai"`` for ``"Dumai"``).
    named_in : list of str
        For a place that the headline or the dateline names and the body does not (see
        :func:`~media_analytics.actors.places_outside_body`): ``["title"]``, ``["dateline"]``
        or both; it has no ``mentions``. Empty for the actors read from the body.
    """

    name: str
    type: ActorType
    title: str | None = None
    role: str | None = None
    honorifics: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    region: dict[str, str] | None = None
    aliases: list[str] = field(default_factory=list)
    official: str | None = None
    named_in: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """Shorthand for :func:`canonical_key`."""
        return canonical_key(self)

    def to_dict(self) -> dict[str, Any]:
        """The scored-record form: ``name``, ``title``, ``role``, ``type`` and the extras."""
        out: dict[str, Any] = {
            "name": self.name,
            "title": self.title,
            "role": self.role,
            "type": self.type,
        }
        if self.honorifics:
            out["honorifics"] = list(self.honorifics)
        if self.region:
            out["region"] = dict(self.region)
        if self.official:
            out["official"] = self.official
        if self.aliases:
            out["aliases"] = list(self.aliases)
        if self.named_in:
            out["named_in"] = list(self.named_in)
        out["mentions"] = [list(m) for m in self.mentions]
        return out


@dataclass
class Quote:
    """A statement attributed in an article.

    Attributes
    ----------
    speaker : str or None
        Canonical name of the speaker (an :class:`Actor` name), None when unknown.
    text : str
        The statement without quote marks (direct) or the reported clause (indirect).
    verb : str or None
        Attribution verb as written, lower-cased (``"ujar"``, ``"tambahnya"``, ``"menurut"``).
    direct : bool
        True for a quotation in quote marks.
    start, end : int
        Offsets of ``text`` in the article: ``article[start:end] == text``.
    """

    speaker: str | None
    text: str
    verb: str | None
    direct: bool
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """The scored-record form."""
        return {
            "speaker": self.speaker,
            "text": self.text,
            "verb": self.verb,
            "direct": self.direct,
            "start": self.start,
            "end": self.end,
        }


_ORG_PREFIX = re.compile(r"^(pt|cv)\s+")
_ORG_SUFFIX = re.compile(r"\s+(persero|tbk)$")


def canonical_key(actor: Actor) -> str:
    """A key under which the same actor in different articles counts once.

    Persons: normalised name. Organisations: normalised name without ``PT``/``CV`` and
    ``Persero``/``Tbk``, so ``PT. Jatim Propertindo Jaya`` and ``PT Jatim Propertindo Jaya``
    meet. Places: the official region name when the place was mapped to a regency/city or province
    on that level, else the normalised name. The type is part of the key.

    >>> canonical_key(Actor(name="Anra Nosa", type="person", title="IPTU"))
    'person:anra nosa'
    >>> canonical_key(Actor(name="PT. Jatim Propertindo Jaya", type="organization"))
    'organization:jatim propertindo jaya'
    """
    official = actor.official if actor.type == "place" else None
    return _key(actor.type, actor.name, official)


def org_key(name: str) -> str:
    """:func:`canonical_key` of an organisation named ``name`` (no :class:`Actor` needed).

    >>> org_key("PT Jatim Propertindo Jaya (Persero)") == org_key("PT. Jatim Propertindo Jaya")
    True
    """
    return _key("organization", name, None)


@lru_cache(maxsize=1 << 16)
def _key(kind: str, name: str, official: str | None) -> str:
    norm = normalize_name(name)
    if kind == "organization":
        norm = _ORG_SUFFIX.sub("", _ORG_PREFIX.sub("", norm))
        while _ORG_SUFFIX.search(norm):
            norm = _ORG_SUFFIX.sub("", norm)
    elif kind == "place" and official:
        norm = normalize_name(official)
    return f"{kind}:{norm}"
