"""How reports group the forms of a person's name across articles, on CLICK-ID.

Extracts the persons of every CLICK-ID article (``../shared/corpora/clickid-news-articles``) as
scoring does, groups their names with :func:`media_analytics.actors.person_groups` (the nicknames
each article joins to a full name included), and prints how many forms and (article, name)
pairs change, the most named persons before and after, and the judged draws of
``bench/data/person_name_groups.csv``: for an article and a form the grouping changed, whether
the form there is the same person as the name it now counts under (see ``bench/data/LABELS.md``).
A judged row counts for the current rules only while they still group that form with that name.

    python bench/actor_names_eval.py                # about a minute
    python bench/actor_names_eval.py --draw 100 --seed 1   # print a new draw to judge
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from media_analytics.actors import extract_actors, person_groups  # noqa: E402
from media_analytics.preprocessing import clean_article  # noqa: E402

LABELS = ROOT / "bench" / "data" / "person_name_groups.csv"


def persons() -> tuple[set[tuple[str, str]], Counter[tuple[str, str]]]:
    """``(article id, person name)`` pairs and ``(nickname, full name) -> articles`` links."""
    from score_bench import load_clickid_articles

    pairs: set[tuple[str, str]] = set()
    links: Counter[tuple[str, str]] = Counter()
    for article in load_clickid_articles():
        for actor in extract_actors(clean_article(article.text).text):
            if actor.type == "person":
                pairs.add((article.id, actor.name))
                for alias in actor.aliases:
                    links[(alias, actor.name)] += 1
    return pairs, links


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--top", type=int, default=15, help="persons listed before and after")
    parser.add_argument("--draw", type=int, default=0, help="print N changed pairs to judge")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    pairs, links = persons()
    counts = Counter(name for _, name in pairs)
    t1 = time.perf_counter()
    groups = person_groups(counts, links)
    t2 = time.perf_counter()
    changed = sorted(p for p in pairs if p[1] in groups)
    after: Counter[str] = Counter()
    for name, n in counts.items():
        after[groups.get(name, name)] += n
    print(
        f"{len(pairs)} (article, person) pairs, {len(counts)} forms, {sum(links.values())} "
        f"nickname links; extraction {t1 - t0:.0f} s, grouping {t2 - t1:.2f} s"
    )
    print(
        f"forms counted under another name: {len(groups)} ({len(changed)} pairs); "
        f"persons: {len(counts)} -> {len(after)}"
    )
    print("\n| rank | before | articles | after | articles |\n|---:|---|---:|---|---:|")
    for i, ((b, nb), (a, na)) in enumerate(
        zip(counts.most_common(args.top), after.most_common(args.top), strict=True), 1
    ):
        print(f"| {i} | {b} | {nb} | {a} | {na} |")
    if LABELS.exists():
        with LABELS.open(encoding="utf-8") as handle:
            judged = list(csv.DictReader(handle))
        print(
            "\n| judged draw | rows | still grouped so | same | different | unclear | precision |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|")
        for rnd in sorted({r["round"] for r in judged}):
            rows = [r for r in judged if r["round"] == rnd]
            # the form still counts under another name, the one the judged name counts under
            held = [
                r
                for r in rows
                if r["form"] in groups and groups[r["form"]] == groups.get(r["name"], r["name"])
            ]
            n = Counter(r["judgement"] for r in held)
            decided = n["same"] + n["different"]
            precision = f"{n['same'] / decided:.3f}" if decided else "-"
            print(
                f"| {rnd} | {len(rows)} | {len(held)} | {n['same']} | {n['different']} | "
                f"{n['unclear']} | {precision} |"
            )
    if args.draw:
        done = set()
        if LABELS.exists():
            with LABELS.open(encoding="utf-8") as handle:
                done = {(r["article_id"], r["form"]) for r in csv.DictReader(handle)}
        pool = [p for p in changed if p not in done]
        for article_id, form in random.Random(args.seed).sample(pool, min(args.draw, len(pool))):
            print(f"{article_id}\t{form}\t{groups[form]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
