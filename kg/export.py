"""Export an event graph as RDF, as a CSV table with ACLED-like columns, or as GeoJSON places.

The CSV and GeoJSON are built with SPARQL over the graph plus the ontology (which supplies the ACLED
event/sub-event type of each class). CSV: one row per event node; several agents, targets, places,
reporters, evidence sentences or documents are joined with ``"; "`` (evidence with ``" | "``);
``fatalities`` is the largest reported figure; latitude/longitude are those of the first place listed.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from rdflib import Graph
from rdflib.query import ResultRow

from kg.errors import OutputError
from kg.namespaces import CKG_IRI, PREFIXES
from kg.ontology import load_ontology
from kg.store import FORMATS, serialize

__all__ = ["EXPORT_FORMATS", "CSV_COLUMNS", "export_rows", "to_csv", "to_geojson", "export_graph"]

EXPORT_FORMATS: tuple[str, ...] = ("turtle", "trig", "nt", "nquads", "jsonld", "csv", "geojson")
CSV_COLUMNS: tuple[str, ...] = (
    "event_id", "event_date", "time_precision", "event_class", "plover_category", "acled_event_type",
    "acled_sub_event_type", "agent", "target", "place", "admin1", "country", "latitude", "longitude",
    "fatalities", "negated", "hypothetical", "reported_by", "evidence", "document",
)  # fmt: skip
# sectors whose capture of territory ACLED records as "Government regains territory"
STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})

_PROLOGUE = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())

_EVENTS = (
    _PROLOGUE
    + """
SELECT ?event ?class ?category ?stamp ?begin ?end ?precision ?negated ?hypothetical
       (SAMPLE(?acled_c) AS ?acled_class) (SAMPLE(?acled_k) AS ?acled_category)
       (GROUP_CONCAT(DISTINCT ?sub_c; separator="|") AS ?subs)
       (MAX(?fatal) AS ?fatalities)
WHERE {
    ?event a sem:Event ; a ?class ; ckg:category ?category .
    FILTER(STRSTARTS(STR(?class), STR(ckg:)) && ?class != ckg:ConflictEvent)
    OPTIONAL { ?class ckg:acledEventType ?acled_c }
    OPTIONAL { ?class ckg:acledSubEventType ?sub_c }
    OPTIONAL { ?category ckg:acledEventType ?acled_k }
    OPTIONAL { ?event sem:hasTimeStamp ?stamp }
    OPTIONAL { ?event sem:hasBeginTimeStamp ?begin }
    OPTIONAL { ?event sem:hasEndTimeStamp ?end }
    OPTIONAL { ?event ckg:timePrecision ?precision }
    OPTIONAL { ?event ckg:negated ?negated }
    OPTIONAL { ?event ckg:hypothetical ?hypothetical }
    OPTIONAL { ?event ckg:fatalities ?fatal }
}
GROUP BY ?event ?class ?category ?stamp ?begin ?end ?precision ?negated ?hypothetical
ORDER BY ?event
"""
)

# (event, column, value, sort key) for the many-valued columns
_VALUES = (
    _PROLOGUE
    + """
SELECT ?event ?column ?value ?extra WHERE {
    ?event a sem:Event .
    {
        ?event ckg:agent ?node . ?node rdfs:label ?value . OPTIONAL { ?node ckg:sector ?extra }
        BIND("agent" AS ?column)
    } UNION {
        ?event ckg:target ?node . ?node rdfs:label ?value . BIND("target" AS ?column)
    } UNION {
        ?event ckg:reportedBy ?node . ?node rdfs:label ?value . BIND("reported_by" AS ?column)
    } UNION {
        ?event sem:hasPlace ?node . ?node rdfs:label ?value . BIND("place" AS ?column)
        OPTIONAL { ?node geo:lat ?lat ; geo:long ?long }
        BIND(IF(BOUND(?lat), CONCAT(STR(?lat), " ", STR(?long)), "") AS ?extra)
    } UNION {
        ?event sem:hasPlace/ckg:admin1 ?value . BIND("admin1" AS ?column)
    } UNION {
        ?event sem:hasPlace/ckg:country ?value . BIND("country" AS ?column)
    } UNION {
        ?event ckg:evidence ?value . BIND("evidence" AS ?column)
    } UNION {
        ?event prov:wasDerivedFrom/dcterms:identifier ?value . BIND("document" AS ?column)
    }
}
"""
)

_PLACES = (
    _PROLOGUE
    + """
SELECT ?place ?label ?lat ?long ?geonames ?country (COUNT(DISTINCT ?event) AS ?events)
       (GROUP_CONCAT(DISTINCT STRAFTER(STR(?class), STR(ckg:)); separator=" ") AS ?classes)
