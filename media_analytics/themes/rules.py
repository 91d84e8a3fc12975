"""Seed-term rules: where in an article the taxonomy's evidence stands.

Matching runs on stems, so the seed phrase ``pengamanan pilkada`` matches ``mengamankan Pilkada``
and ``pengamanan di TPS`` matches ``pengamanan tps`` (stopwords between words are skipped). A few
derivations mean something else than their stem (``ditemukan``, found, beside ``temu``, to meet):
:data:`OTHER_SENSES` lists them, and a word matches a seed's word by stem only when both are of
the same sense. Every hit keeps the character offsets of the words in the cleaned text, so an
explanation always points at text that is really there.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress, islice
from operator import not_

import numpy as np

from ..preprocessing import StemCache, default_cache, tokenize
from .taxonomy import Taxonomy

__all__ = ["FEATURES", "GAP_WORDS", "OTHER_SENSES", "Hit", "RuleMatcher", "sentence_spans"]

logger = logging.getLogger(__name__)

#: Function words skipped between the words of a seed phrase ("pengamanan di TPS" matches the
#: seed "pengamanan tps"). Deliberately small: content words such as "jawab" or "dengar" that
#: general stopword lists contain are evidence here.
GAP_WORDS = frozenset(
    (
        "di",
        "ke",
        "dari",
        "dan",
        "yang",
        "untuk",
        "pada",
        "dalam",
        "dengan",
        "oleh",
        "serta",
        "atau",
        "para",
        "sang",
        "si",
        "itu",
        "ini",
        "tersebut",
        "akan",
        "telah",
        "sudah",
        "juga",
        "pun",
        "bagi",
        "kepada",
        "terhadap",
        "antara",
        "agar",
        "supaya",
        "secara",
        "saat",
        "se",
        "nya",
        "sebagai",
        "selama",
        "jelang",
        "menjelang",
        "usai",
        "seusai",
        "sejumlah",
    )
)
_WORD = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")

#: Derivations whose sense is not their stem's: stem -> sense -> the written forms of that sense
#: (each also with -nya, -lah, -kah, -pun). Seeds match by stem, so without this list the town
#: meeting ``temu warga`` matched ``ditemukan warga`` (found by residents) and the cue ``dengar``
#: (listen) matched ``ledakan terdengar`` (a blast was heard). A word of a text matches a seed's
#: word by stem only when both are of the same sense: a form listed here only a seed word of the
#: same listed sense ("ditemukan warga", written on purpose, matches "menemukan warga" and
#: "temuan warga"), and any other form of the stem only a seed word not listed here. This holds
#: for every taxonomy, an analyst's own too. A seed written as an affixed single word
#: ("ditemukan") matches its written forms only, as before. Add a form when news uses it in
#: another sense than the stem's every time; a form used in both senses ("mendengar": to listen,
#: or to hear a sound) cannot be told apart by its spelling and does not belong here.
OTHER_SENSES: dict[str, dict[str, tuple[str, ...]]] = {
    # to meet (temu warga, bertemu, menemui, pertemuan) / to find
    "temu": {
        "find": (
            "menemukan", "ditemukan", "temukan", "tertemukan", "penemuan", "temuan", "penemu",
        ),
    },
    # to listen (dengar pendapat, mendengarkan) / to be audible, the sense of hearing
    "dengar": {"audible": ("terdengar", "kedengaran", "pendengaran")},
    # to net, to gather (jaring aspirasi, menjaring) / a network
    "jaring": {"network": ("jaringan",)},
    # a deputy, a representative (wakil rakyat, wakil bupati) / a delegation or a house of
    # representatives (perwakilan warga; Dewan Perwakilan Rakyat, the DPR's building where
    # protesters meet each other)
    "wakil": {"delegation": ("perwakilan", "keterwakilan")},
    # to bribe (suap, menyuap, disuap) / to spoon-feed (menyuapi anak yatim)
    "suap": {"feed": ("menyuapi", "disuapi", "suapi")},
    # money (uang, amplop berisi uang) / finance (Badan Pemeriksa Keuangan, Menteri Keuangan)
    "uang": {"finance": ("keuangan",)},
    # not (tidak ditemui) / at least
    "tidak": {"at least": ("setidaknya", "setidak-tidaknya")},
    # a market (kampanye di pasar, blusukan ke pasar) / marketing (kampanye pemasaran)
    "pasar": {"marketing": ("pemasaran", "memasarkan", "dipasarkan", "pasarkan", "pemasar")},
}  # fmt: skip

#: names of the per-theme rule features, in the order :meth:`RuleMatcher.features` returns them
FEATURES = (
    "phrases",  # distinct strong phrases matched (at most 3 counted)
    "phrase_hits",  # all strong phrase matches (log-scaled)
    "terms_anchored",  # distinct weak terms (log-scaled) when a phrase or near rule also matched
    "terms_alone",  # distinct weak terms (log-scaled) when nothing stronger matched
    "near",  # proximity rule matches (log-scaled)
    "negative",  # veto cues matched
    "title",  # any strong phrase or near match in the title
    "lead",  # any strong phrase or near match in the first two sentences
)


@dataclass(frozen=True)
class Hit:
    """One piece of evidence: what matched, where, and of which kind."""

    theme: str
    # "phrase" (also a strong proximity rule's match), "term", "near", "negative" or "vetoed"
    kind: str
    # the taxonomy entry that matched: a phrase, a term or a veto cue as the taxonomy writes it;
    # for a proximity rule its number among the theme's rules and the cues it paired
    # ("near2: menemui + warga + bupati")
    seed: str
    start: int  # character offsets into the text that was matched
    end: int
    in_title: bool = False


_ABBREV = {
    "pt", "cv", "dr", "h", "hj", "ir", "drs", "no", "st", "jl", "jln", "kec", "kab", "prof", "tbk",
    "sh", "mh", "si", "se", "mm", "msi", "sos", "spd", "kol", "let", "brigjen", "kombes", "ipda",
    "bpk", "ny", "sdr", "tn", "mr", "mrs", "a", "b", "c", "d", "e", "m", "s",
}  # fmt: skip
_LAST_WORD = re.compile(r"([A-Za-z.]+)$")
# a sentence ends at . ! ? before a capital, at a line break, and at the ".," with which scraped
# news (CLICK-ID) joins its paragraphs: "di Jakarta.,Menurut dia" is two sentences
# (a run of marks is matched from its first mark only: tried from every mark of a long run
# "......" it backtracked over the rest of the run each time, quadratic in the run's length).
# Every match opens with one of the characters ``.!?`` or a line break, matched first and then
# checked by looking behind: a pattern that opens with a character class lets the regex engine
# skip ahead to the next such character, where one opening with a lookbehind is tried at every
# position of the text (ten times slower on news bodies, and every body is split).
_SENT_END = re.compile(
    r"[.!?\n]"
    r"(?:(?<=[.!?])(?<![.!?]{2})[.!?]*[\"”’']?(?=\s+[\"“‘'(A-Z0-9])"  # . ! ? then a capital
    r"|(?<=[.!?])(?<![.!?]{2})[.!?]*[\"”’']?,(?=[\"“‘'(]?[A-Z])"  # a paragraph join's ".,"
    r"|(?<=\n)\n*)"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (abbreviations such as ``PT.`` do not end one).

    >>> t = "Kapolsek IPTU Anra, S.H., hadir di PT. Jaya. Ia berpesan. Warga senang!"
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['Kapolsek IPTU Anra, S.H., hadir di PT. Jaya.', 'Ia berpesan.', 'Warga senang!']
    """
    return list(_iter_sentences(text))


