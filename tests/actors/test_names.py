"""person_groups and read_name_table: one name per person across articles."""

from __future__ import annotations

import pytest

from media_analytics.actors import extract_actors, org_groups, person_groups, read_name_table
from media_analytics.actors.names import resolve_name_table


def test_longer_and_shorter_forms_initials_and_old_spellings_join():
    counts = {
        "Sri Mulyani": 9,
        "Sri Mulyani Indrawati": 4,
        "Bacharuddin Jusuf Habibie": 7,
        "B.J. Habibie": 2,
        "Luhut Binsar Pandjaitan": 1,
        "Luhut Binsar Panjaitan": 5,
        "Laode M. Syarif": 3,
        "Laode M Syarif": 6,
    }
    assert person_groups(counts) == {
        "Sri Mulyani Indrawati": "Sri Mulyani",
        "B.J. Habibie": "Bacharuddin Jusuf Habibie",
        "Luhut Binsar Pandjaitan": "Luhut Binsar Panjaitan",
        "Laode M. Syarif": "Laode M Syarif",
    }


def test_a_form_two_people_could_bear_stays_as_written():
    counts = {
        "Agus Wibowo": 3,
        "Agus Tri Wibowo": 4,
        "Agus Wibowo Santoso": 4,
        "Budi": 6,
        "Budi Gunawan": 9,
        "Budi Santoso": 5,
        # an initial of the longer form does not stand for a word of the shorter one
        "Mohamad Oemar": 2,
        "M. Husseyn Umar": 3,
    }
    assert person_groups(counts) == {}


def test_a_wife_named_by_her_husbands_name_is_not_him():
    # seen on CLICK-ID: the first lady's stories counted under the president in reports
    counts = {
        "Joko Widodo": 80,
        "Iriana Joko Widodo": 6,
        "Iriana": 3,
        "Ridwan Kamil": 30,
        "Atalia Ridwan Kamil": 4,
        "Atalia": 2,
        # a word news leaves out of a name, though also a name used alone elsewhere
        "Tito Karnavian": 40,
        "Muhammad Tito Karnavian": 5,
        "Muhammad": 2,
        # a longer form whose first word nobody is called alone: still one person
        "Haris Azhar": 20,
        "Lokataru Haris Azhar": 1,
    }
    groups = person_groups(counts)
    assert "Iriana Joko Widodo" not in groups and "Atalia Ridwan Kamil" not in groups
    assert groups["Iriana"] == "Iriana Joko Widodo" and groups["Atalia"] == "Atalia Ridwan Kamil"
    assert groups["Muhammad Tito Karnavian"] == "Tito Karnavian"
    assert groups["Lokataru Haris Azhar"] == "Haris Azhar"
    # the given name before a less used shorter form is the person's own: one person
    assert person_groups({"Luhut Binsar Panjaitan": 40, "Binsar Panjaitan": 2, "Luhut": 9}) == {
        "Binsar Panjaitan": "Luhut Binsar Panjaitan",
        "Luhut": "Luhut Binsar Panjaitan",
    }


