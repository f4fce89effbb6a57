"""The gazetteer entity ruler with the real model: place names labelled, common words left alone."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from spacy.language import Language

from kg.gazetteer import GazetteerRuler

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ruled() -> Language:
    """The plain model plus only the gazetteer ruler (before the NER), as kg.nlp.load_pipeline adds it."""
    import spacy

    from kg.nlp import model_name

    nlp = spacy.load(model_name())
    nlp.add_pipe("gazetteer_ruler", before="ner")
    return nlp


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Fighting reached Herat after a long siege.", "Herat"),
        ("Herat fell to the insurgents on Sunday.", "Herat"),
        ("Militants surrounded Lashkar Gah overnight.", "Lashkar Gah"),
        ("The road to Ghazni was cut by the fighters.", "Ghazni"),
        ("Officials fled Qala-i-Naw before dawn.", "Qala-i-Naw"),
        ("Convoys left Mazar-i-Sharif for the border.", "Mazar-i-Sharif"),
        # a place hyphened to another, or to an Arabic article
        ("Gunmen ambushed a bus on the Kabul-Kandahar highway.", "Kandahar"),
        ("Militants attacked a checkpoint near Al-Mayadin on Monday.", "Mayadin"),
        # a name whose last word has an apostrophe inside (not "Fada", a town in Chad)
        ("The minister visited Fada N'Gourma on Sunday.", "Fada N'Gourma"),
        ("Families fled to Fada N'gourma after the attack.", "Fada N'gourma"),
        ("Shelling hit Kunduz and nearby villages.", "Kunduz"),
        ("Elders from Badghis travelled to the capital.", "Badghis"),
        ("A car bomb exploded in Kunduz Tuesday, police said.", "Kunduz"),
        # countries whose names are also personal or foreign town names (the model says PERSON)
        ("The French contingent will leave Mali by August.", "Mali"),
        ("Rebels attacked towns in Mali and Niger.", "Niger"),
        ("Refugees crossed from Sudan into Chad.", "Chad"),
    ],
)
def test_gazetteer_labels_places(ruled: Language, sentence: str, place: str) -> None:
    doc = ruled(sentence)
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get(place) in ("GPE", "LOC"), labels


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Police said the attack was over.", "Police"),
        ("Reading the statement aloud, he paused.", "Reading"),
        ("Nice weather helped the rescue teams.", "Nice"),
        ("Mobile phone networks were cut.", "Mobile"),
        ("Of the wounded, most were children.", "Of"),
        ("North of the river, clashes went on.", "North"),
        # the end of an unlisted name hyphened to it ("Kolo", another spelling of Kollo, Niger)
        ("Fighters abducted 14 women from Gueskerou-Kolo on Sunday.", "Kolo"),
        # an abbreviation with full stops ends no name here ("U.S." of "the U.S. Africa Command")
        ("The U.S. Africa Command said it carried out an air strike.", "U.S."),
    ],
)
def test_gazetteer_leaves_common_words(ruled: Language, sentence: str, word: str) -> None:
    doc = ruled(sentence)
    assert word not in {e.text for e in doc.ents if e.label_ in ("GPE", "LOC")}


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("Fighters loyal to Ismail Khan held the airport.", "Ismail Khan"),
        ("The envoy met Omar Kabul last week.", "Omar Kabul"),
    ],
)
def test_gazetteer_does_not_split_longer_names(ruled: Language, sentence: str, person: str) -> None:
    doc = ruled(sentence)
    ruler = ruled.get_pipe("gazetteer_ruler")
    assert isinstance(ruler, GazetteerRuler)
    matched = {s.text for s in ruler.matches(doc)}
    assert not any(part in matched for part in person.split())


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Taliban fighters captured Herat on Thursday.", "Herat"),
        ("They besieged Lashkar Gah for weeks.", "Lashkar Gah"),
        ("The governor of Ghazni was arrested.", "Ghazni"),
        ("Qala-i-Naw also fell.", "Qala-i-Naw"),
    ],
)
def test_gazetteer_overrides_ner_label(
    ruled: Language, bare_nlp: Language, sentence: str, place: str
) -> None:
    bare = {e.text: e.label_ for e in bare_nlp(sentence).ents}
    with_ruler = {e.text: e.label_ for e in ruled(sentence).ents}
    assert with_ruler.get(place) == "GPE"
    if bare.get(place) == "GPE":  # a newer model may get it right alone; then there is nothing to override
        pytest.skip(f"the plain model already labels {place!r} GPE")
    assert bare.get(place) != with_ruler[place]


def test_gazetteer_full_pipeline_has_the_ruler_before_ner(nlp: Language) -> None:
    names = nlp.pipe_names
    assert "gazetteer_ruler" in names
    assert names.index("gazetteer_ruler") < names.index("ner")


def test_gazetteer_seed_places_link_to_geonames(ruled: Language, seed_path: Path) -> None:
    """Every place entity of the real AFP article links; the dominant country is Afghanistan."""
    from kg.model import Mention
    from kg.resolve.dominance import dominant_country
    from kg.resolve.places import PlaceContext, link_place

    doc = ruled(seed_path.read_text(encoding="utf-8"))
    entities = [Mention(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents]
    country = dominant_country(entities)
    assert country == "AFG"
    linked = {
        e.text: link_place(e.text, PlaceContext(country))
        for e in doc.ents
        if e.label_ == "GPE" and e.text[0].isupper()
    }
    expected = {"Kandahar": 1138336, "Kabul": 1138958, "Herat": 1140026, "Ghazni": 1141269,
                "Lashkar Gah": 1134720, "Qala-i-Naw": 1129867, "Mazar-i-Sharif": 1133616, "Doha": 290030,
                "Kunduz": 1135689, "Afghanistan": 1149361}  # fmt: skip
    for name, geonames_id in expected.items():
        place = linked.get(name)
        assert place is not None, f"{name} was not labelled GPE or not linked"
        assert place.geonames_id == geonames_id
    for name in ("Helmand", "Badghis"):
        place = linked.get(name)
        assert place is not None and place.kind == "province"


def _stale_pickle() -> bytes:
    """A pickle naming a class of a module that does not exist (a cache from another package layout)."""
    import sys
    import types

    module = types.ModuleType("kg_layout_that_moved")
    exec("class Gazetteer:\n    pass\n", module.__dict__)
    sys.modules[module.__name__] = module
    try:
        module.Gazetteer.__module__ = module.__name__
        return pickle.dumps(module.Gazetteer())
    finally:
        del sys.modules[module.__name__]


@pytest.mark.parametrize(
    "content",
    [b"", b"not a pickle", b"\x80\x05\x95", _stale_pickle(), pickle.dumps({"a": 1})],
    ids=["empty", "garbage", "truncated", "other-layout", "other-object"],
)
def test_gazetteer_unusable_cache_is_rebuilt_not_fatal(tmp_path: Path, content: bytes) -> None:
    from kg.resolve.gazcache import gazetteer, load_cached

    path = tmp_path / "gazetteer.pickle"
    path.write_bytes(content)
    assert load_cached(path) is None
    assert load_cached(tmp_path / "missing.pickle") is None
    # a good cache loads back as the gazetteer it holds
    path.write_bytes(pickle.dumps(gazetteer(), protocol=pickle.HIGHEST_PROTOCOL))
    loaded = load_cached(path)
    assert loaded is not None and loaded.ruler_names == gazetteer().ruler_names
