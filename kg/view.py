"""Offline, interactive HTML views of an event graph (vis-network through pyvis, our own template).

``write_view(graph, path, view="events")`` reads the RDF with SPARQL (:mod:`kg.viewmodel`), lays the
networkx graph out in Python (physics is off in the page) and renders ``kg/templates/view.html`` with the
vis-network JavaScript and CSS shipped inside the pyvis package inlined: the page makes no network request.

Untrusted text (article sentences, labels) only reaches the page as JSON inside a
``<script type="application/json">`` element with ``<``, ``>`` and ``&`` written as ``\\u003c``-style escapes;
the page's script turns it into tooltips with ``textContent``, never ``innerHTML``.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph

from kg.errors import OutputError
from kg.namespaces import TOP_CATEGORIES
from kg.viewgraph import ROLES, actors_network, events_network
from kg.viewlayout import layout
from kg.viewmodel import read_events, select_events

__all__ = [
    "VIEWS",
    "DEFAULT_MAX_EVENTS",
    "KIND_STYLES",
    "CATEGORY_COLOURS",
    "ROLE_COLOURS",
    "build_view",
    "layout",
    "render_view",
    "write_view",
]

VIEWS: tuple[str, ...] = ("events", "actors")
DEFAULT_MAX_EVENTS = 5000
TEMPLATES = Path(__file__).parent / "templates"
TEMPLATE = "view.html"
# node kind -> (vis shape, colour)
KIND_STYLES: dict[str, tuple[str, str]] = {
    "event": ("box", "#d9d9d9"),
    "actor": ("dot", "#4c78a8"),
    "place": ("triangle", "#54a24b"),
    "date": ("hexagon", "#9d9d9d"),
    "document": ("square", "#b279a2"),
}
CATEGORY_COLOURS: dict[str, str] = dict(
    zip(
        TOP_CATEGORIES,
        (
            "#8fd19e",
            "#7fc7c4",
            "#a6cee3",
            "#cab2d6",
            "#b2df8a",
            "#ffe08a",
            "#c5b0d5",
            "#9ecae1",
            "#fdbf6f",
            "#fb9a99",
            "#f4a6d7",
            "#e7ba52",
            "#bcbd22",
            "#d6a77a",
            "#ff9f40",
            "#ef5350",
            "#bdbdbd",
        ),
        strict=True,
    )
)
ROLE_COLOURS: dict[str, str] = {
    "agent": "#c0392b",
    "target": "#e67e22",
    "place": "#54a24b",
    "time": "#9d9d9d",
    "source": "#b279a2",
}


def build_view(
    graph: Graph | Any, view: str = "events", max_nodes: int = DEFAULT_MAX_EVENTS
) -> tuple[nx.Graph, str | None]:
    """The networkx graph for ``view`` and a note for the page when events were left out."""
    if view not in VIEWS:
        raise OutputError(f"unknown view {view!r}; choose one of: {', '.join(VIEWS)}")
    if max_nodes < 1:
        raise OutputError(f"max_nodes must be at least 1 (got {max_nodes}); it caps the events drawn")
    records, note = select_events(read_events(graph), max_nodes)
    g = events_network(records) if view == "events" else actors_network(records)
    g.graph["events"] = len(records)
    return g, note


def _colour(data: dict[str, Any]) -> str:
    if data["kind"] == "event":
        return CATEGORY_COLOURS.get(data.get("category", ""), KIND_STYLES["event"][1])
    return KIND_STYLES[data["kind"]][1]


def _node_size(data: dict[str, Any]) -> float:
    if data["kind"] in ("actor", "place") and "events" in data:
        return round(min(60.0, 10 + 5 * math.sqrt(data["events"])), 1)
    return {"date": 10.0, "document": 10.0, "place": 14.0}.get(data["kind"], 16.0)


def _vis_data(g: nx.Graph, view: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Node and edge dicts for vis-network (integer ids), with positions and filter fields."""
    pos = layout(g)
    ids = {v: i for i, v in enumerate(g.nodes)}
    nodes = []
    for v, data in g.nodes(data=True):
        shape, _ = KIND_STYLES[data["kind"]]
        node: dict[str, Any] = {
            "id": ids[v],
            "label": data["label"],
            "kind": data["kind"],
            "shape": shape,
            "info": data["info"],
            "color": _colour(data),
            "size": _node_size(data),
            "x": round(pos[v][0], 1),
            "y": round(pos[v][1], 1),
        }
        if data["kind"] == "event":
            node.update(
                cat=data["category"],
                start=data["start"],
                end=data["end"],
                actors=[ids[a] for a in data["actors"]],
                faded=data["faded"],
            )
        elif "ev" in data:
            node["ev"] = data["ev"]
        nodes.append(node)
    edges = []
    if view == "events":
        for i, (a, b, role) in enumerate(g.edges(keys=True)):
            edges.append(
                {
                    "id": i,
                    "from": ids[a],
                    "to": ids[b],
                    "label": role,
                    "role": role,
                    "color": ROLE_COLOURS[role],
                    "arrows": "to",
                }
            )
    else:
        for i, (a, b, data) in enumerate(g.edges(data=True)):
            edges.append(
                {
                    "id": i,
                    "from": ids[data["actor"]],
                    "to": ids[b if a == data["actor"] else a],
                    "label": str(data["weight"]),
                    "value": data["weight"],
                    "info": data["info"],
                    "color": CATEGORY_COLOURS.get(data["category"], "#999999"),
                    "cat": data["category"],
                    "actor": ids[data["actor"]],
                    "ev": data["events"],
                }
            )
    return nodes, edges


