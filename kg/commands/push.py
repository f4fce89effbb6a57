"""``kg push GRAPH... --endpoint URL``: load graphs into a SPARQL 1.1 store, one named graph per document."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kg.commands import positive_int
from kg.errors import KGError

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "push",
        help="load graphs into a SPARQL 1.1 store (Graph Store Protocol or SPARQL Update)",
        description="Put each document's events into its own named graph on a SPARQL 1.1 store with the "
        "Graph Store HTTP Protocol (re-pushing replaces, never duplicates), falling back to SPARQL Update. "
        "Credentials: env KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD.",
    )
    p.add_argument("graphs", nargs="*", type=Path, metavar="GRAPH", help="graph files written by kg build")
    p.add_argument("--store", type=Path, metavar="DIR", help="push a kg build --store instead of files")
    p.add_argument("--endpoint", required=True, metavar="URL",
                   help="Graph Store endpoint, e.g. http://localhost:7878/store (Oxigraph), "
                   "http://localhost:3030/ds/data (Fuseki)")  # fmt: skip
    p.add_argument("--update-endpoint", metavar="URL", help="SPARQL Update URL, when it cannot be guessed")
    p.add_argument("--graph", metavar="IRI", help="put everything into this one named graph instead")
    p.add_argument("--batch-size", type=positive_int, default=10_000, metavar="N", help="triples per update")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.push import push_graph, push_store
    from kg.store import Store, read_graphs

    if bool(args.graphs) == bool(args.store):
        raise KGError("give graph files or --store DIR (one of them)")
    options = {
        "graph_iri": args.graph,
        "update_endpoint": args.update_endpoint,
        "batch_size": args.batch_size,
    }
    if args.store:
        with Store(args.store) as store:
            result = push_store(store, args.endpoint, **options)
    else:
        result = push_graph(read_graphs(args.graphs), args.endpoint, **options)
    print(f"pushed {result.triples} triples in {result.graphs} named graph(s) via {result.protocol}")
    return 0
