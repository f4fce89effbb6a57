"""kg.store: atomic writes, clear parse errors, and the Oxigraph store with one graph per document."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg import rdfio as store_module
from kg.errors import GraphError, InputError, OutputError
from kg.model import Actor, Document, Event, EventFrame, Mention, Place
from kg.rdf import events_to_graph, graph_iri
from kg.store import Store, read_graphs, write_graph

DAY = dt.date(2029, 6, 1)


def make_event(doc_id: str, agent: str = "river-brigade", cls: str = "ArmedClash", offset: int = 0) -> Event:
    sentence = "The brigade clashed with militia near Stonebridge."
    frame = EventFrame(doc_id, sentence, offset, Mention("clashed", offset + 12, offset + 19), cls)
    return Event(
        frame=frame,
        agents=(Actor(agent, agent.replace("-", " ").title()),),
        places=(Place("stonebridge", "Stonebridge", lat=10.0, lon=20.0),),
    )


def doc_graph(doc_id: str, *events: Event) -> Graph:
    return events_to_graph(events or (make_event(doc_id),), [Document(doc_id, "", DAY)])


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq", ".trig", ".jsonld"])
def test_store_write_then_read_is_isomorphic(tmp_path: Path, suffix: str) -> None:
    graph = doc_graph("d1")
    path = write_graph(graph, tmp_path / f"graph{suffix}")
    assert isomorphic(read_graphs([path]), graph)


def test_store_failed_serialisation_leaves_the_old_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "graph.ttl"
    write_graph(doc_graph("old"), target)
    before = target.read_bytes()

    def explode(graph: Graph, fmt: str) -> bytes:
        raise RuntimeError("serializer crashed")

    monkeypatch.setattr(store_module, "serialize", explode)
    with pytest.raises(RuntimeError):
        write_graph(doc_graph("new"), target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


def test_store_failed_disk_write_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "graph.nt"
    write_graph(doc_graph("old"), target)
    before = target.read_bytes()

    def no_space(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OutputError, match="No space left"):
        write_graph(doc_graph("new"), target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nt"]


def test_store_write_into_missing_directory_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        write_graph(doc_graph("d"), tmp_path / "nowhere" / "graph.ttl")


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("bad.ttl", '@prefix a: <http://x.example/> .\na:b a:c a:d .\na:e a:f "open .\n', 3),
        (
            "bad.nt",
            "<http://a.example/> <http://b.example/> <http://c.example/> .\n<http://a.example/> <b> .\n",
            2,
        ),
        ("bad.jsonld", '{"@id": "http://a.example/",\n "http://b.example/": [1,}\n', 2),
    ],
)
def test_store_malformed_file_is_a_graph_error_with_file_and_line(
    tmp_path: Path, name: str, content: str, line: int
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GraphError) as info:
        read_graphs([path])
    message = str(info.value)
    assert name in message and f"line {line}" in message


def test_store_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_graphs([tmp_path / "absent.ttl"])


def test_store_unknown_suffix_names_the_choices(tmp_path: Path) -> None:
    path = tmp_path / "graph.txt"
    path.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match=r"\.ttl"):
        read_graphs([path])


def test_store_read_graphs_unions_several_files(tmp_path: Path) -> None:
    a = write_graph(doc_graph("a"), tmp_path / "a.ttl")
    b = write_graph(doc_graph("b", make_event("b", agent="hill-militia")), tmp_path / "b.nq")
    union = read_graphs([a, b])
    assert len(union) > len(doc_graph("a"))
    assert isomorphic(union, doc_graph("a") + doc_graph("b", make_event("b", agent="hill-militia")))


def test_store_replace_document_does_not_duplicate(tmp_path: Path) -> None:
    store = Store(tmp_path / "db")
    store.replace_document("d1", doc_graph("d1"))
    size = len(store)
    store.replace_document("d1", doc_graph("d1"))
    assert len(store) == size == len(doc_graph("d1"))


def test_store_replacing_a_document_drops_its_old_events(tmp_path: Path) -> None:
    store = Store(tmp_path / "db")
    store.replace_document("d1", doc_graph("d1", make_event("d1", agent="old-unit")))
    store.replace_document("d1", doc_graph("d1", make_event("d1", agent="new-unit")))
    labels = {str(row["l"].value) for row in store.query("SELECT ?l WHERE { ?e ckg:agent/rdfs:label ?l }")}
    assert labels == {"New Unit"}


def test_store_same_event_in_two_documents_reads_as_one_node(tmp_path: Path) -> None:
    store = Store(tmp_path / "db")
    store.replace_document("d1", doc_graph("d1"))
    store.replace_document("d2", doc_graph("d2", make_event("d2", offset=100)))
    events = list(store.query("SELECT DISTINCT ?e WHERE { ?e a sem:Event }"))
    docs = list(store.query("SELECT DISTINCT ?d WHERE { ?e prov:wasDerivedFrom ?d }"))
    assert len(events) == 1 and len(docs) == 2
    store.remove_document("d2")
    assert len(list(store.query("SELECT DISTINCT ?d WHERE { ?e prov:wasDerivedFrom ?d }"))) == 1


@pytest.mark.parametrize("doc_id", ["plain", "with space/and slash", "ünï #?&", 'quote"<>'])
def test_store_document_ids_round_trip(tmp_path: Path, doc_id: str) -> None:
    store = Store(tmp_path / "db")
    store.replace_document(doc_id, doc_graph(doc_id))
    assert store.has_document(doc_id) and not store.has_document(doc_id + "x")
    assert store.document_ids() == [doc_id]


def test_store_persists_and_exports(tmp_path: Path) -> None:
    events = [make_event("d1"), make_event("d2", agent="hill-militia", offset=100)]
    documents = [Document("d1", "", DAY), Document("d2", "", DAY)]
    with Store(tmp_path / "db") as store:
        assert store.add_events(events, documents) == 2
    reopened = Store(tmp_path / "db")
    assert reopened.document_ids() == ["d1", "d2"]
    assert isomorphic(reopened.to_graph(), events_to_graph(events, documents))
    assert len(list(reopened.dataset().graphs())) >= 2


def test_store_query_with_substitutions(tmp_path: Path) -> None:
    store = Store(tmp_path / "db")
    store.replace_document("d1", doc_graph("d1"))
    rows = list(
        store.query(
            "SELECT ?e ?label { ?e ckg:agent/rdfs:label ?label }",
            {"label": pyoxigraph.Literal("River Brigade")},
        )
    )
    none = list(
        store.query("SELECT ?e ?label { ?e ckg:agent/rdfs:label ?label }", {"label": pyoxigraph.Literal("x")})
    )
    assert len(rows) == 1 and none == []


def test_store_bulk_load_of_nquads(tmp_path: Path) -> None:
    source = Store()
    source.replace_document("d1", doc_graph("d1"))
    dump = source.dump(tmp_path / "all.nq")
    target = Store(tmp_path / "db")
    target.bulk_load(dump)
    assert target.document_ids() == ["d1"] and len(target) == len(doc_graph("d1"))


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".trig", ".nq"])
def test_store_output_is_byte_identical_for_the_same_graph(tmp_path: Path, suffix: str) -> None:
    events = [make_event("d1"), make_event("d1", agent="hill-militia", offset=100)]
    first = write_graph(events_to_graph(events, [Document("d1", "", DAY)]), tmp_path / f"a{suffix}")
    second = write_graph(events_to_graph(events[::-1], [Document("d1", "", DAY)]), tmp_path / f"b{suffix}")
    assert first.read_bytes() == second.read_bytes()


def test_store_new_files_get_the_usual_permissions_and_replacements_keep_theirs(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        fresh = write_graph(doc_graph("d1"), tmp_path / "fresh.ttl")
        assert fresh.stat().st_mode & 0o777 == 0o644
        fresh.chmod(0o640)
        write_graph(doc_graph("d2"), fresh)
        assert fresh.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(mask)


def test_store_hostile_text_cannot_escape_the_insert(tmp_path: Path) -> None:
    sentence = 'He said "} } ; DROP ALL ; INSERT DATA { <x:a> <x:b> <x:c> }\n""" \\ done. It clashed.'
    start = sentence.index("clashed")
    frame = EventFrame("d1", sentence, 0, Mention("clashed", start, start + 7), "ArmedClash")
    event = Event(frame, agents=(Actor('a"}>', 'Unit "}> ;'),), places=())
    graph = doc_graph("d1", event)
    store = Store(tmp_path / "db")
    store.replace_document("other", doc_graph("other"))
    store.replace_document("d1", graph)
    assert store.document_ids() == ["d1", "other"]
    assert isomorphic(store.dataset().graph(graph_iri("d1")), graph)


