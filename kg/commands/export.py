"""``kg export GRAPH... --format FMT [--out FILE]``: RDF in another syntax, an ACLED-like CSV, or GeoJSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    from kg.export import EXPORT_FORMATS

    p = sub.add_parser(
        "export",
        help="convert graphs to turtle/trig/nt/nquads/jsonld, an ACLED-like CSV, or GeoJSON",
        description="Read RDF graphs (their union) and write them as another RDF syntax, as a CSV table "
        "with one row per event and ACLED-like columns, or as a GeoJSON FeatureCollection of places.",
    )
    p.add_argument("graphs", nargs="+", metavar="GRAPH", help="RDF file (.ttl, .nt, .nq, .trig, .jsonld)")
    p.add_argument("--format", "-f", dest="export_format", required=True, choices=EXPORT_FORMATS)
    p.add_argument("--out", "-o", type=Path, metavar="FILE", help="output file (default: standard output)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.export import export_graph
    from kg.store import atomic_write, read_graphs

    data = export_graph(read_graphs(args.graphs), args.export_format)
    if args.out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        atomic_write(args.out, data)
    return 0
