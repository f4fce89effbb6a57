"""Merge repeated mentions of the same event.

``merge_key(event)`` = (event class, sorted agent keys, sorted place keys, (start ISO, end ISO, precision)
or None, negated, hypothetical), defined in ``kg.model`` -- the rule ``kg.iris.event_iri`` mints event IRIs
from. An event with neither agents nor places carries too little to be identified, so its key also holds
the document id and sentence offset (it merges only within its own sentence). Otherwise the key holds no
document id, so the same event reported by several documents becomes one node.

``merge_events`` keeps the first event (text order) of each key, gives it an explicit time when a merged
duplicate had one and it only had the derived publication date, adds the duplicates' targets, and notes
the merge in ``Event.extra`` (``merged_count``, ``merged_offsets``).

``absorb_headline`` drops an event of a headline (a first paragraph without a closing full stop) when the
body reports the same event: one of the same class, or of a subclass of the headline's top-category class
("strike" is an Assault, "air strikes" an AirStrike), whose agents include the headline's (a country
covers its own government or forces); or one with the same trigger word. "Jihadists seize town in
central Mali" is the "seized the town of Boni on Sunday" of the first paragraph, told with less detail;
"US and Britain strike Houthi targets" the body's "launched air strikes"; "Niger expels diplomats" the
body's "expelled", whatever class or agents the terse headline parse gave it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from kg.eventclasses import EVENT_CLASSES
from kg.model import Actor, Event, merge_key

__all__ = ["merge_key", "merge_events", "absorb_headline"]


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Collapse events with equal ``merge_key`` (within one call), keeping the first in text order."""
    groups: dict[tuple[object, ...], list[Event]] = {}
    for event in events:
        groups.setdefault(merge_key(event), []).append(event)
    merged: list[Event] = []
    for group in groups.values():
        first = group[0]
        if len(group) == 1:
            merged.append(first)
            continue
        time = first.time
        if time is not None and time.derived:
            time = next((e.time for e in group if e.time is not None and not e.time.derived), time)
        targets = {t.key: t for e in group for t in e.targets}
        offsets = ",".join(str(e.frame.trigger.start) for e in group)
        extra = (*first.extra, ("merged_count", str(len(group))), ("merged_offsets", offsets))
        merged.append(dataclasses.replace(first, time=time, targets=tuple(targets.values()), extra=extra))
    return merged


def _in_headline(event: Event) -> bool:
    sentence = event.frame.sentence.rstrip()
    return event.frame.sentence_start == 0 and bool(sentence) and sentence[-1] not in ".!?\"'”"


def _covered(actor: Actor, others: Sequence[Actor]) -> bool:
    """The same actor, or the country a headline names for its government or forces ("Ethiopia declares
    ..." -> "Ethiopia's government declared ...")."""
    return any(
        o.key == actor.key
        or (actor.kind == "country" and actor.country is not None and o.country == actor.country)
        for o in others
    )


def _retold(headline: Event, body: Event) -> bool:
    """The body event tells the headline's: same trigger word, or same category and covering agents."""
    if (body.frame.negated, body.frame.hypothetical) != (headline.frame.negated, headline.frame.hypothetical):
        return False
    if headline.frame.trigger.lemma and body.frame.trigger.lemma == headline.frame.trigger.lemma:
        return True
    generic = headline.event_class  # "strike" (Assault) in the headline, "launched air strikes" below
    same = body.event_class == generic or EVENT_CLASSES.get(body.event_class) == generic
    return same and all(_covered(a, body.agents) for a in headline.agents)


def absorb_headline(events: Sequence[Event]) -> list[Event]:
    """Drop headline events told again in the body (see the module docstring); the body event notes
    ``headline_offset``. An event class's own match wins over a category match."""
    out = list(events)
    for event in [e for e in events if _in_headline(e)]:
        told = [e for e in out if not _in_headline(e) and _retold(event, e)]
        body = next((e for e in told if e.event_class == event.event_class), told[0] if told else None)
        if body is not None:
            out.remove(event)
            index = out.index(body)
            note = ("headline_offset", str(event.frame.trigger.start))
            out[index] = dataclasses.replace(body, extra=(*body.extra, note))
    return out
