"""Node positions for the graph views, computed in Python so the page can draw with physics off.

* Up to ``SMALL_GRAPH`` nodes: Fruchterman-Reingold (``nx.spring_layout``, fixed seed) on everything.
* Larger graphs: the *skeleton* — actors, places, dates and documents, joined when they share an event
  (the actor–place graph itself in the actors view) — is laid out in two steps: the ``SMALL_GRAPH``
  best-connected skeleton nodes with Fruchterman-Reingold, then the others breadth-first, each on a
  sunflower spiral around the centroid of its already-placed neighbours. Events go last, on spirals around
  the centroid of their own actors/place/date/document. Cost is near-linear beyond the fixed-size core,
  and nothing needs SciPy (networkx's sparse spring layout would).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable

import networkx as nx

__all__ = ["SMALL_GRAPH", "ROLE_PULL", "layout", "separate", "spiral"]

SMALL_GRAPH = 400  # nodes laid out with Fruchterman-Reingold (dense numpy path of networkx)
Position = tuple[float, float]
WIDE = 1.6  # horizontal stretch of small layouts


def spiral(count: int, step: float, skip: int = 0) -> list[Position]:
    """``count`` evenly spread, non-overlapping offsets around (0, 0) (a phyllotaxis spiral); ``skip``
    leaves the innermost points free (e.g. for a node already sitting at the centre)."""
    golden = math.pi * (3 - math.sqrt(5))
    points = []
    for i in range(skip, skip + count):
        radius = step * math.sqrt(i + 0.5)
        points.append((radius * math.cos(i * golden), radius * math.sin(i * golden)))
    return points


# How strongly an edge pulls its ends together: hubs reached through time/source edges (a date, the one
# article) must not drag every event into a knot; actors and places should.
ROLE_PULL: dict[str, float] = {"agent": 1.0, "target": 1.0, "place": 0.8, "time": 0.25, "source": 0.15}


def _pull_graph(g: nx.Graph) -> nx.Graph:
    simple = nx.Graph()
    simple.add_nodes_from(g.nodes(data=True))
    for a, b, data in g.edges(data=True):
        role = data.get("role", "")
        pull = ROLE_PULL.get(role, 1.0) * (1 + math.log(data.get("weight", 1)))
        if role in ("time", "source"):  # a date or article shared by many events: each link pulls little
            pull /= max(1, g.degree(a), g.degree(b))
        old = simple.get_edge_data(a, b, {"weight": 0.0})["weight"]
        simple.add_edge(a, b, weight=old + pull)
    return simple


def _box(data: dict[str, object]) -> tuple[float, float]:
    """Approximate drawn width and height in pixels (label included) of a node."""
    text = 7.0 * len(str(data.get("label", "")))
    if data.get("kind") == "event":
        return text + 20, 30.0
    events = data.get("events")
    diameter = 2 * min(60.0, 10 + 5 * math.sqrt(events)) if isinstance(events, int) else 30.0
    return max(text, diameter) + 10, diameter + 26


def separate(
    pos: dict[Hashable, Position], boxes: dict[Hashable, tuple[float, float]], rounds: int = 1000
) -> None:
    """Push overlapping node boxes apart (in place): each overlapping pair moves apart along the axis where
    it overlaps least, by half the overlap each, until nothing overlaps (or ``rounds`` run out)."""
    import numpy as np

    nodes = list(pos)
    if len(nodes) < 2:
        return
    start = np.array([pos[v] for v in nodes], dtype=float)
    xy = start + np.arange(len(nodes))[:, None] * 1e-3  # no two nodes exactly on top of each other
    moved = np.zeros_like(start)
    half = np.array([boxes[v] for v in nodes], dtype=float) / 2
    reach = half[:, None, :] + half[None, :, :] + 2.0  # 2 px margin
    for _ in range(rounds):
        delta = xy[:, None, :] - xy[None, :, :]
        overlap = reach - np.abs(delta)
        hit = (overlap[..., 0] > 0) & (overlap[..., 1] > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        along_x = overlap[..., 0] < overlap[..., 1]
        sign = np.where(delta >= 0, 1.0, -1.0)
        push = np.zeros_like(delta)
        push[..., 0] = np.where(hit & along_x, overlap[..., 0] * sign[..., 0], 0.0)
        push[..., 1] = np.where(hit & ~along_x, overlap[..., 1] * sign[..., 1], 0.0)
        step = 0.5 * push.sum(axis=1)
        xy += step
        moved += step
    for v, (x, y) in zip(nodes, start + moved, strict=True):
        pos[v] = (float(x), float(y))


def _spring(g: nx.Graph, scale: float) -> dict[Hashable, Position]:
    if g.number_of_nodes() == 1:
        return {next(iter(g)): (0.0, 0.0)}
    k = 1.6 / math.sqrt(g.number_of_nodes())
    raw = nx.spring_layout(g, k=k, seed=7, iterations=100, weight="weight")
    return {v: (float(x) * scale, float(y) * scale) for v, (x, y) in raw.items()}


def _place_around(
    nodes: Iterable[Hashable], graph: nx.Graph, pos: dict[Hashable, Position], step: float
) -> list[Hashable]:
    """Put each node on a spiral around the centroid of its placed neighbours; return those with none."""
    groups: dict[tuple[int, int], list[Hashable]] = {}
    lonely = []
    for v in nodes:
        around = [pos[u] for u in graph[v] if u in pos]
        if not around:
            lonely.append(v)
            continue
        centre = (sum(p[0] for p in around) / len(around), sum(p[1] for p in around) / len(around))
        groups.setdefault((round(centre[0]), round(centre[1])), []).append(v)
    for (cx, cy), members in groups.items():
        for v, (dx, dy) in zip(sorted(members, key=str), spiral(len(members), step, skip=1), strict=True):
            pos[v] = (cx + dx, cy + dy)
    return lonely


def _skeleton(simple: nx.Graph, events: list[Hashable]) -> nx.Graph:
    skeleton = nx.Graph()
    skeleton.add_nodes_from(v for v in simple if simple.nodes[v].get("kind") != "event")
    for e in events:
        around = sorted(simple[e], key=str)
        for i, a in enumerate(around):
            for b in around[i + 1 :]:
                weight = skeleton.get_edge_data(a, b, {"weight": 0})["weight"]
                skeleton.add_edge(a, b, weight=weight + 1)
    return skeleton


def layout(g: nx.Graph) -> dict[Hashable, Position]:
    """Pixel positions for every node of ``g`` (deterministic for a given graph)."""
    simple = _pull_graph(g)
    n = simple.number_of_nodes()
    if n == 0:
        return {}
    if n <= SMALL_GRAPH:
        spring = _spring(simple, 55 * math.sqrt(n) + 120)  # compact; separate() then removes overlaps
        small = {v: (x * WIDE, y) for v, (x, y) in spring.items()}  # screens and labels are wide
        boxes = {v: _box(data) for v, data in simple.nodes(data=True)}
        separate(small, boxes, rounds=max(50, min(1000, int(2e7 / n**2))))  # O(n^2) per round
        return small
    events = sorted((v for v, kind in simple.nodes(data="kind") if kind == "event"), key=str)
    skeleton = _skeleton(simple, events) if events else simple
    degree = dict(skeleton.degree(weight="weight"))
    core = sorted(skeleton, key=lambda v: (-degree[v], str(v)))[:SMALL_GRAPH]
    pos = _spring(skeleton.subgraph(core), 90 * math.sqrt(n) + 300) if core else {}
    # the rest of the skeleton, breadth-first from the core
    frontier = set(core)
    while True:
        layer = sorted({u for v in frontier for u in skeleton[v] if u not in pos}, key=str)
        if not layer:
            break
        _place_around(layer, skeleton, pos, 40.0)
        frontier = set(layer)
    # events around their neighbours; anything still unplaced on a grid to the right
    lonely = _place_around(events, simple, pos, 45.0)
    lonely += sorted((v for v in skeleton if v not in pos), key=str)
    right = max((p[0] for p in pos.values()), default=0.0) + 300
    for i, v in enumerate(lonely):
        pos[v] = (right + 180 * (i % 20), 60 * (i // 20))
    return _apart(pos)


def _apart(pos: dict[Hashable, Position], step: float = 12.0) -> dict[Hashable, Position]:
    """No two nodes on the same spot: a node landing where another already is moves along a small spiral
    (spirals of neighbouring centroids can meet; nodes are visited in a fixed order)."""
    taken: set[tuple[int, int]] = set()
    for v in sorted(pos, key=str):
        x, y = pos[v]
        turn = 0
        while (round(x), round(y)) in taken:
            turn += 1
            angle = turn * 2.399963  # golden angle
            x, y = (
                pos[v][0] + step * math.sqrt(turn) * math.cos(angle),
                pos[v][1] + step * math.sqrt(turn) * math.sin(angle),
            )
        taken.add((round(x), round(y)))
        pos[v] = (x, y)
    return pos
