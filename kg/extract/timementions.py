"""The time expressions hung on one token, for :mod:`kg.extract.times`.

``time_mentions`` collects the DATE/TIME entities attached to tokens with the governing preposition as the
mention lemma (``since``, ``until``, ``in``, ``on``, ... or ``""``), so resolution can turn "since May" into
the start of a span; a date hanging from a duration counts too ("for a second day on Monday"), as does the
date a "when" clause follows ("since Sunday, when fighting broke out"). The mention text is the entity
widened to the left modifiers of its noun phrase, articles kept because they change the meaning ("a
week").
"""

from __future__ import annotations

import weakref
from dataclasses import replace

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from kg.extract.anchors import SEQUENCE_MARKS, UNIT_DAYS
from kg.extract.datelines import in_dateline
from kg.extract.nouns import in_time_entity
from kg.extract.spans import NP_LEFT_DEPS, dated_subject, span_text
from kg.extract.tree import children, scope_table
from kg.model import Mention

__all__ = ["time_mentions", "time_mention", "sequence_distance", "reported_subject"]


def time_mention(token: Token, prep: str) -> Mention:
    """The DATE/TIME entity widened to the noun phrase's left modifiers ("the next 24-48 hours");
    articles are kept here because they change the meaning ("a week")."""
    doc = token.doc
    start, end = token.i, token.i + 1
    for child in token.lefts:
        if child.dep_ in NP_LEFT_DEPS:
            start = min(start, child.left_edge.i)
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    last = token.right_edge.i
    while end < len(doc) and doc[end].ent_iob_ == "I" and end <= last:
        end += 1  # not into the next phrase: "On Monday hundreds of residents" tagged as one date
    after = doc[end] if end < len(doc) else None
    if (
        after is not None
        and after.head.i == token.i
        and after.dep_ == "advmod"
        and after.lower_ in SEQUENCE_ADVERBS
    ):
        end += 1  # "The day before, a drone struck": the adverb the entity left out says which day
    text, begin = span_text(doc, start, end)  # (a Span's text joins its tokens again)
    return Mention(text, begin, begin + len(text), "DATE", prep)


SEQUENCE_ADVERBS = frozenset({"before", "after", "earlier", "later"})
PART_OF_DAY_ADVERBS = frozenset({"overnight", "tonight", "late", "early"})
DAY_WORDS = frozenset({"day", "night", "morning", "afternoon", "evening", "month"})  # "that month" too
ANAPHORIC_MODIFIERS = frozenset({"same", "that", "next", "following", "previous"})


def _anaphoric_day(token: Token) -> bool:
    """ "the same day", "that night", "the next morning", which the NER does not always tag as a date."""
    return token.lemma_.lower() in DAY_WORDS and any(c.lower_ in ANAPHORIC_MODIFIERS for c in token.lefts)


DEICTIC = frozenset({"last", "next", "this", "past", "previous", "same", "following", "coming"})


def sequence_distance(token: Token) -> bool:
    """ "came a day after the group fired", "two days before the vote": a distance between two events,
    which dates neither by itself (:mod:`kg.extract.anchors` relates them)."""
    if token.lemma_.lower() not in UNIT_DAYS or any(c.lower_ in DEICTIC for c in token.lefts):
        return False  # "Last week fighters raided X, hours after ...": a date, not a distance
    if any(c.dep_ == "prep" and c.lower_ in SEQUENCE_MARKS for c in children(token)):
        return True
    if token.head.dep_ == "prep" and token.head.lower_ in SEQUENCE_MARKS:  # "days" under "after"
        return True
    # the distance on the clause it measures ("a day after fighters overran", "day" under "overran") or
    # on the verb that clause depends on ("came a day after ...")
    clauses = [token.head, *(c for c in children(token.head) if c.dep_ == "advcl")]
    return any(m.dep_ == "mark" and m.lower_ in SEQUENCE_MARKS for c in clauses for m in children(c))


LATER_ADVERBS = frozenset({"later", "earlier", "afterwards"})


def _distance_later(token: Token) -> bool:
    """ "a day later", "two weeks earlier": a counted distance from the last dated event."""
    if token.lower_ not in LATER_ADVERBS or in_time_entity(token):
        return False
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() in UNIT_DAYS for c in children(token))


def time_mentions(tokens: list[Token]) -> list[Mention]:
    """DATE/TIME expressions attached directly to ``tokens``; lemma = governing preposition or ''."""
    found: list[Mention] = []
    for tok in tokens:
        found.extend(_own_cached(tok))
    return _dedupe(found) if len(found) > 1 else found


def _own_said(tok: Token) -> list[Mention]:
    """The time expressions of ``tok`` itself: "said on Thursday it had repelled an attack ... on
    Wednesday": a date hung between the reporting verb and the clause's subject is the saying's, the
    clause's only when it has none of its own."""
    own = _own_mentions(tok)
    saying = reported_subject(tok)
    if saying is not None:
        later = [m for m in own if m.start >= saying]
        own = later or own
    return own


_WHEN = get_string_id("when")
_CCOMP = get_string_id("ccomp")
# the labels _own_mentions reads of each child, compared as ids (no string look-up per read)
_DATE_MODIFIER_IDS = frozenset(map(get_string_id, ("npadvmod", "tmod", "obl", "advmod", "poss", "nmod")))
_SUBJECT_IDS = frozenset(map(get_string_id, ("nsubj", "nsubjpass")))
_ADVMOD, _PREP = get_string_id("advmod"), get_string_id("prep")


