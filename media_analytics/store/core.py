"""The :class:`Store`: articles in, claims out, scores back, one transaction per call."""

from __future__ import annotations

import contextlib
import itertools
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urlsplit

from . import frames
from .backends import Backend, Tx, open_backend
from .errors import RunActiveError, StoreError
from .records import as_dict, content_hash, dumps, iso, loads, record_id
from .runs import DEFAULT_LEASE, FINISHED, FinishedStatus, RunsMixin, _now
from .schema import ensure_schema

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FINISHED",
    "ID_CLASH_SIMILARITY",
    "AddResult",
    "FinishedStatus",
    "IdClash",
    "Store",
    "changed_count",
    "older_files_message",
    "open_store",
    "same_url_message",
    "undated_files_message",
    "url_key",
]

logger = logging.getLogger(__name__)

_CLAIM_ROUNDS = 5  # PostgreSQL only: rounds to make up for candidates another run took first
_DEDUP = "duplicates"  # the row of dedup_state the daily job keeps


class AddResult(NamedTuple):
    """What :meth:`Store.add_articles` did: ``new`` articles stored, ``known`` ones already
    there, and ``changed``, those known ones whose content changed (updated, to be scored
    again)."""

    new: int
    known: int
    changed: int = 0


class IdClash(NamedTuple):
    """A record :meth:`Store.add_articles` did not store: its id is held by another article
    (``position``: its place among the records given; ``url``: the URL of the article kept,
    empty when it has none)."""

    position: int
    id: str
    url: str


#: Below this Jaccard similarity of the word 3-shingles of two records' headline and body, a
#: record under a stored id with another URL is another article, not a correction. Measured
#: on the 743 articles of a day of detik exports: two different articles reach 0.1 in 0.06% of
#: the pairs (a follow-up of the same story quoting it); corrections made of them (a sentence
#: replaced, an update paragraph added, the last 30% cut, typos, a new headline) never fall
#: below 0.14, and one that doubles the text falls below 0.1 in 0.7% of the cases.
ID_CLASH_SIMILARITY = 0.1


#: Tries of :meth:`Store.add_articles` when another process stores one of its URLs meanwhile.
_URL_ROUNDS = 3


class _UrlTaken(Exception):
    """Raised inside :meth:`Store.add_articles`'s transaction (which it rolls back) when an
    article stored since its URLs were looked up holds one of them."""


