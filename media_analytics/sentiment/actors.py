"""Sentiment toward named actors: the tone of the sentences that mention them.

For each actor, the sentences (:func:`~media_analytics.sentiment.article.article_sentences`)
that overlap one of its mentions are read, and the sentences of quotations attributed to it
(``tambahnya``, ``tegasnya`` sentences often do not repeat the name). A sentence that carries
the actor's own quoted words counts for its favourable lean only: a speaker presenting its own
work well is covered somewhat well, but one that condemns a crime or attacks a rival is not
thereby covered badly, so such a sentence counts as neutral when it leans negative, and keeps
half its lean (:data:`ACTOR_OWN_STRENGTH`) when it leans positive, unless the actor opens it.
An organisation named in such a sentence only as the speaker's office (``"...," kata Sekjen
PDIP Hasto``, ``Ketua Bawaslu RI Rahmat Bagja menyebut ...``) is the speaker's side, not what
the quote judges: the sentence counts for it as its own quoted words too. An organisation
named as the subject of a law (``revisi UU KPK``, ``Undang-Undang Nomor 2 Tahun 2002 tentang
Kepolisian``) is not read there at all: such a sentence judges the law, and the protests
against a law that would weaken a body are not coverage against the body; nor is a sentence
that names it as the body an act would weaken, silence or destroy (``upaya pelemahan KPK``,
``KPK dilemahkan``, ``serangan terhadap Polsek``), while criticism of it still counts
(``KPK dikritik``). Words of tone inside an organisation's name (``Komisi Pemberantasan
Korupsi``, ``Badan Nasional Penanggulangan Bencana``) or a person's (``Ribut``, ``Untung``,
``Bahagia``: given names that are everyday words) are blanked out where the actors read a
sentence (:func:`name_blind`). An organisation
named as the body that arrests, searches, charges or rescues (``Polres Fakfak menetapkan tiga
tersangka``, ``ditangkap oleh Polda Metro Jaya``, ``dievakuasi oleh tim SAR``) counts that
sentence as its own words too: the crime or the accident the sentence reports is not coverage
against the police or the prosecutors who deal with it. A person's role is found before the
name or before the rank written in front of it (``Kabid Humas Polda Metro Jaya, Kombes Pol
Argo``). A person's reported speech that the quotation finder can miss counts as their own
words too: a quotation whose opening mark the crawler lost (``... terbakar,” kata Sapto.``),
the verb after a place and a date (``AKBP Eka di Bekasi, Selasa (17/9/2019), mengatakan,
...``), ``Menurut Kapolres AKBP X, ...``.
Every other sentence counts with the classifier's probabilities. A sentence that the actor
opens (a mention starts in its first quarter, or its first 12 characters) is mostly about the
actor and counts :data:`ACTOR_LEAD_WEIGHT` times; a sentence that names the actor further on
(an object, a passing reference) counts once. The probability vectors are averaged with these
weights.
``polarity`` is the mean P(positive) - P(negative) and the label follows it with the band
:data:`ACTOR_BAND`, wider than that of article tone because an actor's reading rests on a
sentence or two; ``score`` is the mean probability of the label.

Measured on 798 (article, actor) pairs of real news labelled for the tone of the coverage toward
the actor (``bench/actor_tone_eval.py``): reading the actor's own quotes as judgements of it and
the article's band of 0.15 called most neutrally covered actors positive or negative, and the
sentences that only name the actor in passing outweighed those about it.

A scored record (:class:`~media_analytics.pipeline.MediaPipeline`) also weighs the article's own
tone: an actor read as positive in an article whose tone is negative, or the reverse, gets
neutral (:func:`settle_with_article`), since sentences pulling against the whole article say
little about the coverage of one actor; the record keeps the sentence reading beside the settled
label (:func:`actor_record`). :func:`actor_sentiment` and
:func:`~media_analytics.sentiment.score_articles` give the sentence reading alone.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from .article import article_sentences, lean_label
from .labels import canonical_classes

__all__ = [
    "ACTOR_BAND",
    "ACTOR_LEAD_WEIGHT",
    "ACTOR_OWN_STRENGTH",
    "ActorSentiment",
    "actor_plan",
    "actor_record",
    "actor_sentiment",
    "actors_from",
    "settle_with_article",
]

logger = logging.getLogger(__name__)

Span = tuple[int, int]
#: Name, type, sentence indices, the indices among them that carry the actor's own quoted words
#: and those that the actor opens, of each actor to score (see :func:`actor_plan`).
ActorPlan = list[tuple[str, "str | None", list[int], frozenset[int], frozenset[int]]]

#: Half-width of the neutral polarity band of an actor's label: chosen from 0.15-0.3 on the
#: ``dev`` half of ``bench/data/actor_tone_labels.csv`` (see ``bench/RESULTS.md``).
ACTOR_BAND = 0.25

#: Weight of a sentence that the actor opens against one that names it further on: 3, chosen
#: from 1, 2, 3, 5 and 10 on the development pairs of ``bench/data/actor_tone_labels.csv``
#: (see ``bench/RESULTS.md``).
ACTOR_LEAD_WEIGHT = 3.0
#: Share of its probabilities that a sentence of the actor's own quoted words keeps when it leans
#: positive and the actor does not open it (the rest goes to neutral): 0.5, chosen from 0, 0.25,
#: 0.5, 0.75 and 1 on the development pairs (see ``bench/RESULTS.md``). An actor presenting its
#: own work well is weak evidence of favourable coverage.
ACTOR_OWN_STRENGTH = 0.5
# a mention that starts within this many characters of a sentence, or within its first quarter,
# opens it
_LEAD_CHARS = 12
# a person's role is looked for this many characters beyond its length from a mention (the
# comma and spaces between them)
_ROLE_GAP = 4
# what may follow a person's rank before the name: "Kombes Pol", "AKBP (Purn)"
_RANK_TAIL = re.compile(r"[\s.]*(?:Pol\b\.?|\(Purn\.?\)|Purn\b\.?)?[\s.]*")


@dataclass(frozen=True)
class ActorSentiment:
    """The tone of an article toward one actor.

    Attributes
    ----------
    name : str
    type : str or None
        ``person``, ``organization``, ``place`` when known.
    label : str
        ``negative``, ``neutral`` or ``positive``.
    score : float
        Mean probability of ``label`` over the actor's sentences.
    polarity : float
        Mean P(positive) - P(negative), from -1 to 1.
    n_sentences : int
        Number of sentences scored for the actor.
    sentences : list of (int, int)
        Their character offsets in the text.
    probabilities : dict of str to float
        The weighted mean probability of each class over those sentences.
    """

    name: str
    type: str | None
    label: str
    score: float
    polarity: float
    n_sentences: int
    sentences: list[Span]
    probabilities: dict[str, float] | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain data for a scored record."""
        return {
            "name": self.name,
            "type": self.type,
            "label": self.label,
            "score": self.score,
            "polarity": self.polarity,
            "n_sentences": self.n_sentences,
        }


