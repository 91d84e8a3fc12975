"""Pick the real news articles to be labelled by hand for the independent evaluation.

This script only CHOOSES articles; it never assigns a label. Every theme and tone
label in ``theme_labels.csv`` / ``tone_labels.csv`` was decided by a person reading
the article against the taxonomy definitions.

Selection, per dataset:
  1. Each eligible article is put in the first keyword stratum it matches, in this order:
       elec_sec   election words AND security/police words
       dial_sec   dialogue words AND security/police words
       dial       dialogue words only (includes seminars/"dialog" events: hard negatives)
       elec       election words only (election news without a security angle: hard negatives)
       sec        security/police words only (police news without elections: hard negatives)
       rest       none of the lists
  2. A fixed quota is drawn at random from each keyword stratum (all of it if smaller);
     any shortfall is added to the random part.
  3. A uniform random sample of all remaining eligible articles of the dataset
     ("random" stratum) is added; over the three datasets it is more than a third of the set.
  4. For the tone set, every full-text article (clickid, detik2025) of the theme set is
     used, plus extra random clickid articles drawn per coarse section (sport, celebrity,
     economy, regional/metro, other) so that tone is not judged on politics only.
  5. Stage 2 (added after the first 330 articles were labelled, because public_dialogue
     positives were scarce): every not-yet-selected full-text article whose TITLE matches a
     narrower dialogue list (``DIALOGUE_TITLE``), plus a further uniform random sample
     (``STAGE2_RANDOM``) so that random articles stay above a third of the whole set. Stage 2
     uses its own generator (``SEED_STAGE2``) so that the stage-1 output is unchanged.
  6. Stage 3, the held-out set (``--set holdout``, chosen before any rule was tuned on the
     errors of stages 1-2, and never used to tune one): articles not chosen by stages 1-2 or the
     tone set, in keyword strata built to hold security and dialogue candidates the earlier
     lists missed, plus a uniform random part. Strata, first match wins:
       s3_elec_sec     election words AND the stage-1 security words (left over from stage 1)
       s3_elec_secx    election words AND ``SECURITY_EXTRA`` (unrest, intelligence, troops,
                       calls for a cool, united electorate: words the stage-1 list lacked)
       s3_dial_title   the stage-2 title list (detik_pilkada was not part of stage 2)
       s3_dial_narrow  ``DIALOGUE_NARROW`` in title or body (someone hearing the public)
       s3_dial         the stage-1 dialogue words anywhere
     Quotas are in ``STAGE3_QUOTAS``; the generator is ``random.Random(SEED_STAGE3)``, so the
     other stages are unchanged.
     Stage 3b (still before any rule change; added because the first 200 held only 3
     public_dialogue positives): full-text articles not chosen so far whose title or first
     ~700 characters match ``DIALOGUE_LEAD`` (the exchange is the news, not a side remark),
     sampled per ``STAGE3B_QUOTAS`` with a random top-up, generator ``SEED_STAGE3B``.
  7. Stage 4, the second held-out set (``--set holdout2``, chosen and labelled before the second
     round of rule changes, and never used to tune one): articles chosen by no earlier stage (1, 2,
     tone, 3, 3b), first match wins:
       s4_elec_sec     election words AND any of the stage-1 security words, ``SECURITY_EXTRA`` or
                       ``SECURITY_WIDE`` (guarding, unity, tolerance, intimidation, threats,
                       violence, the apparatus, fear: what was left after stages 1 and 3)
       s4_dial_meet    ``DIALOGUE_MEET`` (an act of meeting or hearing the public) AND ``PUBLIC``
                       (a group of the public) in the title or the first ``MEET_CHARS`` characters
       s4_dial         the stage-1 dialogue words anywhere
     Quotas are in ``STAGE4_QUOTAS`` with a uniform random part; generator ``SEED_STAGE4``.
  8. Stage 5, the third held-out set (``--set holdout3``, chosen and labelled before the third
     round of rule changes, for issue #5): articles chosen by no earlier stage (1, 2, tone, 3, 3b,
     4 and the tone stages 2 and 3 of ``bench/sentiment_eval.py``) and not a copy (same title and
     body) of a chosen article under another id, first match wins:
       s5_elec_sec     an election word with a security word of any earlier list within
                       ``NEAR_CHARS`` characters of it (the election and its order in one passage)
       s5_dial_meet    ``DIALOGUE_MEET`` AND ``PUBLIC`` anywhere in the article (stage 4 asked for
                       both in the lead and used that pool up)
       s5_dial         the stage-1 dialogue words anywhere (mostly hard negatives: officials'
                       visits and meetings, seminars called "dialog", calls for dialogue)
     Quotas are in ``STAGE5_QUOTAS`` with a uniform random part; generator ``SEED_STAGE5``.

  9. Stage 6, the fourth held-out set (``--set holdout4``): the rest of the stage-5 pools, new to
     every earlier theme stage and to tone stages 1-7 (``STAGE6_QUOTAS``, ``SEED_STAGE6``).
 10. Stage 7, the fifth held-out set (``--set holdout5``): new to theme stages 1-6; the articles
     of the tone stages are eligible (labelled for tone only), because the keyword pools were
     otherwise empty (``STAGE7_QUOTAS``, ``SEED_STAGE7``).
 11. Stage 8, the sixth held-out set (``--set holdout6``): new to theme stages 1-7; every
     dialogue-word article stage 7 left in clickid (the only keyword pool not yet empty), with
     random parts from the three sets (``STAGE8_QUOTAS``, ``SEED_STAGE8``).

Eligibility: clickid and detik2025 articles need at least 300 characters of body text;
detik_pilkada rows need a headline. Randomness: ``random.Random(SEED)`` over ids sorted
as strings, so the output is the same on every run with the same input files.

Usage:
    python bench/data/select_for_labelling.py --corpora DIR
        [--set theme|tone|holdout|holdout2|holdout3|holdout4|holdout5|holdout6]

DIR is the folder that holds ``clickid-news-articles/``, ``detik-aspect-news-2025/`` and
``detik-pilkada-jateng-index/``. Output (stdout): CSV ``set,dataset,id,stratum``.
"""

