"""``SentimentClassifier``: negative / neutral / positive for Indonesian text, with explanations.

A linear SVM (one-vs-rest, balanced class weights) on :class:`SentimentFeatures`. Probabilities
come from temperature scaling of the SVM margins: a single temperature ``T`` is fitted on
out-of-fold margins of the training data by minimising the (lightly smoothed) log loss, and
``predict_proba = softmax(margin / T)``. One temperature for all classes keeps the arg-max, so
``predict`` and ``predict_proba`` always agree, and the balanced decisions of the SVM survive
calibration (per-class sigmoids would pull the rare class back down).

Model selection (``select_cv``) uses the same out-of-fold margins: every ``C`` of the grid (and
every feature setting of ``feature_grid``) is scored by cross-validated macro-F1 on the training
data only. The feature vocabularies are learnt once per setting on all training texts; that uses
no labels, so no label leaks into the scores.

An optional second view (``view=True``, or chosen by cross-validation through ``view_grid``)
adds a logistic regression over word 1-2-grams and character 2-5-grams that run across word
boundaries (phrases the word-internal character block cannot see); the two members vote by
adding their log-probabilities (the calibrated SVM's and the regression's, the latter weighted
by one of :data:`VIEW_WEIGHTS`, chosen with the rest). It suits benchmark
data sets; reading it costs several times more per text, so the default news model does not
use it.

A further optional member (``embed=True``, or chosen through ``embed_grid``) reads each text as
pooled word vectors learnt from the training texts themselves
(:class:`~media_analytics.sentiment.vectors.PooledWordVectors`, no labels used) with a logistic
regression over them, and adds its log-probabilities at a weight from :data:`EMBED_WEIGHTS`.
Words used alike get alike vectors, so it can credit a word that no labelled example of its
class contains. With ``embed_grid``, it is decided after the rest: it is kept only when it
raises the cross-validated macro-F1 of the model chosen without it by more than
``feature_tolerance``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from joblib import Parallel, delayed
from scipy.optimize import minimize_scalar
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted

from ..preprocessing.parallel import effective_n_jobs
from .features import SentimentFeatures, as_texts
from .labels import LABELS, normalize_labels, spelled_classes
from .tokens import overlap_keys
from .vectors import PooledWordVectors

__all__ = [
    "DEFAULT_C_GRID",
    "DEFAULT_FEATURE_GRID",
    "DEFAULT_FEATURE_TOLERANCE",
    "FULL_FEATURE_GRID",
    "SEARCHES",
    "SentimentClassifier",
]

logger = logging.getLogger(__name__)

#: The ``C`` values tried by :meth:`SentimentClassifier.select` unless told otherwise.
DEFAULT_C_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)
#: The feature settings :meth:`SentimentClassifier.select` tries (each laid over the given
#: :class:`SentimentFeatures`), from the cheapest to score to the dearest: unigram words and
#: stems without and with character n-grams, then word bigrams, then the extractor's own ranges.
#: Short labelled sentences often do as well with the smaller vocabularies, headlines full of set
#: phrases better with the longer n-grams; cross-validation decides per data set.
DEFAULT_FEATURE_GRID: tuple[dict[str, Any], ...] = (
    {"word_ngrams": (1, 1), "stem_ngrams": (1, 1), "char_ngrams": None},
    {"word_ngrams": (1, 1), "stem_ngrams": (1, 1)},
    {"word_ngrams": (1, 2), "stem_ngrams": (1, 1)},
    {},
)
#: The settings the ``full`` search tries: :data:`DEFAULT_FEATURE_GRID` and two with longer
#: n-grams, character 1-6-grams over the extractor's word and stem ranges and over word 1-3-grams
#: and stem 1-2-grams (dearer to fit and to score; for benchmark sets, not streams of news).
FULL_FEATURE_GRID: tuple[dict[str, Any], ...] = (
    *DEFAULT_FEATURE_GRID,
    {"char_ngrams": (1, 6)},
    {"word_ngrams": (1, 3), "stem_ngrams": (1, 2), "char_ngrams": (2, 6)},
)
#: :meth:`SentimentClassifier.select` takes the cheapest setting within this much cross-validated
#: macro-F1 of the best one. Character n-grams cost about 40% of the time to score a news
#: sentence, so they are kept only where they are worth a point.
DEFAULT_FEATURE_TOLERANCE = 0.01


#: Named model searches for :meth:`SentimentClassifier.select` (keyword arguments laid over its
#: defaults). ``fast``: the cheapest feature setting within a point of the best, one SVM (what
#: the bundled model uses; suits scoring streams of news). ``full``: the best cross-validated
#: setting of :data:`FULL_FEATURE_GRID` whatever its cost to score, with the second view tried
#: (what the benchmark figures use; several times slower to train and to score). Neither tries
#: the pooled word vectors (``embed_grid``): on SmSA they raised the training-split CV score and
#: lowered the valid one.
SEARCHES: dict[str, dict[str, Any]] = {
    "fast": {},
    "full": {
        "feature_tolerance": 0.0,
        "view_grid": (False, True),
        "feature_grid": FULL_FEATURE_GRID,
    },
}


def search_settings(name: str) -> dict[str, Any]:
    """The keyword arguments of the named search (see :data:`SEARCHES`)."""
    try:
        return dict(SEARCHES[name])
    except KeyError:
        raise ValueError(
            f"unknown sentiment search {name!r}; choose one of {', '.join(SEARCHES)}"
        ) from None


def _fold_margins(
    svm: LinearSVC, Xf: Any, y_idx: np.ndarray, train: np.ndarray, test: np.ndarray
) -> np.ndarray:
    """Margins on ``test`` of ``svm`` fitted on ``train`` (one cross-validation fit)."""
    return np.asarray(svm.fit(Xf[train], y_idx[train]).decision_function(Xf[test]))


def _log_softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    return np.asarray(z - np.log(np.exp(z).sum(axis=1, keepdims=True)))


def _view_vectorizers() -> tuple[TfidfVectorizer, TfidfVectorizer]:
    """The second view's blocks: word 1-2-grams and character 2-5-grams across word boundaries."""
    return (
        TfidfVectorizer(ngram_range=(1, 2), dtype=np.float64),
        TfidfVectorizer(analyzer="char", ngram_range=(2, 5), dtype=np.float64),
    )


