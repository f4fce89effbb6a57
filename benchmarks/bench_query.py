"""Named-query latency: rdflib in memory vs the Oxigraph store, on the same synthetic graphs, in one run.

Graphs come from ``benchmarks.bench_store.synthetic`` (seeded events of every class, 10 per document) at
about 10k and 100k triples by default (``--sizes`` takes event counts; 1M triples is ~50,000 events).
Every named query in ``kg/queries`` runs once to warm up, then the best of ``--repeat`` runs is kept.
Results go to ``benchmarks/results/query.md``.

    .venv/bin/python -m benchmarks.bench_query [--sizes 500 5000 50000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.bench_store import synthetic
from kg.named_queries import bind_params, named_queries
from kg.query import run_query
from kg.rdf import events_to_graph
from kg.store import Store

__all__ = ["main"]

RESULTS = Path(__file__).parent / "results" / "query.md"


def _best(source: object, text: str, bindings: dict[str, object], repeat: int) -> tuple[float, int]:
    rows = len(run_query(source, text, bindings).rows)  # type: ignore[arg-type]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run_query(source, text, bindings)  # type: ignore[arg-type]
        times.append(time.perf_counter() - start)
    return min(times), rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="named-query latency, rdflib vs Oxigraph")
    parser.add_argument("--sizes", type=int, nargs="*", default=[500, 5000], help="event counts")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    lines = ["# Named-query latency: rdflib in memory vs Oxigraph store", "",
             "| events | triples | query | rows | rdflib ms | Oxigraph ms | rdflib ÷ Oxigraph |",
             "| ---: | ---: | --- | ---: | ---: | ---: | ---: |"]  # fmt: skip
    for n in args.sizes:
        events, documents = synthetic(n)
        graph = events_to_graph(events, documents)
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "store") as store:
            store.add_events(events, documents)
            for name, query in named_queries().items():
                params = (
                    bind_params(query, [f"{p}={events[0].agents[0].label}" for p in query.params])
                    if query.params
                    else {}
                )
                t_rdflib, rows = _best(graph, query.text, dict(params), args.repeat)
                t_oxi, _ = _best(store, query.text, dict(params), args.repeat)
                lines.append(f"| {n:,} | {len(graph):,} | {name} | {rows} | {t_rdflib * 1000:,.1f} | "
                             f"{t_oxi * 1000:,.1f} | {t_rdflib / t_oxi:,.1f}× |")  # fmt: skip
                print(lines[-1], flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
