"""Graph-view benchmark: Python build time and page-ready time in headless Chromium.

Synthetic event graphs (100, 1k, 10k events; actors, places, dates and documents grow with them) are
turned into RDF with ``kg.rdf.events_to_graph`` and drawn with ``kg.view.write_view``. The page-ready time
is measured in Chromium with the network cut off, from navigation start to the first ``afterDrawing``
event of vis-network. Results go to ``benchmarks/results/view.md``.

    .venv/bin/python -m benchmarks.bench_view [--sizes 100 1000 10000] [--no-browser]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from rdflib import Graph

from kg.model import Actor, Document, Event, EventFrame, Mention, Place, TimeValue
from kg.rdf import events_to_graph
from kg.view import DEFAULT_MAX_EVENTS, build_view, render_view, write_view

__all__ = ["synthetic_graph", "bench_python", "bench_browser", "main"]

RESULTS = Path(__file__).parent / "results" / "view.md"
CLASSES = ("Capture", "AirStrike", "Shelling", "ArmedClash", "Arrest", "Negotiation", "Withdrawal", "Killing")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip


def synthetic_graph(n_events: int, seed: int = 7) -> Graph:
    """An RDF graph of ``n_events`` distinct events over a plausible number of actors, places and days."""
    rng = random.Random(seed)
    actors = [Actor(f"group-{i}", f"Group {i}") for i in range(max(5, n_events // 20))]
    places = [
        Place(f"town-{i}", f"Town {i}", lat=30 + i % 50 / 10, lon=60 + i // 50 / 10)
        for i in range(max(5, n_events // 30))
    ]
    first = dt.date(2021, 1, 1)
    docs = [
        Document(f"article-{i}", "", first + dt.timedelta(days=i % 365))
        for i in range(max(1, n_events // 10))
    ]
    events = []
    for i in range(n_events):
        doc = docs[i % len(docs)]
        day = doc.date - dt.timedelta(days=rng.randrange(3)) if doc.date else first
        cls = CLASSES[rng.randrange(len(CLASSES))]
        agent, target = rng.sample(actors, 2)
        frame = EventFrame(
            doc_id=doc.id, sentence=f"Synthetic sentence number {i} about a {cls.lower()}.", sentence_start=0,
            trigger=Mention(cls.lower(), 0, 5, "TRIGGER"), event_class=cls, negated=rng.random() < 0.05,
        )  # fmt: skip
        events.append(
            Event(
                frame=frame,
                agents=(agent,),
                targets=(target,) if rng.random() < 0.6 else (),
                places=(places[rng.randrange(len(places))],),
                time=TimeValue(day, day, "day"),
                doc_date=doc.date,
                extra=(("n", str(i)),),
            )  # fmt: skip
        )
    return events_to_graph(events, docs)


def bench_python(graph: Graph, view: str, out: Path) -> dict[str, float]:
    """Seconds for RDF->networkx (SPARQL) + layout + render, and for the whole write_view call."""
    start = time.perf_counter()
    g, note = build_view(graph, view, DEFAULT_MAX_EVENTS)
    built = time.perf_counter()
    render_view(g, view, None, note)
    rendered = time.perf_counter()
    write_view(graph, out, view=view)
    written = time.perf_counter()
    return {
        "read_s": built - start, "render_s": rendered - built, "write_view_s": written - rendered,
        "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "mb": out.stat().st_size / 1e6,
    }  # fmt: skip


def bench_browser(page_path: Path) -> dict[str, float]:
    """Milliseconds from navigation start to the first vis-network drawing, with the network cut off."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=os.environ.get("KG_CHROMIUM", "/usr/bin/chromium"), args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        page.goto(page_path.as_uri(), timeout=300_000)
        page.wait_for_function("document.body.getAttribute('data-ready') === '1'", timeout=300_000)
        ready, script = page.evaluate("[window.kgDrawnAt, window.kgRenderMs]")
        drawn = page.evaluate("kgNetwork.body.nodeIndices.length")
        browser.close()
    return {"ready_ms": ready, "script_ms": script, "drawn": drawn}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            t0 = time.perf_counter()
            graph = synthetic_graph(n)
            rdf_s = time.perf_counter() - t0
            for view in ("events", "actors"):
                page = Path(tmp) / f"{view}-{n}.html"
                py = bench_python(graph, view, page)
                br = {} if args.no_browser else bench_browser(page)
                rows.append((n, view, len(graph), rdf_s, py, br))
                print(n, view, py, br, flush=True)
    lines = [
        "# Graph view benchmark",
        "",
        f"`python -m benchmarks.bench_view` on {platform.machine()} / Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {dt.date.today().isoformat()}. Synthetic graphs built with "
        f"`kg.rdf.events_to_graph`; at most {DEFAULT_MAX_EVENTS:,} events are drawn (the most recent).",
        "`read` = SPARQL -> records -> networkx; `layout+render` = positions and the HTML string; "
        "`write_view` = the whole call (both, plus the atomic write); `ready` = Chromium navigation start -> "
        "first vis-network drawing (network cut off).",
        "",
        "| events | view | triples | nodes | edges | page MB | read s | layout+render s | write_view s "
        "| ready ms |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, view, triples, _, py, br in rows:
        ready = f"{br['ready_ms']:.0f}" if br else "—"
        lines.append(
            f"| {n:,} | {view} | {triples:,} | {py['nodes']:,} | {py['edges']:,} | {py['mb']:.2f} | "
            f"{py['read_s']:.2f} | {py['render_s']:.2f} | {py['write_view_s']:.2f} | {ready} |"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