def test_a_stray_rare_longer_form_does_not_make_a_name_two_people():
    # seen on real news: one article's form run over a full stop, beside 118 articles
    counts = {"Sri Mulyani": 75, "Sri Mulyani Indrawati": 43, "Lembaga. Sri Mulyani": 1}
    assert person_groups(counts) == {"Sri Mulyani Indrawati": "Sri Mulyani"}
    # a misspelling seen once does not split a minister's forms either
    counts = {
        "Yasonna Laoly": 85,
        "Yasonna H. Laoly": 17,
        "Yasonna Hamonangan Laoly": 8,
        "Yasonna Hamonganan Laoly": 1,
    }
    assert person_groups(counts) == {
        "Yasonna H. Laoly": "Yasonna Laoly",
        "Yasonna Hamonangan Laoly": "Yasonna Laoly",
    }
    # a longer form seen often enough, or not much less often than the other, is someone else
    for other in (3, 5):
        counts = {"Agus Wibowo": 30, "Agus Tri Wibowo": 40, "Agus Wibowo Santoso": other}
        assert person_groups(counts) == {}
    assert person_groups({"Agus Wibowo": 3, "Agus Tri Wibowo": 4, "Agus Wibowo Santoso": 1}) == {}
    # several rare forms are several people more likely than strays (seen on real news)
    counts = {
        "M Ikhsan": 3,
        "M Ikhsan Rosan": 11,
        "Muhamad Ikhsan": 1,
        "Mukhtar Ikhsan": 1,
        "M Ikhsan Asad": 1,
    }
    assert person_groups(counts) == {}
    # the analyst's table names no stray form
    counts = {"Agus Wibowo": 30, "Agus Tri Wibowo": 40, "Agus Wibowo Santoso": 1}
    assert person_groups(counts) == {"Agus Wibowo": "Agus Tri Wibowo"}
    table = {"Agus Wibowo Santoso": "Agus Wibowo Santoso"}
    assert person_groups(counts, table=table) == {}


def test_a_lone_given_name_joins_only_a_well_established_full_name():
    assert person_groups({"Anies": 5, "Anies Baswedan": 8}) == {"Anies": "Anies Baswedan"}
    # used alone more often than the one full name, or beside a rare one: someone else
    assert person_groups({"Shakira": 6, "Shakira Aurum": 5}) == {}
    assert person_groups({"Hesty": 1, "Hesty Yuanita": 2}) == {}
    assert person_groups({"Hesty": 1, "Hesty Yuanita": 2}, min_full=2) == {"Hesty": "Hesty Yuanita"}
    # two spellings of one word alone: too little to tell
    assert person_groups({"Rony": 1, "Ronny": 1}) == {}


def test_a_name_many_people_bear_joins_a_well_known_person_only_with_the_office():
    # seen by a newsroom researcher on 2025 news: a murder victim "Sri" counted as the finance
    # minister (her quotes in the minister's row of top speakers), a detective "Iptu Hartono"
    # (9 quotes) as BPS's Ateng Hartono, a school cook "Dian" as KPK's Dian Patria
    counts = {"Sri Mulyani Indrawati": 40, "Sri": 1, "Ateng Hartono": 12, "Hartono": 1}
    roles = {
        "Sri Mulyani Indrawati": {"Menteri Keuangan": 35},
        "Ateng Hartono": {"Deputi Bidang Statistik Sosial BPS": 10},
        "Hartono": {"Kasat Reskrim Polres Sukabumi": 1},
    }
    assert person_groups(counts, roles=roles) == {}
    # the story gives the word the person's office: that person
    minister = {**roles, "Sri": {"Menkeu": 1}}
    assert person_groups(counts, roles=minister) == {"Sri": "Sri Mulyani Indrawati"}
    # a word fewer people bear joins as before
    assert person_groups({"Anies": 5, "Anies Baswedan": 8}) == {"Anies": "Anies Baswedan"}


def test_a_word_given_a_rank_the_full_name_never_carries_stays_apart():
    # seen by a data journalist: a traffic officer "Iptu Zainuddin" counted under the
    # legislator Zainudin Amali, whose row of top speakers then showed the rank IPTU
    counts = {"Zainudin Amali": 34, "Zainuddin": 1, "Ahmad Luthfi": 20, "Luthfi": 3}
    roles = {"Zainudin Amali": {"Ketua Komisi II DPR": 30}}
    ranks = {"Zainuddin": {"iptu"}, "Ahmad Luthfi": {"irjen"}, "Luthfi": {"irjen"}}
    assert person_groups(counts, roles=roles, ranks=ranks) == {"Luthfi": "Ahmad Luthfi"}
    # without the ranks, as before
    assert person_groups(counts, roles=roles)["Zainuddin"] == "Zainudin Amali"


