"""Events of one short document through the real pipeline, shared by the document-level resolution tests."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from kg.model import Document, Event
from kg.pipeline import events_from_doc

__all__ = ["PUBLISHED", "document_events", "one_event"]

PUBLISHED = dt.date(2025, 3, 14)  # a Friday


def document_events(nlp: Language, text: str) -> list[Event]:
    """The resolved events of ``text`` published on ``PUBLISHED``."""
    return events_from_doc(Document("t", text, PUBLISHED), nlp(text))


def one_event(events: list[Event], trigger: str) -> Event:
    """The one event whose trigger text is ``trigger`` (fails listing the triggers otherwise)."""
    found = [e for e in events if e.frame.trigger.text == trigger]
    assert len(found) == 1, [e.frame.trigger.text for e in events]
    return found[0]
