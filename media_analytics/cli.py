"""The ``media-analytics`` command.

``main(argv=None)`` is the whole command, so tests call it in-process. Exit codes a scheduler can
act on: 0 ok, 1 done but some input records were rejected, 2 usage or fatal error.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import logging
import os
import re
import shlex
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, timezone
from pathlib import Path
from typing import IO, Any

from . import __version__

logger = logging.getLogger("media_analytics")

EXIT_OK, EXIT_PARTIAL, EXIT_FATAL = 0, 1, 2
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141  # as a shell reports SIGINT and SIGPIPE
EXIT_TERMINATED = 143  # 128 + SIGTERM, as a shell reports it
DEFAULT_WINDOW = 100_000  # --dedup-window (the same as corpus.dedup.DEFAULT_WINDOW)
DEFAULT_LOOKAHEAD = 10_000  # --dedup-lookahead (the same as corpus.dedup.DEFAULT_LOOKAHEAD)


class CommandError(Exception):
    """A fatal problem with a clear one-line message (exit code 2)."""


class Terminated(KeyboardInterrupt):
    """SIGTERM (a cron timeout, ``systemctl stop``, ``docker stop``), raised in the main thread
    as Ctrl-C raises ``KeyboardInterrupt``, so that the same clean-up runs: the run is finished
    and its claims released, ``--out`` is left as ``FILE.partial``."""


@contextlib.contextmanager
def _sigterm_raises() -> Iterator[None]:
    """While the command runs, SIGTERM raises :class:`Terminated` in this process's main
    thread (only there can a handler be set; elsewhere nothing changes). A forked child that
    inherited the handler (a worker) dies of the signal as before; a second SIGTERM during the
    clean-up is ignored, so that the run is finished all the same (SIGKILL still stops it)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pid = os.getpid()

    def handler(signum: int, frame: Any) -> None:
        if os.getpid() != pid:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)
            return
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise Terminated

    before = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


# -- shared helpers ------------------------------------------------------------------------------


def _column_map(pairs: Sequence[str] | None) -> dict[str, str | None] | None:
    """``--column INPUT=FIELD`` as a ``column_map``; ``INPUT=`` (no field) ignores the column."""
    if not pairs:
        return None
    from .corpus.article import CONTRACT_FIELDS

    out: dict[str, str | None] = {}
    for pair in pairs:
        if "=" not in pair:
            raise CommandError(
                f"--column {pair!r}: expected INPUT_COLUMN=FIELD, e.g. judul=title (or "
                "INPUT_COLUMN= to ignore that column)"
            )
        key, value = (part.strip() for part in pair.split("=", 1))
        if not key:
            raise CommandError(f"--column {pair!r}: name the input column before the =")
        if value and value not in CONTRACT_FIELDS:
            fields = ", ".join(CONTRACT_FIELDS)
            raise CommandError(
                f"--column {pair!r}: {value!r} is not one of {fields} (or nothing after the =, "
                "to ignore the column)"
            )
        out[key] = value or None
    return out


def _load_model(path: str | None) -> Any:
    from .models import default_model
    from .pipeline import MediaPipeline, ModelError

    try:
        return MediaPipeline.load(path) if path else default_model()
    except ModelError as exc:
        raise CommandError(str(exc)) from None


def _with_taxonomy(pipe: Any, path: str | None) -> Any:
    """``pipe`` with its theme part read from the taxonomy file at ``path`` (its rules alone,
    as ``train_tagger(path)`` gives them; no labels), or as it is without one. Trying a theme
    needs no ``train``: the other parts stay the model's, and the model version says the
    themes differ."""
    if not path:
        return pipe
    from .themes.training import train_tagger

    try:
        pipe.themes_ = train_tagger(path)
    except (OSError, ValueError) as exc:
        raise CommandError(f"--taxonomy: {exc}") from None
    logger.info("themes from %s (its rules alone): model version %s", path, pipe.model_version)
    return pipe


class _Progress:
    """How far scoring has come, over all its batches: tqdm on a terminal, a log line every
    10 s otherwise (with the total when it is known), nothing with ``-q``."""

    def __init__(self, *, total: int | None, desc: str, quiet: bool) -> None:
        self.total, self.desc, self.quiet = total, desc, quiet
        self.n = 0
        self.start = self.last = time.monotonic()
        self.bar: Any = None
        if not quiet and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=desc, unit="art")

    def wrap(self, items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            yield item
            self.update()

    def update(self, n: int = 1) -> None:
        self.n += n
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.update(n)
            return
        now = time.monotonic()
        if now - self.last >= 10:
            self.last = now
            of = f" of {self.total:,}" if self.total is not None else ""
            rate = self.n / (now - self.start)
            logger.info("%s: %s%s articles, %.0f/s", self.desc, f"{self.n:,}", of, rate)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _stored_article(record: dict[str, Any]) -> Any:
    """An article the database holds, as scoring takes it. One stored by an earlier release
    with a date this one leaves empty (a placeholder year) is scored without its date."""
    from .corpus import DateParseError
    from .pipeline import as_article

    try:
        return as_article(record)
    except DateParseError as exc:
        logger.warning("stored article %s: %s", record.get("id"), exc)
        return as_article({**record, "published_at": None})


def _stored_articles(claimed: list[dict[str, Any]], rejects: Any, db: str) -> list[Any]:
    """The claimed articles as scoring takes them. One that this release cannot score (a
    footer row an earlier release stored as an article) is an error of this run, naming its id
    and how to remove it, and is left unscored: it no longer stops every run after it."""
    arts = []
    for record in claimed:
        try:
            arts.append(_stored_article(record))
        except ValueError as exc:
            rid = str(record.get("id"))
            message = (
                f"stored article {rid}: {exc}; left unscored (media-analytics db delete "
                f"--db {shlex.quote(db)} {shlex.quote(rid)} removes it)"
            )
            rejects.add("<database>", 0, "unscorable", message, "error", record_id=rid)
    return arts


def _finish_record(record: dict[str, Any], article_extra: dict[str, Any]) -> dict[str, Any]:
    record["duplicate_of"] = article_extra.get("duplicate_of")
    return record


# -- train ---------------------------------------------------------------------------------------


def _n_topics(value: str) -> int | str:
    """``--topics``: a whole number or ``auto``, refused in words a user reads (argparse would
    name the converting function)."""
    if value == "auto":
        return value
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of topics or 'auto', got {value!r}"
        ) from None


def _training_inputs(sources: Sequence[str], args: argparse.Namespace, rejects: Any) -> list[Any]:
    """The articles ``train`` learns from: each once, in its latest version. A folder of daily
    exports carries articles again (a day's file re-sends the day before's, a correction comes
    in a later file), as ``score --db`` reads them: the copy of the later file is the article,
    not a second one, nor an error that gave ``train`` exit 1 (seen in an operator's trial:
    the first, uncorrected copies kept, and exit 1)."""
    from .corpus import read_articles

    latest: dict[str, Any] = {}
    for article in read_articles(
        sources,
        rejects=rejects,
        column_map=_column_map(args.column),
        max_text_chars=args.max_chars,
        dayfirst=_dayfirst(args),
        newer_files=True,
    ):
        latest[article.id] = article  # (in the place of its first copy)
    return list(latest.values())


def _previous_model(name: str) -> Any:
    """The model ``train --previous`` names: a model directory, or ``default`` for the default
    model (what a daily job without ``--model`` scored with)."""
    from .pipeline import MediaPipeline, ModelError

    if name == "default" and not Path(name).exists():
        from .models import default_model

        return default_model()
    try:
        return MediaPipeline.load(name)
    except ModelError as exc:
        hint = (
            " (the default model, which a job without --model scores with: --previous default)"
            if not Path(name).exists()
            else ""
        )
        raise CommandError(f"--previous: {exc}{hint}") from None


def _cmd_train(args: argparse.Namespace) -> int:
    from .corpus import Rejects, read_labelled
    from .pipeline import MediaPipeline, check_tone_settings
    from .resources import corpora_dir
    from .themes import Taxonomy
    from .themes.training import read_label_file

    if args.base and not args.themes_only:
        raise CommandError("--base is the model whose themes --themes-only retrains: give both")
    if args.themes_only:
        _check_themes_only(args)
    # the model --previous names, loaded before the corpus is read (a wrong path was said
    # only after years of exports had been read)
    previous = _previous_model(args.previous) if args.previous else None
    rejects = Rejects()
    sources = args.corpus or [str(corpora_dir() / "sample")]
    articles = _training_inputs(sources, args, rejects)
    # said before the fit, so that a set whose rows were all rejected says why, and a fit
    # that fails later does not hide what was left out of it (the bundled sample's warnings,
    # for an analyst who gave no articles, at INFO: not theirs to act on)
    _report_rejects(rejects, logging.WARNING if args.corpus else logging.INFO)
    if not articles:
        raise CommandError(f"no usable articles in {', '.join(sources)}")

    dropped = 0  # labelled rows left out: counted in the exit code as rejected articles are

    def labelled(flag: str, path: str | None, prefix: str) -> Any:
        nonlocal dropped
        dest = prefix.replace("-", "_")  # "tone-" -> args.tone_text_column
        text_column = getattr(args, f"{dest}text_column")
        label_column = getattr(args, f"{dest}label_column")
        if not path:
            if text_column or label_column:
                raise CommandError(
                    f"--{prefix}text-column/--{prefix}label-column name the "
                    f"columns of {flag}; give {flag} FILE"
                )
            return None
        found = Rejects()
        try:
            data = read_labelled(
                path,
                text_column=text_column,
                label_column=label_column,
                rejects=found,
                headline=flag == "--tone-data",
            )
        except (OSError, ValueError) as exc:
            raise CommandError(_column_flags(f"{flag} {path}: {exc}", prefix)) from None
        _report_rejects(found)
        dropped += len(found.errors)
        if data.empty:
            raise CommandError(f"{flag} {path}: no usable labelled row")
        return _learnable(flag, path, data)

    sentiment = labelled("--sentiment-data", args.sentiment_data, "")
    tone = labelled("--tone-data", args.tone_data, "tone-")
    if args.no_article_tone:
        if tone is not None:
            raise CommandError("--tone-data and --no-article-tone exclude each other")
        tone = False
    if args.no_article_tone and (args.tone_weight is not None or args.tone_bands is not None):
        raise CommandError("--tone-weight and --tone-bands need an article tone model")
    try:
        check_tone_settings(args.tone_weight, args.tone_bands)
    except ValueError as exc:
        raise CommandError(f"--tone-weight / --tone-bands: {exc}") from None
    try:
        taxonomy = Taxonomy.load(args.taxonomy)
        from .themes.rules import RuleMatcher

        RuleMatcher(taxonomy)  # every seed usable (one of function words alone is not)
    except (OSError, ValueError) as exc:
        raise CommandError(f"--taxonomy: {exc}") from None
    try:
        labels = read_label_file(args.theme_labels, taxonomy.ids) if args.theme_labels else None
    except (OSError, ValueError) as exc:
        raise CommandError(f"--theme-labels: {exc}") from None
    if labels:  # rows for ids no article carries are left out (a warning names them)
        ids = {a.id for a in articles}
        dropped += sum(i not in ids for i in labels)
    for flag, data, path in (
        ("--sentiment-data", sentiment, args.sentiment_data),
        ("--tone-data", tone, args.tone_data),
    ):
        found = set(data["label"]) if data is not None and data is not False else None
        if found is not None and len(found) < 3:
            missing = ", ".join(sorted({"negative", "neutral", "positive"} - found))
            raise CommandError(f"{flag} {path}: no row labelled {missing}; every class is needed")
    _check_model_out(args.out)
    if args.themes_only:
        return _train_themes_only(args, articles, taxonomy, labels, len(rejects.errors) + dropped)
    if previous is not None:
        for warning in _not_carried_over(previous, taxonomy, args):
            logger.warning("--previous %s: %s", args.previous, warning)
    started = time.perf_counter()
    try:
        pipe = MediaPipeline(
            taxonomy=args.taxonomy,
            n_topics=args.topics,
            with_topics=not args.no_topics,
            random_state=args.seed,
            calibrate_themes=args.calibrate_themes,
            theme_label_share=args.theme_share,
            tone_sentence_weight=args.tone_weight,
            tone_bands=None if args.tone_bands is None else tuple(args.tone_bands),
            sentiment_search=args.sentiment_search,
        ).fit(
            articles,
            theme_labels=labels,
            sentiment_data=sentiment,
            tone_data=tone,
            n_jobs=args.jobs,
            previous=previous,
        )
    except ValueError as exc:  # labels, taxonomy or training data that cannot be used
        message = str(exc)
        if "n_topics" in message:
            message += " (on the command line: --topics K)"
        message = message.replace("(with_topics=False)", "(--no-topics)")
        message = message.replace("theme_label_share", "--theme-share")
        raise CommandError(f"train: {message}") from None
    matches = getattr(pipe.topics_, "topic_matches_", None) if previous is not None else None
    if matches is not None:  # ids that change make the archive's topics another set
        kept = sum(m["previous_id"] >= 0 for m in matches)
        generation = pipe.topics_.generation_
        retired = [r for r in pipe.topics_.retired_topics_ if r["generation"] == generation]
        (logger.info if kept and not retired else logger.warning)(
            "%d of %d topics matched the previous model's and keep their ids%s%s",
            kept,
            len(matches),
            "" if kept == len(matches) else "; the others get new ids",
            f"; {len(retired)} of the previous model's topics retired (named above)"
            if retired
            else "",
        )
    out = pipe.save(args.out)
    # the rejects were said among the log lines before the fit: the summary counts them, as
    # score's does, so that exit 1 has its reason on the last line
    left_out = len(rejects.errors) + dropped
    return _trained("trained", len(articles), started, out, pipe.model_version, left_out)


def _trained(done: str, n: int, started: float, out: Path, version: str, left_out: int) -> int:
    """The closing line of ``train`` (``done``: what it did), and its exit code: 1 when
    rejected articles or labelled rows were left out."""
    logger.info(
        "%s on %d articles in %.1f s -> %s (model %s)%s",
        done,
        n,
        time.perf_counter() - started,
        out,
        version,
        f"; {left_out} rejected article(s) or labelled row(s) left out" if left_out else "",
    )
    return EXIT_PARTIAL if left_out else EXIT_OK


def _check_themes_only(args: argparse.Namespace) -> None:
    """``train --themes-only`` keeps every other part of its base model: the flags that train
    them are refused, before anything is read."""
    given = {
        "--sentiment-data": args.sentiment_data,
        "--tone-data": args.tone_data,
        "--no-article-tone": args.no_article_tone,
        "--tone-weight": args.tone_weight is not None,
        "--tone-bands": args.tone_bands is not None,
        "--sentiment-search": args.sentiment_search != "fast",
        "--topics": args.topics != "auto",
        "--no-topics": args.no_topics,
        "--previous": args.previous,
    }
    refused = [flag for flag, value in given.items() if value]
    if refused:
        raise CommandError(
            f"--themes-only retrains the themes alone and keeps the base model's other parts: "
            f"{', '.join(refused)} train{'s' if len(refused) == 1 else ''} those (leave "
            "--themes-only out to train a whole model)"
        )


def _train_themes_only(
    args: argparse.Namespace, articles: list[Any], taxonomy: Any, labels: Any, left_out: int
) -> int:
    """``train ARTICLES --theme-labels FILE --themes-only``: the base model (``--base``, or the
    default one) with its theme tagger retrained on the articles and labels, as ``train``
    would fit it; its topics, sentiment and tone stay as they were."""
    from .models import default_model
    from .pipeline import MediaPipeline, ModelError
    from .themes import train_tagger
    from .themes.training import analyst_text_weights, known_label_themes

    try:
        base = MediaPipeline.load(args.base) if args.base else default_model()
    except ModelError as exc:
        raise CommandError(f"--base: {exc}") from None
    started = time.perf_counter()
    try:
        # a theme still being drafted is left out with a warning, before its weights are set
        labels = known_label_themes(labels, taxonomy.ids, use="left out of the training")
        tagger = train_tagger(
            taxonomy,
            labels=labels,
            articles=articles,
            calibrate=args.calibrate_themes,
            text_weights=analyst_text_weights(labels, args.theme_share),
        )
    except ValueError as exc:
        message = str(exc).replace("theme_label_share", "--theme-share")
        raise CommandError(f"train: {message}") from None
    done = f"retrained the themes of model {base.model_version} (its other parts kept)"
    base.themes_ = tagger
    out = base.save(args.out)
    return _trained(done, len(articles), started, out, base.model_version, left_out)


