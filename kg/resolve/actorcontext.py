"""Document context for actor resolution: what pronouns refer back to and which state a sentence is about.

``ActorContext`` holds the document's dominant country, its main armed group and the history of resolved
mentions; ``antecedent_of`` finds a pronoun's antecedent in it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from operator import itemgetter

from kg.frozen import evolve
from kg.model import Actor, Mention
from kg.resolve.actortable import actor_table

__all__ = [
    "ActorContext",
    "antecedent_of",
    "antecedent_at",
    "embedded",
    "subject_start",
    "sentence_start",
    "relative_clauses",
    "Coordination",
    "sentence_state",
    "sentence_initial",
    "define_acronym",
    "ACRONYM",
    "PLURAL_PRONOUNS",
    "SUBJECT_SEEKING",
    "PERSON_PRONOUNS",
    "THING_PRONOUNS",
    "RELATIVE_PRONOUNS",
]

PLURAL_PRONOUNS = frozenset(["they", "them", "their", "theirs", "themselves"])
PERSON_PRONOUNS = frozenset(["he", "him", "his", "himself", "she", "her", "hers", "herself"])
THING_PRONOUNS = frozenset(["it", "its", "itself"])
RELATIVE_PRONOUNS = frozenset(["who", "whom", "whose", "which", "that"])
# pronouns that prefer an agent of their own sentence ("... when they blew themselves up"); not object
# pronouns ("saying he would welcome him": him is not the subject) and not relative pronouns
SUBJECT_SEEKING = frozenset(
    ["they", "themselves", "their", "he", "himself", "his", "she", "herself", "it", "itself", "its"]
)
Coordination = tuple[int, int, tuple[tuple[Actor, str], ...]]  # start, end, (actor, mention text) members
# a non-restrictive relative clause set off by commas: ", which has been fighting the RSF,"
_RELATIVE = re.compile(r",\s+(?:which|who|whom|whose)\s[^,.;:!?\n]*,")


def relative_clauses(text: str) -> list[tuple[int, int]]:
    """(opening comma, closing comma) of every comma-delimited relative clause of ``text``."""
    return [(m.start(), m.end() - 1) for m in _RELATIVE.finditer(text)]


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
    # coordinated actors ("Hamas and Islamic Jihad"), which plural pronouns may refer back to together
    coordinated: list[Coordination] = field(default_factory=list)
    # comma-delimited relative clauses; filled from ``text`` when not given
    relatives: list[tuple[int, int]] = field(default_factory=list)
    # start offsets of the mentions that are some event's agent (the subjects pronouns prefer)
    subjects: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        if self.text and not self.relatives:
            self.relatives = relative_clauses(self.text)

    def remember(self, start: int, actor: Actor, text: str = "") -> None:
        bisect.insort(self.history, (start, actor), key=itemgetter(0))
        if text:
            self.texts.setdefault(start, text)
        if actor.kind == "person":
            self.persons.setdefault(actor.label, actor)
            self.persons.setdefault(actor.label.split()[-1], actor)


def subject_start(mention: Mention, ctx: ActorContext) -> int:
    """Where a pronoun's own sentence starts when the pronoun prefers that sentence's agents, else its own
    offset (no preference)."""
    if mention.text.lower().strip() not in SUBJECT_SEEKING or not ctx.subjects:
        return mention.start
    return sentence_start(ctx, mention.start)


_RELATIVE_OBJECT = re.compile(r"\b(?:that|which|who)\s+(?:[a-z]+\s+){1,3}$")


def embedded(start: int, before: int, ctx: ActorContext) -> bool:
    """Whether an actor named at ``start`` sits in a relative clause that closed before ``before``: in "The
    army, which has been fighting the RSF, said its soldiers ...", "its" skips the RSF for the army; in
    "the faction that controls Afghanistan for its support", the object of "controls" is skipped too."""
    if any(opening < start < closing <= before for opening, closing in ctx.relatives):
        return True
    return start < before and bool(_RELATIVE_OBJECT.search(ctx.text[max(0, start - 40) : start]))


def sentence_start(ctx: ActorContext, start: int) -> int:
    """Where the sentence holding offset ``start`` of the document text begins (0 without text)."""
    return max(ctx.text.rfind(". ", 0, start), ctx.text.rfind("\n", 0, start)) + 1 if ctx.text else 0


def antecedent_at(
    mention: Mention, ctx: ActorContext, exclude: frozenset[str] = frozenset()
) -> tuple[int, Actor, str] | None:
    """:func:`antecedent_of` with the offset where the antecedent was named; actors keyed in ``exclude``
    (the event's own agents, for an object pronoun: "he would welcome him") never fit."""
    word = mention.text.lower().strip()
    earlier = [
        (s, a) for s, a in ctx.history if s < mention.start and a.sector != "MED" and a.key not in exclude
    ]
    here = subject_start(mention, ctx)
    for subject_only, skip_embedded in ((True, True), (False, True), (False, False)):
        for start, actor in reversed(earlier):
            if subject_only and (start < here or start not in ctx.subjects):
                continue  # first an agent of the pronoun's own sentence: "Rebels killed 12 people as
                # well as themselves" (the rebels); "The army fought the RSF until it fled" (the army)
            if skip_embedded and embedded(start, mention.start, ctx):
                continue
            fits = (
                (word in PLURAL_PRONOUNS and actor.kind in ("group", "organization"))
                or (word in PERSON_PRONOUNS and actor.kind == "person")
                or (word in THING_PRONOUNS and actor.kind != "person")
                or word in RELATIVE_PRONOUNS
            )
            if fits:
                return start, actor, ctx.texts.get(start, "")
    return None


def antecedent_of(mention: Mention, ctx: ActorContext) -> tuple[Actor, str] | None:
    """Most recent earlier actor that fits a pronoun, and the text it was named with: they -> a group or
    organisation (not a country, not the news agency quoted as a source), he/she -> a person, it ->
    anything but a person or news agency. An actor inside a relative clause that closed before the
    pronoun counts only when no other fits (the clause's subject outranks the clause's object)."""
    found = antecedent_at(mention, ctx)
    return (found[1], found[2]) if found else None


def sentence_state(ctx: ActorContext, start: int) -> str | None:
    """The country of the last state actor named earlier in the same sentence ("The Pentagon said 3,000
    soldiers ..."): bare "soldiers"/"troops" there belong to that state, not to the document's country."""
    if start <= 0 or not ctx.text:
        return None
    opening = sentence_start(ctx, start)
    for begin, actor in reversed(ctx.history):
        if opening <= begin < start and actor.country and actor.sector in ("GOV", "MIL", "COP"):
            return actor.country if actor.kind in ("country", "organization") else None
    return None


def sentence_initial(ctx: ActorContext, start: int) -> bool:
    if start <= 0 or not ctx.text:
        return start <= 0
    before = ctx.text[max(0, start - 3) : start].strip()
    return not before or before[-1] in ".!?\"'\u201d:"


ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z0-9&/.-]{1,9})\)")  # matched at the end of a name


def define_acronym(acronym: str, actor: Actor, ctx: ActorContext) -> Actor:
    """Remember an acronym the text defines after a name; known acronyms ("(APEC)") stay in the table."""
    table = actor_table()
    if acronym in table.exact or acronym.lower() in table.aliases or acronym in actor.aliases:
        return actor
    named = evolve(actor, aliases=(*actor.aliases, acronym))
    ctx.acronyms.setdefault(acronym, named)
    return ctx.acronyms[acronym]