def test_a_child_named_after_a_parent_is_not_the_parent():
    # seen on 2025 news: PAN's faction chair Putri Zulkifli Hasan counted under her father
    counts = {"Zulkifli Hasan": 40, "Putri Zulkifli Hasan": 6}
    assert person_groups(counts) == {}
    # a word news leaves out of the name is still the one person
    assert person_groups({"Tito Karnavian": 40, "Muhammad Tito Karnavian": 5}) == {
        "Muhammad Tito Karnavian": "Tito Karnavian"
    }


def test_a_street_is_no_person() -> None:
    # seen on 2025 news: "Lorong KH Umar" (an alley in Palembang) read as a person Umar
    text = "Warga di Lorong KH Umar, Kecamatan Ilir Barat II, mengungsi sejak pagi."
    assert [a.name for a in extract_actors(text) if a.type == "person"] == []


def test_a_word_several_people_bear_joins_the_one_holding_the_office_it_is_given():
    # seen on 2025 news: "Presiden Prabowo" alone in 35 articles, beside the president's full
    # name and the police chief's, whose name ends with the same word
    counts = {"Prabowo": 35, "Prabowo Subianto": 106, "Listyo Sigit Prabowo": 7}
    assert person_groups(counts) == {}  # without offices: two people could bear it
    roles = {
        "Prabowo": {"Presiden": 30, "Ketua Umum Gerindra": 2},
        "Prabowo Subianto": {"Presiden Republik Indonesia": 80, "Presiden": 10},
        "Listyo Sigit Prabowo": {"Kapolri": 7},
    }
    assert person_groups(counts, roles=roles) == {"Prabowo": "Prabowo Subianto"}
    # the office of the police chief: his group, not the president's
    lone = {**roles, "Prabowo": {"Kapolri": 3}}
    assert person_groups({**counts, "Prabowo": 3}, roles=lone) == {
        "Prabowo": "Listyo Sigit Prabowo"
    }
    # ways of writing one office meet: a short form, a closing RI, a region's short name
    roles = {
        "Gibran": {"Wapres": 5},
        "Gibran Rakabuming Raka": {"Wakil Presiden RI": 20},
        "Gibran Putra": {"Ketua RT": 4},
    }
    counts = {"Gibran": 7, "Gibran Rakabuming Raka": 20, "Gibran Putra": 4}
    assert person_groups(counts, roles=roles) == {"Gibran": "Gibran Rakabuming Raka"}
    # an office held by no group, or by two, decides nothing
    assert person_groups(counts, roles={**roles, "Gibran": {"Bupati": 5}}) == {}
    assert person_groups(counts, roles={**roles, "Gibran Putra": {"Wapres": 1}}) == {}
    # and the group holding the office must still be established: used at least as often
    assert person_groups({**counts, "Gibran": 30}, roles=roles) == {}


def test_a_word_whose_other_holders_are_strays_joins_the_established_name():
    # seen on CLICK-ID: "Anies" alone in 52 articles, beside the governor's full name, a
    # misspelling once, another politician misspelt once and a verb the extraction took in
    counts = {
        "Anies": 52,
        "Anies Baswedan": 151,
        "Anies Rasyid Baswedan": 17,
        "Anies Basweda": 1,
        "Anies Matta": 1,
        "Kata Anies": 1,
    }
    assert person_groups(counts) == {
        "Anies": "Anies Baswedan",
        "Anies Rasyid Baswedan": "Anies Baswedan",
    }
    # what decides is how often the names holding the word are seen, not their groups: a
    # stray form that joined a well-known name is no more an owner of the word than another
    counts = {"Mercedes": 4, "Mercedes Lewis Hamilton": 1, "Lewis Hamilton": 40, "Mercedes Benz": 1}
    assert "Mercedes" not in person_groups(counts)
    # rare holders that together are not few beside the established one are other people
    counts = {"Rani": 3, "Azis Rani": 12, "Rani Saidi": 2, "Rani Ekawati": 2}
    assert "Rani" not in person_groups(counts)