from __future__ import annotations

import argparse
import csv
import functools
import os
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

SEED = 20241127
SEED_STAGE2 = 20241128
SEED_STAGE3 = 20250611
SEED_STAGE3B = 20250612
SEED_STAGE4 = 20250718
SEED_STAGE5 = 20261204
SEED_STAGE6 = 20261205
SEED_STAGE7 = 20261209
SEED_STAGE8 = 20261210


class _Folded:
    """A case-insensitive pattern matched on the lower-cased text: on these lower-case,
    ASCII keyword lists the same answers as ``re.I``, about three times faster on long
    articles (``re.I`` alternations defeat the regex engine's literal scans).

    ``found`` answers only whether the pattern occurs: the alternatives that are plain words are
    looked up as substrings (far faster than a regex alternation, which tries every branch at
    every position), the rest by the regex of those alternatives alone, and each text's answer
    is kept, since the stages ask about the same articles again.
    """

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._rx = re.compile(pattern)
        branches = _top_level_branches(pattern)
        self._plain = tuple(b for b in branches if re.fullmatch(r"[a-z0-9 ]+", b))
        rest = [b for b in branches if b not in self._plain]
        self._rest = re.compile("|".join(rest)) if rest else None
        # the words of bounded alternatives (``\btps\b``): the regex runs only on a text
        # holding one of them, unless an alternative with a group needs it anyway
        bounded = [re.fullmatch(r"(?:\\b)?([a-z0-9 ]+)(?:\\b)?", b) for b in rest]
        self._cores = tuple(m.group(1) for m in bounded if m) if all(bounded) else None
        self._found: dict[str, bool] = {}

    def found(self, text: str) -> bool:
        known = self._found.get(text)
        if known is None:
            low = text.lower()
            known = any(word in low for word in self._plain) or bool(
                self._rest is not None
                and (self._cores is None or any(word in low for word in self._cores))
                and self._rest.search(low)
            )
            self._found[text] = known
        return known

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self._rx.finditer(text.lower())


def _top_level_branches(pattern: str) -> list[str]:
    """The alternatives of ``pattern`` split at the bars outside any group."""
    branches, depth, start = [], 0, 0
    for i, char in enumerate(pattern):
        if char == "(" and (i == 0 or pattern[i - 1] != "\\"):
            depth += 1
        elif char == ")" and pattern[i - 1] != "\\":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
    branches.append(pattern[start:])
    return branches


ELECTION = _Folded(
    r"pilkada|pemilu|pilpres|pileg|pilgub|pilbup|pilwalkot|pilkades|kampanye|\btps\b|\bkpu|"
    r"bawaslu|panwas|paslon|caleg|capres|cawapres|cagub|cabup|cawalkot|pemungutan suara|"
    r"surat suara|rekapitulasi|coblos|quick count|hitung cepat"
)
SECURITY = _Folded(
    r"polisi|\bpolri|polres|polsek|polda|polresta|polrestabes|kapolr|kapolda|kapolsek|"
    r"kamtibmas|bhabinkamtibmas|brimob|\btni\b|kodim|korem|babinsa|pengamanan|keamanan|"
    r"ketertiban|kondusi|patroli|sispamkota|mantap praja|\brawan\b|kerawanan|ricuh|kericuhan|"
    r"bentrok|\baman\b|damai"
)
DIALOGUE = _Folded(
    r"curhat|dialog|audiensi|\breses\b|aspirasi|sambang|silaturahmi|silaturahim|temu warga|"
    r"tatap muka|keluhan warga|cooling system|musyawarah|forum warga|kunjungan kerja|blusukan|"
    r"ngopi bareng|minggu kasih"
)

