"""kg.view / kg.viewmodel without a browser: the page is self-contained, escaped and carries the graph."""

from __future__ import annotations

import datetime as dt
import json
import math
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef

from kg.cli import main
from kg.errors import OutputError
from kg.model import Actor, Document, Event, EventFrame, Mention, Place, TimeValue
from kg.namespaces import SEM
from kg.rdf import events_to_graph
from kg.view import render_view, write_view
from kg.viewmodel import read_events

XSD_IRI = "http://www.w3.org/2001/XMLSchema#"
HOSTILE = '</script><script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"><!-- x'


def make_event(
    cls: str,
    agent: str,
    place: str,
    day: str,
    *,
    sentence: str = "",
    target: str | None = None,
    doc: str = "doc1",
    negated: bool = False,
    hypothetical: bool = False,
    reporter: str | None = None,
) -> Event:
    """A resolved event written by hand (actor/place keys are slugs of the labels)."""
    text = sentence or f"{agent} reported a {cls.lower()} near {place} on {day}."
    frame = EventFrame(
        doc_id=doc,
        sentence=text,
        sentence_start=0,
        trigger=Mention(cls.lower(), 0, len(cls), "TRIGGER"),
        event_class=cls,
        negated=negated,
        hypothetical=hypothetical,
    )
    date = dt.date.fromisoformat(day)
    return Event(
        frame=frame,
        agents=(Actor(agent.lower().replace(" ", "-"), agent),),
        targets=(Actor(target.lower().replace(" ", "-"), target),) if target else (),
        places=(Place(place.lower(), place, lat=31.6, lon=65.7),),
        time=TimeValue(date, date, "day"),
        reported_by=Actor(reporter.lower(), reporter) if reporter else None,
        doc_date=date,
    )


SAMPLE = [
    make_event("Capture", "Rebel Front", "Kandahar", "2021-08-13", target="Army", reporter="Officials"),
    make_event("Capture", "Rebel Front", "Kandahar", "2021-08-11"),
    make_event("Negotiation", "Rebel Front", "Kandahar", "2021-08-12", target="Elders"),
    make_event("AirStrike", "Air Force", "Herat", "2021-08-10", target="Rebel Front", doc="doc2"),
    make_event("Arrest", "Police", "Herat", "2021-07-30", negated=True),
]


def sample_graph(events: list[Event] | None = None) -> Graph:
    events = SAMPLE if events is None else events
    dates = {"doc1": dt.date(2021, 8, 13), "doc2": dt.date(2021, 8, 11)}
    docs = {e.doc_id: Document(e.doc_id, "", dates.get(e.doc_id)) for e in events}
    return events_to_graph(events, docs.values())


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []
        self.scripts: list[dict[str, str | None]] = []
        self.data: dict[str, str] = {}
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href", "data", "srcset", "action", "poster") and value:
                self.refs.append((tag, name, value))
        if tag == "script":
            self.scripts.append(dict(attrs))
            self._in = dict(attrs).get("id")

    def handle_data(self, data: str) -> None:
        if self._in:
            self.data[self._in] = self.data.get(self._in, "") + data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in = None


def parse_page(html: str) -> tuple[_Refs, dict[str, Any]]:
    parser = _Refs()
    parser.feed(html)
    return parser, json.loads(parser.data["kg-data"])


@pytest.mark.parametrize("view", ["events", "actors"])
def test_view_page_has_no_external_references(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, view: str
) -> None:
    monkeypatch.chdir(tmp_path)
    out = write_view(sample_graph(), tmp_path / "page.html", view=view)
    parser, _ = parse_page(out.read_text("utf-8"))
    assert parser.refs == []  # no src/href at all: every script and style is inline
    assert [s for s in parser.scripts if "src" in s] == []
    assert not (tmp_path / "lib").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]  # no temp file left behind


def test_view_inlines_vis_network(tmp_path: Path) -> None:
    html = write_view(sample_graph(), tmp_path / "v.html").read_text("utf-8")
    assert "vis-network" in html and "function" in html and len(html) > 300_000  # the library, not a link


