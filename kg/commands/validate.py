"""``kg validate GRAPH...``: check graphs against the conflict-kg SHACL shapes (exit 0 if they conform)."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "validate",
        help="check RDF graphs against the conflict-kg SHACL shapes",
        description="Check RDF graphs (their union) against ontology/shapes.ttl, with ontology/conflict.ttl "
        "as the ontology. Prints one line per problem; exits 0 when the data conform, 1 otherwise. "
        "Warnings (e.g. a place without coordinates) are printed but do not fail.",
    )
    p.add_argument("graphs", nargs="+", metavar="GRAPH", help="RDF file (.ttl, .nt, .nq, .trig, .jsonld)")
    p.add_argument("--format", dest="rdf_format", metavar="FMT", help="input format if not the suffix's")
    p.add_argument("--max-issues", type=int, default=50, metavar="N", help="print at most N issues (50)")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing; only the exit status")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.ontology import validate_graph
    from kg.store import read_graphs

    # ill-typed literals are reported by SHACL below; rdflib's own traceback for them is noise here
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)
    graph = read_graphs(args.graphs, args.rdf_format)
    report = validate_graph(graph)
    if not args.quiet:
        violations = sum(1 for _ in report.violations())
        warnings = len(report.issues) - violations
        for issue in report.issues[: max(args.max_issues, 0)]:
            print(issue)
        if len(report.issues) > args.max_issues:
            print(f"... and {len(report.issues) - args.max_issues} more")
        verdict = "conforms" if report.conforms else "does NOT conform"
        print(
            f"{', '.join(args.graphs)}: {len(graph)} triples; {verdict} "
            f"({violations} violations, {warnings} warnings)",
            file=sys.stdout,
        )
    return 0 if report.conforms else 1