DIALOGUE_TITLE = _Folded(
    r"aspirasi|audiensi|\breses\b|dialog|sambang|keluhan|keluhkan|dengar pendapat|silaturahmi|"
    r"silaturahim|tatap muka|temu warga|blusukan|\btemui\b|menemui|curhat warga|jumat curhat|"
    r"ngopi bareng|cooling system|kunjungan kerja|kunker"
)
STAGE2_RANDOM = {"clickid": 12, "detik2025": 10}

SECURITY_EXTRA = _Folded(
    r"rusuh|kerusuhan|tawuran|intelijen|\bbin\b|gangguan|konflik|ancaman|teror|provokasi|"
    r"polarisasi|perpecahan|adu domba|\bsejuk|\brukun|persatuan|guyub|linmas|personel|siaga|"
    r"gelar pasukan|pangdam|kodam|kapolri|bhayangkara|satpol|pengawal|unjuk rasa|geruduk|"
    r"sweeping|\bdemo\b|tertib"
)
DIALOGUE_NARROW = _Folded(
    r"menerima audiensi|audiensi dengan|\breses\b|aspirasi (?:warga|masyarakat)|"
    r"(?:serap|menyerap|jaring|menjaring|tampung|menampung) aspirasi|"
    r"mendengar(?:kan)? (?:keluhan|aspirasi|curhat)|curhat|sambang|"
    r"dialog (?:dengan|bersama) (?:warga|masyarakat|mahasiswa)|berdialog|"
    r"menemui (?:warga|massa|mahasiswa|perwakilan)|tatap muka|temu warga|keluh kesah"
)
DIALOGUE_LEAD = _Folded(
    r"audiensi|\breses\b|aspirasi|dialog|curhat|sambang|keluhan|silaturahmi|silaturahim|"
    r"tatap muka|temu warga|menemui|dengar pendapat"
)
LEAD_CHARS = 700
STAGE3B_QUOTAS = {
    "clickid": {"s3b_dial_lead": 50, "random": 8},
    "detik2025": {"s3b_dial_lead": 15, "random": 4},
}
# Stage 4: words of order and harm that neither earlier security list held (guarding, escorting,
# unity, tolerance, intimidation, threats, violence, the security apparatus, fear)
SECURITY_WIDE = _Folded(
    r"\b(?:jaga|menjaga|dijaga|penjagaan|kawal|mengawal|dikawal|bersatu|persatuan|kerukunan|"
    r"toleransi|intoleransi|intimidasi|mengintimidasi|diintimidasi|ancam|ancaman|mengancam|diancam|"
    r"kekerasan|teror|aparat|tni|tertib|konflik|ormas|preman|takut|ketakutan|diserang|penyerangan|"
    r"keributan|kegaduhan|ketegangan|aman|damai|kondusif)\b"
)
# Stage 4: an act of meeting or hearing the public, stated in the title or the lead
DIALOGUE_MEET = _Folded(
    r"\b(?:menerima (?:perwakilan|audiensi|kedatangan|aspirasi|delegasi)|audiensi|beraudiensi|"
    r"menemui|temui|bertemu (?:dengan )?(?:warga|masyarakat|mahasiswa|perwakilan|para|tokoh)|"
    r"berdialog|dialog (?:dengan|bersama)|tatap muka|bertatap muka|"
    r"(?:serap|menyerap|jaring|menjaring|tampung|menampung) aspirasi|"
    r"mendengar(?:kan)? (?:keluhan|aspirasi|curhat|masukan)|curhat|curhatan|"
    r"mengadu (?:ke|kepada)|reses|sambang|menyambangi warga|temu warga|dengar pendapat|"
    r"keluh kesah)\b"
)
PUBLIC = _Folded(
    r"\b(?:warga|masyarakat|mahasiswa|buruh|petani|nelayan|pedagang|tokoh|perwakilan|massa|guru|"
    r"honorer|pengemudi|ojol|pelajar|siswa|orang tua|korban|aliansi|koalisi|konstituen|pemuda|"
    r"santri|pekerja|karyawan|perangkat desa|kepala desa|elemen)\b"
)
MEET_CHARS = 800
STAGE4_STRATA = ["s4_elec_sec", "s4_dial_meet", "s4_dial"]
STAGE4_QUOTAS = {
    "detik_pilkada": {"s4_elec_sec": 40, "random": 30},
    "clickid": {"s4_elec_sec": 12, "s4_dial_meet": 70, "random": 30},
    "detik2025": {"s4_elec_sec": 6, "s4_dial_meet": 4, "s4_dial": 8, "random": 14},
}
# Stage 5: an election word and a security word this close (characters) count as one passage
NEAR_CHARS = 150
STAGE5_STRATA = ["s5_elec_sec", "s5_dial_meet", "s5_dial"]
STAGE5_QUOTAS = {
    "detik_pilkada": {"s5_elec_sec": 10, "random": 25},
    "clickid": {"s5_elec_sec": 10, "s5_dial_meet": 60, "s5_dial": 20, "random": 25},
    "detik2025": {"s5_elec_sec": 8, "s5_dial_meet": 5, "s5_dial": 2, "random": 10},
}
# Stage 6: the rest of the stage-5 pools (every article left with a meeting word and a group of
# the public), with a random part; drawn after stage 5 and every tone stage
STAGE6_STRATA = ["s6_elec_sec", "s6_dial_meet", "s6_dial"]
STAGE6_QUOTAS = {
    "detik_pilkada": {"s6_elec_sec": 10, "random": 10},
    "clickid": {"s6_elec_sec": 15, "s6_dial_meet": 130, "s6_dial": 15, "random": 20},
    "detik2025": {"s6_elec_sec": 5, "s6_dial_meet": 5, "s6_dial": 5, "random": 10},
}
# Stage 7: what the theme stages left of the stage-5 pools (every election-and-security article
# and every meeting-and-public article, a hundred dialogue-word articles), with a random part;
# the articles of the tone stages are eligible (they were never labelled for themes)
STAGE7_STRATA = ["s7_elec_sec", "s7_dial_meet", "s7_dial"]
STAGE7_QUOTAS = {
    "detik_pilkada": {"s7_elec_sec": 10, "random": 20},
    "clickid": {"s7_elec_sec": 30, "s7_dial_meet": 10, "s7_dial": 100, "random": 25},
    "detik2025": {"s7_elec_sec": 5, "s7_dial_meet": 5, "s7_dial": 5, "random": 15},
}
# Stage 8: every dialogue-word article stage 7 left in clickid (all 274; the other pools are empty),
# with random parts; tone-stage articles eligible as in stage 7
STAGE8_STRATA = ["s8_elec_sec", "s8_dial_meet", "s8_dial"]
STAGE8_QUOTAS = {
    "detik_pilkada": {"random": 30},
    "clickid": {"s8_dial": 274, "random": 20},
    "detik2025": {"random": 20},
}
STAGE3_STRATA = ["s3_elec_sec", "s3_elec_secx", "s3_dial_title", "s3_dial_narrow", "s3_dial"]
STAGE3_QUOTAS = {
    "detik_pilkada": {"s3_elec_secx": 40, "s3_dial_title": 15, "random": 25},
    "clickid": {
        "s3_elec_sec": 12,
        "s3_elec_secx": 10,
        "s3_dial_narrow": 25,
        "s3_dial": 12,
        "random": 25,
    },
    "detik2025": {"s3_elec_sec": 4, "s3_dial_narrow": 12, "s3_dial": 8, "random": 12},
}