def _as_mentions(actor: Any) -> tuple[str, str | None, list[Span]]:
    """Name, type and mention offsets of an ``Actor`` or a ``(name, [(start, end), ...])`` pair."""
    if hasattr(actor, "name") and hasattr(actor, "mentions"):
        name, kind, mentions = actor.name, getattr(actor, "type", None), actor.mentions
    elif isinstance(actor, Sequence) and len(actor) == 2 and isinstance(actor[0], str):
        name, kind, mentions = actor[0], None, actor[1]
    else:
        raise TypeError(
            "an actor must be an Actor (with .name and .mentions) or a (name, [(start, end), ...]) "
            f"pair; got {actor!r}"
        )
    spans = []
    for m in mentions:
        start, end = int(m[0]), int(m[1])
        if not 0 <= start < end:
            raise ValueError(f"actor {name!r}: bad mention offsets {m!r}")
        spans.append((start, end))
    return str(name), kind, spans


_NAME_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def _polar_words() -> frozenset[str]:
    """The words of the project's polarity lexicon (:func:`~.lexicon.load_lexicon`)."""
    from .lexicon import load_lexicon

    return frozenset(w for w, v in load_lexicon().items() if v and " " not in w)


@lru_cache(maxsize=1 << 14)
def _polar(word: str) -> bool:
    from ..preprocessing import stem

    low = word.lower()
    return low in _polar_words() or stem(low) in _polar_words()


#: The actors whose names :func:`name_blind` reads without their words of tone.
NAMED_TYPES = frozenset({"organization", "person"})


def name_spans(actors: Sequence[Any]) -> list[Span]:
    """The mention offsets of the organisations and persons among ``actors``."""
    return [span for actor in actors for span in _name_mentions(actor)]


def _name_mentions(actor: Any) -> list[Span]:
    if getattr(actor, "type", None) not in NAMED_TYPES:
        return []
    return [(int(a), int(b)) for a, b in getattr(actor, "mentions", ())]


def name_blind(text: str, sentence: Span, names: Sequence[Span]) -> str:
    """The sentence of ``text`` as the tone toward its actors reads it: the words of the
    project's polarity lexicon inside an organisation's or a person's name (``names``, see
    :func:`name_spans`) blanked out, so that ``Komisi Pemberantasan Korupsi``, ``Badan Nasional
    Penanggulangan Bencana`` or ``Direktorat Reserse Narkoba`` give no tone of their own to a
    sentence that names them (neutral sentences naming such bodies read negative one time in
    three where they read so never with a plain name such as ``Komisi Pemilihan Umum``), nor a
    given name that is also an everyday word (``Irjen Ribut Hari Wibowo``: ``ribut``, "uproar").
    Offsets are kept (each word becomes as many spaces). The article's tone reads the sentence
    as written.

    >>> text = "Komisi Pemberantasan Korupsi menggelar rapat."
    >>> name_blind(text, (0, len(text)), [(0, 28)])
    'Komisi Pemberantasan         menggelar rapat.'
    """
    a, b = sentence
    inside = [(max(s, a), min(e, b)) for s, e in names if s < b and e > a]
    if not inside:
        return text[a:b]
    chars = list(text[a:b])
    for s, e in inside:
        for m in _NAME_WORD.finditer(text, s, e):
            if _polar(m.group()):
                chars[m.start() - a : m.end() - a] = " " * (m.end() - m.start())
    return "".join(chars)


