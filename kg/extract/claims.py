"""Who did a use of force its own sentence names no doer for, from who claimed it or was blamed for it.

News often tells a bombing or an air strike with no doer ("A bomb exploded outside a mosque in Kunduz,
killing six worshippers") and says who did it apart: "Islamic State Khorasan Province claimed
responsibility for the attack", "..., a local committee said, blaming the army's air force", "The army
blamed the attack on the ELN". ``attribute_claims`` gives the claimer, or the party blamed, as the doer of
the last such act told before the claim and of the acts of force told in the same sentence with it; an
act with a doer of its own keeps it (a blame is an allegation the act's own sentence did not make).
"""

from __future__ import annotations

import dataclasses

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from kg.extract.nouns import prep_objects
from kg.extract.people import actor_like, instrument
from kg.extract.settings import category, trigger_roots
from kg.extract.spans import mention
from kg.extract.tree import children
from kg.model import EventFrame

__all__ = ["attribute_claims"]

CLAIM_NOUNS = frozenset({"responsibility", "credit"})  # "claimed responsibility for", "claimed credit"
ON = frozenset({"on"})
_CLAIM_OR_BLAME = frozenset(map(get_string_id, ("claim", "blame")))


def attribute_claims(doc: Doc, frames: list[EventFrame]) -> list[EventFrame]:
    """``frames`` in text order, the doer of an unattributed act of force given by a later claim or blame
    in the document (see the module docstring)."""
    said = [t for t in doc if t.lemma in _CLAIM_OR_BLAME]  # (lemma ids: no string look-up per token)
    if not said:
        return frames
    at = trigger_roots(doc, frames)
    out = list(frames)
    for token in said:
        party = _claimer(token) if token.lemma_ == "claim" else _blamed(token, at)
        if party is None:
            continue
        acts = _unattributed(doc, out, at, token)
        for n in acts:
            out[n] = dataclasses.replace(out[n], agents=(mention(party, actor=True),))
    return out


def _claimer(verb: Token) -> Token | None:
    """The subject of "claimed responsibility (for ...)", "claimed the attack"; not of "claimed that"."""
    if verb.pos_ != "VERB":
        return None
    objects = [c for c in children(verb) if c.dep_ == "dobj"]
    if not objects or not (objects[0].lemma_.lower() in CLAIM_NOUNS or objects[0].pos_ in ("NOUN", "PRON")):
        return None
    subject = next((c for c in children(verb) if c.dep_ == "nsubj"), None)
    return subject if subject is not None and actor_like(subject) else None


def _blamed(verb: Token, at: dict[int, int]) -> Token | None:
    """Whom "blaming X", "blamed X for the attack", "blamed the attack on X" name."""
    if verb.lemma_ != "blame" or verb.pos_ != "VERB":
        return None
    obj = next((c for c in children(verb) if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    if obj.i in at or obj.lemma_.lower() in EVENT_HEADS:
        # "blamed the attack on X", the "on" phrase hung on the verb or on the attack
        obj = next((o for t in (verb, obj) for _, o in prep_objects(t, ON)), None)
    # not "blamed the army for failing to protect them": blamed for something else than an act of force
    for_what = [o for c in children(verb) if c.dep_ == "prep" and c.lower_ == "for" for o in children(c)]
    if any(not (o.i in at or o.lemma_.lower() in EVENT_HEADS) for o in for_what):
        return None
    return obj if obj is not None and actor_like(obj) else None


def _unattributed(doc: Doc, frames: list[EventFrame], at: dict[int, int], claim: Token) -> list[int]:
    """The asserted acts of force told last before ``claim`` (outside its own phrases), with those of
    their sentence, that name no doer but a weapon or another event."""
    lo, hi = claim.left_edge.idx, claim.right_edge.idx
    before = [
        n for n, f in enumerate(frames)
        if f.trigger.start < claim.idx and not lo <= f.trigger.start <= hi
        and category(f) == "Assault" and not (f.negated or f.hypothetical)
    ]  # fmt: skip
    if not before:
        return []
    sentence = frames[before[-1]].sentence_start
    return [n for n in before if frames[n].sentence_start == sentence and _doerless(doc, frames[n], at)]


def _doerless(doc: Doc, frame: EventFrame, at: dict[int, int]) -> bool:
    """No agent, or agents that are weapons or events, this one's trigger among them ("a bomb exploded",
    "drone strikes killed"); ``at``: the trigger roots of the document's frames."""
    for agent in frame.agents:
        span = doc.char_span(agent.start, agent.end, alignment_mode="expand")
        if span is None:
            return False
        head = span.root
        if not (instrument(head) or head.i in at or head.lemma_.lower() in EVENT_HEADS):
            return False
    return True


# event nouns standing for the act ("the raids killed ...", "blamed the attack on X")
EVENT_HEADS = frozenset({"strike", "raid", "attack", "blast", "explosion", "bombing", "killing", "ambush"})
