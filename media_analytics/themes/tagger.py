"""The theme tagger: seed-term rules plus a classifier, multi-label, explained.

For each theme the tagger computes rule features (how many of the taxonomy's phrases, terms and
proximity rules matched, whether in the headline or the lead, how many veto cues) and, where the
analyst has labelled examples, learns how much each kind of evidence is worth with a logistic
regression per theme. A theme nobody has labelled yet still works: its rule features are weighed
by fixed, documented priors. A text classifier over stems can add what the seed list does not say;
its vote is blended with the rule model's (``text_weight``).

Rules alone are the default. The only labels the package ships with are the gold themes of its
fictional sample, written from the taxonomy's own definitions; a classifier learnt from them does
not transfer to real news (on the project's labelled real articles it finds almost none of the
positives on its own, and its vote only lowered recall; see ``bench/themes_eval.py``). With an
analyst's labels on the articles they actually score, the classifier learns their outlets'
wording, and :func:`~media_analytics.themes.training.train_tagger` switches it on.
"""

from __future__ import annotations

import logging
import numbers
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted

from ..persistence import pack_vocabularies, unpack_vocabularies
from .rules import FEATURES, Hit, RuleMatcher, sentence_spans
from .taxonomy import Taxonomy, TaxonomyError

__all__ = ["PRIOR_WEIGHTS", "SHARE_GRID", "TagResult", "ThemeTagger"]

logger = logging.getLogger(__name__)

#: Weights of the rule features (logit scale, :data:`FEATURES` order) that a theme gets before
#: anyone labels an example. One strong phrase alone, after the first two sentences, stays just
#: under 0.5 (0.44 matched once, 0.49 twice); in the lead (the first two sentences, 0.59) or the
#: headline (0.72) it passes, as it does with a supporting term or a second phrase. Most news names
#: its subject in the lead, so a phrase there decides alone: choose phrases that say the theme on
#: their own. Weak terms without a phrase or a proximity match never decide (five of them reach
#: about 0.16). A veto cue outside the sentences it cancels still counts against the theme.
PRIOR_WEIGHTS = np.array([1.6, 0.5, 0.8, 0.3, 1.5, -1.0, 1.2, 0.6])
PRIOR_BIAS = -2.2
_MIN_CLASS = 5  # labelled examples needed on each side before a theme's weights are learnt
#: The classifier shares a theme whose share is ``"auto"`` chooses from, by cross-validation on
#: its labelled articles (0 is the rules alone).
SHARE_GRID = (0.0, 0.3, 0.5, 0.7, 0.9)
_SHARE_TOL = 0.02  # out-of-fold F1 a larger share must gain to be chosen over a smaller one