#: The weights of the second view's log-probabilities tried against the SVM's (1: equal votes).
VIEW_WEIGHTS = (0.5, 1.0)


def _view_model() -> LogisticRegression:
    return LogisticRegression(class_weight="balanced", max_iter=2000)


#: The weights of the pooled-word-vector member's log-probabilities tried with ``embed_grid``.
EMBED_WEIGHTS = (0.25, 0.5)
#: The ``C`` values of its logistic regression tried with ``embed_grid`` (the first without it).
EMBED_C_GRID = (0.1, 1.0)


def _embed_model(C: float) -> Pipeline:
    return make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=3000))


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _fit_temperature(margins: np.ndarray, y_idx: np.ndarray) -> float:
    """The temperature that minimises the log loss of ``softmax(margins / T)``.

    The targets are smoothed as if one extra example of uniform label were seen per class, so
    that on small or separable data (every out-of-fold margin right) the temperature does not
    run to zero and the probabilities to exactly 0 and 1; on thousands of examples the smoothing
    is negligible.
    """
    n, k = margins.shape
    eps = k / (n + k)
    target = np.full((n, k), eps / k)
    target[np.arange(n), y_idx] += 1.0 - eps

    def loss(log_t: float) -> float:
        p = _softmax(margins / np.exp(log_t))
        return float(-np.mean((target * np.log(p + 1e-12)).sum(axis=1)))

    res = minimize_scalar(loss, bounds=(-5.0, 3.0), method="bounded")
    return float(np.exp(res.x))


