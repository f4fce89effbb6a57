"""Which tokens of a phrase name a place: the place a chain of ``of`` phrases under a place noun names
("the southern department of Huila" -> Huila), the named place or anaphoric place noun a role holds
("evacuated its staff from the town"), and places that a town found further down is more specific than
(provinces, islands, the reference point of a direction, countries)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from kg.extract.nouns import (
    PLACE_LABELS,
    PROVINCE_NOUNS,
    before_direction,
    coordinated,
    is_place_like,
    names_place_noun,
    own_province,
    prep_objects,
    self_named,
    semantic_head,
    spatial_place,
    strong_place,
)
from kg.extract.people import ACTOR_NOUNS, PEOPLE_NOUNS
from kg.extract.tree import children
from kg.placewords import DIRECTION_WORDS, PART_OF_TOWN, SETTLEMENTS
from kg.resolve.gazcache import gazetteer
from kg.resolve.text import fold

__all__ = [
    "named_in", "route_ends", "heading", "inner_place", "in_group_name", "named_place", "acted_on",
    "told_within", "spatial_names", "destinations", "broad_place", "district_place", "located_by",
    "known_place", "ANAPHORIC_PLACES", "BROAD_NOUNS", "DIRECTION_WORDS", "DISTANCE_UNITS",
    "reference_point", "OF", "SPATIAL_PREPS",
]  # fmt: skip

OF = frozenset({"of"})
SPATIAL_PREPS = frozenset(
    {"in", "at", "near", "to", "into", "outside", "around", "across", "inside", "throughout", "within",
     "towards", "toward", "onto", "through", "along", "beyond", "off", "over", "behind", "out", "beside"}
)  # fmt: skip
OF_CHAIN_STEPS = 4  # "the zones of the sector of the peninsula of X": how deep a chain of place nouns goes


DISTANCE_UNITS = frozenset({"km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile"})


def reference_point(token: Token) -> bool:
    """A place named only to say where another lies: "south-west of Mosul", "40 km from Gao"."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("of", "from"):
        return False
    word = prep.head
    spelt = word.doc[word.i - 2 : word.i + 1].text.lower() if word.i > 1 else ""  # "south-west", 3 tokens
    before = word.doc[prep.i - 1] if prep.i > 0 else word  # "40 km from Gao", "km" hung on the verb
    return word.lower_ in DIRECTION_WORDS or spelt in DIRECTION_WORDS or before.lower_ in DISTANCE_UNITS


def heading(token: Token) -> bool:
    """ "Further west", "farther north": a direction opening a sentence (misread as a subject), no actor."""
    return token.lower_ in DIRECTION_WORDS and any(
        c.lower_ in ("further", "farther") for c in children(token)
    )


def named_in(token: Token) -> list[Token]:
    """The places a chain of ``of`` phrases under a place noun names, followed down while each step is a
    place noun: "the southern department of Huila" -> Huila, "the battle zones of the northern sector of the
    Wakhan corridor" -> corridor. Empty when the first step names no place, or when the place noun is named
    by its own modifier ("the Saratov region of Russia" is the Saratov region)."""
    if token.pos_ == "NOUN" and own_province(token):
        return []
    named = before_direction(token)
    if named is not token and _proper(named):
        # "in Maiwand district west of the city", the name parsed as the direction's compound: the district
        return [named]
    found: list[Token] = []
    step = [token]
    for _ in range(OF_CHAIN_STEPS):
        step = [o for t in step for _, o in prep_objects(t, OF)]
        step = [o for o in map(before_direction, step) if names_place_noun(o)]
        if not step:
            break
        found = step
        if any(strong_place(o) for o in step):
            break
    if found and self_named(token) and all(f.lemma_.lower() in PROVINCE_NOUNS for f in found):
        return []  # "the Bokkos area of Plateau state": the area is the more specific
    if found and self_named(token) and token.lemma_.lower() in PART_OF_TOWN:
        return [token, *found]  # "the Mawasi area of Khan Younis": the area, inside the town
    return found


def _proper(token: Token) -> bool:
    """A proper name, or a common noun a proper name modifies ("Maiwand district")."""
    return token.pos_ == "PROPN" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in children(token))


# place nouns that, with "the", point back to a place named before ("troops in the state"; kg.resolve.places)
ANAPHORIC_PLACES = frozenset({"town", "city", "village", "area", "capital", "territory", "enclave", "island"})
ANAPHORIC_PLACES |= {"region", "district", "province", "state"}


