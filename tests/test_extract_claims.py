"""Doers of acts of force their own sentence names none for, from a claim or a blame told apart, with the
real model (sentences written for these tests)."""

from __future__ import annotations

import pytest
from document_support import document_events
from spacy.language import Language

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "doers"),
    [
        # a claim of responsibility names the doer of the act told before it, and of its sentence's others
        ("A bomb exploded outside a mosque in Kunduz on Friday, killing six worshippers. Islamic State "
         "Khorasan Province claimed responsibility for the attack.",
         {"exploded": ["Islamic State Khorasan Province"], "killing": ["Islamic State Khorasan Province"]}),
        # a blame in the saying of the act's own sentence, or told after it
        ("Drone strikes on the city killed at least nine people on Tuesday, a local committee said, blaming "
         "the army's air force.", {"killed": ["army's air force"]}),
        ("A bomb killed ten people in Herat on Saturday. The governor blamed the Taliban for the attack.",
         {"killed": ["Taliban"]}),
        ("A bomb killed ten people in Herat on Saturday. The governor blamed the attack on the Taliban.",
         {"killed": ["Taliban"]}),
        # ... not a blame for something else, and never over a doer the act's own sentence names
        ("A bomb killed ten people in Kunduz on Friday. Residents blamed the army for failing to protect "
         "them.", {"killed": ["bomb"]}),
        ("Gunmen killed ten people in Kunduz on Friday. The governor blamed the Taliban.",
         {"killed": ["Gunmen"]}),
    ],
)  # fmt: skip
def test_claims_name_the_doer_of_an_unattributed_act(
    nlp: Language, text: str, doers: dict[str, list[str]]
) -> None:
    found = {e.frame.trigger.text: [m.text for m in e.frame.agents] for e in document_events(nlp, text)}
    assert {t: found[t] for t in doers} == doers
