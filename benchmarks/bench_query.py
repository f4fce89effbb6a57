"""Named-query latency: rdflib in memory vs the Oxigraph store, on the same synthetic graphs, in one run.

Graphs come from ``benchmarks.bench_store.synthetic`` (seeded events of every class, 10 per document),
with some variety added here so every named query has rows to find: a fifth of the events get a second
agent, a quarter a death toll, a sixth a reporting party; a tenth are negated, a fifteenth hypothetical.
``--triples`` gives the target sizes (10k, 100k and 1M by default) and enough events are generated to
reach each (the actual count is reported). rdflib queries ``kg.rdf.events_to_graph`` of all the events
in memory; Oxigraph queries a disk store laid out as ``kg build --store`` makes it (one named graph per
document, queried as their union), bulk-loaded from N-Quads with ``kg.store.Store.bulk_load``.

Every query runs in a forked worker process that is killed after ``--timeout`` seconds (the cell then
reads "> 120,000" ms). The first run warms up; if it took ``--slow`` seconds or more it is the figure
(marked ¹), otherwise the best of ``--repeat`` further runs is. Both engines must give the same rows.
Results go to ``benchmarks/results/query.md``.

    .venv/bin/python -m benchmarks.bench_query [--triples 10000 100000 1000000] [--timeout 120]
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from pathlib import Path

from rdflib import Literal

from benchmarks.bench_store import synthetic
from kg.model import Document, Event, Quantity
from kg.named_queries import NamedQuery, named_queries
from kg.query import run_query
from kg.rdf import events_to_graph, graph_iri
from kg.store import Store

__all__ = ["dataset", "events_for", "write_nquads", "main"]

RESULTS = Path(__file__).parent / "results" / "query.md"
CALIBRATION_EVENTS = 4000  # ~90k triples: enough for a straight-line estimate of triples per event


@dataclass(frozen=True)
class Timing:
    seconds: float | None  # None: killed at the time limit
    rows: int = 0
    digest: str = ""
    single: bool = False  # the warm-up run is the figure (it took --slow seconds or more)


def dataset(n_events: int) -> tuple[list[Event], list[Document]]:
    """``synthetic(n_events)`` with second agents, death tolls, reporting parties, negation, hypotheticals."""
    events, documents = synthetic(n_events)
    varied = []
    for i, event in enumerate(events):
        frame = replace(
            event.frame,
            negated=i % 10 == 9,
            hypothetical=i % 15 == 14,
            quantities=(Quantity("fatalities", i % 20 + 1, str(i % 20 + 1)),) if i % 4 == 0 else (),
        )
        others = events[(i * 7 + 3) % len(events)]
        varied.append(
            replace(
                event,
                frame=frame,
                agents=event.agents + others.agents if i % 5 == 0 else event.agents,
                reported_by=others.targets[0] if i % 6 == 0 else None,
            )
        )
    return varied, documents


def _triples(n_events: int) -> int:
    return len(events_to_graph(*dataset(n_events)))


def events_for(triples: int) -> int:
    """How many synthetic events make about ``triples`` triples (a line through two small graphs)."""
    high = min(max(20, round(triples / 22)), CALIBRATION_EVENTS)
    low = high // 2
    t_high, t_low = _triples(high), _triples(low)
    per_event = (t_high - t_low) / (high - low)
    return max(10, round(high + (triples - t_high) / per_event))


def write_nquads(events: Sequence[Event], documents: Sequence[Document], path: Path) -> Path:
    """Each document's events in its own named graph, as ``kg build --store`` and the Spark path keep them."""
    by_doc: dict[str, list[Event]] = {}
    for event in events:
        by_doc.setdefault(event.doc_id, []).append(event)
    with path.open("w", encoding="utf-8") as out:
        for document in documents:
            name = graph_iri(document.id)
            data = events_to_graph(by_doc.get(document.id, []), [document]).serialize(format="nt")
            out.writelines(f"{line[:-1].rstrip()} <{name}> .\n" for line in data.splitlines() if line.strip())
    return path


def _digest(rows: Sequence[Sequence[object]]) -> str:
    """Order-free fingerprint of the rows (GROUP_CONCAT order is engine-specific, so cells are sorted)."""
    cells = sorted(repr(tuple("; ".join(sorted(str(c or "").split("; "))) for c in row)) for row in rows)
    return hashlib.sha256("\n".join(cells).encode("utf-8")).hexdigest()


def _worker(source: Callable[[], object], query: NamedQuery, bindings: dict[str, Literal],
            repeat: int, slow: float, conn: Connection) -> None:  # fmt: skip
    """Runs in the forked child: warm up, then time; one message per finished run."""
    target = source()
    for i in range(1 + repeat):
        start = time.perf_counter()
        result = run_query(target, query.text, bindings)
        elapsed = time.perf_counter() - start
        conn.send((elapsed, len(result.rows), _digest(result.rows) if i == 0 else ""))
        if i == 0 and elapsed >= slow:
            break
    conn.close()


