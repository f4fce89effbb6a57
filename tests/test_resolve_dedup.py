"""Merge keys and within-document merging."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from kg.model import Actor, Event, EventFrame, Mention, Place, TimeValue
from kg.resolve.dedup import absorb_headline, fold_retold, merge_events, merge_key

DAY = dt.date(2021, 8, 13)
TALIBAN = Actor("taliban", "Taliban", "REB", "AFG")
ARMY = Actor("afg-military", "Military of Afghanistan", "MIL", "AFG")
UNNAMED = Actor(
    "unidentified-armed-group-afg", "Unidentified armed group (Afghanistan)", "REB", "AFG", "group"
)
KANDAHAR = Place("geonames-1138336", "Kandahar", 1138336, 31.6, 65.7, "AFG")
ON_DAY = TimeValue(DAY, DAY, "day")
AFGHANISTAN = Actor("afg", "Afghanistan", "GOV", "AFG", "country")
HERAT = Place("geonames-1140026", "Herat", 1140026, 34.3, 62.2, "AFG")
HERAT_DAY = dt.date(2021, 8, 12)


def _event(
    trigger_start: int = 0,
    cls: str = "Capture",
    agents: tuple[Actor, ...] = (TALIBAN,),
    places: tuple[Place, ...] = (KANDAHAR,),
    time: TimeValue | None = ON_DAY,
    doc_id: str = "doc1",
    negated: bool = False,
    hypothetical: bool = False,
) -> Event:
    frame = EventFrame(
        doc_id,
        "s",
        0,
        Mention("took", trigger_start, trigger_start + 4, "TRIGGER"),
        cls,
        negated=negated,
        hypothetical=hypothetical,
    )
    return Event(frame, agents, (), places, time, None, DAY)


def test_dedup_key_ignores_order_and_document() -> None:
    a = _event(agents=(TALIBAN, ARMY), doc_id="a")
    b = _event(agents=(ARMY, TALIBAN), trigger_start=99, doc_id="b")
    assert merge_key(a) == merge_key(b)


@pytest.mark.parametrize(
    "other",
    [
        _event(cls="Assault"),
        _event(agents=(ARMY,)),
        _event(places=(HERAT,)),
        _event(time=TimeValue(dt.date(2021, 8, 12), dt.date(2021, 8, 12), "day")),
        _event(time=None),
        _event(negated=True),
        _event(hypothetical=True),
    ],
)
def test_dedup_key_separates_different_events(other: Event) -> None:
    assert merge_key(_event()) != merge_key(other)


def test_dedup_events_without_participants_merge_only_within_their_sentence() -> None:
    a = _event(agents=(), places=(), trigger_start=1)
    b = dataclasses.replace(a, frame=dataclasses.replace(a.frame, sentence_start=50))
    assert merge_key(a) != merge_key(b)
    assert len(merge_events([a, b])) == 2
    assert len(merge_events([a, _event(agents=(), places=(), trigger_start=9)])) == 1


def test_dedup_key_separates_time_precision() -> None:
    month = _event(time=TimeValue(dt.date(2021, 8, 1), dt.date(2021, 8, 31), "month"))
    day = _event(time=TimeValue(dt.date(2021, 8, 1), dt.date(2021, 8, 1), "day"))
    assert merge_key(month) != merge_key(day)


def test_dedup_key_matches_the_rdf_layer() -> None:
    rdf = pytest.importorskip("kg.rdf")
    events = [_event(), _event(agents=(), places=()), _event(time=None, negated=True)]
    for event in events:
        assert json.dumps(merge_key(event)) == json.dumps(rdf.merge_key(event))  # IRIs hash this JSON


def test_dedup_merge_keeps_first_and_notes_the_merge() -> None:
    first, second, other = (
        _event(trigger_start=10),
        _event(trigger_start=200),
        _event(trigger_start=300, cls="Assault"),
    )
    merged = merge_events([first, second, other])
    assert [e.frame.trigger.start for e in merged] == [10, 300]
    notes = dict(merged[0].extra)
    assert notes["merged_count"] == "2"
    assert notes["merged_offsets"] == "10,200"
    assert merged[1] == other


def test_dedup_merge_prefers_an_explicit_time_over_the_derived_one() -> None:
    derived = _event(trigger_start=5, time=TimeValue(DAY, DAY, "day", None, derived=True))
    explicit = _event(trigger_start=80, time=TimeValue(DAY, DAY, "day", "this Friday"))
    merged = merge_events([derived, explicit])
    assert len(merged) == 1
    assert merged[0].frame.trigger.start == 5
    assert merged[0].time is not None and merged[0].time.raw == "this Friday" and not merged[0].time.derived


def test_dedup_merge_unions_targets() -> None:
    a = dataclasses.replace(_event(trigger_start=1), targets=(ARMY,))
    civilians = Actor("afg-civilians", "Civilians (Afghanistan)", "CVL", "AFG")
    b = dataclasses.replace(_event(trigger_start=2), targets=(civilians, ARMY))
    (merged,) = merge_events([a, b])
    assert [t.key for t in merged.targets] == ["afg-military", "afg-civilians"]


def _told(sentence: str, start: int, cls: str = "Capture", agents: tuple[Actor, ...] = (TALIBAN,),
          places: tuple[Place, ...] = (), lemma: str = "",
          targets: tuple[Actor, ...] = ()) -> Event:  # fmt: skip
    frame = EventFrame("doc1", sentence, start, Mention("seize", start, start + 5, "TRIGGER", lemma), cls)
    return Event(frame, agents, targets, places, ON_DAY, None, DAY)


HEADLINE = "Taliban seize city in the south"
BODY = "The Taliban seized Kandahar on Friday."


@pytest.mark.parametrize(
    ("headline", "body", "kept"),
    [
        # the headline's event is the body's, told with less detail: only the body's stays
        (_told(HEADLINE, 0), _told(BODY, 40, places=(KANDAHAR,)), ["body"]),
        (_told(HEADLINE, 0, agents=()), _told(BODY, 40), ["body"]),
        (_told(HEADLINE, 0, agents=(AFGHANISTAN,)), _told(BODY, 40, agents=(ARMY,)), ["body"]),
        # fighters a headline leaves unnamed are the group the body names, not a state's forces
        (_told(HEADLINE, 0, agents=(UNNAMED,)), _told(BODY, 40), ["body"]),
        (_told(HEADLINE, 0, agents=(UNNAMED,)), _told(BODY, 40, agents=(ARMY,)), ["headline", "body"]),
        # a headline's top-category class covers the body's finer class ("strike" / "air strikes")
        (_told(HEADLINE, 0, cls="Assault"), _told(BODY, 40, cls="AirStrike"), ["body"]),
        # ... and the other way round ("drone strikes hit a camp" / "struck the camp")
        (_told(HEADLINE, 0, cls="AirStrike"), _told(BODY, 40, cls="Assault"), ["body"]),
        # the same trigger word is the same event, whatever class or agents the headline parse gave
        (
            _told(HEADLINE, 0, cls="Coerce", agents=(ARMY,), lemma="expel"),
            _told(BODY, 40, cls="Sanction", lemma="expel"),
            ["body"],
        ),
        # a different class or an agent the body event lacks: two events
        (_told(HEADLINE, 0, cls="Siege"), _told(BODY, 40), ["headline", "body"]),
        (_told(HEADLINE, 0, cls="AirStrike"), _told(BODY, 40, cls="Bombing"), ["headline", "body"]),
        (
            _told(HEADLINE, 0, cls="Coerce", lemma="expel"),
            _told(BODY, 40, cls="Sanction", lemma="ban"),
            ["headline", "body"],
        ),
        (_told(HEADLINE, 0, agents=(ARMY,)), _told(BODY, 40), ["headline", "body"]),
        # ... but a headline passive without its "was" ("Army convoy hit near X") parses the target as doer
        (
            _told(HEADLINE, 0, cls="Assault", agents=(ARMY,)),
            _told(BODY, 40, cls="Bombing", targets=(ARMY,)),
            ["body"],
        ),
        # a first sentence with its full stop is no headline
        (_told(HEADLINE + ".", 0), _told(BODY, 40), ["headline", "body"]),
    ],
)
def test_dedup_headline_absorbed_by_body(headline: Event, body: Event, kept: list[str]) -> None:
    out = absorb_headline([headline, body])
    assert [("headline" if e.frame.sentence_start == 0 else "body") for e in out] == kept
    if kept == ["body"]:
        assert ("headline_offset", "0") in out[0].extra


PUBLISHED = TimeValue(DAY, DAY, "day", derived=True)
BODY_DAY = TimeValue(HERAT_DAY, HERAT_DAY, "day", "Thursday")


@pytest.mark.parametrize(
    ("headline_time", "body_time", "expected"),
    [
        # a headline event the body does not tell again, dated only by publication: the lead's day
        (PUBLISHED, BODY_DAY, (HERAT_DAY, True)),
        # ... not when it has a date of its own, nor from a body dated only by publication or by a month
        (TimeValue(DAY, DAY, "day", "Friday"), BODY_DAY, (DAY, False)),
        (PUBLISHED, PUBLISHED, (DAY, True)),
        (PUBLISHED, TimeValue(dt.date(2021, 7, 1), dt.date(2021, 7, 31), "month", "July"), (DAY, True)),
    ],
)
def test_dedup_headline_not_told_again_takes_the_leads_day(
    headline_time: TimeValue, body_time: TimeValue, expected: tuple[dt.date, bool]
) -> None:
    headline = dataclasses.replace(_told(HEADLINE, 0, cls="Siege"), time=headline_time)
    body = dataclasses.replace(_told(BODY, 40), time=body_time)
    out = absorb_headline([headline, body])
    assert len(out) == 2 and out[0].time is not None
    assert (out[0].time.start, out[0].time.derived) == expected


def _force(start: int, cls: str, agents: tuple[Actor, ...], own: bool, time: TimeValue = ON_DAY) -> Event:
    """A use of force in KANDAHAR on DAY; ``own``: its time and place come from its own words."""
    words = (Mention("Friday", start + 10, start + 16, "DATE"),) if own else ()
    where = (Mention("Kandahar", start + 20, start + 28, "GPE"),) if own else ()
    frame = EventFrame("doc1", "s", start, Mention("hit", start, start + 3, "TRIGGER"), cls, places=where,
                       times=words)  # fmt: skip
    derived = dataclasses.replace(time, derived=not own)
    return Event(frame, agents, (ARMY,) if not own else (), (KANDAHAR,), derived, None, DAY)


@pytest.mark.parametrize(
    ("later", "folded"),
    [
        # a generic use of force with no setting of its own, by the same side (a country stands for its
        # forces), retells the finer one: its target joins it
        (_force(100, "Assault", (TALIBAN,), own=False), True),
        (_force(100, "Assault", (AFGHANISTAN,), own=False), False),  # another side: the country's rebels
        (_force(100, "Assault", (TALIBAN,), own=True), False),  # a time and place of its own: a new event
        (_force(100, "Capture", (TALIBAN,), own=False), False),  # a finer class is an event of its own
        (_force(100, "Assault", (TALIBAN,), own=False, time=TimeValue(HERAT_DAY, HERAT_DAY, "day")), False),
    ],
)
def test_dedup_generic_retelling_folds_into_the_finer_event(later: Event, folded: bool) -> None:
    first = _force(0, "AirStrike", (TALIBAN,), own=True)
    out = fold_retold([first, later])
    assert (len(out) == 1) is folded
    if folded:
        assert [t.key for t in out[0].targets] == ["afg-military"]
        assert ("retold_offset", "100") in out[0].extra


def test_dedup_no_retelling_of_an_event_dated_only_by_publication() -> None:
    first = _force(0, "Capture", (TALIBAN,), own=False)  # its day is the derived publication date
    assert len(fold_retold([first, _force(100, "Assault", (TALIBAN,), own=False)])) == 2


def test_dedup_retelling_by_a_country_of_its_forces_strike() -> None:
    strike = _force(0, "AirStrike", (AFGHANISTAN,), own=True)
    (out,) = fold_retold([strike, _force(100, "Assault", (ARMY,), own=False)])
    assert out.frame.trigger.start == 0


def test_dedup_an_act_also_done_is_no_retelling() -> None:
    first = _force(0, "AirStrike", (TALIBAN,), own=True)
    later = _force(100, "Assault", (TALIBAN,), own=False)
    also = dataclasses.replace(
        later, frame=dataclasses.replace(later.frame, sentence="They also hit a truck.", sentence_start=90)
    )
    assert len(fold_retold([first, later])) == 1
    assert len(fold_retold([first, also])) == 2
