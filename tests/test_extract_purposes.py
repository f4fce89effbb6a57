"""Reasons, purposes and agreed/decided acts (kg.extract.purposes, the [modality] intent and decision
verbs), and the lexicon's ``not_object`` exclusion. Every sentence is written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from kg.extract.triggers import find_triggers, load_lexicon
from kg.namespaces import EVENT_CLASSES


def _frames(nlp: Language, sentence: str) -> list[tuple[str, str, bool]]:
    """(category, trigger's first word, hypothetical) of every non-negated frame."""
    return [
        (EVENT_CLASSES[f.event_class], f.trigger.text.split()[0], f.hypothetical)
        for f in nlp(sentence)._.event_frames
        if not f.negated
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # "in protest" hanging from another act is only that act's reason
        ("Israel recalled its ambassadors in protest.", False),
        ("The minister resigned in protest at the ruling.", False),
        ("Peru withdrew its envoy in protest against the arrests.", False),
        # with no other act, or as an event of its own, it is a protest
        ("Residents gathered in protest outside the governor's office.", True),
        ("A man was killed in a protest in Lagos.", True),
        ("Hundreds of people took part in protests in Tunis.", True),
    ],
)
def test_purposes_in_protest_is_a_protest_only_without_another_act(
    nlp: Language, sentence: str, kept: bool
) -> None:
    protests = [f for f in _frames(nlp, sentence) if f[1].startswith("protest")]
    assert bool(protests) == kept, _frames(nlp, sentence)


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "demand", "protest_word"),
    [
        ("Thousands of Chileans blocked highways to demand the resignation of the governor.", "demand",
         "blocked"),
        ("Farmers marched on the capital to press for higher crop prices.", "press", "marched"),
        ("Hundreds of nurses rallied in Accra to call for better pay.", "call", "rallied"),
    ],
)  # fmt: skip
def test_purposes_a_protests_purpose_demand_is_asserted(
    nlp: Language, sentence: str, demand: str, protest_word: str
) -> None:
    frames = _frames(nlp, sentence)
    assert ("Protest", protest_word, False) in frames, frames
    assert ("Request", demand, False) in frames, frames


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        "The army launched an operation to demand the surrender of the rebels.",  # no protest
        "Students plan to block roads to demand lower fees.",  # the protest itself is only planned
    ],
)
def test_purposes_other_purpose_demands_stay_hypothetical(nlp: Language, sentence: str) -> None:
    frames = _frames(nlp, sentence)
    assert ("Request", "demand", False) not in frames, frames


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        (
            "Thousands of Chileans blocked highways to demand the resignation of Governor Soto.",
            "Governor Soto",
        ),
        ("The opposition demanded the withdrawal of the foreign troops.", "foreign troops"),
    ],
)
def test_purposes_demand_is_aimed_at_the_party_that_is_to_yield(
    nlp: Language, sentence: str, target: str
) -> None:
    demands = [f for f in nlp(sentence)._.event_frames if f.event_class == "Request"]
    assert demands, "no demand"
    assert target in {m.text for m in demands[0].targets}, demands[0].targets


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "statement", "intended"),
    [
        # agreeing, promising, vowing to act: the statement happened, the act is intended
        ("Saudi Arabia and Iran agreed on Friday to restore diplomatic relations.", "Agree", "Support"),
        ("The two armies agreed to hold joint patrols.", "Agree", "Cooperate"),
        ("The donors pledged to send medicine to the camps.", "Agree", "Aid"),
        # a decision is the decided act, by the decider; the act itself is intended
        ("The cabinet decided to lift the curfew in the north.", "Concede", "Concede"),
        ("Parliament voted to expel the ambassador.", "Sanction", "Sanction"),
    ],
)
def test_purposes_agreed_and_decided_acts_are_hypothetical(
    nlp: Language, sentence: str, statement: str, intended: str
) -> None:
    frames = _frames(nlp, sentence)
    asserted = {(cls, word) for cls, word, hyp in frames if not hyp}
    assert any(
        cls == statement and word in {"agreed", "pledged", "decided", "voted"} for cls, word in asserted
    )
    assert any(cls == intended and hyp for cls, _, hyp in frames), frames
    assert intended == statement or intended not in {cls for cls, _ in asserted}, frames


@pytest.mark.model
def test_purposes_cutting_supply_lines_under_can_is_hypothetical_coercion(nlp: Language) -> None:
    frames = _frames(nlp, "The army can cut off the supply lines within two days.")
    assert ("Coerce", "cut", True) in frames, frames


@pytest.mark.model
def test_purposes_not_object_excludes_an_entry(nlp: Language, tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text('[[entry]]\nclass = "Threaten"\nverbs = ["warn"]\nnot_object = ["resident"]\n')
    assert load_lexicon(path)[0].excluded == ("resident",)
    to_public = nlp("Police warned hundreds of residents to stay indoors.")
    to_party = nlp("Police warned the gangs to stay away.")
    assert [m.event_class for m in find_triggers(to_public, path)] == []
    assert [m.event_class for m in find_triggers(to_party, path)] == ["Threaten"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "statement", "intended"),
    [
        # a light or aspect verb carries its event's markers: the statement is read through it
        ("The militia prepared to resume shelling the northern suburbs.", "Mobilize", "Assault"),
        ("The council decided to impose new sanctions on the junta.", "Sanction", "Sanction"),
        ("Ghana promised to continue its military aid to the mission.", "Agree", "Aid"),
    ],
)
def test_purposes_carrier_verbs_pass_on_intent_and_decisions(
    nlp: Language, sentence: str, statement: str, intended: str
) -> None:
    frames = _frames(nlp, sentence)
    assert any(cls == statement and not hyp for cls, _, hyp in frames), frames
    assert any(cls == intended and hyp for cls, _, hyp in frames), frames
