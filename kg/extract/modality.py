"""Statements of intent and obligation, as events of their own (the ``[modality]`` table of the lexicon).

"Portugal will support ...", "Syria offered to negotiate", "the rebels are willing to withdraw": the
supported / negotiated / withdrawn event did not happen; what happened is a commitment, which event coders
(PLOVER, CAMEO) code as AGREE when the intended action is cooperative and THREATEN when it is hostile.
"Libya must hand over the suspects" (reported) is a REQUEST by the speaker, aimed at Libya. An ordered
coercive act ("ordered the paper to suspend publication") is that act, by whoever ordered it. A negated
commitment ("will not withdraw", "failed to reach an agreement") is a refusal, REJECT; an attempted act of
violence ("tried to assassinate") is an ASSAULT, getting ready for it ("prepared to resume shelling") a
show of force, MOBILIZE; a decision ("decided to lift the curfew") is the decided act, by the decider.

``recode(doc, frames)`` returns the frames with, for each such statement, the intended event marked
hypothetical and a statement frame added (class from the lexicon; trigger = the marker plus the verb; same
roles; for an obligation the reporter is the agent and the obliged subject the target).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Doc, Token

from kg.extract.clauses import subject_of
from kg.extract.lexicon import Modality, load_modality
from kg.extract.obligations import reported_clause
from kg.extract.places import conjunct_verbs, located_at
from kg.extract.spans import mention, trigger_root
from kg.extract.times import clauses_above, trigger_times
from kg.extract.tree import children
from kg.frozen import evolve
from kg.model import EventFrame, Mention
from kg.namespaces import EVENT_CLASSES

__all__ = ["Modality", "load_modality", "recode", "marker_of"]


def _clause_verbs(head: Token) -> list[Token]:
    """``head`` and the words its auxiliaries may sit on: the verb or adjective it is the infinitive or
    conjunct of, and an adjective's copula ("must be ready to mediate")."""
    verbs = [head]
    if head.dep_ in ("xcomp", "conj") and head.head.i != head.i:
        gov = head.head
        verbs.append(gov)
        if gov.pos_ == "ADJ" and gov.dep_ == "acomp":
            verbs.append(gov.head)
    return verbs


def _carrier(head: Token, modality: Modality) -> Token:
    """The verb that carries ``head``'s event into its clause: a light verb of an event noun ("impose new
    sanctions", "resume its offensive") or an aspect verb of an event verb ("resume shelling")."""
    carried = head
    for _ in range(2):
        gov = carried.head
        if gov.i == carried.i or gov.lemma_.lower() not in modality.carrier_verbs or gov.pos_ != "VERB":
            break
        if not (carried.dep_ == "dobj" or (carried.dep_ == "xcomp" and carried.pos_ == "VERB")):
            break
        carried = gov
    return carried


def marker_of(head: Token, modality: Modality) -> tuple[Token, str] | None:
    """The word that makes ``head``'s event a stated intention ("intent") or obligation ("obligation")."""
    noun = head
    head = _carrier(head, modality)
    verbs = _clause_verbs(head)
    auxiliaries = [(verb, c, c.lower_) for verb in verbs for c in children(verb) if c.dep_ == "aux"]
    for _, aux, word in auxiliaries:
        if word in modality.obligation:
            return aux, "obligation"
    for verb, aux, word in auxiliaries:
        if word in modality.future or (word in modality.reported_future and reported_clause(verb)):
            return aux, "intent"
    # an infinitive complement; "sworn to fight" is often parsed as a clause of purpose
    infinitive = head.dep_ == "xcomp" or (
        head.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in children(head))
    )
    if infinitive:
        gov = head.head
        lemma = gov.lemma_.lower()
        if gov.pos_ == "VERB" and lemma in modality.attempt_verbs:
            return gov, "attempt"
        if gov.pos_ == "VERB" and lemma in modality.preparation_verbs:
            return gov, "preparation"
        if gov.pos_ == "VERB" and lemma in modality.decision_verbs:
            return gov, "decision"
        if (gov.pos_ == "VERB" and lemma in modality.intent_verbs) or (
            gov.pos_ == "ADJ" and lemma in modality.intent_adjectives
        ):
            return gov, "intent"
    head = noun if head is not noun and noun.head.lemma_.lower() in modality.command_verbs else head
    gov = head.head
    if (
        (infinitive or head.dep_ == "dobj")
        and gov.pos_ == "VERB"
        and gov.lemma_.lower() in modality.command_verbs
    ):
        return gov, "command"  # "ordered the newspaper to suspend publication", "ordered the arrest of"
    return None


