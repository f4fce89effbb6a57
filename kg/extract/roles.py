"""Agent, target, place and time of a trigger, read from the dependency parse.

Verbal triggers: ``nsubj`` (shared through xcomp/conj/advcl chains, relative pronouns replaced by their
antecedent) is the agent; ``dobj``, ``against``/``on`` objects and passive subjects are targets; a passive
``by`` phrase is the agent; ``between X and Y`` (and ``with X`` for symmetric classes such as clashes or
talks) adds agents. Places come from spatial prepositions, ``from`` for movement classes, and from the
objects/subjects of capture-like classes when they name a place. Nominal triggers take their agent from a
possessive, a named compound/adjective ("Taliban offensive", "Russian shelling"), a ``by`` phrase or the
subject of a light verb ("launched an offensive"); their ``of`` object is a place, target or (for movement
classes) agent. Times are DATE/TIME entities attached to the trigger, else to the clauses governing it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Token

from kg.extract.quantities import PEOPLE_NOUNS
from kg.extract.spans import (
    NP_LEFT_DEPS,
    PLACE_LABELS,
    coordinated,
    in_time_entity,
    is_place_like,
    mention,
    names_place_noun,
    prep_objects,
    semantic_head,
)
from kg.model import Mention
from kg.namespaces import EVENT_CLASSES

__all__ = ["TriggerLike", "Roles", "find_roles", "governors", "subject_of", "time_mentions"]

SUBJ_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJ_DEPS = frozenset({"dobj", "obj", "attr"})
SHARED_SUBJ_DEPS = frozenset({"xcomp", "conj", "advcl"})
CLIMB_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "conj", "parataxis", "dobj", "pobj", "prep", "pcomp", "acl"}
)
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
SPATIAL_PREPS = frozenset(
    {"in", "at", "near", "to", "into", "outside", "around", "across", "inside", "throughout", "within",
     "towards", "toward", "onto", "through", "along", "beyond", "off", "over", "behind"}
)  # fmt: skip
NESTED_PLACE_PREPS = frozenset({"in", "near", "outside", "at"})
DIRECTIONAL_PREPS = frozenset({"to", "into", "towards", "toward", "onto"})
FROM_CLASSES = frozenset({"Withdrawal", "Retreat", "Displacement", "Evacuation", "Abduction"})
MOVER_CLASSES = frozenset(
    {"Withdrawal", "Retreat", "Displacement", "Evacuation", "Deployment", "Mobilize", "Surrender"}
)
SYMMETRIC_CLASSES = frozenset({"ArmedClash"})  # "clashed with X": both sides are agents
COOPERATIVE_CATEGORIES = frozenset({"Agree", "Consult", "Support", "Concede", "Cooperate", "Aid", "Request"})
PARTNER_PREPS = frozenset({"to", "with", "toward", "towards", "for"})
ACTOR_NOUNS = frozenset(
    {"government", "army", "force", "military", "police", "ministry", "authority", "regime", "administration",
     "council", "party", "group", "coalition", "alliance", "militia", "leader", "president", "minister",
     "country", "state", "nation", "side", "delegation", "envoy", "official", "commander", "movement",
     "organization", "organisation", "agency", "union", "community", "court", "parliament", "cabinet"}
)  # fmt: skip
# Classes whose object/subject naming a place is the place of the event ("took Herat", "Herat fell").
PLACE_OBJECT_CLASSES = frozenset(
    {"Capture", "Siege", "Shelling", "AirStrike", "Bombing", "Withdrawal", "Retreat", "Displacement",
     "Evacuation"}
)  # fmt: skip
NAMED_PLACE_CLASSES = frozenset({"Capture", "Siege"})
PLACE_SUBJECT_CLASSES = frozenset({"Capture", "Surrender", "Siege"})
TARGET_PREPS = frozenset({"against", "on", "upon", "at"})
LIGHT_OBJECTS = frozenset({"control", "charge", "possession", "command", "hold"})
LIGHT_VERBS = frozenset(
    {"launch", "carry", "conduct", "stage", "mount", "begin", "start", "continue", "intensify", "escalate",
     "announce", "order", "sign", "agree", "hold", "make", "declare", "resume", "wage", "lead", "unleash",
     "undertake", "complete", "initiate", "step", "press", "claim", "reach", "break", "violate", "open"}
)  # fmt: skip
HOSTILE_CATEGORIES = frozenset({"Assault", "Coerce", "Threaten", "Protest", "Sanction", "Accuse", "Reject"})
NON_TARGET_NOUNS = frozenset({"point", "time", "moment", "stage", "least", "most", "once", "night", "dawn"})
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
ACTOR_LABELS = frozenset({"ORG", "NORP", "GPE", "PERSON"})


class TriggerLike(Protocol):
    """What roles need from a trigger (``kg.extract.triggers.TriggerMatch`` satisfies it)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def head(self) -> int: ...
    @property
    def event_class(self) -> str: ...


