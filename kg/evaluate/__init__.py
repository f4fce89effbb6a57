"""``kg eval``: measure extraction against gold annotations (own JSONL gold, or the PLOVER records).

``evaluate(gold_docs, predict)`` runs a predictor (``kg.evaluate.predict``) over the gold documents and
scores it (``kg.evaluate.score``); ``report_text`` and ``report_json`` present the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kg.evaluate.gold import GoldDocument, load_gold, load_plover
from kg.evaluate.predict import Predictor
from kg.evaluate.score import Scores, score

__all__ = ["evaluate", "report_json", "report_text", "load_gold", "load_plover", "Scores"]


def evaluate(gold_docs: Sequence[GoldDocument], predict: Predictor) -> Scores:
    return score(gold_docs, predict([g.document for g in gold_docs]))


def report_json(scores: Scores) -> dict[str, Any]:
    p, r, f = scores.overall()
    tp, fp, fn = (sum(c.values()) for c in (scores.tp, scores.fp, scores.fn))
    fp_, fr_, ff_ = scores.frame_prf()
    return {
        "events": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                   "tp": tp, "fp": fp, "fn": fn},
        "frames": {"precision": round(fp_, 4), "recall": round(fr_, 4), "f1": round(ff_, 4),
                   "correct": scores.frames},
        "roles": {slot: {"accuracy": None if (a := scores.accuracy(slot)) is None else round(a, 4),
                         "correct": scores.roles[slot][0], "scored": scores.roles[slot][1]}
                  for slot in scores.roles},
        "categories": {cat: {"tp": tp, "fp": fp, "fn": fn, "precision": round(cp, 4), "recall": round(cr, 4),
                             "f1": round(cf, 4)}
                       for cat, (tp, fp, fn, cp, cr, cf) in scores.per_category().items()},
        "unscored_places": [{"id": doc, "place": place} for doc, place in scores.unscored_places],
    }  # fmt: skip


def report_text(scores: Scores, title: str = "") -> str:
    data = report_json(scores)
    ev = data["events"]
    lines = [title] if title else []
    lines.append(f"events   P {ev['precision']:.3f}  R {ev['recall']:.3f}  F1 {ev['f1']:.3f}   "
                 f"(tp {ev['tp']}, fp {ev['fp']}, fn {ev['fn']})")  # fmt: skip
    fr = data["frames"]
    lines.append(f"frames   P {fr['precision']:.3f}  R {fr['recall']:.3f}  F1 {fr['f1']:.3f}   "
                 f"({fr['correct']} events with category, agent, place and date all right)")  # fmt: skip
    for slot, role in data["roles"].items():
        acc = "n/a" if role["accuracy"] is None else f"{role['accuracy']:.3f}"
        lines.append(f"{slot:8} accuracy {acc}  ({role['correct']}/{role['scored']} matched events)")
    if data["unscored_places"]:
        named = ", ".join(f"{u['place']} ({u['id']})" for u in data["unscored_places"])
        lines.append(
            f"         not scored: {len(data['unscored_places'])} gold places their text never names: {named}"
        )
    lines.append("")
    lines.append(f"{'category':14} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for cat, c in data["categories"].items():
        lines.append(f"{cat:14} {c['tp']:4} {c['fp']:4} {c['fn']:4} {c['precision']:6.3f} {c['recall']:6.3f} "
                     f"{c['f1']:6.3f}")  # fmt: skip
    return "\n".join(lines) + "\n"
