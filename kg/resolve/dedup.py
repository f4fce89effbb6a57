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
("strike" is an Assault, "air strikes" an AirStrike), or of the category a finer headline class belongs
to ("drone strikes hit a camp", "struck the camp"), whose agents include the headline's (a country
covers its own government or forces); or one with the same trigger word. "Jihadists seize town in
central Mali" is the "seized the town of Boni on Sunday" of the first paragraph, told with less detail;
"US and Britain strike Houthi targets" the body's "launched air strikes"; "Niger expels diplomats" the
body's "expelled", whatever class or agents the terse headline parse gave it. A headline event the body
does not tell again, with no date of its own, takes the day of the body's first dated event.

``fold_retold`` folds a use of force named only by its category, with no time or place of its own, into
the finer one of that category the same side did on the same day in the same place ("An Israeli drone
strike ... killed two people on Wednesday. The military said it had targeted a Hezbollah operative": the
operative is the strike's target, not a second attack's).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from kg.eventclasses import EVENT_CLASSES
from kg.frozen import evolve
from kg.model import Actor, Event, merge_key
from kg.resolve.actortable import STATE_ORGAN_SECTORS

__all__ = ["merge_key", "merge_events", "absorb_headline", "fold_retold"]

UNNAMED_GROUP = "unidentified-armed-group"  # kg.resolve.actortable's key for an armed group left unnamed
ALSO = re.compile(r"\balso\b", re.I)  # "They also set fire to ...": another act, no retelling


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
        merged.append(evolve(first, time=time, targets=tuple(targets.values()), extra=extra))
    return merged


def _in_headline(event: Event) -> bool:
    if event.frame.sentence_start != 0:
        return False  # (the cheap test first)
    sentence = event.frame.sentence.rstrip()
    return bool(sentence) and sentence[-1] not in ".!?\"'”"


NON_GROUP_SECTORS = STATE_ORGAN_SECTORS | {"CVL"}  # a state's organs and civilians


def _covered(actor: Actor, others: Sequence[Actor]) -> bool:
    """The same actor, or the country a headline names for its government or forces ("Ethiopia declares
    ..." -> "Ethiopia's government declared ..."), or the group the body names for the fighters a headline
    leaves unnamed ("Karen fighters seize army camp" -> "Fighters of the Karen National Liberation Army")."""
    unnamed = actor.key.startswith(UNNAMED_GROUP)
    return any(
        o.key == actor.key
        or (actor.kind == "country" and actor.country is not None and o.country == actor.country)
        or (unnamed and o.kind in ("group", "organization") and o.sector not in NON_GROUP_SECTORS)
        for o in others
    )


def _asserted(event: Event) -> bool:
    return not (event.frame.negated or event.frame.hypothetical)


def fold_retold(events: Sequence[Event]) -> list[Event]:
    """``events`` in text order; a use of force named only by its category, with no time or place of its
    own, after a finer one of that category by the same side on the same day in the same place, retells
    it ("An Israeli drone strike ... killed two people on Wednesday. The military said it had targeted a
    Hezbollah operative."): its targets join that event, noted ``retold_offset``."""
    out: list[Event] = []
    for event in events:
        k = _told_before(out, event)
        if k is None:
            out.append(event)
            continue
        told = out[k]
        targets = tuple({t.key: t for t in (*told.targets, *event.targets)}.values())
        note = ("retold_offset", str(event.frame.trigger.start))
        out[k] = evolve(told, targets=targets, extra=(*told.extra, note))
    return out


def _told_before(earlier: Sequence[Event], event: Event) -> int | None:
    """The index of the last earlier event that ``event`` retells (see :func:`fold_retold`), if any."""
    frame = event.frame
    cls = frame.event_class
    generic = EVENT_CLASSES.get(cls) == cls
    if not (generic and event.agents and _asserted(event)) or frame.times or frame.places:
        return None
    if ALSO.search(frame.sentence[: frame.trigger.start - frame.sentence_start]):
        return None  # "They also set fire to the granaries": another act
    for k in range(len(earlier) - 1, -1, -1):
        told = earlier[k]
        finer = told.frame.event_class != cls and EVENT_CLASSES.get(told.frame.event_class) == cls
        if (
            finer
            and _asserted(told)
            and told.places == event.places
            and _own_day(told) is not None
            and _own_day(told) == _day(event)
            and _same_side(told.agents, event.agents)
        ):
            return k
    return None


def _day(event: Event) -> tuple[object, object] | None:
    return None if event.time is None else (event.time.start, event.time.end)


def _own_day(event: Event) -> tuple[object, object] | None:
    """The day a time expression of the event's own gave (not the publication date nor a carried one)."""
    return None if event.time is None or event.time.derived else _day(event)


STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})


def _same_side(one: Sequence[Actor], other: Sequence[Actor]) -> bool:
    """An actor in common, or a country and its own government or forces ("Israel" / "the Israeli
    military"), not a rebel group of that country."""

    def state_of(country: Actor, actors: Sequence[Actor]) -> bool:
        return country.kind == "country" and any(
            a.country == country.country and a.sector in STATE_SECTORS for a in actors
        )

    keys = {a.key for a in one}
    return (
        any(a.key in keys for a in other)
        or any(state_of(a, other) for a in one)
        or any(state_of(a, one) for a in other)
    )


def _retold(headline: Event, body: Event) -> bool:
    """The body event tells the headline's: same trigger word, or same category and covering agents."""
    if (body.frame.negated, body.frame.hypothetical) != (headline.frame.negated, headline.frame.hypothetical):
        return False
    if headline.frame.trigger.lemma and body.frame.trigger.lemma == headline.frame.trigger.lemma:
        return True
    # "strike" (Assault) in the headline, "launched air strikes" below; or "drone strikes hit" (AirStrike)
    # told below as "struck the camp" (Assault)
    cls, told = headline.event_class, body.event_class
    same = told == cls or EVENT_CLASSES.get(told) == cls or EVENT_CLASSES.get(cls) == told
    # a terse headline drops the passive's "was": "UN convoy hit near Timbuktu" parses the convoy as the doer
    parties = [*body.agents, *body.targets]
    return same and all(_covered(a, parties) for a in headline.agents)


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
            out[index] = evolve(body, extra=(*body.extra, note))
        elif event.time is not None and event.time.derived:
            out[out.index(event)] = _dated_by_lead(event, out)
    return out


def _dated_by_lead(headline: Event, events: Sequence[Event]) -> Event:
    """A headline sums up the story's lead: an event of it the body does not tell again, with no date of
    its own, takes the day of the body's first event dated by its own expression ("Russian glide bombs
    kill five in Zaporizhzhia" -> "... on Monday"), still marked derived and noted ``time_rule``."""
    lead = next(
        (e.time for e in events if not _in_headline(e) and e.time is not None and not e.time.derived), None
    )
    if lead is None or lead.precision != "day":
        return headline
    time = evolve(lead, raw=None, derived=True)
    note = ("time_rule", "day of the story's first dated event (a headline)")
    extra = tuple(e for e in headline.extra if e[0] != "time_rule")
    return evolve(headline, time=time, extra=(*extra, note))
