"""End to end on the real AFP article in ../shared (skipped when absent): lexicon triggers + roles +
factuality through the ``conflict_events`` component of the full pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import extract_frames
from kg.model import EventFrame

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seed" / "afp_kandahar_2021-08-13.txt"

pytestmark = [pytest.mark.model, pytest.mark.slow]


@pytest.fixture(scope="module")
def seed_doc(nlp: Language) -> Doc:
    if not SEED.is_file():
        pytest.skip("../shared/seed is not beside the repository")
    pytest.importorskip("kg.extract.triggers")
    from kg.documents import read_documents

    (document,) = list(read_documents([str(SEED)]))
    return nlp(document.text)


@pytest.fixture(scope="module")
def frames(seed_doc: Doc) -> list[EventFrame]:
    return list(seed_doc._.event_frames)


def texts(mentions: tuple) -> list[str]:
    return [m.text for m in mentions]


def test_e2e_component_matches_function(seed_doc: Doc, frames: list[EventFrame]) -> None:
    assert frames == extract_frames(seed_doc)
    heads = [f.trigger.start for f in frames]
    assert heads == sorted(heads) and len(set(heads)) == len(heads)


def test_e2e_offsets_point_into_text(seed_doc: Doc, frames: list[EventFrame]) -> None:
    text = seed_doc.text
    for frame in frames:
        assert text[frame.sentence_start :].startswith(frame.sentence)
        mentions = [frame.trigger, *frame.agents, *frame.targets, *frame.places, *frame.times]
        if frame.reported_by is not None:
            mentions.append(frame.reported_by)
        for m in mentions:
            assert text[m.start : m.end] == m.text


def test_e2e_lead_sentence_capture_of_kandahar_by_taliban(frames: list[EventFrame]) -> None:
    lead = [f for f in frames if f.sentence.startswith("The Taliban claimed this Friday")]
    assert any(
        f.event_class == "Capture"
        and any("Taliban" in m.text for m in f.agents)
        and "Kandahar" in texts(f.places)
        for f in lead
    )


def test_e2e_herat_captured_on_thursday(frames: list[EventFrame]) -> None:
    assert any(
        f.event_class == "Capture" and "Herat" in texts(f.places) and "Thursday" in texts(f.times)
        for f in frames
    )


def test_e2e_will_not_attack_is_negated(frames: list[EventFrame]) -> None:
    (attack,) = [f for f in frames if f.trigger.text == "attack" and "will not attack" in f.sentence]
    assert attack.negated and not attack.hypothetical
    assert attack.reported_by is not None and "Pentagon" in attack.reported_by.text


def test_e2e_might_reject_is_hypothetical(frames: list[EventFrame]) -> None:
    (reject,) = [f for f in frames if f.trigger.text == "reject"]
    assert reject.hypothetical and not reject.negated


def test_e2e_casualties_and_troops(frames: list[EventFrame]) -> None:
    quantities = {(q.kind, q.value, q.qualifier) for f in frames for q in f.quantities}
    assert ("fatalities", 183, "at_least") in quantities
    assert ("troops", 3000, "exact") in quantities
    assert ("displaced", 360_000, "about") in quantities


def test_e2e_attribution_to_un_and_afp_sources(frames: list[EventFrame]) -> None:
    killed = [f for f in frames if f.quantities and f.quantities[0].value == 183]
    assert killed and killed[0].reported_by is not None and killed[0].reported_by.text == "UN"


def test_e2e_glued_curly_quote_keeps_trigger_and_speaker(frames: list[EventFrame]) -> None:
    """'“Kandahar is completely conquered”said a Taliban spokesman': quote glued to both words."""
    quoted = [f for f in frames if f.trigger.text == "conquered" and "spokesman" in f.sentence]
    assert quoted, "the glued closing quote hid the trigger"
    assert quoted[0].reported_by is not None and "Taliban spokesman" in quoted[0].reported_by.text
    assert "Kandahar" in texts(quoted[0].places)
