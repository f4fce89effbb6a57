"""The dependency tree's child lists, read once per token while a document is extracted.

``Token.children`` walks the token's whole subtree span and makes a new ``Token`` for each child on every
call; the extraction rules ask for the same tokens' children again and again (each trigger's roles, times
and places look at the same verbs and phrases). Inside :func:`tree_scope` (``extract_frames`` opens one per
document) :func:`children` answers from a table filled on first use; outside, it reads ``Token.children``.
The table holds ``Token`` objects, which keep their ``Doc`` alive, so it lives only as long as the scope.
:func:`scope_memo` hands the rules a dictionary of the same lifetime for other per-document answers, and
:func:`scope_table` one table of it by name (:func:`trigger_root` keeps its root tokens there).
"""

from __future__ import annotations

import weakref
from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Token

from kg.model import Mention

__all__ = ["children", "labelled", "tree_scope", "scope_memo", "scope_table", "trigger_root"]


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
        kids = table[i] = _children(token)
    return kids


def labelled(token: Token) -> tuple[tuple[Token, str], ...]:
    """:func:`children` with their dependency labels (``Token.dep_`` looks the string up on every read),
    read once per token inside the scope: the head checks, factuality and the argument constraints all
    look at the same heads' children."""
    table = scope_table(token.doc, "labelled")
    if table is None:
        return tuple((c, c.dep_) for c in children(token))
    i = token.i
    found: tuple[tuple[Token, str], ...] | None = table.get(i)
    if found is None:
        found = table[i] = tuple((c, c.dep_) for c in children(token))
    return found


def _children(token: Token) -> tuple[Token, ...]:
    # each of Token.lefts and .rights walks its side of the subtree: a leaf (one word in five asked) walks
    # none
    if token.n_lefts:
        return (*token.lefts, *token.rights) if token.n_rights else tuple(token.lefts)
    return tuple(token.rights) if token.n_rights else ()


def scope_memo(doc: Doc) -> dict[str, Any] | None:
    """The open scope's dictionary for per-document answers when ``doc`` is its document, else None (the
    caller then keeps its own; values may hold ``Token`` objects, dropped with the scope)."""
    current = _current
    return current[2] if current[0] is doc else None


def scope_table(doc: Doc, name: str) -> dict[Any, Any] | None:
    """The table ``name`` of :func:`scope_memo` (empty at first) when ``doc`` is the open scope's document,
    else None."""
    current_doc, _, memo = _current
    if current_doc is not doc:
        return None
    table: dict[Any, Any] | None = memo.get(name)
    if table is None:
        table = memo[name] = {}
    return table


# live Doc -> its tokens' character offsets and lengths, and (start, end) character offsets of a trigger ->
# its root token index (-1: no token there)
_ROOTS: weakref.WeakKeyDictionary[Doc, tuple[list[int], list[int], dict[tuple[int, int], int]]] = (
    weakref.WeakKeyDictionary()
)


def trigger_root(doc: Doc, trigger: Mention) -> Token | None:
    """The root token of a frame's trigger, found once per Doc and trigger: the stages after extraction
    each look frames up by it, and ``Doc.char_span`` with its root walk is no cheap look-up (inside
    :func:`tree_scope` the token itself is kept, outside its index)."""
    key = (trigger.start, trigger.end)
    tokens = scope_table(doc, "trigger_roots")
    if tokens is None:
        return _root_token(doc, key)
    if key in tokens:
        root: Token | None = tokens[key]
        return root
    root = tokens[key] = _root_token(doc, key)
    return root


def _root_token(doc: Doc, key: tuple[int, int]) -> Token | None:
    found = _ROOTS.get(doc)
    if found is None:
        offsets = doc.to_array([IDX, LENGTH])
        found = _ROOTS[doc] = (offsets[:, 0].tolist(), offsets[:, 1].tolist(), {})
    starts, lengths, roots = found
    index = roots.get(key)
    if index is None:
        start, end = key
        i = bisect_left(starts, start)
        if start < end and i < len(starts) and starts[i] == start and start + lengths[i] == end:
            index = i  # one token's offsets: the token (no Span made)
        else:
            span = doc.char_span(start, end, alignment_mode="expand")
            index = span.root.i if span is not None else -1
        roots[key] = index
    return doc[index] if index >= 0 else None
