"""Counted settlements named in the sentences after: "fighters stormed two villages in Mali's Koulikoro
region on Sunday, killing five civilians. The gunmen arrived in Sirakoro-Wéré and Koumbana ..." — the two
names are where the raid and the killing were, finer than the region the first sentence gives; so with
"raided three villages near Bara ... The attack on Um Sumeima, Al-Hamra and Shag al-Nom began on
Saturday".

A name list counts only when it has exactly as many proper names as the count, all coordinated (or in
apposition) under one place preposition, within :data:`LOOKAHEAD` sentences; any other number or kind of
words leaves the event's place as the first sentence gave it. The names' entity labels are not trusted (the
small model tags unknown village names as people or organisations at random); their count and syntax are.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kg.extract.nouns import NON_PLACE_LABELS, in_time_entity
from kg.extract.quantities import parse_number
from kg.extract.spans import mention, trigger_root
from kg.extract.tree import children
from kg.frozen import evolve
from kg.model import EventFrame
from kg.placewords import SETTLEMENTS

__all__ = ["name_counted_places", "counted_settlements", "LOOKAHEAD"]

LOOKAHEAD = 2  # sentences after the event's own searched for the names
OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})  # "stormed two villages", "two villages were torched"
SETTING_PREPS = frozenset({"in", "on", "at", "into", "across"})  # "a raid on three villages"
NAMING_PREPS = frozenset({"in", "on", "at", "into", "near", "from", "of"})  # "the attack on X, Y and Z"


def counted_settlements(head: Token) -> int | None:
    """How many settlements the event at ``head`` acted on when its object or setting is a counted
    plural settlement word ("stormed two villages", "raids on three hamlets"), else None."""
    for child in children(head):
        if child.dep_ in OBJECT_DEPS:
            nouns = [child]
        elif child.dep_ == "prep" and child.lower_ in SETTING_PREPS:
            nouns = [o for o in children(child) if o.dep_ == "pobj"]
        else:
            continue
        for noun in nouns:
            if noun.tag_ != "NNS" or noun.lemma_.lower() not in SETTLEMENTS:
                continue
            numbers = [c for c in children(noun) if c.dep_ == "nummod"]
            count = parse_number([numbers[0].lower_]) if len(numbers) == 1 else None
            if count is not None and 2 <= count <= 10:
                return count
    return None


def _group(token: Token) -> Iterator[Token]:
    """``token`` and the names coordinated or apposed with it ("Um Sumeima, Al-Hamra and Shag al-Nom")."""
    yield token
    for child in children(token):
        if child.dep_ in ("conj", "appos"):
            yield from _group(child)


def _names(sent: Span, count: int) -> list[Token] | None:
    """The first list of exactly ``count`` proper names of places under one preposition in ``sent``."""
    for tok in sent:
        if tok.dep_ != "pobj" or tok.head.lower_ not in NAMING_PREPS:
            continue
        group = list(_group(tok))
        if len(group) == count and all(
            t.pos_ == "PROPN" and t.ent_type_ not in NON_PLACE_LABELS and not in_time_entity(t) for t in group
        ):
            return group
    return None


def name_counted_places(doc: Doc, frames: list[EventFrame]) -> list[EventFrame]:
    """Frames whose trigger acted on a counted number of settlements take the names a following sentence
    lists (placed before the places their own sentence gave); so do the frames of that sentence that share
    their setting (the same places: "…, killing five civilians")."""
    counts: dict[int, int] = {}
    for n, frame in enumerate(frames):
        head = trigger_root(doc, frame.trigger)
        count = counted_settlements(head) if head is not None else None
        if count is not None:
            counts[n] = count
    if not counts:
        return frames
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]
    out = list(frames)
    for n, count in counts.items():
        frame = frames[n]
        k = bisect.bisect_right(starts, frame.trigger.start) - 1
        names = next(filter(None, (_names(s, count) for s in sents[k + 1 : k + 1 + LOOKAHEAD])), None)
        if names is None:
            continue
        named = tuple(mention(t, "LOC", place=True) for t in names)
        for m, other in enumerate(frames):
            if m == n or (other.sentence_start == frame.sentence_start and other.places == frame.places):
                out[m] = evolve(other, places=named + other.places)
    return out
