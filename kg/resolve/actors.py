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
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kg.model import Actor, Mention
from kg.resolve.actortable import (
    FOREIGN_FORCES,
    ActorTable,
    actor_table,
    country_actor,
    unidentified_group,
)
from kg.resolve.modifiers import Owner, capital_country, clean_name, owner_of, place_country, strip_quantity
from kg.resolve.persons import person
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
UNIDENTIFIED = "unidentified-armed-group"  # what descriptors fall back to: never the main group


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


CATEGORY_ROLES = {
    "state_forces": "military",
    "state_weapons": "military",
    "government": "government",
    "civilians": "civilians",
    "legislature": "legislature",
    "opposition": "opposition",
}
CATEGORIES = ("foreign_forces", "state_weapons", "state_forces", "legislature", "opposition", "government",
              "civilians", "armed_group")  # fmt: skip
BARE_ONLY = frozenset({"group", "groups"})  # "the group" is the main armed group; "aid groups" are not


def _head(words: list[str], lemma: str) -> tuple[str, int] | None:
    """The descriptor category of the phrase's head and how many words it spans ("armed forces" -> 2)."""
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


def _sentence_initial(ctx: ActorContext, start: int) -> bool:
    if start <= 0 or not ctx.text:
        return start <= 0
    before = ctx.text[max(0, start - 3) : start].strip()
    return not before or before[-1] in ".!?\"'\u201d:"


def _possessive_owner(mention: Mention, ctx: ActorContext) -> Actor | None:
    """``their forces``, ``its army``, ``his government``: the antecedent of the possessive pronoun."""
    first = mention.text.split()[0].lower() if mention.text.split() else ""
    if first not in ("its", "their", "his", "her"):
        return None
    word = {"its": "it", "their": "they", "his": "he", "her": "she"}[first]
    found = antecedent_of(Mention(word, mention.start, mention.start + len(word), "PRON"), ctx)
    return found[0] if found else None


def _owned(category: str, owner: Actor) -> Actor | None:
    """The actor a possessive phrase names: a state's organs, or a non-state group's own forces."""
    role = CATEGORY_ROLES.get(category)
    if owner.sector in ("GOV", "MIL") and owner.country and role in ("military", "government"):
        return country_actor(owner.country, role)
    if category in ("state_forces", "armed_group") and owner.kind in ("group", "organization"):
        return owner  # the Bosnian Serbs' "their forces"
    return None


def _descriptor(category: str, owner: Owner, ctx: ActorContext, start: int, text: str) -> Actor | None:
    """The actor a descriptor noun stands for. A country named in the phrase beats the one of the sentence
    and of the document; an organisation or proper name in the phrase beats both."""
    if owner.org is not None and category != "civilians":
        return owner.org  # "Red Cross officials"
    if owner.name is not None and category != "civilians":
        return Actor(slug(owner.name), owner.name, None, None, "organization", (text,))
    country = owner.country
    if category == "foreign_forces":
        return FOREIGN_FORCES
    if category == "state_weapons":
        return country_actor(country, "military") if country else None  # "Russian missiles"
    if category == "armed_group":
        if "of" in text.lower().split():
            return None
        main = ctx.main_group
        if owner.allied:  # "allied clan militias" fight beside the state, not with the main group
            return unidentified_group(country or ctx.country)
        if country is not None and (main is None or main.country not in (None, country)):
            return country_actor(country, "rebels", text)  # "Rwandan rebels" -> "Rebels (Rwanda)"
        return main if main is not None else unidentified_group(ctx.country)
    state = country or (_sentence_state(ctx, start) if category == "state_forces" else None) or ctx.country
    role = CATEGORY_ROLES[category]
    if owner.sector == "MIL" and role == "government":
        role = "military"  # "military spokesman"
    alias = text if role in ("opposition", "legislature") else ""
    return country_actor(state, role, alias) if state else None


def _phrase(words: list[str], mention: Mention, ctx: ActorContext, text: str) -> Actor | None:
    """Descriptor phrases: "Afghan troops", "the army", "an insurgent spokesman", "armed forces of X"."""
    lowered = [w.lower() for w in words]
    if "of" in lowered[1:]:  # the head comes before "of": "armed forces of its governor"
        before = words[: lowered.index("of", 1)]
        if _head(before, "") is not None:
            words = before
    head = _head(words, mention.lemma if len(words) == len(lowered) else "")
    if head is None and len(words) > 1 and words[-1].lower() in ROLE_HEADS:
        head = _head(words[:-1], "")  # "Hutu rebel commanders", "opposition leaders"
        if head is not None and head[0] == "civilians":
            return None
        words = words[:-1]
    elif head is not None and len(words) > head[1] and words[-1].lower() in ROLE_HEADS:
        inner = _head(words[:-1], "")  # "an insurgent spokesman" speaks for the insurgents
        if inner is not None and inner[0] != "civilians":
            head, words = inner, words[:-1]
    if head is None:
        return None
    category, size = head
    owned = _possessive_owner(mention, ctx)
    if owned is not None:
        found = _owned(category, owned)
        if found is not None:
            return found
    capital_first = not _sentence_initial(ctx, mention.start)
    owner = owner_of(words[: len(words) - size], capitalised_first=capital_first)
    return _descriptor(category, owner, ctx, mention.start, text)