def abbreviation_before(text: str, at: int, start: int = 0) -> bool:
    """Whether the period at ``text[at]`` closes an abbreviation (``PT.``, ``S.H.``, ``Jl.``)
    whose word begins at or after ``start``: no sentence ends there."""
    prev = _LAST_WORD.search(text, max(start, at - 16), at)
    return prev is not None and prev.group(1).replace(".", "").lower() in _ABBREV


def _iter_sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _SENT_END.finditer(text):
        at = m.start()
        mark = text[at]
        if mark == "." and abbreviation_before(text, at, start):
            continue
        # (trimmed in place: no copy of the sentence to test it for text)
        a, b = _trim(text, start, m.end() if mark != "\n" else at)
        if a < b:
            yield a, b
        start = m.end()
    a, b = _trim(text, start, len(text))
    if a < b:
        yield a, b


def _lead_end(text: str) -> int:
    """End offset of the lead: the second sentence of ``text`` (the first when there is one)."""
    lead = list(islice(_iter_sentences(text), 2))
    return lead[-1][1] if lead else 0


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


@dataclass(frozen=True)
class _Seed:
    theme: int
    kind: str
    seed: str
    stems: tuple[str, ...]
    forms: frozenset[str] | None = None  # single affixed words match these written forms only
    keeps: tuple[bool, ...] = ()  # per word: does the seed's written word contain its stem
    senses: tuple[str, ...] = ()  # per word: its sense in OTHER_SENSES ("" for the stem's own)


