"""The rule matcher: proximity rules with two and three sides, offsets, and public dialogue."""

from __future__ import annotations

import logging

import pytest

from media_analytics.themes import RuleMatcher, Taxonomy, TaxonomyError, ThemeTagger
from media_analytics.themes.rules import sentence_spans

MEETING = {
    "themes": [
        {
            "id": "meeting",
            "terms": ["rapat"],
            "near": [
                {
                    "a": ["menemui", "bertemu"],
                    "b": ["warga", "nelayan"],
                    "c": ["bupati", "camat"],
                    "window": 6,
                }
            ],
        }
    ]
}


def _near(matcher: RuleMatcher, text: str) -> list[str]:
    return [text[h.start : h.end] for h in matcher.match(text) if h.kind == "near"]


def test_a_three_sided_rule_needs_all_three_in_one_stretch() -> None:
    m = RuleMatcher(Taxonomy.from_dict(MEETING))
    assert _near(m, "Bupati Karimun menemui nelayan di dermaga.") == [
        "Bupati Karimun menemui nelayan"
    ]
    # two sides only: no evidence
    assert _near(m, "Wartawan menemui nelayan di dermaga.") == []
    # the third side too far away, or in another sentence
    assert _near(m, "Bupati datang pagi tadi lalu lama kemudian menemui para nelayan.") == []
    assert _near(m, "Bupati tiba. Ia menemui nelayan.") == []


def test_an_office_and_the_public_word_that_follows_it_are_one_name_not_two_parties() -> None:
    """ "Camat Nelayan" (an office of a fishers' association) or "Kementerian Pemuda" is one name:
    its two words do not stand for the two sides of a meeting."""
    m = RuleMatcher(Taxonomy.from_dict(MEETING))
    assert _near(m, "Pengurus koperasi bertemu Camat Nelayan di aula.") == []
    # the office and the public written apart, even next to each other, are two parties
    assert _near(m, "Camat dan nelayan bertemu di aula.") == ["Camat dan nelayan bertemu"]
    assert _near(m, "Pengurus bertemu camat, nelayan ikut hadir.") == ["bertemu camat, nelayan"]


def test_near_rules_round_trip_and_reject_unknown_fields() -> None:
    tax = Taxonomy.from_dict(MEETING)
    rule = tax["meeting"].near[0]
    assert rule.c == ("bupati", "camat")
    assert Taxonomy.from_dict(tax.to_dict()) == tax
    two_sided = Taxonomy.from_dict({"themes": [{"id": "x", "near": [{"a": ["a"], "b": ["b"]}]}]})
    assert "c" not in two_sided.to_dict()["themes"][0]["near"][0]
    bad = {"themes": [{"id": "x", "near": [{"a": ["a"], "b": ["b"], "d": ["d"]}]}]}
    with pytest.raises(TaxonomyError, match=r"unknown field\(s\) \['d'\]"):
        Taxonomy.from_dict(bad)


def test_a_phrase_that_is_one_word_is_reported(caplog: pytest.LogCaptureFixture) -> None:
    tax = Taxonomy.from_dict({"themes": [{"id": "x", "phrases": ["audiensi dengan"]}]})
    with caplog.at_level(logging.WARNING, logger="media_analytics.themes.rules"):
        RuleMatcher(tax)
    assert "matches 'audiensi' alone" in caplog.text


def test_offsets_survive_characters_whose_lower_case_is_longer() -> None:
    # "İ" lower-cases to two characters and the Kelvin sign to an ASCII "k"
    m = RuleMatcher(Taxonomy.from_dict(MEETING))
    for text in (
        "İzmir, İstanbul: Bupati Karimun menemui nelayan di dermaga.",
        "\u212aABAR: Camat menemui warga di balai desa.",
    ):
        hits = m.match(text)
        assert hits, text
        for h in hits:
            assert text[h.start : h.end].split()[0].lower() in {"bupati", "camat", "rapat"}