def _conditional_modal(head: Token, modality: Modality) -> tuple[Token, str] | None:
    """ "may halt the mediation if ...", "could impose sanctions if ...": a hostile act on a condition."""
    verbs = _clause_verbs(head)
    modal = next(
        (
            c
            for v in verbs
            for c in children(v)
            if c.dep_ == "aux" and c.lower_ in modality.conditional_modals
        ),
        None,
    )
    if modal is None:
        return None
    marks = modality.threat_conditions | modality.conditions
    conditioned = any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in children(c))
        for v in verbs
        for c in children(v)
    )
    return (modal, "intent") if conditioned else None


def _conditional(verbs: list[Token], modality: Modality) -> bool:
    """An intention on a condition the other side must meet ("will withdraw unless ...") is a threat."""
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in modality.threat_conditions for m in children(c))
        for verb in verbs
        for c in children(verb)
    )


def _refusal(
    head: Token, frame: EventFrame, mod: Modality, heads: dict[int, EventFrame]
) -> EventFrame | None:
    """A negated commitment is a refusal (REJECT): "will not withdraw", "would not meet the demands" (a
    cooperative event in the future), "did not accept", "failed to reach an agreement" (a refusal verb)."""
    category = EVENT_CLASSES.get(frame.event_class, frame.event_class)
    if not mod.refusal_class or category not in mod.refusal_categories:
        return None
    verbs = _clause_verbs(head)
    future = [
        c for v in verbs for c in children(v)
        if c.dep_ == "aux" and (c.lower_ in mod.future or c.lower_ in mod.reported_future)
    ]  # fmt: skip
    if not future and head.lemma_.lower() not in mod.refusal_verbs:
        return None
    refused = EVENT_CLASSES[mod.refusal_class]
    if any(
        a.i in heads and EVENT_CLASSES[heads[a.i].event_class] == refused for a in list(head.ancestors)[:3]
    ):
        return None  # "refused to accept": the governing verb is already the refusal
    negators = [c for v in verbs for c in children(v) if c.dep_ == "neg"]
    first = min([head.i, *(t.i for t in future + negators)])
    if head.dep_ == "xcomp" and head.head.lemma_.lower() in mod.refusal_governors:
        first = min(first, head.head.i)  # "failed to reach"
    words = head.doc[first : head.i + 1]
    trigger = Mention(words.text, words.start_char, words.end_char, "TRIGGER", head.lemma_.lower())
    return evolve(frame, event_class=mod.refusal_class, trigger=trigger, negated=False, hypothetical=False)


def _speaker_places(doc: Doc, speaker: Mention | None) -> tuple[Mention, ...]:
    """A demand is made where its speaker is: "the Red Cross operating in Iraq said X must ..."."""
    span = None if speaker is None else doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    return tuple(mention(p, place=True) for p in located_at(span.root)) if span is not None else ()


def statement_times(marker: Token) -> tuple[Mention, ...]:
    """The time of a statement of intent, demand or agreement: its verb's own, else its coordinated
    verbs' ("held talks on Sunday and agreed to ..."), else the governing clause's ("agreed to withdraw,
    a mediator said on Monday")."""
    if marker.dep_ in ("aux", "auxpass"):  # "said on Tuesday that Kinshasa would ask ...": the saying's
        return tuple(trigger_times(marker, [], [], (), clauses_above(marker.head, nominal=False)))
    conjuncts = conjunct_verbs(marker)
    # "ordered the expulsion of two diplomats on Tuesday", "held talks on Sunday and agreed to ..."
    objects = [c for v in [marker, *conjuncts] for c in children(v) if c.dep_ in ("dobj", "obj")]
    governing = clauses_above(marker, nominal=False)
    return tuple(trigger_times(marker, [marker], objects, (), governing, conjuncts))