class SentimentClassifier(ClassifierMixin, BaseEstimator):
    """Sentiment of Indonesian text: ``negative``, ``neutral`` or ``positive``.

    Parameters
    ----------
    features : SentimentFeatures or None, default=None
        The feature extractor (cloned in ``fit``); ``None`` builds ``SentimentFeatures()``.
    C : float, default=0.3
        Inverse regularisation of the linear SVM (ignored when ``select_cv`` is set).
    class_weight : "balanced" or None, default="balanced"
    select_cv : int or None, default=None
        When set, choose ``C`` from ``C_grid`` by ``select_cv``-fold cross-validated macro-F1
        on the training data.
    C_grid : tuple of float, default=DEFAULT_C_GRID
    feature_grid : tuple of dict or None, default=None
        With ``select_cv``, also choose among these settings of the feature extractor (each
        dict is passed to ``features.set_params``), listed from the cheapest to score to the
        dearest; see :data:`DEFAULT_FEATURE_GRID`.
    feature_tolerance : float, default=0.0
        Take the first setting of ``feature_grid`` whose best cross-validated macro-F1 is
        within this much of the best of all settings (a parsimony rule: a cheaper model is
        preferred unless a dearer one is clearly better). 0 takes the best.
    view : bool, default=False
        Add the second view (see the module documentation); ignored when ``view_grid`` is
        given with ``select_cv``.
    view_grid : tuple of bool or None, default=None
        With ``select_cv``, choose with or without the second view by cross-validated
        macro-F1 (``(False, True)`` tries both; the view counts as dearer than any feature
        setting without it for ``feature_tolerance``).
    embed : bool, default=False
        Add the pooled-word-vector member (see the module documentation); ignored when
        ``embed_grid`` is given with ``select_cv``.
    embed_C : float, default=0.1
        Inverse regularisation of that member's logistic regression (with ``embed=True``).
    embed_weight : float, default=0.25
        The weight of its log-probabilities (with ``embed=True``).
    embed_grid : tuple of bool or None, default=None
        With ``select_cv``, ``(False, True)`` also decides whether to add that member (its
        weight from :data:`EMBED_WEIGHTS` and its ``C`` from :data:`EMBED_C_GRID`), after the
        rest is chosen.
    calibration_cv : int, default=5
        Folds for the out-of-fold margins the temperature is fitted on.
    random_state : int, default=0
        Seed of the fold shuffling.
    n_jobs : int or None, default=None
        Cross-validation fits run at once, in worker processes (``None``: one, in this process;
        ``-1``: one per core). The fitted model does not depend on it.

    Attributes
    ----------
    classes_ : ndarray of str
        Always ``["negative", "neutral", "positive"]``.
    features_ : SentimentFeatures
    svm_ : LinearSVC
        The final model, fitted on all training data.
    C_ : float
        The ``C`` in use (chosen by cross-validation when ``select_cv`` is set).
    cv_scores_ : ndarray of shape (len(C_grid),)
        Cross-validated macro-F1 of each ``C`` with the chosen features (only with
        ``select_cv``).
    feature_scores_ : ndarray of shape (len(feature_grid) or 1, len(C_grid))
        Cross-validated macro-F1 of every feature setting and ``C`` (only with ``select_cv``).
    feature_params_ : dict
        The feature setting chosen from ``feature_grid`` (empty without one).
    view_scores_ : ndarray of shape (len(feature_grid) or 1, len(C_grid))
        As ``feature_scores_``, with the second view added at its best weight (only when
        ``view_grid`` tries it).
    view_ : bool
        Whether the second view is in use.
    view_vectorizers_, view_model_, view_weight_
        The second view's fitted blocks, logistic regression and the weight of its
        log-probabilities (chosen from :data:`VIEW_WEIGHTS` with ``view_grid``, else 1; only
        when ``view_``).
    embed_ : bool
        Whether the pooled-word-vector member is in use.
    embed_vectors_, embed_model_, embed_weight_
        Its word vectors, its scaler and logistic regression, and the weight of its
        log-probabilities (only when ``embed_``).
    embed_scores_ : ndarray of shape (len(EMBED_C_GRID), len(EMBED_WEIGHTS))
        With ``embed_grid``: the cross-validated macro-F1 with the member at each ``C`` and
        weight; ``embed_baseline_score_`` is that of the model chosen without it.
    temperature_ : float
    train_fingerprints_ : ndarray of uint64
        Sorted fingerprints of the normalised training texts, so that evaluation can refuse a
        test set that overlaps the training data.

    Examples
    --------
    >>> texts = ["Pelayanannya ramah dan cepat.", "Makanannya enak sekali.",
    ...          "Tempatnya kotor dan bau.", "Pelayanan lambat, kecewa.",
    ...          "Toko buka jam delapan.", "Harga tiket tertera di loket."]
    >>> labels = ["positive", "positive", "negative", "negative", "neutral", "neutral"]
    >>> clf = SentimentClassifier(calibration_cv=2).fit(texts, labels)
    >>> list(clf.classes_)
    ['negative', 'neutral', 'positive']
    >>> clf.predict(["Pelayanannya ramah sekali."])[0]
    'positive'
    """

    def __init__(
        self,
        *,
        features: SentimentFeatures | None = None,
        C: float = 0.3,
        class_weight: str | None = "balanced",
        select_cv: int | None = None,
        C_grid: tuple[float, ...] = DEFAULT_C_GRID,
        feature_grid: tuple[dict[str, Any], ...] | None = None,
        feature_tolerance: float = 0.0,
        view: bool = False,
        view_grid: tuple[bool, ...] | None = None,
        embed: bool = False,
        embed_C: float = 0.1,
        embed_weight: float = 0.25,
        embed_grid: tuple[bool, ...] | None = None,
        calibration_cv: int = 5,
        random_state: int = 0,
        n_jobs: int | None = None,
    ) -> None:
        self.features = features
        self.C = C
        self.class_weight = class_weight
        self.select_cv = select_cv
        self.C_grid = C_grid
        self.feature_grid = feature_grid
        self.feature_tolerance = feature_tolerance
        self.view = view
        self.view_grid = view_grid
        self.embed = embed
        self.embed_C = embed_C
        self.embed_weight = embed_weight
        self.embed_grid = embed_grid
        self.calibration_cv = calibration_cv
        self.random_state = random_state
        self.n_jobs = n_jobs

    # --- fitting -------------------------------------------------------------------------------
    @classmethod
    def select(
        cls,
        X: Any,
        y: Any,
        *,
        cv: int = 5,
        C_grid: tuple[float, ...] = DEFAULT_C_GRID,
        features: SentimentFeatures | None = None,
        feature_grid: tuple[dict[str, Any], ...] | None = DEFAULT_FEATURE_GRID,
        feature_tolerance: float = DEFAULT_FEATURE_TOLERANCE,
        view_grid: tuple[bool, ...] | None = None,
        embed_grid: tuple[bool, ...] | None = None,
        random_state: int = 0,
        n_jobs: int | None = None,
    ) -> SentimentClassifier:
        """Fit with the n-gram ranges and ``C`` chosen by ``cv``-fold CV on ``(X, y)`` only.

        Shorthand for ``SentimentClassifier(select_cv=cv, C_grid=C_grid,
        feature_grid=feature_grid, feature_tolerance=feature_tolerance, ...).fit(X, y)``: every
        setting of :data:`DEFAULT_FEATURE_GRID` (laid over ``features``) is tried with every
        ``C``, and the cheapest setting within :data:`DEFAULT_FEATURE_TOLERANCE` of the best is
        taken with its best ``C``. The scores are in ``feature_scores_`` (one row per setting),
        those of the chosen setting in ``cv_scores_``, and the choice in ``feature_params_`` and
        ``C_``. ``feature_grid=None`` chooses ``C`` only. ``view_grid=(False, True)`` also
        chooses whether to add the second view (scores in ``view_scores_``, choice in
        ``view_``), and ``embed_grid=(False, True)`` whether to add the pooled-word-vector
        member (``embed_scores_``, ``embed_``).
        """
        model = cls(
            features=features,
            select_cv=cv,
            C_grid=C_grid,
            feature_grid=feature_grid,
            feature_tolerance=feature_tolerance,
            view_grid=view_grid,
            embed_grid=embed_grid,
            random_state=random_state,
            n_jobs=n_jobs,
        )
        return model.fit(X, y)

    def _svm(self, C: float) -> LinearSVC:
        # liblinear's default 1,000 iterations are too few for the largest C on big vocabularies
        return LinearSVC(
            C=C, class_weight=self.class_weight, max_iter=5000, random_state=self.random_state
        )

    def _folds(self, y_idx: np.ndarray, folds: int) -> list[tuple[np.ndarray, np.ndarray]]:
        counts = np.bincount(y_idx, minlength=len(LABELS))
        folds = int(min(folds, counts.min()))
        if folds < 2:
            raise ValueError(
                "each label needs at least 2 training examples for cross-validation; got "
                + ", ".join(f"{lab}={n}" for lab, n in zip(LABELS, counts, strict=True))
            )
        skf = StratifiedKFold(n_splits=folds, shuffle=True, random_state=self.random_state)
        return list(skf.split(np.zeros(len(y_idx)), y_idx))

    def _oof_margins(self, Xf: Any, y_idx: np.ndarray, C: float, folds: int) -> np.ndarray:
        return self._oof_margins_grid(Xf, y_idx, [C], folds)[0]

    def _oof_margins_grid(
        self, Xf: Any, y_idx: np.ndarray, Cs: Sequence[float], folds: int
    ) -> list[np.ndarray]:
        """Out-of-fold SVM margins for each ``C`` of ``Cs``.

        The fits are independent, so with ``n_jobs`` they run in worker processes (not threads:
        liblinear shuffles with one random generator shared by the whole process, so fits in
        threads would not repeat). Each fit is seeded, so the margins do not depend on
        ``n_jobs``.
        """
        split = self._folds(y_idx, folds)
        tasks = [(c, train, test) for c in Cs for train, test in split]
        workers = min(effective_n_jobs(getattr(self, "n_jobs", None)), len(tasks))
        if workers <= 1:
            parts = [_fold_margins(self._svm(c), Xf, y_idx, tr, te) for c, tr, te in tasks]
        else:
            parts = Parallel(n_jobs=workers)(
                delayed(_fold_margins)(self._svm(c), Xf, y_idx, tr, te) for c, tr, te in tasks
            )
        out = [np.zeros((len(y_idx), len(LABELS))) for _ in Cs]
        for (_, _, test), part, k in zip(
            tasks, parts, np.repeat(np.arange(len(Cs)), len(split)), strict=True
        ):
            out[int(k)][test] = part
        return out

    def _oof_view(self, Xv: Any, y_idx: np.ndarray, folds: int) -> np.ndarray:
        """Out-of-fold log-probabilities of the second view (the SVM's folds)."""
        log_p = np.zeros((len(y_idx), len(LABELS)))
        for train, test in self._folds(y_idx, folds):
            log_p[test] = _view_model().fit(Xv[train], y_idx[train]).predict_log_proba(Xv[test])
        return log_p

    def _oof_embed(self, Xe: np.ndarray, y_idx: np.ndarray, C: float, folds: int) -> np.ndarray:
        """Out-of-fold log-probabilities of the pooled-word-vector member (the SVM's folds)."""
        log_p = np.zeros((len(y_idx), len(LABELS)))
        for train, test in self._folds(y_idx, folds):
            log_p[test] = _embed_model(C).fit(Xe[train], y_idx[train]).predict_log_proba(Xe[test])
        return log_p

    @staticmethod
    def _with_view(
        margins: np.ndarray, view_log_p: np.ndarray, y_idx: np.ndarray, weight: float
    ) -> np.ndarray:
        """The two members' weighted log-probabilities (the SVM calibrated on ``margins``)."""
        temperature = _fit_temperature(margins, y_idx)
        return _log_softmax(margins / temperature) + weight * view_log_p

    def fit(self, X: Any, y: Any) -> SentimentClassifier:
        """Fit on documents ``X`` and labels ``y`` (any spelling :func:`normalize_labels` knows).

        Returns
        -------
        self
        """
        texts = as_texts(X)
        raw = y if isinstance(y, str) else list(y)
        labels = normalize_labels(raw)
        if len(labels) != len(texts):
            raise ValueError(f"got {len(texts)} documents but {len(labels)} labels")
        missing = [lab for lab in LABELS if lab not in set(labels)]
        if missing:
            raise ValueError(f"the training labels must include every class; missing: {missing}")
        y_idx = np.searchsorted(np.asarray(LABELS), np.asarray(labels, dtype=object))

        base = clone(self.features) if self.features is not None else SentimentFeatures()
        settings: list[dict[str, Any]] = [{}]
        if self.select_cv and self.feature_grid:
            settings = [dict(p) for p in self.feature_grid]

        C = float(self.C)
        view_weight = 1.0
        margins: np.ndarray | None = None
        features, Xf = base, None
        views = [bool(self.view)]
        if self.select_cv and self.view_grid:
            views = sorted({bool(v) for v in self.view_grid})  # without the view first
        use_view = views[0]
        Xv, view_vectorizers = None, None
        embeds = [bool(self.embed)]
        if self.select_cv and self.embed_grid:
            embeds = sorted({bool(e) for e in self.embed_grid})
        use_embed = embeds[0]
        embed_C, embed_weight = float(self.embed_C), float(self.embed_weight)
        Xe, embed_vectors = None, None
        if True in embeds:
            embed_vectors = PooledWordVectors(random_state=self.random_state)
            try:
                Xe = embed_vectors.fit_transform(texts)
            except ValueError as exc:
                if embeds == [True]:  # asked for, not merely tried
                    raise
                logger.info("sentiment: pooled word vectors not tried: %s", exc)
                embeds, embed_vectors = [False], None
        if True in views:
            view_vectorizers = _view_vectorizers()
            Xv = sp.hstack([v.fit_transform(texts) for v in view_vectorizers], format="csr")
        if self.select_cv:
            grid = [float(c) for c in self.C_grid]
            # table[v, i, j]: without (v=0) or with (v=1) the view, feature setting i, C grid[j]
            table = np.full((2, len(settings), len(grid)), -1.0)
            view_oof = None
            if Xv is not None:
                view_oof = self._oof_view(Xv, y_idx, int(self.select_cv))
            tried = []
            for i, params in enumerate(settings):
                candidate = clone(base).set_params(**params)
                Xc = candidate.fit_transform(texts)
                best: dict[bool, tuple[float, float, np.ndarray, float]] = {}
                all_margins = self._oof_margins_grid(Xc, y_idx, grid, int(self.select_cv))
                for j, (c, m) in enumerate(zip(grid, all_margins, strict=True)):
                    for v in views:
                        for weight in VIEW_WEIGHTS if v else (0.0,):
                            scores = m
                            if v and view_oof is not None:
                                scores = self._with_view(m, view_oof, y_idx, weight)
                            f1 = float(f1_score(y_idx, scores.argmax(axis=1), average="macro"))
                            table[int(v), i, j] = max(table[int(v), i, j], f1)
                            if v not in best or f1 > best[v][0]:
                                best[v] = (f1, c, m, weight)
                tried.append((candidate, Xc, best))
                for v in views:
                    logger.info(
                        "sentiment: features %s%s: %d-fold CV macro-F1 %s",
                        params or "(as given)",
                        " with the second view" if v else "",
                        self.select_cv,
                        ", ".join(
                            f"C={c}: {f:.4f}" for c, f in zip(grid, table[int(v), i], strict=True)
                        ),
                    )
            # the first candidate, from the cheapest to score to the dearest (every setting
            # without the view, then every setting with it), whose best score is within the
            # tolerance of the overall best
            order = [(v, i) for v in views for i in range(len(settings))]
            best_of = np.asarray([table[int(v), i].max() for v, i in order])
            ok = best_of >= best_of.max() - float(self.feature_tolerance)
            use_view, chosen = order[int(np.flatnonzero(ok)[0])]
            features, Xf, best = tried[chosen]
            _, C, best_m, view_weight = best[use_view]
            if int(self.select_cv) == int(self.calibration_cv):
                margins = best_m
            self.feature_params_ = settings[chosen]
            self.cv_scores_ = table[int(use_view), chosen]
            self.feature_scores_ = table[0] if False in views else table[1]
            if True in views:
                self.view_scores_ = table[1]
            if Xe is not None:
                folds = int(self.select_cv)
                chosen_lp = _log_softmax(best_m / _fit_temperature(best_m, y_idx))
                if use_view and view_oof is not None:
                    chosen_lp = chosen_lp + view_weight * view_oof
                without = float(f1_score(y_idx, chosen_lp.argmax(axis=1), average="macro"))
                grid_e = np.zeros((len(EMBED_C_GRID), len(EMBED_WEIGHTS)))
                for a, c in enumerate(EMBED_C_GRID):
                    embed_oof = self._oof_embed(Xe, y_idx, float(c), folds)
                    for b, weight in enumerate(EMBED_WEIGHTS):
                        pred = (chosen_lp + weight * embed_oof).argmax(axis=1)
                        grid_e[a, b] = f1_score(y_idx, pred, average="macro")
                at_c, at_w = (int(k) for k in np.unravel_index(int(grid_e.argmax()), grid_e.shape))
                embed_C, embed_weight = float(EMBED_C_GRID[at_c]), float(EMBED_WEIGHTS[at_w])
                use_embed = bool(grid_e[at_c, at_w] > without + float(self.feature_tolerance))
                self.embed_scores_ = grid_e
                self.embed_baseline_score_ = without
                logger.info(
                    "sentiment: pooled word vectors: %d-fold CV macro-F1 %.4f without, %s",
                    folds,
                    without,
                    ", ".join(
                        f"C={c} weight {w}: {grid_e[i, j]:.4f}"
                        for i, c in enumerate(EMBED_C_GRID)
                        for j, w in enumerate(EMBED_WEIGHTS)
                    ),
                )
            logger.info(
                "sentiment: chose %s%s%s, C=%s",
                self.feature_params_ or "(as given)",
                " with the second view" if use_view else "",
                " with pooled word vectors" if use_embed else "",
                C,
            )
        else:
            self.feature_params_ = {}
        if Xf is None:
            Xf = features.fit_transform(texts)
        if margins is None:
            margins = self._oof_margins(Xf, y_idx, C, int(self.calibration_cv))
        self.temperature_ = _fit_temperature(margins, y_idx)
        self.svm_ = self._svm(C).fit(Xf, y_idx)
        self.view_ = bool(use_view)
        if self.view_:
            if Xv is None or view_vectorizers is None:  # pragma: no cover - built above
                raise RuntimeError("the second view was not built")
            self.view_vectorizers_ = view_vectorizers
            self.view_model_ = _view_model().fit(Xv, y_idx)
            self.view_weight_ = float(view_weight)
        self.embed_ = bool(use_embed)
        if self.embed_:
            if Xe is None or embed_vectors is None:  # pragma: no cover - built above
                raise RuntimeError("the pooled word vectors were not built")
            self.embed_vectors_ = embed_vectors
            self.embed_model_ = _embed_model(float(embed_C)).fit(Xe, y_idx)
            self.embed_weight_ = float(embed_weight)
        self.features_ = features
        self.C_ = C
        # in the training labels' own spelling (positif/netral/negatif), so that predict()
        # answers as y was written and scikit-learn's scorers compare like with like
        self.classes_ = np.asarray(spelled_classes(raw, labels), dtype=object)
        self.train_fingerprints_ = overlap_keys(texts)
        return self

    # --- prediction ----------------------------------------------------------------------------
    def decision_function(self, X: Any) -> np.ndarray:
        """SVM margins, one column per class in ``classes_`` order.

        With the second view (``view_``) or the pooled-word-vector member (``embed_``), the
        weighted sum of the members' log-probabilities instead.
        """
        check_is_fitted(self, "svm_")
        texts = as_texts(X)
        return self._decision(texts, self.features_.transform(texts))

    def _decision(self, texts: list[str], features: Any) -> np.ndarray:
        margins = np.asarray(self.svm_.decision_function(features))
        if not self._members():
            return margins
        scores = _log_softmax(margins / self.temperature_)
        if getattr(self, "view_", False):
            Xv = sp.hstack([v.transform(texts) for v in self.view_vectorizers_], format="csr")
            scores = scores + self.view_weight_ * self.view_model_.predict_log_proba(Xv)
        if getattr(self, "embed_", False):
            Xe = self.embed_vectors_.transform(texts)
            scores = scores + self.embed_weight_ * self.embed_model_.predict_log_proba(Xe)
        return np.asarray(scores)

    def _members(self) -> bool:
        """Whether members beyond the SVM vote (then scores are summed log-probabilities)."""
        return bool(getattr(self, "view_", False) or getattr(self, "embed_", False))

    def predict_proba(self, X: Any) -> np.ndarray:
        """Calibrated probabilities, one column per class in ``classes_`` order (rows sum to 1)."""
        return self._proba(self.decision_function(X))

    def predict_proba_views(self, texts: Sequence[str], token_lists: Sequence[Any]) -> np.ndarray:
        """:meth:`predict_proba` of ``texts`` already read: ``token_lists[i]`` is
        ``token_views(texts[i], ...)`` with the settings of ``features_.token_settings()``
        (:func:`~media_analytics.sentiment.score_articles` reads each sentence once for two
        models)."""
        check_is_fitted(self, "svm_")
        texts = as_texts(texts)
        if len(token_lists) != len(texts):
            raise ValueError(f"got {len(token_lists)} token lists for {len(texts)} texts")
        return self._proba(self._decision(texts, self.features_.transform_views(token_lists)))

    def _proba(self, scores: np.ndarray) -> np.ndarray:
        if self._members():
            return _softmax(scores)
        return _softmax(scores / self.temperature_)

    def predict(self, X: Any) -> np.ndarray:
        """The most probable label of each document."""
        margins = self.decision_function(X)
        return np.asarray(self.classes_[margins.argmax(axis=1)], dtype=object)

    # --- explanation ---------------------------------------------------------------------------
    def explain(
        self, text: str, *, label: str | None = None, top: int = 10
    ) -> list[tuple[str, float]]:
        """The terms that pushed ``text`` towards ``label`` (the predicted one by default).

        Each weight is the feature's value in this text times its coefficient for the label
        minus its mean coefficient over the three classes: positive weights pushed towards the
        label, negative ones away from it. Terms are named by block (``word:``, ``stem:``,
        ``char:``, ``lexicon:``); negated words read ``NEG_word``. With the second view or the
        pooled word vectors, only the SVM member is explained.

        Parameters
        ----------
        text : str
        label : str, optional
            Explain this class instead of the predicted one.
        top : int, default=10
            Number of terms, by absolute weight.

        Returns
        -------
        list of (str, float)
        """
        check_is_fitted(self, "svm_")
        if not isinstance(text, str):
            raise TypeError(f"explain expects one str, got {type(text).__name__}")
        row = self.features_.transform([text]).tocsr()
        if label is None:
            k = int(self.svm_.decision_function(row).argmax(axis=1)[0])
        else:
            k = LABELS.index(normalize_labels([label])[0])
        coef = self.svm_.coef_
        relative = coef[k] - coef.mean(axis=0)
        idx, values = row.indices, row.data
        contrib = values * relative[idx]
        order = np.argsort(-np.abs(contrib))[:top]
        names = self.feature_names_
        return [(str(names[idx[i]]), float(contrib[i])) for i in order if contrib[i] != 0.0]

    @property
    def feature_names_(self) -> np.ndarray:
        """Names of the model's input features (``word:...``, ``stem:...``, ...)."""
        check_is_fitted(self, "svm_")
        return self.features_.get_feature_names_out()

    # --- articles and actors -------------------------------------------------------------------
    def predict_article(self, title: str | None, text: str, **options: Any) -> Any:
        """Tone of a whole article; see :func:`media_analytics.sentiment.article_tone`."""
        from .article import article_tone

        return article_tone(self, title, text, **options)

    def actor_sentiment(
        self, text: str, actors: Sequence[Any] | None = None, **options: Any
    ) -> Any:
        """Tone towards each actor; see :func:`media_analytics.sentiment.actor_sentiment`."""
        from .actors import actor_sentiment

        return actor_sentiment(text, actors, model=self, **options)

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.requires_fit = True
        return tags