def _safe_json(value: Any) -> str:
    """JSON that cannot end a ``<script>`` element or open an HTML comment inside it."""
    return (
        json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _vis_assets() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    js, css = (lib / "vis-network.min.js").read_text("utf-8"), (lib / "vis-network.css").read_text("utf-8")
    if "</script" in js.lower() or "<!--" in js or "</style" in css.lower():  # would break the inline element
        raise OutputError(f"the vis-network files in {lib} cannot be inlined; reinstall pyvis==0.3.2")
    return js, css


def render_view(g: nx.Graph, view: str = "events", title: str | None = None, note: str | None = None) -> str:
    """The complete, self-contained HTML page for a graph built by :func:`build_view`."""
    from markupsafe import Markup
    from pyvis.network import Network

    nodes, edges = _vis_data(g, view)
    if not nodes:
        note = note or "This graph has no events (nothing typed sem:Event) to draw."
    net = Network(height="100%", width="100%", directed=view == "events", cdn_resources="in_line")
    net.toggle_physics(False)
    net.set_edge_smooth("continuous" if len(edges) <= 2000 else "discrete")
    net.nodes, net.edges = nodes, edges  # pyvis add_node/add_edge are quadratic: hand the lists over
    net.set_template_dir(str(TEMPLATES) + "/", TEMPLATE)
    net.templateEnv.autoescape = True
    *_, options_json = net.get_network_data()
    options = json.loads(options_json)
    options["edges"]["color"] = {"inherit": False}
    options["edges"]["font"] = {"size": 10, "align": "middle", "strokeWidth": 3}
    options["nodes"] = {"font": {"size": 13, "strokeWidth": 3}, "borderWidth": 1}
    if view == "actors":
        options["edges"]["scaling"] = {"min": 1, "max": 12, "label": {"enabled": False}}
    options["interaction"].update(hover=True, tooltipDelay=150, hideEdgesOnDrag=len(edges) > 3000)
    n_events = g.graph.get("events", sum(1 for n in nodes if n["kind"] == "event"))
    payload = {
        "view": view,
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "note": note,
        "categories": sorted(
            {n["cat"] for n in nodes if "cat" in n} | {e["cat"] for e in edges if "cat" in e}
        ),
        "categoryColours": CATEGORY_COLOURS,
        "kinds": {k: {"shape": s, "color": c} for k, (s, c) in KIND_STYLES.items()},
        "roles": ROLE_COLOURS if view == "events" else {},
        "edgeLabels": len(edges) <= 3000,
    }
    js, css = _vis_assets()
    heading = title or ("Conflict events" if view == "events" else "Actors and places")
    template = net.templateEnv.get_template(net.path)
    return template.render(
        title=heading,
        view=view,
        note=note,
        n_nodes=len(nodes),
        n_edges=len(edges),
        n_events=n_events,
        data_json=Markup(_safe_json(payload)),
        vis_js=Markup(js),
        vis_css=Markup(css),
        roles=ROLES,
    )


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_view(
    graph: Graph | Any,
    path: str | os.PathLike[str],
    view: str = "events",
    title: str | None = None,
    max_nodes: int = DEFAULT_MAX_EVENTS,
) -> Path:
    """Write the ``view`` of ``graph`` (an rdflib graph or a :class:`kg.store.Store`) as one offline HTML
    file, atomically; returns the path written."""
    target = Path(path)
    g, note = build_view(graph, view, max_nodes)
    page = render_view(g, view, title, note)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as err:
        raise OutputError(f"cannot write {target}: {err.strerror}; choose a writable directory") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(page)
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {target}: {err.strerror}; choose a writable path") from None
    return target