def recode(
    doc: Doc,
    frames: Sequence[EventFrame],
    modality: Modality | None = None,
    bare: Collection[int] = (),
) -> list[EventFrame]:
    """``frames`` plus a statement frame for each intended or demanded event (see the module docstring);
    ``bare`` = trigger start offsets of ``bare_obligations`` frames, replaced by their demand."""
    mod = modality or load_modality()
    if not mod.future and not mod.intent_verbs and not mod.obligation:
        return list(frames)
    starts = {f.trigger.start: f for f in frames}
    out: list[EventFrame] = []
    added: list[EventFrame] = []
    dropped: set[int] = set()
    heads = {}
    for f in frames:
        f_root = trigger_root(doc, f.trigger)
        if f_root is not None:
            heads[f_root.i] = f
    for frame in frames:
        root = trigger_root(doc, frame.trigger)
        refusal = _refusal(root, frame, mod, heads) if root is not None and frame.negated else None
        if refusal is not None:
            added.append(refusal)
        found = None if root is None or frame.negated else marker_of(root, mod)
        category = EVENT_CLASSES.get(frame.event_class, frame.event_class)
        if found is None and root is not None and not frame.negated and category in mod.hostile_categories:
            found = _conditional_modal(root, mod)
        cls = None
        no_event = frame.trigger.start in bare
        if found is not None:
            kind = found[1]
            if kind == "obligation" and (no_event or category != EVENT_CLASSES[mod.obligation_class]):
                cls = mod.obligation_class
            elif kind == "intent" and root is not None and _conditional(_clause_verbs(root), mod):
                cls = mod.intent_hostile
            elif kind == "intent" and category in mod.cooperative_categories:
                cls = mod.intent_cooperative
            elif kind == "intent" and category in mod.hostile_categories:
                cls = mod.intent_hostile
            elif kind == "command" and category in mod.command_categories:
                boss = subject_of(found[0])
                # "fighting forced the agencies to suspend aid": an event forces nobody as an actor
                cls = frame.event_class if boss is None or boss.i not in heads else None
            elif kind == "attempt" and category in mod.attempt_categories:
                cls = mod.attempt_class or None
            elif kind == "preparation" and category in mod.preparation_categories:
                cls = mod.preparation_class or None
            elif kind == "decision":
                cls = frame.event_class
        span = doc.char_span(frame.trigger.start, frame.trigger.end, "expand") if found and cls else None
        if found is None or cls is None or span is None or root is None:
            if not no_event:
                out.append(frame)
            continue
        marker = found[0]
        governing = starts.get(marker.idx)
        if governing is not None:
            # "offered to release", "vowed to attack": the statement, with the intended event's roles,
            # replaces the frame of the verb that makes it
            dropped.add(governing.trigger.start)
        first, last = min(marker.i, span.start), max(marker.i, span.end - 1)
        words = doc[first : last + 1]
        trigger = Mention(words.text, words.start_char, words.end_char, "TRIGGER", marker.lemma_.lower())
        # "agreed on Sunday to withdraw by the end of the month": the statement is dated by its own verb,
        # its coordinated verbs or the clause above it, not by the deadline of what it envisages
        said = statement_times(marker)
        if found[1] == "obligation":
            agents = (frame.reported_by,) if frame.reported_by is not None else ()
            statement = evolve(
                frame, event_class=cls, trigger=trigger, agents=agents, targets=frame.agents,
                agent_inherited=False, quantities=(), hypothetical=False, times=said,
                places=frame.places or _speaker_places(doc, frame.reported_by),
            )  # fmt: skip
        elif found[1] == "command":
            boss = subject_of(marker)
            statement = evolve(
                frame, trigger=trigger, agents=(mention(boss),) if boss is not None else (),
                targets=frame.agents if root.pos_ == "VERB" else frame.targets,
                agent_inherited=False, hypothetical=False, times=said,
            )  # fmt: skip
        else:
            statement = evolve(frame, event_class=cls, trigger=trigger, hypothetical=False, times=said)
        if not no_event:
            out.append(evolve(frame, hypothetical=True))
        added.append(statement)
    kept = [f for f in out if f.trigger.start not in dropped]
    return sorted([*kept, *added], key=lambda f: (f.trigger.start, f.event_class))
