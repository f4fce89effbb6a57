"""kg query: library and CLI over a hand-built example graph with known answers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from tests_support import DOCS, EVENTS

from kg.cli import main
from kg.errors import QueryError
from kg.named_queries import bind_params, named_queries, named_query
from kg.query import format_result, load_graphs, run_query
from kg.rdf import events_to_graph
from kg.store import Store, write_graph


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_graph(events_to_graph(EVENTS, DOCS), tmp_path_factory.mktemp("q") / "graph.ttl")


@pytest.fixture(scope="module")
def graph(graph_file: Path) -> Graph:
    return load_graphs([graph_file])


def _rows(graph_or_store: object, name: str, **params: str) -> list[tuple[str, ...]]:
    named = named_query(name)
    result = run_query(
        graph_or_store, named.text, bind_params(named, [f"{k}={v}" for k, v in params.items()])
    )
    return [tuple("" if t is None else str(t) for t in row) for row in result.rows]


def _canonical(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    return [tuple("; ".join(sorted(cell.split("; "))) for cell in row) for row in rows]


def test_query_named_library_has_documented_queries() -> None:
    queries = named_queries()
    expected = {"timeline", "who-attacked-whom", "territory-changes", "casualties", "actor-cooccurrence",
                "claimed-vs-asserted", "events-by-actor"}  # fmt: skip
    assert expected <= set(queries)
    assert all(q.title and q.description for q in queries.values())
    assert queries["events-by-actor"].params == ("actor",)


def test_query_territory_changes(graph: Graph) -> None:
    rows = _rows(graph, "territory-changes")
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("2021-08-12", "Herat", "Taliban"),
        ("2021-08-13", "Kandahar", "Taliban"),
    ]


def test_query_who_attacked_whom_excludes_negated(graph: Graph) -> None:
    assert _rows(graph, "who-attacked-whom") == [
        ("Military of Afghanistan", "Taliban", "1"),  # the shelling; the negated assault is left out
        ("Taliban", "Civilians (Afghanistan)", "1"),
    ]


def test_query_casualties_by_place_and_month(graph: Graph) -> None:
    assert _rows(graph, "casualties") == [("Herat", "2021-07", "5", "1"), ("Kandahar", "2021-07", "12", "1")]


def test_query_claimed_vs_asserted(graph: Graph) -> None:
    rows = {(r[0], r[1]): int(r[2]) for r in _rows(graph, "claimed-vs-asserted")}
    assert rows[("Assault", "(asserted by the article)")] == 4
    assert rows[("Assault", "Taliban")] == 1
    assert rows[("Assault", "United Nations")] == 1


def test_query_actor_cooccurrence(graph: Graph) -> None:
    rows = _rows(graph, "actor-cooccurrence")
    assert rows[0] == ("Military of Afghanistan", "Taliban", "3")
    assert ("Civilians (Afghanistan)", "Taliban", "1") in rows


def test_query_timeline_orders_by_place_and_date(graph: Graph) -> None:
    rows = _canonical(_rows(graph, "timeline"))
    assert rows == [
        ("Herat", "2021-07-30", "ArmedClash", "Military of Afghanistan; Taliban", "1"),  # both sides agents
        ("Herat", "2021-08-01", "Shelling", "Military of Afghanistan", "1"),
        ("Herat", "2021-08-12", "Capture", "Taliban", "1"),
        ("Kandahar", "2021-07-20", "Killing", "Taliban", "1"),
        ("Kandahar", "2021-08-13", "Capture", "Taliban", "1"),
    ]


@pytest.mark.parametrize("label", ["Taliban", "taliban", "TALIBAN"])
def test_query_events_by_actor_binds_the_parameter(graph: Graph, label: str) -> None:
    rows = _rows(graph, "events-by-actor", actor=label)
    assert len(rows) == 6  # agent of 4 (incl. the clash), target of 2 (incl. the negated assault)
    assert {r[1] for r in rows} == {"agent", "target"}


@pytest.mark.parametrize("hostile", ['Taliban" ) } SELECT * WHERE { ?s ?p ?o } #', "x\\' . ?s ?p ?o", "}"])
def test_query_hostile_parameter_changes_nothing(graph: Graph, hostile: str) -> None:
    assert _rows(graph, "events-by-actor", actor=hostile) == []


def test_query_subclass_paths_work_with_the_ontology_loaded(graph: Graph, graph_file: Path) -> None:
    q = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a/rdfs:subClassOf* ckg:Assault }"
    assert int(str(run_query(graph, q).rows[0][0])) == 6
    bare = load_graphs([graph_file], ontology=False)
    assert int(str(run_query(bare, q).rows[0][0])) == 1  # only the plain Assault
    category = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e ckg:category ckg:Assault }"
    assert int(str(run_query(bare, category).rows[0][0])) == 6


@pytest.mark.parametrize("copies", [1, 2])
def test_query_store_gives_the_same_rows(graph: Graph, tmp_path: Path, copies: int) -> None:
    """Every named query gives the rdflib rows on a store, also when a second document graph repeats every
    triple (the union then holds each label, event and number twice: nothing may be counted twice)."""
    with Store(tmp_path / "store") as store:
        store.add_events(EVENTS, DOCS)
        if copies == 2:
            store.replace_document("copy", events_to_graph(EVENTS, DOCS))
        for name, query in named_queries().items():  # GROUP_CONCAT order is engine-specific: sort the cells
            params = {p: "taliban" for p in query.params}
            assert _canonical(_rows(store, name, **params)) == _canonical(_rows(graph, name, **params)), name
        assert len(_rows(store, "events-by-actor", actor="taliban")) == 6


@pytest.mark.parametrize("actor", ["Nobody", ""])
def test_query_events_by_actor_unknown_actor_has_no_rows(graph: Graph, tmp_path: Path, actor: str) -> None:
    # rdflib yields one empty solution from a GROUP BY that matched nothing; the query must not let it
    # join with every event
    assert _rows(graph, "events-by-actor", actor=actor) == []
    with Store(tmp_path / "store") as store:
        store.add_events(EVENTS, DOCS)
        assert _rows(store, "events-by-actor", actor=actor) == []


def test_query_formats(graph: Graph) -> None:
    result = run_query(
        graph, "SELECT ?place ?lat WHERE { ?p rdfs:label ?place ; geo:lat ?lat } ORDER BY ?place"
    )
    data = json.loads(format_result(result, "json"))
    assert data["head"]["vars"] == ["place", "lat"]
    assert data["results"]["bindings"][0]["place"] == {"type": "literal", "value": "Herat"}
    assert list(csv.reader(io.StringIO(format_result(result, "csv")))) == [
        ["place", "lat"],
        ["Herat", "34.35"],
        ["Kandahar", "31.61"],
    ]
    tsv = format_result(result, "tsv").splitlines()
    assert tsv[0] == "?place\t?lat" and tsv[1].startswith('"Herat"\t')
    table = format_result(result, "table").splitlines()
    assert table[0].split() == ["place", "lat"] and table[-1] == "(2 rows)"
    assert (
        format_result(run_query(graph, "ASK { ?e a ckg:Capture }"), "json")
        == '{"head": {}, "boolean": true}\n'
    )
    built = run_query(graph, "CONSTRUCT { ?e ckg:agent ?a } WHERE { ?e a ckg:Capture ; ckg:agent ?a }")
    assert len(Graph().parse(data=format_result(built), format="turtle")) == 2


def test_query_syntax_error_names_line_and_column(graph: Graph) -> None:
    with pytest.raises(QueryError, match=r"line 2, column \d+"):
        run_query(graph, "SELECT ?x\nWHERE { ?x a ckg:Capture . FILTER( }")


def test_query_param_errors() -> None:
    named = named_query("events-by-actor")
    with pytest.raises(QueryError, match="actor=VALUE"):
        bind_params(named, ["who=x"])
    with pytest.raises(QueryError, match="needs --param actor"):
        bind_params(named, [])
    assert bind_params(named, ["actor=a=b"]) == {"actor": Literal("a=b")}


@pytest.mark.parametrize(
    ("argv", "code", "needle"),
    [
        (["--name", "territory-changes"], 0, "Kandahar"),
        (["--name", "events-by-actor", "--param", "actor=Taliban", "--format", "csv"], 0, "date,role,class"),
        (["ASK { ?e a ckg:Capture }"], 0, "true"),
        (["SELECT ?x WHERE { ?x ?y }"], 1, "SPARQL syntax error at line 1"),
        (["--name", "nope"], 1, "choose one of"),
        (["--name", "casualties", "--param", "x=1"], 1, "no parameters"),
    ],
)
def test_query_cli(
    graph_file: Path, capsys: pytest.CaptureFixture[str], argv: list[str], code: int, needle: str
) -> None:
    assert main(["query", str(graph_file), *argv]) == code
    out, err = capsys.readouterr()
    assert needle in (out if code == 0 else err)
    assert "Traceback" not in err


def test_query_cli_list_and_usage_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["query", "--list"]) == 0
    assert "territory-changes" in capsys.readouterr().out
    assert main(["query", "ASK {}"]) == 1
    assert "no graph given" in capsys.readouterr().err
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix x: <http://x/> .\nx:a x:b .\nx:c x:d")
    assert main(["query", str(bad), "ASK {}"]) == 1
    assert "line" in capsys.readouterr().err
