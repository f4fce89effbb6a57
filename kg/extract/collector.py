"""Collects the role tokens of one trigger: the shared rules for objects and prepositional phrases.

``RoleCollector.patient`` files an object or passive subject as a target, or as the place for capture-like
classes when it names one; ``RoleCollector.prepositions`` reads a token's prepositional phrases: ``between``
and symmetric ``with`` -> agents, partners of cooperative events -> targets, hostile ``against``/``on``/
``at`` -> targets (or the place, "attacks on Kabul"), movers' ``from`` -> places, where phrases -> places."""

from __future__ import annotations

from spacy.tokens import Token

from kg.eventclasses import MATERIAL_CATEGORIES
from kg.extract.datelines import in_dateline
from kg.extract.makers import event_agents, stray_by
from kg.extract.nouns import (
    coordinated,
    in_time_entity,
    is_place_like,
    names_place_noun,
    prep_objects,
    semantic_head,
    spatial_place,
    strong_place,
)
from kg.extract.people import actor_like, instrument, moved_force, party
from kg.extract.placenames import destinations, named_in, route_ends
from kg.extract.places import SPATIAL_PREPS
from kg.extract.roleclasses import (
    AGAINST,
    AIMED,
    BETWEEN,
    BLAME_VERBS,
    BY,
    COOPERATIVE_CATEGORIES,
    DESTINATION_CLASSES,
    FIRING_LEMMAS,
    FOR,
    FROM,
    FROM_CLASSES,
    HOSTILE_CATEGORIES,
    LIGHT_OBJECTS,
    NAMED_PLACE_CLASSES,
    NON_TARGET_NOUNS,
    OCCURRENCE_VERBS,
    OF,
    ON,
    PARTNER_CLASSES,
    PARTNER_PREPS,
    PLACE_OBJECT_CLASSES,
    RAISING_VERBS,
    REFLEXIVES,
    REFUGE_CLASSES,
    REMOVAL_LEMMAS,
    SELF_MOVER_CLASSES,
    SOURCE_PLACE_CLASSES,
    STATIVE_PARTICIPLES,
    SYMMETRIC_CLASSES,
    TARGET_PREPS,
    THEME_CLASSES,
    TRUCE_NOUNS,
    WITHDRAWN_PREPS,
)
from kg.extract.spans import dated_subject
from kg.extract.tree import children
from kg.namespaces import EVENT_CLASSES
from kg.placewords import EDGES

__all__ = ["RoleCollector", "own_act"]


