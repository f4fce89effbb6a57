"""Canonical actors from entity and noun-phrase mentions, using the alias table ``kg/data/actors.toml``
and the demonym table ``kg/data/countries.toml``.

Order of rules for one mention (determiners and possessives stripped first):
pronoun -> most recent compatible actor; alias of a named group/IGO; metonym ("the Pentagon");
country name; person (role words and demonyms stripped, country/sector from them); a group alias inside
the phrase ("Taliban spokesman"); descriptor nouns ("insurgents" -> the document's main armed group,
"Afghan troops" -> Military of Afghanistan, "the government", "residents" -> civilians); demonyms;
finally ORG/NORP entities keep their own name. Everything else is unresolved (``None``).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from kg.model import Actor, Mention
from kg.resolve.actortable import (
    FOREIGN_FORCES,
    ActorTable,
    actor_table,
    country_actor,
    unidentified_group,
)
from kg.resolve.places import gazetteer
from kg.resolve.text import name_key, slug, strip_determiners

__all__ = [
    "ActorContext",
    "ActorTable",
    "actor_table",
    "country_actor",
    "unidentified_group",
    "resolve_actor",
    "resolve_in_context",
    "antecedent_of",
    "build_context",
]

PLURAL_PRONOUNS = frozenset(["they", "them", "their", "theirs", "themselves"])
PERSON_PRONOUNS = frozenset(["he", "him", "his", "himself", "she", "her", "hers", "herself"])
THING_PRONOUNS = frozenset(["it", "its", "itself"])
RELATIVE_PRONOUNS = frozenset(["who", "whom", "whose", "which", "that"])
ROLE_HEADS = frozenset(
    ["spokesman", "spokeswoman", "spokesperson", "official", "officials", "commander", "commanders", "leader",
     "leaders", "negotiator", "negotiators", "member", "members", "chief", "representative", "envoy"]
)  # fmt: skip
ARMED_SECTORS = frozenset({"REB", "PMC"})


@dataclass
class ActorContext:
    """Document-level knowledge: dominant country, main armed group, resolved mentions for pronouns."""

    text: str = ""
    country: str | None = None
    main_group: Actor | None = None
    history: list[tuple[int, Actor]] = field(default_factory=list)
    persons: dict[str, Actor] = field(default_factory=dict)  # surname / full name -> person actor
    # results of build_context for mentions whose resolution does not depend on what comes later
    # (not pronouns, not persons): resolve_frame asks again for the same role mentions
    resolved: dict[tuple[int, int, str, str, str], Actor | None] = field(default_factory=dict)

    # start offset -> text of the mention remembered there (what a pronoun's antecedent was called)
    texts: dict[int, str] = field(default_factory=dict)

    def remember(self, start: int, actor: Actor, text: str = "") -> None:
        bisect.insort(self.history, (start, actor), key=lambda item: item[0])
        if text:
            self.texts.setdefault(start, text)
        if actor.kind == "person":
            self.persons.setdefault(actor.label, actor)
            self.persons.setdefault(actor.label.split()[-1], actor)


def _split_prefix(words: list[str], table: ActorTable) -> tuple[list[str], str | None, str | None]:
    """Strip leading titles and demonyms; return remaining words, country and sector found."""
    country = sector = None
    changed = True
    while changed and words:
        changed = False
        for n in (3, 2, 1):
            head = " ".join(words[:n])
            if len(words) > n and head in table.titles:
                sector = sector or table.titles[head] or None
            elif len(words) > n and name_key(head) in table.demonyms:
                country = country or table.demonyms[name_key(head)]
            elif len(words) > n and head.lower() in table.titles:
                sector = sector or table.titles[head.lower()] or None
            else:
                continue
            words, changed = words[n:], True
            break
    return words, country, sector


def _person(text: str, ctx: ActorContext, start: int) -> Actor:
    table = actor_table()
    words, country, sector = _split_prefix(strip_determiners(text).split(), table)
    before = ctx.text[max(0, start - 60) : start].replace(",", " ").split() if start >= 0 else []
    for n in range(min(4, len(before)), 0, -1):  # "Afghan President" written just before the name
        _, c2, s2 = _split_prefix([*before[-n:], "X"], table)
        country, sector = country or c2, sector or s2
    name = " ".join(words)
    known = ctx.persons.get(name)
    if known is not None:
        return known
    row = table.persons.get(name, {})
    return Actor(slug(name), name, row.get("sector", sector), row.get("country", country), "person")


def _pronoun(mention: Mention, ctx: ActorContext) -> Actor | None:
    found = antecedent_of(mention, ctx)
    return found[0] if found else None


def antecedent_of(mention: Mention, ctx: ActorContext) -> tuple[Actor, str] | None:
    """Most recent earlier actor that fits a pronoun, and the text it was named with: they -> a group or
    organisation (not a country, not the news agency quoted as a source), he/she -> a person, it ->
    anything but a person or news agency."""
    word = mention.text.lower().strip()
    earlier = [(s, a) for s, a in ctx.history if s < mention.start and a.sector != "MED"]
    for start, actor in reversed(earlier):
        fits = (
            (word in PLURAL_PRONOUNS and actor.kind in ("group", "organization"))
            or (word in PERSON_PRONOUNS and actor.kind == "person")
            or (word in THING_PRONOUNS and actor.kind != "person")
            or word in RELATIVE_PRONOUNS
        )
        if fits:
            return actor, ctx.texts.get(start, "")
    return None


def _sentence_state(ctx: ActorContext, start: int) -> str | None:
    """The country of the last state actor named earlier in the same sentence ("The Pentagon said 3,000
    soldiers ..."): bare "soldiers"/"troops" there belong to that state, not to the document's country."""
    if start <= 0 or not ctx.text:
        return None
    sentence_start = max(ctx.text.rfind(". ", 0, start), ctx.text.rfind("\n", 0, start)) + 1
    for begin, actor in reversed(ctx.history):
        if sentence_start <= begin < start and actor.country and actor.sector in ("GOV", "MIL"):
            return actor.country if actor.kind in ("country", "organization") else None
    return None


def _descriptor(
    words: list[str], lemma: str, country: str | None, ctx: ActorContext, start: int = -1
) -> Actor | None:
    table = actor_table()
    phrase = " ".join(words).lower()
    suffixes = [" ".join(words[i:]).lower() for i in range(len(words))] + [lemma]
    for candidate in suffixes:
        if candidate in table.descriptors["foreign_forces"]:
            return FOREIGN_FORCES
        state = country or ctx.country
        if country and candidate in table.descriptors.get("state_weapons", ()):
            return country_actor(country, "military")  # "Russian missiles", "Turkish drones"
        if candidate in table.descriptors["state_forces"] and state:
            return country_actor(country or _sentence_state(ctx, start) or state, "military")
        if candidate in table.descriptors["government"] and state:
            return country_actor(state, "government")
        if candidate in table.descriptors["civilians"] and state:
            return country_actor(state, "civilians")
        if candidate in table.descriptors["armed_group"] and "of" not in phrase.split():
            if ctx.main_group is not None:
                return ctx.main_group
            return unidentified_group(ctx.country)
    return None


def resolve_actor(mention: Mention, ctx: ActorContext | None = None) -> Actor | None:
    """The canonical actor a mention refers to, or None when it names no actor we can identify."""
    ctx = ctx or ActorContext()
    table = actor_table()
    if mention.label == "PRON" or mention.text.lower().strip() in PLURAL_PRONOUNS | PERSON_PRONOUNS:
        return _pronoun(mention, ctx)
    text = strip_determiners(mention.text)
    if not text:
        return None
    if text in table.exact:
        return table.exact[text]
    if text.lower() in table.aliases:
        return table.aliases[text.lower()]
    if text in table.metonyms:
        code, role = table.metonyms[text]
        code = code or ctx.country
        return country_actor(code, role) if code else None
    country = gazetteer().countries.get(name_key(text))
    if country is not None and country.country:
        return country_actor(country.country)
    if mention.label == "PERSON":
        return _person(mention.text, ctx, mention.start)
    words = text.split()
    for n in range(len(words), 0, -1):  # a named group inside the phrase: "Taliban spokesman"
        for i in range(len(words) - n + 1):
            part = " ".join(words[i : i + n])
            found = table.exact.get(part) or table.aliases.get(part.lower())
            if found is not None:
                return found
    rest, demonym_country, _ = _split_prefix([w for w in words if w.lower() not in ("local",)] + ["X"], table)
    rest = rest[:-1]
    key = name_key(text)
    if key in table.demonyms:  # "the British" -> country; "Afghans" -> civilians
        role = "civilians" if key in table.plural_demonyms else "country"
        return country_actor(table.demonyms[key], role)
    if len(rest) > 1 and rest[-1].lower() in ROLE_HEADS:  # "an insurgent spokesman" speaks for insurgents
        found = _descriptor(rest[:-1], rest[-2].lower(), demonym_country, ctx, mention.start)
        if found is not None and found.sector != "CVL":
            return found
    found = _descriptor(rest or words, mention.lemma, demonym_country, ctx, mention.start)
    if found is not None:
        return found
    if mention.label in ("ORG", "NORP"):
        kind = "organization" if mention.label == "ORG" else "group"
        return Actor(slug(text), text, None, None, kind)
    return None


@lru_cache(maxsize=65536)
def _without_context(text: str, label: str, lemma: str) -> Actor | None:
    """``resolve_actor`` with an empty context depends on the mention's text, label and lemma only (no
    history, no document text, no country), so it is cached across documents."""
    return resolve_actor(Mention(text, 0, len(text), label, lemma), ActorContext())


def _main_group(mentions: Iterable[Mention]) -> Actor | None:
    counts: Counter[str] = Counter()
    actors: dict[str, Actor] = {}
    first: dict[str, int] = {}
    for mention in mentions:
        actor = _without_context(mention.text, mention.label, mention.lemma)
        if actor is not None and actor.sector in ARMED_SECTORS:
            counts[actor.key] += 1
            actors[actor.key] = actor
            first.setdefault(actor.key, mention.start)
    if not counts:
        return None
    return actors[max(counts, key=lambda k: (counts[k], -first[k]))]


def build_context(
    text: str, country: str | None, entities: Sequence[Mention], roles: Sequence[Mention] = ()
) -> ActorContext:
    """Context for one document: the main armed group (from entities and role mentions) and the history
    of resolved mentions that pronouns refer back to. Place entities (GPE/LOC) never enter the history
    ("Kabul" names a city far more often than the Afghan government); as a frame role they do."""
    skip = {"PRON", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
    chosen: dict[tuple[int, int], Mention] = {}
    for mention in entities:
        if mention.label in ("GPE", "LOC") or (
            mention.label == "FAC" and strip_determiners(mention.text) not in actor_table().metonyms
        ):
            continue
        chosen.setdefault((mention.start, mention.end), mention)
    for mention in roles:
        chosen[(mention.start, mention.end)] = mention
    ordered = sorted(
        (m for m in chosen.values() if m.label not in skip), key=lambda m: (m.start, m.end, m.text)
    )
    ctx = ActorContext(text=text, country=country, main_group=_main_group(ordered))
    for mention in ordered:
        actor = resolve_actor(mention, ctx)
        if mention.label not in ("PRON", "PERSON"):
            ctx.resolved[_key(mention)] = actor
        if actor is not None:
            ctx.remember(mention.start, actor, "" if mention.label == "PRON" else mention.text)
    return ctx


def _key(mention: Mention) -> tuple[int, int, str, str, str]:
    return (mention.start, mention.end, mention.text, mention.label, mention.lemma)


def resolve_in_context(mention: Mention, ctx: ActorContext) -> Actor | None:
    """``resolve_actor`` with the answers ``build_context`` already found for the same mention."""
    key = _key(mention)
    if key in ctx.resolved:
        return ctx.resolved[key]
    return resolve_actor(mention, ctx)
