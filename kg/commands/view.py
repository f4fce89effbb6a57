"""``kg view GRAPH... --out FILE.html``: an offline, interactive HTML view of one or more RDF graphs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kg.commands import positive_int
from kg.errors import OutputError

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    from kg.view import DEFAULT_MAX_EVENTS, VIEWS

    p = sub.add_parser(
        "view",
        help="draw RDF graphs as an offline interactive HTML page",
        description="Draw one or more RDF graph files (Turtle, N-Triples, JSON-LD, ...) as a single HTML "
        "page that works offline: the 'events' view shows every event with its actors, places, dates and "
        "source documents; the 'actors' view links actors to the places of their events.",
    )
    p.add_argument("graphs", nargs="+", metavar="GRAPH", type=Path, help="RDF file written by kg build")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.html", help="HTML file to write")
    p.add_argument("--view", choices=VIEWS, default="events", help="what to draw (default: events)")
    p.add_argument("--title", metavar="TEXT", help="page heading (default depends on the view)")
    p.add_argument(
        "--max-nodes",
        type=positive_int,
        default=DEFAULT_MAX_EVENTS,
        metavar="N",
        help=f"draw at most N events, the most recent ones (default {DEFAULT_MAX_EVENTS})",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.store import read_graphs
    from kg.view import write_view

    if args.out.suffix.lower() not in (".html", ".htm"):
        raise OutputError(f"--out {args.out}: a view is an HTML page; give a path ending in .html")
    graph = read_graphs(args.graphs)
    path = write_view(graph, args.out, view=args.view, title=args.title, max_nodes=args.max_nodes)
    if not args.quiet:
        print(f"wrote {path} ({args.view} view)", file=sys.stderr)
    return 0
