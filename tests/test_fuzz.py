"""Random and adversarial text through the real pipeline: it finishes, the graph parses and conforms."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from spacy.language import Language

from kg.model import Document
from kg.ontology import validate_graph
from kg.rdf import events_to_graph
from kg.workers import extract_stream

pytestmark = pytest.mark.slow

WORDS = ["Rebels", "attacked", "captured", "Herat", "on", "Monday", "the", "army", "did", "not", "withdraw",
         "from", "Kabul", ",", ".", "killing", "at", "least", "12", "civilians", "\u202e", "\u200f", "بغداد",
         "Донецьк", "😀", "<script>alert(1)</script>", '"', "“", "”", "'", "\\", ">", "&amp;", "\t", "\n\n",
         "…", "—", "Mr.", "U.S.", "%", "{", "}", "said", "they", "he", "it", "took", "control",
         "of"]  # fmt: skip

texts = st.one_of(
    st.text(min_size=1, max_size=400),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=120).map(" ".join),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=60).map("".join),
    st.just("." * 5000),
    st.just(" ".join(["rebels attacked the town"] * 2500)),  # one 10k-token "sentence"
    st.just("\u200f\u202b" + "حلب " * 50 + "\u202c Rebels took Aleppo."),
)


def _run(nlp: Language, text: str) -> Graph:
    document = Document(id='fuzz/<doc> "1"', text=text, date=dt.date(2024, 1, 31))
    (outcome,) = list(extract_stream([document], nlp=nlp))
    assert outcome.error is None, outcome.error
    graph = events_to_graph(outcome.events, [document])
    reparsed = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    assert len(reparsed) == len(graph)
    report = validate_graph(graph)
    assert report.conforms, report.text
    return graph


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_fuzz_pipeline_survives_adversarial_text(nlp: Language, text: str) -> None:
    if not text.strip():
        text = text + "."
    _run(nlp, text)


def test_fuzz_seed_like_text_with_hostile_tokens_conforms(nlp: Language, tmp_path: Path) -> None:
    text = ("Taliban <b>fighters</b> captured Kandahar on Friday, killing 12 \"civilians\".\n\n"
            "The army did not withdraw from </script><script>alert(1)</script> Kabul.")  # fmt: skip
    graph = _run(nlp, text)
    assert len(graph) > 10
