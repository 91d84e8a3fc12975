"""People: names with ranks (``IPTU``), honorifics (``Dr.``, ``S.H.``) and roles (``Kapolsek X``).

A person is found where a name follows a cue that only people carry:

- a role phrase: ``Kapolres Dumai AKBP Dhovan Oktavianton``, ``Menteri Keuangan Purbaya``,
  ``Kapolsek Bukit Kapur, IPTU Anra Nosa`` (role, comma, name);
- a rank or an honorific prefix: ``IPTU Anra Nosa``, ``Prof. Budi``;
- speech: ``ujar Prabowo``, ``Menurut Luky, ...``, ``Budi mengatakan``, ``Hal itu disampaikan Ani``;
- an age or a form of address: ``Budi (45)``, ``Pak Slamet``;
- a description (``person_cues.txt``): ``tersangka Budi``, ``pasangan Ahmad Luthfi``.

A name joined by ``dan`` to a person named just before is a person too, and a pair written with a
hyphen (``Ahmad Luthfi-Taj Yasin``) is two (``extract.ArticleActors``).

A capitalised phrase with none of these cues is not taken as a person (names in news are almost
always introduced with one), which keeps event names and slogans out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import initials_of, is_derived_word, is_ordinary_word
from .orgs import DEGREE_WORDS, STATEMENT_OPENERS, OrgMatch, match_org, speech_follows
from .places import PlaceMatch, match_place
from .regions import Gazetteer
from .tokens import NAME_ABBREV, TokenStream, token_stream

__all__ = [
    "PersonMatch",
    "RoleMatch",
    "bare_name",
    "cue_person",
    "match_person",
    "match_role",
    "read_name",
]

# A degree after a name's comma: dotted parts with no space between them ("S.H.", "M.Si",
# "S.Kom.", "Ph.D."), or one word read only if it is a degree the project knows (_DEGREE_WORDS,
# honorifics.txt [suffix]: "SH.", "MBA", "Lc.") or an acronym after one (_is_degree). One
# capitalised word and a full stop is no degree: at a sentence's end it is a place or an ordinary
# word ("..., Kuta.", "..., Medan. Dia").
_DEGREE = re.compile(
    r"\s*,\s*((?:[A-Z][A-Za-z]{0,4}\.){1,3}[A-Z][A-Za-z]{0,4}\.?|[A-Z][A-Za-z]{1,4}\.?)"
    r"(?=\s*(?:[,.;:)\n]|$|\s[a-z(\"“”]))"
)
# A degree written straight after a name, with no comma ("Firli Bahuri M.Si", "Laoly S.H., M.Sc."):
# dotted parts glued together and then a boundary. Initials inside a name are followed by the
# rest of the name ("Muhammad A.S. Hikam"), so they never match; parts all of one letter must
# also be a degree the project knows (_glued_degree).
_BARE_DEGREE = re.compile(
    r"((?:[A-Z][A-Za-z]{0,3}\.){1,3}[A-Z][A-Za-z]{0,3}\.?)(?=\s*(?:[,;:)\n]|\.(?:\s|$)|$|\s[a-z(\"“”]))"
)
# degrees written as one word that are also initials, so not in honorifics.txt (whose words
# are never part of a name): "tersangka SH" is a person
_DEGREE_WORDS = DEGREE_WORDS  # (shared: a degree also ends an organisation before its holder)
_NAME_MAX = 5
_ROMAN = re.compile(r"[IVX]{1,4}")  # a unit number ("Komisi III")
_YEAR = re.compile(r"(?:19|20)\d\d")  # after a name: an edition ("MotoGP 2019"), no person
# before a name: where something is ("di Jabodetabek menyatakan"), no person ("ke" is left
# out: it also leads to people, "menagih ke Nopriansyah")
_PLACE_PREPOSITIONS = frozenset({"di"})
# words that end an office described in lower case: a place, a time or a clause follows
_OFFICE_ENDS = frozenset({"di", "pada", "dalam", "saat", "ketika", "usai", "yang", "bahwa"})
# academic titles written out, which may be followed by a field instead of a name
_ACADEMIC = frozenset({"Profesor", "Doktor", "Insinyur", "Emeritus", "Ingenieur"})
# everyday words (a day, months) that are also given names ("AKBP Hari Brata", "Juni Ardianto")
_GIVEN_NAME_WORDS = frozenset({"hari", "juni", "april", "mei"})
# the offices that serve another office, named after them ("Asisten Pribadi Menpora")
_AIDE_HEADS = frozenset(
    {
        *("asisten pribadi", "sekretaris pribadi", "ajudan", "staf khusus", "stafsus"),
        *("staf ahli", "tenaga ahli", "juru bicara", "jubir"),
    }
)
# the last word of a document's kind before the office that issues it ("Peraturan Menteri")
_DOCUMENT_WORDS = frozenset({"peraturan", "keputusan", "instruksi", "edaran", "surat", "maklumat"})
# Person cues that name an outfit before the person in apposition ("pelatih Barcelona, Ernesto
# Valverde,"); kinship and legal cues are left out ("istri Raffi Ahmad, Nagita": two people).
OUTFIT_CUES = frozenset(
    {
        *("pelatih", "pemain", "atlet", "striker", "kiper", "gelandang", "bek", "penyerang"),
        *("pembalap", "petinju", "pebulu", "ekonom", "pengamat", "peneliti", "politikus"),
        *("politisi", "aktivis", "pendiri", "pemilik", "bos"),
    }
)


@dataclass
class RoleMatch:
    """A role phrase at tokens ``start .. end-1`` (``Kapolsek Bukit Kapur``).

    ``orgs`` and ``places`` are the organisations and places named inside the phrase (``KPU
    Dumai`` in ``Ketua KPU Dumai``); they are actors of the article too.
    """

    start: int
    end: int
    text: str
    head: str
    orgs: list[OrgMatch] = field(default_factory=list)
    places: list[PlaceMatch] = field(default_factory=list)


@dataclass
class PersonMatch:
    """A person phrase at tokens ``start .. end-1`` (role, rank and honorifics included).

    ``name_start .. name_end`` are the name's tokens; ``role_match`` is the role phrase bound to
    the person in this phrase, if any.
    """

    start: int
    end: int
    name_start: int
    name_end: int
    name: str
    title: str | None = None
    role_match: RoleMatch | None = None
    honorifics: list[str] = field(default_factory=list)
    alias: tuple[str, int, int] | None = None  # (alias, char start, char end): "(Jokowi)"


def match_rank(ts: TokenStream, i: int) -> tuple[int, str] | None:
    """A rank at ``i`` with its suffixes (``Kombes (Pol)``, ``Letkol Inf``); (end, rank)."""
    if i >= ts.n:
        return None
    j = ts.rank_end(i)  # the longest: a rank written out ("Ajun Inspektur Satu") is read whole
    if j == i:
        return None
    rank = ts.lex.ranks[tuple(ts.lows[i:j])]
    j = ts.skip_dot(j)
    for _ in range(3):
        if j >= ts.n or not ts.joined(j):
            break
        if ts.lows[j] in ts.lex.words["rank_suffix"] and ts.caps[j]:
            j = ts.skip_dot(j + 1)
        elif ts.words[j] == "(" and j + 2 < ts.n and ts.lows[j + 1] in ts.lex.words["rank_suffix"]:
            k = ts.skip_dot(j + 2)
            if k < ts.n and ts.words[k] == ")":
                j = k + 1
            else:
                break
        else:
            break
    return j, rank


def match_hon_prefix(ts: TokenStream, i: int) -> tuple[int, str] | None:
    """An honorific before a name (``Dr.``, ``H.``, ``Prof``); (end, honorific as written)."""
    if i >= ts.n or (not ts.caps[i] and ts.words[i] != "dr"):
        return None
    hon = ts.lex.hon_prefix.get((ts.lows[i],))
    if hon is None:
        if ts.lows[i] == "k" and i + 3 < ts.n and ts.words[i + 1] == "." and ts.lows[i + 2] == "h":
            return ts.skip_dot(i + 3), "K.H."
        return None
    j = ts.skip_dot(i + 1)
    if j == i + 1 and len(ts.words[i]) == 1:
        return None  # a bare initial ("H Budi") is part of the name, not "H."
    return j, ts.surface(i, j)


def read_name(ts: TokenStream, i: int) -> int:
    """End of a personal name starting at ``i`` (``i`` when there is none).

    Up to five capitalised name words; initials (``M.``), and particles inside (``bin``, ``van``).
    """
    # runs for nearly every capitalised word of an article: list lookups only, no method calls
    name_ok, n = ts.name_ok, ts.n
    if i >= n or not name_ok[i]:
        return i
    words, lows, nl = ts.words, ts.lows, ts.nl
    heads, connectors = ts.lex.words["name_like_heads"], ts.lex.words["connectors"]
    k = i
    count = 0
    while k < n and count < _NAME_MAX:
        if count and nl[k]:
            break  # a name does not run over a line break
        if count and len(words[k]) <= 3 and _glued_degree(ts, k):
            break  # "Firli Bahuri M.Si": the name ends where its degrees begin
        if name_ok[k] or (count and lows[k] in heads and ts.caps[k]):
            k += 1
            count += 1
            if len(words[k - 1]) == 1 or lows[k - 1] in NAME_ABBREV:
                k = ts.skip_dot(k)
            continue
        if count and lows[k] in connectors and k + 1 < n and name_ok[k + 1]:
            k += 1
            continue
        break
    return k if count else i


def _glued_degree(ts: TokenStream, k: int) -> str:
    """The degree written from token ``k`` with no comma before it (``M.Si``, ``S.H.``,
    ``Ph.D``), else ''. Dotted parts glued together, a boundary after them, and either a part
    of two letters or more or a degree the project knows (``S.H.``, ``S.I.K.``)."""
    end = ts.ends[k]
    text = ts.text
    if len(ts.words[k]) > 3 or text[end : end + 1] != "." or not text[end + 1 : end + 2].isupper():
        return ""
    m = _BARE_DEGREE.match(text, ts.starts[k])
    if m is None:
        return ""
    form = m.group(1)
    parts = [p for p in form.split(".") if p]
    known = form.replace(".", "") in _DEGREE_WORDS or form.rstrip(".").lower() in ts.lex.hon_suffix
    return form if known or any(len(p) > 1 for p in parts) else ""


def _is_degree(ts: TokenStream, form: str, chained: bool) -> bool:
    """Whether ``form`` read by ``_DEGREE`` is a degree: dotted parts, a known one-word one, or
    any acronym once a degree came before it (``, MM., IPU., CMA.``: titles run on in a chain,
    while a lone ``, NTB.`` is a place)."""
    word = form.rstrip(".")
    return (
        "." in word
        or word in _DEGREE_WORDS
        or word.lower() in ts.lex.hon_suffix
        or (chained and word.isupper())
    )


def read_suffixes(ts: TokenStream, j: int) -> tuple[list[str], int]:
    """Degrees after a name (``, S.H., M.H.``, or ``M.Si`` with no comma before it); (degrees,
    token index after them)."""
    found: list[str] = []
    pos = ts.ends[j - 1]
    if j < ts.n and ts.joined(j):
        bare = _glued_degree(ts, j)
        if bare:
            found.append(bare)
            pos = ts.starts[j] + len(bare)
    if not found and (j >= ts.n or ts.words[j] != ","):
        return [], j
    while True:
        m = _DEGREE.match(ts.text, pos)
        if m is None or not _is_degree(ts, m.group(1), bool(found)):
            break
        found.append(m.group(1).strip())
        pos = m.end()
    if not found:
        return [], j
    return found, ts.index_at(pos)


def _complement(
    ts: TokenStream, j: int, gaz: Gazetteer, local: bool, found: list[OrgMatch | PlaceMatch]
) -> int:
    """Read a role's complement (unit, office, place, organisation) from ``j``.

    Organisations and places met on the way are appended to ``found``.
    """
    lex = ts.lex
    offices = 1  # offices joined by "dan" ("Presiden dan Wakil Presiden"): one holder each
    while j < ts.n and ts.joined(j):
        w = ts.words[j]
        low = ts.lows[j]
        if low == "dapil" or (low == "daerah" and j + 1 < ts.n and ts.lows[j + 1] == "pemilihan"):
            e = dapil_end(ts, j + (1 if low == "dapil" else 2), gaz, found)
            if e is not None:
                j = e  # "Anggota DPR RI Dapil Jawa Barat III Kota Bogor dan Cianjur, Rajiv"
                continue
        if low.startswith("ke-") and low[3:].isdigit():
            j += 1
            continue
        if low in lex.words["office_qualifiers"]:
            if offices > 1:
                break  # "Presiden dan Wakil Presiden terpilih, Wiranto": both holders', not his
            j += 1  # "Presiden Terpilih", "Bupati Bogor nonaktif": the office's, not the name's
            continue
        if low == "ahli" and j + 1 < ts.n and ts.lows[j + 1] in ts.lex.words["grades"]:
            j += 2  # "Analis Kebijakan Ahli Madya"
            continue
        if w == "(":
            # "(Kemenkeu)", "(Wamenaker)": a short form of the office, not "(Airlangga Hartarto)"
            if (
                j + 2 < ts.n
                and ts.words[j + 2] == ")"
                and ts.caps[j + 1]
                and (not ts.is_name_token(j + 1) or read_name(ts, j + 3) > j + 3)
            ):
                j += 3
                continue
            break
        if _facility_pair(ts, j):
            j += 2  # "Kepala Bandar Udara Kalimarau": the two-word form of "Bandara"
            continue
        if match_rank(ts, j) is not None:
            break
        hon = match_hon_prefix(ts, j)
        if hon is not None and read_name(ts, hon[0]) > hon[0]:
            break  # "Wakil Presiden terpilih KH Ma'ruf Amin": the name's honorific
        if (
            w == ","
            and j + 1 < ts.n
            and ts.caps[j + 1]
            and ts.lows[j + 1] in lex.institution
            and (ts.lows[j - 1] in lex.institution and (ts.lows[j + 1],) not in lex.place_heads)
        ):
            j += 2  # "Deputi Bidang Sosial, Budaya, dan Pemberdayaan Masyarakat"
            continue
        if (
            w == ","
            and j + 2 < ts.n
            and ts.lows[j + 1] == "dan"
            and ts.lows[j + 2] in lex.institution
        ):
            offices += ts.lows[j + 2] in lex.role_openers
            j += 3
            continue
        if not w[:1].isupper():
            if (
                low in ("dan", "&")
                and j + 1 < ts.n
                and ts.caps[j + 1]
                and ts.lows[j + 1] in lex.institution
            ):
                offices += ts.lows[j + 1] in lex.role_openers
                j += 2
                continue
            if (
                low in ("periode", "tahun", "masa")
                and j + 1 < ts.n
                and ts.words[j + 1][:1].isdigit()
            ):
                j += 2
                while j + 1 < ts.n and ts.words[j] in ("-", "/", "–") and ts.words[j + 1].isdigit():
                    j += 2
                continue
            if w.isdigit() or _TERM.fullmatch(w):
                # (a term of office: "anggota DPR RI terpilih 2019-2024 Dapil ...")
                j += 1
                if j + 1 < ts.n and ts.words[j] == "/" and ts.words[j + 1][:1].isalnum():
                    j += 2
                continue
            if (
                low in ("nomor", "no")
                and j + 2 < ts.n
                and ts.lows[j + 1] == "urut"
                and ts.words[j + 2].isdigit()
            ):
                j += 3  # a candidate's ballot number: "Calon Gubernur Jateng nomor urut 01"
                continue
            break
        om = match_org(ts, j, gaz, complement=True)
        if om is not None:
            found.append(om)
            j = om.end
            continue
        pm = match_place(ts, j, gaz, complement=True, districts=local)
        if pm is not None:
            found.append(pm)
            j = pm.end
            continue
        if ts.upper[j] and _initials_of_name(ts, j, gaz):
            break  # "Presiden ke-3 RI BJ Habibie": the name's initials, not the office's
        if _balinese_name_at(ts, j):
            break  # "Bupati Badung I Nyoman Giri Prasta": the name's "I", not a unit number
        if low in lex.institution or ts.upper[j] or w in lex.org_tails or _ROMAN.fullmatch(w):
            j += 1
            continue
        break
    return j


#: A term of office in a role, ``2019-2024``.
_TERM = re.compile(r"(?:19|20)\d\d[-–](?:19|20)\d\d")


def dapil_end(
    ts: TokenStream, j: int, gaz: Gazetteer, found: list[OrgMatch | PlaceMatch]
) -> int | None:
    """Where the electoral district whose places start at ``j`` ends, after ``dapil`` or
    ``daerah pemilihan`` (``Jawa Barat III Kota Bogor dan Cianjur``, ``3``): its places
    (appended to ``found``), numbers and places joined by ``dan`` or a comma; None when neither
    a place nor a number follows.

    A legislator's district is part of the role, and no person (seen on real news: ``Dapil
    Jawa Barat`` read as a person, the legislator after it lost).
    """
    start = j
    while j < ts.n and ts.joined(j):
        if _ROMAN.fullmatch(ts.words[j]) or ts.words[j].isdigit():
            j += 1
            continue
        nxt = j + 1 if ts.lows[j] in ("dan", ",") and j > start else j
        pm = match_place(ts, nxt, gaz, complement=True) if nxt < ts.n else None
        if pm is None:
            break
        found.append(pm)
        j = pm.end
    return j if j > start else None


#: Words of Balinese names after the "I" (men) or "Ni" (women) that opens them: birth order and
#: caste titles (``I Gusti Ngurah Jaya Negara``, ``Ni Made Sumiati``); not words that open
#: names elsewhere too (``Agung``, ``Ayu``: "anggota BPK I Agung ..." may be Member I).
BALINESE_NAME_WORDS = frozenset(
    {
        *("Gusti", "Gede", "Wayan", "Made", "Nyoman", "Ketut", "Putu", "Kadek", "Komang"),
        *("Nengah", "Luh", "Desak", "Dewa"),
    }
)


def _balinese_name_at(ts: TokenStream, j: int) -> bool:
    """``I`` or ``Ni`` at ``j`` opening a Balinese name (the next word one of
    :data:`BALINESE_NAME_WORDS`)."""
    return (
        ts.words[j] in ("I", "Ni")
        and j + 1 < ts.n
        and ts.joined(j + 1)
        and ts.words[j + 1] in BALINESE_NAME_WORDS
    )


#: Two capitals that stand before a name without being its initials: the country, legal forms,
#: units and the boards of associations (``Presiden RI Jokowi``, ``Direktur PT Maju``, ``Ketua
#: TP PKK``, ``Ketua Umum PP Pordasi``, ``hakim PN Pelalawan``).
_NOT_INITIALS = frozenset(
    {
        *("RI", "AS", "UK", "PT", "CV", "UD", "PD", "PS", "TP", "SD", "DI", "TV", "PM", "RT", "RW"),
        *("PP", "PB", "PW", "PC", "PN", "PA", "PK", "DP", "BP", "UP", "KP", "KM", "HP"),
    }
)


#: The country's short forms, which end an office before a name's initials (``Presiden RI BJ
#: Habibie``), where a board or a legal form goes on with its body's name (``PB WI``).
_COUNTRY_SHORT = frozenset({"RI", "AS", "UK"})
_BOARDS = _NOT_INITIALS - _COUNTRY_SHORT


def _initials_of_name(ts: TokenStream, j: int, gaz: Gazetteer | None = None) -> bool:
    """Whether the capitals at ``j`` (two letters that name no known organisation, unit or
    place) are the initials of the one-word name right after them (``BJ Habibie``, ``AM
    Hendropriyono``); not after a board or a legal form (``PB WI Ngatino``: the association's), nor
    before an honorific (``UB Prof``), an organisation's word (``YG Entertainment``) or a
    region (``PN Pelalawan``)."""
    w = ts.words[j]
    if not (len(initials_of(w)) == 2 and w not in _NOT_INITIALS and j + 2 < ts.n):
        return False
    lex = ts.lex
    k = j + 1
    return (
        ts.lows[j] not in lex.institution
        and (w,) not in lex.org_phrases
        and not (j > 0 and ts.words[j - 1] in _BOARDS)
        and ts.joined(k)
        and ts.caps[k]
        and not ts.upper[k]
        and ts.name_ok[k]
        and not (ts.joined(k + 1) and ts.caps[k + 1])  # one name word, then the name ends
        and ts.lows[k] not in lex.institution
        and ts.words[k] not in lex.org_tails
        and match_hon_prefix(ts, k) is None
        and match_rank(ts, k) is None
        and (gaz is None or not _names_region(gaz, ts.words[k]))
    )


def _names_region(gaz: Gazetteer, word: str) -> bool:
    """Whether ``word`` names a province, regency or city, or spells one's name short."""
    return gaz.spells_region(word) or any(r.level != "district" for r in gaz.lookup(word))


def _rank_ahead(ts: TokenStream, j: int) -> int | None:
    """Index of a rank within the next few words of the same phrase (``Kapolsek X Y AKP Z``)."""
    k = j
    while k < ts.n and k - j < 5 and ts.joined(k) and ts.caps[k]:
        if match_rank(ts, k) is not None:
            return k
        k += 1
    return None


def match_role(ts: TokenStream, i: int, gaz: Gazetteer) -> RoleMatch | None:
    """A role phrase at ``i``: modifiers, head, complement (``Wakil Ketua Komisi III DPR RI``)."""
    lex = ts.lex
    if ts.lows[i] not in lex.role_openers:
        return None  # neither a modifier nor a head starts here
    k = i
    for _ in range(2):
        e = lex.role_modifiers.longest(ts.lows, k)
        if e == k:
            break
        k = ts.skip_dot(e)
        if k + 2 < ts.n and ts.words[k] == "(" and ts.words[k + 2] == ")":
            k += 3  # "Pelaksana Tugas (Plt) Deputi ..."
        if k >= ts.n:
            return None
    h = lex.role_heads.longest(ts.lows, k)
    if h == k:
        return None
    head = " ".join(ts.lows[k:h])
    if not ts.caps[i] and (h >= ts.n or not ts.caps[h] or lex.role_heads.longest(ts.lows, h) > h):
        return None  # "kata ketua" (nothing named), "pimpinan Presiden X" (the office is next)
    found: list[OrgMatch | PlaceMatch] = []
    j = ts.skip_dot(h)
    if j > h and len(ts.words[h - 1]) > 4:
        j = h  # "menjabat Presiden. Prabowo ...": a full word's full stop ends the sentence
    if (
        head in ts.lex.words["village_heads"]
        and j < ts.n
        and ts.joined(j)
        and ts.caps[j]
        and not ts.upper[j]
    ):
        # "Kepala Desa Sukamaju Linda": the village is named first, in one word (plus "Utara" ...,
        # or two after a generic word of [village_generics]: "Lubuk Gaung")
        pm = match_place(ts, j, gaz, complement=True, districts=True)
        if pm is not None:
            j = pm.end
        elif ts.is_name_token(j):
            j += 1
            if (
                ts.lows[j - 1] in ts.lex.words["village_generics"]
                and j < ts.n
                and ts.joined(j)
                and ts.is_name_token(j)
            ):
                j += 1  # "Lurah Lubuk Gaung Budi": the generic word and the name after it
            while (
                j < ts.n
                and ts.joined(j)
                and ts.lows[j] in ts.lex.words["place_tails"]
                and ts.caps[j]
            ):
                j += 1
    if head in _AIDE_HEADS and j < ts.n and ts.joined(j) and ts.caps[j]:
        # "Asisten Pribadi Menpora": the office served is part of the aide's role, short form
        # or not, and is no role of the person named next
        served = match_role(ts, j, gaz)
        if served is not None:
            found.extend([*served.orgs, *served.places])
            j = served.end
    j = _complement(ts, j, gaz, head in ts.lex.words["local_heads"], found)
    r = _rank_ahead(ts, j)
    if r is not None:
        j = r
    return RoleMatch(
        i,
        j,
        ts.surface(i, j),
        head,
        [m for m in found if isinstance(m, OrgMatch)],
        [m for m in found if isinstance(m, PlaceMatch)],
    )


#: Facility words written in two (``Bandar Udara``), read as their one-word form of
#: ``street_heads.txt`` (``Bandara``) is in an office: the facility's name comes next.
_FACILITY_PAIRS = frozenset({("bandar", "udara")})


def _facility_pair(ts: TokenStream, j: int) -> bool:
    """A facility word written in two at ``j`` (:data:`_FACILITY_PAIRS`), capitalised."""
    return (
        j + 1 < ts.n
        and (ts.lows[j], ts.lows[j + 1]) in _FACILITY_PAIRS
        and ts.caps[j]
        and ts.joined(j + 1)
    )


def _split_run(ts: TokenStream, j: int, gaz: Gazetteer) -> int:
    """Where a role's complement really ends inside a run of capitalised words.

    ``Direktur Eksekutif Poltracking Indonesia Hanta Yuda`` reads the unknown organisation
    ``Poltracking`` as the start of a name; a place or a known organisation inside the run, with
    a name after it, shows the boundary. After a facility (``General Manager Bandara Syamsudin
    Noor Indah Preastuty``) the run opens with the facility's own name: the person is the last
    two words.
    """
    end = read_name(ts, j)
    if end - j < 3:
        return j
    if ts.lows[j - 1] in ts.lex.street_heads or (j > 1 and _facility_pair(ts, j - 2)):
        return end - 2
    for k in range(j + 1, end - 1):
        e = ts.lex.org_phrases.longest(ts.words, k)
        if e == k:
            pm = match_place(ts, k, gaz, complement=True)
            e = pm.end if pm is not None else k
        elif e < end:
            # the organisation's region goes with it ("Bidang Fisik Bappeda Jawa Barat Slamet")
            pm = match_place(ts, e, gaz, complement=True)
            if pm is not None and pm.end < end and read_name(ts, pm.end) > pm.end:
                e = pm.end
        if k < e < end and read_name(ts, e) > e:
            return e
    return j


def _byline(ts: TokenStream, i: int, dot: int) -> bool:
    """``Adi Prayitno.Direktur Parameter Politik Indonesia``: an opinion piece's author, the
    name opening a sentence and glued by a period to the office or occupation after it."""
    k = dot + 1
    return (
        ts.sent[i]
        and k < ts.n
        and ts.starts[dot] == ts.ends[dot - 1]
        and ts.starts[k] == ts.ends[dot]
        and ts.caps[k]
        and (ts.lows[k] in ts.lex.role_openers or ts.lows[k] in ts.lex.person_cues)
    )


def _speaks_after_apposition(ts: TokenStream, comma: int) -> bool:
    """``Herfi Hervian, guru di sekolah korban, mengatakan``: a short description between
    commas after the name, then a reporting verb (a description opened by ``seorang``, "a", is
    often left without its closing comma)."""
    k, n = comma + 1, ts.n
    while k < n and k - comma <= 12 and not ts.sent[k] and ts.words[k] not in ',“"(':
        k += 1
    if (
        k < n
        and ts.lows[comma + 1] == "seorang"
        and any(ts.lows[j] in ts.lex.verbs_before for j in range(comma + 3, k))
    ):
        return True  # "Sambosa, seorang penjaga parkir menilai": the closing comma left out
    if k >= n or ts.words[k] != "," or k - comma < 2 or not ts.words[comma + 1][:1].islower():
        return False
    j = k + 1
    while j < n and j - k <= 3 and ts.lows[j] in ts.lex.words["adverbs"]:
        j += 1
    return j < n and ts.lows[j] in ts.lex.verbs_before


def _names_a_document(ts: TokenStream, i: int) -> bool:
    """The office at ``i`` is part of a document's title (``Peraturan Menteri``, ``Keputusan
    Presiden``, ``Surat Edaran Gubernur``)."""
    return i > 0 and ts.caps[i - 1] and ts.joined(i) and ts.lows[i - 1] in _DOCUMENT_WORDS


def _short_form(ts: TokenStream, pm: PersonMatch, role: RoleMatch) -> bool:
    """``Bupati Kolaka Timur (Koltim)``: the note abbreviates the office's place, names no one.

    The note is a short form when it starts like one of the office's capitalised words after
    the first, or when it is spelt by the beginnings of consecutive words of the office
    (``Jateng`` for Jawa Tengah, ``Kemenkeu``, ``NTB``, ``Capim``).
    """
    if pm.name_end - pm.name_start != 1:
        return False
    low = ts.lows[pm.name_start]
    words = [ts.lows[k] for k in range(role.start + 1, role.end) if ts.caps[k]]
    if any(low.startswith(w[:3]) for w in words):
        return True
    shortest = 1 if ts.upper[pm.name_start] else 2  # single letters only in capitals (NTB)
    # spelt from the office's head on as well (``Calon pimpinan (Capim)``, ``Kepala Dinas
    # Kesehatan (Kadinkes)``), whatever the case of its words
    words = [ts.lows[k] for k in range(role.start, role.end) if ts.words[k][:1].isalpha()]
    for k, word in enumerate(words[:-1]):  # a first part, then the rest from the next words
        for n in range(shortest, min(len(word), len(low) - 1) + 1):
            if low[:n] == word[:n] and _spelt_by(low[n:], words, k + 1, shortest):
                return True
    return False


def _spelt_by(note: str, words: list[str], k: int, shortest: int) -> bool:
    """``note`` is spelt by the beginnings (``shortest`` letters or more) of ``words[k:]``, in
    order; a word may be passed over (``Menteri Negara Riset dan Teknologi (Menristek)``)."""
    if not note:
        return True
    if k >= len(words):
        return False
    word = words[k]
    return any(
        note[:n] == word[:n] and _spelt_by(note[n:], words, k + 1, shortest)
        for n in range(shortest, min(len(word), len(note)) + 1)
    ) or _spelt_by(note, words, k + 1, shortest)


def _person_after(ts: TokenStream, j: int) -> PersonMatch | None:
    """``[rank] [honorific] name [, degrees] [(alias)]`` starting at ``j``."""
    title = None
    hons: list[str] = []
    r = match_rank(ts, j)
    if r is not None:
        j, title = r
    hp = match_hon_prefix(ts, j)
    while hp is not None:
        j, hon = hp
        hons.append(hon)
        hp = match_hon_prefix(ts, j)
    n_end = read_name(ts, j)
    if (
        n_end == j
        and j + 1 < ts.n
        and (
            # "AKBP Hari Brata": after a rank, an everyday word that is also a given name opens
            # the name when a name word follows
            (
                title is not None
                and ts.lows[j] in _GIVEN_NAME_WORDS
                and ts.caps[j]
                and ts.joined(j + 1)
            )
            # "BJ Habibie": two capitals, the initials of the name
            or (ts.upper[j] and _initials_of_name(ts, j))
        )
    ):
        n_end = read_name(ts, j + 1)
        n_end = j if n_end == j + 1 else n_end
    if n_end == j:
        return None
    if _ACADEMIC.intersection(hons) and ts.weak_name(j, n_end):
        return None  # "Doktor Ilmu Pemerintahan", "Profesor Kandungan": a title and its field
    suffixes, end = read_suffixes(ts, n_end)
    pm = PersonMatch(j, end, j, n_end, ts.surface(j, n_end), title, None, hons + suffixes)
    if (
        end + 2 < ts.n
        and ts.words[end] == "("
        and ts.words[end + 2] == ")"
        and (ts.is_name_token(end + 1) or _name_initials(ts, j, n_end) == ts.words[end + 1])
    ):
        # "(Jokowi)", and the initials a person goes by: "Agus Harimurti Yudhoyono (AHY)"
        pm.alias = (ts.words[end + 1], ts.starts[end + 1], ts.ends[end + 1])
        pm.end = end + 3
    return pm


def bare_name(text: str) -> tuple[str, str] | None:
    """A person's name written with a rank, honorifics or degrees, read as the articles'
    persons are (the name an actor counts under has none of them): ``(name, the rank,
    honorifics and degrees as written)``, or ``None`` when ``text`` is not one name with some
    of them and nothing else. A name typed in small letters is read as if capitalised.

    >>> bare_name("Irjen Pol Ahmad Luthfi")
    ('Ahmad Luthfi', 'Irjen Pol')
    >>> bare_name("Jenderal TNI (Purn) Andika Perkasa")
    ('Andika Perkasa', 'Jenderal TNI (Purn)')
    >>> bare_name("Dr. H. Ahmad Luthfi, S.H., M.Si.")
    ('Ahmad Luthfi', 'Dr. H., S.H., M.Si.')
    >>> bare_name("Ahmad Luthfi"), bare_name("Kapolda Jateng")
    (None, None)
    """
    forms = [text.strip()]
    capitalised = " ".join(w[:1].upper() + w[1:] if w.islower() else w for w in text.split())
    if capitalised != forms[0]:
        forms.append(capitalised)
    for form in forms:
        ts = token_stream(form)
        pm = _person_after(ts, 0) if ts.n else None
        if pm is None or pm.end != ts.n or pm.alias is not None:
            continue
        if pm.title is None and not pm.honorifics:
            continue
        before = ts.surface(0, pm.name_start) if pm.name_start else ""
        after = form[ts.ends[pm.name_end - 1] :].strip().lstrip(",").strip()
        return pm.name, ", ".join(part for part in (before, after) if part)
    return None


def _name_initials(ts: TokenStream, i: int, end: int) -> str:
    """The initials of the name ``i .. end-1`` when it has two words or more, else ''."""
    if end - i < 2:
        return ""
    return "".join(ts.words[k][0] for k in range(i, end) if ts.words[k][:1].isalpha()).upper()


def match_person(ts: TokenStream, i: int, gaz: Gazetteer) -> PersonMatch | RoleMatch | None:
    """A person introduced by a role, a rank or an honorific at ``i``; or a bare role phrase.

    Returns
    -------
    PersonMatch, RoleMatch or None
        A :class:`RoleMatch` when a role is named without a person (``kata Kapolres Dumai``).
    """
    if ts.lows[i] not in ts.lex.person_openers:
        return None  # no role, rank or honorific starts here
    if (ts.lows[i],) not in ts.lex.ranks and i + 1 < ts.n and ts.caps[i + 1]:
        r = match_rank(ts, i)
        if r is not None:
            # a rank written out whose first word is also an office ("Komisaris Besar Polisi
            # Argo Yuwono"): the rank, not the office
            pm = _person_after(ts, i)
            if pm is not None:
                return pm
    role = match_role(ts, i, gaz)
    if role is not None:
        j = _split_run(ts, role.end, gaz)
        if j > role.end:
            role = _widened(ts, role, j)
        if j < ts.n and ts.words[j] == "(" and ts.joined(j):
            pm = _person_after(ts, j + 1)
            if pm is not None and pm.end < ts.n and ts.words[pm.end] == ")":
                if _names_a_document(ts, i):
                    return None  # "Peraturan Menteri (Permen)": the short form of a regulation
                if not _short_form(ts, pm, role):
                    pm.start, pm.end, pm.role_match = i, pm.end + 1, role
                    return pm
                # "Calon Gubernur Jawa Tengah (Jateng), Ahmad Luthfi": the office goes on
                j = pm.end + 1
                role = _widened(ts, role, j)
        if j < ts.n and ts.words[j] == "," and ts.joined(j):
            pm = _person_after(ts, j + 1)
            if (
                pm is not None
                and pm.name_start == j + 1
                and match_place(ts, j + 1, gaz) is not None
            ):
                pm = None  # "anggota Polres Way Kanan, Lampung, ..." names a place
            if pm is not None and (pm.title or ts.is_boundary(pm.end)):
                pm.start, pm.role_match = i, role
                return pm
        elif j < ts.n:
            if (
                ts.caps[j]
                and not ts.upper[j]
                and ts.joined(j)
                and read_name(ts, j) == j + 1
                and gaz.spells_region(ts.words[j])
            ):
                # "Bupati Koltim": one word shortening a regency's name (Kolaka Timur) is the
                # office's place, no person
                j += 1
                return _widened(ts, role, j)
            pm = _person_after(ts, j)
            apposed, outfit_end = None, j
            if pm is not None and not pm.title:
                outfit_end = _outfit_end(ts, pm.end)
                # a lone word read as the name may be the outfit's own (``Bandara ... Supadio``)
                apposed = _apposed_person(
                    ts, outfit_end, last=pm.name_end - pm.name_start == 1 and outfit_end > pm.end
                )
            if apposed is not None and pm is not None:
                # "Presiden Madrid, Florentino Perez, merasa": the office's outfit, then the name
                role = _widened(ts, role, outfit_end, start=i)
                k = pm.end
                while k < outfit_end:  # the bodies and places named in the outfit's name
                    found = match_org(ts, k, gaz) or match_place(ts, k, gaz)
                    if found is not None and found.end <= outfit_end:
                        # ("Mytisi IFC Bali", "Penegakan Pidana Kementerian ESDM")
                        if isinstance(found, OrgMatch):
                            role.orgs.append(found)
                        else:
                            role.places.append(found)
                        k = found.end
                    else:
                        k += 1
                apposed.start, apposed.role_match = i, role
                return apposed
            unit = (
                _unit_of_org(ts, pm, gaz)
                if pm is not None and not pm.title and not pm.honorifics
                else None
            )
            if unit is not None and pm is not None:
                # "Direktur Retail Banking Bank Mandiri, Hery Gunardi": a name is not followed
                # by an organisation and another name; the first "name" was a unit of it
                om, place, pm = unit
                end = place.end if place is not None else om.end
                places = [*role.places, place] if place is not None else role.places
                role = RoleMatch(i, end, ts.surface(i, end), role.head, [*role.orgs, om], places)
            elif pm is not None and not pm.title and not pm.honorifics:
                # "Pengasuh PP Tebuireng KH Abdul Hakim": an honorific or a rank after the first
                # "name" shows that it was still part of the office
                later = _person_after(ts, pm.end) if pm.end < ts.n and ts.joined(pm.end) else None
                if later is not None and (later.title or later.honorifics):
                    role = _widened(ts, role, pm.end, start=i)
                    pm = later
                elif (
                    later is not None
                    and pm.alias is not None
                    and ts.words[pm.end - 1] == ")"
                    and ts.is_boundary(later.end)
                    and not ts.weak_name(later.name_start, later.name_end)
                ):
                    # "dosen UIN Maulana Malik Ibrahim (Maliki) Imam Muslimin", "CEO Danantara
                    # Daya Anagata Nusantara (Danantara) Rosan Roeslani": a name with its short
                    # form in brackets and another name straight after it was the outfit's
                    role = _widened(ts, role, pm.end, start=i)
                    pm = later
                elif later is None and pm.end < ts.n and ts.joined(pm.end):
                    # "Manajer Kampanye Hijau Indonesia Rudi Hartono": a name is not followed
                    # by a place and another name; the first "name" was the organisation's
                    place = match_place(ts, pm.end, gaz)
                    p_end = place.end if place is not None else ts.n
                    after = _person_after(ts, p_end) if p_end < ts.n and ts.joined(p_end) else None
                    if (
                        after is not None
                        and ts.is_boundary(after.end)
                        and not ts.weak_name(after.name_start, after.name_end)
                    ):
                        role = _widened(ts, role, p_end, start=i)
                        pm = after
            if pm is not None and (
                pm.title or pm.honorifics or not ts.weak_name(pm.name_start, pm.name_end)
            ):
                pm.start, pm.role_match = i, role
                return pm
        return role
    if match_rank(ts, i) is not None or match_hon_prefix(ts, i) is not None:
        pm = _person_after(ts, i)
        if pm is not None:
            pm.start = i
            capacity = _capacity_role(ts, pm.end, gaz)
            if capacity is not None:
                pm.role_match, pm.end = capacity, capacity.end
            return pm
    return None


def _outfit_split(ts: TokenStream, pm: PersonMatch) -> PersonMatch:
    """``Liverpool Juergen Klopp`` after an outfit cue: the club, then the person's name.

    The longest leading part that the article also writes on its own, as a phrase of
    capitalised words of its own (``Liverpool menang``), is the outfit, when at least two name
    words remain; otherwise the name is kept whole (``Ole Gunnar Solskjaer``).
    """
    a, b = pm.name_start, pm.name_end
    for k in range(b - 2, a, -1):
        if ts.stands_alone_elsewhere(a, k):
            return PersonMatch(
                k, pm.end, k, b, ts.surface(k, b), pm.title, pm.role_match, pm.honorifics
            )
    return pm


def _apposed_person(ts: TokenStream, j: int, *, last: bool = False) -> PersonMatch | None:
    """``, Ernesto Valverde, memuji`` at ``j``: a name set off by commas, then a lower-case word.

    After an outfit (``pelatih Barcelona``, ``Presiden Madrid``) the name in apposition is the
    person, a rank or title before the name included (``, Brigjen Toto Suharyanto``); a list
    (``Budi, Ani, dan Joko``) is not an apposition. With ``last``, a name of two
    words or more may also close the phrase: a lower-case word or the sentence's end right
    after it (``Bandara Internasional Supadio Pontianak, Didi Herdiansyah di Kubu Raya``).
    """
    words, n = ts.words, ts.n
    if j + 1 >= n or words[j] != ",":
        return None
    pm = _person_after(ts, j + 1)
    if (
        pm is None
        or not (pm.name_start == j + 1 or (pm.title and j + 1 < pm.name_start <= j + 4))
        or ts.weak_name(pm.name_start, pm.name_end)
    ):
        return None
    k = pm.end
    if k + 1 < n and words[k] == ",":
        if not words[k + 1][:1].islower():
            return None
        k += 1
    elif not (last and pm.name_end - pm.name_start >= 2 and ts.is_boundary(k)):
        return None
    if k < n and ts.lows[k] in ("dan", "serta", "atau"):
        return None
    return pm


def _outfit_end(ts: TokenStream, j: int) -> int:
    """Where the capitalised words at ``j`` that go on from a name read after an office end, at a
    comma; ``j`` when no such run ends there. ``Founder Mytisi IFC Bali, I Gusti Agung Putu
    Nuaba,``: the words before the comma (an acronym, a place) are the rest of the outfit's name,
    and the person is the one in apposition after it."""
    k = j
    while k < ts.n and k - j < 4 and ts.joined(k) and ts.caps[k] and ts.words[k][:1].isalpha():
        k += 1
    return k if k < ts.n and ts.words[k] == "," else j


def _unit_of_org(
    ts: TokenStream, pm: PersonMatch, gaz: Gazetteer
) -> tuple[OrgMatch, PlaceMatch | None, PersonMatch] | None:
    """The organisation right after the "name" ``pm`` read after an office, the place after
    it if any, and the person named after them (``Retail Banking`` + ``Bank Mandiri`` + ``,
    Hery Gunardi,``), or None."""
    j = pm.end
    if j >= ts.n or not ts.joined(j) or not ts.caps[j]:
        return None
    om = match_org(ts, j, gaz)
    if om is None:
        return None
    # the organisation's place goes with it ("Dinas Kesehatan (Dinkes) Ketapang Basaria")
    place = match_place(ts, om.end, gaz) if om.end < ts.n and ts.joined(om.end) else None
    end = place.end if place is not None else om.end
    after = person_after_outfit(ts, end)
    if after is None or ts.weak_name(after.name_start, after.name_end):
        return None
    return om, place, after


def person_after_outfit(ts: TokenStream, j: int, *, firm: bool = False) -> PersonMatch | None:
    """The person named at ``j`` after an outfit cue and its organisation, or None.

    ``pelatih Persib, Robert Alberts, memuji`` (an apposition) or ``bek Liverpool Virgil van
    Dijk`` (two name words at least, straight after the organisation): the cue is the person's.
    With ``firm`` (the organisation's own name might go on at ``j``), the name must have no
    derived word (``Perjuangan``) and a speech verb after it or a word of it standing alone
    elsewhere in the text, so that the rest of a longer name (``Tim KTM Red Bull``, ``Partai
    Demokrasi Indonesia Perjuangan``) is not read as a person.
    """
    if j < ts.n and ts.words[j] == ",":
        return _apposed_person(ts, j)
    if j >= ts.n or not ts.caps[j] or not ts.joined(j) or not ts.name_ok[j]:
        return None
    pm = _person_after(ts, j)
    if (
        pm is None
        or pm.name_start != j
        or pm.name_end - pm.name_start < 2
        or ts.weak_name(pm.name_start, pm.name_end)
    ):
        return None
    if not firm:
        return pm
    a, b = pm.name_start, pm.name_end
    if any(is_derived_word(ts.lows[k]) for k in range(a, b)):
        return None
    said = b < ts.n and ts.lows[b] in ts.lex.verbs_before
    if said or any(ts.stands_alone_elsewhere(k, k + 1) for k in range(a, b)):
        return pm
    return None


def _widened(ts: TokenStream, role: RoleMatch, end: int, *, start: int | None = None) -> RoleMatch:
    """``role`` read on to ``end`` (and from ``start``), with the actors found inside it."""
    start = role.start if start is None else start
    return RoleMatch(start, end, ts.surface(start, end), role.head, role.orgs, role.places)


def _apposition_role(ts: TokenStream, j: int, gaz: Gazetteer) -> RoleMatch | None:
    """``, Ketua RT 05,`` after a name: a role with no other name after it (the name of a
    facility, ``, Kepala Stasiun Gambir,``, is the office's: see :func:`_held_office`)."""
    if j + 1 >= ts.n or ts.words[j] != ",":
        return None
    role = match_role(ts, j + 1, gaz)
    if role is None:
        return None
    if role.end == j + 2 and not ts.caps[j + 1]:
        return _outfit_closing(ts, role, gaz)  # "..., presiden Wrap Industries."
    return _held_office(ts, role, gaz)


def _initials(ts: TokenStream, i: int, end: int, acr: str) -> bool:
    """Whether an upper-case note gives the initials of the name ``i .. end-1`` (``GW``)."""
    if not acr.isupper() or not acr.isalpha() or len(acr) < 2:
        return False
    if i > 0 and ts.caps[i - 1] and ts.joined(i):
        return False  # the name is the tail of a longer phrase ("Pajak Pertambahan Nilai (PPN)")
    if all(is_ordinary_word(ts.lows[k]) for k in range(i, end)):
        return False  # "Instalasi Gawat Darurat (IGD)" defines a term
    if end - i > 3:
        return False  # "Low Cost Green Car (LCGC)": a name with its initials is short
    initials = _name_initials(ts, i, end)
    return len(initials) >= 2 and (
        acr == initials or (len(acr) == len(initials) + 1 and acr[1:] == initials)
    )


def _capacity_role(ts: TokenStream, end: int, gaz: Gazetteer) -> RoleMatch | None:
    """The office after a name ending at ``end`` given with ``selaku`` or ``sebagai``
    (``AKBP Hari Brata selaku Kapolres Dumai``), else None (an office at a facility keeps
    the facility's name: :func:`_held_office`).
    """
    if end + 1 >= ts.n or ts.lows[end] not in ("selaku", "sebagai") or not ts.joined(end):
        return None
    role = match_role(ts, end + 1, gaz)
    if role is not None:
        return _held_office(ts, role, gaz)
    return _described_office(ts, end + 1) if ts.lows[end] == "selaku" else None


def _held_office(
    ts: TokenStream, role: RoleMatch, gaz: Gazetteer | None = None
) -> RoleMatch | None:
    """The office ``role`` read after its holder's name, or None when another name follows it
    (that name would be the office's holder).

    An office at a facility (``Kepala Stasiun Gambir``, ``General Manager Bandara Syamsudin
    Noor``) goes on with the facility's own name: the holder is already named before, so the
    name after the facility is part of the office, not a person.
    """
    after = read_name(ts, role.end)
    if after > role.end and ts.lows[role.end - 1] in ts.lex.street_heads:
        return _widened(ts, role, after)
    if gaz is not None:
        outfit = _outfit_closing(ts, role, gaz)
        if outfit is not None:
            return outfit
    return role if after == role.end else None


def _outfit_closing(ts: TokenStream, role: RoleMatch, gaz: Gazetteer) -> RoleMatch | None:
    """``role`` read on over the name after it when that name (and a place after it) closes
    the clause right after a bare office: ``kata Tom Smith, presiden Wrap Industries.``,
    ``ujar Hanta Yuda, Direktur Eksekutif Poltracking Indonesia.`` name the outfit of the holder
    already named, not another person. Else None."""
    after = read_name(ts, role.end)
    if after == role.end or role.end - role.start > 3 or role.orgs or role.places:
        return None
    end = after
    place = match_place(ts, end, gaz) if end < ts.n and ts.joined(end) else None
    if place is not None:
        end = place.end
    if end >= ts.n or ts.words[end] in (".", ";", "”", '"', ")"):
        return _widened(ts, role, end)
    return None


def _described_office(ts: TokenStream, j: int) -> RoleMatch | None:
    """An office described after ``selaku`` (``selaku manajer personal Martin``), up to the verb
    or the end of the clause: ``selaku`` ("in the capacity of") is said of a person, and a
    name inside the description is whom the office serves, not the one who holds it."""
    lex = ts.lex
    if j >= ts.n or ts.caps[j] or not lex.is_role_word(ts.lows[j]):
        return None
    e = j + 1
    while (
        e < ts.n
        and e - j < 8
        and ts.joined(e)
        and ts.words[e][:1].isalnum()
        and ts.lows[e] not in lex.reporting_verbs
        and ts.lows[e] not in lex.words["adverbs"]
        and ts.lows[e] not in _OFFICE_ENDS
    ):
        e += 1
    return RoleMatch(j, e, ts.surface(j, e), ts.lows[j])


def cue_person(
    ts: TokenStream, i: int, gaz: Gazetteer, *, end: int | None = None
) -> PersonMatch | None:
    """A bare name at ``i`` that speech, an age or a form of address marks as a person.

    ``end`` is ``read_name(ts, i)`` when the caller has it already.
    """
    if not ts.name_ok[i]:
        return None
    if end is None:
        end = read_name(ts, i)
    if end == i:
        return None
    lex, lows, words, n = ts.lex, ts.lows, ts.words, ts.n
    prev = lows[i - 1] if i > 0 else ""
    if prev not in lex.name_cues_before and (
        end == n or (lows[end] not in lex.name_cues_after and lows[end] not in STATEMENT_OPENERS)
    ):
        if end < n and words[end] == "." and _byline(ts, i, end):
            return _person_after(ts, i)  # "... di masa mendatang. Adi Prayitno.Direktur PPI"
        return None  # no word that gives one of the cues below stands before or after the name
    if (prev in _PLACE_PREPOSITIONS and ts.joined(i)) or (end < n and _YEAR.fullmatch(words[end])):
        return None  # "di Jabodetabek menyatakan", "pembalap MotoGP 2019": a place, a series
    address = lex.words["address"]
    cue = (
        prev in lex.verbs_after
        or prev in lex.verbs_passive
        or prev == "menurut"
        or prev in address
        or (prev in lex.person_cues and (not ts.caps[i - 1] or ts.sent[i - 1]))
        or (prev == "oleh" and i > 1 and lows[i - 2] in lex.verbs_passive)
    )
    k = end
    if not cue and k < n:
        if (
            words[k] == "("
            and k + 2 < n
            and words[k + 2] == ")"
            and (words[k + 1].isdigit() or _initials(ts, i, end, words[k + 1]))
        ):
            cue = True  # "Budi (45)", "Gunardi Wantjik (GW)"
        else:
            cue = speech_follows(ts, k)
    role = _capacity_role(ts, end, gaz)
    cue = cue or role is not None
    if not cue and end < n and words[end] == ",":  # degrees or an office after a comma
        suffixes, after = read_suffixes(ts, end)
        role = _apposition_role(ts, after, gaz)
        cue = role is not None or bool(suffixes) or _speaks_after_apposition(ts, end)
    if not cue:
        return None
    if prev in OUTFIT_CUES:
        # "pelatih Barcelona, Ernesto Valverde, memuji": the cue's outfit, then the person
        apposed = _apposed_person(ts, end)
        if apposed is not None:
            return apposed
    # the vetoes come after the cues: most capitalised words have no cue, and the tests above
    # are cheaper than reading the words as ordinary Indonesian
    if prev not in address and ts.weak_name(i, end):
        return None
    joiners = lex.words["joiners"]
    if end + 1 < n and lows[end] in joiners and ts.caps[end + 1]:
        return None  # part of an English name ("European Travel Information and ...")
    if prev in joiners:
        return None
    pm = _person_after(ts, i)
    if pm is None:
        return None
    if prev in OUTFIT_CUES and pm.name_end - pm.name_start >= 3 and not pm.title:
        pm = _outfit_split(ts, pm)  # "pelatih Liverpool Juergen Klopp"
    if role is None and pm.end < n:
        role = _apposition_role(ts, pm.end, gaz)
    if role is not None:
        pm.role_match = role
        pm.end = role.end
    return pm