def _clip(text: str, n: int) -> str:
    """``text`` on one line, cut to ``n`` characters with an ellipsis when longer."""
    one = " ".join(text.split())
    return one if len(one) <= n else one[: n - 1] + "…"


def _learnable(flag: str, path: str, data: Any) -> Any:
    """The rows of a labelled file a model learns from, the same for ``train`` and ``evaluate
    --train``: a text carrying two different labels is refused, and a repeated row is left out
    with a warning (a copy would sit in both sides of the cross-validation)."""
    repeated = data.duplicated("text", keep=False)
    if not repeated.any():
        return data
    labels_per_text = data[repeated].groupby("text", sort=False)["label"].unique()
    conflicts = labels_per_text[labels_per_text.map(len) > 1]
    if len(conflicts):
        shown = "; ".join(
            f"{_clip(str(text), 60)!r} ({', '.join(sorted(map(str, labels)))})"
            for text, labels in conflicts.head(3).items()
        )
        raise CommandError(
            f"{flag} {path}: {len(conflicts)} text(s) carry two different labels; keep one "
            f"label per text: {shown}{'; ...' if len(conflicts) > 3 else ''}"
        )
    logger.warning(
        "%s %s: %d repeated row(s) left out (a copy would sit in both sides of the "
        "cross-validation)",
        flag,
        path,
        int(data.duplicated("text").sum()),
    )
    return data.drop_duplicates("text", ignore_index=True)


def _column_flags(message: str, prefix: str) -> str:
    """``read_labelled``'s advice (``text_column=NAME``) as the flags that name the columns of
    the file in hand (``--text-column NAME``, ``--tone-text-column NAME``, ...)."""
    for what in ("text", "label"):
        message = message.replace(f"{what}_column=NAME", f"--{prefix}{what}-column NAME")
    return message


def _check_model_out(out: str) -> None:
    """Refuse, before any training, an ``--out`` that the save after it would refuse (a file, a
    folder of other things, the current folder; a model directory is replaced)."""
    from .pipeline import ModelError, check_model_target

    try:
        check_model_target(out)
    except ModelError as exc:
        raise CommandError(f"--out {exc}") from None


def _report_rejects(rejects: Any, kept_level: int = logging.WARNING) -> None:
    """Say the rejects, summary rows and records kept with a warning; the last at
    ``kept_level`` (INFO for the package's own sample, whose HTML page is there on purpose)."""
    # -v lists every line: with --out there is no rejects table to look the others up in
    every = logger.isEnabledFor(logging.DEBUG)
    shown = rejects.errors if every else rejects.errors[:20]
    for r in shown:
        logger.warning("rejected %s", r)
    if len(rejects.errors) > len(shown):
        logger.warning(
            "... and %d more rejected records (-v lists them)", len(rejects.errors) - len(shown)
        )
    # rows that are no article (a vendor's "Total;67 artikel" footer): expected, so INFO
    skipped = rejects.skipped if every else rejects.skipped[:5]
    for r in skipped:
        logger.info("left out, not an article: %s", r)
    if len(rejects.skipped) > len(skipped):
        logger.info("... and %d more summary rows left out", len(rejects.skipped) - len(skipped))
    # records kept with a problem (an unreadable date left empty, a body cut short): one line
    # per kind, so that a file whose dates all fail does not pass unnoticed
    kept: dict[str, list[Any]] = {}
    for r in rejects.warnings:
        kept.setdefault(r.reason, []).append(r)
    for reason, items in kept.items():
        # (an empty file holds no record to keep)
        said = "" if reason == "empty_file" else "kept with a warning, "
        if every:
            for r in items:
                logger.log(kept_level, "%s%s: %s", said, reason, r)
            continue
        more = f" (and {len(items) - 1} more like it; -v lists them)" if len(items) > 1 else ""
        logger.log(kept_level, "%s%s: %s%s", said, reason, items[0], more)


# -- score ---------------------------------------------------------------------------------------


class _Output:
    """Scored records for ``--out``: written to ``FILE.partial`` and renamed to ``FILE`` when the
    command succeeds, so that a mistake, an error or Ctrl-C never leaves an earlier ``FILE``
    emptied or cut short (the records written before a stop stay in ``FILE.partial``). A link
    is followed, and a device, a pipe or ``/dev/stdout`` is written to as it is
    (:mod:`media_analytics.outputs`)."""

    def __init__(self, path: str) -> None:
        from .outputs import OutputFile

        self.path = path
        self.file: OutputFile | None = None
        if path == "-":
            self.handle: IO[str] = sys.stdout
            return
        self.file = OutputFile(path)
        self.handle = self.file.handle

    def write(self, line: str) -> None:
        self.handle.write(line)

    def finish(self, ok: bool) -> None:
        if self.file is None:
            return
        if ok:
            self.file.commit()
            return
        kept = self.file.discard(keep=True)
        if kept is not None:
            logger.warning(
                "stopped before the end: the records scored so far are in %s; %s was left as "
                "it was", kept, self.path,
            )  # fmt: skip


def _open_out(path: str | None) -> _Output | None:
    return None if path is None else _Output(path)


def _check_out(path: str | None) -> None:
    """Said before any work: an ``--out`` that is a folder cannot take the records."""
    if path not in (None, "-") and Path(str(path)).is_dir():
        raise CommandError(f"--out {path}: is a folder; give a file name such as scored.jsonl")
    suffix = Path(str(path)).suffix.lower() if path not in (None, "-") else ""
    if suffix in (".parquet", ".csv", ".tsv", ".xlsx", ".xls"):
        # JSON lines under such a name would be read as what it says by the next tool
        raise CommandError(
            f"--out {path}: the scored records are written as JSON lines; name the file "
            ".jsonl (pandas reads it with read_json(lines=True); report tables come as CSV "
            "and Excel from the report command)"
        )


def _dedup_window(args: argparse.Namespace) -> int | None:
    window = int(args.dedup_window)
    if window < 0:
        raise CommandError("--dedup-window must be 0 (remember everything) or more")
    return window or None


def _cmd_score(args: argparse.Namespace) -> int:
    from threadpoolctl import threadpool_limits

    from .corpus import DuplicateDetector, Rejects, read_articles
    from .preprocessing.parallel import relax_gc

    if args.db is not None and not args.db.strip():
        raise CommandError("--db is empty (an unset variable?): name the database")
    if args.engine == "dask":
        return _cmd_score_dask(args)
    if args.scheduler or args.parts_dir:
        raise CommandError("--scheduler and --parts-dir need --engine dask")
    if args.db and args.dedup_lookahead != DEFAULT_LOOKAHEAD:
        logger.warning(
            "--dedup-lookahead is ignored with --db (the database corrects a story's stored "
            "records whenever its earlier-published copy arrives, within --dedup-window)"
        )
    if not args.out and not args.db:
        args.out = "-"
    _check_out(args.out)
    pipe = _with_taxonomy(_load_model(args.model), args.taxonomy)
    # Scoring works on small batches, where threaded BLAS/OpenMP gains nothing; and with one
    # worker per core, threads inside them (or in this process) only fight over the cores.
    # (After the model load: a limit applies to the libraries loaded by then.)
    threadpool_limits(1)
    relax_gc()  # (the workers do the same)
    rejects = Rejects()
    column_map = _column_map(args.column)  # a bad --column is said before anything is read

    def reader(inputs: Any, **more: Any) -> Iterator[Any]:
        return read_articles(
            inputs,
            rejects=rejects,
            column_map=column_map,
            max_text_chars=args.max_chars,
            dayfirst=_dayfirst(args),
            **more,
        )

    started = time.perf_counter()
    if args.db:
        counts, rejects = _score_into_store(args, pipe, reader, rejects)
    else:
        articles = reader(args.inputs)
        # with --dedup-state, copies of articles an earlier run wrote out are marked too: the
        # state is read, held against other runs, and saved once this run has written all
        state = _dedup_state(args)
        out = _open_out(args.out)
        assert out is not None
        n = copies = 0
        done = False
        try:
            with _state_lock(state):
                detector = _load_detector(state, DuplicateDetector)
                detector.max_articles = _dedup_window(args)
                scored = pipe.score(
                    articles,
                    n_jobs=args.jobs,
                    duplicates=detector,
                    lookahead=args.dedup_lookahead,
                )
                progress = _Progress(total=None, desc="scoring", quiet=args.quiet)
                for record in progress.wrap(scored):
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                    n += 1
                    copies += record.get("duplicate_of") is not None
                progress.close()
                if state is not None:
                    detector.save(state)
                done = True
        finally:
            out.finish(done)
        counts = {"scored": n, "copies": copies}
    elapsed = time.perf_counter() - started
    n_err = len(rejects.errors)
    read = ""
    if "known" in counts:  # the database tells what was new and what it already held
        read = f" ({_rows_read(counts)})"
    elif counts.get("copies"):  # syndicated copies: one story in the reports, said here too
        read = f" ({counts['copies']:,} of them copies of another story: duplicate_of)"
    summary = (
        f"scored {_count(counts['scored'], 'article')}{read} in {elapsed:.1f} s with model "
        f"{pipe.model_version}; {_count(n_err, 'record')} rejected"
    )
    if rejects.skipped:  # footer rows: counted, not an error
        summary += f"; {_count(len(rejects.skipped), 'summary row')} left out"
    _report_rejects(rejects)
    guessed = rejects.guessed_date_order if args.db and args.date_order == "auto" else []
    if guessed:
        # stored for good on a guess: a month-first feed's first days (10/05/2025) read day first
        logger.error(
            "the numeric dates of %s were read day first on a guess (no date in them shows "
            "the order; %s): the database keeps these dates; give --date-order dmy or mdy with "
            "--db (a run with the other order reads the files again and re-dates their articles)",
            _count(len(guessed), "file"),
            guessed[0] if len(guessed) == 1 else f"first {guessed[0]}",
        )
    behind = bool(counts.get("behind"))
    if not args.quiet or n_err or guessed or behind:  # -q: a cron job hears only what it must
        print(summary, file=sys.stderr)
    return EXIT_PARTIAL if n_err or guessed or behind else EXIT_OK


def _rows_read(counts: dict[str, int]) -> str:
    """What ``score --db`` read, in numbers that add up: the rows read are the new articles,
    the articles an earlier run stored, and the repeats (an article read again in this run: a
    daily export carries the day before's articles again, or a feed lists one URL twice in a
    file), which the store counts among the articles it knows.

    Rows refused because their id is another stored article's (``id_clash`` rejects) were
    read too, and are counted.

    >>> print(_rows_read({"added": 613, "known": 599, "changed": 0, "resent": 599}))
    ... # doctest: +NORMALIZE_WHITESPACE
    1,212 rows read, 599 of them repeats of rows read earlier in this run: 613 new
    articles, 0 already stored by an earlier run, 0 of them changed
    >>> print(_rows_read({"added": 40, "known": 0, "changed": 0, "resent": 0, "refused": 40}))
    ... # doctest: +NORMALIZE_WHITESPACE
    80 rows read, 0 of them repeats of rows read earlier in this run: 40 new articles,
    0 already stored by an earlier run, 0 of them changed, 40 refused (their ids are other
    articles')
    """
    resent, refused = counts.get("resent", 0), counts.get("refused", 0)
    rows = counts["added"] + counts["known"] + refused
    return (
        f"{_count(rows, 'row')} read, {resent:,} of them repeats "
        f"of rows read earlier in this run: {_count(counts['added'], 'new article')}, "
        f"{counts['known'] - resent:,} already stored by an earlier run, {counts['changed']:,} "
        "of them changed"
        + (f", {refused:,} refused (their ids are other articles')" if refused else "")
    )


def _cmd_score_dask(args: argparse.Namespace) -> int:
    """``score --engine dask``: each input file is a partition, scored on a Dask cluster."""
    try:
        import distributed  # noqa: F401  (it sets its loggers' levels when imported)
    except ImportError as exc:  # pragma: no cover - only without the extra
        raise CommandError(
            f"--engine dask needs the dask extra: pip install 'media-analytics[dask]' ({exc})"
        ) from None
    if args.db:
        raise CommandError(
            "--engine dask writes files (--parts-dir, --out), not a database; "
            "score into --db with the local engine"
        )
    if "-" in args.inputs:
        raise CommandError("--engine dask reads files or folders, not standard input")
    if args.taxonomy:
        raise CommandError(
            "--engine dask loads the model on each worker: train a model with your taxonomy "
            "(train --taxonomy FILE --out DIR) and give it with --model DIR"
        )
    if args.dedup_state:
        raise CommandError(
            "--engine dask finds copies within the job's own input; --dedup-state (copies of "
            "articles earlier runs scored) is for the local engine"
        )
    if args.out == "-":
        raise CommandError("--engine dask: give --out a file name (the merged output)")
    _check_out(args.out)
    if args.out and not args.parts_dir:
        from .outputs import in_place

        if in_place(args.out):  # not /dev/null.parts
            raise CommandError(
                f"--out {args.out}: not a regular file; give --parts-dir DIR for the outputs"
            )
    parts_dir = args.parts_dir or (f"{args.out}.parts" if args.out else None)
    if not parts_dir:
        raise CommandError("--engine dask needs --parts-dir DIR and/or --out FILE")
    # accepted for the local engine's sake, they change nothing here: said, not silently dropped
    ignored = {
        "--reread": args.reread,
        "--batch-size": args.batch_size != _BATCH_SIZE,
        "--jobs": args.scheduler is not None and args.jobs != -1,
    }
    for flag in (f for f, given in ignored.items() if given):
        why = "the scheduler's workers score" if flag == "--jobs" else "it is for --db"
        logger.warning("%s is ignored with --engine dask (%s)", flag, why)
    if not args.verbose:  # the cluster's start-up and shutdown chatter (two dozen lines): -v
        logging.getLogger("distributed").setLevel(logging.WARNING)
    if args.scheduler:
        # a wrong address is said at once: before the pipeline is imported and a model loaded
        from .scheduler import ScaleError, connect_timeout, probe_scheduler

        try:
            probe_scheduler(args.scheduler, connect_timeout())
        except (ScaleError, ValueError) as exc:
            raise CommandError(str(exc)) from None
    from . import scale

    n_workers = None if args.jobs is None or args.jobs < 1 else args.jobs
    started = time.perf_counter()
    try:
        summary = scale.score_partitions(
            args.inputs,
            parts_dir,
            model_dir=args.model,
            scheduler=args.scheduler,
            n_workers=n_workers,
            overwrite=args.rescore,
            merge_to=args.out,
            column_map=_column_map(args.column),
            dayfirst=_dayfirst(args),
            max_text_chars=args.max_chars,
            dedup_window=_dedup_window(args),
            dedup_lookahead=args.dedup_lookahead,
            progress=not args.quiet and sys.stderr.isatty(),
            wait_workers=args.wait_workers,
        )
    except (scale.ScaleError, FileNotFoundError, ValueError) as exc:
        raise CommandError(str(exc)) from None
    _report_partition_rejects(summary)
    where = (
        f"on {_count(summary['workers'], 'Dask worker')}"
        if summary["scored"]
        else "(nothing to score: no cluster used)"
    )
    # the rejects of partitions an earlier run scored were said (and its exit code given) then:
    # a rerun that completes an archive says them once more only in their count
    rejected, earlier = summary["rejected_now"], summary["rejected"] - summary["rejected_now"]
    if args.quiet and not rejected:  # -q under cron: a clean run says nothing
        return EXIT_OK
    print(
        f"scored {_count(summary['articles_scored'], 'article')} in "
        f"{_count(summary['scored'], 'partition')} ({summary['skipped']} already complete) "
        f"{where} in {time.perf_counter() - started:.1f} s with model "
        f"{summary['model_version']}; {_count(rejected, 'record')} rejected"
        + (f" (and {earlier} by earlier runs, in their partitions' markers)" if earlier else "")
        + f"; outputs in {summary['out_dir']}"
        + (f", merged into {args.out}" if args.out else ""),
        file=sys.stderr,
    )
    return EXIT_PARTIAL if rejected else EXIT_OK


