"""Tone and actor sentiment of many articles, every sentence read once.

:func:`article_tone` and :func:`actor_sentiment` each score the sentences they need, one article
at a time. Scoring a stream of articles that way reads most sentences twice (once for the tone,
again for every actor they mention) and pays the classifier's per-call overhead for every
article. :func:`score_articles` plans the work of a whole batch first (which sentences the tone
reads, which ones each actor needs), scores the union in a single ``predict_proba`` call, and then
hands every article and actor its rows. The results are the same as those of the two functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .actors import (
    ACTOR_BAND,
    ActorSentiment,
    _types,
    actor_plan,
    actors_from,
    name_blind,
    name_spans,
)
from .article import (
    NEUTRAL_BAND,
    ArticleTone,
    article_sentences,
    resolve_weights,
    tone_from,
    tone_units,
)
from .labels import canonical_classes
from .tokens import PieceViews, joined_views, piece_views, token_views

__all__ = ["ArticleSentiment", "score_articles"]


@dataclass(frozen=True)
class ArticleSentiment:
    """The tone of one article and its sentiment toward each actor it names."""

    tone: ArticleTone
    actors: list[ActorSentiment]


def score_articles(
    model: Any,
    titles: Sequence[str | None],
    texts: Sequence[str],
    actors: Sequence[Sequence[Any]] | None = None,
    quotes: Sequence[Sequence[Any] | None] | None = None,
    *,
    weights: Mapping[str, float] | None = None,
    band: float = NEUTRAL_BAND,
    actor_band: float = ACTOR_BAND,
    types: Iterable[str] | None = None,
) -> list[ArticleSentiment]:
    """Tone (and actor sentiment) of many articles with one classifier call.

    Parameters
    ----------
    model : fitted classifier with ``predict_proba`` and ``classes_``
    titles : sequence of str or None
        Headlines.
    texts : sequence of str
        Bodies, already cleaned (:func:`~media_analytics.preprocessing.clean_article`): actor
        mention offsets refer to them as given.
    actors : sequence, optional
        One sequence of actors per article, as :func:`actor_sentiment` takes them; ``None``
        leaves actor sentiment out.
    quotes : sequence, optional
        One sequence of quotes per article (or ``None``).
    weights, band
        As for :func:`article_tone`.
    actor_band : float, default=ACTOR_BAND
        The band of the actors' labels (see :mod:`~media_analytics.sentiment.actors`).
    types : iterable of str, optional
        Keep only actors of these types.

    Returns
    -------
    list of ArticleSentiment
        In input order; ``actors`` lists are empty when no actors were given.

    Examples
    --------
    >>> from media_analytics.sentiment import default_model, score_articles
    >>> body = "Budi dipuji warga karena sigap. Andi ditangkap karena korupsi."
    >>> [result] = score_articles(default_model(), ["Warga lega"], [body],
    ...                           [[("Budi", [(0, 4)]), ("Andi", [(32, 36)])]])
    >>> [(a.name, a.label) for a in result.actors]
    [('Budi', 'positive'), ('Andi', 'negative')]
    """
    return _score(
        model, titles, texts, actors, quotes, weights=weights, band=band, actor_band=actor_band,
        types=types,
    )[0]  # fmt: skip


def score_with_article_model(
    model: Any,
    article_model: Any,
    titles: Sequence[str],
    texts: Sequence[str],
    actors: Sequence[Sequence[Any]] | None = None,
    quotes: Sequence[Sequence[Any] | None] | None = None,
    *,
    types: Iterable[str] | None = None,
) -> tuple[list[ArticleSentiment], np.ndarray]:
    """:func:`score_articles`, and ``article_model.predict_proba`` of each article's
    :func:`~media_analytics.sentiment.tone.tone_text` (an article tone model's reading).

    When both models read tokens alike, the article model is handed each article's tokens put
    together from those of its sentences, which the sentence model has read already
    (:func:`~media_analytics.sentiment.tokens.joined_views`): the same probabilities, without
    reading every article twice.
    """
    from .tone import tone_text

    settings = _token_settings(model)
    shared = settings is not None and settings == _token_settings(article_model)
    results, plans, pieces = _score(model, titles, texts, actors, quotes, types=types, read=shared)
    whole = [tone_text(t, b) for t, b in zip(titles, texts, strict=True)]
    if pieces is None or settings is None:
        return results, np.asarray(article_model.predict_proba(whole))
    stem, window = settings
    token_lists = []
    for text, title, (body, spans, units, unit_rows, _, row, _) in zip(
        whole, titles, plans, strict=True
    ):
        # the article is its headline, a line break and the body (tone_text): its pieces are
        # the headline and the body's sentences, each read already unless too short for tone
        head = (title or "").strip()
        parts = []
        if head:
            found = pieces[unit_rows[0]] if units and units[0].sentence < 0 else None
            if found is None:
                found = piece_views(head, stem=stem, negation_window=window)
            parts.append((0, len(head), found))
        shift = len(head) + 1 if head else 0
        for k, (start, end) in enumerate(spans):
            found = pieces[row[k]] if k in row else None
            if found is None:
                found = piece_views(body[start:end], stem=stem, negation_window=window)
            parts.append((shift + start, shift + end, found))
        joined = joined_views(text, parts)
        if joined is None:
            joined = token_views(text, stem=stem, negation_window=window)
        token_lists.append(joined)
    return results, np.asarray(article_model.predict_proba_views(whole, token_lists))


def _token_settings(model: Any) -> tuple[bool, int] | None:
    """How ``model`` reads its texts, when it is a :class:`SentimentClassifier` on
    :class:`SentimentFeatures` (else ``None``: nothing can be handed to it)."""
    from .classifier import SentimentClassifier
    from .features import SentimentFeatures

    if type(model) is not SentimentClassifier:
        return None
    features = getattr(model, "features_", None)
    if type(features) is not SentimentFeatures:
        return None
    return features.token_settings()


def _score(
    model: Any,
    titles: Sequence[str | None],
    texts: Sequence[str],
    actors: Sequence[Sequence[Any]] | None = None,
    quotes: Sequence[Sequence[Any] | None] | None = None,
    *,
    weights: Mapping[str, float] | None = None,
    band: float = NEUTRAL_BAND,
    actor_band: float = ACTOR_BAND,
    types: Iterable[str] | None = None,
    read: bool = False,
) -> tuple[list[ArticleSentiment], list[Any], list[PieceViews] | None]:
    """:func:`score_articles`, the plan of each article (its body, sentence spans, tone units,
    their rows, actor plan, the row of each sentence read as written and the row of each
    sentence as the actors read it) and, with ``read``, the tokens of
    every text read (``model`` must then be a :class:`SentimentClassifier` on
    :class:`SentimentFeatures`)."""
    if isinstance(texts, str) or isinstance(titles, str):
        raise ValueError(
            "score_articles takes sequences of titles and texts: wrap one article in lists "
            "(or use the model's predict_article)"
        )
    if len(titles) != len(texts):
        raise ValueError(f"got {len(titles)} titles but {len(texts)} texts")
    if actors is not None and len(actors) != len(texts):
        raise ValueError(f"got {len(actors)} actor lists but {len(texts)} texts")
    if quotes is not None and len(quotes) != len(texts):
        raise ValueError(f"got {len(quotes)} quote lists but {len(texts)} texts")
    for text in texts:
        if not isinstance(text, str):
            raise TypeError(f"article text must be str, got {type(text).__name__}")
    w = resolve_weights(weights)
    wanted = _types(types)

    batch: list[str] = []  # every text to score, each once
    plans = []
    for i, (title, body) in enumerate(zip(titles, texts, strict=True)):
        spans = article_sentences(body)
        units, unit_texts = tone_units(title, body, spans, w)
        plan = (
            actor_plan(spans, actors[i], quotes[i] if quotes is not None else None, wanted, body)
            if actors is not None
            else []
        )
        # the row in ``batch`` of every sentence this article needs, as written (``row``: the
        # tone's, and the article model's pieces) and as the actors read it (``actor_row``: with
        # the polar words of organisations' and persons' names blanked, see ``name_blind``)
        row: dict[int, int] = {}
        unit_rows = []
        for unit, unit_text in zip(units, unit_texts, strict=True):
            if unit.sentence >= 0:
                row[unit.sentence] = len(batch)
            unit_rows.append(len(batch))
            batch.append(unit_text)
        actor_row = dict(row)
        names = name_spans(actors[i]) if plan and actors is not None else []
        done: set[int] = set()
        for _, _, idx, _, _ in plan:
            for k in idx:
                if k in done:
                    continue
                done.add(k)
                plain = body[slice(*spans[k])]
                blind = name_blind(body, spans[k], names) if names else plain
                if blind == plain:
                    if k not in row:
                        row[k] = len(batch)
                        batch.append(plain)
                    actor_row[k] = row[k]
                else:
                    actor_row[k] = len(batch)
                    batch.append(blind)
        plans.append((body, spans, units, unit_rows, plan, row, actor_row))

    pieces = None
    if read:
        stem, window = model.features_.token_settings()
        pieces = [piece_views(t, stem=stem, negation_window=window) for t in batch]
    classes = canonical_classes(model)
    if batch and pieces is not None:
        proba = np.asarray(model.predict_proba_views(batch, [p.views for p in pieces]))
    elif batch:
        proba = np.asarray(model.predict_proba(batch))
    else:
        proba = np.zeros((0, len(classes)))
    out = []
    for body, spans, units, unit_rows, plan, _, actor_row in plans:
        tone = tone_from(units, proba[unit_rows], classes, body, band)
        toward = actors_from(plan, spans, proba, actor_row, classes, actor_band) if plan else []
        out.append(ArticleSentiment(tone, toward))
    return out, plans, pieces