@pytest.mark.parametrize("suffix", [".ttl", ".nt"])
def test_store_dump_of_triples_is_the_union_graph_with_rdflib_decimals(tmp_path: Path, suffix: str) -> None:
    store = Store(tmp_path / "db")
    store.add_events([make_event("d1"), make_event("d2")], [Document("d1", "", DAY), Document("d2", "", DAY)])
    expected = events_to_graph(
        [make_event("d1"), make_event("d2")], [Document(d, "", DAY) for d in ("d1", "d2")]
    )
    dumped = read_graphs([store.dump(tmp_path / f"union{suffix}")])
    assert isomorphic(dumped, expected)  # the shared actor and place once; lat "10.0", not Oxigraph's "10"
    assert isomorphic(dumped, store.to_graph())


def test_store_dump_is_byte_identical_whatever_the_insertion_order(tmp_path: Path) -> None:
    documents = [Document(f"d{i}", "", DAY) for i in range(5)]
    events = [make_event(d.id, agent=f"unit-{i % 2}", offset=i) for i, d in enumerate(documents)]
    dumps = []
    for name, order in (("a", documents), ("b", documents[::-1])):
        store = Store(tmp_path / name)
        for document in order:
            store.add_events([e for e in events if e.doc_id == document.id], [document])
        dumps.append(store.dump(tmp_path / f"{name}.ttl").read_bytes())
    assert dumps[0] == dumps[1] and b"@prefix ckg:" in dumps[0]


def test_store_dump_refuses_formats_it_cannot_stream(tmp_path: Path) -> None:
    with pytest.raises(GraphError, match=r"\.nq, \.trig, \.ttl or \.nt"):
        Store().dump(tmp_path / "graph.jsonld")


def test_store_replacing_a_document_is_one_transaction_and_new_ones_are_loaded(tmp_path: Path) -> None:
    store = Store(tmp_path / "db")
    store.add_events([make_event("d1")], [Document("d1", "", DAY)])
    store.add_events([make_event("d1", agent="hill-militia", cls="Shelling")], [Document("d1", "", DAY)])
    labels = {row[0].value for row in store.query("SELECT ?l { ?e ckg:agent/rdfs:label ?l }")}
    assert labels == {"Hill Militia"} and store.document_ids() == ["d1"]
    assert isomorphic(store.to_graph(), events_to_graph([make_event("d1", "hill-militia", "Shelling")],
                                                         [Document("d1", "", DAY)]))  # fmt: skip
