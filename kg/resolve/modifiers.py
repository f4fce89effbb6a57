"""What the words of an actor phrase say besides its head noun: quantities to drop ("some 800,000",
"two"), broken parentheses to mend, and the owner named by the modifiers: a country (demonym "Rwandan",
country name "Ivory Coast", region "Darfur", possessor "Poland's", leader "Vietnamese-led"), an
organisation of the alias table ("Red Cross officials") or an unknown proper name ("Montenegro Municipality
Association officials"), and a sector from role words ("military spokesman").

An explicit owner in the phrase beats the document's dominant country (:mod:`kg.resolve.actors`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from kg.frozen import quick_init
from kg.model import Actor
from kg.resolve.actortable import actor_table
from kg.resolve.places import gazetteer, is_people
from kg.resolve.text import name_key

__all__ = [
    "Owner",
    "strip_quantity",
    "clean_name",
    "owner_of",
    "capital_country",
    "place_country",
    "title_words",
    "leading_name",
]

NUMBER_WORDS = frozenset(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
     "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "dozen", "dozens",
     "hundreds", "thousands", "millions", "tens", "scores", "some", "about",
     "around", "nearly", "almost", "over", "approximately", "roughly", "estimated", "more", "less", "fewer",
     "than", "at", "least", "up", "to", "as", "many", "several", "few", "all", "both", "most"]
)  # fmt: skip
COLLECTIVES = frozenset(
    ["group", "number", "band", "crowd", "contingent", "delegation", "batch", "half", "third", "quarter"]
)  # only before "of": "one third of the guerrillas", not "Third World Water Forum"
_POSSESSIVE = re.compile(r"(?:'s|')$")
_NUMBER = re.compile(r"^\d[\d,.]*$")
_UNCLOSED = re.compile(r"\s*\([^)]*$")
_PARENTHESIS = re.compile(r"\s*\(([^)]*)\)")
ALLIED = frozenset(
    ["allied", "pro-government", "government-allied", "government-backed", "army-backed", "loyalist",
     "self-defence", "self-defense", "vigilante", "clan", "ethnic"]
)  # fmt: skip
NOT_OWNERS = ("pro-", "anti-")  # "pro-Iranian", "anti-Syria": about a state, not of it
OWNER_SUFFIXES = ("-led",)  # "Vietnamese-led forces" are led by Vietnam
NOT_OWNER_SUFFIXES = ("-backed", "-based", "-allied", "-sponsored")
ADJECTIVE_ENDINGS = ("an", "ese", "ish", "ic", "i")  # "West African leaders": an adjective, not a name


@quick_init
@dataclass(frozen=True)
class Owner:
    country: str | None = None
    org: Actor | None = None
    name: str | None = None  # an unknown proper name among the modifiers
    sector: str | None = None
    allied: bool = False  # "allied militias", "pro-government militias": not the main armed group


UNIT_WORDS = frozenset({"brigade", "battalion", "division", "regiment", "corps", "squadron", "army", "unit"})


@lru_cache(maxsize=65536)
def strip_quantity(text: str) -> str:
    """``"Some 800,000 Iraqi Kurds"`` -> ``"Iraqi Kurds"``; ``"a group of Moroccan diplomats"`` ->
    ``"Moroccan diplomats"``. The last word always stays."""
    words = text.split()
    i = 0
    while i < len(words) - 1:
        low = words[i].lower()
        if low.isdigit() and words[i + 1][:1].isupper() and words[i + 1].lower() in UNIT_WORDS:
            break  # "444 Brigade", "82nd"-style unit names: a number that names, not counts
        if low in NUMBER_WORDS or _NUMBER.match(low) or (low in ("of", "a", "an") and i > 0):
            i += 1
        elif low in COLLECTIVES and words[i + 1].lower() == "of" and i + 2 < len(words):
            i += 2
        else:
            break
    return " ".join(words[i:])


@lru_cache(maxsize=65536)
def clean_name(text: str) -> str:
    """Mend the edges of a name: an unclosed parenthesis and what follows it goes ("Umma (Nation" ->
    "Umma"), stray quotes and commas at the ends go."""
    text = (_UNCLOSED.sub("", text) if "(" in text else text).strip(" \"',;:-")
    words = text.split()
    while len(words) > 1 and words[-1].lower() in ("of", "for", "the", "and", "in"):
        words.pop()  # a name cut off by the entity recogniser: "National Union for the Total Independence of"
    return " ".join(words)


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Every word of every title in ``kg/data/actors.toml`` (lower case): "defence", "secretary", ..."""
    return frozenset(w.lower() for title in actor_table().titles for w in title.split())


@lru_cache(maxsize=1)
def _lower_titles() -> dict[str, str]:
    found: dict[str, str] = {}
    for title, sector in actor_table().titles.items():
        if sector or title.lower() not in found:
            found[title.lower()] = sector
    return found


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    found: dict[str, str] = {}
    for code, place in gazetteer().capitals.items():
        found.setdefault(name_key(place.label), code)
    return found


def capital_country(text: str) -> str | None:
    """The country whose capital is called ``text`` ("Beirut" -> LBN), else None."""
    return _capitals().get(name_key(text))


