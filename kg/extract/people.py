"""What a noun says of people, groups and forces: word lists of troops, prisoners, people and actors, and
the predicates ``actor_like`` (could name an actor), ``instrument`` (a means, never a party), ``party`` (a
person or group, not a place), ``own_force`` and ``moved_force`` (what a deployment or withdrawal moves).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.docplaces import called_place
from kg.extract.nouns import in_time_entity, is_place_like, semantic_head
from kg.extract.tree import children

__all__ = [
    "ACTOR_LABELS",
    "TROOP_NOUNS",
    "PRISONER_NOUNS",
    "PEOPLE_NOUNS",
    "ACTOR_NOUNS",
    "INSTRUMENT_NOUNS",
    "BOUNDED_DEPS",
    "FORCE_NOUNS",
    "MOVED_NOUNS",
    "actor_like",
    "instrument",
    "launched_from",
    "LAUNCH_PLATFORMS",
    "own_force",
    "moved_force",
    "party",
    "known_group",
]

ACTOR_LABELS = frozenset({"ORG", "NORP", "GPE", "PERSON"})
TROOP_NOUNS = frozenset(
    {"soldier", "troop", "marine", "paratrooper", "commando", "serviceman", "servicemember", "personnel",
     "reservist", "recruit", "sailor", "airman", "mercenary", "fighter", "guard", "policeman", "officer",
     "reinforcement", "peacekeeper", "ranger", "gendarme", "constable", "trooper"}
)  # fmt: skip
PRISONER_NOUNS = frozenset({"prisoner", "inmate", "detainee", "captive", "hostage", "convict"})
PEOPLE_NOUNS = TROOP_NOUNS | PRISONER_NOUNS | frozenset(
    {"people", "person", "civilian", "child", "woman", "man", "resident", "villager", "refugee", "migrant",
     "worker", "student", "journalist", "protester", "demonstrator", "passenger", "pilgrim", "patient",
     "doctor", "official", "member", "militant", "insurgent", "rebel", "gunman", "attacker", "jihadist",
     "combatant", "victim", "casualty", "body", "suspect", "family", "police", "militiaman", "teenager",
     "other", "adult", "infant", "baby", "girl", "boy", "staff", "employee", "farmer", "miner", "voter",
     "activist", "supporter", "loyalist", "follower", "youth", "delegate", "negotiator", "representative",
     "lawmaker", "legislator", "politician", "diplomat", "guerrilla", "trader", "teacher", "nurse",
     "separatist", "extremist", "terrorist", "bandit", "pirate", "smuggler", "rioter", "looter", "kidnapper",
     "abductor", "captor", "assailant", "raider", "hijacker", "killer", "gangster", "vigilante", "trafficker",
     "poacher", "herder", "herdsman", "fisherman", "hunter"}
)  # fmt: skip
ACTOR_NOUNS = frozenset(
    {"government", "army", "force", "military", "police", "ministry", "authority", "regime", "administration",
     "council", "party", "group", "coalition", "alliance", "militia", "leader", "president", "minister",
     "country", "state", "nation", "side", "delegation", "envoy", "official", "commander", "movement",
     "organization", "organisation", "agency", "union", "community", "court", "parliament", "cabinet",
     "commission", "committee", "assembly", "board", "tribunal", "senate", "congress", "junta",
     "bishop", "cleric", "priest", "imam", "elder", "chief", "king", "governor", "mayor", "ambassador",
     "lawyer", "judge", "prosecutor", "investigator", "inspector", "observer", "monitor", "mediator",
     "settler", "pilot", "crew", "ruler", "candidate", "opposition", "dissident", "ally", "partner", "gang",
     "cartel", "faction", "clan", "tribe", "battalion", "brigade", "regiment", "squad", "platoon"}
)  # fmt: skip
# what an act is done with ("responded with force", "dispersed them with tear gas"): never a party
INSTRUMENT_NOUNS = frozenset(
    {"weapon", "arm", "drone", "gas", "missile", "rocket", "bullet", "gun", "rifle", "grenade", "bomb",
     "artillery", "knife", "machete", "baton", "stone", "cannon", "explosive", "mortar", "ammunition",
     "shell", "projectile", "munition", "round"}
)  # fmt: skip
BOUNDED_DEPS = frozenset({"det", "poss", "nummod", "compound"})
FORCE_NOUNS = frozenset({"force", "army", "military", "police", "unit", "warship", "jet", "tank", "navy"})
# what a deployment or withdrawal moves ("reinforcements", "warships"), with FORCE_NOUNS and TROOP_NOUNS
MOVED_NOUNS = FORCE_NOUNS | frozenset(
    {"reinforcement", "battalion", "brigade", "division", "regiment", "contingent", "peacekeeper", "patrol",
     "ship", "vessel", "aircraft", "helicopter", "plane", "missile", "weapon", "artillery", "equipment",
     "convoy", "fleet", "submarine", "carrier", "reserve", "asset"}
)  # fmt: skip


def actor_like(token: Token) -> bool:
    """Could name an actor: an actor-kind entity, a proper noun, a pronoun or a person/group noun."""
    head = semantic_head(token)
    if in_time_entity(head) or head.ent_type_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT"):
        return False
    if called_place(head):  # "stormed the town of Kareto" (PERSON) ... "attacked Kareto": a place
        return False
    if head.ent_type_ in ACTOR_LABELS or head.pos_ in ("PROPN", "PRON"):
        return True
    lemma = head.lemma_.lower()
    return (lemma in ACTOR_NOUNS or lemma in PEOPLE_NOUNS) and not instrument(head)


def instrument(token: Token) -> bool:
    """A means, not a party: a weapon noun, or "force" used as a mass noun ("with (military) force"; not
    "the force", "a UN force", "security forces")."""
    lemma = token.lemma_.lower()
    if lemma in INSTRUMENT_NOUNS:
        return True
    return (
        lemma == "force" and token.tag_ == "NN" and not any(c.dep_ in BOUNDED_DEPS for c in children(token))
    )


# what a weapon is fired or dropped from: "dropped explosives from drones on the village of X"
LAUNCH_PLATFORMS = frozenset({"helicopter", "aircraft", "plane", "warplane", "jet", "boat", "ship"})


def launched_from(word: str, obj: Token) -> bool:
    """A "from" phrase naming the weapon or craft an act came from, whose own phrases may say where it hit
    (not a place or party it came from)."""
    return word == "from" and (instrument(obj) or obj.lemma_.lower() in LAUNCH_PLATFORMS)


def own_force(token: Token) -> bool:
    """Troops or forces, or anything with a pronoun owner ("its warships"): the agent's own means."""
    head = semantic_head(token)
    mine = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in children(token))
    return mine or head.lemma_.lower() in TROOP_NOUNS or head.lemma_.lower() in FORCE_NOUNS


def moved_force(token: Token) -> bool:
    """Forces, troops, units or arms a deployment or withdrawal moves ("its forces", "reinforcements")."""
    head = semantic_head(token)
    return own_force(token) or head.lemma_.lower() in MOVED_NOUNS or head.lower_ in MOVED_NOUNS


def party(token: Token) -> bool:
    """A person, group or organisation, not a place: "from the militants", not "from Bosnia-Herzogovina"
    (a proper name the model gave no entity type is taken for a place)."""
    if not actor_like(token) or is_place_like(token) or in_time_entity(token):
        return False
    head = semantic_head(token)
    return head.pos_ != "PROPN" or bool(head.ent_type_)


def known_group(token: Token) -> bool:
    """A proper name the actor table lists as a group or organisation ("RSF", "Taliban"): never a place,
    however the parser hangs it ("Sudan's RSF seizes army base", a headline read with no object)."""
    from kg.resolve.actortable import actor_table

    if token.pos_ != "PROPN":
        return False
    table = actor_table()
    actor = table.exact.get(token.text) or table.aliases.get(token.text.lower())
    return actor is not None and actor.kind in ("group", "organization")
