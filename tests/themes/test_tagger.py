from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import numpy as np
import pytest

from media_analytics.preprocessing import clean_article
from media_analytics.themes import Taxonomy, TaxonomyError, Theme, ThemeTagger
from media_analytics.themes.training import read_label_file, train_tagger


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return Taxonomy.load()


@pytest.fixture(scope="module")
def rules_tagger(taxonomy: Taxonomy) -> ThemeTagger:
    return ThemeTagger(taxonomy=taxonomy).fit([])


def test_default_taxonomy_has_the_named_themes(taxonomy: Taxonomy) -> None:
    assert {"pilkada_security", "public_dialogue"} <= set(taxonomy.ids)
    assert len(taxonomy) >= 8
    for theme in taxonomy.themes:
        assert theme.description and theme.include and theme.exclude
        assert theme.phrases and theme.name_id and theme.name_en


def test_seed_article_gets_both_themes_with_evidence(
    seed_text: str, rules_tagger: ThemeTagger
) -> None:
    text = clean_article(seed_text).text
    result = rules_tagger.tag(text)
    themes = {t["theme"]: t for t in result.themes()}
    assert {"pilkada_security", "public_dialogue"} <= set(themes)
    security = themes["pilkada_security"]
    assert any("Cooling System" in e for e in security["evidence"])
    assert any("Pilkada" in s for s in security["sentences"])
    dialogue = themes["public_dialogue"]
    assert any("Jumat Curhat" in e for e in dialogue["evidence"])
    assert any("aspirasi" in e.lower() for e in dialogue["evidence"])
    # evidence offsets point at text that is really in the article
    for t in themes.values():
        for span in t["spans"]:
            source = text if span["field"] == "text" else ""
            assert source[span["start"] : span["end"]] in t["evidence"]
        for sentence in t["sentences"]:
            assert sentence in text