def test_view_events_data_matches_graph(tmp_path: Path) -> None:
    _, data = parse_page(write_view(sample_graph(), tmp_path / "v.html").read_text("utf-8"))
    kinds: dict[str, int] = {}
    for node in data["nodes"]:
        kinds[node["kind"]] = kinds.get(node["kind"], 0) + 1
    actors = {a.key for e in SAMPLE for a in e.agents + e.targets}
    assert kinds == {
        "event": len(SAMPLE),
        "actor": len(actors),
        "place": len({p.key for e in SAMPLE for p in e.places}),
        "date": len({e.time.start for e in SAMPLE if e.time}),
        "document": len({e.doc_id for e in SAMPLE}),
    }
    roles = [edge["role"] for edge in data["edges"]]
    assert roles.count("agent") == sum(len(e.agents) for e in SAMPLE)
    assert roles.count("target") == sum(len(e.targets) for e in SAMPLE)
    assert roles.count("place") == roles.count("time") == roles.count("source") == len(SAMPLE)
    ids = {n["id"] for n in data["nodes"]}
    assert all(e["from"] in ids and e["to"] in ids for e in data["edges"])


def test_view_event_labels_and_tooltips(tmp_path: Path) -> None:
    _, data = parse_page(write_view(sample_graph(), tmp_path / "v.html").read_text("utf-8"))
    events = {n["label"]: dict(n["info"]) for n in data["nodes"] if n["kind"] == "event"}
    assert "Capture · 2021-08-13" in events and "Arrest · 2021-07-30" in events
    capture = events["Capture · 2021-08-13"]
    assert capture["Evidence"] == SAMPLE[0].frame.sentence
    assert capture["Reported by"] == "Officials" and capture["Target"] == "Army"
    assert capture["Document"] == "doc1 (2021-08-13)"
    assert events["Arrest · 2021-07-30"]["Factuality"] == "negated"
    assert capture["Factuality"] == "asserted"


def test_view_actor_size_grows_with_events(tmp_path: Path) -> None:
    _, data = parse_page(write_view(sample_graph(), tmp_path / "v.html").read_text("utf-8"))
    size = {n["label"]: n["size"] for n in data["nodes"] if n["kind"] == "actor"}
    assert size["Rebel Front"] > size["Air Force"] > 0  # 4 events against 1


def test_view_hostile_text_is_escaped(tmp_path: Path) -> None:
    events = [make_event("Capture", HOSTILE, "Kandahar", "2021-08-13", sentence=HOSTILE)]
    html = write_view(sample_graph(events), tmp_path / "v.html", title=HOSTILE).read_text("utf-8")
    assert "<img src=x" not in html and "window.__pwned = 1</script>" not in html and "<!-- x" not in html
    parser, data = parse_page(html)
    assert len(parser.scripts) == 3  # data, vis-network, page script: nothing injected
    event = next(n for n in data["nodes"] if n["kind"] == "event")
    assert dict(event["info"])["Evidence"] == HOSTILE  # the text survives intact as data
    assert any(n["label"] == HOSTILE for n in data["nodes"] if n["kind"] == "actor")


def test_view_actors_weights_and_dominant_category(tmp_path: Path) -> None:
    html = write_view(sample_graph(), tmp_path / "a.html", view="actors").read_text("utf-8")
    _, data = parse_page(html)
    label = {n["id"]: n["label"] for n in data["nodes"]}
    weights = {(label[e["from"]], label[e["to"]]): (e["value"], e["cat"]) for e in data["edges"]}
    assert weights == {
        ("Rebel Front", "Kandahar"): (3, "Assault"),  # two captures beat one negotiation
        ("Army", "Kandahar"): (1, "Assault"),
        ("Elders", "Kandahar"): (1, "Consult"),
        ("Air Force", "Herat"): (1, "Assault"),
        ("Rebel Front", "Herat"): (1, "Assault"),
        ("Police", "Herat"): (1, "Coerce"),
    }
    assert {n["kind"] for n in data["nodes"]} == {"actor", "place"}


def test_view_max_nodes_keeps_most_recent_with_note(tmp_path: Path) -> None:
    html = write_view(sample_graph(), tmp_path / "v.html", max_nodes=2).read_text("utf-8")
    _, data = parse_page(html)
    dates = sorted(n["start"] for n in data["nodes"] if n["kind"] == "event")
    assert dates == ["2021-08-12", "2021-08-13"]
    assert data["note"] and "2 most recent of 5" in data["note"]
    assert 'id="kg-note"' in html


