"""Orchestration: documents -> parse -> event frames -> resolution -> RDF -> files/store.

Every stage is a plain function in its own module; this one only wires them, for ``kg build``,
``kg eval`` and the benchmarks. Builds stream: each document's events go into an Oxigraph store (the
user's ``--store DIR``, or a temporary one on disk) as one named graph, so memory stays flat however many
documents come in. The output files are written at the end, atomically.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import InputError, KGError, OutputError
from kg.frozen import evolve
from kg.model import Document, Event, Mention
from kg.nlp import doc_text
from kg.placewords import PLACE_LABELS

__all__ = [
    "BuildResult", "MEMORY_LIMIT", "TURTLE_LIMIT", "doc_entities", "events_from_doc", "build", "request_stop",
]  # fmt: skip

TURTLE_LIMIT = 200_000  # triples; bigger builds write N-Quads (graph.nq) streamed by Oxigraph instead
MEMORY_LIMIT = 400_000  # triples a build without --store keeps in memory (~120 MB) before moving to disk

Progress = Callable[[Document, int], None]

# a stop request, checked by ``build`` after each document while it extracts (``_listening``): a signal
# handler's KeyboardInterrupt could land in a destructor or weakref callback, where Python drops it
_stop = threading.Event()
_listening = threading.Event()


def request_stop() -> bool:
    """Ask a running :func:`build` to stop after the current document, as Ctrl-C does; True when a build is
    extracting and will do so (``kg build``'s SIGINT/SIGTERM handler raises KeyboardInterrupt otherwise,
    and on a second request: a second Ctrl-C stops at once)."""
    again = _stop.is_set()
    _stop.set()
    return _listening.is_set() and not again


@dataclass(frozen=True)
class BuildResult:
    """What a build did: counts, the files written and the per-document problems that were skipped."""

    documents: int
    events: int
    graph_path: Path | None = None
    html_path: Path | None = None
    store_path: Path | None = None
    errors: tuple[str, ...] = field(default=())
    skipped_existing: int = 0
    triples: int = 0
    interrupted: bool = False


def doc_entities(doc: Doc) -> list[Mention]:
    """Every named-entity mention of a parsed document, as plain ``Mention``s; a place label on the first
    part of a hyphenated word is dropped ("Mai" of the "Mai-Mai" militia is no town)."""
    text = doc_text(doc)  # each entity's text sliced from it (``Span.text`` joins the span's tokens)
    found: list[Mention] = []
    for entity in doc.ents:
        label = entity.label_  # each Span getter is read once
        if label in PLACE_LABELS and _hyphen_fragment(doc, entity.end):
            continue
        start, end = entity.start_char, entity.end_char
        found.append(Mention(text[start:end], start, end, label, entity.root.lemma_.lower()))
    return found


def _hyphen_fragment(doc: Doc, end: int) -> bool:
    """Whether the entity ending before token ``end`` continues through a hyphen into another word."""
    return (
        end + 1 < len(doc)
        and not doc[end - 1].whitespace_
        and doc[end].text == "-"
        and not doc[end].whitespace_
        and doc[end + 1].text[:1].isalpha()
    )


def events_from_doc(document: Document, doc: Doc) -> list[Event]:
    """Frames found by the ``conflict_events`` component, resolved against the document."""
    from kg.resolve import resolve_document

    frames = [
        frame if frame.doc_id == document.id else evolve(frame, doc_id=document.id)
        for frame in doc._.event_frames or ()
    ]
    return resolve_document(document, frames, doc_entities(doc))


def _write_outputs(store: object, out_dir: Path, html: bool) -> tuple[Path, Path | None, int]:
    from kg.store import Store

    assert isinstance(store, Store)
    out_dir.mkdir(parents=True, exist_ok=True)
    triples = len(store)
    if triples > TURTLE_LIMIT:  # big: N-Quads keep the documents' graphs apart, and no HTML
        return store.dump(out_dir / "graph.nq"), None, triples
    if not html:  # Oxigraph streams the Turtle: no rdflib graph is built
        return store.dump(out_dir / "graph.ttl"), None, triples
    from kg.view import write_view

    # render the page first, beside its target: if anything fails, neither output has been touched
    html_path = out_dir / "graph.html"
    staged = out_dir / f".graph.html.{os.getpid()}.partial"
    try:
        write_view(store, staged)  # read straight from Oxigraph: no rdflib graph
        graph_path = store.dump(out_dir / "graph.ttl")
        os.replace(staged, html_path)
    finally:
        staged.unlink(missing_ok=True)
    return graph_path, html_path, triples


def build(
    inputs: Sequence[str],
    out_dir: Path | None,
    *,
    date: dt.date | None = None,
    base_iri: str | None = None,
    model: str | None = None,
    html: bool = True,
    on_error: Callable[[KGError], None] | None = None,
    nlp: Language | None = None,
    store_dir: Path | None = None,
    force: bool = False,
    workers: int = 1,
    batch_size: int = 32,
    progress: Progress | None = None,
) -> BuildResult:
    """Extract events from ``inputs`` into a store and write ``out_dir/graph.ttl`` (+ ``graph.html``).

    With ``store_dir`` documents already in the store are skipped unless ``force``; each document is
    committed as it is done, so an interrupted run keeps what it finished and a rerun completes it.
    On Ctrl-C the result comes back with ``interrupted=True`` and no output files are written.
    """
    from kg.documents import read_documents
    from kg.rdf import DEFAULT_BASE_IRI, check_base_iri
    from kg.store import Store
    from kg.workers import extract_stream

    base = check_base_iri(base_iri or DEFAULT_BASE_IRI)
    errors: list[str] = []

    def report(err: KGError) -> None:
        errors.append(str(err))
        if on_error is not None:
            on_error(err)

    scratch = None if store_dir is not None else Path(tempfile.mkdtemp(prefix=".kg-build-"))
    store = Store(store_dir, base)  # without --store: in memory until MEMORY_LIMIT, then on disk
    done = events = skipped = 0
    interrupted = False
    _stop.clear()
    try:
        existing = set(store.document_ids()) if store_dir is not None and not force else set()

        def fresh(documents: Iterable[Document]) -> Iterator[Document]:
            nonlocal skipped
            for document in documents:
                if document.id in existing:
                    skipped += 1
                else:
                    yield document

        stream = fresh(read_documents(inputs, date, on_error=report))
        _listening.set()
        try:
            for outcome in extract_stream(
                stream, nlp=nlp, model=model, workers=workers, batch_size=batch_size
            ):
                if outcome.error is not None:
                    report(KGError(outcome.error))
                    continue
                store.add_events(outcome.events, [outcome.document])
                if scratch is not None and store.path is None and store.written > MEMORY_LIMIT:
                    store = store.spill(scratch / "store")
                done += 1
                events += len(outcome.events)
                if progress is not None:
                    progress(outcome.document, len(outcome.events))
                if _stop.is_set():  # Ctrl-C or SIGTERM: what is done stays committed
                    raise KeyboardInterrupt
        except KeyboardInterrupt:
            interrupted = True
        finally:
            _listening.clear()
        store.flush()
        if interrupted:
            return BuildResult(done, events, None, None, store_dir, tuple(errors), skipped, len(store), True)
        if done == 0 and skipped == 0:
            raise InputError("no readable documents in the input: " + "; ".join(errors[:5]))
        graph_path = html_path = None
        triples = len(store)
        if out_dir is not None:
            try:
                graph_path, html_path, triples = _write_outputs(store, out_dir, html)
            except OSError as err:
                raise OutputError(
                    f"cannot write the outputs to {out_dir}: {err.strerror or err}; choose a writable --out "
                    "directory (existing outputs there were left as they were)"
                ) from None
        return BuildResult(done, events, graph_path, html_path, store_dir, tuple(errors), skipped, triples)
    finally:
        store.close()
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