class Store(RunsMixin):
    """The batch job's database: every article scored once per model version.

    Open one with :func:`open_store`. Each method is one transaction, so a process killed
    at any point leaves either all of a call's changes or none of them. Use one ``Store``
    per process (and per thread); a forked child opens its own.

    The work loop::

        run_id = store.start_run(model_version, inputs=paths)
        store.add_articles(articles)
        while batch := store.claim(run_id, model_version, limit=500):
            store.save_scores(run_id, model_version, score(batch))
        store.finish_run(run_id, "ok", {"scored": n})

    Claims are how concurrent runs share the work: :meth:`claim` reserves articles that
    have no up-to-date score for the model version, and no two runs ever hold the same
    article. A run's claims end when it saves those scores or finishes, or when the run is
    found dead: its process is gone (same host; checked on every claim) or it sent no
    heartbeat for ``lease`` (any host; :meth:`claim`, :meth:`save_scores` and
    :meth:`heartbeat` beat). A dead run is marked ``crashed`` and its articles go to the
    next claim. A run that was presumed dead and comes back carries on with a warning:
    articles it loses may be scored twice, but they are stored once.

    A score is *stale* when the article's content (title, text, date, source, url)
    changed after it was scored; stale articles are claimed again like unscored ones.

    Examples
    --------
    >>> from media_analytics.store import open_store
    >>> with open_store(":memory:") as store:
    ...     run = store.start_run("v1", ["today.jsonl"])
    ...     store.add_articles([{"id": "a1", "title": "Judul", "text": "Isi berita."}])
    ...     batch = store.claim(run, "v1", limit=10)
    ...     store.save_scores(run, "v1", [{"id": r["id"], "sentiment": "neutral"} for r in batch])
    ...     store.finish_run(run, "ok", {"scored": len(batch)})
    ...     store.scores_frame()[["id", "sentiment", "model_version"]].to_dict("records")
    AddResult(new=1, known=0, changed=0)
    1
    [{'id': 'a1', 'sentiment': 'neutral', 'model_version': 'v1'}]
    """

    def __init__(self, backend: Backend, *, lease: timedelta = DEFAULT_LEASE) -> None:
        self._backend = backend
        self.lease = lease
        # how many "read again without ..." warnings this store gave (the rest at DEBUG)
        self._kept_said = [0]

    # -- the basics --------------------------------------------------------------------
    @property
    def kind(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self._backend.kind

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    def close(self) -> None:
        """Close the connection (runs are left as they are)."""
        self._backend.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles ----------------------------------------------------------------------
    def add_articles(
        self,
        records: Iterable[Any],
        *,
        changes: dict[str, tuple[str | None, str]] | None = None,
        clashes: list[IdClash] | None = None,
        kept: dict[str, dict[str, Any]] | None = None,
        files: Sequence[str | None] | None = None,
        kept_newer: dict[str, tuple[str, str]] | None = None,
        replaced_undated: dict[str, tuple[str | None, str]] | None = None,
        same_url: dict[str, str] | None = None,
    ) -> AddResult:
        """Store input articles, upserting by id, in one transaction.

        Parameters
        ----------
        records : iterable of mappings or ``Article``
            Each needs an ``id``; the whole record is kept as JSON.
        changes : dict, optional
            For input added in several calls (a folder read in batches): the same dict given
            to each call gets, for every article a call stores or updates, ``id: (content hash
            before the first of these calls, content hash now)``, ``None`` before for one they
            stored new. An article an older file puts back and a later file corrects again is
            counted as changed by two calls; :func:`changed_count` of the dict counts the
            articles whose content differs at the end.
        clashes : list, optional
            Gets an :class:`IdClash` for each record not stored because its id is another
            article's (logged as warnings when not given). A record under a known id is that
            article's newer version (a correction) unless both have a URL, the URLs differ,
            and their headline and body are not alike (:data:`ID_CLASH_SIMILARITY`): exports
            that number their rows give each day's articles the ids of earlier days'. The
            article stored first (or given first) is kept; the clash is not counted.
        kept : dict, optional
            Gets, by id, the date, source, url or body (``published_at``, ``source``,
            ``url``, ``text``) a record lacked and kept from the stored article or from an
            earlier copy of the batch (each also said in a warning). A body with no words once
            cleaned (:func:`~media_analytics.corpus.article.no_words`) is lacked as an empty
            one is.
        files : sequence, optional
            The input file each record was read from (by position; ``None`` for one of
            standard input). A record read from a file dated before the file the article's
            stored version (or an earlier copy of the batch) was read from
            (:func:`~media_analytics.corpus.readers.dated_before`: an older daily export read
            again) does not replace it: it is counted as known. The file is stored with the
            article (the last file that carried its content); without ``files``, or for an
            article stored before or from standard input, a later copy replaces it as before.
        kept_newer : dict, optional
            Gets, by id, ``(file read, file of the version kept)`` for each record not stored
            because its file is dated before that of the version kept (said in one line when
            not given).
        replaced_undated : dict, optional
            With ``files``: gets, by id, ``(file read, file of the version replaced)`` for each
            stored article read from a file whose name holds a date and replaced by another
            content from a file whose name holds none (or from standard input, ``None``). Such
            a file tells no time, so its copy replaces the stored one, as documented; but a
            re-send of an older export under such a name rolls corrections back, so it is said
            in a warning (when not given) naming the dated file to read again to restore them.
        same_url : dict, optional
            Gets ``id given: id stored under`` for each record taken as the article stored (or
            given earlier among ``records``) under another id because it has that article's
            URL (see :meth:`same_url_ids`; said in one line when not given).

        Returns
        -------
        AddResult
            ``(new, known)``. A known article whose content (:data:`~media_analytics.store.
            records.HASHED_FIELDS`) changed is updated, and its scores become stale, so the
            next claims score it again; one whose content is the same is left as it was. A
            known article given without a date, source or url keeps its stored ones. An
            article taken down with :meth:`delete_articles` is not stored again (nor counted).
            A record whose URL is that of an article stored under another id is that article
            (:meth:`same_url_ids`): a re-send or a correction of it, never a second row.
        """
        given_records = [as_dict(r) for r in records]
        for attempt in range(_URL_ROUNDS):
            try:
                return self._add_articles(
                    given_records,
                    changes=changes,
                    clashes=clashes,
                    kept=kept,
                    files=files,
                    kept_newer=kept_newer,
                    replaced_undated=replaced_undated,
                    same_url=same_url,
                    last=attempt == _URL_ROUNDS - 1,
                )
            except _UrlTaken:  # another process stored one of their URLs meanwhile: again
                continue
        raise AssertionError("unreachable")  # pragma: no cover

    def _add_articles(
        self,
        given_records: list[dict[str, Any]],
        *,
        changes: dict[str, tuple[str | None, str]] | None,
        clashes: list[IdClash] | None,
        kept: dict[str, dict[str, Any]] | None,
        files: Sequence[str | None] | None,
        kept_newer: dict[str, tuple[str, str]] | None,
        replaced_undated: dict[str, tuple[str | None, str]] | None,
        same_url: dict[str, str] | None,
        last: bool,
    ) -> AddResult:
        """:meth:`add_articles`, once: raises :class:`_UrlTaken` (nothing written) when, unless
        ``last``, an article stored since the URLs were looked up holds one of their URLs."""
        from ..corpus.readers import dated_before, dated_name

        moved, unlike = self._backend.transaction(
            lambda tx: _url_owners(tx, given_records), write=False
        )
        records = [
            dict(data, id=moved[index]) if index in moved else data
            for index, data in enumerate(given_records)
        ]
        renamed = {record_id(given_records[i]): aid for i, aid in moved.items()}

        prepared: dict[str, tuple[str, Any, Any, Any, str | None, str]] = {}
        # records lacking a date, source or url, by id (a worse copy keeps the stored ones)
        lacking: dict[str, dict[str, Any]] = {}
        order: list[tuple[str, str]] = []  # (id, hash) as given, duplicates included
        given: dict[str, dict[str, Any]] = {}  # the last copy of each id in this batch
        places: dict[str, list[int]] = {}  # where each id's copies are among the records
        kept_here: dict[str, dict[str, Any]] = {}  # what a copy kept from an earlier one
        origin: dict[str, str | None] = {}  # the file of each id's copy given last
        older: dict[str, tuple[str, str]] = {}  # (file, newer file) of copies not stored
        found: list[IdClash] = []
        for index, record in enumerate(records):
            data = as_dict(record)
            aid = record_id(data)
            file = None if files is None else files[index]
            earlier = given.get(aid)
            if earlier is not None and _other_article(earlier, data):
                found.append(IdClash(index, aid, str(earlier.get("url") or "")))
                continue
            places.setdefault(aid, []).append(index)
            newer = origin.get(aid)
            if earlier is not None and file and newer and dated_before(file, newer):
                # an older export's copy after a newer one's (files named out of order): it
                # does not replace it, as it would not once the newer one is stored
                if content_hash(data) != prepared[aid][0]:
                    older[aid] = (file, newer)
                order.append((aid, prepared[aid][0]))
                continue
            origin[aid] = file
            if earlier is not None:
                # a later copy in the same batch (a later file of the first run over a folder)
                # keeps what it lacks from the earlier one, as it would from a stored one
                lacked = _kept_from(earlier, data)
                if lacked:
                    _say_kept(aid, lacked, "earlier copy's", data, self._kept_said)
                    kept_here.setdefault(aid, {}).update(lacked)
                    data = _with_kept(data, lacked)
            given[aid] = data
            digest = content_hash(data)
            prepared[aid] = _prepared(data, digest)
            if (
                any(_lacks(data, name) for name in _KEPT_FIELDS)
                or _zoneless(data)
                or _noisy_url(data)
            ):
                lacking[aid] = data
            else:
                lacking.pop(aid, None)
            order.append((aid, digest))
        if not order:
            _said_clashes(found, clashes)
            return AddResult(0, 0)
        now = _now()

        def work(
            tx: Tx,
        ) -> tuple[
            int,
            int,
            int,
            list[str],
            list[IdClash],
            dict[str, dict[str, Any]],
            dict[str, str | None],
            dict[str, tuple[str, str]],
            dict[str, tuple[str | None, str]],
        ]:
            self._backend.lock_table(tx, "articles")  # concurrent adds count each id once
            if not last and _url_owners(tx, records)[0]:
                raise _UrlTaken
            # a takedown holds: a file read again (or a re-crawl) does not put the article back
            down = {
                aid
                for (aid,) in tx.select_in(
                    "SELECT id FROM deleted_articles WHERE id IN ({in})", list(prepared)
                )
            }
            if down:
                for aid in down:
                    prepared.pop(aid)
                    lacking.pop(aid, None)
                order[:] = [(aid, digest) for aid, digest in order if aid not in down]
            rows = tx.select_in(
                "SELECT id, content_hash, url, input_file FROM articles WHERE id IN ({in})",
                list(prepared),
            )
            stored = {aid: digest for aid, digest, _, _ in rows}
            stored_file: dict[str, str | None] = {aid: file for aid, _, _, file in rows}
            # a copy from a file dated before the stored version's file is an older version
            # (an earlier export read again): the stored one stays
            stays = {
                aid: (mine, file)
                for aid, _, _, file in rows
                if file and (mine := origin.get(aid)) and dated_before(mine, file)
            }
            # a changed article under another URL may be another article under the same id
            suspects = [
                aid
                for aid, digest, url, _ in rows
                if aid not in stays
                and digest != prepared[aid][0]
                and not (url and prepared[aid][2] == url)
            ]
            # the stored article stays; every copy of the batch is the other one
            clashed = _stored_clashes(tx, suspects, given, places)
            if clashed:
                gone = {c.id for c in clashed}
                for aid in gone:
                    del prepared[aid], stored[aid]
                    lacking.pop(aid, None)
                order[:] = [(aid, digest) for aid, digest in order if aid not in gone]
            kept_stored = _keep_stored_fields(
                tx,
                stored,
                prepared,
                {aid: data for aid, data in lacking.items() if aid not in stays},
                order,
                self._kept_said,
            )
            new: set[str] = set()
            changed: set[str] = set()
            n_new = n_known = 0
            for aid, digest in order:
                if aid in new:  # a second copy of an id this batch adds
                    n_known += 1
                elif aid not in stored:
                    new.add(aid)
                    n_new += 1
                else:
                    n_known += 1
                    if aid not in stays and stored[aid] != digest:
                        changed.add(aid)
            # an id given twice (an older and a newer copy) changed only if its last copy differs
            # from what was stored
            changed = {aid for aid in changed if prepared[aid][0] != stored[aid]}
            ts = self._backend.ts(now)

            def _key(aid: str) -> str | None:
                return url_key(prepared[aid][2])

            tx.executemany(
                "INSERT INTO articles (id, content_hash, source, url, title, published_at, "
                "first_seen, updated_at, record, input_file, url_key) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (aid, *prepared[aid][:5], ts, ts, prepared[aid][5], origin[aid], _key(aid))
                    for aid in new
                ],
            )
            tx.executemany(
                "UPDATE articles SET content_hash = ?, source = ?, url = ?, title = ?, "
                "published_at = ?, updated_at = ?, record = ?, input_file = ?, url_key = ? "
                "WHERE id = ?",
                [
                    (*prepared[aid][:5], ts, prepared[aid][5], origin[aid], _key(aid), aid)
                    for aid in changed
                ],
            )
            # the same content met in another file (not an older one): the later file carries it
            tx.executemany(
                "UPDATE articles SET input_file = ? WHERE id = ?",
                [
                    (origin[aid], aid)
                    for aid in prepared
                    if aid in stored
                    and aid not in changed
                    and aid not in stays
                    and origin.get(aid)
                    and origin[aid] != stored_file[aid]
                ],
            )
            written = {aid: stored.get(aid) for aid in new | changed}
            # (a copy the same as the version kept is nothing kept)
            stayed = {aid: stays[aid] for aid in stays if stored[aid] != prepared[aid][0]}
            # a dated file's version replaced from a name that tells no time (last read wins)
            undated = {
                aid: (origin[aid], str(before))
                for aid in changed
                if files is not None
                and (before := stored_file[aid])
                and dated_name(before)
                and not (origin[aid] and dated_name(str(origin[aid])))
            }
            return (
                n_new,
                n_known,
                len(changed),
                sorted(down),
                clashed,
                kept_stored,
                written,
                stayed,
                undated,
            )

        n_new, n_known, n_changed, refused, clashed, kept_stored, written, stayed, undated = (
            self._backend.transaction(work)
        )
        older.update(stayed)
        # a record given a taken-down article's id is said among the taken down, not here
        down_ids = set(refused)
        renamed = {given: aid for given, aid in renamed.items() if aid not in down_ids}
        if same_url is not None:
            same_url.update(renamed)
        elif renamed:
            logger.info(same_url_message(renamed))
        if unlike:
            logger.warning(unlike_url_message(unlike))
        if replaced_undated is not None:
            replaced_undated.update(undated)
        elif undated:
            logger.warning(undated_files_message(undated))
        _said_clashes(sorted(found + clashed), clashes)
        if kept_newer is not None:
            kept_newer.update(older)
        elif older:
            logger.info(older_files_message(older))
        if kept is not None:
            for aid, fields in [*kept_here.items(), *kept_stored.items()]:
                kept.setdefault(aid, {}).update(fields)
        if changes is not None:
            for aid, before in written.items():
                first = changes.get(aid)
                changes[aid] = (before if first is None else first[0], prepared[aid][0])
        # at DEBUG: the score command adds in batches of 1,000 and sums them up in its last
        # line, which these numbers of one batch would seem to contradict
        logger.debug(
            "a batch of %d record(s) added: %d new article(s), %d record(s) of articles stored "
            "before or given earlier in the batch (%d with changed content, to be scored again)",
            n_new + n_known,
            n_new,
            n_known,
            n_changed,
        )
        if refused:
            more = f" and {len(refused) - 5} more" if len(refused) > 5 else ""
            shown = ", ".join(refused[:5]) + more
            logger.info(
                "%d record(s) of articles taken down with `db delete` met again and not stored: "
                "%s (`db delete --undo` lets them back in)",
                len(refused),
                shown,
            )
        return AddResult(n_new, n_known, n_changed)

    def same_url_ids(self, records: Iterable[Any]) -> dict[int, str]:
        """The records :meth:`add_articles` would store under another id than their own, found
        without storing anything: ``{position among records: id stored under}``.

        A record whose URL (:func:`url_key`: as :func:`~media_analytics.corpus.ids.
        normalize_url` gives it; a site's home page names no article) is that of an article
        stored under another id (or given earlier among ``records``) is that article: a re-send
        (same text) or a correction (new text), not a second one. Exports that number their
        rows give an article one id, the same export read with ``--column id=`` another (from
        its URL): both are one article. The record is taken as the stored one only when their
        headline and body are alike (:data:`ID_CLASH_SIMILARITY`, as for a correction under its
        own id); one that shares nothing with it stays under its own id, with a warning (one
        address for several articles: a live page, a feed that gives a section's address).
        Records without a URL keep their ids. A job that acts on its records before storing
        them (duplicate detection) gives them these ids first.
        """
        datas = [as_dict(r) for r in records]
        moved, _ = self._backend.transaction(lambda tx: _url_owners(tx, datas), write=False)
        return moved

    def id_clashes(self, records: Iterable[Any]) -> list[IdClash]:
        """The records :meth:`add_articles` would refuse because their id is another article's,
        found without storing anything (by ``position`` among ``records``, in order).

        A job that acts on its records before storing them (duplicate detection remembers each
        text under its id) leaves the refused ones out first: a refused record under a stored
        article's id would otherwise be remembered as that article. The rule is
        :meth:`add_articles`'s: a later copy in ``records`` that is another article than the
        first one given under its id, or every copy of an id when the last one is another
        article than the stored one.
        """
        given: dict[str, dict[str, Any]] = {}
        places: dict[str, list[int]] = {}
        found: list[IdClash] = []
        for index, record in enumerate(records):
            data = as_dict(record)
            aid = record_id(data)
            earlier = given.get(aid)
            if earlier is not None and _other_article(earlier, data):
                found.append(IdClash(index, aid, str(earlier.get("url") or "")))
                continue
            places.setdefault(aid, []).append(index)
            given[aid] = data if earlier is None else _with_kept(data, _kept_from(earlier, data))
        if not given:
            return found

        def work(tx: Tx) -> list[IdClash]:
            rows = tx.select_in("SELECT id, url FROM articles WHERE id IN ({in})", list(given))
            suspects = [aid for aid, url in rows if not (url and url == given[aid].get("url"))]
            return _stored_clashes(tx, suspects, given, places)

        return sorted(found + self._backend.transaction(work, write=False))

    def pending(self, model_version: str) -> int:
        """Number of articles without an up-to-date score for ``model_version``."""
        return int(
            self._backend.transaction(
                lambda tx: tx.scalar(
                    "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM scores s "
                    "WHERE s.article_id = a.id AND s.model_version = ? "
                    "AND s.content_hash = a.content_hash)",
                    (model_version,),
                ),
                write=False,
            )
        )

    def stored_articles(self, limit: int | None = None) -> Iterator[list[dict[str, Any]]]:
        """The stored input records in the order they were first stored, oldest first: the
        ``limit`` most recent (all when ``None``).

        What a job needs to build again state it keeps beside the database (duplicate
        detection) when that state is lost. Articles first stored by one call of
        :meth:`add_articles` come as one list, ordered by id (the order they were given in
        is not stored); a corrected article keeps its place, with its current content.
        """
        if limit is not None and limit < 0:
            raise ValueError(f"limit must be >= 0 or None, got {limit}")
        newest = "SELECT id, first_seen FROM articles ORDER BY first_seen DESC, id DESC"
        params: tuple[int, ...] = ()
        if limit is not None:
            newest, params = newest + " LIMIT ?", (limit,)
        rows = self._backend.transaction(
            lambda tx: tx.execute(newest, params).fetchall(), write=False
        )
        rows.reverse()
        select = partial(Tx.select_in, sql="SELECT id, record FROM articles WHERE id IN ({in})")
        for _, group in itertools.groupby(rows, key=lambda row: row[1]):
            ids = sorted(aid for aid, _ in group)
            records = dict(self._backend.transaction(partial(select, values=ids), write=False))
            # (an article deleted since the ids were read is left out)
            yield [frames.record_of(aid, records[aid]) for aid in ids if aid in records]

    # -- the daily job's duplicate-detection state ------------------------------------
    def load_dedup_state(self) -> bytes | None:
        """The duplicate-detection state :meth:`save_dedup_state` kept last, or None when there
        is none (a new or upgraded database, or :meth:`delete_articles` dropped it)."""
        value = self._backend.transaction(
            lambda tx: tx.scalar("SELECT state FROM dedup_state WHERE name = ?", (_DEDUP,)),
            write=False,
        )
        return None if value is None else bytes(value)

    def save_dedup_state(self, state: bytes, run_id: int | None = None) -> None:
        """Keep the duplicate-detection state (:meth:`~media_analytics.corpus.
        DuplicateDetector.to_bytes`) in place of the one kept, in one transaction.

        The daily job on a server database keeps it here rather than in a file, so that runs
        on other machines start from it; they read their input in turns (:meth:`reading`), so
        each loads the state the run before saved.
        """
        now = _now()

        def work(tx: Tx) -> None:
            tx.execute(
                "INSERT INTO dedup_state (name, state, run_id, saved_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET state = excluded.state, "
                "run_id = excluded.run_id, saved_at = excluded.saved_at",
                (_DEDUP, state, run_id, self._backend.ts(now)),
            )

        self._backend.transaction(work)

    def has_dedup_state(self) -> bool:
        """Whether the database keeps a duplicate-detection state (see
        :meth:`save_dedup_state`)."""
        return (
            self._backend.transaction(
                lambda tx: tx.scalar("SELECT 1 FROM dedup_state WHERE name = ?", (_DEDUP,)),
                write=False,
            )
            is not None
        )

    def drop_dedup_state(self) -> None:
        """Forget the duplicate-detection state the database keeps (the next daily run rebuilds
        it from the stored articles)."""
        self._backend.transaction(
            lambda tx: tx.execute("DELETE FROM dedup_state WHERE name = ?", (_DEDUP,))
        )

    # -- claims and scores -------------------------------------------------------------
    def claim(
        self,
        run_id: int,
        model_version: str,
        limit: int = 500,
        *,
        rescore: bool = False,
        rescore_since: int | None = None,
    ) -> list[dict[str, Any]]:
        """Reserve up to ``limit`` articles for run ``run_id`` to score, newest first.

        Articles qualify when they have no up-to-date score for ``model_version`` and no
        other run holds them. With ``rescore``, articles whose score was written by an
        earlier run (a lower run id) qualify too, so that repeated claims walk through the
        whole store once; two rescoring runs at once each walk through all of it (an
        article is still held by one run at a time). Claims of dead runs are released
        first. The claim also beats the run's heartbeat: a run whose batches take longer
        than the store's lease should call :meth:`heartbeat` in between.
        ``rescore_since`` moves that line back to an earlier run (see :meth:`rescore_since`):
        scores written from that run on count as done, so an interrupted rescore is resumed
        rather than started again.

        Returns
        -------
        list of dict
            The input records as they were stored; an empty list when nothing is left.
        """
        if limit < 0:
            raise ValueError(f"limit must be >= 0, got {limit}")
        now = _now()
        done_by = " AND s.run_id >= ?" if rescore else ""
        since = run_id if rescore_since is None else rescore_since
        select = (
            "SELECT a.id, a.content_hash FROM articles a "
            "WHERE NOT EXISTS (SELECT 1 FROM scores s WHERE s.article_id = a.id "
            f"AND s.model_version = ? AND s.content_hash = a.content_hash{done_by}) "
            "AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id "
            "AND c.model_version = ?) "
            f"ORDER BY a.first_seen DESC LIMIT ?{self._backend.lock_for_claim()}"
        )

        def work(tx: Tx) -> tuple[list[tuple[str, Any]], str, list[tuple[int, str]]]:
            before = self._touch(tx, run_id, model_version, now)
            reaped = self._reap(tx, now)
            ts = self._backend.ts(now)
            claimed: list[str] = []
            for _ in range(_CLAIM_ROUNDS):
                need = limit - len(claimed)
                params = [model_version, *([since] if rescore else []), model_version, need]
                candidates = tx.execute(select, params).fetchall() if need else []
                if not candidates:
                    break
                tx.executemany(
                    "INSERT INTO claims (article_id, model_version, run_id, content_hash, "
                    "claimed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    [(aid, model_version, run_id, digest, ts) for aid, digest in candidates],
                )
                # Keep the claims this run won that are still unscored. The second test
                # matters on PostgreSQL, where the candidates came from a snapshot taken
                # before another run may have saved some of them.
                mine = {
                    row[0]
                    for row in tx.select_in(
                        "SELECT c.article_id FROM claims c JOIN articles a ON a.id = c.article_id "
                        "WHERE c.run_id = ? AND c.model_version = ? AND NOT EXISTS (SELECT 1 "
                        "FROM scores s WHERE s.article_id = a.id AND s.model_version = ? "
                        f"AND s.content_hash = a.content_hash{done_by}) "
                        "AND c.article_id IN ({in})",
                        [aid for aid, _ in candidates],
                        (run_id, model_version, model_version, *([since] if rescore else [])),
                    )
                }
                late = [aid for aid, _ in candidates if aid not in mine]
                tx.executemany(
                    "DELETE FROM claims WHERE article_id = ? AND model_version = ? AND run_id = ?",
                    [(aid, model_version, run_id) for aid in late],
                )
                claimed.extend(aid for aid, _ in candidates if aid in mine)
                if not late:  # no race lost: nothing more to find
                    break
            records = dict(
                tx.select_in("SELECT id, record FROM articles WHERE id IN ({in})", claimed)
            )
            return [(aid, records[aid]) for aid in claimed], before, reaped

        rows, before, reaped = self._backend.transaction(work)
        self._log_back(run_id, before)
        self._log_reaped(reaped)
        logger.debug("run %d claimed %d articles", run_id, len(rows))
        return [frames.record_of(aid, value) for aid, value in rows]

    def save_scores(
        self, run_id: int, model_version: str, records: Iterable[Mapping[str, Any]]
    ) -> int:
        """Store scored records of run ``run_id`` in one transaction and release their claims.

        Saving an article that already has a score for ``model_version`` replaces that
        score (there is never a second row), so a repeated save is harmless.

        Returns
        -------
        int
            Number of distinct articles saved.

        Raises
        ------
        StoreError
            When a record's id is not in the store (nothing of the batch is saved).
        ValueError
            When a record carries another ``model_version``.
        """
        rows: dict[str, str] = {}
        for record in records:
            data = as_dict(record)
            aid = record_id(data)
            found = data.get("model_version")
            if found is not None and found != model_version:
                raise ValueError(
                    f"record {aid!r} has model_version {found!r}, saved as {model_version!r}"
                )
            rows[aid] = dumps(data)
        now = _now()
        ids = list(rows)

        def work(tx: Tx) -> tuple[str, int]:
            before = self._touch(tx, run_id, model_version, now)
            if not ids:
                return before, 0
            # The hash of the text that was scored: the one claimed, not a newer edit.
            hashes = dict(
                tx.select_in(
                    "SELECT article_id, content_hash FROM claims "
                    "WHERE run_id = ? AND model_version = ? AND article_id IN ({in})",
                    ids,
                    (run_id, model_version),
                )
            )
            unclaimed = [aid for aid in ids if aid not in hashes]
            hashes.update(
                tx.select_in("SELECT id, content_hash FROM articles WHERE id IN ({in})", unclaimed)
            )
            unknown = [aid for aid in unclaimed if aid not in hashes]
            if unknown:
                raise StoreError(
                    f"cannot save scores of {len(unknown)} articles that are not in the store "
                    f"(first: {unknown[:3]}); add_articles() them first"
                )
            # a record scored while another run re-pointed its story (set_duplicates) takes the
            # mark its article holds now, not the one it was claimed with
            marked = [aid for aid in ids if '"duplicate_of":' in rows[aid]]
            for aid, record in tx.select_in(
                "SELECT id, record FROM articles WHERE id IN ({in})", marked
            ):
                data, mark = loads(record), loads(rows[aid])
                if (
                    isinstance(data, Mapping)
                    and "duplicate_of" in data
                    and data["duplicate_of"] != mark.get("duplicate_of")
                ):
                    rows[aid] = dumps(dict(mark, duplicate_of=data["duplicate_of"]))
            ts = self._backend.ts(now)
            tx.executemany(
                "INSERT INTO scores (article_id, model_version, content_hash, scored_at, run_id, "
                "record) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (article_id, model_version) "
                "DO UPDATE SET content_hash = excluded.content_hash, "
                "scored_at = excluded.scored_at, run_id = excluded.run_id, "
                "record = excluded.record",
                [(aid, model_version, hashes[aid], ts, run_id, js) for aid, js in rows.items()],
            )
            tx.executemany(
                "DELETE FROM claims WHERE article_id = ? AND model_version = ? AND run_id = ?",
                [(aid, model_version, run_id) for aid in ids],
            )
            return before, len(unclaimed)

        before, unclaimed = self._backend.transaction(work)
        self._log_back(run_id, before)
        if unclaimed:
            logger.warning(
                "run %d saved %d scores of articles it had not claimed (or whose claim was "
                "released); each is stored once all the same",
                run_id,
                unclaimed,
            )
        return len(ids)

    # -- rejects -----------------------------------------------------------------------
    def add_rejects(self, run_id: int, rejects: Iterable[Any], *, files: Iterable[str] = ()) -> int:
        """Store rejected input records of run ``run_id``.

        Parameters
        ----------
        rejects : iterable
            :class:`~media_analytics.corpus.Reject` objects, or mappings, with ``reason``
            and optionally ``file`` (or ``source_file``), ``line``, ``record_id``,
            ``message``, ``severity`` (default ``"error"``) and ``digest`` (the
            :func:`~media_analytics.corpus.rejects.content_digest` of the reason and record).
        files : iterable of str, optional
            Files this run read whole, named as the rejects name them. A file read again (a
            late line appended to yesterday's export, or the newest article put first, which
            moves every line down) meets its old bad records again: a reject already stored is
            not stored again (see :meth:`known_rejects`), its row given the file and line it
            was met at now; and a stored one of these files this run did not meet (a
            half-written line since completed) is dropped, so that the table holds each
            problem once, as the last read found it.

        Returns
        -------
        int
            Number stored (the rejects not known before).
        """
        rows = [frames.reject_row(r) for r in rejects]
        reread = list(dict.fromkeys(files))
        now = _now()

        def work(tx: Tx) -> int:
            if tx.scalar("SELECT 1 FROM runs WHERE run_id = ?", (run_id,)) is None:
                raise StoreError(f"{self.url} has no run {run_id}")
            found, gone = _match_rejects(tx, rows, reread)
            tx.executemany("DELETE FROM rejects WHERE reject_id = ?", [(r,) for r in gone])
            # a reject met again is told where it stands now and what its record is called
            # now (the id a run with other reading options gives it), its message with them
            tx.executemany(
                "UPDATE rejects SET source_file = ?, line = ?, record_id = ?, message = ?, "
                "content_key = ? WHERE reject_id = ?",
                [
                    (row[0], row[1], row[2], row[4], row[6], known)
                    for row, known in zip(rows, found, strict=True)
                    if known is not None
                ],
            )
            ts = self._backend.ts(now)
            new = [row for row, known in zip(rows, found, strict=True) if known is None]
            tx.executemany(
                "INSERT INTO rejects (run_id, source_file, line, record_id, reason, message, "
                "severity, content_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(run_id, *row, ts) for row in new],
            )
            return len(new)

        if rows or reread:
            return int(self._backend.transaction(work))
        return 0

    def known_rejects(self, rejects: Iterable[Any], *, files: Iterable[str] = ()) -> list[bool]:
        """For each reject (as :meth:`add_rejects` takes them), whether the store holds it
        already: what a run reading ``files`` again need not report again.

        A reject with a ``digest`` (the hash of its reason and record) is known when a stored
        one has the same digest and a file of the same name: the same broken record met at
        another line (lines put before it) or under another folder (the exports moved). One
        without (a problem with a whole file), or a stored one from before the store kept
        digests, is known by its file, line and reason. Each stored reject stands for one
        reject met: a second copy of a broken record is a new problem.
        """
        rows = [frames.reject_row(r) for r in rejects]
        reread = list(dict.fromkeys(files))
        if not rows:
            return []
        found, _ = self._backend.transaction(
            lambda tx: _match_rejects(tx, rows, reread), write=False
        )
        return [known is not None for known in found]

    # -- input files -------------------------------------------------------------------
    def unchanged_files(self, files: Mapping[str, str]) -> set[str]:
        """Of ``{path: signature}``, the paths a run read to their end before whose signature
        (the caller's: size, times, how the file is read) is the same now."""
        if not files:
            return set()

        def work(tx: Tx) -> set[str]:
            rows = tx.select_in(
                "SELECT path, signature FROM input_files WHERE path IN ({in})", list(files)
            )
            return {path for path, signature in rows if files[path] == signature}

        return self._backend.transaction(work, write=False)

    def reading(self) -> contextlib.AbstractContextManager[None]:
        """Hold while reading input into the store: runs on one database take turns (a file
        lock beside a SQLite database, an advisory lock on PostgreSQL); scoring is not held.

        Two runs writing the same files at once could otherwise leave an older copy of an
        article over the newer one a later file holds, after the other run had recorded the
        files as read.
        """
        return self._backend.reading_lock()

    def forget_files(self, paths: Iterable[str]) -> None:
        """Drop the record that ``paths`` were read to their end: a run that writes their
        articles again calls this first, so that if it stops midway (an older copy written,
        the newer one of a later file not yet) the next run reads them again."""
        todo = [(p,) for p in paths]
        if todo:
            self._backend.transaction(
                lambda tx: tx.executemany("DELETE FROM input_files WHERE path = ?", todo)
            )

    def mark_files_read(self, run_id: int, files: Mapping[str, str]) -> None:
        """Remember that run ``run_id`` read these files (``{path: signature}``) to their
        end."""
        if not files:
            return
        now = _now()

        def work(tx: Tx) -> None:
            ts = self._backend.ts(now)
            # one statement per file, so that two runs finishing the same file at once (on
            # PostgreSQL, where they read in parallel) do not both insert it: the later wins
            tx.executemany(
                "INSERT INTO input_files (path, signature, run_id, read_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (path) DO UPDATE SET signature = excluded.signature, "
                "run_id = excluded.run_id, read_at = excluded.read_at",
                [(path, signature, run_id, ts) for path, signature in files.items()],
            )

        self._backend.transaction(work)

    # -- frames ------------------------------------------------------------------------
    def scores_frame(
        self,
        model_version: str | None = None,
        since: date | datetime | str | None = None,
        *,
        include_stale: bool = True,
        until: date | datetime | str | None = None,
        whole_stories: bool = False,
    ) -> pd.DataFrame:
        """Scored records as a DataFrame, one row per article and model version.

        Parameters
        ----------
        model_version : str, optional
            Only this version (default: all): one the database holds scores of
            (:meth:`scores_count` names them, :meth:`current_version` is the one reports
            cover; a model's own is its ``model_version``).
        since : date, datetime or ISO 8601 str, optional
            Only articles published on or after it, compared on the ISO text of the
            article's ``published_at`` (exact for days; articles without a date drop out).
        include_stale : bool
            Keep scores whose article changed after scoring (default ``True``).
        until : date, datetime or ISO 8601 str, optional
            Only articles published on or before that day (the whole day).
        whole_stories : bool
            With ``since`` or ``until``, also every other record of a syndicated story that
            has a record in the period (its original before ``since``, a copy after
            ``until``): what :func:`~media_analytics.reports.records_to_frames` needs to date
            the story by its earliest copy and count it in one period only, as it does for
            the same records read from a file; and the undated records, which a report
            counts as left out, as it does reading a file. Give the reports the same
            ``since`` and ``until``; they leave out the stories that began before the period.

        Returns
        -------
        pandas.DataFrame
            The scored record's fields (nested ones such as ``themes`` as Python lists and
            dicts), then ``model_version``, ``scored_at`` (UTC), ``run_id`` and ``stale``.
            Sorted by ``published_at`` (undated last), ``id`` and ``model_version``. With no
            article in the period, an empty frame with the columns of the version's records.

        Raises
        ------
        UnknownVersionError
            A ``ValueError`` (and a :class:`StoreError`): the database holds no score of
            ``model_version`` (a typo, another database's version); the message names the
            versions it holds and how many articles each scored.
        """
        return frames.scores_frame(
            self._backend, model_version, since, include_stale, until, whole_stories
        )

    def scores_count(
        self,
        since: date | datetime | str | None = None,
        until: date | datetime | str | None = None,
    ) -> dict[str, int]:
        """How many articles each model version has scored (published from ``since`` to
        ``until``, days inclusive, when given), counted in the database."""
        return frames.scores_count(self._backend, since, until)

    def runs_frame(self) -> pd.DataFrame:
        """All runs, oldest first, with ``inputs`` and ``counts`` decoded, ``n_scores`` (scores
        the run wrote that no later run replaced) and ``n_claims`` (articles it holds now)."""
        return frames.runs_frame(self._backend)

    def articles_count(
        self,
        since: date | datetime | str | None = None,
        until: date | datetime | str | None = None,
    ) -> int:
        """How many articles the database holds (published from ``since`` to ``until``, days
        inclusive, when given: the articles a report of that period could hold)."""
        return frames.articles_count(self._backend, since, until)

    def last_arrival(self) -> datetime | None:
        """When an article last arrived: the latest time one was stored or its content changed
        (UTC), ``None`` for a database with no article. A re-sent copy of a stored article
        does not count: a feed that only sends yesterday's files again has stopped."""
        return frames.last_arrival(self._backend)

    def versions_frame(self) -> pd.DataFrame:
        """One row per model version the database knows (by its scores or its runs).

        Columns: ``model_version``; ``n_scores`` (articles it scored) and ``n_stale`` (of
        those, the ones whose article changed since); ``n_runs`` and ``n_running`` (runs of
        the version, and those not finished); ``first_run_at`` and ``last_run_at`` (starts of
        its first and last run, UTC) and ``last_scored_at``. Ordered by first run: the last
        row with scores is the version ``media-analytics report --db`` covers by default
        (:meth:`current_version`).
        """
        return frames.versions_frame(self._backend)

    def current_version(self, versions: pd.DataFrame | None = None) -> str | None:
        """The model version reports cover by default: of the versions holding scores, the one
        first used most recently (a new model, even while it is still scoring the archive; a
        stray run of an older model does not switch back). ``None`` when nothing is scored.
        ``versions``: a :meth:`versions_frame` already read."""
        versions = self.versions_frame() if versions is None else versions
        held = versions[versions["n_scores"] > 0]
        return str(held["model_version"].iloc[-1]) if len(held) else None

    def drop_version(self, model_version: str) -> int:
        """Delete every score (and claim) of ``model_version`` in one transaction; returns how
        many scores went.

        For the archive of a model that is no longer used (after ``score --db DB --model
        NEW/`` has scored it with the new one), or of a model that should not have run.
        Articles, runs and rejects stay: the runs keep their history, with no scores left.
        The space is reused by later scores; :meth:`compact` gives it back to the system.

        Raises
        ------
        RunActiveError
            A run of that version is still active (dead runs are reaped first).
        """
        now = _now()

        def work(tx: Tx) -> tuple[int, list[tuple[int, str]]]:
            self._backend.lock_table(tx, "runs")  # no run of the version starts meanwhile
            reaped = self._reap(tx, now)
            active = self._active_runs(tx, model_version)
            if active:
                run, host, pid, _ = active[0]
                raise RunActiveError(
                    f"run {run} of model version {model_version!r} is still active (host "
                    f"{host}, pid {pid}): stop it or wait for it to finish before dropping "
                    "the version's scores"
                )
            tx.execute("DELETE FROM claims WHERE model_version = ?", (model_version,))
            dropped = tx.execute(
                "DELETE FROM scores WHERE model_version = ?", (model_version,)
            ).rowcount
            return int(dropped), reaped

        dropped, reaped = self._backend.transaction(work)
        self._log_reaped(reaped)
        logger.info("dropped %d scores of model version %s", dropped, model_version)
        return dropped

    def delete_articles(self, ids: Iterable[str]) -> list[str]:
        """Delete articles (a takedown) in one transaction: the articles, their scores and
        claims, and the stored rejects of records with their ids; returns the ids deleted.

        A copy of a deleted article (``duplicate_of`` naming it, in its stored record and
        scores) then names the story's earliest remaining copy (undated last, ties by id),
        which becomes the original, so that reports keep no trace of the deleted id. The ids
        are remembered: :meth:`add_articles` does not store them again (a file read again
        still holds them) until :meth:`undelete_articles` lets them back in.
        The duplicate-detection state the database keeps (:meth:`save_dedup_state`) is dropped
        in the same transaction.

        Raises
        ------
        RunActiveError
            A run is still active (dead runs are reaped first): it may be scoring them.
        """
        wanted = list(dict.fromkeys(ids))
        now = _now()

        def work(tx: Tx) -> tuple[list[str], list[tuple[int, str]], int]:
            self._backend.lock_table(tx, "runs")  # no run starts meanwhile
            reaped = self._reap(tx, now)
            active = tx.execute(
                "SELECT run_id, host, pid FROM runs WHERE status = 'running' ORDER BY run_id"
            ).fetchall()
            if active:
                run, host, pid = active[0]
                raise RunActiveError(
                    f"run {run} is still active (host {host}, pid {pid}): stop it or wait for it "
                    "to finish before deleting articles"
                )
            rows = [
                (aid, key, _takedown_hash(loads(record) or {}))
                for aid, key, record in tx.select_in(
                    "SELECT id, url_key, record FROM articles WHERE id IN ({in})", wanted
                )
            ]
            found = [row[0] for row in rows]
            gone = set(found)
            for aid in found:
                self._repoint_copies(tx, aid, gone)
            for table, column in (("rejects", "record_id"), ("claims", "article_id"),
                                  ("scores", "article_id"), ("articles", "id")):  # fmt: skip
                tx.executemany(f"DELETE FROM {table} WHERE {column} = ?", [(a,) for a in found])
            # remembered, so that the article is not stored again when its file is read again,
            # nor when a re-crawl gives it another id (by its URL; by its content when the copy
            # has no URL, whether the article had one or not)
            ts = self._backend.ts(now)
            tx.executemany(
                "INSERT INTO deleted_articles (id, deleted_at, url_key, content_hash) "
                "VALUES (?, ?, ?, ?)",
                [(aid, ts, key, digest) for aid, key, digest in rows],
            )
            # the detector cannot forget one article: its state goes with them, or a later copy
            # could name a deleted id
            dropped = tx.execute("DELETE FROM dedup_state").rowcount if found else 0
            return sorted(gone, key=wanted.index), reaped, dropped

        deleted, reaped, dropped = self._backend.transaction(work)
        self._log_reaped(reaped)
        logger.info("deleted %d articles with their scores and rejects", len(deleted))
        if dropped:
            logger.info(
                "dropped the duplicate-detection state the database kept: the next score run "
                "rebuilds it without them"
            )
        return deleted

    def undelete_articles(self, ids: Iterable[str]) -> list[str]:
        """Let articles taken down with :meth:`delete_articles` be stored again (the next run
        that reads their input stores and scores them; their earlier scores are gone); returns
        the ids that were taken down."""
        wanted = list(dict.fromkeys(ids))

        def work(tx: Tx) -> list[str]:
            found = [
                row[0]
                for row in tx.select_in(
                    "SELECT id FROM deleted_articles WHERE id IN ({in})", wanted
                )
            ]
            tx.executemany("DELETE FROM deleted_articles WHERE id = ?", [(a,) for a in found])
            return sorted(found, key=wanted.index)

        return self._backend.transaction(work)

    def deleted_ids(self) -> list[str]:
        """The ids of the articles taken down with :meth:`delete_articles`, oldest first."""
        rows = self._backend.transaction(
            lambda tx: tx.execute(
                "SELECT id FROM deleted_articles ORDER BY deleted_at, id"
            ).fetchall(),
            write=False,
        )
        return [row[0] for row in rows]

    def set_duplicates(self, originals: Mapping[str, str | None]) -> int:
        """Set ``duplicate_of`` of stored articles, in their records and in their scores of
        every model version, in one transaction; returns how many articles' records changed.

        ``originals`` maps an article id to the id of its story's original (None: it is the
        original). Duplicate detection calls it when an earlier-published copy of a stored
        story arrives and becomes the story's original: the stored records that named the old
        original name the new one, which stops being a copy (nothing is scored again: the
        content did not change). Ids not stored are left out, and so is an article whose
        original is not stored (taken down with :meth:`delete_articles`, or never stored), with
        a warning: no stored article names a missing id as its original.
        """
        wanted = {str(aid): original for aid, original in originals.items()}
        if not wanted:
            return 0
        missing: dict[str, str] = {}

        def work(tx: Tx) -> int:
            named = list({str(o) for o in wanted.values() if o is not None})
            held = {
                row[0] for row in tx.select_in("SELECT id FROM articles WHERE id IN ({in})", named)
            }
            for aid, original in list(wanted.items()):
                if original is not None and str(original) not in held:
                    missing[aid] = str(original)
                    del wanted[aid]
            ids = list(wanted)
            changed = []
            for aid, record in tx.select_in(
                "SELECT id, record FROM articles WHERE id IN ({in})", ids
            ):
                data = loads(record)
                if isinstance(data, Mapping) and data.get("duplicate_of") != wanted[aid]:
                    changed.append((dumps(dict(data, duplicate_of=wanted[aid])), aid))
            tx.executemany("UPDATE articles SET record = ? WHERE id = ?", changed)
            rows = tx.select_in(
                "SELECT article_id, model_version, record FROM scores WHERE article_id IN ({in})",
                ids,
            )
            scores = []
            for aid, version, record in rows:
                data = loads(record)
                if isinstance(data, Mapping) and data.get("duplicate_of") != wanted[aid]:
                    scores.append((dumps(dict(data, duplicate_of=wanted[aid])), aid, version))
            tx.executemany(
                "UPDATE scores SET record = ? WHERE article_id = ? AND model_version = ?", scores
            )
            return len(changed)

        n = int(self._backend.transaction(work))
        if missing:
            shown = ", ".join(
                f"{aid} -> {original}" for aid, original in sorted(missing.items())[:3]
            )
            logger.warning(
                "%d article(s) not marked as copies of an original that is not stored (taken "
                "down?): %s%s",
                len(missing),
                shown,
                " ..." if len(missing) > 3 else "",
            )
        if n:
            logger.info("%d stored article(s) now name another original (duplicate_of)", n)
        return n

    @staticmethod
    def _repoint_copies(tx: Tx, original: str, gone: set[str]) -> None:
        """Inside ``tx``: the copies of ``original`` (being deleted) name its earliest remaining
        copy instead, and that copy becomes the original."""
        # the text search only narrows the rows down; the decoded record decides
        rows = tx.execute(
            "SELECT id, published_at, record FROM articles WHERE CAST(record AS TEXT) LIKE ?",
            (f"%{original}%",),
        ).fetchall()
        stored = {aid: loads(record) for aid, _, record in rows if aid not in gone}
        copies = sorted(
            (when is None, when or "", aid)
            for aid, when, _ in rows
            if aid in stored and stored[aid].get("duplicate_of") == original
        )
        if not copies:
            return
        first = copies[0][2]
        for _, _, aid in copies:
            new = None if aid == first else first
            tx.execute(
                "UPDATE articles SET record = ? WHERE id = ?",
                (dumps(dict(stored[aid], duplicate_of=new)), aid),
            )
            scores = tx.execute(
                "SELECT model_version, record FROM scores WHERE article_id = ?", (aid,)
            ).fetchall()
            tx.executemany(
                "UPDATE scores SET record = ? WHERE article_id = ? AND model_version = ?",
                [(dumps(dict(loads(r), duplicate_of=new)), aid, v) for v, r in scores],
            )

    def compact(self) -> None:
        """Give the space of deleted rows back: SQLite's ``VACUUM`` (it rewrites the file, so
        needs as much free disk again and waits for other connections); on PostgreSQL
        ``VACUUM (FULL, ANALYZE)`` of the scores and claims (it rewrites those tables, so needs
        their live rows' size free and holds them locked, reports waiting, while it runs)."""
        self._backend.compact()

    def rejects_frame(self, run_id: int | None = None) -> pd.DataFrame:
        """Stored rejects (of one run, or all): run_id, file, line, record_id, reason,
        message, severity, created_at."""
        return frames.rejects_frame(self._backend, run_id)


