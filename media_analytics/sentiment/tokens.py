"""Token streams for sentiment: negation scope marking on top of the project's tokenizer.

Sentiment needs the words that topic models throw away: ``tidak``, ``bukan`` and ``kurang`` are
stopwords for clustering but decide the polarity of a sentence. So no stopword list is applied
here; the tokens come from :func:`media_analytics.preprocessing.tokenize` and, for the stemmed
view, from the project's bounded Sastrawi cache.

The negation rule: after a negator, the next ``window`` tokens of the same clause carry the prefix
``NEG_`` (``tidak enak sekali`` -> ``tidak NEG_enak NEG_sekali``). A clause ends at punctuation
and at contrastive conjunctions (``tapi``, ``namun``, ...), so ``tidak mahal, tapi enak`` leaves
``enak`` unmarked. A negator before ``hanya``, ``cuma``, ``sekadar`` or ``saja`` opens none:
``tidak hanya tertarik`` is "not only interested" (interested, and more), no denial.

A test result reads against the sentiment sense of its word: ``positif`` and ``negatif`` before
an illness or a drug (``positif virus Corona``, ``negatif narkoba``, ``positif mengonsumsi
ganja``) or after a test (``hasil tes urine negatif``) carry the ``NEG_`` mark as a negated word
does, so that the lexicon counts ``positif Covid-19`` as bad news and ``negatif Covid-19`` as
good news. Inside a negation scope (``tidak positif Covid-19``) the two cancel. In the same way
a success reads against its sense when what succeeds is a getaway or a crime (``pelaku berhasil
kabur``, ``berhasil menggasak perhiasan``): ``berhasil`` and ``sukses`` there carry the mark. Verbs
that sport news also writes of a win (``mencuri`` a point, ``membobol`` a goal, ``lolos`` to
the final) are not among them. And a problem solved reads against its sense: the words after a
verb or noun of a remedy (``mengatasi pengangguran``, ``menekan angka kemiskinan``,
``pemberantasan korupsi``, ``bebas narkoba``; up to three, within the clause) carry the mark, so
that a promise to cut unemployment does not read as bad news.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from ..preprocessing import default_cache, fix_encoding, normalize_punctuation, tokenize
from ..preprocessing.cleaning import encoding_is_sound

__all__ = [
    "NEGATION_PREFIX",
    "NEGATORS",
    "PieceViews",
    "TokenViews",
    "fingerprint",
    "joined_views",
    "mark_negation",
    "normalize_text",
    "piece_views",
    "result_positions",
    "sentiment_tokens",
    "token_views",
]

#: Words that open a negation scope. The standard forms named in the project's design, plus their
#: everyday spellings, which are frequent in comments and quoted speech.
NEGATORS = frozenset(
    {"tidak", "bukan", "belum", "tak", "jangan", "kurang"}
    | {"tdk", "gak", "ga", "gk", "nggak", "ngga", "enggak", "engga", "ndak", "nda", "kagak"}
    | {"g", "blm", "jgn", "krg"}
)
NEGATION_PREFIX = "NEG_"
# "not only" (tidak hanya, bukan sekadar, tak cuma, tidak saja ... tetapi juga): the negator
# before one of these affirms what follows, and opens no scope
_ONLY = frozenset({"hanya", "cuma", "sekadar", "sekedar", "saja", "semata", "semata-mata"})

# Test results (see the module docstring): the words, what they are a result of (illnesses,
# drugs, banned substances), the words that may come between (``positif mengonsumsi ganja``) and
# the tests that may come before them (``tes urine negatif``).
_RESULT_WORDS = frozenset({"positif", "negatif"})
_TESTED_FOR = frozenset(
    {"corona", "covid", "covid-19", "covid19", "sars-cov-2", "omicron", "virus", "influenza"}
    | {"hiv", "aids", "tbc", "tuberkulosis", "dbd", "rabies", "hepatitis", "cacar", "mpox"}
    | {"monkeypox", "difteri", "polio", "campak", "antraks", "ebola", "malaria"}
    | {"narkoba", "narkotika", "sabu", "sabu-sabu", "ganja", "kokain", "ekstasi", "amfetamin"}
    | {"metamfetamin", "doping", "zat"}
)
_RESULT_LINKS = frozenset(
    {"terpapar", "terjangkit", "terinfeksi", "mengidap", "menggunakan", "memakai", "pakai"}
    | {"mengonsumsi", "konsumsi", "mengandung"}
)
_TESTS = frozenset(
    {"tes", "test", "uji", "swab", "usap", "pcr", "antigen", "rapid", "urine", "urin"}
)

# A success of wrongdoers (see the module docstring): the words, and the verbs right after them
# that make the success a getaway or a crime ("membawa" counts before "kabur" or "lari").
_SUCCESS_WORDS = frozenset({"berhasil", "sukses"})
_GETAWAYS = frozenset(
    {"kabur", "melarikan", "menggasak", "menggondol", "menipu", "merampok", "menjarah"}
    | {"menyelundupkan", "meretas", "menggelapkan", "memperdaya"}
)
_CARRIED_OFF = frozenset({"kabur", "lari"})
# A remedy (see the module docstring): verbs and nouns of solving, reducing, preventing or
# eradicating a problem; the words after them, up to a clause mark, read against their sense
_REMEDIES = frozenset(
    {"mengatasi", "atasi", "diatasi", "teratasi", "pengatasan"}
    | {"mengurangi", "kurangi", "dikurangi", "pengurangan", "berkurangnya"}
    | {"menekan", "tekan", "ditekan", "menurunkan", "turunkan", "diturunkan", "penurunan"}
    | {"menanggulangi", "tanggulangi", "ditanggulangi", "penanggulangan"}
    | {"mengentaskan", "entaskan", "pengentasan", "bebas"}
)
_REMEDY_REACH = 3
# the words whose reading depends on the words after them
_READ_AGAINST = _RESULT_WORDS | _SUCCESS_WORDS | _REMEDIES

# Clause boundaries: punctuation that ends or splits a clause, and the contrastive conjunctions
# after which the polarity usually turns (they end the scope and are not features themselves).
_BOUNDARY_MARKS = frozenset('.,;:!?()[]"“”')
_CLAUSE_WORDS = frozenset(
    {"tapi", "tetapi", "namun", "sedangkan", "padahal", "melainkan", "walau", "walaupun"}
    | {"meski", "meskipun", "sayangnya"}
)
# The project's tokens (as :func:`media_analytics.preprocessing.tokenize` finds them) and the
# clause-ending marks, in one scan.
_PIECE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*|[.,;:!?()\[\]\"“”]")
_ACCENTED = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")
_INNER_APOSTROPHE = re.compile(r"(?<=[a-z])'(?=[a-z])")
# The same pieces read with their case, to tell a place's name from the word it spells.
_PIECE_CASED = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*|[.,;:!?()\[\]\"“”]")
_INNER_APOSTROPHE_CASED = re.compile(r"(?<=[A-Za-z])'(?=[A-Za-z])")

#: Places whose name is, or stems to, a word of polarity (``Maluku``: *malu*, ashamed;
#: ``Pemalang``: *malang*, unlucky; ``Merapi``: *rapi*, tidy; ``Banggai``: *bangga*, proud).
#: They carry no tone: the word and stem streams leave them out (the characters keep them).
PLACE_NAMES = frozenset({"maluku", "pemalang", "merapi", "banggai"})
#: Places named by a word of polarity itself (``Serang``, attack; ``Malang``, unlucky): left
#: out where written with a capital inside a sentence (``Kota Serang``, ``di Malang``), not at
#: its start or in lower case (``bayi malang itu``, ``serang balik``).
CAPITAL_PLACE_NAMES = frozenset({"malang", "serang"})
_ANY_PLACE = PLACE_NAMES | CAPITAL_PLACE_NAMES
_OPENING_PLACES = tuple([name] for name in CAPITAL_PLACE_NAMES)


def normalize_text(text: str) -> str:
    """Repair the encoding and map odd quotes and dashes (cheap steps of the project's cleaning).

    >>> normalize_text("â€œEnakâ€\\x9d")
    '“Enak”'
    """
    return normalize_punctuation(fix_encoding(text))


def mark_negation(tokens: list[str], window: int = 3) -> list[str]:
    """Prefix the ``window`` tokens after a negator with ``NEG_`` (one clause's tokens).

    A new negator restarts the scope; the negator itself is kept unmarked.

    >>> mark_negation(["tidak", "enak", "sama", "sekali", "deh"])
    ['tidak', 'NEG_enak', 'NEG_sama', 'NEG_sekali', 'deh']
    >>> mark_negation(["bukan", "tidak", "suka"])
    ['bukan', 'tidak', 'NEG_suka']
    >>> mark_negation(["tidak", "hanya", "tertarik"])
    ['tidak', 'hanya', 'tertarik']
    """
    out = []
    left = 0
    for at, tok in enumerate(tokens):
        if tok in NEGATORS:
            out.append(tok)
            only = at + 1 < len(tokens) and tokens[at + 1] in _ONLY
            left = 0 if only else window
        elif left > 0:
            out.append(NEGATION_PREFIX + tok)
            left -= 1
        else:
            out.append(tok)
    return out


def result_positions(pieces: list[str]) -> set[int]:
    """The positions in ``pieces`` (words and clause marks, lower-cased) of the words read
    against their sense: ``positif`` and ``negatif`` as a test result, ``berhasil`` and
    ``sukses`` as a getaway or a crime (see the module docstring).

    >>> sorted(result_positions("hendrar positif virus corona , hasil tes negatif".split()))
    [1, 7]
    >>> result_positions("dampak positif bagi penanganan covid-19".split())
    set()
    >>> sorted(result_positions("pencuri berhasil membawa kabur perhiasan".split()))
    [1]
    >>> result_positions("polisi berhasil menangkap pelaku".split())
    set()
    >>> sorted(result_positions("janji mengatasi pengangguran , lalu".split()))
    [2]
    """
    out = set()
    for i, piece in enumerate(pieces):
        if piece not in _READ_AGAINST:
            continue
        if piece in _REMEDIES:
            for k in range(i + 1, min(i + 1 + _REMEDY_REACH, len(pieces))):
                if pieces[k] in _BOUNDARY_MARKS or pieces[k] in _CLAUSE_WORDS:
                    break
                out.add(k)
            continue
        after = pieces[i + 1 : i + 3]
        if piece in _SUCCESS_WORDS:
            if after and (
                after[0] in _GETAWAYS
                or (after[0] == "membawa" and len(after) > 1 and after[1] in _CARRIED_OFF)
            ):
                out.add(i)
            continue
        of_what = bool(after) and (
            after[0] in _TESTED_FOR
            or (after[0] in _RESULT_LINKS and len(after) > 1 and after[1] in _TESTED_FOR)
        )
        if of_what or not _TESTS.isdisjoint(pieces[max(0, i - 2) : i]):
            out.add(i)
    return out


def sentiment_tokens(text: str, *, stem: bool = False, negation_window: int = 3) -> list[str]:
    """Lower-case tokens of ``text`` with negation scopes marked, optionally Sastrawi-stemmed.

    Parameters
    ----------
    text : str
    stem : bool, default=False
        Replace each word by its stem (through the project's stem cache). Negators are never
        stemmed away, so ``kurang`` stays ``kurang``.
    negation_window : int, default=3
        Tokens marked after a negator; ``0`` turns marking off.

    Examples
    --------
    >>> sentiment_tokens("Makanannya tidak enak, tapi pelayanannya ramah.")
    ['makanannya', 'tidak', 'NEG_enak', 'pelayanannya', 'ramah']
    >>> sentiment_tokens("Warga tidak dikecewakan petugas", stem=True)
    ['warga', 'tidak', 'NEG_kecewa', 'NEG_tugas']
    """
    views = token_views(text, stem=stem, negation_window=negation_window)
    return views.stems if stem else views.words


class TokenViews(NamedTuple):
    """The token streams of one text, from one pass over it (see :func:`token_views`)."""

    #: written tokens with negation scopes marked (clause words such as ``tapi`` dropped)
    words: list[str]
    #: their stems with negation scopes marked (empty unless asked for)
    stems: list[str]
    #: the stem of each entry of ``words``, unmarked (empty unless asked for)
    word_stems: list[str]
    #: every token of the text, unmarked: exactly ``tokenize(normalize_text(text))``
    plain: list[str]


def token_views(text: str, *, stem: bool = True, negation_window: int = 3) -> TokenViews:
    """All the token streams sentiment features read, from a single pass over ``text``.

    >>> v = token_views("Warga tidak dikecewakan, tapi kesal.")
    >>> v.words, v.stems, v.plain
    (['warga', 'tidak', 'NEG_dikecewakan', 'kesal'], ['warga', 'tidak', 'NEG_kecewa', 'kesal'], \
['warga', 'tidak', 'dikecewakan', 'tapi', 'kesal'])
    """
    return piece_views(text, stem=stem, negation_window=negation_window).views


class PieceViews(NamedTuple):
    """:func:`token_views` of one piece of a longer text, and whether it reads the same there
    (see :func:`joined_views`)."""

    views: TokenViews
    #: the accents were folded: the whole text is folded, this piece alone may not be
    folded: bool
    #: a negation scope is still open at the end: it would go on into what follows
    open_scope: bool


def piece_views(text: str, *, stem: bool = True, negation_window: int = 3) -> PieceViews:
    """:func:`token_views` of ``text``, with what :func:`joined_views` needs to know of it."""
    cased = normalize_text(text)
    text = cased.lower()
    folded = False
    if not text.isascii() and _ACCENTED.search(text):
        folded = True
        # keep the clause-ending quote marks, which the accent folding would drop
        text = _fold(text)
        cased = _fold(cased)
    if "'" in text:
        text = _INNER_APOSTROPHE.sub("", text)
    pieces = _PIECE.findall(text)
    plain = [p for p in pieces if p not in _BOUNDARY_MARKS]
    places = _place_pieces(cased, pieces) if not _ANY_PLACE.isdisjoint(plain) else set()
    if places:
        # read again without the places' names; the characters still see every token
        rest = " ".join(p for at, p in enumerate(pieces) if at not in places)
        inner = piece_views(rest, stem=stem, negation_window=negation_window)
        return PieceViews(inner.views._replace(plain=plain), folded, inner.open_scope)
    cache = default_cache() if stem else None
    roots_list = cache.stem_many(plain) if cache is not None else plain
    # test results are marked with the negation scopes (not when negation_window is 0)
    results = (
        result_positions(pieces)
        if negation_window > 0 and not _READ_AGAINST.isdisjoint(plain)
        else set()
    )
    if (
        not results
        and NEGATORS.isdisjoint(plain)
        and (cache is None or NEGATORS.isdisjoint(roots_list))
    ):
        # most sentences hold no negator: no scope to mark, only clause words to drop
        if _CLAUSE_WORDS.isdisjoint(plain):
            words = list(plain)
            word_stems = list(roots_list) if cache is not None else []
        else:
            keep = [p not in _CLAUSE_WORDS for p in plain]
            words = [p for p, k in zip(plain, keep, strict=True) if k]
            word_stems = (
                [r for r, k in zip(roots_list, keep, strict=True) if k] if cache is not None else []
            )
        return PieceViews(TokenViews(words, list(word_stems), word_stems, plain), folded, False)
    # negation scopes end at clause boundaries: as mark_negation on each clause, in one pass.
    # The written and the stemmed streams keep their own scope, because a word whose stem is a
    # negator ("kurangnya") opens one in the stems only. A test result is marked unless negated.
    roots = iter(roots_list)
    words = []
    stems: list[str] = []
    word_stems = []
    left_word = left_stem = 0
    for at, piece in enumerate(pieces):
        if piece in _BOUNDARY_MARKS:
            left_word = left_stem = 0
            continue
        root = next(roots)
        if piece in _CLAUSE_WORDS:
            left_word = left_stem = 0
            continue
        result = at in results
        # "tidak hanya": not only, no denial
        only = at + 1 < len(pieces) and pieces[at + 1] in _ONLY
        if piece in NEGATORS:
            words.append(piece)
            left_word = 0 if only else negation_window
        elif left_word > 0:
            words.append(piece if result else NEGATION_PREFIX + piece)
            left_word -= 1
        else:
            words.append(NEGATION_PREFIX + piece if result else piece)
        if cache is None:
            continue
        word_stems.append(root)
        # a negator is kept as written, so "kurang" is not stemmed away
        token = piece if piece in NEGATORS else root
        if token in NEGATORS:
            stems.append(token)
            left_stem = 0 if only else negation_window
        elif left_stem > 0:
            stems.append(token if result else NEGATION_PREFIX + token)
            left_stem -= 1
        else:
            stems.append(NEGATION_PREFIX + token if result else token)
    views = TokenViews(words, stems, word_stems, plain)
    return PieceViews(views, folded, left_word > 0 or left_stem > 0)


def _fold(text: str) -> str:
    """Accents folded to ASCII, the curly quotes kept (as straight ones)."""
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _place_pieces(cased: str, pieces: list[str]) -> set[int]:
    """Positions in ``pieces`` of the places' names of :data:`PLACE_NAMES` and
    :data:`CAPITAL_PLACE_NAMES` (``cased``: the text the lower-cased ``pieces`` were read from,
    before lower-casing).

    >>> text = "Jembatan di Kota Serang dibuka. Serang balik, kata warga Maluku."
    >>> pieces = _PIECE.findall(text.lower())
    >>> [pieces[i] for i in sorted(_place_pieces(text, pieces))]
    ['serang', 'maluku']
    """
    if "'" in cased:
        cased = _INNER_APOSTROPHE_CASED.sub("", cased)
    written = _PIECE_CASED.findall(cased)
    if len(written) != len(pieces):
        return set()  # not read alike with and without case: leave every word in
    out = set()
    for at, piece in enumerate(pieces):
        if piece in PLACE_NAMES or (
            piece in CAPITAL_PLACE_NAMES
            and written[at][:1].isupper()
            and at > 0
            and pieces[at - 1] not in _BOUNDARY_MARKS
        ):
            out.add(at)
    return out


# What may stand between the pieces :func:`joined_views` joins: characters that are no part of a
# token and that normalisation leaves as they are (spaces, line breaks, ASCII clause marks).
_GAP_MARKS = frozenset(',.;:!?()[]"')


def _gap_ok(text: str, start: int, end: int, *, inner: bool) -> bool:
    if start > end:
        return False
    if start == end:
        return not inner  # two pieces that touch could run a token across the seam
    gap = text[start:end]
    return gap.isspace() or all(c.isspace() or c in _GAP_MARKS for c in gap)


def joined_views(text: str, pieces: Sequence[tuple[int, int, PieceViews]]) -> TokenViews | None:
    """:func:`token_views` of ``text`` put together from the views of its pieces, or ``None``
    when that would not be exactly the same (then read the whole text).

    ``pieces`` are ``(start, end, views)`` in text order, ``views`` those of
    ``text[start:end]`` (:func:`piece_views`, one setting for all). Between the pieces only
    spaces, line breaks and ASCII clause marks may stand. The joined views are those of the
    whole text when each piece reads as it does in the whole: no encoding repair, accent folding
    or negation scope that reaches across a seam, and no ``positif``/``negatif`` or
    ``berhasil``/``sukses`` within two words of one (their reading depends on the words around
    them).

    >>> text = "Warga tidak kecewa. Petugas sigap."
    >>> parts = [(0, 19, piece_views(text[:19])), (20, 34, piece_views(text[20:]))]
    >>> joined_views(text, parts) == token_views(text)
    True
    >>> parts = [(0, 11, piece_views("Warga tidak")), (12, 19, piece_views("kecewa."))]
    >>> joined_views("Warga tidak kecewa.", parts) is None  # the scope runs on
    True
    """
    if not text.isascii() and not encoding_is_sound(text):
        return None
    words: list[str] = []
    stems: list[str] = []
    word_stems: list[str] = []
    plain: list[str] = []
    at = 0
    for start, end, (views, folded, open_scope) in pieces:
        if folded or open_scope or not _gap_ok(text, at, start, inner=at > 0):
            return None
        edge = views.plain[:2] + views.plain[-2:]
        if not _READ_AGAINST.isdisjoint(edge) or views.plain[:1] in _OPENING_PLACES:
            return None  # (a place's name opening a piece may go on a sentence of the text)
        words += views.words
        stems += views.stems
        word_stems += views.word_stems
        plain += views.plain
        at = end
    if not _gap_ok(text, at, len(text), inner=False):
        return None
    return TokenViews(words, stems, word_stems, plain)


def fingerprint(texts: list[str], *, spaces: bool = True) -> np.ndarray:
    """Stable 64-bit fingerprints of texts after normalisation (case, punctuation, spacing).

    Two rows that differ only in case, punctuation or whitespace get the same fingerprint, which is
    what "the same example" means when checking train/test overlap (SmSA is distributed lower-cased
    with spaced punctuation, NusaX in its original spelling). With ``spaces=False`` the words are
    joined without spaces, so that a copy that splits a suffix off (SmSA's ``tempat nya`` for
    ``Tempatnya``) is the same text too (see :func:`overlap_keys`).

    >>> a, b = fingerprint(["Enak sekali!", "enak  sekali"])
    >>> bool(a == b)
    True
    >>> a, b = fingerprint(["Tempatnya nyaman", "tempat nya nyaman"], spaces=False)
    >>> bool(a == b)
    True
    """
    out = np.empty(len(texts), dtype=np.uint64)
    joiner = " " if spaces else ""
    for i, text in enumerate(texts):
        key = joiner.join(tokenize(normalize_text(text))).encode("utf-8")
        out[i] = int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "little")
    return out


def overlap_keys(texts: list[str]) -> np.ndarray:
    """The fingerprints a training set is kept as for overlap checks: of its words with spaces
    and without (sorted, unique); :func:`overlapping` compares test texts with them."""
    return np.unique(np.concatenate([fingerprint(texts), fingerprint(texts, spaces=False)]))


def overlapping(texts: list[str], keys: np.ndarray) -> np.ndarray:
    """Whether each text is among the training texts ``keys`` stand for (:func:`overlap_keys`;
    keys kept by an earlier release, with spaces only, still match as they did)."""
    found = np.isin(fingerprint(texts), keys)
    return found | np.isin(fingerprint(texts, spaces=False), keys)
