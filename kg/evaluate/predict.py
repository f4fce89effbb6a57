"""Predictors for ``kg eval``: the full pipeline (every event, or the main event of each document, as
event coders like PLOVER code one event per sentence) and the co-occurrence baseline. Negated and
hypothetical mentions are left out of the pipeline's predictions: gold annotations code what happened."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import Document, Event
from kg.nlp import parse

__all__ = ["Predictor", "pipeline_predictor", "baseline_predictor", "main_event"]

Predictor = Callable[[Sequence[Document]], dict[str, list[Event]]]


def _depth(doc: Doc, event: Event) -> tuple[int, int]:
    trigger = event.frame.trigger
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None:
        return (99, trigger.start)
    return (sum(1 for _ in span.root.ancestors), trigger.start)


def main_event(doc: Doc, events: Sequence[Event]) -> list[Event]:
    """The event whose trigger is highest in the dependency tree (leftmost on ties), if any."""
    return [min(events, key=lambda e: _depth(doc, e))] if events else []


def pipeline_predictor(nlp: Language, main_only: bool = False) -> Predictor:
    from kg.pipeline import events_from_doc

    def predict(documents: Sequence[Document]) -> dict[str, list[Event]]:
        out: dict[str, list[Event]] = {}
        for document, doc in parse(nlp, documents, batch_size=64):
            # gold codes what happened: negated and hypothetical mentions are not predictions of events
            found = events_from_doc(document, doc)
            events = [e for e in found if not (e.frame.negated or e.frame.hypothetical)]
            out[document.id] = main_event(doc, events) if main_only else events
        return out

    return predict


def baseline_predictor(nlp: Language, main_only: bool = False) -> Predictor:
    from kg.extract.baseline import baseline_events

    def predict(documents: Sequence[Document]) -> dict[str, list[Event]]:
        out: dict[str, list[Event]] = {}
        for document, doc in parse(nlp, documents, batch_size=64):
            events = list(baseline_events(doc, document.id, document.date))
            out[document.id] = events[:1] if main_only else events
        return out

    return predict
