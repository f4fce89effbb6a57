"""Orchestration: documents -> parse -> event frames -> resolution -> RDF -> files/store.

Every stage is a plain function in its own module; this one only wires them. Used by ``kg build``,
``kg eval`` and the benchmarks.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import InputError
from kg.model import Document, Event, Mention

__all__ = ["BuildResult", "doc_entities", "events_from_doc", "extract_events", "build"]


@dataclass(frozen=True)
class BuildResult:
    """What a build did: counts, the files written and the per-document problems that were skipped."""

    documents: int
    events: int
    graph_path: Path | None = None
    html_path: Path | None = None
    store_path: Path | None = None
    errors: tuple[str, ...] = field(default=())


def doc_entities(doc: Doc) -> list[Mention]:
    """Every named-entity mention of a parsed document, as plain ``Mention``s."""
    return [Mention(e.text, e.start_char, e.end_char, e.label_, e.root.lemma_.lower()) for e in doc.ents]


def events_from_doc(document: Document, doc: Doc) -> list[Event]:
    """Frames found by the ``conflict_events`` component, resolved against the document."""
    from kg.resolve import resolve_document

    frames = [dataclasses.replace(frame, doc_id=document.id) for frame in doc._.event_frames]
    return resolve_document(document, frames, doc_entities(doc))


def extract_events(
    nlp: Language, documents: Iterable[Document], *, batch_size: int = 32
) -> Iterator[tuple[Document, list[Event]]]:
    """Stream ``(Document, events)`` pairs."""
    from kg.nlp import parse

    for document, doc in parse(nlp, documents, batch_size=batch_size):
        yield document, events_from_doc(document, doc)


def build(
    inputs: Sequence[str],
    out_dir: Path,
    *,
    date: dt.date | None = None,
    base_iri: str | None = None,
    model: str | None = None,
    html: bool = True,
    on_error: Callable[[InputError], None] | None = None,
    nlp: Language | None = None,
) -> BuildResult:
    """Build ``out_dir/graph.ttl`` (and ``graph.html``) from the inputs. Outputs are written atomically,
    only after every document was processed, so a failed run leaves earlier outputs untouched."""
    from kg.documents import read_documents
    from kg.nlp import load_pipeline
    from kg.rdf import DEFAULT_BASE_IRI, events_to_graph
    from kg.store import write_graph

    errors: list[str] = []

    def report(err: InputError) -> None:
        errors.append(str(err))
        if on_error is not None:
            on_error(err)

    pipeline = nlp if nlp is not None else load_pipeline(model)
    documents: list[Document] = []
    events: list[Event] = []
    for document, found in extract_events(pipeline, read_documents(inputs, date, on_error=report)):
        documents.append(document)
        events.extend(found)
    if not documents:
        raise InputError("no readable documents in the input: " + "; ".join(errors[:5]))
    graph = events_to_graph(events, documents, base_iri or DEFAULT_BASE_IRI)
    out_dir.mkdir(parents=True, exist_ok=True)
    graph_path = out_dir / "graph.ttl"
    write_graph(graph, graph_path)
    html_path = None
    if html:
        from kg.view import write_view

        html_path = out_dir / "graph.html"
        write_view(graph, html_path)
    return BuildResult(len(documents), len(events), graph_path, html_path, None, tuple(errors))
