"""Turn resolved :class:`~kg.model.Event` objects into an RDF graph under the conflict-kg ontology.

The only module that knows ontology terms and how IRIs are minted (see ``ontology/README.md``):

- document ``{base}doc/{id}``, mention ``{doc}#char={start},{end}`` (RFC 5147), actor
  ``{base}actor/{key}``, place ``{base}place/{key}``, named graph ``{base}graph/{id}`` — ids and keys
  percent-encoded, so no input text can make an invalid IRI;
- event ``{base}event/{sha1 of the merge key}``. The merge key is (event class, sorted agent keys, sorted
  place keys, time start/end/precision, negated, hypothetical): the same event reported twice (headline
  and first sentence, or two articles) becomes one node that keeps every evidence sentence, mention and
  document. An event with neither agent nor place also keys on its document and sentence offset, so
  unrelated vague reports do not merge.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from urllib.parse import quote, urlsplit

from rdflib import Graph, Literal, URIRef

from kg.errors import KGError
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
    "DEFAULT_BASE_IRI",
    "QUANTITY_PROPERTIES",
    "events_to_graph",
    "add_events",
    "add_document",
    "new_graph",
    "check_base_iri",
    "document_iri",
    "graph_iri",
    "actor_iri",
    "place_iri",
    "event_iri",
    "mention_iri",
    "merge_key",
    "clean_text",
]

DEFAULT_BASE_IRI = "https://w3id.org/conflict-kg/id/"

# Quantity.kind -> datatype property
QUANTITY_PROPERTIES: dict[str, URIRef] = {
    "fatalities": CKG.fatalities,
    "injuries": CKG.injuries,
    "troops": CKG.troopCount,
    "displaced": CKG.displacedCount,
    "prisoners": CKG.prisonerCount,
    "people": CKG.peopleCount,
}

# control characters other than tab/newline/return, and lone surrogates, cannot be written to every format
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_BASE_FORBIDDEN = re.compile(r"[\s<>\"{}|\\^`]")


def clean_text(text: str) -> str:
    """Text as stored in a literal: Unicode NFC, without control characters that some formats cannot carry."""
    return _UNWRITABLE.sub("", unicodedata.normalize("NFC", text))


def _encode(value: str) -> str:
    """Percent-encode everything but RFC 3986 unreserved characters (injective, always a valid IRI part)."""
    return quote(value, safe="") if value else "_"


def check_base_iri(base_iri: str) -> str:
    """Return ``base_iri`` if it is an absolute http(s) IRI ending in ``/`` or ``#``, else raise KGError."""
    parts = urlsplit(base_iri)
    if (
        parts.scheme not in ("http", "https")
        or not parts.netloc
        or not base_iri.endswith(("/", "#"))
        or _BASE_FORBIDDEN.search(base_iri)
        or base_iri.count("#") > 1
    ):
        raise KGError(
            f"base IRI {base_iri!r} is not usable: it must be an absolute http:// or https:// IRI without "
            f"spaces or <>\"{{}}|\\^` that ends in '/' or '#', e.g. {DEFAULT_BASE_IRI}"
        )
    return base_iri


