"""What a token or noun phrase denotes: word classes and predicates shared by the extraction rules.

Entity-label sets and noun lists of places; ``semantic_head`` ("12 of the capitals" -> capitals);
``coordinated`` conjuncts and named appositions; ``prep_objects`` of prepositional phrases (with a place
phrase the parser hung on a time phrase of the token: "a curfew from 7 p.m. to 5 a.m. in Sumisip"); and the
predicates ``is_place_like``, ``strong_place``, ``spatial_place``, ``names_place_noun``, ``is_nominal`` and
``in_time_entity``. What a noun says of people and forces (``actor_like``, ``party``, …) is in
``kg.extract.people``; the text of a mention is built in ``kg.extract.spans``.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.strings import get_string_id
from spacy.tokens import Token

from kg.extract.docplaces import PLACE_LABELS, called_place, entity_bounds
from kg.extract.tree import children, scope_table
from kg.placewords import ADMIN_UNITS, DIRECTION_WORDS, NUMERIC_LABELS, PART_OF_TOWN, SETTLEMENTS

__all__ = [
    "PLACE_NOUNS", "PART_NOUNS", "PLACE_LABELS", "TIME_LABELS", "NON_PLACE_LABELS", "entity_bounds",
    "semantic_head", "before_direction", "self_named", "own_province", "PROVINCE_NOUNS", "coordinated",
    "prep_objects", "is_place_like", "names_place_noun", "is_nominal", "in_time_entity", "spatial_place",
    "strong_place",
]  # fmt: skip

TIME_LABELS = frozenset({"DATE", "TIME"})
NON_PLACE_LABELS = NUMERIC_LABELS | {"NORP"}
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
        "embassy", "consulate", "mosque", "hospital", "school", "market", "bazaar", "palace", "installation",
        "facility", "hub", "front", "frontline", "coast", "island", "strip", "bank", "zone", "home",
        "department", "governorate", "oblast", "prefecture", "edge", "outskirt", "sector", "quarter",
        "republic", "peninsula", "hamlet", "township", "commune", "locality", "ward", "subdistrict",
        "canton", "parish", "woreda", "kebele", "tehsil", "taluka", "barangay", "arrondissement", "chiefdom",
        "raion", "cercle", "corregimiento", "vereda",
    }
) | SETTLEMENTS  # fmt: skip
# the last word of an organisation's name, not a place's: "the United Liberation Front", "Islamic State",
# "the People's Defence Force", "the Kachin Independence Army"
ORGANISATION_HEADS = frozenset({"front", "state", "force", "forces", "army", "movement", "party", "brigade"})
# a phrase these head names people, whatever its "of" object ("members of Los Chapitos")
PEOPLE_COLLECTIVES = frozenset({"member", "team", "band", "contingent", "unit"})
OF_ONLY = frozenset({"of"})
# a part of a place, place-like only with a place after "of": "the centre of Kabul", "parts of Idlib"
PART_NOUNS = frozenset(
    {"part", "centre", "center", "heart", "middle", "rest", "half", "side", "corner", "vicinity", "environs",
     "periphery", "interior", "fringe", "remainder", "tip", "end", "length", "breadth"}
)  # fmt: skip
DIRECTIONAL_PREPS = frozenset({"to", "into", "towards", "toward", "onto"})
# "a group of diplomats", "members of the militia": the counted/collected noun says who it is
COLLECTIVE_NOUNS = frozenset(
    {"group", "member", "number", "team", "band", "contingent", "batch", "unit", "handful"}
)
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
NUMBER_NOUNS = frozenset({"dozen", "dozens", "hundreds", "thousands", "millions", "scores", "tens"})
# as a subject: "Most of the residents fled" (not "..., many of them on foot", an aside)
QUANTIFIERS = frozenset({"most", "many", "some", "all", "several", "half", "both"})
# label and word ids, compared without the string look-up of Token.dep_, .pos_, .lower_ or .lemma_
_CONJ, _VERB, _NUM, _PREP, _POBJ, _OF = map(get_string_id, ("conj", "VERB", "NUM", "prep", "pobj", "of"))
_SUBJECT_IDS = frozenset(map(get_string_id, ("nsubj", "nsubjpass")))
_PREP_IDS = frozenset(map(get_string_id, ("prep", "agent", "dative")))
_OBJECT_IDS = frozenset(map(get_string_id, ("pobj", "pcomp")))
_NUMBER_IDS = frozenset(map(get_string_id, NUMBER_NOUNS))
_QUANTIFIER_IDS = frozenset(map(get_string_id, QUANTIFIERS))
_COLLECTIVE_IDS = frozenset(map(get_string_id, COLLECTIVE_NOUNS))
_APPOS, _PROPN, _NPADVMOD = get_string_id("appos"), get_string_id("PROPN"), get_string_id("npadvmod")
_NOUN_OR_NUM = frozenset(map(get_string_id, ("NOUN", "NUM")))
_TIME_IDS = frozenset(map(get_string_id, TIME_LABELS))
_PLACE_IDS = frozenset(map(get_string_id, ("in", "at", "near", "outside", "inside", "around")))


def in_time_entity(token: Token) -> bool:
    return token.ent_type_ in TIME_LABELS


def semantic_head(token: Token) -> Token:
    """The token that says what a phrase is: "12 of the capitals" -> capitals, "hundreds of X" -> X, "most
    of X" -> X (found once per token inside ``tree_scope``)."""
    heads = scope_table(token.doc, "semantic_head")
    if heads is None:
        return _semantic_head(token)
    i = token.i
    head: Token | None = heads.get(i)
    if head is None:
        head = heads[i] = _semantic_head(token)
    return head


