"""Towns and provinces a document names, in text order, for "the town", "the village", "the area", "the
province" (``kg.resolve.places.link_place`` reads the one a context hands it).

A linked city counts; so does a name the text says is a town ("Kawlin, a town in Sagaing region",
"Diafarabe, a fishing village", "the district capital of Macomia", "Kuriga, in Nigeria's Kaduna state"),
linked or not. Each remembers the word the text called it by, so that "the village" is the last place
called a village (else the last town), "the area" the last called an area ("the Bokkos area"), and so on.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from operator import attrgetter, itemgetter

from kg.frozen import evolve
from kg.model import Mention, Place
from kg.placewords import ADMIN_UNITS, NUMERIC_LABELS, PLACE_LABELS, SETTLEMENTS, alternation
from kg.resolve.places import PlaceContext, link_place, name_and_kind, unlinked_place
from kg.resolve.text import name_key, strip_determiners

__all__ = ["Cities", "named_as_town"]

TOWN_WORDS = alternation(SETTLEMENTS | {"port", "camp", "island"})
# words after a name that make it a province-level place ("the Sagaing region", "Arauca department")
PROVINCE_WORDS = alternation(ADMIN_UNITS | {"department"})
# kinds that stand for each other: "the village" may be the place called a hamlet or a commune
SAME_KIND = {"hamlet": "village", "commune": "village", "oasis": "village", "settlement": "village",
             "locality": "village", "port": "town", "city": "town", "capital": "town", "municipality": "town",
             "neighborhood": "neighbourhood"}  # fmt: skip
# what a name is said to be right after it: "Kawlin, a town in", "the Sagaing region"; "Ndop, in Cameroon's
# North-West region": a place inside a larger one
_KIND_AFTER = re.compile(
    rf"(?:,\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}({TOWN_WORDS})\b"
    rf"|\s+(state|{PROVINCE_WORDS})\b|(,\s+in\s+)"
    rf"|(,\s+(?=[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}}\s+(?:state|{PROVINCE_WORDS})\b)))"
)  # group 4: "Bwera, Kasese district", a town named with the province it is in
_KIND_BEFORE = re.compile(rf"\b({TOWN_WORDS}|capital)\s+of\s+$", re.I)  # "the district capital of Macomia"
# capitalised words (with a lower-case Spanish/Arabic particle inside) before a province word (the leading
# look-ahead for a capital, implied by what follows, lets the scan skip to capitals)
_PROVINCE_NAME = re.compile(
    r"(?=[A-Z])\b(?!(?:In|On|At|The|A|An|From|Near|Across|Of|To|For|And|But|Its|Their|This|That|Throughout)\b)"
    rf"[A-Z][\w'’-]+(?:\s+(?:del|de|la|el|al|(?:al|el|ad|ar|as|at|az)-[A-Z][\w'’-]*|[A-Z][\w'’-]+)){{0,3}}"
    rf"\s+(?:{PROVINCE_WORDS})\b"
)
_PROVINCE_WORD = re.compile(rf"\s(?:{PROVINCE_WORDS})\b")  # no province word, no province name
# what lies between a town and the larger place it is said to be in: ", a village on the Ruzizi plain in "
_LOCATING = re.compile(r",?\s+(?:(?:a|an)\s+[^,;.()\n]{0,50}?\s+)?(?:in|near|outside)\s+(?:the\s+)?", re.I)
SPELLING_RATIO = 0.75  # how alike a document's name and the gazetteer label must be to be one spelt twice
# a name before the people it qualifies is no town the text is about: "Federal police were deployed"
_PEOPLE_AFTER = re.compile(
    r"\s+(?:police|policemen|troops|forces|soldiers|army|officers|officials|government|authorities|"
    r"militia|militiamen|fighters|agents|guards)\b",
    re.I,
)
_NAMED_AREA = re.compile(r"\s(area|camp|neighbou?rhood|island)$", re.I)  # a place mention "the Bokkos area"
# a town named only to say where another lies is none "the town" points back to: "on the outskirts of
# Afgooye, 30 km from Mogadishu", "in Cabaret, north of Port-au-Prince"
_REFERENCE_BEFORE = re.compile(
    r"(?:\d+\s*(?:km|kilometres|kilometers|miles)|\b(?:north|south|east|west)[\w-]*)\s+(?:from|of)\s+$", re.I
)
# a town named only as where something was said is no scene: "the minister told reporters in Kananga"
_SAID_IN = re.compile(
    r"\b(?:told (?:reporters|journalists|a news conference)|said|speaking|spoke) in\s+$", re.I
)
_NAME = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:al|el|ad|as|ash|at|de|del|la)-)?[A-Z][\w'’-]*|-[\w'’]+)*")
_TO_NOUN = re.compile(r"\s+(?:to|towards|toward|into)\s+(?:the\s+)?", re.I)  # "... to the city"
_GENITIVE = re.compile(r"['’]s\s+")  # "Chhattisgarh's Bijapur district"
_ISLAND_AFTER = re.compile(r"\s+(island)\b")  # "on Darak island": what "the island" points back to


def _similar(name: str, label: str) -> bool:
    """Another spelling of the label ("Misrata" / "Misratah", "Panjshir" / "Panjshayr"), not another name
    the gazetteer lists it under ("Bombay" for Mumbai), an abbreviation or a part of it."""
    a, b = name_key(name), name_key(label)
    return SequenceMatcher(None, a, b).ratio() >= SPELLING_RATIO


def named_as_town(text: str, start: int) -> bool:
    """The name at ``start`` is what the text calls a town, village, ...: "the village of Segue-Ire"."""
    return start > 0 and _kind_before(text, start) is not None


def _kind_before(text: str, start: int) -> re.Match[str] | None:
    """ "the district capital of Macomia": the kind word before the name at ``start`` (the cheap test
    first: most names have no "of" before them)."""
    before = text[max(0, start - 40) : start]
    if before.rstrip()[-2:].lower() != "of":
        return None
    return _KIND_BEFORE.search(before)


def _reference_before(text: str, start: int) -> bool:
    """The name at ``start`` is named only as a reference point or as where something was said (the cheap
    tests first: the one ends with "from" or "of" and a space, the other with " in" and a space; most names
    have neither before them)."""
    before = text[max(0, start - 40) : start]
    tail = before.rstrip()
    if len(tail) == len(before):
        return False
    window = max(0, start - 40), start
    if (tail[-4:].lower() == "from" or tail[-2:].lower() == "of") and _REFERENCE_BEFORE.search(text, *window):
        return True
    said = tail[-3:-2] == " " and tail[-2:-1] in "iIİı" and tail[-1:] in "nN"  # as the regex, case aside
    return said and _SAID_IN.search(text, *window) is not None


def _division(linked: Place | None, named: str, country: str | None) -> Place | None:
    """The division a name with a division word names ("the Daraa al-Balad district"): the linked place when
    it is a province, else the name unlinked, never a city the gazetteer reached by dropping words."""
    divisions = ("province", "region")
    return linked if linked is not None and linked.kind in divisions else unlinked_place(named, country)


def _kind(word: str) -> str:
    word = word.lower()
    return SAME_KIND.get(word, word)


class Cities:
    """Towns and provinces of one document in text order (see the module doc)."""

    def __init__(
        self, entities: Sequence[Mention], country: str | None, text: str = "", sites: Sequence[Mention] = ()
    ) -> None:
        self.items: list[tuple[int, Place, str]] = []  # start, place, the kind the text called it
        self.ends: dict[int, int] = {}  # start -> end of a town's name in the text
        self.text = text
        self.provinces: list[tuple[int, Place]] = []
        self.province_kinds: dict[int, str] = {}  # start -> the division word the text named it with
        self.spellings: dict[str, list[str]] = {}  # gazetteer key -> the document's other names for it
        linked: dict[str, Place | None] = {}  # a document repeats its place names

        def link(name: str) -> Place | None:
            if name not in linked:
                linked[name] = place = link_place(name, PlaceContext(country))
                if place is not None and place.geonames_id is not None:
                    self._spelt(place, name)
            return linked[name]

        islands = "island" in text  # (the cheap test first: few texts name an island)
        for mention in sorted(entities, key=attrgetter("start")):
            if mention.label in NUMERIC_LABELS:
                continue  # "three districts", "2021": no town's name (about a third of the entities)
            after = _KIND_AFTER.match(text, mention.end) if mention.end > 0 else None
            if after is not None and after.group(2):  # "the Sagaing region"
                named = f"{mention.text} {after.group(2)}"
                place = _division(link(named), named, country)
                if place is not None and place.kind == "province" and place.country in (country, None):
                    self.provinces.append((mention.start, place))
                    self.province_kinds[mention.start] = after.group(2).lower()
                continue
            before = _kind_before(text, mention.start)
            if after is not None and after.group(3) is not None and mention.label not in PLACE_LABELS:
                after = None  # "Smith, in a speech": only a place name is a place inside another
            elif after is not None and after.group(4) is not None and mention.label == "PERSON":
                after = None  # "said Okello, Kasese district commissioner"
            area = _NAMED_AREA.search(mention.text) or (
                _ISLAND_AFTER.match(text, mention.end) if islands else None
            )
            if (after or before or area) and mention.label not in ("DATE", "TIME", "CARDINAL", "NORP"):
                place = link(mention.text) or unlinked_place(mention.text, country)
                word = (after and after.group(1)) or (before and before.group(1)) or (area and area.group(1))
                if place is not None and place.kind in ("city", "site"):
                    self.items.append((mention.start, place, _kind(word or "town")))
                    self.ends[mention.start] = mention.end
                continue
            if (
                mention.label in PLACE_LABELS
                and not _PEOPLE_AFTER.match(text, mention.end)
                and not _reference_before(text, mention.start)
            ):
                place = link(mention.text)
                if place is not None and place.kind == "city":
                    self.items.append((mention.start, place, "town"))
                elif place is not None and place.kind == "province" and place.country in (country, None):
                    self.provinces.append((mention.start, place))
        # a province the NER cut short or missed: "in Maguindanao del Sur province" (entity "Maguindanao")
        known = {start for start, _ in self.provinces}
        for match in _PROVINCE_NAME.finditer(text) if _PROVINCE_WORD.search(text) else ():
            named = _GENITIVE.split(match.group(0))[-1]  # "Chhattisgarh's Bijapur district"
            start = match.end() - len(named)
            inside = [k for k in known if start < k < match.end()]  # "Balad" of "Daraa al-Balad district"
            if start not in known:
                place = _division(link(named), named, country)
                if place is not None and place.kind == "province" and place.country in (country, None):
                    self.provinces = [item for item in self.provinces if item[0] not in inside]
                    self.provinces.append((start, place))
                    self.province_kinds[start] = match.group(0).split()[-1].lower()
        self.provinces.sort(key=itemgetter(0))
        # an event's place the gazetteer lacks ("overran a checkpoint near Burdhubo") is a town "the area"
        # may point back to
        taken = {start for start, _, _ in self.items} | {start for start, _ in self.provinces}
        for site in sites:
            if site.start not in taken and site.text[:1].isupper() and link(site.text) is None:
                place = unlinked_place(site.text, country)
                if place is not None and place.kind == "site" and " " not in strip_determiners(site.text):
                    self.items.append((site.start, place, "town"))
        self._named_again(entities)
        self.items.sort(key=itemgetter(0))
        self.starts = [start for start, _, _ in self.items]
        self.province_starts = [start for start, _ in self.provinces]

    def _named_again(self, entities: Sequence[Mention]) -> None:
        """A town named again, whatever the model tagged it this time ("evacuated 40 aid workers from Sam
        Ouandja" after "the mining town of Sam Ouandja"), is the last town named there."""
        if not self.items:
            return  # no town named a first time
        texts = {m.start: m.text for m in entities}
        first: dict[str, tuple[int, Place, str]] = {}
        for start, place, word in sorted(self.items, key=itemgetter(0)):
            if start in texts:
                first.setdefault(name_key(texts[start]), (start, place, word))
        if not first:
            return
        taken = {start for start, _, _ in self.items}
        for mention in entities:
            if mention.start in taken:
                continue
            seen = first.get(name_key(mention.text))
            if seen is not None and seen[0] < mention.start:
                self.items.append((mention.start, seen[1], seen[2]))

    def _spelt(self, place: Place, text: str) -> None:
        """Remember ``text`` as the document's name for ``place`` when it is a name ("Babanusa", not "the
        town") other than the label, in another spelling than the label's ("Babanusah")."""
        words = name_and_kind(text)[0].split()
        while len(words) > 1 and words[-1][:1].islower():
            words.pop()  # "the Croix-des-Bouquets area"
        name = " ".join(words)
        if not name[:1].isupper() or name_key(name) == name_key(place.label):
            return
        if name_key(name) in {name_key(n) for n in self.spellings.get(place.key, ())}:
            return
        if _similar(name, place.label):
            self.spellings.setdefault(place.key, []).append(name)

    def with_names(self, place: Place) -> Place:
        """``place`` with the document's own spellings of it (``Place.names``)."""
        names = self.spellings.get(place.key)
        return evolve(place, names=tuple(names)) if names else place

    def located_in(self, mention: Mention) -> Place | None:
        """The town the text names just before the province or country ``mention`` to say where the town
        is ("Lubarika, a village on the Ruzizi plain in South Kivu province", "Mesetas, in Colombia's Meta
        department"), whatever the parser hung the phrase on."""
        index = bisect.bisect_left(self.starts, mention.start)
        if not index:
            return None
        start, place, _ = self.items[index - 1]
        end = self.ends.get(start)
        if end is None or not _LOCATING.fullmatch(self.text[end : mention.start]):
            return None
        return place

    def before(self, offset: int, kind: str = "") -> Place | None:
        """The last town before ``offset``; with ``kind``, the last one the text called so, if any (an
        island only: "the island" is no town)."""
        index = bisect.bisect_left(self.starts, offset)
        if index and self._origin(self.items[index - 1][0], offset):
            index -= 1  # "from Brak al-Shati to the city": the city is another than the one left
        if kind:
            named = [place for _, place, word in self.items[:index] if word == kind]
            if named or kind == "island":
                return named[-1] if named else None
        return self.items[index - 1][1] if index else None

    def _origin(self, start: int, offset: int) -> bool:
        """The town at ``start`` is where a motion to the place noun at ``offset`` began."""
        if self.text[max(0, start - 5) : start].lower() != "from ":
            return False
        name = _NAME.match(self.text, start)
        return name is not None and _TO_NOUN.fullmatch(self.text, name.end(), offset) is not None

    def context(self, country: str | None, offset: int, text: str = "") -> PlaceContext:
        """What ``link_place`` needs for a mention at ``offset`` (``text``: "the village" looks for the last
        place called a village)."""
        words = strip_determiners(text).lower().split()
        words = words[1:] if words[:1] == ["same"] else words  # "the same village": the last village
        kind = _kind(words[-1]) if len(words) == 1 else ""
        index = bisect.bisect_left(self.province_starts, offset)
        province = self.provinces[index - 1][1] if index else None
        # "the district" after "Chimtal district of Balkh province": the last one the text called a district
        if kind:  # else the last not called otherwise: "the state" is not "Hpapun district" named after it
            called = [p for s, p in self.provinces[:index] if self.province_kinds.get(s) == kind]
            plain = [p for s, p in self.provinces[:index] if self.province_kinds.get(s, kind) == kind]
            province = called[-1] if called else plain[-1] if plain else province
        return PlaceContext(country, self.before(offset, kind), province)
