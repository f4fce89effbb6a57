"""Counts attached to an event: fatalities, injuries, troops, displaced, prisoners, people.

A number counts when it modifies a role of the frame (agent, target, or the ``of`` object of a nominal
trigger): "at least 183 civilians were killed" -> fatalities 183 (at_least). The kind comes from the
trigger (killing/dying -> fatalities, wounding -> injuries, fleeing/displacement -> displaced, arrest,
abduction or release -> prisoners) and else from the counted noun (soldiers/troops -> troops, prisoners ->
prisoners, any other person noun -> people). Nouns that are not people ("12 of the 34 capitals") are not
counted. Numbers are digits ("3,000", "1.5 million") or words ("twelve", "two dozen"). Vague plurals count
as the smallest value they imply with qualifier ``at_least``: dozens 24, scores 40, hundreds 200,
thousands 2000, millions 2000000. Qualifiers: at least / more than / over / upwards of -> at_least;
about / around / nearly / almost / some / roughly / approximately / an estimated -> about;
up to / as many as -> up_to.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from kg.extract.nouns import semantic_head
from kg.extract.people import PEOPLE_NOUNS, PRISONER_NOUNS, TROOP_NOUNS
from kg.extract.tree import children
from kg.model import Quantity

__all__ = ["parse_number", "qualifier_of", "quantities_for", "QUANTITY_KINDS"]

QUANTITY_KINDS = ("fatalities", "injuries", "troops", "displaced", "prisoners", "people")
UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}  # fmt: skip
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2_000_000, "tens": 20}
QUALIFIERS = (
    ("at least", "at_least"), ("more than", "at_least"), ("over", "at_least"), ("upwards of", "at_least"),
    ("in excess of", "at_least"), ("an estimated", "about"), ("about", "about"), ("around", "about"),
    ("nearly", "about"), ("almost", "about"), ("some", "about"), ("roughly", "about"),
    ("approximately", "about"), ("close to", "about"), ("up to", "up_to"), ("as many as", "up_to"),
)  # fmt: skip
DEATH_LEMMAS = frozenset({"kill", "die", "dead", "death", "slay", "massacre", "execute", "murder", "behead"})
INJURY_LEMMAS = frozenset({"wound", "injure", "hurt", "injury"})
DISPLACE_LEMMAS = frozenset({"flee", "displace", "displacement", "uproot", "exodus"})
CAPTIVE_CLASSES = frozenset({"Capture", "Arrest", "Abduction", "PrisonerRelease"})
PRISONER_CLASSES = frozenset({"Arrest", "Abduction", "PrisonerRelease"})


def parse_number(words: Iterable[str]) -> int | None:
    """``["1.5", "million"]`` -> 1500000, ``["twelve"]`` -> 12, ``["two", "dozen"]`` -> 24."""
    total, current, seen = 0.0, 0.0, False
    for raw in words:
        for word in raw.lower().replace(",", "").split("-"):
            if not word:
                continue
            if word in VAGUE:
                current = (current or 1) * VAGUE[word]
            elif word in SCALES:
                current = (current or 1) * SCALES[word]
                if SCALES[word] >= 1000:
                    total, current = total + current, 0.0
            elif word in UNITS:
                current += UNITS[word]
            else:
                try:
                    current += float(word)
                except ValueError:
                    return None
            seen = True
    return int(total + current) if seen else None


def qualifier_of(number: Token) -> tuple[str, int]:
    """(qualifier, first token index) of a number, from the words in front of it."""
    lefts = [t for t in number.subtree if t.i < number.i]
    words = " ".join(t.lower_ for t in lefts if not t.like_num)  # "nearly 1.5 million": skip the "1.5"
    vague = number.lower_ in VAGUE
    for phrase, qual in QUALIFIERS:
        if words.endswith(phrase) or (phrase == "an estimated" and "estimated" in words):
            return qual, (lefts[0].i if lefts else number.i)
    return ("at_least" if vague else "exact"), (lefts[0].i if lefts else number.i)


def _number_phrase(number: Token) -> list[str]:
    parts = [
        t
        for t in number.subtree
        if t.i != number.i and t.dep_ in ("compound", "quantmod", "nummod") and t.like_num
    ]
    return [t.text for t in sorted([*parts, number], key=lambda t: t.i)]


def _kind(noun: Token | None, event_class: str, trigger_lemma: str) -> str | None:
    lemma = noun.lemma_.lower() if noun is not None else ""
    person = noun is None or lemma in PEOPLE_NOUNS
    if not person:
        return None
    if event_class == "Killing" or trigger_lemma in DEATH_LEMMAS:
        return "fatalities"
    if trigger_lemma in INJURY_LEMMAS:
        return "injuries"
    if event_class == "Displacement" or trigger_lemma in DISPLACE_LEMMAS:
        return "displaced"
    if event_class in PRISONER_CLASSES or lemma in PRISONER_NOUNS:
        return "prisoners"
    if lemma in TROOP_NOUNS:
        return "troops"
    return "people" if noun is not None else None


def quantities_for(
    participants: Iterable[tuple[Token, str]], event_class: str, trigger: Token
) -> tuple[Quantity, ...]:
    """Quantities of the numbers that count the frame's participants (``(token, role)`` pairs)."""
    found: dict[tuple[str, int], Quantity] = {}
    doc = trigger.doc
    for tok, role in participants:
        noun = semantic_head(tok)
        if tok.like_num or tok.pos_ == "NUM" or tok.lower_ in VAGUE:
            number: Token | None = tok
            if noun.i == tok.i:
                noun_or_none: Token | None = None
            else:
                noun_or_none = noun
        else:
            number = next((c for c in children(noun) if c.dep_ == "nummod" and c.i < noun.i), None)
            noun_or_none = noun
        if number is None:
            continue
        value = parse_number(_number_phrase(number))
        kind = _kind(noun_or_none, event_class, trigger.lemma_.lower())
        if kind in ("troops", "people") and role == "target" and event_class in CAPTIVE_CLASSES:
            kind = "prisoners"  # "40 fighters were captured"
        if value is None or kind is None:
            continue
        qualifier, first = qualifier_of(number)
        last = (noun_or_none or number).i
        span = doc[max(first, 0) : last + 1]
        found.setdefault((kind, value), Quantity(kind, value, span.text, qualifier))
    return tuple(found.values())