def _report_partition_rejects(summary: dict[str, Any]) -> None:
    """The rejects of the partitions a ``--engine dask`` run scored, as the local engine
    reports its own: the first 20, and with -v those every partition kept (its first 20, in
    its done-marker); with -v, those of the partitions earlier runs scored too."""
    every = logger.isEnabledFor(logging.DEBUG)
    now = "" if every else "_now"
    kept, rejected = summary[f"rejects{now}"], summary[f"rejected{now}"]
    shown = kept if every else kept[:20]
    for line in shown:
        logger.warning("rejected %s", line)
    more = rejected - len(shown)
    if more > 0:
        if len(kept) == len(shown):  # -v, and what no partition kept
            why = "not kept: each partition keeps its first 20"
        elif len(kept) == rejected:
            why = "-v lists them"
        else:
            why = "-v lists them, up to 20 per partition"
        logger.warning("... and %d more rejected records (%s)", more, why)
    for reason, n in summary.get(f"warned{now}", {}).items():  # as the local command words them
        like = f" (and {n - 1} more like it)" if n > 1 else ""
        first = summary.get(f"warnings{now}", {}).get(reason, "")
        logger.warning("kept with a warning, %s: %s%s", reason, first, like)


def _not_carried_over(previous: Any, taxonomy: Any, args: argparse.Namespace) -> list[str]:
    """What the model ``--previous`` names was trained with and this training is not given
    again: ``--previous`` carries the topic ids over, nothing else (a threshold raised in its
    taxonomy goes back to the bundled one's when ``--taxonomy`` is left out, and one set on it
    with ``set_threshold`` to this taxonomy's). A theme's threshold is compared as the model
    used it, set or not, with this taxonomy's."""
    said = []
    tagger = previous.themes_
    dropped = [t for t in tagger.taxonomy_.ids if t not in taxonomy.ids]
    if dropped:
        said.append(
            f"its themes {', '.join(dropped)} are not in this taxonomy "
            "(give its taxonomy again with --taxonomy)"
        )
    changed, set_on_model = [], []
    for theme in tagger.taxonomy_.themes:
        if theme.id in dropped:
            continue
        old, new = theme.to_dict(), taxonomy[theme.id].to_dict()
        used = float(tagger.thresholds_.get(theme.id, old["threshold"]))
        if used != float(new["threshold"]):
            if used != float(old["threshold"]):
                set_on_model.append(
                    f"{theme.id} (threshold {used:g}, set on the model; here {new['threshold']:g})"
                )
            else:
                changed.append(f"{theme.id} (threshold {used:g}, here {new['threshold']:g})")
        elif {**old, "threshold": None} != {**new, "threshold": None}:
            changed.append(f"{theme.id} (definition)")
    if changed:
        said.append(
            f"its themes {', '.join(changed)} differ in this taxonomy "
            "(give its taxonomy again with --taxonomy to keep them)"
        )
    if set_on_model:
        said.append(
            f"its thresholds {', '.join(set_on_model)} are not carried over: write them into "
            "the taxonomy given with --taxonomy (the theme's threshold line) to keep them, or "
            "set them again on the new model (themes_.set_threshold)"
        )
    weights = getattr(tagger, "text_weights_", None)
    if not args.theme_labels and weights is not None and any(float(w) > 0 for w in weights):
        said.append("its themes learnt from labels; give them again with --theme-labels")
    if args.tone_data is None and getattr(previous, "tone_sentence_weight_", None) == 0.0:
        said.append("its tone was learnt from labelled articles; give them again with --tone-data")
    return said


def _share_arg(value: str) -> float | str:
    """``--theme-share``: ``auto`` or a number (its range is checked where it is used)."""
    if value.strip().lower() == "auto":
        return "auto"
    try:
        return float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"must be auto or a number from 0 to 1, got {value!r}"
        ) from None


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _model_options(args: argparse.Namespace) -> str:
    """This run's model, as a command line gives it (empty for the default model): for a
    command the run suggests, so that it scores with the same model, not the default."""
    return "".join(
        f" --{name} {shlex.quote(str(value))}"
        for name in ("model", "taxonomy")
        if (value := getattr(args, name, None))
    )


def _reading_options(args: argparse.Namespace) -> str:
    """This run's options of how files are read, as a command line gives them (empty when all
    are the defaults): for a command the run suggests, so that it reads alike."""
    parts = [f" --column {shlex.quote(c)}" for c in args.column or ()]
    if args.date_order != "auto":
        parts.append(f" --date-order {args.date_order}")
    if args.max_chars != _MAX_CHARS_KW["default"]:
        parts.append(f" --max-chars {args.max_chars}")
    return "".join(parts)


def _file_stats(files: Sequence[str], args: argparse.Namespace) -> dict[str, str]:
    """``{resolved path: signature}`` of input files (standard input has none): size,
    modification and change times, and the reading options (``--column``, ``--date-order``,
    ``--max-chars``), so that a file is read again when it or the way it is read changes."""
    import hashlib

    options = json.dumps(
        [sorted((_column_map(args.column) or {}).items()), str(_dayfirst(args)), args.max_chars]
    )
    how = hashlib.sha256(options.encode("utf-8")).hexdigest()[:16]
    stats = {}
    for name in files:
        if name != "-":
            st = os.stat(name)
            stats[os.path.realpath(name)] = f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{how}"
    return stats


def _score_into_store(
    args: argparse.Namespace, pipe: Any, read: Callable[..., Iterator[Any]], rejects: Any
) -> tuple[dict[str, int], Any]:
    """Read ``args.inputs`` into the database and score what this model has not; the counts,
    and the rejects to report (those an earlier run had not recorded)."""
    from .corpus import DuplicateDetector, Rejects
    from .corpus.readers import dated_name, expand_paths, say_read_again
    from .preprocessing.parallel import effective_n_jobs
    from .store import (
        FinishedStatus,
        IdClash,
        RunActiveError,
        StoreError,
        changed_count,
        older_files_message,
        open_store,
        same_url_message,
        undated_files_message,
    )
    from .store.records import as_dict, content_hash

    version = pipe.model_version
    files = expand_paths(args.inputs)  # a missing input is said before the database is touched
    stats = _file_stats(files, args)
    window = _dedup_window(args)
    state = _dedup_state(args) or _default_dedup_state(args.db)
    try:
        store = open_store(args.db)
    except StoreError as exc:
        raise _db_error(args.db, exc) from None
    with store, contextlib.ExitStack() as state_held:
        # one run at a time reads its input against the duplicate-detection state and saves
        # it; scoring, the long part, runs beside other runs
        state_held.enter_context(_state_lock(state))
        state_held.enter_context(store.reading())  # also on PostgreSQL, with no state file
        try:
            described: Any = list(args.inputs)
            if args.rescore:  # so that a later --rescore can resume this one if it stops
                described = {"paths": described, "rescore": True}
            run_id = store.start_run(version, inputs=described)
        except RunActiveError as exc:
            raise CommandError(str(exc)) from None
        counts = {"scored": 0, "added": 0, "known": 0, "changed": 0}
        status: FinishedStatus = "failed"
        out = _open_out(args.out)

        # what each article stored or updated held before the run and holds now: an article
        # an older file puts back and a later file (another batch) corrects again is no change
        changes: dict[str, tuple[str | None, str]] = {}
        seen: dict[str, str] = {}  # id -> "file:line" of the record read last under it
        kept: dict[str, dict[str, Any]] = {}  # what records lacked and kept from an earlier copy
        # records of files dated before the file of the version kept: (file, newer file) by id
        kept_newer: dict[str, tuple[str, str]] = {}
        # articles of a dated file replaced from a name with no date: (file, dated file) by id
        replaced_undated: dict[str, tuple[str | None, str]] = {}
        # records taken as the article stored under another id with their URL: id given -> id
        same_url: dict[str, str] = {}
        # the unchanged files read again because they come after a new or changed one (by
        # resolved path); while there are any, the version of each article read last in this
        # run (its content's hash, its file), and the articles whose copy from a changed file an
        # unchanged later file's other copy put back: id -> (changed file, later file)
        reread_real: set[str] = set()
        last_read: dict[str, tuple[str, str | None, str]] = {}
        put_back: dict[str, tuple[str, str]] = {}
        # the ids of the rows the store took (neither refused for an id clash nor taken down),
        # and how many rows re-sent one of them: the store counts those among the known
        took: set[str] = set()
        resent = 0
        # the rows refused for their ids, by file: left out of the line on each file's records
        # read before from an earlier file ("kept as their newer versions"), said once all
        # are stored
        refused_ids: dict[str, set[str]] = {}
        read_again: list[tuple[str, dict[bool, list[str]]]] = []
        down = set(store.deleted_ids())
        real_paths: dict[str, str] = {}  # each file read (as named), by its resolved path

        def add(batch: list[Any], where: list[str], detector: Any) -> None:
            nonlocal resent
            # a record with the URL of an article stored under another id (an export's row
            # number one day, its URL's id read with --column id= the next) is that article:
            # it takes its id before anything else looks at it
            for k, aid in store.same_url_ids(batch).items():
                if aid not in down:  # (a taken-down article's: said among the taken down)
                    same_url[batch[k].id] = aid
                batch[k].id = aid
            # the records refused for their ids are left out before duplicate detection, which
            # would remember each under the id of the stored article it is not
            clashes = store.id_clashes(batch)
            refused = {clash.position for clash in clashes}
            taken = [k for k in range(len(batch)) if k not in refused]
            marked = [batch[k] for k in taken]
            # an earlier-published copy takes its story over: the answers given before change,
            # of this batch (not stored yet) and of stored articles (corrected once stored)
            repointed: dict[str, str | None] = {}
            for a in marked:
                if a.id in down:
                    # taken down: not stored again, and kept out of duplicate detection, where
                    # as the story's earliest copy it would take the story back over, and the
                    # stored copies would name it, an id no longer stored, as their original
                    continue
                a.extra["duplicate_of"] = detector.add(a)
                repointed.update(detector.repointed)
            for a in marked:
                if a.id in repointed:
                    a.extra["duplicate_of"] = repointed[a.id]
            later: list[IdClash] = []  # (none: this run alone reads into the store now)
            # the file of each record, by which an older export's copy is told from a newer one
            read_from = [real_paths.get(where[k].rsplit(":", 1)[0]) for k in taken]
            if reread_real:
                for k, a, path in zip(taken, marked, read_from, strict=True):
                    digest = content_hash(as_dict(a))
                    before = last_read.get(a.id)
                    name = where[k].rsplit(":", 1)[0]
                    if (
                        before is not None
                        and before[0] != digest
                        and before[1] is not None
                        and before[1] not in reread_real
                        and path in reread_real
                    ):
                        put_back[a.id] = (before[2], name)
                    last_read[a.id] = (digest, path, name)
            result = store.add_articles(
                marked,
                changes=changes,
                clashes=later,
                kept=kept,
                files=read_from,
                kept_newer=kept_newer,
                replaced_undated=replaced_undated,
                same_url=same_url,
            )
            store.set_duplicates(repointed)
            counts["added"] += result.new
            counts["known"] += result.known
            clashes += [c._replace(position=taken[c.position]) for c in later]
            clashed = {c.position for c in clashes}
            for k, article in enumerate(batch):
                if k in clashed or article.id in down:
                    continue
                if article.id in took:
                    resent += 1
                took.add(article.id)
            for clash in sorted(clashes):
                name, line = where[clash.position].rsplit(":", 1)
                rejects.add(
                    name, int(line), "id_clash", _id_clash_message(clash), "error", clash.id
                )
                refused_ids.setdefault(name, set()).add(clash.id)

        try:
            # files an earlier run read to their end, unchanged since and read the same way,
            # are not read again: the daily job can be given the whole export folder (their
            # articles are stored; any this model has not scored yet are scored below)
            done = set() if args.reread else store.unchanged_files(stats)
            # From the first file to read on (a new or changed one), every later file is read
            # too: a changed old export would otherwise put back its older copies of articles
            # that later files corrected. Files are read in order, the later version winning.
            paths = [None if f == "-" else os.path.realpath(f) for f in files]
            first = next((i for i, p in enumerate(paths) if p is None or p not in done), None)
            if first is not None:
                reread = [f for f, p in zip(files[first:], paths[first:], strict=True) if p in done]
                if reread:
                    # a big archive file whose undated name sorts after the daily exports is
                    # read again every day: say which, and how to read it once
                    logger.info(
                        "%d unchanged input file(s) read again, as they come after %s, which is "
                        "new or changed (files are read in name order, a later file's copy of "
                        "an article winning): %s%s%s",
                        len(reread),
                        files[first],
                        ", ".join(reread[:3]),
                        ", ..." if len(reread) > 3 else "",
                        "; a name without a date sorts after dated ones: date it or move it out "
                        "of the folder to read it once"
                        if any(not dated_name(f) for f in reread)
                        else "",
                    )
                reread_real.update(p for p in paths[first:] if p is not None and p in done)
                done = {p for p in paths[:first] if p is not None}
            if done:
                logger.info(
                    "%d of %d input file(s) were read by an earlier run and are unchanged "
                    "since, as is every file before them: skipped (--reread reads them again)",
                    len(done),
                    len(files),
                )
            todo = [f for f, p in zip(files, paths, strict=True) if p is None or p not in done]
            real_paths.update((f, p) for f, p in zip(files, paths, strict=True) if p is not None)
            # a stop midway could leave an older copy of an article (from an earlier file) over
            # its newer one (in a later file, not yet written): until this run has read them
            # all, the files count as not read
            store.forget_files(p for p in paths if p is not None and p not in done)
            if todo:  # (with nothing to read, the duplicate-detection state is not loaded)
                if state is None:  # a server database keeps it (every machine's runs share it)
                    detector, found = _stored_detector(store, DuplicateDetector)
                    where = "in the database"
                else:
                    detector = _load_detector(state, DuplicateDetector)
                    found, where = state.exists(), f"at {state}"
                detector.max_articles = window
                if not found:
                    _rebuild_detector(store, detector, window, where)
                # an article met again in a later file is its newer version: the store keeps it
                articles = read(
                    todo,
                    newer_files=True,
                    seen=seen,
                    on_read_again=lambda name, again: read_again.append((name, again)),
                )
                batch: list[Any] = []
                read_at: list[str] = []
                for a in articles:
                    batch.append(a)
                    read_at.append(seen[a.id])  # (the reader notes it before handing it out)
                    if len(batch) >= 1000:
                        add(batch, read_at, detector)
                        batch, read_at = [], []
                if batch:
                    add(batch, read_at, detector)
                for name, again in read_again:  # (a refused row is no newer version)
                    out_of = refused_ids.get(name, set())
                    say_read_again(
                        name, {k: [i for i in v if i not in out_of] for k, v in again.items()}
                    )
                if same_url:  # once per run
                    logger.info(same_url_message(same_url))
                if kept_newer:  # once per run
                    logger.info(older_files_message(kept_newer))
                if put_back:  # once per run
                    logger.warning(put_back_message(put_back))
                if replaced_undated:
                    # the command to restore them reads as this run reads (its options)
                    logger.warning(
                        undated_files_message(replaced_undated).replace(
                            "--db DB",
                            f"--db {shlex.quote(args.db)}{_model_options(args)}"
                            f"{_reading_options(args)}",
                        )
                    )
                if state is None:
                    store.save_dedup_state(detector.to_bytes(), run_id)
                else:
                    detector.save(state)
                    if store.kind != "sqlite":  # a later run without the file rebuilds it
                        store.drop_dedup_state()
            # a file read again (a late line appended, or the newest article put first) meets
            # its old bad records again, at the same lines or not: they are stored once, and
            # said again neither in the log nor in the exit code; so are those of a file met
            # under another folder (the exports moved). (By their real paths, as the files
            # read are known: "daily/x.jsonl" one day and "/srv/feed/daily/x.jsonl" the next
            # are one file.)
            real = {f: os.path.realpath(f) for f in todo if f != "-"}
            stored, new = Rejects(), Rejects()
            messages = [_what_was_scored(r, kept) for r in rejects]
            for r, message in zip(rejects, messages, strict=True):
                where = real.get(r.file, r.file)
                stored.add(where, r.line, r.reason, message, r.severity, r.record_id, r.digest)
            known = store.known_rejects(stored, files=list(real.values()))
            for r, message, seen_before in zip(rejects, messages, known, strict=True):
                if not seen_before:
                    new.add(r.file, r.line, r.reason, message, r.severity, r.record_id, r.digest)
            store.add_rejects(run_id, stored, files=list(real.values()))
            if len(new) < len(rejects):
                logger.info(
                    "%d problem(s) met in files read again were recorded by an earlier run: "
                    "not reported again (db status counts them once)",
                    len(rejects) - len(new),
                )
            new.guessed_date_order = rejects.guessed_date_order
            rejects = new
            store.mark_files_read(run_id, {p: v for p, v in stats.items() if p not in done})
            state_held.close()  # the next run may read now: this one's files are recorded
            quiet_feed = not counts["added"] and not changed_count(changes)
            if args.warn_idle > 0 and quiet_feed and not args.rescore:
                idle = _idle_warning(store.last_arrival(), args.warn_idle, args.inputs)
                if idle:
                    logger.warning(idle)
            behind = None if args.older_model else _model_behind(store, version)
            if behind is not None:
                logger.error(behind)
                counts["behind"] = 1
                status = "partial"
                return counts, rejects
            since = store.rescore_since(version, run_id) if args.rescore else None
            if since is not None and since < run_id:
                logger.info("resuming the rescore that run %d began and did not finish", since)
            # one count over every batch, with the total when it is known (a rescore claims
            # what is already scored too)
            total = None if args.rescore else store.pending(version)
            progress = _Progress(total=total, desc="scoring", quiet=args.quiet)
            # the worker processes, started with the first batch that needs them, score every
            # later one too: a pool per batch warmed its caches again each time (batches of 100
            # took twice as long as batches of 500)
            pool = None
            workers = state_held.enter_context(contextlib.ExitStack())
            while claimed := store.claim(
                run_id, version, limit=args.batch_size, rescore=args.rescore, rescore_since=since
            ):
                arts = _stored_articles(claimed, rejects, args.db)
                if not arts:
                    continue
                extras = {a.id: a.extra for a in arts}
                if (
                    pool is None
                    and len(arts) > pipe.SCORE_CHUNK
                    and effective_n_jobs(args.jobs) > 1
                ):
                    pool = workers.enter_context(pipe.scoring_pool(args.jobs))
                scored = [
                    _finish_record(r, extras[r["id"]])
                    for r in progress.wrap(pipe.score(arts, n_jobs=args.jobs, pool=pool))
                ]
                store.save_scores(run_id, version, scored)
                counts["scored"] += len(scored)
                if out is not None:
                    for r in scored:
                        out.write(json.dumps(r, ensure_ascii=False) + "\n")
            progress.close()
            status = "partial" if len(rejects.errors) else "ok"
        finally:
            counts["changed"] = changed_count(changes)
            store.finish_run(run_id, status, counts | {"rejected": len(rejects.errors)})
            counts["resent"] = resent  # (said, not stored with the run)
            counts["refused"] = sum(len(ids) for ids in refused_ids.values())
            if out is not None:
                out.finish(status != "failed")
    return counts, rejects


