"""An institution named only in a story's headline counts for it (share of voice), with no tone.

Seen on real news: a PR analyst counting KPK found 22 stories that named it in the headline
alone ("Imam Nahrawi Tersangka, KPK: Kemenpora Butuh Pembenahan"), the body writing "lembaga
antirasuah"; counted from the body, they were missing from KPK's share of voice.
"""

from __future__ import annotations

from media_analytics.reports import records_to_frames, share_of_voice

_ARTICLES = [
    {
        "id": "h-1",
        "title": "Menteri Jadi Tersangka, KPK: Kementerian Butuh Pembenahan",
        "text": "Lembaga antirasuah menetapkan menteri itu sebagai tersangka suap dana hibah. "
        "Juru bicara lembaga itu menyebut kementerian perlu membenahi tata kelola anggaran.",
        "published_at": "2024-10-01",
        "source": "Contoh",
    },
    {
        "id": "h-2",
        "title": "KPK Periksa Tiga Saksi",
        "text": "Komisi Pemberantasan Korupsi (KPK) memeriksa tiga saksi dalam kasus dana hibah "
        "di gedung Merah Putih, Jakarta.",
        "published_at": "2024-10-02",
        "source": "Contoh",
    },
    {
        "id": "h-3",
        "title": "Bawaslu Jateng Temukan Alat Peraga di Tempat Ibadah",
        "text": "Pengawas pemilu menertibkan 40 alat peraga kampanye yang dipasang di tempat "
        "ibadah selama sepekan terakhir.",
        "published_at": "2024-10-02",
        "source": "Contoh",
    },
]


def test_an_institution_named_in_the_headline_only_counts_for_it(default_pipeline) -> None:
    records = {r["id"]: r for r in default_pipeline.score(_ARTICLES, n_jobs=1)}
    only = [a for a in records["h-1"]["actors"] if a["name"] == "KPK"]
    assert len(only) == 1 and only[0]["named_in"] == ["title"] and only[0]["mentions"] == []
    assert not only[0].get("sentiment")  # no sentence of its own: no tone
    # a body that names it already: no second actor from the headline
    kpk = [a for a in records["h-2"]["actors"] if "KPK" in (a["name"], *a.get("aliases", []))]
    assert kpk and not any(a.get("named_in") for a in kpk)
    branch = [a for a in records["h-3"]["actors"] if a["type"] == "organization"]
    assert [(a["name"], a["named_in"]) for a in branch] == [("Bawaslu Jateng", ["title"])]
    data = records_to_frames(list(records.values()))
    voice = share_of_voice(data, "actor", names=["KPK"]).set_index("actor")
    assert voice.loc["KPK", "articles"] == 2