def _semantic_head(token: Token) -> Token:
    lower = token.lower
    if (
        token.like_num
        or lower in _NUMBER_IDS
        or (lower in _QUANTIFIER_IDS and token.dep in _SUBJECT_IDS)
        or token.pos == _NUM
        or token.lemma in _COLLECTIVE_IDS
    ):
        for child in token.rights:
            if child.dep == _PREP and child.lower == _OF:
                for obj in children(child):
                    if obj.dep == _POBJ:
                        return obj
    return token


def before_direction(token: Token) -> Token:
    """ "the village of Wad Ajab west of the city", parsed with "west" the object and the name its
    modifier: the name."""
    if token.lower_ not in DIRECTION_WORDS:
        return token
    named = [c for c in children(token) if c.dep_ in ("compound", "amod") and c.i < token.i]
    return named[-1] if named else token


def coordinated(token: Token) -> Iterator[Token]:
    """``token`` and its conjuncts ("Herat and Ghazni", "X, Y and Z"); a common-noun head with a proper
    apposition ("the third city, Herat") is replaced by the apposition."""
    stack = [token]
    while stack:
        tok = stack.pop()
        named = tok
        if tok.pos in _NOUN_OR_NUM:
            for child in tok.rights:
                if child.dep == _APPOS and child.pos == _PROPN:
                    named = child
                    stack.extend(c for c in children(child) if c.dep_ == "conj")
                    break
                if child.dep == _PREP and child.lower == _OF and tok.lemma_.lower() in PLACE_NOUNS:
                    if own_province(tok) or (tok.lemma_.lower() in PART_OF_TOWN and self_named(tok)):
                        break  # "the Saratov region of Russia" is the Saratov region; "the Karari area"
                    # "the town of Kidal" -> Kidal
                    names = [before_direction(o) for o in children(child) if o.dep_ == "pobj"]
                    names = [o for o in names if o.pos_ == "PROPN"]
                    if names:
                        named = names[0]
                        break
        yield named
        stack.extend(reversed([c for c in children(tok) if c.dep == _CONJ and c.pos != _VERB]))


def prep_objects(token: Token, preps: frozenset[str] | None = None) -> Iterator[tuple[str, Token]]:
    """``(preposition lemma, object)`` for the prepositional phrases attached to ``token``; a compound
    preposition parsed as two ("outside of the city") gives the first word and the inner object (all of
    them found once per token inside ``tree_scope``, then those of ``preps``)."""
    table = scope_table(token.doc, "prep_objects")
    found: tuple[tuple[str, Token], ...] | None
    if table is None:
        found = tuple(_prep_objects(token))
    else:
        i = token.i
        found = table.get(i)
        if found is None:
            found = table[i] = tuple(_prep_objects(token))
    if preps is None or not found:
        return iter(found)
    return iter([pair for pair in found if pair[0] in preps])


