"""RDF loading benchmark: rdflib vs Oxigraph for the graphs conflict-kg writes.

Synthetic events (documents of 10 events each; actors, places and dates vary) are turned into RDF with
``kg.rdf.events_to_graph`` and written as Turtle and N-Quads (one named graph per document). Then the
same files are loaded by: rdflib ``Graph.parse`` (Turtle, N-Triples), ``kg.store.read_graphs``,
``pyoxigraph.Store.load`` and ``Store.bulk_load`` (N-Quads), and ``kg.store.Store.add_events`` per
document (the ``kg build`` path: ``kg.rdf.events_to_ntriples`` then Oxigraph's loader, on disk as with
``--store`` and in memory as without), and the store writes its Turtle and N-Quads (``Store.dump``).
Results go to ``benchmarks/results/store.md``.

    .venv/bin/python -m benchmarks.bench_store [--sizes 1000 10000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import random
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pyoxigraph
from rdflib import Graph

from kg.model import Actor, Document, Event, EventFrame, Mention, Place, TimeValue
from kg.namespaces import EVENT_CLASSES, PREFIXES
from kg.rdf import events_to_graph, events_to_ntriples
from kg.store import Store, read_graphs, write_graph

__all__ = ["synthetic", "main"]

RESULTS = Path(__file__).parent / "results" / "store.md"


def synthetic(n_events: int, seed: int = 7) -> tuple[list[Event], list[Document]]:
    """``n_events`` distinct events in ``n_events // 10`` documents."""
    rng = random.Random(seed)
    classes = sorted(EVENT_CLASSES)
    actors = [Actor(f"group-{i}", f"Group {i}", sector=rng.choice(["GOV", "MIL", "REB"])) for i in range(200)]
    places = [
        Place(f"town-{i}", f"Town {i}", 1000 + i, rng.uniform(-60, 60), rng.uniform(-170, 170))
        for i in range(500)
    ]
    documents = [
        Document(f"doc-{d}", "", dt.date(2024, 1, 1) + dt.timedelta(days=d % 365))
        for d in range(max(1, n_events // 10))
    ]
    events = []
    for i in range(n_events):
        doc = documents[i % len(documents)]
        sentence = f"Group attacked Town in report {i}."
        frame = EventFrame(
            doc.id, sentence, 100 * i, Mention("attacked", 100 * i + 6, 100 * i + 14), rng.choice(classes)
        )
        day = doc.date or dt.date(2024, 1, 1)
        events.append(
            Event(
                frame,
                agents=(rng.choice(actors),),
                targets=(rng.choice(actors),),
                places=(rng.choice(places),),
                time=TimeValue(day - dt.timedelta(days=i % 3), day - dt.timedelta(days=i % 3), "day"),
            )
        )
    return events, documents


def timed(fn: Callable[[], object], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def bench(n_events: int, tmp: Path) -> list[tuple[str, int, float]]:
    events, documents = synthetic(n_events)
    rows: list[tuple[str, int, float]] = []
    graph = Graph()
    build = timed(lambda: graph.__iadd__(events_to_graph(events, documents)))
    triples = len(graph)
    rows.append(("kg.rdf.events_to_graph", triples, build))
    rows.append(("kg.rdf.events_to_ntriples", triples, timed(lambda: events_to_ntriples(events, documents))))
    ttl, nt = tmp / f"g{n_events}.ttl", tmp / f"g{n_events}.nt"
    rows.append(("write_graph Turtle", triples, timed(lambda: write_graph(graph, ttl))))
    rows.append(("write_graph N-Triples", triples, timed(lambda: write_graph(graph, nt))))
    rdflib_turtle = timed(lambda: graph.serialize(format="turtle"))
    rows.append(("rdflib Graph.serialize Turtle (baseline)", triples, rdflib_turtle))
    rows.append(("rdflib Graph.parse Turtle", triples, timed(lambda: Graph().parse(ttl))))
    rows.append(("rdflib Graph.parse N-Triples", triples, timed(lambda: Graph().parse(nt, format="nt"))))
    rows.append(("kg.store.read_graphs Turtle", triples, timed(lambda: read_graphs([ttl]))))
    rows.append(
        (
            "pyoxigraph Store.load Turtle (memory)",
            triples,
            timed(lambda: pyoxigraph.Store().load(path=str(ttl))),
        )
    )
    rows.append(
        (
            "pyoxigraph Store.load N-Triples (memory)",
            triples,
            timed(lambda: pyoxigraph.Store().load(path=str(nt))),
        )
    )

    def disk_bulk() -> None:
        with tempfile.TemporaryDirectory(dir=tmp) as d:
            pyoxigraph.Store(d).bulk_load(path=str(nt))

    rows.append(("pyoxigraph Store.bulk_load N-Triples (disk)", triples, timed(disk_bulk)))
    by_doc: dict[str, list[Event]] = {}
    for event in events:
        by_doc.setdefault(event.doc_id, []).append(event)

    def per_document(disk: bool) -> Callable[[], None]:
        def run() -> None:
            with tempfile.TemporaryDirectory(dir=tmp) as d:
                store = Store(d if disk else None)
                for document in documents:
                    store.add_events(by_doc.get(document.id, []), [document])
                store.close()

        return run

    for disk in (True, False):
        where = "disk" if disk else "memory"
        name = f"Store.add_events x{len(documents)} documents ({where}, incl. RDF build)"
        rows.append((name, triples, timed(per_document(disk))))
    dumped = Store(tmp / f"dump{n_events}")
    dumped.add_events(events, documents)
    rows.append(("Store.dump Turtle (union, streamed)", triples, timed(lambda: dumped.dump(tmp / "d.ttl"))))
    rows.append(("Store.dump N-Quads (named graphs)", len(dumped), timed(lambda: dumped.dump(tmp / "d.nq"))))
    dumped.close()

    grouping = "SELECT ?c (COUNT(?e) AS ?n) { ?e ckg:category ?c } GROUP BY ?c"

    def store_query() -> None:
        store = Store()
        store.replace_document("all", graph)
        list(store.query(grouping))

    rows.append(("Store (memory) insert + GROUP BY query", triples, timed(store_query)))
    grouping = "SELECT ?c (COUNT(?e) AS ?n) { ?e ckg:category ?c } GROUP BY ?c"
    rows.append(
        ("rdflib GROUP BY query", triples, timed(lambda: list(graph.query(grouping, initNs=PREFIXES))))
    )
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 10000], metavar="N")
    args = parser.parse_args(argv)
    lines = [
        "# RDF load benchmark (benchmarks/bench_store.py)",
        "",
        f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, "
        f"pyoxigraph {pyoxigraph.__version__}; best of 1 run; seconds.",
        "",
        "| step | events | triples | seconds | triples/s |",
        "|---|---:|---:|---:|---:|",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            for step, triples, seconds in bench(n, Path(tmp)):
                lines.append(f"| {step} | {n} | {triples} | {seconds:.3f} | {triples / seconds:,.0f} |")
                print(lines[-1], flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
