"""resolve_document over hand-built frames of an invented article (pure Python)."""

from __future__ import annotations

import datetime as dt
import random

from kg.model import Document, EventFrame, Mention
from kg.resolve import resolve_document

TEXT = (
    "Houthi rebels seized Marib on Tuesday, officials said. "
    "The rebels also shelled the city. "
    "Yemeni troops withdrew from Marib. "
    "They will attack Aden, a commander warned. "
    "Government forces retook Marib in the afternoon."
)
DOC = Document("marib-1", TEXT, dt.date(2024, 3, 7))  # a Thursday


def _m(text: str, label: str = "NP", lemma: str = "", occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return Mention(text, start, start + len(text), label, lemma)


def _sentence(mention: Mention) -> tuple[str, int]:
    start = TEXT.rfind(". ", 0, mention.start)
    start = 0 if start < 0 else start + 2
    end = TEXT.index(".", mention.end) + 1
    return TEXT[start:end], start


def _frame(trigger: Mention, cls: str, **roles: object) -> EventFrame:
    sentence, start = _sentence(trigger)
    return EventFrame("marib-1", sentence, start, trigger, cls, **roles)  # type: ignore[arg-type]


ENTITIES = [
    _m("Houthi", "NORP"),
    _m("Marib", "GPE"),
    _m("Tuesday", "DATE"),
    _m("Yemeni", "NORP"),
    _m("Marib", "GPE", occurrence=1),
    _m("Aden", "GPE"),
    _m("Marib", "GPE", occurrence=2),
]
FRAMES = [
    _frame(
        _m("seized", "TRIGGER", "seize"),
        "Capture",
        agents=(_m("Houthi rebels", lemma="rebel"),),
        places=(_m("Marib", "GPE"),),
        times=(_m("Tuesday", "DATE", "on"),),
    ),
    _frame(
        _m("shelled", "TRIGGER", "shell"),
        "Assault",
        agents=(_m("The rebels", lemma="rebel"),),
        places=(_m("the city", lemma="city"),),
    ),
    _frame(
        _m("withdrew", "TRIGGER", "withdraw"),
        "Retreat",
        agents=(_m("Yemeni troops", lemma="troop"),),
        places=(_m("Marib", "GPE", occurrence=1),),
    ),
    _frame(
        _m("attack", "TRIGGER", "attack"),
        "Assault",
        agents=(_m("They", "PRON", "they"),),
        places=(_m("Aden", "GPE"),),
    ),
    _frame(
        _m("retook", "TRIGGER", "retake"),
        "Capture",
        agents=(_m("Government forces", lemma="force"),),
        places=(_m("Marib", "GPE", occurrence=2),),
    ),
]


def test_resolve_document_resolves_every_role() -> None:
    events = resolve_document(DOC, FRAMES, ENTITIES)
    rows = [
        (
            e.event_class,
            [a.key for a in e.agents],
            [p.label.replace("'", "") for p in e.places],
            e.time and e.time.start,
        )
        for e in events
    ]
    assert rows == [
        ("Capture", ["houthis"], ["Marib"], dt.date(2024, 3, 5)),
        # no time expression: the date of the paragraph's earlier event, still marked derived
        ("Assault", ["houthis"], ["Marib"], dt.date(2024, 3, 5)),
        ("Retreat", ["yem-military"], ["Marib"], dt.date(2024, 3, 5)),
        ("Assault", ["yem-military"], ["Aden"], None),
        ("Capture", ["yem-military"], ["Marib"], dt.date(2024, 3, 5)),
    ]
    assert all(p.country == "YEM" for e in events for p in e.places)
    assert events[1].time is not None and events[1].time.derived
    assert events[0].time is not None and not events[0].time.derived


def test_resolve_document_is_deterministic_under_frame_order() -> None:
    expected = resolve_document(DOC, FRAMES, ENTITIES)
    shuffled = FRAMES[:]
    random.Random(7).shuffle(shuffled)
    assert resolve_document(DOC, shuffled, list(reversed(ENTITIES))) == expected


def test_resolve_document_merges_repeated_reports() -> None:
    repeat = _frame(
        _m("retook", "TRIGGER", "retake"),
        "Capture",
        agents=(_m("Government forces", lemma="force"),),
        places=(_m("Marib", "GPE", occurrence=2),),
    )
    events = resolve_document(DOC, [*FRAMES, repeat], ENTITIES)
    assert len(events) == len(FRAMES)


def test_resolve_document_notes_unresolved_mentions() -> None:
    frame = _frame(_m("shelled", "TRIGGER", "shell"), "Assault", agents=(_m("the city", lemma="city"),))
    (event,) = resolve_document(DOC, [frame], ENTITIES)
    assert event.agents == ()
    assert ("unresolved_agent", "the city") in event.extra


def test_resolve_document_unmarked_victims_belong_to_the_event_place() -> None:
    text = (
        "Sudanese troops shelled Darfur again. Sudanese officials in Khartoum denied it. "
        "Later 14 people were killed in Juba."
    )
    doc = Document("victims", text, dt.date(2024, 3, 2))
    start = text.index("14 people")
    victims = Mention("14 people", start, start + 9, "NP", "people")
    place = Mention("Juba", text.index("Juba"), text.index("Juba") + 4, "GPE")
    trigger = Mention("killed", text.index("killed"), text.index("killed") + 6, "VERB", "kill")
    sentence = "Later 14 people were killed in Juba."
    frame = EventFrame(
        "victims", sentence, start - 6, trigger, "Killing", targets=(victims,), places=(place,)
    )
    entities = [
        Mention("Sudanese", 0, 8, "NORP"),
        Mention("Darfur", text.index("Darfur"), text.index("Darfur") + 6, "GPE"),
        Mention("Sudanese", text.index("Sudanese officials"), text.index("Sudanese officials") + 8, "NORP"),
        Mention("Khartoum", text.index("Khartoum"), text.index("Khartoum") + 8, "GPE"),
    ]
    [event] = resolve_document(doc, [frame], entities)
    assert [a.key for a in event.targets] == ["ssd-civilians"]  # Juba is in South Sudan
    named = Mention("Sudanese civilians", start, start + 18, "NP", "civilian")
    frame = EventFrame("victims", sentence, start - 6, trigger, "Killing", targets=(named,), places=(place,))
    [event] = resolve_document(doc, [frame], entities)
    assert [a.key for a in event.targets] == ["sdn-civilians"]  # the mention names its country


def test_resolve_document_place_tagged_as_a_group_is_no_antecedent() -> None:
    """A name the frames use as a place, tagged ORG by the model, is not what "them" points back to."""
    text = "Troops clashed with Wagner fighters near the mine of Ndassima on Monday, killing six of them."
    doc = Document("car-1", text, dt.date(2024, 3, 7))

    def m(word: str, label: str = "NP", lemma: str = "") -> Mention:
        start = text.index(word)
        return Mention(word, start, start + len(word), label, lemma)

    place = m("Ndassima", "ORG")
    frame = EventFrame(
        "car-1", text, 0, m("killing", "TRIGGER", "kill"), "Killing",
        agents=(m("Troops", lemma="troop"),), targets=(m("them", "PRON", "they"),), places=(place,),
    )  # fmt: skip
    entities = [m("Wagner", "ORG"), place, m("Monday", "DATE")]
    (event,) = resolve_document(doc, [frame], entities)
    assert [a.key for a in event.targets] == ["wagner"]
    assert ("antecedent_target", "Wagner") in event.extra
