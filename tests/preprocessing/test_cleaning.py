from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from media_analytics.preprocessing import (
    clean_article,
    clean_title,
    cleaning,
    fix_encoding,
    normalize_whitespace,
    split_dateline,
    strip_boilerplate,
    strip_html,
)


def test_seed_article_credit_and_dateline_out_names_intact(seed_text: str) -> None:
    cleaned = clean_article(seed_text)
    assert cleaned.dateline == "Dumai"
    assert not cleaned.text.startswith("DUMAI")
    assert "Editor" not in cleaned.text
    assert "Ari Susanto" not in cleaned.text
    for kept in [
        "IPTU Anra Nosa, S.H., M.H.",
        "AKBP Dhovan Oktavianton",
        "PT. Jatim Propertindo Jaya",
        "Kelurahan Bagan Besar",
        "“Kita perlu terus bersinergi",
        "prioritas utama,” ujar IPTU Anra Nosa.",
        "” tambahnya.",
        "” tegasnya.",
    ]:
        assert kept in cleaned.text, kept
    # every paragraph of the story survives
    assert cleaned.text.count("\n") == seed_text.strip().count("\n") - 1


@pytest.mark.parametrize(
    ("raw", "body", "place", "outlet"),
    [
        ("DUMAI - Pada hari Jumat", "Pada hari Jumat", "Dumai", None),
        ("TEMPO.CO, Jakarta - Presiden tiba.", "Presiden tiba.", "Jakarta", "TEMPO.CO"),
        ("JAKARTA, KOMPAS.com - Harga naik.", "Harga naik.", "Jakarta", "KOMPAS.com"),
        ("Jakarta (ANTARA) - Menteri hadir.", "Menteri hadir.", "Jakarta", "ANTARA"),
        ("PONTIANAK (Harian Khatulistiwa) - Hujan.", "Hujan.", "Pontianak", "Harian Khatulistiwa"),
        ("BANDAR LAMPUNG - Banjir.", "Banjir.", "Bandar Lampung", None),
        ("KOMPAS.com - Artis itu menikah.", "Artis itu menikah.", None, "KOMPAS.com"),
        # detik's styles: a region's name in title case, an outlet written from a small letter
        ("Jakarta - Presiden tiba.", "Presiden tiba.", "Jakarta", None),
        ("Bandung (detik.com) - Warga hadir.", "Warga hadir.", "Bandung", "detik.com"),
        ("Solo, detikJateng - Ribuan warga hadir.", "Ribuan warga hadir.", "Solo", "detikJateng"),
        # ordinary sentences with a dash are not datelines
        ("Sejumlah warga - termasuk anak-anak - hadir.", None, None, None),
        ("Kapolres Dumai AKBP Budi, di Dumai - hadir.", None, None, None),
        ("Persib - Persija berakhir imbang.", None, None, None),
    ],
)
def test_datelines(raw: str, body: str | None, place: str | None, outlet: str | None) -> None:
    got = split_dateline(raw)
    assert got == (body if body is not None else raw, place, outlet)


@pytest.mark.parametrize(
    "noise",
    [
        "Baca juga: Polisi Amankan Ratusan Botol Miras",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Simak juga Video: Detik-detik Banjir Bandang",
        "Simak Video 'Jembatan Putus Diterjang Banjir':",
        'Tonton juga video "Warga Gotong Royong Bersihkan Lumpur"',
        "Saksikan Live DetikPagi :",
        "Saksikan LiveDetikpagi:",
        "ADVERTISEMENT",
        "Scroll untuk melanjutkan",
        "Halaman selanjutnya",
        "Simak breaking news dan berita pilihan kami langsung di ponselmu.",
        "Pastikan kamu sudah install aplikasi WhatsApp ya.",
    ],
)
def test_boilerplate_lines_removed(noise: str) -> None:
    text = f"Paragraf pertama berita.\n{noise}\nParagraf kedua berita."
    assert clean_article(text).text == "Paragraf pertama berita.\nParagraf kedua berita."


@pytest.mark.parametrize(
    "tail",
    [
        "Editor : Ari Susanto",
        "Penulis: Rina",
        "(ant)",
        "(ant/rdp)",
        "Editor: Budi\n(rls)",
        "(*)",
        "(detik.com)",
        "Pewarta: Budi Santoso\nEditor: Siti Aminah\nCopyright © ANTARA 2025",
    ],
)
def test_trailing_credits_removed(tail: str) -> None:
    assert strip_boilerplate(f"Isi berita di sini.\n{tail}") == "Isi berita di sini."


def test_credit_words_inside_story_are_kept() -> None:
    text = "Editor senior itu mengatakan, kebijakan redaksi tidak berubah.\nIsi lain."
    assert strip_boilerplate(text) == text


