"""Agent, target, place and time of a trigger, read from the dependency parse.

Verbal triggers: subject -> agent (shared along xcomp/conj/advcl chains), passive ``by`` -> agent, object
and passive subject -> target (or place, for capture-like classes, when it names one; or agent, when the
subject still does the act: "were demobilized", "is opposed to"), ``between X and Y`` -> agents, spatial
prepositions -> places. Nominal triggers: possessive / named modifier / ``by`` phrase / subject of a light
or aspect verb ("issued an ultimatum", "began a hunger strike") or of a participation verb ("arrived on a
visit", "went on strike") -> agent, ``of`` object -> place, target or mover. Object and preposition rules
are in ``kg.extract.collector``, places beyond the trigger's own phrases in ``kg.extract.places`` (README
"Extraction": all rules).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import takewhile
from typing import Protocol

from spacy.tokens import Doc, Token

from kg.extract.clauses import (
    PASSIVE_SUBJ_DEPS,
    RELATIVE_PRONOUNS,
    SUBJ_DEPS,
    antecedent,
    misread_clause,
    misread_subject,
    object_participle,
    subject_of,
)
from kg.extract.collector import RoleCollector, own_act
from kg.extract.complements import addressee, purpose
from kg.extract.makers import event_agents, light_verb_subject, nominal_actor
from kg.extract.nominal import nominal_roles
from kg.extract.nouns import (
    PLACE_LABELS,
    in_time_entity,
    is_nominal,
    is_place_like,
    prep_objects,
    strong_place,
)
from kg.extract.people import (
    actor_like,
    instrument,
)
from kg.extract.placenames import broad_place, district_place, heading, known_place, located_by
from kg.extract.places import conjunct_verbs, more_places
from kg.extract.roleclasses import (
    INTRANSITIVE,
    LIGHT_OBJECTS,
    OBJ_DEPS,
    OF,
    PLACE_OBJECT_CLASSES,
    PLACE_SUBJECT_CLASSES,
)
from kg.extract.settings import SETTING_DEPS
from kg.extract.spans import after_trigger, dated_subject, in_dateline, mention
from kg.extract.times import clauses_above, trigger_times
from kg.model import Mention
from kg.namespaces import EVENT_CLASSES

__all__ = ["TriggerLike", "Roles", "find_roles"]


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
    """Role mentions of one trigger; ``participants`` (token index, role) feed quantity extraction;
    ``subjectless`` marks a finite clause without a subject."""

    agents: tuple[Mention, ...] = ()
    targets: tuple[Mention, ...] = ()
    places: tuple[Mention, ...] = ()
    times: tuple[Mention, ...] = ()
    participants: tuple[tuple[int, str], ...] = ()  # (token index, "agent" | "target" | "other")
    subjectless: bool = False


def _verbal(
    col: RoleCollector, head: Token, span: list[Token], participle: tuple[Token, Token] | None = None
) -> bool:
    """Fill roles of a verbal trigger (``participle``: its :func:`~kg.extract.clauses.object_participle`);
    returns True when the clause has no subject at all."""
    subj: Token | None = None
    objects: list[Token] = []
    kids = list(head.children)  # walked once here (each walk builds its Token objects again)
    misread = misread_clause(head, kids, INTRANSITIVE)
    passive = (
        head.tag_ == "VBN" and head.dep_ == "acl" and not any(c.dep_ == "aux" for c in kids) and not misread
    )
    for tok in span:
        for child in kids if tok.i == head.i else tok.children:
            if child in span:
                continue
            # not "Further west, ..." nor a dateline's city ("HERAT, May 3 — ..."; subject_of below takes
            # the subject in apposition to it)
            if child.dep_ in SUBJ_DEPS and not (heading(child) or in_dateline(child)):
                # the first of two (a misparsed apposition), unless it is a weapon and the second a party:
                # "Drones launched by the paramilitary Rapid Support Forces struck", "Forces" a subject too
                weapon = subj is not None and instrument(subj) and actor_like(child)
                subj = antecedent(child, head) if subj is None or weapon else subj
            elif child.dep_ in PASSIVE_SUBJ_DEPS:
                passive = True
                objects.append(child)
            elif child.dep_ == "auxpass":
                passive = True
            elif child.dep_ == "dative" and not any(g.dep_ == "pobj" for g in child.children):
                col.add(col.targets, child)  # "gave the villagers food"
            elif child.dep_ in OBJ_DEPS or (child.dep_ == "pobj" and tok.i != head.i):
                objects.append(child)  # includes the object of a preposition inside "took control of"
            elif child.dep_ == "conj" and col.cls in PLACE_OBJECT_CLASSES and is_place_like(child):
                objects.append(child)  # "took Kalehe, a town near X, and the port of Minova": misattached
            elif child.dep_ == "agent" and tok.tag_ == "VBN" and tok.lemma_ not in INTRANSITIVE:
                # a passive's doer; not the means of an intransitive misread as passive ("fled by boat")
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        col.add(col.agents, obj)
        col.prepositions(tok, nominal=False)
    objects = [o for o in objects if o not in col.agents]  # "fell under the control of X": X is done
    col.blamed(head, objects)
    # "The assailants, whom survivors identified as militiamen, set fire to ...", parsed as one relative
    # clause with two objects: the antecedent did it, the relative pronoun is no object
    stray = [o for o in objects if o.lower_ in RELATIVE_PRONOUNS and o.head.i == head.i]
    if head.dep_ == "relcl" and stray and len(objects) > len(stray):
        objects = [o for o in objects if o not in stray]
        subj = head.head
    if participle is not None and not objects and not passive:  # "killed two officers escorting a team"
        objects.append(participle[0])
    if passive and subj is None and not col.agents and objects and own_act(col.cls, head, objects[0]):
        subj = objects.pop(0)  # "the guerrillas were demobilized", "Israel is opposed to"
    if passive and head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN"):
        objects.append(head.head)
    if subj is None and not passive:  # "On Friday rebels attacked", read as "on [Friday rebels]"
        subj = next((o for _, o in prep_objects(head) if dated_subject(o)), None) or subject_of(head)
    if subj is None and misread:
        subj = misread_subject(head.head)
    finite_acl = head.dep_ == "acl" and head.tag_ == "VBD" and actor_like(head.head)
    if subj is None and not passive and finite_acl:
        subj = antecedent(head.head, head)  # "Galmudug's president, Ahmed Abdi Karie, called on": misparsed
    if subj is None and not passive and head.dep_ in ("acl", "xcomp") and head.head.pos_ in ("NOUN", "PROPN"):
        subj = nominal_actor(head.head)  # "the Taliban claim to have taken", "the army's plan to withdraw"
        if subj is None and head.dep_ == "acl":  # "issued a statement demanding": the issuer demands
            subj = light_verb_subject(head.head)
    if subj is not None:
        # "Herat fell to the Taliban" / "fell under the control of": the subject is the place
        to_actors = [o for _, o in prep_objects(head, frozenset({"to"})) if not is_place_like(o)]
        # "11 Maoists surrendered to police": counted or plural proper nouns name people, not a place
        people = subj.tag_ == "NNPS" or any(c.dep_ == "nummod" for c in subj.children)
        named = (
            subj.pos_ == "PROPN"
            and not (people and subj.ent_type_ not in PLACE_LABELS)
            and (subj.ent_type_ not in ("NORP", "ORG") or bool(col.agents) or bool(to_actors))
        )
        own = [o for o in objects if o not in to_actors]  # "fell to" as one trigger holds its "to" object
        if col.cls in PLACE_SUBJECT_CLASSES and not own and (is_place_like(subj) or named):
            objects = own
            col.add(col.places, subj)
            for obj in to_actors:
                col.add(col.agents, obj)
        else:  # "an attack by the rebels killed ...": who made the event that did it
            stand_in = (
                [] if subj.pos_ != "NOUN" or actor_like(subj) else event_agents(subj, subj.i in col.events)
            )
            if not stand_in and head.dep_ == "relcl" and head.head == subj:
                # "carried out an air strike ... that killed": whoever carried the strike out
                stand_in = [t for t in [light_verb_subject(subj)] if t is not None]
            for agent in stand_in or [subj]:  # a misread subject's conjuncts after the verb are not its
                col.add(col.agents, agent, expand=not misread)
                for conj in agent.conjuncts if misread else ():  # those after it hold its phrases
                    (col.agents if conj.i < head.i else col.extra).append(conj)
            if col.cls == "Surrender":  # "11 Maoists surrendered to police": the side given in to
                for obj in to_actors:
                    col.add(col.targets, obj)
    for obj in objects:
        if obj.lemma_.lower() in LIGHT_OBJECTS and not any(p == "of" for p, _ in prep_objects(obj)):
            for _, inner in prep_objects(head, OF):  # "took control of X" parsed flat
                col.patient(inner)
            continue
        col.patient(obj)
        # "praised Haiti's efforts", "shelled the army's positions": the possessor is a party too
        for owner in (c for c in obj.children if c.dep_ == "poss"):
            if owner.pos_ != "PRON" and actor_like(owner) and not in_time_entity(owner):
                col.add(col.targets, owner, expand=False)
    col.truce_phrases(head, objects)
    addressee(col, head)
    finite = head.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in kids
    )
    return subj is None and not passive and finite and head.dep_ in ("ROOT", "conj")


THERE_ON = frozenset({"dobj", "obj", "pobj"})  # the objects a "there" may hang on


def _there(head: Token) -> Token | None:
    """ "there" on the trigger or on its object ("overran a base there", "dropped explosives on a house
    there")."""
    phrases = [o for c in head.children for o in (c.children if c.dep_ == "prep" else [c])]
    holders = [head, *(o for o in phrases if o.dep_ in THERE_ON)]
    return next((c for t in holders for c in t.children if c.dep_ == "advmod" and c.lower_ == "there"), None)


def _objects(head: Token) -> list[Token]:
    """Direct objects of a verbal trigger that took no role ("signed a peace agreement in Pretoria")."""
    # a noun coordinated with the verb is an object the parser misattached ("took X and the port of Y")
    misattached = ("NOUN", "PROPN")
    return [c for c in head.children if c.dep_ in OBJ_DEPS or (c.dep_ == "conj" and c.pos_ in misattached)]


def _located_places(places: list[Token], taken: set[int]) -> list[Token]:
    """Each place with the named place it locates (``placenames.located_by``) before it; the coarser one
    is dropped when the finer is a place the gazetteer knows ("Frontera Comalapa in Chiapas"), kept beside
    one it lacks ("Lubarika, a village ... in South Kivu province": Lubarika, in South Kivu)."""
    out: list[Token] = []
    for place in places:
        finer = located_by(place)
        if finer is not None and finer.i not in taken and all(finer.i != p.i for p in places + out):
            out.append(finer)
            if known_place(finer):
                continue
        out.append(place)
    return out


def find_roles(doc: Doc, trigger: TriggerLike, events: frozenset[int] = frozenset()) -> Roles:
    """Roles of one trigger (see the module docstring for the rules)."""
    head = doc[trigger.head]
    span = [doc[i] for i in range(trigger.start, trigger.end)] or [head]
    if head not in span:
        span.append(head)
    col = RoleCollector(trigger.event_class, events - {trigger.head}, head.lemma_.lower())
    subjectless = False
    nominal = is_nominal(head)
    participle = None if nominal else object_participle(head)  # an object the parser read as a subject
    if nominal:
        nominal_roles(col, head)
    else:
        subjectless = _verbal(col, head, span, participle)
    col.sides()
    there = _there(head)
    if there is not None:
        col.add(col.places, there, expand=False)  # "overran a base there": the town just named
    # a protest's aim: its own purpose clause, or that of the light verb whose object it is
    purpose(col, [head, head.head] if nominal and head.dep_ in ("dobj", "obj") else [head])
    # "a market in Donetsk", "the outskirts of Sake", "an attack on Dori", "militants near Bama"
    holders = [*col.agents, *col.targets, *col.places, *col.extra, *_objects(head)]
    # a count stands for what it counts: "dozens of its nationals from Niamey"
    holders += [o for t in holders if t.like_num or t.ent_type_ == "CARDINAL" for _, o in prep_objects(t, OF)]
    ups = clauses_above(head, nominal=nominal)
    # "arrested a leader and seized rifles in Navolato on Monday": a coordinated verb's time before the
    # governing clause's
    times = trigger_times(head, span, holders, col.events, ups, [] if nominal else conjunct_verbs(head))
    found = any(strong_place(p) for p in col.places)
    broad = found and all(broad_place(p) for p in col.places)  # "in Cameroon's North-West region"
    from_ok = col.from_place
    # an earlier event governing this one lends its whole setting later (kg.extract.settings.inherit_setting
    # does so for an event noun's clauses and for a verb's advcl/xcomp/conj/relcl head)
    inherits = (
        not nominal and head.dep_ in SETTING_DEPS and head.head.i in col.events and head.head.i < head.i
    )
    governing = ups
    if nominal:
        governing = list(takewhile(lambda g: not (g.i in col.events and g.i < head.i), ups))
    elif inherits:
        governing = []
    # nor does an agent's country stand for its place then ("South Sudan's air force bombed Nasir, killing")
    owners = [] if inherits else col.agents
    more = more_places(
        head, holders, governing, owners, nominal=nominal, hostile=col.hostile, from_ok=from_ok,
        found=found and not broad, violent=EVENT_CLASSES.get(col.cls) == "Assault", participle=participle,
    )  # fmt: skip
    if any(strong_place(p) and not broad_place(p) for p in [*col.places, *more]):
        # "from a school in Ndop, in Cameroon's North-West region": the town, not the province it is in
        col.places[:] = [p for p in col.places if not broad_place(p, countries=False)]
        more = [p for p in more if not broad_place(p, countries=False)]
    elif any(district_place(p) for p in [*col.places, *more]):
        # "In the state of Assam, police arrested ... in Tinsukia district": the district, not the state
        col.places[:] = [p for p in col.places if district_place(p) or not broad_place(p, countries=False)]
        more = [p for p in more if district_place(p) or not broad_place(p, countries=False)]
    for place in more:
        col.add(col.places, place)
    # "fought for control of Lubarika, a village ... in South Kivu province": the place located by another
    col.places[:] = _located_places(col.places, {t.i for t in col.agents + col.targets})

    def mentions(tokens: list[Token], place: bool = False, actor: bool = False) -> tuple[Mention, ...]:
        ordered = sorted(tokens, key=lambda t: t.i)
        found = [
            after_trigger(mention(t, place=place, actor=actor, located=actor and tokens is col.agents), span)
            for t in ordered
        ]
        return tuple(
            m for n, m in enumerate(found) if all((m.start, m.end) != (o.start, o.end) for o in found[:n])
        )

    participants = tuple(
        [(t.i, "agent") for t in col.agents]
        + [(t.i, "target") for t in col.targets]
        + [(t.i, "other") for t in col.extra]
    )
    # "demonstrators in Baghdad" are who acted; "arrested the leader in Minsk" names where it happened
    agents = mentions(col.agents, actor=True)
    targets = mentions(col.targets, actor=True)
    places = mentions(col.places, place=True)
    return Roles(agents, targets, places, tuple(times), participants, subjectless)
