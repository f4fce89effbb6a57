"""Reported obligations on verbs that name no event ("said China must drop its barriers"): triggers for
:func:`kg.extract.modality.recode` to turn into a demand by the speaker; and :func:`reported_clause`, the
test that a clause is what a reporting verb reports.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache

import numpy
from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from kg.extract.factuality import REPORTING_VERBS
from kg.extract.lexicon import Modality, in_table, load_modality
from kg.extract.triggers import TriggerMatch

__all__ = ["bare_obligations", "reported_clause"]


def reported_clause(token: Token) -> bool:
    """The clause of ``token`` is the complement of a reporting verb ("said they would ...")."""
    cur = token
    for _ in range(4):
        if cur.dep_ not in ("ccomp", "conj", "xcomp") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in REPORTING_VERBS:
            return True
    return False


@lru_cache(maxsize=8)
def _ids(words: frozenset[str]) -> numpy.ndarray:
    """The string ids of ``words``, sorted for :func:`~kg.extract.lexicon.in_table`."""
    return numpy.array(sorted(get_string_id(word) for word in words), dtype=numpy.uint64)


def bare_obligations(
    doc: Doc, taken: Collection[int], modality: Modality | None = None
) -> list[TriggerMatch]:
    """Reported obligations on verbs that name no event ("said China must drop its barriers"): one trigger
    per verb (class: the obligation class), for ``recode`` to turn into a demand by the speaker."""
    mod = modality or load_modality()
    if not mod.obligation or not len(doc):
        return []
    lowers = doc.to_array(LOWER)
    found = []
    for i in numpy.flatnonzero(in_table(lowers, _ids(mod.obligation))).tolist():  # one array read, no Tokens
        token = doc[i]
        if token.dep_ == "aux":
            verb = token.head
            if verb.i not in taken and verb.pos_ == "VERB" and reported_clause(verb):
                found.append(TriggerMatch(verb.i, verb.i + 1, verb.i, mod.obligation_class, "obligation"))
    return found
