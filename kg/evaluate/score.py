"""Scoring predicted events against gold: event detection P/R/F1 by PLOVER category, and role accuracy.

Matching, per document: first each gold event (in order) is paired with an unpaired predicted event of the
same top category whose trigger shares a word stem with the gold trigger; then the gold events still
unpaired take, in order, any unpaired prediction of their category. Unpaired predictions
are false positives, unpaired gold events false negatives. On matched pairs, agent/target/place accuracy is
the share of pairs (where gold names one) whose prediction names it too: after lower-casing and dropping
articles and punctuation, a gold string matches a predicted actor's label, alias, mention text or ISO
country code when either contains the other as whole words. A date matches when the gold day (or month)
lies within the predicted time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from kg.evaluate.gold import GoldDocument, GoldEvent, normalise
from kg.model import Actor, Event, Mention, Place
from kg.namespaces import EVENT_CLASSES

__all__ = ["Scores", "score", "normalise"]


def _contains(a: str, b: str) -> bool:
    """Whole-word containment either way ("Afghan troops" ~ "troops", "Taliban" ~ "the Taliban")."""
    if not a or not b:
        return False
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def _actor_names(actors: Iterable[Actor], mentions: Iterable[Mention]) -> list[str]:
    names = [n for a in actors for n in (a.label, *a.aliases, a.key.replace("-", " "))]
    names += [a.country for a in actors if a.country]
    return [normalise(n) for n in [*names, *(m.text for m in mentions)] if n]


def _place_names(places: Iterable[Place], mentions: Iterable[Mention]) -> list[str]:
    names = [n for p in places for n in (p.label, *p.names, p.admin1 or "", p.country or "")]
    return [normalise(n) for n in [*names, *(m.text for m in mentions)] if n]


def _hit(gold: Sequence[str], predicted: Sequence[str]) -> bool:
    return any(_contains(normalise(g), p) for g in gold for p in predicted)


def _date_hit(gold: str, event: Event) -> bool:
    if event.time is None:
        return False
    start, end = event.time.start.isoformat(), event.time.end.isoformat()
    return start[: len(gold)] <= gold <= end[: len(gold)]


@dataclass
class Scores:
    """Counts behind the report; ``tp/fp/fn`` per category, ``roles[slot] = [hits, scored]``."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    roles: dict[str, list[int]] = field(
        default_factory=lambda: {s: [0, 0] for s in ("agent", "target", "place", "date")}
    )
    frames: int = 0  # matched events whose agent, place and date are all right where the gold states them
    unscored_places: list[tuple[str, str]] = field(default_factory=list)  # (document id, gold place)

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def overall(self) -> tuple[float, float, float]:
        return self._prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))

    def frame_prf(self) -> tuple[float, float, float]:
        """Precision/recall/F1 of whole actor-action-place-time frames: a matched event counts only when
        every one of agent, place and date that the gold states is right too."""
        predicted, gold = (
            sum(self.tp.values()) + sum(self.fp.values()),
            sum(self.tp.values()) + sum(self.fn.values()),
        )
        return self._prf(self.frames, predicted - self.frames, gold - self.frames)

    def per_category(self) -> dict[str, tuple[int, int, int, float, float, float]]:
        cats = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        return {
            c: (self.tp[c], self.fp[c], self.fn[c], *self._prf(self.tp[c], self.fp[c], self.fn[c]))
            for c in cats
        }

    def accuracy(self, slot: str) -> float | None:
        hits, scored = self.roles[slot]
        return hits / scored if scored else None


def _stem(word: str) -> str:
    return word[:5] if len(word) > 5 else word  # "seized"/"seize", "captured"/"capture", "killing"/"kill"


def _trigger_overlap(gold: GoldEvent, event: Event) -> bool:
    if not gold.trigger:
        return False
    words = {_stem(w) for w in normalise(gold.trigger).split()}
    trigger = event.frame.trigger
    return bool(words & {_stem(w) for w in [*normalise(trigger.text).split(), trigger.lemma]})


def _in_sentence(gold: GoldEvent, event: Event) -> bool:
    """The gold trigger's words occur in the predicted event's sentence."""
    if not gold.trigger:
        return False
    return f" {normalise(gold.trigger)} " in f" {normalise(event.frame.sentence)} "


# the pairing tests, strictest first: trigger stems shared in the sentence the gold trigger is in, any
# event of the gold's category in that sentence, trigger stems shared anywhere, the category alone
_TIERS: tuple[Callable[[GoldEvent, Event], bool], ...] = (
    lambda gold, event: _trigger_overlap(gold, event) and _in_sentence(gold, event),
    _in_sentence,
    _trigger_overlap,
    lambda gold, event: True,
)


def _pairs(golds: Sequence[GoldEvent], pending: list[Event]) -> list[tuple[GoldEvent, Event | None]]:
    """Pair gold events with predictions of their category (removed from ``pending``), tier by tier
    (``_TIERS``), each tier over the gold events in order. A gold event names its trigger but not its
    sentence: "An air strike hit a market" is paired with the event of that sentence before the "struck" of
    a later one."""
    paired: dict[int, Event] = {}
    for fits in _TIERS:
        for n, gold in enumerate(golds):
            if n in paired:
                continue
            hit = next((e for e in pending if EVENT_CLASSES[e.event_class] == gold.category
                        and fits(gold, e)), None)  # fmt: skip
            if hit is not None:
                paired[n] = hit
                pending.remove(hit)
    return [(gold, paired.get(n)) for n, gold in enumerate(golds)]


def score(gold_docs: Sequence[GoldDocument], predictions: Mapping[str, Sequence[Event]]) -> Scores:
    scores = Scores()
    for gold_doc in gold_docs:
        pending = list(predictions.get(gold_doc.document.id, ()))
        scores.unscored_places += [
            (gold_doc.document.id, p) for g in gold_doc.events for p in g.unnamed_places
        ]
        for gold, match in _pairs(gold_doc.events, pending):
            if match is None:
                scores.fn[gold.category] += 1
                continue
            scores.tp[gold.category] += 1
            frame = match.frame
            named = {role: [Mention(text, 0, 0) for key, text in match.extra if key == f"antecedent_{role}"]
                     for role in ("agent", "target")}  # fmt: skip
            checks = (
                ("agent", gold.agents, _actor_names(match.agents, [*frame.agents, *named["agent"]])),
                ("target", gold.targets, _actor_names(match.targets, [*frame.targets, *named["target"]])),
                ("place", gold.places, _place_names(match.places, frame.places)),
            )
            whole = True
            for slot, values, predicted in checks:
                if values:
                    hit = _hit(values, predicted)
                    scores.roles[slot][1] += 1
                    scores.roles[slot][0] += int(hit)
                    whole &= hit or slot == "target"
            if gold.date and gold_doc.score_dates:
                hit = _date_hit(gold.date, match)
                scores.roles["date"][1] += 1
                scores.roles["date"][0] += int(hit)
                whole &= hit
            scores.frames += int(whole)
        for event in pending:
            scores.fp[EVENT_CLASSES[event.event_class]] += 1
    return scores
