"""Evaluate actor extraction on the detik 2025 news corpus (``detik-aspect-news-2025``).

Recall: the corpus lists, per article, stakeholder entities as JSON (``government``, ``industry``,
``society``, ``experts``, ``other``). An entry is *evaluable* when it names a person or an
organisation that the article text contains:

- parenthesised notes are taken off (``"Nikita Mirzani (Tersangka)"`` -> ``"Nikita Mirzani"``);
  an upper-case note is kept as an alias (``"Badan Pusat Statistik (BPS)"`` -> alias ``BPS``);
- generic groups are left out: entries whose first word is a group noun (``Masyarakat``,
  ``Warga``, ``Petani``, ``Korban`` ...), and entries made only of office words and words that
  the article itself writes in lower case (``"Pengelola dapur"``, ``"Nasabah"``): they name a
  kind of people, not a person or an organisation;
- places are left out (an entry that is wholly a province, regency/city or country name);
- the entry, its alias, or its name part after leading office words (``"Menteri Dalam Negeri
  Tito Karnavian"`` -> ``"Tito Karnavian"``) must occur in the text (case-insensitive, whole
  words); annotators' paraphrases that the text never says cannot be extracted.

An evaluable entry is *found* when an extracted person or organisation matches it after
normalisation (lower case, punctuation and ``PT``/``Tbk`` dropped): the extracted name (or alias,
or role + name) equals the entry, or one is a contiguous word sequence of the other and the shared
part has a word that is not an office word (so ``"Tito Karnavian"`` matches ``"Menteri Dalam Negeri
Tito Karnavian"`` and ``"BPS"`` matches ``"Badan Pusat Statistik (BPS)"``, but ``"Kementerian"``
alone matches nothing).

Precision: a seeded random sample (``--sample 120 --seed 4242``) of extracted persons and
organisations, each judged by reading its article, is kept in
``bench/data/actor_precision_sample.csv`` (article id, extracted name, type, correct 0/1; no
article text). Judging rules: correct when the extracted actor really is a person (for a person)
or an organisation (for an organisation) named in the text; a name that is incomplete but still
points at that actor counts as correct (``Pemerintah Kota`` for "Pemerintah Kota (Pemkot)
Surabaya", a person given only by initial, ``S (17)``); a wrong type (a programme, an event, a
place or a regulation read as a person or organisation) or a name with foreign words glued on
counts as wrong. The script checks that every judged actor is still extracted by the current
code and says how many are stale. ``--sample N`` prints a fresh sample with context for judging.

Article bodies go through ``media_analytics.preprocessing.clean_article`` first (boilerplate
lines such as ``Simak juga Video ...`` and ``SCROLL TO CONTINUE WITH CONTENT`` removed), as in
the scoring pipeline; the gold check for "occurs in the text" uses the cleaned body too.

Run: ``python bench/actors_eval.py`` (add ``--timing`` for speed, ``--misses N`` to list misses).
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from media_analytics.actors import Actor, extract_actors, extract_quotes, normalize_name
from media_analytics.actors.lexicon import get_lexicon
from media_analytics.actors.regions import get_gazetteer

logger = logging.getLogger("actors_eval")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "detik-aspect-news-2025" / "data_berita.csv"
SAMPLE_CSV = ROOT / "bench" / "data" / "actor_precision_sample.csv"
PEOPLE_CSV = ROOT / "bench" / "data" / "person_precision_clickid.csv"
CLICKID = ROOT.parent / "shared" / "corpora" / "clickid-news-articles" / "clickid_articles_80.csv"
PILKADA = (
    ROOT.parent / "shared" / "corpora" / "detik-pilkada-jateng-index" / "pilkada_jawa_tengah.csv"
)
GIVEN_CSV = ROOT / "bench" / "data" / "given_name_persons.csv"
# the four candidates of the 2024 Central Java governor's race, by the words the leads name them
# with (the full name, the short form, the nickname)
_CANDIDATES = {
    "Ahmad Luthfi": ("Luthfi",),
    "Taj Yasin": ("Yasin",),
    "Andika Perkasa": ("Andika",),
    "Hendrar Prihadi": ("Hendrar", "Hendi"),
}

_GROUPS = frozenset(
    [
        "masyarakat",
        "warga",
        "petani",
        "nelayan",
        "keluarga",
        "korban",
        "pelaku",
        "tersangka",
        "terdakwa",
        "saksi",
        "siswa",
        "murid",
        "guru",
        "buruh",
        "pekerja",
        "pegawai",
        "petugas",
        "penumpang",
        "wisatawan",
        "demonstran",
        "orang",
        "rakyat",
        "publik",
        "pedagang",
        "pengusaha",
        "konsumen",
        "pengguna",
        "pengendara",
        "mahasiswa",
        "pelajar",
        "anak",
        "ibu",
        "bapak",
        "balita",
        "lansia",
        "peserta",
        "pendukung",
        "relawan",
        "netizen",
        "warganet",
        "investor",
        "eksportir",
        "importir",
        "produsen",
        "kepala",
        "daerah",
        "pemerintah",
        "negara",
        "industri",
        "asosiasi",
        "perusahaan",
        "umat",
        "jemaah",
        "jamaah",
        "ahli",
        "pengamat",
        "ekonom",
        "anggota",
        "pasangan",
        "generasi",
        "gen",
        "kelompok",
        "komunitas",
        "pihak",
        "tim",
    ]
)
_PAREN = re.compile(r"\(([^)]*)\)")
_STRIP_ORG = re.compile(r"^(?:pt|cv)\s+|\s+(?:persero|tbk)$")


def _norm(s: str) -> tuple[str, ...]:
    return tuple(_STRIP_ORG.sub("", normalize_name(s)).split())


def _office_word(tok: str) -> bool:
    lex = get_lexicon()
    return (
        tok in lex.institution
        or (tok,) in lex.role_heads
        or (tok,) in lex.role_modifiers
        or (tok,) in lex.ranks
        or tok in lex.common
        or tok in _GROUPS
    )


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return n > 0 and any(big[k : k + n] == small for k in range(len(big) - n + 1))


class GoldEntry:
    """One evaluable entity from the corpus: its forms and whether the text says it."""

    def __init__(self, raw: str, category: str) -> None:
        self.raw = raw
        self.category = category
        notes = _PAREN.findall(raw)
        core = " ".join(_PAREN.sub(" ", raw).split())
        self.core = core
        self.alias = next(
            (n.strip() for n in notes if n.strip().isupper() and len(n.strip()) > 1), None
        )
        toks = _norm(core)
        k = 0
        while k < len(toks) - 1 and _office_word(toks[k]):
            k += 1
        self.tokens = toks
        self.name_part = toks[k:]

    def forms(self) -> list[tuple[str, ...]]:
        out = [self.tokens, self.name_part]
        if self.alias:
            out.append(_norm(self.alias))
        return [f for f in out if f]

    def generic(self, lower_vocab: frozenset[str] = frozenset()) -> bool:
        if (
            not self.tokens
            or self.tokens[0][:1].isdigit()
            or (self.tokens[0] in _GROUPS and not self.alias)
        ):
            return True
        if self.alias and self.alias.lower() not in lower_vocab:
            return False
        return all(_office_word(t) or t in lower_vocab for t in self.tokens)

    def is_place(self) -> bool:
        gaz, lex = get_gazetteer(), get_lexicon()
        words = tuple(self.core.split())
        return bool(gaz.lookup(self.tokens)) or words in lex.countries

    def in_text(self, text_norm: str) -> bool:
        return any(f" {' '.join(f)} " in text_norm for f in self.forms())


def _actor_forms(a: Actor) -> list[tuple[str, ...]]:
    forms = [_norm(a.name)] + [_norm(x) for x in a.aliases]
    if a.role:
        forms.append(_norm(f"{a.role} {a.name}"))
    return [f for f in forms if f]


def matches(gold: GoldEntry, actor: Actor) -> bool:
    """Whether an extracted actor matches a gold entry (see the module docstring)."""
    for g in gold.forms():
        for f in _actor_forms(actor):
            if f == g:
                return True
            shared = f if _contains(g, f) else g if _contains(f, g) else None
            if shared and not all(_office_word(t) for t in shared):
                return True
    return False


def _cleaner() -> Callable[[str], str]:
    """The project's article cleaner when it is importable, else the raw text unchanged."""
    try:
        from media_analytics.preprocessing import clean_article
    except ImportError:  # pragma: no cover - preprocessing not installed
        logger.warning("media_analytics.preprocessing not importable: evaluating raw text")
        return lambda t: t
    return lambda t: clean_article(t).text


