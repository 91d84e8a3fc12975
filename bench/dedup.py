"""Benchmark of duplicate detection on real CLICK-ID articles.

Two modes:

``quality``
    Takes real articles as originals (a fixed seed), screens out pairs that already
    overlap in the real data, and gives a third of them 1-4 syndicated copies. Every
    copy gets all of: word edits, an added "Baca juga: ..." line, a new headline, a
    changed dateline and its last 10-30% cut off. Copies are dated after their
    original, except one in five that claims to be up to an hour older (so the
    earliest-dated member is not always the real original). The rest of the originals
    stay unrelated. ``find_duplicates`` runs on the shuffled set; the script prints the
    pairwise precision and recall of the grouping and how often each group points to
    its earliest-dated member.

``stream``
    Streams resampled articles through ``DuplicateDetector.add`` and prints time and
    memory at checkpoints: the process's peak resident memory (``getrusage``), or with
    ``--tracemalloc`` the traced Python allocations (exact, but about three times
    slower). Each article is a rewrite
    of a random CLICK-ID article (15% of words replaced, sentences reordered), so
    articles are distinct; a share of them (``--copy-rate``) are syndicated copies,
    made as in ``quality``, of an article streamed shortly before.

Run from the repository root::

    python bench/dedup.py --mode quality
    python bench/dedup.py --mode stream --stream 100000

The data is read from ``../shared/corpora`` next to the repository (``--corpora``).
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from math import comb
from pathlib import Path

import numpy as np
from scipy import sparse

from media_analytics.corpus import Article, DuplicateDetector, load_clickid, normalize_for_dedup

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = REPO_ROOT.parent / "shared" / "corpora"
CLICKID = Path("clickid-news-articles") / "clickid_articles_80.csv"
CITIES = ["JAKARTA", "BANDUNG", "SURABAYA", "MEDAN", "MAKASSAR", "SEMARANG", "DENPASAR", "PADANG"]
OUTLETS = ["KOMPAS.com", "Okezone", "SINDOnews", "TRIBUNNEWS.COM", "detikcom", "Antara"]
MIN_WORDS = 50  # shorter items are captions and stubs, not stories
SCREEN_OVERLAP = 0.5  # originals overlapping another this much are dropped as real duplicates
OPENING_DATELINE = re.compile(r"^[^\n]{0,40}?\s[-–—]\s")


# --------------------------------------------------------------------------- perturbing


class Perturber:
    """Makes syndicated copies and rewrites of articles, reproducibly."""

    def __init__(self, rng: random.Random, vocabulary: list[str], titles: list[str]) -> None:
        self.rng = rng
        self.vocabulary = vocabulary
        self.titles = titles

    def edit_words(self, words: list[str], share: float) -> list[str]:
        words = list(words)
        for _ in range(max(1, round(share * len(words)))):
            i = self.rng.randrange(len(words))
            roll = self.rng.random()
            if roll < 0.6:
                words[i] = self.rng.choice(self.vocabulary)
            elif roll < 0.8 and len(words) > 1:
                del words[i]
            else:
                words.insert(i, self.rng.choice(self.vocabulary))
        return words

    def copy(self, article: Article, new_id: str, delay: timedelta) -> Article:
        """A syndicated copy: every perturbation applied."""
        body = OPENING_DATELINE.sub("", article.text, count=1)
        words = self.edit_words(body.split(), self.rng.uniform(0.01, 0.03))
        words = words[: max(1, int(len(words) * (1 - self.rng.uniform(0.10, 0.30))))]
        cut = self.rng.randrange(len(words) + 1)
        related = f"Baca juga: {self.rng.choice(self.titles)}"
        dateline = f"{self.rng.choice(CITIES)}, {self.rng.choice(OUTLETS)} - "
        text = dateline + " ".join(words[:cut]) + f"\n{related}\n" + " ".join(words[cut:])
        published = article.published_at + delay if article.published_at else None
        return replace(
            article, id=new_id, title=self.rng.choice(self.titles), text=text,
            published_at=published, url="", extra={},
        )  # fmt: skip

    def rewrite(self, article: Article, new_id: str) -> Article:
        """A distinct article on the same material: sentences reordered, 15% of words replaced."""
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", article.text) if s]
        self.rng.shuffle(sentences)
        words = " ".join(sentences).split()
        for i in self.rng.sample(range(len(words)), k=int(0.15 * len(words))):
            words[i] = self.rng.choice(self.vocabulary)
        return replace(article, id=new_id, text=" ".join(words), url="", extra={})


# ------------------------------------------------------------------------------ quality


def shingle_matrix(texts: list[str], k: int) -> sparse.csr_matrix:
    """Binary article x shingle matrix over normalised text (exact sets, no sketching)."""
    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for row, text in enumerate(texts):
        words = normalize_for_dedup(text).split()
        grams = {" ".join(words[i : i + k]) for i in range(max(1, len(words) - k + 1))}
        for gram in grams:
            rows.append(row)
            cols.append(vocabulary.setdefault(gram, len(vocabulary)))
    data = np.ones(len(rows), dtype=np.int32)
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(texts), len(vocabulary)))


def screen(candidates: list[Article], k: int) -> tuple[list[Article], int]:
    """Drop articles whose exact overlap with another candidate is >= SCREEN_OVERLAP."""
    matrix = shingle_matrix([a.text for a in candidates], k)
    sizes = np.asarray(matrix.sum(axis=1)).ravel()
    inter = (matrix @ matrix.T).tocoo()
    flagged: set[int] = set()
    for i, j, shared in zip(inter.row, inter.col, inter.data, strict=True):
        if i < j and shared / min(sizes[i], sizes[j]) >= SCREEN_OVERLAP:
            flagged.update((int(i), int(j)))
    return [a for n, a in enumerate(candidates) if n not in flagged], len(flagged)


def pair_scores(truth: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, int, int]:
    """Pairwise precision and recall of a grouping (labels: id -> group)."""
    cells = Counter((predicted[i], truth[i]) for i in truth)
    together = sum(comb(n, 2) for n in cells.values())
    predicted_pairs = sum(comb(n, 2) for n in Counter(predicted.values()).values())
    true_pairs = sum(comb(n, 2) for n in Counter(truth.values()).values())
    precision = together / predicted_pairs if predicted_pairs else 1.0
    recall = together / true_pairs if true_pairs else 1.0
    return precision, recall, predicted_pairs, true_pairs


def date_order(article: Article) -> tuple[bool, datetime, str]:
    """The library's rule: earliest date first (naive read as UTC), undated last, then id."""
    when = article.published_at or datetime.max.replace(tzinfo=timezone.utc)
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return article.published_at is None, when, article.id


