"""Datelines: where and when a dispatch was filed ("TRIPOLI, June 10 —", "GOMA, Democratic Republic of
Congo, Nov 2 —", "KABUL —"), found once per document. Their words are no event's role or time, though the
parser often makes the city the subject of the first clause (``past_dateline`` finds the real one).
"""

from __future__ import annotations

import bisect

import numpy
from spacy.attrs import ORTH, SPACY
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from kg.extract.lexicon import in_table

__all__ = ["DATELINE_DASHES", "in_dateline", "past_dateline"]

DATELINE_DASHES = frozenset({"—", "–", "-", "--"})
_DASH_IDS = numpy.array(sorted(get_string_id(d) for d in DATELINE_DASHES), dtype=numpy.uint64)
DATELINE_WORDS = 12  # "BANGUI, Central African Republic, Feb. 14 —": how far into its sentence it may run


def in_dateline(token: Token) -> bool:
    """A word of a dispatch's dateline ("TRIPOLI, June 10 —", "KABUL —"): where and when the story was
    filed, before a dash at the start of its sentence, with a date or in capitals; no event's role or
    time (the parser often makes the city the subject of the first clause)."""
    found = token.doc.user_data.get(_DATELINES_KEY)
    if found is None:
        found = token.doc.user_data[_DATELINES_KEY] = _datelines(token.doc)
    return token.i in found


def past_dateline(subject: Token) -> Token | None:
    """The subject a dateline's city stands in for ("KINSHASA — Fighters of the X militia attacked ...",
    parsed with "Fighters" in apposition to the city, or as a conjunct of the dateline's date: "NEKEMTE,
    Ethiopia, Dec 7 — Fighters of ..."): the subject itself when it is no dateline's."""
    if not in_dateline(subject):
        return subject
    return next(
        (
            t
            for t in subject.subtree
            if t.dep_ in ("appos", "conj") and in_dateline(t.head) and not in_dateline(t)
        ),
        None,
    )


_DATELINES_KEY = "conflict_kg.datelines"


MONTH_ABBREVIATIONS = frozenset(
    {"jan", "feb", "mar", "apr", "may", "jun", "june", "jul", "july", "aug", "sep", "sept", "oct", "nov",
     "dec"}
)  # fmt: skip


def _month_day(doc: Doc, dash: int) -> bool:
    """ "..., Nov 2 —": a day of a month before the dash, which the model did not tag as a date."""
    if dash < 2 or not doc[dash - 1].like_num:
        return False
    month = doc[dash - 2].lower_.rstrip(".")
    return month in MONTH_ABBREVIATIONS or (month == "." and doc[dash - 3].lower_ in MONTH_ABBREVIATIONS)


def _datelines(doc: Doc) -> tuple[int, ...]:
    """The token indices of the document's datelines, found once per document (a tuple: ``Doc.to_bytes``
    serialises the user data, which takes no sets)."""
    found: list[int] = []
    # a dash standing between spaces ("June 10 — Fighting"), not a hyphen ("three-day"); one array read
    rows = doc.to_array([ORTH, SPACY])
    spaced = in_table(rows[:, 0], _DASH_IDS) & (rows[:, 1] != 0) if len(doc) else numpy.zeros(0, bool)
    dashes = numpy.flatnonzero(spaced).tolist()
    for sent in doc.sents if dashes else ():
        k = bisect.bisect_left(dashes, sent.start + 1)
        if k == len(dashes) or dashes[k] >= min(sent.start + DATELINE_WORDS, sent.end):
            continue
        dash = dashes[k]
        if not doc[dash - 1].whitespace_:
            continue
        words = [t for t in doc[sent.start : dash] if t.is_alpha]
        # "KABUL —", "YOLA, Nigeria —": a city in capitals, perhaps with its country
        city = bool(words) and words[0].is_upper and len(words[0]) > 1 and len(words) <= 4
        dated = doc[dash - 1].ent_type_ == "DATE" or _month_day(doc, dash)
        if dated or (city and all(t.is_upper or t.is_title for t in words)):
            found.extend(range(sent.start, dash))
    return tuple(found)