def test_mojibake_html_urls_emails() -> None:
    raw = (
        "<p>Wali Kota berkata &quot;aman&quot;</p>"
        "â€œKami siapâ€\x9d, katanya¬†hari ini. Info: https://contoh.go.id/a?b=1 "
        "atau humas@contoh.go.id.</p>"
    )
    out = clean_article(raw).text
    assert '"aman"' in out
    assert "“Kami siap”" in out
    assert "katanya hari ini" in out
    assert "http" not in out and "@" not in out
    assert "<" not in out and "&quot;" not in out


def test_macroman_curly_quotes_are_repaired() -> None:
    # UTF-8 quotes read as MacRoman, as a large share of scraped CLICK-ID bodies carry them
    raw = "Dia¬†histeris. ‚ÄúKami siap,‚Äù ujar seorang warga ‚Äì lalu pulang."
    out = clean_article(raw).text
    assert "“Kami siap,” ujar seorang warga" in out
    assert "Ä" not in out and "‚" not in out


def test_macroman_symbols_and_emoji_are_repaired() -> None:
    # seen in review on CLICK-ID: "Hero of mine ‚ù§Ô∏è" (a heart read as MacRoman) came out as
    # "Hero of mine 'ù§Ô∏è" in quotes
    heart = "\u2764\ufe0f"
    grin = "\U0001f600"
    raw = (
        "Hero of mine "
        + heart.encode("utf-8").decode("mac_roman")
        + " kata dia. Lucu "
        + grin.encode("utf-8").decode("mac_roman")
        + " sekali."
    )
    out = clean_article(raw).text
    assert heart in out and grin in out
    assert "\u201a" not in out and "\uf8ff" not in out


