"""Events dated by their distance from another event ("a day after the group fired"), through the real
model and resolution; sentences written for these tests. PUBLISHED is Friday 14 March 2025."""

from __future__ import annotations

import datetime as dt

import pytest
from document_support import document_events, one_event
from spacy.language import Language

from kg.extract import extract_frames

D = dt.date


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        # an after/before clause of a dated event: that many days before/after it
        ("The rebels attacked Goma on Monday, three days after they seized Sake.", "seized", D(2025, 3, 7)),
        ("The army retook Kidal on Tuesday, two days before the rebels attacked Gao.", "attacked",
         D(2025, 3, 13)),
        # ... also when the parser coordinated the clause, its "after" kept, with the governing verb
        ("Somali government forces captured Buundo Weyn, a village about 40 km west of Beledweyne in the "
         "central Hiraan region, on Wednesday, a day after al-Shabaab fighters withdrew from it, officials "
         "said.", "withdrew", D(2025, 3, 11)),
        # ... with the clause hung on a parenthetical saying: the event said before it
        ("Rebels attacked a police station in Kidal on Tuesday, officials said, a day after troops killed a "
         "rebel commander in Gao.", "killed", D(2025, 3, 10)),
        # ... through a light verb's event noun, with the clause's borrowed date dropped
        ("The coalition launched air strikes on Hodeidah on Thursday, a day after the group fired missiles "
         "at a tanker.", "fired missiles at", D(2025, 3, 12)),
        # ... and the other way: a dated clause dates the event it hangs from
        ("The army retook the town three days after the rebels seized it on Monday.", "retook",
         D(2025, 3, 13)),
        # a retelling noun stands for the event it retells
        ("The US carried out an air strike near Jilib on Tuesday. The strike came two days after the "
         "militants detonated a car bomb in Mogadishu.", "detonated", D(2025, 3, 9)),
        ("Russia and Ukraine exchanged 150 prisoners on Wednesday. Hours after the exchange, Russian drones "
         "struck a power plant in Odesa.", "drones struck", D(2025, 3, 12)),
        # the distance hung on the clause it measures, and a retelling that follows another retelling
        ("A jet bombed a school in Kalay on Wednesday.\n\nThe strike came a day after rebels overran a "
         "police post near the town.", "overran", D(2025, 3, 11)),
        # the distance hung on the "after" of a definite event noun retelling a dated event
        ("Gunmen ambushed a convoy near Rawa on Monday.\n\nTwo days after the ambush, police arrested a "
         "suspect in Haditha.", "arrested", D(2025, 3, 12)),
        # the distance hung on the "after" of the clause; a subject noun that is no trigger names the last
        # event of its class told before ("the release": the freeing)
        ("A bomb hit a market in Yala on Wednesday.\n\nThe blast came five days after officials and the "
         "rebels agreed to a truce.", "agreed", D(2025, 3, 7)),
        ("Rebels freed six soldiers in Meta on Wednesday.\n\nThe release came a day after negotiators "
         "resumed talks in Bogota.", "resumed", D(2025, 3, 11)),
        # "after U.S." read as the carrier verb's phrase, the clause as its conjunct
        ("A drone hit a depot in Sumy on Wednesday.\n\nThe strike came a day after U.S., Russian and "
         "Ukrainian envoys met for talks in Riyadh.", "met", D(2025, 3, 11)),
        # a retelling noun after the event it dates stands for an event told before that one
        ("Bandits abducted 30 villagers in Kuchi on Tuesday.\n\nAir force jets bombed hideouts in the forest "
         "a day after the raid.", "bombed", D(2025, 3, 12)),
        # a gerund after a counted "after" phrase: its time, borrowed from its governor, is not its own
        ("M23 fighters withdrew from Pinga on Sunday, four days after seizing it.", "seizing", D(2025, 3, 5)),
        # "on the eve of" an event retold: the day before it
        ("A jet bombed a school in Kalay on Wednesday.\n\nThe strike came a day after rebels overran a "
         "police post.\n\nOn the eve of the strike, the junta had warned that it would punish villages "
         "sheltering rebels.", "warned", D(2025, 3, 11)),
    ],
)  # fmt: skip
def test_anchors_date_an_event_from_a_counted_distance(
    nlp: Language, text: str, trigger: str, day: dt.date
) -> None:
    event = one_event(document_events(nlp, text), trigger)
    assert event.time is not None
    assert (event.time.start, event.time.end, event.time.derived) == (day, day, False)
    assert any(key == "time_rule" and "another event" in note for key, note in event.extra)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "span"),
    [
        ("In June the militia killed the governor in Kalemie, hours after he accused the group of looting on "
         "the radio.", "accused", (D(2024, 6, 1), D(2024, 6, 30))),
        ("Last week fighters raided Goma, hours after the army deployed tanks there.", "deployed",
         (D(2025, 3, 3), D(2025, 3, 9))),
    ],
)  # fmt: skip
def test_anchors_hours_after_an_event_share_its_time_whatever_its_precision(
    nlp: Language, text: str, trigger: str, span: tuple[dt.date, dt.date]
) -> None:
    event = one_event(document_events(nlp, text), trigger)
    assert event.time is not None and (event.time.start, event.time.end, event.time.derived) == (*span, False)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The rebels attacked Goma on Monday, after they seized Sake.",  # no count: no day
        "The rebels attacked Goma on Monday, three days after the truce talks had been planned.",
    ],
)
def test_anchors_need_a_counted_distance_and_an_event(nlp: Language, text: str) -> None:
    assert all(frame.anchor is None for frame in extract_frames(nlp(text)))


@pytest.mark.model
def test_anchors_there_is_where_the_governing_event_happened(nlp: Language) -> None:
    text = (
        "Al-Shabaab fighters took Awdheegle, a town south-west of Mogadishu, on Tuesday after government "
        "troops pulled out of their bases there on Monday night."
    )
    events = document_events(nlp, text)
    assert [p.label for p in one_event(events, "pulled out").places] == ["Awdheegle"]
