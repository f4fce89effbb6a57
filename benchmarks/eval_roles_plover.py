"""Role accuracy of ``kg.extract`` on the PLOVER gold records (dev set in ../shared, read at run time).

The gold trigger (``eventText``) is placed by hand, so this measures role finding alone, not the trigger
lexicon: for each record, does a predicted agent overlap a gold ``source`` actor text, a predicted target a
gold ``target``, a predicted place the gold ``eventLoc``? Prints micro precision/recall per slot.

    .venv/bin/python -m benchmarks.eval_roles_plover [PATH_TO_plover_gsr_cameo.json]
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["main"]

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "plover_gsr_cameo.json"
PLOVER_TO_CLASS = {
    "FIGHT": "ArmedClash",
    "DEMAND": "Request",
    "DISAPPROVE": "Accuse",
    "INVESTIGATE": "Accuse",
}


@dataclass
class Score:
    tp: int = 0
    predicted: int = 0
    gold: int = 0
    found: int = 0

    def line(self, name: str) -> str:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        counts = f"precision {p:.2f} ({self.tp}/{self.predicted})  recall {r:.2f} ({self.found}/{self.gold})"
        return f"{name:8} {counts}"


def _actor_texts(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [i["actorText"] for i in items if isinstance(i, dict) and i.get("actorText")]


def _spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    out = []
    for name in names:
        for match in re.finditer(re.escape(name), text):
            out.append((match.start(), match.end()))
    return out


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _score(score: Score, predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> None:
    if not gold:
        return
    score.gold += 1
    score.predicted += len(predicted)
    score.tp += sum(_overlaps(p, gold) for p in predicted)
    score.found += any(_overlaps(p, gold) for p in predicted)


def main(argv: list[str] | None = None) -> int:
    from kg.extract import extract_frames
    from kg.extract.triggers import TriggerMatch as Trig
    from kg.nlp import load_pipeline

    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else DEFAULT
    if not path.is_file():
        print(f"PLOVER file not found: {path}; pass its path as the first argument", file=sys.stderr)
        return 1
    records = [
        r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text") and r.get("eventText")
    ]
    import importlib.util

    nlp = load_pipeline(events=False, gazetteer=importlib.util.find_spec("kg.gazetteer") is not None)
    agents, targets, places = Score(), Score(), Score()
    placed = 0
    for rec, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        words = [w.lower() for w in re.findall(r"[\w']+", rec["eventText"])]
        toks = [t for t in doc if t.lower_ in words]
        if not toks:
            continue
        head = min(toks, key=lambda t: (len(list(t.ancestors)), t.i))
        cls = PLOVER_TO_CLASS.get(rec["event"], rec["event"].capitalize())
        (frame,) = extract_frames(doc, triggers=[Trig(head.i, head.i + 1, head.i, cls)])
        placed += 1
        text = rec["text"]
        _score(
            agents,
            [(m.start, m.end) for m in frame.agents],
            _spans(text, _actor_texts(rec.get("source", []))),
        )
        _score(
            targets,
            [(m.start, m.end) for m in frame.targets],
            _spans(text, _actor_texts(rec.get("target", []))),
        )
        loc = rec.get("eventLoc") or {}
        _score(
            places,
            [(m.start, m.end) for m in frame.places],
            _spans(text, [loc["name"]] if loc.get("name") else []),
        )
    print(f"records {len(records)}, triggers placed {placed}")
    for name, score in (("agent", agents), ("target", targets), ("place", places)):
        print(score.line(name))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