@dataclass(frozen=True, repr=False)
class TagResult:
    """Themes of one article: the scores of all themes and the evidence of each.

    Shown in a notebook as the themes tagged and the closest below their thresholds, with the
    phrases found (``.explain(theme)`` gives the sentences and offsets; the fields hold all)."""

    scores: dict[str, float]
    hits: list[Hit]
    text: str
    title: str
    thresholds: dict[str, float]
    #: themes that ask for a context word (``Theme.context``) the article does not hold: their
    #: scores are kept at half their thresholds at most
    without_context: frozenset[str] = frozenset()

    def __repr__(self) -> str:
        # (the default repr printed every hit and the whole article: a screen of noise)
        ranked = sorted(self.scores.items(), key=lambda kv: -kv[1])
        lines: list[str] = []
        for theme, score in ranked:
            tagged = score >= self.thresholds[theme]
            found = list(dict.fromkeys(self.explain(theme)["evidence"]))[:4]
            if not (tagged or found) or len(lines) == 6:
                continue  # (a theme with no evidence sits at its prior)
            lines.append(
                f"  {'tagged ' if tagged else 'below  '} {theme} {score:.2f} "
                f"(threshold {self.thresholds[theme]:.2f})"
                + (f": {', '.join(found)}" if found else "")
            )
        head = f"TagResult of {self.title!r}" if self.title else "TagResult"
        return "\n".join([head + (":" if lines else ": no theme evidence"), *lines])

    def themes(self) -> list[dict[str, Any]]:
        """Themes above their thresholds, in the scored-record format, best first."""
        out = []
        for theme, score in sorted(self.scores.items(), key=lambda kv: -kv[1]):
            if score < self.thresholds[theme]:
                continue
            entry = self.explain(theme) | {"score": round(score, 4)}
            for key in _EXPLAIN_ONLY:
                del entry[key]
            out.append(entry)
        return out

    def explain(self, theme: str) -> dict[str, Any]:
        """The evidence for ``theme``: matched phrases, their offsets and their sentences, and the
        veto cues that cancelled evidence (as written in the text, with their offsets).

        ``evidence`` lists each matched phrase once, exactly as the headline or the text writes
        it (headline first, then reading order); ``spans`` list every match, each with its
        ``field`` (``"title"`` or ``"text"``), ``start`` and ``end`` offsets, ``kind``, and
        ``evidence_index``: the place in ``evidence`` of the phrase it matched, which is
        ``source[start:end]`` exactly, so that which phrase is of which kind need not be guessed.
        Each span names the taxonomy entry that matched (``seed``): the phrase or term as the
        taxonomy writes it, or the proximity rule (``near2``: the theme's second
        ``[[themes.near]]`` table) with the cues it paired (``"near2: menemui + warga +
        bupati"``), so that an analyst sees what to edit; each veto span names its veto cue.
        ``threshold`` and ``tagged`` say whether the theme is tagged; ``context`` lists the words
        of the theme's ``context`` the article holds, as written, and ``without_context`` is
        true when the theme asks for one and the article holds none (its score is then kept at
        half its threshold at most). The scored record's themes leave these four out.
        """
        if theme not in self.scores:
            raise KeyError(f"no theme {theme!r}; themes: {', '.join(self.scores)}")
        mine = [
            h
            for h in self.hits
            if h.theme == theme and h.kind not in ("negative", "vetoed", "context")
        ]
        mine.sort(key=lambda h: (not h.in_title, h.start))
        evidence: list[str] = []
        spans: list[dict[str, Any]] = []
        sentences: list[str] = []
        taken: dict[str, int] = {}  # a phrase as written -> its place in ``evidence``
        body_sentences = sentence_spans(self.text) if any(not h.in_title for h in mine) else []
        for h in mine:
            source = self.title if h.in_title else self.text
            phrase = source[h.start : h.end]
            if phrase not in taken:
                taken[phrase] = len(evidence)
                evidence.append(phrase)
            spans.append({"field": "title" if h.in_title else "text", "start": h.start,
                          "end": h.end, "kind": h.kind, "seed": h.seed,
                          "evidence_index": taken[phrase]})  # fmt: skip
            sentence = source if h.in_title else _sentence_of(body_sentences, self.text, h.start)
            if sentence not in sentences:
                sentences.append(sentence)
        # veto cues as the text writes them (the seed "tidak ditemui" matches "tidak menemui"),
        # with where they stand, as the evidence is given
        vetoes, veto_spans = [], []
        cues = [h for h in self.hits if h.theme == theme and h.kind == "negative"]
        for h in sorted(cues, key=lambda h: (not h.in_title, h.start)):
            phrase = (self.title if h.in_title else self.text)[h.start : h.end]
            if phrase not in vetoes:
                vetoes.append(phrase)
            veto_spans.append({"field": "title" if h.in_title else "text", "start": h.start,
                               "end": h.end, "seed": h.seed})  # fmt: skip
        context = []
        for h in sorted(self.hits, key=lambda h: (not h.in_title, h.start)):
            if h.theme == theme and h.kind == "context":
                phrase = (self.title if h.in_title else self.text)[h.start : h.end]
                if phrase not in context:
                    context.append(phrase)
        return {
            "theme": theme,
            "score": round(self.scores[theme], 4),
            "evidence": evidence,
            "spans": spans,
            "sentences": sentences[:5],
            "vetoes": vetoes,
            "veto_spans": veto_spans,
            "threshold": self.thresholds[theme],
            "tagged": self.scores[theme] >= self.thresholds[theme],
            "context": context,
            "without_context": theme in self.without_context,
        }


#: keys of :meth:`TagResult.explain` that the scored record's themes leave out (a tagged
#: theme is above its threshold and has its context)
_EXPLAIN_ONLY = ("threshold", "tagged", "context", "without_context")


def _many(method: str, X: Any) -> list[str]:
    """The documents of ``X``: a lone string (each of its characters a document) refused."""
    if isinstance(X, str | bytes):
        raise ValueError(
            f"{method} takes a sequence of texts, got a single string: wrap it in a list, or "
            "use tag() for one article"
        )
    return list(X)


