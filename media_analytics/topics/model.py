"""TopicModel: TF-IDF + NMF topics with readable labels, stable ids and a safe saved form."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.feature_extraction.text import (
    ENGLISH_STOP_WORDS,
    CountVectorizer,
    TfidfTransformer,
)
from sklearn.utils.validation import check_is_fitted
from tqdm.auto import tqdm

from ..persistence import pack_vocabularies, unpack_vocabularies
from ..sentiment.ngrams import fast_counts
from .ctfidf import class_term_counts
from .matching import carry_over_ids
from .overtime import NO_TOPIC_LABEL
from .projection import assign_topics, project_nonnegative, topic_shares
from .selection import best_n_topics, describe_topics, fit_components, score_n_topics
from .terms import WrittenPhrases, readable_term, word_stems

__all__ = ["TRUSTED_TYPES", "TopicModel"]

logger = logging.getLogger(__name__)

#: the fewest documents per topic that ``n_topics="auto"`` aims at on small corpora
_DOCS_PER_TOPIC = 5
_DEFAULT_GRID = (12, 16, 20, 25, 30, 40)

TRUSTED_TYPES = ["media_analytics.topics.model.TopicModel"]
"""Types to pass to ``skops.io.load(path, trusted=TRUSTED_TYPES)`` for a saved TopicModel.

