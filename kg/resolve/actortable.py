"""The actor tables (``kg/data/actors.toml``, ``kg/data/countries.toml``) and the state actors built from
them: ``afg`` (the country), ``afg-government``, ``afg-military``, ``afg-police``, ``afg-civilians``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kg.model import Actor
from kg.resolve.places import country_name
from kg.resolve.text import fold, load_table, name_key

__all__ = [
    "ActorTable",
    "ends_longer_name",
    "HEDGES",
    "actor_table",
    "country_actor",
    "stateless_actor",
    "unidentified_group",
    "FOREIGN_FORCES",
    "STATELESS_SUFFIX",
    "STATE_ORGAN_SECTORS",
]

ARTICLE_NAMES = (
    "United ",
    "Netherlands",
    "Philippines",
    "Central African",
    "Democratic Republic",
    "Republic of",
)
ROLE_SECTORS = {"government": "GOV", "military": "MIL", "police": "COP", "civilians": "CVL", "country": "GOV"}
STATE_ORGAN_SECTORS = frozenset({"GOV", "MIL", "COP"})  # the state's own organs: government, military, police
GROUP_ROLES = {  # role -> (label pattern, sector, kind); "{the}" is the country name with its article
    "rebels": ("Rebels ({name})", "REB", "group"),
    "opposition": ("Opposition ({name})", "OPP", "group"),
    "legislature": ("Legislature of {the}", "LEG", "organization"),
    "judiciary": ("Judiciary of {the}", "JUD", "organization"),
}


@dataclass(frozen=True)
class ActorTable:
    aliases: dict[str, Actor]  # lower-case alias -> actor
    exact: dict[str, Actor]  # short all-caps aliases, matched case-sensitively
    metonyms: dict[str, tuple[str | None, str]]  # surface -> (alpha-3 or None, role)
    descriptors: dict[str, frozenset[str]]
    titles: dict[str, str]  # title -> sector ("" when it says nothing about the sector)
    demonyms: dict[str, str]  # name_key(demonym) -> alpha-3
    plural_demonyms: frozenset[str]
    persons: dict[str, dict[str, Any]]


@lru_cache(maxsize=1)
def actor_table() -> ActorTable:
    data = load_table("actors.toml")
    aliases: dict[str, Actor] = {}
    exact: dict[str, Actor] = {}
    for key, row in data["groups"].items():
        actor = Actor(
            key,
            row["label"],
            row.get("sector"),
            row.get("country"),
            row.get("kind", "group"),
            tuple(row["aliases"]),
        )
        for alias in (row["label"], *row["aliases"]):
            if alias.isupper() and len(alias) <= 3:
                exact[alias] = actor
            else:
                aliases.setdefault(fold(alias).lower(), actor)
    metonyms = {m: (row.get("country"), row["role"]) for m, row in data["metonyms"].items()}
    titles: dict[str, str] = {}
    for group, sector in (("other", ""), ("government", "GOV"), ("military", "MIL"), ("police", "COP")):
        titles.update(dict.fromkeys(data["titles"].get(group, ()), sector))
    demonyms: dict[str, str] = {}
    plural: set[str] = set()
    for code, row in load_table("countries.toml").items():
        for demonym in row.get("demonyms", ()):
            demonyms.setdefault(name_key(demonym), code)
            if demonym.endswith("s") and not demonym.endswith("ss") and demonym not in ("US", "U.S."):
                plural.add(name_key(demonym))
    descriptors = {k: frozenset(v) for k, v in data["descriptors"].items()}
    return ActorTable(
        aliases, exact, metonyms, descriptors, titles, demonyms, frozenset(plural), data.get("persons", {})
    )


ORGAN_ROLES = {  # role -> (label pattern, sector, the nouns that follow the demonym in its other names)
    "government": ("Government of {the}", "GOV", ("government",)),
    "military": ("Military of {the}", "MIL", ("military", "army", "forces")),
    "police": ("Police of {the}", "COP", ("police",)),
}


@lru_cache(maxsize=512)
def country_demonym(alpha3: str) -> str:
    """The country's first demonym in ``kg/data/countries.toml`` ("KEN" -> "Kenyan"), or ""."""
    row = load_table("countries.toml").get(alpha3.upper(), {})
    return next((d for d in row.get("demonyms", ()) if d[:1].isupper()), "")


