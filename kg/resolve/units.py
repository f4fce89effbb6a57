"""Armed units with a name of their own, and who "officers" are in a police story.

A state-forces or police descriptor whose only modifier is a unit name ("the Radaa force", "the rival 444
Brigade") names that unit, not the army of the document's country: the two are often on opposite sides
("Fighters of the Radaa force and the rival 444 Brigade clashed"). A name is a number or a capitalised
word (not capitalised only by starting the sentence) that names no country, people or known group and is
not one of the generic words of official force names ("Special Forces", "Federal Police").

An armed-group descriptor whose only modifier is an acronym no table knows names that group ("the CODECO
militia", "the 3R rebels").

Bare "officers" are the army's by default; in a story where the police of that country act they are police
officers ("Kenyan police fired tear gas ... Officers arrested 30 people").
"""

from __future__ import annotations

from kg.resolve.actorcontext import ActorContext
from kg.resolve.actortable import country_actor
from kg.resolve.modifiers import Owner
from kg.resolve.text import strip_determiners

__all__ = [
    "UNIT_CATEGORIES",
    "UNIT_FILLERS",
    "GENERIC_UNIT_WORDS",
    "unit_owner",
    "group_owner",
    "officers_of_police",
]

UNIT_CATEGORIES = frozenset({"state_forces", "police"})
UNIT_FILLERS = frozenset({"rival", "allied", "elite"})  # "the rival 444 Brigade": not part of the name
GENERIC_UNIT_WORDS = frozenset(
    {"special", "security", "government", "national", "federal", "armed", "defence", "defense", "border",
     "republican", "presidential", "royal", "air", "naval", "joint", "rapid", "regular", "regional", "state",
     "local", "coalition", "interim", "transitional", "military", "army", "police", "revolutionary",
     "popular"}
)  # fmt: skip
OFFICER_WORDS = frozenset({"officer", "officers"})


def unit_owner(modifiers: list[str], head: list[str], capitalised: bool) -> Owner:
    """``Owner(name=...)`` for a unit named by its one modifier, else the empty ``Owner()``;
    ``capitalised`` False when the modifier is capitalised only because it starts the sentence."""
    if len(modifiers) != 1 or modifiers[0].lower() in GENERIC_UNIT_WORDS:
        return Owner()
    word = modifiers[0]
    if word.isdigit() or (capitalised and word[:1].isupper() and word.isalpha()):
        return Owner(name=" ".join([word, *head]))
    return Owner()


def group_owner(modifiers: list[str], head: list[str]) -> Owner:
    """``Owner(name=...)`` for an armed group named by an acronym the tables lack ("the CODECO militia",
    "the 3R rebels"), else ``Owner()``; a capitalised word alone may be a creed or a region ("Islamist
    militants"), so only an acronym counts."""
    if len(modifiers) != 1 or len(modifiers[0]) < 2:
        return Owner()
    word = modifiers[0]
    return Owner(name=" ".join([word, *head])) if word.isalnum() and word.isupper() else Owner()


def officers_of_police(ctx: ActorContext) -> None:
    """Re-resolve bare "officers" as police when the police of their country are in the story."""
    police = {a.country for _, a in ctx.history if a.sector == "COP" and a.country}
    if not police:
        return  # (the cheap tests first: no police, or no army the mention stands for)
    for key, actor in list(ctx.resolved.items()):
        if actor is None or actor.sector != "MIL" or actor.country not in police:
            continue
        words = strip_determiners(key[2]).lower().split()
        if 0 < len(words) <= 2 and words[-1] in OFFICER_WORDS:
            ctx.resolved[key] = country_actor(actor.country or "", "police")
