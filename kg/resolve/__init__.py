"""Resolution: event frames -> events with canonical actors, linked places and normalised time.

``resolve_document`` is deterministic and pure Python (no spaCy, no rdflib). Per document it finds the
dominant country (``dominance.dominant_country``), the main armed group and the antecedents for pronouns
(``docactors.build_context``), then resolves every frame in text order and merges duplicates
(``dedup.merge_events``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from kg.eventclasses import EVENT_CLASSES
from kg.frozen import evolve
from kg.model import Actor, Document, Event, EventFrame, Mention, Place
from kg.resolve.actorcontext import antecedent_at, sentence_start
from kg.resolve.actors import (
    ActorContext,
    antecedents_of,
    country_actor,
    resolve_actor,
    unidentified_group,
)
from kg.resolve.actortable import STATELESS_SUFFIX
from kg.resolve.carry import anchored_dates, carry_dates
from kg.resolve.coordination import as_pronoun, possessor, split_modifiers
from kg.resolve.dates import default_time, resolve_time, tense_of
from kg.resolve.dedup import absorb_headline, fold_retold, merge_events, merge_key
from kg.resolve.docactors import build_context, main_group, resolve_in_context
from kg.resolve.dominance import dominant_country
from kg.resolve.places import name_and_kind, unlinked_place
from kg.resolve.scenes import carry_pairs, carry_places
from kg.resolve.sites import attacked_site, fled_site, link_site, name_parts
from kg.resolve.text import after_the, strip_determiners, within
from kg.resolve.towns import Cities

__all__ = ["resolve_document", "resolve_frame", "merge_key", "merge_events"]

_T = TypeVar("_T", Actor, Place)
FORCE_SECTORS = frozenset({"MIL", "COP"})
REMOTE_CLASSES = frozenset({"AirStrike", "Shelling", "Bombing"})
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "it", "us", "me"})


def _object_pronoun(mention: Mention) -> bool:
    """ "them", "him", also counted ("23 of them"): never the agent of its own clause."""
    pronoun = as_pronoun(mention)
    return pronoun is not None and pronoun.text.strip().lower() in OBJECT_PRONOUNS


def _unique(items: Iterable[_T | None]) -> tuple[_T, ...]:
    seen: dict[str, _T] = {}
    for item in items:
        if item is not None:
            seen.setdefault(item.key, item)
    return tuple(seen.values())


def _frame_mentions(frames: Sequence[EventFrame]) -> list[Mention]:
    found: list[Mention] = []
    for frame in frames:
        found.extend(frame.agents + frame.targets)
        if frame.reported_by is not None:
            found.append(frame.reported_by)
    return found


def _located(mention: Mention, found: Actor | None, country: str | None, here: str | None) -> Actor | None:
    """Civilians or an unnamed armed group that took the document's country only by default belong to the
    country where the event happened ("23 people were killed in Haifa" in a story about Gaza); a state
    organ no text gave a country ("Government forces") takes the country of the event's place."""
    if found is None or here is None:
        return found
    if found.key.endswith(STATELESS_SUFFIX):
        return country_actor(here, found.key.removesuffix(STATELESS_SUFFIX), *found.aliases[:1])
    if country is None or here == country or found.country != country:
        return found
    if as_pronoun(mention) is not None:
        return found  # a pronoun is its antecedent, wherever that was said
    if found.key not in (f"{country.lower()}-civilians", f"unidentified-armed-group-{country.lower()}"):
        return found
    named = resolve_actor(evolve(mention, start=-1, end=-1), ActorContext())
    if named is not None and named.country is not None:
        return found  # the mention names its country itself ("Palestinian civilians")
    return country_actor(here, "civilians") if found.sector == "CVL" else unidentified_group(here)


def _first_named(mention: Mention, found: Actor, actors: ActorContext) -> str:
    """The text that first named the actor a definite description ("the gunmen", "the militia") refers
    back to, when it was named otherwise; "" for other mentions."""
    if not after_the(actors.text, mention.start):
        return ""
    own = strip_determiners(mention.text).lower()
    for start, earlier in actors.history:
        if start >= mention.start:
            break
        text = actors.texts.get(start, "")
        if earlier.key == found.key and text and strip_determiners(text).lower() != own:
            return text
    return ""


def _described_earlier(mention: Mention, actors: ActorContext) -> tuple[tuple[Actor, str], ...]:
    """An unresolved common-noun agent ("a fifth suspect") stands for the latest actor named before it
    with a lower-case word of the same stem ("four suspected Islamic State members")."""
    stem = mention.lemma.lower()
    if len(stem) < 4 or not stem.isalpha() or mention.start < 0:
        return ()
    for start, found in reversed(actors.history):
        text = actors.texts.get(start, "")
        if start < mention.start and any(w.startswith(stem) for w in text.split()):  # "State Counsellor": no
            return ((found, text),)
    return ()