def _opened(sentences: Sequence[Span], idx: Sequence[int], spans: Sequence[Span]) -> set[int]:
    """The sentences of ``idx`` in which one of ``spans`` starts near the beginning."""
    starts = sorted(a for a, _ in spans)
    out = set()
    for i in idx:
        s, e = sentences[i]
        reach = s + max(_LEAD_CHARS, (e - s) // 4)
        k = bisect_left(starts, s)  # the first span starting in the sentence or after it
        if k < len(starts) and starts[k] < reach:
            out.add(i)
    return out


def _overlapping(sentences: Sequence[Span], spans: Iterable[Span]) -> list[int]:
    """The sentences (in text order, not overlapping each other) that any span overlaps.

    Found by bisection, so an article with thousands of mentions and sentences costs
    O(m log n), not O(m n)."""
    if not isinstance(sentences, list):
        sentences = list(sentences)
    ends = [e for _, e in sentences]
    hit = set()
    for a, b in spans:
        i = bisect_right(ends, a)  # the first sentence ending after the span starts
        while i < len(sentences) and sentences[i][0] < b:
            hit.add(i)
            i += 1
    return sorted(hit)


def _extract(text: str) -> tuple[list[Any], list[Any]]:
    try:
        from ..actors import extract_actors, extract_quotes, speakers_as_actors
    except ImportError as exc:  # pragma: no cover - the actors package ships with the library
        raise ValueError(
            "no actors given and media_analytics.actors is unavailable; pass "
            "(name, [(start, end), ...]) pairs"
        ) from exc
    found = extract_actors(text)
    quotes = extract_quotes(text, found)  # quotes reuse the actors' analysis
    return speakers_as_actors(text, found, quotes), quotes  # as the pipeline's records have them


def actor_sentiment(
    text: str,
    actors: Sequence[Any] | None = None,
    *,
    model: Any = None,
    quotes: Sequence[Any] | None = None,
    types: Iterable[str] | None = None,
    band: float = ACTOR_BAND,
    lead_weight: float = ACTOR_LEAD_WEIGHT,
    own_strength: float = ACTOR_OWN_STRENGTH,
) -> list[ActorSentiment]:
    """The tone of ``text`` toward each actor, from the sentences that mention it.

    Parameters
    ----------
    text : str
        The text the mention offsets refer to.
    actors : sequence, optional
        :class:`media_analytics.actors.Actor` objects or ``(name, [(start, end), ...])`` pairs.
        ``None``: extract actors (and quotes) from ``text`` with :mod:`media_analytics.actors`.
    model : classifier, optional
        A fitted :class:`SentimentClassifier`; the default model when ``None``.
    quotes : sequence, optional
        Objects with ``speaker``, ``start``, ``end`` (:class:`media_analytics.actors.Quote`); the
        sentences of a quotation count for the actor named as its speaker (as neutral when
        they lean negative).
    types : iterable of str, optional
        Keep only actors of these types (``person``, ``organization``, ``place``).
    band : float, default=ACTOR_BAND
        Half-width of the neutral polarity band.
    lead_weight : float, default=ACTOR_LEAD_WEIGHT
        Weight of a sentence the actor opens (1 weighs every sentence alike).
    own_strength : float, default=ACTOR_OWN_STRENGTH
        Share of its probabilities kept by a favourable sentence of the actor's own quotes that
        the actor does not open (1 keeps them whole).

    Returns
    -------
    list of ActorSentiment
        In the order of ``actors``; actors with no mention inside a sentence are left out.

    Examples
    --------
    >>> from media_analytics.sentiment import actor_sentiment
    >>> text = "Budi dipuji warga karena sigap. Andi ditangkap karena korupsi."
    >>> mentions = [("Budi", [(0, 4)]), ("Andi", [(32, 36)])]
    >>> [(a.name, a.label) for a in actor_sentiment(text, mentions)]
    [('Budi', 'positive'), ('Andi', 'negative')]
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    if model is None:
        from .default import default_model

        model = default_model()
    if actors is None:
        actors, extracted_quotes = _extract(text)
        if quotes is None:
            quotes = extracted_quotes
    sentences = article_sentences(text)
    plan = actor_plan(sentences, actors, quotes, types, text)
    if not plan:
        return []
    needed = sorted({i for _, _, idx, _, _ in plan for i in idx})
    names = name_spans(actors)
    proba = np.asarray(model.predict_proba([name_blind(text, sentences[i], names) for i in needed]))
    row = {i: r for r, i in enumerate(needed)}
    classes = canonical_classes(model)
    return actors_from(plan, sentences, proba, row, classes, band, lead_weight, own_strength)


#: The actor types :func:`~media_analytics.actors.extract_actors` gives.
ACTOR_TYPES = frozenset({"person", "organization", "place"})


def _types(types: Iterable[str] | str | None) -> set[str] | None:
    """``types`` as a set: one type name alone (``"person"``) is one type; an unknown name is
    an error rather than a filter that keeps nothing."""
    if types is None:
        return None
    wanted = {types} if isinstance(types, str) else set(types)
    unknown = wanted - ACTOR_TYPES
    if unknown:
        raise ValueError(
            f"unknown actor type(s) {sorted(unknown)}; types: {', '.join(sorted(ACTOR_TYPES))}"
        )
    return wanted


def _role_spans(
    text: str, role: str | None, spans: Sequence[Span], title: str | None = None
) -> list[Span]:
    """Where a person's ``role`` introduces it: written just before one of its mentions
    (``Sekjen PDIP Hasto``, ``Sekjen PDIP, Hasto``), or before its rank ``title`` there
    (``Kabid Humas Polda Metro Jaya, Kombes Pol Argo``), or just after it, set off by a comma
    (``Hasto, Sekjen PDIP,``); and the mentions themselves, which may be a role phrase bound to
    the person.

    >>> text = "Kabid Humas Polda Metro Jaya, Kombes Pol Argo Yuwono mengatakan"
    >>> _role_spans(text, "Kabid Humas Polda Metro Jaya", [(41, 52)], "Kombes")
    [(41, 52), (0, 28)]
    """
    out = list(spans)
    if not role:
        return out
    # plain string searches: a regular expression built from each role was compiled anew for
    # most calls (an article's roles overflow the ``re`` module's cache), which cost more than
    # the search itself
    size = len(role)
    for a, b in spans:
        head = _title_start(text, a, title) if title else a
        start = max(0, head - size - _ROLE_GAP)
        at = _role_before(text[start:head], role)
        if at >= 0:
            out.append((start + at, start + at + size))
        at = _role_after(text[b : b + size + _ROLE_GAP], role)
        if at >= 0:
            out.append((b + at, b + at + size))
    return out


def _title_start(text: str, at: int, title: str) -> int:
    """Where the rank ``title`` starts when it is written just before offset ``at`` (with
    ``Pol`` or ``(Purn)`` after it), else ``at``.

    >>> _title_start("Kombes Pol Argo", 11, "Kombes"), _title_start("Kata Argo", 5, "Kombes")
    (0, 5)
    """
    lo = max(0, at - len(title) - 10)
    k = text.rfind(title, lo, at)
    if k >= 0 and _RANK_TAIL.fullmatch(text, k + len(title), at):
        return k
    return at


def _role_before(before: str, role: str) -> int:
    r"""Where ``role`` starts in ``before`` when only spaces and commas follow it, else -1.

    The leftmost such place, as ``re.search(re.escape(role) + r"[\s,]*\Z", before)`` finds it.

    >>> _role_before("kata Ketua KPU, ", "Ketua KPU"), _role_before("Ketua KPU Hasyim", "KPU")
    (5, -1)
    """
    # the end of the text without its trailing spaces and commas
    end = len(before)
    while end and (before[end - 1] == "," or before[end - 1].isspace()):
        end -= 1
    return before.find(role, max(0, end - len(role)))


def _role_after(after: str, role: str) -> int:
    r"""Where ``role`` starts in ``after`` when a comma (with spaces around it) alone comes
    before it, else -1: the place of ``re.match(r"\s*,\s*" + re.escape(role), after)``.

    >>> _role_after(", Ketua KPU,", "Ketua KPU"), _role_after(" dan Ketua KPU", "Ketua KPU")
    (2, -1)
    """
    at = 0
    while at < len(after) and after[at].isspace():
        at += 1
    if not after.startswith(",", at):
        return -1
    first = at + 1
    last = first
    while last < len(after) and after[last].isspace():
        last += 1
    # the longest run of spaces first, as the regular expression's greedy ``\s*`` tries it
    for at in range(last, first - 1, -1):
        if after.startswith(role, at):
            return at
    return -1


# What names a law just before an organisation's name: "UU KPK", "RUU Polri", "Perppu KPK",
# "Undang-Undang Nomor 19 Tahun 2019 tentang Komisi ...", "UU No. 2/2002 tentang Kepolisian",
# "revisi undang-undang terkait Komisi ..."; and the short form in brackets after such a name
# ("Undang-Undang tentang Komisi Pemberantasan Korupsi (KPK)")
_LAW_BEFORE = re.compile(
    r"(?:\b(?:R?UU|Perppu|Perpu)\s+|\b(?:R?UU|Perppu|Perpu|[Uu]ndang-[Uu]ndang)\b"
    r"[^.;:!?\n]{0,60}?\b(?:tentang|terkait|mengenai)\s+(?:[^.;:!?\n()]{1,60}\(\s*)?)$"
)


def _outside_laws(text: str, spans: Sequence[Span]) -> list[Span]:
    """The mentions of ``spans`` that are not a law's subject (see the module docstring).

    >>> text = "Mahasiswa menolak revisi UU KPK. KPK memeriksa saksi."
    >>> _outside_laws(text, [(28, 31), (33, 36)])
    [(33, 36)]
    >>> text = "Revisi Undang-Undang tentang Komisi Pemberantasan Korupsi (KPK) disahkan."
    >>> _outside_laws(text, [(29, 57), (59, 62)])
    []

    The short form in brackets right after a law's subject is that subject too ("UU Komisi
    Pemberantasan Korupsi (KPK)"):

    >>> text = "Mulai dari UU Komisi Pemberantasan Korupsi (KPK) hingga RKUHP ditolak."
    >>> _outside_laws(text, [(14, 42), (44, 47)])
    []
    """
    out: list[Span] = []
    law = None  # the end of the last mention named as a law's subject
    for a, b in sorted(spans):
        if _LAW_BEFORE.search(text, max(0, a - 90), a) or (
            law is not None and _BRACKET_GAP.fullmatch(text, law, a)
        ):
            law = b
        else:
            out.append((a, b))
    return out


# Between a name and its short form in brackets: "Komisi Pemberantasan Korupsi (KPK)"
_BRACKET_GAP = re.compile(r"\s*\(\s*")


# What is done to a body that would weaken, silence or destroy it, named just before it ("upaya
# pelemahan KPK", "menghabisi KPK", "serangan terhadap Polsek") or just after it in the passive
# ("KPK dilemahkan dan dizolimi"). Criticism is not among them: "KPK dikritik" is coverage of it.
_HARMED_BEFORE = re.compile(
    r"\b(?:(?:pelemahan|melemahkan|pengkerdilan|mengkerdilkan|pengerdilan|mengerdilkan|"
    r"pembubaran|membubarkan|penghancuran|menghancurkan|menghabisi|pelumpuhan|melumpuhkan|"
    r"kriminalisasi|mengkriminalisasi|meneror|menyerang|mengintervensi)"
    r"(?:\s+(?:terhadap|atas|kepada|pada))?"
    # a noun of an act names its doer right after it ("serangan Hamas"): its victim only after
    # a preposition ("serangan terhadap Polsek")
    r"|(?:serangan|teror|intervensi)\s+(?:terhadap|atas|kepada|pada))"
    r"\s+(?:lembaga\s+|institusi\s+)?$",
    re.IGNORECASE,
)
_HARMED_AFTER = re.compile(
    r"\s*(?:\([^()]{1,20}\)\s*)?(?:(?:terus|kian|makin|semakin|sedang|telah|sudah|akan|"
    r"tengah|hendak|mau|ingin|coba)\s+)?(?:di|ter)(?:lemahkan|kerdilkan|bubarkan|hancurkan|"
    r"lumpuhkan|kriminalisasi|teror|serang|zalimi|zolimi|intervensi|habisi|amputasi|preteli)\b",
    re.IGNORECASE,
)


# The other side of a contest's result: "Luthfi-Yasin unggul atas pasangan Andika Perkasa dan
# Hendrar Prihadi" is the winner's good news, not the losers' (a newsroom researcher found the
# losing candidate read positive in the week he lost), and "Andika kalah dari Luthfi" the
# loser's bad news, not the winner's. A mention after such a verb, with only names,
# "pasangan", "calon", numbers and "dan" between, is left out of that actor's reading.
_BEATEN_BEFORE = re.compile(
    r"\b(?:unggul\s+(?:atas|dari|daripada)|mengungguli|mengalahkan|menang\s+(?:atas|melawan)|"
    r"menumbangkan|menaklukkan|menaklukan|mengandaskan|menyingkirkan|membungkam|menggulingkan|"
    # and the winner named after the loser's defeat ("Andika kalah dari Luthfi")
    r"kalah\s+(?:dari|oleh|atas|melawan)|dikalahkan(?:\s+oleh)?|tumbang\s+(?:dari|oleh)|"
    r"takluk\s+(?:dari|oleh))"
    r"(?:\s+(?:pasangan|paslon|calon|cagub|cawagub|cabup|cawabup|cawalkot|nomor|urut|no\.?|"
    r"dan|serta|rivalnya|lawannya|pesaingnya|[A-Z]\.|[A-Z][\w']*(?:-[A-Z][\w']*)*|\d+|,))*"
    r"(?:\s+|-)$"  # (a hyphen: the second name of a ticket, "mengungguli Andika-Hendi")
)

# a word every phrase of _BEATEN_BEFORE holds
_CONTEST = re.compile(
    r"unggul|menang|kalah|mengalahkan|menumbangkan|menaklukk?an|mengandaskan|menyingkirkan|"
    r"membungkam|menggulingkan|tumbang|takluk"
)


def _unbeaten(text: str, spans: Sequence[Span]) -> list[Span]:
    """The mentions of ``spans`` that are not named as the other side of a contest's result
    (the side beaten after ``unggul atas``, the winner after ``kalah dari``).

    >>> text = ("Luthfi-Yasin unggul atas pasangan Andika Perkasa dan Hendrar Prihadi. "
    ...         "Andika tersenyum.")
    >>> _unbeaten(text, [(34, 48), (53, 68), (70, 76)])
    [(70, 76)]
    >>> text = "Paslon Luthfi-Yasin mengungguli Andika-Hendi."
    >>> _unbeaten(text, [(7, 13), (14, 19), (32, 38), (39, 44)])
    [(7, 13), (14, 19)]
    """
    if not _CONTEST.search(text):  # (most articles report no contest: one search for them)
        return list(spans)
    return [(a, b) for a, b in spans if not _BEATEN_BEFORE.search(text, max(0, a - 120), a)]


# a building named after the body it houses, after a word of place ("ditemui di Kantor Pusat
# Kemenkeu", "demo di depan Gedung DPR", "tiba di Mapolda" is no such case: no building word)
_AT_BUILDING = re.compile(
    r"\b(?:di|ke|dari|depan|menuju|mendatangi|mendatangkan)\s+(?:depan\s+|halaman\s+|lobi\s+)?"
    r"(?:kantor|gedung|kompleks|markas|aula|balai|wisma)(?:\s+(?:pusat|utama|besar|baru|lama))?"
    r"\s*$",
    re.IGNORECASE,
)


def _not_places(text: str, spans: Sequence[Span]) -> list[Span]:
    """The mentions of ``spans`` that do not name the building where something happens (``...,
    ujar Purbaya ditemui di Kantor Pusat Kemenkeu``: the ministry is the place, and the
    sentence says nothing of it).

    >>> text = "Purbaya ditemui di Kantor Pusat Kemenkeu. Kemenkeu menaikkan pajak."
    >>> _not_places(text, [(32, 40), (42, 50)])
    [(42, 50)]
    """
    return [(a, b) for a, b in spans if not _AT_BUILDING.search(text, max(0, a - 60), a)]


def _unharmed(text: str, spans: Sequence[Span]) -> list[Span]:
    """The mentions of ``spans`` that are not named as the body an act would weaken or destroy
    (see the module docstring).

    >>> text = "Dosen menolak pelemahan KPK. KPK dilemahkan, kata mereka. KPK memeriksa saksi."
    >>> _unharmed(text, [(24, 27), (29, 32), (58, 61)])
    [(58, 61)]
    """
    return [
        (a, b)
        for a, b in spans
        if not _HARMED_BEFORE.search(text, max(0, a - 40), a)
        and not _HARMED_AFTER.match(text, b, min(len(text), b + 60))
    ]


# Acts of law enforcement and of rescue, whose negative lean is about the suspect or the
# victim, not the body that acts ("menangkap", "ditangkap", "dievakuasi oleh tim SAR"). Verbs
# that armed groups are also reported doing ("menembak", "menyandera") are left out;
# "melakukan" and "menggelar" count only with an act of enforcement after them, and
# "menetapkan" only in a sentence that names a suspect (a body also sets rules).
_ENFORCE_ACTIVE = (
    r"menangkap|menahan|mengamankan|membekuk|meringkus|menciduk|menggerebek|menggeledah|"
    r"menyita|menetapkan|memeriksa|menyelidiki|menyidik|mengusut|menindak|menertibkan|"
    r"membongkar|mengungkap|memburu|menjerat|menggagalkan|menyegel|mencegah|melimpahkan|"
    r"mendakwa|menuntut|memvonis|menjatuhkan|menghentikan|memproses|mengevakuasi|"
    r"menyelamatkan|menolong|memadamkan|menemukan"
)
_ENFORCE_PASSIVE = (
    r"ditangkap|ditahan|diamankan|dibekuk|diringkus|diciduk|digerebek|digeledah|disita|"
    r"ditetapkan|diperiksa|diselidiki|disidik|diusut|ditindak|ditertibkan|dibongkar|"
    r"diungkap|diburu|dijerat|digagalkan|disegel|dicegah|dilimpahkan|didakwa|dituntut|"
    r"divonis|dijatuhi|dihentikan|diproses|dievakuasi|diselamatkan|ditolong|dipadamkan|"
    r"ditemukan"
)
# The body's mention, then at most three adverbs, then the act: "Polres Fakfak sudah
# menetapkan tiga tersangka", "Komisi Pemberantasan Korupsi (KPK) mencegah ..."
_AGENT_ACTS = re.compile(
    r"\s*(?:\([^()]{1,15}\)\s*)?(?:(?:sudah|telah|akan|masih|tengah|sedang|kembali|pun|"
    r"berhasil|akhirnya|langsung|juga|segera|resmi|kemudian|lalu|baru|bahkan|yang|lantas|"
    r"terus|tetap)\s+){0,3}(?:" + _ENFORCE_ACTIVE + r"|menegakkan\s+hukum|"
    r"(?:melakukan|menggelar)\s+(?:penangkapan|penahanan|"
    r"penggeledahan|penyitaan|penyelidikan|penyidikan|pemeriksaan|penindakan|penggerebekan|"
    r"pengejaran|razia|operasi|OTT|penegakk?an\s+hukum))\b"
)
# The act in the passive before the body's mention: "ditangkap oleh Polda Metro Jaya",
# "ditetapkan sebagai tersangka ... oleh Kejaksaan Tinggi", "ditahan KPK", "OTT itu digelar KPK"
_ACTS_BY = re.compile(
    r"(?:\b(?:" + _ENFORCE_PASSIVE + r")|\b(?:OTT|operasi tangkap tangan|razia|penggeledahan)"
    r"\b[^.;!?\n]{0,60}?\b(?:digelar|dilakukan))\b(?:[^.;!?\n]{0,120}?\boleh)?\s+"
    r"(?:(?:tim|petugas|aparat|penyidik|jajaran|anggota|personel|pihak|para)\s+){0,2}\Z"
    # "Tambahan tersangka dari Polda Jatim": the suspects the body named
    r"|\btersangka(?:\s+(?:baru|lain|lainnya))?\s+dari\s+\Z"
    # a charge the body brings, the body its maker: "tudingan KPK pada Imam" (not the act nouns:
    # "penangkapan KKB" is the arrest of the group, not by it)
    r"|\b(?:tudingan|tuduhan|sangkaan|dakwaan)\s+\Z"
)

_SETS = re.compile(r"\b(?:menetapkan|ditetapkan)\b")
_SUSPECT = re.compile(r"\b(?:tersangka|buron|DPO)\b")


# Reported speech of a person the quotation finder can miss: a quotation whose opening mark the
# crawler lost (``... terbakar,” kata Sapto.``), words after a place and a date (``AKBP Eka di
# Bekasi, Selasa (17/9/2019), mengatakan, korban ...``), ``Menurut X, ...``. The verbs are the
# quotation finder's own (``actors/data/speech_verbs.txt``) without those of admitting or
# claiming: a person admitting a bribe ("mengakui") is covered badly.
_NOT_SPEECH = frozenset({"aku", "akui", "klaim", "mengaku", "mengakui", "mengklaim", "mengeklaim"})
# a verb of telling that introduces no quotation (so not in that list) but reports speech, and
# verbs of denial: what a person denies is the charge, not their deed ("Luthfi menolak
# persaingan itu disebut perang bintang", "Bupati membantah tudingan korupsi"), so the sentence
# counts for them as their own words do, for its favourable lean only
_ALSO_SAYS = frozenset({"menceritakan", "membantah", "menyangkal", "menepis", "menampik"})
_DENIES = (
    r"menolak\s+(?:anggapan|tudingan|tuduhan|"
    r"(?:[^\s,.;!?]+\s+){0,3}?(?:disebut|dikatakan|dianggap|dituding|dicap))"
)


@lru_cache(maxsize=1)
def _speech_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What follows a person's mention when the sentence is their speech (a place and a date
    set off by commas, then the verb; an apposition is left out: "adik dari Imam, Syamsul,
    mengatakan" is Syamsul's speech), and what precedes it ("..., kata Kapolres AKBP",
    "...” ujar", "Menurut", with only capitalised words, a role or a rank, between: "tutur
    Maduro kepada Correa" is Maduro's)."""
    from ..actors.lexicon import get_lexicon

    lex = get_lexicon()
    says = "|".join(sorted((lex.verbs_before | _ALSO_SAYS) - _NOT_SPEECH, key=len, reverse=True))
    says += "|" + _DENIES
    said = "|".join(sorted(lex.verbs_after - _NOT_SPEECH, key=len, reverse=True))
    then_says = re.compile(
        r"(?:\s+di\s+[^,.;!?]{1,40},\s*\w+\s*\([^()]{1,20}\),)?\s*"
        r"(?:(?:lantas|juga|pun|kemudian|pula|sebelumnya)\s+)?(?:" + says + r")\b"
    )
    said_by = re.compile(
        r"(?:[,\"”’]\s*(?:" + said + r")(?:nya)?|\b[Mm]enurut)\s+(?:[A-Z(][^\s,.;!?]*\s+){0,12}\Z"
    )
    return then_says, said_by


def _speaking(
    text: str, sentences: Sequence[Span], idx: Sequence[int], spans: Sequence[Span]
) -> set[int]:
    """The sentences of ``idx`` that report what a person of ``spans`` said, by an attribution
    the quotation finder may not read (see :func:`_speech_cues`).

    >>> text = "Api berasal dari kamar cucu,” ujar Sapto. Sapto dikecam warga."
    >>> sorted(_speaking(text, [(0, 41), (42, 62)], [0, 1], [(35, 40), (42, 47)]))
    [0]
    """
    then_says, said_by = _speech_cues()
    return _cued(text, sentences, idx, spans, then_says, said_by, 90)


def _enforcing(
    text: str, sentences: Sequence[Span], idx: Sequence[int], spans: Sequence[Span]
) -> set[int]:
    """The sentences of ``idx`` in which a mention of ``spans`` names the body that makes an
    arrest, a search, a charge (the act written after it or, in the passive, before it).

    >>> text = "Polres Fakfak menetapkan tiga tersangka. Kantor Polres Fakfak dirusak massa."
    >>> sents = [(0, 40), (41, 76)]
    >>> sorted(_enforcing(text, sents, [0, 1], [(0, 13), (48, 61)]))
    [0]
    >>> sorted(_enforcing("Dia ditangkap oleh Polda Riau.", [(0, 30)], [0], [(19, 29)]))
    [0]
    >>> sorted(_enforcing("Ia membantah tudingan KPK pada dirinya.", [(0, 39)], [0], [(22, 25)]))
    [0]
    """

    def suspect_named(act: re.Match[str], s: int, e: int) -> bool:
        # "menetapkan" is an act of enforcement only beside a suspect (a body also sets rules)
        return not _SETS.search(act.group()) or bool(_SUSPECT.search(text, s, e))

    return _cued(text, sentences, idx, spans, _AGENT_ACTS, _ACTS_BY, 160, suspect_named)


def _cued(
    text: str,
    sentences: Sequence[Span],
    idx: Sequence[int],
    spans: Sequence[Span],
    after: re.Pattern[str],
    before: re.Pattern[str],
    reach: int,
    accept: Callable[[re.Match[str], int, int], bool] | None = None,
) -> set[int]:
    """The sentences of ``idx`` in which a mention of ``spans`` is followed by what ``after``
    matches (from the mention's end) or preceded by what ``before`` finds at the end of the
    ``reach`` characters before it, inside the sentence; ``accept(match, start, end)`` may
    refuse a match in its sentence."""
    out = set()
    for i in idx:
        s, e = sentences[i]
        for a, b in spans:
            if not (s <= a and b <= e):
                continue
            cue = after.match(text, b, e) or before.search(text[max(s, a - reach) : a])
            if cue and (accept is None or accept(cue, s, e)):
                out.add(i)
                break
    return out


def _introduced(
    sentences: Sequence[Span],
    idx: Sequence[int],
    spans: Sequence[Span],
    speakers: Sequence[tuple[list[Span], frozenset[int]]],
) -> set[int]:
    """The sentences of ``idx`` in which every one of ``spans`` lies inside the role of a
    speaker (its role spans and the sentences of its own quotes, from ``speakers``) quoted in
    that sentence: an organisation named only as the speaker's office there."""
    out = set()
    for i in idx:
        s, e = sentences[i]
        inside = [(a, b) for a, b in spans if a < e and b > s]
        if inside and any(
            i in said and all(any(x <= a and b <= y for x, y in roles) for a, b in inside)
            for roles, said in speakers
        ):
            out.add(i)
    return out


def unread_mentions(text: str, kind: str | None, spans: Sequence[Span]) -> dict[Span, str]:
    """The mentions of an actor that do not take their sentence's tone, each with why: an
    organisation named as a law's subject (``revisi UU KPK``), as the body an act would weaken
    (``pelemahan KPK``) or as the building where something happens (``di Kantor Pusat
    Kemenkeu``), and anyone named as the other side of a contest's result.

    >>> unread_mentions("Dosen menolak pelemahan KPK. KPK memeriksa saksi.", "organization",
    ...                 [(24, 27), (29, 32)])
    {(24, 27): 'named as the body an act would weaken or destroy'}
    """
    out: dict[Span, str] = {}
    kept = list(spans)
    if kind == "organization":
        housed = _not_places(text, kept)
        out.update((s, "named as the building where it happens") for s in kept if s not in housed)
        kept = housed
        outside = _outside_laws(text, kept)
        out.update((s, "named as a law's subject") for s in kept if s not in outside)
        unharmed = _unharmed(text, outside)
        out.update((s, "named as the body an act would weaken or destroy") for s in outside
                   if s not in unharmed)  # fmt: skip
        kept = unharmed
    unbeaten = _unbeaten(text, kept)
    out.update((s, "named as the other side of a contest's result") for s in kept
               if s not in unbeaten)  # fmt: skip
    return out


def actor_plan(
    sentences: Sequence[Span],
    actors: Sequence[Any],
    quotes: Sequence[Any] | None = None,
    types: Iterable[str] | None = None,
    text: str | None = None,
) -> ActorPlan:
    """For each actor to score, its name, type, the indices of its sentences, those of them that
    carry its own quoted words, and those that it opens (see :data:`ACTOR_LEAD_WEIGHT`).

    ``sentences`` are the text's sentence spans; actors and quotes as :func:`actor_sentiment`
    takes them. Actors with no mention inside a sentence are left out. Given the ``text``, an
    organisation named only in the role of a person quoted in a sentence (``..., kata Sekjen
    PDIP Hasto``) counts that sentence as its own quoted words, as the speaker does: the quote
    is the speaker's side, not a judgement of its office; and one named as a law's subject
    (``revisi UU KPK``) is not read in that sentence, left out when named so only.
    """
    wanted = _types(types)
    quote_spans: dict[str, list[Span]] = {}
    for q in quotes or ():
        if getattr(q, "speaker", None):
            quote_spans.setdefault(q.speaker, []).append((int(q.start), int(q.end)))
    mentioned = [_as_mentions(actor) for actor in actors]
    speakers = []  # the role spans of each quoted person and the sentences of its quotes
    if text is not None:
        for actor, (name, kind, spans) in zip(actors, mentioned, strict=True):
            role = getattr(actor, "role", None)
            if kind == "person" and role and name in quote_spans:
                said = frozenset(_overlapping(sentences, quote_spans[name]))
                title = getattr(actor, "title", None)
                speakers.append((_role_spans(text, role, spans, title), said))
    plan: ActorPlan = []
    for name, kind, spans in mentioned:
        if wanted is not None and kind not in wanted:
            continue
        if text is not None:
            unread = unread_mentions(text, kind, spans)
            spans = [span for span in spans if span not in unread]
        own = quote_spans.get(name, [])
        idx = _overlapping(sentences, [*spans, *own])
        if not idx:
            logger.debug("actor %r: no mention inside a sentence", name)
            continue
        introduced = (
            _introduced(sentences, idx, spans, speakers)
            if speakers and kind == "organization"
            else set()
        )
        if text is not None and kind == "organization":
            introduced |= _enforcing(text, sentences, idx, spans)
        elif text is not None and kind == "person":
            introduced |= _speaking(text, sentences, idx, spans)
        plan.append(
            (
                name,
                kind,
                idx,
                frozenset(_overlapping(sentences, own)) | introduced,
                frozenset(_opened(sentences, idx, spans)),
            )
        )
    return plan


def actors_from(
    plan: ActorPlan,
    sentences: Sequence[Span],
    proba: np.ndarray,
    row: Mapping[int, int],
    classes: Sequence[str],
    band: float = ACTOR_BAND,
    lead_weight: float = ACTOR_LEAD_WEIGHT,
    own_strength: float = ACTOR_OWN_STRENGTH,
) -> list[ActorSentiment]:
    """:class:`ActorSentiment` of each planned actor from sentence probabilities.

    ``proba[row[i]]`` holds the class probabilities of sentence ``i``; a sentence of the
    actor's own quotes that leans negative counts as neutral, one that leans positive is moved
    toward neutral (it keeps ``own_strength`` of its probabilities) unless the actor opens it,
    and a sentence the actor opens counts ``lead_weight`` times.
    """
    classes = [str(c) for c in classes]
    pos, neg = classes.index("positive"), classes.index("negative")
    if not plan:
        return []
    neutral = np.zeros((1, len(classes)))
    neutral[0, classes.index("neutral")] = 1.0
    table = np.vstack([np.asarray(proba, dtype=float).reshape(-1, len(classes)), neutral])
    last = len(table) - 1  # the neutral row
    negative_lean = table[:, neg] > table[:, pos]
    sizes = [len(idx) for _, _, idx, _, _ in plan]
    rows: list[int] = []
    lead_or_not: list[float] = []
    damped: list[bool] = []
    for _, _, idx, own, lead in plan:
        for i in idx:
            # the actor's own words: neutral when they lean negative, and weaker evidence
            # (damped) when the actor does not open the sentence
            rows.append(last if i in own and negative_lean[row[i]] else row[i])
            lead_or_not.append(lead_weight if i in lead else 1.0)
            damped.append(i in own and i not in lead)
    probs = table[rows]
    probs[damped] = own_strength * probs[damped] + (1.0 - own_strength) * neutral
    weights = np.asarray(lead_or_not)
    starts = np.cumsum([0, *sizes[:-1]])
    sums = np.add.reduceat(probs * weights[:, None], starts, axis=0)
    means = (sums / np.add.reduceat(weights, starts)[:, None]).tolist()
    out = []
    for (name, kind, idx, _, _), mean in zip(plan, means, strict=True):
        polarity = mean[pos] - mean[neg]
        label = lean_label(polarity, band)
        out.append(
            ActorSentiment(
                name=name,
                type=kind,
                label=label,
                score=mean[classes.index(label)],
                polarity=polarity,
                n_sentences=len(idx),
                sentences=[sentences[i] for i in idx],
                probabilities=dict(zip(classes, mean, strict=True)),
            )
        )
    return out


def actor_record(actor: ActorSentiment, article_label: str | None) -> dict[str, Any]:
    """An actor's ``sentiment`` in a scored record, given the tone of its article.

    ``label`` and ``score`` are settled with the article's tone (:func:`settle_with_article`);
    ``sentences`` are the offsets of the sentences read for the actor (into the cleaned text, as
    the theme spans), and ``reading`` is what they said before the article's tone was weighed:
    the actor's own label and score (:class:`ActorSentiment`). The two labels differ only where
    the reading opposed the article's tone and was made neutral.

    >>> a = ActorSentiment("Budi", "person", "positive", 0.6, 0.4, 1, [(0, 10)],
    ...                    {"negative": 0.2, "neutral": 0.2, "positive": 0.6})
    >>> actor_record(a, "negative")
    {'label': 'neutral', 'score': 0.2, 'sentences': [[0, 10]], 'reading': {'label': 'positive', \
'score': 0.6}}
    """
    label, score = settle_with_article(actor, article_label)
    return {
        "label": label,
        "score": round(score, 4),
        "sentences": [[int(a), int(b)] for a, b in actor.sentences],
        "reading": {"label": actor.label, "score": round(float(actor.score), 4)},
    }


def settle_with_article(actor: ActorSentiment, article_label: str | None) -> tuple[str, float]:
    """The label and score of ``actor`` given the tone of its article.

    A positive reading in a negative article, or a negative one in a positive article, becomes
    neutral (scored with the actor's mean probability of neutral); otherwise the actor's own
    label and score stand.

    >>> a = ActorSentiment("Budi", "person", "positive", 0.6, 0.4, 1, [(0, 10)],
    ...                    {"negative": 0.2, "neutral": 0.2, "positive": 0.6})
    >>> settle_with_article(a, "negative"), settle_with_article(a, "neutral")
    (('neutral', 0.2), ('positive', 0.6))
    """
    opposite = {"positive": "negative", "negative": "positive"}
    if article_label is not None and opposite.get(actor.label) == article_label:
        neutral = (actor.probabilities or {}).get("neutral")
        return "neutral", float(neutral) if neutral is not None else 1.0 - actor.score
    return actor.label, actor.score