@dataclass(frozen=True)
class Roles:
    """Role mentions of one trigger. ``participants`` are token indices of every role head (and of a
    nominal's ``of`` object) for quantity extraction; ``subjectless`` marks a finite clause with no
    subject."""

    agents: tuple[Mention, ...] = ()
    targets: tuple[Mention, ...] = ()
    places: tuple[Mention, ...] = ()
    times: tuple[Mention, ...] = ()
    participants: tuple[int, ...] = ()
    subjectless: bool = False


def governors(token: Token) -> Iterator[Token]:
    """Heads above ``token`` while the link is clausal or prepositional (stops at the sentence root)."""
    cur = token
    while cur.dep_ in CLIMB_DEPS and cur.head.i != cur.i:
        cur = cur.head
        yield cur


def _antecedent(subj: Token, verb: Token) -> Token:
    if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return subj


def subject_of(verb: Token) -> Token | None:
    """The active subject of ``verb``, shared down xcomp/conj/advcl chains ("continued to advance and
    took")."""
    cur = verb
    for _ in range(6):
        for child in cur.children:
            if child.dep_ in SUBJ_DEPS:
                return _antecedent(child, cur)
        if any(c.dep_ in PASSIVE_SUBJ_DEPS for c in cur.children):
            return None
        if cur.dep_ not in SHARED_SUBJ_DEPS or cur.head.i == cur.i or cur.head.pos_ not in ("VERB", "AUX"):
            return None
        cur = cur.head
    return None


def _time_mention(token: Token, prep: str) -> Mention:
    """The DATE/TIME entity widened to the noun phrase's left modifiers ("the next 24-48 hours");
    articles are kept here because they change the meaning ("a week")."""
    doc = token.doc
    start, end = token.i, token.i + 1
    for child in token.lefts:
        if child.dep_ in NP_LEFT_DEPS:
            start = min(start, child.left_edge.i)
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    span = doc[start:end]
    return Mention(span.text, span.start_char, span.end_char, "DATE", prep)