COARSE_KINDS = frozenset({"province", "region", "country"})
ARMED_SECTORS = FORCE_SECTORS | {"REB"}  # who a pronoun doing an act of force may stand for


def _towns_located(
    linked: list[tuple[Mention, Place | None]], cities: Cities
) -> list[tuple[Mention, Place | None]]:
    """A province or country the text gives as where a town just named lies stands for that town, kept
    beside it when the gazetteer lacks the town ("Lubarika, a village ... in South Kivu province")."""
    keys = {p.key for _, p in linked if p is not None}
    out: list[tuple[Mention, Place | None]] = []
    for mention, place in linked:
        # "in Mali's Timbuktu region": a region by its words, though the gazetteer gives the city of its name
        coarse = place is not None and (
            place.kind in COARSE_KINDS or name_and_kind(mention.text)[1] == "province"
        )
        town = cities.located_in(mention) if coarse else None
        if town is not None and town.key not in keys:
            keys.add(town.key)
            out.append((mention, town))
            if town.geonames_id is not None:
                continue
        out.append((mention, place))
    return out


def _unarmed_before(pronoun: Mention, actors: ActorContext) -> bool:
    """A pronoun's antecedent is an unarmed actor named in an earlier sentence: the civilians just harmed,
    an official quoted ("Gunmen killed 17 civilians, an official said. They also burned homes"); one of
    its own sentence stands ("The villagers said they had attacked the gunmen")."""
    found = antecedent_at(pronoun, actors)
    if found is None or found[1].sector in ARMED_SECTORS:
        return False
    return found[0] < sentence_start(actors, pronoun.start)


def resolve_frame(frame: EventFrame, document: Document, actors: ActorContext, cities: Cities) -> Event:
    """One frame -> Event; unresolved mentions are noted in ``extra``."""
    notes: list[tuple[str, str]] = []
    linked = [(m, link_site(m, actors, cities)) for m in frame.places]
    linked = _towns_located(linked, cities)
    victims = list(frame.targets)
    category = EVENT_CLASSES.get(frame.event_class)
    violent, protest, fled = category == "Assault", category == "Protest", category == "Displacement"
    for mention in frame.targets if violent or fled else ():
        parts = name_parts(mention)  # "bombed Lankien and Waat": two towns
        if fled:  # "fled Ulang": a town the gazetteer lacks, read as a name by the parser
            sites = [fled_site(part, actors, cities) for part in parts]
        else:
            sites = [
                attacked_site(part, actors, cities, frame.event_class in REMOTE_CLASSES) for part in parts
            ]
        if sites and all(site is not None for site in sites):
            victims.remove(mention)
            linked.extend((part, site) for part, site in zip(parts, sites, strict=True))
            notes.append(("target_place", mention.text))
    found_in = [p.country for _, p in linked if p is not None and p.country]
    here = actors.country if actors.country in found_in else next(iter(found_in), None)

    def actor(mention: Mention, role: str, exclude: frozenset[str] = frozenset()) -> list[Actor | None]:
        pronoun = as_pronoun(mention, actors.text)  # "they", "five of them"
        named = antecedents_of(pronoun, actors, exclude) if pronoun is not None else ()
        forces_only = bool(named) and all(a.sector in FORCE_SECTORS for a, _ in named)
        if pronoun is not None and protest and role == "agent" and forces_only:
            # "police fired tear gas at protesters as they marched": forces do not protest
            named = antecedents_of(pronoun, actors, exclude | {a.key for a, _ in named}) or named
        if pronoun is not None and violent and role == "agent" and _unarmed_before(pronoun, actors):
            # "Gunmen killed 17 civilians, an official said. They also burned homes": not the civilians
            # just harmed nor the official, but the armed actor before them
            unarmed = {a.key for _, a in actors.history if a.sector not in ARMED_SECTORS}
            named = antecedents_of(pronoun, actors, exclude | unarmed) or named
        parts = split_modifiers(mention)
        if len(parts) > 1:  # "U.S. and Russian negotiators": one actor each
            return [_located(part, resolve_actor(part, actors), actors.country, here) for part in parts]
        if len(named) > 1:  # "they" after "the United States and Britain": both
            notes.extend((f"antecedent_{role}", text) for text in dict.fromkeys(t for _, t in named) if text)
            return [_located(mention, found, actors.country, here) for found, _ in named]
        original = named[0][0] if named else resolve_in_context(mention, actors)
        owner = possessor(mention) if original is None and violent and role == "target" else None
        if owner is not None:  # "when their vehicle was blown up": its owners are the victims
            named = antecedents_of(owner, actors, exclude)
            original = named[0][0] if named else None
        if original is None and pronoun is None and role == "agent":  # "a fifth suspect" after "four
            # suspected IS members"
            named = _described_earlier(mention, actors)
            original = named[0][0] if named else None
        found = _located(mention, original, actors.country, here)
        if found is None:
            notes.append((f"unresolved_{role}", mention.text))
        elif original is not None and named and named[0][0].key == original.key and named[0][1]:
            notes.append((f"antecedent_{role}", named[0][1]))  # "they" -> "Fijian rebels"
        elif original is not None and pronoun is None:
            first = _first_named(mention, original, actors)  # "the gunmen" -> "Armed bandits"
            if first:
                notes.append((f"antecedent_{role}", first))
        return [found]

    agents = _unique(a for m in frame.agents for a in actor(m, "agent"))
    own = frozenset(a.key for a in agents)  # "he would welcome him": an object pronoun is no agent
    targets = _unique(
        a for m in victims for a in actor(m, "target", own if _object_pronoun(m) else frozenset())
    )
    for n, (m, place) in enumerate(linked):
        if place is None:
            place = unlinked_place(m.text, actors.country)
            notes.append(("unresolved_place" if place is None else "unlinked_place", m.text))
            linked[n] = (m, place)
    places = _unique(place for _, place in linked)
    time = resolve_time(frame.times, document.date, tense_of(frame)) if frame.times else None
    if time is None:
        time = default_time(frame, document.date)
        if time is not None:
            notes.append(("time_rule", "publication date (no time expression)"))
    reporter = resolve_in_context(frame.reported_by, actors) if frame.reported_by is not None else None
    return Event(frame, agents, targets, places, time, reporter, document.date, tuple(notes))