def _prep_objects(token: Token) -> Iterator[tuple[str, Token]]:
    times: list[Token] = []
    for child in children(token):
        if child.dep == _NPADVMOD and child.ent_type in _TIME_IDS:
            times.append(child)  # "clashed the following day near Bosso" ("near" on "day")
        if child.dep not in _PREP_IDS:
            continue
        word = child.lower_
        found = False
        for obj in children(child):
            if obj.dep in _OBJECT_IDS:
                found = True
                if obj.ent_type in _TIME_IDS:
                    times.append(obj)
                yield word, obj
        if not found and child.n_rights:
            for inner in child.rights:
                if inner.dep == _PREP and inner.lower == _OF:
                    yield from ((word, o) for o in children(inner) if o.dep in _OBJECT_IDS)
    while times:  # a place phrase the parser hung on a time phrase is the token's: "a curfew from 7 p.m.
        time = times.pop()  # to 5 a.m. in Sumisip" ("to" on "from", "in" on "a.m.")
        for child in (*children(time), *(children(time.head) if time.head.dep in _PREP_IDS else ())):
            objects = [o for o in children(child) if o.dep in _OBJECT_IDS] if child.dep in _PREP_IDS else []
            times += [o for o in objects if o.ent_type in _TIME_IDS and o.i > time.i]
            if child.lower in _PLACE_IDS:
                yield from ((child.lower_, o) for o in objects if o.ent_type not in _TIME_IDS)


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
    if token.pos_ == "PROPN" and any(
        c.dep_ == "appos" and c.lemma_.lower() in PLACE_NOUNS for c in children(token)
    ):
        return True  # "bombed Kyauk Ni Maw, a village on Ramree island"
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i != token.head.i:
        holder = token.head.head.lemma_.lower()
        return holder in PLACE_NOUNS or (holder in PART_NOUNS and is_place_like(token))
    return False


def is_place_like(token: Token) -> bool:
    """A GPE/LOC/FAC entity, or a common noun naming a place/site ("jail", "city", "north")."""
    if token.lemma_.lower() in PEOPLE_COLLECTIVES:
        return False  # "14 suspected members of Los Chapitos" (tagged GPE): people
    head = semantic_head(token)
    if head.ent_type_ in PLACE_LABELS or called_place(head):  # a name the document calls a place
        return True
    lemma = head.lemma_.lower()
    if lemma in PART_NOUNS:  # "the northern part of Mosul", "half of Gao" (CARDINAL), not "part of the deal"
        return any(is_place_like(o) for _, o in prep_objects(head, OF_ONLY))
    if head.ent_type_ in NON_PLACE_LABELS or head.pos_ == "PRON":
        return False
    if head.pos_ == "PROPN" and head.ent_type_ == "ORG" and lemma in ORGANISATION_HEADS:
        return False  # "the United Liberation Front of Asom", "Islamic State": a group, not a front or state
    return lemma in PLACE_NOUNS


def spatial_place(prep: str, obj: Token, *, fled: bool = False) -> bool:
    """A spatial phrase's object names a place; a proper name tagged ORG/PERSON after "to"/"into" does not
    ("sent aid to the Red Cross"), unless people ``fled`` there ("fled to Baga Sola", tagged ORG)."""
    if in_time_entity(obj) or obj.like_num:
        return False
    if is_place_like(obj) or names_place_noun(obj):  # "in Sugapa, the main town of ...", tagged NORP
        return True
    head = semantic_head(obj)
    if head.pos_ != "PROPN" or head.ent_type_ in ("NORP", "DATE", "TIME"):
        return False
    if head.ent_type_ == "ORG" and head.lemma_.lower() in ORGANISATION_HEADS:
        return False  # "its allies in the People's Defence Force": a group
    return fled or not (prep in DIRECTIONAL_PREPS and head.ent_type_ in ("ORG", "PERSON"))


def self_named(token: Token) -> bool:
    """A place noun named by its own proper-noun modifier: "the Saratov region", "Amhara region", also
    across a common noun ("the Kutupalong refugee camp")."""
    if token.lemma_.lower() not in PLACE_NOUNS:
        return False
    modifiers = [c for c in token.lefts if c.dep_ in ("compound", "nmod")]
    modifiers += [g for c in modifiers for g in c.lefts if g.dep_ == "compound"]
    named = (
        c.pos_ == "PROPN"
        or c.ent_type_ in PLACE_LABELS
        or (c.pos_ == "NOUN" and c.is_title and not c.is_sent_start)
        for c in modifiers
    )  # a capitalised name the model tags a common noun: "the Karari area"
    return any(named)


PROVINCE_NOUNS = ADMIN_UNITS | {"state", "regency"}


def own_province(token: Token) -> bool:
    """A province-level noun named by its own modifier ("the Saratov region of Russia", "the Hawija
    district of Kirkuk") names that province; a smaller one stands inside its ``of`` place ("the Mawasi
    area of Khan Younis" is in Khan Younis)."""
    return token.lemma_.lower() in PROVINCE_NOUNS and self_named(token)


def strong_place(token: Token) -> bool:
    """A named place (entity or proper noun), as opposed to "the city" or "a nearby base"."""
    if token.lemma_.lower() in PEOPLE_COLLECTIVES:
        return False
    head = semantic_head(token)
    if head.pos_ == "PROPN" or head.ent_type_ in PLACE_LABELS:
        return True
    if head.pos_ == "NOUN" and head.is_title and not head.is_sent_start and names_place_noun(head):
        return True  # "near the village of Haru", the name tagged a common noun
    return self_named(head)  # "the Hiran region", "Amhara region"
