"""Words naming an administrative division ("Kasese district", "the province of Herat") or a named part of
a town ("the Mawasi area"), shared by the extraction and resolution rules. Each rule takes
:data:`ADMIN_UNITS` and adds the words its own reading allows: "state" is a division after a name
("Borno state") but also a country's government; "department" names a division in some countries and an
office in others; "regency" only in Indonesia. Also the entity labels the model gives places
(:data:`PLACE_LABELS`) and those that never name a place or a party (:data:`NUMERIC_LABELS`).
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "ADMIN_UNITS",
    "DIRECTION_WORDS",
    "EDGES",
    "PART_OF_TOWN",
    "SETTLEMENTS",
    "PLACE_LABELS",
    "NUMERIC_LABELS",
    "alternation",
]

ADMIN_UNITS = frozenset({"province", "region", "district", "county", "governorate", "prefecture", "oblast"})
# named parts of a town: "the Karari area of the city", "the Tierra Blanca neighbourhood of Culiacán"
DIRECTION_WORDS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
     "north-west", "south-east", "south-west"}
)  # fmt: skip
PART_OF_TOWN = frozenset({"area", "neighbourhood", "neighborhood", "quarter", "suburb"})
# the rim of a place, where things happen "on": "on the outskirts of Goma", "on the edge of Marib city"
EDGES = frozenset({"outskirt", "outskirts", "edge", "fringe", "fringes", "periphery", "bank", "shore"})
# words for a settlement: "the hamlet of La Calera", "Kawlin, a town in", "the oasis of Ouadi-Kerdi"
SETTLEMENTS = frozenset(
    {"town", "city", "village", "commune", "hamlet", "settlement", "locality", "municipality", "oasis"}
)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})  # the model's place entity labels
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of ``words``, longest first so none is cut short by a prefix."""
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))