def open_store(
    url: str | Path,
    *,
    lease: timedelta = DEFAULT_LEASE,
    busy_timeout: float = 60.0,
) -> Store:
    """Open (and on first use create) the store at ``url``.

    Parameters
    ----------
    url : str or Path
        A file path or ``sqlite:///relative/path.db`` / ``sqlite:////absolute/path.db`` for
        SQLite; ``postgresql://user:password@host:port/database`` for PostgreSQL (needs
        ``pip install 'media-analytics[postgres]'``). ``:memory:`` gives a throwaway SQLite
        database.
    lease : timedelta
        How long a run may go without a heartbeat before other runs take it for dead.
    busy_timeout : float
        Seconds to keep retrying while other processes hold the database.

    Raises
    ------
    SchemaVersionError
        When the database was made by a newer version of media-analytics.
    MissingDependencyError
        For a PostgreSQL URL without psycopg installed.
    StoreError
        When the database cannot be opened or is not the store's.
    """
    backend = open_backend(url, busy_timeout=busy_timeout)
    try:
        ensure_schema(backend)
    except BaseException:
        backend.close()
        raise
    return Store(backend, lease=lease)


def changed_count(changes: Mapping[str, tuple[str | None, str]]) -> int:
    """How many articles of the ``changes`` that :meth:`Store.add_articles` filled were stored
    before those calls and hold other content after them.

    Examples
    --------
    >>> changed_count({"a": ("h1", "h2"), "b": ("h1", "h1"), "c": (None, "h3")})
    1
    """
    return sum(1 for before, now in changes.values() if before is not None and before != now)


