"""Extraction over a stream of documents, in this process or in a pool of worker processes.

spaCy's own ``n_process`` cannot carry ``Doc._.event_frames`` back (user data must be msgpack-able), so
parallel runs use a ``multiprocessing`` pool of forked workers that share the parent's loaded pipeline
(copy-on-write, so starting N workers costs no model loads) and map batches of
``Document``s to ``(Document, events)`` pairs (frozen dataclasses pickle fine). At most ``2 × workers``
batches are in flight, so memory stays flat however long the input is, and output keeps input order.
"""

from __future__ import annotations

import multiprocessing as mp
import signal
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import Document, Event

__all__ = ["Outcome", "batched", "extract_stream"]

_WORKER_NLP: Language | None = None


@dataclass(frozen=True)
class Outcome:
    """One document's result: its events, or the error that stopped it (``error`` set, no events)."""

    document: Document
    events: tuple[Event, ...] = ()
    error: str | None = None


def batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _process(nlp: Language, batch: list[Document]) -> list[Outcome]:
    """Parse a batch; a document whose extraction fails is reported, the others go on."""
    from kg.nlp import parse

    return [_outcome(document, doc) for document, doc in parse(nlp, batch, batch_size=len(batch))]


def _outcome(document: Document, doc: Doc) -> Outcome:
    """One document's events; a bug on one odd document is reported and must not stop a 10k-document run."""
    from kg.pipeline import events_from_doc

    try:
        return Outcome(document, tuple(events_from_doc(document, doc)))
    except Exception as err:
        last = traceback.extract_tb(err.__traceback__)[-1]
        where = f"{last.filename.rsplit('/', 1)[-1]}:{last.lineno}"
        return Outcome(document, (), f"{document.id}: internal error {err!r} at {where}")


def _init_worker(model: str | None) -> None:
    global _WORKER_NLP
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    if _WORKER_NLP is None:  # forked workers inherit the parent's pipeline; others load their own
        from kg.nlp import load_pipeline

        _WORKER_NLP = load_pipeline(model)


def _work(batch: list[Document]) -> list[Outcome]:
    assert _WORKER_NLP is not None, "worker used before its initializer ran"
    return _process(_WORKER_NLP, batch)


def extract_stream(
    documents: Iterable[Document],
    *,
    nlp: Language | None = None,
    model: str | None = None,
    workers: int = 1,
    batch_size: int = 32,
) -> Iterator[Outcome]:
    """Yield one :class:`Outcome` per document, in input order."""
    if workers <= 1:
        if nlp is None:
            from kg.nlp import load_pipeline

            nlp = load_pipeline(model)
        from kg.nlp import parse

        # one nlp.pipe stream for the whole input: a new pipe per batch costs about 4% of the parse
        for document, doc in parse(nlp, documents, batch_size=batch_size):
            yield _outcome(document, doc)
        return
    if nlp is None:  # loaded once, here (a bad model name fails fast, in this process)
        from kg.nlp import load_pipeline

        nlp = load_pipeline(model)
    global _WORKER_NLP
    _WORKER_NLP = nlp  # forked workers share it copy-on-write instead of each loading the model again
    context = mp.get_context("fork")
    try:
        pool = context.Pool(workers, initializer=_init_worker, initargs=(model,))
    finally:
        _WORKER_NLP = None
    pending: deque[Any] = deque()
    try:
        for batch in batched(documents, batch_size):
            pending.append(pool.apply_async(_work, (batch,)))
            while len(pending) >= 2 * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        pool.close()
    finally:
        pool.terminate()
        pool.join()
