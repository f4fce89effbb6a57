"""News-date rules against the publication date (the seed's 2021-08-13 is a Friday)."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.model import EventFrame, Mention
from kg.resolve.dates import clock_only, default_time, resolve_expression, resolve_time, tense_of

FRI = dt.date(2021, 8, 13)  # Friday
MON = dt.date(2024, 3, 4)  # Monday
NEW_YEAR = dt.date(2023, 1, 2)
D = dt.date


@pytest.mark.parametrize(
    ("text", "pub", "future", "start", "end", "precision"),
    [
        # weekdays
        ("this Friday", FRI, False, D(2021, 8, 13), D(2021, 8, 13), "day"),
        ("on Friday", FRI, False, D(2021, 8, 13), D(2021, 8, 13), "day"),
        ("on Thursday", FRI, False, D(2021, 8, 12), D(2021, 8, 12), "day"),
        ("Wednesday", FRI, False, D(2021, 8, 11), D(2021, 8, 11), "day"),
        ("on Saturday", FRI, False, D(2021, 8, 7), D(2021, 8, 7), "day"),
        ("on Saturday", FRI, True, D(2021, 8, 14), D(2021, 8, 14), "day"),
        ("last Friday", FRI, False, D(2021, 8, 6), D(2021, 8, 6), "day"),
        ("next Monday", FRI, True, D(2021, 8, 16), D(2021, 8, 16), "day"),
        ("Tuesday night", FRI, False, D(2021, 8, 10), D(2021, 8, 10), "day"),
        ("on Sunday", MON, False, D(2024, 3, 3), D(2024, 3, 3), "day"),
        ("this Wednesday", MON, True, D(2024, 3, 6), D(2024, 3, 6), "day"),
        # deictic days
        ("today", FRI, False, FRI, FRI, "day"),
        ("yesterday", FRI, False, D(2021, 8, 12), D(2021, 8, 12), "day"),
        ("tomorrow", FRI, True, D(2021, 8, 14), D(2021, 8, 14), "day"),
        ("two days ago", FRI, False, D(2021, 8, 11), D(2021, 8, 11), "day"),
        ("three weeks ago", FRI, False, D(2021, 7, 19), D(2021, 7, 25), "span"),
        # months
        ("in July", FRI, False, D(2021, 7, 1), D(2021, 7, 31), "month"),
        ("in August", FRI, False, D(2021, 8, 1), D(2021, 8, 31), "month"),
        ("in December", FRI, False, D(2020, 12, 1), D(2020, 12, 31), "month"),
        ("in December", FRI, True, D(2021, 12, 1), D(2021, 12, 31), "month"),
        ("in December", NEW_YEAR, False, D(2022, 12, 1), D(2022, 12, 31), "month"),
        ("September 2020", FRI, False, D(2020, 9, 1), D(2020, 9, 30), "month"),
        ("in September 2020", FRI, False, D(2020, 9, 1), D(2020, 9, 30), "month"),
        ("last month", FRI, False, D(2021, 7, 1), D(2021, 7, 31), "month"),
        ("last month", NEW_YEAR, False, D(2022, 12, 1), D(2022, 12, 31), "month"),
        # spans
        ("since May", FRI, False, D(2021, 5, 1), FRI, "span"),
        ("since early 2021", FRI, False, D(2021, 1, 1), FRI, "span"),
        ("early 2021", FRI, False, D(2021, 1, 1), D(2021, 4, 30), "span"),
        ("mid-2020", FRI, False, D(2020, 5, 1), D(2020, 8, 31), "span"),
        ("late 2019", FRI, False, D(2019, 9, 1), D(2019, 12, 31), "span"),
        ("mid-July", FRI, False, D(2021, 7, 11), D(2021, 7, 20), "span"),
        ("late February", MON, False, D(2024, 2, 21), D(2024, 2, 29), "span"),
        ("at the end of April", FRI, False, D(2021, 4, 21), D(2021, 4, 30), "span"),
        ("the beginning of September", FRI, False, D(2020, 9, 1), D(2020, 9, 10), "span"),
        ("the middle of September", FRI, True, D(2021, 9, 11), D(2021, 9, 20), "span"),
        ("the end of last month", FRI, False, D(2021, 7, 21), D(2021, 7, 31), "span"),
        ("early last month", NEW_YEAR, False, D(2022, 12, 1), D(2022, 12, 10), "span"),
        ("the end of 2019", FRI, False, D(2019, 9, 1), D(2019, 12, 31), "span"),
        ("late last year", FRI, False, D(2020, 9, 1), D(2020, 12, 31), "span"),
        ("since the start of the year", FRI, False, D(2021, 1, 1), FRI, "span"),
        ("May last year", FRI, False, D(2020, 5, 1), D(2020, 5, 31), "month"),
        # "last December": the latest December before the current month; "next March" the first after
        ("last December", FRI, False, D(2020, 12, 1), D(2020, 12, 31), "month"),
        ("last June", FRI, False, D(2021, 6, 1), D(2021, 6, 30), "month"),
        ("next March", FRI, False, D(2022, 3, 1), D(2022, 3, 31), "month"),
        ("since last December", FRI, False, D(2020, 12, 1), FRI, "span"),
        ("December 5 last year", FRI, False, D(2020, 12, 5), D(2020, 12, 5), "day"),
        ("9 September last year", FRI, False, D(2020, 9, 9), D(2020, 9, 9), "day"),
        ("since May last year", FRI, False, D(2020, 5, 1), FRI, "span"),
        ("March next year", FRI, True, D(2022, 3, 1), D(2022, 3, 31), "month"),
        ("in the next 24-48 hours", FRI, True, D(2021, 8, 14), D(2021, 8, 15), "span"),
        ("within the next three days", FRI, True, D(2021, 8, 14), D(2021, 8, 16), "span"),
        ("last week", FRI, False, D(2021, 8, 2), D(2021, 8, 8), "span"),
        ("in the last week", FRI, False, D(2021, 8, 6), FRI, "span"),
        ("over the past month", FRI, False, D(2021, 7, 14), FRI, "span"),
        ("in recent weeks", FRI, False, D(2021, 7, 16), FRI, "span"),
        ("in recent days", FRI, False, D(2021, 8, 6), FRI, "span"),
        ("in just one week", FRI, False, D(2021, 8, 6), FRI, "span"),
        ("later this month", FRI, True, D(2021, 8, 14), D(2021, 8, 31), "span"),
        ("earlier this month", FRI, False, D(2021, 8, 1), D(2021, 8, 12), "span"),
        ("this week", MON, False, MON, MON, "span"),
        ("the weekend", MON, False, D(2024, 3, 2), D(2024, 3, 3), "span"),
        # days and years
        ("on 12 August", FRI, False, D(2021, 8, 12), D(2021, 8, 12), "day"),
        ("August 12", FRI, False, D(2021, 8, 12), D(2021, 8, 12), "day"),
        ("on 20 August", FRI, False, D(2020, 8, 20), D(2020, 8, 20), "day"),
        ("on 20 August", FRI, True, D(2021, 8, 20), D(2021, 8, 20), "day"),
        ("the 3rd of March", MON, False, D(2024, 3, 3), D(2024, 3, 3), "day"),
        ("September 11, 2001", FRI, False, D(2001, 9, 11), D(2001, 9, 11), "day"),
        ("29 February 2024", FRI, False, D(2024, 2, 29), D(2024, 2, 29), "day"),
        ("2019", FRI, False, D(2019, 1, 1), D(2019, 12, 31), "year"),
        ("in 2019", FRI, False, D(2019, 1, 1), D(2019, 12, 31), "year"),
        ("last year", FRI, False, D(2020, 1, 1), D(2020, 12, 31), "year"),
    ],
)
def test_dates_rules(
    text: str, pub: dt.date, future: bool, start: dt.date, end: dt.date, precision: str
) -> None:
    value = resolve_expression(text, "", pub, future)
    assert value is not None
    assert (value.start, value.end, value.precision) == (start, end, precision)
    assert value.raw == text
    assert value.derived is False


@pytest.mark.parametrize(
    "text", ["for months", "for years", "hours earlier", "days later", "in this days", "weeks", "so far"]
)
def test_dates_unanchored_expressions_are_none(text: str) -> None:
    assert resolve_expression(text, "", FRI) is None


def test_dates_preposition_comes_from_the_mention_lemma() -> None:
    value = resolve_time([Mention("May", 10, 13, "DATE", "since")], FRI)
    assert value is not None and (value.start, value.end, value.precision) == (D(2021, 5, 1), FRI, "span")
    plain = resolve_time([Mention("May", 10, 13, "DATE", "in")], FRI)
    assert plain is not None and plain.precision == "month"


def test_dates_without_publication_date_only_absolute_dates_resolve() -> None:
    assert resolve_expression("on Thursday", "", None) is None
    assert resolve_expression("in July", "", None) is None
    value = resolve_expression("September 2020", "", None)
    assert value is not None and value.start == D(2020, 9, 1)


def test_dates_first_resolvable_mention_in_text_order_wins() -> None:
    mentions = [
        Mention("in July", 40, 47, "DATE"),
        Mention("for months", 5, 15, "DATE"),
        Mention("Monday", 20, 26),
    ]
    value = resolve_time(mentions, FRI)
    assert value is not None and value.start == D(2021, 8, 9)


def test_dates_dateparser_fallback_handles_other_formats() -> None:
    value = resolve_expression("2021-08-10", "", FRI)
    assert value is not None and (value.start, value.precision) == (D(2021, 8, 10), "day")


def _frame(sentence: str, trigger: str, *, negated: bool = False, hypothetical: bool = False) -> EventFrame:
    start = sentence.index(trigger)
    return EventFrame(
        "d",
        sentence,
        0,
        Mention(trigger, start, start + len(trigger), "TRIGGER", trigger),
        "Assault",
        negated=negated,
        hypothetical=hypothetical,
    )


@pytest.mark.parametrize(
    ("sentence", "trigger", "tense"),
    [
        ("Rebels attacked the base.", "attacked", "past"),
        ("Rebels have attacked the base.", "attacked", "past"),
        ("Rebels will attack the base.", "attack", "future"),
        ("The army plans to attack the town.", "attack", "future"),
        ("Officials said rebels could attack the town.", "attack", "future"),
        # the month is no modal; the modal is capitalised only when it opens the sentence
        ("Since May, when the pullout of the last troops began, rebels advanced.", "pullout", "past"),
        ("Officials said rebels may attack the town.", "attack", "future"),
        ("May rebels attack the town, the army will respond.", "attack", "future"),
    ],
)
def test_dates_tense_of_frame(sentence: str, trigger: str, tense: str) -> None:
    assert tense_of(_frame(sentence, trigger)) == tense


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        (_frame("Rebels attacked the base.", "attacked"), True),
        (_frame("Rebels did not attack the base.", "attack", negated=True), False),
        (_frame("Rebels may attack the base.", "attack", hypothetical=True), False),
        (_frame("Rebels will attack the base.", "attack"), False),
    ],
)
def test_dates_default_time_only_for_fresh_asserted_events(frame: EventFrame, expected: bool) -> None:
    value = default_time(frame, FRI)
    if expected:
        assert value is not None and (value.start, value.end, value.precision, value.derived) == (
            FRI,
            FRI,
            "day",
            True,
        )
    else:
        assert value is None
    assert default_time(frame, None) is None


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("noon Friday", FRI, FRI, "day"),
        ("at 3 a.m. on Tuesday", D(2021, 8, 10), D(2021, 8, 10), "day"),
        ("late Thursday night", D(2021, 8, 12), D(2021, 8, 12), "day"),
        ("early Friday", FRI, FRI, "day"),
        ("earlier this week", D(2021, 8, 9), D(2021, 8, 12), "span"),
        ("the 1990s", D(1990, 1, 1), D(1999, 12, 31), "span"),
        ("2021-22", D(2021, 1, 1), D(2022, 12, 31), "span"),
        ("in 20 years", D(2001, 8, 18), FRI, "span"),
    ],
)
def test_dates_times_of_day_decades_and_ranges(
    text: str, start: dt.date, end: dt.date, precision: str
) -> None:
    value = resolve_expression(text, "", FRI)
    assert value is not None and (value.start, value.end, value.precision) == (start, end, precision)


@pytest.mark.parametrize("text", ["20 years", "twenty years", "three years", "5 pm", "dawn", "a year"])
def test_dates_bare_durations_and_clock_times_are_none(text: str) -> None:
    assert resolve_expression(text, "", FRI) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [("Sunday after days", D(2021, 8, 8)), ("Thursday and Friday", D(2021, 8, 12))],
)
def test_dates_weekday_glued_to_a_clause(text: str, day: dt.date) -> None:
    mention = Mention(text, 0, len(text), "DATE", "on")
    value = resolve_time([mention], FRI, "past")
    assert value is not None and (value.start, value.end) == (day, day)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("before dawn", True), ("shortly after 3 am", True), ("overnight", True),
        ("in the early hours", True), ("at around 10 pm", True), ("on Monday", False),
        ("Monday night", False), ("at dawn on Sunday", False), ("last night", False),
        ("the next morning", False), ("this morning", False),
    ],
)  # fmt: skip
def test_dates_clock_only_names_no_date(text: str, expected: bool) -> None:
    assert clock_only(text) is expected
