"""The token stream: offsets and flags built in whole-list passes agree with a plain reading."""

from __future__ import annotations

import doctest
import importlib
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from media_analytics.actors import aliases, extract_actors, extract_quotes, quotes
from media_analytics.actors.lexicon import get_lexicon
from media_analytics.actors.tokens import _ABBREV, TokenStream, blocked_spans

_TOKEN = re.compile(r"[A-Z][a-z]+(?=\d)|[^\W_]+(?:['’\-][^\W_]+)*|\S|\n")


def _plain(text: str) -> tuple[list[str], list[int], list[int], list[bool], list[bool]]:
    """Words, starts, ends, line starts, sentence starts: one token at a time, as documented."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    nl: list[bool] = []
    sent: list[bool] = []
    pos = 0
    gaps = [*blocked_spans(text), (len(text), len(text))]
    for a, b in gaps:
        new_line = True
        for m in _TOKEN.finditer(text, pos, a) if a > pos else ():
            if m.group() == "\n":
                new_line = True
                continue
            opens = new_line
            if not new_line and words[-1] in ".!?":
                before = words[-2].lower() if len(words) > 1 else ""
                opens = not (before in _ABBREV or (len(before) == 1 and before.isalpha()))
                if (
                    before.isdigit()
                    and m.group()[:1].isdigit()
                    and ends[-2] == starts[-1]
                    and ends[-1] == m.start()
                ):
                    opens = False  # a thousands separator or a decimal point: "Rp 16.559"
            elif not new_line and words[-1] in '“"':
                opens = len(words) < 2 or ends[-2] < starts[-1]
            elif (
                not new_line
                and words[-1] == ","
                and not nl[-1]
                and len(words) > 1
                and words[-2] in ".!?"
                and ends[-2] == starts[-1]
                and sent[-1]
            ):
                opens = True  # ".,Paragraf berikut": paragraphs joined by a comma
            if not any(w[:1].isalnum() or w in '.!?“"' for w in words) and (
                m.group()[:1].isalnum() or m.group() in '.!?“"'
            ):
                opens = opens or bool(words)  # the first word after leading punctuation
            words.append(m.group())
            starts.append(m.start())
            ends.append(m.end())
            nl.append(new_line)
            sent.append(opens)
            new_line = False
        pos = max(pos, b)
    return words, starts, ends, nl, sent


_PIECES = st.sampled_from(
    [
        "Kapolres",
        "Dumai",
        "AKBP",
        "Budi",
        "budi",
        "4G",
        "G20",
        "Hindayana3",
        "ke-7",
        "Ma’ruf",
        "dr.",
        "PT.",
        "S.",
        "“Kami",
        "siap,”",
        '"ya"',
        ".",
        "!",
        "?",
        ",",
        ".,",
        ", -",
        "_x_",
        "(45)",
        "Bank",
        "Dunia",
        "\n",
        "\n\n",
        "\t",
        "\u00a0",
        "Editor : Ari\n",
        "Baca juga: Ketua KPU\n",
        "kata",
        "Menurut",
        "atau",
    ]
)
_TEXTS = st.lists(_PIECES, max_size=40).map(" ".join) | st.lists(_PIECES, max_size=40).map("".join)


@settings(max_examples=300, deadline=None, database=None)
@given(_TEXTS)
@example("Hindayana3.4G")  # a period between digits ends no sentence
def test_stream_matches_a_plain_reading(text: str) -> None:
    ts = TokenStream(text, get_lexicon())
    words, starts, ends, nl, sent = _plain(text)
    assert (ts.words, ts.starts, ts.ends, ts.nl) == (words, starts, ends, nl)
    assert ts.sent == sent
    assert ts.lows == [w.lower() for w in words]
    assert ts.caps == [w[:1].isupper() for w in words]
    assert ts.upper == [len(w) > 1 and w.isupper() for w in words]
    assert ts.cap_index == [k for k, c in enumerate(ts.caps) if c]
    lower_words = {w for w in words if w.islower()}
    for w in {*ts.lows, "budi", "ya"}:
        assert ts.written_lower(w) == (w in lower_words)
    for i in range(ts.n):
        assert ts.words[i] == text[ts.starts[i] : ts.ends[i]]
        assert next(ts.positions(ts.words[i])) == words.index(ts.words[i])
    tails = frozenset({"Bank", "Dunia"})
    assert ts.runs_ending_in(tails) == {i for i in range(ts.n) if words[ts.run_end(i) - 1] in tails}


def test_name_tokens() -> None:
    ts = TokenStream(
        "Budi dari DPR dan Kapolres Dumai ke Jakarta.\nSiap kata Budi, siap.", get_lexicon()
    )
    ok = {w for w, flag in zip(ts.words, ts.name_ok, strict=True) if flag}
    assert "Budi" in ok
    assert not ok & {"DPR", "Kapolres", "Jakarta", "dari"}
    assert "Siap" not in ok  # opens a sentence and is written in lower case too


def test_cue_vocabularies_are_in_the_lexicon() -> None:
    """``cues_in`` reads off one shared pass: each matcher's word set must be a part of it."""
    lex = get_lexicon()
    for vocab in (
        lex.role_openers,
        aliases._OPENERS,
        quotes._indirect_openers(lex.reporting_verbs),
    ):
        assert vocab <= lex.cue_words
    ts = TokenStream("Menurut ketua RT, dia disapa Ipul (45) atau Budi.", lex)
    assert ts.cues_in(aliases._OPENERS) == [
        k for k, low in enumerate(ts.lows) if low in aliases._OPENERS
    ]


def test_no_quote_marks_and_no_reporting_verb_means_no_quotes() -> None:
    text = "Kapolres Dumai AKBP Budi Santoso meninjau pos di Kota Dumai."
    assert extract_quotes(text, extract_actors(text)) == []
    assert [q.speaker for q in extract_quotes(text + " Budi mengatakan bahwa pos itu aman.")] == [
        "Budi Santoso"
    ]


@pytest.mark.parametrize(
    "name",
    ["", ".extract", ".lexicon", ".model", ".orgs", ".quotes", ".regions", ".tokens"],
)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"media_analytics.actors{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_a_comma_joining_paragraphs_and_a_leading_dateline_open_sentences() -> None:
    ts = TokenStream(", - Warga datang.,Nama Wulan disebut. Dr. Ani, katanya.", get_lexicon())
    opens = [w for w, s in zip(ts.words, ts.sent, strict=True) if s and w[:1].isalpha()]
    assert opens == ["Warga", "Nama", "Dr"]  # not "Ani" after the title "Dr."
