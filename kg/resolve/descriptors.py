"""Descriptor nouns ("rebels", "troops", "police", "the government", "parliament", "residents") and the
actor they stand for, given the owner the phrase names (:mod:`kg.resolve.modifiers`) and the document
context: an owner in the phrase beats the sentence's state, which beats the document's dominant country."""

from __future__ import annotations

from functools import lru_cache

from kg.model import Actor, Mention
from kg.resolve.actorcontext import ActorContext, sentence_state
from kg.resolve.actortable import (
    FOREIGN_FORCES,
    STATE_ORGAN_SECTORS,
    STATELESS_SUFFIX,
    actor_table,
    country_actor,
    stateless_actor,
    unidentified_group,
)
from kg.resolve.gazcache import gazetteer
from kg.resolve.modifiers import Owner, place_country
from kg.resolve.text import slug, strip_determiners

__all__ = ["CATEGORY_ROLES", "head_of", "owned", "descriptor", "proper_or_of"]

CATEGORY_ROLES = {
    "state_forces": "military",
    "state_weapons": "military",
    "police": "police",
    "government": "government",
    "civilians": "civilians",
    "legislature": "legislature",
    "judiciary": "judiciary",
    "opposition": "opposition",
}
CATEGORIES = ("foreign_forces", "state_weapons", "state_forces", "police", "legislature", "judiciary",
              "opposition", "government", "civilians", "armed_group")  # fmt: skip
STATE_ORGANS = frozenset({"military", "police", "government"})  # roles a state (or its organ) owns
SECTOR_ROLES = {"MIL": "military", "COP": "police"}  # "military spokesman", "police spokesman"
SENTENCE_STATE = frozenset({"state_forces", "police"})  # "The Pentagon said 3,000 soldiers ..."
# words before a weapon that make it the state's ("army drones", "government warplanes")
STATE_OWNERS = frozenset({"army", "military", "government", "regime", "junta", "navy", "pro-government"})
BARE_ONLY = frozenset({"group", "groups", "state"})  # "the group": the main armed group; not "aid groups"


def head_of(words: list[str], lemma: str) -> tuple[str, int] | None:
    """The descriptor category of the phrase's head and how many words it spans ("armed forces" -> 2;
    cached: a function of the words and the actor table, loaded once per process)."""
    return _head_of(tuple(words), lemma)


@lru_cache(maxsize=16384)
def _head_of(words: tuple[str, ...], lemma: str) -> tuple[str, int] | None:
    descriptors = actor_table().descriptors
    for n in range(len(words), 0, -1):
        candidate = " ".join(words[len(words) - n :]).lower()
        if candidate in BARE_ONLY and n < len(words):
            continue
        for category in CATEGORIES:
            if candidate in descriptors.get(category, ()):
                return category, n
    if lemma and (lemma not in BARE_ONLY or len(words) == 1):
        for category in CATEGORIES:
            if lemma in descriptors.get(category, ()):
                return category, 1
    return None


def owned(category: str, owner: Actor) -> Actor | None:
    """The actor a possessive phrase names: a state's organs, or a non-state group's own forces."""
    role = CATEGORY_ROLES.get(category)
    if owner.sector == "COP" and role == "military":
        role = "police"  # "the police said their officers": the police's own men
    if owner.sector in STATE_ORGAN_SECTORS and role in STATE_ORGANS:
        if owner.country:
            return country_actor(owner.country, role)
        if owner.key.endswith(STATELESS_SUFFIX):
            return stateless_actor(role)  # "The army ... said its soldiers", "Police ... their officers"
    if category in ("state_forces", "armed_group") and owner.kind in ("group", "organization"):
        return owner  # the Bosnian Serbs' "their forces"
    return None


def _whole_name(name: str, text: str) -> str:
    """The owner's name with the descriptor when the descriptor is capitalised as part of it: "the Karen
    National Liberation Army" is so named, "the CODECO militia" is CODECO."""
    words = strip_determiners(text).split()
    whole = " ".join(words)
    return whole if words and words[-1][:1].isupper() and whole.startswith(name) else name


def descriptor(category: str, owner: Owner, ctx: ActorContext, start: int, text: str) -> Actor | None:
    """The actor a descriptor noun stands for. A country named in the phrase beats the one of the sentence
    and of the document; an organisation or proper name in the phrase beats both."""
    if owner.org is not None and category != "civilians":
        return owner.org  # "Red Cross officials"
    name = _whole_name(owner.name, text) if owner.name is not None else None
    if name is not None and category == "armed_group":  # "the CODECO militia"
        return Actor(slug(name), name, "REB", ctx.country, "group", (text,))
    if name is not None and category != "civilians":
        return Actor(slug(name), name, None, None, "organization", (text,))
    country = owner.country
    if category == "foreign_forces":
        return FOREIGN_FORCES
    if category == "state_weapons":  # "Russian missiles"; "army warplanes": the state's of the sentence
        if country is None and STATE_OWNERS.intersection(text.lower().split()[:-1]):
            country = sentence_state(ctx, start) or ctx.country
            return country_actor(country, "military") if country else stateless_actor("military", "")
        return country_actor(country, "military") if country else None
    if category == "armed_group":
        if "of" in text.lower().split():
            return None
        main = ctx.main_group
        if owner.allied:  # "allied clan militias" fight beside the state, not with the main group
            return unidentified_group(country or ctx.country)
        if country is not None and (main is None or main.country not in (None, country)):
            return country_actor(country, "rebels", text)  # "Rwandan rebels" -> "Rebels (Rwanda)"
        return main if main is not None else unidentified_group(ctx.country)
    state = country or (sentence_state(ctx, start) if category in SENTENCE_STATE else None) or ctx.country
    role = CATEGORY_ROLES[category]
    if owner.sector in SECTOR_ROLES and role == "government":
        role = SECTOR_ROLES[owner.sector]  # "military spokesman", "police spokesman"
    alias = text if role in ("opposition", "legislature", "judiciary") else ""
    return country_actor(state, role, alias) if state else stateless_actor(role, alias)


FUNCTION_WORDS = frozenset(["of", "for", "and", "the", "de", "du", "des", "la", "al", "el"])
INNER_WORDS = frozenset(["of", "for", "and"])  # inside a name: "Forces for Defence of Democracy"


def proper_or_of(words: list[str], mention: Mention, ctx: ActorContext, text: str) -> Actor | None:
    """ "army of Chad", "Armed Forces of Liberia": a state organ of the country after "of"; otherwise a
    capitalised name with inner function words ("Forces for Defence of Democracy") names an organisation."""
    lowered = [w.lower() for w in words]
    for at, word in enumerate(lowered[1:], 1):
        if word not in ("of", "in", "from"):
            continue
        tail = " ".join(w for w in words[at + 1 :] if w.lower() != "the")
        head = head_of(words[:at], lowered[at - 1])
        # not an English word the gazetteer also lists as a town ("fighters of the Union")
        placed = tail[:1].isupper() and (" " in tail or tail in gazetteer().ruler_names)
        code = place_country(tail, prefer=ctx.country) if placed else None
        if code is None or head is None:
            continue  # "rebels in Darfur", "army of Chad", "opposition groups in Zimbabwe"
        return descriptor(head[0], Owner(country=code), ctx, mention.start, " ".join(words[:at]))
    if INNER_WORDS.isdisjoint(lowered[1:-1]):
        return None  # no inner function word: no such name
    content = [w for w in words if w.lower() not in FUNCTION_WORDS]
    if len(content) >= 2 and all(w[:1].isupper() for w in content):
        return Actor(slug(text), text, None, None, "organization")
    return None