FUNCTION_WORDS = frozenset(["of", "for", "and", "the", "de", "du", "des", "la", "al", "el"])
_OF_TAIL = re.compile(r"^\s+of\s+([^,.;:!?\n]+)")


def _of_phrase(after: str, ctx: ActorContext) -> Actor | None:
    """The owner in "<role word> of <noun phrase>": the shortest start of the phrase that names an actor."""
    match = _OF_TAIL.match(after)
    if match is None:
        return None
    words = match.group(1).split()[:6]
    for n in range(1, len(words) + 1):
        if words[n - 1].endswith(("'s", "'")) or (
            n < len(words) and name_key(words[n - 1]) in actor_table().demonyms
        ):
            continue  # "chief of Israel's militia", "leaders of the Kenyan opposition": read on
        part = " ".join(words[:n])
        found = resolve_actor(Mention(part, -1, -1, "NP", words[n - 1].lower()), ctx)
        if found is not None:
            return found
    return None


def _proper_or_of(words: list[str], mention: Mention, ctx: ActorContext, text: str) -> Actor | None:
    """ "army of Chad", "Armed Forces of Liberia": a state organ of the country after "of"; otherwise a
    capitalised name with inner function words ("Forces for Defence of Democracy") names an organisation."""
    lowered = [w.lower() for w in words]
    for at, word in enumerate(lowered[1:], 1):
        if word not in ("of", "in", "from"):
            continue
        tail = " ".join(w for w in words[at + 1 :] if w.lower() != "the")
        head = _head(words[:at], lowered[at - 1])
        code = place_country(tail) if tail[:1].isupper() else None
        if code is None or head is None or (word == "of" and head[0] not in CATEGORY_ROLES):
            continue  # "rebels in Darfur", "army of Chad", "opposition groups in Zimbabwe"
        return _descriptor(head[0], Owner(country=code), ctx, mention.start, " ".join(words[:at]))
    content = [w for w in words if w.lower() not in FUNCTION_WORDS]
    inner = any(w in ("of", "for", "and") for w in lowered[1:-1])
    if inner and len(content) >= 2 and all(w[:1].isupper() for w in content):
        return Actor(slug(text), text, None, None, "organization")
    return None


def _named(text: str, mention: Mention, ctx: ActorContext) -> Actor | None:
    """Names: the alias table, metonyms ("the Pentagon"), countries, capitals ("Beirut" said ...)."""
    table = actor_table()
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
    capital = capital_country(text) if text[:1].isupper() and mention.label != "PERSON" else None
    return country_actor(capital, "government") if capital else None


def resolve_actor(mention: Mention, ctx: ActorContext | None = None) -> Actor | None:
    """The canonical actor a mention refers to, or None when it names no actor we can identify."""
    ctx = ctx or ActorContext()
    table = actor_table()
    if mention.label == "PRON" or mention.text.lower().strip() in PLURAL_PRONOUNS | PERSON_PRONOUNS:
        return _pronoun(mention, ctx)
    text = clean_name(strip_quantity(strip_determiners(mention.text)))
    if not text:
        return None
    found = _named(text, mention, ctx)
    if found is not None:
        return found
    words = text.split()
    if mention.label == "PERSON" and name_key(words[-1]) in table.plural_demonyms:
        mention = replace(mention, label="NORP")  # "Bosnian Serbs" tagged as a person
    if mention.label == "PERSON":
        return person(mention.text, ctx, mention.start)
    for n in range(len(words), 0, -1):  # a named group inside the phrase: "Taliban spokesman"
        for i in range(len(words) - n + 1):
            part = " ".join(words[i : i + n])
            found = table.exact.get(part) or table.aliases.get(part.lower())
            if found is not None:
                return found
    key = name_key(text)
    if key in table.demonyms:  # "the British" -> country; "Afghans" -> civilians
        role = "civilians" if key in table.plural_demonyms else "country"
        return country_actor(table.demonyms[key], role)
    if len(words) <= 2 and words[-1].lower() in ROLE_HEADS and mention.end > 0:
        found = _of_phrase(ctx.text[mention.end :], ctx)  # "leaders of the opposition coalition"
        if found is not None:
            return found
    found = _proper_or_of(words, mention, ctx, text)
    if found is not None:
        return found
    found = _phrase(words, mention, ctx, text)
    if found is not None:
        return found
    if mention.label in ("ORG", "NORP") and any(w[:1].isupper() for w in words):
        kind = "organization" if mention.label == "ORG" else "group"
        label = text[:1].upper() + text[1:]
        return Actor(slug(text), label, None, None, kind)
    return None  # "the umbrella union" tagged ORG names no one new


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
        if actor is not None and actor.sector in ARMED_SECTORS and not actor.key.startswith(UNIDENTIFIED):
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
    role_spans = {(m.start, m.end) for m in roles}
    for start, end in list(chosen):  # "Radical French" inside the role mention "Radical French farmers"
        if (start, end) not in role_spans and any(s == start and e > end for s, e in role_spans):
            del chosen[(start, end)]
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
