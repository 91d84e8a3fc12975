"""How reports group the forms of an actor's name across articles, on CLICK-ID.

Extracts the persons and organisations of every CLICK-ID article
(``../shared/corpora/clickid-news-articles``) as scoring does, groups their names as reports do
(:func:`media_analytics.actors.person_groups` and :func:`~media_analytics.actors.org_groups`,
with the nicknames and short forms each article joins to a full name and the package's other
names of national bodies), and prints how many forms
and (article, name) pairs change, the most named actors before and after, and the judged draws of
``bench/data/actor_name_groups.csv``: for an article and a form the grouping changed, whether the
form there is the same person or body as the name it now counts under (see
``bench/data/LABELS.md``). A judged row counts for the current rules only while they still group
that form with that name.

    python bench/actor_names_eval.py                # about a minute
    python bench/actor_names_eval.py --draw 100 --type organization --seed 1   # a draw to judge
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

from media_analytics.actors import extract_actors, org_groups, person_groups  # noqa: E402
from media_analytics.actors.names import with_known_body_names  # noqa: E402
from media_analytics.preprocessing import clean_article  # noqa: E402

LABELS = ROOT / "bench" / "data" / "actor_name_groups.csv"
TYPES = ("person", "organization")
GROUPERS = {"person": person_groups, "organization": org_groups}


Pairs = dict[str, set[tuple[str, str]]]
Links = dict[str, Counter[tuple[str, str]]]
Roles = dict[str, Counter[str]]


def actors() -> tuple[Pairs, Links, Roles]:
    """Per type, ``(article id, name)`` pairs and ``(short form, full name) -> articles``; and
    each person's offices, by the articles that give it each (as the reports read them)."""
    from score_bench import load_clickid_articles

    pairs: Pairs = {t: set() for t in TYPES}
    links: Links = {t: Counter() for t in TYPES}
    held: set[tuple[str, str, str]] = set()
    for article in load_clickid_articles():
        for actor in extract_actors(clean_article(article.text).text):
            if actor.type in pairs:
                pairs[actor.type].add((article.id, actor.name))
                for alias in actor.aliases:
                    links[actor.type][(alias, actor.name)] += 1
                if actor.type == "person" and actor.role:
                    held.add((article.id, actor.name, actor.role))
    roles: Roles = {}
    for _, name, role in held:
        roles.setdefault(name, Counter())[role] += 1
    return pairs, links, roles


def report(
    kind: str, pairs: set[tuple[str, str]], links: Counter, top: int, roles: Roles
) -> dict[str, str]:
    counts = Counter(name for _, name in pairs)
    t0 = time.perf_counter()
    # with the package's other names of national bodies, and the people's offices, as reports
    # read them
    more = {"roles": roles} if kind == "person" else {}
    groups = GROUPERS[kind](counts, links, table=with_known_body_names(None), **more)
    seconds = time.perf_counter() - t0
    changed = sum(1 for p in pairs if p[1] in groups)
    # articles per name, an article naming two forms of one counted once (as reports do)
    after = Counter(name for _, name in {(i, groups.get(n, n)) for i, n in pairs})
    print(
        f"\n{kind}: {len(pairs)} (article, name) pairs, {len(counts)} forms, "
        f"{sum(links.values())} short-form links; grouped in {seconds:.2f} s; "
        f"forms counted under another name: {len(groups)} ({changed} pairs); "
        f"names: {len(counts)} -> {len(after)}"
    )
    print("\n| rank | before | articles | after | articles |\n|---:|---|---:|---|---:|")
    for i, ((b, nb), (a, na)) in enumerate(
        zip(counts.most_common(top), after.most_common(top), strict=True), 1
    ):
        print(f"| {i} | {b} | {nb} | {a} | {na} |")
    return groups


def judged(kind: str, groups: dict[str, str]) -> None:
    with LABELS.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["type"] == kind]
    if not rows:
        return
    print(f"\n| {kind}: judged draw | rows | still grouped so | same | different | unclear | "
          "precision |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|")
    for rnd in sorted({r["round"] for r in rows}):
        draw = [r for r in rows if r["round"] == rnd]
        # the form still counts under another name, the one the judged name counts under
        held = [
            r
            for r in draw
            if r["form"] in groups and groups[r["form"]] == groups.get(r["name"], r["name"])
        ]
        n = Counter(r["judgement"] for r in held)
        decided = n["same"] + n["different"]
        precision = f"{n['same'] / decided:.3f}" if decided else "-"
        print(
            f"| {rnd} | {len(draw)} | {len(held)} | {n['same']} | {n['different']} | "
            f"{n['unclear']} | {precision} |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--top", type=int, default=15, help="names listed before and after")
    parser.add_argument("--draw", type=int, default=0, help="print N changed pairs to judge")
    parser.add_argument("--type", choices=TYPES, default="person", help="of --draw")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    pairs, links, roles = actors()
    print(f"extraction: {time.perf_counter() - t0:.0f} s")
    groups = {}
    for kind in TYPES:
        groups[kind] = report(kind, pairs[kind], links[kind], args.top, roles)
        if LABELS.exists():
            judged(kind, groups[kind])
    if args.draw:
        done = set()
        if LABELS.exists():
            with LABELS.open(encoding="utf-8") as handle:
                done = {(r["article_id"], r["form"]) for r in csv.DictReader(handle)}
        g = groups[args.type]
        pool = sorted(p for p in pairs[args.type] if p[1] in g and p not in done)
        for article_id, form in random.Random(args.seed).sample(pool, min(args.draw, len(pool))):
            print(f"{article_id}\t{form}\t{g[form]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