Everything else a fitted model holds (a scikit-learn ``CountVectorizer`` and ``TfidfTransformer``,
NumPy arrays, lists, dicts, strings and numbers) is trusted by skops already.
"""


#: English function words, kept out of topic terms: scikit-learn's English stop words but for
#: the ones Indonesian news writes as its own words or in names ("AS", Amerika Serikat; the
#: Balinese "I Made"; "de" and "Bill" in names). Without them, "the", "of" and "in" were terms
#: of Indonesian topics and an English article got a confident topic from its function words.
ENGLISH_FUNCTION_WORDS = frozenset(ENGLISH_STOP_WORDS - {"as", "bill", "de", "made"})


def default_vectorizer() -> CountVectorizer:
    """Counts of stems and stem bigrams, space-split (as ``TextPreprocessor`` output needs),
    English function words left out (:data:`ENGLISH_FUNCTION_WORDS`)."""
    return CountVectorizer(
        token_pattern=r"\S+",
        lowercase=False,
        stop_words=sorted(ENGLISH_FUNCTION_WORDS),
        ngram_range=(1, 2),
        min_df=3,
        max_df=0.5,
        max_features=50_000,
        dtype=np.float32,
    )


def _as_docs(X: Any) -> list[str]:
    if isinstance(X, str):
        raise ValueError("expected an iterable of token strings, got one string; wrap it in a list")
    docs = list(np.asarray(X, dtype=object).ravel()) if hasattr(X, "shape") else list(X)
    for i, d in enumerate(docs):
        if not isinstance(d, str):
            raise ValueError(f"document {i}: expected a token string, got {type(d).__name__}")
    return docs


def _spread(n: int, limit: int) -> np.ndarray:
    """``min(n, limit)`` indices spread evenly over ``range(n)`` (all of them when n <= limit)."""
    m = min(n, max(int(limit), 1))
    return (np.arange(m, dtype=np.int64) * n) // m


class TopicModel(TransformerMixin, BaseEstimator):
    """Topics of news articles: TF-IDF, NMF, and c-TF-IDF labels in the words analysts read.

    Documents are sublinear TF-IDF vectors of stems and stem bigrams (``TextPreprocessor``
    output). A non-negative factorisation (NMF from an NNDSVDa start, coordinate descent) learns
    unit-length topic vectors; each document is then projected onto them (non-negative least
    squares) and belongs to the topic holding the largest share of its weight. ``fit`` assigns
    the training documents with the very projection ``transform`` uses, so ``predict`` on them
    reproduces ``labels_``. Labels come from class-based TF-IDF over each topic's members.

    Topic ids are the public face of a topic: they survive refits (``fit(..., previous=model)``
    keeps the id of every topic that matches one of the previous fit), and retired ids are never
    reused.

    Parameters
    ----------
    n_topics : int or "auto", default="auto"
        Number of topics; ``"auto"`` tries each value of ``n_topics_grid`` and keeps the best by
        topic quality (mean NPMI of the top 10 terms x diversity of the top 25, among the
        candidates whose NPMI is positive; the smallest when none is, see
        :mod:`media_analytics.topics.selection`). Scores are kept in ``selection_scores_``.
        A refit (``fit(..., previous=model)``) also scores the previous model's number of
        topics and keeps it unless another scores more than
        :data:`~media_analytics.topics.selection.PREVIOUS_COUNT_MARGIN` (10%) better, so that
        topics are not retired for a difference within the score's noise.
    n_topics_grid : tuple of int, default=(12, 16, 20, 25, 30, 40)
        Candidates for ``"auto"``. The grid starts at 12 because topic quality keeps rising as
        topics get fewer and broader: on CLICK-ID 8 topics scored higher than 12, with a third
        of the articles in one catch-all topic ("indonesia, perusahaan, meningkatkan, tahun").
        Pass a grid with smaller values, or a fixed ``n_topics``, for coarser topics.
    vectorizer : CountVectorizer or None, default=None
        Counts to start from (cloned in ``fit``); ``None`` builds :func:`default_vectorizer`.
    min_share : float, default=0.2
        "No clear topic" criterion. A document's topic weights are its non-negative least
        squares coefficients on the unit topic vectors; its score is the share of the best topic
        in their sum. A document with no known term, or whose best topic holds less than
        ``min_share``, gets topic ``-1``. At 0.2 this flags about 1% of CLICK-ID articles at 20
        topics (short world-news items touching several topics at once).
    min_terms : int, default=3
        A document with fewer distinct known terms gets topic ``-1`` too (and a row of zeros
        from ``transform``): a one-word article, ``Gempa.``, had gone to the forest-fire topic
        at a share of 0.64, as high as most real articles'.
    n_terms : int, default=25
        Terms kept per topic in ``topic_terms_``.
    n_label_terms : int, default=4
        Terms joined into each label.
    n_representative : int, default=3
        Representative documents (headlines) kept per topic.
    match_threshold : float, default=0.5
        Minimum cosine similarity of c-TF-IDF term weights for a topic of a refit (``fit(...,
        previous=model)``) to keep the id of a previous topic.
    max_fit_docs : int, default=50_000
        The vocabulary, the number of topics and the topic vectors are learnt from at most this
        many documents, spread evenly over the input; every document is then assigned in batches.
        This keeps memory and time linear in the number of documents.
    selection_docs : int, default=20_000
        Documents (a subset of the learning sample) used to score ``n_topics_grid``.
    max_iter, tol : int, float, default=400, 1e-4
        NMF stopping rule.
    batch_size : int, default=10_000
        Documents per batch when assigning and transforming.
    random_state : int, RandomState or None, default=0
        Seed of the randomised SVD behind the NNDSVDa start (the only randomness). Identical
        data and seed give identical topics; other seeds give nearly the same partition (ARI
        between seeds on CLICK-ID in ``bench/topics.py``).
    progress : bool, default=False
        Show a progress bar while assigning documents.
    n_jobs : int or None, default=None
        Candidates of ``n_topics_grid`` fitted at once, in threads (``None``: one, ``-1``: one
        per core). The topics do not depend on it.

    Attributes
    ----------
    vectorizer_, tfidf_ : fitted ``CountVectorizer`` and ``TfidfTransformer``
    components_ : ndarray of shape (n_topics_, n_terms)
        Unit-length topic vectors; row ``j`` belongs to topic ``topic_ids_[j]``.
    topic_ids_ : ndarray of int
        Public id of each row. A fresh fit numbers topics by size (0 = largest); a refit keeps
        the ids of matched topics and gives new topics ids never used before.
    labels_ : ndarray of int
        Topic id of each training document (``-1``: no clear topic).
    topic_sizes_ : ndarray of int
    topic_term_weights_ : ndarray of shape (n_topics_, n_terms), float32
        c-TF-IDF weights (used for labels and for matching topics across refits).
    topic_stems_, topic_terms_ : list of list of str
        Top ``n_terms`` terms per topic as stems and as written words (bigrams as two words).
    topic_labels_ : list of str
        First ``n_label_terms`` of ``topic_terms_``, comma-joined.
    representative_docs_ : list of list of int
        Indices (into the training documents) of the members with the largest weight on their
        topic, best first (skipping repeated titles when titles were given).
    representative_titles_ : list of list of str
        Their titles (distinct), when ``titles`` were given to ``fit``.
    selection_scores_ : list of dict
        Quality of each candidate number of topics (empty when ``n_topics`` was fixed).
    generation_, next_topic_id_ : int
        Refits since the first fit; the next unused topic id.
    topic_matches_ : list of dict
        For each topic of this fit: its id, label, the previous topic it was matched with (or
        -1), that topic's label, and their similarity.
    retired_topics_ : list of dict
        Topics of earlier fits that no later fit matched: id, label, generation retired and
        size (articles in the fit they were last part of). A refit that retires topics says so
        in a warning naming them and their sizes.

    Examples
    --------
    >>> docs = ["bola gol liga", "gol bola menang", "liga bola gol", "banjir hujan sungai",
    ...         "hujan banjir warga", "sungai banjir hujan"]
    >>> model = TopicModel(n_topics=2, vectorizer=CountVectorizer(token_pattern=r"\\S+"))
    >>> model.fit(docs).labels_
    array([0, 0, 0, 1, 1, 1])
    >>> model.predict(["hujan deras banjir sungai", "banjir"])  # (one known term: too few)
    array([ 1, -1])
    >>> model.topic_records(["gol bola liga"])
    [{'id': 0, 'label': 'liga, bola, gol, menang', 'score': 1.0}]
    """

    # fitted attributes read from another instance (``previous``) before this one sets them
    topic_ids_: np.ndarray
    n_topics_: int
    retired_topics_: list[dict[str, Any]]

    def __init__(
        self,
        *,
        n_topics: int | str = "auto",
        n_topics_grid: tuple[int, ...] = _DEFAULT_GRID,
        vectorizer: CountVectorizer | None = None,
        min_share: float = 0.2,
        min_terms: int = 3,
        n_terms: int = 25,
        n_label_terms: int = 4,
        n_representative: int = 3,
        match_threshold: float = 0.5,
        max_fit_docs: int = 50_000,
        selection_docs: int = 20_000,
        max_iter: int = 400,
        tol: float = 1e-4,
        batch_size: int = 10_000,
        random_state: Any = 0,
        progress: bool = False,
        n_jobs: int | None = None,
    ) -> None:
        self.n_topics = n_topics
        self.n_topics_grid = n_topics_grid
        self.vectorizer = vectorizer
        self.min_share = min_share
        self.min_terms = min_terms
        self.n_terms = n_terms
        self.n_label_terms = n_label_terms
        self.n_representative = n_representative
        self.match_threshold = match_threshold
        self.max_fit_docs = max_fit_docs
        self.selection_docs = selection_docs
        self.max_iter = max_iter
        self.tol = tol
        self.batch_size = batch_size
        self.random_state = random_state
        self.progress = progress
        self.n_jobs = n_jobs

    def __getstate__(self) -> dict[str, Any]:
        # the vocabulary saved as one array, not one skops node per term (see ..persistence)
        return pack_vocabularies(super().__getstate__(), ["vectorizer_"])

    def __setstate__(self, state: dict[str, Any]) -> None:
        super().__setstate__(unpack_vocabularies(state))

    # -- fitting ----------------------------------------------------------------------------

    def fit(
        self,
        X: Iterable[str],
        y: Any = None,
        *,
        titles: Sequence[Any] | None = None,
        surface_forms: Any = None,
        previous: TopicModel | None = None,
        texts: Sequence[str] | None = None,
    ) -> TopicModel:
        """Learn topics from token strings ``X`` (``TextPreprocessor`` output).

        Parameters
        ----------
        X : iterable of str
            One space-joined string of stems per document.
        y : ignored
        titles : sequence of str, optional
            Headline of each document, for ``representative_titles_``.
        surface_forms : SurfaceForms or dict of str to str, optional
            Stem -> written word (``TextPreprocessor.surface_forms_``) for readable terms.
        previous : TopicModel, optional
            An earlier fit (for example on the previous window). Topics matching one of its
            topics keep that topic's id; the others get new ids; its unmatched topics are
            recorded in ``retired_topics_``.
        texts : sequence of str, optional
            The text each token string was made from (headline and body as given to the
            preprocessor). With them, a two-word term is shown only when it is a phrase as
            written (:data:`~media_analytics.topics.terms.PHRASE_SHARE` of its occurrences are
            its two words side by side, not tokens that met across punctuation or a left-out
            word), and in its most frequent written form (``pelatih timnas``, not the word by
            word ``pelatihan timnas``). Without them, two-word terms are unchecked. Texts are
            read with ``surface_forms`` (written word -> stem); without surface forms the
            tokens are taken to be the written words.
        """
        docs = _as_docs(X)
        if not docs:
            raise ValueError("cannot fit a topic model on zero documents")
        title_list = None if titles is None else ["" if t is None else str(t) for t in titles]
        if title_list is not None and len(title_list) != len(docs):
            raise ValueError(f"got {len(docs)} documents but {len(title_list)} titles")
        if texts is not None and len(texts) != len(docs):
            raise ValueError(f"got {len(docs)} documents but {len(texts)} texts")
        if previous is not None:
            if not isinstance(previous, TopicModel):
                raise TypeError(f"previous must be a fitted TopicModel, got {type(previous)}")
            check_is_fitted(previous, "topic_term_weights_")

        learn = _spread(len(docs), self.max_fit_docs)
        vectorizer = default_vectorizer() if self.vectorizer is None else clone(self.vectorizer)
        counts = sp.csr_matrix(vectorizer.fit_transform([docs[i] for i in learn]))
        # plain ints: skops writes each NumPy scalar as its own file (50k terms: 35 MB, 5 min)
        vectorizer.vocabulary_ = {t: int(j) for t, j in vectorizer.vocabulary_.items()}
        tfidf = TfidfTransformer(sublinear_tf=True).fit(counts)
        X_learn = tfidf.transform(counts)
        names = vectorizer.get_feature_names_out()
        k, selection, H = self._choose_n_topics(
            X_learn, counts, names, None if previous is None else int(previous.n_topics_)
        )
        if H is None:  # not fitted while choosing (a fixed n_topics, or a sample chose it)
            H = fit_components(
                X_learn, k, random_state=self.random_state, max_iter=self.max_iter, tol=self.tol
            )
        H = H.astype(np.float32)  # stored as float32, so assign with exactly what is stored
        H = self._drop_empty(X_learn, H)
        self.vectorizer_, self.tfidf_, self.components_ = vectorizer, tfidf, H
        self.selection_scores_ = selection
        self.n_topics_ = H.shape[0]

        reuse = counts if learn.size == len(docs) else None
        rows, class_counts, candidates = self._assign_all(docs, reuse)
        sizes = np.bincount(rows[rows >= 0], minlength=self.n_topics_)
        phrases = None
        if texts is not None:  # the texts the model learnt from, read as its tokens were
            phrases = WrittenPhrases.count(
                (str(texts[i]) for i in learn), names, word_stems(surface_forms)
            )
        weights, stems = describe_topics(
            class_counts, names, self.n_terms, keep=None if phrases is None else phrases.is_phrase
        )
        self.topic_sizes_ = sizes.astype(np.int64)
        self.topic_term_weights_ = weights.astype(np.float32)
        self.topic_stems_ = stems
        self.topic_terms_ = [[readable_term(t, surface_forms, phrases) for t in s] for s in stems]
        self.topic_labels_ = [", ".join(t[: self.n_label_terms]) for t in self.topic_terms_]
        self._set_representatives(candidates, title_list)
        self._set_ids(previous)
        self.labels_ = np.where(rows >= 0, self.topic_ids_[np.maximum(rows, 0)], -1)
        logger.info(
            "fitted %d topics on %d documents (%d without a clear topic)",
            self.n_topics_,
            len(docs),
            int(np.sum(rows < 0)),
        )
        return self

    def _choose_n_topics(
        self,
        X: sp.csr_matrix,
        counts: sp.csr_matrix,
        names: np.ndarray,
        previous: int | None = None,
    ) -> tuple[int, list[dict[str, float]], np.ndarray | None]:
        """The number of topics, the scores of the candidates, and the chosen candidate's
        topic vectors when they were fitted on all of ``X`` (else None).

        ``previous``, the number of topics of the model being refitted, is always a candidate
        and is kept unless another is clearly better (:func:`best_n_topics`)."""
        limit = min(X.shape)
        if self.n_topics != "auto":
            k = self.n_topics
            if not isinstance(k, (int, np.integer)) or isinstance(k, bool) or k < 1:
                raise ValueError(f"n_topics must be 'auto' or a positive int, got {k!r}")
            if k > limit:
                raise ValueError(f"n_topics={k} exceeds min(documents, terms)={limit}")
            return int(k), [], None
        sel = _spread(X.shape[0], self.selection_docs)
        Xs, Cs = X[sel], counts[sel]
        # a topic of one or two articles is not a topic: on a small corpus the default
        # candidates stop at about five documents per topic (20 articles: 4 topics, not 16 of
        # one article each); a grid given explicitly is tried as given
        default = tuple(self.n_topics_grid) == _DEFAULT_GRID
        cap = min(Xs.shape)
        if default:
            cap = min(cap, max(2, X.shape[0] // _DOCS_PER_TOPIC))
        grid = sorted({int(g) for g in self.n_topics_grid if 2 <= int(g) <= cap})
        if previous is not None and 2 <= previous <= min(Xs.shape) and previous not in grid:
            grid = sorted([*grid, previous])
        if not grid and default and cap >= 2:
            grid = [cap]
            logger.warning(
                "%d documents are few for topics: %d topics (at most one per %d documents)",
                X.shape[0], cap, _DOCS_PER_TOPIC,
            )  # fmt: skip
        if not grid:
            raise ValueError(
                f"no value of n_topics_grid={self.n_topics_grid} fits {Xs.shape[0]} documents "
                f"and {Xs.shape[1]} terms; give n_topics or a smaller grid"
            )
        rows, components = score_n_topics(
            Xs,
            Cs,
            grid,
            names,
            min_share=self.min_share,
            random_state=self.random_state,
            max_iter=self.max_iter,
            tol=self.tol,
            n_jobs=getattr(self, "n_jobs", None),  # models saved before n_jobs lack it
        )
        k = best_n_topics(rows, previous=previous)
        logger.info("chose n_topics=%d from %s", k, grid)
        # fitted on every learning document: the very fit the model would make again
        return k, rows, components[k] if sel.size == X.shape[0] else None

    def _drop_empty(self, X: sp.csr_matrix, H: np.ndarray) -> np.ndarray:
        """Remove topic vectors that no learning document is assigned to (until none is)."""
        while True:
            rows, _ = assign_topics(project_nonnegative(X, H), self.min_share)
            used = np.unique(rows[rows >= 0])
            if used.size == 0:
                raise ValueError(
                    f"no document has a clear topic (min_share={self.min_share}); lower it"
                )
            if used.size == H.shape[0]:
                return H
            logger.info("dropping %d topic(s) without documents", H.shape[0] - used.size)
            H = H[used]

    def _batches(
        self, docs: Sequence[str], counts: sp.csr_matrix | None
    ) -> Iterator[tuple[int, sp.csr_matrix, np.ndarray]]:
        """(start, counts, topic weights) per batch of documents."""
        step = max(int(self.batch_size), 1)
        with tqdm(total=len(docs), unit="doc", disable=not self.progress) as bar:
            for start in range(0, len(docs), step):
                stop = min(start + step, len(docs))
                if counts is not None:
                    C = counts[start:stop]
                else:
                    C = fast_counts(self.vectorizer_, docs[start:stop])
                W = project_nonnegative(self.tfidf_.transform(C), self.components_)
                # too few known terms to place (models saved before min_terms: any term)
                W[np.diff(C.indptr) < getattr(self, "min_terms", 1)] = 0.0
                bar.update(stop - start)
                yield start, C, W

    def _assign_all(
        self, docs: Sequence[str], counts: sp.csr_matrix | None
    ) -> tuple[np.ndarray, np.ndarray, list[tuple[np.ndarray, np.ndarray]]]:
        k = self.n_topics_
        keep = max(5 * self.n_representative, 10)
        rows = np.empty(len(docs), dtype=np.int64)
        class_counts = np.zeros((k, self.components_.shape[1]))
        cand = [(np.empty(0), np.empty(0, dtype=np.int64)) for _ in range(k)]
        for start, C, W in self._batches(docs, counts):
            lab, _ = assign_topics(W, self.min_share)
            rows[start : start + len(lab)] = lab
            class_counts += class_term_counts(C, lab, k).toarray()
            for t in np.unique(lab[lab >= 0]):
                members = np.flatnonzero(lab == t)
                score = np.concatenate([cand[t][0], W[members, t]])
                index = np.concatenate([cand[t][1], members + start])
                best = np.lexsort((index, -score))[:keep]
                cand[t] = (score[best], index[best])
        return rows, class_counts, cand

    def _set_representatives(
        self, candidates: list[tuple[np.ndarray, np.ndarray]], titles: list[str] | None
    ) -> None:
        docs: list[list[int]] = []
        heads: list[list[str]] = []
        for _, index in candidates:
            if titles is None:
                docs.append([int(i) for i in index[: self.n_representative]])
                heads.append([])
                continue
            seen: list[str] = []
            chosen: list[int] = []
            for i in index:
                title = titles[int(i)].strip()
                if title and title not in seen and len(chosen) < self.n_representative:
                    seen.append(title)
                    chosen.append(int(i))
            docs.append(chosen)
            heads.append(seen)
        self.representative_docs_ = docs
        self.representative_titles_ = heads

    def _set_ids(self, previous: TopicModel | None) -> None:
        ids = carry_over_ids(
            self.topic_sizes_,
            self.topic_labels_,
            self.topic_term_weights_,
            self.vectorizer_.get_feature_names_out(),
            previous=previous,
            threshold=self.match_threshold,
        )
        self.topic_ids_ = ids.ids
        self.generation_ = ids.generation
        self.next_topic_id_ = ids.next_id
        self.retired_topics_ = ids.retired
        self.topic_matches_ = ids.matches
        if previous is not None:
            now = [r for r in ids.retired if r["generation"] == ids.generation]
            if now:
                # the articles of a retired topic go to other topics: its trend line stops
                logger.warning(
                    "%d of the previous model's %d topics matched no topic of this fit and are "
                    "retired: %s",
                    len(now),
                    int(previous.n_topics_),
                    "; ".join(
                        f"topic {r['id']} '{r['label']}' ({r.get('size', '?')} articles)"
                        for r in now
                    ),
                )

    # -- using a fitted model -----------------------------------------------------------------

    def _weights(self, X: Any) -> np.ndarray:
        check_is_fitted(self, "components_")
        docs = _as_docs(X)
        out = np.zeros((len(docs), self.n_topics_))
        for start, _, W in self._batches(docs, None):
            out[start : start + len(W)] = W
        return out

    def transform(self, X: Any) -> np.ndarray:
        """Topic shares of each document: shape (n_docs, n_topics_), rows summing to 1.

        Columns follow ``topic_ids_`` (see ``get_feature_names_out``); a document with no known
        term gets a row of zeros.
        """
        check_is_fitted(self, "components_")
        return topic_shares(self._weights(X))

    def predict_scores(self, X: Any) -> tuple[np.ndarray, np.ndarray]:
        """Topic id of each document (``-1``: no clear topic) and the share of its best topic."""
        check_is_fitted(self, "components_")
        rows, score = assign_topics(self._weights(X), self.min_share)
        return np.where(rows >= 0, self.topic_ids_[np.maximum(rows, 0)], -1), score

    def predict(self, X: Any) -> np.ndarray:
        """Topic id of each document; ``-1`` when no topic holds ``min_share`` of its weight or
        it has no known term."""
        check_is_fitted(self, "components_")
        return self.predict_scores(X)[0]

    def topic_records(self, X: Any) -> list[dict[str, Any]]:
        """The ``topic`` field of each scored record: ``{"id", "label", "score"}``."""
        check_is_fitted(self, "components_")
        ids, score = self.predict_scores(X)
        names = self.topic_label_map()
        return [
            {"id": int(i), "label": names[int(i)], "score": round(float(s), 4)}
            for i, s in zip(ids, score, strict=True)
        ]

    def topic_label_map(self) -> dict[int, str]:
        """Topic id -> label, including ``-1``."""
        check_is_fitted(self, "topic_ids_")
        names = {
            int(i): label for i, label in zip(self.topic_ids_, self.topic_labels_, strict=True)
        }
        names[-1] = NO_TOPIC_LABEL
        return names

    def get_topic_info(self) -> pd.DataFrame:
        """One row per topic, largest first: id, label, size, share, terms, headlines."""
        check_is_fitted(self, "topic_ids_")
        total = max(len(self.labels_), 1)
        info = pd.DataFrame(
            {
                "id": self.topic_ids_,
                "label": self.topic_labels_,
                "size": self.topic_sizes_,
                "share": self.topic_sizes_ / total,
                "terms": [", ".join(t) for t in self.topic_terms_],
                "representative_titles": [" | ".join(t) for t in self.representative_titles_],
            }
        )
        return info.sort_values(["size", "id"], ascending=[False, True], ignore_index=True)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """``topic_<id>`` for each column of ``transform``."""
        check_is_fitted(self, "topic_ids_")
        return np.asarray([f"topic_{i}" for i in self.topic_ids_], dtype=object)

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.requires_fit = True
        return tags