# a route is where the places it joins are: "ambushed a convoy on the road between Madaya and Singu"
ROUTE_NOUNS = frozenset({"road", "highway", "route", "motorway", "railway", "track", "trail", "stretch"})
ROUTE_PREPS = frozenset({"between", "from", "to", "linking", "connecting"})


def route_ends(obj: Token) -> list[Token]:
    """The named places a road runs between or from and to."""
    if obj.lemma_.lower() not in ROUTE_NOUNS:
        return []
    ends = [o for _, o in prep_objects(obj, ROUTE_PREPS) if strong_place(o)]
    ends += [o for c in children(obj) if c.dep_ == "acl" and c.lower_ in ROUTE_PREPS for o in children(c)
             if o.dep_ == "dobj" and strong_place(o)]  # fmt: skip
    return [p for o in ends for p in coordinated(o)]


@lru_cache(maxsize=1)
def _names_with_places() -> tuple[str, ...]:
    """The groups whose names hold a place ("al-Qaeda in the Arabian Peninsula"), folded, lower case."""
    from kg.resolve.actortable import actor_table

    return tuple(name.replace("-", " ") for name in actor_table().aliases if " in " in name)


def in_group_name(obj: Token) -> bool:
    """The object of an "in" phrase on a proper name is part of a group's name: one the actor table lists
    ("al-Qaeda in the Arabian Peninsula", also spelt "Al Qaeda in ..."), or one whose acronym follows in
    brackets, from the name's first letter to the place's ("Islamic State in West Africa Province
    (ISWAP)"). Either is a group, not a place of its act."""
    prep = obj.head
    if prep.lower_ != "in" or prep.head.pos_ != "PROPN":
        return False
    window = fold(obj.doc[max(0, prep.head.i - 4) : obj.i + 1].text).lower().replace("-", " ")
    if any(name in window for name in _names_with_places()):
        return True
    edge = prep.head.left_edge
    first = (edge.nbor() if edge.dep_ == "det" else edge).text[:1].upper()  # not "The" Islamic State
    return any(
        c.dep_ == "appos" and c.is_upper and len(c) >= 3 and c.text[0] == first and c.text[-1] == obj.text[0]
        for c in children(obj)
    )


def inner_place(obj: Token) -> list[Token]:
    """A named place, or the name a place noun gives ("the southern department of Huila" -> Huila, "the
    capital, Kabul" -> Kabul), or the places a road joins ("the road between Madaya and Singu"); not a place
    in a group's name."""
    if in_group_name(obj):
        return []
    ends = route_ends(obj)
    if ends:
        return ends
    named = [o for o in named_in(obj) if strong_place(o)]
    if obj.pos_ == "NOUN":  # "the capital Kabul", not "Bam, Iran"
        named += [c for c in children(obj) if c.dep_ == "appos" and strong_place(c)]
    if named and is_place_like(obj):
        return named
    if strong_place(obj) and spatial_place("in", obj):
        return list(coordinated(obj))
    if obj.lemma_.lower() in ANAPHORIC_PLACES and any(c.lower_ == "the" for c in children(obj)):
        return [obj]  # "evacuated its staff from the town": resolution finds which town
    return []


BROAD_NOUNS = PROVINCE_NOUNS | {"territory", "island", "department"}
# the divisions of a province ("Tinsukia district" lies in the state of Assam), and a named island in one
DISTRICT_NOUNS = frozenset(
    {"district", "county", "regency", "subdistrict", "tehsil", "taluka", "woreda", "raion", "cercle",
     "island"}
)  # fmt: skip


def broad_place(token: Token, countries: bool = True) -> bool:
    """A place a town found further down the phrases is more specific than: one named by a
    province-level noun ("Pakistan's Balochistan province", "Ramree island"), the reference point of a
    direction ("west of Kirkuk"), or (unless ``countries`` is False: a country named with a town is kept,
    it tells which town) a country."""
    head = semantic_head(token)
    if head.lemma_.lower() in BROAD_NOUNS:
        return True
    gov = token.head
    # "west of Kirkuk"; "the south-eastern province of Ghazni" (a province, though a city has its name)
    if gov.lower_ == "of" and (gov.head.lower_ in DIRECTION_WORDS or gov.head.lemma_.lower() in BROAD_NOUNS):
        return True
    # a country by its head word ("Sudan" of "South Sudan"): cheap, and a city never heads a country name
    return countries and head.ent_type_ == "GPE" and gazetteer().country(head.text) is not None


def district_place(token: Token) -> bool:
    """A place named by a district-level noun ("Tinsukia district", "the Andar district"): finer than the
    state or province it lies in, though a town is finer still."""
    return semantic_head(token).lemma_.lower() in DISTRICT_NOUNS and strong_place(token)