def _shared_sites(events: list[Event]) -> list[Event]:
    """An event whose place phrases are among an earlier one's of its sentence ("bombed Lankien and Waat in
    Jonglei state, killing 15 people"), or that has no place at all, also shares the towns resolution found
    among that event's targets."""
    out: list[Event] = []
    for event in events:
        for earlier in reversed(out):
            if earlier.frame.sentence_start != event.frame.sentence_start:
                break
            gained = any(key == "target_place" for key, _ in earlier.extra)
            # "stormed the village of X, killing 14": a later event of the sentence with no place at all too
            placeless = not event.places and not event.frame.places
            if gained and (placeless or set(event.frame.places) <= set(earlier.frame.places)):
                event = evolve(event, places=earlier.places)
                break
        out.append(event)
    return out


def resolve_document(
    document: Document, frames: Sequence[EventFrame], entities: Sequence[Mention]
) -> list[Event]:
    """Resolve all frames of one document (``entities`` = its named-entity mentions, for context)."""
    ordered = sorted(frames, key=lambda f: (f.sentence_start, f.trigger.start, f.event_class))
    place_mentions = [m for f in ordered for m in f.places]
    roles = _frame_mentions(ordered)
    group = main_group([*entities, *roles], document.text)
    named = group.country if group is not None and not group.key.endswith("-rebels") else None
    country = dominant_country([*entities, *place_mentions], document.text, named)  # not "Rebels (Chad)"
    # agents, "X said", and the other side of a clash, who fights too ("exchanged fire with the militiamen as
    # they withdrew")
    subjects = [
        m
        for f in ordered
        for m in (*f.agents, f.reported_by, *(f.targets if f.event_class == "ArmedClash" else ()))
        if m is not None
    ]
    # a name the frames use as a place is no antecedent for "they"/"them" when the model tagged it as a
    # group or people ("near the gold-mining area of Kouri Bougoudi", tagged ORG, "..., killing six of
    # them"); a country stays one ("Ukraine said its forces")
    inside = within((m.start, m.end) for m in place_mentions)
    people = [e for e in entities if e.label in ("GPE", "LOC") or not inside(e.start, e.end)]
    actors = build_context(document.text, country, people, roles, subjects)
    cities = Cities([*entities, *place_mentions], country, document.text, sites=place_mentions)
    events = _shared_sites([resolve_frame(frame, document, actors, cities) for frame in ordered])
    events = carry_pairs(
        carry_places(anchored_dates(carry_dates(events, document.text)), document.text), document.text
    )
    events = merge_events(fold_retold(absorb_headline(events)))
    # how the article spells its places, where the gazetteer's label differs ("Babanusa": "Babanusah"); an
    # event with none of them is kept as it is
    return [
        evolve(e, places=tuple(cities.with_names(p) for p in e.places))
        if any(cities.spellings.get(p.key) for p in e.places)
        else e
        for e in events
    ]
