"""Reasons and purposes of an act: phrases that say why something was done are read with that act.

* "recalled its ambassadors in protest", "resigned in protest at the ruling": a bare "in protest" only
  gives the reason of the act it hangs from; when that act is an event of its own, the phrase is no
  demonstration (``Protest``) of its own. ("Residents gathered in protest": no other act, so it is one.)
* "blocked highways to demand the resignation of the president", "marched to call for his release": the
  purpose of a protest is voiced by the protest itself, so the demand (``Request``) is as real as the
  protest (not hypothetical, as other infinitives of purpose are).
* a demand without a target is aimed at whoever is to yield in the demanded act: "demanded the
  resignation of the president" (the one to resign, withdraw or surrender).

``relate_purposes(doc, frames)`` applies the three rules to a document's frames (sorted as given).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from kg.extract.spans import trigger_root
from kg.extract.tree import children
from kg.frozen import evolve
from kg.model import EventFrame
from kg.namespaces import EVENT_CLASSES

__all__ = ["relate_purposes", "REASON_NOUNS", "YIELDING_CLASSES"]

REASON_NOUNS = frozenset({"protest"})  # "in protest": the reason of another act
PROTEST, REQUEST = "Protest", "Request"
PURPOSE_DEPS = frozenset({"advcl", "acl", "relcl", "xcomp"})
NOUN_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "attr", "appos", "conj"})
# a demanded act whose "of" party is the one asked to act: resign, step down, withdraw, surrender
YIELDING_CLASSES = frozenset({"Concede", "Withdrawal", "Surrender"})
DEMANDED_DEPS = frozenset({"dobj", "pobj"})


def _heads(doc: Doc, frames: Sequence[EventFrame]) -> dict[int, EventFrame]:
    heads: dict[int, EventFrame] = {}
    for frame in frames:
        root = trigger_root(doc, frame.trigger)
        if root is not None:
            heads.setdefault(root.i, frame)
    return heads


def _category(frame: EventFrame) -> str:
    return EVENT_CLASSES.get(frame.event_class, frame.event_class)


def _reason_of_other_act(head: Token, heads: dict[int, EventFrame]) -> bool:
    """``head`` is a bare "in protest" hanging from another event's trigger (or from one of its nouns)."""
    prep = head.head
    if head.lemma_.lower() not in REASON_NOUNS or head.dep_ != "pobj" or prep.lower_ != "in":
        return False
    if head.tag_ != "NN" or any(c.dep_ in ("det", "poss") for c in children(head)):
        return False  # "in a protest", "in protests", "in their protest": an event of its own
    gov = prep.head
    for _ in range(3):
        if gov.i in heads:
            return True
        if gov.dep_ not in NOUN_DEPS or gov.head.i == gov.i:
            return False
        gov = gov.head.head if gov.dep_ == "pobj" else gov.head
    return False


def _protest_purpose(head: Token, heads: dict[int, EventFrame]) -> EventFrame | None:
    """The protest frame whose purpose clause ``head`` heads ("blocked roads to demand ...")."""
    if head.dep_ not in PURPOSE_DEPS or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in children(head)):
        return None
    gov = head.head
    # the protest is the governing verb, or the object of a light verb ("staged a sit-in to demand")
    for cand in (gov, *(c for c in children(gov) if c.dep_ == "dobj")):
        frame = heads.get(cand.i)
        if frame is not None and _category(frame) == PROTEST:
            return frame
    return None


def _demanded(head: Token, heads: dict[int, EventFrame]) -> EventFrame | None:
    """The demanded event of a demand verb: its object, or the object of its particle preposition."""
    for child in children(head):
        grand = [g for g in children(child) if g.dep_ == "pobj"] if child.dep_ == "prep" else [child]
        for token in grand:
            if token.dep_ in DEMANDED_DEPS and token.i in heads:
                return heads[token.i]
    return None


def relate_purposes(doc: Doc, frames: Sequence[EventFrame]) -> list[EventFrame]:
    """``frames`` without reason-only "in protest" events, with protest purposes asserted and demands
    aimed at the party that is to yield (see the module docstring)."""
    heads = _heads(doc, frames)
    roots = {id(f): i for i, f in heads.items()}
    out: list[EventFrame] = []
    for frame in frames:
        i = roots.get(id(frame))
        if i is None or _category(frame) not in (PROTEST, REQUEST):
            out.append(frame)
            continue
        head = doc[i]
        if _category(frame) == PROTEST:
            if not _reason_of_other_act(head, heads):
                out.append(frame)
            continue
        protest = _protest_purpose(head, heads)
        if protest is not None and frame.hypothetical and not protest.hypothetical:
            frame = evolve(frame, hypothetical=False)
        demanded = None if frame.targets else _demanded(head, heads)
        if demanded is not None and demanded.event_class in YIELDING_CLASSES:
            frame = evolve(frame, targets=demanded.agents or demanded.targets)
        out.append(frame)
    return out
