"""Time expressions of a trigger: the DATE/TIME entities attached to its tokens.

``time_mentions`` collects them with the governing preposition as the mention lemma (``since``, ``until``,
``in``, ``on``, ... or ``""``), so resolution can turn "since May" into the start of a span; a date hanging
from a duration counts too ("for a second day on Monday"). The mention text is the entity widened to the
left modifiers of its noun phrase, articles kept because they change the meaning ("a week").
``trigger_times`` looks for them on the trigger, then on its arguments, then on the governing clauses.
"""

from __future__ import annotations

import weakref
from collections.abc import Collection
from dataclasses import replace

from spacy.tokens import Doc, Token

from kg.extract.anchors import SEQUENCE_MARKS, UNIT_DAYS
from kg.extract.clauses import at_once, governors, misread_clause, misread_subject, object_participle
from kg.extract.constraints import NOUN_POS
from kg.extract.nouns import in_time_entity, prep_objects
from kg.extract.spans import NP_LEFT_DEPS, dated_subject, in_dateline
from kg.model import Mention

__all__ = ["time_mentions", "trigger_times", "clauses_above", "REACTION_VERBS"]

DEEP_STEPS = 3  # noun phrases followed down from an argument for a date the parser hung there
PARTICIPLE_TAGS = frozenset({"VBN", "VBG"})  # reduced relatives: "a convoy escorted by soldiers on Monday"
# verbs that comment on an event already told ("condemned the attack", "claimed the bombing")
REACTION_VERBS = frozenset(
    {"condemn", "denounce", "deplore", "decry", "criticise", "criticize", "claim", "welcome", "blame",
     "praise", "mourn", "investigate"}
)  # fmt: skip


def _time_mention(token: Token, prep: str) -> Mention:
    """The DATE/TIME entity widened to the noun phrase's left modifiers ("the next 24-48 hours");
    articles are kept here because they change the meaning ("a week")."""
    doc = token.doc
    start, end = token.i, token.i + 1
    for child in token.lefts:
        if child.dep_ in NP_LEFT_DEPS:
            start = min(start, child.left_edge.i)
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].i <= token.right_edge.i:
        end += 1  # not into the next phrase: "On Monday hundreds of residents" tagged as one date
    span = doc[start:end]
    return Mention(span.text, span.start_char, span.end_char, "DATE", prep)


PART_OF_DAY_ADVERBS = frozenset({"overnight", "tonight", "late", "early"})
DAY_WORDS = frozenset({"day", "night", "morning", "afternoon", "evening"})
ANAPHORIC_MODIFIERS = frozenset({"same", "that", "next", "following", "previous"})


def _anaphoric_day(token: Token) -> bool:
    """ "the same day", "that night", "the next morning", which the NER does not always tag as a date."""
    return token.lemma_.lower() in DAY_WORDS and any(c.lower_ in ANAPHORIC_MODIFIERS for c in token.lefts)


DEICTIC = frozenset({"last", "next", "this", "past", "previous", "same", "following", "coming"})


def _sequence_distance(token: Token) -> bool:
    """ "came a day after the group fired", "two days before the vote": a distance between two events,
    which dates neither by itself (:mod:`kg.extract.anchors` relates them)."""
    if token.lemma_.lower() not in UNIT_DAYS or any(c.lower_ in DEICTIC for c in token.lefts):
        return False  # "Last week fighters raided X, hours after ...": a date, not a distance
    if any(c.dep_ == "prep" and c.lower_ in SEQUENCE_MARKS for c in token.children):
        return True
    if token.head.dep_ == "prep" and token.head.lower_ in SEQUENCE_MARKS:  # "days" under "after"
        return True
    # the distance on the clause it measures ("a day after fighters overran", "day" under "overran") or
    # on the verb that clause depends on ("came a day after ...")
    clauses = [token.head, *(c for c in token.head.children if c.dep_ == "advcl")]
    return any(m.dep_ == "mark" and m.lower_ in SEQUENCE_MARKS for c in clauses for m in c.children)


LATER_ADVERBS = frozenset({"later", "earlier", "afterwards"})


def _distance_later(token: Token) -> bool:
    """ "a day later", "two weeks earlier": a counted distance from the last dated event."""
    if token.lower_ not in LATER_ADVERBS or in_time_entity(token):
        return False
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() in UNIT_DAYS for c in token.children)


def time_mentions(tokens: list[Token]) -> list[Mention]:
    """DATE/TIME expressions attached directly to ``tokens``; lemma = governing preposition or ''."""
    found: list[Mention] = []
    for tok in tokens:
        own = _own_cached(tok)
        # "said on Thursday it had repelled an attack ... on Wednesday": a date hung between the reporting
        # verb and the clause's subject is the saying's, the clause's only when it has none of its own
        saying = _reported_subject(tok)
        if saying is not None:
            later = [m for m in own if m.start >= saying]
            own = later or own
        found.extend(own)
    return _dedupe(found)