def test_each_span_names_the_phrase_it_matched(seed_text: str, rules_tagger: ThemeTagger) -> None:
    """A span's ``evidence_index`` is the place in ``evidence`` of the phrase that is exactly
    the text at its offsets (phrases are kept as written, not case-folded), so the report need
    not pair phrases with spans by length: on the seed article and every bundled sample
    article, for every theme with evidence, above its threshold or not."""
    from media_analytics.resources import sample_dir

    articles = [("", clean_article(seed_text).text)]
    for path in sorted(sample_dir().glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                article = json.loads(line)
                articles.append((article["title"], clean_article(article["text"]).text))
    assert len(articles) > 300
    n_spans = 0
    for title, text in articles:
        result = rules_tagger.tag(text, title)
        for theme in result.scores:
            entry = result.explain(theme)
            evidence = entry["evidence"]
            named = set()
            for span in entry["spans"]:
                source = title if span["field"] == "title" else text
                j = span["evidence_index"]
                assert type(j) is int and 0 <= j < len(evidence), (title, theme, span)
                assert evidence[j] == source[span["start"] : span["end"]], (title, theme, span)
                # a phrase is taken on its first match: the next place, or one named before
                assert j in named or j == len(named), (title, theme, span)
                named.add(j)
                n_spans += 1
            assert named == set(range(len(evidence))), (title, theme)
    assert n_spans > 1000


def test_unrelated_news_gets_no_theme(rules_tagger: ThemeTagger) -> None:
    for text in [
        "Harga cabai rawit di Pasar Induk turun menjadi Rp30.000 per kilogram setelah panen raya.",
        "Tim sepak bola PSIS menang 2-0 atas tamunya dalam laga yang dijaga 400 personel polisi.",
        "Banjir merendam 200 rumah warga di Kecamatan Bukit Kapur setelah hujan deras semalam.",
    ]:
        assert rules_tagger.tag(text).themes() == [], text


def test_veto_cue_cancels_a_false_hit(rules_tagger: ThemeTagger) -> None:
    text = (
        "Polres Dumai menyiagakan 300 personel untuk pengamanan konser musik di lapangan kota. "
        "Personel disiagakan di setiap pintu masuk."
    )
    assert "pilkada_security" not in {t["theme"] for t in rules_tagger.tag(text).themes()}


def test_stems_match_derived_forms(rules_tagger: ThemeTagger) -> None:
    text = "Ratusan polisi mengamankan jalannya pemungutan suara Pilkada di 512 TPS."
    result = rules_tagger.tag(text, title="Polisi Amankan Pemungutan Suara Pilkada")
    assert "pilkada_security" in {t["theme"] for t in result.themes()}


def test_new_theme_from_the_file_is_tagged_without_code(tmp_path: Path) -> None:
    base = Path(Taxonomy.load().source).read_text(encoding="utf-8")
    extra = """
[[themes]]
id = "flood_response"
name_id = "Penanganan Banjir"
name_en = "Flood response"
description = "Emergency response to floods: evacuation, relief, shelters."
include = ["evacuation of flood victims", "relief for flood victims"]
exclude = ["flood forecasts without an event"]
phrases = ["korban banjir", "evakuasi warga", "posko pengungsian", "banjir bandang"]
terms = ["banjir", "pengungsi", "bpbd", "perahu karet"]
negative = ["banjir diskon"]
[[themes.near]]
a = ["evakuasi", "bantuan", "posko"]
b = ["banjir", "genangan"]
window = 8
"""
    path = tmp_path / "taxonomy.toml"
    path.write_text(base + extra, encoding="utf-8")
    tagger = ThemeTagger(taxonomy=Taxonomy.load(path)).fit([])
    hit = tagger.tag(
        "BPBD mengevakuasi korban banjir dengan perahu karet ke posko pengungsian di balai desa.",
        title="Ratusan Korban Banjir Dievakuasi",
    )
    assert [t["theme"] for t in hit.themes()] == ["flood_response"]
    miss = tagger.tag("Toko elektronik menggelar banjir diskon akhir tahun.", title="Banjir Diskon")
    assert "flood_response" not in {t["theme"] for t in miss.themes()}


def test_labels_and_retraining_in_one_call(tmp_path: Path) -> None:
    labels = tmp_path / "labels.csv"
    labels.write_text("id,public_dialogue,pilkada_security\nsample-a-001,1,\n", encoding="utf-8")
    assert read_label_file(labels) == {
        "sample-a-001": {"public_dialogue": 1, "pilkada_security": None}
    }
    tagger = train_tagger(labels=labels)
    assert tagger.learned_.any()
    bad = tmp_path / "bad.csv"
    bad.write_text("id,public_dialogue\nx,maybe\n", encoding="utf-8")
    with pytest.raises(
        ValueError, match=r"bad\.csv:2: article 'x': theme 'public_dialogue' must be 0, 1 or blank"
    ):
        read_label_file(bad)
    with pytest.raises(ValueError, match="none of the 1 ids of the theme labels is the id of a"):
        train_tagger(labels={"no-such-id": {"public_dialogue": 1}})
    typo = tmp_path / "typo.csv"
    typo.write_text("id,public_dialog\nsample-a-001,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="the taxonomy lacks: 'public_dialog'"):
        train_tagger(labels=typo)


def test_train_tagger_uses_the_labels_it_can_and_warns_of_the_others_as_train_does(
    tmp_path: Path, caplog
) -> None:
    # it raised for one id among no article, where `train --theme-labels` warns and goes on
    labels = tmp_path / "labels.csv"
    labels.write_text("id,public_dialogue\nsample-a-001,1\nclickid-doesnotexist,0\n", "utf-8")
    with caplog.at_level(logging.WARNING, logger="media_analytics.themes.training"):
        tagger = train_tagger(labels=labels)
    assert tagger.learned_.any()
    assert (
        "1 of 2 theme-labelled ids name no training article (first: 'clickid-doesnotexist'); "
        "their labels are not used"
    ) in caplog.text


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252", "utf-8-sig"])
def test_a_label_file_from_excel_is_read_in_its_encoding_with_any_case_of_header(
    tmp_path: Path, encoding: str, caplog
) -> None:
    # Excel's "Unicode text" (UTF-16) and "CSV" (Windows-1252) stopped the read with a bare
    # UnicodeDecodeError, and an "ID" column was not found
    labels = tmp_path / "labels.csv"
    labels.write_bytes("ID;Public_Dialogue\r\nclickid-é1;1\r\na2;0\r\n".encode(encoding))
    with caplog.at_level(logging.WARNING, logger="media_analytics.themes.training"):
        read = read_label_file(labels)
    assert read == {"clickid-é1": {"public_dialogue": 1}, "a2": {"public_dialogue": 0}}
    assert ("read as Windows-1252" in caplog.text) == (encoding == "cp1252")


def test_label_file_columns_that_hold_no_label_are_left_out(tmp_path: Path, caplog) -> None:
    # a spreadsheet kept while labelling: the headline and a note beside the theme columns
    labels = tmp_path / "labels.csv"
    labels.write_text(
        "id,judul,public_dialogue,catatan,pilkada_security\n"
        'a1,"Jumat Curhat, Warga Mengadu",1,jelas,\n'
        "a2,Harga Cabai Naik,0,,0\n",
        encoding="utf-8",
    )
    with caplog.at_level(logging.INFO, logger="media_analytics.themes.training"):
        read = read_label_file(labels)
    assert read == {
        "a1": {"public_dialogue": 1, "pilkada_security": None},
        "a2": {"public_dialogue": 0, "pilkada_security": 0},
    }
    assert "not label columns (no 0 or 1 in them): judul, catatan" in caplog.text
    # a column of 0/1 under another name is a label column (for another taxonomy's theme)
    assert read_label_file(labels, themes=["other"])["a2"] == {
        "public_dialogue": 0,
        "pilkada_security": 0,
    }


def test_thresholds_can_be_adjusted(rules_tagger: ThemeTagger) -> None:
    tagger = ThemeTagger(thresholds={"public_dialogue": 0.999}).fit([])
    text = "Kapolres menggelar Jumat Curhat untuk mendengar keluhan warga soal balap liar."
    assert "public_dialogue" in {t["theme"] for t in rules_tagger.tag(text).themes()}
    assert "public_dialogue" not in {t["theme"] for t in tagger.tag(text).themes()}
    tagger.set_threshold("public_dialogue", 0.3)
    assert "public_dialogue" in {t["theme"] for t in tagger.tag(text).themes()}
    with pytest.raises(KeyError):
        tagger.set_threshold("nope", 0.5)


@pytest.mark.parametrize("value", [0.0, 1.0])
def test_a_threshold_of_0_or_1_is_refused_saying_the_interval_is_open(value: float) -> None:
    # "between 0 and 1" read as allowing 1.0 (a theme switched off)
    tagger = ThemeTagger().fit([])
    message = rf"strictly between 0 and 1 \(0 < t < 1\), got {value}$"
    with pytest.raises(ValueError, match=message):
        tagger.set_threshold("public_dialogue", value)
    with pytest.raises(TaxonomyError, match=message):
        Taxonomy.from_dict({"themes": [{"id": "a", "phrases": ["x"], "threshold": value}]})


def test_predict_matches_tag(rules_tagger: ThemeTagger) -> None:
    texts = ["Jumat Curhat di Polsek membahas keluhan warga.", "Harga beras naik."]
    proba = rules_tagger.predict_proba(texts)
    for i, text in enumerate(texts):
        scores = rules_tagger.tag(text).scores
        np.testing.assert_allclose(proba[i], [scores[t] for t in rules_tagger.taxonomy_.ids])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"themes": []}, "at least one"),
        ({"themes": [{"id": "bad id", "phrases": ["x"]}]}, "must be a word"),
        ({"themes": [{"id": "a"}]}, "needs strong evidence, phrases or near rules"),
        ({"themes": [{"id": "a", "terms": ["x", "y"]}]}, "a theme of terms alone could never"),
        (
            {"themes": [{"id": "a", "phrases": ["x"], "colour": "red"}]},
            r"unknown field\(s\) \['colour'\]$",
        ),
        # a misspelt field is named with the one meant
        (
            {"themes": [{"id": "a", "phrases": ["x"], "phrase": ["y"]}]},
            r"unknown field\(s\) \['phrase'\] \(did you mean 'phrases'\?\)$",
        ),
        # the id itself misspelt (seen in a trial: "Id = ..." said only that the id was None)
        (
            {"themes": [{"Id": "a", "phrases": ["x"]}]},
            r"got None; unknown field\(s\) \['Id'\] \(did you mean 'id'\?\)$",
        ),
        (
            {"themes": [{"id": "a", "near": [{"a": ["p"], "b": ["q"], "windw": 5}]}]},
            r"near rule 1: unknown field\(s\) \['windw'\] \(did you mean 'window'\?\)$",
        ),
        ({"themes": [{"id": "a", "phrases": ["x"], "threshold": 2}]}, "between 0 and 1"),
        (
            {"themes": [{"id": "a", "phrases": ["x"]}, {"id": "a", "phrases": ["y"]}]},
            r"'a' appears twice \(themes 1 and 2\)",
        ),
        (
            {"themes": [{"id": "a", "phrases": ["x"]}], "theme": [{"id": "b", "phrases": ["y"]}]},
            r"unknown top-level key\(s\) \['theme'\] \(each theme is a \[\[themes\]\] table\)",
        ),
        (
            {"themes": [{"id": "a", "phrases": ["x"], "near": {"a": ["p"], "b": ["q"]}}]},
            r"own \[\[themes.near\]\] table \(double brackets\)",
        ),
        ({"themes": [{"id": "a", "near": [{"a": [], "b": ["q"]}]}]}, "near rule 1: 'a' is empty"),
        ({"version": 2, "themes": [{"id": "a", "phrases": ["x"]}]}, "version"),
        # wrong types were stored as their Python text, or a window of ``true`` as one word
        (
            {"themes": [{"id": "a", "phrases": ["x"], "name_id": ["Penanganan", "Banjir"]}]},
            r"^<dict>: theme 1 \(a\): 'name_id' must be text in quotes, got list$",
        ),
        (
            {"themes": [{"id": "a", "phrases": ["x"], "description": 5}]},
            r"theme 1 \(a\): 'description' must be text in quotes, got int$",
        ),
        (
            {"themes": [{"id": "a", "near": [{"a": ["p"], "b": ["q"], "window": True}]}]},
            r"theme 1 \(a\): near rule 1: 'window' must be 1..100 words",
        ),
        (
            {
                "themes": [
                    {"id": "a", "phrases": ["x"], "name_id": "Keamanan Pilkada"},
                    {"id": "b", "phrases": ["y"], "name_id": "Keamanan Pilkada"},
                ]
            },
            r"theme name_id 'Keamanan Pilkada' appears twice \(themes 1 and 2\)",
        ),
        (
            {"language": ["id"], "themes": [{"id": "a", "phrases": ["x"]}]},
            r"language must be a language code in quotes",
        ),
    ],
)
def test_taxonomy_errors_are_clear(data: dict, message: str) -> None:
    with pytest.raises(TaxonomyError, match=message):
        Taxonomy.from_dict(data)