def load(path: Path) -> pd.DataFrame:
    """Articles with cleaned bodies (boilerplate such as "Simak juga Video ..." removed)."""
    df = pd.read_csv(path, dtype={"id": str})
    df = df[["id", "isi_berita", "entity"]].rename(columns={"isi_berita": "text"})
    clean = _cleaner()
    df["text"] = [clean(str(t)) for t in df["text"]]
    return df


def evaluate(df: pd.DataFrame, misses: int = 0) -> dict[str, float]:
    """Recall over evaluable gold entries; counts of what was left out and why."""
    counts = {"entries": 0, "generic": 0, "place": 0, "not_in_text": 0, "evaluable": 0, "found": 0}
    missed: list[tuple[str, str]] = []
    extracted = 0
    for row in df.itertuples(index=False):
        text = str(row.text)
        actors = [a for a in extract_actors(text) if a.type != "place"]
        extracted += len(actors)
        text_norm = f" {' '.join(_norm(text))} "
        lower_vocab = frozenset(w for w in re.findall(r"\w+", text) if w.islower())
        for category, names in json.loads(row.entity).items():
            for raw in names:
                counts["entries"] += 1
                g = GoldEntry(raw, category)
                if g.generic(lower_vocab):
                    counts["generic"] += 1
                elif g.is_place():
                    counts["place"] += 1
                elif not g.in_text(text_norm):
                    counts["not_in_text"] += 1
                else:
                    counts["evaluable"] += 1
                    if any(matches(g, a) for a in actors):
                        counts["found"] += 1
                    else:
                        missed.append((row.id, raw))
    recall = counts["found"] / max(counts["evaluable"], 1)
    print(f"articles: {len(df)}  extracted persons/orgs: {extracted}")
    print("gold entries: " + ", ".join(f"{k}={v}" for k, v in counts.items()))
    print(f"recall: {recall:.3f} ({counts['found']}/{counts['evaluable']})")
    if misses:
        random.Random(1).shuffle(missed)
        for aid, raw in missed[:misses]:
            print(f"  miss [{aid}] {raw}")
    return {"recall": recall, **{k: float(v) for k, v in counts.items()}}


