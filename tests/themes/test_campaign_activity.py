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

from ..conftest import clickid_articles, shared_file
from .conftest import themes_of

_PILKADA = "corpora/detik-pilkada-jateng-index/pilkada_jawa_tengah.csv"


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


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (  # a debate that is no election's
            "Tiga Calon Rektor Ikuti Debat Publik",
            "Tiga calon rektor akan menjalani debat publik di balai sidang kampus pekan depan.",
        ),
        (  # campaigners for a cause
            "Juru Kampanye Hutan Soroti Kabut Asap",
            "Juru kampanye hutan sebuah lembaga lingkungan menyebut kabut asap sudah terdeteksi "
            "sejak Januari.",
        ),
        (  # "tim pemenangan" as the stemmer reads it
            "Timnya Menang, Pelatih Puji Lini Tengah",
            "Pelatih itu memuji lini tengah setelah timnya menang 3-1 atas tamu dari Jepang.",
        ),
        (  # another country's election: it elects a prime minister, in a federal election
            "Perdana Menteri Minta Maaf soal Foto Lama",
            "Perdana menteri itu meminta maaf atas foto lamanya. Foto itu beredar sepekan "
            "menjelang kampanye pemilu federal. Masa kampanye berlangsung lima pekan.",
        ),
    ],
)
def test_campaign_cues_without_an_indonesian_election_are_no_campaign(
    tagger: ThemeTagger, title: str, text: str
) -> None:
    assert "campaign_activity" not in themes_of(tagger, title, text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Tim Pemenangan Konsolidasi Relawan di Posko",
            "Tim pemenangan paslon nomor urut 2 di Pilkada Kudus mengumpulkan relawan di posko.",
        ),
        (
            "Debat Publik Digelar Sabtu Malam",
            "KPU Kendal menggelar debat publik kedua paslon Pilbup Kendal pada Sabtu malam.",
        ),
        (
            "Ini Daftar Juru Kampanye Kedua Kubu",
            "KPU mengumumkan juru kampanye kedua pasangan calon di Pilgub Jateng.",
        ),
    ],
)
def test_the_same_cues_in_an_election_sentence_are_campaign(
    tagger: ThemeTagger, title: str, text: str
) -> None:
    assert "campaign_activity" in themes_of(tagger, title, text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # a campaign at a market: "pasar" is not "pemasaran", the marketing campaign it vetoes
        (
            "Sapa Pedagang Pasar Wage",
            "Calon bupati nomor urut 1 itu berkampanye di Pasar Wage, Purwokerto, dan menyapa para "
            "pedagang sayur.",
        ),
        # a feed's two-sentence summary: one candidate's promise or visit, in the lead only
        (
            "Seragam Sekolah Gratis Bila Terpilih",
            "Cagub nomor urut 3 berjanji menggratiskan seragam sekolah bagi siswa SD jika "
            "menang di Pilgub Jateng.",
        ),
        (
            "Blusukan ke Kampung Nelayan",
            "Usai blusukan di kampung nelayan, calon wali kota itu mendengarkan keluhan warga soal "
            "rob.",
        ),
    ],
)
def test_a_candidates_campaigning_or_promise_in_the_lead_is_campaign(
    tagger: ThemeTagger, title: str, text: str
) -> None:
    assert "campaign_activity" in themes_of(tagger, title, text)


def test_a_party_nominating_its_candidate_is_no_campaign(tagger: ThemeTagger) -> None:
    # nomination is excluded from the theme: "mengusung" a cagub is not a programme ("mengusung
    # program")
    title = "Partai Resmi Usung Mantan Kapolda"
    text = "DPP partai itu mengusung mantan kapolda sebagai cagub dalam Pilgub Jateng 2024."
    assert "campaign_activity" not in themes_of(tagger, title, text)


@pytest.mark.shared_data
@pytest.mark.slow
def test_unrelated_real_news_gets_no_campaign_theme_from_the_default_model(
    default_pipeline,
) -> None:
    # seen on real news: four of the eight campaign_activity tags on the first 3,000 CLICK-ID
    # articles, each with evidence that names no Indonesian election
    unrelated = {
        "clickid-04e13544e075",  # Norwich vs Man City: "Timnya Menang" read as "tim pemenangan"
        "clickid-15644ff89014",  # Canada's prime minister: "kampanye pemilu federal"
        "clickid-164f35d96bbb",  # Iran on Trump firing Bolton: the US "masa kampanye"
        "clickid-24e81c04e802",  # a musician challenges a celebrity to a "Debat Publik"
    }
    records = clickid_articles(keep=lambda row: row["article_id"] in unrelated)
    assert {r["id"] for r in records} == unrelated
    for record in default_pipeline.score(records, n_jobs=1):
        assert "campaign_activity" not in {t["theme"] for t in record["themes"]}, record["id"]


@pytest.mark.shared_data
@pytest.mark.slow
def test_campaign_teams_debates_and_campaigners_of_real_elections_are_still_found(
    default_pipeline,
) -> None:
    from media_analytics.corpus import load_detik_pilkada

    # seen on real news: the same cues in a sentence that names the election or its candidates
    wanted = (
        "/info-lur-ini-daftar-tim-kampanye-dan-petugas-andika-hendi-dan-luthfi-taj-yasin",
        "/deretan-tokoh-millenial-dan-gen-z-jatim-yang-dukung-khofifah-emil",
        "/pdip-tugaskan-ganjar-jadi-jurkam-di-pilkada-diy-hingga-jateng",
        "/verifikata-haru-sebut-perda-aksesibilitas-disabilitas-perlu-diusulkan",
        # a candidate's promises and ideas, told in the summary's first sentence
        "/risma-janjikan-pendidikan-dan-kesehatan-gratis-bila-menang-pilgub-jatim",
        "/closing-statement-luluk-lukman-janji-tak-ada-lagi-warga-jatim-nganggur",
        "/bem-unair-undang-3-srikandi-pilgub-jatim-adu-gagasan-di-kampus",
    )
    articles = [a for a in load_detik_pilkada(shared_file(_PILKADA)) if a.url.endswith(wanted)]
    assert len(articles) == len(wanted)
    for record in default_pipeline.score(articles, n_jobs=1):
        assert "campaign_activity" in {t["theme"] for t in record["themes"]}, record["title"]
