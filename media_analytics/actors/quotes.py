"""Quote attribution: who said what, in quote marks (direct) or reported (indirect).

Patterns, with ``X`` a person (name, or a role the article bound to a person):

- ``"...," ujar X.`` / ``"...," kata Kapolres X.`` / ``"...," kata dia.`` / ``"...," tulis X``;
- ``"...," ungkapnya.`` (``tegasnya``, ``tambahnya``, ``jelasnya`` ...): the speaker is the person
  in focus, i.e. the latest named speaker or the latest person standing as a sentence subject,
  passing over a person the quotation itself talks about;
- ``X mengatakan, "..."`` and ``X: "..."`` (speech verb, then the quotation);
- ``Menurut X, ...`` / ``Menurutnya, ...`` (indirect);
- ``X menjelaskan bahwa ...`` / ``X, Kepala Dinas Y, menegaskan ...`` / ``Ia menilai ...``
  (indirect; the pronoun stands for the person in focus).

A speaker is a person, or else what the attribution names: an organisation (``tulis BPS``), a
social-media account (``tulis akun @x``), a document (``bunyi Pasal 5 Perpres Nomor 1 Tahun
2025``, ``tulis dokumen Buku II Nota Keuangan``), or a description in lower case when nobody is
named (``tulis para peneliti``, ``komentar salah satu penggemar``, ``tulis netizen``: see
:func:`is_description`); a description that points back (``kata politikus itu``, ``papar musisi
33 tahun``) is the person in focus. A crowd written with a capital is no name either: as after
``Warga``, ``"...," tulis Warganet`` has no speaker, and ``Netizen menilai ...`` is no reported
speech. Nominal attributions count as verbs (``"...," demikian pernyataan resmi X``, ``bunyi
beleid tersebut``). Actors that the matchers took for persons but that name a thing (a vehicle,
a facility, a company, a date) are never speakers.

Straight (``"``) and curly (``“ ”``) quotes are both read, also mixed within a pair as scraped
pages have them; a quotation may hold several sentences. A quotation with no attribution is kept
with ``speaker=None`` when it reads like speech, and goes to the previous speaker when it
directly continues that speaker's quotation.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..preprocessing.stemming import stem
from .aliases import spelling_key
from .extract import RELATIVE_PAIRS, RELATIVES, analyse
from .lexicon import MENURUT, get_lexicon, is_ordinary_word, phrase_key
from .model import Actor, Quote
from .people import read_name
from .regions import lookup_region
from .tokens import TokenStream, token_stream

__all__ = ["extract_quotes", "is_description", "speakers_as_actors"]

_MARKS = ('"', "“", "”")  # straight and curly quote marks
_OPEN_AFTER = frozenset("([{:—–")  # a mark after these opens a quotation (a comma says nothing:
# ``siap,"kata`` closes, ``Senin.,"Kami`` opens where paragraphs were joined with commas)
_CLOSE_BEFORE = frozenset(",.;:!?)]}…")  # a mark before these closes one
_PRONOUNS = frozenset({"dia", "ia", "beliau"})
_SELF = frozenset({"saya", "aku"})  # before an office the speaker holds ("saya Kapolda ...")
_SPEECH_END = re.compile(r"[.,!?…]\s*$")
# What stands between a quotation and the next when it is only the first one's attribution:
# the closing mark, a speech verb and its speaker (and where, when), one sentence's end, the
# next opening mark ('," kata Budi di Jakarta, Senin (1/10). "')
_ATTRIBUTION_ONLY = re.compile(
    r'[,.!?]?\s*[”"]?[,.]?\s*[a-z][a-z]+(?:nya)?\b[^"“”.!?]{0,200}[.!?][,\s]*[“"]?\s*'
)
_MIN_WORDS = 4
_HANDLE = re.compile(r"@[A-Za-z0-9_.]{2,}")
_ROLE_ACRONYM = re.compile(r"\(([A-Z]{2,6})\)")
_ACCOUNT = re.compile(r"@?[A-Za-z0-9_.]*[_.0-9][A-Za-z0-9_.]*|@?[a-z][a-z0-9]{3,}")
_PHRASE_MAX = 24
_CARRY_MAX = 400  # characters between a quotation and an unattributed one that continues it
_PHRASE_GLUE = frozenset({"dan", "pada", "&", "bidang", "urusan", "se", "untuk"})
# Speech verbs after a quotation besides the lexicon's: written words ("tulis"), replies and
# questions, and verbs of manner ("goda", "bentak"). An enclitic form ("tulisnya") points to the
# person in focus, as for the lexicon's verbs.
_AFTER_EXTRA = frozenset(
    {
        "tulis",
        "jawab",
        "tanya",
        "komentar",
        "canda",
        "kelakar",
        "sindir",
        "keluh",
        "bantah",
        "goda",
        "bentak",
        "pinta",
        "ajak",
        "puji",
        "celetuk",
        "teriak",
        "urai",
        "balas",
    }
)
# Passive speech verbs that name the source after them ("demikian dilaporkan X").
_PASSIVE_EXTRA = frozenset(
    {
        "dilaporkan",
        "ditulis",
        "disebutkan",
        "ditegaskan",
        "diterangkan",
        "dipaparkan",
        "ditekankan",
        "diutarakan",
        "dikemukakan",
        "diungkap",
        "diumumkan",
        "dibeberkan",
    }
)
# Nouns that attribute a quotation as a verb does: '"...," bunyi Pasal 5 UU X',
# '"...," pernyataan resmi BPBD', '"...," demikian kutipan pernyataan klub'.
_SPEECH_NOUNS = frozenset(
    {
        "pernyataan",
        "bunyi",
        "keterangan",
        "laporan",
        "kutipan",
        "tulisan",
        "unggahan",
        "cuitan",
        "rilis",
        "siaran",
        "pengumuman",
        "isi",
    }
)
_SOURCE_FILLERS = frozenset({"resmi", "tertulis", "pers", "lengkap"})
_DEMONSTRATIVES = frozenset({"itu", "ini", "tersebut"})
# before a reporting verb, these say that nothing was said ("belum menjelaskan")
_NEGATORS = frozenset({"tidak", "tak", "belum", "enggan", "bukan"})
# verbs of answering whose object, right after them, is what was asked ("menjawab pertanyaan
# wartawan"): what they say follows only a comma or "bahwa"
_ANSWERING = frozenset({"menjawab", "menanggapi"})
_NOT_ONLY = frozenset({"hanya", "sekadar", "cuma", "saja"})
_PRONOUN_SUBJECTS = frozenset({"Ia", "Dia", "Beliau"})
# A subject who declines to speak ("Namun Sandiaga belum mau berkomentar", "Budi enggan
# menanggapi", "Ani bungkam") takes no focus: the "Ia menuturkan ..." after it is the speaker's
# before. A word of _DECLINING after the name, with a word of _NOT up to three words before it.
_NOT = frozenset({"belum", "tidak", "tak", "enggan", "menolak", "ogah", "emoh", "urung"})
_DECLINING = frozenset(
    {"berkomentar", "menjawab", "merespons", "merespon", "menanggapi", "dihubungi"}
    | {"dikonfirmasi", "komentar", "keterangan", "tanggapan", "jawaban"}
    | {"berbicara", "bicara", "bersuara", "diwawancarai"}
)
_SILENT = frozenset({"bungkam"})
# verbs whose object may name a speech act rather than report what was said ("menyampaikan
# belasungkawa", "mengungkapkan rasa simpati"), and the nouns of those acts
_ACT_VERBS = frozenset(
    {"menyampaikan", "mengungkapkan", "mengungkap", "menyatakan", "mengucapkan", "mengutarakan"}
)
# verbs whose object may be the thing announced or revealed rather than words ("mengumumkan
# bakal calon", "mengungkap kunci kemenangan", "menyampaikan dukungan"): what follows them
# with no comma or "bahwa" is speech only when it is a clause (see ``object_only``)
_OBJECT_VERBS = frozenset(
    {"mengumumkan", "menyampaikan", "mengungkap", "mengungkapkan", "membeberkan", "memaparkan"}
    | {"menyoroti"}
)
# words that open a topic named right after a reporting verb ("menjelaskan soal video
# Presiden", "menyoroti terkait dukungan ..."): what follows is what the talk was about
_TOPIC_OPENERS = frozenset({"soal", "terkait", "mengenai", "tentang", "perihal", "seputar"})
# words that make a clause of what follows such a verb: subjects, auxiliaries, and a few
# predicates without a verb's prefix ("harga beras naik", "kondisinya aman")
_CLAUSE_WORDS = frozenset(
    {
        *("dirinya", "pihaknya", "ia", "dia", "beliau", "mereka", "kami", "kita", "saya", "aku"),
        *("akan", "sudah", "telah", "sedang", "harus", "bisa", "dapat", "perlu", "tidak", "tak"),
        *("belum", "masih", "mampu", "siap", "ingin", "mau", "pernah", "sempat", "bukan"),
        *("ada", "naik", "turun", "aman", "cukup", "benar", "penting", "tetap", "masuk", "jadi"),
        *("adalah", "merupakan", "yakni", "yaitu", "positif", "negatif", "baik", "buruk"),
        *("stabil", "kondusif", "lancar", "sehat", "sangat"),
        # "mengungkap adanya tambang ilegal": a fact reported, as a clause would report it
        "adanya",
    }
)
_VERB_PREFIXES = ("me", "di", "ber", "ter")
# words with a verb's prefix that are no verb: prepositions, demonstratives, superlatives
_NOT_VERBS = frozenset(
    {"terhadap", "terkait", "tersebut", "terutama", "tertentu", "terakhir", "terlebih"}
    | {"terbaru", "terbesar", "terbanyak", "tertinggi", "terendah", "terdekat", "terbaik"}
    | {"bersama", "beserta", "berikut", "berbagai", "berdasarkan", "bersangkutan"}
    | {"melalui", "menjelang", "menuju", "mengenai", "menurut", "melainkan", "meskipun"}
)
_ACT_NOUNS = frozenset(
    {
        *("ucapan", "ungkapan", "rasa", "terima", "selamat", "belasungkawa", "duka", "salam"),
        *("apresiasi", "permohonan", "kekecewaan", "keprihatinan", "kesedihan", "simpati"),
        *("kebahagiaan", "penghargaan", "permintaan", "dukacita"),
    }
)
# a stance or a plan of the subject's own, conveyed rather than reported in words
# ("menyatakan dukungannya terhadap pasangan ...", "menyampaikan pandangannya terkait revisi
# UU", "mengungkapkan gagasannya untuk ..."): with -nya, when no clause follows (see
# ``object_only``: "komitmennya ini juga berlaku ..." reports words)
_STANCE_NOUNS = frozenset(
    {"dukungan", "pandangan", "keinginan", "kesiapan", "ketertarikan", "komitmen", "optimisme"}
    | {"visi", "gagasan", "simpati", "kekecewaan", "keprihatinan", "apresiasi"}
)
# what some reporting verbs take as a thing handed over, not as words: "meminta uang Rp 1
# miliar" (a bribe asked for), "menyampaikan berkas pengajuan" (a file delivered)
_DEED_OBJECTS = {
    "meminta": frozenset(
        {"uang", "imbalan", "fee", "jatah", "tebusan", "mahar", "setoran", "bayaran", "rp"}
        | {"komisi", "suap", "sogokan", "upeti", "pungutan", "uangnya", "duit"}
    ),
    "menyampaikan": frozenset({"pengajuan", "berkas", "dokumen", "surat"}),
}
# verbs that after "NAME yang ..." are more often a deed than speech ("yang panik segera meminta
# bantuan", "yang memastikan lolos ke final", "yang dilaporkan pun melaporkan balik")
_NOT_SPEECH_AFTER_YANG = frozenset(
    {"meminta", "memastikan", "melaporkan", "berharap", "mengingatkan", "memperkirakan"}
)
# Words between a subject and its verb besides the lexicon's adverbs ("Budi justru menilai").
_SUBJECT_ADVERBS = frozenset(
    {
        "justru",
        "bahkan",
        "hanya",
        "tetap",
        "malah",
        "masih",
        "telah",
        "sudah",
        "akan",
        "belum",
        "tidak",
        "tak",
        "sedang",
        "baru",
        "segera",
        "pernah",
        "sendiri",
        "selalu",
        "terus",
        "mulai",
        "enggan",
        "sekaligus",
        "awalnya",
        "akhirnya",
        "kerap",
        "sering",
        "kini",
        "lagi",
        "tampak",
    }
)
# Lower-case words after which a name still opens a clause ("dan Budi menambahkan").
_CLAUSE_OPENERS = frozenset(
    {
        "dan",
        "serta",
        "tetapi",
        "tapi",
        "namun",
        "sedangkan",
        "sementara",
        "sehingga",
        "karena",
        "bahwa",
        "ketika",
        "setelah",
        "sebelum",
        "usai",
        "seusai",
        "meski",
        "meskipun",
        "walau",
        "walaupun",
        "jika",
        "bila",
        "kalau",
        "maka",
        "hingga",
        "lantaran",
        "sebab",
        "sedang",
        "adapun",
        "akhirnya",
        "kini",
        "selanjutnya",
        "sekarang",
    }
)
# prepositions: a name right after one is governed by it, not a subject
_GOVERNING = frozenset(
    {
        "dari",
        "kepada",
        "untuk",
        "oleh",
        "dengan",
        "terhadap",
        "tentang",
        "bagi",
        "atas",
        "pada",
        "di",
        "ke",
        "bersama",
        "antara",
        "melalui",
    }
)
_APPOSITION_GLUE = frozenset(
    {"dan", "serta", "&", "and", "of", "bidang", "urusan", "pada", "untuk", "se", "di"}
)
# Lower-case words that end a role phrase after a speech verb ("kata warga di lokasi", "tulis
# para peneliti dalam makalah mereka").
_PHRASE_STOP = frozenset(
    {
        "di",
        "ke",
        "dari",
        "dalam",
        "saat",
        "ketika",
        "kepada",
        "pada",
        "melalui",
        "lewat",
        "via",
        "seperti",
        "sambil",
        "sembari",
        "usai",
        "setelah",
        "sebelum",
        "seusai",
        "dengan",
        "dan",
        "yang",
        "menambahkan",
        "kemarin",
        "belum",
        "sebagaimana",
        "soal",
        "terkait",
        "tentang",
        "mengenai",
    }
)
_ROLE_PHRASE_MAX = 5
# verbs by which a speaker goes on after a quotation ("Budi menambahkan, ...")
_GOING_ON = frozenset({"menambahkan", "melanjutkan", "menuturkan", "mengatakan", "menjelaskan"})
# determiners that introduce someone new ("kata seorang warga yang ...")
_INDEFINITE = frozenset({"seorang", "salah", "sejumlah", "beberapa", "para", "sebagian"})
# words that do not open a description of a speaker ("aku hanya bisa ...": a clause)
_NOT_ROLE_START = frozenset(
    {"hanya", "bisa", "dapat", "mau", "ingin", "harus", "perlu", "sangat", "yang", "sudah"}
)
# Documents quoted word for word: a regulation with its number, or a named document after a
# document noun ("tulis dokumen Buku II Nota Keuangan").
_REGULATION = re.compile(
    r"(?:Peraturan (?:Presiden|Pemerintah|Menteri|Daerah|Gubernur|Bupati|Wali ?[Kk]ota)"
    r"(?: [A-Z][\w-]*){0,5}|Undang-[Uu]ndang|Perpres|Perppu|Permen\w*|Perda|Pergub|Perbup|"
    r"Perwali|PP|UU|Keppres|Kepmen\w*|Inpres|Keputusan(?: [A-Z][\w-]*){1,6}|"
    r"Surat Edaran(?: [A-Z][\w-]*){0,5})"
    r"(?: \([A-Za-z]+\))?(?: (?:Nomor|No\.?))? ?\d+[\w/.-]*(?: [Tt]ahun \d{4})?"
)
_DOC_NOUNS = frozenset({"dokumen", "buku", "makalah", "jurnal", "naskah", "surat"})
_DOC_ANAPHORS = frozenset(
    {"beleid", "aturan", "peraturan", "regulasi", "dokumen", "keputusan", "ketentuan", "pasal"}
)

# The person a speech verb is addressed to (``berpesan kepada ...``), and the words after which
# what was said begins, within so many words of it (see ``addressee_only``).
_ADDRESSED = frozenset({"kepada"})  # ("pada" is mostly a time: "pada tahun ini")
_SAID_AFTER_ADDRESSEE = frozenset({"agar", "supaya", "bahwa", "untuk"})
_ADDRESSEE_WORDS = 12
# verbs of asking, whose addressee the act asked for follows without a marker
_ASKING = frozenset(
    {"meminta", "minta", "mengimbau", "mengajak", "menginstruksikan", "memerintahkan"}
    | {"menyerukan", "mendesak", "mengingatkan", "berharap", "memohon"}
)


def _mark_kind(text: str, p: int) -> str:
    """Whether the quote mark at ``p`` opens (``"open"``) or closes (``"close"``) a quotation, by
    its neighbours, or ``"either"`` when they do not tell (``kata,"Kami`` / ``siap,"tulis``).

    Curly marks say which they are, unless the neighbours say the opposite plainly: scraped
    pages close a straight-quoted passage with a curly mark and the reverse (``“Kami siap,"``).
    """
    prev = text[p - 1] if p > 0 else "\n"
    nxt = text[p + 1] if p + 1 < len(text) else "\n"
    opens = prev.isspace() or prev in _OPEN_AFTER
    closes = nxt.isspace() or nxt in _CLOSE_BEFORE
    mark = text[p]
    if mark == "“":
        return "close" if closes and not opens else "open"
    if mark == "”":
        return "open" if opens and not closes else "close"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def find_quotations(text: str) -> list[tuple[int, int]]:
    """(opening mark, closing mark) offsets of the quotations in ``text``, in text order.

    A quotation stays within one line. Straight and curly marks pair with each other, since
    scraped text mixes them; a mark of the other kind inside an open quotation is a nested
    quotation when the open one is closed later on the line by a mark of its own kind
    (``“Ia bilang "siap" kemarin,” ujar X``). A closing mark with nothing open (its opening was
    lost) is skipped, and an opening mark while one is open starts afresh, so that one damaged
    pair does not shift every later pair of the line.

    >>> t = 'Ia datang.",Lalu "Kami siap," kata Budi. “Aman," ujarnya.'
    >>> [t[a + 1 : b] for a, b in find_quotations(t)]
    ['Kami siap,', 'Aman,']
    """
    out: list[tuple[int, int]] = []
    if '"' not in text and "“" not in text and "”" not in text:
        return out
    line_end = -1
    open_at = -1
    for p in _mark_positions(text):
        if p > line_end:  # a new line: nothing is open
            line_end = text.find("\n", p)
            if line_end < 0:
                line_end = len(text)
            open_at = -1
        kind = _mark_kind(text, p)
        mixed = open_at >= 0 and (text[open_at] == '"') != (text[p] == '"')
        if mixed and _nested(text, open_at, p, line_end):
            continue
        if kind == "open" or (kind == "either" and open_at < 0):
            open_at = p
        elif open_at >= 0:
            if text[open_at + 1 : p].strip():
                out.append((open_at, p))
            open_at = -1
    return out


def _mark_positions(text: str) -> list[int]:
    """Offsets of the quote marks in ``text``, in order.

    One ``str.find`` scan per kind of mark: faster than a regex over the whole body, and an
    article has few marks.

    >>> _mark_positions('“Ya," kata "Budi”.')
    [0, 4, 11, 16]
    """
    out: list[int] = []
    for mark in _MARKS:
        p = text.find(mark)
        while p >= 0:
            out.append(p)
            p = text.find(mark, p + 1)
    out.sort()
    return out


def _nested(text: str, open_at: int, p: int, line_end: int) -> bool:
    """Whether the mark at ``p``, of the other kind than the open mark at ``open_at``, is part of
    a quotation nested in the open one: the open one's own closing mark follows on the line."""
    if text[open_at] == '"':
        q = text.find('"', p + 1, line_end)
        return q >= 0 and _mark_kind(text, q) != "open"
    close = text.find("”", p + 1, line_end)
    reopen = text.find("“", p + 1, line_end)
    return close >= 0 and (reopen < 0 or close < reopen)


def _not_a_name(name: str) -> bool:
    """A fragment that cannot be a speaker's name: one or two letters in mixed case ("Da")."""
    return len(name) <= 2 and not name.isupper()


# Words that show a "person" found by the actor matchers to be a thing: vehicle makes and
# models, the head of a facility or a place, a company or event suffix, a day or a month.
_VEHICLE_WORDS = frozenset(
    {
        "toyota",
        "honda",
        "mitsubishi",
        "suzuki",
        "daihatsu",
        "nissan",
        "yamaha",
        "kawasaki",
        "hyundai",
        "wuling",
        "mercedes",
        "mercedes-benz",
        "bmw",
        "isuzu",
        "hino",
        "mazda",
        "chevrolet",
        "ford",
        "lexus",
        "pajero",
        "avanza",
        "xenia",
        "innova",
        "fortuner",
        "alphard",
        "ertiga",
        "rubicon",
        "harley-davidson",
        "vespa",
        "boeing",
        "airbus",
    }
)
_THING_HEADS = frozenset(
    {
        "taman",
        "makam",
        "jalan",
        "gedung",
        "masjid",
        "gereja",
        "pura",
        "vihara",
        "stadion",
        "bandara",
        "pelabuhan",
        "terminal",
        "stasiun",
        "pasar",
        "hotel",
        "kampus",
        "lapangan",
        "alun-alun",
        "pantai",
        "danau",
        "gunung",
        "sungai",
        "pulau",
        "jembatan",
        "tol",
        "menara",
        "monumen",
        "museum",
        "candi",
        "istana",
        "wisma",
        "hutan",
        "kebun",
        "teluk",
        "selat",
        "tanjung",
        "kapal",
        "pesawat",
        "kereta",
        "mobil",
        "motor",
        "undang-undang",
        "peraturan",
        "pasal",
    }
)
_THING_WORDS = frozenset(
    {
        "ltd",
        "pte",
        "tbk",
        "inc",
        "corp",
        "llc",
        "gmbh",
        "week",
        "cup",
        "medal",
        "award",
        "awards",
        "festival",
        "fair",
        "expo",
        "liga",
        "league",
        "championship",
        "center",
        "centre",
        "services",
        "group",
        "holding",
        "senin",
        "selasa",
        "rabu",
        "kamis",
        "jumat",
        "sabtu",
        "januari",
        "februari",
        "maret",
        "april",
        "juni",
        "juli",
        "agustus",
        "september",
        "oktober",
        "november",
        "desember",
    }
)
_NOMINAL = re.compile(r"(?:Pe|Ke)[a-z]{3,}an\s+")  # "Pengakuan", "Kewilayahan": a noun


@lru_cache(maxsize=1 << 14)
def _person_like(name: str) -> bool:
    """Whether a name the actor matchers took for a person can be a speaker: not a vehicle
    (``Mitsubishi Pajero``), a place or facility (``Taman Makam Pahlawan Kalibata``), a company
    or an event (``Trading Ltd``, ``Paris Fashion Week``) or a date."""
    toks = phrase_key(name)
    if not toks or toks[0] in _THING_HEADS:
        return False
    return not any(t in _VEHICLE_WORDS or t in _THING_WORDS for t in toks)


# academic degrees written after a name (``S.H.``, ``S.I.K.``, ``M.Si``, ``MBA``): never a speaker
_DEGREE_ONLY = re.compile(
    r"^(?:(?:[A-Z][A-Za-z]{0,3}\.\s?){1,4}(?:[A-Z][A-Za-z]{0,3}\.?)?"
    r"|MBA|MPA|MSc|MM|PhD|CPA|CFA|SH|MH|SE|ST|SIK|SIP|MSi|MPd)$"
)


#: How far (characters) before an indirect quote the person a degree belongs to may be named:
#: the name, its degrees and the verb (``Andi Ridwan Pawelloi, S.I.K., M.H., mengatakan``).
_DEGREE_REACH = 80


@lru_cache(maxsize=1 << 14)
def _speaker_name(name: str) -> str:
    """A person's name without a derived noun glued before it by the matchers (``Pengakuan
    Bella`` -> ``Bella``, ``Kewilayahan Agus Harimurti Yudhoyono`` -> ``Agus Harimurti
    Yudhoyono``)."""
    m = _NOMINAL.match(name)
    if m is not None and m.end() < len(name) and is_ordinary_word(m.group(0).strip().lower()):
        return name[m.end() :]
    return name


#: The words for a suspect or an accused person: a quotation that speaks of one in the third
#: person is not that person's (see ``quote_focus``).
_ACCUSED_WORDS = frozenset({"tersangka", "pelaku", "terdakwa", "terlapor", "terduga", "terpidana"})
_STOPS_PHRASE = frozenset({".", "!", "?", ";", ":", '"', "\u201c", "\u201d"})


@dataclass(slots=True)
class _Mention:
    start: int  # char offsets of the mention
    end: int
    tok: int  # first token index
    tok_end: int
    name: str


class _Attributor:
    def __init__(self, ts: TokenStream, actors: list[Actor]) -> None:
        self.ts = ts
        self.lex = self.ts.lex
        ts = self.ts
        starts = ts.starts
        mentions = []
        self.person_tokens: dict[str, set[str]] = {}
        self.person_roles: dict[str, set[str]] = {}
        self.org_at: dict[int, str] = {}  # start offset of an organisation mention -> its name
        # start offset of an organisation mention -> its end: a short form ("ICW") is shorter
        # than the name it stands for ("Indonesia Corruption Watch")
        self.org_stop: dict[int, int] = {}
        # end offset of an organisation mention -> (its start, the organisation's name)
        self.org_end: dict[int, tuple[int, str]] = {}
        self.actors = actors
        # start offsets of place mentions: "..., Kecamatan Matakali, Sulawesi Barat, membantah"
        # closes an office's apposition with a place, not with the speaker's name
        self.place_starts: set[int] = set()
        for a in actors:
            if a.type == "place":
                self.place_starts.update(s for s, _ in a.mentions)
                continue
            if a.type == "organization":
                for s, e in a.mentions:
                    self.org_at[s] = a.name
                    self.org_stop[s] = e
                    self.org_end[e] = (s, a.name)
                continue
            if a.type != "person" or _not_a_name(a.name) or not _person_like(a.name):
                continue
            name = _speaker_name(a.name)
            if a.role:
                self.person_roles[name] = set(phrase_key(a.role))
            self.person_tokens[name] = set(phrase_key(name))
            for s, e in a.mentions:
                i = bisect_left(starts, s)  # (ts.index_at, without the method calls)
                if i < ts.n and starts[i] == s:
                    mentions.append(_Mention(s, e, i, bisect_left(starts, e, i), name))
        if mentions:
            # a person named as another's relative, lawyer or friend: that one speaks there
            by_start = {m.start: m.name for m in mentions}
            by_end = {m.end: m.name for m in mentions}
            for m in mentions:
                m.name = self.relative_of(m.tok, m.end, by_start, by_end) or m.name
        mentions.sort(key=lambda m: m.start)
        self.mentions = mentions
        self.m_starts = [m.start for m in mentions]
        self.quote_spans: list[tuple[int, int]] = []
        self.quote_starts: list[int] = []
        # opening and closing marks of short phrases quoted inside a sentence (scare quotes)
        self.scare_marks: set[int] = set()
        self.events: list[tuple[int, str]] = []  # (char position, speaker): who is in focus
        self.subjects: list[tuple[int, str]] = []  # (char position, person) as sentence subject
        self.reported: list[tuple[int, int]] = []  # spans of reported (indirect) speech
        self.reported_by: list[tuple[int, int, str]] = []  # the same, with their sources
        self.last_description: str | None = None  # the last speaker described, not named
        self.pronoun_subjects: list[int] = []  # sentences opening "Ia/Dia + verb"
        self.pending: list[int] = []  # reporting verbs after a pronoun subject
        # "menurutnya ..." clauses (opener token, span): the person in focus once the
        # quotations' speakers are known
        self.pending_menurut: list[tuple[int, tuple[int, int]]] = []
        self.group_events: list[tuple[int, str]] = []  # organisations reporting
        # names read as speakers that the actor matchers did not take for persons
        self.named_persons: set[str] = set()
        self.statement_source: str | None = None  # source of the last statement quoted
        self.passive_words = _passive_words(ts.lex.verbs_passive)
        self.adverbs = _adverbs(ts.lex.words["adverbs"])

    # --- helpers -------------------------------------------------------------------------------
    def relative_of(
        self, i: int, end: int, by_start: dict[int, str], by_end: dict[int, str]
    ) -> str | None:
        """Who speaks where the person named from token ``i`` to offset ``end`` is named as the
        one whose relative, lawyer or friend is meant (``suami dari Kahiyang Ayu``, ``istri Budi
        Santoso``, ``kuasa hukum Budi``), or None: the relative's name when the text gives it
        beside the phrase (``kata Mahrus, suami Lily``, ``Menurut kakak Opick, Rifki, ...``:
        ``by_end`` and ``by_start`` map the persons' mention offsets to their names), else the
        phrase as written (lower case first). The person is still named in the article; the
        words are not theirs."""
        ts = self.ts
        j = i - 1
        if j >= 0 and ts.lows[j] == "dari":
            j -= 1
        if j < 0 or ts.nl[j + 1]:
            return None
        if j >= 1 and (ts.lows[j - 1], ts.lows[j]) in RELATIVE_PAIRS:
            j -= 1
        elif ts.lows[j] not in RELATIVES:
            return None
        if ts.caps[j] and not ts.sent[j]:
            return None  # "Ibu Ani", "Ayah Budi" mid-sentence: a form of address, a title
        if j >= 2 and ts.words[j - 1] == "," and ts.ends[j - 2] in by_end:
            return by_end[ts.ends[j - 2]]  # "kata Mahrus, suami Lily": Mahrus
        k = bisect_left(ts.starts, end)
        if k + 1 < ts.n and ts.words[k] == "," and ts.starts[k + 1] in by_start:
            return by_start[ts.starts[k + 1]]  # "Menurut kakak Opick, Rifki, ...": Rifki
        phrase = ts.text[ts.starts[j] : end]
        return phrase[:1].lower() + phrase[1:]

    def degree_to_person(self, q: Quote) -> Quote:
        """A quote attributed to a degree (``..., S.I.K., M.H., mengatakan``): to the person
        the degree follows, the last one named before the quote in its sentence (else none)."""
        if not (q.speaker and _DEGREE_ONLY.match(q.speaker)):
            return q
        k = bisect_right(self.m_starts, q.start) - 1
        near = k >= 0 and q.start - self.mentions[k].end < _DEGREE_REACH
        return dataclasses.replace(q, speaker=self.mentions[k].name if near else None)

    def inside_quote(self, pos: int) -> bool:
        # quotations do not overlap and are found in text order: look at the last one opened
        k = bisect_right(self.quote_starts, pos) - 1
        return k >= 0 and pos < self.quote_spans[k][1]

    def mention_from(self, tok: int, window: int = 10) -> _Mention | None:
        """The first person mention in the phrase from token ``tok`` (role words may precede)."""
        ts = self.ts
        k = tok
        while k < ts.n and k - tok < window:
            m = self.mention_at_token(k)
            if m is not None:
                return m
            w = ts.words[k]
            if k > tok and (w in ',;:!?"“”' or (w[:1].islower() and not w.startswith("ke-"))):
                return None
            k += 1
        return None

    def mention_at_token(self, tok: int) -> _Mention | None:
        pos = self.ts.starts[tok]
        k = bisect_left(self.m_starts, pos)
        if k < len(self.mentions) and self.mentions[k].start == pos:
            return self.mentions[k]
        return None

    def mention_before(self, tok: int, window: int = 4) -> _Mention | None:
        """A person mention ending just before token ``tok`` (adverbs may stand between)."""
        ts = self.ts
        k = tok - 1
        steps = 0
        while k >= 0 and ts.lows[k] in self.lex.words["adverbs"] and steps < window:
            k -= 1
            steps += 1
        if k < 0:
            return None
        end = ts.ends[k]
        idx = bisect_right(self.m_starts, end) - 1
        while idx >= 0:
            m = self.mentions[idx]
            if m.end == end:
                return m
            if m.end < end - 40:
                break
            idx -= 1
        return self.holder_before(k)

    def holder_before(self, k: int) -> _Mention | None:
        """The person described by the words ending at token ``k``: after ``selaku`` or
        ``sebagai`` (``Budi selaku manajer personal Martin mengklaim``, where the name inside the
        office is whom it serves, not the speaker; ``Rina sebagai Kepala Stasiun Gambir
        mengatakan``, where the facility's name is not a person) or after ``, seorang`` with no
        closing comma (``Sambosa, seorang penjaga parkir menilai``)."""
        ts = self.ts
        j = k
        while j > 0 and k - j < 10 and not ts.sent[j] and ts.words[j][:1].isalnum():
            if ts.lows[j] in ("selaku", "sebagai"):
                return self.mention_before(j, window=0)
            if ts.lows[j] == "seorang" and ts.words[j - 1] == ",":
                return self.mention_before(j - 1, window=0)
            j -= 1
        return None

    def focus(
        self,
        pos: int,
        exclude: frozenset[str] = frozenset(),
        group: bool = False,
        never: frozenset[str] = frozenset(),
    ) -> str | None:
        """The person in focus before a character position.

        The latest speaker (of a quotation or a reported statement) unless a person stands as
        the subject of a later sentence of the narrative; persons named inside reported speech
        ("Budi menambahkan, Presiden X menargetkan ...") do not take the focus. Names in
        ``exclude`` (persons the quotation itself talks about) are passed over, and taken when
        nobody else is, except those of ``never`` (someone the speaker calls theirs: ``cucu saya
        Muhammad Habibie``). Organisations
        that reported something are in focus only for ``group`` pronouns (``tegas mereka``).
        """
        best: tuple[int, str] | None = None
        for p, name in self.events + self.group_events if group else self.events:
            if p < pos and (best is None or p >= best[0]) and name not in exclude:
                best = (p, name)
        for p, name in self.subjects:
            if (
                p < pos
                and (best is None or p > best[0])
                and name not in exclude
                and not self.reported_at(p)
            ):
                best = (p, name)
        if best is not None:
            if best[1] not in self.person_tokens and best[1] not in self.named_persons:
                # "Ia menyerukan ..." after an organisation or a document spoke: the pronoun
                # points to a person, the one last named before it
                for p in self.pronoun_subjects:
                    if best[0] < p < pos:
                        person = self.person_before(p, exclude)
                        if person is not None:
                            return person
            return best[1]
        k = bisect_left(self.m_starts, pos) - 1
        while k >= 0:
            m = self.mentions[k]
            if not self.inside_quote(m.start) and m.name not in exclude:
                return m.name
            k -= 1
        # nobody else: the quotation may name its own speaker after all
        if not exclude or exclude == never:
            return None
        return self.focus(pos, never, group=group, never=never)

    def person_before(self, pos: int, exclude: frozenset[str]) -> str | None:
        """The person last named outside quotation marks before ``pos``."""
        k = bisect_left(self.m_starts, pos) - 1
        while k >= 0:
            m = self.mentions[k]
            if not self.inside_quote(m.start) and m.name not in exclude:
                return m.name
            k -= 1
        return None

    def same_focus(self, a: int, b: int, speaker: str) -> bool:
        """Nobody but ``speaker`` is named outside quotation marks between offsets ``a``, ``b``."""
        k = bisect_left(self.m_starts, a)
        while k < len(self.mentions) and self.mentions[k].start < b:
            m = self.mentions[k]
            if m.name != speaker and not self.inside_quote(m.start):
                return False
            k += 1
        return b - a < _CARRY_MAX

    def reported_speaker(self, q_start: int) -> str | None:
        """The source of the reported speech that runs up to a quotation opening at
        ``q_start`` in the same sentence (``Budi menyebut timnya sukses "membalas dendam"``):
        words quoted inside reported speech are the reported speaker's."""
        text = self.ts.text
        for a, b, speaker in self.reported_by:
            if a <= q_start and b <= q_start <= b + 2 and not text[b:q_start].strip():
                return speaker
        return None

    def reported_at(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.reported)

    def subject_events(self) -> None:
        """Mentions that stand as subject: at sentence start, or right before a verb.

        A name governed by a preceding word (``ucapan Budi``, ``kepada Budi``) is not a subject
        even when a verb follows; an apposition may stand between the subject and its verb
        (``Budi, Kepala Dinas X, menjelaskan``). The agent of a passive speech verb
        (``disampaikan oleh Budi``, ``Hal itu diungkapkan Budi``) is a speaker. Sentences whose
        subject is a pronoun (``Ia menegaskan ...``) are kept apart: see :meth:`focus`.
        """
        ts = self.ts
        lex = self.lex
        sent, caps, words, lows, n = ts.sent, ts.caps, ts.words, ts.lows, ts.n
        adverbs = self.adverbs
        passive_verbs = _passive_words(lex.verbs_passive)
        inside = self.inside_quote
        for m in self.mentions:
            if inside(m.start):
                continue
            tok = m.tok
            s = tok
            while s > 0 and not sent[s] and tok - s < 12:
                s -= 1
            lead_ok = sent[s] and all(
                caps[k] or words[k] in ",.()" or words[k].startswith("ke-") for k in range(s, tok)
            )
            nxt = m.tok_end
            if not lead_ok and nxt < n and words[nxt] == ",":
                nxt = self.past_apposition(nxt)
            while nxt < n and lows[nxt] in adverbs:
                nxt += 1
            passive = nxt < n and lows[nxt].startswith("di") and lows[nxt] != "dia"
            verb_next = nxt < n and lows[nxt].startswith(("me", "ber"))
            prev = lows[tok - 1] if tok > 0 and not sent[tok] else ""
            if verb_next and prev.isalpha() and words[tok - 1][:1].islower():
                governed = not (
                    prev in adverbs
                    or prev in _CLAUSE_OPENERS
                    or lex.is_role_word(prev)
                    or prev in lex.person_cues
                )
                verb_next = not governed
            if (
                (lead_ok or verb_next)
                and not passive
                and not self.in_reported(s, m.tok_end)
                and not self.declines(m.tok_end)
            ):
                self.subjects.append((m.start, m.name))
            if prev:
                agent = tok - 2 if prev == "oleh" else tok - 1
                # the agent of a passive speech verb, right before the name or its title
                if (agent >= 0 and lows[agent] in passive_verbs) or (
                    caps[tok - 1] and self.passive_before_title(tok, passive_verbs)
                ):
                    self.events.append((m.start, m.name))
        for word in _PRONOUN_SUBJECTS.intersection(ts.word_set):
            for k in ts.positions(word):
                if not sent[k] or self.inside_quote(ts.starts[k]):
                    continue
                nxt = k + 1
                while nxt < n and lows[nxt] in adverbs:
                    nxt += 1
                if nxt < n and lows[nxt].startswith(("me", "ber")):
                    self.pronoun_subjects.append(ts.starts[k])
        self.pronoun_subjects.sort()
        # the agent of a passive speech verb whom the actor matchers did not take for a person
        for word in self.passive_words.intersection(ts.word_set):
            for k in ts.positions(word):
                j = k + 2 if k + 1 < n and lows[k + 1] == "oleh" else k + 1
                if j >= n or not ts.joined(j) or not ts.name_ok[j] or self.mention_at_token(j):
                    continue
                end = read_name(ts, j)
                if end - j >= 2 and ts.is_boundary(end) and not ts.weak_name(j, end):
                    name = self.known_name(ts.surface(j, end))
                    self.events.append((ts.starts[j], name))
                    self.named_persons.add(name)

    def declines(self, k: int) -> bool:
        """Whether the words from token ``k`` (right after a subject's name) say the subject
        declined to speak: ``belum mau berkomentar``, ``enggan menanggapi``, ``bungkam``."""
        ts = self.ts
        end = k
        while end < ts.n and end - k < 6 and not ts.sent[end] and ts.words[end] not in ".,;":
            if ts.lows[end] in _SILENT or (
                ts.lows[end] in _DECLINING
                and any(ts.lows[j] in _NOT for j in range(max(k, end - 3), end))
            ):
                return True
            end += 1
        return False

    def passive_before_title(self, tok: int, passive_verbs: frozenset[str]) -> bool:
        """Whether a role phrase before the name at token ``tok`` follows a passive speech verb:
        ``Senada diungkapkan Kepala Biro Humas BKN Mohammad Ridwan`` (the agent is the named
        person, who takes the focus)."""
        ts = self.ts
        caps, sent, lows = ts.caps, ts.sent, ts.lows
        k = tok - 1
        while k > 0 and caps[k] and not sent[k] and tok - k <= 8:
            k -= 1
        if k == tok - 1 or caps[k] or not self.lex.is_role_word(lows[k + 1]):
            return False
        agent = k - 1 if lows[k] == "oleh" else k
        if agent < 0 or lows[agent] not in passive_verbs:
            return False
        # only a sentence opening on the statement (``Hal senada juga disampaikan``), not a
        # clause inside one (``calon yang disampaikan Presiden X ke DPR``)
        s = agent
        while s > 0 and not sent[s]:
            s -= 1
            if lows[s] == "yang" or agent - s > 4:
                return False
        return True

    def in_reported(self, s: int, end: int) -> bool:
        """Whether a name ending at token ``end`` stands in reported speech split by a
        parenthetical attribution: ``Habibie, kata Haedar, merupakan ...`` or ``Untuk itu,
        ungkap dia, Budi mendirikan ...`` (from sentence start ``s``)."""
        words, lows = self.ts.words, self.ts.lows
        if "," not in words[s : end + 1]:
            return False
        for j in range(s + 1, min(end + 1, self.ts.n - 1)):
            if words[j] == "," and self.is_after_verb(lows[j + 1]):
                return True
        return False

    def past_apposition(self, j: int) -> int:
        """Token after an apposition that follows a name (``, Kepala Dinas X,``), else ``j``."""
        ts, lex = self.ts, self.lex
        if j >= ts.n or ts.words[j] != ",":
            return j
        k = j + 1
        while k < ts.n and not ts.sent[k] and k - j < 24:
            w, low = ts.words[k], ts.lows[k]
            if w[:1].isalpha() and w[:1].islower():
                if low in _APPOSITION_GLUE or lex.is_role_word(low) or low in lex.person_cues:
                    k += 1
                    continue
                break
            k += 1
        if k < ts.n and k - 1 > j + 1 and ts.words[k - 1] == ",":
            return k
        return j

    # --- direct ----------------------------------------------------------------------------------
    def collect(self) -> None:
        """Find the quotations (before anything else: mentions inside them are not in focus)."""
        ts = self.ts
        self.raw: list[tuple[int, int]] = []
        for a, b in find_quotations(ts.text):
            if ts.blocked and any(x <= a < y for x, y in ts.blocked):
                continue
            if self.scare_quote(a, b):
                self.scare_marks.update((a, b))
                continue
            self.raw.append((a, b))
            self.quote_spans.append((a, b + 1))
            self.quote_starts.append(a)
        self.subject_events()

    def scare_quote(self, a: int, b: int) -> bool:
        """Whether the marks at ``a`` and ``b`` set off a phrase of one to four words inside a
        sentence, with no reporting verb on either side (``bisa "bebas kontrak" untuk``): the
        journalist's or the source's wording, not a statement quoted, and no end of the
        reported speech around it."""
        ts, text = self.ts, self.ts.text
        inner = text[a + 1 : b].strip()
        if not inner or len(inner.split()) > _MIN_WORDS or _SPEECH_END.search(inner):
            return False
        i, j = ts.index_at(a), ts.index_at(b)
        if i <= 0 or j + 1 >= ts.n or ts.words[i] != text[a] or ts.words[j] != text[b]:
            return False
        before, after = ts.lows[i - 1], ts.lows[j + 1]
        verbs = self.lex.reporting_verbs
        return (
            before[:1].isalnum()
            and after[:1].isalnum()
            and not ts.sent[j + 1]
            and before not in verbs
            and after not in verbs
            and not self.is_after_verb(after)
        )

    def direct(self) -> list[Quote]:
        text = self.ts.text
        quotes: list[Quote] = []
        for qa, qb in self.raw:
            q_start, q_end = qa, qb + 1
            inner_s, inner_e = qa + 1, qb
            inner = text[inner_s:inner_e]
            speaker, verb, known = self.after_quote(q_end, q_start)
            if not known:
                speaker, verb, known = self.before_quote(q_start)
            stripped = inner.rstrip().rstrip(",").rstrip()
            lead = len(inner) - len(inner.lstrip())
            s, e = inner_s + lead, inner_s + len(stripped)
            if s >= e:
                continue
            if not known:
                speaker = self.reported_speaker(q_start)
                known = speaker is not None
            if not known:
                if len(stripped.split()) < _MIN_WORDS or not _SPEECH_END.search(inner):
                    continue  # a title or a term in quote marks, not speech
                prev = quotes[-1] if quotes else None
                if (
                    prev is not None
                    and prev.speaker
                    and text[prev.end : q_start].strip(' \n,.”"') == ""
                ):
                    speaker = prev.speaker
                elif (
                    prev is not None
                    and prev.speaker
                    and self.same_focus(prev.end, q_start, prev.speaker)
                ):
                    speaker = prev.speaker  # speech carried on: nobody else named in between
                elif (
                    prev is not None
                    and prev.speaker
                    and _ATTRIBUTION_ONLY.fullmatch(text[prev.end : q_start])
                ):
                    # '"...," kata Kapolresta AKBP Ade saat menjenguk Anastasia. "...."': only
                    # the attribution of the quotation before, one sentence, stands between
                    speaker = prev.speaker
            quotes.append(Quote(speaker, text[s:e], verb, True, s, e))
            if speaker:
                self.events.append((q_start, speaker))
        # '"Keberadaannya sudah dideteksi.","Saat ini masih dalam pengejaran," kata Argo': a
        # quotation right before an attributed one, nothing but marks between, is the same
        # speaker's
        for i in range(len(quotes) - 2, -1, -1):
            q, nxt = quotes[i], quotes[i + 1]
            if q.speaker is None and nxt.speaker and nxt.verb:
                # ... opening a sentence of its own, not one item of a list of slogans or a
                # campaign's name ('... dan "Janji tinggal janji."', 'kampanye "Ayo Minum!"')
                before = text[max(0, q.start - 80) : q.start - 1].rstrip(' ,"“”')
                if before and before[-1] not in ".!?\n":
                    continue
                if text[q.end : nxt.start].strip(' \n,.!?”"“') == "":
                    quotes[i] = dataclasses.replace(q, speaker=nxt.speaker)
                    self.events.append((q.start, nxt.speaker))
        return quotes

    def after_quote(self, pos: int, q_start: int) -> tuple[str | None, str | None, bool]:
        """The attribution right after the quotation ending at ``pos`` (``"...," kata X``)."""
        ts = self.ts
        k = ts.index_at(pos)
        if k < ts.n and ts.words[k] in ",.":
            k += 1
        if k >= ts.n or (not ts.joined(k) and ts.starts[k] != pos):
            return None, None, False
        lead = None
        if ts.lows[k] == "demikian" and k + 1 < ts.n:
            lead, k = "demikian", k + 1  # '"...," demikian (kata|pernyataan|dilaporkan) X'
        low = ts.lows[k]
        verb = None
        if self.is_after_verb(low) or low in self.lex.verbs_before or self.is_passive(low):
            verb = low
        elif low.endswith("nya") and self.is_after_verb(low[:-3]):
            named = self.name_right_after(k + 1)
            if named is not None:
                return named, low, True  # "ujarnya Budi": the name after the verb speaks
            return self.quote_focus(q_start, pos), low, True
        elif low in _SPEECH_NOUNS:
            verb = low
        else:
            glued = self.glued_verb(k)
            if glued is not None:
                return glued
        if verb is None:
            if lead is not None:
                source = self.source_after(k, pos)
                if source is not None:
                    return source, lead, True
            m = self.mention_from(k, window=6)
            nxt = m.tok_end if m else k
            if m is not None and nxt < ts.n and ts.lows[nxt] in self.lex.verbs_before:
                return m.name, ts.lows[nxt], True
            if (
                m is not None
                and ts.text[pos - 2 : pos - 1] == ","
                and (nxt >= ts.n or ts.words[nxt] in ",." or ts.lows[nxt] in _PHRASE_STOP)
                and (m.tok == k or self.lex.is_role_word(ts.lows[k]))
            ):
                # '"...," Direktur Riset Budi, dalam rilis ...': the verb left out; a
                # quotation closed by a comma is followed by its attribution
                return m.name, None, True
            return None, None, False
        noun = low in _SPEECH_NOUNS
        k += 1
        while k < ts.n and (ts.lows[k] in _SPEECH_NOUNS or ts.lows[k] in _SOURCE_FILLERS):
            noun = True
            k += 1  # "demikian tulis laporan ...", "pernyataan resmi NASA"
        if noun and k + 1 < ts.n and ts.lows[k] == "yang" and self.is_passive(ts.lows[k + 1]):
            k += 2  # "bunyi pernyataan yang dilaporkan kantor berita X"
        elif noun and k < ts.n and ts.lows[k] in _DEMONSTRATIVES and self.statement_source:
            # "sambung pernyataan itu": the statement quoted just before
            return self.statement_source, verb, True
        if k < ts.n and ts.lows[k] == "oleh":
            k += 1
        if k < ts.n and ts.words[k] in ",." and ts.starts[k] == ts.ends[k - 1]:
            # "ujar,." where a linked name was stripped: the person in focus, or the one
            # who goes on speaking in the next sentence ("Budi menambahkan, ...")
            speaker = self.quote_focus(q_start, pos) or self.next_speaker(k)
            return speaker, verb, True
        if k < ts.n and ts.lows[k] in _PRONOUNS:
            return self.quote_focus(q_start, pos), verb, True
        if k < ts.n and ts.lows[k] == "mereka":
            return self.quote_focus(q_start, pos, group=True), verb, True
        handle = _HANDLE.match(ts.text, ts.starts[k]) if k < ts.n else None
        if handle is not None:
            return handle.group(0).rstrip("."), verb, True
        if k < ts.n and ts.lows[k] == "lainnya" and ts.is_boundary(k + 1):
            # "tulis lainnya": another one of the group described before, not a name
            return self.last_description, verb, True
        source = self.source_after(k, pos)
        if source is not None:
            if noun:
                self.statement_source = source
            return source, verb, True
        office = self.office_after(k)
        if office is not None:
            return office, verb, True
        return self.quote_focus(q_start, pos), verb, True

    def office_after(self, k: int) -> str | None:
        """An office named after the verb without a name that was read (``kata Ketua DKPP
        dalam sidang``): the one person of the article who holds it, else the office as
        written. Never the person in focus, who may be someone else entirely."""
        ts = self.ts
        if k >= ts.n or not ts.caps[k] or not self.lex.is_role_word(ts.lows[k]):
            return None
        e = k
        while e < ts.n and e - k < 16 and (e == k or ts.joined(e)) and ts.words[e] not in ".!?":
            e += 1
        if e > k and ts.lows[e - 1] in _DEMONSTRATIVES:
            return None  # "ujar Ketua RT 21, Kelurahan B, itu": the person in focus
        t = k
        while t < ts.n and t - k < 12 and (t == k or ts.joined(t)):
            org = self.org_at.get(ts.starts[t])
            if org is not None:
                t = max(ts.index_at(self.org_stop[ts.starts[t]]), t + 1)
            elif (
                ts.caps[t]
                or ts.words[t][:1].isdigit()
                or (t > k and ts.lows[t] in _APPOSITION_GLUE and ts.caps[t + 1 : t + 2] == [True])
            ):
                t += 1
            else:
                break
        words = [w for w in ts.lows[k:t] if w[:1].isalnum()]
        owner = self.role_owner(words)
        return owner if owner is not None else ts.surface(k, t)

    def name_right_after(self, j: int) -> str | None:
        """A person named by the token ``j`` on, directly after a verb (``ujarnya Budi``)."""
        ts = self.ts
        if j >= ts.n or not ts.joined(j) or not ts.caps[j] or ts.starts[j] != ts.ends[j - 1] + 1:
            return None
        m = self.mention_at_token(j)
        if m is not None:
            return m.name
        if not ts.name_ok[j]:
            return None
        end = read_name(ts, j)
        if end > j and ts.is_boundary(end) and not ts.weak_name(j, end):
            return self.known_name(ts.surface(j, end))
        return None

    def next_speaker(self, k: int) -> str | None:
        """The person who opens the next sentence with a verb of adding or going on
        (``Budi menambahkan, ...``), from token ``k``."""
        ts = self.ts
        j = k
        while j < ts.n and not ts.words[j][:1].isalnum() and j - k < 4:
            j += 1
        if j >= ts.n or not (ts.sent[j] or "." in ts.words[k:j]):
            return None  # a new sentence (scraped pages may join it with a comma: ".,Budi")
        m = self.mention_at_token(j)
        if m is not None:
            name, nxt = m.name, m.tok_end
        else:
            nxt = read_name(ts, j)
            if nxt - j < 2 or ts.weak_name(j, nxt):
                return None
            name = self.known_name(ts.surface(j, nxt))
        while nxt < ts.n and ts.lows[nxt] in self.adverbs:
            nxt += 1
        return name if nxt < ts.n and ts.lows[nxt] in _GOING_ON else None

    def is_after_verb(self, low: str) -> bool:
        return low in self.lex.verbs_after or low in _AFTER_EXTRA

    def is_passive(self, low: str) -> bool:
        return low in self.lex.verbs_passive or low in _PASSIVE_EXTRA

    def glued_verb(self, k: int) -> tuple[str | None, str | None, bool] | None:
        """A speech verb glued to the name after it where a link was stripped (``kataBudi``)."""
        ts = self.ts
        w = ts.words[k]
        for cut in range(3, min(len(w) - 2, 12)):
            head, rest = w[:cut], w[cut:]
            hl = head.lower()
            if not (rest[:1].isupper() and rest[1:2].islower()):
                continue
            if self.is_after_verb(hl) or self.is_passive(hl):
                owner = self.owner_of(rest.lower())
                if owner is not None:
                    return owner, hl, True
                nxt = k + 1 if k + 1 < ts.n and ts.joined(k + 1) else None
                named = self.named_after(nxt) if nxt is not None else None
                if named is not None:
                    return named, hl, True
                j = k + 1
                while j < ts.n and ts.joined(j) and ts.caps[j]:
                    j += 1
                return (rest + ts.text[ts.ends[k] : ts.ends[j - 1]]).strip(), hl, True
        return None

    def named_inside(self, a: int, b: int) -> tuple[frozenset[str], frozenset[str]]:
        """Persons named inside a quotation, and of them those named right after ``saya``
        owning a noun. A speaker rarely names themself in the third person, so the person in
        focus is passed over when the quotation talks about them. A name or an office after
        ``saya`` as the subject is the speaker's own (``Saya Abisai Rollo menyumbangkan``,
        ``pada kesempatan ini saya Kapolda Metro Jaya``) and names nobody else; after ``saya``
        owning a noun it names someone the speaker speaks of, never the speaker (``cucu saya
        Muhammad Habibie``)."""
        k = bisect_left(self.m_starts, a)
        names, owned = set(), set()
        while k < len(self.mentions) and self.mentions[k].start < b:
            m = self.mentions[k]
            if not self.self_named(m.tok):
                names.add(m.name)
                if m.tok > 0 and self.ts.lows[m.tok - 1] in _SELF:
                    owned.add(m.name)
            k += 1
        return frozenset(names), frozenset(owned)

    def quote_focus(self, a: int, b: int, *, group: bool = False) -> str | None:
        """The person in focus for a quotation at offsets ``a``-``b`` attributed by a pronoun
        (``ujarnya``): :meth:`focus`, passing over the persons it names. A quotation that speaks
        of the suspect in the third person (``Digorok oleh tersangka ...``) is not the suspect's,
        when the article names its suspect as such (:attr:`accused`)."""
        exclude, owned = self.named_inside(a, b)
        if self.speaks_of_accused(a, b):  # (the cheap test first: few quotations do)
            exclude |= self.accused
        return self.focus(b, exclude, group=group, never=owned)

    def speaks_of_accused(self, a: int, b: int) -> bool:
        """Whether a word of :data:`_ACCUSED_WORDS` stands between offsets ``a`` and ``b``."""
        ts = self.ts
        t = bisect_left(ts.starts, a)
        while t < ts.n and ts.starts[t] < b:
            if ts.lows[t] in _ACCUSED_WORDS:
                return True
            t += 1
        return False

    @cached_property
    def accused(self) -> frozenset[str]:
        """Persons the narrative names as the suspect or the accused: a word of
        :data:`_ACCUSED_WORDS` right before their name, or a word or two before it (``tersangka
        Kamal``, ``pelaku berinisial AS``, ``terdakwa, Budi``)."""
        ts, lex = self.ts, self.lex
        found = set()
        for m in self.mentions:
            if self.inside_quote(m.start):
                continue
            j = m.tok - 1
            # back to the word, within the phrase: no sentence end, quotation or speech verb
            # between (not "... menangkap pelaku," kata Budi), nor another name (not
            # "status tersangka Veronika Koman, Luki enggan ...")
            while j >= 0 and m.tok - j <= 3:
                low = ts.lows[j]
                if low in _ACCUSED_WORDS:
                    found.add(m.name)
                    break
                if (
                    ts.words[j] in _STOPS_PHRASE
                    or low in lex.speech_verbs
                    or low in lex.interposed_verbs
                    or ts.caps[j]
                    or self.inside_quote(ts.starts[j])
                    or ts.sent[j]
                ):
                    break
                j -= 1
        return frozenset(found)

    def self_named(self, k: int) -> bool:
        """The speaker names themself at token ``k``: ``saya`` as a subject before it (opening a
        sentence or a clause, or after ``ini``, ``itu``, an adverb), not after a noun it owns."""
        ts = self.ts
        s = k - 1
        if s < 0 or ts.lows[s] not in _SELF or not ts.joined(k):
            return False
        return (
            s == 0
            or ts.sent[s]
            or not ts.words[s - 1][:1].isalnum()
            or ts.lows[s - 1] in _DEMONSTRATIVES
            or ts.lows[s - 1] in self.adverbs
        )

    def source_after(self, k: int, pos: int) -> str | None:
        """Who or what the phrase from token ``k`` names as the source, or None to fall back on
        the person in focus.

        In order: a person (:meth:`named_after`); a social-media account (``akun X``); an
        organisation named first (``tulis BPS``); a document (a regulation with its number, a
        title after a document noun, or ``beleid tersebut`` for the last regulation named); a
        role phrase in lower case (``tulis para peneliti``, ``komentar salah satu penggemar``)
        unless it points back with a demonstrative (``kata politikus itu``) to a person in focus.
        """
        ts = self.ts
        if k >= ts.n:
            return None
        named = self.named_after(k)
        if named is not None:
            return named
        low = ts.lows[k]
        if low == "akun":
            j = k + 1
            while j < ts.n and ts.lows[j] in ("bernama", "resmi", "instagram", "twitter", "x"):
                j += 1
            if j < ts.n and ts.lows[j] in _DEMONSTRATIVES:
                last = None  # "tulis akun tersebut": the account named last
                for h in _HANDLE.finditer(ts.text, 0, pos):
                    last = h.group(0).rstrip(".")
                return last
            handle = _ACCOUNT.match(ts.text, ts.starts[j]) if j < ts.n else None
            if handle is not None and not is_ordinary_word(handle.group(0).lower()):
                return handle.group(0).rstrip(".")
        if low == "kantor" and k + 2 < ts.n and ts.lows[k + 1] == "berita":
            agency = self.agency_name(k + 2)  # "kantor berita Nusantara, Kabar Press Agency"
            if agency is not None:
                return agency
        j = k + 1 if low == "pihak" else k
        org = self.org_at.get(ts.starts[j]) if j < ts.n else None
        if org is not None:
            return org
        doc = self.document_at(k, pos)
        if doc is not None:
            return doc
        if ts.upper[k] and ts.is_boundary(k + 1):
            return ts.words[k]  # an acronym not read as an organisation ("tulis NASA")
        return self.role_phrase(k, pos)

    def agency_name(self, k: int) -> str | None:
        """The name of a news agency from token ``k`` on, after ``kantor berita``: the
        capitalised run, or the one after a comma (``kantor berita Jepang, Kyodo``)."""
        ts = self.ts
        runs: list[tuple[int, int]] = []
        j = k
        while j < ts.n and ts.joined(j) and len(runs) < 2:
            e = j
            while e < ts.n and ts.joined(e) and ts.caps[e]:
                e += 1
            if e == j:
                break
            runs.append((j, e))
            if e + 1 < ts.n and ts.words[e] == "," and ts.caps[e + 1]:
                j = e + 1
                continue
            break
        if not runs:
            return None
        a, b = runs[-1]
        return ts.surface(a, b)

    def document_at(self, k: int, pos: int) -> str | None:
        """A document named from token ``k``: a regulation with its number (after ``pasal``,
        ``ayat`` or a document noun too), a title after a document noun, or, for ``beleid
        tersebut`` / ``pasal ...`` without a name, the last regulation named before ``pos``."""
        ts = self.ts
        line_end = ts.text.find("\n", ts.starts[k])
        window = ts.text[ts.starts[k] : line_end if line_end >= 0 else len(ts.text)][:160]
        low = ts.lows[k]
        if low in _DOC_NOUNS or low in ("pasal", "ayat"):
            m = _REGULATION.search(window)
            if m is not None and "." not in window[: m.start()]:
                return m.group(0)
        m = _REGULATION.match(window)
        if m is not None:
            return m.group(0)
        if low in _DOC_NOUNS and k + 1 < ts.n and ts.caps[k + 1] and ts.joined(k + 1):
            j = k + 1
            while j < ts.n and ts.joined(j) and (ts.caps[j] or ts.words[j][:1].isdigit()):
                j += 1
            return ts.surface(k + 1, j)
        if low in _DOC_ANAPHORS or low in ("pasal", "ayat"):
            nxt = k + 1
            while nxt < ts.n and ts.joined(nxt) and not ts.lows[nxt].isalpha():
                nxt += 1
            anaphor = low in ("pasal", "ayat") or (nxt < ts.n and ts.lows[nxt] in _DEMONSTRATIVES)
            if anaphor:
                last = None
                for m in _REGULATION.finditer(ts.text, 0, pos):
                    last = m.group(0)
                return last
        return None

    def role_phrase(self, k: int, pos: int) -> str | None:
        """A speaker described, not named: the lower-case phrase after the verb.

        ``kata politikus Partai X itu`` points back (a demonstrative closes the phrase) to the
        person in focus; ``kata politikus Partai X Budi Santoso`` names the speaker after the
        party even when Budi Santoso was not recognised as a person; an office that exactly one
        person of the article holds is that person.
        """
        ts = self.ts
        j = k
        while (
            j < ts.n
            and j - k < _ROLE_PHRASE_MAX
            and (j == k or ts.joined(j))
            and ts.words[j][:1].isalpha()
            and ts.words[j][:1].islower()
            and ts.lows[j] not in _PHRASE_STOP
            and ts.lows[j] not in _DEMONSTRATIVES
        ):
            j += 1
        if j == k or ts.lows[k] in _PRONOUNS or ts.lows[k] in _NOT_ROLE_START:
            return None
        if any(w in self.lex.verbs_before or _affixed_verb(w) for w in ts.lows[k:j]):
            return None  # a clause ("aku hanya bisa tersenyum lalu berkata"), not a description
        words = [w for w in ts.lows[k:j] if w not in ("sang", "para", "salah", "satu", "seorang")]
        owner = self.role_owner(words)
        if owner is not None:
            return owner
        if j + 2 < ts.n and ts.words[j] == "," and ts.caps[j + 1] and ts.name_ok[j + 1]:
            end = read_name(ts, j + 1)  # "kata salah seorang kerabat korban, Yuliana"
            if end > j + 1 and ts.is_boundary(end) and not ts.weak_name(j + 1, end):
                return self.known_name(ts.surface(j + 1, end))
        indefinite = ts.lows[k] in _INDEFINITE
        if (
            self.ends_with_demonstrative(j)
            or (
                not indefinite
                and j < ts.n
                and ts.joined(j)
                and (ts.words[j][:1].isdigit() or ts.lows[j] == "yang")
            )
        ) and self.focus(pos) is not None:
            # "ujar perempuan yang menjabat menteri itu", "papar musisi 33 tahun", "imbuh
            # legenda balap yang meraih 15 gelar": a description of the person in focus
            return None
        # what follows the lower-case words: names of organisations, a name, a demonstrative
        t = j
        after_org = False
        of_org = 0  # end of an organisation right after the words ("anggota Komisi III")
        while t < ts.n and t - j < 12 and ts.joined(t):
            if ts.lows[t] in _DEMONSTRATIVES:
                return None if self.focus(pos) is not None else ts.surface(k, j)
            org = self.org_at.get(ts.starts[t])
            if org is not None:
                at = t
                t = max(ts.index_at(self.org_stop[ts.starts[t]]), t + 1)
                held = self.person_in_org(at, t)
                if held is not None:
                    return held  # "kata pengamat tata kota Universitas Trisakti Nirwono Yoga"
                if at == j:  # the organisation as written, never the name after it
                    of_org = t
                after_org = True
                continue
            if ts.caps[t] and ts.name_ok[t]:
                end = read_name(ts, t)
                size = 1 if after_org else 2  # "anggota Fraksi Partai X Taufiqulhadi"
                if end - t >= size and ts.is_boundary(end) and not ts.weak_name(t, end):
                    return self.known_name(ts.surface(t, end))
                t = max(end, t + 1)
                after_org = False
                continue
            if ts.caps[t] or ts.words[t] in ",()" or ts.lows[t] in _APPOSITION_GLUE:
                after_org = after_org and not ts.caps[t]
                t += 1
                continue
            if ts.lows[t] == "dari":
                t += 1
                continue
            break
        if j - k > 1 and ts.lows[j - 1] == "lainnya":
            j -= 1  # "kata warga lainnya": another resident
        # "kata anggota Komisi III, , di ...", where the name was stripped: the member of the
        # organisation, not a bare "anggota" that says nothing of who spoke
        self.last_description = ts.surface(k, of_org or j)
        return self.last_description

    def person_in_org(self, i: int, j: int) -> str | None:
        """A person of the article whose name ends the organisation read at tokens ``i .. j-1``
        (``Universitas Trisakti Nirwono Yoga``, the organisation reader running on into the
        name of its member): the speaker is that person, not a description holding the name."""
        ts = self.ts
        known = {spelling_key(t) for pt in self.person_tokens.values() for t in pt}
        for u in range(i + 1, j):
            if spelling_key(ts.lows[u]) in known and ts.caps[u] and read_name(ts, u) >= j:
                return self.known_name(ts.surface(u, j))
        return None

    def ends_with_demonstrative(self, j: int) -> bool:
        """Whether the attribution clause running on from token ``j`` ends with a demonstrative
        (before punctuation or the end of the line)."""
        ts = self.ts
        t = j
        while t < ts.n and t - j < 14 and ts.joined(t) and ts.words[t][:1].isalnum():
            t += 1
        return t > j and ts.lows[t - 1] in _DEMONSTRATIVES

    def role_owner(self, words: list[str]) -> str | None:
        """The one person whose office holds all these words (``kata peneliti ICW itu``)."""
        if not words:
            return None
        found = {n for n, role in self.person_roles.items() if set(words) <= role}
        return found.pop() if len(found) == 1 else None

    def named_after(self, k: int) -> str | None:
        """The speaker named in the phrase after a speech verb, or None.

        The phrase may carry a description and an office before the name (``kata peneliti pada
        Lembaga X (LX), Budi``, ``ujar Kasi Pidsus Kejari Y, Budi Santoso di Z``): the name that
        closes the phrase is the speaker, so the last person met wins.
        """
        ts, lex = self.ts, self.lex
        last: str | None = None
        after_comma = True
        j = k
        while j < ts.n and j - k < _PHRASE_MAX and (j == k or ts.joined(j)):
            w, low = ts.words[j], ts.lows[j]
            m = self.mention_at_token(j)
            if m is not None:
                last, j, after_comma = m.name, m.tok_end, False
                if j < ts.n and ts.lows[j] == "dan":
                    break  # "kata Budi dan Ani": two speakers, keep the first
                continue
            if w == ",":
                after_comma = True
                j += 1
                continue
            if ts.upper[j] and len(w) > 1 and w in self.initials:
                last, after_comma = self.initials[w], False  # "kata AHY", "tegas JPU"
                j += 1
                continue
            if (
                w in "()/-"
                or w[:1].isdigit()
                or low.startswith("ke-")
                or (ts.upper[j] and len(w) > 1)
                or (w == "." and j + 1 < ts.n and not ts.sent[j + 1])
            ):
                j += 1
                after_comma = False
                continue
            if not w[:1].isupper():
                if low in _PHRASE_GLUE or low in lex.person_cues or lex.is_role_word(low):
                    j += 1
                    after_comma = False
                    continue
                break
            if (low,) in lex.hon_prefix or (low,) in lex.ranks or ts.rank_end(j) > j:
                # "Prof Budi", "Kombes Budi", "Ajun Inspektur Satu Budi": the name follows
                j = ts.skip_dot(max(j + 1, ts.rank_end(j)))
                continue
            end = read_name(ts, j)
            if after_comma and end > j and ts.is_boundary(end) and not ts.weak_name(j, end):
                surface = ts.surface(j, end)
                if not _DEGREE_ONLY.match(surface):  # ", S.I.K., M.H.": the name's degrees
                    last = self.known_name(surface)
                j = end
                after_comma = False
                continue
            owner = self.owner_of(low)
            if owner is not None and ts.is_boundary(j + 1):
                last = owner
            j += 1
            after_comma = False
        return last

    @cached_property
    def initials(self) -> dict[str, str]:
        """Acronyms that stand for exactly one person: initials (``AHY`` for Agus Harimurti
        Yudhoyono, also of the name's last words) or an office given with its acronym (``JPU``
        for the person whose role is ``Jaksa Penuntut Umum (JPU)``)."""
        return self._acronyms(roles=True)

    @cached_property
    def name_initials(self) -> dict[str, str]:
        """The persons' own initials only, each standing for exactly one person: no office's or
        organisation's acronym found in a role (``PSHK`` for a researcher of the centre)."""
        return self._acronyms(roles=False)

    def _acronyms(self, roles: bool) -> dict[str, str]:
        found: dict[str, set[str]] = {}
        for a in self.actors:
            if a.type != "person" or not _person_like(a.name):
                continue
            name = _speaker_name(a.name)
            if roles:
                for acr in _ROLE_ACRONYM.findall(a.role or ""):
                    found.setdefault(acr, set()).add(name)
            toks = phrase_key(name, lower=False)
            for cut in range(len(toks) - 1):
                found.setdefault("".join(t[0] for t in toks[cut:]).upper(), set()).add(name)
        return {acr: next(iter(ns)) for acr, ns in found.items() if len(ns) == 1}

    def owner_of(self, low: str) -> str | None:
        """The one person whose name holds the word ``low`` (``saan`` -> ``Saan Mustopa``)."""
        names = {n for n, toks in self.person_tokens.items() if low in toks and len(low) > 2}
        return names.pop() if len(names) == 1 else None

    def known_name(self, surface: str) -> str:
        """A name as written, or the person of the article it shortens, extends or spells
        differently (``Afandi`` for ``Ahmad Affandi``)."""
        toks = {spelling_key(t) for t in phrase_key(surface)}
        names = {
            n
            for n, pt in self.person_tokens.items()
            if toks and (toks <= (keys := {spelling_key(t) for t in pt}) or keys <= toks)
        }
        return names.pop() if len(names) == 1 else surface

    def before_quote(self, pos: int) -> tuple[str | None, str | None, bool]:
        ts = self.ts
        q = ts.index_at(pos)
        k = q - 1
        if k >= 0 and ts.words[k] in ",:":
            k -= 1
        if k < 0 or ts.starts[q] - ts.ends[k] > 3:
            return None, None, False
        low = ts.lows[k]
        if low in self.lex.verbs_before or low in self.lex.verbs_after:
            m = self.mention_before(k)
            if m is not None:
                return m.name, low, True
            return None, None, False
        m = self.mention_before(k + 1, window=0)
        if m is not None and q - 1 >= 0 and ts.words[q - 1] == ":":
            return m.name, None, True
        return None, None, False

    # --- indirect --------------------------------------------------------------------------------
    def clause(self, k: int) -> tuple[int, int] | None:
        """Char span from token ``k`` to the end of its sentence (final period left out)."""
        ts = self.ts
        if k >= ts.n:
            return None
        j = k
        scare = self.scare_marks
        while j + 1 < ts.n and (
            (not ts.sent[j + 1] and ts.words[j + 1] not in '“"')
            or ts.starts[j + 1] in scare
            or ts.starts[j] in scare  # (a scare quote goes on the sentence)
        ):
            j += 1
        end_tok = j
        if ts.words[end_tok] in ".!?" and end_tok > k:
            end_tok -= 1
        s, e = ts.starts[k], ts.ends[end_tok]
        if len(ts.text[s:e].split()) < 3:
            return None
        return s, e

    def indirect(self, openers: list[int]) -> list[Quote]:
        """Reported speech, from the tokens that can open it (:func:`_indirect_openers`).

        The source is a person or an organisation (``Menurut BPS, ...``, ``KPU menyatakan
        ...``), possibly with an apposition before the verb (``Budi, Kepala Dinas X,
        menjelaskan ...``). Clauses whose subject is a pronoun (``Ia menegaskan ...``) are kept
        in :attr:`pending` and attributed after the quotations (:meth:`pronoun_indirect`).
        """
        ts, lex = self.ts, self.lex
        out: list[Quote] = []
        for k in openers:
            low = ts.lows[k]
            if low in MENURUT and not self.inside_quote(ts.starts[k]):
                named = -1  # where the source's name ends, when it is named right after
                pronoun = low == "menurutnya" or (k + 1 < ts.n and ts.lows[k + 1] in _PRONOUNS)
                if pronoun:
                    if self.reported_at(ts.starts[k]):
                        continue  # "Budi mengatakan ... menurutnya ...": already reported
                    # "menurutnya, ...", "Menurut dia, ...": the person in focus
                    speaker, body = self.focus(ts.starts[k]), k + 1 + (low == "menurut")
                else:
                    m = self.mention_from(k + 1, window=8)
                    if m is None:
                        m = self.named_in_apposition(k + 1)
                    if m is not None:
                        speaker, body = m.name, m.tok_end
                        named = m.tok_end if m.start == ts.starts[k + 1] else -1
                    else:
                        org = self.org_at.get(ts.starts[k + 1]) if k + 1 < ts.n else None
                        if org is None:
                            continue
                        speaker, body = org, ts.index_at(self.org_stop[ts.starts[k + 1]])
                        named = body
                start = body
                while (
                    body < ts.n
                    and ts.words[body] != ","
                    and body - k < 14
                    and (body == start or not ts.sent[body])
                    and ts.words[body] not in ".!?"  # ".,Lebih lanjut": a paragraph joined
                ):
                    body += 1
                if body < ts.n and ts.words[body] == "," and not (pronoun and body > start):
                    span = self.clause(body + 1)
                elif (named == start or pronoun) and start < ts.n and ts.lows[start][:1].isalpha():
                    # "Menurut Prabowo keberadaan tanggul ...", "Menurutnya Benny tidak ...": no
                    # comma after the source, whose clause starts right there (a comma further
                    # on is inside that clause)
                    span = self.clause(start)
                else:
                    span = None
                if span is not None and speaker:
                    if pronoun:
                        self.pending_menurut.append((k, span))  # named after the quotations
                    else:
                        out.append(Quote(speaker, ts.text[span[0] : span[1]], low, False, *span))
                    self.events.append((ts.starts[k], speaker))
                    self.reported.append(span)
                    self.reported_by.append((*span, speaker))
            elif (
                low in lex.reporting_verbs
                and not self.inside_quote(ts.starts[k])
                and not self.reported_at(ts.starts[k])  # "Budi mengatakan KPK membantah ..."
            ):
                nxt = k + 1
                if (
                    nxt < ts.n
                    and ts.words[nxt] in ",:"
                    and nxt + 1 < ts.n
                    and ts.words[nxt + 1] in '“"'
                ):
                    continue  # direct: handled with the quotation
                if self.negated(k):
                    continue  # "KPK belum menjelaskan ...": nothing was said
                m = self.mention_before(k)
                speaker = m.name if m is not None else None
                if speaker is None and k > 0 and ts.words[k - 1] == ",":
                    speaker = self.name_in_apposition(k - 1)
                # the subject a relative clause describes, before a name inside that clause
                # ("Kevin Thompson, yang merupakan Co-Owner ASI Asia Pacific mengatakan")
                speaker = self.relative_subject(k) or speaker
                if speaker is None:
                    speaker = self.initials_before(k)
                org = self.org_before(k) if speaker is None else None
                if speaker is None and org is None:
                    if self.pronoun_before(k):
                        self.pending.append(k)
                    continue
                if low in _ANSWERING and nxt < ts.n and ts.lows[nxt] not in (",", "bahwa"):
                    continue  # "kata Budi menjawab pertanyaan guru": the occasion, not speech
                given = nxt
                if nxt < ts.n and ts.words[nxt] == ",":
                    nxt += 1  # "Budi menjelaskan, ..."
                nxt = self.past_complementizer(k, nxt)
                if nxt < ts.n and ts.lows[nxt] in _ADDRESSED and self.addressee_only(k, nxt):
                    continue  # "berpesan kepada istri pejabat itu.": no words reported
                if self.this_said(nxt) or self.act_named(k, nxt):
                    continue
                span = self.clause(nxt)
                if span is None or any(a <= span[0] < b for a, b in self.quote_spans):
                    continue
                if (
                    nxt == given
                    and self.object_only(nxt, span)
                    and (low in _OBJECT_VERBS or self.stance_named(k, nxt))
                ):
                    continue  # "PDIP mengumumkan bakal calon ...": what, not words
                source = speaker or org
                out.append(Quote(source, ts.text[span[0] : span[1]], low, False, *span))
                if speaker is not None:
                    self.events.append((ts.starts[k], speaker))
                elif org is not None:  # an organisation: in focus only for "mereka"
                    self.group_events.append((ts.starts[k], org))
                self.reported.append(span)
                if source:
                    self.reported_by.append((*span, source))
        return out

    def interposed(self, verbs: list[int]) -> list[Quote]:
        """Reported speech around an attribution set between commas inside a sentence: ``Meski
        murah, kata Bima, LCS sudah mampu ...``, ``Selain itu, lanjutnya, guru ...``, ``Tahun
        2012, kata Syarif, ...``. What follows the attribution is what the speaker said; the
        words before it are the sentence's opening (an adverbial, a first point).

        The attribution is a speech verb after a comma with its speaker (a person named as
        after a quotation, a pronoun, or the ``-nya`` form for the person in focus) and a
        comma after it; an apposition may follow the name (``kata Budi, Kepala Dinas X,``).
        """
        ts = self.ts
        out: list[Quote] = []
        for k in verbs:
            low, pos, j = ts.lows[k], ts.starts[k], k + 1
            if j >= ts.n or self.inside_quote(pos) or self.reported_at(pos):
                continue  # (reported_at: inside speech already reported)
            if low.endswith("nya") and low[:-3] in self.lex.verbs_passive:
                # "Dikatakannya, ...", "Dijelaskannya, ..." opening a sentence: the person in
                # focus said what follows
                if not ts.sent[k] or ts.words[j] != ",":
                    continue
                speaker = self.focus(pos)
            elif (
                k < 2
                or ts.words[k - 1] != ","
                or ts.sent[k]
                or ts.words[k - 2] in '”"'  # '"...", kata Budi, ...': a quotation's attribution
            ):
                continue
            elif low.endswith("nya") and low not in self.lex.verbs_after:
                speaker = self.focus(pos)  # "..., katanya, ...": the person in focus
            elif ts.lows[j] in _PRONOUNS:
                speaker, j = self.focus(pos), j + 1
            else:
                m = self.mention_from(j, window=6)
                if m is None:
                    continue
                speaker, j = m.name, self.past_apposition(m.tok_end)
                if j > m.tok_end:
                    j -= 1  # the apposition's closing comma
            if speaker is None or j >= ts.n or ts.words[j] != ",":
                continue
            span = self.clause(j + 1)
            if (
                span is None
                or ts.text[span[0]] in '“"'
                or any(a <= span[0] < b for a, b in self.quote_spans)
            ):
                continue
            out.append(Quote(speaker, ts.text[span[0] : span[1]], low, False, *span))
            self.events.append((pos, speaker))
            self.reported.append(span)
            self.reported_by.append((*span, speaker))
        return out

    def named_in_apposition(self, tok: int) -> _Mention | None:
        """A person named between commas after an office or a description that opens at token
        ``tok``: ``Menurut Vice President Corporate Communication Pertamina, Fajriyah Usman,
        ...``, ``Menurut ahli gizi di New York City, Robin DeCicco, ...``."""
        ts = self.ts
        c = tok
        while c < ts.n and c - tok < 14 and ts.words[c] != "," and not ts.sent[c]:
            if ts.words[c] in '.!?;:"“”':
                return None
            c += 1
        if c == tok or c + 1 >= ts.n or ts.words[c] != ",":
            return None
        m = self.mention_at_token(c + 1)
        if m is None and ts.caps[c + 1] and ts.name_ok[c + 1]:
            # a name the actor rules did not take (no office or cue beside it): two words or
            # more, no place, closed by a comma
            end = read_name(ts, c + 1)
            if (
                end - c > 2
                and ts.starts[c + 1] not in self.place_starts
                and not ts.weak_name(c + 1, end)
            ):
                name = self.known_name(ts.surface(c + 1, end))
                m = _Mention(ts.starts[c + 1], ts.ends[end - 1], c + 1, end, name)
        if m is None or m.tok_end + 1 >= ts.n or ts.words[m.tok_end] != ",":
            return None
        if ts.lows[m.tok_end + 1] in _APPOSITION_GLUE or ts.lows[m.tok_end + 1] == "yang":
            return None  # "..., Michael Habib, dan peneliti di ...": the apposition goes on
        return m

    def pronoun_indirect(self) -> list[Quote]:
        """``Ia menegaskan bahwa ...``, ``Menurutnya ...``: reported speech of the person in
        focus, who may be the speaker of a quotation just before."""
        ts = self.ts
        out: list[Quote] = []
        for k, (a, b) in self.pending_menurut:
            speaker = self.focus(ts.starts[k])
            if speaker is not None:
                out.append(Quote(speaker, ts.text[a:b], ts.lows[k], False, a, b))
        for k in self.pending:
            nxt = k + 1
            if nxt < ts.n and ts.words[nxt] == ",":
                nxt += 1
            nxt = self.past_complementizer(k, nxt)
            if nxt < ts.n and ts.lows[nxt] in _ADDRESSED and self.addressee_only(k, nxt):
                continue  # as for a named speaker
            if self.this_said(nxt) or self.act_named(k, nxt):
                continue
            span = self.clause(nxt)
            if span is None or any(a <= span[0] < b for a, b in self.quote_spans):
                continue
            pos = ts.starts[k]
            # names inside the subject's description are not the person it describes ("Dosen
            # ... Universitas Islam Negeri Syarif Hidayatullah Jakarta itu berpendapat"); an
            # office that opens the sentence may itself be a mention of that person
            j = k
            while j > 0 and k - j < 16 and not ts.sent[j] and ts.words[j - 1][:1].isalnum():
                j -= 1
            inside = frozenset(m.name for m in self.mentions if ts.starts[j] < m.start < pos)
            speaker = self.focus(pos, inside)
            if speaker is not None and not (
                speaker in self.person_tokens or speaker in self.named_persons
            ):
                speaker = self.person_before(pos, frozenset())
            if speaker is None:
                continue
            out.append(Quote(speaker, ts.text[span[0] : span[1]], ts.lows[k], False, *span))
        return out

    def negated(self, k: int) -> bool:
        """A negator stands among the words before the verb at token ``k`` (``belum
        menjelaskan``, ``tidak juga menyebutkan``)."""
        ts = self.ts
        j = k - 1
        while j >= 0 and j >= k - 3 and ts.lows[j] in self.adverbs:
            if ts.lows[j] in _NEGATORS:
                # "tidak hanya menegaskan" (not only stressed): said, and more
                return ts.lows[j + 1] not in _NOT_ONLY
            j -= 1
        return False

    def pronoun_before(self, k: int) -> bool:
        """A pronoun stands as the subject before the verb at token ``k`` (``Ia juga
        menegaskan``)."""
        ts = self.ts
        j = k - 1
        while j >= 0 and ts.lows[j] in self.adverbs:
            if ts.lows[j] in _DEMONSTRATIVES and self.office_described(j):
                return True  # "Pj Sekda Bone itu mengatakan": a person described, in focus
            j -= 1
        if j >= 0 and ts.lows[j] in _DEMONSTRATIVES and j + 1 < k:
            return True  # "Ketua Partai X itu menegaskan": a person described, in focus
        return (
            j >= 0
            and ts.lows[j] in _PRONOUNS
            and (
                ts.sent[j]
                or ts.words[j - 1] == ","
                # "Namun ia menegaskan, ...": a sentence opened by a conjunction
                or (ts.sent[j - 1] and ts.lows[j - 1] in _CLAUSE_OPENERS)
            )
        )

    def addressee_only(self, k: int, j: int) -> bool:
        """Whether the verb at ``k`` names, from token ``j`` (``kepada``), only the person
        spoken to, and no words: the sentence ends within a few words with no ``agar``,
        ``supaya``, ``untuk`` or ``bahwa`` (``ujar Agus berpesan kepada istri kedua pejabat
        baru itu.``; ``menginformasikan kepada seluruh penumpang``). After a verb of asking the
        act asked for follows the addressee unmarked (``meminta kepada semua pihak menjunjung
        tinggi ...``), and a comma or a long addressee leaves it open: those are read as
        before, the addressee with what was said."""
        ts = self.ts
        if ts.lows[k] in _ASKING:
            return False
        for i in range(j + 1, min(ts.n, j + _ADDRESSEE_WORDS + 1)):
            if ts.lows[i] in _SAID_AFTER_ADDRESSEE or ts.words[i] == ",":
                return False
            if ts.sent[i] or ts.words[i] in ".!?;:":
                return True
        return False

    def past_complementizer(self, k: int, j: int) -> int:
        """Past ``bahwa`` at token ``j``, or ``jika``/``kalau`` used as it right after the verb at
        ``k`` (``mengatakan jika pihaknya ...``); a comma between makes ``jika`` a condition."""
        ts = self.ts
        if j < ts.n and (ts.lows[j] == "bahwa" or (j == k + 1 and ts.lows[j] in ("jika", "kalau"))):
            return j + 1
        return j

    def this_said(self, j: int) -> bool:
        """The verb's object at token ``j`` is "this" and no content follows (``mengatakan hal
        tersebut, Rabu (18/9)``, ``menyampaikan hal itu saat ...``)."""
        ts = self.ts
        return (
            j + 1 < ts.n
            and ts.lows[j] == "hal"
            and ts.lows[j + 1] in _DEMONSTRATIVES
            and (
                j + 2 >= ts.n or not ts.words[j + 2][:1].isalnum() or ts.lows[j + 2] in _PHRASE_STOP
            )
        )

    def object_only(self, j: int, span: tuple[int, int]) -> bool:
        """The words from token ``j`` to the end of ``span`` are a thing named, not a clause:
        no subject pronoun, no auxiliary and no verb stands in them (``mengumumkan bakal calon
        kepala daerah tahap kedua``, ``menyampaikan dukungan kepada Ridwan Kamil``), as after
        a verb that takes a thing as well as words (:data:`_OBJECT_VERBS`)."""
        ts = self.ts
        for i in range(j, ts.n):
            if ts.starts[i] >= span[1]:
                break
            low = ts.lows[i]
            if low in _CLAUSE_WORDS or (
                len(low) > 5 and low.startswith(_VERB_PREFIXES) and low not in _NOT_VERBS
            ):
                return False
        return True

    def stance_named(self, k: int, j: int) -> bool:
        """The verb at ``k`` conveys its subject's stance named at ``j`` (``menyatakan
        dukungannya``, ``menyampaikan pandangannya``: :data:`_STANCE_NOUNS` with ``-nya``)."""
        low = self.ts.lows[j]
        return (
            self.ts.lows[k] in _ACT_VERBS | _OBJECT_VERBS
            and low.endswith("nya")
            and low[:-3] in _STANCE_NOUNS
        )

    def act_named(self, k: int, j: int) -> bool:
        """The verb at ``k`` names a speech act instead of reporting what was said: ``menyampaikan
        belasungkawa atas ...``, ``mengungkapkan rasa simpati ...``, ``menyampaikan terima kasih
        kepada ...``; a topic named right after it (``menjelaskan soal video ...``); or a thing
        asked for or handed over (``meminta uang Rp 1 miliar``, ``menyampaikan berkas
        pengajuan``)."""
        ts = self.ts
        if j >= ts.n:
            return False
        low = ts.lows[j]
        if ts.lows[k] in _ACT_VERBS and low in _ACT_NOUNS:
            return True
        if low in _TOPIC_OPENERS and j == k + 1:
            # "menjelaskan soal video ...": the topic, not the words (after a comma, "terkait
            # hal itu" opens the words: "menjelaskan, terkait hal itu pihaknya akan ...")
            return True
        # a thing asked for or handed over: no words reported ("diduga meminta uang sebesar ...")
        # (in small letters: "meminta Komisi III DPR ..." asks a committee)
        return low in _DEED_OBJECTS.get(ts.lows[k], ()) and (
            low == "rp" or not ts.words[j][:1].isupper()
        )

    def initials_before(self, k: int) -> str | None:
        """The person whose initials open the clause before the verb at token ``k`` (``Atas dasar
        itu, JK mengatakan ...`` in an article that names Jusuf Kalla), adverbs between."""
        ts = self.ts
        j = k - 1
        while j >= 0 and ts.lows[j] in self.adverbs:
            j -= 1
        if j < 0 or not (ts.upper[j] and 2 <= len(ts.words[j]) <= 4):
            return None
        if not (ts.sent[j] or ts.words[j - 1] == "," or ts.lows[j - 1] in _CLAUSE_OPENERS):
            return None
        # the person's own initials, not an office's or an organisation's acronym in a role
        # ("PSHK meminta": the centre speaks, not its researcher)
        return self.name_initials.get(ts.words[j])

    def relative_subject(self, k: int) -> str | None:
        """The person a relative clause describes before the verb at token ``k``: ``Gamal Imam
        Santoso yang juga menjadi narasumber dalam sesi tersebut menekankan bahwa ...``,
        ``Wayne Eyre, MSC, yang mengungkapkan bahwa ...``. The clause holds no comma and no
        other speech verb."""
        ts = self.ts
        if ts.lows[k] in _NOT_SPEECH_AFTER_YANG:
            return None
        j = k - 1
        while j > 0 and k - j <= 12 and not ts.sent[j]:
            low = ts.lows[j]
            if low == "yang":
                # the name right before "yang", or before commas and degrees in capitals
                # ("Wayne Eyre, MSC, CD, yang")
                t = j
                while t > 0 and j - t < 7:
                    m = self.mention_before(t, window=0)
                    if m is not None:
                        return m.name if self.opens_clause(m.tok) else None
                    w = ts.words[t - 1]
                    if not (w == "," or (w.isupper() and len(w) <= 5)):
                        return None
                    t -= 1
                return None
            if not ts.words[j][:1].isalnum() or low in self.lex.speech_verbs:
                return None
            j -= 1
        return None

    def opens_clause(self, tok: int) -> bool:
        """The person mention at token ``tok``, with the capitalised office before it, opens the
        sentence or follows a comma: a subject, not an object or a possessor (``mengkritik
        ucapan Bebby yang ...``, ``sekretaris pribadi BJ Habibie yang ...``)."""
        ts = self.ts
        c = tok
        while c > 0 and tok - c < 8 and not ts.sent[c] and ts.caps[c - 1]:
            c -= 1
        if c < tok and not self.lex.is_role_word(ts.lows[c]):
            return False  # "Sahabat Salmafina yang ...": the friend, not Salmafina
        return ts.sent[c] or ts.words[c - 1] == ","

    def office_described(self, dem: int) -> bool:
        """The words of the sentence before the demonstrative at token ``dem`` are an office,
        capitalised from the sentence's start (``Pj Sekda Bone itu``, ``Wakil Ketua Komisi II
        DPR RI ini``): a person described, not an outfit (``Klub Spanyol itu``)."""
        ts = self.ts
        j = dem - 1
        while j > 0 and dem - j < 10 and not ts.sent[j]:
            if not ts.caps[j]:
                return False
            j -= 1
        return j < dem - 1 and ts.sent[j] and self.lex.is_role_word(ts.lows[j])

    def name_in_apposition(self, comma: int) -> str | None:
        """The person of an apposition that ends with the comma at token ``comma``:
        ``Budi, Kepala Dinas X, menjelaskan`` (the name before it) or ``Kepala Dinas X, Budi
        Santoso, menjelaskan`` (the apposition is the name). An office after ``selaku`` may
        close with the comma too (``Budi selaku Kepala Dinas X, menjelaskan``): its holder."""
        ts = self.ts
        holder = self.holder_before(comma - 1)
        if holder is not None:
            return holder.name
        j = comma - 1
        while j > 0 and comma - j < 24 and not ts.sent[j]:
            if ts.words[j] == ",":
                if (
                    ts.caps[j + 1]
                    and ts.name_ok[j + 1]
                    and ts.starts[j + 1] not in self.place_starts
                ):
                    end = read_name(ts, j + 1)
                    if end == comma and end - j > 2 and not ts.weak_name(j + 1, end):
                        return self.known_name(ts.surface(j + 1, end))
                m = self.mention_before(j, window=0)
                if (
                    m is not None
                    and (
                        self.past_apposition(m.tok_end) == comma + 1
                        # "Herfi Hervian, guru di sekolah korban, mengatakan": a short description
                        or (comma - j <= 12 and ts.words[j + 1][:1].islower())
                    )
                ):
                    return m.name
                # "Rektor Undip, Suharnomo, mengatakan", "Kapolres X, AKBP Budi, menjelaskan":
                # the apposition ends with a person's mention
                m = self.mention_before(comma, window=0)
                if m is not None and m.start > ts.starts[j]:
                    return m.name
            j -= 1
        return None

    def org_before(self, k: int) -> str | None:
        """An organisation named right before token ``k`` (adverbs may stand between)."""
        ts = self.ts
        j = k - 1
        while j >= 0 and ts.lows[j] in self.adverbs:
            if ts.lows[j] in _DEMONSTRATIVES:
                return None  # "Guru Besar UIN X itu menegaskan": a person described
            j -= 1
        if j < 0:
            return None
        found = self.org_end.get(ts.ends[j])
        if found is None and ts.words[j] == ")" and j >= 3 and ts.words[j - 2] == "(":
            # "Komisi Pemilihan Umum (KPU) menyatakan": the name before its acronym
            found = self.org_end.get(ts.ends[j - 3])
        if found is None:
            return None
        t = ts.index_at(found[0]) - 1  # the word before the organisation's name
        if t >= 0 and not ts.sent[t + 1] and ts.lows[t] in _GOVERNING:
            return None  # "kakak dari siswa SDN X mengatakan": the organisation is an object
        if t >= 0 and not ts.sent[t + 1] and ts.caps[t] and self.lex.is_role_word(ts.lows[t]):
            # "Anggota Komisi IX DPR RI menyinggung": someone holding an office in it speaks,
            # the one person of the article who holds it, else the office as written
            while (
                t > 0
                and not ts.sent[t]
                and ts.caps[t - 1]
                and self.lex.is_role_word(ts.lows[t - 1])
            ):
                t -= 1
            words = [w for w in ts.lows[t : j + 1] if w[:1].isalnum()]
            owner = self.role_owner(words)
            return owner if owner is not None else ts.surface(t, j + 1)
        return found[1]


def _affixed_verb(word: str) -> bool:
    """A word with a verb's ``me-`` or ``di-`` prefix (``berkata``, ``ditanya``), not a noun
    that merely starts so (``media``, ``menteri``, ``dinas``)."""
    return word.startswith(("me", "di")) and stem(word) != word


@lru_cache(maxsize=4)
def _passive_words(verbs_passive: frozenset[str]) -> frozenset[str]:
    """Passive speech verbs as written in text (lower case, or capitalised opening a sentence)."""
    return frozenset(w for v in verbs_passive | _PASSIVE_EXTRA for w in (v, v.capitalize()))


@lru_cache(maxsize=4)
def _adverbs(adverbs: frozenset[str]) -> frozenset[str]:
    """Words that may stand between a subject and its verb."""
    return adverbs | _SUBJECT_ADVERBS


@lru_cache(maxsize=4)
def _indirect_openers(reporting_verbs: frozenset[str]) -> frozenset[str]:
    """Words that can open reported speech: ``menurut(nya)`` and the reporting verbs."""
    return MENURUT | reporting_verbs


def extract_quotes(text: str, actors: list[Actor] | None = None) -> list[Quote]:
    """Direct and indirect quotes in one article, attributed to persons.

    Parameters
    ----------
    text : str
        Article body (the same text the actors were extracted from).
    actors : list of Actor, optional
        Output of :func:`~media_analytics.actors.extract_actors` for ``text``; computed when not
        given.

    Returns
    -------
    list of Quote
        In text order. ``text[q.start:q.end] == q.text``.

    Examples
    --------
    >>> t = '“Kami siap menjaga keamanan,” ujar Kapolres Dumai AKBP Budi Santoso.'
    >>> [(q.speaker, q.text, q.verb) for q in extract_quotes(t)]
    [('Budi Santoso', 'Kami siap menjaga keamanan', 'ujar')]
    """
    if actors is None:
        actors = analyse(text).actors
    ts = token_stream(text)  # the stream extract_actors made for this text, if it was the last
    openers = ts.cues_in(_indirect_openers(ts.lex.reporting_verbs))
    between = ts.cues_in(ts.lex.interposed_verbs)
    if not openers and not between and "“" not in text and '"' not in text and "”" not in text:
        return []  # no quotation mark, no "menurut", no speech verb: nothing to attribute
    attributor = _Attributor(ts, actors)
    attributor.collect()
    quotes = attributor.indirect(openers)
    quotes.extend(attributor.interposed(between))
    quotes.extend(attributor.direct())
    quotes.extend(attributor.pronoun_indirect())
    quotes.sort(key=lambda q: q.start)
    if any(q.speaker and _DEGREE_ONLY.match(q.speaker) for q in quotes):
        quotes = [attributor.degree_to_person(q) for q in quotes]
    return _repeated_quotations(quotes)


_NOT_WORD = re.compile(r"\W+")


def _repeated_quotations(quotes: list[Quote]) -> list[Quote]:
    """A quotation an article gives twice (a summary above, the story below) is one person's:
    a copy attributed by a pronoun (``katanya``) or carried from the quotation before takes the
    speaker of the copy attributed by name (``kata Agus``), or of the first copy with one."""
    copies: dict[str, list[int]] = {}
    for i, q in enumerate(quotes):
        if q.direct:
            key = _NOT_WORD.sub(" ", q.text.lower()).strip()
            if key.count(" ") >= 5:  # six words or more: no slogan or stock phrase
                copies.setdefault(key, []).append(i)
    for places in copies.values():
        if len(places) < 2:
            continue
        said = [i for i in places if quotes[i].speaker]
        if not said:
            continue
        named = [i for i in said if _by_name(quotes[i])]
        speaker = quotes[(named or said)[0]].speaker
        for i in places:
            # a copy attributed by name keeps what its own attribution says
            if quotes[i].speaker != speaker and not _by_name(quotes[i]):
                quotes[i] = dataclasses.replace(quotes[i], speaker=speaker)
    return quotes


def _by_name(quote: Quote) -> bool:
    """Attributed by a verb with its speaker named (``kata Agus``), not by a pronoun
    (``katanya``) or carried from the quotation before (no verb)."""
    return quote.verb is not None and not quote.verb.endswith("nya")


def is_description(speaker: str) -> bool:
    """Whether a speaker :func:`extract_quotes` gives is a description in lower case, not a
    name: nobody was named (``netizen``, ``netizen lain``, ``salah satu penggemar``, ``warga
    setempat``), so across articles it stands for someone else each time. An account
    (``ghaina.muslimah``, ``@budi``) or a name its owner writes in lower case (``iNews``) is no
    description; neither is one lower-case word that is neither an everyday word nor a crowd
    (an account given without ``@``).

    >>> [is_description(s) for s in ["netizen", "salah satu penggemar", "Budi Santoso"]]
    [True, True, False]
    >>> [is_description(s) for s in ["iNews", "ghaina.muslimah", "@budi", "kamilahmad"]]
    [False, False, False, False]
    """
    words = speaker.split()
    first = words[0] if words else ""
    if not first.islower() or not first.replace("-", "").isalpha():
        return False
    return len(words) > 1 or first in get_lexicon().common or is_ordinary_word(first)


_PLATFORMS = frozenset({"twitter", "instagram", "facebook", "tiktok", "youtube", "akun"})


def speakers_as_actors(text: str, actors: list[Actor], quotes: list[Quote]) -> list[Actor]:
    """``actors`` plus each person a quote names as its speaker but the actor rules missed.

    A speaker read from the attribution itself (``Petugas Kemenag X, Ismail Marzuki,
    membenarkan ...``) is a person of the article even when no title or office pointed at the
    name; without this, share of voice and tone toward actors would leave them out. Only
    capitalised names of up to four words that the text contains are added (not an office,
    an acronym, an account or a lower-case description).

    >>> t = "Petugas Kemenag Kalteng, Ismail Marzuki, membenarkan bahwa jemaah sudah tiba."
    >>> [a.name for a in speakers_as_actors(t, [], extract_quotes(t, []))]
    ['Ismail Marzuki']
    """
    known = {a.name for a in actors}
    for a in actors:
        known.update(a.aliases)
    lex = get_lexicon()
    added: dict[str, Actor] = {}
    for q in quotes:
        name = q.speaker
        if not name or name in known or name in added:
            continue
        words = name.split()
        if not 1 <= len(words) <= 4 or lex.is_role_word(words[0].lower()):
            continue
        if not all(
            w[:1].isupper() and not w.isupper() and w.replace("'", "").replace("-", "").isalpha()
            for w in words
        ):
            continue
        if (
            (len(words) == 1 and is_ordinary_word(name.lower()))
            or words[0].lower() in _PLATFORMS
            or lookup_region(name) is not None
            or lookup_region(name, "district") is not None
        ):
            continue  # "Tablet", "Twitter Budi", "Kebayoran Baru"
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
        mentions = [(m.start(), m.end()) for m in pattern.finditer(text)]
        if mentions:
            added[name] = Actor(name, "person", mentions=mentions)
    return [*actors, *added.values()] if added else actors
