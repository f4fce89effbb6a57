"""Event mentions that retell an event already told, for :func:`kg.extract.extract_frames`: a definite
event noun with nothing of its own ("condemned the killings"), a verb whose subject is such a noun ("The
strike hit the hamlet of X"), and a verb whose subject is the doers an earlier act is named by ("The
attackers arrived before midnight and opened fire"). They are left out, lending their places to the event
they retell.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from kg.extract.lexicon import active_lexicon
from kg.extract.settings import category
from kg.extract.spans import subtree_chars, trigger_root
from kg.extract.times import REACTION_VERBS
from kg.extract.tree import children
from kg.model import EventFrame
from kg.namespaces import EVENT_CLASSES
from kg.resolve.dates import clock_only, hours_only

__all__ = ["ANAPHORIC_DETERMINERS", "DOER_NOUNS", "anaphor", "drop_anaphors"]

ANAPHORIC_DETERMINERS = frozenset({"the", "this", "these", "those", "such", "either", "both"})
POINTING_PRONOUNS = frozenset({"it", "this", "that"})


def _definite(noun: Token) -> bool:
    """ "the attack", "this strike", "such violence": a determiner that points back."""
    return any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in children(noun))


def anaphor(doc: Doc, frame: EventFrame, text: str) -> bool:
    """ "condemned the killings", "since the fighting began", "said it carried out the attack", "killed in
    Sunday's attack": a definite event noun that adds no target, time or new place of its own (at most the
    agent of the verb it is the object of) names an event already told. Judged on the noun's own roles,
    before it inherits the setting of the clause it sits in."""
    root = trigger_root(doc, frame.trigger)
    if root is None or root.pos_ not in ("NOUN", "PROPN"):
        return False
    if (
        root.dep_ == "attr"
        and root.head.lemma_ == "be"
        and any(c.dep_ == "nsubj" and c.lower_ in POINTING_PRONOUNS for c in children(root.head))
    ):
        return True  # "It was the deadliest attack in the province in a year": what was just told, ranked
    if frame.targets or frame.quantities:
        return False
    if frame.agents and root.dep_ != "dobj":
        return False
    # "Sunday's attack": a day named as the possessor identifies the event like "the"
    dated = [c for c in children(root) if c.dep_ == "poss" and c.ent_type_ == "DATE"]
    starts = {c.idx for c in dated}
    # "condemned the attack on Monday": a date on the object of a comment is not the retold event's own
    commented = root.dep_ == "dobj" and root.head.lemma_.lower() in REACTION_VERBS
    # "the assault began before dawn": a time of day alone does not make the event a new one; nor does
    # the date of the clause it sits in ("fled on Tuesday as the fighting drew closer")
    clause = root.head if root.dep_ in ("nsubj", "nsubjpass") else root
    lo, hi = subtree_chars(clause)
    own = [m for m in frame.times if lo <= m.start < hi]
    # "the raids were the deadliest in the state this year": a ranking's time is its range, not a new day
    commented |= clause.lemma_ == "be" and any(
        c.dep_ in ("attr", "acomp") and c.tag_ == "JJS" for c in children(clause)
    )
    # ... nor a stretch of hours ("the gunfight lasted about 40 minutes")
    if not commented and any(
        m.start not in starts and not (clock_only(m.text) or hours_only(m.text)) for m in own
    ):
        return False
    if not (dated or _definite(root)):
        return False
    before = text[: frame.sentence_start] if frame.places else ""
    # a place of its own; one named before does not make it new ("the strike in Sagaing")
    return all(m.text in before for m in frame.places)


def drop_anaphors(doc: Doc, frames: list[EventFrame], bare_nouns: set[int], text: str) -> list[EventFrame]:
    """Leave out anaphoric event nouns whose category an earlier asserted frame of the document has; a verb
    of that category whose subject is such a noun retells the event too ("The strike hit the hamlet of
    X"): it is left out and lends its places to the last earlier frame of its category. So is a verb whose
    subject is the doers an earlier act of its category is named by ("The attackers opened fire")."""
    told: dict[str, int] = {}  # category, and class, -> index in ``kept`` of its last asserted frame
    acts: set[str] = set()  # categories told by an act other than a killing ("the attackers" did it)
    kept: list[EventFrame] = []
    for frame in frames:
        kind = category(frame)
        if kind in told and frame.trigger.start in bare_nouns:
            continue
        if (
            kind in told
            and frame.event_class != "Killing"
            and (
                _retold_by_subject(doc, frame, bare_nouns)
                or (kind in acts and _retold_by_doers(doc, frame, text))
            )
        ):
            at = told.get(frame.event_class, told[kind])  # the air strike retold, not the killing it did
            places = tuple(m for m in frame.places if m.text not in {p.text for p in kept[at].places})
            kept[at] = dataclasses.replace(kept[at], places=(*kept[at].places, *places))
            continue
        if not (frame.negated or frame.hypothetical):
            told[kind] = told[frame.event_class] = len(kept)
            if frame.event_class != "Killing":
                acts.add(kind)
        kept.append(frame)
    return kept


def _retold_by_subject(doc: Doc, frame: EventFrame, bare_nouns: set[int]) -> bool:
    """The verb's subject is an anaphoric event noun ("The strike hit ..."), or a definite noun the
    lexicon files under the verb's category, which the trigger took in ("the strike" made "hit" an
    air strike)."""
    root = trigger_root(doc, frame.trigger)
    if root is None or root.pos_ != "VERB" or frame.negated or frame.hypothetical:
        return False
    lexicon = active_lexicon()
    for subject in (c for c in children(root) if c.dep_ == "nsubj"):
        if subject.idx in bare_nouns:
            return True
        classes = lexicon.noun_classes(subject.lemma_.lower())
        if any(EVENT_CLASSES.get(c, c) == category(frame) for c in classes) and _definite(subject):
            return True
    return False


# who did an attack, named by it: "the attackers", "the assailants"
DOER_NOUNS = frozenset({"attacker", "assailant", "raider"})


def _retold_by_doers(doc: Doc, frame: EventFrame, text: str) -> bool:
    """ "The attackers arrived before midnight and opened fire on the guards": the doers of an attack told
    before, named by it, telling how it went, with no new place or day ("The assailants also set fire to a
    clinic in the village of X" is an act of its own)."""
    root = trigger_root(doc, frame.trigger)
    if root is None or root.pos_ != "VERB" or frame.negated or frame.hypothetical:
        return False
    if any(c.dep_ == "advmod" and c.lower_ == "also" for c in children(root)):
        return False
    verb = root
    while not any(c.dep_ == "nsubj" for c in children(verb)) and verb.dep_ == "conj":
        verb = verb.head  # "arrived ... and opened fire": the subject of the first verb
    doers = [c for c in children(verb) if c.dep_ == "nsubj" and c.lemma_.lower() in DOER_NOUNS]
    if not any(_definite(d) for d in doers):
        return False
    before = text[: frame.sentence_start]
    dated = any(not clock_only(m.text) for m in frame.times)
    return not dated and all(m.text in before for m in frame.places)