def test_scraped_paragraph_joins_end_a_sentence() -> None:
    # CLICK-ID joins paragraphs with ".," and no space; a rule must not pair words across them
    text = 'Bupati tiba di Jakarta.,Menurut dia, nelayan menunggu.,"Kami senang," ujarnya.'
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Bupati tiba di Jakarta.,",
        "Menurut dia, nelayan menunggu.,",
        '"Kami senang," ujarnya.',
    ]
    m = RuleMatcher(Taxonomy.from_dict(MEETING))
    assert _near(m, "Bupati tiba.,Menemui nelayan di dermaga.") == []
    # a comma after an abbreviation or inside a sentence does not end it
    assert len(sentence_spans("Kapolsek Anra, S.H., hadir. Warga senang.")) == 2


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Ya!!! Dia datang.", ["Ya!!!", "Dia datang."]),
        ("...Awal. Akhir", ["...Awal.", "Akhir"]),
        (". Awal", [".", "Awal"]),
        ("Satu.\n\n\nDua", ["Satu.", "Dua"]),
        ('Apa?" Tanya dia.', ['Apa?"', "Tanya dia."]),
        ("Harga naik...... Warga mengeluh.", ["Harga naik......", "Warga mengeluh."]),
        ("Tiba di Jakarta!?,Menurut dia", ["Tiba di Jakarta!?,", "Menurut dia"]),
        ("\n\nSatu. 2 orang.", ["Satu.", "2 orang."]),
        ("PT. Jaya. Ia?", ["PT. Jaya.", "Ia?"]),
    ],
)
def test_sentence_ends_at_runs_of_marks_and_line_breaks(text: str, sentences: list[str]) -> None:
    # a run of marks ends one sentence where its first mark stands, and the marks found first
    # are checked by looking behind them (see _SENT_END)
    assert [text[a:b] for a, b in sentence_spans(text)] == sentences


def test_blockers_round_trip_and_must_be_single_words() -> None:
    data = {"themes": [dict(MEETING["themes"][0], blockers=["Tidak", "akan"])]}
    tax = Taxonomy.from_dict(data)
    assert tax["meeting"].blockers == ("tidak", "akan")
    assert Taxonomy.from_dict(tax.to_dict()) == tax
    assert "blockers" not in Taxonomy.from_dict(MEETING).to_dict()["themes"][0]
    m = RuleMatcher(tax)
    assert _near(m, "Bupati tidak menemui nelayan.") == []
    assert _near(m, "Bupati akan segera menemui nelayan.") == []
    assert _near(m, "Bupati menemui nelayan.") == ["Bupati menemui nelayan"]
    # further back than BLOCK_WINDOW words, a blocker says nothing about the act
    assert _near(m, "Tidak lama kemudian bupati datang dan menemui nelayan.") == [
        "bupati datang dan menemui nelayan"
    ]
    bad = {"themes": [dict(MEETING["themes"][0], blockers=["tidak mau"])]}
    with pytest.raises(TaxonomyError, match="single words"):
        Taxonomy.from_dict(bad)


def test_conditions_reach_further_back_within_the_sentence() -> None:
    data = {"themes": [dict(MEETING["themes"][0], blockers=["akan"], conditions=["Jika"])]}
    tax = Taxonomy.from_dict(data)
    assert tax["meeting"].conditions == ("jika",)
    assert Taxonomy.from_dict(tax.to_dict()) == tax
    assert "conditions" not in Taxonomy.from_dict(MEETING).to_dict()["themes"][0]
    m = RuleMatcher(tax)
    # a condition several words before the act makes it hypothetical ...
    assert _near(m, "Jika bupati dan para camat bersedia menemui nelayan, masalah selesai.") == []
    # ... a blocker that far back does not
    assert _near(m, "Akan tetapi bupati dan para camat akhirnya menemui nelayan.") == [
        "bupati dan para camat akhirnya menemui nelayan"
    ]
    # and a condition in the previous sentence says nothing about this one
    assert _near(m, "Jika hujan, rapat ditunda. Bupati menemui nelayan.") == [
        "Bupati menemui nelayan"
    ]
    bad = {"themes": [dict(MEETING["themes"][0], conditions=["kalau saja"])]}
    with pytest.raises(TaxonomyError, match="conditions are single words"):
        Taxonomy.from_dict(bad)