def _what_was_scored(reject: Any, kept: dict[str, dict[str, Any]]) -> str:
    """The message of ``reject``, or for a record without a body whose article kept the body
    read before (stored, or of an earlier copy) what the article is scored on: the reader
    said "scored on the title alone" before the store kept that body."""
    body = kept.get(reject.record_id or "", {}).get("text")
    scored_on_title = "; scored on the title alone"
    if reject.reason != "no_content" or not body or scored_on_title not in reject.message:
        return str(reject.message)
    # "empty text", or "the text has no words once cleaned (...)": what the body read was
    why = reject.message.split(scored_on_title, 1)[0]
    return f"{why}; the body read before ({len(body):,} characters) is kept and scored"


def put_back_message(put_back: Mapping[str, tuple[str, str]]) -> str:
    """The warning that a changed file's new versions of articles were put back by the older
    copies of an unchanged file read after it (a re-sent export correcting articles that a
    later day's export repeated as they were), and how to keep the changed file's.

    >>> print(put_back_message({"a": ("x/2024-11-09.csv", "x/2024-11-10.csv")}))
    ... # doctest: +NORMALIZE_WHITESPACE
    1 article of a changed file was read with another text than before and then put back as an
    unchanged later-dated file has it: 1 of 2024-11-09.csv by 2024-11-10.csv (id 'a'). The
    latest-dated file's copy of an article wins: if the changed file corrects them, send the
    corrections in a file dated after the later one, or remove them from it
    """
    pairs = Counter(put_back.values())
    most = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))
    shown = [
        f"{n:,} of {os.path.basename(changed)} by {os.path.basename(later)}"
        for (changed, later), n in most[:3]
    ]
    if len(pairs) > 3:
        shown.append(f"{len(pairs) - 3} more pairs of files")
    ids = list(put_back)
    listed = ", ".join(repr(i) for i in ids[:3]) + (", ..." if len(ids) > 3 else "")
    n = len(put_back)
    return (
        f"{n:,} article{'' if n == 1 else 's'} of a changed file {'was' if n == 1 else 'were'} "
        "read with another text than before and then put back as an unchanged later-dated file "
        f"has {'it' if n == 1 else 'them'}: {', '.join(shown)} (id{'' if n == 1 else 's'} "
        f"{listed}). The latest-dated file's copy of an article wins: if the changed file "
        "corrects them, send the corrections in a file dated after the later one, or remove "
        "them from it"
    )


def _id_clash_message(clash: Any) -> str:
    """The reject of a record whose id is another article's (:class:`~media_analytics.store.
    IdClash`), with what to do about it."""
    why = (
        "the ids look like row numbers that each export starts again"
        if clash.id.isdigit()
        else "the export's ids name other articles in other exports"
    )
    if clash.url:
        other, source = f"{clash.url}; other URL, other text", "the URLs"
        after = ""
    else:
        other, source = "other headline, other text; no URL", "the headline and text"
        after = (
            "; the articles stored under the old ids are not matched to the new ones without "
            "URLs: take them down first with media-analytics db delete"
        )
    return (
        f"id {clash.id!r} is already the id of another article ({other}): not stored, as it "
        f"would replace that article. If {why}: ignore the export's id column with --column "
        f"id= (its name before the =; ids then come from {source}), or map a column that "
        f"names each article to id with --column NAME=id{after}"
    )


def _idle_warning(
    last: datetime | None, hours: float, inputs: list[str], now: datetime | None = None
) -> str | None:
    """What to say when a ``score --db`` run found no new or changed article: nothing while
    the last one arrived less than ``hours`` ago (a quiet hour of an hourly job).

    >>> from datetime import datetime, timezone
    >>> now = datetime(2026, 12, 7, 6, 0, tzinfo=timezone.utc)
    >>> print(_idle_warning(datetime(2026, 12, 5, 6, 1, tzinfo=timezone.utc), 20, ["exports/"],
    ...                     now))  # doctest: +NORMALIZE_WHITESPACE
    no new or changed article in exports/, and none since 2026-12-05 06:01 UTC (48 hours):
    is the feed still writing there? (--warn-idle 0: no such warning)
    >>> _idle_warning(datetime(2026, 12, 6, 12, 0, tzinfo=timezone.utc), 20, ["x"], now) is None
    True
    """
    where = ", ".join(inputs)
    if last is None:
        return (
            f"no article in {where}, and the database holds none yet: is the feed writing "
            "there? (--warn-idle 0: no such warning)"
        )
    now = now or datetime.now(timezone.utc)
    idle = (now - last).total_seconds() / 3600
    if idle < hours:
        return None
    ago = f"{idle:.0f} hours" if idle < 72 else f"{idle / 24:.0f} days"
    return (
        f"no new or changed article in {where}, and none since {last:%Y-%m-%d %H:%M} UTC "
        f"({ago}): is the feed still writing there? (--warn-idle 0: no such warning)"
    )


def _model_behind(store: Any, version: str) -> str | None:
    """Why this run's model must not score the database, or None: another model became the one
    reports cover after it scored here (or after its scores were dropped). A daily job that lost
    its ``--model`` after an upgrade scored the whole backlog with the old model, whose scores no
    report shows, and exited 0; the new articles are stored all the same and wait for the model
    reports cover."""
    versions = store.versions_frame()
    current = store.current_version(versions)
    if current is None or current == version:
        return None
    mine = versions[versions["model_version"] == version]
    fix = (
        f"the articles read are stored and wait for it: score with --model pointing at "
        f"{current}'s model directory, or give --older-model to score with this one all the same"
    )
    if len(mine) and not mine["n_scores"].sum():
        # a model whose first runs stopped before saving a score is new, not dropped
        runs = store.runs_frame()
        counts = runs.loc[runs["model_version"] == version, "counts"]
        if not any(isinstance(c, dict) and c.get("scored", 0) for c in counts):
            return None
        # its scores dropped (db drop-version) after the upgrade, then the old cron line ran
        return (
            f"model {version} had its scores dropped from this database (db drop-version), and "
            f"reports cover {current}: not scored with the dropped model (it would score the "
            f"archive again, and `report --db` would not show it); {fix}"
        )
    if version in set(versions.loc[versions["n_scores"] > 0, "model_version"]):
        return (
            f"model {version} is older than {current}, the model `report --db` covers (first "
            f"used after it): not scored with it (reports would not show its scores); {fix} "
            f"(or drop {current} with `db drop-version` to go back to {version})"
        )
    return None


def _state_lock(state: Path | None) -> contextlib.AbstractContextManager[None]:
    """Hold the duplicate-detection state file for this process (a lock file beside it)."""
    from .store.backends import file_lock

    if state is None:
        return contextlib.nullcontext()
    return file_lock(state.with_name(state.name + ".lock"), state)


def _load_detector(state: Path | None, cls: Any) -> Any:
    """The saved duplicate-detection state, or a new one when there is none or it is broken
    (a broken file is kept aside as ``*.broken`` and the job goes on, with a warning)."""
    import zipfile

    if state is None or not state.exists():
        return cls()
    try:
        return cls.load(state)
    except (OSError, ValueError, EOFError, KeyError, zipfile.BadZipFile) as exc:
        broken = state.with_name(state.name + ".broken")
        os.replace(state, broken)
        logger.warning(
            "%s cannot be read (%s): moved to %s; duplicate detection starts again (with "
            "--db, from the articles the database holds)",
            state,
            " ".join(str(exc).split())[:200] or type(exc).__name__,
            broken.name,
        )
        return cls()


def _stored_detector(store: Any, cls: Any) -> tuple[Any, bool]:
    """The duplicate-detection state a server database keeps and True, or a new one and False
    when it keeps none or a broken one (with a warning: the job goes on and rebuilds it)."""
    data = store.load_dedup_state()
    if data is None:
        return cls(), False
    try:
        return cls.from_bytes(data), True
    except ValueError as exc:
        logger.warning(
            "the duplicate-detection state in %s cannot be read (%s): duplicate detection "
            "starts again from the articles the database holds",
            store.url,
            " ".join(str(exc).split())[:200],
        )
        return cls(), False


def _rebuild_detector(store: Any, detector: Any, window: int | None, where: str) -> None:
    """Add to ``detector`` the ``window`` most recent articles the database holds (all with
    ``None``), as the runs that stored them did: a database moved or restored without its state
    file (or with a broken one), or a server database without the state it keeps (upgraded,
    after ``db delete``), would otherwise take every copy of an article stored before as a new
    story. ``where`` says where the state was looked for."""
    marks: dict[str, str | None] = {}  # what each stored record says
    for group in store.stored_articles(window):
        # one batch's order is not stored: its originals first, as the run met each copy after
        # its original
        for record in sorted(group, key=lambda r: r.get("duplicate_of") is not None):
            try:
                article = _stored_article(record)
            except ValueError:
                continue  # no article to this release (said when it is left unscored)
            detector.add(article)
            marks[article.id] = record.get("duplicate_of")
    if marks:
        logger.info(
            "no duplicate-detection state %s: rebuilt from the %s most recent articles "
            "the database holds",
            where,
            f"{len(marks):,}",
        )
    # the stored marks agree with the state again (a story whose copy was stored as its
    # original, by a release that took the first copy read for it, is corrected)
    changed = {aid: now for aid, was in marks.items() if (now := detector.original_of(aid)) != was}
    if changed:
        # near-duplicates group by the order they are met, and a rebuild meets them in another
        # order than the runs did: a few stored stories may change (3 of 12,200 in a trial)
        logger.warning(
            "the rebuilt duplicate-detection state groups %d stored article(s) otherwise than "
            "the runs that stored them: their duplicate_of is updated (%s); a backup's state "
            "file, copied with the database, keeps them as they were",
            len(changed),
            ", ".join(
                f"{aid} -> {now or 'its own original'}" for aid, now in list(changed.items())[:5]
            )
            + (f" and {len(changed) - 5} more" if len(changed) > 5 else ""),
        )
    store.set_duplicates(changed)


def _dedup_state(args: argparse.Namespace) -> Path | None:
    """``--dedup-state``, refused before anything is read when its folder is missing."""
    if not args.dedup_state:
        return None
    state = Path(args.dedup_state)
    if not state.parent.is_dir():
        raise CommandError(f"--dedup-state {state}: no such folder {state.parent}")
    if state.exists() and not state.is_file():
        # read back by the next run; one that cannot be read would be moved aside
        raise CommandError(f"--dedup-state {state}: not a file; give a file name for the state")
    return state


def _default_dedup_state(db: str) -> Path | None:
    """The state file beside a SQLite database; None for a server database, which keeps the
    state in a table of its own (so that runs on several machines share it)."""
    if "://" in db and not db.startswith("sqlite:///"):
        return None
    path = db.removeprefix("sqlite:///")
    return Path(path + ".dedup.npz")


# -- report --------------------------------------------------------------------------------------


def _report_version(store: Any, args: argparse.Namespace) -> tuple[str | None, bool]:
    """The model version a report of the database covers: ``--model-version``'s, or the one
    first used most recently (:meth:`Store.current_version`); other versions holding scores are
    named, with how much they scored, and the articles of the period that version has not
    scored are counted. The flag is set when it scored none of the period's articles, or (not
    asked for) fewer than another version did: the report is then empty of articles the
    database holds, or partial, and the command says so by its exit code."""
    asked = args.model_version
    version = asked or store.current_version()
    versions = store.versions_frame()
    if version is None or version not in set(versions["model_version"]):
        return version, False  # (nothing scored; a version asked for it lacks is refused later)
    held = [str(v) for v in versions.loc[versions["n_scores"] > 0, "model_version"]]
    others = [v for v in held if v != version]
    window = bool(args.since or args.until)
    counts = (
        store.scores_count(args.since, args.until)
        if window
        else dict(zip(versions["model_version"], versions["n_scores"], strict=True))
    )
    mine = counts.get(version, 0)
    stored = store.articles_count(args.since, args.until)
    period = " in the period asked for" if window else ""
    if others and not asked:
        listed = ", ".join(f"{v} ({counts.get(v, 0):,} articles)" for v in reversed(others))
        logger.warning(
            "the report covers model %s (%s articles%s), the one first used most recently; the "
            "database also holds %s. --model-version chooses another.",
            version, f"{mine:,}", period, listed,
        )  # fmt: skip
    scored_by = "".join(f"; {v} scored {counts[v]:,}" for v in reversed(others) if counts.get(v))
    if mine < stored:
        # seen in an operator's trial: --model-version of an old model gave a month's report of
        # 31 stories of the 481 articles stored, and one of none with exit 0
        logger.warning(
            "model %s scored %s of the %s articles stored%s: the report holds only those it "
            "scored%s (score --db with that model's --model scores the others)%s",
            version, f"{mine:,}", f"{stored:,}", period,
            scored_by,
            ". The report holds none of those articles (exit 1)." if not mine else "",
        )  # fmt: skip
    # a newer model whose first run over the archive stopped (or a trial run with another
    # taxonomy) covers fewer articles than an older one: the report goes out partial, so the
    # command says so by its exit code (seen in an operator's trial: 25 of 288 stories, exit 0)
    fuller = [v for v in others if counts.get(v, 0) > mine]
    if mine and fuller and not asked:
        best = max(fuller, key=lambda v: counts.get(v, 0))
        logger.warning(
            "model %s, which the report covers, scored fewer of the articles%s than %s (%s "
            "against %s): the report is partial (exit 1); finish that model's scoring (score "
            "--db with its --model), or report on the other with --model-version %s",
            version, period, best, f"{mine:,}", f"{counts.get(best, 0):,}", best,
        )  # fmt: skip
        return version, True
    return version, not mine and stored > 0


