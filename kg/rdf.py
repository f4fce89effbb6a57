"""Turn resolved :class:`~kg.model.Event` objects into RDF under the conflict-kg ontology.

The only module that knows which ontology terms describe an event (IRIs are minted in :mod:`kg.iris`,
re-exported here). The mapping is written once, as a generator of triples whose objects are IRIs or
``(lexical form, datatype)`` pairs; :func:`events_to_graph` turns them into an rdflib graph and
:func:`events_to_ntriples` into N-Triples text without building a graph — the path the store takes for
every document of a build, several times faster than serialising an rdflib graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from kg.errors import KGError
from kg.iris import (
    DEFAULT_BASE_IRI,
    actor_iri,
    check_base_iri,
    clean_text,
    document_iri,
    event_iri,
    graph_iri,
    mention_iri,
    merge_key,
    place_iri,
)
from kg.model import Actor, Document, Event, Place, TimeValue
from kg.namespaces import (
    CKG,
    DCTERMS,
    EVENT_CLASSES,
    GEO,
    GEONAMES,
    OWL,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SEM,
    SKOS,
    XSD,
)

__all__ = [
    "DEFAULT_BASE_IRI", "QUANTITY_PROPERTIES", "Triple", "event_triples", "events_to_graph",
    "events_to_ntriples", "add_events", "new_graph", "check_base_iri", "document_iri", "graph_iri",
    "actor_iri", "place_iri", "event_iri", "mention_iri", "merge_key", "clean_text",
]  # fmt: skip

# Quantity.kind -> datatype property
QUANTITY_PROPERTIES: dict[str, URIRef] = {
    "fatalities": CKG.fatalities,
    "injuries": CKG.injuries,
    "troops": CKG.troopCount,
    "displaced": CKG.displacedCount,
    "prisoners": CKG.prisonerCount,
    "people": CKG.peopleCount,
}

Lex = tuple[str, str | None]  # a literal: lexical form and datatype IRI (None: plain string)
Triple = tuple[URIRef, URIRef, URIRef | Lex]

_TRUE: Lex = ("true", str(XSD.boolean))
_FALSE: Lex = ("false", str(XSD.boolean))
_DATE, _INTEGER, _DECIMAL = str(XSD.date), str(XSD.integer), str(XSD.decimal)


def _text(value: str) -> Lex:
    return (clean_text(value), None)


def _flag(value: object) -> Lex:
    return _TRUE if value else _FALSE


def _integer(value: int) -> Lex:
    return (str(int(value)), _INTEGER)


def _label(label: str, key: str) -> Lex:
    """A non-empty label: the cleaned label, else the cleaned key, else "(unnamed)"."""
    text = clean_text(label)
    return (text if text.strip() else clean_text(key).strip() or "(unnamed)", None)


def _decimal(value: float) -> Lex:
    """Coordinates as xsd:decimal with at least one fraction digit ("10.0"), the form rdflib writes back."""
    text = format(Decimal(repr(round(value, 6))), "f")
    if "." in text:
        text = text.rstrip("0")
    text = text + "0" if text.endswith(".") else text if "." in text else text + ".0"
    return ("0.0" if text == "-0.0" else text, _DECIMAL)


def _document(document: Document, base_iri: str) -> Iterator[Triple]:
    node = document_iri(document.id, base_iri)
    yield node, RDF.type, CKG.Document
    yield node, DCTERMS.identifier, _text(document.id)
    if document.date is not None:
        yield node, DCTERMS.date, (document.date.isoformat(), _DATE)
    if document.title:
        yield node, DCTERMS.title, _text(document.title)
    if document.url:
        yield node, DCTERMS.source, _text(document.url)


def _actor(node: URIRef, actor: Actor) -> Iterator[Triple]:
    yield node, RDF.type, SEM.Actor
    yield node, RDFS.label, _label(actor.label, actor.key)
    if actor.sector:
        yield node, CKG.sector, _text(actor.sector)
    if actor.country:
        yield node, CKG.country, _text(actor.country)
    if actor.kind:
        yield node, CKG.actorKind, _text(actor.kind)
    for alias in actor.aliases:
        if alias != actor.label:
            yield node, SKOS.altLabel, _text(alias)


def _place(node: URIRef, place: Place) -> Iterator[Triple]:
    yield node, RDF.type, SEM.Place
    yield node, RDFS.label, _label(place.label, place.key)
    for name in place.names:  # how an article spelt it
        yield node, SKOS.altLabel, _text(name)
    if place.lat is not None and place.lon is not None:
        yield node, GEO.lat, _decimal(place.lat)
        yield node, GEO.long, _decimal(place.lon)
    if place.geonames_id is not None:
        yield node, CKG.geonamesId, _integer(place.geonames_id)
        yield node, OWL.sameAs, GEONAMES[f"{int(place.geonames_id)}/"]
    if place.country:
        yield node, CKG.country, _text(place.country)
    if place.kind:
        yield node, CKG.featureKind, _text(place.kind)
    if place.admin1:
        yield node, CKG.admin1, _text(place.admin1)


def _time(node: URIRef, time: TimeValue) -> Iterator[Triple]:
    if time.precision == "span" or time.start != time.end and time.precision == "day":
        yield node, SEM.hasBeginTimeStamp, (time.start.isoformat(), _DATE)
        yield node, SEM.hasEndTimeStamp, (time.end.isoformat(), _DATE)
        precision = "span"
    elif time.precision == "month":
        yield node, SEM.hasTimeStamp, (f"{time.start.year:04d}-{time.start.month:02d}", str(XSD.gYearMonth))
        precision = "month"
    elif time.precision == "year":
        yield node, SEM.hasTimeStamp, (f"{time.start.year:04d}", str(XSD.gYear))
        precision = "year"
    else:
        yield node, SEM.hasTimeStamp, (time.start.isoformat(), _DATE)
        precision = "day"
    yield node, CKG.timePrecision, (precision, None)
    yield node, CKG.timeDerived, _flag(time.derived)
    if time.raw:
        yield node, CKG.timeExpression, _text(time.raw)


def _event_class(name: str) -> tuple[URIRef, URIRef]:
    if name not in EVENT_CLASSES:
        raise KGError(
            f"unknown event class {name!r}; valid classes are {', '.join(sorted(EVENT_CLASSES))} "
            "(kg.namespaces.EVENT_CLASSES); fix the trigger lexicon entry that produced it"
        )
    return CKG[name], CKG[EVENT_CLASSES[name]]


def event_triples(
    events: Iterable[Event], documents: Iterable[Document] = (), base_iri: str = DEFAULT_BASE_IRI
) -> Iterator[Triple]:
    """Every triple describing ``documents`` and ``events`` (an actor or place is described once)."""
    check_base_iri(base_iri)
    known: set[str] = set()
    described: set[Actor | Place] = set()  # each actor/place value is described once
    for document in documents:
        yield from _document(document, base_iri)
        known.add(document.id)
    for event in events:
        frame = event.frame
        cls, category = _event_class(frame.event_class)
        node = event_iri(event, base_iri)
        doc = document_iri(frame.doc_id, base_iri)
        if frame.doc_id not in known:
            yield from _document(Document(id=frame.doc_id, text="", date=event.doc_date), base_iri)
            known.add(frame.doc_id)
        yield node, RDF.type, SEM.Event
        yield node, RDF.type, cls
        yield node, CKG.category, category
        yield node, CKG.evidence, _text(frame.sentence)
        yield node, PROV.wasDerivedFrom, doc
        mention = mention_iri(frame.doc_id, frame.trigger.start, frame.trigger.end, base_iri)
        yield node, CKG.mention, mention
        yield node, CKG.triggerText, _text(frame.trigger.text)
        yield mention, RDF.type, CKG.Mention
        yield mention, CKG.beginIndex, _integer(frame.trigger.start)
        yield mention, CKG.endIndex, _integer(frame.trigger.end)
        yield mention, CKG.anchorOf, _text(frame.trigger.text)
        yield mention, DCTERMS.isPartOf, doc
        roles = [(CKG.agent, a) for a in event.agents] + [(CKG.target, t) for t in event.targets]
        if event.reported_by is not None:
            roles.append((CKG.reportedBy, event.reported_by))
        for prop, actor in roles:
            actor_node = actor_iri(actor, base_iri)
            yield node, prop, actor_node
            if actor not in described:
                described.add(actor)
                yield from _actor(actor_node, actor)
        for where in event.places:
            place_node = place_iri(where, base_iri)
            yield node, SEM.hasPlace, place_node
            if where not in described:
                described.add(where)
                yield from _place(place_node, where)
        if event.time is not None:
            yield from _time(node, event.time)
        yield node, CKG.negated, _flag(frame.negated)
        yield node, CKG.hypothetical, _flag(frame.hypothetical)
        for quantity in frame.quantities:
            number = QUANTITY_PROPERTIES.get(quantity.kind)
            if number is not None and quantity.value >= 0:
                yield node, number, _integer(int(quantity.value))


def new_graph() -> Graph:
    """An empty graph with the standard prefixes bound."""
    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph


def add_events(
    graph: Graph,
    events: Iterable[Event],
    documents: Iterable[Document] = (),
    base_iri: str = DEFAULT_BASE_IRI,
) -> Graph:
    """Add documents and events to ``graph`` (in place) and return it."""
    add = graph.add
    for s, p, o in event_triples(events, documents, base_iri):
        add((s, p, o if isinstance(o, URIRef) else Literal(o[0], datatype=o[1])))
    return graph


def events_to_graph(
    events: Iterable[Event], documents: Iterable[Document] = (), base_iri: str = DEFAULT_BASE_IRI
) -> Graph:
    """A new graph with every document's provenance node and every event (merged by :func:`merge_key`)."""
    check_base_iri(base_iri)
    return add_events(new_graph(), events, documents, base_iri)


# N-Triples string escapes (clean_text already dropped the other control characters)
_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def events_to_ntriples(
    events: Iterable[Event], documents: Iterable[Document] = (), base_iri: str = DEFAULT_BASE_IRI
) -> str:
    """The same triples as :func:`events_to_graph`, as N-Triples text (duplicates removed, unordered)."""
    lines: set[str] = set()
    for s, p, o in event_triples(events, documents, base_iri):
        if isinstance(o, URIRef):
            lines.add(f"<{s}> <{p}> <{o}> .\n")
        elif o[1] is None:
            lines.add(f'<{s}> <{p}> "{o[0].translate(_NT_ESCAPES)}" .\n')
        else:
            lines.add(f'<{s}> <{p}> "{o[0].translate(_NT_ESCAPES)}"^^<{o[1]}> .\n')
    return "".join(lines)