STRATA = ["elec_sec", "dial_sec", "dial", "elec", "sec", "rest"]

# keyword-stratum quotas and random-sample size per dataset
QUOTAS = {
    "detik_pilkada": {
        "elec_sec": 45,
        "dial_sec": 10,
        "dial": 10,
        "elec": 20,
        "sec": 10,
        "random": 35,
    },
    "clickid": {"elec_sec": 30, "dial_sec": 20, "dial": 12, "elec": 10, "sec": 8, "random": 40},
    "detik2025": {"elec_sec": 12, "dial_sec": 14, "dial": 10, "elec": 8, "sec": 8, "random": 28},
}

# extra clickid articles for the tone set, by coarse section
TONE_EXTRA = {"sport": 10, "celebrity": 10, "economy": 8, "regional": 6, "other": 6}
SECTION_OF = {
    "sport": {"bola", "sports", "sport", "super skor"},
    "celebrity": {
        "selebriti",
        "celebrity",
        "seleb",
        "entertainment",
        "tv",
        "musik",
        "news & entertainment",
        "film",
    },
    "economy": {"bisnis", "ekbis", "economy", "money"},
    "regional": {"daerah", "regional", "metro"},
}
POLITICS_NEWS = {"news", "nasional", "berita utama"}


def load(corpora: str) -> dict[str, pd.DataFrame]:
    """Return one frame per dataset with columns id, text (for matching), section, eligible."""
    a = pd.read_csv(os.path.join(corpora, "clickid-news-articles", "clickid_articles_80.csv"))
    a = pd.DataFrame(
        {
            "id": a["article_id"].astype(str),
            "text": a["title"].fillna("") + " " + a["content"].fillna(""),
            "section": a["category"].fillna("").str.strip().str.lower(),
            "eligible": a["content"].fillna("").str.len() >= 300,
            "title": a["title"].fillna(""),
        }
    )
    b = pd.read_csv(os.path.join(corpora, "detik-aspect-news-2025", "data_berita.csv"))
    b = pd.DataFrame(
        {
            "id": b["id"].astype(str),
            "text": b["judul"].fillna("") + " " + b["isi_berita"].fillna(""),
            "section": b["aspek_target"].fillna(""),
            "eligible": b["isi_berita"].fillna("").str.len() >= 300,
            "title": b["judul"].fillna(""),
        }
    )
    c = pd.read_csv(os.path.join(corpora, "detik-pilkada-jateng-index", "pilkada_jawa_tengah.csv"))
    c = pd.DataFrame(
        {
            "id": c["Link"].astype(str),
            "text": c["Judul"].fillna("")
            + " "
            + c["Deskripsi"].fillna("")
            + " "
            + c["Kategori"].fillna(""),
            "section": "",
            "eligible": c["Judul"].fillna("").str.strip() != "",
            "title": c["Judul"].fillna(""),
        }
    )
    return {"detik_pilkada": c, "clickid": a, "detik2025": b}