def _when_date(tok: Token, kids: tuple[Token, ...]) -> Mention | None:
    """ "fled since Sunday, when fighting broke out": the date a "when" clause follows is its time, wherever
    the parser hung the clause (``kids``: the children of ``tok``)."""
    i = tok.i
    when = next((c for c in kids if c.i < i and c.lower == _WHEN and c.dep_ in ("advmod", "mark")), None)
    if when is None or when.i < 2 or when.nbor(-1).text != ",":
        return None
    date = when.nbor(-2)
    return time_mention(date, "") if date.ent_type_ == "DATE" else None


# live Doc -> token index -> its own time mentions: the governing clauses of a sentence's triggers are
# asked again for each trigger
_OWN: weakref.WeakKeyDictionary[Doc, dict[int, tuple[Mention, ...]]] = weakref.WeakKeyDictionary()


def _own_cached(tok: Token) -> tuple[Mention, ...]:
    """:func:`_own_said`, found once per token of a live ``Doc``."""
    doc = tok.doc
    by_token = scope_table(doc, "own_times")  # (inside the extraction's scope no weak reference per call)
    if by_token is None:
        by_token = _OWN.get(doc)
        if by_token is None:
            by_token = _OWN[doc] = {}
    i = tok.i
    found: tuple[Mention, ...] | None = by_token.get(i)
    if found is None:
        found = by_token[i] = tuple(_own_said(tok))
    return found


def _own_mentions(tok: Token) -> list[Mention]:
    """The time expressions hung on ``tok`` itself (see :func:`time_mentions`)."""
    kids = children(tok)
    when = _when_date(tok, kids)
    found: list[Mention] = [when] if when is not None else []
    for child in kids:
        dep = child.dep
        if dep in _DATE_MODIFIER_IDS and (in_time_entity(child) or _anaphoric_day(child)):
            if sequence_distance(child) or in_dateline(child):
                continue
            found.append(time_mention(child, ""))
        elif dep == _ADVMOD and _distance_later(child):
            # "A day later the fighters burned ...", which the NER tags as a date only now and then
            text, begin = span_text(child.doc, child.left_edge.i, child.i + 1)
            found.append(Mention(text, begin, begin + len(text), "DATE", ""))
        elif dep == _ADVMOD and child.lower_ in PART_OF_DAY_ADVERBS:
            # "shelled the city overnight and on Wednesday": the date coordinated with the part of day
            for prep in (c for c in children(child) if c.dep_ in ("conj", "prep")):
                inner = [o for o in children(prep) if o.dep_ == "pobj" and in_time_entity(o)]
                found.extend(time_mention(o, prep.lower_) for o in inner)
        elif dep in _SUBJECT_IDS and not in_time_entity(child):
            # "Last month gunmen abducted ...": the opening date parsed as a compound of the subject
            found.extend(
                time_mention(c, "") for c in child.lefts if c.dep_ == "compound" and in_time_entity(c)
            )
        elif dep == _PREP and _bare_date(child):
            # "On Tuesday security forces detained": the date the parser made the subject's modifier
            found.append(time_mention(child.doc[child.i + 1], child.lower_))
        elif dep == _PREP:
            for obj in children(child):
                if obj.dep_ == "pobj" and child.lower_ in OCCASION_PREPS and not in_time_entity(obj):
                    # "during Friday prayers", "at Sunday mass": the day an occasion is named by
                    found.extend(time_mention(c, child.lower_) for c in obj.lefts if _weekday_modifier(c))
                if obj.dep_ in ("pobj", "pcomp") and in_time_entity(obj) and not _spell_of(obj):
                    found.append(time_mention(obj, child.lower_))
                    # "for a second day on Monday": a date hanging from a duration
                    for prep in children(obj):
                        if prep.dep_ == "prep":
                            inner = [o for o in children(prep) if o.dep_ == "pobj" and in_time_entity(o)]
                            found.extend(time_mention(o, prep.lower_) for o in inner)
    return found


SPELL_UNITS = frozenset({"hour", "day", "week", "month", "year"})


def _spell_of(token: Token) -> bool:
    """A length of time an activity lasted, not a time: "after two days of fighting", "after a week of
    clashes" (whose date, if any, is told elsewhere)."""
    if token.lemma_.lower() not in SPELL_UNITS:
        return False
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and any(o.dep_ == "pobj" and not in_time_entity(o) for o in children(prep))
        for prep in children(token)
    )


OCCASION_PREPS = frozenset({"during", "at"})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def _weekday_modifier(token: Token) -> bool:
    return token.dep_ == "compound" and token.lower_ in WEEKDAYS and token.ent_type_ == "DATE"


def reported_subject(token: Token) -> int | None:
    """For a clause reported after its verb ("said on Thursday it had repelled"), the character offset of
    the clause's subject: a date the parser hung before it, after the reporting verb, is the saying's."""
    if token.dep != _CCOMP or token.head.i > token.i:
        return None
    subject = next((c for c in children(token) if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject.idx if subject is not None and subject.i < token.i else None


def _bare_date(prep: Token) -> bool:
    """An opening preposition whose date the parser took as a modifier of the subject ("On Tuesday security
    forces detained": "Tuesday" on "forces", left as the preposition's object or hung elsewhere)."""
    objects = [c for c in children(prep) if c.dep_ in ("pobj", "pcomp")]
    if objects:
        return dated_subject(objects[0])
    doc = prep.doc
    following = doc[prep.i + 1] if prep.i + 1 < len(doc) else None
    return following is not None and following.dep_ == "compound" and in_time_entity(following)


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
