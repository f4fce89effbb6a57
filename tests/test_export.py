"""kg.export and the export/validate commands: RDF round trips, the ACLED-like CSV, GeoJSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.cli import main
from kg.export import CSV_COLUMNS, EXPORT_FORMATS, export_graph, export_rows, to_geojson
from kg.model import Actor, Document, Event, EventFrame, Mention, Place, Quantity, TimeValue
from kg.namespaces import CKG
from kg.rdf import events_to_graph
from kg.store import read_graphs, write_graph

DAY = dt.date(2032, 5, 9)
MILITIA = Actor("valley-militia", "Valley Militia", sector="REB", country="ZZZ")
GUARD = Actor("national-guard", "National Guard", sector="MIL", country="ZZZ")
ALLY = Actor("hill-fighters", "Hill Fighters", sector="REB")
PORT = Place("port-amber", "Port Amber", geonames_id=4242, lat=-4.5, lon=39.25, country="ZZZ", admin1="Coast")
MINE = Place("old-mine", "Old Mine", lat=-4.75, lon=39.0, country="ZZZ", kind="site")
NOWHERE = Place("unmapped", "Unmapped Village")


def event(
    cls: str,
    trigger: str,
    sentence: str,
    agents: tuple[Actor, ...],
    places: tuple[Place, ...],
    offset: int,
    doc_id: str = "n1",
    **frame_fields: Any,
) -> Event:
    start = offset + sentence.index(trigger)
    mention = Mention(trigger, start, start + len(trigger))
    frame = EventFrame(doc_id, sentence, offset, mention, cls, **frame_fields)
    return Event(frame, agents=agents, places=places, time=TimeValue(DAY, DAY, "day"), doc_date=DAY)


EVENTS = [
    event(
        "Capture",
        "overran",
        "The Valley Militia and Hill Fighters overran Port Amber.",
        (MILITIA, ALLY),
        (PORT,),
        0,
    ),
    event("Capture", "retook", "The National Guard retook the Old Mine.", (GUARD,), (MINE,), 60),
    event(
        "AirStrike",
        "air strike",
        "An air strike on Port Amber killed 4, officials said.",
        (GUARD,),
        (PORT,),
        110,
        quantities=(Quantity("fatalities", 4, "4"),),
    ),
    event("Protest", "marched", "Residents marched in Unmapped Village.", (), (NOWHERE,), 170, negated=True),
    event(
        "Capture",
        "seized",
        "Militia seized Port Amber, a second report said.",
        (MILITIA, ALLY),
        (PORT,),
        0,
        "n2",
    ),
]
DOCS = [Document("n1", "", DAY, "First"), Document("n2", "", DAY, "Second")]


@pytest.fixture(scope="module")
def graph() -> Graph:
    return events_to_graph(EVENTS, DOCS)


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nt", "nquads", "jsonld"])
def test_export_rdf_formats_round_trip(graph: Graph, fmt: str) -> None:
    data = export_graph(graph, fmt)
    parsed: Graph = Dataset() if fmt in ("trig", "nquads") else Graph()
    parsed.parse(data=data.decode("utf-8"), format={"jsonld": "json-ld"}.get(fmt, fmt))
    triples = Graph()
    for quad in parsed.quads() if isinstance(parsed, Dataset) else ((*t, None) for t in parsed):
        triples.add(quad[:3])
    assert isomorphic(triples, graph)


def _csv(graph: Graph) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(export_graph(graph, "csv").decode("utf-8"))))


def test_export_csv_has_the_columns_and_one_row_per_event(graph: Graph) -> None:
    text = export_graph(graph, "csv").decode("utf-8")
    assert next(csv.reader(io.StringIO(text))) == list(CSV_COLUMNS)
    rows = _csv(graph)
    distinct = {str(s) for s in graph.subjects(CKG.category, None)}
    assert len(rows) == len(distinct) == 4  # the two Port Amber captures are one event
    assert {row["event_id"] for row in rows} == distinct


def test_export_csv_row_content(graph: Graph) -> None:
    rows = {(row["event_class"], row["place"]): row for row in _csv(graph)}
    overran = rows[("Capture", "Port Amber")]
    assert overran["agent"] == "Hill Fighters; Valley Militia"
    assert overran["acled_event_type"] == "Battles"
    assert overran["acled_sub_event_type"] == "Non-state actor overtakes territory"
    assert overran["document"] == "n1; n2" and " | " in overran["evidence"]
    assert (overran["latitude"], overran["longitude"], overran["admin1"]) == ("-4.5", "39.25", "Coast")
    assert overran["event_date"] == "2032-05-09" and overran["plover_category"] == "Assault"
    retook = rows[("Capture", "Old Mine")]
    assert retook["acled_sub_event_type"] == "Government regains territory"
    strike = rows[("AirStrike", "Port Amber")]
    assert strike["fatalities"] == "4" and strike["acled_sub_event_type"] == "Air/drone strike"
    protest = rows[("Protest", "Unmapped Village")]
    assert protest["negated"] == "true" and protest["latitude"] == "" and protest["agent"] == ""


def test_export_rows_survive_hostile_text() -> None:
    nasty = 'He said "stop",\nthen; left | quickly'
    g = events_to_graph([event("Killing", "killed", f"Gunmen killed a man. {nasty}", (), (PORT,), 0)], DOCS)
    (row,) = _csv(g)
    assert nasty in row["evidence"]
    assert export_rows(g)[0]["evidence"] == row["evidence"]


def test_export_geojson_places(graph: Graph) -> None:
    collection = json.loads(export_graph(graph, "geojson"))
    assert collection["type"] == "FeatureCollection"
    features = {f["properties"]["label"]: f for f in collection["features"]}
    assert set(features) == {"Port Amber", "Old Mine"}  # the unmapped village has no coordinates
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
    port = features["Port Amber"]
    assert port["geometry"]["coordinates"] == [39.25, -4.5]
    assert port["properties"]["geonames_id"] == 4242 and port["properties"]["event_count"] == 2
    assert port["properties"]["event_classes"] == ["AirStrike", "Capture"]
    assert to_geojson(Graph()) == {"type": "FeatureCollection", "features": []}


def test_export_command_writes_every_format(
    graph: Graph, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_graph(graph, tmp_path / "graph.ttl")
    suffixes = {"turtle": ".ttl", "trig": ".trig", "nt": ".nt", "nquads": ".nq", "jsonld": ".jsonld"}
    for fmt in EXPORT_FORMATS:
        out = tmp_path / f"out{suffixes.get(fmt, '.' + fmt)}"
        assert main(["export", str(source), "--format", fmt, "--out", str(out)]) == 0
        if fmt in suffixes:
            assert isomorphic(read_graphs([out]), graph)
        else:
            assert out.read_bytes() == export_graph(graph, fmt)
    assert main(["export", str(source), "-f", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == ",".join(CSV_COLUMNS)


def test_export_command_missing_input_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "absent.ttl"), "-f", "csv"]) == 1
    assert "no such file" in capsys.readouterr().err


def test_validate_command_exit_status(
    graph: Graph, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write_graph(graph, tmp_path / "good.ttl")
    assert main(["validate", str(good)]) == 0
    assert "conforms" in capsys.readouterr().out
    broken = Graph() + graph
    broken.remove((None, CKG.evidence, None))
    bad = write_graph(broken, tmp_path / "bad.nt")
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "does NOT conform" in out and "ckg:evidence" in out


@pytest.mark.parametrize(
    ("cls", "category", "acled_type", "acled_sub"),
    [
        ("Threaten", "Threaten", "", ""),
        ("Assault", "Assault", "", ""),
        ("Arrest", "Coerce", "Strategic developments", "Arrests"),
        ("Bombing", "Assault", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ],
)
def test_export_csv_acled_columns_follow_the_ontology(
    cls: str, category: str, acled_type: str, acled_sub: str
) -> None:
    g = events_to_graph([event(cls, "did", "The guard did it in Port Amber.", (GUARD,), (PORT,), 0)], DOCS)
    (row,) = _csv(g)
    assert (row["event_class"], row["plover_category"]) == (cls, category)
    assert (row["acled_event_type"], row["acled_sub_event_type"]) == (acled_type, acled_sub)
