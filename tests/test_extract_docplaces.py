"""Names a document calls places, for the mentions of them the model tags as people or organisations."""

from __future__ import annotations

import pytest
import spacy
from roles_support import frame_at
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract.docplaces import called_place, named_places
from kg.extract.nouns import strong_place


def _doc(text: str, ents: list[str]) -> Doc:
    words = text.replace(",", " ,").split()
    spaces = [i + 1 < len(words) and words[i + 1] != "," for i in range(len(words))]  # "Dansadau, a"
    pos = ["PROPN" if w[:1].isupper() else "NOUN" for w in words]
    return Doc(Vocab(), words=words, spaces=spaces, ents=ents, pos=pos)


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a place noun introduces the name, or stands in apposition to it
        ("Fighters stormed the town of Kareto", ["O", "O", "O", "O", "O", "B-PERSON"], ("Kareto",)),
        ("Dansadau, a small village, burned", ["B-PERSON"] + ["O"] * 6, ("Dansadau",)),
        # ... or a definite place phrase ending there describes it
        ("troops reached Kenyam, the regency seat, today", ["O", "O", "B-PERSON"] + ["O"] * 6, ("Kenyam",)),
        ("near Gode, the zone capital.", ["O", "B-ORG"] + ["O"] * 4, ("Gode",)),
        ("said Hassan, the village chief", ["O", "B-PERSON"] + ["O"] * 4, ()),
        # the model's own place tags, articles dropped
        ("They reached the Sahel", ["O", "O", "B-LOC", "I-LOC"], ("Sahel",)),
        # a name inside a sentence located in a named province
        ("Soldiers raided Kawaka, Ntoroko district, on Monday", ["O", "O", "B-ORG"] + ["O"] * 6, ("Kawaka",)),
        ("police in Bwera, Kasese district, said", ["O", "O", "B-ORG"] + ["O"] * 5, ("Bwera",)),
        ("camp at Rhoe, in Ituri province's Djugu territory", ["O", "O", "B-ORG"] + ["O"] * 6, ("Rhoe",)),
        ("sons near Niafunke, in Mali's Timbuktu region", ["O", "O", "B-PERSON"] + ["O"] * 5,
         ("Niafunke",)),
        # a name with the settlement word after it, inside a sentence
        ("fire above Kalinog town on Monday", ["O", "O", "B-ORG", "O", "O", "O"], ("Kalinog",)),
        ("the market in Gobiri village", ["O", "O", "O", "B-PERSON", "O"], ("Gobiri",)),
        # ... not a people's village, nor the word before "of" a place's name
        ("raided the Fulani village", ["O", "O", "B-ORG", "O"], ()),
        ("entered Christian town of Mado", ["O", "B-NORP", "O", "O", "B-GPE"], ("Mado",)),
        # not a title after the province word, nor a name opening the sentence
        ("by Okello, Kasese district commissioner", ["O", "B-PERSON"] + ["O"] * 4, ()),
        ("Meanwhile, Kasese district officials said", ["O"] * 6, ()),
        # a name no place noun or tag presents is none
        ("Kareto said nothing", ["B-PERSON", "O", "O"], ()),
    ],
)  # fmt: skip
def test_docplaces_named_places(text: str, ents: list[str], expected: tuple[str, ...]) -> None:
    assert named_places(_doc(text, ents)) == expected


def test_docplaces_called_place_reads_the_whole_entity() -> None:
    words = "the village of Man Pwe and Man Pwe and Pwe"
    ents = ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON"]
    doc = _doc(words, ents)
    assert called_place(doc[7]) and called_place(doc[6])  # "Man Pwe" again
    assert not called_place(doc[9])  # "Pwe" alone is another name
    assert not called_place(doc[1])  # a common noun


@pytest.mark.model
def test_docplaces_a_place_tagged_as_a_person_is_a_place_again(nlp: Language) -> None:
    text = (
        "Fighters stormed the town of Kareto on Monday.\n\n"
        "The army said reinforcements were sent to Kareto on Tuesday."
    )
    doc = nlp(text)
    assert any(e.text == "Kareto" and e.label_ == "PERSON" for e in doc.ents)  # the model's tag
    frame = frame_at(doc, "sent", "Deployment")
    assert [m.text for m in frame.places] == ["Kareto"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Haru", True),  # a capitalised name a place noun introduces, tagged a common noun
        ("farmers", False),  # not a lower-case noun
    ],
)
def test_nouns_strong_place_takes_a_named_common_noun(name: str, expected: bool) -> None:
    words = ["They", "reached", "the", "village", "of", name]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        pos=["PRON", "VERB", "DET", "NOUN", "ADP", "NOUN"],
        heads=[1, 1, 3, 1, 3, 4],
        deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj"],
        lemmas=[w.lower() for w in words],
        sent_starts=[True] + [False] * 5,
    )
    assert strong_place(doc[5]) is expected