def test_the_lead_ends_after_the_second_sentence() -> None:
    m = RuleMatcher(Taxonomy.from_dict(MEETING))
    text = "Bupati tiba pagi. Ia menemui nelayan. Rapat selesai sore."
    assert m.analyse(text)[1] == sentence_spans(text)[1][1]
    assert m.analyse("Satu kalimat saja")[1] == len("Satu kalimat saja")
    assert m.analyse("")[1] == 0


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "Bupati Terima Audiensi Petani Soal Pupuk",
            "Bupati Sleman menerima audiensi perwakilan petani yang mengeluhkan harga pupuk. Ia "
            "berjanji membawa keluhan itu ke rapat dinas pertanian.",
        ),
        (
            "Warga Mengadu ke DPRD Soal Jalan Rusak",
            "Puluhan warga Desa Sukamaju mengadu ke DPRD soal jalan rusak. Ketua DPRD "
            "mendengarkan keluhan warga selama dua jam dan menjanjikan peninjauan lapangan.",
        ),
    ],
)
def test_two_way_contact_is_public_dialogue(tagger: ThemeTagger, title: str, text: str) -> None:
    assert "public_dialogue" in {t["theme"] for t in tagger.tag(text, title).themes()}


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (  # one-way: a protest voices demands, nobody is reported to listen
            "Mahasiswa Demo Tolak Kenaikan Pajak",
            "Ratusan mahasiswa berunjuk rasa di depan gedung DPRD untuk menyampaikan aspirasi "
            "menolak kenaikan pajak daerah.",
        ),
        (  # a meeting that was refused
            "Mahasiswa Tolak Temui Presiden",
            "Aliansi mahasiswa menolak menemui Presiden di Istana dan memilih melanjutkan aksi.",
        ),
        (  # no official and no public: a complaint inside a football squad
            "Pelatih Tanggapi Keluhan Pemain",
            "Pelatih menanggapi keluhan pemain soal jadwal latihan yang terlalu padat.",
        ),
        (  # an announcement
            "Jadwal Angkut Sampah Berubah",
            "Pemerintah kota mengumumkan jadwal baru pengangkutan sampah melalui siaran pers.",
        ),
    ],
)
def test_one_way_or_missing_contact_is_not(tagger: ThemeTagger, title: str, text: str) -> None:
    assert "public_dialogue" not in {t["theme"] for t in tagger.tag(text, title).themes()}


def test_a_root_seed_does_not_match_a_word_the_stemmer_maps_onto_it() -> None:
    # the stemmer reduces "relawan" (volunteer) to "rawan" (prone to trouble)
    tax = Taxonomy.from_dict(
        {
            "themes": [
                {"id": "risk", "terms": ["rawan"], "phrases": ["tps rawan"]},
                {"id": "helpers", "phrases": ["relawan paslon"]},
            ]
        }
    )
    m = RuleMatcher(tax)

    def seeds(text: str) -> set[str]:
        return {h.seed for h in m.match(text)}

    assert seeds("Ratusan relawan membagikan brosur di pasar.") == set()
    assert seeds("Bawaslu memetakan kerawanan di 40 TPS.") == {"rawan"}
    # (the term inside the phrase is the phrase's own word: one piece of evidence)
    assert seeds("Petugas menjaga TPS rawan di pegunungan.") == {"tps rawan"}
    assert seeds("Relawan paslon berkumpul di posko.") == {"relawan paslon"}
    assert seeds("Daerah itu rawan paslon bermasalah.") == {"rawan"}
    # nasal prefixes replace the first k, p, s or t of a root: still the same word
    visit_theme = {"id": "v", "phrases": ["kunjungan kerja"], "terms": ["sambang"]}
    visit = RuleMatcher(Taxonomy.from_dict({"themes": [visit_theme]}))
    assert [h.seed for h in visit.match("Bhabinkamtibmas menyambangi warga.")] == ["sambang"]