@pytest.mark.parametrize(
    ("field", "seed", "message"),
    [
        (
            "phrases",
            "posko (banjir|pengungsian)",
            r"'\(' '\|' '\)' not allowed; seeds are plain words",
        ),
        ("phrases", "bpbd?", r"'\?' not allowed"),
        ("terms", "banjir.*bandang", r"'\*' not allowed"),
        ("negative", "***", r"'\*' not allowed"),
        ("phrases", "...", "holds no word"),
        ("terms", "dan yang", "made only of words the tagger skips"),
    ],
)
def test_seeds_that_are_patterns_or_hold_no_word_are_refused_at_load(
    tmp_path: Path, field: str, seed: str, message: str
) -> None:
    """They loaded and were quietly changed ("posko (banjir|pengungsian)" became the phrase
    "posko banjir pengungsian"), or failed only at training as "made only of function words"."""
    path = tmp_path / "taxonomy.toml"
    phrases = ["banjir bandang", seed] if field == "phrases" else ["banjir bandang"]
    extra = f"{field} = [{json.dumps(seed)}]\n" if field != "phrases" else ""
    path.write_text(
        f'[[themes]]\nid = "banjir"\nphrases = {json.dumps(phrases)}\n{extra}', encoding="utf-8"
    )
    with pytest.raises(TaxonomyError) as caught:
        Taxonomy.load(path)
    text = str(caught.value)
    assert text.startswith(f"{path}: theme 1 (banjir) {field}: {seed!r}") and "\n" not in text
    assert re.search(message, text)
    Taxonomy.from_dict({"themes": [{"id": "a", "phrases": ["Jum'at curhat", "covid-19", "s.h."]}]})


