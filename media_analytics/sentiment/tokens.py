"""Token streams for sentiment: negation scope marking on top of the project's tokenizer.

Sentiment needs the words that topic models throw away: ``tidak``, ``bukan`` and ``kurang`` are
stopwords for clustering but decide the polarity of a sentence. So no stopword list is applied
here; the tokens come from :func:`media_analytics.preprocessing.tokenize` and, for the stemmed
view, from the project's bounded Sastrawi cache.

The negation rule: after a negator, the next ``window`` tokens of the same clause carry the prefix
``NEG_`` (``tidak enak sekali`` -> ``tidak NEG_enak NEG_sekali``). A clause ends at punctuation
and at contrastive conjunctions (``tapi``, ``namun``, ...), so ``tidak mahal, tapi enak`` leaves
``enak`` unmarked.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

from ..preprocessing import default_cache, fix_encoding, normalize_punctuation, tokenize

__all__ = [
    "NEGATION_PREFIX",
    "NEGATORS",
    "fingerprint",
    "mark_negation",
    "normalize_text",
    "sentiment_tokens",
]

#: Words that open a negation scope. The standard forms named in the project's design, plus their
#: everyday spellings, which are frequent in comments and quoted speech.
NEGATORS = frozenset(
    {"tidak", "bukan", "belum", "tak", "jangan", "kurang"}
    | {"tdk", "gak", "ga", "gk", "nggak", "ngga", "enggak", "engga", "ndak", "nda", "kagak"}
    | {"g", "blm", "jgn", "krg"}
)
NEGATION_PREFIX = "NEG_"

# Clause boundaries: punctuation that ends or splits a clause, and the contrastive conjunctions
# after which the polarity usually turns.
_CLAUSE = re.compile(
    r"[.,;:!?()\[\]\"“”]+|\b(?:tapi|tetapi|namun|sedangkan|padahal|melainkan|walau|walaupun|"
    r"meski|meskipun|sayangnya)\b",
    re.IGNORECASE,
)


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
    """
    out = []
    left = 0
    for tok in tokens:
        if tok in NEGATORS:
            out.append(tok)
            left = window
        elif left > 0:
            out.append(NEGATION_PREFIX + tok)
            left -= 1
        else:
            out.append(tok)
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
    text = normalize_text(text)
    cache = default_cache() if stem else None
    out: list[str] = []
    for clause in _CLAUSE.split(text):
        words = tokenize(clause)
        if not words:
            continue
        if cache is not None:
            words = [
                w if w in NEGATORS else s
                for w, s in zip(words, cache.stem_many(words), strict=True)
            ]
        out.extend(mark_negation(words, negation_window) if negation_window > 0 else words)
    return out


def fingerprint(texts: list[str]) -> np.ndarray:
    """Stable 64-bit fingerprints of texts after normalisation (case, punctuation, spacing).

    Two rows that differ only in case, punctuation or whitespace get the same fingerprint, which is
    what "the same example" means when checking train/test overlap (SmSA is distributed lower-cased
    with spaced punctuation, NusaX in its original spelling).

    >>> a, b = fingerprint(["Enak sekali!", "enak  sekali"])
    >>> bool(a == b)
    True
    """
    out = np.empty(len(texts), dtype=np.uint64)
    for i, text in enumerate(texts):
        key = " ".join(tokenize(normalize_text(text))).encode("utf-8")
        out[i] = int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "little")
    return out
