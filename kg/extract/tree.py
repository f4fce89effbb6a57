"""The dependency tree's child lists, read once per token while a document is extracted.

``Token.children`` walks the token's whole subtree span and makes a new ``Token`` for each child on every
call; the extraction rules ask for the same tokens' children again and again (each trigger's roles, times
and places look at the same verbs and phrases). Inside :func:`tree_scope` (``extract_frames`` opens one per
document) :func:`children` answers from a table filled on first use; outside, it reads ``Token.children``.
The table holds ``Token`` objects, which keep their ``Doc`` alive, so it lives only as long as the scope.
:func:`scope_memo` hands the rules a dictionary of the same lifetime for other per-document answers
(:func:`trigger_root` keeps its root tokens there).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from spacy.tokens import Doc, Token

from kg.model import Mention

__all__ = ["children", "tree_scope", "scope_memo", "trigger_root"]


# the document being extracted, its table (token index -> children) and its memo, read and replaced as one
# tuple so that a thread extracting another document never reads a table that is not its document's
_current: tuple[Doc | None, dict[int, tuple[Token, ...]], dict[str, Any]] = (None, {}, {})


@contextmanager
def tree_scope(doc: Doc) -> Iterator[None]:
    """Cache the children of ``doc``'s tokens until the block ends (nested scopes restore the outer one)."""
    global _current
    outer = _current
    _current = (doc, {}, {})
    try:
        yield
    finally:
        _current = outer


def children(token: Token) -> tuple[Token, ...]:
    """``tuple(token.children)``, from the table of the open scope when ``token`` is of its document."""
    doc, table, _ = _current
    if doc is not token.doc:
        return tuple(token.children)
    i = token.i
    kids = table.get(i)
    if kids is None:
        kids = table[i] = tuple(token.children)
    return kids


def scope_memo(doc: Doc) -> dict[str, Any] | None:
    """The open scope's dictionary for per-document answers when ``doc`` is its document, else None (the
    caller then keeps its own; values may hold ``Token`` objects, dropped with the scope)."""
    current = _current
    return current[2] if current[0] is doc else None


# live Doc -> (start, end) character offsets of a trigger -> its root token index (-1: no token there)
_ROOTS: weakref.WeakKeyDictionary[Doc, dict[tuple[int, int], int]] = weakref.WeakKeyDictionary()


def trigger_root(doc: Doc, trigger: Mention) -> Token | None:
    """The root token of a frame's trigger, found once per Doc and trigger: the stages after extraction
    each look frames up by it, and ``Doc.char_span`` with its root walk is no cheap look-up (inside
    :func:`tree_scope` the token itself is kept, outside its index)."""
    key = (trigger.start, trigger.end)
    memo = scope_memo(doc)
    if memo is not None:
        tokens = memo.setdefault("trigger_roots", {})
        if key not in tokens:
            tokens[key] = _root_token(doc, key)
        root: Token | None = tokens[key]
        return root
    return _root_token(doc, key)


def _root_token(doc: Doc, key: tuple[int, int]) -> Token | None:
    roots = _ROOTS.get(doc)
    if roots is None:
        roots = _ROOTS[doc] = {}
    index = roots.get(key)
    if index is None:
        span = doc.char_span(key[0], key[1], alignment_mode="expand")
        index = roots[key] = span.root.i if span is not None else -1
    return doc[index] if index >= 0 else None