MACROMAN_BITS = st.lists(
    st.sampled_from(
        ["\u201a\u00c4", "\u201a", "\u00c4", "\u00f9", "\u00fa", "\u00a7", "a", " ", "\n"]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(MACROMAN_BITS)
def test_macroman_table_repair_equals_the_match_by_match_rule(text: str) -> None:
    # the fast repair (a split and a table) must answer exactly as the rule read match by match:
    # "‚Ä" and the next character X become U+2000 + (X's MacRoman byte - 0x80) when that byte
    # is 80-BF, and stay as they are otherwise
    def by_rule(match: re.Match[str]) -> str:
        try:
            code = match.group(1).encode("mac_roman")
        except UnicodeEncodeError:
            return match.group(0)
        if len(code) == 1 and 0x80 <= code[0] <= 0xBF:
            return chr(0x2000 + code[0] - 0x80)
        return match.group(0)

    expected = re.sub("\u201a\u00c4(.)", by_rule, text, flags=re.S)
    assert cleaning._repair_macroman_punct(text) == expected


def test_ftfy_repairs_each_damaged_line_with_the_others_untouched() -> None:
    raw = "Baris satu ‚Äúrapi‚Äù.\nKylian Mbapp√© dan Alc√°cer hadir.\nBaris tiga."
    lines = fix_encoding(raw).split("\n")
    assert lines == ["Baris satu “rapi”.", "Kylian Mbappé dan Alcácer hadir.", "Baris tiga."]


def test_rare_ascii_whitespace_is_exactly_the_ascii_part_of_the_rare_class() -> None:
    # the ASCII fast path of normalize_whitespace relies on this
    ascii_members = {chr(i) for i in range(128) if cleaning._RARE_WS.match(chr(i))}
    assert ascii_members == set(cleaning._RARE_ASCII)
    assert normalize_whitespace("a\tb\x0bc\r\nd") == "a b c\nd"


def test_fix_encoding_leaves_clean_text_alone() -> None:
    text = "Naïve café “kutipan” – Rp 5.000"
    assert fix_encoding(text) == text


def test_strip_html_double_escaped_entities() -> None:
    assert strip_html("a &amp;quot;b&amp;quot;") == 'a "b"'


def test_escaped_tags_are_removed_once_decoded() -> None:
    # decoding "&lt;b&gt;" makes a tag; a second cleaning must not find it still there
    assert strip_html("&lt;b&gt;Aman&lt;/b&gt; kondusif").split() == ["Aman", "kondusif"]
    once = clean_article("Isi &amp;lt;p&amp;gt; berita").text
    assert "<" not in once and clean_article(once).text == once


def test_control_separators_become_spaces() -> None:
    assert normalize_whitespace("a\x1cb \x1f\nc") == "a b\nc"


def test_whitespace_and_comma_gaps() -> None:
    assert normalize_whitespace("a\u00a0\u00a0b ,, c , , d\r\n\r\n\r\ne") == "a b, c, d\n\ne"


def test_clean_rejects_non_strings() -> None:
    with pytest.raises(TypeError, match="expects str"):
        clean_article(None)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_unicode_cleans_without_error_and_idempotently(text: str) -> None:
    once = clean_article(text).text
    assert clean_article(once).text == once


NEWSY = st.lists(
    st.sampled_from(
        [
            "DUMAI - ",
            "Baca juga: Judul",
            "\n",
            " ",
            "“",
            "”",
            '"',
            ",",
            ", ,",
            "Editor : Ari",
            "(ant)",
            "<p>",
            "</p>",
            "&amp;",
            "¬†",
            "â€œ",
            "Kapolres",
            "IPTU",
            "Pilkada",
            "-",
            "JAKARTA, KOMPAS.com - ",
            "https://x.id/a",
            "a@b.id",
            "\u00a0",
            "\r\n",
            "SCROLL",
            "&lt;p&gt;",
            "\x1c",
            "\t",
            "\u200b",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(NEWSY)
def test_newsy_fragments_clean_idempotently(text: str) -> None:
    once = clean_article(text).text
    assert clean_article(once).text == once


def test_an_invisible_character_does_not_split_an_email_address_in_two() -> None:
    # found by test_newsy_fragments_clean_idempotently: the half left after the first cleaning
    # looked like an address to the second
    once = clean_article("Kapolres\u200ba@b.ida@b.id").text
    assert clean_article(once).text == once


@pytest.mark.parametrize(
    "headline",
    [
        "Foto-foto Warung Mbok Yem di Gunung Lawu, Jual Pecel di Ketinggian 3.150 Mdpl",
        "Foto: Banjir Rendam Jakarta",
        "Bahas RUU Pesantren, DPR - Pemerintah Alot Soal Dana Abadi",
        "Traveling Ala Barbie Kumalasari, Indonesia - Amerika Ditempuh 8 Jam",
        "Editor: Kapolres Pastikan Pilkada Aman",
    ],
)
def test_a_headline_is_neither_boilerplate_nor_a_dateline(headline: str) -> None:
    # the body's rules would empty or cut these (a photo credit, "PLACE, OUTLET -")
    assert clean_title(headline) == headline
    assert clean_title(f"  <b>{headline}</b>&nbsp;\n") == headline  # markup, spaces still go
    assert clean_title(clean_title(headline)) == clean_title(headline)


def test_read_also_links_go_and_the_story_around_them_stays() -> None:
    # a plain-text crawl glued the next paragraph to the linked headline
    glued = (
        "Polisi menjamin pilkada aman.\nBaca juga: Tito Minta Pemda Kendalikan Harga Cabai. "
        "Kapolres Semarang AKBP Budi mengatakan 1.200 personel disiagakan di seluruh TPS.\n"
        "Penutup."
    )
    assert clean_article(glued).text == (
        "Polisi menjamin pilkada aman.\nKapolres Semarang AKBP Budi mengatakan 1.200 personel "
        "disiagakan di seluruh TPS.\nPenutup."
    )
    # a headline that asks a question is one headline, not a headline and a paragraph
    asked = (
        "Isi.\nBaca juga: Mobil Terendam Banjir? Jangan Langsung Dinyalakan, Lakukan Ini Dulu\n"
        "Lanjut."
    )
    assert clean_article(asked).text == "Isi.\nLanjut."
    # prose that starts "Lihat juga" is the story
    prose = "Isi.\nLihat juga bagaimana warga antusias datang ke TPS sejak pagi.\nPenutup."
    assert clean_article(prose).text == prose
    # the headlines listed under a bare "Baca juga:" go with it
    listed = (
        "Isi.\nBaca juga:\nTito Minta Pemda Kendalikan Harga Cabai\nMenkeu Purbaya Soal Inflasi\n"
        "Kapolres mengatakan pengamanan berjalan lancar."
    )
    assert clean_article(listed).text == "Isi.\nKapolres mengatakan pengamanan berjalan lancar."


def test_an_empty_read_also_link_in_comma_joined_paragraphs_keeps_the_story() -> None:
    # seen on real news: paragraphs joined by commas, the link's text lost by the crawl
    text = (
        "Titik api berkurang tiap tahun, imbuhnya.,Baca Juga :,,Ia memastikan penegakan hukum "
        'akan tegas.,"Ya mimpi disiram darah," kata Elly.,Penulis: Rina Ayu,,'
    )
    cleaned = clean_article(text).text
    assert "Baca" not in cleaned and "Penulis" not in cleaned
    assert "Ia memastikan penegakan hukum akan tegas." in cleaned
    assert cleaned.endswith('"Ya mimpi disiram darah," kata Elly.')