def test_a_given_name_that_joined_a_full_name_does_not_name_the_group():
    # seen on CLICK-ID: "Yuliadi" alone more often than "Muhammad Yuliadi"
    counts = {"Yuliadi": 3, "Muhammad Yuliadi": 2, "M Yuliadi": 2}
    assert person_groups(counts) == {"Yuliadi": "Muhammad Yuliadi", "M Yuliadi": "Muhammad Yuliadi"}


def test_nicknames_need_the_articles_to_join_them_often_and_to_one_person():
    counts = {"Jokowi": 4, "Joko Widodo": 20, "Relawan Jokowi": 1}
    assert person_groups(counts, {("Jokowi", "Joko Widodo"): 6}) == {"Jokowi": "Joko Widodo"}
    assert person_groups(counts, {("Jokowi", "Joko Widodo"): 4}) == {}
    split = {("Jokowi", "Joko Widodo"): 6, ("Jokowi", "Joko Susilo"): 3}
    assert person_groups({**counts, "Joko Susilo": 3}, split) == {}


def test_a_two_word_nickname_joins_only_when_it_opens_with_a_word_of_address():
    # seen on 2025 news: 14 articles write "Menteri Sosial Saifullah Yusuf (Gus Ipul)"; five
    # stories and 38 quotes say only "Gus Ipul"
    counts = {"Saifullah Yusuf": 19, "Gus Ipul": 5}
    links = {("Gus Ipul", "Saifullah Yusuf"): 14}
    assert person_groups(counts, links) == {"Gus Ipul": "Saifullah Yusuf"}
    assert person_groups(counts, {("Gus Ipul", "Saifullah Yusuf"): 4}) == {}
    # the links are counted by person, whichever of its forms an article gives
    counts = {"Muhammad Yusuf Chudlori": 12, "Yusuf Chudlori": 3, "Gus Yusuf": 5}
    links = {("Gus Yusuf", "Muhammad Yusuf Chudlori"): 4, ("Gus Yusuf", "Yusuf Chudlori"): 2}
    assert person_groups(counts, links)["Gus Yusuf"] == "Muhammad Yusuf Chudlori"
    # other two-word links are too often a team or a film role
    counts = {"Marc Marquez": 40, "Repsol Honda": 6}
    assert person_groups(counts, {("Repsol Honda", "Marc Marquez"): 6}) == {}


def test_the_analysts_table_comes_first():
    counts = {"Sri Mulyani": 9, "Sri Mulyani Indrawati": 4, "Ani": 2}
    table = {"Sri Mulyani Indrawati": "Menkeu Sri Mulyani", "ani": "Sri Mulyani"}
    assert person_groups(counts, table=table) == {
        "Sri Mulyani Indrawati": "Menkeu Sri Mulyani",
        "Ani": "Sri Mulyani",
    }


def test_an_extracted_nickname_is_kept_in_the_record():
    text = (
        "Presiden Joko Widodo meresmikan jalan tol di Semarang. "
        '"Kami ingin distribusi barang lebih cepat," kata Jokowi.'
    )
    [person] = [a for a in extract_actors(text) if a.type == "person"]
    assert person.name == "Joko Widodo"
    assert person.to_dict()["aliases"] == ["Jokowi"]


def test_read_name_table(tmp_path):
    path = tmp_path / "names.csv"
    path.write_text("alias,name\nJokowi,Joko Widodo\n\nKorps Bhayangkara,Polri\n", encoding="utf-8")
    assert read_name_table(path) == {"Jokowi": "Joko Widodo", "Korps Bhayangkara": "Polri"}
    tsv = tmp_path / "names.tsv"
    tsv.write_text("alias\tname\nBamsoet\tBambang Soesatyo\n", encoding="utf-8")
    assert read_name_table(tsv) == {"Bamsoet": "Bambang Soesatyo"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("nama,alias\nJokowi,Joko Widodo\n", r"names\.csv:1: the first line must be"),
        ("alias,name\nJokowi,\n", r"names\.csv:2: a row needs an alias and a name"),
        (
            "alias,name\nJokowi,Joko Widodo\nJokowi,Joko Susilo\n",
            r"names\.csv:3: 'Jokowi' is given",
        ),
        ("alias,name\n--,Polri\n", r"names\.csv:2: '--' or 'Polri' holds no letters"),
    ],
)
def test_a_bad_name_table_names_the_line(tmp_path, text, message):
    path = tmp_path / "names.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        read_name_table(path)


