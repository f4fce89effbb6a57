"""EventRecords -> networkx: the two graphs drawn by :mod:`kg.view`.

* ``events_network`` — a ``MultiDiGraph`` of event, actor, place, date and document nodes joined by role
  edges (agent, target, place, time, source; the edge key is the role);
* ``actors_network`` — a condensed ``Graph`` of actors linked to the places of their events, edge weight =
  number of events, edge category = the dominant PLOVER category.

Every node carries ``kind``, ``label`` and ``info`` (tooltip rows of plain, *unescaped* text: the page
escapes them); nodes and edges carry what the page's filters need (category, dates, actors).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import networkx as nx

from kg.viewmodel import EventRecord

__all__ = ["ROLES", "events_network", "actors_network"]

ROLES: tuple[str, ...] = ("agent", "target", "place", "time", "source")


def _event_info(r: EventRecord) -> list[tuple[str, str]]:
    factuality = ", ".join(n for n, f in (("negated", r.negated), ("hypothetical", r.hypothetical)) if f)
    rows = [
        ("Event", f"{r.cls} ({r.category})"),
        *(("Evidence", sentence) for sentence in r.evidence),
        ("Date", f"{r.when or 'unknown'} ({r.time_note})" if r.time_note else r.when or "unknown"),
        ("Agent", "; ".join(label for _, label in r.agents)),
        ("Target", "; ".join(lab for _, lab in r.targets)),
        ("Place", "; ".join(label for _, label in r.places)),
        *(("Document", f"{doc_id} ({date})" if date else doc_id) for _, doc_id, date in r.docs),
        ("Factuality", factuality or "asserted"),
        ("Reported by", "; ".join(r.reported_by)),
        ("Fatalities", "" if r.fatalities is None else str(r.fatalities)),
        ("IRI", r.iri),
    ]
    return [(k, v) for k, v in rows if v]


def events_network(records: Sequence[EventRecord]) -> nx.MultiDiGraph:
    """Event, actor, place, date and document nodes joined by role edges (edge key = role)."""
    g = nx.MultiDiGraph()
    counts: Counter[str] = Counter()
    for r in records:
        actors = sorted({a for a, _ in r.agents + r.targets})
        g.add_node(
            r.iri,
            kind="event",
            label=f"{r.cls} · {r.start or 'undated'}",
            category=r.category,
            start=r.start,
            end=r.end,
            actors=actors,
            info=_event_info(r),
            faded=r.negated or r.hypothetical,
        )
        for iri, label in r.agents:
            g.add_node(iri, kind="actor", label=label)
            g.add_edge(iri, r.iri, key="agent", role="agent")
        for iri, label in r.targets:
            g.add_node(iri, kind="actor", label=label)
            g.add_edge(r.iri, iri, key="target", role="target")
        counts.update(actors)
        for iri, label in r.places:
            g.add_node(iri, kind="place", label=label)
            g.add_edge(r.iri, iri, key="place", role="place")
        if r.when:
            g.add_node(f"date:{r.when}", kind="date", label=r.when)
            g.add_edge(r.iri, f"date:{r.when}", key="time", role="time")
        for doc, doc_id, date in r.docs:
            g.add_node(doc, kind="document", label=doc_id, date=date)
            g.add_edge(r.iri, doc, key="source", role="source")
    for node, data in g.nodes(data=True):
        if data["kind"] == "actor":
            data["events"] = counts[node]
            data["info"] = [("Actor", data["label"]), ("Events", str(counts[node])), ("IRI", node)]
        elif data["kind"] == "place":
            data["info"] = [("Place", data["label"]), ("IRI", node)]
        elif data["kind"] == "date":
            data["info"] = [("Date", data["label"])]
        elif data["kind"] == "document":
            data["info"] = [("Document", data["label"]), ("Published", data.get("date", "")), ("IRI", node)]
            data["info"] = [(k, v) for k, v in data["info"] if v]
    return g


def actors_network(records: Sequence[EventRecord]) -> nx.Graph:
    """Actors linked to the places of the events they took part in (as agent or target).

    Edge ``weight`` = number of events, ``category`` = dominant category (ties: alphabetical), ``events`` =
    ``(category, start, end)`` per event for the page's filters. Actor node ``events`` = number of events.
    """
    g = nx.Graph()
    place_events: Counter[str] = Counter()
    for r in records:
        actors = dict(r.agents + r.targets)
        if actors:
            place_events.update(p for p, _ in r.places)
        for iri, label in actors.items():
            if iri not in g:
                g.add_node(iri, kind="actor", label=label, events=0, ev=[])
            g.nodes[iri]["events"] += 1
            g.nodes[iri]["ev"].append((r.category, r.start, r.end))
            for place, place_label in r.places:
                g.add_node(place, kind="place", label=place_label)
                if not g.has_edge(iri, place):
                    g.add_edge(iri, place, events=[])
                g.edges[iri, place]["events"].append((r.category, r.start, r.end))
    for a, b, data in g.edges(data=True):
        cats = Counter(c for c, _, _ in data["events"])
        data["weight"] = len(data["events"])
        data["category"] = min(cats, key=lambda c: (-cats[c], c))
        actor, place = (a, b) if g.nodes[a]["kind"] == "actor" else (b, a)
        mix = ", ".join(f"{c} {n}" for c, n in sorted(cats.items(), key=lambda kv: (-kv[1], kv[0])))
        dates = sorted(s for _, s, _ in data["events"] if s)
        span = f"{dates[0]} – {dates[-1]}" if dates else "undated"
        data["actor"] = actor
        data["info"] = [
            ("Actor", g.nodes[actor]["label"]),
            ("Place", g.nodes[place]["label"]),
            ("Events", str(data["weight"])),
            ("Categories", mix),
            ("Dates", span),
        ]
    for node, data in g.nodes(data=True):
        if data["kind"] == "actor":
            data["info"] = [("Actor", data["label"]), ("Events", str(data["events"])), ("IRI", node)]
        else:
            data["events"] = place_events[node]
            data["info"] = [("Place", data["label"]), ("Events", str(place_events[node])), ("IRI", node)]
    return g
