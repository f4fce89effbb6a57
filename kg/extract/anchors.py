"""Events dated by their distance from another event: "launched air strikes on Thursday, a day after the
group fired missiles at a tanker"; "hours after the exchange, Russian drones struck"; "the strike came two
days after the militants detonated a car bomb".

``relative_anchors`` gives a frame ``anchor = (start, days)``: the character offset of the other event's
trigger and how many days this event lies after it (negative: before). Resolution
(:func:`kg.resolve.carry.anchored_dates`) dates whichever of the two has no date of its own from the
other. Only a counted distance makes an anchor ("a day", "two days", "hours"): "after the attack" alone
says nothing of the day. A definite event noun that retells an earlier event ("hours after the
exchange") stands for the last frame of its category told before it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from kg.extract.factuality import REPORTING_VERBS
from kg.extract.lexicon import active_lexicon
from kg.extract.nouns import prep_objects
from kg.extract.quantities import UNITS
from kg.extract.settings import category, trigger_roots
from kg.extract.spans import trigger_root
from kg.extract.tree import children
from kg.model import EventFrame

__all__ = ["relative_anchors", "distance_days", "SEQUENCE_MARKS", "UNIT_DAYS", "CARRIER_VERBS"]

SEQUENCE_MARKS = {"after": 1, "before": -1}  # the clause/phrase event lies before/after its governor
UNIT_DAYS = {"hour": 0, "day": 1, "week": 7}
# a counted distance: "a day", "two days" ... "ten days" (larger counts are written in digits)
NUMBER_WORDS = {word: n for word, n in UNITS.items() if 1 <= n <= 10}
# verbs that only place their subject event in time: "the strike came two days after ..."
CARRIER_VERBS = frozenset({"come", "happen", "occur", "follow"})
DISTANCE_DEPS = frozenset({"npadvmod", "dep"})  # how a distance hangs ("Hours after ..." may be "dep")
SHARED_DEPS = frozenset({"advcl", "conj", "xcomp"})  # clauses that share their head's time
OF = frozenset({"of"})


def distance_days(token: Token) -> int | None:
    """Days a counted distance names: "a day" 1, "two days" 2, "hours" 0, "a week" 7; else None."""
    unit = UNIT_DAYS.get(token.lemma_.lower())
    if unit is None:
        return None
    if unit == 0:
        return 0  # "hours after": the same day
    counts = [c for c in children(token) if c.dep_ in ("nummod", "det")]
    if not counts:
        return unit if token.tag_ == "NN" else None  # "days after" names no number
    word = counts[0].lower_
    number = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    return None if number is None else number * unit


def _distance(children: Iterable[Token]) -> int | None:
    for child in children:
        if child.dep_ in DISTANCE_DEPS:
            days = distance_days(child)
            if days is not None:
                return days
    return None


def _mark(head: Token) -> int | None:
    """+1/-1 for a clause opened by "after"/"before" (its event lies before/after its governor's)."""
    return next(
        (SEQUENCE_MARKS[c.lower_] for c in children(head) if c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKS),
        None,
    )


def relative_anchors(doc: Doc, frames: list[EventFrame], bare: set[int]) -> list[EventFrame]:
    """``frames`` with ``anchor`` set where a counted distance relates two events (module doc); ``bare``
    holds the trigger offsets of definite event nouns that retell an earlier event."""
    at = trigger_roots(doc, frames)  # trigger root token -> frame index
    out = list(frames)
    for head_i, n in at.items():
        head = doc[head_i]
        other, days = _clause_anchor(head, at, frames), None
        if other is not None:
            # "the strike came a day after ...": the distance may hang on the governing verb
            days = _distance(children(head))
            days = _distance(children(head.head)) if days is None else days
            if days is None:  # "came five days after X agreed": the distance on the "after" itself
                days = _distance(g for c in children(head) if c.dep_ == "mark" for g in children(c))
            sign = _mark(head)
            days = None if days is None or sign is None else -sign * days
            # the clause's time, when it only repeats its governor's ("on Monday, a day after ..."), is not
            # its own
            times = tuple(m for m in frames[n].times if m not in frames[other].times)
        else:
            other, days = _phrase_anchor(head, at, frames)
            if other is None:
                other, days = _misread_sequence(head, at, frames)
            times = frames[n].times
        if other is None or days is None or other == n:
            continue
        gerund = trigger_root(doc, frames[other].trigger)
        if gerund is not None and gerund.dep_ == "pcomp" and gerund.head.head.i == head_i:
            # "withdrew on Sunday, four days after seizing it": the gerund's time is only its governor's
            own = tuple(m for m in out[other].times if m not in frames[n].times)
            out[other] = dataclasses.replace(out[other], times=own)
        # "bombed hideouts a day after the raid": the raid told before this sentence's event, not that event
        target = _retold(doc, frames, other, bare, min(frames[n].trigger.start, frames[other].trigger.start))
        out[n] = dataclasses.replace(out[n], anchor=(frames[target].trigger.start, days), times=times)
        # "detonated a car bomb, killing nine people": a participle or conjunct shares the anchor
        for child in children(head):
            k = at.get(child.i)
            if k is not None and child.dep_ in SHARED_DEPS and out[k].anchor is None:
                own = tuple(m for m in frames[k].times if m not in frames[n].times)
                out[k] = dataclasses.replace(out[k], anchor=(frames[target].trigger.start, days), times=own)
    return out


def _clause_anchor(head: Token, at: dict[int, int], frames: list[EventFrame]) -> int | None:
    """ "X on Thursday, a day after [the group fired]": the governing event of an after/before clause, or
    the subject event of a verb that only places it in time ("the strike came two days after"; "the
    release came a day after": the last release told before, though "the release" alone is no trigger)."""
    # (a clause with its "after" the parser coordinated with the governing verb counts the same)
    if head.dep_ not in ("advcl", "conj") or _mark(head) is None:
        return None
    gov = head.head
    if gov.i in at:
        return at[gov.i]
    if gov.lemma_.lower() in REPORTING_VERBS:
        # "Rebels attacked a post on Tuesday, officials said, a day after ...": the clause hangs on the
        # parenthetical saying; it relates the event said before it
        said = [c for c in children(gov) if c.dep_ == "ccomp" and c.i < head.i and c.i in at]
        if said:
            return at[said[-1].i]
    return _carried(gov, at, frames)


def _carried(gov: Token, at: dict[int, int], frames: list[EventFrame]) -> int | None:
    """ "launched air strikes on Thursday, a day after": the event noun a light verb carries, or the
    subject event of a verb that only places it in time (``CARRIER_VERBS``)."""
    carrier = gov.lemma_.lower() in CARRIER_VERBS
    deps = ("nsubj",) if carrier else ("dobj",)
    found = next((at[c.i] for c in children(gov) if c.dep_ in deps and c.i in at), None)
    if found is None and carrier:
        subjects = [c for c in children(gov) if c.dep_ == "nsubj" and c.pos_ == "NOUN" and _with_the(c)]
        found = next((k for c in subjects if (k := _told_before(c, at, frames)) is not None), None)
    return found


def _misread_sequence(head: Token, at: dict[int, int], frames: list[EventFrame]) -> tuple[int | None, int]:
    """ "The strike came a day after U.S. and Russian negotiators met", parsed with "after U.S." as the
    carrier verb's phrase and "met" as its conjunct: the carried event and the days ``head`` lies after it."""
    carrier = head.head
    if head.dep_ != "conj" or carrier.lemma_.lower() not in CARRIER_VERBS:
        return None, 0
    prep = next((c for c in children(carrier) if c.dep_ == "prep" and c.lower_ in SEQUENCE_MARKS), None)
    days = _distance(children(prep)) if prep is not None and prep.i < head.i else None
    if prep is None or days is None:
        return None, 0
    return _carried(carrier, at, frames), -SEQUENCE_MARKS[prep.lower_] * days


def _told_before(noun: Token, at: dict[int, int], frames: list[EventFrame]) -> int | None:
    """The last asserted frame before ``noun`` of a class the lexicon files the noun under."""
    classes = active_lexicon().noun_classes(noun.lemma_.lower())
    earlier = [
        n
        for i, n in sorted(at.items())
        if i < noun.i
        and frames[n].event_class in classes
        and not (frames[n].negated or frames[n].hypothetical)
    ]
    return earlier[-1] if earlier else None


def _phrase_anchor(
    head: Token, at: dict[int, int], frames: list[EventFrame]
) -> tuple[int | None, int | None]:
    """ "Hours after the exchange, drones struck": the event noun of an after/before phrase of the verb
    or of its distance, with the distance hung on the verb or on the preposition; a definite noun that is
    no trigger names the last earlier event whose trigger has its lemma ("exchanged ... the exchange")."""
    distances = [c for c in children(head) if c.dep_ in DISTANCE_DEPS and distance_days(c) is not None]
    preps = [p for t in [head, *distances] for p in children(t) if p.dep_ == "prep"]
    for prep in preps:
        eve = _eve_of(prep)
        found = _event_named(eve, at, frames) if eve is not None else None
        if found is not None:
            return found, -1
        if prep.lower_ not in SEQUENCE_MARKS:
            continue
        days = _distance([*children(head), *children(prep)])
        for noun in (o for o in children(prep) if o.dep_ in ("pobj", "pcomp")):  # "days after seizing it"
            found = _event_named(noun, at, frames)
            if found is not None and days is not None:
                return found, SEQUENCE_MARKS[prep.lower_] * days
    return None, None


def _with_the(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in children(noun))


def _event_named(noun: Token, at: dict[int, int], frames: list[EventFrame]) -> int | None:
    """The frame ``noun`` is the trigger of, or, for a definite noun that is none, the last earlier frame
    its lemma names (:func:`_named_before`)."""
    found = at.get(noun.i)
    return _named_before(noun, at, frames) if found is None and _with_the(noun) else found


def _eve_of(prep: Token) -> Token | None:
    """The event noun of "on the eve of the strike" (the day before it), if ``prep`` opens such a phrase."""
    if prep.lower_ != "on":
        return None
    eves = [o for o in children(prep) if o.dep_ == "pobj" and o.lower_ == "eve"]
    return next((n for e in eves for _, n in prep_objects(e, OF) if n.pos_ == "NOUN"), None)


def _named_before(noun: Token, at: dict[int, int], frames: list[EventFrame]) -> int | None:
    """The last frame before ``noun`` whose trigger word has the noun's lemma ("the exchange")."""
    lemma = noun.lemma_.lower()
    earlier = [(i, n) for i, n in at.items() if i < noun.i and noun.doc[i].lemma_.lower() == lemma]
    hits = [n for _, n in sorted(earlier) if not (frames[n].negated or frames[n].hypothetical)]
    return hits[-1] if hits else None


def _retold(doc: Doc, frames: list[EventFrame], n: int, bare: set[int], before: int) -> int:
    """A definite event noun that retells stands for the last earlier frame of its category; so does one
    with no time of its own that a distance relates ("two days after the ambush, police arrested a suspect
    in X": the place it took from the clause does not make it a new event), told before ``before``."""
    frame = frames[n]
    root = trigger_root(doc, frame.trigger)
    noun = root if root is not None and root.pos_ == "NOUN" and not frame.times else None
    definite = noun is not None and _with_the(noun)
    if frame.trigger.start not in bare and not definite:
        return n
    earlier = [
        k
        for k in range(n)
        if not (frames[k].negated or frames[k].hypothetical) and frames[k].trigger.start < before
    ]
    earlier = [k for k in earlier if frames[k].trigger.start not in bare]  # not another retelling
    same_class = [k for k in earlier if frames[k].event_class == frame.event_class]  # "the strike"
    same = same_class or [k for k in earlier if category(frames[k]) == category(frame)]
    return same[-1] if same else n