def test_with_theme_replaces_by_id(taxonomy: Taxonomy) -> None:
    t = Theme(id="public_dialogue", phrases=("jumat curhat",))
    assert taxonomy.with_theme(t)["public_dialogue"].phrases == ("jumat curhat",)


def test_the_default_tagger_is_rules_only_and_analyst_labels_add_the_classifier(
    tmp_path: Path,
) -> None:
    from media_analytics.themes.training import load_sample_labels

    taxonomy = Taxonomy.load()
    texts, titles, Y = load_sample_labels(taxonomy)
    default = ThemeTagger(taxonomy=taxonomy, calibrate=False).fit(texts, Y, titles=titles)
    assert default.vectorizer_ is None and not default.learned_.any()
    rules = ThemeTagger(taxonomy=taxonomy).fit([])
    np.testing.assert_allclose(
        default.predict_proba(texts[:20], titles=titles[:20]),
        rules.predict_proba(texts[:20], titles=titles[:20]),
    )
    labels = tmp_path / "labels.csv"
    labels.write_text("id,public_dialogue\nsample-a-001,1\n", encoding="utf-8")
    retrained = train_tagger(taxonomy, labels=labels)
    assert retrained.text_weights == {"public_dialogue": "auto"}
    assert retrained.vectorizer_ is not None
    assert set(retrained.share_cv_) == {"public_dialogue"}  # its share chosen on the labels
    assert train_tagger(taxonomy, labels=labels, text_weight=0.0).vectorizer_ is None