def stratum(text: str) -> str:
    e, s, d = ELECTION.found(text), SECURITY.found(text), DIALOGUE.found(text)
    if e and s:
        return "elec_sec"
    if d and s:
        return "dial_sec"
    if d:
        return "dial"
    if e:
        return "elec"
    if s:
        return "sec"
    return "rest"


def coarse_section(section: str) -> str:
    for name, names in SECTION_OF.items():
        if section in names:
            return name
    return "politics" if section in POLITICS_NEWS else "other"


def select(frames: dict[str, pd.DataFrame], rng: random.Random) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    for ds, quota in QUOTAS.items():
        df = frames[ds]
        df = df[df["eligible"]]
        strata = {k: [] for k in STRATA}
        for i, t in zip(df["id"], df["text"], strict=False):
            strata[stratum(t)].append(i)
        chosen: list[tuple[str, str]] = []
        shortfall = 0
        for k in STRATA[:-1]:
            pool = sorted(strata[k])
            n = quota[k]
            take = rng.sample(pool, n) if len(pool) > n else pool
            shortfall += n - len(take)
            chosen += [(i, k) for i in sorted(take)]
        taken = {i for i, _ in chosen}
        rest = sorted(i for i in df["id"] if i not in taken)
        rnd = rng.sample(rest, quota["random"] + shortfall)
        chosen += [(i, "random") for i in sorted(rnd)]
        rows += [(ds, i, k) for i, k in chosen]
    return rows


def select_tone_extra(frames: dict[str, pd.DataFrame], theme_rows, rng: random.Random):
    df = frames["clickid"]
    df = df[df["eligible"]]
    used = {i for ds, i, _ in theme_rows if ds == "clickid"}
    out = []
    for sec, n in TONE_EXTRA.items():
        pool = sorted(
            i
            for i, s in zip(df["id"], df["section"], strict=False)
            if coarse_section(s) == sec and i not in used
        )
        out += [("clickid", i, "tone_" + sec) for i in sorted(rng.sample(pool, n))]
    return out


def select_stage2(frames: dict[str, pd.DataFrame], taken_rows, rng: random.Random):
    """Full-text articles whose title matches DIALOGUE_TITLE, plus a random top-up."""
    taken = {(ds, i) for ds, i, _ in taken_rows}
    out = []
    for ds, n_random in STAGE2_RANDOM.items():
        df = frames[ds]
        df = df[df["eligible"]]
        free = [(i, t) for i, t in zip(df["id"], df["title"], strict=False) if (ds, i) not in taken]
        cand = sorted(i for i, t in free if DIALOGUE_TITLE.found(t))
        out += [(ds, i, "stage2_dial_title") for i in cand]
        rest = sorted(i for i, _ in free if i not in set(cand))
        out += [(ds, i, "stage2_random") for i in sorted(rng.sample(rest, n_random))]
    return out


