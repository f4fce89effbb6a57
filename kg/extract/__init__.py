"""Event frames from a parsed spaCy ``Doc``: triggers -> roles -> factuality -> quantities.

``extract_frames(doc)`` returns one :class:`~kg.model.EventFrame` per trigger head, sorted by token index.
The spaCy component ``conflict_events`` stores the same list on ``doc._.event_frames`` (doc_id "").
Statements of intent and obligation become events of their own (``kg.extract.modality``); a definite
event noun with no participant, place or time of its own ("condemned the killings") is taken to name an
event already told and left out when an earlier frame of the document has its category. Reasons and
purposes ("recalled its envoy in protest", "blocked roads to demand ...") are read with their act
(``kg.extract.purposes``).
A finite clause with no subject ("In a week, took three towns") inherits the agents of the previous
frame of the document and is marked ``agent_inherited``.
"""

from __future__ import annotations

import bisect
import dataclasses
import weakref
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.extract.anchors import relative_anchors
from kg.extract.factuality import SentenceFacts, assess, sentence_facts
from kg.extract.lexicon import active_lexicon
from kg.extract.modality import bare_obligations, recode
from kg.extract.purposes import relate_purposes
from kg.extract.quantities import quantities_for
from kg.extract.roles import Roles, TriggerLike, find_roles
from kg.extract.settings import (
    category,
    fold_harm,
    fold_injuries,
    from_cause,
    inherit_setting,
    setting_from_clauses,
    share_context,
)
from kg.extract.times import REACTION_VERBS
from kg.model import EventFrame, Mention, Quantity
from kg.namespaces import EVENT_CLASSES
from kg.resolve.dates import clock_only

__all__ = ["extract_frames", "frame_for", "make_conflict_events", "ConflictEvents", "ANAPHORIC_DETERMINERS"]

_USER_DATA_KEY = "conflict_kg.event_frames"


def _mention(data: dict[str, Any]) -> Mention:
    return Mention(**data)


def _frame_from_plain(data: dict[str, Any]) -> EventFrame:
    fields: dict[str, Any] = dict(data)
    for key in _MENTION_LISTS:
        fields[key] = tuple(_mention(m) for m in data[key])
    fields["trigger"] = _mention(data["trigger"])
    fields["reported_by"] = _mention(data["reported_by"]) if data["reported_by"] else None
    fields["quantities"] = tuple(Quantity(**q) for q in data["quantities"])
    fields["anchor"] = tuple(data["anchor"]) if data.get("anchor") else None
    return EventFrame(**fields)


# the frames themselves, beside the plain copy in the Doc's user data, while the Doc lives in this process:
# reading them back is then free (a Doc from Doc.from_bytes has only the plain copy)
_LIVE: weakref.WeakKeyDictionary[Doc, tuple[list[dict[str, Any]], list[EventFrame]]] = (
    weakref.WeakKeyDictionary()
)


def _get_frames(doc: Doc) -> list[EventFrame] | None:
    plain = doc.user_data.get(_USER_DATA_KEY)
    if plain is None:
        return None
    live = _LIVE.get(doc)
    if live is not None and live[0] is plain:
        return list(live[1])
    return [_frame_from_plain(d) for d in plain]


_MENTION_LISTS = ("agents", "targets", "places", "times")


def _plain(frame: EventFrame) -> dict[str, Any]:
    """``dataclasses.asdict`` without its deep copies (a fifth of extraction time): the fields hold only
    strings, numbers, booleans and the small frozen Mention/Quantity records."""
    data = dict(vars(frame))
    data["trigger"] = dict(vars(frame.trigger))
    for key in _MENTION_LISTS:
        data[key] = [dict(vars(m)) for m in data[key]]
    data["reported_by"] = dict(vars(frame.reported_by)) if frame.reported_by is not None else None
    data["quantities"] = [dict(vars(q)) for q in frame.quantities]
    return data


def _set_frames(doc: Doc, frames: Iterable[EventFrame]) -> None:
    # stored as plain dicts so Doc.to_bytes (and nlp.pipe(n_process>1)) can serialise them
    kept = list(frames)
    plain = doc.user_data[_USER_DATA_KEY] = [_plain(f) for f in kept]
    _LIVE[doc] = (plain, kept)


