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
  "early/mid/late July" -> days 1-10 / 11-20 / 21-end.
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

import calendar
import datetime as dt
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from kg.model import EventFrame, Mention, TimeValue
from kg.resolve.text import fold

__all__ = ["resolve_time", "resolve_expression", "tense_of", "default_time", "FUTURE_MARKERS"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "few": 3, "several": 3,
           "couple": 2}  # fmt: skip
UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}
RECENT_DAYS = {"day": 7, "week": 28, "month": 90, "year": 730}
PREPOSITIONS = ("on", "in", "at", "since", "until", "till", "by", "during", "from", "over", "within", "for",
                "before", "after", "as of", "throughout", "of")  # fmt: skip
FUTURE_MARKERS = frozenset(
    ["will", "'ll", "shall", "going", "plans", "plan", "planned", "intends", "intend", "threatened",
     "threatens", "vowed", "vows", "would", "could", "might", "may"]
)  # fmt: skip
WINDOW_PREPS = frozenset({"in", "over", "within", "during", "throughout"})
_TIME_OF_DAY = re.compile(
    r"\b(?:at|around|about|early|late|on)?\s*(?:(?:dawn|dusk|noon|midday|midnight|morning|afternoon|evening|"
    r"night|overnight|local time|gmt|utc)\b|\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|h\b))"
)
_DURATION = re.compile(r"(?:about |some |nearly |almost )?\d+ (?:hour|day|week|month|year|decade)s?")
PARTS = {"early": (1, 4, 1, 10), "mid": (5, 8, 11, 20), "late": (9, 12, 21, 31)}
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_NUM = r"(\d+|" + "|".join(NUMBERS) + ")"


def _span(start: dt.date, end: dt.date, raw: str, precision: str = "span") -> TimeValue:
    return TimeValue(min(start, end), max(start, end), precision, raw)


def _day(day: dt.date, raw: str) -> TimeValue:
    return TimeValue(day, day, "day", raw)


def _month(year: int, month: int, raw: str) -> TimeValue:
    last = calendar.monthrange(year, month)[1]
    return TimeValue(dt.date(year, month, 1), dt.date(year, month, last), "month", raw)


