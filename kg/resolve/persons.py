"""Person mentions: the name is the trailing run of capitalised words that are not role words ("Former
Socialist prime minister Andreas Papandreou" -> "Andreas Papandreou"); the words before it, and the text
just before the mention, give the person's country and sector ("Arab League Secretary-General" -> IGO,
"Pakistan President" -> PAK, GOV)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from kg.model import Actor, Mention
from kg.resolve.actortable import actor_table
from kg.resolve.modifiers import owner_of, place_country, title_words
from kg.resolve.text import slug, strip_determiners

if TYPE_CHECKING:
    from kg.resolve.actorcontext import ActorContext

__all__ = ["person", "split_name", "appositive", "titled_name", "described_person"]

PARTICLES = frozenset(
    ["al", "el", "bin", "ibn", "ben", "de", "da", "di", "van", "von", "der", "du", "dos", "la"]
)
PARTICLE_PREFIXES = ("al-", "el-", "ad-", "as-", "ash-", "ar-", "bin-", "ul-")


def _name_word(word: str) -> bool:
    return word[:1].isupper() or word.lower() in PARTICLES or word.lower().startswith(PARTICLE_PREFIXES)


def split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """(description, name): the last word always belongs to the name ("Tom King"); before it, capitalised
    words that are no role words ("Secretary", "Gen.") and name particles ("al-Bashir", "bin")."""
    if not words:
        return [], []
    titles = title_words()
    i = len(words) - 1
    while i > 0 and _name_word(words[i - 1]) and words[i - 1].lower() not in titles:
        i -= 1
    while i < len(words) - 1 and not words[i][:1].isupper():  # a name starts with a capital
        i += 1
    return words[:i], words[i:]


_APPOSITIVE = re.compile(r"^\s*,\s*((?:the|a|an)\s(?:[^,.;:()]|(?<=[A-Z])\.){3,80}),")


def appositive(ctx: ActorContext, end: int) -> str:
    """The noun phrase set off by commas right after a name: "Kenzo Oshima, the relief coordinator, said"."""
    match = _APPOSITIVE.match(ctx.text[end : end + 90]) if end > 0 else None
    return match.group(1) if match else ""


def person(
    text: str, ctx: ActorContext, start: int, described: Callable[[str], Actor | None] | None = None
) -> Actor:
    """The person a PERSON mention names; ``described`` resolves the appositive after it (", a member of
    the Syrian parliament,") for the person's country and sector."""
    table = actor_table()
    description, words = split_name(strip_determiners(text).split())
    owner = owner_of(description)
    country, sector = owner.country, owner.sector
    if owner.org is not None:
        country = country or owner.org.country
        sector = owner.org.sector or sector  # "U.N. mediator": the organisation's sector
    before = ctx.text[max(0, start - 60) : start].replace(",", " ").split() if start >= 0 else []
    if before and not description:  # "Afghan President" written just before the name
        found = owner_of(before[-4:], places=False)
        country, sector = country or found.country, sector or found.sector
    role = described(appositive(ctx, start + len(text))) if described is not None else None
    if role is not None and role.kind != "person":
        country, sector = country or role.country, sector or role.sector
    name = " ".join(words)
    known = ctx.persons.get(name)
    if known is not None:
        return known
    row = table.persons.get(name, {})
    return Actor(slug(name), name, row.get("sector", sector), row.get("country", country), "person")


def titled_name(words: list[str]) -> bool:
    """A civil title followed by two or more capitalised words that are no titles: a person's name
    ("Vice-President Amina Odhiambo"; not "General Electric")."""
    if len(words) < 3:
        return False
    if actor_table().titles.get(words[0]) not in ("GOV", "") or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() and w.lower() not in title_words() for w in words[1:])


def described_person(
    words: list[str], mention: Mention, ctx: ActorContext, described: Callable[[str], Actor | None]
) -> Actor | None:
    """Two to four capitalised words that name no place, followed by an appositive that describes an
    actor or a role ("Kenzo Oshima, the United Nations relief coordinator, said"): a person, whatever
    label the recogniser gave the name; None otherwise."""
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or mention.end <= 0:
        return None
    phrase = appositive(ctx, mention.end)
    if not phrase or place_country(" ".join(words)) is not None:
        return None
    if described(phrase) is None and not any(w.lower() in title_words() for w in phrase.split()):
        return None
    return person(" ".join(words), ctx, mention.start, described)
