"""Time expressions -> ``TimeValue``, with the conventions of news writing, anchored on the publication date.

Rules (D = publication date; "past" unless the clause is future or hypothetical):
- weekday ("on Thursday"): past -> the latest such day on or before D (a Friday story's "on Friday" is D);
  future -> the first on or after D; "last Thursday" strictly before, "next Thursday" strictly after;
  "this Friday" -> that weekday in D's Monday-to-Sunday week.
- today/tonight/now -> D; yesterday -> D-1; tomorrow -> D+1; "N days ago" -> D-N (day);
  "N weeks ago" -> that Monday-Sunday week (span); "N months ago" -> month; "N years ago" -> year.
- month without a year ("in July"): past -> the latest July that started on or before D; future -> the next.
  Day and month without a year ("on 12 August") likewise. With a year: that month/day/year.
- "since X" -> span from the start of X to D. "early/mid/late 2021" -> Jan-Apr / May-Aug / Sep-Dec spans;
  "early/mid/late July" -> days 1-10 / 11-20 / 21-end; "the beginning/middle/end of X" likewise, for any
  X that resolves ("the end of last month"; other spans: their thirds). "May last year" -> that month.
- "last week" -> previous Monday-Sunday; "the last/past week", "in recent days/weeks/months", "in one
  month" (past) -> rolling span ending at D (recent days = 7, weeks = 28, months = 90 days);
  "in the next 24-48 hours" -> D+1..D+2; "in two days" (future) -> D+2.
- this/last/next month and year; "later this month" -> D+1..month end; "earlier this month" -> 1st..D-1.
- "the 1990s", "2021-22" -> spans. Clock times and parts of the day are dropped ("noon Friday" -> Friday);
  alone ("5 pm", "dawn") they give None, as do durations without anchor ("for months", "twenty years
  after", "hours earlier"). Anything else naming a date -> dateparser (English only, RELATIVE_BASE = D,
  PREFER_DATES_FROM past/future), whose ``period`` gives the precision.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from kg.model import EventFrame, Mention, TimeValue
from kg.resolve.daterules import (
    MONTH_PATTERN,
    PART_PATTERN,
    WEEKDAYS,
    WINDOW_PREPS,
    calendar_rule,
    day_value,
    month_value,
    part_of,
    relative_rule,
    span_value,
    week_of,
    weekday_rule,
    year_value,
)
from kg.resolve.text import fold

__all__ = [
    "resolve_time", "resolve_expression", "tense_of", "default_time", "clock_only", "hours_only",
    "FUTURE_MARKERS",
]  # fmt: skip

PREPOSITIONS = ("on", "in", "at", "since", "until", "till", "by", "during", "from", "over", "within", "for",
                "before", "after", "as of", "throughout", "of")  # fmt: skip
FUTURE_MARKERS = frozenset(
    ["will", "'ll", "shall", "going", "plans", "plan", "planned", "intends", "intend", "threatened",
     "threatens", "vowed", "vows", "would", "could", "might", "may"]
)  # fmt: skip
_TIME_OF_DAY = re.compile(
    r"\b(?:at|around|about|early|late|on)?\s*(?:(?:dawn|dusk|noon|midday|midnight|morning|afternoon|evening|"
    r"night|overnight|local time|gmt|utc)\b|\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|h\b))"
)
# what _dateparser reads at all: a calendar date, a weekday or "ago"; without a publication date a year
_DATELIKE = re.compile(rf"\d|\bago\b|\b{MONTH_PATTERN}\b|\b(?:{'|'.join(WEEKDAYS)})\b")
_YEAR = re.compile(r"\d{4}")
_SPACES = re.compile(r"\s+")
_UNITS_ONLY = re.compile(
    r"(?:months|weeks|years|days|hours|decades)|(?:hours|days|weeks|months) (?:earlier|later)"
)
_WINDOW_WORD = re.compile(r"\b(next|past|last|coming)\b")
_LEADING_PREPS = re.compile(r"^(?:(?:on|at|in|early|late)\s+)+")
_DURATION = re.compile(r"(?:about |some |nearly |almost )?\d+ (?:hour|day|week|month|year|decade)s?")


_CLOCK_WORDS = frozenset({"before", "after", "shortly", "just", "around", "about", "at", "in", "the", "by",
                          "until", "from", "during", "of", "early", "late", "hours", "small"})  # fmt: skip


def clock_only(text: str) -> bool:
    """The expression names a time of day and no date: "before dawn", "shortly after 3 am", "overnight"."""
    t = fold(text).lower()
    if not _TIME_OF_DAY.search(t) and "early hours" not in t:
        return False
    return all(w in _CLOCK_WORDS for w in _TIME_OF_DAY.sub(" ", t).replace(",", " ").split())


# a stretch of hours names no day: "after two hours of fighting", "for nearly two hours", "about 40 minutes"
_HOURS = re.compile(
    r"^(?:(?:about|nearly|almost|some|more than|over|at least|up to|several|a few|a couple of)\s+)*"
    r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d+|several|few|many)?\s*"
    r"(?:hours?|minutes?)$",
    re.I,
)


def hours_only(text: str) -> bool:
    """The expression is a stretch of hours or minutes, no date: "after two hours", "about 40 minutes"."""
    return _HOURS.match(text.strip()) is not None


@lru_cache(maxsize=64)
def _parser(base: dt.date | None, future: bool) -> Any:
    """An English-only dateparser (never loads other languages), one per anchor date and direction."""
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "future" if future else "past"}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser(t: str, d: dt.date | None, future: bool, raw: str) -> TimeValue | None:
    """Other formats ("2021-08-10", "Aug. 12"): only text naming a calendar date, a weekday or "ago"."""
    if not _DATELIKE.search(t):
        return None
    if d is None and not _YEAR.search(t):
        return None
    try:
        data = _parser(d, future).get_date_data(t)
    except (ValueError, OverflowError):
        return None
    if data.date_obj is None or not 1800 <= data.date_obj.year <= 2200:
        return None
    day = data.date_obj.date()
    if data.period == "year":
        return year_value(day.year, raw)
    if data.period == "month":
        return month_value(day.year, day.month, raw)
    if data.period == "week":
        return span_value(*week_of(day), raw)
    return day_value(day, raw)


def _rules(t: str, d: dt.date | None, future: bool, raw: str, prep: str) -> TimeValue | None:
    value = calendar_rule(t, d, future, raw)
    if value is None and d is not None:
        value = weekday_rule(t, d, future, raw) or relative_rule(t, d, future, raw, prep)
    part = PART_PATTERN.fullmatch(t) if value is None else None
    if part is not None:  # "at the end of April", "early last month"
        rest = part.group(3)
        rest = f"this {rest}" if rest in ("week", "month", "year") else rest  # "the end of the year"
        whole = _rules(rest, d, future, raw, prep)
        value = part_of(part.group(1) or part.group(2), whole, raw) if whole is not None else None
    return value


def resolve_expression(
    text: str, prep: str, doc_date: dt.date | None, future: bool = False
) -> TimeValue | None:
    """One time expression (without or with its preposition) -> TimeValue, or None (cached with a
    publication date: the frames of a document share their time phrases; without one, dateparser reads
    a bare year against today)."""
    if doc_date is None:
        return _resolve(text, prep, doc_date, future)
    return _resolved(text, prep, doc_date, future)


@lru_cache(maxsize=4096)
def _resolved(text: str, prep: str, doc_date: dt.date, future: bool) -> TimeValue | None:
    return _resolve(text, prep, doc_date, future)


def _resolve(text: str, prep: str, doc_date: dt.date | None, future: bool) -> TimeValue | None:
    raw = text.strip()
    t = _SPACES.sub(" ", fold(raw).lower().strip(" .,;:\"'"))
    for p in PREPOSITIONS:
        if t.startswith(p + " "):
            prep, t = prep or p, t[len(p) + 1 :]
            break
    if _UNITS_ONLY.fullmatch(t):
        return None
    if _DURATION.fullmatch(t) and prep not in WINDOW_PREPS:  # "20 years after ..."
        return None
    if prep == "for" and not _WINDOW_WORD.search(t):
        return None
    value = _rules(t, doc_date, future, raw, prep)
    if value is None:
        bare = _SPACES.sub(" ", _TIME_OF_DAY.sub(" ", t)).strip(" ,")  # "noon Friday" -> "friday"
        bare = _LEADING_PREPS.sub("", bare)
        if bare != t:
            return _rules(bare, doc_date, future, raw, prep) if bare else None
        value = _dateparser(t, doc_date, future, raw)
    if value is not None and prep == "since" and doc_date is not None and value.start <= doc_date:
        return TimeValue(value.start, doc_date, "span", raw)
    return value


def resolve_time(
    mentions: Sequence[Mention], doc_date: dt.date | None, tense_hint: str | None = None
) -> TimeValue | None:
    """The first time mention (in text order) that resolves. ``tense_hint`` is "past" or "future"."""
    future = tense_hint == "future"
    for mention in sorted(mentions, key=lambda m: m.start):
        value = resolve_expression(mention.text, mention.lemma.lower(), doc_date, future)
        head = _GLUED.sub("", mention.text)
        if value is None and head != mention.text:  # "Sunday after days (of clashes)": the NER's span
            value = resolve_expression(head, mention.lemma.lower(), doc_date, future)
        if value is not None:
            return value
    return None


# a date entity that runs on into a clause or a duration ("Sunday after days", "Monday and Tuesday")
_GLUED = re.compile(r"\s+(?:after|before|until|till|following|and|as|when|while)\b.*$", re.IGNORECASE)


def tense_of(frame: EventFrame) -> str:
    """ "future" when the frame is hypothetical or a future/modal marker precedes the trigger, else "past"."""
    if frame.hypothetical:
        return "future"
    # the last four words before the trigger (and the rest of the sentence before them, when there is more)
    words = frame.sentence[: max(0, frame.trigger.start - frame.sentence_start)].rsplit(None, 4)
    first = len(words) <= 4  # the sentence's first word is among them
    for n, word in enumerate(words if first else words[1:]):
        word = word.strip(",")
        # "Since May, when the withdrawal began": the month, not the modal (which is capitalised only first)
        if (word != "May" or (first and n == 0)) and word.lower() in FUTURE_MARKERS:
            return "future"
    return "past"


def default_time(frame: EventFrame, doc_date: dt.date | None) -> TimeValue | None:
    """No time expression: the publication date (``derived=True``) for a fresh, asserted, non-future event."""
    if doc_date is None or frame.negated or frame.hypothetical or tense_of(frame) == "future":
        return None
    return TimeValue(doc_date, doc_date, "day", None, derived=True)