def precision_from_sample(path: Path, df: pd.DataFrame) -> float | None:
    """Precision from the judged sample file, or None when it is missing.

    Also reports how many judged actors the current code no longer extracts (a stale sample
    must be judged again).
    """
    if not path.exists():
        return None
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    if not rows:
        return None
    texts = dict(zip(df["id"], df["text"], strict=True))
    stale = 0
    for r in rows:
        found = {(a.name, a.type) for a in extract_actors(texts.get(r["article_id"], ""))}
        stale += (r["extracted_name"], r["type"]) not in found
    if stale:
        logger.warning(
            "%d of %d judged actors are no longer extracted: judge again", stale, len(rows)
        )
    correct = sum(int(r["correct"]) for r in rows)
    by_type: dict[str, list[int]] = {}
    for r in rows:
        by_type.setdefault(r["type"], []).append(int(r["correct"]))
    detail = ", ".join(f"{t}: {sum(v)}/{len(v)}" for t, v in sorted(by_type.items()))
    print(f"precision (judged sample of {len(rows)}): {correct / len(rows):.3f}  [{detail}]")
    return correct / len(rows)


def people_precision(path: Path = PEOPLE_CSV, clickid: Path = CLICKID) -> None:
    """Judged precision of person names on held-out CLICK-ID articles (see LABELS.md).

    Each sample draws 150 extracted persons at random from the extractor before a change and 150
    from it after, judged together without knowing which was which. Prints the precision of
    each, and how many of the judged names the current code still extracts.
    """
    from media_analytics.actors import extract_actors

    judged = pd.read_csv(path, dtype=str, keep_default_na=False)
    for (sample, side), rows in judged.groupby(["sample", "drawn_from"], sort=False):
        ok = rows["correct"].astype(int)
        print(
            f"{sample} {side:6s}: {ok.sum()}/{len(ok)} = {ok.mean():.3f} "
            f"(wrong: {', '.join(rows.loc[ok == 0, 'name'].head(8))}, ...)"
        )
    if not clickid.exists():
        print(f"{clickid} not found: the check against the current code is skipped")
        return
    ids = set(judged["article_id"])
    texts = {}
    with open(clickid, newline="", encoding="utf-8") as f:
        csv.field_size_limit(1 << 30)
        for row in csv.DictReader(f):
            if row["article_id"] in ids:
                texts[row["article_id"]] = _cleaner()(row["content"])
    names = {
        aid: {a.name for a in extract_actors(text) if a.type == "person"}
        for aid, text in texts.items()
    }

    def fuller(article: str, name: str) -> bool:  # "Simon McMenemy" for a judged "Simon"
        words = set(name.split())
        return any(words < set(other.split()) for other in names.get(article, set()))

    for (sample, side), rows in judged.groupby(["sample", "drawn_from"], sort=False):
        pairs = list(zip(rows["article_id"], rows["name"], strict=True))
        exact = [n in names.get(a, set()) for a, n in pairs]
        longer = [not e and fuller(a, n) for e, (a, n) in zip(exact, pairs, strict=True)]
        kept = rows[[e or f for e, f in zip(exact, longer, strict=True)]]
        ok = kept["correct"].astype(int)
        print(
            f"{sample} {side:6s}: still extracted now {len(kept)}/{len(rows)} "
            f"(right {ok.sum()}, wrong {len(ok) - ok.sum()}; {sum(longer)} of them under a "
            "fuller name)"
        )


