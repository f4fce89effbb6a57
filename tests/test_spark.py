"""kg.spark in Spark local mode: N-Quads per partition, bulk-loaded, equal to a `kg build --store`."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from rdflib.compare import isomorphic
from spacy.language import Language

from kg.pipeline import build
from kg.spark import load_nquads, partition_to_nquads
from kg.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_spark_partition_function_writes_named_graph_quads_and_skips_bad_rows() -> None:
    rows = [json.loads(line) for line in (EXAMPLES / "articles.jsonl").read_text().splitlines()]
    rows.insert(1, {"id": "broken"})  # no text
    lines = list(partition_to_nquads(rows))
    quads = [line for line in lines if not line.startswith("#")]
    assert quads and all(line.endswith(" .") and not line.endswith("  .") for line in quads)
    graphs = {line.rsplit(" ", 2)[-2] for line in quads}
    assert graphs == {f"<https://w3id.org/conflict-kg/id/graph/{row['id']}>" for row in rows if "text" in row}
    assert [line for line in lines if line.startswith("# skipped:")] == [
        '# skipped: row 1: missing or empty "text" (a non-empty string is required)'
    ]


@pytest.mark.slow
def test_spark_local_job_matches_store_build(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    pyspark = pytest.importorskip("pyspark", reason="pyspark is an optional dependency (pip install pyspark)")
    if shutil.which("java") is None:
        pytest.skip("PySpark needs a Java runtime (apt-get install default-jre-headless)")
    from pyspark.sql import SparkSession

    monkeypatch.setenv(
        "PYSPARK_PYTHON", sys.executable
    )  # workers must see the same environment as the driver

    from kg.spark import build_nquads

    spark = (
        SparkSession.builder.master("local[2]").appName("kg-test")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate()
    )  # fmt: skip
    try:
        out = build_nquads(spark, EXAMPLES / "articles.jsonl", tmp_path / "nq", partitions=2)
    finally:
        spark.stop()
    assert pyspark is not None and len(list(out.glob("part-*"))) == 2
    with load_nquads(out, tmp_path / "spark-store") as spark_store:
        from_spark = spark_store.to_graph()
        spark_ids = spark_store.document_ids()
    build([str(EXAMPLES / "articles.jsonl")], None, nlp=nlp, store_dir=tmp_path / "store")
    with Store(tmp_path / "store") as store:
        assert spark_ids == store.document_ids()
        assert isomorphic(from_spark, store.to_graph())