def older_files_message(older: Mapping[str, tuple[str, str]]) -> str:
    """The line saying which records of older files did not replace the newer versions kept,
    from the ``kept_newer`` that :meth:`Store.add_articles` filled (by file name).

    Examples
    --------
    >>> print(older_files_message({"a": ("x/2019-09-18.csv", "x/2019-09-19.csv")}))
    1 article kept the newer version ...: 1 of 2019-09-18.csv kept the version of 2019-09-19.csv
    """
    pairs = Counter((_file_name(read), _file_name(kept)) for read, kept in older.values())
    most = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))
    shown = [f"{n:,} of {read} kept the version of {kept}" for (read, kept), n in most[:5]]
    if len(pairs) > 5:
        shown.append(f"{len(pairs) - 5} more pairs of files")
    n = len(older)
    return (
        f"{n:,} article{'' if n == 1 else 's'} kept the newer version read from a later-dated "
        f"file, not that of an older file read again: {', '.join(shown)}"
    )


def undated_files_message(replaced: Mapping[str, tuple[str | None, str]]) -> str:
    """The warning that stored articles read from a dated file were replaced by another content
    from a file whose name holds no date, from the ``replaced_undated`` that
    :meth:`Store.add_articles` filled, with how to restore them.

    Examples
    --------
    >>> print(undated_files_message({"a": ("in/resend.jsonl", "in/2019-09-17.jsonl")}))
    ... # doctest: +NORMALIZE_WHITESPACE
    1 stored article read from a dated file was replaced by a copy that differs in its text,
    date, outlet or URL from a file whose name carries no date (1 of resend.jsonl replaced
    the version of 2019-09-17.jsonl; such a name tells no time, so the copy read last wins):
    if it re-sent older versions, restore the newer ones by reading the dated file again with
    --reread (score in/2019-09-17.jsonl --db DB --reread)
    """
    pairs = Counter(
        (_file_name(read) if read else "standard input", _file_name(kept))
        for read, kept in replaced.values()
    )
    most = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))
    shown = [f"{n:,} of {read} replaced the version of {kept}" for (read, kept), n in most[:5]]
    if len(pairs) > 5:
        shown.append(f"{len(pairs) - 5} more pairs of files")
    dated = sorted({kept for _, kept in replaced.values()})  # as stored: the full path
    named = " ".join(dated[:3]) + (" ..." if len(dated) > 3 else "")
    n = len(replaced)
    return (
        f"{n:,} stored article{'' if n == 1 else 's'} read from a dated file "
        f"{'was' if n == 1 else 'were'} replaced by a copy that differs in its text, date, "
        "outlet or URL from a file whose name "
        f"carries no date ({', '.join(shown)}; such a name tells no time, so the copy read "
        "last wins): if it re-sent older versions, restore the newer ones by reading the "
        f"dated file again with --reread (score {named} --db DB --reread)"
    )


