"""RDF -> event records: what the graph views (:mod:`kg.view`) read from a graph.

Events are read with two small prepared SPARQL queries run once per property (``?prop`` bound through
``initBindings``, or Oxigraph substitutions when the source is a :class:`kg.store.Store`, which ``kg build``
uses so its page needs no rdflib graph), so multi-valued properties never multiply rows, and become frozen
:class:`EventRecord`s; :func:`select_events` caps how many are drawn. :mod:`kg.viewgraph` turns records into
networkx graphs.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Node

from kg.namespaces import (
    CKG,
    CKG_IRI,
    DCTERMS,
    EVENT_CLASSES,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SEM,
    TOP_CATEGORIES,
)

__all__ = ["EventRecord", "read_events", "select_events"]

# Two small prepared queries, run once per property with ?prop bound through initBindings. Without
# OPTIONAL joins rdflib stays near-linear (one OPTIONAL-heavy query took 10x longer on 10k events), and
# multi-valued properties (merged events carry several sentences and sources) never multiply rows.
# ?prop is projected because Oxigraph only substitutes projected variables
_EVENT_PROP = "SELECT DISTINCT ?event ?value ?prop WHERE { ?event a sem:Event ; ?prop ?value . }"
_PROP = "SELECT DISTINCT ?s ?value ?prop WHERE { ?s ?prop ?value . }"
_PREPARED = {text: prepareQuery(text, initNs=PREFIXES) for text in (_EVENT_PROP, _PROP)}
# record field -> property whose smallest value (deterministic) the event keeps
_SINGLE: dict[str, URIRef] = {
    "negated": CKG.negated, "hypothetical": CKG.hypothetical, "fatalities": CKG.fatalities,
    "category": CKG.category, "ts": SEM.hasTimeStamp, "begin": SEM.hasBeginTimeStamp,
    "end": SEM.hasEndTimeStamp,
    "derived": CKG.timeDerived,
    "expression": CKG.timeExpression,
}  # fmt: skip


@dataclass(frozen=True)
class EventRecord:
    """One event as the view needs it. Dates are ISO strings (``start``/``end`` inclusive, day precision);
    ``when`` is the time as written in the graph (``2021-08-13``, ``2021-08``, ``2021-08-01/2021-08-13``)."""

    iri: str
    cls: str
    category: str
    evidence: tuple[str, ...] = ()
    docs: tuple[tuple[str, str, str], ...] = ()  # (iri, identifier, date)
    negated: bool = False
    hypothetical: bool = False
    fatalities: int | None = None
    when: str = ""
    time_note: str = ""  # the time expression, or that the publication date stood in for it
    start: str = ""
    end: str = ""
    agents: tuple[tuple[str, str], ...] = ()  # (iri, label)
    targets: tuple[tuple[str, str], ...] = ()
    places: tuple[tuple[str, str], ...] = ()
    reported_by: tuple[str, ...] = ()


def _local(term: Node) -> str:
    text = str(term)
    return text[len(CKG_IRI) :] if text.startswith(CKG_IRI) else text.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _bounds(lexical: str) -> tuple[str, str]:
    """Day-precision bounds of an xsd:date / gYearMonth / gYear / dateTime lexical form ('' if unknown)."""
    text = lexical.strip()[:10]
    parts = text.split("-")
    try:
        if len(parts) >= 3:
            return text, text
        year = int(parts[0])
        if len(parts) == 2:
            month = int(parts[1])
            last = calendar.monthrange(year, month)[1]
            return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    except (ValueError, IndexError):
        return "", ""


def _pick_class(classes: Iterable[str]) -> str:
    known = sorted(c for c in classes if c in EVENT_CLASSES)
    specific = [c for c in known if c not in TOP_CATEGORIES]
    return (specific or known or ["Event"])[0]


def _rows(source: Graph | Any, query: str, prop: URIRef) -> Iterator[tuple[Node, Node]]:
    """(subject, value) rows of ``query`` with ``?prop`` bound, from an rdflib graph or a Store."""
    if isinstance(source, Graph):
        for row in source.query(_PREPARED[query], initBindings={"prop": prop}):
            yield row[0], row[1]  # type: ignore[index]
        return
    import pyoxigraph

    from kg.rdfio import rdflib_term

    cache: dict[Any, Node] = {}
    for row in source.query(query, {"prop": pyoxigraph.NamedNode(str(prop))}):
        yield rdflib_term(row[0], cache), rdflib_term(row[1], cache)


def _event_values(graph: Graph | Any, prop: URIRef) -> dict[str, list[Node]]:
    values: dict[str, list[Node]] = {}
    for event, value in _rows(graph, _EVENT_PROP, prop):
        values.setdefault(str(event), []).append(value)
    return values


def _subject_values(graph: Graph | Any, prop: URIRef) -> dict[str, str]:
    """Smallest value of ``prop`` per subject (labels, document identifiers and dates)."""
    values: dict[str, str] = {}
    for subject, value in _rows(graph, _PROP, prop):
        key = str(subject)
        if key not in values or str(value) < values[key]:
            values[key] = str(value)
    return values


def read_events(graph: Graph | Any) -> list[EventRecord]:
    """Every ``sem:Event`` of ``graph`` (an rdflib graph or a :class:`kg.store.Store`) as an
    :class:`EventRecord`, sorted by IRI."""
    classes = _event_values(graph, RDF.type)
    labels = _subject_values(graph, RDFS.label)

    def named(prop: URIRef) -> dict[str, dict[str, str]]:
        return {
            event: {str(v): labels.get(str(v), _label_of(v)) for v in values}
            for event, values in _event_values(graph, prop).items()
        }

    roles = {"agent": named(CKG.agent), "target": named(CKG.target), "reportedBy": named(CKG.reportedBy)}
    places = named(SEM.hasPlace)
    single = {
        name: {e: min(vs, key=str) for e, vs in _event_values(graph, prop).items()}
        for name, prop in _SINGLE.items()
    }
    evidence = _event_values(graph, CKG.evidence)
    doc_ids, doc_dates = _subject_values(graph, DCTERMS.identifier), _subject_values(graph, DCTERMS.date)
    sources = _event_values(graph, PROV.wasDerivedFrom)
    records = []
    for iri in sorted(classes):
        attrs = {name: values[iri] for name, values in single.items() if iri in values}
        docs = {
            (str(d), doc_ids.get(str(d), _local(d)), doc_dates.get(str(d), "")[:10])
            for d in sources.get(iri, [])
        }
        record = _record(iri, {_local(c) for c in classes[iri]}, attrs, roles, places.get(iri, {}))
        records.append(
            replace(
                record,
                evidence=tuple(sorted({str(s) for s in evidence.get(iri, [])})),
                docs=tuple(sorted(docs)),
            )
        )
    return records


def _label_of(term: Node) -> str:
    return str(term) if isinstance(term, Literal) else _local(term)


def _record(
    iri: str,
    classes: set[str],
    v: dict[str, Node],
    roles: dict[str, dict[str, dict[str, str]]],
    places: dict[str, str],
) -> EventRecord:
    cls = _pick_class(classes)
    category = _local(v["category"]) if "category" in v else EVENT_CLASSES.get(cls, cls)
    if "ts" in v:
        when = str(v["ts"])
        start, end = _bounds(when)
    elif "begin" in v or "end" in v:
        start, end = (
            _bounds(str(v.get("begin", v.get("end"))))[0],
            _bounds(str(v.get("end", v.get("begin"))))[1],
        )
        when = f"{start}/{end}"
    else:
        when, start, end = "", "", ""
    fatalities = v.get("fatalities")
    try:
        deaths = int(str(fatalities)) if fatalities is not None else None
    except ValueError:
        deaths = None

    def pairs(role: str) -> tuple[tuple[str, str], ...]:
        return tuple(sorted(roles[role].get(iri, {}).items()))

    return EventRecord(
        iri=iri,
        cls=cls,
        category=category,
        negated=str(v.get("negated", "")).lower() in ("true", "1"),
        hypothetical=str(v.get("hypothetical", "")).lower() in ("true", "1"),
        fatalities=deaths,
        time_note=(
            "publication date, no time expression"
            if str(v.get("derived", "")).lower() in ("true", "1")
            else (f"“{v['expression']}”" if "expression" in v else "")
        ),
        when=when,
        start=start,
        end=end,
        agents=pairs("agent"),
        targets=pairs("target"),
        places=tuple(sorted(places.items())),
        reported_by=tuple(sorted(roles["reportedBy"].get(iri, {}).values())),
    )


def select_events(records: Sequence[EventRecord], limit: int) -> tuple[list[EventRecord], str | None]:
    """At most ``limit`` events — the most recent ones — and a note saying what was left out (or None)."""
    if len(records) <= limit:
        return list(records), None
    ranked = sorted(records, key=lambda r: (r.start == "", [-ord(c) for c in r.start], r.iri))
    kept = sorted(ranked[:limit], key=lambda r: r.iri)
    note = (
        f"Showing the {limit:,} most recent of {len(records):,} events ({len(records) - limit:,} older or "
        "undated events left out). Raise --max-nodes, use --view actors, or narrow the graph with kg query."
    )
    return kept, note
