"""Dates an event takes from the events told before it in the same document.

News writes a date once and lets the following sentences lean on it:

- "The same day, gunmen ambushed a convoy": "the same day", "that night", "later that day" is the day of the
  last asserted (not negated, not envisaged) event dated by its own expression; "the next day" / "the
  following day" the day after it, "the day before" / "the previous day" the day before it;
- "Protesters rallied in Lahore on Sunday. Police fired tear gas and detained 23 of them.": an event with no
  date expression (a time of day alone, "before dawn", names none), which would take the publication date
  (``derived``), takes instead the date of the last such dated event of the same paragraph, still marked
  ``derived``; a use of force with none before it in its paragraph takes the day of the story's last use
  of force dated by its own expression.

An event whose own expression could not be anchored ("two days after the bombing") keeps what
:func:`kg.resolve.dates.resolve_time` gave it: only a bare sentence borrows a date.

Where an event with no place of its own happened is in :mod:`kg.resolve.scenes`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache

from kg.eventclasses import EVENT_CLASSES
from kg.frozen import evolve
from kg.model import Event, TimeValue
from kg.resolve.daterules import NUMBERS
from kg.resolve.dates import clock_only, hours_only

__all__ = ["carry_dates", "anchored_dates", "paragraphs", "paragraph_of", "use_of_force", "ANAPHORIC_DAYS"]

# the anaphoric day expression -> days from the day it points back to
ANAPHORIC_DAYS = {
    "same day": 0, "that day": 0, "same night": 0, "that night": 0, "same morning": 0, "that morning": 0,
    "same evening": 0, "that evening": 0, "same afternoon": 0, "that afternoon": 0, "later that day": 0,
    "earlier that day": 0, "next day": 1, "following day": 1, "day after": 1, "previous day": -1,
    "day before": -1, "next morning": 1, "following morning": 1, "next evening": 1, "following evening": 1,
    "next night": 1, "following night": 1, "previous evening": -1, "previous night": -1,
    "previous morning": -1, "previous afternoon": -1, "evening before": -1, "night before": -1,
}  # fmt: skip
# the month of the last dated event ("Later that month, soldiers clashed ..."), or the one after or before it
ANAPHORIC_MONTHS = {
    "that month": 0,
    "same month": 0,
    "later that month": 0,
    "earlier that month": 0,
    "following month": 1,
    "previous month": -1,
    "month before": -1,
    "month after": 1,
}  # fmt: skip  (not "next month": said of the publication date, like "last month")
_LEAD = re.compile(r"^(?:the|on|by|on the)\s+", re.IGNORECASE)
# a counted distance from the last dated event: "a day later", "two days later", "hours later", "a week
# earlier"; hours count as the same day
_EXACT = "|".join(w for w in NUMBERS if w not in ("few", "several", "couple"))  # "several days" is vague
_DISTANCE = re.compile(rf"(?:(\d+|{_EXACT}) )?(hour|day|week)s? (later|afterwards|earlier)")
_DISTANCE_DAYS = {"hour": 0, "day": 1, "week": 7}
_DISTANCE_AT_END = re.compile(rf"(?<=\s)(?:{_DISTANCE.pattern})$")
_LATER = re.compile(r"^(?:later|earlier)\s+(?=(?:the|that)\s)")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")


def paragraphs(text: str) -> list[int]:
    """Offsets where the text's paragraphs after the first start."""
    return [m.end() for m in _PARAGRAPH.finditer(text)]


def paragraph_of(breaks: list[int], event: Event) -> int:
    return bisect.bisect_right(breaks, event.frame.sentence_start)


def _dated(event: Event) -> bool:
    """The event has a time expression naming a date, not only a time of day ("before dawn") or a
    stretch of hours ("after two hours of fighting")."""
    return any(not (clock_only(m.text) or hours_only(m.text)) for m in event.frame.times)


def _anaphoric_shift(event: Event) -> tuple[int, int] | None:
    """(offset of the anaphoric day expression, its shift in days), or None."""
    for mention in event.frame.times:
        shift = _day_shift(mention.text)
        if shift is not None:
            return mention.start, shift
    return None


@lru_cache(maxsize=4096)
def _day_shift(text: str) -> int | None:
    """The shift in days an anaphoric day expression names, or None (cached: a function of the text)."""
    words = _LEAD.sub("", " ".join(text.lower().split()))
    words = _LEAD.sub("", _LATER.sub("", words))  # "later the same day"
    if words in ANAPHORIC_DAYS:
        return ANAPHORIC_DAYS[words]
    # "recaptured the town hours later", the entity running over the object before it
    distance = _DISTANCE.fullmatch(words) or _DISTANCE_AT_END.search(words)
    if distance is None:
        return None
    count, unit, way = distance.groups()
    days = _DISTANCE_DAYS[unit]
    if days and count is None:
        return None  # "days later" names no number
    number = (int(count) if count.isdigit() else NUMBERS[count]) if count else 1
    return number * days * (-1 if way == "earlier" else 1)