def _match_rejects(
    tx: Tx, rows: list[tuple[Any, ...]], reread: list[str]
) -> tuple[list[int | None], list[int]]:
    """Inside ``tx``: for each reject met (a :func:`~.frames.reject_row`), the id of the stored
    reject it is, or ``None`` for a new one (see :meth:`Store.known_rejects`); and the ids of
    the stored rejects of the files read again (``reread``) that nothing met."""
    columns = "SELECT reject_id, source_file, line, reason, content_key FROM rejects"
    keys = list({row[6] for row in rows if row[6] is not None})
    stored = {
        int(rid): (source, line, reason, key)
        for rid, source, line, reason, key in [
            *tx.select_in(f"{columns} WHERE source_file IN ({{in}})", reread),
            *tx.select_in(f"{columns} WHERE content_key IN ({{in}})", keys),
        ]
    }
    by_key: dict[tuple[str, str], list[int]] = {}
    by_place: dict[tuple[Any, ...], list[int]] = {}
    for rid in sorted(stored):  # the oldest first
        source, line, reason, key = stored[rid]
        if key is not None:
            by_key.setdefault((_file_name(source), key), []).append(rid)
        by_place.setdefault((source, line, reason), []).append(rid)
    files = set(reread)
    used: set[int] = set()
    found: list[int | None] = [None] * len(rows)
    # by content first: the same file's before another's (a moved folder); only the rejects
    # of files read whole are met again (not those of standard input)
    for i, row in enumerate(rows):
        if row[6] is None or row[0] not in files:
            continue
        free = [rid for rid in by_key.get((_file_name(row[0]), row[6]), []) if rid not in used]
        if free:
            same = next((rid for rid in free if stored[rid][0] == row[0]), free[0])
            found[i] = same
            used.add(same)
    # then by place: a problem with no content to know it by, or one stored without its key
    for i, row in enumerate(rows):
        if found[i] is not None or row[0] not in files:
            continue
        for rid in by_place.get((row[0], row[1], row[3]), []):
            if rid not in used and (row[6] is None or stored[rid][3] is None):
                found[i] = rid
                used.add(rid)
                break
    gone = [rid for rid in sorted(stored) if rid not in used and stored[rid][0] in files]
    return found, gone


