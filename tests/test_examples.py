"""The shipped examples and the README's commands work end to end, and their graphs keep the contract."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rdflib import Graph
from spacy.language import Language

from kg.cli import main
from kg.namespaces import CKG_IRI, PREFIXES
from kg.ontology import load_ontology, validate_graph
from kg.pipeline import build

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"

CAPTURE = """SELECT ?date WHERE {
  ?e a sem:Event, ckg:Capture ; ckg:agent/rdfs:label "Taliban" ; sem:hasPlace ?p ; sem:hasTimeStamp ?date ;
     prov:wasDerivedFrom ?doc ; ckg:evidence ?text .
  ?p rdfs:label "Kandahar" ; geo:lat ?lat ; geo:long ?long .
  ?doc dcterms:identifier ?id ; dcterms:date ?published .
}"""


def _build(nlp: Language, tmp_path: Path, inputs: list[str], date: dt.date | None) -> Graph:
    result = build(inputs, tmp_path, date=date, nlp=nlp)
    assert result.graph_path is not None and result.events > 0
    return Graph().parse(result.graph_path)


@pytest.fixture(scope="module")
def seed_graph(nlp: Language, seed_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Graph:
    return _build(nlp, tmp_path_factory.mktemp("seed"), [str(seed_path)], dt.date(2021, 8, 13))


def test_examples_seed_has_the_kandahar_capture_dated_by_the_article(seed_graph: Graph) -> None:
    dates = {str(row[0]) for row in seed_graph.query(CAPTURE, initNs=PREFIXES)}
    assert "2021-08-13" in dates


@pytest.mark.parametrize(
    ("inputs", "date"),
    [(["kandahar_offensive.txt"], dt.date(2021, 8, 13)), (["articles.jsonl"], None)],
)
def test_examples_graphs_conform_to_the_shapes(
    nlp: Language, tmp_path: Path, inputs: list[str], date: dt.date | None
) -> None:
    graph = _build(nlp, tmp_path, [str(EXAMPLES / i) for i in inputs], date)
    report = validate_graph(graph)
    assert report.conforms, report.text


def test_examples_seed_conforms_and_uses_only_declared_terms(seed_graph: Graph) -> None:
    report = validate_graph(seed_graph)
    assert report.conforms, report.text
    ontology = load_ontology()
    declared = {str(s) for s in ontology.subjects() if str(s).startswith(CKG_IRI)}
    used = {str(t) for triple in seed_graph for t in triple if str(t).startswith(CKG_IRI)}
    assert used and used <= declared, used - declared


def test_examples_readme_demo_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The two commands `make demo` runs, as the README shows them."""
    makefile = (REPO / "Makefile").read_text()
    assert "kg build examples/kandahar_offensive.txt --date 2021-08-13 --out out/demo" in makefile
    assert "kg query out/demo/graph.ttl -f examples/captures.rq" in makefile
    out = tmp_path / "demo"
    args = ["build", str(EXAMPLES / "kandahar_offensive.txt"), "--date", "2021-08-13", "--out", str(out)]
    assert main(args) == 0
    summary = capsys.readouterr().out.splitlines()[0]
    assert main(["query", str(out / "graph.ttl"), "-f", str(EXAMPLES / "captures.rq")]) == 0
    table = capsys.readouterr().out
    assert "Taliban" in table and "Kandahar" in table and "2021-08-13" in table
    readme = (REPO / "README.md").read_text()
    for line in [summary, *table.splitlines()]:  # the README shows the real output of the demo
        assert line.rstrip() in readme, line


def _readme_snippets() -> list[tuple[str, str]]:
    import re

    readme = (REPO / "README.md").read_text()
    return re.findall(r"```python\n(.*?)```\n\n```text\n(.*?)```", readme, re.S)


@pytest.mark.model
@pytest.mark.parametrize("index", range(len(_readme_snippets())))
def test_examples_readme_python_snippets_print_what_the_readme_shows(
    nlp: Language, index: int, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each README Python block followed by a text block prints exactly that text (the session's loaded
    pipeline stands in for ``load_pipeline()``, which it is)."""
    code, expected = _readme_snippets()[index]
    code = code.replace("from kg.nlp import load_pipeline\n", "").replace("nlp = load_pipeline()\n", "")
    exec(compile(code, f"README.md snippet {index}", "exec"), {"nlp": nlp})  # noqa: S102
    assert capsys.readouterr().out == expected