def country_actor(alpha3: str, role: str = "country", alias: str = "") -> Actor:
    """State actors: ``afg`` (the country), ``afg-government``, ``afg-military`` ("Military of the United
    States"), ``afg-police`` ("Police of Kenya", sector COP), ``afg-civilians``; and the
    non-state actors of a country: ``rwa-rebels`` ("Rebels (Rwanda)", the mention text as alias),
    ``npl-opposition``, ``srb-legislature``."""
    name = country_name(alpha3) or alpha3
    code = alpha3.lower()
    the = f"the {name}" if name.startswith(ARTICLE_NAMES) else name
    if role in GROUP_ROLES:
        pattern, sector, kind = GROUP_ROLES[role]
        aliases = (alias,) if alias else ()
        return Actor(f"{code}-{role}", pattern.format(name=name, the=the), sector, alpha3, kind, aliases)
    if role in ORGAN_ROLES:  # "Military of Kenya", also called "Kenyan military", "Kenyan army"
        label, sector, nouns = ORGAN_ROLES[role]
        demonym = country_demonym(alpha3)
        names = tuple(f"{demonym} {noun}" for noun in nouns) if demonym else ()
        return Actor(f"{code}-{role}", label.format(the=the), sector, alpha3, "organization", names)
    if role == "civilians":
        return Actor(f"{code}-civilians", f"Civilians ({name})", "CVL", alpha3, "group")
    return Actor(code, name, ROLE_SECTORS["country"], alpha3, "country")


STATELESS_SUFFIX = "-country-unknown"
STATELESS_LABELS = {  # role -> (label, sector, kind) of a state organ or people whose country no text names
    "military": ("Military (country unknown)", "MIL", "organization"),
    "police": ("Police (country unknown)", "COP", "organization"),
    "government": ("Government (country unknown)", "GOV", "organization"),
    "civilians": ("Civilians (country unknown)", "CVL", "group"),
    "opposition": ("Opposition (country unknown)", "OPP", "group"),
    "legislature": ("Legislature (country unknown)", "LEG", "organization"),
    "judiciary": ("Judiciary (country unknown)", "JUD", "organization"),
}


def stateless_actor(role: str, alias: str = "") -> Actor | None:
    """ "Government forces", "the army" or "police" in a document that names no country: the state organ is
    kept without a country (``military-country-unknown``, ``police-country-unknown``) rather than dropped;
    None for roles without one."""
    if role not in STATELESS_LABELS:
        return None
    label, sector, kind = STATELESS_LABELS[role]
    return Actor(f"{role}{STATELESS_SUFFIX}", label, sector, None, kind, (alias,) if alias else ())


def unidentified_group(alpha3: str | None) -> Actor:
    """An armed group the document does not name: one per country ("unidentified-armed-group-mli")."""
    name = country_name(alpha3) if alpha3 else None
    key = f"unidentified-armed-group-{alpha3.lower()}" if alpha3 else "unidentified-armed-group"
    label = f"Unidentified armed group ({name})" if name else "Unidentified armed group"
    return Actor(key, label, "REB", alpha3)


FOREIGN_FORCES = Actor("foreign-forces", "Foreign forces", "MIL", None, "group")


HEDGES = frozenset({"suspected", "alleged", "presumed", "purported"})  # "Suspected al-Qaeda militants"


def ends_longer_name(words: list[str], i: int, n: int) -> bool:
    """A group's name the table lists, found at ``words[i:i+n]``, ends a longer proper name, another
    group's: "Karen National Liberation Army" is not the National Liberation Army; "Afghan Taliban",
    "Colombia's National Liberation Army", "Suspected ADF", "UN World Food Programme" and
    "Kurdish-led Syrian Democratic Forces" name the listed group."""
    before = words[i - 1] if i else ""
    if n < 2 or not before[:1].isupper() or before.endswith(("'s", "’s", "'", "’")):
        return False
    if before.isupper() or "-" in before or before.lower() in HEDGES:
        return False
    return name_key(before) not in actor_table().demonyms
