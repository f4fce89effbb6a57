"""The shared administrative-division words and the regex alternation built from them."""

from __future__ import annotations

import re

import pytest

from kg.extract.docplaces import (
    PLACE_NOUN_WORDS,
    named_places,  # noqa: F401  (the module compiles its pattern from them)
)
from kg.extract.nouns import PLACE_NOUNS
from kg.extract.nouns import PROVINCE_NOUNS as EXTRACT_PROVINCE_NOUNS
from kg.extract.placenames import ANAPHORIC_PLACES
from kg.extract.placenames import TOWN_NOUNS as EXTRACT_TOWN_NOUNS
from kg.placewords import ADMIN_UNITS, SETTLEMENTS, alternation
from kg.resolve.places import PROVINCE_NOUNS, PROVINCE_WORDS, TOWN_NOUNS
from kg.resolve.towns import PROVINCE_WORDS as TOWN_PROVINCE_WORDS
from kg.resolve.towns import SAME_KIND, TOWN_WORDS


@pytest.mark.parametrize(
    ("words", "text", "matched"),
    [
        ({"province", "provinces"}, "the provinces of the north", "provinces"),
        ({"state", "statement"}, "a statement", "statement"),
        ({"district"}, "Kasese district", "district"),
    ],
)
def test_placewords_alternation_prefers_the_longest_word(words: set[str], text: str, matched: str) -> None:
    found = re.search(rf"(?:{alternation(words)})", text)
    assert found is not None and found.group(0) == matched


def test_placewords_every_rule_reads_the_shared_divisions() -> None:
    # "the state" as a place ("sent troops to the state": kg.extract.placenames.ANAPHORIC_PLACES) points back
    # to the last state named; as a party ("the state has failed") it is no place mention at all
    assert ADMIN_UNITS <= PROVINCE_WORDS and ADMIN_UNITS | {"department", "state"} == PROVINCE_NOUNS
    assert ADMIN_UNITS <= EXTRACT_PROVINCE_NOUNS and "state" in ANAPHORIC_PLACES
    assert set(TOWN_PROVINCE_WORDS.split("|")) == ADMIN_UNITS | {"department"}


def test_placewords_every_rule_reads_the_shared_settlement_words() -> None:
    assert SETTLEMENTS <= PLACE_NOUNS and SETTLEMENTS == EXTRACT_TOWN_NOUNS and SETTLEMENTS <= TOWN_NOUNS
    assert set(TOWN_WORDS.split("|")) >= SETTLEMENTS and set(PLACE_NOUN_WORDS.split("|")) >= SETTLEMENTS
    # a word for a small settlement stands for "the village" when the text points back
    assert {SAME_KIND[word] for word in ("hamlet", "oasis", "commune")} == {"village"}