def _cmd_report(args: argparse.Namespace) -> int:
    from .reports import build_report, history_start

    if bool(args.db) == bool(args.inputs):
        raise CommandError("give either --db DB or scored JSONL INPUT files, not both or neither")
    if args.since and args.until and args.since > args.until:
        raise CommandError(f"--since {args.since} is after --until {args.until}")
    actor_types = _actor_types(args.actor_types)
    if args.region:  # a typo in a region is refused before the scores are read
        from .reports.regions import resolve_regions

        try:
            resolve_regions(args.region, what="--region")
        except ValueError as exc:
            raise CommandError(str(exc)) from None
    if args.db:
        from .store import StoreError, UnknownVersionError

        try:
            with _existing_store(args.db) as store:
                version, elsewhere = _report_version(store, args)
                # only the version and the period reported on are read into memory, with
                # the other copies of the stories in it (a story is dated by its first copy),
                # and the periods before it that the spike test's baseline is made of
                first = history_start(args.since, args.period)
                records: Any = (
                    store.scores_frame(
                        version,
                        first.date().isoformat() if first is not None else None,
                        until=args.until,
                        whole_stories=True,
                    )
                    if version
                    else []
                )
        except UnknownVersionError as exc:  # the versions it holds named, as in Python
            raise CommandError(f"--model-version {args.model_version}: {exc.reason}") from None
        except StoreError as exc:
            raise _db_error(args.db, exc) from None
    else:
        records = list(_read_scored(args.inputs))
        elsewhere = False
    if not len(records):
        raise CommandError("no scored records to report on")
    themes = _check_report_themes(args.theme, records) if args.theme else None
    from .actors import read_name_table
    from .reports import read_topic_names

    aliases = _read_option_file("--aliases", args.aliases, read_name_table)
    topic_names = _read_option_file("--topic-names", args.topic_names, read_topic_names)
    out = Path(args.out)
    html_file = out if out.suffix == ".html" else None
    # with --out weekly.html, the Markdown and the tables go to weekly/ beside it (a second
    # report, monthly.html, does not overwrite them)
    folder = out.with_suffix("") if html_file else out
    try:
        written = build_report(
            records,
            folder,
            period=args.period,
            themes=themes,
            sources=args.source,
            since=args.since,
            until=args.until,
            title=args.title,
            html_file=html_file,
            aliases=aliases,
            names=args.actor,
            regions=args.region,
            about=args.about,
            topic_names=topic_names,
            actor_types=actor_types,
            excel=not args.no_excel,
        )
    except ValueError as exc:  # a bad --since, ...
        raise CommandError(str(exc)) from None
    if not args.quiet:
        for name, path in written.items():
            print(f"{name}: {path}")
    return EXIT_PARTIAL if elsewhere else EXIT_OK


def _actor_types(value: str | None) -> list[str] | None:
    """The types ``--actor-types`` names (``person,organization``), or refuse one that is no
    actor type; ``None`` without the option."""
    if value is None:
        return None
    from .reports.content import ACTOR_TYPES

    asked = [t.strip() for t in value.split(",") if t.strip()]
    unknown = [t for t in asked if t.casefold() not in ACTOR_TYPES]
    if unknown or not asked:
        raise CommandError(
            f"--actor-types {', '.join(map(repr, unknown or [value]))}: not an actor type; give "
            f"one or more of {', '.join(ACTOR_TYPES)}, comma-separated"
        )
    return asked


def _check_report_themes(asked: Sequence[str], records: Any) -> list[str]:
    """The theme ids ``--theme`` names, or refuse a name that neither the records nor the
    default taxonomy know.

    A theme is named by its id in any case or by the taxonomy's name of it (``"Keamanan
    Pilkada"``, see :func:`~media_analytics.reports.theme_ids`). Another name is a misspelling:
    the report would hold 0 stories and the command exit 0, so a scheduled report would go on
    empty unnoticed. A theme of the taxonomy that no story carries in the range is a real
    answer (none) and still gets its report, with a warning.
    """
    from .reports import theme_ids
    from .themes import Taxonomy

    if hasattr(records, "columns"):  # a frame read from the database
        cells = records["themes"] if "themes" in records.columns else []
    else:
        cells = (r.get("themes") for r in records)
    known = {t["theme"] for cell in cells if cell is not None for t in cell if "theme" in t}
    taxonomy = Taxonomy.load()
    ids, unknown = theme_ids(asked, known, taxonomy=taxonomy)
    if unknown:
        raise CommandError(
            f"--theme {', '.join(map(repr, unknown))}: not a theme of these records or the "
            f"taxonomy; known themes: {', '.join(sorted(known | set(taxonomy.ids)))} (or the "
            f"taxonomy's name of one, as {taxonomy.themes[0].name_id or taxonomy.ids[0]!r})"
        )
    return ids


_REPORT_READS = (
    "report reads scored JSONL (as score --out writes it) and .parquet; a CSV of scores is "
    'read back in Python: build_report(pd.read_csv("scores.csv"), "report/")'
)


def _read_option_file(flag: str, path: str | None, read: Callable[[str], Any]) -> Any:
    """What ``read`` makes of the file an option names (``None`` without one); a file that
    cannot be read is a one-line error naming the option."""
    if not path:
        return None
    try:
        return read(path)
    except (OSError, ValueError) as exc:
        raise CommandError(f"{flag}: {exc}") from None


#: Fields only a scored record has: a file of articles not yet scored has none of them.
_SCORED_FIELDS = frozenset({"themes", "topic", "sentiment", "actors", "quotes", "model_version"})


def _not_scored_yet(f: Path, fields: Iterable[object]) -> CommandError | None:
    """The error for a file of articles not yet scored (a crawler's export given to ``report``):
    its columns or keys (``fields``) name a title or a text as the readers read them
    (``judul``, ``content``, ``Deskripsi``, ...) and none of a scored record's fields; ``None``
    for any other file."""
    from .corpus import ColumnResolver

    names = [str(x).strip() for x in fields if str(x).strip()]
    if _SCORED_FIELDS & {n.casefold() for n in names}:
        return None
    found = ColumnResolver().resolve(names)
    if not {"title", "text"} & set(found):
        return None
    shown = ", ".join(names[:6]) + (", ..." if len(names) > 6 else "")
    return CommandError(
        f"{f}: articles not yet scored ({shown}; no themes, topic or actors): run "
        f"media-analytics score {shlex.quote(str(f))} --out scored.jsonl first, then report "
        "on scored.jsonl"
    )


def _header(line: str) -> list[str]:
    """The columns of a CSV (or TSV, or ``;``-separated) file's first line: split on the
    separator that gives the most."""
    line = line.lstrip("\ufeff").rstrip("\r\n")
    splits = [next(csv.reader([line], delimiter=d)) for d in (",", ";", "\t", "|")]
    return max(splits, key=len)


def _read_scored(paths: Sequence[str]) -> Iterator[dict[str, Any]]:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files = sorted([*path.rglob("*.jsonl"), *path.rglob("*.parquet")])
        else:
            files = [path]
        for f in files:
            if f.suffix.lower() in (".parquet", ".pq"):
                # scores an analyst kept with DataFrame.to_parquet (nested fields come back as
                # arrays, which the report reads)
                from .corpus.readers import require_pyarrow

                try:
                    table = require_pyarrow("reading scores from Parquet").parquet.read_table(f)
                except ImportError as exc:
                    raise CommandError(str(exc)) from None
                except Exception as exc:  # pyarrow's errors for a file that is not Parquet
                    raise CommandError(f"{f}: not a readable Parquet file ({exc})") from None
                unscored = _not_scored_yet(f, table.column_names)
                if unscored is not None:
                    raise unscored
                yield from table.to_pandas().to_dict(orient="records")
                continue
            records: list[dict[str, Any]] = []
            with f.open(encoding="utf-8") as handle:
                try:
                    for n, line in enumerate(handle, 1):
                        if not line.strip():
                            continue
                        try:
                            records.append(json.loads(line))
                        except json.JSONDecodeError as exc:
                            if records:  # a JSONL file broken further on
                                raise CommandError(
                                    f"{f}:{n}: not a scored record ({exc})"
                                ) from None
                            # a file none of whose lines reads is not JSONL at all: articles
                            # to score first (a crawler's CSV), or a CSV of scores a notebook
                            # saved (say what the command reads, and the way to the rest)
                            unscored = _not_scored_yet(f, _header(line))
                            if unscored is not None:
                                raise unscored from None
                            raise CommandError(
                                f"{f}:{n}: not a scored record ({exc}); {_REPORT_READS}"
                            ) from None
                except UnicodeDecodeError:  # an Excel workbook, a CSV in another encoding
                    raise CommandError(
                        f"{f}: not UTF-8 text; {_REPORT_READS} (articles, an export of a "
                        f"crawler in any format, are scored first: media-analytics score "
                        f"{shlex.quote(str(f))} --out scored.jsonl)"
                    ) from None
            # a JSONL of articles reads, but holds nothing to report on
            keys = dict.fromkeys(
                k for record in records if isinstance(record, dict) for k in record
            )
            unscored = _not_scored_yet(f, keys)
            if unscored is not None and records:
                raise unscored
            yield from records


# -- db ------------------------------------------------------------------------------------------


def _shown(url: str) -> str:
    """A database URL as messages show it: its password hidden."""
    from .store.backends import redact

    return redact(url)


def _existing_store(url: str) -> Any:
    """Open the database at ``url`` that must exist already (a mistyped name, a ``sqlite:///``
    URL to no file or an empty file would otherwise become an empty database)."""
    from .store import StoreError, open_store

    path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url
    if "://" not in path:
        if not Path(path).is_file():
            raise CommandError(f"--db {url}: no such database file")
        if Path(path).stat().st_size == 0:
            raise CommandError(f"--db {url}: an empty file, not a media-analytics database")
    try:
        return open_store(url)
    except StoreError as exc:
        raise _db_error(url, exc) from None


def _db_error(url: str, exc: Exception) -> CommandError:
    """A database's error for the command line: its URL named once, the password hidden."""
    said = str(exc)  # the store's messages name the database already, password hidden
    return CommandError(said if _shown(url) in said else f"--db {_shown(url)}: {said}")