# the initial consonants that the nasal prefixes meN- and peN- replace (kawal -> mengawal)
_ELIDED = frozenset("kpst")


def _keeps_root(word: str, stem: str) -> bool:
    """Whether ``word`` is ``stem`` with affixes around it, as Indonesian derivation builds words.

    Affixes leave the root whole, except that meN-/peN- replace its first k, p, s or t
    (``tanggap`` -> ``menanggapi``). The stemmer also maps some unrelated words onto a root:
    ``relawan`` (volunteer) onto ``rawan`` (prone to trouble). Such a word does not contain the
    root, so a seed written as the root does not match it, and a seed written as ``relawan``
    matches only words that, like it, do not contain the root.

    >>> _keeps_root("kerawanan", "rawan"), _keeps_root("relawan", "rawan")
    (True, False)
    >>> _keeps_root("mengawal", "kawal"), _keeps_root("menyambangi", "sambang")
    (True, True)
    """
    return stem in word or (stem[:1] in _ELIDED and stem[1:] in word)


_CLITICS = ("", "nya", "lah", "kah", "pun")
#: written form -> its sense, for the forms of :data:`OTHER_SENSES` (a form not in it has its
#: stem's own sense, "")
_SENSE_OF = {
    form + clitic: f"{root}:{sense}"
    for root, senses in OTHER_SENSES.items()
    for sense, forms in senses.items()
    for form in forms
    for clitic in _CLITICS
}
# (rule, side, stems, forms, keeps, senses, the cue as the taxonomy writes it)
_NearSeed = tuple[
    int, int, tuple[str, ...], frozenset[str] | None, tuple[bool, ...], tuple[str, ...], str
]
# the words of a text, with what lies between them: ["", "Polisi", " ", "berjaga", "."]
# a word may hold hyphens and apostrophes ("Jum'at", "Ma'ruf"): the apostrophe is dropped before
# matching, as the tokenizer of the seeds drops it, so "Jum'at Curhat" is the seed "jumat curhat"
_SPLIT = re.compile(r"([A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*)")
_MEMO_SIZE = 200_000
#: how many words before a phrase or a near rule's first word a theme's blockers are looked for
BLOCK_WINDOW = 3
#: how many words before it a theme's conditions are looked for (within the sentence)
CONDITION_WINDOW = 12
_STOP_CHARS = frozenset(".!?;:")
# what ends a sentence between two words of a phrase ("aksi politik. Uang bantuan" is not the
# phrase "politik uang")
_SENTENCE_MARKS = frozenset(".!?\n")
_CLAUSE_MARKS = _SENTENCE_MARKS | frozenset(",;:()[]")


