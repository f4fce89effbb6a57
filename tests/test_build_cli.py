"""`kg build` end to end: files written, streaming inputs, stores, workers and failure modes."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from spacy.language import Language

from kg.cli import main
from kg.documents import read_documents
from kg.errors import OutputError
from kg.pipeline import build
from kg.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLE = EXAMPLES / "kandahar_offensive.txt"
JSONL = EXAMPLES / "articles.jsonl"

DOCS_QUERY = """SELECT ?id (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?e a sem:Event ; prov:wasDerivedFrom ?d . ?d dcterms:identifier ?id } GROUP BY ?id"""


def _counts(graph: Graph) -> dict[str, int]:
    from kg.namespaces import PREFIXES

    return {str(row[0]): int(row[1]) for row in graph.query(DOCS_QUERY, initNs=PREFIXES)}


def _jsonl(path: Path, n: int, bad_line: int | None = None) -> Path:
    towns = ["Gao", "Mopti", "Kidal", "Timbuktu", "Menaka"]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            if i == bad_line:
                fh.write("{this is not json\n")
                continue
            town = towns[i % len(towns)]
            text = f"Militants attacked an army base near {town} on Monday, killing {i + 2} soldiers."
            fh.write(json.dumps({"id": f"doc-{i:03d}", "date": "2023-05-02", "text": text}) + "\n")
    return path


def test_build_cli_writes_graph_and_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["build", str(ARTICLE), "--date", "2021-08-13", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert str(out / "graph.ttl") in printed and str(out / "graph.html") in printed
    graph = Graph().parse(out / "graph.ttl")
    counts = _counts(graph)
    assert counts.get("kandahar_offensive", 0) >= 5
    assert "<html" in (out / "graph.html").read_text("utf-8").lower()


def test_build_cli_reads_jsonl_from_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = JSONL.read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["build", "-", "--out", str(tmp_path), "--no-html", "-q"]) == 0
    ids = set(_counts(Graph().parse(tmp_path / "graph.ttl")))
    assert ids == {json.loads(line)["id"] for line in data.decode().splitlines()}
    assert not (tmp_path / "graph.html").exists()


def test_build_pipeline_skips_malformed_line_and_reports_it(
    tmp_path: Path, nlp: Language, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _jsonl(tmp_path / "in.jsonl", 6, bad_line=3)
    result = build([str(source)], tmp_path / "out", nlp=nlp, html=False)
    assert result.documents == 5
    assert len(result.errors) == 1 and f"{source}:4: malformed JSON" in result.errors[0]
    assert len(_counts(Graph().parse(result.graph_path))) == 5


def test_build_store_is_incremental_and_resumable(tmp_path: Path, nlp: Language) -> None:
    store_dir = tmp_path / "store"
    first = build([str(_jsonl(tmp_path / "a.jsonl", 4))], None, nlp=nlp, store_dir=store_dir)
    assert first.documents == 4 and first.skipped_existing == 0
    with Store(store_dir) as store:
        size = len(store)
        assert store.document_ids() == [f"doc-{i:03d}" for i in range(4)]
    again = build([str(_jsonl(tmp_path / "b.jsonl", 6))], tmp_path / "out", nlp=nlp, store_dir=store_dir)
    assert again.documents == 2 and again.skipped_existing == 4
    forced = build([str(tmp_path / "b.jsonl")], None, nlp=nlp, store_dir=store_dir, force=True)
    assert forced.documents == 6 and forced.skipped_existing == 0
    with Store(store_dir) as store:
        assert len(store.document_ids()) == 6
        assert len(store) > size
        union = store.to_graph()
    assert isomorphic(union, Graph().parse(again.graph_path))


@pytest.mark.slow
def test_build_two_workers_give_the_same_graph(tmp_path: Path, nlp: Language) -> None:
    source = _jsonl(tmp_path / "in.jsonl", 12)
    one = build([str(source)], tmp_path / "one", nlp=nlp, html=False)
    two = build([str(source)], tmp_path / "two", workers=2, batch_size=3, html=False)
    assert isomorphic(Graph().parse(one.graph_path), Graph().parse(two.graph_path))
    assert one.events == two.events > 0


@pytest.mark.slow
def test_build_forked_workers_share_the_loaded_pipeline(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.nlp
    from kg.workers import extract_stream

    loads = tmp_path / "loads"
    real = kg.nlp.load_pipeline

    def counted(model: str | None = None, **kwargs: object) -> Language:
        with loads.open("a") as marks:  # workers are other processes: they leave a mark in a file
            marks.write(f"{os.getpid()}\n")
        return real(model, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(kg.nlp, "load_pipeline", counted)  # the forked workers inherit this
    documents = list(read_documents([str(_jsonl(tmp_path / "in.jsonl", 6))]))
    outcomes = list(extract_stream(documents, nlp=nlp, workers=2, batch_size=2))
    assert [o.document.id for o in outcomes] == [d.id for d in documents]
    assert all(o.error is None for o in outcomes) and sum(len(o.events) for o in outcomes) > 0
    assert not loads.exists()  # nobody loaded the model: the workers used the one passed in


def test_build_cli_out_is_a_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "file"
    target.write_text("keep me")
    assert main(["build", str(ARTICLE), "--out", str(target)]) == 1
    assert "not a directory" in capsys.readouterr().err
    assert target.read_text() == "keep me"


def test_build_cli_unwritable_out_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if os.geteuid() == 0:  # root ignores permission bits; /proc refuses everyone
        if not Path("/proc/self").exists():
            pytest.skip("needs /proc to make an unwritable directory as root")
        target = Path("/proc/kg-test-out")
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        target = locked / "out"
    assert main(["build", str(ARTICLE), "--out", str(target), "--date", "2021-08-13"]) == 1
    err = capsys.readouterr().err
    assert "writ" in err and str(target.parent) in err
    assert "Traceback" not in err


def test_build_failed_run_leaves_existing_graph_untouched(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build([str(ARTICLE)], out, nlp=nlp, html=False)
    before = (out / "graph.ttl").read_bytes()

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("kg.view.write_view", broken)
    with pytest.raises(OutputError, match="disk full"):
        build([str(JSONL)], out, nlp=nlp)
    assert (out / "graph.ttl").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]


@pytest.mark.parametrize(
    ("argv", "code", "needle"),
    [
        (["build", "missing.txt", "--out", "x"], 1, "no such file"),
        (["build", str(ARTICLE), "--out", "x", "--date", "13/08/2021"], 2, "YYYY-MM-DD"),
        (["build", str(ARTICLE), "--out", "x", "--workers", "0"], 2, "at least 1"),
        (["build", str(ARTICLE)], 1, "--out"),
        (["build", str(ARTICLE), "--out", "x", "--base-iri", "not an iri"], 1, "base"),
        (["build", str(ARTICLE), "--out", "x", "--model", "no_such_model_xyz"], 1, "pip install"),
        (["frobnicate"], 2, "invalid choice"),
    ],
)
def test_build_cli_exit_codes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    argv: list[str], code: int, needle: str,
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert main(argv) == code
    err = capsys.readouterr().err
    assert needle in err
    assert "Traceback" not in err
    assert not (tmp_path / "x" / "graph.ttl").exists()


def test_build_cli_no_shared_state_between_out_dirs(tmp_path: Path) -> None:
    shutil.copy(ARTICLE, tmp_path / "a.txt")
    assert main(["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o1"), "-q", "--no-html"]) == 0
    assert main(["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o2"), "-q", "--no-html"]) == 0
    assert isomorphic(Graph().parse(tmp_path / "o1/graph.ttl"), Graph().parse(tmp_path / "o2/graph.ttl"))