def test_an_ordered_rule_wants_its_first_word_first() -> None:
    rule = {"a": ["mengadu", "curhat"], "b": ["dprd", "bupati"], "window": 6, "ordered": True}
    tax = Taxonomy.from_dict({"themes": [{"id": "complaint", "near": [rule]}]})
    assert tax["complaint"].near[0].ordered
    assert Taxonomy.from_dict(tax.to_dict()) == tax
    m = RuleMatcher(tax)
    assert _near(m, "Puluhan petani mengadu ke DPRD soal pupuk.") == ["mengadu ke DPRD"]
    assert _near(m, "Anggota DPRD itu curhat soal lift yang macet.") == []
    plain = {"themes": [{"id": "c", "near": [rule | {"ordered": False}]}]}
    unordered = RuleMatcher(Taxonomy.from_dict(plain))
    assert _near(unordered, "Anggota DPRD itu curhat soal lift yang macet.") == ["DPRD itu curhat"]
    with pytest.raises(TaxonomyError, match="'ordered' must be true or false"):
        Taxonomy.from_dict({"themes": [{"id": "c", "near": [rule | {"ordered": "yes"}]}]})


def test_long_runs_of_sentence_marks_are_split_in_one_pass() -> None:
    """A run of 200,000 dots (a crawler's filler) used to take minutes: the pattern retried the
    run from each of its marks. Splitting it now takes as long as reading it."""
    from media_analytics.themes.rules import sentence_spans

    text = "Warga berkumpul" + "." * 200_000 + " Polisi berjaga?" + "!" * 200_000 + " Aman."
    spans = sentence_spans(text)
    assert [text[a:b][:15] for a, b in spans] == ["Warga berkumpul", "Polisi berjaga?", "Aman."]
    assert text[spans[0][0] : spans[0][1]].endswith(".")


def test_a_word_spelt_with_an_apostrophe_matches_its_seed() -> None:
    """News writes "Jum'at Curhat" as often as "Jumat Curhat": the seed is the same."""
    tax = Taxonomy.from_dict({"themes": [{"id": "d", "phrases": ["jumat curhat"]}]})
    matcher = RuleMatcher(tax)
    for text in ("Polres menggelar Jum'at Curhat di aula.", "Polres menggelar Jum’at Curhat."):
        (hit,) = [h for h in matcher.match(text) if h.kind == "phrase"]
        assert text[hit.start : hit.end] in ("Jum'at Curhat", "Jum’at Curhat")


def test_a_phrase_or_veto_cue_does_not_run_across_a_sentence_end() -> None:
    data = {
        "themes": [
            {
                "id": "vote_buying",
                "phrases": ["politik uang", "serangan fajar"],
                "negative": ["melalui dialog"],
            }
        ]
    }
    m = RuleMatcher(Taxonomy.from_dict(data))

    def found(text: str) -> list[tuple[str, str]]:
        return [(h.kind, text[h.start : h.end]) for h in m.match(text)]

    assert found("Bawaslu menindak politik uang di desa itu.") == [("phrase", "politik uang")]
    # the same words on either side of a full stop, a question mark or a line break are no phrase
    assert found("Warga menolak aksi politik. Uang bantuan dibagikan.") == []
    assert found("Siapa pelaku serangan? Fajar menyingsing.") == []
    assert found("Kampanye politik\nUang saku siswa naik.") == []
    # a veto cue likewise: "pekan lalu. Dialog" is not "melalui dialog", which cancels evidence
    text = "Bawaslu menindak politik uang pekan lalu. Dialog digelar hari ini."
    assert found(text) == [("phrase", "politik uang")]
    text = "Bawaslu menangani politik uang melalui dialog dengan warga."
    assert found(text) == [("vetoed", "politik uang"), ("negative", "melalui dialog")]


