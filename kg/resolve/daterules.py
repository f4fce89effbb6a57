"""Calendar rules for news time expressions (see :mod:`kg.resolve.dates` for the conventions).

``calendar_rule`` (absolute dates, months, years, parts of years/months, decades), ``weekday_rule`` and
``relative_rule`` (yesterday, "last week", "in recent days", "in the next 24-48 hours", ...) each take the
normalised lower-case expression ``t`` and the publication date ``d`` and return a TimeValue or None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re

from kg.model import TimeValue

__all__ = ["calendar_rule", "weekday_rule", "relative_rule", "part_of", "PART_PATTERN", "span_value",
           "day_value", "month_value", "year_value", "week_of", "WEEKDAYS", "MONTHS", "MONTH_PATTERN",
           "WINDOW_PREPS"]  # fmt: skip

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "few": 3, "several": 3,
           "couple": 2}  # fmt: skip
UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}
RECENT_DAYS = {"day": 7, "week": 28, "month": 90, "year": 730}
WINDOW_PREPS = frozenset({"in", "over", "within", "during", "throughout"})
PARTS = {"early": (1, 4, 1, 10), "mid": (5, 8, 11, 20), "late": (9, 12, 21, 31)}
MONTH_PATTERN = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_NUM = r"(\d+|" + "|".join(NUMBERS) + ")"


def span_value(start: dt.date, end: dt.date, raw: str, precision: str = "span") -> TimeValue:
    return TimeValue(min(start, end), max(start, end), precision, raw)


def day_value(day: dt.date, raw: str) -> TimeValue:
    return TimeValue(day, day, "day", raw)


def month_value(year: int, month: int, raw: str) -> TimeValue:
    last = calendar.monthrange(year, month)[1]
    return TimeValue(dt.date(year, month, 1), dt.date(year, month, last), "month", raw)


def year_value(year: int, raw: str) -> TimeValue:
    return TimeValue(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", raw)


def _shiftmonth_value(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS[word]


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


_WEEKDAY = re.compile(
    r"(?:(this|last|next|past|coming)\s+)?(\w+day)(?:\s+(?:morning|afternoon|evening|night))?"
)


def weekday_rule(t: str, d: dt.date, future: bool, raw: str) -> TimeValue | None:
    m = _WEEKDAY.fullmatch(t)
    if not m or m.group(2) not in WEEKDAYS:
        return None
    target, modifier = WEEKDAYS.index(m.group(2)), m.group(1)
    back = (d.weekday() - target) % 7
    ahead = (target - d.weekday()) % 7
    if modifier == "this":
        return day_value(week_of(d)[0] + dt.timedelta(days=target), raw)
    if modifier in ("last", "past"):
        return day_value(d - dt.timedelta(days=back or 7), raw)
    if modifier in ("next", "coming"):
        return day_value(d + dt.timedelta(days=ahead or 7), raw)
    return day_value(d + dt.timedelta(days=ahead) if future else d - dt.timedelta(days=back), raw)


def _monthyear_value(month: int, year: int | None, d: dt.date | None, future: bool) -> int | None:
    if year is not None:
        return year
    if d is None:
        return None
    if future:
        return d.year if month >= d.month else d.year + 1
    return d.year if month <= d.month else d.year - 1


# "early", "the end of", "the middle of" ... before another expression: which third of it
PART_PATTERN = re.compile(
    r"(?:(early|mid|late)[\s-]+|(?:at\s+)?(?:the\s+)?(beginning|start|middle|end|turn)\s+of\s+(?:the\s+)?)(.+)"
)
_PART_WORDS = {"beginning": "early", "start": "early", "turn": "early", "middle": "mid", "end": "late"}


def part_of(part: str, whole: TimeValue, raw: str) -> TimeValue:
    """The early/mid/late part of a resolved month (days 1-10 / 11-20 / 21-end), year (Jan-Apr / May-Aug /
    Sep-Dec) or other span (its thirds); a day stays the day."""
    part = _PART_WORDS.get(part, part)
    if whole.precision == "day":  # "late Monday" is Monday
        return TimeValue(whole.start, whole.end, "day", raw)
    lo_m, hi_m, lo_d, hi_d = PARTS[part]
    start, end = whole.start, whole.end
    if whole.precision == "month":
        return span_value(start.replace(day=lo_d), start.replace(day=min(hi_d, end.day)), raw)
    if whole.precision == "year":
        last = calendar.monthrange(start.year, hi_m)[1]
        return span_value(dt.date(start.year, lo_m, 1), dt.date(start.year, hi_m, last), raw)
    third = (end - start) / 3
    index = ("early", "mid", "late").index(part)
    return span_value(start + third * index, end if part == "late" else start + third * (index + 1), raw)


_MONTH_OF_YEAR = re.compile(rf"{MONTH_PATTERN}\s+(last|this|next)\s+year")
_LAST_MONTH = re.compile(rf"(last|next)\s+{MONTH_PATTERN}")
_DAY_OF_YEAR = re.compile(
    rf"(?:{MONTH_PATTERN}\s+(\d{{1,2}})|(\d{{1,2}})\s+{MONTH_PATTERN}),?\s+(last|this|next)\s+year"
)
_PART_YEAR = re.compile(r"(early|mid|late)[\s-]+(\d{4})")
_PART_MONTH = re.compile(rf"(early|mid|late)[\s-]+{MONTH_PATTERN}(?:\s+(\d{{4}}))?")
_DAY_MONTH = re.compile(
    rf"(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_PATTERN},?(?:\s+(\d{{4}}))?"
)
_MONTH_DAY = re.compile(rf"{MONTH_PATTERN}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?(?:\s+(\d{{4}}))?")
_MONTH = re.compile(rf"{MONTH_PATTERN}(?:,?\s+(\d{{4}}))?")
_DECADE = re.compile(r"(?:the\s+)?(\d{3}0)'?s")
_YEARS = re.compile(r"(\d{4})\s*[-/]\s*(\d{2}|\d{4})")
_YEAR = re.compile(r"(\d{4})")


def calendar_rule(t: str, d: dt.date | None, future: bool, raw: str) -> TimeValue | None:
    year: int | None
    m = _MONTH_OF_YEAR.fullmatch(t)
    if m and d is not None:  # "May last year"
        return month_value(d.year + {"last": -1, "this": 0, "next": 1}[m.group(2)], MONTHS[m.group(1)], raw)
    m = _LAST_MONTH.fullmatch(t)
    if m and d is not None:  # "last December": the latest December before this month; "next March"
        named = MONTHS[m.group(2)]
        if m.group(1) == "last":
            return month_value(d.year if named < d.month else d.year - 1, named, raw)
        return month_value(d.year if named > d.month else d.year + 1, named, raw)
    m = _DAY_OF_YEAR.fullmatch(t)
    if m and d is not None:  # "December 5 last year", "5 December last year"
        month, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        year = d.year + {"last": -1, "this": 0, "next": 1}[m.group(5)]
        if 1 <= int(day) <= calendar.monthrange(year, MONTHS[month])[1]:
            return day_value(dt.date(year, MONTHS[month], int(day)), raw)
    m = _PART_YEAR.fullmatch(t)
    if m:
        lo, hi, _, _ = PARTS[m.group(1)]
        whole = int(m.group(2))
        return span_value(dt.date(whole, lo, 1), dt.date(whole, hi, calendar.monthrange(whole, hi)[1]), raw)
    m = _PART_MONTH.fullmatch(t)
    if m:
        month = MONTHS[m.group(2)]
        year = _monthyear_value(month, int(m.group(3)) if m.group(3) else None, d, future)
        if year is None:
            return None
        _, _, lo, hi = PARTS[m.group(1)]
        hi = min(hi, calendar.monthrange(year, month)[1])
        return span_value(dt.date(year, month, lo), dt.date(year, month, hi), raw)
    m = _DAY_MONTH.fullmatch(t)
    m = m or _MONTH_DAY.fullmatch(t)
    if m:
        first, second = m.group(1), m.group(2)
        day, month = (int(first), MONTHS[second]) if first.isdigit() else (int(second), MONTHS[first])
        year = int(m.group(3)) if m.group(3) else None
        if year is None and d is not None:
            this = dt.date(d.year, month, min(day, calendar.monthrange(d.year, month)[1]))
            year = d.year if (this >= d if future else this <= d) else d.year + (1 if future else -1)
        if year is None or day > calendar.monthrange(year, month)[1]:
            return None
        return day_value(dt.date(year, month, day), raw)
    m = _MONTH.fullmatch(t)
    if m:
        month = MONTHS[m.group(1)]
        year = _monthyear_value(month, int(m.group(2)) if m.group(2) else None, d, future)
        return month_value(year, month, raw) if year is not None else None
    m = _DECADE.fullmatch(t)
    if m:  # "the 1990s"
        start = int(m.group(1))
        return span_value(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), raw)
    m = _YEARS.fullmatch(t)
    if m:  # "2021-22", "2019/2020"
        first, last = int(m.group(1)), int(m.group(2))
        last = last if last >= 100 else first // 100 * 100 + last
        if first < last <= first + 20:
            return span_value(dt.date(first, 1, 1), dt.date(last, 12, 31), raw)
    m = _YEAR.fullmatch(t)
    if m and 1800 <= int(m.group(1)) <= 2200:
        return year_value(int(m.group(1)), raw)
    return None


_YESTERDAY = re.compile(r"yesterday(?:\s+(?:morning|afternoon|evening))?|last night")
_TOMORROW = re.compile(r"tomorrow(?:\s+(?:morning|afternoon|evening|night))?")
_AGO = re.compile(rf"(?:about\s+|some\s+)?{_NUM}\s+(day|week|month|year)s?\s+ago")
_UNIT = re.compile(r"(last|this|next|the past|the last|the coming|the next|the previous)\s+(week|month|year)")
_WEEKEND = re.compile(r"(the|this|last|next) weekend")
_LATER = re.compile(r"(later|earlier) this (week|month|year)")
_RECENT = re.compile(r"(?:the\s+)?recent\s+(day|week|month|year)s")
_WINDOW = re.compile(
    rf"(?:the\s+)?(?:(past|last|next|coming|first)\s+)?(?:just\s+|only\s+)?(?:a\s+)?{_NUM}"
    rf"(?:\s*(?:-|to|or)\s*(\d+))?\s+(hour|day|week|month|year)s?"
)


def relative_rule(t: str, d: dt.date, future: bool, raw: str, prep: str = "") -> TimeValue | None:
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
        return day_value(d, raw)
    if _YESTERDAY.fullmatch(t):
        return day_value(d - one, raw)
    if t == "the day before yesterday":
        return day_value(d - 2 * one, raw)
    if _TOMORROW.fullmatch(t):
        return day_value(d + one, raw)
    m = _AGO.fullmatch(t)
    if m:
        n, unit = _number(m.group(1)), m.group(2)
        if unit == "day":
            return day_value(d - n * one, raw)
        if unit == "week":
            return span_value(*week_of(d - dt.timedelta(days=7 * n)), raw)
        if unit == "month":
            return month_value(*_shiftmonth_value(d, -n), raw)
        return year_value(d.year - n, raw)
    m = _UNIT.fullmatch(t)
    if m:
        which, unit = m.group(1), m.group(2)
        if which.startswith("the"):  # rolling window: "in the last week"
            days = UNIT_DAYS[unit]
            if which in ("the coming", "the next"):
                return span_value(d + one, d + dt.timedelta(days=days), raw)
            return span_value(d - dt.timedelta(days=days), d, raw)
        step = {"last": -1, "this": 0, "next": 1}[which]
        if unit == "week":
            lo, hi = week_of(d + dt.timedelta(days=7 * step))
            return span_value(lo, min(hi, d) if step == 0 and not future else hi, raw)
        if unit == "month":
            return month_value(*_shiftmonth_value(d, step), raw)
        return year_value(d.year + step, raw)
    m = _WEEKEND.fullmatch(t)
    if m:
        saturday = d - dt.timedelta(days=(d.weekday() - 5) % 7)
        step = {"last": -7, "next": 7}.get(m.group(1), 7 if future and d.weekday() < 5 else 0)
        saturday += dt.timedelta(days=step)
        return span_value(saturday, saturday + one, raw)
    m = _LATER.fullmatch(t)
    if m:
        if m.group(2) == "week":
            lo, hi = week_of(d)
        elif m.group(2) == "month":
            lo, hi = d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1])
        else:
            lo, hi = dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
        return (
            span_value(d + one, hi, raw) if m.group(1) == "later" else span_value(lo, max(lo, d - one), raw)
        )
    m = _RECENT.fullmatch(t)
    if m:
        return span_value(d - dt.timedelta(days=RECENT_DAYS[m.group(1)]), d, raw)
    m = _WINDOW.fullmatch(t)
    if m:
        which, lo_n, hi_n, unit = m.group(1), _number(m.group(2)), m.group(3), m.group(4)
        if which is None and prep not in WINDOW_PREPS:  # "twenty years after ...": a bare duration
            return None
        days_lo = UNIT_DAYS[unit] * lo_n
        days_hi = UNIT_DAYS[unit] * (int(hi_n) if hi_n else lo_n)
        if which in ("next", "coming") or (which is None and future):
            if unit == "hour" or hi_n or which:
                start = d + dt.timedelta(days=max(1, math.ceil(days_lo)) if hi_n else 1)
                return span_value(start, d + dt.timedelta(days=max(1, math.ceil(days_hi))), raw)
            return day_value(d + dt.timedelta(days=math.ceil(days_lo)), raw)
        return span_value(d - dt.timedelta(days=math.ceil(days_hi)), d, raw)
    return None
