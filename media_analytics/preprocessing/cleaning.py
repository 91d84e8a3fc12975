"""Cleaning of scraped Indonesian news text.

Every function here is a pure ``str -> str`` step (or returns a small result object), so they
compose and can be tested one by one. :func:`clean_article` chains them in the order that real
scraped data needs: repair the encoding first (mojibake hides HTML entities and quotes), then
markup, then boilerplate, then whitespace.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import ftfy

__all__ = [
    "CleanedText",
    "clean_article",
    "fix_encoding",
    "normalize_punctuation",
    "normalize_whitespace",
    "remove_urls_emails",
    "split_dateline",
    "strip_boilerplate",
    "strip_html",
]

# Characters that show up when UTF-8 was decoded as cp1252 / latin-1 / MacRoman. Running ftfy only
# when one of them is present keeps clean text (the large majority) on a fast path.
_MOJIBAKE_LEADS = (
    "\u00c2",
    "\u00c3",
    "\u00c5",
    "\u00e2",
    "\u00ac",
    "\u00f0",
    "\u00e3",
    "\u00ef",
    "\u00c6",
    "\u201a",  # MacRoman reading of curly quotes and dashes: "‚Äú" for “, "‚Äì" for –, and of
    # other symbols of three bytes: "‚ù§Ô∏è" for ❤️
    "\u221a",  # MacRoman reading of accented letters: "√©" for é
    "\uf8ff",  # MacRoman reading of emoji (four bytes from F0, the Apple logo's)
)
_MOJIBAKE_HINT = re.compile(
    "[\u00c2\u00c3\u00c5\u00e2\u00ac\u00f0\u00e3\u00ef\u00c6\u0080-\u009f]|\u201a[^\\sA-Za-z0-9]"
    "|\u221a.|\uf8ff."
)


# UTF-8 punctuation (curly quotes, dashes, ellipsis: bytes E2 80 xx) read as MacRoman shows as
# "‚Ä" plus one character; that character's MacRoman byte (80-BF) gives back the punctuation
# mark, U+2000 + byte - 0x80. The table maps the character to the mark.
_MACROMAN_TAIL = {bytes([b]).decode("mac_roman"): chr(0x2000 + b - 0x80) for b in range(0x80, 0xC0)}
_MACROMAN_PUNCT = re.compile("\u201a\u00c4(.)", re.S)


def _repair_macroman_punct(text: str) -> str:
    # Split at every "‚Ä" and mend the character that follows: one C-level split and a list
    # comprehension instead of a Python callback per match (articles carry dozens of them).
    parts = text.split("\u201a\u00c4")
    tails = parts[1:]
    if not all(tails[:-1]):
        # "‚Ä‚Ä": a match-by-match scan reads the second "‚" as the first one's third
        # character (and leaves it); keep that reading for this rare case
        return _MACROMAN_PUNCT.sub(lambda m: _MACROMAN_TAIL.get(m.group(1), m.group(0)), text)
    get = _MACROMAN_TAIL.get
    return parts[0] + "".join(
        [get(t[:1], "") + t[1:] if t[:1] in _MACROMAN_TAIL else "\u201a\u00c4" + t for t in tails]
    )


def _suspicious(text: str) -> bool:
    """Whether ``text`` still holds characters that mojibake leaves behind."""
    # a few substring tests (C speed) decide whether the slower regex scan is needed at all
    return (
        not text.isascii()
        and any(c in text for c in _MOJIBAKE_LEADS)
        and _MOJIBAKE_HINT.search(text) is not None
    )


def encoding_is_sound(text: str) -> bool:
    """Whether :func:`fix_encoding` leaves ``text`` and every piece of it as they are.

    >>> encoding_is_sound("“Aman”, kata dia"), encoding_is_sound("â€œAmanâ€\x9d")
    (True, False)
    """
    # what fix_encoding repairs is found by substring tests and a regex search, and either finds
    # in the whole text whatever it finds in a piece of it
    return text.isascii() or (
        "\u00ac\u2020" not in text and "\u201a\u00c4" not in text and not _suspicious(text)
    )


def fix_encoding(text: str) -> str:
    """Repair mojibake such as ``â€œ`` and ``‚Äú`` (for “), ``Â`` and ``¬†`` (a no-break space).

    Uses ftfy's encoding detector, which only changes text when the repair is unambiguous.

    >>> fix_encoding("â€œAmanâ€\\x9d, kata¬†dia")
    '“Aman”, kata\\xa0dia'
    """
    # The most common damage in scraped Indonesian news, MacRoman-decoded no-break spaces and
    # punctuation, is mended directly (ftfy on a whole article costs about a millisecond);
    # ftfy's detector runs only when other suspicious characters remain.
    if text.isascii():
        return text
    original = text
    if "\u00ac\u2020" in text:
        text = text.replace("\u00ac\u2020", "\u00a0")
    if "\u201a\u00c4" in text:
        text = _repair_macroman_punct(text)
    if not _suspicious(text):
        return text
    # ftfy (about half a microsecond per character) runs only on the lines still damaged; it
    # reads the original line: a no-break space mended above would no longer re-encode as
    # MacRoman bytes that decode as UTF-8, and ftfy would leave the rest of the damage alone
    lines = text.split("\n")
    originals = original.split("\n")
    for i, line in enumerate(lines):
        if _suspicious(line):
            fixed = ftfy.fix_encoding(originals[i])
            if "\u00ac\u2020" in fixed:
                fixed = fixed.replace("\u00ac\u2020", "\u00a0")
            if "\u00c2\u00a0" in fixed:
                fixed = fixed.replace("\u00c2\u00a0", "\u00a0")
            lines[i] = fixed
    return "\n".join(lines)


_TAG_BLOCK = re.compile(r"<(script|style|noscript|iframe)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_BREAK_TAG = re.compile(r"<\s*(br|/p|p|/div|div|/li|li|/h[1-6]|h[1-6]|tr|/tr)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|<!--.*?-->", re.S)
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});")


def strip_html(text: str) -> str:
    """Remove HTML tags (block tags become line breaks) and decode entities.

    Tags are removed and entities decoded repeatedly while the text keeps changing, because
    scraped feeds often carry double-escaped text such as ``&amp;quot;`` or ``&lt;p&gt;``.

    >>> strip_html("<p>Halo &amp; selamat</p><br>pagi &amp;quot;ya&amp;quot;")
    'Halo & selamat\\n\\npagi "ya"'
    """
    # Until stable, so that cleaning twice changes nothing: decoding ``&lt;b&gt;`` makes a tag.
    # Every pass that changes the text shortens it, so this ends.
    while True:
        before = text
        if "<" in text:
            text = _TAG_BLOCK.sub(" ", text)
            text = _BREAK_TAG.sub("\n", text)
            text = _ANY_TAG.sub(" ", text)
        if "&" in text and _ENTITY.search(text):
            text = html.unescape(text)
        if text == before:
            return text.strip()


_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+", re.I)
_BARE_URL_HINT = re.compile(r"\.(?:com|id|net|org)/", re.I)
_BARE_URL = re.compile(r"[\w.-]+\.(?:com|id|net|org)/[^\s<>\"“”]*", re.I)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def remove_urls_emails(text: str) -> str:
    """Drop URLs and e-mail addresses (they carry no story and pollute topic terms).

    >>> remove_urls_emails("Info: https://kpu.go.id/x atau humas@polri.go.id.")
    'Info:  atau .'
    """
    if "@" in text:
        if not text.isascii():
            # an invisible character (dropped later anyway) would split an address in two
            # and leave half of it for the next cleaning to find ("a\u200bb@c.id")
            text = _INVISIBLE.sub("", text)
        text = _EMAIL.sub("", text)
    if "http" in text or "www." in text or "HTTP" in text or "WWW." in text:
        text = _URL.sub("", text)
    if "/" in text and _BARE_URL_HINT.search(text):
        text = _BARE_URL.sub("", text)
    return text


_PUNCT_MAP = str.maketrans(
    {
        "\u201e": "\u201c",  # „ low double quote opens
        "\u201f": "\u201c",
        "\u00ab": "\u201c",  # «
        "\u00bb": "\u201d",  # »
        "\u2033": '"',  # ″ double prime used as a quote
        "\uff02": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2012": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
    }
)


_ODD_PUNCT = re.compile("[" + "".join(re.escape(chr(c)) for c in _PUNCT_MAP) + "]")


def _replace_punct(m: re.Match[str]) -> str:
    return m.group().translate(_PUNCT_MAP)


def normalize_punctuation(text: str) -> str:
    """Map the zoo of quote and dash characters onto a small set.

    Curly double quotes ``“ ”`` are kept (quote extraction uses their direction); other double
    quote forms become ``“``/``”`` or ``"``, single quotes become ``'``, dashes become ``-``.

    >>> normalize_punctuation("„Ya«, kata—dia’s")
    "“Ya“, kata-dia's"
    """
    if text.isascii() and "`" not in text:
        return text
    # a search-and-replace touches only the few odd characters; str.translate would rebuild the
    # whole string through a Python-level mapping
    return _ODD_PUNCT.sub(_replace_punct, text)


_ODD_WS = re.compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad]|\r\n?|[\u2028\u2029\x85]"
    "|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\f\v\x1c-\x1f]"
)


# Every whitespace or invisible character other than a plain space and "\n" (the no-break space,
# by far the most common, is replaced on its own before this is searched for).
_RARE_WS = re.compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad\r\u2028\u2029\x85\t\u1680\u2000-\u200a\u202f"
    "\u205f\u3000\f\v\x1c-\x1f]"
)


_RARE_ASCII = "\r\t\f\v\x1c\x1d\x1e\x1f"


def _replace_ws(m: re.Match[str]) -> str:
    c = m.group()[0]
    if c in "\r\u2028\u2029\x85":
        return "\n"
    if c in "\u200b\u200c\u200d\u2060\ufeff\u00ad":
        return ""
    return " "


_MANY_NEWLINES = re.compile(r"\n\s*\n+")


def normalize_whitespace(text: str) -> str:
    """Collapse odd spaces, drop zero-width characters, and tidy line breaks.

    Scraped feeds that lost hyperlinked words leave runs such as ``, ,``; those collapse to one
    comma.

    >>> normalize_whitespace("a\\u00a0\\u00a0b\\u200b ,, c\\r\\n\\r\\n\\r\\nd ")
    'a b, c\\n\\nd'
    """
    if "\u00a0" in text:
        text = text.replace("\u00a0", " ")
    if text.isascii():
        # the ASCII members of _RARE_WS, each found by a memchr-speed scan
        rare = any(c in text for c in _RARE_ASCII)
    else:
        # every character _RARE_WS looks for is unprintable; isprintable() answers at C speed
        rare = not text.replace("\n", "").isprintable() and _RARE_WS.search(text) is not None
    if rare:
        text = _ODD_WS.sub(_replace_ws, text)
    # From here on the only whitespace characters are " " and "\n", so plain str.replace calls
    # (C speed, no per-line Python loop) do the rest.
    while "  " in text:
        text = text.replace("  ", " ")
    if " ," in text:
        text = text.replace(" ,", ",")
    while ",," in text:
        text = text.replace(",,", ",")
    breaks = text.count("\n")  # memchr speed
    if breaks:
        # runs of 3+ line breaks, or 2 with a space between (no double spaces are left); both
        # need two line breaks
        if breaks > 1 and ("\n\n\n" in text or "\n \n" in text):
            text = _MANY_NEWLINES.sub("\n\n", text)
            breaks = text.count("\n")
        # strip every line: with single spaces only, a line has at most one at each end (the
        # ends of the text are stripped below); a few long lines are cheaper to strip one by one
        # than to scan twice for a two-character pair
        if breaks < 8:
            text = "\n".join([line.strip(" ") for line in text.split("\n")])
        else:
            if "\n " in text:
                text = text.replace("\n ", "\n")
            if " \n" in text:
                text = text.replace(" \n", "\n")
    return text.strip()


# --- boilerplate -------------------------------------------------------------------------------

_BOILER_LINE = re.compile(
    r"""^\s*(?:
        (?:baca|lihat|simak)\s+(?:(?:juga|pula)\s*(?::.*|video\b.*|$)|selengkapnya\b.*)
                                                        # Baca juga: ..., Simak juga Video
      | scroll\s+to\s+continue\s+with\s+content
      | scroll\s+(?:untuk|ke\s+bawah\s+untuk)\s+(?:melanjutkan|lanjut)\b.*  # Scroll untuk lanjut
      | halaman\s+(?:selanjutnya|berikutnya)\b.{0,80}     # Halaman selanjutnya >>
      | simak\s+breaking\s+news\b.*                      # a portal's channel invitation
      | pilih\s+saluran\s+andalanmu\b.*
      | pastikan\s+kamu\s+sudah\s+(?:meng)?instal{1,2}\b.*
      | advertisement | iklan
      | (?:ikuti|follow)\s+(?:berita|kami|update|channel)\b.*    # Ikuti berita ... di Google News
      | (?:dapatkan|download)\s+(?:update|aplikasi)\b.*
      | (?:simak|tonton|saksikan)\s+(?:juga\s+)?video\b.*    # Simak Video 'Judul'
      | (?:tonton|saksikan)\s+live.*                      # Saksikan Live DetikPagi:
      | video\s+(?:pilihan|terkait|rekomendasi)\b.*
      | artikel\s+ini\s+telah\s+(?:tayang|terbit)\b.*
      | \[?\s*gambas\s*:.*
    )\s*$""",
    re.I | re.X,
)
# What every boilerplate line starts with, after a line break: one search over the whole text
# (the leading "\n" is a literal the regex engine scans for at C speed) rules most texts out.
_BOILER_START = re.compile(
    r"\n\s*(?:baca|lihat|simak|scroll|advertisement|iklan|ikuti|follow|dapatkan|download|tonton"
    r"|saksikan|video|artikel|\[|gambas|halaman|pilih|pastikan)",
    re.I,
)
# Inline markers that appear glued inside a paragraph (the line-based rule cannot see them).
_BOILER_INLINE = re.compile(
    r"SCROLL TO CONTINUE WITH CONTENT|ADVERTISEMENT|"
    # a link whose text the crawl lost, in paragraphs joined by commas ("...ucapnya.,Baca
    # Juga:,,Sekadar informasi, ..."): the marker goes, the story after it stays
    r"\b(?:Baca|Simak|Lihat) [Jj]uga\s*:\s*(?:,\s*)+|"
    r"\b(?:Baca|Simak|Lihat) [Jj]uga\s*:[^\n]{0,150}?(?=(?:\n|$))",
)
_CREDIT_LINE = re.compile(
    r"""^\s*\(?\s*(?:editor|penulis|pewarta|reporter|redaktur|penyunting|kontributor|
        sumber|foto|fotografer|editing|laporan\s+wartawan|wartawan)\b\s*[:|/-].{0,80}$
      | ^\s*(?:copyright|hak\s+cipta)\b.{0,80}$ | ^\s*\u00a9.{0,80}$""",
    re.I | re.X,
)
# Agency/outlet tags such as "(ant)", "(ant/abc)", "(rls)", "(*)", "(dtk/rdp)" at the end.
# and an outlet's own name in brackets, "(detik.com)", "(kompas.com)".
_AGENCY_TAG = re.compile(
    r"\s*\(\s*(?:[a-z]{1,6}(?:\s*/\s*[a-z0-9]{1,8}){0,3}|\*+|[a-z]{2,20}(?:\.co)?\.(?:com|id))\s*\)"
    r"\s*$",
    re.I,
)
_CREDIT_WORDS = ("editor", "penulis", "pewarta", "reporter", "redaktur")
_TRAILING_CREDIT_INLINE = re.compile(
    r"[\s,]*(?:editor|penulis|pewarta|reporter|redaktur)\s*:\s*[A-Z][\w.' -]{1,60}[\s,]*$", re.I
)


_READ_ALSO = re.compile(r"^\s*(?:baca|lihat|simak)\s+(?:juga|pula)\s*:\s*(?P<rest>.*)$", re.I)
# the end of a linked headline glued to the story's next paragraph ("...Harga Cabai. Kapolres
# Semarang mengatakan ..."): a full stop after a word of four letters or more, then a capital
_GLUED_PARAGRAPH = re.compile(r"(?<=[a-z0-9]{4})\.\s+(?=[A-Z])")
_LINKED_HEADLINES = 5  # lines under a bare "Baca juga:" that may be linked headlines


def _drop_boiler_lines(text: str) -> str:
    """The lines of ``text`` that are not boilerplate (``_BOILER_LINE``). A read-also line keeps
    a paragraph glued after its headline, and the headlines listed under a bare ``Baca juga:``
    (short lines that end no sentence) go with it."""
    out: list[str] = []
    listing = 0  # headline lines still allowed after a bare "Baca juga:"
    for line in text.split("\n"):
        if listing:
            words = line.split()
            if words and len(words) <= 20 and not line.rstrip().endswith(_SENTENCE_ENDS):
                listing -= 1
                continue
            listing = 0
        if not _BOILER_LINE.match(line):
            out.append(line)
            continue
        also = _READ_ALSO.match(line)
        if also is None:
            continue
        rest = also.group("rest").strip()
        if not rest:
            listing = _LINKED_HEADLINES
            continue
        # a headline has no full stop; what follows one, if it is a sentence of its own, is
        # the story going on
        glued = _GLUED_PARAGRAPH.search(rest)
        if (
            glued is not None
            and glued.start() <= 150
            and len(rest) - glued.end() >= 60
            and rest.endswith(_SENTENCE_ENDS[:5])
        ):
            out.append(rest[glued.end() :])
    return "\n".join(out)


_SENTENCE_ENDS = (".", "!", "?", '"', "\u201d", ":", ";")


def strip_boilerplate(text: str) -> str:
    """Remove lines that are not the story: read-also links, video teasers, ads, credits, tags.

    Credits (``Editor : ...``, ``Penulis : ...``) and agency tags (``(ant)``) are removed only at
    the end of the text, where they belong; a sentence that merely mentions an editor stays.

    >>> strip_boilerplate("Isi berita.\\nBaca juga: Judul lain\\nLanjutan.\\nEditor : Budi (ant)")
    'Isi berita.\\nLanjutan.'
    """
    if _BOILER_START.search(text) or _BOILER_START.match("\n" + text.lstrip()[:20]):
        text = _drop_boiler_lines(text)
    # else no line can be boilerplate (most articles): the per-line test is skipped
    # trailing credits, agency tags and empty lines, repeatedly, from the bottom
    while text:
        cut = text.rfind("\n")  # -1 for a single line
        last = text[cut + 1 :].strip()
        if not last or _CREDIT_LINE.match(last):
            text = text[: max(cut, 0)]  # drop the line and its line break
            continue
        # only the tail can hold a tag or an inline credit; searching it alone keeps long
        # single-paragraph bodies cheap
        tail = last[-160:]
        new_tail = _AGENCY_TAG.sub("", tail) if ")" in tail else tail
        low = new_tail.lower()
        if any(k in low for k in _CREDIT_WORDS):
            new_tail = _TRAILING_CREDIT_INLINE.sub("", new_tail)
        if new_tail == tail:
            break
        stripped = (last[:-160] + new_tail).rstrip()
        text = text[: cut + 1] + stripped if stripped else text[: max(cut, 0)]
    out = text
    if (
        "SCROLL" in out
        or "ADVERTISEMENT" in out
        or (":" in out and ("uga:" in out or "uga :" in out))
    ):
        out = _BOILER_INLINE.sub(" ", out)
    return out


# --- datelines ---------------------------------------------------------------------------------

# The head of a body before the first dash: "DUMAI", "TEMPO.CO, Jakarta", "JAKARTA, KOMPAS.com",
# "Suaralintas.id, Makassar", "PONTIANAK (Harian Khatulistiwa)", "Jakarta (ANTARA)".
_DATELINE = re.compile(r"^\s*(?P<head>[A-Za-z0-9 .,()'&]{2,70}?)\s*-{1,2}\s+")
_DOMAIN = re.compile(r"\.(?:com|co|id|net|org|news|tv)\b", re.I)
_CAP_WORD = re.compile(r"^[A-Z0-9][A-Za-z0-9.'&-]*$")
# an outlet's brand written in camel case from a lower-case start: "detikJateng", "detikNews"
_CAMEL_BRAND = re.compile(r"^[a-z]{3,}[A-Z][A-Za-z]*$")


def _outlet_like(part: str, bracketed: list[str]) -> bool:
    return bool(_DOMAIN.search(part) or part in bracketed or _CAMEL_BRAND.match(part))


def _known_place(name: str) -> bool:
    """Whether ``name`` is a region the gazetteer knows (a title-case dateline: ``Jakarta -``)."""
    from ..actors.regions import lookup_region  # the gazetteer loads once, on the first call

    return lookup_region(name) is not None


@dataclass(frozen=True)
class _Dateline:
    place: str | None
    outlet: str | None
    end: int


def _parse_dateline(text: str) -> _Dateline | None:
    m = _DATELINE.match(text[:120])
    if not m:
        return None
    head = m.group("head")
    bracketed = re.findall(r"\(([^()]*)\)", head)
    plain = [p.strip() for p in re.split(r",", re.sub(r"\([^()]*\)", ",", head)) if p.strip()]
    parts = plain + [b.strip() for b in bracketed if b.strip()]
    if not 1 <= len(parts) <= 2 or "(" in head.replace("(", "", len(bracketed)):
        return None
    if any(
        len(p.split()) > 4
        or not (_outlet_like(p, bracketed) or all(_CAP_WORD.match(w) for w in p.split()))
        for p in parts
    ):
        return None
    outlets = [p for p in parts if _outlet_like(p, bracketed)]
    places = [p for p in parts if p not in outlets]
    if len(parts) == 1:
        if outlets:
            return _Dateline(place=None, outlet=outlets[0], end=m.end())
        # A lone head must be upper case ("DUMAI", "BANDAR LAMPUNG") or a region's name in title
        # case ("Jakarta -", detik's style): any other title-case phrase followed by a dash is
        # far more often the start of an ordinary sentence.
        if not places[0].replace(" ", "").isupper() and not _known_place(places[0]):
            return None
        return _Dateline(place=places[0], outlet=None, end=m.end())
    if not outlets:  # "SEMARANG, Jateng Terkini": place first, outlet second
        outlets, places = [places[1]], [places[0]]
    if len(places) != 1 or len(outlets) != 1:
        return None
    return _Dateline(place=places[0], outlet=outlets[0], end=m.end())


def split_dateline(text: str) -> tuple[str, str | None, str | None]:
    """Split a leading dateline off a body.

    Returns ``(body, place, outlet)``; ``place`` is title-cased (``"Dumai"``) and ``None`` when the
    text has no dateline or names only an outlet.

    >>> split_dateline("DUMAI - Pada hari Jumat ...")
    ('Pada hari Jumat ...', 'Dumai', None)
    >>> split_dateline("JAKARTA, KOMPAS.com - Harga naik.")
    ('Harga naik.', 'Jakarta', 'KOMPAS.com')
    >>> split_dateline("TEMPO.CO, Jakarta - Presiden ...")[1:]
    ('Jakarta', 'TEMPO.CO')
    """
    parsed = _parse_dateline(text)
    if parsed is None:
        return text, None, None
    place = parsed.place.title() if parsed.place else None
    return text[parsed.end :], place, parsed.outlet


@dataclass(frozen=True)
class CleanedText:
    """The case-preserving cleaned body and what cleaning learned on the way."""

    text: str
    dateline: str | None = None
    outlet: str | None = None


def _clean_once(text: str) -> tuple[str, str | None, str | None]:
    text = strip_html(fix_encoding(text))
    text = remove_urls_emails(text)
    text = normalize_punctuation(text)
    text = normalize_whitespace(text)
    place = outlet = None
    # Strip until stable: removing a dateline or a credit can expose another one, and a second
    # call must find nothing left to do. Every pass that changes the text shortens it, so this
    # ends. The text stays whitespace-normalised throughout (a dateline split leaves a suffix that
    # is), so whitespace is normalised again only after boilerplate removal changed something.
    while True:
        stripped = strip_boilerplate(text)
        if stripped != text:
            stripped = normalize_whitespace(stripped)
        body, more_place, more_outlet = split_dateline(stripped)
        place, outlet = place or more_place, outlet or more_outlet
        if body == text:
            return body, place, outlet
        text = body


def clean_title(text: str) -> str:
    """Clean one headline: encoding repair, HTML, URLs and e-mails, punctuation and whitespace
    (on one line), as the body is cleaned but without the rules for bodies: a headline is
    neither boilerplate nor a dateline (``Foto-foto Jembatan ...``, ``Bahas RUU, DPR -
    Pemerintah Alot ...`` stay whole). Idempotent.

    >>> clean_title("Bahas RUU Pesantren, DPR - Pemerintah Alot&nbsp;Soal Dana Abadi")
    'Bahas RUU Pesantren, DPR - Pemerintah Alot Soal Dana Abadi'
    >>> clean_title("Foto-foto Warung di Gunung Lawu\\n")
    'Foto-foto Warung di Gunung Lawu'
    """
    if not isinstance(text, str):
        raise TypeError(f"clean_title expects str, got {type(text).__name__}")
    for _ in range(10):  # until stable, as clean_article repairs exposed damage
        cleaned = normalize_whitespace(
            normalize_punctuation(remove_urls_emails(strip_html(fix_encoding(text))))
        ).replace("\n", " ")
        while "  " in cleaned:
            cleaned = cleaned.replace("  ", " ")
        if cleaned == text:
            break
        text = cleaned
    return text


def clean_article(text: str) -> CleanedText:
    """Clean one scraped article body; keep case, punctuation and quotes for extraction.

    Steps: encoding repair, HTML, URLs and e-mails, punctuation, whitespace, boilerplate lines,
    dateline (kept as metadata). Idempotent: cleaning the result again changes nothing.

    >>> c = clean_article("DUMAI - IPTU Anra hadir.\\nEditor : Ari")
    >>> c.text, c.dateline
    ('IPTU Anra hadir.', 'Dumai')
    """
    if not isinstance(text, str):
        raise TypeError(f"clean_article expects str, got {type(text).__name__}")
    body, place, outlet = _clean_once(text)
    # The encoding repair can expose more damage that only the next pass sees (a mojibake
    # sequence that was glued to a no-break space): while suspicious characters are left, clean
    # again until stable.
    for _ in range(10):
        if not _suspicious(body):
            break
        again, more_place, more_outlet = _clean_once(body)
        place, outlet = place or more_place, outlet or more_outlet
        if again == body:
            break
        body = again
    return CleanedText(text=body, dateline=place, outlet=outlet)