def _when_date(tok: Token) -> Mention | None:
    """ "fled since Sunday, when fighting broke out": the date a "when" clause follows is its time, wherever
    the parser hung the clause."""
    when = next((c for c in tok.lefts if c.dep_ in ("advmod", "mark") and c.lower_ == "when"), None)
    if when is None or when.i < 2 or when.nbor(-1).text != ",":
        return None
    date = when.nbor(-2)
    return _time_mention(date, "") if date.ent_type_ == "DATE" else None


# live Doc -> token index -> its own time mentions: the governing clauses of a sentence's triggers are
# asked again for each trigger
_OWN: weakref.WeakKeyDictionary[Doc, dict[int, tuple[Mention, ...]]] = weakref.WeakKeyDictionary()


def _own_cached(tok: Token) -> list[Mention]:
    """:func:`_own_mentions`, found once per token of a live ``Doc``."""
    by_token = _OWN.get(tok.doc)
    if by_token is None:
        by_token = _OWN[tok.doc] = {}
    found = by_token.get(tok.i)
    if found is None:
        found = by_token[tok.i] = tuple(_own_mentions(tok))
    return list(found)


def _own_mentions(tok: Token) -> list[Mention]:
    """The time expressions hung on ``tok`` itself (see :func:`time_mentions`)."""
    when = _when_date(tok)
    found: list[Mention] = [when] if when is not None else []
    for child in tok.children:
        if child.dep_ in ("npadvmod", "tmod", "obl", "advmod", "poss", "nmod") and (
            in_time_entity(child) or _anaphoric_day(child)
        ):
            if _sequence_distance(child) or in_dateline(child):
                continue
            found.append(_time_mention(child, ""))
        elif child.dep_ == "advmod" and _distance_later(child):
            # "A day later the fighters burned ...", which the NER tags as a date only now and then
            span = child.doc[child.left_edge.i : child.i + 1]
            found.append(Mention(span.text, span.start_char, span.end_char, "DATE", ""))
        elif child.dep_ == "advmod" and child.lower_ in PART_OF_DAY_ADVERBS:
            # "shelled the city overnight and on Wednesday": the date coordinated with the part of day
            for prep in (c for c in child.children if c.dep_ in ("conj", "prep")):
                inner = [o for o in prep.children if o.dep_ == "pobj" and in_time_entity(o)]
                found.extend(_time_mention(o, prep.lower_) for o in inner)
        elif child.dep_ in ("nsubj", "nsubjpass") and not in_time_entity(child):
            # "Last month gunmen abducted ...": the opening date parsed as a compound of the subject
            found.extend(
                _time_mention(c, "") for c in child.lefts if c.dep_ == "compound" and in_time_entity(c)
            )
        elif child.dep_ == "prep" and _bare_date(child):
            # "On Tuesday security forces detained": the date the parser made the subject's modifier
            found.append(_time_mention(child.doc[child.i + 1], child.lower_))
        elif child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp") and in_time_entity(obj):
                    found.append(_time_mention(obj, child.lower_))
                    # "for a second day on Monday": a date hanging from a duration
                    for prep in obj.children:
                        if prep.dep_ == "prep":
                            inner = [o for o in prep.children if o.dep_ == "pobj" and in_time_entity(o)]
                            found.extend(_time_mention(o, prep.lower_) for o in inner)
    return found


def _reported_subject(token: Token) -> int | None:
    """For a clause reported after its verb ("said on Thursday it had repelled"), the character offset of
    the clause's subject: a date the parser hung before it, after the reporting verb, is the saying's."""
    if token.dep_ != "ccomp" or token.head.i > token.i:
        return None
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject.idx if subject is not None and subject.i < token.i else None


def _bare_date(prep: Token) -> bool:
    """An opening preposition whose date the parser took as a modifier of the subject ("On Tuesday security
    forces detained": "Tuesday" on "forces", left as the preposition's object or hung elsewhere)."""
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    if objects:
        return dated_subject(objects[0])
    doc = prep.doc
    following = doc[prep.i + 1] if prep.i + 1 < len(doc) else None
    return following is not None and following.dep_ == "compound" and in_time_entity(following)


