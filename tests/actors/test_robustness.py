"""Any text in, offsets that slice it exactly out; and the speed budget."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from media_analytics.actors import extract_actors, extract_quotes

_WORDS = st.sampled_from(
    [
        "Kapolres",
        "Dumai",
        "AKBP",
        "Budi",
        "Santoso",
        ",",
        ".",
        "“",
        "”",
        '"',
        "ujar",
        "kata",
        "PT.",
        "Maju",
        "Kota",
        "Kecamatan",
        "(",
        ")",
        "S.H.",
        "Menurut",
        "mengatakan",
        "bahwa",
        "warga",
        "\n",
        "Editor",
        ":",
        "Jalan",
        "Jenderal",
        "Iptu",
        "Desa",
        "Riau",
        "dan",
        "(45)",
        "KPU",
    ]
)


@settings(max_examples=200, deadline=None, database=None)
@given(st.lists(_WORDS, max_size=40).map(" ".join))
def test_offsets_always_slice_the_text(text: str) -> None:
    actors = extract_actors(text)
    for a in actors:
        for s, e in a.mentions:
            assert 0 <= s < e <= len(text)
            assert text[s:e].strip() == text[s:e]
    for q in extract_quotes(text, actors):
        assert text[q.start : q.end] == q.text


def test_empty_and_odd_input() -> None:
    assert extract_actors("") == []
    assert extract_quotes("") == []
    assert extract_actors("   \n\n ") == []
    assert extract_quotes("“”") == []


def test_speed_on_a_typical_article() -> None:
    body = (
        "Kapolres Kampar AKBP Boby Putra meninjau pos pengamanan di Kecamatan Tapung, Kabupaten "
        "Kampar. “Kami menambah personel di titik rawan,” kata Boby. Menurutnya, Polres Kampar "
        "bekerja sama dengan KPU Kabupaten Kampar dan Bawaslu Riau.\n"
    ) * 12  # about 4 KB
    extract_quotes(body, extract_actors(body))  # warm the word lists
    times = []
    for _ in range(20):
        t0 = time.perf_counter()
        extract_quotes(body, extract_actors(body))
        times.append(time.perf_counter() - t0)
    times.sort()
    # the budget is well under 5 ms; the bound here leaves room for a busy test machine
    assert times[len(times) // 2] < 0.05
