"""Time expressions of a trigger: the DATE/TIME entities attached to its tokens.

The expressions hung on one token are found by :func:`kg.extract.timementions.time_mentions`;
``trigger_times`` looks for them on the trigger, then on its arguments, then on the governing clauses.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.strings import get_string_id
from spacy.tokens import Token

from kg.extract.clauses import at_once, governors, misread_clause, misread_subject, object_participle
from kg.extract.constraints import NOUN_POS
from kg.extract.datelines import in_dateline
from kg.extract.factuality import REPORTING_VERBS
from kg.extract.nouns import in_time_entity, prep_objects
from kg.extract.timementions import reported_subject, sequence_distance, time_mention, time_mentions
from kg.extract.tree import children
from kg.model import Mention

__all__ = ["trigger_times", "clauses_above", "dateline_holder", "REACTION_VERBS"]

# labels compared as ids (no string look-up per read)
_XCOMP, _APPOS, _PREP, _ADVCL, _ACL = map(get_string_id, ("xcomp", "appos", "prep", "advcl", "acl"))
_VBG, _NOUN_POS_IDS = get_string_id("VBG"), frozenset(map(get_string_id, NOUN_POS))
DEEP_STEPS = 3  # noun phrases followed down from an argument for a date the parser hung there
PARTICIPLE_TAGS = frozenset({"VBN", "VBG"})  # reduced relatives: "a convoy escorted by soldiers on Monday"
# verbs that comment on an event already told ("condemned the attack", "claimed the bombing")
REACTION_VERBS = frozenset(
    {"condemn", "denounce", "deplore", "decry", "criticise", "criticize", "claim", "welcome", "blame",
     "praise", "mourn", "investigate"}
)  # fmt: skip


def clauses_above(head: Token, *, nominal: bool) -> list[Token]:
    """The clauses governing a trigger, nearest first; a nominal subject's own verb first ("fighting
    intensified around X")."""
    if nominal and head.dep_ in ("nsubj", "nsubjpass"):
        return [head.head, *governors(head.head)]
    if not nominal and misread_clause(head, list(children(head))):
        subject = misread_subject(head.head)  # "Armed men on motorbikes killed ..., officials said"
        if subject.dep_ in ("nsubj", "nsubjpass"):
            return [subject.head, *governors(subject.head)]
    return list(governors(head))


def dateline_holder(head: Token) -> list[Token]:
    """The dateline word an opening event hangs on through an apposition (and the event's participle):
    "BAHIR DAR, Aug 12 — A drone strike killed 11 people ... on Sunday", the date parsed onto the city; the
    phrases hung there after the dash are the event's."""
    cur = head
    for _ in range(2):
        if cur.dep_ not in ("appos", "acl"):
            return _opening_phrase(head)
        cur = cur.head
        if in_dateline(cur):
            return [cur, *_said_before(cur)]
    return _opening_phrase(head)


DOWN_THE_OPENING = frozenset({"acl", "relcl", "agent", "prep", "pobj"})


def _opening_phrase(head: Token) -> list[Token]:
    """The noun opening the text after the dateline when the parser made it an apposition of the city and
    hung the event below it: "ADRE, Chad, June 17 — Arab militias backed by the paramilitary RSF stormed
    the town ..., on Thursday" ("stormed" a relative clause on "paramilitary", "on Thursday" on "militias"):
    the time phrases of the noun, or of the city when the parser hung them there, are the event's."""
    cur = head
    for _ in range(5):
        if cur.dep_ == "appos" and in_dateline(cur.head):
            return [cur, cur.head, *_said_before(cur.head)] if cur.i < head.i else []
        if cur.dep_ not in DOWN_THE_OPENING:
            return []
        cur = cur.head
    return []


def _said_before(city: Token) -> list[Token]:
    """The reporting verb a dateline's city was made the subject of, when a time phrase it holds comes
    before it ("..., on Sunday, three residents said (on Tuesday)"): those phrases are the opening event's
    (``trigger_times`` drops the ones after the verb)."""
    verb = city.head
    if city.dep_ != "nsubj" or verb.lemma_.lower() not in REPORTING_VERBS:
        return []
    timed = [c for c in children(verb) if c.dep_ in ("prep", "npadvmod") and c.i > city.i]
    return [verb] if timed and any(c.i < verb.i for c in timed) else []