def _year(year: int, raw: str) -> TimeValue:
    return TimeValue(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", raw)


def _shift_month(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS[word]


def _week(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _weekday(t: str, d: dt.date, future: bool, raw: str) -> TimeValue | None:
    m = re.fullmatch(
        r"(?:(this|last|next|past|coming)\s+)?(\w+day)(?:\s+(?:morning|afternoon|evening|night))?", t
    )
    if not m or m.group(2) not in WEEKDAYS:
        return None
    target, modifier = WEEKDAYS.index(m.group(2)), m.group(1)
    back = (d.weekday() - target) % 7
    ahead = (target - d.weekday()) % 7
    if modifier == "this":
        return _day(_week(d)[0] + dt.timedelta(days=target), raw)
    if modifier in ("last", "past"):
        return _day(d - dt.timedelta(days=back or 7), raw)
    if modifier in ("next", "coming"):
        return _day(d + dt.timedelta(days=ahead or 7), raw)
    return _day(d + dt.timedelta(days=ahead) if future else d - dt.timedelta(days=back), raw)


def _month_year(month: int, year: int | None, d: dt.date | None, future: bool) -> int | None:
    if year is not None:
        return year
    if d is None:
        return None
    if future:
        return d.year if month >= d.month else d.year + 1
    return d.year if month <= d.month else d.year - 1


def _calendar(t: str, d: dt.date | None, future: bool, raw: str) -> TimeValue | None:
    year: int | None
    m = re.fullmatch(r"(early|mid|late)[\s-]+(\d{4})", t)
    if m:
        lo, hi, _, _ = PARTS[m.group(1)]
        whole = int(m.group(2))
        return _span(dt.date(whole, lo, 1), dt.date(whole, hi, calendar.monthrange(whole, hi)[1]), raw)
    m = re.fullmatch(rf"(early|mid|late)[\s-]+{_MONTH}(?:\s+(\d{{4}}))?", t)
    if m:
        month = MONTHS[m.group(2)]
        year = _month_year(month, int(m.group(3)) if m.group(3) else None, d, future)
        if year is None:
            return None
        _, _, lo, hi = PARTS[m.group(1)]
        hi = min(hi, calendar.monthrange(year, month)[1])
        return _span(dt.date(year, month, lo), dt.date(year, month, hi), raw)
    m = re.fullmatch(rf"(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?(?:\s+(\d{{4}}))?", t)
    m = m or re.fullmatch(rf"{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?(?:\s+(\d{{4}}))?", t)
    if m:
        first, second = m.group(1), m.group(2)
        day, month = (int(first), MONTHS[second]) if first.isdigit() else (int(second), MONTHS[first])
        year = int(m.group(3)) if m.group(3) else None
        if year is None and d is not None:
            this = dt.date(d.year, month, min(day, calendar.monthrange(d.year, month)[1]))
            year = d.year if (this >= d if future else this <= d) else d.year + (1 if future else -1)
        if year is None or day > calendar.monthrange(year, month)[1]:
            return None
        return _day(dt.date(year, month, day), raw)
    m = re.fullmatch(rf"{_MONTH}(?:,?\s+(\d{{4}}))?", t)
    if m:
        month = MONTHS[m.group(1)]
        year = _month_year(month, int(m.group(2)) if m.group(2) else None, d, future)
        return _month(year, month, raw) if year is not None else None
    m = re.fullmatch(r"(?:the\s+)?(\d{3}0)'?s", t)
    if m:  # "the 1990s"
        start = int(m.group(1))
        return _span(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), raw)
    m = re.fullmatch(r"(\d{4})\s*[-/]\s*(\d{2}|\d{4})", t)
    if m:  # "2021-22", "2019/2020"
        first, last = int(m.group(1)), int(m.group(2))
        last = last if last >= 100 else first // 100 * 100 + last
        if first < last <= first + 20:
            return _span(dt.date(first, 1, 1), dt.date(last, 12, 31), raw)
    m = re.fullmatch(r"(\d{4})", t)
    if m and 1800 <= int(m.group(1)) <= 2200:
        return _year(int(m.group(1)), raw)
    return None


def _relative(t: str, d: dt.date, future: bool, raw: str, prep: str = "") -> TimeValue | None:
    one = dt.timedelta(days=1)
    if t in (
        "today",
        "tonight",
        "now",
        "this morning",
        "this afternoon",
        "this evening",
        "earlier today",
        "later today",
        "right now",
        "currently",
    ):
        return _day(d, raw)
    if re.fullmatch(r"yesterday(?:\s+(?:morning|afternoon|evening))?|last night", t):
        return _day(d - one, raw)
    if t == "the day before yesterday":
        return _day(d - 2 * one, raw)
    if re.fullmatch(r"tomorrow(?:\s+(?:morning|afternoon|evening|night))?", t):
        return _day(d + one, raw)
    m = re.fullmatch(rf"(?:about\s+|some\s+)?{_NUM}\s+(day|week|month|year)s?\s+ago", t)
    if m:
        n, unit = _number(m.group(1)), m.group(2)
        if unit == "day":
            return _day(d - n * one, raw)
        if unit == "week":
            return _span(*_week(d - dt.timedelta(days=7 * n)), raw)
        if unit == "month":
            return _month(*_shift_month(d, -n), raw)
        return _year(d.year - n, raw)
    m = re.fullmatch(
        r"(last|this|next|the past|the last|the coming|the next|the previous)\s+(week|month|year)", t
    )
    if m:
        which, unit = m.group(1), m.group(2)
        if which.startswith("the"):  # rolling window: "in the last week"
            days = UNIT_DAYS[unit]
            if which in ("the coming", "the next"):
                return _span(d + one, d + dt.timedelta(days=days), raw)
            return _span(d - dt.timedelta(days=days), d, raw)
        step = {"last": -1, "this": 0, "next": 1}[which]
        if unit == "week":
            lo, hi = _week(d + dt.timedelta(days=7 * step))
            return _span(lo, min(hi, d) if step == 0 and not future else hi, raw)
        if unit == "month":
            return _month(*_shift_month(d, step), raw)
        return _year(d.year + step, raw)
    m = re.fullmatch(r"(the|this|last|next) weekend", t)
    if m:
        saturday = d - dt.timedelta(days=(d.weekday() - 5) % 7)
        step = {"last": -7, "next": 7}.get(m.group(1), 7 if future and d.weekday() < 5 else 0)
        saturday += dt.timedelta(days=step)
        return _span(saturday, saturday + one, raw)
    m = re.fullmatch(r"(later|earlier) this (week|month|year)", t)
    if m:
        if m.group(2) == "week":
            lo, hi = _week(d)
        elif m.group(2) == "month":
            lo, hi = d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1])
        else:
            lo, hi = dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
        return _span(d + one, hi, raw) if m.group(1) == "later" else _span(lo, max(lo, d - one), raw)
    m = re.fullmatch(r"(?:the\s+)?recent\s+(day|week|month|year)s", t)
    if m:
        return _span(d - dt.timedelta(days=RECENT_DAYS[m.group(1)]), d, raw)
    m = re.fullmatch(
        rf"(?:the\s+)?(?:(past|last|next|coming|first)\s+)?(?:just\s+|only\s+)?(?:a\s+)?{_NUM}"
        rf"(?:\s*(?:-|to|or)\s*(\d+))?\s+(hour|day|week|month|year)s?",
        t,
    )
    if m:
        which, lo_n, hi_n, unit = m.group(1), _number(m.group(2)), m.group(3), m.group(4)
        if which is None and prep not in WINDOW_PREPS:  # "twenty years after ...": a bare duration
            return None
        days_lo = UNIT_DAYS[unit] * lo_n
        days_hi = UNIT_DAYS[unit] * (int(hi_n) if hi_n else lo_n)
        if which in ("next", "coming") or (which is None and future):
            if unit == "hour" or hi_n or which:
                start = d + dt.timedelta(days=max(1, math.ceil(days_lo)) if hi_n else 1)
                return _span(start, d + dt.timedelta(days=max(1, math.ceil(days_hi))), raw)
            return _day(d + dt.timedelta(days=math.ceil(days_lo)), raw)
        return _span(d - dt.timedelta(days=math.ceil(days_hi)), d, raw)
    return None


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
    if not re.search(rf"\d|\bago\b|\b{_MONTH}\b|\b(?:{'|'.join(WEEKDAYS)})\b", t):
        return None
    if d is None and not re.search(r"\d{4}", t):
        return None
    try:
        data = _parser(d, future).get_date_data(t)
    except (ValueError, OverflowError):
        return None
    if data.date_obj is None or not 1800 <= data.date_obj.year <= 2200:
        return None
    day = data.date_obj.date()
    if data.period == "year":
        return _year(day.year, raw)
    if data.period == "month":
        return _month(day.year, day.month, raw)
    if data.period == "week":
        return _span(*_week(day), raw)
    return _day(day, raw)


