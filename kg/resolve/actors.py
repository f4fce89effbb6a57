"""Canonical actors from entity and noun-phrase mentions, using the alias table ``kg/data/actors.toml``
and the demonym table ``kg/data/countries.toml``.

Order of rules for one mention (determiners, quantities "some 300" and possessive 's stripped first):
pronoun -> most recent compatible actor; alias of a named group/IGO; metonym ("the Pentagon"); country
name; capital standing for its government ("Beirut rejected ..."); person (title words stripped, country
and sector from them); a group alias inside the phrase ("Taliban spokesman"); demonyms ("Afghans");
"<role word> of <noun phrase>"; "army of Chad", "rebels in Darfur"; capitalised names with inner function
words as organisations; descriptor nouns (:mod:`kg.resolve.descriptors`), where an owner named in the
phrase (:mod:`kg.resolve.modifiers`) beats the sentence's and the document's country; ORG/NORP entities
keep their name; a name an appositive describes is a person ("Kenzo Oshima, the UN relief coordinator,"
tagged GPE). Everything else is unresolved (``None``)."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.frozen import evolve
from kg.model import Actor, Mention
from kg.resolve.actorcontext import (
    ActorContext,
    antecedent_of,
    sentence_initial,
)
from kg.resolve.actortable import (
    HEDGES,
    ActorTable,
    actor_table,
    country_actor,
    ends_longer_name,
    stateless_actor,
    unidentified_group,
)
from kg.resolve.coordination import antecedents_of, as_pronoun
from kg.resolve.descriptors import descriptor, head_of, owned, proper_or_of
from kg.resolve.modifiers import (
    Owner,
    capital_country,
    clean_name,
    leading_name,
    owner_of,
    strip_quantity,
)
from kg.resolve.persons import described_person, person, titled_name
from kg.resolve.places import gazetteer
from kg.resolve.text import name_key, slug, strip_determiners
from kg.resolve.units import UNIT_CATEGORIES, UNIT_FILLERS, group_owner, unit_owner

__all__ = [
    "ActorContext",
    "ActorTable",
    "actor_table",
    "country_actor",
    "unidentified_group",
    "resolve_actor",
    "antecedent_of",
    "antecedents_of",
]

ROLE_HEADS = frozenset(
    ["spokesman", "spokeswoman", "spokesperson", "official", "officials", "commander", "commanders", "leader",
     "leaders", "negotiator", "negotiators", "member", "members", "chief", "representative", "envoy"]
)  # fmt: skip
MEMBER_HEADS = frozenset(
    {"fighters", "militiamen", "gunmen"}
)  # "fighters of the X": X's, unless X is a state
ROLE_OR_MEMBER_HEADS = ROLE_HEADS | MEMBER_HEADS
OWN_MEMBERS = frozenset({"member", "members", "men", "cadre", "cadres"})  # a group's own people
# an unknown organisation so named is the media, quoted as a source ("Lusa news agency", "Radio Okapi")
MEDIA = re.compile(r"\b(?:news(?: agency)?|television|tv|radio|newspaper|broadcaster)\b", re.I)
NO_OWNER = Owner()  # the phrase names no owner
AFFILIATION = re.compile(r"-(?:linked|backed|affiliated|allied|aligned|inspired|sponsored|supported)\b", re.I)


def _possessive_owner(mention: Mention, ctx: ActorContext) -> Actor | None:
    """``their forces``, ``its army``, ``his government``: the antecedent of the possessive pronoun."""
    words = mention.text.split(maxsplit=1)
    first = words[0].lower() if words else ""
    if first not in ("its", "their", "his", "her"):
        return None
    word = {"its": "it", "their": "they", "his": "he", "her": "she"}[first]
    found = antecedent_of(Mention(word, mention.start, mention.start + len(word), "PRON"), ctx)
    return found[0] if found else None


def _phrase(words: list[str], mention: Mention, ctx: ActorContext, text: str) -> Actor | None:
    """Descriptor phrases: "Afghan troops", "the army", "an insurgent spokesman", "armed forces of X"."""
    lowered = [w.lower() for w in words]
    if "of" in lowered[1:]:  # the head comes before "of": "armed forces of its governor"
        before = words[: lowered.index("of", 1)]
        if head_of(before, "") is not None:
            words = before
    head = head_of(words, mention.lemma if len(words) == len(lowered) else "")
    if head is None and len(words) > 1 and words[-1].lower() in ROLE_HEADS:
        head = head_of(words[:-1], "")  # "Hutu rebel commanders", "opposition leaders"
        if head is not None and head[0] == "civilians":
            return None
        words = words[:-1]
    elif head is not None and len(words) > head[1] and words[-1].lower() in ROLE_HEADS:
        inner = head_of(words[:-1], "")  # "an insurgent spokesman" speaks for the insurgents
        if inner is not None and inner[0] != "civilians":
            head, words = inner, words[:-1]
    if head is None:  # "its members ambushed a convoy": the group the pronoun names
        group = _possessive_owner(mention, ctx) if lowered[-1] in OWN_MEMBERS else None
        return group if group is not None and group.kind in ("group", "organization") else None
    category, size = head
    antecedent = _possessive_owner(mention, ctx)
    if antecedent is not None:
        found = owned(category, antecedent)
        if found is not None:
            return found
    capital_first = not sentence_initial(ctx, mention.start)
    modifiers = [w for w in words[: len(words) - size] if w.lower() not in UNIT_FILLERS]
    owner = owner_of(modifiers, capitalised_first=capital_first)
    if category in UNIT_CATEGORIES and owner == NO_OWNER:  # "the rival 444 Brigade"
        owner = unit_owner(modifiers, words[len(words) - size :], capital_first or mention.start < 0)
    elif category == "armed_group" and owner == NO_OWNER:  # "the CODECO militia"
        owner = group_owner(modifiers, words[len(words) - size :])
    return descriptor(category, owner, ctx, mention.start, text)


_OF_TAIL = re.compile(r"^\s+(?:of|from)\s+([^,.;:!?\n]+)")


def _of_phrase(after: str, ctx: ActorContext) -> Actor | None:
    """The owner in "<role word> of <noun phrase>": the shortest start of the phrase that names an actor."""
    match = _OF_TAIL.match(after)
    if match is None:
        return None
    words = match.group(1).split()[:12]  # "the Popular Front for the Rebirth of Central Africa": 9 words
    name = leading_name(words)
    if name:  # "members of the Association of African Jurists": the whole name first
        found = resolve_actor(Mention(name, -1, -1, "NP", name.split()[-1].lower()), ctx)
        if found is not None:
            return found
    words = words[:6]
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


def _described(phrase: str, ctx: ActorContext) -> Actor | None:
    """What an appositive noun phrase stands for ("a member of the Syrian parliament"); not a person."""
    if not phrase:
        return None
    found = resolve_actor(Mention(phrase, -1, -1, "NP", phrase.split()[-1].lower()), ctx)
    return found if found is not None and found.kind != "person" else None


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
        return country_actor(code, role) if code else stateless_actor(role)
    country = gazetteer().country(text)
    if country is not None and country.country:
        return country_actor(country.country)
    capital = capital_country(text) if text[:1].isupper() and mention.label != "PERSON" else None
    return country_actor(capital, "government") if capital else None


@lru_cache(maxsize=65536)
def _group_inside(text: str) -> Actor | None:
    """The named group the table lists inside a phrase ("Taliban spokesman"), the longest (then first)
    run of its words that is no end of a longer name (cached: a function of the text and the table)."""
    table = actor_table()
    words = text.split()
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n + 1):
            part = " ".join(words[i : i + n])
            found = table.exact.get(part) or table.aliases.get(part.lower())
            if found is not None and not ends_longer_name(words, i, n):
                return found
    return None


def resolve_actor(mention: Mention, ctx: ActorContext | None = None) -> Actor | None:
    """The canonical actor a mention refers to, or None when it names no actor we can identify."""
    ctx = ctx or ActorContext()
    table = actor_table()
    pronoun = as_pronoun(mention, ctx.text)  # "they", "five of them"
    if pronoun is not None:
        named = antecedents_of(pronoun, ctx)  # a coordination's first member; resolve_frame takes all
        return named[0][0] if named else None
    affiliated = AFFILIATION.search(mention.text) if "-" in mention.text else None  # the cheap test first
    if affiliated is not None and mention.text[affiliated.end() :].strip():
        # "Islamic State-linked insurgents": the insurgents, not the group they are linked to
        rest = evolve(mention, text=mention.text[affiliated.end() :].lstrip(), label="")
        found = resolve_actor(evolve(rest, start=mention.end - len(rest.text)) if mention.end else rest, ctx)
        if found is not None:
            return found
    text = clean_name(strip_quantity(strip_determiners(mention.text)))
    if not text:
        return None
    if text in ctx.acronyms:  # "NUT" after "the Nigerian Union of Teachers (NUT)"
        return ctx.acronyms[text]
    found = _named(text, mention, ctx)
    if found is not None:
        return found
    words = text.split()
    if mention.label == "PERSON" and name_key(words[-1]) in table.plural_demonyms:
        mention = evolve(mention, label="NORP")  # "Bosnian Serbs" tagged as a person
    if mention.label != "PERSON" and titled_name(words):
        mention = evolve(mention, label="PERSON")  # "Vice-President Amina Odhiambo" tagged ORG
    if mention.label == "PERSON" and words[0].lower() in HEDGES:  # "Suspected al-Qaeda", tagged a person
        hedged = " ".join(words[1:])
        group = table.exact.get(hedged) or table.aliases.get(hedged.lower())
        if group is not None:
            return group
    if mention.label == "PERSON":
        return person(mention.text, ctx, mention.start, lambda phrase: _described(phrase, ctx))
    found = _group_inside(text)  # a named group inside the phrase: "Taliban spokesman"
    if found is not None:
        return found
    key = name_key(text)
    if key in table.demonyms:  # "the British" -> country; "Afghans" -> civilians
        role = "civilians" if key in table.plural_demonyms else "country"
        return country_actor(table.demonyms[key], role)
    lowered = [w.lower() for w in words]
    at = next((i for i in (1, 2) if i < len(lowered) and lowered[i] in ("of", "from")), 0)
    if at and lowered[at - 1] in ROLE_OR_MEMBER_HEADS:
        found = _of_phrase(" " + " ".join(words[at:]), ctx)  # "Members of the X", "fighters from the X"
        # "fighters of the Radaa force"; "fighters of Ukraine" are its forces, "fighters from Chad" not
        if found is not None and (
            (lowered[at - 1] in ROLE_HEADS and lowered[at] == "of") or found.kind != "country"
        ):
            return found
    elif len(words) <= 2 and lowered[-1] in ROLE_HEADS and mention.end > 0:
        found = _of_phrase(ctx.text[mention.end :], ctx)  # "leaders" + " of the opposition coalition"
        if found is not None:
            return found
    found = proper_or_of(words, mention, ctx, text)
    if found is not None:
        return found
    found = _phrase(words, mention, ctx, text)
    if found is not None:
        return found
    if mention.label in ("ORG", "NORP") and any(w[:1].isupper() for w in words):
        kind = "organization" if mention.label == "ORG" else "group"
        label = text[:1].upper() + text[1:]
        return Actor(slug(text), label, "MED" if MEDIA.search(text) else None, None, kind)
    return described_person(words, mention, ctx, lambda phrase: _described(phrase, ctx))  # or None