def trigger_times(
    head: Token,
    span: list[Token],
    holders: list[Token],
    events: Collection[int],
    governing: list[Token],
    conjuncts: Collection[Token] = (),
) -> list[Mention]:
    """The trigger's own time expressions; else those the parser hung on an argument ("signed a truce with
    insurgents in July": on "insurgents"), other events excluded; else those of the verbs it is coordinated
    with (``conjuncts``); else the nearest of the ``governing``
    clauses' (:func:`clauses_above`: "claimed Wednesday they had seized"; "fighting intensified on
    Monday" for a nominal subject)."""
    # "agreed to swap detainees before the end of the month": a verb the trigger envisages keeps its date
    times = time_mentions(
        [t for t in span if not (t.dep == _XCOMP and t.head.i == head.i and t.i != head.i)]
        + (_onset_clauses(head, events) if head.pos_ == "NOUN" else [])
    )
    # "said on Wednesday it had recaptured Pieri ... on Tuesday": a date hung before the reported clause's
    # subject is the saying's, the event's only when the parser hung none of the clause's on an argument
    saying = reported_subject(head) if times else None
    said = times if saying is not None and all(m.start < saying for m in times) else []
    times = [] if said else times
    if not times:
        # "abducted 11 people, four of them women, overnight on Monday": a phrase hung on an apposition too
        holders = [*holders, *(c for t in holders for c in children(t) if c.dep == _APPOS)]
        nouns = [o for t in [head, *holders] for _, o in prep_objects(t) if o.pos in _NOUN_POS_IDS]
        # "carried out a drone strike on a car near the village of X in Y district on Tuesday": down the
        # place phrases of the verb an event noun is the object of too (its own dates come later)
        if head.pos_ == "NOUN" and head.dep_ == "dobj" and head.head.i not in events:
            phrases = [o for _, o in prep_objects(head.head) if not in_time_entity(o)]
            nouns += [o for o in phrases if o.pos in _NOUN_POS_IDS]
        # "condemned the attack on Monday": the date hung on the object of a comment is the comment's
        commented = head.lemma_.lower() in REACTION_VERBS
        own = [t for t in holders if commented and t.dep_ == "dobj" and t.head.i == head.i]
        # "recaptured the village from al-Shabaab on Saturday": a date hung on the trigger's preposition
        own += [c for c in children(head) if c.dep == _PREP or _misread_conjunct(head, c, events)]
        times = time_mentions([t for t in [*holders, *nouns] if t.i not in events and t.i != head.i] + own)
        # "killed six rebels, two of them women, in a forest near the village of X on Sunday": a date the
        # parser hung deeper down the place phrases of an argument, or on a participle modifying one
        # ("ambushed a convoy of trucks carrying food to X on Monday")
        frontier = [*holders, *nouns]
        for _ in range(DEEP_STEPS if not times else 0):
            frontier = [t for t in frontier if t.i not in events and t.i != head.i]
            # a present participle may be an event of its own: "struck fighters fleeing the area on Thursday"
            frontier += [
                c
                for t in frontier
                for c in children(t)
                if _reduced_relative(c, events, at_once=True) or _misread_conjunct(t, c, events)
            ]
            nouns = [o for t in frontier for _, o in prep_objects(t) if o.pos in _NOUN_POS_IDS]
            times = time_mentions([t for t in frontier if t.pos not in _NOUN_POS_IDS] + nouns)
            frontier = nouns
            if times or not nouns:
                break
    times = times or said
    participle = object_participle(head) if not times else None
    if participle is not None:  # "killed two officers escorting a team in X on Monday"
        times = time_mentions([participle[1]])
    if not times:  # "sent troops to Kenyam, the regency seat, the following day": a date in apposition
        times = _apposed_date(head)
    if not times:  # "shot dead four militiamen when they returned to the village the next morning"
        clauses = [c for c in children(head) if c.dep == _ADVCL and c.i not in events and at_once(c)]
        times = time_mentions(clauses)
    if not times and _when_of(head):  # "cut off since July, when militants blew up a bridge": in July
        times = [time_mention(head.head, "")]
    if not times and conjuncts:  # "killed seven villagers and abducted 20 people ... at the weekend"
        times = time_mentions(list(conjuncts))
        # "killed nine people and abducted six children in the villages of X and Y on Saturday": deeper
        # down the conjunct's place phrases
        nouns = [o for c in conjuncts for _, o in prep_objects(c) if o.pos_ in NOUN_POS and o.i not in events]
        times = times or time_mentions(nouns)
    for gov in governing if not times else ():
        times = time_mentions([gov])
        # "..., on Tuesday, the commission said on Thursday": the date after the saying is the saying's
        if gov.i > head.i and gov.lemma_.lower() in REPORTING_VERBS and any(m.start < gov.idx for m in times):
            times = [m for m in times if m.start < gov.idx]
        if times:
            break
    return times


