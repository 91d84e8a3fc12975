"""A scoring job in its own process, for the store's concurrency and crash tests.

    python -m tests.store.worker DB_URL --model v1 [--add N] [--batch 25] [--out FILE] ...

It does what the batch job does (start a run, add articles, claim, score, save, finish),
with the hash-based scorer of :mod:`tests.store.helpers`, and writes what it did as JSON.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from datetime import timedelta
from pathlib import Path

from media_analytics.store import open_store

from .helpers import make_articles, score_record


def _write(path: str | None, payload: dict) -> None:
    if path is None:
        return
    tmp = Path(f"{path}.tmp")
    tmp.write_text(json.dumps(payload), encoding="utf-8")
    os.replace(tmp, path)  # the reader never sees half a file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--model", default="v1")
    parser.add_argument("--add", type=int, default=0, help="add this many articles first")
    parser.add_argument("--batch", type=int, default=25)
    parser.add_argument("--pause", type=float, default=0.0, help="seconds between claim and save")
    parser.add_argument("--start-at", type=float, default=0.0, help="wait for this time.time()")
    parser.add_argument("--arrived", help="touch this file once imported, then wait for --go")
    parser.add_argument("--go", help="start the work once this file exists")
    parser.add_argument("--claim-only", type=int, default=0, help="claim this many, then hang")
    parser.add_argument("--rescore", action="store_true")
    parser.add_argument("--exclusive", action="store_true")
    parser.add_argument("--lease", type=float, default=1800.0)
    parser.add_argument("--out")
    parser.add_argument("--ready", help="touch this file once the database is open")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)

    if args.start_at:
        time.sleep(max(0.0, args.start_at - time.time()))
    if args.arrived:
        Path(args.arrived).touch()
    if args.go:
        while not Path(args.go).exists():
            time.sleep(0.005)
    with open_store(args.url, lease=timedelta(seconds=args.lease)) as store:
        if args.ready:
            Path(args.ready).touch()
        run_id = store.start_run(args.model, ["worker"], exclusive=args.exclusive)
        added = list(store.add_articles(make_articles(args.add))) if args.add else [0, 0]
        if args.claim_only:
            claimed = store.claim(run_id, args.model, args.claim_only, rescore=args.rescore)
            _write(args.out, {"run_id": run_id, "claimed": [r["id"] for r in claimed]})
            time.sleep(3600)  # the test kills us here, holding the claims
            return 1
        scored: list[str] = []
        while batch := store.claim(run_id, args.model, args.batch, rescore=args.rescore):
            records = [score_record(article, args.model) for article in batch]
            if args.pause:
                time.sleep(args.pause)
            store.save_scores(run_id, args.model, records)
            scored.extend(r["id"] for r in records)
        store.finish_run(run_id, "ok", {"scored": len(scored)})
    _write(args.out, {"run_id": run_id, "added": added, "scored": scored, "pid": os.getpid()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
