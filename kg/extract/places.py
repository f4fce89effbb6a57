"""Places of a trigger found beyond its own spatial prepositions.

``find_roles`` first takes the places a trigger names directly ("attacked X in Kandahar"). This module adds
the places named further down the parse, in order of distance, and stops at the first step that finds a
named place:

1. inside a role or object phrase: "a market in Donetsk", "the outskirts of Sake", "an attack on Dori",
   "militants near Bama", "guerrillas operating in Macedonia"; and the place an event noun's own clause
   acts on: "a strike that shut down Kathmandu", "the blast rocked Kabul", or tells it happened in: "an
   ambush in which gunmen killed three men near Rawa";
2. deeper inside the noun phrases hanging from the trigger or its roles and their conjuncts: "killed ... in a
   gunbattle in southeastern Serbia", "a truce with the forces in eastern Bosnia", "killed a member of a
   committee and his son in the Salarzai area", "fired shells at targets in Jericho";
3. a phrase of a verb coordinated with the trigger under one subject ("stopped a bus on the highway near
   Kalat and shot dead nine men"); of a clause saying what was going on ("seized while patrolling near
   X"); of a governing clause ("In Kandahar, X claimed ..."); the place a relative clause holding the
   trigger hangs from ("Herat, where fighting raged", "Sake, whose elders signed a truce");
4. where the people a role names live: "residents of Haditha protested";
5. the country an agent belongs to: "Yemen's warring parties agreed ...".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.strings import get_string_id
from spacy.tokens import Token

from kg.extract.clauses import AT_ONCE_MARKS, alongside
from kg.extract.constraints import SUBJECT_DEPS
from kg.extract.eventnouns import AFTER, concluded, held_for
from kg.extract.factuality import REPORTING_VERBS
from kg.extract.nouns import (
    PLACE_LABELS,
    in_time_entity,
    is_place_like,
    prep_objects,
    semantic_head,
    strong_place,
)
from kg.extract.people import launched_from
from kg.extract.placenames import (
    DIRECTION_WORDS,
    OF,
    SPATIAL_PREPS,
    acted_on,
    broad_place,
    district_place,
    inner_place,
    named_place,
    spatial_names,
    told_within,
)
from kg.extract.tree import children

__all__ = ["conjunct_verbs", "SPATIAL_PREPS", "located_at", "more_places"]

# people named by where they live: "residents of Haditha protested", "killed five villagers of Gudra"
RESIDENT_NOUNS = frozenset({"resident", "inhabitant", "villager", "townspeople", "townsfolk"})

# the last step down to a place inside a phrase ("a truce with forces in Bosnia"): a locative preposition
LOCATIVE_PREPS = frozenset({"in", "near", "outside", "at", "around", "inside", "throughout", "across", "off"})
# a trigger's prepositional objects are searched for places ("killed in a gunbattle in X", "demanded parties
# to the conflict in X") unless the preposition sets another event or a reason beside it
NON_SCENE_PREPS = frozenset(
    {"after", "before", "since", "until", "despite", "because", "than", "like", "over", "for", "from"}
)
CHAIN_DEPS = frozenset({"appos", "acl", "xcomp"})
NOUN_TAGS = frozenset({"NOUN", "PROPN"})
DEEP_STEPS = 3  # prepositional phrases followed down from a role, an object or a scene
LOCATIVE_ADVERBS = DIRECTION_WORDS | {"outside", "inside", "ahead"}
DEEP_PREPS = LOCATIVE_PREPS | OF | {"on"}
ON_SITE = frozenset({"on"})  # "on Darak island": a named place "on" which an act happened
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})  # "guerrillas operating in", "troops based in"
_CONJ, _VERB = get_string_id("conj"), get_string_id("VERB")  # (no string look-up per read)


def _nested(tok: Token, preps: frozenset[str], hostile: bool) -> Iterator[tuple[str, Token]]:
    for word, obj in prep_objects(tok, preps):
        if word == "of" and not is_place_like(tok) and tok.lemma_ != "control":
            continue  # "the outskirts of Sake", "control of Kidal", not "the president of Sudan"
        if word == "on" and not hostile:
            continue  # "repelled an attack on Dori", not "agreed on Kyiv's terms"
        yield word, obj
    for child in children(tok):  # "guerrillas operating in Macedonia", "troops based near Goma"
        if child.dep_ == "acl" and child.tag_ in PARTICIPLE_TAGS:
            yield from prep_objects(child, LOCATIVE_PREPS)
        elif child.dep_ == "advmod" and child.lower_ in DIRECTION_WORDS:  # "a checkpoint south of Bir al-Abd"
            yield from ((w, o) for w, o in prep_objects(child, OF) if o.pos_ == "PROPN")
    if tok.dep_ == "nsubj" and tok.head.tag_ == "VBG" and tok.head.dep_ == "nsubj":
        yield from prep_objects(tok.head, LOCATIVE_PREPS)  # the same, misparsed as the clause's subject


def located_at(tok: Token) -> list[Token]:
    """Where a phrase says its actor is: "officials in Kabul", "the Red Cross operating in Iraq"."""
    return [p for _, obj in _nested(tok, LOCATIVE_PREPS, False) for p in inner_place(obj)]


def _near(holders: Iterable[Token], preps: frozenset[str], hostile: bool) -> list[Token]:
    return [place for tok in holders for _, obj in _nested(tok, preps, hostile) for place in inner_place(obj)]


def _deep(roots: Iterable[Token], hostile: bool, searched: frozenset[int] = frozenset()) -> list[Token]:
    """Named places down the prepositional chains below ``roots``, nearest first; a step may pass any
    preposition but the last one is locative. Roots in ``searched`` had their own phrases searched."""
    frontier = list(roots)
    seen = {t.i for t in frontier}
    broad: list[Token] = []  # province-level finds: kept while a town may lie one step further down
    for _ in range(DEEP_STEPS):
        found: list[Token] = []
        below: list[Token] = []
        for tok in frontier:
            if tok.i not in searched:
                found.extend(p for _, obj in _nested(tok, DEEP_PREPS, hostile) for p in inner_place(obj))
            # "as a crime, X's suppression of ...", "demands to release prisoners in Iraq"
            steps = [o for _, o in prep_objects(tok) if o.pos_ in NOUN_TAGS]
            steps += [c for c in children(tok) if c.dep_ in CHAIN_DEPS]  # and a noun coordinated with "and":
            if any(c.dep_ == "cc" for c in children(tok)):  # (not "three children, medics in X said")
                steps += [c for c in children(tok) if c.dep == _CONJ and c.pos_ in NOUN_TAGS]
            if tok.dep_ == "acl" and tok.tag_ in PARTICIPLE_TAGS:  # "farmers tending their fields near X"
                steps += [c for c in children(tok) if c.dep_ in ("dobj", "obj")]
            for obj in steps:
                if obj.i not in seen and not in_time_entity(obj):
                    seen.add(obj.i)
                    below.append(obj)
        if any(not broad_place(p) for p in found):
            return [p for p in found if not broad_place(p)]
        if found and broad:
            return broad
        broad = broad or found
        frontier = below
        searched = frozenset()
    return broad


def _object_of(head: Token) -> Token | None:
    """The verb whose object is the event noun, directly or counted ("fired dozens of rockets")."""
    obj = head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and semantic_head(head.head.head).i == head.i:
        obj = head.head.head
    return obj.head if obj.dep_ in ("dobj", "obj") and obj.head.pos_ == "VERB" else None


def _where_clause(clause: Token) -> bool:
    """A relative clause that says what happened at its head noun: "where ..." or "whose <subject> ..."."""
    return any(
        (c.dep_ == "advmod" and c.lower_ == "where")
        or (c.dep_ in SUBJECT_DEPS and any(p.dep_ == "poss" and p.lower_ == "whose" for p in children(c)))
        for c in children(clause)
    )


def conjunct_verbs(head: Token) -> list[Token]:
    """The verbs a verbal trigger is coordinated with under one subject: the verb it is a conjunct of, and
    its own subjectless conjuncts ("arrested a leader and seized rifles during a raid in Navolato")."""

    def subjectless(verb: Token) -> bool:
        return not any(c.dep_ in SUBJECT_DEPS for c in children(verb))

    shared = head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") and subjectless(head)
    own = [c for c in children(head) if c.dep == _CONJ and c.pos == _VERB and subjectless(c)]
    return [head.head, *own] if shared else own


def _finer_district(found: list[Token], named: list[Token]) -> list[Token]:
    """The district-level places of ``found`` when ``named`` has none: "in the Andar district" inside
    "the province of Ghazni"."""
    return [] if any(district_place(p) for p in named) else [p for p in found if district_place(p)]


def _circumstance(clause: Token) -> bool:
    """An adverbial clause that says what was going on when the event happened: "while patrolling ...",
    "when a shell hit ...", "as they crossed ..."."""
    marked = any(c.dep_ in ("mark", "advmod") and c.lower_ in AT_ONCE_MARKS for c in children(clause))
    return marked and not alongside(clause)


def _scenes(verb: Token) -> list[Token]:
    """The objects of a verb's prepositional phrases that are not times: where deeper places hang."""
    return [o for _, o in prep_objects(verb) if not in_time_entity(o)]


