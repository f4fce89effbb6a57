"""The argument and context constraints of lexicon entries (``object``, ``subject``, ``with``,
``not_object``), checked on a trigger's head token for ``kg.extract.triggers``.

``argument_fits(head, words, deps)``: a dependent with one of ``deps`` (its conjuncts, appositions, a
noun's ``of``/possessor, or what a quantity counts) is one of ``words``; ``context_fits(head, words)``:
some dependent is one of ``words`` or matches a marker (XCOMP, CCOMP, ACTOR, ACTOR_CLAUSE, RECIPIENT).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Token

from kg.extract.nouns import in_time_entity
from kg.extract.people import actor_like
from kg.extract.tree import children
from kg.placewords import PLACE_LABELS

__all__ = [
    "fits",
    "argument_fits",
    "context_fits",
    "counted",
    "recipient",
    "OBJECT_DEPS",
    "SUBJECT_DEPS",
    "ADDRESSEE_DEPS",
    "QUANTITY_NOUNS",
    "NOUN_POS",
]

NOUN_POS = frozenset({"NOUN", "PROPN"})
# a noun object parsed as a clause ("allowed UN monitors into the camps") still counts
OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd", "ccomp"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
DEPENDENCY_MARKERS = frozenset({"xcomp", "ccomp"})  # labels a `with` constraint may name
ACTOR_DEPS = frozenset({"dobj", "dative"})  # `with` ACTOR: "warned the rebels"
ADDRESSEE_DEPS = OBJECT_DEPS | ACTOR_DEPS  # `not_object`
ENTITY_MARKERS = {"NORP": "norp", "PERSON": "person"}  # entity labels an argument constraint may name
# a head that stands for its "of" object: "freed hundreds of prisoners", "received a team of observers"
QUANTITY_NOUNS = frozenset(
    {"hundred", "thousand", "dozen", "score", "number", "group", "handful", "million", "tonne", "ton",
     "truckload", "shipment", "consignment", "batch", "crate", "load", "team", "mission", "delegation",
     "contingent", "detachment", "patch", "wave", "unit", "deployment", "force", "part", "portion", "bulk",
     "half", "rest", "most", "all", "some", "patrol", "company", "battalion", "platoon", "squad", "convoy",
     "column"}
)  # fmt: skip


def fits(token: Token, wanted: Sequence[str]) -> bool:
    """``token`` is one of the ``wanted`` words: its lemma or form, "place" for a place name, "norp" for a
    nationality or group name ("Algerians"), "person" for a person's name, or a two-word "modifier head"
    ("mediation effort")."""
    lemma, lower = token.lemma_.lower(), token.lower_
    if lemma in wanted or lower in wanted:
        return True
    label = token.ent_type_
    if label and (("place" in wanted and label in PLACE_LABELS) or ENTITY_MARKERS.get(label, "") in wanted):
        return True
    pairs = _pairs(wanted) if isinstance(wanted, tuple) else [w.split(" ", 1) for w in wanted if " " in w]
    if not pairs:
        return False
    mods = {w for c in children(token) if c.dep_ in MODIFIER_DEPS for w in (c.lemma_.lower(), c.lower_)}
    return any(last in (lemma, lower) and first in mods for first, last in pairs)


@lru_cache(maxsize=4096)
def _pairs(wanted: tuple[str, ...]) -> list[list[str]]:
    """The two-word ("modifier head") entries of a lexicon constraint, split (the same few each time)."""
    return [w.split(" ", 1) for w in wanted if " " in w]


def argument_fits(head: Token, wanted: Sequence[str], deps: frozenset[str]) -> bool:
    """The argument constraint holds for a direct dependent, its conjuncts, or a noun's ``of`` object; a
    relative clause with no object of its own has the noun it tells of as its object."""
    candidates = [c for c in children(head) if c.dep_ in deps]
    if "dobj" in deps and not any(c.dep_ in ("dobj", "obj") for c in children(head)):
        candidates += _told_of(head)
    if head.pos_ in NOUN_POS:
        for child in children(head):
            if child.dep_ == "poss":
                candidates.append(child)
            elif child.dep_ == "prep":
                candidates += [g for g in children(child) if g.dep_ == "pobj"]
    # a quantity stands for its "of" object: "freed hundreds of prisoners", "700 kg of medicine"
    amounts = [c for c in candidates if c.like_num or c.lemma_ in QUANTITY_NOUNS or counted(c)]
    of_phrases = [p for c in amounts for p in children(c) if p.dep_ == "prep" and p.lower_ == "of"]
    candidates += [g for p in of_phrases for g in children(p) if g.dep_ == "pobj"]
    for token in candidates:
        if any(
            fits(t, wanted)
            for t in [token, *token.conjuncts, *(c for c in children(token) if c.dep_ == "appos")]
        ):
            return True
    return False


INDEFINITE = frozenset({"a", "an"})


def _told_of(verb: Token) -> list[Token]:
    """The noun a relative clause with no object tells of: "a charge Islamabad denied" (relcl), or as the
    parser may read it, "a claim officials rejected" (an article before a plural or a name cannot be the
    subject's own: the compound noun it opens is the object)."""
    if verb.dep_ == "relcl":
        return [verb.head]
    subject = next((c for c in children(verb) if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ not in ("NNS", "NNPS", "NNP"):
        return []
    kids = [c for c in children(subject) if c.i < subject.i]
    if not any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in kids):
        return []
    return [c for c in kids if c.dep_ == "compound" and c.pos_ == "NOUN"]


def counted(token: Token) -> bool:
    return any(c.dep_ == "nummod" for c in children(token))


def context_fits(head: Token, wanted: Sequence[str]) -> bool:
    """Some dependent of ``head`` (or the object of a preposition hanging from a verb) is a ``wanted``
    word, or has a wanted dependency label: "called off" (particle), "put on alert" (prepositional
    object), "sent ... to investigate" (clause), "offered to ..." (XCOMP). A noun's phrases are not
    searched: "a two-day strike", not "the deadliest strike in weeks"."""
    verbal = head.pos_ not in NOUN_POS
    for child in children(head):
        dep = child.dep_  # (each read looks the label up again)
        objects = [o for o in children(child) if o.dep_ == "pobj"] if dep == "prep" else []
        if objects and all(in_time_entity(o) for o in objects):
            continue  # "fired its director on Monday": a date's preposition is no wanted word
        if fits(child, wanted) or (dep in DEPENDENCY_MARKERS and dep in wanted):
            return True
        if "actor" in wanted and dep in ACTOR_DEPS and actor_like(child):
            return True
        if "recipient" in wanted and recipient(child):
            return True
        if "actor_clause" in wanted and dep == "ccomp":
            subject = next((c for c in children(child) if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None and actor_like(subject):
                return True
        if verbal and any(
            fits(g, wanted)
            for g in children(child)
            if (g.dep_ == "pobj" and dep in ("prep", "agent")) or (g.dep_ == "amod" and dep == "dobj")
        ):
            return True  # "put on alert"; a predicate parsed on the object: "set the hostages free"
    return False


def recipient(child: Token) -> bool:
    """`with` RECIPIENT: a dative or a "to" phrase naming a party ("sent missiles to Poland", "gave Kyiv
    shells"; not "sent rockets into Israel" or "to the town")."""
    if child.dep_ == "dative" and child.pos_ != "ADP":
        return actor_like(child)
    if child.dep_ in ("prep", "dative") and child.lower_ == "to":
        return any(g.dep_ == "pobj" and actor_like(g) for g in children(child))
    return False