def test_a_wording_opening_with_an_acronym_of_the_full_names_first_words_is_that_body():
    # seen on the detik Pilkada index: PDIP in 151 stories, PDI Perjuangan in 18 apart, because
    # the articles join PDIP to both wordings (4 and 2), neither in 80% of them
    counts = {"PDIP": 151, "PDI Perjuangan": 18, "Partai Demokrasi Indonesia Perjuangan": 2}
    links = {("PDIP", "PDI Perjuangan"): 4, ("PDIP", "Partai Demokrasi Indonesia Perjuangan"): 2}
    assert org_groups(counts, links) == {
        "PDI Perjuangan": "PDIP",
        "Partai Demokrasi Indonesia Perjuangan": "PDIP",
    }
    # letters that are not the first words' initials make another body
    counts = {"PDIP": 151, "PKB Perjuangan": 18, "Partai Demokrasi Indonesia Perjuangan": 2}
    links = {("PDIP", "PKB Perjuangan"): 4, ("PDIP", "Partai Demokrasi Indonesia Perjuangan"): 2}
    assert org_groups(counts, links) == {}


def test_an_organisations_short_form_and_wordings_join_where_the_articles_join_them():
    counts = {
        "KPK": 7,
        "Komisi Pemberantasan Korupsi": 9,
        "Komisi Pemberantasan Tindak Pidana Korupsi": 3,
        "Dewan Pengawas Komisi Pemberantasan Korupsi": 2,
        "Partai Golkar": 3,
        "Golkar": 2,
        "DPR RI": 4,
        "DPR": 6,
        "Komisi III DPR": 5,
    }
    links = {
        ("KPK", "Komisi Pemberantasan Korupsi"): 40,
        ("KPK", "Komisi Pemberantasan Tindak Pidana Korupsi"): 5,
        # a body inside it, joined by a slip of the extractor: not the body itself
        ("KPK", "Dewan Pengawas Komisi Pemberantasan Korupsi"): 5,
    }
    # (each group under its short form, not its most used one)
    assert org_groups(counts, links) == {
        "DPR RI": "DPR",
        "Komisi Pemberantasan Korupsi": "KPK",
        "Partai Golkar": "Golkar",
        "Komisi Pemberantasan Tindak Pidana Korupsi": "KPK",
    }
    # too few articles join them to a name the short form cannot stand for, or they join
    # the short form to two bodies alike
    assert "KPK" not in org_groups(counts, {("KPK", "Komisi III DPR"): 4})
    split = {("PSI", "Partai Solidaritas Indonesia"): 6, ("PSI", "Persatuan Sepakbola X"): 6}
    both = {"PSI": 3, "Partai Solidaritas Indonesia": 2, "Persatuan Sepakbola X": 2}
    assert org_groups(both, split) == {}


def test_a_name_table_that_is_not_utf8_names_the_file(tmp_path):
    path = tmp_path / "names.csv"
    path.write_bytes(b"alias,name\nSoekarno,Bung Karno\nCaf\xe9,Kafe\n")
    with pytest.raises(ValueError, match=r"names\.csv: not UTF-8 text"):
        read_name_table(path)


def test_an_initial_shared_by_two_people_joins_neither_whatever_else_is_named():
    two = {"Mahfud Nasir": 5, "Mulyadi Nasir": 4, "M. Nasir": 2}
    others = {"Mahfud MD": 9, "Mahfud Arifin": 3, "Mulyadi Jaya": 1, "Mulyadi Putra": 1}
    assert person_groups(two) == {}
    assert person_groups({**two, **others}) == {}


