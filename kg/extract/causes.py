"""What an outcome and the events around it share: a killing or wounding and the event noun that did it
("A roadside bomb killed two soldiers in X on Monday": the bomb went off there and then, also when the
parser hung the verb on the noun as a participle or relative clause), the opening event a dateline took
for the killing's subject, and the event a killing happened in or during.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.clauses import causes
from kg.extract.datelines import in_dateline
from kg.extract.quantities import INJURY_LEMMAS
from kg.extract.settings import CONTEXT_PREPS, OUTCOME_CLASSES, category, trigger_roots
from kg.extract.tree import children
from kg.frozen import evolve
from kg.model import EventFrame

__all__ = ["share_context", "fold_wounds"]


def share_context(doc: Doc, frames: list[EventFrame]) -> list[EventFrame]:
    """ "Israeli forces killed three men during a raid on Qabatiya on Wednesday": a killing and the event it
    happened in share their setting (the killing takes the place and time the parser hung on the raid) and
    doer (the raid is the killers'); any other event with no place of its own takes the place of the event
    it was done during ("condemned the attack during a visit to Bol")."""
    at = trigger_roots(doc, frames)
    out = list(frames)
    for head_i, n in at.items():
        harm = frames[n].event_class in OUTCOME_CLASSES
        if harm or doc[head_i].lemma_.lower() in INJURY_LEMMAS:
            # "A roadside bomb killed two soldiers in X on Monday": the bomb went off there and then
            for k in (at[c.i] for c in causes(doc[head_i]) if c.i in at):
                cause = out[k]
                places, times = cause.places or out[n].places, cause.times or out[n].times
                out[k] = evolve(cause, places=places, times=times)
        if not harm:
            # "condemned the attack during a visit to Bol": any event done during another is where it was
            during = (c for c in children(doc[head_i]) if c.dep_ == "prep" and c.lower_ == "during")
            for k in (at[o.i] for p in during for o in children(p) if o.dep_ == "pobj" and o.i in at):
                out[n] = evolve(out[n], places=out[n].places or out[k].places)
            continue
        # "SUDAN, Oct 23 — Shelling by the paramilitary RSF killed nine people ...": the opening event the
        # parser hung on the dateline is the killing's subject; it happened there and then, by its doers
        for k in (at[i] for i in _dateline_cause(doc[head_i], at)):
            cause, killing = out[k], out[n]
            out[k] = evolve(
                cause,
                agents=cause.agents or killing.agents,
                places=cause.places or killing.places,
                times=cause.times or killing.times,
            )
        preps = (c for c in children(doc[head_i]) if c.dep_ == "prep" and c.lower_ in CONTEXT_PREPS)
        for k in (at[o.i] for p in preps for o in children(p) if o.dep_ == "pobj" and o.i in at):
            killing, context = out[n], out[k]
            out[n] = evolve(
                killing, places=killing.places or context.places, times=killing.times or context.times
            )
            out[k] = evolve(context, agents=context.agents or killing.agents)
    return out


def _dateline_cause(killing: Token, at: dict[int, int]) -> list[int]:
    """The event opening the killing's sentence that the parser hung on the dateline's city, right before the
    killing's subject ("— Shelling by the paramilitary RSF killed"): its token index, if any."""
    subjects = [c for c in killing.lefts if c.dep_ == "nsubj"]  # the city may be one too ("SUDAN ... killed")
    if not subjects:
        return []
    subject = subjects[-1]
    opening = [
        i for i in at if i < subject.i and in_dateline(killing.doc[i].head) and killing.doc[i].head.i < i
    ]
    return opening[-1:]


def fold_wounds(doc: Doc, frames: list[EventFrame]) -> list[EventFrame]:
    """ "Ten soldiers were killed and 13 wounded when jihadists ambushed their patrol", "detonated a bomb as
    a patrol drove past, wounding four rangers": a wounding told beside another use of force of its
    sentence is that event's harm, not an event of its own; its counts (injuries) join the nearest such
    event before it, else after it. A wounding told alone stays the event it tells."""
    at = {n: i for i, n in trigger_roots(doc, frames).items()}

    def wounding(n: int) -> bool:
        frame = frames[n]
        return frame.event_class == "Assault" and n in at and doc[at[n]].lemma_.lower() in INJURY_LEMMAS

    def force(n: int, frame: EventFrame) -> bool:
        return category(frame) == "Assault" and not wounding(n)

    out = list(frames)
    dropped: set[int] = set()
    for n, frame in enumerate(frames):
        if not wounding(n) or frame.negated or frame.hypothetical:
            continue
        near = [
            k for k, other in enumerate(frames)
            if k != n and force(k, other) and other.sentence_start == frame.sentence_start
            and (other.negated, other.hypothetical) == (False, False)
        ]  # fmt: skip
        if near:
            k = max((k for k in near if k < n), default=min(near))
            known = {(q.kind, q.value) for q in out[k].quantities}
            extra = tuple(q for q in frame.quantities if (q.kind, q.value) not in known)
            out[k] = evolve(out[k], quantities=(*out[k].quantities, *extra))
            dropped.add(n)
    return [f for n, f in enumerate(out) if n not in dropped]