def _text_arg(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be str, got {type(value).__name__}")
    return value


def _title_arg(value: Any) -> str:
    """A headline: a missing one (None, NaN from a DataFrame) is no headline."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if not isinstance(value, str):
        raise TypeError(f"title must be str or None, got {type(value).__name__}")
    return value


def _sentence_of(spans: list[tuple[int, int]], text: str, pos: int) -> str:
    for a, b in spans:
        if a <= pos < b:
            return text[a:b]
    return text[max(0, pos - 80) : pos + 80]


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def _has_evidence(feats: np.ndarray) -> np.ndarray:
    """Where seed evidence stands (phrases or proximity matches), over the features' last axis."""
    return feats[..., [0, 4]].sum(axis=-1) > 0


def _blend(rule: Any, text: Any, share: Any, has_evidence: np.ndarray) -> np.ndarray:
    """The rule and text scores mixed at ``share``: a text classifier cannot tag an article in
    which no seed evidence stands (the explanation would be empty), so there the rule score
    bounds the mixture."""
    score = (1 - share) * rule + share * text
    return np.where(has_evidence, score, np.minimum(score, rule))


def _context_capped(scores: np.ndarray, lacking: np.ndarray, half: Any) -> np.ndarray:
    """A theme that asks for a context word (``Theme.context``) is not tagged without one:
    where ``lacking``, its score stays at ``half`` its threshold at most."""
    return np.where(lacking, np.minimum(scores, half), scores)


class ThemeTagger(BaseEstimator):
    """Multi-label theme tagger over cleaned article text.

    Parameters
    ----------
    taxonomy : Taxonomy or None
        The themes; the bundled default when None.
    text_weight : float, default=0.0
        Share of the text classifier in a labelled theme's score (the rest is the rule model). With
        0 no text classifier is fitted: rules only (see the module notes for why that is the
        default); ``train_tagger`` gives the themes an analyst labelled a share chosen on their
        labels (``text_weights`` of ``"auto"``).
    text_weights : dict or None
        Per-theme shares overriding ``text_weight`` for the themes named: an analyst's labelled
        themes get a classifier share while the others stay rules only (see
        :func:`~media_analytics.themes.training.analyst_text_weights`). The classifier is fitted
        only for themes whose share is above 0. A share of ``"auto"`` is chosen from
        :data:`SHARE_GRID` by 5-fold cross-validation on the theme's labelled articles: the share
        whose out-of-fold tags have the best F1 at the theme's threshold (the smallest within
        0.02 of the best: 0 keeps the rules alone), the F1s kept in ``share_cv_``.
    calibrate : bool, default=True
        Learn a slope and an offset of the rule score per labelled theme. Right when the labels
        come from the same kind of articles the tagger will score (an analyst's own corrections);
        the bundled default model, trained on the project's fictional sample, keeps the priors.
    C : float, default=1.0
        Inverse regularisation of the per-theme logistic regressions.
    thresholds : dict or None
        Per-theme score thresholds overriding the taxonomy's.
    random_state : int, default=0

    Attributes
    ----------
    taxonomy_ : Taxonomy
    rule_coef_ : ndarray of shape (n_themes, n_rule_features)
    rule_intercept_ : ndarray of shape (n_themes,)
    learned_ : ndarray of bool, which themes were learnt from labels (others use the priors)
    text_weights_ : ndarray of shape (n_themes,), the classifier's share per theme
    share_cv_ : dict theme -> list of float, the out-of-fold F1 of each share of
        :data:`SHARE_GRID`, for the themes whose share was ``"auto"`` and learnt from labels
    vectorizer_ : TfidfVectorizer or None
    text_coef_ : ndarray of shape (n_themes, n_terms) ; text_intercept_ : ndarray
    thresholds_ : dict theme -> threshold

    Examples
    --------
    >>> from media_analytics.themes import Taxonomy
    >>> tax = Taxonomy.from_dict({"themes": [{"id": "banjir", "phrases": ["banjir bandang"],
    ...                                        "terms": ["banjir", "genangan"]}]})
    >>> tagger = ThemeTagger(taxonomy=tax).fit(["Banjir bandang melanda desa."])
    >>> [t["theme"] for t in tagger.tag("Banjir bandang merendam rumah warga.").themes()]
    ['banjir']
    """

    # read by ``get_params`` on models saved before per-theme shares existed
    text_weights: dict[str, float | str] | None = None

    def __init__(
        self,
        *,
        taxonomy: Taxonomy | None = None,
        text_weight: float = 0.0,
        text_weights: dict[str, float | str] | None = None,
        calibrate: bool = True,
        C: float = 1.0,
        thresholds: dict[str, float] | None = None,
        random_state: int = 0,
    ) -> None:
        self.taxonomy = taxonomy
        self.text_weight = text_weight
        self.text_weights = text_weights
        self.calibrate = calibrate
        self.C = C
        self.thresholds = thresholds
        self.random_state = random_state

    def __getstate__(self) -> dict[str, Any]:
        # the rule matcher is rebuilt from the taxonomy on first use; it holds a stem cache that
        # belongs to the process, not to the model
        state = dict(super().__getstate__())
        state.pop("_matcher_cache", None)
        # the text vocabulary saved as one array, not one skops node per term
        return pack_vocabularies(state, ["vectorizer_"])

    def __setstate__(self, state: dict[str, Any]) -> None:
        super().__setstate__(unpack_vocabularies(state))

    # -- fitting ---------------------------------------------------------------------------------

    def _matcher(self) -> RuleMatcher:
        m = getattr(self, "_matcher_cache", None)
        if m is None or m.taxonomy is not self.taxonomy_:
            m = self._matcher_cache = RuleMatcher(self.taxonomy_)
        return m

    def _rule_features(
        self, texts: Sequence[str], titles: Sequence[str]
    ) -> tuple[np.ndarray, np.ndarray]:
        """The rule features of each article, and which themes lack their context word."""
        matcher = self._matcher()
        feats = np.zeros((len(texts), len(self.taxonomy_), len(FEATURES)))
        lacking = np.zeros((len(texts), len(self.taxonomy_)), dtype=bool)
        for i, (text, title) in enumerate(zip(texts, titles, strict=True)):
            hits, lead_end = matcher.analyse(text, title)
            feats[i] = matcher.features(hits, lead_end)
            lacking[i] = matcher.lacks_context(hits)
        return feats, lacking

    def fit(
        self,
        X: Sequence[str],
        y: Any = None,
        *,
        titles: Sequence[str] | None = None,
        tokens: Sequence[str] | None = None,
    ) -> ThemeTagger:
        """Fit from cleaned texts ``X`` and labels ``y``.

        ``y`` is a 0/1 array of shape ``(n_docs, n_themes)`` in taxonomy order, with ``-1`` (or
        NaN) where a document was not labelled for a theme; ``None`` means no labels at all (rules
        only). ``tokens`` are the documents' stem strings for the text classifier (computed from
        ``X`` when omitted).

        A theme learns from its labels only with at least 5 documents labelled 1 and 5 labelled
        0; with fewer, a warning names it and its counts, and its rules alone score it (a theme
        with no label at all is named in one INFO line).
        """
        self.taxonomy_ = self.taxonomy if self.taxonomy is not None else Taxonomy.load()
        try:  # a seed the matcher cannot use is the taxonomy's error, said at training time
            self._matcher()
        except ValueError as exc:
            raise TaxonomyError(f"{self.taxonomy_.source or 'taxonomy'}: {exc}") from None
        texts = _many("fit", X)
        titles = list(titles) if titles is not None else [""] * len(texts)
        n_themes = len(self.taxonomy_)
        self.rule_coef_ = np.tile(PRIOR_WEIGHTS, (n_themes, 1))
        self.rule_intercept_ = np.full(n_themes, PRIOR_BIAS)
        self.learned_ = np.zeros(n_themes, dtype=bool)
        self.vectorizer_: TfidfVectorizer | None = None
        self.text_coef_ = np.zeros((n_themes, 0))
        self.text_intercept_ = np.zeros(n_themes)
        self.thresholds_ = {t.id: t.threshold for t in self.taxonomy_.themes}
        self.thresholds_.update(self.thresholds or {})
        unknown = set(self.thresholds or {}) - set(self.thresholds_)
        if unknown:
            raise ValueError(f"thresholds given for unknown themes: {sorted(unknown)}")
        shares = dict(self.text_weights or {})
        unknown = set(shares) - set(self.thresholds_)
        if unknown:
            raise ValueError(f"text_weights given for unknown themes: {sorted(unknown)}")
        auto = np.array([shares.get(t) == "auto" for t in self.taxonomy_.ids], dtype=bool)
        try:
            self.text_weights_ = np.array(
                [
                    SHARE_GRID[1] if chosen else float(shares.get(t, self.text_weight))
                    for t, chosen in zip(self.taxonomy_.ids, auto, strict=True)
                ]
            )
        except (TypeError, ValueError):
            raise ValueError('a text share must be "auto" or a number from 0 to 1') from None
        if ((self.text_weights_ < 0) | (self.text_weights_ > 1)).any():
            raise ValueError("a text share must be between 0 and 1")
        self.share_cv_: dict[str, list[float]] = {}
        with_text = self.text_weights_ > 0
        if y is None or not texts or not (self.calibrate or with_text.any()):
            return self  # rules only: labels would change nothing
        Y = np.asarray(y, dtype=float)
        if Y.shape != (len(texts), n_themes):
            raise ValueError(
                f"y must have shape (n_docs, n_themes) = ({len(texts)}, {n_themes}), got {Y.shape}"
            )
        feats, lacking = self._rule_features(texts, titles)
        Xt = None
        if with_text.any():
            if tokens is None:
                from ..preprocessing import TextPreprocessor

                tokens = list(TextPreprocessor(clean=False).fit_transform(
                    [f"{t}\n{x}" for t, x in zip(titles, texts, strict=True)]))  # fmt: skip
            self.vectorizer_ = TfidfVectorizer(
                token_pattern=r"\S+", lowercase=False, ngram_range=(1, 2), min_df=2,
                max_features=30000, sublinear_tf=True, dtype=np.float32,
            )  # fmt: skip
            Xt = self.vectorizer_.fit_transform(tokens)
            # the terms dropped by min_df/max_features are only needed for inspection, and can be
            # larger than the model itself once saved
            if hasattr(self.vectorizer_, "stop_words_"):
                del self.vectorizer_.stop_words_
            self.text_coef_ = np.zeros((n_themes, Xt.shape[1]), dtype=np.float32)
        unlabelled = []
        for k, theme in enumerate(self.taxonomy_.themes):
            if not (self.calibrate or with_text[k]):
                continue  # neither calibration nor a classifier share: the priors stay
            known = ~np.isnan(Y[:, k]) & (Y[:, k] >= 0)
            yk = Y[known, k].astype(int)
            n_pos, n_neg = int(yk.sum()), int(len(yk) - yk.sum())
            if min(n_pos, n_neg) < _MIN_CLASS:
                if len(yk):  # labels given, and not used: the analyst should know
                    logger.warning(
                        "theme %s: too few labels to learn from (%d labelled 1, %d labelled 0; "
                        "at least %d of each are needed): its rules alone score it",
                        theme.id,
                        n_pos,
                        n_neg,
                        _MIN_CLASS,
                    )
                else:
                    unlabelled.append(theme.id)
                continue
            # Labels calibrate the prior rule score (a slope and an offset per theme) rather than
            # re-learning every weight: a few hundred labelled articles from one source would
            # otherwise overfit the weights to that source's style.
            if self.calibrate:
                z = feats[known, k, :] @ PRIOR_WEIGHTS + PRIOR_BIAS
                rule_lr = LogisticRegression(C=self.C, class_weight="balanced", max_iter=1000)
                rule_lr.fit(z[:, None], yk)
                self.rule_coef_[k] = PRIOR_WEIGHTS * rule_lr.coef_[0, 0]
                self.rule_intercept_[k] = PRIOR_BIAS * rule_lr.coef_[0, 0] + rule_lr.intercept_[0]
            if Xt is not None and with_text[k]:
                text_lr = LogisticRegression(C=self.C * 10, class_weight="balanced", max_iter=2000)
                text_lr.fit(Xt[known], yk)
                self.text_coef_[k] = text_lr.coef_[0]
                self.text_intercept_[k] = text_lr.intercept_[0]
                if auto[k]:
                    self._choose_share(k, feats[known, k, :], lacking[known, k], Xt[known], yk)
            self.learned_[k] = True
        if unlabelled:
            logger.info("no labels for %s: their rules alone score them", ", ".join(unlabelled))
        if self.learned_.any():
            # what evaluation compares with: labelled articles this model learnt from
            labelled = (~np.isnan(Y) & (Y >= 0)).any(axis=1)
            from ..sentiment.tokens import overlap_keys  # as the sentiment kit compares texts

            self.train_fingerprints_ = overlap_keys(
                [t for t, keep in zip(texts, labelled, strict=True) if keep]
            )
        return self

    def _choose_share(
        self, k: int, feats: np.ndarray, lacking: np.ndarray, Xt: Any, y: np.ndarray
    ) -> None:
        """Set theme ``k``'s classifier share to the one of :data:`SHARE_GRID` whose out-of-fold
        tags of its labelled articles (rule calibration, when asked, and classifier refitted on
        each training part; the vocabulary is the whole fit's) have the best F1."""
        from sklearn.metrics import f1_score
        from sklearn.model_selection import StratifiedKFold

        theme = self.taxonomy_.ids[k]
        n_pos = int(y.sum())
        folds = StratifiedKFold(
            min(5, n_pos, len(y) - n_pos), shuffle=True, random_state=self.random_state
        )
        rule, text = np.zeros(len(y)), np.zeros(len(y))
        for train, test in folds.split(feats, y):
            coef, bias = PRIOR_WEIGHTS, PRIOR_BIAS
            if self.calibrate:
                z = feats[train] @ PRIOR_WEIGHTS + PRIOR_BIAS
                lr = LogisticRegression(C=self.C, class_weight="balanced", max_iter=1000)
                lr.fit(z[:, None], y[train])
                coef = PRIOR_WEIGHTS * lr.coef_[0, 0]
                bias = PRIOR_BIAS * lr.coef_[0, 0] + lr.intercept_[0]
            rule[test] = _sigmoid(feats[test] @ coef + bias)
            lr = LogisticRegression(C=self.C * 10, class_weight="balanced", max_iter=2000)
            lr.fit(Xt[train], y[train])
            text[test] = lr.predict_proba(Xt[test])[:, 1]
        threshold = self.thresholds_[theme]
        has_evidence = _has_evidence(feats)
        f1 = []
        for w in SHARE_GRID:  # scored as _scores scores
            score = _context_capped(_blend(rule, text, w, has_evidence), lacking, threshold / 2)
            f1.append(float(f1_score(y, score >= threshold, zero_division=0)))
        # the smallest share within _SHARE_TOL of the best: a larger one must clearly
        # earn its place over the rules
        best = next(w for w, f in zip(SHARE_GRID, f1, strict=True) if f >= max(f1) - _SHARE_TOL)
        self.text_weights_[k] = best
        self.share_cv_[theme] = f1
        logger.info(
            "theme %s: classifier share %.1f chosen by %d-fold CV on its %d labelled articles "
            "(out-of-fold F1 by share: %s)",
            theme, best, folds.n_splits, len(y),
            ", ".join(f"{w:.1f} {f:.2f}" for w, f in zip(SHARE_GRID, f1, strict=True)),
        )  # fmt: skip

    # -- scoring ---------------------------------------------------------------------------------

    def _tokens_for(self, texts: Sequence[str], titles: Sequence[str]) -> list[str] | None:
        """The text classifier's tokens of each article (title and body), or None when no theme
        has a trained classifier share, so that every way of tagging gives the same scores."""
        if self.vectorizer_ is None or not self.learned_.any():
            return None
        from ..preprocessing import preprocess

        return [
            " ".join(preprocess(f"{title}\n{text}", clean=False).tokens)
            for text, title in zip(texts, titles, strict=True)
        ]

    def _scores(
        self, feats: np.ndarray, tokens: Sequence[str] | None, lacking: np.ndarray
    ) -> np.ndarray:
        scores = self._unbounded_scores(feats, tokens)
        if lacking.any():
            half = np.array([self.thresholds_[t] for t in self.taxonomy_.ids]) / 2
            scores = _context_capped(scores, lacking, half)
        return scores

    def _unbounded_scores(self, feats: np.ndarray, tokens: Sequence[str] | None) -> np.ndarray:
        rule = _sigmoid(np.einsum("dtf,tf->dt", feats, self.rule_coef_) + self.rule_intercept_)
        if self.vectorizer_ is None or not self.learned_.any() or tokens is None:
            return rule
        Xt = self.vectorizer_.transform(tokens)
        text = _sigmoid(Xt @ self.text_coef_.T + self.text_intercept_)
        # models saved before per-theme shares existed have one share for all themes
        shares = getattr(self, "text_weights_", None)
        if shares is None:
            shares = np.full(len(self.learned_), self.text_weight)
        w = np.where(self.learned_, shares, 0.0)
        return _blend(rule, text, w, _has_evidence(feats))

    def predict_proba(
        self,
        X: Sequence[str],
        *,
        titles: Sequence[str] | None = None,
        tokens: Sequence[str] | None = None,
    ) -> np.ndarray:
        """Scores of shape ``(n_docs, n_themes)`` in taxonomy order."""
        check_is_fitted(self, "rule_coef_")
        texts = _many("predict_proba", X)
        titles = list(titles) if titles is not None else [""] * len(texts)
        feats, lacking = self._rule_features(texts, titles)
        if tokens is None:
            tokens = self._tokens_for(texts, titles)
        return self._scores(feats, tokens, lacking)

    def predict(
        self,
        X: Sequence[str],
        *,
        titles: Sequence[str] | None = None,
        tokens: Sequence[str] | None = None,
    ) -> np.ndarray:
        """0/1 array ``(n_docs, n_themes)``: scores at or above each theme's threshold."""
        proba = self.predict_proba(X, titles=titles, tokens=tokens)
        thr = np.array([self.thresholds_[t] for t in self.taxonomy_.ids])
        return (proba >= thr).astype(int)

    def tag(self, text: str, title: str = "", tokens: str | None = None) -> TagResult:
        """Tag one article and keep its evidence (for the scored record and explanations)."""
        check_is_fitted(self, "rule_coef_")
        text, title = _text_arg("text", text), _title_arg(title)
        matcher = self._matcher()
        hits, lead_end = matcher.analyse(text, title)
        feats = matcher.features(hits, lead_end)[None]
        batch = [tokens] if tokens is not None else self._tokens_for([text], [title])
        lacking = matcher.lacks_context(hits)
        scores = self._scores(feats, batch, lacking[None])[0]
        ids = self.taxonomy_.ids
        return TagResult(
            scores={t: float(s) for t, s in zip(ids, scores, strict=True)},
            hits=hits,
            text=text,
            title=title,
            thresholds=dict(self.thresholds_),
            without_context=frozenset(t for t, lack in zip(ids, lacking, strict=True) if lack),
        )

    def tag_many(
        self,
        texts: Sequence[str],
        titles: Sequence[str] | None = None,
        tokens: Sequence[str] | None = None,
    ) -> list[TagResult]:
        """Tag a batch of articles: the text classifier runs once for the batch."""
        check_is_fitted(self, "rule_coef_")
        if isinstance(texts, str) or isinstance(titles, str):
            raise ValueError("tag_many takes sequences of texts and titles: use tag() for one")
        texts = [_text_arg("texts", t) for t in texts]
        titles = [_title_arg(t) for t in titles] if titles is not None else [""] * len(texts)
        matcher = self._matcher()
        all_hits, feats = [], np.zeros((len(texts), len(self.taxonomy_), len(FEATURES)))
        lacking = np.zeros((len(texts), len(self.taxonomy_)), dtype=bool)
        for i, (text, title) in enumerate(zip(texts, titles, strict=True)):
            hits, lead_end = matcher.analyse(text, title)
            feats[i] = matcher.features(hits, lead_end)
            lacking[i] = matcher.lacks_context(hits)
            all_hits.append(hits)
        if tokens is None:
            tokens = self._tokens_for(texts, titles)
        scores = self._scores(feats, tokens, lacking)
        ids = self.taxonomy_.ids
        # the thresholds of now, one copy for the batch: a later set_threshold does not change
        # results already given (as for tag)
        thresholds = dict(self.thresholds_)
        return [
            TagResult(
                scores={t: float(s) for t, s in zip(ids, row, strict=True)},
                hits=hits,
                text=text,
                title=title,
                thresholds=thresholds,
                without_context=frozenset(t for t, lack in zip(ids, gap, strict=True) if lack),
            )
            for row, hits, text, title, gap in zip(
                scores, all_hits, texts, titles, lacking, strict=True
            )
        ]

    def set_threshold(self, theme: str, value: float) -> ThemeTagger:
        """Adjust one theme's threshold on a fitted tagger."""
        check_is_fitted(self, "thresholds_")
        if theme not in self.thresholds_:
            raise KeyError(f"no theme {theme!r}; themes: {', '.join(self.thresholds_)}")
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise TypeError(f"value must be a number strictly between 0 and 1, got {value!r}")
        if not 0.0 < value < 1.0:
            raise ValueError(
                f"a threshold must be strictly between 0 and 1 (0 < t < 1), got {value!r}"
            )
        self.thresholds_[theme] = float(value)
        return self