def test_a_phrase_does_not_run_across_a_clause_mark() -> None:
    # seen by an analyst on real news (CLICK-ID): "anggota Badan Pemeriksa Keuangan atau,
    # terpilih" matched the seed phrase "uang untuk memilih" (keuangan: uang; terpilih: pilih)
    data = {"themes": [{"id": "vote_buying", "phrases": ["uang untuk memilih", "politik uang"]}]}
    m = RuleMatcher(Taxonomy.from_dict(data))

    def found(text: str) -> list[str]:
        return [text[h.start : h.end] for h in m.match(text)]

    assert found("Pemilih diberi uang untuk memilih paslon nomor dua.") == ["uang untuk memilih"]
    assert found("Ia menyebut politik, uang, dan kekuasaan.") == []
    assert found("Dana (uang) untuk memilih bibit unggul.") == []
    assert found("Anggota Badan Pemeriksa Uang atau, terpilih akan ditetapkan.") == []


def test_money_is_not_finance_and_a_bribe_is_not_spoon_feeding() -> None:
    # seen by an analyst on real news (CLICK-ID): "Tradisi Menyuapi Anak Yatim" (spoon-feeding
    # orphans) tagged as vote buying by the seed "suap" (bribe); "Keuangan" (finance) is "uang"
    data = {"themes": [{"id": "vote_buying", "phrases": ["suap", "uang"]}]}
    m = RuleMatcher(Taxonomy.from_dict(data))

    def found(text: str) -> list[str]:
        return [text[h.start : h.end] for h in m.match(text)]

    assert found("Warga menyuapi anak yatim; anak-anak disuapi pemilik rumah.") == []
    assert found("Menteri Keuangan dan Badan Pemeriksa Keuangan hadir.") == []
    assert found("Ia diduga menyuap petugas dengan uang tunai.") == ["menyuap", "uang"]


def test_vetoes_are_shown_as_the_text_writes_them(tagger: ThemeTagger) -> None:
    text = (
        "Kapolres menggelar Jumat Curhat bersama warga di masjid. Pekan lalu, bupati tidak "
        "menemui warga yang berunjuk rasa."
    )
    explained = tagger.tag(text).explain("public_dialogue")
    # the cue "tidak ditemui" matched by stem; the explanation names the words in the article,
    # where they are and the taxonomy entry that matched them
    assert explained["vetoes"] == ["tidak menemui"]
    assert [text[s["start"] : s["end"]] for s in explained["veto_spans"]] == ["tidak menemui"]
    assert [s["seed"] for s in explained["veto_spans"]] == ["tidak ditemui"]


def test_a_derivation_of_another_sense_does_not_match_its_stem_alone() -> None:
    """``temu`` is to meet (bertemu, menemui, temu warga) and, with -kan, to find (ditemukan,
    menemukan, temuan): a seed of one sense does not match words of the other, whatever theme
    it is in; ``dengar`` (listen) is not ``terdengar`` (a sound was heard)."""
    tax = Taxonomy.from_dict(
        {
            "themes": [
                {
                    "id": "meeting",
                    "phrases": ["temu warga"],
                    "terms": ["pertemuan"],
                    "negative": ["tidak ditemui"],
                    "near": [{"a": ["dengar"], "b": ["warga"], "window": 6}],
                },
                # an analyst's own theme, written with the "find" sense on purpose
                {"id": "found", "phrases": ["ditemukan warga"], "terms": ["temuan"]},
            ]
        }
    )
    m = RuleMatcher(tax)

    def found(text: str) -> list[tuple[str, str, str]]:
        return [(h.theme, h.kind, text[h.start : h.end]) for h in m.match(text)]

    # seen on real news (CLICK-ID): a body found by residents, a residents' finding, a blast
    # that was heard; none is a meeting
    assert found("Mayat bayi itu pertama kali ditemukan warga di rumah kosong.") == [
        ("found", "phrase", "ditemukan warga")
    ]
    assert found("Polisi memeriksa temuan warga di gudang.") == [
        ("found", "phrase", "temuan warga"),  # (its term "temuan" is the phrase's own word)
    ]
    assert found("Pagi itu seorang pemulung menemukan warga tergeletak.") == [
        ("found", "phrase", "menemukan warga")
    ]
    assert found("Polisi mengevakuasi warga saat ledakan terdengar.") == []
    # a veto cue of the meeting sense: "tidak ditemukan" (not found) is not "tidak ditemui"
    assert found("Bupati menggelar temu warga; pelakunya tidak ditemukan.") == [
        ("meeting", "phrase", "temu warga")
    ]
    # the meeting sense still matches every form of it
    assert found("Bupati menggelar temu warga di balai desa.") == [
        ("meeting", "phrase", "temu warga")
    ]
    assert found("Dalam pertemuan itu bupati mendengarkan warga.") == [
        ("meeting", "term", "pertemuan"),
        ("meeting", "near", "mendengarkan warga"),
    ]
    assert found("Warga datang ke kantor bupati tetapi tidak ditemui.") == [
        ("meeting", "negative", "tidak ditemui")
    ]
    assert found("Bupati tidak menemui warga.") == [
        ("meeting", "negative", "tidak menemui"),
        ("meeting", "vetoed", "menemui warga"),
    ]