def _anaphoric_month(event: Event, last: TimeValue | None) -> TimeValue | None:
    """ "Later that month": the month of the last dated event, when the event's expression is one."""
    if last is None or last.precision not in ("day", "month") or not event.frame.times:
        return None
    words = [_LEAD.sub("", " ".join(m.text.lower().split())) for m in event.frame.times]
    shift = next((ANAPHORIC_MONTHS[w] for w in words if w in ANAPHORIC_MONTHS), None)
    if shift is None:
        return None
    index = last.start.year * 12 + last.start.month - 1 + shift
    first = dt.date(index // 12, index % 12 + 1, 1)
    after = (first + dt.timedelta(days=32)).replace(day=1)
    raw = next(m.text for m in event.frame.times)
    return TimeValue(first, after - dt.timedelta(days=1), "month", raw)


def _shifted_day(
    shift: tuple[int, int] | None, last: TimeValue | None, shifted: dict[int, dt.date]
) -> dt.date | None:
    """The day an anaphoric expression names: the one already computed for it, else the last dated
    event's day shifted."""
    if shift is None:
        return None
    if shift[0] in shifted:
        return shifted[shift[0]]
    return last.start + dt.timedelta(days=shift[1]) if last is not None and last.precision == "day" else None


def carry_dates(events: Sequence[Event], text: str) -> list[Event]:
    """``events`` in text order, with anaphoric and bare-sentence dates filled in (see the module doc)."""
    breaks = paragraphs(text)
    out: list[Event] = []
    last: tuple[TimeValue, int] | None = None  # the last own date, and its paragraph
    scene: TimeValue | None = None  # the last own day of a use of force, in any paragraph
    shifted: dict[int, dt.date] = {}  # an anaphoric expression's day, for the events sharing it
    for event in events:
        paragraph = paragraph_of(breaks, event)
        time = event.time
        shift = _anaphoric_shift(event)
        day = _shifted_day(shift, last[0] if last is not None else None, shifted)
        day = day or _shifted_day(shift, scene, {})  # a month last named: the day of the last use of force
        month = _anaphoric_month(event, last[0] if last is not None else None)
        if month is not None:
            time = month
            extra = tuple(e for e in event.extra if e[0] != "time_rule")
            note = ("time_rule", "month of the previous dated event")
            event = evolve(event, time=time, extra=(*extra, note))
        elif shift is not None and day is not None:
            # "The previous evening, two shepherds were killed when a bomb exploded": one day for both
            shifted[shift[0]] = day
            raw = next((m.text for m in event.frame.times), None)
            time = TimeValue(day, day, "day", raw)
            extra = tuple(e for e in event.extra if e[0] != "time_rule")
            note = ("time_rule", "day of the previous dated event")
            event = evolve(event, time=time, extra=(*extra, note))
        elif (
            last is not None
            and last[1] == paragraph
            and last[0].precision == "day"
            and time is not None
            and time.derived
            and not _dated(event)
        ):
            time = evolve(last[0], raw=None, derived=True)
            extra = tuple(e for e in event.extra if e[0] != "time_rule")
            note = ("time_rule", "date of the paragraph's earlier event (no time expression)")
            event = evolve(event, time=time, extra=(*extra, note))
        elif (
            scene is not None
            and time is not None
            and time.derived
            and not _dated(event)
            and use_of_force(event)
        ):
            # "The gunmen ... shot dead a vigilante" in a later paragraph: the day of the story's scene
            time = evolve(scene, raw=None, derived=True)
            extra = tuple(e for e in event.extra if e[0] != "time_rule")
            note = ("time_rule", "date of the story's earlier use of force (no time expression)")
            event = evolve(event, time=time, extra=(*extra, note))
        if time is not None and not time.derived and not (event.frame.negated or event.frame.hypothetical):
            last = (time, paragraph)  # an envisaged or negated event's day is no anchor
            scene = time if use_of_force(event) and time.precision == "day" else scene
        out.append(event)
    return out


def anchored_dates(events: Sequence[Event]) -> list[Event]:
    """Events a counted distance relates (``EventFrame.anchor``: "a day after the group fired"): the one
    without a date of its own takes the other's day shifted by the distance, noted ``time_rule``."""
    out = list(events)
    at = {e.frame.trigger.start: n for n, e in enumerate(out)}
    for n, event in enumerate(events):
        if event.frame.anchor is None or event.frame.anchor[0] not in at:
            continue
        start, days = event.frame.anchor
        k = at[start]
        for this, other, shift in ((n, k, days), (k, n, -days)):
            time, known = out[this].time, out[other].time
            # a day, or for "hours after" any stated time: "in June ..., hours after he accused" is June too
            own = known is not None and not known.derived and (known.precision == "day" or shift == 0)
            if own and (time is None or time.derived) and not out[this].frame.hypothetical:
                assert known is not None
                day = known.start + dt.timedelta(days=shift)
                note = (
                    "time_rule",
                    f"{abs(shift)} day(s) {'after' if shift >= 0 else 'before'} another event",
                )
                extra = tuple(e for e in out[this].extra if e[0] != "time_rule")
                # a stated month or span is taken over whole, without the other event's words
                moved = (
                    TimeValue(day, day, "day", None) if known.precision == "day" else evolve(known, raw=None)
                )
                out[this] = evolve(out[this], time=moved, extra=(*extra, note))
                break
    return out


FORCE = frozenset({"Assault"})
CAMPAIGN_NOUNS = frozenset({"offensive", "campaign", "war", "insurgency", "conflict", "violence"})
_ELSEWHERE = re.compile(r"^\W*(?:elsewhere|separately|meanwhile|in another|in a separate|further)\b", re.I)


def use_of_force(event: Event, categories: frozenset[str] = FORCE) -> bool:
    """A use of force at a scene (or an act of ``categories``): no campaign ("their offensive"), no story
    opening elsewhere."""
    if EVENT_CLASSES.get(event.event_class) not in categories or _ELSEWHERE.match(event.frame.sentence):
        return False
    return event.frame.trigger.lemma.lower() not in CAMPAIGN_NOUNS
