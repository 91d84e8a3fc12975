"""Shortcuts taken for speed must give what the long way gives.

The token pattern tries plain ASCII words first; ``cue_person``, ``match_person`` and
``match_place`` give up early when no word that can give a cue or start their phrase is there;
name containment is a loop instead of ``any``. Each shortcut is checked against the reading it
replaces.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from media_analytics.actors.extract import _contains
from media_analytics.actors.lexicon import get_lexicon
from media_analytics.actors.people import match_hon_prefix, match_rank, match_role
from media_analytics.actors.places import _head, match_place
from media_analytics.actors.regions import get_gazetteer
from media_analytics.actors.tokens import _TOKEN, TokenStream

# the token pattern without the shortcuts (as documented in tokens.py)
_GENERAL = re.compile(r"([A-Z][a-z]+(?=\d)|[^\W_]+(?:['’\-][^\W_]+)*|\S)")
_CHARS = st.sampled_from([*"aZzQé Ü1 9_'’-.,;:(\"“”\n\t", "\u00a0", "ß", "İ", "ǅ", "٣"])


@settings(max_examples=500, deadline=None, database=None)
@given(st.lists(_CHARS, max_size=30).map("".join))
def test_token_pattern_shortcuts_split_like_the_general_pattern(text: str) -> None:
    assert _TOKEN.split(text) == _GENERAL.split(text)


def test_token_pattern_shortcuts_on_words() -> None:
    for text in ("Hindayana3 Budi ke-7 Ma’ruf G20 S.H., dr. Bank_X x'y Café", "a-", "Ab'"):
        assert _TOKEN.split(text) == _GENERAL.split(text)


@settings(max_examples=300, deadline=None, database=None)
@given(
    st.lists(st.sampled_from("abc"), max_size=5).map(tuple),
    st.lists(st.sampled_from("abc"), max_size=3).map(tuple),
)
def test_contains_is_a_run_test(big: tuple[str, ...], small: tuple[str, ...]) -> None:
    n = len(small)
    assert _contains(big, small) == any(big[k : k + n] == small for k in range(len(big) - n + 1))


def test_cue_words_cover_every_cue() -> None:
    """Every word that ``cue_person`` tests next to a name is in its early-exit sets."""
    lex = get_lexicon()
    before = lex.verbs_after | lex.verbs_passive | lex.person_cues | lex.words["address"]
    assert before | {"menurut", "oleh"} <= lex.name_cues_before
    after = lex.verbs_before | lex.words["adverbs"] | {"selaku", "sebagai", "(", ","}
    assert after <= lex.name_cues_after


def test_person_openers_cover_roles_ranks_and_honorifics() -> None:
    lex = get_lexicon()
    assert lex.role_openers <= lex.person_openers
    assert {k[0] for k in (*lex.ranks, *lex.hon_prefix)} <= lex.person_openers


_SENTENCES = [
    "Hal itu disampaikan Budi Santoso (45), warga setempat.",
    "“Kami siap,” kata Budi. Budi mengatakan, Ani Lestari, Ketua RT 05, hadir.",
    "Kapolres Dumai AKBP Budi Santoso dan Prof. Dr. Ani hadir di Kota Dumai, Riau.",
    "Menurut Luky, K.H. Ahmad Dahlan dan Pak Slamet dari Jawa Tengah tiba di Malaysia.",
    "Budi selaku Kepala Desa Sukamaju dan Ani, S.H., M.H. menghadiri acara di Amerika Serikat.",
]


def test_early_exits_agree_with_the_full_matchers() -> None:
    """Where ``match_person`` or ``match_place`` gives up early, none of the phrases they read
    starts at that token."""
    lex, gaz = get_lexicon(), get_gazetteer()
    for text in _SENTENCES:
        ts = TokenStream(text, lex)
        for i in range(ts.n):
            low = ts.lows[i]
            if low not in lex.person_openers:
                assert match_role(ts, i, gaz) is None
                assert match_rank(ts, i) is None
                assert match_hon_prefix(ts, i) is None
            if (
                low not in gaz.first
                and (low,) not in lex.place_heads
                and ts.words[i] not in lex.countries.first
            ):
                assert _head(ts, i)[1] is None
                assert gaz.longest(ts.lows, i, districts=True)[0] == i
                assert lex.countries.longest(ts.words, i) == i
                assert match_place(ts, i, gaz, districts=True) is None