def clauses_above(head: Token, *, nominal: bool) -> list[Token]:
    """The clauses governing a trigger, nearest first; a nominal subject's own verb first ("fighting
    intensified around X")."""
    if nominal and head.dep_ in ("nsubj", "nsubjpass"):
        return [head.head, *governors(head.head)]
    if not nominal and misread_clause(head, list(head.children)):
        subject = misread_subject(head.head)  # "Armed men on motorbikes killed ..., officials said"
        if subject.dep_ in ("nsubj", "nsubjpass"):
            return [subject.head, *governors(subject.head)]
    return list(governors(head))


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
        [t for t in span if not (t.dep_ == "xcomp" and t.head.i == head.i and t.i != head.i)]
    )
    if not times:
        # "abducted 11 people, four of them women, overnight on Monday": a phrase hung on an apposition too
        holders = [*holders, *(c for t in holders for c in t.children if c.dep_ == "appos")]
        nouns = [o for t in [head, *holders] for _, o in prep_objects(t) if o.pos_ in NOUN_POS]
        # "condemned the attack on Monday": the date hung on the object of a comment is the comment's
        commented = head.lemma_.lower() in REACTION_VERBS
        own = [t for t in holders if commented and t.dep_ == "dobj" and t.head.i == head.i]
        # "recaptured the village from al-Shabaab on Saturday": a date hung on the trigger's preposition
        own += [c for c in head.children if c.dep_ == "prep"]
        times = time_mentions([t for t in [*holders, *nouns] if t.i not in events and t.i != head.i] + own)
        # "killed six rebels, two of them women, in a forest near the village of X on Sunday": a date the
        # parser hung deeper down the place phrases of an argument, or on a participle modifying one
        # ("ambushed a convoy of trucks carrying food to X on Monday")
        frontier = [*holders, *nouns]
        for _ in range(DEEP_STEPS if not times else 0):
            frontier = [t for t in frontier if t.i not in events and t.i != head.i]
            frontier += [c for t in frontier for c in t.children if _reduced_relative(c, events)]
            nouns = [o for t in frontier for _, o in prep_objects(t) if o.pos_ in NOUN_POS]
            times = time_mentions([t for t in frontier if t.pos_ not in NOUN_POS] + nouns)
            frontier = nouns
            if times or not nouns:
                break
    participle = object_participle(head) if not times else None
    if participle is not None:  # "killed two officers escorting a team in X on Monday"
        times = time_mentions([participle[1]])
    if not times:  # "sent troops to Kenyam, the regency seat, the following day": a date in apposition
        times = _apposed_date(head)
    if not times:  # "shot dead four militiamen when they returned to the village the next morning"
        clauses = [c for c in head.children if c.dep_ == "advcl" and c.i not in events and at_once(c)]
        times = time_mentions(clauses)
    if not times and _when_of(head):  # "cut off since July, when militants blew up a bridge": in July
        times = [_time_mention(head.head, "")]
    if not times and conjuncts:  # "killed seven villagers and abducted 20 people ... at the weekend"
        times = time_mentions(list(conjuncts))
        # "killed nine people and abducted six children in the villages of X and Y on Saturday": deeper
        # down the conjunct's place phrases
        nouns = [o for c in conjuncts for _, o in prep_objects(c) if o.pos_ in NOUN_POS and o.i not in events]
        times = times or time_mentions(nouns)
    for gov in governing if not times else ():
        times = time_mentions([gov])
        if times:
            break
    return times


OBJECT_DEPS = frozenset({"dobj", "obj", "pobj"})


def _apposed_date(head: Token) -> list[Mention]:
    """A date the parser hung in apposition down an object's appositions ("to Kenyam, the regency seat,
    the following day"): the objects of the trigger and of its prepositions and dative."""
    kids = list(head.children)
    chain = [c for c in kids if c.dep_ in ("dobj", "obj")]
    chain += [o for c in kids if c.dep_ in ("dative", "prep") for o in c.children if o.dep_ in OBJECT_DEPS]
    for _ in range(2):
        chain = [c for t in chain for c in t.children if c.dep_ == "appos"]
        dates = [c for c in chain if in_time_entity(c) and not _sequence_distance(c)]
        if dates:
            return [_time_mention(dates[0], "")]
    return []


def _when_of(head: Token) -> bool:
    """A relative clause on a date that tells what happened then: "since July, when militants ...",
    "on March 3, when rebels withdrew"."""
    return (
        head.dep_ == "relcl"
        and in_time_entity(head.head)
        and any(c.dep_ == "advmod" and c.lower_ == "when" for c in head.children)
    )


def _reduced_relative(token: Token, events: Collection[int]) -> bool:
    """A participle modifying a noun ("trucks carrying food", "a convoy escorted by soldiers"), not itself
    an event."""
    return token.dep_ == "acl" and token.tag_ in PARTICIPLE_TAGS and token.i not in events


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """In text order, each expression once; one inside a longer one is dropped ("May" in "May last
    year"), the longer keeping its preposition."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if out and out[-1].start <= m.start and m.end <= out[-1].end:
            if m.start == out[-1].start and m.lemma and not out[-1].lemma:
                out[-1] = replace(out[-1], lemma=m.lemma)
            continue
        out.append(m)
    return out
