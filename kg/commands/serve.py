"""``kg serve``: a read-only SPARQL endpoint (Oxigraph server) over graph files or a store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kg.commands import positive_int

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "serve",
        help="serve graphs or a store as a SPARQL 1.1 endpoint",
        description="Start Oxigraph's SPARQL 1.1 Protocol server over graph files (loaded into a temporary "
        "store) or a kg build --store directory. Read-only and on loopback unless told otherwise; queries "
        "see the union of all documents' graphs. Stop with Ctrl-C.",
    )
    p.add_argument(
        "sources", nargs="+", type=Path, metavar="GRAPH_OR_STORE", help="graph files or a store dir"
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=positive_int, default=7878, help="port (default 7878)")
    p.add_argument("--allow-update", action="store_true", help="accept SPARQL Update and Graph Store writes")
    p.add_argument("--timeout", type=float, metavar="SECONDS", help="per-query time limit")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.serve import start_server

    with start_server(args.sources, host=args.host, port=args.port, allow_update=args.allow_update,
                      timeout=args.timeout) as server:  # fmt: skip
        mode = "read-write" if args.allow_update else "read-only"
        print(f"SPARQL endpoint ({mode}): {server.query_url}", flush=True)
        if args.allow_update:
            print(f"SPARQL Update: {server.update_url}   Graph Store: {server.store_url}", flush=True)
        print("Ctrl-C to stop.", file=sys.stderr, flush=True)
        server.process.wait()
    return 0 if server.process.returncode in (0, None) else 1