if not Doc.has_extension("event_frames"):
    Doc.set_extension("event_frames", getter=_get_frames, setter=_set_frames)


def frame_for(
    doc: Doc, trigger: TriggerLike, roles: Roles, doc_id: str = "", facts: SentenceFacts | None = None
) -> EventFrame:
    """Assemble the frame of one trigger from its roles (factuality and quantities computed here);
    ``facts`` = ``sentence_facts`` of the trigger's sentence, when the caller keeps them per sentence."""
    head = doc[trigger.head]
    if facts is None:
        facts = sentence_facts(head.sent)
    sent = facts.sent
    fact = assess(head, facts)
    span = doc[trigger.start : trigger.end] if trigger.end > trigger.start else doc[head.i : head.i + 1]
    return EventFrame(
        doc_id=doc_id,
        sentence=facts.text,
        sentence_start=sent.start_char,
        trigger=Mention(span.text, span.start_char, span.end_char, "TRIGGER", head.lemma_.lower()),
        event_class=trigger.event_class,
        agents=roles.agents,
        targets=roles.targets,
        places=roles.places,
        times=roles.times,
        negated=fact.negated,
        hypothetical=fact.hypothetical,
        reported_by=fact.reported_by,
        quantities=quantities_for(
            ((doc[i], role) for i, role in roles.participants), trigger.event_class, head
        ),
    )


def extract_frames(
    doc: Doc, doc_id: str = "", triggers: Iterable[TriggerLike] | None = None
) -> list[EventFrame]:
    """Event frames of a parsed document (``triggers`` defaults to ``kg.extract.triggers.find_triggers``).

    With the lexicon's triggers, the document-level rules run too: statements of intent and obligation
    are added and anaphoric event nouns left out. Hand-placed ``triggers`` give exactly one frame each."""
    document_rules = triggers is None
    if triggers is None:
        from kg.extract.triggers import find_triggers

        triggers = find_triggers(doc)
    by_head: dict[int, TriggerLike] = {}
    for trig in triggers:
        kept = by_head.get(trig.head)
        if kept is None or (trig.end - trig.start) > (kept.end - kept.start):
            by_head[trig.head] = trig
    bare = bare_obligations(doc, by_head) if document_rules else []
    by_head.update((t.head, t) for t in bare)
    heads = frozenset(by_head)
    sents = list(doc.sents) if by_head else []
    text = doc.text if by_head else ""  # (Doc.text joins every token: read once)
    ends = [sent.end for sent in sents]
    facts: dict[int, SentenceFacts] = {}
    frames: list[EventFrame] = []
    by_trigger: dict[int, EventFrame] = {}
    last_agents: tuple[Mention, ...] = ()
    bare_nouns: set[int] = set()  # trigger offsets of event nouns with no role of their own
    for trig in sorted(by_head.values(), key=lambda t: (t.start, t.head)):
        roles = find_roles(doc, trig, heads)
        n = bisect.bisect_right(ends, trig.head)
        if n not in facts:
            facts[n] = sentence_facts(sents[n])
        frame = frame_for(doc, trig, roles, doc_id, facts[n])
        if not frame.agents and roles.subjectless and last_agents:
            frame = dataclasses.replace(frame, agents=last_agents, agent_inherited=True)
        if frame.agents and (not last_agents or any(m.label != "PRON" for m in frame.agents)):
            last_agents = frame.agents
        if _anaphor(doc, frame, text):
            bare_nouns.add(frame.trigger.start)
        frame = inherit_setting(doc[trig.head], from_cause(doc[trig.head], frame, by_trigger), by_trigger)
        by_trigger[trig.head] = frame
        frames.append(frame)
    frames = share_context(doc, setting_from_clauses(doc, frames))
    if not document_rules:
        return frames
    frames = relate_purposes(doc, frames)
    frames = relative_anchors(doc, fold_injuries(doc, fold_harm(doc, frames)), bare_nouns)
    return _drop_anaphors(doc, recode(doc, frames, bare={doc[t.head].idx for t in bare}), bare_nouns, text)


ANAPHORIC_DETERMINERS = frozenset({"the", "this", "these", "those", "such", "either", "both"})