def _file_name(path: Any) -> str:
    """The last part of a file's path (``""`` for a reject of no file)."""
    return "" if path is None else str(path).replace("\\", "/").rsplit("/", 1)[-1]


def _prepared(data: dict[str, Any], digest: str) -> tuple[str, Any, Any, Any, str | None, str]:
    """The columns of one article row: hash, source, url, title, published_at, record."""
    return (
        digest,
        data.get("source"),
        data.get("url"),
        data.get("title"),
        _published(data.get("published_at")),
        dumps(data),
    )


#: Fields a stored article keeps when a copy read again lacks them (empty or missing).
_KEPT_FIELDS = ("published_at", "source", "url", "text")


def _keep_stored_fields(
    tx: Tx,
    stored: dict[str, str],
    prepared: dict[str, tuple[str, Any, Any, Any, str | None, str]],
    lacking: dict[str, dict[str, Any]],
    order: list[tuple[str, str]],
    said_count: list[int],
) -> dict[str, dict[str, Any]]:
    """A stored article read again without a date, source, url or body (a new export whose date
    the reader could not read, a correction re-sent with its headline and text alone, a copy
    whose body the crawler missed) keeps the ones it has: a worse copy does not erase what is
    stored, nor drop the article out of the reports by outlet or by day. Returns what each
    article kept, by id."""
    said: dict[str, dict[str, Any]] = {}
    ids = [aid for aid in lacking if aid in stored and stored[aid] != prepared[aid][0]]
    if not ids:
        return said
    for aid, record in tx.select_in("SELECT id, record FROM articles WHERE id IN ({in})", ids):
        old = loads(record) or {}
        data = lacking[aid]
        kept = _kept_from(old, data)
        if not kept:
            continue
        data = _with_kept(data, kept)
        digest = content_hash(data)
        prepared[aid] = _prepared(data, digest)
        order[:] = [(i, digest if i == aid else d) for i, d in order]
        _say_kept(aid, kept, "stored", lacking[aid], said_count)
        said[aid] = kept
    return said


