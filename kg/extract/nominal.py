"""Roles of an event noun: its possessor or a named modifier ("Taliban offensive", "US strikes"; a place
name is the place: "the Kabul attack"), a common noun naming a doer ("army offensive", "a Myanmar military
air strike"; not "military aid"), its ``by`` phrase, the subject of a light, aspect or participation verb
("launched an offensive", "went on strike"), and its ``of`` object (a place, a target or, for movements,
the agent). Used by :func:`kg.extract.roles.find_roles`.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.clauses import subject_of
from kg.extract.collector import RoleCollector
from kg.extract.eventnouns import settled_by
from kg.extract.makers import fought_before, light_verb_subject, participant_subject
from kg.extract.nouns import PLACE_LABELS, in_time_entity, is_place_like, prep_objects
from kg.extract.people import ACTOR_LABELS, actor_like
from kg.extract.roleclasses import AGAINST_AT, MOVER_CLASSES, OF, PLACE_SUBJECT_CLASSES, SYMMETRIC_CLASSES
from kg.extract.tree import children

__all__ = ["nominal_roles", "DOER_MODIFIERS"]

# common nouns that, modifying an event noun, name who did it ("army offensive", "militia attack")
DOER_MODIFIERS = frozenset(
    {"army", "military", "police", "navy", "militia", "rebel", "jihadist", "insurgent", "militant", "gang",
     "bandit", "guerrilla", "junta", "regime", "settler"}
)  # fmt: skip


# participles whose "by" phrase names who did the event noun they describe (not "brokered by": a mediator)
DOING_PARTICIPLES = frozenset(
    {"carry", "impose", "launch", "stage", "mount", "conduct", "perpetrate", "commit", "wage",
     "enforce", "lay", "lead", "order", "organise", "organize", "plan", "fire", "detonate"}
)  # fmt: skip


def _doer(modifier: Token) -> bool:
    """A common noun naming who did an event ("army offensive", also "junta air strike" with "junta"
    tagged an adjective); "military" only after its owner's name ("Myanmar military air strike", not
    "military aid")."""
    if modifier.lemma_ not in DOER_MODIFIERS:
        return False
    owner = modifier.i > 0 and modifier.nbor(-1).ent_type_ in ("GPE", "NORP")
    return modifier.pos_ == "NOUN" or owner or modifier.lemma_ != "military"


def nominal_roles(col: RoleCollector, head: Token) -> None:
    """Fill roles of an event noun (see the module doc)."""
    of_objects: list[Token] = []
    kids = list(children(head))
    # "a Myanmar military air strike": the doer hangs on the phrase's first word
    kids += [g for c in kids if c.dep_ == "compound" for g in children(c) if g.lemma_ in DOER_MODIFIERS]
    for child in kids:
        if child.dep_ == "poss" and not in_time_entity(child):
            col.add(col.agents, child)
        elif child.dep_ in ("compound", "amod", "nmod") and child.i < head.i:
            # "Kharkiv shelling" names the place; "US strikes", "Taliban offensive" the actor
            if child.i + 1 < len(child.doc) and _doer(child.nbor()):
                continue  # the owner of "Myanmar military": the military did it
            if child.ent_type_ in PLACE_LABELS and not child.text.isupper():
                col.add(col.places, child)
            elif child.ent_type_ in ACTOR_LABELS or child.pos_ == "PROPN" or _doer(child):
                col.add(col.agents, child)  # "a Myanmar military air strike", "a gang attack"
        elif child.dep_ == "prep" and child.lower_ == "by":
            for obj in children(child):
                if obj.dep_ == "pobj":
                    col.add(col.agents, obj)
                    of_objects.extend(o for _, o in prep_objects(obj, OF))
        elif child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in DOING_PARTICIPLES:
            # "an attack carried out by militants", "a siege imposed by jihadists": whoever did it
            by = [o for c in children(child) if c.dep_ == "agent" for o in children(c) if o.dep_ == "pobj"]
            for obj in by:
                col.add(col.agents, obj)
    col.misplaced_agents(head)  # "responded to joint drills by X", "an attack by X on a convoy"
    own_of = [o for _, o in prep_objects(head, OF)]
    of_objects = own_of or of_objects
    col.prepositions(head, nominal=True)
    if head.dep_ == "nsubj":
        col.occurrence(head.head)  # "fighting erupted between X and Y in Z", "a truce appeared to hold in Z"
    # "held their first meeting with X": the light verb's subject names whom "their" stands for
    pronouns_only = bool(col.agents) and all(a.pos_ == "PRON" for a in col.agents)
    if not col.agents and head.pos_ == "ADJ" and head.dep_ == "acomp":  # "the party is opposed to"
        subj = subject_of(head.head)
        if subj is not None:
            col.add(col.agents, subj)
    if col.hostile and head.dep_ in ("dobj", "obj") and head.head.pos_ == "VERB":
        # "staged rallies in Gaza against the leader"; "fired tear gas at students" (a party, not a site)
        for word, obj in prep_objects(head.head, AGAINST_AT):
            if word == "against" or (actor_like(obj) and not is_place_like(obj) and not in_time_entity(obj)):
                col.patient(obj)
    if (not col.agents or pronouns_only) and head.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj"):
        subj = light_verb_subject(head) or participant_subject(head) or settled_by(head)
        if subj is None and col.cls in SYMMETRIC_CLASSES:
            subj = fought_before(head)  # "recaptured Pieri after two days of fighting"
        if subj is not None:
            if pronouns_only:
                col.agents.clear()
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
            col.withdrawn(obj)  # "a suspension of air links with Serbia"