@pytest.mark.parametrize(
    ("lexical", "datatype", "start", "end"),
    [
        ("2021-08-13", "date", "2021-08-13", "2021-08-13"),
        ("2021-02", "gYearMonth", "2021-02-01", "2021-02-28"),
        ("2020-02", "gYearMonth", "2020-02-01", "2020-02-29"),
        ("2019", "gYear", "2019-01-01", "2019-12-31"),
    ],
)
def test_view_reads_time_precision(lexical: str, datatype: str, start: str, end: str) -> None:
    graph = sample_graph(SAMPLE[:1])
    event = next(iter(graph.subjects(SEM.hasTimeStamp, None)))
    graph.set((event, SEM.hasTimeStamp, Literal(lexical, datatype=URIRef(XSD_IRI + datatype))))
    record = read_events(graph)[0]
    assert (record.when, record.start, record.end) == (lexical, start, end)


def test_view_large_graph_layout_spreads_events() -> None:
    places = ["Kandahar", "Herat", "Kabul", "Kunduz", "Ghazni"]
    events = [
        make_event(
            ("Capture", "Shelling", "Arrest")[i % 3],
            f"Group {i % 17}",
            places[i % 5],
            (dt.date(2021, 1, 1) + dt.timedelta(days=i % 200)).isoformat(),
            doc=f"d{i % 40}",
        )
        for i in range(700)
    ]
    from kg.view import build_view
    from kg.viewlayout import layout

    g, note = build_view(sample_graph(events), "events")
    assert note is None
    pos = layout(g)
    assert set(pos) == set(g.nodes)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in pos.values())
    points = sorted({(round(x), round(y)) for x, y in pos.values()})
    assert len(points) == len(pos)  # no two nodes drawn on top of each other


def test_view_rejects_bad_arguments(tmp_path: Path) -> None:
    graph = sample_graph()
    with pytest.raises(OutputError, match="choose one of: events, actors"):
        write_view(graph, tmp_path / "v.html", view="timeline")
    with pytest.raises(OutputError, match="at least 1"):
        write_view(graph, tmp_path / "v.html", max_nodes=0)


def test_view_failed_write_keeps_old_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "v.html"
    out.write_text("old page", "utf-8")

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("render failed")

    monkeypatch.setattr("kg.view.render_view", broken)
    with pytest.raises(RuntimeError):
        write_view(sample_graph(), out)
    assert out.read_text("utf-8") == "old page"
    assert [p.name for p in tmp_path.iterdir()] == ["v.html"]


def test_view_empty_graph_renders(tmp_path: Path) -> None:
    html = render_view(nx.MultiDiGraph(), "events")
    _, data = parse_page(html)
    assert data["nodes"] == [] and data["edges"] == []
    assert "no events" in data["note"] and 'id="kg-note"' in html


def test_view_cli_writes_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ttl = tmp_path / "g.ttl"
    sample_graph().serialize(ttl, format="turtle")
    out = tmp_path / "page.html"
    assert main(["view", str(ttl), "--out", str(out), "--view", "actors", "--title", "Test"]) == 0
    _, data = parse_page(out.read_text("utf-8"))
    assert data["view"] == "actors"
    assert main(["view", str(tmp_path / "missing.ttl"), "--out", str(out)]) == 1
    assert "no such file" in capsys.readouterr().err
    assert main(["view", str(ttl), "--out", str(out), "--max-nodes", "0"]) == 2
    assert main(["view", str(ttl), "--out", str(tmp_path / "page.png")]) == 1
    assert "ending in .html" in capsys.readouterr().err
    first, second = tmp_path / "a.ttl", tmp_path / "b.nt"
    sample_graph(SAMPLE[:2]).serialize(first, format="turtle")
    sample_graph(SAMPLE[2:]).serialize(second, format="nt", encoding="utf-8")
    assert main(["view", str(first), str(second), "--out", str(out), "-q"]) == 0
    _, data = parse_page(out.read_text("utf-8"))
    assert sum(n["kind"] == "event" for n in data["nodes"]) == len(SAMPLE)


