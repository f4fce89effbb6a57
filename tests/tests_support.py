"""Hand-built events with known answers, shared by the SPARQL, server and push tests."""

from __future__ import annotations

import datetime as dt

from kg.model import Actor, Document, Event, EventFrame, Mention, Place, Quantity, TimeValue

__all__ = ["EVENTS", "DOCS", "TALIBAN", "ARMY", "KANDAHAR", "HERAT"]

TALIBAN = Actor("taliban", "Taliban", sector="REB", country="AFG")
ARMY = Actor("afg-military", "Military of Afghanistan", sector="MIL", country="AFG")
CIVILIANS = Actor("afg-civilians", "Civilians (Afghanistan)", sector="CVL", country="AFG")
UN = Actor("un", "United Nations", sector="IGO")
KANDAHAR = Place("geonames-1138336", "Kandahar", 1138336, 31.61, 65.71, "AFG")
HERAT = Place("geonames-1140026", "Herat", 1140026, 34.35, 62.2, "AFG")


def _day(y: int, m: int, d: int) -> TimeValue:
    return TimeValue(dt.date(y, m, d), dt.date(y, m, d), "day")


def _event(doc: str, n: int, cls: str, agents=(), targets=(), places=(), time=None, **frame) -> Event:  # type: ignore[no-untyped-def]
    sentence = f"Sentence {n} of {doc} ({cls})."
    trigger = Mention(cls.lower(), n * 100, n * 100 + 5, "TRIGGER", cls.lower())
    reported_by = frame.pop("reported_by", None)
    ef = EventFrame(doc, sentence, n * 100, trigger, cls, **frame)
    return Event(ef, tuple(agents), tuple(targets), tuple(places), time, reported_by)


EVENTS = [
    _event("d1", 1, "Capture", [TALIBAN], places=[KANDAHAR], time=_day(2021, 8, 13)),
    _event("d1", 2, "Capture", [TALIBAN], places=[HERAT], time=_day(2021, 8, 12), reported_by=TALIBAN),
    _event(
        "d1",
        3,
        "Killing",
        [TALIBAN],
        [CIVILIANS],
        [KANDAHAR],
        _day(2021, 7, 20),
        quantities=(Quantity("fatalities", 12, "12 civilians"),),
    ),  # fmt: skip
    _event("d1", 4, "Shelling", [ARMY], [TALIBAN], [HERAT], _day(2021, 8, 1)),
    _event(
        "d2",
        1,
        "ArmedClash",
        [TALIBAN, ARMY],
        places=[HERAT],
        time=_day(2021, 7, 30),
        quantities=(Quantity("fatalities", 5, "five"),),
        reported_by=UN,
    ),  # fmt: skip
    _event("d2", 2, "Assault", [ARMY], [TALIBAN], [KANDAHAR], _day(2021, 8, 2), negated=True),
]
DOCS = [Document("d1", "", dt.date(2021, 8, 13)), Document("d2", "", dt.date(2021, 8, 14))]