def stratum3(text: str, title: str) -> str | None:
    """The stage-3 keyword stratum of an article (None: random part only)."""
    election = ELECTION.found(text)
    if election and SECURITY.found(text):
        return "s3_elec_sec"
    if election and SECURITY_EXTRA.found(text):
        return "s3_elec_secx"
    if DIALOGUE_TITLE.found(title):
        return "s3_dial_title"
    if DIALOGUE_NARROW.found(text):
        return "s3_dial_narrow"
    if DIALOGUE.found(text):
        return "s3_dial"
    return None


def _select_strata(
    frames: dict[str, pd.DataFrame],
    taken_rows,
    rng: random.Random,
    quotas: dict[str, dict[str, int]],
    strata_names,
    stratum,
    random_label: str,
):
    """Per dataset: ``quotas`` articles from each keyword stratum (``stratum(text, title)``), all
    of a stratum when smaller, the shortfall added to a uniform random part of the rest."""
    taken = {(ds, i) for ds, i, _ in taken_rows}
    out = []
    for ds, quota in quotas.items():
        df = frames[ds]
        df = df[df["eligible"]]
        strata: dict[str, list[str]] = {k: [] for k in strata_names}
        free = []
        for i, t, title in zip(df["id"], df["text"], df["title"], strict=False):
            if (ds, i) in taken:
                continue
            free.append(i)
            k = stratum(t, title)
            if k is not None:
                strata[k].append(i)
        chosen: list[tuple[str, str]] = []
        shortfall = 0
        for k in strata_names:
            n = quota.get(k, 0)
            pool = sorted(strata[k])
            take = rng.sample(pool, n) if len(pool) > n else pool
            shortfall += n - len(take)
            chosen += [(i, k) for i in sorted(take)]
        used = {i for i, _ in chosen}
        rest = sorted(i for i in free if i not in used)
        chosen += [(i, random_label) for i in sorted(rng.sample(rest, quota["random"] + shortfall))]
        out += [(ds, i, k) for i, k in chosen]
    return out


def select_stage3(frames: dict[str, pd.DataFrame], taken_rows, rng: random.Random):
    """The held-out set: keyword strata from STAGE3_QUOTAS, then a uniform random part."""
    return _select_strata(
        frames, taken_rows, rng, STAGE3_QUOTAS, STAGE3_STRATA, stratum3, "s3_random"
    )


def select_stage3b(frames: dict[str, pd.DataFrame], taken_rows, rng: random.Random):
    """Dialogue words in the title or lead (``DIALOGUE_LEAD``), then a uniform random part."""
    taken = {(ds, i) for ds, i, _ in taken_rows}
    out = []
    for ds, quota in STAGE3B_QUOTAS.items():
        df = frames[ds]
        df = df[df["eligible"]]
        free = [(i, t) for i, t in zip(df["id"], df["text"], strict=False) if (ds, i) not in taken]
        pool = sorted(i for i, t in free if DIALOGUE_LEAD.found(t[:LEAD_CHARS]))
        n = quota["s3b_dial_lead"]
        take = sorted(rng.sample(pool, n)) if len(pool) > n else pool
        rest = sorted(i for i, _ in free if i not in set(take))
        rnd = rng.sample(rest, quota["random"] + n - len(take))
        out += [(ds, i, "s3b_dial_lead") for i in take]
        out += [(ds, i, "s3b_random") for i in sorted(rnd)]
    return out


def stratum4(text: str, title: str) -> str | None:
    """The stage-4 keyword stratum of an article (None: random part only)."""
    if ELECTION.found(text) and (
        SECURITY.found(text) or SECURITY_EXTRA.found(text) or SECURITY_WIDE.found(text)
    ):
        return "s4_elec_sec"
    lead = f"{title} {text[:MEET_CHARS]}"
    if DIALOGUE_MEET.found(lead) and PUBLIC.found(lead):
        return "s4_dial_meet"
    if DIALOGUE.found(text):
        return "s4_dial"
    return None


def select_stage4(frames: dict[str, pd.DataFrame], taken_rows, rng: random.Random):
    """The second held-out set: STAGE4_QUOTAS from the stage-4 strata, then a random part."""
    return _select_strata(
        frames, taken_rows, rng, STAGE4_QUOTAS, STAGE4_STRATA, stratum4, "s4_random"
    )


def _any_security(text: str) -> bool:
    return SECURITY.found(text) or SECURITY_EXTRA.found(text) or SECURITY_WIDE.found(text)


_STRATA5: dict[str, str | None] = {}


def stratum5(text: str, title: str) -> str | None:
    """The stage-5 keyword stratum of an article (None: random part only); the later stages
    ask again for the same texts, so the answers are kept (by text)."""
    if text not in _STRATA5:
        _STRATA5[text] = _stratum5(text)
    return _STRATA5[text]