@pytest.mark.parametrize(("n_events", "n_actors", "n_places"), [(50, 5, 3), (3000, 600, 300)])
def test_view_layout_places_every_node_apart(n_events: int, n_actors: int, n_places: int) -> None:
    from kg.viewlayout import layout

    g = nx.MultiDiGraph()
    for i in range(n_events):
        actor, place = f"actor{(i * 7) % n_actors}", f"place{(i * 13) % n_places}"
        g.add_node(f"e{i}", kind="event")
        g.add_node(actor, kind="actor")
        g.add_node(place, kind="place")
        g.add_edge(actor, f"e{i}")
        g.add_edge(f"e{i}", place)
    g.add_node("isolated", kind="place")
    pos = layout(g)
    assert set(pos) == set(g.nodes)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in pos.values())
    assert len({(round(x), round(y)) for x, y in pos.values()}) == len(pos)


@pytest.mark.parametrize(
    ("raw", "derived", "shown"),
    [
        (None, False, "2021-08-13"),
        ("on Friday", False, "2021-08-13 (“on Friday”)"),
        (None, True, "2021-08-13 (publication date, no time expression)"),
    ],
)
def test_view_tooltip_says_where_the_date_came_from(raw: str | None, derived: bool, shown: str) -> None:
    from dataclasses import replace

    day = dt.date(2021, 8, 13)
    event = replace(SAMPLE[0], time=TimeValue(day, day, "day", raw=raw, derived=derived))
    _, data = parse_page(render_view(*build_view_for([event])))
    info = dict(next(n["info"] for n in data["nodes"] if n["kind"] == "event"))
    assert info["Date"] == shown


def build_view_for(events: list[Event]) -> tuple[nx.Graph, str]:
    from kg.view import build_view

    g, _ = build_view(sample_graph(events), "events")
    return g, "events"


def test_view_separate_removes_box_overlaps() -> None:
    from kg.viewlayout import separate

    pos = {"a": (0.0, 0.0), "b": (10.0, 5.0), "c": (12.0, -3.0), "far": (900.0, 900.0)}
    boxes = {"a": (120.0, 30.0), "b": (120.0, 30.0), "c": (60.0, 50.0), "far": (50.0, 50.0)}
    separate(pos, boxes)
    for u in pos:
        for v in pos:
            if u < v:
                dx, dy = abs(pos[u][0] - pos[v][0]), abs(pos[u][1] - pos[v][1])
                assert (
                    dx >= (boxes[u][0] + boxes[v][0]) / 2 - 1e-6
                    or dy >= (boxes[u][1] + boxes[v][1]) / 2 - 1e-6
                )
    assert pos["far"] == (900.0, 900.0)


@pytest.mark.model
@pytest.mark.slow
def test_view_seed_article_shows_the_capture(nlp: Any, seed_path: Path, tmp_path: Path) -> None:
    from kg.pipeline import build

    result = build([str(seed_path)], tmp_path, date=dt.date(2021, 8, 13), nlp=nlp)
    assert result.html_path is not None
    _, data = parse_page(result.html_path.read_text("utf-8"))
    node = {n["id"]: n for n in data["nodes"]}
    captures = [n for n in data["nodes"] if n["label"] == "Capture · 2021-08-13"]
    assert captures
    linked = {
        (node[e["from"]]["label"], e["role"], node[e["to"]]["label"])
        for e in data["edges"]
        if e["from"] in {c["id"] for c in captures} or e["to"] in {c["id"] for c in captures}
    }
    assert ("Taliban", "agent", "Capture · 2021-08-13") in linked
    assert ("Capture · 2021-08-13", "place", "Kandahar") in linked


@pytest.mark.parametrize("view", ["events", "actors"])
def test_view_from_a_store_is_the_page_from_its_graph(view: str, tmp_path: Path) -> None:
    from kg.store import Store

    dates = {"doc1": dt.date(2021, 8, 13), "doc2": dt.date(2021, 8, 11)}
    docs = [Document(d, "", day) for d, day in dates.items()]
    store = Store(tmp_path / "db")
    store.add_events(SAMPLE, docs)  # one named graph per document: shared actors are stored twice
    assert read_events(store) == read_events(store.to_graph())
    from_store = write_view(store, tmp_path / "store.html", view=view).read_text("utf-8")
    from_graph = write_view(store.to_graph(), tmp_path / "graph.html", view=view).read_text("utf-8")
    assert from_store == from_graph and len(read_events(store)) == len(SAMPLE)