def document_iri(doc_id: str, base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    return URIRef(f"{base_iri}doc/{_encode(doc_id)}")


def graph_iri(doc_id: str, base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    """The named graph that holds one document's events in a :class:`kg.store.Store`."""
    return URIRef(f"{base_iri}graph/{_encode(doc_id)}")


def actor_iri(actor: Actor, base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    return URIRef(f"{base_iri}actor/{_encode(actor.key)}")


def place_iri(place: Place, base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    return URIRef(f"{base_iri}place/{_encode(place.key)}")


def mention_iri(doc_id: str, start: int, end: int, base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    """``<DOC#char=START,END>``; with a ``#`` base the document IRI already has a fragment, so
    ``/char=START,END`` is appended inside it instead."""
    doc = str(document_iri(doc_id, base_iri))
    return URIRef(f"{doc}{'/' if '#' in doc else '#'}char={start},{end}")


def merge_key(event: Event) -> tuple[object, ...]:
    """What makes two reported events the same event (see the module docstring)."""
    time = event.time
    key: tuple[object, ...] = (
        event.event_class,
        sorted({actor.key for actor in event.agents}),
        sorted({place.key for place in event.places}),
        [time.start.isoformat(), time.end.isoformat(), time.precision] if time else None,
        event.frame.negated,
        event.frame.hypothetical,
    )
    if not event.agents and not event.places:
        key += (event.doc_id, event.frame.sentence_start)
    return key


def event_iri(event: Event, base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    digest = hashlib.sha1(json.dumps(merge_key(event), ensure_ascii=True).encode("ascii")).hexdigest()
    return URIRef(f"{base_iri}event/{digest}")


def new_graph() -> Graph:
    """An empty graph with the standard prefixes bound."""
    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph


def _text(value: str) -> Literal:
    return Literal(clean_text(value))


def _label(label: str, key: str) -> Literal:
    """A non-empty label: the cleaned label, else the cleaned key, else "(unnamed)"."""
    return Literal(clean_text(label).strip() and clean_text(label) or clean_text(key).strip() or "(unnamed)")


def _decimal(value: float) -> Literal:
    """Coordinates as xsd:decimal with at least one fraction digit ("10.0"), the form rdflib writes back."""
    text = format(Decimal(repr(round(value, 6))), "f")
    if "." in text:
        text = text.rstrip("0")
    text = text + "0" if text.endswith(".") else text if "." in text else text + ".0"
    return Literal("0.0" if text == "-0.0" else text, datatype=XSD.decimal)


def add_document(graph: Graph, document: Document, base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    """Add the provenance node of one document; return its IRI."""
    node = document_iri(document.id, base_iri)
    graph.add((node, RDF.type, CKG.Document))
    graph.add((node, DCTERMS.identifier, _text(document.id)))
    if document.date is not None:
        graph.add((node, DCTERMS.date, Literal(document.date.isoformat(), datatype=XSD.date)))
    if document.title:
        graph.add((node, DCTERMS.title, _text(document.title)))
    if document.url:
        graph.add((node, DCTERMS.source, _text(document.url)))
    return node


def _add_actor(graph: Graph, actor: Actor, base_iri: str) -> URIRef:
    node = actor_iri(actor, base_iri)
    graph.add((node, RDF.type, SEM.Actor))
    graph.add((node, RDFS.label, _label(actor.label, actor.key)))
    if actor.sector:
        graph.add((node, CKG.sector, _text(actor.sector)))
    if actor.country:
        graph.add((node, CKG.country, _text(actor.country)))
    if actor.kind:
        graph.add((node, CKG.actorKind, _text(actor.kind)))
    for alias in actor.aliases:
        if alias != actor.label:
            graph.add((node, SKOS.altLabel, _text(alias)))
    return node


def _add_place(graph: Graph, place: Place, base_iri: str) -> URIRef:
    node = place_iri(place, base_iri)
    graph.add((node, RDF.type, SEM.Place))
    graph.add((node, RDFS.label, _label(place.label, place.key)))
    if place.lat is not None and place.lon is not None:
        graph.add((node, GEO.lat, _decimal(place.lat)))
        graph.add((node, GEO.long, _decimal(place.lon)))
    if place.geonames_id is not None:
        graph.add((node, CKG.geonamesId, Literal(int(place.geonames_id))))
        graph.add((node, OWL.sameAs, GEONAMES[f"{int(place.geonames_id)}/"]))
    if place.country:
        graph.add((node, CKG.country, _text(place.country)))
    if place.kind:
        graph.add((node, CKG.featureKind, _text(place.kind)))
    if place.admin1:
        graph.add((node, CKG.admin1, _text(place.admin1)))
    return node


def _add_time(graph: Graph, node: URIRef, time: TimeValue) -> None:
    if time.precision == "span" or time.start != time.end and time.precision == "day":
        graph.add((node, SEM.hasBeginTimeStamp, Literal(time.start.isoformat(), datatype=XSD.date)))
        graph.add((node, SEM.hasEndTimeStamp, Literal(time.end.isoformat(), datatype=XSD.date)))
        precision = "span"
    elif time.precision == "month":
        stamp = Literal(f"{time.start.year:04d}-{time.start.month:02d}", datatype=XSD.gYearMonth)
        graph.add((node, SEM.hasTimeStamp, stamp))
        precision = "month"
    elif time.precision == "year":
        graph.add((node, SEM.hasTimeStamp, Literal(f"{time.start.year:04d}", datatype=XSD.gYear)))
        precision = "year"
    else:
        graph.add((node, SEM.hasTimeStamp, Literal(time.start.isoformat(), datatype=XSD.date)))
        precision = "day"
    graph.add((node, CKG.timePrecision, Literal(precision)))
    graph.add((node, CKG.timeDerived, Literal(bool(time.derived))))
    if time.raw:
        graph.add((node, CKG.timeExpression, _text(time.raw)))


def _event_class(name: str) -> tuple[URIRef, URIRef]:
    if name not in EVENT_CLASSES:
        raise KGError(
            f"unknown event class {name!r}; valid classes are {', '.join(sorted(EVENT_CLASSES))} "
            "(kg.namespaces.EVENT_CLASSES); fix the trigger lexicon entry that produced it"
        )
    return CKG[name], CKG[EVENT_CLASSES[name]]


def add_events(
    graph: Graph,
    events: Iterable[Event],
    documents: Iterable[Document] = (),
    base_iri: str = DEFAULT_BASE_IRI,
) -> Graph:
    """Add documents and events to ``graph`` (in place) and return it."""
    check_base_iri(base_iri)
    known: set[str] = set()
    nodes: dict[Actor | Place, URIRef] = {}  # actors/places already written by this call

    def actor(value: Actor) -> URIRef:
        if value not in nodes:
            nodes[value] = _add_actor(graph, value, base_iri)
        return nodes[value]

    def place(value: Place) -> URIRef:
        if value not in nodes:
            nodes[value] = _add_place(graph, value, base_iri)
        return nodes[value]

    for document in documents:
        add_document(graph, document, base_iri)
        known.add(document.id)
    for event in events:
        frame = event.frame
        cls, category = _event_class(frame.event_class)
        node = event_iri(event, base_iri)
        doc = document_iri(frame.doc_id, base_iri)
        if frame.doc_id not in known:
            add_document(graph, Document(id=frame.doc_id, text="", date=event.doc_date), base_iri)
            known.add(frame.doc_id)
        graph.add((node, RDF.type, SEM.Event))
        graph.add((node, RDF.type, cls))
        graph.add((node, CKG.category, category))
        graph.add((node, CKG.evidence, _text(frame.sentence)))
        graph.add((node, PROV.wasDerivedFrom, doc))
        mention = mention_iri(frame.doc_id, frame.trigger.start, frame.trigger.end, base_iri)
        graph.add((node, CKG.mention, mention))
        graph.add((node, CKG.triggerText, _text(frame.trigger.text)))
        graph.add((mention, RDF.type, CKG.Mention))
        graph.add((mention, CKG.beginIndex, Literal(frame.trigger.start)))
        graph.add((mention, CKG.endIndex, Literal(frame.trigger.end)))
        graph.add((mention, CKG.anchorOf, _text(frame.trigger.text)))
        graph.add((mention, DCTERMS.isPartOf, doc))
        for agent in event.agents:
            graph.add((node, CKG.agent, actor(agent)))
        for target in event.targets:
            graph.add((node, CKG.target, actor(target)))
        if event.reported_by is not None:
            graph.add((node, CKG.reportedBy, actor(event.reported_by)))
        for where in event.places:
            graph.add((node, SEM.hasPlace, place(where)))
        if event.time is not None:
            _add_time(graph, node, event.time)
        graph.add((node, CKG.negated, Literal(bool(frame.negated))))
        graph.add((node, CKG.hypothetical, Literal(bool(frame.hypothetical))))
        for quantity in frame.quantities:
            prop = QUANTITY_PROPERTIES.get(quantity.kind)
            if prop is not None and quantity.value >= 0:
                graph.add((node, prop, Literal(int(quantity.value))))
    return graph


def events_to_graph(
    events: Iterable[Event],
    documents: Iterable[Document] = (),
    base_iri: str = DEFAULT_BASE_IRI,
) -> Graph:
    """A new graph with every document's provenance node and every event (merged by :func:`merge_key`)."""
    check_base_iri(base_iri)
    return add_events(new_graph(), events, documents, base_iri)
