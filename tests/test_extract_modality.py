"""Statements of intent and obligation become events of their own (``kg.extract.modality``).

Sentences are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from kg.extract.modality import load_modality
from kg.extract.triggers import LexiconError


def _factual(nlp: Language, sentence: str) -> list[tuple[str, str, list[str], list[str]]]:
    """(class, trigger, agents, targets) of the frames that are neither negated nor hypothetical."""
    frames = nlp(sentence)._.event_frames
    return [(f.event_class, f.trigger.text, [m.text for m in f.agents], [m.text for m in f.targets])
            for f in frames if not (f.negated or f.hypothetical)]  # fmt: skip


# sentence, expected factual frames (class, trigger, agents, targets)
MODALITY_TABLE = [
    ("Japan will provide emergency food aid to Sudan.",
     [("Agree", "will provide", ["Japan"], ["Sudan"])]),
    ("The rebels offered to release the hostages.",
     [("Agree", "offered to release", ["rebels"], ["hostages"])]),
    ("The junta says it is willing to negotiate with the rebels.",
     [("Agree", "willing to negotiate", ["it"], ["rebels"])]),
    ("The opposition said it would boycott the elections.",
     [("Threaten", "would boycott", ["it"], ["elections"])]),
    ("The envoy said the militia must release the hostages.",
     [("Request", "must release", ["envoy"], ["militia"])]),
    ("The minister said the rebels must be ready to negotiate.",
     [("Request", "must be ready to negotiate", ["minister"], ["rebels"])]),
    # an intention on a condition is a threat, whatever the action (the withdrawn police are its theme)
    ("Kenya said it will withdraw its police unless the mission gets a mandate.",
     [("Threaten", "will withdraw", ["it"], [])]),
    # a hostile act under a modal and a condition is a threat; a bare possibility is none
    ("The EU could impose sanctions on the junta if the vote is delayed.",
     [("Threaten", "could impose sanctions", ["EU"], ["junta"])]),
    ("The rebels could attack the town.", []),
    # a reported obligation on a verb that names no event is still a demand; unreported, it is none
    ("The ministry declared that Ghana must drop its tariffs on rice.",
     [("Request", "must drop", ["ministry"], ["Ghana"])]),
    ("Rich nations must allocate more money.", []),
    # an ordered coercive act is that act, by whoever ordered it, aimed at the ordered party
    ("The government ordered the newspaper to suspend publication.",
     [("Coerce", "ordered the newspaper to suspend", ["government"], ["newspaper"])]),
    # a negated commitment is a refusal
    ("The rebels will not withdraw from the town.", [("Reject", "will not withdraw", ["rebels"], [])]),
    ("The two parties failed to reach an agreement in Geneva.",
     [("Reject", "failed to reach", ["two parties"], [])]),
    ("The council refused to accept.", [("Reject", "refused", ["council"], [])]),
    # no statement: a fact, a threat already named by its verb
    ("The army attacked the village on Monday.", [("Assault", "attacked", ["army"], ["village"])]),
    ("The army did not meet the envoy on Friday.", []),
    ("Russia threatened to attack.", [("Threaten", "threatened", ["Russia"], [])]),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "expected"), MODALITY_TABLE, ids=[r[0][:40] for r in MODALITY_TABLE])
def test_modality_statements(
    nlp: Language, sentence: str, expected: list[tuple[str, str, list[str], list[str]]]
) -> None:
    assert _factual(nlp, sentence) == expected


# sentence, places of the demand: a demand is made where its speaker is, unless the demanded act has a place
DEMAND_PLACES = [
    ("Doctors based in Goma said the militias must open the roads.", ["Goma"]),
    ("Officials in Mogadishu said the insurgents must free the hostages.", ["Mogadishu"]),
    ("The envoy said the militia must release the hostages.", []),
    ("Officials in Mogadishu said the insurgents must withdraw from Baidoa.", ["Baidoa"]),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "places"), DEMAND_PLACES, ids=[r[0][:40] for r in DEMAND_PLACES])
def test_modality_demand_takes_its_speakers_place(nlp: Language, sentence: str, places: list[str]) -> None:
    demands = [f for f in nlp(sentence)._.event_frames if f.event_class == "Request"]
    assert len(demands) == 1
    assert [m.text for m in demands[0].places] == places


@pytest.mark.model
def test_modality_intended_event_is_kept_as_hypothetical(nlp: Language) -> None:
    frames = nlp("Japan will provide emergency food aid to Sudan.")._.event_frames
    assert [(f.event_class, f.hypothetical) for f in frames] == [("Agree", False), ("Aid", True)]


def test_modality_table_is_read_from_the_lexicon() -> None:
    mod = load_modality()
    assert "will" in mod.future and "willing" in mod.intent_adjectives
    assert mod.intent_cooperative == "Agree" and "Aid" in mod.cooperative_categories


def test_modality_bad_class_names_the_choices(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text('[modality]\nintent_hostile = "Menace"\n', "utf-8")
    with pytest.raises(LexiconError, match="valid: .*Threaten"):
        load_modality(str(path))


def test_modality_lexicon_without_table_recodes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text('[[entry]]\nclass = "Assault"\nverbs = ["attack"]\n', "utf-8")
    assert load_modality(str(path)).future == frozenset()


@pytest.mark.parametrize(
    ("sentence", "times"),
    [
        # a statement is dated by its own verb, its coordinated verbs or the clause above it; the deadline
        # of what it envisages is that event's
        ("The two sides agreed on Sunday to withdraw their forces by the end of the month.", ["Sunday"]),
        ("Delegations held talks on Sunday and agreed to swap detainees before the end of the month.",
         ["Sunday"]),
        ("The minister said on Tuesday that Kinshasa would ask the UN Security Council to impose sanctions.",
         ["Tuesday"]),
        ("The rebels agreed to withdraw from the town by Friday.", []),
    ],
)  # fmt: skip
def test_modality_statement_is_dated_by_its_own_clause(
    nlp: Language, sentence: str, times: list[str]
) -> None:
    statements = [f for f in nlp(sentence)._.event_frames if not (f.negated or f.hypothetical)]
    assert statements, [(f.event_class, f.trigger.text) for f in nlp(sentence)._.event_frames]
    assert [m.text for m in statements[-1].times] == times