def _down(verb: Token, hostile: bool, *, objects: bool) -> list[Token]:
    """Named places down a verb's phrases and, with ``objects``, down its direct objects' phrases."""
    kids = [c for c in children(verb) if c.dep_ in ("dobj", "obj")] if objects else []
    return _deep([*_scenes(verb), *kids], hostile)


def _home_of(holders: list[Token]) -> list[Token]:
    """The place residents are "of": where what they did, or what was done to them, happened."""
    residents = [r for r in (semantic_head(h) for h in holders) if r.lemma_.lower() in RESIDENT_NOUNS]
    homes = [o for h in residents for _, o in prep_objects(h, OF) if is_place_like(o)]
    homes = [p for o in homes for p in inner_place(o) or [o]]
    # "Most of Hoya's 800 inhabitants fled", "the town's inhabitants": a place's possessed residents
    return homes + [
        p
        for h in residents
        for c in children(h)
        if c.dep_ == "poss" and is_place_like(c)
        for p in inner_place(c)
    ]


def more_places(
    head: Token,
    holders: list[Token],
    governing: list[Token],
    agents: list[Token],
    *,
    nominal: bool,
    hostile: bool,
    from_ok: bool,
    found: bool,
    violent: bool = False,
    participle: tuple[Token, Token] | None = None,
    fled: bool = False,
) -> list[Token]:
    """Places beyond the trigger's own prepositions, by the steps of the module docstring; ``holders`` are
    the role and object tokens, ``governing`` the clauses above the trigger, ``agents`` the agent tokens
    (whose country possessor is the place of last resort), ``found`` whether a named place was already
    found, ``violent`` whether the event is an act of force (whose coordinated verb's objects may say
    where it happened: "killed seven and abducted 20 people near X in Y province"), ``participle`` the
    trigger's :func:`~kg.extract.clauses.object_participle`, ``fled`` whether people fled (from home)."""
    nested = DEEP_PREPS | (frozenset({"from"}) if from_ok else frozenset())
    places = _near(holders, nested, hostile) + (acted_on(head) + told_within(head) if nominal else [])
    for child in children(head):  # "recaptured checkpoints east of the city", "shot outside of Kirkuk"
        if child.dep_ in ("advmod", "npadvmod") and child.lower_ in LOCATIVE_ADVERBS:
            places += [
                p for _, o in prep_objects(child, OF) if is_place_like(o) for p in inner_place(o) or [o]
            ]
    if found or any(strong_place(p) and not broad_place(p) for p in places):
        # a province only ("farmers in X's Y district") lets the search go on for a town; people who fled
        # left their home ("Most residents of Koumbana fled to Nara")
        return places + [p for p in (_home_of(holders) if fled else []) if strong_place(p)]
    scenes = [
        o
        for w, o in prep_objects(head)
        if (w not in NON_SCENE_PREPS or concluded(w, o) or held_for(w, o) or launched_from(w, o))
        and not is_place_like(o)
        and not in_time_entity(o)
    ]
    # "agreed to restore ties after talks in Beijing": the talks the agreement concludes set its scene
    scenes += [
        o for c in children(head) if c.dep_ == "xcomp" for w, o in prep_objects(c, AFTER) if concluded(w, o)
    ]
    verb = _object_of(head) if nominal else None
    if verb is not None:  # "fired (dozens of) shells at targets in Jericho"
        scenes += [o for _, o in prep_objects(verb) if not in_time_entity(o)]
    deep = _deep([*holders, *scenes], hostile, frozenset(h.i for h in holders))  # holders: step 1 did them
    if deep:
        return places + deep
    if not nominal:  # "stopped a bus on the highway near Kalat and shot dead nine men"
        for verb in conjunct_verbs(head):
            # "killed three fishermen and abducted two women on Darak island in X department"
            named = spatial_names(verb) or [
                o for _, o in prep_objects(verb, ON_SITE) if strong_place(o) and is_place_like(o)
            ]
            if all(broad_place(p) for p in named):  # "on the highway near Kalat in X province"
                # a hostile act's objects too: "killed seven and abducted 20 people near X in Y province"
                deep = _down(verb, hostile, objects=violent)
                finer = [p for p in deep if not broad_place(p)] or _finer_district(deep, named)
                named = finer or named or deep
            if named:
                return places + named
    reread = participle[1] if participle is not None else None  # "officers escorting ..."
    for clause in (c for c in children(head) if c.dep_ == "advcl" and (_circumstance(c) or c == reread)):
        # "were seized while patrolling near the hamlet of La Julia": where the clause it happened in was
        named = spatial_names(clause)
        if not named and clause == reread:  # "escorting a team in the X area of Y district"
            deep = _down(clause, hostile, objects=True)
            named = [p for p in deep if not broad_place(p)] or deep
        if named:
            return places + named
    for gov in governing:  # "In Kandahar, X claimed ..."
        if gov.i > head.i and gov.lemma_.lower() in REPORTING_VERBS:
            continue  # "..., the governor told reporters in Kananga": where it was told, not done
        named = spatial_names(gov)
        if named and all(broad_place(p) for p in named):  # "In the province of X, a bomb hit a bus in Y"
            deep = _deep(_scenes(gov), hostile)
            named = [p for p in deep if not broad_place(p)] or _finer_district(deep, named) or named
        elif not named and gov.i == head.head.i and head.dep_ == "advcl" and head.tag_ == "VBG":
            named = _down(gov, hostile, objects=False)  # "burst into a party in the hamlet of X, killing"
        if named:
            return places + named
    for clause in (c for c in [head, *governing] if c.dep_ == "relcl" and _where_clause(c)):
        # "Herat, where fighting raged", "Sake, whose elders signed the truce"
        named = named_place(clause.head)
        if named:
            return places + named
    # "residents of Haditha protested"; "residents of Kiwanja, in Congo's Rutshuru territory, marched"
    home = _home_of(holders)
    # "fled to the forest": an unnamed refuge says less than the home it was fled from
    if home and places and all(broad_place(p, countries=False) or not strong_place(p) for p in places):
        return places + home
    if places or any(h.ent_type_ in PLACE_LABELS for h in holders):
        return places  # "Taiwan's minister visited Russia": the place is not the visitor's country
    if home:
        return home
    # last, the country an agent belongs to: "Yemen's warring parties agreed to a truce"
    return [c for a in agents for c in children(a) if c.dep_ == "poss" and c.ent_type_ == "GPE"]