def _cmd_db_status(args: argparse.Namespace) -> int:
    from .pipeline import _json_value
    from .store import SCHEMA_VERSION, StoreError

    with _existing_store(args.db) as store:
        try:
            store.reap_dead_runs()  # a run whose process is gone is not shown as running
        except StoreError as exc:
            # a full disk: the status reads what is stored (the run it stopped shows running)
            logger.warning(
                "could not mark the runs whose process is gone as crashed (%s): they are shown "
                "as stored",
                exc,
            )
        try:
            versions = store.versions_frame()
            current = store.current_version()
            runs = store.runs_frame()
            stored_rejects = store.rejects_frame()
            rejects = int((stored_rejects["severity"] == "error").sum())
            summary_rows = int((stored_rejects["severity"] == "skipped").sum())
            warned = len(stored_rejects) - rejects - summary_rows
            articles = store.articles_count()
            arrived = store.last_arrival()
        except StoreError as exc:
            raise _db_error(args.db, exc) from None
        url = store.url
    statuses = runs["status"].value_counts().to_dict() if len(runs) else {}
    size = Path(args.db).stat().st_size if "://" not in args.db else None
    if args.json:
        out = {
            "database": url,
            "schema_version": SCHEMA_VERSION,
            "bytes": size,
            "articles": articles,
            "last_arrival": arrived.isoformat() if arrived is not None else None,
            "runs": {str(k): int(v) for k, v in statuses.items()},
            "rejects": rejects,
            "warnings": warned,
            "summary_rows": summary_rows,
            "current_version": current,
            "last_runs": [
                {k: _json_value(row[k]) for k in _RUN_FIELDS}
                for row in runs.tail(_LAST_RUNS).to_dict(orient="records")
            ],
            "versions": [
                {k: _json_value(v) for k, v in row.items()}
                for row in versions.to_dict(orient="records")
            ],
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return EXIT_OK
    held = f", {size / 1e6:,.1f} MB" if size is not None else ""
    print(f"{url} (schema {SCHEMA_VERSION}{held})")
    # when an article last arrived (stored or changed): a feed that stopped shows here
    print(
        f"articles: {articles:,}" + (f" (the last arrived {_minute(arrived)})" if arrived else "")
    )
    listed = ", ".join(f"{k} {v:,}" for k, v in sorted(statuses.items()))
    print(f"runs: {len(runs):,}" + (f" ({listed})" if listed else ""))
    said_counts: set[str] = set()
    for row in runs.tail(_LAST_RUNS).itertuples():
        counts = ", ".join(f"{k} {v:,}" for k, v in (row.counts or {}).items())
        said_counts.update(row.counts or {})
        print(
            f"  run {row.run_id}: {row.status}, started {_minute(row.started_at)}"
            + (f", {counts}" if counts else "")
        )
    legend = [f"{k}: {_RUN_COUNTS[k]}" for k in _RUN_COUNTS if k in said_counts]
    if legend:  # what a run's counts are (its closing line splits "known" otherwise)
        print("  (" + "; ".join(legend) + ")")
    print(
        f"records rejected: {rejects:,}; kept with a warning: {warned:,}"
        + (f"; summary rows left out: {summary_rows:,}" if summary_rows else "")
    )
    if not len(versions):
        print("model versions: none yet")
        return EXIT_OK
    print("model versions (* the one reports cover by default), oldest first:")
    for row in versions.itertuples():
        mark = "*" if row.model_version == current else " "
        stale = f", {row.n_stale:,} stale" if row.n_stale else ""
        running = f", {row.n_running} running" if row.n_running else ""
        first = _day(row.first_run_at)
        last = _day(row.last_run_at)
        span = f"from {first} to {last}" if first != last else f"on {first}"
        print(
            f" {mark} {row.model_version}: {_count(row.n_scores, 'article')} scored{stale}; "
            f"{_count(row.n_runs, 'run')} {span}{running}"
        )
    return EXIT_OK


def _cmd_db_rejects(args: argparse.Namespace) -> int:
    """The stored rejects, one ``file:line: reason: message`` line each (what each run said
    when it read them, for a run whose output was lost: killed, or run by cron)."""
    from .pipeline import _json_value
    from .store import StoreError

    with _existing_store(args.db) as store:
        try:
            frame = store.rejects_frame(args.run)
        except StoreError as exc:
            raise _db_error(args.db, exc) from None
    if not args.warnings:
        frame = frame[frame["severity"] == "error"]
    if args.json:
        for row in frame.to_dict(orient="records"):
            print(json.dumps({k: _json_value(v) for k, v in row.items()}, ensure_ascii=False))
        return EXIT_OK
    for row in frame.to_dict(orient="records"):
        line = _json_value(row["line"])
        where = str(row["file"]) + ("" if line is None else f":{line}")
        kind = {"error": "", "skipped": " (left out: not an article)"}.get(
            str(row["severity"]), " (warning)"
        )
        rid = _json_value(row.get("record_id"))
        # the record's id, unless the message names it already ("id 'x' was already read")
        named = f"id {rid}, " if rid and repr(str(rid)) not in str(row["message"]) else ""
        print(f"{where}: {row['reason']}{kind}: {row['message']} [{named}run {row['run_id']}]")
    if not len(frame):
        what = "rejects or warnings" if args.warnings else "rejects"
        print(f"no {what} stored" + (f" for run {args.run}" if args.run is not None else ""))
    return EXIT_OK


def _cmd_db_export(args: argparse.Namespace) -> int:
    """The database's records as JSON lines: the scored records of one model version (the one
    reports cover by default), or with ``--articles`` the stored articles as they were read
    (their text included: what ``train`` and ``score`` take), so that retraining, handing the
    records on or moving to another database needs no export files kept."""
    from .pipeline import _json_value
    from .store import StoreError

    _check_out(args.out)
    if args.articles and (args.model_version or args.since or args.until):
        raise CommandError(
            "--articles exports every stored article: --model-version, --since and --until "
            "choose scored records"
        )
    out = _Output(args.out)
    n = 0
    ok = False
    try:
        with _existing_store(args.db) as store:
            try:
                if args.articles:
                    for group in store.stored_articles():
                        for record in group:
                            out.write(json.dumps(_json_value(record), ensure_ascii=False) + "\n")
                            n += 1
                    what = "stored articles"
                else:
                    version = args.model_version or store.current_version()
                    if version is None:
                        raise CommandError(f"{args.db}: no scores stored yet")
                    frame = store.scores_frame(version, args.since, until=args.until)
                    # the records as score --out writes them (not when or by which run)
                    dropped = ("scored_at", "run_id", "stale")
                    columns = [c for c in frame.columns if c not in dropped]
                    for row in frame[columns].to_dict(orient="records"):
                        out.write(json.dumps(_json_value(row), ensure_ascii=False) + "\n")
                        n += 1
                    what = f"scored records of model {version}"
            except StoreError as exc:
                raise _db_error(args.db, exc) from None
        ok = True
    finally:
        out.finish(ok)
    where = "standard output" if args.out == "-" else args.out
    if not args.quiet:
        print(f"exported {n:,} {what} to {where}", file=sys.stderr)
    return EXIT_OK


#: What the counts ``db status`` gives each run are.
_RUN_COUNTS = {
    "scored": "records scored",
    "added": "articles new to the database",
    "known": "rows of articles held already, repeats within the run among them",
    "changed": "stored articles whose content changed",
    "rejected": "records rejected",
}

#: How many of the latest runs ``db status`` lists (their ids are what ``db rejects --run``
#: takes), and the fields of each in its ``--json``.
_LAST_RUNS = 5
_RUN_FIELDS = ("run_id", "status", "model_version", "started_at", "finished_at", "inputs", "counts")


def _minute(value: Any) -> str:
    """A run's time as ``2026-12-06 23:33 UTC`` (``?`` when missing)."""
    import pandas as pd

    if value is None or pd.isna(value):
        return "?"
    stamp = pd.Timestamp(value)
    stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
    return f"{stamp:%Y-%m-%d %H:%M} UTC"


def _day(value: Any) -> str:
    import pandas as pd

    return "-" if value is None or pd.isna(value) else str(value)[:10]


def _cmd_db_drop_version(args: argparse.Namespace) -> int:
    from .store import StoreError

    with _existing_store(args.db) as store:
        try:
            versions = store.versions_frame()
            current = store.current_version()
            known = dict(zip(versions["model_version"], versions["n_scores"], strict=True))
            if args.version not in known:
                listed = ", ".join(f"{v} ({n:,} articles)" for v, n in known.items()) or "none"
                raise CommandError(
                    f"{args.version}: the database knows no such model version; it holds {listed}"
                )
            if args.version == current and not args.force:
                raise CommandError(
                    f"{args.version} is the version reports cover (the one first used most "
                    "recently): its scores are the ones in use. Give --force to drop them anyway"
                )
            held = known.get(current, 0) if current else 0
            if known[args.version] > held and not args.force:
                raise CommandError(
                    f"{args.version} scored {known[args.version]:,} articles, the version "
                    f"reports cover ({current}) only {held:,}: let it finish first (score --db "
                    "with its model), or give --force to drop them anyway"
                )
            dropped = store.drop_version(args.version)
            if args.compact:
                logger.info("compacting %s", store.url)
                store.compact()
        except StoreError as exc:
            raise _db_error(args.db, exc) from None
    print(f"dropped the {dropped:,} scores of model version {args.version}")
    return EXIT_OK


def _cmd_db_delete(args: argparse.Namespace) -> int:
    from .store import RunActiveError, StoreError

    ids = list(args.ids)
    if args.ids_file:
        try:
            text = Path(args.ids_file).read_text(encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"--ids {args.ids_file}: {exc.strerror or exc}") from None
        ids += [line.strip() for line in text.splitlines() if line.strip()]
    if args.list:
        with _existing_store(args.db) as store:
            for aid in store.deleted_ids():
                print(aid)
        return EXIT_OK
    if not ids:
        raise CommandError("db delete: name the article ids (ID ... or --ids FILE)")
    if args.undo:
        with _existing_store(args.db) as store:
            back = store.undelete_articles(ids)
        missing = [i for i in dict.fromkeys(ids) if i not in set(back)]
        if not back:
            raise CommandError(f"no such deleted article: {', '.join(missing)}")
        print(
            f"{_count(len(back), 'article')} may be stored again: the next score run that reads "
            "their input stores and scores them (--reread reads files read before)"
            + (f"; not deleted: {', '.join(missing)}" if missing else "")
        )
        return EXIT_OK
    state = _dedup_state(args) or _default_dedup_state(args.db)
    with _existing_store(args.db) as store:
        try:
            # a server database keeps the state itself: it goes with the articles
            kept_in_db = state is None and store.has_dedup_state()
            deleted = store.delete_articles(ids)
        except RunActiveError as exc:
            raise CommandError(str(exc)) from None
        except StoreError as exc:
            raise _db_error(args.db, exc) from None
    missing = [i for i in dict.fromkeys(ids) if i not in set(deleted)]
    if not deleted:
        raise CommandError(f"no such article in the database: {', '.join(missing)}")
    if state is not None and state.exists():
        # the detector cannot forget one article; the next run rebuilds it from what is left
        with _state_lock(state):
            state.unlink()
        logger.info("removed %s: the next score run rebuilds it without them", state)
    elif not kept_in_db:
        logger.warning(
            "no duplicate-detection state %s: if the score runs keep one (--dedup-state), "
            "give it here too (or delete it), or a later copy may still name a deleted article",
            "named" if state is None else f"at {state}",
        )
    print(
        f"deleted {_count(len(deleted), 'article')} with their scores and rejects"
        + (f"; not found: {', '.join(missing)}" if missing else "")
    )
    return EXIT_OK


# -- evaluate ------------------------------------------------------------------------------------


def _usage(parser: argparse.ArgumentParser) -> Any:
    def show(_args: argparse.Namespace) -> int:
        parser.print_help()
        return EXIT_FATAL

    return show


def _run_evaluation(
    args: argparse.Namespace, what: str, pick: Callable[[Any], tuple[Any, str]]
) -> int:
    """Read the test (and training) file, let ``pick`` choose the model, score and print."""
    from .corpus import Rejects, read_labelled
    from .sentiment import OverlapError, check_overlap, evaluate

    articles = what.startswith("Tone")  # whole articles: a headline column is read too
    if args.train and args.model:  # --model was dropped without a word, the header naming --train
        raise CommandError(
            "--train FILE and --model DIR exclude each other: --train evaluates a model trained "
            "on FILE, --model a saved one"
        )
    if not args.train and (args.train_text_column or args.train_label_column):
        raise CommandError(
            "--train-text-column/--train-label-column name the columns of "
            "--train; give --train FILE"
        )
    found = Rejects()

    def read(path: str, text_column: str | None, label_column: str | None, prefix: str) -> Any:
        try:
            return read_labelled(
                path,
                text_column=text_column,
                label_column=label_column,
                rejects=found,
                headline=articles,
            )
        except (OSError, ValueError) as exc:
            raise CommandError(_column_flags(str(exc), prefix)) from None

    if getattr(args, "articles", None):
        # tone labels given by id, against the articles they name (as evaluate themes takes)
        from .corpus import read_labels_by_id

        try:
            test = read_labels_by_id(
                args.test, args.articles, label_column=args.label_column, rejects=found
            )
        except (OSError, ValueError) as exc:
            raise CommandError(_column_flags(str(exc), "")) from None
    else:
        test = read(args.test, args.text_column, args.label_column, "")
    train = (
        read(args.train, args.train_text_column, args.train_label_column, "train-")
        if args.train
        else None
    )
    _report_rejects(found)
    # nothing to score (or nothing to learn from) is said before any model is built
    for flag, data, path in (("", test, args.test), ("--train ", train, args.train)):
        if data is not None and data.empty:
            raise CommandError(f"{flag}{path}: no usable labelled row (see the lines above)")
    if train is not None:  # read as train reads its labelled files
        train = _learnable("--train", args.train, train)
    repeated = int(test.duplicated("text").sum())
    if repeated:  # each copy is scored and counted
        logger.warning(
            "%s: %d row(s) repeat an earlier row's text; each copy counts in the figures",
            args.test,
            repeated,
        )
    if train is not None and not args.allow_overlap:
        try:  # refused before any training time is spent (allowed, evaluate says it once)
            check_overlap(list(train["text"]), list(test["text"]))
        except OverlapError as exc:
            raise _overlap_refused(exc, f"--train {args.train}") from None
    model, source = pick(train)
    try:
        result = evaluate(
            model,
            list(test["text"]),
            list(test["label"]),
            train_texts=list(train["text"]) if train is not None else None,
            allow_overlap=args.allow_overlap,
        )
    except OverlapError as exc:
        # (the source begins "model VERSION" when no --train was given)
        whose = (
            f"--train {args.train}"
            if train is not None
            else f"the training data of {source.split(',')[0]}"
        )
        raise _overlap_refused(exc, whose) from None
    _print_evaluation(args, result, f"{what} {args.test}", source)
    if args.errors:
        _write_errors(args.errors, test, result)
    return EXIT_PARTIAL if found.errors else EXIT_OK


def _write_errors(path: str, test: Any, result: Any) -> None:
    """The rows of a labelled test file the model got wrong, as CSV: their place among the
    file's usable rows (1 = the first), the label given, the label predicted and the text."""
    import pandas as pd

    from .sentiment.labels import normalize_labels

    gold = normalize_labels(list(test["label"]))
    wrong = [i for i, (g, p) in enumerate(zip(gold, result.predicted, strict=True)) if g != p]
    columns = {"row": [i + 1 for i in wrong]}
    if "id" in test.columns:  # labels given by article id
        columns["id"] = [test["id"].iloc[i] for i in wrong]
    frame = pd.DataFrame(
        {
            **columns,
            "label": [gold[i] for i in wrong],
            "predicted": [result.predicted[i] for i in wrong],
            "text": [test["text"].iloc[i] for i in wrong],
        }
    )
    frame.to_csv(path, index=False)
    said = f"{len(wrong):,} of {result.n:,} rows predicted wrong: written to {path}"
    print(said, file=sys.stderr)


def _overlap_refused(exc: Exception, whose: str = "") -> CommandError:
    """The refusal of test rows the model learnt from, naming whose training data holds them
    and the flag that scores them."""
    message = str(exc)
    if whose:
        message = message.replace("occur in the training data", f"occur in {whose}", 1)
    return CommandError(f"{message}, or give --allow-overlap to score them anyway")


def _cmd_evaluate_sentiment(args: argparse.Namespace) -> int:
    from .sentiment import SentimentClassifier
    from .sentiment.classifier import search_settings

    if args.search != "fast" and not args.train:
        raise CommandError("--search chooses how --train fits a classifier; give --train FILE")

    def pick(train: Any) -> tuple[Any, str]:
        if train is not None:
            model = SentimentClassifier.select(
                list(train["text"]), list(train["label"]), cv=5, **search_settings(args.search)
            )
            extra = [
                name
                for name, used in (
                    ("the second view", getattr(model, "view_", False)),
                    ("pooled word vectors", getattr(model, "embed_", False)),
                )
                if used
            ]
            chosen = f"C={model.C_:g}" + "".join(f", {name}" for name in extra)
            return model, (
                f"trained on {args.train} ({len(train)} rows; {args.search} search by 5-fold "
                f"CV: {chosen})"
            )
        pipe = _load_model(args.model)
        if pipe.sentiment_ is None:
            raise CommandError("this model has no sentiment part")
        return pipe.sentiment_, f"model {pipe.model_version}"

    return _run_evaluation(args, "Sentiment on", pick)


def _cmd_evaluate_tone(args: argparse.Namespace) -> int:
    from .sentiment.article import NEUTRAL_BAND
    from .sentiment.tone import ToneReader, choose_sentence_weight, fit_article_tone

    def pick(train: Any) -> tuple[Any, str]:
        if train is not None:
            # what `train --tone-data` builds: the labels' article model, blended with the
            # sentence reading at the share cross-validation on them chooses
            texts, labels = list(train["text"]), list(train["label"])
            model = fit_article_tone(texts, labels)
            source = f"article tone model trained on {args.train} ({len(train)} articles)"
            pipe = _load_model(args.model)
            if pipe.sentiment_ is None:
                return ToneReader(model, articles=True), f"{source}, alone"
            bands = (NEUTRAL_BAND, NEUTRAL_BAND)  # as train --tone-data's default
            try:
                weight, _ = choose_sentence_weight(
                    model, pipe.sentiment_, texts, labels, bands=bands
                )
            except ValueError as exc:
                logger.warning("tone: %s; the article model alone reads tone", exc)
                return ToneReader(model, articles=True), f"{source}, alone"
            reader = ToneReader(
                model, articles=True, sentences=pipe.sentiment_, sentence_weight=weight, bands=bands
            )
            return reader, (
                f"{source}, blended with the sentence reading of model {pipe.model_version} "
                f"(weight {weight:g}, chosen by cross-validation on its labels)"
            )
        pipe = _load_model(args.model)
        if getattr(pipe, "tone_", None) is not None:
            weight = getattr(pipe, "tone_sentence_weight_", 0.0)
            if weight > 0 and pipe.sentiment_ is not None:
                bands = pipe.tone_bands_
                reader = ToneReader(
                    pipe.tone_,
                    articles=True,
                    sentences=pipe.sentiment_,
                    sentence_weight=weight,
                    bands=bands,
                )
                return reader, (
                    f"model {pipe.model_version}, its article tone model blended with the "
                    f"sentence reading (weight {weight:g}, bands {bands[0]:g} / {bands[1]:g})"
                )
            return ToneReader(pipe.tone_, articles=True), (
                f"model {pipe.model_version}, its article tone model alone"
            )
        if pipe.sentiment_ is None:
            raise CommandError("this model has no sentiment part")
        return ToneReader(pipe.sentiment_, articles=False), (
            f"model {pipe.model_version}, sentence by sentence (lean rule)"
        )

    return _run_evaluation(args, "Tone of the articles of", pick)


def _cmd_evaluate_themes(args: argparse.Namespace) -> int:
    from .corpus import Rejects, read_articles
    from .themes.evaluation import evaluate_themes
    from .themes.training import read_label_file

    pipe = _with_taxonomy(_load_model(args.model), args.taxonomy)
    if pipe.themes_ is None:
        raise CommandError("this model has no theme part")
    try:
        labels = read_label_file(args.labels, pipe.themes_.taxonomy_.ids)
    except (OSError, ValueError) as exc:
        raise CommandError(f"--labels: {exc}") from None
    rejects = Rejects()
    articles = read_articles(
        args.inputs,
        rejects=rejects,
        column_map=_column_map(args.column),
        dayfirst=_dayfirst(args),
    )
    try:
        result = evaluate_themes(pipe, articles, labels, n_jobs=args.jobs)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    _report_rejects(rejects)
    if args.errors:
        Path(args.errors).parent.mkdir(parents=True, exist_ok=True)
        from .reports.export import spreadsheet_safe

        spreadsheet_safe(result.errors).to_csv(args.errors, index=False)
    if args.json:
        table = result.table.astype(object).where(result.table.notna(), None)
        out = {
            "articles": result.n_articles,
            "missing": result.missing,
            "themes": table.to_dict(orient="index"),
        }
        print(json.dumps(out, indent=2))
        return EXIT_PARTIAL if result.missing or rejects.errors else EXIT_OK
    print(
        f"Themes on {result.n_articles} labelled articles of {', '.join(args.inputs)}, "
        f"model {pipe.model_version}"
        + (f" ({len(result.missing)} labelled ids not found)" if result.missing else "")
    )
    print(result.table.round(3).to_string(na_rep="-"))
    if args.errors:
        print(f"\n{len(result.errors)} wrong decisions written to {args.errors}")
    # labels of ids among no article are left out, as unusable rows of a tone file are, and
    # rejected article records as for score: exit 1
    return EXIT_PARTIAL if result.missing or rejects.errors else EXIT_OK


def _cmd_evaluate_topics(args: argparse.Namespace) -> int:
    from .corpus import Rejects, read_articles
    from .pipeline import ModelError

    pipe = _load_model(args.model)
    rejects = Rejects()
    articles = read_articles(
        args.inputs, rejects=rejects, column_map=_column_map(args.column), dayfirst=_dayfirst(args)
    )
    try:
        result = pipe.evaluate_topics(articles, category=args.category)
    except (ValueError, ModelError) as exc:
        raise CommandError(str(exc)) from None
    _report_rejects(rejects)
    # rejected article records: exit 1, as for score
    status = EXIT_PARTIAL if rejects.errors else EXIT_OK
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        return status
    inputs = ", ".join(args.inputs)
    print(f"Topics of {result.n_articles} articles of {inputs}, model {pipe.model_version}")
    npmi = "-" if result.npmi != result.npmi else f"{result.npmi:.3f}"
    line = (
        f"given a topic {result.assigned:.1%}   coherence (NPMI, on these articles) {npmi}   "
        f"topic diversity {result.diversity:.3f}"
    )
    if result.nmi is not None:
        line += f"   NMI with {args.category} {result.nmi:.3f} ({result.n_categorised} articles)"
    print(line + "\n")
    table = result.table.copy()
    table["share"] = (table["share"] * 100).round(1)
    print(table.rename(columns={"share": "share %"}).round(3).to_string(na_rep="-"))
    return status


def _print_evaluation(args: argparse.Namespace, result: Any, what: str, source: str) -> None:
    if args.json:
        print(json.dumps(result.to_dict(), indent=2))
        return
    print(f"{what} ({result.n} rows), {source}")
    over = ""
    if len(result.labels) < len(result.report):
        over = f" (over the {len(result.labels)} labels the file holds: {', '.join(result.labels)})"
    print(f"macro-F1 {result.macro_f1:.3f}{over}   accuracy {result.accuracy:.3f}\n")
    print(result.report.round(3).to_string())
    print("\nconfusion (rows: true, columns: predicted)")
    print(result.confusion.to_string())


# -- demo ----------------------------------------------------------------------------------------


def _cmd_demo(args: argparse.Namespace) -> int:
    from .resources import sample_dir

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    scored = out / "scored.jsonl"
    print(
        "demo: scoring the bundled sample corpus; it is messy on purpose (HTML, mojibake, many "
        "date styles), so any warning below shows how a problem record is reported",
        file=sys.stderr,
    )
    code = main(
        ["score", str(sample_dir()), "--out", str(scored), "--jobs", str(args.jobs), "--quiet"]
    )
    if code == EXIT_FATAL:
        return code
    records = [json.loads(x) for x in scored.read_text(encoding="utf-8").splitlines()]
    paths = _write_summary(records, out)
    print(
        f"demo: {len(records)} sample articles scored in {time.perf_counter() - started:.1f} s\n"
        + "\n".join(f"  {name}: {p}" for name, p in paths.items())
        + "\nnext, your own export (columns found by name: title/judul, text/isi, date/tanggal, "
        "url/link, source/media):\n"
        "  media-analytics score my_export.csv --out scored.jsonl\n"
        "  media-analytics report scored.jsonl --out report.html\n"
        "  media-analytics train my_export.csv --out model/   # topics of your own articles",
    )
    return EXIT_OK


def _write_summary(records: list[dict[str, Any]], out: Path) -> dict[str, Path]:
    try:
        from .reports import build_report
    except ImportError:
        pass
    else:
        written = build_report(records, out, title="media-analytics demo: sample corpus")
        return {"scored records": out / "scored.jsonl", **{k: Path(v) for k, v in written.items()}}
    themes = Counter(t["theme"] for r in records for t in r["themes"])
    lines = ["# media-analytics demo", "", f"{len(records)} articles scored.", ""]
    lines += ["| theme | articles |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in themes.most_common()]
    summary = out / "summary.md"
    summary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"scored records": out / "scored.jsonl", "summary": summary}


# -- parser --------------------------------------------------------------------------------------


_DATE_ORDER_KW: Any = {
    "choices": ["auto", "dmy", "mdy", "strict"],
    "default": "auto",
    "help": "how to read numeric dates such as 04/09/2024: auto (default) settles each file's "
    "order from its first date that reads only one way, such as 10/21/2025, and reads day first "
    "when none does (a date that reads only one way is read that way, with a warning); dmy day "
    "first (the Indonesian habit); mdy month first; strict only dates "
    "that read one way (others are reported)",
}
# the options that say how articles are read, given alike to score and train
_COLUMN_KW: Any = {
    "action": "append",
    "metavar": "INPUT=FIELD",
    "help": "map an input column to a contract field (repeatable), e.g. isi=text; INPUT= with "
    "no field ignores that column, e.g. id= for an id column of row numbers (ids then come from "
    "the URLs)",
}


def _iso_day(value: str) -> str:
    # YYYY-MM-DD only: the database compares it with dates as text, so Python's other ISO
    # forms (20241202, 2024-W49-1) would filter wrongly there
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a day as YYYY-MM-DD: {value!r}") from None
    return value


def _dayfirst(args: argparse.Namespace) -> bool | str | None:
    orders: dict[str, bool | str | None] = {"auto": "auto", "dmy": True, "mdy": False}
    return orders.get(args.date_order)  # "strict": None


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:  # (argparse would say "invalid _positive_int value")
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return number


_BATCH_SIZE = 500

_MAX_CHARS_KW: Any = {
    "type": _positive_int,
    "default": 1_000_000,
    "help": "cut longer bodies to this many characters, with a warning",
}


def _add_column_flags(parser: argparse.ArgumentParser, prefix: str, of: str) -> None:
    """``--{prefix}text-column`` and ``--{prefix}label-column`` for the labelled file ``of``."""
    for what in ("text", "label"):
        parser.add_argument(
            f"--{prefix}{what}-column",
            metavar="NAME",
            help=f"the column of {of} holding the {what} (else found by name)",
        )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="media-analytics",
        description="Indonesian media monitoring: themes, topics, sentiment, actors and quotes "
        "in news, and trend reports.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="log more detail, and list every rejected or warned record (and every record of "
        "an article read before from an earlier file)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add_jobs(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--jobs", type=int, default=-1, help="processes to use (-1: all cores; default -1)"
        )

    demo = sub.add_parser("demo", help="run the whole job on the bundled sample corpus")
    demo.add_argument("--out", default="media-analytics-demo", help="output folder")
    add_jobs(demo)
    demo.set_defaults(func=_cmd_demo)

    train = sub.add_parser("train", help="fit a model directory")
    train.add_argument("corpus", nargs="*", help="training articles (default: bundled sample)")
    train.add_argument(
        "--out",
        required=True,
        help="model directory to write (a model directory already there is replaced once the "
        "new one is complete; an interrupted train leaves it as it was)",
    )
    train.add_argument("--taxonomy", help="theme taxonomy TOML (default: bundled)")
    train.add_argument(
        "--sentiment-data",
        help="labelled sentiment file: CSV/TSV/JSONL with "
        "text and label (default: bundled corpora/sentiment)",
    )
    train.add_argument(
        "--tone-data",
        help="labelled articles for tone: CSV/TSV/JSONL with text (headline on its first line) "
        "and label; trains an article tone model that gives each scored article its tone",
    )
    for prefix, flag in (("", "--sentiment-data"), ("tone-", "--tone-data")):
        _add_column_flags(train, prefix, flag)
    train.add_argument(
        "--no-article-tone",
        action="store_true",
        help="no article tone model: each article's tone is the sentence reading alone "
        "(default: blended with a model of the bundled tone-labelled articles)",
    )
    train.add_argument(
        "--tone-weight",
        type=float,
        metavar="W",
        help="share of the sentence reading in an article's tone, 0 to 1 (default: 0.45 with "
        "the bundled tone articles; with --tone-data, the share of 0 to 1 that "
        "cross-validation on those labels reads best)",
    )
    train.add_argument(
        "--tone-bands",
        type=float,
        nargs=2,
        metavar=("NEG", "POS"),
        help="the blended tone's lean rule: negative at P(pos) - P(neg) <= -NEG, positive at "
        ">= POS (default: 0.15 0.15)",
    )
    train.add_argument(
        "--sentiment-search",
        choices=("fast", "full"),
        default="fast",
        help="how the sentence classifier is chosen by cross-validation: fast (default: cheap "
        "to score) or full (best CV score, second view tried; slower)",
    )
    train.add_argument("--theme-labels", help="CSV: id plus one 0/1 column per theme")
    train.add_argument(
        "--themes-only",
        action="store_true",
        help="retrain only the theme tagger, on CORPUS and --theme-labels (and --taxonomy), "
        "and keep the other parts of the base model: seconds, not a minute, and the topics "
        "are not learnt from a few labelled articles",
    )
    train.add_argument(
        "--base",
        metavar="MODEL_DIR",
        help="with --themes-only: the model whose themes are retrained (default: the default "
        "model)",
    )
    train.add_argument(
        "--topics",
        default="auto",
        type=_n_topics,
        help="number of topics, or 'auto' (default)",
    )
    train.add_argument(
        "--no-topics",
        action="store_true",
        help="no topic part (scored records get topic null): for a set too small or too "
        "alike to learn topics from",
    )
    train.add_argument(
        "--previous",
        metavar="MODEL_DIR",
        help="the model this one replaces (a model directory, or 'default' for the default "
        "model, which score without --model uses): topics that match one of its topics keep "
        "their ids (default: topics numbered afresh by size). Only the topic ids carry over: "
        "give the taxonomy, theme labels and tone data again (a warning names what is not, and the "
        "themes whose threshold or definition differ, a threshold set on the model with "
        "set_threshold among them: write it into the taxonomy to keep it)",
    )
    train.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    train.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="only warnings and errors (a retrain run from cron)",
    )
    train.add_argument(
        "--calibrate-themes",
        action="store_true",
        help="calibrate theme scores on the training labels",
    )
    train.add_argument(
        "--theme-share",
        type=_share_arg,
        default="auto",
        metavar="S",
        help="share of the classifier learnt from --theme-labels in the score of each theme they "
        "label: auto (the default) chooses it per theme, 0 (rules alone) to 0.9, by 5-fold CV "
        "on its labelled articles and logs the choice; a number from 0 to 1 sets it (0.3: "
        "labels move scores near the threshold but do not overturn a strong rule hit; 0.7 "
        "lets them). train logs how many labelled articles are still tagged against their label",
    )
    train.add_argument("--column", **_COLUMN_KW)
    train.add_argument("--date-order", **_DATE_ORDER_KW)
    train.add_argument("--max-chars", **_MAX_CHARS_KW)
    add_jobs(train)
    train.set_defaults(func=_cmd_train)

    score = sub.add_parser("score", help="score articles into JSONL and/or a database")
    score.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files, folders, globs, or - for standard input: .jsonl/.json (lines, an array "
        'or {"articles": [...]}), .csv/.tsv (UTF-8, UTF-16 or Windows-1252), .txt (one '
        "article each, or a table; in a folder beside tables, left out with a WARNING), "
        ".parquet, .xlsx; the text formats also .gz-compressed. "
        "Read in the order given, a folder's or a glob's files by name with a date in a name "
        "read as the day it is (31-10-2025.jsonl before 01-11-2025.jsonl). With --db a later "
        "file's copy of an article replaces an earlier one's; with --out, written as it is "
        "read, the first copy stays and a later one is rejected as a repeated id",
    )
    score.add_argument("--model", help="model directory (default: the bundled default model)")
    score.add_argument(
        "--taxonomy",
        help="tag themes with this taxonomy TOML instead of the model's, by its rules alone "
        "(to try a theme without train; the model version changes with it; not with "
        "--engine dask)",
    )
    score.add_argument(
        "--out",
        help="scored JSONL to write ('-' for standard output; the default when --db is not "
        "given); its folder is made when missing. With --db it holds what this run scored",
    )
    score.add_argument(
        "--db",
        help="database: a SQLite path or a postgresql:// URL; the INPUT articles are stored, "
        "then every stored article this model version has not scored yet is scored (so the "
        "first run of a new model scores the whole archive, and an interrupted run is "
        "finished by the next); those it already scored are skipped",
    )
    score.add_argument(
        "--rescore",
        action="store_true",
        help="with --db: score again articles this model version already scored; with --engine "
        "dask: score every partition again",
    )
    score.add_argument(
        "--older-model",
        action="store_true",
        help="with --db: score with this model although reports cover a newer one, or its "
        "scores were dropped (without it such a run stores what it reads, scores nothing and "
        "exits 1)",
    )
    score.add_argument(
        "--warn-idle",
        type=float,
        default=20.0,
        metavar="HOURS",
        help="with --db: a warning when a run finds no new or changed article and none has "
        "arrived for HOURS (default 20: a daily job hears of a feed that stopped on its first "
        "empty day); 0: never",
    )
    score.add_argument(
        "--dedup-state",
        help="file keeping duplicate detection across runs, so that a copy of an article an "
        "earlier run scored is marked (default with a SQLite --db: next to the database; a "
        "postgresql:// --db keeps it in the database; without --db: none, each run marks "
        "copies within its own input); with --db, a missing one is rebuilt from the articles "
        "the database holds. A story's original is its earliest-published article: with --db "
        "one that arrives in a later run takes the story over (the stored records are "
        "corrected); written files are not changed",
    )
    score.add_argument("--column", **_COLUMN_KW)
    score.add_argument(
        "--date-order",
        **_DATE_ORDER_KW
        | {
            "help": _DATE_ORDER_KW["help"] + "; with --db give dmy or mdy: with auto, a day's "
            "file whose dates all fall on days 1-12 is read as the date in its name shows when "
            "that settles it, else day first (a guess: the run exits 1), re-dating articles "
            "stored from a month-first file"
        },
    )
    score.add_argument("--max-chars", **_MAX_CHARS_KW)
    score.add_argument(
        "--dedup-window",
        type=int,
        default=DEFAULT_WINDOW,
        metavar="N",
        help="duplicate detection remembers the N most recent articles, so its memory and "
        f"state file stay bounded over years (default {DEFAULT_WINDOW:,}; 0: remember all)",
    )
    score.add_argument(
        "--dedup-lookahead",
        type=_positive_int,
        default=DEFAULT_LOOKAHEAD,
        metavar="N",
        help="a story's original is its earliest-published article: duplicate detection holds "
        "N articles back to find it, so an earlier-published copy read at most N articles "
        "after the first of its story takes the story over, and one read later is one more "
        f"copy (default {DEFAULT_LOOKAHEAD:,}; a feed read newest first needs more than a "
        "day's articles; memory grows with N; ignored with --db, whose stored records are "
        "corrected whenever the earlier copy arrives)",
    )
    score.add_argument(
        "--batch-size",
        type=_positive_int,
        default=_BATCH_SIZE,
        help="with --db: articles per transaction",
    )
    score.add_argument(
        "--reread",
        action="store_true",
        help="with --db: read again the input files an earlier run read and that are "
        "unchanged since (by default they are skipped)",
    )
    add_jobs(score)
    score.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="local: this machine (default); dask: each input file is a partition scored on a "
        "Dask cluster (pip install 'media-analytics[dask]'), outputs per partition in "
        "--parts-dir, merged into --out; re-running redoes only partitions without a complete "
        "output and those at or after a changed file (duplicate_of depends on earlier files)",
    )
    score.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: scheduler address such as tcp://host:8786 (default: a local "
        "cluster of --jobs worker processes); a refused address, or one where no Dask scheduler "
        "answers within Dask's connect timeout (30 s), is an error",
    )
    score.add_argument(
        "--wait-workers",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="with --engine dask: how long to wait for a worker when the cluster has none, at "
        "the start or because all its workers left during the run (default 60; a warning says "
        "at once that it waits)",
    )
    score.add_argument(
        "--parts-dir",
        metavar="DIR",
        help="with --engine dask: folder for the per-partition outputs (default: OUT.parts); "
        "every worker must be able to write to it at the same path, and one job at a time uses "
        "it",
    )
    score.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="only warnings and errors; the closing summary only when records were rejected "
        "(quiet under cron)",
    )
    score.set_defaults(func=_cmd_score)
    evaluate = sub.add_parser("evaluate", help="the evaluation kit on labelled data")
    kinds = evaluate.add_subparsers(dest="kind", metavar="KIND")
    sent = kinds.add_parser("sentiment", help="macro-F1, accuracy, per-class report, confusion")
    sent.add_argument("test", help="labelled file: CSV/TSV/JSONL with text and label")
    sent.add_argument(
        "--search",
        choices=("fast", "full"),
        default="fast",
        help="with --train: fast (default, the bundled model's search) or full (best CV "
        "score, second view tried: the README's benchmark figures)",
    )
    sent.set_defaults(func=_cmd_evaluate_sentiment)
    tone = kinds.add_parser(
        "tone", help="tone of whole articles: macro-F1, accuracy, per-class report, confusion"
    )
    tone.add_argument(
        "test", help="labelled articles: CSV/TSV/JSONL with text (headline on line 1), label"
    )
    tone.set_defaults(func=_cmd_evaluate_tone)
    themes = kinds.add_parser(
        "themes", help="per-theme precision, recall and F1 on your labelled articles"
    )
    themes.add_argument("inputs", nargs="+", metavar="ARTICLES", help="the labelled articles")
    themes.add_argument(
        "--labels", required=True, help="CSV: id plus one 0/1 column per theme (blank: not judged)"
    )
    themes.add_argument(
        "--errors",
        help="write the wrong decisions to this CSV: id, title, theme, error, score, evidence "
        "and against (for a miss, the theme's score below its threshold, the evidence found "
        "and the veto cues that held it down)",
    )
    themes.add_argument(
        "--taxonomy",
        help="evaluate this taxonomy TOML's rules (no labels learnt) in place of the model's "
        "themes: a theme tried before any train",
    )
    add_jobs(themes)
    themes.set_defaults(func=_cmd_evaluate_themes)
    topics = kinds.add_parser(
        "topics",
        help="the topics articles fall into: sizes, coherence, diversity, agreement with a "
        "category field",
    )
    topics.add_argument("inputs", nargs="+", metavar="ARTICLES", help="articles (any input form)")
    topics.add_argument(
        "--category",
        metavar="FIELD",
        help="an input field holding each article's category (a section, your own code): "
        "how well topics agree with it (NMI, each topic's main category and its purity)",
    )
    topics.set_defaults(func=_cmd_evaluate_topics)
    for kind in (sent, tone, themes, topics):
        kind.add_argument("--model", help="model directory (default: the default model)")
        kind.add_argument("--json", action="store_true", help="print the results as JSON")
    for kind in (themes, topics):  # read articles as score does
        kind.add_argument("--column", **_COLUMN_KW | {"help": "as for score (INPUT= ignores it)"})
        kind.add_argument("--date-order", **_DATE_ORDER_KW)
    for kind, trained in (
        (sent, "a classifier"),
        (
            tone,
            "an article tone model, blended with the default model's sentence reading at the "
            "share cross-validation on the file chooses, as train --tone-data builds it,",
        ),
    ):
        kind.add_argument(
            "--train", help=f"train {trained} on this labelled file instead (not with --model)"
        )
        kind.add_argument(
            "--allow-overlap",
            action="store_true",
            help="evaluate even when test rows occur in the training data",
        )
        if kind is tone:
            kind.add_argument(
                "--articles",
                nargs="+",
                metavar="ARTICLES",
                help="the articles (files or folders, as score reads them) whose ids the test "
                "file's id column names; the test file then holds an id and a label column, "
                "as an analyst labels an export",
            )
        kind.add_argument(
            "--errors",
            metavar="CSV",
            help="write the rows predicted wrong to this CSV: row (among the file's usable "
            "rows), label, predicted, text",
        )
        for prefix, of in (("", "the test file"), ("train-", "--train")):
            _add_column_flags(kind, prefix, of)
    evaluate.set_defaults(func=_usage(evaluate))

    db = sub.add_parser("db", help="the daily job's database: what it holds, old versions out")
    tasks = db.add_subparsers(dest="task", metavar="TASK")
    status = tasks.add_parser(
        "status", help="articles, runs, rejects and the scores of each model version"
    )
    status.add_argument("--json", action="store_true", help="print it as JSON")
    status.set_defaults(func=_cmd_db_status)
    drop = tasks.add_parser(
        "drop-version",
        help="delete the scores of a model version no longer used (articles and runs stay)",
    )
    drop.add_argument("version", metavar="VERSION", help="the model version (see db status)")
    drop.add_argument(
        "--force",
        action="store_true",
        help="drop it even if it is the version reports cover by default",
    )
    drop.add_argument(
        "--compact",
        action="store_true",
        help=(
            "then give the space back (SQLite: VACUUM, which rewrites the file; PostgreSQL: "
            "VACUUM FULL of the score tables, which rewrites them; either locks them while "
            "it runs)"
        ),
    )
    drop.set_defaults(func=_cmd_db_drop_version)
    delete = tasks.add_parser(
        "delete",
        help="delete articles (a takedown): their scores and stored rejects go too, and a copy "
        "of one names the story's earliest remaining copy instead. Duplicate detection's state "
        "file is removed: the next score run rebuilds it from the articles left (a re-post of a "
        "deleted text under another id joins what is left of its story, or is a new one). The "
        "ids are remembered: a later run that reads them again does not store them",
    )
    delete.add_argument("ids", nargs="*", metavar="ID", help="article ids")
    delete.add_argument(
        "--undo",
        action="store_true",
        help="let the articles named back in: the next run that reads them stores them again",
    )
    delete.add_argument(
        "--list", action="store_true", help="print the ids taken down, one a line, and stop"
    )
    delete.add_argument(
        "--ids", dest="ids_file", metavar="FILE", help="a file of article ids, one a line"
    )
    delete.add_argument(
        "--dedup-state",
        help="the duplicate-detection state the score runs keep (default with a SQLite --db: "
        "next to the database; a postgresql:// --db keeps it in the database and drops it "
        "with the articles)",
    )
    delete.set_defaults(func=_cmd_db_delete)
    rejects = tasks.add_parser(
        "rejects",
        help="list the stored rejects (file:line: reason: message), as each run reported them: "
        "what a run killed before its end, or run from cron, said",
    )
    rejects.add_argument(
        "--run", type=int, help="only those of this run (db status lists the latest runs' ids)"
    )
    rejects.add_argument(
        "--warnings",
        action="store_true",
        help="also the records kept with a warning and the summary rows left out",
    )
    rejects.add_argument("--json", action="store_true", help="one JSON object a line")
    rejects.set_defaults(func=_cmd_db_rejects)
    export = tasks.add_parser(
        "export",
        help="write the scored records of a model version (default: the one reports cover) as "
        "JSON lines, what score --out writes (the report command and records_to_frames read "
        "them); with --articles the stored articles, their text included, as train and score "
        "read them (a retrain, or a move to another database, without the export files)",
    )
    export.add_argument("--out", required=True, help="the JSON lines file ('-': standard output)")
    export.add_argument(
        "--articles", action="store_true", help="the stored articles, not the scored records"
    )
    export.add_argument("--model-version", help="this model version's records (see db status)")
    export.add_argument("--since", help="only articles published on or after this day")
    export.add_argument("--until", help="only articles published on or before this day")
    export.add_argument(
        "-q", "--quiet", action="store_true", help="only warnings and errors (quiet under cron)"
    )
    export.set_defaults(func=_cmd_db_export)
    for task in (status, drop, delete, rejects, export):
        task.add_argument(
            "--db", required=True, help="SQLite file or postgresql:// URL of the daily job"
        )
    db.set_defaults(func=_usage(db))

    report = sub.add_parser("report", help="trend report (HTML, Markdown, CSV) from scores")
    report.add_argument(
        "inputs", nargs="*", metavar="INPUT", help="scored JSONL (or Parquet) files or folders"
    )
    report.add_argument("--db", help="read the scores from this database instead")
    report.add_argument("--model-version", help="with --db: this model version (default: latest)")
    report.add_argument(
        "--out",
        default="media-analytics-report",
        help="output folder, or a .html file name (then the Markdown and the tables go to "
        "a folder of the same name beside it; default: media-analytics-report); the tables "
        "as CSV, and as one Excel workbook, tables.xlsx, with the excel extra (pip install "
        "'media-analytics[excel]')",
    )
    report.add_argument(
        "--period",
        default="W",
        choices=["D", "W", "M"],
        help="trend period: day, week or month (default W)",
    )
    report.add_argument(
        "--no-excel",
        action="store_true",
        help="write no tables.xlsx (the CSV tables only), and no warning when openpyxl is "
        "not installed: for a daily job whose readers take the CSV tables",
    )
    report.add_argument(
        "--theme",
        action="append",
        help="only these themes and the stories carrying them (repeatable; a theme id in any "
        'case, or the taxonomy\'s name of it: --theme "Keamanan Pilkada")',
    )
    report.add_argument(
        "--source",
        action="append",
        help="only these outlets (repeatable; regardless of case and a leading www.; a bare "
        "name, kompas, is the outlet whose domain starts with it, kompas.com, when exactly one "
        "does; a name that is no outlet's keeps none, with a warning naming the outlets meant)",
    )
    report.add_argument(
        "--region",
        action="append",
        metavar="NAME",
        help="only the stories placed in this province, regency or city, by the places and "
        "local branches (KPU Brebes) they name (repeatable): Jawa Tengah, Jateng, "
        '"Kabupaten Brebes", "Kab. Brebes", Brebes, "Kota Semarang"; a name that is a city\'s '
        "and a regency's (Semarang) keeps both",
    )
    report.add_argument(
        "--since",
        type=_iso_day,
        help="first date (YYYY-MM-DD); the spike test compares the first periods with the "
        "input's 4 periods before it, which are not shown",
    )
    report.add_argument("--until", type=_iso_day, help="last date (YYYY-MM-DD)")
    report.add_argument("--title", default="Media monitoring report", help="report title")
    report.add_argument(
        "--actor",
        action="append",
        metavar="NAME",
        help="compare these actors in the share-of-voice table, and show the tone toward "
        "them after the top 10, a row with n 0 for one no story of the report gives a tone "
        "toward (repeatable; any form the articles wrote them in: --actor KPK "
        "--actor Polri; a NAME that is no actor's is a role: --actor Kapolda counts the stories "
        "naming an actor whose role starts with it, such as Kapolda Metro Jaya; two NAMEs of "
        "one actor, --actor BPS --actor 'Badan Pusat Statistik', are compared once, with a "
        "warning; the rest of the report stays about all the stories: --about NAME for the "
        "stories naming it only)",
    )
    report.add_argument(
        "--about",
        action="append",
        metavar="NAME",
        help="only the stories naming this actor (repeatable: those naming any), every section "
        "of the report included, the NAME read as --actor reads it (--about KPK --about Polri; "
        "--about Kapolda keeps the stories naming an actor whose role starts with it; "
        "--about 'Bawaslu*' those naming an actor whose name starts with it: Bawaslu Kendal, "
        "Bawaslu RI, ...); the "
        "headline cards give the tone toward each beside the net tone of the stories; a NAME "
        "no story names is warned of, with the closest names the stories write",
    )
    report.add_argument(
        "--aliases",
        metavar="FILE",
        help="CSV of alias,name: count each alias (a nickname, an acronym, a misspelling) "
        "of a person or organisation under the name",
    )
    report.add_argument(
        "--actor-types",
        metavar="TYPES",
        help="the types of actor in the top actors and the share of voice between actors, "
        "comma-separated: person, organization, place (default: person,organization; the "
        "places named have a table of their own, Top places)",
    )
    report.add_argument(
        "--topic-names",
        metavar="FILE",
        help="CSV of topic_id,name: show each topic under the name; topics given one name are "
        "counted as one (the topics of the model that scored the latest story, when several "
        "models scored the records: a topic id is one model's)",
    )
    report.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="only warnings and errors, and not the list of files written (quiet under cron)",
    )
    report.set_defaults(func=_cmd_report)
    _verbose_anywhere(parser)
    return parser


