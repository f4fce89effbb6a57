"""Places an event takes from the events told before it in the same document.

``carry_places``: an act at a scene (force, coercion, a protest, and the withdrawals, truces, releases
and deployments that follow them, unless states as wholes do them or prisoners are swapped) that names no
place ("Police fired tear gas and detained 23 of them") happened where the last such event of its
paragraph did ("rallied in Lahore"), noted ``place_rule``; one in a later paragraph with no such event
before it (a protest excepted), where the story's last one did, when its sentence names no other place,
it is no background (no span longer than a week) and does not open elsewhere ("The gunmen ... shot dead a
vigilante" after "stormed the town of Dansadau"). Statements (accusations, demands, talks) borrow
nothing: they are made elsewhere; nor does a sentence about many places.
"Both towns" / "the two cities" (``carry_pairs``) are the places the last event naming several named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.eventclasses import EVENT_CLASSES, MATERIAL_CATEGORIES
from kg.frozen import evolve
from kg.model import Event, Place
from kg.resolve.carry import paragraph_of, paragraphs, use_of_force

__all__ = ["carry_places", "carry_pairs"]

# what happens at a scene: force, arrests, curfews, demolitions, protests, and the withdrawals, truces,
# releases and deployments that follow them there
SCENE_CATEGORIES = MATERIAL_CATEGORIES | {"Retreat", "Mobilize"}
SWAP_LEMMAS = frozenset({"swap", "exchange"})
SCENE_ACTS = SCENE_CATEGORIES - {"Protest"}  # ... of which a later paragraph goes on with the story's scene
# a sentence about many places or the whole country is in no single one ("imposed a curfew in 31 of the
# country's 34 provinces", "arrested dozens across the country")
_WIDE = re.compile(
    r"\b(?:(?:across|throughout|around|all over) the (?:country|nation)|nationwide|countrywide|"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|numerous|various|multiple|all|"
    r"dozens of|scores of) (?:[a-z]+ )?(?:provinces|regions|districts|states|cities|towns|villages|"
    r"countries)\b)",
    re.I,
)


def carry_places(events: Sequence[Event], text: str) -> list[Event]:
    """``events`` in text order; a scene event without a place takes that of the paragraph's last one, or,
    when its paragraph has none yet, that of the story's last one if its sentence names no other place;
    none is carried into a sentence about many places."""
    breaks = paragraphs(text)
    named = _sentence_places(events)
    out: list[Event] = []
    last: tuple[Event, int] | None = None  # the last scene event with a place of its own, its paragraph
    placed: set[tuple[str, tuple[Place, ...]]] = set()  # the classes and places of those events
    for event in events:
        paragraph = paragraph_of(breaks, event)
        scene = _scene(event)
        # no place, or only buildings and roads no gazetteer names ("at a checkpoint near the airport"); not
        # for such an act of a class already placed there, which would then merge with it as one event (the
        # cheap tests first)
        placeless = scene and last is not None and not event.places
        placeless = placeless and all(_common_noun(m.text) for m in event.frame.places)
        if placeless and last is not None and event.frame.places:
            placeless = (event.event_class, last[0].places) not in placed  # it would merge
        placeless = placeless and not _WIDE.search(event.frame.sentence)  # asked only of a scene to carry to
        # "seized large parts of Port-au-Prince last year. Officers exchanged fire with the gang": a
        # background event sets no scene for the news told after it
        placeless &= last is None or not _background(last[0]) or _background(event)
        if scene and placeless and last is not None and last[1] == paragraph:
            note = ("place_rule", "place of the paragraph's earlier event")
            event = evolve(event, places=last[0].places, extra=(*event.extra, note))
        elif scene and placeless and last is not None and _continues(event, last[0].places, named):
            note = ("place_rule", "place of the story's earlier event (its sentence names no other)")
            event = evolve(event, places=last[0].places, extra=(*event.extra, note))
        elif scene and event.frame.places and event.places:
            last = (event, paragraph)
            placed.add((event.event_class, event.places))
        out.append(event)
    return out


def _background(event: Event) -> bool:
    """An event told with a month, a year or a span longer than a week: background to the news."""
    time = event.time
    return time is not None and (time.precision in ("year", "month") or (time.end - time.start).days > 7)


def _scene(event: Event) -> bool:
    """An asserted act done at a scene: force, coercion, protest, and withdrawals, truces, releases and
    deployments, unless states as wholes do them ("Ukraine and Russia swapped prisoners", "Poland
    reinforced its frontier") or they are prisoner swaps: those are made elsewhere."""
    category = EVENT_CLASSES.get(event.event_class)
    if event.frame.negated or event.frame.hypothetical or category not in SCENE_CATEGORIES:
        return False  # "did not attack": no scene
    national = bool(event.agents) and all(a.kind == "country" for a in event.agents)
    swap = event.frame.trigger.lemma.lower() in SWAP_LEMMAS  # "the two sides exchanged 157 prisoners"
    return category in MATERIAL_CATEGORIES or not (national or swap)


def _common_noun(text: str) -> bool:
    """ "a checkpoint near the airport", "the airport road": no proper name in it."""
    return not any(word[:1].isupper() for word in text.split())


def _sentence_places(events: Sequence[Event]) -> dict[int, set[str]]:
    """Sentence start -> keys of the places the sentence's events name."""
    named: dict[int, set[str]] = {}
    for event in events:
        named.setdefault(event.frame.sentence_start, set()).update(p.key for p in event.places)
    return named


def _continues(event: Event, places: tuple[Place, ...], named: dict[int, set[str]]) -> bool:
    """A later paragraph goes on with the story's scene: a use of force or an act of coercion there
    ("Police later arrested three suspects"), not background ("has fought the government since 2007")
    nor a campaign ("their offensive"), whose sentence names no place but those and does not open
    elsewhere ("Elsewhere, gunmen killed two farmers")."""
    if not use_of_force(event, SCENE_ACTS):
        return False  # not "their offensive has advanced at a dizzying pace": a campaign, not a scene
    if _background(event):
        return False
    return named.get(event.frame.sentence_start, set()) <= {p.key for p in places}


_PLACE_PAIR = re.compile(
    r"^(?:both|the two|two)\s+(?:towns|cities|villages|localities|settlements|ports)$", re.I
)


def carry_pairs(events: Sequence[Event], text: str) -> list[Event]:
    """``events`` in text order; "pulled out of both towns" is in the two or more places the last event
    before it with several places named ("took Kalehe and Minova"), noted ``place_rule``."""
    out: list[Event] = []
    last: tuple[Place, ...] = ()
    for event in events:
        pair = [m for m in event.frame.places if _PLACE_PAIR.match(m.text.strip())]
        definite = [
            m for m in pair if not m.text.lower().startswith("two") or text[: m.start].endswith("the ")
        ]
        if definite and len(last) >= 2:
            places = (*event.places, *(p for p in last if p not in event.places))
            note = ("place_rule", "the places the text named together before")
            event = evolve(event, places=places, extra=(*event.extra, note))
        elif len(event.places) >= 2 and not pair:
            last = event.places
        out.append(event)
    return out