def test_train_tagger_with_labels_for_a_new_theme_leaves_the_other_themes_as_they_were() -> None:
    """The README's one-call retrain: labels for a theme the analyst added gave every theme a
    classifier share learnt from the fictional sample (and calibrated them on it), which lowered
    the election themes' recall on real news; now only the labelled theme learns, as with
    ``media-analytics train --theme-labels``."""
    from media_analytics.themes.training import read_sample_records

    base = Taxonomy.load()
    flood = Theme(id="banjir", phrases=("banjir bandang", "tanah longsor"), terms=("banjir",))
    taxonomy = base.with_theme(flood)
    records = read_sample_records()
    labels = {r["id"]: {"banjir": int(k < 6)} for k, r in enumerate(records[:12])}
    retrained = train_tagger(taxonomy, labels=labels)
    assert list(np.flatnonzero(retrained.learned_)) == [taxonomy.ids.index("banjir")]
    rules = ThemeTagger(taxonomy=taxonomy).fit([])
    texts = [clean_article(r["text"]).text for r in records[:40]]
    titles = [clean_article(r["title"]).text for r in records[:40]]
    others = [k for k, t in enumerate(taxonomy.ids) if t != "banjir"]
    np.testing.assert_allclose(
        retrained.predict_proba(texts, titles=titles)[:, others],
        rules.predict_proba(texts, titles=titles)[:, others],
    )