def time_mentions(tokens: list[Token]) -> list[Mention]:
    """DATE/TIME expressions attached directly to ``tokens``; lemma = governing preposition or ''."""
    found: list[Mention] = []
    for tok in tokens:
        for child in tok.children:
            if child.dep_ in ("npadvmod", "tmod", "obl", "advmod", "poss", "nmod") and in_time_entity(child):
                found.append(_time_mention(child, ""))
            elif child.dep_ == "prep":
                for word, obj in prep_objects(tok):
                    if obj.head.i == child.i and in_time_entity(obj):
                        found.append(_time_mention(obj, word))
    return _dedupe(found)


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: set[tuple[int, int]] = set()
    out = []
    for m in sorted(mentions, key=lambda m: m.start):
        if (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            out.append(m)
    return out


def _spatial_place(prep: str, obj: Token) -> bool:
    if in_time_entity(obj) or obj.like_num:
        return False
    if is_place_like(obj):
        return True
    head = semantic_head(obj)
    if head.pos_ != "PROPN" or head.ent_type_ in ("NORP", "DATE", "TIME"):
        return False
    return not (prep in DIRECTIONAL_PREPS and head.ent_type_ in ("ORG", "PERSON"))


def _actor_like(token: Token) -> bool:
    """Could name an actor: an actor-kind entity, a proper noun, a pronoun or a person/group noun."""
    head = semantic_head(token)
    if in_time_entity(head) or head.ent_type_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT"):
        return False
    if head.ent_type_ in ACTOR_LABELS or head.pos_ in ("PROPN", "PRON"):
        return True
    lemma = head.lemma_.lower()
    return lemma in ACTOR_NOUNS or lemma in PEOPLE_NOUNS


def _strong_place(token: Token) -> bool:
    """A named place (entity or proper noun), as opposed to "the city" or "a nearby base"."""
    head = semantic_head(token)
    return head.pos_ == "PROPN" or head.ent_type_ in PLACE_LABELS


class _Collector:
    def __init__(self, cls: str) -> None:
        self.cls = cls
        self.agents: list[Token] = []
        self.targets: list[Token] = []
        self.places: list[Token] = []
        self.extra: list[Token] = []
        self.hostile = EVENT_CLASSES.get(cls, cls) in HOSTILE_CATEGORIES
        self.cooperative = EVENT_CLASSES.get(cls, cls) in COOPERATIVE_CATEGORIES

    def add(self, role: list[Token], token: Token, expand: bool = True) -> None:
        for tok in coordinated(token) if expand else [token]:
            if all(tok.i != t.i for t in self.agents + self.targets + self.places):
                role.append(tok)

    def patient(self, token: Token) -> None:
        """An object/passive subject: a place for capture-like classes when it names one, else a target."""
        if token.lemma_.lower() in LIGHT_OBJECTS:
            inner = [o for _, o in prep_objects(token, frozenset({"of"}))]
            if not inner:
                return
            token = inner[0]
        for tok in coordinated(token):
            if in_time_entity(tok):
                continue
            named_place = names_place_noun(tok)
            # small models often tag town names PERSON/ORG: a captured or besieged name is a place
            named_place |= self.cls in NAMED_PLACE_CLASSES and tok.pos_ == "PROPN" and tok.ent_type_ != "NORP"
            if self.cls in PLACE_OBJECT_CLASSES and (is_place_like(tok) or named_place):
                self.add(self.places, tok, expand=False)
            elif not self.cooperative or _actor_like(tok):  # "provided food aid": the aid is no actor
                self.add(self.targets, tok, expand=False)

    def prepositions(self, token: Token, nominal: bool) -> None:
        for word, obj in prep_objects(token):
            if word == "between" or (word == "with" and self.cls in SYMMETRIC_CLASSES and _actor_like(obj)):
                self.add(self.agents, obj)
            elif word in PARTNER_PREPS and self.cooperative and _actor_like(obj):
                self.add(self.targets, obj)  # "agreed with X", "handed aid to X": the partner/recipient
            elif word == "under" and obj.lemma_.lower() in LIGHT_OBJECTS:
                for _, inner in prep_objects(obj, frozenset({"of"})):
                    self.add(self.agents, inner)
            elif word == "from" and self.cls in FROM_CLASSES and not in_time_entity(obj):
                self.add(self.places, obj)
            elif word == "from" and self.cls == "Capture" and not is_place_like(obj):
                self.add(self.targets, obj)  # "recaptured the town from the militants": the loser
            elif (
                word in TARGET_PREPS
                and self.hostile
                and not in_time_entity(obj)
                and obj.lemma_.lower() not in NON_TARGET_NOUNS
                and (word != "at" or not is_place_like(obj))
            ):
                if word == "on" and is_place_like(obj):  # "attacks on Kabul"
                    self.add(self.places, obj)
                else:
                    self.patient(obj)
            elif word == "of" and (token.lemma_.lower() in LIGHT_OBJECTS or nominal):
                continue  # handled by the caller (nominal ``of`` objects / light objects)
            elif word in SPATIAL_PREPS and _spatial_place(word, obj):
                self.add(self.places, obj)


def _nominal_actor(noun: Token) -> Token | None:
    for child in noun.lefts:
        if child.dep_ == "poss" or (child.dep_ in ("compound", "amod") and child.ent_type_ in ACTOR_LABELS):
            return child
    return None


def _light_verb_subject(head: Token) -> Token | None:
    """Subject of the light/reporting verb a nominal trigger depends on ("launched an offensive")."""
    cur = head
    for _ in range(3):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") and cur.lemma_.lower() in LIGHT_VERBS:
            subj = subject_of(cur)
            return subj if subj is not None and subj.i != head.i else None
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("ccomp", "xcomp", "advcl"):
            return None
    return None


def _verbal(col: _Collector, head: Token, span: list[Token]) -> bool:
    """Fill roles of a verbal trigger; returns True when the clause has no subject at all."""
    subj: Token | None = None
    objects: list[Token] = []
    passive = head.tag_ == "VBN" and head.dep_ == "acl" and not any(c.dep_ == "aux" for c in head.children)
    for tok in span:
        for child in tok.children:
            if child in span:
                continue
            if child.dep_ in SUBJ_DEPS:
                subj = _antecedent(child, head)
            elif child.dep_ in PASSIVE_SUBJ_DEPS:
                passive = True
                objects.append(child)
            elif child.dep_ == "auxpass":
                passive = True
            elif child.dep_ == "dative" and not any(g.dep_ == "pobj" for g in child.children):
                col.add(col.targets, child)  # "gave the villagers food"
            elif child.dep_ in OBJ_DEPS or (child.dep_ == "pobj" and tok.i != head.i):
                objects.append(child)  # includes the object of a preposition inside "took control of"
            elif child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        col.add(col.agents, obj)
        col.prepositions(tok, nominal=False)
    if passive and head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN"):
        objects.append(head.head)
    if subj is None and not passive:
        subj = subject_of(head)
    if subj is None and not passive and head.dep_ in ("acl", "xcomp") and head.head.pos_ in ("NOUN", "PROPN"):
        subj = _nominal_actor(head.head)  # "the Taliban claim to have taken", "the army's plan to withdraw"
    if subj is not None:
        # "Herat fell to the Taliban" / "fell under the control of": the subject is the place
        to_actors = [o for _, o in prep_objects(head, frozenset({"to"})) if not is_place_like(o)]
        named = subj.pos_ == "PROPN" and (
            subj.ent_type_ not in ("NORP", "ORG") or bool(col.agents) or bool(to_actors)
        )
        if col.cls in PLACE_SUBJECT_CLASSES and not objects and (is_place_like(subj) or named):
            col.add(col.places, subj)
            for obj in to_actors:
                col.add(col.agents, obj)
        else:
            col.add(col.agents, subj)
    for obj in objects:
        if obj.lemma_.lower() in LIGHT_OBJECTS and not any(p == "of" for p, _ in prep_objects(obj)):
            for _, inner in prep_objects(head, frozenset({"of"})):  # "took control of X" parsed flat
                col.patient(inner)
            continue
        col.patient(obj)
    finite = head.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in head.children
    )
    return subj is None and not passive and finite and head.dep_ in ("ROOT", "conj")