def place_country(text: str, cities: bool = True, prefer: str | None = None) -> str | None:
    """The country of a country name, capital, or a province (or, with ``cities``, city) name; a name
    found in several countries counts for ``prefer`` (the document's country) when it is one of them,
    else for the country of its only province or its largest city of 100,000 or more."""
    gaz = gazetteer()
    if is_people(text):
        return None  # "Ibo elders" are Igbo, not from the Mozambican town
    towns, provinces, country = gaz.candidates(text)
    if country is not None:
        return country.country
    candidates = [e for e in [*provinces, *(towns if cities else [])] if e.primary]
    own = {e.place.country for e in candidates}
    if prefer in own:
        return prefer  # "Tripoli" in a story about Lebanon
    code = capital_country(text)
    if code or len(own) <= 1:
        return code or (own.pop() if own else None)
    regions = {e.place.country for e in provinces if e.primary}
    if len(regions) == 1:
        return regions.pop()
    largest = max(candidates, key=lambda e: e.population)
    return largest.place.country if largest.population >= 100_000 else None


def _word_country(word: str) -> str | None:
    table = actor_table()
    if word.lower().startswith(NOT_OWNERS):
        return None
    if word.lower().endswith(NOT_OWNER_SUFFIXES):
        return None
    for suffix in OWNER_SUFFIXES:
        if word.lower().endswith(suffix):
            word = word[: -len(suffix)]
    return table.demonyms.get(name_key(word))


def _proper_run(words: Sequence[str], capitalised_first: bool) -> str | None:
    """A leading run of two or more capitalised words ("Montenegro Municipality Association"), function
    words and a parenthesised acronym allowed inside."""
    run: list[str] = []
    titles = title_words()
    for word in words:
        if word.lower() in titles or _POSSESSIVE.sub("", word) != word:
            break  # "Arab League Secretary-General", "Poland's"
        if word.lower().startswith(NOT_OWNERS) or word.lower().endswith(NOT_OWNER_SUFFIXES):
            continue  # "Syrian-backed Amal"
        if word[:1].isupper() or (run and word.lower() in ("of", "for", "and", "the", "de")):
            run.append(word)
        elif not (run and word.startswith("(") and word.endswith(")")):
            break
    while run and not run[-1][:1].isupper():
        run.pop()
    if not capitalised_first and len(run) < 2:
        return None
    name = _PARENTHESIS.sub("", " ".join(run)).strip()
    if len(name.split()) < 2 or name.endswith(ADJECTIVE_ENDINGS):
        return None
    return name


def owner_of(words: list[str], capitalised_first: bool = True, places: bool = True) -> Owner:
    """The owner named by ``words`` (the modifiers before a phrase's head). ``capitalised_first`` False
    means the first word is capitalised only because it starts the sentence; ``places`` False reads
    demonyms, aliases and titles only (for free text before a name). Cached: a function of its arguments
    and the actor table and gazetteer (built once per process)."""
    return _owner_of(tuple(words), capitalised_first, places)


@lru_cache(maxsize=16384)
def _owner_of(words: tuple[str, ...], capitalised_first: bool, places: bool) -> Owner:
    table = actor_table()
    country = org = sector = None
    run = _proper_run(words, capitalised_first) if places else None
    if run is not None:
        bare = _POSSESSIVE.sub("", run)
        found = table.aliases.get(bare.lower())
        code = place_country(bare) or table.demonyms.get(name_key(bare))
        if found is None and code is None and not any(_word_country(w) for w in run.split()):
            return Owner(name=run, allied=any(w.lower() in ALLIED for w in words))
    i = 0
    while i < len(words):
        for n in (4, 3, 2, 1):
            if i + n > len(words):
                continue
            part = " ".join(words[i : i + n])
            bare = _POSSESSIVE.sub("", part)
            lowered = bare.lower()
            if lowered == "ethnic" and i + 1 < len(words):
                i += 2  # "ethnic Albanian guerrillas": an ethnicity, not a nationality
                break
            if bare in table.exact or lowered in table.aliases:
                org = org or table.exact.get(bare) or table.aliases.get(lowered)
            elif n == 1 and _word_country(bare):
                country = country or _word_country(bare)
            elif (
                places
                and part[:1].isupper()
                and (bare != part or n > 1 or i > 0 or capitalised_first)
                and (code := place_country(bare, cities=bare != part or n > 1))
            ):
                country = country or code  # "Ivory Coast rebels", "Poland's parliament", "Darfur rebels"
            elif part in table.titles or lowered in _lower_titles():
                sector = sector or table.titles.get(part) or _lower_titles()[lowered] or None
            else:
                continue
            i += n
            break
        else:
            i += 1
    allied = any(w.lower() in ALLIED for w in words)
    return Owner(country, org, None, sector, allied)


def leading_name(words: list[str]) -> str:
    """The capitalised name a phrase starts with ("the Association of African Jurists said" -> the name)."""
    run: list[str] = []
    for n, word in enumerate(words):
        capital = word[:1].isupper() and not word.startswith("(")
        if not (capital or (word.lower() in ("of", "for", "and", "the") and (run or n == 0))):
            break
        run.append(word)
    while run and not run[-1][:1].isupper():
        run.pop()
    return " ".join(run) if sum(w[:1].isupper() for w in run) >= 2 else ""