def test_a_word_already_read_as_one_persons_name_is_not_taken_by_a_nickname_link():
    counts = {"Ipul": 3, "Ahmad Ipul": 10, "Saifullah Yusuf": 30}
    assert person_groups(counts, {("Ipul", "Saifullah Yusuf"): 20}) == {"Ipul": "Ahmad Ipul"}


def test_the_tables_forms_stay_rivals_and_holders():
    counts = {"Budi": 6, "Budi Gunawan": 9, "Budi Santoso": 5}
    assert person_groups(counts, table={"BS": "Budi Santoso"}) == {}
    counts = {"Sri Mulyani": 9, "Sri Mulyani Indrawati": 4, "Ani": 2}
    assert person_groups(counts, table={"Ani": "Sri Mulyani"}) == {
        "Ani": "Sri Mulyani",
        "Sri Mulyani Indrawati": "Sri Mulyani",
    }


def test_chains_in_a_table_are_followed_and_circles_refused(tmp_path):
    assert resolve_name_table({"A Satu": "B Dua", "B Dua": "C Tiga"}) == {
        "A Satu": "C Tiga",
        "B Dua": "C Tiga",
    }
    with pytest.raises(ValueError, match="circle"):
        resolve_name_table({"A Satu": "B Dua", "B Dua": "A Satu"})
    path = tmp_path / "names.csv"
    path.write_text("alias,name\nJokowi,Joko Widodo\nJOKOWI,Presiden Jokowi\n", "utf-8")
    with pytest.raises(ValueError, match=r"names\.csv:3: 'JOKOWI' is given two names"):
        read_name_table(path)


def test_one_word_forms_that_differ_in_case_only_are_one_form():
    counts = {"Jokowi": 5, "JOKOWI": 2, "Jokowi.": 1, "Rony": 1, "Ronny": 1}
    assert person_groups(counts) == {"JOKOWI": "Jokowi", "Jokowi.": "Jokowi"}


def test_an_organisations_region_is_compared_however_it_is_written():
    counts = {
        "DPRD DKI": 4,
        "DPRD DKI Jakarta": 5,
        "DPRD Provinsi DKI Jakarta": 1,
        "Pemprov Jabar": 3,
        "Pemerintah Provinsi Jawa Barat": 2,
        "Pemkot Bogor": 3,
        "Pemkab Bogor": 2,
        "Pemerintah Kabupaten Bogor": 1,
    }
    # (each under its spelling of fewest words)
    assert org_groups(counts) == {
        "DPRD DKI Jakarta": "DPRD DKI",
        "DPRD Provinsi DKI Jakarta": "DPRD DKI",
        "Pemerintah Kabupaten Bogor": "Pemkab Bogor",
        "Pemerintah Provinsi Jawa Barat": "Pemprov Jabar",
    }