def draw_people(start: int, end: int, n: int, seed: int, clickid: Path = CLICKID) -> None:
    """Print ``n`` persons drawn at random (``seed``) from what the extractor returns on CLICK-ID
    articles ``start .. end-1`` (sorted by article id), with up to two mentions in context, for
    judging by reading (tab-separated: article id, name, contexts)."""
    from media_analytics.actors import extract_actors

    with open(clickid, newline="", encoding="utf-8") as f:
        csv.field_size_limit(1 << 30)
        rows = sorted(csv.DictReader(f), key=lambda r: r["article_id"])[start:end]
    clean = _cleaner()
    pool: list[tuple[str, str, str]] = []
    for row in rows:
        text = clean(row["content"])
        for a in extract_actors(text):
            if a.type == "person":
                spans = a.mentions[:2]
                ctx = " ~ ".join(text[max(0, s - 150) : e + 150] for s, e in spans)
                pool.append((row["article_id"], a.name, " ".join(ctx.split())))
    for aid, name, ctx in random.Random(seed).sample(pool, n):
        print(f"{aid}\t{name}\t{ctx}")


def print_sample(df: pd.DataFrame, n: int, seed: int) -> None:
    """Print a random sample of extracted persons/orgs with context, for judging by reading."""
    pool: list[tuple[str, Actor, str]] = []
    for row in df.itertuples(index=False):
        text = str(row.text)
        for a in extract_actors(text):
            if a.type == "place":
                continue
            s, e = a.mentions[0]
            ctx = text[max(0, s - 80) : e + 80].replace("\n", " ")
            pool.append((row.id, a, ctx))
    rng = random.Random(seed)
    for aid, a, ctx in rng.sample(pool, n):
        print(f"{aid}\t{a.name}\t{a.type}\t{a.title or ''}\t{a.role or ''}\t|| {ctx}")


def timing(df: pd.DataFrame, repeats: int = 3) -> None:
    """Time per article of actors + quotes: CPU time (what the code costs) and wall time.

    CPU time (``time.process_time``) is reported first because wall time on a shared machine
    also counts the time other processes held the cores. The best of ``repeats`` passes is kept.
    """
    texts = [str(t) for t in df["text"]]
    mid = [t for t in texts if 3000 <= len(t.encode("utf-8")) <= 5000]
    extract_actors(texts[0])  # load word lists and regions once

    def run(batch: list[str]) -> tuple[float, float]:
        cpu, wall = [], []
        for _ in range(repeats):
            c0, w0 = time.process_time(), time.perf_counter()
            for t in batch:
                extract_quotes(t, extract_actors(t))
            cpu.append((time.process_time() - c0) * 1000 / len(batch))
            wall.append((time.perf_counter() - w0) * 1000 / len(batch))
        return min(cpu), min(wall)

    cpu_all, wall_all = run(texts)
    cpu_mid, wall_mid = run(mid)
    print(
        f"time per article (actors + quotes), mean of best pass: all {len(texts)}: "
        f"CPU {cpu_all:.2f} ms, wall {wall_all:.2f} ms; 3-5 KB ({len(mid)}): "
        f"CPU {cpu_mid:.2f} ms, wall {wall_mid:.2f} ms"
    )


