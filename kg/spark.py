"""Beyond one machine: extraction as a PySpark job that writes N-Quads, one named graph per document.

Each partition loads the spaCy pipeline once and turns its documents into N-Quads lines
(``{base}graph/{doc id}`` as the graph name, the same as ``kg build --store``), so the output can be
bulk-loaded into Oxigraph (``kg.store.Store.bulk_load``) or pushed to any SPARQL 1.1 store
(``kg push``). Runs in Spark local mode for tests; on a cluster the same code runs under
``spark-submit`` with conflict-kg and the model package installed on every executor.

PySpark is optional: ``pip install pyspark`` (it needs a Java 17+ runtime).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.errors import InputError, KGError

__all__ = ["partition_to_nquads", "build_nquads", "load_nquads"]


def _as_dict(row: Any) -> dict[str, Any]:
    return row.asDict() if hasattr(row, "asDict") else dict(row)


def partition_to_nquads(
    rows: Iterable[Any], model: str | None = None, base_iri: str | None = None
) -> Iterator[str]:
    """N-Quads lines for one partition of ``{"id", "text", "date"?, ...}`` rows; bad rows are skipped
    with a comment line ``# skipped: ...`` (comments are legal N-Quads), so a partition never fails
    for one record."""
    from kg.documents import MAX_DOCUMENT_BYTES, document_from_record
    from kg.nlp import load_pipeline
    from kg.rdf import DEFAULT_BASE_IRI, events_to_ntriples, graph_iri
    from kg.workers import extract_stream

    base = base_iri or DEFAULT_BASE_IRI
    skipped: list[str] = []

    def documents() -> Iterator[Any]:
        for i, row in enumerate(rows):
            try:
                yield document_from_record(_as_dict(row), f"row {i}", MAX_DOCUMENT_BYTES)
            except InputError as err:
                skipped.append(str(err))

    nlp = load_pipeline(model)  # once per partition, not per document
    for outcome in extract_stream(documents(), nlp=nlp):
        if outcome.error is not None:
            skipped.append(outcome.error)
            continue
        name = graph_iri(outcome.document.id, base)
        for line in events_to_ntriples(outcome.events, [outcome.document], base).splitlines():
            yield f"{line[:-2]} <{name}> ."  # "<s> <p> <o> ." -> "<s> <p> <o> <g> ."
    for message in skipped:
        yield "# skipped: " + message.replace("\n", " ")


def build_nquads(
    spark: Any, jsonl: str | Path, out_dir: str | Path, *, partitions: int | None = None,
    model: str | None = None, base_iri: str | None = None,
) -> Path:  # fmt: skip
    """Read JSONL documents into a DataFrame, extract per partition, write ``out_dir/part-*`` N-Quads."""
    frame = spark.read.json(str(jsonl))
    missing = {"id", "text"} - set(frame.columns)
    if missing:
        raise KGError(
            f"{jsonl}: the documents have no {', '.join(sorted(missing))} field; see the JSONL format"
        )
    rdd = frame.rdd if partitions is None else frame.rdd.repartition(partitions)
    rdd.mapPartitions(lambda rows: partition_to_nquads(rows, model, base_iri)).saveAsTextFile(str(out_dir))
    return Path(out_dir)


def load_nquads(out_dir: str | Path, store_dir: str | Path | None, base_iri: str | None = None) -> Any:
    """Bulk-load the ``part-*`` files of :func:`build_nquads` into an Oxigraph store; return it."""
    from kg.rdf import DEFAULT_BASE_IRI
    from kg.store import Store

    store = Store(store_dir, base_iri or DEFAULT_BASE_IRI)
    for part in sorted(Path(out_dir).glob("part-*")):
        if part.stat().st_size:
            store.bulk_load(part, "nquads")
    return store