def _stratum5(text: str) -> str | None:
    for m in ELECTION.finditer(text):
        if _any_security(text[max(0, m.start() - NEAR_CHARS) : m.end() + NEAR_CHARS]):
            return "s5_elec_sec"
    if DIALOGUE_MEET.found(text) and PUBLIC.found(text):
        return "s5_dial_meet"
    if DIALOGUE.found(text):
        return "s5_dial"
    return None


def _sentiment_eval():
    """``bench/sentiment_eval.py`` as a module (one copy per process)."""
    module = sys.modules.get("sentiment_eval")
    if module is None:
        import importlib.util

        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sentiment_eval.py")
        spec = importlib.util.spec_from_file_location("sentiment_eval", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["sentiment_eval"] = module  # one copy, so its memos are shared
        spec.loader.exec_module(module)
    return module


def _tone_stages(corpora: str) -> list[tuple[str, str, str]]:
    """The tone stages 2 and 3 chosen in ``bench/sentiment_eval.py``."""
    stages = _sentiment_eval().tone_stages(Path(corpora))
    return stages[2] + stages[3]


def _later_tone_stages(corpora: str, last: int) -> list[tuple[str, str, str]]:
    """The tone stages 4 to ``last`` chosen in ``bench/sentiment_eval.py``."""
    module = _sentiment_eval()
    rows = []
    for k in module.LATER_TONE_STAGES:
        if k <= last:
            rows += module.select_later_tone_stage(Path(corpora), k)
    return rows


def _fresh(frames: dict[str, pd.DataFrame], taken_rows) -> dict[str, pd.DataFrame]:
    """The frames without repeated texts and without the texts of the chosen articles."""
    taken = {(ds, i) for ds, i, _ in taken_rows}
    fresh = {}
    for ds, df in frames.items():
        seen = {t for i, t in zip(df["id"], df["text"], strict=True) if (ds, i) in taken}
        first = ~df["text"].duplicated()
        keep = [ok and t not in seen for t, ok in zip(df["text"], first, strict=True)]
        fresh[ds] = df[keep]
    return fresh


def select_stage5(frames: dict[str, pd.DataFrame], taken_rows, rng: random.Random):
    """The third held-out set: STAGE5_QUOTAS from the stage-5 strata, then a random part.

    Besides the chosen ids, an article whose text is that of a chosen article is left out.
    """
    return _select_strata(
        _fresh(frames, taken_rows),
        taken_rows,
        rng,
        STAGE5_QUOTAS,
        STAGE5_STRATA,
        stratum5,
        "s5_random",
    )


def _renamed_stratum5(prefix: str):
    """The stage-5 strata under a later stage's name (``s6_dial_meet``, ``s7_dial``, ...)."""

    def stratum(text: str, title: str) -> str | None:
        k = stratum5(text, title)
        return None if k is None else prefix + k[2:]

    return stratum


def _select_like_stage5(
    frames: dict[str, pd.DataFrame], taken_rows, rng: random.Random, quotas, strata, prefix: str
):
    """A later held-out set drawn like stage 5: ``quotas`` from its strata, then a random part
    (texts of chosen articles left out, as in stage 5)."""
    return _select_strata(
        _fresh(frames, taken_rows),
        taken_rows,
        rng,
        quotas,
        strata,
        _renamed_stratum5(prefix),
        f"{prefix}_random",
    )


def select_stage6(frames: dict[str, pd.DataFrame], taken_rows, rng: random.Random):
    """The fourth held-out set: STAGE6_QUOTAS from the stage-6 strata, then a random part."""
    return _select_like_stage5(frames, taken_rows, rng, STAGE6_QUOTAS, STAGE6_STRATA, "s6")


def select_stage7(frames: dict[str, pd.DataFrame], taken_rows, rng: random.Random):
    """The fifth held-out set: STAGE7_QUOTAS from the stage-7 strata, then a random part."""
    return _select_like_stage5(frames, taken_rows, rng, STAGE7_QUOTAS, STAGE7_STRATA, "s7")


def select_stage8(frames: dict[str, pd.DataFrame], taken_rows, rng: random.Random):
    """The sixth held-out set: STAGE8_QUOTAS from the stage-8 strata, then a random part."""
    return _select_like_stage5(frames, taken_rows, rng, STAGE8_QUOTAS, STAGE8_STRATA, "s8")


@functools.cache
def frames_of(corpora: str) -> dict[str, pd.DataFrame]:
    """:func:`load`, once per process (the stage functions only read the frames)."""
    return load(corpora)


@functools.cache
def theme_stages(corpora: str) -> dict[str, list[tuple[str, str, str]]]:
    """The articles chosen by theme stages 1-4 and the tone extras, once per process.

    Keys: ``theme`` (stage 1), ``tone_extra``, ``stage2``, ``stage3``, ``stage3b``, ``stage4``;
    each stage excludes everything chosen before it, in this order.
    """
    frames = frames_of(corpora)
    rng = random.Random(SEED)
    theme = select(frames, rng)
    extra = select_tone_extra(frames, theme, rng)
    stage2 = select_stage2(frames, theme + extra, random.Random(SEED_STAGE2))
    taken = theme + extra + stage2
    stage3 = select_stage3(frames, taken, random.Random(SEED_STAGE3))
    stage3b = select_stage3b(frames, taken + stage3, random.Random(SEED_STAGE3B))
    stage4 = select_stage4(frames, taken + stage3 + stage3b, random.Random(SEED_STAGE4))
    return {
        "theme": theme,
        "tone_extra": extra,
        "stage2": stage2,
        "stage3": stage3,
        "stage3b": stage3b,
        "stage4": stage4,
    }


@functools.cache
def theme_stage5(corpora: str) -> list[tuple[str, str, str]]:
    """The third held-out set (stage 5), once per process: new to every earlier stage, the tone
    stages 2 and 3 included."""
    c = theme_stages(corpora)
    taken = c["theme"] + c["tone_extra"] + c["stage2"] + c["stage3"] + c["stage3b"] + c["stage4"]
    taken += _tone_stages(corpora)
    return select_stage5(frames_of(corpora), taken, random.Random(SEED_STAGE5))


@functools.cache
def theme_stage6(corpora: str) -> list[tuple[str, str, str]]:
    """The fourth held-out set (stage 6), once per process: new to every earlier theme stage
    and to every tone stage (1 to 7)."""
    c = theme_stages(corpora)
    taken = c["theme"] + c["tone_extra"] + c["stage2"] + c["stage3"] + c["stage3b"] + c["stage4"]
    # the tone stages that existed when it was drawn (stage 8 came later)
    taken += _tone_stages(corpora) + theme_stage5(corpora) + _later_tone_stages(corpora, 7)
    return select_stage6(frames_of(corpora), taken, random.Random(SEED_STAGE6))


@functools.cache
def theme_stage7(corpora: str) -> list[tuple[str, str, str]]:
    """The fifth held-out set (stage 7), once per process: new to every earlier theme stage (1 to
    6). Articles of the tone stages may be chosen: they were labelled for tone only."""
    c = theme_stages(corpora)
    taken = c["theme"] + c["stage2"] + c["stage3"] + c["stage3b"] + c["stage4"]
    taken += theme_stage5(corpora) + theme_stage6(corpora)
    return select_stage7(frames_of(corpora), taken, random.Random(SEED_STAGE7))


@functools.cache
def theme_stage8(corpora: str) -> list[tuple[str, str, str]]:
    """The sixth held-out set (stage 8), once per process: new to every earlier theme stage (1 to
    7); articles of the tone stages may be chosen, as in stage 7."""
    c = theme_stages(corpora)
    taken = c["theme"] + c["stage2"] + c["stage3"] + c["stage3b"] + c["stage4"]
    taken += theme_stage5(corpora) + theme_stage6(corpora) + theme_stage7(corpora)
    return select_stage8(frames_of(corpora), taken, random.Random(SEED_STAGE8))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", required=True, help="folder holding the three corpus folders")
    ap.add_argument(
        "--set",
        choices=[
            "theme",
            "tone",
            "holdout",
            "holdout2",
            "holdout3",
            "holdout4",
            "holdout5",
            "holdout6",
        ],
        default="theme",
    )
    args = ap.parse_args(argv)
    c = theme_stages(args.corpora)
    if args.set == "theme":
        rows = c["theme"] + c["stage2"]
    elif args.set == "holdout":
        rows = c["stage3"] + c["stage3b"]
    elif args.set == "holdout2":
        rows = c["stage4"]
    elif args.set == "holdout3":
        rows = theme_stage5(args.corpora)
    elif args.set == "holdout4":
        rows = theme_stage6(args.corpora)
    elif args.set == "holdout5":
        rows = theme_stage7(args.corpora)
    elif args.set == "holdout6":
        rows = theme_stage8(args.corpora)
    else:
        rows = [r for r in c["theme"] if r[0] != "detik_pilkada"] + c["tone_extra"] + c["stage2"]
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["set", "dataset", "id", "stratum"])
    for ds, i, k in rows:
        w.writerow([args.set, ds, i, k])
    return 0


if __name__ == "__main__":
    sys.exit(main())