class _Tokens:
    """The content words of one text: lower-cased, stemmed, and where each one stands."""

    __slots__ = ("_at", "_ends", "_keep", "_lower", "_pieces", "stems", "words")

    def __init__(
        self,
        words: list[str],
        stems: list[str],
        pieces: list[str],
        keep: list[bool],
        lower: list[str] | None = None,
    ) -> None:
        self.words = words
        self.stems = stems
        self._pieces = pieces  # the split text: text between words, word, text between, ...
        self._keep = keep  # which words are content words
        self._lower = lower  # every word, function words included, lower-cased
        self._ends: list[int] = []
        self._at: list[int] = []

    def blocked(
        self, i: int, blockers: frozenset[str], conditions: frozenset[str] = frozenset()
    ) -> bool:
        """Whether one of ``BLOCK_WINDOW`` words before content word ``i`` is one of
        ``blockers``, or one of ``CONDITION_WINDOW`` words before it one of ``conditions``
        (function words counted, not across a sentence end)."""
        lower = self._lower
        if lower is None:
            return False
        j = self._word_at()[i]
        reach = max(BLOCK_WINDOW, CONDITION_WINDOW if conditions else 0)
        for n, k in enumerate(range(j - 1, max(-1, j - 1 - reach), -1)):
            if _STOP_CHARS.intersection(self._pieces[2 * k + 2]):
                return False
            if n < BLOCK_WINDOW and lower[k] in blockers:
                return True
            if lower[k] in conditions:
                return True
        return False

    def crosses_sentence(self, i: int, j: int) -> bool:
        """Whether a full stop, ``!``, ``?`` or a line break stands between content words ``i``
        and ``j``."""
        at = self._word_at()
        between = self._pieces[2 * at[i] + 2 : 2 * at[j] + 1 : 2]
        return any(not _SENTENCE_MARKS.isdisjoint(p) for p in between)

    def crosses_clause(self, i: int, j: int) -> bool:
        """Whether a sentence end or a clause mark (``, ; : ( )``) stands between content words
        ``i`` and ``j``: the words of a seed phrase stand in one clause."""
        at = self._word_at()
        between = self._pieces[2 * at[i] + 2 : 2 * at[j] + 1 : 2]
        return any(not _CLAUSE_MARKS.isdisjoint(p) for p in between)

    def next_to(self, i: int, j: int) -> bool:
        """Whether content word ``j`` follows ``i`` with no word and no clause mark between."""
        at = self._word_at()
        return at[j] == at[i] + 1 and not self.crosses_clause(i, j)

    def _word_at(self) -> list[int]:
        """Index among all words of each content word (computed on first use)."""
        if not self._at:
            self._at = list(compress(range(len(self._keep)), self._keep))
        return self._at

    def _offsets(self) -> None:
        # only articles with evidence need offsets: computed on first use
        self._ends = list(accumulate(map(len, self._pieces)))
        self._word_at()

    def start(self, i: int) -> int:
        if not self._ends:
            self._offsets()
        return self._ends[2 * self._at[i]]

    def end(self, i: int) -> int:
        if not self._ends:
            self._offsets()
        return self._ends[2 * self._at[i] + 1]


