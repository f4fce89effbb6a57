"""kg serve and kg push against a real Oxigraph server on a free loopback port."""

from __future__ import annotations

import http.client
import json
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from tests_support import DOCS, EVENTS

from kg.cli import main
from kg.errors import StoreError
from kg.namespaces import PREFIXES as KG_PREFIXES
from kg.push import document_graphs, push_graph, update_endpoint_for
from kg.rdf import events_to_graph
from kg.serve import free_port, start_server
from kg.store import Store, write_graph

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
PREFIXES = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in KG_PREFIXES.items())
CAPTURED_PLACES = "SELECT ?place WHERE { ?e a ckg:Capture ; sem:hasPlace/rdfs:label ?place } ORDER BY ?place"


def _select(url: str, query: str) -> list[dict[str, dict[str, str]]]:
    request = urllib.request.Request(
        f"{url}?{urllib.parse.urlencode({'query': query})}",
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["results"]["bindings"]


def _count(url: str) -> int:
    return int(_select(url, COUNT)[0]["n"]["value"])


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_graph(events_to_graph(EVENTS, DOCS), tmp_path_factory.mktemp("serve") / "graph.ttl")


def test_serve_answers_sparql_over_http(graph_file: Path) -> None:
    with start_server([graph_file]) as server:
        assert server.host == "127.0.0.1"
        rows = _select(server.query_url, PREFIXES + CAPTURED_PLACES)
        assert [r["place"]["value"] for r in rows] == ["Herat", "Kandahar"]


def test_serve_is_read_only_unless_allowed(graph_file: Path) -> None:
    update = b"INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
    with start_server([graph_file]) as server:
        before = _count(server.query_url)
        request = urllib.request.Request(server.update_url, data=update, method="POST",
                                         headers={"Content-Type": "application/sparql-update"})  # fmt: skip
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert refused.value.code in (403, 405)
        assert _count(server.query_url) == before


def test_serve_stop_removes_its_log_and_scratch_store(graph_file: Path) -> None:
    with start_server([graph_file]) as server:
        log, scratch = Path(server.log.name), server.scratch
        assert log.is_file() and scratch is not None and scratch.is_dir()
    assert not log.exists() and not scratch.exists()


def test_serve_store_directory_unions_document_graphs(tmp_path: Path) -> None:
    with Store(tmp_path / "store") as store:
        store.add_events(EVENTS, DOCS)
        size = len(store)
    with start_server([tmp_path / "store"]) as server:
        assert _count(server.query_url) > 0
        graphs = _select(server.query_url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert len(graphs) == 2 and size > 0


def test_serve_timeout_cuts_off_a_runaway_query(graph_file: Path) -> None:
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # ~10^12 rows
    with start_server([graph_file], timeout=1) as server:
        assert _count(server.query_url) > 0  # ordinary queries still answer
        request = urllib.request.Request(
            f"{server.query_url}?{urllib.parse.urlencode({'query': runaway})}",
            headers={"Accept": "application/sparql-results+json"},
        )
        try:  # the server gives up (an error status, or the streamed answer cut short), not our 60 s client
            with urllib.request.urlopen(request, timeout=60) as response:
                body = response.read()
            with pytest.raises(json.JSONDecodeError):
                json.loads(body)
        except urllib.error.HTTPError as err:
            assert err.code >= 500
        except http.client.IncompleteRead:
            pass
        assert _count(server.query_url) > 0  # and it keeps serving


def test_serve_busy_port_is_a_clear_error(graph_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", str(graph_file), "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert "in use" in err and "--port" in err and "Traceback" not in err


def test_serve_cli_runs_until_interrupted(graph_file: Path) -> None:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(graph_file), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().decode()
        assert f"http://127.0.0.1:{port}/query" in line
        assert _count(f"http://127.0.0.1:{port}/query") > 0
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 130
    finally:
        proc.kill()
    with pytest.raises(urllib.error.URLError):  # the Oxigraph child went away with it
        _count(f"http://127.0.0.1:{port}/query")


def test_push_puts_one_named_graph_per_document_and_repush_replaces(graph_file: Path, tmp_path: Path) -> None:
    from kg.store import read_graphs

    graph = read_graphs([graph_file])
    parts = dict(document_graphs(graph))
    assert len(parts) == 2
    empty = write_graph(events_to_graph([], []), tmp_path / "e.ttl")
    with start_server([empty], allow_update=True) as server:
        first = push_graph(graph, server.store_url)
        assert first.graphs == 2 and first.protocol == "gsp"
        names = {
            r["g"]["value"]
            for r in _select(server.query_url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        }
        assert names == {str(n) for n in parts}
        total = _count(server.query_url)
        push_graph(graph, server.store_url)  # same documents again: replaced, not duplicated
        assert _count(server.query_url) == total
        assert (
            main(
                ["push", str(graph_file), "--endpoint", server.store_url, "--graph", "http://example.org/all"]
            )
            == 0
        )
        one = _select(
            server.query_url, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/all> { ?s ?p ?o } }"
        )
        assert int(one[0]["n"]["value"]) == len(graph)


def test_push_falls_back_to_sparql_update(graph_file: Path, tmp_path: Path) -> None:
    from kg.store import read_graphs

    graph = read_graphs([graph_file])
    with start_server(
        [write_graph(events_to_graph([], []), tmp_path / "e.ttl")], allow_update=True
    ) as server:
        missing_gsp = f"{server.url}/no-such-gsp"  # answers 404: push uses SPARQL Update instead
        result = push_graph(graph, missing_gsp, update_endpoint=server.update_url, batch_size=50)
        assert result.protocol == "update"
        total = _count(server.query_url)
        push_graph(graph, missing_gsp, update_endpoint=server.update_url, batch_size=50)
        assert _count(server.query_url) == total


def _construct_graph(url: str, name: str) -> Graph:
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"
    request = urllib.request.Request(
        f"{url}?{urllib.parse.urlencode({'query': query})}",
        headers={"Accept": "application/n-triples"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return Graph().parse(data=response.read().decode("utf-8"), format="nt")


def test_push_store_sends_its_document_graphs_as_they_are(tmp_path: Path, graph_file: Path) -> None:
    with Store(tmp_path / "store") as store:
        store.add_events(EVENTS, DOCS)
        local = dict(store.document_graphs())
        union = len(store.to_graph())
    assert len(local) == len(DOCS)
    with start_server(
        [write_graph(events_to_graph([], []), tmp_path / "e.ttl")], allow_update=True
    ) as server:
        for _ in range(2):  # the second push replaces the graphs: nothing doubles
            assert main(["push", "--store", str(tmp_path / "store"), "--endpoint", server.store_url]) == 0
            assert _count(server.query_url) == sum(
                len(Graph().parse(data=nt, format="nt")) for nt in local.values()
            )
        for name, nt in local.items():
            remote = _construct_graph(server.query_url, name)
            assert isomorphic(remote, Graph().parse(data=nt, format="nt")) and len(remote) > 10
        everything = "http://example.org/everything"
        assert (
            main(
                [
                    "push",
                    "--store",
                    str(tmp_path / "store"),
                    "--endpoint",
                    server.store_url,
                    "--graph",
                    everything,
                ]
            )
            == 0
        )
        assert len(_construct_graph(server.query_url, everything)) == union


@pytest.mark.parametrize(
    ("endpoint", "expected"),
    [("http://localhost:7878/store", "http://localhost:7878/update"),
     ("http://localhost:3030/ds/data", "http://localhost:3030/ds/update"),
     ("http://localhost:7200/repositories/r/rdf-graphs/service", "http://localhost:7200/repositories/r/statements"),
     ("http://example.org/sparql", None)],
)  # fmt: skip
def test_push_update_endpoint_guess(endpoint: str, expected: str | None) -> None:
    assert update_endpoint_for(endpoint) == expected


def test_push_unreachable_or_bad_endpoint_is_a_clear_error(
    graph_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    port = free_port()  # nothing listens there
    assert main(["push", str(graph_file), "--endpoint", f"http://127.0.0.1:{port}/store"]) == 1
    assert "cannot reach" in capsys.readouterr().err
    assert main(["push", str(graph_file), "--endpoint", "ftp://x"]) == 1
    assert "not an http(s) URL" in capsys.readouterr().err
    with pytest.raises(StoreError):
        push_graph(events_to_graph(EVENTS, DOCS), "file:///etc/passwd")