def _timed(source: Callable[[], object], query: NamedQuery, bindings: dict[str, Literal],
           repeat: int, slow: float, timeout: float) -> Timing:  # fmt: skip
    context = multiprocessing.get_context("fork")  # the child shares the parent's graph, copy-on-write
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_worker, args=(source, query, bindings, repeat, slow, send), daemon=True)
    child.start()
    send.close()
    runs: list[tuple[float, int, str]] = []
    try:
        while receive.poll(timeout):
            runs.append(receive.recv())
    except EOFError:  # the child finished and closed its end
        pass
    finally:
        if child.is_alive():
            child.kill()
        child.join()
    if not runs:
        if child.exitcode not in (0, -9):
            raise RuntimeError(f"{query.name}: the worker failed with exit code {child.exitcode}")
        return Timing(None)
    first, rows, digest = runs[0]
    if len(runs) == 1 and first >= slow:
        return Timing(first, rows, digest, single=True)
    return Timing(min(r[0] for r in runs[1:]) if len(runs) > 1 else first, rows, digest)


def _ms(timing: Timing, timeout: float) -> str:
    if timing.seconds is None:
        return f"> {timeout * 1000:,.0f}"
    return f"{timing.seconds * 1000:,.1f}" + ("¹" if timing.single else "")


def _ratio(rdflib: Timing, oxigraph: Timing, timeout: float) -> str:
    if oxigraph.seconds is None:
        return "?"
    if rdflib.seconds is None:
        return f"> {timeout / oxigraph.seconds:,.0f}×"
    return f"{rdflib.seconds / oxigraph.seconds:,.1f}×"


def bench(target: int, args: argparse.Namespace, tmp: Path) -> tuple[list[str], str]:
    """Table lines for one graph size, and a note on how the graph and the store were built."""
    n_events = events_for(target)
    events, documents = dataset(n_events)
    start = time.perf_counter()
    graph = events_to_graph(events, documents)
    build = time.perf_counter() - start
    triples = len(graph)
    start = time.perf_counter()
    nquads = write_nquads(events, documents, tmp / f"g{target}.nq")
    write = time.perf_counter() - start
    start = time.perf_counter()
    with Store(tmp / f"store{target}") as store:
        store.bulk_load(nquads)
        quads = len(store)
    load = time.perf_counter() - start
    nquads.unlink()
    note = (
        f"- {triples:,} triples ({n_events:,} events, {len(documents):,} documents): rdflib graph built "
        f"in {build:.1f} s; N-Quads written in {write:.1f} s and bulk-loaded into Oxigraph in {load:.1f} s "
        f"({quads:,} quads: the labels of shared actors and places repeat in each document's graph)"
    )
    print(note, flush=True)
    label = events[0].agents[0].label
    sources: dict[str, Callable[[], object]] = {
        "rdflib": lambda: graph,
        "oxigraph": lambda: Store(tmp / f"store{target}"),  # each worker opens it (closed here)
    }
    lines = []
    for name, query in named_queries().items():
        bindings = {p: Literal(label) for p in query.params}
        limits = (args.repeat, args.slow, args.timeout)
        rdf, oxi = (_timed(f, query, bindings, *limits) for f in sources.values())
        rows = str(oxi.rows if rdf.seconds is None else rdf.rows)
        if rdf.seconds is not None and oxi.seconds is not None and rdf.digest != oxi.digest:
            rows += f" ≠ {oxi.rows} (rows differ)"
        lines.append(f"| {triples:,} | {name} | {rows} | {_ms(rdf, args.timeout)} | "
                     f"{_ms(oxi, args.timeout)} | {_ratio(rdf, oxi, args.timeout)} |")  # fmt: skip
        print(lines[-1], flush=True)
    return lines, note


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="named-query latency, rdflib vs Oxigraph")
    parser.add_argument("--triples", type=int, nargs="+", default=[10_000, 100_000, 1_000_000],
                        metavar="N", help="graph sizes in triples (default: 10k, 100k, 1M)")  # fmt: skip
    parser.add_argument("--repeat", type=int, default=3, help="timed runs after the warm-up (best kept)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a query is killed")
    parser.add_argument("--slow", type=float, default=5.0,
                        help="a warm-up run this long (seconds) is the figure, not repeated")  # fmt: skip
    args = parser.parse_args(argv)
    table, notes = [], []
    with tempfile.TemporaryDirectory(prefix="kg-bench-query-") as tmp:
        for target in args.triples:
            lines, note = bench(target, args, Path(tmp))
            table += lines
            notes.append(note)
    text = [
        "# Named-query latency: rdflib in memory vs Oxigraph store",
        "",
        f"`python -m benchmarks.bench_query --triples {' '.join(map(str, args.triples))} "
        f"--timeout {args.timeout:g}` (one run). Milliseconds per query: best of {args.repeat} runs after a "
        f"warm-up run; ¹ a single run (the warm-up took {args.slow:g} s or more); "
        f'"> {args.timeout * 1000:,.0f}" killed at the {args.timeout:g} s limit. '
        "Rows are the same on both engines unless the table says otherwise.",
        "",
        *notes,
        "",
        "| triples | query | rows | rdflib ms | Oxigraph ms | rdflib ÷ Oxigraph |",
        "| ---: | --- | ---: | ---: | ---: | ---: |",
        *table,
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(text) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