def leads(pilkada: Path = PILKADA, judged_path: Path = GIVEN_CSV) -> None:
    """Persons in short texts: the leads of the detik Pilkada index, which rarely give a name a
    cue (no office, no speech verb), and a judged sample of the persons found without one.

    For each candidate of the Central Java governor's race: the leads whose text names them
    (a whole word of :data:`_CANDIDATES`) and those where no extracted person's name holds that
    word. Then each judged person of ``bench/data/given_name_persons.csv`` (drawn at random from
    the persons that reading names without a cue added, over these leads, detik 2025 and CLICK-ID;
    judged correct when it is a person's name, whole or in part) is looked for again.
    """
    if not pilkada.exists():
        print(f"{pilkada} not found (it lives in ../shared/corpora)")
        return
    clean = _cleaner()
    index = pd.read_csv(pilkada, dtype=str, keep_default_na=False)
    bodies = [clean(t) for t in index["Deskripsi"]]
    persons = [
        [a.name for a in extract_actors(t) if a.type == "person"] if t.strip() else []
        for t in bodies
    ]
    print("| candidate | leads naming them | no person found with the name | share found |")
    print("|---|---:|---:|---:|")
    for name, words in _CANDIDATES.items():
        pattern = re.compile(r"\b(?:" + "|".join(words) + r")\b")
        naming = [k for k, t in enumerate(bodies) if pattern.search(t)]
        missed = [k for k in naming if not any(pattern.search(p) for p in persons[k])]
        share = 1 - len(missed) / len(naming) if naming else float("nan")
        print(f"| {name} | {len(naming)} | {len(missed)} | {share:.2f} |")
    judged = pd.read_csv(judged_path, dtype=str, keep_default_na=False)
    texts = {
        ("detik-pilkada-jateng-index", u): t for u, t in zip(index["Link"], bodies, strict=True)
    }
    wanted = set(zip(judged["corpus"], judged["id"], strict=True))
    if CORPUS.exists():
        detik = pd.read_csv(CORPUS, dtype=str, keep_default_na=False)
        for i, t in zip(detik["id"], detik["isi_berita"], strict=True):
            if ("detik-aspect-news-2025", i) in wanted:
                texts["detik-aspect-news-2025", i] = clean(t)
    if CLICKID.exists():
        with open(CLICKID, newline="", encoding="utf-8") as f:
            csv.field_size_limit(1 << 30)
            for row in csv.DictReader(f):
                if ("clickid-news-articles", row["article_id"]) in wanted:
                    texts["clickid-news-articles", row["article_id"]] = clean(row["content"])
    still = right = 0
    for row in judged.itertuples(index=False):
        text = texts.get((row.corpus, row.id))
        if text is None:
            continue
        if row.name in {a.name for a in extract_actors(text) if a.type == "person"}:
            still += 1
            right += int(row.correct)
    ok = judged["correct"].astype(int)
    print(
        f"judged persons found without a cue: {ok.sum()}/{len(ok)} right "
        f"(wrong: {', '.join(judged.loc[ok == 0, 'name'])}); "
        f"the current code still extracts {still} of them, {right} right"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--misses", type=int, default=0, help="list N missed gold entries")
    parser.add_argument("--sample", type=int, default=0, help="print N extracted actors to judge")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--timing", action="store_true")
    parser.add_argument(
        "--people", action="store_true", help="judged person precision on held-out CLICK-ID"
    )
    parser.add_argument(
        "--people-draw",
        nargs=2,
        type=int,
        metavar=("START", "END"),
        help="print --sample persons drawn (--seed) from CLICK-ID articles START..END-1, to judge",
    )
    parser.add_argument(
        "--leads",
        action="store_true",
        help="persons in the Pilkada index's leads, and the judged persons found without a cue",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.leads:
        leads()
        return 0
    if args.people:
        people_precision()
        return 0
    if args.people_draw:
        draw_people(*args.people_draw, args.sample or 150, args.seed)
        return 0
    if not args.corpus.exists():
        logger.error("corpus not found: %s (it lives in ../shared/corpora)", args.corpus)
        return 2
    df = load(args.corpus)
    if args.sample:
        print_sample(df, args.sample, args.seed)
        return 0
    evaluate(df, args.misses)
    precision_from_sample(SAMPLE_CSV, df)
    if args.timing:
        timing(df)
    return 0


if __name__ == "__main__":
    sys.exit(main())
