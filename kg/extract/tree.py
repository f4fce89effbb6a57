"""The dependency tree's child lists, read once per token while a document is extracted.

``Token.children`` walks the token's whole subtree span and makes a new ``Token`` for each child on every
call; the extraction rules ask for the same tokens' children again and again (each trigger's roles, times
and places look at the same verbs and phrases). Inside :func:`tree_scope` (``extract_frames`` opens one per
document) :func:`children` answers from a table filled on first use; outside, it reads ``Token.children``.
The table holds ``Token`` objects, which keep their ``Doc`` alive, so it lives only as long as the scope.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from spacy.tokens import Doc, Token

__all__ = ["children", "tree_scope"]


# the document being extracted and its table (token index -> children), read and replaced as one tuple so
# that a thread extracting another document never reads a table that is not its document's
_current: tuple[Doc | None, dict[int, tuple[Token, ...]]] = (None, {})


@contextmanager
def tree_scope(doc: Doc) -> Iterator[None]:
    """Cache the children of ``doc``'s tokens until the block ends (nested scopes restore the outer one)."""
    global _current
    outer = _current
    _current = (doc, {})
    try:
        yield
    finally:
        _current = outer


def children(token: Token) -> tuple[Token, ...]:
    """``tuple(token.children)``, from the table of the open scope when ``token`` is of its document."""
    doc, table = _current
    if doc is not token.doc:
        return tuple(token.children)
    i = token.i
    kids = table.get(i)
    if kids is None:
        kids = table[i] = tuple(token.children)
    return kids
