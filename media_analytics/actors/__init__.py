"""People, organisations and places in Indonesian news, and who said what.

Rule- and lexicon-based: the word lists live in ``actors/data/`` and the region list covers all
38 provinces, 514 regencies/cities and 7,285 districts.

>>> from media_analytics.actors import extract_actors, extract_quotes
>>> text = "“Kami siap,” ujar Kapolsek Bukit Kapur IPTU Budi Santoso di Kota Dumai."
>>> [(a.name, a.region["province"]) for a in extract_actors(text) if a.type == "place"]
[('Bukit Kapur', 'Riau'), ('Kota Dumai', 'Riau')]
>>> [(a.name, a.title, a.role) for a in extract_actors(text) if a.type == "person"]
[('Budi Santoso', 'IPTU', 'Kapolsek Bukit Kapur')]
>>> [(q.speaker, q.text) for q in extract_quotes(text)]
[('Budi Santoso', 'Kami siap')]
"""

from .extract import analyse, extract_actors
from .headline import (
    bodies_outside_body,
    dateline_regions,
    places_outside_body,
    tickets_outside_body,
)
from .model import Actor, Quote, canonical_key, normalize_name
from .names import name_words, org_groups, org_words, person_groups, read_name_table
from .quotes import extract_quotes, is_description, speakers_as_actors
from .regions import Region, get_gazetteer, lookup_region

__all__ = [
    "Actor",
    "Quote",
    "Region",
    "analyse",
    "bodies_outside_body",
    "canonical_key",
    "dateline_regions",
    "extract_actors",
    "extract_quotes",
    "get_gazetteer",
    "is_description",
    "lookup_region",
    "name_words",
    "normalize_name",
    "org_groups",
    "org_words",
    "person_groups",
    "places_outside_body",
    "read_name_table",
    "speakers_as_actors",
    "tickets_outside_body",
]