def _verbose_anywhere(parser: argparse.ArgumentParser) -> None:
    """Let ``-v`` follow a command too (``score ... -v``), not only precede it.

    Each subcommand gets its own ``-v`` whose default is left unset (SUPPRESS), so that a
    command without it keeps what the main parser read.
    """
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in set(action.choices.values()):
                child.add_argument(
                    "-v",
                    "--verbose",
                    action="store_true",
                    default=argparse.SUPPRESS,
                    help="as -v before the command",
                )
                _verbose_anywhere(child)


def _command_parser(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Any:
    """The parser of the (sub)command ``args`` were read for (``score``, ``db status``)."""
    while True:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        name = getattr(args, subs[0].dest, None) if subs else None
        if not subs or name not in subs[0].choices:
            return parser
        parser = subs[0].choices[name]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    try:
        args, unknown = parser.parse_known_args(argv)
        if unknown:  # said with the usage of the command they were given to, not the top one
            _command_parser(parser, args).error(f"unrecognized arguments: {' '.join(unknown)}")
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help/--version
        return int(exc.code or 0)
    quiet = getattr(args, "quiet", False) and not args.verbose
    if not logging.getLogger().handlers:
        level = logging.DEBUG if args.verbose else logging.WARNING if quiet else logging.INFO
        logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_FATAL
    try:
        with _sigterm_raises():
            return int(args.func(args))
    except CommandError as exc:
        # one line, whatever a library's message spans (psycopg's "Is the server running ...")
        print(f"media-analytics: error: {' '.join(str(exc).split())}", file=sys.stderr)
        return EXIT_FATAL
    except (ImportError, FileNotFoundError) as exc:  # an optional dependency; a missing input
        print(f"media-analytics: error: {exc}", file=sys.stderr)
        return EXIT_FATAL
    except Terminated:
        print("media-analytics: terminated (SIGTERM)", file=sys.stderr)
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        print("media-analytics: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader of standard output stopped (score ... | head): stop as quietly as the
        # shell's own tools, and keep Python from complaining when it flushes at exit
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # a bug or an environment problem: exit 2, never 1 ("rejected")
        if args.verbose:
            logger.exception("failed")
        where = "" if args.verbose else " (run with -v for the traceback)"
        message = " ".join(str(exc).split())[:300]
        print(f"media-analytics: error: {type(exc).__name__}: {message}{where}", file=sys.stderr)
        return EXIT_FATAL


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
