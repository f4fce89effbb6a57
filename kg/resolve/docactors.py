"""One document's actors: its main armed group (the named REB/PMC actor mentioned most) and the
context ``resolve_actor`` reads pronouns, acronyms and earlier mentions from (:func:`build_context`);
``resolve_in_context`` reuses the answers found while building it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

from kg.model import Actor, Mention
from kg.resolve.actorcontext import ACRONYM, SUBJECT_SEEKING, ActorContext, define_acronym
from kg.resolve.actors import AFFILIATION, actor_table, resolve_actor
from kg.resolve.coordination import as_pronoun, coordinations, remember_pronoun
from kg.resolve.places import gazetteer
from kg.resolve.text import strip_determiners
from kg.resolve.units import officers_of_police

__all__ = ["build_context", "main_group", "resolve_in_context"]

ARMED_SECTORS = frozenset({"REB", "PMC"})
UNIDENTIFIED = "unidentified-armed-group"  # what descriptors fall back to: never the main group


@lru_cache(maxsize=65536)
def _without_context(text: str, label: str, lemma: str) -> Actor | None:
    """``resolve_actor`` with an empty context depends on the mention's text, label and lemma only (no
    history, no document text, no country), so it is cached across documents."""
    return resolve_actor(Mention(text, 0, len(text), label, lemma), ActorContext())


def main_group(mentions: Iterable[Mention], text: str = "") -> Actor | None:
    """The document's main armed group: the named REB/PMC actor mentioned most (one count per span). A
    name used as an affiliation ("the al-Qaeda-linked JNIM") does not count: the group named is another."""
    counts: Counter[str] = Counter()
    actors: dict[str, Actor] = {}
    first: dict[str, int] = {}
    for mention in {(m.start, m.end): m for m in mentions}.values():
        if mention.end > 0 and text.startswith("-", mention.end) and AFFILIATION.match(text, mention.end):
            continue
        actor = _without_context(mention.text, mention.label, mention.lemma)
        if actor is not None and actor.sector in ARMED_SECTORS and not actor.key.startswith(UNIDENTIFIED):
            counts[actor.key] += 1
            actors[actor.key] = actor
            first.setdefault(actor.key, mention.start)
    if not counts:
        return None
    return actors[max(counts, key=lambda k: (counts[k], -first[k]))]


def build_context(
    text: str,
    country: str | None,
    entities: Sequence[Mention],
    roles: Sequence[Mention] = (),
    subjects: Sequence[Mention] = (),
) -> ActorContext:
    """Context for one document: the main armed group (from entities and role mentions) and the history
    of resolved mentions that pronouns refer back to. Place entities (GPE/LOC) never enter the history
    ("Kabul" names a city far more often than the Afghan government); as a frame role they do."""
    skip = {"PRON", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
    chosen: dict[tuple[int, int], Mention] = {}
    gaz, metonyms = gazetteer(), actor_table().metonyms
    for mention in entities:
        if mention.label in ("GPE", "LOC") and gaz.country(mention.text) is None:
            continue  # a country name may be an antecedent ("Ukraine said its forces"), a city not
        if mention.label == "FAC" and strip_determiners(mention.text) not in metonyms:
            continue
        chosen.setdefault((mention.start, mention.end), mention)
    chosen.update(((m.start, m.end), m) for m in roles)
    role_spans = {(m.start, m.end) for m in roles}
    longest = dict(sorted(role_spans))  # start -> end of the longest role mention there; "Radical French"
    for start, end in list(chosen):  # inside the role mention "Radical French farmers" is dropped
        if (start, end) not in role_spans and longest.get(start, end) > end:
            del chosen[(start, end)]
    ordered = sorted(
        (m for m in chosen.values() if m.label not in skip or m.text.lower() in SUBJECT_SEEKING),
        key=lambda m: (m.start, m.end, m.text),
    )
    ctx = ActorContext(text=text, country=country, main_group=main_group(ordered, text))
    ctx.subjects = {m.start for m in subjects}
    ctx.coordinated = coordinations(text, [*entities, *roles], lambda m: resolve_actor(m, ctx))
    for mention in ordered:
        if (pronoun := as_pronoun(mention, text)) is not None:  # "they", "five of them": never antecedents
            if pronoun.text.lower() in SUBJECT_SEEKING:  # themselves; subject pronouns chain
                remember_pronoun(pronoun, ctx)
            continue
        actor = resolve_actor(mention, ctx)
        defined = ACRONYM.match(text, mention.end) if actor is not None and mention.end > 0 else None
        if actor is not None and defined is not None and actor.kind != "person":
            actor = define_acronym(defined.group(1), actor, ctx)
        if mention.label not in ("PRON", "PERSON"):
            ctx.resolved[_key(mention)] = actor
        if actor is not None:
            ctx.remember(mention.start, actor, mention.text)
    officers_of_police(ctx)
    return ctx


def _key(mention: Mention) -> tuple[int, int, str, str, str]:
    return (mention.start, mention.end, mention.text, mention.label, mention.lemma)


def resolve_in_context(mention: Mention, ctx: ActorContext) -> Actor | None:
    """``resolve_actor`` with the answers ``build_context`` already found for the same mention."""
    key = _key(mention)
    if key in ctx.resolved:
        return ctx.resolved[key]
    return resolve_actor(mention, ctx)
