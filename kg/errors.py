"""The one small exception tree of conflict-kg.

Every error a user can cause is a :class:`KGError`; the CLI catches it at the edge, prints the message
(which says what went wrong and how to fix it) and exits with status 1. Anything else is a bug.
"""

from __future__ import annotations

__all__ = ["KGError", "InputError", "ModelError", "QueryError", "StoreError", "OutputError", "GraphError"]


class KGError(Exception):
    """Base class: a problem the user can fix. ``str(err)`` is a complete, human-readable message."""


class InputError(KGError):
    """An input document or option cannot be read or understood (missing, empty, binary, bad JSONL...)."""


class ModelError(KGError):
    """The spaCy pipeline cannot be loaded (not installed, wrong name)."""


class QueryError(KGError):
    """A SPARQL query is malformed, unknown or timed out."""


class GraphError(KGError):
    """An RDF graph file cannot be parsed or does not satisfy the data contract."""


class StoreError(KGError):
    """A persistent store or a remote SPARQL endpoint cannot be used."""


class OutputError(KGError):
    """An output path cannot be written."""
