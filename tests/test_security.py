"""Untrusted article text never becomes markup or breaks IRIs (hypothesis-generated hostile strings)."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.model import Actor, Document, Event, EventFrame, Mention, Place, TimeValue
from kg.rdf import events_to_graph
from kg.view import write_view

PIECES = [*"<>\"'&/\\ \n\t{}|^`=;:!-abcXYZ", "<script>", "</script>", "<img src=x onerror=alert(1)>", "<!--",
          "-->", "]]>", "\u202e", "\u200f", "😀", "بغداد", '"""', "javascript:"]  # fmt: skip
HOSTILE = st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]


def _graph(text: str) -> Graph:
    day = dt.date(2024, 5, 1)
    frame = EventFrame("doc", text, 0, Mention(text[:20] or "x", 0, 1, "TRIGGER", "attack"), "Assault",
                       reported_by=Mention(text, 0, 1, "PERSON"))  # fmt: skip
    actor = Actor(key=text, label=text, sector="REB")
    place = Place(key=text, label=text, lat=1.5, lon=2.5, kind="city")
    event = Event(frame, (actor,), (actor,), (place,), TimeValue(day, day, "day", text), actor)
    return events_to_graph([event], [Document(text, text, day, title=text)])


def _tags(path: Path) -> _Tags:
    parser = _Tags()
    parser.feed(path.read_text("utf-8"))
    return parser


def test_security_benign_page_shape(tmp_path: Path) -> None:
    write_view(_graph("Rebel Front"), tmp_path / "ok.html")
    assert _tags(tmp_path / "ok.html").tags.count("script") >= 1


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=HOSTILE)
def test_security_hostile_text_never_becomes_markup(tmp_path: Path, text: str) -> None:
    write_view(_graph("Rebel Front"), tmp_path / "ok.html")
    write_view(_graph(text), tmp_path / "page.html")
    benign, hostile = _tags(tmp_path / "ok.html"), _tags(tmp_path / "page.html")
    assert hostile.tags == benign.tags  # the same elements, whatever the article says
    assert hostile.handlers == benign.handlers
    assert "<script>alert" not in (tmp_path / "page.html").read_text("utf-8")


@settings(max_examples=40, deadline=None)
@given(text=HOSTILE)
def test_security_hostile_names_round_trip_through_turtle_and_ntriples(text: str) -> None:
    graph = _graph(text)
    for fmt in ("turtle", "nt"):
        again = Graph().parse(data=graph.serialize(format=fmt), format=fmt)
        assert isomorphic(graph, again)
    for s, p, o in graph:
        for term in (s, p, o):
            if term.__class__.__name__ == "URIRef":
                assert not set(str(term)) & set('<>"{}|^`\\ \n\t'), term
