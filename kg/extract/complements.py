"""Targets found in a trigger's complement or purpose when its own phrases name none.

``addressee``: the subject of a demanded clause ("demanded that the US cancel"), whom a demand is made of
("sought support from X"), the partner or party of a demanded act ("a truce with X"), the partner of an
offered or agreed act ("offered to hand over the suspects to Britain"), and for a threat whom the
threatened act would hit ("threatened to cut ties with Ghana"), who made the event it answers ("to respond
to joint drills by X") and whom its if/unless clause names. ``purpose``: whom a protest is aimed at, read
from its purpose ("began a hunger strike to protest against the government's decision").
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.clauses import condition, mandative, modal_clause
from kg.extract.collector import RoleCollector
from kg.extract.makers import event_agents
from kg.extract.nouns import coordinated, in_time_entity, is_place_like, prep_objects, strong_place
from kg.extract.people import actor_like, own_force, party
from kg.extract.roleclasses import FROM, OF, PARTNER_PREPS
from kg.extract.tree import children
from kg.namespaces import EVENT_CLASSES

__all__ = ["addressee", "purpose"]

COMPLEMENT_CATEGORIES = frozenset({"Threaten"})  # a threat's target is the threatened act's target
THREAT_PREPS = frozenset({"against", "with", "to", "on"})
PURPOSE_VERBS = frozenset({"protest", "demand", "denounce", "condemn", "oppose", "press", "call", "seek"})
AIM_PREPS = frozenset({"against", "at", "over", "for"})
AIM_OWNER_PREPS = frozenset({"of", "by", "from"})  # "calling for independence from Iraq"
DEMANDED_PARTNERS = frozenset({"with", "of"})


def addressee(col: RoleCollector, head: Token) -> None:
    """A cooperative or demanding trigger with no target finds it in its complement: the subject of a
    demand's clause ("demanded that the US cancel"), whom a demand is made of ("sought support from
    X"), the partner of the infinitive's verb ("offered to hand over to Britain", "agreed to provide
    aid for Romania")."""
    category = EVENT_CLASSES.get(col.cls, col.cls)
    if col.targets or not (col.cooperative or category in COMPLEMENT_CATEGORIES):
        return
    demand = category == "Request"
    if category in COMPLEMENT_CATEGORIES:  # "threatened to halt talks if the US deploys missiles"
        verbs = [head, *(c for c in children(head) if c.dep_ == "xcomp")]
        for cond in (c for v in verbs for c in children(v) if c.dep_ == "advcl" and condition(c)):
            for who in (
                c for c in children(cond) if c.dep_ == "nsubj" and c.pos_ != "PRON" and actor_like(c)
            ):
                col.add(col.targets, who)
    for child in children(head):
        # "threatened to break ties with Russia", "warned it would respond to any attack by X"
        if not col.cooperative and (child.dep_ == "xcomp" or not demand and modal_clause(child)):
            _complement_patients(col, child)
            continue
        if demand and child.dep_ == "ccomp" and mandative(child):
            subj = next((c for c in children(child) if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and actor_like(subj) and not in_time_entity(subj):
                col.add(col.targets, subj)
        elif demand and child.dep_ in ("dobj", "prep"):
            owner = child if child.dep_ == "dobj" else head
            for _, obj in prep_objects(owner, FROM):
                if party(obj):
                    col.add(col.targets, obj)
            for _, obj in prep_objects(child, DEMANDED_PARTNERS) if child.dep_ == "dobj" else ():
                mine = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in children(obj))  # "of its chief"
                if actor_like(obj) and not mine and not in_time_entity(obj):  # "a truce with X"
                    col.add(col.targets, obj)
        elif child.dep_ == "xcomp":  # the partner phrase may hang from the verb or from its object
            owners = [child, *(c for c in children(child) if c.dep_ in ("dobj", "obj"))]
            for obj in (o for owner in owners for _, o in prep_objects(owner, PARTNER_PREPS)):
                if actor_like(obj) and not in_time_entity(obj):
                    col.add(col.targets, obj)


def purpose(col: RoleCollector, verbs: list[Token]) -> None:
    """Whom a protest is aimed at, read from its purpose: "began a hunger strike to protest against
    Sweden's decision", "to demand the resignation of the president", "in protest of the government's
    refusal" -> the object, its owner, whose it is and who made it."""
    # "blocked roads to demand ...": a blocked road is no party, so the aim is still read
    if EVENT_CLASSES.get(col.cls, col.cls) != "Protest" or any(actor_like(t) for t in col.targets):
        return  # (the category first: it is read without a look at any word)
    aims: list[Token] = []
    for verb in verbs:
        for child in children(verb):
            if child.dep_ in ("advcl", "xcomp") and child.lemma_.lower() in PURPOSE_VERBS:
                aims += [c for c in children(child) if c.dep_ in ("dobj", "obj")]
                aims += [o for _, o in prep_objects(child, AIM_PREPS)]
        for _, obj in prep_objects(verb, frozenset({"in"})):  # "in protest of/against ..."
            if obj.lemma_.lower() in PURPOSE_VERBS or obj.lower_ == "defiance":  # "in defiance of X"
                aims += [o for _, o in prep_objects(obj, AIM_PREPS | OF)]
    for aim in aims:
        if in_time_entity(aim):
            continue
        whose = [c for c in children(aim) if c.dep_ == "poss"]
        if all(c.pos_ != "PRON" for c in whose):  # "to press their demands": the protesters' own
            col.add(col.targets, aim, expand=False)
        whose = [c for c in whose if c.pos_ != "PRON"]
        whose += [o for _, o in prep_objects(aim, AIM_OWNER_PREPS)]
        for owner in whose:
            if actor_like(owner) and not in_time_entity(owner):
                col.add(col.targets, owner, expand=False)


def _complement_patients(col: RoleCollector, verb: Token) -> None:
    """Who a threatened act would hit: its object ("threatened to ban opposition candidates") or
    the object of its against/with/to/on phrase ("to break relations with Russia")."""
    for child in children(verb):
        if child.dep_ not in ("dobj", "obj") or own_force(child):
            continue  # "threatened to send troops (to the border)": the sender's own
        if actor_like(child) or strong_place(child) or (is_place_like(child) and nationality(child)):
            col.add(col.targets, child)  # "to shell Iraqi towns", not "to block the ports"
        else:  # "to punish the attack by X": who made it
            for agent in event_agents(child, child.i in col.events):
                col.add(col.targets, agent)
    for obj in (o for owner in [verb, *children(verb)] for _, o in prep_objects(owner, THREAT_PREPS)):
        named = any(strong_place(o) for o in coordinated(obj))  # "to the republic of Nakhichevan"
        if (actor_like(obj) or named) and not in_time_entity(obj):
            col.add(col.targets, obj)
        elif nationality(obj):  # "restrictions against German goods"
            col.add(col.targets, nationality(obj)[0])
        elif not in_time_entity(obj):  # "to respond to joint drills by X and Y"
            for agent in event_agents(obj, obj.i in col.events):
                col.add(col.targets, agent)


def nationality(token: Token) -> list[Token]:
    """The nation a thing belongs to, named by an adjective ("German goods", "Iraqi oil")."""
    return [c for c in children(token) if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")]
