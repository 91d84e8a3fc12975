"""campaign_activity is about Indonesian elections: a campaign cue that names no election counts
only beside one, and other countries' elections get no campaign theme.

A debate, a campaign team, a campaigner or a campaign period names no election by itself ("debat
publik" between two celebrities, "tim pemenangan" that the stemmer reads as "timnya menang"
after a football match, Greenpeace's "juru kampanye"): such cues are strong proximity rules that
ask for an election word in the same sentence.
"""

from __future__ import annotations

import pytest

from media_analytics.themes import RuleMatcher, Taxonomy, TaxonomyError, ThemeTagger


def _rule(**extra: object) -> dict:
    return {"a": ["debat publik"], "b": ["pilkada", "paslon"], "window": 6, **extra}


def test_a_strong_proximity_rule_weighs_as_the_phrase_it_asks_a_context_for() -> None:
    tax = Taxonomy.from_dict(
        {
            "themes": [
                {"id": "phrase", "phrases": ["debat publik"]},
                {"id": "strong", "near": [_rule(strong=True)]},
                {"id": "plain", "near": [_rule()]},
            ]
        }
    )
    assert tax["strong"].near[0].strong and not tax["plain"].near[0].strong
    assert Taxonomy.from_dict(tax.to_dict()) == tax
    assert "strong" not in tax.to_dict()["themes"][2]["near"][0]
    tagger = ThemeTagger(taxonomy=tax).fit([])
    scores = tagger.tag("KPU menggelar debat publik Pilkada di hotel itu.").scores
    assert scores["strong"] == pytest.approx(scores["phrase"])
    assert scores["plain"] < scores["strong"]
    hits = RuleMatcher(tax).match("Debat publik paslon digelar.")
    (hit,) = [h for h in hits if h.theme == "strong"]
    assert (hit.kind, hit.seed) == ("phrase", "near1: debat publik + paslon")
    # with no word of its other side in the sentence, it is no evidence at all
    alone = tagger.tag("Artis itu menantang debat publik di Bali. Pilkada digelar tahun depan.")
    assert alone.scores["strong"] < 0.2 < alone.scores["phrase"]
    with pytest.raises(TaxonomyError, match="'strong' must be true or false"):
        Taxonomy.from_dict({"themes": [{"id": "x", "near": [_rule(strong="yes")]}]})
