"""The baseline that ``kg eval --baseline`` compares against: entity co-occurrence around a lexicon verb.

Per sentence: the first verb whose lemma is in the lexicon gives an event of that entry's class; the agent
is the first PERSON/ORG/GPE/NORP entity before it, the place the first GPE of the sentence, the time the
publication date. No dependency roles, no resolution: what a user could hack with NER co-occurrence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Doc

from kg.extract.triggers import load_lexicon
from kg.model import Actor, Event, EventFrame, Mention, Place, TimeValue

__all__ = ["baseline_events", "AGENT_LABELS"]

AGENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


@lru_cache(maxsize=1)
def _verbs() -> dict[str, str]:
    verbs: dict[str, str] = {}
    for entry in load_lexicon():
        for verb in entry.verbs:
            verbs.setdefault(verb, entry.event_class)
    return verbs


def _mention(span: object) -> Mention:
    text, start, end, label = span.text, span.start_char, span.end_char, span.label_  # type: ignore[attr-defined]
    return Mention(text, start, end, label, text.lower())


def baseline_events(doc: Doc, doc_id: str, date: dt.date | None) -> Iterator[Event]:
    """One event per sentence at most, from a parsed ``doc`` (any English spaCy pipeline with NER)."""
    verbs = _verbs()
    for sent in doc.sents:
        verb = next((t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in verbs), None)
        if verb is None:
            continue
        ents = list(sent.ents)
        agent = next((e for e in ents if e.label_ in AGENT_LABELS and e.end <= verb.i), None)
        place = next((e for e in ents if e.label_ == "GPE"), None)
        trigger = Mention(verb.text, verb.idx, verb.idx + len(verb.text), "TRIGGER", verb.lemma_.lower())
        frame = EventFrame(
            doc_id, sent.text, sent.start_char, trigger, verbs[verb.lemma_.lower()],
            agents=(_mention(agent),) if agent else (), places=(_mention(place),) if place else (),
        )  # fmt: skip
        yield Event(
            frame,
            agents=(Actor(agent.text.lower(), agent.text),) if agent else (),
            places=(Place(place.text.lower(), place.text),) if place else (),
            time=TimeValue(date, date, "day", None, True) if date else None,
            doc_date=date,
        )