def url_key(url: Any) -> str | None:
    """The URL by which the store knows an article (``articles.url_key``): as
    :func:`~media_analytics.corpus.ids.normalize_url` gives it, ``None`` without one or for one
    with neither a path nor a query (a site's home page names no article).

    Examples
    --------
    >>> url_key("https://www.detik.com/berita/d-1/?utm_source=x"), url_key("https://detik.com/")
    ('detik.com/berita/d-1', None)
    """
    if not isinstance(url, str) or not url.strip():
        return None
    from ..corpus.ids import normalize_url

    key = normalize_url(url)
    host = key.split("/", 1)[0].split("?", 1)[0]
    return key if host and key[len(host) :] else None


def _url_owners(
    tx: Tx, records: Sequence[Mapping[str, Any]]
) -> tuple[dict[int, str], dict[int, str]]:
    """Inside ``tx``: by position among ``records``, the id each is that article's (see
    :meth:`Store.same_url_ids`), and the id of the article whose URL each has but not its text
    (stays under its own id).

    A record with no URL is known by its content (:func:`~media_analytics.store.records.
    content_hash`): the same title, body, date and source as an article stored without a URL
    (or given earlier among ``records``) under another id. A record with the URL, or without
    one the content, of an article taken down under another id is given that id, so that the
    takedown holds.
    """
    keys: dict[int, str] = {}
    hashes: dict[int, str] = {}
    for i, data in enumerate(records):
        key = url_key(data.get("url"))
        if key:
            keys[i] = key
        else:
            hashes[i] = content_hash(data)
    moved: dict[int, str] = {}
    unlike: dict[int, str] = {}
    if keys:
        wanted = list(set(keys.values()))
        held: dict[str, list[tuple[str, str, Any]]] = {}
        for key, aid, first_seen, record in tx.select_in(
            "SELECT url_key, id, first_seen, record FROM articles WHERE url_key IN ({in})", wanted
        ):
            held.setdefault(key, []).append((str(first_seen), aid, record))
        down = _taken_down(tx, "url_key", wanted)
        first: dict[str, tuple[str, Mapping[str, Any]]] = {}  # by key, the first record given
        for i, key in keys.items():
            data = records[i]
            aid = record_id(data)
            owners = sorted(held.get(key, []))  # the first stored first
            if any(owner == aid for _, owner, _ in owners):
                continue  # its own id holds the URL
            if owners:
                _, target, record = owners[0]
                old: Mapping[str, Any] = loads(record) or {}
            elif key in down:
                if down[key] != aid:
                    moved[i] = down[key]
                continue
            elif key not in first or first[key][0] == aid:
                first.setdefault(key, (aid, data))
                continue
            else:
                target, old = first[key]
            if _alike(old, data):
                moved[i] = target
            else:
                unlike[i] = target
    if hashes:
        wanted = list(set(hashes.values()))
        same: dict[str, list[tuple[str, str]]] = {}
        for digest, aid, first_seen in tx.select_in(
            "SELECT content_hash, id, first_seen FROM articles "
            "WHERE content_hash IN ({in}) AND url_key IS NULL",
            wanted,
        ):
            same.setdefault(digest, []).append((str(first_seen), aid))
        # taken down, by the content without its URL (an article that had one, sent again
        # without it), or as an earlier version stored it
        bare = {i: _takedown_hash(records[i]) for i in hashes}
        down = _taken_down(tx, "content_hash", list({*wanted, *bare.values()}))
        earliest: dict[str, str] = {}  # by content, the id of the first record given
        for i, digest in hashes.items():
            aid = record_id(records[i])
            found = sorted(same.get(digest, []))
            if any(owner == aid for _, owner in found):
                continue
            gone = down.get(bare[i]) or down.get(digest)
            if found:
                moved[i] = found[0][1]
            elif gone is not None:
                if gone != aid:
                    moved[i] = gone
            elif earliest.setdefault(digest, aid) != aid:
                moved[i] = earliest[digest]
    return moved, unlike


def _takedown_hash(record: Mapping[str, Any]) -> str:
    """The content hash an article taken down is remembered by: its fields without the URL, so
    that a copy sent again without it is known (``db delete``)."""
    return content_hash({**record, "url": None})


def _taken_down(tx: Tx, column: str, values: list[str]) -> dict[str, str]:
    """Inside ``tx``: by URL key or content hash (``column``), the id of the article taken
    down with it (the earliest takedown when several)."""
    out: dict[str, str] = {}
    for value, aid in tx.select_in(
        f"SELECT {column}, id FROM deleted_articles WHERE {column} IN ({{in}}) "
        "ORDER BY deleted_at, id",
        values,
    ):
        out.setdefault(value, aid)
    return out


def same_url_message(renamed: Mapping[str, str]) -> str:
    """The line saying which records were taken as the articles stored under other ids with
    their URLs (or, having none, their texts), from the ``same_url`` that
    :meth:`Store.add_articles` filled.

    >>> print(same_url_message({"u-5f1e": "7"}))  # doctest: +NORMALIZE_WHITESPACE
    1 record has the URL (or, without one, the text) of an article stored under another id:
    taken as that article (a re-send, or a correction when its text changed), not stored a
    second time: u-5f1e -> 7
    """
    n = len(renamed)
    pairs = [f"{given} -> {stored}" for given, stored in list(renamed.items())[:3]]
    more = f" and {n - 3:,} more" if n > 3 else ""
    return (
        f"{n:,} record{' has' if n == 1 else 's have'} the URL (or, without one, the text) of an "
        "article stored under another id: taken as that article (a re-send, or a correction "
        f"when its text changed), not stored a second time: {', '.join(pairs)}{more}"
    )


def unlike_url_message(unlike: Mapping[int, str]) -> str:
    """The warning of records stored under their own ids although an article stored under
    another id has their URL: their texts share nothing (``unlike``, by position)."""
    n = len(unlike)
    shown = ", ".join(sorted(set(unlike.values()))[:3])
    return (
        f"{n:,} record{'' if n == 1 else 's'} with the URL of an article stored under another "
        f"id ({shown}) but a text that shares nothing with it: stored under "
        f"{'its' if n == 1 else 'their'} own id{'' if n == 1 else 's'}, as another article (one "
        "address for several articles: a live page, or a feed that gives a section's address)"
    )


