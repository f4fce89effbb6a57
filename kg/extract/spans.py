"""Token -> ``Mention`` helpers shared by roles, factuality and quantities.

A mention is the noun phrase headed by a token: its left modifiers (determiners, adjectives, compounds,
possessives, numbers), widened to the named entity the head belongs to. Leading articles (``the``,
``a``, ``an``) and stray quotes/punctuation are always dropped, so "the Taliban" and "Taliban" give the
same text. Number heads ("12 of the 34 capitals", "hundreds of prisoners") extend to their ``of`` object,
whose lemma becomes the mention lemma.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.model import Mention

__all__ = [
    "NP_LEFT_DEPS",
    "PLACE_NOUNS",
    "PLACE_LABELS",
    "TIME_LABELS",
    "NON_PLACE_LABELS",
    "np_bounds",
    "mention",
    "semantic_head",
    "coordinated",
    "prep_objects",
    "is_place_like",
    "names_place_noun",
    "is_nominal",
    "in_time_entity",
    "spatial_place",
    "actor_like",
    "strong_place",
    "ACTOR_LABELS",
    "PEOPLE_NOUNS",
    "TROOP_NOUNS",
    "PRISONER_NOUNS",
]

NP_LEFT_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nummod", "quantmod", "nmod", "advmod", "case", "npadvmod", "punct"}
)
NP_RIGHT_DEPS = frozenset({"compound", "flat", "case"})
ARTICLES = frozenset({"the", "a", "an"})
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
QUOTES = "\"'“”‘’"
# post-modifiers that say where an actor noun comes from or is ("activists from X", "students throughout Y")
ORIGIN_PREPS = frozenset({"from", "with"})
LOCATED_PREPS = frozenset({"in", "throughout", "across"})
IDENTIFYING_PARTICIPLES = frozenset({"affiliate", "link", "loyal", "belong", "allied", "ally", "back"})
EDGE_PUNCT = frozenset({'"', "'", "“", "”", "‘", "’", ",", "(", ")", "-", "--", "—", ":", ";"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TIME_LABELS = frozenset({"DATE", "TIME"})
NON_PLACE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "NORP"})
# Common nouns that name places or sites: the object of a capture verb headed by one is a place.
PLACE_NOUNS = frozenset(
    {
        "city", "town", "village", "district", "province", "region", "capital", "area", "border", "territory",
        "base", "airbase", "airport", "jail", "prison", "checkpoint", "outpost", "post", "camp", "port",
        "harbour", "harbor", "bridge", "crossing", "headquarters", "compound", "garrison", "fort", "fortress",
        "stronghold", "enclave", "river", "lake", "mountain", "forest", "desert", "field", "street", "square",
        "building", "residence", "office", "station", "barracks", "depot", "farm", "dam", "mine",
        "neighbourhood", "neighborhood", "suburb", "outskirts", "valley", "road",
        "highway", "hill", "north", "south", "east", "west", "northeast", "northwest", "southeast",
        "southwest", "country", "state", "county", "municipality", "settlement", "refinery", "airfield",
        "embassy", "consulate", "mosque", "hospital", "school", "market", "palace", "installation",
        "facility", "hub", "front", "frontline", "coast", "island", "strip", "bank", "zone", "home",
        "department", "governorate", "oblast", "prefecture", "edge", "outskirt", "sector", "quarter",
    }
)  # fmt: skip
DIRECTIONAL_PREPS = frozenset({"to", "into", "towards", "toward", "onto"})
ACTOR_LABELS = frozenset({"ORG", "NORP", "GPE", "PERSON"})
TROOP_NOUNS = frozenset(
    {"soldier", "troop", "marine", "paratrooper", "commando", "serviceman", "servicemember", "personnel",
     "reservist", "recruit", "sailor", "airman", "mercenary", "fighter", "guard", "policeman", "officer"}
)  # fmt: skip
PRISONER_NOUNS = frozenset({"prisoner", "inmate", "detainee", "captive", "hostage", "convict"})
PEOPLE_NOUNS = TROOP_NOUNS | PRISONER_NOUNS | frozenset(
    {"people", "person", "civilian", "child", "woman", "man", "resident", "villager", "refugee", "migrant",
     "worker", "student", "journalist", "protester", "demonstrator", "passenger", "pilgrim", "patient",
     "doctor", "official", "member", "militant", "insurgent", "rebel", "gunman", "attacker", "jihadist",
     "combatant", "victim", "casualty", "body", "suspect", "family", "police", "militiaman", "teenager",
     "other", "adult", "infant", "baby", "girl", "boy", "staff", "employee", "farmer", "miner", "voter",
     "activist", "supporter", "loyalist", "follower", "youth", "delegate", "negotiator", "representative",
     "lawmaker", "legislator", "politician", "diplomat", "guerrilla", "trader", "teacher", "nurse"}
)  # fmt: skip
ACTOR_NOUNS = frozenset(
    {"government", "army", "force", "military", "police", "ministry", "authority", "regime", "administration",
     "council", "party", "group", "coalition", "alliance", "militia", "leader", "president", "minister",
     "country", "state", "nation", "side", "delegation", "envoy", "official", "commander", "movement",
     "organization", "organisation", "agency", "union", "community", "court", "parliament", "cabinet"}
)  # fmt: skip
# "a group of diplomats", "members of the militia": the counted/collected noun says who it is
COLLECTIVE_NOUNS = frozenset(
    {"group", "member", "number", "team", "band", "contingent", "batch", "unit", "handful"}
)
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
NUMBER_NOUNS = frozenset({"dozen", "dozens", "hundreds", "thousands", "millions", "scores", "tens"})


def in_time_entity(token: Token) -> bool:
    return token.ent_type_ in TIME_LABELS


def _entity_bounds(token: Token) -> tuple[int, int] | None:
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def semantic_head(token: Token) -> Token:
    """The token that says what a phrase is: "12 of the capitals" -> capitals, "hundreds of X" -> X."""
    if (
        token.like_num
        or token.lower_ in NUMBER_NOUNS
        or token.pos_ == "NUM"
        or token.lemma_ in COLLECTIVE_NOUNS
    ):
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
    return token


def np_bounds(token: Token) -> tuple[int, int]:
    """Token bounds ``[start, end)`` of the noun phrase headed by ``token`` (articles stripped)."""
    start = end = token.i
    for child in token.lefts:
        if child.dep_ in NP_LEFT_DEPS and child.dep_ != "punct":
            start = min(start, child.left_edge.i)
    for child in token.rights:
        if child.dep_ in NP_RIGHT_DEPS and child.i == end + 1:
            end = child.right_edge.i
    sem = semantic_head(token)
    if sem.i != token.i:
        end = max(end, np_bounds(sem)[1] - 1)
    ent = _entity_bounds(token)
    if ent is not None and ent[1] - ent[0] <= 8:
        start, end = min(start, ent[0]), max(end, ent[1] - 1)
    doc = token.doc
    while start < token.i and (doc[start].lower_ in ARTICLES or doc[start].text in EDGE_PUNCT):
        start += 1
    while end > token.i and doc[end].text in EDGE_PUNCT:
        end -= 1
    return start, end + 1


def _place_start(token: Token, start: int) -> int:
    """A proper-noun place loses a possessor and common-noun titles before it: "Kenya's capital Nairobi"
    -> "Nairobi" (the possessor stays in the sentence as context)."""
    if token.pos_ != "PROPN":
        return start
    ent = _entity_bounds(token)
    limit = ent[0] if ent is not None else token.i
    for child in token.lefts:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "NOUN"):
            start = max(start, min(child.right_edge.i + 1, limit))
    return start


def _modifier_end(token: Token, end: int, located: bool) -> int:
    """A common noun keeps the phrase saying whose it is ("supporters of the former president", "the
    positions of the army"); a person/group noun also where it comes from or is ("activists from the Fatah
    party", "workers affiliated with the union", and when ``located`` "students throughout Indonesia")."""
    if token.pos_ != "NOUN" or semantic_head(token).i != token.i or token.like_num:
        return end
    people = actor_like(token)
    located_preps = LOCATED_PREPS if located else frozenset()
    for child in token.rights:
        word = child.lower_
        if child.dep_ == "prep" and (word == "of" or (people and word in ORIGIN_PREPS | located_preps)):
            phrase = child
        elif child.dep_ == "acl" and people and child.lemma_.lower() in IDENTIFYING_PARTICIPLES:
            phrase = next((c for c in child.rights if c.dep_ == "prep"), child)
        else:
            continue
        for obj in phrase.children:
            named = obj.pos_ == "PROPN" or obj.ent_type_ in ACTOR_LABELS | PLACE_LABELS
            # after a person/group noun an "of" object is whose it is ("supporters of the jailed cleric")
            whose = people and word == "of"
            if obj.dep_ == "pobj" and (named or whose or actor_like(obj)) and not in_time_entity(obj):
                end = max(end, np_bounds(obj)[1])
        break
    return end


def mention(
    token: Token,
    label: str | None = None,
    lemma: str | None = None,
    *,
    place: bool = False,
    actor: bool = False,
    located: bool = False,
) -> Mention:
    """The ``Mention`` of the phrase headed by ``token``; label = entity label, PRON or NP. A ``place``
    drops a possessor and titles before a proper name; an ``actor`` keeps the modifiers saying whose it
    is and where it comes from (and, when ``located``, where it is)."""
    start, end = np_bounds(token)
    if place:
        start = _place_start(token, start)
    if actor:
        end = _modifier_end(semantic_head(token), end, located)  # "tens of thousands of students in X"
    doc = token.doc
    if end - start > 1 and doc[end - 1].dep_ == "case" and doc[end - 1].lower_ in POSSESSIVE_MARKS:
        end -= 1  # "Haiti's" -> "Haiti"
    span = doc[start:end]
    sem = semantic_head(token)
    text, begin = span.text, span.start_char
    stripped = text.lstrip("".join(EDGE_PUNCT))  # tokens glued to a quote: '”a security source'
    begin += len(text) - len(stripped)
    stripped = stripped.rstrip(QUOTES) or stripped  # "Samarra'" -> "Samarra"
    if label is None:
        if token.pos_ == "PRON":
            label = "PRON"
        elif sem.ent_type_ and sem.ent_type_ not in ("CARDINAL", "ORDINAL", "QUANTITY"):
            label = sem.ent_type_
        elif token.ent_type_ and token.ent_type_ not in ("CARDINAL", "ORDINAL", "QUANTITY"):
            label = token.ent_type_
        else:
            label = "NP"
    return Mention(
        text=stripped,
        start=begin,
        end=begin + len(stripped),
        label=label,
        lemma=(lemma if lemma is not None else sem.lemma_.lower()),
    )


def coordinated(token: Token) -> Iterator[Token]:
    """``token`` and its conjuncts ("Herat and Ghazni", "X, Y and Z"); a common-noun head with a proper
    apposition ("the third city, Herat") is replaced by the apposition."""
    stack = [token]
    while stack:
        tok = stack.pop()
        named = tok
        if tok.pos_ in ("NOUN", "NUM"):
            for child in tok.rights:
                if child.dep_ == "appos" and child.pos_ == "PROPN":
                    named = child
                    stack.extend(c for c in child.children if c.dep_ == "conj")
                    break
                if child.dep_ == "prep" and child.lower_ == "of" and tok.lemma_.lower() in PLACE_NOUNS:
                    # "the town of Kidal" -> Kidal
                    names = [o for o in child.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
                    if names:
                        named = names[0]
                        break
        yield named
        stack.extend(reversed([c for c in tok.children if c.dep_ == "conj" and c.pos_ != "VERB"]))


def prep_objects(token: Token, preps: frozenset[str] | None = None) -> Iterator[tuple[str, Token]]:
    """``(preposition lemma, object)`` for the prepositional phrases attached to ``token``; a compound
    preposition parsed as two ("outside of the city") gives the first word and the inner object."""
    for child in token.children:
        if child.dep_ not in ("prep", "agent", "dative"):
            continue
        word = child.lower_
        if preps is not None and word not in preps:
            continue
        objects = [obj for obj in child.children if obj.dep_ in ("pobj", "pcomp")]
        if not objects:
            objects = [o for p in child.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
        for obj in objects:
            if obj.dep_ in ("pobj", "pcomp"):
                yield word, obj


def is_nominal(token: Token) -> bool:
    """A noun-like trigger: nouns, non-root adjectives, gerunds used as nouns ("Fighting ... intensified")."""
    if token.pos_ in ("NOUN", "PROPN"):
        return True
    gerund = token.tag_ == "VBG" and token.dep_ in NOMINAL_DEPS
    return gerund or (token.pos_ == "ADJ" and token.dep_ != "ROOT")


def names_place_noun(token: Token) -> bool:
    """``token`` is the name given to a place noun: "the third city, Herat", "the town of Kidal"."""
    if token.dep_ == "appos":
        return is_place_like(token.head)
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i != token.head.i:
        return token.head.head.lemma_.lower() in PLACE_NOUNS
    return False


def is_place_like(token: Token) -> bool:
    """A GPE/LOC/FAC entity, or a common noun naming a place/site ("jail", "city", "north")."""
    head = semantic_head(token)
    if head.ent_type_ in PLACE_LABELS:
        return True
    if head.ent_type_ in NON_PLACE_LABELS or head.pos_ == "PRON":
        return False
    return head.lemma_.lower() in PLACE_NOUNS


def spatial_place(prep: str, obj: Token) -> bool:
    if in_time_entity(obj) or obj.like_num:
        return False
    if is_place_like(obj):
        return True
    head = semantic_head(obj)
    if head.pos_ != "PROPN" or head.ent_type_ in ("NORP", "DATE", "TIME"):
        return False
    return not (prep in DIRECTIONAL_PREPS and head.ent_type_ in ("ORG", "PERSON"))


def actor_like(token: Token) -> bool:
    """Could name an actor: an actor-kind entity, a proper noun, a pronoun or a person/group noun."""
    head = semantic_head(token)
    if in_time_entity(head) or head.ent_type_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT"):
        return False
    if head.ent_type_ in ACTOR_LABELS or head.pos_ in ("PROPN", "PRON"):
        return True
    lemma = head.lemma_.lower()
    return lemma in ACTOR_NOUNS or lemma in PEOPLE_NOUNS


def strong_place(token: Token) -> bool:
    """A named place (entity or proper noun), as opposed to "the city" or "a nearby base"."""
    head = semantic_head(token)
    if head.pos_ == "PROPN" or head.ent_type_ in PLACE_LABELS:
        return True
    # "the Hiran region", "Amhara region": a place noun named by a proper-noun modifier
    return head.lemma_.lower() in PLACE_NOUNS and any(
        c.i < head.i and c.dep_ in ("compound", "nmod") and (c.pos_ == "PROPN" or c.ent_type_ in PLACE_LABELS)
        for c in head.children
    )