class RuleMatcher:
    """Finds a taxonomy's seed evidence in texts.

    Parameters
    ----------
    taxonomy : Taxonomy
    cache : StemCache, optional
        The stem cache to use (the process-wide one by default).
    """

    def __init__(self, taxonomy: Taxonomy, cache: StemCache | None = None) -> None:
        self.taxonomy = taxonomy
        self._stop = GAP_WORDS
        self._cache = cache if cache is not None else default_cache()
        # word -> stem for the words this matcher has seen: one C-level look-up per word on the
        # hot path (the stem cache answers the rest)
        self._memo: dict[str, str] = {}
        self._ids = {t.id: i for i, t in enumerate(taxonomy.themes)}
        self._blockers = [frozenset(t.blockers) for t in taxonomy.themes]
        self._conditions = [frozenset(getattr(t, "conditions", ())) for t in taxonomy.themes]
        self._index: dict[str, list[_Seed]] = {}
        # (theme, name, window, three-sided, ordered, kind of its hits) of each proximity rule
        self._near: list[tuple[int, str, int, bool, bool, str]] = []
        # first stem of a proximity phrase -> its phrases (see ``_NearSeed``)
        self._near_first: dict[str, list[_NearSeed]] = {}
        for ti, theme in enumerate(taxonomy.themes):
            for kind, seeds in (
                ("phrase", theme.phrases),
                ("term", theme.terms),
                ("negative", theme.negative),
                ("context", getattr(theme, "context", ())),  # (themes saved before it lack it)
            ):
                for seed in seeds:
                    stems, forms, keeps, senses = self._compile(seed, theme.id)
                    if kind == "phrase" and len(stems) == 1 and len(tokenize(seed)) > 1:
                        logger.warning(
                            "theme %s: phrase %r is one word once function words are skipped, "
                            "so it matches %r alone",
                            theme.id,
                            seed,
                            stems[0],
                        )
                    self._index.setdefault(stems[0], []).append(
                        _Seed(ti, kind, seed, stems, forms, keeps, senses)
                    )
            for k, rule in enumerate(theme.near):
                r = len(self._near)
                third = tuple(getattr(rule, "c", ()))  # rules saved before ``c`` existed lack it
                ordered = bool(getattr(rule, "ordered", False))
                # a strong rule's match weighs as a phrase (rules saved before it lack the field)
                kind = "phrase" if getattr(rule, "strong", False) else "near"
                self._near.append((ti, f"near{k + 1}", rule.window, bool(third), ordered, kind))
                for side, words in enumerate((rule.a, rule.b, third)):
                    for w in words:
                        stems, forms, keeps, senses = self._compile(w, theme.id)
                        self._near_first.setdefault(stems[0], []).append(
                            (r, side, stems, forms, keeps, senses, w)
                        )
        for entries in self._index.values():  # longest phrase first, so it wins at a position
            entries.sort(key=lambda e: -len(e.stems))
        # the themes that ask for a context word (``Theme.context``)
        self._needs_context = np.array(
            [bool(getattr(t, "context", ())) for t in taxonomy.themes], dtype=bool
        )

    def lacks_context(self, hits: Sequence[Hit]) -> np.ndarray:
        """Per theme (taxonomy order): it asks for a context word and ``hits`` hold none."""
        lacking = self._needs_context.copy()
        if lacking.any():
            for h in hits:
                if h.kind == "context":
                    lacking[self._ids[h.theme]] = False
        return lacking

    def _compile(
        self, seed: str, theme_id: str
    ) -> tuple[tuple[str, ...], frozenset[str] | None, tuple[bool, ...], tuple[str, ...]]:
        stems = self._stem_phrase(seed)
        if not stems:
            raise ValueError(f"theme {theme_id}: seed {seed!r} is made only of function words")
        # A single affixed word ("masukan", "relawan") matches its own written forms only: its stem
        # ("masuk", "rawan") is shared by words that mean something else ("termasuk", "rawan").
        # Roots ("curhat", "aman") and phrases match by stem, so they cover every derivation,
        # but only derivations that keep the root whole (see ``_keeps_root``) and that have the
        # sense of the seed's word (see ``OTHER_SENSES``).
        words = [w for w in tokenize(seed) if w not in self._stop]
        forms = None
        if len(stems) == 1 and stems[0] != words[0]:
            forms = frozenset(words[0] + c for c in _CLITICS)
        keeps = tuple(_keeps_root(w, st) for w, st in zip(words, stems, strict=True))
        senses = tuple(_SENSE_OF.get(w, "") for w in words)
        return stems, forms, keeps, senses

    def _stem_phrase(self, phrase: str) -> tuple[str, ...]:
        words = [w for w in tokenize(phrase) if w not in self._stop]
        return tuple(self._cache.stem_many(words))

    def _tokens(self, text: str) -> _Tokens:
        if "\u0130" in text or "\u212a" in text:
            # the only characters whose lower case is ASCII or longer: find the words first
            pieces = _SPLIT.split(text)
            lower = " ".join(pieces[1::2]).lower().split(" ") if len(pieces) > 1 else []
        else:
            # lower-casing keeps every offset and every word boundary
            pieces = _SPLIT.split(text.lower())
            lower = pieces[1::2]
        if "'" in text or "’" in text:
            lower = [w.replace("'", "").replace("’", "") for w in lower]
        keep = list(map(not_, map(self._stop.__contains__, lower)))
        words = list(compress(lower, keep))
        memo = self._memo
        try:
            stems = list(map(memo.__getitem__, words))
        except KeyError:
            missing = [w for w in words if w not in memo]
            if len(memo) + len(missing) > _MEMO_SIZE:
                memo.clear()
                missing = words
            memo.update(zip(missing, self._cache.stem_many(missing), strict=True))
            stems = list(map(memo.__getitem__, words))
        return _Tokens(words, stems, pieces, keep, lower)

    def match(self, text: str, title: str = "") -> list[Hit]:
        """All evidence in ``title`` and ``text``.

        Offsets of hits in the title refer to ``title``, the others to ``text`` (``in_title`` tells
        which). Proximity rules only pair words of the same sentence, and a veto cue cancels the
        theme's other evidence in its own sentence (the cancelled hits come back with kind
        ``"vetoed"``, so explanations can show them).
        """
        return self.analyse(text, title)[0]

    def analyse(self, text: str, title: str = "") -> tuple[list[Hit], int]:
        """:meth:`match` plus the end offset of the lead (the first two sentences of ``text``)."""
        hits: list[Hit] = []
        lead_end = 0
        for part, is_title in ((title, True), (text, False)):
            if not part:
                continue
            tokens = self._tokens(part)
            if not is_title:
                lead_end = _lead_end(part)
            sentences: list[tuple[int, int]] | None = [(0, len(part))] if is_title else None

            def get_sentences(part: str = part) -> list[tuple[int, int]]:
                nonlocal sentences
                if sentences is None:
                    sentences = sentence_spans(part)
                return sentences

            found = list(self._match_seeds(tokens, is_title))
            found.extend(self._match_near(tokens, get_sentences, is_title))
            hits.extend(_apply_vetoes(found, get_sentences))
        return hits, lead_end

    def _match_seeds(self, tokens: _Tokens, is_title: bool) -> Iterator[Hit]:
        themes = self.taxonomy.themes
        index = self._index
        words, stems = tokens.words, tokens.stems
        n = len(stems)
        # per theme, the last word of its latest phrase: a term inside it is the phrase's own word
        # ("uang" in "politik uang"), one piece of evidence, not two
        covered: dict[int, int] = {}
        for i in compress(range(n), map(index.__contains__, stems)):
            taken: set[tuple[int, str]] = set()
            for seed in index[stems[i]]:
                if seed.kind == "term" and covered.get(seed.theme, -1) >= i:
                    continue
                k = len(seed.stems)
                if k > 1 and (i + k > n or tuple(stems[i : i + k]) != seed.stems):
                    continue
                if seed.forms is not None:
                    if words[i] not in seed.forms:
                        continue
                elif not _same_derivation(words, stems, i, seed.keeps, seed.senses):
                    continue
                key = (seed.theme, seed.kind)
                if key in taken:  # a longer seed of the same kind already matched here
                    continue
                blockers = self._blockers[seed.theme]
                conditions = self._conditions[seed.theme]
                if (
                    seed.kind == "phrase"
                    and (blockers or conditions)
                    and tokens.blocked(i, blockers, conditions)
                ):
                    continue
                if k > 1 and tokens.crosses_clause(i, i + k - 1):
                    # "aksi politik. Uang bantuan" is not the phrase "politik uang", nor is
                    # "Badan Pemeriksa Keuangan atau, terpilih" the phrase "uang untuk memilih"
                    continue
                taken.add(key)
                if seed.kind == "phrase":
                    covered[seed.theme] = max(covered.get(seed.theme, -1), i + k - 1)
                yield Hit(
                    themes[seed.theme].id,
                    seed.kind,
                    seed.seed,
                    tokens.start(i),
                    tokens.end(i + k - 1),
                    is_title,
                )

    def _match_near(
        self,
        tokens: _Tokens,
        get_sentences: Callable[[], list[tuple[int, int]]],
        is_title: bool,
    ) -> Iterator[Hit]:
        near_first = self._near_first
        words, stems = tokens.words, tokens.stems
        n = len(stems)
        # where each side of each rule has a phrase start, in text order
        positions: dict[tuple[int, int], list[int]] = {}
        # the last word of the longest phrase of a rule's side starting at a word, and that
        # phrase as the taxonomy writes it: the evidence covers whole phrases ("tertib berlalu
        # lintas", not "tertib berlalu") and names them
        last: dict[tuple[int, int, int], tuple[int, str]] = {}
        for i in compress(range(n), map(near_first.__contains__, stems)):
            for r, side, p, forms, keeps, senses, cue in near_first[stems[i]]:
                if len(p) > 1 and tuple(stems[i : i + len(p)]) != p:
                    continue
                if forms is not None:
                    if words[i] not in forms:
                        continue
                elif not _same_derivation(words, stems, i, keeps, senses):
                    continue
                starts = positions.setdefault((r, side), [])
                if not starts or starts[-1] != i:
                    starts.append(i)
                end = i + len(p) - 1
                longest = last.get((r, side, i))
                if longest is None or end > longest[0]:
                    last[(r, side, i)] = (end, cue)
        if not positions:
            return
        themes = self.taxonomy.themes
        ends: list[int] | None = None
        sentence_of: dict[int, int] = {}

        def sentence(i: int) -> int:
            # a rule never pairs words across a full stop
            nonlocal ends
            if i not in sentence_of:
                if ends is None:
                    ends = [b for _, b in get_sentences()]
                sentence_of[i] = max(0, min(bisect_right(ends, tokens.start(i)), len(ends) - 1))
            return sentence_of[i]

        for r, (ti, name, window, three, ordered, kind) in enumerate(self._near):
            pos_a = positions.get((r, 0))
            pos_b = positions.get((r, 1))
            pos_c = positions.get((r, 2)) if three else None
            if not pos_a or not pos_b or (three and not pos_c):
                continue
            used_b: set[int] = set()
            blockers, conditions = self._blockers[ti], self._conditions[ti]
            # a cue of c ending right before a word of b, in the same clause: one name
            one_name: dict[int, int] | None = None
            if pos_c:
                one_name = {}
                for c in pos_c:
                    cue_end = last[(r, 2, c)][0]
                    if cue_end + 1 < n and tokens.next_to(cue_end, cue_end + 1):
                        one_name[c] = cue_end + 1
            for i in pos_a:
                partners = _partners(i, pos_b, pos_c, used_b, window, sentence, ordered, one_name)
                if partners is None:
                    continue
                if (blockers or conditions) and tokens.blocked(i, blockers, conditions):
                    continue
                j, k = partners
                used_b.add(j)
                matched = (i, j) if k is None else (i, j, k)
                cues = [last[(r, side, m)] for side, m in enumerate(matched)]
                lo, hi = min(matched), max(end for end, _ in cues)
                # the rule and the cues it paired: "near2: menemui + warga + bupati"
                seed = f"{name}: {' + '.join(cue for _, cue in cues)}"
                yield Hit(themes[ti].id, kind, seed, tokens.start(lo), tokens.end(hi), is_title)

    def features(self, hits: Sequence[Hit], lead_end: int | None = None) -> np.ndarray:
        """Rule features (:data:`FEATURES`) per theme, shape ``(n_themes, len(FEATURES))``."""
        ids = self._ids
        out = np.zeros((len(ids), len(FEATURES)), dtype=np.float64)
        phrases: list[set[str]] = [set() for _ in ids]
        terms: list[set[str]] = [set() for _ in ids]
        hits_n = np.zeros(len(ids))
        near_n = np.zeros(len(ids))
        for h in hits:
            i = ids[h.theme]
            if h.kind == "phrase":
                phrases[i].add(h.seed)
                hits_n[i] += 1
            elif h.kind == "term":
                terms[i].add(h.seed)
            elif h.kind == "near":
                near_n[i] += 1
            elif h.kind == "negative":
                out[i, 5] += 1
            if h.kind in ("phrase", "near"):
                if h.in_title:
                    out[i, 6] = 1
                elif lead_end is not None and h.start < lead_end:
                    out[i, 7] = 1
        n_phr = np.array([min(len(p), 3) for p in phrases], dtype=float)
        n_terms = np.log1p([len(t) for t in terms])
        anchored = (n_phr + near_n) > 0
        out[:, 0] = n_phr
        out[:, 1] = np.log1p(hits_n)
        out[:, 2] = np.where(anchored, n_terms, 0.0)
        out[:, 3] = np.where(anchored, 0.0, n_terms)
        out[:, 4] = np.log1p(near_n)
        return out