def test_the_house_of_representatives_is_no_representative() -> None:
    """``wakil rakyat`` (a legislator) does not match ``Dewan Perwakilan Rakyat``, the house whose
    building protesters meet in front of; ``perwakilan warga`` (a delegation) still matches."""
    tax = Taxonomy.from_dict(
        {
            "themes": [
                {
                    "id": "meeting",
                    "near": [
                        {"a": ["bertemu"], "b": ["massa"], "c": ["wakil rakyat"], "window": 10}
                    ],
                    "phrases": ["perwakilan warga"],
                }
            ]
        }
    )
    m = RuleMatcher(tax)

    def found(text: str) -> list[str]:
        return [text[h.start : h.end] for h in m.match(text)]

    assert found("Massa pro bertemu massa kontra di depan Gedung Dewan Perwakilan Rakyat.") == []
    assert found("Massa aksi bertemu wakil rakyat di ruang rapat.") == [
        "Massa aksi bertemu wakil rakyat"
    ]
    assert found("Bupati menerima perwakilan warga.") == ["perwakilan warga"]


def test_the_forms_of_another_sense_are_forms_of_their_stem() -> None:
    """Each written form listed under a stem stems to it: a form the stemmer maps elsewhere
    would never be looked at, and its entry would do nothing."""
    from media_analytics.preprocessing import stem
    from media_analytics.themes.rules import OTHER_SENSES

    assert OTHER_SENSES
    for root, senses in OTHER_SENSES.items():
        for sense, forms in senses.items():
            assert sense and forms, root
            for form in forms:
                assert stem(form) == root, (root, sense, form)
                assert form != root, "the root itself is the stem's own sense"


def test_explain_names_the_taxonomy_entry_behind_each_piece_of_evidence(
    tagger: ThemeTagger,
) -> None:
    """An analyst who reads a wrong tag sees what to edit: the phrase, term or proximity rule."""
    title = "Bupati Gelar Temu Warga"
    text = "Bupati menemui warga di balai desa. Warga menyampaikan keluhan soal jalan."
    explained = tagger.tag(text, title).explain("public_dialogue")
    seeds = {(s["kind"], s["seed"]) for s in explained["spans"]}
    assert ("phrase", "temu warga") in seeds
    assert ("term", "keluhan") in seeds
    # a proximity rule is named by its number among the theme's rules and the cues it paired
    near = [s["seed"] for s in explained["spans"] if s["kind"] == "near"]
    assert near and all(s.startswith("near") for s in near)
    assert any("menemui" in s and "warga" in s for s in near), near
    # the record's themes carry the same spans
    (record,) = [t for t in tagger.tag(text, title).themes() if t["theme"] == "public_dialogue"]
    assert record["spans"] == explained["spans"]