def _rules(t: str, d: dt.date | None, future: bool, raw: str, prep: str) -> TimeValue | None:
    value = _calendar(t, d, future, raw)
    if value is None and d is not None:
        value = _weekday(t, d, future, raw) or _relative(t, d, future, raw, prep)
    return value


def resolve_expression(
    text: str, prep: str, doc_date: dt.date | None, future: bool = False
) -> TimeValue | None:
    """One time expression (without or with its preposition) -> TimeValue, or None."""
    raw = text.strip()
    t = re.sub(r"\s+", " ", fold(raw).lower().strip(" .,;:\"'"))
    for p in PREPOSITIONS:
        if t.startswith(p + " "):
            prep, t = prep or p, t[len(p) + 1 :]
            break
    if re.fullmatch(
        r"(?:months|weeks|years|days|hours|decades)|(?:hours|days|weeks|months) (?:earlier|later)", t
    ):
        return None
    if _DURATION.fullmatch(t) and prep not in WINDOW_PREPS:  # "20 years after ..."
        return None
    if prep == "for" and not re.search(r"\b(next|past|last|coming)\b", t):
        return None
    value = _rules(t, doc_date, future, raw, prep)
    if value is None:
        bare = re.sub(r"\s+", " ", _TIME_OF_DAY.sub(" ", t)).strip(" ,")  # "noon Friday" -> "friday"
        bare = re.sub(r"^(?:(?:on|at|in|early|late)\s+)+", "", bare)
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
        if value is not None:
            return value
    return None


def tense_of(frame: EventFrame) -> str:
    """ "future" when the frame is hypothetical or a future/modal marker precedes the trigger, else "past"."""
    if frame.hypothetical:
        return "future"
    before = frame.sentence[: max(0, frame.trigger.start - frame.sentence_start)].lower().split()[-4:]
    return "future" if any(w.strip(",") in FUTURE_MARKERS for w in before) else "past"


def default_time(frame: EventFrame, doc_date: dt.date | None) -> TimeValue | None:
    """No time expression: the publication date (``derived=True``) for a fresh, asserted, non-future event."""
    if doc_date is None or frame.negated or frame.hypothetical or tense_of(frame) == "future":
        return None
    return TimeValue(doc_date, doc_date, "day", None, derived=True)