def test_analyst_labelled_themes_get_a_classifier_share_of_their_own() -> None:
    from media_analytics.themes.training import analyst_text_weights, load_sample_labels

    taxonomy = Taxonomy.load()
    texts, titles, Y = load_sample_labels(taxonomy)
    ids = taxonomy.ids
    # an analyst labelled public_dialogue; the sample's labels of the other themes stay as they are
    judged = {"x": {"public_dialogue": 1, "money_politics": None}}
    assert analyst_text_weights(judged) == {"public_dialogue": "auto"}
    shares = analyst_text_weights(judged, 0.3)
    assert shares == {"public_dialogue": 0.3}
    tagger = ThemeTagger(taxonomy=taxonomy, calibrate=False, text_weights=shares)
    tagger.fit(texts, Y, titles=titles)
    k = ids.index("public_dialogue")
    assert tagger.vectorizer_ is not None
    assert list(np.flatnonzero(tagger.learned_)) == [k]
    assert np.flatnonzero(np.abs(tagger.text_coef_).sum(axis=1)).tolist() == [k]
    rules = ThemeTagger(taxonomy=taxonomy).fit([])
    tokens = [f"{t} {x}".lower() for t, x in zip(titles[:20], texts[:20], strict=True)]
    mixed = tagger.predict_proba(texts[:20], titles=titles[:20], tokens=tokens)
    plain = rules.predict_proba(texts[:20], titles=titles[:20])
    others = [i for i in range(len(ids)) if i != k]
    np.testing.assert_allclose(mixed[:, others], plain[:, others])
    assert not np.allclose(mixed[:, k], plain[:, k])
    with pytest.raises(ValueError, match="unknown themes"):
        ThemeTagger(taxonomy=taxonomy, text_weights={"nope": 0.3}).fit(texts, Y, titles=titles)


def test_every_way_of_tagging_a_retrained_tagger_gives_the_same_scores() -> None:
    """tag, tag_many and predict_proba all read the text classifier an analyst's labels add
    (tag_many and predict_proba left it out when no tokens were passed)."""
    from media_analytics.preprocessing import clean_article
    from media_analytics.themes.training import SAMPLE_LABELLED_THEMES, read_sample_records

    records = read_sample_records()
    labels = {
        r["id"]: {t: int(t in r["gold"]["themes"]) for t in SAMPLE_LABELLED_THEMES} for r in records
    }
    tagger = train_tagger(labels=labels)
    assert tagger.learned_.any()
    texts = [clean_article(r["text"]).text for r in records[:60]]
    titles = [clean_article(r["title"]).text for r in records[:60]]
    one = np.array(
        [list(tagger.tag(x, t).scores.values()) for x, t in zip(texts, titles, strict=True)]
    )
    many = np.array([list(r.scores.values()) for r in tagger.tag_many(texts, titles)])
    proba = tagger.predict_proba(texts, titles=titles)
    np.testing.assert_allclose(many, one, atol=1e-12)
    np.testing.assert_allclose(proba, one, atol=1e-12)
    rules = ThemeTagger(taxonomy=tagger.taxonomy_).fit([])
    assert not np.allclose(rules.predict_proba(texts, titles=titles), one)  # the share counts


def test_a_lone_string_is_refused_not_read_letter_by_letter(rules_tagger: ThemeTagger) -> None:
    text = "Polres menggelar Jumat Curhat bersama warga untuk mendengar keluhan."
    for call in (rules_tagger.predict, rules_tagger.predict_proba, ThemeTagger().fit):
        with pytest.raises(ValueError, match="got a single string: wrap it in a list"):
            call(text)
    assert rules_tagger.predict([text]).shape == (1, len(rules_tagger.taxonomy_))


def test_one_phrase_alone_passes_in_the_lead_or_headline_but_not_further_down(
    rules_tagger: ThemeTagger,
) -> None:
    """What the PRIOR_WEIGHTS notes tell an analyst choosing phrases (they said one phrase alone
    always stayed under the threshold, but most news names its subject in the lead)."""
    phrase = "Polres menggelar operasi mantap praja hari ini."
    filler = "Harga cabai naik di pasar. Pedagang mengeluh sepi pembeli. "

    def score(text: str, title: str = "") -> float:
        return rules_tagger.tag(text, title).scores["pilkada_security"]

    assert score(filler + phrase) == pytest.approx(0.44, abs=0.01)
    assert score(filler + phrase + " Operasi mantap praja berlanjut.") == pytest.approx(
        0.49, abs=0.01
    )
    assert score(phrase) == pytest.approx(0.59, abs=0.01)
    assert score(filler, title="Operasi Mantap Praja digelar") == pytest.approx(0.72, abs=0.01)
    assert rules_tagger.thresholds_["pilkada_security"] == 0.5


