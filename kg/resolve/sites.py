"""Places of one frame's mentions, for :func:`kg.resolve.resolve_frame`: a place mention linked in context
("the nearby town" is another town; "the town's market" is in the town told before), the place a violent
event's target names ("shelled Marib"), what people fled ("fled Ulang"), and coordinated names split
("bombed Lankien and Waat").
"""

from __future__ import annotations

import re

from kg.frozen import evolve
from kg.model import Mention, Place
from kg.resolve.actorcontext import ActorContext
from kg.resolve.docactors import resolve_in_context
from kg.resolve.places import PROVINCE_NOUNS, TOWN_NOUNS, link_place, unlinked_place
from kg.resolve.text import after_the, strip_determiners
from kg.resolve.towns import Cities, named_as_town

__all__ = ["attacked_site", "fled_site", "link_site", "name_parts", "OTHER_PLACE"]


def attacked_site(mention: Mention, actors: ActorContext, cities: Cities, remote: bool) -> Place | None:
    """The place a violent event's target names ("attacked Abu Dhabi with drones", "shelled Marib"): a
    city, province or region, not a country ("invaded Ukraine" attacks the state) and not a named actor
    whose name a town shares; a capital then is the event's place, not its government. What an air strike,
    shelling or bombing (``remote``) hits by a name that is no known actor is a place even when the
    gazetteer lacks it ("bombed Lankien and Waat"), as is what the text calls a town or village ("stormed
    the village of Segue-Ire")."""
    name = strip_determiners(mention.text)
    if mention.label == "PRON" or not name[:1].isupper():
        return None
    place = link_place(mention.text, cities.context(actors.country, mention.start))
    if place is None and (remote or named_as_town(actors.text, mention.start)):
        return fled_site(mention, actors, cities)  # "stormed the village of Segue-Ire", unlisted
    if place is None or place.kind == "country":
        return None
    found = resolve_in_context(mention, actors)
    if found is not None and found.key != f"{(place.country or '').lower()}-government":
        return None
    return place


_NAME_JOINER = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def name_parts(mention: Mention) -> list[Mention]:
    """A coordination of capitalised names as one mention ("Lankien and Waat") -> one mention per name."""
    pieces = _NAME_JOINER.split(mention.text)
    if len(pieces) < 2 or not all(p[:1].isupper() for p in pieces):
        return [mention]
    parts, at = [], 0
    for piece in pieces:
        at = mention.text.index(piece, at)
        start = mention.start + at if mention.start >= 0 else -1
        parts.append(evolve(mention, text=piece, start=start, end=start + len(piece) if start >= 0 else -1))
        at += len(piece)
    return parts


def fled_site(mention: Mention, actors: ActorContext, cities: Cities) -> Place | None:
    """What people fled (or a strike hit) when the text names it and it is no known actor: a place,
    linked or not."""
    if mention.label == "PRON" or not strip_determiners(mention.text)[:1].isupper():
        return None
    found = resolve_in_context(mention, actors)
    if found is not None and (found.sector is not None or found.country is not None):
        return None  # "fled Boko Haram", "fled the Taliban"
    context = cities.context(actors.country, mention.start)
    return link_place(mention.text, context) or unlinked_place(mention.text, actors.country)


OTHER_PLACE = frozenset({"nearby", "neighbouring", "neighboring", "other", "next", "adjacent", "second",
                         "third", "surrounding", "new", "former"})  # fmt: skip


PLACE_NOUNS = TOWN_NOUNS | PROVINCE_NOUNS  # "the city", "the district"
_OWNING_PLACE_NOUN = re.compile(r"^(town|city|village|capital)['’]s\s")


def link_site(mention: Mention, actors: ActorContext, cities: Cities) -> Place | None:
    """A place mention linked in context; "the government-held city", "the nearby town" (a definite place
    noun with lower-case modifiers) point back like "the city", "the town"."""
    text = mention.text
    words = text.split()
    place_noun = len(words) > 1 and text == text.lower() and words[-1] in PLACE_NOUNS
    # not "the nearby town", "the neighbouring district": another place
    if place_noun and after_the(actors.text, mention.start) and not OTHER_PLACE.intersection(words):
        text = words[-1]
    owner = _OWNING_PLACE_NOUN.match(text)
    if owner is not None and after_the(actors.text, mention.start):
        text = owner.group(1)  # "clashed in the town's market": the town
    return link_place(text, cities.context(actors.country, mention.start, text))
