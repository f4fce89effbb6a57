"""Frozen dataclasses: the only types that cross stage boundaries.

documents -> ``Document``; extract -> ``EventFrame`` (with ``Mention`` and ``Quantity``);
resolve -> ``Event`` (with ``Actor``, ``Place``, ``TimeValue``). Only ``kg.rdf`` turns them into triples.
Character offsets are always relative to ``Document.text``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kg.frozen import quick_init

__all__ = [
    "Document",
    "Mention",
    "Quantity",
    "EventFrame",
    "Actor",
    "Place",
    "TimeValue",
    "Event",
    "merge_key",
]


@dataclass(frozen=True)
class Document:
    """One article. ``id`` is the JSONL ``id`` or the file name without extension."""

    id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None  # where it was read from (path, "<stdin>:LINE")


@quick_init
@dataclass(frozen=True)
class Mention:
    """A span of the document text. ``label`` is the spaCy entity label (GPE, ORG, NORP, PERSON, DATE, ...)
    or a coarse kind for non-entities: ``NP`` (common noun phrase), ``PRON`` (pronoun), ``TRIGGER``."""

    text: str
    start: int
    end: int
    label: str = "NP"
    lemma: str = ""  # lemma of the head token, lower-cased ("insurgent", "they", "take")


@quick_init
@dataclass(frozen=True)
class Quantity:
    """A number attached to an event: ``kind`` is one of fatalities, injuries, troops, displaced, prisoners,
    people; ``qualifier`` is exact, at_least, about or up_to."""

    kind: str
    value: int
    text: str
    qualifier: str = "exact"


@quick_init
@dataclass(frozen=True)
class EventFrame:
    """An event mention found in one sentence, before resolution. ``event_class`` is the local name of an
    ontology class (``Capture``, ``Assault``, ...)."""

    doc_id: str
    sentence: str
    sentence_start: int
    trigger: Mention
    event_class: str
    agents: tuple[Mention, ...] = ()
    targets: tuple[Mention, ...] = ()
    places: tuple[Mention, ...] = ()
    times: tuple[Mention, ...] = ()
    negated: bool = False
    hypothetical: bool = False
    reported_by: Mention | None = None
    quantities: tuple[Quantity, ...] = ()
    agent_inherited: bool = False  # agent taken from the previous sentence (subjectless clause)
    # (trigger start of another event, days this one lies after it): "a day after the group fired"
    anchor: tuple[int, int] | None = None


@quick_init
@dataclass(frozen=True)
class Actor:
    """A canonical actor. ``key`` is a stable slug used for the IRI; ``sector`` a PLOVER/CAMEO sector code
    (GOV, MIL, REB, CVL, IGO, NGO, MED, ...); ``country`` ISO 3166-1 alpha-3."""

    key: str
    label: str
    sector: str | None = None
    country: str | None = None
    kind: str = "group"  # group, person, country, organization
    aliases: tuple[str, ...] = ()


@quick_init
@dataclass(frozen=True)
class Place:
    """A place linked to the gazetteer. ``kind`` is city, province, region, country or site;
    ``country`` ISO 3166-1 alpha-3; ``admin1`` the first-level division name when known; ``names`` the
    spellings a document gave the place where they are not its label ("Babanusa" for GeoNames'
    "Babanusah")."""

    key: str
    label: str
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    kind: str = "city"
    admin1: str | None = None
    names: tuple[str, ...] = ()


@quick_init
@dataclass(frozen=True)
class TimeValue:
    """When an event happened. ``precision`` is day, month, year or span (``start``..``end`` inclusive).
    ``derived`` is True when no time expression was found and the document date was used."""

    start: dt.date
    end: dt.date
    precision: str
    raw: str | None = None
    derived: bool = False


@quick_init
@dataclass(frozen=True)
class Event:
    """A resolved event: the frame it came from plus canonical actors, places and time."""

    frame: EventFrame
    agents: tuple[Actor, ...] = ()
    targets: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    time: TimeValue | None = None
    reported_by: Actor | None = None
    doc_date: dt.date | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())  # free key/value notes (e.g. resolver decisions)

    @property
    def event_class(self) -> str:
        return self.frame.event_class

    @property
    def doc_id(self) -> str:
        return self.frame.doc_id


def merge_key(event: Event) -> tuple[object, ...]:
    """What makes two reported events the same event: (event class, sorted agent keys, sorted place keys,
    (start ISO, end ISO, precision) or None, negated, hypothetical). An event with neither agents nor places
    also keys on its document and sentence offset, so unrelated vague reports do not merge.
    ``kg.resolve.dedup`` merges by it and ``kg.iris.event_iri`` hashes it."""
    time = event.time
    key: tuple[object, ...] = (
        event.event_class,
        tuple(sorted({actor.key for actor in event.agents})),
        tuple(sorted({place.key for place in event.places})),
        (time.start.isoformat(), time.end.isoformat(), time.precision) if time is not None else None,
        event.frame.negated,
        event.frame.hypothetical,
    )
    if not event.agents and not event.places:
        key += (event.doc_id, event.frame.sentence_start)
    return key
