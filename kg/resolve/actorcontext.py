"""Document context for actor resolution: what pronouns refer back to and which state a sentence is about.

``ActorContext`` holds the document's dominant country, its main armed group and the history of resolved
mentions; ``antecedent_of`` finds a pronoun's antecedent in it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from kg.model import Actor, Mention
from kg.resolve.actortable import actor_table

__all__ = [
    "ActorContext",
    "antecedent_of",
    "sentence_state",
    "sentence_initial",
    "define_acronym",
    "ACRONYM",
    "PLURAL_PRONOUNS",
    "PERSON_PRONOUNS",
    "THING_PRONOUNS",
    "RELATIVE_PRONOUNS",
]

PLURAL_PRONOUNS = frozenset(["they", "them", "their", "theirs", "themselves"])
PERSON_PRONOUNS = frozenset(["he", "him", "his", "himself", "she", "her", "hers", "herself"])
THING_PRONOUNS = frozenset(["it", "its", "itself"])
RELATIVE_PRONOUNS = frozenset(["who", "whom", "whose", "which", "that"])


@dataclass
class ActorContext:
    """Document-level knowledge: dominant country, main armed group, resolved mentions for pronouns."""

    text: str = ""
    country: str | None = None
    main_group: Actor | None = None
    history: list[tuple[int, Actor]] = field(default_factory=list)
    persons: dict[str, Actor] = field(default_factory=dict)  # surname / full name -> person actor
    # results of build_context for mentions whose resolution does not depend on what comes later
    # (not pronouns, not persons): resolve_frame asks again for the same role mentions
    resolved: dict[tuple[int, int, str, str, str], Actor | None] = field(default_factory=dict)

    # start offset -> text of the mention remembered there (what a pronoun's antecedent was called)
    texts: dict[int, str] = field(default_factory=dict)
    # acronyms the text defines: "the Nigerian Union of Teachers (NUT)" -> "NUT" names that actor
    acronyms: dict[str, Actor] = field(default_factory=dict)

    def remember(self, start: int, actor: Actor, text: str = "") -> None:
        bisect.insort(self.history, (start, actor), key=lambda item: item[0])
        if text:
            self.texts.setdefault(start, text)
        if actor.kind == "person":
            self.persons.setdefault(actor.label, actor)
            self.persons.setdefault(actor.label.split()[-1], actor)


def antecedent_of(mention: Mention, ctx: ActorContext) -> tuple[Actor, str] | None:
    """Most recent earlier actor that fits a pronoun, and the text it was named with: they -> a group or
    organisation (not a country, not the news agency quoted as a source), he/she -> a person, it ->
    anything but a person or news agency."""
    word = mention.text.lower().strip()
    earlier = [(s, a) for s, a in ctx.history if s < mention.start and a.sector != "MED"]
    for start, actor in reversed(earlier):
        fits = (
            (word in PLURAL_PRONOUNS and actor.kind in ("group", "organization"))
            or (word in PERSON_PRONOUNS and actor.kind == "person")
            or (word in THING_PRONOUNS and actor.kind != "person")
            or word in RELATIVE_PRONOUNS
        )
        if fits:
            return actor, ctx.texts.get(start, "")
    return None


def sentence_state(ctx: ActorContext, start: int) -> str | None:
    """The country of the last state actor named earlier in the same sentence ("The Pentagon said 3,000
    soldiers ..."): bare "soldiers"/"troops" there belong to that state, not to the document's country."""
    if start <= 0 or not ctx.text:
        return None
    sentence_start = max(ctx.text.rfind(". ", 0, start), ctx.text.rfind("\n", 0, start)) + 1
    for begin, actor in reversed(ctx.history):
        if sentence_start <= begin < start and actor.country and actor.sector in ("GOV", "MIL"):
            return actor.country if actor.kind in ("country", "organization") else None
    return None


def sentence_initial(ctx: ActorContext, start: int) -> bool:
    if start <= 0 or not ctx.text:
        return start <= 0
    before = ctx.text[max(0, start - 3) : start].strip()
    return not before or before[-1] in ".!?\"'\u201d:"


ACRONYM = re.compile(r"^\s*\(([A-Z][A-Za-z0-9&/.-]{1,9})\)")


def define_acronym(acronym: str, actor: Actor, ctx: ActorContext) -> Actor:
    """Remember an acronym the text defines after a name; known acronyms ("(APEC)") stay in the table."""
    table = actor_table()
    if acronym in table.exact or acronym.lower() in table.aliases or acronym in actor.aliases:
        return actor
    named = replace(actor, aliases=(*actor.aliases, acronym))
    ctx.acronyms.setdefault(acronym, named)
    return ctx.acronyms[acronym]
