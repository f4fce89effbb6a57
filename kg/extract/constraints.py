"""The argument and context constraints of lexicon entries (``object``, ``subject``, ``with``,
``not_object``), checked on a trigger's head token for ``kg.extract.triggers``, after the head word's own
checks (``kg.extract.nonevents``); :class:`HeadChecks` asks them of one document's candidates.

``argument_fits(head, words, deps)``: a dependent with one of ``deps`` (its conjuncts, appositions, a
noun's ``of``/possessor, or what a quantity counts: the words ``arguments(head, deps)``) is one of
``words``; ``context_fits(head, words)``: some dependent is one of ``words`` or matches a marker (XCOMP,
CCOMP, ACTOR, ACTOR_CLAUSE, RECIPIENT).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Token

from kg.extract.lexicon import LexiconEntry
from kg.extract.nonevents import (
    ANONYMITY_LEMMAS,
    BROKERING_PARTICIPLES,
    DESCRIBING_PARTICIPLES,
    GROUP_NOUNS,
    HEDGE_PARTICIPLES,
    RELATION_PARTICIPLES,
    STATUS_PARTICIPLES,
    adjectival,
    describes_people,
    describes_role,
    equipped,
    natural_cause,
    no_comment,
    no_event_noun,
    record,
    the_group,
)
from kg.extract.nouns import TIME_LABELS, in_time_entity
from kg.extract.people import actor_like
from kg.extract.quantities import INJURY_LEMMAS
from kg.extract.tree import children, labelled
from kg.placewords import PLACE_LABELS

__all__ = [
    "HeadChecks",
    "fits",
    "argument_fits",
    "arguments",
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
BURNT = frozenset({"dobj", "obj", "nsubjpass", "agent"})  # "burned" with what was burnt, or by whom
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
    return any(fits(t, wanted) for t in arguments(head, deps))


def arguments(head: Token, deps: frozenset[str]) -> list[Token]:
    """The words :func:`argument_fits` checks: the dependents with one of ``deps``, their conjuncts and
    appositions, the noun a relative clause with no object tells of, a noun's possessor and prepositional
    objects, and what a quantity counts."""
    kids = labelled(head)
    candidates = [c for c, dep in kids if dep in deps]
    if "dobj" in deps and not any(dep in ("dobj", "obj") for _, dep in kids):
        candidates += _told_of(head)
    if head.pos_ in NOUN_POS:
        for child, dep in kids:
            if dep == "poss":
                candidates.append(child)
            elif dep == "prep":
                candidates += [g for g in children(child) if g.dep_ == "pobj"]
    # a quantity stands for its "of" object: "freed hundreds of prisoners", "700 kg of medicine"
    amounts = [c for c in candidates if c.like_num or c.lemma_ in QUANTITY_NOUNS or counted(c)]
    of_phrases = [p for c in amounts for p in children(c) if p.dep_ == "prep" and p.lower_ == "of"]
    candidates += [g for p in of_phrases for g in children(p) if g.dep_ == "pobj"]
    return [
        t
        for token in candidates
        for t in [token, *token.conjuncts, *(c for c in children(token) if c.dep_ == "appos")]
    ]


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


NAME_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "LAW", "NORP", "PRODUCT"})  # nouns inside names
_NAME_OR_TIME = NAME_LABELS | TIME_LABELS
AUX_DEPS = frozenset({"aux", "auxpass"})
_DESCRIBING_AMOD = HEDGE_PARTICIPLES | STATUS_PARTICIPLES | RELATION_PARTICIPLES
ARGUMENT_DEPS = frozenset({"dobj", "obj", "nsubj", "nsubjpass", "pobj", "conj", "appos"})


class HeadChecks:
    """The checks of one document's candidate heads, each asked once per head: the head's own
    (:func:`_head_allowed`, per head and kind) and the words its argument constraints look at."""

    def __init__(self) -> None:
        self.heads: dict[tuple[int, str], bool] = {}
        self.arguments: dict[tuple[int, frozenset[str]], list[Token]] = {}

    def allowed(self, head: Token, entry: LexiconEntry, kind: str) -> bool:
        """Whether ``entry`` may trigger at ``head``: the head's own checks, then the entry's argument
        constraints."""
        key = (head.i, kind)
        allowed = self.heads.get(key)
        if allowed is None:
            allowed = self.heads[key] = _head_allowed(head, kind)
        if not allowed:
            return False
        if entry.objects and not self._fits(head, entry.objects, OBJECT_DEPS):
            return False
        if entry.context and not context_fits(head, entry.context):
            return False
        if entry.excluded and self._fits(head, entry.excluded, ADDRESSEE_DEPS):
            return False  # "warned residents to stay indoors": advice to the public, no threat
        return not (entry.subjects and not self._fits(head, entry.subjects, SUBJECT_DEPS))

    def _fits(self, head: Token, wanted: tuple[str, ...], deps: frozenset[str]) -> bool:
        """:func:`argument_fits`, the words looked at found once per head."""
        key = (head.i, deps)
        words = self.arguments.get(key)
        if words is None:
            words = self.arguments[key] = arguments(head, deps)
        return any(fits(t, wanted) for t in words)


def _head_allowed(head: Token, kind: str) -> bool:
    """The checks that depend on the head word alone, not on the lexicon entry (each word read once: each
    read looks its string up again; a check that needs a participle or a clause label asked only then)."""
    dep = head.dep_
    if dep in AUX_DEPS:
        return False
    tag, lemma = head.tag_, head.lemma_
    kids = labelled(head)
    if kind == "noun" and (dep in ("compound", "amod") or head.ent_type_ in _NAME_OR_TIME):
        return False  # part of a name ("Operation Storm") or a modifier ("protest leaders", "aid convoy")
    if kind == "noun" and lemma.lower() in GROUP_NOUNS and the_group(head):
        return False  # a group called by its name: "the Chin Brotherhood alliance said", "the NATO alliance"
    if tag == "VBN" and _people_or_record(head, dep, lemma, kids):
        return False
    if dep == "amod" and (tag == "VBG" or lemma in _DESCRIBING_AMOD):
        return False  # a participle describing a noun: "the surrounding district", "Turkish-backed factions"
    if head.lower_ == "surrounding" and adjectival(head):
        return False  # "fled the town and surrounding villages", misparsed as a coordinated verb
    if tag == "VBG" and describes_people(head):
        return False  # "struck a column of fleeing attackers", misparsed as "fleeing" the attackers
    if dep in ("relcl", "acl") and describes_role(head):
        return False  # "the civilian militia that fights alongside the army": what it does as a rule
    if dep == "acl" and lemma in RELATION_PARTICIPLES and any(d == "agent" for _, d in kids):
        return False  # "fighters backed by paratroopers" (a participle tagged VBN: above)
    if natural_cause(head) or (tag == "VBN" and equipped(head)) or no_comment(head, lemma):
        return False  # "storms destroyed ...", "armed with rifles", "declined to comment"
    if lemma == "burn" and kind != "noun" and not any(d in BURNT for _, d in kids):
        return False  # "a fire that burned for hours", "the depot was still burning": nobody burned anything
    if head.pos_ in NOUN_POS and no_event_noun(head):
        return False
    return not any(
        d == "xcomp" and c.lemma_ in ANONYMITY_LEMMAS and any(g.dep_ == "neg" for g in children(c))
        for c, d in kids
    )  # "asked not to be named"


def _people_or_record(head: Token, dep: str, lemma: str, kids: Sequence[tuple[Token, str]]) -> bool:
    """A past participle (tagged VBN) that names people or a status, or tells a record."""
    if dep in ARGUMENT_DEPS and any(d in ("det", "nummod") for _, d in kids):
        return True  # a participle naming people: "evacuated the wounded", "20 wounded had been brought in"
    if dep == "acl":
        if lemma in DESCRIBING_PARTICIPLES:
            return True  # "hundreds of thousands of people displaced from surrounding districts"
        if lemma in BROKERING_PARTICIPLES:
            return True  # "talks mediated by the interior ministry": how the talks were held
        if lemma in RELATION_PARTICIPLES:
            return True  # "fighters backed by paratroopers"
        described = head.head
        if described.lower_ == "those":
            return True  # "among those killed were two children"
        if lemma in INJURY_LEMMAS and described.like_num:
            return True  # "ambulances took more than 20 wounded to hospital": the injured people
    return record(head)  # "has repeatedly targeted their officials": a record, not an event
