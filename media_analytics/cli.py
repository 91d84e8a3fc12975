"""The ``media-analytics`` command.

``main(argv=None)`` is the whole command, so tests call it in-process. Exit codes: 0 ok, 1 done
with rejected records, 2 usage or fatal error.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from . import __version__

logger = logging.getLogger("media_analytics")

EXIT_OK, EXIT_PARTIAL, EXIT_FATAL = 0, 1, 2


def _read_sample_records(folder: Path) -> list[dict]:
    records = []
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    records.append(json.loads(line))
    return records


def _cmd_demo(args: argparse.Namespace) -> int:
    from .preprocessing import TextPreprocessor, preprocess_many
    from .resources import sample_dir

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    records = _read_sample_records(sample_dir())
    if not records:
        logger.error("the bundled sample corpus is empty")
        return EXIT_FATAL
    texts = [f"{r.get('title', '')}\n{r.get('text', '')}" for r in records]
    processed = preprocess_many(texts, n_jobs=args.jobs)
    surface = TextPreprocessor(n_jobs=1).fit(texts).surface_forms_
    scored_path = out / "scored.jsonl"
    terms: Counter[str] = Counter()
    with scored_path.open("w", encoding="utf-8") as f:
        for rec, p in zip(records, processed, strict=True):
            terms.update(set(p.tokens))
            row = {
                "id": rec.get("id"),
                "published_at": rec.get("published_at"),
                "source": rec.get("source"),
                "title": rec.get("title"),
                "dateline": p.dateline,
                "n_tokens": len(p.tokens),
            }
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    summary = out / "summary.md"
    top = ", ".join(f"{surface[t]} ({n})" for t, n in terms.most_common(25))
    summary.write_text(
        f"# media-analytics demo\n\n{len(records)} sample articles preprocessed in "
        f"{time.perf_counter() - started:.1f} s.\n\nMost widespread terms: {top}\n",
        encoding="utf-8",
    )
    print(f"scored {len(records)} articles -> {scored_path}\nsummary -> {summary}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="media-analytics",
        description="Indonesian media monitoring: themes, topics, sentiment, actors and quotes "
        "in news, and trend reports.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="run the whole job on the bundled sample corpus")
    demo.add_argument("--out", default="media-analytics-demo", help="output folder")
    demo.add_argument("--jobs", type=int, default=-1, help="processes to use (-1: all cores)")
    demo.set_defaults(func=_cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_FATAL
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        logger.error("interrupted")
        return EXIT_FATAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