WHERE {
    ?place a sem:Place ; rdfs:label ?label ; geo:lat ?lat ; geo:long ?long .
    OPTIONAL { ?place ckg:geonamesId ?geonames }
    OPTIONAL { ?place ckg:country ?country }
    OPTIONAL {
        ?event sem:hasPlace ?place ; a ?class .
        FILTER(STRSTARTS(STR(?class), STR(ckg:)))
    }
}
GROUP BY ?place ?label ?lat ?long ?geonames ?country
ORDER BY ?label ?place
"""
)


def _with_ontology(graph: Graph) -> Graph:
    combined = load_ontology()
    combined += graph
    return combined


def _local(term: Any) -> str:
    text = str(term) if term is not None else ""
    return text[len(CKG_IRI) :] if text.startswith(CKG_IRI) else text


def _date(row: ResultRow) -> str:
    if row.stamp is not None:
        return str(row.stamp)
    if row.begin is not None:
        return f"{row.begin}/{row.end}" if row.end is not None else str(row.begin)
    return ""


def _sub_event(subs: str, agent_sectors: Iterable[str]) -> str:
    options = sorted(filter(None, subs.split("|")))
    if len(options) <= 1:
        return options[0] if options else ""
    if "Government regains territory" in options and "Non-state actor overtakes territory" in options:
        state = any(sector in STATE_SECTORS for sector in agent_sectors)
        return "Government regains territory" if state else "Non-state actor overtakes territory"
    return options[0]


def export_rows(graph: Graph) -> list[dict[str, str]]:
    """One dict per event with the :data:`CSV_COLUMNS` as keys (all values strings)."""
    combined = _with_ontology(graph)
    values: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for row in combined.query(_VALUES):
        assert isinstance(row, ResultRow)
        values[str(row.event)][str(row.column)].append((str(row.value), str(row.extra or "")))
    rows: list[dict[str, str]] = []
    for row in combined.query(_EVENTS):
        assert isinstance(row, ResultRow)
        many = values.get(str(row.event), {})

        def joined(column: str, sep: str = "; ", _many: Any = many) -> str:
            return sep.join(sorted({value for value, _ in _many.get(column, [])}))

        places = sorted(set(many.get("place", [])))
        located = [extra for _, extra in places if extra]
        lat, lon = located[0].split(" ") if located else ("", "")
        sectors = [extra for _, extra in many.get("agent", [])]
        rows.append(
            {
                "event_id": str(row.event),
                "event_date": _date(row),
                "time_precision": str(row.precision or ""),
                "event_class": _local(row["class"]),
                "plover_category": _local(row.category),
                "acled_event_type": str(row.acled_class or row.acled_category or ""),
                "acled_sub_event_type": _sub_event(str(row.subs or ""), sectors),
                "agent": joined("agent"),
                "target": joined("target"),
                "place": "; ".join(label for label, _ in places),
                "admin1": joined("admin1"),
                "country": joined("country"),
                "latitude": lat,
                "longitude": lon,
                "fatalities": str(row.fatalities) if row.fatalities is not None else "",
                "negated": str(row.negated or "false").lower(),
                "hypothetical": str(row.hypothetical or "false").lower(),
                "reported_by": joined("reported_by"),
                "evidence": joined("evidence", " | "),
                "document": joined("document"),
            }
        )
    return rows


def to_csv(graph: Graph) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(export_rows(graph))
    return buffer.getvalue()


def to_geojson(graph: Graph) -> dict[str, Any]:
    """A GeoJSON FeatureCollection with one Point feature per place that has coordinates."""
    features = []
    for row in graph.query(_PLACES):
        assert isinstance(row, ResultRow)
        lat, lon = float(row.lat), float(row.long)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        features.append(
            {
                "type": "Feature",
                "id": str(row.place),
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "label": str(row.label),
                    "geonames_id": int(row.geonames) if row.geonames is not None else None,
                    "country": str(row.country) if row.country is not None else None,
                    "event_count": int(row.events),
                    "event_classes": sorted(set(str(row.classes or "").split())),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def export_graph(graph: Graph, fmt: str) -> bytes:
    """``graph`` in export format ``fmt`` (one of :data:`EXPORT_FORMATS`) as UTF-8 bytes."""
    if fmt == "csv":
        return to_csv(graph).encode("utf-8")
    if fmt == "geojson":
        return (json.dumps(to_geojson(graph), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if fmt not in EXPORT_FORMATS:
        raise OutputError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    return serialize(graph, FORMATS[fmt])