OBJECT_DEPS = frozenset({"dobj", "obj", "pobj"})


# participles that are adjectives before a noun ("the town and surrounding villages"), which the parser may
# read as a verb
ADJECTIVE_PARTICIPLES = frozenset({"surround", "neighbour", "neighbor", "adjoin"})


def _misread_conjunct(holder: Token, token: Token, events: Collection[int]) -> bool:
    """A participle the parser coordinated with a noun or made a clause ("struck the town and surrounding
    villages on Wednesday", "surrounding" a verb conjunct of "town", or an adverbial clause of "struck"):
    no event, its phrases are the noun's, or the verb's."""
    if token.tag != _VBG or token.i in events:
        return False
    adjective = token.dep_ == "advcl" and token.lemma_.lower() in ADJECTIVE_PARTICIPLES
    return adjective or (token.dep_ == "conj" and holder.pos_ in NOUN_POS)


def _apposed_date(head: Token) -> list[Mention]:
    """A date the parser hung in apposition down an object's appositions ("to Kenyam, the regency seat,
    the following day"): the objects of the trigger and of its prepositions and dative."""
    kids = list(children(head))
    chain = [c for c in kids if c.dep_ in ("dobj", "obj")]
    chain += [o for c in kids if c.dep_ in ("dative", "prep") for o in children(c) if o.dep_ in OBJECT_DEPS]
    for _ in range(2):
        chain = [c for t in chain for c in children(t) if c.dep_ == "appos"]
        dates = [c for c in chain if in_time_entity(c) and not sequence_distance(c)]
        if dates:
            return [time_mention(dates[0], "")]
    return []


def _when_of(head: Token) -> bool:
    """A relative clause on a date that tells what happened then: "since July, when militants ...",
    "on March 3, when rebels withdrew"."""
    return (
        head.dep_ == "relcl"
        and in_time_entity(head.head)
        and any(c.dep_ == "advmod" and c.lower_ == "when" for c in children(head))
    )


ONSET_LEMMAS = frozenset({"begin", "start", "erupt", "break"})


def _own_clause(token: Token, events: Collection[int]) -> bool:
    """A clause on an event noun that tells when it happened: its own participle ("a siege imposed by
    jihadists since June") or a relative clause of onset ("demonstrations that began in August 2023")."""
    if token.i in events:
        return False
    return _onset(token, events) or (_reduced_relative(token, events) and token.tag_ == "VBN")


def _onset(token: Token, events: Collection[int]) -> bool:
    """A relative clause of onset that is no event of its own: "(demonstrations) that began in August"."""
    return token.dep_ == "relcl" and token.lemma_.lower() in ONSET_LEMMAS and token.i not in events


def _onset_clauses(head: Token, events: Collection[int]) -> list[Token]:
    """The clauses on an event noun that tell when it happened (:func:`_own_clause`), and a clause of onset
    the parser hung on the side it was fought with ("clashes with government forces that began on
    Friday": the clashes began then, not the forces)."""
    own = [c for c in children(head) if _own_clause(c, events)]
    return own + [c for _, obj in prep_objects(head, SIDE_PREPS) for c in children(obj) if _onset(c, events)]


SIDE_PREPS = frozenset({"with", "between", "against"})


def _reduced_relative(token: Token, events: Collection[int], *, at_once: bool = False) -> bool:
    """A participle modifying a noun ("trucks carrying food", "a convoy escorted by soldiers"), not itself
    an event; ``at_once``: a present participle may be one, being at the same time ("fighters fleeing")."""
    if token.dep != _ACL or token.tag_ not in PARTICIPLE_TAGS:
        return False
    return token.i not in events or (at_once and token.tag_ == "VBG")