def named_place(obj: Token) -> list[Token]:
    """A named place, the one a chain of place nouns names ("the heart of the city of Homs"), or the name
    a place noun is in apposition to ("Kaya, the regional capital")."""
    obj = obj.head if obj.pos_ == "NOUN" and obj.dep_ == "appos" and strong_place(obj.head) else obj
    return [obj] if strong_place(obj) else [p for p in named_in(obj) if strong_place(p)]


def acted_on(head: Token) -> list[Token]:
    """A named place an event noun's clause acts on: "a strike that shut down Kathmandu" (relative
    clause), "the blast rocked Kabul" (the noun is the subject)."""
    verbs = [c for c in children(head) if c.dep_ == "relcl"]
    if head.dep_ == "nsubj" and head.head.pos_ == "VERB":
        verbs.append(head.head)
    return [
        o
        for verb in verbs
        for o in children(verb)
        if o.dep_ in ("dobj", "obj") and o.ent_type_ in PLACE_LABELS and strong_place(o)
    ]


def told_within(head: Token) -> list[Token]:
    """The places of a relative clause telling what happened in the event: "an ambush in which gunmen
    killed three men near the town of Rawa"."""
    clauses = [c for c in children(head) if c.dep_ == "relcl" and any(_in_which(p) for p in children(c))]
    return [p for c in clauses for p in spatial_names(c)]


def spatial_names(verb: Token) -> list[Token]:
    """The named places of a verb's own spatial phrases ("In Kandahar, X claimed ..."), and the place a
    verb of arrival takes ("troops reached Kodjena ... and detained eleven men")."""
    found = [o for w, o in prep_objects(verb, SPATIAL_PREPS) if spatial_place(w, o)]
    if verb.lemma_ in ARRIVALS:
        found += [o for o in children(verb) if o.dep_ == "dobj" and is_place_like(o)]
    return [p for o in found for p in named_place(o)]


def _in_which(prep: Token) -> bool:
    return prep.lower_ in ("in", "during") and any(o.lower_ == "which" for o in children(prep))


DESTINATION_PREPS = frozenset({"to", "into"})
ARRIVALS = frozenset({"reach", "enter"})


def destinations(force: Token) -> list[Token]:
    """Where forces are sent, in a "to" phrase the parser hung on the forces' phrase ("sent a unit of the
    52nd Brigade, which is based in Misrata, to Zawiya")."""
    objects = [o for t in [force, *(o for _, o in prep_objects(force, OF))] for o in _to_places(t)]
    return [p for o in objects for p in named_in(o) or [o]]


def _to_places(token: Token) -> list[Token]:
    return [o for w, o in prep_objects(token, DESTINATION_PREPS) if spatial_place(w, o) and strong_place(o)]


# the phrases a text locates a place by another with: "Lubarika, a village on the Ruzizi plain in South Kivu
# province", "Danderesso, a rural commune near Sikasso", "Frontera Comalapa in Chiapas"
LOCATING_PREPS = frozenset({"in", "near", "on", "outside", "inside", "close"})
LOCATING_STEPS = 4
TOWN_NOUNS = SETTLEMENTS


def located_by(place: Token) -> Token | None:
    """The named place a phrase locates by ``place``, which lies in or near it and is coarser: "fought for
    control of Lubarika, a village ... in South Kivu province" -> Lubarika, "residents of Frontera Comalapa in
    Chiapas" -> Frontera Comalapa. The way up passes locating phrases and appositions over common nouns
    that name no people ("a village on the Ruzizi plain"); None when it meets anything else."""
    cur = place
    for _ in range(LOCATING_STEPS):
        if cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.lower_ in LOCATING_PREPS:
            cur = cur.head.head
        elif cur.dep_ == "appos":
            cur = cur.head
        else:
            return None
        if cur.pos_ == "PROPN":  # a place by its tag or by a town noun beside it ("Danderesso, a commune")
            said = any(c.dep_ == "appos" and c.lemma_.lower() in TOWN_NOUNS for c in children(cur))
            return cur if cur.ent_type_ in PLACE_LABELS or said else None
        lemma = cur.lemma_.lower()
        if cur.pos_ != "NOUN" or lemma in ACTOR_NOUNS or lemma in PEOPLE_NOUNS:
            return None
    return None


def known_place(token: Token) -> bool:
    """The gazetteer lists the name ``token`` heads ("Frontera Comalapa"), as a town, province or country."""
    names = [c.i for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    cities, provinces, country = gazetteer().candidates(token.doc[min([*names, token.i]) : token.i + 1].text)
    return bool(cities or provinces or country)
