"""Span helpers the extraction stages share: text slices, datelines, lexicon candidates, "the town of"."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract.datelines import in_dateline
from kg.extract.lexicon import active_lexicon
from kg.extract.spans import span_text, subtree_chars
from kg.resolve.towns import named_as_town

WORDS = ["KABUL", "\u2014", "Rebels", "seized", "Goma", "'s", "airport", "on", "Monday", "."]
SPACES = [True, True, True, True, False, True, True, True, False, False]


def english() -> Vocab:
    """A vocabulary with English lexical attributes (``is_upper``, ``lower_``), as the real model's."""
    return spacy.blank("en").vocab


@pytest.fixture()
def doc() -> Doc:
    return Doc(english(), words=WORDS, spaces=SPACES)


@pytest.mark.parametrize(("start", "end"), [(0, 1), (2, 5), (4, 7), (0, 10), (9, 10), (3, 4)])
def test_extract_spans_span_text_is_the_spans_text(doc: Doc, start: int, end: int) -> None:
    text, begin = span_text(doc, start, end)
    assert text == doc[start:end].text
    assert begin == doc[start:end].start_char
    assert doc.text[begin : begin + len(text)] == text


@pytest.mark.parametrize(
    ("words", "spaces", "expected"),
    [
        (WORDS, SPACES, {0}),
        # a long country and a day the model did not tag as a date ("Nov 2", "Sept. 14")
        (
            [
                "GOMA",
                ",",
                "Democratic",
                "Republic",
                "of",
                "Congo",
                ",",
                "Nov",
                "2",
                "\u2014",
                "Rebels",
                "hit",
            ],
            [False, True, True, True, True, False, True, True, True, True, True, False],
            set(range(9)),
        ),
        (
            ["GAO", ",", "Mali", ",", "Sept", ".", "14", "\u2014", "Gunmen", "attacked"],
            [False, True, False, True, False, True, True, True, True, False],
            set(range(7)),
        ),
        # a number after no month is no date
        (["Section", "12", "\u2014", "rebels", "attacked"], [True, True, True, True, False], set()),
        # a hyphen glued to its words is no dateline's dash
        (["KABUL", "-", "based", "rebels", "attacked", "."], [False, False, True, True, False, False], set()),
        # a dash too far into its sentence
        (
            [
                "Rebels",
                "who",
                "came",
                "from",
                "the",
                "hills",
                "and",
                "the",
                "valley",
                "and",
                "the",
                "river",
                "KABUL",
                "\u2014",
                "x",
            ],
            [True] * 15,
            set(),
        ),  # fmt: skip
    ],
)
def test_extract_spans_datelines(words: list[str], spaces: list[bool], expected: set[int]) -> None:
    doc = Doc(english(), words=words, spaces=spaces, sent_starts=[True] + [False] * (len(words) - 1))
    assert {t.i for t in doc if in_dateline(t)} == expected


def test_extract_spans_lexicon_candidates_by_lemma_or_form() -> None:
    words = ["Troops", "Withdrew", "and", "rebels", "ATTACKED", "the", "town", "."]
    lemmas = ["troop", "withdraw", "and", "rebel", "attack", "the", "town", "."]
    doc = Doc(english(), words=words, lemmas=lemmas)
    found = active_lexicon().candidate_tokens(doc)
    verbs = [doc[i].text for i in found if doc[i].lower_ in ("withdrew", "attacked")]
    assert verbs == ["Withdrew", "ATTACKED"]
    assert "and" not in {doc[i].lower_ for i in found}
    assert active_lexicon().candidate_tokens(Doc(english(), words=[])) == []


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("fighting in the village of Segue, where", "Segue", True),
        ("the district capital of  Macomia fell", "Macomia", True),
        ("the VILLAGE OF\nKuriga", "Kuriga", True),
        ("the leader of Boko Haram said", "Boko", False),
        ("rebels entered Goma", "Goma", False),
    ],
)
def test_extract_spans_named_as_town(text: str, name: str, expected: bool) -> None:
    assert named_as_town(text, text.index(name)) is expected


def test_extract_spans_subtree_chars_cover_the_phrase() -> None:
    words = ["a", "battle", "with", "government", "troops", "ended"]
    doc = Doc(english(), words=words, heads=[1, 5, 1, 4, 2, 5], deps=["det", "nsubj", "prep", "compound",
              "pobj", "ROOT"])  # fmt: skip
    assert doc.text[slice(*subtree_chars(doc[4]))] == "government troops"
    assert doc.text[slice(*subtree_chars(doc[1]))] == "a battle with government troops"
    assert subtree_chars(doc[5]) == (0, len(doc.text.rstrip()))  # the root: the whole sentence
