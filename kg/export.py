"""Export an event graph as RDF, as a CSV table with ACLED-like columns, or as GeoJSON places.

The CSV and GeoJSON are built with SPARQL over the graph (run by Oxigraph); the ACLED event/sub-event
type of each class comes from a SPARQL query over the ontology (a class without one falls back to its
category's). CSV: one row per event node; several agents, targets, places, reporters, evidence sentences
or documents are joined with ``"; "`` (evidence with ``" | "``); ``fatalities`` is the largest reported
figure; latitude/longitude are those of the first place listed.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from rdflib import Graph

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
       (MAX(?fatal) AS ?fatalities)
WHERE {
    ?event a sem:Event ; a ?class ; ckg:category ?category .
    FILTER(STRSTARTS(STR(?class), STR(ckg:)) && ?class != ckg:ConflictEvent)
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

# ACLED notations of every event class, from the ontology
_ACLED = (
    _PROLOGUE
    + """
SELECT ?class ?type ?sub WHERE {
    ?class ckg:acledEventType ?type .
    OPTIONAL { ?class ckg:acledSubEventType ?sub }
}
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


Row = dict[str, "str | None"]


def _select(store: Any, query: str) -> list[Row]:
    """Run a SELECT on an Oxigraph store; each row maps variable name -> lexical value (None if unbound)."""
    results = store.query(query)
    names = [variable.value for variable in results.variables]
    rows: list[Row] = []
    for solution in results:
        terms = {name: solution[name] for name in names}
        rows.append({name: (term.value if term is not None else None) for name, term in terms.items()})
    return rows


def _oxigraph(graph: Graph) -> Any:
    import pyoxigraph

    store = pyoxigraph.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return store


def _acled_notations() -> dict[str, tuple[str, list[str]]]:
    """Event class IRI -> (ACLED event type, sorted ACLED sub-event types), read from the ontology."""
    notations: dict[str, tuple[str, list[str]]] = {}
    for row in _select(_oxigraph(load_ontology()), _ACLED):
        kind, subs = notations.get(str(row["class"]), (str(row["type"]), []))
        if row["sub"] is not None and row["sub"] not in subs:
            subs = sorted([*subs, row["sub"]])
        notations[str(row["class"])] = (kind, subs)
    return notations


def _local(iri: str | None) -> str:
    text = iri or ""
    return text[len(CKG_IRI) :] if text.startswith(CKG_IRI) else text


def _date(row: Row) -> str:
    if row["stamp"] is not None:
        return row["stamp"]
    if row["begin"] is not None:
        return f"{row['begin']}/{row['end']}" if row["end"] is not None else row["begin"]
    return ""


def _sub_event(options: list[str], agent_sectors: Iterable[str]) -> str:
    if len(options) <= 1:
        return options[0] if options else ""
    if "Government regains territory" in options and "Non-state actor overtakes territory" in options:
        state = any(sector in STATE_SECTORS for sector in agent_sectors)
        return "Government regains territory" if state else "Non-state actor overtakes territory"
    return options[0]


def export_rows(graph: Graph) -> list[dict[str, str]]:
    """One dict per event with the :data:`CSV_COLUMNS` as keys (all values strings)."""
    acled = _acled_notations()
    store = _oxigraph(graph)
    values: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for row in _select(store, _VALUES):
        values[str(row["event"])][str(row["column"])].append((str(row["value"]), row["extra"] or ""))
    rows: list[dict[str, str]] = []
    for row in _select(store, _EVENTS):
        many = values.get(str(row["event"]), {})

        def joined(column: str, sep: str = "; ", _many: Any = many) -> str:
            return sep.join(sorted({value for value, _ in _many.get(column, [])}))

        places = sorted(set(many.get("place", [])))
        located = [extra for _, extra in places if extra]
        lat, lon = located[0].split(" ") if located else ("", "")
        sectors = [extra for _, extra in many.get("agent", [])]
        kind, subs = acled.get(str(row["class"])) or acled.get(str(row["category"])) or ("", [])
        rows.append(
            {
                "event_id": str(row["event"]),
                "event_date": _date(row),
                "time_precision": row["precision"] or "",
                "event_class": _local(row["class"]),
                "plover_category": _local(row["category"]),
                "acled_event_type": kind,
                "acled_sub_event_type": _sub_event(subs, sectors),
                "agent": joined("agent"),
                "target": joined("target"),
                "place": "; ".join(label for label, _ in places),
                "admin1": joined("admin1"),
                "country": joined("country"),
                "latitude": lat,
                "longitude": lon,
                "fatalities": row["fatalities"] or "",
                "negated": (row["negated"] or "false").lower(),
                "hypothetical": (row["hypothetical"] or "false").lower(),
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
    for row in _select(_oxigraph(graph), _PLACES):
        lat, lon = float(row["lat"] or "nan"), float(row["long"] or "nan")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        features.append(
            {
                "type": "Feature",
                "id": row["place"],
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "label": row["label"],
                    "geonames_id": int(row["geonames"]) if row["geonames"] is not None else None,
                    "country": row["country"],
                    "event_count": int(row["events"] or 0),
                    "event_classes": sorted(set((row["classes"] or "").split())),
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