def _definite(noun: Token) -> bool:
    """ "the attack", "this strike", "such violence": a determiner that points back."""
    return any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in noun.children)


def _anaphor(doc: Doc, frame: EventFrame, text: str) -> bool:
    """ "condemned the killings", "since the fighting began", "said it carried out the attack", "killed in
    Sunday's attack": a definite event noun that adds no target, time or new place of its own (at most the
    agent of the verb it is the object of) names an event already told. Judged on the noun's own roles,
    before it inherits the setting of the clause it sits in."""
    if frame.targets or frame.quantities:
        return False
    span = doc.char_span(frame.trigger.start, frame.trigger.end, alignment_mode="expand")
    if span is None or span.root.pos_ not in ("NOUN", "PROPN"):
        return False
    if frame.agents and span.root.dep_ != "dobj":
        return False
    # "Sunday's attack": a day named as the possessor identifies the event like "the"
    dated = [c for c in span.root.children if c.dep_ == "poss" and c.ent_type_ == "DATE"]
    starts = {c.idx for c in dated}
    # "condemned the attack on Monday": a date on the object of a comment is not the retold event's own
    commented = span.root.dep_ == "dobj" and span.root.head.lemma_.lower() in REACTION_VERBS
    # "the assault began before dawn": a time of day alone does not make the event a new one
    if not commented and any(m.start not in starts and not clock_only(m.text) for m in frame.times):
        return False
    if not (dated or _definite(span.root)):
        return False
    before = text[: frame.sentence_start] if frame.places else ""
    # a place of its own; one named before does not make it new ("the strike in Sagaing")
    return all(m.text in before for m in frame.places)


def _drop_anaphors(doc: Doc, frames: list[EventFrame], bare_nouns: set[int], text: str) -> list[EventFrame]:
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
        retold = _retold_by_subject(doc, frame, bare_nouns) or (
            kind in acts and _retold_by_doers(doc, frame, text)
        )
        if kind in told and retold and frame.event_class != "Killing":
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
    span = doc.char_span(frame.trigger.start, frame.trigger.end, alignment_mode="expand")
    if span is None or span.root.pos_ != "VERB" or frame.negated or frame.hypothetical:
        return False
    lexicon = active_lexicon()
    for subject in (c for c in span.root.children if c.dep_ == "nsubj"):
        if subject.idx in bare_nouns:
            return True
        classes = (lexicon.entries[n].event_class for n in lexicon.nouns.get(subject.lemma_.lower(), ()))
        if _definite(subject) and any(EVENT_CLASSES.get(c, c) == category(frame) for c in classes):
            return True
    return False


# who did an attack, named by it: "the attackers", "the assailants"
DOER_NOUNS = frozenset({"attacker", "assailant", "raider"})


def _retold_by_doers(doc: Doc, frame: EventFrame, text: str) -> bool:
    """ "The attackers arrived before midnight and opened fire on the guards": the doers of an attack told
    before, named by it, telling how it went, with no new place or day ("The assailants also set fire to a
    clinic in the village of X" is an act of its own)."""
    span = doc.char_span(frame.trigger.start, frame.trigger.end, alignment_mode="expand")
    if span is None or span.root.pos_ != "VERB" or frame.negated or frame.hypothetical:
        return False
    if any(c.dep_ == "advmod" and c.lower_ == "also" for c in span.root.children):
        return False
    verb = span.root
    while not any(c.dep_ == "nsubj" for c in verb.children) and verb.dep_ == "conj":
        verb = verb.head  # "arrived ... and opened fire": the subject of the first verb
    doers = [c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in DOER_NOUNS]
    if not any(_definite(d) for d in doers):
        return False
    before = text[: frame.sentence_start]
    dated = any(not clock_only(m.text) for m in frame.times)
    return not dated and all(m.text in before for m in frame.places)


class ConflictEvents:
    """The ``conflict_events`` pipeline component."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.event_frames = extract_frames(doc)
        return doc


@Language.factory(
    "conflict_events",
    requires=["token.dep", "token.lemma", "doc.ents"],
    assigns=["doc._.event_frames"],
)
def make_conflict_events(nlp: Language, name: str) -> ConflictEvents:
    return ConflictEvents()