def _other_article(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """Whether ``new``, given under the id of ``old``, is another article rather than its newer
    version: both have a URL, the URLs differ, and their headlines and bodies are not alike
    (:func:`_alike`). When either has no URL, the text decides with the headline: not alike and
    under another headline (an export that numbers its rows and gives no URL would otherwise
    overwrite each day's articles with the next day's; a body rewritten under the same headline
    stays an update)."""
    old_url, new_url = old.get("url"), new.get("url")
    if old_url and new_url:
        if old_url == new_url:
            return False
        # the outlet's own numbers of two articles (detik's d-7659599 and d-7659852): two
        # articles, however alike (a series reuses its lead; a row-number id joined them)
        a, b = _article_numbers(str(old_url)), _article_numbers(str(new_url))
        return bool(a and b and a != b) or not _alike(old, new)
    return not _alike(old, new) and not _same_headline(old, new)


_ARTICLE_NUMBER = re.compile(r"(?<![0-9])[0-9]{5,}(?![0-9])")


def _article_numbers(url: str) -> frozenset[str]:
    """The runs of five digits or more in ``url``'s path: the number an outlet gives an article
    (``/d-7659852/``, ``/20241127123456-32-1234567/``); a correction keeps it, where its slug,
    host (``m.``, AMP) or query may change. Dates written ``2024/11/27`` hold none."""
    path = urlsplit(url.strip()).path
    return frozenset(_ARTICLE_NUMBER.findall(path))


def _same_headline(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """Whether two records carry the same headline (case, punctuation and spacing aside)."""
    from ..corpus.dedup import normalize_for_dedup

    a = normalize_for_dedup(str(old.get("title") or ""))
    return bool(a) and a == normalize_for_dedup(str(new.get("title") or ""))


def _alike(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """Whether two records' headlines and bodies are alike: the Jaccard similarity of their
    word 3-shingles is at least :data:`ID_CLASH_SIMILARITY` (headlines alone when either body
    is empty, as a re-crawl that missed the body has none)."""
    from ..corpus.dedup import normalize_for_dedup

    with_body = bool(str(old.get("text") or "").strip() and str(new.get("text") or "").strip())

    def shingles(record: Mapping[str, Any]) -> set[str]:
        text = (
            f"{record.get('title') or ''}\n{record.get('text') or ''}"
            if with_body
            else (str(record.get("title") or ""))
        )
        words = normalize_for_dedup(text).split()
        return {" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))}

    a, b = shingles(old), shingles(new)
    if not a | b:
        return True
    return len(a & b) / len(a | b) >= ID_CLASH_SIMILARITY


def _stored_clashes(
    tx: Tx,
    suspects: list[str],
    given: Mapping[str, Mapping[str, Any]],
    places: Mapping[str, list[int]],
) -> list[IdClash]:
    """Inside ``tx``: a clash for every copy (``places``) of each ``suspects`` id whose record
    given is another article than the stored one (:func:`_other_article`)."""
    if not suspects:
        return []
    clashed: list[IdClash] = []
    for aid, record in tx.select_in("SELECT id, record FROM articles WHERE id IN ({in})", suspects):
        old = loads(record) or {}
        if _other_article(old, given[aid]):
            clashed.extend(IdClash(i, aid, str(old.get("url") or "")) for i in places[aid])
    return clashed


def _said_clashes(found: list[IdClash], clashes: list[IdClash] | None) -> None:
    """Hand the clashes to the caller's list, or log them when it gave none."""
    if clashes is not None:
        clashes.extend(found)
        return
    for clash in found:
        logger.warning(
            "record %d: id %r is held by another article (%s): not stored",
            clash.position,
            clash.id,
            clash.url or "other text, no URL",
        )


def _lacks(data: Mapping[str, Any], name: str) -> bool:
    """Whether ``data`` lacks the field: it is missing or empty, or, for the body, holds no
    words once cleaned (:func:`~media_analytics.corpus.article.no_words`: blanks, ``&nbsp;``,
    a portal's ``SCROLL TO CONTINUE WITH CONTENT``), which the readers score on the title alone:
    a re-crawl that missed the body is no newer body."""
    value = data.get(name)
    if value in (None, ""):
        return True
    if name != "text" or not isinstance(value, str):
        return False
    from ..corpus.article import no_words

    return no_words(value)


def _kept_from(before: Mapping[str, Any], data: Mapping[str, Any]) -> dict[str, Any]:
    """The date, source, url and body that ``data`` lacks and ``before`` has (see
    :func:`_lacks`), ``before``'s date when ``data``'s says less (:func:`_coarser_date`), and
    ``before``'s url when ``data``'s is the same page's noisier address (:func:`_noisier_url`)."""
    kept = {
        name: before[name]
        for name in _KEPT_FIELDS
        if _lacks(data, name) and not _lacks(before, name)
    }
    if "published_at" not in kept and _coarser_date(data.get("published_at"), before):
        kept["published_at"] = before["published_at"]
    if "url" not in kept and _noisier_url(data.get("url"), before.get("url")):
        kept["url"] = before["url"]
    return kept


def _noisy_url(data: Mapping[str, Any]) -> bool:
    """Whether ``data``'s URL carries a mark of a noisier address (tracking parameters, a
    mirror's host): a stored copy of the page may have the plain one (:func:`_noisier_url`)."""
    from ..corpus.ids import url_noise

    url = data.get("url")
    return isinstance(url, str) and bool(url.strip()) and url_noise(url) > 0


def _noisier_url(url: Any, before: Any) -> bool:
    """Whether ``url`` is ``before``'s page under a noisier address (tracking parameters, the
    mobile or AMP mirror: :func:`~media_analytics.corpus.ids.url_noise`): a re-send that gives
    it keeps the stored one (it replaced the plain address, and counted as a change).

    >>> plain = "https://www.detik.com/jateng/d-1/judul"
    >>> _noisier_url(plain + "?utm_source=twitter", plain), _noisier_url(plain, plain + "#x")
    (True, False)
    """
    from ..corpus.ids import normalize_url, url_noise

    if not (isinstance(url, str) and isinstance(before, str) and url.strip() and before.strip()):
        return False
    if url == before or normalize_url(url) != normalize_url(before):
        return False
    return url_noise(url) > url_noise(before)


def _zoneless(data: Mapping[str, Any]) -> bool:
    """Whether ``data``'s date is written without a zone (a vendor's ``17/10/2025 05:34``):
    it may say less than a stored date (:func:`_coarser_date`)."""
    value = data.get("published_at")
    return isinstance(value, str) and len(value) > 10 and value[-6] not in "+-" and value[-1] != "Z"


def _coarser_date(value: Any, before: Mapping[str, Any]) -> bool:
    """Whether date ``value`` says no more than ``before``'s, in a coarser notation: its time
    of day without the zone (a vendor's ``17/10/2025 05:34`` of the crawler's ``05:34 WIB``),
    or its day alone (read as midnight). Such a re-send is no correction: it keeps the stored
    date, is not counted as changed, and is not scored again (seen in an operator's trial: five
    re-sent articles "changed", and their dates lost their zone).

    >>> stored = {"published_at": "2025-10-17T05:34:00+07:00"}
    >>> days = ["2025-10-17T05:34:00", "2025-10-17T00:00:00", "2025-10-17T05:40:00"]
    >>> [_coarser_date(v, stored) for v in [*days, "2025-10-18T00:00:00"]]
    [True, True, False, False]
    """
    old = before.get("published_at")
    if not isinstance(value, str) or not isinstance(old, str) or value == old:
        return False
    try:
        new, was = datetime.fromisoformat(value), datetime.fromisoformat(old)
    except ValueError:
        return False
    if new.tzinfo is not None:
        return False
    wall = was.replace(tzinfo=None)
    midnight = datetime.min.time()
    return new == wall or (new.time() == midnight != wall.time() and new.date() == wall.date())


def _with_kept(data: Mapping[str, Any], kept: dict[str, Any]) -> dict[str, Any]:
    """``data`` with what it keeps from an earlier copy; a kept date drops the unreadable
    value the reader kept beside an empty one (``published_at_raw``), which would contradict it."""
    merged = dict(data, **kept)
    if "published_at" in kept:
        merged.pop("published_at_raw", None)
    return merged


#: "read again without ..." warnings given in full by one store; later ones at DEBUG (a wrong
#: --date-order over a folder gave a thousand lines).
_KEPT_SAID = 5


def _say_kept(
    aid: str, kept: dict[str, Any], whose: str, data: Mapping[str, Any], said: list[int]
) -> None:
    # a date in a coarser notation (no zone, no time), the same page's noisier address
    # (tracking parameters, a mobile mirror): kept, with no loss to warn of
    for name in ("published_at", "url"):
        if name in kept and not _lacks(data, name):
            logger.debug(
                "article %r read again with its %s as %s: the %s %s %s is kept",
                aid, _NAMES[name], data[name], whose, _NAMES[name], kept[name],
            )  # fmt: skip
            kept = {k: value for k, value in kept.items() if k != name}
    if not kept:
        return
    said[0] += 1
    if said[0] == _KEPT_SAID + 1:
        logger.warning(
            "more articles read again without a date, source, url or body than these %d keep "
            "what is stored: the others are logged at DEBUG only (-v lists them)",
            _KEPT_SAID,
        )
    logger.log(
        logging.WARNING if said[0] <= _KEPT_SAID else logging.DEBUG,
        "article %r read again without %s: the %s %s kept",
        aid,
        " or ".join(_NAMES[name] for name in kept),
        whose,
        ", ".join(
            f"{_NAMES[name]} ({len(value):,} characters)"
            if name == "text"
            else f"{_NAMES[name]} {value}"
            for name, value in kept.items()
        )
        + (" is" if len(kept) == 1 else " are"),
    )


_NAMES = {"published_at": "date", "source": "source", "url": "url", "text": "body"}


def _published(value: Any) -> str | None:
    """The ``published_at`` column: ISO 8601 text, a time in a zone outside Indonesia (UTC)
    given in WIB, so that comparing its text with a day (``since``, ``until``) counts the
    article on the day the scored record and the reports give it."""
    text = iso(value)
    if text is None or len(text) <= 10:
        return text
    from ..corpus.dates import indonesian_time

    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    return indonesian_time(moment).isoformat() if moment.tzinfo is not None else text
