"""Counted settlements named in the sentences after the event (kg.extract.counted), with the real model.

Sentences are written for these tests; the village names are made up, so no gazetteer knows them.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.counted import counted_settlements

STORY = (
    "Militiamen torched three villages in Ituri province on Friday, killing nine people, a local chief said. "
    "{second} {third}"
)


def _places(nlp: Language, text: str) -> dict[str, list[str]]:
    doc = nlp(text)
    return {f.trigger.text: [p.text for p in f.places] for f in doc._.event_frames}


@pytest.mark.parametrize(
    ("sentence", "trigger", "count"),
    [
        ("Militiamen torched three villages in Ituri province.", "torched", 3),
        ("Gunmen carried out raids on two hamlets near the border.", "raids", 2),
        ("Militiamen torched the villages of the valley.", "torched", None),  # not counted
        ("Militiamen torched three houses in the village.", "torched", None),  # not settlements
        ("Militiamen torched 40 villages across the province.", "torched", None),  # too many to be listed
    ],
)
def test_counted_settlements_reads_the_count(
    nlp: Language, sentence: str, trigger: str, count: int | None
) -> None:
    doc = nlp(sentence)
    assert counted_settlements(next(t for t in doc if t.text == trigger)) == count


def test_counted_names_in_a_following_sentence_are_the_places(nlp: Language) -> None:
    text = STORY.format(second="The attackers came into Kavira, Lodjo and Nyamba before dawn.", third="")
    places = _places(nlp, text)
    for trigger in ("torched", "killing"):  # the killing shares the raid's setting
        assert places[trigger][:3] == ["Kavira", "Lodjo", "Nyamba"]
        assert "Ituri province" in places[trigger][3:]  # the region the first sentence gave stays


@pytest.mark.parametrize(
    ("second", "third"),
    [
        # two names for three villages: which two is not said
        ("The attackers came into Kavira and Lodjo before dawn.", ""),
        # the names come too late to be the villages
        (
            "Survivors walked to the town.",
            "Aid workers arrived on Saturday. The attackers came into Kavira, Lodjo and Nyamba.",
        ),
    ],
)
def test_counted_names_only_when_the_list_fits(nlp: Language, second: str, third: str) -> None:
    places = _places(nlp, STORY.format(second=second, third=third))
    assert not {"Kavira", "Lodjo", "Nyamba"} & set(places["torched"])
