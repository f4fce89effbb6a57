"""Which country a document is about: its place, country and demonym mentions vote
(:func:`dominant_country`), so an ambiguous name resolves in the story's own country ("Tripoli" in a Libya
story). Split from :mod:`kg.resolve.places`, whose name cleaning and gazetteer it uses."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from kg.model import Mention
from kg.resolve.countrynames import countries_named
from kg.resolve.places import DIRECTIONS, PLACE_LABELS, demonyms, gazetteer, is_people, name_and_kind
from kg.resolve.text import name_key

__all__ = ["dominant_country"]


@lru_cache(maxsize=16384)
def _vote(text: str, label: str) -> tuple[str | None, int]:
    """The vote of a place mention of ``text`` tagged ``label`` (a function of the name and label alone,
    cached: documents name the same places again and again). A country or demonym votes twice; a city or
    province once, when its own name (not an alternate spelling) points to places of a single country, or
    to one country's province ("Kandahar": the Afghan province and city, and an Indian town), or to a city
    of 100,000 or more at least ten times larger than its namesakes abroad ("Huila" is in Angola and
    Colombia: no vote)."""
    name, _ = name_and_kind(text)
    code = demonyms().get(name_key(name))
    if code is not None:
        return code, 2
    if label == "NORP" or is_people(name) or name.islower():
        return None, 0  # a people, or a common noun ("the airport") that a town's name shares
    cities, provinces, country = gazetteer().candidates(name)
    if country is not None:
        return country.country, 2
    if not name:  # "the city", "the capital"
        return None, 0
    primary = [e for e in [*cities, *provinces] if e.primary]
    own = {e.place.country for e in primary}
    if len(own) == 1:
        return own.pop(), 1
    regions = {e.place.country for e in provinces if e.primary}
    if len(regions) == 1:
        return regions.pop(), 1
    if primary:
        largest = max(primary, key=lambda e: e.population)
        abroad = max((e.population for e in primary if e.place.country != largest.place.country), default=0)
        if largest.population >= 100_000 and largest.population >= 10 * abroad:
            return largest.place.country, 1
    first, _, rest = name.partition(" ")
    if rest[:1].isupper() and not own and (first.lower().rstrip(",") in DIRECTIONS or first[:1].islower()):
        return _vote(rest, label)
    return None, 0


def _modifier_only(mention: Mention, text: str) -> bool:
    """``Syria`` in "anti-Syria", ``Iran`` in "pro-Iran": a stance towards a state, not a place (the cheap
    test first: most names follow no dash)."""
    if not text or mention.start < 1 or text[mention.start - 1 : mention.start] not in ("-", "\u2013"):
        return False
    before = text[max(0, mention.start - 5) : mention.start].lower()
    return before.endswith(NOT_PLACE_PREFIXES)


NOT_PLACE_PREFIXES = ("anti-", "pro-", "anti\u2013", "pro\u2013")


def dominant_country(
    entities: Iterable[Mention], text: str = "", group_country: str | None = None
) -> str | None:
    """The ISO alpha-3 country a document is mostly about: countries, demonyms and (largest-population)
    cities among its GPE/LOC/NORP mentions vote; ties go to the earliest mention. A name the document
    also tags as a people (NORP) and a name inside an anti-/pro- modifier of ``text`` do not vote. The
    home country of the document's main armed group (``group_country``) votes like a country name, after
    every mention in ties (a Sudan story that mentions refugees crossing into Chad stays about Sudan)."""
    mentions = [m for m in entities if m.label in PLACE_LABELS]
    peoples = {name_key(m.text) for m in mentions if m.label == "NORP"} - {""}
    votes: Counter[str] = Counter({group_country: 2} if group_country else {})
    first: dict[str, int] = {group_country: len(text) + 1} if group_country else {}
    for mention in mentions:
        if _modifier_only(mention, text):
            continue
        if peoples and mention.label != "NORP" and name_key(name_and_kind(mention.text)[0]) in peoples:
            continue
        code, weight = _vote(mention.text, mention.label)
        if code:
            votes[code] += weight
            first[code] = min(first.get(code, mention.start), mention.start)
    if not votes:
        return _named_country(text)
    return max(votes, key=lambda c: (votes[c], -first[c]))


def _named_country(text: str) -> str | None:
    """No entity votes: the country most often named in ``text`` itself ("central Mali" tagged as a
    person by the recogniser), not inside anti-/pro- modifiers; ties go to the earliest."""
    counts = countries_named(text, lambda start: _modifier_only(Mention("", start, 0), text))
    return counts.most_common(1)[0][0] if counts else None
