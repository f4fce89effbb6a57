"""How conflict-kg mints IRIs: the identity half of the RDF stage (the mapping is in :mod:`kg.rdf`).

- document ``{base}doc/{id}``, mention ``{doc}#char={start},{end}`` (RFC 5147), actor
  ``{base}actor/{key}``, place ``{base}place/{key}``, named graph ``{base}graph/{id}`` — ids and keys
  percent-encoded, so no input text can make an invalid IRI;
- event ``{base}event/{sha1 of the merge key}``. The merge key is (event class, sorted agent keys, sorted
  place keys, time start/end/precision, negated, hypothetical): the same event reported twice (headline
  and first sentence, or two articles) becomes one node that keeps every evidence sentence, mention and
  document. An event with neither agent nor place also keys on its document and sentence offset, so
  unrelated vague reports do not merge (``kg.model.merge_key``).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from urllib.parse import quote, urlsplit

from rdflib import URIRef

from kg.errors import KGError
from kg.model import Actor, Event, Place, merge_key

__all__ = [
    "DEFAULT_BASE_IRI", "check_base_iri", "clean_text", "document_iri", "graph_iri", "actor_iri", "place_iri",
    "event_iri", "mention_iri", "merge_key",
]  # fmt: skip

DEFAULT_BASE_IRI = "https://w3id.org/conflict-kg/id/"

# control characters other than tab/newline/return, and lone surrogates, cannot be written to every format
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_BASE_FORBIDDEN = re.compile(r"[\s<>\"{}|\\^`]")


def clean_text(text: str) -> str:
    """Text as stored in a literal: Unicode NFC, without control characters that some formats cannot carry."""
    return _UNWRITABLE.sub("", unicodedata.normalize("NFC", text))


def _encode(value: str) -> str:
    """Percent-encode everything but RFC 3986 unreserved characters (injective, always a valid IRI part)."""
    return quote(value, safe="") if value else "_"


def check_base_iri(base_iri: str) -> str:
    """Return ``base_iri`` if it is an absolute http(s) IRI ending in ``/`` or ``#``, else raise KGError."""
    parts = urlsplit(base_iri)
    if (
        parts.scheme not in ("http", "https")
        or not parts.netloc
        or not base_iri.endswith(("/", "#"))
        or _BASE_FORBIDDEN.search(base_iri)
        or base_iri.count("#") > 1
    ):
        raise KGError(
            f"base IRI {base_iri!r} is not usable: it must be an absolute http:// or https:// IRI without "
            f"spaces or <>\"{{}}|\\^` that ends in '/' or '#', e.g. {DEFAULT_BASE_IRI}"
        )
    return base_iri


def document_iri(doc_id: str, base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    return URIRef(f"{base_iri}doc/{_encode(doc_id)}")


def graph_iri(doc_id: str, base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    """The named graph that holds one document's events in a :class:`kg.store.Store`."""
    return URIRef(f"{base_iri}graph/{_encode(doc_id)}")


def actor_iri(actor: Actor, base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    return URIRef(f"{base_iri}actor/{_encode(actor.key)}")


def place_iri(place: Place, base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    return URIRef(f"{base_iri}place/{_encode(place.key)}")


def mention_iri(doc_id: str, start: int, end: int, base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    """``<DOC#char=START,END>``; with a ``#`` base the document IRI already has a fragment, so
    ``/char=START,END`` is appended inside it instead."""
    doc = str(document_iri(doc_id, base_iri))
    return URIRef(f"{doc}{'/' if '#' in doc else '#'}char={start},{end}")


def event_iri(event: Event, base_iri: str = DEFAULT_BASE_IRI) -> URIRef:
    digest = hashlib.sha1(json.dumps(merge_key(event), ensure_ascii=True).encode("ascii")).hexdigest()
    return URIRef(f"{base_iri}event/{digest}")
