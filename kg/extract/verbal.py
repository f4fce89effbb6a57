"""Roles of a verbal trigger, for :func:`kg.extract.roles.find_roles` (the event nouns' are in
:mod:`kg.extract.nominal`): its subject (shared along xcomp/conj/advcl chains, a relative pronoun replaced
by its antecedent), passive ``by`` agent, objects and passive subjects (targets, or the place of a
capture-like class, or the agent when the subject still does the act: "were demobilized", "is opposed
to"), datives, and the prepositional phrases the role collector reads.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.clauses import (
    PASSIVE_SUBJ_DEPS,
    RELATIVE_PRONOUNS,
    SUBJ_DEPS,
    antecedent,
    misread_clause,
    misread_subject,
    subject_of,
)
from kg.extract.collector import RoleCollector, own_act
from kg.extract.complements import addressee
from kg.extract.datelines import in_dateline
from kg.extract.makers import event_agents, light_verb_subject, nominal_actor
from kg.extract.nouns import PLACE_LABELS, in_time_entity, is_place_like, prep_objects
from kg.extract.people import actor_like, instrument, known_group
from kg.extract.placenames import heading
from kg.extract.roleclasses import (
    INTRANSITIVE,
    LIGHT_OBJECTS,
    OBJ_DEPS,
    OF,
    PLACE_OBJECT_CLASSES,
    PLACE_SUBJECT_CLASSES,
)
from kg.extract.spans import dated_subject
from kg.extract.tree import children

__all__ = ["verbal_roles"]


def verbal_roles(
    col: RoleCollector, head: Token, span: list[Token], participle: tuple[Token, Token] | None = None
) -> bool:
    """Fill roles of a verbal trigger (``participle``: its :func:`~kg.extract.clauses.object_participle`);
    returns True when the clause has no subject at all."""
    subj: Token | None = None
    objects: list[Token] = []
    kids = list(children(head))  # walked once here (each walk builds its Token objects again)
    misread = misread_clause(head, kids, INTRANSITIVE)
    passive = (
        head.tag_ == "VBN" and head.dep_ == "acl" and not any(c.dep_ == "aux" for c in kids) and not misread
    )
    for tok in span:
        for child in kids if tok.i == head.i else children(tok):
            if child in span:
                continue
            # not "Further west, ..." nor a dateline's city ("HERAT, May 3 — ..."; subject_of below takes
            # the subject in apposition to it)
            dep = child.dep_  # (each read looks the label up again)
            if dep in SUBJ_DEPS and not (heading(child) or in_dateline(child)):
                # the first of two (a misparsed apposition), unless it is a weapon and the second a party:
                # "Drones launched by the paramilitary Rapid Support Forces struck", "Forces" a subject too
                weapon = subj is not None and instrument(subj) and actor_like(child)
                subj = antecedent(child, head) if subj is None or weapon else subj
            elif dep in PASSIVE_SUBJ_DEPS:
                passive = True
                objects.append(child)
            elif dep == "auxpass":
                passive = True
            elif dep == "dative" and not any(g.dep_ == "pobj" for g in children(child)):
                col.add(col.targets, child)  # "gave the villagers food"
            elif dep in OBJ_DEPS or (dep == "pobj" and tok.i != head.i):
                objects.append(child)  # includes the object of a preposition inside "took control of"
            elif dep == "conj" and col.cls in PLACE_OBJECT_CLASSES and is_place_like(child):
                objects.append(child)  # "took Kalehe, a town near X, and the port of Minova": misattached
            elif dep == "agent" and tok.tag_ == "VBN" and tok.lemma_ not in INTRANSITIVE:
                # a passive's doer; not the means of an intransitive misread as passive ("fled by boat")
                for obj in children(child):
                    if obj.dep_ == "pobj":
                        col.add(col.agents, obj)
        col.prepositions(tok, nominal=False)
    objects = [o for o in objects if o not in col.agents]  # "fell under the control of X": X is done
    col.blamed(head, objects)
    # "The assailants, whom survivors identified as militiamen, set fire to ...", parsed as one relative
    # clause with two objects: the antecedent did it, the relative pronoun is no object
    stray = [o for o in objects if o.lower_ in RELATIVE_PRONOUNS and o.head.i == head.i]
    related = _named_antecedent(head)  # what a relative clause relates to
    if head.dep_ == "relcl" and stray and len(objects) > len(stray):
        objects = [o for o in objects if o not in stray]
        subj = head.head
    elif head.dep_ == "relcl" and stray and related.pos_ == "PROPN":
        # "Wad Madani, which the army retook", "Verbove, a village that the army retook"
        objects = [related if o in stray else o for o in objects]
    elif head.dep_ == "relcl" and not objects and col.cls in PLACE_OBJECT_CLASSES and _relative(head):
        # "Robotyne, a village that Kyiv's forces retook" ("that" parsed as an adverb): the place retaken
        objects += [related] if is_place_like(related) else []
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
    if subj is None and not passive and head.dep_ == "acl" and head.tag_ == "VBG" and actor_like(head.head):
        subj = head.head  # "sending some 1,200 residents fleeing to Bouar": the residents flee
    if subj is None and not passive and head.dep_ in ("acl", "xcomp") and head.head.pos_ in ("NOUN", "PROPN"):
        subj = nominal_actor(head.head)  # "the Taliban claim to have taken", "the army's plan to withdraw"
        if subj is None and head.dep_ == "acl":  # "issued a statement demanding": the issuer demands
            subj = light_verb_subject(head.head)
    if subj is not None:
        # "Herat fell to the Taliban" / "fell under the control of": the subject is the place
        to_actors = [o for _, o in prep_objects(head, frozenset({"to"})) if not is_place_like(o)]
        # "11 Maoists surrendered to police": counted or plural proper nouns name people, not a place
        people = subj.tag_ == "NNPS" or any(c.dep_ == "nummod" for c in children(subj))
        named = (
            subj.pos_ == "PROPN"
            and not (people and subj.ent_type_ not in PLACE_LABELS)
            and (subj.ent_type_ not in ("NORP", "ORG") or bool(col.agents) or bool(to_actors))
        )
        own = [o for o in objects if o not in to_actors]  # "fell to" as one trigger holds its "to" object
        if (
            col.cls in PLACE_SUBJECT_CLASSES
            and not own
            and (is_place_like(subj) or named)
            and not known_group(subj)
        ):
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
        for owner in (c for c in children(obj) if c.dep_ == "poss"):
            if owner.pos_ != "PRON" and actor_like(owner) and not in_time_entity(owner):
                col.add(col.targets, owner, expand=False)
    col.truce_phrases(head, objects)
    addressee(col, head)
    finite = head.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in kids
    )
    return subj is None and not passive and finite and head.dep_ in ("ROOT", "conj")


def _named_antecedent(clause: Token) -> Token:
    """What a relative clause relates to: its noun, or the name that noun is in apposition to."""
    noun = clause.head
    return noun.head if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" else noun


def _relative(clause: Token) -> bool:
    """The relative clause opens with a relative word, whatever the parser made of it."""
    return any(c.lower_ in RELATIVE_PRONOUNS and c.i < clause.i for c in children(clause))
