"""``kg query``: SPARQL over graph files (with the ontology) or an Oxigraph store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kg.errors import InputError, KGError

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "query",
        help="run SPARQL over graph files or a store",
        description="Run a SPARQL query (text, -f FILE.rq or --name NAME) over graph files loaded together "
        "with the ontology, or over a --store. Prefixes sem, ckg, geo, prov, dcterms, rdf, rdfs, owl, xsd "
        "and skos are pre-declared. CONSTRUCT/DESCRIBE print Turtle.",
    )
    p.add_argument("args", nargs="*", metavar="GRAPH... [QUERY]",
                   help="graph files, then the query text unless -f/--name is given")  # fmt: skip
    p.add_argument("-f", "--file", type=Path, metavar="FILE.rq", help="read the query from a file")
    p.add_argument("--name", metavar="NAME", help="a named query (see --list)")
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="named-query parameter")
    p.add_argument("--list", action="store_true", help="list the named queries and exit")
    p.add_argument(
        "--store", type=Path, metavar="DIR", help="query an Oxigraph store made by kg build --store"
    )
    p.add_argument("--format", default="table", choices=("table", "csv", "tsv", "json"), help="output format")
    p.add_argument("--timeout", type=float, metavar="SECONDS", help="give up after this many seconds")
    p.add_argument("--no-ontology", action="store_true", help="do not load the ontology beside the data")
    p.set_defaults(run=run)


def _query_text(args: argparse.Namespace, positionals: list[str]) -> tuple[str, list[str], dict[str, Any]]:
    from kg.named_queries import bind_params, named_query

    chosen = [bool(args.file), bool(args.name)]
    if sum(chosen) > 1:
        raise KGError("give the query one way: text, -f FILE.rq or --name NAME")
    if args.name:
        named = named_query(args.name)
        return named.text, positionals, dict(bind_params(named, args.param))
    if args.param:
        raise KGError("--param goes with --name (named queries)")
    if args.file:
        try:
            return args.file.read_text("utf-8"), positionals, {}
        except OSError as err:
            raise InputError(f"{args.file}: cannot read the query ({err.strerror or err})") from None
    if not positionals:
        raise KGError("no query given; pass the query text, -f FILE.rq or --name NAME")
    return positionals[-1], positionals[:-1], {}


def run(args: argparse.Namespace) -> int:
    from kg.query import format_result, load_graphs, run_query

    if args.list:
        from kg.named_queries import named_queries

        for name, named in named_queries().items():
            params = " ".join(f"--param {p}=VALUE" for p in named.params)
            print(f"{name:20} {named.description}{'  ' + params if params else ''}")
        return 0
    query, graphs, bindings = _query_text(args, list(args.args))
    if args.store is not None:
        if graphs:
            raise KGError("give graph files or --store DIR, not both")
        from kg.store import Store

        if not args.store.is_dir():
            raise InputError(
                f"--store {args.store}: no such store directory; create one with kg build --store"
            )
        with Store(args.store) as store:
            result = run_query(store, query, bindings, args.timeout)
    else:
        if not graphs:
            raise KGError("no graph given; pass graph files (e.g. out/graph.ttl) or --store DIR")
        result = run_query(load_graphs(graphs, ontology=not args.no_ontology), query, bindings, args.timeout)
    sys.stdout.write(format_result(result, args.format))
    return 0
