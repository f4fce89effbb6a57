"""kg.pipeline: a build without --store starts in memory and moves to disk as it grows, same output."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib.compare import isomorphic
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab
from tests_support import DOCS, EVENTS

import kg.pipeline
from kg.pipeline import build, doc_entities
from kg.store import Store, read_graphs

EXAMPLES = Path(__file__).parents[1] / "examples"
INPUTS = [str(EXAMPLES / "articles.jsonl"), str(EXAMPLES / "kandahar_offensive.txt")]


@pytest.mark.model
def test_pipeline_spilling_to_disk_gives_the_same_graph(
    nlp: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spilled: list[Path] = []
    original = Store.spill

    def spy(self: Store, path: str | Path) -> Store:
        spilled.append(Path(path))
        return original(self, path)

    monkeypatch.setattr(Store, "spill", spy)
    in_memory = build(INPUTS, tmp_path / "memory", nlp=nlp, html=False)
    assert spilled == []  # a few articles stay far below the limit
    monkeypatch.setattr(kg.pipeline, "MEMORY_LIMIT", 10)
    on_disk = build(INPUTS, tmp_path / "disk", nlp=nlp, html=False)
    assert len(spilled) == 1 and not spilled[0].exists()  # the scratch store is removed afterwards
    assert (in_memory.events, in_memory.triples) == (on_disk.events, on_disk.triples) and in_memory.events > 5
    assert in_memory.graph_path is not None and on_disk.graph_path is not None
    assert isomorphic(read_graphs([in_memory.graph_path]), read_graphs([on_disk.graph_path]))


def test_pipeline_store_spill_keeps_every_named_graph(tmp_path: Path) -> None:
    memory = Store()
    memory.add_events(EVENTS, DOCS)
    before = memory.to_graph()
    disk = memory.spill(tmp_path / "db")
    assert disk.path == tmp_path / "db" and disk.document_ids() == ["d1", "d2"]
    assert isomorphic(disk.to_graph(), before) and disk.written == len(disk)


@pytest.mark.model
def test_pipeline_loaded_model_is_frozen_out_of_the_collector(nlp: Language) -> None:
    """load_pipeline moves the loaded pipeline to the collector's permanent generation, so the full
    collections during extraction do not walk the model's objects again and again."""
    import gc

    assert gc.get_freeze_count() > 100_000
    assert not any(obj is nlp or obj is nlp.tokenizer for obj in gc.get_objects())


@pytest.mark.model
def test_pipeline_stop_request_ends_the_build_after_the_current_document(
    nlp: Language, tmp_path: Path
) -> None:
    """A stop signal whose KeyboardInterrupt Python dropped (it ran inside a destructor) still stops the
    build: the handler's request is checked after each document, and what was done stays in the store."""
    seen: list[str] = []

    def progress(document: object, events: int) -> None:
        seen.append(str(document))
        kg.pipeline.request_stop()  # as the SIGTERM handler does, without its exception

    result = build(INPUTS, None, nlp=nlp, store_dir=tmp_path / "store", progress=progress)
    assert result.interrupted and result.documents == len(seen) == 1
    with Store(tmp_path / "store") as store:
        assert len(store.document_ids()) == 1
    again = build(INPUTS, None, nlp=nlp, store_dir=tmp_path / "store")  # the next build starts afresh
    assert not again.interrupted and again.skipped_existing == 1


@pytest.mark.parametrize(
    ("words", "spaces", "ents", "kept"),
    [
        # the model's place tag on the first half of "Mai-Mai" is no town
        (
            ["Mai", "-", "Mai", "fighters", "left", "Goma"],
            [False, False, True, True, True, False],
            ["B-GPE", "O", "O", "O", "O", "B-GPE"],
            ["Goma"],
        ),
        # a whole hyphenated name stays, as does a name before a spaced dash
        (
            ["Port", "-", "au", "-", "Prince", "is", "calm"],
            [False, False, False, False, True, True, False],
            ["B-GPE", "I-GPE", "I-GPE", "I-GPE", "I-GPE", "O", "O"],
            ["Port-au-Prince"],
        ),
        (["Goma", "-", "calm", "again"], [True, True, True, False], ["B-GPE", "O", "O", "O"], ["Goma"]),
        # other labels are left to the actor rules
        (["Mai", "-", "Mai", "fighters"], [False, False, True, False], ["B-ORG", "O", "O", "O"], ["Mai"]),
    ],
)
def test_pipeline_doc_entities_drop_a_place_tag_inside_a_hyphenated_word(
    words: list[str], spaces: list[bool], ents: list[str], kept: list[str]
) -> None:
    doc = Doc(Vocab(), words=words, spaces=spaces, ents=ents)
    assert [m.text for m in doc_entities(doc)] == kept