class RoleCollector:
    """The agent, target, place and other (counted) tokens of one trigger, without duplicates."""

    def __init__(self, cls: str, events: frozenset[int] = frozenset(), lemma: str = "") -> None:
        self.cls = cls
        # "from X" says where the event happened for moves out of a place, whatever their class
        self.from_place = cls in FROM_CLASSES or lemma in REMOVAL_LEMMAS
        self.firing = lemma in FIRING_LEMMAS  # "fired rockets at X": the rockets are the means
        self.visiting = lemma in VISIT_LEMMAS  # "visited Beledweyne": the host town, and where it was
        self.events = events  # heads of other event mentions: never an actor ("the deployment")
        self.agents: list[Token] = []
        self.targets: list[Token] = []
        self.places: list[Token] = []
        self.extra: list[Token] = []
        self.partners: list[Token] = []  # the other side of "clashed with X"
        category = EVENT_CLASSES.get(cls, cls)
        self.hostile = category in HOSTILE_CATEGORIES
        self.cooperative = category in COOPERATIVE_CATEGORIES or cls in PARTNER_CLASSES
        self.mobilizing = category == "Mobilize"
        self.sanction = category == "Sanction"
        self.material = category in MATERIAL_CATEGORIES
        self.threat = category == "Threaten"

    def add(self, role: list[Token], token: Token, expand: bool = True) -> None:
        for tok in coordinated(token) if expand else [token]:
            if (role is self.agents and tok.i in self.events) or in_dateline(tok):
                continue
            if all(tok.i != t.i for t in self.agents + self.targets + self.places):
                role.append(tok)

    def patient(self, token: Token) -> None:
        """An object/passive subject: a place for capture-like classes when it names one, else a target."""
        if token.lemma_.lower() in LIGHT_OBJECTS:
            inner = [o for _, o in prep_objects(token, OF)]
            if not inner:
                return
            token = inner[0]
        for tok in coordinated(token):
            if in_time_entity(tok) or tok.lower_ in REFLEXIVES:
                continue  # "blew himself up": the bomber is no target of his own act
            if self.firing and instrument(semantic_head(tok)):
                self.extra.append(tok)  # "fired dozens of rockets at positions in Idlib"
                continue
            if self.cls in THEME_CLASSES and moved_force(tok):
                self.extra.append(tok)  # the moved forces; "troops against the rebels": a real target
                self.aims([o for _, o in prep_objects(tok, AGAINST)])
                for place in destinations(tok) if self.cls in DESTINATION_CLASSES else ():
                    self.add(self.places, place)  # "sent a unit of the 52nd Brigade ... to Zawiya"
                continue
            named_place = names_place_noun(tok)
            # small models often tag town names PERSON/ORG: a captured or besieged name is a place
            named_place |= self.cls in NAMED_PLACE_CLASSES and tok.pos_ == "PROPN" and tok.ent_type_ != "NORP"
            if self.cls in PLACE_OBJECT_CLASSES and (is_place_like(tok) or named_place):
                for place in [p for p in named_in(tok) if strong_place(p)] or [tok]:
                    self.add(self.places, place, expand=False)  # "seized the north of Mosul" -> Mosul
                for _, place in prep_objects(tok, FOR) if self.cls in REFUGE_CLASSES else ():
                    if strong_place(place):  # "fled Damasak for Maiduguri" (hung on the town left)
                        self.add(self.places, place)
            elif not self.cooperative or actor_like(tok):  # "provided food aid": the aid is no actor
                self.add(self.targets, tok, expand=False)
                self.withdrawn(tok)
                if (self.material or self.visiting) and strong_place(tok) and is_place_like(tok):
                    self.also_place(tok)  # "attacked Abu Dhabi": the city is hit, and where it happened
                    # (a sanctioned state is not where the sanction happened: "sanctions on Mali")
            else:
                self.withdrawn(tok)  # "provide aid for Romania": the recipient of what is given
            if (self.hostile or self.cooperative) and self.cls not in SOURCE_PLACE_CLASSES:
                self.authors(tok)

    def truce_phrases(self, verb: Token, objects: list[Token]) -> None:
        """ "agreed to a truce with the army": the truce the verb takes is the event; its phrases count."""
        if self.cls in PARTNER_CLASSES:
            truces = [*objects, *(o for _, o in prep_objects(verb, frozenset({"to"})))]
            for truce in (t for t in truces if t.lemma_.lower() in TRUCE_NOUNS):
                self.prepositions(truce, nominal=True)

    def withdrawn(self, token: Token) -> None:
        """Whom a sanction takes something from or a cooperative act gives something to: "halted aid to
        Serbia", "a suspension of links with X", "provide aid for Romania"."""
        for word, obj in prep_objects(token, WITHDRAWN_PREPS) if self.sanction or self.cooperative else ():
            if actor_like(obj) and not in_time_entity(obj):
                self.add(self.targets, obj)
                if word == "to" and not self.sanction and strong_place(obj) and is_place_like(obj):
                    self.also_place(obj)  # aid given to a town; not "suspended support to Niger"

    def authors(self, token: Token) -> None:
        """Whom an object comes from is a party too: "rejected calls by Belarus's rulers", "accepted
        demands from the rebels", "confiscated weapons from armed groups"."""
        found = [o for _, o in prep_objects(token, FROM) if party(o)]  # "by Moscow", "staged by students"
        for obj in found + event_agents(token, owner=False):
            self.add(self.targets, obj)

    def misplaced_agents(self, head: Token) -> None:
        """A nominal trigger's ``by`` phrase the parser hung elsewhere: on the verb after it ("responded to
        drills by X"), on its ``of`` object ("the bombing of a hospital by jets"); and a hostile event's
        target hung on that agent ("an attack by militants on a convoy", not "on motorbikes")."""
        if not self.agents:
            found = stray_by(head) or [o for _, of in prep_objects(head, OF) for _, o in prep_objects(of, BY)]
            for obj in found:
                if obj.pos_ in ("NOUN", "PROPN") and not in_time_entity(obj):
                    self.add(self.agents, obj)
        for word, obj in (p for a in list(self.agents) for p in prep_objects(a, AIMED) if self.hostile):
            if in_time_entity(obj) or obj.lemma_.lower() in NON_TARGET_NOUNS:
                continue
            if word == "on" and is_place_like(obj):
                self.add(self.places, obj)
            elif word == "against" or actor_like(obj) or any(c.dep_ == "det" for c in children(obj)):
                self.patient(obj)

    def sides(self) -> None:
        """ "X clashed with Y": with X named, Y is the other side, a target."""
        partners = {t.i for t in self.partners}
        if partners and any(t.i not in partners for t in self.agents):
            self.targets.extend(t for t in self.agents if t.i in partners)
            self.agents[:] = [t for t in self.agents if t.i not in partners]

    def also_place(self, token: Token) -> None:
        """A target that is also the event's place (the one token allowed in two roles)."""
        if all(token.i != t.i for t in self.places):
            self.places.append(token)

    def blamed(self, head: Token, objects: list[Token]) -> None:
        """ "blamed the attack on X" (the phrase on the verb or down its object): X is the party blamed."""
        if head.lemma_ not in BLAME_VERBS:
            return
        # the last "on" phrase down the object: "blamed the attack on the checkpoint on X"
        step = [head, *objects]
        for _ in range(3):
            step = [inner for obj in step for _, inner in prep_objects(obj, ON)]
            for blamed in step:
                if actor_like(blamed):
                    self.add(self.targets, blamed)

    def prepositions(self, token: Token, nominal: bool) -> None:
        blamed = token.dep_ == "dobj" and token.head.lemma_ in BLAME_VERBS
        for word, obj in prep_objects(token):
            if blamed and word == "on":
                continue  # "blamed the attack on X": X is blamed (see ``blamed``), not attacked
            if dated_subject(obj):
                continue  # "On Friday rebels attacked": the subject (kg.extract.roles takes it)
            if word == "between" or (word == "with" and self.cls in SYMMETRIC_CLASSES and actor_like(obj)):
                self.add(self.agents, obj)
                if word == "with":
                    self.partners.extend(coordinated(obj))
            elif word in PARTNER_PREPS and self.cooperative and actor_like(obj):
                self.add(self.targets, obj)  # "agreed with X", "handed aid to X": the partner/recipient
                if word == "to" and strong_place(obj) and is_place_like(obj) and spatial_place(word, obj):
                    for tok in coordinated(obj):
                        self.also_place(tok)  # "sent aid to Aleppo": recipient and destination
            elif word in ("to", "with") and self.sanction and actor_like(obj):
                self.withdrawn(token)  # "halted aid to Serbia" (the phrase on the verb)
            elif word == "to" and self.threat and actor_like(obj) and not in_time_entity(obj):
                self.add(self.targets, obj)  # "issued an ultimatum to Ecuador", "a warning to the rebels"
            elif word == "under" and obj.lemma_.lower() in LIGHT_OBJECTS:
                for _, inner in prep_objects(obj, OF):
                    self.add(self.agents, inner)
            elif word == "from" and self.from_place and not party(obj):
                self.add(self.places, obj)
            elif word == "from" and self.cls == "Capture" and not is_place_like(obj):
                self.add(self.targets, obj)  # "recaptured the town from the militants": the loser
            elif word == "from" and (self.hostile or self.cooperative) and party(obj):
                self.add(self.targets, obj)  # "seized weapons from militants"
            elif (
                word in TARGET_PREPS
                and self.hostile
                and not in_time_entity(obj)
                and obj.lemma_.lower() not in NON_TARGET_NOUNS
                and (word != "at" or not is_place_like(obj))
            ):
                if word == "on" and is_place_like(obj) and not (self.sanction and actor_like(obj)):
                    # "attacks on Kabul" (a place); "sanctions on Mali" (the state sanctioned)
                    for place in route_ends(obj) or [obj]:
                        self.add(self.places, place)
                else:
                    self.patient(obj)
            elif self.mobilizing and word in ("against", "for"):  # "for a war against Iraq"
                self.aims([obj] if word == "against" else [o for _, o in prep_objects(obj, AGAINST)])
            elif word == "of" and (token.lemma_.lower() in LIGHT_OBJECTS or nominal):
                continue  # handled by the caller (nominal ``of`` objects / light objects)
            elif self._where(word, obj):
                # "in the southern department of Huila" -> Huila; "on the road between A and B" -> A, B
                for place in route_ends(obj) or named_in(obj) or [obj]:
                    self.add(self.places, place)

    def _where(self, word: str, obj: Token) -> bool:
        """A phrase that says where: "in X", "on the outskirts of Goma", "left for Mokolo" (people fled)."""
        fled = self.cls in REFUGE_CLASSES
        if word in SPATIAL_PREPS:
            return spatial_place(word, obj, fled=fled)
        return (word == "on" and obj.lemma_.lower() in EDGES) or (word in FOR and fled and strong_place(obj))

    def occurrence(self, verb: Token) -> None:
        """An event noun subject of a verb that only says it happened takes that verb's phrases, and a
        ``between`` phrase the parser hung on one of them ("broke out in the X district between A and B")."""
        while verb.lemma_.lower() in RAISING_VERBS:
            verb = next((c for c in children(verb) if c.dep_ == "xcomp"), verb)
            if verb.lemma_.lower() in RAISING_VERBS:
                return
        if verb.lemma_.lower() not in OCCURRENCE_VERBS:
            return
        self.prepositions(verb, nominal=True)
        for _, obj in prep_objects(verb):
            for _, side in prep_objects(obj, BETWEEN):
                self.add(self.agents, side)

    def aims(self, objects: list[Token]) -> None:
        """Whom a show of force is aimed at: "deployed troops against the rebels"."""
        for obj in objects:
            if actor_like(obj) and not in_time_entity(obj):
                self.add(self.targets, obj)


VISIT_LEMMAS = frozenset({"visit", "tour"})


def own_act(cls: str, head: Token, subject: Token) -> bool:
    """A passive with no ``by`` phrase whose subject still does the act: a party that demobilizes or
    withdraws, forces a deployment moves ("troops were sent to the area": the sender's own forces, which
    stand for it), or a stative participle ("is opposed to", "is committed to")."""
    return (
        cls in SELF_MOVER_CLASSES
        or head.lemma_.lower() in STATIVE_PARTICIPLES
        or (
            (cls in THEME_CLASSES or (cls == "Aid" and head.lemma_.lower() in SENDING_VERBS))
            and moved_force(subject)
        )
    )


SENDING_VERBS = frozenset({"send", "deploy", "dispatch", "rush"})  # peacekeepers sent are the sender's (Aid)