def test_a_theme_with_a_context_is_tagged_only_beside_a_context_word() -> None:
    """Seen by an analyst on real news (CLICK-ID): vote buying tagged on bribery cases, election
    disputes on judicial reviews of the KPK law, civil-servant neutrality on appointments, none
    of them naming an election. ``context`` asks for one of its words in the article."""
    from media_analytics.themes import Taxonomy

    data = {
        "themes": [
            {
                "id": "vote_buying",
                "threshold": 0.5,
                "phrases": ["bagi-bagi uang", "suap"],
                "terms": ["amplop"],
                "context": ["pilkada", "pemilih", "politik uang"],
            },
            {"id": "bribery", "phrases": ["suap"]},
        ]
    }
    tagger = ThemeTagger(taxonomy=Taxonomy.from_dict(data)).fit([])
    title = "Tersangka Suap Bagi-bagi Uang kepada Pejabat"
    alone = "Penyidik menyita amplop. Tersangka suap itu bagi-bagi uang kepada pejabat dinas."
    plain = tagger.tag(alone, title)
    assert [t["theme"] for t in plain.themes()] == ["bribery"]
    why = plain.explain("vote_buying")
    assert why["without_context"] and not why["tagged"] and why["context"] == []
    assert why["score"] <= why["threshold"] / 2 and why["evidence"]  # the evidence still shown
    # the same with an election named: tagged, and the context word is no evidence of it
    text = alone + " Kejadian itu menjelang Pilkada di kabupaten tersebut."
    tagged = tagger.tag(text, title)
    entry = next(t for t in tagged.themes() if t["theme"] == "vote_buying")
    assert "Pilkada" not in entry["evidence"] and "context" not in entry
    why = tagged.explain("vote_buying")
    assert why["context"] == ["Pilkada"] and not why["without_context"] and why["tagged"]
    # predict, tag_many and tag agree
    proba = tagger.predict_proba([alone, text], titles=[title, title])
    many = tagger.tag_many([alone, text], [title, title])
    assert [round(r.scores["vote_buying"], 6) for r in many] == [
        round(float(p), 6) for p in proba[:, 0]
    ]
    assert many[0].without_context == {"vote_buying"} and many[1].without_context == set()
    # the taxonomy keeps its context when written out and read back
    assert Taxonomy.from_dict(tagger.taxonomy_.to_dict()).themes[0].context == (
        "pilkada", "pemilih", "politik uang"
    )  # fmt: skip


def test_near_rules_written_before_a_theme_s_keys_are_named_as_the_cause(tmp_path: Path) -> None:
    # seen in a trial: [[themes.near]] tables pasted between the next theme's [[themes]] header
    # and its keys took them, and the error said only that theme 2 had no id
    path = tmp_path / "taxonomy.toml"
    path.write_text(
        '[[themes]]\nid = "banjir"\nphrases = ["banjir bandang"]\n\n'
        '[[themes]]\n[[themes.near]]\na = ["reses"]\nb = ["warga"]\nwindow = 5\n\n'
        'id = "dialog"\nphrases = ["jumat curhat"]\n',
        encoding="utf-8",
    )
    with pytest.raises(TaxonomyError) as caught:
        Taxonomy.load(path)
    text = str(caught.value)
    assert "theme 2: 'id' must be a word" in text and "\n" not in text
    assert "its [[themes.near]] table holds id = 'dialog'" in text
    assert "write a theme's near rules after its keys" in text


def test_a_tag_result_shows_in_a_notebook_as_its_themes_and_evidence() -> None:
    # seen in a notebook: printing explain_themes(...) dumped every hit and the whole article
    tagger = ThemeTagger().fit([])
    text = "Polisi menggelar Jumat Curhat bersama warga untuk mendengar keluhan warga."
    result = tagger.tag(text, title="Jumat Curhat di Kudus")
    shown = repr(result).splitlines()
    assert shown[0] == "TagResult of 'Jumat Curhat di Kudus':"
    assert shown[1].startswith("  tagged  public_dialogue ") and "Jumat Curhat" in shown[1]
    assert text not in repr(result) and len(shown) <= 7
    assert repr(tagger.tag("Harga cabai naik.")) == "TagResult: no theme evidence"
