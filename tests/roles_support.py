"""Shared by the role tables: a frame for a trigger placed by hand, whatever the lexicon says of the word."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract import extract_frames
from kg.extract.triggers import TriggerMatch
from kg.model import EventFrame

__all__ = ["frame_at"]


def frame_at(doc: Doc, word: str, event_class: str) -> EventFrame:
    """The one frame found for a trigger on the first token reading ``word``."""
    tok = next(t for t in doc if t.text == word)
    (frame,) = extract_frames(doc, "t", triggers=[TriggerMatch(tok.i, tok.i + 1, tok.i, event_class)])
    return frame
