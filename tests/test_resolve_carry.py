"""Dates carried from earlier events: anaphoric days and bare sentences of the same paragraph.

Events are built by hand over a text written for these tests; the full pipeline is checked at the end."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from kg.model import Actor, Document, Event, EventFrame, Mention, Place, TimeValue
from kg.resolve.carry import carry_dates
from kg.resolve.scenes import carry_places

SUNDAY = dt.date(2025, 2, 9)
PUBLISHED = dt.date(2025, 2, 10)
TEXT = (
    "Supporters rallied in Lahore on Sunday. Police fired tear gas. The same day, gunmen ambushed a bus. "
    "The next day, troops arrived.\n\nThe governor condemned the violence. Two days after the rally, "
    "police arrested a leader."
)


def _event(trigger: str, time: TimeValue | None, times: tuple[str, ...] = (), cls: str = "Assault") -> Event:
    start = TEXT.index(trigger)
    sentence_start = max(TEXT.rfind(". ", 0, start) + 2, TEXT.rfind("\n", 0, start) + 1, 0)
    mentions = tuple(Mention(t, TEXT.index(t), TEXT.index(t) + len(t), "DATE") for t in times)
    mention = Mention(trigger, start, start + 1, "TRIGGER", trigger)
    frame = EventFrame("d", TEXT[sentence_start:], sentence_start, mention, cls, times=mentions)
    return Event(frame, time=time, doc_date=PUBLISHED)


def _day(day: dt.date, derived: bool = False) -> TimeValue:
    return TimeValue(day, day, "day", None, derived=derived)


@pytest.mark.parametrize(
    ("trigger", "time", "times", "expected", "derived"),
    [
        # a bare sentence of the same paragraph: the paragraph's date, still marked derived
        ("fired", _day(PUBLISHED, derived=True), (), SUNDAY, True),
        # "the same day" / "the next day": the day of the last event dated by its own expression
        ("ambushed", _day(PUBLISHED, derived=True), ("The same day",), SUNDAY, False),
        ("arrived", None, ("The next day",), SUNDAY + dt.timedelta(days=1), False),
        # a new paragraph starts afresh: the publication date stays
        ("condemned", _day(PUBLISHED, derived=True), (), PUBLISHED, True),
        # an expression that could not be anchored is not overridden
        ("arrested", _day(PUBLISHED, derived=True), ("Two days",), PUBLISHED, True),
    ],
)  # fmt: skip
def test_carry_rules(
    trigger: str, time: TimeValue | None, times: tuple[str, ...], expected: dt.date, derived: bool
) -> None:
    lead = _event("rallied", _day(SUNDAY), ("Sunday",), "Protest")
    out = carry_dates([lead, _event(trigger, time, times)], TEXT)
    assert out[0] == lead
    assert out[1].time is not None
    assert (out[1].time.start, out[1].time.derived) == (expected, derived)


@pytest.mark.parametrize(
    ("trigger", "cls", "expected"),
    [
        ("arrested", "Assault", SUNDAY),  # a use of force in a later paragraph: the day of the story's scene
        ("condemned", "Accuse", PUBLISHED),  # a statement keeps the publication date
    ],
)
def test_carry_scene_date_into_a_later_paragraph(trigger: str, cls: str, expected: dt.date) -> None:
    lead = _event("ambushed", _day(SUNDAY), ("The same day",))
    out = carry_dates([lead, _event(trigger, _day(PUBLISHED, derived=True), (), cls)], TEXT)
    assert out[1].time is not None
    assert (out[1].time.start, out[1].time.derived) == (expected, True)


def _days(nlp, text: str) -> dict[str, dt.date]:  # type: ignore[no-untyped-def]
    """Trigger text -> resolved day of the events of ``text`` through the real pipeline."""
    from kg.pipeline import events_from_doc

    events = events_from_doc(Document("d", text, PUBLISHED), nlp(text))
    return {e.frame.trigger.text: e.time.start for e in events if e.time is not None}


LAINYA = "Late on Saturday, rebels attacked a barracks in Lainya, and soldiers repelled them {}."


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "triggers", "day"),
    [
        # one anaphoric day for the events sharing it: the Sunday before Monday 10th
        ("Police arrested four men on Monday. The previous evening, two were killed when a bomb exploded.",
         ("killed", "exploded"), dt.date(2025, 2, 9)),
        # a stretch of hours names no day: the Saturday the sentence gives
        (LAINYA.format("after two hours of fighting"), ("repelled", "attacked"), dt.date(2025, 2, 8)),
        (LAINYA.format("for nearly two hours"), ("repelled", "attacked"), dt.date(2025, 2, 8)),
        (LAINYA.format("for hours"), ("repelled", "attacked"), dt.date(2025, 2, 8)),
        # "later the same day", and "hours later" with the object run into the entity: the day before
        ("Troops raided Nara on Saturday and detained three suspects near Guire later the same day.",
         ("raided", "detained"), dt.date(2025, 2, 8)),
        ("Militiamen seized Adado on Saturday. Government forces recaptured the town hours later.",
         ("seized", "recaptured"), dt.date(2025, 2, 8)),
        # "The day before" with the adverb the entity leaves out: the day before the last dated event
        ("Police arrested four men on Tuesday. The day before, gunmen stormed a checkpoint on the edge of "
         "the town and killed two guards.", ("stormed", "killed"), dt.date(2025, 2, 3)),
    ],
)  # fmt: skip
def test_carry_events_sharing_a_day(nlp, text: str, triggers: tuple[str, str], day: dt.date) -> None:  # type: ignore[no-untyped-def]
    days = _days(nlp, text)
    assert [days[t] for t in triggers] == [day, day]


@pytest.mark.model
def test_carry_counted_distance_from_the_last_dated_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Troops shelled the hills above Goma on Wednesday. A day later, rebels seized Sake. Two days later, "
        "police arrested a commander in Bukavu. Hours later, gunmen ambushed a convoy near Uvira."
    )
    days = _days(nlp, text)
    wednesday = dt.date(2025, 2, 5)
    assert days["shelled"] == wednesday
    assert days["seized"] == wednesday + dt.timedelta(days=1)  # each distance counts from the event before
    assert days["arrested"] == wednesday + dt.timedelta(days=3)
    assert days["ambushed"] == days["arrested"]  # "hours later": the same day


@pytest.mark.model
def test_carry_distance_the_ner_left_untagged(nlp) -> None:  # type: ignore[no-untyped-def]
    # in this paragraph the model tags "A day later" as no entity; the parse still gives the distance
    text = (
        "Gunmen attacked the village of Kuru on Monday, killing five people.\n\n"
        "A day later the fighters burned a chapel in Alua."
    )
    doc = nlp(text)
    assert not any(e.text == "A day later" for e in doc.ents)
    days = _days(nlp, text)
    assert days["burned"] == days["attacked"] + dt.timedelta(days=1)


@pytest.mark.model
def test_carry_a_time_of_day_alone_is_no_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Jihadists stormed an army base near Djibo on Saturday, killing 30 soldiers.\n\n"
        "The assault began before dawn with a car bomb at the main gate, a survivor said."
    )
    days = _days(nlp, text)
    assert days["stormed"] == days["car bomb"] == dt.date(2025, 2, 8)  # not the publication day


def test_carry_nothing_before_keeps_the_events() -> None:
    events = [_event("fired", _day(PUBLISHED, derived=True)), _event("ambushed", None, ("The same day",))]
    assert carry_dates(events, TEXT) == events


@pytest.mark.model
def test_carry_full_pipeline(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Hundreds of farmers rallied in Kisumu on Sunday. Police fired tear gas and detained 23 of them."
        "\n\nThe same day, gunmen ambushed a bus near Garissa."
    )
    days = _days(nlp, text)
    assert days["rallied"] == days["tear gas"] == days["detained"] == days["ambushed"] == SUNDAY


LAHORE = Place("geonames-1172451", "Lahore", 1172451, 31.5, 74.3, "PAK", "city")
PLACE_TEXT = (
    "Crowds rallied in Lahore. Police fired tear gas. The minister condemned it.\n\nPolice detained ten men."
)


def _at(trigger: str, cls: str, places: tuple[Place, ...] = (), negated: bool = False) -> Event:
    start = PLACE_TEXT.index(trigger)
    sentence_start = max(PLACE_TEXT.rfind(". ", 0, start) + 2, PLACE_TEXT.rfind("\n", 0, start) + 1, 0)
    mentions = tuple(Mention(p.label, PLACE_TEXT.index(p.label), 0, "GPE") for p in places)
    mention = Mention(trigger, start, start + 1, "T")
    frame = EventFrame("d", PLACE_TEXT[sentence_start:], sentence_start, mention, cls, places=mentions,
                       negated=negated)  # fmt: skip
    return Event(frame, places=places)


PARAGRAPH_NOTE = ("place_rule", "place of the paragraph's earlier event")
STORY_NOTE = ("place_rule", "place of the story's earlier event (its sentence names no other)")


@pytest.mark.parametrize(
    ("event", "expected", "note"),
    [
        (_at("fired", "Coerce"), [LAHORE], PARAGRAPH_NOTE),  # a use of force in the same paragraph
        (_at("condemned", "Accuse"), [], None),  # a statement is made elsewhere
        (_at("fired", "Coerce", negated=True), [], None),  # what did not happen has no scene
        # a new paragraph: an arrest there goes on with the story's scene by the story rule
        (_at("detained", "Arrest"), [LAHORE], STORY_NOTE),
    ],
)
def test_carry_places_rules(event: Event, expected: list[Place], note: tuple[str, str] | None) -> None:
    lead = _at("rallied", "Protest", (LAHORE,))
    out = carry_places([lead, event], PLACE_TEXT)
    assert list(out[1].places) == expected
    assert [e for e in out[1].extra if e[0] == "place_rule"] == ([note] if note else [])


@pytest.mark.parametrize(
    ("lead_time", "event_time", "expected"),
    [
        (TimeValue(dt.date(2024, 3, 1), dt.date(2024, 3, 31), "month"), None, []),  # a background event
        (TimeValue(dt.date(2024, 3, 1), dt.date(2024, 3, 31), "month"),
         TimeValue(dt.date(2024, 3, 1), dt.date(2024, 3, 31), "month"), [LAHORE]),  # ... for its own kind
        (TimeValue(dt.date(2025, 3, 9), dt.date(2025, 3, 9), "day"), None, [LAHORE]),  # the news
    ],
)  # fmt: skip
def test_carry_places_background_sets_no_scene_for_the_news(
    lead_time: TimeValue, event_time: TimeValue | None, expected: list[Place]
) -> None:
    lead = dataclasses.replace(_at("rallied", "Protest", (LAHORE,)), time=lead_time)
    event = dataclasses.replace(_at("fired", "Coerce"), time=event_time)
    assert list(carry_places([lead, event], PLACE_TEXT)[1].places) == expected


@pytest.mark.parametrize(
    ("cls", "site", "expected"),
    [
        ("Coerce", "a checkpoint near the airport", [LAHORE]),  # a building no gazetteer names: the scene's
        ("Coerce", "Kasur", []),  # a named place of its own stays its own
        ("Protest", "a checkpoint near the airport", []),  # the lead's own class: it would merge with it
    ],
)
def test_carry_places_over_unnamed_sites(cls: str, site: str, expected: list[Place]) -> None:
    lead = _at("rallied", "Protest", (LAHORE,))
    event = _at("fired", cls)
    event = Event(
        EventFrame("d", event.frame.sentence, event.frame.sentence_start, event.frame.trigger, cls,
                   places=(Mention(site, 0, len(site), "NP"),)),
    )  # fmt: skip
    assert list(carry_places([lead, event], PLACE_TEXT)[1].places) == expected


def test_carry_the_area_is_the_last_city() -> None:
    from kg.resolve.places import PlaceContext, link_place

    assert link_place("the area", PlaceContext("PAK", LAHORE)) == LAHORE
    assert link_place("the area", PlaceContext("PAK", None)) is None


STORY = (
    "Gunmen stormed Dansadau on Tuesday.\n\nThe gunmen shot dead a vigilante.\n\nElsewhere, bandits killed "
    "two men.\n\nTalks opened in Gusau as gunmen wounded a guard. Rebels have fought the army since 2007. "
    "Their offensive spread."
)
DANSADAU = Place("geonames-1", "Dansadau", 1, None, None, "NGA", "city")
GUSAU = Place("geonames-2", "Gusau", 2, None, None, "NGA", "city")


def _told(trigger: str, cls: str, places: tuple[Place, ...] = (), time: TimeValue | None = None) -> Event:
    start = STORY.index(trigger)
    sentence_start = max(STORY.rfind(". ", 0, start) + 2, STORY.rfind("\n", 0, start) + 1, 0)
    mentions = tuple(Mention(p.label, STORY.index(p.label), 0, "GPE") for p in places)
    mention = Mention(trigger, start, start + 1, "T", trigger.lower())
    frame = EventFrame("d", STORY[sentence_start:], sentence_start, mention, cls, places=mentions)
    return Event(frame, places=places, time=time)


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (_told("shot dead", "Killing"), [DANSADAU]),  # a later paragraph goes on with the story's scene
        (_told("killed", "Killing"), []),  # ... unless it opens elsewhere
        (_told("wounded", "Assault"), []),  # ... or its sentence names another place
        # background is no scene ("since 2007"), and a statement is made elsewhere
        (_told("fought", "ArmedClash", time=TimeValue(dt.date(2007, 1, 1), PUBLISHED, "span", "2007")), []),
        (_told("shot dead", "Arrest"), [DANSADAU]),  # an arrest at the scene too
        (_told("shot dead", "Withdrawal"), [DANSADAU]),  # ... and a withdrawal from it
        (_told("shot dead", "Negotiation"), []),  # talks are held elsewhere
        (_told("offensive", "ArmedClash"), []),  # a campaign is no scene
    ],
)
def test_carry_places_from_an_earlier_paragraph(event: Event, expected: list[Place]) -> None:
    lead = _told("stormed", "Assault", (DANSADAU,))
    talks = _told("opened", "Negotiation", (GUSAU,))  # names Gusau in the sentence of "wounded"
    events = [lead, talks, event] if event.frame.trigger.text == "wounded" else [lead, event]
    out = carry_places(events, STORY)
    assert list(out[-1].places) == expected
    assert (STORY_NOTE in out[-1].extra) is bool(expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Police detained ten men.", [LAHORE]),
        ("Police detained ten men in 12 of the country's 36 districts.", []),  # many places, none carried
        ("Police detained ten men across the country.", []),
        ("Police detained ten men in several villages.", []),
        ("Police detained ten men in the city's eastern districts.", [LAHORE]),  # parts of one place
    ],
)
def test_carry_places_not_into_sentences_about_many_places(sentence: str, expected: list[Place]) -> None:
    text = f"Crowds rallied in Lahore. {sentence}"
    lead_frame = EventFrame("d", text, 0, Mention("rallied", 7, 14, "T"), "Protest",
                            places=(Mention("Lahore", 18, 24, "GPE"),))  # fmt: skip
    start = text.index("detained")
    frame = EventFrame("d", sentence, 26, Mention("detained", start, start + 8, "T"), "Arrest")
    out = carry_places([Event(lead_frame, places=(LAHORE,)), Event(frame)], text)
    assert list(out[1].places) == expected


UKRAINE = Actor("ukr", "Ukraine", "GOV", "UKR", "country")
SCENE_TEXT = "Gunmen stormed Lahore. They freed 40 inmates. They set fire to a police station and withdrew."


def _scene(trigger: str, cls: str, places: tuple[Place, ...] = (), sites: tuple[str, ...] = (),
           agents: tuple[Actor, ...] = (), lemma: str = "") -> Event:  # fmt: skip
    start = SCENE_TEXT.index(trigger)
    mention = Mention(trigger, start, start + len(trigger), "T", lemma or trigger)
    found = tuple(Mention(p.label, SCENE_TEXT.index(p.label), 0, "GPE") for p in places)
    found += tuple(Mention(t, SCENE_TEXT.index(t), SCENE_TEXT.index(t) + len(t), "NP") for t in sites)
    frame = EventFrame("d", SCENE_TEXT, 0, mention, cls, places=found)
    return Event(frame, agents=agents, places=places)


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        # withdrawals, releases, truces and deployments at the scene take its place ...
        (_scene("withdrew", "Withdrawal"), [LAHORE]),
        (_scene("withdrew", "Deployment"), [LAHORE]),
        # ... unless states as wholes act ("Ukraine withdrew its ambassador") or prisoners are swapped
        (_scene("withdrew", "Withdrawal", agents=(UKRAINE,)), []),
        (_scene("withdrew", "PrisonerRelease", lemma="exchange"), []),
        # an unnamed site of a class placed there before, not only just before, would merge: kept apart
        (_scene("set fire", "Assault", sites=("police station",)), []),
        (_scene("set fire", "Arrest", sites=("police station",)), [LAHORE]),
    ],
)
def test_carry_places_to_other_acts_at_the_scene(event: Event, expected: list[Place]) -> None:
    stormed = _scene("stormed", "Assault", (LAHORE,))
    freed = _scene("freed", "PrisonerRelease", (LAHORE,))
    assert list(carry_places([stormed, freed, event], SCENE_TEXT)[-1].places) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "later that month": the month of the last dated event
        ("Troops killed two rebels near Yurecuaro on Aug. 3.\n\nLater that month, soldiers clashed with "
         "suspected cartel members in the municipality of Tarimoro, killing five of them.",
         (dt.date(2024, 8, 1), dt.date(2024, 8, 31), "month")),
        # "the following month": the month after it
        ("Troops killed two rebels near Yurecuaro on Dec. 3.\n\nThe following month, soldiers clashed with "
         "suspected cartel members in Tarimoro.", (dt.date(2025, 1, 1), dt.date(2025, 1, 31), "month")),
        # ... and with none before it, the expression is left as resolution found it
        ("Later that month, soldiers clashed with suspected cartel members in the municipality of Tarimoro, "
         "killing five of them.", None),
    ],
)  # fmt: skip
def test_carry_month_of_the_previous_dated_event(nlp, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    from document_support import document_events, one_event

    event = one_event(document_events(nlp, text), "clashed")
    assert event.time is not None
    span = (event.time.start, event.time.end, event.time.precision)
    if expected is None:
        assert not any(note == "month of the previous dated event" for _, note in event.extra)
    else:
        assert span == expected


def test_carry_anaphoric_day_after_a_month_is_the_day_of_the_last_use_of_force() -> None:
    # "... ambushed a bus (on Sunday). The governor condemned the violence (in February). The same day ...":
    # a month names no day to count from; the story's last use of force does
    ambush = _event("ambushed", _day(SUNDAY))
    month = TimeValue(dt.date(2025, 2, 1), dt.date(2025, 2, 28), "month", "February")
    condemned = _event("condemned", month, cls="Accuse")
    arrested = _event("arrested", _day(PUBLISHED, derived=True), ("The same day",))
    out = carry_dates([ambush, condemned, arrested], TEXT)
    assert out[2].time is not None and (out[2].time.start, out[2].time.derived) == (SUNDAY, False)
    assert [note for note in out[2].extra if note[0] == "time_rule"] == [
        ("time_rule", "day of the previous dated event")
    ]