def _nominal(col: _Collector, head: Token) -> None:
    of_objects: list[Token] = []
    for child in head.children:
        if child.dep_ == "poss" and not in_time_entity(child):
            col.add(col.agents, child)
        elif child.dep_ in ("compound", "amod", "nmod") and child.i < head.i:
            if (
                child.ent_type_ in ACTOR_LABELS
                and child.ent_type_ not in PLACE_LABELS
                or child.pos_ == "PROPN"
            ):
                col.add(col.agents, child)
        elif child.dep_ == "prep" and child.lower_ == "by":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    col.add(col.agents, obj)
                    of_objects.extend(o for _, o in prep_objects(obj, frozenset({"of"})))
    own_of = [o for _, o in prep_objects(head, frozenset({"of"}))]
    of_objects = own_of or of_objects
    col.prepositions(head, nominal=True)
    if not col.agents and head.dep_ in ("dobj", "nsubjpass", "nsubj"):
        subj = _light_verb_subject(head)
        if subj is not None:
            col.add(col.agents, subj)
    for obj in of_objects:
        if in_time_entity(obj):
            continue
        if obj in col.places or obj in col.targets or obj in col.agents:
            continue
        if is_place_like(obj) or (col.cls in PLACE_SUBJECT_CLASSES and obj.pos_ == "PROPN"):
            col.add(col.places, obj)
        elif col.cls in MOVER_CLASSES:
            if not col.agents:
                col.add(col.agents, obj)
            col.extra.append(obj)
        else:
            col.add(col.targets, obj)


def find_roles(doc: Doc, trigger: TriggerLike) -> Roles:
    """Roles of one trigger (see the module docstring for the rules)."""
    head = doc[trigger.head]
    span = [doc[i] for i in range(trigger.start, trigger.end)] or [head]
    if head not in span:
        span.append(head)
    col = _Collector(trigger.event_class)
    subjectless = False
    nominal = (
        head.pos_ in ("NOUN", "PROPN")
        or (head.pos_ == "ADJ" and head.dep_ != "ROOT")
        or (head.tag_ == "VBG" and head.dep_ in NOMINAL_DEPS)  # gerund as a noun: "Fighting ... intensified"
    )
    if nominal:
        _nominal(col, head)
    else:
        subjectless = _verbal(col, head, span)
    times = time_mentions(span)
    ups = list(governors(head))
    if nominal and head.dep_ in ("nsubj", "nsubjpass"):  # "fighting intensified around X"
        ups = [head.head, *governors(head.head)]
    if not times:
        for gov in ups:
            times = time_mentions([gov])
            if times:
                break
    for tok in [*col.targets, *col.places]:  # "a market in Donetsk", "a school in Kaduna state"
        for word, obj in prep_objects(tok, NESTED_PLACE_PREPS):
            if _strong_place(obj) and _spatial_place(word, obj):
                col.add(col.places, obj)
    strong = [p for p in col.places if _strong_place(p)]
    if not strong:
        for gov in ups:
            sub = _Collector(trigger.event_class)
            for word, obj in prep_objects(gov, SPATIAL_PREPS):
                if _strong_place(obj) and _spatial_place(word, obj):
                    sub.add(sub.places, obj)
            if sub.places:
                col.places.extend(sub.places)
                break
    participants = tuple(t.i for t in col.agents + col.targets + col.extra)
    return Roles(
        agents=tuple(mention(t) for t in sorted(col.agents, key=lambda t: t.i)),
        targets=tuple(mention(t) for t in sorted(col.targets, key=lambda t: t.i)),
        places=tuple(mention(t) for t in sorted(col.places, key=lambda t: t.i)),
        times=tuple(times),
        participants=participants,
        subjectless=subjectless,
    )