def test_a_full_name_few_articles_join_to_its_short_form_is_that_body():
    # seen on real news: report --actor Polri left out the 4 CLICK-ID stories naming
    # "Kepolisian Republik Indonesia (Polri)" (fewer than the 5 articles a short form needed),
    # and --actor KPK the misspelt "Komisi Pemberantsan Korupsi (KPK)"
    counts = {
        "Polri": 30, "Kepolisian Republik Indonesia": 4, "Bareskrim": 3,
        "Polda Metro Jaya": 8, "Kepolisian Daerah Metro Jaya": 1,
        "Kepolisian Daerah Jawa Tengah": 2,
        "KPK": 20, "Komisi Pemberantasan Korupsi": 25, "Komisi Pemberantsan Korupsi": 1,
        "Komisi Pemberantasan Korupsi Republik Indonesia": 1,
        "Dewan Pengawas Komisi Pemberantasan Korupsi": 1,
        "BPN": 5, "Badan Pertanahan Nasional": 3, "Badan Pemenangan Nasional": 2,
    }  # fmt: skip
    links = {
        ("Polri", "Kepolisian Republik Indonesia"): 4,
        ("Polri", "Bareskrim"): 2,  # "Bareskrim (Polri)": a unit of it, not the body
        ("Polri", "Kepolisian Daerah Jawa Tengah"): 1,  # a slip: a regional branch
        ("Polda Metro Jaya", "Kepolisian Daerah Metro Jaya"): 1,
        ("KPK", "Komisi Pemberantasan Korupsi"): 20,
        ("KPK", "Komisi Pemberantsan Korupsi"): 1,
        ("KPK", "Komisi Pemberantasan Korupsi Republik Indonesia"): 1,
        ("KPK", "Dewan Pengawas Komisi Pemberantasan Korupsi"): 1,
        # one short form of two bodies joins neither
        ("BPN", "Badan Pertanahan Nasional"): 3,
        ("BPN", "Badan Pemenangan Nasional"): 2,
    }
    assert org_groups(counts, links) == {
        "Kepolisian Daerah Metro Jaya": "Polda Metro Jaya",
        "Kepolisian Republik Indonesia": "Polri",
        "Komisi Pemberantasan Korupsi": "KPK",
        "Komisi Pemberantasan Korupsi Republik Indonesia": "KPK",
        "Komisi Pemberantsan Korupsi": "KPK",
    }
    # with the analyst's table, which comes first
    pinned = org_groups({**counts, "Korps Bhayangkara": 2}, links,
                        table={"Korps Bhayangkara": "Polri"})  # fmt: skip
    assert pinned["Korps Bhayangkara"] == pinned["Kepolisian Republik Indonesia"] == "Polri"


def test_a_police_unit_and_a_prosecutors_office_written_out_are_their_short_forms():
    # seen in a notebook on CLICK-ID news: "Kepolisian Daerah Jawa Timur" (17 articles) counted
    # apart from "Polda Jatim", "Polres Metro Jakarta Selatan" from "Polres Jakarta Selatan"
    counts = {
        "Polda Jatim": 22, "Polda Jawa Timur": 21, "Kepolisian Daerah Jawa Timur": 10,
        "Polda Jateng": 17, "Kepolisian Daerah Jawa Tengah": 6,
        "Polres Metro Jakarta Selatan": 11, "Polres Jakarta Selatan": 13,
        "Polresta Bogor": 3, "Kepolisian Resor Kota Bogor": 1, "Polres Bogor": 5,
        "Polrestabes Medan": 4, "Kepolisian Resor Kota Besar Medan": 2,
        "Kepolisian Sektor Tanah Abang": 1, "Polsek Tanah Abang": 3,
        "Kejati DKI": 5, "Kejaksaan Tinggi DKI Jakarta": 3,
        "Kejari Jaksel": 2, "Kejaksaan Negeri Jakarta Selatan": 4,
        "Kepolisian Resort Simeulue": 1, "Kepolisian Resor Simeulue": 1,
    }  # fmt: skip
    assert org_groups(counts) == {
        "Polda Jawa Timur": "Polda Jatim",
        "Kepolisian Daerah Jawa Timur": "Polda Jatim",
        "Kepolisian Daerah Jawa Tengah": "Polda Jateng",
        "Polres Metro Jakarta Selatan": "Polres Jakarta Selatan",
        "Kepolisian Resor Kota Bogor": "Polresta Bogor",  # the city's unit, not the regency's
        "Kepolisian Resor Kota Besar Medan": "Polrestabes Medan",
        "Kepolisian Sektor Tanah Abang": "Polsek Tanah Abang",
        "Kejaksaan Tinggi DKI Jakarta": "Kejati DKI",
        "Kejaksaan Negeri Jakarta Selatan": "Kejari Jaksel",
        "Kepolisian Resort Simeulue": "Kepolisian Resor Simeulue",
    }