def _partners(
    i: int,
    pos_b: list[int],
    pos_c: list[int] | None,
    used_b: set[int],
    window: int,
    sentence: Callable[[int], int],
    ordered: bool = False,
    one_name: dict[int, int] | None = None,
) -> tuple[int, int | None] | None:
    """The first free word of side ``b`` (and one of ``c``) that ``i`` pairs with, if any.

    With ``ordered``, the word of ``b`` must come after ``i``. A cue of ``c`` does not pair with
    the word of ``b`` that follows it directly in the same clause (``one_name``: the start of
    each such cue -> that word): the two are one name, an institution's or an office's
    ("Kementerian Pemuda dan Olahraga", "Presiden BEM"), not two parties.
    """
    for j in pos_b:
        if j == i or abs(j - i) > window or j in used_b or sentence(j) != sentence(i):
            continue
        if ordered and j < i:
            continue
        if pos_c is None:
            return j, None
        for k in pos_c:
            if (
                k != i
                and k != j
                and max(i, j, k) - min(i, j, k) <= window
                and sentence(k) == sentence(i)
                and (one_name is None or one_name.get(k) != j)
            ):
                return j, k
    return None


def _same_derivation(
    words: list[str],
    stems: list[str],
    i: int,
    keeps: tuple[bool, ...],
    senses: tuple[str, ...],
) -> bool:
    """Whether the words from ``i`` on derive from their stems as the seed's words do, in the
    seed's words' senses (:data:`OTHER_SENSES`)."""
    for k, keep in enumerate(keeps):
        w, st = words[i + k], stems[i + k]
        if keep:
            if w != st and not _keeps_root(w, st):
                return False
        elif _keeps_root(w, st):
            return False
        if _SENSE_OF.get(w, "") != senses[k]:
            return False
    return True


def _apply_vetoes(hits: list[Hit], get_sentences: Callable[[], list[tuple[int, int]]]) -> list[Hit]:
    """Cancel a theme's evidence that shares a sentence with one of its veto cues."""
    vetoes = [h for h in hits if h.kind == "negative"]
    if not vetoes:
        return hits
    sentences = get_sentences()

    def sentence(pos: int) -> int:
        for k, (a, b) in enumerate(sentences):
            if a <= pos < b:
                return k
        return -1

    vetoed = {(h.theme, sentence(h.start)) for h in vetoes}
    out = []
    for h in hits:
        if h.kind != "negative" and (h.theme, sentence(h.start)) in vetoed:
            h = Hit(h.theme, "vetoed", h.seed, h.start, h.end, h.in_title)
        out.append(h)
    return out