def run_quality(pool: list[Article], args: argparse.Namespace, perturber: Perturber) -> bool:
    rng = perturber.rng
    candidates = rng.sample(pool, min(len(pool), int(args.originals * 1.15)))
    clean, dropped = screen(candidates, args.shingle_size)
    originals = clean[: args.originals]
    print(
        f"originals: {len(originals):,} real articles with >= {MIN_WORDS} words "
        f"({dropped} of {len(candidates):,} sampled were dropped: exact overlap >= "
        f"{SCREEN_OVERLAP} with another sampled article)"
    )
    articles: list[Article] = list(originals)
    truth = {a.id: a.id for a in originals}
    for original in rng.sample(originals, len(originals) // 3):
        for n in range(rng.randint(1, 4)):
            minutes = rng.uniform(-60, -1) if rng.random() < 0.2 else rng.uniform(5, 3 * 24 * 60)
            copy = perturber.copy(original, f"{original.id}~copy{n}", timedelta(minutes=minutes))
            articles.append(copy)
            truth[copy.id] = original.id
    rng.shuffle(articles)
    groups = Counter(truth.values())
    print(
        f"test set: {len(articles):,} articles, {sum(1 for n in groups.values() if n > 1):,} "
        f"groups with copies, {len(articles) - len(originals):,} copies"
    )
    detector = DuplicateDetector(threshold=args.threshold, shingle_size=args.shingle_size)
    started, cpu = time.perf_counter(), time.process_time()
    found = detector.find_duplicates(articles)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    predicted = {a.id: found.get(a.id, a.id) for a in articles}
    precision, recall, predicted_pairs, true_pairs = pair_scores(truth, predicted)
    print(
        f"find_duplicates: {elapsed:.1f} s wall, {cpu:.1f} s CPU "
        f"({len(articles) / cpu:,.0f} articles per CPU second)"
    )
    print(f"pairs: {true_pairs:,} true, {predicted_pairs:,} predicted")
    print(f"pairwise precision: {precision:.4f}")
    print(f"pairwise recall:    {recall:.4f}")

    by_id = {a.id: a for a in articles}
    members: dict[str, list[Article]] = {}
    for article_id, group in truth.items():
        members.setdefault(group, []).append(by_id[article_id])
    right = total = 0
    for group in members.values():
        if len(group) < 2:
            continue
        total += 1
        earliest = min(group, key=date_order).id
        right += all(predicted[a.id] == earliest for a in group)
    print(f"groups found whole and pointing to their earliest-dated member: {right}/{total}")
    ok = precision >= 0.95 and recall >= 0.95
    print("PASS" if ok else "FAIL", "(both must be >= 0.95)")
    return ok


# ------------------------------------------------------------------------------- stream


def stream_articles(
    pool: list[Article], count: int, copy_rate: float, perturber: Perturber
) -> Iterator[tuple[Article, bool]]:
    """Yield (article, is_copy) pairs: rewrites of pool articles and copies of recent ones."""
    rng = perturber.rng
    recent: list[Article] = []
    for n in range(count):
        if recent and rng.random() < copy_rate:
            source = rng.choice(recent)
            yield perturber.copy(source, f"s{n}", timedelta(minutes=rng.uniform(5, 600))), True
            continue
        article = perturber.rewrite(rng.choice(pool), f"s{n}")
        recent.append(article)
        if len(recent) > 500:
            recent.pop(0)
        yield article, False


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def run_stream(pool: list[Article], args: argparse.Namespace, perturber: Perturber) -> None:
    checkpoints = sorted({c for c in (10_000, 50_000, 100_000) if c < args.stream} | {args.stream})
    detector = DuplicateDetector(threshold=args.threshold, shingle_size=args.shingle_size)
    flagged = copies = caught = 0
    if args.tracemalloc:
        tracemalloc.start()
    base_rss = peak_rss_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    memory = "traced MB (now/peak)" if args.tracemalloc else f"peak RSS MB (+ over {base_rss:.0f})"
    print(f"{'articles':>9} {'wall s':>7} {'CPU s':>7} {'art/CPU s':>9}  {memory:<24} "
          f"{'KB/article':>10} {'flagged':>8} {'copies':>7} {'caught':>7}")  # fmt: skip
    for n, (article, is_copy) in enumerate(
        stream_articles(pool, args.stream, args.copy_rate, perturber), 1
    ):
        duplicate_of = detector.add(article)
        flagged += duplicate_of is not None
        copies += is_copy
        caught += is_copy and duplicate_of is not None
        if n in checkpoints:
            used_cpu = time.process_time() - cpu
            if args.tracemalloc:
                current, peak = (x / 2**20 for x in tracemalloc.get_traced_memory())
                grown, shown = current, f"{current:.1f} / {peak:.1f}"
            else:
                rss = peak_rss_mb()
                grown, shown = rss - base_rss, f"{rss:.0f} (+{rss - base_rss:.0f})"
            print(f"{n:>9,} {time.perf_counter() - wall:>7.1f} {used_cpu:>7.1f} "
                  f"{n / used_cpu:>9.0f}  {shown:<24} {grown * 1024 / n:>10.2f} "
                  f"{flagged:>8,} {copies:>7,} {caught:>7,}", flush=True)  # fmt: skip
    if args.tracemalloc:
        tracemalloc.stop()


# --------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mode", choices=["quality", "stream", "both"], default="both")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--originals", type=int, default=2000)
    parser.add_argument("--stream", type=int, default=100_000)
    parser.add_argument("--copy-rate", type=float, default=0.1)
    parser.add_argument("--threshold", type=float, default=0.7)
    parser.add_argument("--shingle-size", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20241018)
    parser.add_argument(
        "--tracemalloc", action="store_true", help="trace Python allocations (exact, ~3x slower)"
    )
    args = parser.parse_args(argv)

    path = args.corpora / CLICKID
    if not path.exists():
        print(f"CLICK-ID file not found: {path}", file=sys.stderr)
        return 2
    pool = [a for a in load_clickid(path) if len(normalize_for_dedup(a.text).split()) >= MIN_WORDS]
    rng = random.Random(args.seed)
    vocabulary = sorted({w for a in rng.sample(pool, 500) for w in a.text.split()})
    perturber = Perturber(rng, vocabulary, [a.title for a in pool])
    print(f"CLICK-ID: {len(pool):,} articles with >= {MIN_WORDS} words; seed {args.seed}")
    ok = True
    if args.mode in ("quality", "both"):
        print("\n== quality ==")
        ok = run_quality(pool, args, perturber)
    if args.mode in ("stream", "both"):
        print("\n== stream ==")
        run_stream(pool, args, perturber)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