TRAFFIC = {
    "themes": [
        {
            "id": "traffic_operation",
            "near": [{"a": ["operasi"], "b": ["lalu lintas"], "window": 10}],
        }
    ]
}


def test_a_near_rule_counts_content_words_and_its_evidence_holds_whole_cues() -> None:
    # seen on real news (a user's rule, CLICK-ID clickid-e59ee9e46102): evidence 14 words long
    # for a window of 10, ending "tertib berlalu" with the cue "lalu lintas" cut in two
    text = (
        "Jenis operasi ini biasanya dilakukan menjelang akhir tahun dan bertujuan untuk "
        "menumbuhkan kesadaran tertib berlalu lintas pada masyarakat."
    )
    (found,) = _near(RuleMatcher(Taxonomy.from_dict(TRAFFIC)), text)
    assert found.endswith("tertib berlalu lintas")
    assert found.startswith("operasi ini biasanya")
    # the window counts the words that are not function words (GAP_WORDS: "ini", "menjelang",
    # "dan", "untuk" here), from the first word of one cue to the first word of the other:
    # "berlalu" is the 9th after "operasi", so a window of 9 pairs them and one of 8 does not
    for window, pairs in ((9, True), (8, False)):
        rule = {**TRAFFIC["themes"][0]["near"][0], "window": window}
        tax = Taxonomy.from_dict({"themes": [{"id": "t", "near": [rule]}]})
        assert bool(_near(RuleMatcher(tax), text)) is pairs, window


@pytest.mark.shared_data
def test_near_evidence_of_real_news_points_at_whole_cues_in_the_article() -> None:
    import csv

    from media_analytics.preprocessing import clean_article

    from ..conftest import shared_file

    path = shared_file("corpora/clickid-news-articles/clickid_articles_80.csv")
    csv.field_size_limit(1 << 30)
    with path.open(newline="", encoding="utf-8") as f:
        (row,) = [r for r in csv.DictReader(f) if r["article_id"] == "clickid-e59ee9e46102"]
    text = clean_article(row["content"]).text
    tagger = ThemeTagger(taxonomy=Taxonomy.from_dict(TRAFFIC)).fit([])
    explained = tagger.tag(text, row["title"]).explain("traffic_operation")
    assert explained["evidence"]
    for span in explained["spans"]:
        source = text if span["field"] == "text" else row["title"]
        words = source[span["start"] : span["end"]]
        assert words in explained["evidence"]
        # a cue is never cut: the evidence ends on the whole of "berlalu lintas"
        assert words.lower().endswith(("lalu lintas", "operasi")), words


def test_a_term_inside_a_phrase_of_its_theme_is_the_phrase_s_word_not_more_evidence() -> None:
    # seen by an analyst: the default's money_politics evidence listed "Politik Uang" and "Uang"
    # for one mention, and the term added weight that the phrase already stood for
    theme = {"id": "vote_buying", "phrases": ["politik uang"], "terms": ["uang", "amplop"]}
    tax = Taxonomy.from_dict({"themes": [theme]})
    m = RuleMatcher(tax)
    text = "Bawaslu menemukan politik uang di Desa Sukamaju."
    assert [(h.kind, text[h.start : h.end]) for h in m.match(text)] == [("phrase", "politik uang")]
    # the same word elsewhere is a term of its own
    text = "Bawaslu menemukan politik uang. Uang dibagikan dalam amplop."
    hits = [(h.kind, text[h.start : h.end]) for h in m.match(text)]
    assert hits == [("phrase", "politik uang"), ("term", "Uang"), ("term", "amplop")]
    # another theme's term inside this theme's phrase still counts for that theme
    two = Taxonomy.from_dict(
        {
            "themes": [
                {"id": "vote_buying", "phrases": ["politik uang"]},
                {"id": "economy", "phrases": ["nilai tukar"], "terms": ["uang"]},
            ]
        }
    )
    hits = RuleMatcher(two).match("Bawaslu menemukan politik uang.")
    assert {(h.theme, h.kind) for h in hits} == {("vote_buying", "phrase"), ("economy", "term")}
